"""People written with initials and a surname: "JK Rowling", "J.K. Rowling", "JRR Tolkien", "J K Rowling".

The small model often reads one to three capitals before a surname as an acronym and the name
as an ORG. Initials before a surname are strong evidence for a PERSON (GUIDELINES section 2: a
person is PERSON whatever else the name could be), so :func:`initials_evidence` is a vote for
PERSON in :func:`.consistency.vote`, weighed like a first name. It is no evidence when the name
reads as a firm's or a club's: the "surname" is a head word of a body ("BT Group", "EMI
Records"), a place ("AC Milan", "GM Europe", "ETH Zurich", also without its accents), a common English word ("LG Card"), or the
"initials" are a place's abbreviation ("US Airways") or stand alone elsewhere in the article
as a name ("HP" ... "HP Compaq"); firms named by initials and a surname are listed
(``initial_firms`` of ``entity_orgs.json``: "JP Morgan", "WH Smith"). The vote also gives way
to any cue for another label at a mention ("analysts at JP Morgan").

:func:`initial_names` adds the name the model missed when the initials are written apart or with
full stops ("J K Rowling said"), with the same checks, and gives a span the model started at the
second initial the first ("J" + "K Rowling").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .gazetteer import is_common_word, is_country, is_first_name, is_place, is_place_unaccented, org_words
from .rules import EntityRules
from .tokens import sentence_start, taken_tokens

#: one token of initials: "JK", "JRR", "J.K.", "J.", "J"
_INITIALS = re.compile(r"^(?:[A-Z]{1,3}|(?:[A-Z]\.){1,3})$")
#: a surname: a capital, then letters with at least one lower case, an inner apostrophe allowed
_SURNAME = re.compile(r"^[A-Z][A-Za-z]*['’]?[A-Za-z]*[a-z][A-Za-z]*$")
#: a surname at least this common (wordfreq Zipf scale) is a common word, not a surname
#: ("LG Card", "BT Retail"); "Rowling" (3.2) and "Smith" (4.9) are below and above it
SURNAME_ZIPF = 4.0
#: labels the evidence votes against
INITIALS_TARGETS = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


def initials_length(doc: Doc, s: int, e: int) -> int:
    """How many tokens from ``s`` (before ``e``) are initials of one to three letters in all:
    one token ("JK", "J.K.", "JRR") or a run of single letters ("J K", "J. K."); 0 when none."""
    tok = doc[s]
    if not _INITIALS.match(tok.text):
        return 0
    if len(tok.text.replace(".", "")) > 1:
        return 1
    n = 1
    while s + n < e and n < 3 and re.match(r"^[A-Z]\.?$", doc[s + n].text):
        n += 1
    return n


def _letters(doc: Doc, s: int, n: int) -> str:
    return "".join(t.text.replace(".", "") for t in doc[s:s + n])


def person_with_initials(doc: Doc, s: int, e: int, rules: EntityRules) -> bool:
    """Tokens s..e are initials and one surname that reads as a person's (see the module)."""
    n = initials_length(doc, s, e)
    if n == 0 or s + n != e - 1:
        return False
    surname = doc[e - 1].text
    letters = _letters(doc, s, n)
    if (not _SURNAME.match(surname) or surname in rules.titles or surname in rules.org_heads
            or surname in rules.company_heads or surname in rules.club_heads or surname in rules.fac_heads
            or surname in rules.event_heads or surname in rules.award_heads
            or surname in rules.labels.not_people_heads or surname.lower() in rules.demonyms
            or surname in rules.continents or surname in rules.directions
            or is_place_unaccented(surname) or is_country(surname) or is_common_word(surname, SURNAME_ZIPF)):
        return False
    if (letters in rules.gpe_abbreviations or letters in rules.home_nations or is_place(letters) or is_country(letters)
            or doc[s].text in rules.titles or letters in rules.club_heads or letters in rules.org_heads
            or letters in org_words().acronym_fronts):
        return False  # "US Airways", "DR Congo", "FC Cologne", "RAF Fairford", "HMS Belfast"
    if n == 1 and len(letters) == 1 and letters in {"A", "I"} and sentence_start(doc, s):
        return False  # "A Fool", "I Robot": an article or a pronoun
    text = doc[s:e].text
    if any(text == firm or text.startswith(firm + " ") for firm in org_words().initial_firms):
        return False  # "JP Morgan", "WH Smith"
    if n == 1 and len(letters) >= 2 and any(
            t.text == doc[s].text and t.i != s and not (t.i + 1 < len(doc) and doc[t.i + 1].text == surname)
            for t in doc):
        return False  # the initials stand alone elsewhere: an acronym ("HP" ... "HP Compaq")
    return not _shared_head(doc, e - 1)


def _shared_head(doc: Doc, k: int) -> bool:
    """The word at token k also ends another name whose front is a capitalised word that is no
    initial, first name or title ("Leisure Garments", "Modern Garments" ... "TW Garments"): a
    head word of names, not a surname ("S Jones" beside "A Jones" and "Ryan Jones" is one)."""
    for t in doc:
        if t.text != doc[k].text or t.i == k or t.i == 0:
            continue
        prev = doc[t.i - 1]
        if (prev.is_title and prev.is_alpha and not _INITIALS.match(prev.text) and not is_first_name(prev.text)
                and not sentence_start(doc, prev.i) and prev.tag_ in {"NNP", "NNPS", ""}):
            return True
    return False


def initials_evidence(doc: Doc, sp: Span, rules: EntityRules) -> bool:
    """The model's non-person span ``sp`` is initials and a surname ("JK Rowling" ORG): evidence
    for a PERSON in the vote."""
    return sp.label_ in INITIALS_TARGETS and person_with_initials(doc, sp.start, sp.end, rules)


def _with_initials_before(doc: Doc, sp: Span) -> Span:
    """A span the model started at its second initial ("J" + "K Rowling") takes in the initials
    right before it, up to three letters in all; its label is left to the vote."""
    s = sp.start
    if not (sp.label_ and re.match(r"^[A-Z]\.?$", sp[0].text)):
        return sp
    while (s > 0 and sp.end - s < 4 and re.match(r"^[A-Z]\.?$", doc[s - 1].text)
           and not sentence_start(doc, s) and not (doc[s - 1].text in {"A", "I"} and sentence_start(doc, s - 1))):
        s -= 1
    if s == sp.start or not sentence_start(doc, s) and s > 0 and _INITIALS.match(doc[s - 1].text):
        return sp
    return Span(doc, s, sp.end, label=sp.label_, span_id="fix:initials")


def initial_names(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """People the model missed, written with initials apart or with full stops and a surname no
    span holds ("J K Rowling said", "J.K. Rowling"): PERSON spans. Undotted capitals run together
    ("PC Pro") are left alone: they read as acronyms."""
    spans = [_with_initials_before(doc, sp) for sp in spans]
    taken = taken_tokens(spans)
    added = []
    for i in range(len(doc) - 1):
        if i in taken or (i > 0 and _INITIALS.match(doc[i - 1].text) and i - 1 not in taken):
            continue
        n = initials_length(doc, i, len(doc))
        if n == 0 or i + n >= len(doc):
            continue
        words = doc[i:i + n]
        dotted_or_spaced = n >= 2 or "." in words[0].text
        if (not dotted_or_spaced or len(_letters(doc, i, n)) < 2
                or any(k in taken for k in range(i, i + n + 1))):
            continue
        if person_with_initials(doc, i, i + n + 1, rules):
            added.append(Span(doc, i, i + n + 1, label="PERSON", span_id="fix:initials"))
            taken |= set(range(i, i + n + 1))
    return sorted(spans + added, key=lambda sp: sp.start) if added else spans
