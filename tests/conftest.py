from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED} (CI has it; a fresh clone need not)")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from lagebild.analyse.pipeline import load_pipeline

    return load_pipeline()
