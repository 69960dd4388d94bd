"""Named awards (WORK_OF_ART) the model missed or gave another label (round 9; word lists in
``resources/entity_awards_events.json``):

* a name of one to four capitalised words right before a lower-case award noun (``award_nouns``:
  "the Brit awards", "five Mobo nominations", "the Berlinale Camera award", "a Golden Globe award")
  is a WORK_OF_ART without the noun, as "a name followed by its lower-case head noun keeps the name
  only"; not a place, a nationality's word ("British nominees"), a person's full name, a broadcaster
  ("an MTV prize"), an owner before a possessive ("Keane's award"), a medium, a grade or a
  determiner (``award_front_blockers``: "TV awards", "Best Dance Act prize");
* an award's name of two words or more (``award_names``: "Brit Awards", "Booker Prize") is a
  WORK_OF_ART at every mention, where the model found nothing or only pieces of it ("Brit" NORP +
  "Award" PERSON, "Booker" without its "Prize").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from ...resources import ListOf, Record, bad, load
from ..gazetteer import is_first_name
from ..rules import LABELS, EntityRules
from ..tokens import POSSESSIVE, capitalised, replace_spans, sentence_start
from .common import capitalised_run_start, is_placed, name_occurrences, place_names, spans_over

AWARDS_EVENTS_FILE = "entity_awards_events.json"
#: key of entity_awards_events.json -> whether its entries are lower-case words
AWARDS_EVENTS_LISTS = {"award_nouns": True, "award_front_blockers": False, "award_front_strip": False,
                       "award_body_heads": False, "event_heads_bare": False, "legal_fronts": False,
                       "title_cue_nouns": True, "title_cue_weak_of": True,
                       "title_heads_after": True, "award_title_joiners": False}
#: lists a word file may leave out (round 10; empty when absent)
AWARDS_EVENTS_OPTIONAL = ("title_cue_weak_of", "title_heads_after", "award_title_joiners")
#: the reasons these rules write in ``span.id_``
AWARD_NOUN, AWARD_NAME = "fix:award_noun", "fix:award_name"
#: labels an award's name before its noun may not have: a place, a work already, an event
_NOT_AWARD = {"WORK_OF_ART", "EVENT"}


@dataclass(frozen=True)
class AwardEventWords:
    """The lists of ``entity_awards_events.json``."""

    award_nouns: frozenset[str]
    award_front_blockers: frozenset[str]
    award_front_strip: frozenset[str]
    award_body_heads: frozenset[str]
    event_heads_bare: frozenset[str]
    legal_fronts: frozenset[str]
    title_cue_nouns: frozenset[str]
    title_cue_weak_of: frozenset[str]  # round 10: "a version of X", "an episode of X" (a weak title cue)
    title_heads_after: frozenset[str]  # round 10: "the Matrix trilogy", "the Evil Dead movies"
    award_title_joiners: frozenset[str]  # round 14: "Award For Comedy": a joiner inside an award's name


def validate_award_event_words(data: object = None, name: str = AWARDS_EVENTS_FILE) -> AwardEventWords:
    """The lists of ``name`` (or ``data`` given in its place); the lower-case lists checked."""
    data = load(name, Record({key: ListOf(str, nonempty=True) for key in AWARDS_EVENTS_LISTS},
                             optional=AWARDS_EVENTS_OPTIONAL), data)
    for key, lower in AWARDS_EVENTS_LISTS.items():
        for i, entry in enumerate(data.get(key, ())):
            if not entry.strip() or (lower and entry != entry.lower()) or (not lower and not entry[:1].isupper()):
                raise bad(name, f"{key}[{i}]", f"{entry!r} must be {'lower-case words' if lower else 'a capitalised word'}")
    return AwardEventWords(**{key: frozenset(data.get(key, ())) for key in AWARDS_EVENTS_LISTS})


@lru_cache(maxsize=None)
def award_event_words() -> AwardEventWords:
    return validate_award_event_words()


def _front(doc: Doc, k: int, words: AwardEventWords, places: set[str]) -> int:
    """Start of the capitalised run (up to four words) ending right before token k, without a
    determiner or a place at its front ("The US Vibe awards"); k for none."""
    start = capitalised_run_start(doc, k, 4, stop_at_sentence_start=True)
    while start < k and (doc[start].text in words.award_front_strip or doc[start].text in POSSESSIVE
                         or (k - start > 1 and is_placed(doc[start].text, places))):
        start += 1
    return start


def _award_ok(doc: Doc, start: int, k: int, old: list[Span], rules: EntityRules, places: set[str],
              bodies: set[str]) -> bool:
    """The run [start, k) before an award noun may be an award's name (see the module docstring):
    a nationality's word is one only as the front of a listed award's name ("Brit" of "Brit Award")."""
    text = doc[start:k].text
    fronts = {n.split()[0] for n in rules.award_names}
    if (text.lower() in rules.demonyms and text not in fronts) or text in rules.broadcasters or is_placed(text, places):
        return False
    if doc[start].text in award_event_words().award_front_blockers:
        return False  # "TV awards", "a Best Dance Act prize": a medium or a grade
    if doc[k - 1].text in award_event_words().award_body_heads or doc[k - 1].text in rules.company_heads:
        return False  # "the European Sports Journalists Association award": the body's award
    if text in bodies:
        return False  # "Fifa president ... tipped for Fifa award": the body the article names
    if k - start == 1 and sentence_start(doc, start) and not old:
        return False  # "Awards ..." or "Prize money": one word at a sentence start, no name the model saw
    for sp in old:
        if sp.label_ in _NOT_AWARD or sp.start < start or (sp.label_ not in LABELS and sp.end > k):
            return False
        if sp.label_ == "NORP" and sp.text.lower() in rules.demonyms and sp.text not in fronts:
            return False
        if sp.label_ == "PERSON" and len(sp) >= 2 and is_first_name(sp[0].text):
            return False
    return True


def _before_award_noun(doc: Doc, end: int, words: AwardEventWords) -> bool:
    """A lower-case award noun is at token ``end``."""
    return end < len(doc) and doc[end].is_lower and doc[end].lower_ in words.award_nouns


def awards_before_nouns(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"the Brit awards", "the Berlinale Camera award": capitalised words right before a lower-case
    award noun are an award's name, a WORK_OF_ART without the noun; the model's spans there (a
    nationality, an organisation, a law read over the noun) are replaced."""
    words = award_event_words()
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    bodies = {sp.text for sp in spans if sp.label_ == "ORG" and not _before_award_noun(doc, sp.end, words)}
    new = []
    for k in range(1, len(doc)):
        if not (doc[k].is_lower and doc[k].lower_ in words.award_nouns) or not doc[k - 1].whitespace_:
            continue
        places = place_names([sp for sp in spans if sp.end <= k - 4 or sp.start >= k], rules)  # not the model's word alone
        start = _front(doc, k, words, places)
        if start == k or (start >= 2 and doc[start - 1].is_lower and doc[start - 1].lower_ in {"for", "of", "and", "the"}
                          and capitalised(doc[start - 2])):
            continue  # "the Most Wanted for Christmas prize": the end of a longer name
        old = spans_over(by_token, start, k + 1)
        if any(sp.start < k <= sp.end - 1 and sp.label_ != "LAW" for sp in old):
            continue  # the noun is inside a name the model found ("Lifetime Achievement award" aside)
        if _award_ok(doc, start, k, [sp for sp in old if sp.start < k], rules, places, bodies):
            new.append(Span(doc, start, k, label="WORK_OF_ART", span_id=AWARD_NOUN))
    return replace_spans(spans, new)


def award_names(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """An award's name of two words or more (``award_names``) is a WORK_OF_ART where the model found
    nothing there or only pieces of it inside the name ("Brit" NORP and "Award" PERSON)."""
    names = {tuple(n.split()) for n in rules.award_names if " " in n}
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for start, end in name_occurrences(doc, names):
        if end < len(doc) and capitalised(doc[end]) and doc[end - 1].whitespace_:
            continue  # a longer name ("Golden Globe Awards"): other rules decide
        old = spans_over(by_token, start, end)
        if any(sp.start < start or sp.end > end or (sp.label_ == "WORK_OF_ART" and len(sp) == end - start)
               for sp in old):
            continue
        if any(sp.label_ == "PERSON" and len(sp) >= 2 for sp in old):
            continue
        new.append(Span(doc, start, end, label="WORK_OF_ART", span_id=AWARD_NAME))
    return replace_spans(spans, new)


def _award_tail(doc: Doc, end: int, words: AwardEventWords, rules: EntityRules) -> int:
    """``end`` moved over a capitalised joiner (``award_title_joiners``: "For") and the capitalised
    words after it ("Peter Sellers Award For Comedy"); ``end`` where none follows."""
    if end + 1 < len(doc) and doc[end].text in words.award_title_joiners and doc[end - 1].whitespace_:
        k = end + 1
        while k < len(doc) and capitalised(doc[k]) and doc[k - 1].whitespace_ and doc[k].text not in rules.award_heads:
            k += 1
        if k > end + 1:
            return k
    return end


def headed_awards(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 14: capitalised words ending in a capitalised award head (``award_heads``: "Award",
    "Awards", "Prize") are an award's name, a WORK_OF_ART, where the model found nothing there or
    only pieces inside it ("six Independent Spirit Awards", "the 2004 Evening Standard British Film
    Awards", "the Peter Sellers Award For Comedy"); a determiner, an owner or a year in front is
    outside, and so is a place or a nationality before the award the model found ("the US [MTV
    Awards]"). Not a head alone, a grade or a medium first ("Best Film Award"), a name the model ran
    on past the head, nor one it already read as one work."""
    words = award_event_words()
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for k in range(1, len(doc)):
        if doc[k].text not in rules.award_heads or not doc[k - 1].whitespace_:
            continue
        if k + 1 < len(doc) and doc[k].whitespace_ and capitalised(doc[k + 1]) and doc[k + 1].text not in words.award_title_joiners:
            continue  # "the Nobel Prize Committee": the head inside a longer name
        start = capitalised_run_start(doc, k, 6, stop_at_sentence_start=True)
        while start < k and (doc[start].text in words.award_front_strip or doc[start].text in POSSESSIVE):
            start += 1
        if start == k or doc[start].text in words.award_front_blockers:
            continue
        end = _award_tail(doc, k + 1, words, rules)
        old = spans_over(by_token, start, end)
        if any(sp.start < start or sp.end > end for sp in old):
            continue  # a longer name the model found
        if any(sp.label_ == "WORK_OF_ART" and (sp.start, sp.end) == (start, end) for sp in old):
            continue
        found = [sp for sp in old if sp.label_ == "WORK_OF_ART" and sp.end == end]
        if found and all(t.text.lower() in rules.demonyms or is_placed(t.text, place_names(spans, rules))
                         for t in doc[start:found[0].start]):
            continue  # "the US MTV Awards": a place in front is a GPE of its own
        new.append(Span(doc, start, end, label="WORK_OF_ART", span_id=AWARD_NAME))
    return replace_spans(spans, new)
