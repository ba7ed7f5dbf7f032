"""`lagebild eval parse FILE.conllu`: UPOS, XPOS (STTS), morphology, lemma, UAS, LAS and sentence boundaries.

The text is analysed on the gold tokens (multiword tokens such as "zum" are kept as one token, as in training), and
scored with spaCy's scorer: attachment scores exclude punctuation; gold XPOS values that are not STTS tags (UD German
PUD uses English PTB tags) are not scored.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.training.converters import conllu_to_docs

from lagebild.errors import InputError
from lagebild.evaluate import read_gold_text


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", type=Path, metavar="FILE.conllu")


def run(args: argparse.Namespace) -> dict:
    from lagebild.analyse.pipeline import load_pipeline

    nlp = load_pipeline(args.model, extract=False)
    tags = set(nlp.get_pipe("tagger").labels) if "tagger" in nlp.pipe_names else set()
    examples = []
    for path in args.files:
        text = read_gold_text(path)
        if "\t" not in text:
            raise InputError(str(path), "not a CoNLL-U file (no tab-separated token lines)")
        converted = DocBin(docs=conllu_to_docs(text, n_sents=10, merge_subtokens=True, no_print=True))
        for gold in DocBin().from_bytes(converted.to_bytes()).get_docs(nlp.vocab):  # into the pipeline's vocab
            for tok in gold:
                if tok.tag_ and tok.tag_ not in tags:
                    tok.tag_ = ""
            pred = Doc(nlp.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold])
            examples.append(Example(pred, gold))
    scores = nlp.evaluate(examples)
    n_tokens = sum(len(eg.reference) for eg in examples)

    def pct(key: str) -> float | None:
        v = scores.get(key)
        return round(float(v), 4) if v is not None else None

    return {"upos": pct("pos_acc"), "xpos": pct("tag_acc"), "morph": pct("morph_acc"), "lemma": pct("lemma_acc"),
            "uas": pct("dep_uas"), "las": pct("dep_las"), "sents_f": pct("sents_f"), "n_tokens": n_tokens,
            "las_by_label": {k: round(v["f"], 4) for k, v in (scores.get("dep_las_per_type") or {}).items()}}


def format_text(r: dict) -> str:
    def f(v: float | None) -> str:
        return "-" if v is None else f"{v:.3f}"

    return (f"tokens {r['n_tokens']}\nUPOS {f(r['upos'])}  XPOS {f(r['xpos'])}  morph {f(r['morph'])}  "
            f"lemma {f(r['lemma'])}\nUAS {f(r['uas'])}  LAS {f(r['las'])}  sentence F1 {f(r['sents_f'])}")
