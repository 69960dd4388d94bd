"""One name, one label: the mentions of a name (same text) vote on its label.

A model label counts 1; a known place after a place preposition or a country's name, a place
paired with the name ("from X to Edinburgh"), a first name at a name's front (or initials), a list
whose other members are all organisations ("Ryanair and Aston Martin", round 9) 2; a context cue
(:mod:`.labelcues`) 3. A tie changes nothing.

Round 14 (:func:`people_by_context`, run before the vote and the surname rule): a name shaped like a
person's that the model read as an ORG is a PERSON in a list of people ("Hollywood stars, including
X, Y and Z"), before ", who" or before a verb of speech and a colon ("X countered: ...").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .rules import LABELS, EntityRules, LabelCues
from .gazetteer import available, is_british_town, is_common_word, is_country, is_first_name, is_place
from .initials import initials_evidence
from .names import full_name_words
from .articles import is_sport
from .labelcues import cue_label, name_heads
from .tokens import POSSESSIVE, all_caps_line, capitalised
from .works import coded_name
from .works.lists import list_around


#: labels a first name at a name's front votes against
_FIRST_NAME_TARGETS = {"ORG", "GPE", "LOC", "FAC", "WORK_OF_ART"}


#: a middle initial: "M", "M."
_INITIAL = re.compile(r"^[A-Z]\.?$")


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
    # (a model's name read as a person's, "Martin DB9", is none: round 12)
    people = [sp for sp in spans if sp.label_ == "PERSON" and len(sp) >= 2 and not coded_name(doc, sp, rules)]
    person_words = full_name_words(people)  # a word -> the people's full names it is in
    name_words = person_words.keys()
    # a British town taken for a person is its club in a sports report (BBC football)
    sport = is_sport(doc, rules)
    cues = rules.labels
    # (start, end) of the spans that name places: "from Edinburgh to X" makes X a place too
    places = {(sp.start, sp.end) for sp in spans if sp.label_ == "GPE" or is_place(sp.text)}
    named = {(sp.start, sp.end): is_place(sp.text) for sp in spans if sp.label_ in LABELS}
    # (start, end) of the names: a list joins names of one kind
    names = {(sp.start, sp.end): sp for sp in spans if sp.label_ in LABELS}
    out = list(spans)
    for idxs in mentions.values():
        votes: dict[str, int] = {}
        cued = [cue_label(doc, spans[n], rules, spans) for n in idxs]
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
            elif not sport and listed_with_org(doc, sp, names, person_words, rules):
                votes["ORG"] = votes.get("ORG", 0) + _WEIGHTS["gazetteer"]  # round 9: "Ryanair and Aston Martin"
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


#: words joining the members of a list of names
_LIST_JOINERS = frozenset({",", "and", "or", "&"})
#: words that open a list after a word for its kind ("stations such as X and Y"): that word, not
#: the members' labels, says what the members are (a word for firms is a cue of its own)
_KIND_OPENERS = {"such", "like", "including", "include", "includes", "included", "as"}


def listed_with_org(doc: Doc, sp: Span, named: dict[tuple[int, int], Span], person_words: dict[str, set[str]],
                    rules: EntityRules) -> bool:
    """A name the model took for a person in a list whose other members are all the model's
    organisations ("Ryanair and Aston Martin", "Sony, Philips, X and Samsung"): evidence for ORG in
    the vote, weighed like a first name, as a list joins names of one kind. Only where nothing in
    the name reads as a person's: no known first name at its front, no word of another person's
    full name in the article, no title before it; not in a list with a person, a place, a title or
    any other label in it ("Maroon5, OutKast, X, R Kelly"), nor where an organisation member
    reads as a person's name (a first name at its front, a word of a person's full name), is a
    place or owns a noun after it ("said X, DaimlerChrysler's chairman": an apposition).
    ``named``: (start, end) -> the document's spans; ``person_words``: a word -> the PERSON full
    names (two words or more) it is in."""
    if sp.label_ != "PERSON" or not 1 <= len(sp) <= 3 or not all(capitalised(t) for t in sp):
        return False
    if (is_first_name(sp[0].text) or is_place(sp.text) or is_country(sp.text)
            or any(person_words.get(t.text, set()) - {sp.text} for t in sp)
            or (sp.start >= 1 and doc[sp.start - 1].text in rules.titles)):
        return False
    members, joined = _list_members(doc, sp, named)
    if not members or not joined & {"and", "or", "&"}:
        return False  # commas alone: an apposition or a list cut short ("Bank of China, X, jailed")
    if len(members) == 1 and len(sp) == 1 and len(members[0]) == 1:
        return False  # "Purvin and Gertz", "Chopin and Debussy": two surnames, or one firm's name
    if any(t.text in rules.directions for m in members + [sp] for t in m):
        return False  # constituencies: "Bristol South and Leeds Central"
    if sp.end < len(doc) and (doc[sp.end].lower_ == "the" or (doc[sp.end].is_lower and doc[sp.end].tag_ in {"NN", "NNS"})):
        return False  # "Mott the Hoople"; a modifier: "Speech and Drama scholarship"
    first = min(m.start for m in members + [sp])
    before = {t.lower_ for t in doc[max(first - 12, doc[first].sent.start if doc.has_annotation("SENT_START") else 0):first]}
    if before & (_KIND_OPENERS | rules.spans.work_plurals | rules.spans.work_words):
        return False  # the list's kind is written ("burgers like X and Y", "two singles, X and Y")
    return all(
        m.label_ == "ORG" and not (len(m) >= 2 and is_first_name(m[0].text))
        and not any(t.text in person_words for t in m) and not is_place(m.text)
        and not (m.end < len(doc) and doc[m.end].text in POSSESSIVE) for m in members)


def _list_members(doc: Doc, sp: Span, named: dict[tuple[int, int], Span]) -> tuple[list[Span], set[str]]:
    """The other names of the list ``sp`` stands in (spans joined to it, one after another, by a
    comma, "and", "or" or "&"; ``named``: (start, end) -> span) and the joining words: the list of
    :func:`.works.lists.list_around` (round 12) with spans only and these joiners."""
    by_end = {e: span for (s, e), span in named.items()}
    by_start = {s: span for (s, e), span in named.items()}
    members, joined = list_around(doc, sp, by_start, by_end, joiners=_LIST_JOINERS, comma_and=False)
    return [m for _, _, m in members], joined


#: a word at least this common (wordfreq Zipf) is an English word, no surname: "Virgin Radio, who ...",
#: "the Tamil Tigers, who ..." are bodies; "Christie" (3.7), "Reeves" (3.5) are below it
_WORD_ZIPF = 4.0


def _person_shaped(doc: Doc, sp: Span, rules: EntityRules, alone: bool = False) -> bool:
    """Two or three capitalised words of letters (a hyphen or an apostrophe inside), none a head
    word of an organisation, place, event or award, a nationality, a title, a place's name or a
    common English word (a first name excepted), and the whole no place: a name shaped like a
    person's ("Cate Blanchett", "Abiyote Abate"; not "Virgin Radio", "Tamil Tigers"); with
    ``alone``, also a known first name alone ("Zoe")."""
    if not 1 <= len(sp) <= 3 or any(t.is_upper for t in sp):
        return False
    if len(sp) == 1 and not (alone and is_first_name(sp.text)):
        return False
    heads = name_heads(rules)
    for t in sp:
        word = t.text.replace("-", "").replace("'", "").replace("’", "")
        if (not (t.text[:1].isupper() and word.isalpha()) or t.text in heads or t.lower_ in rules.demonyms
                or t.text in rules.titles or t.lower_ in rules.role_words or is_place(t.text) or is_country(t.text)
                or (is_common_word(t.text, _WORD_ZIPF) and not is_first_name(t.text))):
            return False
    return not (is_place(sp.text) or is_country(sp.text) or all_caps_line(doc, sp.start, sp.end))


def _people_list(doc: Doc, sp: Span, named: dict[tuple[int, int], Span], rules: EntityRules) -> bool:
    """``sp`` stands in a list joined by "and"/"or" whose other members are mostly people (two or
    more PERSONs, more than half of them), or whose PERSON members follow a plural word for people
    (``people_list_nouns``: "Hollywood stars, including X, Y and Z", "Compatriots X, Y and Z")."""
    members, joined = _list_members(doc, sp, named)
    if not members or not joined & {"and", "or"}:
        return False
    people = sum(m.label_ == "PERSON" for m in members)
    if people >= 2 and people * 2 > len(members):
        return True
    first = min(m.start for m in members + [sp])
    before = doc[max(0, first - 4):first]
    return people >= 1 and any(t.lower_ in rules.spans.people_list_nouns for t in before)


def _person_after(doc: Doc, sp: Span, rules: EntityRules) -> bool:
    """Words after ``sp`` that only a person takes: a relative "who" after a comma ("Paddy
    Considine, who was crowned best actor"), or a verb of speech of ``person_speech_verbs`` and a
    colon ("Linford Christie countered: ...")."""
    e = sp.end
    if e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].lower_ == "who":
        return True
    return e + 1 < len(doc) and doc[e].lower_ in rules.spans.person_speech_verbs and doc[e + 1].text == ":"


def people_by_context(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 14: a name shaped like a person's (:func:`_person_shaped`) that the model read as an
    ORG is a PERSON in a list of people (:func:`_people_list`; a first name alone too: "confronted by
    Zoe, Chrissie and Sam") or before words only a person takes
    (:func:`_person_after`); not a name with a club's or a body's head word or a place's name in
    it (so not a sports report's list of clubs). Runs before the vote and the surname rule, so the
    surname alone follows ("Blanchett")."""
    named = {(sp.start, sp.end): sp for sp in spans if sp.label_ in LABELS}
    out = []
    for sp in spans:
        if sp.label_ == "ORG" and ((_person_shaped(doc, sp, rules) and _person_after(doc, sp, rules)) or (
                _person_shaped(doc, sp, rules, alone=True) and _people_list(doc, sp, named, rules))):
            sp = Span(doc, sp.start, sp.end, label="PERSON", span_id="fix:relabel")
        out.append(sp)
    return out
