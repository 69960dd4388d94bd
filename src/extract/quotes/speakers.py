"""Who a speaker mention names: full names, pronouns, "who", organisations.

Speakers are named as first introduced in the article: a surname ("Krein") or a titled form
("Mr. Trump") maps to the earliest PERSON entity with the same last word ("Philip Krein"),
unless another first name makes it a relative ("Ivanka Trump"). A pronoun is resolved by
:func:`resolve_pronoun_at`: "he"/"she" to the compatible subject of a clause above it in its
sentence, else to the nearest person (or role that spoke a quote) before it whose gender (from
honorifics, a first-name list, or earlier pronouns) does not conflict, a subject counting as
nearer and names inside quotations not counting; "it"/"they" to an organisation or group that
is the main subject of a recent sentence, nothing when that subject is a thing or a document;
"who" maps to the noun it refers back to; "I"/"we" (the writer) are left unnamed. A document
("the report said") names no one, unless its phrase names its author (:func:`document_author`:
"a Pentagon report", "NASA's report", "a letter from the Legion"), who is then the speaker. ``speaker_kind`` is person, org, group or role (a common noun naming a speaker,
"the spokesman"); a mention that names none of these (a thing, a manner, an unresolved
pronoun) gives no speaker and the kind ``unknown``: never a wrong name.
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from .lexicon import Lexicon, census_genders, load_lexicon
from .marks import Quote
from .phrases import RELATIVES, SUBJ_DEPS, ancestors, ent_of, is_pronoun, np_around

#: the speaker kind of an entity label
_LABEL_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "org", "NORP": "group", "ROLE": "role"}
#: the mention label of a speaker kind (a role is a candidate for "he"/"she" with no gender)
_KIND_LABELS = {"person": "PERSON", "org": "ORG", "group": "NORP", "role": "ROLE"}
#: in pronoun resolution a subject counts as this much nearer than other mentions
SUBJECT_WEIGHT = 0.5
def first_name_gender(word: str, lex: Lexicon) -> str | None:
    """The gender a first name tells, curated list first, then the census lists; else None."""
    w = word.lower()
    return lex.first_names.get(w) or census_genders().get(w)


def strip_name(words: list[str], lex: Lexicon) -> list[str]:
    while words and words[0].lower() in lex.titles:
        words = words[1:]
    if words and re.search(r"[’']s$", words[-1]):
        words[-1] = words[-1][:-2]
    return [w for w in words if w]


def person_words(words: list[str]) -> list[str]:
    """The words after the last possessive ("Fox News’ Sean Hannity" -> Sean Hannity)."""
    for i in range(len(words) - 1, -1, -1):
        if re.search(r"[’']s?$", words[i]) and i < len(words) - 1:
            return words[i + 1:]
    return words


def looks_like_person(words: list[str], lex: Lexicon) -> bool:
    """Two or three capitalised words (after any possessive) led by a known first name."""
    words = person_words(words)
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) \
        and words[0].lower() in lex.first_names


def other_first_name(words: list[str], full: str) -> bool:
    """``words`` ("Ivanka Trump") name another person than ``full`` ("Donald Trump") with the
    same last word: both have a first name and the first names differ."""
    first = full.split()
    return len(words) > 1 and len(first) > 1 and words[-1].lower() == first[-1].lower() \
        and words[0].lower() != first[0].lower() and not words[0].endswith(".")


class People:
    """Named people of a document and what is known of their gender."""

    def __init__(self, doc: Doc, lex: Lexicon, text: str):
        self.lex = lex
        self.doc = doc
        self.text = text
        self._resolved: dict[int, tuple[str, str] | None] = {}   # pronoun offset -> what it names
        self._depth = 0                                  # pronouns being resolved, one inside another
        # offsets of mentions inside quotations: someone's words, not the writer's, so no
        # antecedent of the writer's pronouns
        self.quoted: set[int] = set()
        self.mentions: list[tuple[int, str, str]] = []   # (char offset, full name, label)
        self._by_pos: tuple[list[tuple[int, str, str]], list[int]] | None = None
        self.subjects: set[int] = set()                  # offsets of mentions that are subjects
        self.gender: dict[str, str] = {}
        self.full: dict[str, str] = {}                   # last word -> first full name
        for ent in doc.ents:
            if ent.label_ not in {"PERSON", "ORG", "NORP", "WORK_OF_ART"}:
                continue
            words = strip_name(ent.text.split(), lex)
            if not words:
                continue
            if ent.label_ != "PERSON" and looks_like_person(words, lex):
                # "Brett O’Donnell" tagged ORG, "Fox’s Chris Wallace" a WORK_OF_ART: a first
                # name and a surname are a person's name
                words = person_words(words)
            elif ent.label_ == "WORK_OF_ART":
                continue
            if ent.label_ == "PERSON" or looks_like_person(words, lex):
                last = words[-1].lower()
                full = self.full.setdefault(last, " ".join(words))
                if len(words) > len(full.split()) and full.split()[-1].lower() == last \
                        and self.full[last] == full and len(full.split()) == 1:
                    self.full[last] = full = " ".join(words)
                elif other_first_name(words, full):
                    full = " ".join(words)   # "Ivanka Trump" after "Donald Trump": a relative
                prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
                g = lex.honorifics.get(prev) or first_name_gender(words[0], lex) \
                    if len(words) > 1 or prev in lex.honorifics else lex.honorifics.get(prev)
                if g in {"male", "female"}:
                    self.gender.setdefault(full, g)
                self.mentions.append((ent.start_char, full, "PERSON"))
                if ent.root.dep_ in SUBJ_DEPS:
                    self.subjects.add(ent.start_char)
                if _inside_quotes(ent.root, text):
                    self.quoted.add(ent.start_char)
            elif ent.label_ == "NORP" and (ent.root.pos_ == "ADJ" or ent.root.dep_ in {"amod", "compound"}):
                # "the American people", "an Iranian official": an adjective names no one
                # a pronoun can refer back to; only a group used as a noun ("Democrats") can
                continue
            else:
                self.mentions.append((ent.start_char, ent.text, ent.label_))
        # a known surname is a mention of that person even where the NER missed or mislabelled it
        if self.full:
            spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
            span_starts = [a for a, _ in spans]
            names = sorted({n.split()[-1] for n in self.full.values()}, key=len, reverse=True)
            pattern = r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b"
            for m in re.finditer(pattern, text):
                k = bisect.bisect_right(span_starts, m.start()) - 1   # entities do not overlap
                if not (k >= 0 and spans[k][0] <= m.start() < spans[k][1]):
                    last = strip_name([m.group()], lex)
                    if last and last[-1].lower() in self.full:
                        self.mentions.append((m.start(), self._relative(doc, text, m.start(), m.group())
                                              or self.full[last[-1].lower()], "PERSON"))

    def _relative(self, doc: Doc, text: str, at: int, surname: str) -> str | None:
        """"Ivanka Trump" where the NER missed her and "Trump" is Donald Trump: a capitalised
        proper noun right before a known surname that is not the first name of the person
        first named so (nor a title) names another person of that family; None otherwise."""
        m = re.search(r"([A-Z][\w’'-]+)[ \u00a0]+$", text[max(0, at - 40):at])
        if m is None:
            return None
        first_at = at - len(m.group(0))
        span = doc.char_span(first_at, first_at + len(m.group(1)), alignment_mode="expand")
        if span is None or len(span) != 1 or span[0].pos_ != "PROPN" \
                or span[0].ent_type_ not in {"", "PERSON", "PRODUCT", "WORK_OF_ART", "ORG"}:
            return None
        words = [m.group(1), surname]
        full = self.full.get(surname.lower(), "")
        low = m.group(1).lower()
        if not other_first_name(words, full) or low in self.lex.honorifics or low in self.lex.titles \
                or low in {w.lower() for w in full.split()}:
            return None
        name = " ".join(words)
        g = first_name_gender(m.group(1), self.lex)
        if g in {"male", "female"}:
            self.gender.setdefault(name, g)
        return name

    def name(self, text: str, at: int) -> str:
        words = strip_name(text.split(), self.lex)
        if not words:
            return text
        full = self.full.get(words[-1].lower())
        if full and len(full.split()) >= len(words) and not other_first_name(words, full):
            return full
        name = " ".join(words)
        if len(words) > 1:   # a full name the NER missed: later surnames map to it
            self.full.setdefault(words[-1].lower(), name)
        self.mentions.append((at, name, "PERSON"))
        return name

    def _sorted_mentions(self) -> tuple[list[tuple[int, str, str]], list[int]]:
        """The mentions from the last to the first, and their negated offsets (sorted), kept
        until a mention is added."""
        if self._by_pos is None or len(self._by_pos[0]) != len(self.mentions):
            by_pos = sorted(self.mentions, key=lambda m: -m[0])
            self._by_pos = by_pos, [-m[0] for m in by_pos]
        return self._by_pos

    def note_speaker(self, at: int, name: str, kind: str, subject: bool = True) -> None:
        """A speaker named at char offset ``at`` (by a quote's attribution or a resolved
        pronoun): later pronouns can refer back to it; a role ("the spokesman") too."""
        self.mentions.append((at, name, _KIND_LABELS.get(kind, "ORG")))
        if subject:
            self.subjects.add(at)

    def resolve_pronoun(self, pron: str, at: int) -> str | None:
        """The full name the pronoun ``pron`` at char offset ``at`` refers to, or None."""
        found = self.resolve(pron, at)
        return found[0] if found is not None else None

    def resolve(self, pron: str, at: int) -> tuple[str, str] | None:
        """(speaker, speaker kind) of the person, organisation or group ``pron`` refers to;
        None when unsure (see :func:`resolve_pronoun_at`)."""
        return self._resolve(pron, at)

    def _resolve(self, pron: str, at: int) -> tuple[str, str] | None:
        if at in self._resolved:
            return self._resolved[at]
        if self._depth >= MAX_CHAIN:
            return None
        self._resolved[at] = None          # a loop in the parse resolves to nothing
        want = self.lex.pronouns.get(pron.lower())
        tok = self._token_at(at)
        self._depth += 1
        try:
            found = resolve_pronoun_at(self, want, tok, at)
        finally:
            self._depth -= 1
        self._resolved[at] = found
        if found is not None and want in {"male", "female"}:
            self.gender.setdefault(found[0], want)
        return found

    def _token_at(self, at: int):
        """The token starting at char offset ``at`` (None without a doc or off a token)."""
        if self.doc is None:
            return None
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) and span[0].idx == at else None

    def person_of(self, tok) -> tuple[str, str | None] | None:
        """(full name, gender) of the person a subject token names, or None."""
        ent = ent_of(tok)
        words = strip_name((ent.text if ent is not None else tok.text).split(), self.lex)
        words = person_words(words)
        if not words:
            return None
        # a person's entity, or a known surname whatever the NER made of it ("Trump went on")
        if (ent is not None and ent.label_ == "PERSON") or (tok.text[:1].isupper()
                                                             and words[-1].lower() in self.full):
            full = self.full.get(words[-1].lower(), " ".join(words))
            if other_first_name(words, full):
                full = " ".join(words)    # "Ivanka Trump" is not "Donald Trump"
            return full, self.gender.get(full) or first_name_gender(words[0], self.lex) \
                if len(words) > 1 else self.gender.get(full)
        return None

    def nearest(self, want: str, at: int, labels=frozenset({"PERSON", "ROLE"})) -> tuple[str, str] | None:
        """The nearest mention with one of ``labels`` (a person or a role-speaker) before
        ``at`` whose gender does not conflict with ``want``, a subject counting as nearer
        (``SUBJECT_WEIGHT``)."""
        cands = []
        by_pos, keys = self._sorted_mentions()
        tok = self._token_at(at)
        outside = tok is not None and not _inside_quotes(tok, self.text)
        for i in range(bisect.bisect_right(keys, -at), len(by_pos)):
            pos, full, label = by_pos[i]
            if label not in labels or (outside and pos in self.quoted):
                continue
            g = self.gender.get(full)
            if g is not None and g != want:
                continue
            cands.append((pos, full, label))
            if len(cands) == 4:
                break
        if not cands:
            return None
        # the nearest, unless a subject not much further back is more salient
        pos, full, label = min(cands, key=lambda c: (at - c[0]) * (SUBJECT_WEIGHT if c[0] in self.subjects else 1))
        return full, _LABEL_KINDS.get(label, "role")


# --------------------------------------------------------------------------- pronouns

#: entity labels of subjects that can speak (a subject with none of them may be a thing)
SPEAKER_ENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: how many sentences back "it" and "they" look for the subject they refer to, and how many
#: (quoted ones included) they pass at most
SUBJECT_SENTENCES = 2
MAX_SENTENCES = 12
#: how many pronouns one resolution may pass through ("It said. It added. It ..."): real text
#: stays far below; it keeps hostile input from exhausting the stack
MAX_CHAIN = 20


def resolve_pronoun_at(people: People, want: str | None, tok, at: int) -> tuple[str, str] | None:
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
    return _main_subject(people, want, tok)


def _clause_subject(people: People, want: str, tok) -> tuple[str, str] | None:
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


def _subject_person(people: People, want: str, child) -> tuple[str, str] | None:
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


def _main_subject(people: People, want: str, tok) -> tuple[str, str] | None:
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


def _plural(people: People, subj) -> bool:
    """A subject that is several (a plural noun, "X and Y", "they"/"we"): no antecedent of "it"."""
    if subj.lower_ in people.lex.pronouns:
        return people.lex.pronouns[subj.lower_] == "plural"
    return subj.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subj.children)


#: double quotation marks (single ones are also apostrophes, so they are not counted)
_DOUBLE_MARKS = re.compile(r"[“”\"]|''|``")
#: how far back (in characters) the quotation marks before a token are counted
QUOTE_LOOKBACK = 3000


def _inside_quotes(tok, text: str) -> bool:
    """``tok`` lies inside a quotation: an odd number of double quotation marks lies between
    the start of its paragraph and it (a quotation over several paragraphs, its closing mark
    left out, counts as open in each). ``text`` is ``doc.text`` (which spaCy rebuilds on
    every access)."""
    lo = max(0, tok.idx - QUOTE_LOOKBACK)
    start = text.rfind("\n", lo, tok.idx) + 1 or lo
    return len(_DOUBLE_MARKS.findall(text, start, tok.idx)) % 2 == 1


def _root_subject(sent):
    """The subject of a sentence's main verb, None when it has none."""
    for child in sent.root.children:
        if child.dep_ in SUBJ_DEPS:
            return child
    return None


def _group_or_org(people: People, want: str, subj, sent) -> tuple[str, str] | None:
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


def _one_person(people: People, subj) -> bool:
    """A subject that is one person ("Trump", "she", "the senator"), who cannot be "they"."""
    if any(c.dep_ == "conj" for c in subj.children):
        return False
    if subj.lower_ in people.lex.pronouns:
        return people.lex.pronouns[subj.lower_] in {"male", "female"}
    return subj.ent_type_ == "PERSON" or (subj.tag_ in {"NN", "NNP"} and not subj.ent_type_
                                          and speaker_noun_kind(subj.text, people.lex) == "role")


def _group_or_org_of(people: People, want: str, subj) -> tuple[str, str] | None:
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


def _author_of(people: People, doc_tok) -> tuple[str, str] | None:
    """(speaker, kind) of the author of the document ``doc_tok`` heads ("a memo from the panel",
    "the statement" someone issued before), None when the text names none."""
    doc, lex = doc_tok.doc, people.lex
    span = doc[doc_tok.left_edge.i:doc_tok.i + 1]
    return _named_author(people, doc, document_author(span, lex) or earlier_author(span, lex))


def _named_author(people: People, doc: Doc, author: tuple[int, int] | None) -> tuple[str, str] | None:
    """(speaker, kind) of the author mention ``author`` (a token range of ``doc``), None for none."""
    if author is None:
        return None
    lex = people.lex
    q = Quote(doc[author[0]].idx, doc[author[1] - 1].idx, "double")
    q.mention = author
    name_speaker(doc, q, people, lex)
    return (q.speaker, q.speaker_kind) if q.speaker is not None else None


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


def name_speaker(doc: Doc, q: Quote, people: People, lex: Lexicon) -> None:
    """Set ``q.speaker`` and ``q.speaker_kind`` from its mention: a person, an organisation,
    a group of people or a role; anything else (a thing, a manner, an unresolved pronoun)
    leaves the speaker empty and its kind ``unknown``."""
    s, e = q.mention
    span = doc[s:e]
    text = span.text
    if e - s == 1 and doc[s].lower_ in RELATIVES and doc[s].head.dep_ == "relcl":
        # the mention is "who"; the speaker is the noun it refers back to
        saved = q.mention
        for ant in _antecedents(doc[s]):
            q.mention = np_around(doc, ant, lex, 0, s)
            if ant.pos_ == "NOUN" and _is_document(ant, lex):
                # "Lee released an ad that urges ...", "a piece by the Post that noted ...": the
                # document's author, when the text names one; else no one
                author = document_author(doc[q.mention[0]:q.mention[1]], lex) or _issuer(ant, lex)
                if author is None:
                    break
                q.mention = author
            name_speaker(doc, q, people, lex)
            if q.speaker is not None:
                break
        q.mention = saved
        return
    if e - s == 1 and (is_pronoun(doc[s], lex) or doc[s].lower_ in lex.possessives):
        # "his claim that “...”" refers as "he" would
        found = people.resolve(lex.possessives.get(text.lower(), text), span.start_char)
        q.speaker, q.speaker_kind = found if found is not None else (None, "unknown")
        if found is not None:
            outer = _outer_same_pronoun(doc[s])
            if outer is not None:
                q.mention = (outer.i, outer.i + 1)
        return
    through_cue = _speaks_through_cue(doc, q, span, lex)
    author = document_author(span, lex) if through_cue else None
    if author is not None:
        # "a Pentagon report said", "a letter from the Legion warns": the author speaks; the
        # mention is the document's phrase, with the author in it
        saved, q.mention = q.mention, author
        name_speaker(doc, q, people, lex)
        q.mention = (min(s, author[0]), max(e, author[1])) if q.speaker is not None else saved
        return
    author = earlier_author(span, lex) if through_cue else None
    if author is not None:
        # "The museum issued a statement. “...,” the statement said": the museum speaks; the
        # mention stays "the statement", as a pronoun's does
        saved, q.mention = q.mention, author
        name_speaker(doc, q, people, lex)
        q.mention = saved
        return
    named = _name_after_domain(span, lex)
    if named is not None:
        # "the minister for civil aviation Praful Patel said": the person the role names
        q.mention = (s, named.end)
        span = doc[s:named.end]
    _name_mention(doc, q, people, lex, span)
    if q.speaker is not None and q.speaker_kind != "person":
        # "“...,” the spokesman said. “...,” he added": a later pronoun can refer to it
        people.note_speaker(span.start_char, q.speaker, q.speaker_kind)


#: the prepositions between a role and its field ("minister for civil aviation", "director of rugby")
_FIELD_PREPS = {"for", "of"}
#: how far the cue may lie after the name (an adverb or auxiliary between: "Patel earlier said")
FIELD_CUE_GAP = 2


def _name_after_domain(span, lex: Lexicon):
    """The PERSON entity that a role mention runs on to through its field, right before the cue
    ("the minister for civil aviation Praful Patel said", "Shadow spokesman for sport Hugh
    Robertson said": Patel, Robertson), else None. Not "a spokesman for Michael Howard" (no
    field between: the spokesman speaks), nor a field with a role in it ("a spokesman for
    rugby star Jo Lee": the spokesman)."""
    head = span.root
    if head.dep_ != "nsubj" or head.pos_ != "NOUN" or speaker_noun_kind(head.text, lex) != "role":
        return None
    doc = span.doc
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in _FIELD_PREPS or prep.i < span.end - 1:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        ent = ent_of(obj) if obj is not None and obj.ent_type_ == "PERSON" else None
        if ent is None or ent.end != obj.i + 1 or not 0 <= head.head.i - ent.end <= FIELD_CUE_GAP:
            return None
        field = doc[prep.i + 1:ent.start]
        if len(field) and all(t.is_lower and t.pos_ in {"NOUN", "ADJ", "PROPN"} and not t.ent_type_
                              and speaker_noun_kind(t.text, lex) is None for t in field):
            return ent
        return None
    return None


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
    sent a letter") or the "in" phrase of a reporting verb ("Fox News said in a statement"),
    its verb's subject being the author, or a phrase naming its author (:func:`document_author`:
    "a letter from the staff association"). None when the nearest earlier mention is none of
    these (another report, or one nobody is said to have made), or there is none."""
    head = span.root
    if head.pos_ != "NOUN" or not _is_document(head, lex) or span[0].lower_ != "the" \
            or any(t.pos_ not in {"DET", "ADJ"} and not (t.dep_ == "compound" and not t.ent_type_)
                   for t in span if t.i != head.i):
        return None
    doc = span.doc
    for k in range(head.i - 1, max(head.i - EARLIER_TOKENS, 0) - 1, -1):
        tok = doc[k]
        if not _same_noun(tok.lower_, head.lower_):
            continue
        if tok.dep_ == "dobj" and tok.head.lower_ in lex.issuing_forms:
            verb = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.lower_ in lex.verb_forms:
            verb = tok.head.head
        else:
            # "an email was sent from the club"; "A letter from the staff association ... the
            # staff letter noted": its author
            issued = tok.dep_ == "nsubjpass" and tok.head.lower_ in lex.issuing_forms
            return (_issued_by(doc, tok.head, lex) if issued else None) \
                or document_author(doc[tok.left_edge.i:tok.i + 1], lex)
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i > verb.i:
            return None
        return np_around(doc, subj, lex, subj.left_edge.i, verb.i)
    return None


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
    campaign", "economists"); None for a place or a thing."""
    for cand in [*(c for c in tok.children if c.dep_ == "appos"), tok]:
        ent = ent_of(cand)
        if ent is not None and ent.label_ in {"PERSON", "ORG"}:
            return ent.start, ent.end
    if tok.ent_type_ or tok.pos_ != "NOUN" or speaker_noun_kind(tok.text, lex) is None:
        return None
    return np_around(doc, tok, lex, lo, hi)


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


#: the shape of a surname that no common noun has, whatever the tagger says ("D’Souza", "O'Neill")
_SURNAME_SHAPE = re.compile(r"[A-Z][’'][A-Z][a-z]+")
#: the links a relative clause's head may hang from inside the noun phrase that "who" refers
#: to ("one aide familiar with the talks, who added": the parse hangs the clause from "talks")
_ANTECEDENT_LINKS = {"pobj", "prep", "amod", "acl", "npadvmod"}
#: how many such links the antecedent of "who" may lie above the clause's head
ANTECEDENT_STEPS = 4


def _antecedents(rel):
    """The nouns a relative pronoun may refer back to, nearest first: the head of its clause
    (for "who", the person it is in apposition to first: "Tom Hale, a farmer who said": Tom
    Hale), then, for "who" (a person, never a thing), the nouns that head's phrase hangs from
    ("an aide familiar with the talks, who": "talks", then "aide")."""
    ant = rel.head.head
    if rel.lower_ == "who" and ant.dep_ == "appos" and ant.head.i < ant.i and ant.head.ent_type_ == "PERSON":
        yield ant.head   # "Braynard, a native who writes": the person at the apposition's head
    if ant.i < rel.i:
        yield ant
    if rel.lower_ != "who":
        return
    for _ in range(ANTECEDENT_STEPS):
        if ant.dep_ not in _ANTECEDENT_LINKS or ant.head.i == ant.i:
            return
        ant = ant.head
        if ant.pos_ in {"NOUN", "PROPN"} and ant.i < rel.i:
            yield ant


def _name_mention(doc: Doc, q: Quote, people: People, lex: Lexicon, span) -> None:
    """Set the speaker of a mention that is no pronoun: a name, an organisation, a role."""
    e = span.end
    text = span.text
    labels = {t.ent_type_ for t in span if t.ent_type_}
    words = strip_name(text.split(), lex)
    # a name even where the NER missed it: capitalised proper nouns ("Lawyers" at the start
    # of a sentence is not one)
    looks_named = bool(words) and all(w[:1].isupper() for w in words) \
        and any(t.pos_ in {"PROPN", ""} or _SURNAME_SHAPE.fullmatch(t.text) for t in span)   # "": no tagger ran
    named = [t.i for t in span if t.ent_type_ in _LABEL_KINDS]
    owner = bool(named) and any(t.tag_ == "POS" or t.lower_ in {"’s", "'s"}
                                for t in doc[named[0] + 1:e - 1])
    # a surname of a person already named ("Sanders" where the tagger saw a noun)
    known = bool(words) and all(w[:1].isupper() for w in words) and words[-1].lower() in people.full
    pos = next((t.i for t in doc[named[0] + 1:e - 1] if t.tag_ == "POS" or t.lower_ in {"’s", "'s"}), e) \
        if owner else e
    head_person = [t.i for t in doc[pos + 1:e] if t.ent_type_ == "PERSON"]
    after_pos = strip_name([t.text for t in doc[pos + 1:e]], lex) if owner else []
    if owner and not head_person and after_pos and (looks_like_person(after_pos, lex) or (
            all(w[:1].isupper() for w in after_pos) and after_pos[-1].lower() in people.full)):
        # "Fox News’ Sean Hannity" with the whole phrase tagged ORG: the person at the head
        q.speaker_kind = "person"
        q.speaker = people.name(" ".join(after_pos), span.start_char)
    elif owner and head_person:
        # "Commentary's Noah Rothman": the person at the head
        q.speaker_kind = "person"
        q.speaker = people.name(ent_of(doc[head_person[-1]]).text, span.start_char)
    elif owner:
        # "Michael Jackson's mother" is not Michael Jackson, "Trump's comments" nobody
        q.speaker, q.speaker_kind = _common_noun_speaker(span, lex)
    elif q.method != "subject" and _named_for_a_person(span, lex):
        # "the Clinton campaign", "Trump supporters", "a Warren adviser": the head noun is the
        # speaker, the person's name only says whose (a quote with no cue, whose subject only
        # suggests a speaker, keeps the person: its type depends on that, classify.quote_type)
        q.speaker, q.speaker_kind = _common_noun_speaker(span, lex)
    elif "PERSON" in labels or q.byline or known or (looks_named and not labels & {"ORG", "NORP", "GPE"}
                                                     and not span[0].lower_ in {"the", "a", "an"}):
        q.speaker_kind = "person"
        ents = [ent_of(t) for t in span if t.ent_type_ == "PERSON"]
        name_text = ents[-1].text if ents else " ".join(person_words(text.split()))
        q.speaker = people.name(name_text, span.start_char)
    elif labels & {"ORG", "NORP", "GPE"}:
        label = next(t.ent_type_ for t in reversed(span) if t.ent_type_ in {"ORG", "NORP", "GPE"})
        q.speaker, q.speaker_kind = text, _LABEL_KINDS[label]
    elif _unlabelled_title_name(span, lex):
        # "The Blaze reported", "the Times said": a capitalised name after "the" that the NER
        # missed, no role noun ("the Senator") at its head, is a publication or organisation
        q.speaker, q.speaker_kind = text, "org"
    else:
        q.speaker, q.speaker_kind = _common_noun_speaker(span, lex)


def _named_for_a_person(span, lex: Lexicon) -> bool:
    """The mention's last word is a noun naming a speaker, outside any name, after a person's
    name that modifies it, in a phrase opened by a determiner or a number or with a plural
    head ("the Clinton campaign", "one Obama aide", "Trump supporters"); not a name followed
    by its title with no comma ("Dr Ann Lee games director")."""
    head = span[-1]
    if head.ent_type_ or head.pos_ != "NOUN" or speaker_noun_kind(head.text, lex) is None:
        return False
    if span[0].tag_ not in {"DT", "CD"} and head.tag_ != "NNS":
        return False
    return any(t.ent_type_ == "PERSON" and t.head.i == head.i and t.dep_ in {"compound", "nmod"}
               for t in span[:-1])


def speaker_noun_kind(word: str, lex: Lexicon) -> str | None:
    """role, group or org for a noun that names a speaker ("spokesman", "residents",
    "ministry", "46-year-old"); None for any other word. A plural role is a group."""
    w = word.lower()
    if w in lex.speaker_nouns:
        return lex.speaker_nouns[w]
    if re.fullmatch(r"\d+-years?-old", w):
        return "role"
    for suffix, repl in (("men", "man"), ("ies", "y"), ("es", ""), ("s", "")):
        if w.endswith(suffix) and w[:-len(suffix)] + repl in lex.speaker_nouns:
            kind = lex.speaker_nouns[w[:-len(suffix)] + repl]
            return "group" if kind == "role" else kind
    return None


def _common_noun_speaker(span, lex: Lexicon) -> tuple[str | None, str]:
    """A mention with no name: a speaker when its head noun names a role, a group of people or
    an organisation ("the spokesman", "Michael Jackson's mother"), else none."""
    if re.search(r"\d+-years?-old$", span.text):
        return span.text, "role"   # "the 46-year-old": the tokenizer splits the hyphens
    nouns = [t for t in span if t.pos_ in {"NOUN", "PROPN"} or (not t.pos_ and t.is_alpha)]
    head = nouns[-1].text if nouns else span[-1].text
    kind = speaker_noun_kind(head, lex)
    return (span.text, kind) if kind is not None else (None, "unknown")


def _unlabelled_title_name(span, lex: Lexicon) -> bool:
    """"The Blaze", "the Post": "the" and one to three capitalised proper nouns, no entity
    label (or the label of a work, which newspapers' names often get), the last no speaker noun."""
    rest = span[1:]
    return span[0].lower_ == "the" and 1 <= len(rest) <= 3 \
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ in {"", "WORK_OF_ART"}
                for t in rest) \
        and speaker_noun_kind(rest[-1].text, lex) is None


def resolve_mention(doc: Doc, start_char: int, end_char: int) -> str | None:
    """The person or organisation that the mention ``doc.text[start_char:end_char]`` names, by
    the same rules as the speakers of quotes ("he" -> "Philip Krein", "Krein" -> "Philip Krein")."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    lex = load_lexicon()
    q = Quote(start_char, end_char, "double")
    q.mention = (span.start, span.end)
    name_speaker(doc, q, People(doc, lex, doc.text), lex)
    return q.speaker


__all__ = ["People", "name_speaker", "document_author", "earlier_author", "speaker_noun_kind", "strip_name", "resolve_mention", "resolve_pronoun_at",
           "other_first_name", "SUBJECT_WEIGHT", "SUBJECT_SENTENCES"]
