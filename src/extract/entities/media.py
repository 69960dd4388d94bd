"""Broadcasters' channels and newspapers named in a few words (round 14 of the organisation
cues, issue 14; called from :mod:`.known`, after the vote). GUIDELINES section 2: broadcasters,
newspapers and magazines are ORG.

* a channel named by a number is one ORG ("BBC One", "Channel 4", "Five Live"; :func:`channel_names`);
* the capitalised words before "newspaper"/"magazine" are the paper's name ("told To Vima
  newspaper"; :func:`paper_names`), and so are "Daily"/"Evening"/"Sunday" and a capitalised word
  ("the Evening Standard"; :func:`front_papers`).

The word lists are those of :mod:`.orgs` (``channel_fronts``, ``channel_numbers`` and ``paper_nouns``
of entity_firms.json; ``newspaper_fronts`` and ``newspaper_heads`` of entity_orgs.json), and the
spans carry its reason, ``fix:firm``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .gazetteer import is_common_word, is_country, is_place, org_words
from .orgs import CLOSERS, DAYS, REASON, firm_words
from .rules import LABELS, EntityRules
from .tokens import replace_spans, sentence_start


#: the word after a channel's number word that is part of a radio station's name ("Five Live")
_STATION_TAIL = "Live"


def _channel_end(doc: Doc, k: int) -> int:
    """End of a channel's number at token k ("One", "4"; "Five Live" with its "Live"); k if none. Not
    a number running on into another number or a unit ("Radio 4 5pm"), nor one joined to the next
    word by a hyphen."""
    numbers = firm_words().channel_numbers
    if k >= len(doc) or doc[k].text not in numbers or not doc[k - 1].whitespace_:
        return k
    end = k + 1
    if end < len(doc) and doc[end].text == _STATION_TAIL and doc[k].whitespace_:
        end += 1
    if end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text not in CLOSERS:
        return k  # "BBC One-style", "Radio 4's" keeps its 's outside
    if end < len(doc) and doc[end].like_num and doc[end - 1].whitespace_:
        return k
    return end


def channel_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Round 14: a broadcaster's channel named by a number ("BBC One", "BBC Two", "Channel 4",
    "Radio 1", "Five Live") is one ORG, as "BBC Radio 4" is (GUIDELINES section 2: broadcasters are
    ORG; "broadcast on BBC One"): an ORG ending in a channel's front word (``channel_fronts``: "BBC",
    "ITV", "Channel", "Radio") that the model cut before the number (``channel_numbers``: "One",
    "Four", "4") takes it in; a front and its number the model missed, or a number word and "Live"
    ("told Five Live"), are an ORG. Not where a longer span holds the words ("the BBC Radio 3 World
    Music Award"), nor a front at a sentence's start that is a common word before a number ("Channel"
    is kept, "Radio 4" too)."""
    words = firm_words()
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for t in doc:
        i = t.i
        if t.text == _STATION_TAIL and i > 0 and doc[i - 1].text in words.channel_numbers and doc[i - 1].is_alpha:
            s = i - 1  # "Five Live" alone
            if s - 1 >= 0 and doc[s - 1].text in words.channel_fronts:
                continue  # "Radio Five Live": its front decides below
            e = i + 1
        elif t.text in words.channel_fronts:
            e = _channel_end(doc, i + 1)
            if e == i + 1:
                continue
            own = by_token.get(i)
            s = own.start if own is not None and own.label_ == "ORG" and own.end == i + 1 else i
        else:
            continue
        inside = {by_token[k] for k in range(s, e) if k in by_token}
        if any(sp.start < s or sp.end > e for sp in inside):
            continue  # a longer name holds it: "BBC Radio 3 World Music Award", "BBC Five Live's Sportsweek"
        if any(sp.label_ == "ORG" and (sp.start, sp.end) == (s, e) for sp in inside):
            continue
        new.append(Span(doc, s, e, label="ORG", span_id=REASON))
    return replace_spans(spans, new)


def _paper_front(doc: Doc, k: int, rules: EntityRules, labels: dict[int, str]) -> int:
    """Start of the capitalised words right before token k (up to four): not "The"/"the", a
    nationality or a place (a span the model labelled so, or a word the lists know: "Dutch
    newspaper X"), a day ("the Sunday paper"), an owner's 's, a sentence's first word that is a common
    word ("Financial newspaper X"); k if none."""
    start, j = k, k - 1
    while j >= 0 and k - j <= 4:
        tok = doc[j]
        if not (tok.is_alpha and (tok.is_title or tok.is_upper)) or tok.lower_ == "the" or not tok.whitespace_:
            break
        if (labels.get(j) in {"NORP", "GPE", "LOC"} or tok.lower_ in rules.demonyms or is_place(tok.text)
                or is_country(tok.text) or tok.text in DAYS):
            break
        if sentence_start(doc, j) and not tok.is_upper and is_common_word(tok.text):
            break
        start = j
        if sentence_start(doc, j):
            break
        j -= 1
    return start


def paper_names(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 14: the capitalised words right before a lower-case word for a newspaper or a magazine
    (``paper_nouns``: "newspaper", "magazine", "daily", "tabloid", "weekly") are the paper's whole
    name, ORG (GUIDELINES section 2: newspapers and magazines are ORG, "the Tollick newspaper"):
    "told To Vima newspaper" (the model's PRODUCT "Vima"), "Q magazine", "the Daily Record newspaper"
    where the model missed them. Not a nationality or a place before the word ("Dutch newspaper
    Algemeen Dagblad": the name follows), "The", an owner's 's ("Billboard's weekly charts"), a day,
    a common abbreviation ("PC magazine editors"), nor where a span runs past the words ("the News of the World newspaper")."""
    nouns = firm_words().paper_nouns
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    labels = {i: sp.label_ for i, sp in by_token.items()}
    new = []
    for t in doc:
        k = t.i
        if t.lower_ not in nouns or not t.is_lower or k < 1:
            continue
        s = _paper_front(doc, k, rules, labels)
        if s == k:
            continue
        inside = {by_token[i] for i in range(s, k) if i in by_token}
        if any(sp.start < s or sp.end > k or sp.label_ not in LABELS for sp in inside):
            continue
        if any(sp.label_ == "ORG" and (sp.start, sp.end) == (s, k) for sp in inside):
            continue
        if doc[s:k].text in firm_words().common_acronyms | firm_words().not_body_acronyms:
            continue  # "PC magazine editors": a common abbreviation, no name
        new.append(Span(doc, s, k, label="ORG", span_id=REASON))
    return replace_spans(spans, new)


#: labels a newspaper's name overrules where the model read its words apart ("Sunday [Telegraph]" PERSON)
_PAPER_PARTS = {"PERSON", "WORK_OF_ART", "FAC", "EVENT", "GPE", "NORP", "PRODUCT", "ORG"}


def front_papers(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 14: a newspaper named by "Daily", "Evening" or "Sunday" and one capitalised word,
    or a newspaper's head word after it (``newspaper_fronts``, ``newspaper_heads`` of
    entity_orgs.json: "the Evening Standard", "the Sunday Telegraph", "the Daily Record", "the
    Newcastle Evening Chronicle") is an ORG where the model missed it or read its words apart
    (GUIDELINES section 2: a name starting with Daily, Sunday or Evening is a newspaper's, a place
    before the head included); the capitalised words right before it are inside ("East Anglian Daily
    Times"; not "The", an owner's 's). Not a programme ("Sunday Live programme", "the Daily Show"),
    a name running on in capitals ("Sunday Night Football"), a person the model found after the
    front word ("He said Sunday Brisk was late"; a newspaper's head word read as a person is no such:
    "Sunday [Telegraph]"), nor where a span runs past the words."""
    words = org_words()
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for t in doc:
        i = t.i
        if t.text not in words.newspaper_fronts or i + 1 >= len(doc) or not t.whitespace_:
            continue
        e = i + 2
        if not (doc[i + 1].is_title and doc[i + 1].is_alpha) or doc[i + 1].text in DAYS:
            continue
        if e < len(doc) and doc[e].text in words.newspaper_heads and doc[i + 1].whitespace_:
            e += 1  # "Sunday Morning Post"
        if e < len(doc) and doc[e - 1].whitespace_ and (doc[e].is_title or doc[e].is_upper) and doc[e].is_alpha:
            continue  # "Sunday Night Football": a longer name
        if e < len(doc) and (doc[e].lower_ in rules.show_words or doc[e - 1].lower_ in rules.show_words):
            continue  # "Sunday Live programme", "the Daily Show"
        s = i
        while (s > 0 and doc[s - 1].whitespace_ and doc[s - 1].is_title and doc[s - 1].is_alpha
               and doc[s - 1].text != "The" and not (sentence_start(doc, s - 1) and is_common_word(doc[s - 1].text))):
            s -= 1  # "East Anglian", "Newcastle"
            if sentence_start(doc, s):
                break
        inside = {by_token[k] for k in range(s, e) if k in by_token}
        if any(sp.start < s or sp.end > e or sp.label_ not in _PAPER_PARTS for sp in inside):
            continue
        if any(sp.label_ == "ORG" and (sp.start, sp.end) == (s, e) for sp in inside):
            continue
        if any(sp.label_ == "PERSON" and sp[-1].text not in words.newspaper_heads for sp in inside):
            continue  # "He said Sunday Brisk was late": a person after a day, not "Sunday [Telegraph]"
        new.append(Span(doc, s, e, label="ORG", span_id=REASON))
    return replace_spans(spans, new)
