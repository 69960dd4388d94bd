"""The pipeline component ``extract_entities``: a thin layer over :func:`.finder.fix_entities`."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import schema
from ..component import ExtractComponent
from .finder import find_entities, fix_entities
from .patterns import build_matcher
from .rules import PATTERNS_FILE, WORDS_FILE, load_rules


class EntityFixer(ExtractComponent):
    """Pipeline component: rewrites ``doc.ents`` with the rule spans and fix-ups."""

    kind = schema.ENTITY
    data_files = {"words_file": WORDS_FILE, "patterns_file": PATTERNS_FILE}
    requires = ["doc.ents", "token.tag"]
    assigns = ["doc.ents"]

    def load(self, words_file: str, patterns_file: str) -> None:
        self.rules = load_rules(words_file, patterns_file)
        self.matcher = build_matcher(self.vocab, self.rules)

    def __call__(self, doc: Doc) -> Doc:
        doc.set_ents(fix_entities(doc, self.matcher, self.rules), default="outside")
        return super().__call__(doc)

    def find(self, doc: Doc) -> list[dict]:
        return find_entities(doc)


@Language.factory(schema.ENTITY.factory, **EntityFixer.factory_meta())
def make_entity_fixer(nlp: Language, name: str, words_file: str, patterns_file: str) -> EntityFixer:
    return EntityFixer(nlp, name, words_file=words_file, patterns_file=patterns_file)
