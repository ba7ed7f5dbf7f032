"""`lagebild sql "SELECT ..."`: run SQL on the store over a read-only connection."""

from __future__ import annotations

import argparse

import duckdb

from lagebild.errors import LagebildError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sql", help="run a read-only SQL query on the store",
                       description="Run SQL on the event store (read-only; tables in docs/schema.md).")
    p.add_argument("query")
    p.add_argument("--db", default="lagebild.duckdb", help="DuckDB file (default: %(default)s)")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lagebild.commands.events import print_rows
    from lagebild.store.writer import connect

    con = connect(args.db, read_only=True)
    try:
        cur = con.execute(args.query)
    except duckdb.Error as exc:
        raise LagebildError(f"sql: {exc}") from None
    if cur.description is None:
        return 0
    cols = [d[0] for d in cur.description]
    rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    print_rows(rows, cols, args.format)
    return 0
