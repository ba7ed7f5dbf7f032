"""Build `src/lagebild/resources/quotes/cues.tsv` and `konjunktiv.tsv` for lagebild.extract.quotes.

    python scripts/build_quote_lexicon.py [DATA]   # DATA defaults to ../shared/data

cues.tsv: speech-verb word forms learned from the cue spans of the Wikinews quotation corpus (train split only),
kept when the form is a cue often enough relative to all its occurrences in the train texts (so "teilte" as in
"teilte mit" stays, "ist" goes), merged with a hand-written seed list of common speech verbs.
konjunktiv.tsv: Konjunktiv I/II finite forms (Mood=Sub) of UD German GSD dev/test and PUD, merged with a hand list.
"""

from __future__ import annotations

import collections
import glob
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "lagebild" / "resources" / "quotes"

# forms that occur inside cue spans but are not speech verbs by themselves
STOP = {"sich", "mit", "den", "dem", "der", "die", "das", "worten", "es", "hat", "hatte", "haben", "hatten", "wurde",
        "wird", "werden", "wurden", "als", "an", "aus", "vor", "auf", "zu", "hin", "darauf", "fest", "ist", "war",
        "sind", "waren", "in", "im", "einer", "einem", "eine", "ein", "von", "vom", "und", "nicht", "auch", "dabei",
        "damit", "davon", "sei", "habe", "nach", "laut", "so", "wie", "zufolge", "demnach", "wonach", "danach",
        "gemäß", "ab", "bei", "über", "um", "dass", "man", "sie", "er", "wir", "ich", "zur", "zum", "noch", "bereits",
        "kann", "könne", "soll", "solle", "will", "wolle", "müsse", "muss", "bekannt", "gegeben", "geworden", "gab",
        "geht", "ging", "gehen", "sieht", "sah", "zeigte", "ist.", "es.", "stellte", "fest.", "kam", "kommt",
        "bezeichnete", "bezeichnet", "bezeichneten", "gefragt", "unter", "aussage", "angaben", "darüber", "meinung", "hervor", "heraus", "verdacht", "auffassung", "ansicht", "einschätzung"}

SEED_VERBS = """sagte sagten sagt sagen gesagt sage erklärte erklärten erklärt erklären betonte betonten betont
teilte teilten mitteilte mitteilten mitgeteilt berichtete berichteten berichtet meldete meldeten gemeldet
bestätigte bestätigten bestätigt kündigte kündigten angekündigt ankündigte verkündete verkündet räumte einräumte
eingeräumt warnte warnten gewarnt forderte forderten gefordert kritisierte kritisierten kritisiert meinte meinten
behauptete behaupteten behauptet versicherte versicherten versichert unterstrich unterstrichen fügte hinzufügte
hinzugefügt sprach sprachen schrieb schrieben geschrieben zitierte zitiert äußerte äußerten geäußert entgegnete
verlautete bekräftigte bekräftigt beteuerte beteuert dementierte dementiert bestritt bestritten verneinte erläuterte
erläutert ergänzte ergänzt hieß heißt heiße antwortete antworteten geantwortet mahnte mahnten gemahnt verwies
verwiesen appellierte sagte. bekannte bekanntgab bekanntgegeben gab verriet verraten beklagte beklagten beklagt
vermutete vermuten vermutet glaubt glaubte glauben hofft hoffte hoffen befürchtet befürchtete befürchten
kommentierte kommentiert argumentierte argumentiert begründete begründet""".split()

# weak speech verbs (lemma; "mit|teilen" marks a separable prefix): all finite forms and the participle are generated
SEED_LEMMAS = """sagen erklären betonen bedauern bekräftigen konstatieren kritisieren fordern warnen behaupten versichern
äußern bestätigen berichten melden mit|teilen an|kündigen zu|sagen ergänzen erläutern beteuern dementieren klagen
beklagen mahnen appellieren argumentieren kommentieren begründen vermuten glauben hoffen befürchten fürchten zitieren
antworten entgegnen folgern schätzen bezweifeln loben verteidigen bemängeln monieren verlangen drohen an|deuten
ein|räumen hin|zu|fügen erwidern verkünden unterstellen bemerken präzisieren widersprechen bilanzieren resümieren
verraten prophezeien spekulieren informieren protestieren verlauten klar|stellen fest|stellen an|merken zu|geben
bekunden beschwichtigen insistieren leugnen""".split()

_INSEPARABLE = ("be", "er", "ver", "ent", "zer", "ge", "emp", "miss", "wider", "über", "unter", "hinter")


def weak_forms(lemma: str) -> set[str]:
    """Finite forms and participle of a weak verb ("mit|teilen" -> teilte, mitteilte, mitgeteilt, teilt ...)."""
    parts = lemma.split("|")
    prefix, base = "".join(parts[:-1]), parts[-1]
    stem = base[:-1] if base.endswith(("ern", "eln")) else base[:-2]
    e = "e" if stem.endswith(("t", "d")) or re.search(r"[^aeiouäöülrh]m$|[^aeiouäöülrh]n$", stem) else ""
    finite = {stem + e + "t", stem + e + "te", stem + e + "ten"}
    ge = "" if base.startswith(_INSEPARABLE) or base.endswith("ieren") else "ge"
    forms = set(finite) | {prefix + ge + stem + e + "t"}
    if prefix:  # subordinate clauses keep the prefix: "wie er mitteilte"
        forms |= {prefix + f for f in finite} | {prefix + stem + "en"}
    else:  # plural present ("Experten warnen"); not for separable verbs, whose bare stem means something else
        forms.add(stem + "en")
    return forms


SEED_KI = """sei seien seiest habe werde könne müsse solle wolle dürfe möge gebe gehe komme stehe liege wisse lasse
bleibe handle handele brauche fehle gelte zeige sehe plane arbeite trage führe stamme biete halte heiße nehme
bestehe erwarte verfüge""".split()
SEED_KII = """wäre wären hätte hätten würde würden könnte könnten müsste müssten müßte müßten dürfte dürften möchte
möchten sollte sollten täte täten läge lägen käme kämen gäbe gäben stünde stünden stände ständen fände fänden
bliebe hielte ließe hieße ginge sähe nähme gälte gälten bräuchte bräuchten brächte brächten wüsste wüssten""".split()


def cue_forms(data: Path) -> list[tuple[str, int, int]]:
    cue_counts: collections.Counter[str] = collections.Counter()
    occurrences: collections.Counter[str] = collections.Counter()
    for path in sorted(glob.glob(str(data / "quotes" / "train" / "*.json"))):
        doc = json.loads(Path(path).read_text(encoding="utf8"))
        for tok in doc["tokens"]:
            occurrences[tok["text"].lower()] += 1
        for ann in doc["annotations"]:
            for w in ann["cue"]["text"].split():
                w = w.lower()
                if re.fullmatch(r"[a-zäöüß]+", w) and w not in STOP:
                    cue_counts[w] += 1
    kept = []
    for form, n in cue_counts.items():
        rate = n / max(occurrences[form], 1)
        if n >= 2 and rate >= 0.25:
            kept.append((form, n, occurrences[form]))
    return sorted(kept, key=lambda x: (-x[1], x[0]))


def reported_forms(data: Path) -> list[tuple[str, int, int]]:
    """Word forms that mark a whole sentence as reported speech ("Die CDU forderte ...", "X bezeichnete Y als
    ..."): (form, sentences mostly inside a Reported quote, sentences with the form), train split only."""
    in_rep: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    for path in sorted(glob.glob(str(data / "quotes" / "train" / "*.json"))):
        doc = json.loads(Path(path).read_text(encoding="utf8"))
        rep_tokens = {i for ann in doc["annotations"] if ann["type"] == "Reported" for i in ann["quote"]["tokenIds"]}
        sents: dict[int, list[dict]] = collections.defaultdict(list)
        for tok in doc["tokens"]:
            sents[tok["sentence"]].append(tok)
        for toks in sents.values():
            rep = sum(t["id"] in rep_tokens for t in toks) >= 0.7 * len(toks)
            for form in {t["text"] for t in toks if re.fullmatch(r"[a-zäöüß]+", t["text"])}:
                total[form] += 1
                in_rep[form] += rep
    kept = [(f, n, total[f]) for f, n in in_rep.items()
            if n >= 3 and n >= 0.25 * total[f] and f not in STOP and not re.search(r"nde[nsr]?$", f)]
    return sorted(kept, key=lambda x: (-x[1], x[0]))


def reported_lemmas(data: Path) -> list[tuple[str, int, int]]:
    """Verb lemmas (by the analysis model's lemmatizer) of sentences that report speech as a whole: (lemma,
    sentences mostly inside a Reported quote, sentences with the lemma), train split only. Lemmas generalise
    to the forms the train split never shows; the learned filter weighs them (its `rep_lem=` features)."""
    from lagebild.analyse.pipeline import ANALYSIS_COMPONENTS, load_pipeline
    from lagebild.extract.quotes import verb_lemma

    nlp = load_pipeline()
    # the parser too: a separated particle belongs to the lemma ("weist ... hin" -> "hinweisen")
    keep = {"tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "lemmatizer", "parser",
            *ANALYSIS_COMPONENTS}
    disable = [n for n in nlp.pipe_names if n not in keep]
    in_rep: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    corpus = [json.loads(Path(p).read_text(encoding="utf8"))
              for p in sorted(glob.glob(str(data / "quotes" / "train" / "*.json")))]
    with nlp.select_pipes(disable=disable):
        for doc, parsed in zip(corpus, nlp.pipe((d["originalText"] for d in corpus), batch_size=16), strict=True):
            by_char = {t.idx: t for t in parsed}
            rep_tokens = {i for ann in doc["annotations"] if ann["type"] == "Reported"
                          for i in ann["quote"]["tokenIds"]}
            sents: dict[int, list[dict]] = collections.defaultdict(list)
            for tok in doc["tokens"]:
                sents[tok["sentence"]].append(tok)
            for toks in sents.values():
                rep = sum(t["id"] in rep_tokens for t in toks) >= 0.7 * len(toks)
                lemmas = set()
                for t in toks:
                    sp = by_char.get(t["charBegin"])
                    if sp is not None and sp.pos_ == "VERB" and sp.text[:1].islower() and sp.lemma_.isalpha():
                        lemmas.add(verb_lemma(sp))
                for lemma in lemmas:
                    total[lemma] += 1
                    in_rep[lemma] += rep
    kept = [(lem, n, total[lem]) for lem, n in in_rep.items() if n >= 2 and n >= 0.15 * total[lem]]
    return sorted(kept, key=lambda x: (-x[1], x[0]))


def konjunktiv_forms(data: Path) -> dict[str, str]:
    forms: dict[str, str] = {}
    for path in sorted(glob.glob(str(data / "ud" / "*.conllu"))):
        for line in Path(path).read_text(encoding="utf8").splitlines():
            cols = line.split("\t")
            if len(cols) != 10 or "Mood=Sub" not in cols[5] or cols[3] not in ("VERB", "AUX"):
                continue
            form = cols[1].lower()
            if not re.fullmatch(r"[a-zäöüß]+e[n]?", form):
                continue  # tagging noise ("knew", abbreviations)
            if re.search(r"te[n]?$", form):
                # a weak Konjunktiv II ("erklärten", "zeigten", "teilte") equals the preterite indicative: no
                # evidence of reported speech (the unambiguous ones, "hätte", "möchte", are seeds)
                continue
            if "Tense=Pres" in cols[5]:
                forms.setdefault(form, "KI")
            elif re.search("[äöü]", form):
                forms.setdefault(form, "KII")  # "fänden", "kämen"
            elif form.endswith("e"):
                # UD tags some Konjunktiv I forms past tense ("beinhalte", "unterhalte"); a strong Konjunktiv II
                # without umlaut ("ginge") is a seed, the plural ("gingen") equals the preterite indicative
                forms.setdefault(form, "KI")
    return forms


def main(argv: list[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "data"
    OUT.mkdir(parents=True, exist_ok=True)
    learned = cue_forms(data)
    learned_forms = {f for f, _, _ in learned}
    with open(OUT / "cues.tsv", "w", encoding="utf8") as fh:
        fh.write("# Speech-verb word forms (lowercase) that cue quotes, for lagebild.extract.quotes.\n")
        fh.write("# Built by scripts/build_quote_lexicon.py from the cue spans of the German Wikinews quotation\n")
        fh.write("# corpus, train split (annotations CC BY-NC-SA 4.0, text CC BY 2.5; forms only, no text), kept when\n")
        fh.write("# cue_count >= 2 and cue_count/occurrences >= 0.25; plus a hand seed list (source=seed). Version 1.\n")
        fh.write("form\tsource\tcue_count\toccurrences\n")
        for form, n, occ in learned:
            fh.write(f"{form}\ttrain\t{n}\t{occ}\n")
        seeds = set(SEED_VERBS)
        for lemma in SEED_LEMMAS:
            seeds |= weak_forms(lemma)
        for form in sorted(seeds - learned_forms - STOP):
            if form.isalpha():
                fh.write(f"{form}\tseed\t0\t0\n")
    with open(OUT / "reported.tsv", "w", encoding="utf8") as fh:
        fh.write("# Word forms that mark a whole sentence as reported speech (Reported), for lagebild.extract.quotes.\n")
        fh.write("# Built by scripts/build_quote_lexicon.py from the German Wikinews quotation corpus, train split\n")
        fh.write("# (sentences >= 70% inside a Reported quote; kept when >= 3 and >= 25% of the sentences with the form;\n")
        fh.write("# forms and counts only). Version 1.\n")
        fh.write("form\treported_sentences\tsentences\n")
        for form, n, tot in reported_forms(data):
            fh.write(f"{form}\t{n}\t{tot}\n")
    with open(OUT / "reported_lemmas.tsv", "w", encoding="utf8") as fh:
        fh.write("# Verb lemmas of sentences that report speech as a whole (Reported), for lagebild.extract.quotes.\n")
        fh.write("# Built by scripts/build_quote_lexicon.py from the German Wikinews quotation corpus, train split,\n")
        fh.write("# lemmas by lagebild's analysis model (sentences >= 70% inside a Reported quote; kept when >= 2 and\n")
        fh.write("# >= 15% of the sentences with the lemma; lemmas and counts only). Version 1.\n")
        fh.write("lemma\treported_sentences\tsentences\n")
        for lemma, n, tot in reported_lemmas(data):
            fh.write(f"{lemma}\t{n}\t{tot}\n")
    kforms = konjunktiv_forms(data)
    for f in SEED_KI:
        kforms[f] = "KI"
    for f in SEED_KII:
        kforms[f] = "KII"
    with open(OUT / "konjunktiv.tsv", "w", encoding="utf8") as fh:
        fh.write("# Finite subjunctive verb forms (lowercase), for lagebild.extract.quotes: KI marks indirect speech.\n")
        fh.write("# Built by scripts/build_quote_lexicon.py from UD German GSD dev/test + PUD test (Mood=Sub;\n")
        fh.write("# CC BY-SA 4.0 / 3.0; forms only) plus a hand list. Version 2: no weak Konjunktiv II forms,\n")
        fh.write("# which equal the preterite indicative (\"zeigten\"); strong ones (\"lägen\", \"käme\") added.\n")
        fh.write("form\tmood\n")
        for form, mood in sorted(kforms.items()):
            fh.write(f"{form}\t{mood}\n")
    print(f"{len(learned)} learned cue forms, {len(kforms)} subjunctive forms -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
