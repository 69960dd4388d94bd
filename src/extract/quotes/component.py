"""The ``extract_quotes`` spaCy component: a thin layer over :func:`~extract.quotes.finder.find_quotes`.

It reads the parse, tags, sentence starts and (corrected) entities, and writes the records of
:data:`extract.schema.QUOTE` on the Doc extension named there (``doc._.quotes``). Its one
setting is the rule file it reads (``lexicon_file``, package data ``resources/quotes.json``).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import schema
from .finder import find_quotes
from .lexicon import RESOURCE, load_lexicon


class QuotesComponent:
    """Finds direct quotations and stores them on the quotes extension."""

    def __init__(self, nlp: Language | None = None, name: str = schema.QUOTE.factory, *,
                 lexicon_file: str = RESOURCE) -> None:
        self.name = name
        self.lexicon_file = lexicon_file
        self.lexicon = load_lexicon(lexicon_file)   # fail early on a broken resource file

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(schema.QUOTE.extension, find_quotes(doc, self.lexicon))
        return doc


@Language.factory(
    schema.QUOTE.factory,
    assigns=[f"doc._.{schema.QUOTE.extension}"],
    requires=["doc.ents", "token.dep", "token.tag", "token.pos", "token.ent_type", "token.ent_iob",
              "token.is_sent_start"],
    default_config={"lexicon_file": RESOURCE},
)
def make_quotes(nlp: Language, name: str, lexicon_file: str) -> QuotesComponent:
    return QuotesComponent(nlp, name, lexicon_file=lexicon_file)


__all__ = ["QuotesComponent", "make_quotes"]
