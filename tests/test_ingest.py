"""Readers of `lagebild ingest`: every bad input becomes a reject with path, line and reason; the rest is read."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
from pathlib import Path

import pytest

from lagebild.ingest.language import check_german
from lagebild.ingest.sources import FieldMap, Reject, parse_date, read_inputs

GERMAN = "Die Bundesregierung kündigte am Dienstag neue Hilfen für die Ukraine an."


def split(paths: list[Path], fm: FieldMap | None = None) -> tuple[list[dict], list[Reject]]:
    got = list(read_inputs([str(p) for p in paths], fm))
    return [g for g in got if isinstance(g, dict)], [g for g in got if isinstance(g, Reject)]


def test_jsonl_malformed_rows_are_rejected_with_line_and_the_rest_read(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_bytes(b'{"text": "Erster Text.", "date": "2016-12-16", "title": "T", "url": "http://x"}\n'
                  b'{"text": "Zweiter Text.", \n'
                  b'\n'
                  b'[1, 2]\n'
                  b'{"body": "kein Textfeld"}\n'
                  b'{"text": "Dritter Text.", "date": "gestern"}\n'
                  b'{"text": "caf\xe9"}\n'
                  b'{"text": "Vierter Text.", "meta": {"d": "16.12.2016"}}\n')
    items, rejects = split([f])
    assert [i["text"] for i in items] == ["Erster Text.", "Vierter Text."]
    assert items[0]["date"] == dt.date(2016, 12, 16) and items[0]["line"] == 1 and items[0]["url"] == "http://x"
    assert [(r.line, r.reason.split(":")[0]) for r in rejects] == [
        (2, "malformed JSON"), (4, "expected a JSON object, got list"), (5, "no text field 'text' (set --text-field)"),
        (6, "date 'gestern' not understood (expected YYYY-MM-DD, RFC 2822 or DD.MM.YYYY)"),
        (7, "not valid UTF-8 (byte 0xe9)")]
    assert all(r.path == str(f) for r in rejects)
    items, _ = split([f], FieldMap(date="meta.d"))
    assert items[-1]["date"] == dt.date(2016, 12, 16)


def test_csv_with_header_and_a_broken_row(tmp_path: Path) -> None:
    f = tmp_path / "c.csv"
    f.write_text('titel;inhalt;datum\nA;"Erster; Text.";2016-12-16\nB;Zweiter Text.\nC;"Dritter\nText.";2017-01-02\n',
                 encoding="utf8")
    items, rejects = split([f], FieldMap(text="inhalt", title="titel", date="datum"))
    assert [(i["title"], i["text"], i["line"]) for i in items] == [("A", "Erster; Text.", 2),
                                                                  ("C", "Dritter\nText.", 4)]
    assert [(r.line, r.reason) for r in rejects] == [(3, "malformed CSV row: 2 fields, expected 3")]


def test_headerless_csv_by_column_number_with_quote_char(tmp_path: Path) -> None:
    f = tmp_path / "news.csv"
    f.write_text("Politik;'Der Landtag beschloss das Gesetz. Es gilt ab \"Montag\".'\nSport;'Ein Tor.'\n",
                 encoding="utf8")
    items, rejects = split([f], FieldMap(text="2", source="1", csv_delimiter=";", csv_quote="'"))
    assert not rejects
    assert [(i["text"], i["source"]) for i in items] == [
        ('Der Landtag beschloss das Gesetz. Es gilt ab "Montag".', "Politik"), ("Ein Tor.", "Sport")]


def test_csv_without_the_text_column_is_rejected_once(tmp_path: Path) -> None:
    f = tmp_path / "c.csv"
    f.write_text("a,b\n1,2\n", encoding="utf8")
    _, rejects = split([f])
    assert len(rejects) == 1 and "no column 'text'" in rejects[0].reason


def test_binary_empty_and_latin1_files_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x7fELF\x00\x00\x01")
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "latin.txt").write_bytes("Grüße aus München".encode("latin-1"))
    (tmp_path / "ok.txt").write_text(GERMAN, encoding="utf8")
    items, rejects = split([tmp_path])
    assert [Path(i["origin"]).name for i in items] == ["ok.txt"]
    reasons = {Path(r.path).name: r.reason for r in rejects}
    assert "binary" in reasons["bin.txt"] and "empty" in reasons["empty.txt"]
    assert "not valid UTF-8" in reasons["latin.txt"]


def test_missing_path_is_a_reject(tmp_path: Path) -> None:
    _, rejects = split([tmp_path / "nope.txt"])
    assert rejects[0].reason == "no such file or directory"


def test_text_dates_front_matter_given_and_mtime_fallback(tmp_path: Path) -> None:
    fm = tmp_path / "a.txt"
    fm.write_text(f"Datum: 2016-12-16\nQuelle: Testblatt\n\n{GERMAN}", encoding="utf8")
    plain = tmp_path / "b.txt"
    plain.write_text(GERMAN, encoding="utf8")
    stamp = dt.datetime(2015, 3, 4, 12).timestamp()
    os.utime(plain, (stamp, stamp))
    items, _ = split([fm, plain])
    assert (items[0]["date"], items[0]["date_source"], items[0]["source"]) == (dt.date(2016, 12, 16), "front-matter",
                                                                               "Testblatt")
    assert items[0]["text"] == GERMAN
    assert (items[1]["date"], items[1]["date_source"]) == (dt.date(2015, 3, 4), "file-mtime")
    items, _ = split([plain], FieldMap(default_date=dt.date(2020, 1, 2)))
    assert (items[0]["date"], items[0]["date_source"]) == (dt.date(2020, 1, 2), "given")


def test_text_yaml_front_matter_fenced_by_dashes(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text(f"---\ntitle: \"Gespräche in Astana\"\ndate: 2016-12-16\nauthor: X\ntags:\n  - Syrien\n---\n\n{GERMAN}",
                 encoding="utf8")
    items, rejects = split([f])
    assert not rejects
    assert (items[0]["date"], items[0]["date_source"], items[0]["title"]) == (dt.date(2016, 12, 16), "front-matter",
                                                                              "Gespräche in Astana")
    assert items[0]["text"] == GERMAN
    rule = tmp_path / "b.txt"  # a text that merely starts with a rule keeps its text
    rule.write_text(f"---\n{GERMAN}\n---\n{GERMAN}", encoding="utf8")
    items, _ = split([rule])
    assert items[0]["text"].startswith("---") and items[0]["date_source"] == "file-mtime"


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    f = tmp_path / "seite.html"
    f.write_text(
        "<html><head><title>Hilfen beschlossen</title><meta name='date' content='2016-12-16'>"
        "<meta property='og:site_name' content='Testzeitung'></head><body><nav>Startseite | Politik | Sport</nav>"
        f"<article><h1>Hilfen beschlossen</h1><p>{GERMAN} Das Paket umfasst Lieferungen von Generatoren und "
        "Medikamenten, teilte das Ministerium in Berlin mit.</p><p>Die Opposition kritisierte den Umfang.</p>"
        "</article><footer>Impressum</footer></body></html>", encoding="utf8")
    items, rejects = split([f])
    assert not rejects
    assert GERMAN in items[0]["text"] and "Impressum" not in items[0]["text"]
    assert items[0]["date"] == dt.date(2016, 12, 16) and items[0]["source"] == "Testzeitung"


def test_rss_entries_with_content_or_summary(tmp_path: Path) -> None:
    f = tmp_path / "feed.xml"
    f.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Testfeed</title>'
        f"<item><title>Eins</title><link>http://x/1</link><description>&lt;p&gt;{GERMAN}&lt;/p&gt;</description>"
        "<pubDate>Fri, 16 Dec 2016 10:00:00 +0100</pubDate></item>"
        "<item><title>Leer</title><link>http://x/2</link></item>"
        "</channel></rss>", encoding="utf8")
    items, rejects = split([f])
    assert [(i["text"], i["title"], i["url"], i["source"], i["line"]) for i in items] == [
        (GERMAN, "Eins", "http://x/1", "Testfeed", 1)]
    assert items[0]["date"] == dt.date(2016, 12, 16)
    assert [(r.line, r.reason) for r in rejects] == [(2, "feed entry without content or summary")]


def test_language_check_rejects_other_languages_but_not_short_german() -> None:
    assert check_german(GERMAN)[2] is None
    assert check_german("Merkel traf Putin in Berlin.")[2] is None
    reason = check_german("The federal government announced new aid for Ukraine on Tuesday.")[2]
    assert reason and "'en'" in reason
    assert check_german("Le gouvernement fédéral a annoncé mardi une nouvelle aide pour l'Ukraine.")[2]


def test_parse_date_formats() -> None:
    assert parse_date("2016-12-16T10:00:00Z") == dt.date(2016, 12, 16)
    assert parse_date("Fri, 16 Dec 2016 10:00:00 +0100") == dt.date(2016, 12, 16)
    assert parse_date("16. Dezember 2016") == dt.date(2016, 12, 16)
    assert parse_date("16.12.2016") == dt.date(2016, 12, 16)


def test_dash_reads_jsonl_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (json.dumps({"text": GERMAN, "date": "2016-12-16"}) + "\nnicht json\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    got = list(read_inputs(["-"]))
    assert got[0]["text"] == GERMAN and got[0]["origin"] == "<stdin>" and got[0]["line"] == 1
    assert isinstance(got[1], Reject) and (got[1].path, got[1].line) == ("<stdin>", 2)


def test_pretty_printed_json_object_and_array(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"body": GERMAN, "date": "2016-12-16"}, indent=2), encoding="utf8")
    (tmp_path / "many.json").write_text(json.dumps([{"body": GERMAN}, 3], indent=2), encoding="utf8")
    items, rejects = split([tmp_path / "one.json", tmp_path / "many.json"], FieldMap(text="body"))
    assert [(Path(i["origin"]).name, i["line"]) for i in items] == [("one.json", None), ("many.json", 1)]
    assert [(r.line, r.reason) for r in rejects] == [(2, "array element 2: expected a JSON object")]
