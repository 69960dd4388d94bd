"""Round 13: titles of sequels (WORK_OF_ART). A name and a sequel's number ("Halo 2", "Shrek 2",
"Half-Life 2", "Doom III") is a film's or a game's title where the model found nothing or an
organisation there and the sentence has a lower-case word for a screen work or a game
(``sequel_context`` of ``resources/entity_work_sequels.json``: "game", "film", "sequel", "title");
:func:`.titles.title_mentions` then takes the title to its other mentions. Not a name with a word
of ``sequel_blockers`` (a channel or station: "Channel 4", "Radio 2"; a race series, a war, a grade,
a part, a volume, a service pack, a day or a month), a broadcaster, a maker, a platform or a known
product ("PlayStation 2" stays a PRODUCT), an acronym alone ("USB 2"), a first name and a regnal
number ("George V"), an owner's possessive before the number ("the Bank's 2"), nor a count ("Only 7
games", "Some 6 million": a function word at the front is no title, and a number before a
lower-case noun or another number is a count or a date). Reads only words and their case (and
tags where the pipeline has them), so it works on ``spacy.blank("en")`` with hand-set entities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from ...resources import ListOf, Record, bad, load
from ..articles import is_sport
from ..gazetteer import is_first_name
from ..names import full_name_words
from ..rules import LABELS, EntityRules
from ..tokens import HYPHENS, POSSESSIVE, attached, capitalised, replace_spans, sentence_start
from .common import CUE, sentence_window

SEQUELS_FILE = "entity_work_sequels.json"
#: key of entity_work_sequels.json -> whether its entries are lower-case words
SEQUEL_LISTS = {"sequel_context": True, "sequel_blockers": False}
#: a sequel's number: 2 to 9 or a roman numeral II to IX
_NUMBER = re.compile(r"^(?:[2-9]|II|III|IV|V|VI|VII|VIII|IX)$")
#: tags of a sentence's first word that make it no title's word ("Only 7 games", "Barely 5 films")
_FUNCTION_TAGS = {"RB", "DT", "IN", "CD", "PRP", "PRP$", "MD", "CC", "WRB", "WDT", "WP", "EX", "PDT", "JJ", "JJR", "JJS"}
#: lower-case words after the number that make it a count ("Some 6 million")
_COUNT_WORDS = {"million", "billion", "bn", "m", "per", "percent", "pc", "%", "times", "years", "days", "hours",
                "minutes", "people", "of", "out", "more", "less", "am", "pm"}
#: words between two numbers of a range ("2 to 3", "2 or 3")
_RANGE_WORDS = {"to", "or", "and", "-", "–"}


@dataclass(frozen=True)
class SequelWords:
    """The lists of ``entity_work_sequels.json``."""

    sequel_context: frozenset[str]
    sequel_blockers: frozenset[str]


def validate_sequel_words(data: object = None, name: str = SEQUELS_FILE) -> SequelWords:
    """The lists of ``name`` (or ``data`` given in its place); the lower-case list checked."""
    data = load(name, Record({key: ListOf(str, nonempty=True) for key in SEQUEL_LISTS}), data)
    for key, lower in SEQUEL_LISTS.items():
        for i, entry in enumerate(data[key]):
            if not entry.strip() or (lower and entry != entry.lower()) or (not lower and not entry[:1].isupper()):
                raise bad(name, f"{key}[{i}]", f"{entry!r} must be {'lower-case words' if lower else 'a capitalised word'}")
    return SequelWords(**{key: frozenset(data[key]) for key in SEQUEL_LISTS})


@lru_cache(maxsize=None)
def sequel_words() -> SequelWords:
    return validate_sequel_words()


def _run_start(doc: Doc, j: int) -> int | None:
    """Start of the name ending right before the number at token j: capitalised words, a hyphen
    inside a word ("Half-Life"), small words "of"/"the" between capitalised words; up to six words,
    a sentence's first word the last taken. None where an owner's possessive ends the name or the
    word before the number is no capitalised word."""
    k = j - 1
    if k < 0 or not doc[k].whitespace_ or not (capitalised(doc[k]) or (doc[k].is_upper and doc[k].is_alpha)):
        return None
    start = k
    while k > 0 and j - k < 8:
        prev = doc[k - 1]
        if prev.text in HYPHENS and k >= 2 and attached(doc[k - 2], prev) and attached(prev, doc[k]) and capitalised(doc[k - 2]):
            start = k = k - 2  # "Half-Life", "Spider-Man" (a hyphen is no sentence's opener here)
            continue
        if sentence_start(doc, k):
            break
        if prev.text in POSSESSIVE:
            return None  # "the Bank's 2", "Tony Hawk's Underground 2": an owner, or a title cut at its owner
        if capitalised(prev) or (prev.is_upper and prev.is_alpha):
            if not prev.whitespace_:
                break
            start = k = k - 1
        elif prev.lower_ in {"of", "the"} and prev.is_lower and k >= 2 and capitalised(doc[k - 2]):
            k -= 1  # "Knights of the Old Republic II": the small word is taken with the capitalised word before it
        else:
            break
    return start


def _strip_front(doc: Doc, start: int, j: int) -> int:
    """``start`` moved past function words at the name's front ("Could Half-Life 2", "Only 7")."""
    while start < j and (doc[start].is_stop or (sentence_start(doc, start) and doc[start].tag_ in _FUNCTION_TAGS)
                         or doc[start].text in HYPHENS):
        start += 1
    return start


def _is_count(doc: Doc, j: int, words: SequelWords) -> bool:
    """The number at token j is a count or part of a date or code: a number, a capitalised word
    (a month, "2 U"), a slash or a dash attached, a plural noun or a word for a count after it."""
    if j + 1 >= len(doc):
        return False
    nxt = doc[j + 1]
    if not doc[j].whitespace_ and nxt.text not in {",", ".", "!", "?", ";", ":", ")", "'s", "’s"}:
        return True  # "9/11", "2-1", "5bn"
    if nxt.like_num or (capitalised(nxt) and not sentence_start(doc, j + 1)) or (nxt.is_upper and nxt.is_alpha):
        return True
    if nxt.lower_ in _RANGE_WORDS and j + 2 < len(doc) and doc[j + 2].like_num:
        return True
    plural = nxt.tag_ == "NNS" or (not nxt.tag_ and nxt.lower_.endswith("s") and nxt.lower_ in words.sequel_context)
    return nxt.is_lower and (nxt.lower_ in _COUNT_WORDS or plural)  # "the Half-Life 2 game" is no count


def in_sentence(doc: Doc, start: int, end: int, words: SequelWords) -> bool:
    """A lower-case word of ``sequel_context`` is in the sentence around [start, end) (by full stops
    and line starts, up to 40 tokens each way)."""
    k, e = sentence_window(doc, start, end, 40)
    return any(t.is_lower and t.lower_ in words.sequel_context for t in doc[k:e])


def _no_title(doc: Doc, start: int, j: int, rules: EntityRules, words: SequelWords) -> bool:
    """The name [start, j) is a channel, a station, a maker's or a product's, an acronym, a
    person's regnal name or holds a blocking word (``sequel_blockers``)."""
    name = doc[start:j]
    texts = [t.text for t in name if t.is_alpha]
    if not texts:
        return True  # no word, only abbreviations or signs: "Oct. 4", "U.S. 2"
    if any(w in words.sequel_blockers for w in texts) or name.text in rules.broadcasters:
        return True
    if any(w in rules.broadcasters or w in rules.works.makers or w in rules.works.platforms for w in texts):
        return True
    if any(product[0] == texts[0] for product in rules.works.known_products):
        return True
    if all(t.is_upper for t in name if t.is_alpha):
        return True  # "USB 2", "XDA II": a standard's or a device's code
    return len(texts) == 1 and not doc[j].text.isdigit() and is_first_name(texts[0])  # "George V"


def _candidate(doc: Doc, j: int, by_token: dict[int, Span], people: set[str], rules: EntityRules,
               words: SequelWords) -> int | None:
    """Start of a sequel's title ending in the number at token j, where no other span stands in the
    way: the model's spans there are organisations or numbers inside the name, or a person's name
    before the number that has no first name and is no word of a person's full name in the text
    ("Shrek" of "Shrek 2"); None for none."""
    if not _NUMBER.match(doc[j].text) or _is_count(doc, j, words):
        return None
    first = _run_start(doc, j)
    if first is None:
        return None
    start = _strip_front(doc, first, j)
    if start >= j or not (capitalised(doc[start]) or doc[start].is_upper) or _no_title(doc, start, j, rules, words):
        return None
    old = {(sp.start, sp.end): sp for k in range(first, j + 1) if (sp := by_token.get(k))}.values()
    if any(sp.start < first or sp.end > j + 1 or (sp.label_ in LABELS and sp.label_ != "ORG" and not (
            sp.label_ == "PERSON" and sp.end == j and not is_first_name(sp[0].text) and sp[0].text not in people))
           for sp in old):
        return None  # a product, an event, a title found already, a person's name; a longer name
    return start


def sequel_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 13: a name and a sequel's number ("Halo 2", "Doom III") is a WORK_OF_ART where the
    model found nothing, a number, an organisation or a one-word person ("Shrek") there, outside a sports report, (a function word at the front outside:
    "Could Half-Life 2") and a lower-case word for a screen work or a game is in its sentence; so
    is the same name and number at its other mentions in the text."""
    if is_sport(doc, rules):
        return spans  # "Henry 2" in a match report is a scorer
    words = sequel_words()
    people = set(full_name_words(spans))
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    found = [(start, tok.i + 1) for tok in doc if (start := _candidate(doc, tok.i, by_token, people, rules, words)) is not None]
    titles = {tuple(t.text for t in doc[s:e]) for s, e in found if in_sentence(doc, s, e, words)}
    new = [Span(doc, s, e, label="WORK_OF_ART", span_id=CUE) for s, e in found
           if tuple(t.text for t in doc[s:e]) in titles]
    return replace_spans(spans, new)
