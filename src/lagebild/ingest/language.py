"""Language identification (py3langid): lagebild codes German text only."""

from __future__ import annotations

import functools

# Below this many letters the identifier guesses (names-only headlines, "Merkel traf Putin."): accept those.
MIN_LETTERS = 25


@functools.lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 - py3langid has no public type for it
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language; a long text is judged on its first 5,000 characters."""
    lang, prob = _identifier().classify(text[:5000])
    return lang, float(prob)


def check_german(text: str) -> tuple[str, float, str | None]:
    """(language, probability, reason to reject or None)."""
    lang, prob = detect(text)
    if lang == "de":
        return lang, prob, None
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        return lang, prob, None
    return lang, prob, f"not German: language identified as {lang!r} (p={prob:.2f})"
