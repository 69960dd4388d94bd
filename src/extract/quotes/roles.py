"""Common nouns that name a speaker: a role ("the spokesman"), a group ("residents"), an
organisation ("the ministry"), and the person a role runs on to ("the minister for civil aviation
Praful Patel").

Part of :mod:`extract.quotes.speakers` (see there for how the parts fit).
"""
from __future__ import annotations

import re

from .lexicon import Lexicon
from .phrases import ent_of

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


#: the entity labels a newspaper's name may get from the model ("the Times" a PRODUCT)
_TITLE_LABELS = frozenset({"", "WORK_OF_ART", "PRODUCT"})


def _unlabelled_title_name(span, lex: Lexicon) -> bool:
    """"The Blaze", "the Post": "the" and one to three capitalised proper nouns, no entity
    label (or the label of a work or a product, which newspapers' names often get: "the Times
    reported"), the last no speaker noun."""
    rest = span[1:]
    return span[0].lower_ == "the" and 1 <= len(rest) <= 3 \
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ in _TITLE_LABELS
                for t in rest) \
        and speaker_noun_kind(rest[-1].text, lex) is None


__all__ = ["speaker_noun_kind"]
