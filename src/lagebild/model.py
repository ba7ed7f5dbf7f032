"""The data model: every record lagebild produces, in one place.

Offsets are character offsets into the article text, end exclusive. Every record that the extractors produce
carries its evidence span (`text`, `start`, `end`) and a `confidence` in [0, 1]. `to_dict()` gives the JSON shape
that the CLI prints, the store writes and the exports start from (see docs/formats.md).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
from dataclasses import dataclass, field
from typing import Any

MODALITIES = ("asserted", "negated", "failed", "future", "hypothetical", "historical")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def _clean(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _clean(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class Record:
    """Mixin: `to_dict()` as plain JSON-able data."""

    def to_dict(self) -> dict[str, Any]:
        return _clean(self)


@dataclass
class Token(Record):
    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    morph: str
    dep: str
    head: int
    ent: str = ""


@dataclass
class Sentence(Record):
    index: int
    text: str
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)


@dataclass
class Entity(Record):
    text: str
    start: int
    end: int
    label: str
    sentence_index: int
    confidence: float = 1.0


@dataclass
class ActorRef(Record):
    """One actor mention, resolved to a CAMEO-style code (RUSGOV, SYRREB, IGOUNO, ---INS)."""

    text: str
    start: int
    end: int
    code: str
    country: str | None = None  # ISO 3166 alpha-3, or None for IGOs / non-state actors without a country
    sector: str | None = None  # GOV, MIL, REB, OPP, CVL, LEG, JUD, COP, PTY, ...
    name: str | None = None  # canonical name of the matched entry (person, organisation, country)
    entry: str | None = None  # id of the dictionary entry that matched
    kind: str = "name"  # country | metonym | igo | person | sector | pronoun | nonstate
    confidence: float = 0.5
    resolved_from: str | None = None  # for pronouns, "man", role nouns: the antecedent's text


@dataclass
class Place(Record):
    text: str
    start: int
    end: int
    geonameid: int | None
    name: str
    country: str | None  # ISO alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # PCLI (country), ADM1, PPL...
    part: str | None = None  # east, west, north, south ("Ost-Aleppo")
    confidence: float = 0.5


@dataclass
class DateRef(Record):
    value: str | None  # YYYY-MM-DD; month precision: first of month; year precision: 1 January
    precision: str  # day | month | year
    text: str | None
    start: int | None
    end: int | None
    from_article_date: bool = False
    end_value: str | None = None  # for ranges ("seit 2011" → until the article date)
    confidence: float = 0.5


@dataclass
class Figure(Record):
    """A number in the text: value with bounds; `kind` says what is counted."""

    text: str
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    kind: str | None = None  # dead | injured | displaced | arrested | evacuated | None
    cumulative: bool = False  # a running total of a conflict/period, never an event's toll
    period: str | None = None  # for cumulative figures, e.g. "seit 2011"
    event_id: str | None = None
    sentence_index: int | None = None
    confidence: float = 0.5


@dataclass
class Quote(Record):
    text: str
    start: int
    end: int
    type: str  # Direct | Indirect | FreeIndirect | IndirectFreeIndirect | Reported (the Wikinews corpus's types)
    speaker: ActorRef | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    sentence_index: int | None = None
    confidence: float = 0.5


@dataclass
class Trigger(Record):
    text: str
    start: int
    end: int
    lemma: str


@dataclass
class Event(Record):
    id: str
    sentence: str
    sentence_index: int
    trigger: Trigger
    plover_type: str
    plover_mode: str | None
    plover_context: list[str]
    cameo_code: str
    goldstein: float | None
    quad_class: int | None
    actor: list[ActorRef]
    recipient: list[ActorRef]
    location: Place | None = None
    date: DateRef | None = None
    modality: str = "asserted"
    attributed_to: ActorRef | None = None
    dead: int | None = None
    injured: int | None = None
    confidence: float = 0.5
    evidence: list[str] = field(default_factory=list)
    entry: str | None = None  # lexicon entry id

    @property
    def cameo_root(self) -> str:
        return self.cameo_code[:2]

    def to_dict(self) -> dict[str, Any]:
        d = _clean(self)
        d["plover"] = {"type": d.pop("plover_type"), "mode": d.pop("plover_mode"), "context": d.pop("plover_context")}
        d["cameo"] = {"code": d.pop("cameo_code"), "root": self.cameo_root, "goldstein": d.pop("goldstein"),
                      "quad_class": d.pop("quad_class")}
        return d


@dataclass
class Reason(Record):
    """Why a candidate was not coded (or was coded with low confidence)."""

    sentence_index: int
    message: str
    stage: str = "events"  # events | actors | places | dates | figures | quotes
    trigger: Trigger | None = None
    text: str | None = None


@dataclass
class Article(Record):
    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    actors: list[ActorRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)

    def to_dict(self, tokens: bool = True) -> dict[str, Any]:
        d = {f.name: _clean(getattr(self, f.name)) for f in dataclasses.fields(self) if f.name != "events"}
        d["events"] = [e.to_dict() for e in self.events]
        if not tokens:
            for s in d["sentences"]:
                s.pop("tokens", None)
        return d


def article_id(text: str) -> str:
    """Stable id: a hash of the text, so re-coding the same corpus gives the same ids."""
    return hashlib.sha1(text.encode("utf8")).hexdigest()[:16]


# -------------------------------------------------------------------------------------------- serialisation
# The extractors keep their records on the Doc (`doc._.lb_*`); spaCy serialises a Doc's extension values with
# msgpack (`Doc.to_bytes`, `DocBin(store_user_data=True)`, and `nlp.pipe(n_process=N)`, which ships every Doc back
# from its worker that way). msgpack knows no dataclasses or dates: these hooks, registered with srsly (spaCy's
# serialiser), write a record as its class name and fields and read it back as the same record.
_RECORD_KEY = "__lagebild_record__"
_DATE_KEY = "__lagebild_date__"


@functools.cache
def _record_types() -> dict[str, type]:
    return {cls.__name__: cls for cls in Record.__subclasses__() if dataclasses.is_dataclass(cls)}


def _msgpack_encode(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, Record) and dataclasses.is_dataclass(obj):
        return {_RECORD_KEY: type(obj).__name__,
                "fields": {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}}
    if isinstance(obj, dt.date) and not isinstance(obj, dt.datetime):
        return {_DATE_KEY: obj.isoformat()}
    return obj if chain is None else chain(obj)


def _msgpack_decode(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, dict):
        if _RECORD_KEY in obj:
            cls = _record_types().get(obj[_RECORD_KEY])
            if cls is not None:  # every sequence field of a record is a list (DocBin reads arrays as tuples)
                return cls(**{k: list(v) if isinstance(v, tuple) else v for k, v in obj["fields"].items()})
        elif _DATE_KEY in obj and len(obj) == 1:
            return dt.date.fromisoformat(obj[_DATE_KEY])
    return obj if chain is None else chain(obj)


def _register_msgpack_hooks() -> None:
    try:
        import srsly
    except ImportError:  # srsly comes with spaCy; without it there is nothing to serialise
        return
    if "lagebild" not in srsly.msgpack_encoders.get_all():
        srsly.msgpack_encoders.register("lagebild", func=_msgpack_encode)
        srsly.msgpack_decoders.register("lagebild", func=_msgpack_decode)


_register_msgpack_hooks()
