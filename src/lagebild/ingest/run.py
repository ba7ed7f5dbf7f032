"""Running a corpus through the pipeline into the store: worker processes, batches, progress, summary.

The main process reads the inputs, drops articles already stored (content hash) and exact duplicates, and hands
batches to worker processes; each worker loads the pipeline once, identifies the language, analyses the batch and
returns picklable `Article` records (without token analyses). The main process alone writes to DuckDB, one
transaction per batch, in input order. A bounded number of batches is in flight, so memory does not grow with the
corpus.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lagebild.ingest.sources import Reject
from lagebild.model import Article, article_id

_MODEL: str | None = None


@dataclass
class Summary:
    articles: int = 0  # stored in this run
    sentences: int = 0
    events: int = 0
    skipped: int = 0  # already in the store
    duplicates: int = 0  # same text twice in this run's inputs
    rejects: list[Reject] = field(default_factory=list)
    seconds: float = 0.0
    write_seconds: float = 0.0  # time spent in DuckDB writes and the story rebuild (main process)
    stories: int = 0
    peak_rss_mb: dict[str, float] = field(default_factory=dict)

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def sentences_per_s(self) -> float:
        return self.sentences / self.seconds if self.seconds else 0.0

    def text(self) -> str:
        lines = [f"stored {self.articles} articles ({self.sentences} sentences, {self.events} events) in "
                 f"{self.seconds:.1f} s: {self.articles_per_s:.1f} articles/s, {self.sentences_per_s:.1f} "
                 f"sentences/s; {self.skipped} already stored, {self.duplicates} duplicate(s) in the input, "
                 f"{self.stories} stories in the store, {len(self.rejects)} reject(s)"]
        for r in self.rejects:
            where = f"{r.path}:{r.line}" if r.line is not None else r.path
            lines.append(f"  rejected {where}: [{r.stage}] {r.reason}")
        return "\n".join(lines)


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB: Linux's VmHWM where there is one, because ru_maxrss survives
    exec and a worker started by "spawn" would report its parent's peak from before the fork."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _init_worker(model: str | None) -> None:
    global _MODEL
    _MODEL = model
    from lagebild.analyse.pipeline import load_pipeline

    load_pipeline(model)  # once per process


def analyse_batch(items: list[dict]) -> tuple[list[tuple[dict, Article]], list[Reject], float]:
    """Language check and analysis of one batch (runs in a worker). Returns (item, Article) pairs, rejects, RSS."""
    from lagebild import extract_many
    from lagebild.ingest.language import check_german

    keep, rejects = [], []
    for item in items:
        lang, prob, reason = check_german(item["text"])
        item["language"], item["language_prob"] = lang, round(prob, 4)
        if reason:
            rejects.append(Reject(item["origin"], item.get("line"), reason, "language"))
        else:
            keep.append(item)
    done: list[tuple[dict, Article]] = []
    try:
        arts = list(extract_many(keep, model=_MODEL, tokens=False))
        done = list(zip(keep, arts, strict=True))
    except Exception:  # noqa: BLE001 - one bad article must not lose the batch: retry one by one
        for item in keep:
            try:
                done.append((item, next(extract_many([item], model=_MODEL, tokens=False))))
            except Exception as exc:  # noqa: BLE001
                rejects.append(Reject(item["origin"], item.get("line"), f"analysis failed: {exc!r}", "analyse"))
    for item, _ in done:
        item.pop("text", None)  # the Article carries the text; halve what goes back through the pipe
    return done, rejects, peak_rss_mb()


def analyse_batch_with(items: list[dict], model: str | None) -> tuple[list[tuple[dict, Article]], list[Reject], float]:
    """`analyse_batch` for backends without a process initializer (Dask): the model travels with the task."""
    global _MODEL
    _MODEL = model
    return analyse_batch(items)


def _dask_client(scheduler: str | None, workers: int):  # noqa: ANN202 - distributed is an optional extra
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        from lagebild.errors import LagebildError

        raise LagebildError("--backend dask needs the optional extra: pip install 'lagebild[dask]'") from None
    if scheduler:
        return Client(scheduler)
    return Client(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None))


def _batches(items: Iterable[dict | Reject], size: int, con, summary: Summary,
             loose_rejects: list[Reject]) -> Iterator[list[dict]]:
    """Batches of new items; read rejects go to `loose_rejects`, stored/duplicate articles are counted and dropped."""
    from lagebild.store.writer import existing_ids

    seen: set[str] = set()
    buf: list[dict] = []

    def flush() -> list[dict]:
        have = existing_ids(con, [i["id"] for i in buf])
        summary.skipped += sum(1 for i in buf if i["id"] in have)
        return [i for i in buf if i["id"] not in have]

    for it in items:
        if isinstance(it, Reject):
            loose_rejects.append(it)
            continue
        it["id"] = article_id(it["text"])
        if it["id"] in seen:
            summary.duplicates += 1
            continue
        seen.add(it["id"])
        buf.append(it)
        if len(buf) >= size:
            new = flush()
            buf = []
            if new:
                yield new
    if buf:
        new = flush()
        if new:
            yield new


def ingest_items(items: Iterable[dict | Reject], db: str | Path, workers: int | None = None,
                 store_text: str = "full", batch_size: int = 16, model: str | None = None,
                 progress: str = "auto", window_days: int = 1, backend: str = "local",
                 scheduler: str | None = None) -> Summary:
    """Analyse items (from `sources.read_inputs`) into the store at `db`. `progress`: auto | bar | plain | none.

    backend "local": worker processes on this machine; "dask": batches go to a Dask cluster (`scheduler` address,
    else a local cluster of `workers` processes); each Dask worker process loads the pipeline once, on its first batch.
    """
    from lagebild.store import stories
    from lagebild.store.writer import connect, write_batch

    workers = workers or os.cpu_count() or 1
    summary = Summary()
    con = connect(db)
    t0 = time.perf_counter()
    loose: list[Reject] = []
    show = _Progress(progress)
    pool = None
    try:
        window = 2 * workers

        def commit(done: list[tuple[dict, Article]], rejects: list[Reject], rss: float, who: str) -> None:
            rejects = loose + rejects
            loose.clear()
            tw = time.perf_counter()
            ids = set(write_batch(con, done, rejects, store_text))
            summary.write_seconds += time.perf_counter() - tw
            stored = [a for _, a in done if a.id in ids]
            summary.articles += len(stored)
            summary.sentences += sum(len(a.sentences) for a in stored)
            summary.events += sum(len(a.events) for a in stored)
            summary.rejects += rejects
            summary.peak_rss_mb[who] = max(summary.peak_rss_mb.get(who, 0.0), rss)
            summary.seconds = time.perf_counter() - t0
            show.update(summary)

        inflight: deque = deque()
        for batch in _batches(items, batch_size, con, summary, loose):
            if backend == "dask":
                if pool is None:
                    pool = _dask_client(scheduler, workers)
                inflight.append(pool.submit(analyse_batch_with, batch, model, pure=False))
                while len(inflight) >= window:
                    commit(*inflight.popleft().result(), "worker")
                continue
            if workers == 1:
                _init_worker(model)
                commit(*analyse_batch(batch), "worker-0")
                continue
            if pool is None:  # started on the first new batch: a re-run with nothing new loads no model
                # spawn: workers must not inherit the parent's open DuckDB handle or threads
                pool = mp.get_context("spawn").Pool(workers, initializer=_init_worker, initargs=(model,))
            inflight.append(pool.apply_async(analyse_batch, (batch,)))
            while len(inflight) >= window:
                commit(*inflight.popleft().get(), "worker")
        while inflight:
            fut = inflight.popleft()
            commit(*(fut.result() if backend == "dask" else fut.get()), "worker")
        if loose:
            commit([], [], 0.0, "main")
        tw = time.perf_counter()
        summary.stories = stories.rebuild(con, window_days=window_days)
        summary.write_seconds += time.perf_counter() - tw
    finally:
        if pool is not None and backend == "dask":
            pool.close()
        elif pool is not None:
            pool.terminate()
            pool.join()
        con.close()
        show.close()
    summary.seconds = time.perf_counter() - t0
    summary.peak_rss_mb["main"] = peak_rss_mb()
    return summary


class _Progress:
    """A rich progress line on a terminal, one line per batch with `plain`, nothing with `none`."""

    def __init__(self, mode: str) -> None:
        if mode == "auto":
            mode = "bar" if sys.stderr.isatty() else "none"
        self.mode = mode
        self.bar = None
        if mode == "bar":
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                transient=False)
            self.task = self.bar.add_task("starting workers ...", total=None)
            self.bar.start()

    def update(self, s: Summary) -> None:
        line = (f"{s.articles} articles · {s.sentences_per_s:.0f} sentences/s · {s.events} events · "
                f"{len(s.rejects)} rejects · {s.skipped} already stored")
        if self.bar is not None:
            self.bar.update(self.task, description=line)
        elif self.mode == "plain":
            print(f"batch committed: {line}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
