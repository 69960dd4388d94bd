"""Facts about tokens and their neighbours that the entity rules ask (no model needed).

Every helper reads only what any spaCy tokenizer gives (text, whitespace, case) unless its
name says otherwise; the part-of-speech tag is read only where a rule needs it.
"""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Span

#: possessive endings that are outside a name
POSSESSIVE = {"'s", "’s", "'", "’", "'S", "’S"}

#: the hyphen tokens inside a word ("Spider-Man"): hyphen-minus and the Unicode hyphen U+2010
HYPHENS = frozenset({"-", "\u2010"})
#: the same and the en dash U+2013, which some texts put inside a word or between names
HYPHENS_AND_EN_DASH = HYPHENS | {"\u2013"}


OPENERS = {'"', "“", "‘", "'", "(", "[", ":", "—", "–", "-", "«"}


# tags of words the model sometimes takes for the first word of a name ("Both Hu", "And China")
FUNCTION_TAGS = {"DT", "PDT", "CC", "IN", "RB", "PRP", "PRP$", "WDT", "WP", "WRB", "UH", "TO"}


JOINERS = {"of", "for", "and", "&", "at", "de", "du", "des"}


def is_space(tok) -> bool:
    return tok.is_space or not tok.text.strip()


def is_break(tok) -> bool:
    return is_space(tok) and "\n" in tok.text


def has_upper(tok) -> bool:
    return any(c.isupper() for c in tok.text)


def line_start(doc: Doc, i: int) -> bool:
    """Token i begins the text or a line."""
    if i == 0:
        return True
    prev = doc[i - 1]
    return is_break(prev) or prev.text_with_ws.endswith("\n")


def sentence_start(doc: Doc, i: int) -> bool:
    """Token i begins a sentence, a line, or follows an opening quote or bracket."""
    if line_start(doc, i) or doc[i].is_sent_start:
        return True
    prev = doc[i - 1]
    return prev.text in OPENERS or prev.text in {".", "!", "?"}


def line_end(doc: Doc, end: int) -> bool:
    """The text or a line ends after token end-1 (a comma or dash may close a byline)."""
    if end >= len(doc):
        return True
    if doc[end - 1].text_with_ws.endswith("\n"):
        return True
    nxt = doc[end]
    return is_break(nxt) or nxt.text in {",", "|", "—", "–", "-"}


def attached(left, right) -> bool:
    """No whitespace between two adjacent tokens."""
    return left.i + 1 == right.i and not left.whitespace_


def all_caps_line(doc: Doc, start: int, end: int) -> bool:
    """The line holding tokens [start, end) has letters and none of them is lower case.

    Walks out from the span token by token and stops at the first lower-case letter, which
    on ordinary prose is the first neighbour (the profile showed the full walk to the line
    ends costing a quarter of this component's time on one-line paragraphs)."""
    n_letters = 0

    def letters(tok) -> int | None:
        text = tok.text
        if any(c.islower() for c in text):
            return None
        return sum(c.isalpha() for c in text)

    for k in range(start, end):
        n = letters(doc[k])
        if n is None:
            return False
        n_letters += n
    i = start
    while i > 0 and not is_break(doc[i - 1]) and not doc[i - 1].text_with_ws.endswith("\n"):
        i -= 1
        n = letters(doc[i])
        if n is None:
            return False
        n_letters += n
    j = end
    while j < len(doc) and not is_break(doc[j]) and not doc[j - 1].text_with_ws.endswith("\n"):
        n = letters(doc[j])
        if n is None:
            return False
        n_letters += n
        j += 1
    return n_letters >= 4


def has_upper_after(doc: Doc, start: int, end: int) -> bool:
    return any(has_upper(t) for t in doc[start + 1:end])


def taken_tokens(spans: Iterable[Span]) -> set[int]:
    return {i for sp in spans for i in range(sp.start, sp.end)}


def apostrophe_name(text: str) -> bool:
    """O’Meara, O'Brien, D'Angelo, N’Diaye (a capital, an apostrophe, a capitalised rest)."""
    return (len(text) >= 4 and text[0].isupper() and text[1] in "’'" and text[2].isupper()
            and text[3:].replace("-", "").isalpha())


def capitalised(tok) -> bool:
    """A name-like capital: title case, or a capital first letter with more capitals inside
    ("McIlroy", "MacDonald", "DiCaprio", which ``str.istitle`` rejects)."""
    text = tok.text
    return tok.is_title or (text[:1].isupper() and any(c.islower() for c in text) and text.isalpha())


def proper(tok) -> bool:
    """A capitalised word tagged as a proper noun; without tags (a blank pipeline), any
    title-case or all-capitals word."""
    if tok.tag_:   # a tagged doc (not doc.has_annotation, which scans the whole doc when untagged)
        return tok.tag_ in {"NNP", "NNPS"} and (tok.is_title or tok.is_upper)
    return tok.is_title or (tok.is_upper and tok.is_alpha and len(tok) > 1)


def replace_spans(spans: list[Span], new: list[Span]) -> list[Span]:
    """``spans`` without the ones overlapping a span of ``new``, plus ``new``, in order."""
    if not new:
        return spans
    covered = taken_tokens(new)
    kept = [sp for sp in spans if not any(i in covered for i in range(sp.start, sp.end))]
    return sorted(kept + new, key=lambda sp: (sp.start, sp.end))
