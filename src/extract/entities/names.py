"""The span of one name: trim, split, extend and merge the model's spans (pure rules on a Doc).

Each function takes token bounds and returns corrected bounds; see the package docstring
for the classes of error each one handles.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .gazetteer import is_common_word, is_first_name, org_words
from .rules import LABELS, EntityRules
from .tokens import (HYPHENS, FUNCTION_TAGS, JOINERS, POSSESSIVE, apostrophe_name, attached, has_upper_after,
                     is_break, is_space, sentence_start, taken_tokens)


def trim(doc: Doc, start: int, end: int, label: str,
          rules: EntityRules) -> tuple[int, int] | tuple[int, int, str] | None:
    """Cut what does not belong at either end of a name; None when nothing is left.

    A third item, when present, is a corrected label. One cut at a time, in this order,
    until none applies: the span's edges, then (names only) its front, then its back."""
    given = label
    while start < end:
        edges = _trim_edges(doc, start, end)
        if edges is not None:
            start, end = edges
            continue
        if label not in LABELS or end - start < 2:
            break
        front = _trim_front(doc, start, end, label, rules)
        if front is _KEEP:
            break
        if front is not None:
            start, end, label = front
            continue
        back = _trim_back(doc, start, end, label, rules)
        if back is None:
            break
        start, end = back
    if start >= end:
        return None
    if label == "PERSON" and all(t.lower_ in rules.demonyms for t in doc[start:end]):
        return start, end, "NORP"  # "Welsh extremists": a nationality, not a person
    if label == "PERSON" and all(t.text in rules.titles or t.lower_ in rules.role_words
                                 or t.is_punct for t in doc[start:end]):
        return None  # a title alone ("the Rt Rev Dr") names nobody
    if all(t.text in rules.titles or t.is_punct for t in doc[start:end]):
        return None  # nor with another label ("the Bishop said" taken for an ORG)
    return (start, end) if label == given else (start, end, label)


def split_lines(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a span at paragraph breaks (whitespace tokens holding a newline)."""
    pieces, s = [], start
    for i in range(start, end):
        if is_break(doc[i]) or (i > s and doc[i - 1].text_with_ws.endswith("\n")):
            if i > s and not is_break(doc[i - 1]):
                pieces.append((s, i))
            s = i + 1 if is_break(doc[i]) else i
    if s < end:
        pieces.append((s, end))
    return pieces


def split_list(doc: Doc, pieces: list[tuple[int, int]], label: str,
                rules: EntityRules) -> list[tuple[int, int]]:
    """Cut a PERSON or ORG at commas between capitalised names ("Blur, Oasis"), and a
    PERSON at a lower-case word that is no name particle ("Anthony became Lopez")."""
    if label not in {"PERSON", "ORG"}:
        return pieces
    out = []
    for s, e in pieces:
        b = s
        for i in range(s + 1, e - 1):
            tok = doc[i]
            # not inside one official name: "Ministry of Economy, Trade and Industry"
            comma = (tok.text == "," and doc[i - 1].is_title and doc[i + 1].is_title
                     and not any(t.lower_ in {"of", "for"} for t in doc[b:i]))
            verb = (label == "PERSON" and tok.is_lower and tok.is_alpha
                    and tok.lower_ not in rules.name_particles and doc[i + 1].is_title)
            if comma or verb:
                out.append((b, i))
                b = i + 1
        out.append((b, e))
    return out


def extend_person(doc: Doc, start: int, end: int, taken: set[int], rules: EntityRules) -> tuple[int, int]:
    """Take in name parts the model left out of a PERSON."""
    # apostrophe surnames and particles after the name: "Sarah O’Meara", "Jan van der Berg"
    while end < len(doc) and end not in taken:
        tok = doc[end]
        if apostrophe_name(tok.text) and doc[end - 1].whitespace_:
            end += 1
            continue
        j = end
        while j < len(doc) and doc[j].is_lower and doc[j].lower_ in rules.name_particles and j not in taken:
            j += 1
        if j > end and j < len(doc) and j not in taken and doc[j].is_title and doc[j].tag_ in {"NNP", "NNPS"}:
            end = j + 1
            continue
        # hyphen-joined part "Tan-" + "Mullins"
        if (end + 1 < len(doc) and tok.text in HYPHENS and attached(doc[end - 1], tok)
                and attached(tok, doc[end + 1]) and doc[end + 1].is_title and end + 1 not in taken):
            end += 2
            continue
        break
    # initials and hyphen-joined parts before the name: "R Lamont", "Tan-" + "Mullins"
    while start > 0 and start - 1 not in taken:
        prev = doc[start - 1]
        if ((len(prev.text.rstrip(".")) == 1 or _DOTTED_INITIALS.match(prev.text)) and prev.text[0].isupper()
                and prev.tag_ == "NNP"):  # "R Lamont", "J.K. Rowling"
            start -= 1
            continue
        # particles before the surname and a first name or initial before them: "R de Marigny"
        j = start
        while j > 0 and j - 1 not in taken and doc[j - 1].is_lower and doc[j - 1].lower_ in rules.name_particles:
            j -= 1
        if (j < start and j > 0 and j - 1 not in taken and doc[j - 1].is_title
                and doc[j - 1].tag_ in {"NNP", "NNPS"}
                and (len(doc[j - 1].text.rstrip(".")) == 1 or not sentence_start(doc, j - 1))):
            start = j - 1
            continue
        if (start > 1 and prev.text in HYPHENS and attached(prev, doc[start])
                and attached(doc[start - 2], prev) and doc[start - 2].is_title
                and start - 2 not in taken):
            start -= 2
            continue
        break
    return start, end


def drop_dangling(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name never ends with "and", "of", "&" ("the Greek Track and" -> "Greek Track")."""
    out = []
    for sp in spans:
        e = sp.end
        while e > sp.start + 1 and sp.label_ in LABELS and (doc[e - 1].lower_ in JOINERS
                                                            and not doc[e - 1].is_title):
            e -= 1
        out.append(sp if e == sp.end else Span(doc, sp.start, e, label=sp.label_, span_id="fix:trim"))
    return out


def extend_and_merge(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    taken = taken_tokens(spans)
    out: list[Span] = []
    for sp in spans:
        s, e, label, reason = sp.start, sp.end, sp.label_, sp.id_
        if label == "PERSON":
            own = set(range(s, e))
            s2, e2 = extend_person(doc, s, e, taken - own, rules)
            if (s2, e2) != (s, e):
                s, e, reason = s2, e2, "fix:extend_person"
        elif label in {"GPE", "LOC", "ORG", "NORP", "FAC"}:
            # "Zhejiang" + "University", "Zhejiang" + "Normal University": extend to the org head
            j = e
            while j < len(doc) and j - e < 3 and j not in taken and doc[j].is_title and doc[j].tag_ in {"NNP", "NNPS"}:
                if doc[j].text in rules.org_heads:
                    s, e, label, reason = s, j + 1, "ORG", "fix:merge_org"
                    break
                j += 1
        if label == "ORG" and e < len(doc) and e not in taken and "&" in [t.text for t in doc[max(s, e - 3):e]]:
            # "China Yiwu ... Expo & China" + "Intelligent Expo": the name goes on after "&"
            j = e
            while j < len(doc) and j not in taken and doc[j].is_title and doc[j].tag_ in {"NNP", "NNPS"}:
                j += 1
            if j > e:
                e, reason = j, "fix:merge_org"
        # "University of" + GPE "Nottingham" / head word + "of" before a place
        if out and label in {"GPE", "LOC", "ORG", "PERSON", "EVENT", "FAC"}:
            prev = out[-1]
            gap = doc[prev.end:s]
            dangling = (prev.label_ in LABELS and doc[prev.end - 1].lower_ in JOINERS
                        and not doc[prev.end - 1].is_title and prev.end == s)
            head_of = (prev.label_ in {"ORG"} and doc[prev.end - 1].text in rules.org_heads
                       and len(gap) == 1 and gap[0].lower_ == "of")
            if dangling or head_of:
                # the head word at the end decides: "Greek Track and" + "Field Federation" is an ORG
                merged = label if dangling and label in {"ORG", "EVENT", "FAC"} else "ORG"
                out[-1] = Span(doc, prev.start, e, label=merged, span_id="fix:merge_org")
                continue
        if label in {"GPE", "LOC", "ORG", "PERSON"} and s >= 2 and doc[s - 1].lower_ == "of" \
                and doc[s - 2].text in rules.org_heads and s - 2 not in taken:
            # unlabelled "University of" before a place: extend back over the capitalised name
            b = s - 2
            while b > 0 and b - 1 not in taken and doc[b - 1].is_title and doc[b - 1].tag_ in {"NNP", "NNPS"} \
                    and not (doc[b - 1].lower_ == "the" and sentence_start(doc, b - 1)):
                b -= 1
            s, label, reason = b, "ORG", "fix:merge_org"
        if label in {"ORG", "FAC", "LOC"} and doc[e - 1].text in rules.event_heads:
            label, reason = "EVENT", reason or "fix:relabel"
        elif label == "ORG" and doc[e - 1].text in rules.law_heads and e - s > 1:
            label, reason = "LAW", reason or "fix:relabel"
        new = Span(doc, s, e, label=label, span_id=reason)
        taken |= set(range(s, e))
        out.append(new)
    return filter_spans(out)


#: initials with full stops in one token ("J.K.", "J.R.R.")
_DOTTED_INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}$")

_KEEP = (-1, -1, "")  # the front is part of the name ("The Hague"): stop trimming


def _trim_edges(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Whitespace, punctuation and a possessive at either end ("Krein’s", "(Glasgow")."""
    first, last = doc[start], doc[end - 1]
    if is_space(first) or (first.is_punct and first.text not in {"&"}):
        return start + 1, end
    if is_space(last) or last.text in POSSESSIVE or last.tag_ == "POS":
        return start, end - 1
    if last.is_punct and not (last.text == ")" and "(" in doc[start:end].text):
        return start, end - 1
    return None


#: a last word at least this common (wordfreq Zipf) may end a club's name after a town that is also a
#: first name ("Lincoln City", "Preston North End": city 5.6, end 5.7); "Cash" (4.9), "Potter" do not
CLUB_TAIL_ZIPF = 5.0


def persons_full_name(sp: Span, rules: EntityRules) -> bool:
    """A person's full name: two or three words, a first name at the front (not one that starts
    brand or place names), no club's head word or very common word at the end ("Harry Potter" fans,
    "win over Andy Roddick"; not "Aston Villa", "Lincoln City")."""
    return (2 <= len(sp) <= 3 and is_first_name(sp[0].text) and sp[0].text not in rules.labels.first_name_blockers
            and sp[-1].text not in rules.club_heads and not is_common_word(sp[-1].text, CLUB_TAIL_ZIPF))


def newspaper(name: str) -> bool:
    """``name`` is a newspaper's or a magazine's (``entity_orgs.json``): it ends in a newspaper's
    head word ("Financial Times"), starts with "Daily"/"Sunday"/"Evening", or is listed ("Guardian");
    at a sentence start its "The" is no part of it (round 8; GUIDELINES: "the" is outside)."""
    words = org_words()
    parts = name.split()
    return bool(parts) and (parts[-1] in words.newspaper_heads or parts[0] in words.newspaper_fronts
                            or name in words.newspaper_names)


def _trim_front(doc: Doc, start: int, end: int, label: str,
                rules: EntityRules) -> tuple[int, int, str] | None:
    """One cut at the front of a name of two or more tokens; _KEEP when its "The" is part of it."""
    first, second = doc[start], doc[start + 1]
    low = first.lower_
    # leading "the": kept when part of the name
    if low == "the":
        # a lower-case "the" is never part of the name ("the Financial Times"); a capitalised
        # one is when it is not sentence-initial, in a title, or a known name ("The Hague")
        rest = doc[start + 1:end].text
        part_of_name = first.text == "The" and ((rest in rules.keep_the and not (sentence_start(doc, start)
                                                                                 and newspaper(rest)))
                                                or label == "WORK_OF_ART" or not sentence_start(doc, start))
        return _KEEP if part_of_name else (start + 1, end, label)
    if first.is_lower and low in rules.leading_determiners:
        return start + 1, end, label
    # leading lower-case words and prefixes ("first", "ex-"), except name particles
    if first.is_lower and low not in rules.name_particles and has_upper_after(doc, start, end):
        return start + 1, end, label
    # a capitalised function word the model took as part of the name ("Both Hu")
    if (first.tag_ in FUNCTION_TAGS and first.is_title and low not in rules.name_particles
            and second.tag_ in {"NNP", "NNPS"}):
        return start + 1, end, label
    # a courtesy title makes a PERSON of the name after it ("Ms Baxley" taken for an ORG)
    if (label != "PERSON" and first.text in rules.courtesy_titles
            and all(t.is_title for t in doc[start + 1:end])):
        return start + 1, end, "PERSON"
    # courtesy titles, roles and nationalities are outside a PERSON ("Mr Brown",
    # "Scientist Yong Wang", "Lib Dem MP Lembit Opik", "Kenyan Alice Timbilil")
    if label == "PERSON":
        cut = max((k for k in range(start, end - 1)
                   if (doc[k].text in rules.titles or doc[k].lower_ in rules.role_words
                       or doc[k].lower_ in rules.demonyms)
                   and not doc[k].is_lower and doc[k + 1].is_title), default=None)
        if cut is not None:
            return cut + 1, end, label
    return None


def _trim_back(doc: Doc, start: int, end: int, label: str, rules: EntityRules) -> tuple[int, int] | None:
    """One cut at the back of a name of two or more tokens."""
    last = doc[end - 1]
    # trailing lower-case word of a name or place ("Zhejiang province", "Carman - son")
    if (label in rules.trailing_lower_labels and last.is_lower and last.is_alpha
            and last.lower_ not in rules.org_suffixes_lower):
        return start, end - 1
    # a trailing lower-case verb ("The Weakest Link tells")
    if last.is_lower and last.tag_.startswith("VB"):
        return start, end - 1
    # trailing numbers and scores on a person or place ("Sfar 2-6", "Czech Republic 7-5 6-3")
    if label in {"PERSON", "GPE", "LOC", "NORP"} and (last.like_num or last.is_digit):
        return start, end - 1
    # an opening bracket left unclosed: the name stops before it ("Union (TGWU")
    brackets = [t.i for t in doc[start:end] if t.text == "("]
    if brackets and not any(t.text == ")" for t in doc[brackets[-1]:end]):
        return start, brackets[-1]
    return None


def full_name_words(spans) -> dict[str, set[str]]:
    """Each word of the people's names of two words or more among ``spans`` -> those names
    ("Ray" -> {"Ray Charles"}): a word of a person's full name reads as that person's elsewhere."""
    out: dict[str, set[str]] = {}
    for sp in spans:
        if sp.label_ == "PERSON" and len(sp) >= 2:
            for tok in sp:
                out.setdefault(tok.text, set()).add(sp.text)
    return out
