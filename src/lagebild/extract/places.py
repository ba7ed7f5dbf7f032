"""Places: toponym recognition and resolution against lagebild's gazetteer, and the location of an event.

Candidates are NER LOC/LOCderiv spans and gazetteer look-ups on proper nouns (multi-word names, German genitive
"Aleppos", district prefixes "Ost-Aleppo"/"Nordsyrien", "-er" city adjectives "Genfer"). Each candidate's readings
are ranked by name source (German exonym > GeoNames primary name > alternate name), population, feature type
(country > capital > region > town) and the article's country context (countries named unambiguously elsewhere in the
article). Confidence is the ranking's margin mapped to [0.3, 0.95] plus evidence from the NER; see docs.

`event_location(doc, trigger)` picks the place the event happens in (contract in docs/contracts).
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import math
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from lagebild.analyse.pipeline import DATELINE
from lagebild.extract.clauses import clause_ids
from lagebild.extract.clauses import clause_verb as _clause_verb
from lagebild.extract.dates import MONTHS, WEEKDAYS
from lagebild.model import Place

GAZ_DIR = Path(__file__).resolve().parent.parent / "resources" / "gazetteer"

SOURCE_PRIOR = {"exonym": 3.0, "country": 3.0, "de": 2.5, "adj": 2.0, "primary": 1.5, "local": 1.3, "ascii": 1.2,
                "alt": 0.8}
GERMAN_SOURCES = {"exonym", "country", "de", "adj"}
FEATURE_PRIOR = {"PCLI": 3.0, "PPLC": 1.5, "ADM1": 1.2, "RGN": 1.2, "ADM2": 0.6, "PPLA": 0.6, "PPLA2": 0.3}
PARTS = {"nord": "north", "süd": "south", "ost": "east", "west": "west", "nordost": "northeast",
         "nordwest": "northwest", "südost": "southeast", "südwest": "southwest", "zentral": "central",
         "mittel": "central"}
PART_PREFIX = re.compile(r"^(Nordost|Nordwest|Südost|Südwest|Nord|Süd|Ost|West|Zentral|Mittel)-?(.+)$")
# nouns that name a part of the place in their genitive/von-phrase: "den Ostteil Aleppos", "im Norden Syriens"
PART_NOUNS = {"Ostteil": "east", "Westteil": "west", "Nordteil": "north", "Südteil": "south", "Osten": "east",
              "Westen": "west", "Norden": "north", "Süden": "south", "Nordosten": "northeast",
              "Nordwesten": "northwest", "Südosten": "southeast", "Südwesten": "southwest", "Zentrum": "central",
              "Innenstadt": "central"}
NAME_TAGS = {"NE", "PROPN", "NNE"}
SPEECH_LEMMAS = {"sagen", "erklären", "betonen", "mitteilen", "berichten", "melden", "sprechen", "äußern",
                 "ankündigen", "verweisen", "warnen", "fordern", "schreiben", "bestätigen", "dementieren",
                 "zitieren", "heißen", "teilen", "bekanntgeben", "kritisieren", "reden"}


@dataclass
class GazEntry:
    key: str
    geonameid: int | None
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    feature: str
    population: int


def _data_lines(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


class Gazetteer:
    """The compact gazetteer of resources/gazetteer (built by scripts/build_gazetteer.py)."""

    def __init__(self, directory: Path = GAZ_DIR) -> None:
        self.places: dict[str, GazEntry] = {}
        self.names: dict[str, list[tuple[str, str]]] = {}
        self.aliases: dict[str, list[tuple[str, dt.date | None, dt.date | None]]] = {}
        rows = _data_lines(directory / "places.tsv.gz")
        header = next(rows)
        assert header[0] == "key", header
        for key, gid, name, country, admin1, lat, lon, feature, pop in rows:
            self.places[key] = GazEntry(key, int(gid) if gid else None, name, country or None, admin1 or None,
                                        float(lat) if lat else None, float(lon) if lon else None, feature,
                                        int(pop or 0))
        rows = _data_lines(directory / "names.tsv.gz")
        next(rows)
        for form, key, source in rows:
            if key not in self.places:
                raise ValueError(f"names.tsv: unknown place key {key!r} for {form!r}")
            self.names.setdefault(form, []).append((key, source))
        for form, readings in list(self.names.items()):
            if " " not in form:
                continue
            german = [r for r in readings if r[1] in GERMAN_SOURCES]
            for inflected in _inflected_forms(form) if german else ():
                if inflected not in self.names:
                    self.names[inflected] = german
        for form, gid, valid_from, valid_to, *_ in _data_lines(directory / "aliases.tsv"):
            self.aliases.setdefault(gid, []).append((form, _date(valid_from), _date(valid_to)))
        self.continuations: set[str] = set()
        p = directory / "name_continuations.txt"
        if p.exists():
            self.continuations.update(line.strip() for line in p.read_text(encoding="utf8").splitlines()
                                      if line.strip() and not line.startswith("#"))
        self.common: set[str] = set()
        for fname in ("common_words.txt", "common_words_auto.txt"):
            p = directory / fname
            if p.exists():
                self.common.update(line.strip() for line in p.read_text(encoding="utf8").splitlines()
                                   if line.strip() and not line.startswith("#"))
        # names of organisations and parties in the actor dictionary are no places, nor is a place hidden in them by
        # the genitive rule ("die Hamas" is not Hama, "die Nato" not the village Nato)
        self.org_names: set[str] = set()
        orgs = directory.parent / "actors" / "orgs.tsv"
        if orgs.exists():
            for row in _data_lines(orgs):
                if len(row) > 4 and row[0] != "id":
                    self.org_names.update(f for f in row[4].split("|") if f)
        self.max_words = max(len(f.split()) for f in self.names)
        # first words of multi-word names: only tokens that can start one are tried with longer spans
        self.first_words = {f.split()[0].rstrip(",") for f in self.names if " " in f}

    def lookup(self, form: str) -> list[tuple[GazEntry, str]]:
        return [(self.places[k], s) for k, s in self.names.get(form, [])]

    def name_at(self, entry: GazEntry, date: dt.date | None) -> str:
        """The place's name valid on `date` (Astana in 2016, Nur-Sultan in 2020)."""
        if date is None or entry.geonameid is None:
            return entry.name
        for form, start, end in self.aliases.get(str(entry.geonameid), []):
            if (start is None or start <= date) and (end is None or date < end):
                return form
        return entry.name

    def valid_on(self, form: str, entry: GazEntry, date: dt.date | None) -> bool:
        """False when `form` is a dated name of this place not in use on `date`."""
        if date is None or entry.geonameid is None:
            return True
        spans = [(s, e) for f, s, e in self.aliases.get(str(entry.geonameid), []) if f == form]
        if not spans:
            return True
        return any((s is None or s <= date) and (e is None or date < e) for s, e in spans)


ADJ_WORD = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:sch|t)e$")


def _inflected_forms(form: str) -> list[str]:
    """Oblique forms of a German name with adjectives: "Zentralafrikanische Republik" → "Zentralafrikanischen
    Republik", "Vereinigte Arabische Emirate" → "Vereinigten Arabischen Emirate(n)" (dative/genitive after an
    article: "in der Zentralafrikanischen Republik")."""
    words = form.split(" ")
    if len(words) < 2 or not any(ADJ_WORD.match(w) for w in words[:-1]):
        return []
    stem = [w + "n" if ADJ_WORD.match(w) else w for w in words[:-1]]
    out = [" ".join([*stem, words[-1]])]
    if words[-1].endswith("e"):
        out.append(" ".join([*stem, words[-1] + "n"]))  # plural dative: "in den Vereinigten Arabischen Emiraten"
    return out


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


# ---------------------------------------------------------------------------------------------- datelines

# "Wien – Die Regierung ...", "Berlin/Brüssel – ...", "Kabul (AFP) – ...": the place an agency report is filed from,
# at the start of the text, a line or a sentence, before a dash (the pattern the analysis splits sentences by). It
# says where the report comes from, not who acts.


def dateline_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of dateline place names ("Wien", "Innsbruck/Eisenstadt") whose first word is a known place."""
    key = "lagebild.datelines"
    if key not in doc.user_data:
        gaz = gazetteer()
        out = []
        for m in DATELINE.finditer(doc._.lb_text):  # registered by the analysis module imported above
            first = re.split(r"[ /]", m.group(1))[0]
            if gaz.lookup(first) or gaz.lookup(m.group(1).split("/")[0]):
                out.append((m.start(1), m.end(1)))
        doc.user_data[key] = out
    return doc.user_data[key]


# ---------------------------------------------------------------------------------------------- recognition

@dataclass
class _Candidate:
    start: int  # token indices
    end: int
    form: str  # the gazetteer form that matched
    readings: list[tuple[GazEntry, str]]
    part: str | None
    ner: bool
    adjective: bool = False


def _is_name_token(tok: Token) -> bool:
    return tok.tag_ in NAME_TAGS or tok.pos_ == "PROPN" or tok.ent_type_ in ("LOC", "LOCderiv")


APOSTROPHES = str.maketrans({c: "'" for c in "’′‘`´ʼ"})


def _variants(text: str) -> list[tuple[str, str | None]]:
    """Forms to look up for a surface string: itself, genitive without -s, and a district prefix removed."""
    out: list[tuple[str, str | None]] = [(text, None)]
    plain = text.translate(APOSTROPHES)
    if plain != text:
        out.append((plain, None))  # "L′Aquila", "L’Aquila": the gazetteer writes a plain apostrophe
        text = plain
    if len(text) > 3 and text.endswith("s"):
        out.append((text[:-1], None))
    if text.endswith("'"):
        out.append((text[:-1], None))
    m = PART_PREFIX.match(text)
    if m:
        rest = m.group(2)
        rest = rest[0].upper() + rest[1:]
        part = PARTS[m.group(1).lower()]
        out.append((rest, part))
        if len(rest) > 3 and rest.endswith("s"):
            out.append((rest[:-1], part))
    return out


def _candidates(doc: Doc, gaz: Gazetteer) -> list[_Candidate]:
    cands: list[_Candidate] = []
    names_of_others: set[str] = set()
    in_names: set[int] = set()  # tokens found to be part of a longer name ("Federal" in "Federal Reserve")
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if not tok.text[:1].isupper():
            i += 1
            continue
        found = None
        # longest multi-token match first ("New York", "Sankt Petersburg", "Washington, D.C.")
        longest = min(n, i + gaz.max_words + 1) if tok.text in gaz.first_words else i + 1
        for j in range(longest, i, -1):
            span = doc[i:j]
            if span[-1].is_punct or (j - i > 1 and not any(t.text[:1].isupper() for t in span[1:])):
                continue
            text = span.text
            for form, part in _variants(text):
                readings = gaz.lookup(form)
                if part is not None and not any(s in ("exonym", "country") or e.feature in MAJOR_FEATURES
                                                for e, s in readings):
                    continue  # "Südderby" is no part of Derby; "Nordsyrien", "Ost-Aleppo" are
                if readings and form == text and form.endswith("s") and j - i == 1 \
                        and not {s for _, s in readings} & GERMAN_SOURCES:
                    # "Perus": the genitive of a German name before a foreign town that happens to end in -s
                    german = [r for r in gaz.lookup(form[:-1]) if r[1] in GERMAN_SOURCES]
                    if german:
                        form, readings = form[:-1], german
                if not readings and form == text and j - i == 1 and len(form) > 5 and form.endswith("en"):
                    # "in den Niederlanden", "auf den Philippinen": the dative plural of a German plural name
                    readings = [r for r in gaz.lookup(form[:-1]) if r[1] in ("exonym", "country")]
                    form = form[:-1] if readings else form
                if readings:
                    found = _Candidate(i, j, form, readings, part, tok.ent_type_ in ("LOC", "LOCderiv"))
                    break
            if found:
                break
        if found and _accept(doc, found, gaz):
            why = _part_of_longer_name(doc, found, gaz, in_names)
            if why:
                in_names.add(found.start)
                if why == "after a name" and not any(e.feature in ("PCLI", "PPLC", "ADM1") for e, _ in found.readings):
                    names_of_others.add(found.form)
                i += 1
                continue
            cands.append(found)
            i = found.end
        else:
            i += 1
    # a town's name seen after a first name ("Petra Pau", "Hirsi Ali") is that person elsewhere in the article too
    # ("Pau sagte", "den Mut Alis"), unless a place preposition says otherwise
    # ... and so is a town's name that the NER saw as the surname of a person's full name ("Petra Pau", "Karl-Theodor
    # zu Guttenberg"; a one-word PER is too often a misread place to count)
    persons = {e[-1].text for e in doc.ents if e.label_ == "PER" and len(e) > 1 and e[-1].text[:1].isupper()}
    for c in cands:
        if (doc[c.start].text in persons or c.form in persons) and c.end - c.start == 1 and not any(
                s in ("exonym", "country", "adj") or e.feature in ("PCLI", "PPLC", "ADM1") for e, s in c.readings):
            names_of_others.add(c.form)
    return [c for c in cands if c.form not in names_of_others
            or c.start > 0 and (doc[c.start - 1].lower_ in LOCATIVE_PREPS or doc[c.start - 1].text in GENERIC_PLACE_NOUNS)]


# prepositions that make a name a place whatever else it names in the article
LOCATIVE_PREPS = {"in", "im", "bei", "nach", "nahe", "aus", "nördlich", "südlich", "östlich", "westlich"}
FOREIGN_SOURCES = {"primary", "local", "ascii", "alt"}
MAJOR_FEATURES = {"PCLI", "PPLC", "ADM1", "RGN", "PPLA"}


def _part_of_longer_name(doc: Doc, c: _Candidate, gaz: Gazetteer, in_names: set[int] = frozenset()) -> str | None:
    """A one-word town name that is part of a longer proper name: next to another capitalised name that is no place
    ("Petra Pau", "Javier Solana", "SSC Green Inc.", "F. Scott Fitzgerald", "American Enterprise Institute"), or a
    foreign-only name after an article, which German does not put before town names ("die Parole", "der Tango").
    German exonyms and country names are exempt ("Radio Damaskus" is rare, "die Türkei" is the rule)."""
    if c.end - c.start != 1:
        return None
    sources = {s for _, s in c.readings}
    if sources & {"exonym", "country", "adj"}:
        return None
    tok = doc[c.start]
    prev = doc[c.start - 1] if c.start > tok.sent.start else None
    if prev is not None and prev.is_space:
        prev = None
    if prev is not None and prev.tag_ == "ART" and sources <= FOREIGN_SOURCES:
        return "after an article"
    if any(e.feature in ("PCLI", "PPLC", "ADM1") for e, _ in c.readings):
        return None  # countries, capitals and states: "Teile Baden-Württembergs" even when the tagger sees a name
    for why, nb in (("after a name", prev), ("before a name", doc[c.end] if c.end < tok.sent.end else None)):
        if nb is None or nb.is_space or nb.is_punct or not nb.text[:1].isupper():
            continue
        # the STTS tag, not the coarse PROPN that the tagger also gives to capitalised common nouns
        name_like = nb.tag_ in ("NE", "FM") or (nb.tag_ == "ADJA" and nb.i != nb.sent.start) or nb.i in in_names
        if not name_like or nb.lower_ in MONTHS or nb.lower_ in WEEKDAYS or nb.text.endswith(GENERIC_SUFFIXES) \
                or nb.lemma_.endswith(GENERIC_SUFFIXES):
            continue  # "US-Bundesstaat Illinois", "das Bundesland Nordrhein-Westfalen"
        if nb.i not in in_names and any(s in ("exonym", "country") or e.feature in MAJOR_FEATURES
                                        for form, _ in _variants(nb.text) for e, s in gaz.lookup(form)):
            continue  # a neighbouring place: "Windhoek Namibia", a list without commas (not "Martin Lee", where
            # both words happen to name small towns somewhere)
        return why
    return None


PLACE_PREPS = {"in", "im", "bei", "von", "aus", "nach", "nahe", "nördlich", "südlich", "östlich", "westlich"}


def _genitive_of_common_noun(doc: Doc, c: _Candidate, sources: set[str]) -> bool:
    """A German place name ending an entity that starts with a common noun ("die Militärdiktatur Myanmars", "der
    Regierung Syriens" taken as one organisation by NER): the genitive attribute of that noun, still a place."""
    last = doc[c.end - 1]
    ent = next((e for e in doc.ents if e.start <= c.start < e.end), None)
    return (ent is not None and ent.end == c.end and doc[ent.start].tag_ == "NN" and last.text.endswith("s")
            and bool(sources & GERMAN_SOURCES))


DATE_LEADS = {"am", "im", "vom", "seit", "bis", "ab", "anfang", "mitte", "ende", "monat", "letzten", "vergangenen",
              "kommenden", "nächsten", "diesen", "jeden"}


def _in_date(doc: Doc, c: _Candidate) -> bool:
    """A month or weekday name inside a date expression: after a day number or a date word, or before a year."""
    if c.end - c.start != 1 or (doc[c.start].lower_ not in MONTHS and doc[c.start].lower_ not in WEEKDAYS):
        return False
    prev = doc[c.start - 1] if c.start > 0 else None
    nxt = doc[c.end] if c.end < len(doc) else None
    if prev is not None and (prev.lower_ in DATE_LEADS or re.fullmatch(r"\d{1,2}\.?", prev.text)):
        return True
    return nxt is not None and re.fullmatch(r"(1[89]|20)\d\d", nxt.text) is not None


def _accept(doc: Doc, c: _Candidate, gaz: Gazetteer) -> bool:
    if doc[c.start:c.end].text in gaz.org_names:
        return False
    first = doc[c.start]
    last = doc[c.end - 1]
    sources = {s for _, s in c.readings}
    if first.ent_type_ in ("PER", "ORG", "OTH") and first.ent_iob_ == "B" and c.end - c.start == 1:
        # "Wladimir Putin": a single name inside a longer person/organisation name
        if first.ent_type_ == "PER":
            return False
    nxt = doc[c.end] if c.end < len(doc) else None
    if nxt is not None and nxt.text in gaz.continuations:
        return False  # "New York Times", "Frankfurter Allgemeine": a newspaper's name
    prev = doc[c.start - 1] if c.start > 0 else None
    if doc[c.start:c.end].text in gaz.continuations and prev is not None and prev.text[:1].isupper() and not prev.is_sent_start:
        return False  # "Los Angeles Times"
    if _in_date(doc, c):
        return False  # "am 27. August 2008": a month or weekday name in a date, not the town of that name
    if sources == {"adj"}:
        # "Genfer Gespräche", "Pariser Vorstädten": the adjective must modify a following noun
        c.adjective = True
        return nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.text[:1].isupper()
    c.readings = [(e, s) for e, s in c.readings if s != "adj"] or c.readings
    if c.form in gaz.common or (first.i == first.sent.start and first.text.lower() in gaz.common):
        # a common word or first name: only with NER support and not continuing into a person's name
        if not c.ner or (nxt is not None and nxt.ent_type_ == "PER"):
            return False
    if first.ent_type_ == "PER" or last.ent_type_ == "PER":
        # ... unless the "person" is exactly a multi-word country or capital name ("Hong Kong", "Sri Lanka"): the
        # NER errs more often than such a name belongs to a person
        ent = next((e for e in doc.ents if e.start <= c.start < e.end), None)
        whole = ent is not None and ent.start == c.start and ent.end == c.end and c.end - c.start > 1
        if not (whole and any(e.feature in ("PCLI", "PPLC") for e, _ in c.readings)):
            return False
    if first.ent_type_ in ("ORG", "OTH") and first.ent_iob_ != "B" and not _genitive_of_common_noun(doc, c, sources):
        return False  # the tail of an organisation's or title's name ("New York Times")
    if first.ent_type_ == "ORG" and first.ent_iob_ == "B":
        ent = next((e for e in doc.ents if e.start == c.start), None)
        nxt_name = nxt is not None and (nxt.tag_ in ("NE", "FM") or nxt.text.isupper() and len(nxt.text) > 1)
        if ent is not None and ent.end > c.end and nxt_name and not (prev is not None and
                                                                      prev.lower_ in LOCATIVE_PREPS):
            # the head of an organisation's name, a name following it ("Bayern München", "Manchester United",
            # "Philadelphia Flyers", "Hertha BSC"); not "Bayerns Ministerpräsident", "Lettland und Litauen"
            return False
    if sources == {"alt"} and not c.ner:
        return False  # multilingual alternate names are noisy ("Times", "Ali"): only with NER support
    if sources == {"local"} and not c.ner and not (prev is not None and prev.lower_ in LOCATIVE_PREPS):
        return False  # a village of 1,000-5,000 in a German-speaking country: "in Stronsdorf", not any "Hausen"
    if not c.ner and sources <= FOREIGN_SOURCES and all(e.key.startswith("S:") for e, _ in c.readings):
        return False  # a foreign first-level region's name is as often a club, a ship or a person ("Lazio", "Cesar")
    if c.ner or any(_is_name_token(t) for t in doc[c.start:c.end]):
        return True
    if first.ent_type_ in ("ORG", "OTH") and prev is not None and prev.lower_ in PLACE_PREPS:
        return True  # "das Massaker von Srebrenica": a name (by NER, of the wrong class) after a place preposition
    # German-usage names (countries, exonyms) also when the tagger calls them common nouns
    # ... and a German multi-word name that starts with its adjective ("in der Zentralafrikanischen Republik")
    return bool(sources & GERMAN_SOURCES) and (first.pos_ in ("NOUN", "PROPN", "X")
                                                or c.end - c.start > 1 and last.pos_ in ("NOUN", "PROPN"))


# GeoNames gives first-level divisions and curated regions no population: rank them as a large place, not as a
# village ("Florida" the US state over the Uruguayan town, "England" over England, Arkansas)
REGION_POPULATION = {"ADM1": 1_000_000, "RGN": 1_000_000, "PCLI": 1_000_000, "CONT": 1_000_000, "SEA": 1_000_000,
                     "OCN": 1_000_000}


def _score(entry: GazEntry, source: str, context: dict[str, float]) -> float:
    s = SOURCE_PRIOR.get(source, 1.0)
    population = entry.population or REGION_POPULATION.get(entry.feature, 0)
    s += math.log10(population + 1) / 2
    s += FEATURE_PRIOR.get(entry.feature, 0.0)
    if entry.country and entry.country in context:
        s += 2.0 + min(1.0, context[entry.country] / 3)
    elif entry.country is None and context:
        s += 2.0  # a sea, continent or region across borders fits any country context ("über die Adria" in Italy)
    return s


def _rank(c: _Candidate, context: dict[str, float]) -> list[tuple[float, GazEntry, str]]:
    best: dict[str, tuple[float, GazEntry, str]] = {}
    for entry, source in c.readings:
        sc = _score(entry, source, context)
        if entry.key not in best or sc > best[entry.key][0]:
            best[entry.key] = (sc, entry, source)
    return sorted(best.values(), key=lambda x: -x[0])


def _part_from_context(doc: Doc, c: _Candidate) -> str | None:
    """'den Ostteil Aleppos', 'im Norden Syriens': the place is a part named by the preceding noun."""
    prev = doc[c.start - 1] if c.start > 0 else None
    if prev is not None and prev.text in PART_NOUNS:
        return PART_NOUNS[prev.text]
    if prev is not None and prev.lower_ in ("von", "des") and c.start > 1 and doc[c.start - 2].text in PART_NOUNS:
        return PART_NOUNS[doc[c.start - 2].text]
    return None


def find_places(doc: Doc) -> list[Place]:
    gaz = gazetteer()
    date = doc._.lb_article_date if Doc.has_extension("lb_article_date") else None
    cands = _candidates(doc, gaz)
    # country context: countries of candidates whose readings all lie in one country, weighted by count
    context: dict[str, float] = {}
    for c in cands:
        ranked = _rank(c, {})
        countries = {e.country for _, e, _ in ranked[:3] if e.country}
        if len(countries) == 1 or (len(ranked) > 1 and ranked[0][0] - ranked[1][0] > 2.5):
            country = ranked[0][1].country
            if country:
                context[country] = context.get(country, 0.0) + 1.0
    places: list[Place] = []
    for c in cands:
        ranked = _rank(c, context)
        score, entry, source = ranked[0]
        margin = score - ranked[1][0] if len(ranked) > 1 else 3.0
        conf = 0.3 + 0.55 * (1 - math.exp(-margin / 1.5))
        if c.ner:
            conf += 0.1
        if not gaz.valid_on(c.form, entry, date):
            conf -= 0.15  # a name not in use on the article date (Nur-Sultan in 2016)
        span = doc[c.start:c.end]
        places.append(Place(
            text=span.text, start=span.start_char, end=span.end_char, geonameid=entry.geonameid,
            name=gaz.name_at(entry, date), country=entry.country, admin1=entry.admin1, lat=entry.lat,
            lon=entry.lon, feature=entry.feature, part=c.part or _part_from_context(doc, c),
            confidence=round(max(0.05, min(0.95, conf)), 3)))
    return places


ANAPHOR_DETS = {"das", "des", "dem", "den", "der", "die", "im", "ins", "vom", "zum", "zur", "dieses", "diesem",
                "diese", "dieser"}
ANAPHOR_NOUNS = {"Land": "country", "Landes": "country", "Lande": "country", "Stadt": "city",
                 "Hauptstadt": "capital"}
TERRITORY_NOUNS = {"Boden", "Territorium", "Staatsgebiet", "Hoheitsgebiet", "Gebiet", "Staatsboden"}
ACTORS_COUNTRIES = GAZ_DIR.parent / "actors" / "countries.tsv"


@functools.lru_cache(maxsize=1)
def _country_entries() -> dict[str, GazEntry]:
    gaz = gazetteer()
    best: dict[str, GazEntry] = {}
    for e in gaz.places.values():
        if e.feature == "PCLI" and e.country and (e.country not in best or e.population > best[e.country].population):
            best[e.country] = e
    return best


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, GazEntry]:
    return {e.country: e for e in gazetteer().places.values() if e.feature == "PPLC" and e.country}


@functools.lru_cache(maxsize=1)
def _country_adjectives() -> dict[str, str]:
    """Inflected country adjectives ("serbischem" → SRB) from the actor dictionary's country table (CLDR-based)."""
    out: dict[str, str] = {}
    if ACTORS_COUNTRIES.exists():
        for row in _data_lines(ACTORS_COUNTRIES):
            if len(row) >= 3 and row[2] == "adjective":
                out[row[1].lower()] = row[0]
    return out


def _place_of(entry: GazEntry, tok_span: Span, date: dt.date | None, conf: float, gaz: Gazetteer) -> Place:
    return Place(text=tok_span.text, start=tok_span.start_char, end=tok_span.end_char, geonameid=entry.geonameid,
                 name=gaz.name_at(entry, date), country=entry.country, admin1=entry.admin1, lat=entry.lat,
                 lon=entry.lon, feature=entry.feature, part=None, confidence=conf)


def referring_places(doc: Doc, places: list[Place]) -> list[Place]:
    """Places named without a name: "das Land", "in der Stadt", "die Hauptstadt" (a definite noun with no name
    after it) → the country/city/capital of the last place named before it; "auf serbischem Boden" → the country
    of the adjective."""
    gaz = gazetteer()
    date = doc._.lb_article_date if Doc.has_extension("lb_article_date") else None
    countries = _country_entries()
    adjectives = _country_adjectives()
    out: list[Place] = []
    named = sorted(places, key=lambda p: p.start)
    for tok in doc:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.text in TERRITORY_NOUNS and tok.i > 0 and doc[tok.i - 1].lower_ in adjectives:
            entry = countries.get(adjectives[doc[tok.i - 1].lower_])
            if entry is not None:
                out.append(_place_of(entry, doc[tok.i - 1:tok.i + 1], date, 0.6, gaz))
            continue
        kind = ANAPHOR_NOUNS.get(tok.text)
        if kind is None or (nxt is not None and (nxt.tag_ == "NE" or nxt.pos_ == "PROPN" or nxt.text[:1].isupper()
                                                 and nxt.ent_type_ == "LOC")):
            continue  # "die Stadt Bentiu": the name follows and is a place of its own
        j = tok.i - 1
        while j >= tok.sent.start and doc[j].tag_ in ("ADJA", "ADV", "ADJD"):
            j -= 1
        if j < 0 or doc[j].lower_ not in ANAPHOR_DETS:
            continue  # "seines Landes", "eine Stadt": not the one named before
        before = [p for p in named if p.end <= tok.idx and p.country]
        if not before:
            continue
        # "das Land": the country the article has named most often so far (the latest on a tie)
        counts: dict[str, tuple[int, int]] = {}
        for n, p in enumerate(before):
            counts[p.country] = (counts.get(p.country, (0, 0))[0] + 1, n)
        main_country = max(counts, key=lambda c: counts[c])
        # ... unless the sentence or the one before names a country: "... in den Süden des Libanon. Die Truppen im
        # Land ..." refers to the country just named, not to the article's main one
        prev_start = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
        near = [p for p in before if p.start >= doc[prev_start].idx and p.feature == "PCLI"]
        if near and kind != "city":
            main_country = near[-1].country
        last = before[-1]
        if kind == "city":
            cities = [p for p in before if (p.feature or "").startswith("PPL")]
            if not cities:
                continue
            last = cities[-1]
            out.append(Place(**{**last.__dict__, "text": tok.text, "start": tok.idx, "end": tok.idx + len(tok.text),
                                "part": None, "confidence": round(min(last.confidence, 0.5), 3)}))
            continue
        entry = countries.get(main_country)
        if kind == "capital":
            entry = _capitals().get(main_country)
        if entry is not None:
            out.append(_place_of(entry, doc[tok.i:tok.i + 1], date, 0.5, gaz))
    return out


@Language.component("lagebild_places")
def lagebild_places(doc: Doc) -> Doc:
    if doc._.lb_places is None:
        doc._.lb_places = []
    places = find_places(doc)
    places.extend(referring_places(doc, places))
    doc._.lb_places.extend(sorted(places, key=lambda p: p.start))
    return doc


# ---------------------------------------------------------------------------------------------- event location

def _place_tokens(doc: Doc, place: Place) -> Span | None:
    return doc.char_span(place.start, place.end, alignment_mode="expand")


CASE_WORDS = {"in", "im", "bei", "beim", "aus", "nach", "nahe", "von", "vom", "an", "am", "auf", "um", "durch", "über",
              "zwischen", "gegen", "vor", "hinter", "entlang", "innerhalb", "außerhalb", "ins", "zum", "zur", "unweit"}


PHRASE_TAGS = {"ART", "ADJA", "NN", "NE", "CARD", "PPOSAT", "PDAT", "PIAT", "ADV", "ADJD"}
# nouns that name a place by its kind or part: a place after them is still the phrase's place ("in der Nähe der
# Hauptstadt Dili", "im Norden Syriens"); after any other noun it is that noun's attribute ("am Widerstand Russlands")
GENERIC_PLACE_NOUNS = {"Stadt", "Hauptstadt", "Großstadt", "Kleinstadt", "Innenstadt", "Altstadt", "Vorstadt", "Vorort",
                       "Stadtteil", "Stadtviertel", "Viertel", "Bezirk", "Region", "Provinz", "Bundesstaat", "Staat",
                       "Land", "Dorf", "Ort", "Ortschaft", "Gemeinde", "Gebiet", "Umgebung", "Nähe", "Umland",
                       "Grenze", "Grenzregion", "Küste", "Insel", "Hafen", "Hafenstadt", "Flughafen", "Zentrum",
                       "Mitte", "Rand", "Stadtrand", "Straßen", "Straße", "Platz", "Hauptplatz", "Teil", "Teilen",
                       "Gegend", "Distrikt", "Kanton", "Departement", "Département", "Republik", "Stadtzentrum",
                       "Ostteil", "Westteil", "Nordteil", "Südteil", "Norden", "Süden", "Osten", "Westen",
                       "Nordosten", "Nordwesten", "Südosten", "Südwesten", "Kreis", "Landkreis", "Oblast", "Gouvernement"}
GENERIC_SUFFIXES = tuple({w for g in GENERIC_PLACE_NOUNS for w in (g, g.lower())}
                         | {"land", "staat", "häfen", "gelände", "geländes", "hafens", "flughäfen"})
NON_LOCATIVE = {"für", "gegen", "mit", "ohne", "wegen", "über", "um", "zu", "zum", "zur", "gegenüber", "seitens"}
TWO_WAY = {"in", "an", "auf", "vor", "hinter", "über", "unter", "neben", "zwischen"}


def _lexical_prep(span: Span) -> Token | None:
    """The preposition that opens the phrase of a place, read from the words before it and not from the parse
    ("in der Nähe der Hauptstadt Dili" → "in"): determiners, adjectives and nouns back to a preposition."""
    doc = span.doc
    i = span.start - 1
    for _ in range(9):
        if i < span.sent.start:
            return None
        t = doc[i]
        if t.tag_.startswith("APPR") or (t.pos_ == "ADP" and t.tag_ != "APPO"):
            if t.lower_ in ("von", "vom") and i - 1 >= span.sent.start and doc[i - 1].tag_ == "NN":
                i -= 1  # "in der Innenstadt von Kairo": the phrase of the noun the von-phrase belongs to
                continue
            return t
        if t.tag_ not in PHRASE_TAGS:
            return None
        if t.tag_ == "NN" and t.text not in GENERIC_PLACE_NOUNS and t.lemma_ not in GENERIC_PLACE_NOUNS:
            return None
        i -= 1
    return None


def _prep_word(span: Span) -> str:
    """The preposition right before the place's phrase by the words (also after a non-place noun), lower case."""
    doc = span.doc
    i = span.start - 1
    while i >= span.sent.start and doc[i].tag_ in ("ART", "ADJA", "ADJD", "CARD", "PIAT", "ADV"):
        i -= 1
    return doc[i].lower_ if i >= span.sent.start and doc[i].tag_.startswith("APPR") else ""


def _is_actor_use(span: Span) -> bool:
    """A place used as an actor rather than a location: a subject ("Russland setzt auf ...", "Moskau kritisierte"),
    a country as object ("unterstützt Syrien") or a dative/indirect object, without a preposition of its own."""
    root = span.root
    if _agent_of_participle(span):
        return True
    if any(c.dep_ == "case" or c.lower_ in CASE_WORDS for c in root.children) or _lexical_prep(span) is not None:
        return False
    if root.dep_ == "nsubj":
        return True
    if root.dep_ == "iobj":
        return True
    if root.dep_ == "obj":
        # "eroberten Aleppo" is a location, "unterstützt Syrien" a recipient
        return any(p.start == span.start_char and p.feature == "PCLI" for p in span.doc._.lb_places or [])
    return False


def _participle(tok: Token) -> bool:
    """A past participle, also as an inflected attribute ("vermittelte", "besetzten")."""
    if tok.tag_ == "VVPP" or "VerbForm=Part" in str(tok.morph):
        return True
    lemma = tok.lemma_.lower()
    return tok.tag_ == "ADJA" and len(lemma) > 5 and lemma.startswith(PARTICIPLE_PREFIXES) and lemma.endswith(("t", "en"))


# a past participle starts with ge- or with an inseparable/separable prefix (vermittelt, besetzt, angegriffen)
PARTICIPLE_PREFIXES = ("ge", "be", "ver", "er", "zer", "ent", "emp", "an", "auf", "aus", "ein", "ab", "unter", "über",
                       "vor", "zu", "durch", "her", "hin", "fest", "mit", "nach", "um")


def _agent_of_participle(span: Span) -> bool:
    """"eine von Russland und der Türkei vermittelte Einigung", "die von Israel besetzten Gebiete": a von-phrase
    before a participle names its agent, an actor and not where the event happens. Read from the words after the
    name (other names, articles, conjunctions) up to the participle; the parse of such phrases is unreliable."""
    doc = span.doc
    i = span.start - 1
    while i >= span.sent.start and span.start - i <= 6 and doc[i].tag_ in ("ART", "KON", "NE", "ADJA", "$,") \
            and doc[i].lower_ not in ("von", "vom"):
        i -= 1  # back over earlier conjuncts: "von Russland und der Türkei"
    if i < span.sent.start or doc[i].lower_ not in ("von", "vom") or doc[i].tag_ != "APPR" \
            and doc[i].pos_ != "ADP":
        return False
    i = span.end
    for _ in range(6):
        if i >= span.sent.end:
            return False
        t = doc[i]
        if _participle(t):
            return True
        if t.tag_ not in ("KON", "ART", "NE", "ADV") and not (t.tag_ == "NN" and t.text[:1].isupper()
                                                              and t.ent_type_ in ("LOC", "ORG")):
            return False
        i += 1
    return False


LOCATIVE_CASES = {"in", "im", "bei", "beim", "am", "an", "vor", "auf", "nahe", "unweit", "innerhalb", "außerhalb"}


def _actor_heads(doc: Doc) -> set[int]:
    """Token indices of the heads of actor mentions (group actors, not places used as actors or persons)."""
    heads = set()
    for a in doc._.lb_actors or []:
        if a.kind in ("metonym", "country", "person"):
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is not None:
            heads.add(span.root.i)
    return heads


def _modifies_actor(doc: Doc, noun: Token) -> bool:
    """'die Regierung in Ankara': the noun the place hangs on heads an actor mention (a group, not a place itself).
    An institution with a locative preposition of its own is a place ("am Belgrader Kriegsverbrechergericht")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.i not in _actor_heads(doc):
        return False
    return not any(c.dep_ == "case" and c.lower_ in LOCATIVE_CASES for c in noun.children)


def _date_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens inside date expressions (computed once per document)."""
    key = ("lagebild", "date_tokens")
    if key not in doc.user_data:
        out: set[int] = set()
        for d in doc._.lb_dates or [] if Doc.has_extension("lb_dates") else []:
            if d.start is not None and d.end is not None:
                span = doc.char_span(d.start, d.end, alignment_mode="expand")
                if span is not None:
                    out.update(t.i for t in span)
        doc.user_data[key] = out
    return doc.user_data[key]


def _path_to(tok: Token, target: Token, max_steps: int = 3) -> list[Token] | None:
    """Tokens between `tok` and its ancestor `target` (exclusive), if `target` is reached within max_steps."""
    path: list[Token] = []
    t = tok
    for _ in range(max_steps):
        if t.head is t:
            return None
        t = t.head
        if t == target:
            return path
        path.append(t)
    return None


def _as_place(p: Place, confidence: float) -> Place:
    return Place(**{**p.__dict__, "confidence": round(min(p.confidence, confidence), 3)})


# Event types and where the text locates them (PLOVER). Material events (fighting, arrests, protests, aid
# deliveries) happen at a place, and a report goes on at the scene it has set; meetings and agreements take the
# place of their own sentence; statements, demands, accusations and rejections are speech acts whose place the
# text rarely gives - a place in their sentence belongs to what is said, so only their own in/bei-phrase counts.
MATERIAL_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "AID"}
MEETING_TYPES = {"AGREE", "CONSULT", "CONCEDE", "THREATEN"}
VERBAL_TYPES = {"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "COOPERATE", "SANCTION"}


def _is_origin(span: Span) -> bool:
    """'aus Italien', 'vom Libanon aus': where someone or something comes from, not where the event happens."""
    doc = span.doc
    prep = _lexical_prep(span)
    word = prep.lower_ if prep is not None else ""
    if word == "aus" or any(c.dep_ == "case" and c.lower_ == "aus" for c in span.root.children):
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    return word in ("von", "vom") and nxt is not None and nxt.lower_ == "aus"


def _locative(span: Span, strict: bool = False) -> bool:
    """The place has a locative preposition of its own ("in Genf", "bei Aleppo", "am Belgrader Gericht"). With
    `strict`, a two-way preposition counts only with the dative ("in Genf", not the direction "auf die Türkei")."""
    prep = _lexical_prep(span)
    if prep is None or prep.lower_ not in LOCATIVE_CASES:
        return False
    if strict and prep.lower_ in TWO_WAY:
        # the case of articles and adjectives, else of common nouns: the morphology guesses at bare names ("in New
        # York" read as accusative), which German does not inflect
        words = span.doc[prep.i + 1:span.end]
        marked = [t for t in words if t.tag_ in ("ART", "ADJA")] or [t for t in words if t.tag_ == "NN"]
        return not any("Case=Acc" in str(t.morph) for t in marked)
    return True


def _phrase_head(span: Span) -> Token:
    """The head of the prepositional phrase a place stands in: up from the name through the generic nouns it names
    ("in der Nähe der Hauptstadt Dili" → "Nähe", "in der Stadt Bentiu" → "Stadt"), as far as the preposition."""
    prep = _lexical_prep(span)
    head = span.root
    doc = span.doc
    if span.end < len(doc) and doc[span.end].pos_ == "NOUN" and head.head == doc[span.end] \
            and head.dep_ in ("amod", "compound", "nmod"):
        return doc[span.end]  # "am Belgrader Kriegsverbrechergericht": the noun the place adjective modifies
    if prep is None:
        return head
    for _ in range(4):
        h = head.head
        if h is head or not (prep.i < h.i < span.start) or h.pos_ not in ("NOUN", "PROPN"):
            break
        head = h
    return head


def event_location(doc: Doc, trigger_token: Token, plover_type: str | None = None) -> Place | None:
    """Where the event of `trigger_token` happens, or None when the text does not say.

    With `plover_type` the event type decides how far to look (see MATERIAL_TYPES): material events take their
    own phrase, else the sentence's single place, else the scene set earlier in the article; meetings their own
    phrase or the sentence's single place; statements only their own locative phrase. A place in another clause
    (cut at commas, dashes and conjunctions, see clauses.py) is not the event's own phrase whatever the parse says.
    `plover_type=None` keeps the type-blind behaviour (paragraph inheritance for all).
    """
    sent = trigger_token.sent
    verbal = plover_type in VERBAL_TYPES
    material = plover_type in MATERIAL_TYPES
    typed = plover_type is not None
    ids = clause_ids(sent) if typed else {}
    cands: list[tuple[Place, Span]] = []
    for p in doc._.lb_places or []:
        if sent.start_char <= p.start < sent.end_char:
            span = _place_tokens(doc, p)
            if span is not None and not _is_actor_use(span):
                if typed and not material and _is_origin(span):
                    continue  # "Zusagen gibt es auch aus Italien": the source, not the place
                cands.append((p, span))
    if typed and _between_countries(cands, ids, trigger_token):
        return None  # "an der Grenze zwischen Indien und Pakistan": on a border, in neither country
    if not cands:
        if typed:
            return _scene(doc, trigger_token) if material else None
        return _inherited(doc, trigger_token) if INHERIT else None
    trig_verb = _clause_verb(trigger_token)
    attached: list[tuple[int, Place]] = []
    others: list[tuple[Place, Span]] = []
    for p, span in cands:
        head = _phrase_head(span) if typed else span.root
        if typed and ids.get(head.i) != ids.get(trigger_token.i) and not _clause_of_place_is_trigger(
                head, trigger_token):
            others.append((p, span))  # another clause: the parse's attachment across a clause boundary is wrong
            continue
        if verbal and not _locative(span, strict=True):
            others.append((p, span))  # a statement is located only by its own "in/bei/am ..." phrase
            continue
        origin = 3 if typed and _is_origin(span) else 0
        if typed and _prep_word(span) in NON_LOCATIVE:
            others.append((p, span))  # "Verhandlungen mit Iran", "Sanktionen gegen Iran": a party, not a place
            continue
        path = _path_to(head, trigger_token)
        if path is not None:
            # "erklärte Mitte Mai in New York": a place the parse hangs on a date expression is the clause's place
            path = [t for t in path if t.i not in _date_tokens(doc)]
        if path is not None and not any(_modifies_actor(doc, t) for t in path):
            if all(t.pos_ in ("NOUN", "PROPN", "ADP", "ADJ", "DET") for t in path) and (not verbal or not path):
                attached.append((len(path) + origin, p))
                continue
        if trigger_token.pos_ in ("NOUN", "PROPN") and trigger_token != trig_verb:
            # an event noun inside the clause: "Gespräche in Genf" where the phrase hangs on the verb
            path = _path_to(head, trig_verb)
            if path == [] and (head.dep_ in ("obl", "nmod") and any(c.lower_ in ("in", "bei", "nahe", "im")
                                                                    for c in head.children)
                               or typed and _locative(span, strict=True)):
                attached.append((2 + origin, p))
                continue
        if typed and not verbal and head.head == trig_verb and trigger_token == trig_verb:
            # a phrase of the trigger verb itself ("vom Libanon aus", "auf die Inseln geschickt")
            attached.append((1 + origin, p))
            continue
        others.append((p, span))
    if attached:
        attached.sort(key=lambda x: x[0])
        if typed and attached[0][0] >= 3:
            # only an origin ("vom Libanon aus"): a locative place of the same clause is where it happens
            # ("... Raketen auf Ziele in Israel")
            for p, span in others:
                if ids.get(span.root.i) == ids.get(trigger_token.i) and _locative(span) and not _is_origin(span) \
                        and not _modifies_actor(doc, span.root.head):
                    return _as_place(p, 0.6)
        return _as_place(attached[0][1], 0.9 if attached[0][0] == 0 else 0.75)
    if verbal:
        return None
    # the sentence's single place, unless it hangs on an actor or on a reporting frame
    usable = []
    for p, span in others:
        head = span.root
        if _modifies_actor(doc, head.head) and head.head.pos_ == "NOUN":
            continue
        verb = _clause_verb(head)
        if verb != trig_verb and verb.lemma_ in SPEECH_LEMMAS:
            continue
        if typed:
            if _prep_word(span) in NON_LOCATIVE:
                continue  # "eine Waffenruhe für ganz Syrien", "Sanktionen gegen Iran": not where it happens
            if not _locative(span) and not (head.dep_ == "obj" and head.head == trigger_token) \
                    and not (material and _object_place(span, trig_verb)):
                continue  # no preposition of its own: an attribute ("Soldaten der Kolonialmacht Portugal")
            if ids.get(head.i) != ids.get(trigger_token.i) and not _locative(span):
                continue  # a place in another clause counts only where it locates something ("in Kairo")
        usable.append(p)
    keys = {(p.geonameid, p.name) for p in usable}
    if len(keys) == 1:
        return _as_place(usable[0], 0.6)
    if material and not usable:
        # "den bislang gehaltenen Ostteil Aleppos eingenommen": a place the clause itself names, whatever the parse
        # hangs it on, before a scene set somewhere earlier
        own = {(p.geonameid, p.name): p for p, span in others
               if ids.get(span.root.i) == ids.get(trigger_token.i) and not _modifies_actor(doc, span.root.head)
               and _prep_word(span) not in NON_LOCATIVE and not _is_origin(span)}
        if len(own) == 1:
            return _as_place(next(iter(own.values())), 0.5)
        # "die Proteste, die auch Städte des Landes erfasst haben": a relative clause on the event noun says where
        # the event is
        rel = {(p.geonameid, p.name): p for p, span in others
               if trigger_token.pos_ == "NOUN" and _in_relative_of(span.root, trigger_token)
               and not _modifies_actor(doc, span.root.head) and _prep_word(span) not in NON_LOCATIVE}
        if len(rel) == 1:
            return _as_place(next(iter(rel.values())), 0.5)
        scene = _scene(doc, trigger_token)
        if scene is not None:
            return scene
        # "Proteste gegen die Militärdiktatur Myanmars": a material event against a country's actor, no other place
        owners = {(p.geonameid, p.name): p for p, span in others
                  if ids.get(span.root.i) == ids.get(trigger_token.i) and _modifies_actor(doc, span.root.head)}
        if len(owners) == 1:
            return _as_place(next(iter(owners.values())), 0.35)
    if INHERIT and not cands and not typed:
        return _inherited(doc, trigger_token)
    return None


def _in_relative_of(tok: Token, noun: Token, max_steps: int = 6) -> bool:
    """`tok` lies in a relative clause (acl) attached to `noun`."""
    t = tok
    for _ in range(max_steps):
        if t.head is t:
            return False
        if t.dep_ in ("acl", "acl:relcl") and t.head == noun:
            return True
        t = t.head
    return False


def _between_countries(cands: list[tuple[Place, Span]], ids: dict[int, int], trigger_token: Token) -> bool:
    """The trigger's clause places it "zwischen A und B" with A and B in different countries."""
    own = ids.get(trigger_token.i)
    for n, (p, span) in enumerate(cands):
        if ids.get(span.start) != own or _prep_word(span) != "zwischen":
            continue
        rest = [q for q, s in cands[n + 1:] if ids.get(s.start) == own and s.start - span.end <= 3]
        if rest and rest[0].country and p.country and rest[0].country != p.country:
            return True
    return False


def _clause_of_place_is_trigger(head: Token, trigger: Token) -> bool:
    """The place phrase hangs directly on the trigger (the parse and the clause cut disagree at a dash or comma
    inside a noun phrase: "die Gespräche – in Genf – ...")."""
    return head.head == trigger and trigger.pos_ in ("NOUN", "PROPN")


INHERIT = "paragraph"


def _located(doc: Doc, p: Place) -> tuple[Span, Token] | None:
    """The tokens of `p` and the verb of its clause when `p` is used as a location: not an actor, not a modifier of
    an actor, not in a reporting frame ("sagte in Genf")."""
    span = _place_tokens(doc, p)
    if span is None or _is_actor_use(span) or _modifies_actor(doc, span.root.head):
        return None
    verb = _clause_verb(span.root)
    return None if verb.lemma_ in SPEECH_LEMMAS else (span, verb)


def _scene_place(doc: Doc, p: Place) -> bool:
    """A place that sets a scene: used as a location (not an actor, not a modifier of an actor or of a person, not
    in a reporting frame, not an origin)."""
    located = _located(doc, p)
    if located is None:
        return False
    span, verb = located
    if _is_origin(span):
        return False
    if not _locative(span):
        return False  # a scene is set by "in/bei/an ..." ("in der Innenstadt von Kairo"), not by "Stätten des Landes"
    if span.root.head.ent_type_ == "PER" or span.root.head.dep_ == "appos":
        return False  # "John Kline, ein Repräsentant aus Minnesota"
    # "Schiffe haben einen Hafen in X verlassen": whoever left X is no longer there
    return verb.lemma_ not in DEPARTURE_LEMMAS and verb.text.lower() not in DEPARTURE_LEMMAS


# verbs whose object is a place left behind (not "fliehen nach X", whose place is the destination)
DEPARTURE_LEMMAS = {"verlassen", "räumen"}


def _object_place(span: Span, verb: Token) -> bool:
    """The place is what the clause's verb acts on: its object, or the genitive of its object ("den Osten
    Aleppos")."""
    root = span.root
    if root.dep_ == "obj" and root.head == verb:
        return True
    return root.dep_.startswith("nmod") and root.head.dep_ == "obj" and root.head.head == verb


def _scene(doc: Doc, trigger_token: Token) -> Place | None:
    """The scene of a material event that names no place: the last place set as a location earlier in the
    article (news reports keep the scene until they name another)."""
    if _historical(doc, trigger_token):
        return None  # "1988 schlug das Militär einen Aufstand nieder": the report's present scene is not its place
    sent = trigger_token.sent
    if _refers_back(trigger_token):
        prev = _previous_event_place(doc, sent)
        if prev is not None:
            return prev
    best = None
    for p in doc._.lb_places or []:
        if p.start < sent.start_char and _scene_place(doc, p):
            best = p
    return _as_place(best, 0.4) if best else None


HISTORICAL_DAYS = 365


def _historical(doc: Doc, trigger_token: Token) -> bool:
    """The trigger's clause names its own date and that date ended long before the article: history, told at
    the present scene but not happening there."""
    from lagebild.extract.dates import _own_date  # dates imports nothing from here; late import keeps it that way

    article = doc._.lb_article_date
    if article is None:
        return False
    own = _own_date(doc, trigger_token)
    if own is None or own.from_article_date or not own.value:
        return False
    try:
        end = dt.date.fromisoformat((own.end_value or own.value)[:10])
    except ValueError:
        return False
    if not own.end_value and own.precision == "year":
        end = dt.date(end.year, 12, 31)  # "1988": the whole year
    return (article - end).days > HISTORICAL_DAYS


# adverbs that tie a clause to the event of the sentence before: "Dabei wurden zwölf Menschen getötet", "Dort
# kam es zu Schüssen"; the event happens where that one did, even when it names its place as an object
# ("bombardierte die Provinz X") that does not set a scene by itself
BACK_REFERENCE = {"dabei", "hierbei", "dort", "ebendort", "daselbst", "dorthin"}


def _refers_back(trigger_token: Token) -> bool:
    ids = clause_ids(trigger_token.sent)
    own = ids.get(trigger_token.i)
    return any(t.lower_ in BACK_REFERENCE and ids.get(t.i) == own for t in trigger_token.sent)


def _after_place_noun(span: Span) -> bool:
    """The name follows a noun of place kind ("die Provinz Idlib", "die Stadt Homs"): named as a place whatever the
    parse makes of the phrase."""
    i = span.start - 1
    return i >= span.sent.start and span.doc[i].tag_ == "NN" and (
        span.doc[i].text in GENERIC_PLACE_NOUNS or span.doc[i].lemma_ in GENERIC_PLACE_NOUNS)


def _previous_event_place(doc: Doc, sent: Span) -> Place | None:
    """The place of the event in the sentence before `sent`: a place used as a location or the object (or the
    object's genitive) of that sentence's verb, not an actor and not in a reporting frame; None when the sentence
    before names no such place or several different ones."""
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    while prev.text.strip() == "" and prev.start > 0:
        prev = doc[prev.start - 1].sent  # skip a paragraph-break "sentence"
    found: dict[tuple, Place] = {}
    for p in doc._.lb_places or []:
        if not prev.start_char <= p.start < prev.end_char:
            continue
        located = _located(doc, p)
        if located is None:
            continue
        span, verb = located
        if _prep_word(span) in NON_LOCATIVE or _is_origin(span):
            continue
        if _scene_place(doc, p) or _object_place(span, verb) or _after_place_noun(span):
            found[(p.geonameid, p.name)] = p
    if len(found) != 1:
        return None
    return _as_place(next(iter(found.values())), 0.5)


def _inherited(doc: Doc, trigger_token: Token) -> Place | None:
    """A sentence that names no place continues the scene of the text before it: the last place used as a location
    (with its own preposition, not an actor) earlier in the same paragraph."""
    sent = trigger_token.sent
    text = doc._.lb_text
    cut = text.rfind("\n\n", 0, sent.start_char)
    para_start = cut + 2 if cut >= 0 else 0
    if INHERIT == "article":
        para_start = 0
    best = None
    for p in doc._.lb_places or []:
        if para_start <= p.start < sent.start_char:
            if _located(doc, p) is None:
                continue
            best = p
            if INHERIT == "article":
                break
    return _as_place(best, 0.4) if best else None
