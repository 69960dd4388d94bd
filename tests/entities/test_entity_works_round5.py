"""Round 5 of the rules for works and products (:mod:`extract.entities.works`): a game's title
before a platform's name, a car maker followed by a model's code. Sentences written for these
tests; the rules run on ``spacy.blank("en")`` with hand-set entities."""
from __future__ import annotations

import pytest

PLATFORM_CASES = [
    ("Shops will stock Ubisoft's Rayman DS from Friday.", [("Ubisoft", "ORG"), ("Rayman", "ORG")],
     [("Rayman DS", "WORK_OF_ART")], [("Rayman", "ORG")]),
    ("Players can race in the four-player Mario Kart DS on launch day.", [("Mario Kart", "PERSON")],
     [("Mario Kart DS", "WORK_OF_ART")], [("Mario Kart", "PERSON")]),
    ("The bundle includes Super Mario 64 DS and a stylus.", [],
     [("Super Mario 64 DS", "WORK_OF_ART")], []),
    ("Critics liked Halo Wars Xbox more than expected.", [("Halo Wars", "ORG")],
     [("Halo Wars Xbox", "WORK_OF_ART")], []),
]

PLATFORM_NEGATIVES = [
    # a maker before the platform: the machine, not a game
    ("Demand for the Nintendo DS stayed high.", [("Nintendo", "ORG")], [("Nintendo DS", "WORK_OF_ART")]),
    ("Fans queued for the Sony PSP in Tokyo.", [("Sony", "ORG"), ("Tokyo", "GPE")], [("Sony PSP", "WORK_OF_ART")]),
    # no capitalised title before the platform
    ("More than two million DS consoles were sold.", [], [("DS", "WORK_OF_ART")]),
    ("Sales of the new PSP rose.", [], [("PSP", "WORK_OF_ART")]),
    # one word at a sentence start is no title
    ("Its PSP rival costs more.", [], [("Its PSP", "WORK_OF_ART")]),
    # a number alone before the platform
    ("It sold 20 PS2 units an hour.", [], [("20 PS2", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", PLATFORM_CASES)
def test_title_before_platform_is_a_work(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, absent", PLATFORM_NEGATIVES)
def test_no_title_without_capitalised_words_or_after_a_maker(labels_hold, text, ents, absent):
    labels_hold(text, ents, [], absent)


MODEL_CASES = [
    ("Owners of the BMW 3 Series 320d SE kept their cars longer.", [("BMW", "ORG")],
     [("BMW 3 Series 320d SE", "PRODUCT")], [("BMW", "ORG")]),
    ("It held its value better than the Mercedes Benz C200 SE did.", [("Mercedes Benz C200", "ORG")],
     [("Mercedes Benz C200 SE", "PRODUCT")], []),
    ("The Airbus A380 made its first flight on Wednesday.", [("Airbus", "ORG"), ("Wednesday", "DATE")],
     [("Airbus A380", "PRODUCT")], []),
    ("Dealers said the Audi A6 Estate sold well.", [("Audi", "ORG")], [("Audi A6 Estate", "PRODUCT")], []),
]

MODEL_NEGATIVES = [
    # the maker alone, a one-digit code, a year: no model
    ("BMW said profits rose in 2004.", [("BMW", "ORG"), ("2004", "DATE")], [("BMW", "ORG")]),
    ("Williams F1 boss Frank Williams spoke.", [("Williams F1", "ORG"), ("Frank Williams", "PERSON")],
     [("Williams F1", "ORG")]),
    ("Channel 4 showed the final.", [("Channel 4", "ORG")], [("Channel 4", "ORG")]),
    # a trim word needs a code first
    ("Ford Sport sponsors the race.", [("Ford Sport", "ORG")], [("Ford Sport", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", MODEL_CASES)
def test_maker_and_model_code_is_a_product(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, kept", MODEL_NEGATIVES)
def test_no_product_without_a_model_code(labels_hold, text, ents, kept):
    labels_hold(text, ents, kept)
