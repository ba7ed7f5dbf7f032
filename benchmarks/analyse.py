"""Speed and memory of the analysis pipeline on real German news.

    python benchmarks/analyse.py --data ../shared/data [--limit 400] [--workers 2]

Reads the 10kGNAD news articles (derStandard), runs (a) the trained analysis pipeline alone and (b) analysis plus all
extraction components, first in one process, then in N worker processes (one pipeline each), and prints tokens/s,
sentences/s and the peak RSS of each process. Figures go to docs/benchmarks.md by hand, with this command.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing as mp
import sys
import time
from pathlib import Path


def load_texts(data: Path, limit: int) -> list[str]:
    texts = []
    with (data / "news" / "10kgnad-test.csv").open(encoding="utf8") as fh:
        for row in csv.reader(fh, delimiter=";", quotechar="'"):
            if len(row) >= 2 and row[1].strip():
                texts.append(row[1])
            if len(texts) >= limit:
                break
    return texts


def _work(args: tuple[list[str], bool]) -> tuple[int, int, float, int]:
    texts, extract = args
    from lagebild.analyse.pipeline import load_pipeline, make_doc
    from lagebild.ingest.run import peak_rss_mb

    nlp = load_pipeline(extract=extract)
    nlp("Warmlauf.")
    t0 = time.perf_counter()
    n_tok = n_sent = 0
    for doc in nlp.pipe((make_doc(nlp, t) for t in texts), batch_size=32):
        n_tok += len(doc)
        n_sent += sum(1 for _ in doc.sents)
    dt = time.perf_counter() - t0
    return n_tok, n_sent, dt, int(peak_rss_mb())


def run(texts: list[str], workers: int, extract: bool) -> dict:
    t0 = time.perf_counter()
    # every configuration in fresh processes, one pipeline each: the memory figures are then per process
    chunks = [texts[i::workers] for i in range(workers)]
    with mp.get_context("spawn").Pool(workers) as pool:
        results = pool.map(_work, [(c, extract) for c in chunks])
    wall = time.perf_counter() - t0
    n_tok = sum(r[0] for r in results)
    n_sent = sum(r[1] for r in results)
    busy = max(r[2] for r in results)  # pipeline time, without process start and model loading
    return {"workers": workers, "extract": extract, "tokens": n_tok, "sentences": n_sent,
            "tokens_per_s": n_tok / busy, "sentences_per_s": n_sent / busy, "wall_s": wall,
            "peak_rss_mb": max(r[3] for r in results)}


def component_shares(texts: list[str]) -> dict[str, float]:
    """Seconds per extraction component, after a batched analysis pass (one process)."""
    from lagebild.analyse.pipeline import ANALYSIS_COMPONENTS, load_pipeline, make_doc

    nlp = load_pipeline(extract=True)
    # warm up on real articles: the extractors load their lexicons on first use, which is no per-article cost
    for _ in nlp.pipe((make_doc(nlp, t) for t in texts[:10]), batch_size=10):
        pass
    extractors = [n for n, _ in nlp.pipeline if n.startswith("lagebild_") and n not in ANALYSIS_COMPONENTS]
    t0 = time.perf_counter()
    with nlp.select_pipes(disable=extractors):
        docs = list(nlp.pipe((make_doc(nlp, t) for t in texts), batch_size=32))
    out = {"analysis": time.perf_counter() - t0}
    for name in extractors:
        proc = nlp.get_pipe(name)
        t0 = time.perf_counter()
        for doc in docs:
            proc(doc)
        out[name] = time.perf_counter() - t0
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="the shared data folder (with news/)")
    ap.add_argument("--limit", type=int, default=400, help="number of articles")
    ap.add_argument("--workers", type=int, default=mp.cpu_count())
    args = ap.parse_args()
    texts = load_texts(args.data, args.limit)
    print(f"{len(texts)} articles, {sum(map(len, texts)):,} characters; {mp.cpu_count()} cores", flush=True)
    rows = []
    for extract in (False, True):
        for workers in sorted({1, args.workers}):
            r = run(texts, workers, extract)
            rows.append(r)
            print(f"{'analysis+extraction' if extract else 'analysis only':<20} workers={workers}  "
                  f"{r['tokens_per_s']:8.0f} tokens/s  {r['sentences_per_s']:6.1f} sentences/s  "
                  f"peak RSS/process {r['peak_rss_mb']} MB  (wall {r['wall_s']:.1f} s)", flush=True)
    a1 = next(r for r in rows if r["workers"] == 1 and not r["extract"])
    e1 = next(r for r in rows if r["workers"] == 1 and r["extract"])
    print(f"extraction overhead (1 process): {100 * (a1['tokens_per_s'] / e1['tokens_per_s'] - 1):.1f} %")
    shares = component_shares(texts)
    base = shares["analysis"]
    print(f"per component, 1 process: analysis {base:.2f} s; " + ", ".join(
        f"{k.removeprefix('lagebild_')} +{100 * v / base:.1f} %" for k, v in shares.items() if k != "analysis"))
    coding = shares.get("lagebild_actors", 0) + shares.get("lagebild_events", 0)
    print(f"event coding (actors + events): +{100 * coding / base:.1f} % of analysis time")


if __name__ == "__main__":
    sys.exit(main())
