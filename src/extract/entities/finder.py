"""The finder: the corrected entity spans of a Doc, and the records of ``entities.csv``."""
from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .boundaries import fix_boundaries
from .consistency import relabel
from .cues import apply_cues, people_by_surname
from .known import known_labels
from .lineups import lineup_spans
from .names import drop_dangling, extend_and_merge, split_lines, split_list, trim
from .owned import keep_owned_s
from .patterns import build_matcher, rule_spans
from .rules import LABELS, EntityRules, load_rules
from .spans import fix_spans
from .tokens import all_caps_line, has_upper, is_space
from .works import fix_works


def fix_entities(doc: Doc, matcher: Matcher | None = None, rules: EntityRules | None = None) -> list[Span]:
    """The corrected entity spans of ``doc`` (all labels), sorted and non-overlapping."""
    rules = rules or load_rules()
    if matcher is None:
        matcher = build_matcher(doc.vocab, rules)
    ruled = rule_spans(doc, matcher, rules)
    ruled_tokens = {i for sp in ruled for i in range(sp.start, sp.end)}

    # 1. fix the model's spans one by one
    fixed: list[Span] = []
    for ent in doc.ents:
        label = ent.label_
        if label not in LABELS:
            # numbers, dates: only cut at paragraph breaks and kept clear of rule spans
            for s, e in split_lines(doc, ent.start, ent.end):
                while s < e and is_space(doc[s]):
                    s += 1
                while e > s and is_space(doc[e - 1]):
                    e -= 1
                if s < e and not any(i in ruled_tokens for i in range(s, e)):
                    reason = "" if (s, e) == (ent.start, ent.end) else "fix:split"
                    fixed.append(Span(doc, s, e, label=label, span_id=reason))
            continue
        for s, e in split_list(doc, split_lines(doc, ent.start, ent.end), label, rules):
            bounds = trim(doc, s, e, label, rules)
            if bounds is None:
                continue
            s2, e2 = bounds[:2]
            new_label = bounds[2] if len(bounds) == 3 else label
            if not any(has_upper(t) for t in doc[s2:e2]) and "." not in doc[s2:e2].text:
                continue  # "bee", "280bn": no name without a capital
            if (e2 - s2 > 1 and all_caps_line(doc, s2, e2) and label in {"PERSON", "ORG", "WORK_OF_ART",
                                                                         "PRODUCT", "EVENT", "FAC", "LAW"}):
                continue  # section headings ("BIG PICTURE")
            reason = ("" if (s2, e2) == (ent.start, ent.end) else "fix:trim") if new_label == label \
                else "fix:relabel"
            fixed.append(Span(doc, s2, e2, label=new_label, span_id=reason))
    # rule spans replace the model spans they overlap
    fixed = [sp for sp in fixed if not any(i in ruled_tokens for i in range(sp.start, sp.end))]
    spans = sorted(fixed + ruled, key=lambda sp: sp.start)

    # 2. extend persons, merge split organisations, then cut joiners left dangling
    spans = drop_dangling(doc, extend_and_merge(doc, spans, rules))
    # 3. boundaries and labels the name's own words decide
    spans = fix_boundaries(doc, spans, rules)
    # 3b. spans the model cut short, split or missed (titles, acronyms, royal names, name pieces)
    spans = fix_spans(doc, spans, rules)
    # 4. labels and boundaries from the words around a name (titles, awards, roles, products)
    spans = apply_cues(doc, spans, rules)
    # 5. labels consistent with the rest of the document
    spans = people_by_surname(doc, relabel(doc, spans, rules))
    # 6. labels a word list settles (awards, groups of states, rivers, counties)
    spans = known_labels(doc, spans, rules)
    # 7. titles of works and products from the words around them, after the vote
    spans = fix_works(doc, spans, rules)
    # 8. names that end in an owner's 's take it back ("McDonald's", "Sotheby's")
    spans = keep_owned_s(doc, spans)
    # 9. lists of people in sports reports (line-ups, team announcements, results)
    spans = lineup_spans(doc, spans, rules)
    return filter_spans(spans)  # a safety net: doc.ents takes no overlaps


def sentence_ids(doc: Doc) -> list[int]:
    """Sentence index of each token (0 when the Doc has no sentence boundaries)."""
    ids = [0] * len(doc)
    if not doc.has_annotation("SENT_START") and not doc.has_annotation("DEP"):
        return ids
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            ids[i] = n
    return ids


def find_entities(doc: Doc) -> list[dict]:
    """Records of the entity-labelled spans of ``doc.ents`` (run the pipeline first)."""
    ids = None
    records = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        if ids is None:
            ids = sentence_ids(doc)
        records.append({
            "start_char": ent.start_char,
            "end_char": ent.end_char,
            "text": ent.text,
            "label": ent.label_,
            "sentence_id": ids[ent.start],
            "source": ent.id_ or "model",
        })
    return records
