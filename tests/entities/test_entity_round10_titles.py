"""Round 10 (issue 14): more cues for titles of works (:mod:`extract.entities.works.titles`, word
lists in ``resources/entity_awards_events.json``). Sentences written for these tests; the rules run
on ``spacy.blank("en")`` with hand-set entities (``labels_hold``)."""
from __future__ import annotations

import pytest

from extract.entities.works.awards import validate_award_event_words
from extract.errors import ResourceError

WEAK_OF_TITLES = [
    # a title after "version of", "episode of", "production of", "rendition of", "edition of"
    ("The band closed with a rousing version of Glass Harbour Lights.", [],
     [("Glass Harbour Lights", "WORK_OF_ART")], []),
    ("Thirteen episodes of Tarnby Nights have been made.", [("Tarnby Nights", "PERSON")],
     [("Tarnby Nights", "WORK_OF_ART")], [("Tarnby Nights", "PERSON")]),
    ("She starred in the award-winning production of The Crow and the Field at the Lyric.", [("Lyric", "FAC")],
     [("The Crow and the Field", "WORK_OF_ART")], []),
    ("He sang a rendition of Silver Kettle Blues on Friday.", [("Friday", "DATE")],
     [("Silver Kettle Blues", "WORK_OF_ART")], []),
    ("Two hosts joined a celebrity edition of Quiz Kettle last night.", [],
     [("Quiz Kettle", "WORK_OF_ART")], []),
    # a weak cue: not a place, a firm, a person's full name, nor a product, a maker or a platform
    ("It was the best performance of Tom Vardy this year.", [("Tom Vardy", "PERSON")],
     [("Tom Vardy", "PERSON")], [("Tom Vardy", "WORK_OF_ART")]),
    ("The revival of Brenmouth has been slow.", [("Brenmouth", "GPE")], [("Brenmouth", "GPE")],
     [("Brenmouth", "WORK_OF_ART")]),
    ("The production of Quellnet phones fell.", [("Quellnet", "ORG")], [("Quellnet", "ORG")],
     [("Quellnet", "WORK_OF_ART")]),
    ("A new version of Windows XP is due.", [("Windows XP", "PRODUCT")], [("Windows XP", "PRODUCT")],
     [("Windows XP", "WORK_OF_ART")]),
    ("A version of Internet Explorer is due.", [], [], [("Internet Explorer", "WORK_OF_ART")]),
    ("A cheaper version of Nintendo's machine is due.", [], [], [("Nintendo", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", WEAK_OF_TITLES)
def test_round10_titles_after_weak_of(labels_hold, text, ents, expected, absent):
    """A title after "version of", "episode of", "production of" ... is a WORK_OF_ART, as after
    a role phrase: not a place, a firm, a person's full name or a product."""
    labels_hold(text, ents, expected, absent)


def test_title_cue_weak_of_is_optional_and_checked():
    """The round-10 list may be left out (empty) and takes lower-case phrases only."""
    good = {"award_nouns": ["award"], "award_front_blockers": ["TV"], "award_front_strip": ["The"],
            "award_body_heads": ["Guild"], "event_heads_bare": ["Cup"], "legal_fronts": ["Chapter"],
            "title_cue_nouns": ["show"]}
    assert validate_award_event_words(good).title_cue_weak_of == frozenset()
    assert "version of" in validate_award_event_words({**good, "title_cue_weak_of": ["version of"]}).title_cue_weak_of
    with pytest.raises(ResourceError, match=r"title_cue_weak_of\[0\]"):
        validate_award_event_words({**good, "title_cue_weak_of": ["Version of"]})


HEADED_TITLES = [
    # a PERSON or ORG of the model's between "the" and a head for films is the title
    ("He wore a coat from the Glass Harbour trilogy.", [("Glass Harbour", "PERSON")],
     [("Glass Harbour", "WORK_OF_ART")], [("Glass Harbour", "PERSON")]),
    ("She starred in the Silver Kettle movie last year.", [("Silver Kettle", "PERSON")],
     [("Silver Kettle", "WORK_OF_ART")], []),
    ("He had made the Night Orchard movies, but no more.", [("Night Orchard", "ORG")],
     [("Night Orchard", "WORK_OF_ART")], [("Night Orchard", "ORG")]),
    ("The studio owns the Kettle Keeper franchise.", [("Kettle Keeper", "ORG")], [("Kettle Keeper", "WORK_OF_ART")], []),
    # not a person's full name, a surname of a named person, a non-title, a place, a longer title's end
    ("It was the Michael Vardy film of the year.", [("Michael Vardy", "PERSON")], [("Michael Vardy", "PERSON")],
     [("Michael Vardy", "WORK_OF_ART")]),
    ("Tom Quellby is back. It is the Quellby film of the year.", [("Tom Quellby", "PERSON"), ("Quellby", "PERSON")],
     [("Quellby", "PERSON")], [("Quellby", "WORK_OF_ART")]),
    ("He was cast in the Bond franchise.", [("Bond", "PERSON")], [("Bond", "PERSON")], [("Bond", "WORK_OF_ART")]),
    ("She saw the Lord of the Kettles film.", [("Kettles", "ORG")], [("Kettles", "ORG")], [("Kettles", "WORK_OF_ART")]),
    ("The fans of the Brenmouth film festival came.", [("Brenmouth", "GPE")], [("Brenmouth", "GPE")],
     [("Brenmouth", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", HEADED_TITLES)
def test_round10_titles_before_film_heads(labels_hold, text, ents, expected, absent):
    """A name the model read as a person or firm between "the" and "film", "movies", "trilogy" ... is a
    WORK_OF_ART; a person's full name, a surname, a non-title, a place or a longer title's end is not."""
    labels_hold(text, ents, expected, absent)
