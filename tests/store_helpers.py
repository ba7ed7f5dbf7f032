"""Article/Event records built by hand for store tests (no pipeline needed)."""

from __future__ import annotations

import datetime as dt

from lagebild.model import ActorRef, Article, DateRef, Event, Place, Sentence, Trigger, article_id

ALEPPO = dict(geonameid=170063, name="Aleppo", country="SYR", feature="PPLA", lat=36.2, lon=37.16)
IDLIB = dict(geonameid=169389, name="Idlib", country="SYR", feature="PPLA", lat=35.93, lon=36.63)


def actor(text: str, code: str, start: int = 0) -> ActorRef:
    return ActorRef(text=text, start=start, end=start + len(text), code=code, country=code[:3] if code[:3] != "---"
                    else None, sector=code[3:] or None, confidence=0.9)


def article(text: str, date: str | None, source: str | None = None, events: list[dict] | None = None) -> Article:
    """An article whose sentences are split at '. '; each event dict names its sentence and fields."""
    aid = article_id(text)
    sents, pos = [], 0
    for i, s in enumerate(text.split(". ")):
        end = pos + len(s) + (1 if pos + len(s) < len(text) else 0)
        sents.append(Sentence(index=i, text=text[pos:end], start=pos, end=end))
        pos = end + 1
    evs = []
    for spec in events or []:
        si = spec.get("sentence", 0)
        sent = sents[si]
        trig = spec["trigger"]
        tstart = text.index(trig, sent.start)
        place = spec.get("place")
        loc = None
        if place:
            pstart = text.find(place["name"], sent.start)
            loc = Place(text=place["name"], start=pstart, end=pstart + len(place["name"]), **place)
        edate = spec.get("date", date)
        evs.append(Event(
            id=f"{aid}:{si}:{tstart}", sentence=sent.text, sentence_index=si,
            trigger=Trigger(text=trig, start=tstart, end=tstart + len(trig), lemma=spec.get("lemma", trig)),
            plover_type=spec["type"], plover_mode=spec.get("mode"), plover_context=spec.get("context", []),
            cameo_code=spec["cameo"], goldstein=spec.get("goldstein", -10.0), quad_class=spec.get("quad", 4),
            actor=[actor(t, c, text.find(t)) for t, c in spec.get("actor", [])],
            recipient=[actor(t, c, text.find(t)) for t, c in spec.get("recipient", [])],
            location=loc, date=DateRef(value=edate, precision="day", text=None, start=None, end=None,
                                       from_article_date=True) if edate else None,
            dead=spec.get("dead"), confidence=spec.get("confidence", 0.8), evidence=["hand-made test event"]))
    return Article(id=aid, text=text, date=dt.date.fromisoformat(date) if date else None, source=source,
                   sentences=sents, events=evs)


def item(origin: str, line: int | None = None, **kw: object) -> dict:
    return {"origin": origin, "line": line, "date_source": "field", "language": "de", "language_prob": 0.99, **kw}
