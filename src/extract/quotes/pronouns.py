"""What a pronoun names: "he"/"she" a person (a clause subject above it, else the nearest
compatible person), "it"/"they" an organisation or group that is the subject of a recent
sentence (or a document's author), "I"/"we" the writer (nobody named).

Part of :mod:`extract.quotes.speakers` (see there for how the parts fit).
"""
from __future__ import annotations

from .documents import _author_of, _is_document, _issued_by, _named_author
from .names import _LABEL_KINDS, PeopleView, _inside_quotes
from .phrases import RELATIVES, SUBJ_DEPS, ent_of
from .roles import speaker_noun_kind


#: entity labels of subjects that can speak (a subject with none of them may be a thing)
SPEAKER_ENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: how many sentences back "it" and "they" look for the subject they refer to, and how many
#: (quoted ones included) they pass at most
SUBJECT_SENTENCES = 2
MAX_SENTENCES = 12
#: how many pronouns one resolution may pass through ("It said. It added. It ..."): real text
#: stays far below; it keeps hostile input from exhausting the stack
MAX_CHAIN = 20


def resolve_pronoun_at(people: PeopleView, want: str | None, tok, at: int) -> tuple[str, str] | None:
    """What a pronoun of kind ``want`` (``resources/quotes.json`` "pronouns") at token ``tok``
    (char offset ``at``) names, or None when unsure.

    * "I", "we": the writer (outside quotes), whose name the text may not give: None.
    * "he", "she": the subject of a clause above the pronoun in its sentence ("Rubio said
      that he has begun ... Trump, whom he called": Rubio), when compatible; else the nearest
      person or role-speaker before it whose gender does not conflict, a subject counting as
      nearer; a name inside a quotation is no antecedent of a pronoun outside it.
    * "it", "they": the main-clause subject of its own sentence before it, else of one of the
      last ``SUBJECT_SENTENCES`` sentences outside quotations, when it is an organisation
      ("it") or a group, an organisation or several people ("they"); a thing or a document
      there ("The memo said ... It added") names no speaker, unless the text names its author
      ("A memo from the panel", "The email was sent by X"). "It" passes a sentence whose
      subject is plural and whose verb has no singular object it could name.
    """
    if want not in {"male", "female", "neuter", "plural"}:
        return None      # "I said", "we watch": the writer
    parsed = tok is not None and tok.doc.has_annotation("DEP")
    if want in {"male", "female"}:
        found = _clause_subject(people, want, tok) if parsed else None
        return found if found is not None else people.nearest(want, at)
    if not parsed:   # no parse (a blank pipeline): the nearest organisation or group
        return people.nearest(want, at, {"ORG"} if want == "neuter" else {"ORG", "NORP"})
    found = _relative_antecedent(people, want, tok)
    if found is not None:
        return found
    return _main_subject(people, want, tok)


#: how many heads above "it"/"they" the clause on a noun that holds it may lie
RELATIVE_STEPS = 6


def _relative_antecedent(people: PeopleView, want: str, tok) -> tuple[str, str] | None:
    """"a company called Cambridge Analytica, which specializes in building what it calls
    “psychographic” profiles", "Sanders supporters planning protests against what they call
    the “fraudulent” nomination": a pronoun inside a clause on a noun (a relative clause whose
    subject is the relative pronoun, or a participle with no subject of its own) refers to that
    noun when it can be the pronoun: for "it" one organisation (an ORG entity, or a singular
    noun naming an organisation: "a company", "the firm"), for "they" a plural noun naming a
    group or an organisation ("supporters", "the unions"); same paragraph, same side of any
    quotation mark. Else None: not "the plan, which it released" (the relative pronoun is no
    subject), nor a clause on a thing ("the law, which ... is what it calls")."""
    v = tok.head
    for _ in range(RELATIVE_STEPS):
        on_noun = (v.dep_ == "relcl" and any(c.dep_ in SUBJ_DEPS and c.lower_ in RELATIVES for c in v.children)) \
            or (v.dep_ == "acl" and v.tag_ in {"VBG", "VBN"} and not any(c.dep_ in SUBJ_DEPS for c in v.children))
        if on_noun:
            ant = v.head
            if ant.i > tok.i or "\n" in people.text[ant.idx:tok.idx] \
                    or _inside_quotes(ant, people.text) != _inside_quotes(tok, people.text):
                return None
            return _antecedent_of(people, want, ant)
        if v.head.i == v.i:
            return None
        v = v.head
    return None


def _antecedent_of(people: PeopleView, want: str, ant) -> tuple[str, str] | None:
    """What the noun a clause hangs from names as "it" (one organisation) or "they" (a group
    or organisation named by a plural noun), else None."""
    ent = ent_of(ant)
    kind = speaker_noun_kind(ant.text, people.lex) if ent is None else None
    if want == "neuter" and ant.tag_ in {"NN", "NNP"}:
        if ent is not None and ent.label_ == "ORG":
            return ent.text, "org"
        return (_np_text(ant), "org") if kind == "org" else None
    if want == "plural" and ant.tag_ in {"NNS", "NNPS"}:
        if ent is not None and ent.label_ in {"ORG", "NORP"}:
            return ent.text, _LABEL_KINDS[ent.label_]
        if kind in {"group", "org"}:
            return _np_text(ant), "group"
    if want == "plural" and not ent:
        # "an army of Sanders supporters planning ...", "hundreds of farmers demanding ...":
        # the clause hangs from the amount; the people are the plural noun after "of"
        of = [o for p in ant.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj" and o.tag_ in {"NNS", "NNPS"}]
        if of:
            return _antecedent_of(people, want, of[0])
    return None


def _clause_subject(people: PeopleView, want: str, tok) -> tuple[str, str] | None:
    """The compatible subject of a clause above ``tok`` in its sentence, before it."""
    seen = 0
    v = tok.head
    quoted = _inside_quotes(tok, people.text)
    while v.i != tok.i and seen < 6:
        for child in v.children:
            if child.dep_ not in SUBJ_DEPS or child.i >= tok.i \
                    or "\n" in people.text[child.idx:tok.idx] \
                    or _inside_quotes(child, people.text) != quoted:
                continue      # after the pronoun, in another paragraph (a parse across one), or
                              # on the other side of a quotation mark
            found = _subject_person(people, want, child)
            if found is not None:
                return found
        if v.head.i == v.i or v.dep_ in {"ROOT"}:
            break
        v, seen = v.head, seen + 1
    return None


def _subject_person(people: PeopleView, want: str, child) -> tuple[str, str] | None:
    """The person a subject token names when it can be "he"/"she" of kind ``want``."""
    if child.lower_ in people.lex.pronouns:
        if people.lex.pronouns[child.lower_] != want:
            return None
        return people.resolve(child.text, child.idx)
    person = people.person_of(child)
    if person is None:
        return None
    full, g = person
    return (full, "person") if g in {None, want} else None


def _main_subject(people: PeopleView, want: str, tok) -> tuple[str, str] | None:
    """"it"/"they": the main-clause subject of its own sentence before it, else of one of the
    last ``SUBJECT_SENTENCES`` sentences (quoted sentences skipped)."""
    doc = tok.doc
    sent = tok.sent
    subj = _root_subject(sent)
    if subj is None or subj.i >= tok.i or _inside_quotes(subj, people.text):
        # "X opposed it. “...,” it recommended" parsed as one sentence ("opposed" a clause of
        # "recommended"): the first subject of a clause of the main verb before the pronoun
        root = sent.root
        before = [t for t in doc[sent.start:tok.i] if t.dep_ in SUBJ_DEPS
                  and not _inside_quotes(t, people.text) and t.lower_ not in people.lex.pronouns
                  and root in (t.head, t.head.head)]
        subj = before[0] if before else None
    if subj is not None:
        return _group_or_org(people, want, subj, sent)
    k, seen, walked = sent.start, 0, 0
    while k > 0 and seen < SUBJECT_SENTENCES and walked < MAX_SENTENCES:
        prev = doc[k - 1].sent
        k, walked = prev.start, walked + 1
        if _inside_quotes(prev.root, people.text):
            continue       # someone's words: their subjects are no antecedents
        seen += 1
        subj = _root_subject(prev)
        if subj is not None:
            if want == "neuter" and _plural(people, subj) and not _singular_object(prev):
                continue   # "The email was sent by X. Two Americans were killed. “...,” it reads"
            return _group_or_org(people, want, subj, prev)
    return None


def _singular_object(sent) -> bool:
    """The main verb has a singular object, which "it" after the sentence may name ("The
    Tories have tabled a motion ... It argues": the motion)."""
    return any(c.dep_ in {"dobj", "attr", "oprd"} and c.tag_ in {"NN", "NNP"} for c in sent.root.children)


def _plural(people: PeopleView, subj) -> bool:
    """A subject that is several (a plural noun, "X and Y", "they"/"we"): no antecedent of "it"."""
    if subj.lower_ in people.lex.pronouns:
        return people.lex.pronouns[subj.lower_] == "plural"
    return subj.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subj.children)


def _root_subject(sent):
    """The subject of a sentence's main verb, None when it has none."""
    for child in sent.root.children:
        if child.dep_ in SUBJ_DEPS:
            return child
    return None


def _group_or_org(people: PeopleView, want: str, subj, sent) -> tuple[str, str] | None:
    """What a main-clause subject names as the antecedent of "it" (an organisation) or
    "they" (a group, an organisation, several people); None for a person. When the main
    subject is a thing ("The results show that Catholic Republicans are ...") or one person
    ("Lee praised it, but the unions say ..."), "they" may be the last group that is a subject
    in the sentence."""
    found = _group_or_org_of(people, want, subj)
    if found is not None or want != "plural":
        return found
    if (subj.lower_ in people.lex.pronouns or subj.ent_type_ in SPEAKER_ENT_LABELS
            or speaker_noun_kind(subj.text, people.lex)) and not _one_person(people, subj):
        return found
    others = [t for t in sent if t.dep_ in SUBJ_DEPS and t.i > subj.i
              and not _inside_quotes(t, people.text) and t.lower_ not in people.lex.pronouns]
    for other in reversed(others):
        found = _group_or_org_of(people, want, other) if other.lower_ not in RELATIVES else None
        if found is not None:
            return found
    return None


def _one_person(people: PeopleView, subj) -> bool:
    """A subject that is one person ("Trump", "she", "the senator"), who cannot be "they"."""
    if any(c.dep_ == "conj" for c in subj.children):
        return False
    if subj.lower_ in people.lex.pronouns:
        return people.lex.pronouns[subj.lower_] in {"male", "female"}
    return subj.ent_type_ == "PERSON" or (subj.tag_ in {"NN", "NNP"} and not subj.ent_type_
                                          and speaker_noun_kind(subj.text, people.lex) == "role")


def _group_or_org_of(people: PeopleView, want: str, subj) -> tuple[str, str] | None:
    """The organisation ("it") or group ("they") one subject token names, else None."""
    if subj.lower_ in people.lex.pronouns:
        if people.lex.pronouns[subj.lower_] != want:
            return None
        return people.resolve(subj.text, subj.idx)      # "It said ... It added": the same
    ent = ent_of(subj)
    several = any(c.dep_ == "conj" for c in subj.children)
    if want == "neuter":
        if several or subj.tag_ in {"NNS", "NNPS"}:
            return None
        if ent is not None and ent.label_ in {"ORG", "GPE"}:
            return ent.text, "org"
        if subj.pos_ == "NOUN" and subj.dep_ == "nsubj" and _is_document(subj, people.lex):
            # "A memo from the panel ... “...,” it stated"; not "His record will be released"
            return _author_of(people, subj)
        if subj.pos_ == "NOUN" and subj.dep_ == "nsubjpass" and _is_document(subj, people.lex) \
                and subj.head.lower_ in people.lex.issuing_forms:
            # "The email was sent by the chief of staff ... “...,” it reads": its sender (the
            # verb's own "by" phrase, before a "released by" phrase on the noun, which may name
            # whoever made it public); "His record will be released" names no one
            return _named_author(people, subj.doc, _issued_by(subj.doc, subj.head, people.lex))
        if speaker_noun_kind(subj.text, people.lex) == "org":
            return _np_text(subj), "org"
        return None
    if several:
        names = [subj, *[c for c in subj.subtree if c.dep_ == "conj"]]
        if all(ent_of(t) is not None or speaker_noun_kind(t.text, people.lex) for t in names):
            return _coordinated_text(subj), "group"
        return None
    if ent is not None and ent.label_ in {"NORP", "ORG"} and subj.tag_ in {"NNS", "NNPS"}:
        return ent.text, _LABEL_KINDS[ent.label_]
    if subj.tag_ in {"NNS", "NNPS"} and speaker_noun_kind(subj.text, people.lex) in {"group", "role", "org"}:
        return _np_text(subj), "group"
    return None


def _np_text(tok) -> str:
    """The noun phrase a head token heads, without what follows it ("the company")."""
    start = min([tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ in {"det", "amod", "compound", "poss", "nmod"}])
    return tok.doc[start:tok.i + 1].text


def _coordinated_text(tok) -> str:
    """The coordinated noun phrase of ``tok`` ("Professors Foner and Alba"), up to its last conjunct."""
    conj = [c for c in tok.subtree if c.dep_ == "conj"]
    start = min([tok.i] + [c.left_edge.i for c in tok.lefts])
    end = max(c.i for c in conj) + 1 if conj else tok.i + 1
    return tok.doc[start:end].text


#: the links from a clause up to the reporting verb that holds it ("he says he respects ... and
#: calls": "respects" is the ccomp of "says", "calls" a conj of "respects")
_REPORTED_LINKS = {"ccomp", "conj"}
#: how many such links the outer reporting verb may lie above the inner pronoun's verb
OUTER_STEPS = 3


def _outer_same_pronoun(pron):
    """The subject of the reporting verb that holds the clause of ``pron`` when it is the same
    pronoun ("he says he respects her and calls her “...”": the first "he"), else None. The
    attribution is the outer verb's; both pronouns name one person, so only the mention moves."""
    if pron.dep_ not in SUBJ_DEPS:
        return None
    verb, seen_ccomp = pron.head, False
    for _ in range(OUTER_STEPS):
        if verb.dep_ not in _REPORTED_LINKS or verb.head.i == verb.i:
            return None
        seen_ccomp = seen_ccomp or verb.dep_ == "ccomp"
        verb = verb.head
        subj = [c for c in verb.lefts if c.dep_ in SUBJ_DEPS]
        if subj and seen_ccomp:
            return subj[0] if subj[0].lower_ == pron.lower_ and subj[0].i < pron.i \
                and _one_stretch(pron.doc[subj[0].i:pron.i]) else None
    return None


def _one_stretch(span) -> bool:
    """No paragraph break in ``span``, and no quotation mark unless the marks pair up inside
    one sentence (a title: "he told ABC’s “Good Morning America” that he agrees"): the parse
    may hang a quote's "he added" from the "said" of the paragraph or sentence before."""
    if any("\n" in t.text for t in span):
        return False
    marks = sum(t.is_quote for t in span)
    return not marks or (marks % 2 == 0 and not any(t.is_sent_start for t in span[1:]))


__all__ = ["resolve_pronoun_at", "SUBJECT_SENTENCES", "MAX_SENTENCES", "MAX_CHAIN"]
