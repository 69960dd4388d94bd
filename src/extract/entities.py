"""Named entities: the statistical NER, corrected by rules where it is wrong in ways that generalise.

The component ``extract_entities`` runs right after ``ner``. It does not run a second
model; it reads ``doc.ents`` and rewrites it in two steps, *find* then *write*:

1. **Rule spans** from token patterns kept as package data
   (``resources/entity_patterns.jsonl``, spaCy ``Matcher`` syntax plus a ``keep`` slice
   and ``require`` conditions), e.g. a byline "By Sarah O’Meara" / "BY SARAH O’MEARA" at
   the start of a line, or a courtesy title "Mr X" / "Dr X". A rule span replaces the
   model spans it overlaps.
2. **Fix-ups** of the model's spans, each a class of error seen on news text
   (word lists in ``resources/entity_words.json``):

   * split: a span never crosses a paragraph break; a PERSON or ORG listing names is cut
     at the commas ("Blur, Oasis", but not "Ministry of Economy, Trade and Industry");
     a PERSON is cut at a lower-case word that is no particle ("Anthony became Lopez").
   * trim: no punctuation, whitespace or possessive ’s / ' at either end; no leading
     determiner; "The" only when part of the name (capitalised mid-sentence, a title, or a
     name in ``keep_the``: "The Hague"); no leading lower-case words or prefixes ("the first
     Group of 20", "ex-Soviet"); no leading function word taken for a name ("Both Hu");
     titles, roles and nationalities before a PERSON are outside ("Mr Brown", "Scientist
     Yong Wang", "Lib Dem MP Lembit Opik"); no trailing lower-case word on names and
     places ("Zhejiang province"), no trailing verb, score or unclosed bracket; no name
     ends with "and"/"of"/"&".
   * extend: a PERSON takes in an adjacent apostrophe surname ("Sarah O’Meara"), name
     particles ("R de Marigny"), an initial ("R Lamont") and a hyphen-joined part.
   * merge: names the model split are joined ("University of" + "Nottingham", "Zhejiang"
     + "University", "Greek Track and" + "Field Federation", "X Expo & China" + "Intelligent
     Expo").
   * relabel: a lone surname of a PERSON named in full elsewhere in the document is a
     PERSON ("Yong Wang" ... "Wang"); a nationality is a NORP; "East Africa" is a LOC;
     an organisation whose last word names an event ("Expo", "Cup", "Open") is an EVENT,
     one whose last word names a law ("Act", "Treaty") is a LAW; a one-word GPE/LOC/NORP/
     PERSON name or an ORG acronym the model labelled at least twice (always the same
     way) gets that label where the model missed it.
   * context: a word next to a name can overrule the model's label, and the new label is
     then given to the other mentions of the same name in the document ("the town of X",
     "X-based" make a GPE of an ORG/PERSON; "shares in X", "X shares", "X Ltd", "supplier X"
     make an ORG of a PERSON; "X console", "X virus" make a PRODUCT of a PERSON/LOC/NORP).
     The cues are word lists (``gpe_cue_nouns``, ``org_cue_*``, ``product_cue_after``).
   * drop: a name-type span with no capital letter ("bee", "280bn"), a PERSON made only
     of titles ("the Rt Rev Dr"), and multi-word spans in an all-capitals heading line.

``doc.ents`` keeps every label (the dates and quantities components read the model's
DATE/CARDINAL/... spans); only spans overlapping a changed entity are dropped.
``find_entities(doc)`` returns the records of the entity labels for ``entities.csv``.
Each changed span carries its reason in ``span.id_`` (e.g. ``"fix:trim"``,
``"rule:byline"``) so the effect of every rule can be counted.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import schema
from .errors import Errors, ResourceError
from .resources import read_json, read_jsonl

__all__ = ["ENTITY_LABELS", "COLUMNS", "EntityRules", "load_rules", "fix_entities",
           "find_entities", "EntityFixer"]

#: OntoNotes labels that go to entities.csv
ENTITY_LABELS: tuple[str, ...] = schema.ENTITY_LABELS
#: entities.csv: contract columns first, then ``source`` (model / fix:<rule> / rule:<pattern id>)
COLUMNS: tuple[str, ...] = schema.ENTITY.column_names

PATTERNS_FILE = "entity_patterns.jsonl"
WORDS_FILE = "entity_words.json"
_PATTERN_KEYS = {"id", "label", "pattern", "keep", "require", "_comment"}
_REQUIRES = {"line_start", "line_end"}
_WORD_KEYS = {"titles", "role_words", "demonyms", "leading_determiners", "keep_the", "name_particles", "org_heads",
              "event_heads", "law_heads", "org_suffixes_lower",
              "directions", "continents", "region_countries", "trailing_lower_labels",
              "gpe_cue_nouns", "org_cue_before", "org_cue_after", "org_cue_in", "product_cue_after",
              "_comment"}
_LABELS = set(ENTITY_LABELS)
_POSSESSIVE = {"'s", "’s", "'", "’", "'S", "’S"}
_OPENERS = {'"', "“", "‘", "'", "(", "[", ":", "—", "–", "-", "«"}
# tags of words the model sometimes takes for the first word of a name ("Both Hu", "And China")
_FUNCTION_TAGS = {"DT", "PDT", "CC", "IN", "RB", "PRP", "PRP$", "WDT", "WP", "WRB", "UH", "TO"}
_JOINERS = {"of", "for", "and", "&", "at", "de", "du", "des"}


@dataclass(frozen=True)
class EntityRules:
    """The word lists of ``entity_words.json`` and the patterns of ``entity_patterns.jsonl``."""

    titles: frozenset[str]
    role_words: frozenset[str]
    demonyms: frozenset[str]
    leading_determiners: frozenset[str]
    keep_the: frozenset[str]
    name_particles: frozenset[str]
    org_heads: frozenset[str]
    event_heads: frozenset[str]
    law_heads: frozenset[str]
    org_suffixes_lower: frozenset[str]
    directions: frozenset[str]
    continents: frozenset[str]
    region_countries: frozenset[str]
    trailing_lower_labels: frozenset[str]
    gpe_cue_nouns: frozenset[str]
    org_cue_before: frozenset[str]
    org_cue_after: frozenset[str]
    org_cue_in: frozenset[str]
    product_cue_after: frozenset[str]
    patterns: tuple[dict, ...]


def _validate_words(data: object) -> dict[str, frozenset[str]]:
    if not isinstance(data, dict):
        raise ResourceError(Errors.E256.format(name=WORDS_FILE, where="top level", expected="a JSON object"))
    unknown = sorted(set(data) - _WORD_KEYS)
    if unknown:
        raise ResourceError(Errors.E250.format(name=WORDS_FILE, where="top level", key=unknown[0],
                                               allowed=", ".join(sorted(_WORD_KEYS))))
    out = {}
    for key in sorted(_WORD_KEYS - {"_comment"}):
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise ResourceError(Errors.E251.format(name=WORDS_FILE, key=key))
        out[key] = frozenset(value)
    bad = sorted(out["trailing_lower_labels"] - _LABELS)
    if bad:
        raise ResourceError(Errors.E252.format(name=WORDS_FILE, where="trailing_lower_labels",
                                               label=bad[0], allowed=", ".join(ENTITY_LABELS)))
    return out


def _validate_patterns(rows: list) -> tuple[dict, ...]:
    out = []
    for i, row in enumerate(rows, 1):
        where = f"line {i}"
        if not isinstance(row, dict):
            raise ResourceError(Errors.E256.format(name=PATTERNS_FILE, where=where, expected="a JSON object"))
        unknown = sorted(set(row) - _PATTERN_KEYS)
        if unknown:
            raise ResourceError(Errors.E250.format(name=PATTERNS_FILE, where=where, key=unknown[0],
                                                   allowed=", ".join(sorted(_PATTERN_KEYS))))
        for key in ("id", "label", "pattern"):
            if key not in row:
                raise ResourceError(Errors.E253.format(name=PATTERNS_FILE, where=where, key=key))
        if row["label"] not in _LABELS:
            raise ResourceError(Errors.E252.format(name=PATTERNS_FILE, where=where, label=row["label"],
                                                   allowed=", ".join(ENTITY_LABELS)))
        keep = row.get("keep", [0, None])
        if (not isinstance(keep, list) or len(keep) != 2
                or not all(k is None or isinstance(k, int) for k in keep)):
            raise ResourceError(Errors.E254.format(name=PATTERNS_FILE, where=where, value=keep))
        require = row.get("require", [])
        bad = [r for r in require if r not in _REQUIRES]
        if bad:
            raise ResourceError(Errors.E255.format(name=PATTERNS_FILE, where=where, value=bad[0],
                                                   allowed=", ".join(sorted(_REQUIRES))))
        if not isinstance(row["pattern"], list) or not row["pattern"]:
            raise ResourceError(Errors.E256.format(name=PATTERNS_FILE, where=where,
                                                   expected="'pattern' as a non-empty list of token dicts"))
        out.append({"id": row["id"], "label": row["label"], "pattern": row["pattern"],
                    "keep": tuple(keep), "require": tuple(require)})
    return tuple(out)


@lru_cache(maxsize=None)
def load_rules(words_file: str = WORDS_FILE, patterns_file: str = PATTERNS_FILE) -> EntityRules:
    """Read and validate the word lists and patterns (package data), once per process."""
    words = _validate_words(read_json(words_file))
    patterns = _validate_patterns(read_jsonl(patterns_file))
    return EntityRules(patterns=patterns, **words)


# ---------------------------------------------------------------------------------------------
# helpers on tokens

def _is_space(tok) -> bool:
    return tok.is_space or not tok.text.strip()


def _is_break(tok) -> bool:
    return _is_space(tok) and "\n" in tok.text


def _has_upper(tok) -> bool:
    return any(c.isupper() for c in tok.text)


def _line_start(doc: Doc, i: int) -> bool:
    """Token i begins the text or a line."""
    if i == 0:
        return True
    prev = doc[i - 1]
    return _is_break(prev) or prev.text_with_ws.endswith("\n")


def _sentence_start(doc: Doc, i: int) -> bool:
    """Token i begins a sentence, a line, or follows an opening quote or bracket."""
    if _line_start(doc, i) or doc[i].is_sent_start:
        return True
    prev = doc[i - 1]
    return prev.text in _OPENERS or prev.text in {".", "!", "?"}


def _line_end(doc: Doc, end: int) -> bool:
    """The text or a line ends after token end-1 (a comma or dash may close a byline)."""
    if end >= len(doc):
        return True
    if doc[end - 1].text_with_ws.endswith("\n"):
        return True
    nxt = doc[end]
    return _is_break(nxt) or nxt.text in {",", "|", "—", "–", "-"}


def _attached(left, right) -> bool:
    """No whitespace between two adjacent tokens."""
    return left.i + 1 == right.i and not left.whitespace_


def _all_caps_line(doc: Doc, start: int, end: int) -> bool:
    """The line holding tokens [start, end) has letters and none of them is lower case.

    Walks out from the span token by token and stops at the first lower-case letter, which
    on ordinary prose is the first neighbour (the profile showed the full walk to the line
    ends costing a quarter of this component's time on one-line paragraphs)."""
    n_letters = 0

    def letters(tok) -> int | None:
        text = tok.text
        if any(c.islower() for c in text):
            return None
        return sum(c.isalpha() for c in text)

    for k in range(start, end):
        n = letters(doc[k])
        if n is None:
            return False
        n_letters += n
    i = start
    while i > 0 and not _is_break(doc[i - 1]) and not doc[i - 1].text_with_ws.endswith("\n"):
        i -= 1
        n = letters(doc[i])
        if n is None:
            return False
        n_letters += n
    j = end
    while j < len(doc) and not _is_break(doc[j]) and not doc[j - 1].text_with_ws.endswith("\n"):
        n = letters(doc[j])
        if n is None:
            return False
        n_letters += n
        j += 1
    return n_letters >= 4


# ---------------------------------------------------------------------------------------------
# fix-ups on one span: each returns (start, end, label) token bounds or None to drop

def _trim(doc: Doc, start: int, end: int, label: str,
          rules: EntityRules) -> tuple[int, int] | tuple[int, int, str] | None:
    """Cut what does not belong at either end of a name; None when nothing is left.

    A third item, when present, is a corrected label."""
    name_like = label in _LABELS
    changed = True
    while start < end and changed:
        changed = False
        first, last = doc[start], doc[end - 1]
        # ends: whitespace, punctuation, possessive
        if _is_space(first) or (first.is_punct and first.text not in {"&"}):
            start += 1
            changed = True
            continue
        if _is_space(last) or last.text in _POSSESSIVE or last.tag_ == "POS":
            end -= 1
            changed = True
            continue
        if last.is_punct and not (last.text == ")" and "(" in doc[start:end].text):
            end -= 1
            changed = True
            continue
        if not name_like or end - start < 2:
            continue
        low = first.lower_
        second = doc[start + 1]
        # leading "the": kept when part of the name
        if low == "the":
            # a lower-case "the" is never part of the name ("the Financial Times"); a capitalised
            # one is when it is not sentence-initial, in a title, or a known name ("The Hague")
            rest = doc[start + 1:end].text
            part_of_name = first.text == "The" and (rest in rules.keep_the or label == "WORK_OF_ART"
                                                    or not _sentence_start(doc, start))
            if not part_of_name:
                start += 1
                changed = True
            continue
        if first.is_lower and low in rules.leading_determiners:
            start += 1
            changed = True
            continue
        # leading lower-case words and prefixes ("first", "ex-"), except name particles
        if first.is_lower and low not in rules.name_particles and _has_upper_after(doc, start, end):
            start += 1
            changed = True
            continue
        # a capitalised function word the model took as part of the name ("Both Hu")
        if (first.tag_ in _FUNCTION_TAGS and first.is_title and low not in rules.name_particles
                and second.tag_ in {"NNP", "NNPS"}):
            start += 1
            changed = True
            continue
        # courtesy titles, roles and nationalities are outside a PERSON ("Mr Brown",
        # "Scientist Yong Wang", "Lib Dem MP Lembit Opik", "Kenyan Alice Timbilil")
        if label == "PERSON":
            cut = max((k for k in range(start, end - 1)
                       if (doc[k].text in rules.titles or doc[k].lower_ in rules.role_words
                           or doc[k].lower_ in rules.demonyms)
                       and not doc[k].is_lower and doc[k + 1].is_title), default=None)
            if cut is not None:
                start = cut + 1
                changed = True
                continue
        # trailing lower-case word of a name or place ("Zhejiang province", "Carman - son")
        if (label in rules.trailing_lower_labels and last.is_lower and last.is_alpha
                and last.lower_ not in rules.org_suffixes_lower):
            end -= 1
            changed = True
            continue
        # a trailing lower-case verb ("The Weakest Link tells")
        if last.is_lower and last.tag_.startswith("VB"):
            end -= 1
            changed = True
            continue
        # trailing numbers and scores on a person or place ("Sfar 2-6", "Czech Republic 7-5 6-3")
        if label in {"PERSON", "GPE", "LOC", "NORP"} and (last.like_num or last.is_digit):
            end -= 1
            changed = True
            continue
        # an opening bracket left unclosed: the name stops before it ("Union (TGWU")
        brackets = [t.i for t in doc[start:end] if t.text == "("]
        if brackets and not any(t.text == ")" for t in doc[brackets[-1]:end]):
            end = brackets[-1]
            changed = True
            continue
    if start >= end:
        return None
    if label == "PERSON" and all(t.lower_ in rules.demonyms for t in doc[start:end]):
        return start, end, "NORP"  # "Welsh extremists": a nationality, not a person
    if label == "PERSON" and all(t.text in rules.titles or t.lower_ in rules.role_words
                                 or t.is_punct for t in doc[start:end]):
        return None  # a title alone ("the Rt Rev Dr") names nobody
    return start, end


def _has_upper_after(doc: Doc, start: int, end: int) -> bool:
    return any(_has_upper(t) for t in doc[start + 1:end])


def _split_lines(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a span at paragraph breaks (whitespace tokens holding a newline)."""
    pieces, s = [], start
    for i in range(start, end):
        if _is_break(doc[i]) or (i > s and doc[i - 1].text_with_ws.endswith("\n")):
            if i > s and not _is_break(doc[i - 1]):
                pieces.append((s, i))
            s = i + 1 if _is_break(doc[i]) else i
    if s < end:
        pieces.append((s, end))
    return pieces


def _split_list(doc: Doc, pieces: list[tuple[int, int]], label: str,
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


def _extend_person(doc: Doc, start: int, end: int, taken: set[int], rules: EntityRules) -> tuple[int, int]:
    """Take in name parts the model left out of a PERSON."""
    # apostrophe surnames and particles after the name: "Sarah O’Meara", "Jan van der Berg"
    while end < len(doc) and end not in taken:
        tok = doc[end]
        if _apostrophe_name(tok.text) and doc[end - 1].whitespace_:
            end += 1
            continue
        j = end
        while j < len(doc) and doc[j].is_lower and doc[j].lower_ in rules.name_particles and j not in taken:
            j += 1
        if j > end and j < len(doc) and j not in taken and doc[j].is_title and doc[j].tag_ in {"NNP", "NNPS"}:
            end = j + 1
            continue
        # hyphen-joined part "Tan-" + "Mullins"
        if (end + 1 < len(doc) and tok.text in {"-", "‐"} and _attached(doc[end - 1], tok)
                and _attached(tok, doc[end + 1]) and doc[end + 1].is_title and end + 1 not in taken):
            end += 2
            continue
        break
    # initials and hyphen-joined parts before the name: "R Lamont", "Tan-" + "Mullins"
    while start > 0 and start - 1 not in taken:
        prev = doc[start - 1]
        if len(prev.text.rstrip(".")) == 1 and prev.text[0].isupper() and prev.tag_ == "NNP":
            start -= 1
            continue
        # particles before the surname and a first name or initial before them: "R de Marigny"
        j = start
        while j > 0 and j - 1 not in taken and doc[j - 1].is_lower and doc[j - 1].lower_ in rules.name_particles:
            j -= 1
        if (j < start and j > 0 and j - 1 not in taken and doc[j - 1].is_title
                and doc[j - 1].tag_ in {"NNP", "NNPS"}
                and (len(doc[j - 1].text.rstrip(".")) == 1 or not _sentence_start(doc, j - 1))):
            start = j - 1
            continue
        if (start > 1 and prev.text in {"-", "‐"} and _attached(prev, doc[start])
                and _attached(doc[start - 2], prev) and doc[start - 2].is_title
                and start - 2 not in taken):
            start -= 2
            continue
        break
    return start, end


def _apostrophe_name(text: str) -> bool:
    """O’Meara, O'Brien, D'Angelo, N’Diaye (a capital, an apostrophe, a capitalised rest)."""
    return (len(text) >= 4 and text[0].isupper() and text[1] in "’'" and text[2].isupper()
            and text[3:].replace("-", "").isalpha())


# ---------------------------------------------------------------------------------------------
# the finder

_BY_HASH: dict[int, tuple[EntityRules, dict[int, dict]]] = {}


def _patterns_by_hash(rules: EntityRules) -> dict[int, dict]:
    """Matcher key hash -> pattern (the hash does not depend on the Vocab)."""
    cached = _BY_HASH.get(id(rules))
    if cached is None or cached[0] is not rules:
        cached = _BY_HASH[id(rules)] = (rules, {get_string_id(f"{p['id']}#{n}"): p
                                                for n, p in enumerate(rules.patterns)})
    return cached[1]


def _rule_spans(doc: Doc, matcher: Matcher, rules: EntityRules) -> list[Span]:
    by_key = _patterns_by_hash(rules)
    spans = []
    for match_id, s, e in matcher(doc):
        p = by_key[match_id]
        if "line_start" in p["require"] and not _line_start(doc, s):
            continue
        if "line_end" in p["require"] and not _line_end(doc, e):
            continue
        a, b = p["keep"]
        ks = s + (a or 0)
        ke = e if b is None else (s + b if b >= 0 else e + b)
        if ks < ke:
            spans.append(Span(doc, ks, ke, label=p["label"], span_id=f"rule:{p['id']}"))
    return filter_spans(spans)


def fix_entities(doc: Doc, matcher: Matcher | None = None, rules: EntityRules | None = None) -> list[Span]:
    """The corrected entity spans of ``doc`` (all labels), sorted and non-overlapping."""
    rules = rules or load_rules()
    if matcher is None:
        matcher = build_matcher(doc.vocab, rules)
    ruled = _rule_spans(doc, matcher, rules)
    ruled_tokens = {i for sp in ruled for i in range(sp.start, sp.end)}

    # 1. fix the model's spans one by one
    fixed: list[Span] = []
    for ent in doc.ents:
        label = ent.label_
        if label not in _LABELS:
            # numbers, dates: only cut at paragraph breaks and kept clear of rule spans
            for s, e in _split_lines(doc, ent.start, ent.end):
                while s < e and _is_space(doc[s]):
                    s += 1
                while e > s and _is_space(doc[e - 1]):
                    e -= 1
                if s < e and not any(i in ruled_tokens for i in range(s, e)):
                    reason = "" if (s, e) == (ent.start, ent.end) else "fix:split"
                    fixed.append(Span(doc, s, e, label=label, span_id=reason))
            continue
        for s, e in _split_list(doc, _split_lines(doc, ent.start, ent.end), label, rules):
            bounds = _trim(doc, s, e, label, rules)
            if bounds is None:
                continue
            s2, e2 = bounds[:2]
            new_label = bounds[2] if len(bounds) == 3 else label
            if not any(_has_upper(t) for t in doc[s2:e2]) and "." not in doc[s2:e2].text:
                continue  # "bee", "280bn": no name without a capital
            if (e2 - s2 > 1 and _all_caps_line(doc, s2, e2) and label in {"PERSON", "ORG", "WORK_OF_ART",
                                                                         "PRODUCT", "EVENT", "FAC", "LAW"}):
                continue  # section headings ("BIG PICTURE")
            reason = ("" if (s2, e2) == (ent.start, ent.end) else "fix:trim") if new_label == label \
                else "fix:relabel"
            fixed.append(Span(doc, s2, e2, label=new_label, span_id=reason))
    # rule spans replace the model spans they overlap
    fixed = [sp for sp in fixed if not any(i in ruled_tokens for i in range(sp.start, sp.end))]
    spans = sorted(fixed + ruled, key=lambda sp: sp.start)

    # 2. extend persons, merge split organisations, then cut joiners left dangling
    spans = _drop_dangling(doc, _extend_and_merge(doc, spans, rules))
    # 3. labels consistent with the rest of the document
    spans = _relabel(doc, spans, rules)
    return filter_spans(spans)  # a safety net: doc.ents takes no overlaps


def _drop_dangling(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name never ends with "and", "of", "&" ("the Greek Track and" -> "Greek Track")."""
    out = []
    for sp in spans:
        e = sp.end
        while e > sp.start + 1 and sp.label_ in _LABELS and (doc[e - 1].lower_ in _JOINERS
                                                            and not doc[e - 1].is_title):
            e -= 1
        out.append(sp if e == sp.end else Span(doc, sp.start, e, label=sp.label_, span_id="fix:trim"))
    return out


def _taken(spans: Iterable[Span]) -> set[int]:
    return {i for sp in spans for i in range(sp.start, sp.end)}


def _extend_and_merge(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    taken = _taken(spans)
    out: list[Span] = []
    for sp in spans:
        s, e, label, reason = sp.start, sp.end, sp.label_, sp.id_
        if label == "PERSON":
            own = set(range(s, e))
            s2, e2 = _extend_person(doc, s, e, taken - own, rules)
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
            dangling = (prev.label_ in _LABELS and doc[prev.end - 1].lower_ in _JOINERS
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
                    and not (doc[b - 1].lower_ == "the" and _sentence_start(doc, b - 1)):
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


def _relabel(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Labels consistent across the document (one sense per discourse).

    * A lone surname of a PERSON named in full in the document is that PERSON.
    * "East Africa", "Southeast Asia": a direction and a continent is a LOC, not a GPE.
    * A one-word name the model labelled (always with the same label) elsewhere in the
      document gets that label where the model missed it ("Zhejiang’s" at a sentence start).
    """
    # full names the model also labelled otherwise ("Manchester United" PERSON and GPE) give no surname
    label_sets: dict[str, set[str]] = {}
    for sp in spans:
        label_sets.setdefault(sp.text, set()).add(sp.label_)
    surnames = {sp[-1].text for sp in spans
                if sp.label_ == "PERSON" and len(sp) >= 2 and sp[-1].is_title
                and label_sets[sp.text] == {"PERSON"}}
    spans, cued = _context_labels(doc, spans, rules)
    out = []
    for sp in spans:
        if (len(sp) == 1 and sp.text in surnames
                and sp.label_ in {"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "NORP"}):
            sp = Span(doc, sp.start, sp.end, label="PERSON", span_id="fix:relabel")
        elif (sp.label_ == "GPE" and len(sp) == 2 and sp[0].text in rules.directions
              and sp[1].text in rules.continents and sp.text not in rules.region_countries):
            sp = Span(doc, sp.start, sp.end, label="LOC", span_id="fix:relabel")
        out.append(sp)
    # one-word names: the label the document gives them
    labels: dict[str, list[str]] = {}
    for sp in out:
        if sp.label_ in _LABELS and len(sp) == 1:
            labels.setdefault(sp.text, []).append(sp.label_)
    # one label, given at least twice: a single model error is not spread
    # ORG only for acronyms: one-word organisation labels are where the model errs most
    # (song and product names); GPE, LOC, NORP and PERSON are spread as given.
    known = {text: ls[0] for text, ls in labels.items() if len(set(ls)) == 1 and len(ls) >= 2
             and (ls[0] in {"GPE", "LOC", "NORP", "PERSON"} or (ls[0] == "ORG" and text.isupper()))}
    for text in surnames:
        known[text] = "PERSON"
    for text, label in cued.items():  # a label from context is spread like one the model gave twice
        if text not in surnames and len(set(labels.get(text, [label]))) == 1:
            known[text] = label
    taken = _taken(out)
    added = []
    # the nationality cut from before a name is a NORP of its own ("Kenyan Alice Timbilil")
    for sp in out:
        j = sp.start - 1
        if (sp.label_ == "PERSON" and j >= 0 and j not in taken and doc[j].lower_ in rules.demonyms
                and doc[j].is_title):
            added.append(Span(doc, j, j + 1, label="NORP", span_id="fix:relabel"))
            taken.add(j)
    for t in doc:
        label = known.get(t.text)
        if (label and t.i not in taken and (t.is_title or t.is_upper)
                and not _in_name_run(doc, t.i, taken, label)
                and (t.tag_ in {"NNP", "NNPS"} or (label == "NORP" and t.tag_ == "JJ"))
                and not _all_caps_line(doc, t.i, t.i + 1)):
            s, e = t.i, t.i + 1
            if label == "PERSON":  # "A Jones", "R de Marigny"
                s, e = _extend_person(doc, s, e, taken, rules)
            taken |= set(range(s, e))
            added.append(Span(doc, s, e, label=label, span_id="fix:propagate"))
    if added:
        out = sorted(out + added, key=lambda sp: sp.start)
    return out


def _cue_label(doc: Doc, sp: Span, rules: EntityRules) -> str | None:
    """The label a neighbouring word gives the name ``sp`` (None: no cue, or the model's label
    is one the cue does not overrule)."""
    s, e, label = sp.start, sp.end, sp.label_
    prev = doc[s - 1] if s >= 1 else None
    nxt = doc[e] if e < len(doc) else None
    if label in {"ORG", "PERSON"}:
        # "the town of X", "X-based"
        if (s >= 2 and prev.lower_ == "of" and doc[s - 2].lower_ in rules.gpe_cue_nouns
                and doc[s - 2].is_lower):
            return "GPE"
        if (nxt is not None and nxt.text in {"-", "‐"} and e + 1 < len(doc) and doc[e + 1].lower_ == "based"
                and _attached(doc[e - 1], nxt)):
            return "GPE"
        # "shares in X", "X shares", "X Ltd", "telecoms supplier X" (an ORG label is confirmed)
        if s >= 2 and prev.lower_ == "in" and doc[s - 2].lower_ in rules.org_cue_in:
            return "ORG"
        if nxt is not None and not nxt.is_lower and nxt.lower_.rstrip(".") in rules.org_suffixes_lower:
            return "ORG"
        if nxt is not None and nxt.text in rules.org_cue_after:
            return "ORG"
        if prev is not None and prev.is_lower and prev.text in rules.org_cue_before:
            return "ORG"
    if (label in {"PERSON", "LOC", "NORP"} and nxt is not None and nxt.text in rules.product_cue_after
            and sp.text.lower() not in rules.demonyms):
        return "PRODUCT"  # "the Xbox console", "the Windows operating system"
    return None


# the model labels a cued label overrules at the other mentions of the name
_CUE_TARGETS = {"GPE": {"ORG", "PERSON"}, "ORG": {"PERSON", "PRODUCT", "WORK_OF_ART"},
                "PRODUCT": {"PERSON", "LOC", "NORP", "GPE", "ORG"}}


def _context_labels(doc: Doc, spans: list[Span], rules: EntityRules) -> tuple[list[Span], dict[str, str]]:
    """Labels from context cues: a name whose cues agree takes that label at its other
    mentions; returns the spans and the names with their cued labels."""
    cued: dict[str, set[str]] = {}
    model: dict[str, list[str]] = {}
    for sp in spans:
        if sp.label_ in _LABELS:
            model.setdefault(sp.text, []).append(sp.label_)
        label = _cue_label(doc, sp, rules)
        if label:
            cued.setdefault(sp.text, set()).add(label)
    agreed = {text: next(iter(ls)) for text, ls in cued.items() if len(ls) == 1}
    if not agreed:
        return spans, agreed
    out = []
    for sp in spans:
        label = agreed.get(sp.text)
        if label and label != sp.label_ and sp.label_ in _CUE_TARGETS[label]:
            ls = model[sp.text]
            # a product name the model mostly calls an ORG is the company's name ("Sony" console)
            if not (label == "PRODUCT" and sp.label_ == "ORG" and 2 * ls.count("ORG") >= len(ls)):
                sp = Span(doc, sp.start, sp.end, label=label, span_id="fix:context")
        out.append(sp)
    return out, agreed


def _in_name_run(doc: Doc, i: int, taken: set[int], label: str) -> bool:
    """Token i touches another capitalised word, an entity, a hyphen or a name particle
    ("Los Angeles Sevens", "EV-DO", "Stade de France")."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(doc):
            n = doc[j]
            if j in taken and not n.is_punct:
                return True
            if n.text in {"-", "‐"} and (_attached(n, doc[i]) if j < i else _attached(doc[i], n)):
                return True
            if j < i and label != "PERSON" and n.is_lower and n.lower_ in {"de", "du", "des", "of", "la", "le", "del"}:
                return True
            if n.is_title and n.tag_ in {"NNP", "NNPS"} and not _sentence_start(doc, max(i, j)):
                return True
    return False


def build_matcher(vocab, rules: EntityRules | None = None) -> Matcher:
    rules = rules or load_rules()
    matcher = Matcher(vocab)
    for n, p in enumerate(rules.patterns):
        try:
            matcher.add(f"{p['id']}#{n}", [p["pattern"]], greedy="LONGEST")
        except (ValueError, KeyError) as exc:
            raise ResourceError(Errors.E257.format(name=PATTERNS_FILE, pattern_id=p["id"], reason=exc)) from exc
    return matcher


def _sentence_ids(doc: Doc) -> list[int]:
    """Sentence index of each token (0 when the Doc has no sentence boundaries)."""
    ids = [0] * len(doc)
    if not doc.has_annotation("SENT_START") and not doc.has_annotation("DEP"):
        return ids
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            ids[i] = n
    return ids


def find_entities(doc: Doc) -> list[dict]:
    """Records of the entity-labelled spans of ``doc.ents`` (run the pipeline first)."""
    ids = None
    records = []
    for ent in doc.ents:
        if ent.label_ not in _LABELS:
            continue
        if ids is None:
            ids = _sentence_ids(doc)
        records.append({
            "start_char": ent.start_char,
            "end_char": ent.end_char,
            "text": ent.text,
            "label": ent.label_,
            "sentence_id": ids[ent.start],
            "source": ent.id_ or "model",
        })
    return records


class EntityFixer:
    """Pipeline component: rewrites ``doc.ents`` with the rule spans and fix-ups."""

    def __init__(self, nlp: Language, name: str, *, words_file: str, patterns_file: str) -> None:
        self.name = name
        self.rules = load_rules(words_file, patterns_file)
        self.matcher = build_matcher(nlp.vocab, self.rules)

    def __call__(self, doc: Doc) -> Doc:
        spans = fix_entities(doc, self.matcher, self.rules)
        doc.set_ents(spans, default="outside")
        doc._.set(schema.ENTITY.extension, find_entities(doc))
        return doc


@Language.factory(
    schema.ENTITY.factory,
    assigns=["doc.ents", f"doc._.{schema.ENTITY.extension}"],
    requires=["doc.ents", "token.tag"],
    default_config={"words_file": WORDS_FILE, "patterns_file": PATTERNS_FILE},
)
def make_entity_fixer(nlp: Language, name: str, words_file: str, patterns_file: str) -> EntityFixer:
    return EntityFixer(nlp, name, words_file=words_file, patterns_file=patterns_file)
