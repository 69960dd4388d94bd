"""Round 13 (organisations): rules read on unseen BBC articles (business, politics, tech, sport
100-299) and checked on others (:mod:`extract.entities.orgs`).

* capitalised words ending in an organisation's head word ("Commission", "Holdings", "Party"), or a
  head and a tail after "of"/"for", are an ORG where the model missed them or read the whole name
  as something else (:func:`extract.entities.orgs.headed_orgs`);
* an acronym in brackets right after an organisation's name is an ORG, and so are its later
  mentions (:func:`extract.entities.orgs.bracket_acronyms`).

Sentences written for these tests; the rules on ``spacy.blank("en")`` with hand-set entities,
one end to end with the installed model.
"""
from __future__ import annotations

import pytest

from extract.entities.orgs import firm_words, validate_firm_words

HEADED = [
    # a body named by its head and a tail after "of"/"for", missed by the model
    ("A report by the Commission for Rural Housing was published.", [], [("Commission for Rural Housing", "ORG")], []),
    ("He wrote to the Department for Roads and Bridges last week.", [],
     [("Department for Roads and Bridges", "ORG")], []),
    ("The Office of the Deputy Harbour Master said prices fell.", [],
     [("Office of the Deputy Harbour Master", "ORG")], []),
    # capitalised words before a firm's or a body's head word
    ("Shares in Tarnvale Holdings rose 3%.", [], [("Tarnvale Holdings", "ORG")], []),
    ("An analyst at Brenmoor Securities said so.", [], [("Brenmoor Securities", "ORG")], []),
    ("The Quarry Workers Party won two seats.", [], [("Quarry Workers Party", "ORG")], []),
    # a one-word nationality the model found right before is part of the name
    ("A spokesman for the European Anti-Fraud Office declined to comment.", [("European", "NORP")],
     [("European Anti-Fraud Office", "ORG")], [("European", "NORP")]),
    # the model's whole name read as a place, a person or a work
    ("The Northern Tarnby Assembly met on Monday.", [("Northern Tarnby Assembly", "GPE")],
     [("Northern Tarnby Assembly", "ORG")], [("Northern Tarnby Assembly", "GPE")]),
    ("The failings of the Child Welfare Agency were exposed.", [("Child Welfare Agency", "WORK_OF_ART")],
     [("Child Welfare Agency", "ORG")], []),
    ("Leadvane Inc was fined $2m.", [("Leadvane Inc", "PERSON")], [("Leadvane Inc", "ORG")], []),
    # the model's span cut short inside the tail: one name
    ("The Department for Lakes and Rivers said so.", [("Department for Lakes", "ORG"), ("Rivers", "ORG")],
     [("Department for Lakes and Rivers", "ORG")], [("Rivers", "ORG")]),
]

NOT_HEADED = [
    # a country before an agency's own name stays a GPE of its own
    ("The US Department of Fisheries said so.", [("US", "GPE"), ("Department of Fisheries", "ORG")],
     [("US", "GPE"), ("Department of Fisheries", "ORG")], [("US Department of Fisheries", "ORG")]),
    # two bodies joined by "and the" or by "and" before another head word are two names
    ("He told the Department of Mines and the Tarnby Trade Commission.", [], [],
     [("Department of Mines and the Tarnby Trade Commission", "ORG")]),
    ("Nigerian banks Kelso Bank of Africa and Standard Brisk Bank will merge.", [], [],
     [("Kelso Bank of Africa and Standard Brisk Bank", "ORG")]),
    # a firm's head word takes no tail ("of" and a place)
    ("Tarn Telecom of South Korea launched a service.", [("South Korea", "GPE")],
     [("South Korea", "GPE")], [("Tarn Telecom of South Korea", "ORG")]),
    # the name runs on in capitals after the head, or a hyphen joins it to a word before
    ("Install Windows XP Service Pack 2 today.", [], [], [("Windows XP Service", "ORG")]),
    ("They joined the Blu-ray Disc Association last year.", [], [], [("Disc Association", "ORG")]),
    # a sentence's first common word, a title's small word, a role before "Executive"
    ("Former Commission staff were angry.", [], [], [("Former Commission", "ORG")]),
    ("Rounding out the list were In Good Company and others.", [], [], [("In Good Company", "ORG")]),
    ("The Sinclair Executive was a pocket calculator.", [], [], [("Sinclair Executive", "ORG")]),
    # a place ending in a country's head word, a building the model read as one, a person's name inside
    ("He grew up in the Soviet Union.", [("Soviet Union", "GPE")], [("Soviet Union", "GPE")], [("Soviet Union", "ORG")]),
    ("The Tarnby Museum opened on Monday.", [("Tarnby Museum", "FAC")], [("Tarnby Museum", "FAC")],
     [("Tarnby Museum", "ORG")]),
    ("He mocked the Anna Vardy Party at length.", [("Anna Vardy", "PERSON")], [("Anna Vardy", "PERSON")],
     [("Anna Vardy Party", "ORG")]),
    # one word alone is no name here
    ("Police said the Council had met.", [], [], [("Police", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", HEADED + NOT_HEADED)
def test_a_name_ending_in_a_body_s_head_word_is_an_org(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


ACRONYMS = [
    # an acronym whose letters are not the name's initials, missed by the model, and its later mention
    ("Tarvel signed a deal with Brenmoor Aeronautics (BAL) on Monday. Quell plans a venture with BAL.",
     [("Tarvel", "ORG"), ("Brenmoor Aeronautics", "ORG"), ("Quell", "ORG")],
     [("BAL", "ORG"), ("Brenmoor Aeronautics", "ORG")], []),
    # mixed case, after a one-word firm
    ("Advisers QuarrowbyTensing (QwT) said profits rose. QwT expects more.", [("QuarrowbyTensing", "ORG")],
     [("QwT", "ORG")], []),
    # the model's PERSON or GPE on the acronym
    ("Anil Vardi, vice-chairman of Tarn Petrochemicals Limited (TPCL), said so.",
     [("Anil Vardi", "PERSON"), ("Tarn Petrochemicals Limited", "ORG"), ("TPCL", "GPE")], [("TPCL", "ORG")],
     [("TPCL", "GPE")]),
    ("The Brenmoor Rowing Board (BRB) met. Mr Dale said BRB would rule.",
     [("Brenmoor Rowing Board", "ORG"), ("Dale", "PERSON"), ("BRB", "PERSON")], [("BRB", "ORG")],
     [("BRB", "PERSON")]),
]

NOT_ACRONYMS = [
    # a country, a common abbreviation, a letter that opens no word of the name, no ORG before it
    ("Tarvel Motors (US) said so.", [("Tarvel Motors", "ORG"), ("US", "GPE")], [("US", "GPE")], [("US", "ORG")]),
    ("Quellnet Mobile (SMS) said so.", [("Quellnet Mobile", "ORG")], [], [("SMS", "ORG")]),
    ("Tarvel Motors (QZX) said so.", [("Tarvel Motors", "ORG")], [], [("QZX", "ORG")]),
    ("Anna Vardy (AV) said so.", [("Anna Vardy", "PERSON")], [], [("AV", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", ACRONYMS + NOT_ACRONYMS)
def test_an_acronym_in_brackets_after_an_org_is_an_org(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


def test_the_round13_lists_are_package_data():
    words = firm_words()
    assert "Committee" in words.name_heads_extra and "Union" in words.country_heads
    assert "of" in words.name_tail_openers and "Executive" in words.relabel_only_heads


def test_a_lower_case_head_word_is_an_error_naming_it():
    from extract.resources import read_json

    data = dict(read_json("entity_firms.json"))
    data["name_heads_extra"] = ["committee"]
    with pytest.raises(Exception, match="name_heads_extra"):
        validate_firm_words(data)


@pytest.fixture(scope="module")
def ent_nlp():
    from extract.pipeline import build_pipeline

    return build_pipeline(extractors=["entities"])


def test_with_the_model(ent_nlp):
    doc = ent_nlp("A spokeswoman for the Department for Rural Roads and Bridges said the Commission for "
                  "Tarnby Housing would report. Shares in Marrowfield Holdings fell 4%. Quellor signed a deal "
                  "with Brenmoor Aeronautics (BAL).")
    found = [(e.text, e.label_) for e in doc.ents]
    assert ("Department for Rural Roads and Bridges", "ORG") in found, found
    assert ("Commission for Tarnby Housing", "ORG") in found, found
    assert ("Marrowfield Holdings", "ORG") in found, found
    assert ("BAL", "ORG") in found, found
