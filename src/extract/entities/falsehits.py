"""False hits in the final entity list (round 13), applied last after the vote in known.py.

* Two people joined into one span: "X and Y" that the model read as one organisation or thing
  ("Bryson and Thompson converted the penalty", "good for Carragher and Brown to show") is two
  PERSONs when each word is a person's name elsewhere in the article (a PERSON span of its own
  or a word of one); GUIDELINES section 1: coordinated names are separate spans. Only one
  capitalised word each side of a joiner (``name_joiners`` of ``entity_falsehits.json``, "and",
  "or"; never "&", which joins the words of one name: "Marks & Spencer", "Bruce & Terry"), and
  only the labels of ``split_labels``: a PERSON span is left to the name rules —
  ``split_people``.
* A word that names no entity on its own: a body named by its common noun after "the" ("the
  Government's proposals", ``generic_bodies``; "the Scottish Government" is a longer span and
  stays), and a day or holiday ("by Easter", "its Easter break", ``time_names``; GUIDELINES
  section 2: named days and holidays are dates, not entities) read as a name — ``generic_words``.
  Only one-token spans with an entity label; a DATE span is left to the dates component.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..resources import ListOf, Record, load
from .rules import LABELS
from .tokens import replace_spans

FALSEHITS_FILE = "entity_falsehits.json"
_KEYS = ("name_joiners", "split_labels", "generic_bodies", "time_names")
#: span id of the spans these rules make
REASON = "fix:falsehit"


@dataclass(frozen=True)
class FalseHitWords:
    """The lists of ``entity_falsehits.json``."""

    name_joiners: frozenset[str]  # lower-case words joining two names: "and", "or"
    split_labels: frozenset[str]  # labels of a joined span that may be two people
    generic_bodies: frozenset[str]  # "Government": after "the" alone, no name
    time_names: frozenset[str]  # "Easter", "Monday": a date, never an entity


def validate_falsehit_words(data: object = None, name: str = FALSEHITS_FILE) -> FalseHitWords:
    """The lists of ``name`` (or ``data`` given in its place); a missing or unknown key, or a
    joiner that is not lower case, is an error naming it."""
    data = load(name, Record({key: ListOf(str) for key in _KEYS}), data)
    for word in data["name_joiners"]:
        if word != word.lower():
            raise ValueError(f"{name}: name_joiners entry {word!r} must be lower case")
    for key in ("generic_bodies", "time_names"):
        for word in data[key]:
            if not word[:1].isupper() or " " in word:
                raise ValueError(f"{name}: {key} entry {word!r} must be one capitalised word")
    return FalseHitWords(**{key: frozenset(data[key]) for key in _KEYS})


@lru_cache(maxsize=None)
def falsehit_words(name: str = FALSEHITS_FILE) -> FalseHitWords:
    """The lists of ``name`` (package data), read and checked once per process."""
    return validate_falsehit_words(name=name)


def _name_word(tok) -> bool:
    """A capitalised word of letters, not all capitals ("Bryson", "McGeady"; not "BBC")."""
    return tok.text[:1].isupper() and not tok.is_upper and tok.text.replace("'", "").replace("-", "").isalpha()


def split_people(doc: Doc, spans: list[Span], words: FalseHitWords | None = None) -> list[Span]:
    """``spans`` with each "X and Y" span of a non-person label split into two PERSON spans when
    X and Y are each a person's name in the article: the text of a PERSON span elsewhere or a word
    of one. Anything else is left as it is."""
    words = words or falsehit_words()
    people = {t.text for sp in spans if sp.label_ == "PERSON" for t in sp if _name_word(t)}
    new = []
    for sp in spans:
        if (len(sp) == 3 and sp.label_ in words.split_labels and sp[1].lower_ in words.name_joiners
                and sp[1].is_lower and _name_word(sp[0]) and _name_word(sp[2])
                and sp[0].text in people and sp[2].text in people and sp[0].text != sp[2].text):
            new += [Span(doc, sp.start, sp.start + 1, label="PERSON", span_id=REASON),
                    Span(doc, sp.end - 1, sp.end, label="PERSON", span_id=REASON)]
    return replace_spans(spans, new)


def generic_words(doc: Doc, spans: list[Span], words: FalseHitWords | None = None) -> list[Span]:
    """``spans`` without one-token entity spans that name nothing: a ``generic_bodies`` word right
    after "the" ("the Government's plans") and a ``time_names`` word ("by Easter")."""
    words = words or falsehit_words()
    out = []
    for sp in spans:
        if len(sp) == 1 and sp.label_ in LABELS:
            text = sp[0].text
            if text in words.time_names:
                continue
            if text in words.generic_bodies and sp.start > 0 and doc[sp.start - 1].lower_ == "the":
                continue
        out.append(sp)
    return out
