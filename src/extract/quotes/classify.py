"""Which quoted spans are quotations: scare quotes, single words, titles and names are not.

Pure text, no spaCy. A quote needs six words, or a cue (two words when the cue is right next
to it: called it “a disaster”; one capitalised word ending in punctuation right before its
cue: “Absolutely,” he said). A title-cased phrase without punctuation inside the marks, or
after a possessive or "on"/"of"/"host of" (CNN’s “State of the Union,”), is a name or a title.
"""
from __future__ import annotations

import re

from .marks import MARKS, WORD_RE, Quote

_TITLE_INTRO = {"on", "of", "in", "at", "from", "for", "titled", "entitled", "called", "named",
                "dubbed", "show", "program", "programme", "book", "film", "movie", "podcast", "series"}
_MINOR = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from", "is"}
_END_PUNCT = ",.?!…—–-:;"


def title_like(text: str, q: Quote) -> bool:
    """A title or name: title case and no punctuation inside the marks, or title case after
    "CNN’s", "on", "host of" ... even with a comma inside (“Meet the Press,” he said)."""
    inner = text[q.start:q.end].strip(MARKS + " ")
    end_punct = bool(inner) and inner[-1] in _END_PUNCT
    words = WORD_RE.findall(inner)
    major = [w for w in words if w.lower() not in _MINOR]
    title_case = len(major) >= 1 and all(w[:1].isupper() or w[:1].isdigit() for w in major) \
        and len(words) <= 8
    before = text[max(0, q.start - 20):q.start].rstrip().split()
    prev_word = before[-1] if before else ""
    return title_case and (not end_punct or (
        len(major) >= 2 and (prev_word.lower() in _TITLE_INTRO or bool(re.search(r"[’']s$", prev_word)))))


def is_quotation(text: str, q: Quote, n_words: int) -> bool:
    inner = text[q.start:q.end].strip(MARKS + " ")
    end_punct = bool(inner) and inner[-1] in _END_PUNCT
    title_like = q.title
    if q.stray and not q.continued:
        # the closing mark is missing: the quote runs to the end of its paragraph
        return n_words >= 6 or (n_words >= 4 and q.cue is not None)
    if q.continued or not q.closed:
        return n_words >= 4 or q.cue is not None
    if title_like and q.method != "colon":
        return False
    if n_words >= 6:
        return True
    sentence = inner[:1].isupper() and inner[-1:] in ".?!"
    if q.cue is not None and n_words >= 2:
        # “We’re hopeful.” (a sentence), said ... an “excellent chance” (reported speech)
        return q.adjacent or n_words >= 3 or sentence or (q.method == "before" and q.governed)
    if q.method == "subject" and n_words >= 3:
        return True   # a clause-long phrase in someone's mouth
    if q.cue is not None and n_words == 1:
        return end_punct and inner[:1].isupper() and q.adjacent
    return False


#: a box or section named in a cross-reference: (see ‘On the map’)
_CROSS_REFERENCE = re.compile(r"\((?:see|see also|cf\.?)\s*$", re.IGNORECASE)
#: a quote that follows one of these (or starts its paragraph) stands as a sentence of its own
_SENTENCE_BEFORE = ":,;.!?—–-(\n"


def quote_type(text: str, q: Quote, n_words: int) -> str:
    """``full``, ``partial``, ``scare`` or ``title`` (see :data:`extract.schema.QUOTE_TYPES`).

    A title or name in marks is ``title`` (unless a colon introduces it as someone's words).
    A quotation (:func:`is_quotation`) is ``full`` when it stands as a sentence of its own
    (capitalised after a colon, a comma, a sentence end or at the start of its paragraph,
    right after its cue, or a paragraph part of a longer quote), else ``partial``: a phrase
    inside the writer's sentence. A shorter quoted phrase with a reporting verb of its own in
    its sentence (called the plan “collateral damage”) is ``partial``; one without is
    ``scare``: irony or a term, with no speaker."""
    if (q.title and q.method != "colon") or _CROSS_REFERENCE.search(text, max(0, q.start - 12), q.start):
        return "title"
    if is_quotation(text, q, n_words):
        return "full" if _stands_alone(text, q) else "partial"
    if q.stray:
        return "scare"
    if q.cue is not None and q.method in {"before", "after"}:
        return "partial"
    if q.method == "subject" and q.speaker is not None and q.speaker_kind == "person":
        return "partial"   # Trump likened the refugees to a “vicious snake”: a person's words
    return "scare"


def _stands_alone(text: str, q: Quote) -> bool:
    if q.continued or not q.closed:
        return True
    inner = text[q.start:q.end].strip(MARKS + " ")
    before = text[max(0, q.start - 200):q.start].rstrip(" \t" + MARKS)
    cue_next = q.method == "before" and q.adjacent
    if not (inner[:1].isupper() or inner[:1].isdigit()):
        # “A,” she said, “b.”: the second part of a quote split by its attribution
        return cue_next and before[-1:] == ","
    if not before or before[-1] in _SENTENCE_BEFORE:
        return True
    return cue_next


__all__ = ["title_like", "is_quotation", "quote_type"]
