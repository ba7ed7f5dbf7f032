"""`lagebild stories`: list stories (real-world events merged across articles)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stories", help="list stories: events merged across articles",
                       description="List stories, largest first (by number of articles, then mentions).")
    p.add_argument("--db", default="lagebild.duckdb", help="DuckDB file (default: %(default)s)")
    p.add_argument("--min-articles", type=int, default=1, help="only stories reported by at least N articles")
    p.add_argument("--type", help="PLOVER type")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lagebild.commands.events import print_rows
    from lagebild.store.queries import stories
    from lagebild.store.writer import connect

    con = connect(args.db, read_only=True)
    rows = stories(con, min_articles=args.min_articles, type=args.type, limit=args.limit)
    cols = ["id", "plover_type", "cameo_code", "actor_code", "recipient_code", "location_name", "date_first",
            "date_last", "num_mentions", "num_articles", "num_sources", "num_reprints", "confidence"]
    print_rows(rows, cols, args.format, title=f"{len(rows)} stor{'y' if len(rows) == 1 else 'ies'}")
    return 0
