"""The spaCy component ``extract_dates``: ``find_dates`` over every Doc."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as _extensions  # noqa: F401  (registers the Doc extensions)
from .. import schema
from ..component import ExtractComponent
from ..timex import RESOURCE, grammar
from .finder import find_dates

#: dates.csv columns, in order; the first seven are the contract.
COLUMNS = list(schema.DATE.column_names)


class DateFinder(ExtractComponent):
    """Pipeline component: the date records of ``find_dates`` on the Doc's date extension."""

    kind = schema.DATE
    data_files = {"words_file": RESOURCE}
    options = {"use_ner": True, "use_dateparser": True, "keep_unparsed": True}
    # also read, when present: token.lemma (the default pipeline has no lemmatizer) and
    # the reference date extension, which the caller sets (no component assigns it)
    requires = ["doc.ents", "doc.sents", "token.dep", "token.tag", "token.pos"]

    def load(self, words_file: str) -> None:
        self.words_file = words_file
        grammar(words_file)   # read and check the word lists now, not at the first Doc

    def find(self, doc: Doc) -> list[dict]:
        return find_dates(doc, use_ner=self.settings["use_ner"], use_dateparser=self.settings["use_dateparser"],
                          keep_unparsed=self.settings["keep_unparsed"], words_file=self.words_file)


@Language.factory(schema.DATE.factory, **DateFinder.factory_meta())
def make_date_finder(nlp: Language, name: str, use_ner: bool, use_dateparser: bool,
                     keep_unparsed: bool, words_file: str) -> DateFinder:
    return DateFinder(nlp, name, use_ner=use_ner, use_dateparser=use_dateparser,
                      keep_unparsed=keep_unparsed, words_file=words_file)
