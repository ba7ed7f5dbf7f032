"""Writing Article records to the DuckDB store: one transaction per batch, idempotent by content hash.

A batch is inserted as Arrow tables inside BEGIN ... COMMIT; a process killed in the middle leaves the DuckDB
write-ahead log without the commit, so the batch is rolled back on the next open and a re-run stores it again.
Articles already stored (same text hash) are skipped before analysis by the caller (`existing_ids`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from lagebild import __version__
from lagebild.model import Article, Event
from lagebild.store import schema

STORE_TEXT_MODES = ("full", "snippets", "none")

# MinHash: 64 hash functions in 16 bands of 4 rows. A pair with Jaccard 0.8 shares a band with p > 0.999, a pair
# with Jaccard 0.3 with p ≈ 0.12; candidates are then checked on the whole signature (threshold NEAR_DUP).
NUM_PERM, BANDS, ROWS = 64, 16, 4
NEAR_DUP = 0.8
SHINGLE = 5
_PRIME = (1 << 61) - 1
_rng = np.random.RandomState(20161216)  # fixed seed: signatures must be comparable across runs and versions
_A = _rng.randint(1, 1 << 31, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
_B = _rng.randint(0, 1 << 31, size=NUM_PERM, dtype=np.int64).astype(np.uint64)


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and, unless read-only, create) a store."""
    if read_only:
        if not Path(path).exists():
            from lagebild.errors import LagebildError

            raise LagebildError(f"{path}: no such database (run `lagebild ingest ... --db {path}` first)")
        return duckdb.connect(str(path), read_only=True)
    con = duckdb.connect(str(path))
    con.execute("BEGIN")
    schema.create(con)
    con.execute("INSERT INTO meta SELECT 'created_by', ? WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = "
                "'created_by')", [f"lagebild {__version__}"])
    con.execute("COMMIT")
    return con


def existing_ids(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> set[str]:
    if not ids:
        return set()
    rows = con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall()
    return {r[0] for r in rows}


# ---------------------------------------------------------------- near duplicates


def _h64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def minhash(text: str) -> list[int]:
    """MinHash signature of the lower-cased word 5-shingles (stable across processes and runs)."""
    words = text.lower().split()
    n = max(1, len(words) - SHINGLE + 1)
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(n)} or {""}
    hashes = np.fromiter((_h64(s.encode()) & 0x7FFFFFFF for s in shingles), dtype=np.uint64)
    # (a * h + b) mod p for every permutation and shingle; values < 2^31 keep the product below 2^63
    sig = ((np.outer(hashes, _A) + _B) % np.uint64(_PRIME)).min(axis=0)
    return [int(v) for v in sig]


def band_keys(sig: Sequence[int]) -> list[int]:
    return [_h64(np.asarray(sig[b * ROWS:(b + 1) * ROWS], dtype=np.uint64).tobytes()) for b in range(BANDS)]


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    return float(np.mean(np.asarray(a) == np.asarray(b)))


# ---------------------------------------------------------------- rows


def _date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _int(value: object) -> int | None:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def event_id(article: Article, e: Event) -> str:
    """The extractor's id when it is already article-scoped, else article id:sentence:trigger start."""
    if e.id and e.id.startswith(article.id + ":"):
        return e.id
    return f"{article.id}:{e.sentence_index}:{e.trigger.start}"


class Rows:
    """Column lists per table, filled article by article, turned into Arrow tables for one INSERT each."""

    def __init__(self) -> None:
        self.data: dict[str, dict[str, list]] = {t: {c: [] for c in schema.columns(t)} for t in schema.TABLES}

    def add(self, table: str, **values: object) -> None:
        cols = self.data[table]
        for c in cols:
            cols[c].append(values.get(c))

    def tables(self) -> Iterable[tuple[str, pa.Table]]:
        for t, cols in self.data.items():
            if cols and len(next(iter(cols.values()))):
                yield t, pa.Table.from_pydict(cols, schema=schema.arrow_schema(t))


def _actor_values(a: object) -> dict:
    return {"text": a.text, "start": a.start, "end": a.end, "code": a.code, "country": a.country,
            "sector": a.sector, "name": a.name, "entry": a.entry, "kind": a.kind, "resolved_from": a.resolved_from,
            "confidence": a.confidence}


def article_rows(rows: Rows, art: Article, item: dict, store_text: str, now: dt.datetime, sig: list[int],
                 near_dup: tuple[str, float] | None) -> None:
    full = store_text == "full"
    keep_snippets = store_text in ("full", "snippets")
    aid = art.id
    evidence_sents = {e.sentence_index for e in art.events} | {q.sentence_index for q in art.quotes}
    rows.add("articles", id=aid, origin=item.get("origin"), line=item.get("line"), title=art.title or item.get("title"),
             source=art.source or item.get("source"), url=art.url or item.get("url"), date=_date(art.date),
             date_source=item.get("date_source") if art.date else None, language=item.get("language"),
             language_prob=item.get("language_prob"), text=art.text if full else None, length=len(art.text),
             n_sentences=len(art.sentences), n_events=len(art.events), store_text=store_text, minhash=sig,
             near_dup_of=near_dup[0] if near_dup else None, near_dup_similarity=near_dup[1] if near_dup else None,
             lagebild_version=__version__, ingested_at=now)
    for s in art.sentences:
        keep = full or (store_text == "snippets" and s.index in evidence_sents)
        rows.add("sentences", article_id=aid, sentence_index=s.index, start=s.start, end=s.end,
                 text=s.text if keep else None)
    for e in art.entities:
        rows.add("entities", id=f"{aid}:{e.start}:{e.end}", article_id=aid, sentence_index=e.sentence_index,
                 start=e.start, end=e.end, text=e.text, label=e.label, confidence=e.confidence)
    for a in art.actors:
        rows.add("actors", id=f"{aid}:{a.start}:{a.end}", article_id=aid, **_actor_values(a))
    for p in art.places:
        rows.add("places", id=f"{aid}:{p.start}:{p.end}", article_id=aid, start=p.start, end=p.end, text=p.text,
                 geonameid=_int(p.geonameid), name=p.name, country=p.country, admin1=p.admin1, lat=p.lat, lon=p.lon,
                 feature=p.feature, part=p.part, confidence=p.confidence)
    for d in art.dates:
        rows.add("dates", id=f"{aid}:{d.start}:{d.end}" if d.start is not None else f"{aid}:article-date",
                 article_id=aid, start=d.start, end=d.end, text=d.text, value=_date(d.value),
                 precision=d.precision, end_value=_date(d.end_value), from_article_date=d.from_article_date,
                 confidence=d.confidence)
    for f in art.figures:
        rows.add("figures", id=f"{aid}:{f.start}:{f.end}", article_id=aid, sentence_index=f.sentence_index,
                 start=f.start, end=f.end, text=f.text, value=f.value, low=f.low, high=f.high, kind=f.kind,
                 cumulative=f.cumulative, period=f.period, event_id=f.event_id, confidence=f.confidence)
    for q in art.quotes:
        rows.add("quotes", id=f"{aid}:{q.start}:{q.end}", article_id=aid, sentence_index=q.sentence_index,
                 start=q.start, end=q.end, text=q.text if keep_snippets else None, type=q.type,
                 speaker_text=q.speaker_text or (q.speaker.text if q.speaker else None),
                 speaker_start=q.speaker_start, speaker_end=q.speaker_end,
                 speaker_code=q.speaker.code if q.speaker else None, cue=q.cue, cue_start=q.cue_start,
                 cue_end=q.cue_end, confidence=q.confidence)
    for n, r in enumerate(art.reasons):
        rows.add("reasons", id=f"{aid}:{r.sentence_index}:{n}", article_id=aid, sentence_index=r.sentence_index,
                 stage=r.stage, message=r.message, trigger_text=r.trigger.text if r.trigger else None,
                 trigger_start=r.trigger.start if r.trigger else None, text=r.text)
    for e in art.events:
        eid = event_id(art, e)
        loc, date = e.location, e.date
        first_actor = e.actor[0] if e.actor else None
        first_recipient = e.recipient[0] if e.recipient else None
        rows.add("events", id=eid, article_id=aid, sentence_index=e.sentence_index,
                 sentence=e.sentence if keep_snippets else None, trigger_text=e.trigger.text,
                 trigger_start=e.trigger.start, trigger_end=e.trigger.end, trigger_lemma=e.trigger.lemma,
                 plover_type=e.plover_type, plover_mode=e.plover_mode, plover_context=list(e.plover_context or []),
                 cameo_code=e.cameo_code, cameo_root=e.cameo_root if e.cameo_code else None, goldstein=e.goldstein,
                 quad_class=e.quad_class, actor_code=first_actor.code if first_actor else None,
                 actor_country=first_actor.country if first_actor else None,
                 recipient_code=first_recipient.code if first_recipient else None,
                 recipient_country=first_recipient.country if first_recipient else None,
                 location_text=loc.text if loc else None, location_start=loc.start if loc else None,
                 location_end=loc.end if loc else None, geonameid=_int(loc.geonameid) if loc else None,
                 location_name=loc.name if loc else None, location_country=loc.country if loc else None,
                 location_admin1=loc.admin1 if loc else None, lat=loc.lat if loc else None,
                 lon=loc.lon if loc else None, location_feature=loc.feature if loc else None,
                 location_part=loc.part if loc else None,
                 date=_date(date.value) if date else None, date_precision=date.precision if date else None,
                 date_text=date.text if date else None, date_start=date.start if date else None,
                 date_end=date.end if date else None, date_from_article=date.from_article_date if date else None,
                 end_date=_date(date.end_value) if date else None, modality=e.modality,
                 attributed_to_code=e.attributed_to.code if e.attributed_to else None,
                 attributed_to_text=e.attributed_to.text if e.attributed_to else None,
                 dead=_int(e.dead), injured=_int(e.injured), confidence=e.confidence,
                 evidence=[str(x) for x in e.evidence], entry=e.entry, story_id=None)
        for role, actors in (("actor", e.actor), ("recipient", e.recipient),
                             ("attributed_to", [e.attributed_to] if e.attributed_to else [])):
            for pos, a in enumerate(actors):
                rows.add("event_participants", event_id=eid, article_id=aid, role=role, position=pos,
                         **_actor_values(a))


# ---------------------------------------------------------------- batches


def _insert(con: duckdb.DuckDBPyConnection, table: str, tbl: pa.Table) -> None:
    con.register("_lb_batch", tbl)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _lb_batch")
    finally:
        con.unregister("_lb_batch")


def _find_near_dups(con: duckdb.DuckDBPyConnection, keys: list[int], sig: list[int],
                    pending: dict[str, tuple[list[int], list[int]]]) -> tuple[str, float] | None:
    """The most similar earlier article sharing a MinHash band (stored, or earlier in this batch)."""
    cands: dict[str, list[int]] = {}
    rows = con.execute(
        "SELECT DISTINCT a.id, a.minhash FROM (SELECT unnest(range(?))::INTEGER AS band, unnest(?::UBIGINT[]) AS key) q "
        "JOIN article_lsh l ON l.band = q.band AND l.key = q.key JOIN articles a ON a.id = l.article_id",
        [BANDS, keys]).fetchall()
    cands.update({r[0]: r[1] for r in rows})
    for aid, (other_keys, other_sig) in pending.items():
        if any(k == o for k, o in zip(keys, other_keys, strict=True)):
            cands[aid] = other_sig
    best = max(((similarity(sig, s), aid) for aid, s in cands.items()), default=None)
    if best and best[0] >= NEAR_DUP:
        return best[1], round(best[0], 4)
    return None


def write_batch(con: duckdb.DuckDBPyConnection, done: Sequence[tuple[dict, Article]], rejects: Sequence,
                store_text: str = "full") -> list[str]:
    """Store analysed articles and rejects in one transaction; returns the ids of the articles stored."""
    if store_text not in STORE_TEXT_MODES:
        raise ValueError(f"store_text must be one of {STORE_TEXT_MODES}")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = Rows()
    con.execute("BEGIN")
    try:
        have = existing_ids(con, [a.id for _, a in done])
        pending: dict[str, tuple[list[int], list[int]]] = {}
        stored: list[str] = []
        for item, art in done:
            if art.id in have or art.id in pending:
                continue
            sig = minhash(art.text)
            keys = band_keys(sig)
            near = _find_near_dups(con, keys, sig, pending)
            pending[art.id] = (keys, sig)
            article_rows(rows, art, item, store_text, now, sig, near)
            for b, k in enumerate(keys):
                rows.add("article_lsh", band=b, key=k, article_id=art.id)
            # a reject of this input from an earlier run is obsolete now
            con.execute("DELETE FROM rejects WHERE path = ? AND line IS NOT DISTINCT FROM ?",
                        [item.get("origin"), item.get("line")])
            stored.append(art.id)
        for r in rejects:
            con.execute("DELETE FROM rejects WHERE path = ? AND line IS NOT DISTINCT FROM ? AND reason = ?",
                        [r.path, r.line, r.reason])
            rows.add("rejects", path=r.path, line=r.line, stage=r.stage, reason=r.reason, rejected_at=now)
        for table, tbl in rows.tables():
            _insert(con, table, tbl)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return stored
