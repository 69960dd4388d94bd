"""Spans the model cut short, split or missed, found from the words of the text (word lists
in ``resources/entity_spans.json``; each rule below is one function, run in the order of
``STEPS``). Each rule reads only words, their case and spacing (and the gazetteer), so it works
with any English tokenizer and on ``spacy.blank("en")`` with hand-set entities:

* boundaries: "X of A and X of B" is two names ("Duchy of Lancaster and Duchy of Cornwall");
  "US"/"UK" before an agency's own name is a GPE of its own ("US" + "Department of Energy"),
  a nationality after a sponsor's name before a common noun a NORP ("the Norwich Union
  European trials");
  capitalised words the model left off the front of an ORG/NORP/FAC come back ("the FBI's
  Internet Fraud Complaint Center", "Campaign for Borders Rail", "new Liberal Democrat"), but
  not a leading "The", a title, a role or a nationality; a leading year is outside an EVENT
  ("the 2005 [Norwich Union Grand Prix]"); a PERSON takes in a lower-case hyphen-joined part
  of a given name ("Kim Jong-il"), not a compound head ("Blair-led");
* name pieces: a one-word place or person name right before a PERSON, one space apart, is
  its first name ("Tennessee" GPE + "Williams" PERSON), unless a country or nationality;
* missed names: a capitalised word and an event head ("the FA Cup"), one word after
  in/near that the gazetteer knows as a place ("in Haining"), royal titles and a name or "of"
  and a place ("Crown Princess Mary", "Prince of Wales"; a bare "the Queen" is none),
  "Olympic" before a lower-case word (an EVENT); round 13: a nationality's or a party's word
  ("four Britons", "Tories plan", "Welsh farmers", "Conservative health spokesman X") is a NORP
  (``language_nouns``, ``group_words_ambiguous``, ``not_group_words``);
* acronyms: one in brackets right after a name it abbreviates takes that name's label ("Court
  of Arbitration for Sport (CAS)"), and so do its later bare mentions; a name after a prefix
  ("non-Opec") takes the one label the document gives it;
* titles of works (WORK_OF_ART): the titles listed after a plural word for works ("films such
  as X, Y and Z", a person's possessive outside; round 7: a title in camel case, "EastEnders",
  and a last title before a tagged verb, "... and Top Gear will make"), a title right before a credit ("X, starring
  Y"), a title's subtitle after a colon in a sentence about works ("Robin Hood: Prince of
  Thieves");
* round 14: "Olympic 10,000m champion", "World and Commonwealth 100m champion", "Sydney Olympic
  100m champion": the games (with a host city) are an EVENT, a race's distance is in no span, and a
  span that is only a distance is dropped ("the 60m"); "Trinidad and Tobago", "St Kitts and Nevis"
  are one GPE (:func:`.places.joined_countries`); a name's word written with an HTML character
  reference is inside the name ("Jos&#233; Manuel Barroso"); a parliament's seat read as an
  organisation is a GPE ("Holyrood officials", :func:`.places.parliament_seats`); a capitalised
  word right before a one-word PERSON that is a first name or no English word is its first name
  ("include Charlize Theron" where the model found "Theron");
* mentions: a name of two or more words keeps its label where it is written again and the
  model missed it or found only a part of it ("Duchy of Cornwall", a title found above; not
  a PERSON, whose mentions :mod:`.cues` and :mod:`.consistency` handle, nor a part of a longer
  name).
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Doc, Span

from .falsehits import falsehit_words
from .gazetteer import is_common_word, is_country, is_first_name, is_place
from .places import joined_countries, parliament_seats
from .rules import LABELS, EntityRules
from .tokens import (HYPHENS, HYPHENS_AND_EN_DASH, POSSESSIVE, all_caps_line, attached, capitalised, line_start,
                     replace_spans, sentence_start, taken_tokens)

_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&]{1,9}$")
_ROMAN = re.compile(r"^[IVX]{1,4}$")
_CHAR_REF = re.compile(r"&(#\d{2,5}|#x[0-9a-fA-F]{2,4}|[a-zA-Z]{2,8});")
_DISTANCE_NUMBER = re.compile(r"^\d{1,2}(,\d{3}|\d{2,3})?$|^\d{2,4}$")
_DISTANCE_WORD = re.compile(r"^(?:\d{1,2},\d{3}|\d{2,5})([a-z]{1,2})$")
#: tokens that may follow the last item of a list of titles
_ITEM_ENDS = {",", ".", ";", ")", "!", "?", "and", "or"}
_SMALL = {"of", "for", "and", "the", "&", "de", "du", "des", "on", "in", "at", "to", "-"}
#: tokens inside a title when attached to the word before ("Spider-Man", "Ocean's", "Don't")
_TITLE_JOINERS = {"-", "'", "’", "'s", "’s", "n't", "n’t"}


def fix_spans(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """The spans with the rules of this module applied, in order."""
    for step in STEPS:
        spans = step(doc, spans, rules)
    return spans


def _by_token(spans: list[Span]) -> dict[int, Span]:
    """Token index -> the span covering it (spans do not overlap here)."""
    return {i: sp for sp in spans for i in range(sp.start, sp.end)}


def _overlapping(by_token: dict[int, Span], start: int, end: int) -> list[Span]:
    """The spans covering any token of [start, end), each once, in order."""
    found: dict[tuple[int, int], Span] = {}
    for i in range(start, end):
        sp = by_token.get(i)
        if sp is not None:
            found[(sp.start, sp.end)] = sp
    return list(found.values())


def _each(spans: list[Span], rewrite: Callable[[Span], list[Span] | None]) -> list[Span]:
    """``spans`` with each span replaced by what ``rewrite`` returns for it (None: kept)."""
    out: list[Span] = []
    for sp in spans:
        new = rewrite(sp)
        out.extend([sp] if new is None else new)
    return out


def _split_coordinated(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Duchy of Lancaster and Duchy of Cornwall": two names when the word after "and" repeats
    the first word of the span."""
    def split(sp: Span) -> list[Span] | None:
        cut = next((k for k in range(sp.start + 2, sp.end - 1) if doc[k].lower_ == "and"
                    and doc[k + 1].text == sp[0].text and doc[k + 1].is_title), None)
        if cut is None or sp.label_ not in LABELS:
            return None
        return [Span(doc, sp.start, cut, label=sp.label_, span_id="fix:split"),
                Span(doc, cut + 1, sp.end, label=sp.label_, span_id="fix:split")]
    return _each(spans, split)


def _nationality_after(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"the Norwich Union European trials": a nationality ending an organisation's span before a
    lower-case word is a NORP of its own (the sponsor keeps the rest)."""
    def split(sp: Span) -> list[Span] | None:
        e = sp.end
        nationality = sp[-1].lower_ in rules.demonyms or sp[-1].lower_ in rules.spans.continental_adjectives
        if not (sp.label_ in {"ORG", "EVENT"} and len(sp) >= 3 and nationality
                and e < len(doc) and doc[e].is_lower and doc[e].is_alpha and sp[-2].is_title):
            return None
        return [Span(doc, sp.start, e - 1, label=sp.label_, span_id="fix:split"),
                Span(doc, e - 1, e, label="NORP", span_id="fix:split")]
    return _each(spans, split)


def _country_front(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"US Department of Energy": a country before an agency's own name is a GPE of its own."""
    def split(sp: Span) -> list[Span] | None:
        first = sp[0].text
        if not (sp.label_ == "ORG" and len(sp) >= 3 and sp[1].text in rules.spans.agency_fronts
                and (first in rules.home_nations or first in rules.gpe_abbreviations)):
            return None
        return [Span(doc, sp.start, sp.start + 1, label="GPE", span_id="fix:split"),
                Span(doc, sp.start + 1, sp.end, label="ORG", span_id="fix:split")]
    return _each(spans, split)


def _left_start(doc: Doc, s: int, taken: set[int], rules: EntityRules, joiners: bool = True) -> int:
    """Start of the capitalised words (with "of"/"for" between them) the model left off before
    token s ("the [Internet] Fraud Complaint Center", "the [Campaign for] Borders Rail"), or s."""
    best, k = s, s - 1
    while k >= 0 and s - k <= 3 and k not in taken and not doc[k].is_space and doc[k].whitespace_:
        tok = doc[k]
        if joiners and tok.lower_ in {"of", "for"} and tok.is_lower:  # counts only with a word before it
            k -= 1
            continue
        if not (tok.is_title and tok.is_alpha) or tok.text in rules.work_articles or tok.text in rules.titles \
                or tok.text in rules.royal_titles or tok.text in rules.spans.not_name_starts or tok.text in rules.law_heads \
                or tok.lower_ in rules.demonyms or tok.lower_ in rules.role_words or sentence_start(doc, k):
            break
        best = k
        k -= 1
    if best < s and best > 0 and ((doc[best - 1].is_lower and doc[best - 1].is_alpha)
                                  or doc[best - 1].text in POSSESSIVE):
        return best
    return s


def _extend_left(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """An organisation, party or place the model cut after its first words takes them back."""
    taken = taken_tokens(spans)

    def extend(sp: Span) -> list[Span] | None:
        start = (_left_start(doc, sp.start, taken, rules, joiners=sp.label_ != "NORP")
                 if sp.label_ in {"ORG", "NORP", "FAC"} else sp.start)
        return None if start == sp.start else [Span(doc, start, sp.end, label=sp.label_, span_id="fix:extend")]
    return _each(spans, extend)


def _missed_events(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"the FA Cup", "the Davis Cup": a capitalised word and an event head the model missed."""
    taken = taken_tokens(spans)
    new = []
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if (tok.text in rules.event_heads and tok.i not in taken and prev.i not in taken and prev.is_alpha
                and (prev.is_title or prev.is_upper) and prev.whitespace_ and not sentence_start(doc, prev.i)
                and prev.text not in rules.titles and prev.lower_ not in rules.demonyms
                and not _runs_on(doc, prev.i, tok.i + 1)
                and not (prev.i > 0 and doc[prev.i - 1].like_num and doc[prev.i - 1].whitespace_)):
            new.append(Span(doc, prev.i, tok.i + 1, label="EVENT", span_id="fix:event"))
    return replace_spans(spans, new)


def _missed_places(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"at Longtown", "in Haining": one capitalised word after a place preposition that the
    gazetteer knows as a place and the model missed is a GPE."""
    taken = taken_tokens(spans)
    new = []
    for tok in doc[1:-1]:
        prev, nxt = doc[tok.i - 1], doc[tok.i + 1]
        if (tok.i in taken or not (tok.is_title and tok.is_alpha) or not prev.is_lower
                or prev.lower_ not in rules.spans.place_cue_before or tok.text in rules.spans.not_places
                or (nxt.is_title and not nxt.is_punct) or nxt.text in POSSESSIVE or nxt.text == "-" or not is_place(tok.text)):
            continue
        new.append(Span(doc, tok.i, tok.i + 1, label="GPE", span_id="fix:place"))
    return replace_spans(spans, new)


def _group_word(tok, rules: EntityRules) -> str | None:
    """"plural" for a nationality's or a party's plural ("Britons", "Tories"), "word" for its
    singular or adjective ("Welsh", "Scot", "Conservative"), else None."""
    low, text = tok.lower_, tok.text
    members = rules.labels.party_members
    if low in rules.spans.not_group_words:
        return None
    if text in members or (low.endswith("s") and low[:-1] in rules.demonyms):
        return "plural"
    if (low in rules.demonyms or text + "s" in members
            or (text.endswith("y") and text[:-1] + "ies" in members)):
        return "word"
    return None


def _role_after(doc: Doc, i: int, rules: EntityRules, gap: int = 5) -> bool:
    """A role word follows token i, after at most ``gap`` lower-case words ("Conservative local
    government spokesman", "Tory MP")."""
    for k in range(i + 1, min(i + 2 + gap, len(doc))):
        tok = doc[k]
        if tok.lower_ in rules.role_words:
            return True
        if not (tok.is_lower and (tok.is_alpha or tok.text in HYPHENS)):
            return False
    return False


def _missed_groups(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 13: a nationality's or a party's word that the model missed is a NORP: a plural
    ("four Britons", "Tories plan"), a singular or adjective in mid-sentence ("as a Scot"), and at
    a sentence start an adjective before a lower-case word ("Welsh councils"); a word that is also
    a common word there ("Polish", "Conservative") only before a role ("Conservative health
    spokesman X"). Not a part of a longer name (a capitalised word before or after it, a possessive
    before it, a hyphen joining it: "Royal Scots", "British Jews", "Anglo-Dutch"), nor a language
    before a word for its use ("English lessons") or after "in" ("written in English."), nor in an
    all-capitals line."""
    taken = taken_tokens(spans)
    new = []
    for tok in doc:
        i = tok.i
        kind = _group_word(tok, rules) if tok.is_title and tok.is_alpha and i not in taken else None
        if kind is None:
            continue
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        role = _role_after(doc, i, rules)
        if ((prev is not None and attached(prev, tok) and (prev.is_alpha or prev.text in HYPHENS_AND_EN_DASH))
                or (nxt is not None and attached(tok, nxt) and nxt.text in HYPHENS_AND_EN_DASH)):
            continue  # "Anglo-Dutch", "anti-Islamic", "English-speaking"
        if nxt is not None and (capitalised(nxt) or (nxt.is_upper and nxt.is_alpha)) and not role:
            continue  # "Welsh Health Minister", "Scots Guardsman": part of a longer name
        start = sentence_start(doc, i)
        if not start and prev is not None and (prev.text in POSSESSIVE
                                               or (capitalised(prev) and not (sentence_start(doc, i - 1)
                                                                              and (prev.is_stop or prev.like_num)))):
            continue  # "Royal Scots", "Massenet's Thais" (not "Four Britons", "Most Britons", "The Scot")
        if nxt is not None and nxt.is_lower and nxt.lower_ in rules.spans.language_nouns:
            continue  # "English lessons": the language
        if (kind == "word" and prev is not None and prev.lower_ in {"in", "into"} and not role
                and not (nxt is not None and nxt.is_lower and nxt.is_alpha)):
            continue  # "written in English.": the language
        if start and not role and (tok.lower_ in rules.spans.group_words_ambiguous
                                   or (kind == "word" and not (nxt is not None and nxt.is_lower and nxt.is_alpha))):
            continue  # "Conservative estimates", "Polish the ...": a common word at a sentence start
        if all_caps_line(doc, i, i + 1):
            continue
        new.append(Span(doc, i, i + 1, label="NORP", span_id="fix:norp"))
    return replace_spans(spans, new)


def _leading_year(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"the 2005 Norwich Union Grand Prix": the year is a date, outside the EVENT."""
    def trim_year(sp: Span) -> list[Span] | None:
        if not (sp.label_ == "EVENT" and len(sp) >= 2 and _YEAR.match(sp[0].text) and sp[1].is_title):
            return None
        return [Span(doc, sp.start + 1, sp.end, label="EVENT", span_id="fix:trim")]
    return _each(spans, trim_year)


def _hyphen_tail(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Chung Mong" + "-koo": a lower-case part joined by a hyphen belongs to the given name."""
    taken = taken_tokens(spans)

    def extend(sp: Span) -> list[Span] | None:
        e = sp.end
        if not (sp.label_ == "PERSON" and len(sp) >= 2 and e + 1 < len(doc) and e not in taken
                and doc[e].text == "-" and doc[e - 1].is_title and attached(doc[e - 1], doc[e])
                and attached(doc[e], doc[e + 1])):
            return None
        tail = doc[e + 1]
        if (not (tail.is_alpha and tail.is_lower and len(tail) <= 4) or tail.lower_ in rules.spans.hyphen_compound_heads
                or (e + 2 < len(doc) and attached(tail, doc[e + 2]) and doc[e + 2].text == "-")):
            return None
        return [Span(doc, sp.start, e + 2, label="PERSON", span_id="fix:extend_person")]
    return _each(spans, extend)


def _first_name_piece(doc: Doc, sp: Span, rules: EntityRules) -> bool:
    """``sp`` is one capitalised word that may be a first name taken for a place or group."""
    tok = sp[0]
    if sp.start > 0 and doc[sp.start - 1].lower_ in {"of", "for"}:
        return False  # "Secretary of Energy Spencer Abraham"
    return (len(sp) == 1 and sp.label_ in rules.spans.name_piece_labels and tok.is_title and tok.is_alpha
            and tok.whitespace_ == " " and tok.lower_ not in rules.demonyms and tok.text not in rules.home_nations
            and tok.text not in rules.continents and tok.text not in rules.royal_titles
            and tok.text not in rules.titles and not is_country(tok.text))


def _name_pieces(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Tennessee" GPE + "Williams" PERSON, one space apart: one PERSON ("Tennessee Williams")."""
    spans = sorted(spans, key=lambda sp: sp.start)
    out: list[Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if (prev is not None and sp.label_ == "PERSON" and prev.end == sp.start and len(sp) <= 2
                and all(t.is_title for t in sp) and _first_name_piece(doc, prev, rules)
                and not (prev.start > 0 and doc[prev.start - 1].text in POSSESSIVE)):
            out[-1] = Span(doc, prev.start, sp.end, label="PERSON", span_id="fix:merge_person")
            continue
        out.append(sp)
    return out


#: a word less common than this (wordfreq Zipf) is no English word: a name's ("Charlize" 2.6; "Sunday" 5.2)
_RARE_ZIPF = 3.0


def _missed_first_names(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 14: the capitalised word right before a one-word PERSON that no span holds is its
    first name when it is a known first name or no English word ("include Charlize Theron" where the
    model found "Theron"): one space apart, not after another capitalised word, not a title, role,
    nationality, party, place or day ("Sunday"), nor a sentence's first word unless a known first name;
    not before a facility's head word ("Drury Lane")."""
    taken = taken_tokens(spans)
    new = []
    for sp in spans:
        j = sp.start - 1
        if (sp.label_ != "PERSON" or len(sp) != 1 or j < 0 or j in taken or not sp[0].is_title
                or sp[0].text in rules.fac_heads):  # "Theatre Royal, Drury Lane": a street
            continue
        tok = doc[j]
        if (not (tok.is_title and tok.is_alpha) or tok.whitespace_ != " " or all_caps_line(doc, j, sp.end)
                or (j > 0 and (doc[j - 1].is_title or doc[j - 1].is_upper) and not sentence_start(doc, j))
                or tok.text in rules.titles or tok.text in rules.courtesy_titles or tok.lower_ in rules.role_words
                or tok.lower_ in rules.demonyms or tok.text in rules.royal_titles or is_place(tok.text)
                or is_country(tok.text) or tok.text in rules.labels.party_members
                or tok.text in falsehit_words().time_names):
            continue
        first = is_first_name(tok.text)
        if first or (not sentence_start(doc, j) and not is_common_word(tok.text, _RARE_ZIPF)):
            new.append(Span(doc, j, sp.end, label="PERSON", span_id="fix:extend"))
    return replace_spans(spans, new)


def _royal_name_end(doc: Doc, j: int, rules: EntityRules, labels: dict[int, str], after_the: bool) -> int | None:
    """End of the name after royal titles ending at token j ("Charles", "Elizabeth II", "of
    Wales": a place), or None when none follows, it runs into a place or organisation head,
    the model gave the name another label ("King Crimson" ORG) or a common noun follows
    ("the Queen Mary liner")."""
    heads = rules.fac_heads | rules.org_heads | rules.club_heads | rules.company_heads | rules.event_heads
    if j + 1 < len(doc) and doc[j].text == "of":
        place = doc[j + 1].text
        if not (labels.get(j + 1) in {"GPE", "LOC"} or place in rules.home_nations or is_place(place)):
            return None  # "King of Fridges"
        end = j + 2
    else:
        end = j
        while end < len(doc) and end - j < 2 and doc[end].is_title and doc[end].is_alpha \
                and doc[end].text not in rules.royal_titles and doc[end].lower_ not in rules.title_small_words:
            end += 1
        if end == j or after_the:
            return None  # "at the Prince Edward" (a theatre): a name after "the" is no person's
        if end < len(doc) and _ROMAN.match(doc[end].text):
            end += 1
        if any(labels.get(k, "PERSON") != "PERSON" for k in range(j, end)):
            return None
        if end < len(doc) and doc[end].tag_ in {"NN", "NNS"}:
            return None
    if end < len(doc) and (doc[end].text in heads or (doc[end].is_title and doc[end].is_alpha)):
        return None  # "Queen Elizabeth Hall", "Prince Edward Island County": a longer name
    if any(t.text in heads for t in doc[j:end]):
        return None
    return end


def _royal_names(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Royal titles and a name: one PERSON ("Crown Princess Mary", "Prince of Wales"); a bare
    royal title after "the" is no entity ("the Queen said")."""
    spans = [sp for sp in spans if not (sp.label_ == "PERSON" and len(sp) == 1 and sp.text in rules.royal_titles
                                        and sp.start > 0 and doc[sp.start - 1].lower_ == "the")]
    starts = {i: sp for sp in spans for i in range(sp.start + 1, sp.end)}  # tokens inside, not first
    persons = {sp.start for sp in spans if sp.label_ == "PERSON"}  # "Prince Saud Al-Faisal": found
    by_token = _by_token(spans)
    labels = {i: sp.label_ for sp in spans for i in range(sp.start, sp.end)}
    new, i = [], 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 3 and doc[j].text in rules.royal_titles:
            j += 1
        if j == i or (j - i == 1 and doc[i].text == "Crown") or i in starts or i in persons or j in persons:
            i = max(j, i + 1)
            continue
        end = _royal_name_end(doc, j, rules, labels, i > 0 and doc[i - 1].lower_ == "the")
        if end is not None:
            outside = [sp for sp in _overlapping(by_token, i, end) if (sp.start < i or sp.end > end)
                       and sp.label_ != "PERSON"]
            if not outside:
                new.append(Span(doc, i, end, label="PERSON", span_id="fix:royal"))
        i = max(j, i + 1) if end is None else end
    return replace_spans(spans, new)


def _initials(tokens) -> str:
    """"North American Court of Arbitration for Sport" -> "NACAS"; "US Anti-Doping Agency" -> "USADA"."""
    out = []
    for tok in tokens:
        if tok.lower_ in _SMALL or not tok.text[:1].isalpha():
            continue
        out.append(tok.text if tok.is_upper else tok.text[0].upper())
    return "".join(out)


def _abbreviates(acronym: str, name: Span) -> bool:
    """The acronym's letters are, in order, initials of the name, ending on its last word's."""
    letters, initials = acronym.upper().replace("&", ""), _initials(name)
    if len(letters) < 2 or not initials or letters[-1] != initials[-1]:
        return False
    it = iter(initials)
    return all(c in it for c in letters)


def _acronyms(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Court of Arbitration for Sport (CAS)": the acronym, and its later bare mentions, take
    the label of the name it abbreviates."""
    by_end = {sp.end: sp for sp in spans if sp.label_ in LABELS}
    defined: dict[str, str] = {}
    new = []
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(" or doc[i + 2].text != ")" or not _ACRONYM.match(doc[i + 1].text):
            continue
        name = by_end.get(i)
        if name is None or len(name) < 2 or not _abbreviates(doc[i + 1].text, name):
            continue
        defined.setdefault(doc[i + 1].text, name.label_)
        new.append(Span(doc, i + 1, i + 2, label=name.label_, span_id="fix:acronym"))
    if not defined:
        return spans
    spans = replace_spans(spans, new)
    return replace_spans(spans, _bare_mentions(doc, spans, defined, "fix:acronym"))


def _bare_mentions(doc: Doc, spans: list[Span], names: dict[str, str], reason: str) -> list[Span]:
    """One-token mentions of ``names`` (text -> label) that no longer span covers, or that a
    one-token span of another label covers."""
    longer = {i for sp in spans if len(sp) > 1 for i in range(sp.start, sp.end)}
    out = []
    for tok in doc:
        label = names.get(tok.text)
        if label is None or tok.i in longer:
            continue
        if tok.i + 1 < len(doc) and attached(tok, doc[tok.i + 1]) and doc[tok.i + 1].is_alpha:
            continue  # part of a longer word the tokenizer split
        out.append(Span(doc, tok.i, tok.i + 1, label=label, span_id=reason))
    return out


def _prefixed_mentions(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"non-Opec", "anti-Nato": a name after a prefix and a hyphen takes the one label the
    document gives that name elsewhere."""
    labels: dict[str, set[str]] = {}
    for sp in spans:
        if len(sp) == 1 and sp.label_ in LABELS and sp[0].text[:1].isupper():
            labels.setdefault(sp.text, set()).add(sp.label_)
    taken = taken_tokens(spans)
    new = []
    for tok in doc[2:]:
        i = tok.i
        if (i in taken or doc[i - 1].text != "-" or not attached(doc[i - 2], doc[i - 1])
                or not attached(doc[i - 1], tok) or doc[i - 2].lower_ not in rules.spans.hyphen_prefixes):
            continue
        found = labels.get(tok.text)
        if found and len(found) == 1:
            new.append(Span(doc, i, i + 1, label=next(iter(found)), span_id="fix:mention"))
    return replace_spans(spans, new)


def distance_end(doc: Doc, i: int, rules: EntityRules) -> int | None:
    """End of a race's distance written from token i ("100m", "10,000m", "3000 m", "5km"): a
    number and a unit of ``distance_units``, or None."""
    if i + 1 < len(doc) and _DISTANCE_NUMBER.match(doc[i].text) and doc[i + 1].lower_ in rules.spans.distance_units:
        return i + 2
    if i < len(doc) and (m := _DISTANCE_WORD.match(doc[i].text)) and m.group(1).lower() in rules.spans.distance_units:
        return i + 1
    return None


def _event_adjectives(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Olympic champion": the adjective of a named event, before a lower-case word, is an EVENT.
    Round 14: also before a race's distance and a lower-case word ("Olympic 10,000m champion"), and
    so is a games' name of ``distance_events`` there ("World and Commonwealth 100m champion"); the
    distance is in no span (the model's "Commonwealth 100m" PRODUCT or "Olympic 10,000" DATE goes).
    A host city the gazetteer knows right before the adjective, with a distance or a word for a
    result after it, is inside the EVENT ("Sydney Olympic 100m champion", GUIDELINES: "Athens
    Olympics" one EVENT); a nationality is not ("British Olympic relay")."""
    longer = {i for sp in spans if len(sp) > 1 for i in range(sp.start, sp.end)}
    new = []
    for sp in spans:  # "British Olympic relay": a nationality and the games, read as one name
        if (len(sp) == 2 and sp[0].lower_ in rules.demonyms and sp[0].is_title
                and sp[1].text in rules.spans.event_adjectives
                and sp.end < len(doc) and doc[sp.end].is_alpha and doc[sp.end].is_lower):
            longer -= {sp.start, sp.start + 1}
            new.append(Span(doc, sp.start, sp.start + 1, label="NORP", span_id="fix:split"))
    adjectives, games = rules.spans.event_adjectives, rules.spans.event_adjectives | rules.spans.distance_events
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if tok.text in adjectives and tok.i not in longer and tok.whitespace_ and nxt.is_alpha and nxt.is_lower:
            city = nxt.lower_ in rules.spans.event_results and _host_city(doc, tok.i - 1, rules)
            new.append(Span(doc, tok.i - 1 if city else tok.i, tok.i + 1, label="EVENT", span_id="fix:event"))
            continue
        if tok.text not in games or not tok.whitespace_:
            continue
        end = distance_end(doc, tok.i + 1, rules)
        if end is None or end >= len(doc) or not (doc[end].is_alpha and doc[end].is_lower):
            continue
        start = tok.i - 1 if _host_city(doc, tok.i - 1, rules) else tok.i
        new.append(Span(doc, start, tok.i + 1, label="EVENT", span_id="fix:event"))
        new.append(Span(doc, tok.i + 1, end, label="", span_id="fix:distance"))  # clears the model's span
    return [sp for sp in replace_spans(spans, new) if sp.id_ != "fix:distance"]


def _host_city(doc: Doc, i: int, rules: EntityRules) -> bool:
    """Token i is a city's one-word name the gazetteer knows, not a country nor a nationality."""
    if i < 0:
        return False
    tok = doc[i]
    return (tok.is_title and tok.is_alpha and is_place(tok.text) and not is_country(tok.text)
            and tok.lower_ not in rules.demonyms and not (i > 0 and doc[i - 1].is_title and not sentence_start(doc, i)))


def _distances(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 14: a span that is only a race's distance ("the 60m" read as a PRODUCT) names nothing."""
    return [sp for sp in spans if not (sp.label_ in LABELS and distance_end(doc, sp.start, rules) == sp.end)]


def _joined_countries(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 14: "Trinidad and Tobago", "St Kitts and Nevis": one GPE (:func:`.places.joined_countries`)."""
    return joined_countries(doc, spans)


def _word_left(doc: Doc, i: int) -> int:
    """Start of the word that ends at token i: tokens written together, no space between."""
    while i > 0 and not doc[i - 1].whitespace_ and not doc[i - 1].is_space:
        i -= 1
    return i


def _word_right(doc: Doc, i: int) -> int:
    """End of the word that starts at token i (see :func:`_word_left`)."""
    while i < len(doc) - 1 and not doc[i].whitespace_ and not doc[i + 1].is_space:
        i += 1
    return i + 1


def _entity_words(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 14: a name's word written with an HTML character reference ("Jos&#233; Manuel
    Barroso", "Andr&eacute;") that the tokenizer cut at the ";" is inside the name: the text keeps
    the reference as written (offsets into the raw text), so the span takes in the whole word
    before or after it, capitalised, one space apart."""
    taken = taken_tokens(spans)
    new = []
    for sp in spans:
        if sp.label_ not in LABELS:
            continue
        s, e = sp.start, sp.end
        if s > 0 and doc[s - 1].whitespace_ == " ":
            w = _word_left(doc, s - 1)
            text = doc[w:s].text
            if _CHAR_REF.search(text) and text[:1].isupper() and not any(i in taken for i in range(w, s)):
                s = w
        if e < len(doc) and doc[e - 1].whitespace_ == " ":
            w = _word_right(doc, e)
            text = doc[e:w].text
            if _CHAR_REF.search(text) and text[:1].isupper() and not any(i in taken for i in range(e, w)):
                e = w
        if (s, e) != (sp.start, sp.end):
            new.append(Span(doc, s, e, label=sp.label_, span_id="fix:extend"))
    return replace_spans(spans, new)


def _parliament_seats(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 14: "Holyrood officials": a parliament's seat is a GPE (:func:`.places.parliament_seats`)."""
    return parliament_seats(doc, spans, rules.spans.parliament_seats)


def title_run(doc: Doc, i: int, rules: EntityRules, breakers: frozenset[str] = frozenset()) -> int | None:
    """End of a title from token i: capitalised words with small words inside ("Flight of the
    Phoenix"), ending on a capitalised word or a number ("Spider-Man 2"); a word of
    ``breakers`` ends it unless "the" follows ("Harry Potter and the Goblet of Fire")."""
    if not (capitalised(doc[i]) or doc[i].is_upper) or not doc[i].text[:1].isalpha():
        return None
    end, j = None, i
    while j < len(doc) and not doc[j].is_space and j - i < 12:
        tok = doc[j]
        if tok.lower_ in breakers and j > i and not (j + 1 < len(doc) and doc[j + 1].text == "the"):
            break
        if capitalised(tok) or tok.is_upper or (tok.like_num and j > i):
            end = j + 1
        elif not (j > i and (tok.lower_ in rules.title_small_words or (tok.text in _TITLE_JOINERS
                                                                          and attached(doc[j - 1], tok)))):
            break
        j += 1
    return end


def with_subtitle(doc: Doc, end: int, rules: EntityRules) -> int:
    """``end`` moved past ": Subtitle" when a colon attached to the title's last word follows."""
    if end + 1 < len(doc) and doc[end].text == ":" and attached(doc[end - 1], doc[end]) and doc[end].whitespace_:
        sub = title_run(doc, end + 1, rules, rules.spans.title_breakers)
        if sub is not None:
            return sub
    return end


def _list_start(doc: Doc, i: int, rules: EntityRules) -> int | None:
    """Token after "films such as" / "novels, including" / "TV shows" when token i is a plural word
    for works."""
    if not (doc[i].is_lower and doc[i].lower_ in rules.spans.work_plurals):
        return None
    j = i + 1
    if i > 0 and doc[i - 1].text in rules.spans.list_media and j < len(doc) and doc[j].is_title and doc[i].whitespace_:
        return j  # "TV shows Pop Idol and The X-Factor", "the BBC series Ballykissangel"
    if j < len(doc) and doc[j].text == ",":
        j += 1
    for phrase in rules.spans.list_openers:
        if j + len(phrase) <= len(doc) and all(doc[j + k].lower_ == w for k, w in enumerate(phrase)):
            if phrase == ("like",) and j != i + 1:
                return None  # "games, like AOL": a comparison, not the list
            return j + len(phrase)
    return None


def _title_lists(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"films such as Troy, Heathers and Flight of the Phoenix": each title is a WORK_OF_ART; a
    person's possessive before a title stays outside ("Philip Roth's The Plot Against America")."""
    person_ends = {sp.end for sp in spans if sp.label_ == "PERSON"}
    new = []
    for i in range(len(doc) - 2):
        k = _list_start(doc, i, rules)
        while k is not None and k < len(doc):
            end = title_run(doc, k, rules, rules.spans.title_breakers)
            if end is None:
                break
            end = with_subtitle(doc, end, rules)
            dated = end - k > 2 and doc[end - 1].like_num and doc[end - 2].lower_ in {"in", "on", "at"}
            end -= 2 if dated else 0  # "Ballykissangel in 1999": a year after the title is no part of it
            last = k > 0 and doc[k - 1].lower_ in {"and", "or"} and doc[k].text not in rules.titles
            if (end < len(doc) and doc[end].text not in _ITEM_ENDS and not doc[end].is_space and not dated
                    and not (last and _verb_after(doc[end]))):
                break  # "World Cup quarter-finals", "Channel 4's show": not a title on its own
            owner = next((p for p in range(k + 1, end - 1) if doc[p].text in POSSESSIVE and p in person_ends), None)
            new.append(Span(doc, k if owner is None else owner + 1, end, label="WORK_OF_ART", span_id="fix:work"))
            k = end
            while k < len(doc) and doc[k].text in {",", "and", "or"}:
                k += 1
            if k == end:
                break
    return replace_spans(spans, new)


def _verb_after(tok) -> bool:
    """A tagged lower-case verb, auxiliary or adverb after a list's last title ("... and Top Gear
    will make"): the sentence goes on, the title ended (a noun would have made it a modifier)."""
    return tok.is_lower and tok.tag_[:2] in {"VB", "MD", "RB"}


def _credit_at(doc: Doc, i: int, rules: EntityRules) -> bool:
    """A credit ("starring", "directed by") starts at token i and a capitalised name follows it."""
    first = doc[i].lower_
    for phrase in rules.spans.credit_words:
        end = i + len(phrase)
        if (phrase[0] == first and end < len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(phrase))
                and doc[end].is_title):
            return True
    return False


def title_before(doc: Doc, end: int, rules: EntityRules) -> int | None:
    """Start of a title ending at token ``end`` (capitalised words with small words inside),
    without a leading capitalised word for a work ("Comedy Christmas with the Kranks")."""
    start, k = None, end - 1
    while k >= 0 and end - k <= 10 and not doc[k].is_space:
        tok = doc[k]
        if tok.is_title or tok.is_upper or (tok.like_num and k < end - 1 and start is not None):
            start = k if tok.is_alpha or tok.like_num else start
        elif not (tok.lower_ in rules.title_small_words and start is not None):
            break
        if sentence_start(doc, k) or line_start(doc, k):
            break
        k -= 1
    if start is None or not doc[start].is_alpha or not (doc[start].is_title or doc[start].is_upper):
        return None
    words = rules.work_cue_before | rules.spans.work_cue_extra
    if doc[start].lower_ in words and start + 1 < end and doc[start + 1].is_title:
        start += 1
    return start


def _titles_before_credits(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"A Series of Unfortunate Events, starring Jim Carrey": a title right before a credit is
    a WORK_OF_ART (a person before "starring in" is not: a credit needs a name after it)."""
    by_token = _by_token(spans)
    new = []
    for i in range(1, len(doc) - 1):
        if not _credit_at(doc, i, rules):
            continue
        end = i - 1 if doc[i - 1].text == "," else i
        if end <= 0 or not (doc[end - 1].is_title or doc[end - 1].is_upper or doc[end - 1].like_num):
            continue
        start = title_before(doc, end, rules)
        if start is None:
            continue
        old = _overlapping(by_token, start, end)
        if any(sp.start < start or sp.end > end for sp in old) or any(sp.label_ == "PERSON" and len(sp) >= 2
                                                                       and sp.start == start and sp.end == end
                                                                       for sp in old):
            continue  # a longer name the model found; a person's full name ("Ann Lee, starring ...")
        new.append(Span(doc, start, end, label="WORK_OF_ART", span_id="fix:work"))
    return replace_spans(spans, new)


def _runs_on(doc: Doc, start: int, end: int) -> bool:
    """Tokens [start, end) are part of a longer name ("Eternal Sunshine of the Spotless Mind")."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return ((before is not None and before.is_title and not sentence_start(doc, start - 1) and before.whitespace_)
            or (after is not None and (after.is_title or after.lower_ in {"of", "&", "for"}
                                       or (after.text == "-" and not after.whitespace_))))


def _name_mentions(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A name of two or more words, at least two capitalised ("Duchy of Cornwall", a title a
    rule above found), keeps its label where it is written again and the model missed it or
    found only a part of it ("Campaign for [Borders Rail]")."""
    names: dict[str, dict[tuple[str, ...], str]] = {}  # first word -> words -> label
    for sp in spans:
        if (sp.label_ in LABELS - {"PERSON", "WORK_OF_ART"} or (sp.label_ == "WORK_OF_ART" and sp.id_ == "fix:work")) \
                and len(sp) >= 2 and sum(t.is_title or t.is_upper for t in sp) >= 2:
            names.setdefault(sp[0].text, {}).setdefault(tuple(t.text for t in sp), sp.label_)
    if not names:
        return spans
    by_token = _by_token(spans)
    new = []
    for tok in doc:
        for words, label in names.get(tok.text, {}).items():
            i, n = tok.i, len(words)
            if tuple(t.text for t in doc[i:i + n]) != words or _runs_on(doc, i, i + n):
                continue
            inside = _overlapping(by_token, i, i + n)
            if any(sp.start < i or sp.end > i + n for sp in inside) or any(len(sp) == n for sp in inside):
                continue  # a longer name there, or this very name already
            new.append(Span(doc, i, i + n, label=label, span_id="fix:mention"))
    return replace_spans(spans, new)


def _speaks_of_works(doc: Doc, i: int, rules: EntityRules) -> bool:
    """A word for works comes earlier in the sentence of token i (read back to a full stop
    or a line break: a parser may start a sentence after a title's colon)."""
    words = rules.spans.work_words | rules.spans.work_plurals | rules.work_cue_before
    k = i
    while k > 0 and i - k < 60 and not line_start(doc, k) and doc[k - 1].text not in {".", "!", "?"}:
        k -= 1
        if doc[k].lower_ in words and doc[k].is_lower:
            return True
    return False


def _subtitles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Robin Hood: Prince of Thieves", "Churchill: The Hollywood Years": a name, a colon and a
    title, in a sentence about works, is one WORK_OF_ART."""
    new = []
    for sp in spans:
        if sp.label_ not in LABELS or line_start(doc, sp.start) or sentence_start(doc, sp.start):
            continue
        end = with_subtitle(doc, sp.end, rules)
        if end == sp.end:
            continue
        if sp.label_ == "WORK_OF_ART" or _speaks_of_works(doc, sp.start, rules):
            new.append(Span(doc, sp.start, end, label="WORK_OF_ART", span_id="fix:work"))
    return replace_spans(spans, new)


#: the rules in the order they run (boundaries first, then missed names, then titles)
STEPS: tuple[Callable[[Doc, list[Span], EntityRules], list[Span]], ...] = (
    _split_coordinated, _nationality_after, _country_front, _extend_left, _missed_events, _missed_places, _missed_groups, _leading_year, _hyphen_tail,
    _name_pieces, _missed_first_names, _royal_names, _acronyms, _prefixed_mentions, _event_adjectives, _distances,
    _joined_countries, _entity_words, _parliament_seats, _title_lists,
    _titles_before_credits, _subtitles, _name_mentions,
)
