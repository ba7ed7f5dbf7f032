"""`lagebild train`: retrain the German analysis pipeline from public data (see training/README.md)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="train the German analysis pipeline (parser, tagger, lemmatizer, NER)",
                       description="Prepare the shared data, train the UD components and NER, assemble the pipeline, "
                                   "score it on the held-out split and (with --install) bundle it in the package.")
    p.add_argument("--data", type=Path, required=True, help="the public training data folder with ud/ and ner/")
    p.add_argument("--work", type=Path, default=Path("training"), help="where corpus/ and output/ are written")
    p.add_argument("--extra-conllu", type=Path, nargs="*", default=[], help="more UD German .conllu (e.g. HDT)")
    p.add_argument("--extra-ner", type=Path, nargs="*", default=[], help="more GermEval-format NER files")
    p.add_argument("--install", action="store_true", help="copy the result into the installed package")
    p.add_argument("--sequential", action="store_true", help="train the two models one after the other")
    p.add_argument("--max-steps", type=int, help="override the configs' max_steps (quick runs)")
    p.add_argument("--no-pretrain", action="store_true", help="skip pretraining tok2vec on unlabelled news")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lagebild.errors import InputError
    from lagebild.training.run import train

    if not (args.data / "ud").is_dir() or not (args.data / "ner").is_dir():
        raise InputError(str(args.data), "expected the shared data folder with ud/ and ner/ (see --data)")
    train(args.data, args.work, args.extra_conllu, args.extra_ner, args.install, parallel=not args.sequential,
          max_steps=args.max_steps, pretrain=not args.no_pretrain)
    return 0
