"""extract report in a real browser: headless Chromium opens the pages, runs their script,
and the DOM it read back holds every mark; a screenshot is taken.

Needs the Debian package ``chromium`` (``apt-get install -y chromium``); skips, saying so,
when no Chromium is installed."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from extract.report import build_report

from test_report import _make_run, _rows

ROOT = Path(__file__).resolve().parents[1]
SEED = "zhejiang-open-for-science-business"
CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(n)), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed "
                                "(Debian: apt-get install -y chromium); the browser test cannot run")


def _chromium(*args: str) -> subprocess.CompletedProcess:
    profile = tempfile.mkdtemp(prefix="extract-chromium-")
    try:
        return subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=90)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _rendered_marks(page: Path) -> tuple[int, str]:
    dom = _chromium("--dump-dom", page.as_uri()).stdout
    found = re.search(r'data-rendered-marks="(\d+)"', dom)
    assert found, "the page's script did not run"
    return int(found.group(1)), dom


def test_the_browser_renders_every_mark(tmp_path):
    result = build_report(_make_run(tmp_path), tmp_path / "report")
    n, dom = _rendered_marks(result.articles["doc-1"])
    expected = sum(len(rows) for rows in _rows("doc-1").values()) + 2   # + speaker mention and cue
    assert n == expected
    # the article's "<script>alert('x')</script>" is text in the DOM, not an element
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in dom


def test_screenshots_of_the_seed_pages(tmp_path):
    result = build_report(ROOT / "outputs", tmp_path / "report", gold=ROOT / "gold" / f"{SEED}.jsonl")
    for page in (result.articles[SEED], result.evaluations[SEED]):
        n, _ = _rendered_marks(page)
        assert n > 100
        png = tmp_path / f"{page.parent.name}.png"
        _chromium(f"--screenshot={png}", "--window-size=1400,1000", page.as_uri())
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000   # not a blank page
    n, _ = _rendered_marks(result.index)
    assert n == 0
