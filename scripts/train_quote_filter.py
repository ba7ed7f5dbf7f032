"""Train the learned quote filter `src/lagebild/resources/quotes/filter.json` for lagebild.extract.quotes.

    python scripts/train_quote_filter.py [DATA] [--limit N]   # DATA defaults to ../shared/data

The rules of lagebild.extract.quotes propose candidate quotes (with speaker). On the TRAIN split of the German
Wikinews quotation corpus each candidate gets two labels: it matches a gold quote (token Jaccard >= 0.5, one-to-one,
as in `lagebild eval quotes`), and its speaker overlaps that gold quote's speaker. Two logistic regressions over
`candidate_features` learn these; the thresholds maximise quote F1 and then speaker F1 on 5-fold cross-validated
predictions of the train split. The dev split is never read. Needs scikit-learn (`pip install -e .[build]`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "lagebild" / "resources" / "quotes" / "filter.json"
_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)")


def candidates(data: Path, limit: int | None) -> tuple[list[dict], list[int], list[int], int, int]:
    """Features, quote labels and speaker labels of all candidates; gold quote and gold speaker counts."""
    import lagebild.extract.quotes as Q
    from lagebild.analyse.pipeline import load_pipeline, make_doc
    from lagebild.evaluate.quotes import _word_tokens, char_span_tokens, gold_items, match

    Q._TRAINING = True
    files = sorted(glob.glob(str(data / "quotes" / "train" / "*.json")))[:limit]
    corpus = [json.loads(Path(f).read_text(encoding="utf8")) for f in files]
    nlp = load_pipeline()
    feats, y_q, y_s = [], [], []
    n_gold = n_gold_sp = 0

    def docs():
        for f, d in zip(files, corpus, strict=True):
            m = _DATE.search(Path(f).name)
            yield make_doc(nlp, d["originalText"], dt.date.fromisoformat(m.group(1)) if m else None)

    # the candidates depend on the analysis only (not on the other extractors)
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n.startswith("lagebild_") and n != "lagebild_paragraphs"]):
        for d, doc in zip(corpus, nlp.pipe(docs(), batch_size=16), strict=True):
            words = _word_tokens(d["tokens"])
            gold = gold_items(d)
            n_gold += len(gold)
            n_gold_sp += sum(1 for g in gold if g["speaker"])
            found, sents, sent_of = Q._quote_spans(doc)
            pred, rows = [], []
            for q in found:
                if q.end <= q.start:
                    continue
                span = doc[q.start:q.end]
                toks = char_span_tokens(words, span.start_char, span.end_char)
                if not toks:
                    continue
                sp = frozenset()
                if q.speaker:
                    s2 = doc[q.speaker[0]:q.speaker[1]]
                    sp = char_span_tokens(words, s2.start_char, s2.end_char)
                pred.append({"quote": toks, "speaker": sp, "type": q.type})
                rows.append(Q.candidate_features(doc, q, sents, sent_of))
            matched = dict((pi, gi) for gi, pi in match(gold, pred))
            for pi, p in enumerate(pred):
                gi = matched.get(pi)
                feats.append(rows[pi])
                y_q.append(int(gi is not None))
                y_s.append(int(gi is not None and bool(p["speaker"] & gold[gi]["speaker"])) if p["speaker"] else -1)
    return feats, y_q, y_s, n_gold, n_gold_sp


def _best_threshold(scores: list[float], good: list[int], n_gold: int, base_tp: int = 0, base_pred: int = 0
                    ) -> tuple[float, float]:
    """The threshold that maximises F1 when items scoring below it are dropped."""
    best = (0.0, -1.0)
    for t in [i / 100 for i in range(0, 80)]:
        kept = [g for s, g in zip(scores, good, strict=True) if s >= t]
        tp, n_pred = base_tp + sum(kept), base_pred + len(kept)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if f1 > best[1] + 1e-9:
            best = (t, f1)
    return best


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--C", type=float, default=0.5)
    args = ap.parse_args()
    feats, y_q, y_s, n_gold, n_gold_sp = candidates(Path(args.data), args.limit)
    vec = DictVectorizer()
    X = vec.fit_transform(feats)
    names = vec.get_feature_names_out()

    def fit(X_, y_):
        clf = LogisticRegression(C=args.C, max_iter=2000)
        cv = cross_val_predict(LogisticRegression(C=args.C, max_iter=2000), X_, y_, cv=5, method="predict_proba")[:, 1]
        clf.fit(X_, y_)
        coef = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= 1e-4}
        return clf, list(cv), {"intercept": round(float(clf.intercept_[0]), 4), "coef": coef}

    _, cv_q, w_q = fit(X, y_q)
    t_q, f_q = _best_threshold(cv_q, y_q, n_gold)
    w_q["threshold"] = t_q
    # speaker: among the kept candidates with a speaker
    idx = [i for i, s in enumerate(y_s) if s >= 0 and cv_q[i] >= t_q]
    _, cv_s, w_s = fit(X[idx], [y_s[i] for i in idx])
    t_s, f_s = _best_threshold(cv_s, [y_s[i] for i in idx], n_gold_sp)
    w_s["threshold"] = t_s
    model = {
        "about": "Learned quote filter for lagebild.extract.quotes (logistic regression over candidate_features). "
                 "Built by scripts/train_quote_filter.py from the German Wikinews quotation corpus, train split "
                 "(annotations CC BY-NC-SA 4.0, text CC BY 2.5; weights only, no text).",
        "version": 1,
        "train": {"candidates": len(y_q), "gold_quotes": n_gold, "gold_speakers": n_gold_sp,
                  "cv_quote_f1": round(f_q, 4), "cv_speaker_f1": round(f_s, 4), "C": args.C},
        "quote": w_q,
        "speaker": w_s,
    }
    OUT.write_text(json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf8")
    print(f"{len(y_q)} candidates ({sum(y_q)} match), quote threshold {t_q} (cv F1 {f_q:.3f}); "
          f"{len(idx)} with speaker ({sum(y_s[i] for i in idx)} right), speaker threshold {t_s} (cv F1 {f_s:.3f}) "
          f"-> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
