"""Clause segmentation of a German sentence from punctuation, conjunctions and part-of-speech tags.

Used by places and dates as a scope that does not depend on the parser's attachments: the parse often hangs a
place or date phrase on the wrong word, but whether two words lie in the same clause follows from commas, dashes,
subordinating conjunctions and relative pronouns (STTS tags), which the tagger gets right far more often.

A sentence is cut into chunks at clause punctuation. A chunk that starts with a subordinator (KOUS "dass", "nachdem",
"als", "weil"; a relative pronoun "die", "der", "mit der", "durch die"; "wie") is a subordinate clause of its own; a
chunk with "um/ohne/statt ... zu" is an infinitive clause; a chunk that starts with "und/oder/aber/sondern" and has its
own finite verb is a coordinated main clause. All other chunks (the main clause before and after an inserted
relative clause, appositions, enumerations, a participle after a dash) belong to the clause before them.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

BOUNDARY = {",", ";", ":", "–", "—", "(", ")"}  # not quotes: a quoted phrase is often part of the clause
SUBORDINATORS = {"dass", "daß", "weil", "nachdem", "als", "wenn", "ob", "während", "obwohl", "obgleich", "bevor",
                 "seitdem", "damit", "sodass", "indem", "falls", "sobald", "solange", "wie", "wo", "wobei",
                 "bis", "ehe", "seit", "da", "weshalb", "weswegen", "wodurch", "womit", "worauf"}
INFINITIVE_INTRO = {"um", "ohne", "statt", "anstatt"}
COORD = {"und", "oder", "aber", "sondern", "doch", "denn"}
FINITE = {"VVFIN", "VAFIN", "VMFIN"}
REL_TAGS = {"PRELS", "PRELAT", "PWAV", "KOUS"}
REL_FORMS = {"dem", "der", "denen", "die", "das", "den", "deren", "dessen", "welchem", "welcher", "welche"}


def _chunks(sent: Span) -> list[list[Token]]:
    chunks: list[list[Token]] = [[]]
    for t in sent:
        if t.text in BOUNDARY or (t.text == "-" and t.is_punct and t.whitespace_):
            if chunks[-1]:
                chunks.append([])
            continue
        chunks[-1].append(t)
    return [c for c in chunks if c]


def _kind(chunk: list[Token]) -> str:
    words = [t for t in chunk if not t.is_punct]
    if not words:
        return "cont"
    first = words[0]
    second = words[1] if len(words) > 1 else None
    low = first.lower_
    if low in INFINITIVE_INTRO and any(t.tag_ == "VVIZU" or t.lower_ == "zu" for t in words[1:]):
        return "inf"
    misread_article = first.tag_ in ("PRELS", "PRELAT") and not any(t.tag_ in FINITE for t in words)
    # a relative clause has a finite verb: "– den bislang gehaltenen Ostteil eingenommen" continues the main clause
    if not misread_article and (first.tag_ in REL_TAGS
                                or low in SUBORDINATORS and (first.tag_.startswith("KO") or first.tag_ == "PWAV")):
        return "sub"
    # a relative pronoun after a preposition: "mit der er ...", "durch die es ..."
    if first.tag_.startswith("APPR") and second is not None and second.tag_ in ("PRELS", "PRELAT", "PWS", "PWAV"):
        return "sub"
    # ... and when the tagger calls that pronoun an article: the finite verb at the end marks a subordinate clause
    if first.tag_.startswith("APPR") and second is not None and second.lower_ in REL_FORMS \
            and words[-1].tag_ in FINITE:
        return "sub"
    if low in REL_FORMS and len(words) > 2 and words[-1].tag_ in FINITE and first.i > first.sent.start:
        return "sub"  # "…, die am 1. Juli festgenommen wurde": a relative pronoun tagged as an article
    if low in COORD and any(t.tag_ in FINITE for t in words[1:]):
        return "main"
    if any(t.tag_ in FINITE for t in words):
        return "main"
    return "cont"


def clause_ids(sent: Span) -> dict[int, int]:
    """Token index → clause id for the tokens of `sent` (punctuation gets the id of the clause before it)."""
    ids: dict[int, int] = {}
    chunks = _chunks(sent)
    kinds = [_kind(c) for c in chunks]
    clause_of: list[int] = []
    last_main: int | None = None
    for n, kind in enumerate(kinds):
        if kind == "cont":
            # the rest of the main clause after an inserted subordinate clause, an apposition, an enumeration
            cid = last_main if last_main is not None else (clause_of[-1] if clause_of else n)
            if last_main is None and not clause_of:
                last_main = n
        elif kind == "main" and n > 0 and kinds[n - 1] != "main" and last_main is not None \
                and not any(t.tag_ in FINITE for t in chunks[last_main]) \
                and chunks[n][0].lower_ not in COORD:
            # "Die Proteste, die ..., richten sich ...": the finite verb of the interrupted main clause
            cid = last_main
        else:
            cid = n
            if kind == "main":
                last_main = n
        clause_of.append(cid)
    for chunk, cid in zip(chunks, clause_of, strict=True):
        for t in chunk:
            ids[t.i] = cid
    current = clause_of[0] if clause_of else 0
    for t in sent:
        if t.i in ids:
            current = ids[t.i]
        else:
            ids[t.i] = current
    return ids


def same_clause(a: Token, b: Token) -> bool:
    """Do tokens `a` and `b` (of one sentence) lie in the same clause?"""
    if a.sent != b.sent:
        return False
    ids = clause_ids(a.sent)
    return ids.get(a.i) == ids.get(b.i)


def clause_kind(tok: Token) -> str:
    """'main', 'sub', 'inf' or 'cont' for the chunk of `tok`."""
    sent = tok.sent
    for chunk in _chunks(sent):
        if any(t.i == tok.i for t in chunk):
            return _kind(chunk)
    return "main"


def clause_start(tok: Token) -> Token | None:
    """The first word of the chunk that holds `tok` (for "Seit 2003, als ...": the word after the comma)."""
    for chunk in _chunks(tok.sent):
        if any(t.i == tok.i for t in chunk):
            return chunk[0]
    return None


def clause_verb(tok: Token) -> Token:
    """The nearest verb governing `tok` (itself if it is a verb); the root when there is none."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "aux:pass", "cop"):
            return t
        if t.head is t:
            return t
        t = t.head
    return t
