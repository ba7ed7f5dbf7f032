"""`lagebild eval KIND FILE...`: score lagebild against gold files.

Each kind lives in `lagebild.evaluate.<kind>` and provides `add_arguments(parser)`, `run(args) -> dict` and
`format_text(result) -> str`. `--json` prints the dict as one JSON object.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys

KINDS = {
    "ner": "NER against GermEval-2014 TSV (outer column) or CoNLL-2003-style files: exact-span P/R/F1",
    "parse": "tagging, lemmas and dependencies against CoNLL-U: UPOS, XPOS, lemma, UAS, LAS",
    "events": "events against gold JSONL in the format of docs/events-gold.md",
    "quotes": "quotes and speakers against the Wikinews quotation corpus (directory of JSON files)",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score against gold files", description=__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    kinds = p.add_subparsers(dest="kind", metavar="KIND")
    kinds.required = True
    for kind, help_text in KINDS.items():
        kp = kinds.add_parser(kind, help=help_text, description=help_text)
        kp.add_argument("--json", action="store_true", help="print one JSON object")
        kp.add_argument("--model", help="path of a trained pipeline (default: the bundled one)")
        kp.set_defaults(func=run, eval_module=f"lagebild.evaluate.{kind}")
        try:
            importlib.import_module(f"lagebild.evaluate.{kind}").add_arguments(kp)
        except ModuleNotFoundError as exc:
            if exc.name != f"lagebild.evaluate.{kind}":
                raise
            kp.set_defaults(unavailable=True)


def run(args: argparse.Namespace) -> int:
    from lagebild.errors import LagebildError

    if getattr(args, "unavailable", False):
        raise LagebildError(f"eval {args.kind} is not available in this version")
    mod = importlib.import_module(args.eval_module)
    result = mod.run(args)
    if args.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(mod.format_text(result) + "\n")
    return 0
