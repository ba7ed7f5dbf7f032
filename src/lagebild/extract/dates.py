"""Dates: German date expressions resolved against the article date, and the date of an event.

Recognition is a set of regular expressions over the text (weekdays, relative days, "vergangene Woche", "Anfang/
Mitte/Ende Dezember", "im März", "Ende 2015", "im Jahr 2011", "seit 2011", "14. Dezember", "14.12.2016", "13.12.").
Explicit calendar dates are resolved with `dateparser` (relative to the article date); weekdays, relative and partial
expressions with lagebild's own rules, because dateparser returns nothing for "am Donnerstag" and reads "13.12." as a
time. Month and weekday names come from babel (CLDR). A weekday means the most recent such day on or before the
article date, unless the clause speaks of the future ("kommenden", "nächsten", "werden ... stattfinden").

Confidence: 0.9 for explicit calendar dates, 0.8 for weekdays and relative days, 0.6 for partial expressions
(Anfang/Mitte/Ende, bare years) and the article-date fallback is 0.5.
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import get_day_names, get_month_names
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from lagebild.model import DateRef

MONTHS = {name.lower(): i for i, name in get_month_names("wide", locale="de").items()}
MONTHS.update({name.lower().rstrip("."): i for i, name in get_month_names("abbreviated", locale="de").items()})
MONTHS["jänner"] = 1  # Austrian
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in get_day_names("wide", locale="de").items()}  # Montag = 0
MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS if len(m) >= 3), key=len, reverse=True))
WEEKDAY_RE = "|".join(WEEKDAYS)
DAYPART = r"(?:morgen|vormittag|mittag|nachmittag|abend|nacht)"
YEAR = r"(?:1[89]\d\d|20\d\d)"

FUTURE_WORDS = {"kommend", "nächst", "bevorstehend", "geplant", "anstehend", "folgend"}
FUTURE_LEMMAS = {"werden", "sollen", "wollen", "planen", "ankündigen", "beabsichtigen", "vorhaben"}

_F = re.IGNORECASE
PATTERNS: list[tuple[str, re.Pattern]] = [
    # 14.12.2016, 14. 12. 2016
    ("numeric_full", re.compile(rf"\b(\d{{1,2}})\.\s?(\d{{1,2}})\.\s?({YEAR}|\d\d)\b")),
    # 13.12. (no year)
    ("numeric_short", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(?!\s?\d)")),
    # 14. Dezember (2016)
    ("day_month", re.compile(rf"\b(\d{{1,2}})\.\s*({MONTH_RE})\b(?:\s+({YEAR})\b)?", _F)),
    # Anfang/Mitte/Ende Dezember (2016)
    ("part_month", re.compile(rf"\b(Anfang|Mitte|Ende)\s+({MONTH_RE})\b(?:\s+({YEAR})\b)?", _F)),
    # Ende 2015, Anfang des Jahres 2015
    ("part_year", re.compile(rf"\b(Anfang|Mitte|Ende)\s+(?:des\s+Jahres\s+)?({YEAR})\b", _F)),
    # im März (2010), seit Juni, bis Mai
    ("month", re.compile(rf"\b(?:(im|seit|bis|ab|vom|zum|Monat)\s+)?({MONTH_RE})\b(?:\s+({YEAR})\b)?", _F)),
    # im Jahr 2011, seit 2011, 1999
    ("year", re.compile(rf"\b(?:(im\s+Jahre?|seit\s+dem\s+Jahre?|seit|bis|ab|Jahr|Jahres|von)\s+)?({YEAR})\b", _F)),
    # in der Nacht zum Donnerstag / zu heute
    ("night", re.compile(rf"\bin\s+der\s+Nacht\s+(?:zum|zu|auf\s+den|auf)\s+({WEEKDAY_RE}|heute|gestern|morgen)\b", _F)),
    # am (frühen/vergangenen ...) Donnerstag(abend), Donnerstagabend
    ("weekday", re.compile(rf"\b(?:(am|vom|seit|bis|ab|vergangenen|letzten|kommenden|nächsten|diesen)\s+)?"
                           rf"(?:(frühen|späten|heutigen|gestrigen|vergangenen|letzten|kommenden|nächsten|"
                           rf"morgigen)\s+)?({WEEKDAY_RE})({DAYPART})?\b", _F)),
    # gestern, heute, morgen (not "am Morgen"), vorgestern, übermorgen; am heutigen Tag
    ("relday", re.compile(r"\b((?i:vorgestern|gestern|heute|übermorgen)|(?<![Aa]m )morgen)(?:\s?(?:abend|nachmittag|"
                          r"vormittag|früh|mittag|morgen|nacht))?\b")),
    # vergangene/letzte/kommende Woche, vergangenes Wochenende, am Wochenende
    ("week", re.compile(r"\b(vergangene|letzte|kommende|nächste|diese|vorige|am|vergangenes|letztes|kommendes|"
                        r"nächstes|dieses)[nrs]?\s+(Woche|Wochenende|Monat|Jahr)\b", _F)),
    # vor zwei Wochen, vor drei Tagen, vor einem Jahr
    ("ago", re.compile(r"\bvor\s+(einem|einer|ein\s+paar|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|"
                       r"zwölf|\d+)\s+(Tag|Tagen|Woche|Wochen|Monat|Monaten|Jahr|Jahren)\b", _F)),
    ("yearpart", re.compile(r"\b(zum|zu)\s+(Jahresende|Jahresbeginn|Jahresanfang)\b", _F)),
]
NUMBERS = {"einem": 1, "einer": 1, "ein paar": 3, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
           "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12}


def _month_start(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def _shift_months(d: dt.date, months: int) -> dt.date:
    m = d.month - 1 + months
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def _weekday_date(base: dt.date, weekday: int, future: bool, strict_past: bool = False) -> dt.date:
    if future:
        delta = (weekday - base.weekday()) % 7 or 7
        return base + dt.timedelta(days=delta)
    delta = (base.weekday() - weekday) % 7
    if strict_past and delta == 0:
        delta = 7
    return base - dt.timedelta(days=delta)


def _future_context(doc: Doc, span: Span | None) -> bool:
    """Does the clause of the expression speak of the future? "werden" + infinitive, present "sollen"/"wollen"
    + infinitive, or "geplant"/"kommend"/"nächst" next to the expression."""
    if span is None:
        return False
    verb = _clause_verb(span.root)
    for t in [verb, *verb.children]:
        if t.lemma_ in ("werden", "sollen", "wollen") and "Tense=Past" not in str(t.morph) and \
                t.tag_ in ("VAFIN", "VMFIN") and verb.tag_ in ("VVINF", "VAINF", "VMINF"):
            return True
    window = doc[max(0, span.start - 3):min(len(doc), span.end + 3)]
    return any(t.lower_.startswith(tuple(FUTURE_WORDS)) for t in window)


def _clause_verb(tok: Token) -> Token:
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "aux:pass", "cop"):
            return t
        if t.head is t:
            return t
        t = t.head
    return t


def _year_for(base: dt.date, month: int, day: int | None, future: bool) -> int:
    """A day/month without a year: the occurrence before the article date, or after it in future context."""
    d = day or 1
    try:
        this = dt.date(base.year, month, min(d, 28) if day is None else d)
    except ValueError:
        this = dt.date(base.year, month, 28)
    if future:
        return base.year if this >= base or (day is None and month == base.month) else base.year + 1
    if day is None:
        return base.year if month <= base.month else base.year - 1
    return base.year if this <= base else base.year - 1


def _parse_explicit(text: str, base: dt.date) -> dt.date | None:
    """Calendar dates with day, month and year: dateparser, then a plain fallback."""
    try:
        import dateparser

        r = dateparser.parse(text, languages=["de"], settings={
            "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day), "DATE_ORDER": "DMY",
            "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]})
        return r.date() if r else None
    except Exception:  # dateparser raises on odd input; our own rules still apply
        return None


def _resolve(kind: str, m: re.Match, base: dt.date, future: bool) -> tuple[dt.date, str, float, dt.date | None] | None:
    g = m.groups()
    end_value = None
    if kind == "numeric_full":
        day, month, year = int(g[0]), int(g[1]), int(g[2])
        year = year + 2000 if year < 100 and year < 50 else (year + 1900 if year < 100 else year)
        d = _parse_explicit(f"{day}.{month}.{year}", base)
        try:
            return (d or dt.date(year, month, day)), "day", 0.9, None
        except ValueError:
            return None
    if kind == "numeric_short":
        day, month = int(g[0]), int(g[1])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        try:
            return dt.date(_year_for(base, month, day, future), month, day), "day", 0.8, None
        except ValueError:
            return None
    if kind == "day_month":
        day, month = int(g[0]), MONTHS[g[1].lower()]
        year = int(g[2]) if g[2] else _year_for(base, month, day, future)
        d = _parse_explicit(f"{day}. {g[1]} {year}", base) if g[2] else None
        try:
            return (d or dt.date(year, month, day)), "day", 0.9 if g[2] else 0.85, None
        except ValueError:
            return None
    if kind == "part_month":
        month = MONTHS[g[1].lower()]
        year = int(g[2]) if g[2] else _year_for(base, month, None, future)
        return _month_start(year, month), "month", 0.7, None
    if kind == "part_year":
        return dt.date(int(g[1]), 1, 1), "year", 0.6, None
    if kind == "month":
        prep = (g[0] or "").lower()
        if g[1].lower() in ("mai",) and not prep and not g[2]:
            return None  # "Mai" alone is often a name
        if not prep and not g[2] and len(g[1]) < 4:
            return None  # abbreviations only with a preposition or a year
        month = MONTHS[g[1].lower()]
        year = int(g[2]) if g[2] else _year_for(base, month, None, future and prep != "seit")
        if prep == "seit":
            end_value = base
        return _month_start(year, month), "month", 0.75 if (prep or g[2]) else 0.55, end_value
    if kind == "year":
        prep = (g[0] or "").lower()
        year = int(g[1])
        if prep.startswith("seit"):
            end_value = base
        return dt.date(year, 1, 1), "year", 0.75 if prep else 0.5, end_value
    if kind == "night":
        target = g[0].lower()
        if target in WEEKDAYS:
            return _weekday_date(base, WEEKDAYS[target], future), "day", 0.8, None
        offset = {"heute": 0, "gestern": -1, "morgen": 1}[target]
        return base + dt.timedelta(days=offset), "day", 0.8, None
    if kind == "weekday":
        pre, adj, wd = (g[0] or "").lower(), (g[1] or "").lower(), g[2].lower()
        if adj == "heutigen":
            return base, "day", 0.9, None
        if adj == "gestrigen":
            return base - dt.timedelta(days=1), "day", 0.9, None
        if adj == "morgigen":
            return base + dt.timedelta(days=1), "day", 0.9, None
        fut = future or pre in ("kommenden", "nächsten") or adj in ("kommenden", "nächsten")
        past = pre in ("vergangenen", "letzten") or adj in ("vergangenen", "letzten")
        return _weekday_date(base, WEEKDAYS[wd], fut and not past, strict_past=past), "day", 0.8, None
    if kind == "relday":
        offset = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}[g[0].lower()]
        return base + dt.timedelta(days=offset), "day", 0.85, None
    if kind == "week":
        which, unit = g[0].lower(), g[1].lower()
        sign = 1 if which.startswith(("kommend", "nächst")) else (0 if which.startswith(("dies", "am")) else -1)
        if unit == "woche":
            return base + dt.timedelta(days=7 * sign), "day", 0.5, None
        if unit == "wochenende":
            # the weekend on or before the article date (Saturday/Sunday), or the next one
            sat = _weekday_date(base, 5, future=sign > 0)
            if sign == 0 and base.weekday() == 6:
                return base, "day", 0.6, None
            return sat, "day", 0.55, None
        if unit == "monat":
            return _shift_months(base, sign), "month", 0.7, None
        if unit == "jahr":
            return dt.date(base.year + sign, 1, 1), "year", 0.7, None
    if kind == "ago":
        n = NUMBERS.get(g[0].lower(), None)
        if n is None:
            n = int(g[0]) if g[0].isdigit() else 1
        unit = g[1].lower()
        if unit.startswith("tag"):
            return base - dt.timedelta(days=n), "day", 0.7, None
        if unit.startswith("woche"):
            return base - dt.timedelta(days=7 * n), "day", 0.6, None
        if unit.startswith("monat"):
            return _shift_months(base, -n), "month", 0.6, None
        return dt.date(base.year - n, 1, 1), "year", 0.6, None
    if kind == "yearpart":
        month = 12 if g[1].lower() == "jahresende" else 1
        year = base.year if month == 12 or future else base.year
        return _month_start(year, month), "month", 0.6, None
    return None


def find_dates(doc: Doc) -> list[DateRef]:
    base = doc._.lb_article_date if Doc.has_extension("lb_article_date") else None
    if isinstance(base, dt.datetime):
        base = base.date()
    text = doc.text
    taken: list[tuple[int, int]] = []
    found: list[DateRef] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "year" and not m.group(1):
                # a bare year, not a count ("2000 Soldaten"): no noun right after it
                span = doc.char_span(s, e, alignment_mode="expand")
                nxt = doc[span.end] if span is not None and span.end < len(doc) else None
                if nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN") and nxt.text[:1] != "(":
                    continue
            if base is None:
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            resolved = _resolve(kind, m, base, _future_context(doc, span))
            if resolved is None:
                continue
            value, precision, conf, end_value = resolved
            taken.append((s, e))
            found.append(DateRef(value=value.isoformat(), precision=precision, text=m.group(0), start=s, end=e,
                                 end_value=end_value.isoformat() if end_value else None, confidence=conf))
    # "am gestrigen Montag, dem 21. Juli 2008": an explicit date in apposition restates the weekday
    found.sort(key=lambda d: d.start or 0)
    return found


@Language.component("lagebild_dates")
def lagebild_dates(doc: Doc) -> Doc:
    if doc._.lb_dates is None:
        doc._.lb_dates = []
    doc._.lb_dates.extend(find_dates(doc))
    return doc


# ---------------------------------------------------------------------------------------------- event date

def _article_date_ref(doc: Doc) -> DateRef | None:
    base = doc._.lb_article_date
    if base is None:
        return None
    if isinstance(base, dt.datetime):
        base = base.date()
    return DateRef(value=base.isoformat(), precision="day", text=None, start=None, end=None, from_article_date=True,
                   confidence=0.5)


def event_date(doc: Doc, trigger_token: Token) -> DateRef | None:
    """The date expression governing the trigger's clause, else the article date (from_article_date=True)."""
    sent = trigger_token.sent
    in_sent = [d for d in doc._.lb_dates or [] if d.start is not None and sent.start_char <= d.start < sent.end_char]
    if in_sent:
        trig_verb = _clause_verb(trigger_token)
        attached = []
        for d in in_sent:
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is None:
                continue
            head = span.root
            if head.head == trigger_token or _clause_verb(head) in (trigger_token, trig_verb):
                attached.append(d)
            elif any(t == trigger_token for t in head.ancestors) and head.head.pos_ in ("NOUN", "PROPN"):
                attached.append(d)
        if not attached and len(in_sent) > 1:
            # several dates, none attached by the parse: the nearest one before the trigger
            before = [d for d in in_sent if d.start < trigger_token.idx]
            in_sent = before[-1:] if before else in_sent[:1]
        chosen = attached or (in_sent if len(in_sent) == 1 else [])
        if chosen:
            # the most specific expression wins ("am gestrigen Montag, dem 21. Juli 2008")
            rank = {"day": 0, "month": 1, "year": 2}
            best = min(chosen, key=lambda d: (rank.get(d.precision, 3), -d.confidence))
            conf = best.confidence if best in attached else best.confidence * 0.85
            return DateRef(**{**best.__dict__, "confidence": round(conf, 3)})
    if INHERIT:
        inherited = _inherited(doc, trigger_token)
        if inherited is not None:
            return inherited
    return _article_date_ref(doc)


INHERIT = True


def _is_past(tok: Token) -> bool:
    verb = _clause_verb(tok)
    if "Tense=Past" in str(verb.morph) or verb.tag_ == "VVPP":
        return not any(c.lemma_ == "werden" and c.dep_ == "aux" and "Tense=Past" not in str(c.morph)
                       for c in verb.children)
    return any("Tense=Past" in str(c.morph) for c in verb.children if c.dep_ in ("aux", "aux:pass"))


def _inherited(doc: Doc, trigger_token: Token) -> DateRef | None:
    """A past-tense clause without a date of its own continues the time of the narrative before it: the last
    day/month date of the same paragraph (not ranges like "seit 2011")."""
    if not _is_past(trigger_token):
        return None
    sent = trigger_token.sent
    cut = doc.text.rfind("\n\n", 0, sent.start_char)
    para_start = cut + 2 if cut >= 0 else 0
    prev = [d for d in doc._.lb_dates or [] if d.start is not None and para_start <= d.start < sent.start_char
            and d.precision in ("day", "month") and d.end_value is None]
    if not prev:
        return None
    d = prev[-1]
    return DateRef(**{**d.__dict__, "confidence": round(d.confidence * 0.6, 3)})
