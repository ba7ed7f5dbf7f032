"""The DuckDB schema of the event store: one definition for the tables, the writer and docs/schema.md.

Ids are stable: an article's id is a hash of its text (`model.article_id`); every other record's id is the article
id plus character offsets (or sentence index + offset), so re-coding the same corpus with a newer lagebild gives the
same ids and two versions can be compared row by row. `python -m lagebild.store.schema` prints docs/schema.md.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

SCHEMA_VERSION = 1

# table → (description, [(column, DuckDB type, meaning)])
TABLES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "meta": ("Key/value facts about the store (schema version, lagebild version that created it).", [
        ("key", "VARCHAR", "name of the fact"),
        ("value", "VARCHAR", "its value"),
    ]),
    "articles": ("One row per distinct article text (content hash); exact duplicates are stored once.", [
        ("id", "VARCHAR", "article id: first 16 hex digits of the SHA-1 of the text (stable across runs)"),
        ("origin", "VARCHAR", "path of the input file (or <stdin>) the article was first read from"),
        ("line", "INTEGER", "line of the JSONL/CSV row or number of the feed entry; NULL for whole files"),
        ("title", "VARCHAR", "title from the input's metadata (front matter, field, HTML, feed)"),
        ("source", "VARCHAR", "publisher / source name (field, HTML site name, feed title)"),
        ("url", "VARCHAR", "URL of the article if known"),
        ("date", "DATE", "publication date; relative dates in the text are resolved against it"),
        ("date_source", "VARCHAR", "where the date came from: given (--date), front-matter, field, html-metadata, "
                                   "feed, file-mtime (weak fallback: the file's modification time), NULL if none"),
        ("language", "VARCHAR", "language identified by py3langid (ISO 639-1)"),
        ("language_prob", "DOUBLE", "its probability"),
        ("text", "VARCHAR", "the full text with --store-text full, else NULL"),
        ("length", "INTEGER", "length of the text in characters (offsets refer to it)"),
        ("n_sentences", "INTEGER", "number of sentences"),
        ("n_events", "INTEGER", "number of coded events"),
        ("store_text", "VARCHAR", "text storage mode used for this article: full, snippets or none"),
        ("minhash", "UBIGINT[]", "MinHash signature of the word 5-shingles (near-duplicate detection)"),
        ("near_dup_of", "VARCHAR", "id of an earlier stored article with (estimated) Jaccard similarity >= 0.8 "
                                   "of shingles: the same text republished; NULL if none"),
        ("near_dup_similarity", "DOUBLE", "estimated Jaccard similarity to near_dup_of"),
        ("lagebild_version", "VARCHAR", "version of lagebild that coded the article"),
        ("ingested_at", "TIMESTAMP", "when the article was stored (UTC)"),
    ]),
    "article_lsh": ("Blocking keys for near-duplicate detection: MinHash bands (locality-sensitive hashing), so "
                    "a new article is compared only with articles sharing a band, never with all.", [
        ("band", "INTEGER", "band number (0..15)"),
        ("key", "UBIGINT", "hash of the band's 4 MinHash values"),
        ("article_id", "VARCHAR", "article having that band key"),
    ]),
    "sentences": ("Sentence boundaries of every article.", [
        ("article_id", "VARCHAR", "article"),
        ("sentence_index", "INTEGER", "0-based index of the sentence in the article"),
        ("start", "INTEGER", "character offset of the sentence start in the article text"),
        ("end", "INTEGER", "character offset of the sentence end (exclusive)"),
        ("text", "VARCHAR", "sentence text with --store-text full; with snippets only for sentences with an event "
                            "or quote; NULL with none"),
    ]),
    "entities": ("Named entities found by the NER component (GermEval labels).", [
        ("id", "VARCHAR", "article id:start:end"),
        ("article_id", "VARCHAR", "article"),
        ("sentence_index", "INTEGER", "sentence"),
        ("start", "INTEGER", "character offset"),
        ("end", "INTEGER", "character offset (exclusive)"),
        ("text", "VARCHAR", "surface text of the entity"),
        ("label", "VARCHAR", "PER, LOC, ORG, OTH, LOCderiv, ..."),
        ("confidence", "DOUBLE", "confidence in [0, 1]"),
    ]),
    "actors": ("Actor mentions resolved to CAMEO-style codes (all mentions, whether in an event or not).", [
        ("id", "VARCHAR", "article id:start:end"),
        ("article_id", "VARCHAR", "article"),
        ("start", "INTEGER", "character offset"),
        ("end", "INTEGER", "character offset (exclusive)"),
        ("text", "VARCHAR", "surface text"),
        ("code", "VARCHAR", "CAMEO-style actor code: country (ISO alpha-3) + sector (RUSGOV), IGO code (IGOUNO), "
                            "---INS for non-state actors without a country"),
        ("country", "VARCHAR", "ISO 3166 alpha-3 country, NULL for IGOs and stateless actors"),
        ("sector", "VARCHAR", "sector code: GOV, MIL, REB, OPP, CVL, LEG, JUD, COP, PTY, ..."),
        ("name", "VARCHAR", "canonical name of the dictionary entry that matched"),
        ("entry", "VARCHAR", "id of the actor dictionary entry"),
        ("kind", "VARCHAR", "country, metonym, igo, person, sector, pronoun, nonstate, name"),
        ("resolved_from", "VARCHAR", "for pronouns and role nouns: the antecedent's text"),
        ("confidence", "DOUBLE", "confidence in [0, 1]"),
    ]),
    "events": ("Coded events: one row per event mention (PLOVER + CAMEO), with its evidence.", [
        ("id", "VARCHAR", "event id: article id:sentence index:trigger start"),
        ("article_id", "VARCHAR", "article"),
        ("sentence_index", "INTEGER", "sentence of the event"),
        ("sentence", "VARCHAR", "evidence sentence (full and snippets modes; NULL with none)"),
        ("trigger_text", "VARCHAR", "trigger word(s), e.g. 'eingenommen'"),
        ("trigger_start", "INTEGER", "character offset of the trigger"),
        ("trigger_end", "INTEGER", "character offset of the trigger end (exclusive)"),
        ("trigger_lemma", "VARCHAR", "lemma of the trigger"),
        ("plover_type", "VARCHAR", "PLOVER event type (AGREE ... ASSAULT)"),
        ("plover_mode", "VARCHAR", "PLOVER mode, e.g. seize, or NULL"),
        ("plover_context", "VARCHAR[]", "PLOVER contexts, e.g. [military]"),
        ("cameo_code", "VARCHAR", "CAMEO event code (e.g. 192)"),
        ("cameo_root", "VARCHAR", "its two-digit root (19)"),
        ("goldstein", "DOUBLE", "Goldstein scale value of the CAMEO code"),
        ("quad_class", "INTEGER", "quad class 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict"),
        ("actor_code", "VARCHAR", "code of the first actor (source) for quick filters; all in event_participants"),
        ("actor_country", "VARCHAR", "its country"),
        ("recipient_code", "VARCHAR", "code of the first recipient (target)"),
        ("recipient_country", "VARCHAR", "its country"),
        ("location_text", "VARCHAR", "place name as written"),
        ("location_start", "INTEGER", "its character offset"),
        ("location_end", "INTEGER", "its end offset (exclusive)"),
        ("geonameid", "BIGINT", "GeoNames id of the resolved place"),
        ("location_name", "VARCHAR", "canonical name of the place"),
        ("location_country", "VARCHAR", "ISO alpha-3 country of the place"),
        ("location_admin1", "VARCHAR", "first-level administrative division"),
        ("lat", "DOUBLE", "latitude"),
        ("lon", "DOUBLE", "longitude"),
        ("location_feature", "VARCHAR", "GeoNames feature code (PCLI, ADM1, PPL...)"),
        ("location_part", "VARCHAR", "part of the place: east, west, north, south"),
        ("date", "DATE", "date of the event (day, or first day of the month/year by precision)"),
        ("date_precision", "VARCHAR", "day, month or year"),
        ("date_text", "VARCHAR", "date expression as written, NULL if taken from the article date"),
        ("date_start", "INTEGER", "its character offset"),
        ("date_end", "INTEGER", "its end offset"),
        ("date_from_article", "BOOLEAN", "true if the article's date was used"),
        ("end_date", "DATE", "end of a date range"),
        ("modality", "VARCHAR", "asserted, negated, failed, future, hypothetical, historical"),
        ("attributed_to_code", "VARCHAR", "code of the actor the report is attributed to (a speaker), if any"),
        ("attributed_to_text", "VARCHAR", "its surface text"),
        ("dead", "INTEGER", "number of dead attributed to this event"),
        ("injured", "INTEGER", "number of injured"),
        ("confidence", "DOUBLE", "confidence in [0, 1]"),
        ("evidence", "VARCHAR[]", "why each field was coded (trigger entry, dependency paths ...)"),
        ("entry", "VARCHAR", "id of the event lexicon entry"),
        ("story_id", "VARCHAR", "story (real-world event) this mention belongs to, see stories"),
    ]),
    "event_participants": ("All actors of every event with their role (an event can have several).", [
        ("event_id", "VARCHAR", "event"),
        ("article_id", "VARCHAR", "article"),
        ("role", "VARCHAR", "actor (source), recipient (target) or attributed_to (speaker)"),
        ("position", "INTEGER", "0-based position within the role"),
        ("text", "VARCHAR", "surface text"),
        ("start", "INTEGER", "character offset"),
        ("end", "INTEGER", "end offset (exclusive)"),
        ("code", "VARCHAR", "CAMEO-style actor code"),
        ("country", "VARCHAR", "ISO alpha-3 country"),
        ("sector", "VARCHAR", "sector code"),
        ("name", "VARCHAR", "canonical name"),
        ("entry", "VARCHAR", "actor dictionary entry id"),
        ("kind", "VARCHAR", "kind of mention (see actors.kind)"),
        ("resolved_from", "VARCHAR", "antecedent text for pronouns"),
        ("confidence", "DOUBLE", "confidence in [0, 1]"),
    ]),
    "places": ("Place mentions resolved against the gazetteer.", [
        ("id", "VARCHAR", "article id:start:end"),
        ("article_id", "VARCHAR", "article"),
        ("start", "INTEGER", "character offset"),
        ("end", "INTEGER", "end offset (exclusive)"),
        ("text", "VARCHAR", "surface text"),
        ("geonameid", "BIGINT", "GeoNames id"),
        ("name", "VARCHAR", "canonical name"),
        ("country", "VARCHAR", "ISO alpha-3 country"),
        ("admin1", "VARCHAR", "first-level administrative division"),
        ("lat", "DOUBLE", "latitude"),
        ("lon", "DOUBLE", "longitude"),
        ("feature", "VARCHAR", "GeoNames feature code"),
        ("part", "VARCHAR", "part of the place (east, west ...)"),
        ("confidence", "DOUBLE", "confidence in [0, 1]"),
    ]),
    "dates": ("Date expressions resolved to calendar dates.", [
        ("id", "VARCHAR", "article id:start:end (article id:article-date when taken from the article)"),
        ("article_id", "VARCHAR", "article"),
        ("start", "INTEGER", "character offset"),
        ("end", "INTEGER", "end offset (exclusive)"),
        ("text", "VARCHAR", "surface text"),
        ("value", "DATE", "resolved date"),
        ("precision", "VARCHAR", "day, month, year"),
        ("end_value", "DATE", "end of a range"),
        ("from_article_date", "BOOLEAN", "resolved from the article date alone"),
        ("confidence", "DOUBLE", "confidence in [0, 1]"),
    ]),
    "figures": ("Numbers in the text with what they count (dead, injured, ...).", [
        ("id", "VARCHAR", "article id:start:end"),
        ("article_id", "VARCHAR", "article"),
        ("sentence_index", "INTEGER", "sentence"),
        ("start", "INTEGER", "character offset"),
        ("end", "INTEGER", "end offset (exclusive)"),
        ("text", "VARCHAR", "surface text"),
        ("value", "DOUBLE", "value"),
        ("low", "DOUBLE", "lower bound ('mindestens 20')"),
        ("high", "DOUBLE", "upper bound ('bis zu 30')"),
        ("kind", "VARCHAR", "dead, injured, displaced, arrested, evacuated or NULL"),
        ("cumulative", "BOOLEAN", "a running total of a conflict or period, never one event's toll"),
        ("period", "VARCHAR", "period of a cumulative figure"),
        ("event_id", "VARCHAR", "event the figure belongs to"),
        ("confidence", "DOUBLE", "confidence in [0, 1]"),
    ]),
    "quotes": ("Direct, indirect and reported speech with speaker and cue.", [
        ("id", "VARCHAR", "article id:start:end"),
        ("article_id", "VARCHAR", "article"),
        ("sentence_index", "INTEGER", "sentence"),
        ("start", "INTEGER", "character offset of the quotation"),
        ("end", "INTEGER", "end offset (exclusive)"),
        ("text", "VARCHAR", "quotation text (full and snippets modes; NULL with none)"),
        ("type", "VARCHAR", "Direct, Indirect, Reported"),
        ("speaker_text", "VARCHAR", "speaker as written"),
        ("speaker_start", "INTEGER", "its offset"),
        ("speaker_end", "INTEGER", "its end offset"),
        ("speaker_code", "VARCHAR", "speaker's actor code"),
        ("cue", "VARCHAR", "speech verb or cue ('sagte')"),
        ("cue_start", "INTEGER", "its offset"),
        ("cue_end", "INTEGER", "its end offset"),
        ("confidence", "DOUBLE", "confidence in [0, 1]"),
    ]),
    "reasons": ("Why a candidate was not coded (or coded with low confidence): the store's account of misses.", [
        ("id", "VARCHAR", "article id:sentence index:position"),
        ("article_id", "VARCHAR", "article"),
        ("sentence_index", "INTEGER", "sentence"),
        ("stage", "VARCHAR", "events, actors, places, dates, figures or quotes"),
        ("message", "VARCHAR", "the reason in words"),
        ("trigger_text", "VARCHAR", "trigger concerned, if any"),
        ("trigger_start", "INTEGER", "its offset"),
        ("text", "VARCHAR", "text concerned"),
    ]),
    "stories": ("Real-world events: event mentions from different articles merged by type, actors, place and date "
                "(like GDELT's event records with NumMentions/NumSources/NumArticles). Rebuilt after every ingest.", [
        ("id", "VARCHAR", "story id: 'S' + hash of its smallest member event id (stable while members are)"),
        ("plover_type", "VARCHAR", "PLOVER type shared by all members"),
        ("cameo_code", "VARCHAR", "CAMEO code of the representative member (highest confidence)"),
        ("representative_event", "VARCHAR", "id of that member"),
        ("actor_code", "VARCHAR", "most frequent first-actor code among members"),
        ("recipient_code", "VARCHAR", "most frequent first-recipient code"),
        ("location_name", "VARCHAR", "most frequent place name"),
        ("location_country", "VARCHAR", "its country"),
        ("date_first", "DATE", "earliest member date"),
        ("date_last", "DATE", "latest member date"),
        ("num_mentions", "INTEGER", "number of event mentions (member events)"),
        ("num_articles", "INTEGER", "number of distinct articles"),
        ("num_sources", "INTEGER", "number of distinct sources (articles without a source count as one each)"),
        ("num_reprints", "INTEGER", "member articles that are near-duplicates of another member article"),
        ("confidence", "DOUBLE", "highest member confidence"),
    ]),
    "story_members": ("Which event belongs to which story and why it was merged.", [
        ("story_id", "VARCHAR", "story"),
        ("event_id", "VARCHAR", "member event"),
        ("article_id", "VARCHAR", "its article"),
        ("linked_to", "VARCHAR", "event it was first found to match (NULL for the first member)"),
        ("why", "VARCHAR", "the matching evidence: type, actors, place, date distance, near-duplicate article"),
    ]),
    "rejects": ("Inputs that were not stored, with where and why. Re-running replaces a reject when its input "
                "then succeeds.", [
        ("path", "VARCHAR", "input path (or <stdin>)"),
        ("line", "INTEGER", "line / record number, NULL for whole files"),
        ("stage", "VARCHAR", "read (file, encoding, JSON/CSV), language (not German), analyse (pipeline error)"),
        ("reason", "VARCHAR", "the reason in words"),
        ("rejected_at", "TIMESTAMP", "when (UTC)"),
    ]),
}

# which columns hold (possibly copyrighted) text, per table, for --store-text
TEXT_COLUMNS = {"articles": ["text"], "sentences": ["text"], "events": ["sentence"], "quotes": ["text"]}

_ARROW = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
          "DATE": pa.date32(), "BOOLEAN": pa.bool_(), "TIMESTAMP": pa.timestamp("us"), "UBIGINT": pa.uint64(),
          "VARCHAR[]": pa.list_(pa.string()), "UBIGINT[]": pa.list_(pa.uint64())}


def columns(table: str) -> list[str]:
    return [c for c, _, _ in TABLES[table][1]]


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(c, _ARROW[t]) for c, t, _ in TABLES[table][1]])


def create(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables (idempotent)."""
    for name, (_, cols) in TABLES.items():
        body = ", ".join(f'"{c}" {t}' for c, t, _ in cols)
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({body})")
    con.execute("CREATE INDEX IF NOT EXISTS articles_id ON articles(id)")
    con.execute("CREATE INDEX IF NOT EXISTS article_lsh_key ON article_lsh(band, key)")
    con.execute("INSERT INTO meta SELECT 'schema_version', ? WHERE NOT EXISTS "
                "(SELECT 1 FROM meta WHERE key = 'schema_version')", [str(SCHEMA_VERSION)])


def markdown() -> str:
    """docs/schema.md."""
    out = ["# Event store schema", "",
           "`lagebild ingest` writes a DuckDB file (default `lagebild.duckdb`) with these tables. Query it with "
           "`lagebild sql \"SELECT ...\"` (read-only), `lagebild events`, `lagebild stories`, or any DuckDB client.",
           "",
           "Ids are stable: an article's id is a hash of its text, every other id is the article id plus character "
           "offsets (events: article id:sentence index:trigger start), so the output of two lagebild versions on the "
           "same corpus can be joined on ids. Offsets are character offsets into the article text, end exclusive.",
           "",
           "`--store-text full|snippets|none` decides which text columns are filled: full keeps everything; "
           "snippets keeps only the evidence (event sentences, quotations, sentences with an event or quote) and "
           "NULLs `articles.text`; none keeps only offsets (short spans such as actor names and trigger words are "
           "kept in all modes, being the coded values). Text columns: "
           + ", ".join(f"`{t}.{c}`" for t, cs in TEXT_COLUMNS.items() for c in cs) + ".",
           "",
           "This file is generated: `python -m lagebild.store.schema > docs/schema.md`.", ""]
    for name, (desc, cols) in TABLES.items():
        out += [f"## {name}", "", desc, "", "| column | type | meaning |", "|---|---|---|"]
        out += [f"| {c} | {t} | {m} |" for c, t, m in cols]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(markdown(), end="")
