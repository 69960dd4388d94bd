"""Who a speaker mention names: full names, pronouns, "who", organisations.

Speakers are named as first introduced in the article: a surname ("Krein") or a titled form
("Mr. Trump") maps to the earliest PERSON entity with the same last word ("Philip Krein"); a
pronoun ("he", "she") maps to the nearest person before it whose gender (from honorifics, a
first-name list, or earlier pronouns) does not conflict, a subject counting as nearer;
"it"/"they" map to the nearest organisation; "who" maps to the noun it refers back to; "I" is
left unnamed. ``speaker_kind`` is person, org, group or role (a common noun naming a speaker,
"the spokesman"); a mention that names none of these (a thing, a manner, an unresolved
pronoun) gives no speaker and the kind ``unknown``: never a wrong name.
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from .lexicon import Lexicon, load_lexicon
from .marks import Quote
from .phrases import RELATIVES, SUBJ_DEPS, ent_of, is_pronoun, np_around

#: the speaker kind of an entity label
_LABEL_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "org", "NORP": "group"}
#: in pronoun resolution a subject counts as this much nearer than other mentions
SUBJECT_WEIGHT = 0.5


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


class People:
    """Named people of a document and what is known of their gender."""

    def __init__(self, doc: Doc, lex: Lexicon, text: str):
        self.lex = lex
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
                prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
                g = lex.honorifics.get(prev) or lex.first_names.get(words[0].lower()) \
                    if len(words) > 1 or prev in lex.honorifics else lex.honorifics.get(prev)
                if g in {"male", "female"}:
                    self.gender.setdefault(full, g)
                self.mentions.append((ent.start_char, full, "PERSON"))
                if ent.root.dep_ in SUBJ_DEPS:
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
            span_starts = [a for a, _ in spans]
            names = sorted({n.split()[-1] for n in self.full.values()}, key=len, reverse=True)
            pattern = r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b"
            for m in re.finditer(pattern, text):
                k = bisect.bisect_right(span_starts, m.start()) - 1   # entities do not overlap
                if not (k >= 0 and spans[k][0] <= m.start() < spans[k][1]):
                    last = strip_name([m.group()], lex)
                    if last and last[-1].lower() in self.full:
                        self.mentions.append((m.start(), self.full[last[-1].lower()], "PERSON"))

    def name(self, text: str, at: int) -> str:
        words = strip_name(text.split(), self.lex)
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

    def _sorted_mentions(self) -> tuple[list[tuple[int, str, str]], list[int]]:
        """The mentions from the last to the first, and their negated offsets (sorted), kept
        until a mention is added."""
        if self._by_pos is None or len(self._by_pos[0]) != len(self.mentions):
            by_pos = sorted(self.mentions, key=lambda m: -m[0])
            self._by_pos = by_pos, [-m[0] for m in by_pos]
        return self._by_pos

    def resolve_pronoun(self, pron: str, at: int) -> str | None:
        """The full name the pronoun ``pron`` at char offset ``at`` refers to, or None."""
        found = self.resolve(pron, at)
        return found[0] if found is not None else None

    def resolve(self, pron: str, at: int) -> tuple[str, str] | None:
        """(full name, speaker kind) of the person or organisation ``pron`` refers to."""
        want = self.lex.pronouns.get(pron.lower())
        if want == "self":
            return None      # "I said": the writer, whose name the text may not give
        # "it" is an organisation; a nationality or party ("Democrats") is "they", never "it"
        labels = {"PERSON"} if want in {"male", "female"} else {"ORG"} if want == "neuter" \
            else {"ORG", "NORP"}
        cands = []
        by_pos, keys = self._sorted_mentions()
        for i in range(bisect.bisect_right(keys, -at), len(by_pos)):
            pos, full, label = by_pos[i]
            if label not in labels:
                continue
            g = self.gender.get(full)
            if want in {"male", "female"} and g is not None and g != want:
                continue
            cands.append((pos, full, label))
            if len(cands) == 4:
                break
        if not cands:
            return None
        # the nearest, unless a subject not much further back is more salient
        pos, full, label = min(cands, key=lambda c: (at - c[0]) * (SUBJECT_WEIGHT if c[0] in self.subjects else 1))
        if want in {"male", "female"}:
            self.gender.setdefault(full, want)
        return full, _LABEL_KINDS.get(label, "org")


def name_speaker(doc: Doc, q: Quote, people: People, lex: Lexicon) -> None:
    """Set ``q.speaker`` and ``q.speaker_kind`` from its mention: a person, an organisation,
    a group of people or a role; anything else (a thing, a manner, an unresolved pronoun)
    leaves the speaker empty and its kind ``unknown``."""
    s, e = q.mention
    span = doc[s:e]
    text = span.text
    if e - s == 1 and doc[s].lower_ in RELATIVES and doc[s].head.dep_ == "relcl":
        # the mention is "who"; the speaker is the noun it refers back to
        ant = doc[s].head.head
        a, b = np_around(doc, ant, lex, 0, s)
        saved = q.mention
        q.mention = (a, b)
        name_speaker(doc, q, people, lex)
        q.mention = saved
        return
    if e - s == 1 and is_pronoun(doc[s], lex):
        found = people.resolve(text, span.start_char)
        q.speaker, q.speaker_kind = found if found is not None else (None, "unknown")
        return
    labels = {t.ent_type_ for t in span if t.ent_type_}
    words = strip_name(text.split(), lex)
    # a name even where the NER missed it: capitalised proper nouns ("Lawyers" at the start
    # of a sentence is not one)
    looks_named = bool(words) and all(w[:1].isupper() for w in words) \
        and any(t.pos_ in {"PROPN", ""} for t in span)   # "": no tagger ran
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


__all__ = ["People", "name_speaker", "speaker_noun_kind", "strip_name", "resolve_mention", "SUBJECT_WEIGHT"]
