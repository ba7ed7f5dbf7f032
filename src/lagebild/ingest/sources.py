"""Readers for `lagebild ingest`: files, directories and corpora → items (dicts) or rejects.

An item is a dict with `text`, `date` (datetime.date or None), `date_source`, `title`, `source`, `url`, `origin`
(the path, or "<stdin>") and `line` (line of a JSONL/CSV row, number of a feed entry, None for whole files).
Anything that cannot become an item becomes a `Reject` naming the path, the line and the reason; the readers never
raise for bad input, so one broken row or file never stops a corpus.

Formats are recognised by extension and, failing that, by sniffing the first bytes:
.txt/.text/.md → plain text (front matter, `--date`, else file mtime), .html/.htm → trafilatura main text and
metadata, .jsonl/.ndjson/.json → one JSON object per line (or a JSON array), .csv/.tsv → rows with a header
(or column numbers for headerless files), .rss/.atom/.xml → feed entries (content, else summary).
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lagebild.errors import InputError
from lagebild.ingest.text import decode, parse_front_matter

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson", ".json"}
CSV_EXT = {".csv", ".tsv"}
FEED_EXT = {".rss", ".atom", ".xml"}

csv.field_size_limit(1 << 28)  # news texts in one cell can be long


@dataclass
class Reject:
    path: str
    line: int | None
    reason: str
    stage: str = "read"  # read | language | analyse


@dataclass
class FieldMap:
    """Which field of a JSONL object / CSV row holds what. CSV fields may be 1-based column numbers (no header)."""

    text: str = "text"
    date: str = "date"
    title: str = "title"
    source: str = "source"
    url: str = "url"
    csv_delimiter: str | None = None  # sniffed when None
    csv_quote: str = '"'
    default_date: dt.date | None = None  # --date: overrides everything else
    default_source: str | None = None
    extra: dict = field(default_factory=dict)


_GERMAN_MONTHS = {m: i + 1 for i, m in enumerate(
    ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
     "dezember"])}
_DE_DATE = re.compile(r"^(\d{1,2})\.\s*(\d{1,2}\.|[A-Za-zä]+)\s*(\d{4})")


def parse_date(value: object) -> dt.date | None:
    """ISO dates and datetimes, RFC 2822 (feeds, mail), German "16.12.2016" / "16. Dezember 2016"; else ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float):  # unix time stamp
        return dt.datetime.fromtimestamp(value, dt.UTC).date()
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        pass
    if m := _DE_DATE.match(s):
        day, month, year = m.groups()
        mon = int(month[:-1]) if month.endswith(".") else _GERMAN_MONTHS.get(month.lower())
        if mon:
            try:
                return dt.date(int(year), mon, int(day))
            except ValueError:
                pass
    raise ValueError(f"date {s!r} not understood (expected YYYY-MM-DD, RFC 2822 or DD.MM.YYYY)")


def _item(text: str, origin: str, line: int | None, fm: FieldMap, date: dt.date | None = None,
          date_source: str | None = None, title: str | None = None, source: str | None = None,
          url: str | None = None) -> dict:
    if fm.default_date is not None:
        date, date_source = fm.default_date, "given"
    elif date is None:
        date_source = None
    return {"text": text, "date": date, "date_source": date_source, "title": title or None,
            "source": fm.default_source or source or None, "url": url or None, "origin": origin, "line": line}


def _get(obj: dict, key: str) -> object:
    """A field by name, with dots for nested objects ("meta.date")."""
    cur: object = obj
    for part in key.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur


def _record_item(rec: dict, origin: str, line: int | None, fm: FieldMap) -> dict | Reject:
    text = _get(rec, fm.text)
    if text is None:
        return Reject(origin, line, f"no text field {fm.text!r} (set --text-field)")
    if not isinstance(text, str) or not text.strip():
        return Reject(origin, line, f"empty text in field {fm.text!r}")
    raw_date = _get(rec, fm.date)
    try:
        date = parse_date(raw_date) if fm.default_date is None else None
    except ValueError as exc:
        return Reject(origin, line, str(exc))

    def s(key: str) -> str | None:
        v = _get(rec, key)
        return None if v is None else str(v)

    return _item(text, origin, line, fm, date, "field" if date else None, s(fm.title), s(fm.source), s(fm.url))


# ---------------------------------------------------------------- formats


def read_text_file(path: Path, data: bytes, fm: FieldMap) -> Iterator[dict | Reject]:
    origin = str(path)
    try:
        text = decode(data, origin)
    except InputError as exc:
        yield Reject(origin, None, exc.reason)
        return
    meta, body = parse_front_matter(text)
    if not body.strip():
        yield Reject(origin, None, "empty input: front matter but no text")
        return
    date, date_source = None, None
    if meta.get("date"):
        try:
            date, date_source = parse_date(meta["date"]), "front-matter"
        except ValueError as exc:
            yield Reject(origin, None, f"front matter: {exc}")
            return
    if date is None and fm.default_date is None:
        # the file's mtime is a weak fallback (a copy resets it): marked as such in articles.date_source
        try:
            date = dt.datetime.fromtimestamp(path.stat().st_mtime).date()
            date_source = "file-mtime"
        except OSError:
            pass
    yield _item(body, origin, None, fm, date, date_source, meta.get("title"), meta.get("source"), meta.get("url"))


def read_html(path: Path, data: bytes, fm: FieldMap) -> Iterator[dict | Reject]:
    import trafilatura

    origin = str(path)
    if b"\x00" in data[:8192]:
        yield Reject(origin, None, "binary file (contains NUL bytes), not HTML")
        return
    doc = trafilatura.bare_extraction(data, with_metadata=True)
    if doc is None:
        yield Reject(origin, None, "HTML without extractable main text")
        return
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (d.get("text") or "").strip()
    if not text:
        yield Reject(origin, None, "HTML without extractable main text")
        return
    date = None
    try:
        date = parse_date(d.get("date"))
    except ValueError:
        date = None
    yield _item(text, origin, None, fm, date, "html-metadata" if date else None, d.get("title"),
                d.get("sitename") or d.get("hostname"), d.get("url"))


def read_jsonl(lines: Iterable[bytes], origin: str, fm: FieldMap) -> Iterator[dict | Reject]:
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield Reject(origin, n, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(origin, n, f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(rec, dict):
            yield Reject(origin, n, f"expected a JSON object, got {type(rec).__name__}")
            continue
        yield _record_item(rec, origin, n, fm)


def read_json_file(path: Path, data: bytes, fm: FieldMap) -> Iterator[dict | Reject]:
    """JSONL, or a whole-file JSON document: one object (pretty-printed) or an array of objects."""
    origin = str(path)
    if not data.strip() or b"\x00" in data[:8192]:
        yield Reject(origin, None, "empty input: no text to analyse" if not data.strip() else
                     "binary file (contains NUL bytes), not JSON")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = ""  # JSON Lines: the undecodable lines are rejected one by one
    head = text.lstrip()[:1]
    if head in ("[", "{"):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            if head == "[" or "\n" not in text.strip():
                yield Reject(origin, exc.lineno, f"malformed JSON: {exc.msg} at column {exc.colno}")
                return
            doc = None  # several lines: JSON Lines
        if isinstance(doc, dict):
            yield _record_item(doc, origin, None, fm)
            return
        if isinstance(doc, list):
            for n, rec in enumerate(doc, 1):
                yield _record_item(rec, origin, n, fm) if isinstance(rec, dict) else \
                    Reject(origin, n, f"array element {n}: expected a JSON object")
            return
    yield from read_jsonl(data.splitlines(), origin, fm)


def _column(name: str, header: list[str] | None) -> int | None:
    if name.isdigit():
        return int(name) - 1
    if header is None:
        return None
    try:
        return header.index(name)
    except ValueError:
        return None


def read_csv(path: Path, data: bytes, fm: FieldMap) -> Iterator[dict | Reject]:
    origin = str(path)
    try:
        text = decode(data, origin)
    except InputError as exc:
        yield Reject(origin, None, exc.reason)
        return
    delim = fm.csv_delimiter
    if delim is None:
        if path.suffix.lower() == ".tsv":
            delim = "\t"
        else:
            try:
                delim = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|").delimiter
            except csv.Error:
                delim = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, quotechar=fm.csv_quote, strict=True)
    headerless = fm.text.isdigit()  # column numbers: the file has no header row
    header: list[str] | None = None
    width: int | None = None
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Reject(origin, start, f"malformed CSV row: {exc}")
            # the csv module cannot resynchronise inside a broken quoted field: skip to the next line
            start = reader.line_num + 1
            continue
        line, start = start, reader.line_num + 1
        if not row or all(not c.strip() for c in row):
            continue
        if header is None and not headerless:
            header = [c.strip() for c in row]
            width = len(header)
            if _column(fm.text, header) is None:
                yield Reject(origin, line, f"no column {fm.text!r} in the header {header} (set --text-field)")
                return
            continue
        if width is None:
            width = len(row)
        if len(row) != width:
            yield Reject(origin, line, f"malformed CSV row: {len(row)} fields, expected {width}")
            continue
        rec = {}
        for key in (fm.text, fm.date, fm.title, fm.source, fm.url):
            i = _column(key, header)
            if i is not None and 0 <= i < len(row):
                rec[key] = row[i]
        yield _record_item(rec, origin, line, fm)


def _html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment
    import lxml.html

    try:
        root = lxml.html.fromstring(fragment)
    except Exception:  # noqa: BLE001 - lxml raises several types for junk; fall back to the raw string
        return re.sub(r"<[^>]+>", " ", fragment)
    for br in root.iter("br", "p", "div", "li"):
        br.tail = ("\n" + br.tail) if br.tail else "\n"
    return re.sub(r"[ \t]+", " ", root.text_content()).strip()


def read_feed(path: Path, data: bytes, fm: FieldMap) -> Iterator[dict | Reject]:
    import feedparser

    origin = str(path)
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f"no feed entries ({parsed.get('bozo_exception', 'not RSS/Atom')})"
        yield Reject(origin, None, reason)
        return
    feed_title = parsed.feed.get("title")
    for n, e in enumerate(parsed.entries, 1):
        body = ""
        if e.get("content"):
            body = e.content[0].get("value", "")
        body = body or e.get("summary", "")
        text = _html_to_text(body).strip()
        if not text:
            yield Reject(origin, n, "feed entry without content or summary")
            continue
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        date = dt.date(*stamp[:3]) if stamp else None
        yield _item(text, origin, n, fm, date, "feed" if date else None, e.get("title"), feed_title, e.get("link"))


# ---------------------------------------------------------------- dispatch


def _sniff(path: Path, data: bytes) -> str:
    ext = path.suffix.lower()
    if ext in TEXT_EXT:
        return "text"
    if ext in HTML_EXT:
        return "html"
    if ext in JSONL_EXT:
        return "json"
    if ext in CSV_EXT:
        return "csv"
    if ext in FEED_EXT:
        return "feed"
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        return "feed" if (b"<rss" in head or b"<feed" in head or b"<rdf" in head) else "html"
    if head.startswith(b"<!doctype html") or head.startswith(b"<html"):
        return "html"
    if head.startswith(b"{"):
        return "json"
    return "text"


READERS = {"text": read_text_file, "html": read_html, "json": read_json_file, "csv": read_csv, "feed": read_feed}


def read_file(path: Path, fm: FieldMap) -> Iterator[dict | Reject]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Reject(str(path), None, f"cannot read: {exc.strerror}")
        return
    yield from READERS[_sniff(path, data)](path, data, fm)


def expand(paths: Iterable[str]) -> Iterator[Path | str | Reject]:
    """Files in the given order, directories recursively (sorted, hidden entries skipped), '-' as is."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts):
                    yield f
        elif path.is_file():
            yield path
        else:
            yield Reject(p, None, "no such file or directory")


def read_inputs(paths: Iterable[str], fm: FieldMap | None = None) -> Iterator[dict | Reject]:
    """All items and rejects of the given paths, streamed."""
    fm = fm or FieldMap()
    for p in expand(paths):
        if isinstance(p, Reject):
            yield p
        elif p == "-":
            yield from read_jsonl(sys.stdin.buffer, "<stdin>", fm)
        else:
            yield from read_file(p, fm)
