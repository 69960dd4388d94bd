"""What the four extraction components share: one base class over a pure finder.

A component says which kind it extracts and which data files it reads; the base does
the rest, the spaCy way::

    class QuantityFinder(ExtractComponent):
        kind = schema.QUANTITY
        data_files = {"units_file": "units.json"}   # setting -> default package data file
        requires = ["doc.ents", "token.dep"]

        def load(self, units_file):                  # read the rules the settings name
            self.tables = load_tables(units_file)

        def find(self, doc):                         # the pure finder: records for the Doc
            return find_quantities(doc, self.tables)

    @Language.factory(schema.QUANTITY.factory, **QuantityFinder.factory_meta())
    def make_quantities(nlp, name, units_file):
        return QuantityFinder(nlp, name, units_file=units_file)

* ``__call__`` is find, then write: ``doc._.<kind.extension>`` (see :mod:`extract.schema`).
* Every data file is a setting of the component's config (``default_config``), so a user
  points a component at their own word list in the config, or with
  ``nlp.add_pipe("extract_quantities", config={"units_file": "/path/units.json"})``. A setting
  is a file name in the package data or a path.
* ``to_disk``/``from_disk`` save the rules with the pipeline: ``nlp.to_disk(d)`` copies every
  data file into ``d/<component name>/`` and ``spacy.load(d)`` reads them from there, so a
  saved pipeline keeps the rules it was saved with.
* ``score`` gives ``nlp.evaluate`` strict span P/R/F1 of the kind (keys
  ``<factory>_p/_r/_f/_per_type``, e.g. ``extract_quantities_f``), comparing the predicted
  records with those on the reference Doc's extension (for entities, the reference's
  ``doc.ents`` when the extension is not set); references without annotations of the kind
  are left out. ``default_score_weights`` weighs the F1.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar, Iterable

from spacy.tokens import Doc

from . import extensions as _extensions  # noqa: F401  (registers the Doc extensions)
from . import resources, schema
from .errors import ConfigError, Errors
from .scoring import PRF, Span, match_spans

#: file in a component's to_disk folder naming its data files
SETTINGS_FILE = "settings.json"


class ExtractComponent:
    """Base of the extraction components: find records, write them on the Doc's extension."""

    #: the kind this component extracts (its extension, labels and factory name)
    kind: ClassVar[schema.Kind]
    #: config setting -> default data file (a name in extract/resources or a path)
    data_files: ClassVar[dict[str, str]] = {}
    #: what the component reads and writes, as spaCy declares it (``assigns`` adds the extension)
    requires: ClassVar[list[str]] = []
    assigns: ClassVar[list[str]] = []
    #: other settings of ``default_config`` (not files)
    options: ClassVar[dict[str, Any]] = {}

    def __init__(self, nlp=None, name: str | None = None, **settings: Any) -> None:
        self.name = name or self.kind.factory
        self.vocab = getattr(nlp, "vocab", None)
        unknown = sorted(set(settings) - set(self.data_files) - set(self.options))
        if unknown:
            allowed = ", ".join([*self.data_files, *self.options]) or "none"
            raise ConfigError(Errors.E007.format(what=f"{self.name} setting", value=unknown[0], allowed=allowed))
        self.settings = {**self.data_files, **self.options, **settings}
        self._load()

    # ------------------------------------------------------------ declared by each component

    def load(self, **files: str) -> None:
        """Read the rules from the data files the settings name (override)."""

    def find(self, doc: Doc) -> list[dict]:
        """The records of this kind in ``doc`` (override)."""
        raise NotImplementedError

    # ------------------------------------------------------------ the spaCy protocol

    @classmethod
    def factory_meta(cls) -> dict[str, Any]:
        """Keyword arguments for ``@Language.factory``: what it assigns and requires, its
        config (the data files and options) and its score weights."""
        assigns = list(dict.fromkeys([*cls.assigns, f"doc._.{cls.kind.extension}"]))
        return {"assigns": assigns, "requires": list(cls.requires),
                "default_config": {**cls.data_files, **cls.options},
                "default_score_weights": cls.score_weights()}

    @classmethod
    def score_weights(cls) -> dict[str, float | None]:
        key = cls.kind.factory
        return {f"{key}_f": 1.0, f"{key}_p": 0.0, f"{key}_r": 0.0, f"{key}_per_type": None}

    def _load(self) -> None:
        files = {k: str(self.settings[k]) for k in self.data_files}
        self.load(**files)

    def set_annotations(self, doc: Doc, records: list[dict]) -> None:
        doc._.set(self.kind.extension, records)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    # ------------------------------------------------------------ saving the rules

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Copy every data file into ``path`` and name them in settings.json."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        saved = {}
        for setting in self.data_files:
            source = str(self.settings[setting])
            target = Path(source).name
            (path / target).write_text(resources.read_text(source), encoding="utf-8")
            saved[setting] = target
        (path / SETTINGS_FILE).write_text(json.dumps(saved, indent=2) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "ExtractComponent":
        """Read the data files saved by :meth:`to_disk` and load the rules from them."""
        path = Path(path)
        settings_file = path / SETTINGS_FILE
        if not settings_file.is_file():
            raise ConfigError(Errors.E807.format(name=self.name, path=settings_file))
        saved = json.loads(settings_file.read_text(encoding="utf-8"))
        for setting, file_name in saved.items():
            if setting in self.data_files:
                self.settings[setting] = str((path / file_name).resolve())
        self._load()
        return self

    # ------------------------------------------------------------ scoring for nlp.evaluate

    def _spans(self, doc: Doc, reference: bool) -> list[Span] | None:
        """The kind's spans on ``doc``; None for a reference Doc that carries no annotation of
        this kind (its example is left out of the score)."""
        records = doc._.get(self.kind.extension)
        if records is None and reference:
            if self.kind is not schema.ENTITY or not doc.has_annotation("ENT_IOB"):
                return None
            records = [{"start_char": e.start_char, "end_char": e.end_char, "label": e.label_}
                       for e in doc.ents]
        return [Span(r["start_char"], r["end_char"], r.get("label") or self.kind.default_label or "")
                for r in records or []]

    def score(self, examples: Iterable, **kwargs: Any) -> dict[str, Any]:
        """Strict span P/R/F1 of this kind over ``examples`` (spaCy ``Example`` objects) whose
        reference Doc is annotated for it; None when none is."""
        key = self.kind.factory
        total = PRF()
        per_type: dict[str, PRF] = {}
        n_scored = 0
        for eg in examples:
            gold = self._spans(eg.reference, True)
            if gold is None:
                continue
            n_scored += 1
            result = match_spans(gold, self._spans(eg.predicted, False))
            total = total + result.prf
            for span, count in ([(g, "tp") for g, _ in result.pairs] + [(g, "fn") for g in result.false_negatives]
                                + [(p, "fp") for p in result.false_positives]):
                prf = per_type.setdefault(span.label, PRF())
                setattr(prf, count, getattr(prf, count) + 1)
        if not n_scored:
            return {f"{key}_p": None, f"{key}_r": None, f"{key}_f": None, f"{key}_per_type": None}
        return {f"{key}_p": total.precision, f"{key}_r": total.recall, f"{key}_f": total.f1,
                f"{key}_per_type": {label: {"p": s.precision, "r": s.recall, "f": s.f1}
                                    for label, s in sorted(per_type.items())}}


__all__ = ["ExtractComponent", "SETTINGS_FILE"]
