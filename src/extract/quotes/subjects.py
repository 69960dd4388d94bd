"""Who speaks through a cue verb: the verb's subject in the parse, the "by" phrase of a passive,
or the noun phrase next to the verb.

:func:`speaker_of_verb` is the one entry point the attribution steps
(:mod:`extract.quotes.attribution`) call for a cue verb they found: it climbs from "..., saying"
or "a statement calling" to the clause that has a subject, passes a reporting verb joined to a
clause it reports, reads "“...,” says X" right after a quote, and falls back on the noun
phrase left of the verb from the tokens' tags, capitalisation and entities. :func:`can_speak`
says whether a mention may name a speaker at all.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import Lexicon
from .phrases import (NOT_SPEAKERS, RELATIVES, SPEAKER_LABELS, SUBJ_DEPS, ent_of, is_cue_verb, is_pronoun,
                      not_speaker, np_around, np_left, np_right, sent_start, share_of_people, surname_word)
from .speakers import speaker_noun_kind

_AUX_WORDS = {"has", "have", "had", "would", "will", "did", "does", "do", "was", "is", "later", "also",
              "then", "again", "once", "recently", "previously", "simply", "flatly", "repeatedly",
              "just", "even", "still", "now", "further", "publicly", "privately", "reportedly",
              "has", "could", "might", "may", "can"}
_CLIMB_DEPS = {"advcl", "xcomp", "conj", "acl", "dobj", "pobj", "prep", "pcomp", "appos"}

Mention = tuple[int, int]

def speaker_of_verb(doc: Doc, verb: Token, lo: int, hi: int, lex: Lexicon,
                    qs: int, qe: int, quoted: list[bool] | None = None) -> Mention | None:
    """The mention (token range) of who speaks through ``verb``; lo..hi bound the search.
    With ``quoted`` given, the verb's subject may lie anywhere earlier in its sentence outside
    quotations ("He called it “shameful” and called on leaders “not to ...”")."""
    def outside(k: int) -> bool:
        return not (qs <= k < qe) and (quoted is None or not quoted[k])

    lo_subj = min(lo, sent_start(verb)) if quoted is not None else lo

    if verb.lower_ == "according":
        for k in range(verb.i + 1, min(verb.i + 3, hi)):
            if doc[k].lower_ == "to":
                return np_right(doc, k + 1, hi, lex)
        return None
    first = qe
    while first < len(doc) and doc[first].is_punct and not doc[first].is_quote:
        first += 1
    if (verb.i == first or _after_closing_mark(doc, verb)) and verb.tag_ != "VBG" \
            and verb.lower_ not in lex.listener_forms:
        # “...,” says X  (right after a quote only); over the second word of a two-word cue
        # ("put it", "shot back"), which is no speaker
        after = verb.i + 2 if verb.i + 1 < len(doc) and f"{verb.lower_} {doc[verb.i + 1].lower_}" in lex.phrasal \
            else verb.i + 1
        np_ = np_right(doc, after, hi, lex)
        if np_ is not None and not (np_[1] < len(doc) and doc[np_[1]].tag_ in _CLAUSE_VERB_TAGS
                                    and _subject_before_quote(verb, qs)):
            return np_   # not "X, citing “...” said the candidate could win": a reported clause
        if np_ is None and verb.i + 1 < hi and surname_word(doc, verb.i + 1) \
                and (verb.i + 2 >= len(doc) or doc[verb.i + 2].is_punct):
            return verb.i + 1, verb.i + 2   # “...,” said Skelly: a known surname the tagger
                                            # took for an adverb
    inverted = _inverted_listener(doc, verb, first, hi, lex)
    if inverted is not None:
        return inverted   # “Why now?” asked a reporter: who asks, not who is asked
    v = _speaking_verb(doc, verb, lo_subj, hi, lex)
    if not _says_the_quote(doc, v, qs, qe):
        v = _reported_by(doc, v, lo_subj, lex)
    mention = _subject_in_parse(doc, v, lo_subj, hi, lex, quoted, outside)
    if mention is not None and verb.tag_ == "VBG" and verb.i > mention[1] \
            and (dummy_it(doc[mention[0]]) or mute_thing(doc, mention, lex)):
        # "It was a long night, as Lee conceded, saying ...", "The first incident came when
        # protesters interrupted her, shouting ...": a copula's "it" or a thing says nothing;
        # the participle speaks for the nearest clause before it whose subject can speak
        nearer = _subject_past_dummy(doc, doc[mention[1] - 1], verb, lex, outside)
        mention = nearer if nearer is not None or dummy_it(doc[mention[0]]) else mention
    if mention is not None or passive_listener(v, lex):
        return mention
    if verb.tag_ == "VBG":
        # "..., calling him": no subject of its own to the left; when the parse gives the main
        # clause none either, a person or pronoun opening the sentence is it
        return _opening_subject(doc, verb, lo_subj, lex, outside)
    if verb.i > 0 and doc[verb.i - 1].text == "," and verb.tag_ in {"VBD", "VBZ", "VBP"} \
            and verb.lower_ not in lex.listener_forms:
        # "... for the first time, reported the Daily Star.": the name after the verb
        np_ = np_right(doc, verb.i + 1, hi, lex)
        if np_ is not None and can_speak(doc, np_, lex) \
                and (np_[1] >= len(doc) or doc[np_[1]].text in {".", ",", ";", "!", "?"}):
            return np_   # not "X, whose firm ..., said Mr. Trump was": a clause follows
    return _speaker_left_of(doc, verb, lo, lex, outside)


def _opening_subject(doc: Doc, verb: Token, lo: int, lex: Lexicon, outside) -> Mention | None:
    """The person's name or pronoun that opens the sentence of a participle after a comma
    ("Trump defended eminent domain, calling it an “absolute necessity”", where the parse
    took "Trump" for the main verb: a PERSON, or a surname of a person named in the article),
    when no word between them is a subject in the parse."""
    k = verb.i - 1
    while k > 0 and doc[k].is_quote:
        k -= 1
    if k < 0 or doc[k].text != ",":
        return None
    s0 = max(sent_start(verb), lo)
    first = doc[s0]
    if not outside(s0) or any(t.dep_ in SUBJ_DEPS for t in doc[s0 + 1:verb.i]):
        return None
    if is_pronoun(first, lex) and first.lower_ not in {"it", "i"}:
        return s0, s0 + 1
    ent = ent_of(first)
    if ent is not None and ent.label_ == "PERSON" and ent.start == s0:
        return ent.start, ent.end
    if ent is None and surname_word(doc, s0):
        return s0, s0 + 1   # a surname the parse took for a verb ("Trump defended")
    return None


#: how many words may follow the noun phrase after an inverted listener verb before the end of
#: the sentence or a comma ("asked a reporter at the back of the room.")
INVERTED_TAIL = 6


def _inverted_listener(doc: Doc, verb: Token, first: int, hi: int, lex: Lexicon) -> Mention | None:
    """“Why now?” asked a reporter. / “Stop,” warned the officer, ... : a verb whose object
    usually listens (listener_verbs), right after the quote, in the past or present tense, with
    no subject of its own in the parse, before a noun phrase (no object pronoun: "asked him")
    that ends the sentence or meets a comma over at most ``INVERTED_TAIL`` words with no verb,
    "to" or "that" among them ("urged voters to ..." is whom it urged): the phrase speaks."""
    if verb.lower_ not in lex.listener_forms or verb.tag_ not in {"VBD", "VBZ"} \
            or not (verb.i == first or _after_closing_mark(doc, verb)) \
            or any(c.dep_ in SUBJ_DEPS for c in verb.children):
        return None
    np_ = np_right(doc, verb.i + 1, hi, lex)
    if np_ is None or doc[np_[0]].lower_ in _OBJECT_PRONOUNS or not can_speak(doc, np_, lex):
        return None
    for t in doc[np_[1]:np_[1] + INVERTED_TAIL + 1]:
        if t.text in {".", ",", "!", "?", ";"}:
            return np_
        if t.pos_ in {"VERB", "AUX"} or t.lower_ in {"to", "that"} or t.is_quote or "\n" in t.text:
            return None
    return np_ if np_[1] >= len(doc) else None


#: pronouns that are only objects: "“...,” asked him" names whom it asked
_OBJECT_PRONOUNS = {"him", "her", "them", "me", "us"}


#: tags of a verb right after the noun phrase that follows a cue whose subject stands before the
#: quote: the phrase is the subject of a reported clause, not the speaker ("said the candidate
#: could win")
_CLAUSE_VERB_TAGS = {"MD", "VBZ", "VBD", "VBP"}


def _subject_before_quote(verb: Token, qs: int) -> bool:
    """The subject of ``verb`` nearest it stands before the quote and does not hold it ("Mr.
    Hale, citing “...,” said"; not "3 percent of “liberals” said")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS and c.i < verb.i]
    return bool(subjects) and max(subjects, key=lambda c: c.i).right_edge.i < qs


def _after_closing_mark(doc: Doc, verb: Token) -> bool:
    """``verb`` follows a quote's closing mark (over a comma): “...,” said X, in the sentence
    before the quote being attributed."""
    k = verb.i - 1
    while k >= 0 and doc[k].text == ",":
        k -= 1
    return k >= 1 and doc[k].is_quote and doc[k].text not in {"“", "‘"} \
        and doc[k - 1].text in {",", "?", "!", "."}


def _speaking_verb(doc: Doc, verb: Token, lo_subj: int, hi: int, lex: Lexicon) -> Token:
    """The verb whose subject speaks through ``verb``: the main clause's for "..., saying", the
    outer reporting verb's for a reporting verb joined to a reported clause; else ``verb``."""
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
    if outer is not None and lo_subj <= outer.i < hi and is_cue_verb(outer, lex) \
            and not any(c.dep_ in SUBJ_DEPS for c in v.children):
        # "X said the move was made by Y and said, “...”": a reporting verb joined to the
        # clause X reports speaks for X, not for that clause's subject, unless the clause is
        # about someone who can speak ("X said Y lied and said ...")
        inner = [c for c in v.head.children if c.dep_ in SUBJ_DEPS]
        if inner and not (inner[0].ent_type_ in {"PERSON", "ORG"}
                          or (is_pronoun(inner[0], lex) and inner[0].lower_ != "it")):
            v = outer
    return v


#: how a quote hangs from the verb that says it ("called it “a sham”", "said “...”")
_SAID_DEPS = {"dobj", "oprd", "ccomp", "xcomp", "attr", "acomp"}


def _says_the_quote(doc: Doc, v: Token, qs: int, qe: int) -> bool:
    """The quote is what ``v`` says: its head hangs from ``v`` as an object or complement, or
    from a preposition of ``v`` ("described it as “...”")."""
    heads = [t for t in doc[qs:qe] if not qs <= t.head.i < qe and not t.is_punct]
    for t in heads:
        if t.head.i == v.i and t.dep_ in _SAID_DEPS:
            return True
        if t.dep_ in {"pobj", "appos"} and t.head.head.i == v.i and t.head.dep_ in {"prep", "dobj"}:
            return True    # "described it as “...”", "called the plan “...”" (an apposition)
    return False


def _reported_by(doc: Doc, v: Token, lo_subj: int, lex: Lexicon) -> Token:
    """The outer reporting verb when ``v`` (which does not say the quote itself) heads a clause
    it reports and its subject is a person ("Trump said Fox executives were calling “every 15
    minutes”": Trump reports the words, so he is the speaker; but "X said Y called it “a sham”"
    stays Y's), with no quotation mark or paragraph break between the two verbs; else ``v``.
    A document or a thing as the outer subject leaves ``v`` ("the report said ...")."""
    outer = v.head
    if v.dep_ != "ccomp" or outer.i >= v.i or outer.i < lo_subj or not is_cue_verb(outer, lex):
        return v
    subj = [c for c in outer.children if c.dep_ in SUBJ_DEPS and c.i < v.i]
    if not subj or not (subj[0].ent_type_ == "PERSON" or (is_pronoun(subj[0], lex) and subj[0].lower_ != "it")):
        return v
    if any(t.is_quote or "\n" in t.text for t in doc[outer.i:v.i]):
        return v
    return outer


def _subject_in_parse(doc: Doc, v: Token, lo_subj: int, hi: int, lex: Lexicon,
                      quoted: list[bool] | None, outside) -> Mention | None:
    """The subject of ``v``, or of the verb it hangs from (up to four steps up)."""
    for _ in range(4):
        # a verb inside another quotation has the quoted clause's subject, not the speaker
        children = v.children if quoted is None or not quoted[v.i] else ()
        # a clause has one subject: when the parse gives two ("Speaking in Salem, New
        # Hampshire, Trump went ..."), the one next to the verb is it
        children = sorted(children, key=lambda c: abs(c.i - v.i))
        if passive_listener(v, lex):
            # "X was asked by Y" / "X was called “a liar” by Y": Y speaks; X listens
            return _agent(doc, v, lo_subj, lex, outside)
        for child in children:
            if child.dep_ in SUBJ_DEPS and dummy_it(child) and v.dep_ == "ccomp" \
                    and v.head.i < child.i and lo_subj <= v.head.i:
                # "Gore insisted it was “premature” to back her while adding ...": a copula's
                # "it" says nothing; the participle speaks for the verb reporting its clause
                break
            if child.dep_ in SUBJ_DEPS and lo_subj <= child.i < hi and outside(child.i) \
                    and (not not_speaker(child) or share_of_people(child, v, lex)):
                if child.lower_ in RELATIVES and v.dep_ == "relcl" and lo_subj <= v.head.i < hi:
                    return child.i, child.i + 1   # "Beck, who has said": named in name_speaker
                if child.lower_ in NOT_SPEAKERS:
                    continue
                if child.pos_ == "ADP":
                    # "Of Carson, Levine, who ..., said": the parse made the fronted preposition
                    # the subject; its object after the comma is the subject, else there is none
                    child = _object_of_fronted_preposition(child)
                    if child is None:
                        continue
                if child.pos_ in {"PROPN", "NOUN", "PRON"} or child.is_title:
                    inset = _parenthetical_subject(doc, child, v)
                    if inset is not None:
                        return np_around(doc, inset, lex, lo_subj, hi)
                    return np_around(doc, child, lex, lo_subj, hi)
        as_obj = _object_of_as(v)
        if as_obj is not None and lo_subj <= as_obj.i < hi and outside(as_obj.i):
            return np_around(doc, as_obj, lex, lo_subj, hi)
        # "..., adding/calling/saying", "issued a statement calling": the subject is the one
        # of the verb it hangs from
        if (v.dep_ in _CLIMB_DEPS or (v.dep_ == "ccomp" and any(dummy_it(c) for c in v.children))) \
                and v.head.i != v.i and lo_subj <= v.head.i < hi:
            v = v.head
        else:
            return None
    return None


def _object_of_as(v: Token) -> Token | None:
    """"As Akhil Amar, a professor at Yale, put it, “...”": a verb with no subject in the parse
    whose clause opens with "as", the parse having taken "as" for a preposition and the name
    after it for its object; that name (a person's, a pronoun or a proper noun) is the
    subject. None otherwise."""
    for mark in v.children:
        if mark.lower_ != "as" or mark.i > v.i or mark.dep_ not in {"mark", "prep"}:
            continue
        for obj in mark.children:
            if obj.dep_ == "pobj" and obj.i < v.i \
                    and (obj.ent_type_ in {"PERSON", "ORG"} or obj.pos_ in {"PROPN", "PRON"}):
                return obj
    return None


def _object_of_fronted_preposition(prep: Token) -> Token | None:
    """The object of a preposition the parse took for a subject that follows a comma after the
    preposition's own noun phrase ("Of Carson, Levine ... said": Levine) and is a person's
    name; None otherwise."""
    for obj in prep.children:
        if obj.dep_ == "pobj" and obj.ent_type_ == "PERSON" and obj.i > prep.i + 1 \
                and any(t.text == "," for t in prep.doc[prep.i + 1:obj.i]):
            return obj
    return None


def _parenthetical_subject(doc: Doc, subj: Token, v: Token) -> Token | None:
    """"Clinton, a top aide said, “is very confident”": a noun phrase after a comma, with no
    comma between it and the verb, and a comma right after the verb, which says nothing after
    it, is the subject of a parenthetical "X said,"; the phrase before is what it speaks of
    (the parse reads an apposition: "Clinton, a top aide, said" closes it with a comma)."""
    if v.i + 1 >= len(doc) or doc[v.i + 1].text != "," \
            or any(c.dep_ in {"ccomp", "dobj", "xcomp"} and c.i > v.i for c in v.children):
        return None
    for a in subj.children:
        if a.dep_ == "appos" and a.i > subj.i and a.right_edge.i == v.i - 1 \
                and a.left_edge.i > 0 and doc[a.left_edge.i - 1].text == "," \
                and a.pos_ in {"NOUN", "PROPN"}:
            return a
    return None


def mute_thing(doc: Doc, mention: Mention, lex: Lexicon) -> bool:
    """The mention names a thing that can say nothing: no speaker, no pronoun, no document
    ("the report") and no speech ("his comments"), which say something of their own."""
    head = doc[mention[1] - 1]
    if mention[1] - mention[0] == 1 and head.lower_ in RELATIVES:
        return False       # "who", "that": named by what they refer to
    return not can_speak(doc, mention, lex) and head.lower_ not in lex.document_nouns \
        and head.lower_ not in lex.speech_nouns and head.lemma_.lower() not in lex.document_nouns


def dummy_it(tok: Token) -> bool:
    """``tok`` is the "it" subject of the copula "be" ("it was premature to ...", "It was a
    long night", "it is clear that ..."): a placeholder, which says nothing."""
    return tok.lower_ == "it" and tok.dep_ in {"nsubj", "expl"} and tok.head.lemma_ == "be" \
        and any(c.dep_ in {"attr", "acomp"} for c in tok.head.children)


def _subject_past_dummy(doc: Doc, dummy: Token, verb: Token, lex: Lexicon, outside) -> Mention | None:
    """The subject nearest before the participle ``verb``, after the placeholder ``dummy``, of
    a clause whose subject can speak (a person's or an organisation's name, a pronoun, a
    speaker noun), none of its sentence's quotations between; None when there is none."""
    for t in reversed(doc[dummy.i + 1:verb.i]):
        if t.is_quote or "\n" in t.text:
            return None
        if t.dep_ not in SUBJ_DEPS or not outside(t.i) or not_speaker(t) or t.lower_ in RELATIVES \
                or t.head.i >= verb.i or dummy_it(t):
            continue
        mention = np_around(doc, t, lex, dummy.i + 1, verb.i)
        if mention is not None and can_speak(doc, mention, lex):
            return mention
    return None


def _agent(doc: Doc, v: Token, lo: int, lex: Lexicon, outside) -> Mention | None:
    """The "by" phrase of a passive verb ("was asked by the moderator Ann Ruiz"), before or
    after the quote, if any; the parse may hang it from the words the verb puts on its subject
    ("was branded “a coward” by X", "was described as “a disaster” by X")."""
    for by in [*(c for c in v.children if c.dep_ == "agent"), *_label_agents(v)]:
        for obj in by.children:
            if obj.dep_ == "pobj" and lo <= obj.i and outside(obj.i) and not not_speaker(obj):
                mention = np_around(doc, obj, lex, lo, obj.right_edge.i + 1)
                if by.head.i == v.i or can_speak(doc, mention, lex):
                    return mention   # not "branded “a coward” by the standards of the day"
    return None


#: the links from a passive verb down to the "by" phrase the parse hangs from its label
_LABEL_LINKS = {"oprd", "attr", "dobj", "prep", "pobj", "appos"}


def _label_agents(v: Token) -> list[Token]:
    """"by" tokens after the verb below its label words ("branded “a coward” by", "described
    as “a disaster” by"), no other verb between."""
    out, todo = [], [c for c in v.rights if c.dep_ in _LABEL_LINKS]
    for _ in range(3):
        nxt = []
        for tok in todo:
            for c in tok.children:
                if c.lower_ == "by" and c.dep_ in {"prep", "agent"} and c.i > v.i:
                    out.append(c)
                elif c.dep_ in _LABEL_LINKS and c.pos_ not in {"VERB", "AUX"}:
                    nxt.append(c)
        todo = nxt
    return out


def passive_listener(v: Token, lex: Lexicon) -> bool:
    """"X was asked", "X was told": X listens."""
    return v.lower_ in lex.listener_forms and v.lower_ not in lex.passive_speaker_forms \
        and any(c.dep_ == "nsubjpass" for c in v.children)


def _speaker_left_of(doc: Doc, verb: Token, lo: int, lex: Lexicon, outside) -> Mention | None:
    """No subject in the parse: the noun phrase right before the verb (over auxiliaries)."""
    j = skip_left_aux(doc, verb.i - 1, lo)
    if j >= lo and doc[j].text == ",":
        # "Kasich (R-OH), said" or "X, a professor at Y, said": the name before the comma
        # when it is one, else jump back over the apposition
        near = np_left(doc, skip_parens(doc, j - 1, lo), lo, lex)
        if near is not None and any(doc[t].ent_type_ == "PERSON" for t in range(*near)):
            return near
        k = j - 1
        cands = []
        for _ in range(3):   # "Lee, meanwhile, who sits on the board, said": over each aside,
            while k >= lo and doc[k].text != "," and not doc[k].is_quote and j - k < 30:
                k -= 1       # to a person's name if there is one ("Lee, whose firm, Data
            if k < lo or doc[k].text != ",":   # Co, sells maps, said")
                break
            cand = np_left(doc, skip_parens(doc, k - 1, lo), lo, lex)
            if cand is not None:
                if any(doc[t].ent_type_ == "PERSON" for t in range(*cand)):
                    return cand
                cands.append(cand)
            k -= 1
        return cands[0] if cands else near
    if j >= lo and outside(j):
        if surname_word(doc, j) and np_left(doc, j, lo, lex) is None:
            return j, j + 1   # "Will wrote": the surname the tagger read as a modal
        found = np_left(doc, skip_parens(doc, j, lo), lo, lex)
        return _over_adverbial(doc, found, lo, lex, outside) or found
    return None


def _over_adverbial(doc: Doc, found: Mention | None, lo: int, lex: Lexicon, outside) -> Mention | None:
    """The subject left of a phrase between it and the verb ("Beck, who has in the past
    described", "Lee on Monday called"): a noun phrase after a preposition is none; None when
    no subject lies there."""
    if found is None or found[0] - 1 < lo or doc[found[0] - 1].tag_ != "IN" \
            or doc[found[0] - 1].lower_ in {"that", "because", "if", "whether"}:
        return None
    k = skip_left_aux(doc, found[0] - 2, lo)
    if k < lo or not outside(k):
        return None
    if doc[k].lower_ in RELATIVES:
        return k, k + 1
    return np_left(doc, k, lo, lex) if doc[k].ent_type_ == "PERSON" or is_pronoun(doc[k], lex) else None


def skip_parens(doc: Doc, j: int, lo: int) -> int:
    """Index left of a parenthesis ending at token j ("Kasich (R-OH)" -> "Kasich")."""
    if j >= lo and doc[j].text == ")":
        k = j - 1
        while k >= lo and doc[k].text != "(" and j - k < 8:
            k -= 1
        if k >= lo and doc[k].text == "(":
            return k - 1
    return j


def skip_left_aux(doc: Doc, j: int, lo: int) -> int:
    """Index left of the auxiliaries and adverbs ending at token j ("has also"); not over a
    capitalised word that is a person's surname in the article ("Will wrote" after "George
    Will": the tagger reads a modal)."""
    while j >= lo and (doc[j].lower_ in _AUX_WORDS or doc[j].tag_ in {"RB", "MD"}) \
            and not surname_word(doc, j):
        j -= 1
    return j



def can_speak(doc: Doc, mention: Mention, lex: Lexicon) -> bool:
    """The mention may name a speaker: a name, a pronoun or a noun for people or an organisation."""
    toks = doc[mention[0]:mention[1]]
    if any(t.ent_type_ in SPEAKER_LABELS or t.pos_ == "PROPN" or is_pronoun(t, lex)
           or speaker_noun_kind(t.text, lex) for t in toks):
        return True
    # a capitalised noun inside a sentence that is not a title-cased headline ("Hannity
    # pressed", the tagger seeing a common noun)
    sent = toks[0].sent
    return any(t.is_title and t.pos_ == "NOUN" for t in toks) \
        and not title_cased(doc, sent.start, sent.end)



def title_cased(doc: Doc, a: int, b: int) -> bool:
    """Most words of tokens a..b are capitalised, as in a headline."""
    words = [t for t in doc[a:b] if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


__all__ = ["speaker_of_verb", "passive_listener", "dummy_it", "mute_thing", "can_speak", "title_cased", "skip_parens", "skip_left_aux",
           "surname_word", "Mention"]
