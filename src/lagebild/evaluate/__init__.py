"""Evaluation: `lagebild eval ner|parse|events|quotes`. Shared scoring helpers live here."""

from __future__ import annotations

from pathlib import Path

from lagebild.errors import InputError


def read_gold_text(path: Path) -> str:
    """A gold file's text, or an InputError naming the file and why it cannot be read."""
    try:
        return path.read_text(encoding="utf8")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory, expected a file") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "not valid UTF-8") from None


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "n_pred": n_pred,
            "n_gold": n_gold}
