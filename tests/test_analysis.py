"""The trained German pipeline: sentences, tokens, lemmas, POS, parse and entities on news text it was not trained on."""

from __future__ import annotations

import lagebild

TEXT = ("Die Bundesregierung hat am Montag in Berlin neue Sanktionen gegen Russland beschlossen. "
        "Außenminister Frank-Walter Steinmeier sagte, man werde die Lage in der Ukraine genau beobachten.\n\n"
        "Mehr als 310.000 Menschen sind seit 2011 in Syrien getötet worden.")


def test_sentences_tokens_and_offsets() -> None:
    art = lagebild.extract(TEXT, date="2016-12-16")
    assert [s.text[:14] for s in art.sentences] == ["Die Bundesregi", "Außenminister ", "Mehr als 310.0"]
    for s in art.sentences:
        assert TEXT[s.start:s.end] == s.text
        for t in s.tokens:
            assert TEXT[t.start:t.end] == t.text
    words = [t.text for s in art.sentences for t in s.tokens]
    assert "310.000" in words  # German thousands separator kept in one token
    assert "Frank-Walter" in words


def test_parse_and_tags_are_plausible() -> None:
    art = lagebild.extract(TEXT, date="2016-12-16")
    toks = art.sentences[0].tokens
    by_text = {t.text: t for t in toks}
    assert by_text["beschlossen"].pos in ("VERB", "AUX")
    assert by_text["Sanktionen"].pos == "NOUN"
    root = [t for t in toks if t.dep == "ROOT"]
    assert len(root) == 1


def test_entities() -> None:
    art = lagebild.extract(TEXT, date="2016-12-16")
    ents = {(e.text, e.label) for e in art.entities}
    assert ("Berlin", "LOC") in ents
    assert ("Russland", "LOC") in ents
    assert any(e.text.endswith("Steinmeier") and e.label == "PER" for e in art.entities)
    for e in art.entities:
        assert TEXT[e.start:e.end] == e.text


def test_extra_spaces_are_no_words_and_offsets_stay_in_the_original_text(nlp):
    """Web text has runs of spaces; the model learnt without them, so it reads the text without them and the
    annotation is laid back on the original tokens."""
    from lagebild.analyse.pipeline import make_doc

    text = "Der  Verteidigungsminister sagte, die  Lage sei ernst."
    doc = nlp(make_doc(nlp, text))
    assert doc.text == text
    spaces = [t for t in doc if t.is_space]
    assert spaces and all(t.pos_ == "SPACE" and t.head.i == t.i - 1 for t in spaces)
    assert not any(t.head.is_space and t.head.i != t.i for t in doc)  # no word depends on a space
    assert doc[2].text == "Verteidigungsminister" and doc[2].dep_ == "nsubj"
    quote = doc._.lb_quotes[0]
    assert text[quote.start:quote.end] == "die  Lage sei ernst"
