"""Standards and formats the model takes for organisations: "RFID tags", "the WMA format".

GUIDELINES section 2 leaves standards and formats unannotated. An all-capitals acronym that an
article only ever uses to modify a word for a technology is one of them, and its spans go.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .gazetteer import org_words
from .tokens import POSSESSIVE

#: a speech or business verb's subject, a possessive or a bare "the X" marks an acronym as a name
_NAME_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})


def _acronym_as_name(doc: Doc, i: int, nouns: frozenset[str]) -> bool:
    """The acronym at token ``i`` is used as a name: a subject, before "'s", or "the X" not
    modifying a noun ("told the BBC that", but not "the RFID approach")."""
    tok = doc[i]
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if tok.dep_ in _NAME_DEPS or (nxt is not None and nxt.text in POSSESSIVE):
        return True
    modifies = nxt is not None and nxt.is_lower and (nxt.pos_ == "NOUN" or nxt.lower_ in nouns)
    return i > 0 and doc[i - 1].lower_ == "the" and not modifies


def standard_acronyms(doc: Doc, spans: list[Span], least: int = 2) -> list[Span]:
    """An all-capitals ORG acronym that the document writes at least ``least`` times before a
    lower-case noun for a technology ("RFID tags", "GSM network"; ``technology_nouns``) and never
    as a name (a subject, a possessive, a bare "the X") is a standard or format, not annotated
    (GUIDELINES section 2): its spans are dropped, with any label the model gave them."""
    nouns = org_words().technology_nouns
    acronyms = {sp.text for sp in spans if sp.label_ == "ORG" and len(sp) == 1 and len(sp.text) >= 2
                and sp.text.isalpha() and sp.text.isupper()}
    standards = set()
    for text in acronyms:
        places = [t.i for t in doc if t.text == text]
        modifier = sum(1 for i in places if i + 1 < len(doc) and doc[i + 1].lower_ in nouns)
        if modifier >= least and not any(_acronym_as_name(doc, i, nouns) for i in places):
            standards.add(text)
    return [sp for sp in spans if sp.text not in standards] if standards else spans
