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
"a Pentagon report", "NASA's report", "a letter from the Legion"), who is then the speaker.
``speaker_kind`` is person, org, group or role (a common noun naming a speaker, "the
spokesman"); a mention that names none of these (a thing, a manner, an unresolved pronoun)
gives no speaker and the kind ``unknown``: never a wrong name.

The rules live in sibling modules, by concern; this module names the speaker of a mention
(:func:`name_speaker`) and re-exports their public names:

================  ============================================================================
``names``         a name's words and first-name gender, relatives, quotation interiors (no parse)
``people``        :class:`People`: a document's named people, mentions, subjects and genders
``pronouns``      :func:`resolve_pronoun_at`: "he"/"she", "it"/"they", "I"/"we"
``documents``     a document's author (:func:`document_author`, :func:`earlier_author`)
``roles``         common nouns naming a speaker (:func:`speaker_noun_kind`), a role's person
``speakers``      :func:`name_speaker`, :func:`resolve_mention`: from a mention to its speaker
================  ============================================================================
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .documents import (AUTHOR_METHODS, EARLIER_TOKENS, _is_document, _issuer, _speaks_through_cue,
                        document_author, earlier_author)
from .lexicon import Lexicon, load_lexicon
from .marks import Quote
from .names import (_LABEL_KINDS, first_name_gender, looks_like_person, other_first_name,
                    person_words, strip_name)
from . import people as _people
from .people import SUBJECT_WEIGHT
from .phrases import RELATIVES, ent_of, is_pronoun, np_around
from .pronouns import (MAX_CHAIN, MAX_SENTENCES, SUBJECT_SENTENCES, _outer_same_pronoun, resolve_pronoun_at)
from .roles import (_common_noun_speaker, _name_after_domain, _named_for_a_person, _unlabelled_title_name,
                    speaker_noun_kind)


class People(_people.People):
    """A document's people (:class:`extract.quotes.people.People`) that can also name a
    mention as a speaker, as a document's author needs (:mod:`.documents` calls
    :meth:`name_mention`)."""

    def name_mention(self, q: Quote) -> None:
        name_speaker(self.doc, q, self, self.lex)


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


__all__ = ["People", "name_speaker", "document_author", "earlier_author", "speaker_noun_kind", "strip_name",
           "resolve_mention", "resolve_pronoun_at", "other_first_name", "first_name_gender", "looks_like_person",
           "person_words", "SUBJECT_WEIGHT", "SUBJECT_SENTENCES", "MAX_SENTENCES", "MAX_CHAIN", "AUTHOR_METHODS",
           "EARLIER_TOKENS"]
