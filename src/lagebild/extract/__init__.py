"""Extraction stage: spaCy components over the analysed Doc.

Each component reads the Doc (and what earlier components wrote to its `doc._.lb_*` lists) and appends its own
records from `lagebild.model`. Order matters: places and dates first, then actors, figures and quotes, and events
last, because an event takes its location, date, toll and source from the others.
"""

from __future__ import annotations

import importlib
import sys
import types

from spacy.language import Language
from spacy.tokens import Doc

# (component name, module that registers it)
EXTRACTORS: list[tuple[str, str]] = [
    ("lagebild_places", "lagebild.extract.places"),
    ("lagebild_dates", "lagebild.extract.dates"),
    ("lagebild_actors", "lagebild.extract.actors"),
    ("lagebild_figures", "lagebild.extract.figures"),
    ("lagebild_quotes", "lagebild.extract.quotes"),
    ("lagebild_events", "lagebild.extract.events"),
]


# what the extractors cache in `doc.user_data` while they run (parse indexes, the actor analysis, candidate
# quotes): not records, and not serialisable. Dropped after the last extractor, so that a finished Doc can be
# serialised (`Doc.to_bytes`, `DocBin`, `nlp.pipe(n_process=N)`); a later lookup recomputes what it needs.
_CACHE_PREFIXES = ("lagebild", "lb_")


@Language.component("lagebild_release")
def release_caches(doc: Doc) -> Doc:
    for key in list(doc.user_data):
        name = key[0] if isinstance(key, tuple) else key
        if isinstance(name, str) and name.startswith(_CACHE_PREFIXES):
            del doc.user_data[key]
    return doc


def add_extractors(nlp: Language) -> Language:
    for name, module in EXTRACTORS:
        importlib.import_module(module)
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    if "lagebild_release" not in nlp.pipe_names:
        nlp.add_pipe("lagebild_release", last=True)
    return nlp


class _CallableModule(types.ModuleType):
    """`lagebild.extract(text, ...)` is the public entry point, and `lagebild.extract` is also this subpackage:
    importing a submodule binds the package over the function, so the package itself answers calls."""

    def __call__(self, *args, **kwargs):
        from lagebild import extract_article

        return extract_article(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
