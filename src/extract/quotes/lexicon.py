"""The quotation rules' word lists (``resources/quotes.json``), read and checked once.

The file is read through the one resource loader against :data:`SHAPE`; a problem raises a
coded :class:`~extract.errors.ResourceError` naming the file, the key and what was allowed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import Errors, ResourceError
from ..resources import Choice, ListOf, MapOf, Record, bad, load

#: the package data file the component reads by default
RESOURCE = "quotes.json"
#: what a pronoun or honorific tells of the person: ``self`` is the writer ("I")
GENDERS = ("male", "female", "plural", "neuter", "self")
#: the speaker kinds a common noun can name ("the spokesman", "residents", "the ministry")
SPEAKER_NOUN_KINDS = ("role", "group", "org")

#: package data: genders of first names from the census lists (see its "_source"); the curated
#: ``first_names`` of quotes.json come first (:func:`.speakers.first_name_gender`)
GENDERS_RESOURCE = "first_name_genders.json"
GENDERS_SHAPE = Record({"male": ListOf(str), "female": ListOf(str)})

SHAPE = Record({
    "reporting_verbs": MapOf(ListOf(str, nonempty=True)),   # lemma -> its forms
    "tag_free_forms": ListOf(str),     # forms that are cues whatever their part-of-speech tag
    "pronouns": MapOf(Choice(*GENDERS)),
    "honorifics": MapOf(Choice("male", "female", None)),
    "name_titles": ListOf(str),        # words stripped from the front of a name ("Senator")
    "first_names": Record({"male": ListOf(str), "female": ListOf(str)}, optional=("male", "female")),
    "listener_verbs": ListOf(str),     # lemmas of reporting_verbs whose object listens ("told X")
    # lemmas of listener_verbs whose passive subject still speaks ("X was quoted as saying")
    "passive_speaker_verbs": ListOf(str),
    "phrasal_cues": ListOf(str),       # two-word cues ("according to", "went on")
    "weak_verbs": ListOf(str),         # lemmas that are cues only right before the quote
    # head nouns of a mention that is no name, by the kind of speaker they name
    "speaker_nouns": Record({kind: ListOf(str) for kind in SPEAKER_NOUN_KINDS}),
    # nouns naming what someone said ("Trump's claim that “...”"): their owner speaks
    "speech_nouns": ListOf(str),
    # nouns for a text or a record ("the report", "the poll"): says something, is nobody
    "document_nouns": ListOf(str),
    # possessive pronoun -> the pronoun (a key of "pronouns") that refers to the same speaker
    "possessive_pronouns": MapOf(str),
    # lemmas of reporting_verbs whose subject repeats another's words ("the letter quotes ...")
    "quoting_verbs": ListOf(str),
    # verbs whose subject makes a document ("issued a statement"): lemma -> its forms
    "issuing_verbs": MapOf(ListOf(str, nonempty=True)),
    # document_nouns of what someone announces ("the statement"): a first bare one is the
    # statement of whom the writer's sentence before it says announced something
    "announced_nouns": ListOf(str),
    # document noun -> forms of a verb whose subject makes it ("sued" -> "the lawsuit")
    "making_verbs": MapOf(ListOf(str, nonempty=True)),
    # words that may join a partial quote to the quote before it in its clause (no verb)
    "clause_joiners": ListOf(str),
}, optional=("quoting_verbs", "issuing_verbs", "announced_nouns", "making_verbs"))


@dataclass(frozen=True)
class Lexicon:
    verb_forms: frozenset[str]
    tag_free: frozenset[str]
    pronouns: dict
    honorifics: dict
    titles: frozenset[str]
    first_names: dict
    listener_forms: frozenset[str]
    weak_forms: frozenset[str]
    phrasal: frozenset[str]
    speaker_nouns: dict   # lower-case noun -> role, group or org
    passive_speaker_forms: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    possessives: dict = field(default_factory=dict)   # "his" -> "he"
    document_nouns: frozenset[str] = frozenset()
    quoting_forms: frozenset[str] = frozenset()
    issuing_forms: frozenset[str] = frozenset()
    announced_nouns: frozenset[str] = frozenset()
    making_forms: dict = field(default_factory=dict)   # "lawsuit" -> {"sue", "sued", ...}
    clause_joiners: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def load_lexicon(name: str = RESOURCE) -> Lexicon:
    """Read and check the package data file ``name`` (``resources/quotes.json``)."""
    return build_lexicon(load(name, SHAPE), name)


def build_lexicon(data: Any, name: str = RESOURCE) -> Lexicon:
    """The lexicon of ``data`` (the parsed file), checked against :data:`SHAPE`."""
    load(name, SHAPE, data)
    verbs = data["reporting_verbs"]

    def forms_of(key: str) -> frozenset[str]:
        out = set()
        for i, lemma in enumerate(data[key]):
            if lemma not in verbs:
                raise ResourceError(Errors.E700.format(name=name, where=f"{key}[{i}]", lemma=lemma))
            out.update(f.lower() for f in verbs[lemma])
        return frozenset(out)

    pronouns = {k.lower(): v for k, v in data["pronouns"].items()}
    possessives = {k.lower(): v.lower() for k, v in data["possessive_pronouns"].items()}
    for word, pron in possessives.items():
        if pron not in pronouns:
            raise bad(name, f"possessive_pronouns.{word}", f"{pron!r} is not a key of pronouns")
    first = {}
    for gender, names in data["first_names"].items():
        for n in names:
            first[n.lower()] = gender
    return Lexicon(
        weak_forms=forms_of("weak_verbs"),
        listener_forms=forms_of("listener_verbs"),
        passive_speaker_forms=forms_of("passive_speaker_verbs"),
        quoting_forms=forms_of("quoting_verbs") if "quoting_verbs" in data else frozenset(),
        issuing_forms=frozenset(f.lower() for fs in data.get("issuing_verbs", {}).values() for f in fs),
        phrasal=frozenset(p.lower() for p in data["phrasal_cues"]),
        verb_forms=frozenset(f.lower() for fs in verbs.values() for f in fs),
        tag_free=frozenset(f.lower() for f in data["tag_free_forms"]),
        pronouns=pronouns,
        possessives=possessives,
        speech_nouns=frozenset(w.lower() for w in data["speech_nouns"]),
        document_nouns=frozenset(w.lower() for w in data["document_nouns"]),
        announced_nouns=frozenset(w.lower() for w in data.get("announced_nouns", ())),
        making_forms={n.lower(): frozenset(f.lower() for f in fs) for n, fs in data.get("making_verbs", {}).items()},
        clause_joiners=frozenset(w.lower() for w in data["clause_joiners"]),
        honorifics={k.lower(): v for k, v in data["honorifics"].items()},
        titles=frozenset(t.lower() for t in data["name_titles"]),
        first_names=first,
        speaker_nouns={w.lower(): kind for kind in SPEAKER_NOUN_KINDS
                       for w in data["speaker_nouns"][kind]},
    )


__all__ = ["RESOURCE", "SHAPE", "GENDERS", "SPEAKER_NOUN_KINDS", "Lexicon", "load_lexicon", "build_lexicon"]


@lru_cache(maxsize=1)
def census_genders() -> dict[str, str]:
    """Lower-case first name -> "male" or "female" (``GENDERS_RESOURCE``)."""
    data = load(GENDERS_RESOURCE, GENDERS_SHAPE)
    return {n.lower(): g for g in ("male", "female") for n in data[g]}
