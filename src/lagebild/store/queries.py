"""Queries over the store: filtered events, stories, one story with its evidence, read-only SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

EVENT_COLUMNS = ["id", "date", "plover_type", "plover_mode", "cameo_code", "actor_code", "recipient_code",
                 "location_name", "location_country", "modality", "dead", "injured", "confidence", "story_id",
                 "trigger_text", "sentence", "article_id", "source", "url"]


@dataclass
class EventFilter:
    actor: str | None = None  # code prefix of any actor (source): RUS matches RUSGOV, RUSMIL
    recipient: str | None = None  # code prefix of any recipient (target)
    type: str | None = None  # PLOVER type
    cameo: str | None = None  # CAMEO code prefix: 19 matches 190..196
    country: str | None = None  # place country, or country of any actor or recipient
    since: dt.date | None = None  # event date (else article date) >= since
    until: dt.date | None = None  # ... <= until
    story: str | None = None
    limit: int | None = None


def events_sql(f: EventFilter) -> tuple[str, list]:
    where, params = [], []
    for role, code in (("actor", f.actor), ("recipient", f.recipient)):
        if code:
            where.append("EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id AND p.role = ? "
                         "AND p.code LIKE ?)")
            params += [role, code.upper() + "%"]
    if f.type:
        where.append("e.plover_type = ?")
        params.append(f.type.upper())
    if f.cameo:
        where.append("e.cameo_code LIKE ?")
        params.append(f.cameo + "%")
    if f.country:
        where.append("(e.location_country = ? OR EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id "
                     "AND p.role IN ('actor', 'recipient') AND p.country = ?))")
        params += [f.country.upper()] * 2
    if f.since:
        where.append("coalesce(e.date, a.date) >= ?")
        params.append(f.since)
    if f.until:
        where.append("coalesce(e.date, a.date) <= ?")
        params.append(f.until)
    if f.story:
        where.append("e.story_id = ?")
        params.append(f.story)
    sql = ("SELECT e.id, coalesce(e.date, a.date) AS date, e.plover_type, e.plover_mode, e.cameo_code, e.actor_code, "
           "e.recipient_code, e.location_name, e.location_country, e.modality, e.dead, e.injured, e.confidence, "
           "e.story_id, e.trigger_text, e.sentence, e.article_id, a.source, a.url "
           "FROM events e JOIN articles a ON a.id = e.article_id")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date NULLS LAST, e.id"
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    return sql, params


def events(con: duckdb.DuckDBPyConnection, f: EventFilter) -> list[dict]:
    sql, params = events_sql(f)
    return [dict(zip(EVENT_COLUMNS, r, strict=True)) for r in con.execute(sql, params).fetchall()]


def stories(con: duckdb.DuckDBPyConnection, min_articles: int = 1, type: str | None = None,
            limit: int | None = None) -> list[dict]:
    sql = "SELECT * FROM stories WHERE num_articles >= ?"
    params: list = [min_articles]
    if type:
        sql += " AND plover_type = ?"
        params.append(type.upper())
    sql += " ORDER BY num_articles DESC, num_mentions DESC, date_first NULLS LAST, id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def story(con: duckdb.DuckDBPyConnection, sid: str) -> dict | None:
    """A story with its members: event fields, evidence sentence, article source/date, and why it was merged."""
    cur = con.execute("SELECT * FROM stories WHERE id = ?", [sid])
    row = cur.fetchone()
    if row is None:
        return None
    out = dict(zip([d[0] for d in cur.description], row, strict=True))
    cur = con.execute("""
        SELECT m.event_id, m.linked_to, m.why, e.plover_type, e.cameo_code, e.actor_code, e.recipient_code,
               e.location_name, coalesce(e.date, a.date) AS date, e.modality, e.confidence, e.trigger_text,
               coalesce(e.sentence, s.text) AS sentence, e.sentence_index, a.id AS article_id, a.title, a.source,
               a.url, a.origin, a.near_dup_of
        FROM story_members m JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = e.article_id
        LEFT JOIN sentences s ON s.article_id = e.article_id AND s.sentence_index = e.sentence_index
        WHERE m.story_id = ? ORDER BY date NULLS LAST, m.event_id""", [sid])
    names = [d[0] for d in cur.description]
    out["members"] = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    return out
