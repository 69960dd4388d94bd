"""Round 13: a title with "and" inside (WORK_OF_ART). After a singular word for a work, "his album
Hopes and Fears", "the comedy Will and Grace", "the thriller Hide and Seek", the one-word title a cue
marked ends before "and" (the cue's title run stops there, as "and" joins two titles in a list); one
work is named, so the one capitalised word right after "and" (or "&") is the rest of its title, with
an owner's "'s" inside where capitalised words follow ("Bill and Ted's Excellent Adventure"). A title
of two words or more, or two words or more after "and", stay a list of two titles (:mod:`.lists`:
"the drama Thornfield and Glass Harbour"), and so does a word after "and" written elsewhere in the
text ("the drama Tarnby Lane and Corrwick. Corrwick was ..."). Not after
a plural word ("films", "series"), nor where the words after "and" start with "The" or "A" (a second
title: "Early Doors and The Alan Clark Diaries"), are a person's full name or a word of one, a place,
a nationality, a building, an event, a product, a title of their own, a broadcaster or a body's name,
or go on with a possessive ("the show Tarn Lane and Channel 4's X"). Reads only words and their case,
so it works on ``spacy.blank("en")`` with hand-set entities.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..gazetteer import is_first_name, is_place
from ..names import full_name_words
from ..rules import EntityRules
from ..spans import title_run
from ..tokens import POSSESSIVE, attached, capitalised, replace_spans, sentence_start
from .awards import award_event_words
from .common import ARTICLES, CUE

#: labels the words after "and" may not have: they name something of their own
_OWN = {"GPE", "NORP", "FAC", "EVENT", "LAW", "LANGUAGE", "PRODUCT", "WORK_OF_ART"}


def _singular_cues(rules: EntityRules) -> frozenset[str]:
    """Singular lower-case words for a work that cue a title ("album", "comedy", "single")."""
    words = rules.work_cue_before | rules.spans.work_cue_extra | award_event_words().title_cue_nouns
    return frozenset(w for w in words if not w.endswith("s"))


def _rest_end(doc: Doc, i: int, rules: EntityRules) -> int | None:
    """End of the capitalised words from token i, past an owner's "'s" with capitalised words
    after it ("Ted's Excellent Adventure"); None where a possessive ends them."""
    end = title_run(doc, i, rules, rules.spans.title_breakers)
    if end is None:
        return None
    if end < len(doc) and doc[end].text in POSSESSIVE and attached(doc[end - 1], doc[end]):
        if end + 1 < len(doc) and capitalised(doc[end + 1]):
            return _undated(doc, end + 1, title_run(doc, end + 1, rules, rules.spans.title_breakers))
        return None  # "Channel 4's", "Foxx's performance": an owner
    return _undated(doc, i, end)


def _undated(doc: Doc, start: int, end: int | None) -> int | None:
    """``end`` moved before "in 1989" at the end of the run from token ``start``: a year after a
    title is no part of it."""
    if end is not None and end - start > 2 and doc[end - 1].like_num and doc[end - 2].lower_ in {"in", "on", "at"}:
        return end - 2
    return end


def _named_alone(doc: Doc, first: str, word: str, at: int) -> bool:
    """``word`` (the first word after "and" at token ``at``) is written elsewhere in the text, not
    as another mention of the same joined title ("first and word")."""
    return any(t.text == word and t.i != at and not (t.i >= 2 and doc[t.i - 1].lower_ in {"and", "&"}
                                                      and doc[t.i - 2].text == first) for t in doc)


def joined_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 13: a title after a singular word for a work, followed by "and" and capitalised words
    ("the album Hopes and Fears"), is one WORK_OF_ART with them, where those words name nothing of
    their own."""
    cues = _singular_cues(rules)
    people = full_name_words(spans)
    new = []
    for sp in spans:
        if sp.label_ != "WORK_OF_ART" or sp.start < 1 or sp.end + 1 >= len(doc):
            continue
        cue, joiner, nxt = doc[sp.start - 1], doc[sp.end], doc[sp.end + 1]
        if not (cue.is_lower and cue.lower_ in cues and joiner.lower_ in {"and", "&"} and joiner.text != "And"):
            continue
        if not capitalised(nxt) or nxt.text in ARTICLES or sentence_start(doc, sp.end + 1):
            continue
        end = _rest_end(doc, sp.end + 1, rules)
        if end is None:
            continue
        rest = doc[sp.end + 1:end]
        if len(sp) > 1 or not (end == sp.end + 2 or doc[sp.end + 2].text in POSSESSIVE):
            continue  # two titles of two words or more, or one beside a longer name: a list (lists.py)
        if _named_alone(doc, sp.text, doc[sp.end + 1].text, sp.end + 1):
            continue  # "the drama Tarnby Lane and Corrwick. Corrwick was filmed": a title of its own
        old = [o for o in spans if o.start < end and o.end > sp.end + 1]
        if any(o.start < sp.end + 1 or o.end > end or o.label_ in _OWN for o in old):
            continue  # a longer name; a place, an event, a title of its own
        if any(o.label_ == "PERSON" and len(o) >= 2 and is_first_name(o[0].text) for o in old):
            continue  # "the film Ray and Jamie Foxx"
        if any(o.label_ == "ORG" and (o.text in rules.broadcasters or o[-1].text in rules.org_heads
                                      or o[-1].text in rules.company_heads) for o in old):
            continue  # a broadcaster, a body, a firm
        if any(t.text in people for t in rest) or rest.text in rules.broadcasters or (len(rest) > 1 and is_place(rest.text)):
            continue  # "the show Bethan and Huw" after "Huw Stephens": a person's name
        new.append(Span(doc, sp.start, end, label="WORK_OF_ART", span_id=sp.id_ or CUE))
    return replace_spans(spans, new)
