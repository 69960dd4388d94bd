"""Named events (EVENT) the model missed or gave another label, and laws the model saw where
there is no law (round 9; word lists in ``resources/entity_awards_events.json``):

* a LAW of the model's with no word for a law (``law_heads``, ``law_heads_extra``) and no word
  that opens a reference to one (``legal_fronts``: "Chapter 11", "Section 404") is no law: a
  player and a minute in a line-up ("(Giggs 64),", "Goals: Rooney 68,") is a PERSON, a name the
  article labels otherwise elsewhere takes that label, a broadcaster or a name ending in a body's
  head word is an ORG ("Radio 1", "Royal Shakespeare Company"), anything else is dropped ("RBS Six
  Nations", "Shrek 2", "the Berlinale Camera award"), for the rules below to read again;
* an event's name (``event_names``: "Six Nations", "Champions League") is an EVENT at every
  mention, where the model read a number in it ("Six" CARDINAL), found nothing or gave another
  label; a sponsor's capitalised word before it is inside ("the RBS Six Nations"), a place before
  it is a GPE of its own ("France v Scotland Six Nations match"), and a capitalised event head after
  it is inside ("the Six Nations Championship");
* capitalised words ending in a head word of ``event_heads_bare`` ("Cup", "Championship(s)",
  "Trophy") that the model missed or read as a nationality, a work, a product or a person are an
  EVENT ("a 3-0 Scottish Cup win", "the 2008 European Championships"); an owner before a
  possessive ("Boro's") and a leading "The" are outside.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..rules import LABELS, EntityRules
from ..tokens import POSSESSIVE, capitalised, replace_spans, sentence_start
from .awards import award_event_words
from .common import ARTICLES, capitalised_run_start, is_placed, name_occurrences, place_names, spans_over

#: the reasons these rules write in ``span.id_``
EVENT_NAME, EVENT_HEAD, NOT_LAW = "fix:event_name", "fix:event_head", "fix:not_law"
#: labels a bare event head's run may have been given by mistake
_EVENT_MISREAD = {"NORP", "WORK_OF_ART", "PRODUCT", "PERSON", "LAW", "ORG"}
#: labels a known event's name may have been given by mistake (numbers and times included)
_NAME_MISREAD = {"NORP", "WORK_OF_ART", "PRODUCT", "PERSON", "LAW", "ORG", "GPE", "FAC", "LOC"}


def misread_laws(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """The model's LAW spans with no word for a law in them (see the module docstring): a name
    before a minute in a line-up (three such pairs in the text at least) is the person, a name the article labels otherwise elsewhere takes that label,
    a body's name (a broadcaster, an organisation's head word) is an ORG, the others are dropped."""
    words = award_event_words()
    heads = rules.law_heads | rules.spans.law_heads_extra
    elsewhere: dict[str, str] = {}
    for sp in spans:
        if sp.label_ in LABELS - {"LAW"}:
            elsewhere.setdefault(sp.text, sp.label_)
    lineup = sum(_minute(doc, doc[i:i + 2]) for i in range(1, len(doc) - 2)) >= 3
    out = []
    for sp in spans:
        if sp.label_ != "LAW" or any(t.text in heads for t in sp) or sp[0].text in words.legal_fronts:
            out.append(sp)
        elif lineup and _minute(doc, sp):
            out.append(Span(doc, sp.start, sp.end - 1, label="PERSON", span_id=NOT_LAW))  # "Rooney 87"
        elif sp.text in elsewhere:
            out.append(Span(doc, sp.start, sp.end, label=elsewhere[sp.text], span_id=NOT_LAW))
        elif sp.text in rules.broadcasters or sp[-1].text in rules.org_heads or sp[-1].text in rules.company_heads:
            out.append(Span(doc, sp.start, sp.end, label="ORG", span_id=NOT_LAW))  # "Royal Shakespeare Company"
    return out


#: tokens around a player's name and minute in a line-up ("(Giggs 64),", "Goals: Rooney 68, Dunne 75 og")
_MINUTE_BEFORE = {"(", ",", ":", ";"}
_MINUTE_AFTER = {")", ",", ".", ";", "pen", "og"}


def _minute(doc: Doc, sp: Span) -> bool:
    """The span is a name and a minute of a match in a line-up: capitalised words, a number up to
    130, a bracket, comma or colon before it and a bracket, comma, full stop, "pen" or "og" after it."""
    if len(sp) < 2 or not sp[-1].is_digit or int(sp[-1].text) > 130 or not all(capitalised(t) for t in sp[:-1]):
        return False
    before = doc[sp.start - 1].text if sp.start > 0 else ""
    after = doc[sp.end].text if sp.end < len(doc) else "."
    return before in _MINUTE_BEFORE and after in _MINUTE_AFTER


def _sponsor_start(doc: Doc, i: int, spans_at: dict[int, Span], rules: EntityRules, places: set[str]) -> int:
    """Start of a sponsor's capitalised word or two right before token i ("RBS", "Norwich Union"),
    not a place, a team's nationality, an article, an owner, nor a sentence's first word alone."""
    start = capitalised_run_start(doc, i, 2, keep=lambda t: t.text not in ARTICLES and t.text not in rules.titles)
    if start < i and (is_placed(doc[start:i].text, places) or doc[start:i].text.lower() in rules.demonyms
                      or any(is_placed(t.text, places) or t.lower_ in rules.demonyms for t in doc[start:i])
                      or (sentence_start(doc, start) and i - start == 1)):
        return i
    if start < i and (sp := spans_at.get(start)) is not None and sp.label_ in {"PERSON", "GPE", "NORP", "LOC"}:
        return i
    if start < i and doc[start:i].text in rules.broadcasters:
        return i  # "the CBS Super Bowl halftime show": the broadcaster, an ORG of its own
    return start


def event_name_mentions(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Every mention of an event's name (``event_names``) is an EVENT, with a sponsor before it and a
    capitalised event head after it; a country right before it is a GPE of its own."""
    names = {tuple(t for t in n.replace("-", " - ").split()) for n in rules.event_names}
    spans_at = {sp.start: sp for sp in spans}
    places = place_names(spans, rules)
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for first, end in name_occurrences(doc, names):
        if end < len(doc) and doc[end].text in rules.event_heads and doc[end - 1].whitespace_:
            end += 1  # "the Six Nations Championship"
        start = _sponsor_start(doc, first, spans_at, rules, places)
        old = spans_over(by_token, start, end)
        if any(sp.label_ in LABELS and sp.label_ not in _NAME_MISREAD | {"EVENT"} for sp in old):
            continue
        if any(sp.label_ == "EVENT" and (sp.start, sp.end) == (start, end) for sp in old):
            continue
        if any(sp.label_ in LABELS and (sp.end > end or (sp.start < start and _front_label(doc[sp.start:start].text, places, rules) is None))
               for sp in old):
            continue  # a longer name around it ("Six Nations Rugby Ltd")
        for sp in old:
            if sp.label_ in LABELS and sp.start < start:  # "Scotland Six Nations", "CBS Super Bowl"
                new.append(Span(doc, sp.start, start, label=_front_label(doc[sp.start:start].text, places, rules),
                                span_id=EVENT_NAME))
        new.append(Span(doc, start, end, label="EVENT", span_id=EVENT_NAME))
    return replace_spans(spans, new)


def _front_label(text: str, places: set[str], rules: EntityRules) -> str | None:
    """GPE for a place, ORG for a broadcaster before an event's name; None for anything else."""
    if is_placed(text, places):
        return "GPE"
    return "ORG" if text in rules.broadcasters else None


def bare_event_heads(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"a 3-0 Scottish Cup win", "the 2008 European Championships": capitalised words ending in a
    bare event head are an EVENT where the model missed them or read a piece of them as a
    nationality, a work, a product, a person, a law or (one word inside) an organisation."""
    heads = award_event_words().event_heads_bare
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for h in range(1, len(doc)):
        if doc[h].text not in heads or (h + 1 < len(doc) and capitalised(doc[h + 1]) and doc[h].whitespace_):
            continue  # "the Cup Winners' Cup", "Championship Manager": a longer name
        start = capitalised_run_start(doc, h, 3, stop_at_sentence_start=True)
        while start < h and (doc[start].text in ARTICLES or doc[start].text in rules.titles):
            start += 1
        if start == h:
            continue
        old = spans_over(by_token, start, h + 1)
        if any(sp.start < start or sp.end > h + 1 for sp in old if sp.label_ in LABELS):
            continue
        if any(sp.label_ in LABELS and (sp.label_ not in _EVENT_MISREAD or (sp.label_ == "ORG" and len(sp) > 1))
               for sp in old):
            continue  # an EVENT, place or club the model found ("Davis Cup" EVENT, "Cup Winners" ...)
        if h + 1 < len(doc) and doc[h + 1].text in POSSESSIVE:
            continue  # "the Championship's top scorer": the league, an organisation
        new.append(Span(doc, start, h + 1, label="EVENT", span_id=EVENT_HEAD))
    return replace_spans(spans, new)
