"""`lagebild eval events GOLD.jsonl...`: score lagebild's events against gold files (GUIDELINES.md "Scoring").

- Event detection: a predicted event matches a gold event when it lies in the same gold sentence (its trigger starts
  inside the gold sentence's span, so sentence splitting differences do not matter) and has the same PLOVER type;
  matching is one-to-one. P/R/F1 over all articles.
- Full triple: as above and the actor code set and recipient code set are equal (empty recipient = empty recipient);
  `triple_country` compares the first three letters of each code only. Each is its own one-to-one matching.
- Attributes on matched events (from the event matching): CAMEO root, location country (null = null), date at the gold
  precision (null = null), modality, casualties (dead and injured both exactly equal).

Within one (sentence, type) group any one-to-one assignment gives the same event count; the pairing used for the
attributes prefers the same trigger, then the same triple, then the nearest trigger.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lagebild.errors import InputError
from lagebild.evaluate import prf
from lagebild.model import PLOVER_TYPES


@dataclass
class Ev:
    """One event reduced to what the scoring compares."""

    article: str
    sentence: tuple[int, int] | None  # gold: the sentence span; pred: None (located by trigger_start)
    trigger_start: int
    trigger_end: int
    trigger: str
    type: str
    actor: frozenset[str]
    recipient: frozenset[str]
    cameo: str = ""
    location_country: str | None = None
    date_value: str | None = None
    date_precision: str | None = None
    modality: str | None = None
    dead: int | None = None
    injured: int | None = None
    sentence_text: str = ""
    extra: dict = field(default_factory=dict)

    def codes(self, country: bool = False) -> tuple[frozenset[str], frozenset[str]]:
        if not country:
            return self.actor, self.recipient
        return frozenset(c[:3] for c in self.actor), frozenset(c[:3] for c in self.recipient)


def _codes(actors: list[dict] | None) -> frozenset[str]:
    return frozenset(a.get("code") or "" for a in (actors or []) if a.get("code"))


def _sentence_span(text: str, sentence: str, trigger_start: int) -> tuple[int, int]:
    """The gold sentence's span in the text: the occurrence that contains the trigger."""
    pos = text.find(sentence)
    while pos != -1:
        if pos <= trigger_start < pos + len(sentence):
            return pos, pos + len(sentence)
        pos = text.find(sentence, pos + 1)
    # sentence text not found verbatim (whitespace differences): fall back to the trigger itself
    return trigger_start, trigger_start + 1


def gold_events(article: dict) -> list[Ev]:
    out = []
    text = article["text"]
    for e in article.get("events", []):
        trig = e["trigger"]
        date = e.get("date") or {}
        loc = e.get("location") or {}
        out.append(Ev(
            article=article["id"], sentence=_sentence_span(text, e["sentence"], trig["start"]),
            trigger_start=trig["start"], trigger_end=trig["end"], trigger=trig["text"], type=e["plover"],
            actor=_codes(e.get("actor")), recipient=_codes(e.get("recipient")), cameo=str(e.get("cameo") or ""),
            location_country=loc.get("country"), date_value=date.get("value"), date_precision=date.get("precision"),
            modality=e.get("modality"), dead=e.get("dead"), injured=e.get("injured"), sentence_text=e["sentence"]))
    return out


def pred_event(article_id: str, e: dict) -> Ev:
    """A predicted event from `Event.to_dict()`."""
    trig = e["trigger"]
    plover = e.get("plover") or {}
    cameo = e.get("cameo") or {}
    date = e.get("date") or {}
    loc = e.get("location") or {}
    return Ev(
        article=article_id, sentence=None, trigger_start=trig["start"], trigger_end=trig["end"], trigger=trig["text"],
        type=plover.get("type") if isinstance(plover, dict) else plover, actor=_codes(e.get("actor")),
        recipient=_codes(e.get("recipient")), cameo=str(cameo.get("code") if isinstance(cameo, dict) else cameo or ""),
        location_country=loc.get("country"), date_value=date.get("value"), date_precision=date.get("precision"),
        modality=e.get("modality"), dead=e.get("dead"), injured=e.get("injured"),
        sentence_text=e.get("sentence", ""))


def _in_sentence(p: Ev, g: Ev) -> bool:
    return p.article == g.article and g.sentence is not None and g.sentence[0] <= p.trigger_start < g.sentence[1]


def _match(gold: list[Ev], pred: list[Ev], key) -> list[tuple[int, int]]:
    """One-to-one matching: pairs (gold index, pred index) allowed by `key(g, p)` (a preference, None = forbidden),
    chosen greedily by preference. Within a (sentence, type) group the allowed relations used here are equivalence
    relations or total, so greedy gives a maximum matching."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g.type == p.type and _in_sentence(p, g):
                pref = key(g, p)
                if pref is not None:
                    cands.append((pref, gi, pi))
    cands.sort(key=lambda c: c[0], reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def _event_pref(g: Ev, p: Ev) -> tuple:
    overlap = p.trigger_start < g.trigger_end and g.trigger_start < p.trigger_end
    return (overlap, g.codes() == p.codes(), g.codes(True) == p.codes(True), -abs(g.trigger_start - p.trigger_start))


def _date_ok(g: Ev, p: Ev) -> bool:
    if g.date_value is None:
        return p.date_value is None
    if p.date_value is None:
        return False
    n = {"day": 10, "month": 7, "year": 4}.get(g.date_precision or "day", 10)
    return g.date_value[:n] == p.date_value[:n]


def score(gold: list[Ev], pred: list[Ev]) -> dict[str, Any]:
    """The scores of the guidelines for gold and predicted events (of any number of articles)."""
    pairs = _match(gold, pred, _event_pref)
    triple = _match(gold, pred, lambda g, p: (-abs(g.trigger_start - p.trigger_start),) if g.codes() == p.codes()
                    else None)
    triple_c = _match(gold, pred, lambda g, p: (-abs(g.trigger_start - p.trigger_start),)
                      if g.codes(True) == p.codes(True) else None)

    def acc(ok) -> float | None:
        return round(sum(1 for gi, pi in pairs if ok(gold[gi], pred[pi])) / len(pairs), 4) if pairs else None

    by_type = {}
    for t in PLOVER_TYPES:
        tp = sum(1 for gi, _ in pairs if gold[gi].type == t)
        ng = sum(1 for g in gold if g.type == t)
        np_ = sum(1 for p in pred if p.type == t)
        if ng or np_:
            by_type[t] = prf(tp, np_, ng)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    return {
        "event": prf(len(pairs), len(pred), len(gold)),
        "triple": prf(len(triple), len(pred), len(gold)),
        "triple_country": prf(len(triple_c), len(pred), len(gold)),
        "cameo_root_accuracy": acc(lambda g, p: g.cameo[:2] == p.cameo[:2]),
        "location_country_accuracy": acc(lambda g, p: g.location_country == p.location_country),
        "date_accuracy": acc(_date_ok),
        "modality_accuracy": acc(lambda g, p: g.modality == p.modality),
        "casualty_accuracy": acc(lambda g, p: g.dead == p.dead and g.injured == p.injured),
        "by_type": by_type,
        "n_gold": len(gold),
        "n_pred": len(pred),
        "n_matched": len(pairs),
        "_misses": [gold[i] for i in range(len(gold)) if i not in matched_g],
        "_false": [pred[i] for i in range(len(pred)) if i not in matched_p],
        "_pairs": [(gold[gi], pred[pi]) for gi, pi in pairs],
    }


def read_gold(paths: list[str]) -> list[dict]:
    articles = []
    for path in paths:
        p = Path(path)
        if not p.exists():
            raise InputError(path, "no such file")
        for n, line in enumerate(p.read_text(encoding="utf8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                a = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(path, f"not JSON ({exc.msg})", line=n) from None
            if not isinstance(a, dict) or "text" not in a or "id" not in a:
                raise InputError(path, "an article record needs 'id' and 'text'", line=n)
            articles.append(a)
    return articles


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", nargs="+", metavar="GOLD.jsonl", help="gold files in the format of GUIDELINES.md")
    parser.add_argument("--errors", action="store_true", help="list misses and false hits")


def _fmt_codes(s: frozenset[str]) -> str:
    return ",".join(sorted(s)) or "-"


def _fmt_ev(e: Ev) -> str:
    codes = _fmt_codes
    return (f"{e.type:<9} '{e.trigger}' {codes(e.actor)} -> {codes(e.recipient)} [{e.cameo}] {e.modality or ''}"
            f"\n      {e.sentence_text[:220]}")


def run(args: argparse.Namespace) -> dict[str, Any]:
    import lagebild

    articles = read_gold(args.gold)
    gold: list[Ev] = []
    pred: list[Ev] = []
    items = [{"text": a["text"], "date": a.get("date"), "title": a.get("title")} for a in articles]
    for a, art in zip(articles, lagebild.extract_many(items, model=getattr(args, "model", None), tokens=False),
                      strict=True):
        gold.extend(gold_events(a))
        for e in art.events:
            pred.append(pred_event(a["id"], e.to_dict()))
    result = score(gold, pred)
    misses, false, pairs = result.pop("_misses"), result.pop("_false"), result.pop("_pairs")
    # matched events whose actor/recipient codes differ: the triple errors
    wrong = [(g, p) for g, p in pairs if g.codes() != p.codes()]
    if getattr(args, "errors", False):
        result["errors"] = {
            "misses": [{"article": e.article, "sentence": e.sentence_text, "trigger": e.trigger, "type": e.type,
                        "actor": sorted(e.actor), "recipient": sorted(e.recipient)} for e in misses],
            "false_hits": [{"article": e.article, "sentence": e.sentence_text, "trigger": e.trigger, "type": e.type,
                            "actor": sorted(e.actor), "recipient": sorted(e.recipient)} for e in false],
            "wrong_triples": [{"article": g.article, "sentence": g.sentence_text, "trigger": g.trigger, "type": g.type,
                               "gold_actor": sorted(g.actor), "gold_recipient": sorted(g.recipient),
                               "actor": sorted(p.actor), "recipient": sorted(p.recipient)} for g, p in wrong],
        }
        result["_text_errors"] = ([f"MISS  {_fmt_ev(e)}" for e in misses] + [f"FALSE {_fmt_ev(e)}" for e in false] +
                                  [f"TRIPLE {_fmt_ev(g)}\n      predicted: '{p.trigger}' {_fmt_codes(p.actor)} -> "
                                   f"{_fmt_codes(p.recipient)}" for g, p in wrong])
    if getattr(args, "json", False):
        result.pop("_text_errors", None)
    return result


def format_text(result: dict[str, Any]) -> str:
    lines = [f"events: {result['n_gold']} gold, {result['n_pred']} predicted, {result.get('n_matched', 0)} matched", ""]
    lines.append(f"{'':<16}{'P':>7}{'R':>7}{'F1':>7}")
    for key in ("event", "triple", "triple_country"):
        s = result[key]
        lines.append(f"{key:<16}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}")
    lines.append("")
    for key in ("cameo_root_accuracy", "location_country_accuracy", "date_accuracy", "modality_accuracy",
                "casualty_accuracy"):
        v = result[key]
        lines.append(f"{key:<28}{'-' if v is None else f'{v:.3f}':>7}")
    lines.append("")
    lines.append(f"{'type':<12}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}")
    for t, s in result["by_type"].items():
        lines.append(f"{t:<12}{s['n_gold']:>6}{s['n_pred']:>6}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}")
    if result.get("_text_errors"):
        lines.append("")
        lines.extend(result["_text_errors"])
    return "\n".join(lines)
