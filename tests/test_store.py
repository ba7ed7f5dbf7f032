"""The DuckDB event store with hand-made Article records: idempotence, stories, queries, exports, text modes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from store_helpers import ALEPPO, IDLIB, article, item

from lagebild.ingest.sources import Reject
from lagebild.store import export, queries, schema, stories
from lagebild.store.writer import connect, write_batch

# two reports of one air strike (different wording, next day), one strike elsewhere, one unrelated protest
REPORT_A = article(
    "Die syrische Armee bombardierte am Montag Stellungen der Rebellen in Aleppo. Dabei starben zwölf Menschen.",
    "2016-12-12", "Blatt A",
    [{"trigger": "bombardierte", "type": "ASSAULT", "cameo": "195", "actor": [("syrische Armee", "SYRMIL")],
      "recipient": [("Rebellen", "SYRREB")], "place": ALEPPO, "dead": 12}])
REPORT_B = article(
    "Bei Luftangriffen der Regierungstruppen auf Rebellen in Aleppo kamen zwölf Menschen ums Leben. "
    "Die Opposition verurteilte den Angriff.",
    "2016-12-13", "Blatt B",
    [{"trigger": "Luftangriffen", "type": "ASSAULT", "cameo": "195", "actor": [("Regierungstruppen", "SYRMIL")],
      "recipient": [("Rebellen", "SYRREB")], "place": ALEPPO, "date": "2016-12-12", "confidence": 0.9}])
OTHER_PLACE = article(
    "Die syrische Armee bombardierte am Montag Stellungen der Rebellen in Idlib. Über Opfer ist nichts bekannt.",
    "2016-12-12", "Blatt C",
    [{"trigger": "bombardierte", "type": "ASSAULT", "cameo": "195", "actor": [("syrische Armee", "SYRMIL")],
      "recipient": [("Rebellen", "SYRREB")], "place": IDLIB}])
PROTEST = article(
    "In Wien demonstrierten am Montag Tausende gegen die Regierung. Die Polizei sprach von einer friedlichen Kundgebung.",
    "2016-12-12", "Blatt A",
    [{"trigger": "demonstrierten", "type": "PROTEST", "cameo": "141", "actor": [("Tausende", "AUTCVL")],
      "recipient": [("Regierung", "AUTGOV")], "goldstein": -6.5, "quad": 3}])
ALL = [REPORT_A, REPORT_B, OTHER_PLACE, PROTEST]


def fill(db: Path, arts: list = ALL, store_text: str = "full", rejects: list | None = None) -> duckdb.DuckDBPyConnection:
    con = connect(db)
    write_batch(con, [(item("corpus.jsonl", n + 1), a) for n, a in enumerate(arts)], rejects or [], store_text)
    stories.rebuild(con)
    return con


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in schema.TABLES}


def test_rewriting_the_same_articles_adds_nothing(tmp_path: Path) -> None:
    con = fill(tmp_path / "s.duckdb", rejects=[Reject("x.csv", 3, "malformed CSV row")])
    before = counts(con)
    assert before["articles"] == 4 and before["events"] == 4 and before["event_participants"] == 8
    assert write_batch(con, [(item("again.jsonl", 1), REPORT_A)], [Reject("x.csv", 3, "malformed CSV row")]) == []
    stories.rebuild(con)
    assert counts(con) == before


def test_two_reports_of_one_event_become_one_story_and_others_stay_apart(tmp_path: Path) -> None:
    con = fill(tmp_path / "s.duckdb")
    rows = {r["representative_event"]: r for r in queries.stories(con)}
    assert len(rows) == 3
    merged = [r for r in rows.values() if r["num_mentions"] == 2]
    assert len(merged) == 1
    s = merged[0]
    assert (s["num_articles"], s["num_sources"], s["plover_type"], s["location_name"]) == (2, 2, "ASSAULT", "Aleppo")
    assert s["representative_event"] == REPORT_B.events[0].id  # highest confidence
    detail = queries.story(con, s["id"])
    assert {m["article_id"] for m in detail["members"]} == {REPORT_A.id, REPORT_B.id}
    linked = [m for m in detail["members"] if m["linked_to"]]
    assert len(linked) == 1 and "same place Aleppo" in linked[0]["why"] and "actors match" in linked[0]["why"]
    assert all(m["sentence"] for m in detail["members"])  # evidence sentences
    # the Idlib strike on the same day by the same actors is a different event
    idlib = con.execute("SELECT story_id FROM events WHERE article_id = ?", [OTHER_PLACE.id]).fetchone()[0]
    assert idlib != s["id"]


def test_same_type_same_day_without_anything_in_common_is_not_merged(tmp_path: Path) -> None:
    strike = article("Unbekannte griffen am Montag einen Konvoi an. Es gab Verletzte.", "2016-12-12", "X",
                     [{"trigger": "griffen", "type": "ASSAULT", "cameo": "190"}])
    strike2 = article("Bewaffnete griffen am Montag ein Dorf an. Zwei Menschen starben.", "2016-12-12", "Y",
                      [{"trigger": "griffen", "type": "ASSAULT", "cameo": "190"}])
    con = fill(tmp_path / "s.duckdb", [strike, strike2])
    assert con.execute("SELECT count(*) FROM stories").fetchone()[0] == 2


def test_dates_outside_the_window_are_not_merged(tmp_path: Path) -> None:
    later = article(
        "Die syrische Armee bombardierte erneut Stellungen der Rebellen in Aleppo. Es gab Tote.", "2016-12-20", "Z",
        [{"trigger": "bombardierte", "type": "ASSAULT", "cameo": "195", "actor": [("syrische Armee", "SYRMIL")],
          "recipient": [("Rebellen", "SYRREB")], "place": ALEPPO}])
    con = fill(tmp_path / "s.duckdb", [REPORT_A, later])
    assert con.execute("SELECT max(num_mentions) FROM stories").fetchone()[0] == 1


def test_near_duplicate_article_is_marked_and_counted_as_reprint(tmp_path: Path) -> None:
    reprint = article(REPORT_A.text + " Das berichtete eine Agentur", "2016-12-12", "Blatt D",
                      [{"trigger": "bombardierte", "type": "ASSAULT", "cameo": "195",
                        "actor": [("syrische Armee", "SYRMIL")], "recipient": [("Rebellen", "SYRREB")],
                        "place": ALEPPO}])
    con = fill(tmp_path / "s.duckdb", [REPORT_A, reprint])
    assert con.execute("SELECT near_dup_of FROM articles WHERE id = ?", [reprint.id]).fetchone()[0] == REPORT_A.id
    assert con.execute("SELECT num_articles, num_reprints FROM stories").fetchall() == [(2, 1)]


def test_event_filters(tmp_path: Path) -> None:
    con = fill(tmp_path / "s.duckdb")

    def ids(**kw: object) -> set[str]:
        return {r["article_id"] for r in queries.events(con, queries.EventFilter(**kw))}

    assert ids(actor="SYR") == {REPORT_A.id, REPORT_B.id, OTHER_PLACE.id}
    assert ids(recipient="AUTGOV") == {PROTEST.id}
    assert ids(type="protest") == {PROTEST.id}
    assert ids(cameo="19") == {REPORT_A.id, REPORT_B.id, OTHER_PLACE.id}
    assert ids(country="AUT") == {PROTEST.id}
    import datetime as dt

    assert ids(since=dt.date(2016, 12, 13)) == set()  # REPORT_B's event is dated the 12th, not its article's 13th


@pytest.mark.parametrize("mode", ["snippets", "none"])
def test_store_text_modes_keep_no_full_text(tmp_path: Path, mode: str) -> None:
    con = fill(tmp_path / "s.duckdb", store_text=mode)
    assert con.execute("SELECT count(*) FROM articles WHERE text IS NOT NULL").fetchone()[0] == 0
    kept_sentences = con.execute("SELECT count(*) FROM sentences WHERE text IS NOT NULL").fetchone()[0]
    event_sentences = con.execute("SELECT count(*) FROM events WHERE sentence IS NOT NULL").fetchone()[0]
    if mode == "snippets":
        assert kept_sentences == 4 and event_sentences == 4  # only the sentences with an event
    else:
        assert kept_sentences == 0 and event_sentences == 0
    # offsets are kept in every mode
    assert con.execute("SELECT count(*) FROM sentences WHERE start IS NULL").fetchone()[0] == 0


def test_plover_jsonl_export_parses_back(tmp_path: Path) -> None:
    con = fill(tmp_path / "s.duckdb")
    out = tmp_path / "e.jsonl"
    assert export.export_plover(con, out) == 4
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(recs) == 4
    for r in recs:
        assert {"id", "date", "actor", "event"} <= r.keys()  # the manual's required fields
        assert r["date"] and len(r["date"]) == 10
    strike = next(r for r in recs if r["id"] == REPORT_A.events[0].id)
    assert strike["event"] == ["ASSAULT"] and strike["actor"][0]["code"] == "SYR"
    assert strike["actor"][0]["sector"] == "MIL" and strike["event_loc"]["geonameid"] == 170063
    assert strike["size"]["dead"] == 12 and strike["link"]  # story id


def test_gdelt_tsv_has_61_columns_and_one_row_per_story(tmp_path: Path) -> None:
    con = fill(tmp_path / "s.duckdb")
    out = tmp_path / "e.tsv"
    assert export.export_gdelt(con, out) == 3
    rows = list(csv.reader(out.open(encoding="utf8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == export.GDELT_COLUMNS and len(rows) == 4
    assert all(len(r) == 61 for r in rows)
    merged = next(dict(zip(rows[0], r, strict=True)) for r in rows[1:] if r[rows[0].index("NumMentions")] == "2")
    assert merged["SQLDATE"] == "20161212" and merged["EventRootCode"] == "19" and merged["Actor1Code"] == "SYRMIL"
    assert merged["NumSources"] == "2" and merged["ActionGeo_FeatureID"] == "170063"


def test_parquet_export_has_every_table_with_its_schema(tmp_path: Path) -> None:
    con = fill(tmp_path / "s.duckdb")
    export.export_parquet(con, tmp_path / "pq")
    for table in schema.TABLES:
        got = pq.read_schema(tmp_path / "pq" / f"{table}.parquet")
        assert got.names == schema.columns(table), table
    assert pq.read_table(tmp_path / "pq" / "events.parquet").num_rows == 4


def test_read_only_connection_refuses_writes(tmp_path: Path) -> None:
    fill(tmp_path / "s.duckdb").close()
    con = connect(tmp_path / "s.duckdb", read_only=True)
    with pytest.raises(duckdb.Error):
        con.execute("DELETE FROM articles")


def test_schema_doc_is_up_to_date() -> None:
    doc = Path(__file__).parents[1] / "docs" / "schema.md"
    assert doc.read_text(encoding="utf8") == schema.markdown(), "run: python -m lagebild.store.schema > docs/schema.md"
