"""What the rules of :mod:`.works` share: the reason each writes in ``span.id_`` (the ``source``
column) and small readers of words."""
from __future__ import annotations

from spacy.tokens import Doc, Span

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
