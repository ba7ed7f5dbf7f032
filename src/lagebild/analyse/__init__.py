"""Analysis stage: the trained German spaCy pipeline (tokens, sentences, lemmas, POS, morphology, parse, NER)."""

from lagebild.analyse.pipeline import MODEL_DIR, load_pipeline, make_doc

__all__ = ["MODEL_DIR", "load_pipeline", "make_doc"]
