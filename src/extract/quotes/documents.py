"""Documents and their authors: "the report said" names no one unless the text names who wrote
it (its owner, a name inside its phrase, a "by"/"from" phrase, the verb that issued it, an
earlier mention of the same document), who is then the speaker.

Part of :mod:`extract.quotes.speakers` (see there for how the parts fit).
"""
from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import Lexicon
from .marks import Quote
from .names import PeopleView
from .phrases import ancestors, ent_of, np_around, surname_word
from .roles import speaker_noun_kind


#: the attribution methods that find a cue whose subject may be a document ("the report
#: said"); a document that is only the subject of the quote's sentence says nothing
AUTHOR_METHODS = frozenset({"after", "before", "colon", "previous", "chain"})
#: the links from a cue up to a verb whose subject speaks through it ("had this to say",
#: "wants to say"); a clause ("his comments come as X called it “...”") is no such link
_CUE_LINKS = {"xcomp", "relcl", "acl", "dobj"}
#: how many such links above its cue a document's verb may be
CUE_STEPS = 2
#: finite verb tags: a participle cue ("an editorial telling him to “...”") must reach the
#: quote without one
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
#: the prepositions that name a document's author after it ("a report by X", "a letter from X")
_AUTHOR_PREPS = {"by", "from"}
#: the links inside a document's phrase from its head noun to a name that is its author
#: ("a Pentagon report", "the White House statement")
_AUTHOR_NAME_DEPS = {"compound", "nmod"}


def _speaks_through_cue(doc: Doc, q: Quote, span, lex: Lexicon) -> bool:
    """The mention is what speaks through the quote's cue: the subject of the cue verb (or of
    a verb it hangs from: "a paper had this to say: “...”") or its "according to" object, by
    an attribution method that finds a cue ("a report said", not "saying ..., his view is
    “wrong”"). A participle must say the quote itself, no finite verb between them ("the
    paper's editorial telling him to “...”", not "X said a tweet saying ... meant that “...”",
    where the parse makes the tweet the participle's subject)."""
    if q.method not in AUTHOR_METHODS or q.cue is None:
        return False
    head, cue = span.root, doc[q.cue[0]]
    if cue.lower_ in lex.quoting_forms:
        return False    # "his letter quotes from a handbook about “...”": the handbook's words
    if cue.tag_ == "VBG" and cue.lower_ != "according" and _finite_verb_between(doc, q, cue):
        return False
    if head.dep_ == "nsubj":     # not "his claims were denied by X, who called it “...”"
        return head.head.i in _cue_verbs(cue)
    return head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.i == cue.i


def _cue_verbs(cue) -> set[int]:
    """The cue and the words above it that its subject may hang from (``CUE_STEPS`` links of
    ``_CUE_LINKS`` at most)."""
    found, tok = {cue.i}, cue
    for _ in range(CUE_STEPS):
        if tok.dep_ not in _CUE_LINKS or tok.head.i == tok.i:
            break
        tok = tok.head
        found.add(tok.i)
    return found


def _finite_verb_between(doc: Doc, q: Quote, cue) -> bool:
    """A finite verb lies on the parse path from the quote up to ``cue`` (or the quote does
    not hang from ``cue`` at all)."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return True
    for t in span:
        if span.start <= t.head.i < span.end:
            continue
        path = [t.head, *ancestors(t.head)]
        if cue in path:
            return any(v.tag_ in _FINITE_TAGS for v in path[:path.index(cue)])
    return True


def document_author(span, lex: Lexicon) -> tuple[int, int] | None:
    """The mention (token range) of who wrote the document or issued the statement that
    ``span`` names, when the phrase names them: its owner ("NASA's report", "the campaign's
    statement", "his letter"), a person's or organisation's name inside it ("a Pentagon
    report") or a "by"/"from" phrase on it, next to it or after another of its phrases ("a
    report by Human Rights Watch", "a letter to the board from the American Legion"). None
    for a bare document ("the report"), for a place ("a report from Baghdad", "Florida law")
    and for anything that is no document."""
    head = span.root
    if head.pos_ not in {"NOUN", "PROPN"} or not _is_document(head, lex):
        return None
    doc = span.doc
    for child in head.children:
        if child.dep_ == "poss" and span.start <= child.i:
            if child.lower_ in lex.possessives:
                return child.i, child.i + 1
            found = _author_phrase(doc, child, lex, span.start, head.i)
            if found is not None:
                return found
        elif child.dep_ in _AUTHOR_NAME_DEPS and span.start <= child.i < head.i \
                and child.ent_type_ in {"PERSON", "ORG"}:
            ent = ent_of(child)
            if ent is not None and span.start <= ent.start and ent.end <= head.i:
                return ent.start, ent.end
        elif child.dep_ == "prep" and child.lower_ in _AUTHOR_PREPS and child.i > head.i:
            found = _by_phrase_author(doc, child, lex)
            if found is not None:
                return found
        elif child.dep_ == "acl" and child.i > head.i and child.lower_ in lex.issuing_forms:
            found = _issued_by(doc, child, lex)   # "a report released in May by the ministry"
            if found is not None:
                return found
    return None


def _by_phrase_author(doc: Doc, prep, lex: Lexicon) -> tuple[int, int] | None:
    """The author that a "by"/"from" phrase names, if it names one."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None if obj is None else _author_phrase(doc, obj, lex, obj.left_edge.i, obj.right_edge.i + 1)


def _issued_by(doc: Doc, verb, lex: Lexicon) -> tuple[int, int] | None:
    """The author named by the "by" (or "from") phrase of a verb that makes a document ("released
    by the ministry", "was sent from the club"); not "obtained by X", no such verb."""
    for c in verb.children:
        if c.dep_ in {"agent", "prep"} and c.lower_ in _AUTHOR_PREPS:
            found = _by_phrase_author(doc, c, lex)
            if found is not None:
                return found
    return None


def _issuer(doc_tok, lex: Lexicon) -> tuple[int, int] | None:
    """The mention of who made the document ``doc_tok`` when it is the object of a verb that
    makes one, directly or as "a series of" ("Lee released an ad", "the leaders penned a series
    of letters"): that verb's subject before it."""
    tok = doc_tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "dobj":
        tok = tok.head.head
    verb = tok.head
    if tok.dep_ != "dobj" or verb.lower_ not in lex.issuing_forms:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i > verb.i:
        return None
    return np_around(tok.doc, subj, lex, subj.left_edge.i, verb.i)


#: how far back (in tokens) a bare "the statement" looks for the one someone issued
EARLIER_TOKENS = 300


def earlier_author(span, lex: Lexicon) -> tuple[int, int] | None:
    """The mention of who issued the document that a bare definite phrase names ("the
    statement", "the staff letter"), from the nearest earlier mention of the same noun: the
    object of a verb that makes one (``issuing_verbs``: "the museum issued a statement", "Lee
    sent a letter", also as the first noun of that object: "sent out an email appeal") or the
    "in" phrase of a reporting verb ("Fox News said in a statement"), its verb's subject being
    the author, or a phrase naming its author (:func:`document_author`: "a letter from the staff
    association"). An earlier bare definite mention ("the email said ... the email went on") is
    the same document: the search goes on before it, ``EARLIER_TOKENS`` from there. With no
    earlier mention at all, a statement or release is the one the writer's sentence before it
    says someone announced (:func:`_announced_by`). None when the nearest earlier mention is
    none of these (another report, or one nobody is said to have made)."""
    head = span.root
    if head.pos_ != "NOUN" or not _is_document(head, lex) or not _bare_definite(span, head):
        return None
    doc = span.doc
    k, stop, first = head.i - 1, max(head.i - EARLIER_TOKENS, 0), head
    while k >= stop:
        tok = doc[k]
        k -= 1
        if not (_same_noun(tok.lower_, head.lower_) or _longer_name(tok.lower_, head.lower_, lex)):
            continue
        obj = tok
        while obj.dep_ == "compound" and obj.pos_ == "NOUN" and obj.head.i > obj.i:
            obj = obj.head     # "sent out an email fundraising appeal": the appeal is the email
        if obj.dep_ == "dobj" and obj.head.lower_ in lex.issuing_forms:
            verb = obj.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.lower_ in lex.verb_forms:
            verb = tok.head.head
        else:
            # "an email was sent from the club"; "A letter from the staff association ... the
            # staff letter noted": its author
            issued = tok.dep_ == "nsubjpass" and tok.head.lower_ in lex.issuing_forms
            phrase = doc[tok.left_edge.i:tok.i + 1]
            found = (_issued_by(doc, tok.head, lex) if issued else None) or document_author(phrase, lex)
            if found is None and not issued and _bare_definite(phrase, tok):
                stop = max(tok.i - EARLIER_TOKENS, 0)   # "the email said": the same email, said before
                first = tok
                continue
            return found
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i > verb.i:
            return None
        return np_around(doc, subj, lex, subj.left_edge.i, verb.i)
    return _announced_by(first, lex)   # the first mention of the document


#: how many sentences back (quoted ones included) a first "the statement" looks for the one
#: that announced it
ANNOUNCE_SENTENCES = 2


def _announced_by(head, lex: Lexicon) -> tuple[int, int] | None:
    """The mention of who announced or made the document a first bare "the statement" names
    (no earlier mention): the subject of the last verb that does so in the writer's sentence
    before it, a reporting verb for one of ``announced_nouns`` ("The party announced she was
    not coming. “...,” the release said": the party), one of ``making_verbs`` for the others
    ("His campaign sued the party. The complaint alleged that “...”": his campaign); sentences
    holding quotation marks passed. None when that sentence has no such verb with a subject
    before it, or the noun is neither."""
    makers = next((fs for n, fs in lex.making_forms.items() if _same_noun(head.lower_, n)), None)
    if makers is None and not _same_noun_in(head, lex.announced_nouns):
        return None
    doc = head.doc
    k = head.sent.start
    for _ in range(ANNOUNCE_SENTENCES):
        if k == 0:
            return None
        sent = doc[k - 1].sent
        k = sent.start
        if any(t.is_quote for t in sent):
            continue       # someone's words, or the quote itself: not the writer's report
        if makers is not None:
            verbs = [t for t in sent if t.lower_ in makers and t.pos_ in {"VERB", "AUX"}]
        else:
            verbs = [t for t in sent if t.lower_ in lex.verb_forms and t.pos_ in {"VERB", "AUX"}
                     and t.lower_ not in lex.weak_forms]
        for verb in reversed(verbs):
            subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
            if subj is not None:
                return np_around(doc, subj, lex, subj.left_edge.i, verb.i)
        return None
    return None


def _same_noun_in(tok, nouns: frozenset[str]) -> bool:
    """``tok`` is one of ``nouns``, singular or plural."""
    return any(_same_noun(tok.lower_, n) for n in nouns)


def _bare_definite(span, head) -> bool:
    """"the" and the head noun, with only adjectives or unnamed nouns between ("the statement",
    "the staff letter"): a phrase that names no author and refers back to a document named before."""
    return span[0].lower_ == "the" and span[0].i < head.i \
        and not any(t.pos_ not in {"DET", "ADJ"} and not (t.dep_ == "compound" and not t.ent_type_)
                    for t in span if t.i != head.i)


def _longer_name(a: str, b: str, lex: Lexicon) -> bool:
    """``a`` is a document noun that ends in the noun ``b`` ("lawsuit" for "the suit")."""
    return len(a) > len(b) and a.endswith(b) and a in lex.document_nouns and b in lex.document_nouns


def _same_noun(a: str, b: str) -> bool:
    """The same noun, singular or plural ("statement", "statements")."""
    return a == b or a == b + "s" or b == a + "s"


def _is_document(tok, lex: Lexicon) -> bool:
    """A noun for a text or a record (``document_nouns``: "report", "statement"); someone's
    speech ("Trump's comments read “...”") names no speaker (GUIDELINES section 5)."""
    return tok.lower_ in lex.document_nouns or tok.lemma_.lower() in lex.document_nouns


def _author_phrase(doc: Doc, tok, lex: Lexicon, lo: int, hi: int) -> tuple[int, int] | None:
    """The mention of the author that ``tok`` heads: a person's or organisation's name (or one
    in apposition: "the consulting firm Oxford Economics"), or a noun naming a speaker ("the
    campaign", "economists"), or the surname of a person named elsewhere in the article, which
    the tagger may read as a common noun ("Sanders’ email"); None for a place or a thing."""
    for cand in [*(c for c in tok.children if c.dep_ == "appos"), tok]:
        ent = ent_of(cand)
        if ent is not None and ent.label_ in {"PERSON", "ORG"}:
            return ent.start, ent.end
    if not tok.ent_type_ and surname_word(doc, tok.i):
        return tok.i, tok.i + 1   # "Sanders’ email" with "Sanders" read as a plural noun
    if tok.ent_type_ or tok.pos_ != "NOUN" or speaker_noun_kind(tok.text, lex) is None:
        return None
    return np_around(doc, tok, lex, lo, hi)


def _author_of(people: PeopleView, doc_tok) -> tuple[str, str] | None:
    """(speaker, kind) of the author of the document ``doc_tok`` heads ("a memo from the panel",
    "the statement" someone issued before), None when the text names none."""
    doc, lex = doc_tok.doc, people.lex
    span = doc[doc_tok.left_edge.i:doc_tok.i + 1]
    return _named_author(people, doc, document_author(span, lex) or earlier_author(span, lex))


def _named_author(people: PeopleView, doc: Doc, author: tuple[int, int] | None) -> tuple[str, str] | None:
    """(speaker, kind) of the author mention ``author`` (a token range of ``doc``), None for none."""
    if author is None:
        return None
    q = Quote(doc[author[0]].idx, doc[author[1] - 1].idx, "double")
    q.mention = author
    people.name_mention(q)   # the author's mention is named as any speaker's
    return (q.speaker, q.speaker_kind) if q.speaker is not None else None


__all__ = ["document_author", "earlier_author"]
