"""Check event_location / event_date on gold events: apply them to each gold event's trigger token.

Passes the gold PLOVER type (as the event coder passes its own) and, like the event coder, drops the
article-date fallback of future and hypothetical events. Prints location country accuracy and date accuracy (at the gold precision; null = null, as `lagebild eval events`
scores matched events), overall and per article, and with --errors the misses.

Usage: python scripts/check_places_dates.py [../shared/data/events/events-dev.jsonl] [--errors]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from lagebild.analyse.pipeline import load_pipeline, make_doc
from lagebild.extract.dates import event_date
from lagebild.extract.places import event_location

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "events" / "events-dev.jsonl"


def date_ok(gold: dict | None, pred) -> bool:
    if not gold or gold.get("value") is None:
        return pred is None
    if pred is None or pred.value is None:
        return False
    n = {"day": 10, "month": 7, "year": 4}.get(gold.get("precision") or "day", 10)
    return gold["value"][:n] == pred.value[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", default=str(DEFAULT))
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--no-type", action="store_true", help="do not pass the gold PLOVER type (type-blind rules)")
    args = ap.parse_args()
    nlp = load_pipeline()
    try:  # actor mentions let event_location skip places that are actors ("die Regierung in Ankara")
        import lagebild.extract.actors  # noqa: F401

        if "lagebild_actors" not in nlp.pipe_names:
            nlp.add_pipe("lagebild_actors", last=True)
    except Exception as exc:  # the actors component may not exist yet
        print(f"(no actors component: {exc})")
    tot = {"loc": 0, "loc_gold": 0, "loc_gold_ok": 0, "date": 0, "n": 0}
    for line in Path(args.gold).read_text(encoding="utf8").splitlines():
        art = json.loads(line)
        doc = nlp(make_doc(nlp, art["text"], dt.date.fromisoformat(art["date"])))
        a_loc = a_date = 0
        for ev in art["events"]:
            trig = ev["trigger"]
            span = doc.char_span(trig["start"], trig["end"], alignment_mode="expand")
            tok = span.root if span is not None else None
            ptype = None if args.no_type else ev["plover"]
            place = event_location(doc, tok, plover_type=ptype) if tok is not None else None
            date = event_date(doc, tok, plover_type=ptype) if tok is not None else None
            if date is not None and date.from_article_date and ev.get("modality") in ("future", "hypothetical"):
                date = None  # as the event coder does: an unscheduled plan has no date
            gl = (ev.get("location") or {}).get("country")
            pl = place.country if place else None
            lok = gl == pl
            dok = date_ok(ev.get("date"), date)
            a_loc += lok
            a_date += dok
            tot["n"] += 1
            if gl:
                tot["loc_gold"] += 1
                tot["loc_gold_ok"] += lok
            if args.errors and (not lok or not dok):
                g = ev.get("date") or {}
                print(f"  {art['id']} {trig['text']!r}: loc gold={gl} ({(ev.get('location') or {}).get('text')}) "
                      f"pred={pl} ({place.text if place else None}) | date gold={g.get('value')}/{g.get('precision')}"
                      f" ({g.get('text')}) pred={date.value if date else None} ({date.text if date else None})"
                      f"{'' if lok else '  LOC✗'}{'' if dok else '  DATE✗'}")
        tot["loc"] += a_loc
        tot["date"] += a_date
        print(f"{art['id']:24s} n={len(art['events']):3d} loc={a_loc / len(art['events']):.2f} "
              f"date={a_date / len(art['events']):.2f}")
    n = tot["n"]
    print(f"ALL n={n} location_country_accuracy={tot['loc'] / n:.3f} date_accuracy={tot['date'] / n:.3f} "
          f"(location where gold has one: {tot['loc_gold_ok']}/{tot['loc_gold']})")


if __name__ == "__main__":
    main()
