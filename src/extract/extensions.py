"""Custom attributes on spaCy objects, declared in one table and registered once.

Every record list holds plain, JSON-serialisable dicts whose ``start_char`` and
``end_char`` are offsets into ``doc.text`` (the *cleaned* text). ``extract.tables``
maps them back to the raw text when it writes rows.
"""
from __future__ import annotations

from spacy.tokens import Doc

from . import schema

#: name -> default. The names are namespaced (``extract_``, see :data:`extract.schema.NAMESPACE`)
#: so that they never clash with another package's extensions; code reads them through
#: ``schema`` (``doc._.get(schema.QUANTITY.extension)``). Lists default to None so that no
#: list object is shared between Docs; readers use ``doc._.get(...) or []``.
DOC_EXTENSIONS: dict[str, object] = {
    schema.DOC_ID_EXTENSION: None,          # str: file stem or caller-supplied id
    schema.REFERENCE_DATE_EXTENSION: None,  # str: ISO YYYY-MM-DD, or None when unknown
    # list[dict] per kind, set by the kind's component (schema.Kind.factory)
    **{kind.extension: None for kind in schema.KINDS},
}


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
