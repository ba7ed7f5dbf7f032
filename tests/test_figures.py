"""Casualty figures: numerals, number words, bounds, kinds, running totals, event tolls."""

from __future__ import annotations

import pytest

from lagebild.extract.figures import event_toll, find_figures, parse_number_word


@pytest.fixture(scope="module")
def analyse(nlp):
    from lagebild.analyse.pipeline import make_doc

    return lambda text: nlp(make_doc(nlp, text))


@pytest.mark.parametrize("word,value", [("dreihundert", 300), ("einundzwanzig", 21), ("zwölf", 12),
                                        ("zweitausendfünfhundert", 2500), ("Tisch", None)])
def test_number_words(word, value):
    assert parse_number_word(word) == value


@pytest.mark.parametrize("text,value,low,high", [
    ("In der Provinz wurden 310.000 Menschen vertrieben.", 310000, 310000, 310000),
    ("Etwa 1,2 Millionen Menschen flohen aus der Region.", 1200000, 1080000, 1320000),
    ("Die Polizei hat dreihundert Demonstranten festgenommen.", 300, 300, 300),
    ("Zwei Dutzend Soldaten wurden verwundet.", 24, 24, 24),
    ("Tausende wurden aus der Stadt gebracht.", 2000, 2000, 9999),
    ("Dabei wurden mindestens 17 Menschen getötet.", 17, 17, None),
    ("Nach dem Beben wurden mehr als 40 Menschen verletzt.", 40, 40, None),
    ("Bei den Kämpfen starben bis zu 80 Kämpfer.", 80, None, 80),
])
def test_numeral_forms_and_bounds(analyse, text, value, low, high):
    figs = [f for f in find_figures(analyse(text)) if f.kind]
    assert len(figs) == 1
    assert (figs[0].value, figs[0].low, figs[0].high) == (value, low, high)


def test_kinds(analyse):
    doc = analyse("Bei dem Angriff wurden 14 Zivilisten getötet und 30 weitere verletzt. "
                  "Die Armee hat 12 Verdächtige festgenommen.")
    assert [(f.value, f.kind) for f in find_figures(doc)] == [(14, "dead"), (30, "injured"), (12, "arrested")]


def test_years_are_not_figures(analyse):
    doc = analyse("Im Jahr 2015 kamen bei dem Unglück 23 Bergleute ums Leben.")
    assert [(f.value, f.kind) for f in find_figures(doc)] == [(23, "dead")]


def test_running_total_is_cumulative_and_not_a_toll(analyse):
    doc = analyse("Seit Beginn des Krieges im Jahr 2011 wurden nach Schätzungen mehr als 250.000 Menschen getötet.")
    (fig,) = [f for f in find_figures(doc) if f.kind]
    assert fig.cumulative and fig.kind == "dead"
    assert fig.period.startswith("Seit Beginn des Krieges")
    trigger = next(t for t in doc if t.text == "getötet")
    assert event_toll(doc, trigger) == (None, None)


def test_toll_tied_to_attack(analyse):
    doc = analyse("Bei dem Bombenanschlag auf einen Markt in Bagdad starben am Freitag mindestens 35 Menschen, "
                  "mehr als 60 wurden verletzt.")
    trigger = next(t for t in doc if t.text == "Bombenanschlag")
    assert event_toll(doc, trigger) == (35, 60)


def test_toll_from_following_sentence(analyse):
    doc = analyse("Am Montag griffen Aufständische einen Konvoi an. Dabei kamen neun Soldaten ums Leben.")
    trigger = next(t for t in doc if t.text == "griffen")
    assert event_toll(doc, trigger) == (9, None)


def test_following_sentence_with_an_event_of_its_own_keeps_its_toll(analyse):
    doc = analyse("Die Kämpfe hatten am Donnerstag begonnen. Nach Angaben der Armee wurden bei einem Raketenangriff "
                  "zwölf Menschen getötet.")
    trigger = next(t for t in doc if t.text == "Kämpfe")
    assert event_toll(doc, trigger) == (None, None)
    doc = analyse("Eine Autobombe explodierte am Samstag in Beirut. Zwei Menschen wurden getötet und drei verletzt.")
    trigger = next(t for t in doc if t.text == "Autobombe")
    assert event_toll(doc, trigger) == (2, 3)


def test_other_half_of_the_toll_from_the_following_sentence(analyse):
    doc = analyse("Bei einem Bombenanschlag in Tripoli wurden 18 Menschen getötet. 40 Personen wurden bei dem Attentat "
                  "verletzt.")
    trigger = next(t for t in doc if t.text == "Bombenanschlag")
    assert event_toll(doc, trigger) == (18, 40)


def test_component_fills_doc(analyse):
    doc = analyse("In der Stadt wurden 500 Familien evakuiert.")
    assert [(f.value, f.kind) for f in doc._.lb_figures] == [(500, "evacuated")]


@pytest.mark.parametrize("text, expected", [
    ("Die Polizei nahm am Montag 20 Demonstranten fest.", [(20, "arrested")]),  # separated particle verb
    ("Bei den Kämpfen gab es einen Toten und drei Verletzte.", [(1, "dead"), (3, "injured")]),  # "einen" counts
    ("Der Angriff forderte 12 Menschenleben.", [(12, "dead")]),
    ("Die Zahl der Todesopfer stieg auf 45. Am Montag kamen weitere hinzu.", [(45, "dead")]),  # "45." ends it
    ("Der Gipfel beginnt am 3. Dezember, vom 16. bis 18. Juni tagt der Rat.", []),  # ordinals of dates
])
def test_more_casualty_phrasings(analyse, text, expected):
    assert [(f.value, f.kind) for f in find_figures(analyse(text)) if f.kind or not expected] == expected
