"""Round 6 of the rules for works and products (:mod:`extract.entities.works`): a number right
after an organisation's possessive names a model ("Airbus's 320"), and is a PRODUCT at its other
mentions, with a variant ("the 320-200"). Sentences written for these tests; the rules run on
``spacy.blank("en")`` with hand-set entities."""
from __future__ import annotations

import pytest

MODEL_CASES = [
    ("Lockheed's 130 line is old. The 130 still flies.", [("Lockheed", "ORG"), ("130", "CARDINAL")],
     [("130", "PRODUCT")], [("130", "CARDINAL")]),
    ("Airbus's 340 sold slowly, and the 340-600 was late.", [("Airbus", "ORG"), ("340", "CARDINAL")],
     [("340-600", "PRODUCT")], [("340", "CARDINAL")]),
    ("Pilots praised Fokker's 100 and its cabin.", [("Fokker", "ORG")], [("100", "PRODUCT")], []),
]

MODEL_NEGATIVES = [
    # a count or a sum after the possessive
    ("Ford's 300 workers went on strike.", [("Ford", "ORG"), ("300", "CARDINAL")], [("300", "PRODUCT")]),
    ("Shell's 150 million barrels were sold.", [("Shell", "ORG"), ("150 million", "CARDINAL")],
     [("150", "PRODUCT")]),
    ("Tesco's 500 of the stores opened late.", [("Tesco", "ORG"), ("500", "CARDINAL")], [("500", "PRODUCT")]),
    # a person's possessive, or a number of another length
    ("Smith's 147 break won the frame.", [("Smith", "PERSON"), ("147", "CARDINAL")], [("147", "PRODUCT")]),
    ("Boeing's 12 jets and the 2004 results.", [("Boeing", "ORG"), ("12", "CARDINAL")], [("12", "PRODUCT")]),
    # no possessive: a number near a firm is no model
    ("Boeing said 777 staff left.", [("Boeing", "ORG"), ("777", "CARDINAL")], [("777", "PRODUCT")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", MODEL_CASES)
def test_number_after_a_firms_possessive_is_a_model(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, absent", MODEL_NEGATIVES)
def test_no_model_for_a_count_or_without_a_firms_possessive(labels_hold, text, ents, absent):
    labels_hold(text, ents, [], absent)


@pytest.mark.parametrize("text, ents, absent", [
    ("The WTO's 148 current members met.", [("WTO", "ORG"), ("148", "CARDINAL")], [("148", "PRODUCT")]),
    ("Sony's 102-inch screen was shown.", [("Sony", "ORG")], [("102", "PRODUCT")]),
])
def test_no_model_before_an_adjective_and_a_plural_or_a_unit(labels_hold, text, ents, absent):
    labels_hold(text, ents, [], absent)


@pytest.mark.parametrize("text, ents, expected, absent", [
    ("She saved the report in Microsoft Word last night.", [("Microsoft Word", "ORG")],
     [("Microsoft Word", "PRODUCT")], [("Microsoft Word", "ORG")]),
    ("The virus reads Microsoft Outlook address books.", [("Microsoft Outlook", "ORG")],
     [("Microsoft Outlook", "PRODUCT")], []),
    ("Slides made in PowerPoint were shown.", [], [("PowerPoint", "PRODUCT")], []),
    # the firm alone stays an organisation
    ("Microsoft said the Office team had grown.", [("Microsoft", "ORG")], [("Microsoft", "ORG")],
     [("Microsoft", "PRODUCT")]),
])
def test_software_named_with_its_maker_is_a_product(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)
