"""Event coder: German PLOVER + CAMEO events from the dependency parse (component `lagebild_events`).

Data: `resources/events/lexicon.tsv` (triggers with PLOVER/CAMEO codes, required context and argument frames),
`resources/events/cues.tsv` (support verbs, modality cues, the CAMEO intent mapping) and
`resources/events/cameo.tsv` (Goldstein score and quad class per CAMEO code).

For every sentence the coder
1. finds triggers: verbs by lemma (with their separated particle via `compound:prt`, or a particle word later in the
   sentence) and, because the lemmatizer is imperfect, by surface forms generated from the lexicon lemmas
   ("eingenommen", "nahmen ... fest"); event nouns by lemma or surface form, also as the head of a compound
   ("Luftangriffe" → Angriff/Luftangriff, the longest entry wins);
2. picks the lexicon entry whose `requires` conditions hold on the trigger's dependents (the most specific wins);
3. fills actor and recipient from the entry's frame (subject, object, dative, prepositional phrases, passive agent,
   genitive, possessive, nationality adjective, and the subject of a support verb for nouns: "Kritik üben"),
   each slot expanded over its conjuncts and resolved with `actors_for_token`;
4. sets modality (negated, failed, future, hypothetical, historical, asserted), date, place, toll and the source of
   reported speech from the other extractors, and records a `Reason` for every trigger it does not code.

Confidence (documented in docs): 0.55 base, +0.15 when the actor comes from a parse slot, +0.05 when the lemma
(not only a generated surface form) matched, +0.05 for a recipient found where the frame has one; -0.2 when the
actor is the nearest actor mention because the parse gave no subject, -0.2 for a default actor (---UAF, protesters);
clipped to [0.05, 0.95].
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from lagebild.model import ActorRef, DateRef, Event, Reason, Trigger, article_id

LOG = logging.getLogger(__name__)
RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "events"

INSEPARABLE = ("be", "ge", "er", "ver", "zer", "ent", "emp", "miss", "über", "unter", "wider", "hinter")
# inflection endings of event nouns; not "-er"/"-ern": no event noun of the lexicon forms its plural so, and
# stripping it turns agent nouns into their act ("Kämpfer" -> Kampf, "Aufrührer" -> Aufruhr)
NOUN_ENDINGS = ("", "e", "n", "en", "s", "es", "nen")
PARTICIPLE_AUX = {"werden", "wurde", "wurden", "worden", "wird", "würde", "würden", "geworden"}
SUBJ_DEPS = ("nsubj", "nsubj:pass", "csubj")
PRONOUNS_REFL = {"sich", "mich", "dich", "uns", "euch"}
# a preposition and its contractions with the article ("vom" = von dem, "zur" = zu der)
PREP_FORMS = {"von": {"von", "vom"}, "zu": {"zu", "zum", "zur"}, "in": {"in", "im", "ins"}, "an": {"an", "am", "ans"},
              "bei": {"bei", "beim"}, "auf": {"auf", "aufs"}, "durch": {"durch", "durchs"}, "für": {"für", "fürs"},
              "über": {"über", "übers"}, "um": {"um", "ums"}, "unter": {"unter", "unterm"}, "hinter": {"hinter"}}
# lexicon entries for removal from service: actor and recipient belong to one institution
OWN_RANKS = {"entlassen/166", "suspendieren/166"}
# non-state domestic groups whose demands without an addressee are made of their own government
DOMESTIC_CLAIMANTS = {"OPP", "BUD", "REL", "MUS", "LAB", "EDU"}
STATE_SECTORS = {"GOV", "MIL", "COP"}
# PLOVER types by kind (verbal cooperation, verbal conflict, material conflict): a follow-up event without its own
# actor takes the preceding event's actor with more confidence when both are of one kind
EVENT_GROUP = {**dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"), "coop"),
               **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST"), "verbal"),
               **dict.fromkeys(("ASSAULT", "COERCE", "MOBILIZE", "SANCTION"), "material")}
PLACE_TARGET_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "THREATEN", "SANCTION"}
TOLL_TYPES = {"ASSAULT", "COERCE", "PROTEST"}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
# who does not use force, arrest or dismiss: not taken from the context as the actor of such an event (a human
# rights group reporting a massacre is not its perpetrator)
COERCIVE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
UNARMED_SECTORS = {"NGO", "HRI", "MED", "EDU", "HLH", "REF", "CVL"}
# courts, legislatures, parties, unions, firms, former officials and clergy report, judge or condemn violence; none is
# the unnamed agent of an attack (dev gold: ASSAULT actors are MIL, COP, GOV, OPP, REB or unidentified)
CIVIL_SECTORS = {"JUD", "LEG", "PTY", "LAB", "BUS", "ELI", "REL"}
CUE_VERB_KINDS = ("support", "support_recipient", "future", "demand", "negating_verb", "failed", "failed_if_negated",
                  "harm", "claim")
# prepositions of time and circumstance: an event noun under them is a separate event, not the content of the verb
# ("forderte die Junta bei der Kundgebung auf, ..."); not "nach", which also names what is asked for ("Forderung
# nach einem Waffenstillstand")
CIRCUMSTANCE_PREPS = {"vor", "seit", "während", "bei", "beim", "trotz"}
# prepositions of a clause's time or cause: a noun under them is never governed by a support verb
# ("bei" stays: "bei den Verhandlungen dabei", "beim Angriff beteiligt" are support constructions)
SETTING_PREPS = {"vor", "seit", "während", "trotz", "nach", "wegen", "infolge", "aufgrund", "angesichts", "anlässlich"}
NOMINAL_DEPS = ("obl", "nmod", "obj", "obl:arg", "iobj", "obl:agent", "nsubj", "nsubj:pass", "appos", "conj")


def _prep_forms(prep: str) -> set[str]:
    return PREP_FORMS.get(prep, {prep})


def _pp_head(c: Token, prep: str) -> bool:
    """Is `c` the head of a prepositional phrase with `prep`? By its `case` dependent or, where the parser attached
    the preposition elsewhere inside the phrase (to a title before a name: "mit dem Präsidenten Dmitri Medwedew"),
    by the phrase's first word: a German PP starts with its preposition."""
    forms = _prep_forms(prep)
    if any(g.dep_ == "case" and g.lower_ in forms for g in c.children):
        return True
    first = c.left_edge
    while first.is_punct and first.i < c.i:
        first = first.nbor()  # a comma the parser hung on the phrase ("er, Putin, mit seinem Amtskollegen ...")
    return first.i < c.i and first.lower_ in forms and first.pos_ == "ADP"


# --------------------------------------------------------------------------------------------------------------
# Resources
# --------------------------------------------------------------------------------------------------------------

@dataclass
class Entry:
    id: str
    lemma: str  # full lemma without "|" (einnehmen)
    particle: str  # separable particle ("ein") or ""
    base: str  # verb without particle ("nehmen"); for nouns the lower-case key
    noun: bool
    requires: list[tuple[str, str, tuple[str, ...]]]  # (kind, arg, words); kind: any, !any, p, !p, refl
    type: str
    mode: str | None
    context: list[str]
    cameo: str
    actor_slots: list[str]
    recipient_slots: list[str]
    default: str = ""

    @property
    def specificity(self) -> int:
        # a condition that names its words ("p:auf=Gespräch") is more specific than a bare one ("p:auf")
        return sum(1 + (1 if words else 0) for k, _, words in self.requires if not k.startswith("!"))


@dataclass
class Lexicon:
    verbs: dict[str, list[Entry]] = field(default_factory=dict)  # full lemma → entries
    nouns: dict[str, list[Entry]] = field(default_factory=dict)  # normalised key → entries
    forms: dict[str, set[tuple[str, bool]]] = field(default_factory=dict)  # surface → {(full lemma, separated)}
    particles: dict[str, set[str]] = field(default_factory=dict)  # base verb → particles in the lexicon
    participles: set[str] = field(default_factory=set)  # generated past participles (for passive detection)
    cues: dict[str, set[str]] = field(default_factory=dict)
    intent: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)
    cameo: dict[str, tuple[float | None, int]] = field(default_factory=dict)
    cue_forms: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # surface → {(particle, lemma)}
    sport_suffixes: tuple[str, ...] = ()  # sport cues long enough to mark a compound ("Teamstürmer")
    nosuffix: tuple[str, ...] = ()  # cues["nosuffix"] as a tuple, for str.startswith/endswith in the hot path
    # every ending of a lexicon verb ("nehmen" of "festnehmen"): a lemma that is none and no generated form can
    # realise no lexicon verb, whatever particle the parse gives it (a set lookup saves the child scan per token)
    verb_ends: set[str] = field(default_factory=set)
    noun_cache: dict[tuple[str, str], tuple[list[Entry], str]] = field(default_factory=dict)  # (lemma, text) → hit
    # nouns whose inflection never changes the stem vowel (-ung, -ion ...): folded key → spelling with its umlauts
    umlaut_exact: dict[str, str] = field(default_factory=dict)


@functools.lru_cache(maxsize=100_000)
def _fold(s: str) -> str:
    """Lower case without umlauts/accents, ß kept as ss: the key for noun matching."""
    s = s.lower().replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def _parse_requires(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    out = []
    for cond in filter(None, (c.strip() for c in text.split(","))):
        neg = cond.startswith("!")
        cond = cond.lstrip("!")
        if cond in ("refl", "cop", "state"):
            out.append(("!" + cond if neg else cond, "", ()))
            continue
        name, _, words = cond.partition("=")
        ws = tuple(_fold(w) for w in words.split("|") if w)
        if name in ("asec", "!asec"):
            out.append(("!asec" if neg else "asec", "", tuple(w.upper() for w in words.split("|") if w)))
        elif name == "any":
            out.append(("!any" if neg else "any", "", ws))
        elif name.startswith("p:"):
            preps = name[2:].split("|")
            for prep in preps if not ws else preps[:1]:
                out.append(("!p" if neg else "p", prep.lower(), ws))
        else:
            raise ValueError(f"unknown condition {cond!r}")
    return out


def _parse_frame(text: str) -> tuple[list[str], list[str]]:
    actor: list[str] = []
    recipient: list[str] = []
    for part in text.split():
        role, _, slots = part.partition("=")
        target = actor if role == "A" else recipient if role == "R" else None
        if target is None:
            raise ValueError(f"frame part {part!r}: expected A=... or R=...")
        target.extend(s for s in slots.split(",") if s)
    return actor, recipient


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _stem(verb: str) -> str:
    if verb.endswith(("eln", "ern")):
        return verb[:-1]
    return verb[:-2] if verb.endswith("en") else verb[:-1]


def verb_forms(base: str, strong: dict[str, tuple[str, str, str]]) -> tuple[set[str], set[str]]:
    """Finite forms (which stand without their particle) and non-finite forms (participle, infinitive) of `base`.
    Strong verbs take their stems from the `strong` table (longest matching verb at the end of `base`)."""
    prefix, key = "", None
    for k in sorted(strong, key=len, reverse=True):
        if base.endswith(k):
            prefix, key = base[: -len(k)], k
            break
    insep = base.startswith(INSEPARABLE) and base not in strong
    finite: set[str] = set()
    nonfinite: set[str] = {base}
    st = _stem(base)
    e = "e" if st.endswith(("t", "d")) or re.search(r"[^aeiouäöülr][mn]$", st) else ""
    finite |= {st + "e", st + e + "st", st + e + "t", base, st + "e" + "t" if e else st + "t"}
    if key:
        past, part, pres3 = strong[key]
        for p in (prefix + past,):
            finite |= {p, p + "st", p + "en", p + "t", p + "e", p + "et"}
        if pres3:
            finite |= {prefix + pres3, prefix + pres3.removesuffix("t") + "st"}
        # a prefixed strong verb (übernehmen, erschießen) has no ge- in its participle
        nonfinite.add(prefix + part[2:] if prefix and part.startswith("ge") else prefix + part)
        # past subjunctive is not generated: it is rare and ambiguous
    else:
        finite |= {st + e + "te", st + e + "ten", st + e + "test", st + e + "tet"}
        if base.endswith("ieren") or insep:
            nonfinite.add(st + "t")
        else:
            nonfinite.add("ge" + st + e + "t")
    return finite, nonfinite


def _participle_is_infinitive(base: str, strong: dict[str, tuple[str, str, str]]) -> bool:
    """A prefixed strong verb whose participle equals its infinitive (ent+lassen → entlassen)."""
    for k in sorted(strong, key=len, reverse=True):
        if base.endswith(k) and base != k:
            part = strong[k][1]
            return base[: -len(k)] + (part[2:] if part.startswith("ge") else part) == base
    return False


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = Lexicon()
    for row in _rows(RESOURCES / "cues.tsv"):
        kind, word, *rest = row
        if kind == "intent":
            typ, code, mode = (rest + ["", "", ""])[:3]
            lex.intent[word] = (typ, code, mode or None)
        else:
            lex.cues.setdefault(kind, set()).add(word.replace("|", "") if kind != "nosuffix" else _fold(word))
    lex.nosuffix = tuple(sorted(lex.cues.get("nosuffix", ())))
    lex.sport_suffixes = tuple(sorted(w for w in lex.cues.get("sport", ()) if len(w) >= 6))
    strong = {}
    for row in _rows(RESOURCES / "strong_verbs.tsv"):
        strong[row[0]] = (row[1], row[2], row[3] if len(row) > 3 else "")
    # surface forms of the cue verbs (support, future, demand ...): the lemmatizer misses many ("startete" →
    # "starteen"), and a missed support verb loses the actor of its noun
    for row in _rows(RESOURCES / "cues.tsv"):
        if row[0] not in CUE_VERB_KINDS or not row[1].endswith("n") or row[1] == "sein":
            continue
        particle, _, base = row[1].rpartition("|")
        finite, nonfinite = verb_forms(base, strong)
        for f in finite:
            lex.cue_forms.setdefault(f, set()).add((particle, particle + base))
        for f in nonfinite:
            lex.cue_forms.setdefault(particle + f, set()).add(("", particle + base))
            if particle:
                lex.cue_forms.setdefault(particle + "zu" + base, set()).add(("", particle + base))
    rows = _rows(RESOURCES / "lexicon.tsv")
    header = rows[0]
    if header[:3] != ["id", "lemma", "requires"]:
        raise ValueError("lexicon.tsv: unexpected header")
    for row in rows[1:]:
        row = row + [""] * (9 - len(row))
        eid, lemma, req, typ, mode, ctx, cameo, frame, default = row[:9]
        actor, recipient = _parse_frame(frame)
        noun = lemma[:1].isupper()
        variants = lemma.split("/")
        for variant in variants:
            particle, _, base = variant.rpartition("|")
            full = particle + base
            entry = Entry(id=eid, lemma=full if not noun else variants[0], particle=particle,
                          base=base if not noun else _fold(variant), noun=noun, requires=_parse_requires(req),
                          type=typ, mode=mode or None, context=[c for c in ctx.split(";") if c], cameo=cameo,
                          actor_slots=actor, recipient_slots=recipient, default=default)
            if noun:
                lex.nouns.setdefault(_fold(variant), []).append(entry)
                if _fold(variant).endswith(NO_UMLAUT_SUFFIXES):
                    lex.umlaut_exact[_fold(variant)] = _umlauts(variant)
                continue
            lex.verbs.setdefault(full, []).append(entry)
            if particle:
                lex.particles.setdefault(base, set()).add(particle)
            finite, nonfinite = verb_forms(base, strong)
            for f in finite:
                # a finite form of a particle verb stands alone ("nahmen ... fest"); without particle it is itself
                lex.forms.setdefault(f, set()).add((full, bool(particle)))
                if particle:
                    # in a verb-final clause the particle is joined to the finite verb ("als Kämpfer die Stadt
                    # einnahmen", "als Räuber einen Konvoi angriffen")
                    lex.forms.setdefault(particle + f, set()).add((full, False))
            lex.participles |= {(particle + n) for n in nonfinite if n != base}
            if _participle_is_infinitive(base, strong):
                lex.participles.add(particle + base)  # "entlassen", "verlassen": participle = infinitive
            for f in nonfinite | {n + e for n in nonfinite if n != base for e in ("e", "en", "er", "es", "em")}:
                if particle:
                    lex.forms.setdefault(particle + f, set()).add((full, False))
                    lex.forms.setdefault(particle + "zu" + base, set()).add((full, False))
                else:
                    lex.forms.setdefault(f, set()).add((full, False))
    for row in _rows(RESOURCES / "cameo.tsv")[1:]:
        code, _root, gold, quad = row[:4]
        lex.cameo[code] = (float(gold) if gold else None, int(quad))
    lex.verb_ends = {full[i:] for full in lex.verbs for i in range(len(full))}
    return lex


# --------------------------------------------------------------------------------------------------------------
# Trigger matching
# --------------------------------------------------------------------------------------------------------------

@dataclass
class Match:
    token: Token
    entries: list[Entry]
    lemma: str
    via: str  # lemma | form | compound
    particle: Token | None = None


def _particle_of(tok: Token, particles: set[str]) -> Token | None:
    for c in tok.children:
        if c.dep_ == "compound:prt" or c.tag_ == "PTKVZ":
            return c
    # parse fallback: the particle word later in the sentence, at a clause end (before punctuation, und/oder)
    sent_end = tok.sent.end
    for t in tok.doc[tok.i + 1: sent_end]:
        if t.lower_ in particles:
            nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            if nxt is None or nxt.is_punct or nxt.lower_ in ("und", "oder", "aber", "sowie"):
                if t.head == tok or t.dep_ in ("compound:prt", "mark", "advmod", "case", "dep") or t.head.i == t.i:
                    return t
    return None


# separable verb particles (a clause-final one changes the verb: "setzen ... fort" is fortsetzen)
SEPARABLE_PARTICLES = {"ab", "an", "auf", "aus", "ein", "fest", "fort", "los", "nach", "vor", "weg", "zurück", "zu",
                       "zusammen", "weiter", "hinzu", "heraus", "herbei", "nieder", "vorbei", "voran", "entgegen",
                       "bereit", "frei", "kund", "teil", "statt", "dar", "hin", "her", "mit", "bei", "um", "durch"}


def _verb_candidates(tok: Token, lex: Lexicon) -> tuple[list[str], str, Token | None]:
    """Full verb lemmas this token may realise, how they were found, and the separated particle."""
    lemma = tok.lemma_.lower().replace("|", "").replace("#", "")
    text = tok.lower_
    if lemma not in lex.verb_ends and text not in lex.forms:
        return [], "", None
    base_particles = lex.particles.get(lemma, set())
    prt = None
    if any(c.dep_ == "compound:prt" or c.tag_ == "PTKVZ" for c in tok.children) or base_particles:
        prt = _particle_of(tok, base_particles or {c.lower_ for c in tok.children if c.dep_ == "compound:prt"})
    if prt is None and (lemma in lex.verbs or text in lex.forms) and tok.pos_ == "VERB" and \
            ("Fin" in tok.morph.get("VerbForm") or tok.morph.get("Mood")):
        # a clause-final separable particle the parser did not label ("setzten die Offensive ... fort": "fort" as an
        # adverb) still makes another verb than the plain one
        other = _particle_of(tok, SEPARABLE_PARTICLES)
        if other is not None and other.head.i == tok.i and other.i > tok.i and other.pos_ != "ADP" and \
                not any(t.pos_ in ("VERB", "AUX") for t in tok.doc[tok.i + 1:other.i]):
            prt = other
    if prt is not None:
        full = prt.lower_ + lemma
        if full in lex.verbs:
            return [full], "lemma", prt
    elif lemma in lex.verbs:
        return [lemma], "lemma", None
    # surface forms generated from the lexicon
    found = []
    for full, separated in lex.forms.get(text, ()):
        if separated:
            entry = lex.verbs[full][0]
            p = _particle_of(tok, {entry.particle})
            if p is not None and p.lower_ == entry.particle:
                found.append((full, p))
        else:
            found.append((full, None))
    if prt is not None and (prt.dep_ == "compound:prt" or prt.lower_ in SEPARABLE_PARTICLES) and prt.i > tok.i and \
            not any(t.pos_ in ("VERB", "AUX") for t in tok.doc[tok.i + 1:prt.i]):
        # a separated particle the lexicon has no verb for: not the plain verb ("setzten die Offensive ... fort" is
        # fortsetzen, not setzen)
        found = [f for f in found if f[1] is not None or lex.verbs[f[0]][0].particle]
    if found:
        # prefer a particle verb whose particle is present over the plain verb
        found.sort(key=lambda f: f[1] is None)
        return [found[0][0]], "form", found[0][1]
    if prt is None and lemma in lex.verbs:
        return [lemma], "lemma", None
    return [], "", None


def _noun_key_candidates(word: str) -> list[str]:
    w = _fold(word)
    out = []
    for end in NOUN_ENDINGS:
        if end and not w.endswith(end):
            continue
        stem = w[: len(w) - len(end)] if end else w
        if len(stem) >= 3:
            out.extend((stem, stem + "e"))
    return out


NOUN_SLOT_DEPS = {"obj", "nsubj", "nsubj:pass", "obl", "obl:arg", "iobj", "nmod", "appos", "conj"}


@functools.lru_cache(maxsize=8192)
def _people_noun(word: str) -> bool:
    """A sector noun of the actor dictionary (people or an institution) as a whole word."""
    from lagebild.extract import actors
    hit = actors.load_lexicon().sectors.get(actors.norm(word))
    return hit is not None and hit[1] in ("sector", "role")


def _noun_entries(tok: Token, lex: Lexicon) -> tuple[list[Entry], str]:
    if not tok.text[:1].isupper() or tok.pos_ in ("PROPN", "AUX", "ADP", "DET", "PRON"):
        return [], ""
    if tok.pos_ == "VERB" and (tok.is_sent_start or tok.i == tok.sent.start or tok.dep_ not in NOUN_SLOT_DEPS):
        return [], ""  # German capitalises nouns: a capitalised "verb" inside a sentence in a noun slot is a noun
    if tok.ent_type_ in ("PER", "LOC", "ORG") and tok.pos_ != "NOUN":
        return [], ""
    if _people_noun(tok.text):
        return [], ""  # people, not an event: "Kritiker" (not "Kritik"), "Demonstranten"
    ck = (tok.lemma_, tok.text)
    hit = lex.noun_cache.get(ck)
    if hit is None:
        if len(lex.noun_cache) > 200_000:  # bounded for long ingest runs
            lex.noun_cache.clear()
        hit = lex.noun_cache[ck] = _noun_lookup(tok.lemma_, tok.text, lex)
    return hit


# derivational suffixes whose nouns keep their stem vowel in every form: an umlaut that the lexicon noun lacks makes
# another word ("Förderung" is funding, not "Forderung", a demand)
NO_UMLAUT_SUFFIXES = ("ung", "ion", "heit", "keit", "schaft")


@functools.lru_cache(maxsize=100_000)
def _umlauts(s: str) -> str:
    """Lower case, ß as ss, accents removed but umlauts kept: same length as `_fold(s)`."""
    s = s.lower().replace("ß", "ss")
    keep = {"ä", "ö", "ü"}
    return "".join(c if c in keep else "".join(x for x in unicodedata.normalize("NFD", c)
                                               if unicodedata.category(x) != "Mn") for c in s)


def _umlaut_ok(key: str, word: str, at: int, lex: Lexicon) -> bool:
    """Does `word` spell the lexicon noun `key` (found at position `at` of its fold) with the same umlauts?"""
    want = lex.umlaut_exact.get(key)
    if want is None:
        return True
    return _umlauts(word)[at:at + len(key)] == want


def _noun_lookup(lemma: str, text: str, lex: Lexicon) -> tuple[list[Entry], str]:
    keys = _noun_key_candidates(lemma) + _noun_key_candidates(text)
    for k in keys:
        if k in lex.nouns and _umlaut_ok(k, text, 0, lex):
            return lex.nouns[k], "lemma"
    folded = _fold(text)
    if lex.nosuffix and (folded.startswith(lex.nosuffix) or any(k.endswith(lex.nosuffix) for k in keys)):
        return [], ""
    # compound: the longest lexicon noun at the end of the word ("Luftangriffe", "Protestveranstaltung")
    best: tuple[int, list[Entry]] | None = None
    for k in keys:
        for i in range(3, len(k) - 3):
            sub = k[i:]
            if sub in lex.nouns and (best is None or len(sub) > best[0]) and _umlaut_ok(sub, text, i, lex):
                best = (len(sub), lex.nouns[sub])
                break
    if best:
        return best[1], "compound"
    return [], ""


def _near(tok: Token, window: int = 6) -> list[Token]:
    """The trigger's dependents (two levels) plus, as a fallback for parse errors, its sentence neighbours."""
    out = []
    for c in tok.children:
        out.append(c)
        out.extend(c.children)
    sent = tok.sent
    lo, hi = max(sent.start, tok.i - window), min(sent.end, tok.i + window + 1)
    out.extend(t for t in tok.doc[lo:hi] if t.i != tok.i)
    return out


def _word_match(t: Token, words: tuple[str, ...]) -> bool:
    keys = {_fold(t.lemma_), _fold(t.text)}
    if t.text[:1].isupper():
        keys.update(_noun_key_candidates(t.text))  # an inflected noun the lemmatizer left alone ("Gesprächen")
    return any(k == w or (len(k) > len(w) + 2 and k.endswith(w)) or k.startswith(w) and len(w) >= 5 and
               len(k) - len(w) <= 3 for k in keys for w in words)


def _prep_objects(tok: Token, prep: str) -> list[Token]:
    """Nouns governed by the preposition `prep` under `tok` (by the parse, else the noun after the preposition)."""
    forms = _prep_forms(prep)
    out = [c for c in tok.children if c.dep_ in NOMINAL_DEPS[:6] and _pp_head(c, prep)]
    if out:
        return out
    sent = tok.sent
    for t in tok.doc[max(sent.start, tok.i - 8): min(sent.end, tok.i + 9)]:
        if t.lower_ in forms and t.dep_ == "case" and t.head.i != tok.i and t.head.head.i == tok.i:
            out.append(t.head)
    if out:
        return out
    # PP attachment: the phrase hangs under another argument of the verb ("schlugen mit Knüppeln auf Demonstranten
    # ein"), or, for an event noun, directly follows it ("die Proteste gegen die Regierung")
    for c in tok.children:
        if c.dep_ in ("obl", "obj") and tok.pos_ in ("VERB", "AUX"):
            out += [g for g in c.children if g.dep_ in ("nmod", "obl") and g.i > c.i and _pp_head(g, prep)]
    if out or tok.pos_ in ("VERB", "AUX"):
        return out
    # an event noun's genitive right after it: the parser hangs the noun's PP on the genitive ("die Drohungen
    # Nordkoreas gegen Südkorea", "die Proteste der Opposition gegen die Regierung")
    gen = next((c for c in tok.children if c.dep_ in ("nmod", "appos", "flat", "flat:name") and c.i > tok.i and
                c.left_edge.i == tok.i + 1 and not any(g.dep_ == "case" for g in c.children)), None)
    if gen is not None:
        out = [g for g in gen.children if g.dep_ in ("nmod", "obl") and g.i > gen.i and _pp_head(g, prep)]
        after = tok.doc[gen.right_edge.i + 1] if gen.right_edge.i + 1 < sent.end else None
        if not out and after is not None and after.lower_ in forms and after.dep_ == "case" and \
                after.head.i > after.i:
            out = [after.head]
        if out:
            return out
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < sent.end else None
    if nxt is not None and nxt.lower_ in forms:
        head = nxt.head if nxt.dep_ == "case" and nxt.head.i > nxt.i else _next_noun(nxt)
        if head is not None and head.i != tok.i:
            out.append(head)
    return out


def _requires_ok(entry: Entry, tok: Token) -> bool:
    if not entry.requires:
        return True
    near = _near(tok)
    for kind, arg, words in entry.requires:
        if kind in ("asec", "!asec"):
            continue  # a condition on the actor: checked once the actor is known (`_actor_ok`)
        if kind in ("refl", "!refl"):
            has = any(t.lower_ in PRONOUNS_REFL for t in near)
            if has != (kind == "refl"):
                return False
        elif kind in ("cop", "!cop"):
            if _predicative(tok) != (kind == "cop"):
                return False
        elif kind in ("state", "!state"):
            if _stative(tok) != (kind == "state"):
                return False
        elif kind in ("any", "!any"):
            has = any(_word_match(t, words) for t in near)
            if has != (kind == "any"):
                return False
        elif kind in ("p", "!p"):
            objs = _prep_objects(tok, arg)
            if not objs:
                # fallback: the preposition in the trigger's neighbourhood, followed by a matching noun
                objs = [_next_noun(p) for p in near
                        if p.lower_ == arg and p.i + 1 < len(tok.doc)]
                objs = [o for o in objs if o is not None]
            # a container noun passes on its content: "auf eine neue Runde von Verhandlungen", "ein Format von
            # Gesprächen"
            objs = objs + [g for o in objs for g in o.children if g.dep_ == "nmod" and g.i > o.i and
                           (_pp_head(g, "von") or not any(x.dep_ == "case" for x in g.children))]
            # the parser made an adjective the head of the phrase ("auf erheblichen Widerstand"): its noun
            objs = objs + [g for o in objs if o.pos_ == "ADJ" for g in o.children
                           if g.pos_ in ("NOUN", "PROPN") and g.i > o.i and not any(x.dep_ == "case" for x in g.children)]
            has = bool(objs) and (not words or any(_word_match(o, words) for o in objs))
            if has != (kind == "p"):
                return False
    return True


def _actor_ok(entry: Entry, actors: list[ActorRef]) -> bool:
    """The entry's conditions on the actor's sector ("asec=MIL": troops landing are a deployment)."""
    for kind, _, sectors in entry.requires:
        if kind in ("asec", "!asec"):
            has = any((a.sector or "") in sectors for a in actors)
            if has != (kind == "asec"):
                return False
    return True


def _stative(tok: Token) -> bool:
    """A participle describing a state rather than reporting an act: attributive ("die im Land stationierten
    Truppen", "die verbündeten Milizen") or with "sein" and no "worden" ("die dort stationiert waren")."""
    if tok.pos_ not in ("VERB", "ADJ", "AUX") and tok.tag_ != "ADJA":
        return False
    if tok.tag_ == "ADJA" or (tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN")):
        return True
    is_part = tok.tag_ in ("VVPP", "ADJD") or "VerbForm=Part" in str(tok.morph)
    auxes = {c.lemma_.lower() for c in tok.children if c.dep_.startswith("aux") or c.dep_ == "cop"}
    return is_part and "sein" in auxes and not auxes & {"werden", "haben"} and \
        not any(c.lower_ == "worden" for c in tok.children)


def _predicative(tok: Token) -> bool:
    """A noun used as the predicate of a copula ("Das ist ein Massaker", "Es war ein Verbrechen"): an evaluation
    by the speaker, not a report of the event."""
    if any(c.dep_ == "cop" for c in tok.children):
        return True
    # the parser's other reading: "bleibt die Terrororganisation eine Bedrohung" with "bleiben" as a full verb
    h = tok.head
    return tok.dep_ in ("obj", "xcomp") and h.pos_ in ("VERB", "AUX") and h.lemma_.lower() in ("bleiben", "sein") \
        and any(c.dep_ == "nsubj" and c.i != tok.i for c in h.children)


def _next_noun(prep: Token) -> Token | None:
    for t in prep.doc[prep.i + 1: min(prep.sent.end, prep.i + 5)]:
        if t.pos_ in ("NOUN", "PROPN") or t.text[:1].isupper():
            return t
    return None


def _choose(entries: list[Entry], tok: Token) -> Entry | None:
    ok = [e for e in entries if _requires_ok(e, tok)]
    if not ok:
        return None
    return max(ok, key=lambda e: e.specificity)


def find_triggers(sent: Span, lex: Lexicon) -> list[tuple[Match, Entry | None]]:
    out = []
    used: set[int] = set()
    for tok in sent:
        if tok.is_punct or tok.is_space or tok.like_num or len(tok.text) < 3 or tok.i in used:
            continue
        first = tok.i == sent.start
        if tok.text[:1].islower() or (first and tok.pos_ in ("VERB", "AUX")):
            if tok.dep_ == "compound:prt":
                continue
            cands, via, prt = _verb_candidates(tok, lex)
            if cands:
                entries = lex.verbs[cands[0]]
                m = Match(tok, entries, cands[0], via, prt)
                if prt is not None:
                    used.add(prt.i)
                out.append((m, _choose(entries, tok)))
                continue
        if tok.text[:1].isupper():
            entries, via = _noun_entries(tok, lex)
            if entries:
                out.append((Match(tok, entries, entries[0].lemma, via), _choose(entries, tok)))
    return out


# --------------------------------------------------------------------------------------------------------------
# Arguments
# --------------------------------------------------------------------------------------------------------------

def _is_passive(tok: Token) -> bool:
    # an infinitive is never the passive participle, whatever the parser's labels say ("wird ... entsenden")
    if _infinitive(tok) and tok.lower_ not in _participles():
        return False
    # "haben" forms the active perfect ("hätten ... getötet"): never a passive, whatever the subject labels say
    if any(c.dep_.startswith("aux") and c.lemma_.lower() == "haben" for c in tok.children):
        return False
    # "sein" without "werden"/"worden" is the perfect of an intransitive verb ("sind gelandet") or a state, never
    # the werden-passive, whatever labels the parser gave ("sind" as aux:pass)
    auxes = {c.lemma_.lower() for c in tok.children if c.dep_.startswith("aux")}
    if "sein" in auxes and "werden" not in auxes and not any(c.lower_ == "worden" for c in tok.children):
        return False
    if any(c.dep_ == "aux:pass" for c in tok.children):
        return True
    if any(c.dep_ == "nsubj:pass" for c in tok.children):
        return True
    is_part = tok.tag_ == "VVPP" or "VerbForm=Part" in str(tok.morph) or tok.lower_ in _participles()
    return is_part and any(c.lower_ in PARTICIPLE_AUX and c.dep_.startswith("aux") for c in tok.children)


def _infinitive(tok: Token) -> bool:
    """An infinitive by tag, morphology or form (the tagger calls "wird ... einnehmen" finite at times)."""
    return tok.tag_ in ("VVINF", "VVIZU") or "VerbForm=Inf" in str(tok.morph) or (
        tok.lower_.endswith("n") and (tok.lower_ == tok.lemma_.lower() or tok.lower_ in lexicon().verbs))


def _participles() -> set[str]:
    return lexicon().participles


def _clause_head(tok: Token) -> Token:
    """The verb whose subject a coordinated or controlled verb shares ("lösten ... auf und nahmen ... fest")."""
    seen = 0
    t = tok
    while t.dep_ in ("conj", "xcomp") and t.head.i != t.i and seen < 4:
        t = t.head
        seen += 1
    return t


def _children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


# determiners and pronouns that cannot head a nominative phrase: such a phrase is never the subject
NON_NOMINATIVE = {"den", "dem", "des", "einen", "einem", "eines", "ihn", "ihm", "ihnen", "mich", "mir", "dich", "dir",
                  "uns", "euch", "sich", "diesen", "diesem", "dieses", "jenen", "jenem", "welchen", "welchem",
                  "meinen", "meinem", "deinen", "deinem", "seinen", "seinem", "ihren", "ihrem", "unseren", "unserem",
                  "unserer", "eueren", "eurem", "keinen", "keinem", "allen", "allem", "mehreren", "einigen", "vielen"}
# possessive determiners: a weak mention ("bei seinem Treffen"), never handed on as the actor of later events
POSSESSIVES = {p + e for p in ("sein", "ihr", "unser", "euer", "mein", "dein") for e in ("", "e", "en", "em", "er", "es")}
CORE_DEPS = ("nsubj", "nsubj:pass", "obj", "obl", "obl:arg", "iobj")  # obl:arg: a bare object the parser mislabels
CLAUSE_DEPS = ("ccomp", "advcl", "acl", "acl:relcl", "csubj", "parataxis")


def _form_word(t: Token) -> str:
    """The word that shows the case of the phrase headed by `t`: its determiner, else the pronoun itself."""
    if t.pos_ == "PRON":
        return t.lower_
    det = next((c for c in t.children if c.dep_ in ("det", "det:poss") and c.i < t.i), None)
    return det.lower_ if det is not None else ""


def _is_dated(t: Token) -> bool:
    return any(d.start is not None and d.end is not None and d.start <= t.idx < d.end
               for d in t.doc._.lb_dates or [])


def _core_candidates(tok: Token) -> list[Token]:
    """The nominal arguments of the verb `tok` without a preposition, in text order: its subject/object children
    and those the parser attached to its auxiliary or modal ("hat eine Gruppe ... Zivilisten erschossen"), plus an
    object mislabelled as a bare `obl`. Dates ("Vergangenen Dienstag") and reflexives are no arguments."""
    heads = [tok] + [c for c in tok.children if c.dep_.startswith("aux")]
    out = []
    for h in heads:
        for c in h.children:
            if c.dep_ not in CORE_DEPS or c.i == tok.i:
                continue
            if c.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X") and not c.text[:1].isupper():
                continue
            if c.lower_ in PRONOUNS_REFL or any(g.dep_ == "case" for g in c.children) or \
                    (c.left_edge.i < c.i and c.left_edge.pos_ == "ADP") or _is_dated(c):
                continue
            if c.dep_ in ("obl", "obl:arg", "iobj") and (c.pos_ == "PRON" and c.lower_ not in ("sie", "es")):
                continue
            out.append(c)
    return sorted(set(out), key=lambda t: t.i)


def _sein_perfect(tok: Token) -> bool:
    """A participle with "sein" and no "werden": the perfect of an intransitive verb ("sind ... gelandet"), whose
    only argument is its subject whatever label the parser gave it."""
    auxes = {c.lemma_.lower() for c in tok.children if c.dep_.startswith("aux")}
    return (tok.tag_ == "VVPP" or "Part" in tok.morph.get("VerbForm")) and "sein" in auxes and "werden" not in auxes


def _finite_number(tok: Token) -> str | None:
    for t in [*(c for c in tok.children if c.dep_.startswith("aux")), tok]:
        if "Fin" in t.morph.get("VerbForm") or t.tag_.endswith("FIN"):
            n = t.morph.get("Number")
            return n[0] if n else None
    return None


def _rank_subjects(cands: list[Token], tok: Token) -> list[Token]:
    """Order the candidates by how likely each is the subject of the active verb `tok`: a phrase whose determiner
    or pronoun is not nominative never is; one agreeing in number with the finite verb beats one that does not;
    then the parser's subject label; then text order (German puts the subject first far more often than not)."""
    number = _finite_number(tok)

    def key(c: Token) -> tuple:
        nominative = _form_word(c) not in NON_NOMINATIVE
        num = c.morph.get("Number")
        agrees = number is None or not num or num[0] == number or c.pos_ == "PROPN"
        return (nominative, agrees, c.dep_ == "nsubj", -c.i)

    return sorted(cands, key=key, reverse=True)


def _clausal_object(tok: Token, nominal: Token) -> bool:
    """The verb's object is a clause ("verlangen die Mönche, dass ..."): its one nominal argument that agrees in
    number with the finite verb is the subject."""
    if not any(c.i > tok.i and (c.dep_ in ("ccomp", "xcomp") or c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("dass", "ob") for m in c.children)) for c in tok.children):
        return False
    num, fin = nominal.morph.get("Number"), _finite_number(tok)
    # "die" is feminine singular or any plural: the tagger's number on it is a guess
    plural_die = fin == "Plur" and any(c.lower_ == "die" for c in nominal.children if c.dep_ == "det")
    return not num or num[0] == fin or plural_die


def _active_subject(tok: Token) -> list[Token]:
    cands = _core_candidates(tok)
    labelled = [c for c in cands if c.dep_ in ("nsubj", "nsubj:pass")]
    if not labelled and not any(c.dep_ == "nsubj" for c in tok.children):
        # the parser gave no subject: an object-labelled phrase is the subject only when it stands before another
        # core argument or when it is clearly nominative ("Mit Pistolen bewaffnet zog eine Menschenmenge ...")
        others = [c for c in cands if c.dep_ in ("obj",) and _form_word(c) not in NON_NOMINATIVE]
        if others and others[0] == cands[0] and _finite_number(tok) is not None and (
                len(cands) >= 2 or _sein_perfect(tok) or _clausal_object(tok, others[0])):
            return [others[0]]
        return []
    if not cands:
        return _one_subject(_children(tok, ("nsubj",)) or _children(tok, ("nsubj:pass",)))
    best = _rank_subjects(cands, tok)[0]
    if best.dep_ not in ("nsubj", "nsubj:pass") and _form_word(best) in NON_NOMINATIVE:
        return []
    # a relative pronoun keeps the parser's decision: its position says nothing about its role
    rel = [c for c in labelled if "Rel" in c.morph.get("PronType") or c.tag_ == "PRELS"]
    if rel:
        return rel[:1]
    return [best]


def _subject_tokens(tok: Token, passive: bool) -> list[Token]:
    if passive:
        return _passive_agents(tok)
    subj = _active_subject(tok)
    t = tok
    while not subj and t.dep_ in ("conj", "xcomp", "ccomp") and t.head.i != t.i:
        t = t.head
        if t.dep_ == "conj" or tok.dep_ == "conj" or tok.dep_ == "xcomp":
            subj = _one_subject(_children(t, ("nsubj",)))
        if tok.dep_ == "ccomp":
            break
    # a relative pronoun subject stands for the noun the relative clause modifies
    out = []
    for s in subj:
        if "Rel" in s.morph.get("PronType") or s.tag_ == "PRELS" or (
                s.lower_ in ("der", "die", "das", "welche", "welcher", "welches") and _in_relcl(tok)):
            rel = s.head
            while rel.dep_ not in ("acl:relcl", "acl") and rel.head.i != rel.i and rel.dep_ in ("conj", "xcomp", "aux"):
                rel = rel.head
            out.append(rel.head if rel.dep_ in ("acl:relcl", "acl") else s)
        else:
            out.append(s)
    return _attempt_owner(tok, out)


def _attempt_owner(tok: Token, subj: list[Token]) -> list[Token]:
    """An attempt noun ("Versuche de Misturas, die Parteien zu ... zu verpflichten", "seine Bemühungen, ... zu
    vermitteln") is no agent: the one who attempts is its genitive or possessor, and that one is the actor of the
    attempted act, whether the parser made the noun the infinitive's subject or hung the infinitive on the noun."""
    attempt = lexicon().cues.get("attempt", set())
    nouns = [s for s in subj if s.lemma_.lower() in attempt or s.lower_ in attempt]
    if not subj and tok.dep_ in ("acl", "xcomp", "nmod", "ccomp") and tok.head.pos_ == "NOUN" and \
            (tok.head.lemma_.lower() in attempt or tok.head.lower_ in attempt) and \
            any(c.lower_ == "zu" and c.dep_ == "mark" for c in tok.children):
        nouns = [tok.head]
    if not subj and not nouns and any(c.lower_ == "zu" and c.dep_ == "mark" for c in tok.children):
        # the parser made the attempt noun before the infinitive its object ("Die Bemühungen X, ... zu vermitteln")
        nouns = [c for c in tok.children if c.dep_ == "obj" and c.i < tok.i and c.pos_ == "NOUN" and
                 (c.lemma_.lower() in attempt or c.lower_ in attempt)][:1]
    if not nouns:
        return subj
    owners = _owner_tokens(nouns)
    owners += [c for n in nouns for c in n.children if c.dep_ == "nmod" and c.pos_ in ("NOUN", "PROPN") and
               c.text[:1].isupper() and c.i == n.i + 1 + sum(1 for g in c.children if g.i < c.i)]
    return [s for s in subj if s not in nouns] + owners if owners else subj


def _state_passive(tok: Token) -> bool:
    """A participle with "sein" or "bleiben" and no "werden"/"haben" (Zustandspassiv: "sind inhaftiert", "bleiben
    geschlossen"). Only asked for verbs whose frame has an object: their sein-participle describes the patient."""
    if not (tok.tag_ == "VVPP" or "Part" in tok.morph.get("VerbForm") or tok.lower_ in _participles()):
        return False
    auxes = {c.lemma_.lower() for c in tok.children if c.dep_.startswith("aux") or c.dep_ == "cop"}
    if auxes & {"werden", "haben"} or any(c.lower_ == "worden" for c in tok.children):
        return False
    if auxes & {"sein", "bleiben"}:
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("bleiben", "sein")


def _owner_tokens(toks: list[Token]) -> list[Token]:
    """The possessor of each noun: its possessive determiner or genitive."""
    out = []
    for t in toks:
        out += [c for c in t.children if c.dep_ == "det:poss" or (c.dep_ == "det" and "Poss=Yes" in str(c.morph))
                or c.tag_ == "PPOSAT"]
        out += _gen_tokens(t)
        # "den von Rebellen gehaltenen Stadtteil": the agent of a participle of holding or controlling
        for c in t.children:
            if c.dep_ in ("amod", "acl") and c.lower_.startswith(HOLDING_PARTICIPLES):
                out += [g for g in c.children if g.dep_ in ("obl", "obl:agent", "nmod")
                        and any(k.lower_ == "von" for k in g.children if k.dep_ == "case")]
    return out


# participles of holding a place: their "von" agent owns it ("von Rebellen gehaltene/kontrollierte Gebiete")
HOLDING_PARTICIPLES = ("gehalten", "kontrolliert", "besetzt", "beherrscht", "verteidigt")


def _harmed(tok: Token, lex: Lexicon) -> list[Token]:
    """The patients of the verb of harm whose durch/bei/von phrase is the attack noun `tok`."""
    h = tok.head
    if h.i == tok.i or tok.dep_ not in ("obl", "nmod", "obl:agent") or h.pos_ not in ("VERB", "AUX"):
        return []
    if not any(_pp_head(tok, p) for p in ("durch", "bei", "von", "nach")):
        return []
    harm = lex.cues.get("harm", set())
    dies = h.lemma_.lower() == "kommen" and any(c.lower_ == "leben" for c in h.subtree)
    if not (_lemmas(h) & harm or dies):
        return []
    if _is_passive(h):
        return _object_tokens(h, True)
    if dies or _lemmas(h) & {"sterben", "umkommen"}:
        return _subject_tokens(h, False)
    return _object_tokens(h, False)


def _governing_actor_tokens(tok: Token, triggers: dict[int, Entry]) -> list[Token]:
    """For a bare event noun: the subject (passive: the agent) of the verb it is an argument of, unless that verb is
    an event trigger itself or the noun is that verb's subject."""
    h = tok.head
    if h.i == tok.i or h.pos_ not in ("VERB", "AUX") or tok.dep_ not in ("obj", "obl", "obl:arg", "iobj",
                                                                       "nsubj:pass", "nsubj", "xcomp"):
        return []
    if h.i in triggers:
        return []
    passive = _is_passive(h)
    if tok.dep_ == "nsubj" and not passive:
        return []
    out = _subject_tokens(h, passive)
    return [t for t in out if t.i != tok.i and not (t.left_edge.i <= tok.i <= t.right_edge.i)]


def _passive_agents(tok: Token) -> list[Token]:
    """The von/durch agent of a passive verb; where the parser hung it under a time, place or manner adverbial of
    the verb ("wurden am Sonntag von der Polizei festgenommen": "von der Polizei" under "Sonntag"), it is taken from
    there: a time, a place or an adverb has no von-modifier of its own."""
    heads = [tok] + [c for c in tok.children if c.dep_.startswith("aux")]
    agents = [c for h in heads for c in h.children if c.dep_ == "obl:agent"]
    agents += [c for h in heads for c in h.children if c.dep_ in ("obl", "nmod") and
               (_pp_head(c, "von") or _pp_head(c, "durch"))]
    if agents:
        return agents
    for c in tok.children:
        # hosts that take no von/durch phrase of their own: a date, a prepositional phrase, an adverb ("offiziell")
        if c.dep_ == "obl" and (_is_dated(c) or any(g.dep_ == "case" for g in c.children)) or \
                c.dep_ == "advmod" and c.pos_ in ("ADV", "ADJ"):
            agents += [g for g in c.children if g.dep_ in ("nmod", "obl") and g.i > c.i and
                       (_pp_head(g, "von") or _pp_head(g, "durch"))]
    return agents


def _one_subject(subj: list[Token]) -> list[Token]:
    """A clause has one subject (coordination is expressed by `conj`): when the parse gives several, keep the one
    whose case is nominative, else the first; the others are objects mislabelled as subjects."""
    if len(subj) < 2:
        return subj

    def rank(s: Token) -> tuple[bool, bool, bool, bool]:
        nominal = s.pos_ in ("NOUN", "PROPN", "PRON") and s.lower_ not in PRONOUNS_REFL
        return nominal, not _is_dated(s), _form_word(s) not in NON_NOMINATIVE, "Nom" in s.morph.get("Case")

    return [max(subj, key=rank)]  # max keeps the first of equals


def _extra_subjects(tok: Token) -> list[Token]:
    subj = _children(tok, ("nsubj",))
    keep = _one_subject(subj)
    return [s for s in subj if s not in keep]


def _in_relcl(tok: Token) -> bool:
    t = tok
    while t.dep_ in ("conj", "xcomp", "aux") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "acl:relcl"


def _object_tokens(tok: Token, passive: bool) -> list[Token]:
    if passive:
        # the patient of a passive; an "obj" here is a mislabelled passive subject ("wurden vier Mönche festgenommen")
        agents = set(_subject_tokens(tok, True))
        out = [c for c in _children(tok, ("nsubj:pass", "nsubj", "obj")) if c not in agents]
        if not out and tok.dep_ == "xcomp" and _state_passive(tok):
            out = _children(tok.head, ("nsubj",))  # "bleiben ... inhaftiert": the subject of "bleiben"
        return out
    subj = set(_subject_tokens(tok, False))
    out = []
    for c in _core_candidates(tok):
        if c in subj or c.dep_ == "iobj" or _form_word(c) in ("dem", "einem", "ihm", "ihnen", "diesem", "mir", "dir"):
            continue
        if c.dep_ == "obl" and c.pos_ not in ("NOUN", "PROPN"):
            continue
        out.append(c)
    return out


def _gen_tokens(tok: Token) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ in ("nmod", "nmod:poss", "det:poss") and not any(g.dep_ == "case" for g in c.children) \
                and not (c.left_edge.i < c.i and c.left_edge.pos_ == "ADP"):
            # a genitive is a noun or name ("Treffen mit dem Präsidenten Dmitri Medwedew": the parser hung
            # "Dmitri", tagged as a conjunction, on the noun)
            # and not a dative/accusative by its case and article ("dem", "den", "einem", "einen")
            case = set(c.morph.get("Case"))
            dat_acc = case and not case & {"Gen"} and any(
                g.dep_ == "det" and g.lower_ in ("dem", "den", "einem", "einen", "diesem", "diesen")
                for g in c.children)
            if c.dep_ != "det:poss" and c.pos_ in ("NOUN", "PROPN") and not dat_acc:
                out.append(c)
        elif c.dep_ in ("appos", "flat", "flat:name") and c.i == tok.i + 1 and c.pos_ == "PROPN" and \
                c.text.endswith("s") and len(c.text) > 3 and not any(g.dep_ in ("det", "case") for g in c.children):
            # a bare name in -s right after the noun is its genitive, whatever label the parser gave it
            # ("die Drohungen Nordkoreas" parsed as an apposition)
            out.append(c)
    return out


def _support_verb(tok: Token, lex: Lexicon) -> tuple[Token | None, bool]:
    """For a noun trigger: the support verb governing it ("Gespräche führen") and whether its subject is the actor
    (True) or the recipient ("stößt auf Kritik")."""
    h = tok.head
    if h.i == tok.i or tok.dep_ not in ("obj", "obl", "nsubj:pass", "obl:arg", "iobj", "nsubj", "xcomp", "nmod"):
        return None, True
    if any(c.dep_ == "case" and c.lower_ in SETTING_PREPS for c in tok.children):
        return None, True  # "traf Putin nach dem Anschlag": a time or cause of the clause, not its support noun
    if h.tag_ == "PTKVZ" and h.head.i != h.i and h.head.pos_ in ("VERB", "AUX"):
        h = h.head  # the parser hung the noun on the separated particle ("setzten ihre Proteste fort")
    for cand in sorted(_lemmas(h), key=len, reverse=True):
        if cand in lex.cues.get("support", ()):
            return (h, True) if tok.dep_ != "nsubj" else (None, True)
        if cand in lex.cues.get("support_recipient", ()):
            return h, False
    return None, True


def _slot_tokens(tok: Token, slot: str, passive: bool, lex: Lexicon) -> list[Token]:
    if slot == "subj":
        return _subject_tokens(tok, passive)
    if slot == "obj":
        return _object_tokens(tok, passive)
    if slot == "dat" and tok.pos_ != "NOUN":
        # "obl:arg" without a preposition is the parser's label for a bare dative object ("stimmte der Resolution zu")
        out = _children(tok, ("iobj",)) + [c for c in _children(tok, ("obl:arg",))
                                           if not any(g.dep_ == "case" for g in c.children)]
        out += [c for c in _children(tok, ("obj", "obl", "nsubj")) if "Case=Dat" in str(c.morph)
                and not any(g.dep_ == "case" for g in c.children) and c not in _subject_tokens(tok, passive)]
        if passive:
            # "den Geistlichen wurde erlaubt": the only nominal argument besides the agent
            out += [c for c in _object_tokens(tok, True) if c not in out]
        elif not out:
            out = _extra_subjects(tok)
        if not out:
            # two bare objects ("hat Deutschland Demokratie-Defizite vorgeworfen"): the case-less names give the
            # parser no clue, but the dative comes first in German word order
            objs = sorted((c for c in _children(tok, ("obj",)) if not any(g.dep_ == "case" for g in c.children)),
                          key=lambda c: c.i)
            if len(objs) >= 2:
                out = objs[:1]
        return out
    if slot.startswith("p:"):
        return _prep_objects(tok, slot[2:])
    if slot == "von":
        return _prep_objects(tok, "von")
    if slot == "gen":
        return _gen_tokens(tok)
    if slot == "dat" and tok.pos_ == "NOUN":
        # "sie hatten ihm eine Petition geschickt": the dative of the support verb
        verb, is_actor = _support_verb(tok, lex)
        return _slot_tokens(verb, "dat", _is_passive(verb), lex) if verb is not None and is_actor else []
    if slot == "objgen":
        # "den Rücktritt des Kommandanten fordern": the one whose resignation is demanded
        return [g for o in _object_tokens(tok, passive) for g in _gen_tokens(o)]
    if slot == "oblsubj":
        # "dank der Unterstützung der Luftwaffe eroberten die Truppen ...": the adverbial noun's beneficiary is the
        # subject of its clause
        h = tok.head
        if tok.dep_ == "obl" and h.i != tok.i and h.pos_ in ("VERB", "AUX"):
            return _subject_tokens(h, _is_passive(h))
        return []
    if slot == "govsubj":
        # "X ist für den Tod von Y verantwortlich": the subject of the predicate governing the noun
        h = tok.head
        return _subject_tokens(h, _is_passive(h)) if h.i != tok.i else []
    if slot == "clause":
        # "fordern, dass die Regierung zurücktritt": the subject of the demanded clause is the one asked
        out = []
        for c in tok.children:
            if c.dep_ in ("ccomp", "advcl", "csubj") and any(m.dep_ == "mark" and m.lower_ == "dass" for m in c.children):
                out += _subject_tokens(c, _is_passive(c))
        return out
    if slot == "poss":
        return [c for c in tok.children if c.dep_ in ("det:poss",) or (c.dep_ == "det" and "Poss=Yes" in str(c.morph))]
    if slot == "amod":
        return _children(tok, ("amod",))
    if slot == "supp":
        verb, is_actor = _support_verb(tok, lex)
        if verb is not None and is_actor:
            return _subject_tokens(verb, _is_passive(verb))
        # "die von Russland und der Türkei vermittelte Einigung": the agent of a participle modifying the noun
        out = []
        for c in tok.children:
            if c.dep_ in ("amod", "acl") and (c.pos_ == "VERB" or c.tag_ in ("VVPP", "ADJA")):
                agents = _subject_tokens(c, True)
                if not agents and c.i < tok.i:
                    # the parser hung the participle's agent elsewhere in the noun phrase ("eine von Russland
                    # vermittelte Einigung": "von Russland" under the article); a German extended attribute has
                    # its von/durch agent between the article and the participle
                    agents = [t for t in tok.doc[tok.left_edge.i:c.i] if t.pos_ in ("NOUN", "PROPN") and
                              t.dep_ in ("obl", "nmod", "obl:agent") and (_pp_head(t, "von") or _pp_head(t, "durch"))]
                out += agents
        return out
    return []


def _claimer_tokens(tok: Token, lex: Lexicon) -> list[Token]:
    """The one a claim or blame governing an attack noun names (cues.tsv 'claim'): the subject of "bekannte sich zu
    dem Anschlag", "ist für den Anschlag verantwortlich", "wird für die Anschläge verantwortlich gemacht", the object
    of "macht die Hamas für den Anschlag verantwortlich"."""
    claim = lex.cues.get("claim", set())

    def is_claim(t: Token) -> bool:
        return bool(_lemmas(t) & claim) or t.lower_ in claim

    g = tok.head
    for _ in range(1):  # the governor itself: "bekannte sich zur Notwendigkeit solcher Angriffe" claims nothing
        if g.i == tok.i:
            break
        if is_claim(g) or any(c.dep_ in ("xcomp", "advmod", "obl") and c.pos_ == "ADJ" and is_claim(c)
                              for c in g.children):
            h = g
            for _ in range(2):  # an adjective without its own subject: the verb it depends on
                kids = [c for c in h.children if c.i != tok.i]
                passive = any(c.dep_ == "aux:pass" for c in kids)
                if h.pos_ == "VERB" and not passive and not is_claim(h):
                    objs = [c for c in kids if c.dep_ == "obj"]
                    if objs:
                        return objs[:1]  # "macht X verantwortlich"
                subj = [c for c in kids if c.dep_ in ("nsubj", "nsubj:pass")]
                if not subj and is_claim(h) and h.pos_ == "VERB":
                    # "bekannte sich die Hamas": the parser took the subject after the verb for an object
                    subj = [c for c in kids if c.dep_ == "obj" and c.lower_ not in PRONOUNS_REFL]
                if subj:
                    return subj[:1]
                if h.head.i == h.i:
                    break
                h = h.head
            return []
        if g.head.i == g.i:
            break
        g = g.head
    return []


def _poss_subject(tok: Token) -> list[Token]:
    """A possessive pronoun of an event noun ("während seines Besuchs") refers to the subject of its clause."""
    for g in _governors(tok, 4):
        if g.pos_ in ("VERB", "AUX") or g.dep_ == "ROOT":
            subj = _subject_tokens(g, _is_passive(g))
            if subj:
                return subj
    return []


def _expand(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        for x in (t, *t.conjuncts, *_attached_conjuncts(t)):
            if x not in out:
                out.append(x)
    return out


def _attached_conjuncts(t: Token) -> list[Token]:
    """Conjuncts the parser hung on the first one's genitive or place phrase ("seitens der Kirche im Land und des
    Botschafters": "Botschafters" as a conjunct of "Land"): a coordinated noun after "und"/"sowie" within a few
    tokens whose head lies between `t` and the conjunction and that agrees with `t` in case."""
    out: list[Token] = []
    doc, end = t.doc, min(t.i + 6, t.sent.end)
    for j in range(t.i + 1, end):
        w = doc[j]
        if w.is_punct or w.pos_ in ("VERB", "AUX"):
            break
        if w.dep_ != "cc" or w.lower_ not in ("und", "sowie"):
            continue
        d = w.head
        if d.i > j and d.pos_ in ("NOUN", "PROPN") and d.dep_ in ("conj", "nmod", "nmod:poss") and \
                t.i <= d.head.i < j and d.head.i != t.i and \
                set(d.morph.get("Case")) & set(t.morph.get("Case")):
            out += [d, *d.conjuncts]
        break
    return out


# nouns for opponents: their genitive or "von" phrase names whom the actors oppose ("Gegner des Präsidenten")
OPPONENT_ENDS = ("gegner", "gegnern", "kritiker", "kritikern", "widersacher", "widersachern")
OPPONENT_TYPES = {"PROTEST", "ACCUSE", "REJECT", "REQUEST", "THREATEN", "ASSAULT"}


def _opposed_tokens(doc: Doc, actors: list[ActorRef]) -> list[Token]:
    out: list[Token] = []
    for a in actors:
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        for t in span or []:
            if t.lower_.endswith(OPPONENT_ENDS) and t.pos_ in ("NOUN", "PROPN"):
                out += [c for c in t.children if c.dep_ in ("nmod", "nmod:poss")
                        and (not any(g.dep_ == "case" for g in c.children)
                             or any(g.lower_ in ("von", "vom") for g in c.children))]
    return out


def _resolve(doc: Doc, tokens: list[Token]) -> tuple[list[ActorRef], list[str]]:
    refs: list[ActorRef] = []
    reasons: list[str] = []
    for t in _expand(tokens):
        found = _call("actors", "actors_for_token", doc, t)
        if found:
            for r in found:
                if all((r.start, r.end, r.code) != (x.start, x.end, x.code) for x in refs):
                    refs.append(r)
        else:
            msg = _call("actors", "actor_reason", doc, t)
            if msg:
                reasons.append(msg)
    return refs, reasons


def _apart(refs: list[ActorRef], others: list[ActorRef]) -> list[ActorRef]:
    """`refs` without the mentions already in `others`: an actor is never also its own event's recipient."""
    return [r for r in refs if all(r.start != o.start for o in others)]


def _resolve_apart(doc: Doc, tokens: list[Token], others: list[ActorRef]) -> list[ActorRef]:
    """The actors that `tokens` name, apart from those in `others`."""
    if not tokens:
        return []
    refs, _ = _resolve(doc, tokens)
    return _apart(refs, others)


def _zu_complements(tok: Token) -> list[Token]:
    """The zu-infinitives completing the trigger or the adjective it stands with ("bereit, ... zu entsenden")."""
    heads = [tok, *[c for c in tok.children if c.dep_ in ("xcomp", "advmod", "obj", "obl")]]
    out = []
    for h in heads:
        for c in h.children:
            if c.dep_ in ("xcomp", "ccomp", "advcl", "acl") and c.pos_ == "VERB" and \
                    (c.tag_ == "VVIZU" or any(g.lower_ == "zu" and g.tag_ == "PTKZU" for g in c.children)):
                out.append(c)
    return out


def _place_actors(doc: Doc, tokens: list[Token], ptype: str, actors: list[ActorRef]) -> list[ActorRef]:
    """A recipient slot filled by a place: a visit to, aid sent to or a demand made of a country involves its
    government ("Besuch in Japan" → JPNGOV). The place may be the slot noun or inside its phrase. The target of
    force is not coded from a town or region ("Bombardierungen von Idlib" has no recipient actor); force aimed at
    another whole country ("Raketen auf Ziele in Israel") has that country, without a sector, as its target."""
    out: list[ActorRef] = []
    if ptype in PLACE_TARGET_TYPES and ptype != "ASSAULT":
        return out
    target = ptype == "ASSAULT"
    own = {a.country for a in actors}
    for t in _expand(tokens):
        lo, hi = t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)
        for p in doc._.lb_places or []:
            if lo <= p.start and p.end <= hi and p.country and p.country not in own:
                if target and not (p.feature or "").startswith("PCL"):
                    continue
                code = p.country if target else p.country + "GOV"
                if all(code != o.code for o in out):
                    out.append(ActorRef(text=p.text, start=p.start, end=p.end, code=code, country=p.country,
                                        sector=None if target else "GOV", kind="place",
                                        confidence=0.35 if target else 0.4))
                break
    return out


_ARTICLES = {"", "ein", "eine", "einen", "einem", "einer", "eines", "der", "die", "das", "den", "dem", "des"}


def _mentions_in(doc: Doc, tok: Token) -> list[ActorRef]:
    """Actor mentions inside the trigger word itself ("Nato-Luftangriffe", "US-Angriff")."""
    start, end = tok.idx, tok.idx + len(tok.text)
    # the mention of the trigger's own phrase may start at its article ("[Ein US-Luftangriff]"): only the word itself
    # can name the actor, so a mention ending with the word counts when nothing but the article precedes it
    return [a for a in (doc._.lb_actors or []) if a.end <= end and
            (start <= a.start or a.end == end and doc._.lb_text[a.start:start].strip().lower() in _ARTICLES)]


def _coordinated(doc: Doc, ref: ActorRef) -> list[ActorRef]:
    """`ref` with the actor mentions coordinated before it ("russische Truppen und syrische Milizen")."""
    out = [ref]
    mentions = sorted(doc._.lb_actors or [], key=lambda a: a.start)
    cur = ref
    for a in reversed(mentions):
        if a.end <= cur.start and doc._.lb_text[a.end:cur.start].strip() in ("und", ",", "sowie", "als auch"):
            out.insert(0, a)
            cur = a
        elif a.end <= cur.start:
            break
    return out


def _governing_subject(tok: Token) -> list[Token]:
    """The subject of the nearest governor of `tok` inside its clause. The walk stops at the boundary of a finite
    subordinate clause of the trigger (its own subject would be there) but passes infinitive clauses, whose subject
    is the governing clause's ("um ... zu sichern")."""
    child = tok
    for g in _governors(tok, 5):
        if child.dep_ in CLAUSE_DEPS and not _infinitive_clause(child):
            break
        subj = [c for c in g.children if c.dep_ == "nsubj" and c.i != child.i and c.lower_ not in PRONOUNS_REFL
                and not (c.left_edge.i <= tok.i <= c.right_edge.i)]
        if subj:
            return _one_subject(subj)
        child = g
    return []


def _infinitive_clause(t: Token) -> bool:
    if any(c.dep_ == "mark" and c.lower_ != "zu" or c.dep_ in ("nsubj", "nsubj:pass") for c in t.children):
        return False
    return t.tag_ in ("VVIZU", "VVINF") or any(c.lower_ == "zu" for c in t.children)


def _subject_like(doc: Doc, a: ActorRef) -> bool:
    """Is the actor mention a subject in the parse (possibly of another verb), not a genitive, object or PP?"""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    t = span.root
    while t.dep_ in ("conj", "appos", "flat", "flat:name", "compound") and t.head.i != t.i:
        t = t.head
    return t.dep_ in ("nsubj", "ROOT") and not any(g.dep_ == "case" for g in t.children)


def _could_be_subject(doc: Doc, a: ActorRef) -> bool:
    """Surface test for a mention that may be a subject whatever the parse says: not after a preposition ("über 400"
    counts as a number), not a genitive right after a noun, not led by a non-nominative determiner."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first = span[0]
    if first.lower_ in NON_NOMINATIVE:
        return False
    if first.i > first.sent.start:
        prev = doc[first.i - 1]
        if prev.pos_ == "ADP" and not (first.like_num and prev.lower_ in ("über", "rund", "etwa", "bis", "zu")):
            return False
        if prev.pos_ in ("NOUN", "PROPN") and first.pos_ == "DET":
            return False
    return True


def _nearest_left_actor(doc: Doc, tok: Token, exclude: list[ActorRef]) -> ActorRef | None:
    """The nearest actor mention before the trigger in its sentence that is a subject in the parse, else the nearest
    one that may be a subject by its form."""
    sent = tok.sent
    cands = [a for a in doc._.lb_actors or [] if sent.start_char <= a.start and a.end <= tok.idx
             and all(a.start != x.start for x in exclude) and not (a.kind == "pronoun" and not a.code)]
    for test in (_subject_like, _could_be_subject):
        ok = [a for a in cands if test(doc, a)]
        if ok:
            return max(ok, key=lambda a: a.start)
    return None


# --------------------------------------------------------------------------------------------------------------
# Modality
# --------------------------------------------------------------------------------------------------------------

def _lemma(t: Token) -> str:
    prt = next((c.lower_ for c in t.children if c.dep_ == "compound:prt"), "")
    return prt + t.lemma_.lower()


def _lemmas(t: Token) -> set[str]:
    """The lemma of a verb (with its separated particle) and the cue verbs its surface form may realise."""
    prt = next((c.lower_ for c in t.children if c.dep_ == "compound:prt"), "")
    out = {prt + t.lemma_.lower(), t.lemma_.lower()}
    for particle, full in lexicon().cue_forms.get(t.lower_, ()):
        if particle == prt:
            out.add(full)
    return out


# present forms of "werden": the future auxiliary ("wurden ... niedergeschlagen" is a past passive)
FUTURE_WERDEN = {"werde", "wirst", "wird", "werden", "werdet"}


def _governors(tok: Token, n: int = 3) -> list[Token]:
    out, t = [], tok
    while t.head.i != t.i and len(out) < n:
        t = t.head
        out.append(t)
    return out


PERFECT_INFINITIVE = {"haben", "sein", "worden"}


def _reported_past(tok: Token, kids: list[Token]) -> bool:
    """"soll ... getötet worden sein", "sollen ... gestürmt haben", "will es nicht gewusst haben": a modal with a
    perfect infinitive reports a past act (hearsay or a claim), it does not announce one."""
    auxes = [k for k in kids if k.dep_.startswith("aux")]
    return any(k.lemma_.lower() in ("sollen", "wollen") for k in auxes) and \
        any(k.lower_ in PERFECT_INFINITIVE for k in auxes)


def modality(doc: Doc, tok: Token, entry: Entry, lex: Lexicon) -> tuple[str, str | None]:
    """(modality, evidence) from the trigger's own dependents and its governors."""
    cues = lex.cues
    kids = list(tok.children)
    if tok.dep_ == "conj" and not any(c.dep_.startswith("aux") for c in kids) and not entry.noun:
        # coordinated verbs share their auxiliaries and modals ("sollen die Botschaft sichern und ... bringen")
        kids += [c for c in tok.head.children if c.dep_.startswith("aux") and c.i < tok.head.i]
    gov = _governors(tok)
    # dependents of the auxiliaries/modals and of the governing verb of a noun trigger
    scope = kids + [g for k in kids if k.dep_.startswith("aux") for g in k.children]
    if entry.noun and gov:
        scope += [c for c in gov[0].children if c.i != tok.i]
    for t in scope:
        if t.lower_ in cues.get("negation", ()) and t.dep_ in ("advmod", "det", "neg", "obj", "nsubj", "dep", "amod"):
            # "konnte keine Einigung erzielt werden", "gelang es nicht": tried and failed
            able = next((x for x in [*kids, *gov[:2], *(c for g in gov[:1] for c in g.children)]
                         if x.lemma_.lower() in cues.get("failed_if_negated", ())), None)
            if able is not None:
                return "failed", f"negation '{t.text}' with '{able.text}'"
            return "negated", f"negation '{t.text}'"
    if entry.noun and gov and _lemmas(gov[0]) & cues.get("negating_verb", set()):
        return "negated", f"'{gov[0].text}' denies it"
    failed = cues.get("failed", ())
    for t in [*scope, *gov[:2]]:
        if t.head.i == tok.i and t.dep_ in ("advcl", "ccomp", "acl", "acl:relcl", "parataxis") and \
                any(c.dep_ == "mark" for c in t.children):
            continue  # a subordinate clause's own failure ("..., nachdem eine Einigung gescheitert war")
        if t.lemma_.lower() in failed or t.lower_ in failed:
            if gov and t.i == gov[0].i and _pp_head(tok, "an"):
                continue  # "scheiterte am Widerstand Russlands": the cause of the failure, not what failed
            return "failed", f"'{t.text}'"
    # future: werden + infinitive, modal or planning verbs, announcements governing the trigger
    future = cues.get("future", set())
    is_inf = _infinitive(tok)
    if _reported_past(tok, kids):
        return "asserted", None
    for t in kids:
        # werden + infinitive is the future, whatever label the parser gave the auxiliary
        if t.dep_.startswith("aux") and t.lower_ in ("werde", "werden", "wirst", "wird", "werdet") and is_inf \
                and not _is_passive(tok):
            return "future", f"'{t.text}' + infinitive"
        if t.dep_.startswith("aux") and t.lemma_.lower() in future:
            return "future", f"'{t.text}'"
    for g in gov[:2]:
        gl = _lemmas(g)
        if entry.noun and tok.dep_ not in ("obj", "nsubj", "nsubj:pass", "xcomp", "obl:arg"):
            break
        if _reported_past(g, list(g.children)):
            break  # "Er soll den Anschlag geplant haben": a report of the past
        if gl & future or g.lower_ in future:
            return "future", f"'{g.text}'"
        second_subject = tok.dep_ == "nsubj" and g.i == tok.head.i and any(c.dep_ == "nsubj" and c.i < tok.i for c in g.children)
        if entry.noun and (tok.dep_ in ("obj", "obl:arg", "xcomp") or second_subject) and \
                not gl & lex.cues.get("support", set()) and not any(c.lower_ == "es" for c in g.children):
            # the object of a plain verb under a modal is not itself planned ("Die Plattform soll die Genfer
            # Gespräche ergänzen"); the object of a support verb is ("will Gespräche führen")
            break
        if entry.noun and tok.dep_ not in ("obj", "nsubj", "nsubj:pass", "xcomp", "obl:arg"):
            break
        if entry.noun and any(c.dep_.startswith("aux") and (c.lemma_.lower() in future or
                                                           (c.lemma_.lower() == "werden" and "VerbForm=Inf" in str(g.morph)
                                                            and c.dep_ != "aux:pass" and c.lower_ in FUTURE_WERDEN))
                              for c in g.children):
            return "future", f"'{g.text}' planned"
        if not entry.noun:
            break
    if entry.noun and tok.dep_ in ("nsubj", "nsubj:pass") and tok.head.lemma_.lower() in ("sein", "werden"):
        # "Das Treffen ist für den 24. September geplant": a planning participle of the noun's clause, wherever the
        # parser hung it
        for t in tok.doc[tok.head.i + 1: tok.sent.end]:
            if t.is_punct and t.text in (",", ";", ":"):
                break
            if t.pos_ == "VERB" and (t.tag_ == "VVPP" or "Part" in t.morph.get("VerbForm") or t.lower_ in future) \
                    and (t.lower_ in future or _lemmas(t) & future):
                return "future", f"'{t.text}'"
    hyp = cues.get("hypothetical", ())
    for t in scope:
        if t.lower_ in hyp and t.dep_ in ("mark", "aux", "advmod"):
            return "hypothetical", f"'{t.text}'"
    for k, g in enumerate(gov[:2]):
        if k == 1 and gov[0].dep_ == "conj":
            break  # a coordinated verb does not govern the other's object ("mahnt eine Lösung an und bringt die
            # Bombardierungen zur Sprache")
        if _lemmas(g) & cues.get("demand", set()) and tok.dep_ in ("xcomp", "ccomp", "obj", "advcl"):
            return "hypothetical", f"demanded by '{g.text}'"
        if any(c.dep_ == "mark" and c.lower_ in hyp for c in g.children) and entry.noun:
            return "hypothetical", f"condition in '{g.text}' clause"
    return "asserted", None


# --------------------------------------------------------------------------------------------------------------
# The component
# --------------------------------------------------------------------------------------------------------------

def _tool(module: str, name: str):
    """A contract function of another extractor, or None while that extractor is not installed."""
    try:
        mod = __import__(f"lagebild.extract.{module}", fromlist=[name])
    except ImportError:
        return None
    return getattr(mod, name, None)


def _trigger(m: Match) -> Trigger:
    t = m.token
    return Trigger(text=t.text, start=t.idx, end=t.idx + len(t.text), lemma=m.lemma)


def _cumulative_figure(doc: Doc, sent: Span, lex: Lexicon) -> str | None:
    for f in doc._.lb_figures or []:
        if f.cumulative and sent.start_char <= f.start < sent.end_char:
            return f"'{f.text}'" + (f" ({f.period})" if f.period else "")
    has_num = any(t.like_num for t in sent)
    cue = next((t for t in sent if t.lower_ in lex.cues.get("cumulative", ())), None)
    if has_num and cue is not None:
        return f"a number with '{cue.text}'"
    return None


def _apply_intent(entry: Entry, lex: Lexicon) -> tuple[str, str | None, str] | None:
    best = None
    for prefix, val in lex.intent.items():
        if entry.cameo.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, val)
    if best is None:
        return None
    typ, code, mode = best[1]
    return typ, mode, code


def code_sentence(doc: Doc, si: int, sent: Span, lex: Lexicon, aid: str,
                  sport_article: str | None = None) -> tuple[list[Event], list[Reason]]:
    """Code the events of one sentence. `sport_article`: a sport cue when the article is a sports report."""
    events: list[Event] = []
    reasons: list[Reason] = []
    found = find_triggers(sent, lex)
    trigger_tokens = {m.token.i: e for m, e in found if e is not None}
    for m, entry in found:
        tok = m.token
        trig = _trigger(m)
        if entry is None:
            continue  # the lemma matched but its required context did not: not this event (treffen eine Entscheidung)
        # an event noun that is the content of a demand, agreement, rejection or threat is part of that event (not
        # an attack that is the verb's subject: "ein Anschlag forderte acht Tote")
        gov = tok.head if tok.head.i != tok.i else None
        if entry.noun and gov is not None and gov.i not in trigger_tokens and tok.dep_ == "nmod" and \
                gov.pos_ == "NOUN" and gov.head.i in trigger_tokens and gov.dep_ in ("obj", "obl", "nmod"):
            gov = gov.head  # "setzt auf ein neues Format von Gesprächen": the content through a plain noun
        if entry.noun and gov is not None and gov.i in trigger_tokens and \
                not any(c.dep_ == "case" and c.lower_ in CIRCUMSTANCE_PREPS for c in tok.children) and \
                trigger_tokens[gov.i].type in ("REQUEST", "AGREE", "REJECT", "THREATEN", "SUPPORT") and \
                (not trigger_tokens[gov.i].noun and not (tok.dep_ == "nsubj" and entry.type == "ASSAULT") or
                 trigger_tokens[gov.i].noun and tok.dep_ in ("nmod", "nsubj")) and \
                trigger_tokens[gov.i].type != entry.type:
            reasons.append(Reason(si, f"'{tok.text}' is the content of '{gov.text}' ({trigger_tokens[gov.i].type})",
                                  trigger=trig, text=sent.text))
            continue
        if entry.noun and gov is not None and gov.i in trigger_tokens and not trigger_tokens[gov.i].noun and \
                trigger_tokens[gov.i].type == entry.type and _pp_head(tok, "mit"):
            # the manner of the same act ("protestierten mit einer Sitzblockade", "griffen mit Luftangriffen an")
            reasons.append(Reason(si, f"'{tok.text}' is the manner of '{gov.text}' ({entry.type})", trigger=trig,
                                  text=sent.text))
            continue
        if not entry.noun and tok.dep_ in ("xcomp", "ccomp", "obj") and gov is not None and \
                gov.i in trigger_tokens and not trigger_tokens[gov.i].noun and \
                trigger_tokens[gov.i].type in ("REQUEST", "AGREE", "REJECT", "THREATEN") and \
                trigger_tokens[gov.i].type != entry.type and \
                any(c.lower_ == "zu" and c.dep_ == "mark" for c in tok.children) and \
                not any(c.lower_ in ("um", "ohne", "statt", "anstatt") for c in tok.children if c.dep_ == "mark"):
            # the demanded, offered, refused or threatened act is the content of that event, not an event of its
            # own ("rief dazu auf, Frauen ... zu vergewaltigen", "erklärte sich bereit, Soldaten zu entsenden")
            reasons.append(Reason(si, f"'{tok.text}' is the content of '{gov.text}' ({trigger_tokens[gov.i].type})",
                                  trigger=trig, text=sent.text))
            continue
        if any(c.lower_ == "ohne" and c.dep_ in ("case", "mark") for c in tok.children):
            # "ohne die Zustimmung der Behörden", "Ohne eine Einigung ... werde", "ohne zu verhandeln": named as absent
            # (a condition or a manner), not reported as an act
            reasons.append(Reason(si, f"'{tok.text}' under 'ohne': named as absent, not an event", trigger=trig,
                                  text=sent.text))
            continue
        attack_subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i in trigger_tokens and
                            trigger_tokens[c.i].noun and trigger_tokens[c.i].type in ("ASSAULT", "COERCE")), None)
        if not entry.noun and entry.type in ("CONSULT", "AID", "SUPPORT", "COOPERATE", "REQUEST") and \
                attack_subj is not None:
            # an attack that "trifft" a hospital hits it, it does not meet it; one that "forderte 12 Menschenleben"
            # demanded nothing: the clause tells the attack's target or toll
            reasons.append(Reason(si, f"the subject '{attack_subj.text}' is an attack, not an actor of "
                                      f"'{tok.text}' ({entry.type})", trigger=trig, text=sent.text))
            continue
        if not entry.noun and tok.dep_ in ("amod", "acl") and trigger_tokens.get(tok.head.i) is not None and \
                trigger_tokens[tok.head.i].noun:
            reasons.append(Reason(si, f"'{tok.text}' modifies the event noun '{tok.head.text}'", trigger=trig,
                                  text=sent.text))
            continue
        passive = not entry.noun and _is_passive(tok)
        if not passive and not entry.noun and "obj" in entry.recipient_slots and _state_passive(tok):
            passive = True  # "Mehrere Demonstranten bleiben inhaftiert": the subject is the patient
        evidence = [f"trigger '{tok.text}' (lexicon entry {entry.id}, {m.via})"]
        conf = 0.55 + (0.05 if m.via == "lemma" else 0.0)
        slot_reasons: list[str] = []
        actors: list[ActorRef] = []
        failed_toks: list[Token] = []
        for slot in entry.actor_slots:
            if slot == "speaker":
                src = _call("quotes", "attribution_for_token", doc, tok, si=si)
                if src is not None and src.code:
                    actors = [src]
                    evidence.append("speaker of the evaluation → actor")
                    conf += 0.1
                    break
                continue
            toks = _slot_tokens(tok, slot, passive, lex)
            if not toks:
                continue
            refs, why = _resolve(doc, toks)
            if not refs and slot == "poss":
                refs, _ = _resolve(doc, _poss_subject(tok))
            if refs:
                actors = refs
                evidence.append(f"{'passive agent' if passive and slot == 'subj' else slot} → actor")
                conf += 0.15
                if slot != "p:mit" and entry.noun and "p:mit" in entry.actor_slots:
                    # a symmetric clash ("lieferten sich Gefechte mit Rebellen"): the "mit" partner fights too
                    mit, _ = _resolve(doc, _slot_tokens(tok, "p:mit", passive, lex))
                    mit = [r for r in mit if all(r.code != a.code for a in actors)]
                    if mit:
                        actors = actors + mit
                        evidence.append("p:mit → co-actor of the clash")
                if slot == "p:mit" and entry.noun and not entry.recipient_slots:
                    # a symmetric clash ("ein Schusswechsel mit der Polizei"): the "mit" partner fought the actor
                    # of the story so far, who is the other side
                    own = {a.code for a in actors}
                    other = [a for a in _context_actors(doc, si, events, actors, entry.type) if a.code not in own]
                    if other:
                        actors = other + actors
                        evidence.append(f"the other side of the clash: '{other[0].text}' of the preceding event")
                break
            slot_reasons.extend(why)
            failed_toks.extend(toks)
        if entry.type == "ASSAULT" and all(a.sector == "CVL" for a in actors):
            # unnamed attackers ("von Unbekannten angegriffen", "bewaffnete Männer schossen") are coded ---UAF,
            # whether the actor dictionary saw no actor or private persons in them
            unknown = lex.cues.get("unknown_attacker", set())
            cands = failed_toks + [t for a in actors for t in doc.char_span(a.start, a.end, alignment_mode="expand")
                                   or []]
            hit = next((t for t in _expand(cands) if t.lemma_.lower() in unknown or t.lower_ in unknown), None)
            if hit is not None:
                lo, hi = hit.left_edge.idx, hit.idx + len(hit.text)
                actors = [ActorRef(text=doc._.lb_text[lo:hi], start=lo, end=hi, code="---UAF", kind="default",
                                   confidence=0.4)]
                evidence.append(f"unnamed attacker '{hit.text}' → ---UAF")
        if not actors and not entry.noun and not passive and "subj" in entry.actor_slots:
            # the parse gave several subjects and the preferred one is no actor: try the others
            rec_toks = {t.i for slot in entry.recipient_slots for t in _slot_tokens(tok, slot, passive, lex)}
            others = [c for c in _children(tok, ("nsubj", "nsubj:pass")) if c.i not in rec_toks
                      and c not in _subject_tokens(tok, False)]
            refs, _ = _resolve(doc, others) if others else ([], [])
            if refs:
                actors = refs
                evidence.append("second subject of the parse → actor")
                conf += 0.05
        if not actors and entry.noun and "amod" in entry.actor_slots:
            inside = _mentions_in(doc, tok)
            if inside:
                actors = inside
                evidence.append("actor named in the compound")
                conf += 0.1
        recipients: list[ActorRef] = []
        for slot in entry.recipient_slots:
            if slot == "culprit":
                refs = _culprits(doc, si, events, actors, hostile=entry.type == "ASSAULT")
                if refs:
                    recipients = refs
                    evidence.append("perpetrator of the preceding use of force → recipient")
                    break
                continue
            toks = [t for t in _slot_tokens(tok, slot, passive, lex)]
            if not toks:
                continue
            refs = _resolve_apart(doc, toks, actors)
            via = slot
            if not refs:
                refs = _place_actors(doc, toks, entry.type, actors)
                via = f"{slot} (a place: its government)"
            if not refs:
                # a thing stands for its owner: "Ihre Stellung wurde beschossen", "das Gebäude der Botschaft"
                owners = _owner_tokens(toks)
                refs = _resolve_apart(doc, owners, actors)
                via = f"{slot} (its owner)"
            if refs:
                recipients = refs
                evidence.append(f"{via} → recipient")
                conf += 0.05
                break
        if not recipients and entry.type in OPPONENT_TYPES and actors:
            # "Kundgebung von Gegnern des Präsidenten": the one opposed is the recipient
            recipients = _resolve_apart(doc, _opposed_tokens(doc, actors), actors)
            if recipients:
                evidence.append("the one the actors oppose → recipient")
        if not recipients and entry.type == "AGREE":
            # an offer to act somewhere involves that place's government ("Frankreich erklärte sich bereit,
            # Soldaten in den Libanon zu entsenden" → LBNGOV): the destination of the zu-infinitive
            for inf in _zu_complements(tok):
                dest = [t for prep in ("in", "nach") for t in _prep_objects(inf, prep)]
                refs = _place_actors(doc, dest, entry.type, actors) if dest else []
                if refs:
                    recipients = refs
                    evidence.append(f"destination of '{inf.text}' (a place: its government) → recipient")
                    break
        if not recipients and entry.type == "REQUEST" and actors and \
                all(a.country and a.sector in DOMESTIC_CLAIMANTS for a in actors) and \
                len({a.country for a in actors}) == 1:
            # demands of a country's protesters, clergy or unions with no addressee are made of its government
            c = actors[0].country
            recipients = [ActorRef(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text), code=f"{c}GOV",
                                   country=c, sector="GOV", kind="default", confidence=0.3)]
            evidence.append(f"demand of a domestic group without addressee → the government of {c}")
        # a noun whose support verb's subject is its recipient ("Sein Stil stößt auf Kritik seitens der Kirche")
        if entry.noun and not recipients:
            verb, is_actor = _support_verb(tok, lex)
            if verb is not None and not is_actor:
                subj = _subject_tokens(verb, _is_passive(verb))
                refs, _ = _resolve(doc, subj)
                if not refs:
                    refs, _ = _resolve(doc, _owner_tokens(subj))  # "Sein Führungsstil stößt auf Kritik"
                recipients = _apart(refs, actors)
        # an attack noun in the cause phrase of a verb of harm: the harmed are its recipients ("Fünf Polizisten wurden
        # durch Steinwürfe verletzt", "Bei dem Anschlag kamen drei Soldaten ums Leben")
        if entry.noun and not recipients and entry.type == "ASSAULT":
            victims = _harmed(tok, lex)
            refs = _resolve_apart(doc, victims, actors)
            if refs:
                recipients = refs
                evidence.append(f"harmed by it ('{tok.head.text}') → recipient")
        # an attributive participle by tag, position and form (the tagger calls finite verbs ADJA at times:
        # "zündeten Gebäude an")
        attributive = not entry.noun and tok.tag_ == "ADJA" and tok.head.i > tok.i and \
            any(tok.lower_.endswith(e) and tok.lower_[:-len(e)] in lex.participles for e in ("e", "en", "er", "es", "em"))
        if not actors and attributive and "obj" not in entry.recipient_slots and "subj" in entry.actor_slots:
            # an attributive participle of a verb without object describes what its noun did ("des
            # zurückgetretenen Premierministers"): the noun is the actor
            refs = _resolve_apart(doc, [tok.head], recipients)
            if refs:
                actors = refs
                evidence.append(f"attributive participle: its noun '{tok.head.text}' → actor")
        if not actors and not entry.noun and not slot_reasons and not attributive:
            # the parse gave no subject: the subject of the clause the parser hung the trigger in ("... und schlugen
            # auf sie ein" under the object of the first verb), else the nearest subject-like actor to the left;
            # not for an attributive word, whose agent is no subject of the clause ("Aktivisten berichteten von
            # getöteten Zivilisten", "weil dieser nicht alle geforderten Dokumente ausgehändigt habe")
            gsubj = _governing_subject(tok) if not passive else []
            refs = _resolve_apart(doc, gsubj, recipients)
            if refs:
                actors = refs
                evidence.append(f"no subject in the parse: subject '{gsubj[0].text}' of the governing clause")
                conf -= 0.05
            else:
                near = _nearest_left_actor(doc, tok, recipients)
                if near is not None and not passive:
                    actors = _coordinated(doc, near)
                    evidence.append("no subject in the parse: nearest subject-like actor to the left")
                    conf -= 0.2
        if not actors and entry.noun and not slot_reasons:
            # a bare event noun as the argument of a plain verb: that verb's subject (or passive agent) acts ("Die
            # Armee hatte mit dem Beschuss begonnen", "Das Kabinett stimmte dem Einberufungsbefehl zu"); not when
            # the verb is itself an event (the subject of "verurteilten die Gewalt" is not the violent one)
            # the subject of a verb of harm is a victim of the attack noun ("Nach einem Angriff starben zwei
            # Soldaten"), never its actor
            owner = _governing_actor_tokens(tok, trigger_tokens) if not _harmed(tok, lex) else []
            refs = _resolve_apart(doc, owner, recipients)
            if refs:
                actors = refs
                evidence.append(f"subject of the governing verb '{tok.head.text}' → actor")
                conf -= 0.05
        if not actors and entry.noun and entry.type == "ASSAULT":
            # a claim or attribution of responsibility names the perpetrator ("Zu den Anschlägen bekannte sich
            # die Gruppe X", "X wird für die Anschläge verantwortlich gemacht")
            claimer = _claimer_tokens(tok, lex)
            refs = _resolve_apart(doc, claimer, recipients)
            if refs:
                actors = refs
                evidence.append(f"claims or is held responsible ('{claimer[0].head.text}') → actor")
        if not actors and entry.noun and entry.type not in PLACE_TARGET_TYPES:
            # "Zusagen gibt es auch aus Italien", "Kritik aus Moskau": the country a statement comes from
            src = _prep_objects(tok, "aus")
            if not src and tok.dep_ in ("nsubj", "obj") and tok.head.pos_ in ("VERB", "AUX"):
                src = _prep_objects(tok.head, "aus")  # "Zusagen gibt es aus Italien": hung on the verb
            refs, _ = _resolve(doc, src) if src else ([], [])
            if not refs and src:
                refs = _place_actors(doc, src, entry.type, [])
            refs = _apart(refs, recipients)
            if refs:
                actors = refs
                evidence.append("'aus' phrase (where it comes from) → actor")
        if actors and entry.type in ("ASSAULT", "COERCE") and all(a.sector == "CVL" for a in actors) and \
                {a.code for a in actors} == {r.code for r in recipients}:
            # civilians using force on civilians is a misread argument ("tote Zivilisten – vorsätzlich umgebracht"):
            # the victims are not their own attackers; look for the actor in the story instead
            evidence.append(f"'{actors[0].text}' are the victims, not the actor")
            actors, slot_reasons = [], []
        no_slot = not slot_reasons  # the parse gave no argument at all (passive without agent, bare noun)
        if not actors and no_slot and entry.type in ("ASSAULT", "COERCE") and recipients and \
                all(r.sector == "OPP" and r.country for r in recipients) and \
                len({r.country for r in recipients}) == 1:
            # protesters beaten, dispersed or arrested by an unnamed agent: the police of their country
            # ("Die Proteste wurden gewaltsam niedergeschlagen", "Dutzende Demonstranten wurden festgenommen")
            c = recipients[0].country
            actors = [ActorRef(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text), code=f"{c}COP",
                               country=c, sector="COP", kind="default", confidence=0.3)]
            evidence.append(f"no agent named for force against protesters: the police of {c}")
            conf -= 0.2
        if entry.id in OWN_RANKS and (bool(actors) != bool(recipients)):
            # a dismissal from service happens inside one institution: when only one side is named, the other
            # is the same ("Drei Offiziere wurden aus dem Dienst entlassen" → the military dismissed its own)
            if actors:
                recipients = [dataclasses.replace(a, kind="default", confidence=min(a.confidence, 0.35))
                              for a in actors]
                evidence.append("dismissal from the actor's own ranks → recipient")
            else:
                actors = [dataclasses.replace(r, kind="default", confidence=min(r.confidence, 0.35))
                          for r in recipients]
                evidence.append("dismissal without agent: by the recipient's own institution → actor")
            conf -= 0.15
        # a threatening verb needs its threatener in the clause ("Dafür droht ihm lebenslange Haft", "Es drohe eine
        # Erderwärmung" threaten no one): no actor from the story for it (a noun "Drohungen" may take one)
        # an attributive participle ("die ermordeten Frauen", "die geforderte Rechtssicherheit") describes its noun;
        # its agent is not the story's last actor
        # a document noun without an actor of its own ("Das Abkommen könne ein Wendepunkt sein") names the text, not
        # an act of the story's last actor
        if not actors and no_slot and not entry.default.endswith("!") and \
                not (entry.noun and entry.lemma in lex.cues.get("document", ())) and \
                not (entry.type == "THREATEN" and not entry.noun) and \
                not (not entry.noun and tok.tag_ == "ADJA") and not _cumulative_figure(doc, sent, lex):
            src: list[Event] = []
            ctx = _context_actors(doc, si, events, recipients, entry.type, found=src)
            if not ctx and entry.type != "PROTEST" and recipients:
                # the article's protagonist only acts on someone the clause names ("wurde ... angeklagt", "Angriffe
                # auf die Zivilbevölkerung"); a bare noun or passive far from any event ("Welche Bedenken", "ihre
                # Häuser wurden zerstört", "Mit Kritik hält sich Gall zurück") is mostly no act of it: on unseen
                # articles 8 of 11 protagonist fallbacks were wrong, all of those without a recipient
                ctx = _topic_actors(doc, tok, recipients, entry.type)
            if src and ctx and src[0].sentence_index == si and \
                    EVENT_GROUP.get(src[0].plover_type) != EVENT_GROUP.get(entry.type):
                # an event of another kind in the same sentence is mostly its frame, not its agent ("forderte May
                # Corbyn auf, über einen Rücktritt nachzudenken", "vermutet die Zeitung ... deren Unterstützung"):
                # dev 2 of 6 such events real, no actor right; unseen 5 of 5 wrong
                ctx = []
            if entry.type == "ASSAULT":
                # a state does not attack its own forces: an attack on US soldiers by an unnamed agent is not by the
                # US government of the story (in a civil war the rebels of the country still are)
                state = {r.code[:3] for r in recipients if r.code[3:6] in STATE_SECTORS and r.code[:3] != "---"}
                own = [a for a in ctx if a.code[:3] in state and a.code[3:6] in STATE_SECTORS]
                if own and len(own) == len(ctx):
                    # the force happened all the same: its agent is unknown
                    ctx = [ActorRef(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text), code="---UAF",
                                    kind="default", confidence=0.3)]
                else:
                    ctx = [a for a in ctx if a not in own]
            if ctx:
                actors = ctx
                if src:
                    back = si - src[0].sentence_index
                    evidence.append(f"no actor in the clause: actor of the preceding {src[0].plover_type} event "
                                    f"('{ctx[0].text}', {back} sentence{'s' if back != 1 else ''} back)")
                    if EVENT_GROUP.get(src[0].plover_type) != EVENT_GROUP.get(entry.type):
                        # a reaction of another kind (an accusation after an attack, aid after a threat) is more often
                        # by someone else: on dev only 4 of 28 such actors were right
                        conf -= 0.1
                        evidence.append("the preceding event is of another kind: weak actor")
                else:
                    evidence.append(f"no actor in the clause: the article's main actor so far ('{ctx[0].text}')")
                conf -= 0.25
        if not actors and entry.default:
            cumulative = _cumulative_figure(doc, sent, lex)
            if cumulative and entry.type == "ASSAULT":
                reasons.append(Reason(si, f"running total {cumulative}, not an event", trigger=trig, text=sent.text))
                continue
            place = _call("places", "event_location", doc, tok, entry.type, si=si)
            if entry.default.rstrip("!") == "UAF":
                actors = [ActorRef(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text), code="---UAF",
                                   kind="default", confidence=0.3)]
                evidence.append("no actor named: unidentified attacker (---UAF)")
            elif entry.default.rstrip("!") in _DEFAULT_SECTORS:
                sector = entry.default.rstrip("!")
                country = place.country if place is not None else _dominant_country(doc)
                if country:
                    actors = [ActorRef(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text),
                                       code=f"{country}{sector}", country=country, sector=sector, kind="default",
                                       confidence=0.3)]
                    evidence.append("no actor named: " + _DEFAULT_SECTORS[sector].format(country=country))
            if actors:
                conf -= 0.2
        if not actors:
            cumulative = _cumulative_figure(doc, sent, lex)
            if cumulative and entry.type in ("ASSAULT", "COERCE"):
                msg = f"running total {cumulative}, not an event"
            elif slot_reasons:
                msg = slot_reasons[0]
            else:
                msg = f"no actor found for '{tok.text}' ({entry.type})"
            reasons.append(Reason(si, msg, trigger=trig, text=sent.text))
            continue
        if not _actor_ok(entry, actors):
            reasons.append(Reason(si, f"'{tok.text}' ({entry.type}) needs an actor of sector "
                                      f"{'/'.join(w for k, _, ws in entry.requires if k.endswith('asec') for w in ws)}",
                                  trigger=trig, text=sent.text))
            continue
        # modality and the intent mapping for announced events
        mod, mod_ev = modality(doc, tok, entry, lex)
        ptype, pmode, cameo = entry.type, entry.mode, entry.cameo
        if mod == "asserted" and cameo.startswith("03"):
            # CAMEO 03x "express intent to ...": a promise or offer is about an act still to come
            mod, mod_ev = "future", f"a promise or offer (CAMEO {cameo})"
        if mod_ev:
            evidence.append(f"modality {mod}: {mod_ev}")
        if mod == "future":
            mapped = _apply_intent(entry, lex)
            if mapped:
                ptype, pmode, cameo = mapped
                evidence.append(f"announced: coded as {ptype} {cameo}")
        date = _call("dates", "event_date", doc, tok, ptype, si=si)
        if date is not None and date.from_article_date and mod in ("future", "hypothetical"):
            date = None  # an unscheduled plan has no date
        article_date = doc._.lb_article_date
        ongoing = date is not None and (date.text or "").lower().startswith(("seit", "bis heute"))
        if mod == "asserted" and date is not None and date.value and not date.from_article_date and article_date \
                and not ongoing:  # "die seit Juni andauernden Unruhen" still go on
            try:
                if (article_date - _period_end(date)).days > 31:
                    mod = "historical"
                    evidence.append(f"modality historical: dated {date.value}")
            except ValueError:
                pass
        place = _call("places", "event_location", doc, tok, ptype, si=si)
        # only force and violent protest kill or injure; asking the figures extractor for others costs time
        toll = (_call("figures", "event_toll", doc, tok, si=si) if ptype in TOLL_TYPES else None) or (None, None)
        source = _call("quotes", "attribution_for_token", doc, tok, si=si)
        gold_q = lex.cameo.get(cameo, (None, None))
        events.append(Event(
            id=f"{aid}:{si}:{tok.idx}", sentence=sent.text, sentence_index=si, trigger=trig, plover_type=ptype,
            plover_mode=pmode, plover_context=list(entry.context), cameo_code=cameo, goldstein=gold_q[0],
            quad_class=gold_q[1], actor=actors, recipient=recipients, location=place, date=date, modality=mod,
            attributed_to=source, dead=toll[0], injured=toll[1], confidence=round(min(0.95, max(0.05, conf)), 2),
            evidence=evidence, entry=entry.id))
    _sector_conventions(events)
    sport = (_sport_cue(sent, lex) or sport_article) if events else None
    kept = []
    for ev in events:
        if sport is not None and not any(a.sector in SECURITY_SECTORS for a in [*ev.actor, *ev.recipient]):
            reasons.append(Reason(si, f"'{ev.trigger.text}' ({ev.plover_type}) in a sports report ('{sport}') "
                                      "without police, military, court or armed group: sport, not a political "
                                      "event", trigger=ev.trigger, text=sent.text))
            continue
        if _private_only(ev):
            codes = ", ".join(sorted({a.code for a in ev.actor}))
            reasons.append(Reason(si, f"'{ev.trigger.text}' ({ev.plover_type}): private actors only ({codes}), no "
                                      "political actor on either side: not a political event", trigger=ev.trigger,
                                  text=sent.text))
            continue
        kept.append(ev)
    return kept, reasons


# who can make an event in a sports report political: fans arrested by the police, a club fined by a court
SECURITY_SECTORS = {"COP", "MIL", "JUD", "REB", "INS", "SPY"}
SPORT_SENTENCES = 3
SCORE = re.compile(r"\d{1,2}:\d{1,2}(-|$)")


def _sport_cue(sent: Span, lex: Lexicon) -> str | None:
    """The first word that makes `sent` a sports report: a sport cue (cues.tsv) as a word or as the last part of a
    compound of at least six letters ("Teamstürmer"), or a score ("2:0", "2:0-Führung", not "12:30 Uhr")."""
    words = lex.cues.get("sport", set())
    for t in sent:
        w = t.lower_
        if w in words or (len(w) > 6 and w.endswith(lex.sport_suffixes)):
            return t.text
        if w[:1].isdigit() and SCORE.match(w) and not (t.i + 1 < sent.end and t.nbor().lower_ == "uhr"):
            return t.text
    return None


# actors that make no political event by themselves (GUIDELINES: business news and crimes between private persons are
# not annotated): a firm's cooperation, a newspaper's "Gespräch", people who "kämpfen um ihr Leben"
PRIVATE_SECTORS = {"CVL", "BUS", "MED"}


def _private_only(ev: Event) -> bool:
    """All actors are private persons, firms or media and no recipient is a political actor."""
    def private(a: ActorRef) -> bool:
        return bool(a.code) and a.sector in PRIVATE_SECTORS and not a.code.startswith(("IGO", "NGO", "---"))
    return bool(ev.actor) and all(private(a) for a in ev.actor) and all(private(r) for r in ev.recipient)


def _sector_conventions(events: list[Event]) -> None:
    """Coding conventions of the guidelines that depend on the event: a country named as the agent of military
    force acts through its military ("Israel startete die Bodenoffensive" → ISRMIL); private persons who protest
    are protesters (---OPP), also in the other events of the sentence they are the actor of."""
    protesters: set[tuple[int, int]] = set()
    for ev in events:
        for i, a in enumerate(ev.actor):
            if a.country and a.kind == "country" and a.sector == "GOV" and ev.plover_type in ("ASSAULT", "MOBILIZE") \
                    and "military" in (ev.plover_context or []):
                ev.actor[i] = dataclasses.replace(a, code=a.country + "MIL", sector="MIL")
            if ev.plover_type == "PROTEST" and a.country and a.sector == "CVL":
                ev.actor[i] = dataclasses.replace(a, code=a.country + "OPP", sector="OPP")
                protesters.add((a.start, a.end))
    for ev in events:
        for i, a in enumerate(ev.actor):
            if (a.start, a.end) in protesters and a.sector == "CVL":
                ev.actor[i] = dataclasses.replace(a, code=a.country + "OPP", sector="OPP")


def _context_actors(doc: Doc, si: int, current: list[Event], recipients: list[ActorRef] | None = None,
                    ptype: str = "", window: int = 3, found: list[Event] | None = None) -> list[ActorRef]:
    """The actors of the closest preceding event (this sentence or the `window` sentences before): German news
    often leaves the actor of a follow-up event unsaid ("Mehrere Demonstranten wurden festgenommen").
    Civilians are never taken from the context (they are the victims of the story far more often than its actors),
    nor is the event's own recipient; protests are carried by non-state groups, so a PROTEST takes no state actor."""
    taken = {r.code for r in recipients or []}
    for ev in reversed([*(doc._.lb_events or []), *current]):
        if si - ev.sentence_index > window:
            break
        named = [a for a in ev.actor if a.kind != "default" and a.code and not a.code.startswith("---")
                 and a.sector != "CVL" and a.code not in taken and a.text.lower() not in POSSESSIVES
                 and not (ptype == "PROTEST" and (a.sector in STATE_SECTORS or a.code.startswith("IGO")))
                 and not (ptype in COERCIVE_TYPES and _unarmed(a, ptype))]
        if named:
            if found is not None:
                found.append(ev)
            return [dataclasses.replace(a, confidence=round(a.confidence * 0.6, 2), kind=a.kind) for a in named]
    return []


def _culprits(doc: Doc, si: int, current: list[Event], actors: list[ActorRef], window: int = 4,
              hostile: bool = False) -> list[ActorRef]:
    """Whom an evaluation ("Das ist ein Massaker") accuses: the named actors of the closest preceding ASSAULT or
    COERCE event in the last `window` sentences. `hostile` (returned fire): not the actor's own country."""
    own = {a.code for a in actors}
    countries = {a.country for a in actors if a.country}
    for ev in reversed([*(doc._.lb_events or []), *current]):
        if si - ev.sentence_index > window:
            break
        if ev.plover_type in ("ASSAULT", "COERCE"):
            # unidentified attackers count ("Bewaffnete griffen an ... erwiderten das Feuer" → ---UAF)
            named = [a for a in ev.actor if a.code and (a.kind != "default" or a.code.startswith("---"))
                     and a.code not in own and not (hostile and a.country and a.country in countries)]
            if named:
                return named
    return []


def _unarmed(a: ActorRef, ptype: str = "") -> bool:
    """Not a plausible unnamed actor of force, arrests or dismissals; protesters do not arrest or dismiss; an
    international organisation condemning an attack is not its perpetrator."""
    return bool(a.code) and (a.code.startswith("NGO") or a.sector in UNARMED_SECTORS
                             or ptype in ("COERCE", "SANCTION") and a.sector == "OPP"
                             or ptype == "ASSAULT" and (a.code.startswith("IGO") or a.sector in CIVIL_SECTORS))


def _topic_actors(doc: Doc, tok: Token, recipients: list[ActorRef], ptype: str = "") -> list[ActorRef]:
    """The article's protagonist so far: the most frequent coded actor before the trigger (at least two mentions,
    no civilians, not the event's recipient). An agentless passive or a bare event noun late in a story is most
    often about it ("Drei Offiziere sind aus dem Dienst entlassen worden")."""
    taken = {r.code for r in recipients}
    counts: dict[str, list[ActorRef]] = {}
    for a in doc._.lb_actors or []:
        if a.end <= tok.idx and a.code and a.sector not in (None, "CVL") and not a.code.startswith("---") \
                and a.code not in taken and not (ptype in COERCIVE_TYPES and _unarmed(a, ptype)):
            counts.setdefault(a.code, []).append(a)
    if not counts:
        return []
    code, refs = max(counts.items(), key=lambda kv: (len(kv[1]), kv[1][-1].start))
    if len(refs) < 2:
        return []
    return [dataclasses.replace(refs[-1], confidence=round(refs[-1].confidence * 0.5, 2))]


# lexicon defaults that stand for a sector of the place's country when no actor is named
_DEFAULT_SECTORS = {"GOV": "the government of {country} imposes it", "OPP": "protesters in {country}",
                    "COP": "the police of {country} makes arrests"}


def _period_end(date: DateRef) -> dt.date:
    """The last day a date expression covers: "im Juni" (stored as 1 June) may mean 30 June, so an event is only
    historical when the whole period lies more than a month back."""
    start = dt.date.fromisoformat(date.value)
    if date.precision == "year":
        return dt.date(start.year, 12, 31)
    if date.precision == "month":
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return start


def _call(module: str, name: str, doc: Doc, tok: Token, *args, si: int | None = None):
    """Call another extractor's contract function. Its failure must not lose the event (the field stays empty), but
    it must not be silent either: it is recorded as a `Reason` of that extractor's stage in `doc._.lb_reasons`
    (once per function and sentence) and logged."""
    fn = _tool(module, name)
    if fn is None:
        return None
    try:
        return fn(doc, tok, *args)
    except Exception as exc:  # noqa: BLE001 - another extractor's failure must not lose the event
        if si is None:
            si = _sentence_index(doc, tok)
        msg = f"{module}.{name} failed on '{tok.text}': {type(exc).__name__}: {exc}"
        LOG.warning("%s (sentence %d)", msg, si)
        if doc._.lb_reasons is None:
            doc._.lb_reasons = []
        if not any(r.stage == module and r.sentence_index == si and r.message.startswith(f"{module}.{name} failed")
                   for r in doc._.lb_reasons):
            doc._.lb_reasons.append(Reason(si, msg, stage=module, text=tok.sent.text))
        return None


def _sentence_index(doc: Doc, tok: Token) -> int:
    for i, s in enumerate(doc.sents):
        if s.start <= tok.i < s.end:
            return i
    return 0


def _dominant_country(doc: Doc) -> str | None:
    counts: dict[str, int] = {}
    for p in doc._.lb_places or []:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + 1
    return max(counts, key=counts.get) if counts else None


@Language.component("lagebild_events")
def events_component(doc: Doc) -> Doc:
    """Code PLOVER + CAMEO events into `doc._.lb_events` and the reasons for uncoded triggers into `lb_reasons`."""
    lex = lexicon()
    if doc._.lb_events is None:
        doc._.lb_events = []
    if doc._.lb_reasons is None:
        doc._.lb_reasons = []
    aid = article_id(doc._.lb_text)
    sents = list(doc.sents)
    # a sports report: sport cues in at least SPORT_SENTENCES sentences, as many different ones ("Denvers Angriff
    # sollte Carolina nicht vor Probleme stellen" names no sport itself)
    cues = [c for c in (_sport_cue(s, lex) for s in sents) if c]
    distinct = {"score" if c[:1].isdigit() else c.lower() for c in cues}  # a refugee camp in a "Stadion" is no match
    sport_article = cues[0] if len(cues) >= SPORT_SENTENCES and len(distinct) >= SPORT_SENTENCES else None
    for si, sent in enumerate(sents):
        events, reasons = code_sentence(doc, si, sent, lex, aid, sport_article)
        doc._.lb_events.extend(events)
        doc._.lb_reasons.extend(reasons)
    return doc
