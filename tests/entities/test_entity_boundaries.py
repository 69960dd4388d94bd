"""Boundaries a name's own words decide (extract.entities.boundaries), on spacy.blank("en")
Docs with hand-set entities: no tags, no parser, no model."""
from __future__ import annotations

import pytest

CASES = [
    # a saint's possessive is inside a place name, straight or curly apostrophe
    ("The couple left St Anne's Palace at noon.", [("St Anne", "FAC")], [("St Anne's Palace", "FAC")], ["St Anne"]),
    ("They met at St Oswald’s Hall in May.", [("St Oswald", "ORG")], [("St Oswald’s Hall", "FAC")], ["St Oswald"]),
    ("Patients at St Bede's Hospital waited.", [], [("St Bede's Hospital", "ORG")], []),
    # another inner possessive splits the owner from the place
    ("The game at Rovers' Millfield Road was stopped.", [("Rovers' Millfield Road", "ORG")],
     [("Rovers", "ORG"), ("Millfield Road", "FAC")], ["Rovers' Millfield Road"]),
    # a nationality and an organisation head is one organisation
    ("The Scottish Executive will pay for the line.", [("Scottish", "NORP")],
     [("Scottish Executive", "ORG")], ["Scottish"]),
    ("The English FA doubts the plan.", [("English", "NORP")], [("English FA", "ORG")], []),
    # a nationality before a person's name is a NORP of its own
    ("Russian Olga Petrenkova won the race.", [("Russian Olga Petrenkova", "NORP")],
     [("Russian", "NORP"), ("Olga Petrenkova", "PERSON")], ["Russian Olga Petrenkova"]),
    # a nationality and a common noun stays a NORP
    ("Scottish fans sang.", [("Scottish", "NORP")], [("Scottish", "NORP")], []),
    # maker and model number: a PRODUCT; the model number again alone too
    ("Skyjet will buy 70 Boeing 737-800 jets. Each 737-800 seats 189.", [("Boeing", "ORG")],
     [("Boeing 737-800", "PRODUCT")], ["Boeing"]),
    ("The Aston Martin DB9 costs more.", [("Aston Martin", "PERSON")], [("Aston Martin DB9", "PRODUCT")], []),
    ("Airbus A380 orders rose.", [("Airbus", "ORG")], [("Airbus A380", "PRODUCT")], []),
    # a score, a year or a count after a name is no model number
    ("Chelsea 2 Arsenal 1 was the score.", [("Chelsea", "ORG"), ("Arsenal", "ORG")], [("Chelsea", "ORG")], []),
    ("Kent 2-1 Essex.", [("Kent", "ORG"), ("Essex", "ORG")], [("Kent", "ORG")], ["Kent 2-1"]),
    ("Microsoft 2005 results.", [("Microsoft", "ORG")], [("Microsoft", "ORG")], ["Microsoft 2005"]),
    # royal titles are inside a person
    ("Prince Harry wore the costume.", [("Harry", "PERSON")], [("Prince Harry", "PERSON")], ["Harry"]),
    ("Crown Princess Mary read a story.", [("Mary", "PERSON")], [("Crown Princess Mary", "PERSON")], []),
    # courtesy titles stay outside
    ("Mr Brown spoke.", [("Brown", "PERSON")], [("Brown", "PERSON")], ["Mr Brown"]),
    # the last word: a place head makes a FAC, a club head an ORG, "FC" joins
    ("A service at Westminster Hall ended.", [("Westminster Hall", "GPE")], [("Westminster Hall", "FAC")], []),
    ("Trains on the Waverley Line stopped.", [("Waverley Line", "ORG")], [("Waverley Line", "FAC")], []),
    ("Ashby FC won.", [("Ashby", "GPE")], [("Ashby FC", "ORG")], []),
    # a research centre is an organisation, not a building
    ("The Biomedical Research Centre opened.", [("Biomedical Research Centre", "ORG")],
     [("Biomedical Research Centre", "ORG")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent", CASES, ids=[c[0][:40] for c in CASES])
def test_boundaries(fixed, text, ents, expected, absent):
    found = fixed(text, ents)
    for item in expected:
        assert item in found, f"{item} not in {found}"
    texts = {t for t, _ in found}
    for bad in absent:
        assert bad not in texts, f"{bad!r} in {found}"


@pytest.mark.parametrize("text, ents, expected", [
    ("Result: Ashby v Crawley Town, 2-1.", [("Ashby v Crawley Town", "FAC")], [("Ashby", "ORG"), ("Crawley Town", "ORG")]),
    ("England v Scotland is on Sunday.", [("England v Scotland", "ORG")], [("England", "GPE"), ("Scotland", "GPE")]),
    ("Sales at Quorn Labs rose.", [("Quorn Labs", "PERSON")], [("Quorn Labs", "ORG")]),
    ("Fliers left Marden Airways.", [("Marden Airways", "GPE")], [("Marden Airways", "ORG")]),
], ids=["clubs", "home nations", "company head", "airline"])
def test_sides_and_company_heads(labels_hold, text, ents, expected):
    labels_hold(text, ents, expected)


@pytest.mark.parametrize("text, ents, expected", [
    ("She joined the cast of Channel 4's Night Porters last year.", [("Channel 4", "ORG"), ("Night Porters", "PERSON")],
     [("Channel 4", "ORG"), ("Night Porters", "WORK_OF_ART")]),
    ("The ITV1 show Muddy Boots won.", [("ITV1", "ORG")], [("Muddy Boots", "WORK_OF_ART")]),
    ("He hosts the TV show Late Lunch.", [("Late Lunch", "ORG")], [("Late Lunch", "WORK_OF_ART")]),
    ("Their third album Quiet Hours sold well.", [("Quiet Hours", "PERSON")], [("Quiet Hours", "WORK_OF_ART")]),
    ("The film Door in the Orchard opens today.", [], [("Door in the Orchard", "WORK_OF_ART")]),
    ("She won the Marlow Fiction Prize in May.", [("Marlow Fiction Prize", "ORG")],
     [("Marlow Fiction Prize", "WORK_OF_ART")]),
    ("Liverpool play in the Champions League.", [("Liverpool", "ORG"), ("Champions League", "ORG")],
     [("Champions League", "EVENT")]),
], ids=["broadcaster's", "broadcaster show", "TV show", "album", "missed title", "prize", "competition"])
def test_works_awards_and_competitions(labels_hold, text, ents, expected):
    labels_hold(text, ents, expected)


@pytest.mark.parametrize("text, ents", [
    # a show on a day, a person's possessive, a lower-case word: no title
    ("The show Monday was cancelled.", [("Monday", "DATE")]),
    ("Tom Ash's Night Porters left.", [("Tom Ash", "PERSON"), ("Night Porters", "ORG")]),
    ("The film industry grew.", []),
], ids=["date", "person's", "lower case"])
def test_no_work_without_a_cue(fixed, text, ents):
    assert all(label != "WORK_OF_ART" for _, label in fixed(text, ents))


def test_a_title_stops_before_the_next_name(fixed):
    found = fixed("It beat the ITV1 show Muddy Boots and Channel 4's Night Porters.",
                  [("ITV1", "ORG"), ("Muddy Boots", "ORG"), ("Channel 4", "ORG"), ("Night Porters", "ORG")])
    assert ("Muddy Boots", "WORK_OF_ART") in found and ("Night Porters", "WORK_OF_ART") in found
    assert ("Channel 4", "ORG") in found
