"""Places: gazetteer loader, toponym recognition/resolution and event_location."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc, Span

from lagebild.extract.places import Gazetteer, event_location, find_places, gazetteer


def _places(nlp, text: str, date: dt.date = dt.date(2016, 12, 16)):
    from lagebild.analyse.pipeline import make_doc

    doc = nlp(make_doc(nlp, text, date))
    return doc, doc._.lb_places


def test_loader_accepts_every_row():
    gaz = Gazetteer()  # raises on any unknown key or malformed row
    assert len(gaz.places) > 60000
    for form, readings in gaz.names.items():
        assert form and readings
        for key, source in readings:
            assert key in gaz.places and source in ("exonym", "country", "de", "adj", "primary", "local", "ascii", "alt")
    for entry in gaz.places.values():
        assert entry.feature and (entry.country is None or len(entry.country) == 3)
        assert entry.lat is None or -90 <= entry.lat <= 90


def test_exonyms_resolve_to_the_right_city():
    gaz = gazetteer()
    expect = {"Genf": "CHE", "Moskau": "RUS", "Teheran": "IRN", "Peking": "CHN", "Kiew": "UKR",
              "Damaskus": "SYR", "Haleb": "SYR", "Aleppo": "SYR", "Genfer": "CHE", "Pariser": "FRA"}
    for form, country in expect.items():
        assert country in {e.country for e, _ in gaz.lookup(form)}, form


def test_name_valid_by_date():
    gaz = gazetteer()
    astana = next(e for e, _ in gaz.lookup("Astana") if e.country == "KAZ")
    assert gaz.name_at(astana, dt.date(2016, 12, 16)) == "Astana"
    assert gaz.name_at(astana, dt.date(2020, 6, 1)) == "Nur-Sultan"
    assert gaz.name_at(astana, dt.date(2023, 1, 1)) == "Astana"
    assert not gaz.valid_on("Nur-Sultan", astana, dt.date(2016, 12, 16))
    assert gaz.valid_on("Nur-Sultan", astana, dt.date(2020, 6, 1))


def test_recognition_genitive_part_exonym(nlp):
    _, places = _places(nlp, "Die Armee meldete Kämpfe in Ost-Aleppo und im Norden Syriens, "
                             "außerdem Proteste in Moskau und Peking.")
    got = {p.text: p for p in places}
    assert got["Ost-Aleppo"].name == "Aleppo" and got["Ost-Aleppo"].part == "east"
    assert got["Ost-Aleppo"].country == "SYR" and got["Ost-Aleppo"].geonameid == 170063
    assert got["Syriens"].country == "SYR" and got["Syriens"].feature == "PCLI"
    assert got["Moskau"].country == "RUS" and got["Peking"].country == "CHN"
    for p in places:
        assert 0 <= p.confidence <= 1


def test_no_hits_on_common_words_and_first_names(nlp):
    _, places = _places(nlp, "Die Lage im Norden ist ernst. Er sagte, Wladimir Putin habe die Mark nicht erwähnt.")
    texts = {p.text for p in places}
    assert not texts & {"Die", "Norden", "Er", "Wladimir", "Mark", "Lage"}


def test_genitive_of_countries(nlp):
    _, places = _places(nlp, "Der Außenminister Deutschlands kritisierte die Bombardierung Aleppos.")
    got = {p.text: p.country for p in places}
    assert got.get("Deutschlands") == "DEU"
    assert got.get("Aleppos") == "SYR"


def test_country_context_ranks_homonyms(nlp):
    # Frankfurt (Oder) and Frankfurt am Main are both German; Alexandria exists in Egypt and the USA:
    # with Egypt in the article the Egyptian city wins, with the USA the American one.
    gaz = gazetteer()
    assert {"EGY", "USA"} <= {e.country for e, _ in gaz.lookup("Alexandria")}
    _, eg = _places(nlp, "In Kairo und in Alexandria demonstrierten Tausende gegen die Regierung Ägyptens.")
    _, us = _places(nlp, "In Virginia, USA, nahe Alexandria demonstrierten Tausende vor dem Weißen Haus in Washington.")
    eg_alex = [p for p in eg if p.text == "Alexandria"]
    us_alex = [p for p in us if p.text == "Alexandria"]
    if not eg_alex or not us_alex:
        pytest.skip("the current NER does not tag Alexandria as LOC (it is a listed first name)")
    assert eg_alex[0].country == "EGY"
    assert us_alex[0].country == "USA"


def _doc(nlp, words, heads, deps, pos, tags, date=dt.date(2016, 12, 16), ents=None):
    """A hand-parsed Doc, so event_location is tested independently of the statistical parser."""
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents,
              sent_starts=[True] + [False] * (len(words) - 1))
    doc._.lb_article_date = date
    for name in ("lb_places", "lb_dates", "lb_actors", "lb_figures", "lb_quotes", "lb_events", "lb_reasons"):
        setattr(doc._, name, [])
    doc._.lb_places = find_places(doc)
    return doc


def test_event_location_own_phrase_and_object(nlp):
    # Truppen eroberten am Donnerstag Ost-Aleppo .
    doc = _doc(nlp, ["Truppen", "eroberten", "Ost-Aleppo", "."], [1, 1, 1, 1],
               ["nsubj", "ROOT", "obj", "punct"], ["NOUN", "VERB", "PROPN", "PUNCT"], ["NN", "VVFIN", "NE", "$."])
    loc = event_location(doc, doc[1])
    assert loc is not None and loc.name == "Aleppo" and loc.part == "east"


def test_event_location_genitive_part(nlp):
    # Truppen nahmen den Ostteil Aleppos ein .
    doc = _doc(nlp, ["Truppen", "nahmen", "den", "Ostteil", "Aleppos", "ein", "."], [1, 1, 3, 1, 3, 1, 1],
               ["nsubj", "ROOT", "det", "obj", "nmod", "compound:prt", "punct"],
               ["NOUN", "VERB", "DET", "NOUN", "PROPN", "ADP", "PUNCT"],
               ["NN", "VVFIN", "ART", "NN", "NE", "PTKVZ", "$."])
    loc = event_location(doc, doc[1])
    assert loc is not None and loc.country == "SYR" and loc.part == "east"


def test_event_location_not_an_actor_modifier(nlp):
    # Die Regierung in Ankara verurteilte den Angriff . -> the place belongs to the actor, not the event
    from lagebild.model import ActorRef

    doc = _doc(nlp, ["Die", "Regierung", "in", "Ankara", "verurteilte", "den", "Angriff", "."],
               [1, 4, 3, 1, 4, 6, 4, 4], ["det", "nsubj", "case", "nmod", "ROOT", "det", "obj", "punct"],
               ["DET", "NOUN", "ADP", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
               ["ART", "NN", "APPR", "NE", "VVFIN", "ART", "NN", "$."])
    doc._.lb_actors = [ActorRef(text="Die Regierung in Ankara", start=0, end=23, code="TURGOV", kind="sector")]
    assert event_location(doc, doc[4]) is None


def test_event_location_none_without_place(nlp):
    doc = _doc(nlp, ["Die", "Polizei", "nahm", "zwei", "Männer", "fest", "."], [1, 2, 2, 4, 2, 2, 2],
               ["det", "nsubj", "ROOT", "nummod", "obj", "compound:prt", "punct"],
               ["DET", "NOUN", "VERB", "NUM", "NOUN", "ADP", "PUNCT"],
               ["ART", "NN", "VVFIN", "CARD", "NN", "PTKVZ", "$."])
    assert event_location(doc, doc[2]) is None


def test_notable_small_towns_are_in_the_gazetteer():
    gaz = gazetteer()
    assert "BIH" in {e.country for e, _ in gaz.lookup("Srebrenica")}  # ~2,900 inhabitants, named in many languages


def test_name_after_place_preposition_with_wrong_ner_class(nlp):

    # Die Anklage nennt das Massaker von Srebrenica . (NER calls the town an organisation, the tagger a noun)
    words = ["Die", "Anklage", "nennt", "das", "Massaker", "von", "Srebrenica", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 2, 2, 4, 2, 6, 4, 2],
              deps=["det", "nsubj", "ROOT", "det", "obj", "case", "nmod", "punct"],
              pos=["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "NOUN", "PUNCT"],
              tags=["ART", "NN", "VVFIN", "ART", "NN", "APPR", "NN", "$."])
    doc._.lb_article_date = dt.date(2008, 7, 22)
    doc.ents = [Span(doc, 6, 7, label="ORG")]
    assert [(p.text, p.country) for p in find_places(doc)] == [("Srebrenica", "BIH")]
    doc2 = Doc(nlp.vocab, words=["Srebrenica", "teilte", "mit", "."], heads=[1, 1, 1, 1],
               deps=["nsubj", "ROOT", "compound:prt", "punct"], pos=["NOUN", "VERB", "ADP", "PUNCT"],
               tags=["NN", "VVFIN", "PTKVZ", "$."])
    doc2._.lb_article_date = dt.date(2008, 7, 22)
    doc2.ents = [Span(doc2, 0, 1, label="ORG")]
    assert find_places(doc2) == []  # an organisation's name without a place preposition stays an organisation


def test_typographic_apostrophes_match_the_gazetteer(nlp):
    for form in ("L’Aquila", "L′Aquila"):
        doc = Doc(nlp.vocab, words=["Der", "Gipfel", "von", form, "endete", "."], heads=[1, 4, 3, 1, 4, 4],
                  deps=["det", "nsubj", "case", "nmod", "ROOT", "punct"],
                  pos=["DET", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"], tags=["ART", "NN", "APPR", "NE", "VVFIN", "$."])
        doc._.lb_article_date = dt.date(2009, 7, 10)
        assert [(p.text, p.country) for p in find_places(doc)] == [(form, "ITA")]


def test_german_names_with_inflected_adjectives(nlp):
    _, places = _places(nlp, "Die Verbrechen geschahen in der Zentralafrikanischen Republik. Die Delegation reiste "
                             "weiter in die Vereinigten Arabischen Emirate.")
    got = {p.text: p.country for p in places}
    assert got.get("Zentralafrikanischen Republik") == "CAF"
    assert got.get("Vereinigten Arabischen Emirate") == "ARE"
    _, places = _places(nlp, "Das Auto wird zuerst in Spanien, den Niederlanden und England verkauft.")
    assert {p.text: p.country for p in places}.get("Niederlanden") == "NLD"


def test_month_in_a_date_is_no_place(nlp):
    _, places = _places(nlp, "Am Mittwoch, den 27. August 2008, wurde in Jammu eine Geiselnahme beendet.",
                        dt.date(2008, 8, 28))
    assert "August" not in {p.text for p in places}


def test_agent_of_a_participle_is_not_the_location(nlp):
    from lagebild.analyse.pipeline import make_doc

    doc = nlp(make_doc(nlp, "Am Mittwoch scheiterte eine von Russland und der Türkei vermittelte Einigung.",
                       dt.date(2016, 12, 16)))
    trigger = next(t for t in doc if t.text == "Einigung")
    assert event_location(doc, trigger, plover_type="AGREE") is None


def test_place_hung_on_a_date_phrase_locates_the_statement(nlp):
    from lagebild.analyse.pipeline import make_doc

    doc = nlp(make_doc(nlp, "Der Außenminister erklärte Mitte Mai in New York, dass die Polizei unfähig sei.",
                       dt.date(2006, 5, 27)))
    trigger = next(t for t in doc if t.text == "erklärte")
    loc = event_location(doc, trigger, plover_type="ACCUSE")
    assert loc is not None and loc.country == "USA"


def test_town_names_inside_longer_names_are_no_places(nlp):
    _, places = _places(nlp, "Die Abgeordnete Petra Pau kritisierte den Plan. Pau sagte, die Federal Reserve und "
                             "die Firma Shelby SuperCars seien nicht betroffen. Auf dem Transparent stand die Parole "
                             "„Nie wieder“.")
    assert {p.text for p in places} & {"Pau", "Reserve", "Federal", "Shelby", "Parole"} == set()
    _, places = _places(nlp, "Am Treffen nimmt auch Javier Solana teil. Auf dem Tisch lag eine faule Orange.")
    assert {p.text for p in places} & {"Solana", "Orange"} == set()


def test_town_after_a_place_preposition_survives_a_name_elsewhere(nlp):
    _, places = _places(nlp, "Der Politiker Petra Pau sprach. Später reiste sie nach Pau in Frankreich.")
    assert "FRA" in {p.country for p in places if p.text == "Pau"}


def test_first_level_regions_outrank_small_towns(nlp):
    _, places = _places(nlp, "Er wurde im US-Bundesstaat Florida operiert. In Deutschland, England und Frankreich "
                             "starben weniger Kinder. Der Ort liegt im Süden Perus.", dt.date(2007, 10, 2))
    got = {p.text: p.country for p in places}
    assert got["Florida"] == "USA" and got["England"] == "GBR" and got["Perus"] == "PER"


def test_district_prefix_only_on_known_places(nlp):
    _, places = _places(nlp, "Der FC Bayern gewann im Südderby. Die Armee rückte in Nordsyrien vor.")
    got = {p.text: p.country for p in places}
    assert "Südderby" not in got and got.get("Nordsyrien") == "SYR"


def test_multiword_capital_misread_as_person_is_a_place(nlp):

    words = ["Sie", "protestierten", "in", "Hong", "Kong", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 4, 4, 1, 1], deps=["nsubj", "ROOT", "case", "flat", "obl", "punct"],
              pos=["PRON", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"], tags=["PPER", "VVFIN", "APPR", "NE", "NE", "$."])
    doc._.lb_article_date = dt.date(2014, 8, 2)
    doc.ents = [Span(doc, 3, 5, label="PER")]
    assert [(p.text, p.country) for p in find_places(doc)] == [("Hong Kong", "HKG")]
    doc.ents = [Span(doc, 3, 4, label="PER")]  # a longer person's name starting with the word: no place
    assert find_places(doc) == []


def test_first_level_regions_of_every_country(nlp):
    """ISO 3166-2 regions under their German names, with coordinates (Oberösterreich, Sizilien, Queensland)."""
    _, places = _places(nlp, "Unwetter gab es in Oberösterreich und auf Sizilien, Waldbrände in Queensland.")
    got = {p.text: p for p in places}
    assert got["Oberösterreich"].country == "AUT" and got["Oberösterreich"].feature == "ADM1"
    assert got["Sizilien"].country == "ITA" and got["Queensland"].country == "AUS"
    for p in got.values():
        assert p.lat is not None and p.lon is not None and p.admin1


def test_region_names_that_are_other_things():
    gaz = gazetteer()
    # "der Balkan" is the peninsula, not Turkmenistan's province; a region's town namesake in the same country
    # keeps the name (Salzburg the city); "Marken" (Italy's Marche) is a German noun: NER-confirmed only
    assert not any(e.key.startswith("S:") for e, _ in gaz.lookup("Balkan"))
    assert not any(e.key.startswith("S:") for e, _ in gaz.lookup("Salzburg"))
    assert "Marken" in gaz.common
    # US states have coordinates
    texas = next(e for e, _ in gaz.lookup("Texas") if e.feature == "ADM1")
    assert texas.lat is not None and 25 < texas.lat < 37


def test_foreign_region_name_needs_ner_support(nlp):
    # Rapid spielte gegen Lazio . ("Lazio" is the club as often as Italy's region, whose German name is Latium)
    def doc_with(ents):
        doc = Doc(nlp.vocab, words=["Rapid", "spielte", "gegen", "Lazio", "."], heads=[1, 1, 3, 1, 1],
                  deps=["nsubj", "ROOT", "case", "obl", "punct"], pos=["PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
                  tags=["NE", "VVFIN", "APPR", "NE", "$."])
        doc._.lb_article_date = dt.date(2016, 12, 16)
        doc.ents = [Span(doc, 3, 4, label=label) for label in ents]
        return doc

    assert find_places(doc_with([])) == []
    got = find_places(doc_with(["LOC"]))
    assert [(p.text, p.name, p.country) for p in got] == [("Lazio", "Latium", "ITA")]


def test_villages_of_german_speaking_countries(nlp):
    """Towns of 1,000-5,000 in DE/AT/CH after a place preposition; villages named by a German word stay words."""
    _, places = _places(nlp, "In Krumpendorf und in Nickelsdorf wurden Zelte aufgestellt. Randalierer setzten in der "
                             "Nacht Autos in Brand.")
    got = {p.text: p.country for p in places}
    assert got.get("Krumpendorf") == "AUT" and got.get("Nickelsdorf") == "AUT"
    assert "Brand" not in got
    gaz = gazetteer()
    assert all(s == "local" for _, s in gaz.names["Krumpendorf"])
    assert not any(s == "local" for _, s in gaz.lookup("See"))


def test_seas_continents_and_everyday_country_names(nlp):
    _, places = _places(nlp, "Tausende Migranten kamen über das Mittelmeer und die Adria nach Europa. Moldawien und "
                             "der Vatikan protestierten. Rapid spielt in der Europa League.", dt.date(2016, 4, 18))
    got = [(p.text, p.country, p.feature) for p in places]
    assert ("Mittelmeer", None, "SEA") in got and ("Adria", None, "SEA") in got  # not the Italian town Adria
    assert ("Europa", None, "CONT") in got and len([g for g in got if g[0] == "Europa"]) == 1  # not in "Europa League"
    assert ("Moldawien", "MDA", "PCLI") in got and ("Vatikan", "VAT", "PCLI") in got
    sea = next(p for p in places if p.text == "Mittelmeer")
    assert sea.lat is not None and sea.geonameid is None


def test_organisation_names_are_no_places(nlp):
    _, places = _places(nlp, "Zuletzt hatte die Hamas Jugendliche ausgebildet. Die Nato tagte in Brüssel. In Hama "
                             "wurde gekämpft.")
    assert [(p.text, p.country) for p in places] == [("Brüssel", "BEL"), ("Hama", "SYR")]


def test_place_heading_an_organisations_name(nlp):
    doc, places = _places(nlp, "Bundesliga-Spitzenreiter Bayern München verlor. Bayerns Ministerpräsident Horst Seehofer "
                               "forderte Grenzkontrollen.")
    got = [(p.text, p.country) for p in places]
    assert ("Bayerns", "DEU") in got and ("Bayern", "DEU") not in got, got
