"""Names whose label a word list settles (round 3), applied after the document-level vote.

* A named award is a WORK_OF_ART at every mention, also inside a compound word ("the Oscars",
  "Oscar-winning", "a Bafta"), unless the word is part of a person's name in the document
  ("Oscar Wilde" ... "Oscar") — ``award_names``.
* A group of states named by a letter and a number is an ORG ("the G7 meeting") — ``country_groups``.
* "River X", "Lake X", "X River", "X Sea" is a LOC, not a FAC or GPE — ``water_fronts``, ``water_heads``.
* "County X" is a GPE, not a FAC ("County Durham") — ``county_words``.
* A title of two words or more that is a WORK_OF_ART at one mention is one at the other mentions
  the model labelled otherwise ("the drama Silver Kettle Road" ... "Silver Kettle Road" ORG).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .rules import LABELS, EntityRules
from .tokens import taken_tokens


def known_labels(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """``spans`` with the labels the word lists settle, and one-word awards and groups the model missed."""
    people = {t.text for sp in spans if sp.label_ == "PERSON" and len(sp) >= 2 for t in sp}
    fixed = {name: "ORG" for name in rules.country_groups}
    fixed.update({name: "WORK_OF_ART" for name in rules.award_names if name not in people})
    out = []
    for sp in spans:
        label = fixed.get(sp.text) or _head_label(sp, rules)
        if label and sp.label_ in LABELS and sp.label_ != label:
            sp = Span(doc, sp.start, sp.end, label=label, span_id="fix:relabel")
        out.append(sp)
    taken = taken_tokens(out)
    added = [Span(doc, t.i, t.i + 1, label=fixed[t.text], span_id="fix:propagate")
             for t in doc if t.i not in taken and t.text in fixed]
    out = sorted(out + added, key=lambda sp: sp.start) if added else out
    return same_titles(doc, out)


def same_titles(doc: Doc, spans: list[Span]) -> list[Span]:
    """Every other span with the words of a multi-word WORK_OF_ART title is a WORK_OF_ART, also one
    with a number label ("Million Dollar Baby" is no sum); an EVENT keeps its label, and no span is
    added where the model found nothing (band names: "the Beastie Boys")."""
    titles = {tuple(t.text for t in sp) for sp in spans if sp.label_ == "WORK_OF_ART" and len(sp) >= 2}
    if not titles:
        return spans
    out = [Span(doc, sp.start, sp.end, label="WORK_OF_ART", span_id="fix:relabel")
           if sp.label_ not in {"WORK_OF_ART", "EVENT"} and tuple(t.text for t in sp) in titles else sp
           for sp in spans]
    return out


def _head_label(sp: Span, rules: EntityRules) -> str | None:
    """LOC for a water name of two words or more, GPE for "County X"."""
    if len(sp) < 2 or sp.label_ not in {"FAC", "GPE"}:
        return None
    if sp[0].text in rules.water_fronts or sp[-1].text in rules.water_heads:
        return "LOC"
    if sp[0].text in rules.county_words and sp.label_ == "FAC":
        return "GPE"
    return None
