"""Train the learned quote filter `src/lagebild/resources/quotes/filter.json` for lagebild.extract.quotes.

    python scripts/train_quote_filter.py [DATA] [--limit N]   # DATA defaults to ../shared/data

The rules of lagebild.extract.quotes propose candidate quotes (with speaker). On the TRAIN split of the German
Wikinews quotation corpus each candidate is labelled by whether it matches a gold quote (token Jaccard >= 0.5,
one-to-one, as in `lagebild eval quotes`); a logistic regression over `candidate_features` learns this (`quote`).
For the quotes it keeps (by 5-fold cross-validated predictions, as at run time), each candidate speaker of
`rank_speakers` is labelled by whether it overlaps the matched gold quote's speaker; a second logistic regression
learns this (`ranker`, cross-validated by document). The thresholds maximise quote F1 and speaker F1 on the
cross-validated predictions of the train split. The dev split is never read. Needs scikit-learn
(`pip install -e .[build]`).
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


def candidates(data: Path, limit: int | None) -> tuple[list[dict], list[int], list[int], int, int, list[tuple]]:
    """Features and quote labels of all candidates; gold quote and gold speaker counts; per document (doc,
    candidates, sentences, sentence index, corpus words, gold) for the speaker ranker."""
    import lagebild.extract.quotes as Q
    from lagebild.analyse.pipeline import ANALYSIS_COMPONENTS, load_pipeline, make_doc
    from lagebild.evaluate.quotes import _word_tokens, char_span_tokens, gold_items, match

    Q._TRAINING = True
    files = sorted(glob.glob(str(data / "quotes" / "train" / "*.json")))[:limit]
    corpus = [json.loads(Path(f).read_text(encoding="utf8")) for f in files]
    nlp = load_pipeline()
    feats, y_q = [], []
    n_gold = n_gold_sp = 0
    per_doc = []

    def docs():
        for f, d in zip(files, corpus, strict=True):
            m = _DATE.search(Path(f).name)
            yield make_doc(nlp, d["originalText"], dt.date.fromisoformat(m.group(1)) if m else None)

    # the candidates depend on the analysis only (not on the other extractors)
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n.startswith("lagebild_") and
                                   n not in ANALYSIS_COMPONENTS]):
        for d, doc in zip(corpus, nlp.pipe(docs(), batch_size=16), strict=True):
            words = _word_tokens(d["tokens"])
            gold = gold_items(d)
            n_gold += len(gold)
            n_gold_sp += sum(1 for g in gold if g["speaker"])
            found, sents, sent_of = Q._quote_spans(doc)
            pred, rows, kept = [], [], []
            for q in found:
                if q.end <= q.start:
                    continue
                span = doc[q.start:q.end]
                toks = char_span_tokens(words, span.start_char, span.end_char)
                if not toks:
                    continue
                pred.append({"quote": toks, "type": q.type})
                rows.append(Q.candidate_features(doc, q, sents, sent_of))
                kept.append(q)
            per_doc.append((doc, kept, sents, sent_of, words, gold))
            matched = dict((pi, gi) for gi, pi in match(gold, pred))
            for pi in range(len(pred)):
                feats.append(rows[pi])
                y_q.append(int(pi in matched))
    return feats, y_q, n_gold, n_gold_sp, per_doc


def ranker_rows(per_doc: list[tuple], prob: list[float], threshold: float, info: list | None = None
                ) -> tuple[list[dict], list[int], list[int], list[int]]:
    """Speaker-candidate features and labels for the quotes the quote model keeps: label 1 when the quote matches
    a gold quote and the candidate overlaps its speaker. Also the quote index (group) and document of each row."""
    import lagebild.extract.quotes as Q
    from lagebild.evaluate.quotes import char_span_tokens, match

    feats, labels, groups, docs_of = [], [], [], []
    i = qi = 0
    for di, (doc, found, sents, sent_of, words, gold) in enumerate(per_doc):
        kept = []
        for j, q in enumerate(found):
            if prob[i + j] >= threshold:
                q.confidence = round(float(prob[i + j]), 3)  # as at run time: the quote model's probability
                kept.append(q)
        i += len(found)
        pred = [{"quote": char_span_tokens(words, doc[q.start:q.end].start_char, doc[q.start:q.end].end_char)}
                for q in kept]
        matched = dict((pi, gi) for gi, pi in match(gold, pred))
        collected: list = []
        Q.rank_speakers(doc, kept, sents, sent_of, {}, collect=collected)
        for q, cands in collected:
            gi = matched.get(next(j for j, k in enumerate(kept) if k is q))
            gold_sp = gold[gi]["speaker"] if gi is not None else frozenset()
            for span, f in cands:
                s2 = doc[span[0]:span[1]]
                feats.append(f)
                labels.append(int(bool(char_span_tokens(words, s2.start_char, s2.end_char) & gold_sp)))
                groups.append(qi)
                docs_of.append(di)
                if info is not None:  # for error analysis: the quote and the candidate
                    info.append((doc[q.start:q.end].text, s2.text))
            qi += 1
    return feats, labels, groups, docs_of


def _best_threshold(scores: list[float], good: list[int], n_gold: int, base_tp: int = 0, base_pred: int = 0
                    ) -> tuple[float, float]:
    """The threshold that maximises F1 when items scoring below it are dropped, averaged over a window of
    +-0.03: F1 is flat near its maximum, and the middle of that plateau moves less between retrainings than its
    first peak (which flips candidates near the threshold on text nobody checks). Returns (threshold, F1 there)."""
    f1s = []
    for t in [i / 100 for i in range(0, 80)]:
        kept = [g for s, g in zip(scores, good, strict=True) if s >= t]
        tp, n_pred = base_tp + sum(kept), base_pred + len(kept)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    best = (0.0, -1.0, -1.0)
    for i, f1 in enumerate(f1s):
        window = f1s[max(0, i - 3):i + 4]
        smooth = sum(window) / len(window)
        if smooth > best[2] + 1e-9:
            best = (i / 100, f1, smooth)
    return best[0], best[1]


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import PredefinedSplit, cross_val_predict

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--C", type=float, default=0.5, help="inverse regularisation of the quote model")
    ap.add_argument("--ranker-C", type=float, default=0.1,
                    help="inverse regularisation of the speaker ranker (0.1: best cv speaker F1 of 0.02-2)")
    args = ap.parse_args()
    feats, y_q, n_gold, n_gold_sp, per_doc = candidates(Path(args.data), args.limit)
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
    # speaker ranker: candidates of the quotes kept by the cross-validated quote model; cross-validated by document
    r_feats, r_y, r_group, r_doc = ranker_rows(per_doc, cv_q, t_q)
    r_vec = DictVectorizer()
    R = r_vec.fit_transform(r_feats)
    r_names = r_vec.get_feature_names_out()
    folds = [d % 5 for d in r_doc]
    r_clf = LogisticRegression(C=args.ranker_C, max_iter=3000)
    cv_r = cross_val_predict(LogisticRegression(C=args.ranker_C, max_iter=3000), R, r_y, cv=PredefinedSplit(folds),
                             method="predict_proba")[:, 1]
    r_clf.fit(R, r_y)
    best: dict[int, tuple[float, int]] = {}
    for p, y, g in zip(cv_r, r_y, r_group, strict=True):
        if g not in best or p > best[g][0]:
            best[g] = (p, y)
    t_s, f_s = _best_threshold([b[0] for b in best.values()], [b[1] for b in best.values()], n_gold_sp)
    w_r = {"intercept": round(float(r_clf.intercept_[0]), 4), "threshold": t_s,
           "coef": {str(n): round(float(w), 4) for n, w in zip(r_names, r_clf.coef_[0], strict=True)
                    if abs(w) >= 1e-3}}
    model = {
        "about": "Learned quote filter for lagebild.extract.quotes (logistic regression over candidate_features). "
                 "Built by scripts/train_quote_filter.py from the German Wikinews quotation corpus, train split "
                 "(annotations CC BY-NC-SA 4.0, text CC BY 2.5; weights only, no text).",
        "version": 2,
        "train": {"candidates": len(y_q), "gold_quotes": n_gold, "gold_speakers": n_gold_sp,
                  "speaker_candidates": len(r_y), "cv_quote_f1": round(f_q, 4), "cv_speaker_f1": round(f_s, 4),
                  "C": args.C, "ranker_C": args.ranker_C},
        "quote": w_q,
        "ranker": w_r,
    }
    OUT.write_text(json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf8")
    print(f"{len(y_q)} candidates ({sum(y_q)} match), quote threshold {t_q} (cv F1 {f_q:.3f}); "
          f"{len(best)} quotes, {len(r_y)} speaker candidates ({sum(r_y)} right), speaker threshold {t_s} "
          f"(cv speaker F1 {f_s:.3f}, candidates cover {len({g for y, g in zip(r_y, r_group, strict=True) if y})} "
          f"of {n_gold_sp} gold speakers) -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
