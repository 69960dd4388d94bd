"""The Doc finder: the text atoms of :mod:`.atoms`, filtered and completed with the Doc's
evidence (date records, entities, the parse), as plain record dicts."""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any, Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .. import schema
from .atoms import build_atoms, minor_to_major
from .grammar import (
    AFTER_ONE, BARE_NUMBER, CLOCK_AFTER, CLOCK_VALUE, CLOSE_AFTER, DETERMINERS_BEFORE_ONE, MONTH_AFTER,
    MONTHS, NAME_ENTS, ONE_IN, OPEN_ENTS, PHONE, PREV_WORD, WORD, YEAR,
)
from .numbers import Atom, num
from .ranges import merge_ranges
from .units import DURATION, Tables, load_tables

LABELS = schema.QUANTITY_LABELS
AGE_BEFORE = re.compile(r"\w, ?$")
AGE_AFTER_COMMA = re.compile(r"\s?[,;)]|\.(?:\s|$)")
TEXT_KEY = "extract.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached in ``doc.user_data`` (spaCy rebuilds it from every token on each
    access, which costs more than this whole component's regexes)."""
    text = doc.user_data.get(TEXT_KEY)
    n = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if not isinstance(text, str) or len(text) != n:  # absent, or copied from another Doc
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


def read_atoms(text: str, t: Tables | None = None) -> list[Atom]:
    """Every quantity-like number in ``text``, ranges joined: the pure finder (no Doc)."""
    t = t or load_tables()
    atoms = merge_ranges(text, build_atoms(text, t), t)
    minor_to_major(text, atoms, t)
    return atoms


# ----------------------------------------------------------------- date records

def _date_spans(doc: Doc, date_spans) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """The spans of the date records, and those of them the dates component could not
    normalise ("soft"). ``None`` reads the dates extension (falling back to the model's
    DATE/TIME entities when the dates component has not run)."""
    if date_spans is not None:
        return list(date_spans), set()
    ext = schema.DATE.extension
    recs = doc._.get(ext) if Doc.has_extension(ext) else None
    if recs is None:
        return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")], set()
    # a record the dates component could not normalise whose text is only a
    # number ("The answer is 42") is the model's DATE guess, not a date
    spans = [(r["start_char"], r["end_char"]) for r in recs
             if r.get("normalized") or not BARE_NUMBER.match(r.get("text", ""))]
    return spans, {(r["start_char"], r["end_char"]) for r in recs if not r.get("normalized")}


# ----------------------------------------------------------------- filters

def _in_phone_number(text: str, a: Atom) -> bool:
    """Whether the number is part of a phone number (searched around it only: cheap)."""
    lo = max(0, a.start - 24)
    for m in PHONE.finditer(text, lo, min(len(text), a.end + 24)):
        if m.start() < a.end and a.start < m.end():
            return True
    return False


def _next_nonspace(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _prev_word(text: str, pos: int) -> str:
    m = PREV_WORD.search(text, max(0, pos - 30), pos)
    return m.group(1).lower() if m else ""


def _is_dates(doc: Doc, text: str, a: Atom, dates, soft, include_dates: bool) -> bool:
    """Whether the number belongs to the dates component: inside a date record, the second
    half of a date range, a duration, a clock time or a year."""
    # Not inside: a number that runs past the record ("[a quarter] million dollars"), a
    # record in the unit part ("200 km [per hour]"), and a record the dates component could
    # not normalise when the number has a unit that is not time ("200lbs").
    if any(s <= a.start and a.num_end <= e
           and not ((s, e) in soft and a.unit and a.label != DURATION) for s, e in dates):
        return True
    # "2013-14": the second half of a date range
    if a.start > 1 and text[a.start - 1] in "-–" and any(e == a.start - 1 for _, e in dates):
        return True
    if a.label == DURATION and not include_dates:
        return True
    numtext = text[a.start:a.num_end]
    # clock times: "2 pm", "at 2.13 am"
    if a.kind == "digit" and not a.unit and CLOCK_AFTER.match(text, a.end) \
            and CLOCK_VALUE.match(numtext.lstrip("+-−")):
        return True
    if include_dates or a.kind != "digit" or a.unit:
        return False
    # years: a bare four-digit integer, or a span of them ("2001-2003")
    if a.bound == "range":
        return all(YEAR.fullmatch(x) for x in re.findall(r"\d+", text[a.start:a.end]))
    if YEAR.fullmatch(numtext):
        nsp = doc.char_span(a.start, a.end, alignment_mode="expand")
        nt = doc[nsp.end] if nsp is not None and nsp.end < len(doc) else None
        return not (nt is not None and nt.tag_ == "NNS")
    return False


def _is_reference(text: str, a: Atom, prev: str, t: Tables) -> bool:
    """List markers ("1 ) explains"), references ("page 12", "No. 5") and days of a month
    the dates component did not take ("13 Oct", "oct. 13")."""
    if (a.kind == "digit" and not a.unit and CLOSE_AFTER.match(text, a.end)
            and "(" not in text[max(0, a.start - 40):a.start]):
        return True
    if prev in t.identifier_before and a.kind != "ordinal" and not a.unit:
        return True
    if not (a.kind == "digit" and not a.unit and float(a.value).is_integer() and 1 <= a.value <= 31):
        return False
    if (a.value_max is None or a.value_max <= 31) and MONTH_AFTER.match(text, a.end):
        return True
    return prev.rstrip(".") in MONTHS and a.value_max is None


def _is_age_in_apposition(doc: Doc, text: str, a: Atom, first_tok) -> bool:
    """"Sean O'Connor, 19, scored": a whole number between commas right after a person's
    name is the person's age (the dates component's kind), not a count."""
    if not (a.kind == "digit" and not a.unit and a.value_max is None and float(a.value).is_integer()
            and 0 < a.value < 120 and first_tok is not None and first_tok.i > 1):
        return False
    if not (AGE_BEFORE.search(text, max(0, a.start - 3), a.start) and AGE_AFTER_COMMA.match(text, a.end)):
        return False
    name = doc[first_tok.i - 2]  # the word before the comma
    if name.ent_type_:
        return name.ent_type_ == "PERSON"
    return name.pos_ == "PROPN" or (not name.pos_ and name.is_title)


def _is_pronoun_one(text: str, a: Atom, prev: str) -> bool:
    """"the one", "one another", "one's": the word "one" that is no number."""
    if not (a.kind == "word" and text[a.start:a.num_end].lower() == "one"):
        return False
    nxt = WORD.match(text, _next_nonspace(text, a.end))
    return (prev in DETERMINERS_BEFORE_ONE or bool(nxt and nxt.group(0).lower() in AFTER_ONE)
            or text[a.end:a.end + 2] in ("'s", "’s"))


def _is_uncounted_one(text: str, a: Atom, first_tok, unit_noun: str) -> bool:
    """The pronoun "one" ("projects such as one at the Centre") is no number unless the
    model counts it or "of" follows ("one of the computers")."""
    if not (a.kind == "word" and text[a.start:a.num_end].lower() == "one") or a.unit or a.scaled or unit_noun:
        return False
    nxt = WORD.match(text, _next_nonspace(text, a.end))
    return not ((nxt and nxt.group(0).lower() == "of")
                or ONE_IN.match(text, a.end)
                or (first_tok is not None and first_tok.ent_type_ in ("CARDINAL", "QUANTITY", "MONEY")))


def _capitalised_title(doc: Doc, a: Atom, first, last) -> bool:
    """"Million Dollar Baby", "One Belt": capitalised number words inside a title (at a
    sentence start only when a later word of it is capitalised too)."""
    if not (a.kind == "word" and last.i + 1 < len(doc)):
        return False
    words = [w for w in doc[first.i:last.i + 1] if w.is_alpha]
    nxt = doc[last.i + 1]
    return (all(w.text[:1].isupper() for w in words) and nxt.is_title and nxt.is_alpha
            and (not first.is_sent_start or len(words) > 1))


def _inside_name(doc: Doc, a: Atom, first, last) -> bool:
    """A number that is part of a name: inside a name entity ('Group of 20', 'G20'),
    right after a capitalised word that is not a sentence start ('Voyager 2'), or
    before a capitalised word that no entity claims ('1000 Talents', 'One Belt')."""
    if _capitalised_title(doc, a, first, last):
        return True
    if a.unit and a.label != "CARDINAL":
        return False
    if first.ent_type_ in NAME_ENTS:
        # lower-case words opening the name ('the first Group of 20') are not part of it
        ent_span = next((e for e in doc.ents if e.start <= first.i < e.end), None)
        if ent_span is not None:
            lead = first.i == ent_span.start or (first.i == ent_span.start + 1 and doc[ent_span.start].lower_ in ("the", "a", "an"))
            if not (lead and first.text.islower()):
                return True
    if a.kind == "ordinal" or a.unit:
        return False
    if first.i > 0 and (a.kind == "digit" or (a.kind == "word" and first.is_title)):
        p = doc[first.i - 1]
        if (p.text[:1].isupper() and p.is_alpha and not p.is_sent_start and p.lower_ not in MONTHS
                and p.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY")):
            nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
            if nxt is None or not (nxt.is_lower and nxt.pos_ in ("NOUN", "ADJ")):
                return True
    if last.i + 1 < len(doc):
        nxt = doc[last.i + 1]
        if (nxt.is_title and nxt.is_alpha and nxt.ent_type_ not in OPEN_ENTS and nxt.lower_ not in MONTHS
                and not nxt.is_sent_start and (a.kind == "digit" or not first.is_sent_start)):
            if a.kind == "digit" or first.text[:1].isupper():
                return True
    return False


# ----------------------------------------------------------------- counted nouns

def _of_objects(tok):
    """The objects of an "of" after ``tok``."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            yield from child.children


def _of_noun(tok) -> str:
    """'millions of sensors', 'a number of people': the noun after "of"."""
    for pobj in _of_objects(tok):
        if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
            if pobj.lower_ in ("number", "total", "lot", "group", "handful", "couple"):
                for p2 in _of_objects(pobj):
                    if p2.dep_ == "pobj":
                        return p2.text.lower()
            return pobj.text.lower()
    return ""


def _counted_noun(tok) -> str:
    """The noun a number counts: '20,000 researchers', 'millions of sensors', '1 of 15 parks'."""
    head = tok.head
    seen = 0
    while head.i != tok.i and head.pos_ == "NUM" and seen < 3 and head.i > tok.i:
        head, seen = head.head, seen + 1
    if head.i > tok.i and head.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod"):
        return head.text.lower()
    return _of_noun(tok)


def _unit_noun(doc: Doc, a: Atom, last_tok) -> str:
    noun_tok = last_tok
    if a.before_suffix:  # "30-odd people": the noun counts the number, not "odd"
        ns = doc.char_span(a.start, a.before_suffix, alignment_mode="expand")
        noun_tok = ns[-1] if ns is not None and len(ns) else last_tok
    return _counted_noun(noun_tok)


# ----------------------------------------------------------------- records

def _record(text: str, a: Atom, unit_noun: str, t: Tables) -> dict:
    """The record of an atom; a modifier right before it ("about", "more than") is inside
    the span and gives the bound."""
    label, unit = a.label, a.unit
    if label == DURATION:
        label = "DATE"
        if a.age:
            unit = f"{unit} of age"
    if label not in LABELS and label != "DATE":
        label = "QUANTITY"
    bound, start = a.bound, a.start
    mm = t.modifier_re.search(text, max(0, start - 25), start)
    if mm:
        start = mm.start("mod")
        if bound == "exact":
            bound = t.find("modifiers", mm.group("mod")) or bound
    return {
        "start_char": start,
        "end_char": a.end,
        "text": text[start:a.end],
        "label": label,
        "value": None if a.unknown else num(a.value),
        "unit": "" if a.unknown else unit,
        "value_max": None if a.value_max is None or a.unknown else num(a.value_max),
        "bound": bound,
        "unit_noun": unit_noun,
        "surface_unit": a.surface_unit,
        "note": a.note,
    }


def find_quantities(
    doc: Doc,
    *,
    date_spans: Iterable[tuple[int, int]] | None = None,
    include_dates: bool = False,
    tables: Tables | None = None,
) -> list[dict]:
    """Every quantity in ``doc`` as a record (offsets into ``doc.text``).

    ``date_spans``: (start, end) of the date records; numbers overlapping one are left to
    the dates component. ``None`` reads the dates extension (falling back to the model's
    DATE/TIME entities when the dates component has not run).
    ``include_dates``: keep durations, ages and years too (for benchmarks that count
    them as quantities); the pipeline never sets it.
    ``tables``: the compiled units tables (default: the package's ``units.json``).
    """
    t = tables or load_tables()
    text = doc_text(doc)
    dates, soft = _date_spans(doc, date_spans)
    dates = [] if include_dates else sorted(dates)
    atoms = read_atoms(text, t)
    if not atoms:
        return []
    has_parse = bool(len(doc) and doc[0].dep)  # has_annotation() walks every token
    records = []
    last_count: tuple[int, str] | None = None  # (sentence start, unit_noun) of the last count
    for a in atoms:
        if not (math.isfinite(a.value) and (a.value_max is None or math.isfinite(a.value_max))):
            continue  # "1e999", a run of 400 digits: no number a reader can use
        if _is_dates(doc, text, a, dates, soft, include_dates):
            continue
        if a.kind == "digit" and _in_phone_number(text, a):
            continue
        prev = _prev_word(text, a.start)
        if _is_reference(text, a, prev, t) or _is_pronoun_one(text, a, prev):
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        first_tok = span[0] if span is not None and len(span) else None
        last_tok = span[-1] if span is not None and len(span) else None
        if first_tok is not None and last_tok is not None and _inside_name(doc, a, first_tok, last_tok):
            continue
        if _is_age_in_apposition(doc, text, a, first_tok):
            continue
        unit_noun = ""
        if not a.unit and a.label in ("CARDINAL", "ORDINAL") and has_parse and last_tok is not None:
            unit_noun = _unit_noun(doc, a, last_tok)
        if _is_uncounted_one(text, a, first_tok, unit_noun):
            continue
        if (has_parse and a.kind != "ordinal" and not a.unit and last_tok is not None
                and a.label == "CARDINAL"):
            sent_start = last_tok.sent.start
            nxt = doc[last_tok.i + 1] if last_tok.i + 1 < len(doc) else None
            if unit_noun:
                last_count = (sent_start, unit_noun)
            elif (last_count and last_count[0] == sent_start
                  and not (nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"))):
                # "staff from over 50 countries and students from more than 70"
                unit_noun = last_count[1]
        records.append(_record(text, a, unit_noun, t))
    return records


def find_quantities_in_text(text: str, nlp: Language | None = None, **kwargs: Any) -> list[dict]:
    """Convenience for plain text: runs ``nlp`` (default: a blank English tokenizer,
    so no entity or parse evidence) and returns ``find_quantities`` of the Doc."""
    if nlp is None:
        nlp = _blank()
    return find_quantities(nlp(text), **kwargs)


@lru_cache(maxsize=1)
def _blank() -> Language:
    return spacy.blank("en")
