"""Round 9 (issue 14): teams and lists of firms.

* A club's short form is the club at every mention, also at a sentence start where the tagger
  reads it as a common noun or a verb ("Rovers manager Tom Hale", "Wanderers coach");
  a club named in full that the model missed is an ORG; a one-word plural name before a club's
  cue word ("Hornets coach") is a team's short form, and marks the longer name ending in it
  (:mod:`extract.entities.teams`).
* A name the model took for a person in a list whose other members are all organisations
  ("Ryanair and Aston Martin") is ORG in the vote, unless it reads as a person's name
  (:func:`extract.entities.voting.listed_with_org`).

The issue's examples run end to end with the installed model; the other sentences are written
for these tests and run on ``spacy.blank("en")`` with hand-set entities.
"""
from __future__ import annotations

import pytest

from extract.entities import ENTITY_LABELS


@pytest.fixture(scope="module")
def ent_nlp():
    from extract.pipeline import build_pipeline

    return build_pipeline(extractors=["entities"])


def _ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents if e.label_ in ENTITY_LABELS]


# end to end with the real model: the two classes, then sentences of our own per short form
END_TO_END = [
    ("Kingsford Rovers beat Ashdown United 2-1. Rovers manager Tom Hale said the win was deserved.",
     [("Kingsford Rovers", "ORG"), ("Ashdown United", "ORG"), ("Rovers", "ORG"), ("Tom Hale", "PERSON")]),
    ("Kingsford Rovers beat Ashdown United 2-1 on Saturday. Rovers' Millfield Road ground was full.",
     [("Rovers", "ORG"), ("Millfield Road", "FAC")]),
    ("Ryanair and Aston Martin reported higher profits this year.", [("Ryanair", "ORG"), ("Aston Martin", "ORG")]),
    ("Ashdown United drew 1-1 with Kingsford Rovers. United boss Jim Reed was angry.",
     [("United", "ORG"), ("Jim Reed", "PERSON")]),
    ("Bramley City lost 3-0 at home. City striker Dan Cole missed a penalty.",
     [("Bramley City", "ORG"), ("City", "ORG"), ("Dan Cole", "PERSON")]),
    ("Dunmore Wanderers beat Kelby Albion 2-0. Wanderers coach Ray Dunn praised his side. Albion fans booed.",
     [("Dunmore Wanderers", "ORG"), ("Kelby Albion", "ORG"), ("Wanderers", "ORG"), ("Albion", "ORG")]),
    ("Marsh Athletic lost 2-0. Athletic fans left early.", [("Marsh Athletic", "ORG"), ("Athletic", "ORG")]),
    ("Tarnby Wanderers won 3-1. Wanderers' Millfield Road ground was sold out.",
     [("Tarnby Wanderers", "ORG"), ("Wanderers", "ORG"), ("Millfield Road", "FAC")]),
    ("The Charlotte Hornets lost 98-90 again in the league. Hornets coach Bob Lane was furious with the referee "
     "after the match.", [("Charlotte Hornets", "ORG"), ("Hornets", "ORG"), ("Bob Lane", "PERSON")]),
]


@pytest.mark.parametrize("text, expected", END_TO_END, ids=[
    "issue: Rovers manager", "issue: Rovers' ground", "issue: Ryanair and Aston Martin", "United boss",
    "City striker", "Wanderers and Albion missed", "Athletic fans", "Wanderers' ground", "Hornets coach"])
def test_teams_end_to_end(ent_nlp, text, expected):
    found = _ents(ent_nlp, text)
    for item in expected:
        assert item in found, f"{item} not in {found}"


SPORT = " The referee sent off the striker after the goal in the second half of the league match."

TEAMS = [
    # a short form at a sentence start, after the club named in full
    ("Fenmoor Rovers won again." + SPORT + " Rovers manager Tom Vale was happy.",
     [("Fenmoor Rovers", "ORG"), ("Tom Vale", "PERSON")], [("Rovers", "ORG"), ("Tom Vale", "PERSON")], []),
    # a club named in full that the model missed, and its short form at every mention
    ("Dunmore Wanderers beat Kelby Albion." + SPORT + " Albion fans booed. Wanderers were top.",
     [], [("Dunmore Wanderers", "ORG"), ("Kelby Albion", "ORG"), ("Albion", "ORG"), ("Wanderers", "ORG")], []),
    # a plural name before a club's cue word marks the longer name ending in it
    ("The Tarnby Hornets lost." + SPORT + " Hornets coach Bob Lane was furious.", [("Bob Lane", "PERSON")],
     [("Tarnby Hornets", "ORG"), ("Hornets", "ORG"), ("Bob Lane", "PERSON")], []),
    # a longer name the model took for a place, marked by its short form's cue
    ("Bramley City lost." + SPORT + " City striker Dan Cole missed.", [("Bramley City", "GPE"), ("Dan Cole", "PERSON")],
     [("Bramley City", "ORG"), ("City", "ORG")], [("Bramley City", "GPE")]),
    # a result ("2-0") is enough of a sports report for a club's head word
    ("Holt Albion won 2-0. Albion striker Lee Carr scored twice.", [("Lee Carr", "PERSON")],
     [("Holt Albion", "ORG"), ("Albion", "ORG")], []),
]

NOT_TEAMS = [
    # a national side stays a place; a nationality, a party are no teams
    ("Kelby Albion lost." + SPORT + " Scotland coach Ian Reid and Welsh fans agreed.",
     [("Scotland", "GPE"), ("Ian Reid", "PERSON"), ("Welsh", "NORP")], [("Scotland", "GPE"), ("Welsh", "NORP")],
     [("Scotland", "ORG"), ("Welsh", "ORG")]),
    # a word the article writes in lower case: the sport, not a team
    ("Athletics coach Frank Dale retired." + SPORT + " He loved athletics.", [("Frank Dale", "PERSON")], [],
     [("Athletics", "ORG")]),
    # outside a sports report, and with no result, no missed club and no cued short form
    ("Hornets coach Bob Lane was at the zoo. The Tarnby Hornets nest was large.", [("Bob Lane", "PERSON")], [],
     [("Hornets", "ORG"), ("Tarnby Hornets", "ORG")]),
    # a common word at a sentence start before a club name is outside it
    ("Once Rangers reply we will act." + SPORT, [], [], [("Once Rangers", "ORG")]),
    # a person's name before a cue word is no team; a word of a person's full name neither
    ("Lee Hornets scored." + SPORT + " Hornets fans cheered.", [("Lee Hornets", "PERSON")],
     [("Lee Hornets", "PERSON")], [("Hornets", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", TEAMS + NOT_TEAMS, ids=[
    "short form after the full name", "missed club and short forms", "plural before a cue", "City striker",
    "a result", "national side", "lower-case sport", "no sports report", "sentence-start common word",
    "a person's name"])
def test_teams(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


LISTS = [
    # a name taken for a person in a list of organisations
    ("Skyfare and Corran Hale cut their prices.", [("Skyfare", "ORG"), ("Corran Hale", "PERSON")],
     [("Corran Hale", "ORG")], [("Corran Hale", "PERSON")]),
    ("Prices at Dorvik, Tarrow Marsh and Quellnet fell.",
     [("Dorvik", "ORG"), ("Tarrow Marsh", "PERSON"), ("Quellnet", "ORG")], [("Tarrow Marsh", "ORG")], []),
    ("Tarrow Marsh or Quellnet will win the contract.", [("Tarrow Marsh", "PERSON"), ("Quellnet", "ORG")],
     [("Tarrow Marsh", "ORG")], []),
]

NOT_LISTS = [
    # a first name at the front, a title, a person in the list, commas alone (an apposition)
    ("Skyfare and Anna Hale cut their prices.", [("Skyfare", "ORG"), ("Anna Hale", "PERSON")],
     [("Anna Hale", "PERSON")], [("Anna Hale", "ORG")]),
    ("Skyfare and Dr Corran Hale agreed.", [("Skyfare", "ORG"), ("Corran Hale", "PERSON")],
     [("Corran Hale", "PERSON")], []),
    ("Skyfare, Corran Hale and Anna Tarrow met.",
     [("Skyfare", "ORG"), ("Corran Hale", "PERSON"), ("Anna Tarrow", "PERSON")], [("Corran Hale", "PERSON")], []),
    ("The chief of Skyfare, Corran Hale, resigned.", [("Skyfare", "ORG"), ("Corran Hale", "PERSON")],
     [("Corran Hale", "PERSON")], []),
    # a word of a person's full name in the article; two one-word names (one firm, or two people)
    ("Joe Corran spoke. Skyfare and Corran Hale agreed.",
     [("Joe Corran", "PERSON"), ("Skyfare", "ORG"), ("Corran Hale", "PERSON")], [("Corran Hale", "PERSON")], []),
    ("He listens to Chopin and Debussy.", [("Chopin", "ORG"), ("Debussy", "PERSON")], [("Debussy", "PERSON")], []),
    # the list's kind is written: works, stations
    ("He starred in films such as Raging Bull and Corran Hale.", [("Raging Bull", "ORG"), ("Corran Hale", "PERSON")],
     [], [("Corran Hale", "ORG")]),
    # a sports report: players and clubs are listed together
    ("Tarrow Rovers and Corran Hale scored." + SPORT, [("Tarrow Rovers", "ORG"), ("Corran Hale", "PERSON")],
     [("Corran Hale", "PERSON")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent", LISTS + NOT_LISTS, ids=[
    "pair", "three firms", "or", "first name", "title", "a person in the list", "apposition",
    "word of a full name", "two one-word names", "works", "sports report"])
def test_a_list_of_firms(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)
