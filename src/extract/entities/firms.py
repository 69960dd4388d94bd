"""Firms the model reads as people, places or nationalities (round 7 of the organisation cues).

* "the Maserati brand", "its Alfa Romeo division": a word for a brand or a part of a firm after the
  name (``brand_heads`` of ``entity_orgs.json``) marks an ORG (GUIDELINES section 2: a brand named
  after its maker is ORG), unless the name is a person's (a first name at its front, or its last
  word after a first name elsewhere in the article: "the Beckham brand" beside "David Beckham");
* "portal director at Tiscali": a job at a body (``staff_roles`` + "at") marks an ORG;
* a list of names joined to a firm ("Boots, Burberry, Mothercare and consumer products giant
  Procter & Gamble"): a one-word name the model took for a person or a nationality is an ORG, the
  list read member by member from the firm (:func:`listed_firms`);
* the front word of a firm's name used alone ("Pew" after "Pew Research Center": "the Pew report")
  is that firm (:func:`short_forms`), unless it is a place, a nationality, a first name, a common
  word or a word of a person's name in the article;
* round 8: "Aston Martin unveiled the DB9", "the Aston Martin DB9": a name right before a launch
  verb whose object is a model's code, or right before a code the article marks as a model, is the
  maker (:func:`maker_cue`), unless it reads as a person's ("Steve Jobs", "Mr Jobs");
* round 9: "car maker Aston Martin", "handset maker Ericsson": a name after "maker" and a noun for
  things a firm makes (:func:`.orgs.maker_before`) is a maker too, with the same exceptions;
* round 14: a name the model took for a person that the words around it treat as a body (:func:`body_cue`):
  "which" referring back to it ("Tods Murray which has a client"), "X said (that) it intends",
  "X founder Victor Conte", "X's offices", "a partner of X", "a part of X", "the good name of X";
  only where the article marks no person by the name (a title before a mention, a first name at
  its front, a word of another person's full name).

These are cues for the vote of :mod:`.consistency`; none runs on a name that is a known place.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .gazetteer import is_common_word, is_country, is_first_name, is_place, org_words
from .names import full_name_words
from .orgs import firm_words, maker_before
from .rules import EntityRules
from .tokens import POSSESSIVE
from .works import coded_name, cued_codes, launched_code

#: words joining the members of a list
_JOINERS = {",", "and", "or", "&"}
#: a front word at least this common (wordfreq Zipf) is no short form of the firm ("Royal", "Virgin",
#: "Apple"); "Pew" (3.4) is below it
FRONT_ZIPF = 4.0
#: labels a list with a firm, or a firm's front word, overrules
_PERSON_LIKE = {"PERSON", "NORP"}


def _persons_word(doc: Doc, word: str) -> bool:
    """``word`` follows a first name somewhere in the article ("David Beckham"): a surname."""
    return any(t.text == word and t.i > 0 and is_first_name(doc[t.i - 1].text) for t in doc)


def brand_cue(doc: Doc, sp: Span, rules: EntityRules) -> bool:
    """"the Maserati brand", "its Alfa Romeo division": a lower-case word for a brand or a firm's
    part right after the name, which is no person's name, no place and no nationality or
    continent's adjective ("European brands")."""
    e = sp.end
    if e >= len(doc) or not doc[e].is_lower or doc[e].lower_ not in org_words().brand_heads:
        return False
    low = sp.text.lower()
    if low in rules.demonyms or low in rules.spans.continental_adjectives or low.rstrip("s") in rules.demonyms:
        return False
    words = sp.text.split()
    if (len(words) >= 2 and is_first_name(words[0])) or _persons_word(doc, words[-1]):
        return False
    if sp[-1].tag_ and sp[-1].tag_ not in {"NNP", "NNPS"}:
        return False  # "GM's main European brands": an adjective, not a name
    return not (is_place(sp.text) or is_country(sp.text))


def role_at_cue(doc: Doc, sp: Span) -> bool:
    """"portal director at X", "a spokeswoman at X": a job at a body right before the name."""
    s = sp.start
    return (s >= 2 and doc[s - 1].lower_ == "at" and doc[s - 2].is_lower
            and doc[s - 2].lower_ in org_words().staff_roles)


#: words that may stand between a maker and its launch verb ("Aston Martin has unveiled")
_BEFORE_VERB = {"has", "have", "had", "will", "would", "also", "yesterday", "today", "recently", "finally",
                "officially"}


def _persons_name(doc: Doc, sp: Span, spans: list[Span], rules: EntityRules) -> bool:
    """The name reads as a person's: a first name at its front or alone, a title before it, or a
    word of another span's full name the model took for a person ("Jobs" after "Steve Jobs")."""
    words = sp.text.split()
    if is_first_name(words[0]) and words[0] not in rules.labels.first_name_blockers:
        return True
    if sp.start > 0 and (doc[sp.start - 1].text in rules.titles or doc[sp.start - 1].text in rules.courtesy_titles):
        return True
    return any(o.label_ == "PERSON" and len(o) >= 2 and o.text != sp.text and any(t.text in words for t in o)
               and not coded_name(doc, o, rules) for o in spans)  # round 12: not "Martin DB9"


def maker_cue(doc: Doc, sp: Span, spans: list[Span], rules: EntityRules) -> bool:
    """"Aston Martin unveiled the DB9", "Aston Martin DB9": a name right before a launch verb
    (``launch_verbs``; "has" or "yesterday" may come between) whose object is a model's code the
    verb marks, or right before a code the document marks as a model (:func:`.works.cued_codes`),
    is the model's maker, an ORG; so is a name after "car maker", "handset maker" (round 9,
    :func:`.orgs.maker_before`); not a name that reads as a person's ("Steve Jobs unveiled the
    G5", "Mr Jobs"), a place or a country."""
    if maker_before(doc, sp.start):
        return not (_persons_name(doc, sp, spans, rules) or is_place(sp.text) or is_country(sp.text))
    e = sp.end
    if e >= len(doc) or sp[-1].text in POSSESSIVE:
        return False
    if e + 1 < len(doc) and doc[e].text in POSSESSIVE and doc[e - 1].idx + len(doc[e - 1]) == doc[e].idx:
        # round 11: "Aston Martin's DB9", "Aston Martin's new DB9": the owner of a code the
        # document marks as a model is its maker
        found = any(start == e + 1 or (start == e + 2 and doc[e + 1].is_lower and doc[e + 1].lower_ in rules.labels.product_cue_new)
                    for start, _ in cued_codes(doc, spans, rules))
        return found and not (_persons_name(doc, sp, spans, rules) or is_place(sp.text) or is_country(sp.text))
    j = e
    while j < len(doc) and j - e < 2 and doc[j].lower_ in _BEFORE_VERB and doc[j].is_lower:
        j += 1
    if launched_code(doc, j, spans, rules):
        found = True
    elif doc[e].text[:1].isupper() and doc[e - 1].whitespace_:
        found = any(start == e for start, _ in cued_codes(doc, spans, rules))
    else:
        return False
    return found and not (_persons_name(doc, sp, spans, rules) or is_place(sp.text) or is_country(sp.text))


def _member_after(doc: Doc, k: int, longest: int = 3) -> int:
    """The start of the next list member after the joiner at token k: past up to ``longest``
    lower-case words ("and consumer products giant X")."""
    j = k + 1
    while j < len(doc) and j - k - 1 < longest and doc[j].is_lower and doc[j].is_alpha:
        j += 1
    return j


def _and_between(doc: Doc, a: Span, b: Span) -> bool:
    """Spans a and b are next to each other with only "and" or "&" between them."""
    first, second = (a, b) if a.start < b.start else (b, a)
    return second.start == first.end + 1 and doc[first.end].lower_ in {"and", "&"}


def listed_firms(doc: Doc, spans: list[Span], rules: EntityRules, sport: bool) -> list[Span]:
    """One-word names the model took for a person or a nationality, joined by a comma, "and" or
    "or" to an ORG, directly or through other such names ("Boots, Burberry, Mothercare and
    consumer products giant Procter & Gamble"; lower-case words may describe the next member),
    are ORGs: lists join names of one kind. Not in a sports report (team sheets list players and
    clubs), nor for a first name, a nationality, a party, a place, a word of a person's name in
    the article or a name after a title ("Mr Burberry")."""
    if sport:
        return spans
    people_words = full_name_words(spans)
    members = {}
    for n, sp in enumerate(spans):
        if (len(sp) == 1 and sp.label_ in _PERSON_LIKE and sp[0].is_title and sp[0].is_alpha
                and not is_first_name(sp.text) and sp.text not in people_words
                and sp.text.lower() not in rules.demonyms and sp.text not in rules.labels.party_members
                and sp.text + "s" not in rules.labels.party_members
                and not is_place(sp.text) and not is_country(sp.text)
                and not (sp.start > 0 and doc[sp.start - 1].text in rules.titles)):
            members[n] = sp
    if not members:
        return spans
    heads = rules.org_heads | rules.company_heads
    orgs = {n for n, sp in enumerate(spans) if sp.label_ == "ORG"
            and (sp[-1].text in heads or (sp.start >= 1 and doc[sp.start - 1].is_lower
                                          and doc[sp.start - 1].lower_ in rules.org_cue_before))}
    by_start = {sp.start: n for n, sp in enumerate(spans)}
    by_end = {sp.end: n for n, sp in enumerate(spans)}
    out = list(spans)
    changed = True
    while changed:
        changed = False
        for n, sp in members.items():
            if n in orgs:
                continue
            right = by_start.get(_member_after(doc, sp.end)) if sp.end < len(doc) and doc[sp.end].lower_ in _JOINERS else None
            left = (by_end.get(sp.start - 1) if sp.start >= 2 and doc[sp.start - 1].lower_ in _JOINERS else None)
            if any(k is not None and k in members and k != n and _and_between(doc, spans[k], sp) for k in (left, right)):
                continue  # "Liggett Group and Brown and Williamson": "X and Y" may be one firm's name
            if (right is not None and right in orgs) or (left is not None and left in orgs):
                out[n] = Span(doc, sp.start, sp.end, label="ORG", span_id="fix:context")
                orgs.add(n)
                changed = True
    return out


def short_forms(doc: Doc, spans: list[Span], rules: EntityRules) -> dict[str, str]:
    """Front words of the document's multi-word ORG names ending in a firm's head word (``company_heads``,
    ``firm_heads``: "Pew" of "Pew Research Center", "Baikal" of "Baikal Finance Group"; not a public
    body's head, as bodies are named after places: "Powys Local Health Board") -> "ORG"; not a place, a country, a nationality, a first
    name, a common word, a title, an acronym or a word of a person's name in the article, nor
    the front of "X of Y" ("Bank of England")."""
    people_words = full_name_words(spans)
    heads = rules.company_heads | org_words().firm_heads
    out = {}
    for sp in spans:
        if sp.label_ != "ORG" or len(sp) < 2 or sp[-1].text not in heads:
            continue
        if len(sp) >= 3 and (sp[0].text in rules.gpe_abbreviations or is_country(sp[0].text)):
            sp = Span(doc, sp.start + 1, sp.end, label="ORG")  # "the US Pew Research Center": after the country
        if not sp[0].is_title or not sp[0].is_alpha:
            continue
        front = sp[0].text
        if (sp[1].lower_ in {"of", "for", "and", "&"} or front in people_words or is_first_name(front)
                or is_place(front) or is_country(front) or front.lower() in rules.demonyms
                or front in rules.titles or is_common_word(front, FRONT_ZIPF) or front in rules.labels.party_members
                or front + "s" in rules.labels.party_members):
            continue
        out[front] = "ORG"
    return out


def _reads_as_person(doc: Doc, sp: Span, spans: list[Span], rules: EntityRules) -> bool:
    """The article marks a person by the name ``sp``: a title before one of its mentions ("Mr
    Highfield"), a first name in it but at its end ("Anna Murray", "Deborah", "Beach Boy Bruce Johnston"; not "Tods Murray"), or one of
    its words in another person's full name ("Jane Highfield" beside "Highfield")."""
    if any(is_first_name(t.text) and t.text not in rules.labels.first_name_blockers
           and (k == 0 or k + 1 < len(sp)) for k, t in enumerate(sp)):
        return True  # "Anna Murray", "Deborah", "Beach Boy Bruce Johnston"; not the last word ("Tods Murray")
    titles = rules.titles | rules.courtesy_titles
    if any(t.text == sp[0].text and t.i > 0 and doc[t.i - 1].text in titles for t in doc):
        return True
    words = {t.text for t in sp}
    return any(other.label_ == "PERSON" and len(other) >= 2 and other.text != sp.text
               and words & {t.text for t in other} for other in spans)


def body_cue(doc: Doc, sp: Span, spans: list[Span], rules: EntityRules) -> bool:
    """Round 14: words around a name the model took for a person that treat it as a body: "which"
    right after it ("Tods Murray which has a client"), or after a comma where the name follows a
    comma or a preposition that makes it no owner or list member (``_WHICH_OPENERS``: "a growth
    opportunity for Biogen Idec, which had faced"; not "belonged to X, which", "A, B and X, which",
    "leader X, which": the relative may refer to the noun before); "X said (that) it" and a verb of
    a body's intent (``body_reporting_verbs``, ``body_verbs``: "Highfield said that it intends"); a
    lower-case word for a body's founder right after it (``body_nouns_after``: "Balco founder Victor
    Conte") or after its 's
    (``body_nouns_possessed``: "Balco's offices"); a phrase before it (``body_phrases_before``: "a
    partner of X", "a part of X", "the good name of X"; no 's after the name). Never where the
    article marks a person by the name (:func:`_reads_as_person`)."""
    if sp.label_ != "PERSON":
        return False
    words = firm_words()
    s, e = sp.start, sp.end
    nxt = doc[e] if e < len(doc) else None
    found = False
    if nxt is not None:
        k = e + 1 if nxt.text == "," else e
        if (k < len(doc) and doc[k].lower_ == "which" and doc[k].is_lower
                and (k == e or (s > 0 and doc[s - 1].lower_ in _WHICH_OPENERS))):
            found = True  # "Tods Murray which has a client", "for Biogen Idec, which had faced"
        elif nxt.is_lower and nxt.lower_ in words.body_nouns_after:
            found = True  # "Balco founder Victor Conte"
        elif nxt.text in POSSESSIVE and e + 1 < len(doc) and doc[e + 1].lower_ in words.body_nouns_possessed:
            found = True  # "Balco's offices"
        elif nxt.lower_ in words.body_reporting_verbs and nxt.is_lower:
            k = e + 2 if e + 1 < len(doc) and doc[e + 1].lower_ == "that" else e + 1
            found = (k + 1 < len(doc) and doc[k].lower_ == "it" and doc[k + 1].lower_ in words.body_verbs)
    if not found and not (nxt is not None and nxt.text in POSSESSIVE):
        before = {" ".join(t.lower_ for t in doc[k:s]) for k in range(max(0, s - 3), s)
                  if all(t.is_lower and t.is_alpha for t in doc[k:s])}
        found = bool(before & words.body_phrases_before)
    return found and not _reads_as_person(doc, sp, spans, rules)


#: words before a name after which ", which" refers to the name itself
_WHICH_OPENERS = {"for", "through", "from", "at", "against", ","}
