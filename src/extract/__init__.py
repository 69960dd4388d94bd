"""extract: entities, quantities, dates and quotations from news articles.

>>> import extract
>>> tables = extract.extract_text(text, reference_date="2018-11-01")   # dict of DataFrames
>>> nlp = extract.build_pipeline()                                     # the spaCy Language
"""
from __future__ import annotations

from . import extensions as _extensions  # noqa: F401  (registers Doc extensions)
from .api import build_pipeline, extract_files, extract_text
from .text import clean

__version__ = "0.1.0"
__all__ = ["build_pipeline", "extract_text", "extract_files", "clean", "__version__"]
