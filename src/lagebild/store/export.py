"""Exports: PLOVER JSONL (one event mention per line), GDELT 2.0 event table (one row per story), Parquet tables.

PLOVER JSONL follows the data-field tables of the PLOVER manual (chapter "Data Fields"): `id`, `date`, `actor` and
`recipient` (lists of entity objects: code, sector, entity_text, identifier_id, identifier_text), `event` (list of
PLOVER types), `mode`, `context`, `event_loc` (location object: extracted_place, resolved_place, geonameid, lat,
lon, province, country_code, feature_class, feature_code, resolution), `event_text`, `quad_code`, `event_scale`
(we give the Goldstein value of the CAMEO code), `text` (only when the store keeps text), `text_info`
(sequence, start, end), `cite_info` (url, title, language, publication, coder, codebook), `size` (dead, injured),
`coder`, `coded_date`, `link` (the story id: the manual's "common reference across related events"). Named fields
beyond the manual: `cameo`, `modality`, `confidence`, `evidence`, `attributed_to`, `story`.

GDELT 2.0 export: the 61 columns of the GDELT 2.0 event table, in GDELT's order, one row per story (the merged
real-world event, as GDELT's event table has one row per event with NumMentions/NumSources/NumArticles). Deviations:
GLOBALEVENTID is our story id (a string, not an integer); Actor*Name is the surface text of the representative
mention; *Geo_CountryCode is ISO 3166 alpha-3 (GDELT uses FIPS 10-4) and Actor1Geo/Actor2Geo are left empty (we
locate the action, not the actors); *Geo_ADM2Code and AvgTone are empty; Actor*KnownGroupCode, EthnicCode,
Religion*Code and Type2/3Code are empty except Type1Code (our sector); IsRootEvent is 1 when the representative
mention is in the article's first sentence (GDELT: first paragraph); DATEADDED is the UTC time the representative
article was stored. A header row with the column names is written unless `header=False` (GDELT's files have none).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import duckdb

from lagebild import __version__
from lagebild.store import schema

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *[f"{g}Geo_{c}" for g in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]
assert len(GDELT_COLUMNS) == 61

_EVENT_SQL = """
    SELECT e.*, coalesce(e.date, a.date) AS event_date, a.title, a.source, a.url, a.ingested_at, a.lagebild_version
    FROM events e JOIN articles a ON a.id = e.article_id ORDER BY event_date NULLS LAST, e.id"""


def _participants(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], list[dict]]:
    cur = con.execute("SELECT * FROM event_participants ORDER BY event_id, role, position")
    names = [d[0] for d in cur.description]
    out: dict[tuple[str, str], list[dict]] = {}
    for r in cur.fetchall():
        p = dict(zip(names, r, strict=True))
        out.setdefault((p["event_id"], p["role"]), []).append(p)
    return out


def _entity(p: dict) -> dict:
    # PLOVER's "code" is the country (or IGO) part, "sector" the rest of a CAMEO-style code
    code = p["code"] or ""
    country = p["country"] or (code[:3] if len(code) >= 3 else code) or None
    sector = p["sector"] or (code[3:] or None)
    return {"code": country, "sector": sector, "entity_text": p["text"], "identifier_id": p["entry"],
            "identifier_text": p["name"], "cameo_code": p["code"], "start": p["start"], "end": p["end"],
            "confidence": p["confidence"]}


def _resolution(feature: str | None) -> int | None:
    if not feature:
        return None
    if feature.startswith("PCL"):
        return 1
    if feature == "ADM1":
        return 2
    if feature.startswith("ADM"):
        return 3
    if feature.startswith("PPL"):
        return 4
    return None


def plover_records(con: duckdb.DuckDBPyConnection) -> list[dict]:
    parts = _participants(con)
    cur = con.execute(_EVENT_SQL)
    names = [d[0] for d in cur.description]
    today = dt.date.today().isoformat()
    out = []
    for row in cur.fetchall():
        e = dict(zip(names, row, strict=True))
        loc = None
        if e["location_text"] or e["geonameid"]:
            loc = {"extracted_place": e["location_text"], "resolved_place": e["location_name"],
                   "geonameid": e["geonameid"], "lat": e["lat"], "lon": e["lon"], "province": e["location_admin1"],
                   "country_code": e["location_country"],
                   "feature_class": (e["location_feature"] or "")[:1] or None,
                   "feature_code": e["location_feature"], "resolution": _resolution(e["location_feature"]),
                   "part": e["location_part"], "start": e["location_start"], "end": e["location_end"]}
        rec = {
            "id": e["id"],
            "has_event": True,
            "date": e["event_date"].isoformat() if e["event_date"] else None,
            "enddate": e["end_date"].isoformat() if e["end_date"] else None,
            "actor": [_entity(p) for p in parts.get((e["id"], "actor"), [])],
            "recipient": [_entity(p) for p in parts.get((e["id"], "recipient"), [])],
            "event": [e["plover_type"]],
            "mode": [e["plover_mode"]] if e["plover_mode"] else [],
            "context": list(e["plover_context"] or []),
            "event_loc": loc,
            "event_text": [e["trigger_text"]] if e["trigger_text"] else [],
            "quad_code": e["quad_class"],
            "event_scale": e["goldstein"],
            "link": e["story_id"],
            "text": e["sentence"],
            "text_info": {"sequence": e["sentence_index"], "start": e["trigger_start"], "end": e["trigger_end"],
                          "article_id": e["article_id"]},
            "cite_info": {"url": e["url"], "title": e["title"], "language": "de", "publication": e["source"],
                          "coder": f"lagebild {e['lagebild_version'] or __version__}", "codebook": "plover-base"},
            "size": {"dead": e["dead"], "injured": e["injured"]},
            "coder": f"lagebild {e['lagebild_version'] or __version__}",
            "coded_date": e["ingested_at"].date().isoformat() if e["ingested_at"] else today,
            "cameo": {"code": e["cameo_code"], "root": e["cameo_root"], "goldstein": e["goldstein"],
                      "quad_class": e["quad_class"]},
            "modality": e["modality"],
            "attributed_to": [_entity(p) for p in parts.get((e["id"], "attributed_to"), [])] or None,
            "confidence": e["confidence"],
            "evidence": list(e["evidence"] or []),
            "date_info": {"precision": e["date_precision"], "text": e["date_text"], "start": e["date_start"],
                          "end": e["date_end"], "from_article_date": e["date_from_article"]},
        }
        out.append(rec)
    return out


def export_plover(con: duckdb.DuckDBPyConnection, out: Path) -> int:
    recs = plover_records(con)
    with open(out, "w", encoding="utf8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(recs)


def _ymd(d: dt.date | None) -> str:
    return d.strftime("%Y%m%d") if d else ""


def gdelt_rows(con: duckdb.DuckDBPyConnection) -> list[list]:
    parts = _participants(con)
    cur = con.execute("""
        SELECT s.id, s.num_mentions, s.num_sources, s.num_articles, e.*, coalesce(e.date, a.date) AS event_date,
               a.url, a.ingested_at
        FROM stories s JOIN events e ON e.id = s.representative_event JOIN articles a ON a.id = e.article_id
        ORDER BY event_date NULLS LAST, s.id""")
    names = [d[0] for d in cur.description]
    rows = []
    for r in cur.fetchall():
        e = dict(zip(names, r, strict=True))
        d = e["event_date"]
        row: dict[str, object] = dict.fromkeys(GDELT_COLUMNS, "")
        row.update({"GLOBALEVENTID": r[0], "SQLDATE": _ymd(d),
                    "MonthYear": d.strftime("%Y%m") if d else "", "Year": d.year if d else "",
                    "FractionDate": f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}" if d else ""})
        for n, role in ((1, "actor"), (2, "recipient")):
            ps = parts.get((e["id"], role))
            if ps:
                p = ps[0]
                row.update({f"Actor{n}Code": p["code"] or "", f"Actor{n}Name": (p["name"] or p["text"] or "").upper(),
                            f"Actor{n}CountryCode": p["country"] or "", f"Actor{n}Type1Code": p["sector"] or ""})
        code = e["cameo_code"] or ""
        row.update({"IsRootEvent": 1 if e["sentence_index"] == 0 else 0, "EventCode": code,
                    "EventBaseCode": code[:3], "EventRootCode": code[:2], "QuadClass": e["quad_class"] or "",
                    "GoldsteinScale": "" if e["goldstein"] is None else e["goldstein"],
                    "NumMentions": e["num_mentions"], "NumSources": e["num_sources"],
                    "NumArticles": e["num_articles"]})
        if e["location_name"] or e["location_country"]:
            res = _resolution(e["location_feature"])
            gtype = {1: 1, 2: 5, 3: 5, 4: 4}.get(res or 0, 4 if e["geonameid"] else 1)  # GDELT 1 country, 4 city, 5 ADM
            row.update({"ActionGeo_Type": gtype, "ActionGeo_FullName": e["location_name"] or "",
                        "ActionGeo_CountryCode": e["location_country"] or "",
                        "ActionGeo_ADM1Code": e["location_admin1"] or "",
                        "ActionGeo_Lat": "" if e["lat"] is None else e["lat"],
                        "ActionGeo_Long": "" if e["lon"] is None else e["lon"],
                        "ActionGeo_FeatureID": e["geonameid"] or ""})
        row["DATEADDED"] = e["ingested_at"].strftime("%Y%m%d%H%M%S") if e["ingested_at"] else ""
        row["SOURCEURL"] = e["url"] or ""
        rows.append([row[c] for c in GDELT_COLUMNS])
    return rows


def export_gdelt(con: duckdb.DuckDBPyConnection, out: Path, header: bool = True) -> int:
    rows = gdelt_rows(con)
    with open(out, "w", encoding="utf8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
        if header:
            w.writerow(GDELT_COLUMNS)
        for r in rows:
            w.writerow([str(v).replace("\t", " ").replace("\n", " ") for v in r])
    return len(rows)


def export_parquet(con: duckdb.DuckDBPyConnection, out: Path) -> int:
    """Every table as OUT/<table>.parquet."""
    out.mkdir(parents=True, exist_ok=True)
    for table in schema.TABLES:
        target = str(out / f"{table}.parquet").replace("'", "''")
        con.execute(f"COPY {table} TO '{target}' (FORMAT parquet)")
    return len(schema.TABLES)
