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


APPOSITION_CASES = [
    ("Critics praised Dustland, the new film by Ann Vosk, on Monday.",
     [("Dustland", "GPE"), ("Ann Vosk", "PERSON"), ("Monday", "DATE")],
     [("Dustland", "WORK_OF_ART"), ("Ann Vosk", "PERSON")], [("Dustland", "GPE")]),
    ("They watched Harbour Lights, a French comedy about two sisters.", [("Harbour Lights", "ORG"), ("French", "NORP")],
     [("Harbour Lights", "WORK_OF_ART")], [("Harbour Lights", "ORG")]),
    ("The line-up includes The Crow and the Field, an autobiographical drama set in Wales.",
     [("Field", "ORG"), ("Wales", "GPE")], [("The Crow and the Field", "WORK_OF_ART")], [("Field", "ORG")]),
    ("Fans bought Tarnwick, the band's latest single, on Friday.", [("Tarnwick", "PERSON"), ("Friday", "DATE")],
     [], [("Tarnwick", "WORK_OF_ART")]),
]

APPOSITION_NEGATIVES = [
    # the description is no work: a studio, a maker, the work's people
    ("Paramount Pictures, the studio behind the film, said it was pleased.", [("Paramount Pictures", "ORG")],
     [("Paramount Pictures", "ORG")]),
    ("Quellnet, the film studio, said profits rose.", [("Quellnet", "ORG")], [("Quellnet", "ORG")]),
    ("Brask, the film's director, spoke on Friday.", [("Brask", "PERSON"), ("Friday", "DATE")], [("Brask", "PERSON")]),
]

APPOSITION_NOT_WORKS = [
    ("Ann Vosk, the documentary maker, spoke.", [("Ann Vosk", "PERSON")], [("Ann Vosk", "WORK_OF_ART")]),
    ("Tarn Vale, the album's producer, said.", [("Tarn Vale", "ORG")], [("Tarn Vale", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", APPOSITION_CASES)
def test_name_before_a_description_as_a_work(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, kept", APPOSITION_NEGATIVES)
def test_no_work_when_the_description_is_not_one(labels_hold, text, ents, kept):
    labels_hold(text, ents, kept)


@pytest.mark.parametrize("text, ents, absent", APPOSITION_NOT_WORKS)
def test_no_work_before_a_maker_or_a_possessive(labels_hold, text, ents, absent):
    labels_hold(text, ents, [], absent)


MEDIA_LISTS = [
    ("She once hosted TV shows Quiz Night and The Big Kettle.", [("Quiz Night", "PERSON")],
     [("Quiz Night", "WORK_OF_ART"), ("The Big Kettle", "WORK_OF_ART")], [("Quiz Night", "PERSON")]),
    ("He appeared in BBC series Harbour Lane in 1999.", [("BBC", "ORG"), ("Harbour Lane", "FAC")],
     [("Harbour Lane", "WORK_OF_ART"), ("BBC", "ORG")], [("Harbour Lane in 1999", "WORK_OF_ART")]),
]

MEDIA_NEGATIVES = [
    # "shows" as a verb, no medium before it
    ("The poll shows Labour ahead.", [("Labour", "ORG")], [("Labour", "WORK_OF_ART")]),
    ("A survey of TV shows that most viewers like Fridays.", [], [("Fridays", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", MEDIA_LISTS)
def test_titles_after_a_medium_and_a_word_for_works(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, absent", MEDIA_NEGATIVES)
def test_no_titles_without_a_medium(labels_hold, text, ents, absent):
    labels_hold(text, ents, [], absent)


VERB_LISTS = [
    ("Their singles include Paper Moon, Late Train and Who Knew.", [("Paper Moon", "PERSON")],
     [("Paper Moon", "WORK_OF_ART"), ("Late Train", "WORK_OF_ART"), ("Who Knew", "WORK_OF_ART")], [("Paper Moon", "PERSON")]),
    ("His films included Dustland and Harbour Lights.", [("Harbour Lights", "ORG")],
     [("Dustland", "WORK_OF_ART"), ("Harbour Lights", "WORK_OF_ART")], []),
]

VERB_NEGATIVES = [
    # the verb after a word that is no plural for works, a lower-case word after the verb
    ("Their rivals include Tarnwick and Brask.", [("Tarnwick", "ORG"), ("Brask", "ORG")], [("Tarnwick", "WORK_OF_ART")]),
    ("Her films include some made in Tarnley.", [("Tarnley", "GPE")], [("Tarnley", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", VERB_LISTS)
def test_titles_after_works_include(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, absent", VERB_NEGATIVES)
def test_no_titles_after_include_without_works(labels_hold, text, ents, absent):
    labels_hold(text, ents, [], absent)
