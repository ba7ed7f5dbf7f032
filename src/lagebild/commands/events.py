"""`lagebild events`: list stored events, filtered by actor, recipient, type, CAMEO code, country and date."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys


def add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default="lagebild.duckdb", help="DuckDB file (default: %(default)s)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("events", help="list stored events with filters",
                       description="List event mentions from the store. Code filters match prefixes (RUS matches "
                                   "RUSGOV and RUSMIL); --country matches the place or any participant's country.")
    add_db(p)
    p.add_argument("--actor", help="actor (source) code prefix, e.g. RUS or RUSGOV")
    p.add_argument("--recipient", help="recipient (target) code prefix")
    p.add_argument("--type", help="PLOVER type, e.g. ASSAULT")
    p.add_argument("--cameo", help="CAMEO code prefix, e.g. 19")
    p.add_argument("--country", help="ISO alpha-3 country of the place or a participant, e.g. SYR")
    p.add_argument("--since", type=dt.date.fromisoformat, help="from this date (YYYY-MM-DD)")
    p.add_argument("--until", type=dt.date.fromisoformat, help="until this date (YYYY-MM-DD)")
    p.add_argument("--story", help="only members of this story")
    p.add_argument("--limit", type=int)
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.set_defaults(func=run)


def _json_default(v: object) -> str:
    return v.isoformat() if isinstance(v, dt.date | dt.datetime) else str(v)


def print_rows(rows: list[dict], columns: list[str], fmt: str, title: str | None = None) -> None:
    if fmt == "json":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=_json_default) + "\n")
    elif fmt == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
    else:
        from rich.console import Console
        from rich.table import Table

        t = Table(title=title, show_lines=False)
        for c in columns:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*["" if r.get(c) is None else str(r.get(c)) for c in columns])
        Console().print(t)


def run(args: argparse.Namespace) -> int:
    from lagebild.store.queries import EVENT_COLUMNS, EventFilter, events
    from lagebild.store.writer import connect

    con = connect(args.db, read_only=True)
    f = EventFilter(actor=args.actor, recipient=args.recipient, type=args.type, cameo=args.cameo,
                    country=args.country, since=args.since, until=args.until, story=args.story, limit=args.limit)
    rows = events(con, f)
    cols = EVENT_COLUMNS if args.format != "table" else [
        "date", "plover_type", "cameo_code", "actor_code", "recipient_code", "location_name", "modality",
        "confidence", "story_id", "trigger_text", "source"]
    print_rows(rows, cols, args.format, title=f"{len(rows)} event(s)")
    return 0
