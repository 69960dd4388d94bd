"""Organisations the model labels as something else (round 9 of the organisation cues, issue 14).

Rules read on unseen BBC articles (numbers >= 100), each a cue before the document-level vote of
:mod:`.consistency`, which then spreads the ORG label to the name's other mentions:

* a lower-case word for a firm right before a name the model took for a nationality or a product
  ("security firm Symantec", "Dutch firm Tulip Computers", "pan-European group Euronext"; the
  words of ``org_cue_before``) makes an ORG, as it already does for a person or an unknown place;
  not a nationality, a party, a place or a country (:func:`firm_word_orgs`);
* "car maker X", "drug makers X": "maker" after a lower-case noun that is no film, policy or other
  maker of things people make (``maker_blockers`` of ``entity_firms.json``) marks an ORG; not a
  name that reads as a person's (a first name at its front, a title before it) nor a known place
  (:func:`maker_orgs`);
* a one-word name with a capital inside after its first three letters or more
  ("GlaxoSmithKline", "DaimlerChrysler", "MessageLabs") that the model took for a person, a
  nationality or a place is an ORG: people's surnames with a capital inside start with a short
  prefix ("McDonald", "DiCaprio", "FitzGerald"; ``person_prefixes``) (:func:`camel_case_orgs`);
* a well-known firm's name (``known_firms``: "Gazprom", "Napster", "Symantec") that the model took
  for a person, a nationality or a place is an ORG where the article marks no person by it
  (:func:`known_firm_orgs`): the list is evidence, weighed against a title, a first name or a
  person's full name, not an override;
* a department's words right before a capitalised role ("Home Secretary", "Culture Minister") are
  part of the role, no name (:func:`role_departments`);
* a chamber's short form standing alone ("the Commons", "the Lords") is an ORG (:func:`chamber_orgs`);
* an ORG ends before "on"/"in" and a day or a known place ("the Commons on Monday") (:func:`org_tails`);
* "BBC Radio" and a station's name the model labelled apart are one ORG, "BBC Radio Five Live", and
  the station's name alone is an ORG too (:func:`radio_stations`).

Round 13, after the vote (called from :mod:`.known`):

* capitalised words ending in an organisation's head word, or a body's head and a tail after
  "of"/"for" ("the Commission for Racial Equality", "JFE Holdings"), are one ORG where the model
  missed them, cut them short or read them as something else (:func:`headed_orgs`);
* an acronym in brackets right after an organisation's name ("Hindustan Aeronautics (HAL)") is an
  ORG, and so are its later mentions (:func:`bracket_acronyms`).

Round 14, after the vote (called from :mod:`.known`):

* a body's name and its short form in brackets, in either order, are both ORG ("the Bay Area
  Laboratory Cooperative (Balco)", "Cepes (Peruvian Centre for Social Studies)"; :func:`bracket_names`),
  and a country whose initials open the acronym is part of the name ("the United States Anti-Doping
  Agency (USADA)"; :func:`country_fronts`);
* an all-capitals word the model missed is an ORG when one mention reads as a body ("The IAAF will
  decide", "suspended by the IAAF"; :func:`acronym_bodies`);
* channels and newspapers named in a few words ("BBC One", "told To Vima newspaper", "the Evening
  Standard") are in :mod:`.media`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..resources import ListOf, Record, load
from .articles import is_sport
from .gazetteer import is_common_word, is_country, is_first_name, is_place, org_words
from .rules import LABELS, EntityRules, check_cases
from .tokens import (HYPHENS, POSSESSIVE, all_caps_line, attached, capitalised, replace_spans, sentence_start,
                     taken_tokens)

FIRMS_FILE = "entity_firms.json"
#: key of entity_firms.json -> whether its entries are lower-case words (False: capitalised; None: names
#: as written, "eBay")
FIRM_LISTS = {"maker_blockers": True, "person_prefixes": False, "known_firms": None, "role_departments": None,
              "role_heads": False, "chamber_names": False, "common_acronyms": None, "party_names": False,
              "broadcaster_heads": False, "club_place_heads": False, "club_plural_verbs": True,
              "band_member_nouns": True, "event_heads_org": False, "religion_names": False,
              "name_heads_extra": False, "place_heads": False, "relabel_only_heads": False, "country_heads": False, "name_tail_openers": True,
              "name_small_words": True, "bracket_heads": False,
              "not_body_acronyms": None, "body_verbs": True, "body_nouns_after": True,
              "body_nouns_possessed": True, "body_phrases_before": True, "channel_fronts": None,
              "channel_numbers": None, "paper_nouns": True, "body_reporting_verbs": True}
#: span id of the spans these rules relabel
REASON = "fix:firm"


@dataclass(frozen=True)
class FirmWords:
    """The word lists of ``entity_firms.json`` (see the module docstring)."""

    maker_blockers: frozenset[str]
    person_prefixes: frozenset[str]
    known_firms: frozenset[str]
    role_departments: frozenset[str]  # "Home" of "Home Secretary" ("and": "Trade and Industry")
    role_heads: frozenset[str]  # "Secretary", "Minister"
    chamber_names: frozenset[str]  # "Commons", "Lords": a chamber's short form
    common_acronyms: frozenset[str]  # round 12: "SMS", "GMT", "TB": abbreviations that name no organisation
    party_names: frozenset[str]  # round 12: "Labour", "UKIP": parties named as organisations
    broadcaster_heads: frozenset[str]  # round 12: "Television": a broadcaster's name ends in one
    club_place_heads: frozenset[str]  # round 12: "City" of "Exeter City": a club's name after a town's
    club_plural_verbs: frozenset[str]  # round 12: "are" of "Fulham are": a town as a plural subject is a club
    band_member_nouns: frozenset[str]  # round 12: "singer" of "Boyzone singer Ronan Keating": a band before it
    event_heads_org: frozenset[str]  # round 12: "Show", "Conference": a trade show or meeting, no organisation
    religion_names: frozenset[str]  # round 12: "Islam", "Christianity": a religion is NORP
    name_heads_extra: frozenset[str]  # round 13: "Committee", "Party": an organisation's head word
    place_heads: frozenset[str]  # round 13: "Museum": a building as often as a body (a FAC stays)
    relabel_only_heads: frozenset[str]  # round 13: "Executive": relabels the model's span, adds none
    country_heads: frozenset[str]  # round 13: "Union" of "Soviet Union": a place keeps its label
    name_tail_openers: frozenset[str]  # round 13: "of", "for" after a head ("Office of Fair Trading")
    name_small_words: frozenset[str]  # round 13: "and", "the" inside a tail ("for Work and Pensions")
    bracket_heads: frozenset[str]  # round 14: "Centre", "Cooperative": a body's head beside its short form in brackets
    not_body_acronyms: frozenset[str]  # round 14: "PM", "TV": capitals that name no body after "the"
    body_verbs: frozenset[str]  # round 14: "intends" of "X said that it intends": a body's intent
    body_nouns_after: frozenset[str]  # round 14: "founder" of "Balco founder Victor Conte"
    body_nouns_possessed: frozenset[str]  # round 14: "offices" of "Balco's offices"
    body_phrases_before: frozenset[str]  # round 14: "partner of", "part of": a body after them
    channel_fronts: frozenset[str]  # round 14: "BBC", "Channel", "Radio": a channel's number follows
    channel_numbers: frozenset[str]  # round 14: "One", "4": a channel's number ("BBC One", "Channel 4")
    paper_nouns: frozenset[str]  # round 14: "newspaper", "magazine": a paper's name before them
    body_reporting_verbs: frozenset[str]  # round 14: "said" of "X said that it intends" (firms.body_cue)


def validate_firm_words(data: object = None, name: str = FIRMS_FILE) -> FirmWords:
    """The lists of ``name`` (or ``data`` given in its place); a key that is missing, unknown or of
    the wrong case is an error naming it and what was allowed."""
    data = load(name, Record({key: ListOf(str) for key in FIRM_LISTS}), data)
    check_cases(name, data, {key: lower for key, lower in FIRM_LISTS.items() if lower is not None})
    return FirmWords(**{key: frozenset(data[key]) for key in FIRM_LISTS})


@lru_cache(maxsize=None)
def firm_words(name: str = FIRMS_FILE) -> FirmWords:
    """The round-9 organisation lists (package data), read and checked once per process."""
    return validate_firm_words(name=name)


#: labels a firm's word before the name overrules here (PERSON and unknown places: consistency.py)
_FIRM_WORD_TARGETS = {"NORP", "PRODUCT"}
#: labels "X maker" and a capital inside a word overrule
_MAKER_TARGETS = {"PERSON", "NORP", "GPE", "PRODUCT", "FAC", "WORK_OF_ART", "LOC"}
_CAMEL_TARGETS = {"PERSON", "NORP", "GPE"}


def _word_before(doc: Doc, s: int) -> str:
    """The lower-case word right before token s, a hyphenated one whole ("start-up"); "" if none."""
    if s < 1 or not doc[s - 1].is_lower:
        return ""
    k = s - 1
    while (k >= 2 and doc[k - 1].text in HYPHENS and doc[k - 2].is_lower
           and attached(doc[k - 2], doc[k - 1]) and attached(doc[k - 1], doc[k])):
        k -= 2
    return doc[k:s].text


def _not_a_firm(sp: Span, rules: EntityRules) -> bool:
    """A nationality, a party, a place or a country: no firm whatever word comes before it."""
    low = sp.text.lower()
    return (low in rules.demonyms or low.rstrip("s") in rules.demonyms
            or low in rules.spans.continental_adjectives
            or sp.text in rules.labels.party_members or sp.text + "s" in rules.labels.party_members
            or is_place(sp.text) or is_country(sp.text) or sp.text in rules.home_nations
            or not sp[0].text[:1].isupper())


def _as_org(doc: Doc, sp: Span) -> Span:
    return Span(doc, sp.start, sp.end, label="ORG", span_id=REASON)


def firm_word_orgs(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A NORP or PRODUCT span right after a lower-case word for a firm (``org_cue_before``:
    "security firm Symantec", "pan-European group Euronext") is an ORG, unless it is a
    nationality, a party, a place or a country."""
    return [_as_org(doc, sp) if (sp.label_ in _FIRM_WORD_TARGETS and _word_before(doc, sp.start) in rules.org_cue_before
                                 and not _not_a_firm(sp, rules)) else sp
            for sp in spans]


def maker_before(doc: Doc, s: int) -> bool:
    """"car maker X", "drug makers X": "maker(s)" right before token s after a lower-case noun that
    makes things, not films or policies (``maker_blockers``)."""
    if s < 2 or doc[s - 1].lower_ not in {"maker", "makers"} or not doc[s - 1].is_lower:
        return False
    noun = _word_before(doc, s - 1)
    return bool(noun) and noun.isalpha() and noun not in firm_words().maker_blockers


def maker_orgs(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A name right after "car maker", "drug maker" (:func:`maker_before`) is an ORG, unless it
    reads as a person's (a first name at its front, a title before it), is a nationality, a party
    or a known place."""
    out = []
    for sp in spans:
        if (sp.label_ in _MAKER_TARGETS and maker_before(doc, sp.start) and not _not_a_firm(sp, rules)
                and not (is_first_name(sp[0].text) and sp[0].text not in rules.labels.first_name_blockers)):
            sp = _as_org(doc, sp)
        out.append(sp)
    return out


#: a capital inside a word after its first three letters or more ("GlaxoSmithKline")
_CAMEL = re.compile(r"^[A-Z][a-z]{2,}[A-Z]")


def camel_case(word: str) -> bool:
    """A word with a capital inside after its first three letters or more, letters only, that no
    surname prefix opens ("DaimlerChrysler", not "McDonald", "DiCaprio", "FitzGerald")."""
    if not word.isalpha() or not _CAMEL.match(word):
        return False
    prefixes = firm_words().person_prefixes
    return not any(word.startswith(p) and word[len(p):len(p) + 1].isupper() for p in prefixes)


def camel_case_orgs(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A one-word PERSON, NORP or GPE with a capital inside (:func:`camel_case`) is an ORG, unless
    a title comes before it ("Mr DeVries") or a known place or country has the name; its other
    mentions that no span holds are ORGs too (the vote spreads no one-word ORG)."""
    out, names = [], set()
    for sp in spans:
        if (sp.label_ in _CAMEL_TARGETS and len(sp) == 1 and camel_case(sp.text)
                and not (sp.start > 0 and (doc[sp.start - 1].text in rules.titles
                                           or doc[sp.start - 1].text in rules.courtesy_titles))
                and not (is_place(sp.text) or is_country(sp.text))):
            sp = _as_org(doc, sp)
            names.add(sp.text)
        out.append(sp)
    return _add_mentions(doc, out, names)


def _add_mentions(doc: Doc, spans: list[Span], names: set[str]) -> list[Span]:
    """``spans`` with ORG spans for the one-word ``names`` where no span holds them and no other
    name runs into them (the vote spreads no one-word ORG the model missed)."""
    if not names:
        return spans
    taken = taken_tokens(spans)
    added = [Span(doc, t.i, t.i + 1, label="ORG", span_id=REASON) for t in doc
             if t.text in names and t.i not in taken and not _in_run(doc, t.i)]
    return sorted(spans + added, key=lambda sp: sp.start) if added else spans


#: punctuation that may come before a name with no space
_OPENERS = {'"', "“", "("}
#: punctuation that may follow a name with no space
CLOSERS = {",", ".", "'s", "’s", "'", "’", ":", ";", '"', "”", ")", "!", "?"}


def _in_run(doc: Doc, i: int) -> bool:
    """Token i is attached to a neighbour ("OptInRealBig-backed") or beside a capitalised word."""
    tok = doc[i]
    left = doc[i - 1] if i > 0 else None
    if left is not None and not left.is_space and (left.is_title
                                                   or (attached(left, tok) and left.text not in _OPENERS)):
        return True
    right = doc[i + 1] if i + 1 < len(doc) else None
    return right is not None and (right.is_title or (attached(tok, right) and right.text not in CLOSERS))


#: labels a listed firm's name overrules
_KNOWN_TARGETS = {"PERSON", "NORP", "GPE", "LOC"}


def known_firm_orgs(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A well-known firm's name (``known_firms``: "Gazprom", "Napster") that the model took for a
    person, a nationality or a place is an ORG at each such mention, unless the article marks a
    person by it: a title before a mention ("Mr Porsche"), a first name at its front, or a
    person's full name holding it ("Ferdinand Porsche"); nor a known place labelled GPE. Its other
    mentions that no span holds are ORGs too."""
    names = firm_words().known_firms
    if not any(sp.text in names for sp in spans):
        return spans
    people = {t.text for sp in spans if sp.label_ == "PERSON" and len(sp) >= 2 and sp.text not in names for t in sp}
    titled = {sp.text for sp in spans if sp.start > 0 and (doc[sp.start - 1].text in rules.titles
                                                           or doc[sp.start - 1].text in rules.courtesy_titles)}
    out, relabelled = [], set()
    for sp in spans:
        if (sp.label_ in _KNOWN_TARGETS and sp.text in names and sp.text not in titled
                and not any(t.text in people for t in sp) and not is_first_name(sp[0].text)
                and not (sp.label_ == "GPE" and (is_place(sp.text) or is_country(sp.text)))):
            sp = _as_org(doc, sp)
            relabelled.add(sp.text)
        out.append(sp)
    return _add_mentions(doc, out, {text for text in relabelled if " " not in text})


def role_departments(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` without the names made only of a department's words right before a capitalised
    role ("[Home] Secretary", "[Trade and Industry] Secretary", "[Culture] Minister"): a role, as
    titles and roles are outside names; the department itself ("the Home Office") is kept."""
    words = firm_words()
    return [sp for sp in spans
            if not (sp.end < len(doc) and doc[sp.end].text in words.role_heads and sp[0].text[:1].isupper()
                    and all(t.text in words.role_departments for t in sp))]


def chamber_orgs(doc: Doc, spans: list[Span]) -> list[Span]:
    """A chamber's short form standing alone ("the Commons", "Speaker of the Lords"; ``chamber_names``)
    is an ORG, whatever label the model gave it or where it missed it; not after "Law" ("the Law
    Lords"), nor before a capitalised word ("Lords Bingham and Steyn"); a missed "House of" before
    it is taken in ("House of Lords")."""
    names = firm_words().chamber_names
    by_token = {i: n for n, sp in enumerate(spans) for i in range(sp.start, sp.end)}
    out, added = list(spans), []
    for t in doc:
        if t.text not in names or (t.i > 0 and doc[t.i - 1].text == "Law"):
            continue
        if t.i + 1 < len(doc) and doc[t.i + 1].is_title and not sentence_start(doc, t.i + 1):
            continue
        n = by_token.get(t.i)
        if n is not None:
            sp = spans[n]
            if len(sp) == 1 and sp.label_ != "ORG":
                out[n] = _as_org(doc, sp)
            continue
        s = t.i - 2 if (t.i >= 2 and doc[t.i - 1].text == "of" and doc[t.i - 2].text == "House"
                        and t.i - 2 not in by_token) else t.i
        added.append(Span(doc, s, t.i + 1, label="ORG", span_id=REASON))
    return sorted(out + added, key=lambda sp: sp.start) if added else out


#: words inside an ORG span after which a day or a place is no part of the name ("the Commons on Monday")
_TAIL_WORDS = {"on", "in"}
DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def org_tails(doc: Doc, spans: list[Span]) -> list[Span]:
    """An ORG span that runs on past "on"/"in" into a day or a known place ends before that word
    ("[Commons] on Monday", "[Peel Common Infants School] in [Gosport]"), the place a GPE of its
    own; not a name whose words after "on" are no place ("Joint Committee on Human Rights")."""
    out = []
    for sp in spans:
        cut = None
        if sp.label_ == "ORG":
            for k in range(sp.start + 1, sp.end - 1):
                rest = doc[k + 1:sp.end]
                if doc[k].lower_ in _TAIL_WORDS and doc[k].is_lower and (
                        (len(rest) == 1 and rest.text in DAYS) or is_place(rest.text) or is_country(rest.text)):
                    cut = k
                    break
        if cut is None:
            out.append(sp)
            continue
        out.append(Span(doc, sp.start, cut, label="ORG", span_id=REASON))
        rest = doc[cut + 1:sp.end]
        if rest.text not in DAYS:
            out.append(Span(doc, rest.start, rest.end, label="GPE", span_id=REASON))
    return out


#: the last word of a broadcaster's name before a station's own name ("BBC Radio" + "Five Live")
_STATION_FRONTS = {"Radio"}


def radio_stations(doc: Doc, spans: list[Span]) -> list[Span]:
    """An ORG ending in "Radio" right before a capitalised name of up to three words that the model
    labelled apart ("[BBC Radio] [Five Live]" ORG + WORK_OF_ART) is one station, an ORG ("BBC Radio
    Five Live", as "BBC Radio 4"); not a person's name ("Capital Radio DJ X"); that name alone
    elsewhere in the article ("told Five Live") is the station too, unless it is a place's
    ("BBC Radio Scotland")."""
    out, stations, skip = [], set(), set()
    for n, sp in enumerate(spans):
        if n in skip:
            continue
        nxt = spans[n + 1] if n + 1 < len(spans) else None
        if (sp.label_ == "ORG" and sp[-1].text in _STATION_FRONTS and nxt is not None and nxt.start == sp.end
                and nxt.label_ != "PERSON" and len(nxt) <= 3 and all(t.text[:1].isupper() or t.like_num for t in nxt)):
            out.append(Span(doc, sp.start, nxt.end, label="ORG", span_id=REASON))
            if nxt.label_ not in {"GPE", "LOC", "NORP"} and not (is_place(nxt.text) or is_country(nxt.text)):
                stations.add(nxt.text)
            skip.add(n + 1)
            continue
        out.append(sp)
    if not stations:
        return out
    return [_as_org(doc, sp) if sp.text in stations and sp.label_ != "ORG" else sp for sp in out]


#: labels the model gives a common abbreviation that names no organisation (all of the entity labels)
_ACRONYM_TARGETS = {"ORG", "PERSON", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}


def common_acronyms(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """``spans`` without the names that are only a common abbreviation for a thing, a format, a
    unit, a time zone, an illness, a tax or a deal (``common_acronyms``: "SMS", "USB", "GMT", "TB",
    "VAT", "IPO"), whatever label the model gave them: GUIDELINES section 2 leaves them unannotated;
    an abbreviation inside a longer name ("BBC DAB service") stays with that name, and one the
    article gives as an organisation's short form, in brackets right after an ORG ending in an
    organisation's or a broadcaster's head word, is kept at every mention ("China Central
    Television (CCTV)")."""
    words = firm_words().common_acronyms
    found = {sp.text for sp in spans if sp.label_ in _ACRONYM_TARGETS and sp.text in words}
    if not found:
        return spans
    heads = rules.org_heads | rules.company_heads | firm_words().broadcaster_heads
    by_end = {sp.end: sp for sp in spans if sp.label_ == "ORG" and len(sp) >= 2}
    named = {sp.text for sp in spans if sp.text in found and sp.start >= 1 and doc[sp.start - 1].text == "("
             and (owner := by_end.get(sp.start - 1)) is not None and owner[-1].text in heads}
    return [sp for sp in spans if not (sp.label_ in _ACRONYM_TARGETS and sp.text in found - named)]


#: labels a party's name overrules (a party named as an organisation is ORG)
_PARTY_TARGETS = {"PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"}


def party_orgs(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A political party named as an organisation (``party_names``: "Labour", "UKIP", "Plaid
    Cymru") that the model took for a person, a place or a nationality is an ORG ("The Tories say
    Labour is acting too late"); not after a title ("Mr Labour"), nor a one-word name at a
    sentence start that the article never writes capitalised inside a sentence outside a longer
    name ("Labour is too costly in Germany", beside "the Institute for the Study of Labour": the
    common noun)."""
    names = firm_words().party_names
    if not any(sp.text in names for sp in spans):
        return spans
    inside = {i for sp in spans if len(sp) > 1 for i in range(sp.start, sp.end)}  # "Study of Labour"
    out = []
    for sp in spans:
        if (sp.label_ in _PARTY_TARGETS and sp.text in names
                and not (sp.start > 0 and (doc[sp.start - 1].text in rules.titles
                                           or doc[sp.start - 1].text in rules.courtesy_titles))
                and (len(sp) > 1 or not sentence_start(doc, sp.start)
                     or any(t.text == sp.text and t.i not in inside and not sentence_start(doc, t.i) for t in doc))):
            sp = _as_org(doc, sp)
        out.append(sp)
    return out


#: labels a band's name before a member's noun overrules
_BAND_TARGETS = {"PERSON", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"}
#: words before a band's name that mark the name as a modifier of the member's noun
_BAND_OPENERS = {"the", "former", "ex", "ex-"}


def band_singers(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A name right before a lower-case noun for a band's member (``band_member_nouns``: "singer",
    "lead singer", "vocalist") that is itself followed by a person's full name ("Linkin Park singer
    Chester Bennington") or comes after "the"/"former" ("the Black Sabbath singer") is the band,
    ORG (OntoNotes tags bands as organisations); a capitalised word right before the name that no
    span holds, inside a sentence, is part of it ("No Doubt singer Gwen Stefani", the model's span
    "Doubt"). Not a nationality, a place, a country, a party, nor a name with a first name at its
    front ("Elvis")."""
    nouns = firm_words().band_member_nouns
    taken = taken_tokens(spans)
    by_start = {sp.start: sp for sp in spans}
    out = []
    for sp in spans:
        e = sp.end
        k = e + 2 if e + 1 < len(doc) and doc[e:e + 2].text in nouns else e + 1
        if (sp.label_ in _BAND_TARGETS and e < len(doc) and doc[e].is_lower and doc[e:k].text in nouns
                and not _not_a_firm(sp, rules) and not is_first_name(sp[0].text)
                and not (len(sp) == 1 and sp[0].text in rules.titles)):
            after = by_start.get(k)
            before = doc[sp.start - 1].lower_ if sp.start > 0 else ""
            if (after is not None and after.label_ == "PERSON" and len(after) >= 2) or before in _BAND_OPENERS:
                s = sp.start
                if (s > 1 and s - 1 not in taken and capitalised(doc[s - 1]) and doc[s - 1].is_alpha
                        and not sentence_start(doc, s - 1) and doc[s - 1].whitespace_):
                    s -= 1  # "No" of "No Doubt"
                sp = Span(doc, s, sp.end, label="ORG", span_id=REASON)
        out.append(sp)
    return out


def show_events(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """An ORG of two words or more ending in a head word for a trade show or a meeting
    (``event_heads_org``: "Show", "Conference": "the Consumer Electronics Show", "the International
    Supercomputer Conference") is an EVENT (GUIDELINES section 2: fairs are events); not a TV show
    (a capitalised "The" at its front, a first name inside: "The Cosby Show", "Jerry Springer
    Show", or a broadcaster's possessive before it), nor in a sports report, where a "Conference"
    is a league ("the Nationwide Conference")."""
    heads = firm_words().event_heads_org
    if not any(sp.label_ == "ORG" and len(sp) >= 2 and sp[-1].text in heads for sp in spans):
        return spans
    if is_sport(doc, rules):
        return spans
    out = []
    for sp in spans:
        if (sp.label_ == "ORG" and len(sp) >= 2 and sp[-1].text in heads and sp[0].text != "The"
                and not any(is_first_name(t.text) and t.text not in rules.labels.first_name_blockers for t in sp[:-1])
                and not (sp.start > 0 and doc[sp.start - 1].text in POSSESSIVE)):
            sp = Span(doc, sp.start, sp.end, label="EVENT", span_id=REASON)
        out.append(sp)
    return out


def religions(doc: Doc, spans: list[Span]) -> list[Span]:
    """A religion's name (``religion_names``: "Islam", "Christianity", "Judaism") is NORP, as
    religious groups are (GUIDELINES section 2), whatever label the model gave it; inside a longer
    name ("the Nation of Islam") it stays with that name."""
    names = firm_words().religion_names
    return [Span(doc, sp.start, sp.end, label="NORP", span_id=REASON)
            if sp.text in names and sp.label_ in {"ORG", "PERSON", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"} else sp
            for sp in spans]


def firm_labels(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """The spans with the round-9 organisation rules applied (before the document-level vote);
    round 12: common abbreviations dropped, parties' names made ORG."""
    spans = band_singers(doc, party_orgs(doc, common_acronyms(doc, spans, rules), rules), rules)
    spans = religions(doc, show_events(doc, spans, rules))
    spans = chamber_orgs(doc, role_departments(doc, org_tails(doc, radio_stations(doc, spans))))
    spans = maker_orgs(doc, firm_word_orgs(doc, spans, rules), rules)
    return known_firm_orgs(doc, camel_case_orgs(doc, spans, rules), rules)


#: labels an organisation's own evidence overrules: a name ending in its head word where the model's
#: span is the whole name, and an acronym given in brackets after its name at its mentions
_ORG_OVERRULES = {"PERSON", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"}


def _name_word(tok) -> bool:
    """A capitalised word or an all-capitals word of letters ("Anti", "UK", "JFE")."""
    return (capitalised(tok) or (tok.is_upper and len(tok) > 1)) and tok.text[:1].isalpha()


def _hyphen_between(doc: Doc, k: int) -> bool:
    """Token k is a hyphen attached to a name word on each side ("Anti-Fraud")."""
    return (doc[k].text in HYPHENS and 0 < k < len(doc) - 1 and attached(doc[k - 1], doc[k])
            and attached(doc[k], doc[k + 1]) and _name_word(doc[k - 1]) and _name_word(doc[k + 1]))


def _opens_sentence(doc: Doc, k: int) -> bool:
    """Token k starts a sentence, not merely a word after a joining hyphen ("Anti-Fraud")."""
    return sentence_start(doc, k) and not (k > 1 and _hyphen_between(doc, k - 1))


def _head_front(doc: Doc, h: int, edges: set[int]) -> int:
    """Start of the capitalised words right before the head at token h (hyphenated ones whole), up
    to a sentence's start or the end of another span (``edges``: tokens where a span ends)."""
    start, k = h, h - 1
    while k >= 0 and h - k <= 8 and not _opens_sentence(doc, start):
        if _hyphen_between(doc, k):
            k -= 1
            continue
        if (doc[k].is_space or not _name_word(doc[k]) or not doc[k].whitespace_ and k + 1 == start
                or k in edges):
            break
        start = k
        k -= 1
    return start


def _head_tail(doc: Doc, h: int, words: FirmWords, heads: frozenset[str]) -> int:
    """End of a name's tail after its head at token h: "of"/"for" and capitalised words with small
    words between, ending on a capitalised word ("Office of Fair Trading", "Department for Work and
    Pensions"); not past "and the" or an "and" before another head ("the Department of Justice and
    the SEC", "United Bank of Africa and Standard Trust Bank": two names); h + 1 for none."""
    end = h + 1
    if end + 1 >= len(doc) or doc[end].text not in words.name_tail_openers:
        return end
    j = end + 1
    while j < len(doc) and j - h < 10 and not doc[j].is_space:
        tok = doc[j]
        if _name_word(tok) or _hyphen_between(doc, j):
            end = j + 1
        elif tok.text not in words.name_small_words:
            break
        elif tok.text == "and" and (j + 1 >= len(doc) or doc[j + 1].lower_ == "the"
                                    or any(t.text in heads for t in _name_after(doc, j + 1))):
            break
        j += 1
    return end


def _name_after(doc: Doc, k: int) -> Span:
    """The capitalised words from token k on (hyphenated ones whole), up to five."""
    e = k
    while e < len(doc) and e - k < 5 and (_name_word(doc[e]) or _hyphen_between(doc, e)):
        e += 1
    return doc[k:e]


def _headed_span(doc: Doc, h: int, rules: EntityRules, words: FirmWords,
                 edges: set[int]) -> tuple[int, int] | None:
    """The name of an organisation whose head word is token h: capitalised words before it (not a
    common word opening a sentence, not "The") and a tail after "of"/"for"; None where the name runs
    on in capitals after the head ("Service Pack"), is one word, a hyphen joins it to a word before
    ("Blu-ray Disc Association"), a capitalised small word stands before the head (a title: "In
    Good Company") or it stands in a heading in capitals."""
    heads = rules.org_heads | words.name_heads_extra
    end = _head_tail(doc, h, words, heads | rules.company_heads) if doc[h].text in heads else h + 1
    if end < len(doc) and _name_word(doc[end]) and doc[end - 1].whitespace_ and not doc[end - 1].is_space:
        return None  # "Service Pack 2", "Party Conference": a longer name
    start = _head_front(doc, h, edges)
    while start < h and (doc[start].text == "The" or (_opens_sentence(doc, start) and doc[start].is_title
                                                       and doc[start].tag_ not in {"NNP", "NNPS"}
                                                       and doc[start].lower_ not in rules.demonyms
                                                       and is_common_word(doc[start].text))):
        start += 1  # "Former Commission", "The Office of ...": a sentence's first word
    if start > 0 and doc[start - 1].text in HYPHENS and attached(doc[start - 1], doc[start]):
        return None
    if start > 1 and doc[start - 2].text in HYPHENS and attached(doc[start - 2], doc[start - 1]):
        return None  # "Blu-ray Disc Association": the name starts in a hyphenated word
    if any(t.lower_ in rules.title_small_words for t in doc[start:h]):
        return None  # "In Good Company": a capitalised small word before the head reads as a title
    if sum(1 for t in doc[start:end] if t.is_alpha) < 2 or all_caps_line(doc, start, end):
        return None
    return start, end


def headed_orgs(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Capitalised words ending in an organisation's head word (``org_heads``, ``company_heads`` of
    entity_words.json, ``name_heads_extra``), or a head and a tail after "of"/"for" ("the Commission
    for Racial Equality", "JFE Holdings", "the Association of Chief Police Officers"), are an ORG
    where the model missed them or labelled the whole name as something else ("Northern Ireland
    Assembly" GPE, "Leadplex Inc" PERSON); a nationality's or a group's adjective right before (a
    one-word NORP, not a plural) is inside ("European Anti-Fraud Office"), as in "the Scottish
    Executive"; a country before it stays a GPE
    of its own. Not a name that overlaps another span in part, holds a person's full name, a place
    that ends in a country's head word ("Soviet Union"), a building the model labelled FAC
    ("Museum", ``place_heads``)."""
    words = firm_words()
    heads = rules.org_heads | rules.company_heads | words.name_heads_extra
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    edges = {sp.end - 1 for sp in spans}
    new = []
    for h in range(1, len(doc)):
        if doc[h].text not in heads or not _name_word(doc[h]) or doc[h].text in words.country_heads:
            continue
        bounds = _headed_span(doc, h, rules, words, edges)
        if bounds is None:
            continue
        start, end = bounds
        inside = list({(sp.start, sp.end): sp for k in range(start, end) if (sp := by_token.get(k))}.values())
        if any(sp.start < start or sp.end > end for sp in inside):
            continue  # the model's span runs past it: its own reading
        if (any(sp.label_ == "PERSON" and len(sp) >= 2 and (sp.start, sp.end) != (start, end) for sp in inside)
                or any(sp.label_ not in LABELS for sp in inside)):
            continue  # "Robert Kilroy-Silk Party"; a date or a number inside
        if (end > h + 2 and any(sp.label_ == "ORG" and sp.end == h + 1 for sp in inside)
                and any(sp.label_ in {"GPE", "LOC"} and (sp.start, sp.end) == (h + 2, end) for sp in inside)):
            continue  # the model's "[Liberal Democrat Party] of [Narnia]": a place after "of" stays apart
        whole = next((sp for sp in inside if (sp.start, sp.end) == (start, end)), None)
        if whole is None and doc[h].text in words.relabel_only_heads:
            continue  # "the Sinclair Executive" (a calculator), "Chief Executive of X" (a role)
        if whole is not None and (whole.label_ not in _ORG_OVERRULES
                                  or (whole.label_ == "FAC" and doc[h].text in words.place_heads)
                                  or (whole.label_ in {"GPE", "LOC"} and (is_place(whole.text) or is_country(whole.text)))):
            continue
        front = by_token.get(start - 1) if start > 0 else None
        if (front is not None and front.end == start and front.label_ == "NORP" and len(front) == 1
                and not front.text.endswith("s")):
            start = front.start  # "European" + "Anti-Fraud Office"
        new.append(Span(doc, start, end, label="ORG", span_id=REASON))
    return replace_spans(spans, new)


#: an acronym's shape: a capital first, two capitals or more, letters and "&" only, up to eight characters
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&]{1,7}$")


def _org_acronym(doc: Doc, sp: Span, rules: EntityRules) -> str | None:
    """The acronym in brackets right after the ORG ``sp`` ("Hindustan Aeronautics (HAL)",
    "PricewaterhouseCoopers (PwC)"): one token of two capitals or more whose first letter opens one
    of the name's capitalised words; not a common abbreviation, a place's or country's name or
    abbreviation; None if there is none."""
    e = sp.end
    if e + 2 >= len(doc) or doc[e].text != "(" or doc[e + 2].text != ")":
        return None
    acr = doc[e + 1].text
    if (not _ACRONYM.match(acr) or sum(c.isupper() for c in acr) < 2 or acr in firm_words().common_acronyms
            or acr in rules.gpe_abbreviations or is_place(acr) or is_country(acr)):
        return None
    if not any(t.text[:1] == acr[0] for t in sp if t.text[:1].isupper()):
        return None
    return acr


def bracket_acronyms(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """An acronym in brackets right after an organisation's name (:func:`_org_acronym`) is an ORG
    on its own, and so are its later mentions, where the model missed them or read them as a
    person, a place or a thing (GUIDELINES section 2: "the Board of Arbitration for Rowing (BAR)
    ... BAR will rule"); a mention inside a longer span stays with it. Round 14: a body's name the
    model read as a place or a person is that name first (:func:`bracket_names`), and a country
    the model cut off the front of a name its acronym spells is taken in (:func:`country_fronts`)."""
    spans, shorts = bracket_names(doc, spans, rules)
    spans = country_fronts(doc, spans, rules)
    acronyms = {acr for sp in spans if sp.label_ == "ORG" and (acr := _org_acronym(doc, sp, rules))} | shorts
    if not acronyms:
        return spans
    out = [_as_org(doc, sp) if sp.text in acronyms and sp.label_ in _ORG_OVERRULES else sp
           for sp in spans]
    return _add_mentions(doc, out, acronyms)


def _body_name(doc: Doc, s: int, e: int, rules: EntityRules) -> bool:
    """Tokens [s, e) are a body's name: two capitalised words or more (small words between them)
    ending in an organisation's head word (``org_heads``, ``company_heads``, ``name_heads_extra``,
    ``bracket_heads``: "Bay Area Laboratory Cooperative"), or a body's head and a tail after
    "of"/"for" ("Peruvian Centre for Social Studies"); not a place or a country."""
    words = firm_words()
    heads = rules.org_heads | rules.company_heads | words.name_heads_extra | words.bracket_heads
    name = doc[s:e]
    if (e - s < 2 or not _name_word(doc[s]) or not _name_word(doc[e - 1]) or doc[s].text == "The"
            or is_place(name.text) or is_country(name.text) or doc[e - 1].text in words.country_heads):
        return False
    if not all(_name_word(t) or t.text in words.name_small_words or _hyphen_between(doc, t.i) for t in name):
        return False
    if doc[e - 1].text in heads:
        return True
    return any(doc[h].text in heads and _head_tail(doc, h, words, heads) == e for h in range(s + 1, e - 2))


#: labels a body's name with its short form in brackets overrules (an ORG already is one)
_BRACKET_NAME_TARGETS = {"PERSON", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"}
#: a short form's shape: a capital first, letters only, up to ten characters ("Balco", "Cepes", "USADA")
_SHORT_FORM = re.compile(r"^[A-Z][A-Za-z]{1,9}$")


def _short_form(doc: Doc, i: int, rules: EntityRules) -> bool:
    """Token i may be a body's short form: a capitalised word of letters that is no common
    abbreviation, place, country or first name."""
    text = doc[i].text
    return (bool(_SHORT_FORM.match(text)) and text not in firm_words().common_acronyms
            and text not in rules.gpe_abbreviations and not is_place(text) and not is_country(text)
            and not is_first_name(text))


def bracket_names(doc: Doc, spans: list[Span], rules: EntityRules) -> tuple[list[Span], set[str]]:
    """Round 14: a body's name (:func:`_body_name`) and its short form in brackets, in either
    order, are both ORG where the model read the name as a place, a person or a thing, or missed
    the name inside the brackets: "the Bay Area Laboratory Cooperative (Balco)" LOC, "Cepes
    (Peruvian Centre for Social Studies)". The short form's first letter opens one of the name's
    capitalised words; it is no common abbreviation, place or first name, and one written first
    stands alone (no capitalised word or title right before it, not in a person's name). Returns
    the spans and the short forms, whose other mentions follow (:func:`bracket_acronyms`)."""
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new, shorts = [], set()
    for sp in spans:  # the name first: "Bay Area Laboratory Cooperative (Balco)"
        e = sp.end
        if (sp.label_ in _BRACKET_NAME_TARGETS and e + 2 < len(doc) and doc[e].text == "("
                and doc[e + 2].text == ")" and _short_form(doc, e + 1, rules)
                and _body_name(doc, sp.start, e, rules)
                and any(t.text[:1] == doc[e + 1].text[0] for t in sp if _name_word(t))):
            new.append(_as_org(doc, sp))
            shorts.add(doc[e + 1].text)
    for t in doc:  # the short form first: "Cepes (Peruvian Centre for Social Studies)"
        i = t.i
        if i + 4 >= len(doc) or doc[i + 1].text != "(" or not _short_form(doc, i, rules):
            continue
        j = next((k for k in range(i + 3, min(i + 14, len(doc))) if doc[k].text in {")", "("}), None)
        if j is None or doc[j].text != ")" or not _body_name(doc, i + 2, j, rules):
            continue
        if not any(u.text[:1] == t.text[0] for u in doc[i + 2:j] if _name_word(u)):
            continue
        own = by_token.get(i)
        if own is not None and (len(own) > 1 or own.label_ not in _BRACKET_NAME_TARGETS | {"ORG"}):
            continue  # "Jane Cepes (...)": a person's name; a date or a number
        if i > 0 and (capitalised(doc[i - 1]) and not sentence_start(doc, i - 1) or doc[i - 1].text in rules.titles):
            continue
        inside = {by_token[k] for k in range(i + 2, j) if k in by_token}
        if any(sp.start < i + 2 or sp.end > j or sp.label_ not in _BRACKET_NAME_TARGETS | {"ORG"} for sp in inside):
            continue
        new.append(Span(doc, i, i + 1, label="ORG", span_id=REASON))
        new.append(Span(doc, i + 2, j, label="ORG", span_id=REASON))
        shorts.add(t.text)
    return replace_spans(spans, new), shorts


def _initials(sp: Span) -> str:
    """A country's initials: its abbreviation as written ("US"), or the first letters of its words
    ("United States" -> "US")."""
    return sp.text if len(sp) == 1 and sp.text.isupper() else "".join(t.text[0] for t in sp if _name_word(t))


def country_fronts(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 14: a country the model labelled GPE right before an ORG whose acronym in brackets
    starts with the country's initials and goes on ("the [United States] [Anti-Doping Agency]
    (USADA)") is part of the body's own name: one ORG. GUIDELINES section 2 keeps a country before
    an agency's own name apart ("the US Federal Bureau of Investigation", "the UK Patent Office"):
    without such an acronym nothing changes."""
    new = []
    for a, b in zip(spans, spans[1:]):
        if not (a.label_ == "GPE" and b.label_ == "ORG" and a.end == b.start
                and (is_country(a.text) or a.text in rules.gpe_abbreviations)):
            continue
        whole = Span(doc, a.start, b.end, label="ORG", span_id=REASON)
        acr = _org_acronym(doc, whole, rules)
        front = _initials(a)
        if acr and acr.upper().startswith(front) and len(acr) > len(front):
            new.append(whole)
    return replace_spans(spans, new)


#: tags of a verb that has the name before it as its subject ("The IAAF will decide", "the FA said")
_SUBJECT_VERB_TAGS = {"VBD", "VBZ", "VBP", "MD"}
#: an acronym's shape here: capitals only, two to seven letters
_CAPITALS = re.compile(r"^[A-Z]{2,7}$")


def _body_cue(doc: Doc, i: int) -> bool:
    """Token i reads as a body: "the" before it and a verb after it ("The IAAF will decide", "the
    FA said"), an owner's 's after it ("the IAAF's ruling"), or "by the" before it ("suspended by
    the IAAF")."""
    if i < 1 or doc[i - 1].lower_ != "the":
        return False
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and (nxt.tag_ in _SUBJECT_VERB_TAGS or (nxt.text in POSSESSIVE and attached(doc[i], nxt))):
        return True
    return i >= 2 and doc[i - 2].lower_ == "by"


def _alone(doc: Doc, i: int) -> bool:
    """Token i stands alone: no capitalised word runs into it (only "The" or a sentence's first word
    before it), nothing attached to it but punctuation."""
    left = doc[i - 1] if i > 0 else None
    right = doc[i + 1] if i + 1 < len(doc) else None
    if left is not None and not left.is_space and (
            (attached(left, doc[i]) and left.text not in _OPENERS)
            or ((left.is_title or left.is_upper) and left.is_alpha and left.lower_ != "the" and not sentence_start(doc, left.i))):
        return False
    return not (right is not None and not right.is_space and (
        (attached(doc[i], right) and right.text not in CLOSERS) or (right.is_alpha and (right.is_title or right.is_upper))))


def _name_before(doc: Doc, i: int) -> bool:
    """A maker's or a longer name's word right before token i: a capitalised word but "The",
    a number or an owner's 's ("Nintendo DS", "Super Mario 64 DS", "Nintendo's DS")."""
    if i < 1:
        return False
    left = doc[i - 1]
    return (left.text in POSSESSIVE or left.like_num
            or ((left.is_title or left.is_upper) and left.is_alpha and left.lower_ != "the"))


def acronym_bodies(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 14: an all-capitals word the model missed (or labelled ORG alone at some mentions) is
    an organisation's acronym, ORG at each missed mention that stands alone, when one mention reads
    as a body
    (:func:`_body_cue`: "The IAAF will decide", "suspended by the IAAF"). Not a common abbreviation
    or a role (``common_acronyms``, ``not_names`` of entity_orgs.json, ``not_body_acronyms``: "the
    PM said", "the DJ admitted"), a country's or a place's name, a word after a maker's name or a
    number at any mention ("Nintendo DS" ... "the DS will appeal"), a word the model labelled otherwise, nor in a heading in capitals."""
    words = firm_words()
    taken = taken_tokens(spans)
    labelled = {t.text for sp in spans for t in sp if len(sp) > 1 or sp.label_ != "ORG"}
    blocked = words.common_acronyms | words.not_body_acronyms | org_words().not_names | rules.gpe_abbreviations \
        | rules.home_nations
    mentions: dict[str, list[int]] = {}  # every mention, also one the model labelled ORG alone
    for t in doc:
        if _CAPITALS.match(t.text):
            mentions.setdefault(t.text, []).append(t.i)
    added = []
    for text, idxs in mentions.items():
        if (text in blocked or text in labelled or is_place(text) or is_country(text)
                or not any(_body_cue(doc, i) and not all_caps_line(doc, i, i + 1) for i in idxs)
                or any(_name_before(doc, i) for i in idxs)):
            continue
        added += [Span(doc, i, i + 1, label="ORG", span_id=REASON) for i in idxs
                  if i not in taken and _alone(doc, i) and not all_caps_line(doc, i, i + 1)]
    return sorted(spans + added, key=lambda sp: sp.start) if added else spans
