"""Reader for the quantity test sets in ``../shared/data/quantities``.

Two formats, read into one shape (:class:`QuantitySentence` with gold :class:`GoldQuantity`):

* quantulum3 (``quantulum3/quantities.json``): ``[{"req": text, "res": [{"value", "unit",
  "surface"}, ...]}]``; a range is written as its midpoint ("3 to 4 L" -> 3.5).
* Microsoft Recognizers-Text as formatted by the CQE evaluation
  (``ms-recognizers/<name>-model.json``): ``[{"text", "quantities": [{"value",
  "normalized_unit"}]}]``; ``value`` is a string, a range is written "40-50".

Units stay as the data set writes them; the mapping to our canonical units lives in
:data:`UNIT_NAMES` (our unit -> the names the data sets use for it), which the benchmark
uses. It is a table of unit names, not of sentences.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Errors, GoldError

QUANTULUM = "quantulum3/quantities.json"
QUANTULUM_AMBIGUITY = "quantulum3/quantities.ambiguity.json"
MS_RECOGNIZERS = ("age", "currency", "dimension", "temperature")
#: hand-annotated held-out BBC sentences (standoff; see gold/heldout/sentences/README.md)
HELDOUT_SENTENCES = "sentences/quantities-bbc.jsonl"


@dataclass(frozen=True)
class GoldQuantity:
    value: float
    unit: str                       # as written by the data set ("metre", "pound sterling", "-")
    value_max: float | None = None  # ranges written "40-50"
    surface: str = ""               # quantulum3 only


@dataclass
class QuantitySentence:
    text: str
    gold: list[GoldQuantity] = field(default_factory=list)
    #: standoff sets: the article (path under the corpus root) and the sentence's offsets in it
    doc: str = ""
    start_char: int = 0
    end_char: int = 0


def _load(path: Path) -> list:
    if not path.is_file():
        raise GoldError(Errors.E300.format(path=path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldError(Errors.E006.format(path=path, line=exc.lineno, problem=Errors.E309.format(reason=exc.msg))) from exc
    if not isinstance(data, list):
        raise GoldError(Errors.E006.format(path=path, line=1, problem=Errors.E400.format(kind=type(data).__name__)))
    return data


def _number(path: Path, i: int, value) -> tuple[float, float | None]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value), None
    if isinstance(value, str):
        s = value.strip()
        try:
            return float(s), None
        except ValueError:
            pass
        lo, sep, hi = s.partition("-")
        if sep and lo:
            try:
                return float(lo), float(hi)
            except ValueError:
                pass
    raise GoldError(Errors.E006.format(path=path, line=i, problem=Errors.E310.format(column="value", value=value)))


def read_quantulum(path: str | Path) -> list[QuantitySentence]:
    """quantulum3's test cases; ``line`` in errors is the sentence's index (1-based; the
    files are JSON lists, so the index is what an annotator can find)."""
    path = Path(path)
    out = []
    for i, item in enumerate(_load(path), 1):
        if not isinstance(item, dict) or "req" not in item or "res" not in item:
            raise GoldError(Errors.E006.format(path=path, line=i, problem=Errors.E401.format(keys="'req', 'res'")))
        gold = []
        for q in item["res"]:
            v, vmax = _number(path, i, q.get("value"))
            gold.append(GoldQuantity(v, str(q.get("unit", "")), vmax, str(q.get("surface", ""))))
        out.append(QuantitySentence(item["req"], gold))
    return out


def read_ms_recognizers(path: str | Path) -> list[QuantitySentence]:
    """A Recognizers-Text set as formatted by CQE; ``line`` is the sentence's index."""
    path = Path(path)
    out = []
    for i, item in enumerate(_load(path), 1):
        if not isinstance(item, dict) or "text" not in item or "quantities" not in item:
            raise GoldError(Errors.E006.format(path=path, line=i, problem=Errors.E401.format(keys="'text', 'quantities'")))
        gold = []
        for q in item["quantities"]:
            v, vmax = _number(path, i, q.get("value"))
            gold.append(GoldQuantity(v, str(q.get("normalized_unit", "")), vmax))
        out.append(QuantitySentence(item["text"], gold))
    return out


def read_heldout_sentences(path: str | Path, corpus: str | Path) -> list[QuantitySentence]:
    """Hand-annotated sentences in standoff form (one JSON object a line: ``doc`` a path under
    ``corpus``, the sentence's ``start_char``/``end_char``, ``quantities`` with offsets, value,
    unit, value_max); the text is read from ``corpus``. Lines starting with ``//`` are comments."""
    path, corpus = Path(path), Path(corpus)
    if not path.is_file():
        raise GoldError(Errors.E300.format(path=path))
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("//"):
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(Errors.E006.format(path=path, line=i, problem=Errors.E309.format(reason=exc.msg))) from exc
        if not isinstance(item, dict) or not {"doc", "start_char", "end_char", "quantities"} <= set(item):
            raise GoldError(Errors.E006.format(
                path=path, line=i, problem=Errors.E401.format(keys="'doc', 'start_char', 'end_char', 'quantities'")))
        text_path = corpus / item["doc"]
        if not text_path.is_file():
            raise GoldError(Errors.E006.format(path=path, line=i, problem=Errors.E308.format(doc_id=item["doc"])))
        raw = text_path.read_text(encoding="utf-8")
        gold = []
        for q in item["quantities"]:
            v, _ = _number(path, i, q.get("value"))
            vmax = None if q.get("value_max") is None else _number(path, i, q["value_max"])[0]
            gold.append(GoldQuantity(v, str(q.get("unit", "")), vmax, raw[q["start_char"]:q["end_char"]]))
        out.append(QuantitySentence(raw[item["start_char"]:item["end_char"]], gold,
                                    item["doc"], item["start_char"], item["end_char"]))
    return out


def read_all(root: str | Path) -> dict[str, list[QuantitySentence]]:
    """Every set under ``root`` (``../shared/data/quantities``), by name."""
    root = Path(root)
    sets = {"quantulum3": read_quantulum(root / QUANTULUM)}
    for name in MS_RECOGNIZERS:
        sets[f"ms-{name}"] = read_ms_recognizers(root / "ms-recognizers" / f"{name}-model.json")
    return sets


#: Our canonical unit -> the unit names the data sets use for the same thing.
#: Plain counts (our unit "") match the data sets' dimensionless names and any counted
#: noun (see ``bench/quantities.py``). Currencies are ISO 4217 codes on our side.
UNIT_NAMES: dict[str, tuple[str, ...]] = {
    "": ("dimensionless", "-", "count", ""),
    "percent": ("percentage", "percent"),
    "percentage point": ("percentage point", "percentage"),
    "times": ("count", "dimensionless", "times"),
    "USD": ("dollar", "us dollar", "united states dollar"),
    "CAD": ("canadian dollar",),
    "AUD": ("australian dollar",),
    "NZD": ("new zealand dollar",),
    "HKD": ("hong kong dollar",),
    "MXN": ("mexican peso",),
    "GBP": ("pound sterling", "british pound"),
    "EUR": ("euro",),
    "JPY": ("japanese yen", "yen"),
    "CNY": ("chinese yuan", "yuan", "renminbi"),
    "INR": ("rupee", "indian rupee"),
    "LKR": ("sri lankan rupee",),
    "CHF": ("swiss franc",),
    "FRF": ("french franc", "swiss franc"),
    "ESP": ("peseta",),
    "DEM": ("mark", "deutsche mark"),
    "NLG": ("netherlands guilde", "netherlands guilder", "dutch guilder"),
    "FIM": ("finnish markka",),
    "TRY": ("turkish lira",),
    "CRC": ("costa rican colón", "costa rican colon"),
    "GEL": ("georgian lari",),
    "LAK": ("lao kip",),
    "XBT": ("bitcoin",),
    "satoshi": ("satoshi",),
    "cent": ("cent",),
    "penny": ("penny", "pence"),
    "km2": ("square kilometre",),
    "m2": ("square metre",),
    "cm2": ("square centimetre",),
    "sq mi": ("square mile",),
    "sq ft": ("square foot",),
    "km3": ("cubic kilometre",),
    "m3": ("cubic metre",),
    "cu ft": ("cubic foot",),
    "tonne": ("tonne", "metric ton"),
    "megatonne": ("megaton", "megatonne"),
    "gigatonne": ("gigaton", "gigatonne"),
    "part per million": ("parts-per-million", "part per million"),
    "part per billion": ("parts-per-billion", "part per billion"),
    "milliampere hour": ("milliampere-hour", "milliampere hour"),
    "ton": ("ton", "short ton"),
    "pound": ("pound-mass", "pound"),
    "degree Celsius": ("degree celsius", "celsius"),
    "degree Fahrenheit": ("degree fahrenheit", "fahrenheit"),
    "millilitre": ("millilitre", "cubic centimetre"),
    "kilometre per hour": ("kilometre per hour",),
    "mile per hour": ("mile per hour",),
    "year of age": ("year of age",),
    "month of age": ("month of age",),
    "week of age": ("week of age",),
    "day of age": ("day of age",),
}
