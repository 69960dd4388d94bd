"""Names whose label a word list settles (round 3), applied after the document-level vote.

* A named award is a WORK_OF_ART at every mention, also inside a compound word ("the Oscars",
  "Oscar-winning", "a Bafta"), unless the word is part of a person's name in the document
  ("Oscar Wilde" ... "Oscar") — ``award_names``.
* A group of states named by a letter and a number is an ORG ("the G7 meeting") — ``country_groups``.
* "River X", "Lake X", "X River", "X Sea" is a LOC, not a FAC or GPE — ``water_fronts``, ``water_heads``.
* "County X" is a GPE, not a FAC ("County Durham") — ``county_words``.
* A title of two words or more that is a WORK_OF_ART at one mention is one at the other mentions
  the model labelled otherwise ("the drama Silver Kettle Road" ... "Silver Kettle Road" ORG).
* Round 7: a name headed by a word for a law or treaty (``law_heads`` of ``entity_words.json`` and
  ``law_heads_extra``: "Convention", "Agreement") is a LAW with the capitalised words before the head
  and a capitalised tail after "of", "on", "against" ("the UN Convention against Torture", "the
  European Convention on Human Rights", "the Treaty of Nice", "the United Nations Convention on
  refugees" without its lower-case tail); not a generic "an Act of Parliament", not a convention
  that is a meeting or a body ("the Democratic National Convention", "Constitutional Convention";
  ``convention_bodies``), not a head alone or a lone first name ("Bill").
* Round 14: a body's name and its short form in brackets, all-capitals acronyms read as bodies
  ("The IAAF will decide"; :mod:`.orgs`), channels named by a number ("BBC One"), newspapers'
  names before "newspaper" and after "Daily"/"Evening"/"Sunday" (:mod:`.media`).
* Round 13, last (:mod:`.falsehits`): "X and Y" joining two people is two PERSONs; "the
  Government" alone and a day or holiday ("by Easter") read as a name are no entity.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .falsehits import generic_words, split_people
from .gazetteer import is_country
from .media import channel_names, front_papers, paper_names
from .orgs import acronym_bodies, bracket_acronyms, headed_orgs
from .rules import LABELS, EntityRules
from .tokens import HYPHENS, POSSESSIVE, capitalised, replace_spans, sentence_start, taken_tokens


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
    out = bracket_acronyms(doc, headed_orgs(doc, laws(doc, same_titles(doc, out), rules), rules), rules)
    out = acronym_bodies(doc, out, rules)  # round 14: "The IAAF will decide"
    out = channel_names(doc, out)  # round 14: "broadcast on BBC One", "told Five Live"
    out = front_papers(doc, paper_names(doc, out, rules), rules)  # round 14: "told To Vima newspaper", "the Evening Standard"
    return generic_words(doc, split_people(doc, out))  # round 13, last: false hits


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


#: small words inside a law's tail ("Convention on the Rights of the Child")
_TAIL_SMALL = {"of", "the", "on", "for", "in", "and", "against", "to"}
#: the words after a head that open its tail ("Treaty of Nice", "Convention against Torture")
_TAIL_OPENERS = {"of", "on", "against"}
#: labels a law's name may have been given (the model's span inside the law's name)
_LAW_MISREAD = {"ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW"}


def laws(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Names of laws and treaties by their head word, with the capitalised words before it and a
    capitalised tail after "of"/"on"/"against": LAW spans in place of the model's (see the module
    docstring)."""
    heads = rules.law_heads | rules.spans.law_heads_extra
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for h in range(len(doc)):
        if doc[h].text not in heads:
            continue
        start, end = _law_front(doc, h, rules), _law_tail(doc, h, by_token)
        if not _is_law(doc, start, h, end, by_token, rules):
            continue
        inside = list({(sp.start, sp.end): sp for k in range(start, end) if (sp := by_token.get(k))}.values())
        if any(sp.start < start or sp.end > end or sp.label_ not in _LAW_MISREAD for sp in inside):
            continue  # a longer name around it, a person, a title, or a date or number inside ("the 1951 ...")
        if not any(sp.label_ == "LAW" and (sp.start, sp.end) == (start, end) for sp in inside):
            new.append(Span(doc, start, end, label="LAW", span_id="fix:law"))
    return replace_spans(spans, new)


#: small words inside a law's name before its head ("Succession to the Crown Bill", "Prevention of
#: Terrorism Act"); not "and", which joins two names ("the UK and the European Convention")
_FRONT_SMALL = {"of", "to", "the", "for", "on"}


def _law_front(doc: Doc, h: int, rules: EntityRules) -> int:
    """Start of a law's name whose head is token h: up to five capitalised words right before it,
    with small words between them ("United Nations", "Anglo-Irish", "Succession to the Crown"),
    not a sentence's first word before a small word ("With the Treaty of X"), a title, a country
    before the name ("the US Foreign Corrupt Practices Act": a GPE of its own) or an owner's
    possessive."""
    start, k = h, h - 1
    while k >= 0 and h - k <= 8 and not doc[k].is_space:
        tok = doc[k]
        if _hyphen_joined(doc, k):
            k -= 1
            continue
        if not ((capitalised(tok) or tok.is_upper) and tok.is_alpha):
            if not (tok.lower_ in _FRONT_SMALL and tok.is_lower and k < start):
                break
        elif tok.text in rules.work_articles or tok.text in rules.titles or is_country(tok.text) \
                or tok.text in rules.gpe_abbreviations or tok.text in rules.home_nations:
            break
        elif _sentence_first(doc, k) and doc[k + 1].is_lower:
            break  # "With the Treaty of Amsterdam", "Under the ... Act"
        else:
            start = k
        if _sentence_first(doc, k):
            break
        k -= 1
    return start


def _hyphen_joined(doc: Doc, k: int) -> bool:
    """Token k is a hyphen joining the words on its sides ("Anglo-Irish")."""
    return (doc[k].text in HYPHENS and 0 < k < len(doc) - 1 and not doc[k].whitespace_
            and not doc[k - 1].whitespace_)


def _sentence_first(doc: Doc, k: int) -> bool:
    """Token k starts a sentence (not merely a word after a joining hyphen or an owner's
    apostrophe: "Lord Dubs' Succession to the Crown Bill")."""
    owner = k > 1 and doc[k - 1].text in POSSESSIVE and not doc[k - 2].whitespace_ and doc[k - 2].is_alpha
    return sentence_start(doc, k) and not (k > 0 and _hyphen_joined(doc, k - 1)) and not owner


def _law_tail(doc: Doc, h: int, by_token: dict[int, Span]) -> int:
    """End of a law's name whose head is token h: after "of"/"on"/"against", capitalised words
    with small words between, ending on a capitalised word ("of Nice", "on Human Rights", "against
    Torture"); "and" only inside the model's own span ("on Tariffs and Trade"). h + 1 for none."""
    end = h + 1
    if end + 1 >= len(doc) or doc[end].lower_ not in _TAIL_OPENERS or not doc[end].is_lower:
        return end
    model_end = by_token[h].end if h in by_token else end
    j = end + 1
    while j < len(doc) and j - h < 12 and not doc[j].is_space:
        tok = doc[j]
        if capitalised(tok) or (tok.is_upper and tok.is_alpha):
            end = j + 1
        elif tok.lower_ == "and" and j >= model_end:
            break
        elif tok.lower_ not in _TAIL_SMALL or not tok.is_lower:
            break
        j += 1
    return end


def _is_law(doc: Doc, start: int, h: int, end: int, by_token: dict[int, Span], rules: EntityRules) -> bool:
    """The words [start, end) around the head at h name a law: a tail after the head, or a name
    before a head of ``law_heads_extra`` or one the model found a name on or right before; no article "a"/"an"
    before ("an Act of Parliament"), no capitalised word running on after the head ("the
    Convention Centre"), no word for a meeting or a body before a convention, no person named by
    the head ("Bill Gates" is no bill)."""
    if end == h + 1 and (start == h or not (doc[h].text in rules.spans.law_heads_extra or h in by_token
                                            or h - 1 in by_token)):
        return False  # "the Treaty": a head alone; "Internet Protocol" the model left alone
    if h in by_token and by_token[h].label_ == "PERSON" and by_token[h].start == h:
        return False  # "Bill Clinton"
    if start > 0 and doc[start - 1].lower_ in {"a", "an"}:
        return False  # "an Act of Parliament": a kind of law, no name
    if end < len(doc) and doc[end - 1].whitespace_ and (capitalised(doc[end]) or doc[end].is_upper) and doc[end].is_alpha:
        return False  # "the Convention Centre", "the Bill Gates": the name runs on
    return not (doc[h].text in rules.spans.law_heads_extra
                and any(t.text in rules.spans.convention_bodies for t in doc[start:h]))
