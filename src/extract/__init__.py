"""extract: entities, quantities, dates and quotations from news articles.

>>> import extract
>>> tables = extract.extract_text(text, reference_date="2018-11-01")   # dict of DataFrames
>>> tables = extract.extract_frame(df, text="body", id="url", date="published")
>>> nlp = extract.build_pipeline(extractors=["dates", "quantities"])    # the spaCy Language

The components also fit any spaCy pipeline (entry points ``spacy_factories``)::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("extract_quantities")
    doc._.extract_quantities   # records, as the quantities table's rows

The library logs to ``logging.getLogger("extract")`` and never prints.
"""
from __future__ import annotations

import logging as _logging

from . import extensions as _extensions  # noqa: F401  (registers Doc extensions)
from .api import build_pipeline, extract_files, extract_frame, extract_text, extract_texts
from .documents import read_raw
from .io import read_tables
from .text import clean

# A library logs and never prints: nothing is shown unless the application configures logging
# (the extract command does: see extract.cli).
_logging.getLogger("extract").addHandler(_logging.NullHandler())

__version__ = "0.1.0"
__all__ = ["build_pipeline", "extract_text", "extract_texts", "extract_frame", "extract_files", "clean", "read_tables", "read_raw", "__version__"]
