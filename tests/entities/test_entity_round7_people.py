"""Round 7 of the people and organisation rules (issue 14).

* Initials and a surname ("JK Rowling", "J.K. Rowling", "JRR Tolkien", "J K Rowling") are a
  PERSON, not the ORG the model reads in the capitals, unless the name reads as a firm's, a
  club's, a base's or a place's ("JP Morgan", "BT Group", "AC Milan", "RAF Fairford").

Every Doc comes from spacy.blank("en") with entities set by hand (conftest.labels_hold); every
sentence is made up.
"""
from __future__ import annotations

import pytest
import spacy

from extract.entities import gazetteer
from extract.entities.gazetteer import validate_org_words
from extract.entities.initials import initial_names, person_with_initials
from extract.entities.rules import load_rules
from extract.errors import ResourceError

# text, the model's entities (surface, label) in order, pairs that must be found, pairs that must not
INITIALS = [
    ("JK Rowling's new book will be out in July.", [("JK Rowling", "ORG")],
     [("JK Rowling", "PERSON")], [("JK Rowling", "ORG")]),
    ("Harry Potter author JK Rowling has had a daughter.", [("JK Rowling", "ORG")],
     [("JK Rowling", "PERSON")], [("JK Rowling", "ORG")]),
    ("JK Rowling said she was delighted with the film.", [("JK Rowling", "ORG")],
     [("JK Rowling", "PERSON")], []),
    ("J.K. Rowling said she was delighted with the film.", [("J.K. Rowling", "ORG")],
     [("J.K. Rowling", "PERSON")], []),
    ("JRR Tolkien wrote the books in Oxford.", [("JRR Tolkien", "ORG"), ("Oxford", "GPE")],
     [("JRR Tolkien", "PERSON"), ("Oxford", "GPE")], []),
    ("The trophy went to AE Stoddart in 1888.", [("AE Stoddart", "GPE")], [("AE Stoddart", "PERSON")], []),
    # a team sheet: one initial each
    ("Wales: G Thomas; C Sweeney, D Peel; M Bortolami (capt).",
     [("Wales", "GPE"), ("C Sweeney", "ORG"), ("M Bortolami", "ORG")],
     [("C Sweeney", "PERSON"), ("M Bortolami", "PERSON")], []),
    # every mention, and the surname after it
    ("Fans queued for JK Rowling. Later JK Rowling signed books and Rowling smiled.",
     [("JK Rowling", "ORG"), ("JK Rowling", "ORG"), ("Rowling", "ORG")],
     [("JK Rowling", "PERSON"), ("Rowling", "PERSON")], [("Rowling", "ORG"), ("JK Rowling", "ORG")]),
    # negatives: firms, clubs, bases, places and acronyms that stand alone
    ("Shares in JP Morgan rose on Monday.", [("JP Morgan", "ORG")], [("JP Morgan", "ORG")], []),
    ("Profits at BT Group rose and EMI Records grew.", [("BT Group", "ORG"), ("EMI Records", "ORG")],
     [("BT Group", "ORG"), ("EMI Records", "ORG")], []),
    ("AC Milan beat the champions on Tuesday.", [("AC Milan", "ORG")], [("AC Milan", "ORG")], []),
    ("GM Europe cut jobs.", [("GM Europe", "ORG")], [("GM Europe", "ORG")], []),
    ("HP said that HP Compaq would be sold.", [("HP", "ORG"), ("HP Compaq", "ORG")],
     [("HP Compaq", "ORG")], [("HP Compaq", "PERSON")]),
    ("Protesters were stopped on the way to RAF Fairford.", [("RAF Fairford", "ORG")], [],
     [("RAF Fairford", "PERSON")]),
    ("US Airways and LG Card were named.", [("US Airways", "ORG"), ("LG Card", "ORG")],
     [("US Airways", "ORG"), ("LG Card", "ORG")], []),
    ("ETH Zurich researchers said so.", [("ETH Zurich", "ORG")], [("ETH Zurich", "ORG")], []),
    ("Fighting in DR Congo went on.", [("DR Congo", "GPE")], [("DR Congo", "GPE")], []),
    ("They sold to FC Cologne last week.", [("FC Cologne", "ORG")], [("FC Cologne", "ORG")], []),
    # a word that ends other names is a head, not a surname
    ("Leisure Garments, Modern Garments and TW Garments closed.",
     [("Leisure Garments", "ORG"), ("Modern Garments", "ORG"), ("TW Garments", "ORG")],
     [("TW Garments", "ORG")], []),
    # an org cue at a mention overrules the initials
    ("An analyst at KV Tarrow said the figures were bad.", [("KV Tarrow", "ORG")], [("KV Tarrow", "ORG")], []),
    # a person the model already found stays one
    ("JK Rowling smiled.", [("JK Rowling", "PERSON")], [("JK Rowling", "PERSON")], []),
]


@pytest.mark.parametrize("text,ents,wanted,unwanted", INITIALS)
def test_initials_and_a_surname_are_a_person(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


@pytest.mark.parametrize("text,name", [
    ("J K Rowling said she was delighted.", "J K Rowling"),
    ("On Friday J. K. Rowling said so.", "J. K. Rowling"),
    ("A book by J.R.R. Tolkien sold well.", "J.R.R. Tolkien"),
])
def test_initials_the_model_missed(text, name):
    doc = spacy.blank("en")(text)
    spans = initial_names(doc, [], load_rules())
    assert [(sp.text, sp.label_) for sp in spans] == [(name, "PERSON")]


@pytest.mark.parametrize("text", [
    "PC Pro magazine tested it.",        # capitals run together: an acronym
    "J K Group made a loss.",            # a body's head word
    "Trains ran to J K Milan.",          # a place
    "It was a Y Vote campaign.",         # one letter only
])
def test_no_person_added_for_acronyms(text):
    doc = spacy.blank("en")(text)
    assert initial_names(doc, [], load_rules()) == []


def test_a_sentence_start_article_is_no_initial():
    doc = spacy.blank("en")("A Tarrow is a small dog.")
    assert not person_with_initials(doc, 0, 2, load_rules())


def test_initial_firms_are_checked():
    data = {k: [] for k in gazetteer.ORG_WORD_LISTS}
    data["initial_firms"] = ["jp morgan"]
    with pytest.raises(ResourceError, match=r"initial_firms\[0\]"):
        validate_org_words(data)


def test_a_person_takes_in_dotted_initials():
    from extract.entities.names import extend_person

    doc = spacy.blank("en")("Then J.K. Rowling spoke.")
    doc[1].tag_ = "NNP"
    assert extend_person(doc, 2, 3, set(), load_rules()) == (1, 3)
    doc = spacy.blank("en")("Then BBC Rowling spoke.")
    doc[1].tag_ = "NNP"
    assert extend_person(doc, 2, 3, set(), load_rules()) == (2, 3)


# a party named by its members is one NORP; roles and document types are no names
PARTIES_AND_NO_NAMES = [
    ("Liberal Democrat chairman Tom Vardy said the plan was wrong.", [("Democrat", "NORP"), ("Tom Vardy", "PERSON")],
     [("Liberal Democrat", "NORP"), ("Tom Vardy", "PERSON")], [("Democrat", "NORP")]),
    ("The Liberal Democrats said the tax was unfair.", [("Democrats", "NORP")],
     [("Liberal Democrats", "NORP")], [("Democrats", "NORP")]),
    ("A Liberal Democrat spokesman agreed.", [("Liberal", "ORG"), ("Democrat", "NORP")],
     [("Liberal Democrat", "NORP")], [("Liberal", "ORG")]),
    ("Lib Dem leader Tom Vardy spoke.", [("Lib Dem", "PERSON"), ("Tom Vardy", "PERSON")],
     [("Lib Dem", "NORP"), ("Tom Vardy", "PERSON")], [("Lib Dem", "PERSON")]),
    ("An Ulster Unionist MP spoke.", [("Ulster", "GPE")], [("Ulster Unionist", "NORP")], [("Ulster", "GPE")]),
    # a longer name the model found is left alone
    ("The Liberal Democrat Party of Narnia met.", [("Liberal Democrat Party", "ORG"), ("Narnia", "GPE")],
     [("Liberal Democrat Party", "ORG")], [("Liberal Democrat", "NORP")]),
    # roles and document types
    ("Courts should be used as a last resort, MPs said.", [("MPs", "ORG")], [], [("MPs", "ORG")]),
    ("Mr Vardy told MPs a new White Paper was ready.", [("Vardy", "PERSON"), ("MPs", "ORG"), ("White Paper", "PRODUCT")],
     [("Vardy", "PERSON")], [("MPs", "ORG"), ("White Paper", "PRODUCT")]),
    ("Two MEPs and an MSP asked the Green Paper's authors.", [("MEPs", "NORP"), ("MSP", "ORG"), ("Green Paper", "ORG")],
     [], [("MEPs", "NORP"), ("MSP", "ORG"), ("Green Paper", "ORG")]),
    # "Team" and a country is a team; "the Worlds" a championship
    ("Jo Tarn will represent Team GB in France.", [("Jo Tarn", "PERSON"), ("Team GB", "PERSON"), ("France", "GPE")],
     [("Team GB", "ORG"), ("France", "GPE")], [("Team GB", "PERSON")]),
    ("Team England won again.", [("Team England", "PERSON")], [("Team England", "ORG")], []),
    ("Being picked for the Worlds means I can focus.", [("Worlds", "PERSON")], [("Worlds", "EVENT")], []),
    # "Team" before no country: the model's label stays
    ("Team Vardy won the stage.", [("Team Vardy", "PERSON")], [("Team Vardy", "PERSON")], []),
]


@pytest.mark.parametrize("text,ents,wanted,unwanted", PARTIES_AND_NO_NAMES)
def test_parties_roles_and_teams(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


# firms the model reads as people, places or nationalities
FIRMS = [
    # a word for a brand or a part of a firm after the name, at every mention
    ("Zorvani owns the Maserati brand. The price would change if Maserati was sold.",
     [("Zorvani", "ORG"), ("Maserati", "PERSON"), ("Maserati", "PERSON")],
     [("Maserati", "ORG")], [("Maserati", "PERSON")]),
    ("Fiat may move Quellotti within its Tarvo Romeo division. Tarvo Romeo sells well.",
     [("Fiat", "ORG"), ("Quellotti", "PERSON"), ("Tarvo Romeo", "PERSON"), ("Tarvo Romeo", "PERSON")],
     [("Tarvo Romeo", "ORG")], [("Tarvo Romeo", "PERSON")]),
    # ... not a person's name
    ("David Brask has built the Brask brand over ten years.", [("David Brask", "PERSON"), ("Brask", "PERSON")],
     [("Brask", "PERSON")], [("Brask", "ORG")]),
    ("Carolina Vell is the brand of the year.", [("Carolina Vell", "PERSON")], [("Carolina Vell", "PERSON")], []),
    # a job at a body
    ("Tom Vardy, portal director at Quellnet, said so.", [("Tom Vardy", "PERSON"), ("Quellnet", "NORP")],
     [("Quellnet", "ORG")], [("Quellnet", "NORP")]),
    ("A spokeswoman at Brundel said the talks had ended.", [("Brundel", "PERSON")], [("Brundel", "ORG")], []),
    # a list joined to a firm, through lower-case words
    ("Its customers include Boots, Tarrowby, Quelling and consumer products giant Procter & Gamble.",
     [("Tarrowby", "PERSON"), ("Quelling", "PERSON"), ("Procter & Gamble", "ORG")],
     [("Tarrowby", "ORG"), ("Quelling", "ORG")], [("Tarrowby", "PERSON")]),
    ("The telecoms firm Zorvex and Brundel kept their customers.", [("Zorvex", "ORG"), ("Brundel", "PERSON")],
     [("Brundel", "ORG")], []),
    ("Brundel and Zorvex Group kept their customers.", [("Brundel", "PERSON"), ("Zorvex Group", "ORG")],
     [("Brundel", "ORG")], []),
    # an ORG that its own words do not mark as a firm is no anchor ("Keane and Oasis": bands, singers)
    ("Zorvex and Brundel kept their customers.", [("Zorvex", "ORG"), ("Brundel", "PERSON")],
     [("Brundel", "PERSON")], []),
    # ... not a person named in full, a title, nor in a sports report
    ("Tom Brundel met Zorvex. Brundel and Zorvex agreed.",
     [("Tom Brundel", "PERSON"), ("Zorvex", "ORG"), ("Brundel", "PERSON"), ("Zorvex", "ORG")],
     [("Brundel", "PERSON")], [("Brundel", "ORG")]),
    ("Mr Brundel and Zorvex agreed.", [("Brundel", "PERSON"), ("Zorvex", "ORG")], [("Brundel", "PERSON")], []),
    ("The striker scored twice as Tarrow beat the champions in the league. Keeper Brundel and Chelsea drew in the cup.",
     [("Tarrow", "ORG"), ("Brundel", "PERSON"), ("Chelsea", "ORG")], [("Brundel", "PERSON")], []),
    ("Firms sued include Tarvo Group and Brask and Vellum.",
     [("Tarvo Group", "ORG"), ("Brask", "PERSON"), ("Vellum", "PERSON")], [("Brask", "PERSON")], [("Brask", "ORG")]),
    # a firm's front word alone
    ("The Quorin Research Center said so. Said the Quorin report: it is bad.",
     [("Quorin Research Center", "ORG"), ("Quorin", "PERSON")], [("Quorin", "ORG")], [("Quorin", "PERSON")]),
    ("GM's main European brands are Opel and Vauxhall.", [("GM", "ORG"), ("European", "NORP")],
     [("European", "NORP")], [("European", "ORG")]),
    ("The report by the US Quorin Research Center is out. The Quorin report said so.",
     [("US Quorin Research Center", "ORG"), ("Quorin", "PERSON")], [("Quorin", "ORG")], []),
    # ... not a place, a first name, a common word or a word of a person's name
    ("Manchester United won. Manchester was happy.", [("Manchester United", "ORG"), ("Manchester", "GPE")],
     [("Manchester", "GPE")], [("Manchester", "ORG")]),
    ("The Tarnby Local Health Board met. Officials in Tarnby said so.",
     [("Tarnby Local Health Board", "ORG"), ("Tarnby", "PERSON")], [("Tarnby", "PERSON")], [("Tarnby", "ORG")]),
    ("Morgan Stanley grew. Morgan said so.", [("Morgan Stanley", "ORG"), ("Morgan", "PERSON")],
     [("Morgan", "PERSON")], []),
    ("Warner Bros grew. Jack Warner said so, and Warner left.",
     [("Warner Bros", "ORG"), ("Jack Warner", "PERSON"), ("Warner", "PERSON")], [("Warner", "PERSON")], []),
]


@pytest.mark.parametrize("text,ents,wanted,unwanted", FIRMS)
def test_firms_read_as_people(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


# a known town after a place preposition, missed or taken for a nationality
TOWNS = [
    ("Campaigners want trains to run to Carlisle again.", [], [("Carlisle", "GPE")], []),
    ("Campaigners want trains to run to Carlisle again.", [("Carlisle", "NORP")],
     [("Carlisle", "GPE")], [("Carlisle", "NORP")]),
    ("Fans will travel from Carlisle on Saturday.", [], [("Carlisle", "GPE")], []),
    # a common word, a person's name, a club in a sports report, a longer name: left alone
    ("He sold the firm to Reading last year.", [], [], [("Reading", "GPE")]),
    ("Tom Carlisle spoke. He gave the prize to Carlisle.", [("Tom Carlisle", "PERSON")], [], [("Carlisle", "GPE")]),
    ("The striker scored in the league cup and the match went to extra time; the club lost 2-1 to Carlisle.",
     [], [], [("Carlisle", "GPE")]),
    ("There was more follow up to Brits success.", [], [], [("Brits", "GPE")]),
    ("The deal went to Carlisle United.", [("Carlisle United", "ORG")], [("Carlisle United", "ORG")],
     [("Carlisle", "GPE")]),
]


@pytest.mark.parametrize("text,ents,wanted,unwanted", TOWNS)
def test_towns_after_prepositions(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


def test_a_span_started_at_the_second_initial_takes_the_first():
    doc = spacy.blank("en")("Then J K Rowling agreed.")
    from spacy.tokens import Span
    spans = initial_names(doc, [Span(doc, 2, 4, label="ORG")], load_rules())
    assert [(sp.text, sp.label_) for sp in spans] == [("J K Rowling", "ORG")]


@pytest.mark.parametrize("text,ents,wanted,unwanted", [
    ("Refugee Council Chief Executive Maeve Tarrow called the plans dangerous.",
     [("Refugee Council Chief Executive", "ORG"), ("Maeve Tarrow", "PERSON")],
     [("Refugee Council", "ORG"), ("Maeve Tarrow", "PERSON")], [("Refugee Council Chief Executive", "ORG")]),
    ("Quellnet Chairman Tom Vardy spoke.", [("Quellnet Chairman", "ORG"), ("Tom Vardy", "PERSON")],
     [("Quellnet", "ORG")], []),
    # no person after it, or the role word alone: left alone
    ("The Scottish Executive said so.", [("Scottish Executive", "ORG")], [("Scottish Executive", "ORG")], []),
    ("Quellnet Chairman spoke.", [("Quellnet Chairman", "ORG")], [("Quellnet Chairman", "ORG")], []),
])
def test_a_role_after_an_organisation_is_outside_it(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)
