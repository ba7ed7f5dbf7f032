"""Dates: German date expressions resolved against the article date, and the date of an event.

Recognition is a set of regular expressions over the text (weekdays, relative days, "vergangene Woche", "Anfang/
Mitte/Ende Dezember", "im März", "Ende 2015", "im Jahr 2011", "seit 2011", "14. Dezember", "14.12.2016", "13.12.",
seasons "im vergangenen Herbst" as a range of months, Austrian "heuer", "Jänner", "Feber", "Mittwochfrüh").
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

from lagebild.extract.clauses import clause_ids, clause_kind, clause_start
from lagebild.extract.clauses import clause_verb as _clause_verb
from lagebild.model import DateRef

MONTHS = {name.lower(): i for i, name in get_month_names("wide", locale="de").items()}
MONTHS.update({name.lower().rstrip("."): i for i, name in get_month_names("abbreviated", locale="de").items()})
MONTHS["jänner"] = 1  # Austrian
MONTHS["feber"] = 2  # Austrian
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in get_day_names("wide", locale="de").items()}  # Montag = 0
MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS if len(m) >= 3), key=len, reverse=True))
WEEKDAY_RE = "|".join(WEEKDAYS)
DAYPART = r"(?:morgen|vormittag|mittag|nachmittag|abend|nacht|früh)"  # "Mittwochfrüh" (Austrian)
SEASONS = {"frühjahr": 3, "frühling": 3, "sommer": 6, "herbst": 9, "winter": 12}  # first month
YEAR = r"(?:1[89]\d\d|20\d\d)"

FUTURE_WORDS = {"kommend", "nächst", "bevorstehend", "geplant", "anstehend", "folgend"}
FUTURE_LEMMAS = {"werden", "sollen", "wollen", "planen", "ankündigen", "beabsichtigen", "vorhaben"}

_F = re.IGNORECASE
PATTERNS: list[tuple[str, re.Pattern]] = [
    # 14.12.2016, 14. 12. 2016
    ("numeric_full", re.compile(rf"\b(\d{{1,2}})\.\s?(\d{{1,2}})\.\s?({YEAR}|\d\d)\b")),
    # 13.12. (no year)
    ("numeric_short", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(?!\s?\d)")),
    # "für den 24. und 25. September", "vom 3. bis 5. Mai": the first day, the last as end_value
    ("day_list", re.compile(rf"\b(\d{{1,2}})\.\s*(?:und|bis|-|–|/)\s*(\d{{1,2}})\.\s*({MONTH_RE})\b"
                            rf"(?:\s+({YEAR})\b)?", _F)),
    # 14. Dezember (2016); the genitive "des 11. Septembers 2001"
    ("day_month", re.compile(rf"\b(\d{{1,2}})\.\s*({MONTH_RE})s?\b(?:\s+({YEAR})\b)?", _F)),
    # Anfang/Mitte/Ende Dezember (2016)
    ("part_month", re.compile(rf"\b(Anfang|Mitte|Ende)\s+({MONTH_RE})\b(?:\s+({YEAR})\b)?", _F)),
    # Ende 2015, Anfang des Jahres 2015
    ("part_year", re.compile(rf"\b(Anfang|Mitte|Ende)\s+(?:des\s+Jahres\s+)?({YEAR})\b", _F)),
    # im März (2010), seit Juni, bis Mai
    ("month", re.compile(rf"\b(?:(im|seit|bis|ab|vom|zum|Monat)\s+)?({MONTH_RE})\b(?:\s+({YEAR})\b)?", _F)),
    # im Herbst (2015), im vergangenen Sommer, diesen Winter: the season as a range of months
    ("season", re.compile(rf"\b(?:(im|seit(?:\s+dem)?|bis|ab|diesen|vergangenen|letzten|kommenden|nächsten)\s+)"
                          rf"(?:(vergangenen|letzten|kommenden|nächsten|kommende|vergangene)\s+)?"
                          rf"(Frühjahr|Frühling|Sommer|Herbst|Winter)s?\b(?:\s+(?:des\s+Jahres\s+)?({YEAR})\b)?", _F)),
    # heuer, im heurigen Jahr (Austrian and southern German: this year)
    ("heuer", re.compile(r"\b(?:heuer|heurige[nmrs]?)\b", _F)),
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
    # "der heutige Protestzug", "die gestrige Sitzung": the day as an attribute of a noun
    ("adjday", re.compile(r"\b(heutig|gestrig|vorgestrig|morgig)(?:e|en|er|es|em)\b", _F)),
    # vergangene/letzte/kommende Woche, vergangenes Wochenende, am Wochenende
    ("week", re.compile(r"\b(vergangene|letzte|kommende|nächste|diese|vorige|am|vergangenes|letztes|kommendes|"
                        r"nächstes|dieses)[nrs]?\s+(Woche|Wochenende|Monat|Jahr)\b", _F)),
    # vor zwei Wochen, vor drei Tagen, vor einem Jahr
    ("ago", re.compile(r"\bvor\s+(einem|einer|ein\s+paar|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|"
                       r"zwölf|\d+)\s+(Tag|Tagen|Woche|Wochen|Monat|Monaten|Jahr|Jahren)\b", _F)),
    ("yearpart", re.compile(r"\b(zum|zu)\s+(Jahresende|Jahresbeginn|Jahresanfang)\b", _F)),
]
# adverbs of the present: the event is dated by the article date, and the narrative time before does not carry over
PRESENT_ADVERBS = {"nun", "jetzt", "derzeit", "zurzeit", "inzwischen", "mittlerweile", "bisher", "bislang"}
# adverbs that refer back to the time of the previous date expression; offset in days
ANAPHORIC = re.compile(r"\b(seitdem|seither|damals|zu\s+diesem\s+Zeitpunkt|zu\s+dieser\s+Zeit|zur\s+(?:selben|gleichen)"
                       r"\s+Zeit|am\s+(?:selben|gleichen)\s+Tag|am\s+Tag\s+darauf|tags\s+darauf|am\s+Folgetag|"
                       r"am\s+Vortag)\b", _F)
ANAPHORIC_OFFSET = {"am tag darauf": 1, "tags darauf": 1, "am folgetag": 1, "am vortag": -1}
# a part of the day without its own day ("am späten Abend", "in der Nacht") is a time of the narrative's day
DAYPART_ANAPHOR = re.compile(r"\b(?:am\s+(?:(?:frühen|späten)\s+)?(?:Abend|Nachmittag|Vormittag|Mittag|Morgen)|"
                             r"in\s+der\s+Nacht)\b(?!\s+(?:zum|zu|auf|vo[nm]|des)\b)", _F)
# "zwei Tage später", "Nur Tage später", "wenige Wochen danach": after the previous date expression
LATER = re.compile(r"\b(einen|einem|eine|einer|ein\s+paar|wenige|wenigen|einige|einigen|zwei|drei|vier|fünf|sechs|"
                   r"sieben|acht|neun|zehn|\d+)?\s*(Tag|Tage|Tagen|Woche|Wochen|Monat|Monate|Monaten)\s+"
                   r"(später|danach|darauf)\b", _F)
# a number after these is a count, not a year ("von derzeit 2000 auf 15.000 Soldaten")
QUANTITY_WORDS = {"derzeit", "rund", "etwa", "ca.", "circa", "über", "knapp", "fast", "nur", "insgesamt", "mindestens",
                  "höchstens", "bis", "zu", "auf", "als", "weitere", "noch", "ungefähr", "gut"}
NUMBERS = {"einem": 1, "einer": 1, "einen": 1, "eine": 1, "ein paar": 3, "zwei": 2, "drei": 3, "vier": 4,
           "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12}


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
    chunk = _chunk(span.root)
    # "werden ... zugelassen sein", "wird ... stattfinden": a present "werden" with an infinitive in the clause
    if any(t.lemma_ == "werden" and t.tag_ == "VAFIN" and not _looks_past(t) and "Mood=Sub" not in str(t.morph)
           for t in chunk) and any(t.tag_ in ("VAINF", "VVINF") for t in chunk):
        return True
    window = doc[max(0, span.start - 3):min(len(doc), span.end + 3)]
    if any(t.lower_.startswith(tuple(FUTURE_WORDS)) for t in window):
        return True
    prev = [t.lower_ for t in doc[max(0, span.start - 2):span.start]]
    if "bis" in prev and not _looks_past(verb):
        return True  # "bis zum 20. Juni verlängert": a deadline lies ahead
    # "hatte angekündigt, bei der Wahl im September anzutreten": an announced or planned act lies ahead
    # ... but not the date of the announcing itself ("hatte am Donnerstag angekündigt")
    return any(t.lemma_ in FUTURE_LEMMAS and t.lemma_ not in ("werden", "sollen", "wollen") and t != span.root.head
               and t != verb for t in chunk)


RECENT_DAYS = 45


def _year_for(base: dt.date, month: int, day: int | None, future: bool) -> int:
    """A day/month without a year: the occurrence before the article date, or after it in future context."""
    d = day or 1
    try:
        this = dt.date(base.year, month, min(d, 28) if day is None else d)
    except ValueError:
        this = dt.date(base.year, month, 28)
    if future:
        if this < base and (base - this).days <= RECENT_DAYS:
            # "hatten vereinbart, bis zum 17. Mai abzuziehen" (article of 23 May): a deadline just passed, not one
            # eleven months ahead - a date that far off would be written with its year
            return base.year
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
    if kind == "day_list":
        first, last, month = int(g[0]), int(g[1]), MONTHS[g[2].lower()]
        year = int(g[3]) if g[3] else _year_for(base, month, first, future)
        try:
            return dt.date(year, month, first), "day", 0.85, dt.date(year, month, last)
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
    if kind == "adjday":
        offset = {"vorgestrig": -2, "gestrig": -1, "heutig": 0, "morgig": 1}[g[0].lower()]
        return base + dt.timedelta(days=offset), "day", 0.8, None
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
    if kind == "heuer":
        return dt.date(base.year, 1, 1), "year", 0.8, None
    if kind == "season":
        prep, rel, first = (g[0] or "").lower(), (g[1] or "").lower() or (g[0] or "").lower(), SEASONS[g[2].lower()]
        prep = "seit" if prep.startswith("seit") else prep
        if g[3]:
            year = int(g[3])
        elif prep == "diesen":
            year = base.year
        elif rel.startswith(("vergangen", "letzt")):  # the last such season that has begun and ended
            year = base.year if _month_start(base.year, first) <= _shift_months(base, -3) else base.year - 1
        elif rel.startswith(("kommend", "nächst")) or (future and prep != "seit"):
            year = base.year if _month_start(base.year, first) > base else base.year + 1
        else:  # "im Herbst" of a past-tense clause: the season of this year if it has begun, else last year's
            year = base.year if _month_start(base.year, first) <= base else base.year - 1
        start = _month_start(year, first)
        end = _shift_months(start, 3) - dt.timedelta(days=1)
        return start, "month", 0.6, (base if prep == "seit" else end)
    if kind == "yearpart":
        month = 12 if g[1].lower() == "jahresende" else 1
        year = base.year if month == 12 or future else base.year
        return _month_start(year, month), "month", 0.6, None
    return None


def find_dates(doc: Doc) -> list[DateRef]:
    base = doc._.lb_article_date if Doc.has_extension("lb_article_date") else None
    if isinstance(base, dt.datetime):
        base = base.date()
    text = doc._.lb_text
    taken: list[tuple[int, int]] = []
    found: list[DateRef] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "adjday" and m.group(1).lower() == "heutig":
                span = doc.char_span(s, e, alignment_mode="expand")
                nxt = doc[span.end] if span is not None and span.end < len(doc) else None
                places = doc._.lb_places if Doc.has_extension("lb_places") and doc._.lb_places else []
                if nxt is not None and (nxt.tag_ == "NE" or nxt.pos_ == "PROPN"
                                        or any(p.start == nxt.idx for p in places)):
                    continue  # "in der heutigen Ukraine": present-day, not today
            if kind == "year" and not m.group(1):
                # a bare year, not a count ("2000 Soldaten", "von derzeit 2000 auf 15.000"): no noun right after
                # it, no quantity word before it, no "auf/bis <number>" after it
                span = doc.char_span(s, e, alignment_mode="expand")
                nxt = doc[span.end] if span is not None and span.end < len(doc) else None
                if nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN") and nxt.text[:1] != "(":
                    continue
                prev = doc[span.start - 1] if span is not None and span.start > 0 else None
                if prev is not None and prev.lower_ in QUANTITY_WORDS:
                    continue
                if nxt is not None and nxt.lower_ in ("auf", "bis") and span.end + 1 < len(doc) \
                        and doc[span.end + 1].like_num:
                    continue
            if base is None:
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            try:
                resolved = _resolve(kind, m, base, _future_context(doc, span))
            except (ValueError, OverflowError):
                continue  # outside the calendar ("vor 8000 Jahren", "im Jahr 0"): no event date, not a crash
            if resolved is None:
                continue
            value, precision, conf, end_value = resolved
            taken.append((s, e))
            found.append(DateRef(value=value.isoformat(), precision=precision, text=m.group(0), start=s, end=e,
                                 end_value=end_value.isoformat() if end_value else None, confidence=conf))
    found.sort(key=lambda d: d.start or 0)
    _weekday_appositions(text, found)
    if base is None:
        return found
    # "nun", "inzwischen", "bisher": the present, i.e. the article date
    for tok in doc:
        if tok.lower_ in PRESENT_ADVERBS and tok.pos_ in ("ADV", "ADJ", "ADJD") or \
                (tok.lower_ in PRESENT_ADVERBS and tok.tag_ in ("ADV", "ADJD")):
            s, e = tok.idx, tok.idx + len(tok.text)
            if not any(s < te and ts < e for ts, te in taken):
                found.append(DateRef(value=base.isoformat(), precision="day", text=tok.text, start=s, end=e,
                                     confidence=0.45))
    # "Seitdem", "Damals", "am Tag darauf": the time of the previous date expression
    for m in ANAPHORIC.finditer(text):
        s, e = m.span()
        prev = [d for d in found if d.start is not None and d.end <= s and (d.text or "").lower()
                not in PRESENT_ADVERBS and not ANAPHORIC.fullmatch(d.text or "")]
        if not prev or any(s < te and ts < e for ts, te in taken):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and any(t.lower_ in ("nach", "nachdem", "seit") for t in doc[span.sent.start:span.start]):
            continue  # "musste nach der Drohung fliehen und sucht seitdem Zuflucht": the time of that event
        if m.group(0).lower() == "damals":
            # "back then" lies before the report: not "bis heute" or a date still ahead
            prev = [d for d in prev if d.value and d.value < base.isoformat() and (d.end_value or "") < base.isoformat()]
            if not prev:
                continue
        ante = max(prev, key=lambda d: d.start)
        value = dt.date.fromisoformat(ante.value)
        offset = ANAPHORIC_OFFSET.get(re.sub(r"\s+", " ", m.group(0).lower()), 0)
        precision = ante.precision
        if offset and precision == "day":
            value += dt.timedelta(days=offset)
        word = m.group(0).lower()
        end_value = base.isoformat() if word.startswith("seit") else None
        found.append(DateRef(value=value.isoformat(), precision=precision, text=m.group(0), start=s, end=e,
                             end_value=end_value, confidence=round(ante.confidence * 0.8, 3)))
    found.sort(key=lambda d: d.start or 0)
    _relative_to_previous(text, found, taken)
    return found


APPOSITION = re.compile(r",?\s*(?:den|dem)\s+$")
WEEKDAY_TEXT = re.compile(rf"\b(?:{WEEKDAY_RE})", re.IGNORECASE)


def _weekday_appositions(text: str, found: list[DateRef]) -> None:
    """"bis Freitag, den 14. März 2008", "Am gestrigen Montag, dem 21. Juli": the calendar date after the weekday
    says which one is meant (the weekday alone would be the nearest such day)."""
    for n, d in enumerate(found[:-1]):
        nxt = found[n + 1]
        if d.value is None or nxt.value is None or d.end is None or nxt.start is None or nxt.precision != "day" \
                or not WEEKDAY_TEXT.search(d.text or "") or nxt.start - d.end > 8:
            continue
        if APPOSITION.fullmatch(text[d.end:nxt.start]) and d.value != nxt.value:
            found[n] = DateRef(**{**d.__dict__, "value": nxt.value, "confidence": nxt.confidence})


def _previous_date(found: list[DateRef], start: int) -> DateRef | None:
    """The last calendar date expression before `start` (not a present adverb, not a range)."""
    prev = [d for d in found if d.start is not None and d.end <= start and not d.from_article_date
            and (d.text or "").lower() not in PRESENT_ADVERBS and d.end_value is None]
    return max(prev, key=lambda d: d.start) if prev else None


def _relative_to_previous(text: str, found: list[DateRef], taken: list[tuple[int, int]]) -> None:
    """Parts of a day ("am späten Abend") take the day of the previous date expression; "zwei Tage später" lies
    that far after it (a vague "Tage später" keeps only its month)."""
    added: list[DateRef] = []
    for pattern in (DAYPART_ANAPHOR, LATER):
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken) or \
                    any(d.start is not None and s < d.end and d.start < e for d in found):
                continue
            ante = _previous_date(found + added, s)
            if ante is None or ante.value is None:
                continue
            value, precision = dt.date.fromisoformat(ante.value), ante.precision
            if pattern is DAYPART_ANAPHOR:
                if precision != "day":
                    continue
            else:
                count, unit = m.group(1), m.group(2).lower()
                days = {"t": 1, "w": 7, "m": 30}[unit[0]]
                n = NUMBERS.get(re.sub(r"\s+", " ", count.lower()), None) if count else None
                if count and count.isdigit():
                    n = int(count)
                if n is None or unit.startswith("monat"):
                    value = value + dt.timedelta(days=days * (n or 3))
                    precision = "month" if precision == "day" else precision
                    if precision == "month":
                        value = value.replace(day=1)
                else:
                    value = value + dt.timedelta(days=days * n) if precision == "day" else value
            added.append(DateRef(value=value.isoformat(), precision=precision, text=m.group(0).strip(), start=s,
                                 end=e, confidence=round(ante.confidence * 0.7, 3)))
    if added:
        found.extend(added)
        found.sort(key=lambda d: d.start or 0)


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


def event_date(doc: Doc, trigger_token: Token, plover_type: str | None = None) -> DateRef | None:
    """The date expression governing the trigger's clause, else the article date (from_article_date=True).

    A date counts for the trigger when it lies in the trigger's clause (punctuation/conjunction scope, robust to
    attachment errors) and the parse does not hang it on another noun ("die Erhöhung der Preise im letzten Monat").
    Without one, a past-tense clause continues the narrative time of the text before it (the paragraph; for
    material events - `plover_type` ASSAULT, COERCE, PROTEST, ... - the scene's time anywhere before in the
    article, not the time of a statement about it). A pluperfect clause without a date is undated background:
    None. `plover_type=None` keeps the type-blind behaviour.
    """
    own = _own_date(doc, trigger_token)
    if own is not None:
        return own
    if plover_type is not None and _pluperfect(trigger_token):
        return None  # "Der hatte die Parteien zu Gesprächen gebeten": background before the narrative, undated
    if plover_type is not None and clause_kind(trigger_token) == "inf" and _purpose(trigger_token):
        return None  # "..., um Ausschreitungen zu beenden": a purpose, not a dated happening
    sent = trigger_token.sent
    if any(t.lower_ in PRESENT_ADVERBS and not _attributive(t) for t in sent):
        return _article_date_ref(doc)  # "Inzwischen ..., und die Grenze wurde geschlossen": the present
    if INHERIT:
        inherited = _inherited(doc, trigger_token, plover_type)
        if inherited is not None:
            return inherited
    return _article_date_ref(doc)


INHERIT = True
MATERIAL_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "AID"}
# an "als"/"wo" clause right after a date is that date's clause: "Seit 2003, als man einen Waffenstillstand schloss"
TEMPORAL_RELATIVE = {"als", "wo", "wobei", "während"}


def _relation(head: Token, trigger: Token, trig_verb: Token) -> str:
    """How the parse attaches a date phrase (headed by `head`): 'trigger' (on the trigger or a noun under it),
    'verb' (on the trigger's clause verb), 'noun' (on another noun: that noun's date), 'other' or 'none'."""
    t = head
    for _ in range(12):
        if t.head is t:
            return "none"
        t = t.head
        if t == trigger:
            return "trigger"
        if t == trig_verb:
            return "verb"
        if t.pos_ == "PROPN" or t.tag_ == "NE" or t.ent_type_ in ("LOC", "PER", "ORG"):
            continue  # a date hung on a name ("in Haditha am 19. November") is an attachment error: go on up
        if t.pos_ == "NOUN" and t.dep_ not in ("flat", "compound"):
            if head.i < t.i:
                continue  # a prepositional attribute follows its noun: "am Freitag einen Hafen" is the clause's time
            if any(c.dep_ == "case" and c.lower_ in SETTING_PREPS for c in t.children):
                continue  # "bei der Regierungsbildung am 20. Mai": the occasion's date is the clause's time
            return "noun"
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "aux:pass", "cop"):
            return "other"
    return "none"


def _rank_key(d: DateRef, trigger: Token) -> tuple:
    rank = {"day": 0, "month": 1, "year": 2}
    weak = (d.text or "").lower() in PRESENT_ADVERBS
    doc = trigger.doc
    before = doc._.lb_text[max(0, (d.start or 0) - 12):d.start or 0].lower().split()
    limit = bool(before) and (before[-1] in LIMIT_WORDS or before[-2:-1] == ["bis"])  # "bis zum 20. Juni"
    return (weak, limit, rank.get(d.precision, 3), abs((d.start or 0) - trigger.idx))


# announcing verbs: their event is the announced act (see _own_date)
ANNOUNCE_LEMMAS = {"ankündigen", "ankünden", "planen", "beschließen", "beabsichtigen", "vorhaben", "zusagen",
                   "versprechen", "androhen", "anordnen", "in Aussicht stellen"}
# a noun under these prepositions is the occasion of its clause ("bei den Verhandlungen am Montag")
SETTING_PREPS = {"bei", "beim", "während"}
LIMIT_WORDS = {"bis", "spätestens", "frühestens", "ab"}


def _own_date(doc: Doc, trigger_token: Token) -> DateRef | None:
    sent = trigger_token.sent
    in_sent = [d for d in doc._.lb_dates or [] if d.start is not None and sent.start_char <= d.start < sent.end_char]
    if not in_sent:
        return None
    ids = clause_ids(sent)
    tclause = ids.get(trigger_token.i)
    trig_verb = _clause_verb(trigger_token)
    strong: list[DateRef] = []
    loose: list[DateRef] = []
    for d in in_sent:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None or ids.get(span.root.i) != tclause:
            continue
        if (d.text or "").lower() in PRESENT_ADVERBS and _attributive(span.root):
            continue  # "den bislang gehaltenen Ostteil": the time of an attribute, not of the clause
        rel = _relation(span.root, trigger_token, trig_verb)
        if trigger_token.pos_ == "NOUN" and 0 < span.start - trigger_token.i <= 2 and all(
                t.lower_ in ("vom", "am", "des", "von") for t in doc[trigger_token.i + 1:span.start]):
            rel = "trigger"  # "die Terroranschläge vom 11. März 2004": the noun's own date, whatever the parse
        if rel in ("trigger", "verb"):
            strong.append(d)
        elif rel in ("none", "other") or (_adverbial(d) and not _future_verb(trigger_token)):
            loose.append(d)  # same clause, the parse says nothing better (or cannot be right)
    base = doc._.lb_article_date
    if trigger_token.lemma_ in ANNOUNCE_LEMMAS and base is not None:
        # "hat heute den Abzug zum Jahresende angekündigt": the event coded is the announced act, dated by its
        # target date wherever the parse hangs it in the clause
        target = [d for d in in_sent if d.value and d.value > base.isoformat() and d.end_value is None
                  and (span := doc.char_span(d.start, d.end, alignment_mode="expand")) is not None
                  and ids.get(span.root.i) == tclause]
        if target:
            best = min(target, key=lambda d: _rank_key(d, trigger_token))
            return DateRef(**{**best.__dict__, "confidence": round(best.confidence * 0.8, 3)})
    chosen = strong or loose
    if not chosen:
        return _matrix_date(doc, trigger_token, in_sent, ids)
    best = min(chosen, key=lambda d: _rank_key(d, trigger_token))
    conf = best.confidence if best in strong else best.confidence * 0.85
    return DateRef(**{**best.__dict__, "confidence": round(conf, 3)})


def _purpose(tok: Token) -> bool:
    """The trigger stands in an "um/ohne/statt ... zu" clause."""
    start = clause_start(tok)
    return start is not None and start.lower_ in ("um", "ohne", "statt", "anstatt")


def _attributive(tok: Token) -> bool:
    """An adverb inside an attribute ("den bislang gehaltenen Ostteil"): it times the attribute, not the clause."""
    if tok.head is not tok and (tok.head.tag_ == "ADJA" or tok.head.dep_ in ("amod", "acl")):
        return True
    # by the words, whatever the parse: an adverb right after an article or possessive stands inside a noun phrase
    # ("des inzwischen wieder zurückgetretenen Premierministers")
    prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    return prev is not None and prev.tag_ in ("ART", "APPRART", "PPOSAT", "PDAT", "PIAT")


def _future_verb(tok: Token) -> bool:
    """Is the clause of `tok` in the future ("sollen die Botschaft sichern", "werden ... abziehen")?"""
    verb = _clause_verb(tok)
    if verb.dep_ == "conj" and verb.head is not verb and not any(c.dep_ in ("aux", "aux:pass") for c in verb.children):
        verb = verb.head  # "sollen die Botschaft sichern und die Mitarbeiter in Sicherheit bringen"
    return verb.tag_ in ("VVINF", "VAINF", "VMINF") and any(
        c.lemma_ in ("werden", "sollen", "wollen") and c.tag_ in ("VAFIN", "VMFIN") and not _looks_past(c)
        for c in verb.children)


def _adverbial(d: DateRef) -> bool:
    """Expressions that only ever date a clause, never a noun ("Tage später", "am späten Abend"): a parse that
    hangs them on a noun is wrong."""
    text = d.text or ""
    return bool(LATER.fullmatch(text) or DAYPART_ANAPHOR.fullmatch(text))


def _matrix_date(doc: Doc, trigger_token: Token, in_sent: list[DateRef], ids: dict[int, int]) -> DateRef | None:
    """A subordinate clause without a date of its own that takes the date of the clause it depends on:
    a relative or "als/wo" clause right after a date ("Seit 2003, als man einen Waffenstillstand schloss";
    "eine Demonstration vor zwei Wochen, bei der Soldaten schossen"), and a clause of simultaneity
    ("Am 14. Februar wurden sie entlassen, während der Präsident auf Reisen war")."""
    start = clause_start(trigger_token)
    if start is None or start.i <= trigger_token.sent.start or clause_kind(trigger_token) != "sub":
        return None
    comma = doc[start.i - 1]
    if comma.text == "," and start.lower_ not in SEQUENTIAL:
        for d in in_sent:
            if d.end is not None and 0 <= comma.idx - d.end <= 1:
                return DateRef(**{**d.__dict__, "confidence": round(d.confidence * 0.8, 3)})
    coarse_only = start.lower_ in SEQUENTIAL
    if start.lower_ in SIMULTANEOUS or coarse_only:
        main = []
        # the clause this one follows, of whatever kind: "..., dass er bei der Festnahme am 4. September ... hätte,
        # als er auf ihn schoss"
        before = ids.get(start.i - 2) if start.i - 2 >= trigger_token.sent.start else None
        for d in in_sent:
            if coarse_only and d.precision == "day":
                continue  # "am Montag ..., nachdem ...": the day before is not that day
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is not None and (clause_kind(span.root) in ("main", "cont") or ids.get(span.root.i) == before) \
                    and ids.get(span.root.i) != ids.get(trigger_token.i) \
                    and _relation(span.root, span.root, _clause_verb(span.root)) != "noun":
                main.append(d)
        if main:
            d = min(main, key=lambda d: _rank_key(d, trigger_token))
            return DateRef(**{**d.__dict__, "confidence": round(d.confidence * 0.7, 3)})
    return None


SIMULTANEOUS = {"während", "als", "wobei", "indem", "wie"}
# "im Juni ..., nachdem ...": shortly before or after, within the month or year of the main clause
SEQUENTIAL = {"nachdem", "bevor", "ehe"}


def _chunk(tok: Token) -> list[Token]:
    ids = clause_ids(tok.sent)
    cid = ids.get(tok.i)
    return [t for t in tok.sent if ids.get(t.i) == cid]


def _looks_past(tok: Token) -> bool:
    """A finite verb in the past tense: the morphology, else the form against the lemma (a weak "-te(n)" form or a
    strong form that is no present form of the lemma: "schlugen", "nahm")."""
    if "Tense=Past" in str(tok.morph):
        return True
    if tok.tag_ != "VVFIN":
        return False
    low, lem = tok.lower_, tok.lemma_.lower()
    stem = lem[:-2] if lem.endswith("en") else (lem[:-1] if lem.endswith("n") else lem)
    if low in {lem, *(stem + e for e in ("e", "st", "t", "en", "et", "n", "est"))}:
        return False
    return low.endswith(("te", "ten", "test", "tet")) or not low.endswith("t")


def _is_past(tok: Token) -> bool:
    verb = _clause_verb(tok)
    if verb.tag_ == "VVPP" or _looks_past(verb):
        return not any(c.lemma_ == "werden" and c.dep_ == "aux" and not _looks_past(c) for c in verb.children)
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:pass")]
    if not auxes and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head is not verb \
            and verb.tag_ not in ("VVPP", "VVIZU") and "Tense=" not in str(verb.morph):
        # "umringten die Demonstranten und schlugen ...": a coordinated verb without its own auxiliary shares the
        # tense of the first one (also when the tagger misreads it as an infinitive)
        return _looks_past(verb.head) or any(_looks_past(c) for c in verb.head.children
                                             if c.dep_ in ("aux", "aux:pass"))
    return any(_looks_past(c) for c in auxes)


def _pluperfect(tok: Token) -> bool:
    """'hatte ... gebeten', 'war ... gescheitert' (indicative: "hätten ... getötet" in reported speech is plain past):
    a past-tense haben/sein and a participle in the clause of `tok`."""
    chunk = _chunk(tok)
    aux = [t for t in chunk if t.tag_ == "VAFIN" and t.lemma_ in ("haben", "sein") and "Tense=Past" in str(t.morph)
           and "Mood=Sub" not in str(t.morph) and not t.lower_.startswith(("hätt", "wär"))]
    return bool(aux) and any(t.tag_ == "VVPP" for t in chunk)


def _speech_clause(tok: Token) -> bool:
    return _clause_verb(tok).lemma_ in SPEECH_LEMMAS


SPEECH_LEMMAS = {"sagen", "erklären", "betonen", "mitteilen", "berichten", "melden", "sprechen", "äußern",
                 "ankündigen", "verweisen", "warnen", "fordern", "schreiben", "bestätigen", "dementieren",
                 "zitieren", "heißen", "teilen", "bekanntgeben", "kritisieren", "reden", "verlauten", "verurteilen"}


def _date_flags(doc: Doc, d: DateRef) -> tuple[bool, bool, bool] | None:
    """(dates another noun, in a pluperfect clause, in a speech clause) of a date expression; computed once per
    document, because every event of the article asks for the dates before it."""
    cache = doc.user_data.setdefault(("lagebild", "date_flags"), {})
    key = (d.start, d.end)
    if key not in cache:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            cache[key] = None
        else:
            verb = _clause_verb(span.root)
            cache[key] = (_relation(span.root, span.root, verb) == "noun" and not _adverbial(d), _pluperfect(span.root),
                          _speech_clause(span.root))
    return cache[key]


def _inherited(doc: Doc, trigger_token: Token, plover_type: str | None = None) -> DateRef | None:
    """A past-tense clause without a date of its own continues the time of the narrative before it: the last
    day/month date before it that sets a clause's time (not a range like "seit 2011", not the date of another noun,
    not later than the article date). The paragraph, or for material events the article (the scene's time, not the
    time of statements about it). A pluperfect date does not carry over into a simple past or perfect clause: the
    pluperfect places it before the narrative time."""
    if not _is_past(trigger_token):
        return None
    sent = trigger_token.sent
    material = plover_type in MATERIAL_TYPES
    if material:
        scope_start = 0
    else:
        cut = doc._.lb_text.rfind("\n\n", 0, sent.start_char)
        scope_start = cut + 2 if cut >= 0 else 0
    base = doc._.lb_article_date
    best = None
    for d in doc._.lb_dates or []:
        if d.start is None or not (scope_start <= d.start < sent.start_char):
            continue
        if d.precision not in ("day", "month") or d.end_value is not None:
            continue
        if DAYPART_ANAPHOR.fullmatch(d.text or ""):
            continue  # "am späten Abend" refines the day of its own clause; the narrative goes on from that day's date
        if base is not None and d.value and d.value > base.isoformat():
            continue  # a scheduled date does not date a past event
        if plover_type is not None:
            flags = _date_flags(doc, d)
            if flags is None:
                continue
            of_noun, pluperfect, speech = flags
            if of_noun:
                continue
            if pluperfect:
                continue  # a pluperfect date lies before the narrative time
            if material and speech:
                continue
        best = d
    if best is None:
        return None
    if (best.text or "").lower() in PRESENT_ADVERBS:
        return _article_date_ref(doc)
    return DateRef(**{**best.__dict__, "confidence": round(best.confidence * 0.6, 3)})
