"""`lagebild export --format plover-jsonl|gdelt-tsv|parquet -o OUT`: write the store in exchange formats."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export events as PLOVER JSONL, GDELT TSV, or all tables as Parquet",
                       description="plover-jsonl: one event mention per line (PLOVER manual fields); gdelt-tsv: "
                                   "one row per story in GDELT 2.0 event-table columns; parquet: OUT is a "
                                   "directory with one file per table. See docs/store.md for deviations.")
    p.add_argument("--db", default="lagebild.duckdb", help="DuckDB file (default: %(default)s)")
    p.add_argument("--format", required=True, choices=["plover-jsonl", "gdelt-tsv", "parquet"])
    p.add_argument("-o", "--output", required=True, help="output file (a directory for parquet)")
    p.add_argument("--no-header", action="store_true", help="gdelt-tsv without the header row (as GDELT's files)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lagebild.store import export
    from lagebild.store.writer import connect

    con = connect(args.db, read_only=True)
    out = Path(args.output)
    if args.format == "plover-jsonl":
        n = export.export_plover(con, out)
        what = "events"
    elif args.format == "gdelt-tsv":
        n = export.export_gdelt(con, out, header=not args.no_header)
        what = "stories"
    else:
        n = export.export_parquet(con, out)
        what = "tables"
    print(f"wrote {n} {what} to {out}", file=sys.stderr)
    return 0
