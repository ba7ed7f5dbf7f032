"""The `lagebild` command. Each subcommand lives in `lagebild.commands.<name>` with `register(subparsers)`."""

from __future__ import annotations

import argparse
import importlib
import sys

from lagebild import __version__
from lagebild.errors import LagebildError

COMMANDS = [
    "extract",
    "eval",
    "train",
    "ingest",
    "events",
    "stories",
    "story",
    "sql",
    "export",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lagebild", description="German news to political event data.")
    parser.add_argument("--version", action="version", version=f"lagebild {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f"lagebild.commands.{name.replace('-', '_')}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = args.func(args)
    except LagebildError as exc:
        print(f"lagebild: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("lagebild: interrupted", file=sys.stderr)
        return 130
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
