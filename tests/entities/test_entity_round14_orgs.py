"""Round 14 (organisations): rules read on unseen BBC articles (100-299) and the errors of the
ninth and tenth development sets, checked on BBC articles numbered 300 and up
(:mod:`extract.entities.orgs`, :mod:`extract.entities.labelcues`).

* a body's name and its short form in brackets, in either order, are both ORG where the model read
  the name as a place or a person (:func:`extract.entities.orgs.bracket_names`); a country at the
  front of a name whose acronym spells it is part of the name (:func:`extract.entities.orgs.country_fronts`);
* an all-capitals word the model missed is an ORG at its mentions when one reads as a body ("suspended by
  the IAAF", "The IAAF will decide") (:func:`extract.entities.orgs.acronym_bodies`);
* words that treat a name the model read as a person as a body are ORG cues in the vote ("Tods Murray
  which has a client", "Highfield said that it intends", "Balco founder X", "a part of X")
  (:func:`extract.entities.firms.body_cue`);
* a broadcaster's channel named by a number is one ORG ("BBC One", "Channel 4", "Five Live")
  (:func:`extract.entities.media.channel_names`);
* the capitalised words before "newspaper" or "magazine" are the paper's whole name ("told To Vima
  newspaper") (:func:`extract.entities.media.paper_names`); "Daily", "Evening" or "Sunday" and a
  capitalised word is a newspaper's name ("the Evening Standard") (:func:`extract.entities.media.front_papers`).

Sentences written for these tests; the rules on ``spacy.blank("en")`` with hand-set entities,
some end to end with the installed model.
"""
from __future__ import annotations

import pytest

from extract.entities.orgs import firm_words

BRACKET_NAMES = [
    # the name first, read as a place; the short form's later mentions, read as a person, follow
    ("The trial of the Tarn Valley Farming Cooperative (Tarvco) was delayed. Tarvco founder Jim Bell denies it.",
     [("Tarn Valley Farming Cooperative", "LOC"), ("Tarvco", "PERSON"), ("Tarvco", "PERSON"), ("Jim Bell", "PERSON")],
     [("Tarn Valley Farming Cooperative", "ORG"), ("Tarvco", "ORG")],
     [("Tarvco", "PERSON"), ("Tarn Valley Farming Cooperative", "LOC")]),
    ("The Brisk Harbour Research Centre (Brisco) said prices rose. Brisco expects more.",
     [("Brisk Harbour Research Centre", "FAC")],
     [("Brisk Harbour Research Centre", "ORG"), ("Brisco", "ORG")], []),
    # the short form first, the name in brackets missed by the model
    ("The charity, Cevas (Tarnish Centre for Rural Studies) led the project. Cevas says it worked.",
     [("Cevas", "GPE"), ("Cevas", "NORP")],
     [("Cevas", "ORG"), ("Tarnish Centre for Rural Studies", "ORG")], [("Cevas", "GPE"), ("Cevas", "NORP")]),
]

NOT_BRACKET_NAMES = [
    # a person's club or county in brackets, no body's head word
    ("Roberts (Wrexham) and Davies (Kent) were picked.", [("Roberts", "PERSON"), ("Wrexham", "GPE"),
                                                          ("Davies", "PERSON"), ("Kent", "GPE")],
     [("Roberts", "PERSON"), ("Wrexham", "GPE")], [("Roberts", "ORG")]),
    # a person's full name before an institute in brackets stays a person
    ("The report by Anna Brisk (Tarnby Policy Centre) was read.", [("Anna Brisk", "PERSON")],
     [("Anna Brisk", "PERSON")], [("Brisk", "ORG")]),
    # a place's name before a centre in brackets, and a short form whose letter opens no word of the name
    ("They met in Lima (Convention Centre) on Monday.", [("Lima", "GPE")], [("Lima", "GPE")], [("Lima", "ORG")]),
    ("The Tarn Valley Cooperative (Qelvo) closed.", [("Tarn Valley Cooperative", "LOC")],
     [("Tarn Valley Cooperative", "LOC")], [("Qelvo", "ORG")]),
    # a name ending in no body's head word keeps the model's label
    ("The Tarn Valley Farms (Tarvaf) closed.", [("Tarn Valley Farms", "LOC")],
     [("Tarn Valley Farms", "LOC")], [("Tarvaf", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", BRACKET_NAMES + NOT_BRACKET_NAMES)
def test_a_body_s_name_and_its_short_form_in_brackets_are_orgs(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


COUNTRY_FRONTS = [
    # the acronym spells the country: one name
    ("He was accused by the United States Rowing Agency (USRA) of doping.",
     [("United States", "GPE"), ("Rowing Agency", "ORG")],
     [("United States Rowing Agency", "ORG"), ("USRA", "ORG")], [("United States", "GPE")]),
    ("The UK Tarn Party (UKTP) won a seat.", [("UK", "GPE"), ("Tarn Party", "ORG")],
     [("UK Tarn Party", "ORG")], [("UK", "GPE")]),
]

NOT_COUNTRY_FRONTS = [
    # GUIDELINES section 2: a country before an agency's own name stays a GPE of its own
    ("This is a view shared by the UK Harbour Office.", [("UK", "GPE"), ("Harbour Office", "ORG")],
     [("UK", "GPE"), ("Harbour Office", "ORG")], [("UK Harbour Office", "ORG")]),
    ("The US Federal Rowing Commission (FRC) ruled.", [("US", "GPE"), ("Federal Rowing Commission", "ORG")],
     [("US", "GPE"), ("Federal Rowing Commission", "ORG"), ("FRC", "ORG")], [("US Federal Rowing Commission", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", COUNTRY_FRONTS + NOT_COUNTRY_FRONTS)
def test_a_country_the_acronym_spells_is_part_of_the_name(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


ACRONYM_BODIES = [
    # "by the X", an owner's 's: the body at every mention standing alone
    ("She was suspended by the QRAF in May. QRAF officials met on Monday.", [],
     [("QRAF", "ORG")], []),
    ("The QRAF's ruling came late. Later the QRAF met again.", [], [("QRAF", "ORG")], []),
]

NOT_ACRONYM_BODIES = [
    # a role or a common abbreviation, a country's short name
    ("He was named by the PM in May.", [], [], [("PM", "ORG")]),
    ("It was shown by the TV in May.", [], [], [("TV", "ORG")]),
    ("He was praised by the UK in May.", [], [], [("UK", "ORG")]),
    # a word after a maker's name or a number at another mention: a model's code
    ("Tarvo QX is out. It was made by the QX team.", [], [], [("QX", "ORG")]),
    ("It was beaten by the QX. Tarvo's QX sold well.", [], [], [("QX", "ORG")]),
    # a word the model labelled otherwise
    ("The QRF's ruling came late. QRF sold well.", [("QRF", "PRODUCT")], [], [("QRF", "ORG")]),
    # no mention reads as a body
    ("A QRAF hearing was held. QRAF rules apply.", [], [], [("QRAF", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", ACRONYM_BODIES + NOT_ACRONYM_BODIES)
def test_a_missed_acronym_read_as_a_body_is_an_org(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


BODY_CUES = [
    # "which" right after the name, "a part of X": every mention follows in the vote
    ("The MSP had been a partner for Tarvell Quint which has a client. He left Tarvell Quint in May.",
     [("Tarvell Quint", "PERSON"), ("Tarvell Quint", "PERSON")], [("Tarvell Quint", "ORG")], [("Tarvell Quint", "PERSON")]),
    ("I am proud to have been a part of Tarvell Quint for 29 years.", [("Tarvell Quint", "PERSON")],
     [("Tarvell Quint", "ORG")], []),
    # "X said that it" and a body's intent
    ("Brasko said that it intends to take the firm private. The offer from Brasko was rejected.",
     [("Brasko", "PERSON"), ("Brasko", "PERSON")], [("Brasko", "ORG")], [("Brasko", "PERSON")]),
    # a founder after the name, offices after its 's
    ("Brasko founder Tom Vale was charged. Police raided Brasko's offices.",
     [("Brasko", "PERSON"), ("Tom Vale", "PERSON"), ("Brasko", "PERSON")], [("Brasko", "ORG"), ("Tom Vale", "PERSON")],
     [("Brasko", "PERSON")]),
    # ", which" after a preposition that makes the name no owner
    ("It is a chance for Brasko Vell, which had faced competition.", [("Brasko Vell", "PERSON")],
     [("Brasko Vell", "ORG")], []),
]

NOT_BODY_CUES = [
    # "it" and a verb a person's words take: a thing, not the name
    ("Smithers said that it was a good day.", [("Smithers", "PERSON")], [("Smithers", "PERSON")], [("Smithers", "ORG")]),
    # a title before a mention, a first name at the front: the article marks a person
    ("Brasko said that it intends to appeal. Mr Brasko left.", [("Brasko", "PERSON"), ("Brasko", "PERSON")],
     [("Brasko", "PERSON")], [("Brasko", "ORG")]),
    ("She had been a partner of Anna Vell for years.", [("Anna Vell", "PERSON")], [("Anna Vell", "PERSON")],
     [("Anna Vell", "ORG")]),
    # ", which" after "to" or in a list: the relative refers to the thing before
    ("It used a trumpet which belonged to Dizzo Gillam, which is expected to fetch $500,000.",
     [("Dizzo Gillam", "PERSON")], [("Dizzo Gillam", "PERSON")], [("Dizzo Gillam", "ORG")]),
    ("A gig starring Tarn Vell and Jools Hallam, which raised £1m.", [("Tarn Vell", "PERSON"), ("Jools Hallam", "PERSON")],
     [("Jools Hallam", "PERSON")], [("Jools Hallam", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", BODY_CUES + NOT_BODY_CUES)
def test_words_that_treat_a_name_as_a_body_make_it_an_org(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


CHANNELS = [
    # the model's ORG cut before the number, a front and number it missed, a station's name alone
    ("The ceremony will be broadcast on BBC One at 2010 GMT.", [("BBC", "ORG")], [("BBC One", "ORG")], [("BBC", "ORG")]),
    ("Stallone joined the Channel 4 show on Monday.", [], [("Channel 4", "ORG")], []),
    ("He is one half of the Radio 1 Thursday night show.", [], [("Radio 1", "ORG")], []),
    ('"It is easy," the record holder told Five Live.', [], [("Five Live", "ORG")], []),
]

NOT_CHANNELS = [
    # a longer name holds the channel; a number of things after a broadcaster
    ("Tarn won a BBC Radio 3 World Music Award.", [("BBC Radio 3 World Music Award", "WORK_OF_ART")],
     [("BBC Radio 3 World Music Award", "WORK_OF_ART")], [("BBC Radio 3", "ORG")]),
    ("The BBC 3 million viewers watched it.", [("BBC", "ORG")], [("BBC", "ORG")], [("BBC 3", "ORG")]),
    ("The BBC said Five people were hurt.", [("BBC", "ORG")], [("BBC", "ORG")], [("BBC said Five", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", CHANNELS + NOT_CHANNELS)
def test_a_channel_named_by_a_number_is_one_org(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


PAPERS = [
    # the model's span cut short or read as a product, a name it missed
    ('"We will compete again," Vardou told To Brasko newspaper.', [("Vardou", "PERSON"), ("Brasko", "PRODUCT")],
     [("To Brasko", "ORG")], [("Brasko", "PRODUCT")]),
    ("They came second in the Q magazine poll.", [], [("Q", "ORG")], []),
    ("In 1970, Tarvo weekly magazine gave him an award.", [], [("Tarvo", "ORG")], []),
]

NOT_PAPERS = [
    # a nationality or a place before the word (the name follows it), an owner's 's, "The", a common abbreviation
    ("He told Dutch newspaper Tarvo Dagblad.", [("Dutch", "NORP")], [("Dutch", "NORP")], [("Dutch", "ORG")]),
    ("It topped Brasko's weekly charts.", [("Brasko", "ORG")], [("Brasko", "ORG")], []),
    ("The paper said so. The magazine agreed.", [], [], [("The", "ORG")]),
    ("They are useful, not just for PC magazine editors.", [], [], [("PC", "ORG")]),
    # a longer name runs past the words
    ("A poll for the News of the Tarn newspaper says so.", [("News of the Tarn", "ORG")],
     [("News of the Tarn", "ORG")], [("Tarn", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", PAPERS + NOT_PAPERS)
def test_the_words_before_newspaper_are_the_paper_s_name(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


FRONT_PAPERS = [
    # missed, read apart, read as a work; a place before it is inside
    ("Pires told the Evening Tarnbury: he will stay.", [("Pires", "PERSON")], [("Evening Tarnbury", "ORG")], []),
    ("The Sunday Herald says the board met.", [("Herald", "PERSON")], [("Sunday Herald", "ORG")], [("Herald", "PERSON")]),
    ("He told the Daily Vellum: no.", [("Daily Vellum", "WORK_OF_ART")], [("Daily Vellum", "ORG")], []),
    ("It was reported in the East Tarnish Daily Times last month.", [], [("East Tarnish Daily Times", "ORG")], []),
]

NOT_FRONT_PAPERS = [
    # a programme, a name running on in capitals, a day's name after the front
    ("He spoke on the Sunday Vellum programme.", [], [], [("Sunday Vellum", "ORG")]),
    ("They watched Sunday Night Football together.", [], [], [("Sunday Night", "ORG")]),
    ("He works Sunday Monday and Tuesday.", [], [], [("Sunday Monday", "ORG")]),
    # a person the model found after the front word (no newspaper's head word)
    ("He said Sunday Brisk was late.", [("Brisk", "PERSON")], [("Brisk", "PERSON")], [("Sunday Brisk", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", FRONT_PAPERS + NOT_FRONT_PAPERS)
def test_daily_evening_or_sunday_and_a_name_is_a_newspaper(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


def test_the_round14_lists_are_package_data():
    words = firm_words()
    assert "Cooperative" in words.bracket_heads and "Centre" in words.bracket_heads
    assert "PM" in words.not_body_acronyms
    assert "intends" in words.body_verbs and "part of" in words.body_phrases_before
    assert "Channel" in words.channel_fronts and "One" in words.channel_numbers
    assert "newspaper" in words.paper_nouns


@pytest.fixture(scope="module")
def ent_nlp():
    from extract.pipeline import build_pipeline

    return build_pipeline(extractors=["entities"])


def test_with_the_model(ent_nlp):
    doc = ent_nlp("The trial date for the Tarn Valley Laboratory Cooperative (Tarvlac) steroid case has been "
                  "postponed. Tarvlac has been accused by the United States Rowing Agency (USRA) of being the source.")
    found = [(e.text, e.label_) for e in doc.ents]
    assert ("Tarn Valley Laboratory Cooperative", "ORG") in found, found
    assert ("Tarvlac", "ORG") in found, found
    assert ("United States Rowing Agency", "ORG") in found, found


def test_acronym_bodies_with_the_model(ent_nlp):
    doc = ent_nlp('"The QRAF will decide if we can compete again," Vardou told reporters. '
                  "The QRAF - which said it was surprised - is deciding whether to appeal. The PM said nothing.")
    found = [(e.text, e.label_) for e in doc.ents]
    assert found.count(("QRAF", "ORG")) == 2, found
    assert ("PM", "ORG") not in found, found
