"""The table of kinds: every fact about the tables and what goes in them, written once.

For each kind of item (entity, quantity, date, quote) this module gives its table name,
its labels, its columns in order with their types, its closed vocabularies, the Doc
extension its records live on and how ``extract evaluate`` scores it. The documents
table is described here too. Everything else reads these facts: the components (their
``COLUMNS``), :mod:`extract.tables` and :mod:`extract.writers` (column order and types),
:mod:`extract.gold` and :mod:`extract.evaluate` (kinds, labels, vocabularies, scored
attributes), :mod:`extract.extensions` (Doc extensions) and :mod:`extract.pipeline`.

Adding a label, a column or a vocabulary value is one edit here.

Column types are the ones the writers and readers use::

    "str"    text (pandas ``string``, Arrow ``string``)
    "int"    whole number (pandas ``Int64``, Arrow ``int64``)
    "float"  number (pandas ``float64``, Arrow ``float64``)

``nullable=False`` columns are present on every row. The first columns of each table
marked ``contract=True`` are a contract with users: columns are added, never renamed.

This module is pure data: it imports only the error messages (extract.errors).
"""
from __future__ import annotations

from dataclasses import dataclass

from .errors import ConfigError, Errors

#: the column types a table may declare
DTYPES = ("str", "int", "float")


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, type, whether it may be empty, and what it holds."""

    name: str
    dtype: str = "str"
    nullable: bool = True
    contract: bool = False
    #: closed vocabulary of the column's values (``None``: open); an empty value is always allowed
    #: where ``nullable``
    choices: tuple[str, ...] | None = None
    doc: str = ""

    def __post_init__(self) -> None:
        if self.dtype not in DTYPES:
            raise ConfigError(Errors.E011.format(column=self.name, value=self.dtype, allowed=", ".join(DTYPES)))


@dataclass(frozen=True)
class Kind:
    """One kind of extracted item and its table."""

    name: str                      # gold kind: "entity", "quantity", "date", "quote"
    table: str                     # table name: file stem of <table>.csv / .parquet
    labels: tuple[str, ...]        # the values of the label column
    columns: tuple[Column, ...]    # in table order; contract columns first
    #: Doc extension holding the kind's records (``doc._.<extension>``)
    extension: str
    #: spaCy factory that fills the extension, and the extractor name users choose it by
    factory: str
    extractor: str
    #: columns a gold record of this kind must carry, beyond the base ones
    gold_required: tuple[str, ...] = ()
    #: attributes compared on matched pairs (always), and those compared when both sides have them
    attributes: tuple[str, ...] = ()
    optional_attributes: tuple[str, ...] = ()
    #: label given to every row when the table has no label of its own to score by
    default_label: str | None = None

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def contract(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.contract)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(Errors.E012.format(table=self.table, column=name, allowed=", ".join(self.column_names)))


def _c(name: str, dtype: str = "str", nullable: bool = True, contract: bool = False,
       choices: tuple[str, ...] | None = None, doc: str = "") -> Column:
    return Column(name, dtype, nullable, contract, choices, doc)


# ---------------------------------------------------------------- Doc extensions

#: prefix of every Doc extension the package registers, so that ours never clash with another
#: package's ``doc._.dates``: records live on ``doc._.extract_dates`` etc. (``Kind.extension``)
NAMESPACE = "extract_"
#: the article's id and the date relative dates are resolved against (ISO YYYY-MM-DD or None)
DOC_ID_EXTENSION = NAMESPACE + "doc_id"
REFERENCE_DATE_EXTENSION = NAMESPACE + "reference_date"

# ---------------------------------------------------------------- vocabularies

ENTITY_LABELS: tuple[str, ...] = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT",
                                  "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE")
QUANTITY_LABELS: tuple[str, ...] = ("CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
DATE_LABELS: tuple[str, ...] = ("DATE", "TIME")
#: Quotes have no label of their own; every quotation is scored under this one.
QUOTE_LABEL = "QUOTE"
#: what a quoted phrase is: ``full`` (a sentence or more in someone's words), ``partial`` (a
#: phrase inside the writer's sentence, attributed), ``scare`` (irony or a term, no speaker),
#: ``title`` (a work, a name, a hashtag, a slogan); gold/GUIDELINES.md defines each
QUOTE_TYPES: tuple[str, ...] = ("full", "partial", "scare", "title")
#: the quote types that are someone's words: gold annotates these, and quotes are scored on them
QUOTATION_TYPES: tuple[str, ...] = ("full", "partial")
#: who the speaker is: a person, an organisation, a group of people, a role ("the spokesman");
#: ``unknown`` when no speaker could be named (the speaker column is then empty)
SPEAKER_KINDS: tuple[str, ...] = ("person", "org", "group", "role", "unknown")

#: how a quantity's value relates to the amount: ``exact``, ``approximate`` ("about 5"),
#: ``lower``/``upper`` bounds ("more than 5", "up to 5"), ``range`` ("5 to 7", value_max 7)
BOUNDS: tuple[str, ...] = ("exact", "approximate", "lower", "upper", "range")
#: TIMEX3 types
DATE_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")
#: TIMEX3 ``mod`` values
MOD_VALUES: tuple[str, ...] = ("START", "MID", "END", "APPROX", "LESS_THAN", "MORE_THAN",
                               "EQUAL_OR_LESS", "EQUAL_OR_MORE", "BEFORE", "AFTER",
                               "ON_OR_BEFORE", "ON_OR_AFTER")
#: TIMEX3 values that stand for an unanchored past, present or future
REF_VALUES: tuple[str, ...] = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
#: documents.status: ``ok``; ``partial`` (an extractor failed on the document, the other
#: tables have its rows; ``error`` says which); ``error`` (the document could not be processed)
STATUSES: tuple[str, ...] = ("ok", "partial", "error")

# ---------------------------------------------------------------- the tables

_ITEM = (
    _c("doc_id", nullable=False, contract=True, doc="the article's id (file stem or caller's id)"),
    _c("start_char", "int", nullable=False, contract=True, doc="offset into the raw text"),
    _c("end_char", "int", nullable=False, contract=True, doc="end offset into the raw text"),
    _c("text", nullable=False, contract=True, doc="the item's cleaned text"),
)

ENTITY = Kind(
    name="entity", table="entities", labels=ENTITY_LABELS,
    columns=_ITEM + (
        _c("label", nullable=False, contract=True, choices=ENTITY_LABELS),
        _c("sentence_id", "int", nullable=False, contract=True, doc="sentence number in the article, from 0"),
        _c("source", doc="model, fix:<rule> or rule:<pattern id>: what made or changed the span"),
    ),
    extension=NAMESPACE + "entities", factory="extract_entities", extractor="entities",
    gold_required=("label",),
)

QUANTITY = Kind(
    name="quantity", table="quantities", labels=QUANTITY_LABELS,
    columns=_ITEM + (
        _c("label", nullable=False, contract=True, choices=QUANTITY_LABELS),
        _c("value", "float", contract=True, doc="the number; empty when it cannot be read"),
        _c("unit", contract=True, doc="canonical unit: ISO 4217 code or a unit name; empty for counts"),
        _c("value_max", "float", doc="the upper end of a range"),
        _c("bound", choices=BOUNDS),
        _c("unit_noun", doc="the noun a count counts ('universities')"),
        _c("surface_unit", doc="the unit as written"),
        _c("note", doc="why value or unit is left empty where the text allows two readings, or the "
                       "reading taken by convention ('cents': USD assumed)"),
    ),
    extension=NAMESPACE + "quantities", factory="extract_quantities", extractor="quantities",
    gold_required=("label", "value", "unit"),
    attributes=("value", "unit"), optional_attributes=("value_max", "bound"),
)

DATE = Kind(
    name="date", table="dates", labels=DATE_LABELS,
    columns=_ITEM + (
        _c("label", nullable=False, contract=True, choices=DATE_LABELS),
        _c("normalized", contract=True, doc="TIMEX3 value against the reference date; empty when unsure"),
        _c("type", contract=True, choices=DATE_TYPES),
        _c("mod", choices=MOD_VALUES),
        _c("anchor", doc="what a relative value was resolved against"),
        _c("granularity"),
        _c("source", doc="model or rule:<name>: what found the expression"),
    ),
    extension=NAMESPACE + "dates", factory="extract_dates", extractor="dates",
    gold_required=("label", "normalized", "type"),
    attributes=("normalized", "type"), optional_attributes=("mod",),
)

QUOTE = Kind(
    name="quote", table="quotes", labels=(QUOTE_LABEL,),
    columns=_ITEM + (
        _c("speaker", contract=True, doc="the speaker's fullest name in the article; empty when unknown"),
        _c("speaker_start_char", "int", contract=True),
        _c("speaker_end_char", "int", contract=True),
        _c("cue", contract=True, doc="the reporting verb or phrase"),
        _c("cue_start_char", "int"),
        _c("cue_end_char", "int"),
        _c("speaker_mention"),
        _c("speaker_kind", choices=SPEAKER_KINDS),
        _c("label", choices=(QUOTE_LABEL,)),
        _c("method"),
        _c("chain", "int"),
        _c("n_words", "int"),
        _c("quote_type", choices=QUOTE_TYPES, doc="full, partial, scare or title (gold/GUIDELINES.md)"),
    ),
    extension=NAMESPACE + "quotes", factory="extract_quotes", extractor="quotes",
    gold_required=("speaker",),
    attributes=("speaker", "speaker_span"), optional_attributes=("cue", "quote_type"),
    default_label=QUOTE_LABEL,
)

#: the item kinds, in pipeline and table order
KINDS: tuple[Kind, ...] = (ENTITY, DATE, QUANTITY, QUOTE)
#: gold kind name -> Kind, in the order evaluations report them
BY_NAME: dict[str, Kind] = {k.name: k for k in (ENTITY, QUANTITY, DATE, QUOTE)}
#: table name -> Kind
BY_TABLE: dict[str, Kind] = {k.table: k for k in (ENTITY, QUANTITY, DATE, QUOTE)}
#: extractor name -> Kind, in pipeline order (dates before quantities, quotes last)
BY_EXTRACTOR: dict[str, Kind] = {k.extractor: k for k in KINDS}
KIND_NAMES: tuple[str, ...] = tuple(BY_NAME)

DOCUMENTS_TABLE = "documents"
DOCUMENT_COLUMNS_TYPED: tuple[Column, ...] = (
    _c("doc_id", nullable=False, contract=True),
    _c("path", contract=True),
    _c("title", contract=True),
    _c("published", contract=True, doc="publication date from metadata, YYYY-MM-DD"),
    _c("n_chars", "int", contract=True),
    _c("n_tokens", "int", contract=True),
    _c("n_sentences", "int", contract=True),
    _c("status", nullable=False, contract=True, choices=STATUSES),
    _c("error", contract=True, doc="why the document failed, naming the file and the problem"),
    _c("reference_date", doc="the date relative dates were resolved against"),
    _c("text_sha1"),
    _c("warnings"),
    _c("model", doc="the spaCy pipeline and version that processed the document (en_core_web_sm-3.8.0)"),
)
DOCUMENT_COLUMNS: tuple[str, ...] = tuple(c.name for c in DOCUMENT_COLUMNS_TYPED)

#: every table name, documents first
TABLES: tuple[str, ...] = (DOCUMENTS_TABLE,) + tuple(BY_TABLE)


def table_columns() -> dict[str, tuple[str, ...]]:
    """Each table's column names in order."""
    out = {DOCUMENTS_TABLE: DOCUMENT_COLUMNS}
    out.update({k.table: k.column_names for k in BY_TABLE.values()})
    return out


def typed_columns(table: str) -> tuple[Column, ...]:
    """The typed columns of ``table`` (a name from :data:`TABLES`)."""
    if table == DOCUMENTS_TABLE:
        return DOCUMENT_COLUMNS_TYPED
    try:
        return BY_TABLE[table].columns
    except KeyError:
        raise KeyError(Errors.E013.format(value=table, allowed=", ".join(TABLES))) from None


def contract_columns() -> dict[str, tuple[str, ...]]:
    """Each table's contract columns: the ones users and evaluators rely on."""
    out = {DOCUMENTS_TABLE: tuple(c.name for c in DOCUMENT_COLUMNS_TYPED if c.contract)}
    out.update({k.table: k.contract for k in BY_TABLE.values()})
    return out


#: attribute columns with a closed vocabulary, across kinds (gold checks these)
def choices() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for kind in BY_NAME.values():
        for col in kind.columns:
            if col.choices is not None and col.name != "label":
                out[col.name] = col.choices
    return out


__all__ = [
    "Column", "Kind", "DTYPES", "NAMESPACE", "DOC_ID_EXTENSION", "REFERENCE_DATE_EXTENSION", "ENTITY", "QUANTITY", "DATE", "QUOTE", "KINDS", "BY_NAME", "BY_TABLE",
    "BY_EXTRACTOR", "KIND_NAMES", "ENTITY_LABELS", "QUANTITY_LABELS", "DATE_LABELS", "QUOTE_LABEL",
    "QUOTE_TYPES", "QUOTATION_TYPES", "SPEAKER_KINDS",
    "BOUNDS", "DATE_TYPES", "MOD_VALUES", "REF_VALUES", "STATUSES", "DOCUMENTS_TABLE",
    "DOCUMENT_COLUMNS", "DOCUMENT_COLUMNS_TYPED", "TABLES", "table_columns", "typed_columns",
    "contract_columns", "choices",
]
