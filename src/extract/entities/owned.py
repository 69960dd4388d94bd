"""Names that end in a possessive: "McDonald's", "Sotheby's", "Standard & Poor's".

The trim step (:mod:`.names`) takes a possessive 's off every name, which is right for
"Brown's plan" but cuts "McDonald's, the world's largest restaurant chain" to "McDonald".
A firm, shop, venue or product named after its owner keeps the 's as part of its name, and the
text shows it: somewhere in the article the 's is followed by something a possessive cannot be
followed by (a comma or full stop, a finite verb, "to", "and": "McDonald's has", "to sponsor"), and
the name never appears without it. Then every mention of the name takes its 's back.

Only names labelled ORG, FAC, PRODUCT, EVENT or WORK_OF_ART are read: a person's or a place's
name with an 's after it is a possessive ("It was Blair's.", "the UK's."), never a name.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .tokens import POSSESSIVE, taken_tokens

#: labels whose names may end in an owner's 's
OWNED_LABELS = frozenset({"ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"})
#: punctuation that cannot follow a possessive 's ("McDonald's, the chain"; not "(", a quote mark)
_CLOSING = frozenset({",", ".", ";", ":", "!", "?", ")"})
#: fine-grained tags that cannot follow one: a finite verb ("X's said"), "to", "and", "which"
_NOT_POSSESSED = frozenset({"VBD", "VBZ", "VBP", "MD", "TO", "CC", "WDT", "WP"})
_S = frozenset(p for p in POSSESSIVE if p.lower().endswith("s"))


def _s_after(doc: Doc, sp: Span) -> bool:
    """Is the span followed at once (no space) by a possessive 's?"""
    return sp.end < len(doc) and doc[sp.end].text in _S and not doc[sp.end - 1].whitespace_


def _not_possessive(doc: Doc, i: int, tagged: bool) -> bool:
    """Can token ``i`` (the one after the 's) not start the thing a possessive owns?

    Closing punctuation, or (with a tagger) a lower-case finite verb, "to", "and"/"or",
    "which"/"who". A capitalised word is no evidence (a title follows: "ITV's I'm a
    Celebrity"), nor is a line break (headlines are cut short), a gerund ("X's leading
    scorer") or a preposition ("Labour's for the taking" is a party)."""
    if i >= len(doc):
        return False
    tok = doc[i]
    if tok.text in _CLOSING:
        return True
    return tagged and tok.text.islower() and tok.tag_ in _NOT_POSSESSED


def keep_owned_s(doc: Doc, spans: list[Span]) -> list[Span]:
    """Give back the 's to names that end in it (see the module docstring); other spans unchanged."""
    tagged = doc.has_annotation("TAG")
    with_s: dict[str, bool] = {}  # name -> seen once where the 's cannot be a possessive
    bare: set[str] = set()
    for sp in spans:
        if sp.label_ not in OWNED_LABELS:
            continue
        if _s_after(doc, sp):
            with_s[sp.text] = with_s.get(sp.text, False) or _not_possessive(doc, sp.end + 1, tagged)
        else:
            bare.add(sp.text)
    owned = {name for name, sure in with_s.items() if sure and name not in bare}
    if not owned:
        return spans
    taken = taken_tokens(spans)
    out = []
    for sp in spans:
        if sp.text in owned and sp.label_ in OWNED_LABELS and _s_after(doc, sp) and sp.end not in taken:
            sp = Span(doc, sp.start, sp.end + 1, label=sp.label_, span_id="fix:owned_s")
        out.append(sp)
    return out
