"""extract: entities, quantities, dates and quotations from news articles."""
from __future__ import annotations

from . import extensions as _extensions  # noqa: F401  (registers Doc extensions)

__version__ = "0.1.0"
