"""Casualty and other figures: German numerals → value with bounds, what they count, running totals.

The component `lagebild_figures` fills `doc._.lb_figures` with `Figure` records:

- numerals "310.000", "1,2 Millionen", "12", number words "dreihundert", "zwei Dutzend", vague plurals "Dutzende",
  "Tausende" (bounds from `resources/figures/numbers.json`), with qualifiers "mindestens", "mehr als", "rund",
  "bis zu", "knapp" setting `low`/`high`;
- `kind` (dead, injured, displaced, arrested, evacuated) from the counted noun ("zwölf Tote"), the number's governing
  verb in the parse ("... Menschen getötet"), or, robust to parse errors, the nearest kind word of the same clause
  (`resources/figures/kinds.tsv`);
- `cumulative=True` with a `period` text when the clause states a running total ("seit Beginn des Krieges im Jahr
  2011", "insgesamt", "bislang"; `resources/figures/cumulative.tsv`). Such figures are never an event's toll.

`event_toll(doc, trigger_token)` is the contract function for the event coder.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from lagebild.model import Figure

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "figures"

KINDS = ("dead", "injured", "displaced", "arrested", "evacuated")
_DIGITS_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_DIGITS = re.compile(r"^\d+$")
_DECIMAL = re.compile(r"^\d+,\d+$")
_SENTENCE_FINAL = re.compile(r"^\d{1,3}(?:\.\d{3})*\.$")
_CLAUSE_OPENERS = {"ART", "APPR", "APPRART", "APPR_ART", "PPER", "PDS", "PIS", "PIAT", "PAV", "PWAV", "PWS", "KOUS"}
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_ARTICLES = {"ein", "eine", "einen", "einem", "einer", "eins"}
_YEAR_CONTEXT = {"im", "jahr", "jahre", "jahres", "jahren", "seit", "bis", "von", "ab", "ende", "anfang", "mitte",
                 "sommer", "herbst", "winter", "frühjahr", "frühling", "januar", "februar", "märz", "april", "mai",
                 "juni", "juli", "august", "september", "oktober", "november", "dezember", "jänner", "zwischen",
                 "und", "vor", "nach", "um", "des", "dem", "wahl", "wahlen"}
_CLAUSE_BOUNDARY = {",", ";", ":", ".", "!", "?", "(", ")", "–", "-", "—", "„", "“", '"', "»", "«"}
_PERIOD_WORDS = {"des", "der", "dem", "den", "im", "in", "am", "vom", "von", "jahr", "jahre", "jahres", "jahren",
                 "seit", "anfang", "ende", "mitte", "beginn"}


@dataclass
class _Lexicon:
    units: dict[str, int]
    tens: dict[str, int]
    multipliers: dict[str, int]
    dozen: dict[str, int]
    scales: dict[str, float]
    vague: dict[str, tuple[float, float]]
    qualifiers: dict[tuple[str, ...], tuple[float | None, float | None, str]]
    kinds: list[tuple[str, list[re.Pattern]]]
    cumulative: list[list[str]]


@functools.lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    data = json.loads((RESOURCES / "numbers.json").read_text(encoding="utf8"))
    quals = {tuple(k.split()): (v[0], v[1], v[2]) for k, v in data["qualifiers"].items() if not k.startswith("_")}
    kinds: list[tuple[str, list[re.Pattern]]] = []
    for line in (RESOURCES / "kinds.tsv").read_text(encoding="utf8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, pattern = line.split("\t")
        kinds.append((kind, [re.compile(p) for p in pattern.split(" ")]))
    cumulative = [line.split() for line in (RESOURCES / "cumulative.tsv").read_text(encoding="utf8").splitlines()
                  if line.strip() and not line.startswith("#")]
    return _Lexicon(units=data["units"], tens=data["tens"], multipliers=data["multipliers"], dozen=data["dozen"],
                    scales=data["scales"], vague={k: (v[0], v[1]) for k, v in data["vague"].items()},
                    qualifiers=quals, kinds=kinds, cumulative=cumulative)


def parse_number_word(word: str) -> int | None:
    """Value of a German cardinal number word ("dreihundert", "einundzwanzig", "zweitausendfünf"), else None."""
    lex = lexicon()
    w = word.lower()
    if not w or not w.isalpha():
        return None
    if w in lex.units:
        return lex.units[w]
    if w in lex.tens:
        return lex.tens[w]
    for mword in ("tausend", "hundert"):
        pos = w.find(mword)
        if pos >= 0:
            left, right = w[:pos], w[pos + len(mword):]
            lval = 1 if left in ("", "ein") else parse_number_word(left)
            rval = 0 if right == "" else parse_number_word(right.removeprefix("und"))
            if lval is None or rval is None:
                return None
            return lval * lex.multipliers[mword] + rval
    if "und" in w:  # einundzwanzig
        unit, _, ten = w.partition("und")
        unit = "ein" if unit == "eins" else unit
        if (unit in lex.units or unit == "ein") and ten in lex.tens:
            return (1 if unit == "ein" else lex.units[unit]) + lex.tens[ten]
    return None


def _digit_value(text: str) -> float | None:
    if _DIGITS_THOUSANDS.match(text):
        return float(text.replace(".", ""))
    if _DIGITS.match(text):
        return float(text)
    if _DECIMAL.match(text):
        return float(text.replace(",", "."))
    return None


def _is_year(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if not _YEAR.match(tok.text):
        return False
    prev = doc[i - 1].text.lower() if i > 0 else ""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if prev in _YEAR_CONTEXT:
        return True
    # "2000 Menschen": a capitalised noun after it makes it a count, anything else reads as a year
    return not (nxt is not None and nxt.text[:1].isupper() and nxt.text.isalpha())


@dataclass
class _Num:
    start: int  # token index of the first token (qualifier included)
    num_start: int
    end: int  # exclusive
    value: float | None
    low: float | None
    high: float | None


def _match_number(doc: Doc, i: int) -> _Num | None:
    """A number starting at token i (without its qualifier)."""
    lex = lexicon()
    tok = doc[i]
    low_text = tok.text.lower()
    nxt = doc[i + 1].text.lower() if i + 1 < len(doc) else ""
    value: float | None = None
    end = i + 1
    val = _digit_value(tok.text)
    if val is None and _SENTENCE_FINAL.match(tok.text) and (
            i + 1 == len(doc) or doc[i + 1].is_space or
            doc[i + 1].text[:1].isupper() and doc[i + 1].tag_ in _CLAUSE_OPENERS):
        # "stieg auf 45. Am Montag ...": the tokenizer keeps the full stop as an ordinal's; before a capitalised
        # article, preposition or pronoun that opens the next sentence it ends this one ("am 3. Dezember", "vom
        # 16. bis 18. Juni" stay dates)
        val = _digit_value(tok.text[:-1])
    if val is not None:
        if tok.text[:1] == "0" and len(tok.text) > 1 or _is_year(doc, i):
            return None
        if i + 1 < len(doc) and doc[i + 1].text in {".", ":"} and i + 2 < len(doc) and \
                _DIGITS.match(doc[i + 2].text):
            return None  # times and odd dates
        value = val
    elif low_text in lex.vague:
        lo, hi = lex.vague[low_text]
        if low_text.startswith("millionen") and i > 0 and (_digit_value(doc[i - 1].text) is not None
                                                            or parse_number_word(doc[i - 1].text) is not None):
            return None  # the scale word of the previous number
        return _Num(i, i, i + 1, float(lo), float(lo), float(hi))
    else:
        word = parse_number_word(low_text)
        if word is None:
            return None
        if low_text in _ARTICLES and nxt not in lex.scales and nxt not in lex.dozen and \
                not (i + 1 < len(doc) and doc[i + 1].text[:1].isupper() and _kind_at(doc, i + 1, len(doc))):
            return None  # an article, not a number ("einen Toten", "ein Todesopfer" count one)
        if low_text in ("tausend", "hundert") and i > 0 and parse_number_word(doc[i - 1].text) is not None:
            return None
        value = float(word)
    # scale words and "Dutzend": "1,2 Millionen", "zwei Dutzend"
    if nxt in lex.scales and not (nxt in ("tausend", "hundert") and _digit_value(tok.text) is None):
        value *= lex.scales[nxt]
        end = i + 2
    elif nxt in lex.dozen:
        value *= lex.dozen[nxt]
        end = i + 2
    return _Num(i, i, end, value, value, value)


def _apply_qualifier(doc: Doc, num: _Num) -> _Num:
    lex = lexicon()
    for n in (3, 2, 1):
        if num.num_start - n < 0:
            continue
        phrase = tuple(t.text.lower() for t in doc[num.num_start - n:num.num_start])
        if phrase in lex.qualifiers:
            lo_f, hi_f, _mode = lex.qualifiers[phrase]
            v = num.value or 0.0
            low = float(round(v * lo_f)) if lo_f is not None else None
            high = float(round(v * hi_f)) if hi_f is not None else None
            if num.high is not None and num.high != num.value and hi_f is not None:
                high = num.high  # vague plural keeps its own upper bound
            return _Num(num.num_start - n, num.num_start, num.end, num.value, low, high)
    return num


@functools.lru_cache(maxsize=1)
def _first_words() -> re.Pattern:
    """One pattern for every kind word sequence's first word: most tokens are ruled out with a single match."""
    return re.compile("|".join(f"(?:{pats[0].pattern})" for _, pats in lexicon().kinds))


def _kind_at(doc: Doc, i: int, limit: int) -> tuple[str, int] | None:
    """(kind, length) if a kind word (sequence) starts at token i."""
    if not _first_words().fullmatch(doc[i].text.lower()):
        return None
    for kind, pats in lexicon().kinds:
        if i + len(pats) > limit:
            continue
        if all(p.fullmatch(doc[i + k].text.lower()) for k, p in enumerate(pats)):
            return kind, len(pats)
    return None


def _particle_kind(tok: Token) -> str | None:
    """The kind of a verb with its separated particle: "nahm ... fest" counts arrests ("festnehmen")."""
    prt = next((c.lower_ for c in tok.children if c.dep_ == "compound:prt"), None)
    if prt is None:
        return None
    lemma = prt + tok.lemma_.lower()
    return next((kind for kind, pats in lexicon().kinds if len(pats) == 1 and pats[0].fullmatch(lemma)), None)


def _token_kind(doc: Doc, tok: Token) -> str | None:
    hit = _kind_at(doc, tok.i, len(doc))
    return hit[0] if hit else _particle_kind(tok)


def _kind_of(doc: Doc, num: _Num, sent: Span, number_tokens: set[int]) -> tuple[str | None, float]:
    # 1. the counted noun right after the number, adjectives between ("zwei Dutzend tote Zivilisten", "12 Tote")
    j = num.end
    while j < min(num.end + 3, sent.end):
        if doc[j].text in _CLAUSE_BOUNDARY or j in number_tokens:
            break
        hit = _kind_at(doc, j, sent.end)
        if hit:
            return hit[0], 0.8
        if doc[j].text[:1].isupper():  # the noun itself: stop after it
            break
        j += 1
    # 2. the parse: the number's noun and that noun's governing verb ("... 310.000 Menschen getötet")
    head = doc[num.num_start]
    noun = head.head if head.dep_ in ("nummod", "det", "amod") else head
    for cand in (noun, noun.head):
        if cand.sent == sent and cand.i not in range(num.start, num.end):
            kind = _token_kind(doc, cand)
            if kind:
                return kind, 0.7
        if noun.dep_ not in ("nsubj", "nsubj:pass", "obj", "obl", "nmod"):
            break
    # 3. robust fallback: nearest kind word in the same clause, first to the right, then to the left
    j = num.end
    while j < min(num.end + 10, sent.end):
        if doc[j].text in _CLAUSE_BOUNDARY - {"„", "“", '"', "»", "«"} or j in number_tokens:
            break
        hit = _kind_at(doc, j, sent.end)
        if hit:
            return hit[0], 0.6
        j += 1
    j = num.start - 1
    while j >= max(num.start - 8, sent.start):
        if doc[j].text in _CLAUSE_BOUNDARY or j in number_tokens:
            break
        hit = _kind_at(doc, j, sent.end)
        if hit:
            return hit[0], 0.5
        kind = _particle_kind(doc[j])
        if kind:
            return kind, 0.5
        j -= 1
    return None, 0.5


def _cumulative(doc: Doc, num: _Num, sent: Span) -> str | None:
    """The period text if the number's clause states a running total, else None."""
    # the clause: the sentence, cut at semicolons
    start, end = sent.start, sent.end
    for k in range(num.start - 1, sent.start - 1, -1):
        if doc[k].text == ";":
            start = k + 1
            break
    for k in range(num.end, sent.end):
        if doc[k].text == ";":
            end = k
            break
    words = [t.text.lower() for t in doc[start:end]]
    for i in range(len(words)):
        for marker in lexicon().cumulative:
            if i + len(marker) > len(words):
                continue
            if all((m == "<YEAR>" and _YEAR.match(w)) or m == w for m, w in zip(marker, words[i:i + len(marker)],
                                                                            strict=False)):
                first = start + i
                if first in range(num.start, num.end):
                    continue
                # a comma between marker and number ends the marker's scope, except for a fronted "seit" phrase
                # ("Seit Beginn des Krieges, der 2011 begann, wurden ...")
                lo, hi = sorted((first, num.start))
                if marker[0] != "seit" or first > num.start:
                    if any(t.text == "," for t in doc[lo:hi]):
                        continue
                if marker[0] != "seit":
                    return doc[first:first + len(marker)].text
                # "seit Beginn des Krieges im Jahr 2011": nouns, articles, prepositions, a year
                k = first + 1
                while k < end and k - first < 9:
                    w = doc[k].text
                    if _YEAR.match(w):
                        k += 1
                        break
                    if w.lower() in _PERIOD_WORDS or (w[:1].isupper() and w.isalpha() and k > first + 0):
                        if k in range(num.start, num.end):
                            break
                        k += 1
                        continue
                    break
                return doc[first:k].text
    return None


def find_figures(doc: Doc) -> list[Figure]:
    """All figures of the Doc (the component's work, also usable on a Doc the component did not run on)."""
    nums: list[_Num] = []
    i = 0
    while i < len(doc):
        num = _match_number(doc, i)
        if num is None:
            i += 1
            continue
        nums.append(_apply_qualifier(doc, num))
        i = num.end
    number_tokens = {k for n in nums for k in range(n.start, n.end)}
    sent_index = {s.start: si for si, s in enumerate(doc.sents)}
    figures = []
    for num in nums:
        sent = doc[num.num_start].sent
        kind, conf = _kind_of(doc, num, sent, number_tokens - set(range(num.start, num.end)))
        period = _cumulative(doc, num, sent) if kind else None
        span = doc[num.start:num.end]
        figures.append(Figure(text=span.text, start=span.start_char, end=span.end_char, value=num.value,
                              low=num.low, high=num.high, kind=kind, cumulative=period is not None, period=period,
                              sentence_index=sent_index.get(sent.start), confidence=conf if kind else 0.5))
    return figures


@Language.component("lagebild_figures")
def figures_component(doc: Doc) -> Doc:
    if doc._.lb_figures is None:
        doc._.lb_figures = []
    doc._.lb_figures.extend(find_figures(doc))
    return doc


def _figures(doc: Doc) -> list[Figure]:
    figs = doc._.lb_figures if Doc.has_extension("lb_figures") else None
    return figs if figs else find_figures(doc)


def _as_int(fig: Figure) -> int | None:
    v = fig.value if fig.value is not None else fig.low
    return int(v) if v is not None else None


def event_toll(doc: Doc, trigger_token: Token, look_ahead: bool = True) -> tuple[int | None, int | None]:
    """(dead, injured) stated for the event of `trigger_token`: figures of its sentence, nearest first.

    Running totals (`cumulative`) never count. With `look_ahead`, when the trigger's sentence states no toll, the
    next sentence's toll is taken ("Am Donnerstag kam es zu einem Anschlag. Dabei starben 13 Menschen.").
    """
    from lagebild.extract.quotes import sentence_ranges  # punctuation-based: robust to a weak parser's splits

    all_figs = _figures(doc)
    figs = [f for f in all_figs if f.kind in ("dead", "injured") and not f.cumulative]
    sents = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in sentence_ranges(doc)]
    si = next((k for k, (a, b) in enumerate(sents) if a <= trigger_token.idx < b), None)
    if si is None:
        return None, None
    trig_char = trigger_token.idx

    def pick(index: int) -> tuple[int | None, int | None]:
        a, b = sents[index]
        result: dict[str, int | None] = {"dead": None, "injured": None}
        for kind in result:
            cands = [f for f in figs if a <= f.start < b and f.kind == kind]
            if cands:
                best = min(cands, key=lambda f: abs(f.start - trig_char))
                result[kind] = _as_int(best)
        return result["dead"], result["injured"]

    toll = pick(si)
    if None in toll and look_ahead and si + 1 < len(sents):
        a, b = sents[si]
        own = any(a <= f.start < b and f.kind for f in all_figs)
        if toll == (None, None) and not own and _continues(doc, sents[si + 1], figs):
            toll = pick(si + 1)
        elif toll != (None, None) and _continues(doc, sents[si + 1], figs):
            # "... wurden 18 Menschen getötet. 40 Personen wurden bei dem Attentat verletzt.": the other half of
            # the toll in the sentence that goes on about the event
            nxt = pick(si + 1)
            toll = (toll[0] if toll[0] is not None else nxt[0], toll[1] if toll[1] is not None else nxt[1])
    return toll


# words that tie a sentence to the event told just before it: "Dabei starben 13 Menschen", "Damals wurden fünf
# Menschen getötet", "Im Verlauf der Auseinandersetzungen ...", "bei diesem Luftangriff"
BACK_WORDS = {"dabei", "hierbei", "damals", "dort", "demnach", "insgesamt", "daraufhin", "davon"}
LINK_PREPS = {"bei", "beim", "durch", "infolge", "während", "nach", "verlauf", "zuge"}
DEFINITE = {"dem", "der", "den", "des", "diesem", "dieser", "diesen", "dieses", "jenem", "jener"}


def _continues(doc: Doc, sent_chars: tuple[int, int], figs: list[Figure]) -> bool:
    """Does the next sentence go on about the event before it, so that its toll is that event's? Only with a word
    that refers back (above), or when the sentence opens with its toll ("Zwei Menschen wurden getötet"); a sentence
    that tells a new event of its own ("Bei einem Raketenangriff am Vortag ...", "des Attentats auf ein Flugzeug
    ..., das 73 Todesopfer forderte") keeps its toll."""
    a, b = sent_chars
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not t.is_punct and not t.is_space]
    first_fig = min((f.start for f in figs if a <= f.start < b), default=None)
    if first_fig is None:
        return False
    if any(t.idx == first_fig for t in words[:3]):
        return True  # "18 Menschen sollen dabei getötet worden sein", "Mehr als 200 Einwohner ..."
    for k, t in enumerate(words):
        if t.idx >= first_fig:
            break
        if t.lower_ in BACK_WORDS:
            return True
        nxt = words[k + 1] if k + 1 < len(words) else None
        if t.lower_ in LINK_PREPS and nxt is not None and nxt.lower_ in DEFINITE:
            return True
        if t.lower_ in ("im", "beim") and nxt is not None and nxt.lower_ in ("verlauf", "zuge", "rahmen"):
            return True
    return False
