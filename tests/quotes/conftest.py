"""Fixtures of the quote tests: the quotes of a text run through the full pipeline."""
from __future__ import annotations

import pytest

from extract import schema
from extract.text import clean


@pytest.fixture(scope="module")
def quote_records(nlp):
    """``text`` -> the quote records the pipeline writes for it."""
    def _run(text: str) -> list[dict]:
        return nlp(clean(text).text)._.get(schema.QUOTE.extension)

    return _run


@pytest.fixture(scope="module")
def quote_speakers(quote_records):
    """``text`` -> {quote text without marks and end punctuation: speaker}."""
    def _run(text: str) -> dict[str, str | None]:
        return {r["text"].strip("“”\"',.?! "): r["speaker"] for r in quote_records(text)}

    return _run
