"""Actors: German actor mentions resolved to CAMEO-style codes (RUSGOV, SYRMIL, IGOUNO, ---INS).

The dictionary is data (`lagebild/resources/actors/*.tsv`, built by `scripts/build_actors.py`): countries with
names, genitives, adjectives and demonyms; capitals and seats of power (metonyms); organisations and non-state
groups; sector nouns; persons with roles valid on dates. A mention is a nominal phrase: its head gives the sector
("Regierungstruppen" → MIL, compounds match by their last element), its modifiers give the country (adjective
"syrische", genitive "Frankreichs", "von"/"in" phrase, compound prefix "US-"), a name in it gives a person or an
organisation. Pronouns, "man" and role nouns ("der Präsident", "das Land") are resolved to an antecedent actor.

The phrase is taken from the dependency parse where it has one and, because parses of news text fail often, also
from the surface (adjacent modifiers and names); the lexicon decides what counts, so a bad parse costs recall
rather than producing actors from nowhere.

Confidence (see docs): a fixed value per kind of evidence, ordered by how reliable that evidence is: a full
person name or an organisation name (0.9) > adjective/genitive country + sector noun (0.85) > country name or
metonym (0.75-0.8) > surname alone (0.75) > a role noun resolved to an antecedent (0.6) > pronoun (0.55) > "man"
(0.5) > a sector noun that takes its country from the article's dominant country (0.4).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from lagebild.extract.places import dateline_spans
from lagebild.model import ActorRef

RESOURCE_DIR = Path(__file__).resolve().parent.parent / "resources" / "actors"

# --------------------------------------------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------------------------------------------

PARTICLES = {"al", "el", "as", "ad", "ash", "ar", "az", "an"}


@functools.lru_cache(maxsize=200_000)
def norm(text: str) -> str:
    """Case- and accent-insensitive key: 'Erdoğan' → 'erdogan', 'Weiße' → 'weisse'."""
    text = text.replace("ß", "ss").replace("’", "'")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.casefold()


@functools.lru_cache(maxsize=200_000)
def name_parts(text: str) -> tuple[str, ...]:
    """Key of a person name: words split at spaces and hyphens, particles (al-, el-) dropped."""
    parts = [p for p in norm(text).replace("-", " ").replace(".", " ").split() if p]
    kept = tuple(p for p in parts if p not in PARTICLES)
    return kept or tuple(parts)


@dataclass(frozen=True)
class Role:
    code: str
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    country: str
    forms: tuple[str, ...]
    roles: tuple[Role, ...]

    def role_on(self, date: dt.date | None) -> tuple[str, float]:
        """The role code valid on `date` and a confidence factor (1.0 inside a dated range)."""
        dated = [r for r in self.roles if r.start or r.end]
        undated = [r for r in self.roles if not (r.start or r.end)]
        if date is None:
            # no article date: the most recent role
            if dated:
                best = max(dated, key=lambda r: r.end or dt.date.max)
                return best.code, 0.8
            return undated[0].code, 0.8
        inside = [r for r in dated if (r.start is None or r.start <= date) and (r.end is None or date <= r.end)]
        if inside:
            # prefer a government/military role over ELI where ranges overlap
            inside.sort(key=lambda r: r.code[3:6] == "ELI")
            return inside[0].code, 1.0
        if undated:
            # Phoenix: an undated role applies outside the dated ones; a GOV-type default wins over ELI
            undated.sort(key=lambda r: r.code[3:6] == "ELI")
            return undated[-1].code if len(undated) > 1 and undated[-1].code[3:6] == "ELI" else undated[0].code, 0.8
        nearest = min(dated, key=lambda r: min(abs((date - d).days) for d in (r.start, r.end) if d))
        return nearest.code, 0.5


@dataclass(frozen=True)
class Org:
    id: str
    code: str
    kind: str  # igo | ngo | nonstate
    name: str


@dataclass
class Lexicon:
    countries: dict[str, tuple[str, str]] = field(default_factory=dict)  # form → (ISO3, kind)
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 → a German name
    multi: dict[tuple[str, ...], tuple[str, object]] = field(default_factory=dict)  # token key → (type, entry)
    org_prefixes: dict[str, Org] = field(default_factory=dict)
    # parties sharing a form ("Grünen": Germany's and Austria's): entry id of the first → all of them
    party_alternatives: dict[str, list[Org]] = field(default_factory=dict)
    sectors: dict[str, tuple[str, str]] = field(default_factory=dict)  # form → (sector, kind)
    sector_suffixes: list[tuple[str, str, str]] = field(default_factory=list)
    sector_home: dict[str, tuple[str, ...]] = field(default_factory=dict)  # form → home countries
    home_prefixes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "bundes" → (DEU, AUT, CHE)
    religion: dict[str, str] = field(default_factory=dict)  # ISO3 → religion code of its clergy (MMR → BUD)
    align: list[tuple[str, str]] = field(default_factory=list)
    align_prefixes: tuple[str, ...] = ()  # the align stems that match at a word's start, for a quick pre-check
    persons: list[Person] = field(default_factory=list)
    person_index: dict[tuple[str, ...], list[Person]] = field(default_factory=dict)
    max_len: int = 1
    multi_first: dict[str, int] = field(default_factory=dict)
    person_first: set[str] = field(default_factory=set)  # first word of a multi-word form → longest length
    # memo of sector_of: the same nouns recur in every article and the compound-suffix scan is the costly part
    sector_memo: dict[tuple[str, str | None], tuple[str, str, str] | None] = field(default_factory=dict)


def _rows(path: Path) -> list[list[str]]:
    rows = []
    header_seen = False
    for line in path.read_text(encoding="utf8").splitlines():
        if not line or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        rows.append(line.split("\t"))
    return rows


def _date(s: str) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def load_countries(path: Path) -> list[tuple[str, str, str]]:
    out = []
    for row in _rows(path):
        code, form, kind = row[0], row[1], row[2]
        if len(code) != 3 or not form or kind not in {"name", "genitive", "adjective", "demonym", "prefix"}:
            raise ValueError(f"{path.name}: bad row {row}")
        out.append((code, form, kind))
    return out


def load_metonyms(path: Path) -> list[tuple[str, str, str]]:
    out = []
    for row in _rows(path):
        form, code, kind = row[0], row[1], row[2]
        if not form or len(code) < 5 or kind not in {"capital", "seat"}:
            raise ValueError(f"{path.name}: bad row {row}")
        out.append((form, code, kind))
    return out


def load_orgs(path: Path) -> list[tuple[Org, list[str], list[str]]]:
    out = []
    for row in _rows(path):
        ident, code, kind, name, forms, prefixes = row[:6]
        if kind not in {"igo", "ngo", "nonstate", "party"} or not forms or len(code) < 5:
            raise ValueError(f"{path.name}: bad row {row}")
        out.append((Org(ident, code, kind, name), forms.split("|"), [p for p in prefixes.split("|") if p]))
    return out


def load_sectors(path: Path) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(form, sector, kind, home countries): home is the country of a national institution ("Bundeswehr")."""
    out = []
    for row in _rows(path):
        form, sector, kind = row[0], row[1], row[2]
        home = tuple(c for c in (row[3] if len(row) > 3 else "").split("|") if c)
        if not form or len(sector) != 3 or kind not in {"sector", "role", "event", "align", "generic", "none",
                                                          "home", "religion"} or any(len(c) != 3 for c in home):
            raise ValueError(f"{path.name}: bad row {row}")
        out.append((form, sector, kind, home))
    return out


def load_persons(path: Path) -> list[Person]:
    out = []
    for row in _rows(path):
        ident, name, country, forms, roles = row[:5]
        parsed = []
        for r in roles.split(";"):
            code, start, end = r.split(":")
            parsed.append(Role(code, _date(start), _date(end)))
        if not parsed or not forms:
            raise ValueError(f"{path.name}: bad row {row}")
        out.append(Person(ident, name, country, tuple(forms.split("|")), tuple(parsed)))
    return out


@functools.lru_cache(maxsize=2)
def load_lexicon(directory: str | None = None) -> Lexicon:
    """Load (once) the actor dictionary from `resources/actors`."""
    d = Path(directory) if directory else RESOURCE_DIR
    lex = Lexicon()
    for code, form, kind in load_countries(d / "countries.tsv"):
        key = norm(form)
        if kind == "prefix":
            lex.countries.setdefault("prefix:" + key, (code, kind))
            continue
        if " " in form:
            lex.multi.setdefault(tuple(key.split()), ("country", (code, kind)))
        else:
            # a name beats an adjective/demonym for the same surface form ("Polen": the country, not the people)
            if key not in lex.countries or (kind == "name" and lex.countries[key][1] != "name"):
                lex.countries[key] = (code, kind)
        if kind == "name":
            lex.country_names.setdefault(code, form)
    for form, code, kind in load_metonyms(d / "metonyms.tsv"):
        lex.multi.setdefault(tuple(norm(form).split()), ("metonym", (code, kind, form)))
    for org, forms, prefixes in load_orgs(d / "orgs.tsv"):
        for form in forms:
            first = lex.multi.setdefault(tuple(norm(form).split()), ("org", org))[1]
            # the same form for two countries' parties or associations ("Grünen", "Caritas"): resolved per article
            if first is not org and isinstance(first, Org) and first.kind == org.kind and \
                    first.kind in {"party", "ngo"} and first.code[:3] != org.code[:3]:
                alts = lex.party_alternatives.setdefault(first.id, [first])
                if org not in alts:
                    alts.append(org)
        for p in prefixes:
            lex.org_prefixes.setdefault(norm(p), org)
    for form, sector, kind, home in load_sectors(d / "sectors.tsv"):
        if kind == "align":
            lex.align.append((norm(form), sector))
        elif kind == "home":
            lex.home_prefixes[norm(form)] = home
        elif kind == "religion":
            for c in home:
                lex.religion[c] = sector
        else:
            lex.sectors.setdefault(norm(form), (sector, kind))
            if home:
                lex.sector_home.setdefault(norm(form), home)
    lex.sector_suffixes = sorted(((f, s, k) for f, (s, k) in lex.sectors.items()), key=lambda x: -len(x[0]))
    for person in load_persons(d / "persons.tsv"):
        lex.persons.append(person)
        for form in person.forms:
            key = name_parts(form)
            if key:
                lex.person_index.setdefault(key, []).append(person)
    lex.max_len = max(len(k) for k in list(lex.multi) + list(lex.person_index))
    lex.person_first = {k[0] for k in lex.person_index}
    for k in lex.multi:
        lex.multi_first[k[0]] = max(lex.multi_first.get(k[0], 0), len(k))
    lex.align_prefixes = tuple(st for st, _ in lex.align if st != "pro" and not st.startswith("-"))
    return lex


# --------------------------------------------------------------------------------------------------------------
# Matching in a Doc
# --------------------------------------------------------------------------------------------------------------

# prepositions that make a place name a location ("in Moskau"), not an actor ("durch Moskau", "mit Ankara")
LOCATIVE = {"in", "im", "nach", "aus", "bei", "beim", "nahe", "ins", "nördlich", "südlich", "östlich", "westlich"}
DETERMINERS = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "kein",
               "keine", "mehrere", "einige", "viele", "zahlreiche", "alle", "beide", "beiden", "diese", "dieser",
               "dieses", "diesen", "jene", "seine", "ihre", "ihr", "sein", "etwa", "rund", "über", "mindestens",
               "hunderte", "tausende", "dutzende", "zwei", "drei", "vier", "fünf", "sechs", "zehn", "zwischen"}
PRONOUNS_MASC = {"er", "ihm", "ihn", "seiner"}
PRONOUNS_SIE = {"sie", "ihr", "ihnen", "ihrer"}
PRONOUNS_WE = {"wir", "uns", "unser"}
DEMONSTRATIVES = {"diese", "dieser", "jene", "jener", "letztere", "letzterer", "erstere"}
PREPOSITIONS = {"um", "vor", "am", "zur", "zum", "über", "durch", "bis", "gegenüber", "mit", "gegen", "für", "von",
                "vom", "zu", "an", "auf", "unter", "ohne", "seit", "wegen", "laut", "trotz", "zwischen", "neben",
                "hinter", "mithilfe", "dank", "per"} | LOCATIVE
GENERIC_HEADS = {"führung", "führer", "anführer", "sprecher", "sprecherin", "chef", "chefin", "delegation", "spitze",
                 "vertreter", "kommandeur", "kommandant", "einheit", "einheiten", "kräfte"}
PHRASE_DEPS = {"amod", "nmod", "nmod:poss", "appos", "flat", "flat:name", "compound", "det", "case", "nummod",
               "det:poss", "advmod"}
COUNTRY_PLACE_WORDS = {"land", "staat"}  # "das Land" → the country mentioned before
# heads that take their sector from a genitive/von-phrase ("Spezialeinheiten der Polizei", "Unterstützer der Regierung")
GROUP_HEADS = {"gruppe", "gruppen", "teil", "teile", "teilen", "mitglied", "mitglieder", "mitgliedern", "vertreter",
               "vertretern", "unterstutzer", "unterstutzern", "anhanger", "anhangern", "angehorige", "angehorigen",
               "einheit", "einheiten", "spezialeinheit", "spezialeinheiten", "kreise", "kreisen", "seite", "lager",
               "verbande", "verband", "truppe", "kommando", "abteilung", "fuhrung", "spitze", "sprecher", "chef"}
# the head or a spokesperson of the organisation in a compound's prefix ("ÖGB-Chef", "AK-Expertin"): the
# organisation's actor, though the noun alone is no sector noun
# (matched at the end of the compound's second part: "EU-Justizkommissarin", "VKI-Rechtschef")
ORG_HEADS = ("chef", "chefin", "boss", "vorsitzende", "vorsitzender", "obmann", "obfrau", "generalsekretar",
             "generalsekretarin", "leiter", "leiterin", "direktor", "direktorin", "geschaftsfuhrer",
             "geschaftsfuhrerin", "experte", "expertin", "prasidentin", "sprecherin", "kommissar", "kommissarin")
# sectors whose country is where they are (civilians, protesters, police): take it from the places first
DOMESTIC = {"CVL", "OPP", "COP", "REB", "REF", "EDU", "REL", "BUD", "MUS", "MED", "LEG", "JUD", "PTY", "LAB", "HLH"}
MIL_WORDS = ("armee", "militar", "luftangriff", "angriff", "offensive", "beschuss", "truppen", "soldat", "bomb",
             "rakete", "luftwaffe", "streitkraft", "kampf")


@dataclass
class Hit:
    """A lexicon match on tokens [start, end)."""

    type: str  # person | org | metonym | country | sector | align
    start: int
    end: int
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: str | None = None
    entry: str | None = None
    name: str | None = None
    confidence: float = 0.8


def _tok_key(tok: Token) -> str:
    return norm(tok.text)


def _strip_inflection(key: str) -> list[str]:
    out = [key]
    for suf in ("es", "s", "en", "n", "e"):
        if key.endswith(suf) and len(key) - len(suf) >= 3:
            out.append(key[: -len(suf)])
    return out


def sector_of(lex: Lexicon, text: str, lemma: str | None = None) -> tuple[str, str, str] | None:
    """(sector, kind, matched form) of a noun, by the whole word or its last compound element."""
    memo = lex.sector_memo
    k = (text, lemma)
    if k not in memo:
        if len(memo) > 200_000:
            memo.clear()
        memo[k] = _sector_of(lex, text, lemma)
    return memo[k]


def _sector_of(lex: Lexicon, text: str, lemma: str | None) -> tuple[str, str, str] | None:
    key = norm(text)
    cands = _strip_inflection(key)
    # the feminine of a role noun ("Botschafterin", "Aktivistinnen") is coded like its masculine
    fem = key[:-5] if key.endswith("innen") else key[:-2] if key.endswith("in") else ""
    suffix_cands = cands[:2]
    if len(fem) >= 5:
        cands.append(fem)
        suffix_cands.append(fem)
    if lemma:
        cands.append(norm(lemma))
    for c in cands:
        if c in lex.sectors:
            s, k = lex.sectors[c]
            return (s, k, c) if k != "none" else None
    if "-" in key:
        last = key.rsplit("-", 1)[1]
        if last:
            return sector_of(lex, last)
    for c in suffix_cands:
        for pos in range(3, len(c) - 3):  # longest suffix first: a compound's last element
            form = c[pos:]
            if form not in lex.sectors:
                continue
            s, k = lex.sectors[form]
            prefix = c[:pos]
            if form in GENERIC_HEADS:
                # "Rebellenführer", "Parteiführung": the modifier gives the sector
                for pf in (prefix, prefix.rstrip("s"), prefix + "n", prefix.rstrip("s") + "en"):
                    if pf in lex.sectors and lex.sectors[pf][1] in {"sector", "role"}:
                        return lex.sectors[pf][0], k, form
            return (s, k, form) if k != "none" else None
    return None


def home_of(lex: Lexicon, text: str) -> tuple[str, ...]:
    """Home countries of a national institution noun ("Bundeswehr" → DEU, "Bundesinnenminister" → DEU, AUT, CHE)."""
    key = norm(text)
    for c in _strip_inflection(key):
        if c in lex.sector_home:
            return lex.sector_home[c]
    for pf, home in lex.home_prefixes.items():
        if key.startswith(pf) and len(key) > len(pf) + 3 and sector_of(lex, key[len(pf):]):
            return home
    return ()


def country_of_token(lex: Lexicon, tok: Token, key: str | None = None) -> tuple[str, str] | None:
    """(ISO3, kind) when the token is a country name, genitive, adjective, demonym or has a country prefix."""
    key = key if key is not None else _tok_key(tok)
    if key in lex.countries:
        return lex.countries[key]
    if "-" in key:
        first = key.split("-", 1)[0]
        if "prefix:" + first in lex.countries:
            return lex.countries["prefix:" + first][0], "prefix"
        if first in lex.countries and lex.countries[first][1] in {"name", "adjective"}:
            return lex.countries[first][0], "prefix"
        # "pro-syrische", "proindonesischer"
    if key.startswith("pro") and key[3:].lstrip("-") in lex.countries:
        code, _ = lex.countries[key[3:].lstrip("-")]
        return code, "pro"
    return None


def _role_code(person: Person, date: dt.date | None) -> tuple[str, float]:
    return person.role_on(date)


def _split_code(code: str) -> tuple[str | None, str | None]:
    if code.startswith(("IGO", "NGO")):
        return None, code[3:6] if len(code) > 3 else None
    country = code[:3] if code[:3] != "---" else None
    return country, code[3:6] or None


@dataclass
class Analysis:
    hits: dict[int, list[Hit]]  # token index → hits covering it
    mentions: list[ActorRef]
    mention_heads: dict[int, ActorRef]
    dominant: tuple[str | None, float]
    persons_seen: dict[tuple[str, ...], Person]
    place_countries: dict[int, Counter] = field(default_factory=dict)  # sentence start → place countries
    place_dominant: str | None = None
    place_tokens: dict[int, str] = field(default_factory=dict)  # token index → country of the place it is part of
    dynamic: dict[tuple[str, ...], ActorRef] = field(default_factory=dict)  # names first seen with a title
    sent_starts: list[int] = field(default_factory=list)
    sent_countries: dict[int, set[str]] = field(default_factory=dict)  # sentence start → countries named (not places)
    # every country the lexicon found (parties and associations included): the tie-breaker between the homes of a
    # national institution when the article has no dominant country
    country_votes: Counter = field(default_factory=Counter)
    riot_register: bool | None = None  # the article reports riots/protests rather than armed fighting
    complete: bool = False  # all mentions found (the analysis pass is over)


def _find_persons(lex: Lexicon, doc: Doc, date: dt.date | None) -> list[Hit]:
    hits: list[Hit] = []
    seen_full: dict[str, Person] = {}
    surnames: dict[tuple[str, ...], Person] = {}
    toks = list(doc)
    parts = [name_parts(t.text) if not (t.is_punct and t.text != "-") else None for t in toks]
    i = 0
    n = len(doc)
    while i < n:
        tok = toks[i]
        if not tok.text[:1].isupper() or not parts[i] or (parts[i][0] not in lex.person_first
                                                          and parts[i][-1:] not in surnames):
            i += 1
            continue
        found = None
        for length in range(min(5, n - i), 0, -1):
            if any(parts[k] is None for k in range(i, i + length)):
                continue
            key = tuple(w for k in range(i, i + length) for w in parts[k])
            if not key:
                continue
            cands = lex.person_index.get(key)
            if length == 1 and key in surnames:
                found = (surnames[key], length, 0.8, "surname")
                break
            if cands:
                # a single-word alias ("Putin") is accepted only when it names one person and looks like a name
                if len(key) == 1:
                    if len({p.id for p in cands}) != 1 or not (tok.pos_ == "PROPN" or tok.ent_type_ == "PER"
                                                                or not tok.is_sent_start):
                        continue
                    found = (cands[0], length, 0.75, "alias")
                else:
                    best = _pick_person(cands, date)
                    found = (best, length, 0.9, "full")
                break
        if found:
            person, length, conf, how = found
            code, factor = _role_code(person, date)
            country, sector = _split_code(code)
            hits.append(Hit("person", i, i + length, code=code, country=country or person.country or None,
                            sector=sector, kind="person", entry=person.id, name=person.name,
                            confidence=round(conf * factor, 3)))
            if how == "full":
                seen_full[person.id] = person
                last = name_parts(person.name)[-1:]
                surnames.setdefault(last, person)
                for form in person.forms:
                    surnames.setdefault(name_parts(form)[-1:], person)
            i += length
        else:
            i += 1
    return hits


def _pick_person(cands: list[Person], date: dt.date | None) -> Person:
    """Several entries for one name: the one with a role valid on the date, else the first; without an article
    date the one whose last role is the most recent, as `Person.role_on` does for one entry (Phoenix has "Ban
    Ki-moon" as a South Korean minister until 2006 and, as another entry, UN Secretary-General from 2007)."""
    if date is None and len(cands) > 1:
        def latest(p: Person) -> dt.date:
            return max((r.end or dt.date.max for r in p.roles if r.start or r.end), default=dt.date.min)
        return max(cands, key=latest)  # max keeps the first of equals
    for p in cands:
        if p.role_on(date)[1] >= 1.0:
            return p
    return cands[0]


def _find_hits(lex: Lexicon, doc: Doc, date: dt.date | None) -> list[Hit]:
    hits = _find_persons(lex, doc, date)
    taken = {k for h in hits for k in range(h.start, h.end)}
    toks = list(doc)  # one Token object per position, not one per access
    keys = [_tok_key(t) for t in toks]
    n = len(doc)
    i = 0
    while i < n:
        if i in taken:
            i += 1
            continue
        tok = toks[i]
        word = keys[i]
        longest = lex.multi_first.get(word, 0)
        if not longest and (tok.is_punct or tok.is_space or tok.like_num):
            i += 1  # no entry starts with it, and it is no country, sector or alignment word
            continue
        found = None
        for length in range(min(max(longest, 1), n - i), 0, -1):
            if length > 1 and any(k in taken for k in range(i, i + length)):
                continue
            key = tuple(keys[i: i + length])
            entry = lex.multi.get(key)
            if entry is None and length == 1 and toks[i].text[:1].isupper():
                # inflected single-word forms ("Sicherheitsrates", "Kremls")
                for k2 in _strip_inflection(key[0])[1:]:
                    entry = lex.multi.get((k2,))
                    if entry:
                        break
            if entry is None:
                continue
            typ, val = entry
            # org/metonym names must be capitalised in the text (avoid "eu" etc. in running text)
            if not toks[i].text[:1].isupper():
                continue
            if typ == "org":
                org: Org = val  # type: ignore[assignment]
                country, sector = _split_code(org.code)
                found = Hit("org", i, i + length, code=org.code, country=country, sector=sector, kind=org.kind,
                            entry=org.id, name=org.name, confidence=0.9)
            elif typ == "metonym":
                code, kind, form = val  # type: ignore[misc]
                country, sector = _split_code(code)
                found = Hit("metonym", i, i + length, code=code, country=country, sector=sector, kind="metonym",
                            entry=f"metonym:{form}", name=form, confidence=0.75)
            else:
                code, kind = val  # type: ignore[misc]
                found = Hit("country", i, i + length, country=code, kind=kind, entry=f"country:{code}",
                            name=lex.country_names.get(code), confidence=0.8)
            break
        if found:
            hits.append(found)
            taken.update(range(found.start, found.end))
            i = found.end
            continue
        c = country_of_token(lex, tok, word)
        key = word
        if c:
            code, kind = c
            h = Hit("country", i, i + 1, country=code, kind=kind, entry=f"country:{code}",
                    name=lex.country_names.get(code), confidence=0.8)
            if kind == "prefix":
                s = sector_of(lex, tok.text)
                if s:
                    h.sector = s[0]
            hits.append(h)
        if "-" in key and key.split("-", 1)[0] in lex.org_prefixes:
            org = lex.org_prefixes[key.split("-", 1)[0]]
            s = sector_of(lex, tok.text)
            # a party prefix makes a compound the party's ("SPD-Vorsitzende", "CDU-Politiker", "FPÖ-Fraktion"),
            # unless it names an office of the state ("CDU-Abgeordnete", "SPD-Innenminister": legislature, government)
            if org.kind == "party":
                ok = not s or s[0] in {"PTY", "OPP"}
                if not ok and not c:
                    # the office is of the party's country
                    hits.append(Hit("country", i, i + 1, country=org.code[:3], kind="prefix", sector=s[0],
                                    entry=org.id, name=org.name, confidence=0.8))
            else:
                ok = s or key.split("-", 1)[1][:4] in {"sich", "trib", "gene", "miss", "rat", "beob"} or \
                    key.rsplit("-", 1)[1].endswith(ORG_HEADS)
            if ok:
                hits.append(Hit("org", i, i + 1, code=org.code, kind=org.kind, entry=org.id, name=org.name,
                                confidence=0.8, sector=_split_code(org.code)[1]))
        align = _align_of(lex, doc, i, key, date) if (tok.text[:1].islower() or "-" in key) and \
            len(key) > 3 else None
        if align is not None:
            hits.append(align)
        elif tok.text[:1].isupper() or tok.pos_ in {"NOUN", "PROPN"}:
            s = sector_of(lex, tok.text, tok.lemma_ if tok.pos_ == "NOUN" else None)
            if s and not c:
                hits.append(Hit("sector", i, i + 1, sector=s[0], kind=s[1], entry=f"sector:{s[2]}",
                                confidence=0.8))
        i += 1
    return hits


def _align_of(lex: Lexicon, doc: Doc, i: int, key: str, date: dt.date | None) -> Hit | None:
    """An alignment adjective ("regierungstreue", "Assad-treue", "islamistische"), with the country of its
    first element where that is a person or a country ("Assad-treue" → SYR)."""
    if "-" not in key and not key.startswith(lex.align_prefixes):
        return None  # no stem can match: skip the scan (this runs for most lower-case words)
    for stem, sector in lex.align:
        if stem == "pro":
            continue
        if stem.startswith("-"):
            if "-" not in key or not key.split("-", 1)[1].startswith(stem[1:]):
                continue
        elif not key.startswith(stem):
            continue
        hit = Hit("align", i, i + 1, sector=sector, kind="align", entry=f"align:{stem}", confidence=0.8)
        if "-" in key:
            first = key.split("-", 1)[0]
            persons = lex.person_index.get(name_parts(first))
            if persons and len({p.id for p in persons}) == 1:
                code, _ = persons[0].role_on(date)
                hit.country = _split_code(code)[0] or persons[0].country
                hit.entry += f"+{persons[0].id}"
            elif first in lex.countries:
                hit.country = lex.countries[first][0]
        return hit
    return None


def _place_context(doc: Doc, an: Analysis, hits: list[Hit]) -> None:
    """Countries of the places per sentence (from lagebild_places, else from locative country/capital names)."""
    total: Counter[str] = Counter()
    sent_of = {}
    for sent in doc.sents:
        for t in sent:
            sent_of[t.idx] = sent.start
    places = getattr(doc._, "lb_places", None) if Doc.has_extension("lb_places") else None
    if places:
        for pl in places:
            if not pl.country:
                continue
            span = doc.char_span(pl.start, pl.end, alignment_mode="expand")
            if span is None:
                continue
            an.place_countries.setdefault(span.sent.start, Counter())[pl.country] += 1
            total[pl.country] += 1
            for t in span:
                an.place_tokens[t.i] = pl.country
    else:
        for h in hits:
            if h.type in {"country", "metonym"} and h.country and _is_locative(doc, doc[h.start]):
                sstart = doc[h.start].sent.start
                an.place_countries.setdefault(sstart, Counter())[h.country] += 1
                total[h.country] += 1
    if total:
        ranked = total.most_common(2)
        if len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1]:
            an.place_dominant = ranked[0][0]


def _name_tokens(doc: Doc, idx: list[int], hits: dict[int, list[Hit]]) -> list[int]:
    """Capitalised words in the phrase that are names unknown to the dictionary ("John Murtha")."""
    out = []
    for k in idx:
        t = doc[k]
        if not t.text[:1].isupper() or hits.get(k) or t.text.lower() in DETERMINERS or len(t.text) < 2:
            continue
        if t.pos_ == "PROPN" or t.ent_type_ in {"PER"} or (k > 0 and (hits.get(k - 1) or k - 1 in out)):
            out.append(k)
    return out


def _index_hits(hits: list[Hit]) -> dict[int, list[Hit]]:
    out: dict[int, list[Hit]] = {}
    for h in hits:
        for k in range(h.start, h.end):
            out.setdefault(k, []).append(h)
    return out


def _choose_parties(lex: Lexicon, hits: list[Hit], an: Analysis) -> None:
    """A party form of several countries ("die Grünen") is the party of the article's actor country, else of its
    place country, else the first listed (Austrian news names Austria's Greens)."""
    for h in hits:
        alts = lex.party_alternatives.get(h.entry or "")
        if not alts:
            continue
        by_country = {o.code[:3]: o for o in alts}
        pick = by_country.get(an.dominant[0] or "") or by_country.get(an.place_dominant or "")
        if pick is None and alts[0].kind != "party":
            # an association ("Caritas") beside the other actors' country; not for parties: a German Green in an
            # Austrian paper's EU story is named beside the ÖVP's delegation leader
            pick = by_country.get(_most_voted(an, tuple(by_country)) or "")
        if pick is None or pick.id == h.entry:
            continue
        if h.type == "org":
            h.code, h.country, h.entry, h.name = pick.code, pick.code[:3], pick.id, pick.name
        elif h.type == "country":  # a party prefix naming an office of the party's country ("Grünen-Abgeordnete")
            h.country, h.entry, h.name = pick.code[:3], pick.id, pick.name


def _country_votes(lex: Lexicon, hits: list[Hit]) -> Counter:
    votes: Counter[str] = Counter()
    for h in hits:
        if h.type == "org" and lex.party_alternatives.get(h.entry or ""):
            continue  # its country is what is to be decided
        c = h.country or (h.code[:3] if h.type == "org" and h.code and h.code[:3] not in {"IGO", "NGO", "---"}
                          else None)
        if c:
            votes[c] += 1
    return votes


def _most_voted(an: Analysis, among: tuple[str, ...]) -> str | None:
    """The one of `among` that the article names most (None when it names none of them or ties)."""
    ranked = sorted(((an.country_votes.get(c, 0), c) for c in among), reverse=True)
    if not ranked or ranked[0][0] == 0 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ranked[0][1]


def _dominant_country(doc: Doc, hits: list[Hit]) -> tuple[str | None, float]:
    """The article's main actor country: most mentioned in names, adjectives, persons and metonyms (places are
    counted apart: where things happen is not who acts)."""
    counts: Counter[str] = Counter()
    for h in hits:
        if h.country and h.type in {"country", "person", "metonym"}:
            counts[h.country] += 1.0
    if not counts:
        return None, 0.0
    ranked = counts.most_common(2)
    top, n1 = ranked[0]
    n2 = ranked[1][1] if len(ranked) > 1 else 0.0
    if n1 >= 2 and n1 >= 1.5 * n2:
        return top, min(0.5, 0.3 + 0.05 * (n1 - n2))
    return None, 0.0


# --------------------------------------------------------------------------------------------------------------
# Phrases
# --------------------------------------------------------------------------------------------------------------

# prepositions of a noun modifier that say whose or where from ("Gegner von Assad", "Truppen aus Neuseeland");
# other prepositional modifiers ("gegen die Regierung", "mit Abe") are arguments of the clause, not the actor
PHRASE_PREPS = {"von", "vom", "aus", "in", "im"}


def _in_phrase(child: Token, hits: dict[int, list[Hit]]) -> bool:
    if child.dep_ == "advmod":
        return child.lower_ in DETERMINERS  # "rund 200", not "auch"/"erneut"
    if child.dep_ == "nmod":
        case = next((c for c in child.children if c.dep_ == "case"), None)
        if case is not None and case.lower_ in {"in", "im"}:
            # "die Regierung in Ankara" names whose government; "ein Massaker in der südsudanesischen Stadt",
            # "die Menschen in eine Kirche" name places
            return any(h.type in {"metonym", "country"} and h.kind in {"metonym", "name", "capital", "seat"}
                       for h in hits.get(child.i, []))
        if case is not None and case.lower_ in {"von", "vom"} and _agent_before_participle(child):
            return False
        return case is None or case.lower_ in PHRASE_PREPS
    return True


def _agent_before_participle(child: Token) -> bool:
    """A "von" phrase right before a passive participle is its agent, whatever the parser hung it on ("Stellungen
    der Miliz von Kampfflugzeugen bombardiert": the jets are not part of the militia)."""
    nxt = child.right_edge.i + 1
    if nxt >= len(child.doc):
        return False
    v = child.doc[nxt]
    # the participle (the tagger may call it finite: "bombardiert"), not an auxiliary ("von Mursi wurden")
    if not v.tag_.startswith("VV") or v.lemma_.lower() == "werden":
        return False
    near = [v.doc[k] for k in range(max(v.sent.start, v.i - 12), min(v.sent.end, v.i + 3))]
    return any(t.lemma_.lower() == "werden" or t.lower_ in {"wurde", "wurden", "werden", "wird", "worden"}
               for t in near)


def _phrase_tokens(doc: Doc, tok: Token, hits: dict[int, list[Hit]]) -> list[int]:
    """Token indices of the nominal phrase headed by `tok` (parse where sane, plus surface neighbours)."""
    sent = tok.sent
    lo, hi = max(sent.start, tok.i - 8), min(sent.end, tok.i + 9)
    out = {tok.i}
    # parse: modifiers of the head (not conjuncts, not clauses)
    stack = [tok]
    while stack:
        t = stack.pop()
        for child in t.children:
            if child.dep_ in PHRASE_DEPS and lo <= child.i < hi and child.i not in out and _in_phrase(child, hits):
                out.add(child.i)
                stack.append(child)
    # keep the contiguous block around the head: a broken parse must not pull in far-away words
    block = {tok.i}
    k = tok.i - 1
    while k in out:
        block.add(k)
        k -= 1
    k = tok.i + 1
    while k in out:
        block.add(k)
        k += 1
    out = block
    # the head's own preposition ends the phrase on the left: "[tausende Venezolaner] gegen [die Regierung]"
    case = next((c.i for c in tok.children if c.dep_ == "case" and c.i < tok.i and c.lower_ in PREPOSITIONS), None)
    if case is not None:
        out = {k for k in out if k >= case}
    # hits spanning the head ("Baschar al-Assad" as several tokens)
    for h in hits.get(tok.i, []):
        out.update(range(h.start, h.end))
    # surface, left: determiners, adjectives, numbers, role nouns before a name ("Präsident Putin"); not for an
    # attributive adjective, whose article belongs to its noun ("[einem] [russischen] Luftangriff")
    j = min(out) - 1 if not (tok.tag_ == "ADJA" and tok.dep_ == "amod" and tok.head.i > tok.i) else lo - 1
    while j >= lo:
        t = doc[j]
        low = t.text.lower()
        if t.is_punct or low in {"und", "oder", "sowie"}:
            break
        if low in PREPOSITIONS or t.pos_ in {"VERB", "AUX", "ADP"} and low not in DETERMINERS:
            break
        if t.tag_ in {"ADV", "ADJD", "PAV"} and low not in DETERMINERS or t.tag_.startswith("V") or \
                t.pos_ == "PRON" or low in PRONOUN_WORDS:
            break  # "erneut", "auch": adverbs of the clause; "töteten sie [Zivilisten]": verbs and pronouns
        is_mod = (low in DETERMINERS or t.like_num or (t.text[:1].islower() and t.pos_ in {"ADJ", "DET", "NUM", "X"})
                  or any(h.type in {"country", "align"} for h in hits.get(j, []))
                  or (t.text[:1].islower() and low.endswith(("e", "en", "er", "es", "em")) and t.pos_ != "VERB"))
        is_title = any(h.type == "sector" and h.kind in {"role", "sector"} for h in hits.get(j, [])) and (
            any(h.type == "person" for h in hits.get(tok.i, [])) or (
                tok.text[:1].isupper() and not hits.get(tok.i) and (j == tok.i - 1 or doc[j + 1].text[:1].isupper())))
        if not (is_mod or is_title):
            break
        out.add(j)
        j -= 1
    # surface, right: a name after a role noun, a genitive or von-phrase with an actor, an apposition name
    j = max(out) + 1
    steps = 0
    while j < hi and steps < 6:
        t = doc[j]
        low = t.text.lower()
        h_here = hits.get(j, [])
        if any(h.type == "person" for h in h_here) and (j == max(out) + 1):
            h = next(h for h in h_here if h.type == "person")
            out.update(range(h.start, h.end))
            j = h.end
            steps += 1
            continue
        if low in {"der", "des", "von", "vom", "in"} and j + 1 < hi:
            # "Spezialeinheiten der Polizei" keeps its head; only country/org/person/metonym genitives join
            k = j + 1
            while k < hi and (doc[k].text[:1].islower() and doc[k].pos_ in {"ADJ", "DET", "X"}
                              or doc[k].text.lower() in DETERMINERS):
                k += 1
            if low in {"von", "vom"}:
                # "eine Gruppe von Marines", "Tausende von Demonstranten"; not a passive agent after a name
                # ("Karadžić wurde von serbischen Sicherheitskräften verhaftet")
                group = norm(tok.text) in GROUP_HEADS or tok.lower_ in QUANTIFIERS or tok.like_num
            else:
                group = norm(tok.text) in GROUP_HEADS or not hits.get(tok.i)
            wanted = {"country", "org", "person", "metonym"} | ({"sector"} if group else set())
            if k < hi and any(h.type in wanted for h in hits.get(k, [])):
                if low == "in" and not any(h.type in {"metonym", "country"} for h in hits.get(k, [])):
                    break
                out.update(range(j, k + 1))
                for h in hits.get(k, []):
                    out.update(range(h.start, h.end))
                j = max(out) + 1
                steps += 1
                continue
            break
        if t.text[:1].isupper() and not h_here and not t.is_sent_start and j == max(out) + 1 and (
                doc[j - 1].text[:1].isupper() and (not hits.get(j - 1) or any(
                    h.type == "sector" for h in hits.get(j - 1, [])))) and (t.pos_ == "PROPN" or t.ent_type_ == "PER"
                                                                            or doc[j - 1].ent_type_ == "PER"
                                                                            or doc[j - 1].pos_ == "PROPN"):
            out.add(j)
            j += 1
            steps += 1
            continue
        if any(h.type == "country" and h.kind in {"genitive"} for h in h_here):
            out.add(j)
            j += 1
            steps += 1
            continue
        if t.text == "," and j + 1 < hi:
            k = j + 1
            h_app = [h for h in hits.get(k, []) if h.type == "person"]
            if h_app:
                out.update(range(j, h_app[0].end))
                j = h_app[0].end
                steps += 1
                continue
        break
    idx = sorted(out)
    # the phrase's own preposition ("mit der Regierung") and punctuation are not part of the mention
    while len(idx) > 1 and idx[0] != tok.i and (doc[idx[0]].is_punct or doc[idx[0]].text.lower() in PREPOSITIONS):
        idx.pop(0)
    while len(idx) > 1 and idx[-1] != tok.i and doc[idx[-1]].is_punct:
        idx.pop()
    return idx


def _span_of(doc: Doc, idx: list[int]) -> tuple[int, int, str]:
    a, b = doc[min(idx)], doc[max(idx)]
    text = doc[a.i: b.i + 1].text
    # a leading/trailing comma from an apposition is not part of the phrase
    return a.idx, b.idx + len(b.text), text.strip(" ,")


def _ref(doc: Doc, idx: list[int], code: str, kind: str, conf: float, *, name: str | None = None,
         entry: str | None = None, resolved_from: str | None = None) -> ActorRef:
    start, end, text = _span_of(doc, idx)
    country, sector = _split_code(code)
    if code.startswith(("IGO", "NGO")):
        sector = code[:3]
    return ActorRef(text=text, start=start, end=end, code=code, country=country, sector=sector, name=name,
                    entry=entry, kind=kind, confidence=round(max(0.0, min(1.0, conf)), 3),
                    resolved_from=resolved_from)


# words of protest in a sentence: people there are protesters ("tausende Menschen demonstrierten" → OPP)
PROTEST_STEMS = ("demonstr", "protest", "versammel", "versammlung", "kundgeb", "randal", "krawall", "streik",
                 "sitzblockade", "mahnwache", "marsch")
# an article's register: riots (Ausschreitungen, Krawalle) or armed conflict (Rebellen, Armee, Gefechte)
RIOT_STEMS = ("ausschreitung", "krawall", "randal", "unruhe", "plunder", "brandanschlag", "brandsatz", "brandsatze",
              "steinwurf", "steinwurfe", "molotow", "vorstadt", "vorstadte", "vorort", "demonstr", "protest")
ARMED_STEMS = ("rebell", "miliz", "armee", "truppe", "soldat", "krieg", "gefecht", "luftangriff", "offensive",
               "panzer", "artillerie", "granat", "guerill", "kampfer", "streitkraft", "bombard", "front")
# sector nouns whose sector depends on the register: "Aufständische" are rebels in a war, rioters in unrest
REGISTER_REB = ("aufstandisch", "aufstandig")


CLAUSE_DEPS = {"acl", "acl:relcl", "advcl", "ccomp", "parataxis", "csubj"}


def _clause_tokens(tok: Token) -> list[Token]:
    """The tokens of the clause `tok` belongs to, without embedded clauses; a coordinated clause ("lösten die
    Versammlung auf und nahmen 20 Menschen fest") shares its first conjunct's dependents."""
    head = tok
    for _ in range(6):
        if head.pos_ in {"VERB", "AUX"} or head.head.i == head.i or head.dep_ in CLAUSE_DEPS:
            break
        head = head.head
    heads = [head]
    if head.dep_ == "conj" and head.head.pos_ in {"VERB", "AUX"}:
        heads.append(head.head)
    out: list[Token] = []
    for h in heads:
        out.append(h)
        stack = [c for c in h.children if c.dep_ not in CLAUSE_DEPS and c.dep_ != "conj"]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS)
    return out


# nouns for protesting people: they make protesters of the phrase they modify, not of other people in the clause
# ("die Demonstranten wurden von Männern angegriffen": the men are attackers)
PROTESTER_STEMS = ("demonstrant", "protestler", "protestierend", "streikend")


def _has_protest(tok: Token) -> bool:
    """Words of protest in the token's own clause ("tausende Menschen demonstrierten")."""
    for t in _clause_tokens(tok):
        if not t.is_alpha or len(t.text) <= 5:
            continue
        key = norm(t.text)
        if not key.startswith(PROTEST_STEMS):
            continue
        if key.startswith(PROTESTER_STEMS) and t.pos_ in {"NOUN", "PROPN"} and t.i != tok.i and t.head.i != tok.i:
            continue  # other people named as protesters
        return True
    return False


def _riot_register(doc: Doc, an: Analysis) -> bool:
    if an.riot_register is None:
        riot = armed = 0
        for t in doc:
            if not t.is_alpha or len(t.text) < 5:
                continue
            key = norm(t.text)
            riot += key.startswith(RIOT_STEMS)
            armed += key.startswith(ARMED_STEMS)
        an.riot_register = riot >= 2 and riot > armed
    return an.riot_register


def _context_sector(doc: Doc, tok: Token, an: Analysis, sector: str, head_sector: Hit) -> str:
    """Sectors that the clause or the article decide: protesting people are OPP, "Aufständische" in an article
    about riots are rioters (OPP), not rebels."""
    if sector == "CVL" and _has_protest(tok):
        return "OPP"
    if sector == "REB" and (head_sector.entry or "").split(":", 1)[-1].startswith(REGISTER_REB) and \
            (_riot_register(doc, an) or _has_protest(tok)):
        return "OPP"
    return sector


FORMER = ("ehemalig", "fruher", "einstig", "vormalig", "ex-", "alt-")


def _former(doc: Doc, tok: Token, idx: list[int]) -> bool:
    return norm(tok.text).startswith(FORMER[-2:]) or any(
        norm(doc[k].text).startswith(FORMER[:4]) for k in idx if k < tok.i)


def _following_names(doc: Doc, tok: Token, idx: list[int], hits: dict[int, list[Hit]]) -> list[int]:
    """The name right after a title noun in its phrase ("Kongressabgeordnete John Murtha" → John, Murtha)."""
    out = []
    k = tok.i + 1
    inside = set(idx)
    while k in inside and not hits.get(k) and len(doc[k].text) > 1:
        t = doc[k]
        if t.text[:1].isupper() and (t.pos_ == "PROPN" or t.ent_type_ == "PER"):
            out.append(k)
        elif out and _name_particle(doc, k):
            out.append(k)  # "Staffan de Mistura", "Said Raad al-Hussein"
        else:
            break
        k += 1
    while out and not doc[out[-1]].text[:1].isupper() and "-" not in doc[out[-1]].text:
        out.pop()
    return out


def _name_particle(doc: Doc, k: int) -> bool:
    """A lower-case particle inside a personal name: "de" before a capitalised word, or "al-Hussein"."""
    t = doc[k]
    if t.lower_ in NAME_LINKS:
        return k + 1 < len(doc) and doc[k + 1].text[:1].isupper()
    first, _, rest = t.text.partition("-")
    return first in NAME_LINKS and rest[:1].isupper()


# envoys: with an organisation prefix and a country they represent the country ("UN-Botschafter Chinas")
ENVOYS = ("botschafter", "gesandte", "vertreter", "delegierte", "standiger vertreter")


def _resolve_phrase(doc: Doc, tok: Token, an: Analysis, lex: Lexicon) -> tuple[list[ActorRef], str]:
    """Code the non-pronominal phrase headed by `tok`; returns (refs, reason when empty)."""
    idx = _phrase_tokens(doc, tok, an.hits)
    phrase_hits = []
    for k in idx:
        for h in an.hits.get(k, []):
            if h not in phrase_hits:
                phrase_hits.append(h)
    head_hits = an.hits.get(tok.i, [])
    _, _, text = _span_of(doc, idx)

    # locative use of a place name ("in Moskau") is a place, not an actor
    if head_hits and all(h.type == "metonym" or h.type == "country" and h.kind in {"name", "genitive"}
                         for h in head_hits) and _is_locative(doc, tok) and \
            not any(h.type == "sector" for h in phrase_hits):
        return [], f"'{text}' is a place here, not an actor"

    persons = [h for h in phrase_hits if h.type == "person"]
    # a name first seen with a title ("der Kongressabgeordnete John Murtha" ... "Murtha")
    if (tok.text[:1].isupper() or _name_particle(doc, tok.i)) and not head_hits and not persons:
        known = _dynamic_name(doc, tok, an)
        if known is not None:
            return [_ref(doc, idx, known.code, "person", 0.7, name=known.name, entry=known.entry,
                         resolved_from=known.text)], ""
    # an adjective as the whole mention ("israelischer [Luftangriffe]"): the state behind the noun it modifies
    if len(idx) == 1 and any(h.type == "country" and h.kind == "adjective" for h in head_hits):
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        country = next(h.country for h in head_hits if h.type == "country")
        if nxt is not None and nxt.text[:1].isupper():
            sector = "MIL" if any(w in norm(nxt.text) for w in MIL_WORDS) else "GOV"
            return [_ref(doc, idx, f"{country}{sector}", "country", 0.5, name=lex.country_names.get(country),
                         entry=f"country:{country}")], ""
    head_sector = next((h for h in head_hits if h.type == "sector"), None)
    if head_sector is None and tok.pos_ not in {"NOUN", "PROPN"}:
        # the parse may have chosen an article/adjective as head; fall back to a sector noun in the phrase
        head_sector = next((h for h in phrase_hits if h.type == "sector"), None)
    if head_sector is None or norm(tok.text) in GROUP_HEADS or any(norm(tok.text).endswith(g) for g in (
            "einheiten", "einheit", "gruppe", "gruppen")):
        # "Spezialeinheiten der Polizei", "Unterstützer der Regierung", "eine Gruppe von US-Marines"
        gen = next((h for h in phrase_hits if h.start > tok.i and (h.type == "sector" and h.kind != "event" or
                                                                    h.type == "country" and h.sector)), None)
        if gen is not None:
            head_sector = Hit("sector", gen.start, gen.end, sector=gen.sector, kind="sector", entry=gen.entry)
    title_names: list[int] = []
    # a prenominal genitive parsed as the head of its noun ("[Burgenlands] Landeshauptmann Hans Niessl"): the genitive
    # gives the country, the title noun the sector, the name after it is the actor's for a later "sagte Niessl"
    gen_head = head_sector is not None and head_sector.start == tok.i + 1 and head_sector.type == "sector" and \
        any(h.type == "country" and h.kind == "genitive" for h in head_hits)
    if gen_head:
        title_names = _following_names(doc, doc[head_sector.end - 1], idx, an.hits)
    if head_sector is None and tok.text[:1].isupper() and not head_hits:
        left = [h for h in phrase_hits if h.type == "sector" and h.end <= tok.i]
        if left:
            head_sector = left[-1]
            title_names = _name_tokens(doc, [k for k in idx if k >= left[-1].end], an.hits)
    # 1. a person in the phrase (the head, or its name: "Präsident Putin", "Außenminister Frankreichs, Sarkozy")
    if persons and (head_sector is None or head_sector.kind == "role" or tok.i in range(persons[0].start,
                                                                                       persons[0].end)):
        p = persons[0]
        code = p.code or ""
        conf = p.confidence
        if head_sector is not None and head_sector.kind == "role" and (code[3:6] == "ELI" or conf < 0.7):
            # the text names a current office ("der Innenminister Frankreichs, Sarkozy"): it beats the
            # dictionary's role for this date
            country = next((h.country for h in phrase_hits if h.type == "country"), None) or p.country
            if country:
                code, conf = f"{country}{head_sector.sector or 'GOV'}", 0.8
        office = next((h for h in phrase_hits if h.type == "org" and h.kind == "igo" and h.end == p.start and
                       "-" in doc[h.start].text), None)
        if office is not None and office.code and not code.startswith("IGO") and \
                not norm(doc[office.start].text).rsplit("-", 1)[-1].startswith(ENVOYS):
            # an office at an international organisation named before the name ("EU-Handelskommissarin Cecilia
            # Malmström"): it beats the dictionary's national role (Phoenix has her as a Swedish minister); an
            # envoy to the organisation ("UN-Botschafter") still speaks for his country
            code, conf = office.code, 0.8
        return [_ref(doc, idx, code, "person", conf, name=p.name, entry=p.entry)], ""
    # 2. an organisation as head or name in the phrase
    # a party in brackets after a name is an affiliation ("Bundesinnenminister Wolfgang Schäuble (CDU)"): the
    # office or person is the actor
    orgs = [h for h in phrase_hits if h.type == "org" and not (
        h.kind == "party" and h.start > 0 and doc[h.start - 1].text == "(" and tok.i not in range(h.start, h.end))]
    left_country = any(h.type == "country" and h.start <= tok.i for h in phrase_hits)
    own_org = any(tok.i in range(o.start, o.end) for o in orgs)
    if orgs and norm(tok.text).rsplit("-", 1)[-1].startswith(ENVOYS) and \
            any(h.type == "country" and h.start != tok.i for h in phrase_hits):
        # a country's envoy to an organisation ("der UN-Botschafter von Osttimor") speaks for the country
        orgs = []
    if orgs and (own_org or head_sector is None or (not left_country and head_sector.kind in {"role", "sector"})):
        o = next((o for o in orgs if tok.i in range(o.start, o.end)), orgs[0])
        names = []
        if own_org and "-" in tok.text and o.end == tok.i + 1:
            # an office at the organisation named by its compound ("ÖGB-Chef Wolfgang Katzian", "SPÖ-Klubobmann
            # Andreas Schieder"): the name after it is the organisation's person, for a later "sagte Katzian"
            names = _following_names(doc, tok, list(range(tok.i, min(len(doc), tok.i + 5))), an.hits)
        ref = _ref(doc, sorted(set(idx) | set(names)), o.code or "", "igo" if o.kind == "igo" else o.kind or "igo",
                   o.confidence, name=o.name, entry=o.entry)
        if names:
            text = " ".join(doc[k].text for k in names)
            for key in (name_parts(text), name_parts(text)[-1:]):
                an.dynamic.setdefault(key, ref)
        return [ref], ""
    # 3. a sector noun with a country from the phrase
    countries = [h for h in phrase_hits if h.type == "country" and h.start != tok.i or
                 (h.type == "country" and (h.kind == "prefix" or gen_head and h.kind == "genitive"))]
    metonyms = [h for h in phrase_hits if h.type == "metonym" and h.start != tok.i]
    aligns = [h for h in phrase_hits if h.type == "align"]
    if head_sector is None:
        hs = next((h for h in head_hits if h.type == "country" and h.kind == "prefix" and h.sector), None)
        if hs:
            # "US-Soldaten" is a sector noun; "US-Luftangriff" an event noun, whose actor is the state's military
            own = sector_of(lex, tok.text)
            head_sector = Hit("sector", tok.i, tok.i + 1, sector=hs.sector,
                              kind="event" if own and own[1] == "event" else "sector", entry=hs.entry)
    if head_sector is not None:
        sector = head_sector.sector or "GOV"
        kind = head_sector.kind or "sector"
        unknown = False
        if aligns:
            al = aligns[0].sector
            if al == "UNK":
                # "unbekannte Männer", "eine unbekannte Partei": unidentified attackers, not the article's people
                if sector in {"CVL", "PTY", "UAF", "OPP"}:
                    sector, unknown = "UAF", True
            elif al == "GOV" and sector in {"REB", "UAF", "OPP", "MIL"}:
                sector = "MIL"  # pro-government militias/fighters are coded with the state's forces
            elif al in {"REB", "OPP"} and sector in {"MIL", "UAF", "GOV"}:
                sector = al
            elif al == "UAF" and sector in {"REB", "MIL"}:
                sector = "INS"
        country = None
        conf = 0.85
        source = None
        # a country prefix on the head itself ("US-Soldaten")
        for h in head_hits:
            if h.type == "country":
                country, source = h.country, h
        if country is None and countries:
            h = countries[0]
            country, source = h.country, h
            if h.kind == "pro":
                sector = "MIL" if sector in {"REB", "UAF", "MIL"} else sector
            if h.kind == "genitive" or h.kind == "name":
                conf = 0.8
        if country is None:
            al = next((h for h in aligns if h.country), None)
            if al is not None:
                country, source = al.country, al
                conf = 0.8
        if country is None and metonyms:
            country, source = metonyms[0].country, metonyms[0]
            conf = 0.8
        if country is None and persons:
            country = persons[0].country
            conf = 0.75
        if country is None and sector in DOMESTIC:
            # a place inside the phrase ("die Staatsanwaltschaft Innsbruck", "die Polizei von Chicago"): domestic
            # actors belong to it; not armed forces or envoys, who are named by where they serve
            # the parse often misses the bare postposed name, so the word right after the head counts too
            country = next((an.place_tokens[k] for k in (tok.i + 1, *idx) if k in an.place_tokens and k != tok.i),
                           None)
            conf = 0.75 if country else conf
        if country is None:
            for h in phrase_hits:
                if h.type == "org" and h.code:
                    return [_ref(doc, idx, h.code, "igo", 0.7, name=h.name, entry=h.entry)], ""
        if country is None and kind == "event" and not (sector == "OPP" and an.complete):
            # "ein Massaker", "Raketenangriffe": an event noun names an actor only through its own country
            # adjective or prefix ("israelische Luftangriffe", "US-Angriffe"). A protest noun asked for as an
            # argument ("die Proteste wurden niedergeschlagen") stands for the protesters, but it is never an
            # actor mention of its own (no antecedent, no context actor).
            return [], f"'{text}' names an event, not an actor"
        if country is None and (unknown or sector in {"UAF", "INS"}):
            # unknown attackers ("bewaffnete Täter", "unbekannte Männer"): no country unless the text gives one
            return [_ref(doc, idx, f"---{sector}", "nonstate", 0.6, entry=head_sector.entry)], ""
        if country is None:
            # a national institution ("der Bundeskanzler", "die Bundeswehr"): its own country, not the place of
            # the sentence ("bei seinem Besuch in Japan sprach der Bundeskanzler")
            home = home_of(lex, doc[head_sector.start].text)
            if home:
                # the article's country decides between the homes ("Landesregierung", "Bundesheer" in Austrian
                # news are Austrian); the first home only when the article names none of them
                dom = an.dominant[0] if an.dominant[0] in home else an.place_dominant
                if dom not in home:
                    dom = _most_voted(an, home)  # "die Bundesregierung" beside "SPÖ" and "Burgenlands"
                country, conf = (dom if dom in home else home[0]), 0.7
        if country is None and kind == "role":
            ante = _antecedent(doc, tok, an, lambda r: r.kind == "person" and (r.sector in {"GOV", None}))
            if ante is not None:
                return [_ref(doc, idx, ante.code, "sector", 0.6, name=ante.name, entry=ante.entry,
                             resolved_from=ante.text)], ""
        if country is None and kind != "event":
            # the same kind of actor named with its country before ("die syrische Opposition" ... "die Opposition")
            same = _antecedent(doc, tok, an, lambda r: r.sector == sector and r.country is not None
                               and r.kind == "sector", max_sents=50)
            if same is not None:
                country, conf = same.country, 0.55
        here = an.place_countries.get(tok.sent.start)
        if country is None and sector in DOMESTIC and here and len(here) == 1:
            # civilians, protesters, police ... belong to where they are
            country, conf = next(iter(here)), 0.45
        if country is None:
            # the one country the sentence names ("Die Demonstranten forderten den Rücktritt der rumänischen
            # Regierung"); role nouns do not take a country from a place
            named = an.sent_countries.get(tok.sent.start)
            if named and len(named) == 1:
                country, conf = next(iter(named)), 0.5
        if country is None and sector in DOMESTIC and an.place_dominant:
            country, conf = an.place_dominant, 0.4
        if country is None:
            dom, dconf = an.dominant
            if dom:
                country, conf = dom, dconf
            elif an.place_dominant:
                country, conf = an.place_dominant, 0.35
            else:
                return [], f"no country for '{text}' (sector {sector}) in the phrase or the article"
        if kind == "event":
            conf = min(conf, 0.4)
            if sector == "UAF":
                sector = "MIL"  # a state's attacks ("israelische Luftangriffe") are its military's
        sector = _context_sector(doc, tok, an, sector, head_sector)
        if sector == "REL":
            # "die Geistlichen" in Myanmar are Buddhist clergy
            sector = lex.religion.get(country, sector)
        if kind == "role" and sector == "GOV" and _former(doc, tok, idx):
            sector = "ELI"  # "der Ex-Präsident", "der frühere Minister": no longer in office
        ent = head_sector.entry
        if source is not None and source.entry:
            ent = f"{ent}+{source.entry}"
        ref = _ref(doc, idx, f"{country}{sector}", "sector", conf, entry=ent, name=lex.country_names.get(country))
        if not title_names and head_sector.start == tok.i and kind in {"role", "sector"}:
            # "der Kongressabgeordnete John Murtha": the name after the title, for a later "so Murtha"
            title_names = _following_names(doc, tok, idx, an.hits)
        if title_names:
            names = " ".join(doc[k].text for k in title_names)
            ref.name = names
            for key in (name_parts(names), name_parts(names)[-1:]):
                an.dynamic.setdefault(key, ref)
        return [ref], ""
    # 4. a country name, demonym or metonym as head
    for h in head_hits:
        if h.type == "metonym":
            return [_ref(doc, idx, h.code or "", "metonym", h.confidence, name=h.name, entry=h.entry)], ""
        if h.type == "country" and h.kind == "demonym" and _plural_people(doc, tok, idx):
            # "tausende Venezolaner", "die Ukrainer": people, not the state
            sector = "OPP" if _has_protest(tok) else "CVL"
            return [_ref(doc, idx, f"{h.country}{sector}", "sector", 0.6, name=h.name, entry=h.entry)], ""
        if h.type == "country" and h.kind in {"name", "genitive", "demonym"}:
            conf = 0.8 if h.kind != "demonym" else 0.6
            return [_ref(doc, idx, f"{h.country}GOV", "country", conf, name=h.name, entry=h.entry)], ""
    # 5. "das Land", "der Staat": the country named before
    if norm(tok.text) in COUNTRY_PLACE_WORDS and not _is_locative(doc, tok):
        ante = _country_antecedent(doc, tok, an)
        if ante is not None and ante.country:
            return [_ref(doc, idx, f"{ante.country}GOV", "country", 0.55, name=ante.name, entry=ante.entry,
                         resolved_from=ante.text)], ""
    if any(h.type == "country" for h in phrase_hits):
        return [], f"no political actor for '{text}': '{tok.text}' is not an actor noun"
    return [], f"no political actor for '{text}'"


QUANTIFIERS = {"tausende", "hunderte", "dutzende", "zehntausende", "hunderttausende", "viele", "zahlreiche",
               "einige", "mehrere", "etliche", "wenige", "alle", "manche", "tausenden", "hunderten", "dutzenden",
               "vielen", "einigen", "mehreren", "etlichen", "wenigen", "allen", "manchen"}


def _plural_people(doc: Doc, tok: Token, idx: list[int]) -> bool:
    """A demonym used for people: plural by morphology, a quantifier or a number in its phrase."""
    if "Plur" in tok.morph.get("Number"):
        return True
    return any(doc[k].lower_ in QUANTIFIERS or doc[k].like_num for k in idx if k < tok.i)


PLACE_NOUNS = {"stadt", "hauptstadt", "region", "provinz", "ort", "land", "republik", "metropole", "grenzstadt",
               "hafenstadt", "gebiet", "staat"}


# nouns and adverbs that make a following "von"-phrase a place ("in der Nähe von Brüssel"), not an agent
NEAR_WORDS = {"nahe", "unweit", "nordlich", "sudlich", "ostlich", "westlich", "nordostlich", "nordwestlich",
              "sudostlich", "sudwestlich", "ausserhalb", "innerhalb", "rande", "umgebung", "umland", "vororten",
              "vorort", "zentrum", "innenstadt", "stadtrand", "norden", "suden", "osten", "westen", "nordosten",
              "nordwesten", "sudosten", "sudwesten"}


def _is_locative(doc: Doc, tok: Token) -> bool:
    """Is this name governed by a locative preposition ("in Moskau", "in die Stadt Moskau", "nach Ankara")?"""
    j = tok.i - 1
    while j >= tok.sent.start:
        low = doc[j].text.lower()
        if low in LOCATIVE:
            return True
        if low in {"von", "vom"} and j > tok.sent.start and norm(doc[j - 1].text) in NEAR_WORDS:
            return True  # "in der Nähe von Brüssel", "südlich von Bagdad", "am Rande von Kabul"
        if low in DETERMINERS or norm(low) in PLACE_NOUNS or (doc[j].text[:1].islower() and doc[j].pos_ == "ADJ"):
            j -= 1
            continue
        break
    # the parse: a locative preposition attached to the name
    return any(c.dep_ == "case" and c.text.lower() in LOCATIVE for c in tok.children)


def _dynamic_name(doc: Doc, tok: Token, an: Analysis) -> ActorRef | None:
    a = tok.i
    while a > tok.sent.start and doc[a - 1].text[:1].isupper() and not an.hits.get(a - 1) and \
            doc[a - 1].text.lower() not in DETERMINERS:
        a -= 1
    b = tok.i + 1
    while b < tok.sent.end and doc[b].text[:1].isupper() and not an.hits.get(b):
        b += 1
    key = name_parts(doc[a:b].text)
    keys = [key, key[-1:]]
    if key and key[-1].endswith("s") and len(key[-1]) > 3:
        keys.append((key[-1][:-1],))  # a genitive ("Alle Versuche de Misturas")
    for k in keys:
        ref = an.dynamic.get(k)
        if ref is not None and ref.start < doc[a].idx:
            return ref
    return None


# lower-case words inside personal names ("Staffan de Mistura", "Ursula von der Leyen")
NAME_LINKS = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "al", "el", "bin", "ibn", "le", "la", "dos"}


def _appositive_name(doc: Doc, end: int, hits: dict[int, list[Hit]]) -> list[int]:
    """A name in apposition right after an office held at an organisation ("des Syrien-Beauftragten der Vereinten
    Nationen (UN), Staffan de Mistura"): the tokens of the name, after an optional bracketed short form and a
    comma, up to the next punctuation; [] when what follows is not a bare name."""
    k, stop = end, min(len(doc), end + 12)
    if k < stop and doc[k].text == "(":
        close = next((j for j in range(k + 1, min(stop, k + 4)) if doc[j].text == ")"), None)
        if close is None:
            return []
        k = close + 1
    if k >= stop or doc[k].text != "," or doc[k].sent.start != doc[end - 1].sent.start:
        return []
    out = []
    for j in range(k + 1, stop):
        t = doc[j]
        if t.is_punct:
            break
        if t.text[:1].isupper() and len(t.text) > 1 and not hits.get(j) and t.pos_ in ("PROPN", "NOUN", "X"):
            out.append(j)
        elif t.lower_ in NAME_LINKS and out and j + 1 < stop and doc[j + 1].text[:1].isupper():
            out.append(j)
        else:
            return []
    if len(out) < 2 or not doc[out[-1]].text[:1].isupper() or out[-1] + 1 >= len(doc) or \
            not doc[out[-1] + 1].is_punct:
        return []
    return out


def _antecedent(doc: Doc, tok: Token, an: Analysis, accept, max_sents: int = 4) -> ActorRef | None:
    """The nearest actor mention before `tok` (within a few sentences) that `accept`s."""
    sent_starts = an.sent_starts
    cur = max(k for k, s in enumerate(sent_starts) if s <= tok.i)
    limit = sent_starts[max(0, cur - max_sents)]
    best = None
    for ref in an.mentions:
        if ref.end > tok.idx:
            break
        if ref.start >= doc[limit].idx and accept(ref):
            best = ref
    return best


def _country_antecedent(doc: Doc, tok: Token, an: Analysis) -> ActorRef | None:
    """The country "das Land" refers to: one named earlier in the same sentence by any mention ("eine malaysische
    Einheit – das Land hat ..."), else the article's main country when it was named in the last sentences, else the
    nearest country name (a passing comparison "Platz 158 mit Ruanda" should not take over)."""
    same = _antecedent(doc, tok, an, lambda r: r.country is not None and r.kind != "pronoun", max_sents=0)
    if same is not None:
        return same
    cur = max(k for k, s in enumerate(an.sent_starts) if s <= tok.i)
    lo = doc[an.sent_starts[max(0, cur - 4)]].idx
    cands = [r for r in an.mentions if lo <= r.start and r.end <= tok.idx and r.kind in {"country", "metonym"}]
    if not cands:
        return None
    main = an.place_dominant or an.dominant[0]  # "das Land" is where the story is
    return next((r for r in reversed(cands) if r.country == main), cands[-1])


def _mention_number(doc: Doc, ref: ActorRef) -> set[str]:
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None:
        return set()
    head = span.root
    num = set(head.morph.get("Number"))
    gen = set(head.morph.get("Gender"))
    key = norm(head.text)
    if key.endswith(("en", "er", "innen")) and ref.kind == "sector" and not num:
        num = {"Plur"}
    if ref.kind == "sector" and num == {"Sing"} and gen == {"Fem"} and key.endswith(("e", "en", "er")) and \
            head.text.lower() not in {"armee", "truppe", "miliz", "polizei", "regierung", "menge"} and \
            any(c.lower_ == "der" for c in head.children):
        num = {"Plur"}  # "der Mönche": genitive plural taken for a feminine singular by the tagger
    if ref.kind == "sector" and num == {"Sing"} and key.endswith(("er", "el", "en")) and \
            not any(c.dep_ in {"det", "det:poss"} for c in head.children):
        # "Als Kämpfer die Stadt einnahmen": a count noun without article is plural; the tagger cannot tell a
        # plural that looks like its singular
        num = {"Plur"}
    out = {f"N={n}" for n in num} | {f"G={g}" for g in gen}
    if key.endswith(NOMINALISED_PERSONS) and "N=Plur" not in out:
        # "der UN-Sondergesandte": a nominalised adjective has its gender from the article, not its form; the tagger
        # often guesses feminine, and a person-title is what "er" and "sie" refer to
        out |= {"person"}
    if ref.kind == "person":
        out |= {"N=Sing", "person"}
    if ref.kind in {"country", "metonym"}:
        out |= {"N=Sing", "G=Neut"}
    return out


# nominalised adjectives and participles naming an office holder (their gender is not in their form)
NOMINALISED_PERSONS = ("gesandte", "beauftragte", "vorsitzende", "abgeordnete", "delegierte", "bevollmachtigte")


def _clause_subjects(tok: Token) -> list[tuple[int, int]]:
    """Character spans of the subjects of the pronoun's own clause when the pronoun is not (in) the subject: an
    object pronoun does not refer to its clause's subject ("Soldaten schlugen einige von ihnen")."""
    t, path = tok, {tok.i}
    for _ in range(4):
        if t.pos_ in {"VERB", "AUX"} or t.head.i == t.i:
            break
        t = t.head
        path.add(t.i)
    out = []
    kids = list(t.children)
    if t.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubj:pass"} for c in kids):
        kids += list(t.head.children)  # "Soldaten gaben Schüsse ab und schlugen manche von ihnen"
    for c in kids:
        if c.dep_ in {"nsubj", "nsubj:pass"} and c.i not in path:
            out.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
    return out


def _resolve_pronoun(doc: Doc, tok: Token, an: Analysis) -> tuple[list[ActorRef], str]:
    low = tok.text.lower()
    idx = [tok.i]
    if low == "man":
        # the subject of the governing clause ("Putin verwies darauf, dass man ...")
        h = tok.head
        seen = 0
        while h is not None and seen < 6:
            for child in h.children:
                if child.dep_ in {"nsubj", "nsubj:pass"} and child.i != tok.i and child.lower_ != "man":
                    refs, _ = _resolve_any(doc, child, an)
                    if refs:
                        r = refs[0]
                        return [_ref(doc, idx, r.code, "pronoun", min(0.6, r.confidence), name=r.name, entry=r.entry,
                                     resolved_from=r.text)], ""
            if h.head is h:
                break
            h, seen = h.head, seen + 1
        ante = _antecedent(doc, tok, an, lambda r: r.kind not in {"pronoun"}, max_sents=1)
        if ante is not None:
            return [_ref(doc, idx, ante.code, "pronoun", 0.45, name=ante.name, entry=ante.entry,
                         resolved_from=ante.text)], ""
        return [], "'man' has no actor in this or the previous sentence"
    if low in PRONOUNS_WE:
        speaker = None
        if an.complete:
            # the quotes engineer's speaker attribution (not during the analysis pass: it costs a quote search)
            try:
                from lagebild.extract import quotes as _quotes
                speaker = _quotes.attribution_for_token(doc, tok)
            except (ImportError, AttributeError):
                speaker = None
        if speaker is not None and speaker.code:
            return [_ref(doc, idx, speaker.code, "pronoun", 0.6, name=speaker.name, entry=speaker.entry,
                         resolved_from=speaker.text)], ""
        # the actor named in the same sentence (the speaker of a quote is usually there), else the previous one
        # not a co-argument of the pronoun's own clause ("Wir haben hier tote Zivilisten"): those are others
        own = {t.idx for t in _clause_tokens(tok)}
        same = [r for r in an.mentions if tok.sent.start_char <= r.start < tok.sent.end_char and r.kind != "pronoun"
                and r.start not in own and not any(t.idx in own for t in
                                                   doc.char_span(r.start, r.end, alignment_mode="expand") or [])]
        if same:
            before = [r for r in same if r.end <= tok.idx]
            r = before[-1] if before else same[0]
            return [_ref(doc, idx, r.code, "pronoun", 0.5, name=r.name, entry=r.entry, resolved_from=r.text)], ""
        ante = _antecedent(doc, tok, an, lambda r: r.kind != "pronoun" or bool(r.code), max_sents=2)
        if ante is not None:
            return [_ref(doc, idx, ante.code, "pronoun", 0.45, name=ante.name, entry=ante.entry,
                         resolved_from=ante.text)], ""
        return [], f"'{tok.text}' has no speaker or antecedent actor"
    morph_num = set(tok.morph.get("Number"))
    if low in STANDALONE_DEMONSTRATIVES:
        low = {"der": "er", "die": "sie"}[low]  # "Der hatte die Parteien ... gebeten": like "er", the last named
    if low in PRONOUNS_MASC or low.startswith("sein"):
        neuter = low.startswith("sein")  # "sein" also refers to a country ("Russland und seine Verbündeten")

        def accept(r: ActorRef) -> bool:
            f = _mention_number(doc, r)
            return r.kind == "person" or "person" in f or (("G=Masc" in f or neuter and "G=Neut" in f)
                                                             and "N=Plur" not in f)
    elif low in PRONOUNS_SIE or low in DEMONSTRATIVES or low in POSSESSIVES:
        # a possessive's number is the possessed noun's, not the possessor's
        plural = low not in POSSESSIVES and ("Plur" in morph_num or tok.text == "Sie" and not tok.is_sent_start
                                             or low in {"ihnen"})

        def accept(r: ActorRef) -> bool:
            f = _mention_number(doc, r)
            if plural:
                return "N=Plur" in f or r.kind == "igo"
            return "N=Plur" in f or "G=Fem" in f or r.kind in {"igo", "person"}
    else:
        return [], f"'{tok.text}' is not a pronoun lagebild resolves"
    blocked = _clause_subjects(tok) if low not in POSSESSIVES else []
    ante = _antecedent(doc, tok, an, lambda r: r.kind != "pronoun" and accept(r) and not any(
        a <= r.start < b for a, b in blocked), max_sents=2)
    if ante is None:
        return [], f"pronoun '{tok.text}' has no antecedent actor in the preceding text"
    return [_ref(doc, idx, ante.code, "pronoun", 0.55, name=ante.name, entry=ante.entry, resolved_from=ante.text)], ""


PRONOUN_WORDS = PRONOUNS_MASC | PRONOUNS_SIE | PRONOUNS_WE | DEMONSTRATIVES | {"man"}


STANDALONE_DEMONSTRATIVES = {"der", "die"}


def _standalone_demonstrative(tok: Token) -> bool:
    """"Der hatte die Konfliktparteien ... gebeten": an article-like word standing alone as the subject of a main
    clause (not a relative pronoun, not followed by its noun) is a demonstrative pronoun."""
    if tok.lower_ not in STANDALONE_DEMONSTRATIVES or tok.dep_ not in ("nsubj", "nsubj:pass"):
        return False
    h = tok.head
    if h.pos_ not in ("VERB", "AUX") or h.dep_ in ("acl:relcl", "acl", "amod", "nsubj", "nsubj:pass", "obj", "obl",
                                                   "nmod") or "Rel" in tok.morph.get("PronType") or \
            tok.tag_ == "PRELS":
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    # a finite verb right after it ("Der hatte ..."); not an attributive participle ("Die entsendeten Soldaten")
    return nxt is not None and nxt.pos_ in ("VERB", "AUX") and \
        ("Fin" in nxt.morph.get("VerbForm") or bool(nxt.morph.get("Mood"))) and \
        (nxt.i == h.i or nxt.head.i == h.i and nxt.dep_.startswith(("aux", "cop"))) and \
        (tok.is_sent_start or tok.doc[tok.i - 1].is_punct)


def _is_pronoun(tok: Token) -> bool:
    low = tok.text.lower()
    if low == "man":
        return True
    if low in STANDALONE_DEMONSTRATIVES:
        return _standalone_demonstrative(tok)
    return low in PRONOUN_WORDS and (tok.pos_ in {"PRON", "DET"} or tok.tag_ in {"PPER", "PDS", "PIS", "PPOSAT"}
                                     or low in {"er", "sie", "wir", "ihm", "ihn", "ihnen", "uns"})


POSSESSIVES = {"sein", "seine", "seinem", "seinen", "seiner", "seines", "ihr", "ihre", "ihrem", "ihren", "ihrer",
               "ihres"}


def _is_possessive(tok: Token) -> bool:
    return tok.lower_ in POSSESSIVES and (tok.tag_ == "PPOSAT" or tok.dep_ == "det:poss" or (
        tok.pos_ == "DET" and tok.i + 1 < len(tok.doc) and tok.head.i > tok.i))


def _part_of(doc: Doc, tok: Token) -> Token | None:
    """The whole of a part: "einige von ihnen", "viele der Demonstranten" → the pronoun or noun after von/der."""
    if tok.lower_ not in QUANTIFIERS | {"einer", "eine", "keiner", "meisten", "teil", "teile"}:
        return None
    k = tok.i + 1
    if k >= tok.sent.end or doc[k].lower_ not in {"von", "vom", "der", "den"}:
        return None
    for j in range(k + 1, min(tok.sent.end, k + 5)):
        t = doc[j]
        if _is_pronoun(t) or t.pos_ in {"NOUN", "PROPN"}:
            return t
        if t.is_punct or t.pos_ in {"VERB", "AUX"}:
            break
    return None


def _resolve_any(doc: Doc, tok: Token, an: Analysis) -> tuple[list[ActorRef], str]:
    lex = load_lexicon()
    if _is_pronoun(tok):
        # "Das habe er, Putin, vereinbart": the apposition names the pronoun's referent
        for c in tok.children:
            # (the parser may call it a conjunct: "er, Obama," has no conjunction)
            if c.pos_ in ("PROPN", "NOUN") and (c.dep_ == "appos" or c.dep_ == "conj" and c.i == tok.i + 2 and
                                                doc[tok.i + 1].text == "," and
                                                not any(g.dep_ == "cc" for g in c.children)):
                refs, _ = _resolve_phrase(doc, c, an, lex)
                if refs:
                    return refs, ""
        return _resolve_pronoun(doc, tok, an)
    if an.complete and _is_possessive(tok):
        # "bei seinem Treffen": the possessor, resolved like "er"/"sie"
        return _resolve_pronoun(doc, tok, an)
    whole = _part_of(doc, tok)
    if whole is not None:
        refs, reason = _resolve_any(doc, whole, an)
        if refs:
            a, b = tok.idx, whole.idx + len(whole.text)
            return [dataclasses.replace(r, start=a, end=b, text=doc._.lb_text[a:b]) for r in refs], ""
        return refs, reason
    refs, reason = _resolve_phrase(doc, tok, an, lex)
    if not refs and norm(tok.text).endswith(ISSUED_TEXTS):
        issuer = _issuer(doc, tok, an, lex)
        if issuer is not None:
            return [issuer], ""
    return refs, reason


# texts that stand for the body that adopted them ("stimmte der Resolution zu" → the UN); their genitive or
# "von" phrase is found by the phrase resolver first
ISSUED_TEXTS = ("resolution", "resolutionen")


def _issuer(doc: Doc, tok: Token, an: Analysis, lex: Lexicon) -> ActorRef | None:
    """The organisation behind a resolution: a compound prefix ("UN-Resolution"), else the closest international
    organisation named before it in the article."""
    idx = [tok.i]
    if "-" in tok.text:
        org = lex.org_prefixes.get(norm(tok.text.rsplit("-", 1)[0]))
        if org is not None:
            return _ref(doc, idx, org.code, org.kind, 0.6, name=org.name, entry=org.id)
    # not from its own sentence: there the organisation is the one adopting it ("Der Rat verabschiedete eine ...")
    ante = _antecedent(doc, tok, an, lambda r: r.kind == "igo" and r.end <= tok.sent.start_char, max_sents=60)
    if ante is None:
        return None
    return _ref(doc, idx, ante.code or "", "igo", 0.5, name=ante.name, entry=ante.entry, resolved_from=ante.text)


def analyse(doc: Doc) -> Analysis:
    """Find every actor mention in `doc` (cached on the Doc)."""
    cached = doc.user_data.get("lb_actors_analysis")
    if cached is not None:
        return cached
    lex = load_lexicon()
    date = doc._.lb_article_date if Doc.has_extension("lb_article_date") else None
    all_hits = _find_hits(lex, doc, date)
    datelines = dateline_spans(doc)
    # "Damaskus – Bei Kämpfen ...": a dateline's place is where the report comes from, not a government acting; it
    # still counts for the article's country
    hits = [h for h in all_hits if not (h.type in {"metonym", "country"} and any(
        a <= doc[h.start].idx < b for a, b in datelines))] if datelines else all_hits
    index = _index_hits(hits)
    an = Analysis(hits=index, mentions=[], mention_heads={}, dominant=_dominant_country(doc, all_hits),
                  persons_seen={})
    an.sent_starts = [sent.start for sent in doc.sents]
    _place_context(doc, an, hits)
    an.country_votes = _country_votes(lex, all_hits)
    if lex.party_alternatives:
        _choose_parties(lex, hits, an)
    for h in hits:
        # countries the sentence names as actors' countries: adjectives, demonyms, prefixes, non-locative names
        if h.type in {"country", "metonym"} and h.country and not (
                h.kind in {"name", "genitive", "metonym"} and _is_locative(doc, doc[h.start])):
            an.sent_countries.setdefault(doc[h.start].sent.start, set()).add(h.country)
    doc.user_data["lb_actors_analysis"] = an
    # candidate heads: names and nouns with a lexicon hit, and pronouns; mentions in text order so that
    # pronouns see the mentions before them
    covered: set[int] = set()
    for tok in doc:
        if tok.i in covered:
            continue
        hs = index.get(tok.i, [])
        is_cand = _is_pronoun(tok) or any(
            h.type in {"person", "org", "metonym", "sector"} or (h.type == "country" and h.kind in
                                                                  {"name", "demonym", "prefix", "genitive"})
            for h in hs)
        if not is_cand:
            continue
        # a multi-token name: take its last token as the head, with the phrase around it
        head = tok
        for h in hs:
            if h.type in {"person", "org", "metonym", "country"} and h.end - h.start > 1:
                head = doc[h.end - 1]
        # a sector noun right after this token is the head of the phrase ("US-Präsident Obama" stays person)
        refs, _ = _resolve_any(doc, head, an)
        if len(refs) == 1 and refs[0].kind == "igo" and not _is_pronoun(head):
            # an office at an organisation followed by the holder's name: the name stands for the organisation
            span = doc.char_span(refs[0].start, refs[0].end, alignment_mode="expand")
            org_at = [k for k in range(span.start, span.end) if any(h.type == "org" for h in index.get(k, []))] \
                if span is not None else []
            # a title noun before the organisation's name ("des Syrien-Beauftragten der Vereinten Nationen")
            office = bool(org_at) and any(doc[k].pos_ == "NOUN" for k in range(span.start, org_at[0]))
            names = _appositive_name(doc, span.end, index) if office else []
            if names:
                text = " ".join(doc[k].text for k in names)
                for key in (name_parts(text), name_parts(text)[-1:]):
                    an.dynamic.setdefault(key, dataclasses.replace(refs[0], name=text))
                # the name is a mention of a person of its own (a later "er" or "der" refers to it)
                refs = refs + [_ref(doc, names, refs[0].code, "person", 0.7, name=text, entry=refs[0].entry,
                                    resolved_from=refs[0].text)]
        if len(refs) == 1 and refs[0].kind not in {"pronoun", "person"}:
            _bracketed_short_form(doc, refs[0], an)
        for r in refs:
            an.mentions.append(r)
            an.mention_heads[head.i] = r
            span = doc.char_span(r.start, r.end, alignment_mode="expand")
            if span is not None and r.kind != "pronoun":
                # names in the phrase that did not make this code stay mentions of their own
                covered.update(k for k in range(span.start, span.end) if not any(
                    h.type in {"org", "person", "metonym"} and h.entry and h.entry not in (r.entry or "")
                    for h in index.get(k, [])))
            covered.add(head.i)
    an.mentions.sort(key=lambda r: r.start)
    an.complete = True
    return an


def _bracketed_short_form(doc: Doc, ref: ActorRef, an: Analysis) -> None:
    """An abbreviation in brackets right after a mention ("die Bundeswettbewerbsbehörde (BWB)", "der Organisation
    für das Verbot von Chemiewaffen (OPCW)") names the same actor later ("teilte die BWB mit")."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or span.end + 2 >= len(doc) or doc[span.end].text != "(" or doc[span.end + 2].text != ")":
        return
    abbr = doc[span.end + 1]
    text = abbr.text
    if an.hits.get(abbr.i) or not 2 <= len(text) <= 6 or not text[:1].isupper() or \
            sum(c.isupper() for c in text) < 2:
        return
    # its first letter is that of a word of the mention ("Markus Wallner (VP)" is his party, not his short form)
    first = norm(text)[:1]
    if not any(norm(t.text)[:1] == first for t in span if t.text[:1].isupper()):
        return
    an.dynamic.setdefault(name_parts(text), ref)


# --------------------------------------------------------------------------------------------------------------
# Contract functions and the component
# --------------------------------------------------------------------------------------------------------------

def actors_for_token(doc: Doc, token: Token) -> list[ActorRef]:
    """The political actor(s) denoted by the nominal phrase headed by `token` ([] if none)."""
    an = analyse(doc)
    cache = doc.user_data.setdefault("lb_actors_for_token", {})
    if token.i not in cache:
        cache[token.i] = _resolve_any(doc, token, an)
    return list(cache[token.i][0])


def actor_reason(doc: Doc, token: Token) -> str:
    """Why `actors_for_token(doc, token)` found no actor (a short sentence for users)."""
    an = analyse(doc)
    cache = doc.user_data.setdefault("lb_actors_for_token", {})
    if token.i not in cache:
        cache[token.i] = _resolve_any(doc, token, an)
    refs, reason = cache[token.i]
    if refs:
        return ""
    idx = _phrase_tokens(doc, token, an.hits) if not _is_pronoun(token) else [token.i]
    _, _, text = _span_of(doc, idx)
    role = {"nsubj": "subject", "nsubj:pass": "subject", "obj": "object", "iobj": "object",
            "obl:agent": "agent"}.get(token.dep_, "phrase")
    base = f"no political actor for {role} '{text}'"
    return base if not reason or reason.startswith("no political actor") else f"{base}: {reason}"


@Language.component("lagebild_actors")
def actors_component(doc: Doc) -> Doc:
    """Fill `doc._.lb_actors` with every actor mention (ActorRef), in text order."""
    doc.user_data.pop("lb_actors_analysis", None)
    doc.user_data.pop("lb_actors_for_token", None)
    an = analyse(doc)
    if doc._.lb_actors is None:
        doc._.lb_actors = []
    doc._.lb_actors.extend(an.mentions)
    return doc
