"""Round 8 (issue 14): a model's code after a launch verb ("unveiled the QT7") is a PRODUCT at
every mention (:func:`extract.entities.works.launch_before`), and the name right before that
verb, or right before a code the article marks as a model ("Marlow Motors QT7"), is the maker,
an ORG in the vote (:func:`extract.entities.firms.maker_cue`), unless the name reads as a
person's. Sentences written for these tests; the rules run on ``spacy.blank("en")`` with
hand-set entities."""
from __future__ import annotations

import pytest

LAUNCHED = [
    # the example, with invented names: the maker, then the code at both mentions
    ("Skyfare cut its fares again. Marlow Motors unveiled the QT7 at the show. Sales of the QT7 have been strong.",
     [("Skyfare", "ORG"), ("Marlow Motors", "PERSON"), ("QT7", "PERSON"), ("QT7", "GPE")],
     [("Marlow Motors", "ORG"), ("QT7", "PRODUCT")], [("Marlow Motors", "PERSON"), ("QT7", "GPE")]),
    # "has" between; "its new"; a phrase verb
    ("Dorvik Cars has launched its new ZX4 in Tarn.", [("Dorvik Cars", "PERSON"), ("ZX4", "ORG"), ("Tarn", "GPE")],
     [("Dorvik Cars", "ORG"), ("ZX4", "PRODUCT"), ("Tarn", "GPE")], [("ZX4", "ORG")]),
    ("Velsan showed off the KR-9, a handheld.", [("Velsan", "PERSON"), ("KR-9", "ORG")],
     [("Velsan", "ORG"), ("KR-9", "PRODUCT")], []),
    # a name right before a code the article marks elsewhere
    ("Dealers praised the Marlow Motors QT7. Marlow Motors released the QT7 in May.",
     [("Marlow Motors", "PERSON"), ("Marlow Motors", "PERSON"), ("QT7", "GPE")],
     [("Marlow Motors", "ORG"), ("QT7", "PRODUCT")], [("Marlow Motors", "PERSON")]),
]

NOT_MAKERS = [
    # a person unveils a product: a first name, a title, a surname of a full name in the article
    ("Steve Jobs unveiled the QT7 at the show.", [("Steve Jobs", "PERSON")],
     [("Steve Jobs", "PERSON"), ("QT7", "PRODUCT")], [("Steve Jobs", "ORG")]),
    ("Mr Tarrow unveiled the QT7.", [("Tarrow", "PERSON")], [("Tarrow", "PERSON")], [("Tarrow", "ORG")]),
    ("Anna Tarrow runs Marlow. Tarrow unveiled the QT7.", [("Anna Tarrow", "PERSON"), ("Marlow", "GPE"),
                                                          ("Tarrow", "PERSON")],
     [("Tarrow", "PERSON")], [("Tarrow", "ORG")]),
    # the code modifies a noun after it (no model), or no code follows the verb
    ("Velsan released the QX2 upgrade for its software.", [("Velsan", "PERSON")], [("Velsan", "PERSON")],
     [("QX2", "PRODUCT"), ("Velsan", "ORG")]),
    ("Velsan released the figures on Monday.", [("Velsan", "PERSON")], [("Velsan", "PERSON")], [("Velsan", "ORG")]),
    # a road, a group of states, a format after the verb
    ("Transline opened the M9 toll road.", [("Transline", "PERSON"), ("M9", "FAC")], [("M9", "FAC")],
     [("M9", "PRODUCT"), ("Transline", "ORG")]),
    ("Tarnia launched the G8 summit.", [("Tarnia", "GPE"), ("G8", "ORG")], [("G8", "ORG")], [("G8", "PRODUCT")]),
    ("Velsan launched the MP3 in 1999.", [("Velsan", "PERSON")], [], [("MP3", "PRODUCT"), ("Velsan", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", LAUNCHED + NOT_MAKERS)
def test_a_launched_code_is_a_product_and_its_launcher_a_maker(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)
