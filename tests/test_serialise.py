"""A finished Doc serialises with its records: Doc.to_bytes, DocBin, and spaCy's own multiprocessing."""

from __future__ import annotations

import datetime as dt
import json

from spacy.tokens import Doc, DocBin

TEXT = ("Die französische Polizei teilte am Montag mit, der Täter sei gefasst worden. Russische Kampfflugzeuge "
        "bombardierten am Donnerstag Idlib, mehr als 20 Menschen wurden getötet.")


def test_doc_round_trips_with_its_records(nlp):
    from lagebild.analyse.pipeline import make_doc

    doc = nlp(make_doc(nlp, TEXT, dt.date(2016, 12, 16)))
    assert doc._.lb_events and doc._.lb_quotes and doc._.lb_places
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    for name in ("lb_events", "lb_quotes", "lb_places", "lb_dates", "lb_actors", "lb_figures", "lb_reasons"):
        assert getattr(back._, name) == getattr(doc._, name), name
    assert back._.lb_article_date == dt.date(2016, 12, 16)
    bin_ = DocBin(store_user_data=True, docs=[doc])
    again = list(DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab))[0]
    assert list(again._.lb_events) == doc._.lb_events  # DocBin reads the list itself back as a tuple


def test_spacy_multiprocessing_gives_the_same_articles(nlp):
    from lagebild.analyse.article import doc_to_article
    from lagebild.analyse.pipeline import make_doc

    texts = [TEXT, "Die Türkei und Russland vereinbarten in Astana Gespräche über Syrien."]

    def docs():
        return (make_doc(nlp, t, dt.date(2016, 12, 16)) for t in texts)

    one = [json.dumps(doc_to_article(d).to_dict(), sort_keys=True) for d in nlp.pipe(docs())]
    two = [json.dumps(doc_to_article(d).to_dict(), sort_keys=True) for d in nlp.pipe(docs(), n_process=2,
                                                                                       batch_size=1)]
    assert one == two
