"""``extract report``: static, self-contained HTML pages of a run's tables (and of an evaluation).

>>> from extract.report import build_report
>>> build_report("outputs", "outputs/report", gold="gold/zhejiang-open-for-science-business.jsonl")

* :mod:`.inputs` reads the tables and the raw texts;
* :mod:`.layout` lays overlapping items over a text as nested marks (pure);
* :mod:`.pages` builds what each page shows (pure), pairing gold and predictions with the
  matcher of ``extract evaluate``;
* :mod:`.render` writes the pages from the Jinja2 templates in ``templates/``.
"""
from __future__ import annotations

from .layout import Mark, Token, layout
from .render import ReportResult, build_report

__all__ = ["build_report", "ReportResult", "Mark", "Token", "layout"]
