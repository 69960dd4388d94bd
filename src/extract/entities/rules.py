"""The entity rules as data: the word lists of ``entity_words.json`` and the token patterns of
``entity_patterns.jsonl``, read once through the package's one resource loader.

Shapes are declared here and checked by :func:`extract.resources.load`; a bad file raises a
coded :class:`~extract.errors.ResourceError` naming the file, the place and what was allowed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .. import schema
from ..errors import Errors, ResourceError
from ..resources import AnyOf, Choice, ListOf, Record, bad, load, load_jsonl

#: OntoNotes labels that go to entities.csv
ENTITY_LABELS: tuple[str, ...] = schema.ENTITY_LABELS
LABELS = frozenset(ENTITY_LABELS)

PATTERNS_FILE = "entity_patterns.jsonl"
WORDS_FILE = "entity_words.json"
SPANS_FILE = "entity_spans.json"

#: key of entity_words.json -> what it lists (each used by one rule; see the package docstring)
WORD_LISTS = (
    "titles", "role_words", "demonyms", "leading_determiners", "keep_the", "name_particles", "org_heads",
    "event_heads", "law_heads", "org_suffixes_lower", "directions", "continents", "region_countries",
    "trailing_lower_labels", "gpe_cue_nouns", "org_cue_before", "org_cue_after", "org_cue_in",
    "product_cue_after", "royal_titles", "fac_heads", "saint_words", "club_heads", "place_cue_before",
    "org_cue_phrases", "gazetteer_cue_before", "gazetteer_cue_blockers", "courtesy_titles",
    "work_cue_before", "title_small_words", "club_cue_after", "club_cue_phrases", "home_nations",
    "sport_words", "company_heads", "versus_words", "show_words", "broadcasters", "award_heads", "event_names",
    "work_articles", "event_cue_after", "gpe_abbreviations", "product_determiners", "fac_cue_after",
    "award_names", "country_groups", "water_heads", "water_fronts", "county_words", "land_heads",
    "org_member_nouns",
)
WORDS_SHAPE = Record({key: ListOf(Choice(*ENTITY_LABELS)) if key == "trailing_lower_labels" else ListOf(str)
                      for key in WORD_LISTS})
#: conditions a pattern's match must meet besides the tokens
REQUIREMENTS = ("line_start", "line_end")
PATTERN_SHAPE = Record(
    {"id": str, "label": Choice(*ENTITY_LABELS), "pattern": ListOf(dict, nonempty=True),
     "keep": ListOf(AnyOf(int, None)), "require": ListOf(Choice(*REQUIREMENTS))},
    optional=("keep", "require"),
)


#: key of entity_spans.json -> what it lists (the span rules of :mod:`.spans`)
SPAN_LISTS = (
    "work_plurals", "work_words", "list_openers", "work_cue_extra", "title_breakers", "hyphen_compound_heads",
    "hyphen_prefixes", "event_adjectives", "name_piece_labels", "agency_fronts", "place_cue_before", "credit_words",
    "continental_adjectives", "not_name_starts",
    "not_places", "list_media", "law_heads_extra", "convention_bodies",
    "language_nouns", "group_words_ambiguous", "not_group_words",
    "distance_units", "distance_events", "event_results",
    "people_list_nouns", "person_speech_verbs",
    "parliament_seats",
    "settlement_nouns",
)
SPANS_SHAPE = Record({key: ListOf(Choice(*ENTITY_LABELS)) if key == "name_piece_labels" else ListOf(str)
                      for key in SPAN_LISTS}, optional=("list_media", "law_heads_extra", "convention_bodies",
                                                                 "language_nouns", "group_words_ambiguous", "not_group_words",
                                                                 "distance_units", "distance_events", "event_results",
                                                                 "people_list_nouns", "person_speech_verbs",
                                                                 "parliament_seats",
                                                                 "settlement_nouns"))


@dataclass(frozen=True)
class SpanWords:
    """The word lists of ``entity_spans.json`` (titles of works, acronyms, name pieces)."""

    work_plurals: frozenset[str]
    work_words: frozenset[str]
    list_openers: tuple[tuple[str, ...], ...]  # "such as" -> ("such", "as")
    work_cue_extra: frozenset[str]
    title_breakers: frozenset[str]
    hyphen_compound_heads: frozenset[str]
    hyphen_prefixes: frozenset[str]
    event_adjectives: frozenset[str]
    name_piece_labels: frozenset[str]
    agency_fronts: frozenset[str]
    place_cue_before: frozenset[str]
    not_places: frozenset[str]
    credit_words: tuple[tuple[str, ...], ...]  # "directed by" -> ("directed", "by")
    continental_adjectives: frozenset[str]
    not_name_starts: frozenset[str]
    list_media: frozenset[str]  # "TV shows X and Y": a medium before a plural word for works opens a list
    law_heads_extra: frozenset[str]  # round 7: heads of laws besides law_heads ("Convention", "Agreement")
    convention_bodies: frozenset[str]  # round 7: words of a convention that meets ("National", "Constitutional")
    #: round 13: lower-case nouns after a language's name that keep it a LANGUAGE ("English lessons")
    language_nouns: frozenset[str] = frozenset()
    #: round 13: nationality or party words that are also common words at a sentence start ("Polish", "Conservative")
    group_words_ambiguous: frozenset[str] = frozenset()
    #: round 13: nationality words that mostly name something else ("Brits": the awards; "Kiwis": a team)
    not_group_words: frozenset[str] = frozenset()
    #: round 14: units of a race's distance ("m" of "100m"), games named before one ("Commonwealth 100m
    #: champion"), lower-case words for a result after a games' name ("Sydney Olympic champion")
    distance_units: frozenset[str] = frozenset()
    distance_events: frozenset[str] = frozenset()
    event_results: frozenset[str] = frozenset()
    #: round 14: plural words for people before a list ("stars, including X, Y and Z") and verbs of
    #: speech before a colon that only a person takes ("X countered: ...")
    people_list_nouns: frozenset[str] = frozenset()
    person_speech_verbs: frozenset[str] = frozenset()
    #: round 14: places that stand for a parliament, GPE (gold: "Holyrood officials", fresh7's "Westminster")
    parliament_seats: frozenset[str] = frozenset()
    #: round 14: nouns for a settlement heading an apposition ("X, a 50-family community"): X is a GPE
    settlement_nouns: frozenset[str] = frozenset()


def validate_span_words(data: object = None, name: str = SPANS_FILE) -> SpanWords:
    """The word lists of ``name`` (or of ``data`` given in its place)."""
    data = load(name, SPANS_SHAPE, data)
    lists = {key: frozenset(data.get(key, ())) for key in SPAN_LISTS}
    for key in ("list_openers", "credit_words"):
        lists[key] = tuple(tuple(phrase.lower().split()) for phrase in data[key])
    return SpanWords(**lists)


@lru_cache(maxsize=None)
def load_span_words(name: str = SPANS_FILE) -> SpanWords:
    return validate_span_words(name=name)


WORKS_FILE = "entity_works.json"
#: key of entity_works.json -> whether it lists phrases (tuples of lower-case words) or names
WORK_LISTS = {"title_cue_in": True, "title_cue_of": True, "award_roles": False, "award_grades": False,
              "crew_words": False, "not_titles": False, "known_products": True, "product_words_before": True,
              "version_after": False, "title_cue_comma": False,
              "crew_words_shared": False, "platforms": False, "makers": False, "model_words": False,
              "model_trims": False, "apposition_heads": False, "apposition_next": False,
              "model_nouns": True, "vehicle_nouns": True, "not_model_codes": False, "road_words": False,
              "role_openers": True, "launch_verbs": True,
              "programme_nouns": False, "title_cue_credit_of": True, "credit_words_strong": False,
              "best_named_verbs": True, "best_won_verbs": True, "best_work_nouns": False, "best_screen_nouns": False,
              "predicate_verbs": True, "predicate_work_nouns": False, "title_naming_verbs": False,
              "award_sentence_words": False, "title_front_words": False, "title_cue_verbs": False}
#: lists a word file may leave out (round 5: platforms, makers and model words; empty when absent)
WORK_LISTS_OPTIONAL = ("platforms", "makers", "model_words", "model_trims", "apposition_heads", "apposition_next",
                       "model_nouns", "vehicle_nouns", "not_model_codes", "road_words", "role_openers",
                       "launch_verbs", "programme_nouns", "title_cue_credit_of", "credit_words_strong",
                       "best_named_verbs", "best_won_verbs", "best_work_nouns", "best_screen_nouns",
                       "predicate_verbs", "predicate_work_nouns", "title_naming_verbs",
                       "award_sentence_words", "title_front_words", "title_cue_verbs")


@dataclass(frozen=True)
class WorkWords:
    """The word lists of ``entity_works.json`` (titles of works and products, :mod:`.works`);
    phrases as tuples of words (``known_products`` keep their case)."""

    title_cue_in: frozenset[tuple[str, ...]]
    title_cue_of: frozenset[tuple[str, ...]]
    award_roles: frozenset[str]
    award_grades: frozenset[str]
    crew_words: frozenset[str]
    not_titles: frozenset[str]
    known_products: frozenset[tuple[str, ...]]
    product_words_before: frozenset[tuple[str, ...]]
    version_after: frozenset[str]
    title_cue_comma: frozenset[str]
    crew_words_shared: frozenset[str]  # credit words an organisation has too ("X director Y")
    platforms: frozenset[str]  # a platform after a game's title ("Rayman DS")
    makers: frozenset[str]  # makers whose name before a platform makes a product ("Nintendo DS")
    model_words: frozenset[str]  # after a number in a model's name ("1 Series")
    model_trims: frozenset[str]  # trim words after a model's code ("C180 SE")
    apposition_heads: frozenset[str]  # "X, the new film by Y": a word for a work after the comma
    apposition_next: frozenset[str]  # words that may follow that head ("by", "about", "starring")
    model_nouns: frozenset[tuple[str, ...]]  # round 7: a made thing after a model's code ("DB9 sports car")
    vehicle_nouns: frozenset[tuple[str, ...]]  # round 7: a vehicle after a model's name ("the Vantage sports car")
    not_model_codes: frozenset[str]  # round 7: codes that name no model ("MP3", "P2P", "MI5")
    road_words: frozenset[str]  # round 7: a road's word after its number ("the M6 toll road")
    role_openers: frozenset[tuple[str, ...]]  # round 7: playing a part ("playing a boxer in X")
    launch_verbs: frozenset[tuple[str, ...]]  # round 8: a verb that shows a new model ("unveiled the DB9")
    # round 12 (works/programmes.py): programmes and films named with no quote marks
    programme_nouns: frozenset[str]  # after a broadcaster, before titles ("ITV1 shows X and Y")
    title_cue_credit_of: frozenset[tuple[str, ...]]  # "creator of X", "star of X"
    credit_words_strong: frozenset[str]  # "X creator Y", "X co-writer Y": no firm has them
    best_named_verbs: frozenset[tuple[str, ...]]  # "X was named best comedy"
    best_won_verbs: frozenset[tuple[str, ...]]  # "X won best drama"
    best_work_nouns: frozenset[str]  # after "named best": any work
    best_screen_nouns: frozenset[str]  # after "won best": the screen's works (a band wins "best album")
    predicate_verbs: frozenset[tuple[str, ...]]  # "X has become one of ...'s most watched programmes"
    predicate_work_nouns: frozenset[str]  # the noun of that predicate
    title_naming_verbs: frozenset[str]  # "a track called X" (a word for a work before the verb)
    award_sentence_words: frozenset[str]  # round 14 (works/awarded.py): a sentence about awards ("nominees", "category")
    title_front_words: frozenset[str]  # round 14: a capitalised word before a title that is its first ("My Summer of Love")
    title_cue_verbs: frozenset[str]  # round 14: a verb before a title ("co-wrote X", "directed X", "tuned into X")


def validate_work_words(data: object = None, name: str = WORKS_FILE) -> WorkWords:
    """The lists of ``name`` (or ``data`` given in its place); cue phrases in lower case."""
    data = load(name, Record({key: ListOf(str) for key in WORK_LISTS}, optional=WORK_LISTS_OPTIONAL), data)
    for key in ("title_cue_in", "title_cue_of", "product_words_before", "award_roles", "award_grades", "crew_words",
                "title_cue_comma", "crew_words_shared", "model_nouns", "vehicle_nouns", "road_words",
                "role_openers", "launch_verbs", "programme_nouns", "title_cue_credit_of", "credit_words_strong",
                "best_named_verbs", "best_won_verbs", "best_work_nouns", "best_screen_nouns", "predicate_verbs",
                "predicate_work_nouns", "title_naming_verbs",
                "award_sentence_words", "title_cue_verbs"):
        for i, entry in enumerate(data.get(key, ())):
            if not entry.strip() or entry != entry.lower():
                raise bad(name, f"{key}[{i}]", f"{entry!r} must be lower-case words")
    return WorkWords(**{key: frozenset(tuple(e.split()) if phrase else e for e in data.get(key, ()))
                        for key, phrase in WORK_LISTS.items()})


@lru_cache(maxsize=None)
def load_work_words(name: str = WORKS_FILE) -> WorkWords:
    return validate_work_words(name=name)


LABEL_CUES_FILE = "entity_labels.json"
#: key of entity_labels.json -> whether its entries are lower-case words (else capitalised names)
LABEL_CUE_LISTS = {
    "person_cue_before": True, "person_cue_possessed": True, "org_cue_possessed": True,
    "first_name_blockers": False, "not_people_heads": False, "party_members": False,
    "product_heads": False, "product_cue_new": True, "org_list_nouns": True, "person_surname_event_heads": False,
}
LABEL_CUES_SHAPE = Record({key: ListOf(str) for key in LABEL_CUE_LISTS})


@dataclass(frozen=True)
class LabelCues:
    """The word lists of ``entity_labels.json`` (see the module docstring)."""

    person_cue_before: frozenset[str]
    person_cue_possessed: frozenset[str]
    org_cue_possessed: frozenset[str]
    first_name_blockers: frozenset[str]
    not_people_heads: frozenset[str]
    party_members: frozenset[str]
    product_heads: frozenset[str]
    product_cue_new: frozenset[str]
    org_list_nouns: frozenset[str]
    person_surname_event_heads: frozenset[str]


def check_cases(name: str, data: dict, lists: dict[str, bool]) -> None:
    """Each word of each list in ``lists`` (key -> lower case?) is non-empty and in lower case
    (cue words) or capitalised (words of names); the first that is not is an error naming it."""
    for key, lower in lists.items():
        for i, entry in enumerate(data[key]):
            if not entry.strip() or (entry != entry.lower() if lower else not entry[:1].isupper()):
                raise bad(name, f"{key}[{i}]", f"{entry!r} must be {'lower case' if lower else 'capitalised'}")


def validate_label_cues(data: object = None, name: str = LABEL_CUES_FILE) -> LabelCues:
    """The lists of ``name`` (or ``data`` given in its place): cue words in lower case, names
    capitalised."""
    data = load(name, LABEL_CUES_SHAPE, data)
    check_cases(name, data, LABEL_CUE_LISTS)
    return LabelCues(**{key: frozenset(data[key]) for key in LABEL_CUE_LISTS})


@lru_cache(maxsize=None)
def load_label_cues(name: str = LABEL_CUES_FILE) -> LabelCues:
    """The label cue lists (package data), read and checked once per process."""
    return validate_label_cues(name=name)


@dataclass(frozen=True)
class EntityRules:
    """The word lists of ``entity_words.json`` and the patterns of ``entity_patterns.jsonl``."""

    titles: frozenset[str]
    role_words: frozenset[str]
    demonyms: frozenset[str]
    leading_determiners: frozenset[str]
    keep_the: frozenset[str]
    name_particles: frozenset[str]
    org_heads: frozenset[str]
    event_heads: frozenset[str]
    law_heads: frozenset[str]
    org_suffixes_lower: frozenset[str]
    directions: frozenset[str]
    continents: frozenset[str]
    region_countries: frozenset[str]
    trailing_lower_labels: frozenset[str]
    gpe_cue_nouns: frozenset[str]
    org_cue_before: frozenset[str]
    org_cue_after: frozenset[str]
    org_cue_in: frozenset[str]
    product_cue_after: frozenset[str]
    royal_titles: frozenset[str]
    fac_heads: frozenset[str]
    saint_words: frozenset[str]
    club_heads: frozenset[str]
    place_cue_before: frozenset[str]
    org_cue_phrases: frozenset[str]
    gazetteer_cue_before: frozenset[str]
    gazetteer_cue_blockers: frozenset[str]
    courtesy_titles: frozenset[str]
    work_cue_before: frozenset[str]
    title_small_words: frozenset[str]
    club_cue_after: frozenset[str]
    club_cue_phrases: frozenset[str]
    home_nations: frozenset[str]
    sport_words: frozenset[str]
    company_heads: frozenset[str]
    versus_words: frozenset[str]
    show_words: frozenset[str]
    broadcasters: frozenset[str]
    award_heads: frozenset[str]
    event_names: frozenset[str]
    work_articles: frozenset[str]
    event_cue_after: frozenset[str]
    gpe_abbreviations: frozenset[str]
    product_determiners: frozenset[str]
    fac_cue_after: frozenset[str]
    award_names: frozenset[str]
    country_groups: frozenset[str]
    water_heads: frozenset[str]
    water_fronts: frozenset[str]
    county_words: frozenset[str]
    land_heads: frozenset[str]
    org_member_nouns: frozenset[str]
    patterns: tuple[dict, ...]
    spans: SpanWords = field(default_factory=load_span_words)
    labels: LabelCues = field(default_factory=load_label_cues)
    works: WorkWords = field(default_factory=load_work_words)


def validate_words(data: object = None, name: str = WORDS_FILE) -> dict[str, frozenset[str]]:
    """The word lists of ``name`` (or of ``data`` given in its place) as frozensets."""
    data = load(name, WORDS_SHAPE, data)
    return {key: frozenset(data[key]) for key in WORD_LISTS}


def validate_patterns(rows: list | None = None, name: str = PATTERNS_FILE) -> tuple[dict, ...]:
    """The patterns of ``name`` (or ``rows`` given in its place) with ``keep``/``require`` filled in."""
    rows = load_jsonl(name, PATTERN_SHAPE, rows)
    out = []
    for i, row in enumerate(rows, 1):
        keep = row.get("keep", [0, None])
        if len(keep) != 2:
            raise ResourceError(Errors.E254.format(name=name, where=f"record {i}.keep", value=keep))
        out.append({"id": row["id"], "label": row["label"], "pattern": row["pattern"],
                    "keep": tuple(keep), "require": tuple(row.get("require", []))})
    return tuple(out)


@lru_cache(maxsize=None)
def load_rules(words_file: str = WORDS_FILE, patterns_file: str = PATTERNS_FILE) -> EntityRules:
    """Read and validate the word lists and patterns (package data), once per process."""
    return EntityRules(patterns=validate_patterns(name=patterns_file), **validate_words(name=words_file))
