"""Rule spans: token patterns from ``entity_patterns.jsonl`` run by a spaCy ``Matcher``."""
from __future__ import annotations

from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..errors import Errors, ResourceError
from .rules import PATTERNS_FILE, EntityRules, load_rules
from .tokens import line_end, line_start


def build_matcher(vocab, rules: EntityRules | None = None) -> Matcher:
    rules = rules or load_rules()
    matcher = Matcher(vocab)
    for n, p in enumerate(rules.patterns):
        try:
            matcher.add(f"{p['id']}#{n}", [p["pattern"]], greedy="LONGEST")
        except (ValueError, KeyError) as exc:
            raise ResourceError(Errors.E257.format(name=PATTERNS_FILE, pattern_id=p["id"], reason=exc)) from exc
    return matcher


_BY_HASH: dict[int, tuple[EntityRules, dict[int, dict]]] = {}


def _patterns_by_hash(rules: EntityRules) -> dict[int, dict]:
    """Matcher key hash -> pattern (the hash does not depend on the Vocab)."""
    cached = _BY_HASH.get(id(rules))
    if cached is None or cached[0] is not rules:
        cached = _BY_HASH[id(rules)] = (rules, {get_string_id(f"{p['id']}#{n}"): p
                                                for n, p in enumerate(rules.patterns)})
    return cached[1]


def rule_spans(doc: Doc, matcher: Matcher, rules: EntityRules) -> list[Span]:
    by_key = _patterns_by_hash(rules)
    spans = []
    for match_id, s, e in matcher(doc):
        p = by_key[match_id]
        if "line_start" in p["require"] and not line_start(doc, s):
            continue
        if "line_end" in p["require"] and not line_end(doc, e):
            continue
        a, b = p["keep"]
        ks = s + (a or 0)
        ke = e if b is None else (s + b if b >= 0 else e + b)
        if ks < ke:
            spans.append(Span(doc, ks, ke, label=p["label"], span_id=f"rule:{p['id']}"))
    return filter_spans(spans)
