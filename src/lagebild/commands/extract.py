"""`lagebild extract FILE... | -`: analyse articles and print what was found."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from lagebild.errors import InputError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="analyse German articles and print entities, actors and events",
                       description="Analyse German text files (or '-' for stdin) and print the result. "
                                   "A bad input is reported on stderr and the others are still processed.")
    p.add_argument("files", nargs="+", metavar="FILE", help="text files, or - for standard input")
    p.add_argument("--date", type=dt.date.fromisoformat, help="article date YYYY-MM-DD (else front matter)")
    p.add_argument("--title")
    p.add_argument("--source")
    p.add_argument("--format", choices=["json", "jsonl", "table"], default="json")
    p.add_argument("--no-tokens", action="store_true", help="leave token analyses out of the JSON")
    p.add_argument("--model", help="path of a trained pipeline (default: the bundled one)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lagebild import extract_many
    from lagebild.ingest.text import read_text_input

    items, failed = [], 0
    for path in args.files:
        try:
            raw = read_text_input(path, args.date)
        except InputError as exc:
            print(f"lagebild: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        item = raw.as_item()
        item["title"] = args.title or item["title"]
        item["source"] = args.source or item["source"]
        items.append(item)
    out = sys.stdout
    for n, article in enumerate(extract_many(items, model=args.model, tokens=not args.no_tokens)):
        if args.format == "table":
            from lagebild.serve.table import print_events_table

            print_events_table(article, out)
            continue
        d = article.to_dict(tokens=not args.no_tokens)
        d["origin"] = items[n]["origin"]
        if args.format == "jsonl":
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
        else:
            out.write(json.dumps(d, ensure_ascii=False, indent=2) + "\n")
    if failed:
        print(f"lagebild: {failed} of {len(args.files)} input(s) failed", file=sys.stderr)
        return 1
    return 0
