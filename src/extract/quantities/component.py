"""The pipeline component ``extract_quantities``: a thin layer over :func:`.finder.find_quantities`."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import schema
from .finder import find_quantities
from .units import RESOURCE, load_tables


class QuantityFinder:
    """Pipeline component: find the quantities, then write them on the quantities extension."""

    def __init__(self, nlp: Language, name: str = schema.QUANTITY.factory, *, units_file: str = RESOURCE) -> None:
        self.name = name
        self.units_file = units_file
        self.tables = load_tables(units_file)  # fail early on a malformed resource

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(schema.QUANTITY.extension, find_quantities(doc, tables=self.tables))
        return doc


@Language.factory(
    schema.QUANTITY.factory,
    assigns=[f"doc._.{schema.QUANTITY.extension}"],
    # the date records take their numbers (the model's DATE/TIME entities when the dates
    # component has not run); entities and the parse tell names, counted nouns and sentences
    requires=["doc.ents", "token.ent_type", "token.dep", "token.pos", "token.tag", "token.is_sent_start",
              f"doc._.{schema.DATE.extension}"],
    default_config={"units_file": RESOURCE},
)
def make_quantities(nlp: Language, name: str, units_file: str) -> QuantityFinder:
    return QuantityFinder(nlp, name, units_file=units_file)
