"""The pipeline component ``extract_quantities``: a thin layer over :func:`.finder.find_quantities`."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import schema
from ..component import ExtractComponent
from .finder import find_quantities
from .units import RESOURCE, load_tables


class QuantityFinder(ExtractComponent):
    """Pipeline component: find the quantities, then write them on the quantities extension."""

    kind = schema.QUANTITY
    data_files = {"units_file": RESOURCE}
    # the date records take their numbers (the model's DATE/TIME entities when the dates
    # component has not run); entities and the parse tell names, counted nouns and sentences
    requires = ["doc.ents", "token.ent_type", "token.dep", "token.pos", "token.tag", "token.is_sent_start",
                f"doc._.{schema.DATE.extension}"]

    def load(self, units_file: str) -> None:
        self.units_file = units_file
        self.tables = load_tables(units_file)  # fail early on a malformed resource

    def find(self, doc: Doc) -> list[dict]:
        return find_quantities(doc, tables=self.tables)


@Language.factory(schema.QUANTITY.factory, **QuantityFinder.factory_meta())
def make_quantities(nlp: Language, name: str, units_file: str) -> QuantityFinder:
    return QuantityFinder(nlp, name, units_file=units_file)
