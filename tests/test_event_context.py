"""Where and when an event happens: clause scope, event types, scene and narrative time, referring expressions.

The sentences are hand-parsed (some with a deliberately wrong attachment) so the rules are tested independently of
the statistical parser; each row is (word, STTS tag, UD pos, head index, dep, morph, lemma).
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from lagebild.extract.dates import _looks_past, event_date, find_dates
from lagebild.extract.places import event_location, find_places, referring_places

SATURDAY = dt.date(2021, 3, 13)


def _doc(nlp, rows, date=SATURDAY):
    words = [r[0] for r in rows]
    sent_starts = [True] + [words[i - 1] in (".", "\n\n") for i in range(1, len(words))]
    spaces = [not (i + 1 < len(words) and (words[i + 1] in (".", ",", "\n\n") or w == "\n\n"))
              for i, w in enumerate(words)]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, tags=[r[1] for r in rows], pos=[r[2] for r in rows],
              heads=[r[3] for r in rows], deps=[r[4] for r in rows], morphs=[r[5] if len(r) > 5 else "" for r in rows],
              lemmas=[r[6] if len(r) > 6 else r[0] for r in rows], sent_starts=sent_starts)
    doc._.lb_article_date = date
    for name in ("lb_places", "lb_dates", "lb_actors", "lb_figures", "lb_quotes", "lb_events", "lb_reasons"):
        setattr(doc._, name, [])
    places = find_places(doc)
    doc._.lb_places = sorted(places + referring_places(doc, places), key=lambda p: p.start)
    doc._.lb_dates = find_dates(doc)
    return doc


PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
PUNCT = ("PUNCT", "$.")


def _p(i):
    return (".", "$.", "PUNCT", i, "punct")


def _par(i):
    return ("\n\n", "_SP", "SPACE", i, "dep")


# ------------------------------------------------------------------------------------------------- dates

def test_day_list_takes_the_first_day(nlp):
    from lagebild.analyse.pipeline import make_doc

    doc = nlp(make_doc(nlp, "Die Konferenz ist für den 3. und 4. März geplant.", dt.date(2021, 2, 1)))
    d = [d for d in doc._.lb_dates if "März" in (d.text or "")][0]
    assert (d.value, d.end_value) == ("2021-03-03", "2021-03-04")


def test_counts_after_quantity_words_are_not_years(nlp):
    from lagebild.analyse.pipeline import make_doc

    doc = nlp(make_doc(nlp, "Die Truppe wird von derzeit 2000 auf 5000 Mann verstärkt.", SATURDAY))
    assert not [d for d in doc._.lb_dates if d.precision == "year"]


def test_seitdem_and_damals_refer_to_the_previous_date(nlp):
    # Am Montag stürmten Soldaten das Dorf . Seitdem fliehen die Bewohner .
    doc = _doc(nlp, [("Am", "APPRART", "ADP", 1, "case"), ("Montag", "NN", "NOUN", 2, "obl"),
                     ("stürmten", "VVFIN", "VERB", 2, "ROOT", PAST, "stürmen"), ("Soldaten", "NN", "NOUN", 2, "nsubj"),
                     ("das", "ART", "DET", 5, "det"), ("Dorf", "NN", "NOUN", 2, "obj"), _p(2),
                     ("Seitdem", "ADV", "ADV", 8, "advmod"), ("fliehen", "VVFIN", "VERB", 8, "ROOT", "", "fliehen"),
                     ("die", "ART", "DET", 10, "det"), ("Bewohner", "NN", "NOUN", 8, "nsubj"), _p(8)])
    seit = [d for d in doc._.lb_dates if d.text == "Seitdem"][0]
    assert seit.value == "2021-03-08" and seit.end_value == "2021-03-13"


def test_present_adverb_is_the_article_date(nlp):
    # Die Regierung will nun verhandeln .
    doc = _doc(nlp, [("Die", "ART", "DET", 1, "det"), ("Regierung", "NN", "NOUN", 4, "nsubj"),
                     ("will", "VMFIN", "AUX", 4, "aux"), ("nun", "ADV", "ADV", 4, "advmod"),
                     ("verhandeln", "VVINF", "VERB", 4, "ROOT"), _p(4)])
    d = event_date(doc, doc[4], plover_type="CONSULT")
    assert d.text == "nun" and d.value == "2021-03-13"


def test_a_date_in_a_relative_clause_is_not_the_main_clause_date(nlp):
    # Der Minister verlangte die Freilassung eines Reporters , der am 3. März festgenommen wurde .
    # (the parse wrongly hangs "am 3. März" on "verlangte")
    rows = [("Der", "ART", "DET", 1, "det"), ("Minister", "NN", "NOUN", 2, "nsubj"),
            ("verlangte", "VVFIN", "VERB", 2, "ROOT", PAST, "verlangen"), ("die", "ART", "DET", 4, "det"),
            ("Freilassung", "NN", "NOUN", 2, "obj"), ("eines", "ART", "DET", 6, "det"),
            ("Reporters", "NN", "NOUN", 4, "nmod"), (",", "$,", "PUNCT", 13, "punct"),
            ("der", "PRELS", "PRON", 13, "nsubj:pass"), ("am", "APPRART", "ADP", 11, "case"),
            ("3.", "ADJA", "ADJ", 11, "amod"), ("März", "NN", "NOUN", 2, "obl"),
            ("festgenommen", "VVPP", "VERB", 6, "acl"), ("wurde", "VAFIN", "AUX", 12, "aux:pass", PAST, "werden"),
            _p(2)]
    rows[12] = ("festgenommen", "VVPP", "VERB", 6, "acl:relcl")
    rows[13] = ("wurde", "VAFIN", "AUX", 12, "aux:pass", PAST, "werden")
    rows[7] = (",", "$,", "PUNCT", 12, "punct")
    rows[8] = ("der", "PRELS", "PRON", 12, "nsubj:pass")
    doc = _doc(nlp, rows)
    assert event_date(doc, doc[2], plover_type="REQUEST").from_article_date
    assert event_date(doc, doc[12], plover_type="COERCE").value == "2021-03-03"


def test_relative_clause_after_a_date_takes_it(nlp):
    # Es gab eine Kundgebung am Sonntag , bei der Polizisten Demonstranten festnahmen .
    doc = _doc(nlp, [("Es", "PPER", "PRON", 1, "expl"), ("gab", "VVFIN", "VERB", 1, "ROOT", PAST, "geben"),
                     ("eine", "ART", "DET", 3, "det"), ("Kundgebung", "NN", "NOUN", 1, "obj"),
                     ("am", "APPRART", "ADP", 5, "case"), ("Sonntag", "NN", "NOUN", 3, "nmod"),
                     (",", "$,", "PUNCT", 11, "punct"), ("bei", "APPR", "ADP", 8, "case"),
                     ("der", "PRELS", "PRON", 11, "obl"), ("Polizisten", "NN", "NOUN", 11, "nsubj"),
                     ("Demonstranten", "NN", "NOUN", 11, "obj"),
                     ("festnahmen", "VVFIN", "VERB", 3, "acl:relcl", PAST, "festnehmen"), _p(1)])
    assert event_date(doc, doc[11], plover_type="COERCE").value == "2021-03-07"


def test_pluperfect_without_date_is_undated_background(nlp):
    # Die Rebellen hatten die Waffenruhe gebrochen .
    doc = _doc(nlp, [("Die", "ART", "DET", 1, "det"), ("Rebellen", "NN", "NOUN", 5, "nsubj"),
                     ("hatten", "VAFIN", "AUX", 5, "aux", PAST, "haben"), ("die", "ART", "DET", 4, "det"),
                     ("Waffenruhe", "NN", "NOUN", 5, "obj"), ("gebrochen", "VVPP", "VERB", 5, "ROOT", "", "brechen"),
                     _p(5)])
    assert event_date(doc, doc[5], plover_type="REJECT") is None
    assert event_date(doc, doc[5]).from_article_date  # type-blind: the old fallback


def _scene_doc(nlp):
    # Am Freitag griffen Soldaten in Homs ein Krankenhaus an .
    #
    # Der Minister sagte am Samstag , die Lage sei ernst . Die Soldaten zerstörten Häuser .
    return _doc(nlp, [
        ("Am", "APPRART", "ADP", 1, "case"), ("Freitag", "NN", "NOUN", 2, "obl"),
        ("griffen", "VVFIN", "VERB", 2, "ROOT", PAST, "angreifen"), ("Soldaten", "NN", "NOUN", 2, "nsubj"),
        ("in", "APPR", "ADP", 5, "case"), ("Homs", "NE", "PROPN", 2, "obl"), ("ein", "ART", "DET", 7, "det"),
        ("Krankenhaus", "NN", "NOUN", 2, "obj"), ("an", "PTKVZ", "ADP", 2, "compound:prt"), _p(2), _par(9),
        ("Der", "ART", "DET", 12, "det"), ("Minister", "NN", "NOUN", 13, "nsubj"),
        ("sagte", "VVFIN", "VERB", 13, "ROOT", PAST, "sagen"), ("am", "APPRART", "ADP", 15, "case"),
        ("Samstag", "NN", "NOUN", 13, "obl"), (",", "$,", "PUNCT", 20, "punct"), ("die", "ART", "DET", 18, "det"),
        ("Lage", "NN", "NOUN", 20, "nsubj"), ("sei", "VAFIN", "AUX", 20, "cop", "Mood=Sub", "sein"),
        ("ernst", "ADJD", "ADJ", 13, "ccomp"), _p(13),
        ("Die", "ART", "DET", 23, "det"), ("Soldaten", "NN", "NOUN", 24, "nsubj"),
        ("zerstörten", "VVFIN", "VERB", 24, "ROOT", PAST, "zerstören"), ("Häuser", "NN", "NOUN", 24, "obj"),
        _p(24)])


def test_material_event_keeps_the_scene_time_not_the_statement_time(nlp):
    doc = _scene_doc(nlp)
    assert event_date(doc, doc[24], plover_type="ASSAULT").value == "2021-03-12"  # Friday, not the statement
    assert event_date(doc, doc[24]).value == "2021-03-13"  # type-blind: this paragraph's last date


def test_strong_past_forms_without_morphology(nlp):
    doc = Doc(nlp.vocab, words=["schlugen", "nehmen", "erklärte", "gibt"], tags=["VVFIN"] * 4,
              lemmas=["schlagen", "nehmen", "erklären", "geben"])
    assert [_looks_past(t) for t in doc] == [True, False, True, False]


# ------------------------------------------------------------------------------------------------- places

def test_material_event_keeps_the_scene_place_statements_do_not(nlp):
    doc = _scene_doc(nlp)
    assert event_location(doc, doc[24], plover_type="ASSAULT").country == "SYR"
    assert event_location(doc, doc[13], plover_type="ACCUSE") is None


def test_statement_located_only_by_its_own_dative_phrase(nlp):
    # Die Regierung forderte in Berlin Sanktionen gegen Russland . / Moskau setzt auf die Türkei .
    doc = _doc(nlp, [("Die", "ART", "DET", 1, "det"), ("Regierung", "NN", "NOUN", 2, "nsubj"),
                     ("forderte", "VVFIN", "VERB", 2, "ROOT", PAST, "fordern"), ("in", "APPR", "ADP", 4, "case"),
                     ("Berlin", "NE", "PROPN", 2, "obl", "Case=Dat"), ("Sanktionen", "NN", "NOUN", 2, "obj"),
                     ("gegen", "APPR", "ADP", 7, "case"), ("Russland", "NE", "PROPN", 5, "nmod"), _p(2),
                     ("Moskau", "NE", "PROPN", 10, "nsubj"), ("setzt", "VVFIN", "VERB", 10, "ROOT", "", "setzen"),
                     ("auf", "APPR", "ADP", 13, "case"), ("die", "ART", "DET", 13, "det", "Case=Acc"),
                     ("Türkei", "NE", "PROPN", 10, "obl", "Case=Acc"), _p(10)])
    assert event_location(doc, doc[2], plover_type="REQUEST").country == "DEU"
    assert event_location(doc, doc[10], plover_type="SUPPORT") is None


def test_origin_gives_way_to_the_target_place(nlp):
    # Die Miliz feuerte vom Libanon aus Raketen auf Ziele in Israel .
    doc = _doc(nlp, [("Die", "ART", "DET", 1, "det"), ("Miliz", "NN", "NOUN", 2, "nsubj"),
                     ("feuerte", "VVFIN", "VERB", 2, "ROOT", PAST, "feuern"), ("vom", "APPRART", "ADP", 4, "case"),
                     ("Libanon", "NE", "PROPN", 2, "obl"), ("aus", "APPO", "ADP", 4, "case"),
                     ("Raketen", "NN", "NOUN", 4, "nmod"), ("auf", "APPR", "ADP", 8, "case"),
                     ("Ziele", "NN", "NOUN", 6, "nmod"), ("in", "APPR", "ADP", 10, "case"),
                     ("Israel", "NE", "PROPN", 8, "nmod"), _p(2)])
    assert event_location(doc, doc[2], plover_type="ASSAULT").country == "ISR"


def test_place_in_another_clause_is_not_the_statements_place(nlp):
    # Der Präsident verurteilte den Anschlag , der sich in Kabul ereignete . (Kabul wrongly hung on "verurteilte")
    doc = _doc(nlp, [("Der", "ART", "DET", 1, "det"), ("Präsident", "NN", "NOUN", 2, "nsubj"),
                     ("verurteilte", "VVFIN", "VERB", 2, "ROOT", PAST, "verurteilen"), ("den", "ART", "DET", 4, "det"),
                     ("Anschlag", "NN", "NOUN", 2, "obj"), (",", "$,", "PUNCT", 10, "punct"),
                     ("der", "PRELS", "PRON", 10, "nsubj"), ("sich", "PRF", "PRON", 10, "obj"),
                     ("in", "APPR", "ADP", 9, "case"), ("Kabul", "NE", "PROPN", 2, "obl", "Case=Dat"),
                     ("ereignete", "VVFIN", "VERB", 4, "acl:relcl", PAST, "ereignen"), _p(2)])
    assert event_location(doc, doc[2], plover_type="ACCUSE") is None
    assert event_location(doc, doc[4], plover_type="ASSAULT").country == "AFG"


def test_preposition_read_from_the_words_when_the_parse_makes_the_place_a_subject(nlp):
    # Die UN eröffnete in der Nähe der Hauptstadt Kabul ein Lager . (Kabul wrongly parsed as subject)
    doc = _doc(nlp, [("Die", "ART", "DET", 1, "det"), ("UN", "NN", "NOUN", 2, "nsubj"),
                     ("eröffnete", "VVFIN", "VERB", 2, "ROOT", PAST, "eröffnen"), ("in", "APPR", "ADP", 5, "case"),
                     ("der", "ART", "DET", 5, "det"), ("Nähe", "NN", "NOUN", 2, "obl"), ("der", "ART", "DET", 7, "det"),
                     ("Hauptstadt", "NN", "NOUN", 5, "nmod"), ("Kabul", "NE", "PROPN", 2, "nsubj"),
                     ("ein", "ART", "DET", 10, "det"), ("Lager", "NN", "NOUN", 2, "obj"), _p(2)])
    assert event_location(doc, doc[2], plover_type="AID").country == "AFG"


def test_scope_phrase_is_not_a_location(nlp):
    # Er bemühte sich um eine Waffenruhe für ganz Syrien .
    doc = _doc(nlp, [("Er", "PPER", "PRON", 1, "nsubj"), ("bemühte", "VVFIN", "VERB", 1, "ROOT", PAST, "bemühen"),
                     ("sich", "PRF", "PRON", 1, "obj"), ("um", "APPR", "ADP", 5, "case"),
                     ("eine", "ART", "DET", 5, "det"), ("Waffenruhe", "NN", "NOUN", 1, "obl"),
                     ("für", "APPR", "ADP", 8, "case"), ("ganz", "ADV", "ADV", 8, "advmod"),
                     ("Syrien", "NE", "PROPN", 5, "nmod"), _p(1)])
    assert event_location(doc, doc[5], plover_type="AGREE") is None


def test_referring_places(nlp):
    # Die Armee rückte in Mali vor . Im Land herrschen Kämpfe . Er wurde auf französischem Boden gefasst .
    doc = _doc(nlp, [("Die", "ART", "DET", 1, "det"), ("Armee", "NN", "NOUN", 2, "nsubj"),
                     ("rückte", "VVFIN", "VERB", 2, "ROOT", PAST), ("in", "APPR", "ADP", 4, "case"),
                     ("Mali", "NE", "PROPN", 2, "obl"), ("vor", "PTKVZ", "ADP", 2, "compound:prt"), _p(2),
                     ("Im", "APPRART", "ADP", 8, "case"), ("Land", "NN", "NOUN", 9, "obl"),
                     ("herrschen", "VVFIN", "VERB", 9, "ROOT"), ("Kämpfe", "NN", "NOUN", 9, "nsubj"), _p(9),
                     ("Er", "PPER", "PRON", 17, "nsubj:pass"), ("wurde", "VAFIN", "AUX", 17, "aux:pass", PAST),
                     ("auf", "APPR", "ADP", 16, "case"), ("französischem", "ADJA", "ADJ", 16, "amod"),
                     ("Boden", "NN", "NOUN", 17, "obl"), ("gefasst", "VVPP", "VERB", 17, "ROOT"), _p(17)])
    by_text = {p.text: p for p in doc._.lb_places}
    assert by_text["Land"].country == "MLI"
    assert by_text["französischem Boden"].country == "FRA"
    assert event_location(doc, doc[17], plover_type="COERCE").country == "FRA"


def test_newspaper_names_are_not_places(nlp):
    from lagebild.analyse.pipeline import make_doc

    doc = nlp(make_doc(nlp, "Laut der Washington Post und der New York Times gab es Proteste.", SATURDAY))
    assert not [p for p in doc._.lb_places if p.country in ("USA", "NOR")]


def test_material_noun_event_is_located_at_the_place_its_clause_acts_on(nlp):
    # "Mit Unterstützung der Luftwaffe eroberten Truppen den Westen Mossuls." — no "in ..." phrase: the support
    # happens where the clause's action happens, the object's genitive place
    rows = [
        ("Mit", "APPR", "ADP", 1, "case"),
        ("Unterstützung", "NN", "NOUN", 4, "obl"),
        ("der", "ART", "DET", 3, "det"),
        ("Luftwaffe", "NN", "NOUN", 1, "nmod"),
        ("eroberten", "VVFIN", "VERB", 4, "ROOT", PAST),
        ("Truppen", "NN", "NOUN", 4, "nsubj"),
        ("den", "ART", "DET", 7, "det"),
        ("Westen", "NN", "NOUN", 4, "obj"),
        ("Mossuls", "NE", "PROPN", 7, "nmod"),
        _p(4),
    ]
    doc = _doc(nlp, rows)
    place = event_location(doc, doc[1], plover_type="AID")
    assert place is not None and place.country == "IRQ"
    # a statement is still located only by its own phrase
    assert event_location(doc, doc[1], plover_type="ACCUSE") is None


def test_clause_names_its_own_place_and_time_despite_a_broken_parse(nlp):
    # In Homs kämpften Soldaten .
    #
    # Am Donnerstag hatten Truppen – dank Luftwaffe – den bislang gehaltenen Ostteil Mossuls eingenommen .
    # (the tagger calls "den" a relative pronoun, the parse hangs "Ostteil Mossuls" on "Luftwaffe", that on "Truppen")
    past_aux = "Mood=Ind|Tense=Past|VerbForm=Fin"
    rows = [
        ("In", "APPR", "ADP", 1, "case"), ("Homs", "NE", "PROPN", 2, "obl"),
        ("kämpften", "VVFIN", "VERB", 2, "ROOT", PAST, "kämpfen"), ("Soldaten", "NN", "NOUN", 2, "nsubj"), _p(2),
        _par(4),
        ("Am", "APPRART", "ADP", 7, "case"), ("Donnerstag", "NN", "NOUN", 19, "obl"),
        ("hatten", "VAFIN", "AUX", 19, "aux", past_aux, "haben"), ("Truppen", "NN", "NOUN", 19, "nsubj"),
        ("–", "$(", "PUNCT", 12, "punct"), ("dank", "APPR", "ADP", 12, "case"), ("Luftwaffe", "NN", "NOUN", 9, "nmod"),
        ("–", "$(", "PUNCT", 17, "punct"), ("den", "PRELS", "PRON", 17, "det"), ("bislang", "ADV", "ADV", 16, "advmod"),
        ("gehaltenen", "ADJA", "ADJ", 17, "amod"), ("Ostteil", "NN", "NOUN", 12, "nmod"),
        ("Mossuls", "NE", "PROPN", 17, "nmod"), ("eingenommen", "VVPP", "VERB", 19, "ROOT", "", "einnehmen"), _p(19),
    ]
    doc = _doc(nlp, rows)
    trigger = doc[19]
    place = event_location(doc, trigger, plover_type="COERCE")
    assert place is not None and place.country == "IRQ"  # the clause's own place, not the earlier scene (Homs)
    date = event_date(doc, trigger, plover_type="COERCE")
    assert date.text == "Am Donnerstag" and date.value == "2021-03-11"  # not "bislang" (the attribute's time)


def test_dabei_continues_the_place_of_the_previous_sentence(nlp):
    # Der Gipfel fand in Wien statt .
    #
    # Die Armee beschoss am Montag die Stadt Homs . Dabei starben drei Zivilisten .
    # (the parse makes "Stadt" a subject and "Homs" its apposition, as a weak model does)
    doc = _doc(nlp, [
        ("Der", "ART", "DET", 1, "det"), ("Gipfel", "NN", "NOUN", 2, "nsubj"),
        ("fand", "VVFIN", "VERB", 2, "ROOT", PAST, "finden"), ("in", "APPR", "ADP", 4, "case"),
        ("Wien", "NE", "PROPN", 2, "obl"), ("statt", "PTKVZ", "ADP", 2, "compound:prt"), _p(2), _par(6),
        ("Die", "ART", "DET", 9, "det"), ("Armee", "NN", "NOUN", 10, "nsubj"),
        ("beschoss", "VVFIN", "VERB", 10, "ROOT", PAST, "beschießen"), ("am", "APPRART", "ADP", 12, "case"),
        ("Montag", "NN", "NOUN", 10, "obl"), ("die", "ART", "DET", 14, "det"), ("Stadt", "NN", "NOUN", 10, "nsubj"),
        ("Homs", "NE", "PROPN", 14, "appos"), _p(10),
        ("Dabei", "PAV", "ADV", 18, "advmod"), ("starben", "VVFIN", "VERB", 18, "ROOT", PAST, "sterben"),
        ("drei", "CARD", "NUM", 20, "nummod"), ("Zivilisten", "NN", "NOUN", 18, "nsubj"), _p(18)])
    assert event_location(doc, doc[10], plover_type="ASSAULT").country == "SYR"
    assert event_location(doc, doc[18], plover_type="ASSAULT").country == "SYR"  # not the summit's Vienna


def test_date_before_the_noun_the_parse_hangs_it_on_is_the_clause_date(nlp):
    # Ein Frachter hat am Freitag einen Hafen verlassen .  (the parse hangs "am Freitag" on "Hafen")
    doc = _doc(nlp, [("Ein", "ART", "DET", 1, "det"), ("Frachter", "NN", "NOUN", 7, "nsubj"),
                     ("hat", "VAFIN", "AUX", 7, "aux"), ("am", "APPRART", "ADP", 4, "case"),
                     ("Freitag", "NN", "NOUN", 6, "nmod"), ("einen", "ART", "DET", 6, "det"),
                     ("Hafen", "NN", "NOUN", 7, "obj"), ("verlassen", "VVPP", "VERB", 7, "ROOT", "", "verlassen"),
                     _p(7)])
    assert event_date(doc, doc[7], plover_type="RETREAT").value == "2021-03-12"
    # after its noun the phrase is that noun's attribute: "die Demonstration am Freitag" dates the demonstration
    doc = _doc(nlp, [("Sie", "PPER", "PRON", 1, "nsubj"), ("kritisierten", "VVFIN", "VERB", 1, "ROOT", PAST,
                                                                  "kritisieren"),
                     ("die", "ART", "DET", 3, "det"), ("Demonstration", "NN", "NOUN", 1, "obj"),
                     ("am", "APPRART", "ADP", 5, "case"), ("Freitag", "NN", "NOUN", 3, "nmod"), _p(1)])
    assert event_date(doc, doc[1], plover_type="DISAPPROVE").value != "2021-03-12"


def test_history_is_not_placed_at_the_present_scene(nlp):
    # In Kairo demonstrierten am Freitag Studenten . Schon 1977 schlug die Polizei Unruhen nieder .
    rows = [("In", "APPR", "ADP", 1, "case"), ("Kairo", "NE", "PROPN", 2, "obl"),
            ("demonstrierten", "VVFIN", "VERB", 2, "ROOT", PAST, "demonstrieren"), ("am", "APPRART", "ADP", 4, "case"),
            ("Freitag", "NN", "NOUN", 2, "obl"), ("Studenten", "NN", "NOUN", 2, "nsubj"), _p(2),
            ("Schon", "ADV", "ADV", 8, "advmod"), ("1977", "CARD", "NUM", 9, "obl"),
            ("schlug", "VVFIN", "VERB", 9, "ROOT", PAST, "niederschlagen"), ("die", "ART", "DET", 11, "det"),
            ("Polizei", "NN", "NOUN", 9, "nsubj"), ("Unruhen", "NN", "NOUN", 9, "obj"),
            ("nieder", "PTKVZ", "ADP", 9, "compound:prt"), _p(9)]
    doc = _doc(nlp, rows)
    assert event_date(doc, doc[9], plover_type="COERCE").value.startswith("1977")
    assert event_location(doc, doc[9], plover_type="COERCE") is None
    # the same report about last Wednesday stays at the scene
    doc = _doc(nlp, rows[:8] + [("am", "APPRART", "ADP", 9, "case"), ("Mittwoch", "NN", "NOUN", 10, "obl")]
               + [(w, t, p, h + 1, d, *rest) for w, t, p, h, d, *rest in rows[9:]])
    assert event_location(doc, doc[10], plover_type="COERCE").country == "EGY"


def test_das_land_is_the_country_just_named_not_the_most_named(nlp):
    # Israel und Syrien verhandeln . Israel lehnt ab . Die Truppen stehen in Jordanien . Im Land herrscht Ruhe .
    rows = [("Israel", "NE", "PROPN", 3, "nsubj"), ("und", "KON", "CCONJ", 2, "cc"), ("Syrien", "NE", "PROPN", 0, "conj"),
            ("verhandeln", "VVFIN", "VERB", 3, "ROOT"), _p(3),
            ("Israel", "NE", "PROPN", 6, "nsubj"), ("lehnt", "VVFIN", "VERB", 6, "ROOT"),
            ("ab", "PTKVZ", "ADP", 6, "compound:prt"), _p(6),
            ("Die", "ART", "DET", 10, "det"), ("Truppen", "NN", "NOUN", 11, "nsubj"),
            ("stehen", "VVFIN", "VERB", 11, "ROOT"), ("in", "APPR", "ADP", 13, "case"),
            ("Jordanien", "NE", "PROPN", 11, "obl"), _p(11),
            ("Im", "APPRART", "ADP", 16, "case"), ("Land", "NN", "NOUN", 17, "obl"),
            ("herrscht", "VVFIN", "VERB", 17, "ROOT"), ("Ruhe", "NN", "NOUN", 17, "nsubj"), _p(17)]
    doc = _doc(nlp, rows)
    assert {p.text: p for p in doc._.lb_places}["Land"].country == "JOR"
    # with no country in this or the sentence before, the article's most-named one
    doc = _doc(nlp, rows[:9] + [("Die", "ART", "DET", 10, "det"), ("Lage", "NN", "NOUN", 11, "nsubj"),
                                ("bleibt", "VVFIN", "VERB", 11, "ROOT"), ("ruhig", "ADJD", "ADJ", 11, "advmod"),
                                ("hier", "ADV", "ADV", 11, "advmod"), _p(11)] + rows[15:])
    assert {p.text: p for p in doc._.lb_places}["Land"].country == "ISR"


def test_country_genitive_inside_an_organisation_entity_is_a_place(nlp):
    # Die Proteste gegen die Regierung Syriens dauern an .  (NER takes "Regierung Syriens" as one organisation)
    words = ["Die", "Proteste", "gegen", "die", "Regierung", "Syriens", "dauern", "an", "."]
    doc = Doc(nlp.vocab, words=words, tags=["ART", "NN", "APPR", "ART", "NN", "NE", "VVFIN", "PTKVZ", "$."],
              pos=["DET", "NOUN", "ADP", "DET", "NOUN", "PROPN", "VERB", "ADP", "PUNCT"],
              ents=["O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O"], sent_starts=[True] + [False] * 8)
    assert [p.country for p in find_places(doc)] == ["SYR"]
    # a name that continues a proper name stays part of it
    doc = Doc(nlp.vocab, words=["Die", "Universität", "Wien", "forscht", "."],
              tags=["ART", "NE", "NE", "VVFIN", "$."], pos=["DET", "PROPN", "PROPN", "VERB", "PUNCT"],
              ents=["O", "B-ORG", "I-ORG", "O", "O"], sent_starts=[True] + [False] * 4)
    assert find_places(doc) == []


def test_a_place_between_two_countries_is_in_neither(nlp):
    # In Kabul demonstrierten Studenten . Soldaten schossen an der Grenze zwischen Indien und Pakistan .
    doc = _doc(nlp, [("In", "APPR", "ADP", 1, "case"), ("Kabul", "NE", "PROPN", 2, "obl"),
                     ("demonstrierten", "VVFIN", "VERB", 2, "ROOT", PAST, "demonstrieren"),
                     ("Studenten", "NN", "NOUN", 2, "nsubj"), _p(2),
                     ("Soldaten", "NN", "NOUN", 6, "nsubj"), ("schossen", "VVFIN", "VERB", 6, "ROOT", PAST, "schießen"),
                     ("an", "APPR", "ADP", 9, "case"), ("der", "ART", "DET", 9, "det"),
                     ("Grenze", "NN", "NOUN", 6, "obl"), ("zwischen", "APPR", "ADP", 11, "case"),
                     ("Indien", "NE", "PROPN", 9, "nmod"), ("und", "KON", "CCONJ", 13, "cc"),
                     ("Pakistan", "NE", "PROPN", 11, "conj"), _p(6)])
    assert event_location(doc, doc[2], plover_type="PROTEST").country == "AFG"
    assert event_location(doc, doc[6], plover_type="ASSAULT") is None


def test_relative_clause_on_the_event_noun_locates_it(nlp):
    # Die Kämpfe , die Städte Syriens erreicht haben , gehen weiter .
    doc = _doc(nlp, [("Die", "ART", "DET", 1, "det"), ("Kämpfe", "NN", "NOUN", 9, "nsubj"),
                     (",", "$,", "PUNCT", 6, "punct"), ("die", "PRELS", "PRON", 6, "nsubj"),
                     ("Städte", "NN", "NOUN", 6, "obj"), ("Syriens", "NE", "PROPN", 4, "nmod"),
                     ("erreicht", "VVPP", "VERB", 1, "acl", "", "erreichen"), ("haben", "VAFIN", "AUX", 6, "aux"),
                     (",", "$,", "PUNCT", 1, "punct"), ("gehen", "VVFIN", "VERB", 9, "ROOT", "", "gehen"),
                     ("weiter", "PTKVZ", "ADP", 9, "compound:prt"), _p(9)])
    assert event_location(doc, doc[1], plover_type="ASSAULT").country == "SYR"


def test_a_place_left_behind_does_not_set_the_scene(nlp):
    # In Kabul landeten Soldaten . Ein Schiff hatte einen Hafen in Pakistan verlassen . Die Soldaten verteilten Hilfe .
    doc = _doc(nlp, [("In", "APPR", "ADP", 1, "case"), ("Kabul", "NE", "PROPN", 2, "obl"),
                     ("landeten", "VVFIN", "VERB", 2, "ROOT", PAST, "landen"), ("Soldaten", "NN", "NOUN", 2, "nsubj"),
                     _p(2),
                     ("Ein", "ART", "DET", 6, "det"), ("Schiff", "NN", "NOUN", 12, "nsubj"),
                     ("hatte", "VAFIN", "AUX", 12, "aux", PAST), ("einen", "ART", "DET", 9, "det"),
                     ("Hafen", "NN", "NOUN", 12, "obj"), ("in", "APPR", "ADP", 11, "case"),
                     ("Pakistan", "NE", "PROPN", 9, "nmod"), ("verlassen", "VVPP", "VERB", 12, "ROOT", "", "verlassen"),
                     _p(12),
                     ("Die", "ART", "DET", 15, "det"), ("Soldaten", "NN", "NOUN", 16, "nsubj"),
                     ("verteilten", "VVFIN", "VERB", 16, "ROOT", PAST, "verteilen"), ("Hilfe", "NN", "NOUN", 16, "obj"),
                     _p(16)])
    assert event_location(doc, doc[16], plover_type="AID").country == "AFG"
