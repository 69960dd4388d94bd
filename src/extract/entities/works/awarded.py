"""Round 14: titles named after a person in a sentence about awards (WORK_OF_ART). A list of
nominees names each person with the work they are up for: "nominees in the best actress category
include Charlize Theron for Monster, Ziyi Zhang for House of Flying Daggers", "up for the best
director award, alongside Martin Scorsese for The Aviator". Capitalised words (small words inside:
"Eternal Sunshine of the Spotless Mind") right after a person the model found and "for" are a
title where the sentence has a word of ``award_sentence_words`` (``resources/entity_works.json``:
"award", "nominees", "category", "best"); the model's spans inside are replaced. Not in a sports
report, not a grade or a medium first ("for Best Actress"), a place, a nationality, a body or a
broadcaster, nor a name before a possessive or a lower-case word for works; a subtitle after a
colon keeps its "and" ("Door in the Mountain: New and Collected Poems").

:func:`category_places`: a name the model read as a place right after an award category and "for"
("a best supporting actor award for Closer") is the title where the gazetteer knows no such place
and the article names it as a place nowhere else.

Reads only words and their case, so it works on ``spacy.blank("en")`` with hand-set entities.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..articles import is_sport
from ..gazetteer import is_place
from ..spans import title_run, with_subtitle
from ..tokens import POSSESSIVE, capitalised, replace_spans
from .awards import award_event_words
from .common import CUE, place_names, sentence_window, spans_over
from .titles import _award_before as award_category_before, _names_author as names_author, cut_at_names, org_as_title

#: labels of the model's that keep a name after "for" from being a title
_NOT_TITLE = {"NORP", "LAW", "LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
#: place labels: a title there only where the name is no place the article or the gazetteer knows
_PLACES = {"GPE", "LOC", "FAC"}


def _award_sentence(doc: Doc, start: int, end: int, rules) -> bool:
    """A lower-case word of ``award_sentence_words`` is in the sentence of tokens [start, end)."""
    k, e = sentence_window(doc, start, end, 60)
    return any(t.is_lower and t.lower_ in rules.works.award_sentence_words for t in doc[k:e])


def _subtitle_end(doc: Doc, end: int, spans: list[Span], rules) -> int:
    """A subtitle's end moved over "and" and the capitalised words after it ("Door in the Mountain:
    New and Collected Poems"), unless a person the model found starts there."""
    if end + 1 < len(doc) and doc[end].lower_ in {"and", "&"} and capitalised(doc[end + 1]):
        if any(sp.start == end + 1 and sp.label_ == "PERSON" for sp in spans):
            return end
        return title_run(doc, end + 1, rules, rules.spans.title_breakers) or end
    return end


def awarded_titles(doc: Doc, spans: list[Span], rules) -> list[Span]:
    """"Charlize Theron for Monster" in a sentence about awards: the title after a person and "for"
    is a WORK_OF_ART."""
    if not rules.works.award_sentence_words or is_sport(doc, rules):
        return spans
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    person_ends = {sp.end for sp in spans if sp.label_ == "PERSON"}
    places = None
    new = []
    for i in range(2, len(doc)):
        if doc[i - 1].lower_ != "for" or i - 1 not in person_ends or not doc[i].is_alpha or not capitalised(doc[i]):
            continue
        if doc[i].text in award_event_words().award_front_blockers or doc[i].text in rules.broadcasters:
            continue  # "Kate Winslet for Best Actress": a category
        run = title_run(doc, i, rules, rules.spans.title_breakers)
        if run is None:
            continue
        end = with_subtitle(doc, run, rules)
        if end > run:
            end = _subtitle_end(doc, end, spans, rules)
        end = cut_at_names(doc, i, end, spans, rules)
        old = spans_over(by_token, i, end)
        if any(sp.start < i or sp.end > end for sp in old) or names_author(doc, end, rules):
            continue  # a longer name; an author ("Kit Varley novels")
        if not _award_sentence(doc, i, end, rules):
            continue
        text = doc[i:end].text
        if text in rules.works.not_titles or text in rules.award_names or doc[end - 1].text in rules.award_heads:
            continue  # "for Oscar", "for the Bafta": an award, not a work
        if any(sp.label_ in _NOT_TITLE for sp in old) or any(sp.label_ == "ORG" and sp.start == i and not org_as_title(doc, sp, rules)
                                                              for sp in old):
            continue
        if places is None:
            places = place_names(spans, rules)
        if text in places or is_place(text) or any(sp.label_ in _PLACES and sp.text in places for sp in old):
            continue  # "Lee for Britain"
        if old and all(sp.label_ == "WORK_OF_ART" and (sp.start, sp.end) == (i, end) for sp in old):
            continue
        new.append(Span(doc, i, end, label="WORK_OF_ART", span_id=CUE))
    return replace_spans(spans, new)


def category_places(doc: Doc, spans: list[Span], rules) -> list[Span]:
    """Round 14: "a best supporting actor award for Closer", "best actress for Glassmoor": a name the
    model read as a place (GPE, LOC) right after an award category and "for" is the title where the
    gazetteer knows no such place and the article names it nowhere else as one (not "best
    film for Britain"); a place of two words or more the gazetteer knows stays."""
    if is_sport(doc, rules):
        return spans
    new = []
    for sp in spans:
        if sp.label_ not in _PLACES - {"FAC"} or sp.start < 3 or not award_category_before(doc, sp.start, rules):
            continue
        if is_place(sp.text) or sp.text in set(rules.home_nations) | set(rules.gpe_abbreviations):
            continue
        if sum(1 for o in spans if o.text == sp.text and o.label_ in _PLACES) != sum(
                1 for o in spans if o.text == sp.text and o.label_ in _PLACES and award_category_before(doc, o.start, rules)):
            continue  # a place elsewhere in the article, not after a category
        if sp.end < len(doc) and (doc[sp.end].text in POSSESSIVE or capitalised(doc[sp.end])):
            continue
        new.append(Span(doc, sp.start, sp.end, label="WORK_OF_ART", span_id=CUE))
    return replace_spans(spans, new)
