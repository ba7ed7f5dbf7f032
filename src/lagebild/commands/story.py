"""`lagebild story ID`: one story with its member events, their evidence sentences and why they were merged."""

from __future__ import annotations

import argparse
import json
import sys

from lagebild.errors import LagebildError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("story", help="show one story: member events, evidence, why merged")
    p.add_argument("id", help="story id (see `lagebild stories`)")
    p.add_argument("--db", default="lagebild.duckdb", help="DuckDB file (default: %(default)s)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lagebild.commands.events import _json_default
    from lagebild.store.queries import story
    from lagebild.store.writer import connect

    con = connect(args.db, read_only=True)
    s = story(con, args.id)
    if s is None:
        raise LagebildError(f"no story {args.id!r} in {args.db} (see `lagebild stories`)")
    if args.format == "json":
        sys.stdout.write(json.dumps(s, ensure_ascii=False, default=_json_default, indent=2) + "\n")
        return 0
    out = sys.stdout
    out.write(f"story {s['id']}: {s['plover_type']} (CAMEO {s['cameo_code']}) "
              f"{s['actor_code'] or '?'} → {s['recipient_code'] or '?'}"
              f"{' in ' + s['location_name'] if s['location_name'] else ''}, "
              f"{s['date_first'] or 'undated'}{'' if s['date_last'] == s['date_first'] else ' – ' + str(s['date_last'])}\n")
    out.write(f"  {s['num_mentions']} mention(s) in {s['num_articles']} article(s) from {s['num_sources']} "
              f"source(s), {s['num_reprints']} reprint(s)\n\n")
    for m in s["members"]:
        src = m["source"] or m["origin"] or m["article_id"]
        out.write(f"- {m['event_id']}  {m['date'] or 'undated'}  {src}"
                  f"{'  (near-duplicate of ' + m['near_dup_of'] + ')' if m['near_dup_of'] else ''}\n")
        out.write(f"  {m['plover_type']} {m['cameo_code']} {m['actor_code'] or '?'} → {m['recipient_code'] or '?'}"
                  f"  trigger '{m['trigger_text']}'  {m['modality']}  confidence {m['confidence']}\n")
        out.write(f"  evidence: {m['sentence'] if m['sentence'] else '(text not stored: sentence ' + str(m['sentence_index']) + ')'}\n")
        why = m["why"] if m["linked_to"] is None else f"{m['why']} (linked to {m['linked_to']})"
        out.write(f"  why: {why}\n\n")
    return 0
