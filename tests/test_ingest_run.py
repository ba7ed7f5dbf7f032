"""`lagebild ingest` end to end with the real pipeline on a handful of short texts (written for these tests)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from lagebild.cli import main
from lagebild.store import schema

TEXTS = [
    "Die Bundesregierung kündigte am Dienstag neue Hilfen für die Ukraine an.",
    "In Wien demonstrierten am Samstag Tausende Menschen gegen die geplante Reform.",
    "Der französische Präsident traf in Paris den Regierungschef von Italien.",
    "Die Polizei nahm in Hamburg zwei Verdächtige fest. Sie sollen einen Anschlag geplant haben.",
    "Russland und die Türkei vereinbarten eine Waffenruhe für ganz Syrien.",
    "Das Parlament in Berlin verabschiedete am Donnerstag das neue Gesetz.",
    "Die Vereinten Nationen forderten einen sofortigen Zugang für Hilfskonvois.",
    "Rebellen griffen in der Nacht einen Stützpunkt der Armee an. Mehrere Soldaten wurden verletzt.",
    "Der Außenminister reiste zu Gesprächen nach Moskau.",
    "Die Gewerkschaft rief für Montag zu einem landesweiten Streik auf.",
    "Die Regierung in Ankara wies die Vorwürfe der Opposition zurück.",
    "Bei einem Erdbeben im Süden des Landes wurden mehrere Häuser beschädigt.",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("corpus")
    rows = [json.dumps({"text": t, "date": f"2016-12-{10 + i:02d}", "source": f"Quelle {i % 3}"}, ensure_ascii=False)
            for i, t in enumerate(TEXTS)]
    rows.insert(3, '{"text": "kaputt"')  # malformed row, line 4
    rows.insert(6, json.dumps({"text": "The government announced new aid for Ukraine on Tuesday, officials said."}))
    (d / "corpus.jsonl").write_text("\n".join(rows) + "\n", encoding="utf8")
    return d


def content(db: Path) -> dict[str, list]:
    """Every table's rows, sorted, without time stamps: what must be equal after an interrupted and a clean run."""
    con = duckdb.connect(str(db), read_only=True)
    out = {}
    for t in schema.TABLES:
        cols = [c for c in schema.columns(t) if c not in ("ingested_at", "rejected_at")]
        out[t] = sorted(con.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM {t}').fetchall(),
                        key=repr)
    con.close()
    return out


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    code = main(["ingest", str(corpus / "corpus.jsonl"), "--db", str(db), "--workers", "1", "--batch-size", "4",
                 "--progress", "none"])
    assert code == 1  # there were rejects
    return db


def test_ingest_stores_the_good_rows_and_rejects_the_bad(reference: Path, corpus: Path) -> None:
    con = duckdb.connect(str(reference), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(TEXTS)
    assert con.execute("SELECT sum(n_sentences) FROM articles").fetchone()[0] >= len(TEXTS)
    rejects = con.execute("SELECT line, stage FROM rejects ORDER BY line").fetchall()
    assert rejects == [(4, "read"), (7, "language")]
    assert con.execute("SELECT count(*) FROM articles WHERE language = 'de'").fetchone()[0] == len(TEXTS)


def test_reingest_adds_nothing(reference: Path, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "again.duckdb"
    db.write_bytes(reference.read_bytes())
    before = content(db)
    main(["ingest", str(corpus / "corpus.jsonl"), "--db", str(db), "--workers", "1", "--progress", "none"])
    assert content(db) == before


def test_killed_ingest_resumes_to_the_same_content(reference: Path, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "killed.duckdb"
    cmd = [sys.executable, "-m", "lagebild", "ingest", str(corpus / "corpus.jsonl"), "--db", str(db),
           "--workers", "1", "--batch-size", "1", "--progress", "plain"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stderr:
            if line.startswith("batch committed"):
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    con = duckdb.connect(str(db), read_only=True)
    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert 0 < stored < len(TEXTS)  # killed in the middle, committed batches kept
    done = subprocess.run(cmd[:-1] + ["none"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr  # the rejects again
    assert f"{stored} already stored" in done.stderr
    assert content(db) == content(reference)


def test_query_and_export_commands(reference: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["events", "--db", str(reference), "--format", "json"]) == 0
    assert main(["stories", "--db", str(reference), "--format", "csv"]) == 0
    assert main(["sql", "SELECT count(*) AS n FROM articles", "--db", str(reference), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert f"n\n{len(TEXTS)}\n" in out
    assert main(["sql", "DROP TABLE articles", "--db", str(reference)]) == 2  # read-only
    assert main(["export", "--db", str(reference), "--format", "plover-jsonl", "-o", str(tmp_path / "e.jsonl")]) == 0
    assert main(["export", "--db", str(reference), "--format", "gdelt-tsv", "-o", str(tmp_path / "e.tsv")]) == 0
    assert main(["export", "--db", str(reference), "--format", "parquet", "-o", str(tmp_path / "pq")]) == 0
    lines = (tmp_path / "e.tsv").read_text(encoding="utf8").splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert sorted(p.stem for p in (tmp_path / "pq").iterdir()) == sorted(schema.TABLES)


def test_dask_backend_gives_the_same_content(reference: Path, corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="optional extra lagebild[dask] not installed")
    db = tmp_path / "dask.duckdb"
    code = main(["ingest", str(corpus / "corpus.jsonl"), "--db", str(db), "--workers", "1", "--backend", "dask",
                 "--batch-size", "4", "--progress", "none"])
    assert code == 1
    assert content(db) == content(reference)
