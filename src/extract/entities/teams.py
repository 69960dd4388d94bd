"""Teams in sports reports: clubs' names the model missed and their short forms (round 9, issue 14).

A club is ORG, also by a short form (GUIDELINES section 2). The small model reads a capital at
a sentence start as no name ("Rovers manager Tom Hale", "Wanderers coach": tagged NNS or even
VBZ) and often misses a club named in full ("Dunmore Wanderers beat Kelby Albion"). The
evidence, all within one sports report (:func:`.articles.is_sport`):

* a club's head word (``club_heads``: "Rovers", "United", "Albion") ends a club's name, so a run
  of capitalised words ending in one that no span holds is an ORG ("Dunmore Wanderers");
* a one-word name right before a club's cue word (``club_cue_after``: "coach", "manager",
  "fans") is a team's short form when it is a club's head word, the last word of a longer name
  in the article ("Bramley City" ... "City striker") or a name in the plural ("Hornets coach");
  it then marks the longer names ending in it as the club too ("The Charlotte Hornets lost");
* every mention of a short form so marked, or of the last word of a club's name ("Kingsford
  Rovers" ... "Rovers' ground"), is that club, whatever the tagger made of it.

Never a country, a home nation or a nationality (national sides are GPE), a party, a title, a
role, a word the article also writes in lower case ("Athletics coach" beside "athletics"), nor a
word of a person's name in the article.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .gazetteer import is_common_word, is_country, is_first_name, is_place
from .labelcues import is_demonym, party_word
from .orgs import firm_words
from .rules import LABELS, EntityRules
from .tokens import HYPHENS, FUNCTION_TAGS, POSSESSIVE, all_caps_line, capitalised, sentence_start, taken_tokens

#: labels a club's cue overrules on a longer name ending in its short form ("Bramley City" GPE)
_CLUB_TARGETS = {"PERSON", "GPE", "LOC", "NORP", "FAC"}
#: the most words a club's name has before its head word ("Queens Park Rangers")
_LONGEST = 3
#: a result: "2-1", "3-0"
_SCORE = re.compile(r"(?<![\d.,/-])\d{1,2}-\d{1,2}(?![\d%/:-]|[.,]\d|th|st|nd|rd)")


def teams(doc: Doc, spans: list[Span], rules: EntityRules, sport: bool) -> list[Span]:
    """The spans with clubs' names and short forms the model missed or mislabelled. The short
    form of a club the model named in full is read in any article (like the acronym of an
    expansion); names the model missed, and short forms only a cue marks, only in a sports report
    (``sport`` from :func:`.articles.is_sport`) or one with a result ("2-1")."""
    lower = {t.lower_ for t in doc if t.is_lower and t.is_alpha}
    people = _people_words(spans, rules)
    heads = set(rules.club_heads)
    if sport or _SCORE.search(doc.text):
        spans = plural_town_clubs(doc, place_clubs(doc, spans), rules)  # round 12: "Exeter City", "Fulham are"
        spans = plural_name_clubs(doc, spans, rules, lower)  # round 12: "Everton have" (PERSON)
        heads |= cued_short_forms(doc, spans, rules, lower, people)
        spans = _long_forms(doc, spans, rules, heads, lower, people)
        people = _people_words(spans, rules)
    short = {sp[-1].text for sp in spans if sp.label_ == "ORG" and len(sp) >= 2 and sp[-1].text in heads}
    short |= heads - set(rules.club_heads)  # a short form a cue marks needs no long form
    return _short_forms(doc, spans, rules, short, lower, people)


#: labels a club named after its town overrules ("Exeter City" GPE)
_PLACE_CLUB_TARGETS = {"GPE", "LOC", "FAC", "PERSON", "NORP"}


def place_clubs(doc: Doc, spans: list[Span]) -> list[Span]:
    """Round 12, in a sports report: a name of two or three capitalised words, a known town's
    name and a club's head after it (``club_place_heads`` of ``entity_firms.json``: "Exeter City",
    "Notts County", "Man City"), that the model took for a place or a person, is the club, ORG;
    not a name that is a known place itself ("Mexico City", "Cape Town"), nor one after a town
    that is a country."""
    heads = firm_words().club_place_heads
    out = []
    for sp in spans:
        if (sp.label_ in _PLACE_CLUB_TARGETS and 2 <= len(sp) <= 3 and sp[-1].text in heads
                and all(capitalised(t) and t.is_alpha for t in sp)):
            town = sp[:-1].text
            if is_place(town) and not is_country(town) and not is_place(sp.text) and not is_country(sp.text):
                sp = Span(doc, sp.start, sp.end, label="ORG", span_id="fix:team")
        out.append(sp)
    return out


#: joiners before or after a name that make it one of several subjects ("Leeds and York are")
_COORDINATORS = {"and", "&", "or", "nor"}


def plural_town_clubs(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 12, in a sports report: a town's name the model read as a place (GPE or LOC) that is
    the subject of a plural verb right after it (``club_plural_verbs``: "Fulham are", "Liverpool
    have", "Newcastle were") is the club, ORG, at that mention: a town is singular; not a country or
    a home nation (a national side is GPE), a continent ("Europe are"), nor one of several subjects
    ("Leeds and York are")."""
    verbs = firm_words().club_plural_verbs
    out = []
    for sp in spans:
        e = sp.end
        if (sp.label_ in {"GPE", "LOC"} and e < len(doc) and doc[e].lower_ in verbs and doc[e].is_lower
                and is_place(sp.text) and not is_country(sp.text) and sp.text not in rules.home_nations
                and sp.text not in rules.continents and all(capitalised(t) for t in sp)
                and not (sp.start > 0 and doc[sp.start - 1].lower_ in _COORDINATORS)):
            sp = Span(doc, sp.start, sp.end, label="ORG", span_id="fix:team")
        out.append(sp)
    return out


def plural_name_clubs(doc: Doc, spans: list[Span], rules: EntityRules, lower: set[str]) -> list[Span]:
    """Round 12, in a sports report: a one-word name the model read as a person, right before a
    plural verb (``club_plural_verbs``: "Everton have", "Chelsea are") is a club, ORG, and so are
    its other mentions the model read as a person: one person is singular. Not a first name, a
    name after a title, a word of a person's full name in the article ("Craig Bellamy" ...
    "Bellamy were"), a country, a nationality, a party, a word the article writes in lower case,
    nor one of several subjects ("Smith and Jones are")."""
    verbs = firm_words().club_plural_verbs
    people = _people_words(spans, rules)
    clubs = set()
    for sp in spans:
        e = sp.end
        if (sp.label_ == "PERSON" and len(sp) == 1 and e < len(doc) and doc[e].lower_ in verbs and doc[e].is_lower
                and _team_word(doc, sp.start, rules, lower, people) and not is_first_name(sp.text)
                and not (sp.start > 0 and (doc[sp.start - 1].lower_ in _COORDINATORS
                                           or doc[sp.start - 1].text in rules.titles
                                           or doc[sp.start - 1].text in rules.courtesy_titles))):
            clubs.add(sp.text)
    if not clubs:
        return spans
    return [Span(doc, sp.start, sp.end, label="ORG", span_id="fix:team")
            if sp.label_ == "PERSON" and sp.text in clubs else sp for sp in spans]


def _people_words(spans: list[Span], rules: EntityRules) -> set[str]:
    """Words of the PERSON full names (two words or more) that end in no club's head word
    ("Tarnby Wanderers" taken for a person is no person's name)."""
    return {t.text for sp in spans if sp.label_ == "PERSON" and len(sp) >= 2 and sp[-1].text not in rules.club_heads
            for t in sp}


def _team_word(doc: Doc, i: int, rules: EntityRules, lower: set[str], people: set[str]) -> bool:
    """Token i can be a team's one-word name: a capitalised word of letters that is no
    country, home nation, nationality, party, title or role, no word the article writes in lower
    case, no word of a person's name in it."""
    tok = doc[i]
    text = tok.text
    return (capitalised(tok) and tok.is_alpha and len(text) >= 3 and text.lower() not in lower
            and text not in people and not is_country(text) and text not in rules.home_nations
            and not is_demonym(text.lower(), rules) and not party_word(text, rules)
            and text not in rules.titles and text.lower() not in rules.role_words
            and text.lower() not in rules.leading_determiners and text not in rules.continents
            and not all_caps_line(doc, i, i + 1))


def _plural_name(text: str) -> bool:
    """A name in the plural ("Hornets", "Wallabies"); not "Swiss", "Ness"."""
    return len(text) >= 4 and text.endswith("s") and not text.endswith(("ss", "us", "is"))


def cued_short_forms(doc: Doc, spans: list[Span], rules: EntityRules, lower: set[str],
                     people: set[str]) -> set[str]:
    """One-word names right before a club's cue word ("Hornets coach", "City striker") that are
    a club's head word, a name in the plural, or the last word of a longer name in the article."""
    taken_by = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    last_words = {sp[-1].text for sp in spans if len(sp) >= 2 and sp.label_ in LABELS}
    out = set()
    for i in range(len(doc) - 1):
        tok, nxt = doc[i], doc[i + 1]
        if not (nxt.is_lower and nxt.text in rules.club_cue_after):
            continue
        held = taken_by.get(i)
        if held is not None and not (len(held) == 1 and held.label_ in {"ORG", "PERSON"}):
            continue  # a longer name or another label: not a short form on its own
        if i >= 1 and (capitalised(doc[i - 1]) and not sentence_start(doc, i) or doc[i - 1].text in POSSESSIVE):
            continue  # inside a longer name ("Kelby Albion fans") or owned ("Chelsea's Hornets coach")
        if not _team_word(doc, i, rules, lower, people) or is_first_name(tok.text):
            continue
        text = tok.text
        if text in rules.club_heads or text in last_words or _plural_name(text):
            out.add(text)
    return out


def _long_forms(doc: Doc, spans: list[Span], rules: EntityRules, heads: set[str], lower: set[str],
                people: set[str]) -> list[Span]:
    """Capitalised runs ending in a club's head word or a marked short form: a run no span holds
    is added as an ORG ("Dunmore Wanderers", "the Charlotte Hornets"), a span of a few words the
    model gave another label is relabelled ("Bramley City" GPE) unless it is a known place."""
    taken = taken_tokens(spans)
    out = []
    for sp in spans:
        if (sp.label_ in _CLUB_TARGETS and 2 <= len(sp) <= _LONGEST + 1 and sp[-1].text in heads
                and all(capitalised(t) for t in sp) and not is_place(sp.text) and not is_country(sp.text)
                and not (sp.label_ == "PERSON" and is_first_name(sp[0].text))):
            sp = Span(doc, sp.start, sp.end, label="ORG", span_id="fix:team")
        out.append(sp)
    added = []
    for i, tok in enumerate(doc):
        if tok.text not in heads or i in taken or not capitalised(tok) or sentence_start(doc, i):
            continue
        if i + 1 < len(doc) and capitalised(doc[i + 1]) and i + 1 not in taken:
            continue  # a longer name goes on ("Rangers Football Club")
        s = i
        while (s > 0 and i - s < _LONGEST and s - 1 not in taken and capitalised(doc[s - 1])
               and doc[s - 1].is_alpha and doc[s - 1].lower_ not in rules.leading_determiners
               and doc[s - 1].text not in rules.titles and doc[s - 1].text not in people
               and not (sentence_start(doc, s - 1) and (doc[s - 1].lower_ in lower or doc[s - 1].tag_ in FUNCTION_TAGS
                                                        or (is_common_word(doc[s - 1].text)
                                                            and not is_place(doc[s - 1].text))))):
            s -= 1  # not a sentence's first word that is a common word here ("Once Rangers receive")
            if sentence_start(doc, s):
                break
        if (s == i or (s > 0 and capitalised(doc[s - 1]) and doc[s - 1].is_alpha
                       and doc[s - 1].lower_ not in rules.leading_determiners) or is_place(doc[s:i + 1].text)
                or (is_first_name(doc[s].text) and i - s == 1 and tok.text not in rules.club_heads)):
            continue  # a bare head is a short form; a name goes on to the left ("West" + "Bromwich
            # Albion", "Once Rangers receive"); "Mexico City"; "Harry Hornets" may be a person
        added.append(Span(doc, s, i + 1, label="ORG", span_id="fix:team"))
        taken |= set(range(s, i + 1))
    return sorted(out + added, key=lambda sp: sp.start) if added else out


def _short_forms(doc: Doc, spans: list[Span], rules: EntityRules, short: set[str], lower: set[str],
                 people: set[str]) -> list[Span]:
    """Every mention of a club's short form is the club: a one-word span of another label is
    relabelled, a mention the model missed (a sentence-start capital it tagged as a common noun or
    a verb) is added, when no capitalised word or name touches it."""
    if not short:
        return spans
    taken = taken_tokens(spans)
    out = []
    for sp in spans:
        if len(sp) == 1 and sp.text in short and sp.label_ in {"PERSON", "GPE", "NORP", "LOC", "FAC", "PRODUCT"}:
            sp = Span(doc, sp.start, sp.end, label="ORG", span_id="fix:team")
        out.append(sp)
    added = []
    for i, tok in enumerate(doc):
        if tok.text not in short or i in taken or not _team_word(doc, i, rules, lower, people):
            continue
        if any(0 <= j < len(doc) and (j in taken and not doc[j].is_punct
                                      or (capitalised(doc[j]) and not (j < i and sentence_start(doc, i)))
                                      or doc[j].text in HYPHENS)
               for j in (i - 1, i + 1)):
            continue  # part of a longer name ("Kelby Albion", "Albion Road") or a compound
        added.append(Span(doc, i, i + 1, label="ORG", span_id="fix:team"))
    return sorted(out + added, key=lambda sp: sp.start) if added else out
