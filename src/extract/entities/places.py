"""Known towns after a place preposition that the model missed or took for a nationality (round 7).

"Trains will run to Carlisle again": the model often leaves a town's name unlabelled, or calls it a
NORP, after "to", "from", "in", "near". A one-word name that the place gazetteer knows (a country,
a US state or a city of 15,000 people or more, :mod:`.gazetteer`), right after such a preposition
(``gazetteer_cue_before``) and before no lower-case noun it modifies ("from Whitehall departments"),
is a GPE when it is no common English word, no first name, no word of a
person's name in the article, no nationality and no party, and the words before give no club or
firm reading (``gazetteer_cue_blockers``: "lost 2-1 to X", "a move to X"). Not in a sports report,
where a town's name after "to" or "from" is often its club.

Round 14: a country's name with "and" inside is one GPE ("Trinidad and Tobago", "St Kitts and Nevis",
:func:`joined_countries`); a parliament's seat read as an organisation is a GPE ("Holyrood officials",
:func:`parliament_seats`); a name with an apposition headed by a word for a settlement ("Cuyo, a
50-family community") is a GPE at every mention (:func:`settlements`).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .gazetteer import is_common_word, is_country, is_first_name, is_place, unaccented
from .rules import EntityRules
from .tokens import HYPHENS, all_caps_line, capitalised, replace_spans, sentence_start, taken_tokens

_SCORE = re.compile(r"^\d{1,2}-\d{1,2}$")
#: a name at least this common (wordfreq Zipf) is an English word ("Reading", "Bath", "Sale"); "Carlisle"
#: (3.5) is below it, and the best-known places above it the model labels itself ("London")
WORD_ZIPF = 4.0


def _town_after_preposition(doc: Doc, i: int, rules: EntityRules, people_words: set[str]) -> bool:
    """Token i is a known place's one-word name right after a place preposition (see the module)."""
    tok = doc[i]
    if i < 1 or not capitalised(tok) or not tok.is_alpha or sentence_start(doc, i):
        return False
    if doc[i - 1].lower_ not in rules.gazetteer_cue_before or not doc[i - 1].is_lower:
        return False
    if i + 1 < len(doc) and (capitalised(doc[i + 1]) or doc[i + 1].text in HYPHENS):
        return False  # part of a longer name ("to Carlisle United", "to Carlisle-based")
    if i + 1 < len(doc) and doc[i + 1].is_lower and doc[i + 1].tag_ in {"NN", "NNS"}:
        return False  # a modifier: "from Whitehall departments", "Hillsborough coma victim"
    text = tok.text
    if (text in people_words or is_first_name(text) or is_common_word(text, WORD_ZIPF) or text.lower() in rules.demonyms
            or (text.endswith("s") and text.lower()[:-1] in rules.demonyms) or text in rules.labels.party_members or text + "s" in rules.labels.party_members
            or not (is_place(text) or is_country(text)) or all_caps_line(doc, i, i + 1)):
        return False
    before = doc[max(0, i - 5):i - 1]
    return not any(t.lower_ in rules.gazetteer_cue_blockers or _SCORE.match(t.text) for t in before)


def towns_after_prepositions(doc: Doc, spans: list[Span], rules: EntityRules, sport: bool) -> list[Span]:
    """The spans with a GPE for each known town after a place preposition that no span holds or
    that the model took for a nationality ("to Carlisle" missed or NORP); not in a sports report."""
    if sport:
        return spans
    people_words = {t.text for sp in spans if sp.label_ == "PERSON" for t in sp}
    taken = taken_tokens(spans)
    norp = {sp.start: n for n, sp in enumerate(spans) if sp.label_ == "NORP" and len(sp) == 1}
    out = list(spans)
    added = []
    for i in range(1, len(doc)):
        if (i in taken and i not in norp) or not _town_after_preposition(doc, i, rules, people_words):
            continue
        place = Span(doc, i, i + 1, label="GPE", span_id="fix:place")
        if i in norp:
            out[norp[i]] = place
        else:
            added.append(place)
    return sorted(out + added, key=lambda sp: sp.start) if added else out


#: "St Kitts", "St. Lucia": the short form of "Saint" at the front of a country's name
_SAINT = re.compile(r"^St\.? ")


def joined_country_at(doc: Doc, i: int, longest: int = 3) -> tuple[int, int] | None:
    """Bounds of a country's name with "and" inside around the "and" at token i ("Trinidad and
    Tobago", "St Kitts and Nevis", "Sao Tome and Principe" written with or without accents), the
    longest the gazetteer knows, or None. Only capitalised words on either side."""
    if not (doc[i].text == "and" and 0 < i < len(doc) - 1):
        return None
    best = None
    for left in range(1, longest + 1):
        s = i - left
        if s < 0 or not all(capitalised(t) or t.text == "." for t in doc[s:i]):
            break
        for right in range(1, longest + 1):
            e = i + 1 + right
            if e > len(doc) or not all(capitalised(t) for t in doc[i + 1:e]):
                break
            text = unaccented(_SAINT.sub("Saint ", doc[s:e].text))
            if is_country(text) and (best is None or e - s > best[1] - best[0]):
                best = (s, e)
    return best


def joined_countries(doc: Doc, spans: list[Span]) -> list[Span]:
    """Round 14: a country's name with "and" inside ("Trinidad and Tobago", "The St Kitts and Nevis
    star") is one GPE where the model split it or read a part of it as a person; not where a span
    runs on past it ("Trinidad and Tobago Football Federation")."""
    new = []
    for tok in doc:
        bounds = joined_country_at(doc, tok.i) if tok.text == "and" else None
        if bounds is None:
            continue
        s, e = bounds
        inside = [sp for sp in spans if sp.start < e and sp.end > s]
        if any(sp.start < s or sp.end > e or (sp.start, sp.end, sp.label_) == (s, e, "GPE") for sp in inside):
            continue
        new.append(Span(doc, s, e, label="GPE", span_id="fix:place"))
    return replace_spans(spans, new)


def parliament_seats(doc: Doc, spans: list[Span], seats: frozenset[str]) -> list[Span]:
    """Round 14: a place that stands for a parliament ("Holyrood officials", "Holyrood's Chamber
    Office"; ``parliament_seats``) is a GPE where the model read it as an organisation, as the gold
    sets label it (fresh7 and fresh8 ``Westminster``, fresh9 ``Holyrood``); a one-word span only, so a
    longer name keeps its label ("Westminster Hall", "Westminster City Council")."""
    return [Span(doc, sp.start, sp.end, label="GPE", span_id="fix:place")
            if len(sp) == 1 and sp.label_ in {"ORG", "PERSON", "FAC", "NORP"} and sp.text in seats else sp
            for sp in spans]


#: words after which a description has ended ("a village with no road", "a town of 5,000 people")
_APPOSITION_ENDS = {"with", "of", "in", "near", "on", "that", "which", "where", "whose", "about", "outside"}


def _settlement_apposition(doc: Doc, e: int, nouns: frozenset[str], longest: int = 4) -> bool:
    """After token e-1 comes a comma and a description headed by a word for a settlement ("Cuyo, a
    50-family community with no electricity", "X, a small fishing village"): an article, up to
    ``longest`` lower-case words or numbers, the noun, then punctuation or a word that is no noun."""
    if e + 2 >= len(doc) or doc[e].text != "," or doc[e + 1].lower_ not in {"a", "an"}:
        return False
    for j in range(e + 2, min(e + 3 + longest, len(doc))):
        tok = doc[j]
        if not (tok.is_lower or tok.like_num or tok.text in HYPHENS):
            return False
        if tok.lower_ in nouns:
            after = doc[j + 1] if j + 1 < len(doc) else None
            return (after is None or after.is_punct or after.is_space or after.lower_ in _APPOSITION_ENDS
                    or (bool(after.tag_) and not after.tag_.startswith("NN") and after.tag_ != "POS"))
    return False


def settlements(doc: Doc, spans: list[Span], nouns: frozenset[str]) -> list[Span]:
    """Round 14: a name followed by an apposition headed by a word for a settlement ("Cuyo, a
    50-family community", ``settlement_nouns``) is a GPE at every mention, as a name the article
    calls a town (GUIDELINES section 2: "X is a wonderful town"). One- or two-word names of
    capitalised words only."""
    names = {sp.text for sp in spans if sp.label_ in {"ORG", "GPE", "PERSON", "NORP", "LOC", "FAC"}
             and len(sp) <= 2 and all(capitalised(t) for t in sp) and _settlement_apposition(doc, sp.end, nouns)}
    if not names:
        return spans
    return [Span(doc, sp.start, sp.end, label="GPE", span_id="fix:place")
            if sp.text in names and sp.label_ in {"ORG", "PERSON", "NORP", "LOC", "FAC"} else sp for sp in spans]
