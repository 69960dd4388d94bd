"""The people (and organisations, groups, roles) of a document that pronouns may refer back to:
their full names, mentions, subjects and genders.

Part of :mod:`extract.quotes.speakers` (see there for how the parts fit).
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from .lexicon import Lexicon
from .names import (_KIND_LABELS, _LABEL_KINDS, _inside_quotes, first_name_gender, looks_like_person,
                    other_first_name, person_words, strip_name)
from .phrases import SUBJ_DEPS, ent_of
from .pronouns import MAX_CHAIN, resolve_pronoun_at

#: in pronoun resolution a subject counts as this much nearer than other mentions
SUBJECT_WEIGHT = 0.5


class People:
    """Named people of a document and what is known of their gender. Build
    :class:`extract.quotes.speakers.People`, which also names a mention (a document's author)."""

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


    def name_mention(self, q) -> None:
        """Set ``q.speaker`` from ``q.mention``: :class:`extract.quotes.speakers.People` does."""
        raise NotImplementedError("a mention is named by extract.quotes.speakers.People")


__all__ = ["People", "SUBJECT_WEIGHT"]
