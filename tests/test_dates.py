"""Dates: German date expressions resolved against the article date, and event_date."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc

from lagebild.extract.dates import event_date, find_dates

FRIDAY = dt.date(2016, 12, 16)  # the article date of these tests: Friday, 16 December 2016


def _dates(nlp, text: str, date: dt.date = FRIDAY):
    from lagebild.analyse.pipeline import make_doc

    doc = nlp(make_doc(nlp, text, date))
    return doc, {d.text: d for d in doc._.lb_dates}


@pytest.mark.parametrize("sentence, expr, value, precision", [
    ("Am Donnerstag griffen Soldaten das Dorf an.", "Am Donnerstag", "2016-12-15", "day"),
    ("Die Kämpfe begannen Donnerstagabend.", "Donnerstagabend", "2016-12-15", "day"),
    ("In der Nacht zum Donnerstag fielen Schüsse.", "In der Nacht zum Donnerstag", "2016-12-15", "day"),
    ("Am Freitag sprach der Minister.", "Am Freitag", "2016-12-16", "day"),
    ("Am vergangenen Freitag sprach der Minister.", "Am vergangenen Freitag", "2016-12-09", "day"),
    ("Gestern demonstrierten Tausende.", "Gestern", "2016-12-15", "day"),
    ("Die Abstimmung ist heute.", "heute", "2016-12-16", "day"),
    ("Der Minister reist morgen ab.", "morgen", "2016-12-17", "day"),
    ("Vorgestern wurde er verhaftet.", "Vorgestern", "2016-12-14", "day"),
    ("Anfang Dezember wurde gekämpft.", "Anfang Dezember", "2016-12-01", "month"),
    ("Mitte Januar wurde gewählt.", "Mitte Januar", "2016-01-01", "month"),
    ("Im März wurde gewählt.", "Im März", "2016-03-01", "month"),
    ("Die Stadt fiel Ende 2015.", "Ende 2015", "2015-01-01", "year"),
    ("Der Krieg begann im Jahr 2011.", "im Jahr 2011", "2011-01-01", "year"),
    ("Seit 2011 herrscht Krieg.", "Seit 2011", "2011-01-01", "year"),
    ("Am 14. Dezember tagte der Rat.", "14. Dezember", "2016-12-14", "day"),
    ("Das Treffen fand am 14.12.2016 statt.", "14.12.2016", "2016-12-14", "day"),
    ("Das Treffen fand am 13.12. statt.", "13.12.", "2016-12-13", "day"),
    ("Das Massaker geschah im Juli 1995.", "im Juli 1995", "1995-07-01", "month"),
    ("Vor zwei Wochen wurde demonstriert.", "Vor zwei Wochen", "2016-12-02", "day"),
])
def test_expressions(nlp, sentence, expr, value, precision):
    _, found = _dates(nlp, sentence)
    assert expr in found, (expr, list(found))
    d = found[expr]
    assert (d.value, d.precision) == (value, precision)
    text = sentence
    assert text[d.start:d.end] == d.text
    assert 0 <= d.confidence <= 1


def test_seit_is_a_range_until_the_article_date(nlp):
    _, found = _dates(nlp, "Seit 2011 herrscht Krieg.")
    assert found["Seit 2011"].end_value == FRIDAY.isoformat()


def test_future_context(nlp):
    _, found = _dates(nlp, "Die Gespräche sollen am kommenden Montag beginnen.")
    d = next(iter(found.values()))
    assert d.value == "2016-12-19"


def test_counts_are_not_years(nlp):
    _, found = _dates(nlp, "Dabei wurden 2000 Soldaten verlegt.")
    assert not found


def test_no_article_date_no_resolution(nlp):
    from lagebild.analyse.pipeline import make_doc

    doc = nlp(make_doc(nlp, "Am Donnerstag griffen Soldaten an.", None))
    assert doc._.lb_dates == []
    assert event_date(doc, doc[2]) is None


def _doc(nlp, words, heads, deps, pos, tags, date=FRIDAY):
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
              sent_starts=[True] + [False] * (len(words) - 1))
    doc._.lb_article_date = date
    for name in ("lb_places", "lb_dates", "lb_actors", "lb_figures", "lb_quotes", "lb_events", "lb_reasons"):
        setattr(doc._, name, [])
    doc._.lb_dates = find_dates(doc)
    return doc


def test_event_date_attached_to_trigger(nlp):
    # Am Donnerstag nahmen Truppen die Stadt ein .
    doc = _doc(nlp, ["Am", "Donnerstag", "nahmen", "Truppen", "die", "Stadt", "ein", "."], [1, 2, 2, 2, 5, 2, 2, 2],
               ["case", "obl", "ROOT", "nsubj", "det", "obj", "compound:prt", "punct"],
               ["ADP", "NOUN", "VERB", "NOUN", "DET", "NOUN", "ADP", "PUNCT"],
               ["APPRART", "NN", "VVFIN", "NN", "ART", "NN", "PTKVZ", "$."])
    d = event_date(doc, doc[2])
    assert d.value == "2016-12-15" and d.text == "Am Donnerstag" and not d.from_article_date


def test_event_date_falls_back_to_article_date(nlp):
    doc = _doc(nlp, ["Die", "Polizei", "nimmt", "zwei", "Männer", "fest", "."], [1, 2, 2, 4, 2, 2, 2],
               ["det", "nsubj", "ROOT", "nummod", "obj", "compound:prt", "punct"],
               ["DET", "NOUN", "VERB", "NUM", "NOUN", "ADP", "PUNCT"],
               ["ART", "NN", "VVFIN", "CARD", "NN", "PTKVZ", "$."])
    d = event_date(doc, doc[2])
    assert d.from_article_date and d.value == "2016-12-16" and d.text is None


def test_event_date_takes_its_own_clause(nlp):
    # Am Mittwoch scheiterte eine Einigung , am Donnerstag begannen Kämpfe .
    words = ["Am", "Mittwoch", "scheiterte", "eine", "Einigung", ",", "am", "Donnerstag", "begannen", "Kämpfe", "."]
    heads = [1, 2, 2, 4, 2, 8, 7, 8, 2, 8, 2]
    deps = ["case", "obl", "ROOT", "det", "nsubj", "punct", "case", "obl", "conj", "nsubj", "punct"]
    pos = ["ADP", "NOUN", "VERB", "DET", "NOUN", "PUNCT", "ADP", "NOUN", "VERB", "NOUN", "PUNCT"]
    tags = ["APPRART", "NN", "VVFIN", "ART", "NN", "$,", "APPRART", "NN", "VVFIN", "NN", "$."]
    doc = _doc(nlp, words, heads, deps, pos, tags)
    assert event_date(doc, doc[4]).value == "2016-12-14"  # the noun event takes its verb's date
    assert event_date(doc, doc[8]).value == "2016-12-15"


@pytest.mark.parametrize("text, expr, value, precision", [
    ("Am 3. Mai begann die Offensive. Zwei Tage später fiel die Stadt.", "Zwei Tage später", "2016-05-05", "day"),
    ("Mitte Mai warnte der Minister. Nur Tage später flammten Unruhen auf.", "Tage später", "2016-05-01", "month"),
    ("Am Mittwoch landeten die Truppen. Sie erreichten den Hafen am späten Abend.", "am späten Abend",
     "2016-12-14", "day"),
])
def test_expressions_relative_to_the_previous_date(nlp, text, expr, value, precision):
    _, found = _dates(nlp, text)
    assert expr in found, (expr, list(found))
    assert (found[expr].value, found[expr].precision) == (value, precision)


def test_part_of_day_without_a_previous_day_is_no_date(nlp):
    _, found = _dates(nlp, "Die Minister berieten am Abend über den Plan.")
    assert not found


def _doc2(nlp, sents, date=FRIDAY):
    """A hand-parsed Doc of several sentences: each item (words, heads relative to the sentence, deps, pos, tags)."""
    words, heads, deps, pos, tags, starts = [], [], [], [], [], []
    for w, h, d, p, t in sents:
        off = len(words)
        words += w
        heads += [off + x for x in h]
        deps += d
        pos += p
        tags += t
        starts += [True] + [False] * (len(w) - 1)
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, sent_starts=starts)
    doc._.lb_article_date = date
    for name in ("lb_places", "lb_dates", "lb_actors", "lb_figures", "lb_quotes", "lb_events", "lb_reasons"):
        setattr(doc._, name, [])
    doc._.lb_dates = find_dates(doc)
    return doc


def test_coordinated_verb_misread_as_infinitive_continues_the_narrative_time(nlp):
    # Am Mittwoch wurde die Kundgebung aufgelöst . Anhänger umringten die Demonstranten und schlugen auf sie ein .
    s1 = (["Am", "Mittwoch", "wurde", "die", "Kundgebung", "aufgelöst", "."], [1, 5, 5, 4, 5, 5, 5],
          ["case", "obl", "aux:pass", "det", "nsubj:pass", "ROOT", "punct"],
          ["ADP", "NOUN", "AUX", "DET", "NOUN", "VERB", "PUNCT"],
          ["APPRART", "NN", "VAFIN", "ART", "NN", "VVPP", "$."])
    s2 = (["Anhänger", "umringten", "die", "Demonstranten", "und", "schlugen", "auf", "sie", "ein", "."],
          [1, 1, 3, 1, 5, 1, 7, 5, 5, 1],
          ["nsubj", "ROOT", "det", "obj", "cc", "conj", "case", "obl", "compound:prt", "punct"],
          ["NOUN", "VERB", "DET", "NOUN", "CCONJ", "VERB", "ADP", "PRON", "ADP", "PUNCT"],
          ["NN", "VVFIN", "ART", "NN", "KON", "VVINF", "APPR", "PPER", "PTKVZ", "$."])
    doc = _doc2(nlp, [s1, s2])
    doc[8].set_morph("Tense=Past")
    doc[12].lemma_ = "schlugen"  # the lemmatizer does not know the strong past form
    d = event_date(doc, doc[12], plover_type="ASSAULT")
    assert d.value == "2016-12-14" and d.text == "Am Mittwoch"


def test_date_of_an_announcement_is_not_its_target(nlp):
    # Der Minister hatte am Donnerstag angekündigt , bei der Wahl anzutreten .
    words = ["Der", "Minister", "hatte", "am", "Donnerstag", "angekündigt", ",", "bei", "der", "Wahl", "anzutreten",
             "."]
    heads = [1, 5, 5, 4, 5, 5, 10, 9, 9, 10, 5, 5]
    deps = ["det", "nsubj", "aux", "case", "obl", "ROOT", "punct", "case", "det", "obl", "xcomp", "punct"]
    pos = ["DET", "NOUN", "AUX", "ADP", "NOUN", "VERB", "PUNCT", "ADP", "DET", "NOUN", "VERB", "PUNCT"]
    tags = ["ART", "NN", "VAFIN", "APPRART", "NN", "VVPP", "$,", "APPR", "ART", "NN", "VVIZU", "$."]
    doc = _doc(nlp, words, heads, deps, pos, tags)
    doc[5].lemma_ = "ankündigen"
    doc[2].lemma_ = "haben"
    doc._.lb_dates = find_dates(doc)
    d = next(d for d in doc._.lb_dates if d.text == "am Donnerstag")
    assert d.value == "2016-12-15"


def test_future_with_werden_and_an_infinitive_of_sein(nlp):
    # Bei der Wahl am 7. Mai werden erstmals Gegenkandidaten zugelassen sein . (article date: 16 December 2016)
    words = ["Bei", "der", "Wahl", "am", "7.", "Mai", "werden", "erstmals", "Gegenkandidaten", "zugelassen", "sein",
             "."]
    heads = [2, 2, 9, 5, 5, 2, 9, 9, 9, 9, 9, 9]
    deps = ["case", "det", "obl", "case", "amod", "nmod", "aux", "advmod", "nsubj:pass", "ROOT", "aux", "punct"]
    pos = ["ADP", "DET", "NOUN", "ADP", "ADJ", "NOUN", "AUX", "ADV", "NOUN", "VERB", "AUX", "PUNCT"]
    tags = ["APPR", "ART", "NN", "APPRART", "ADJA", "NN", "VAFIN", "ADV", "NN", "VVPP", "VAINF", "$."]
    doc = _doc(nlp, words, heads, deps, pos, tags)
    doc[6].lemma_ = "werden"
    doc[6].set_morph("Tense=Pres")
    doc._.lb_dates = find_dates(doc)
    assert [d.value for d in doc._.lb_dates] == ["2017-05-07"]


def test_date_of_the_occasion_dates_the_clause(nlp):
    # Bei den Verhandlungen am Montag wurde keine Einigung erzielt .
    words = ["Bei", "den", "Verhandlungen", "am", "Montag", "wurde", "keine", "Einigung", "erzielt", "."]
    heads = [2, 2, 8, 4, 2, 8, 7, 8, 8, 8]
    deps = ["case", "det", "obl", "case", "nmod", "aux:pass", "det", "nsubj:pass", "ROOT", "punct"]
    pos = ["ADP", "DET", "NOUN", "ADP", "NOUN", "AUX", "DET", "NOUN", "VERB", "PUNCT"]
    tags = ["APPR", "ART", "NN", "APPRART", "NN", "VAFIN", "PIAT", "NN", "VVPP", "$."]
    doc = _doc(nlp, words, heads, deps, pos, tags)
    d = event_date(doc, doc[7], plover_type="AGREE")
    assert d.text == "am Montag" and d.value == "2016-12-12"
    # ... but not the date of another noun: "die Einigung über die Wahl am Montag" is not dated by it
    words = ["Die", "Einigung", "über", "die", "Wahl", "am", "Montag", "scheiterte", "."]
    doc = _doc(nlp, words, [1, 7, 4, 4, 1, 6, 4, 7, 7],
               ["det", "nsubj", "case", "det", "nmod", "case", "nmod", "ROOT", "punct"],
               ["DET", "NOUN", "ADP", "DET", "NOUN", "ADP", "NOUN", "VERB", "PUNCT"],
               ["ART", "NN", "APPR", "ART", "NN", "APPRART", "NN", "VVFIN", "$."])
    assert event_date(doc, doc[1], plover_type="AGREE").from_article_date


def test_announcement_takes_the_target_date_of_the_announced_act(nlp):
    # Die Ministerin hat heute den Abzug der Truppen zum Jahresende angekündigt .
    words = ["Die", "Ministerin", "hat", "heute", "den", "Abzug", "der", "Truppen", "zum", "Jahresende", "angekündigt",
             "."]
    heads = [1, 10, 10, 10, 5, 10, 7, 5, 9, 5, 10, 10]
    deps = ["det", "nsubj", "aux", "advmod", "det", "obj", "det", "nmod", "case", "nmod", "ROOT", "punct"]
    pos = ["DET", "NOUN", "AUX", "ADV", "DET", "NOUN", "DET", "NOUN", "ADP", "NOUN", "VERB", "PUNCT"]
    tags = ["ART", "NN", "VAFIN", "ADV", "ART", "NN", "ART", "NN", "APPRART", "NN", "VVPP", "$."]
    doc = _doc(nlp, words, heads, deps, pos, tags, date=dt.date(2016, 6, 8))
    doc[10].lemma_ = "ankündigen"
    d = event_date(doc, doc[10], plover_type="CONCEDE")
    assert d.text == "zum Jahresende" and d.value == "2016-12-01" and d.precision == "month"
    doc[10].lemma_ = "bestätigen"  # a plain statement is dated by its own day
    assert event_date(doc, doc[10], plover_type="CONCEDE").text == "heute"


def test_nachdem_clause_takes_the_month_of_its_main_clause(nlp):
    # Der Plan scheiterte im Juni endgültig , nachdem Soldaten Proteste niederschlugen .
    words = ["Der", "Plan", "scheiterte", "im", "Juni", "endgültig", ",", "nachdem", "Soldaten", "Proteste",
             "niederschlugen", "."]
    heads = [1, 2, 2, 4, 2, 2, 10, 10, 10, 10, 2, 2]
    deps = ["det", "nsubj", "ROOT", "case", "obl", "advmod", "punct", "mark", "nsubj", "obj", "advcl", "punct"]
    pos = ["DET", "NOUN", "VERB", "ADP", "NOUN", "ADV", "PUNCT", "SCONJ", "NOUN", "NOUN", "VERB", "PUNCT"]
    tags = ["ART", "NN", "VVFIN", "APPRART", "NN", "ADJD", "$,", "KOUS", "NN", "NN", "VVFIN", "$."]
    doc = _doc(nlp, words, heads, deps, pos, tags)
    d = event_date(doc, doc[10], plover_type="ASSAULT")
    assert d.text == "im Juni" and d.precision == "month"
    # ... but a day of the main clause is not the day of what happened before it
    words[3:5] = ["am", "Montag"]
    tags[3:5] = ["APPRART", "NN"]
    doc = _doc(nlp, words, heads, deps, pos, tags)
    assert event_date(doc, doc[10], plover_type="ASSAULT").text != "am Montag"


def test_adjectival_day_words(nlp):
    _, found = _dates(nlp, "Der heutige Protestzug folgte auf die gestrige Sitzung.")
    assert found["heutige"].value == "2016-12-16" and found["gestrige"].value == "2016-12-15"


def test_purpose_clause_has_no_date_of_its_own(nlp):
    from lagebild.analyse.pipeline import make_doc

    doc = nlp(make_doc(nlp, "Er schickte am 20. April Soldaten auf die Inseln, um Ausschreitungen zu beenden.",
                       FRIDAY))
    trigger = next(t for t in doc if t.text == "Ausschreitungen")
    assert event_date(doc, trigger, plover_type="PROTEST") is None
    sent_trigger = next(t for t in doc if t.text == "schickte")
    assert event_date(doc, sent_trigger, plover_type="AID").value == "2016-04-20"


def test_adverb_inside_a_noun_phrase_does_not_date_the_clause(nlp):
    from lagebild.extract.dates import _attributive

    # "des inzwischen wieder zurückgetretenen Premierministers", with the participle misread as an adverb: the words
    # (an adverb right after an article) say it times the attribute, not the clause
    words = ["Unruhen", "nach", "der", "Ernennung", "des", "inzwischen", "wieder", "zurückgetretenen",
             "Premierministers", "."]
    doc = Doc(nlp.vocab, words=words, heads=[0, 3, 3, 0, 8, 6, 7, 8, 3, 0],
              deps=["ROOT", "case", "det", "nmod", "det", "advmod", "advmod", "advmod", "nmod", "punct"],
              pos=["NOUN", "ADP", "DET", "NOUN", "DET", "ADV", "ADV", "ADV", "NOUN", "PUNCT"],
              tags=["NN", "APPR", "ART", "NN", "ART", "ADV", "ADV", "ADV", "NN", "$."])
    assert _attributive(doc[5])
    assert not _attributive(doc[6])


def test_als_clause_takes_the_date_of_the_clause_it_follows(nlp):
    from lagebild.analyse.pipeline import make_doc

    doc = nlp(make_doc(nlp, "Das Gericht ging davon aus, dass der Angeklagte bei der Festnahme am 4. September 2007 "
                            "den Tod des Polizisten in Kauf genommen hätte, als er auf ihn schoss.", dt.date(2010, 3, 4)))
    trigger = next(t for t in doc if t.text == "schoss")
    assert event_date(doc, trigger, plover_type="ASSAULT").value == "2007-09-04"


def test_weekday_with_a_calendar_date_in_apposition(nlp):
    _, found = _dates(nlp, "Die Streiks sollen zunächst bis Freitag, den 14. März 2008 andauern.", dt.date(2008, 3, 5))
    assert found["bis Freitag"].value == "2008-03-14"


def test_deadline_just_passed_is_this_years(nlp):
    _, found = _dates(nlp, "Beide Seiten hatten vereinbart, bis zum 17. Mai alle Truppen zurückzuziehen.",
                      dt.date(2011, 5, 23))
    assert found["17. Mai"].value == "2011-05-17"


def test_present_day_place_is_no_date_and_damals_lies_before(nlp):
    _, found = _dates(nlp, "Die Mutter war in einem Lager in der heutigen Ukraine. Der heutige Protestzug zog vorbei.")
    assert "heutigen" not in found and found["heutige"].value == FRIDAY.isoformat()
    _, found = _dates(nlp, "Im März 2011 gab es Streit. Bis heute gibt es keine Anklage, damals wurde einseitig "
                           "ermittelt.")
    assert found["damals"].value < FRIDAY.isoformat()


def test_event_noun_with_its_own_date_and_genitive_month(nlp):
    from lagebild.analyse.pipeline import make_doc

    doc = nlp(make_doc(nlp, "Mit einer Zeremonie wurde gestern ein Denkmal zur Erinnerung an die Opfer der "
                            "Terroranschläge vom 11. März 2004 eingeweiht. Die Gesetze wurden nach den Terroranschlägen "
                            "des 11. Septembers 2001 beschlossen.", dt.date(2007, 3, 12)))
    first = next(t for t in doc if t.text == "Terroranschläge")
    second = next(t for t in doc if t.text == "Terroranschlägen")
    assert event_date(doc, first, plover_type="ASSAULT").value == "2004-03-11"
    assert event_date(doc, second, plover_type="ASSAULT").value == "2001-09-11"


def test_expressions_outside_the_calendar_do_not_crash(nlp):
    # "vor 8000 Jahren" goes back before year 1: no date, and the rest of the article is still analysed
    doc, got = _dates(nlp, "Die Siedlung entstand vor 8000 Jahren. Am Donnerstag wurde sie eröffnet.")
    assert "vor 8000 Jahren" not in got
    assert got["Am Donnerstag"].value == "2016-12-15"


@pytest.mark.parametrize("sentence, expr, value, precision, end_value", [
    ("Heuer gab es mehr Anträge.", "Heuer", "2016-01-01", "year", None),
    ("Mittwochfrüh wurde er verhaftet.", "Mittwochfrüh", "2016-12-14", "day", None),
    ("Am 14. Feber wurde unterzeichnet.", "14. Feber", "2016-02-14", "day", None),
    ("Im vergangenen Herbst begann der Streik.", "Im vergangenen Herbst", "2016-09-01", "month", "2016-11-30"),
    ("Im Frühjahr 2015 wurde verhandelt.", "Im Frühjahr 2015", "2015-03-01", "month", "2015-05-31"),
    ("Seit dem Sommer kämpfen die Truppen.", "Seit dem Sommer", "2016-06-01", "month", "2016-12-16"),
    ("Im Winter begann der Streik.", "Im Winter", "2016-12-01", "month", "2017-02-28"),
])
def test_austrian_words_and_seasons(nlp, sentence, expr, value, precision, end_value):
    _, got = _dates(nlp, sentence)
    assert (got[expr].value, got[expr].precision, got[expr].end_value) == (value, precision, end_value)
