"""Round 11 (issue 14): a name ending in a model's code that the model read as a person or a
place ("[Martin DB9] PERSON" in "the Aston Martin DB9") is a PRODUCT, with the capitalised
words right before it (:func:`extract.entities.works.codes._coded_name_start`); the owner of a
code the document marks as a model ("Marlow Motors's QT7") is its maker, an ORG
(:func:`extract.entities.firms.maker_cue`), unless it reads as a person's. Sentences written
for these tests: the rules on ``spacy.blank("en")`` with hand-set entities, the issue's
examples end to end with the installed model."""
from __future__ import annotations

import pytest

CODED_NAMES = [
    # the model's span cut the maker's first word: the words before it come inside
    ("The Marlow Tarvex QT7 costs more.", [("Tarvex QT7", "PERSON")], [("Marlow Tarvex QT7", "PRODUCT")],
     [("Tarvex QT7", "PERSON")]),
    ("Dealers liked the Velsan RX-8 and sold it.", [("Velsan RX-8", "GPE")], [("Velsan RX-8", "PRODUCT")], []),
    # its other mentions follow
    ("He drove a Dorvik ZX4 home. The ZX4 was quick.", [("Dorvik ZX4", "PERSON"), ("ZX4", "ORG")],
     [("Dorvik ZX4", "PRODUCT"), ("ZX4", "PRODUCT")], [("ZX4", "ORG")]),
]

NOT_CODED = [
    # a team keeps its ORG label; a road's number; a listed non-model (a format); a one-word span
    ("Tarvex F1 signed a driver.", [("Tarvex F1", "ORG")], [("Tarvex F1", "ORG")], [("Tarvex F1", "PRODUCT")]),
    ("They drove along the Marlow M6 yesterday.", [("Marlow M6", "GPE")], [], [("Marlow M6", "PRODUCT")]),
    ("He sold the Velsan MP3 at a loss.", [("Velsan MP3", "PERSON")], [], [("Velsan MP3", "PRODUCT")]),
    ("Anna Tarrow met Quell in May.", [("Anna Tarrow", "PERSON"), ("Quell", "PERSON")],
     [("Anna Tarrow", "PERSON"), ("Quell", "PERSON")], []),
]

POSSESSIVE_MAKERS = [
    ("Marlow Motors's QT7 won praise.", [("Marlow Motors", "PERSON"), ("QT7", "PERSON")],
     [("Marlow Motors", "ORG"), ("QT7", "PRODUCT")], [("Marlow Motors", "PERSON")]),
    ("Critics loved Dorvik Cars's new ZX4 in Tarn.", [("Dorvik Cars", "PERSON"), ("ZX4", "ORG"), ("Tarn", "GPE")],
     [("Dorvik Cars", "ORG"), ("ZX4", "PRODUCT")], []),
]

NOT_POSSESSIVE_MAKERS = [
    # a person's name (a first name, a title), a place; no code after the possessive
    ("Steve Jobs's QT7 won praise.", [("Steve Jobs", "PERSON")], [("Steve Jobs", "PERSON")], [("Steve Jobs", "ORG")]),
    ("Mr Tarrow's QT7 won praise.", [("Tarrow", "PERSON")], [("Tarrow", "PERSON")], [("Tarrow", "ORG")]),
    ("Dorvik Velsan's garden won praise.", [("Dorvik Velsan", "PERSON")], [("Dorvik Velsan", "PERSON")],
     [("Dorvik Velsan", "ORG")]),
    ("Tarnia's G8 role grew.", [("Tarnia", "GPE")], [("Tarnia", "GPE")], [("Tarnia", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", CODED_NAMES + NOT_CODED)
def test_a_name_ending_in_a_code_is_a_product(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, expected, absent", POSSESSIVE_MAKERS + NOT_POSSESSIVE_MAKERS)
def test_the_owner_of_a_marked_code_is_its_maker(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.fixture(scope="module")
def ent_nlp():
    from extract.pipeline import build_pipeline

    return build_pipeline(extractors=["entities"])


@pytest.mark.parametrize("text, expected", [
    ("The Aston Martin DB9 costs more.", [("Aston Martin DB9", "PRODUCT")]),
    ("He drove the Aston Martin DB9 home.", [("Aston Martin DB9", "PRODUCT")]),
    ("Aston Martin's DB9 won praise.", [("Aston Martin", "ORG"), ("DB9", "PRODUCT")]),
    ("Aston Martin's new DB9 won praise. Sales of the DB9 rose.", [("Aston Martin", "ORG"), ("DB9", "PRODUCT")]),
])
def test_issue_examples_with_the_model(ent_nlp, text, expected):
    found = [(e.text, e.label_) for e in ent_nlp(text).ents]
    for item in expected:
        assert item in found, f"{item} not in {found}"
    assert not any(label == "PERSON" for _, label in found), found
