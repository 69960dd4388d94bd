"""Round 12 (organisations): rules read on unseen BBC articles (business, politics, tech 100-249)
and checked on others (:mod:`extract.entities.orgs`).

* a common abbreviation for a thing, a format, a unit, a time zone, an illness, a tax or a deal
  (``common_acronyms`` of ``entity_firms.json``: "SMS", "USB", "GMT", "TB", "VAT", "IPO") is no
  name, whatever label the model gave it (:func:`extract.entities.orgs.common_acronyms`);
* a political party named as an organisation (``party_names``: "Labour", "UKIP") that the model
  took for a person, a place or a nationality is an ORG (:func:`extract.entities.orgs.party_orgs`).

Sentences written for these tests; the rules on ``spacy.blank("en")`` with hand-set entities,
a few end to end with the installed model.
"""
from __future__ import annotations

import pytest

from extract.entities.orgs import FIRM_LISTS, firm_words, validate_firm_words

ACRONYMS = [
    # the model's ORG on a format, a time zone, an illness, a deal, a tax
    ("Users of Tarnfone can send SMS messages to friends.", [("Tarnfone", "ORG"), ("SMS", "ORG")],
     [("Tarnfone", "ORG")], [("SMS", "ORG")]),
    ("At 1405 GMT, shares in Quellnet were down 2%.", [("GMT", "ORG"), ("Quellnet", "ORG")],
     [("Quellnet", "ORG")], [("GMT", "ORG")]),
    ("A positive test for TB would mean the visa is refused.", [("TB", "ORG")], [], [("TB", "ORG")]),
    ("The IPO of Brisquin Air was fully sold within minutes.", [("IPO", "ORG"), ("Brisquin Air", "ORG")],
     [("Brisquin Air", "ORG")], [("IPO", "ORG")]),
    ("I was charged VAT by the government.", [("VAT", "ORG")], [], [("VAT", "ORG")]),
    # a label other than ORG goes too ("GPRS" read as a person)
    ("The console has GPS and GPRS built in.", [("GPRS", "PERSON")], [], [("GPRS", "PERSON")]),
    ("Plug it into a USB slot.", [("USB", "PRODUCT")], [], [("USB", "PRODUCT")]),
]

NOT_ACRONYMS = [
    # an organisation's acronym is kept; an abbreviation inside a longer name stays with the name
    ("The CBI said orders rose.", [("CBI", "ORG")], [("CBI", "ORG")], []),
    ("Tarnby Radio launched the Tarnby DAB service.", [("Tarnby Radio", "ORG"), ("Tarnby DAB", "ORG")],
     [("Tarnby DAB", "ORG")], []),
    # an organisation's short form in brackets after its name, kept at its other mentions too
    ("Brenmoor Central Television (CCTV) is the state broadcaster. CCTV claims a big audience.",
     [("Brenmoor Central Television", "ORG"), ("CCTV", "ORG"), ("CCTV", "ORG")], [("CCTV", "ORG")], []),
    ("The Tarnby Technology Group (USB) said profits rose.", [("Tarnby Technology Group", "ORG"), ("USB", "ORG")],
     [("USB", "ORG")], []),
    # a technology's name in brackets after its expansion goes
    ("Digital Rights Management (DRM) schemes differ.", [("Digital Rights Management", "ORG"), ("DRM", "ORG")],
     [], [("DRM", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", ACRONYMS + NOT_ACRONYMS)
def test_a_common_abbreviation_is_no_name(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


PARTIES = [
    # the model's PERSON on a party mid-sentence, before a possessive, after "if"
    ("The Tories say Labour is acting too late.", [("Tories", "NORP"), ("Labour", "PERSON")],
     [("Labour", "ORG"), ("Tories", "NORP")], [("Labour", "PERSON")]),
    ("He set out a plan for if Labour wins the election.", [("Labour", "PERSON")], [("Labour", "ORG")],
     [("Labour", "PERSON")]),
    ("Critics said Labour's plans had failed.", [("Labour", "PERSON")], [("Labour", "ORG")], [("Labour", "PERSON")]),
    # a multi-word party name and an acronym, with a place's or a nationality's label
    ("Voters backed the UK Independence Party in May.", [("UK Independence Party", "GPE")],
     [("UK Independence Party", "ORG")], []),
    ("A candidate for Plaid Cymru spoke.", [("Plaid Cymru", "NORP")], [("Plaid Cymru", "ORG")], []),
    # at a sentence start when the article also writes it inside a sentence
    ("Labour says the plan fails. Voters trust Labour on jobs.", [("Labour", "PERSON"), ("Labour", "ORG")],
     [("Labour", "ORG")], [("Labour", "PERSON")]),
]

NOT_PARTIES = [
    # the common noun at a sentence start ("Labour is too costly"), beside a longer name holding the word
    ('He heads the Institute for the Study of Labour. "Labour is too costly here," he said.',
     [("Institute for the Study of Labour", "ORG"), ("Labour", "PERSON")],
     [("Institute for the Study of Labour", "ORG")], [("Labour", "ORG")]),
    # a title before the name: a person
    ("Mr Labour spoke to the press.", [("Labour", "PERSON")], [("Labour", "PERSON")], [("Labour", "ORG")]),
    # a party named by its members stays NORP
    ("The Tories said no.", [("Tories", "NORP")], [("Tories", "NORP")], [("Tories", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", PARTIES + NOT_PARTIES)
def test_a_party_named_as_an_organisation_is_an_org(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


def test_round12_lists_are_package_data():
    words = firm_words()
    assert {"SMS", "GMT", "TB", "3D"} <= words.common_acronyms
    assert "PPI" not in words.common_acronyms  # also the Pensions Policy Institute
    assert {"Labour", "UKIP", "Plaid Cymru"} <= words.party_names


def test_a_lower_case_party_name_is_an_error_naming_it():
    data = {key: [] for key in FIRM_LISTS}
    data["party_names"] = ["labour"]
    with pytest.raises(Exception, match="party_names"):
        validate_firm_words(data)


@pytest.fixture(scope="module")
def ent_nlp():
    from extract.pipeline import build_pipeline

    return build_pipeline(extractors=["entities"])


def test_with_the_model(ent_nlp):
    doc = ent_nlp("The Tories say Labour is acting too late. Mr Brisk said SMS traffic rose at 0900 GMT "
                  "as people sent SMS messages about TB tests.")
    found = [(e.text, e.label_) for e in doc.ents]
    assert not any(text in {"SMS", "GMT", "TB"} for text, _ in found), found
    assert ("Labour", "PERSON") not in found, found


CLUBS = [
    # in a report with a result, a town's name and "City"/"Town"/"County" read as a place is the club
    ("Exeter City 2-1 Tarnby Rovers. Exeter City fans sang.", [("Exeter City", "GPE"), ("Exeter City", "GPE")],
     [("Exeter City", "ORG")], [("Exeter City", "GPE")]),
    ("Leicester City won 3-0 and Ipswich Town lost.", [("Leicester City", "GPE"), ("Ipswich Town", "GPE")],
     [("Leicester City", "ORG"), ("Ipswich Town", "ORG")], []),
    ("The striker joined Man City after a 2-2 draw.", [("Man City", "GPE")], [("Man City", "ORG")], []),
]

NOT_CLUBS = [
    # a name that is a known place itself, a town that is a country, or no report of a match
    ("They drew 1-1 in Mexico City.", [("Mexico City", "GPE")], [("Mexico City", "GPE")], [("Mexico City", "ORG")]),
    ("They won 2-0 in Cape Town.", [("Cape Town", "GPE")], [("Cape Town", "GPE")], [("Cape Town", "ORG")]),
    ("The mayor of Exeter City spoke on Monday.", [("Exeter City", "GPE")], [("Exeter City", "GPE")],
     [("Exeter City", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", CLUBS + NOT_CLUBS)
def test_a_club_named_after_its_town_is_an_org(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


PLURAL_TOWNS = [
    # in a report with a result, a town before a plural verb is its club
    ("Fulham are unbeaten after the 2-0 win.", [("Fulham", "GPE")], [("Fulham", "ORG")], [("Fulham", "GPE")]),
    ("After the 1-1 draw, Liverpool have little chance.", [("Liverpool", "GPE")], [("Liverpool", "ORG")], []),
    ("Newcastle were beaten 3-1 at home.", [("Newcastle", "GPE")], [("Newcastle", "ORG")], []),
]

NOT_PLURAL_TOWNS = [
    # a country (a national side is GPE), a continent, one of several subjects, a singular verb
    ("Scotland were beaten 3-1 at home.", [("Scotland", "GPE")], [("Scotland", "GPE")], [("Scotland", "ORG")]),
    ("Europe are 9-7 up in the Ryder Cup.", [("Europe", "LOC")], [("Europe", "LOC")], [("Europe", "ORG")]),
    ("After the 2-1 win, Leeds and York are rivals.", [("Leeds", "GPE"), ("York", "GPE")],
     [("York", "GPE")], [("York", "ORG")]),
    ("After the 2-1 win, Newcastle is a happy city.", [("Newcastle", "GPE")], [("Newcastle", "GPE")],
     [("Newcastle", "ORG")]),
    # no report of a match
    ("Newcastle were once a shipbuilding town.", [("Newcastle", "GPE")], [("Newcastle", "GPE")], [("Newcastle", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", PLURAL_TOWNS + NOT_PLURAL_TOWNS)
def test_a_town_before_a_plural_verb_in_a_match_report_is_a_club(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


PLURAL_NAMES = [
    # in a report with a result, a one-word "person" before a plural verb is a club, at its other mentions too
    ("Brenmoor have won 2-0 again. Fans of Brenmoor sang.", [("Brenmoor", "PERSON"), ("Brenmoor", "PERSON")],
     [("Brenmoor", "ORG")], [("Brenmoor", "PERSON")]),
    ("After the 1-1 draw, Tarvessa are fifth.", [("Tarvessa", "PERSON")], [("Tarvessa", "ORG")], []),
]

NOT_PLURAL_NAMES = [
    # a word of a person's full name in the article, a first name, one of several subjects, a title
    ("Craig Vellamy scored in the 2-0 win. Vellamy were the words on every lip.",
     [("Craig Vellamy", "PERSON"), ("Vellamy", "PERSON")], [("Vellamy", "PERSON")], [("Vellamy", "ORG")]),
    ("After the 2-1 win, Steven are happy.", [("Steven", "PERSON")], [("Steven", "PERSON")], [("Steven", "ORG")]),
    ("After the 2-1 win, Dorrel and Brask are happy.", [("Dorrel", "PERSON"), ("Brask", "PERSON")],
     [("Brask", "PERSON")], [("Brask", "ORG")]),
    # no report of a match
    ("Brenmoor have a new album.", [("Brenmoor", "PERSON")], [("Brenmoor", "PERSON")], [("Brenmoor", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", PLURAL_NAMES + NOT_PLURAL_NAMES)
def test_a_name_before_a_plural_verb_in_a_match_report_is_a_club(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


BANDS = [
    # a band's name before a member's noun and a person's full name, or after "the"/"former"
    ("Tarvessa singer Anna Brisk left the stage.", [("Tarvessa", "PERSON"), ("Anna Brisk", "PERSON")],
     [("Tarvessa", "ORG"), ("Anna Brisk", "PERSON")], [("Tarvessa", "PERSON")]),
    ("Former Quill Harbour lead singer Tom Vell sang.", [("Quill Harbour", "FAC"), ("Tom Vell", "PERSON")],
     [("Quill Harbour", "ORG")], []),
    ("The Marrow Kettle singer told reporters he was tired.", [("Marrow Kettle", "PERSON")], [("Marrow Kettle", "ORG")], []),
    # a capitalised word before the model's span joins it
    ("On stage, No Quarrel singer Gwen Tally waved.", [("Quarrel", "PERSON"), ("Gwen Tally", "PERSON")],
     [("No Quarrel", "ORG")], []),
]

NOT_BANDS = [
    # a nationality, a place, a first name, no person after the noun and no "the"/"former"
    ("Welsh singer Tom Vell sang.", [("Welsh", "NORP"), ("Tom Vell", "PERSON")], [("Welsh", "NORP")], [("Welsh", "ORG")]),
    ("Liverpool singer Tom Vell sang.", [("Liverpool", "GPE"), ("Tom Vell", "PERSON")], [("Liverpool", "GPE")],
     [("Liverpool", "ORG")]),
    ("Fans of Elvis singer Tom Vell came.", [("Elvis", "PERSON"), ("Tom Vell", "PERSON")], [("Elvis", "PERSON")],
     [("Elvis", "ORG")]),
    ("He called Tarvessa singer of the year.", [("Tarvessa", "PERSON")], [("Tarvessa", "PERSON")], [("Tarvessa", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", BANDS + NOT_BANDS)
def test_a_band_before_a_members_noun_is_an_org(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


SHOWS = [
    # a trade show or a meeting the model read as an organisation
    ("Tarvo opened the Brenmoor Electronics Show in Las Vegas.", [("Tarvo", "PERSON"), ("Brenmoor Electronics Show", "ORG"),
                                                                   ("Las Vegas", "GPE")],
     [("Brenmoor Electronics Show", "EVENT")], [("Brenmoor Electronics Show", "ORG")]),
    ("Chips were shown at the International Quellcore Conference.", [("International Quellcore Conference", "ORG")],
     [("International Quellcore Conference", "EVENT")], []),
]

NOT_SHOWS = [
    # a TV show ("The" at its front, a first name inside, a broadcaster's possessive), a one-word name
    ("She watched The Tarvo Show.", [("The Tarvo Show", "ORG")], [("The Tarvo Show", "ORG")], []),
    ("He hosted the Jerry Quell Show.", [("Jerry Quell Show", "ORG")], [("Jerry Quell Show", "ORG")], []),
    ("It was on the BBC's Brenmoor Show.", [("BBC", "ORG"), ("Brenmoor Show", "ORG")], [], [("Brenmoor Show", "EVENT")]),
    # a league in a sports report
    ("The striker scored twice as Tarnby won 2-0 in the Nationwide Conference, the coach said after the match.",
     [("Tarnby", "ORG"), ("Nationwide Conference", "ORG")], [("Nationwide Conference", "ORG")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent", SHOWS + NOT_SHOWS)
def test_a_trade_show_or_meeting_is_an_event(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, expected, absent", [
    # a religion the model read as an organisation or a person is NORP
    ("He went to Pakistan to study Islam.", [("Pakistan", "GPE"), ("Islam", "ORG")], [("Islam", "NORP")], [("Islam", "ORG")]),
    ("Christianity spread across Tarnby.", [("Christianity", "PERSON"), ("Tarnby", "GPE")],
     [("Christianity", "NORP")], []),
    # inside a longer name it stays with that name
    ("The Nation of Islam held a rally.", [("Nation of Islam", "ORG")], [("Nation of Islam", "ORG")],
     [("Islam", "NORP")]),
])
def test_a_religion_is_norp(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)
