"""The ``extract_quotes`` spaCy component: a thin layer over :func:`~extract.quotes.finder.find_quotes`.

It reads the parse, tags, sentence starts and (corrected) entities, and writes the records of
:data:`extract.schema.QUOTE` on the Doc extension named there (``doc._.extract_quotes``). Its one
setting is the rule file it reads (``lexicon_file``, package data ``resources/quotes.json``).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import schema
from ..component import ExtractComponent
from .finder import find_quotes
from .lexicon import RESOURCE, load_lexicon


class QuotesComponent(ExtractComponent):
    """Finds direct quotations and stores them on the quotes extension."""

    kind = schema.QUOTE
    data_files = {"lexicon_file": RESOURCE}
    requires = ["doc.ents", "token.dep", "token.tag", "token.pos", "token.ent_type", "token.ent_iob",
                "token.is_sent_start"]

    def load(self, lexicon_file: str) -> None:
        self.lexicon_file = lexicon_file
        self.lexicon = load_lexicon(lexicon_file)   # fail early on a broken resource file

    def find(self, doc: Doc) -> list[dict]:
        return find_quotes(doc, self.lexicon)


@Language.factory(schema.QUOTE.factory, **QuotesComponent.factory_meta())
def make_quotes(nlp: Language, name: str, lexicon_file: str) -> QuotesComponent:
    return QuotesComponent(nlp, name, lexicon_file=lexicon_file)


__all__ = ["QuotesComponent", "make_quotes"]
