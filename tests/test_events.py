"""The event coder on German sentences written for these tests (not from any gold file)."""

from __future__ import annotations

import pytest

import lagebild
from lagebild.extract.events import lexicon, verb_forms
from lagebild.model import MODALITIES, PLOVER_TYPES

DATE = "2016-12-16"


def _code(text: str):
    return next(lagebild.extract_many([{"text": text, "date": DATE}], tokens=False))


def _events(text: str, ptype: str | None = None):
    art = _code(text)
    return [e for e in art.events if ptype is None or e.plover_type == ptype], art


def test_lexicon_loads_every_entry_and_covers_all_plover_types() -> None:
    lex = lexicon()
    entries = [e for es in lex.verbs.values() for e in es] + [e for es in lex.nouns.values() for e in es]
    assert len(lex.verbs) > 200 and len(lex.nouns) > 150
    assert {e.type for e in entries} == set(PLOVER_TYPES)
    for e in entries:
        assert e.cameo in lex.cameo, f"{e.id}: CAMEO code {e.cameo} not in cameo.tsv"
        assert e.actor_slots or e.recipient_slots, f"{e.id}: empty frame"


def test_generated_forms_cover_particles_participles_and_strong_verbs() -> None:
    lex = lexicon()
    assert ("einnehmen", False) in lex.forms["eingenommen"]
    assert ("festnehmen", True) in lex.forms["nahmen"]  # finite form that needs its particle
    assert ("angreifen", False) in lex.forms["anzugreifen"]
    finite, nonfinite = verb_forms("erschießen", {"schießen": ("schoss", "geschossen", "")})
    assert "erschossen" in nonfinite and "erschoss" in finite


def test_seize_with_compound_actor() -> None:
    evs, _ = _events("Am Montag haben russische Truppen und syrische Milizen die Stadt Palmyra eingenommen.", "COERCE")
    assert len(evs) == 1
    ev = evs[0]
    assert ev.plover_mode == "seize" and ev.cameo_code == "192" and ev.trigger.text == "eingenommen"
    assert len(ev.actor) == 2  # one event with a compound actor, not two events
    assert {a.code[:3] for a in ev.actor} == {"RUS", "SYR"}
    assert ev.goldstein is not None and ev.quad_class == 4
    assert 0.0 <= ev.confidence <= 1.0 and ev.evidence


def test_passive_with_von_agent() -> None:
    evs, _ = _events("Die Demonstranten wurden in Kairo von der ägyptischen Polizei festgenommen.", "COERCE")
    assert len(evs) == 1
    ev = evs[0]
    assert [a.code for a in ev.actor] == ["EGYCOP"]  # the agent, not the grammatical subject
    assert ev.recipient and ev.recipient[0].text.endswith("Demonstranten")
    assert ev.cameo_code == "173" and ev.modality == "asserted"


def test_negated_event() -> None:
    evs, _ = _events("Die türkische Regierung hat die Sanktionen gegen Russland nicht aufgehoben.", "RETREAT")
    assert len(evs) == 1 and evs[0].modality == "negated"


def test_failed_event() -> None:
    evs, _ = _events("Die Verhandlungen zwischen Israel und der Hamas sind gescheitert.", "CONSULT")
    assert len(evs) == 1
    assert evs[0].modality == "failed"
    assert {a.code[:3] for a in evs[0].actor} >= {"ISR"}


def test_future_announcement_is_coded_as_intent() -> None:
    evs, _ = _events("Frankreich kündigte an, weitere Soldaten nach Mali zu entsenden.")
    assert len(evs) == 1
    ev = evs[0]
    assert ev.modality == "future"
    assert ev.plover_type == "AGREE" and ev.cameo_code.startswith("03")  # CAMEO 03x: express intent to ...
    assert ev.actor[0].code == "FRAGOV"


def test_running_total_gives_a_reason_not_an_event() -> None:
    evs, art = _events("Seit 2011 wurden in Syrien mehr als 400.000 Menschen getötet.")
    assert evs == []
    reasons = [r for r in art.reasons if r.stage == "events"]
    assert reasons and "running total" in reasons[0].message
    assert reasons[0].trigger is not None and reasons[0].trigger.text == "getötet"


def test_non_political_subject_gives_a_reason() -> None:
    evs, art = _events("Die Anwohner protestierten gegen den Bau der Straße.")
    assert evs == []
    assert any("Anwohner" in r.message for r in art.reasons if r.stage == "events")


def test_event_noun_with_genitive_actor() -> None:
    evs, _ = _events("Der Abzug der amerikanischen Truppen aus dem Irak begann am Montag.", "RETREAT")
    assert len(evs) == 1
    ev = evs[0]
    assert ev.trigger.text == "Abzug" and ev.cameo_code == "0874"
    assert ev.actor[0].code == "USAMIL"


def test_event_record_shape() -> None:
    evs, art = _events("Die Polizei nahm in Berlin zwei Demonstranten fest.")
    assert len(evs) == 1
    ev = evs[0]
    assert ev.id == f"{art.id}:0:{ev.trigger.start}"
    assert art.text[ev.trigger.start:ev.trigger.end] == "nahm"
    assert ev.modality in MODALITIES
    d = ev.to_dict()
    assert d["plover"]["type"] == "COERCE" and d["cameo"]["root"] == "17"


@pytest.mark.parametrize("text", ["Die Regierung hat eine Entscheidung getroffen.",
                                  "Der Minister nahm seine Medikamente ein."])
def test_required_context_excludes_other_senses(text: str) -> None:
    evs, _ = _events(text)
    assert evs == []


# ---- argument frames and German grammar (one test per general fix) -------------------------------------------

def test_passive_patient_is_the_recipient_without_an_agent_phrase() -> None:
    evs, _ = _events("In Minsk wurden am Sonntag von der belarussischen Polizei mehrere Oppositionelle verhaftet.",
                     "COERCE")
    assert len(evs) == 1
    assert [a.code for a in evs[0].actor] == ["BLRCOP"]
    assert evs[0].recipient, "the arrested are the recipient of a passive arrest"


def test_prepositional_recipient_after_an_instrument_phrase() -> None:
    evs, _ = _events("Die Polizei schlug in Kairo mit Schlagstöcken auf die Demonstranten ein.", "ASSAULT")
    assert len(evs) == 1
    assert [a.code for a in evs[0].actor] == ["EGYCOP"]
    assert [r.code[3:] for r in evs[0].recipient] == ["OPP"]


def test_contracted_agent_preposition_vom() -> None:
    evs, _ = _events("Der Oppositionsführer wurde vom russischen Geheimdienst festgenommen.", "COERCE")
    assert len(evs) == 1
    assert evs[0].actor[0].code.startswith("RUS")


def test_visit_to_a_country_has_its_government_as_recipient() -> None:
    evs, _ = _events("Der französische Präsident sprach bei seinem Besuch in Japan über Handelsfragen.", "CONSULT")
    visit = [e for e in evs if e.trigger.text == "Besuch"]
    assert visit and [r.code for r in visit[0].recipient] == ["JPNGOV"]


def test_demand_addressed_by_a_dass_clause() -> None:
    evs, _ = _events("Die ungarische Opposition fordert, dass die ungarische Regierung sofort zurücktritt.", "REQUEST")
    assert len(evs) == 1
    assert [r.code for r in evs[0].recipient] == ["HUNGOV"]


def test_unnamed_attackers_are_coded_uaf() -> None:
    evs, _ = _events("In Kabul wurde der afghanische Minister von unbekannten Männern angegriffen.", "ASSAULT")
    assert len(evs) == 1
    assert [a.code for a in evs[0].actor] == ["---UAF"]
    assert evs[0].recipient and evs[0].recipient[0].code.startswith("AFG")


def test_evaluation_is_an_accusation_of_the_perpetrator() -> None:
    text = ("Russische Soldaten haben am Montag in Butscha Dutzende Zivilisten erschossen. "
            "Der ukrainische Außenminister sagte: „Das ist ein Kriegsverbrechen.“")
    evs, _ = _events(text, "ACCUSE")
    assert len(evs) == 1
    ev = evs[0]
    assert ev.trigger.text == "Kriegsverbrechen" and ev.cameo_code == "1124"
    assert [a.code for a in ev.actor] == ["UKRGOV"]
    assert [r.code for r in ev.recipient] == ["RUSMIL"]
    # the predicative noun is not reported as a second massacre/assault
    assert not [e for e in _events(text, "ASSAULT")[0] if e.trigger.text == "Kriegsverbrechen"]


def test_negated_event_that_could_not_happen_has_failed() -> None:
    evs, _ = _events("Die Regierungen Serbiens und des Kosovo konnten am Freitag keine Einigung erzielen.", "AGREE")
    assert len(evs) == 1 and evs[0].modality == "failed"


def test_foreign_troops_landing_are_a_deployment_but_other_landings_are_not() -> None:
    evs, _ = _events("Am Dienstag sind in Haiti kenianische Polizisten gelandet.", "AID")
    assert len(evs) == 1 and evs[0].cameo_code == "074"
    assert _events("Das Flugzeug des Ministers ist am Abend in Rom gelandet.", "AID")[0] == []


def test_coordinated_verbs_share_the_modal() -> None:
    evs, _ = _events("Die französischen Soldaten sollen den Flughafen sichern und die Ausländer in Sicherheit bringen.")
    assert {e.modality for e in evs} == {"future"} and len(evs) == 2


def test_second_subject_is_not_a_compound_actor() -> None:
    evs, _ = _events("Die Polizei löste die Kundgebung der Opposition in Tiflis auf.", "COERCE")
    assert len(evs) == 1
    assert [a.code for a in evs[0].actor] == ["GEOCOP"]


def test_compound_split_needs_a_real_head() -> None:
    evs, _ = _events("Aus Regierungskreisen in Moskau hieß es, die Benzinpreise würden steigen.")
    assert [e for e in evs if e.plover_type == "CONSULT"] == []


def test_country_using_force_is_coded_as_its_military() -> None:
    evs, _ = _events("Die Türkei startete am Morgen eine Bodenoffensive gegen kurdische Milizen.", "ASSAULT")
    assert len(evs) == 1
    assert [a.code for a in evs[0].actor] == ["TURMIL"]


def test_protesting_civilians_are_protesters() -> None:
    evs, _ = _events("Tausende venezolanische Zivilisten protestierten in Caracas gegen die Regierung.", "PROTEST")
    assert len(evs) == 1
    assert evs[0].actor and all(a.code.endswith("OPP") for a in evs[0].actor)


def test_demand_for_a_resignation_is_addressed_to_the_one_who_should_resign() -> None:
    evs, _ = _events("Rumänische Demonstranten forderten den Rücktritt des rumänischen Innenministers.", "REQUEST")
    assert len(evs) == 1 and evs[0].cameo_code == "1041"
    assert [r.code for r in evs[0].recipient] == ["ROUGOV"]


def test_stationed_troops_are_a_state_not_a_deployment() -> None:
    evs, _ = _events("Die in Litauen stationierten deutschen Soldaten nahmen an einer Feier teil.", "MOBILIZE")
    assert evs == []
    evs, _ = _events("Die Bundeswehr stationiert weitere Soldaten in Litauen.", "MOBILIZE")
    assert len(evs) == 1


def test_future_with_werden_but_not_with_past_wurden() -> None:
    evs, _ = _events("Die israelische Armee wird weitere Gebiete einnehmen.")
    assert [(e.plover_type, e.modality) for e in evs] == [("THREATEN", "future")]
    evs, _ = _events("Mehrere Oppositionelle wurden in Minsk von der belarussischen Polizei aus der Haft entlassen.")
    assert [(e.plover_type, e.modality) for e in evs] == [("RETREAT", "asserted")]


def test_content_of_a_demand_noun_is_part_of_the_demand() -> None:
    evs, _ = _events("Die Freilassung der Gefangenen ist eine zentrale Forderung der belarussischen Opposition.")
    assert [e.plover_type for e in evs] == ["REQUEST"]


def test_failing_extractor_keeps_the_event_and_records_a_reason(monkeypatch) -> None:
    import lagebild.extract.places as places

    def broken(*args, **kwargs):
        raise RuntimeError("gazetteer not loaded")

    monkeypatch.setattr(places, "event_location", broken)
    evs, art = _events("Die Polizei nahm am Montag in Lyon zwölf Demonstranten fest.", "COERCE")
    assert len(evs) == 1 and evs[0].location is None  # the event survives without its place
    failures = [r for r in art.reasons if r.stage == "places"]
    assert len(failures) == 1  # once per function and sentence, not once per call
    assert "RuntimeError" in failures[0].message and "gazetteer not loaded" in failures[0].message


def test_failing_actor_lookup_is_a_reason_not_a_crash(monkeypatch) -> None:
    import lagebild.extract.actors as actors

    def broken(*args, **kwargs):
        raise KeyError("RUS")

    monkeypatch.setattr(actors, "actors_for_token", broken)
    art = _code("Russische Truppen haben die Stadt eingenommen.")  # no exception escapes the pipeline
    assert any(r.stage == "actors" and "KeyError" in r.message for r in art.reasons)
