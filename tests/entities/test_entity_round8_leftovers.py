"""Round 8 (issue 14), left over from round 7: "the new X" makes no PRODUCT of a road's number or a
broadcaster's channel (:func:`extract.entities.works.no_model`), and a road's number before a
lower-case word for a road is a FAC; a capitalised "The" at a sentence start is outside a
newspaper's name (:func:`extract.entities.names.newspaper`); the Cesar (the French film award) is
an award, WORK_OF_ART; and a person's full name takes no club cue ("Harry Potter fans",
:func:`extract.entities.names.persons_full_name`). Sentences written for these tests; the rules
run on ``spacy.blank("en")`` with hand-set entities; the cases are lists, one test reads them all."""
from __future__ import annotations

import pytest

NEW_ROADS_AND_CHANNELS = [
    # "the new X" before a word for a road or as a broadcaster's channel: no product
    ("Traffic on the new M9 toll road rose.", [("M9", "ORG")], [("M9", "FAC")], [("M9", "PRODUCT")]),
    ("Lorries use the new B4071 bypass.", [("B4071", "GPE")], [("B4071", "FAC")], [("B4071", "PRODUCT")]),
    ("Viewers liked the BBC's new BBC3 channel.", [("BBC", "ORG"), ("BBC3", "ORG")], [("BBC3", "ORG")],
     [("BBC3", "PRODUCT")]),
    ("Viewers liked the new BBC3.", [("BBC3", "ORG")], [("BBC3", "ORG")], [("BBC3", "PRODUCT")]),
    # positives of the old rule stay: a product after "the new"
    ("Shoppers queued for the new Zenbox.", [("Zenbox", "ORG")], [("Zenbox", "PRODUCT")], []),
    ("Buyers liked the new QT7.", [("QT7", "ORG")], [("QT7", "PRODUCT")], []),
]


NEWSPAPERS = [
    # a newspaper at a sentence start: its head word, its front word, a listed name
    ("The Financial Times said profits fell.", [("The Financial Times", "ORG")], [("Financial Times", "ORG")],
     [("The Financial Times", "ORG")]),
    ("Prices rose. The Sunday Times reported a bid.", [("The Sunday Times", "ORG")], [("Sunday Times", "ORG")],
     [("The Sunday Times", "ORG")]),
    ("The Guardian said so.", [("The Guardian", "ORG")], [("Guardian", "ORG")], [("The Guardian", "ORG")]),
    # not a newspaper's name, or not at a sentence start: as before
    ("The Hague is busy.", [("The Hague", "GPE")], [("The Hague", "GPE")], []),
    ("The Beatles sold well.", [("The Beatles", "ORG")], [("The Beatles", "ORG")], []),
]


CESAR = [
    ("Tarn Road wins Cesar. It was a contender for this year's Cesars.", [("Tarn Road", "ORG"), ("Cesar", "PRODUCT"),
                                                                           ("Cesars", "ORG")],
     [("Cesar", "WORK_OF_ART"), ("Cesars", "WORK_OF_ART")], [("Cesar", "PRODUCT")]),
    ("The film won five Cesar awards.", [("Cesar", "ORG")], [("Cesar", "WORK_OF_ART")], []),
    # a person's first name stays the person's
    ("Cesar Vardo led the union. Cesar said so.", [("Cesar Vardo", "PERSON"), ("Cesar", "ORG")],
     [("Cesar Vardo", "PERSON")], [("Cesar", "WORK_OF_ART")]),
]


FULL_NAMES_AND_CLUBS = [
    # a person's full name before "fans" or after "a win over" is no club (the "Harry Potter fans")
    ("Harry Potter fans queued at midnight.", [("Harry Potter", "PERSON")], [("Harry Potter", "PERSON")],
     [("Harry Potter", "ORG")]),
    ("She powered to a win over Anna Vardikova.", [("Anna Vardikova", "PERSON")], [("Anna Vardikova", "PERSON")],
     [("Anna Vardikova", "ORG")]),
    # a club: a club's head word, a very common last word after a town that is a first name, no first name
    ("Kingsford Rovers fans sang.", [("Kingsford Rovers", "PERSON")], [("Kingsford Rovers", "ORG")], []),
    ("Chester City fans sang.", [("Chester City", "PERSON")], [("Chester City", "ORG")], []),
    ("Tarnby Wells fans sang.", [("Tarnby Wells", "PERSON")], [("Tarnby Wells", "ORG")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent",
                         NEW_ROADS_AND_CHANNELS + NEWSPAPERS + CESAR + FULL_NAMES_AND_CLUBS)
def test_round8_leftovers(labels_hold, text, ents, expected, absent):
    """'the new' road or channel is no product; a newspaper's sentence-start 'The' is outside; the
    Cesar is an award; a person's full name takes no club cue."""
    labels_hold(text, ents, expected, absent)
