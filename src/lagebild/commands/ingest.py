"""`lagebild ingest PATH...`: analyse files, directories and corpora into a DuckDB event store."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

FIELD_HELP = ("field of a JSONL object (dots for nested: meta.date) or CSV column name; for CSV files without a "
              "header give 1-based column numbers")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest", help="analyse a corpus into a DuckDB event store",
        description="Read text, HTML, JSONL, CSV and RSS/Atom files (directories recursively, '-' for JSONL on "
                    "stdin), analyse the German articles and store them with their events. Articles already in the "
                    "store are skipped; rejected inputs are listed at the end and make the exit code 1.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for JSONL on stdin")
    p.add_argument("--db", default="lagebild.duckdb", help="DuckDB file (default: %(default)s)")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--batch-size", type=int, default=16, help="articles per batch and transaction")
    p.add_argument("--store-text", choices=["full", "snippets", "none"], default="full",
                   help="keep whole texts, only evidence sentences, or only offsets (default: %(default)s)")
    p.add_argument("--date", type=dt.date.fromisoformat, help="article date YYYY-MM-DD for all inputs")
    p.add_argument("--source", help="source name for all inputs")
    g = p.add_argument_group("field mapping (JSONL and CSV)")
    g.add_argument("--text-field", default="text", help=FIELD_HELP + " (default: text)")
    g.add_argument("--date-field", default="date")
    g.add_argument("--title-field", default="title")
    g.add_argument("--source-field", default="source")
    g.add_argument("--url-field", default="url")
    g.add_argument("--csv-delimiter", help="CSV delimiter (default: sniffed among , ; tab |)")
    g.add_argument("--csv-quote", default='"', help="CSV quote character (default: %(default)s)")
    p.add_argument("--backend", choices=["local", "dask"], default="local",
                   help="local worker processes, or a Dask cluster (optional extra lagebild[dask])")
    p.add_argument("--scheduler", help="Dask scheduler address (default: a local Dask cluster of --workers processes)")
    p.add_argument("--window", type=int, default=1, help="date window in days for merging events into stories")
    p.add_argument("--progress", choices=["auto", "bar", "plain", "none"], default="auto",
                   help="progress display (auto: a bar on a terminal)")
    p.add_argument("--model", help="path of a trained pipeline (default: the bundled one)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lagebild.ingest.run import ingest_items
    from lagebild.ingest.sources import FieldMap, read_inputs

    fm = FieldMap(text=args.text_field, date=args.date_field, title=args.title_field, source=args.source_field,
                  url=args.url_field, csv_delimiter=args.csv_delimiter, csv_quote=args.csv_quote,
                  default_date=args.date, default_source=args.source)
    summary = ingest_items(read_inputs(args.paths, fm), args.db, workers=args.workers, store_text=args.store_text,
                           batch_size=args.batch_size, model=args.model, progress=args.progress,
                           window_days=args.window, backend=args.backend, scheduler=args.scheduler)
    print(summary.text(), file=sys.stderr)
    return 1 if summary.rejects else 0
