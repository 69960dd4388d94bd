"""Round 13: titles dated by a year in brackets (WORK_OF_ART). A filmography or a discography
lists its titles with their years: "films In The Name Of The Father (1994), The Crucible (1997)
and Gangs Of New York (2003)", "Gene Kelly in Singing in the Rain (1952)". Capitalised words (small
words inside) right before a year in brackets are a title where the sentence lists two such dated
titles, or has a lower-case word for a screen work or a game (``sequel_context`` of
``resources/entity_work_sequels.json``); the title starts after a person, an organisation or a place
the model found in front of it and the small words after that ("Humphrey Bogart in Casablanca
(1944)": "Casablanca"), and a capitalised "In" or "The" at its front stays inside. Not a person's
name (a first name, or a person's name the model found with the year after it: "Tony Blair
(1997)"), a place or a nationality alone (unless two dated titles are listed), a body's or a
firm's name, a broadcaster, nor anything in a sports report ("Brazil (2002)" is a team's year).
Reads only words and their case, so it works on ``spacy.blank("en")`` with hand-set entities.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..articles import is_sport
from ..gazetteer import is_first_name
from ..rules import LABELS, EntityRules
from ..spans import title_before
from ..tokens import capitalised, replace_spans
from .common import CUE, sentence_window
from .sequels import in_sentence, sequel_words

#: labels a dated title may not be named by alone where only a context word marks it
_PLACES = {"GPE", "LOC", "FAC", "NORP"}
#: labels a dated title may not have at all
_NEVER = {"EVENT", "LAW", "LANGUAGE", "PRODUCT"}


def _year_after(doc: Doc, end: int) -> bool:
    """"(1994)" starts at token ``end``: a bracket, a year from 1880 to 2039, a closing bracket."""
    return (end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")"
            and doc[end + 1].text.isdigit() and len(doc[end + 1].text) == 4
            and 1880 <= int(doc[end + 1].text) <= 2039 and doc[end - 1].whitespace_ != "")


def _start(doc: Doc, end: int, spans: list[Span], rules: EntityRules) -> int | None:
    """Start of the title ending at token ``end``: the capitalised run before it, cut after a
    span the model found that ends inside the run before the title (a person, a place) and the
    lower-case small words after that span."""
    start = title_before(doc, end, rules)
    if start is None:
        return None
    for sp in spans:
        if start <= sp.start and sp.end < end and sp.label_ in LABELS and sp.end > start:
            k = sp.end
            while k < end and doc[k].is_lower and doc[k].lower_ in rules.title_small_words:
                k += 1
            if k > sp.end:
                start = k  # "Humphrey Bogart in Casablanca": the title after the actor and "in"
    while start < end and doc[start].is_lower:
        start += 1  # "the Jazz Singer": a lower-case "the" is outside
    if start >= end or not (capitalised(doc[start]) or doc[start].like_num or doc[start].is_upper):
        return None
    return start


def _same_sentence(doc: Doc, start: int, end: int) -> bool:
    """No full stop, question or exclamation mark between tokens ``start`` and ``end``, fewer than 80
    tokens apart (line starts do not count: a filmography may list its titles one a line)."""
    return end <= sentence_window(doc, start, start, 79, line_starts=False)[1]


def dated_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 13: capitalised words right before a year in brackets ("The Crucible (1997)") are a
    WORK_OF_ART where the sentence lists two such dated titles or has a word for a screen work."""
    if is_sport(doc, rules):
        return spans
    found = []
    for i in range(1, len(doc) - 3):
        if _year_after(doc, i):
            start = _start(doc, i, spans, rules)
            if start is not None:
                found.append((start, i))
    if not found:
        return spans
    words = sequel_words()
    new = []
    for start, end in found:
        listed = sum(1 for s, e in found if _same_sentence(doc, min(s, start), max(e, end))) >= 2
        if not (listed or in_sentence(doc, start, end, words)):
            continue
        old = [sp for sp in spans if sp.start < end and sp.end > start]
        if any(sp.start < start or sp.end > end or sp.label_ in _NEVER for sp in old):
            continue  # a longer name, an event, a product
        if any(sp.label_ == "PERSON" and (sp.end == end or is_first_name(sp[0].text)) for sp in old):
            continue  # "Tony Blair (1997)", "Al Jolson (1927)": a person and a year
        if not listed and any(sp.label_ in _PLACES and (sp.start, sp.end) == (start, end) for sp in old):
            continue  # "Cannes (2004)": a place and a year
        name = doc[start:end].text
        if (name in rules.broadcasters or doc[end - 1].text in rules.org_heads
                or doc[end - 1].text in rules.company_heads or is_first_name(doc[start].text) and end - start == 2):
            continue  # a broadcaster, a body or a firm; a first name and a surname
        if all(sp.label_ == "WORK_OF_ART" and (sp.start, sp.end) == (start, end) for sp in old) and old:
            continue
        new.append(Span(doc, start, end, label="WORK_OF_ART", span_id=CUE))
    return replace_spans(spans, new)
