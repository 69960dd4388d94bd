"""Round 12: titles and products named by their relations to a marked one (word lists in
``resources/entity_work_lists.json``).

* a list ("A, B and C", "A or B", "A/B") holding a title a cue marked (a WORK_OF_ART of
  :mod:`.titles`, :mod:`..boundaries` or :mod:`..spans`, or the model's right after a cue for a
  title) or a product a cue or a word list marked (a PRODUCT of :mod:`.products`, :mod:`.codes` or
  :mod:`..labelcues`) is a list of works, or of products: its other members the model read as a
  person or an organisation (titles: an event; products: an unknown place), or a name of two words
  or more it missed (titles only; a building or a place keeps its label), take the marked
  member's label (:func:`listed_works`);
* rivals: a name right after "beating", "over", "ahead of" ... (``rival_words``) that follows a
  marked title in its clause ("X was voted best comedy, beating Y and Z"; "X has triumphed over
  Y") is a work of the same kind, and so is every member of the rivals' list (:func:`rival_works`);
* a title's other mentions follow the title it became (as :func:`.titles.title_mentions` does for
  a cue-marked title), a product's where the model read a name of two words or more, or a person;
* a title the model ran over a person and a title joined by "and" ("Gervais and The Office
  co-writer Stephen Merchant") is split: the person's name (a PERSON of the article, or the
  surname of one) is a PERSON, the rest the title without the lower-case credit word after it;
  two titles the model read as one ("Shaun of the Dead and Shrek 2") are two
  (:func:`split_joined_names`).

A list whose members read as people (a first name at a member's front or alone, a title before
it, a word of another person's full name in the article), places, broadcasters, makers, listed
firms (``not_members``) or owners before a possessive, or go on as a longer title (a capitalised
word after them), is a list of another kind, or a mixed one, and is left alone as a whole; so is
a list after a word for people or firms (``kind_words``: "actors such as X and Y"), and a one-word
title joined by "and" alone to a one-word name ("Hide and Seek": one title cut short). A list
needs "and", "or", "&", "nor" or a slash between two of its members (commas alone: an
apposition, "Little Britain, BBC Three"). Each rule reads words, their case and the spans, so it
works on ``spacy.blank("en")`` with hand-set entities.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from ...resources import ListOf, Record, load
from ..gazetteer import is_country, is_first_name, is_place
from ..names import full_name_words
from ..rules import LABELS, EntityRules, check_cases
from ..spans import title_run
from ..tokens import HYPHENS, POSSESSIVE, capitalised, replace_spans, sentence_start, taken_tokens
from .common import APPOSED, CODED, CREDIT, CUE, KNOWN, MENTION, MODEL, PRODUCT_WORD, VERSION
from .titles import cue_at, title_mentions

LISTS_FILE = "entity_work_lists.json"
#: key of entity_work_lists.json -> whether its entries are lower-case words (else capitalised)
LIST_KEYS = {"rival_words": True, "kind_words": True, "not_members": False}
#: the reasons these rules write in ``span.id_``
LISTED, RIVAL, SPLIT = "fix:work_list", "fix:work_rival", "fix:work_split"
#: reasons of the spans whose WORK_OF_ART label a cue gave (seeds of a list)
WORK_SEEDS = {CUE, CREDIT, APPOSED, MENTION, "fix:work", "fix:mention", LISTED, RIVAL}
#: reasons of the spans whose PRODUCT label a cue or a word list gave
PRODUCT_SEEDS = {KNOWN, VERSION, CODED, MODEL, PRODUCT_WORD, "fix:context", LISTED}
#: labels a member may lose to the list's label (the model's reading)
_TAKEN = {"WORK_OF_ART": {"PERSON", "ORG", "EVENT", "PRODUCT", "GPE", "LOC"},  # round 14: a place only
          # where the gazetteer knows none (_member_ok): "comedy Napoleon Dynamite ... and Garden State"
          "PRODUCT": {"PERSON", "ORG", "GPE"}}
#: reasons a member's label may come from: the model's, trimmed or split (a rule's label stands)
_MODEL_REASONS = {"", "fix:trim", "fix:split"}
#: reasons a member's label may come from in a list after a plural word for works (round 14): the
#: document's vote too ("films such as Billy Elliot", voted a person)
_VOTED = {"fix:vote"}
#: words joining a list's members; those that make it a list (commas alone may be an apposition)
JOINERS = frozenset({",", "and", "or", "&", "/", "nor"})
_AND = {"and", "or", "&", "/", "nor"}


@dataclass(frozen=True)
class ListWords:
    """The lists of ``entity_work_lists.json``."""

    rival_words: frozenset[tuple[str, ...]]  # "beating", "ahead of": a rival of the title before follows
    kind_words: frozenset[str]  # a word for people or firms before a list ("stars such as", "firms")
    not_members: frozenset[str]  # names that are no work or product in a list ("Mac" is, "Apple" is not)


def validate_list_words(data: object = None, name: str = LISTS_FILE) -> ListWords:
    """The lists of ``name`` (or ``data`` given in its place), each entry checked for its case."""
    data = load(name, Record({key: ListOf(str, nonempty=True) for key in LIST_KEYS}), data)
    check_cases(name, data, LIST_KEYS)
    return ListWords(rival_words=frozenset(tuple(e.split()) for e in data["rival_words"]),
                     kind_words=frozenset(data["kind_words"]), not_members=frozenset(data["not_members"]))


@lru_cache(maxsize=None)
def list_words() -> ListWords:
    return validate_list_words()


def _seed(doc: Doc, sp: Span, rules: EntityRules) -> str | None:
    """The label a list takes from its member ``sp``: WORK_OF_ART or PRODUCT that a rule marked, or
    a WORK_OF_ART of the model's right after a cue for a title ("the drama X")."""
    if sp.label_ == "WORK_OF_ART" and (sp.id_ in WORK_SEEDS or (sp.id_ in _MODEL_REASONS and cue_at(doc, sp.start, rules))):
        return "WORK_OF_ART"
    if sp.label_ == "PRODUCT" and sp.id_ in PRODUCT_SEEDS:
        return "PRODUCT"
    return None


def _member_after(doc: Doc, k: int, by_start: dict[int, Span], taken: set[int], rules: EntityRules
                  ) -> tuple[int, int, Span | None] | None:
    """The list member starting at token k: a span that starts there, or a capitalised run no span
    holds (a name the model missed); None for none."""
    if k >= len(doc):
        return None
    if k in by_start:
        sp = by_start[k]
        return sp.start, sp.end, sp
    if k in taken or not capitalised(doc[k]) or doc[k].is_sent_start:
        return None
    end = title_run(doc, k, rules, rules.spans.title_breakers)
    if end is None or any(j in taken or doc[j].text in POSSESSIVE for j in range(k, end + 1) if j < len(doc)):
        return None  # an owner and a title ("Channel 4's Shameless"): no one member
    return k, end, None


def _member_before(doc: Doc, k: int, by_end: dict[int, Span]) -> tuple[int, int, Span | None] | None:
    """The list member ending at token k (a span; runs the model missed are read forwards only)."""
    sp = by_end.get(k)
    return (sp.start, sp.end, sp) if sp is not None else None


def _joins(tok, joiners: frozenset[str], cased: bool) -> bool:
    """``tok`` is a word of ``joiners``; with ``cased`` written in lower case (or a sign), as a
    capitalised "Or" belongs to a title ("Dead Or Alive")."""
    return tok.lower_ in joiners and not (cased and not (tok.is_lower or tok.is_punct or tok.text == "&"))


def _joiner_after(doc: Doc, e: int, joiners: frozenset[str], comma_and: bool) -> int | None:
    """Index after the joiner at token e (with ``comma_and``, ", and" counts as one, and a joining
    word must be in lower case), None when none is there."""
    if e < len(doc) and _joins(doc[e], joiners, comma_and):
        if comma_and and doc[e].text == "," and e + 1 < len(doc) and doc[e + 1].lower_ in {"and", "or"}:
            return e + 2
        return e + 1
    return None


def list_around(doc: Doc, sp: Span, by_start: dict[int, Span], by_end: dict[int, Span], taken: set[int] | None = None,
                rules: EntityRules | None = None, joiners: frozenset[str] = JOINERS, comma_and: bool = True
                ) -> tuple[list[tuple[int, int, Span | None]], set[str]]:
    """The other members of the list ``sp`` stands in, as (start, end, span or None), and the words
    joining them: members joined one after another by a word of ``joiners`` (a comma, "and", "or",
    "&", "nor", a slash; with ``comma_and`` ", and" too, and the words in lower case). ``by_start``
    and ``by_end``: the spans by their first token and their end; with ``taken`` (the tokens the
    spans hold) and ``rules``, a capitalised run no span holds is a member too, read forwards (a
    name the model missed, None for its span).
    The organisations' list of :mod:`..voting` is this one with spans only, commas, "and", "or", "&"."""
    members, joined = [], set()
    k = sp.start
    while k >= 2 and _joins(doc[k - 1], joiners, comma_and):
        j = k - 1
        joined.add(doc[j].lower_)
        if comma_and and doc[j].lower_ in {"and", "or"} and j >= 1 and doc[j - 1].text == ",":
            j -= 1
        m = _member_before(doc, j, by_end)
        if m is None:
            break
        members.append(m)
        k = m[0]
    e = sp.end
    while (nxt := _joiner_after(doc, e, joiners, comma_and)) is not None:
        m = (_member_after(doc, nxt, by_start, taken, rules) if taken is not None and rules is not None
             else (by_start[nxt].start, by_start[nxt].end, by_start[nxt]) if nxt in by_start else None)
        if m is None:
            break
        joined |= {t.lower_ for t in doc[e:nxt]}
        members.append(m)
        e = m[1]
    return members, joined


def _member_ok(doc: Doc, s: int, e: int, sp: Span | None, label: str, people: dict[str, set[str]], rules: EntityRules,
               named_kind: bool = False) -> bool:
    """Members [s, e) of a list of ``label`` may take it: no person's name (a first name at its front,
    a title before it, a word of a person's full name), no place, broadcaster, maker or listed
    non-member, no owner before a possessive. With ``named_kind`` (round 14: the list follows a plural
    word for works, "films such as X, Y and Z") a first name at a member's front is the title's
    ("Billy Elliot"); a word of another person's full name still is not."""
    text = doc[s:e].text
    words = [t.text for t in doc[s:e]]
    if sp is not None and (sp.label_ not in LABELS or (sp.label_ != label and sp.label_ not in _TAKEN[label])):
        return False  # a number, a date, a nationality, a law ...
    if e < len(doc) and (doc[e].text in POSSESSIVE
                         or (label == "WORK_OF_ART" and doc[e].is_lower and doc[e].tag_ in {"NN", "NNS"})):
        return False  # "Channel 4's Supernanny": the owner; "World Cup highlights": a modifier, no title
        # (a product modifies its noun: "a Hotmail or MSN Messenger account")
    if s >= 1 and doc[s - 1].text in rules.titles:
        return False
    if (is_first_name(words[0]) and len(words) >= 2 and not named_kind) or any(people.get(w, set()) - {text} for w in words):
        return False  # "Franz Ferdinand", "Keys" after "Alicia Keys"
    if (text in rules.broadcasters or text in rules.works.makers or text in list_words().not_members
            or is_place(text) or is_country(text) or text.lower() in rules.demonyms):
        return False
    if len(words) == 1 and is_first_name(words[0]) and not named_kind:
        return False  # "Elvis", "Maya": a singer
    if e < len(doc) and (doc[e].text in {"And", "Of", "&"} or (capitalised(doc[e]) and not sentence_start(doc, e))):
        return False  # "Butterflies And Hurricanes", "Harold and [Kumar Get] The Munchies": the title goes on
    return True


#: words between a word for a list's kind and the list ("stars such as X", "bands like X")
_KIND_OPENERS = {"such", "as", "like", "including", ",", "include", "included", "includes"}


def _kind_before(doc: Doc, first: int, kinds: frozenset[str]) -> bool:
    """A word for people or firms (``kind_words``) ends right before the list starting at token
    ``first``, maybe followed by "such as", "like" or "including" ("actors X and Y", "bands such as X")."""
    k = first - 1
    while k >= 0 and first - k <= 4 and doc[k].lower_ in _KIND_OPENERS:
        k -= 1
    return k >= 0 and doc[k].is_lower and doc[k].lower_ in kinds


def _works_before(doc: Doc, first: int, rules: EntityRules) -> bool:
    """Round 14: a lower-case plural word for works ends right before the list starting at token
    ``first``, followed by "such as", "like" or "including" ("films such as X", "hits including X")."""
    k = first - 1
    while k >= 0 and first - k <= 3 and doc[k].lower_ in _KIND_OPENERS - {","}:
        k -= 1
    return k < first - 1 and k >= 0 and doc[k].is_lower and doc[k].lower_ in rules.spans.work_plurals


def _bare_and(doc: Doc, sp: Span, s: int, e: int) -> bool:
    """The span and the member [s, e) are joined by "and" or "&" alone, no comma with it."""
    return ((e == sp.start - 1 and doc[e].lower_ in {"and", "&"} and doc[e - 1].text != ",")
            or (s == sp.end + 1 and doc[sp.end].lower_ in {"and", "&"}))


def listed_works(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A list holding a title or product a rule marked is a list of that kind: its members the model
    read as a person or an organisation (titles: an event; products: an unknown place), or missed,
    take that label; not a list of mixed kinds (one member reads as a person, a place, a broadcaster, a maker or
    an owner), nor one after a word for its kind ("actors such as"); a title's other mentions follow."""
    by_start = {sp.start: sp for sp in spans if sp.label_ in LABELS}
    by_end = {sp.end: sp for sp in spans if sp.label_ in LABELS}
    taken = taken_tokens(spans)
    people = full_name_words(spans)
    kinds = list_words().kind_words
    new: dict[tuple[int, int], Span] = {}
    for sp in spans:
        label = _seed(doc, sp, rules)
        if label is None or (label == "WORK_OF_ART" and len(sp) == 1 and is_first_name(sp.text)):
            continue  # "the comedy Harold and Kumar ...": a title cut short at a name
        members, joined = list_around(doc, sp, by_start, by_end, taken, rules)
        if label == "WORK_OF_ART" and len(sp) == 1 and any(e - s == 1 and _bare_and(doc, sp, s, e) for s, e, _ in members):
            continue  # "Hide and Seek", "Hopes and Fears": a one-word title may be one cut short
        members = [m for m in members if (m[0], m[1]) not in new]
        if not members or not joined & _AND:
            continue
        if _kind_before(doc, min([m[0] for m in members] + [sp.start]), kinds):
            continue  # "stars such as X and Y": the list names its kind
        if any(m is not None and m.label_ in {"GPE", "LOC"} for _, _, m in members) and "," not in joined:
            continue  # round 14: a place in a list only with commas ("Black and White Town": one title)
        named_kind = label == "WORK_OF_ART" and _works_before(doc, min([m[0] for m in members] + [sp.start]), rules)
        if not all(_member_ok(doc, s, e, m, label, people, rules, named_kind) for s, e, m in members):
            continue  # a list of mixed kinds
        for s, e, m in members:
            if m is not None and (m.label_ == label or m.id_ not in (_MODEL_REASONS | _VOTED if named_kind else _MODEL_REASONS)):
                continue
            if m is None and (label == "PRODUCT" or e - s == 1):
                continue  # a name the model missed: not in a list of products, not one word
                # ("A Matter of Life and Death": the title's end)
            new[(s, e)] = Span(doc, s, e, label=label, span_id=LISTED)
    if not new:
        return spans
    return _follow(doc, replace_spans(spans, list(new.values())), rules)


def _follow(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """The titles these rules made are WORK_OF_ART at their other mentions, as a cue-marked title is
    (:func:`.titles.title_mentions`; their own reason stays on them), and the products PRODUCT where
    the model read a name of two words or more, or a person, there."""
    products = {sp.text for sp in spans if sp.id_ == LISTED and sp.label_ == "PRODUCT"}
    if products:  # a product's other mentions: a name of two words or more, or one the model took for a person
        spans = [Span(doc, sp.start, sp.end, label="PRODUCT", span_id=LISTED)
                 if sp.text in products and sp.label_ in _TAKEN["PRODUCT"] and sp.id_ in _MODEL_REASONS
                 and (len(sp) >= 2 or sp.label_ == "PERSON") else sp for sp in spans]
    mine = {(sp.start, sp.end): sp.id_ for sp in spans if sp.id_ in {LISTED, RIVAL, SPLIT} and sp.label_ == "WORK_OF_ART"}
    if not mine:
        return spans
    as_cue = [Span(doc, sp.start, sp.end, label=sp.label_, span_id=CUE) if (sp.start, sp.end) in mine else sp
              for sp in spans]
    out = title_mentions(doc, as_cue, rules)
    return [Span(doc, sp.start, sp.end, label=sp.label_, span_id=mine[(sp.start, sp.end)])
            if (sp.start, sp.end) in mine and sp.id_ == CUE else sp for sp in out]


def rival_works(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"X was voted best comedy, beating Y and Z", "X has triumphed over Y": the name right after
    a rival word (``rival_words``) that follows a title a rule marked in its clause (no other name,
    no verb's subject between) is a work too, and so is each member of its list."""
    rivals = list_words().rival_words
    by_start = {sp.start: sp for sp in spans if sp.label_ in LABELS}
    by_end = {sp.end: sp for sp in spans if sp.label_ in LABELS}
    taken = taken_tokens(spans)
    people = full_name_words(spans)
    new: dict[tuple[int, int], Span] = {}
    for sp in spans:
        if _seed(doc, sp, rules) != "WORK_OF_ART":
            continue
        for k in range(sp.end, min(len(doc), sp.end + 12)):
            if (k in taken or sentence_start(doc, k) or doc[k].text in {".", "!", "?", ";", ":", "(", ")"}
                    or doc[k].lower_ in {"while", "but", "whereas"}):
                break  # another name, or another clause
            hit = next((len(r) for r in rivals if tuple(t.lower_ for t in doc[k:k + len(r)]) == r), 0)
            if not hit:
                continue
            j = k + hit
            if j < len(doc) and doc[j].text == "the":
                j += 1
            first = _member_after(doc, j, by_start, taken, rules)
            if first is None:
                break
            s, e, m = first
            if e - s == 1 and m is None:
                break  # one capitalised word the model did not see
            rival = Span(doc, s, e, label=m.label_ if m is not None else "WORK_OF_ART")
            members, _ = list_around(doc, rival, by_start, by_end, taken, rules)
            group = [first] + [x for x in members if x[0] >= s]
            if all(_member_ok(doc, a, b, x, "WORK_OF_ART", people, rules) for a, b, x in group):
                for a, b, x in group:
                    if (x is None and b - a > 1) or (x is not None and x.label_ != "WORK_OF_ART" and x.id_ in _MODEL_REASONS):
                        new[(a, b)] = Span(doc, a, b, label="WORK_OF_ART", span_id=RIVAL)
            break
    if not new:
        return spans
    return _follow(doc, replace_spans(spans, list(new.values())), rules)


def split_joined_names(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Gervais and The Office co-writer Stephen Merchant" read as one WORK_OF_ART: a title the model
    found whose words before "and" or "&" are a person of the article (a PERSON span's text elsewhere,
    or the last word of a person's full name) is split: that person a PERSON, the words after the
    joiner a WORK_OF_ART without a lower-case word at its end (a credit word before a person). Two
    titles the model read as one ("Shaun of the Dead and Shrek 2") are two (:func:`_two_titles`), a
    side the article names on its own with one label taking that label ("Arsenal and England")."""
    people = {sp.text for sp in spans if sp.label_ == "PERSON"}
    surnames = {sp[-1].text for sp in spans if sp.label_ == "PERSON" and len(sp) >= 2}
    labels: dict[str, set[str]] = {}
    for sp in spans:
        if sp.label_ in LABELS:
            labels.setdefault(sp.text, set()).add(sp.label_)
    # a side the article names on its own with one label keeps it ("Arsenal and England defender")
    elsewhere = {text: next(iter(ls)) for text, ls in labels.items() if len(ls) == 1}
    new = []
    for sp in spans:
        if sp.label_ != "WORK_OF_ART" or sp.id_ not in _MODEL_REASONS or len(sp) < 3:
            continue
        k = next((t.i for t in sp[1:-1] if t.lower_ in {"and", "&"}), None)
        if k is None:
            continue
        left = doc[sp.start:k]
        if not (left.text in people or (len(left) == 1 and left.text in surnames)) or is_first_name(left.text):
            if _two_titles(doc, sp, k, spans, rules):  # "Shaun of the Dead and Shrek 2"
                for a, b in ((sp.start, k), (k + 1, sp.end)):
                    new.append(Span(doc, a, b, label=elsewhere.get(doc[a:b].text) or "WORK_OF_ART", span_id=SPLIT))
            continue
        end = sp.end
        while end > k + 1 and doc[end - 1].is_lower:
            end -= 1  # "co-writer"
            while end > k + 1 and doc[end - 1].text in HYPHENS:
                end -= 1
                if doc[end - 1].is_lower:
                    end -= 1
        if end == k + 1 or not capitalised(doc[k + 1]):
            continue
        new.append(Span(doc, sp.start, k, label="PERSON", span_id=SPLIT))
        new.append(Span(doc, k + 1, end, label="WORK_OF_ART", span_id=SPLIT))
    return replace_spans(spans, new)


def _two_titles(doc: Doc, sp: Span, k: int, spans: list[Span], rules: EntityRules) -> bool:
    """The model's title ``sp`` is two titles joined by "and"/"&" at token k ("Shaun of the Dead and
    Shrek 2", "Romancing The Stone and The Jewel Of The Nile"): the only joiner in it, each side a
    title of its own (capitalised words with small words inside, ending on a capitalised word or a
    number; "and" in lower case, no comma) and of two words or more, or one side a name the article gives a span of its own
    ("Sideways and Finding Neverland" beside "Sideways"); not a side that is a person's name or a
    place, and not where a lower-case word follows the joiner ("Beauty and the Beast")."""
    if (sum(t.lower_ in {"and", "&"} for t in sp) != 1 or not (doc[k].is_lower or doc[k].text == "&")
            or any((t.is_punct and t.text not in {"-", "'", "’", ":"}) or t.text in POSSESSIVE for t in sp)):
        return False  # "Halfway Between The Gutter And The Stars"; "Destiny's Child, Ti and Lil Wayne"
    if not capitalised(doc[k + 1]) and not doc[k + 1].is_upper:
        return False
    left, right = doc[sp.start:k], doc[k + 1:sp.end]
    if title_run(doc, k + 1, rules) != sp.end or not (capitalised(doc[k - 1]) or doc[k - 1].is_upper or doc[k - 1].like_num):
        return False
    others = {o.text for o in spans if o.end <= sp.start or o.start >= sp.end}
    if not ((len(left) >= 2 and len(right) >= 2) or left.text in others or right.text in others):
        return False
    return not any(is_first_name(part[0].text) and len(part) == 2 or is_place(part.text) or is_country(part.text)
                   for part in (left, right))
