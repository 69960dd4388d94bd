"""One name, one label per document: surnames, context cues and spreading a label.

These rules look at every span of the document together (one sense per discourse); the
span-level rules of :mod:`.names` have run before them.

Label cues (word lists in ``resources/entity_labels.json``, read by :func:`.rules.load_label_cues`):

* a person: a title before the name ("President X"), "directed by X", "starring X", "son of X"
  (``person_cue_before``); "X's wife", "X's hometown" (``person_cue_possessed``); an age after
  the name ("X, 35,", "X, aged 35") or before it ("the 33-year-old X"); never a country's name
  and never a name that modifies the noun after it ("the widow of Nirvana frontman X");
* an organisation: "X's shares", "X's chief executive", "X's customers" (``org_cue_possessed``);
  "the London-based X"; every member of "companies such as A, B and C" (``org_list_nouns``); and
  the lists of ``entity_words.json`` ("wireless provider X", "X laboratory", "shares in X", "X
  general secretary", "X newspaper", "an analyst at X"); every member of "rival makers include A
  and B"; a description after a comma opened by a determiner and headed by a lower-case word for
  an organisation ("X, the UK's biggest internet supplier", "X, an umbrella organisation for
  ..."; ``org_apposition_nouns`` of ``entity_orgs.json``; not "X, the firm's boss", nor "X, the
  company said"); these cues also overrule a GPE label on a name that neither the place
  gazetteer nor the countries' short names know (round 3: "X's subsidiary"), and a NORP label on
  a name that is no nationality and no party (round 4);
* a person: every member of "classical authors like A, B and C" (``person_list_nouns``), unless
  it modifies the noun after it ("leaders such as Microsoft chief Bill Gates");
* a product: "the new X", "its latest X" (``product_cue_new``) unless the name modifies a noun
  after it ("the new England coach"), starts a list of names ("the new X, Y and Z cards"), is a
  person or a place;
* a first name at the front of a two- or three-word name (:func:`.gazetteer.is_first_name`:
  "Carolina Kluft") is evidence for a PERSON in the vote, unless the first word starts brand or
  place names (``first_name_blockers``), the last word is a head word of a non-person name
  (``not_people_heads`` and the heads of ``entity_words.json``) or a title before another name,
  the name is a place, or a cue at any mention gives the name another label;
* unseen-text audit (issue 14): a role word before the name ("reggae star X", a heading's "Singer
  X") is a PERSON cue, unless firms take it too (``shared_roles`` of ``entity_orgs.json``); "X is
  a wonderful city" a GPE cue; a hyphenated firm word ("search start-up X"), "founder of X", "X's
  IPO" ORG cues; a first name is no evidence for a name the model calls no person three times
  whose last word never stands alone ("Fannie Mae", "Merrill Lynch"), nor after a word for a work
  ("the film Vera Drake"); "X the cat" and "a move to X" are no place evidence, and a known place
  after a place preposition confirms a GPE label outside sports reports; the model's GPE on an
  acronym that names no known place ("BT") is no vote; in a sports report a GPE win reaches only
  the mentions with a place cue of their own, unless the name is a country's;
* a place paired with the name ("from X to Edinburgh", "between Edinburgh and X"), known places
  on both sides of it in a list, or an institution and a comma before a known place ("Oriel
  College, Oxford") are evidence for a GPE.

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

The vote runs before the surname rule, so a full name the vote makes a PERSON gives its surname
(and the words after its first name: "Le Bon"); a one-word name an ORG cue marks is no surname
(a firm named after its founder).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .names import extend_person, persons_full_name
from .rules import LABELS, EntityRules, LabelCues
from .gazetteer import available, is_british_town, is_common_word, is_country, is_first_name, is_place, org_words
from .firms import brand_cue, listed_firms, maker_cue, role_at_cue, short_forms
from .initials import initial_names, initials_evidence
from .places import towns_after_prepositions
from .standards import standard_acronyms
from .works import no_model
from .tokens import (POSSESSIVE, all_caps_line, attached, capitalised, proper, sentence_start,
                     taken_tokens)

def name_heads(rules: EntityRules) -> frozenset[str]:
    """Head words of names that are no works and no people: organisations, places, events, awards."""
    return (rules.org_heads | rules.company_heads | rules.club_heads | rules.fac_heads | rules.event_heads
            | rules.award_heads)


def relabel(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Labels consistent across the document (one sense per discourse).

    * A lone surname of a PERSON named in full in the document is that PERSON.
    * "East Africa", "Southeast Asia": a direction and a continent is a LOC, not a GPE.
    * A one-word name the model labelled (always with the same label) elsewhere in the
      document gets that label where the model missed it ("Zhejiang’s" at a sentence start).
    """
    # full names the model also labelled otherwise ("Manchester United" PERSON and GPE) give no surname
    label_sets: dict[str, set[str]] = {}
    for sp in spans:
        label_sets.setdefault(sp.text, set()).add(sp.label_)
    surnames = _surnames(spans, label_sets)
    spans = towns_after_prepositions(doc, initial_names(doc, spans, rules), rules, is_sport(doc, rules))
    spans, cued = _context_labels(doc, cued_names(doc, spans, rules), rules)
    spans = coordinated_orgs(doc, vote(doc, common_words(doc, standard_acronyms(doc, spans), rules), rules), rules)
    spans = listed_firms(doc, spans, rules, is_sport(doc, rules))
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
           and not (sp.end < len(doc) and doc[sp.end].text in _HYPHENS and attached(sp[-1], doc[sp.end]))
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
                and (t.tag_ in {"NNP", "NNPS"} or (label == "NORP" and t.tag_ == "JJ"))
                and not all_caps_line(doc, t.i, t.i + 1)):
            s, e = t.i, t.i + 1
            if label == "PERSON":  # "A Jones", "R de Marigny"
                s, e = extend_person(doc, s, e, taken, rules)
            taken |= set(range(s, e))
            added.append(Span(doc, s, e, label=label, span_id="fix:propagate"))
    if added:
        out = sorted(out + added, key=lambda sp: sp.start)
    return out


def _name_word(tok) -> bool:
    """A word of a name the model may have missed: capitalised or with capitals inside, letters
    only ("Usdaw", "CompTIA", "BT")."""
    return tok.text[:1].isupper() and tok.text.isalpha() and not tok.is_space


def cued_names(doc: Doc, spans: list[Span], rules: EntityRules, longest: int = 4) -> list[Span]:
    """Names the model missed that an organisation's words around them mark as ORG: "Usdaw
    general secretary X", "X, an umbrella organisation for ...", "X's customers", "an analyst
    at X". A run of up to ``longest`` capitalised words no span holds; not a place, a
    nationality, a title or a role, nor a common English word at a sentence start ("Industry
    analysts"), nor in an all-capitals line."""
    taken = taken_tokens(spans)
    cues = rules.labels
    added = []
    i = 0
    while i < len(doc):
        if i in taken or not _name_word(doc[i]):
            i += 1
            continue
        j = i
        while j < len(doc) and j not in taken and _name_word(doc[j]) and j - i < longest:
            j += 1
        while i < j - 1 and sentence_start(doc, i) and doc[i].lower_ in org_words().run_openers:
            i += 1  # "And WMC chief executive ...", "But Quellnet said ..."
        if _missed_org(doc, i, j, rules, cues):
            added.append(Span(doc, i, j, label="ORG", span_id="fix:cue_org"))
        i = j
    return sorted(spans + added, key=lambda sp: sp.start) if added else spans


def _missed_org(doc: Doc, s: int, e: int, rules: EntityRules, cues: LabelCues) -> bool:
    """Capitalised words s..e no span holds name an organisation by a cue around them."""
    text = doc[s:e].text
    words = [t.text for t in doc[s:e]]
    if (any(w in rules.titles or w.lower() in rules.role_words or w in rules.courtesy_titles
            or is_demonym(w.lower(), rules) or w.lower() in rules.leading_determiners for w in words)
            or is_place(text) or is_country(text) or text in rules.home_nations
            or text in rules.gpe_abbreviations or all_caps_line(doc, s, e)):
        return False
    if e - s == 1 and (len(text) < 3 if doc[s].is_upper else is_common_word(text)):
        return False  # "Budget airline", "Industry analysts", "PC magazine": a common word, not a name
    sp = doc[s:e]
    nxt = doc[e] if e < len(doc) else None
    if nxt is not None and (nxt.text in rules.org_cue_after or doc[e:e + 2].text in rules.org_cue_after):
        return True
    if word_before(doc, s) in rules.org_cue_before:
        return True  # "Norwegian telecoms company X", "search start-up X"
    return bool(_phrase_before(doc, s) & rules.org_cue_phrases) or _org_cue(doc, sp, cues)


#: words joining the members of a list of names
_JOINERS = {",", "and", "or", "&"}


def coordinated_orgs(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A one-word name the model took for a nationality (no demonym, party or direction word) is
    an ORG when it is joined by "and", "or" or a comma to an ORG ("BT and Zorvex have been
    dissuading customers"): lists join names of one kind. Not in a sports report (team sheets
    list players beside clubs), nor for a plural of another name ("Saabs, Opels": products)."""
    if is_sport(doc, rules):
        return spans
    orgs_by_end = {sp.end: sp for sp in spans if sp.label_ == "ORG"}
    orgs_by_start = {sp.start: sp for sp in spans if sp.label_ == "ORG"}
    names = {sp.text for sp in spans}
    out = []
    for sp in spans:
        s, e = sp.start, sp.end
        odd = (len(sp) == 1 and sp[0].is_alpha and sp.label_ == "NORP" and sp[0].is_title
               and not is_demonym(sp.text.lower(), rules) and not party_word(sp.text, rules)
               and sp.text not in rules.directions and sp.text[:-1] not in names)
        if odd and ((s >= 2 and doc[s - 1].lower_ in _JOINERS and (s - 1) in orgs_by_end)
                    or (e + 1 < len(doc) and doc[e].lower_ in _JOINERS and (e + 1) in orgs_by_start)):
            sp = Span(doc, s, e, label="ORG", span_id="fix:context")
        out.append(sp)
    return out


def party_word(text: str, rules: EntityRules) -> bool:
    """A party's name or its adjective: "Tories", "Tory", "Conservative" (beside "Conservatives")."""
    members = rules.labels.party_members
    return text in members or text + "s" in members or (text.endswith("y") and text[:-1] + "ies" in members)


def common_words(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A one-word name at a sentence or line start ("Broadband has become ...", "Budget airline
    X") is no name when it is a common English word that the document also writes in lower case
    and never capitalises in mid-sentence; places, nationalities and first names are kept."""
    lower = {t.lower_ for t in doc if t.is_lower and t.is_alpha}
    mid = {t.text for t in doc if t.is_title and not sentence_start(doc, t.i)}
    out = []
    for sp in spans:
        text = sp.text
        if (len(sp) == 1 and sp.label_ in {"ORG", "GPE", "PERSON", "NORP", "LOC"} and sp[0].is_title
                and sentence_start(doc, sp.start) and text.lower() in lower and text not in mid
                and is_common_word(text) and not (is_place(text) or is_country(text) or is_first_name(text)
                                                  or is_demonym(text.lower(), rules))):
            continue
        out.append(sp)
    return out


def _people_and_regions(doc: Doc, spans: list[Span], surnames: set[str], rules: EntityRules) -> list[Span]:
    """A lone surname of a PERSON, or the words after a three-word PERSON's first name ("Le Bon"
    after "Simon Le Bon", "Parker Bowles"), is that PERSON; "East Africa" is a LOC."""
    tails = {sp[1:].text for sp in spans if sp.label_ == "PERSON" and len(sp) >= 3
             and sp[-1].text in surnames and " " in sp[1:].text}
    out = []
    for sp in spans:
        if ((len(sp) == 1 and sp.text in surnames or sp.text in tails)
                and sp.label_ in {"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "NORP", "GPE", "LOC"}):
            sp = Span(doc, sp.start, sp.end, label="PERSON", span_id="fix:relabel")
        elif (sp.label_ == "GPE" and len(sp) == 2 and sp[0].text in rules.directions
              and sp[1].text in rules.continents and sp.text not in rules.region_countries):
            sp = Span(doc, sp.start, sp.end, label="LOC", span_id="fix:relabel")
        out.append(sp)
    return out


def _surnames(spans: list[Span], label_sets: dict[str, set[str]]) -> set[str]:
    """Last words of the full names whose every label in ``label_sets`` is PERSON."""
    return {sp[-1].text for sp in spans
            if sp.label_ == "PERSON" and len(sp) >= 2 and capitalised(sp[-1])
            and label_sets.get(sp.text) == {"PERSON"}
            # not the part after a hyphen ("Ex-Labour", "Tory-Labour", "Smith-Jones") nor after a line break,
            # nor a peer's place ("Callaghan of Cardiff")
            and sp[-2].text not in _HYPHENS and sp[-2].lower_ != "of" and not any(t.is_space for t in sp)}


def is_demonym(word: str, rules: EntityRules) -> bool:
    """A nationality word, singular or plural ("Briton", "Britons")."""
    return word in rules.demonyms or (word.endswith("s") and word[:-1] in rules.demonyms)


def _cue_label(doc: Doc, sp: Span, rules: EntityRules, spans: list[Span] = ()) -> str | None:
    """The label a neighbouring word gives the name ``sp`` (None: no cue, or the model's label
    is one the cue does not overrule); ``spans``, the document's, for cues that read other names."""
    s, e, label = sp.start, sp.end, sp.label_
    prev = doc[s - 1] if s >= 1 else None
    nxt = doc[e] if e < len(doc) else None
    cues = rules.labels
    if label in _CUE_TARGETS["PERSON"] | {"PERSON"} and _person_cue(doc, sp, rules, cues):
        return "PERSON"  # a PERSON label is confirmed: "in Anderson's hometown" is no place
    if (label in _CUE_TARGETS["PERSON"] and list_cue(doc, sp, org_words().person_list_nouns)
            and not (is_country(sp.text) or sp.text in rules.home_nations or _modifies_next(doc, sp.end, rules))):
        return "PERSON"  # "classical authors like Tarvo, Quell and Bessin"
    if label in {"ORG", "PERSON"}:
        # "the town of X", "X-based", "travel to X", "near X"
        if (s >= 2 and prev.lower_ == "of" and doc[s - 2].lower_ in rules.gpe_cue_nouns
                and doc[s - 2].is_lower):
            return "GPE"
        if _phrase_before(doc, s) & rules.place_cue_before or _copula_place(doc, e, rules):
            return "GPE"
        if (nxt is not None and nxt.text in {"-", "‐"} and e + 1 < len(doc) and doc[e + 1].lower_ == "based"
                and attached(doc[e - 1], nxt)):
            return "GPE"
        if _site_place(doc, sp):
            return "GPE"  # "the Cowley plant", "Nissan's Smyrna plant"
    # a company's words overrule a PERSON label, and a GPE label on a name no gazetteer knows
    if label in {"ORG", "PERSON", "FAC"} or _unknown_place(sp, rules):
        # "shares in X", "X shares", "X Ltd", "telecoms supplier X" (an ORG label is confirmed)
        if s >= 2 and prev.lower_ == "in" and doc[s - 2].lower_ in rules.org_cue_in and label != "GPE":
            return "ORG"  # "investment in X" does not overrule a place ("investment in Zhejiang")
        if nxt is not None and not nxt.is_lower and nxt.lower_.rstrip(".") in rules.org_suffixes_lower:
            return "ORG"
        if nxt is not None and (nxt.text in rules.org_cue_after or doc[e:e + 2].text in rules.org_cue_after):
            return "ORG"  # "X spokesman", "X general secretary"
        if word_before(doc, s) in rules.org_cue_before:
            return "ORG"  # "telecoms supplier X", "search start-up X"
        # "drew with X", "at home to X", "chief executive of X"
        if _phrase_before(doc, s) & rules.org_cue_phrases:
            return "ORG"
        if _org_cue(doc, sp, cues) or brand_cue(doc, sp, rules) or role_at_cue(doc, sp):
            return "ORG"  # "X's chief executive", "the X brand", "portal director at X"
        if maker_cue(doc, sp, list(spans), rules):
            return "ORG"  # round 8: "X unveiled the DB9", "the X DB9"
    if label in {"ORG", "PERSON", "GPE"} and _org_list_cue(doc, sp, cues):
        return "ORG"
    # a name the model took for a nationality or a party: "X's customers", "X, the internet supplier"
    if (label == "NORP" and not is_demonym(sp.text.lower(), rules) and sp.text not in cues.party_members
            and (_org_cue(doc, sp, cues) or brand_cue(doc, sp, rules) or role_at_cue(doc, sp))):
        return "ORG"
    # a club: "drew with X", "X striker"; a national side (a country) keeps its GPE label
    if (label in {"ORG", "PERSON", "GPE"} and not sp.text.isupper() and sp.text not in rules.home_nations
            and not is_country(sp.text) and not (label == "PERSON" and persons_full_name(sp, rules))
            and ((nxt is not None and nxt.text in rules.club_cue_after)
                 or _phrase_before(doc, s) & rules.club_cue_phrases)):
        return "ORG"
    if (label in {"PERSON", "LOC", "NORP", "PRODUCT"} and sp.text.lower() not in rules.demonyms
            and _product_word_after(doc, e, rules)):
        return "PRODUCT"  # "the Xbox console", "the Windows operating system", "its Windows and e-mail software"
    if label in {"ORG", "GPE", "LOC", "FAC"} and _new_product(doc, sp, rules, cues):  # not "the new Maradona"
        return "PRODUCT"
    return None


def _site_place(doc: Doc, sp: Span) -> bool:
    """A place name before a word for an industrial site: a British town ("the Cowley plant"),
    or a known place after a firm's possessive ("Nissan's Smyrna plant"); not a maker that shares
    a foreign town's name ("the Toyota plant")."""
    s, e = sp.start, sp.end
    if not (e < len(doc) and doc[e].is_lower and doc[e].lower_ in org_words().site_heads):
        return False
    return is_british_town(sp.text) or (s > 0 and doc[s - 1].text in POSSESSIVE and is_place(sp.text))


def word_before(doc: Doc, s: int) -> str:
    """The lower-case word right before token s, a hyphenated one whole ("start-up", "co-founder");
    "" when that word is not all lower case."""
    if s < 1 or not doc[s - 1].is_lower:
        return ""
    k = s - 1
    while k >= 2 and doc[k - 1].text in _HYPHENS and attached(doc[k - 2], doc[k - 1]) and attached(doc[k - 1], doc[k]) \
            and doc[k - 2].is_lower:
        k -= 2
    return doc[k:s].text


#: the copula between a name and a description of it ("X is a wonderful city")
_COPULA = {"is", "was", "remains"}


def _copula_place(doc: Doc, e: int, rules: EntityRules, longest: int = 3) -> bool:
    """"X is a wonderful city", "X was the capital": the name is the subject of a copula whose
    complement (an article, up to ``longest`` lower-case words) is headed by a word for a place
    (``gpe_cue_nouns``), ending at punctuation, a word of ``_COMPLEMENT_ENDS`` or (tagged) any
    word but a noun ("X is a city in Y"; not "X is a city council")."""
    if e + 2 >= len(doc) or doc[e].lower_ not in _COPULA or doc[e + 1].lower_ not in {"a", "an", "the"}:
        return False
    for j in range(e + 2, min(e + 2 + longest, len(doc))):
        tok = doc[j]
        if not (tok.is_lower and tok.is_alpha):
            return False
        if tok.lower_ in rules.gpe_cue_nouns:
            after = doc[j + 1] if j + 1 < len(doc) else None
            return (after is None or after.is_punct or after.is_space or after.lower_ in _COMPLEMENT_ENDS
                    or bool(after.tag_) and not after.tag_.startswith("NN"))  # not "a city council"
    return False


#: words after which a copula's complement has ended ("X is a city in Y", "a city because ...")
_COMPLEMENT_ENDS = {"in", "of", "on", "near", "and", "but", "because", "that", "which", "where", "with", "for"}


def _unknown_place(sp: Span, rules: EntityRules) -> bool:
    """A GPE the place gazetteer (when installed) does not know, nor the lists of countries' short
    names: company cues may overrule it ("Zorvex's subsidiary", "shares in Zorvex")."""
    return (sp.label_ == "GPE" and available() and not is_place(sp.text) and not is_country(sp.text)
            and sp.text not in rules.gpe_abbreviations and sp.text not in rules.home_nations)


#: a middle initial: "M", "M."
_INITIAL = re.compile(r"^[A-Z]\.?$")
#: an age after a name: "Slater, 35," / "Slater, aged 35"
_AGE = re.compile(r"^\d{1,3}$")


def _modifies_next(doc: Doc, e: int, rules: EntityRules) -> bool:
    """The name ending before token e modifies the noun after it ("Nirvana frontman"): a hyphen,
    or a lower-case noun (tagged NN/NNS; without tags, a role, club, venue or product word)."""
    if e >= len(doc):
        return False
    nxt = doc[e]
    if nxt.text in {"-", "‐"}:
        return True
    if not (nxt.is_lower and nxt.is_alpha):
        return False
    if nxt.tag_:   # tagged (doc.has_annotation would scan the whole untagged doc on each call)
        return nxt.tag_ in {"NN", "NNS"}
    return nxt.lower_ in (rules.role_words | rules.club_cue_after | rules.fac_cue_after | rules.product_cue_after)


def _person_cue(doc: Doc, sp: Span, rules: EntityRules, cues: LabelCues) -> bool:
    """A word around the name that only a person takes: a title ("President X"), "directed by
    X", "X's wife", "X, 35,", "X, aged 35", "the 33-year-old X"; never a country's name."""
    s, e = sp.start, sp.end
    if is_country(sp.text) or sp.text in rules.home_nations:
        return False  # "the 31-year-old Norway international"
    if s >= 1 and doc[s - 1].text in rules.titles:
        return True  # "President Castro"
    if role_before(doc, sp, rules, heading=True) and doc[s - 1].lower_ not in org_words().shared_roles:
        return True  # "reggae star X", "Singer X jailed" (a heading's first word); not "market leader X"
    if e + 1 < len(doc) and doc[e].text in POSSESSIVE and doc[e + 1].lower_ in cues.person_cue_possessed:
        return True
    if e + 2 < len(doc) and doc[e].text == "," and sp[-1].is_alpha:  # not "Windows 95, 98,"
        k = e + 2 if doc[e + 1].lower_ == "aged" else e + 1
        if k < len(doc) and _AGE.match(doc[k].text) and 1 <= int(doc[k].text) <= 110:
            return doc[e + 1].lower_ == "aged" or (k + 1 < len(doc) and doc[k + 1].text == ",")
    if _modifies_next(doc, e, rules):
        return False  # the name is a modifier: "the widow of Nirvana frontman X", "the 24-year-old Reds skipper"
    if _phrase_before(doc, s) & cues.person_cue_before:
        return True
    # a few tokens before, not doc.text[:start] (spaCy rebuilds doc.text on each access: quadratic)
    before = doc[max(0, s - 6):s].text.rstrip().lower()
    return before.endswith(("-year-old", "-years-old", " year old", " years old"))


#: labels a role word before the name overrules
ROLE_TARGETS = {"ORG", "GPE", "FAC", "LOC"}
_HYPHENS = {"-", "‐"}


def role_before(doc: Doc, sp: Span, rules: EntityRules, heading: bool = False) -> bool:
    """A role word right before the name ("supermodel Anna Berg", "reggae star X"): in lower case,
    or with ``heading`` capitalised at a sentence start when the parser (if any) reads it as a
    noun ("Singer X jailed"; not "Host X", a verb). Not a one-word ORG ("steel producer X"), a
    name with a head word of a body, place or event, a title first, a known place or a home nation."""
    if sp.start < 1:
        return False
    prev = doc[sp.start - 1]
    if prev.lower_ not in rules.role_words:
        return False
    if not prev.is_lower and not (heading and prev.is_title and sentence_start(doc, prev.i)
                                  and (not prev.tag_ or prev.tag_.startswith("NN"))):
        return False
    if heading and prev.tag_ and not prev.tag_.startswith("NN"):
        return False  # "will host X": a verb, not a role
    words = [t for t in sp if t.text not in _HYPHENS]
    return ((2 <= len(words) <= 3 or sp.label_ != "ORG")
            # "Magnus McEwen-King" is a name
            and all(capitalised(t) or (t.text in _HYPHENS and 0 < t.i - sp.start < len(sp) - 1) for t in sp)
            and sp[-1].text not in name_heads(rules)
            and sp[0].text not in rules.titles
            and not is_place(sp.text) and sp.text not in rules.home_nations)


def _product_word_after(doc: Doc, e: int, rules: EntityRules) -> bool:
    """A product word right after the name, or after "and"/"or" and up to four lower-case words or
    hyphens ("Windows and e-mail software")."""
    if e < len(doc) and doc[e].text in rules.product_cue_after:
        return True
    if e >= len(doc) or doc[e].lower_ not in {"and", "or"}:
        return False
    for k in range(e + 1, min(e + 6, len(doc))):
        tok = doc[k]
        if tok.text in rules.product_cue_after:
            return k > e + 1
        if not (tok.is_lower or tok.text in {"-", "‐"}):
            return False
    return False


def _org_cue(doc: Doc, sp: Span, cues: LabelCues) -> bool:
    """A word around the name that marks an organisation: "X's shares", "X's chief executive",
    "X's customers", "the London-based X", "X, the Italian food group"."""
    s, e = sp.start, sp.end
    if e + 1 < len(doc) and doc[e].text in POSSESSIVE:
        after = {doc[e + 1].lower_, doc[e + 1:e + 3].text.lower()}  # "shares", "chief executive"
        if after & cues.org_cue_possessed:
            return True
    if (s >= 2 and doc[s - 1].lower_ == "based" and doc[s - 2].text in {"-", "‐"}
            and attached(doc[s - 2], doc[s - 1])):
        return True
    return apposition_head(doc, e) in org_words().org_apposition_nouns


#: determiners that open a description of the name after a comma ("X, the ...", "X, its ...")
_APPOSITION_OPENERS = {"the", "a", "an", "its", "their"}


def apposition_head(doc: Doc, e: int, longest: int = 7) -> str | None:
    """The last word (lower case) of a description set off by a comma after the name ending before
    token e and opened by a determiner: "BT, the UK's biggest internet supplier, ..." ->
    "supplier"; "X, an umbrella organisation for ..." -> "organisation"; "X, the firm's boss"
    -> "boss". It ends at punctuation, at a word of ``apposition_ends`` or at the end of the
    text; None when there is no such description or it runs longer than ``longest`` words."""
    if e + 2 >= len(doc) or doc[e].text != "," or doc[e + 1].lower_ not in _APPOSITION_OPENERS:
        return None
    last = None
    ends = org_words().apposition_ends
    for j in range(e + 2, min(e + 2 + longest, len(doc) + 1)):
        tok = doc[j] if j < len(doc) else None
        if tok is not None and (tok.text in POSSESSIVE or (tok.text in {"-", "‐"} and attached(doc[j - 1], tok))):
            continue  # "the UK's", "second-largest"
        if tok is None or tok.is_punct or tok.is_space or (tok.is_lower and tok.lower_ in ends):
            if j == e + 3 and tok is not None and tok.lower_ in ends and tok.lower_ in _CLAUSE_VERBS:
                return None  # "X, the company said": a new clause, not a description of X
            return last
        if not (tok.is_alpha or tok.like_num):
            return None
        if doc[j - 1].text in {"-", "‐"} and attached(doc[j - 1], tok) and last:
            last = f"{last}-{tok.lower_}"  # "film-maker": the compound is the head, not "maker"
        else:
            last = tok.lower_ if tok.is_lower else ""  # a capitalised head names something else ("the Russian Federation")
    return None


#: verbs that start a new clause after "X, the company ..." (not a description of X)
_CLAUSE_VERBS = {"said", "says", "has", "had", "have", "is", "was", "were", "are", "will", "would", "could",
                 "can", "announced", "reported", "also"}


def _before_member(doc: Doc, k: int) -> int:
    """The token before the list member that ends at token k (names, numbers, possessives)."""
    while k >= 1 and (doc[k].is_title or doc[k].is_upper or doc[k].like_num or doc[k].text in POSSESSIVE):
        k -= 1
    return k


def _org_list_cue(doc: Doc, sp: Span, cues: LabelCues) -> bool:
    """"companies, such as X", "firms including X", "banks like X": a list of organisations,
    every member of it ("companies such as Nokia, Intel, X and Y")."""
    return list_cue(doc, sp, cues.org_list_nouns)


def list_cue(doc: Doc, sp: Span, nouns: frozenset[str], longest: int = 40) -> bool:
    """The name is a member of a list after one of ``nouns`` and "such as", "including", "like",
    "include(s)" ("companies such as X, Y and Z", "classical authors like X, Y and Z")."""
    s = sp.start
    if sp.end < len(doc) and doc[sp.end].text in POSSESSIVE:
        return False  # the owner of a member: "firms such as France's Dassault"
    k = _before_member(doc, s - 1) if s >= 1 and doc[s - 1].text in POSSESSIVE else s - 1  # "Norway's X"
    # back over the members before this one: names, commas, "and", possessives
    while (k >= 1 and s - k < longest and doc[k].text in {",", "and", "or", "&"}
           and (doc[k - 1].is_title or doc[k - 1].is_upper or doc[k - 1].text in POSSESSIVE)):
        k = _before_member(doc, k - 1)
    if k >= 1 and doc[k].lower_ == "as" and doc[k - 1].lower_ == "such":
        k -= 1
    elif k < 0 or doc[k].lower_ not in {"including", "like", "include", "includes"}:
        k = -1
    if k >= 1:
        k -= 2 if doc[k - 1].text == "," and k >= 2 else 1
        return doc[k].lower_ in nouns
    return False


def _new_product(doc: Doc, sp: Span, rules: EntityRules, cues: LabelCues) -> bool:
    """"the new X", "its latest X": a product, unless the name modifies the noun after it ("the
    new England coach"), starts a list of names, or is a place, a nationality or a club."""
    s, e = sp.start, sp.end
    if s < 2 or doc[s - 1].lower_ not in cues.product_cue_new or not doc[s - 1].is_lower:
        return False
    if doc[s - 2].lower_ not in rules.product_determiners and doc[s - 2].text not in POSSESSIVE:
        return False
    if (_modifies_next(doc, e, rules) or len(sp) > 2 or sp[-1].text in cues.not_people_heads
            or no_model(doc, s, e, rules)):
        return False  # "its new Child Trust Fund", "the new M9 toll road", "the BBC's new BBC3 channel"
    if e + 1 < len(doc) and doc[e].text in {",", "and", "or", "&"} and doc[e + 1].is_title:
        return False  # a list of names before a common head: "the new Xpay, Mastercard and Visa cards"
    return not (is_place(sp.text) or is_country(sp.text) or sp.text in rules.home_nations
                or sp.text.lower() in rules.demonyms or sp[-1].text in name_heads(rules))


def first_name_evidence(doc: Doc, sp: Span, rules: EntityRules, cues: LabelCues) -> bool:
    """A two- or three-word name starting with a known first name ("Carolina Kluft",
    "Jean-Pierre Jeunet") that the model labelled as no person: evidence for a PERSON. Not
    before a word for a venue, a competition or a product ("the Tor Vale arena")."""
    if sp.label_ not in _FIRST_NAME_TARGETS:
        return False
    nxt = doc[sp.end].text if sp.end < len(doc) else ""
    if nxt in rules.fac_cue_after or nxt in rules.event_cue_after or nxt in rules.product_cue_after:
        return False
    if sp.label_ == "WORK_OF_ART" and (nxt.lower() in rules.show_words
                                       or (sp.start >= 1 and doc[sp.start - 1].lower_ in rules.work_cue_before)):
        return False  # "the film Vera Drake", "the Jonathan Dimbleby programme"
    words = sp.text.split()
    parts = [p for w in words for p in w.split("-")]
    if not 2 <= len(words) <= 3 or not all(_name_like(p) or (0 < i < len(parts) - 1 and _INITIAL.match(p))
                                           for i, p in enumerate(parts)):
        return False  # a middle initial is allowed: "Dolores M Troiani"
    first = parts[0]
    if not is_first_name(first) or first in cues.first_name_blockers:
        return False
    if parts[-1] in name_heads(rules) or parts[-1] in cues.not_people_heads:
        return False
    if (parts[-1] in rules.titles or parts[-1].lower() in rules.role_words) and nxt[:1].isupper():
        return False  # "Jefferson Parish Sheriff Harry Lee": a title before a name
    return not (is_place(sp.text) or any(is_country(w) or w in rules.continents or w in rules.directions
                                         or w.lower() in rules.demonyms for w in words))


def _name_like(word: str) -> bool:
    """A capitalised word with lower-case letters ("Kluft", "McEwen", "O'Neill"), no acronym."""
    letters = word.replace("'", "").replace("’", "")
    return word[:1].isupper() and letters.isalpha() and any(c.islower() for c in letters)


def _phrase_before(doc: Doc, s: int, longest: int = 3) -> set[str]:
    """The lower-case phrases of one to ``longest`` words that end right before token s."""
    out = set()
    for n in range(1, longest + 1):
        words = doc[max(0, s - n):s]
        if len(words) < n or not all(t.is_lower and t.is_alpha for t in words):
            break
        out.add(" ".join(t.text for t in words))
    return out


def _weak_place_cue(doc: Doc, sp: Span, rules: EntityRules, sport: bool = False) -> bool:
    """A place preposition before a name the gazetteer knows as a place ("from Colchester"), or an
    institution's name and a comma ("Oriel College, Oxford"); evidence for GPE in the vote, never
    a label on its own."""
    s, e = sp.start, sp.end
    if e + 1 < len(doc) and doc[e].lower_ == "the" and doc[e + 1].is_lower and doc[e + 1].is_alpha:
        return False  # "the rights to Garfield the cat": a character, not a place
    if (sp.label_ in {"ORG", "PERSON"} and s >= 2 and doc[s - 1].text == ","
            and doc[s - 2].text in rules.org_heads | rules.fac_heads):
        return is_place(sp.text)
    # a GPE label is confirmed ("bringing such acts to Jonesboro" against "Jonesboro ministers" ORG),
    # but not in a sports report ("a move to Southampton": the club)
    targets = {"ORG", "PERSON"} if sport else {"ORG", "PERSON", "GPE"}
    if sp.label_ not in targets or s < 1 or doc[s - 1].lower_ not in rules.gazetteer_cue_before:
        return False
    before = doc[max(0, s - 5):s - 1]
    if any(t.lower_ in rules.gazetteer_cue_blockers or _SCORE.match(t.text) for t in before):
        return False  # "lost 3-2 to Chelsea", "a transfer from Reading": the club, not the town
    return is_place(sp.text)


def _place_pair(doc: Doc, sp: Span, places: set[tuple[int, int]], named: dict[tuple[int, int], bool]) -> bool:
    """An ORG/PERSON paired with a place by "from ... to" or "between ... and" ("between
    Edinburgh and Tweedbank", "from Tweedbank to Edinburgh") or standing in a list of places:
    evidence for GPE in the vote (not in a sports report, where clubs move "from Leeds to Chelsea")."""
    s, e = sp.start, sp.end
    if sp.label_ not in {"ORG", "PERSON"} or s < 1:
        return False
    pairs = {"from": "to", "between": "and"}
    starts = {a: b for a, b in places}
    ends = {b: a for a, b in places}
    if doc[s - 1].lower_ in pairs and e + 1 < len(doc) and doc[e].lower_ == pairs[doc[s - 1].lower_]:
        return e + 1 in starts  # X is first: "from X to Edinburgh"
    if doc[s - 1].lower_ in pairs.values() and s - 1 in ends:
        k = ends[s - 1] - 1  # X is second: "between Edinburgh and X"
        if k >= 0 and pairs.get(doc[k].lower_) == doc[s - 1].lower_:
            return True
    return _in_place_list(doc, sp, named)


def _in_place_list(doc: Doc, sp: Span, named: dict[tuple[int, int], bool]) -> bool:
    """The name stands inside a list of places: the names joined to it on both sides by a comma,
    "and" or "or" are places the gazetteer knows ("London, Birmingham, X and Cambridge"; ``named``:
    span -> known place); one side is not enough ("Ross Walker, UK economist", "France's Dassault,
    Sweden's Saab"), nor are the model's GPE labels (clubs in a list: "Internazionale, X, Lyon")."""
    s, e = sp.start, sp.end
    joiners = {",", "and", "or"}
    left = next((span for span in named if span[1] == s - 1), None) if s >= 1 and doc[s - 1].lower_ in joiners else None
    right = next((span for span in named if span[0] == e + 1), None) if e < len(doc) and doc[e].lower_ in joiners else None
    return left is not None and right is not None and named[left] and named[right]


_SCORE = re.compile(r"^\d{1,2}-\d{1,2}$")
#: votes: a model label counts 1, a place gazetteer hit after a place preposition (or a country's
#: name, which needs no preposition), a place paired with the name ("from X to Edinburgh") or a
#: first name at a name's front 2, a context cue 3
_WEIGHTS = {"model": 1, "gazetteer": 2, "cue": 3}
#: labels one name's mentions share in a document
_VOTING = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"}


def vote(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """One name, one label: the mentions of a name (same text) take the label with the most
    votes, where a context cue outweighs the model's label of up to two other mentions.
    A tie changes nothing."""
    mentions: dict[str, list[int]] = {}
    for n, sp in enumerate(spans):
        if sp.label_ in _VOTING:
            mentions.setdefault(sp.text, []).append(n)
    # words of people's names are no countries here ("Jordan" after "Michael Jordan")
    name_words = {t.text for sp in spans if sp.label_ == "PERSON" and len(sp) >= 2 for t in sp}
    # a British town taken for a person is its club in a sports report (BBC football)
    sport = is_sport(doc, rules)
    cues = rules.labels
    # (start, end) of the spans that name places: "from Edinburgh to X" makes X a place too
    places = {(sp.start, sp.end) for sp in spans if sp.label_ == "GPE" or is_place(sp.text)}
    named = {(sp.start, sp.end): is_place(sp.text) for sp in spans if sp.label_ in LABELS}
    out = list(spans)
    for idxs in mentions.values():
        votes: dict[str, int] = {}
        cued = [_cue_label(doc, spans[n], rules, spans) for n in idxs]
        # a first name is no evidence against a cue ("William Hill spokesman": the bookmaker)
        first_named = (not any(c and c != "PERSON" for c in cued) and not _named_as_body(doc, spans, idxs)
                       and not any(_work_word_before(doc, spans[n].start, rules) for n in idxs))
        for n, cue in zip(idxs, cued):
            sp = spans[n]
            if cue:
                votes[cue] = votes.get(cue, 0) + _WEIGHTS["cue"]
            elif (_weak_place_cue(doc, sp, rules, sport)
                  or (sp.label_ in {"PERSON", "ORG"} and sp.text not in name_words and is_country(sp.text))
                  or (not sport and _place_pair(doc, sp, places, named))):
                votes["GPE"] = votes.get("GPE", 0) + _WEIGHTS["gazetteer"]
            elif (sport and sp.label_ == "PERSON" and len(sp) == 1 and sp.text not in name_words
                  and is_british_town(sp.text) and not (sp.start > 0 and doc[sp.start - 1].text in rules.titles)):
                votes["ORG"] = votes.get("ORG", 0) + _WEIGHTS["gazetteer"]
            elif first_named and (first_name_evidence(doc, sp, rules, cues) or initials_evidence(doc, sp, rules)):
                votes["PERSON"] = votes.get("PERSON", 0) + _WEIGHTS["gazetteer"]
            elif not (sp.label_ == "GPE" and _unknown_acronym(sp.text, rules)):
                votes[sp.label_] = votes.get(sp.label_, 0) + _WEIGHTS["model"]
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        if not ranked or (len(ranked) >= 2 and ranked[0][1] == ranked[1][1]):
            continue  # no vote (an unknown acronym labelled GPE only), or a tie
        winner = ranked[0][0]
        # in a sports report a town's name is often its club: a GPE win changes only the mentions
        # with a place cue of their own, unless the name is a country's ("a loan from X", "X's bid")
        local = sport and winner == "GPE" and not _nation(spans[idxs[0]].text, rules)
        for n in idxs:
            if out[n].label_ != winner and not (local and not _weak_place_cue(doc, spans[n], rules, sport)):
                out[n] = Span(doc, out[n].start, out[n].end, label=winner, span_id="fix:vote")
    return out


def _nation(text: str, rules: EntityRules) -> bool:
    """A country, a home nation or a continent: in a sports report its name stands for its team
    and is a GPE all the same."""
    return is_country(text) or text in rules.home_nations or text in rules.continents


def _unknown_acronym(text: str, rules: EntityRules) -> bool:
    """An acronym that names no place we know ("BT", "ODPM"; not "US", "UK", "UAE"): the model's GPE
    label on it is no vote, as places named by capitals are a short known list."""
    return (text.isupper() and text.isalpha() and len(text) >= 2 and available() and text not in rules.gpe_abbreviations
            and text not in rules.home_nations and not is_place(text) and not is_country(text))


def _work_word_before(doc: Doc, s: int, rules: EntityRules) -> bool:
    """A lower-case word for a work right before token s ("Mike Leigh's film X", "period drama X"):
    the name is a title, and a first name at its front is no evidence for a person."""
    return s >= 1 and doc[s - 1].is_lower and doc[s - 1].lower_ in rules.work_cue_before


def _named_as_body(doc: Doc, spans: list[Span], idxs: list[int], least: int = 3) -> bool:
    """The model labelled the name (two or three words) as no person at ``least`` mentions or more
    and the document never writes its last word alone, outside the full name ("Fannie Mae" ...
    "Fannie Mae", "Morgan Stanley" ... "Morgan Stanley"): a person named twice in a news story is
    also named by the surname ("Carolina Kluft" ... "Kluft"); a last word that is a place's name
    ("Borussia Dortmund" ... "Dortmund") is no surname. Then a first name is no evidence."""
    first = spans[idxs[0]]
    if len(first) < 2 or sum(spans[n].label_ != "PERSON" for n in idxs) < least:
        return False
    last = first[-1].text
    if is_place(last) or is_country(last):
        return True
    inside = {t.i for n in idxs for t in spans[n]}
    return not any(t.text == last and t.i not in inside for t in doc)


def plural_products(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A name in the plural is a product ("two Xboxes" beside "Xbox"): people and places are
    not counted. Words of people's names and nationalities are left alone ("the Williamses")."""
    names = {sp.text for sp in spans if sp.label_ in LABELS}
    people = {t.text for sp in spans if sp.label_ == "PERSON" and len(sp) >= 2 for t in sp}
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


def is_sport(doc: Doc, rules: EntityRules, least: int = 3) -> bool:
    """The article is a sports report: at least ``least`` different words of ``sport_words``."""
    seen = set()
    for t in doc:
        if t.lower_ in rules.sport_words:
            seen.add(t.lower_)
            if len(seen) >= least:
                return True
    return False


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


# the model labels a cued label overrules at the other mentions of the name
_CUE_TARGETS = {"GPE": {"ORG", "PERSON"}, "ORG": {"PERSON", "PRODUCT", "WORK_OF_ART", "GPE", "NORP"},
                "PRODUCT": {"PERSON", "LOC", "NORP", "GPE", "ORG"},
                "PERSON": {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"}}
#: labels a first name at a name's front votes against
_FIRST_NAME_TARGETS = {"ORG", "GPE", "LOC", "FAC", "WORK_OF_ART"}


def _context_labels(doc: Doc, spans: list[Span], rules: EntityRules) -> tuple[list[Span], dict[str, str]]:
    """Labels from context cues: a name whose cues agree takes that label at its other
    mentions; returns the spans and the names with their cued labels."""
    cued: dict[str, set[str]] = {}
    model: dict[str, list[str]] = {}
    for sp in spans:
        if sp.label_ in LABELS:
            model.setdefault(sp.text, []).append(sp.label_)
        label = _cue_label(doc, sp, rules, spans)
        if label:
            cued.setdefault(sp.text, set()).add(label)
    agreed = {text: next(iter(ls)) for text, ls in cued.items() if len(ls) == 1}
    if not agreed:
        return spans, agreed
    out = []
    for sp in spans:
        label = agreed.get(sp.text)
        if label and label != sp.label_ and sp.label_ in _CUE_TARGETS[label]:
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
            if n.text in {"-", "‐"} and (attached(n, doc[i]) if j < i else attached(doc[i], n)):
                return True
            if j < i and label != "PERSON" and n.is_lower and n.lower_ in {"de", "du", "des", "of", "la", "le", "del"}:
                return True
            if n.is_title and n.tag_ in {"NNP", "NNPS"} and not sentence_start(doc, max(i, j)):
                return True
    return False
