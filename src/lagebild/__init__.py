"""lagebild: German news to political event data (PLOVER + CAMEO) with evidence for every field.

    >>> import lagebild
    >>> art = lagebild.extract("Russland und die Türkei vereinbarten am Dienstag eine Waffenruhe.", date="2016-12-16")
    >>> art.to_dict()["events"]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from lagebild.model import Article

__version__ = "0.1.0"
__all__ = ["Article", "extract", "extract_article", "extract_many", "__version__"]


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        from lagebild.errors import LagebildError

        raise LagebildError(f"date {value!r}: expected YYYY-MM-DD") from None


def extract_article(text: str, date: str | dt.date | None = None, title: str | None = None, source: str | None = None,
            url: str | None = None, model: str | None = None, tokens: bool = True) -> Article:
    """Analyse one German article and extract actors, events, places, dates, figures and quotes."""
    return next(extract_many([{"text": text, "date": date, "title": title, "source": source, "url": url}],
                             model=model, tokens=tokens))


# `lagebild.extract(...)`: before the extractor subpackage is imported this name is the function; afterwards the
# subpackage (made callable in lagebild/extract/__init__.py) takes its place and forwards calls to extract_article.
extract = extract_article


def extract_many(items: Iterable[dict], model: str | None = None, batch_size: int = 16,
                 tokens: bool = True) -> Iterator[Article]:
    """Like `extract` for many articles (dicts with text, date, title, source, url), streamed through nlp.pipe."""
    from lagebild.analyse.article import doc_to_article
    from lagebild.analyse.pipeline import load_pipeline, make_doc

    nlp = load_pipeline(model)

    def docs() -> Iterator:
        for item in items:
            meta = dict(item)
            meta["date"] = _as_date(meta.get("date"))
            yield make_doc(nlp, meta["text"], meta["date"], meta)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        meta = doc._.lb_meta
        yield doc_to_article(doc, date=meta.get("date"), title=meta.get("title"), source=meta.get("source"),
                             url=meta.get("url"), tokens=tokens)
