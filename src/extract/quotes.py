"""Direct quotations and who said them.

``find_quotes(doc)`` returns one record per quotation; the ``extract_quotes`` component stores
them on ``doc._.quotes``. It works in three passes over ``doc.text`` and its tokens:

1. **Marks** (:func:`quote_spans`): quotation marks are read from the characters around them,
   so curly and straight marks both work and apostrophes are told apart from single quotes
   (``it’s``, ``Krein’s``, ``’90s`` are not marks; ``‘...’`` British-style quotes are).
   Marks are paired within a paragraph (``doc.text`` between newlines); a mark that cannot be
   paired is skipped without giving up on the rest of the document. A quotation that runs over
   several paragraphs (opening mark repeated at the start of each paragraph, closing mark only at
   the end) gives **one row per paragraph part**; the parts share a ``chain`` number (0, 1, 2 ...
   in order of the quotations in the document) and speaker.
   A quotation inside another (nested marks) is part of the outer one.
2. **Cue and speaker** (:func:`_attribute`), tried in this order; the record's ``method`` says
   which one gave the speaker:

   * ``after``: a reporting verb (package data ``resources/quotes.json``), a phrasal cue
     ("went on", "according to") right after the quote: “...,” he says / says Tan-Mullins /
     Xu, a geneticist, said / “...,” an angry Hollande retaliated (any verb in a short clause
     after a comma-ended quote);
   * ``before``: a reporting verb before the quote in its sentence (Krein said: “...”, called it
     “a disaster”), preferring one that governs the quote in the parse;
   * ``subject``: no cue, but the quote sits inside a sentence: the subject of the verb that
     governs it ("Moore thanked him for “...”"); this names a speaker but is no evidence that
     the marks hold a quotation;
   * ``colon``: a colon right before the quote (X said:\n\n“...”, "Trump: “...”"), or a
     headline "Name: ... ‘...’";
   * ``previous``: the last sentence before the quote, in its paragraph or the one before,
     has a reporting verb ("..., the editorial board writes. “...”");
   * ``chain``: a part of a multi-paragraph quote takes the cue found on another part;
   * ``inherit``: no cue of its own, and a quote shortly before it (same paragraph, or up to
     ``NEAR_PARAGRAPHS`` paragraphs back) has a speaker;
   * ``nearby``: the nearest person who is the subject of a sentence before the quote;
   * ``none``: no speaker found (a long quote is still reported).

   The speaker mention is the cue verb's subject in the parse when it has one (climbing from
   "..., saying" or "a statement calling" to the clause that has a subject), else the noun
   phrase next to the verb found from the tokens' tags, capitalisation and entities, so that a
   broken parse (PDF text) still gives a speaker. Cues are never looked for inside quotes.
3. **Filter** (:func:`_is_quotation`): scare quotes, single words, titles and names in quotes
   are dropped. A quote needs six words, or a cue (two words when the cue is right next to it:
   called it “a disaster”; one capitalised word ending in punctuation right before its cue:
   “Absolutely,” he said). A title-cased phrase without punctuation inside the marks, or after
   a possessive or "on"/"of"/"host of" (CNN’s “State of the Union,”), is a name or a title.

Speakers are named as first introduced in the article: a surname ("Krein") or a titled form
("Mr. Trump") maps to the earliest PERSON entity with the same last word ("Philip Krein"); a
pronoun ("he", "she") maps to the nearest person before it whose gender (from honorifics, a
first-name list, or earlier pronouns) does not conflict, a subject counting as nearer;
"it"/"they" map to the nearest organisation; "who" maps to the noun it refers back to; "I" is
left unnamed. ``speaker_start_char``/``speaker_end_char`` point at the mention in the
attribution itself (``speaker_mention``, which may be "he" or "who"); ``speaker_kind`` is
person, pronoun, org or other. Offsets are into ``doc.text``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import schema
from .errors import Errors, ResourceError
from .resources import read_json

COLUMNS = list(schema.QUOTE.column_names)

RESOURCE = "quotes.json"
_RESOURCE_KEYS = {
    "reporting_verbs": dict, "tag_free_forms": list, "pronouns": dict, "honorifics": dict,
    "name_titles": list, "first_names": dict, "listener_verbs": list, "phrasal_cues": list,
    "weak_verbs": list,
}
_GENDERS = {"male", "female", "plural", "neuter", "self", None}


@dataclass(frozen=True)
class _Lexicon:
    verb_forms: frozenset[str]
    tag_free: frozenset[str]
    pronouns: dict
    honorifics: dict
    titles: frozenset[str]
    first_names: dict
    listener_forms: frozenset[str]
    weak_forms: frozenset[str]
    phrasal: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicon() -> _Lexicon:
    """Read and check ``resources/quotes.json``; errors name the file and the bad key."""
    data = read_json(RESOURCE)
    if not isinstance(data, dict):
        raise ResourceError(Errors.E008.format(name=RESOURCE, problem="expected a JSON object"))
    for key in data:
        if key not in _RESOURCE_KEYS:
            raise ResourceError(Errors.E008.format(
                name=RESOURCE, problem=f"unknown key {key!r}; allowed: {', '.join(_RESOURCE_KEYS)}"))
    for key, kind in _RESOURCE_KEYS.items():
        if not isinstance(data.get(key), kind):
            raise ResourceError(Errors.E008.format(
                name=RESOURCE, problem=f"key {key!r} is missing or not a {kind.__name__}"))
    forms = set()
    for lemma, fs in data["reporting_verbs"].items():
        if not isinstance(fs, list) or not all(isinstance(f, str) for f in fs):
            raise ResourceError(Errors.E008.format(
                name=RESOURCE, problem=f"reporting_verbs[{lemma!r}] must be a list of strings"))
        forms.update(f.lower() for f in fs)
    for table in ("pronouns", "honorifics"):
        for word, gender in data[table].items():
            if gender not in _GENDERS:
                raise ResourceError(Errors.E008.format(
                    name=RESOURCE, problem=f"{table}[{word!r}] = {gender!r}; allowed: "
                    + ", ".join(str(g) for g in _GENDERS)))
    first = {}
    for gender, names in data["first_names"].items():
        if gender not in ("male", "female"):
            raise ResourceError(Errors.E008.format(
                name=RESOURCE, problem=f"first_names key {gender!r}; allowed: male, female"))
        for n in names:
            first[n.lower()] = gender
    def forms_of(key: str) -> frozenset[str]:
        out = set()
        for lemma in data[key]:
            if lemma not in data["reporting_verbs"]:
                raise ResourceError(Errors.E008.format(
                    name=RESOURCE, problem=f"{key}: {lemma!r} is not a key of reporting_verbs"))
            out.update(f.lower() for f in data["reporting_verbs"][lemma])
        return frozenset(out)

    listener = forms_of("listener_verbs")
    return _Lexicon(
        weak_forms=forms_of("weak_verbs"),
        listener_forms=frozenset(listener),
        phrasal=frozenset(p.lower() for p in data["phrasal_cues"]),
        verb_forms=frozenset(forms),
        tag_free=frozenset(f.lower() for f in data["tag_free_forms"]),
        pronouns={k.lower(): v for k, v in data["pronouns"].items()},
        honorifics={k.lower(): v for k, v in data["honorifics"].items()},
        titles=frozenset(t.lower() for t in data["name_titles"]),
        first_names=first,
    )


# --------------------------------------------------------------------------- 1. marks

_DQ_OPEN, _DQ_CLOSE, _DQ_AMBI = "“„«", "”»", "\"″"
#: double marks; two apostrophes ('') or backticks (``) stand for a double mark in some sources
_DQ_RE = re.compile(r"''|``|[“„«”»\"″]")
_SQ_RE = re.compile(r"(?<!['`])[‘‹’›'](?!['`])")
_SQ_OPEN, _SQ_CLOSE, _SQ_AMBI = "‘‹", "’›", "'"
_OPENERS_BEFORE = set("([{—–-/“‘\"'«‹")
_WORD_RE = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*")


@dataclass
class _Quote:
    start: int
    end: int
    kind: str                 # "double" | "single"
    closed: bool = True       # False: a paragraph part of a quote that goes on
    chain: int = -1
    continued: bool = False   # True: not the first part of its chain
    stray: bool = False       # an opening mark never closed (its paragraph part is kept)
    governed: bool = False    # the cue before the quote governs it in the parse
    title: bool = False       # reads as a title or name (“Meet the Press,”)
    # filled by attribution
    cue: tuple[int, int] | None = None
    mention: tuple[int, int] | None = None
    method: str = "none"
    adjacent: bool = False    # cue directly after or before the marks
    speaker: str | None = None
    speaker_kind: str | None = None


def _role(text: str, i: int, kind: str, j: int | None = None) -> str | None:
    """'open', 'close', 'ambi' or None (not a quotation mark) for the mark text[i:j]."""
    j = i + 1 if j is None else j
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[j] if j < len(text) else " "
    if kind == "double":
        if ch in _DQ_OPEN:
            return "close" if (not prev.isspace() and prev not in _OPENERS_BEFORE and nxt.isspace()) else "open"
        if ch in _DQ_CLOSE:
            return "open" if (prev.isspace() and nxt.isalnum()) else "close"
        left = prev.isspace() or prev in _OPENERS_BEFORE
        right = nxt.isspace() or (not nxt.isalnum() and nxt not in _OPENERS_BEFORE)
        if left and not right:
            return "open"
        if right and not left:
            return "close"
        return "ambi"
    # single marks: apostrophes must not count
    if ch in _SQ_OPEN:
        return None if prev.isalnum() else "open"
    if ch in _SQ_CLOSE:
        if prev.isspace() or nxt.isalnum():
            return None               # ’90s, it’s
        return "close"
    if prev.isalnum() and nxt.isalnum():
        return None                   # it's
    if (prev.isspace() or prev in _OPENERS_BEFORE) and nxt.isalpha():
        return "open"
    if not prev.isspace() and not nxt.isalnum():
        return "close"
    return None


def _paragraph_index(text: str):
    """The paragraphs of ``text`` and a function giving the paragraph number of an offset."""
    paras = _paragraphs(text)
    starts = [p[0] for p in paras]

    def para_of(i: int) -> int:
        return max(bisect.bisect_right(starts, i) - 1, 0)

    return paras, para_of


def _possessive(text: str, i: int, j: int, pattern: re.Pattern, *, para_end: int) -> bool:
    """A ’ after an -s followed by a lower-case word ("the students’ union") is a plural
    possessive when a later mark in the paragraph can close the quote instead."""
    if i == 0 or text[i - 1] not in "sS" or not re.match(r" [a-z]", text[j:j + 2]):
        return False
    for m in pattern.finditer(text, j, para_end):
        k = m.start()
        if _role(text, k, "single", m.end()) == "close":
            return True
    return False


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, s = [], 0
    for m in re.finditer(r"\n", text):
        if m.start() > s:
            out.append((s, m.start()))
        s = m.end()
    if s < len(text):
        out.append((s, len(text)))
    return out


#: in pronoun resolution a subject counts as this much nearer than other mentions
SUBJECT_WEIGHT = 0.5
#: a quotation with no cue takes the speaker of a quotation at most this many paragraphs before
NEAR_PARAGRAPHS = 2
#: a quotation may run over at most this many paragraphs
MAX_PARAGRAPHS = 8


def _pair(text: str, kind: str, paras: list[tuple[int, int]], para_of, skip) -> list[_Quote]:
    """Pair the marks of one kind. A quotation whose paragraph ends before its closing mark goes
    on into the next paragraphs (one part each) when the next mark is an opening mark at the
    start of a later paragraph (the usual style) or a closing mark in a later paragraph (opening
    marks not repeated); otherwise the opening mark is kept as an unclosed part of its paragraph
    and the filter decides on it."""
    pattern = _DQ_RE if kind == "double" else _SQ_RE
    out: list[_Quote] = []
    open_at: int | None = None
    chain: list[_Quote] = []   # earlier parts of the multi-paragraph quote in progress

    def carry(p_from: int, p_to: int) -> None:
        """The open quote runs from open_at to the end of p_from, then over p_from+1..p_to-1."""
        chain.append(_Quote(open_at, paras[p_from][1], kind, closed=False, continued=bool(chain)))
        for p in range(p_from + 1, p_to):
            chain.append(_Quote(paras[p][0], paras[p][1], kind, closed=False, continued=True))

    def flush(last: _Quote | None = None) -> None:
        parts = chain + ([last] if last is not None else [])
        if parts:
            for q in parts:
                q.chain = parts[0].start
            out.extend(parts)
        chain.clear()

    for m in pattern.finditer(text):
        i, j = m.start(), m.end()
        if skip(i):
            continue
        role = "open" if text[i] == "`" else _role(text, i, kind, j)
        if role is None:
            continue
        if role == "ambi":
            role = "close" if open_at is not None else "open"
        if role == "close" and kind == "single" and open_at is not None \
                and _possessive(text, i, j, pattern, para_end=paras[para_of(i)][1]):
            continue
        if role == "open":
            if open_at is not None:
                p_open, p_new = para_of(open_at), para_of(i)
                starts_para = not text[paras[p_new][0]:i].strip()
                if p_new > p_open and starts_para and p_new - p_open <= MAX_PARAGRAPHS:
                    carry(p_open, p_new)       # opening mark repeated: the quote goes on
                elif p_new > p_open:
                    carry(p_open, p_open + 1)  # never closed: keep its paragraph part
                    chain[-1].stray = True
                    flush()
                else:
                    flush()                    # a second opening mark in the paragraph
            open_at = i
        else:
            if open_at is None:
                continue                       # stray closing mark (or apostrophe)
            p_open, p_close = para_of(open_at), para_of(i)
            if p_close == p_open:
                flush(_Quote(open_at, j, kind, continued=bool(chain)))
            elif p_close - p_open <= MAX_PARAGRAPHS:
                carry(p_open, p_close)         # opening marks not repeated
                flush(_Quote(paras[p_close][0], j, kind, continued=True))
            else:
                flush()
            open_at = None
    if open_at is not None:
        carry(para_of(open_at), para_of(open_at) + 1)
        chain[-1].stray = True
        flush()
    return out


def quote_spans(text: str) -> list[_Quote]:
    """Paired quotation spans of ``text`` (marks included), outermost only, in order."""
    paras, para_of = _paragraph_index(text)

    doubles = _pair(text, "double", paras, para_of, lambda i: False)
    inside = [(q.start, q.end) for q in doubles]

    def in_double(i: int) -> bool:
        return any(s < i < e - 1 for s, e in inside)

    singles = _pair(text, "single", paras, para_of, in_double)
    spans = sorted(doubles + singles, key=lambda q: (q.start, -q.end))
    out: list[_Quote] = []
    for q in spans:   # drop a span inside another (nested quote)
        if out and q.start >= out[-1].start and q.end <= out[-1].end:
            continue
        if out and q.start < out[-1].end:   # crossing spans: keep the first
            continue
        out.append(q)
    for n, q in enumerate(out):
        if q.chain == -1:
            q.chain = q.start
    return out


# --------------------------------------------------------------------------- 2. attribution

_SUBJ_DEPS = {"nsubj", "nsubjpass"}
_NP_POS = {"PROPN", "NOUN", "ADJ", "DET", "NUM", "PRON"}
_AUX_WORDS = {"has", "have", "had", "would", "will", "did", "does", "do", "was", "is", "later", "also",
              "then", "again", "once", "recently", "previously", "simply", "flatly", "repeatedly",
              "just", "even", "still", "now", "further", "publicly", "privately", "reportedly",
              "has", "could", "might", "may", "can"}
_STOP = {".", "!", "?", "\n", "\n\n"}
_NOT_SPEAKERS = {"i", "that", "which", "who", "what", "there", "this", "me", "you"}
_RELATIVES = {"who", "that", "which"}
_CLIMB_DEPS = {"advcl", "xcomp", "conj", "acl", "dobj", "pobj", "prep", "pcomp", "appos"}
_NOT_SPEAKER_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
_SPEAKER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}


def _not_speaker(tok: Token) -> bool:
    """A date, number or amount cannot speak ("the 46-year-old" can)."""
    return tok.ent_type_ in _NOT_SPEAKER_ENTS and not tok.lower_.endswith("old")


def _is_cue_verb(tok: Token, lex: _Lexicon) -> bool:
    low = tok.lower_
    if tok.i + 1 < len(tok.doc) and f"{low} {tok.doc[tok.i + 1].lower_}" in lex.phrasal:
        return True
    if low not in lex.verb_forms:
        return False
    if low in lex.tag_free:
        return True
    return tok.tag_.startswith("VB")


def _ent_of(tok: Token) -> Span | None:
    """The speaker-like entity (PERSON, ORG, NORP, GPE) that ``tok`` is part of, if any."""
    if tok.ent_type_ not in _SPEAKER_LABELS:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def _sent_start(tok: Token) -> int:
    """Index of the first token of ``tok``'s sentence (cheaper than ``tok.sent``)."""
    doc, k = tok.doc, tok.i
    while k > 0 and not doc[k].is_sent_start:
        k -= 1
    return k


def _is_pronoun(tok: Token, lex: _Lexicon) -> bool:
    return tok.lower_ in lex.pronouns


def _np_around(doc: Doc, head: Token, lex: _Lexicon, lo: int, hi: int) -> tuple[int, int] | None:
    """Token range of the noun phrase headed by ``head``, kept within [lo, hi)."""
    if _is_pronoun(head, lex):
        return head.i, head.i + 1
    ent = _ent_of(head)
    # "Her spokesman, Nick Merrill, said": prefer the named apposition
    for child in head.children:
        if child.dep_ == "appos" and _ent_of(child) is not None and lo <= child.i < hi:
            e = _ent_of(child)
            if e.label_ == "PERSON":
                return e.start, e.end
    if ent is not None and lo <= ent.start and ent.end <= hi:
        start = ent.start
        # "Clinton campaign spokesman Brian Fallon": keep the titles before a name
        return start, ent.end
    start = head.i
    for child in head.lefts:
        if child.dep_ in {"compound", "amod", "det", "poss", "nmod", "nummod", "flat", "case"} \
                and child.i >= lo:
            start = min(start, child.left_edge.i if child.left_edge.i >= lo else child.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in {"flat", "compound"} and child.i < hi:
            end = max(end, child.i + 1)
    return start, end


def _np_right(doc: Doc, i: int, hi: int, lex: _Lexicon) -> tuple[int, int] | None:
    """Noun phrase starting at token i (surface patterns; no parse needed)."""
    if i >= hi or _not_speaker(doc[i]):
        return None
    tok = doc[i]
    if _is_pronoun(tok, lex) and tok.lower_ != "i":
        return i, i + 1
    ent = _ent_of(tok)
    if ent is not None and ent.start == i:
        return ent.start, min(ent.end, hi)
    j = i
    while j < hi and (doc[j].pos_ in _NP_POS or doc[j].is_title or _inner_hyphen(doc, j)) \
            and (not doc[j].is_punct or _inner_hyphen(doc, j)) \
            and doc[j].lower_ not in lex.verb_forms and doc[j].lower_ not in {"who", "which", "that"}:
        j += 1
        if j - i >= 8:
            break
    if j == i:
        return None
    if not any(doc[k].pos_ in {"PROPN", "NOUN"} or doc[k].is_title for k in range(i, j)):
        return None
    return i, j


def _inner_hyphen(doc: Doc, j: int) -> bool:
    """A hyphen inside a word ("46-year-old")."""
    return doc[j].text == "-" and not doc[j - 1].whitespace_ and j + 1 < len(doc)


def _np_left(doc: Doc, j: int, lo: int, lex: _Lexicon) -> tuple[int, int] | None:
    """Noun phrase ending at token j (inclusive)."""
    if j < lo or _not_speaker(doc[j]):
        return None
    tok = doc[j]
    if _is_pronoun(tok, lex) and tok.lower_ != "i":
        return j, j + 1
    ent = _ent_of(tok)
    if ent is not None and ent.end == j + 1:
        return max(ent.start, lo), ent.end
    i = j
    while i >= lo and (doc[i].pos_ in _NP_POS or doc[i].is_title) and not doc[i].is_punct \
            and doc[i].lower_ not in lex.verb_forms:
        i -= 1
        if j - i >= 8:
            break
    if i == j:
        return None
    if not any(doc[k].pos_ in {"PROPN", "NOUN"} or doc[k].is_title for k in range(i + 1, j + 1)):
        return None
    return i + 1, j + 1


def _skip_left_aux(doc: Doc, j: int, lo: int) -> int:
    while j >= lo and (doc[j].lower_ in _AUX_WORDS or doc[j].tag_ in {"RB", "MD"}):
        j -= 1
    return j


def _speaker_of_verb(doc: Doc, verb: Token, lo: int, hi: int, lex: _Lexicon,
                     qs: int, qe: int, quoted: list[bool] | None = None) -> tuple[int, int] | None:
    """The mention (token range) of who speaks through ``verb``; lo..hi bound the search.
    With ``quoted`` given, the verb's subject may lie anywhere earlier in its sentence outside
    quotations ("He called it “shameful” and called on leaders “not to ...”")."""
    def outside(k: int) -> bool:
        return not (qs <= k < qe) and (quoted is None or not quoted[k])

    lo_subj = min(lo, _sent_start(verb)) if quoted is not None else lo

    if verb.lower_ == "according":
        for k in range(verb.i + 1, min(verb.i + 3, hi)):
            if doc[k].lower_ == "to":
                return _np_right(doc, k + 1, hi, lex)
        return None
    first = qe
    while first < len(doc) and doc[first].is_punct and not doc[first].is_quote:
        first += 1
    if verb.i == first and verb.tag_ != "VBG" and verb.lower_ not in lex.listener_forms:
        np_ = _np_right(doc, verb.i + 1, hi, lex)   # “...,” says X  (right after a quote only)
        if np_ is not None:
            return np_
    v = verb
    before = verb.i - 1
    while before > 0 and doc[before].is_quote:
        before -= 1             # "X said it could be “messy,” adding": the comma inside the marks
    if verb.tag_ == "VBG" and before >= 0 and doc[before].text == ",":
        # "X argued that ..., saying": the participle speaks for the main clause's subject
        root = verb
        while root.head.i != root.i and lo_subj <= root.head.i < hi:
            root = root.head
        v = root
    outer = v.head.head if v.dep_ == "conj" and v.head.dep_ == "ccomp" else None
    if outer is not None and lo_subj <= outer.i < hi and _is_cue_verb(outer, lex) \
            and not any(c.dep_ in _SUBJ_DEPS for c in v.children):
        # "X said the move was made by Y and said, “...”": a reporting verb joined to the
        # clause X reports speaks for X, not for that clause's subject, unless the clause is
        # about someone who can speak ("X said Y lied and said ...")
        inner = [c for c in v.head.children if c.dep_ in _SUBJ_DEPS]
        if inner and not (inner[0].ent_type_ in {"PERSON", "ORG"}
                          or (_is_pronoun(inner[0], lex) and inner[0].lower_ != "it")):
            v = outer
    for _ in range(4):
        # a verb inside another quotation has the quoted clause's subject, not the speaker
        children = v.children if quoted is None or not quoted[v.i] else ()
        # a clause has one subject: when the parse gives two ("Speaking in Salem, New
        # Hampshire, Trump went ..."), the one next to the verb is it
        children = sorted(children, key=lambda c: abs(c.i - v.i))
        for child in children:
            if child.dep_ in _SUBJ_DEPS and lo_subj <= child.i < hi and outside(child.i) \
                    and not _not_speaker(child):
                if child.lower_ in _RELATIVES and v.dep_ == "relcl" and lo_subj <= v.head.i < hi:
                    return child.i, child.i + 1   # "Beck, who has said": named in _name_speaker
                if child.lower_ in _NOT_SPEAKERS:
                    continue
                if child.pos_ in {"PROPN", "NOUN", "PRON"} or child.is_title:
                    return _np_around(doc, child, lex, lo_subj, hi)
        # "..., adding/calling/saying", "issued a statement calling": the subject is the one
        # of the verb it hangs from
        if v.dep_ in _CLIMB_DEPS and v.head.i != v.i and lo_subj <= v.head.i < hi:
            v = v.head
        else:
            break
    if verb.tag_ == "VBG":
        return None          # "..., calling him": no subject of its own to the left
    j = _skip_left_aux(doc, verb.i - 1, lo)
    if j >= lo and doc[j].text == ",":
        # "Kasich (R-OH), said" or "X, a professor at Y, said": the name before the comma
        # when it is one, else jump back over the apposition
        near = _np_left(doc, _skip_parens(doc, j - 1, lo), lo, lex)
        if near is not None and any(doc[t].ent_type_ == "PERSON" for t in range(*near)):
            return near
        k = j - 1
        while k >= lo and doc[k].text != "," and not doc[k].is_quote and j - k < 20:
            k -= 1
        if k >= lo and doc[k].text == ",":
            cand = _np_left(doc, _skip_parens(doc, k - 1, lo), lo, lex)
            if cand is not None:
                return cand
        return near
    if j >= lo and outside(j):
        return _np_left(doc, _skip_parens(doc, j, lo), lo, lex)
    return None


def _skip_parens(doc: Doc, j: int, lo: int) -> int:
    """Index left of a parenthesis ending at token j ("Kasich (R-OH)" -> "Kasich")."""
    if j >= lo and doc[j].text == ")":
        k = j - 1
        while k >= lo and doc[k].text != "(" and j - k < 8:
            k -= 1
        if k >= lo and doc[k].text == "(":
            return k - 1
    return j


def _tok_range(doc: Doc, start_char: int, end_char: int) -> tuple[int, int]:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return 0, 0
    return span.start, span.end


def _after_window(doc: Doc, q_end_tok: int, limit: int, quoted: list[bool]) -> int:
    """End (exclusive token index) of the text after a quote that can hold its cue."""
    k = q_end_tok
    while k < len(doc) and k - q_end_tok < limit:
        t = doc[k]
        if quoted[k]:
            break
        if "\n" in t.text or _ends_sentence(doc, k):
            break
        k += 1
    return k


def _ends_sentence(doc: Doc, k: int) -> bool:
    """Token k ends a sentence: ; or . ! ? not followed by ) or a lower-case word ("(Tex.) has")."""
    t = doc[k].text
    if t == ";":
        return True
    if t not in {".", "!", "?"}:
        return False
    if k + 1 >= len(doc):
        return True
    nxt = doc[k + 1].text
    return not (nxt[:1] in ")]," or nxt[:1].islower())


def _before_window(doc: Doc, q_start_tok: int, limit: int, quoted: list[bool]) -> int:
    """Start token index of the text before a quote that can hold its cue."""
    k = q_start_tok - 1
    while k >= 0 and q_start_tok - k <= limit:
        t = doc[k]
        if quoted[k]:
            break
        if "\n" in t.text or _ends_sentence(doc, k):
            break
        k -= 1
    return k + 1


def _governing_subject(doc: Doc, qs: int, qe: int, lo: int, quoted: list[bool],
                       lex: _Lexicon) -> tuple[int, int] | None:
    """The subject of the nearest verb above the quote in the parse, within [lo, qs)."""
    heads = sorted({t.head.i for t in doc[qs:qe] if not qs <= t.head.i < qe})
    for h in heads:
        for v in [doc[h], *doc[h].ancestors]:
            if quoted[v.i] and not qs <= v.i < qe:
                break
            for child in v.children:
                if child.dep_ in _SUBJ_DEPS and lo <= child.i < qs and not quoted[child.i] \
                        and not _not_speaker(child) and child.lower_ not in _NOT_SPEAKERS:
                    if child.lower_ in _RELATIVES:
                        if v.dep_ == "relcl":
                            return child.i, child.i + 1
                        continue
                    if child.pos_ in {"PROPN", "PRON"} or child.ent_type_ in _SPEAKER_LABELS:
                        return _np_around(doc, child, lex, lo, qs)
                    return None   # the subject is a thing ("The report found ..."), not a voice
    return None


def _attribute(doc: Doc, q: _Quote, lex: _Lexicon, quoted: list[bool], text: str) -> None:
    qs, qe = _tok_range(doc, q.start, q.end)
    if qe <= qs:
        return
    # after the quote: “...,” he says / says X / X, a Y, said
    a_end = _after_window(doc, qe, 30, quoted)
    inner = text[q.start:q.end].rstrip(_MARKS + " ")
    short_after = False
    if inner.endswith(".") and qe < len(doc) and not doc[qe].text[:1].islower():
        # “... end.” Trump said. is an attribution; “... end.” She noted a rally ... is not
        a_end, short_after = qe, True
    elif inner.endswith(("?", "!")) and not (qe < len(doc) and (
            doc[qe].ent_type_ == "PERSON" or doc[qe].lower_ in lex.pronouns)):
        a_end = min(a_end, qe + 8)   # “...?” Miller, a retired worker, said: the window stays
    after = None
    # “...,” an angry Hollande retaliated.  -- with a comma inside the marks and a short clause
    # after them, any verb is the cue
    any_verb = inner.endswith((",", "?", "!")) and a_end - qe <= 8 and a_end < len(doc) \
        and doc[a_end].text in {".", "!", "?"}
    for k in range(qe, a_end):
        if short_after and k + 1 < len(doc) and not (
                doc[k + 1].is_punct or doc[k + 1].pos_ == "ADP" or doc[k + 1].is_title
                or doc[k + 1].lower_ in lex.pronouns):
            continue
        if _is_cue_verb(doc[k], lex) or (any_verb and doc[k].pos_ == "VERB"):
            mention = _speaker_of_verb(doc, doc[k], qe, a_end, lex, qs, qe)
            if mention is not None:
                after = (k, mention)
                break
    first = qe
    while first < a_end and doc[first].is_punct:
        first += 1
    # before it, in the same sentence: X said: “...” / called it “...”
    b_start = _before_window(doc, qs, 40, quoted)
    before = None
    cands = [k for k in range(qs - 1, b_start - 1, -1)
             if _is_cue_verb(doc[k], lex)
             or (doc[k].lower_ == "according" and k + 1 < qs and doc[k + 1].lower_ == "to")]
    if cands:
        heads = {t.head.i for t in doc[qs:qe] if not qs <= t.head.i < qe}
        governing = set()
        for h in heads:
            governing.add(h)
            governing.update(a.i for a in doc[h].ancestors)

        def rank(k: int) -> tuple[int, int]:
            weak = doc[k].lower_ in lex.weak_forms
            if weak and qs - k > 3:
                return (9, 0)
            return (0 if k in governing and not weak else 1 if k in governing else 2, qs - k)

        for k in sorted(cands, key=rank):
            if rank(k)[0] == 9:
                break
            mention = _speaker_of_verb(doc, doc[k], b_start, qs, lex, qs, qe, quoted)
            if mention is not None:
                before = (k, mention)
                q.governed = k in governing
                break
    # “...,” X said: a comma inside the marks or a cue right after the quote belongs to it;
    # otherwise a cue before the quote in its sentence comes first
    if after is not None and (inner.endswith((",", "—", "-")) or after[0] - first <= 4
                              or before is None):
        k, mention = after
        q.cue, q.mention, q.method = (k, k + 1), mention, "after"
        q.adjacent = min(k, mention[0]) - first <= 2 or k - qe <= 12
        return
    if before is not None:
        k, mention = before
        q.cue, q.mention, q.method = (k, k + 1), mention, "before"
        q.adjacent = qs - k <= 4
        return
    # no cue, but the quote sits inside a sentence: the subject of the verb that governs it
    # ("Moore thanked him for “...”") is the best guess; it is no evidence of quoting, so
    # the cue stays empty
    if any(not doc[t].is_punct and not doc[t].is_space for t in range(b_start, qs)):
        mention = _governing_subject(doc, qs, qe, b_start, quoted, lex)
        if mention is not None:
            q.mention, q.method = mention, "subject"
            return
    # colon at the end of the previous paragraph or sentence: X said:\n\n“...”
    k = qs - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k >= 0 and doc[k].text == ":":
        b2 = _before_window(doc, k, 40, quoted)
        for v in range(k - 1, b2 - 1, -1):
            if _is_cue_verb(doc[v], lex) or doc[v].lower_ in lex.verb_forms:   # "X notes:"
                mention = _speaker_of_verb(doc, doc[v], b2, k, lex, qs, qe)
                if mention is not None:
                    q.cue, q.mention, q.method = (v, v + 1), mention, "colon"
                    q.adjacent = True
                    return
        # "Trump: “...”" -- a name and a colon
        np_ = _np_left(doc, k - 1, b2, lex)
        if np_ is not None and np_[0] == b2 and any(doc[t].ent_type_ == "PERSON" for t in range(*np_)):
            q.cue, q.mention, q.method = (k, k + 1), np_, "colon"
            q.adjacent = True
            return
        # "Here’s Clinton in December 1992:" -- the person named before the colon
        for t in range(k - 1, b2 - 1, -1):
            if doc[t].ent_type_ == "PERSON" and not quoted[t]:
                ent = _ent_of(doc[t])
                q.cue, q.mention, q.method = (k, k + 1), (ent.start, ent.end), "colon"
                q.adjacent = True
                return
        # "X listed the questions:" -- any verb with a subject introduces the quote
        for v in range(k - 1, b2 - 1, -1):
            if doc[v].pos_ == "VERB":
                mention = _speaker_of_verb(doc, doc[v], b2, k, lex, qs, qe)
                if mention is not None:
                    q.cue, q.mention, q.method = (v, v + 1), mention, "colon"
                    q.adjacent = True
                    return
    # a headline's "Name: ... ‘quote’"
    p0 = qs - 1
    while p0 >= 0 and "\n" not in doc[p0].text:
        p0 -= 1
    p0 += 1
    for c in range(p0 + 1, min(p0 + 6, qs)):
        if doc[c].text == ":":
            if all(doc[t].text[:1].isupper() or doc[t].is_punct for t in range(p0, c)) \
                    and (p0 == 0 or any(doc[t].ent_type_ in _SPEAKER_LABELS for t in range(p0, c))):
                q.cue, q.mention, q.method = (c, c + 1), (p0, c), "colon"
                q.adjacent = True
                return
            break
    # the sentence before, in the same or the previous paragraph: X writes. “...”
    if b_start == qs or not any(not doc[t].is_punct for t in range(b_start, qs)):
        k = b_start - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k >= 0 and doc[k].text in {".", "!", "?"}:
            b3 = _before_window(doc, k, 40, quoted)
            for v in range(k - 1, b3 - 1, -1):
                if _is_cue_verb(doc[v], lex):
                    mention = _speaker_of_verb(doc, doc[v], b3, k, lex, qs, qe)
                    if mention is not None:
                        q.cue, q.mention, q.method = (v, v + 1), mention, "previous"
                        return


# --------------------------------------------------------------------------- speakers

def _strip_name(words: list[str], lex: _Lexicon) -> list[str]:
    while words and words[0].lower() in lex.titles:
        words = words[1:]
    if words and re.search(r"[’']s$", words[-1]):
        words[-1] = words[-1][:-2]
    return [w for w in words if w]


class _People:
    """Named people of a document and what is known of their gender."""

    def __init__(self, doc: Doc, lex: _Lexicon, text: str):
        self.lex = lex
        self.mentions: list[tuple[int, str, str]] = []   # (char offset, full name, label)
        self.subjects: set[int] = set()                  # offsets of mentions that are subjects
        self.gender: dict[str, str] = {}
        self.full: dict[str, str] = {}                   # last word -> first full name
        for ent in doc.ents:
            if ent.label_ not in {"PERSON", "ORG", "NORP"}:
                continue
            words = _strip_name(ent.text.split(), lex)
            if not words:
                continue
            if ent.label_ == "PERSON":
                last = words[-1].lower()
                full = self.full.setdefault(last, " ".join(words))
                if len(words) > len(full.split()) and full.split()[-1].lower() == last \
                        and self.full[last] == full and len(full.split()) == 1:
                    self.full[last] = full = " ".join(words)
                prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
                g = lex.honorifics.get(prev) or lex.first_names.get(words[0].lower()) \
                    if len(words) > 1 or prev in lex.honorifics else lex.honorifics.get(prev)
                if g in {"male", "female"}:
                    self.gender.setdefault(full, g)
                self.mentions.append((ent.start_char, full, "PERSON"))
                if ent.root.dep_ in _SUBJ_DEPS:
                    self.subjects.add(ent.start_char)
            elif ent.label_ == "NORP" and (ent.root.pos_ == "ADJ" or ent.root.dep_ in {"amod", "compound"}):
                # "the American people", "an Iranian official": an adjective names no one
                # a pronoun can refer back to; only a group used as a noun ("Democrats") can
                continue
            else:
                self.mentions.append((ent.start_char, ent.text, ent.label_))
        # a known surname is a mention of that person even where the NER missed or mislabelled it
        if self.full:
            spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
            names = sorted({n.split()[-1] for n in self.full.values()}, key=len, reverse=True)
            pattern = r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b"
            for m in re.finditer(pattern, text):
                if not any(a <= m.start() < b for a, b in spans):
                    last = _strip_name([m.group()], lex)
                    if last and last[-1].lower() in self.full:
                        self.mentions.append((m.start(), self.full[last[-1].lower()], "PERSON"))

    def name(self, text: str, at: int) -> str:
        words = _strip_name(text.split(), self.lex)
        if not words:
            return text
        full = self.full.get(words[-1].lower())
        if full and len(full.split()) >= len(words):
            return full
        name = " ".join(words)
        if len(words) > 1:   # a full name the NER missed: later surnames map to it
            self.full.setdefault(words[-1].lower(), name)
        self.mentions.append((at, name, "PERSON"))
        return name

    def resolve_pronoun(self, pron: str, at: int) -> str | None:
        want = self.lex.pronouns.get(pron.lower())
        if want == "self":
            return None      # "I said": the writer, whose name the text may not give
        # "it" is an organisation; a nationality or party ("Democrats") is "they", never "it"
        labels = {"PERSON"} if want in {"male", "female"} else {"ORG"} if want == "neuter" \
            else {"ORG", "NORP"}
        cands = []
        for pos, full, label in sorted(self.mentions, key=lambda m: -m[0]):
            if pos >= at or label not in labels:
                continue
            g = self.gender.get(full)
            if want in {"male", "female"} and g is not None and g != want:
                continue
            cands.append((pos, full))
            if len(cands) == 4:
                break
        if not cands:
            return None
        # the nearest, unless a subject not much further back is more salient
        pos, full = min(cands, key=lambda c: (at - c[0]) * (SUBJECT_WEIGHT if c[0] in self.subjects else 1))
        if want in {"male", "female"}:
            self.gender.setdefault(full, want)
        return full


def _name_speaker(doc: Doc, q: _Quote, people: _People, lex: _Lexicon) -> None:
    s, e = q.mention
    span = doc[s:e]
    text = span.text
    if e - s == 1 and doc[s].lower_ in _RELATIVES and doc[s].head.dep_ == "relcl":
        # the mention is "who"; the speaker is the noun it refers back to
        ant = doc[s].head.head
        a, b = _np_around(doc, ant, lex, 0, s)
        saved = q.mention
        q.mention = (a, b)
        _name_speaker(doc, q, people, lex)
        q.mention = saved
        return
    if e - s == 1 and _is_pronoun(doc[s], lex):
        q.speaker_kind = "pronoun"
        q.speaker = people.resolve_pronoun(text, span.start_char)
        return
    labels = {t.ent_type_ for t in span if t.ent_type_}
    words = _strip_name(text.split(), lex)
    # a name even where the NER missed it: capitalised proper nouns ("Lawyers" at the start
    # of a sentence is not one)
    looks_named = bool(words) and all(w[:1].isupper() for w in words) \
        and any(t.pos_ in {"PROPN", ""} for t in span)   # "": no tagger ran
    persons = [t.i for t in span if t.ent_type_ == "PERSON"]
    owner = bool(persons) and any(t.tag_ == "POS" or t.lower_ in {"’s", "'s"}
                                  for t in doc[persons[-1] + 1:e - 1])
    if owner:
        # "Michael Jackson's mother" is not Michael Jackson
        q.speaker_kind, q.speaker = "other", text
    elif "PERSON" in labels or (looks_named and not labels & {"ORG", "NORP", "GPE"}
                                and not span[0].lower_ in {"the", "a", "an"}):
        q.speaker_kind = "person"
        ents = [_ent_of(t) for t in span if t.ent_type_ == "PERSON"]
        name_text = ents[-1].text if ents else text
        q.speaker = people.name(name_text, span.start_char)
    else:
        q.speaker_kind = "org" if labels & {"ORG", "NORP", "GPE"} else "other"
        q.speaker = text


# --------------------------------------------------------------------------- 3. filter

_TITLE_INTRO = {"on", "of", "in", "at", "from", "for", "titled", "entitled", "called", "named",
                "dubbed", "show", "program", "programme", "book", "film", "movie", "podcast", "series"}
_MARKS = "“„«”»\"″‘‹’›'`"
_MINOR = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from", "is"}
_END_PUNCT = ",.?!…—–-:;"


def _title_like(text: str, q: _Quote) -> bool:
    """A title or name: title case and no punctuation inside the marks, or title case after
    "CNN’s", "on", "host of" ... even with a comma inside (“Meet the Press,” he said)."""
    inner = text[q.start:q.end].strip(_MARKS + " ")
    end_punct = bool(inner) and inner[-1] in _END_PUNCT
    words = _WORD_RE.findall(inner)
    major = [w for w in words if w.lower() not in _MINOR]
    title_case = len(major) >= 1 and all(w[:1].isupper() or w[:1].isdigit() for w in major) \
        and len(words) <= 8
    before = text[max(0, q.start - 20):q.start].rstrip().split()
    prev_word = before[-1] if before else ""
    return title_case and (not end_punct or (
        len(major) >= 2 and (prev_word.lower() in _TITLE_INTRO or bool(re.search(r"[’']s$", prev_word)))))


def _is_quotation(text: str, q: _Quote, n_words: int) -> bool:
    inner = text[q.start:q.end].strip(_MARKS + " ")
    end_punct = bool(inner) and inner[-1] in _END_PUNCT
    title_like = q.title
    if q.stray and not q.continued:
        return n_words >= 4 and q.cue is not None
    if q.continued or not q.closed:
        return n_words >= 4 or q.cue is not None
    if title_like and q.method != "colon":
        return False
    if n_words >= 6:
        return True
    sentence = inner[:1].isupper() and inner[-1:] in ".?!"
    if q.cue is not None and n_words >= 2:
        # “We’re hopeful.” (a sentence), said ... an “excellent chance” (reported speech)
        return q.adjacent or n_words >= 3 or sentence or (q.method == "before" and q.governed)
    if q.method == "subject" and n_words >= 3:
        return True   # a clause-long phrase in someone's mouth
    if q.cue is not None and n_words == 1:
        return end_punct and inner[:1].isupper() and q.adjacent
    return False


# --------------------------------------------------------------------------- finder

def find_quotes(doc: Doc) -> list[dict]:
    """Direct quotations of ``doc`` with their speakers, as records (see ``COLUMNS``)."""
    lex = load_lexicon()
    text = doc.text
    quotes = quote_spans(text)
    quoted = [False] * len(doc)   # tokens inside any quotation: cues are never looked for there
    for q in quotes:
        q.title = _title_like(text, q)
        if q.title:
            continue                  # a name in marks is part of the sentence around it
        s, e = _tok_range(doc, q.start, q.end)
        for k in range(s, e):
            quoted[k] = True
    for q in quotes:
        _attribute(doc, q, lex, quoted, text)
    # a chain (multi-paragraph quote) shares the cue found on any part
    by_chain: dict[int, list[_Quote]] = {}
    for q in quotes:
        by_chain.setdefault(q.chain, []).append(q)
    for parts in by_chain.values():
        cued = [p for p in parts if p.cue is not None and p.method != "previous"]
        if cued and len(parts) > 1:
            for p in parts:
                if p.cue is None:
                    p.cue, p.mention, p.method = cued[0].cue, cued[0].mention, "chain"
    people = _People(doc, lex, text)
    for q in quotes:
        if q.mention is not None:
            _name_speaker(doc, q, people, lex)
    paras, para_of = _paragraph_index(text)

    records: list[dict] = []
    prev: _Quote | None = None
    for q in quotes:
        n_words = len(_WORD_RE.findall(text[q.start:q.end]))
        if q.mention is None and prev is not None and prev.speaker is not None:
            same_para = para_of(prev.start) == para_of(q.start)
            opens_next = para_of(q.start) == para_of(prev.end - 1) + 1 \
                and not text[paras[para_of(q.start)][0]:q.start].strip()
            if same_para or opens_next:
                q.mention, q.speaker, q.speaker_kind = prev.mention, prev.speaker, prev.speaker_kind
                q.cue, q.method = prev.cue, "inherit"
                q.adjacent = same_para
        if not _is_quotation(text, q, n_words):
            continue
        if q.mention is None and prev is not None and prev.speaker is not None \
                and para_of(q.start) - para_of(prev.end - 1) <= NEAR_PARAGRAPHS \
                and not _other_voice_between(doc, prev, q, quoted, people):
            # a quotation with no cue at all, shortly after another: the same voice goes on
            q.mention, q.speaker, q.speaker_kind = prev.mention, prev.speaker, prev.speaker_kind
            q.cue, q.method = prev.cue, "inherit"
        if q.mention is None:
            _nearby_subject(doc, q, quoted, paras, para_of, people, lex)
        rec = {
            "start_char": q.start, "end_char": q.end, "text": text[q.start:q.end],
            "speaker": q.speaker, "speaker_start_char": None, "speaker_end_char": None,
            "cue": None, "cue_start_char": None, "cue_end_char": None, "speaker_mention": None,
            "speaker_kind": q.speaker_kind, "label": "QUOTE", "method": q.method,
            "chain": q.chain, "n_words": n_words,
        }
        if q.mention is not None:
            m = doc[q.mention[0]:q.mention[1]]
            rec.update(speaker_start_char=m.start_char, speaker_end_char=m.end_char, speaker_mention=m.text)
        if q.cue is not None:
            c = doc[q.cue[0]:q.cue[1]]
            if c.end < len(doc) and f"{c[0].lower_} {doc[c.end].lower_}" in lex.phrasal:
                c = doc[c.start:c.end + 1]   # "according to", "went on"
            rec.update(cue=c.text, cue_start_char=c.start_char, cue_end_char=c.end_char)
        records.append(rec)
        prev = q
    ordinal: dict[int, int] = {}
    for rec in records:   # chain ids as 0, 1, 2 ... in order (not offsets, which tables remap)
        rec["chain"] = ordinal.setdefault(rec["chain"], len(ordinal))
    return records


def _other_voice_between(doc: Doc, prev: _Quote, q: _Quote, quoted: list[bool],
                         people: "_People") -> bool:
    """A person other than ``prev``'s speaker is the subject of a sentence between the two."""
    a, _ = _tok_range(doc, prev.end - 1, prev.end)
    b, _ = _tok_range(doc, q.start, q.end)
    for k in range(a + 1, b):
        t = doc[k]
        if quoted[k] or t.dep_ not in _SUBJ_DEPS or t.ent_type_ != "PERSON":
            continue
        ent = _ent_of(t)
        if people.name(ent.text if ent is not None else t.text, t.idx) != prev.speaker:
            return True
    return False


def _nearby_subject(doc: Doc, q: _Quote, quoted: list[bool], paras, para_of, people: "_People",
                    lex: _Lexicon) -> None:
    """No cue and no quotation before: the nearest person who is the subject of a sentence
    before the quote, in its paragraph or the one before ("Viguerie is upbeat. “...”")."""
    p = para_of(q.start)
    lo_char = paras[max(p - 1, 0)][0]
    qs, _ = _tok_range(doc, q.start, q.end)
    for k in range(qs - 1, -1, -1):
        t = doc[k]
        if t.idx < lo_char:
            break
        if quoted[k] or t.dep_ not in _SUBJ_DEPS:
            continue
        if t.ent_type_ == "PERSON" or t.lower_ in {"he", "she"}:
            q.mention = _np_around(doc, t, lex, 0, qs)
            q.method = "nearby"
            _name_speaker(doc, q, people, lex)
            return


def resolve_mention(doc: Doc, start_char: int, end_char: int) -> str | None:
    """The person or organisation that the mention ``doc.text[start_char:end_char]`` names, by
    the same rules as the speakers of quotes ("he" -> "Philip Krein", "Krein" -> "Philip Krein")."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    lex = load_lexicon()
    q = _Quote(start_char, end_char, "double")
    q.mention = (span.start, span.end)
    _name_speaker(doc, q, _People(doc, lex, doc.text), lex)
    return q.speaker


@Language.factory("extract_quotes", assigns=["doc._.quotes"], requires=["doc.ents", "token.dep"],
                  default_config={})
def make_quotes(nlp: Language, name: str) -> "QuotesComponent":
    return QuotesComponent()


class QuotesComponent:
    """Finds direct quotations and stores them on ``doc._.quotes``."""

    def __init__(self) -> None:
        load_lexicon()   # fail early on a broken resource file

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc)
        return doc
