"""Boundaries and labels a name's own words decide, after the model's spans were trimmed
and merged (:mod:`.names`). Each rule reads only words and their case (a part-of-speech tag
only through :func:`.tokens.proper`), so it works with any English tokenizer:

* a saint's possessive is inside a place's name, straight or curly ("St James's Palace");
  any other inner possessive splits owner and place ("Rovers' Millfield Road");
* a nationality before an organisation's head word is part of its name ("Scottish
  Executive"), before a person's name it is a NORP of its own ("Russian Irina Shevchenko");
* a maker followed by a model number is a PRODUCT ("Boeing 737-800"), and so is the model
  number named again alone ("737-800");
* royal titles are inside a PERSON ("Prince Harry", "Crown Princess Mary");
* the last word decides: a place head makes a FAC ("Westminster Hall", "Waverley Line"), a
  club head an ORG ("Kingsford Rovers", "Ashdown United"), and so does a company head
  ("Creative Labs", "Delta Airlines"); "FC" after a name joins it;
* a newspaper's name is an ORG: its last word is a newspaper's head ("Northern Echo"), or it
  starts with "Daily"/"Sunday"/"Evening", and a place cut before such a head joins it
  ("Hollywood" + "Reporter"; lists in ``entity_orgs.json``);
* two sides taken as one name are split at "v" ("Sunderland v Crystal Palace");
* a title right after a word for a work is a WORK_OF_ART ("the film The Last Orchard", "their
  album Quiet Hours", "the TV show X", "Channel 4's X"), found where the model missed it too;
  a name ending in Award(s)/Prize(s) is a WORK_OF_ART, a known competition an EVENT.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .consistency import is_demonym, party_word
from .gazetteer import is_country, is_first_name, is_place, org_words
from .rules import LABELS, EntityRules
from .tokens import POSSESSIVE, attached, proper, replace_spans, sentence_start, taken_tokens

#: a model number: letters and digits, maybe one hyphen ("737-800", "A380", "DB9", "PS2")
_CODE = re.compile(r"^[A-Z]{0,4}\d+[A-Za-z]{0,3}(?:-\d+[A-Za-z]{0,3})?$")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_SCORE = re.compile(r"^\d{1,2}-\d{1,2}$")
_MAKER_LABELS = {"ORG", "PRODUCT", "PERSON"}


def fix_boundaries(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """The spans with the boundary and head-word rules of this module applied, in order."""
    spans = _saint_names(doc, spans, rules)
    spans = _inner_possessive(doc, spans, rules)
    spans = _versus(doc, spans, rules)
    spans = _nationality_before(doc, spans, rules)
    spans = _model_numbers(doc, spans)
    spans = _royal_titles(doc, spans, rules)
    spans = _peers(doc, spans, rules)
    spans = _head_words(doc, spans, rules)
    spans = _newspapers(doc, spans, rules)
    return _titled_works(doc, spans, rules)


def _head_end(doc: Doc, i: int, heads: frozenset[str], limit: int = 3) -> int | None:
    """End of a run of at most ``limit`` capitalised words from token i whose last is a head."""
    for j in range(i, min(i + limit, len(doc))):
        if not (doc[j].is_title or doc[j].is_upper) or doc[j].is_punct:
            return None
        if doc[j].text in heads:
            return j + 1
    return None


def _saint_names(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"St James's Palace", "St Thomas' Hospital": the possessive is part of the name."""
    heads = rules.fac_heads | rules.org_heads
    new = []
    for i in range(len(doc) - 3):
        if doc[i].text not in rules.saint_words or not doc[i + 1].is_title:
            continue
        poss = doc[i + 2]
        if poss.text not in POSSESSIVE or not attached(doc[i + 1], poss):
            continue
        end = _head_end(doc, i + 3, heads)
        if end is not None:
            label = "FAC" if doc[end - 1].text in rules.fac_heads else "ORG"
            new.append(Span(doc, i, end, label=label, span_id="fix:possessive"))
    return replace_spans(spans, new)


def _inner_possessive(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Rovers' Millfield Road" is the club and its ground: split at the possessive."""
    out = []
    for sp in spans:
        cut = next((k for k in range(sp.start + 1, sp.end - 1) if doc[k].text in POSSESSIVE), None)
        if (cut is None or sp.label_ not in LABELS or doc[sp.start].text in rules.saint_words
                or doc[sp.end - 1].text not in rules.fac_heads):
            out.append(sp)
            continue
        out.append(Span(doc, sp.start, cut, label=sp.label_, span_id="fix:split"))
        out.append(Span(doc, cut + 1, sp.end, label="FAC", span_id="fix:split"))
    return out


def _versus(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Sunderland v Crystal Palace" taken as one name is two sides: split at "v"/"vs"."""
    out = []
    for sp in spans:
        cut = next((k for k in range(sp.start + 1, sp.end - 1) if doc[k].lower_ in rules.versus_words
                    and doc[k - 1].is_title and doc[k + 1].is_title), None)
        if cut is None or sp.label_ not in LABELS:
            out.append(sp)
            continue
        for s, e in ((sp.start, cut), (cut + 1, sp.end)):
            side = doc[s:e].text
            label = "GPE" if side in rules.home_nations or is_country(side) else "ORG"
            out.append(Span(doc, s, e, label=label, span_id="fix:split"))
    return out


def _nationality_before(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A NORP word before an organisation head joins it ("Scottish Executive"); a NORP span
    that runs on over a person's name is cut ("Russian" + "Irina Shevchenko")."""
    taken = taken_tokens(spans)
    out = []
    for sp in spans:
        if sp.label_ not in {"NORP", "LANGUAGE"} or sp[0].lower_ not in rules.demonyms:
            out.append(sp)
            continue
        end = _head_end(doc, sp.start + 1, rules.org_heads)
        if (end is not None and len(sp) == 1 and not any(i in taken for i in range(sp.end, end))
                and not sentence_start(doc, sp.end)):
            out.append(Span(doc, sp.start, end, label="ORG", span_id="fix:merge_org"))
            continue
        rest = sp[1:]
        if (len(rest) >= 2 and all(t.is_title for t in rest) and end is None
                and not any(t.text in rules.fac_heads | rules.club_heads for t in rest)):
            out.append(Span(doc, sp.start, sp.start + 1, label="NORP", span_id="fix:split"))
            out.append(Span(doc, sp.start + 1, sp.end, label="PERSON", span_id="fix:split"))
            continue
        out.append(sp)
    return sorted(out, key=lambda sp: sp.start)


def _code_after(doc: Doc, i: int) -> int | None:
    """End of a model number starting at token i (tokens joined without spaces), else None."""
    j = i
    while j < len(doc) and (j == i or attached(doc[j - 1], doc[j])) and not doc[j].is_space:
        j += 1
    k = i
    while k < j and (k == i or doc[k].text[:1].isalnum() or doc[k].text == "-"):
        k += 1
    if k < j and k > i + 1 and re.search(r"[A-Za-z-]", doc[i:k].text):
        j = k  # "the 737-800.": a full stop or comma after a code with a hyphen or a letter is no part of it
    text = doc[i:j].text
    base = text[:-1] if text.endswith("s") and len(text) > 2 else text
    if not _CODE.match(base) or _YEAR.match(base) or _SCORE.match(base):
        return None
    digits = max((len(d) for d in re.findall(r"\d+", base)), default=0)
    if not (any(c.isalpha() for c in base) or digits >= 3):
        return None  # "Chelsea 2": a score or a count, not a model
    return j


def _model_numbers(doc: Doc, spans: list[Span]) -> list[Span]:
    """A maker and a model number is a PRODUCT ("Boeing 737-800"); the number alone later too."""
    new, codes = [], set()
    for sp in spans:
        if sp.label_ not in _MAKER_LABELS or sp.end >= len(doc) or not doc[sp.end - 1].whitespace_:
            continue
        end = _code_after(doc, sp.end)
        if end is not None:
            new.append(Span(doc, sp.start, end, label="PRODUCT", span_id="fix:product"))
            codes.add(doc[sp.end:end].text.rstrip("s"))
    spans = replace_spans(spans, new)
    if not codes:
        return spans
    taken = {i for sp in spans if sp.label_ in LABELS for i in range(sp.start, sp.end)}
    alone = []
    for t in doc:
        if t.i in taken or (t.i > 0 and attached(doc[t.i - 1], t)):
            continue
        end = _code_after(doc, t.i)
        if end is not None and doc[t.i:end].text.rstrip("s") in codes:
            alone.append(Span(doc, t.i, end, label="PRODUCT", span_id="fix:product"))
    return replace_spans(spans, alone)


def _royal_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Royal titles are part of a PERSON ("Prince Harry", "Crown Princess Mary")."""
    taken = taken_tokens(spans)
    out = []
    for sp in spans:
        s = sp.start
        while (sp.label_ == "PERSON" and s > 0 and s - 1 not in taken and doc[s - 1].text in rules.royal_titles
               and doc[s - 1].whitespace_):
            s -= 1
        out.append(sp if s == sp.start else Span(doc, s, sp.end, label="PERSON", span_id="fix:extend_person"))
    return out


def _peers(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A peer's title is outside the name, "of Place" inside: "Lord [Hume of Carrow]" (the
    place's own span joins the PERSON); a title the model ran into the word before it is cut
    off, a party's or nationality's word left then being a NORP ("[Tory] Lord")."""
    peers = org_words().peer_titles
    out, drop = [], set()
    by_start = {sp.start: sp for sp in spans}
    for sp in spans:
        s, e = sp.start, sp.end
        rest = sp[:-1].text
        if (sp.label_ == "PERSON" and len(sp) == 2 and sp[-1].text in peers
                and (is_demonym(rest.lower(), rules) or party_word(rest, rules))):
            out.append(Span(doc, s, e - 1, label="NORP", span_id="fix:trim"))
            continue
        if (sp.label_ == "PERSON" and len(sp) == 1 and s > 0 and doc[s - 1].text in peers and e + 1 < len(doc)
                and doc[e].lower_ == "of" and doc[e + 1].is_title and proper(doc[e + 1])
                and not (e + 2 < len(doc) and doc[e + 2].is_title and proper(doc[e + 2]))
                and (e + 1 not in by_start or len(by_start[e + 1]) == 1)):
            drop.add((e + 1, e + 2))
            out.append(Span(doc, s, e + 2, label="PERSON", span_id="fix:extend_person"))
            continue
        out.append(sp)
    return [sp for sp in out if (sp.start, sp.end) not in drop]


def _head_words(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """The last word decides: a natural feature's or a water's head a LOC ("Rhone Glacier",
    ``land_heads``, ``water_heads``), a place head a FAC, a club head an ORG; "X FC" is one ORG."""
    taken = taken_tokens(spans)
    out = []
    for sp in spans:
        last = doc[sp.end - 1].text
        e = sp.end
        if (sp.label_ in {"PERSON", "GPE", "LOC", "ORG"} and e < len(doc) and e not in taken
                and doc[e].text in {"FC", "AFC"}):
            out.append(Span(doc, sp.start, e + 1, label="ORG", span_id="fix:club"))
        elif (len(sp) >= 2 and last in rules.land_heads | rules.water_heads and sp.label_ in {"ORG", "PERSON", "FAC", "GPE"}
              and proper(doc[sp.end - 1]) and not is_place(sp.text)
              and not (sp.label_ == "PERSON" and is_first_name(sp[0].text))):  # "Ricki Lake"
            out.append(Span(doc, sp.start, sp.end, label="LOC", span_id="fix:relabel"))  # "Rhone Glacier"
        elif len(sp) >= 2 and last in rules.fac_heads and sp.label_ in {"GPE", "LOC", "ORG"}:
            out.append(Span(doc, sp.start, sp.end, label="FAC", span_id="fix:relabel"))
        elif (len(sp) >= 2 and last in rules.club_heads and sp.label_ in {"PERSON", "GPE", "LOC", "NORP", "FAC"}
              and proper(doc[sp.end - 1])):
            out.append(Span(doc, sp.start, sp.end, label="ORG", span_id="fix:club"))
        elif len(sp) >= 2 and last in rules.company_heads and sp.label_ in {"PERSON", "GPE", "LOC", "NORP"}:
            out.append(Span(doc, sp.start, sp.end, label="ORG", span_id="fix:relabel"))
        elif len(sp) >= 2 and last in rules.award_heads and sp.label_ in LABELS - {"WORK_OF_ART"}:
            out.append(Span(doc, sp.start, sp.end, label="WORK_OF_ART", span_id="fix:relabel"))  # awards
        elif sp.text in rules.event_names and sp.label_ in LABELS - {"EVENT"}:
            out.append(Span(doc, sp.start, sp.end, label="EVENT", span_id="fix:relabel"))
        else:
            out.append(sp)
    return out


#: labels a newspaper's own words overrule (a WORK_OF_ART or EVENT keeps its label: "Modern Times")
_NOT_PAPERS = {"PERSON", "GPE", "LOC", "NORP", "FAC"}


def _newspapers(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A newspaper's name is an ORG: a name of two or more words ending in a newspaper's head word
    ("Northern Echo", "Yorkshire Post") or starting with "Daily"/"Sunday"/"Evening" ("Evening
    Standard"), and a place or an organisation the model cut before such a head word, which
    joins it ("Hollywood" + "Reporter", "Manchester" + "Evening News")."""
    taken = taken_tokens(spans)
    heads, fronts = org_words().newspaper_heads, org_words().newspaper_fronts
    out = []
    for sp in spans:
        e = sp.end
        if sp.label_ in _NOT_PAPERS | {"ORG"}:
            k = e + 1 if e < len(doc) and doc[e].text in fronts else e
            if (k < len(doc) and doc[k].text in heads and not any(i in taken for i in range(e, k + 1))
                    and doc[k].is_title and all(doc[i].whitespace_ == " " for i in range(e - 1, k))):
                out.append(Span(doc, sp.start, k + 1, label="ORG", span_id="fix:newspaper"))
                continue
        if (len(sp) >= 2 and sp.label_ in _NOT_PAPERS and proper(sp[-1])
                and (sp[-1].text in heads or (sp[0].text in fronts and sp[-1].lower_ not in rules.show_words))):
            out.append(Span(doc, sp.start, sp.end, label="ORG", span_id="fix:newspaper"))
        else:
            out.append(sp)
    return out


def _title_end(doc: Doc, i: int, rules: EntityRules, others: set[int] = frozenset()) -> int | None:
    """End of a title starting at token i: capitalised words, with small words inside
    ("Door in the Mountain"), ending on a capitalised word, and not running into another
    name (``others``: "Filthy Love and [Channel 4]"); None if token i starts none."""
    end, j = None, i
    while j < len(doc) and not doc[j].is_space and j not in others:
        tok = doc[j]
        if tok.is_title or tok.is_upper or (tok.like_num and j > i):
            end = j + 1
        elif not (tok.lower_ in rules.title_small_words and j > i) and not (tok.text in {"-", "'", "’"} and j > i):
            break
        j += 1
    return end if end is not None and (doc[i].is_title or doc[i].is_upper) else None


def _work_cue(doc: Doc, i: int, by_end: dict[int, Span], rules: EntityRules) -> str | None:
    """A word for a work ends right before token i: "word" ("the film"), "show" ("TV show",
    "Channel 4's": a programme, where the model's EVENT or place label is left alone)."""
    cue = doc[i - 1]
    if cue.is_lower and (cue.lower_ in rules.work_cue_before or cue.lower_ in rules.spans.work_cue_extra):
        return "word"
    if cue.is_lower and cue.lower_ in rules.show_words and i >= 2:
        owner = by_end.get(i - 1)
        if (doc[i - 2].lower_ in {"tv", "television", "radio", "comedy"}
                or (owner is not None and owner.text in rules.broadcasters)):
            return "show"
    if cue.text in POSSESSIVE and _owner_is_broadcaster(doc, i - 1, by_end, rules):
        return "show"
    return None


def _owner_is_broadcaster(doc: Doc, poss: int, by_end: dict[int, Span], rules: EntityRules) -> bool:
    """The name ending right before the possessive at ``poss`` is a broadcaster ("Channel 4's")."""
    owner = by_end.get(poss)
    return owner is not None and owner.text in rules.broadcasters and attached(doc[poss - 1], doc[poss])


def _titled_works(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A title after a word for a work ("the movie Thumbprint", "album Quiet Hours") is a
    WORK_OF_ART; the model's span there, whatever its label, is replaced."""
    by_start = {sp.start: sp for sp in spans}
    by_end = {sp.end: sp for sp in spans}
    new = []
    for i in range(1, len(doc)):
        cue = _work_cue(doc, i, by_end, rules)
        if cue is None or sentence_start(doc, i):
            continue
        old = by_start.get(i)
        if old is not None and (old.label_ not in LABELS or (cue == "show" and old.label_ not in {"ORG", "PERSON"})):
            continue  # a date after "film"; "the BBC's Olympics" (an EVENT): not a title
        others = {k for sp in spans if sp is not old and sp.start > i for k in range(sp.start, sp.end)}
        # the model's span keeps its bounds; a title it missed runs over capitalised words
        end = old.end if old is not None else _title_end(doc, i, rules, others)
        if end is None:
            continue
        new.append(Span(doc, i, end, label="WORK_OF_ART", span_id="fix:work"))
    return replace_spans(spans, new)
