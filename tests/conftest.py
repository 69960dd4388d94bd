from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The full extraction pipeline, loaded once per test session."""
    from extract.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or skip the test when it is absent."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is not present")
    return data


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "corpus" / "zhejiang-open-for-science-business.txt").read_text(encoding="utf-8")
