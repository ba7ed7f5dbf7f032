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
                                  "Der Minister nahm seine Medikamente ein.",
                                  "Dem italienischen Verein wurden sechs Punkte abgezogen."])
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


# ------------------------------------------------------------------------------------------------------------
# Argument selection on hand-parsed sentences (rows: word, STTS tag, UD pos, head, dep, morph, lemma), so the rules
# are tested independently of the statistical parser, including its typical attachment errors.

def _parsed(nlp, rows):
    from spacy.tokens import Doc

    words = [r[0] for r in rows]
    doc = Doc(nlp.vocab, words=words, spaces=[i + 1 < len(words) and words[i + 1] not in ".," for i in range(len(words))],
              tags=[r[1] for r in rows], pos=[r[2] for r in rows], heads=[r[3] for r in rows],
              deps=[r[4] for r in rows], morphs=[r[5] if len(r) > 5 else "" for r in rows],
              lemmas=[r[6] if len(r) > 6 else r[0].lower() for r in rows], sent_starts=[i == 0 for i in range(len(words))])
    for name in ("lb_places", "lb_dates", "lb_actors", "lb_figures", "lb_quotes", "lb_events", "lb_reasons"):
        setattr(doc._, name, [])
    return doc


def test_two_parser_subjects_the_first_in_the_clause_is_the_subject(nlp) -> None:
    from lagebild.extract.events import _object_tokens, _subject_tokens

    # "Die Söldner hätten die Dorfbewohner erschossen" with both phrases labelled nsubj
    doc = _parsed(nlp, [("Die", "ART", "DET", 1, "det"), ("Söldner", "NN", "NOUN", 5, "nsubj", "Number=Plur"),
                        ("hätten", "VAFIN", "AUX", 5, "aux", "Number=Plur|VerbForm=Fin", "haben"),
                        ("die", "ART", "DET", 4, "det"), ("Dorfbewohner", "NN", "NOUN", 5, "nsubj", "Number=Plur"),
                        ("erschossen", "VVPP", "VERB", 5, "ROOT", "VerbForm=Part", "erschießen"),
                        (".", "$.", "PUNCT", 5, "punct")])
    verb = doc[5]
    assert [t.text for t in _subject_tokens(verb, False)] == ["Söldner"]
    assert [t.text for t in _object_tokens(verb, False)] == ["Dorfbewohner"]


def test_non_nominative_article_is_never_the_subject_and_auxiliary_arguments_count(nlp) -> None:
    from lagebild.extract.events import _object_tokens, _subject_tokens

    # "Den Minister hat eine Gruppe Abgeordneter kritisiert": object first, the subject hung on the auxiliary
    doc = _parsed(nlp, [("Den", "ART", "DET", 1, "det"), ("Minister", "NN", "NOUN", 6, "nsubj", "Number=Sing"),
                        ("hat", "VAFIN", "AUX", 6, "aux", "Number=Sing|VerbForm=Fin", "haben"),
                        ("eine", "ART", "DET", 4, "det"), ("Gruppe", "NN", "NOUN", 2, "obj", "Number=Sing"),
                        ("Abgeordneter", "NN", "NOUN", 4, "nmod", "Number=Plur"),
                        ("kritisiert", "VVPP", "VERB", 6, "ROOT", "VerbForm=Part", "kritisieren"),
                        (".", "$.", "PUNCT", 6, "punct")])
    verb = doc[6]
    assert [t.text for t in _subject_tokens(verb, False)] == ["Gruppe"]
    assert [t.text for t in _object_tokens(verb, False)] == ["Minister"]


def test_verb_hung_under_an_object_takes_the_subject_of_its_clause(nlp) -> None:
    from lagebild.extract.events import _governing_subject

    # "Ordner umringten die Journalisten und stießen sie weg": the parser hung "stießen" under "Journalisten"
    doc = _parsed(nlp, [("Ordner", "NN", "NOUN", 1, "nsubj"), ("umringten", "VVFIN", "VERB", 1, "ROOT"),
                        ("die", "ART", "DET", 3, "det"), ("Journalisten", "NN", "NOUN", 1, "obj"),
                        ("und", "KON", "CCONJ", 5, "cc"), ("stießen", "VVFIN", "VERB", 3, "conj"),
                        ("sie", "PPER", "PRON", 5, "obj"), ("weg", "PTKVZ", "ADP", 5, "compound:prt"),
                        (".", "$.", "PUNCT", 1, "punct")])
    assert [t.text for t in _governing_subject(doc[5])] == ["Ordner"]


def test_governing_subject_stops_at_a_finite_subordinate_clause(nlp) -> None:
    from lagebild.extract.events import _governing_subject

    # "Der Minister sagte, dass gestern gekämpft wurde": the minister did not fight
    doc = _parsed(nlp, [("Der", "ART", "DET", 1, "det"), ("Minister", "NN", "NOUN", 2, "nsubj"),
                        ("sagte", "VVFIN", "VERB", 2, "ROOT"), (",", "$,", "PUNCT", 6, "punct"),
                        ("dass", "KOUS", "SCONJ", 6, "mark"), ("gestern", "ADV", "ADV", 6, "advmod"),
                        ("gekämpft", "VVPP", "VERB", 2, "ccomp", "VerbForm=Part"),
                        ("wurde", "VAFIN", "AUX", 6, "aux:pass", "", "werden"), (".", "$.", "PUNCT", 2, "punct")])
    assert _governing_subject(doc[6]) == []


def test_passive_agent_hung_under_a_time_adverbial(nlp) -> None:
    from lagebild.extract.events import _passive_agents

    # "Am Freitag von der Polizei verhaftet": the parser attached the agent to "Freitag"
    doc = _parsed(nlp, [("Zwei", "CARD", "NUM", 1, "nummod"), ("Reporter", "NN", "NOUN", 9, "nsubj:pass"),
                        ("wurden", "VAFIN", "AUX", 9, "aux:pass", "", "werden"), ("am", "APPRART", "ADP", 4, "case"),
                        ("Freitag", "NN", "NOUN", 9, "obl"), ("von", "APPR", "ADP", 7, "case"),
                        ("der", "ART", "DET", 7, "det"), ("Polizei", "NN", "NOUN", 4, "nmod"),
                        ("sofort", "ADV", "ADV", 9, "advmod"), ("verhaftet", "VVPP", "VERB", 9, "ROOT", "VerbForm=Part"),
                        (".", "$.", "PUNCT", 9, "punct")])
    assert [t.text for t in _passive_agents(doc[9])] == ["Polizei"]


def test_state_passive_subject_is_the_patient(nlp) -> None:
    from lagebild.extract.events import _object_tokens, _state_passive

    # "Die Aktivisten bleiben weiter inhaftiert"
    doc = _parsed(nlp, [("Die", "ART", "DET", 1, "det"), ("Aktivisten", "NN", "NOUN", 2, "nsubj"),
                        ("bleiben", "VVFIN", "VERB", 2, "ROOT", "VerbForm=Fin", "bleiben"),
                        ("weiter", "ADV", "ADV", 4, "advmod"),
                        ("inhaftiert", "VVPP", "VERB", 2, "xcomp", "VerbForm=Part", "inhaftieren"),
                        (".", "$.", "PUNCT", 2, "punct")])
    assert _state_passive(doc[4])
    assert [t.text for t in _object_tokens(doc[4], True)] == ["Aktivisten"]


def test_victims_of_a_harm_verb_are_the_recipients_of_the_attack_noun(nlp) -> None:
    from lagebild.extract.events import _harmed, lexicon

    # "Drei Soldaten wurden durch Granaten verletzt"
    doc = _parsed(nlp, [("Drei", "CARD", "NUM", 1, "nummod"), ("Soldaten", "NN", "NOUN", 5, "nsubj:pass"),
                        ("wurden", "VAFIN", "AUX", 5, "aux:pass", "", "werden"), ("durch", "APPR", "ADP", 4, "case"),
                        ("Granaten", "NN", "NOUN", 5, "obl"),
                        ("verletzt", "VVPP", "VERB", 5, "ROOT", "VerbForm=Part", "verletzen"),
                        (".", "$.", "PUNCT", 5, "punct")])
    assert [t.text for t in _harmed(doc[4], lexicon())] == ["Soldaten"]


def test_owner_of_a_thing_stands_for_it(nlp) -> None:
    from lagebild.extract.events import _owner_tokens

    # "seine Stellungen" and "die Stellungen der Armee": the possessive and the genitive are the owners
    doc = _parsed(nlp, [("seine", "PPOSAT", "DET", 1, "det:poss", "Poss=Yes"), ("Stellungen", "NN", "NOUN", 1, "ROOT"),
                        ("und", "KON", "CCONJ", 4, "cc"), ("die", "ART", "DET", 4, "det"),
                        ("Stellungen", "NN", "NOUN", 1, "conj"), ("der", "ART", "DET", 6, "det"),
                        ("Armee", "NN", "NOUN", 4, "nmod", "Case=Gen")])
    assert [t.text for t in _owner_tokens([doc[1]])] == ["seine"]
    assert [t.text for t in _owner_tokens([doc[4]])] == ["Armee"]


def test_bare_event_noun_takes_the_subject_of_its_plain_verb() -> None:
    evs, _ = _events("Die russische Armee hat am Morgen mit dem Beschuss der Stadt begonnen.", "ASSAULT")
    assert evs and [a.code for a in evs[0].actor] == ["RUSMIL"]


def test_unnamed_terror_attack_is_not_given_the_previous_actor() -> None:
    text = ("Die Regierung in Bagdad hat am Montag neue Sanktionen gegen Syrien verhängt. "
            "Am Dienstag kam es in Basra erneut zu einem Bombenanschlag.")
    evs, _ = _events(text, "ASSAULT")
    assert evs and [a.code for a in evs[0].actor] == ["---UAF"]


def test_promise_is_a_future_act() -> None:
    evs, _ = _events("Die Regierung in Tokio sagte der Ukraine weitere Hilfe zu.", "AGREE")
    assert evs and evs[0].cameo_code.startswith("03") and evs[0].modality == "future"


def test_cause_of_a_failure_is_not_what_failed() -> None:
    from lagebild.extract.events import Entry, lexicon, modality

    # "Die Reform scheiterte am Widerstand der Opposition": the resistance did not fail
    doc = _parsed(_nlp(), [("Die", "ART", "DET", 1, "det"), ("Reform", "NN", "NOUN", 2, "nsubj"),
                           ("scheiterte", "VVFIN", "VERB", 2, "ROOT", "VerbForm=Fin", "scheitern"),
                           ("am", "APPRART", "ADP", 4, "case"), ("Widerstand", "NN", "NOUN", 2, "obl"),
                           ("der", "ART", "DET", 6, "det"), ("Opposition", "NN", "NOUN", 4, "nmod"),
                           (".", "$.", "PUNCT", 2, "punct")])
    entry = next(e for e in lexicon().nouns["widerstand"])
    assert isinstance(entry, Entry)
    assert modality(doc, doc[4], entry, lexicon())[0] != "failed"
    reform = _parsed(_nlp(), [("Der", "ART", "DET", 1, "det"), ("Angriff", "NN", "NOUN", 2, "nsubj"),
                              ("scheiterte", "VVFIN", "VERB", 2, "ROOT", "VerbForm=Fin", "scheitern"),
                              (".", "$.", "PUNCT", 2, "punct")])
    attack = next(e for e in lexicon().nouns["angriff"])
    assert modality(reform, reform[1], attack, lexicon())[0] == "failed"


def test_ongoing_since_a_past_date_is_not_historical() -> None:
    evs, _ = _events("Die seit Juni andauernden Proteste der Opposition in Minsk gehen weiter.", "PROTEST")
    assert evs and all(e.modality != "historical" for e in evs)


def _nlp():
    from lagebild.analyse.pipeline import load_pipeline

    return load_pipeline()


def test_relying_on_talks_is_one_announced_meeting() -> None:
    evs, _ = _events("Die Regierung in Kiew setzt auf eine neue Runde von Verhandlungen mit Moskau.")
    assert [(e.plover_type, e.cameo_code, e.modality) for e in evs] == [("AGREE", "036", "future")]
    assert [a.code for a in evs[0].actor] == ["UKRGOV"]


def test_entry_naming_its_words_beats_a_bare_condition() -> None:
    from lagebild.extract.events import lexicon

    entries = {e.id: e for e in lexicon().verbs["setzen"]}
    assert entries["setzen/036"].specificity > entries["setzen/050"].specificity


def test_only_force_and_protest_carry_a_toll() -> None:
    evs, _ = _events("Nach dem Erdbeben mit 40 Toten sagte die Regierung in Berlin den Opfern Hilfe zu.", "AGREE")
    assert evs and all(e.dead is None and e.injured is None for e in evs)


def test_participle_equal_to_the_infinitive_is_known() -> None:
    from lagebild.extract.events import lexicon

    assert "entlassen" in lexicon().participles  # "wurden ... entlassen" is a passive


def test_agreeing_to_a_resolution_supports_its_issuer() -> None:
    evs, _ = _events("Der UN-Sicherheitsrat tagte am Freitag in New York. Die Regierung Malis stimmte der Resolution "
                     "zu.", "SUPPORT")
    assert len(evs) == 1
    assert [a.code for a in evs[0].actor] == ["MLIGOV"] and [r.code for r in evs[0].recipient] == ["IGOUNO"]


def test_opponents_oppose_the_one_named_in_their_genitive() -> None:
    evs, art = _events("Kritiker der Regierung protestierten am Montag in Lima.")
    assert [e.plover_type for e in evs] == ["PROTEST"]  # "Kritiker" are people, not a criticism event
    assert [a.code for a in evs[0].actor] == ["PEROPP"] and [r.code for r in evs[0].recipient] == ["PERGOV"]


def test_clash_with_a_mit_partner_has_both_sides_as_actors() -> None:
    evs, _ = _events("Maoistische Rebellen überfielen am Montag ein Dorf in Bihar. Danach kam es zu einem "
                     "Schusswechsel mit der Polizei.", "ASSAULT")
    clash = [e for e in evs if e.trigger.text == "Schusswechsel"]
    assert len(clash) == 1
    assert sorted(a.code for a in clash[0].actor) == ["INDCOP", "INDREB"] and clash[0].recipient == []


def test_continued_protest_is_carried_by_the_subject_of_the_support_verb() -> None:
    evs, _ = _events("Buddhistische Mönche setzten am Montag ihre seit Tagen andauernden Proteste gegen die Regierung "
                     "Thailands fort.", "PROTEST")
    assert len(evs) == 1
    assert [a.code for a in evs[0].actor] == ["THABUD"] and [r.code for r in evs[0].recipient] == ["THAGOV"]


def test_a_rights_group_in_the_context_is_not_the_actor_of_force_or_dismissal() -> None:
    evs, _ = _events("Die malische Armee kontrolliert die Stadt Gao. Human Rights Watch kritisierte am Montag die "
                     "Armee. Drei Offiziere wurden am Dienstag aus dem Dienst entlassen.", "SANCTION")
    assert all(not a.code.startswith("NGO") for e in evs for a in e.actor)


def test_returned_fire_is_aimed_at_the_preceding_attackers() -> None:
    evs, _ = _events("Bewaffnete Männer griffen am Montag einen Konvoi der Armee Malis bei Gao an. Die Soldaten "
                     "erwiderten das Feuer.", "ASSAULT")
    ret = [e for e in evs if e.trigger.text == "erwiderten"]
    assert len(ret) == 1
    assert [a.code for a in ret[0].actor] == ["MLIMIL"] and [r.code for r in ret[0].recipient] == ["---UAF"]


def test_a_conjunct_hung_on_the_first_actors_place_phrase_is_a_co_actor() -> None:
    evs, _ = _events("Die Reform stößt auf scharfe Kritik seitens der Kirche im Land und des Botschafters von Mali "
                     "in Paris.", "ACCUSE")
    assert len(evs) == 1
    assert len(evs[0].actor) == 2 and "MLIGOV" in {a.code for a in evs[0].actor}


def test_clashes_delivered_with_a_partner_have_both_sides_and_no_aid() -> None:
    evs, _ = _events("Die indische Polizei lieferte sich am Montag heftige Gefechte mit maoistischen Rebellen.")
    assert [e.plover_type for e in evs] == ["ASSAULT"]  # "sich Gefechte liefern" is no delivery (AID)
    assert sorted(a.code for a in evs[0].actor) == ["INDCOP", "INDREB"]


def test_curfew_without_agent_is_imposed_by_the_government_of_the_place() -> None:
    evs, _ = _events("In der indischen Stadt Patna wurde am Montag ein Ausgehverbot verhängt.", "COERCE")
    assert evs and all([a.code for a in e.actor] == ["INDGOV"] for e in evs)


def test_the_one_nominal_of_a_verb_with_a_dass_clause_is_its_subject() -> None:
    evs, _ = _events("Zudem verlangen die Mönche, dass die Regierung Thailands zurücktritt.", "REQUEST")
    assert len(evs) == 1
    assert [a.code for a in evs[0].actor] == ["THABUD"] and [r.code for r in evs[0].recipient] == ["THAGOV"]


def test_force_against_protesters_without_agent_is_by_the_police_of_their_country() -> None:
    evs, _ = _events("Russlands Präsident kritisierte die Wahl. In Teheran wurden die Proteste der Opposition am "
                     "Montag gewaltsam niedergeschlagen.", "ASSAULT")
    assert len(evs) == 1
    assert [a.code for a in evs[0].actor] == ["IRNCOP"] and [r.code for r in evs[0].recipient] == ["IRNOPP"]


def test_seized_territory_is_taken_from_those_who_held_it() -> None:
    evs, _ = _events("Die malische Armee hat am Sonntag den von Rebellen gehaltenen Norden der Stadt Gao "
                     "eingenommen.", "COERCE")
    assert len(evs) == 1
    assert [a.code for a in evs[0].actor] == ["MLIMIL"] and [r.code for r in evs[0].recipient] == ["MLIREB"]


def test_a_past_passive_governing_an_event_noun_is_no_plan() -> None:
    evs, _ = _events("Im Juni wurden Proteste gegen das Ergebnis der Wahl im Iran von Sicherheitskräften "
                     "niedergeschlagen.", "PROTEST")
    assert evs and all(e.modality != "future" for e in evs)


def test_a_statement_noun_from_a_country_has_that_government_as_actor() -> None:
    evs, _ = _events("Frankreich sagte am Montag Hilfe zu. Zusagen gibt es auch aus Italien.", "AGREE")
    pledge = [e for e in evs if e.trigger.text == "Zusagen"]
    assert len(pledge) == 1 and [a.code for a in pledge[0].actor] == ["ITAGOV"]


def test_month_dated_event_is_historical_only_when_the_whole_month_lies_back() -> None:
    from lagebild.extract.events import _period_end
    from lagebild.model import DateRef

    june = DateRef(value="2005-06-01", precision="month", text="im Juni", start=0, end=7)
    assert _period_end(june).isoformat() == "2005-06-30"  # 10 days before a 10 July article: not historical
    dec = DateRef(value="2015-12-01", precision="month", text="im Dezember", start=0, end=11)
    assert _period_end(dec).isoformat() == "2015-12-31"
    year = DateRef(value="2011-01-01", precision="year", text="2011", start=0, end=4)
    assert _period_end(year).isoformat() == "2011-12-31"
    day = DateRef(value="2016-12-15", precision="day", text="am Donnerstag", start=0, end=13)
    assert _period_end(day).isoformat() == "2016-12-15"


def _triples(text: str, ptype: str) -> list[tuple[list[str], list[str]]]:
    evs, _ = _events(text, ptype)
    return [([a.code for a in e.actor], [r.code for r in e.recipient]) for e in evs]


def test_rockets_on_targets_in_another_country_have_that_country_as_recipient() -> None:
    assert (["LBNREB"], ["ISR"]) in _triples(
        "Die Rebellen feuerten vom Libanon aus Raketen auf Ziele in Israel ab.", "ASSAULT")


def test_dismissal_from_service_stays_inside_one_institution() -> None:
    assert (["USAMIL"], ["USAMIL"]) in _triples(
        "Zwei Offiziere der US-Armee sind aus dem Dienst entlassen worden.", "SANCTION")


def test_a_bare_object_labelled_obl_arg_is_still_the_object() -> None:
    # the parser sometimes labels an accusative object "obl:arg" ("haben Rebellen sieben Geiseln genommen")
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    import lagebild.analyse.pipeline  # noqa: F401  (registers the Doc extensions)
    from lagebild.extract.events import _object_tokens

    words = ["Rebellen", "haben", "sieben", "Geiseln", "genommen", "."]
    doc = Doc(Vocab(), words=words, heads=[4, 4, 3, 4, 4, 4], deps=["nsubj", "aux", "nummod", "obl:arg", "ROOT",
                                                                   "punct"],
              pos=["NOUN", "AUX", "NUM", "NOUN", "VERB", "PUNCT"])
    assert [t.text for t in _object_tokens(doc[4], False)] == ["Geiseln"]


def test_an_offer_to_send_troops_involves_the_destination_government() -> None:
    assert (["ESPGOV"], ["LBNGOV"]) in _triples(
        "Spanien hat sich bereit erklärt, weitere 1.000 Soldaten in den Libanon zu entsenden.", "AGREE")


def test_a_demand_of_domestic_strikers_without_addressee_is_made_of_their_government() -> None:
    assert (["POLLAB"], ["POLGOV"]) in _triples(
        "Die Freilassung der Gefangenen ist eine Forderung der streikenden Arbeiter in Polen.", "REQUEST")


def test_the_dying_are_not_the_attackers_and_a_convoy_is_military() -> None:
    assert (["---UAF"], ["GBRMIL"]) in _triples(
        "Nach einem Angriff auf einen britischen Konvoi im Süden Afghanistans starben zwei Soldaten.", "ASSAULT")


def test_an_unnamed_attack_on_a_state_forces_is_not_by_that_state() -> None:
    assert (["---UAF"], ["GBRMIL"]) in _triples(
        "Die britische Regierung kündigte am Montag neue Ermittlungen an. Am Abend wurde ein britischer Konvoi "
        "angegriffen.", "ASSAULT")


def test_demonstrative_subject_refers_to_the_named_office_holder() -> None:
    # "Der" standing alone as a subject is a pronoun; the name after an office at an organisation stands for it
    evs, _ = _events("Der Generalsekretär der Vereinten Nationen, Ban Ki Moon, besuchte Kairo. "
                     "Der hatte die Regierung zuvor um Hilfe gebeten.", "REQUEST")
    assert [e.trigger.text for e in evs] == ["gebeten"]
    assert [a.code for a in evs[0].actor] == ["IGOUNO"]


def test_attempt_noun_gives_the_actor_of_the_attempted_act_and_its_failure() -> None:
    evs, _ = _events("Die Bemühungen des UN-Sondergesandten, Russland und die Türkei zu einer Waffenruhe zu "
                     "verpflichten, sind gescheitert.", "REQUEST")
    assert len(evs) == 1
    ev = evs[0]
    assert ev.trigger.text == "verpflichten" and ev.cameo_code == "027"
    assert [a.code for a in ev.actor] == ["IGOUNO"]  # the one who attempts, not the noun "Bemühungen"
    assert ev.modality == "failed"


def test_reflexive_commitment_is_an_agreement_not_a_demand() -> None:
    evs, _ = _events("Die syrische Regierung und Russland verpflichteten sich zu einer Waffenruhe.")
    assert [(e.plover_type, e.cameo_code) for e in evs] == [("AGREE", "030")]


def test_failure_in_a_subordinate_clause_is_not_the_main_event_failure() -> None:
    evs, _ = _events("Die syrischen Rebellen zogen am Mittwoch aus Aleppo ab, nachdem eine Waffenruhe gescheitert war.",
                     "RETREAT")
    ev = next(e for e in evs if e.trigger.text == "zogen")
    assert ev.modality == "asserted"


def test_object_of_a_plain_verb_under_a_modal_is_not_planned() -> None:
    # "soll ... ergänzen": the talks exist; only the object of a support verb is planned ("will Gespräche führen")
    evs, _ = _events("Die neue Plattform soll die Gespräche zwischen Israel und den Palästinensern ergänzen.",
                     "CONSULT")
    assert evs and evs[0].modality != "future"
    planned, _ = _events("Die israelische Regierung will Gespräche mit den Palästinensern führen.")
    assert planned and planned[0].modality == "future"


def test_modal_with_perfect_infinitive_reports_the_past_not_a_plan() -> None:
    # "sollen ... getötet worden sein" is hearsay about a past act, not an announcement (no THREATEN intent)
    evs, _ = _events("Bei den Kämpfen sollen syrische Soldaten mehrere Rebellen getötet haben.")
    kinds = {(e.plover_type, e.modality) for e in evs}
    assert ("ASSAULT", "asserted") in kinds and not any(t == "THREATEN" for t, _ in kinds)


def test_threatening_verb_needs_a_threatener_in_the_clause() -> None:
    # an impending penalty threatens no one; an attributive "bedrohte Arten" is a state
    evs, _ = _events("Die US-Regierung ermittelt gegen den Mann. Dafür droht ihm lebenslange Haft.", "THREATEN")
    assert evs == []
    evs, _ = _events("Die Regierung setzte Eisbären auf die Liste bedrohter Arten.", "THREATEN")
    assert evs == []


def test_a_threat_noun_as_predicate_is_an_evaluation_not_an_event() -> None:
    evs, _ = _events("Die Al-Kaida bleibt eine Bedrohung für die irakische Regierung.", "THREATEN")
    assert evs == []


def test_joined_particle_verb_in_a_verb_final_clause() -> None:
    # "als ... einnahmen": the particle joined to the finite verb of a subordinate clause
    evs, _ = _events("Als syrische Rebellen die Stadt einnahmen, flohen Tausende.", "COERCE")
    assert [e.trigger.text for e in evs] == ["einnahmen"]


def test_separated_particle_the_lexicon_lacks_is_not_the_plain_verb() -> None:
    # "setzten ... fort" is fortsetzen (a support verb of the noun), not "setzen auf" (SUPPORT)
    evs, _ = _events("Israelische Soldaten setzten ihre Angriffe in Richtung auf den Fluss fort.")
    assert [e.plover_type for e in evs] == ["ASSAULT"]


def test_sich_aussprechen_fuer_and_gegen() -> None:
    evs, _ = _events("Die Bundesregierung sprach sich für Verhandlungen aus.")
    assert [e.plover_type for e in evs] == ["SUPPORT"]
    evs, _ = _events("Die Bundesregierung sprach sich gegen neue Sanktionen aus.")
    assert [e.plover_type for e in evs] == ["REJECT"]


def test_agent_nouns_are_not_their_act() -> None:
    # "Kämpfer", "Besucher", "Kläger" name people; stripping "-er" must not turn them into Kampf, Besuch, Klage
    evs, _ = _events("Die ägyptische Polizei nahm am Montag zwei Männer fest. Danach brachte sie Besucher und "
                     "Anwohner aus der Gefahrenzone.")
    assert [e.plover_type for e in evs] == ["COERCE"]  # no CONSULT "Besucher" (Besuch)


def test_meeting_resistance_is_no_meeting() -> None:
    evs, _ = _events("Die syrische Armee traf am Montag auf erbitterten Widerstand der Rebellen.", "CONSULT")
    assert evs == []


def test_compounds_that_are_not_their_head_event() -> None:
    # a press conference is no consultation, aiding a crime ("Beihilfe") is no aid
    evs, _ = _events("Der deutsche Innenminister kündigte auf einer Pressekonferenz am Montag neue Gesetze an. Der "
                     "Minister wurde wegen Beihilfe zur Steuerhinterziehung angeklagt.")
    assert {e.plover_type for e in evs} <= {"ACCUSE"}


def test_claim_or_blame_names_the_perpetrator_of_an_attack() -> None:
    for text in ("Zu dem Anschlag in Jerusalem bekannte sich am Montag die Hamas.",
                 "Die Hamas wird für den Anschlag in Jerusalem verantwortlich gemacht."):
        evs, _ = _events(text, "ASSAULT")
        assert [a.code for e in evs for a in e.actor] == ["PSEREB"], text


def test_name_hung_on_an_event_noun_is_no_genitive() -> None:
    # "bei ihrem Treffen mit dem französischen Präsidenten Nicolas Sarkozy": the parser may hang "Nicolas" on the noun;
    # only a noun or name is a genitive, so the possessive (the clause's subject) is the actor
    evs, _ = _events("Der Streit sei beigelegt, hatte Bundeskanzlerin Angela Merkel bei ihrem Treffen mit dem "
                     "französischen Präsidenten Nicolas Sarkozy in Paris gesagt.", "CONSULT")
    assert [([a.code for a in e.actor], [r.code for r in e.recipient]) for e in evs] == [(["DEUGOV"], ["FRAGOV"])]


def test_demanded_or_offered_act_is_the_content_not_an_event() -> None:
    evs, _ = _events("Die Bundesregierung erklärte sich am Montag bereit, weitere 500 Soldaten nach Mali zu entsenden.")
    assert [e.plover_type for e in evs] == ["AGREE"]


def test_a_meeting_that_is_scheduled_is_announced() -> None:
    evs, _ = _events("Die Verhandlungen zwischen Russland und der Ukraine sind für Dienstag geplant.")
    assert [(e.plover_type, e.modality) for e in evs] == [("AGREE", "future")]  # CAMEO 036: intent to meet


def test_a_coordinated_demand_does_not_make_the_other_verbs_object_demanded() -> None:
    evs, _ = _events("Der UN-Sondergesandte forderte eine politische Lösung und brachte die jüngsten syrischen "
                     "Luftangriffe auf Idlib zur Sprache.", "ASSAULT")
    assert [e.modality for e in evs] == ["asserted"]


def test_an_event_noun_in_a_mit_phrase_of_the_same_act_is_its_manner() -> None:
    evs, _ = _events("Hunderte ägyptische Oppositionelle protestierten am Montag mit einer Sitzblockade gegen die "
                     "Regierung.", "PROTEST")
    assert [e.trigger.text for e in evs] == ["protestierten"]


def test_warning_of_consequences_is_a_threat_but_of_climate_change_no_event() -> None:
    evs, _ = _events("Die russische Regierung warnte die Ukraine vor ernsten Konsequenzen.")
    assert [(e.plover_type, [r.code for r in e.recipient]) for e in evs] == [("THREATEN", ["UKRGOV"])]
    evs, _ = _events("Der UN-Generalsekretär warnte vor den Folgen des Klimawandels.")
    assert evs == []


STORY = ("Die russische Regierung kritisierte die Türkei. Der russische Präsident sprach in Moskau. Das Wetter war gut. "
         "Der Himmel war blau. Die Sonne schien. Es regnete nicht. ")


def test_main_actor_of_the_story_acts_only_on_someone_the_clause_names() -> None:
    # far from any event, a bare noun without an addressee is not an act of the article's main actor
    evs, art = _events(STORY + "Welche Bedenken.", "ACCUSE")
    assert [e.trigger.text for e in evs] == ["kritisierte"]
    assert any("Bedenken" in r.message for r in art.reasons)
    # an agentless act on a named recipient is the main actor's, with low confidence and the reason recorded
    evs, _ = _events(STORY + "Am Montag wurde der türkische Botschafter ausgewiesen.", "SANCTION")
    assert [a.code for a in evs[0].actor] == ["RUSGOV"] and evs[0].confidence <= 0.45
    assert any("main actor" in x for x in evs[0].evidence)


def test_actor_of_a_preceding_event_of_another_kind_is_marked_weak() -> None:
    evs, _ = _events("Die Polizei nahm am Montag in Kairo drei Demonstranten fest. Die Polizei setzte Tränengas ein. "
                     "Am Dienstag wurde ein Journalist angeklagt.", "ACCUSE")
    assert evs and any("preceding COERCE event" in x for x in evs[0].evidence)
    assert any("another kind" in x for x in evs[0].evidence) and evs[0].confidence < 0.35


def test_event_of_another_kind_in_the_same_sentence_lends_no_actor() -> None:
    # the arresting police did not voice the criticism of their arrests
    evs, art = _events("Die ägyptische Polizei nahm am Montag drei Demonstranten fest, danach wurde Kritik laut.")
    assert [e.plover_type for e in evs] == ["COERCE"]
    assert any("Kritik" in r.message for r in art.reasons)
    # one sentence later the story's actor is still taken, marked weak
    evs, _ = _events("Die ägyptische Polizei nahm am Montag drei Demonstranten fest. Danach wurde Kritik laut.", "ACCUSE")
    assert evs and evs[0].confidence < 0.35


def test_sharp_attack_in_words_is_an_accusation() -> None:
    evs, _ = _events("Die deutsche Opposition hat den französischen Präsidenten scharf angegriffen.")
    assert [(e.plover_type, e.cameo_code) for e in evs] == [("ACCUSE", "111")]
    evs, _ = _events("Der französische Präsident startete eine Verbalattacke auf die deutsche Regierung.")
    assert [(e.plover_type, [a.code for a in e.recipient]) for e in evs] == [("ACCUSE", ["DEUGOV"])]
    evs, _ = _events("Die russische Armee griff die Stadt an.")
    assert [e.plover_type for e in evs] == ["ASSAULT"]


def test_attributive_participle_takes_no_actor_from_the_story() -> None:
    evs, art = _events("Die syrische Armee griff am Montag Homs an. Die Angehörigen der ermordeten Frauen klagen.",
                       "ASSAULT")
    assert [e.trigger.text for e in evs] == ["griff"]
    assert any("ermordeten" in r.message for r in art.reasons)
    evs, _ = _events("Die syrische Armee griff am Montag Homs an. Drei Frauen wurden ermordet.", "ASSAULT")
    assert [e.trigger.text for e in evs] == ["griff", "ermordet"]


def test_hosting_talks_makes_the_host_the_actor_of_the_talks() -> None:
    # "ausrichten" is a support verb: the host holds the talks
    text = "Frankreich und Deutschland wollen im Frühjahr Friedensgespräche für die Ukraine in Minsk ausrichten."
    art = _code(text)
    evs = [e for e in art.events if e.trigger.text == "Friedensgespräche"]
    assert len(evs) == 1, [r.message for r in art.reasons]
    assert {a.code[:3] for a in evs[0].actor} == {"FRA", "DEU"}
    assert evs[0].modality == "future"


def test_bare_genitive_name_after_an_event_noun_is_its_actor() -> None:
    # the parser often labels "Nordkoreas" an apposition, not a genitive modifier
    evs, art = _events("Die Drohungen Nordkoreas gegen Südkorea beunruhigen die Nachbarn.", "THREATEN")
    assert len(evs) == 1, [r.message for r in art.reasons]
    assert [a.code for a in evs[0].actor] == ["PRKGOV"]


def test_pp_hung_on_the_genitive_still_belongs_to_the_event_noun() -> None:
    # the parser hangs "auf die syrische Armee" on "der Rebellen"; it is the target of the attacks
    evs, art = _events("Die Angriffe der Rebellen auf die syrische Armee gehen weiter.", "ASSAULT")
    assert len(evs) == 1, [r.message for r in art.reasons]
    assert [a.code for a in evs[0].actor] == ["SYRREB"]
    assert [a.code for a in evs[0].recipient] == ["SYRMIL"]


def test_attack_named_by_a_country_prefix_and_attacks_that_hit() -> None:
    evs, _ = _events("Ein US-Luftangriff tötete in Kundus 20 Zivilisten.", "ASSAULT")
    assert evs and all([a.code for a in e.actor] == ["USAMIL"] for e in evs)  # not ---UAF, not USAUAF
    evs, _ = _events("Ein Nato-Luftangriff traf ein Krankenhaus.")
    assert [e.plover_type for e in evs] == ["ASSAULT"]  # the attack hit the hospital, nobody met it
    evs, _ = _events("Merkel traf Putin nach dem Anschlag in Moskau.", "ASSAULT")
    assert [a.code for e in evs for a in e.actor] == ["---UAF"]  # "nach dem Anschlag" is no support construction


def test_an_attack_that_claims_lives_demands_nothing() -> None:
    evs, _ = _events("Der Anschlag in Ankara forderte 28 Menschenleben.")
    assert [(e.plover_type, e.dead) for e in evs] == [("ASSAULT", 28)]


def test_first_of_two_bare_objects_is_the_dative_recipient() -> None:
    evs, _ = _events("Der polnische Parteichef Jarosław Kaczyński hat Deutschland Demokratie-Defizite vorgeworfen.",
                     "ACCUSE")
    assert [[r.code for r in e.recipient] for e in evs] == [["DEUGOV"]]


def test_sports_report_is_no_political_event() -> None:
    # a striker "trifft", a team "empfängt" another: sport, and the reason says so
    evs, art = _events("Russlands Teamstürmer hat in der Champions League bereits sechsmal getroffen.")
    assert not evs
    assert any("sports report" in r.message for r in art.reasons)
    evs, _ = _events("Die Belgier empfangen am Dienstag im Stadion die Russen, es steht 2:0.")
    assert not evs


def test_sports_report_with_police_keeps_the_arrest() -> None:
    evs, _ = _events("Nach dem Spiel im Stadion nahm die Polizei in Wien zwölf Fans fest.", "COERCE")
    assert evs and evs[0].actor[0].code == "AUTCOP"


def test_firms_alone_make_no_political_event() -> None:
    evs, art = _events("Die österreichische Firma Windkraft Simonsfeld wächst. Das Unternehmen setzte damals erstmals "
                       "auf das Modell der Bürgerbeteiligung.")
    assert not evs
    assert any("private actors only" in r.message for r in art.reasons)


def test_umlaut_makes_another_noun() -> None:
    # Förderung (funding) is no Forderung (demand); the demand still is one
    evs, _ = _events("Die Regierung in Wien erhöht die Förderungen für Start-ups.", "REQUEST")
    assert not evs
    evs, _ = _events("Die österreichische Opposition bekräftigte ihre Forderung nach Neuwahlen.", "REQUEST")
    assert evs


def test_event_under_ohne_is_no_event() -> None:
    evs, art = _events("Die Afrikanische Union werde ohne die Zustimmung der burundischen Regierung handeln.", "SUPPORT")
    assert not evs
    assert any("'ohne'" in r.message for r in art.reasons)


def test_a_partys_attack_is_no_assault() -> None:
    evs, _ = _events("Die SPÖ sprach von einem massiven Angriff der ÖVP auf die Arbeitnehmer.", "ASSAULT")
    assert not evs


def test_document_noun_without_actor_takes_none_from_the_story() -> None:
    # the first sentence reports the agreement; the second only names the text
    evs, art = _events("Die Regierungen Frankreichs und Deutschlands haben am Montag ein Abkommen unterzeichnet. "
                       "Das Abkommen könne ein Wendepunkt sein, sagte ein Beobachter.", "AGREE")
    assert len(evs) == 1 and evs[0].sentence_index == 0


def test_computer_attack_is_no_assault() -> None:
    evs, _ = _events("Hackerangriffe auf Behörden in Deutschland haben stark zugenommen.", "ASSAULT")
    assert not evs
    evs, _ = _events("Bei Luftangriffen der syrischen Armee auf Aleppo starben am Montag zwölf Menschen.", "ASSAULT")
    assert evs


def test_attributive_participle_takes_no_actor_from_the_clause() -> None:
    # the activists report the killings; they did not kill
    evs, _ = _events("Syrische Aktivisten berichteten am Montag von getöteten Zivilisten in Aleppo.", "ASSAULT")
    assert all(a.code != "SYROPP" for e in evs for a in e.actor)


def test_attributive_participle_without_object_has_its_noun_as_actor() -> None:
    evs, _ = _events("Anhänger des zurückgetretenen Premierministers Mari Alkatiri zogen durch Dili.", "RETREAT")
    assert evs and evs[0].actor[0].code == "TLSGOV"


def test_sports_article_codes_no_event_in_its_sentences_without_a_cue() -> None:
    text = ("Die Broncos gewannen im Stadion von Denver mit 24:10. Ihr Trainer lobte die Verteidigung. Im Finale "
            "treffen sie auf Carolina. Denvers Angriff auf die Abwehr Carolinas soll am Sonntag erfolgen.")
    evs, art = _events(text)
    assert not evs
    assert any("sports report" in r.message for r in art.reasons)


def test_newspaper_interview_is_no_consultation() -> None:
    evs, _ = _events("Die ÖVP sei gesprächsbereit, sagte Bundeskanzler Werner Faymann im STANDARD-Gespräch.", "CONSULT")
    assert not evs


def test_an_organisation_condemning_an_attack_is_not_its_perpetrator() -> None:
    evs, _ = _events("UN-Generalsekretär Ban Ki-moon verurteilte am Montag den Angriff auf ein Krankenhaus in Aleppo. "
                     "Bei der Attacke wurden mindestens 20 Menschen getötet.", "ASSAULT")
    assert evs and all(not a.code.startswith("IGO") for e in evs for a in e.actor)


def test_a_court_is_not_the_unnamed_attacker_of_the_story() -> None:
    evs, _ = _events("Das Oberlandesgericht München verurteilte am Montag den Angeklagten. In den Jahren davor waren "
                     "in Bayern zehn Menschen bei einem Angriff getötet worden.", "ASSAULT")
    assert all(a.sector != "JUD" for e in evs for a in e.actor)
