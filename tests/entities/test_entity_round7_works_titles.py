"""Round 7 of the rules for titles of works (:mod:`extract.entities.works`, :mod:`extract.entities.spans`):
a part played in a title ("playing a gutsy boxer in X", "his portrayal of Ray Charles in Ray"), a
farce or satire before its title, a title written in camel case ("EastEnders") in a list of
titles, a list's last title before a verb ("programmes such as X and Top Gear will ..."), and a
title's other mentions the model read as a sum ("Million Dollar Baby" MONEY). Sentences written
for these tests; the rules run on ``spacy.blank("en")`` with hand-set entities (and, where a rule
reads one, a hand-set tag)."""
from __future__ import annotations

import pytest

from extract.entities import ENTITY_LABELS, fix_entities

from .conftest import _doc_with_ents


@pytest.mark.parametrize("text, ents, expected, absent", [
    ("Kemp won for playing a gutsy young nurse in Harbour Lights Fading.", [("Kemp", "PERSON")],
     [("Harbour Lights Fading", "WORK_OF_ART")], []),
    ("Orr took the award for playing a prize-fighter turned trainer in Glass Ring.", [("Orr", "PERSON"), ("Glass Ring", "PERSON")],
     [("Glass Ring", "WORK_OF_ART")], [("Glass Ring", "PERSON")]),
    # a biopic named after the part: the name's word is the title here, the person stays a person
    ("Dale's portrayal of late soul-singer Nina Vale in Vale earned him a prize.",
     [("Dale", "PERSON"), ("Nina Vale", "PERSON"), ("Vale", "PERSON")],
     [("Vale", "WORK_OF_ART"), ("Nina Vale", "PERSON")], [("Vale", "PERSON")]),
    # the company the part was played for is no part of the title
    ("Amy Tarn, who played Emilia in Othello for the Royal Tarn Company, won.",
     [("Amy Tarn", "PERSON"), ("Royal Tarn Company", "ORG")],
     [("Othello", "WORK_OF_ART"), ("Royal Tarn Company", "ORG")], []),
])
def test_a_title_after_a_part_played_in_it(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, absent", [
    ("He played a key role in Tarnby.", [("Tarnby", "GPE")], [("Tarnby", "WORK_OF_ART")]),
    ("She was playing well in Madrid.", [("Madrid", "GPE")], [("Madrid", "WORK_OF_ART")]),
    ("They played a concert in Dublin on Friday.", [("Dublin", "GPE")], [("Dublin", "WORK_OF_ART")]),
    ("The side played a part in Labour's win.", [("Labour", "ORG")], [("Labour", "WORK_OF_ART")]),
])
def test_no_title_after_a_part_in_a_place_or_body(labels_hold, text, ents, absent):
    labels_hold(text, ents, [], absent)


def test_a_farce_before_its_title(labels_hold):
    labels_hold("Kate Orr, a nominee for the theatre farce Paper Moons, lost.", [("Kate Orr", "PERSON")],
                [("Paper Moons", "WORK_OF_ART")])


def test_a_title_read_as_a_sum_is_a_title_at_its_other_mentions(labels_hold):
    labels_hold("Orr won for playing a boxer in Million Dollar Baby. Million Dollar Baby took millions.",
                [("Orr", "PERSON"), ("Million Dollar Baby", "MONEY"), ("Million Dollar Baby", "MONEY")],
                [("Million Dollar Baby", "WORK_OF_ART")], [("Million Dollar Baby", "MONEY")])


def test_a_camel_case_title_in_a_list(labels_hold):
    labels_hold("Viewers want programmes such as HarbourSide and Night Kettle.", [("HarbourSide", "ORG")],
                [("HarbourSide", "WORK_OF_ART"), ("Night Kettle", "WORK_OF_ART")], [("HarbourSide", "ORG")])


def _tagged(blank, text, ents, tags):
    """A blank Doc with hand-set entities and hand-set tags (word -> tag)."""
    doc = _doc_with_ents(blank, text, ents)
    for tok in doc:
        if tok.text in tags:
            tok.tag_ = tags[tok.text]
    return [(s.text, s.label_) for s in fix_entities(doc) if s.label_ in ENTITY_LABELS]


def test_a_lists_last_title_before_a_verb(blank):
    found = _tagged(blank, "Viewers say programmes such as HarbourSide and Night Kettle will make net TV popular.",
                    [("HarbourSide", "ORG"), ("Night Kettle", "PERSON")], {"will": "MD"})
    assert ("Night Kettle", "WORK_OF_ART") in found and ("HarbourSide", "WORK_OF_ART") in found


@pytest.mark.parametrize("text, ents, tags, absent", [
    # a noun after the last name: it modifies, it is no title of its own
    ("Viewers saw programmes such as HarbourSide and World Cup highlights.", [("World Cup", "EVENT")], {"highlights": "NNS"},
     ("World Cup", "WORK_OF_ART")),
    # a courtesy title starts no last title ("Edward and Mrs Simpson" is one title)
    ("TV hits Day of the Jackal and Edward and Mrs Simpson has ended.", [("Simpson", "PERSON")], {"has": "VBZ"},
     ("Mrs Simpson", "WORK_OF_ART")),
])
def test_no_last_title_before_a_noun_or_after_a_courtesy_title(blank, text, ents, tags, absent):
    assert absent not in _tagged(blank, text, ents, tags)


@pytest.mark.parametrize("text, ents, expected, absent", [
    ("He beat co-star Ray Orr, nominated for Pennyworth, as well as Ann Vell.",
     [("Ray Orr", "PERSON"), ("Pennyworth", "PERSON"), ("Ann Vell", "PERSON")],
     [("Pennyworth", "WORK_OF_ART"), ("Ray Orr", "PERSON")], [("Pennyworth", "PERSON")]),
    ("The cast of Tarnika also includes British actors. Work on Tarnika ended.", [("Tarnika", "ORG"), ("Tarnika", "PERSON")],
     [("Tarnika", "WORK_OF_ART")], [("Tarnika", "ORG"), ("Tarnika", "PERSON")]),
])
def test_a_title_after_a_nomination_or_a_cast(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, absent", [
    # an award, a person's full name or a place after "nominated for" is no title
    ("She was nominated for Oscars twice.", [("Oscars", "WORK_OF_ART")], [("Oscars", "PERSON")]),
    ("It was a nomination for Kate Orr, nominated for Tarnby.", [("Kate Orr", "PERSON"), ("Tarnby", "GPE")],
     [("Tarnby", "WORK_OF_ART")]),
])
def test_no_title_after_a_nomination_for_an_award_or_a_place(labels_hold, text, ents, absent):
    labels_hold(text, ents, [], absent)


@pytest.mark.parametrize("text, ents, expected, absent", [
    # a title joined by "and" to a title a cue marked
    ("The drama Night Kettle Road won. She loved Harbour Days and Night Kettle Road.", [("Harbour Days", "PERSON")],
     [("Harbour Days", "WORK_OF_ART"), ("Night Kettle Road", "WORK_OF_ART")], [("Harbour Days", "PERSON")]),
    ("The finalists, Silver Dollar Kid and Lantern Field, split the votes. The film Lantern Field lost.",
     [("Silver Dollar Kid", "MONEY")], [("Silver Dollar Kid", "WORK_OF_ART")], [("Silver Dollar Kid", "MONEY")]),
])
def test_a_title_joined_to_a_marked_title(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, absent", [
    # a person's full name, a place, a courtesy title, a person inside: no title
    ("It starred Kate Orr and Lantern Field was a hit. The film Lantern Field won.", [("Kate Orr", "PERSON")],
     [("Kate Orr", "WORK_OF_ART")]),
    ("They flew to New Tarnby and Lantern Field opened. The film Lantern Field won.", [("New Tarnby", "GPE")],
     [("New Tarnby", "WORK_OF_ART")]),
    ("He worked with Vell on Escape From Tarnby and Lantern Field. The film Lantern Field won.", [("Vell", "PERSON")],
     [("Vell on Escape From Tarnby", "WORK_OF_ART")]),
    ("She liked Edward and Mrs Simpson and Lantern Field. The film Lantern Field won.", [("Simpson", "PERSON")],
     [("Mrs Simpson", "WORK_OF_ART")]),
])
def test_no_title_joined_for_a_person_or_a_place(labels_hold, text, ents, absent):
    labels_hold(text, ents, [], absent)
