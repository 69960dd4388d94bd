"""What kind of article a document is, read from its words.

Some rules hold only in one kind of article: a town before "were" is a club in a sports report
(:mod:`.teams`, :mod:`.orgs`), a short list line is a line-up only there (:mod:`.lineups`). This
module answers the question once, below every rule module, so that none of them has to import
another rule module for it.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .rules import EntityRules


def is_sport(doc: Doc, rules: EntityRules, least: int = 3) -> bool:
    """The article is a sports report: at least ``least`` different words of ``sport_words``."""
    seen = set()
    for t in doc:
        if t.lower_ in rules.sport_words:
            seen.add(t.lower_)
            if len(seen) >= least:
                return True
    return False
