"""The pipeline component ``extract_entities``: a thin layer over :func:`.finder.fix_entities`."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import schema
from .finder import find_entities, fix_entities
from .patterns import build_matcher
from .rules import PATTERNS_FILE, WORDS_FILE, load_rules


class EntityFixer:
    """Pipeline component: rewrites ``doc.ents`` with the rule spans and fix-ups."""

    def __init__(self, nlp: Language, name: str, *, words_file: str, patterns_file: str) -> None:
        self.name = name
        self.rules = load_rules(words_file, patterns_file)
        self.matcher = build_matcher(nlp.vocab, self.rules)

    def __call__(self, doc: Doc) -> Doc:
        spans = fix_entities(doc, self.matcher, self.rules)
        doc.set_ents(spans, default="outside")
        doc._.set(schema.ENTITY.extension, find_entities(doc))
        return doc


@Language.factory(
    schema.ENTITY.factory,
    assigns=["doc.ents", f"doc._.{schema.ENTITY.extension}"],
    requires=["doc.ents", "token.tag"],
    default_config={"words_file": WORDS_FILE, "patterns_file": PATTERNS_FILE},
)
def make_entity_fixer(nlp: Language, name: str, words_file: str, patterns_file: str) -> EntityFixer:
    return EntityFixer(nlp, name, words_file=words_file, patterns_file=patterns_file)
