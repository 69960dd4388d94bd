"""extract report: the boundary sweep, the pages written, escaping, overlaps, the evaluation
view against `extract evaluate`, and the time a long article and a big index take."""
from __future__ import annotations

import csv
import hashlib
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from extract import schema
from extract.cli import main
from extract.evaluate import evaluate
from extract.manifest import write_manifest
from extract.report import build_report
from extract.report.layout import Mark, fragments, layout
from extract.report.pages import bar_chart, shown
from extract.report.render import page_names

ROOT = Path(__file__).resolve().parents[1]
SEED = "zhejiang-open-for-science-business"


# ---------------------------------------------------------------- the boundary sweep

def _check_layout(text: str, marks: list[Mark]) -> None:
    tokens = layout(text, marks)
    assert "".join(t.text for t in tokens if t.op == "text") == text
    depth = 0
    for t in tokens:                      # balanced: never closes what is not open
        depth += {"open": 1, "close": -1}.get(t.op, 0)
        assert depth >= 0
    assert depth == 0
    frags = fragments(tokens)
    for m in marks:
        parts = frags[m.id]
        assert parts[0][0] == m.start and parts[-1][1] == m.end, m
        assert all(a[1] == b[0] for a, b in zip(parts, parts[1:])), f"{m.id} has a gap: {parts}"
        firsts = [t for t in tokens if t.op == "open" and t.mark.id == m.id and t.edge]
        lasts = [t for t in tokens if t.op == "close" and t.mark.id == m.id and t.edge]
        assert len(firsts) == len(lasts) == 1


@pytest.mark.parametrize("spans, n_fragments", [
    ([(0, 5)], {"a": 1}),                                  # one mark
    ([(0, 10), (2, 5)], {"a": 1, "b": 1}),                 # nested: a quantity inside an entity
    ([(2, 5), (0, 10)], {"a": 1, "b": 1}),                 # same, given inner first
    ([(0, 6), (3, 10)], {"a": 1, "b": 2}),                 # crossing: the later one is split
    ([(0, 4), (4, 8)], {"a": 1, "b": 1}),                  # adjacent, not overlapping
    ([(1, 5), (1, 5)], {"a": 1, "b": 1}),                  # the same span twice
    ([(0, 10), (0, 3), (7, 10)], {"a": 1, "b": 1, "c": 1}),  # two inside one, touching its ends
    ([(0, 5), (2, 8), (4, 10)], {"a": 1, "b": 2, "c": 2}),   # a chain of crossings
])
def test_layout_nests_and_splits(spans, n_fragments):
    text = "0123456789"
    marks = [Mark(s, e, chr(ord("a") + i), "entity") for i, (s, e) in enumerate(spans)]
    _check_layout(text, marks)
    frags = fragments(layout(text, marks))
    assert {k: len(v) for k, v in frags.items()} == n_fragments


def test_layout_without_marks_is_the_text():
    assert [t.text for t in layout("abc", [])] == ["abc"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 12)), max_size=12))
def test_layout_any_overlaps(spans):
    text = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF"
    marks = [Mark(s, min(s + n, len(text)), f"m{i}", "entity") for i, (s, n) in enumerate(spans)]
    _check_layout(text, marks)


@pytest.mark.parametrize("value, number, expected", [
    ("25000000", True, "25,000,000"), ("25000000.0", True, "25,000,000"), ("0.5", True, "0.5"),
    ("", True, ""), ("-3", True, "-3"), (None, True, ""),
    ("2001", False, "2001"),                 # a TIMEX3 year in `normalized` stays as written
    ("2018-03", False, "2018-03"), ("USD", False, "USD"),
])
def test_shown(value, number, expected):
    assert shown(value, number) == expected


def test_page_names_are_safe_and_unique():
    names = page_names(["a b", "a-b", "A-B", "../etc/passwd", "=1+2", ""])
    assert len(set(n.lower() for n in names.values())) == 6
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+\.html", n) for n in names.values())


# ---------------------------------------------------------------- a small run, written by hand

TEXT = ("Budget <script>alert('x')</script> & co.\n\n"
        "Philip Krein said: “We spent $5 million in March 2016 at Acme Corp.” He left.\n")


def _at(sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(sub, start + 1)
    return start, start + len(sub)


def _write(path: Path, rows: list[dict], columns) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(columns))
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in columns})


def _rows(doc_id: str) -> dict[str, list[dict]]:
    def item(sub, label, nth=0, **kw):
        s, e = _at(sub, nth)
        return {"doc_id": doc_id, "start_char": s, "end_char": e, "text": sub, "label": label, **kw}
    quote = item("“We spent $5 million in March 2016 at Acme Corp.”", "QUOTE", speaker="Philip Krein",
                 speaker_mention="Philip Krein", cue="said")
    quote.update(dict(zip(("speaker_start_char", "speaker_end_char"), _at("Philip Krein"))))
    quote.update(dict(zip(("cue_start_char", "cue_end_char"), _at("said"))))
    return {
        "entities": [item("Philip Krein", "PERSON"), item("Acme Corp", "ORG"),
                     item("<script>alert('x')</script>", "ORG")],   # an entity holding markup
        "quantities": [item("$5 million", "MONEY", value="5000000", unit="USD")],
        "dates": [item("March 2016", "DATE", normalized="2016-03", type="DATE"),
                  item("2016 at Acme", "DATE", normalized="2016", type="DATE")],  # crosses the ORG
        "quotes": [quote],
    }


def _make_run(folder: Path, doc_ids=("doc-1",), fmt: str = "csv", sha: str | None = None) -> Path:
    pred = folder / "pred"
    pred.mkdir(parents=True)
    texts = folder / "texts"
    texts.mkdir()
    docs, tables = [], {k.table: [] for k in schema.KINDS}
    for doc_id in doc_ids:
        (texts / f"{doc_id}.txt").write_text(TEXT, encoding="utf-8")
        docs.append({"doc_id": doc_id, "path": str(texts / f"{doc_id}.txt"), "title": f"Title of {doc_id}",
                     "published": "2018-11-01", "n_chars": len(TEXT), "status": "ok",
                     "text_sha1": sha if sha is not None else hashlib.sha1(TEXT.encode()).hexdigest()})
        for table, rows in _rows(doc_id).items():
            tables[table] += rows
    docs.append({"doc_id": "broken", "path": str(texts / "broken.txt"), "status": "error",
                 "error": "broken.txt: the file is empty"})
    frames = {schema.DOCUMENTS_TABLE: pd.DataFrame(docs, columns=schema.DOCUMENT_COLUMNS)}
    for kind in schema.KINDS:
        frames[kind.table] = pd.DataFrame(tables[kind.table], columns=kind.column_names)
    for name, df in frames.items():
        if fmt == "parquet":
            df.astype(str).replace("nan", "").to_parquet(pred / f"{name}.parquet")
        elif fmt == "jsonl":
            df.astype(object).where(df.notna(), None).to_json(pred / f"{name}.jsonl", orient="records",
                                                              lines=True, force_ascii=False)
        else:
            _write(pred / f"{name}.csv", df.astype(object).where(df.notna(), "").to_dict("records"), df.columns)
    return pred


class _Marks(HTMLParser):
    """Text of every mark (all fragments, without its tag and speaker badges), and the
    classes of each, read from a page."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str | None, bool]] = []
        self.text: dict[str, str] = {}
        self.classes: dict[str, str] = {}
        self.body = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        skip = a.get("class") in ("tag", "who") or (self.stack and self.stack[-1][1])
        self.stack.append((a.get("data-m"), bool(skip)))
        if a.get("data-m"):
            self.text.setdefault(a["data-m"], "")
            self.classes[a["data-m"]] = a.get("class", "")

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1][1]:
            return
        for mark_id, _ in self.stack:
            if mark_id:
                self.text[mark_id] += data


def _parse(path: Path) -> _Marks:
    p = _Marks()
    p.feed(path.read_text(encoding="utf-8"))
    return p


@pytest.fixture
def run(tmp_path):
    return _make_run(tmp_path)


def test_pages_are_written(run, tmp_path):
    result = build_report(run, tmp_path / "report")
    assert result.index == tmp_path / "report" / "index.html"
    assert set(result.articles) == {"doc-1"}          # the failed document has no page
    index = result.index.read_text(encoding="utf-8")
    assert 'href="articles/doc-1.html"' in index and "Title of doc-1" in index
    assert "broken.txt: the file is empty" in index
    for page in [result.index, *result.articles.values()]:
        html = page.read_text(encoding="utf-8")
        assert "<style>" in html and not re.search(r"""(src|href)=["']?(https?:)?//""", html), page


def test_every_row_is_a_mark_at_its_offsets(run, tmp_path):
    result = build_report(run, tmp_path / "report")
    marks = _parse(result.articles["doc-1"])
    rows = _rows("doc-1")
    by_kind = {"entities": "entity", "quantities": "quantity", "dates": "date", "quotes": "quote"}
    for table, kind in by_kind.items():
        texts = sorted(t for m, t in marks.text.items() if marks.classes[m].split()[1] == kind)
        assert texts == sorted(TEXT[r["start_char"]:r["end_char"]] for r in rows[table]), table
    speaker = [t for m, t in marks.text.items() if "speaker" in marks.classes[m].split()]
    cue = [t for m, t in marks.text.items() if "cue" in marks.classes[m].split()]
    assert speaker == ["Philip Krein"] and cue == ["said"]
    html = result.articles["doc-1"].read_text(encoding="utf-8")
    assert '<span class="who">— Philip Krein</span>' in html
    assert "5,000,000" in html and "2016-03" in html    # value and normalized on hover / in the panel


def test_text_is_escaped(run, tmp_path):
    result = build_report(run, tmp_path / "report")
    html = result.articles["doc-1"].read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert html.count("<script>") == 1                  # only the page's own


def test_markup_in_ids_titles_and_labels_is_escaped(tmp_path):
    pred = _make_run(tmp_path, doc_ids=('"><img src=x onerror=alert(1)>',))
    df = pd.read_csv(pred / "entities.csv", dtype=str, keep_default_na=False)
    df.loc[0, "label"] = '<b onmouseover="x">PERSON</b>'
    df.to_csv(pred / "entities.csv", index=False)
    result = build_report(pred, tmp_path / "report")
    for page in [result.index, *result.articles.values()]:
        html = page.read_text(encoding="utf-8")
        assert "<img" not in html and "<b " not in html, page


def test_overlapping_items_all_show(run, tmp_path):
    marks = _parse(build_report(run, tmp_path / "report").articles["doc-1"])
    texts = set(marks.text.values())
    # a quantity and a date inside a quotation, a date crossing an organisation
    assert {"$5 million", "March 2016", "2016 at Acme", "Acme Corp",
            "“We spent $5 million in March 2016 at Acme Corp.”"} <= texts


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_other_formats_read_like_csv(tmp_path, fmt):
    csv_html = _parse(build_report(_make_run(tmp_path / "a"), tmp_path / "ra").articles["doc-1"])
    other = _parse(build_report(_make_run(tmp_path / "b", fmt=fmt), tmp_path / "rb").articles["doc-1"])
    assert csv_html.text == other.text and len(other.text) == 9


def test_a_text_with_a_byte_order_mark_is_read_as_the_run_read_it(tmp_path):
    pred = _make_run(tmp_path)
    (tmp_path / "texts" / "doc-1.txt").write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    marks = _parse(build_report(pred, tmp_path / "report").articles["doc-1"])
    assert "Acme Corp" in marks.text.values() and "$5 million" in marks.text.values()


def test_a_text_that_is_not_the_runs_is_not_shown(tmp_path):
    pred = _make_run(tmp_path, sha="0" * 40)
    result = build_report(pred, tmp_path / "report")
    assert any("text_sha1" in n for n in result.notes)
    html = result.articles["doc-1"].read_text(encoding="utf-8")
    assert "raw text of this article was not found" in html and "We spent" in html  # listed, not marked
    assert _parse(result.articles["doc-1"]).text == {}


def test_a_path_that_is_no_article_is_not_read_without_a_hash(tmp_path):
    secret = tmp_path / "secret.cfg"
    secret.write_text(TEXT, encoding="utf-8")
    pred = _make_run(tmp_path, sha="")
    df = pd.read_csv(pred / "documents.csv", dtype=str, keep_default_na=False)
    df.loc[0, "path"] = str(secret)
    df.to_csv(pred / "documents.csv", index=False)
    result = build_report(pred, tmp_path / "report")
    assert any("raw text not found" in n for n in result.notes)
    assert _parse(result.articles["doc-1"]).text == {}


def test_rows_outside_the_text_are_listed_not_marked(run, tmp_path):
    df = pd.read_csv(run / "dates.csv", dtype=str, keep_default_na=False)
    df.loc[0, ["start_char", "end_char"]] = ["5000", "5004"]
    df.to_csv(run / "dates.csv", index=False)
    html = build_report(run, tmp_path / "report").articles["doc-1"].read_text(encoding="utf-8")
    assert "1 date row(s) with offsets outside the text" in html


def test_a_folder_mixing_two_runs_is_refused(run, tmp_path):
    write_manifest(run, {name: run / f"{name}.csv" for name in schema.TABLES})
    build_report(run, tmp_path / "ok")                          # the run as its manifest says
    with (run / "dates.csv").open("a", encoding="utf-8") as fh:  # a table of another run
        fh.write("doc-1,0,6,Budget,DATE,,,,,,\n")
    r = CliRunner().invoke(main, ["report", "--pred", str(run), "--out", str(tmp_path / "r")])
    assert r.exit_code == 2 and "dates.csv" in r.output


@pytest.mark.parametrize("pred", ["missing", "empty"])
def test_bad_prediction_folder_is_an_error(tmp_path, pred):
    folder = tmp_path / pred
    if pred == "empty":
        folder.mkdir()
    r = CliRunner().invoke(main, ["report", "--pred", str(folder), "--out", str(tmp_path / "r")])
    assert r.exit_code == 2 and "extract: error:" in r.output


# ---------------------------------------------------------------- the evaluation view

def _gold(tmp_path: Path, wrong_value: bool, speaker: str = "Philip Krein") -> Path:
    rows = _rows("doc-1")
    q = rows["quotes"][0]
    gold = [{"kind": "quote", "speaker": speaker,
             **{k: q[k] for k in ("doc_id", "start_char", "end_char", "text", "speaker_start_char",
                                  "speaker_end_char")}}]
    for table, kind in (("entities", "entity"), ("quantities", "quantity"), ("dates", "date")):
        for r in rows[table]:
            g = {k: r[k] for k in ("doc_id", "start_char", "end_char", "text", "label")}
            g.update({k: r[k] for k in ("value", "unit", "normalized", "type") if k in r})
            gold.append({"kind": kind, **g})
    for g in gold:
        if g["kind"] == "quantity":
            g["value"] = 6000000 if wrong_value else 5000000
    gold = [g for g in gold if g["text"] != "2016 at Acme"]          # a false hit
    s, e = _at("He")
    gold.append({"kind": "entity", "doc_id": "doc-1", "start_char": s, "end_char": e, "text": "He",
                 "label": "PERSON"})                                   # a miss
    path = tmp_path / "gold.jsonl"
    pd.DataFrame(gold).to_json(path, orient="records", lines=True, force_ascii=False)
    return path


def test_evaluation_view_styles_hits_misses_and_mismatches(run, tmp_path):
    gold = _gold(tmp_path, wrong_value=True)
    result = build_report(run, tmp_path / "report", gold=gold, texts_dir=tmp_path / "texts")
    marks = _parse(result.evaluations["doc-1"])
    status = {t: marks.classes[m].split()[2:] for m, t in marks.text.items()}
    assert status["$5 million"] == ["hit", "mismatch"]
    assert status["He"] == ["fn"]
    assert status["2016 at Acme"] == ["fp"]
    assert status["Acme Corp"] == ["hit"]
    html = result.evaluations["doc-1"].read_text(encoding="utf-8")
    assert "value: gold &#39;6,000,000&#39;, predicted &#39;5,000,000&#39;" in html
    summary = result.summary.read_text(encoding="utf-8")
    assert "<svg" in summary and summary.count("<rect") == 3 * 4 * 2     # P/R/F1 x kinds x schemes


@pytest.mark.parametrize("speaker, flagged", [("Philip Krein", False), ("Anna Wang Roe", True)])
def test_evaluation_view_flags_a_wrong_speaker(run, tmp_path, speaker, flagged):
    gold = _gold(tmp_path, wrong_value=False, speaker=speaker)
    result = build_report(run, tmp_path / "report", gold=gold, texts_dir=tmp_path / "texts")
    marks = _parse(result.evaluations["doc-1"])
    quote = next(m for m in marks.classes if marks.classes[m].split()[1] == "quote")
    assert ("mismatch" in marks.classes[quote].split()) is flagged
    html = result.evaluations["doc-1"].read_text(encoding="utf-8")
    assert ("speaker: gold &#39;Anna Wang Roe&#39;, predicted &#39;Philip Krein&#39;" in html) is flagged


def test_standoff_gold_items_are_named_by_the_raw_text(run, tmp_path):
    gold = _gold(tmp_path, wrong_value=False)
    df = pd.read_json(gold, lines=True).drop(columns=["text"])      # offsets only, as held-out gold
    df.to_json(gold, orient="records", lines=True, force_ascii=False)
    result = build_report(run, tmp_path / "report", gold=gold, texts_dir=tmp_path / "texts")
    html = result.evaluations["doc-1"].read_text(encoding="utf-8")
    assert re.search(r'<a href="#ehit\d+">Acme Corp</a>', html)
    assert re.search(r'<a href="#efn0">He</a>', html)


def _counts_from_page(path: Path) -> dict[str, tuple[int, int, int]]:
    html = path.read_text(encoding="utf-8")
    out = {}
    for kind, tp, fp, fn in re.findall(r'<tr data-kind="(\w+)">.*?class="tp">(\d+)</td>'
                                       r'<td class="fp">(\d+)</td><td class="fn">(\d+)</td>', html):
        out[kind] = (int(tp), int(fp), int(fn))
    return out


@pytest.mark.parametrize("scheme", ["strict", "overlap"])
def test_evaluation_counts_agree_with_extract_evaluate(tmp_path, scheme):
    gold = ROOT / "gold" / f"{SEED}.jsonl"
    result = build_report(ROOT / "outputs", tmp_path / "report", gold=gold, scheme=scheme)
    metrics = evaluate(gold, ROOT / "outputs").metrics
    counts = _counts_from_page(result.evaluations[SEED])
    assert set(counts) == set(schema.BY_NAME)
    for kind, (tp, fp, fn) in counts.items():
        row = metrics[(metrics.doc_id == SEED) & (metrics.kind == kind) & (metrics.label == "ALL")
                      & (metrics.scheme == scheme)].iloc[0]
        assert (tp, fp, fn) == (row.tp, row.fp, row.fn), kind
    summary = result.summary.read_text(encoding="utf-8")
    for r in metrics[metrics.doc_id == "ALL"].itertuples():
        assert f'data-kind="{r.kind}" data-label="{r.label}" data-scheme="{r.scheme}"' in summary


def test_the_cli_writes_the_seed_report(tmp_path):
    out = tmp_path / "report"
    r = CliRunner().invoke(main, ["report", "--pred", str(ROOT / "outputs"), "--out", str(out),
                                  "--gold", str(ROOT / "gold" / f"{SEED}.jsonl")])
    assert r.exit_code == 0, r.output
    assert "wrote 1 article pages, 1 evaluation pages" in r.output
    assert (out / "articles" / f"{SEED}.html").is_file()
    assert (out / "evaluation" / f"{SEED}.html").is_file() and (out / "evaluation" / "index.html").is_file()


def test_bar_chart_scales_to_the_value():
    rows = [{"doc_id": "ALL", "kind": "entity", "label": "ALL", "scheme": "strict",
             "precision": 1.0, "recall": 0.5, "f1": 0.0}]
    chart = bar_chart(rows, height=100)
    assert [round(b.height) for b in chart["bars"]] == [100, 50, 0]


# ---------------------------------------------------------------- size

def test_a_5000_word_article_renders_in_bounded_time(tmp_path):
    words, rows, pos = [], {"entities": [], "quantities": [], "dates": [], "quotes": []}, 0
    for i in range(5000):
        w = f"Word{i}"
        words.append(w)
        if i % 5 == 0:
            rows["entities"].append({"doc_id": "long", "start_char": pos, "end_char": pos + len(w),
                                     "text": w, "label": "ORG"})
        if i % 7 == 0:
            rows["quantities"].append({"doc_id": "long", "start_char": pos + 4, "end_char": pos + len(w),
                                       "text": w[4:], "label": "CARDINAL", "value": w[4:]})
        if i % 50 == 0:
            end = pos + sum(len(x) + 1 for x in [f"Word{j}" for j in range(i, i + 12)]) - 1
            rows["quotes"].append({"doc_id": "long", "start_char": pos, "end_char": end,
                                   "text": "q", "label": "QUOTE", "speaker": "Someone"})
        if i % 11 == 0:
            rows["dates"].append({"doc_id": "long", "start_char": pos, "end_char": pos + len(w) + 3,
                                  "text": w, "label": "DATE", "normalized": "2016", "type": "DATE"})
        pos += len(w) + 1
    text = " ".join(words)
    pred = tmp_path / "pred"
    pred.mkdir()
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    _write(pred / "documents.csv", [{"doc_id": "long", "path": str(tmp_path / "long.txt"), "status": "ok"}],
           schema.DOCUMENT_COLUMNS)
    for kind in schema.KINDS:
        _write(pred / f"{kind.table}.csv", rows[kind.table], kind.column_names)
    started = time.perf_counter()
    result = build_report(pred, tmp_path / "report")
    seconds = time.perf_counter() - started
    marks = _parse(result.articles["long"])
    assert len(marks.text) == sum(len(v) for v in rows.values())
    assert seconds < 20, f"{seconds:.1f}s for a 5,000-word article"


def test_an_index_of_2000_articles_renders_in_bounded_time(tmp_path):
    pred = tmp_path / "pred"
    pred.mkdir()
    docs = [{"doc_id": f"{i:04d}", "path": "", "title": f"Article {i}", "status": "ok", "n_chars": i}
            for i in range(2000)]
    _write(pred / "documents.csv", docs, schema.DOCUMENT_COLUMNS)
    ents = [{"doc_id": f"{i:04d}", "start_char": 0, "end_char": 3, "text": "Abc", "label": "ORG"}
            for i in range(2000) for _ in range(i % 4)]
    _write(pred / "entities.csv", ents, schema.ENTITY.column_names)
    started = time.perf_counter()
    result = build_report(pred, tmp_path / "report")
    seconds = time.perf_counter() - started
    index = result.index.read_text(encoding="utf-8")
    assert index.count("<tr") == 2001 and len(result.articles) == 2000
    assert seconds < 60, f"{seconds:.1f}s for 2,000 articles"
