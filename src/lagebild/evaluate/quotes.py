"""`lagebild eval quotes DIR`: quotes and speakers against the German Wikinews quotation corpus.

DIR is a directory of *.json files in that corpus's format (`originalText`, `tokens` with charBegin/charEnd,
`annotations[]` with `quote`, `speaker`, `cue` (each with `tokenIds`) and `type`). The article date is read from
the file name "(YYYY-MM-DD)" when present. lagebild runs on `originalText`.

Scoring (all on the corpus's own tokens, punctuation tokens ignored, so quotation marks never decide a match):

- A predicted quote covers the corpus tokens its character span overlaps. A predicted and a gold quote MATCH when
  the Jaccard index of their token sets |P ∩ G| / |P ∪ G| is ≥ 0.5. Matching is one-to-one: candidate pairs are
  taken greedily by decreasing Jaccard (ties by position), each gold and each prediction used at most once.
  Quote precision = matched / predicted quotes, recall = matched / gold quotes (nested gold quotes included).
- Speaker: tp = matched pairs whose predicted speaker span shares at least one token with the gold speaker span;
  precision = tp / predicted quotes with a speaker, recall = tp / gold quotes with a speaker.
- by_type: recall per gold type (Direct, Indirect, FreeIndirect, IndirectFreeIndirect, Reported) and precision
  per predicted type, over the same overall matching (a match does not require equal types).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from collections.abc import Iterable
from pathlib import Path

from lagebild.errors import InputError
from lagebild.evaluate import prf

_DATE_IN_NAME = re.compile(r"\((\d{4}-\d{2}-\d{2})\)")
THRESHOLD = 0.5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", help="directory of the corpus's *.json files (e.g. quotes/dev)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N files (sorted by name)")


def _word_tokens(tokens: list[dict]) -> list[tuple[int, int, int]]:
    """(id, charBegin, charEnd) of the corpus tokens that contain a letter or digit."""
    return [(t["id"], t["charBegin"], t["charEnd"]) for t in tokens if any(ch.isalnum() for ch in t["text"])]


def char_span_tokens(words: list[tuple[int, int, int]], start: int, end: int) -> frozenset[int]:
    return frozenset(i for i, b, e in words if b < end and start < e)


def gold_items(doc: dict) -> list[dict]:
    """Gold quotes of one corpus document as {quote: token ids, speaker: token ids, type}."""
    words = {i for i, _, _ in _word_tokens(doc["tokens"])}
    out = []
    for ann in doc["annotations"]:
        q = frozenset(ann["quote"]["tokenIds"]) & words
        if not q:
            continue
        out.append({"quote": q, "speaker": frozenset(ann["speaker"]["tokenIds"]) & words, "type": ann["type"]})
    return out


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one greedy matching by decreasing token Jaccard (≥ THRESHOLD): list of (gold index, pred index)."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            inter = len(g["quote"] & p["quote"])
            if not inter:
                continue
            jac = inter / len(g["quote"] | p["quote"])
            if jac >= THRESHOLD:
                cands.append((-jac, gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def score(docs: Iterable[tuple[list[dict], list[dict]]]) -> dict:
    """Scores over (gold items, predicted items) per document; items as in `gold_items`."""
    n_gold = n_pred = tp = 0
    sp_tp = sp_pred = sp_gold = 0
    type_gold: dict[str, list[int]] = {}  # type -> [matched, total]
    type_pred: dict[str, list[int]] = {}
    for gold, pred in docs:
        pairs = match(gold, pred)
        n_gold += len(gold)
        n_pred += len(pred)
        tp += len(pairs)
        sp_gold += sum(1 for g in gold if g["speaker"])
        sp_pred += sum(1 for p in pred if p["speaker"])
        sp_tp += sum(1 for gi, pi in pairs if gold[gi]["speaker"] & pred[pi]["speaker"])
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, g in enumerate(gold):
            row = type_gold.setdefault(g["type"], [0, 0])
            row[0] += gi in matched_g
            row[1] += 1
        for pi, p in enumerate(pred):
            row = type_pred.setdefault(p["type"], [0, 0])
            row[0] += pi in matched_p
            row[1] += 1
    by_type = {}
    for t in sorted(set(type_gold) | set(type_pred)):
        mg, ng = type_gold.get(t, [0, 0])
        mp, np_ = type_pred.get(t, [0, 0])
        p = mp / np_ if np_ else 0.0
        r = mg / ng if ng else 0.0
        by_type[t] = {"precision": round(p, 4), "recall": round(r, 4),
                      "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "n_gold": ng, "n_pred": np_}
    return {"quote": prf(tp, n_pred, n_gold), "speaker": prf(sp_tp, sp_pred, sp_gold), "by_type": by_type,
            "n_gold": n_gold, "n_pred": n_pred, "criterion": f"token Jaccard >= {THRESHOLD}, one-to-one"}


def pred_items(doc: dict, quotes: list) -> list[dict]:
    """Predicted `Quote` records of lagebild mapped onto the corpus tokens."""
    words = _word_tokens(doc["tokens"])
    out = []
    for q in quotes:
        toks = char_span_tokens(words, q.start, q.end)
        if not toks:
            continue
        sp = frozenset()
        if q.speaker_start is not None and q.speaker_end is not None:
            sp = char_span_tokens(words, q.speaker_start, q.speaker_end)
        out.append({"quote": toks, "speaker": sp, "type": q.type})
    return out


def _load(directory: Path, limit: int | None) -> list[tuple[Path, dict]]:
    if not directory.is_dir():
        raise InputError(str(directory), "not a directory of quotation-corpus *.json files")
    files = sorted(directory.glob("*.json"))
    if not files:
        raise InputError(str(directory), "no *.json files")
    if limit is not None:
        files = files[:limit]
    out = []
    for f in files:
        try:
            doc = json.loads(f.read_text(encoding="utf8"))
            doc["originalText"], doc["tokens"], doc["annotations"]  # noqa: B018 - fail early on other formats
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(str(f), f"not a quotation-corpus JSON document ({exc})") from None
        out.append((f, doc))
    return out


def run(args: argparse.Namespace) -> dict:
    import lagebild

    docs = _load(Path(args.dir), args.limit)
    items = []
    for f, doc in docs:
        m = _DATE_IN_NAME.search(f.name)
        date = dt.date.fromisoformat(m.group(1)) if m else None
        items.append({"text": doc["originalText"], "date": date, "title": f.stem})
    pairs = []
    for (_, doc), art in zip(docs, lagebild.extract_many(items, model=getattr(args, "model", None), tokens=False),
                             strict=True):
        pairs.append((gold_items(doc), pred_items(doc, art.quotes)))
    result = score(pairs)
    result["n_docs"] = len(docs)
    return result


def format_text(result: dict) -> str:
    lines = [f"quotes: {result['n_docs']} documents, {result['n_gold']} gold, {result['n_pred']} predicted "
             f"({result['criterion']})"]
    for key in ("quote", "speaker"):
        r = result[key]
        lines.append(f"{key:<22} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
                     f"(tp {r['tp']}, pred {r['n_pred']}, gold {r['n_gold']})")
    for t, r in result["by_type"].items():
        lines.append(f"  {t:<20} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
                     f"(pred {r['n_pred']}, gold {r['n_gold']})")
    return "\n".join(lines)
