"""Ingest throughput and memory: real German news through `lagebild ingest`'s code path into a fresh DuckDB.

    python benchmarks/ingest.py                      # >= 10,000 articles, 1 and 2 workers
    python benchmarks/ingest.py --limit 300          # a quick run

Texts: the 10kGNAD test split (derStandard, `label;text`, `'` as quote character) and the German Wikinews texts
of the quotes corpus (train + dev), both from ../shared/data, repeated until --limit articles. Repeats get k
trailing newlines so that their content hash differs (the store skips exact duplicates); the analysis is the same.
Prints articles/s, sentences/s (end to end: reading, language check, analysis, extraction, DuckDB writes, stories)
and peak RSS of the main process and of the workers.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def corpus(data: Path) -> list[dict]:
    from lagebild.ingest.sources import FieldMap, read_csv

    news = data / "news" / "10kgnad-test.csv"
    fm = FieldMap(text="2", source="1", csv_delimiter=";", csv_quote="'")
    items = [i for i in read_csv(news, news.read_bytes(), fm) if isinstance(i, dict)]
    for split in ("train", "dev"):
        for f in sorted((data / "quotes" / split).glob("*.json")):
            doc = json.loads(f.read_text(encoding="utf8"))
            m = re.search(r"\((\d{4}-\d{2}-\d{2})\)$", doc.get("documentName", ""))
            items.append({"text": doc["originalText"], "date": m.group(1) if m else None, "date_source": "field",
                          "title": None, "source": "Wikinews", "url": None, "origin": str(f), "line": None})
    return items


def repeated(items: list[dict], limit: int) -> list[dict]:
    out = []
    for k, it in zip(range(limit), itertools.cycle(range(len(items))), strict=False):
        rep = k // len(items)
        item = dict(items[it])
        item["text"] = item["text"] + "\n" * rep
        out.append(item)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=10_000, help="number of articles (default: %(default)s)")
    ap.add_argument("--workers", default="1,2", help="worker counts to measure (default: %(default)s)")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--store-text", default="full", choices=["full", "snippets", "none"])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: one measurement with N workers
    args = ap.parse_args()
    if not (args.data / "news" / "10kgnad-test.csv").exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2

    from lagebild.ingest.run import ingest_items

    if args.one is not None:  # one measurement in this (fresh) process: its RSS is its own
        items = repeated(corpus(args.data), args.limit)
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            s = ingest_items(iter(items), Path(tmp) / "bench.duckdb", workers=args.one, store_text=args.store_text,
                             batch_size=args.batch_size, progress="auto")
            wall = time.perf_counter() - t0
        worker_rss = max((v for k, v in s.peak_rss_mb.items() if k.startswith("worker")), default=0.0)
        print(json.dumps({"workers": args.one, "articles": s.articles, "sentences": s.sentences, "events": s.events,
                          "seconds": wall, "write_seconds": s.write_seconds, "worker_rss_mb": worker_rss,
                          "main_rss_mb": s.peak_rss_mb.get("main", 0.0), "rejects": len(s.rejects)}))
        return 0
    print(f"corpus: {len(corpus(args.data))} distinct articles, using {args.limit}", file=sys.stderr)
    print("workers  articles  sentences  events  seconds  articles/s  sentences/s  store s  peak RSS/worker MB  "
          "peak RSS main MB  rejects")
    for w in [int(x) for x in args.workers.split(",")]:
        cmd = [sys.executable, __file__, "--data", str(args.data), "--limit", str(args.limit), "--batch-size",
               str(args.batch_size), "--store-text", args.store_text, "--one", str(w)]
        r = json.loads(subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout.splitlines()[-1])
        print(f"{w:>7}  {r['articles']:>8}  {r['sentences']:>9}  {r['events']:>6}  {r['seconds']:>7.1f}  "
              f"{r['articles'] / r['seconds']:>10.1f}  {r['sentences'] / r['seconds']:>11.1f}  "
              f"{r['write_seconds']:>7.1f}  {r['worker_rss_mb']:>18.0f}  {r['main_rss_mb']:>16.0f}  "
              f"{r['rejects']:>7}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
