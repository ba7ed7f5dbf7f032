"""Reading plain-text inputs with clear errors: missing path, binary file, wrong encoding, empty text."""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from lagebild.errors import InputError

# optional front matter: "Datum: 2016-12-16", "date: 2016-12-16", "Titel: ...", "Quelle: ..." lines before a blank line
_FRONT = re.compile(r"^(date|datum|title|titel|source|quelle|url)\s*:\s*(.+)$", re.I)
_KEYS = {"datum": "date", "titel": "title", "quelle": "source"}
_YAML_KEY = re.compile(r"^[\w-]+\s*:")


@dataclass
class RawArticle:
    text: str
    origin: str  # path or "<stdin>", with a line number for corpus rows
    date: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None

    def as_item(self) -> dict:
        return {"text": self.text, "date": self.date, "title": self.title, "source": self.source, "url": self.url,
                "origin": self.origin}


def decode(data: bytes, origin: str) -> str:
    if not data.strip():
        raise InputError(origin, "empty input: no text to analyse")
    if b"\x00" in data[:8192]:
        raise InputError(origin, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(origin, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                                 "convert it, e.g. `iconv -f latin1 -t utf-8`") from None
    if not text.strip():
        raise InputError(origin, "empty input: no text to analyse")
    return text


def parse_front_matter(text: str) -> tuple[dict, str]:
    """Split leading `key: value` lines (date/Datum, title/Titel, source/Quelle, url) from the body: either plain
    lines ending in a blank line, or fenced by `---` lines as in Jekyll/Hugo/Pandoc files."""
    meta: dict = {}
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        end = next((k for k in range(1, min(len(lines), 50)) if lines[k].strip() in ("---", "...")), None)
        block = [line.strip() for line in lines[1:end]] if end is not None else []
        # a YAML block of "key: value" lines (other keys such as author or tags are skipped), not a text rule
        if block and all(not line or _YAML_KEY.match(line) or line.startswith(("- ", "#")) for line in block):
            for line in block:
                if (m := _FRONT.match(line)):
                    meta[_KEYS.get(m.group(1).lower(), m.group(1).lower())] = m.group(2).strip().strip("\"'")
            return meta, "\n".join(lines[end + 1:]).lstrip("\n")
    i = 0
    while i < len(lines) and (m := _FRONT.match(lines[i].strip())):
        key = _KEYS.get(m.group(1).lower(), m.group(1).lower())
        meta[key] = m.group(2).strip()
        i += 1
    if not meta or (i < len(lines) and lines[i].strip()):
        return {}, text  # front matter must end with a blank line, else it is body text
    return meta, "\n".join(lines[i + 1:])


def read_text_input(path: str, date: dt.date | None = None) -> RawArticle:
    """Read one text file (or '-' for stdin). Raises InputError naming the path and the reason."""
    if path == "-":
        data = sys.stdin.buffer.read()
        origin = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(path, "no such file")
        if p.is_dir():
            raise InputError(path, "is a directory (use `lagebild ingest` for directories)")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror}") from None
        origin = path
    text = decode(data, origin)
    meta, body = parse_front_matter(text)
    if not body.strip():
        raise InputError(origin, "empty input: front matter but no text")
    art_date = date
    if art_date is None and meta.get("date"):
        try:
            art_date = dt.date.fromisoformat(meta["date"][:10])
        except ValueError:
            raise InputError(origin, f"front-matter date {meta['date']!r} is not YYYY-MM-DD") from None
    return RawArticle(text=body, origin=origin, date=art_date, title=meta.get("title"), source=meta.get("source"),
                      url=meta.get("url"))
