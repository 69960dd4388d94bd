"""Cue and speaker mention of each quotation, from the tokens around it.

:func:`attribute` tries these steps in order; the quote's ``method`` says which one gave the
speaker mention (``chain``, ``inherit`` and ``nearby`` are set later, by the finder):

* ``after``: a reporting verb (``resources/quotes.json``) or a phrasal cue ("went on",
  "according to") right after the quote: “...,” he says / says Tan-Mullins / Xu, a
  geneticist, said / “...,” an angry Hollande retaliated (any verb in a short clause after a
  comma-ended quote);
* ``before``: a reporting verb before the quote in its sentence (Krein said: “...”, called it
  “a disaster”), preferring one that governs the quote in the parse; or a noun naming what
  someone said, with its owner, right before the quote or above it in the parse ("Trump's
  claim that “...”", "her answer was: “...”"), first when it is nearer the quote than the verb;
* ``subject``: no cue, but the quote sits inside a sentence: the subject of the verb that
  governs it ("Moore thanked him for “...”"; a common noun only when it names a role, a
  group or an organisation and is the subject of the main clause); this names a speaker but
  is no evidence that the marks hold a quotation;
* ``colon``: a colon right before the quote (X said:\\n\\n“...”, "Trump: “...”"), or a headline
  "Name: ... ‘...’";
* ``previous``: the last sentence before the quote, in its paragraph or the one before, has a
  reporting verb ("..., the editorial board writes. “...”").

The speaker mention of a cue verb is found by :func:`~extract.quotes.subjects.speaker_of_verb`
(module ``subjects``): the verb's subject in the parse when it has one (climbing from "...,
saying" or "a statement calling" to the clause that has a subject), else the noun phrase next
to the verb found from the tokens' tags, capitalisation and entities. Cues are never looked
for inside quotes (``quoted`` marks their tokens).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .lexicon import Lexicon
from .marks import MARKS, Quote
from .phrases import (NOT_SPEAKERS, RELATIVES, SPEAKER_LABELS, SUBJ_DEPS, ancestors, ent_of, in_name,
                      is_cue_verb, is_pronoun, not_speaker, np_around, np_left, np_right, sent_start, tok_range)
from .speakers import speaker_noun_kind
from .subjects import (Mention, can_speak as _can_speak, mute_thing as _mute_thing, passive_listener,
                       skip_left_aux, skip_parens, speaker_of_verb, title_cased as _title_cased)

#: a dash after a quote, spaces (no-break ones too) around it
#: lower-case words inside a name ("Ana de la Cruz")
_NAME_PARTICLES = {"de", "la", "le", "van", "von", "der", "da", "del", "di", "du", "bin", "al"}
_DASH_AFTER = re.compile(r"[ \t\u00a0]*([―—–])[ \t\u00a0]*")
#: a dash opening the paragraph after a quote that ends its own (a pull quote's byline:
#: “...”¶— Ann Lee, at the rally)
_DASH_NEXT = re.compile(r"[ \t\u00a0]*\n\s*([―—–-])[ \t\u00a0]*")
#: how far (in tokens) the cue of a quote is looked for after and before it
AFTER_TOKENS = 30
BEFORE_TOKENS = 40
#: a headline ("Name: ... ‘...’") is a paragraph shorter than this many characters
HEADLINE_CHARS = 20000
#: a title-cased headline has at most this many tokens before its quote
HEADLINE_TOKENS = 40



# --------------------------------------------------------------------------- windows
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


def before_window(doc: Doc, q_start_tok: int, limit: int, quoted: list[bool]) -> int:
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


def reporting_ancestor(doc: Doc, qs: int, qe: int, quoted: list[bool],
                       lex: Lexicon) -> tuple[int, Mention] | None:
    """A reporting verb above the quote in the parse, earlier in its sentence and outside
    quotations, with its speaker: "Trump said Rubio was “a lightweight” while Cruz is “a
    basket case”" -- the second quote is Trump's words, not Cruz's, though "Cruz" is the
    subject of the verb that governs it."""
    heads = sorted({t.head.i for t in doc[qs:qe] if not qs <= t.head.i < qe})
    for h in heads:
        for v in [doc[h], *ancestors(doc[h])]:
            if v.i >= qs:
                break
            if quoted[v.i]:
                continue   # "X said it was “clear” that Y faced a “slam-dunk”": over a quoted word
            if is_cue_verb(v, lex):
                lo = sent_start(doc[qs])
                if any("\n" in t.text for t in doc[v.i:qs]):
                    return None   # a paragraph break the sentence splitter missed
                mention = speaker_of_verb(doc, v, lo, qs, lex, qs, qe, quoted)
                return (v.i, mention) if mention is not None and v.i >= lo else None
    return None


def governing_subject(doc: Doc, qs: int, qe: int, lo: int, quoted: list[bool],
                      lex: Lexicon) -> Mention | None:
    """The subject of the nearest verb above the quote in the parse, within [lo, qs)."""
    # the possible subjects lie in [lo, qs): look them up by head rather than walk the
    # children of every verb above the quote (a flat parse gives a verb thousands)
    subjects: dict[int, list[Token]] = {}
    for k in range(lo, qs):
        child = doc[k]
        if child.dep_ in SUBJ_DEPS and not quoted[k] and not not_speaker(child) \
                and child.lower_ not in NOT_SPEAKERS and not passive_listener(child.head, lex):
            subjects.setdefault(child.head.i, []).append(child)
    heads = sorted({t.head.i for t in doc[qs:qe] if not qs <= t.head.i < qe})
    for h in heads:
        for v in [doc[h], *ancestors(doc[h])]:
            if quoted[v.i] and not qs <= v.i < qe:
                break
            for child in subjects.get(v.i, ()):
                if child.lower_ in RELATIVES:
                    if v.dep_ == "relcl":
                        return child.i, child.i + 1
                    continue
                if child.pos_ in {"PROPN", "PRON"} or child.ent_type_ in SPEAKER_LABELS \
                        or (child.pos_ == "NOUN" and v.dep_ == "ROOT" and speaker_noun_kind(child.text, lex)):
                    # "The Treasury secretary also praised the “needed reforms”"
                    return np_around(doc, child, lex, lo, qs)
                return None   # the subject is a thing ("The report found ..."), not a voice
    return None




# --------------------------------------------------------------------------- the steps

def attribute(doc: Doc, q: Quote, lex: Lexicon, quoted: list[bool], text: str) -> None:
    """Find ``q``'s cue and speaker mention (token ranges) and the method that gave them."""
    qs, qe = tok_range(doc, q.start, q.end)
    if qe <= qs:
        return
    inner = text[q.start:q.end].rstrip(MARKS + " ")
    if _cue_dash(doc, q, text, lex, quoted) or _dash_name_colon(doc, q, qs, quoted):
        return
    after, first = _cue_after(doc, qs, qe, inner, lex, quoted)
    b_start = before_window(doc, qs, BEFORE_TOKENS, quoted)
    before = _cue_before(doc, q, qs, qe, b_start, lex, quoted)
    # “...,” X said: a comma inside the marks or a cue right after the quote belongs to it;
    # otherwise a cue before the quote in its sentence comes first; and so does one that
    # governs a quote running on from the writer's words ("under what Lee called “the old
    # model,” the club charged": Lee's words, not the club's)
    if after is not None and not _before_governs(doc, q, qs, before, after, first, lex) \
            and (inner.endswith((",", "—", "-")) or after[0] - first <= 4 or before is None):
        k, mention = after
        _found(q, (k, k + 1), mention, "after", min(k, mention[0]) - first <= 2 or k - qe <= 12)
        return
    owner = _cue_owner(doc, qs, qe, b_start, lex, quoted)
    if owner is not None and (before is None or owner[0] > before[0]):
        k, mention = owner    # "X said her claim that “...” was false": her words, not X's
        _found(q, (k, k + 1), mention, "before", True)
        return
    if before is not None:
        k, mention = before
        _found(q, (k, k + 1), mention, "before", qs - k <= 4)
        return
    # no cue, but the quote sits inside a sentence: the subject of the verb that governs it
    # ("Moore thanked him for “...”") is the best guess; it is no evidence of quoting, so
    # the cue stays empty
    if any(not doc[t].is_punct and not doc[t].is_space for t in range(b_start, qs)):
        if _cue_headline(doc, q, qs, text, title_case=True):
            return
        source = _according_to_opening(doc, qs, lex, quoted)
        if source is not None:
            k, mention = source   # "According to X, Y was “...”": X's account, Y said nothing
            _found(q, (k, k + 1), mention, "before", False)
            return
        reporter = reporting_ancestor(doc, qs, qe, quoted, lex)
        if reporter is not None:
            k, mention = reporter
            _found(q, (k, k + 1), mention, "before", False)
            return
        mention = governing_subject(doc, qs, qe, b_start, quoted, lex)
        if mention is not None:
            q.mention, q.method = mention, "subject"
            return
        if _said_just_before(doc, q, b_start, lex, quoted):
            return
    if _cue_colon(doc, q, qs, qe, lex, quoted) or _cue_headline(doc, q, qs, text):
        return
    _cue_previous_sentence(doc, q, qs, qe, b_start, lex, quoted)


def share_sentence_cues(doc: Doc, quotes: list[Quote], lex: Lexicon, quoted: list[bool]) -> None:
    """A partial quote after another in its sentence, whose cue before it it does not reach
    (the search stops at the earlier quote), goes on in the earlier quote's voice when nothing
    between the two says otherwise: only joining words (no verb: "called for a “cultural
    war” against “liberals”") or a reported clause opened by "that" ("said it was “clear”
    ... and that Clinton faced a “slam-dunk” indictment": Clinton said nothing). It applies
    when the later quote found no cue nearer than the earlier quote's (only the subject of
    its own clause, or a reporting verb further back); a cue of its own wins, and a quote
    with no attribution at all is left alone (it may be a scare quote)."""
    for prev, q in zip(quotes, quotes[1:]):
        if prev.method != "before" or prev.cue is None or prev.mention is None \
                or q.method not in {"subject", "before"}:
            continue
        ps, pe = tok_range(doc, prev.start, prev.end)
        qs, qe = tok_range(doc, q.start, q.end)
        lo = sent_start(doc[qs])   # bounded walks: a sentence of thousands of quotes stays linear
        if not (prev.cue[0] < ps < pe <= qs < qe) or lo > prev.cue[0]:
            continue
        if q.method == "before" and q.cue is not None and q.cue[0] >= prev.cue[0]:
            continue   # its own cue, at least as near
        between = [t for t in doc[pe:qs] if not quoted[t.i] and not t.is_punct and not t.is_space]
        if any("\n" in t.text for t in doc[pe:qs]) or any(t.is_quote for t in doc[pe:qs]):
            continue
        joined = all(t.lower_ in lex.clause_joiners or t.pos_ in {"ADJ", "DET", "ADV", "CCONJ", "ADP"}
                     for t in between) and len(between) <= 4
        if not joined and not _reported_that_clause(between, lex):
            continue
        _share_attribution(q, prev)


def _share_attribution(q: Quote, other: Quote) -> None:
    """``q`` takes ``other``'s cue, speaker mention and method (a quote in the same sentence
    whose attribution goes on over it); the cue is neither adjacent to ``q`` nor above it."""
    q.cue, q.mention, q.method, q.adjacent, q.governed = other.cue, other.mention, other.method, False, False


def _reported_that_clause(between: list[Token], lex: Lexicon) -> bool:
    """The words between two quotes hold a coordinator and "that" opening a reported clause
    ("..., and that X faced"), and no reporting verb of their own."""
    for n in range(len(between) - 1):
        if between[n].lower_ in {"and", "but", "or"} and between[n + 1].lower_ == "that":
            return n + 2 < len(between) and not any(is_cue_verb(t, lex) for t in between)
    return False


def share_closing_cues(doc: Doc, quotes: list[Quote], lex: Lexicon, quoted: list[bool]) -> None:
    """A quote with no cue of its own, only the subject of its clause as a guess ("Hale was
    “flat” while fans waited for a “clear signal,” she said."), takes the attribution of the next
    quote in its sentence when that attribution closes the sentence or stands between commas:
    the whole sentence is the speaker's, reported. No reporting verb may stand anywhere in the
    sentence before that attribution, outside quotations. A quote with no attribution at all
    is left alone (it may be a scare quote)."""
    for q, nxt in zip(quotes, quotes[1:]):
        if q.method != "subject" or nxt.method != "after" \
                or nxt.cue is None or nxt.mention is None:
            continue
        qs, _ = tok_range(doc, q.start, q.end)
        _, ne = tok_range(doc, nxt.start, nxt.end)
        a = min(nxt.cue[0], nxt.mention[0])
        b = max(nxt.cue[1], nxt.mention[1])
        if a < ne or qs >= len(doc) or b > len(doc) or sent_start(doc[a]) > qs:
            continue   # another sentence (or one too long to tell: bounded walks stay linear)
        if not _set_off(doc, a, b):
            continue
        sent_lo = sent_start(doc[qs])
        if any("\n" in t.text for t in doc[qs:b]) \
                or any(not quoted[t.i] and is_cue_verb(t, lex) for t in doc[sent_lo:a]):
            continue
        _share_attribution(q, nxt)


#: how many words without a verb may follow a cue and its speaker before the end of the
#: sentence ("..., he said on Monday.", "..., she said in an interview.")
SET_OFF_TAIL = 6


def _set_off(doc: Doc, a: int, b: int) -> bool:
    """The tokens a..b (a cue and its speaker) stand after a comma and before the end of the
    sentence or another comma, with at most ``SET_OFF_TAIL`` words and no verb between: ", he
    said." / ", said the chief executive," / ", Lee said on Monday." (the comma may
    stand inside a quote's closing mark: "... “fringes of the internet,” he said, wind up")."""
    k = a - 1
    if k >= 1 and doc[k].is_quote:
        k -= 1
    if k < 0 or doc[k].text != ",":
        return False
    for t in doc[b:b + SET_OFF_TAIL + 1]:   # over "on Monday", "in an interview"
        if t.text in {".", ",", "!", "?", ";"} or t.is_sent_start:
            return True
        if t.pos_ in {"VERB", "AUX"} or t.is_quote or "\n" in t.text:
            return False
    return b + SET_OFF_TAIL + 1 > len(doc) and all(t.pos_ not in {"VERB", "AUX"} for t in doc[b:])


#: a verb after a quote with one of these after it says something of its own, not the quote
#: ("“...,” the club charged members a fee"; a pronoun object is the quote: "“...,” he called them")
_OWN_OBJECT_DEPS = {"dobj", "ccomp", "xcomp"}


def _before_governs(doc: Doc, q: Quote, qs: int, before: tuple[int, Mention] | None,
                    after: tuple[int, Mention], first: int, lex: Lexicon) -> bool:
    """The cue before the quote, not the one after it, says a quote that runs on from the
    writer's words (no punctuation before its opening mark): the cue governs it in the parse,
    has someone who can speak as its subject (not "The trouble began ..., saying"), reports
    speech (not "cannot say"), is no relative clause on a noun ("Nothing the president said
    “...”"), and the cue after is not the quote's own right after it ("“...,” Lee said")
    unless that one opens the next quote ("“...,” Lee said: “...”"), is no reporting verb or
    says something of its own ("“...,” the club charged members")."""
    if before is None or not q.governed or qs < 1 or not doc[qs - 1].is_alpha \
            or not (_can_speak(doc, before[1], lex) or doc[before[1][0]].lower_ in RELATIVES):
        return False
    verb = doc[before[0]]
    if _unsaid(verb) or verb.dep_ == "relcl" or any(c.dep_ == "neg" for c in verb.children):
        return False
    cue = doc[after[0]]
    return after[0] - first > 2 or _opens_next_quote(doc, after) or not is_cue_verb(cue, lex) \
        or any(c.dep_ in _OWN_OBJECT_DEPS and c.i > cue.i and c.pos_ != "PRON" for c in cue.children)


def _opens_next_quote(doc: Doc, after: tuple[int, Mention]) -> bool:
    """The cue after a quote, with its speaker, ends in a colon or an opening mark: it
    introduces the next quote ("Trump said: “...”")."""
    end = max(after[0] + 1, after[1][1])
    return end < len(doc) and (doc[end].text == ":" or doc[end].text in {"“", "‘"})


def _said_just_before(doc: Doc, q: Quote, b_start: int, lex: Lexicon, quoted: list[bool]) -> bool:
    """The sentence before, in the same paragraph, ends with a short reporting clause ("...,
    he said. Good news spreads, but only when “...”"): a quote with no cue in the writer's
    next sentence goes on with that speaker."""
    k = b_start - 1
    if k < 3 or doc[k].text != "." or quoted[k]:
        return False
    for v in (k - 1, k - 2):   # ", he said." / ", said Ann Lee."
        if v < 1 or not is_cue_verb(doc[v], lex) or "\n" in doc[v:k].text:
            continue
        before, after = doc[v - 1], v + 1 < k
        if before.text == "," and after:
            mention = np_right(doc, v + 1, k, lex)
        elif v >= 2 and doc[v - 2].text == "," and (is_pronoun(before, lex) or before.ent_type_ == "PERSON"):
            mention = np_left(doc, v - 1, v - 1, lex)
        else:
            continue
        if mention is not None:
            q.cue, q.mention, q.method = (v, v + 1), mention, "previous"
            return True
    return False


def _found(q: Quote, cue: Mention, mention: Mention, method: str, adjacent: bool) -> None:
    q.cue, q.mention, q.method, q.adjacent = cue, mention, method, adjacent


def _cue_after(doc: Doc, qs: int, qe: int, inner: str, lex: Lexicon,
               quoted: list[bool]) -> tuple[tuple[int, Mention] | None, int]:
    """A cue after the quote: “...,” he says / says X / X, a Y, said. Returns (cue token,
    mention) or None, and the first token after the punctuation that follows the quote."""
    a_end = _after_window(doc, qe, AFTER_TOKENS, quoted)
    short_after = False
    if inner.endswith(".") and qe < len(doc) and not doc[qe].text[:1].islower():
        # “... end.” Trump said. is an attribution; “... end.” She noted a rally ... is not
        # only a short clause that ends the sentence ("Trump said.") can attribute it
        short = a_end - qe <= 4 and a_end < len(doc) and doc[a_end].text == "."
        a_end, short_after = (a_end if short else qe), True
    elif inner.endswith(("?", "!")) and not (qe < len(doc) and (
            doc[qe].ent_type_ == "PERSON" or doc[qe].lower_ in lex.pronouns)):
        a_end = min(a_end, qe + 8)   # “...?” Miller, a retired worker, said: the window stays
    after = None
    # “...,” an angry Hollande retaliated.  -- with a comma inside the marks and a short clause
    # after them, any verb is the cue
    any_verb = inner.endswith((",", "?", "!")) and a_end - qe <= 8 and a_end < len(doc) \
        and doc[a_end].text in {".", "!", "?"}
    first = qe
    while first < a_end and doc[first].is_punct:
        first += 1
    for k in range(qe, a_end):
        if short_after and k + 1 < len(doc) and not (
                doc[k + 1].is_punct or doc[k + 1].pos_ == "ADP" or doc[k + 1].is_title
                or doc[k + 1].lower_ in lex.pronouns):
            continue
        cue = is_cue_verb(doc[k], lex)
        if (cue or (any_verb and doc[k].pos_ == "VERB")) and not _in_other_clause(doc, first, k):
            mention = speaker_of_verb(doc, doc[k], qe, a_end, lex, qs, qe)
            if mention is not None and (cue or _can_speak(doc, mention, lex)):
                if inner.endswith(("?", "!")) and _says_its_own(doc, (k, mention)):
                    break   # “...?” Lee replied that ... / Lee then wrote back, “...”
                after = (k, mention)   # any verb only with someone who can speak: not
                break                  # "“...,” the number needed to win"
    return after, first


def _says_its_own(doc: Doc, cue: tuple[int, Mention]) -> bool:
    """A reporting verb after a quote that ends its sentence ("?", "!") says words of its own,
    so it does not attribute the quote: it has a reported clause ("Lee replied that ...", "Lee
    joked that ...") or it opens the next quote ("Lee then wrote back, “...”")."""
    verb = doc[cue[0]]
    if any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return True
    end = max(cue[0] + 1, cue[1][1])
    while end < len(doc) and doc[end].i < cue[0] + 6 and not doc[end].is_punct:
        end += 1   # over "back", "to him"
    return end + 1 < len(doc) and doc[end].text in {",", ":"} and doc[end + 1].text in {"“", "‘", '"'}


#: what may join a speech noun to its quote ("her claim that “...”", "his answer was: “...”");
#: nothing at all ("Trump's comments “hurtful”") makes the quote a word about them, not them
_OWNER_LINKS = {("that",), (":",), (",",), ("—",), ("–",), ("-",), ("was", "that"), ("is", "that"),
                ("was", ":"), ("is", ":"), ("were", "that"), ("that", ",")}


def _cue_owner(doc: Doc, qs: int, qe: int, lo: int, lex: Lexicon,
               quoted: list[bool]) -> tuple[int, Mention] | None:
    """A noun naming what someone said, with its owner, right before the quote: "Trump's
    claim that “...”", "her remark: “...”", "in Lee's words, “...”". Returns (noun token, the
    owner's mention: a name, a noun phrase or a possessive pronoun) or None."""
    k = next((k for k in (qs - 2, qs - 3) if k >= lo and doc[k].lower_ in lex.speech_nouns
              and tuple(t.lower_ for t in doc[k + 1:qs]) in _OWNER_LINKS), None)
    if k is None:
        k = _owning_noun(doc, qs, qe, lo, lex, quoted)
    if k is None or quoted[k] or doc[k].pos_ != "NOUN":
        return None
    owner = next((c for c in doc[k].children if c.dep_ == "poss"), None)
    if owner is None or owner.i < lo or quoted[owner.i] or not_speaker(owner):
        return None
    if owner.lower_ in lex.possessives:
        return k, (owner.i, owner.i + 1)
    if owner.pos_ not in {"PROPN", "NOUN"}:
        return None
    mention = np_around(doc, owner, lex, lo, k)
    return (k, mention) if mention is not None else None


def _owning_noun(doc: Doc, qs: int, qe: int, lo: int, lex: Lexicon, quoted: list[bool]) -> int | None:
    """A speech noun above the quote in the parse whose "that" clause holds it ("Lee's
    accusation that Ann is playing the “woman's card”"), no reporting verb between them."""
    heads = sorted({t.head.i for t in doc[qs:qe] if not qs <= t.head.i < qe})
    for h in heads:
        for v in [doc[h], *ancestors(doc[h])]:
            if v.i >= qs or v.i < lo or is_cue_verb(v, lex):
                break
            if not quoted[v.i] and v.lower_ in lex.speech_nouns and v.pos_ == "NOUN" \
                    and any(t.lower_ == "that" for t in doc[v.i + 1:qs]):
                return v.i
    return None


def _according_to_opening(doc: Doc, qs: int, lex: Lexicon,
                          quoted: list[bool]) -> tuple[int, Mention] | None:
    """The source named by "According to X," or "In the words of X," opening the quote's
    sentence (over other quotes in between), or by "in the words of X," right before the quote
    ("Lee was, in the words of a senior adviser, “the torchbearer”"), for a quote with no cue
    of its own."""
    s0 = sent_start(doc[qs])
    words = [t.lower_ for t in doc[s0:min(s0 + 4, qs)]]
    if words[:2] == ["according", "to"]:
        cue, at = s0, s0 + 2
    elif words[:4] == ["in", "the", "words", "of"]:
        cue, at = s0 + 2, s0 + 4
    else:
        inset = _words_of_inset(doc, s0, qs, quoted)
        if inset is None:
            return None
        cue, at = inset
    if at >= qs or quoted[at]:
        return None
    mention = np_right(doc, at, qs, lex)
    return (cue, mention) if mention is not None else None


#: how many tokens the name in "in the words of X," may take before the quote
WORDS_OF_TOKENS = 12


def _words_of_inset(doc: Doc, s0: int, qs: int, quoted: list[bool]) -> tuple[int, int] | None:
    """(cue token "words", first token of the name) of an inset "in the words of X," that ends
    with a comma right before the quote, no quotation between; None when there is none."""
    k = qs - 1
    while k >= s0 and doc[k].is_quote:
        k -= 1
    if k < s0 + 4 or doc[k].text != ",":
        return None
    for i in range(k - 1, max(s0, k - WORDS_OF_TOKENS - 4) - 1, -1):
        if quoted[i] or doc[i].is_punct:
            return None
        if i + 4 < k and [t.lower_ for t in doc[i:i + 4]] == ["in", "the", "words", "of"]:
            return i + 2, i + 4
    return None


def _in_other_clause(doc: Doc, first: int, k: int) -> bool:
    """The verb at ``k`` after a quote is in a clause that a word between the quote and it
    opens: “...” until Haley said, “...” and Trump says, “...” which is what Y called it
    ("as X put it" right after the quote attributes the quote; the "and" of "an adviser and
    former director" and the "who" of "X, who lost, said" open no clause of the verb's)."""
    verb = doc[k]
    above = {a.i for a in ancestors(verb)} | {k}
    for j in range(first, k):
        tok = doc[j]
        if j == first and tok.lower_ == "as":
            continue
        if tok.pos_ == "SCONJ" or tok.dep_ == "mark" or tok.tag_ in {"WDT", "WP", "WRB"}:
            if tok.head.i in above and tok.head.dep_ != "relcl" or tok.head.i == k:
                return True
        elif tok.pos_ == "CCONJ" and tok.head.pos_ in {"VERB", "AUX"}:
            # the verbs joined after the "and": the clause of the verb at k when it is one
            if any(c.dep_ == "conj" and c.i > j and c.i in above for c in tok.head.children):
                return True
    return False


def _cue_dash(doc: Doc, q: Quote, text: str, lex: Lexicon, quoted: list[bool]) -> bool:
    """“...” ― Karen Lee.  A dash and a name right after the quote, ending the sentence or
    the paragraph (the style of captions and of lists of quotations), or opening the next
    paragraph when the quote ends its own (“...”¶- Karen Lee, at the rally)."""
    m = _DASH_AFTER.match(text, q.end)
    next_para = m is None
    if next_para:
        m = _DASH_NEXT.match(text, q.end)
    if m is None or m.end() >= len(text):
        return False
    dash = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    name = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
    if dash is None or name is None:
        return False
    hi = _after_window(doc, name.start, 12, quoted)
    k = name.start
    while k < hi and (doc[k].is_title or doc[k].lower_ in _NAME_PARTICLES
                      or (len(doc[k].text) == 2 and doc[k].text[0].isupper() and doc[k].text[1] == ".")):
        k += 1
    np_ = (name.start, k)
    # the name must end the sentence or paragraph: “...” — and then he left; a byline in a
    # paragraph of its own may go on after a comma ("— Ann Lee, at the rally")
    ends = all(doc[t].is_space or doc[t].is_punct for t in range(k, hi)) \
        or (next_para and k < len(doc) and doc[k].text == ",")
    if k == name.start or not ends:
        return False
    if k - name.start < 2 and doc[name.start].ent_type_ != "PERSON":
        return False
    if next_para and not any(doc[t].ent_type_ in {"PERSON", "ORG"} for t in range(name.start, k)):
        return False   # "“...”¶- Tax Cuts For All": a list after the quote, no byline
    _found(q, (dash.start, dash.start + 1), np_, "after", True)
    q.byline = True
    return True


#: dashes that set off a source's name before a colon ("Pollsters agree - Ann Lee: “...”")
_DASHES = {"-", "—", "–", "―", "--"}
#: the most tokens of a name between such a dash and the colon
NAME_TOKENS = 6


def _dash_name_colon(doc: Doc, q: Quote, qs: int, quoted: list[bool]) -> bool:
    """A dash, a name and a colon right before the quote, the style of digests that cite
    their sources ("Early polls missed it - Ann Lee: “...”", "- Pew Research: “...”"): the
    name (a person's or an organisation's entity, or proper nouns only) is the speaker, not
    the subject of the sentence before the dash."""
    k = qs - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 1 or doc[k].text != ":":
        return False
    j = k - 1
    while j >= 0 and k - j <= NAME_TOKENS and not quoted[j] and (
            doc[j].is_title or doc[j].lower_ in _NAME_PARTICLES or doc[j].text == "."
            or (doc[j].text[:1].isupper() and doc[j].is_alpha)):
        j -= 1
    if j < 0 or j == k - 1 or doc[j].text not in _DASHES or "\n" in doc[j + 1:k].text:
        return False
    name = doc[j + 1:k]
    if not (any(t.ent_type_ in {"PERSON", "ORG"} for t in name)
            or all(t.pos_ == "PROPN" or t.text == "." or t.lower_ in _NAME_PARTICLES for t in name)):
        return False   # "three demands - pay, hours and a pension:" is no source
    _found(q, (k, k + 1), (j + 1, k), "colon", True)
    return True


def _cue_before(doc: Doc, q: Quote, qs: int, qe: int, b_start: int, lex: Lexicon,
                quoted: list[bool]) -> tuple[int, Mention] | None:
    """A cue before the quote in its sentence (X said: “...” / called it “...”), preferring
    one that governs the quote in the parse; sets ``q.governed``."""
    cands = [k for k in range(qs - 1, b_start - 1, -1)
             if is_cue_verb(doc[k], lex)
             or (doc[k].lower_ == "according" and k + 1 < qs and doc[k + 1].lower_ == "to")]
    if not cands:
        return None
    heads = {t.head.i for t in doc[qs:qe] if not qs <= t.head.i < qe}
    governing = set()
    for h in heads:
        governing.add(h)
        governing.update(a.i for a in ancestors(doc[h]))

    def rank(k: int) -> tuple[int, int]:
        weak = doc[k].lower_ in lex.weak_forms
        if weak and qs - k > 3:
            return (9, 0)
        return (0 if k in governing and not weak else 1 if k in governing else 2, qs - k)

    for k in sorted(cands, key=rank):
        if rank(k)[0] == 9:
            break
        if k in governing and _unsaid(doc[k]) \
                and any(a.i in governing and a.i in cands for a in ancestors(doc[k])):
            continue   # "X said he expects that Y will say “no”": X's words, Y said nothing
        mention = speaker_of_verb(doc, doc[k], b_start, qs, lex, qs, qe, quoted)
        if mention is not None and k in governing and _mute_thing(doc, mention, lex) \
                and any(a.i in governing and a.i in cands for a in ancestors(doc[k])):
            continue   # "She warned that the turmoil shows a need for “...”": hers
        if mention is not None:
            q.governed = k in governing
            return k, mention
    return None


_MODALS = {"will", "would", "could", "should", "might", "may", "can", "must", "'ll", "’ll", "wo", "ca"}


def _unsaid(verb: Token) -> bool:
    """A reporting verb that reports no speech: with a modal ("will say"), before a
    complement ("continue to be"), an infinitive ("to announce") or a gerund after a
    preposition ("for not calling")."""
    if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _MODALS for c in verb.children):
        return True
    if any(c.dep_ == "xcomp" for c in verb.children):
        return True
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp"


def _cue_colon(doc: Doc, q: Quote, qs: int, qe: int, lex: Lexicon, quoted: list[bool]) -> bool:
    """A colon at the end of the previous paragraph or sentence: X said:\\n\\n“...”."""
    k = qs - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or doc[k].text != ":":
        return False
    b2 = before_window(doc, k, BEFORE_TOKENS, quoted)
    for v in range(k - 1, b2 - 1, -1):
        # "X notes:", but not "the Washington Post:"
        if is_cue_verb(doc[v], lex) or (doc[v].lower_ in lex.verb_forms and not in_name(doc[v])
                                        and not _owned_noun(doc[v])):
            mention = speaker_of_verb(doc, doc[v], b2, k, lex, qs, qe)
            if mention is not None:
                _found(q, (v, v + 1), mention, "colon", True)
                return True
    # "Trump: “...”" -- a name and a colon
    np_ = np_left(doc, k - 1, b2, lex)
    if np_ is not None and np_[0] == b2 and any(doc[t].ent_type_ == "PERSON" for t in range(*np_)):
        _found(q, (k, k + 1), np_, "colon", True)
        return True
    # "Here’s Clinton in December 1992:" -- the person named before the colon; in a
    # title-cased headline the first one, its subject ("Lee Praises Aide Tom Hale: ‘...’")
    order = range(b2, k) if _title_cased(doc, b2, k) else range(k - 1, b2 - 1, -1)
    for t in order:
        if doc[t].ent_type_ == "PERSON" and not quoted[t]:
            ent = ent_of(doc[t])
            _found(q, (k, k + 1), (ent.start, ent.end), "colon", True)
            return True
    # "X listed the questions:" -- any verb with a subject introduces the quote
    for v in range(k - 1, b2 - 1, -1):
        if doc[v].pos_ == "VERB":
            mention = speaker_of_verb(doc, doc[v], b2, k, lex, qs, qe)
            if mention is not None:
                _found(q, (v, v + 1), mention, "colon", True)
                return True
    return False


def _owned_noun(tok: Token) -> bool:
    """A verb form the tagger read as a noun with an owner or a determiner ("From Bush's Facebook
    post:", "the latest update:"): a noun, not a cue ("Lee notes:")."""
    return tok.pos_ == "NOUN" and any(c.dep_ in {"poss", "det"} for c in tok.children)


def _cue_headline(doc: Doc, q: Quote, qs: int, text: str, *, title_case: bool = False) -> bool:
    """A headline's "Name: ... ‘quote’" or "Name On Topic: ‘quote’" (the name before "On",
    in a title-cased paragraph). With ``title_case``, only a title-cased paragraph counts (the
    step then runs before the subject of the verb that governs the quote is taken:
    "Ann Ruiz: Tom Hale ‘Not Fit To Serve’" is Ann Ruiz's words)."""
    lo = max(0, q.start - HEADLINE_CHARS)
    nl = text.rfind("\n", lo, q.start)
    if nl < 0 and lo > 0:
        return False   # a paragraph this long is no headline
    # the paragraph's first token: the one after the token holding its newline
    p0 = 0 if nl < 0 else doc.char_span(nl, nl + 1, alignment_mode="expand").end
    titled = qs - p0 <= HEADLINE_TOKENS and _title_cased(doc, p0, qs)
    if title_case and not titled:
        return False
    for c in range(p0 + 1, min(p0 + 6, qs)):
        if doc[c].text == ":":
            if _capitalised_name(doc, p0, c) \
                    and (p0 == 0 or any(doc[t].ent_type_ in SPEAKER_LABELS for t in range(p0, c))):
                _found(q, (c, c + 1), (p0, c), "colon", True)
                return True
            return False
        if doc[c].lower_ == "on" and titled and _capitalised_name(doc, p0, c) \
                and any(doc[t].ent_type_ in {"PERSON", "ORG"} for t in range(p0, c)) \
                and any(doc[t].text == ":" for t in range(c + 1, qs)):
            _found(q, (c, c + 1), (p0, c), "colon", True)   # "Ann Ruiz On The Budget: ‘...’"
            return True
    return False


def _capitalised_name(doc: Doc, a: int, b: int) -> bool:
    return all(doc[t].text[:1].isupper() or doc[t].is_punct for t in range(a, b))


def _cue_previous_sentence(doc: Doc, q: Quote, qs: int, qe: int, b_start: int, lex: Lexicon,
                           quoted: list[bool]) -> bool:
    """The sentence before, in the same or the previous paragraph: X writes. “...”"""
    if not (b_start == qs or not any(not doc[t].is_punct for t in range(b_start, qs))):
        return False
    k = b_start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or doc[k].text not in {".", "!", "?"}:
        return False
    b3 = before_window(doc, k, BEFORE_TOKENS, quoted)
    # the main clause's cue first: "Trump shot back that the journalist had not been called
    # on." and "“...,” X said, after Y declared ..." speak for Trump and X, not for the
    # clause inside
    cands = sorted((v for v in range(k - 1, b3 - 1, -1) if is_cue_verb(doc[v], lex)),
                   key=lambda v: (_depth(doc[v], b3), k - v))
    for v in cands:
        mention = speaker_of_verb(doc, doc[v], b3, k, lex, qs, qe)
        if mention is not None:
            q.cue, q.mention, q.method = (v, v + 1), mention, "previous"
            return True
    return False


def _depth(tok: Token, lo: int) -> int:
    """How many heads above ``tok`` lie in its sentence (from token ``lo`` on): 0 for the
    main verb."""
    return sum(1 for a in ancestors(tok) if a.i >= lo)


__all__ = ["attribute", "passive_listener", "reporting_ancestor", "speaker_of_verb", "governing_subject", "before_window", "skip_parens",
           "skip_left_aux", "AFTER_TOKENS", "BEFORE_TOKENS"]
