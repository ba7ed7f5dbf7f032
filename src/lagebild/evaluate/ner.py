"""`lagebild eval ner FILE...`: exact-span NER scores against GermEval-2014 TSV or CoNLL-2003-style files.

Formats are detected per file:
- GermEval 2014 TSV (`idx<TAB>token<TAB>outer<TAB>inner`, `#` comment lines): the outer column is scored with its
  full label set (PER, LOC, ORG, OTH and the -deriv/-part variants), as in the shared task's outer metric. With
  `--coarse`, -deriv/-part spans are dropped from gold and prediction and only PER/LOC/ORG/OTH are scored.
- CoNLL-2003 style (token first, IOB1 or IOB2 tag last, `-DOCSTART-` lines): PER, LOC, ORG, MISC. Predictions are
  mapped to that label set: OTH and all -deriv labels → MISC (CoNLL tags nationality adjectives as MISC), -part spans
  are dropped.
The text is analysed on the gold tokens (so tokenisation differences do not count as NER errors). A span counts when
start, end and label match exactly.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc

from lagebild.errors import InputError
from lagebild.evaluate import prf, read_gold_text


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--coarse", action="store_true", help="GermEval: score only PER/LOC/ORG/OTH")
    p.add_argument("--limit", type=int, default=0, help="score only the first N sentences of each file")


def read_sentences(path: Path) -> tuple[str, list[tuple[list[str], list[str]]]]:
    """Return (format, [(words, tags)]) where format is 'germeval' or 'conll'."""
    text = read_gold_text(path)
    lines = text.splitlines()
    body = [ln for ln in lines if ln.strip() and not ln.startswith("#") and not ln.startswith("-DOCSTART-")]
    if not body:
        raise InputError(str(path), "no token lines found")
    first = body[0].split("\t")
    fmt = "germeval" if len(first) >= 3 and first[0].isdigit() else "conll"
    sents, words, tags = [], [], []
    for ln in lines + [""]:
        if ln.startswith("#") and fmt == "germeval":
            continue
        if not ln.strip() or ln.startswith("-DOCSTART-"):
            if words:
                sents.append((words, tags))
                words, tags = [], []
            continue
        cols = ln.split("\t") if "\t" in ln else ln.split()
        if fmt == "germeval":
            if len(cols) < 3:
                raise InputError(str(path), f"expected 4 tab-separated columns, got {len(cols)}")
            words.append(cols[1])
            tags.append(cols[2])
        else:
            words.append(cols[0])
            tags.append(cols[-1])
    return fmt, sents


def bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Spans from IOB1 or IOB2 tags (an I- after O or after another label starts a span)."""
    spans, start, label = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, lab = tag.partition("-") if tag != "O" else ("O", "", "")
        if prefix not in ("B", "I"):
            prefix, lab = "O", ""
        if label is not None and (prefix != "I" or lab != label):
            spans.add((start, i, label))
            label = None
        if prefix == "B" or (prefix == "I" and label is None):
            start, label = i, lab
    return spans


def _map_pred(label: str, fmt: str, coarse: bool) -> str | None:
    if fmt == "conll":
        if label.endswith("part"):
            return None
        if label == "OTH" or label.endswith("deriv"):
            return "MISC"
        return label
    if coarse and (label.endswith("deriv") or label.endswith("part")):
        return None
    return label


def run(args: argparse.Namespace) -> dict:
    from lagebild.analyse.pipeline import load_pipeline

    nlp = load_pipeline(args.model, extract=False)
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    for path in args.files:
        fmt, sents = read_sentences(path)
        if args.limit:
            sents = sents[: args.limit]
        docs = (Doc(nlp.vocab, words=w) for w, _ in sents)
        for (_, tags), doc in zip(sents, nlp.pipe(docs, batch_size=256), strict=True):
            gold = {s for s in bio_spans(tags) if not (args.coarse and fmt == "germeval"
                                                        and (s[2].endswith("deriv") or s[2].endswith("part")))}
            pred = set()
            for ent in doc.ents:
                lab = _map_pred(ent.label_, fmt, args.coarse)
                if lab:
                    pred.add((ent.start, ent.end, lab))
            for s in gold:
                n_gold[s[2]] += 1
            for s in pred:
                n_pred[s[2]] += 1
            for s in gold & pred:
                tp[s[2]] += 1
    total = prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    labels = sorted(set(n_gold) | set(n_pred))
    return {**{k: total[k] for k in ("precision", "recall", "f1")},
            "by_label": {lab: prf(tp[lab], n_pred[lab], n_gold[lab]) for lab in labels},
            "n_gold": total["n_gold"], "n_pred": total["n_pred"]}


def format_text(r: dict) -> str:
    lines = [f"NER  P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  (gold {r['n_gold']}, "
             f"predicted {r['n_pred']})", f"{'label':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for lab, s in r["by_label"].items():
        lines.append(f"{lab:<10} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['n_gold']:6d} "
                     f"{s['n_pred']:6d}")
    return "\n".join(lines)
