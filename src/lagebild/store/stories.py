"""Stories: event mentions from different articles that report the same real-world event, merged.

Two mentions are merged when they have the same PLOVER type, compatible modality, dates within a window, compatible
places and compatible actors with at least one positive match (an actor, a recipient or the same GeoNames place), or
when they come from near-duplicate articles (the same report republished) with the same type and trigger lemma.
Merging is transitive (union-find).

Scaling: candidate pairs come from a blocked join in DuckDB, never all pairs: two mentions are only compared when
they share the type, a blocking key (a country or actor code of a participant or the place) and fall within the date
window. Mentions without any date (neither their own nor the article's) stay single-member stories.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field

import duckdb

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}  # "A and B agreed": the roles may be swapped between reports
_MODALITY_GROUP = {"asserted": "real", "historical": "real", "future": "planned", "hypothetical": "planned",
                   "negated": "negated", "failed": "failed"}
_GENERIC = {"", "---", "UNK", "---UNK", "---INS"}


@dataclass
class Mention:
    id: str
    article_id: str
    plover_type: str
    date: object
    geonameid: int | None
    location_country: str | None
    location_name: str | None
    location_feature: str | None
    modality: str
    trigger_lemma: str | None
    confidence: float
    cameo_code: str | None
    source: str | None
    near_dup_of: str | None
    actor_code: str | None = None
    recipient_code: str | None = None
    actors: set[str] = field(default_factory=set)
    recipients: set[str] = field(default_factory=set)


def codes_match(a: str, b: str) -> bool:
    """RUSGOV ~ RUSGOV, RUS ~ RUSGOV (one side without a sector), never two generic codes."""
    if a in _GENERIC or b in _GENERIC:
        return False
    return a == b or a.startswith(b) or b.startswith(a)


def role_match(xs: set[str], ys: set[str]) -> bool | None:
    """True: a shared actor; False: both known and different; None: one side unknown."""
    xs, ys = xs - _GENERIC, ys - _GENERIC
    if not xs or not ys:
        return None
    return any(codes_match(x, y) for x in xs for y in ys)


def compatible(x: Mention, y: Mention, near_dup: bool = False) -> str | None:
    """Why x and y report the same event, or None."""
    if x.plover_type != y.plover_type:
        return None
    if _MODALITY_GROUP.get(x.modality, x.modality) != _MODALITY_GROUP.get(y.modality, y.modality):
        return None
    why = [f"same type {x.plover_type}"]
    if x.date is not None and y.date is not None:
        days = abs((x.date - y.date).days)
        why.append("same date" if days == 0 else f"dates {days} day(s) apart")
    same_place = False
    if x.geonameid is not None and y.geonameid is not None:
        if x.geonameid == y.geonameid:
            same_place = True
            why.append(f"same place {x.location_name}")
        elif not ((x.location_feature or "").startswith("PCL") or (y.location_feature or "").startswith("PCL")) \
                or x.location_country != y.location_country:
            return None
        else:
            why.append(f"places in the same country {x.location_country}")
    elif x.location_country and y.location_country:
        if x.location_country != y.location_country:
            return None
        why.append(f"places in the same country {x.location_country}")
    am, rm = role_match(x.actors, y.actors), role_match(x.recipients, y.recipients)
    if (am is False or rm is False) and x.plover_type in SYMMETRIC:
        if role_match(x.actors | x.recipients, y.actors | y.recipients):
            am, rm = True, None
            why.append("same participants in swapped roles")
    if near_dup and x.trigger_lemma and x.trigger_lemma == y.trigger_lemma and am is not False and rm is not False:
        why.append(f"near-duplicate articles, same trigger '{x.trigger_lemma}'")
        return "; ".join(why)
    if am is False or rm is False:
        return None
    if am:
        why.append(f"actors match ({', '.join(sorted(x.actors))} ~ {', '.join(sorted(y.actors))})")
    if rm:
        why.append(f"recipients match ({', '.join(sorted(x.recipients))} ~ {', '.join(sorted(y.recipients))})")
    if not (am or rm or same_place):
        return None  # nothing positive in common: two unrelated events of the same type on the same day
    return "; ".join(why)


def _mentions(con: duckdb.DuckDBPyConnection) -> dict[str, Mention]:
    rows = con.execute("""
        SELECT e.id, e.article_id, e.plover_type, coalesce(e.date, a.date), e.geonameid, e.location_country,
               e.location_name, e.location_feature, e.modality, e.trigger_lemma, e.confidence, e.cameo_code,
               a.source, a.near_dup_of, e.actor_code, e.recipient_code
        FROM events e JOIN articles a ON a.id = e.article_id""").fetchall()
    ms = {r[0]: Mention(*r) for r in rows}
    for eid, role, code in con.execute(
            "SELECT event_id, role, code FROM event_participants WHERE role IN ('actor', 'recipient') "
            "AND code IS NOT NULL").fetchall():
        m = ms.get(eid)
        if m is not None:
            (m.actors if role == "actor" else m.recipients).add(code)
    return ms


def candidate_pairs(con: duckdb.DuckDBPyConnection, window_days: int) -> list[tuple[str, str]]:
    """Pairs of mentions from different articles sharing type, a blocking key and the date window."""
    return con.execute(f"""
        WITH ev AS (
            SELECT e.id, e.article_id, e.plover_type, coalesce(e.date, a.date) AS d
            FROM events e JOIN articles a ON a.id = e.article_id
            WHERE coalesce(e.date, a.date) IS NOT NULL),
        keys AS (
            SELECT DISTINCT ev.id, ev.article_id, ev.plover_type, ev.d, k.key FROM ev JOIN (
                SELECT event_id AS id, country AS key FROM event_participants WHERE country IS NOT NULL
                UNION ALL SELECT event_id, code FROM event_participants WHERE code IS NOT NULL
                UNION ALL SELECT id, location_country FROM events WHERE location_country IS NOT NULL
                UNION ALL SELECT id, CAST(geonameid AS VARCHAR) FROM events WHERE geonameid IS NOT NULL
                UNION ALL SELECT e.id, 'dup:' || coalesce(a.near_dup_of, a.id) || ':' || coalesce(e.trigger_lemma, '')
                    FROM events e JOIN articles a ON a.id = e.article_id
            ) k ON k.id = ev.id)
        SELECT DISTINCT x.id, y.id FROM keys x JOIN keys y
          ON x.plover_type = y.plover_type AND x.key = y.key AND x.id < y.id AND x.article_id <> y.article_id
         AND y.d BETWEEN x.d - INTERVAL {int(window_days)} DAY AND x.d + INTERVAL {int(window_days)} DAY
        ORDER BY 1, 2""").fetchall()


def story_id(first_event: str) -> str:
    return "S" + hashlib.sha1(first_event.encode()).hexdigest()[:12]


def rebuild(con: duckdb.DuckDBPyConnection, window_days: int = 1) -> int:
    """Recompute stories and story_members for the whole store (one transaction); returns the number of stories."""
    ms = _mentions(con)
    pairs = candidate_pairs(con, window_days)
    edges: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for a, b in pairs:
        x, y = ms[a], ms[b]
        near = bool(x.near_dup_of == y.article_id or y.near_dup_of == x.article_id
                    or (x.near_dup_of and x.near_dup_of == y.near_dup_of))
        why = compatible(x, y, near_dup=near)
        if why:
            edges[a].append((b, why))
            edges[b].append((a, why))
    stories, members = [], []
    seen: set[str] = set()
    order = sorted(ms.values(), key=lambda m: (m.date is None, m.date or 0, m.id))
    for start in order:
        if start.id in seen:
            continue
        comp: list[tuple[str, str | None, str]] = [(start.id, None, "first report")]
        seen.add(start.id)
        queue = deque([start.id])
        while queue:
            cur = queue.popleft()
            for nxt, why in sorted(edges[cur]):
                if nxt not in seen:
                    seen.add(nxt)
                    comp.append((nxt, cur, why))
                    queue.append(nxt)
        sid = story_id(min(c[0] for c in comp))
        mems = [ms[c[0]] for c in comp]
        rep = max(mems, key=lambda m: (m.confidence or 0.0, m.id))
        arts = {m.article_id for m in mems}
        sources = {m.source or f"article:{m.article_id}" for m in mems}
        reprints = {m.article_id for m in mems if m.near_dup_of in arts}
        dates = [m.date for m in mems if m.date is not None]

        def common(values: list) -> object:
            values = [v for v in values if v]
            return Counter(values).most_common(1)[0][0] if values else None

        stories.append({
            "id": sid, "plover_type": start.plover_type, "cameo_code": rep.cameo_code,
            "representative_event": rep.id,
            "actor_code": common([m.actor_code for m in mems]),
            "recipient_code": common([m.recipient_code for m in mems]),
            "location_name": common([m.location_name for m in mems]),
            "location_country": common([m.location_country for m in mems]),
            "date_first": min(dates) if dates else None, "date_last": max(dates) if dates else None,
            "num_mentions": len(mems), "num_articles": len(arts), "num_sources": len(sources),
            "num_reprints": len(reprints), "confidence": max((m.confidence or 0.0) for m in mems)})
        for eid, linked, why in comp:
            members.append({"story_id": sid, "event_id": eid, "article_id": ms[eid].article_id, "linked_to": linked,
                            "why": why})
    _write(con, stories, members)
    return len(stories)


def _write(con: duckdb.DuckDBPyConnection, stories: list[dict], members: list[dict]) -> None:
    import pyarrow as pa

    from lagebild.store import schema

    con.execute("BEGIN")
    try:
        con.execute("DELETE FROM stories")
        con.execute("DELETE FROM story_members")
        for table, rows in (("stories", stories), ("story_members", members)):
            if rows:
                cols = schema.columns(table)
                tbl = pa.Table.from_pydict({c: [r[c] for r in rows] for c in cols}, schema=schema.arrow_schema(table))
                con.register("_lb_rows", tbl)
                con.execute(f"INSERT INTO {table} SELECT * FROM _lb_rows")
                con.unregister("_lb_rows")
        con.execute("UPDATE events SET story_id = m.story_id FROM story_members m WHERE m.event_id = events.id")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
