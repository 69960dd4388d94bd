"""Round 7: names of laws and treaties (:func:`extract.entities.known.laws`): a name headed by a word
for a law or treaty ("Convention", "Agreement", "Treaty", "Act", "Protocol", "Charter" ...) is a LAW
with the capitalised words before the head and a capitalised tail after "of", "on", "against".
Sentences written for these tests; the rules run on ``spacy.blank("en")`` with hand-set entities."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, ents, expected, absent", [
    # the model's organisation, with a lower-case tail left outside
    ("Leaving the 1951 United Nations Convention on refugees was proposed.",
     [("1951", "DATE"), ("United Nations Convention", "ORG")],
     [("United Nations Convention", "LAW")], [("United Nations Convention", "ORG")]),
    # a capitalised tail after "on" / "against", the words before the head
    ("Tarnland ratified the UN Convention against Torture and the Nordic Convention on Fair Trials.",
     [("Tarnland", "GPE"), ("UN Convention against Torture", "ORG"), ("Nordic Convention on Fair Trials", "ORG")],
     [("UN Convention against Torture", "LAW"), ("Nordic Convention on Fair Trials", "LAW"), ("Tarnland", "GPE")], []),
    # a treaty named after a place: the place the model found is inside
    ("Leaders signed the Treaty of Brenmouth in 1957.", [("Brenmouth", "GPE"), ("1957", "DATE")],
     [("Treaty of Brenmouth", "LAW")], [("Brenmouth", "GPE")]),
    # an agreement the model missed; a hyphen-joined front
    ("The Harbour Street Agreement was signed. He defended the Anglo-Tarnish Agreement.", [],
     [("Harbour Street Agreement", "LAW"), ("Anglo-Tarnish Agreement", "LAW")], []),
    # small words inside the front, after an owner's possessive
    ("Lord Vell' Succession to the Crown Bill aims to change it.", [("Vell", "PERSON"), ("Crown Bill", "PRODUCT")],
     [("Succession to the Crown Bill", "LAW")], [("Crown Bill", "PRODUCT")]),
    ("The Charter of Fundamental Rights is part of it.", [("Charter of Fundamental Rights", "ORG")],
     [("Charter of Fundamental Rights", "LAW")], []),
])
def test_a_name_headed_by_a_law_word_is_a_law(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, absent", [
    # a convention that meets, a body, a venue
    ("Delegates at the Democratic National Convention cheered.", [("Democratic National Convention", "ORG")],
     [("Democratic National Convention", "LAW")]),
    ("The Constitutional Convention met in Tarnby.", [("Constitutional Convention", "ORG"), ("Tarnby", "GPE")],
     [("Constitutional Convention", "LAW")]),
    ("The Tarnby International Convention Centre was full.", [("Tarnby International Convention Centre", "FAC")],
     [("Tarnby International Convention", "LAW")]),
    # a kind of law, a head alone, a person's name
    ("It needs an Act of Parliament.", [("Parliament", "ORG")], [("Act of Parliament", "LAW")]),
    ("The Treaty was signed.", [], [("Treaty", "LAW")]),
    ("Bill Vosk spoke.", [("Bill Vosk", "PERSON")], [("Bill Vosk", "LAW")]),
    # a sentence's first word and a country before the name stay outside
    ("With the Treaty of Brenmouth we won.", [("Brenmouth", "GPE")], [("With the Treaty of Brenmouth", "LAW")]),
    ("Under the US Fair Trade Practices Act firms pay.", [("US", "GPE"), ("Fair Trade Practices Act", "ORG")],
     [("US Fair Trade Practices Act", "LAW")]),
    # "and" joins two names, not a front
    ("Tarnland and the Nordic Convention on Fair Trials differ.", [("Tarnland", "GPE")],
     [("Tarnland and the Nordic Convention on Fair Trials", "LAW")]),
])
def test_no_law_for_a_meeting_a_body_a_kind_or_a_person(labels_hold, text, ents, absent):
    labels_hold(text, ents, [], absent)


def test_the_country_before_a_law_stays_a_place(labels_hold):
    labels_hold("Under the US Fair Trade Practices Act firms pay.", [("US", "GPE"), ("Fair Trade Practices", "ORG")],
                [("US", "GPE"), ("Fair Trade Practices Act", "LAW")])
