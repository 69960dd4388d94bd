"""Labels from the words around one mention of a name: the context cues the vote of
:mod:`.consistency` weighs (and facts about the document they need: a sports report, a
nationality word, a party's name).

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
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .names import persons_full_name
from .rules import EntityRules, LabelCues
from .gazetteer import available, is_british_town, is_country, is_place, org_words
from .firms import body_cue, brand_cue, maker_cue, role_at_cue
from .works import no_model
from .tokens import HYPHENS, POSSESSIVE, all_caps_line, attached, capitalised, sentence_start


def name_heads(rules: EntityRules) -> frozenset[str]:
    """Head words of names that are no works and no people: organisations, places, events, awards."""
    return (rules.org_heads | rules.company_heads | rules.club_heads | rules.fac_heads | rules.event_heads
            | rules.award_heads)


def party_word(text: str, rules: EntityRules) -> bool:
    """A party's name or its adjective: "Tories", "Tory", "Conservative" (beside "Conservatives")."""
    members = rules.labels.party_members
    return text in members or text + "s" in members or (text.endswith("y") and text[:-1] + "ies" in members)


def is_demonym(word: str, rules: EntityRules) -> bool:
    """A nationality word, singular or plural ("Briton", "Britons")."""
    return word in rules.demonyms or (word.endswith("s") and word[:-1] in rules.demonyms)


# the model labels a cued label overrules at the other mentions of the name
CUE_TARGETS = {"GPE": {"ORG", "PERSON"}, "ORG": {"PERSON", "PRODUCT", "WORK_OF_ART", "GPE", "NORP"},
                "PRODUCT": {"PERSON", "LOC", "NORP", "GPE", "ORG"},
                "PERSON": {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"}}


def cue_label(doc: Doc, sp: Span, rules: EntityRules, spans: list[Span] = ()) -> str | None:
    """The label a neighbouring word gives the name ``sp`` (None: no cue, or the model's label
    is one the cue does not overrule); ``spans``, the document's, for cues that read other names."""
    s, e, label = sp.start, sp.end, sp.label_
    prev = doc[s - 1] if s >= 1 else None
    nxt = doc[e] if e < len(doc) else None
    cues = rules.labels
    if label == "PERSON" and _acronym(sp) and not all_caps_line(doc, s, e):
        return "ORG"  # round 12: an all-capitals word in running text is no person's name ("RICS added")
    if label in CUE_TARGETS["PERSON"] | {"PERSON"} and _person_cue(doc, sp, rules, cues):
        return "PERSON"  # a PERSON label is confirmed: "in Anderson's hometown" is no place
    if (label in CUE_TARGETS["PERSON"] and list_cue(doc, sp, org_words().person_list_nouns)
            and not (is_country(sp.text) or sp.text in rules.home_nations or _modifies_next(doc, sp.end, rules))):
        return "PERSON"  # "classical authors like Tarvo, Quell and Bessin"
    if label in {"ORG", "PERSON"}:
        # "the town of X", "X-based", "travel to X", "near X"
        if (s >= 2 and prev.lower_ == "of" and doc[s - 2].lower_ in rules.gpe_cue_nouns
                and doc[s - 2].is_lower):
            return "GPE"
        if phrase_before(doc, s) & rules.place_cue_before or _copula_place(doc, e, rules):
            return "GPE"
        if (nxt is not None and nxt.text in HYPHENS and e + 1 < len(doc) and doc[e + 1].lower_ == "based"
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
        if label == "PERSON" and nxt is not None and nxt.lower_ in rules.org_member_nouns:
            return "ORG"  # round 12: "ETH Zurich researchers", "Quellor engineers"
        if word_before(doc, s) in rules.org_cue_before:
            return "ORG"  # "telecoms supplier X", "search start-up X"
        # "drew with X", "at home to X", "chief executive of X"
        if cue_phrases(doc, s) & rules.org_cue_phrases:  # round 11: also "Pupils at X"
            return "ORG"
        if org_cue(doc, sp, cues) or brand_cue(doc, sp, rules) or role_at_cue(doc, sp):
            return "ORG"  # "X's chief executive", "the X brand", "portal director at X"
        if maker_cue(doc, sp, list(spans), rules):
            return "ORG"  # round 8: "X unveiled the DB9", "the X DB9"
        if body_cue(doc, sp, list(spans), rules):
            return "ORG"  # round 14: "Tods Murray which has a client", "Balco founder Victor Conte"
    if label in {"ORG", "PERSON", "GPE"} and _org_list_cue(doc, sp, cues):
        return "ORG"
    # a name the model took for a nationality or a party: "X's customers", "X, the internet supplier"
    if (label == "NORP" and not is_demonym(sp.text.lower(), rules) and sp.text not in cues.party_members
            and (org_cue(doc, sp, cues) or brand_cue(doc, sp, rules) or role_at_cue(doc, sp))):
        return "ORG"
    # a club: "drew with X", "X striker"; a national side (a country) keeps its GPE label
    if (label in {"ORG", "PERSON", "GPE"} and not sp.text.isupper() and sp.text not in rules.home_nations
            and not is_country(sp.text) and not (label == "PERSON" and persons_full_name(sp, rules))
            and ((nxt is not None and nxt.text in rules.club_cue_after)
                 or phrase_before(doc, s) & rules.club_cue_phrases)):
        return "ORG"
    if (label in {"PERSON", "LOC", "NORP", "PRODUCT"} and sp.text.lower() not in rules.demonyms
            and _product_word_after(doc, e, rules)):
        return "PRODUCT"  # "the Xbox console", "the Windows operating system", "its Windows and e-mail software"
    if label in {"ORG", "GPE", "LOC", "FAC"} and _new_product(doc, sp, rules, cues):  # not "the new Maradona"
        return "PRODUCT"
    return None


def _acronym(sp: Span) -> bool:
    """The span is one all-capitals word of four letters or more ("TTIP", "RICS"; three capitals
    may be a person's initials: "JFK", "FDR")."""
    return len(sp) == 1 and len(sp[0].text) >= 4 and sp[0].text.isalpha() and sp[0].text.isupper()


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
    while k >= 2 and doc[k - 1].text in HYPHENS and attached(doc[k - 2], doc[k - 1]) and attached(doc[k - 1], doc[k]) \
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


#: an age after a name: "Slater, 35," / "Slater, aged 35"
_AGE = re.compile(r"^\d{1,3}$")


def _modifies_next(doc: Doc, e: int, rules: EntityRules) -> bool:
    """The name ending before token e modifies the noun after it ("Nirvana frontman"): a hyphen,
    or a lower-case noun (tagged NN/NNS; without tags, a role, club, venue or product word)."""
    if e >= len(doc):
        return False
    nxt = doc[e]
    if nxt.text in HYPHENS:
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
    if phrase_before(doc, s) & cues.person_cue_before:
        return True
    # a few tokens before, not doc.text[:start] (spaCy rebuilds doc.text on each access: quadratic)
    before = doc[max(0, s - 6):s].text.rstrip().lower()
    return before.endswith(("-year-old", "-years-old", " year old", " years old"))


#: labels a role word before the name overrules
ROLE_TARGETS = {"ORG", "GPE", "FAC", "LOC"}


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
    words = [t for t in sp if t.text not in HYPHENS]
    return ((2 <= len(words) <= 3 or sp.label_ != "ORG")
            # "Magnus McEwen-King" is a name
            and all(capitalised(t) or (t.text in HYPHENS and 0 < t.i - sp.start < len(sp) - 1) for t in sp)
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
        if not (tok.is_lower or tok.text in HYPHENS):
            return False
    return False


def org_cue(doc: Doc, sp: Span, cues: LabelCues) -> bool:
    """A word around the name that marks an organisation: "X's shares", "X's chief executive",
    "X's customers", "the London-based X", "X, the Italian food group"."""
    s, e = sp.start, sp.end
    if e + 1 < len(doc) and doc[e].text in POSSESSIVE:
        after = {doc[e + 1].lower_, doc[e + 1:e + 3].text.lower()}  # "shares", "chief executive"
        if after & cues.org_cue_possessed:
            return True
    if (s >= 2 and doc[s - 1].lower_ == "based" and doc[s - 2].text in HYPHENS
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
        if tok is not None and (tok.text in POSSESSIVE or (tok.text in HYPHENS and attached(doc[j - 1], tok))):
            continue  # "the UK's", "second-largest"
        if tok is None or tok.is_punct or tok.is_space or (tok.is_lower and tok.lower_ in ends):
            if j == e + 3 and tok is not None and tok.lower_ in ends and tok.lower_ in _CLAUSE_VERBS:
                return None  # "X, the company said": a new clause, not a description of X
            return last
        if not (tok.is_alpha or tok.like_num):
            return None
        if doc[j - 1].text in HYPHENS and attached(doc[j - 1], tok) and last:
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


def cue_phrases(doc: Doc, s: int, longest: int = 3) -> set[str]:
    """Round 11: the lower-case phrases that end right before token s (:func:`phrase_before`), and
    those of two or more words whose first word is capitalised only because it opens the sentence
    ("Pupils at X"), in lower case; not one ending in "of", where capitals read as one name
    ("School of Rock was voted ...")."""
    out = phrase_before(doc, s, longest)
    for n in range(2, longest + 1):
        if s - n < 0:
            break
        words = doc[s - n:s]
        if (words[0].is_title and words[0].is_alpha and sentence_start(doc, s - n) and words[-1].lower_ != "of"
                and all(t.is_lower and t.is_alpha for t in words[1:])):
            out.add(" ".join(t.lower_ for t in words))
    return out


def phrase_before(doc: Doc, s: int, longest: int = 3) -> set[str]:
    """The lower-case phrases of one to ``longest`` words that end right before token s."""
    out = set()
    for n in range(1, longest + 1):
        words = doc[max(0, s - n):s]
        if len(words) < n or not all(t.is_lower and t.is_alpha for t in words):
            break
        out.add(" ".join(t.text for t in words))
    return out
