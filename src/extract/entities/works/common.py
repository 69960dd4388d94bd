"""What the rules of :mod:`.works` share: the reason each writes in ``span.id_`` (the ``source``
column) and small readers of words."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span

from ..gazetteer import is_place
from ..tokens import capitalised, line_start, sentence_start

#: the reason each rule writes in ``span.id_`` (the ``source`` column)
CUE, CREDIT, MENTION = "fix:work_cue", "fix:work_credit", "fix:work_mention"
KNOWN, VERSION, PRODUCT_WORD = "fix:product_known", "fix:product_version", "fix:product_word"
PLATFORM, MODEL, APPOSED = "fix:work_platform", "fix:product_model", "fix:work_apposition"
CODED, ROAD = "fix:product_code", "fix:road"
#: a title's leading article ("The Aviator")
ARTICLES = {"The", "A", "An"}
#: words that end a sentence for :func:`sentence_window`
SENTENCE_ENDS = frozenset({".", "!", "?"})


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


def spans_over(by_token: dict[int, Span], start: int, end: int) -> list[Span]:
    """The spans holding a token of ``doc[start:end]``, each once, in token order (``by_token``
    maps each token index to the span holding it)."""
    return list({(sp.start, sp.end): sp for j in range(start, end) if (sp := by_token.get(j))}.values())


def capitalised_run_start(doc: Doc, k: int, max_words: int, keep=None, stop_at_sentence_start: bool = False) -> int:
    """Start of the run of up to ``max_words`` capitalised or all-capital words, each followed by a
    space, that ends right before token k; k for none. ``keep(token)``, when given, must also hold
    for each word taken; with ``stop_at_sentence_start`` a sentence's first word is the last taken."""
    start = k
    while (start > 0 and k - start < max_words and doc[start - 1].whitespace_ and not doc[start - 1].is_space
           and (capitalised(doc[start - 1]) or (doc[start - 1].is_upper and doc[start - 1].is_alpha))
           and (keep is None or keep(doc[start - 1]))):
        start -= 1
        if stop_at_sentence_start and sentence_start(doc, start):
            break
    return start


def name_occurrences(doc: Doc, names: Iterable[tuple[str, ...]]) -> Iterator[tuple[int, int]]:
    """(start, end) token offsets of every occurrence of one of ``names`` (each a tuple of words as
    written), by start token, then in the order of ``names``."""
    for tok in doc:
        for words in names:
            end = tok.i + len(words)
            if tok.text == words[0] and span_words(doc[tok.i:end]) == words:
                yield tok.i, end


def place_names(spans: list[Span], rules) -> set[str]:
    """Names that are places in this document: the model's GPE and LOC spans, the home nations and
    the places named by capitals ("UK", "US")."""
    return ({sp.text for sp in spans if sp.label_ in {"GPE", "LOC"}} | set(rules.home_nations)
            | set(rules.gpe_abbreviations))


def is_placed(text: str, places: set[str]) -> bool:
    """``text`` is a place: one of ``places`` (:func:`place_names`), or a name of two words or more
    the gazetteer knows (one word alone may be a town and a common word: "Best")."""
    return text in places or (" " in text and is_place(text))


def title_with_article(doc: Doc, start: int, end: int, reason: str) -> Span:
    """The title [start, end) as a WORK_OF_ART (``reason`` in its ``id_``), with a capitalised
    article right before it ("The Office" where the model found "Office")."""
    if start > 0 and doc[start - 1].text in ARTICLES and doc[start - 1].whitespace_:
        start -= 1
    return Span(doc, start, end, label="WORK_OF_ART", span_id=reason)


def sentence_window(doc: Doc, start: int, end: int, reach: int, line_starts: bool = True) -> tuple[int, int]:
    """(k, e): the tokens around [start, end) up to the nearest full stop, question or exclamation
    mark each way (the marks outside), at most ``reach`` tokens each way; with ``line_starts`` a
    line's start also bounds it. One window for the rules that look for a word in a title's sentence
    (:mod:`.sequels`, :mod:`.dated`, :mod:`.awarded`)."""
    k = start
    while k > 0 and start - k < reach and doc[k - 1].text not in SENTENCE_ENDS and not (line_starts and line_start(doc, k)):
        k -= 1
    e = end
    while (e < len(doc) and e - end < reach and doc[e].text not in SENTENCE_ENDS
           and not (line_starts and e > end and line_start(doc, e))):
        e += 1
    return k, e
