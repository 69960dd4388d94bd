"""Lists of people in sports reports: team announcements, line-ups and results (round 12).

BBC sport articles end with, or consist of, lines such as::

    Coyne (Burnley), Jones (Wolves), Roberts (Wrexham), Giggs (Man Utd)
    Dudek, Finnan, Traore (Biscan 67), Luis Garcia, Kewell (Nunez 56).
    Replacements: Everitt for Mapletoft (53), Hodgson for Edwards (77)
    Walder; May, Tait, Mayerhofler, Stephenson; Wilkinson, Grindal; ...
    60m: J Gardener (Bath), M Lewis-Francis (Birchfield)
    1. Kenenisa Bekele (Eth) 12:37.35

The small model reads them badly (surnames as GPE or ORG, clubs in brackets as PERSON, two
items in one span). :func:`list_lines` finds such lines, a pure function of the tokens: every
comma-, semicolon- or full-stop-separated item of the line is a short name (capitalised words,
initials, name particles, a hyphen), optionally with bracketed groups, minutes or a result after
it, and the line has a heading before a colon or enough items. :func:`lineup_spans` then labels
the items of the lines that list people (GUIDELINES section 2, round-12 row):

* a line lists people when a heading says so ("Replacements:", "Subs Not Used:", "Goals:",
  "60m:"), an item has a substitute or a minute ("Traore (Biscan 67)", "Everitt for Mapletoft",
  "Riise 1"), a club or a country in brackets ("Coyne (Burnley)", "Bekele (Eth)"), the line is a
  rugby line-up (two semicolons or more), or at least half of its items read as people (a first
  name, initials and a surname (:func:`.initials.person_with_initials`), a PERSON span of the
  model, a name from another list of people in the article);
* each item's name is then a PERSON, unless it is a country or ends in a club's, a body's or a
  firm's head word (then it keeps its label) and no substitute is named after it (a player taken
  off is a person: "Scotland (Samuel 63)"); a bracketed name and a minute is the substitute,
  PERSON; a bracketed country or country code ("GB", "Eth", "USA": ``country_codes``) is GPE;
  other bracketed capitalised words are the person's club, ORG (a town standing for a club
  included, leading "The" outside); lower-case words in brackets ("capt", "ankle") are nothing;
* a line of one or two items with no sign of sport of its own (a heading of people, a minute, a
  substitute, a rank) is read only in a sports report (:func:`.articles.is_sport`):
  "Jonathan Creek (BBC One)" in an arts report is a title and its channel;
* a line of one person with no heading ("S Bennett (Kent)", a referee's line) takes the name in
  brackets for the person's place (a referee's county): the model's label (GPE, LOC, ORG), else GPE;
* a heading of people ("Replacements", "60m", "Pole vault") holds no entity; a heading that
  names a team ("Ireland:") keeps its label.

A line where a quarter of the items or more read as countries, clubs or places is no list of
people (a list of clubs, "AC Milan, Bayer Leverkusen, Lyon"), and a fixture ("France v Israel")
is no list at all. The word lists are package data (``entity_lineups.json``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..resources import ListOf, Record, bad, load
from .gazetteer import is_country, is_first_name, is_place
from .initials import initials_length, person_with_initials
from .names import split_lines
from .articles import is_sport
from .rules import LABELS, EntityRules, check_cases
from .tokens import capitalised, is_space, replace_spans

LINEUPS_FILE = "entity_lineups.json"
LINEUP_LISTS = ("people_headings", "role_words", "not_names", "placeholders", "regions", "distance_units", "months",
                "country_codes")
LINEUPS_SHAPE = Record({key: ListOf(str, nonempty=True) for key in LINEUP_LISTS})


@dataclass(frozen=True)
class LineupWords:
    """The word lists of ``entity_lineups.json``: headings in lower case, role words in lower
    case, country codes as written ("Eth", "GB")."""

    people_headings: frozenset[str]
    role_words: frozenset[str]
    not_names: frozenset[str]  # days: "Tuesday, 1 March" is no list
    placeholders: frozenset[str]  # a player not yet named ("TBC", "A N Other"): no entity
    regions: frozenset[str]  # counties and regions in a referee's line ("Kent", "W Midlands")
    distance_units: frozenset[str]  # "60 m" in a heading: a distance, no word of the heading
    months: frozenset[str]  # a month with a number is a date ("1 March"), alone maybe a surname ("May")
    country_codes: frozenset[str]


def validate_lineup_words(data: object = None, name: str = LINEUPS_FILE) -> LineupWords:
    """The lists of ``name`` (or of ``data`` given in its place), checked: headings and role words
    in lower case, country codes one word with a capital first."""
    data = load(name, LINEUPS_SHAPE, data)
    check_cases(name, data, {"people_headings": True, "role_words": True})
    for code in data["country_codes"]:
        if not re.fullmatch(r"[A-Z][A-Za-z]{1,3}", code):
            raise bad(name, f"country_codes: {code!r}", "a country code is 2-4 letters with a capital first")
    return LineupWords(**{key: frozenset(data[key]) for key in LINEUP_LISTS})


@lru_cache(maxsize=None)
def lineup_words(name: str = LINEUPS_FILE) -> LineupWords:
    return validate_lineup_words(name=name)


#: a time, a distance or a minute after a name ("12:37.35", "67", "8.10m", "45+2")
_RESULT = re.compile(r"^[\d:.,+'’m-]+$")


def _result(text: str) -> bool:
    """A time, a distance, a minute ("12:37.35", "67"): digits and their marks."""
    return bool(_RESULT.match(text)) and any(c.isdigit() for c in text)
#: a rank before a name in a results line ("1.", "1", "=3")
_RANK = re.compile(r"^=?\d{1,2}\.?$")
#: separators of items at the top level of a line
_SEPARATORS = {",", ";"}
#: the most tokens an item's name has ("Jean - Philippe Grandclaude", "Marcus Di Rollo")
_LONGEST_NAME = 6
#: a line needs this many items without other evidence of a list
_MIN_ITEMS = 3


@dataclass
class Item:
    """One item of a list: its name(s) (token ranges; two for "X for Y"), its bracketed pieces
    (token ranges split at commas) and the tokens that are no entity (minutes, roles)."""

    names: list[tuple[int, int]] = field(default_factory=list)
    brackets: list[tuple[int, int]] = field(default_factory=list)
    minute: bool = False  # a minute, a result or a substitution goes with the item
    substituted: bool = False  # a substitute and a minute in brackets ("Scotland (Samuel 63)")
    rank: bool = False


@dataclass
class ListLine:
    """A list-like line: its token range, its headings (token ranges) and items."""

    start: int
    end: int
    headings: list[tuple[int, int]]
    items: list[Item]
    semicolons: int = 0


def _lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the text's lines (:func:`.names.split_lines`), without spaces at either end."""
    lines = []
    for s, e in split_lines(doc, 0, len(doc)):
        while s < e and is_space(doc[s]):
            s += 1
        while e > s and is_space(doc[e - 1]):
            e -= 1
        if s < e:
            lines.append((s, e))
    return lines


def _name_ok(doc: Doc, s: int, e: int, rules: EntityRules) -> bool:
    """Tokens s..e are one short name: capitalised words, initials, name particles, hyphens
    ("Luis Garcia", "J Gardener", "van der Walt", "Lewis - Francis", "O'Neil")."""
    if not 0 < e - s <= _LONGEST_NAME:
        return False
    toks = doc[s:e]
    if not any(capitalised(t) or (t.is_upper and t.is_alpha) for t in toks):
        return False
    for k, t in enumerate(toks):
        if capitalised(t) or initials_length(doc, s + k, e) or (t.is_upper and t.is_alpha and len(t) <= 4):
            continue
        if t.lower_ in rules.name_particles and k < len(toks) - 1:
            continue
        if t.text in {"-", "'", "’"} and 0 < k < len(toks) - 1:
            continue
        return False
    return True


def _split_top(doc: Doc, s: int, e: int) -> list[tuple[int, int, str]] | None:
    """Top-level pieces of a line with the separator after each ("," ";" ":" "." or "").
    None when brackets do not close or a quote is in the line."""
    pieces, depth, start = [], 0, s
    for i in range(s, e):
        t = doc[i].text
        if t in {'"', "“", "”"}:
            return None
        if t == "(":
            depth += 1
        elif t == ")":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0 and (t in _SEPARATORS or t == ":"
                             or (t == "." and (i + 1 == e or doc[i + 1].text[:1].isupper())
                                 and not (i - 1 == start and _RANK.match(doc[i - 1].text)))):
            pieces.append((start, i, t))
            start = i + 1
    if depth != 0:
        return None
    if start < e:
        pieces.append((start, e, ""))
    return pieces


def _heading_words(doc: Doc, s: int, e: int, words: LineupWords) -> str:
    """The heading in lower case without distances, a sex or an age group ("Men's 60m" -> "")."""
    kept = [t.lower_ for t in doc[s:e] if not any(c.isdigit() for c in t.text)
            and not (t.i > s and any(c.isdigit() for c in doc[t.i - 1].text) and t.lower_ in words.distance_units)
            and t.lower_ not in {"men", "women", "'s", "’s", "men's", "women's", "junior", "senior", "under"}]
    return " ".join(kept).replace(" - ", "-")


def people_heading(doc: Doc, s: int, e: int, words: LineupWords) -> bool:
    """A heading of a list of people: a listed heading, or a sport's event named by its distance
    ("60m", "Men's 800m", "Pole vault")."""
    text = _heading_words(doc, s, e, words)
    return text == "" or text in words.people_headings


def _parse_item(doc: Doc, s: int, e: int, rules: EntityRules, words: LineupWords) -> Item | None:
    """An item of a list ("Traore (Biscan 67)", "Everitt for Mapletoft (53)", "1. Bekele (Eth)
    12:37.35", "Gerrard 79 og"), or None when the tokens are not one."""
    item = Item()
    i = s
    if i < e and _RANK.match(doc[i].text):
        k = i + 2 if i + 1 < e and doc[i + 1].text == "." else i + 1
        if k < e and capitalised(doc[k]):
            item.rank = True
            i = k
    # the name: tokens up to a bracket, a number or a role word
    j = i
    while j < e and doc[j].text != "(" and not _result(doc[j].text) and doc[j].text not in words.role_words:
        j += 1
    if j == i:
        return None
    if not _name_ok(doc, i, j, rules) or any(t.text in words.not_names for t in doc[i:j]):
        return None
    item.names.append((i, j))
    k = j
    while k < e:
        t = doc[k]
        if t.text == "(":
            close = k + 1
            while close < e and doc[close].text != ")":
                close += 1
            a = k + 1
            timed = any(_result(doc[m].text) for m in range(k + 1, close))
            item.minute = item.minute or timed
            item.substituted = item.substituted or (timed and close > k + 1 and capitalised(doc[k + 1]))
            for b in range(k + 1, close + 1):
                if b == close or doc[b].text == ",":
                    if a < b:
                        item.brackets.append((a, b))
                    a = b + 1
            k = close + 1
        elif t.lower_ == "for" and not item.brackets and len(item.names) == 1:
            # "Everitt for Mapletoft": a substitution
            m = k + 1
            while m < e and doc[m].text != "(" and not _result(doc[m].text):
                m += 1
            if not _name_ok(doc, k + 1, m, rules):
                return None
            item.names.append((k + 1, m))
            item.minute = True
            k = m
        elif _result(t.text):
            item.minute = True
            k += 1
        elif t.text in words.role_words or is_space(t):
            k += 1
        else:
            return None
    if (item.rank or item.minute) and any(doc[a:b].text in words.months for a, b in item.names):
        return None  # "1 March", "March 1": a date
    return item


def list_lines(doc: Doc, rules: EntityRules, words: LineupWords | None = None) -> list[ListLine]:
    """The list-like lines of ``doc`` (see the module): every top-level piece an item or a
    heading, and a heading, a bracket, a rank or three items or more."""
    words = words or lineup_words()
    found = []
    for s, e in _lines(doc):
        pieces = _split_top(doc, s, e)
        if not pieces:
            continue
        headings, items, ok = [], [], True
        for n, (a, b, sep) in enumerate(pieces):
            if sep == ":":
                if n == 0 or people_heading(doc, a, b, words):
                    if b - a > 5:
                        ok = False
                        break
                    headings.append((a, b))
                    continue
                # "Simon Webster (Edinburgh Rugby) Forwards:": a heading after the last item
                split = _heading_tail(doc, a, b, words)
                if split is None:
                    ok = False
                    break
                headings.append((split, b))
                b = split
            if a == b:
                continue
            item = _parse_item(doc, a, b, rules, words)
            if item is None:
                ok = False
                break
            items.append(item)
        if not ok or not items:
            continue
        evidence = bool(headings) or any(it.brackets for it in items)
        single = len(items) == 1 and items[0].brackets and (items[0].rank or any(
            people_heading(doc, a, b, words) for a, b in headings) or _looks_personal(doc, *items[0].names[0], rules))
        if len(items) >= _MIN_ITEMS or (evidence and len(items) >= 2) or single:
            semis = sum(1 for _, _, sep in pieces if sep == ";")
            found.append(ListLine(s, e, headings, items, semis))
    return found


def _looks_personal(doc: Doc, s: int, e: int, rules: EntityRules) -> bool:
    """Initials and a surname, or a first name and a surname ("K Holmes", "Kelly Holmes")."""
    return e - s >= 2 and (initials_length(doc, s, e) > 0 and capitalised(doc[e - 1])
                           and doc[s].text not in {"A", "I"} or is_first_name(doc[s].text))


def _heading_tail(doc: Doc, a: int, b: int, words: LineupWords) -> int | None:
    """Where a people heading starts at the end of tokens a..b (after a closing bracket)."""
    for k in range(max(a, b - 3), b):
        if people_heading(doc, k, b, words) and k > a and doc[k - 1].text in {")", ".", ","}:
            return k
    return None


# ---------------------------------------------------------------- labels


def _is_country_name(text: str, rules: EntityRules, words: LineupWords) -> bool:
    return (text in words.country_codes or text.upper() in {c.upper() for c in words.country_codes if len(c) == 3}
            or is_country(text) or text in rules.home_nations or text in rules.gpe_abbreviations)


def _not_person(doc: Doc, s: int, e: int, rules: EntityRules, words: LineupWords) -> bool:
    """The name reads as a country, a club, a body or a firm, not a person."""
    last = doc[e - 1].text
    text = doc[s:e].text
    return (is_country(text) or text in rules.home_nations or text in rules.gpe_abbreviations
            or last in rules.club_heads or last in rules.org_heads
            or last in rules.company_heads or (e - s == 1 and doc[s].text in rules.club_heads))


def _place_like(doc: Doc, s: int, e: int, rules: EntityRules, words: LineupWords,
                labels: dict[tuple[int, int], str]) -> bool:
    """A name in the list that reads as a place or a club (a list of clubs, not of people)."""
    text = doc[s:e].text
    if _not_person(doc, s, e, rules, words):
        return True
    if labels.get((s, e)) in {"ORG", "GPE"} and (is_place(text) or e - s >= 2 and is_place(doc[s].text)):
        return True
    return False


def _person_evidence(doc: Doc, s: int, e: int, rules: EntityRules, labels: dict[tuple[int, int], str],
                     people: set[str]) -> bool:
    """The name reads as a person's: initials and a surname, a first name and a surname, the
    model's PERSON, or a name of another list of people in the article."""
    if e - s >= 2 and (person_with_initials(doc, s, e, rules) or is_first_name(doc[s].text)):
        return True
    return labels.get((s, e)) == "PERSON" or doc[s:e].text in people


def _strong(line: ListLine, doc: Doc, words: LineupWords) -> bool:
    """Shape evidence that the line lists people (headings, substitutes, minutes, brackets,
    ranks, a rugby line-up's semicolons)."""
    if any(people_heading(doc, a, b, words) for a, b in line.headings):
        return True
    if line.semicolons >= 2:
        return True
    return any(it.minute or it.brackets or it.rank for it in line.items)


def _placeish(doc: Doc, s: int, e: int, words: LineupWords) -> bool:
    """A place's name: the gazetteer's, or a county's ("Staffordshire", "W Yorkshire")."""
    last = doc[e - 1].text
    return is_place(doc[s:e].text) or is_place(last) or last.endswith("shire") or last in words.regions


def _sporty(line: ListLine, doc: Doc, words: LineupWords) -> bool:
    """Shape evidence of a sports list besides one bracket: a heading of people, a substitute or a
    minute, a rank, a rugby line-up's semicolons, three items or more with brackets (a squad)."""
    return (any(people_heading(doc, a, b, words) for a, b in line.headings) or line.semicolons >= 2
            or any(it.minute or it.rank for it in line.items) or sum(bool(it.brackets) for it in line.items) >= 3)


def _bracket_label(doc: Doc, a: int, b: int, rules: EntityRules, words: LineupWords) -> tuple[int, int, str] | None:
    """The entity in a bracketed piece after a person: a substitute (name and minute) PERSON, a
    country GPE, a club ORG; lower-case words and numbers nothing."""
    while a < b and doc[a].lower_ in {"the"}:
        a += 1
    e = a
    while e < b and not _result(doc[e].text) and doc[e].text not in words.role_words:
        e += 1
    if a == e or not _name_ok(doc, a, e, rules):
        return None
    if any(_result(t.text) for t in doc[e:b]):
        return a, e, "PERSON"
    if e < b:
        return None  # "Smith capt x": not one name
    if _is_country_name(doc[a:e].text, rules, words):
        return a, e, "GPE"
    return a, e, "ORG"


def lineup_spans(doc: Doc, spans: list[Span], rules: EntityRules, words: LineupWords | None = None) -> list[Span]:
    """The spans with the items of the lists of people labelled (see the module)."""
    words = words or lineup_words()
    lines = list_lines(doc, rules, words)
    if not lines:
        return spans
    labels = {(sp.start, sp.end): sp.label_ for sp in spans}
    strong = [ln for ln in lines if _strong(ln, doc, words)]
    people = {doc[a:b].text for ln in strong for it in ln.items for a, b in it.names}
    sport = None  # read once, when a line needs it
    new: list[Span] = []
    cleared: set[int] = set()
    for ln in lines:
        names = [nm for it in ln.items for nm in it.names]
        place_like = sum(_place_like(doc, a, b, rules, words, labels) for a, b in names)
        if 4 * place_like >= len(names):
            continue  # a list of clubs or places
        if not (ln in strong or 2 * sum(_person_evidence(doc, a, b, rules, labels, people)
                                         for a, b in names) >= len(names)):
            continue
        if len(ln.items) < _MIN_ITEMS and not _sporty(ln, doc, words):
            if sport is None:
                sport = is_sport(doc, rules)
            if not sport:
                continue  # "Jonathan Creek (BBC One)" in an arts report: a title, not a list of people
        for a, b in ln.headings:
            if people_heading(doc, a, b, words):
                cleared |= set(range(a, b))
        for it in ln.items:
            for a, b in it.names:
                if doc[a:b].text in words.placeholders or doc[b - 1].text in words.placeholders:
                    cleared |= set(range(a, b))
                elif it.substituted or not _not_person(doc, a, b, rules, words):
                    new.append(Span(doc, a, b, label="PERSON", span_id="fix:lineup"))
            lone = len(ln.items) == 1 and not ln.headings  # an official's line: "S Bennett (Kent)."
            for a, b in it.brackets:
                got = _bracket_label(doc, a, b, rules, words)
                if got and lone and got[2] == "ORG":
                    model = labels.get((got[0], got[1]))
                    got = (got[0], got[1], model if model in {"GPE", "LOC", "ORG"} else "GPE" if _placeish(doc, got[0], got[1], words) else "ORG")
                if got is None:
                    if not any(capitalised(t) or t.is_upper for t in doc[a:b]):
                        cleared |= set(range(a, b))  # "(capt)", "(ankle)", "(53)": nothing
                else:
                    new.append(Span(doc, got[0], got[1], label=got[2], span_id="fix:lineup"))
                    cleared |= set(range(a, b)) - set(range(got[0], got[1]))
    if cleared:
        spans = [sp for sp in spans if sp.label_ not in LABELS or not any(i in cleared for i in range(sp.start, sp.end))]
    return replace_spans(spans, new)
