"""The one-command training recipe: prepare data → train parser+tagger+lemmatizer → train NER → assemble → score.

    lagebild train --data DATA [--extra-conllu de_hdt-ud-train.conllu ...] [--extra-ner NER-de-train.tsv]

Writes training/corpus (DocBins + held-out gold files), training/output/{parse,ner} and the assembled pipeline,
then copies it to the package (`--install`) and writes metrics.json beside it. Seeds are fixed (system.seed = 0), so
a rerun on the same data and versions reproduces the model.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _run(cmd: list[str], log: Path | None = None) -> None:
    env = dict(os.environ, OMP_NUM_THREADS="1")
    print("+", " ".join(cmd), flush=True)
    if log:
        with log.open("w") as fh:
            proc = subprocess.run(cmd, env=env, stdout=fh, stderr=subprocess.STDOUT)
    else:
        proc = subprocess.run(cmd, env=env)
    if proc.returncode:
        raise SystemExit(f"lagebild train: step failed ({proc.returncode}): {' '.join(cmd)}" +
                         (f"; see {log}" if log else ""))


def train(data: Path, work: Path, extra_conllu: list[Path], extra_ner: list[Path], install: bool,
          parallel: bool = True, max_steps: int | None = None, pretrain: bool = True) -> Path:
    py = sys.executable
    corpus, out = work / "corpus", work / "output"
    out.mkdir(parents=True, exist_ok=True)
    _run([py, str(HERE / "prepare.py"), "--data", str(data), "--out", str(corpus)]
         + (["--extra-conllu", *map(str, extra_conllu)] if extra_conllu else [])
         + (["--extra-ner", *map(str, extra_ner)] if extra_ner else []))
    init: list[str] = []
    if pretrain:
        # tok2vec weights pretrained on unlabelled news (characters objective) for the UD components
        cmd = [py, "-m", "spacy", "pretrain", str(HERE / "pretrain.cfg"), str(out / "pretrain"),
               "--paths.raw_text", str(corpus / "raw.jsonl"), "--paths.train", str(corpus / "ner-train.spacy"),
               "--paths.dev", str(corpus / "ner-dev.spacy")]
        if max_steps:
            cmd += ["--pretraining.max_epochs", "1"]
        _run(cmd, out / "pretrain.log")
        init = ["--paths.init_tok2vec", str(out / "pretrain" / "model-last.bin")]
    jobs = []
    for name in ("parse", "ner"):
        cmd = [py, "-m", "spacy", "train", str(HERE / f"{name}.cfg"), "-o", str(out / name),
               "--paths.train", str(corpus / f"{name}-train.spacy"), "--paths.dev", str(corpus / f"{name}-dev.spacy")]
        if name == "parse":
            # pretrained tok2vec: +2-3 LAS early in training; for NER it measured no gain (held-out F1 54.3 vs 56.1)
            cmd += init
        if max_steps:
            cmd += ["--training.max_steps", str(max_steps)]
        if parallel:
            log = (out / f"{name}.log").open("w")
            print("+", " ".join(cmd), f"> {out / name}.log", flush=True)
            jobs.append((subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                                          env=dict(os.environ, OMP_NUM_THREADS="1")), cmd))
        else:
            _run(cmd, out / f"{name}.log")
    for proc, cmd in jobs:
        if proc.wait():
            raise SystemExit(f"lagebild train: step failed: {' '.join(cmd)}; see the log in {out}")
    final = out / "lagebild-de"
    _run([py, "-m", "spacy", "assemble", str(HERE / "assemble.cfg"), str(final),
          "--paths.parse_model", str(out / "parse" / "model-best"),
          "--paths.ner_model", str(out / "ner" / "model-best")])
    metrics = score(final, corpus / "heldout")
    (final / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    print(json.dumps(metrics, indent=2))
    if install:
        from lagebild.analyse.pipeline import MODEL_DIR

        shutil.rmtree(MODEL_DIR, ignore_errors=True)
        shutil.copytree(final, MODEL_DIR)
        shutil.copy(HERE.parent / "resources" / "MODEL_LICENSE.md", MODEL_DIR / "LICENSE.md") \
            if (HERE.parent / "resources" / "MODEL_LICENSE.md").exists() else None
        print(f"installed the pipeline in {MODEL_DIR}")
    return final


def score(model: Path, heldout: Path) -> dict:
    """Held-out figures through the same code as `lagebild eval`."""
    from lagebild.evaluate import ner, parse

    ns = argparse.Namespace
    return {
        "parse": parse.run(ns(model=str(model), files=[heldout / "ud-heldout.conllu"])),
        "ner": ner.run(ns(model=str(model), files=[heldout / "germeval-heldout.tsv"], coarse=False, limit=0)),
        "ner_coarse": ner.run(ns(model=str(model), files=[heldout / "germeval-heldout.tsv"], coarse=True, limit=0)),
    }
