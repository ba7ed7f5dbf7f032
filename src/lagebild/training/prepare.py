"""Convert the shared training data into spaCy DocBin files with a fixed held-out split.

Usage: python -m lagebild.training.prepare --data DATA --out training/corpus [--extra-conllu F ...] [--extra-ner F ...]

Held-out split (deterministic): every 10th document group of each source goes to dev, the rest to train.
Larger public data (UD German HDT .conllu, GermEval 2014 train/dev .tsv) can be added with --extra-*;
they go to train only, so the reported held-out figures stay comparable.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training.converters import conllu_to_docs

GERMEVAL_LABELS = {"PER", "LOC", "ORG", "OTH"}


def read_conllu(path: Path, n_sents: int = 10) -> list[Doc]:
    text = path.read_text(encoding="utf8")
    return list(conllu_to_docs(text, n_sents=n_sents, merge_subtokens=True, no_print=True))


def read_germeval(path: Path, vocab) -> list[Doc]:
    """GermEval 2014 TSV: idx, token, outer tag, inner tag; '#' comment lines; blank line ends a sentence.

    The outer column is kept with GermEval's full label set (PER, LOC, ORG, OTH and their -deriv/-part
    variants), so 'russische' (LOCderiv) is learnt as a derived mention rather than a location.
    """
    docs, words, tags = [], [], []
    for line in path.read_text(encoding="utf8").splitlines() + [""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                docs.append(_bio_doc(vocab, words, tags))
                words, tags = [], []
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            continue
        words.append(cols[1])
        tags.append(cols[2])
    return docs


def read_conll2003(path: Path, vocab, col: int = -1) -> list[Doc]:
    """CoNLL-2003-style file (Europarl NER): token first, IOB1/IOB2 tag in the last column.

    MISC mixes nationality adjectives, dates and titles, which GermEval splits into OTH and -deriv;
    so MISC spans are marked as missing annotation (no training signal) instead of being guessed.
    """
    docs, words, tags = [], [], []
    for line in path.read_text(encoding="utf8").splitlines() + [""]:
        if not line.strip() or line.startswith("-DOCSTART-"):
            if words:
                docs.append(_bio_doc(vocab, words, tags, missing={"MISC"}))
                words, tags = [], []
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        words.append(cols[0])
        tags.append(cols[col])
    return docs


def _bio_doc(vocab, words: list[str], tags: list[str], missing: set[str] = frozenset()) -> Doc:
    """Build a Doc with entity annotation from IOB1/IOB2 tags; labels in `missing` become unknown ('-')."""
    iob: list[str] = []
    prev = "O"
    for tag in tags:
        if tag == "O" or "-" not in tag:
            iob.append("O")
            prev = "O"
            continue
        prefix, label = tag.split("-", 1)
        if prefix == "I" and (prev == "O" or prev.split("-", 1)[1] != label):
            prefix = "B"  # IOB1 → IOB2
        iob.append(f"{prefix}-{label}")
        prev = tag
    ents = []
    for t in iob:
        if t == "O":
            ents.append("O")
        else:
            prefix, label = t.split("-", 1)
            ents.append(None if label in missing else f"{prefix}-{label}")
    # a span that is partly missing must be wholly missing
    fixed: list[str | None] = []
    for t in ents:
        if t and t.startswith("I-") and fixed and fixed[-1] is None:
            fixed.append(None)
        else:
            fixed.append(t)
    return Doc(vocab, words=words, ents=fixed)


def split(docs: list, every: int = 10) -> tuple[list, list]:
    train = [d for i, d in enumerate(docs) if i % every != 0]
    dev = [d for i, d in enumerate(docs) if i % every == 0]
    return train, dev


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="the public data folder with ud/, ner/, news/, quotes/")
    ap.add_argument("--out", type=Path, default=Path("training/corpus"))
    ap.add_argument("--extra-conllu", type=Path, nargs="*", default=[])
    ap.add_argument("--extra-ner", type=Path, nargs="*", default=[], help="GermEval-style TSV files")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("de")
    ud = args.data / "ud"

    parse_train, parse_dev = [], []
    for name in ["de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu", "de_pud-ud-test.conllu"]:
        docs = read_conllu(ud / name)
        if "pud" in name:
            # PUD's XPOS column holds English PTB tags, not STTS: keep its UPOS, morphology and trees, drop XPOS
            for doc in docs:
                for tok in doc:
                    tok.tag_ = ""
        tr, dv = split(docs)
        parse_train += tr
        parse_dev += dv
    for extra in args.extra_conllu:
        parse_train += read_conllu(extra)

    ner_train, ner_dev = [], []
    ge = read_germeval(args.data / "ner/germeval2014/NER-de-test.tsv", nlp.vocab)
    tr, dv = split(ge)
    ner_train += tr
    ner_dev += dv
    # Europarl: keep its own train/dev split; its test split stays unseen for a cross-domain check
    for name in ["train.tsv", "dev.tsv"]:
        ner_train += read_conll2003(args.data / "ner/europarl" / name, nlp.vocab)
    for extra in args.extra_ner:
        ner_train += read_germeval(extra, nlp.vocab)
    random.Random(0).shuffle(ner_train)

    for name, docs in [("parse-train", parse_train), ("parse-dev", parse_dev),
                       ("ner-train", ner_train), ("ner-dev", ner_dev)]:
        DocBin(docs=docs, store_user_data=False).to_disk(args.out / f"{name}.spacy")
        print(f"{name}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens")
    write_raw_text(args.data, args.out / "raw.jsonl")
    # dev files in their original formats for `lagebild eval`
    (args.out / "heldout").mkdir(exist_ok=True)
    _write_conllu_dev(ud, args.out / "heldout" / "ud-heldout.conllu")
    _write_germeval_dev(args.data / "ner/germeval2014/NER-de-test.tsv", args.out / "heldout" / "germeval-heldout.tsv")


def write_raw_text(data: Path, out: Path) -> None:
    """Unlabelled German news for pretraining the tok2vec layer (spacy pretrain, characters objective):
    the 10kGNAD articles and the Wikinews texts of the quotes corpus's train split (never its dev split)."""
    import csv
    import json

    n = 0
    with out.open("w", encoding="utf8") as fh:
        with (data / "news" / "10kgnad-test.csv").open(encoding="utf8") as f:
            for row in csv.reader(f, delimiter=";", quotechar="'"):
                if len(row) >= 2 and row[1].strip():
                    fh.write(json.dumps({"text": row[1]}, ensure_ascii=False) + "\n")
                    n += 1
        for path in sorted((data / "quotes" / "train").glob("*.json")):
            fh.write(json.dumps({"text": json.loads(path.read_text(encoding="utf8"))["originalText"]},
                                ensure_ascii=False) + "\n")
            n += 1
    print(f"raw text for pretraining: {n} articles")


def _write_conllu_dev(ud: Path, out: Path) -> None:
    """Write the held-out UD sentences (the same groups of 10 as `split`) as CoNLL-U."""
    chunks = []
    for name in ["de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu", "de_pud-ud-test.conllu"]:
        sents = [s for s in (ud / name).read_text(encoding="utf8").split("\n\n") if s.strip()]
        groups = [sents[i:i + 10] for i in range(0, len(sents), 10)]
        for gi, g in enumerate(groups):
            if gi % 10 == 0:
                chunks += g
    out.write_text("\n\n".join(chunks) + "\n\n", encoding="utf8")


def _write_germeval_dev(src: Path, out: Path) -> None:
    sents, cur = [], []
    for line in src.read_text(encoding="utf8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append(line)
    if cur:
        sents.append(cur)
    # sentences without tokens (comment only) are dropped by read_germeval; mirror that in the indexing
    sents = [s for s in sents if any(not x.startswith("#") for x in s)]
    dev = [s for i, s in enumerate(sents) if i % 10 == 0]
    out.write_text("\n\n".join("\n".join(s) for s in dev) + "\n\n", encoding="utf8")


if __name__ == "__main__":
    main()
