"""Models named by a code of letters and digits ("DB9", "X5") and roads named by a number ("M6"):
the cues that mark a code as a model, its mentions, and the names the model took with it (the
steps of :mod:`.works` for codes)."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..rules import LABELS, EntityRules
from ..tokens import POSSESSIVE, attached, capitalised, replace_spans, sentence_start, taken_tokens
from .common import ARTICLES, CODED, ROAD

#: a model's code of capitals and digits, maybe a hyphen and a letter ("DB9", "X5", "A380", "RX-8")
_LETTER_CODE = re.compile(r"^[A-Z]{1,3}-?\d{1,4}[A-Za-z]?$")
#: an age group ("U21", "U-19"), no model
_AGE_GROUP = re.compile(r"^U-?\d{2}$")
#: labels a model's code may have been given by mistake (a number label only where it is the code alone)
_CODE_MISREAD = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT"}
#: a road's number ("M6", "A1", "B4009")
_ROAD_NUMBER = re.compile(r"^[AMB]\d{1,4}$")


def _code_end(doc: Doc, i: int, rules: EntityRules) -> int | None:
    """End of a model's code of letters and digits starting at token i ("DB9", "RX" "-" "8",
    "A380s"), not part of a longer word, not a group of states, a broadcaster, an age group or a
    listed non-model ("MP3", "G8", "BBC1", "U21"); else None."""
    if i > 0 and attached(doc[i - 1], doc[i]) and (doc[i - 1].is_alpha or doc[i - 1].like_num or doc[i - 1].text == "-"):
        return None
    j = i + 1
    while j < len(doc) and attached(doc[j - 1], doc[j]) and (doc[j].is_alpha or doc[j].like_num or doc[j].text == "-"):
        j += 1
    code = _code_text(doc[i:j].text)
    if code is not None and code[-1].isalpha() and code[:-1] in rules.works.not_model_codes:
        return None  # "MP3G": a format's name and a letter
    if (code is None or code in rules.works.not_model_codes or code in rules.country_groups
            or code in rules.broadcasters or _AGE_GROUP.match(code) or re.match(r"[A-Z]+", code).group() in rules.broadcasters):
        return None
    return j


def _code_text(text: str) -> str | None:
    """The code of ``text`` without a plural "s" ("A380s" -> "A380"), or None for no code."""
    for code in (text[:-1] if text.endswith("s") else None, text):
        if code and _LETTER_CODE.match(code):
            return code
    return None


def _road_after(doc: Doc, end: int, rules: EntityRules) -> bool:
    """A word for a road follows ("the M6 toll road", "the new M6 Toll"): a road's number, no model."""
    return end < len(doc) and doc[end].lower_ in rules.works.road_words


def no_model(doc: Doc, start: int, end: int, rules: EntityRules) -> bool:
    """The name at tokens [start, end) is no model's, whatever comes before it ("the new ..."): a
    road's number or name before a word for a road ("the new M9 toll road") or a code that names no
    model (a broadcaster's channel "BBC3", a group of states, an age group, a format: ``_code_end``)."""
    if _road_after(doc, end, rules):
        return True
    return _code_text(doc[start:end].text) is not None and _code_end(doc, start, rules) is None


def _phrase_at(doc: Doc, i: int, phrases) -> bool:
    """One of ``phrases`` (tuples of lower-case words) starts at token i, written in lower case."""
    return any(all(i + k < len(doc) and doc[i + k].lower_ == w and doc[i + k].is_lower for k, w in enumerate(phrase))
               for phrase in phrases)


def _code_cued(doc: Doc, i: int, end: int, by_end: dict[int, Span], rules: EntityRules) -> bool:
    """The code at tokens [i, end) names a model: a maker's possessive before it ("Aston's DB9",
    "BMW's new X5"), "the new"/"its latest" before it ("the new DB9"), or a word for a made thing
    after it ("the DB9 sports car", "the PS2 console"); not before a road's word nor, after a
    possessive or "new", before another noun ("Sony's E3 presentation")."""
    if _road_after(doc, end, rules):
        return False
    if _phrase_at(doc, end, rules.works.model_nouns):
        return True
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.is_lower and nxt.tag_.startswith("NN"):
        return False  # "the new G4 presidency": the code modifies another noun
    k = i - 1 if i > 0 and doc[i - 1].lower_ in rules.labels.product_cue_new and doc[i - 1].is_lower else i
    if k > 1 and doc[k - 1].text in POSSESSIVE and attached(doc[k - 2], doc[k - 1]):
        owner = by_end.get(k - 1)
        return owner is not None and (owner.label_ in {"ORG", "PERSON", "PRODUCT"} or owner.text in rules.works.makers)
    if launch_before(doc, k, rules) is not None:
        # round 8: "unveiled the DB9", "launched its new X5"; not before a lower-case word that is no
        # small word ("released the SP2 upgrade", whatever its tag)
        return nxt is None or not (nxt.is_lower and nxt.is_alpha) or nxt.is_stop
    return k < i and k > 0 and doc[k - 1].lower_ in rules.product_determiners and doc[k - 1].is_lower


def launch_before(doc: Doc, k: int, rules: EntityRules) -> int | None:
    """Start of a launch verb (``launch_verbs``: "unveiled", "showed off") and a determiner that end
    right before token k ("unveiled the", "launched its"), all in lower case; else None."""
    if k < 2 or not (doc[k - 1].is_lower and doc[k - 1].lower_ in rules.product_determiners):
        return None
    for phrase in rules.works.launch_verbs:
        start = k - 1 - len(phrase)
        if start >= 0 and _phrase_at(doc, start, (phrase,)):
            return start
    return None


def launched_code(doc: Doc, j: int, spans: list[Span], rules: EntityRules) -> bool:
    """A launch verb at token j has a model's code for its object ("unveiled the DB9", "launched
    its new X5"): the code, after a determiner and maybe "new", is one the verb marks as a model."""
    by_end = {sp.end: sp for sp in spans}
    for phrase in rules.works.launch_verbs:
        if not _phrase_at(doc, j, (phrase,)):
            continue
        i = j + len(phrase) + 1
        if i < len(doc) and doc[i].lower_ in rules.labels.product_cue_new and doc[i].is_lower:
            i += 1
        end = _code_end(doc, i, rules) if i < len(doc) and doc[i].text[:1].isupper() else None
        if end is not None and _code_cued(doc, i, end, by_end, rules):
            return True
    return False


def cued_codes(doc: Doc, spans: list[Span], rules: EntityRules) -> list[tuple[int, int]]:
    """(start, end) of the model codes the document marks as models (``_code_cued``: "Aston
    Martin's DB9", "the new X5", "unveiled the DB9", "the PS2 console")."""
    by_end = {sp.end: sp for sp in spans}
    out = []
    for i in range(1, len(doc)):
        end = _code_end(doc, i, rules) if doc[i].text[:1].isupper() else None
        if end is not None and _code_cued(doc, i, end, by_end, rules):
            out.append((i, end))
    return out


def coded_models(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Aston Martin's new DB9 ... sales of the DB9": a code of letters and digits that a maker's
    possessive, "the new" or a word for a made thing after it marks as a model is a PRODUCT at
    every mention the model read as a name or missed; a code and a name the model took as one
    span ("the V8 Vantage") is a PRODUCT, and so is that name at its other mentions, as is a
    name before a word for a vehicle ("the Vantage sports car") that the document never writes
    as an owner ("Porsche's": a maker). Not a road's number, a group of states, a format ("MP3")."""
    by_end = {sp.end: sp for sp in spans}
    taken = taken_tokens(spans)
    codes: set[str] = set()
    names: set[str] = set()
    fronted = []
    for i, end in cued_codes(doc, spans, rules):
        codes.add(_code_text(doc[i:end].text))
        start = _model_front(doc, i, by_end, taken, rules)
        if start < i:
            fronted.append(Span(doc, start, end, label="PRODUCT", span_id=CODED))
    for sp in spans:
        start = _coded_name_start(doc, sp, by_end, taken, rules)
        if start is not None:  # round 11: "the Aston Martin DB9" read as a person "Martin DB9"
            codes.add(_code_text(sp[-1].text))
            fronted.append(Span(doc, start, sp.end, label="PRODUCT", span_id=CODED))
    named = []
    for sp in spans:
        end = _code_end(doc, sp.start, rules) if sp.label_ in _CODE_MISREAD else None
        rest = doc[end:sp.end] if end is not None else None
        if (rest is not None and 1 <= len(rest) <= 2 and all(t.is_title for t in rest) and not _road_after(doc, end, rules)
                and not any(t.text in rules.company_heads or t.text in rules.org_heads for t in rest)):
            names.add(rest.text)  # "V8 Vantage": the model's name after its code
            named.append(sp)
    owners = {sp.text for sp in spans if sp.end < len(doc) and doc[sp.end].text in POSSESSIVE}
    for sp in spans:
        if (len(sp) == 1 and sp.label_ in _CODE_MISREAD and sp.text not in owners and sp.text not in rules.works.makers
                and sp[0].is_title and sp.start > 0 and doc[sp.start - 1].lower_ == "the"
                and _phrase_at(doc, sp.end, rules.works.vehicle_nouns)):
            names.add(sp.text)  # "the Vantage sports car"
    names -= owners
    if not codes and not names:
        return spans
    spans = replace_spans(spans, fronted + [Span(doc, sp.start, sp.end, label="PRODUCT", span_id=CODED) for sp in named
                                            if sp[-1].text not in owners and sp.label_ != "PRODUCT"])
    return replace_spans(spans, _model_mentions(doc, spans, codes, names, rules))


#: labels a name ending in a model's code may have been given by mistake ("Martin DB9" PERSON);
#: not ORG (a team: "Renault F1"), FAC (a terminal), PRODUCT
_NAME_CODE_MISREAD = {"PERSON", "GPE", "LOC", "NORP"}


def _coded_name_start(doc: Doc, sp: Span, by_end: dict[int, Span], taken: set[int], rules: EntityRules) -> int | None:
    """Round 11: the start of a model's name when span ``sp`` is capitalised words ending in a
    model's code that the model read as a person or a place ("[Martin DB9] PERSON" in "the Aston
    Martin DB9"): a person's or a place's name does not end in a code. Capitalised words right
    before the span that no span covers are inside (``_model_front``). None when the span is no
    such name (a road's number, a listed non-model code, a code before a word for a road)."""
    if sp.label_ not in _NAME_CODE_MISREAD or len(sp) < 2 or len(sp) > 4:
        return None
    last = sp.end - 1
    if not (sp[-1].text[:1].isupper() and _code_text(sp[-1].text) is not None and not _ROAD_NUMBER.match(sp[-1].text)):
        return None
    if _code_end(doc, last, rules) != sp.end or _road_after(doc, sp.end, rules) or not doc[last - 1].whitespace_:
        return None
    if not all(capitalised(t) for t in sp[:-1]):
        return None
    return _model_front(doc, sp.start, by_end, taken - set(range(sp.start, sp.end)), rules)


def coded_name(doc: Doc, sp: Span, rules: EntityRules) -> bool:
    """Round 12: the span is a model's name the model read as a person or a place ("Martin DB9" in
    "the Aston Martin DB9", :func:`_coded_name_start`): no person's full name, so its words are no
    evidence that another name is a person's ("Ryanair and Aston Martin")."""
    return _coded_name_start(doc, sp, {}, set(), rules) is not None


def _model_front(doc: Doc, i: int, by_end: dict[int, Span], taken: set[int], rules: EntityRules) -> int:
    """Start of a model's name ending in the code at token i: up to two capitalised words no span
    covers right before it ("Epson R800", "Radeon X800"), and a maker's or product's span before
    those ("Motorola Razr V3"); i when there are none."""
    start = i
    while (start > 0 and i - start < 2 and start - 1 not in taken and doc[start - 1].whitespace_
           and capitalised(doc[start - 1]) and not sentence_start(doc, start - 1)
           and doc[start - 1].text not in ARTICLES and doc[start - 1].text not in rules.titles):
        start -= 1
    maker = by_end.get(start)
    if start < i and maker is not None and maker.label_ in {"ORG", "PRODUCT"} and doc[start - 1].whitespace_:
        start = maker.start
    return start


def roads(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"the M6 Toll": a road's number and a capitalised word for a road, which the model read as a
    product or a name, is a road, a FAC; so is a road's number alone before a lower-case word for a
    road (round 8: "the new M6 toll road")."""
    return [Span(doc, sp.start, sp.end, label="FAC", span_id=ROAD)
            if (sp.label_ in _CODE_MISREAD - {"FAC"} and _ROAD_NUMBER.match(sp[0].text)
                and ((len(sp) == 2 and sp[1].is_title and sp[1].lower_ in rules.works.road_words)
                     or (len(sp) == 1 and _road_after(doc, sp.end, rules) and doc[sp.end].is_lower))) else sp
            for sp in spans]


def _model_mentions(doc: Doc, spans: list[Span], codes: set[str], names: set[str], rules: EntityRules) -> list[Span]:
    """PRODUCT spans at the mentions of ``codes`` (alone, or with a name after: "V8 Vantage") and of
    ``names`` (one word), where the model gave no span, a span of its own extent with a name's label, or
    a number label on the code alone; a longer name around a mention is left alone."""
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for tok in doc:
        end = _code_end(doc, tok.i, rules) if tok.text[:1].isupper() else None
        if end is not None and _code_text(doc[tok.i:end].text) in codes and not _road_after(doc, end, rules):
            old = by_token.get(tok.i)
            if old is not None and old.start == tok.i and old.end > end and doc[end:old.end].text in names:
                end = old.end  # "V8 Vantage"
        elif tok.text in names and not (tok.i + 1 < len(doc) and attached(tok, doc[tok.i + 1]) and doc[tok.i + 1].is_alpha):
            end = tok.i + 1
        else:
            continue
        inside = list({(sp.start, sp.end): sp for k in range(tok.i, end) if (sp := by_token.get(k))}.values())
        if any(sp.start < tok.i or sp.end > end for sp in inside):
            continue  # a longer name the model found ("Airbus A380"): its own rules decide
        if any(sp.label_ not in _CODE_MISREAD and (sp.label_ in LABELS or (sp.start, sp.end) != (tok.i, end))
               for sp in inside):
            continue
        if not (len(inside) == 1 and inside[0].label_ == "PRODUCT" and (inside[0].start, inside[0].end) == (tok.i, end)):
            new.append(Span(doc, tok.i, end, label="PRODUCT", span_id=CODED))
    return new
