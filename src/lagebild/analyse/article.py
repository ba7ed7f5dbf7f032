"""Turn an analysed and extracted Doc into an `Article` record."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from lagebild.model import Article, Entity, Sentence, Token, article_id


def doc_to_article(doc: Doc, date: dt.date | None = None, title: str | None = None, source: str | None = None,
                   url: str | None = None, tokens: bool = True) -> Article:
    sentences: list[Sentence] = []
    sent_index: dict[int, int] = {}
    for si, sent in enumerate(doc.sents):
        sent_index[sent.start] = si
        toks = []
        if tokens:
            toks = [Token(i=t.i, text=t.text, start=t.idx, end=t.idx + len(t.text), lemma=t.lemma_, pos=t.pos_,
                          tag=t.tag_, morph=str(t.morph), dep=t.dep_, head=t.head.i,
                          ent=f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O")
                    for t in sent]
        # whitespace tokens (paragraph breaks) belong to no sentence's text
        start = sent.start_char + len(sent.text) - len(sent.text.lstrip())
        end = sent.start_char + len(sent.text.rstrip())
        sentences.append(Sentence(index=si, text=doc.text[start:end], start=start, end=end, tokens=toks))
    entities = [Entity(text=e.text, start=e.start_char, end=e.end_char, label=e.label_,
                       sentence_index=sent_index.get(e.sent.start, 0)) for e in doc.ents]
    ext = doc._
    return Article(
        id=article_id(doc.text), text=doc.text, date=date, title=title, source=source, url=url,
        sentences=sentences, entities=entities,
        actors=list(ext.lb_actors or []), events=list(ext.lb_events or []), places=list(ext.lb_places or []),
        dates=list(ext.lb_dates or []), figures=list(ext.lb_figures or []), quotes=list(ext.lb_quotes or []),
        reasons=list(ext.lb_reasons or []),
    )
