"""Quotes: direct quotes, indirect speech and reported attributions, each with speaker and cue.

The component `lagebild_quotes` fills `doc._.lb_quotes` with `Quote` records:

- Direct: text between quotation marks („…“, "…", »…«, «…», “…”; across sentences), with the cue and speaker
  after it ("…", sagte Putin / "…", so der Diplomat) or before it (Putin sagte: "…"); without a cue in the
  sentence, the speaker of the previous quote nearby carries over.
- Indirect (the corpus's conventions, learned on its train split): a "dass"-clause (with "dass") or a clause
  with a subjunctive verb after a speech verb ("Putin sagte, er sei bereit"), a clause before ", sagte X" /
  ", so X", a zu-infinitive after a cue or particle verb ("forderte X auf, ... zu ..."), a ", dass"-clause after
  any main clause, the previous sentence before "Dies bestätigte X", and attributions: "laut X", "nach Angaben
  X", "X zufolge", "seiner Meinung nach", "demnach", "wie X mitteilte" (the rest of the sentence).
- Reported: a whole sentence about speech without a clause of its own ("Die CDU forderte ..."), cued by the
  forms in `reported.tsv`.
- FreeIndirect / IndirectFreeIndirect: sentences in Konjunktiv I (or with reportative "soll ... haben") without
  a cue of their own; consecutive ones form one quote; the speaker is that of the quote they continue.

The rules work on word forms and punctuation first (robust to parse errors) and use the parse (nsubj) only when
the surface patterns find no speaker. Speech-verb forms come from `resources/quotes/cues.tsv` (learned from the
train split of the Wikinews quotation corpus by `scripts/build_quote_lexicon.py`), subjunctive forms from
`konjunktiv.tsv`, attribution phrases from `attributions.tsv`.

A learned filter (`resources/quotes/filter.json`, logistic regressions trained on the train split by
`scripts/train_quote_filter.py`) then drops candidates that the train split says are mostly wrong, and a learned
speaker ranker picks each kept quote's speaker among candidates from the parse around it (subjects and agents,
names, pronouns, source phrases, the rules' own speaker, the previous quote's speaker), or none when no candidate
scores above its threshold; the rules propose, the models decide. Quotes are computed once per Doc and cached in
`doc.user_data`.

`attribution_for_token(doc, token)` is the contract function for the event coder.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from lagebild.extract.dates import WEEKDAYS
from lagebild.model import ActorRef, Quote

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "quotes"

# quotation marks: opener -> accepted closers
_PAIRS = {"„": {"“", "”", '"'}, "»": {"«"}, "«": {"»"}, '"': {'"'}, "“": {"”"}, "‚": {"‘", "’"}}
_ALL_MARKS = set(_PAIRS) | {c for v in _PAIRS.values() for c in v}
_PRONOUNS = {"er", "sie", "wir", "ich", "man", "ihr", "dieser", "diese", "jener", "beide"}
_DETS = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "sein", "seine",
         "seiner", "seines", "seinem", "seinen", "ihr", "ihre", "ihrer", "ihres", "ihrem", "ihren", "dessen", "deren",
         "zwei", "drei", "mehrere", "viele", "einige", "alle", "beide", "dieser", "diese", "dieses", "diesem",
         "diesen", "unser", "unsere", "kein", "keine"}
_SKIP_ADV = {"auch", "weiter", "zudem", "dazu", "jedoch", "aber", "gestern", "heute", "noch", "bereits", "nun",
             "später", "damals", "außerdem", "ferner", "dagegen", "hingegen", "daraufhin", "dann", "ebenfalls",
             "zuvor", "wörtlich", "abschließend", "anschließend", "erneut", "schon", "kürzlich", "zuletzt", "stets",
             "immer", "mehrfach", "offenbar", "inzwischen", "mittlerweile", "gegenüber", "demnach", "sich", "dabei",
             "jetzt", "ausdrücklich", "öffentlich", "schriftlich", "zunächst", "daher", "deshalb"}
_CAP_STOP = {"Am", "Im", "In", "Auf", "Dann", "Auch", "Zudem", "Dazu", "Damals", "Später", "Heute", "Gestern",
             "Außerdem", "Dabei", "Daraufhin", "Nun", "Jedoch", "Aber", "Und", "Doch", "Nach", "Laut", "Wie", "So",
             "Es", "Dies", "Das", "Die", "Der", "Den", "Dem", "Des", "Ein", "Eine", "Bei", "Mit", "Von", "Vor", "Für",
             "Als", "Wenn", "Weil", "Dass", "Ob", "Seit", "Bis", "Zum", "Zur", "Vom", "Beim", "Montag", "Dienstag",
             "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Wochenende", "Januar", "Februar", "März",
             "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember", "Interview",
             "Pressekonferenz", "Erklärung", "Mitteilung", "Sonntagabend", "Morgen", "Abend", "Rede", "Jahr"}
_SENT_END = {".", "!", "?"}
_AUX = {"hat", "hatte", "haben", "hatten", "habe", "hätte", "ist", "war", "sind", "waren", "wurde", "wurden", "wird",
        "werden", "sei", "seien", "soll", "sollte", "will", "wollte", "kann", "konnte", "muss", "musste"}


@dataclass
class _Lexicon:
    cue_forms: set[str]
    ki: set[str]
    kii: set[str]
    attributions: list[tuple[list[str], str]] = field(default_factory=list)
    reported_forms: set[str] = field(default_factory=set)
    reported_lemmas: set[str] = field(default_factory=set)
    # attribution phrases by their first word (one dict look-up per token instead of a scan of all phrases)
    attr_by_first: dict[str, list[tuple[list[str], str]]] = field(default_factory=dict)
    # source nouns (sources.tsv): after "nach" ("nach einer Studie"), before a postposed "nach" ("seiner Meinung
    # nach"), and compound ends whose first part is the source ("nach Bahnangaben")
    source_nouns: set[str] = field(default_factory=set)
    post_nach: set[str] = field(default_factory=set)
    compound_sources: tuple[str, ...] = ()
    speech_act_nouns: set[str] = field(default_factory=set)  # "mit dem Appell, ... zu verbreiten"


def _tsv_rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@functools.lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    rows = _tsv_rows(RESOURCES / "cues.tsv")[1:]
    cues = {r[0] for r in rows}
    # forms that are cues in most of their train occurrences also mark a whole sentence as reported speech
    reported = {r[0] for r in rows if r[1] == "train" and int(r[2]) >= 3 and int(r[2]) >= 0.6 * int(r[3])}
    reported |= {r[0] for r in _tsv_rows(RESOURCES / "reported.tsv")[1:]}
    konj = _tsv_rows(RESOURCES / "konjunktiv.tsv")[1:]
    lem_path = RESOURCES / "reported_lemmas.tsv"
    rep_lemmas = {r[0] for r in _tsv_rows(lem_path)[1:]} if lem_path.exists() else set()
    attrs = [(r[0].split(), r[1]) for r in _tsv_rows(RESOURCES / "attributions.tsv")]
    attrs.sort(key=lambda a: -len(a[0]))
    by_first: dict[str, list[tuple[list[str], str]]] = {}
    for phrase, role in attrs:
        if role != "so":
            by_first.setdefault(phrase[0], []).append((phrase, role))
    sources = _tsv_rows(RESOURCES / "sources.tsv")[1:]
    return _Lexicon(cue_forms=cues, ki={r[0] for r in konj if r[1] == "KI"},
                    kii={r[0] for r in konj if r[1] == "KII"}, attributions=attrs,
                    reported_forms=reported, attr_by_first=by_first, reported_lemmas=rep_lemmas,
                    source_nouns={r[0] for r in sources if r[1] == "after_nach"},
                    post_nach={r[0] for r in sources if r[1] == "before_nach"},
                    compound_sources=tuple(r[0] for r in sources if r[1] == "compound"),
                    speech_act_nouns={r[0] for r in _tsv_rows(RESOURCES / "speech_act_nouns.tsv")[1:]})


def _is_cue(tok: Token) -> bool:
    # verbs are lowercase in German; a capitalised form is a noun ("Glauben") or sentence-initial
    return tok.text[:1].islower() and tok.text in lexicon().cue_forms


def _is_ki(tok: Token) -> bool:
    low = tok.text.lower()
    if low in lexicon().ki:
        # a capitalised form is a noun ("an zweiter Stelle", "die Lage"), unless the tagger reads a verb
        return tok.text[:1].islower() or tok.pos_ in ("VERB", "AUX")
    # the trained morphologizer, when it says present subjunctive of a finite verb and the form agrees
    # (Konjunktiv I of the third person ends in -e: "bestehe", "verfüge"; -en/-t forms equal the indicative)
    if tok.pos_ not in ("VERB", "AUX") or not low.endswith("e"):
        return False
    morph = str(tok.morph)
    if "Mood=Sub" in morph and "Tense=Pres" in morph:
        return True
    # the third person singular of the present indicative never ends in -e: a form the tagger reads as that is
    # Konjunktiv I ("beschreibe", "angehöre"); not the first person ("ich lege" has the same form), a preterite in
    # -te ("wusste", "möchte"), the imperative "siehe", nor an adjective the tagger misreads ("schwule Männer")
    if not ("VerbForm=Fin" in morph and "Tense=Pres" in morph and "Number=Sing" in morph and "Person=3" in morph) \
            or not tok.text[:1].islower() or not tok.is_alpha or low.endswith("te") or low == "siehe":
        return False
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("NOUN", "PROPN") or tok.i > 0 and doc[tok.i - 1].pos_ == "DET":
        return False
    kids, _ = _tree(doc)
    return not any(doc[c].text.lower() == "ich" for c in kids[tok.i]) and not (tok.i > 0 and doc[tok.i - 1].lower_ == "ich")


def verb_lemma(tok: Token) -> str:
    """The lemma of a verb with its separated particle ("weist ... hin" -> "hinweisen", "gab ... an" ->
    "angeben"): the particle changes what the verb means (geben / angeben, weisen / hinweisen)."""
    lemma = tok.lemma_.lower()
    doc = tok.doc
    kids, deps = _tree(doc)
    for c in kids[tok.i]:
        if deps[c] == "compound:prt" and doc[c].text.isalpha():
            return doc[c].text.lower() + lemma
    return lemma


def _is_subj(tok: Token) -> bool:
    return _is_ki(tok) or tok.text.lower() in lexicon().kii


# ----------------------------------------------------------------------------------------------- segmentation
_MONTHS = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember", "Jänner"}
# a number with its sentence period: "2005.", "7,1.", "MI-17.", and thousands "5.000." (never a date: "12.03.")
_NUM_PERIOD = re.compile(r"(?:\d+|\d{1,3}(?:\.\d{3})+|.*\d.*[^\d.].*|.*[^\d.].*\d.*)\.")


_ORDINAL_BEFORE = {"der", "die", "das", "dem", "den", "des", "zum", "zur", "im", "am", "vom", "beim", "ins", "seinem",
                   "seiner", "seines", "ihrem", "ihrer", "ihres"}


def _ends_with_period(doc: Doc, i: int) -> bool:
    """A token the tokenizer left with its sentence period ("2005.", "7,1.", "MI-17."), before a capitalised
    word; not a day ordinal ("am 3. Oktober", "der 3. Platz")."""
    t = doc[i].text
    if len(t) < 3 or not t.endswith(".") or not _NUM_PERIOD.fullmatch(t) or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1].text
    if not nxt[:1].isupper() or nxt in _MONTHS:
        return False
    # an ordinal after an article or a contracted preposition: "in der 42. Minute", "zum 60. Geburtstag"
    if t[:-1].isdigit() and i > 0 and doc[i - 1].text.lower() in _ORDINAL_BEFORE:
        return False
    return not (t[:-1].isdigit() and int(t[:-1]) <= 31)


def sentence_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Sentence token ranges from punctuation (the model's sentence splits may be weak); computed once per doc."""
    key = ("lagebild", "sentence_ranges")
    if key not in doc.user_data:
        doc.user_data[key] = _sentence_ranges(doc)
    return doc.user_data[key]


def _sentence_ranges(doc: Doc) -> list[tuple[int, int]]:
    out, start, n = [], 0, len(doc)
    i = 0
    while i < n:
        t = doc[i]
        if "\n\n" in t.text or ("\n" in t.text_with_ws and t.is_space):
            if i > start:
                out.append((start, i))
            start = i + 1
        elif i > start and t.is_sent_start and doc[i - 1].text in {"–", "—"}:
            out.append((start, i))  # after an agency dateline ("Wien – "), which the analysis split off
            start = i
        elif t.text in _SENT_END or _ends_with_period(doc, i):
            j = i + 1
            while j < n and doc[j].text in {"“", "”", '"', "«", "»", "’", "‘", ")"} and doc[j].text != "»":
                j += 1
            nxt = doc[j] if j < n else None
            if nxt is None or nxt.is_space or nxt.text[:1].isupper() or nxt.text[:1].isdigit() or \
                    nxt.text in {"„", "»", '"', "“", "("}:
                out.append((start, j))
                start = j
                i = j
                continue
        i += 1
    if start < n:
        out.append((start, n))
    return [(a, b) for a, b in out if any(not doc[k].is_space for k in range(a, b))]


def _direct_spans(doc: Doc) -> list[tuple[int, int]]:
    """(open, close) token indices of quotation-mark pairs (outermost only)."""
    spans = []
    i, n = 0, len(doc)
    while i < n:
        t = doc[i].text
        if t in _PAIRS and not (t == "“" and spans and spans[-1][1] == i):
            closers = _PAIRS[t]
            j = i + 1
            found = None
            while j < n and j - i < 400:
                tj = doc[j].text
                if tj in closers:
                    found = j
                    break
                if tj == t and t not in closers:  # a new opener of the same kind: the first one was not closed
                    break
                if "\n\n" in doc[j].text_with_ws and t == '"':
                    break
                j += 1
            if found is not None and found > i + 1:
                spans.append((i, found))
                i = found + 1
                continue
        i += 1
    return spans


# ------------------------------------------------------------------------------------------------- speakers
_NAMELIKE = re.compile(r"[^\W\d_][\w.&'-]*[^\W_]")
_COMPOUND_NAME = re.compile(r"[a-zäöü][\w]*-[A-ZÄÖÜ][\w-]*|[a-z][a-z0-9-]*\.(?:de|com|org|net|at|ch)")  # ai-Bericht


def _namelike(text: str) -> bool:
    """A word of a name: letters, or a hyphenated or dotted name ("Franz-Josef", "Spiegel-Online", "ndr.de")."""
    return text.isalpha() or bool(_NAMELIKE.fullmatch(text))


def _np_after(doc: Doc, k: int, end: int, oblique: bool = False) -> tuple[int, int] | None:
    """A noun phrase (or pronoun) starting at or shortly after token k; with `oblique`, also a dative or
    genitive one (the source after "laut", "nach Angaben")."""
    skipped = 0
    while k < end and skipped < 4:
        low = doc[k].text.lower()
        if low in _SKIP_ADV:
            k += 1
            skipped += 1
        elif low in ("am", "im") and k + 1 < end and doc[k + 1].text in _CAP_STOP:
            k += 2
            skipped += 2
        else:
            break
    if k >= end:
        return None
    low = doc[k].text.lower()
    if low in _PRONOUNS and not (k + 1 < end and doc[k + 1].text[:1].isupper() and low in {"ihr", "diese",
                                                                                           "dieser"}):
        return (k, k + 1)
    s = k
    while k < end and doc[k].text.lower() in _DETS:
        k += 1
    # adjectives only after a determiner ("der russische Präsident"), or in an oblique source without one
    # ("laut israelischen Medien"); a preposition never starts a subject
    while (k > s or oblique) and k < end and doc[k].text[:1].islower() and doc[k].text.isalpha() and \
            doc[k].text.endswith(("e", "en", "er", "es", "em")) and doc[k].text.lower() not in _AUX | _DETS \
            and not _is_cue(doc[k]) and k - s < 4:
        k += 1
    if not oblique and doc[s].text.lower() in {"den", "dem", "des", "einen", "einem", "eines"}:
        return None  # not a nominative: an object, not the speaker
    caps = k
    while k < end and (doc[k].text[:1].isupper() and doc[k].text not in _ALL_MARKS) and _namelike(doc[k].text) \
            or (k < end and k > caps and doc[k].text in {"-"}) \
            or (k < end and oblique and k == caps and _COMPOUND_NAME.fullmatch(doc[k].text)):
        k += 1
    if k == caps:
        return None
    # a genitive or "von" complement ("der Sprecher des Ministeriums")
    if k + 1 < end and doc[k].text.lower() in {"des", "der", "von", "vom"} and doc[k + 1].text[:1].isupper():
        k += 2
        while k < end and doc[k].text[:1].isupper() and doc[k].text.isalpha():
            k += 1
    return (s, k)


def _np_before(doc: Doc, k: int, start: int) -> tuple[int, int] | None:
    """A noun phrase (or pronoun) ending right before token k."""
    e = k
    if e - 1 >= start and doc[e - 1].text == ")":  # "Christian Wulff (CDU) sagte"
        j = e - 1
        while j > start and doc[j].text != "(" and e - j < 12:
            j -= 1
        if doc[j].text == "(":
            inner = _np_before(doc, j, start)
            return (inner[0], e) if inner else None
    if e - 1 < start:
        return None
    if doc[e - 1].text.lower() in _PRONOUNS:
        return (e - 1, e)
    j = e
    while j - 1 >= start and doc[j - 1].text[:1].isupper() and doc[j - 1].text.isalpha() and \
            doc[j - 1].text not in _CAP_STOP:
        j -= 1
    if j == e:
        return None
    while j - 1 >= start and (doc[j - 1].text.lower() in _DETS or
                              (doc[j - 1].text[:1].islower() and doc[j - 1].text.isalpha() and
                               doc[j - 1].text.endswith(("e", "en", "er", "es")) and
                               doc[j - 1].pos_ not in ("VERB", "AUX") and
                               doc[j - 1].text.lower() not in _AUX and not _is_cue(doc[j - 1]))):
        j -= 1
        if doc[j].text.lower() in _DETS:
            break
    # a genitive complement: "der Sprecher der Regierung sagte" -> extend to the head noun phrase
    if doc[j].text.lower() in {"der", "des"} and j - 1 >= start and doc[j - 1].text[:1].isupper() and \
            doc[j - 1].text.isalpha() and doc[j - 1].text not in _CAP_STOP:
        head = _np_before(doc, j, start)
        if head and head[1] - head[0] < 6:
            return (head[0], e)
    # a "von" complement: "der Bürgermeister von Orleans sagte" -> the head noun phrase
    if j - 2 >= start and doc[j - 1].text in {"von", "vom"} and doc[j - 2].text[:1].isupper() and \
            doc[j - 2].text.isalpha() and doc[j - 2].text not in _CAP_STOP:
        head = _np_before(doc, j - 1, start)
        if head and head[1] - head[0] < 6:
            return (head[0], e)
    return (j, e)


_PREPS = {"in", "im", "mit", "von", "vom", "bei", "beim", "zu", "zum", "zur", "für", "gegen", "gegenüber", "über",
          "unter", "nach", "aus", "an", "am", "auf", "vor", "durch", "um", "ohne", "seit", "trotz", "wegen", "während",
          "zwischen", "neben", "hinter", "innerhalb", "außerhalb", "laut", "gemäß", "als", "wie"}


def _subject(doc: Doc, np: tuple[int, int] | None) -> tuple[int, int] | None:
    """`np` if it can be the subject of a speech verb: not the object of a preposition, not in an oblique case."""
    if np is None:
        return None
    s, e = np
    if s > 0 and doc[s - 1].text.lower() in _PREPS:
        return None  # "mit der New York Times erklärte ...": a prepositional object
    first = doc[s]
    if e - s == 1 and first.pos_ in ("ADV", "ADJ") and first.text.lower() not in _PRONOUNS:
        return None  # "Sinngemäß erklärte er": an adverb, not a name
    case = first.morph.get("Case")
    if first.pos_ in ("DET", "PRON") and case and "Nom" not in case and \
            first.text.lower() not in {"die", "das", "sie"}:  # die/das/sie: Nom = Acc, the tagger guesses
        return None
    return np


_PARSE_FIRST = True
_SUBJ_KEEP = {"det", "amod", "compound", "flat", "flat:name", "appos", "nmod", "nmod:poss", "case", "nummod",
              "advmod", "punct", "cc", "conj"}


def _tree(doc: Doc) -> tuple[list[list[int]], list[str]]:
    """Children (token indices) and relation of every token, once per Doc (Token.children scans the token's
    whole left/right edge range on every call)."""
    cached = doc.user_data.get(_CACHE_TREE)
    if cached is None:
        kids: list[list[int]] = [[] for _ in range(len(doc))]
        deps = []
        for t in doc:
            deps.append(t.dep_)
            if t.head.i != t.i:
                kids[t.head.i].append(t.i)
        cached = doc.user_data[_CACHE_TREE] = (kids, deps)
    return cached


def _kept_extent(doc: Doc, h: int, a: int, b: int, keep: set[str]) -> tuple[int, int]:
    """The first and last token in [a, b) reached from h over relations in `keep` only (h included)."""
    kids, deps = _tree(doc)
    lo = hi = h
    stack = [c for c in kids[h] if deps[c] in keep]
    while stack:
        t = stack.pop()
        if a <= t < b:
            lo, hi = min(lo, t), max(hi, t)
        stack.extend(c for c in kids[t] if deps[c] in keep)
    return lo, hi


_CACHE_TREE = "lagebild.quotes.tree"


def _parse_subject(doc: Doc, v: int, start: int, end: int) -> tuple[int, int] | None:
    """The parser's nominative subject of cue verb v (or of its finite auxiliary) as a compact span: the head
    with its determiners, adjectives, names, appositions and genitives, without relative clauses."""
    verb = doc[v]
    heads = [verb] + ([verb.head] if verb.dep_ in ("xcomp", "aux", "conj") and verb.head.i != v else []) + \
        [c for c in verb.children if c.dep_ in ("aux", "aux:pass")]
    for h in heads:
        for child in h.children:
            if child.dep_ != "nsubj" or not start <= child.i < end or child.i == v:
                continue
            if child.text.lower() in {"es", "das", "dies", "was", "der", "die", "welche", "welcher"} and \
                    child.pos_ == "PRON":
                return None  # an expletive or relative pronoun: the surface rules decide
            case = child.morph.get("Case")
            if case and "Nom" not in case and child.pos_ != "PROPN":
                continue
            lo, hi = _kept_extent(doc, child.i, start, end, _SUBJ_KEEP)
            while hi > lo and doc[hi].text in {",", "(", "-"} | _ALL_MARKS:
                hi -= 1
            if hi - lo < 12 and not any(doc[k].text in _ALL_MARKS for k in range(lo, hi + 1)):
                return (lo, hi + 1)
            return (child.i, child.i + 1)
    return None


def _speaker_for_cue(doc: Doc, v: int, start: int, end: int) -> tuple[int, int] | None:
    """The speaker of cue verb v within [start, end): after it (inversion), before it, or the parsed subject."""
    if _PARSE_FIRST:
        np = _parse_subject(doc, v, start, end)
        if np and _plausible_speaker(doc, np):
            return np
    np = _subject(doc, _np_before(doc, v, start))
    if np:
        return np
    # "Der NDR, der ... verantwortlich ist, begründete ...": the sentence-initial subject, an insertion between
    np0 = _np_after(doc, start, v)
    if np0 and np0[0] == start and np0[1] < v and doc[np0[1]].text == "," and doc[v - 1].text == ",":
        return np0
    np = _subject(doc, _np_after(doc, v + 1, end))
    if np and doc[v + 1].text not in {",", ":"}:
        return np
    # perfect tense / separated: "Der Minister hat am Montag gesagt" — walk left over a few tokens
    for k in range(v - 1, max(start, v - 7) - 1, -1):
        if doc[k].text in {",", ":", ";"} | _ALL_MARKS:
            break
        if doc[k].text.lower() in _AUX:
            np = _subject(doc, _np_after(doc, k + 1, v)) or _subject(doc, _np_before(doc, k, start))
            if np:
                return np
    # perfect tense with a long middle field: the finite auxiliary of the clause, its subject before or after it
    depth = 0
    for k in range(v - 1, max(start, v - 30) - 1, -1):
        t = doc[k].text
        depth += t == ")"
        depth -= t == "("
        if depth > 0:
            continue
        if t in {";", ":"} | _ALL_MARKS:
            break
        if t.lower() in _AUX and t[:1].islower():
            np = _subject(doc, _np_before(doc, k, start)) or _subject(doc, _np_after(doc, k + 1, v))
            if np:
                return np
            break
    for child in doc[v].children:
        if child.dep_ in ("nsubj", "sb") and start <= child.i < end:
            left = max(child.left_edge.i, start)
            right = min(child.right_edge.i + 1, end)
            if right - left <= 8:
                return (left, right)
            return (child.i, child.i + 1)
    # last resort: the nearest pronoun or person/organisation name of the sentence, left first
    for k in list(range(v - 1, start - 1, -1)) + list(range(v + 1, end)):
        t = doc[k]
        if t.text in _ALL_MARKS:
            break
        if t.text.lower() in ("er", "sie", "wir") and not t.text[:1].isupper() or \
                (t.ent_type_ in ("PER", "ORG") and t.ent_iob_ == "B"):
            ent = next((e for e in doc.ents if e.start == k), None)
            return (k, ent.end) if ent is not None else (k, k + 1)
    return None


# never a speaker on their own: expletives, adverbs and connectives the surface patterns can pick up
_NOT_SPEAKERS = {"es", "man", "das", "dies", "dieses", "demnach", "danach", "offiziell", "sinngemäß", "wörtlich",
                 "weiteren", "weiter", "zudem", "außerdem", "ebenfalls", "hier", "dort", "damals", "heute"}
_TIME_WORDS = {"Uhr", "MEZ", "MESZ", "UTC", "Abend", "Morgen", "Mittag", "Nacht", "Vormittag", "Nachmittag",
               "Woche", "Wochenende", "Jahr", "Jahres", "Monat", "Tag", "Tages"}


def _plausible_speaker(doc: Doc, span: tuple[int, int]) -> bool:
    """False for spans that cannot name who speaks: an adverb or expletive, a prepositional phrase ("Über
    Steve Fossett", "Gegenüber Spiegel Online"), a time expression ("14 Uhr MEZ", "am Abend")."""
    a, b = span
    toks = doc[a:b]
    first = toks[0]
    # the tagger's part of speech only for lowercase words: names are often tagged ADV or ADJ
    if b - a == 1 and (first.text.lower() in _NOT_SPEAKERS or
                       (first.text[:1].islower() and first.pos_ in ("ADV", "ADJ", "ADP", "VERB", "AUX", "SCONJ",
                                                                    "CCONJ", "NUM")
                        and first.text.lower() not in _PRONOUNS)):
        return False
    if first.text.lower() in _PREPS | {"bezüglich", "hinsichtlich"}:
        return False
    words = [t.text for t in toks if any(ch.isalpha() for ch in t.text)]
    if not words or words[-1] in _TIME_WORDS or words[-1] in _CAP_STOP and words[-1][:1].isupper() and \
            words[-1] not in {"Rede", "Erklärung", "Mitteilung", "Interview"}:
        return False
    return True


def _speaker_head(doc: Doc, span: tuple[int, int]) -> Token:
    a, b = span
    caps = [t for t in doc[a:b] if t.text[:1].isupper() and t.text.lower() not in _DETS]
    return caps[-1] if caps else doc[b - 1]


def _resolve(doc: Doc, span: tuple[int, int] | None) -> ActorRef | None:
    if span is None:
        return None
    try:
        from lagebild.extract.actors import actors_for_token  # owned by the actors engineer
    except ImportError:
        return None
    try:
        refs = actors_for_token(doc, _speaker_head(doc, span))
    except Exception:  # noqa: BLE001 - another module's failure must not lose the quote
        return None
    return refs[0] if refs else None


# --------------------------------------------------------------------------------------------------- finding
@dataclass
class _Q:
    start: int
    end: int  # exclusive token index
    type: str
    speaker: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    confidence: float = 0.5
    rule: str = ""  # which pattern found it (a feature of the learned filter)
    carried: bool = False  # the speaker comes from an earlier quote
    own_speaker: bool = False


def _strip_end(doc: Doc, a: int, b: int) -> int:
    while b > a and (doc[b - 1].text in _SENT_END | {",", ";", ":"} or doc[b - 1].is_space):
        b -= 1
    return b


_MODALS = {"soll", "sollen", "sollte", "sollten", "kann", "können", "könne", "könnten", "konnte", "konnten", "muss",
           "müssen", "müsse", "musste", "mussten", "will", "wollen", "wolle", "wollte", "wollten", "darf", "dürfen",
           "dürfe", "durfte", "gibt", "gab", "geht", "ging", "liegt", "lag", "steht", "stand", "kam", "kommt"}


def _finite_after(doc: Doc, k: int, end: int) -> int | None:
    """The first finite verb at or after k (the verb-second slot after a fronted attribution)."""
    for j in range(k, min(end, k + 15)):
        t = doc[j]
        low = t.text.lower()
        if t.text in {",", ";", ":"} | _ALL_MARKS:
            return None
        if not t.text[:1].islower():
            continue
        if low in _AUX or low in _MODALS or low in lexicon().ki or low in lexicon().kii or \
                (t.pos_ in ("VERB", "AUX") and "VerbForm=Fin" in str(t.morph)):
            return j
    return None


def _fronted_finite(doc: Doc, k: int, end: int) -> int | None:
    """The finite verb in the verb-second slot after a fronted phrase starting at k (quoted names inside the
    phrase are skipped: 'Laut „tagesschau.de“ gehören ...'), None at a comma first."""
    inside = False
    for j in range(k, min(end, k + 15)):
        t = doc[j]
        if t.text in _ALL_MARKS:
            inside = not inside
            continue
        if inside:
            continue
        if t.text in {",", ";", ":"}:
            return None
        if _finite_like(t):
            return j
    return None


_SOURCE_ADJ = {"eigenen", "eigener", "offiziellen", "offizieller", "ersten", "erster", "bisherigen", "neuesten",
               "jüngsten", "vorläufigen", "inoffiziellen", "übereinstimmenden", "unbestätigten", "unabhängigen"}


def _genitive_name(tok: Token) -> bool:
    """A name in the Saxon genitive before its noun ("nach Grupps Meinung", "nach Müllers Angaben")."""
    return tok.text[:1].isupper() and tok.text.isalpha() and tok.text.endswith("s") and len(tok.text) > 3 and \
        tok.text not in _CAP_STOP


def _source_complement(doc: Doc, k: int) -> bool:
    """Whether the noun phrase at k can complete "nach Angaben ..." as its source: a genitive ("des Ministeriums",
    "Moskaus", "örtlicher Behörden") or a "von"/"aus" phrase. Another noun phrase after "nach eigenen Angaben" is
    a part of the clause."""
    t = doc[k]
    low = t.text.lower()
    if low in {"des", "der", "eines", "einer", "von", "vom", "aus", "seines", "seiner", "ihres", "ihrer", "dessen",
               "deren"} or _genitive_name(t):
        return True
    # a genitive plural without article: a strong adjective in -er before its noun
    return t.text[:1].islower() and low.endswith("er") and k + 1 < len(doc) and doc[k + 1].text[:1].isupper()


_SUBORDINATORS = {"nachdem", "wie", "als", "da", "weil", "was", "wer", "wenn", "obwohl", "während", "sobald", "ob",
                  "seit", "seitdem", "bevor", "falls", "damit", "dass", "indem", "sofern", "solange", "wo"}


def _finite_like(t: Token) -> bool:
    """A lowercase finite verb form (auxiliary, modal, subjunctive, or tagged finite)."""
    low = t.text.lower()
    return t.text[:1].islower() and (low in _AUX or low in _MODALS or low in lexicon().ki or low in lexicon().kii or
                                     (t.pos_ in ("VERB", "AUX") and "Mood=" in str(t.morph)))


def _attribution(doc: Doc, a: int, b: int, taken: set[int]) -> _Q | None:
    """An attribution in sentence [a, b): "laut X", "nach Angaben X", "X zufolge", "seiner Meinung nach",
    "demnach", "wie X mitteilte". The corpus counts these as indirect speech."""
    lex = lexicon()
    words = [t.text.lower() for t in doc[a:b]]
    for i in range(len(words)):
        k = a + i
        if k in taken:
            continue
        if words[i] == "nach" and i + 1 < len(words) and words[i + 1].endswith(lex.compound_sources) and \
                words[i + 1] not in lex.compound_sources:  # "nach Bahnangaben": the source is in the compound
            return _attr_quote(doc, a, b, k, k + 2, (k + 1, k + 2), (k, k + 2), taken)
        if words[i] == "nach" and i > 0 and words[i - 1] in lex.post_nach:  # "seiner Meinung nach"
            s0 = k - 1
            while s0 - 1 >= a and (words[s0 - 1 - a] in _DETS | {"eigenen", "offiziellen", "ersten"} or
                                   doc[s0 - 1].text[:1].isupper() and s0 - 1 > a and words[s0 - 2 - a] in _DETS):
                s0 -= 1
            return _attr_quote(doc, a, b, s0, k + 1, (s0, k), (k, k + 1), taken)
        # "Demnach ...", and "Danach hätte ..." (temporal "danach" takes the indicative)
        if (words[i] == "demnach" and (i == 0 or doc[k - 1].text in {",", "und"} or i <= 3)) or \
                (words[i] == "danach" and i == 0 and k + 1 < b and _is_subj(doc[k + 1])):
            return _attr_quote(doc, a, b, k, k + 1, None, (k, k + 1), taken)  # source: the quote before
        for phrase, role in lex.attr_by_first.get(words[i], ()):
            p_end = k + len(phrase)
            if words[i:i + len(phrase)] != phrase:
                # "nach den Worten", "nach eigenen Angaben": one determiner/adjective between
                if not (len(phrase) == 2 and phrase[0] == "nach" and words[i] == "nach" and
                        i + 2 < len(words) and (words[i + 1] in _DETS | _SOURCE_ADJ or _genitive_name(doc[k + 1]))
                        and words[i + 2] == phrase[1]):
                    continue
                p_end = k + 3
            if role == "pre":
                np = _np_after(doc, p_end, b, oblique=True)
                if np is None and p_end < b:  # a name in quotation marks: laut „BBC News“
                    np = _quoted_name(doc, p_end, min(b, p_end + 8))
                if np is not None and phrase[0] == "nach" and not _source_complement(doc, np[0]):
                    np = None  # "Tesla will nach eigenen Angaben weitere Joint-Ventures eingehen": an object
                if np is None:
                    fin = _fronted_finite(doc, p_end, b) if k <= a + 1 else None
                    if p_end > k + 1 and phrase[-1] in lex.post_nach | {"angaben"}:
                        np = (k + 1, p_end)  # "nach eigenen Angaben": the source is the subject
                    elif fin is not None and fin > p_end:
                        # a fronted source the noun-phrase patterns do not read ("Laut einer am Dienstag
                        # veröffentlichten Mitteilung des WFP wurden ..."): it runs up to the finite verb
                        np = (p_end, fin)
                    else:
                        continue
                src_start, src_end = k, np[1]
                # "nach Angaben des Ministeriums in Kabul": the source phrase runs up to the finite verb
                if src_start <= a + 1:
                    fin = _finite_after(doc, src_end, b)
                    if fin is not None and fin - src_end <= 6:
                        src_end = fin
            else:  # post: "der Polizei zufolge"
                np = _np_before(doc, k, a)
                if np is None and a < k <= a + 10 and _fronted_finite(doc, p_end, b) == p_end and \
                        not any(doc[j].text in {",", ";", ":"} or _finite_like(doc[j]) for j in range(a, k)):
                    np = (a, k)  # a fronted source before "zufolge" ("Dem Sender al-Dschasira zufolge wird ...")
                if np is None:
                    continue
                src_start, src_end = np[0], p_end
            q = _attr_quote(doc, a, b, src_start, src_end, np, (k, p_end), taken)
            if q is not None:  # else a later attribution of the sentence may still hold
                return q
            break
        # "nach einer norwegischen Studie", "nach dem vorläufigen Endergebnis": the source noun is the source
        if words[i] == "nach":
            j = i + 1
            while j < len(words) and j - i <= 4 and (words[j] in _DETS or (
                    doc[a + j].text[:1].islower() and words[j].endswith(("e", "en", "er", "es", "em")))):
                j += 1
            if j < len(words) and words[j] in lex.source_nouns and doc[a + j].text[:1].isupper():
                e = a + j + 1
                if e + 1 < b and words[j + 1] in {"des", "der"} and doc[e + 1].text[:1].isupper():
                    e += 2
                    while e < b and doc[e].text[:1].isupper() and doc[e].text.isalpha():
                        e += 1
                return _attr_quote(doc, a, b, k, e, (k + 1, e), (k, k + 1), taken)
        # "wie X mitteilte", "wie die Polizei berichtete", "wie X bekannt gab", "wie aus X verlautete", "wie
        # heute bekannt wurde" (no source named)
        if words[i] == "wie" and (i == 0 or doc[k - 1].text == ","):
            q = _wie_attribution(doc, a, b, k, taken)
            if q is not None:
                return q
    return None


def _quoted_name(doc: Doc, k: int, end: int) -> tuple[int, int] | None:
    """A name in quotation marks opening at token k and closing before `end` ("„heise online“"), marks included."""
    if doc[k].text not in _PAIRS:
        return None
    close = next((j for j in range(k + 1, end) if doc[j].text in _PAIRS[doc[k].text]), None)
    return (k, close + 1) if close is not None and close > k + 1 else None


def _wie_attribution(doc: Doc, a: int, b: int, k: int, taken: set[int]) -> _Q | None:
    """"wie X mitteilte" at token k: the source clause up to its speech verb (the clause before or after is the
    quote)."""
    for v in range(k + 1, min(k + 20, b)):
        t = doc[v].text
        if t in {".", ";"}:
            return None
        prt = doc[v - 1].text if v - 1 > k else ""
        impersonal = t in {"wurde", "wird"} and prt == "bekannt" or t in {"verlautete", "verlautet"}
        if not (_is_cue(doc[v]) or t in _PARTICLE_CUES.get(prt, ()) or impersonal):
            continue
        s = k + 1
        if doc[s].text == "aus":  # "wie aus Regierungskreisen verlautete" (not "wie von X gefordert": a comparison)
            np = _np_after(doc, s + 1, v, oblique=True)
        elif doc[s].text in _PAIRS:  # a name in quotation marks: "wie „heise online“ berichtet"
            np = _quoted_name(doc, s, v)
        else:
            np = _np_after(doc, s, v)
        if np is None and not impersonal:
            return None
        e = v + 1
        if e < b and doc[e].text == ",":
            e += 1
        return _attr_quote(doc, a, b, k, e, np, (k, v + 1), taken)
    return None


_REL_SOURCE = {"dem", "der", "denen", "welchem", "welcher", "welchen"}


def _relative_attribution(doc: Doc, a: int, b: int, taken: set[int]) -> _Q | None:
    """A relative clause that attributes its content to the noun before it: "Berichte, wonach ...",
    "Gerüchte, nach denen ...", "Pläne, laut denen ...", "eine Studie, der zufolge ...". The quote is the rest of
    the relative clause, the source the noun phrase before the comma."""
    b2 = _strip_end(doc, a, b)
    for c in range(a + 1, b2 - 3):
        if doc[c].text != ",":
            continue
        w1 = doc[c + 1].text.lower()
        w2 = doc[c + 2].text.lower()
        if w1 == "wonach":
            qa = c + 2
        elif w1 in {"nach", "laut", "gemäß"} and w2 in _REL_SOURCE and \
                not (w2 in {"dem", "der"} and doc[c + 3].text[:1].isupper()):  # an article: ", nach dem Tor traf"
            qa = c + 3
        elif w1 in _REL_SOURCE and w2 == "zufolge":
            qa = c + 3
        else:
            continue
        # up to the comma where the main clause goes on with its finite verb (", haben sich viele ...")
        qb = next((k for k in range(qa + 1, b2 - 1) if doc[k].text == "," and _finite_like(doc[k + 1])), b2)
        qb = _strip_end(doc, qa, qb)
        if qb - qa < 3 or any(k in taken for k in range(c, qb)):
            continue
        return _Q(qa, qb, "Indirect", _np_before(doc, c, a), (c + 1, qa), 0.5, rule="attr_rel")
    return None


def _attr_quote(doc: Doc, a: int, b: int, src_start: int, src_end: int, np: tuple[int, int] | None,
                cue: tuple[int, int], taken: set[int]) -> _Q | None:
    b2 = _strip_end(doc, a, b)
    if src_start <= a + 1:  # at the start: the quote is what follows
        qs = src_end
        while qs < b2 and doc[qs].text in {",", ":"}:
            qs += 1
        # "Nach offiziellen Angaben, die nicht überprüft werden können, waren die meisten Opfer ...": a relative
        # clause on the source belongs to the source; the quote starts with the main clause's finite verb
        if qs > src_end and doc[qs].text.lower() in _RELATIVE and (doc[qs].pos_ == "PRON" or
                                                                 not doc[qs + 1].text[:1].isupper()):
            end = next((j for j in range(qs + 1, b2 - 1) if doc[j].text == "," and _finite_like(doc[j + 1])), None)
            if end is not None:
                qs = end + 1
        qa, qb = qs, b2
    elif src_end >= b2 - 1:  # at the end
        qa, qb = a, _strip_end(doc, a, src_start)
    else:  # in the middle: the whole sentence, or the clause after a comma that holds the attribution ("ein
        # Motorboot, auf dem sich nach Angaben X 300.000 Dollar befunden haben sollen, ist gekentert")
        # (not the comma of a truncated compound: "Konto-, Post- und Telefondaten")
        left = next((j for j in range(src_start - 1, a - 1, -1) if doc[j].text in {",", ";", ":"} and
                     not doc[j - 1].text.endswith("-")), None)
        if left is not None:
            qa = left + 1
            qb = next((j for j in range(src_end, b2) if doc[j].text in {",", ";", ":"} and
                       not doc[j - 1].text.endswith("-")), b2)
            # "Die Aktion, die ..., wurde laut X begleitet": the clause is the rest of the main clause, whose
            # subject precedes the insertion (after a fronted subordinate clause, "Nachdem ..., wurden sie laut X
            # freigelassen", the main clause is the quote)
            if _finite_like(doc[qa]) and doc[a].text.lower() not in _SUBORDINATORS:
                qa = a
        else:
            qa, qb = a, b2
    # a fronted source scopes over the whole rest, a reported clause inside included ("Laut BBC News sagte der
    # Minister, dass ..."): the corpus nests both quotes
    if src_start <= a + 1 and qb - qa >= 3:
        return _Q(qa, qb, "Indirect", np, cue, 0.6, rule="attr")
    # never across a quote already found (a direct quote, an indirect clause)
    while qa < qb and qa in taken:
        qa += 1
    while qb > qa and (qb - 1) in taken:
        qb -= 1
    if qb - qa < 3 or any(k in taken for k in range(qa, qb)):
        return None
    return _Q(qa, qb, "Indirect", np, cue, 0.6, rule="attr")


def _reported(doc: Doc, a: int, b: int, taken: set[int]) -> _Q | None:
    """A sentence reporting speech without a clause of its own ("Der Minister kritisierte die Entscheidung")."""
    b2 = _strip_end(doc, a, b)
    if b2 - a < 5:
        return None
    for v in range(a, b2):
        if v not in taken and doc[v].text in lexicon().reported_forms:
            sp = _speaker_for_cue(doc, v, a, b2)
            if sp:
                return _Q(a, b2, "Reported", sp, (v, v + 1), 0.4, rule="reported")
    if not (_TRAINING or filter_model() is not None):
        return None
    # a particle speech verb ending its clause ("gab die Festnahme bekannt."), any speech verb with a subject:
    # weaker candidates that the learned filter keeps or drops
    for v in range(a, b2):
        if v in taken or doc[v].text not in _PARTICLE_VERBS:
            continue
        for k in range(v + 1, min(b2, v + 14)):
            if doc[k].text in {",", ";", ":"} | _ALL_MARKS:
                break
            nxt = doc[k + 1].text if k + 1 < len(doc) else "."
            if (k + 1 >= b2 or nxt in {",", ";"}) and doc[v].text in _PARTICLE_CUES.get(doc[k].text, ()):
                sp = _speaker_for_cue(doc, v, a, b2)
                if sp:
                    return _Q(a, b2, "Reported", sp, (v, v + 1), 0.3, rule="reported_particle")
                break
    for v in range(a, b2):
        if v not in taken and _is_cue(doc[v]):
            sp = _speaker_for_cue(doc, v, a, b2)
            if sp:
                return _Q(a, b2, "Reported", sp, (v, v + 1), 0.3, rule="reported_cue")
    # a verb whose lemma reports speech in the train split ("bezifferte", "warnen", "plädiert"): any form
    for v in range(a, b2):
        t = doc[v]
        if v not in taken and t.pos_ == "VERB" and t.text[:1].islower() and \
                verb_lemma(t) in lexicon().reported_lemmas:
            sp = _speaker_for_cue(doc, v, a, b2)
            if sp:
                return _Q(a, b2, "Reported", sp, (v, v + 1), 0.3, rule="reported_lemma")
    return None


# speech verbs whose finite form is no cue by itself, only with their particle before the comma:
# "gab ... bekannt, dass", "stellte ... fest, dass", "geht aus ... hervor, dass", "wies darauf hin, dass"
_PARTICLE_CUES = {
    "bekannt": {"gab", "gaben", "gibt", "geben"}, "an": {"gab", "gaben", "gibt", "geben"},
    "fest": {"stellte", "stellten", "stellt", "stellen"}, "klar": {"stellte", "stellten", "stellt", "machte",
                                                                  "machten", "macht"},
    "hervor": {"geht", "ging", "gehe", "hob", "hebt", "hoben"}, "hin": {"wies", "wiesen", "weist", "weisen"},
    "deutlich": {"machte", "machten", "macht", "wurde", "wird"}, "geltend": {"machte", "machten", "macht"},
    "zurück": {"wies", "wiesen", "weist"}, "zu": {"gab", "gaben", "gibt", "sagte", "sagten", "sagt"},
    "aus": {"führte", "führten", "führt"},
}

_PARTICLE_VERBS = set().union(*_PARTICLE_CUES.values())


def _particle_cue(doc: Doc, v: int, a: int, end: int) -> int | None:
    """The particle (right before a comma) of a particle speech verb whose finite form is at v, else None."""
    forms = doc[v].text
    if forms not in _PARTICLE_VERBS:
        return None
    for k in range(v + 1, min(end - 1, v + 14)):
        t = doc[k].text
        if t in {",", ";", ":", "."} | _ALL_MARKS:
            return None
        if doc[k + 1].text == "," and forms in _PARTICLE_CUES.get(t, ()):
            return k
    return None


def _clause_end(doc: Doc, qa: int, b2: int) -> int:
    """Where reported content starting at qa ends: before a coordinated clause of the speaker with a speech verb
    of its own ("..., sprach aber von ...", "... und betonte ..."). (A colon alone does not end it: in the corpus
    the content often runs on after it.)"""
    for k in range(qa + 2, b2 - 1):
        # a semicolon ends the reported clause ("..., dass er sie geschlagen hatte; es wird geprüft"), and so does a
        # colon before a quotation ("..., bei der Wahl würden nicht alle stimmen: „Ich gehe davon aus ...“")
        if doc[k].text == ";" or doc[k].text == ":" and doc[k + 1].text in _PAIRS:
            return _strip_end(doc, qa, k)
        if doc[k].text in {",", "und", "aber", "sondern"}:
            nxt = doc[k + 1]
            if nxt.text[:1].islower() and _is_cue(nxt) and not _is_subj(nxt):
                return _strip_end(doc, qa, k)
            # ", erkannte das Gericht nicht an": a finite verb in the indicative right after a comma starts the
            # speaker's next main clause (the content goes on in the subjunctive: ", habe Fieber")
            # (an auxiliary or modal need not carry VerbForm=Fin: the morphologizer often leaves it out on "hatte")
            if doc[k].text == "," and nxt.text[:1].islower() and nxt.pos_ in ("VERB", "AUX") and \
                    ("VerbForm=Fin" in str(nxt.morph) or nxt.text in _AUX or nxt.text in _MODALS) and \
                    "Mood=Ind" in str(nxt.morph) and not _is_subj(nxt):
                return _strip_end(doc, qa, k)
            # ", doch der UN-Sprecher erklärte ...", ", allerdings schrieb die Zeitung ...": a contrasting main
            # clause of the narrator, with a speech verb or an indicative verb in second position (not clause-final:
            # "dass es zwar ..., aber langsamer arbeitet" goes on with the content)
            if doc[k].text == "," and nxt.text.lower() in _CONTRAST and \
                    not any(doc[j].text.lower() == "zwar" for j in range(qa, k)):
                for j in range(k + 2, min(b2 - 1, k + 8)):
                    t = doc[j]
                    if t.text in {",", ";", ":"} | _ALL_MARKS or _is_subj(t):
                        break
                    if t.text[:1].islower() and (_is_cue(t) or t.pos_ in ("VERB", "AUX") and "Mood=Ind" in
                                                 str(t.morph) and "VerbForm=Fin" in str(t.morph) and
                                                 doc[j + 1].is_alpha):
                        return _strip_end(doc, qa, k)
    return b2


_CONTRAST = {"doch", "jedoch", "aber", "allerdings", "während", "wohingegen"}


def _indirect(doc: Doc, a: int, b: int, taken: set[int]) -> _Q | None:
    """Indirect speech in sentence [a, b) after or before a speech verb."""
    b2 = _strip_end(doc, a, b)
    for v in range(a, b2):
        is_so = doc[v].text.lower() == "so" and v - 1 > a + 2 and doc[v - 1].text == ","
        if v in taken:
            continue
        if not (_is_cue(doc[v]) or is_so):
            pk = _particle_cue(doc, v, a, b2)
            if pk is None or pk + 1 in taken:
                continue
            q = _after_particle(doc, a, b2, v, pk, taken)
            if q is not None:
                return q
            continue
        # (1) "..., sagte X." / "..., so der Diplomat." - the quote precedes
        if v - 1 > a + 2 and doc[v - 1].text == ",":
            sp = _np_after(doc, v + 1, b2) if is_so else _speaker_for_cue(doc, v, v, b2)
            # a "dass" after the cue makes its clause the quote ("..., sagte er, dass"), unless it is in a relative
            # clause on the speaker ("..., so Celebi, die auch angab, dass ...")
            rel = sp is not None and sp[1] + 1 < b2 and doc[sp[1]].text == "," and \
                doc[sp[1] + 1].text.lower() in _RELATIVE
            rest_ok = rel or not any(doc[k].text.lower() == "dass" for k in range(v, b2))
            # "Ein Sprecher der Polizei, Lars Beringer, sagte ...": a noun phrase with an apposition, no clause
            clause = any(doc[k].pos_ in ("VERB", "AUX") or _is_subj(doc[k]) for k in range(a, v - 1))
            # "Deiss, der sich zu diesem Schritt entschlossen hatte, sagte ...": a subject with a relative clause
            first = next((k for k in range(a, v - 1) if doc[k].text == ","), None)
            if first is not None and first - a <= 6 and doc[first + 1].text.lower() in _RELATIVE and \
                    doc[a].text[:1].isupper() and not _is_subj(doc[v - 2]):
                clause = False
            if sp and rest_ok and clause:
                qb = _strip_end(doc, a, v - 1)
                if qb - a >= 3 and not any(k in taken for k in range(a, qb)):
                    return _Q(a, qb, "Indirect", sp, (v, v + 1), 0.6, rule="before_cue")
        if is_so:
            continue
        # (2) "X sagte, dass ..." / "X sagte am Montag, er sei ..."
        for c in range(v + 1, min(v + 10, b2)):
            if doc[c].text in {".", ";", ":"} or c in taken:
                break
            if doc[c].text.lower() == "dass" or (doc[c].text == "," and c + 1 < b2 and
                                                   doc[c + 1].text.lower() == "dass"):
                qa = c if doc[c].text.lower() == "dass" else c + 1
                return _Q(qa, _clause_end(doc, qa, b2), "Indirect", _speaker_for_cue(doc, v, a, c), (v, v + 1),
                          0.7, rule="cue_dass")
            if doc[c].text == ",":
                window = range(c + 1, min(c + 16, b2))
                if any(_is_subj(doc[k]) for k in window if k not in taken):
                    return _Q(c + 1, _clause_end(doc, c + 1, b2), "Indirect", _speaker_for_cue(doc, v, a, c),
                              (v, v + 1), 0.6, rule="cue_subj")
                ze = _zu_end(doc, c + 1, b2)
                if ze is not None and not any(k in taken for k in range(c + 1, ze)):
                    return _Q(c + 1, ze, "Indirect", _speaker_for_cue(doc, v, a, c), (v, v + 1), 0.6, rule="cue_zu")
                break
    return None


def _after_particle(doc: Doc, a: int, b2: int, v: int, pk: int, taken: set[int]) -> _Q | None:
    """The dass-clause, subjunctive clause or zu-infinitive after "gab X bekannt," and the like."""
    c = pk + 1
    if doc[pk].text == "hervor":  # "Aus dem Bericht geht hervor": the source is the aus-phrase
        aus = next((k for k in range(a, v) if doc[k].text.lower() == "aus"), None)
        sp = _np_after(doc, aus + 1, v, oblique=True) if aus is not None else None
    else:
        sp = _speaker_for_cue(doc, v, a, c)
    cue = (v, v + 1)
    if c + 1 < b2 and doc[c + 1].text.lower() == "dass":
        return _Q(c + 1, _clause_end(doc, c + 1, b2), "Indirect", sp, cue, 0.6, rule="particle_dass")
    if any(_is_subj(doc[k]) for k in range(c + 1, min(c + 16, b2)) if k not in taken):
        return _Q(c + 1, _clause_end(doc, c + 1, b2), "Indirect", sp, cue, 0.5, rule="particle_subj")
    ze = _zu_end(doc, c + 1, b2)
    if ze is not None and not any(k in taken for k in range(c + 1, ze)):
        return _Q(c + 1, ze, "Indirect", sp, cue, 0.5, rule="particle_zu")
    return None


_ZU_WORD = re.compile(r"[a-zäöüß]{2,}zu[a-zäöüß]{2,}en")
# a zu-infinitive after these is an attempt, a possibility or a ban, not what someone says or wants
_ZU_STOP = {"gelungen", "gelang", "gelingt", "versucht", "versuchte", "versuchten", "versuche", "versuchen",
            "versuch", "möglichkeit", "möglich", "unmöglich", "verboten", "gezwungen", "schwer", "leicht",
            "schwierig", "begonnen", "beginnt", "begann", "begannen", "aufgehört", "vergessen", "geschafft",
            "erlaubt", "zeit", "chance", "gelegenheit", "mühe", "es", "ziel", "lage", "recht", "pflicht",
            "notwendig", "nötig", "gilt", "galt", "dient", "diente", "half", "hilft", "geholfen", "genutzt"}
_PARTICLES = {"vor", "an", "auf", "aus", "ab", "ein", "zu", "fest", "dar"}
_ZU_OPENERS = {"um", "ohne", "statt", "anstatt", "als", "und", "oder"}
# Konjunktiv II forms that stand in for Konjunktiv I in reported speech; "würden" (+ infinitive) because in the third
# person plural Konjunktiv I equals the indicative ("sie verständigen sich" -> "sie würden sich verständigen")
_KII_REPORT = {"hätte", "hätten", "wäre", "wären", "gäbe", "gäben", "würden"}
_ZU_DEPENDENT = {"ob", "um", "da", "weil", "wo", "damit", "dass", "falls", "sofern", "wobei"}
_RELATIVE = {"der", "die", "das", "den", "dem", "deren", "dessen", "denen", "welche", "welcher", "welches", "wo"}


def _zu_end(doc: Doc, k: int, end: int) -> int | None:
    """End (exclusive) of a zu-infinitive clause starting at k: "..., die Gespräche fortzusetzen"."""
    if k >= end or doc[k].text.lower() in _ZU_OPENERS:
        return None
    for j in range(k, min(end, k + 40)):
        t = doc[j].text
        if t in {",", ";", ":"} | _ALL_MARKS or t in _SENT_END:
            return None
        nxt = doc[j + 1].text if j + 1 < len(doc) else "."
        at_end = j + 1 >= end or nxt in {",", ".", ";", ":", "!", "?", "und", "oder", ")"}
        if at_end and (_ZU_WORD.fullmatch(t) or (j > k and doc[j - 1].text == "zu" and t[:1].islower())):
            if nxt in {"und", "oder"}:  # "... zu prüfen und ... zu lassen": the coordinated infinitive too
                more = _zu_end(doc, j + 2, end)
                if more is not None:
                    return more
            if nxt == "," and j + 2 < end and doc[j + 2].text.lower() in _ZU_DEPENDENT:
                return end  # "..., die Gespräche fortzusetzen, um ... zu" / ", ob ...": a clause that depends on it
            if nxt == "," and j + 2 < end and doc[j + 2].text.lower() in _RELATIVE:
                # a relative clause on the infinitive's object belongs to the content
                for r in range(j + 3, min(end, j + 40)):
                    if doc[r].text in {",", ";", ":"} | _SENT_END | _ALL_MARKS:
                        return r
                return end
            return j + 1
    return None


def _zu_clauses(doc: Doc, a: int, b: int, taken: set[int]) -> list[_Q]:
    """zu-infinitive clauses after a comma ("Er forderte die Regierung auf, die Grenze zu öffnen"): what someone
    demands, announces or plans; the speaker is the subject of the clause before."""
    out = []
    b2 = _strip_end(doc, a, b)
    for c in range(a + 2, b2):
        if doc[c].text != "," or c + 1 in taken:
            continue
        ze = _zu_end(doc, c + 1, b2)
        if ze is None or any(k in taken for k in range(c + 1, ze)) or ze - c < 3:
            continue
        if any(doc[j].text.lower() in _ZU_STOP for j in range(max(a, c - 6), c)):
            continue
        # the verb of the clause before: a cue, else the nearest finite verb or participle
        v = next((j for j in range(c - 1, max(a, c - 20) - 1, -1) if _is_cue(doc[j])), None)
        rule = "zu"
        if v is None:
            # a speech-act noun shortly before ("mit dem Appell, ...", "eine Warnung an den Westen angeschlossen,")
            noun = next((j for j in range(c - 1, max(a, c - 7) - 1, -1) if doc[j].text[:1].isupper() and
                         doc[j].text.lower() in lexicon().speech_act_nouns), None)
            # a particle verb ("rief ... auf", "hatte ... vor", "kündigte ... an"): its finite part
            if doc[c - 1].text not in _PARTICLES and noun is None:
                continue
            if noun is not None:
                rule = "zu_noun"
            v = next((j for j in range(c - 2, max(a, c - 20) - 1, -1)
                      if doc[j].pos_ in ("VERB", "AUX") or doc[j].text.lower() in _AUX), None)
        sp = _speaker_for_cue(doc, v, a, c) if v is not None else None
        if rule == "zu_noun" and not (sp is not None and _agent_like(doc, sp)):
            # no one who speaks ("Die Veranstaltung schloss mit dem Appell, ...", "Daran wird eine Warnung
            # angeschlossen, ..."): the speech act itself is named as the source, as a document would be
            sp = _compact(doc, doc[noun], a, c)
            while sp[1] - sp[0] > 1 and doc[sp[0]].pos_ == "ADP":  # "mit dem Appell" -> "dem Appell"
                sp = (sp[0] + 1, sp[1])
        out.append(_Q(c + 1, ze, "Indirect", sp, (v, v + 1) if v is not None and _is_cue(doc[v]) else None, 0.5,
                      rule=rule))
        taken = taken | set(range(c + 1, ze))
    return out


def _agent_like(doc: Doc, span: tuple[int, int]) -> bool:
    """Whether a subject can speak: a pronoun, a person or organisation name, or a phrase the actor coder knows."""
    head = doc[_span_head(doc, span)]
    if head.text.lower() in _PRONOUNS or head.ent_type_ in ("PER", "ORG"):
        return True
    try:
        from lagebild.extract.actors import analyse as actor_analysis
    except ImportError:
        return False
    # any entry of the actor lexicon on the head: a person, an organisation, a role or sector noun ("der Präsident")
    return bool(actor_analysis(doc).hits.get(head.i))


def _dass_clauses(doc: Doc, a: int, b: int, taken: set[int]) -> list[_Q]:
    """A "dass"-clause after a comma, also without a listed speech verb ("Es ist geplant, dass ...", "wurde
    bekannt, dass ..."): in the corpus most such clauses are reported content. The speaker is the subject of
    the clause before, when it has one."""
    out = []
    b2 = _strip_end(doc, a, b)
    for c in range(a + 2, b2 - 2):
        if doc[c].text != "," or doc[c + 1].text.lower() != "dass" or c + 1 in taken:
            continue
        if doc[c - 1].text.lower() in {"so", "ohne", "außer", "statt", "anstatt", "als"}:
            continue
        qb = b2
        for k in range(c + 2, b2):
            if k in taken:
                qb = k
                break
        qb = _clause_end(doc, c + 1, _strip_end(doc, c + 1, qb))
        if qb - (c + 1) < 3:
            continue
        v = next((j for j in range(c - 1, max(a, c - 20) - 1, -1) if _is_cue(doc[j])), None)
        if v is None:
            v = next((j for j in range(c - 1, max(a, c - 12) - 1, -1)
                      if doc[j].pos_ in ("VERB", "AUX") or doc[j].text.lower() in _AUX), None)
        sp = _speaker_for_cue(doc, v, a, c) if v is not None else None
        if sp is not None and sp[1] - sp[0] == 1 and doc[sp[0]].text.lower() in {"es", "das", "dies"}:
            sp = None  # "Es ist geplant, dass": no speaker
        out.append(_Q(c + 1, qb, "Indirect", sp, (v, v + 1) if v is not None and _is_cue(doc[v]) else None, 0.45, rule="dass"))
        taken = taken | set(range(c + 1, qb))
    return out


def _framed_direct(doc: Doc, found: list[_Q], sents: list[tuple[int, int]], sent_of: dict[int, int]) -> list[_Q]:
    """Direct quotes inside one sentence whose opening mark follows a word of the clause they continue (not a
    colon, comma or speech verb): "Er habe „...“", "ihr lägen „...“"."""
    out = []
    for q in found:
        o = q.start
        si = sent_of.get(o, 0)
        if q.type != "Direct" or o == sents[si][0] or sent_of.get(q.end - 1, 0) != si:
            continue
        prev = doc[o - 1]
        if prev.text[:1].isalnum() and not _is_cue(prev):
            out.append(q)

    return out


def _free_clause_start(doc: Doc, a: int, toks: list[int], in_direct: set[int]) -> int | None:
    """The start of the clause after a comma where a sentence's Konjunktiv I begins, when the clause before the
    comma has a verb and no subjunctive (an indicative main clause: "Von der Polizei kam die Information, bei den
    Toten handele es sich ..."); None when the subjunctive follows the comma directly."""
    first = next(k for k in toks if _is_ki(doc[k]))
    comma = next((j for j in range(first - 1, a + 2, -1) if doc[j].text == "," and j not in in_direct), None)
    if comma is not None and first > comma + 1 and not any(_is_subj(doc[k]) for k in range(a, comma)) and \
            any(doc[k].pos_ in ("VERB", "AUX") for k in range(a, comma)):
        return comma + 1
    return None


def _kii_statement(doc: Doc, toks: list[int]) -> bool:
    """A statement with a Konjunktiv II form that differs from the preterite (an umlaut: "könnten", "würde",
    "hätten"; not "wollten", "gingen"), no question and no first person (an interview or unmarked direct speech)."""
    words = [doc[k].text.lower() for k in toks]
    return any(w in lexicon().kii and any(ch in w for ch in "äöü") for w in words) and "?" not in words and \
        not any(w in _FIRST_PERSON for w in words)


def _reportative(doc: Doc, toks: list[int]) -> bool:
    """Reportative "sollen": "soll/sollen ...", "sollte ... getötet worden sein" (hearsay, not obligation)."""
    words = {doc[k].text.lower() for k in toks}
    # with a perfect infinitive only: "soll ... getötet haben / worden sein"; "soll ... stattfinden" is a plan
    return bool(words & {"soll", "sollen", "sollte", "sollten"}) and bool(words & {"haben", "sein", "worden"})


def _previous_speaker(found: list[_Q], sent_of: dict[int, int], si: int, window: int = 6) -> tuple[int, int] | None:
    """The speaker of the nearest quote ending in the `window` sentences before sentence si."""
    best = None
    for q in found:
        end_si = sent_of.get(q.end - 1, 0)
        if q.speaker and 0 < si - end_si <= window and (best is None or q.end > best.end):
            best = q
    return best.speaker if best else None


def _anaphoric(doc: Doc, prev: tuple[int, int], a: int, b: int, taken: set[int]) -> _Q | None:
    """ "Dies bestätigte der Sprecher am Abend.": the previous sentence (with the pronoun) is the quote."""
    if doc[a].text not in {"Dies", "Das", "Dieses", "Diese"} or any(k in taken for k in range(*prev)):
        return None
    b2 = _strip_end(doc, a, b)
    for v in range(a + 1, min(a + 4, b2)):
        if doc[v].text in {",", ":"}:
            return None
        # a speech verb, or one with its particle at the end ("Dies gab Airbus in Toulouse bekannt.")
        if _is_cue(doc[v]) or doc[v].text in _PARTICLE_CUES.get(doc[b2 - 1].text, ()):
            if any(doc[k].text == "," and doc[k + 1].text.lower() in _SUBORDINATORS for k in range(v, b2 - 1)):
                return None  # "Dies sagte er, als ...": let other rules decide (not an apposition: ", Susilo ...")
            sp = _speaker_for_cue(doc, v, a, b2)
            pa, pb = prev
            if sp is None or _strip_end(doc, pa, pb) - pa < 4:
                return None
            return _Q(pa, a + 1, "Indirect", sp, (v, v + 1), 0.5, rule="anaphoric")
    return None


_CACHE_SPANS = "lagebild.quotes.spans"
_CACHE_RECORDS = "lagebild.quotes.records"
_RESOLVING = "lagebild.quotes.resolving"


def find_quotes(doc: Doc) -> list[Quote]:
    """All quotes of the Doc (the component's work, also usable on a Doc the component did not run on).

    Computed once per Doc and cached in `doc.user_data`: the actors module asks for speakers while the quotes'
    own speakers are being resolved, and the event coder asks once per token."""
    cached = doc.user_data.get(_CACHE_RECORDS)
    if cached is not None:
        return list(cached)
    found, sents, sent_of = _quote_spans(doc)
    sent_index = _doc_sentence_starts(doc)
    doc.user_data[_RESOLVING] = True
    try:
        records = [_to_record(doc, q, sent_index) for q in found if q.end > q.start]
    finally:
        del doc.user_data[_RESOLVING]
    _resolve_source_adverbs(records)
    doc.user_data[_CACHE_RECORDS] = records
    return list(records)


def _resolve_source_adverbs(records: list[Quote]) -> None:
    """A speaker named only by "Demnach"/"Danach" is the source of the quote just before (within two sentences):
    "Die Staatsanwaltschaft gab ... bekannt. Demnach hat ..." takes the code of that quote's speaker."""
    ordered = sorted(records, key=lambda r: r.start)
    for i, rec in enumerate(ordered):
        if rec.speaker is not None or not rec.speaker_text or rec.speaker_text.lower() not in _SOURCE_ADV:
            continue
        for prev in reversed(ordered[:i]):
            if rec.sentence_index is not None and prev.sentence_index is not None and \
                    rec.sentence_index - prev.sentence_index > 2:
                break
            if prev.speaker is not None and prev.speaker.code:
                rec.speaker = dataclasses.replace(prev.speaker, text=rec.speaker_text, start=rec.speaker_start,
                                                  end=rec.speaker_end, kind="pronoun",
                                                  confidence=min(prev.speaker.confidence, 0.5),
                                                  resolved_from=prev.speaker_text)
                break


def _quote_spans(doc: Doc) -> tuple[list[_Q], list[tuple[int, int]], dict[int, int]]:
    cached = doc.user_data.get(_CACHE_SPANS)
    if cached is not None:
        return cached
    result = _find_spans(doc)
    doc.user_data[_CACHE_SPANS] = result
    return result


def _find_spans(doc: Doc) -> tuple[list[_Q], list[tuple[int, int]], dict[int, int]]:
    sents = sentence_ranges(doc)
    sent_of = {}
    for si, (a, b) in enumerate(sents):
        for k in range(a, b):
            sent_of[k] = si
    found: list[_Q] = []
    direct = _direct_spans(doc)
    in_direct: set[int] = set()
    short: list[tuple[int, int]] = []
    for o, c in direct:
        s_open = sents[sent_of.get(o, 0)]
        s_close = sents[sent_of.get(c, 0)]
        words = sum(1 for t in doc[o + 1:c] if t.is_alpha)
        q = _Q(o, c + 1, "Direct", confidence=0.7, rule="direct")
        # cue after: '"...", sagte X' / '"...", so der Diplomat'
        k = c + 1
        if k < len(doc) and doc[k].text == ",":
            k += 1
        for v in range(k, min(k + 4, s_close[1])):
            if doc[v].text in _ALL_MARKS | _SENT_END:
                break
            if _is_cue(doc[v]) or (doc[v].text.lower() == "so" and v == k and k > c + 1):
                sp = _speaker_for_cue(doc, v, c + 1, s_close[1])
                if doc[v].text.lower() == "so":
                    sp = _np_after(doc, v + 1, s_close[1])
                if sp:
                    q.speaker, q.cue = sp, (v, v + 1)
                    break
        # cue before: 'X sagte: "..."'
        if q.cue is None:
            pass
        lo = max(s_open[0], max((cc + 1 for oo, cc in direct if cc < o), default=s_open[0]))
        if q.cue is None:
            for v in range(o - 1, lo - 1, -1):
                if _is_cue(doc[v]):
                    q.speaker, q.cue = _speaker_for_cue(doc, v, lo, o), (v, v + 1)
                    break
        if q.cue is None and o > lo and doc[o - 1].text == ":":
            q.speaker = _speaker_for_cue(doc, o - 1, lo, o - 1)
            q.cue = None
        if q.cue is None and q.speaker is None and words < 4 or \
                q.cue is None and words < 7 and not any(t.text in _SENT_END for t in doc[o + 1:c + 2]):
            if words:
                short.append((o, c))  # scare quotes, titles, or a phrase quoted inside reported speech
            continue
        if q.cue is None and q.speaker is None:
            # an attribution of the sentence outside the quotation marks: '„...“ laut Gall', 'Nach Meinung
            # des Ministers ist das „völlig untragbar“'
            for sa, sb in {s_open, s_close}:
                att = _attribution(doc, sa, sb, set())
                if att is not None and att.speaker is not None and not o <= att.speaker[0] <= c:
                    q.speaker, q.rule = att.speaker, "direct_attr"
                    break
        found.append(q)
        in_direct.update(range(o, c + 1))
    # a direct quote inside one sentence that covers less than half of it ("äußerten die Richter „gravierende
    # Bedenken“ gegen ...") does not block the sentence's own reported or indirect speech: the corpus marks both
    inline: set[int] = set()
    for q in found:
        si = sent_of.get(q.start, 0)
        sa, sb = sents[si]
        if sent_of.get(q.end - 1, 0) == si and q.end - q.start < 0.5 * (sb - sa):
            inline.update(range(q.start, q.end))
    # a direct quote that continues a clause begun outside the quotation marks ("Er habe „nicht den Eindruck,
    # ...“", "Hartmann erklärte, ihr lägen „bis zur Stunde ...“") is also part of that clause's indirect speech:
    # the corpus marks both, so it blocks neither the sentence's rules nor free indirect speech
    framed = _framed_direct(doc, found, sents, sent_of)
    framed_toks = {k for q in framed for k in range(q.start, q.end)} - inline
    hard_direct = in_direct - inline - framed_toks
    # indirect speech and attributions, one per sentence
    for si, (a, b) in enumerate(sents):
        span_tokens = [k for k in range(a, b) if not doc[k].is_space]
        if not span_tokens:
            continue
        covered = sum(1 for k in span_tokens if k in hard_direct)
        if covered > 0.6 * len(span_tokens):
            continue
        # several indirect quotes in one sentence ("forderte auf, ... zu evakuieren und sagte, ...")
        blocked = set(hard_direct)
        got = False
        while True:
            q = _indirect(doc, a, b, blocked)
            if q is None:
                break
            found.append(q)
            got = True
            blocked.update(range(q.start, q.end))
            if q.cue:
                blocked.update(range(q.cue[0], q.cue[1]))
        for clauses in (_zu_clauses, _dass_clauses):
            for q in clauses(doc, a, b, blocked):
                found.append(q)
                got = True
                blocked.update(range(q.start, q.end))
        # attributions ("laut X", "nach Angaben X") outside the clauses found so far
        q = _attribution(doc, a, b, blocked)
        if q is not None:
            found.append(q)
            got = True
            blocked.update(range(q.start, q.end))
        q = _relative_attribution(doc, a, b, blocked)
        if q is not None:
            found.append(q)
            got = True
        if not got and si > 0:
            q = _anaphoric(doc, sents[si - 1], a, b, blocked)
            if q is not None:
                found.append(q)
                got = True
        if not got and not any(k in hard_direct for k in span_tokens):
            q = _reported(doc, a, b, hard_direct)
            if q is not None:
                found.append(q)
    # free indirect speech: sentences in Konjunktiv I or with reportative "soll" that have no cue of their own;
    # consecutive ones form one quote, the speaker is that of the quote they continue
    quoted_sents: dict[int, _Q] = {}
    framed_sents = {sent_of.get(q.start, 0) for q in framed}
    for q in found:
        if q in framed:
            continue
        for si in range(sent_of.get(q.start, 0), sent_of.get(q.end - 1, 0) + 1):
            quoted_sents.setdefault(si, q)
    last_fi: tuple[int, _Q] | None = None
    for si, (a, b) in enumerate(sents):
        if si in quoted_sents:
            continue
        toks = [k for k in range(a, b) if k not in in_direct]
        if not toks or len(toks) < 0.5 * (b - a) and si not in framed_sents:
            continue
        ki = any(_is_ki(doc[k]) for k in toks)
        soll = _reportative(doc, toks)
        # Konjunktiv II of haben/sein/geben stands in for Konjunktiv I right after a quote ("Es gäbe ...")
        kii = not (ki or soll) and (si - 1) in quoted_sents and \
            any(doc[k].text.lower() in _KII_REPORT for k in toks)
        # inside a run of free indirect speech any Konjunktiv II or "soll(en)" continues it ("Die Kassen brächten
        # jährlich zwei Milliarden auf")
        if not (ki or soll or kii) and last_fi is not None and last_fi[0] == si - 1 and \
                any(doc[k].text.lower() in lexicon().kii or doc[k].text.lower() in {"soll", "sollen"} for k in toks):
            kii = True
        if not (ki or soll or kii):
            continue
        # "Er trat dem Vorwurf mit den Worten entgegen, das Gericht sei ...": the subjunctive starts after a
        # comma, the main clause before it is in the indicative: the content is the clause after the comma (also
        # inside a run: the indicative clause is the narrator's, who starts a new quote)
        clause = _free_clause_start(doc, a, toks, in_direct) if ki else None
        if last_fi is not None and last_fi[0] == si - 1 and clause is None:  # a continuation: one quote
            prev_q = last_fi[1]
            prev_q.end = _strip_end(doc, a, b)
            quoted_sents[si] = prev_q
            last_fi = (si, prev_q)
            continue
        prev = _previous_speaker(found, sent_of, si)
        kind = "IndirectFreeIndirect" if (ki or kii) and prev is not None else "FreeIndirect"
        qa, rule = a, "free_kii" if kii else "free"
        if clause is not None:
            qa, rule = clause, "free_clause"
        elif ki and si > 0 and si - 1 not in quoted_sents and sents[si - 1][1] == a and \
                _kii_statement(doc, [k for k in range(*sents[si - 1]) if k not in in_direct]):
            # a sentence in Konjunktiv II right before starts the run ("Oberhalb von 800 Metern könnten Orkanböen
            # auftreten. Besonders der Westen sei betroffen")
            qa, rule = sents[si - 1][0], "free_back"
        q = _Q(qa, _strip_end(doc, a, b), kind, prev, None, 0.5 if prev else 0.3, rule=rule)
        found.append(q)
        quoted_sents[si] = q
        if rule == "free_back":
            quoted_sents[si - 1] = q
        last_fi = (si, q)
    # a short phrase in quotation marks inside indirect speech is a direct quote of the same speaker
    # ("Sie sei „vollkommen geschockt“"); outside reported speech it is a scare quote or a title
    if short:
        containers = [q for q in found if q.type != "Direct"]
        for o, c in short:
            host = next((q for q in containers if q.start <= o and c < q.end), None)
            if host is not None:
                found.append(_Q(o, c + 1, "Direct", host.speaker, host.cue, 0.5, rule=f"direct_in_{host.rule}"))
    for q in found:
        if q.speaker is not None and not _plausible_speaker(doc, q.speaker):
            q.speaker = None
        q.own_speaker = q.speaker is not None
    # quotes without a speaker of their own continue the nearest quote before them that has one
    found.sort(key=lambda q: q.start)
    for idx, q in enumerate(found):
        if q.speaker is None:
            si = sent_of.get(q.start, 0)
            for other in reversed(found[:idx]):
                if other.speaker and si - sent_of.get(other.end - 1, 0) <= 6:
                    q.speaker = other.speaker
                    q.carried = True
                    q.confidence = min(q.confidence, 0.4)
                    break
    if not _TRAINING and filter_model() is not None:
        found = _apply_filter(doc, found, sents, sent_of)
        if "ranker" in filter_model():
            rank_speakers(doc, found, sents, sent_of, filter_model()["ranker"])
    return found, sents, sent_of


# ------------------------------------------------------------------------------------------- learned filter
# A logistic regression over features of each candidate quote, trained on the train split of the quotation
# corpus by scripts/train_quote_filter.py: whether a candidate is a quote at all, and whether its speaker is
# right. The rules propose, the filter drops what the train split says is mostly wrong.
_TRAINING = False  # set by the training script: all candidates, no filter
_ABSTRACT = ("ung", "heit", "keit", "ion", "nis", "schaft", "tät")
_FIRST_PERSON = {"ich", "wir", "mir", "mich", "uns", "unser", "unsere", "mein", "meine"}


@functools.lru_cache(maxsize=1)
def filter_model() -> dict | None:
    path = RESOURCES / "filter.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf8"))


def candidate_features(doc: Doc, q: _Q, sents: list[tuple[int, int]], sent_of: dict[int, int]) -> dict[str, float]:
    """Features of one candidate quote (shared by the training script and the runtime filter)."""
    f: dict[str, float] = {f"type={q.type}": 1.0, f"rule={q.rule}": 1.0}
    n = q.end - q.start
    words = [t for t in doc[q.start:q.end] if t.is_alpha]
    f["len_log"] = math.log1p(n)
    f["short"] = float(len(words) < 4)
    si_a, si_b = sent_of.get(q.start, 0), sent_of.get(q.end - 1, 0)
    f["n_sents"] = float(min(si_b - si_a + 1, 5))
    a, b = sents[si_a] if sents else (0, len(doc))
    f["sent_cover"] = min(1.0, n / max(1, b - a))
    f["first_sent"] = float(si_a == 0)
    if words:
        f["caps_ratio"] = sum(1 for t in words if t.text[:1].isupper()) / len(words)
        f["first_lower"] = float(words[0].text[:1].islower())
        f["first_dass"] = float(words[0].text.lower() == "dass")
    f["ki"] = float(any(_is_ki(t) for t in words))
    f["kii"] = float(any(t.text.lower() in lexicon().kii for t in words))
    f["first_person"] = float(any(t.text.lower() in _FIRST_PERSON for t in words))
    f["inner_end"] = float(any(t.text in _SENT_END for t in doc[q.start:max(q.start, q.end - 2)]))
    f["has_cue"] = float(q.cue is not None)
    f["has_direct"] = float(q.type != "Direct" and any(doc[k].text in _ALL_MARKS for k in range(q.start, q.end)))

    cue_tok = doc[q.cue[0]] if q.cue is not None else None
    if cue_tok is not None:
        f[f"cue={cue_tok.text.lower()}"] = 1.0
        f["cue_in_reported"] = float(cue_tok.text in lexicon().reported_forms)
        f[f"cue_dep={cue_tok.dep_}"] = 1.0
    if q.type == "Reported":
        # what the sentence is about: its verbs (a report of speech, or an event told with a speech-like verb)
        for t in doc[q.start:q.end]:
            if t.pos_ in ("VERB", "AUX") and t.text[:1].islower():
                f[f"rep_lem={verb_lemma(t)}"] = 1.0
            elif t.text.lower() in {"von", "als", "über", "für", "gegen"} and cue_tok is not None and \
                    t.head.i == cue_tok.i:
                f[f"rep_prep={t.text.lower()}"] = 1.0
    if q.speaker is None:
        f["sp=none"] = 1.0
        return f
    sa, sb = q.speaker
    sp = doc[sa:sb]
    f["sp_carried"] = float(q.carried)
    f["sp_len_log"] = math.log1p(sb - sa)
    low0 = sp[0].text.lower()
    kind = "pronoun" if sb - sa == 1 and low0 in _PRONOUNS else \
        "det" if low0 in _DETS else "name" if sp[0].text[:1].isupper() else "other"
    f[f"sp_kind={kind}"] = 1.0
    for t in sp:
        if t.ent_type_:
            f[f"sp_ent={t.ent_type_}"] = 1.0
    head = _speaker_head(doc, q.speaker).text.lower()
    f["sp_abstract"] = float(head.endswith(_ABSTRACT))
    dist = sent_of.get(sa, 0) - si_a
    f["sp_dist"] = float(max(-3, min(3, dist)))
    f["sp_inside"] = float(q.start <= sa < q.end)
    if cue_tok is not None:
        subj_heads = {c.i for c in cue_tok.children if c.dep_ in ("nsubj", "nsubj:pass")}
        subj_heads |= {c.i for h in cue_tok.children if h.dep_ in ("aux", "aux:pass") for c in h.children
                       if c.dep_ == "nsubj"}
        f["sp_is_nsubj"] = float(any(sa <= i < sb for i in subj_heads))
    f["sp_after"] = float(sa >= q.end)
    return f


# ------------------------------------------------------------------------------------------- speaker ranker
# For each kept quote, candidate speakers from the parse around it (subjects and agents, PER/ORG/LOC names,
# pronouns, source phrases, the rules' own speaker, the speaker of the quote before) are scored by a logistic
# model trained on the train split (scripts/train_quote_filter.py); the best one above a threshold is the speaker.
_CAND_DEPS = {"nsubj", "nsubj:pass", "obl:agent", "obl", "nmod", "obj", "iobj", "appos", "nmod:poss", "conj"}
_CAND_POS = {"NOUN", "PROPN", "PRON"}
_SOURCE_CASE = {"laut", "zufolge", "gemäß", "nach", "von", "vom", "aus", "bei"}
_SOURCE_ADV = {"demnach", "danach"}
_CONJOIN = ("src=", "dep=", "sent=", "nth_before=", "gov_", "pron=", "ent=", "case=", "inside", "after", "dist_log",
            "in_direct", "q_sent_subject", "nth_", "speaks_elsewhere")


_COMPACT_KEEP = _SUBJ_KEEP - {"conj", "cc"}


def _compact(doc: Doc, h: Token, a: int, b: int) -> tuple[int, int]:
    """The noun phrase of head h within [a, b): determiners, adjectives, names, appositions, genitives."""
    lo, hi = _kept_extent(doc, h.i, a, b, _COMPACT_KEEP)
    while hi > lo and doc[hi].text in {",", "(", "-", "und"} | _ALL_MARKS:
        hi -= 1
    while lo < hi and doc[lo].text in {",", ")", "-"} | _ALL_MARKS:
        lo += 1
    if hi - lo >= 10 or any(doc[k].text in _ALL_MARKS for k in range(lo, hi + 1)):
        return (h.i, h.i + 1)
    return (lo, hi + 1)


def _span_head(doc: Doc, span: tuple[int, int]) -> int:
    """The token of the span whose syntactic head lies outside it (the first such)."""
    a, b = span
    for k in range(a, b):
        h = doc[k].head.i
        if h == k or not a <= h < b:
            return k
    return a


def _sentence_candidates(doc: Doc, sents: list[tuple[int, int]], si: int) -> list[tuple[tuple[int, int], str]]:
    """Speaker candidates of one sentence (cached per Doc: neighbouring quotes share sentences)."""
    cache = doc.user_data.setdefault(_CACHE_SENT_CANDS, {})
    if si in cache:
        return cache[si]
    sa, sb = sents[si]
    out = []
    for t in doc[sa:sb]:
        low = t.text.lower()
        if low in _SOURCE_ADV:
            out.append(((t.i, t.i + 1), "adv"))
        elif t.pos_ in _CAND_POS and t.dep_ in _CAND_DEPS and \
                (t.pos_ != "PRON" or low in _PRONOUNS or low in _FIRST_PERSON):
            out.append((_compact(doc, t, sa, sb), "dep"))
    ents = doc.user_data.get(_CACHE_ENTS)
    if ents is None:  # doc.ents builds all spans on each access: once per Doc
        ents = doc.user_data[_CACHE_ENTS] = [(e.start, e.end) for e in doc.ents
                                             if e.label_ in ("PER", "ORG", "LOC", "ORGpart", "OTH")]
    for i in range(bisect.bisect_left(ents, (sa, -1)), len(ents)):
        if ents[i][0] >= sb:
            break
        out.append((ents[i], "ent"))
    cache[si] = out
    return out


_CACHE_SENT_CANDS = "lagebild.quotes.sentence_candidates"
_CACHE_ENTS = "lagebild.quotes.ents"
_CACHE_PLAUSIBLE = "lagebild.quotes.plausible"


def _speaker_candidates(doc: Doc, q: _Q, sents: list[tuple[int, int]], sent_of: dict[int, int],
                        prev: tuple[int, int] | None, in_direct: set[int], mentions: dict[str, int],
                        speakers: set[str]) -> list[tuple[tuple[int, int], dict]]:
    """Candidate speaker spans of quote q with their features."""
    si_a, si_b = sent_of.get(q.start, 0), sent_of.get(q.end - 1, 0)
    lo_s, hi_s = max(0, si_a - 3), min(len(sents) - 1, si_b + 1)
    cands: dict[int, dict] = {}  # by head token

    def add(span: tuple[int, int], src: str) -> None:
        h = _span_head(doc, span)
        c = cands.setdefault(h, {"span": span, "src": set()})
        c["src"].add(src)
        if src in ("rule", "prev"):
            c["span"] = span

    cue = doc[q.cue[0]] if q.cue is not None else None
    for si in range(lo_s, hi_s + 1):
        for span, src in _sentence_candidates(doc, sents, si):
            add(span, src)
    if q.speaker is not None and q.own_speaker:
        add(q.speaker, "rule")
    if prev is not None:
        add(prev, "prev")
    out = []
    q_sent_first = sents[si_a][0]
    colon = q.start - 1 if q.start > q_sent_first and doc[q.start - 1].text == ":" else None
    before = sorted((h for h in cands if h < q.start), reverse=True)
    order = {h: i for i, h in enumerate(before)}
    # rank among the candidates of the same kind before the quote: the nearest subject, speech-verb subject, person
    kinds: dict[str, dict[int, int]] = {}
    for h in before:
        t = doc[h]
        for kind, ok in (("subj", t.dep_ in ("nsubj", "nsubj:pass")), ("per", t.ent_type_ in ("PER", "ORG")),
                         ("speech", t.dep_ == "nsubj" and (_is_cue(t.head) or
                                                          verb_lemma(t.head) in lexicon().reported_lemmas))):
            if ok:
                d = kinds.setdefault(kind, {})
                d[h] = len(d)
    for h, c in cands.items():
        span, tok = c["span"], doc[h]
        plausible = doc.user_data.setdefault(_CACHE_PLAUSIBLE, {})  # neighbouring quotes share candidates
        ok = plausible.get(span)
        if ok is None:
            ok = plausible[span] = _plausible_speaker(doc, span)
        # "Demnach ..." as the quote's own attribution word: the corpus, like a pronoun, names the source by it
        own_adv = cue is not None and span == (cue.i, cue.i + 1) and tok.text.lower() in _SOURCE_ADV
        if not ok and not own_adv:
            continue
        f: dict[str, float] = {f"q_type={q.type}": 1.0, f"q_rule={q.rule}": 1.0}
        if own_adv:
            f["own_adv"] = 1.0
        for src in c["src"]:
            f[f"src={src}"] = 1.0
        if len(c["src"]) > 1:
            f["src_multi"] = 1.0
        low = tok.text.lower()
        f[f"dep={tok.dep_}"] = 1.0
        f[f"pos={tok.pos_}"] = 1.0
        f[f"ent={tok.ent_type_ or 'none'}"] = 1.0
        if low in _PRONOUNS or low in _FIRST_PERSON:
            f[f"pron={low}"] = 1.0
        kids, deps = _tree(doc)
        case = {doc[c2].text.lower() for c2 in kids[h] if deps[c2] == "case"}
        # the word before the phrase ("laut X", "so X", "nach Angaben X") and after it ("X zufolge"), whatever the parse
        if span[0] > 0:
            case.add(doc[span[0] - 1].text.lower())
        case &= _SOURCE_CASE | {"so", "angaben", "informationen", "berichten", "aussagen"}
        if span[1] < len(doc) and doc[span[1]].text.lower() == "zufolge":
            case.add("zufolge")
        for cs in case:
            f[f"case={cs}"] = 1.0
        if tok.dep_ == "nmod" and tok.head.text.lower() in lexicon().source_nouns:
            f["nmod_of_source"] = 1.0
        gov = tok.head
        if gov.i != h:
            # the cue may be the verb's separated particle ("fügte ... hinzu")
            if cue is not None and (gov.i == cue.i or gov.head.i == cue.i and gov.dep_ in ("aux", "aux:pass")
                                    or cue.head.i == gov.i and cue.dep_ in ("aux", "aux:pass", "xcomp",
                                                                            "compound:prt")):
                f["gov_is_cue"] = 1.0
                f[f"cue_dep={tok.dep_}"] = 1.0
            if _is_cue(gov) or verb_lemma(gov) in lexicon().reported_lemmas:
                f["gov_speech"] = 1.0
                f[f"gov_speech_dep={tok.dep_}"] = 1.0
        sc = sent_of.get(h, 0)
        rel = "in" if si_a <= sc <= si_b else str(max(-3, sc - si_a)) if sc < si_a else "+1"
        f[f"sent={rel}"] = 1.0
        inside = q.start <= h < q.end
        f["inside"] = float(inside)
        if not inside:
            dist = q.start - span[1] if h < q.start else h - q.end
            f["dist_log"] = math.log1p(max(0, dist))
            f["after"] = float(h >= q.end)
        if h in order:
            f[f"nth_before={min(order[h], 4)}"] = 1.0
        for kind, d in kinds.items():
            if h in d:
                f[f"nth_{kind}={min(d[h], 2)}"] = 1.0
        f["mentions_log"] = math.log1p(mentions.get(tok.text, 0))
        f["speaks_elsewhere"] = float(tok.text in speakers)
        f["in_direct"] = float(h in in_direct and not inside)
        f["sent_initial"] = float(span[0] == sents[sc][0])
        f["span_len_log"] = math.log1p(span[1] - span[0])
        f["caps"] = float(tok.text[:1].isupper())
        f["abstract"] = float(low.endswith(_ABSTRACT))
        f["q_sent_subject"] = float(sc == si_a and span[0] < q.start and tok.dep_ == "nsubj"
                                    and span[0] >= q_sent_first)
        # the subject of the clause a colon ends right before the quote ("Er fuhr fort: „...“"), whatever its verb
        if colon is not None and tok.dep_ == "nsubj" and q_sent_first <= span[0] and span[1] <= gov.i < colon:
            f["colon_subject"] = 1.0
        # the same cue means different things for different kinds of quote: conjoin with the quote's kind
        group = q.type + ("+cue" if q.cue is not None else "") + ("+own" if q.own_speaker else "")
        for k in [k for k in f if k.startswith(_CONJOIN)]:
            f[f"{k}|{group}"] = f[k]
            f[f"{k}|{q.rule}"] = f[k]  # how far a rule's own speaker can be trusted depends on the rule
        out.append((span, f))
    return out


def rank_speakers(doc: Doc, found: list[_Q], sents: list[tuple[int, int]], sent_of: dict[int, int],
                  model: dict, collect: list | None = None) -> None:
    """Give each quote the best-scoring candidate speaker (or none below the threshold). With `collect`, append
    (quote, candidate spans, features) for training instead of deciding."""
    in_direct = {k for q in found if q.type == "Direct" for k in range(q.start, q.end)}
    # salience: how often a capitalised word recurs, and the names the rules found speaking
    mentions: dict[str, int] = {}
    for t in doc:
        if t.pos_ == "PROPN":
            mentions[t.text] = mentions.get(t.text, 0) + 1
    speakers = {doc[_span_head(doc, q.speaker)].text for q in found if q.own_speaker and q.speaker is not None}
    prev: tuple[int, int] | None = None
    prev_si = -99
    for q in sorted(found, key=lambda q: q.start):
        si = sent_of.get(q.start, 0)
        p = prev if si - prev_si <= 6 else None
        cands = _speaker_candidates(doc, q, sents, sent_of, p, in_direct, mentions, speakers)
        if q.own_speaker and q.speaker is not None:
            prev, prev_si = q.speaker, sent_of.get(q.end - 1, 0)
        if collect is not None:
            collect.append((q, cands))
            continue
        best, best_p = None, -1.0
        for span, f in cands:
            sc = _score(model, f)
            if sc > best_p:
                best, best_p = span, sc
        q.speaker = best if best is not None and best_p >= model["threshold"] else None


def _score(weights: dict, feats: dict[str, float]) -> float:
    z = weights["intercept"] + sum(weights["coef"].get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _apply_filter(doc: Doc, found: list[_Q], sents: list[tuple[int, int]], sent_of: dict[int, int]) -> list[_Q]:
    model = filter_model()
    kept = []
    for q in found:
        feats = candidate_features(doc, q, sents, sent_of)
        p = _score(model["quote"], feats)
        if p < model["quote"]["threshold"]:
            continue
        q.confidence = round(p, 3)
        if q.speaker is not None and "ranker" not in model and "speaker" in model and \
                _score(model["speaker"], feats) < model["speaker"]["threshold"]:
            q.speaker = None
        kept.append(q)
    return kept


def _to_record(doc: Doc, q: _Q, sent_starts: list[int] | None) -> Quote:
    span = doc[q.start:q.end]
    si = bisect.bisect_right(sent_starts, q.start) - 1 if sent_starts else None
    rec = Quote(text=span.text, start=span.start_char, end=span.end_char, type=q.type,
                sentence_index=si if si is not None and si >= 0 else None, confidence=q.confidence)
    if q.speaker:
        a, b = _trim_speaker(doc, q.speaker)
        sp = doc[a:b]
        rec.speaker_text, rec.speaker_start, rec.speaker_end = sp.text, sp.start_char, sp.end_char
        rec.speaker = _resolve(doc, (a, b))
    if q.cue:
        cue = doc[q.cue[0]:q.cue[1]]
        rec.cue, rec.cue_start, rec.cue_end = cue.text, cue.start_char, cue.end_char
    return rec


def _trim_speaker(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """The speaker's noun phrase without what the parse attached to it from the rest of the clause: a noun phrase
    modifies another only in the genitive or with a preposition, so a dative or accusative one ("Außenminister
    Lawrow dem Sender Rossija 1") and a time adverbial ("ein Offizier am Dienstag der Agentur AFP") end it."""
    a, b = span
    for k in range(a + 1, b):
        low = doc[k].text.lower()
        if low in {"dem", "den", "einem", "einen"} and doc[k - 1].pos_ != "ADP" or \
                low in {"am", "an", "vom", "seit"} and k + 1 < b and doc[k + 1].text[:1].isupper() and \
                doc[k + 1].text.lower() in WEEKDAYS or \
                low in {"heute", "gestern", "morgen"}:
            # and a relative clause the cut leaves open (", die dem STANDARD vorliegt")
            while k > a + 1 and (doc[k - 1].text in {",", "(", "-"} or doc[k - 1].text.lower() in _RELATIVE
                                 and doc[k - 2].text == ","):
                k -= 1
            return (a, k)
    return span


def _doc_sentence_starts(doc: Doc) -> list[int] | None:
    """Start tokens of the Doc's own sentences (Quote.sentence_index counts those), None without boundaries."""
    try:
        return [sent.start for sent in doc.sents]
    except ValueError:  # no sentence boundaries set
        return None


@Language.component("lagebild_quotes")
def quotes_component(doc: Doc) -> Doc:
    if doc._.lb_quotes is None:
        doc._.lb_quotes = []
    doc._.lb_quotes.extend(find_quotes(doc))
    return doc


def attribution_for_token(doc: Doc, token: Token) -> ActorRef | None:
    """The speaker if `token` lies inside a quote, indirect speech or attribution, else None.

    The speaker is the resolved actor when the actors module resolves it; otherwise an ActorRef of the speaker's
    surface text with an empty code and low confidence.
    """
    if Doc.has_extension("lb_quotes") and doc._.lb_quotes:
        quotes = doc._.lb_quotes
    elif _RESOLVING in doc.user_data:
        # asked by the actors module while this module resolves its speakers: the spans, unresolved
        return _unresolved_speaker(doc, token)
    else:
        quotes = find_quotes(doc)
    pos = token.idx
    best = None
    for q in quotes:
        if q.start <= pos < q.end and (best is None or q.end - q.start < best.end - best.start):
            best = q  # the innermost quote
    if best is None:
        return None
    if best.speaker is not None:
        return best.speaker
    if best.speaker_text is None:
        return None
    return ActorRef(text=best.speaker_text, start=best.speaker_start or 0, end=best.speaker_end or 0, code="",
                    kind="name", confidence=0.3)


def _unresolved_speaker(doc: Doc, token: Token) -> ActorRef | None:
    """The speaker span of the innermost quote around `token` as an ActorRef without a code."""
    found, _, _ = _quote_spans(doc)
    best = None
    for q in found:
        if q.start <= token.i < q.end and q.speaker and (best is None or q.end - q.start < best.end - best.start):
            best = q
    if best is None:
        return None
    sp = doc[best.speaker[0]:best.speaker[1]]
    return ActorRef(text=sp.text, start=sp.start_char, end=sp.end_char, code="", kind="name", confidence=0.3)
