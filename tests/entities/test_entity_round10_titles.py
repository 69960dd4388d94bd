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
