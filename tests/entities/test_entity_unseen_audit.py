"""Rules from an audit of the entity rules on unseen, unannotated BBC articles (issue 14): where the
vote or a cue changed a right label, or left a wrong one the text plainly marks. Sentences written
for these tests; spacy.blank("en") with hand-set entities (no tags, no parser)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,ents,wanted,unwanted", [
    # a role word before a name is a cue in the vote: it outweighs the model's place label elsewhere
    ("Reggae star Zubanka cancelled a tour. Zubanka's fans were angry. Fans of Zubanka waited.",
     [("Zubanka", "GPE"), ("Zubanka", "GPE"), ("Zubanka", "GPE")],
     [("Zubanka", "PERSON")], [("Zubanka", "GPE")]),
    # a heading's capitalised role word counts too
    ("Rapper Tovel jailed\n\nTovel was jailed on Monday. Police said Tovel had sworn.",
     [("Tovel", "PERSON"), ("Tovel", "GPE"), ("Tovel", "GPE")],
     [("Tovel", "PERSON")], [("Tovel", "GPE")]),
    # a role word a firm also takes is no cue ("market leader X")
    ("Market leader Quorvex cut prices. Quorvex said sales rose. Analysts praised Quorvex on Friday.",
     [("Quorvex", "PERSON"), ("Quorvex", "ORG"), ("Quorvex", "ORG")],
     [("Quorvex", "ORG")], [("Quorvex", "PERSON")]),
    ("The former champion Dalvenko Athletic said it was broke. Dalvenko Athletic missed payments.",
     [("Dalvenko Athletic", "PERSON"), ("Dalvenko Athletic", "ORG")],
     [], [("Dalvenko Athletic", "PERSON")]),
])
def test_role_word_cue_in_vote(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


@pytest.mark.parametrize("text,ents,wanted,unwanted", [
    # a name the model calls an ORG three times, whose last word never stands alone: a first name
    # at its front is no evidence (a firm named like a person)
    ("Regulators criticised Harriet Marr on Monday. Harriet Marr lends to home buyers. "
     "A report on Harriet Marr came out.",
     [("Harriet Marr", "ORG"), ("Harriet Marr", "ORG"), ("Harriet Marr", "ORG")],
     [("Harriet Marr", "ORG")], [("Harriet Marr", "PERSON")]),
    # a person named by the surname as well keeps the first name's evidence
    ("Officials thanked Harriet Quayle on Monday. Harriet Quayle spoke first. Then Harriet Quayle left. "
     "Quayle said she was pleased.",
     [("Harriet Quayle", "ORG"), ("Harriet Quayle", "ORG"), ("Harriet Quayle", "ORG"), ("Quayle", "PERSON")],
     [("Harriet Quayle", "PERSON")], [("Harriet Quayle", "ORG")]),
    # twice is not enough to outweigh the first name (a player in two team sheets)
    ("The squad includes Yannick Morvaine and others. The dependable Yannick Morvaine keeps his place.",
     [("Yannick Morvaine", "ORG"), ("Yannick Morvaine", "ORG")],
     [("Yannick Morvaine", "PERSON")], [("Yannick Morvaine", "ORG")]),
    # a word for a work before the name: a title, not a person
    ("Her film Martha Greaves won praise. Critics said Martha Greaves was moving.",
     [("Martha Greaves", "ORG"), ("Martha Greaves", "ORG")],
     [], [("Martha Greaves", "PERSON")]),
])
def test_first_name_against_a_body(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


@pytest.mark.parametrize("text,ents,wanted,unwanted", [
    # "X is a wonderful town": a place, at every mention
    ('Tarnley clergy protested. "Tarnley is a wonderful town because people care," one said.',
     [("Tarnley", "ORG"), ("Tarnley", "ORG")],
     [("Tarnley", "GPE")], [("Tarnley", "ORG")]),
    ("Officials said Brisket was a small village, and Brisket grew.",
     [("Brisket", "PERSON"), ("Brisket", "PERSON")],
     [("Brisket", "GPE")], [("Brisket", "PERSON")]),
    # the complement is no place: "a city council", "a town planner"
    ("Tarnley is a city council that voted no.", [("Tarnley", "ORG")], [("Tarnley", "ORG")], [("Tarnley", "GPE")]),
    ("Marrick is a town planner by trade.", [("Marrick", "PERSON")], [("Marrick", "PERSON")], [("Marrick", "GPE")]),
    # a known place after "to" confirms the model's GPE against its ORG labels elsewhere (a tie
    # now, where the two ORG labels used to win)
    ("Hatfield bakers protested. Hatfield traders joined them. The fair moved to Hatfield last year.",
     [("Hatfield", "ORG"), ("Hatfield", "ORG"), ("Hatfield", "GPE")],
     [("Hatfield", "GPE")], []),
    # a name and "the <common noun>" is a character, not a place ("Odessa the goat")
    ("She sold the rights to Odessa the goat to a studio.", [("Odessa", "PERSON")],
     [("Odessa", "PERSON")], [("Odessa", "GPE")]),
    # "a move to X" is a transfer: no place evidence
    ("The winger rejected a move to Leeds on Monday.", [("Leeds", "PERSON")], [], [("Leeds", "GPE")]),
])
def test_place_cues(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


@pytest.mark.parametrize("text,ents,wanted,unwanted", [
    # a hyphenated word for a firm before the name ("start-up"), "co-founder of X"
    ("Meanwhile, search start-up Qwindle released a tool. Users of Qwindle liked it.",
     [("Qwindle", "GPE"), ("Qwindle", "GPE")], [("Qwindle", "ORG")], [("Qwindle", "GPE")]),
    ("Said Ravi Tenn, co-founder of Qwindle, on Monday.", [("Ravi Tenn", "PERSON"), ("Qwindle", "GPE")],
     [("Qwindle", "ORG")], [("Qwindle", "GPE")]),
    # "X's IPO", "X's flotation"
    ("Investors welcomed Zarbo's IPO on Friday.", [("Zarbo", "PERSON")], [("Zarbo", "ORG")], [("Zarbo", "PERSON")]),
    ("Zarbo's flotation raised $2bn.", [("Zarbo", "GPE")], [("Zarbo", "ORG")], [("Zarbo", "GPE")]),
    # "shares in X" also overrules a facility label
    ("Shares in Molder Vane fell 5%.", [("Molder Vane", "FAC")], [("Molder Vane", "ORG")], [("Molder Vane", "FAC")]),
    # a role word is no firm cue: "founder of" a person's name is left alone when it is a person
    ("The founder of Oxlade, Tam Brey, spoke.", [("Oxlade", "ORG"), ("Tam Brey", "PERSON")],
     [("Oxlade", "ORG"), ("Tam Brey", "PERSON")], []),
])
def test_firm_cues(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


@pytest.mark.parametrize("text,ents,wanted,unwanted", [
    # a natural feature's head word makes a LOC, like a water's ("River X", "X Sea")
    ("Tourists walked on the Tarvis Glacier in June.", [("Tarvis Glacier", "ORG")],
     [("Tarvis Glacier", "LOC")], [("Tarvis Glacier", "ORG")]),
    ("She grew up in the Upper Brenn Valley, near the coast.", [("Upper Brenn Valley", "GPE")],
     [("Upper Brenn Valley", "LOC")], []),
    ("Fires spread across the Marrow Peninsula.", [("Marrow Peninsula", "PERSON")],
     [("Marrow Peninsula", "LOC")], []),
    ("Ships crossed the Quell Sea.", [("Quell Sea", "ORG")], [("Quell Sea", "LOC")], []),
    # a person whose surname is such a word keeps PERSON; a club ending in "Forest" is no forest
    ("Chat show host Ricki Lake said so.", [("Ricki Lake", "PERSON")], [("Ricki Lake", "PERSON")], []),
    ("Nottingham Forest won 2-0.", [("Nottingham Forest", "ORG")], [("Nottingham Forest", "ORG")], []),
])
def test_natural_features(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


@pytest.mark.parametrize("text,ents,wanted,unwanted", [
    # the model's GPE on an acronym that names no known place is no vote: the ORG labels win
    ("QX cut prices. Rivals say QX is too big. QX said it would appeal. Ofcom told QX to wait. QX agreed.",
     [("QX", "GPE"), ("QX", "GPE"), ("QX", "GPE"), ("QX", "ORG"), ("QX", "ORG")],
     [("QX", "ORG")], [("QX", "GPE")]),
    # known places named by capitals keep the model's GPE
    ("The UK said no. Firms in the UK agreed. The UK team won.",
     [("UK", "GPE"), ("UK", "GPE"), ("UK", "ORG")], [("UK", "GPE")], []),
    # only GPE labels on an unknown acronym: no vote at all, nothing changes
    ("QX grew. QX said so.", [("QX", "GPE"), ("QX", "GPE")], [("QX", "GPE")], []),
])
def test_acronym_gpe_votes(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


SPORT = "The striker scored a late goal and the manager praised the keeper after the league match. "


@pytest.mark.parametrize("text,ents,wanted,unwanted", [
    # in a sports report the vote's GPE does not reach a town's club mention without a place cue
    (SPORT + "Crowds in Leicester cheered. Shops in Leicester shut. He joined on loan from Leicester last year.",
     [("Leicester", "GPE"), ("Leicester", "GPE"), ("Leicester", "ORG")],
     [("Leicester", "ORG"), ("Leicester", "GPE")], []),
    # a player's name the model calls a place twice is not made a place at his third mention
    (SPORT + "Verano ran on. Verano shot wide. Then Verano crashed a drive against the bar.",
     [("Verano", "GPE"), ("Verano", "GPE"), ("Verano", "PERSON")], [("Verano", "PERSON")], []),
    # a country's name is its team and a GPE at every mention
    (SPORT + "Wales won. Wales played well. Then Wales scored again.",
     [("Wales", "GPE"), ("Wales", "GPE"), ("Wales", "ORG")], [("Wales", "GPE")], [("Wales", "ORG")]),
])
def test_sport_gpe_vote_is_local(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


@pytest.mark.parametrize("text,ents,wanted,unwanted", [
    # the word after a hyphen in a PERSON span is no surname ("Tory-Labour" taken for a person)
    ("The old Tory-Labour rivalry is back. Labour said so. Voters left Labour.",
     [("Tory-Labour", "PERSON"), ("Labour", "ORG"), ("Labour", "ORG")], [("Labour", "ORG")], [("Labour", "PERSON")]),
    ("Ex-Labour voters moved. Labour said so. Voters left Labour.",
     [("Ex-Labour", "PERSON"), ("Labour", "ORG"), ("Labour", "ORG")], [("Labour", "ORG")], [("Labour", "PERSON")]),
    # a full name still gives its surname
    ("Edwin Parlow spoke first. Later Parlow left.", [("Edwin Parlow", "PERSON"), ("Parlow", "ORG")],
     [("Parlow", "PERSON")], [("Parlow", "ORG")]),
])
def test_surnames_of_real_names_only(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)
