"""Actors: the German actor dictionary and the resolver (`actors_for_token`, `actor_reason`, `lagebild_actors`)."""

from __future__ import annotations

import datetime as dt

import pytest

from lagebild.extract import actors as A

RES = A.RESOURCE_DIR


def _data_rows(name: str) -> int:
    lines = [ln for ln in (RES / name).read_text(encoding="utf8").splitlines() if ln and not ln.startswith("#")]
    return len(lines) - 1  # header row


def test_resource_files_have_provenance_headers() -> None:
    for name in ("countries.tsv", "metonyms.tsv", "orgs.tsv", "sectors.tsv", "persons.tsv"):
        head = (RES / name).read_text(encoding="utf8").splitlines()[:5]
        text = "\n".join(head)
        for key in ("# version:", "# source:", "# licence:", "# built by: python scripts/build_actors.py"):
            assert key in text, (name, key)


def test_loaders_accept_every_entry() -> None:
    assert len(A.load_countries(RES / "countries.tsv")) == _data_rows("countries.tsv")
    assert len(A.load_metonyms(RES / "metonyms.tsv")) == _data_rows("metonyms.tsv")
    assert len(A.load_orgs(RES / "orgs.tsv")) == _data_rows("orgs.tsv")
    assert len(A.load_sectors(RES / "sectors.tsv")) == _data_rows("sectors.tsv")
    persons = A.load_persons(RES / "persons.tsv")
    assert len(persons) == _data_rows("persons.tsv")
    assert all(p.roles and p.forms for p in persons)


def test_person_roles_depend_on_the_date() -> None:
    lex = A.load_lexicon()
    mubarak = next(p for p in lex.persons if p.id == "person:HOSNI_MUBARAK")
    assert mubarak.role_on(dt.date(2005, 7, 31))[0] == "EGYGOV"
    assert mubarak.role_on(dt.date(2013, 1, 1))[0] == "EGYELI"  # after his fall: elite, no longer government
    putin = next(p for p in lex.persons if p.id == "person:VLADIMIR_PUTIN")
    assert putin.role_on(dt.date(2010, 6, 1))[0] == "RUSGOV"  # prime minister is still government
    assert putin.role_on(dt.date(1995, 1, 1))[0] == "RUSELI"


# ---- resolver on sentences (needs the trained pipeline)

@pytest.fixture(scope="module")
def nlp():
    from lagebild.analyse.pipeline import load_pipeline
    from lagebild.errors import ModelError

    try:
        return load_pipeline(extract=False)
    except ModelError as e:  # pragma: no cover
        pytest.skip(str(e))


def _doc(nlp, text: str, date: dt.date | None = dt.date(2016, 12, 16)):
    from lagebild.analyse.pipeline import make_doc

    return nlp(make_doc(nlp, text, date))


def _tok(doc, text: str, nth: int = 0):
    return [t for t in doc if t.text == text][nth]


def _codes(doc, text: str, nth: int = 0) -> list[str]:
    return [r.code for r in A.actors_for_token(doc, _tok(doc, text, nth))]


def test_adjective_and_sector_noun(nlp) -> None:
    doc = _doc(nlp, "Am Montag griffen syrische Regierungstruppen die Stadt an. Die russische Luftwaffe flog "
                    "Angriffe. Assad-treue Milizen rückten vor.")
    assert _codes(doc, "Regierungstruppen") == ["SYRMIL"]
    assert _codes(doc, "Luftwaffe") == ["RUSMIL"]
    assert _codes(doc, "Milizen") == ["SYRMIL"]
    ref = A.actors_for_token(doc, _tok(doc, "Luftwaffe"))[0]
    assert (ref.country, ref.sector, ref.kind) == ("RUS", "MIL", "sector")
    assert ref.text == "russische Luftwaffe" or ref.text == "Die russische Luftwaffe"
    assert 0 < ref.confidence <= 1 and ref.entry


def test_compound_prefix_and_genitive(nlp) -> None:
    doc = _doc(nlp, "US-Soldaten nahmen zwei Männer fest. Der Innenminister Frankreichs lehnte das ab.")
    assert _codes(doc, "US-Soldaten") == ["USAMIL"]
    assert _codes(doc, "Innenminister") == ["FRAGOV"]


def test_metonym_is_government_but_not_as_a_place(nlp) -> None:
    doc = _doc(nlp, "Der Kreml wies die Vorwürfe zurück. Die Delegation reiste danach in die Stadt Moskau.")
    assert _codes(doc, "Kreml") == ["RUSGOV"]
    assert _codes(doc, "Moskau") == []
    assert "Moskau" in A.actor_reason(doc, _tok(doc, "Moskau"))
    doc = _doc(nlp, "Moskau kritisierte die Entscheidung scharf.")
    assert _codes(doc, "Moskau") == ["RUSGOV"]


def test_international_organisations(nlp) -> None:
    doc = _doc(nlp, "Die Vereinten Nationen forderten eine Waffenruhe. Der UN-Sicherheitsrat und die NATO "
                    "berieten darüber.")
    assert _codes(doc, "Nationen") == ["IGOUNO"]
    assert _codes(doc, "UN-Sicherheitsrat") == ["IGOUNO"]
    assert _codes(doc, "NATO") == ["IGONATO"]


def test_person_by_article_date(nlp) -> None:
    text = "Husni Mubarak empfing am Sonntag eine Delegation."
    assert _codes(_doc(nlp, text, dt.date(2005, 7, 31)), "Mubarak") == ["EGYGOV"]
    assert _codes(_doc(nlp, text, dt.date(2013, 7, 31)), "Mubarak") == ["EGYELI"]
    doc = _doc(nlp, "Wladimir Putin traf am Montag Vertreter der Opposition.", dt.date(2010, 6, 1))
    assert _codes(doc, "Putin") == ["RUSGOV"]


def test_surname_after_first_full_mention(nlp) -> None:
    doc = _doc(nlp, "Xanana Gusmão rief zur Ruhe auf. Später kritisierte Gusmão die Armee.", dt.date(2006, 5, 27))
    assert _codes(doc, "Gusmão", 1) == ["TLSGOV"]


def test_pronoun_resolution(nlp) -> None:
    doc = _doc(nlp, "Wladimir Putin kam am Montag in Ankara an. Er kritisierte die Sanktionen.")
    refs = A.actors_for_token(doc, _tok(doc, "Er"))
    assert [r.code for r in refs] == ["RUSGOV"]
    assert refs[0].kind == "pronoun" and "Putin" in (refs[0].resolved_from or "")


def test_man_resolution(nlp) -> None:
    doc = _doc(nlp, "Außenminister Sergej Lawrow sagte, man habe mit der Türkei eine Waffenruhe vereinbart.")
    refs = A.actors_for_token(doc, _tok(doc, "man"))
    assert [r.code for r in refs] == ["RUSGOV"]
    assert refs[0].resolved_from


def test_non_political_subject_gives_reason(nlp) -> None:
    doc = _doc(nlp, "Die Anwohner flohen aus dem Dorf.")
    tok = _tok(doc, "Anwohner")
    assert A.actors_for_token(doc, tok) == []
    reason = A.actor_reason(doc, tok)
    assert "no political actor" in reason and "Anwohner" in reason


def test_component_fills_doc_actors(nlp) -> None:
    doc = _doc(nlp, "Die israelische Armee griff Stellungen der Hamas an.")
    A.actors_component(doc)
    codes = [r.code for r in doc._.lb_actors]
    assert "ISRMIL" in codes and "PSEREB" in codes
    for r in doc._.lb_actors:
        assert doc.text[r.start:r.end] == r.text


# ---- round 2: the causes of wrong codes found in the event triples

def test_sector_rows_carry_home_countries() -> None:
    rows = {form: (sector, kind, home) for form, sector, kind, home in A.load_sectors(RES / "sectors.tsv")}
    assert rows["Bundeswehr"][0] == "MIL" and rows["Bundeswehr"][2][0] == "DEU"
    assert rows["Bundes"][1] == "home"
    assert rows["unbekannt"][1] == "align"


def test_national_title_takes_its_own_country_not_the_place(nlp) -> None:
    doc = _doc(nlp, "Bei seinem Besuch in Japan sprach der Bundeskanzler mit dem Premierminister über den Handel.")
    assert _codes(doc, "Bundeskanzler") == ["DEUGOV"]
    doc = _doc(nlp, "Der Bundesinnenminister kündigte schärfere Kontrollen an.")
    assert _codes(doc, "Bundesinnenminister") == ["DEUGOV"]
    # an explicit adjective always wins over the home country
    doc = _doc(nlp, "Der österreichische Bundeskanzler traf in Rom den Papst.")
    assert _codes(doc, "Bundeskanzler") == ["AUTGOV"]


def test_national_institution_takes_the_country_of_the_article_places(nlp) -> None:
    # the article is set in Austria and names no actor country: "Landtag" and "Landesregierung" are Austria's,
    # not the first home country of the noun (Germany)
    doc = _doc(nlp, "In Österreich wird im Herbst gewählt. In Linz tagte am Montag der Landtag. Die "
                    "Landesregierung legte dort ihren Bericht vor.")
    assert _codes(doc, "Landtag") == ["AUTLEG"]
    assert _codes(doc, "Landesregierung") == ["AUTGOV"]


def test_party_of_two_countries_follows_the_article(nlp) -> None:
    doc = _doc(nlp, "In Österreich wird gewählt. In Wien kritisierten die Grünen die ÖVP und die SPÖ.")
    assert _codes(doc, "Grünen") == ["AUTPTY"]
    doc = _doc(nlp, "In Deutschland wird gewählt. In Berlin kritisierten die Grünen die CDU und die SPD.")
    assert _codes(doc, "Grünen") == ["DEUPTY"]


def test_undated_article_takes_the_most_recent_of_several_person_entries(nlp) -> None:
    # Phoenix lists Ban Ki-moon twice: South Korean minister until 2006, UN Secretary-General from 2007
    doc = _doc(nlp, "Ban Ki-moon forderte eine Waffenruhe.", date=None)
    assert _codes(doc, "Ki-moon") == ["IGOUNO"]
    doc = _doc(nlp, "Ban Ki-moon forderte eine Waffenruhe.", date=dt.date(2005, 6, 1))
    assert _codes(doc, "Ki-moon") == ["KORGOV"]


def test_austrian_parliamentary_parties(nlp) -> None:
    doc = _doc(nlp, "Die Neos und das Team Stronach kritisierten die Regierung.")
    assert _codes(doc, "Neos") == ["AUTPTY"]
    assert _codes(doc, "Stronach") == ["AUTPTY"]


def test_explicit_adjective_beats_article_context(nlp) -> None:
    doc = _doc(nlp, "In Osttimor kam es erneut zu Unruhen. Die Regierung in Dili bat um Hilfe. Osttimors Armee "
                    "ist gespalten. Auch neuseeländische Truppen sind inzwischen gelandet.")
    refs = A.actors_for_token(doc, _tok(doc, "Truppen"))
    assert [r.code for r in refs] == ["NZLMIL"]
    assert refs[0].text == "neuseeländische Truppen"  # the clause adverb "Auch" is not part of the mention


def test_plural_demonym_means_people_and_keeps_its_phrase(nlp) -> None:
    doc = _doc(nlp, "In Caracas gingen am Samstag tausende Venezolaner gegen die Regierung auf die Straße.")
    refs = A.actors_for_token(doc, _tok(doc, "Venezolaner"))
    assert [r.code for r in refs] == ["VENCVL"]
    assert "Regierung" not in refs[0].text
    doc = _doc(nlp, "In Kiew demonstrierten am Sonntag hunderte Ukrainer vor dem Parlament.")
    assert _codes(doc, "Ukrainer") == ["UKROPP"]


def test_unknown_attackers_have_no_country(nlp) -> None:
    doc = _doc(nlp, "In der Provinz Kandahar wurde ein afghanischer Polizist von unbekannten Männern erschossen.")
    assert _codes(doc, "Männern") == ["---UAF"]
    doc = _doc(nlp, "In Osttimor wurde ein Konvoi der Friedenstruppe von einer unbekannten Partei beschossen.")
    assert _codes(doc, "Partei") == ["---UAF"]


def test_event_nouns_are_not_actor_mentions(nlp) -> None:
    doc = _doc(nlp, "In Syrien verübte die Armee ein Massaker. Raketenangriffe trafen am Abend die Stadt.")
    assert _codes(doc, "Massaker") == []
    assert _codes(doc, "Raketenangriffe") == []
    assert "event" in A.actor_reason(doc, _tok(doc, "Massaker"))
    A.actors_component(doc)
    assert all(r.text not in {"ein Massaker", "Raketenangriffe"} for r in doc._.lb_actors)
    # with its own country the event noun still names the attacker
    doc = _doc(nlp, "Israelische Luftangriffe trafen am Abend Ziele im Gazastreifen.")
    assert _codes(doc, "Luftangriffe")[0].startswith("ISR")


def test_name_after_a_title_is_resolved_later(nlp) -> None:
    doc = _doc(nlp, "Der Kongressabgeordnete Tom Fielder kritisierte die Einsätze. Die Soldaten hätten Zivilisten "
                    "getötet, so Fielder.")
    assert _codes(doc, "Kongressabgeordnete") == ["USALEG"]
    assert _codes(doc, "Fielder", 1) == ["USALEG"]


def test_possessive_determiner_resolves_like_a_pronoun(nlp) -> None:
    doc = _doc(nlp, "US-Präsident Barack Obama reiste nach Moskau. Bei seinem Treffen mit dem Präsidenten ging es "
                    "um Abrüstung.", dt.date(2009, 7, 6))
    refs = A.actors_for_token(doc, _tok(doc, "seinem"))
    assert [r.code for r in refs] == ["USAGOV"] and refs[0].kind == "pronoun"


def test_sector_noun_takes_the_country_its_sentence_names(nlp) -> None:
    doc = _doc(nlp, "Die Demonstranten forderten den Rücktritt der rumänischen Regierung.")
    assert _codes(doc, "Demonstranten") == ["ROUOPP"]


def test_people_who_protest_are_opposition(nlp) -> None:
    doc = _doc(nlp, "In Budapest demonstrierten am Sonntag tausende Menschen gegen die ungarische Regierung.")
    assert _codes(doc, "Menschen") == ["HUNOPP"]
    doc = _doc(nlp, "In Budapest wurden bei einem Unfall zwölf Menschen verletzt.")
    assert _codes(doc, "Menschen") == ["HUNCVL"]


def test_insurgents_in_a_riot_article_are_rioters(nlp) -> None:
    riot = ("In den Vorstädten von Lyon gab es die dritte Nacht Ausschreitungen. Jugendliche warfen Brandsätze auf "
            "Polizisten, es kam zu Krawallen. Der Innenminister Frankreichs nannte die Aufständischen Kriminelle.")
    assert _codes(_doc(nlp, riot), "Aufständischen") == ["FRAOPP"]
    war = ("In Mali griffen Rebellen eine Kaserne der Armee an. Nach Gefechten mit Soldaten zogen sich die "
           "malischen Aufständischen zurück.")
    assert _codes(_doc(nlp, war), "Aufständischen") == ["MLIREB"]


def test_part_of_a_group_resolves_the_group(nlp) -> None:
    doc = _doc(nlp, "Bei dem Einsatz starben mehrere irakische Zivilisten. Einigen von ihnen wurde in den Rücken "
                    "geschossen.")
    refs = A.actors_for_token(doc, _tok(doc, "Einigen"))
    assert [r.code for r in refs] == ["IRQCVL"] and refs[0].text == "Einigen von ihnen"


def test_former_office_holder_is_elite(nlp) -> None:
    doc = _doc(nlp, "Der frühere Präsident Georgiens wurde am Montag in Tiflis festgenommen.")
    assert _codes(doc, "Präsident") == ["GEOELI"]


def test_mentions_keep_out_pronouns_places_and_movements(nlp) -> None:
    doc = _doc(nlp, "Im Südsudan griffen Rebellen die Stadt Malakal an. Dort töteten sie mehrere hundert Zivilisten.")
    refs = A.actors_for_token(doc, _tok(doc, "Zivilisten"))
    assert refs and refs[0].text == "mehrere hundert Zivilisten"
    doc = _doc(nlp, "Augenzeugen berichteten von Panzerbewegungen im Norden des Gazastreifens.")
    assert _codes(doc, "Panzerbewegungen") == []
    lex = A.load_lexicon()
    assert all(r.code[3:6] != "SSD" for p in lex.persons for r in p.roles)  # no country as a sector


def test_protesters_named_in_the_clause_do_not_make_other_people_protesters(nlp) -> None:
    doc = _doc(nlp, "In Kairo wurden die Demonstranten von Männern in Zivil mit Stöcken geschlagen.")
    men = next(t for t in doc if t.text == "Männern")
    assert all(a.sector != "OPP" for a in A.actors_for_token(doc, men))
    doc = _doc(nlp, "Hunderte Männer demonstrierten in Kairo gegen die ägyptische Regierung.")
    people = next(t for t in doc if t.text == "Männer")
    assert [a.sector for a in A.actors_for_token(doc, people)] == ["OPP"]


def test_a_resolution_stands_for_the_organisation_that_adopted_it(nlp) -> None:
    doc = _doc(nlp, "Der UN-Sicherheitsrat tagte am Freitag in New York. Die Regierung Malis stimmte der Resolution "
                    "zu. Auch die UN-Resolution zu Haiti wurde kritisiert.")
    res = [t for t in doc if t.text in ("Resolution", "UN-Resolution")]
    assert [[a.code for a in A.actors_for_token(doc, t)] for t in res] == [["IGOUNO"], ["IGOUNO"]]
    doc = _doc(nlp, "Die Regierung Malis stimmte der Resolution zu.")  # no organisation named: nobody
    assert A.actors_for_token(doc, next(t for t in doc if t.text == "Resolution")) == []


def test_bare_count_noun_is_plural_antecedent_of_sie(nlp) -> None:
    doc = _doc(nlp, "Im Norden flohen viele Zivilisten aus Mali. Als Kämpfer die Stadt Gao einnahmen, töteten sie "
                    "mehrere Dorfbewohner.")
    sie = next(t for t in doc if t.text == "sie")
    assert [a.sector for a in A.actors_for_token(doc, sie)] == ["REB"]


def test_wir_is_not_an_argument_of_its_own_clause(nlp) -> None:
    doc = _doc(nlp, "Die Tuareg-Rebellen erklärten am Montag in Gao, wir werden die malischen Soldaten angreifen.")
    wir = next(t for t in doc if t.text == "wir")
    assert [a.sector for a in A.actors_for_token(doc, wir)] == ["REB"]


def test_a_countrys_envoy_to_an_organisation_speaks_for_the_country(nlp) -> None:
    doc = _doc(nlp, "Der UN-Botschafter von Mali kritisierte am Montag die Resolution.")
    envoy = next(t for t in doc if t.text == "UN-Botschafter")
    assert [a.code for a in A.actors_for_token(doc, envoy)] == ["MLIGOV"]


def test_a_pronoun_with_an_apposition_is_the_named_person(nlp) -> None:
    doc = _doc(nlp, "Der Gipfel in Moskau endete am Dienstag. Die Abrüstung habe er, Obama, am Rande des Gipfels "
                    "mit dem russischen Präsidenten Dmitri Medwedew vereinbart.", dt.date(2009, 7, 7))
    er = next(t for t in doc if t.text == "er")
    assert [a.code for a in A.actors_for_token(doc, er)] == ["USAGOV"]


def test_a_passive_agent_hung_on_a_noun_is_not_part_of_its_phrase(nlp) -> None:
    doc = _doc(nlp, "Im Juni wurden Stellungen der syrischen Miliz von türkischen Kampfflugzeugen bombardiert.")
    militia = next(t for t in doc if t.text == "Miliz")
    refs = A.actors_for_token(doc, militia)
    assert refs and all("Kampfflugzeugen" not in r.text for r in refs)
    doc = _doc(nlp, "Anhänger von Mursi wurden am Montag in Kairo festgenommen.", dt.date(2013, 8, 1))
    fans = next(t for t in doc if t.text == "Anhänger")
    assert any("Mursi" in r.text for r in A.actors_for_token(doc, fans))  # not before the participle: kept


def test_generic_clergy_take_the_religion_of_a_buddhist_country(nlp) -> None:
    doc = _doc(nlp, "In Myanmar protestierten die Geistlichen gegen die Regierung.")
    assert _codes(doc, "Geistlichen") == ["MMRBUD"]
    doc = _doc(nlp, "In Irland protestierten die Priester gegen die Regierung.")
    assert _codes(doc, "Priester") == ["IRLREL"]  # no majority-religion entry: the generic code stays


def test_parties_by_name_and_prefix_but_offices_stay_state(nlp) -> None:
    doc = _doc(nlp, "Die CDU kritisierte den Plan. Der SPD-Vorsitzende lehnte ihn ab. Einige CDU-Abgeordnete "
                    "beschwerten sich. Bundesinnenminister Wolfgang Schäuble (CDU) schwieg.", dt.date(2007, 5, 1))
    assert _codes(doc, "CDU") == ["DEUPTY"]
    assert _codes(doc, "SPD-Vorsitzende") == ["DEUPTY"]
    assert _codes(doc, "CDU-Abgeordnete") == ["DEULEG"]  # an office of the state, in the party's country
    assert _codes(doc, "Schäuble") == ["DEUGOV"]  # a party in brackets is an affiliation


def test_demonstrative_and_appositive_name_of_an_office_at_an_organisation(nlp) -> None:
    doc = _doc(nlp, "Das sagte der Sprecher der Vereinten Nationen, Stéphane Dujarric. Der hatte zuvor die "
                    "Regierung kritisiert. Die Aussagen Dujarrics wurden begrüßt.")
    assert _codes(doc, "Der") == ["IGOUNO"]
    assert _codes(doc, "Dujarrics") == ["IGOUNO"]


def test_a_region_gives_its_country_and_not_the_nearest_foreign_mention(nlp) -> None:
    doc = _doc(nlp, "Brandenburgs Wirtschaftsminister Ulrich Junghanns hat den US-amerikanischen Hersteller "
                    "Tesla Motors besucht. Die bayerische Polizei nahm zwei Männer fest.", dt.date(2008, 6, 14))
    assert _codes(doc, "Wirtschaftsminister") == ["DEUGOV"]
    assert _codes(doc, "Polizei") == ["DEUCOP"]


def test_a_place_near_a_capital_is_not_its_government(nlp) -> None:
    doc = _doc(nlp, "Der Politiker wurde am Samstagabend in der Nähe von Brüssel verhaftet. Brüssel kritisierte "
                    "die Verhaftung.", dt.date(2008, 5, 25))
    assert _codes(doc, "Brüssel") == []
    assert _codes(doc, "Brüssel", 1) == ["IGOEU"]


def test_coalition_is_government_and_prosecutors_are_judiciary(nlp) -> None:
    doc = _doc(nlp, "Die Koalition in Berlin lehnte den Antrag ab. Die Staatsanwaltschaft München ermittelt gegen "
                    "den Staatsanwalt. Die Kritik der Partei an den Unternehmern wuchs.", dt.date(2006, 12, 13))
    assert _codes(doc, "Koalition") == ["DEUGOV"]
    assert _codes(doc, "Staatsanwaltschaft") == _codes(doc, "Staatsanwalt") == ["DEUJUD"]
    assert _codes(doc, "Unternehmern") == ["DEUBUS"]


def test_a_place_in_the_phrase_of_a_domestic_actor_gives_its_country() -> None:
    import lagebild

    art = lagebild.extract("Die Staatsanwaltschaft Innsbruck ermittelt gegen einen Piloten aus München. Er hatte in "
                           "Bayern gewohnt.", date="2006-03-27")
    assert [a.code for a in art.actors if "Staatsanwaltschaft" in a.text] == ["AUTJUD"]


def test_the_pope_is_the_holy_see(nlp):
    doc = A.actors_component(_doc(nlp, "Papst Franziskus hat in Quito vor Einsamkeit gewarnt.", dt.date(2016, 1, 15)))
    got = [(a.text, a.code) for a in doc._.lb_actors]
    assert ("Papst Franziskus", "VATREL") in got, got


def test_nationality_adjective_after_an_article(nlp):
    # the article belongs to the noun: "einem russischen Luftangriff" is Russian like "russischen Luftangriffen"
    for text in ("Bei einem russischen Luftangriff wurden 20 Menschen getötet.",
                 "Bei russischen Luftangriffen wurden 20 Menschen getötet."):
        doc = _doc(nlp, text)
        assert _codes(doc, "russischen") == ["RUSMIL"], text


def test_agency_dateline_is_no_actor(nlp):
    from lagebild.analyse.pipeline import load_pipeline

    full = load_pipeline()
    doc = _doc(full, "Eine Einleitung. Warschau – Der polnische Parteichef Jarosław Kaczyński hat Deutschland "
                     "Demokratie-Defizite vorgeworfen.")
    assert "Warschau –" in [s.text.strip() for s in doc.sents]  # the dateline is a sentence of its own
    assert all(a.text != "Warschau" for a in doc._.lb_actors)
    assert [(e.plover_type, [a.code for a in e.actor]) for e in doc._.lb_events] == [("ACCUSE", ["POLPTY"])]


def test_name_after_a_genitive_and_an_austrian_title_is_found_again(nlp) -> None:
    # "Burgenlands" is parsed as the head of "Landeshauptmann Hans Niessl": the later surname is still his, and the
    # federal government beside a Land governor and his party is Austria's
    doc = _doc(nlp, "Burgenlands Landeshauptmann Hans Niessl (SPÖ) kritisierte am Montag die Bundesregierung. "
                    "Die Lage sei ernst, sagte Niessl.")
    assert _codes(doc, "Niessl", 1) == ["AUTGOV"]
    assert _codes(doc, "Bundesregierung") == ["AUTGOV"]
    # without the genitive the title alone is Austrian
    doc = _doc(nlp, "Landeshauptmann Hans Niessl kritisierte am Montag die Pläne. Die Lage sei ernst, sagte Niessl.")
    assert _codes(doc, "Landeshauptmann") == ["AUTGOV"]
    assert _codes(doc, "Niessl", 1) == ["AUTGOV"]


def test_austrian_associations_and_their_offices(nlp) -> None:
    doc = _doc(nlp, "ÖGB-Chef Wolfgang Katzian forderte höhere Löhne. Das sei nötig, sagte Katzian. Die "
                    "Wirtschaftskammer lehnte ab, die Arbeiterkammer war dafür.")
    assert _codes(doc, "ÖGB-Chef") == ["AUTLAB"]
    assert _codes(doc, "Katzian", 1) == ["AUTLAB"]  # the surname of the organisation's head, named again
    assert _codes(doc, "Wirtschaftskammer") == ["AUTBUS"]
    assert _codes(doc, "Arbeiterkammer") == ["AUTLAB"]
    # an office title with an organisation prefix is the organisation's, not a government's
    doc = _doc(nlp, "In Wien warnte Caritas-Präsident Michael Landau vor Kürzungen. Der Verfassungsgerichtshof "
                    "hob das Gesetz der ÖVP auf.")
    assert _codes(doc, "Caritas-Präsident") == ["AUTNGO"]
    assert _codes(doc, "Verfassungsgerichtshof") == ["AUTJUD"]


def test_accent_insensitive_org_forms_do_not_match_english_words(nlp) -> None:
    doc = _doc(nlp, "In Hand of God erhält ein Richter Botschaften.")
    assert _codes(doc, "God") == []


def test_bracketed_short_form_names_the_actor_again(nlp) -> None:
    doc = _doc(nlp, "In Wien teilte die Bundeswettbewerbsbehörde (BWB) am Freitag mit, sie prüfe den Fall. Die "
                    "Preise seien zu hoch, so die BWB.")
    assert _codes(doc, "BWB", 1) == _codes(doc, "Bundeswettbewerbsbehörde") != []
    # a party after a person is his affiliation, not his short form
    doc = _doc(nlp, "Landeshauptmann Markus Wallner (VP) sprach. Die VP sei dafür.")
    assert _codes(doc, "VP", 1) != _codes(doc, "Landeshauptmann")


def test_office_compound_with_the_long_name_of_an_association(nlp) -> None:
    doc = _doc(nlp, "In Wien kritisierte Wirtschaftskammer-Präsident Christoph Leitl die Pläne. Das sei falsch, "
                    "sagte Leitl.")
    assert _codes(doc, "Wirtschaftskammer-Präsident") == ["AUTBUS"]
    assert _codes(doc, "Leitl", 1) == ["AUTBUS"]


def test_feminine_role_nouns_are_coded_like_the_masculine(nlp) -> None:
    doc = _doc(nlp, "Die britische Botschafterin in Wien hofft auf eine Einigung. Auch die Aktivistinnen "
                    "protestierten in Moskau.")
    assert _codes(doc, "Botschafterin") == ["GBRGOV"]
    assert A.sector_of(A.load_lexicon(), "Aktivistinnen")[0] == "OPP"
    assert A.sector_of(A.load_lexicon(), "Berlin") is None


def test_name_with_a_particle_after_an_office_is_found_again(nlp) -> None:
    doc = _doc(nlp, "Der UN-Sondergesandte Staffan de Mistura forderte eine Waffenruhe. Das sei dringend, "
                    "sagte de Mistura.")
    assert _codes(doc, "Mistura", 1) == ["IGOUNO"]
    doc = _doc(nlp, "Die Lage sei ernst, sagte EU-Justizkommissarin Vera Jourova. Man werde handeln, so Jourova.")
    assert _codes(doc, "EU-Justizkommissarin") == ["IGOEU"]
    assert _codes(doc, "Jourova", 1) == ["IGOEU"]


def test_office_at_an_international_organisation_beats_the_dictionary_role(nlp) -> None:
    # Phoenix has her as a Swedish minister; the text names her current office
    doc = _doc(nlp, "In Wien warb EU-Handelskommissarin Cecilia Malmström für das Abkommen.", date=None)
    assert _codes(doc, "Malmström") == ["IGOEU"]


def test_south_tyrol_is_italian_though_its_head_is_a_landeshauptmann(nlp) -> None:
    doc = _doc(nlp, "Der Südtiroler Landeshauptmann Luis Durnwalder wies die Vorwürfe zurück.")
    assert _codes(doc, "Landeshauptmann") == ["ITAGOV"]
