"""Fitting the Python and spaCy ecosystem: components in anyone's pipeline, saved rules,
nlp.evaluate, the model choice, chosen extractors, and the API's ways in."""
from __future__ import annotations

import json
import logging
import subprocess
import sys
from importlib.metadata import entry_points

import pandas as pd
import pytest
import spacy
from spacy.training import Example
from spacy.tokens import Doc

import extract
from extract import pipeline, schema
from extract.errors import ConfigError, ResourceError, Warnings

TEXTS = [
    "“We will not move the plant,” said Maria Lopez, chief executive of Norvale Foods, on Tuesday. "
    "The company employs 1,200 people in Leeds and made £4.5 million last year.",
    "Prices rose by 3% in March. “It is a hard winter,” says Tom Baker, who has farmed near Ely "
    "for 30 years. He sold 40 tonnes of wheat in 2019.",
    "The council met on 12 May 2021. About 250 residents signed the petition, and the mayor, "
    "Anna Kowalski, said she would answer within two weeks.",
]
REF = "2022-01-10"


def _rows(df: pd.DataFrame) -> set[tuple]:
    return set(map(tuple, df.astype(str).values))


# ---------------------------------------------------------------- entry points

def test_the_four_factories_are_entry_points():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {k.factory for k in schema.KINDS} <= names


@pytest.mark.parametrize("base", ["blank", "default"])
def test_factories_load_in_a_fresh_process_without_importing_extract(base):
    """spaCy finds our factories through the entry points: the script never imports extract."""
    load = 'spacy.blank("en")' if base == "blank" else f'spacy.load("{pipeline.resolve_model()}")'
    script = f"""
import json, spacy
nlp = {load}
for name in ("extract_entities", "extract_dates", "extract_quantities", "extract_quotes"):
    nlp.add_pipe(name)
doc = nlp("The campus covers 80 hectares and opened in June 2016.")
print(json.dumps({{"pipes": nlp.pipe_names,
                  "quantities": [r["text"] for r in doc._.extract_quantities],
                  "dates": [r["text"] for r in doc._.extract_dates]}}))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["pipes"][-4:] == ["extract_entities", "extract_dates", "extract_quantities", "extract_quotes"]
    assert "80 hectares" in got["quantities"]
    assert "June 2016" in got["dates"]


def test_extensions_are_namespaced():
    names = [k.extension for k in schema.KINDS] + [schema.DOC_ID_EXTENSION, schema.REFERENCE_DATE_EXTENSION]
    assert all(n.startswith(schema.NAMESPACE) for n in names)
    assert all(Doc.has_extension(n) for n in names)
    assert len(set(names)) == len(names)


# ---------------------------------------------------------------- saving and scoring

@pytest.fixture(scope="module")
def own_pipeline():
    """The default model with our four components added by hand, as a user would."""
    nlp = spacy.load(pipeline.resolve_model(), exclude=["lemmatizer"])
    for kind in schema.KINDS:
        nlp.add_pipe(kind.factory)
    return nlp


def _records(doc: Doc) -> dict:
    return {k.name: doc._.get(k.extension) for k in schema.KINDS}


def test_to_disk_saves_the_rules_and_spacy_load_round_trips(own_pipeline, tmp_path):
    own_pipeline.to_disk(tmp_path / "saved")
    for kind in schema.KINDS:
        folder = tmp_path / "saved" / kind.factory
        saved = json.loads((folder / "settings.json").read_text())
        assert saved, kind.factory
        assert all((folder / name).is_file() for name in saved.values())
    again = spacy.load(tmp_path / "saved")
    assert again.pipe_names == own_pipeline.pipe_names
    for text in TEXTS:
        assert _records(again(text)) == _records(own_pipeline(text))


def test_a_saved_pipeline_reads_its_own_copy_of_the_rules(own_pipeline, tmp_path):
    own_pipeline.to_disk(tmp_path / "saved")
    folder = tmp_path / "saved" / schema.QUANTITY.factory
    name = json.loads((folder / "settings.json").read_text())["units_file"]
    (folder / name).write_text("{ not json", encoding="utf-8")
    with pytest.raises(ResourceError):
        spacy.load(tmp_path / "saved")


def test_a_data_file_is_a_setting(tmp_path):
    """A component reads the rule file its config names (here a copy outside the package)."""
    from extract.resources import read_text

    nlp = spacy.blank("en")
    copy = tmp_path / "my_quotes.json"
    copy.write_text(read_text("quotes.json"), encoding="utf-8")
    pipe = nlp.add_pipe(schema.QUOTE.factory, config={"lexicon_file": str(copy)})
    assert pipe.settings["lexicon_file"] == str(copy)
    broken = tmp_path / "broken_quotes.json"
    broken.write_text("[]", encoding="utf-8")
    with pytest.raises(ResourceError):
        spacy.blank("en").add_pipe(schema.QUOTE.factory, config={"lexicon_file": str(broken)})


def test_nlp_evaluate_reports_our_scores(own_pipeline):
    text = "The campus covers 80 hectares and cost $25 million."
    reference = own_pipeline.make_doc(text)
    gold = [(text.index("80 hectares"), len("80 hectares"), "QUANTITY"), (0, 3, "CARDINAL")]
    reference._.set(schema.QUANTITY.extension,
                    [{"start_char": s, "end_char": s + n, "label": label} for s, n, label in gold])
    scores = own_pipeline.evaluate([Example(own_pipeline.make_doc(text), reference)])
    key = schema.QUANTITY.factory
    # predicted: "80 hectares" (right) and "$25 million" (not in this gold); gold "The" is missed
    assert scores[f"{key}_p"] == pytest.approx(0.5)
    assert scores[f"{key}_r"] == pytest.approx(0.5)
    assert scores[f"{key}_per_type"]["QUANTITY"]["f"] == pytest.approx(1.0)
    # no reference annotations of the other kinds: not scored rather than scored as zero
    assert scores[f"{schema.QUOTE.factory}_f"] is None
    assert own_pipeline.get_pipe_meta(key).default_score_weights[f"{key}_f"] == 1.0


# ---------------------------------------------------------------- the model

def test_default_model_prefers_the_official_package(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: object() if name == pipeline.OFFICIAL_MODEL else real(name, *a))
    assert pipeline.resolve_model() == pipeline.OFFICIAL_MODEL
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == pipeline.OFFICIAL_MODEL else real(name, *a))
    assert pipeline.resolve_model() == pipeline.DEFAULT_MODEL
    assert pipeline.resolve_model("en_core_web_md") == "en_core_web_md"


def test_a_pipeline_that_is_not_english_is_refused(tmp_path):
    spacy.blank("de").to_disk(tmp_path / "de")
    with pytest.raises(ConfigError, match="language 'de'"):
        pipeline.build_pipeline(str(tmp_path / "de"))


def test_a_pipeline_without_ner_is_refused_by_name(tmp_path):
    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(ConfigError, match="no component that assigns doc.ents"):
        pipeline.build_pipeline(str(tmp_path / "blank"))


def test_documents_record_the_model(nlp):
    docs = extract.extract_text(TEXTS[0], nlp=nlp)["documents"]
    assert docs["model"].tolist() == [pipeline.model_name(nlp)]
    assert docs["model"][0].startswith("en_core_web_sm") and docs["model"][0].rsplit("-", 1)[1][0].isdigit()


# ---------------------------------------------------------------- choosing extractors

@pytest.fixture(scope="module")
def full_tables(nlp):
    return extract.extract_texts(TEXTS, reference_date=REF, nlp=nlp)


@pytest.mark.parametrize("chosen", [["dates", "quantities"], ["entities"], ["quotes"], ["quantities"], ["dates"]])
def test_chosen_extractors_give_the_rows_of_a_full_run(full_tables, chosen):
    nlp = pipeline.build_pipeline(extractors=chosen)
    tables = extract.extract_texts(TEXTS, reference_date=REF, nlp=nlp)
    for kind in schema.KINDS:
        if kind.extractor in chosen:
            assert _rows(tables[kind.table]) == _rows(full_tables[kind.table]), kind.table
            assert len(tables[kind.table]), kind.table
        else:
            assert tables[kind.table].empty, kind.table
    assert tables["documents"]["n_sentences"].tolist() == full_tables["documents"]["n_sentences"].tolist()


@pytest.mark.parametrize("chosen, present, absent", [
    (["entities"], {"ner", "tagger", "extract_entities"}, {"extract_dates", "extract_quotes", "extract_quantities"}),
    (["dates"], {"parser", "extract_entities", "extract_dates", f"{pipeline.SELECT_FACTORY}:dates"},
     {"extract_quantities", "extract_quotes"}),
    (["quantities"], {"extract_dates", "extract_quantities"}, {"extract_quotes"}),
    (["quotes", "entities"], {"parser", "extract_quotes"}, {"extract_dates"}),
])
def test_chosen_extractors_run_what_they_read_and_nothing_else(chosen, present, absent):
    nlp = pipeline.build_pipeline(extractors=chosen)
    names = set(nlp.pipe_names)
    assert present <= names
    assert not absent & names
    selects = [n for n in names if nlp.get_pipe_meta(n).factory == pipeline.SELECT_FACTORY]
    assert bool(selects) == (set(pipeline.with_dependencies(chosen)) != set(chosen))
    assert "lemmatizer" not in names


@pytest.mark.parametrize("value", ["dates,nope", "", "quotes,,x"])
def test_unknown_extractors_are_refused(value):
    with pytest.raises(ConfigError, match="extractor"):
        pipeline.parse_extractors(value)


def test_extractor_order_does_not_matter():
    assert pipeline.parse_extractors("quotes, dates") == ["dates", "quotes"]


# ---------------------------------------------------------------- the API's ways in

def test_extract_frame_keys_rows_by_the_callers_ids(nlp):
    df = pd.DataFrame({"body": TEXTS, "url": ["https://a/1", "https://a/2", "https://a/3"],
                       "published": ["2022-01-10", None, pd.Timestamp("2021-06-01")]})
    tables = extract.extract_frame(df, text="body", id="url", date="published", nlp=nlp)
    docs = tables["documents"].set_index("doc_id")
    assert list(docs.index) == df.url.tolist()
    assert docs.loc["https://a/1", "reference_date"] == "2022-01-10"
    assert docs.loc["https://a/3", "published"] == "2021-06-01"
    assert pd.isna(docs.loc["https://a/2", "reference_date"])
    assert docs.loc["https://a/2", "warnings"] == Warnings.W801
    assert set(tables["entities"].doc_id) <= set(df.url)
    for r in tables["quantities"].itertuples():
        text = df.set_index("url").body[r.doc_id]
        assert text[r.start_char:r.end_char] == r.text


@pytest.mark.parametrize("value, expected", [
    ("2022-01-10", "2022-01-10"), ("2022-01-10T08:30:00", "2022-01-10"), (pd.Timestamp("2021-06-01 23:59"), "2021-06-01"),
    (None, None), (float("nan"), None), (pd.NaT, None), (pd.NA, None), ("", None),
])
def test_dates_from_a_frame(value, expected):
    from extract.api import _iso

    assert _iso(value) == expected


def test_a_date_that_is_not_a_date_is_refused():
    from extract.api import _iso

    with pytest.raises(ConfigError, match="expected YYYY-MM-DD"):
        _iso("next Tuesday")


def test_extract_texts_takes_a_series_and_gives_back_its_index(nlp):
    s = pd.Series([TEXTS[0], "", TEXTS[2]], index=[101, 102, 103])
    tables = extract.extract_texts(s, nlp=nlp)
    docs = tables["documents"]
    assert docs.doc_id.tolist() == [101, 102, 103]
    assert docs.status.tolist() == ["ok", "error", "ok"]
    assert set(tables["entities"].doc_id) <= {101, 103}


def test_extract_texts_takes_a_list_and_a_string(nlp):
    assert extract.extract_texts(TEXTS[:2], nlp=nlp)["documents"].doc_id.tolist() == [0, 1]
    assert extract.extract_texts(TEXTS[0], ids=["only"], nlp=nlp)["documents"].doc_id.tolist() == ["only"]


@pytest.mark.parametrize("call, message", [
    (lambda nlp: extract.extract_frame(pd.DataFrame({"text": ["a"]}), text="body", nlp=nlp), "No column 'body'"),
    (lambda nlp: extract.extract_frame(pd.DataFrame({"text": ["a", "b"], "id": [1, 1]}), id="id", nlp=nlp),
     "Ids must be unique"),
    (lambda nlp: extract.extract_texts(["a", "b"], ids=["x"], nlp=nlp), "2 texts but 1 ids"),
    (lambda nlp: extract.extract_texts(pd.DataFrame({"text": ["a"]}), nlp=nlp), "extract_frame"),
    (lambda nlp: extract.extract_texts(42, nlp=nlp), "got int"),
])
def test_api_refuses_what_it_cannot_use(nlp, call, message):
    with pytest.raises(ConfigError, match=message):
        call(nlp)


def test_the_library_logs_and_never_prints(nlp, capsys, caplog):
    with caplog.at_level(logging.INFO, logger="extract"):
        pipeline.build_pipeline(extractors=["entities"])
        extract.extract_text(TEXTS[1], nlp=nlp)
    assert capsys.readouterr() == ("", "")
    assert any("components" in r.getMessage() for r in caplog.records if r.name == "extract")


def test_a_saved_pipeline_of_chosen_extractors_loads_without_importing_extract(tmp_path):
    pipeline.build_pipeline(extractors=["dates"]).to_disk(tmp_path / "dates-only")
    script = f"""
import json, spacy
nlp = spacy.load({str(tmp_path / "dates-only")!r})
doc = nlp("Prices rose in June 2016, said Ann Lee.")
print(json.dumps([nlp.pipe_names, [r["text"] for r in doc._.extract_dates], doc._.extract_entities]))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    pipes, dates, entities = json.loads(out.stdout.strip().splitlines()[-1])
    assert pipes[-1] == f"{pipeline.SELECT_FACTORY}:dates" and "extract_entities" in pipes
    assert dates == ["June 2016"]
    assert entities is None   # ran for the dates, not kept


def test_a_rerun_with_other_extractors_starts_afresh(tmp_path):
    """The run state reuses documents only for the same pipeline: quantities alone and
    dates+quantities run the same components, and must still not share results."""
    from extract.runner import run

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXTS[1], encoding="utf-8")
    out = tmp_path / "out"
    first = run([tmp_path / "in"], out, nlp=pipeline.build_pipeline(extractors=["quantities"]))
    again = run([tmp_path / "in"], out, nlp=pipeline.build_pipeline(extractors=["dates", "quantities"]))
    assert (first.n_documents, again.n_reused, again.n_documents) == (1, 0, 1)
    assert len(extract.read_tables(out)["dates"]) > 0


def test_a_component_refuses_a_setting_it_does_not_have():
    from extract.quantities import QuantityFinder

    with pytest.raises(ConfigError, match="Unknown extract_quantities setting 'unit_file'; allowed: units_file"):
        QuantityFinder(None, unit_file="units.json")


def test_from_disk_needs_a_folder_saved_by_to_disk(tmp_path):
    from extract.quotes import QuotesComponent

    with pytest.raises(ConfigError, match="settings.json is missing"):
        QuotesComponent(None).from_disk(tmp_path)
