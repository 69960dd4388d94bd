"""Names of products (PRODUCT): well-known names, a version after a name, a name after a word
for its kind, a maker and a model's code, a model's number after its maker's possessive (the
steps of :mod:`.works` for products)."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..rules import LABELS, EntityRules
from ..tokens import POSSESSIVE, attached, replace_spans, sentence_start, taken_tokens
from .common import KNOWN, MODEL, PRODUCT_WORD, VERSION, phrase_before, span_words

_VERSION = re.compile(r"^\d{1,2}(\.\d{1,2}){1,2}$")
_DIGIT = re.compile(r"^[2-9]$")


def known_products(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A well-known product name is a PRODUCT, where the model gave it another label or missed it."""
    known = rules.works.known_products
    taken = taken_tokens(spans)
    new = [Span(doc, sp.start, sp.end, label="PRODUCT", span_id=KNOWN)
           for sp in spans if sp.label_ in LABELS - {"PRODUCT"} and span_words(sp) in known]
    for tok in doc:
        for words in known:
            end = tok.i + len(words)
            if (tok.text == words[0] and span_words(doc[tok.i:end]) == words and not any(k in taken for k in range(tok.i, end))
                    and not (end < len(doc) and attached(doc[end - 1], doc[end]) and doc[end].is_alpha)):
                new.append(Span(doc, tok.i, end, label="PRODUCT", span_id=KNOWN))
    return replace_spans(spans, new)


def _version_end(doc: Doc, e: int, sp: Span, rules: EntityRules) -> int | None:
    """End of a version right after span ``sp`` ending at token e ("8.0", "2", "Mini"), or None."""
    if e >= len(doc) or not doc[e - 1].whitespace_:
        return None
    tok = doc[e]
    if _VERSION.match(tok.text) and sp.label_ in {"ORG", "PRODUCT", "PERSON"}:
        return e + 1
    product = sp.label_ == "PRODUCT"
    if product and tok.text in rules.works.version_after:
        return e + 1
    if product and _DIGIT.match(tok.text) and not (e + 1 < len(doc) and _plural_noun(doc[e + 1])):
        return e + 1  # "Xbox 2", not "Xbox 2 games" (a count)
    return None


def _plural_noun(tok) -> bool:
    """A lower-case word that reads as a plural noun ("games", "consoles"; not "is", "has")."""
    return tok.is_alpha and tok.is_lower and len(tok) > 3 and tok.lower_.endswith("s")


def versions(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Opera 8.0", "Xbox 2", "iPod Mini": a product (or a name with a dotted version number)
    takes its version in; the bare name the model read as its maker is then a PRODUCT too."""
    taken = taken_tokens(spans)
    new, names = [], set()
    for sp in spans:
        if sp.label_ in {"ORG", "PRODUCT"} and len(sp) >= 2 and _VERSION.match(sp[-1].text):
            new.append(Span(doc, sp.start, sp.end, label="PRODUCT", span_id=VERSION))  # the model's "Opera 8.0"
            names.add(span_words(sp)[:-1])
            continue
        end = _version_end(doc, sp.end, sp, rules)
        if end is None or sp.end in taken:
            continue
        new.append(Span(doc, sp.start, end, label="PRODUCT", span_id=VERSION))
        names.add(span_words(sp))
    spans = replace_spans(spans, new)
    return [Span(doc, sp.start, sp.end, label="PRODUCT", span_id=VERSION)
            if sp.label_ == "ORG" and span_words(sp) in names and not _org_word_after(doc, sp.end, rules) else sp
            for sp in spans]


def _org_word_after(doc: Doc, end: int, rules: EntityRules) -> bool:
    """A word for a firm's people or shares follows ("Opera spokeswoman", "Opera's shares")."""
    nxt = doc[end] if end < len(doc) else None
    return nxt is not None and (nxt.text in POSSESSIVE or nxt.lower_ in rules.org_cue_after
                                or (nxt.is_lower and nxt.lower_ in rules.role_words))


def after_product_words(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"the browser Opera", "Net browser Opera": a name right after a product word is a PRODUCT."""
    new = []
    for sp in spans:
        if (sp.label_ in {"ORG", "PERSON", "GPE", "NORP", "LOC", "FAC"} and sp.start > 0
                and phrase_before(doc, sp.start, rules.works.product_words_before)
                and doc[sp.start - 1].is_lower and not sentence_start(doc, sp.start)
                and not (sp.label_ == "PERSON" and len(sp) >= 2)
                and not _modifies(doc, sp.end, rules)):
            new.append(Span(doc, sp.start, sp.end, label="PRODUCT", span_id=PRODUCT_WORD))
    return replace_spans(spans, new)


def _modifies(doc: Doc, end: int, rules: EntityRules) -> bool:
    """A possessive or a lower-case word that is no product word follows the name ending at
    ``end`` ("the software Microsoft owns"): the name is no product named after its kind."""
    nxt = doc[end] if end < len(doc) else None
    return nxt is not None and (nxt.text in POSSESSIVE or (nxt.is_alpha and nxt.is_lower
                                                           and nxt.lower_ not in rules.product_cue_after))


#: a model's code ("C180", "A380", "116i"); not an age group ("U21": "Iceland U21 star")
_MODEL_CODE = re.compile(r"^(?!U\d{2}$)(?:[A-Z]{1,2}\d{2,4}[a-z]?|\d{3}[a-z]{1,2})$")


def _model_end(doc: Doc, e: int, rules: EntityRules, coded: bool) -> int:
    """End of a model's name from token e: a code ("C180", "116i") or a number and a model word
    ("1 Series"), then more codes and trim words ("SE"; right at e when the name is ``coded``); e when
    none is there."""
    j = e
    while j < len(doc) and doc[j - 1].whitespace_:
        tok = doc[j]
        if _MODEL_CODE.match(tok.text):
            j += 1
        elif tok.is_digit and len(tok) == 1 and j + 1 < len(doc) and doc[j + 1].text in rules.works.model_words:
            j += 2
        elif (j > e or coded) and tok.text in rules.works.model_trims:
            j += 1
        else:
            break
    return j


def models(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"BMW 1 Series 116i SE", "Mercedes Benz C180 SE": a maker the model found, followed by a
    model's code, is a PRODUCT with the code and trim words; so is the model's own span ending on a code."""
    taken = taken_tokens(spans)
    new = []
    for sp in spans:
        if sp.label_ not in {"ORG", "PRODUCT"}:
            continue
        code_inside = len(sp) >= 2 and _MODEL_CODE.match(sp[-1].text) is not None
        end = _model_end(doc, sp.end, rules, code_inside)
        if any(k in taken for k in range(sp.end, end)):
            continue
        if end == sp.end and not code_inside:
            continue
        if end < len(doc) and doc[end].lower_ in rules.org_cue_after:
            continue  # "Airbus A380 shares"? the firm's words follow
        new.append(Span(doc, sp.start, end, label="PRODUCT", span_id=MODEL))
    return replace_spans(spans, new)


#: a model known by its number: three digits, maybe a variant ("777", "777-200LR"); not a year
_MODEL_NUMBER = re.compile(r"^\d{3}$")
_VARIANT = re.compile(r"^\d{1,3}[A-Z]{0,3}$")
_NUMBER_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PRODUCT"}


def _number_end(doc: Doc, i: int) -> int:
    """End of the model number at token i with its variant ("777" "-" "200LR"), else i."""
    if not _MODEL_NUMBER.match(doc[i].text) or (i > 0 and attached(doc[i - 1], doc[i])):
        return i
    j = i + 1
    if j + 1 < len(doc) and doc[j].text == "-" and attached(doc[i], doc[j]) and attached(doc[j], doc[j + 1]) \
            and _VARIANT.match(doc[j + 1].text):
        j += 2
    return j


def _counts(doc: Doc, end: int) -> bool:
    """The number before token ``end`` counts or measures: a plural noun, a number word or a unit
    follows, maybe after one lower-case word ("100 jets", "148 current members", "150 million", "300m",
    "102-inch")."""
    if end >= len(doc):
        return False
    tok = doc[end]
    if attached(doc[end - 1], tok) and tok.text not in POSSESSIVE:
        return True  # "102-inch", "300m"
    after = doc[end + 1] if end + 1 < len(doc) and tok.is_lower and tok.is_alpha else None
    return _plural_noun(tok) or tok.like_num or tok.lower_ in _UNITS or (after is not None and _plural_noun(after))


_UNITS = {"m", "bn", "k", "%", "per", "km", "miles", "mph", "kg", "tonnes", "people", "staff", "jobs", "of"}


def maker_numbers(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Boeing's 777 line": a number right after the possessive of an organisation the model found
    is a model (PRODUCT), not before a plural noun ("Boeing's 100 jets" counts); the number is then
    a PRODUCT at every mention, with or without a variant ("the 777", "the 777-200LR")."""
    numbers = set()
    for sp in spans:
        k = sp.end + 1
        if sp.label_ != "ORG" or k >= len(doc) or doc[sp.end].text not in POSSESSIVE:
            continue
        end = _number_end(doc, k)
        if end > k and not _counts(doc, end):
            numbers.add(doc[k].text)
    if not numbers:
        return spans
    firm = {i for sp in spans if sp.label_ not in _NUMBER_LABELS for i in range(sp.start, sp.end)}
    new = []
    for t in doc:
        end = _number_end(doc, t.i) if t.text in numbers else t.i
        if end > t.i and not _counts(doc, end) and not any(i in firm for i in range(t.i, end)):
            new.append(Span(doc, t.i, end, label="PRODUCT", span_id=MODEL))
    return replace_spans(spans, new)
