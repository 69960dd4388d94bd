"""Round 7 of the rules for works and products (:mod:`extract.entities.works`): a model's code
of letters and digits ("DB9", "X5", "RX-8") that a maker's possessive, "the new" or a word for a
made thing marks is a PRODUCT at every mention, and so is a model's name after its code or before
a word for a vehicle ("the V8 Zephra", "the Zephra sports car"). Sentences written for these
tests; the rules run on ``spacy.blank("en")`` with hand-set entities."""
from __future__ import annotations

import pytest

CODE_CASES = [
    # a maker's possessive, "new" between or not; the other mentions follow
    ("Marlow Motors's new QT7 and its engine were shown. Sales of the QT7 have been strong.",
     [("Marlow Motors", "PERSON"), ("QT7", "PERSON"), ("QT7", "GPE")],
     [("QT7", "PRODUCT")], [("QT7", "GPE"), ("QT7", "PERSON")]),
    ("Dorvik's ZX4 sold well. The ZX4 is built in Tarn.", [("Dorvik", "ORG"), ("ZX4", "GPE")],
     [("ZX4", "PRODUCT")], [("ZX4", "GPE")]),
    # "the new X" alone; a mention the model missed
    ("The firm showed the new KR-9 on Monday. Buyers liked the KR-9.", [("KR-9", "ORG")],
     [("KR-9", "PRODUCT")], [("KR-9", "ORG")]),
    # a word for a made thing after the code; a plural mention
    ("The QS2 console sold well, and shops ran out of QS2s.", [("QS2", "ORG")],
     [("QS2", "PRODUCT"), ("QS2s", "PRODUCT")], [("QS2", "ORG")]),
    ("The airline flew the B470 jet to Tarn.", [("Tarn", "GPE")], [("B470", "PRODUCT"), ("Tarn", "GPE")], []),
    # a maker's name or a product line's name before a cued code comes in
    ("She printed it on an Epsar R60 printer.", [], [("Epsar R60", "PRODUCT")], [("R60", "PRODUCT")]),
]

CODE_NEGATIVES = [
    # no cue: a code alone is left as the model read it
    ("Sales of the QT7 have been strong.", [("QT7", "GPE")], [("QT7", "PRODUCT")]),
    # a road's number, a group of states, an age group, a format, a broadcaster
    ("Transline's M9 toll road opened, and the M9 was quiet.", [("Transline", "ORG"), ("M9", "FAC")],
     [("M9", "PRODUCT")]),
    ("Britain's G8 presidency starts.", [("Britain", "GPE"), ("G8", "ORG")], [("G8", "PRODUCT")]),
    ("England's U21 side lost.", [("England", "GPE"), ("U21", "ORG")], [("U21", "PRODUCT")]),
    ("He bought a new MP3 player and an MP3G player.", [], [("MP3", "PRODUCT"), ("MP3G", "PRODUCT")]),
    ("The BBC's BBC3 channel is on air.", [("BBC", "ORG"), ("BBC3", "ORG")], [("BBC3", "PRODUCT")]),
    # a digit first is a count or a standard, no code
    ("The new 3G phones sold out.", [], [("3G", "PRODUCT")]),
]


@pytest.mark.parametrize("text, ents, expected, absent",
                         CODE_CASES + [(text, ents, [], absent) for text, ents, absent in CODE_NEGATIVES])
def test_a_cued_code_is_a_model_at_every_mention_an_uncued_one_not(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, expected, absent", [
    # a name after its code, and its other mentions
    ("The price of the V8 Zephra is low. The Zephra will be built in Tarn.",
     [("V8 Zephra", "ORG"), ("Zephra", "ORG"), ("Tarn", "GPE")],
     [("V8 Zephra", "PRODUCT"), ("Zephra", "PRODUCT")], [("Zephra", "ORG")]),
    # a name before a word for a vehicle
    ("Marlow's new QT7 and the Zephra sports car were shown. The Zephra is cheaper.",
     [("Marlow", "ORG"), ("QT7", "PERSON"), ("Zephra", "ORG"), ("Zephra", "ORG")],
     [("Zephra", "PRODUCT"), ("QT7", "PRODUCT")], [("Zephra", "ORG")]),
])
def test_a_models_name_by_its_code_or_a_vehicle_word_is_a_product(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, absent", [
    # a maker before a vehicle word, or a name the article writes as an owner
    ("He won a Mercedes convertible and the Mercedes coupe.", [("Mercedes", "ORG"), ("Mercedes", "ORG")],
     [("Mercedes", "PRODUCT")]),
    ("The Kelvar sports car is fast, and Kelvar's profits rose.", [("Kelvar", "ORG"), ("Kelvar", "ORG")],
     [("Kelvar", "PRODUCT")]),
    # a firm named with a code and a company head
    ("A US-based firm X1 Technologies made it.", [("X1 Technologies", "ORG")], [("X1 Technologies", "PRODUCT")]),
])
def test_no_model_name_for_a_maker(labels_hold, text, ents, absent):
    labels_hold(text, ents, [], absent)


@pytest.mark.parametrize("text, ents, expected, absent", [
    # the issue's boundary examples, written again: a saint's straight or curly possessive inside a place
    ("A spokesman for St Anne's Palace said so.", [("St Anne", "PERSON")], [("St Anne's Palace", "FAC")],
     [("St Anne", "PERSON")]),
    ("Staff at St Anne’s Palace agreed.", [], [("St Anne’s Palace", "FAC")], []),
    # any other possessive splits the owner from its ground
    ("The match at Rovers' Millfield Road was off.", [("Rovers' Millfield Road", "ORG")],
     [("Rovers", "ORG"), ("Millfield Road", "FAC")], [("Rovers' Millfield Road", "ORG")]),
    # a maker and a model number; the number alone later, also before a full stop
    ("The Boeing 737-800 is popular; Ryanair flies the 737-800.", [("Boeing", "ORG"), ("Ryanair", "ORG"), ("737", "CARDINAL")],
     [("Boeing 737-800", "PRODUCT"), ("737-800", "PRODUCT")], [("Boeing", "ORG")]),
])
def test_the_issues_boundary_examples(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, expected, absent", [
    ("Drivers use a passcard for the M9 Toll near Tarnby.", [("M9 Toll", "PRODUCT"), ("Tarnby", "GPE")],
     [("M9 Toll", "FAC")], [("M9 Toll", "PRODUCT")]),
    # a model's code before a capitalised word is no road ("the A380 Superjumbo" stays as found)
    ("The A380 Superjumbo flew.", [("A380 Superjumbo", "PRODUCT")], [("A380 Superjumbo", "PRODUCT")], []),
])
def test_a_roads_number_and_a_road_word_is_a_road(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)
