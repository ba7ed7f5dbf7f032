"""Loading the trained pipeline and preparing Docs for it.

The trained components (tok2vec, tagger, morphologizer, lemmatizer, parser, ner) live in
`lagebild/resources/model` (built by `lagebild train`, see training/README.md). The extraction components of
`lagebild.extract` are appended at load time, so one `nlp.pipe` call runs analysis and extraction over one Doc.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from lagebild.errors import ModelError

MODEL_DIR = Path(__file__).resolve().parent.parent / "resources" / "model"

# Doc extensions shared by the extraction components (set in make_doc, filled by the components)
DOC_LISTS = ("lb_places", "lb_dates", "lb_actors", "lb_figures", "lb_quotes", "lb_events", "lb_reasons")
for _name in DOC_LISTS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Doc.has_extension("lb_article_date"):
    Doc.set_extension("lb_article_date", default=None)
if not Doc.has_extension("lb_meta"):
    Doc.set_extension("lb_meta", default=None)


def _cached_text(doc: Doc) -> str:
    # spaCy's Doc.text joins every token on each access; extractors slice the text in loops
    text = doc.user_data.get("lagebild.text")
    if text is None:
        text = doc.user_data["lagebild.text"] = doc.text
    return text


if not Doc.has_extension("lb_text"):
    Doc.set_extension("lb_text", getter=_cached_text)


# "Wien – ", "Kabul (AFP) – ", "Berlin/Ankara – " at the start of the text, a line or a sentence
DATELINE = re.compile(r"(?:^|(?<=[.!?:\"“”»)]\s)|(?<=\n))\s*([A-ZÄÖÜ][\w'’-]*(?:[ /-][A-ZÄÖÜ][\w'’-]*|"
                      r" (?:de|del|da|am|an der|im) [A-ZÄÖÜ][\w'’-]*){0,4})(?:\s*\([^()\n]{1,25}\))?\s+[–—]\s+(?=\S)")


@Language.component("lagebild_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break always ends a sentence (headlines, paragraphs), and an agency dateline ("Wien – ", "Kabul (AFP)
    – ") is a sentence of its own, so that the parser does not take its place name for the subject of the report's
    first sentence; the parser decides the rest."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.is_space:
            tok.is_sent_start = False  # white space stays with the sentence before it
        elif prev.is_space and "\n" in prev.text:
            tok.is_sent_start = True
    for m in DATELINE.finditer(doc._.lb_text):
        first = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        # the tagger has run: a dateline's words are names ("Wien", "Santiago de Chile"; the tagger calls some of
        # them nouns), not "Die Frage –"; a heading of one noun split off the same way costs nothing
        if first is None or first[0].tag_ not in ("NE", "FM", "NN") or \
                any(t.tag_ not in ("NE", "FM", "NN", "APPR", "ART", "$(") for t in first if not t.is_punct):
            continue
        k = first.end  # the report's first token: the one the match ends at, after "(AFP) – "
        while k < len(doc) and doc[k].idx < m.end():
            k += 1
        if k >= len(doc) or k - first.end > 8:
            continue
        for t in doc[first.start + 1:k]:
            t.is_sent_start = False
        if first.start > 0:
            doc[first.start].is_sent_start = True
        doc[k].is_sent_start = True
        for t in doc[k + 1:min(k + 4, len(doc))]:  # nor does the report's first word make a sentence ("Russland")
            if t.is_punct or t.is_space or t.is_sent_start:
                break
            t.is_sent_start = False
    return doc


# Runs of spaces inside a line ("die  deutschen Gerichte", frequent in text taken from web pages: 211 of 1,028
# derStandard articles) become whitespace tokens. The model learnt from treebanks without them and tags and attaches
# them as words (a " " tagged NUM heading "die"). The trained components therefore read the text without those
# tokens, and their annotation is then laid back onto the Doc of the original text, so every offset stays an offset
# into the text the user gave. Line breaks stay tokens: they mark paragraphs and headlines.
_SPACES_KEY = "lagebild.spaces.original"
# lagebild's own components of the analysis stage (the rest of the lagebild_* components extract)
ANALYSIS_COMPONENTS = ("lagebild_spaces_out", "lagebild_paragraphs", "lagebild_spaces_back")


def _extra_space(tok) -> bool:
    return tok.is_space and "\n" not in tok.text and tok.i > 0


def _copy_extensions(src: Doc, dst: Doc) -> None:
    """The `doc._.*` values (article date, metadata, record lists) of `src` onto `dst`."""
    for key, value in src.user_data.items():
        if isinstance(key, tuple) and key[:1] == ("._.",):
            dst.user_data[key] = value


@Language.component("lagebild_spaces_out")
def spaces_out(doc: Doc) -> Doc:
    """A Doc without the extra whitespace tokens of `doc` (the original is kept for `lagebild_spaces_back`)."""
    keep = [t for t in doc if not _extra_space(t)]
    if len(keep) == len(doc):
        return doc
    spaces = [bool(t.whitespace_) or (t.i + 1 < len(doc) and _extra_space(doc[t.i + 1])) for t in keep]
    clean = Doc(doc.vocab, words=[t.text for t in keep], spaces=spaces)
    _copy_extensions(doc, clean)
    clean.user_data[_SPACES_KEY] = ([t.text for t in doc], [bool(t.whitespace_) for t in doc], [t.i for t in keep])
    return clean


@Language.component("lagebild_spaces_back")
def spaces_back(doc: Doc) -> Doc:
    """The Doc of the original text with the annotation the trained components gave the cleaned one."""
    saved = doc.user_data.get(_SPACES_KEY)
    if saved is None:
        return doc
    words, spaces, keep = saved  # keep[c]: the original index of the cleaned Doc's token c
    tags, pos, morphs, lemmas, deps, heads, starts = [], [], [], [], [], [], []
    c, last_word = 0, 0
    for i, word in enumerate(words):
        if c < len(keep) and keep[c] == i:
            t = doc[c]
            tags.append(t.tag_)
            pos.append(t.pos_)
            morphs.append(str(t.morph))
            lemmas.append(t.lemma_)
            deps.append(t.dep_)
            heads.append(keep[t.head.i])
            starts.append(bool(t.is_sent_start))
            c, last_word = c + 1, i
        else:  # an extra space: attached to the word before it, as spaCy's own models do
            tags.append("_SP")
            pos.append("SPACE")
            morphs.append("")
            lemmas.append(word)
            deps.append("dep")
            heads.append(last_word)
            starts.append(False)
    ents = ["O"] * len(words)
    for e in doc.ents:
        a, b = keep[e.start], keep[e.end - 1]
        ents[a] = f"B-{e.label_}"
        for k in range(a + 1, b + 1):
            ents[k] = f"I-{e.label_}"
    out = Doc(doc.vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs, lemmas=lemmas, heads=heads,
              deps=deps, sent_starts=starts, ents=ents)
    _copy_extensions(doc, out)
    return out


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, extract: bool = True) -> Language:
    """Load the trained German pipeline; with `extract`, append lagebild's extraction components."""
    path = Path(model) if model else MODEL_DIR
    if not (path / "config.cfg").exists():
        raise ModelError(f"no trained pipeline at {path}: run `lagebild train` (see training/README.md)")
    nlp = spacy.load(path)
    if nlp.pipe_names:
        nlp.add_pipe("lagebild_spaces_out", first=True)
        nlp.add_pipe("lagebild_spaces_back", last=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("lagebild_paragraphs", before="parser")
    if extract:
        from lagebild.extract import add_extractors

        add_extractors(nlp)
    return nlp


def make_doc(nlp: Language, text: str, date: dt.date | None = None, meta: dict | None = None) -> Doc:
    """Tokenize `text` and attach the article date and metadata, ready for `nlp.pipe`."""
    doc = nlp.make_doc(text)
    doc._.lb_article_date = date
    doc._.lb_meta = meta or {}
    for name in DOC_LISTS:
        setattr(doc._, name, [])
    return doc
