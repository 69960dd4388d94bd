"""What the rules of :mod:`.works` share: the reason each writes in ``span.id_`` (the ``source``
column) and small readers of words."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..gazetteer import is_place

#: the reason each rule writes in ``span.id_`` (the ``source`` column)
CUE, CREDIT, MENTION = "fix:work_cue", "fix:work_credit", "fix:work_mention"
KNOWN, VERSION, PRODUCT_WORD = "fix:product_known", "fix:product_version", "fix:product_word"
PLATFORM, MODEL, APPOSED = "fix:work_platform", "fix:product_model", "fix:work_apposition"
CODED, ROAD = "fix:product_code", "fix:road"
#: a title's leading article ("The Aviator")
ARTICLES = {"The", "A", "An"}


def phrase_before(doc: Doc, i: int, phrases) -> bool:
    """One of ``phrases`` (tuples of lower-case words) ends right before token i."""
    for phrase in phrases:
        n = len(phrase)
        if i >= n and all(doc[i - n + k].lower_ == w for k, w in enumerate(phrase)):
            return True
    return False


def span_words(sp: Span) -> tuple[str, ...]:
    """The words of the span, as written."""
    return tuple(t.text for t in sp)


def place_names(spans: list[Span], rules) -> set[str]:
    """Names that are places in this document: the model's GPE and LOC spans, the home nations and
    the places named by capitals ("UK", "US")."""
    return ({sp.text for sp in spans if sp.label_ in {"GPE", "LOC"}} | set(rules.home_nations)
            | set(rules.gpe_abbreviations))


def is_placed(text: str, places: set[str]) -> bool:
    """``text`` is a place: one of ``places`` (:func:`place_names`), or a name of two words or more
    the gazetteer knows (one word alone may be a town and a common word: "Best")."""
    return text in places or (" " in text and is_place(text))
