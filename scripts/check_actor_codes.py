#!/usr/bin/env python
"""How many gold actor/recipient codes the actor resolver gets right on the gold spans.

For every actor and recipient of every gold event, the span's head token (the token whose parse head lies outside
the span; the last noun/name if the parse gives none) is passed to `actors_for_token`; its first code is compared
with the gold code (exact, and country only = first three letters).

Usage: python scripts/check_actor_codes.py [GOLD.jsonl] [--errors]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

from lagebild.analyse.pipeline import load_pipeline, make_doc
from lagebild.extract.actors import actor_reason, actors_for_token

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "events" / "events-dev.jsonl"


def span_head(span):
    inside = [t for t in span if not (t.head.i >= span.start and t.head.i < span.end) or t.head.i == t.i]
    nouns = [t for t in span if t.pos_ in {"NOUN", "PROPN", "PRON"} or t.text[:1].isupper()]
    if len(inside) == 1:
        return inside[0]
    return nouns[-1] if nouns else span[-1]


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    show = "--errors" in argv
    path = Path(args[0]) if args else DEFAULT
    if not path.exists():
        print(f"no gold file at {path}", file=sys.stderr)
        return 1
    nlp = load_pipeline(extract=False)
    try:
        from lagebild.extract.places import lagebild_places as places
    except ImportError:
        places = None
    n = exact = country = empty = 0
    by_kind: Counter[str] = Counter()
    errors = []
    for line in path.read_text(encoding="utf8").splitlines():
        art = json.loads(line)
        date = dt.date.fromisoformat(art["date"]) if art.get("date") else None
        doc = nlp(make_doc(nlp, art["text"], date, {}))
        if places is not None:
            places(doc)  # the actors use the places' countries as context, as in the full pipeline
        for ev in art["events"]:
            for role in ("actor", "recipient"):
                for a in ev[role]:
                    span = doc.char_span(a["start"], a["end"], alignment_mode="expand")
                    if span is None or not len(span):
                        continue
                    head = span_head(span)
                    refs = actors_for_token(doc, head)
                    n += 1
                    got = refs[0].code if refs else None
                    if got is None:
                        empty += 1
                    if got == a["code"]:
                        exact += 1
                        by_kind[refs[0].kind] += 1
                    elif got and got[:3] == a["code"][:3]:
                        country += 1
                    if got != a["code"]:
                        why = actor_reason(doc, head) if not refs else refs[0].kind
                        errors.append((art["id"] == "seed-syria-astana", art["id"], a["code"], got, a["text"],
                                       head.text, why))
    print(f"gold actor/recipient spans: {n}")
    print(f"exact code:   {exact} ({exact / max(n, 1):.1%})")
    print(f"country only: {exact + country} ({(exact + country) / max(n, 1):.1%})")
    print(f"no actor:     {empty} ({empty / max(n, 1):.1%})")
    print("right by kind:", dict(by_kind))
    if show:
        for seed, aid, gold, got, text, head, why in errors:
            # the seed article is a publisher's text: show its codes, not its words
            shown = "<seed article>" if seed else f"{text!r} head={head!r}"
            print(f"  {aid:18} gold={gold:10} got={str(got):10} {shown} ({why})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
