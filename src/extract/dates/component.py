"""The spaCy component ``extract_dates``: ``find_dates`` over every Doc."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as _extensions  # noqa: F401  (registers the Doc extensions)
from .. import schema
from ..timex import RESOURCE, grammar
from .finder import find_dates

#: dates.csv columns, in order; the first seven are the contract.
COLUMNS = list(schema.DATE.column_names)


class DateFinder:
    """Pipeline component: the date records of ``find_dates`` on the Doc's date extension."""

    def __init__(self, nlp: Language, name: str, *, use_ner: bool, use_dateparser: bool,
                 keep_unparsed: bool, words_file: str = RESOURCE):
        self.name = name
        self.use_ner = use_ner
        self.use_dateparser = use_dateparser
        self.keep_unparsed = keep_unparsed
        self.words_file = words_file
        grammar(words_file)   # read and check the word lists now, not at the first Doc

    def __call__(self, doc: Doc) -> Doc:
        records = find_dates(doc, use_ner=self.use_ner, use_dateparser=self.use_dateparser,
                             keep_unparsed=self.keep_unparsed, words_file=self.words_file)
        doc._.set(schema.DATE.extension, records)
        return doc


@Language.factory(
    schema.DATE.factory,
    assigns=[f"doc._.{schema.DATE.extension}"],
    # token.lemma is read when a lemmatizer ran (the default pipeline excludes it)
    requires=["doc.ents", "doc.sents", "token.dep", "token.tag", "token.pos"],
    default_config={"use_ner": True, "use_dateparser": True, "keep_unparsed": True, "words_file": RESOURCE},
)
def make_date_finder(nlp: Language, name: str, use_ner: bool, use_dateparser: bool,
                     keep_unparsed: bool, words_file: str) -> DateFinder:
    return DateFinder(nlp, name, use_ner=use_ner, use_dateparser=use_dateparser,
                      keep_unparsed=keep_unparsed, words_file=words_file)
