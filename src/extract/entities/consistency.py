"""One name, one label per document: surnames, context cues and spreading a label.

These rules look at every span of the document together (one sense per discourse); the
span-level rules of :mod:`.names` have run before them.

The context cues of one mention live in :mod:`.labelcues`, the vote in :mod:`.voting`, names
the model missed or took for a nationality or a common word in :mod:`.missed`, clubs' names and
short forms in a sports report in :mod:`.teams` (round 9, run before the vote).

Round 4 (organisations, issue 14) also: a name the model missed is an ORG when such a cue marks it
(:func:`cued_names`: "Usdaw general secretary X", "telecoms company Telenor"); a one-word name the
model took for a nationality is an ORG when a list joins it to an ORG (:func:`coordinated_orgs`:
"BT and Tiscali", not in a sports report); a one-word name at a sentence start that is a common
English word the document also writes in lower case is dropped (:func:`common_words`:
"Broadband has become ...").

Round 7: initials before a surname ("JK Rowling" taken for an ORG, :mod:`.initials`) are evidence
for a PERSON in the vote, weighed like a first name; a name written with initials apart or with
full stops that the model missed ("J K Rowling") is added as a PERSON. Firms the model takes for
people or nationalities (:mod:`.firms`): "the X brand", "its X division", "portal director at X"
are ORG cues, a list joined to a firm its own words mark makes its one-word members ORGs, and a
firm's front word alone ("Pew" after "Pew Research Center") is the firm. A known town after a place
preposition that the model missed or called a NORP is a GPE (:mod:`.places`: "to Carlisle").

Round 13: a person's first name alone after the full name is that PERSON ("faith in Jonatan"
beside "Jonatan Johansson"), where the model read it as an organisation, a place or a group.

Round 14: people the model read as organisations in a list of people, before ", who" or a verb of
speech and a colon are PERSONs (:func:`.voting.people_by_context`), before the surnames are read, so
the surname alone follows ("Blanchett"); a name with an apposition headed by a word for a settlement
("Cuyo, a 50-family community") is a GPE at every mention (:func:`.places.settlements`); a surname
alone that the tagger read as a plural noun ("Cates said", NNS) is still spread as the PERSON where
a verb follows it.

The vote runs before the surname rule, so a full name the vote makes a PERSON gives its surname
(and the words after its first name: "Le Bon"); a one-word name an ORG cue marks is no surname
(a firm named after its founder).
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from .gazetteer import is_common_word, is_country, is_place
from .names import extend_person, full_name_words, persons_full_name
from .rules import LABELS, EntityRules
from .firms import listed_firms, short_forms
from .initials import initial_names
from .articles import is_sport
from .labelcues import (CUE_TARGETS, ROLE_TARGETS, cue_label, is_demonym, name_heads,
                        party_word, role_before)
from .missed import common_words, coordinated_orgs, cued_names
from .places import settlements, towns_after_prepositions
from .standards import standard_acronyms
from .teams import teams
from .tokens import HYPHENS, all_caps_line, attached, capitalised, proper, sentence_start, taken_tokens
from .voting import first_name_evidence, people_by_context, vote

__all__ = ["relabel", "acronyms", "plural_products", "vote", "first_name_evidence", "ROLE_TARGETS", "is_demonym",
           "is_sport", "name_heads", "party_word", "role_before"]


def relabel(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Labels consistent across the document (one sense per discourse).

    * A lone surname of a PERSON named in full in the document is that PERSON.
    * "East Africa", "Southeast Asia": a direction and a continent is a LOC, not a GPE.
    * A one-word name the model labelled (always with the same label) elsewhere in the
      document gets that label where the model missed it ("Zhejiang’s" at a sentence start).
    """
    # round 14: people the model read as organisations in a list of people or before "who"
    spans = people_by_context(doc, spans, rules)
    # round 14: "Cuyo, a 50-family community": a place at every mention
    spans = settlements(doc, spans, rules.spans.settlement_nouns)
    # full names the model also labelled otherwise ("Manchester United" PERSON and GPE) give no surname
    label_sets: dict[str, set[str]] = {}
    for sp in spans:
        label_sets.setdefault(sp.text, set()).add(sp.label_)
    surnames = _surnames(spans, label_sets)
    sport = is_sport(doc, rules)
    spans = towns_after_prepositions(doc, initial_names(doc, spans, rules), rules, sport)
    spans = teams(doc, spans, rules, sport)  # round 9: clubs' names and short forms in a sports report
    surnames -= {sp[-1].text for sp in spans if sp.id_ == "fix:team"}  # "Tarnby Wanderers" is no person
    spans, cued = _context_labels(doc, cued_names(doc, spans, rules), rules)
    spans = coordinated_orgs(doc, vote(doc, common_words(doc, standard_acronyms(doc, spans), rules), rules), rules)
    spans = listed_firms(doc, spans, rules, sport)
    # full names the vote made people at every mention ("Carolina Kluft" by her first name) give
    # surnames too; a name the model labelled PERSON and otherwise stays ambiguous
    surnames |= _surnames(spans, {sp.text: {"PERSON"} for sp in spans
                                  if sp.id_ == "fix:vote" and "PERSON" not in label_sets.get(sp.text, ())})
    # a one-word name a context cue gives another label is no surname ("shares in Wimpey" beside
    # "George Wimpey": a firm named after its founder)
    surnames = {text for text in surnames if cued.get(text) != "ORG"}
    out = plural_products(doc, _people_and_regions(doc, spans, surnames, rules), rules)
    # an acronym after its expansion, a club's short form ("United"): the long name's label
    linked = acronyms(doc, out)
    linked.update({sp[-1].text: "ORG" for sp in out if sp.label_ == "ORG" and len(sp) >= 2
                   and sp[-1].text in rules.club_heads and proper(sp[-1])})
    # an institution's short form ("the Library" after "the British Library") is relabelled, not spread
    short = {sp[-1].text: "ORG" for sp in out if sp.label_ == "ORG" and len(sp) >= 2
             and sp[-1].text in rules.org_heads and proper(sp[-1])}
    out = [Span(doc, sp.start, sp.end, label=(linked | short)[sp.text], span_id="fix:relabel")
           if sp.text in linked | short and sp.label_ in LABELS and sp.label_ != (linked | short)[sp.text] else sp
           for sp in out]
    # a firm's front word alone ("Pew" after "Pew Research Center") is the firm, over a PERSON label
    fronts = {text: label for text, label in short_forms(doc, out, rules).items()
              if text not in linked and text not in surnames}
    out = [Span(doc, sp.start, sp.end, label="ORG", span_id="fix:relabel")
           if len(sp) == 1 and sp.text in fronts and sp.label_ == "PERSON"
           and not (sp.end < len(doc) and doc[sp.end].text in HYPHENS and attached(sp[-1], doc[sp.end]))
           else sp for sp in out]  # not "Blu-ray"
    # one-word names: the label the document gives them
    labels: dict[str, list[str]] = {}
    for sp in out:
        if sp.label_ in LABELS and len(sp) == 1:
            labels.setdefault(sp.text, []).append(sp.label_)
    # one label, given at least twice: a single model error is not spread
    # ORG only for acronyms: one-word organisation labels are where the model errs most
    # (song and product names); GPE, LOC, NORP and PERSON are spread as given.
    known = {text: ls[0] for text, ls in labels.items() if len(set(ls)) == 1 and len(ls) >= 2
             and (ls[0] in {"GPE", "LOC", "NORP", "PERSON"} or (ls[0] == "ORG" and text.isupper()))}
    for text in surnames:
        known[text] = "PERSON"
    known.update(linked)
    for text, label in cued.items():  # a label from context is spread like one the model gave twice
        if text not in surnames and len(set(labels.get(text, [label]))) == 1:
            known[text] = label
    taken = taken_tokens(out)
    added = []
    # the nationality cut from before a name is a NORP of its own ("Kenyan Alice Timbilil")
    for sp in out:
        j = sp.start - 1
        if (sp.label_ == "PERSON" and j >= 0 and j not in taken and is_demonym(doc[j].lower_, rules)
                and doc[j].is_title):
            added.append(Span(doc, j, j + 1, label="NORP", span_id="fix:relabel"))
            taken.add(j)
    for t in doc:
        label = known.get(t.text)
        if (label and t.i not in taken and (capitalised(t) or t.is_upper)
                and not _in_name_run(doc, t.i, taken, label)
                and (t.tag_ in {"NNP", "NNPS"} or (label == "NORP" and t.tag_ == "JJ")
                     or (t.text in surnames and t.tag_ == "NNS" and _verb_after(doc, t.i)))
                and not all_caps_line(doc, t.i, t.i + 1)):
            s, e = t.i, t.i + 1
            if label == "PERSON":  # "A Jones", "R de Marigny"
                s, e = extend_person(doc, s, e, taken, rules)
            taken |= set(range(s, e))
            added.append(Span(doc, s, e, label=label, span_id="fix:propagate"))
    if added:
        out = sorted(out + added, key=lambda sp: sp.start)
    return out


#: a plural this common (wordfreq Zipf) is the English word, not a surname ("People" of "24 Hour Party
#: People"; "Jones" is 4.7, "Davies" 3.9)
_PLURAL_ZIPF = 5.0


def _verb_after(doc: Doc, i: int) -> bool:
    """Round 14: a verb right after token i, which is no common English word: a person's surname the
    tagger read as a plural noun ("Cates said", tagged NNS) is still the person's there."""
    return i + 1 < len(doc) and doc[i + 1].tag_.startswith("VB") and not is_common_word(doc[i].text, _PLURAL_ZIPF)


def _people_and_regions(doc: Doc, spans: list[Span], surnames: set[str], rules: EntityRules) -> list[Span]:
    """A lone surname of a PERSON, or the words after a three-word PERSON's first name ("Le Bon"
    after "Simon Le Bon", "Parker Bowles"), is that PERSON; "East Africa" is a LOC."""
    tails = {sp[1:].text for sp in spans if sp.label_ == "PERSON" and len(sp) >= 3
             and sp[-1].text in surnames and " " in sp[1:].text}
    firsts = _first_names(spans, rules)
    alone = Counter(sp.text for sp in spans if len(sp) == 1)
    out = []
    for sp in spans:
        if ((len(sp) == 1 and sp.text in surnames or sp.text in tails)
                and sp.label_ in {"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "NORP", "GPE", "LOC"}):
            sp = Span(doc, sp.start, sp.end, label="PERSON", span_id="fix:relabel")
        elif (len(sp) == 1 and sp.label_ in {"ORG", "GPE", "LOC", "NORP", "FAC"} and sp.text in firsts
              and alone[sp.text] <= FIRST_NAME_MENTIONS
              and not (sp.end < len(doc) and doc[sp.end].text in firsts[sp.text])
              and not (is_place(sp.text) or is_country(sp.text))):
            sp = Span(doc, sp.start, sp.end, label="PERSON", span_id="fix:relabel")  # "faith in Jonatan"
        elif (sp.label_ == "GPE" and len(sp) == 2 and sp[0].text in rules.directions
              and sp[1].text in rules.continents and sp.text not in rules.region_countries):
            sp = Span(doc, sp.start, sp.end, label="LOC", span_id="fix:relabel")
        out.append(sp)
    return out


#: a first name written alone more often than this is no person's on the full name's evidence: a firm, a
#: product or a group named like a person ("Sun" beside "Sun Microsystems", "Mac" beside "Mac Mini")
FIRST_NAME_MENTIONS = 2


def _first_names(spans: list[Span], rules: EntityRules) -> dict[str, set[str]]:
    """Round 13: the first name of each person's full name in the document (a first name at its
    front, :func:`.names.persons_full_name`; every mention of the full name a PERSON) -> the words
    after it in those names. Such a word alone, written alone at most ``FIRST_NAME_MENTIONS`` times,
    is that person ("I have faith in Jonatan" beside "Jonatan Johansson"), unless the next word goes
    on as the full name ("Christian Aid")."""
    labels: dict[str, set[str]] = {}
    for sp in spans:
        labels.setdefault(sp.text, set()).add(sp.label_)
    out: dict[str, set[str]] = {}
    for sp in spans:
        first = sp[0].text
        if (sp.label_ == "PERSON" and labels[sp.text] == {"PERSON"} and persons_full_name(sp, rules)
                and all(capitalised(t) for t in sp) and not is_demonym(first.lower(), rules)
                and not party_word(first, rules)):
            out.setdefault(first, set()).add(sp[1].text)
    return out


def _surnames(spans: list[Span], label_sets: dict[str, set[str]]) -> set[str]:
    """Last words of the full names whose every label in ``label_sets`` is PERSON."""
    return {sp[-1].text for sp in spans
            if sp.label_ == "PERSON" and len(sp) >= 2 and capitalised(sp[-1])
            and label_sets.get(sp.text) == {"PERSON"}
            # not the part after a hyphen ("Ex-Labour", "Tory-Labour", "Smith-Jones") nor after a line break,
            # nor a peer's place ("Callaghan of Cardiff")
            and sp[-2].text not in HYPHENS and sp[-2].lower_ != "of" and not any(t.is_space for t in sp)}


def plural_products(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A name in the plural is a product ("two Xboxes" beside "Xbox"): people and places are
    not counted. Words of people's names and nationalities are left alone ("the Williamses")."""
    names = {sp.text for sp in spans if sp.label_ in LABELS}
    people = full_name_words(spans)
    products = set()
    for sp in spans:
        text = sp.text
        stem = next((text[:-n] for n in (2, 1) if len(text) > n + 2 and text[:-n] in names), None)
        if (len(sp) == 1 and stem is not None and sp.label_ in {"PERSON", "ORG", "GPE", "LOC", "PRODUCT"}
                and text.endswith("s") and sp[0].is_title and stem not in people and text not in people
                and stem.lower() not in rules.demonyms and text.lower() not in rules.demonyms):
            products |= {text, stem}  # the singular names the same product ("Xbox" beside "Xboxes")
    return [Span(doc, sp.start, sp.end, label="PRODUCT", span_id="fix:relabel")
            if sp.text in products and sp.label_ in {"PERSON", "ORG", "GPE", "LOC"} else sp for sp in spans]


def acronyms(doc: Doc, spans: list[Span]) -> dict[str, str]:
    """Acronyms introduced after their expansion -> the expansion's label
    ("Office of Fair Trading (OFT)", "Hewlett Packard (HP)")."""
    out = {}
    for sp in spans:
        e = sp.end
        if sp.label_ not in LABELS or len(sp) < 2 or e + 2 >= len(doc) or doc[e].text != "(" or doc[e + 2].text != ")":
            continue
        acr = doc[e + 1].text
        if not (acr.isupper() and acr.isalpha() and len(acr) >= 2):
            continue
        caps = "".join(t.text[0] for t in sp if t.text[:1].isupper())
        every = "".join(t.text[0].upper() for t in sp if t.is_alpha)
        if acr in (caps, every):
            out[acr] = sp.label_
    return out


def _context_labels(doc: Doc, spans: list[Span], rules: EntityRules) -> tuple[list[Span], dict[str, str]]:
    """Labels from context cues: a name whose cues agree takes that label at its other
    mentions; returns the spans and the names with their cued labels."""
    cued: dict[str, set[str]] = {}
    model: dict[str, list[str]] = {}
    for sp in spans:
        if sp.label_ in LABELS:
            model.setdefault(sp.text, []).append(sp.label_)
        label = cue_label(doc, sp, rules, spans)
        if label:
            cued.setdefault(sp.text, set()).add(label)
    agreed = {text: next(iter(ls)) for text, ls in cued.items() if len(ls) == 1}
    if not agreed:
        return spans, agreed
    out = []
    for sp in spans:
        label = agreed.get(sp.text)
        if label and label != sp.label_ and sp.label_ in CUE_TARGETS[label]:
            ls = model[sp.text]
            # a product name the model mostly calls an ORG is the company's name ("Sony" console)
            if not (label == "PRODUCT" and sp.label_ == "ORG" and 2 * ls.count("ORG") >= len(ls)):
                sp = Span(doc, sp.start, sp.end, label=label, span_id="fix:context")
        out.append(sp)
    return out, agreed


def _in_name_run(doc: Doc, i: int, taken: set[int], label: str) -> bool:
    """Token i touches another capitalised word, an entity, a hyphen or a name particle
    ("Los Angeles Sevens", "EV-DO", "Stade de France")."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(doc):
            n = doc[j]
            if j in taken and not n.is_punct:
                return True
            if n.text in HYPHENS and (attached(n, doc[i]) if j < i else attached(doc[i], n)):
                return True
            if j < i and label != "PERSON" and n.is_lower and n.lower_ in {"de", "du", "des", "of", "la", "le", "del"}:
                return True
            if n.is_title and n.tag_ in {"NNP", "NNPS"} and not sentence_start(doc, max(i, j)):
                return True
    return False
