"""Token-level helpers for attribution: noun phrases, cue verbs and entities around a quote.

They read the parse, tags and entities when a model ran, and fall back on the tokens' tags,
capitalisation and entities when it did not, so that a broken parse (PDF text) still gives a
speaker. Ranges are token indices ``(start, end)``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .. import schema
from .lexicon import Lexicon
from .names import first_name_gender

SUBJ_DEPS = {"nsubj", "nsubjpass"}
_NP_POS = {"PROPN", "NOUN", "ADJ", "DET", "NUM", "PRON"}
NOT_SPEAKERS = {"i", "that", "which", "who", "what", "there", "this", "me", "you"}
RELATIVES = {"who", "that", "which"}
_NOT_SPEAKER_ENTS = frozenset(schema.DATE_LABELS + schema.QUANTITY_LABELS)
SPEAKER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}


#: the head words of a share ("21 percent", "21%", "21 per cent"): as the subject of a verb, the
#: share of the people asked ("21 percent said")
SHARE_WORDS = frozenset({"percent", "%", "cent"})


def not_speaker(tok: Token) -> bool:
    """A date, number or amount cannot speak ("the 46-year-old" can)."""
    return tok.ent_type_ in _NOT_SPEAKER_ENTS and not tok.lower_.endswith("old")


def share_of_people(tok: Token, verb: Token, lex: Lexicon) -> bool:
    """``tok`` is a share ("21 percent", "21%") that is the subject of the reporting verb
    ``verb``: the share of the people asked who said it ("21 percent said “not too likely”")."""
    return tok.ent_type_ == "PERCENT" and tok.lower_ in SHARE_WORDS and tok.dep_ == "nsubj" \
        and tok.head.i == verb.i and is_cue_verb(verb, lex)


#: entity labels of names that can hold a word that is also a reporting verb ("the Washington Post")
_NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "LAW"})


def in_name(tok: Token) -> bool:
    """``tok`` is inside a name, after its first word ("Post" in "the Washington Post")."""
    return tok.ent_iob_ == "I" and tok.ent_type_ in _NAME_LABELS and tok.text[:1].isupper()


def is_cue_verb(tok: Token, lex: Lexicon) -> bool:
    low = tok.lower_
    if in_name(tok):
        return False
    if tok.i + 1 < len(tok.doc) and f"{low} {tok.doc[tok.i + 1].lower_}" in lex.phrasal:
        return True
    if low not in lex.verb_forms:
        return False
    if low in lex.tag_free:
        return True
    return tok.tag_.startswith("VB")


def ent_of(tok: Token) -> Span | None:
    """The speaker-like entity (PERSON, ORG, NORP, GPE) that ``tok`` is part of, if any."""
    if tok.ent_type_ not in SPEAKER_LABELS:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


#: how far (in tokens) a walk over a sentence, a paragraph or the parse may go: real sentences
#: and parses stay far inside these bounds; they keep hostile input (one sentence of thousands
#: of quotation marks) linear
MAX_WALK = 400
MAX_DEPTH = 60


def sent_start(tok: Token) -> int:
    """Index of the first token of ``tok``'s sentence (cheaper than ``tok.sent``), looking back
    at most ``MAX_WALK`` tokens."""
    doc, k = tok.doc, tok.i
    while k > 0 and not doc[k].is_sent_start and tok.i - k < MAX_WALK:
        k -= 1
    return k


def ancestors(tok: Token) -> list[Token]:
    """``tok``'s heads up to the root of its parse, at most ``MAX_DEPTH`` of them."""
    out = []
    while tok.head.i != tok.i and len(out) < MAX_DEPTH:
        tok = tok.head
        out.append(tok)
    return out


def is_pronoun(tok: Token, lex: Lexicon) -> bool:
    return tok.lower_ in lex.pronouns


def np_around(doc: Doc, head: Token, lex: Lexicon, lo: int, hi: int) -> tuple[int, int] | None:
    """Token range of the noun phrase headed by ``head``, kept within [lo, hi)."""
    if is_pronoun(head, lex):
        return head.i, head.i + 1
    ent = ent_of(head)
    # "Her spokesman, Nick Merrill, said": prefer the named apposition
    for child in head.children:
        if child.dep_ == "appos" and ent_of(child) is not None and lo <= child.i < hi:
            e = ent_of(child)
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
        elif head.lower_ in SHARE_WORDS and child.dep_ == "prep" and child.lower_ == "of" \
                and child.right_edge.i < hi:
            end = max(end, child.right_edge.i + 1)   # "21 percent of voters": of whom
    return start, end


def np_right(doc: Doc, i: int, hi: int, lex: Lexicon) -> tuple[int, int] | None:
    """Noun phrase starting at token i (surface patterns; no parse needed)."""
    if i >= hi or not_speaker(doc[i]):
        return None
    tok = doc[i]
    if is_pronoun(tok, lex) and tok.lower_ != "i":
        return i, i + 1
    head = _named_head(doc, i, hi, lex)
    if head is not None:
        return head
    ent = ent_of(tok)
    if ent is not None and ent.start == i:
        return ent.start, min(ent.end, hi)
    j = i
    while j < hi and (doc[j].pos_ in _NP_POS or _titled(doc[j]) or _inner_hyphen(doc, j)
                      or (j > i and _possessive(doc[j]))) \
            and (not doc[j].is_punct or _inner_hyphen(doc, j)) \
            and doc[j].lower_ not in lex.verb_forms and doc[j].lower_ not in {"who", "which", "that"}:
        j += 1
        if j - i >= 8:
            break
    while j > i + 1 and _possessive(doc[j - 1]):
        j -= 1   # "the bank's" alone: the owner
    if j == i:
        return None
    if not any(doc[k].pos_ in {"PROPN", "NOUN"} or _titled(doc[k]) or doc[k].lower_ in lex.speaker_nouns
               for k in range(i, j)):
        return None   # "some" (on Twitter) names a group; "the first" nobody
    return i, j



def surname_word(doc: Doc, j: int) -> bool:
    """Token j is a capitalised word that ends a person's name of two or more words elsewhere
    in the article ("Will" after "George Will", "May" after "Theresa May")."""
    tok = doc[j]
    if not tok.is_title or not tok.is_alpha:
        return False
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == tok.text and not e.start <= j < e.end
               for e in doc.ents)


#: parts of speech of capitalised words that are no part of a name ("And", "Of", "When" opening
#: a sentence)
_FUNCTION_POS = frozenset({"CCONJ", "SCONJ", "ADP", "ADV", "AUX", "PART", "VERB", "INTJ"})


def _titled(tok: Token) -> bool:
    """A capitalised word that may be part of a name: not a function word capitalised because
    it opens a sentence ("And Lee said"); with no tagger run every capitalised word may."""
    return tok.is_title and tok.pos_ not in _FUNCTION_POS


def _possessive(tok: Token) -> bool:
    return tok.tag_ == "POS" or tok.lower_ in {"’s", "'s"}


def _named_head(doc: Doc, i: int, hi: int, lex: Lexicon) -> tuple[int, int] | None:
    """The person at the head of an apposition starting at token i: "Aston's chief executive
    Ulrich Bez" -> Ulrich Bez, "the club's manager Ann Lee" -> Ann Lee; None when the phrase
    names no person after its first words."""
    k = i
    while k < min(hi, i + 9):
        t = doc[k]
        if t.ent_type_ == "PERSON" and k > i and (doc[i].ent_type_ != "PERSON" or doc[k].ent_iob_ == "B"):
            ent = ent_of(t)
            return ent.start, min(ent.end, hi)
        if k > i and _first_and_surname(doc, k, hi, lex):
            # "Oversight ranking Democrat Elijah Cummings" with the name missed by the NER: a
            # known first name and a capitalised surname end the phrase
            return k, k + 2
        if not (_possessive(t) or t.pos_ in _NP_POS or t.is_title or _inner_hyphen(doc, k)
                or (k > i and t.tag_ in {"VBG", "VBN"} and t.is_lower and doc[k - 1].is_title)) \
                or (t.is_punct and not _inner_hyphen(doc, k)) or t.lower_ in lex.verb_forms:
            return None   # a participle may sit in a title ("Oversight ranking Democrat")
        k += 1
    return None


def _first_and_surname(doc: Doc, k: int, hi: int, lex: Lexicon) -> bool:
    """Tokens k, k+1 are a known first name and a capitalised proper noun that the NER left
    without a label, and no capitalised word follows them: a person's name."""
    if k + 1 >= hi:
        return False
    first, last = doc[k], doc[k + 1]
    after = doc[k + 2] if k + 2 < len(doc) else None
    return first_name_gender(first.text, lex) is not None \
        and first.is_title and last.is_title \
        and first.pos_ == last.pos_ == "PROPN" \
        and not first.ent_type_ and not last.ent_type_ \
        and (after is None or k + 2 >= hi or not after.is_title)


def _inner_hyphen(doc: Doc, j: int) -> bool:
    """A hyphen inside a word ("46-year-old")."""
    return doc[j].text == "-" and not doc[j - 1].whitespace_ and j + 1 < len(doc)


def np_left(doc: Doc, j: int, lo: int, lex: Lexicon) -> tuple[int, int] | None:
    """Noun phrase ending at token j (inclusive)."""
    if j < lo or not_speaker(doc[j]):
        return None
    tok = doc[j]
    if is_pronoun(tok, lex) and tok.lower_ != "i":
        return j, j + 1
    ent = ent_of(tok)
    if ent is not None and ent.end == j + 1:
        return max(ent.start, lo), ent.end
    i = j
    while i >= lo and (doc[i].pos_ in _NP_POS or _titled(doc[i])) and not doc[i].is_punct \
            and doc[i].lower_ not in lex.verb_forms:
        i -= 1
        if j - i >= 8:
            break
    if i == j:
        return None
    if not any(doc[k].pos_ in {"PROPN", "NOUN"} or _titled(doc[k]) for k in range(i + 1, j + 1)):
        return None
    return i + 1, j + 1


def tok_range(doc: Doc, start_char: int, end_char: int) -> tuple[int, int]:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return 0, 0
    return span.start, span.end



__all__ = ["SUBJ_DEPS", "NOT_SPEAKERS", "RELATIVES", "SPEAKER_LABELS", "not_speaker", "is_cue_verb", "in_name",
           "ent_of", "sent_start", "ancestors", "MAX_WALK", "MAX_DEPTH", "is_pronoun", "np_around", "np_right", "np_left", "tok_range",
           "surname_word"]
