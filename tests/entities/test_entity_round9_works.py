"""Round 9 (issue 14): awards, events and laws the model misread (:mod:`extract.entities.works.awards`,
:mod:`extract.entities.works.events`, word lists in ``resources/entity_awards_events.json``).
Sentences written for these tests; the rules run on ``spacy.blank("en")`` with hand-set entities;
the cases are lists, one test reads them all."""
from __future__ import annotations

import pytest

from extract.entities.works.awards import validate_award_event_words
from extract.errors import ResourceError

AWARDS_BEFORE_NOUNS = [
    # a name before a lower-case award noun is the award, without the noun
    ("The singer won two Brit awards last night.", [("Brit", "ORG")], [("Brit", "WORK_OF_ART")], [("Brit", "ORG")]),
    ("She had three Brit nominations this year.", [("Brit", "NORP")], [("Brit", "WORK_OF_ART")], []),
    ("He racked up five Kestrel nominations in 2001.", [("Kestrel", "LOC")], [("Kestrel", "WORK_OF_ART")], []),
    ("He will receive the Tarnby Lantern award on Monday.", [("Tarnby Lantern award", "LAW")],
     [("Tarnby Lantern", "WORK_OF_ART")], [("Tarnby Lantern award", "LAW")]),
    ("Her role had already won her a Silver Kettle award.", [], [("Silver Kettle", "WORK_OF_ART")], []),
    ("Films compete for the festival's Golden Heron awards.", [("Golden Heron", "FAC")],
     [("Golden Heron", "WORK_OF_ART")], []),
    # a place in front stays a place; a determiner is outside
    ("The US Marlin awards will be held again.", [("US", "GPE"), ("Marlin", "ORG")],
     [("US", "GPE"), ("Marlin", "WORK_OF_ART")], []),
    # not an award's name: a nationality, a place, a person's possessive, a broadcaster, a grade or a
    # medium, a body's award, a body the article names elsewhere
    ("British nominees include the band.", [("British", "NORP")], [("British", "NORP")], [("British", "WORK_OF_ART")]),
    ("UK nominees were few.", [("UK", "GPE")], [("UK", "GPE")], [("UK", "WORK_OF_ART")]),
    ("Keane's award was deserved.", [("Keane", "PERSON")], [("Keane", "PERSON")], [("Keane", "WORK_OF_ART")]),
    ("He won an MTV prize.", [("MTV", "ORG")], [("MTV", "ORG")], [("MTV", "WORK_OF_ART")]),
    ("They dropped the Best Dance Act prize.", [], [], [("Dance Act", "WORK_OF_ART"), ("Best Dance Act", "WORK_OF_ART")]),
    ("It took the Most Wanted for Christmas prize.", [], [], [("Christmas", "WORK_OF_ART")]),
    ("She won two TV awards.", [], [], [("TV", "WORK_OF_ART")]),
    ("He won the Brenmouth Writers Guild award.", [("Brenmouth Writers Guild", "ORG")],
     [("Brenmouth Writers Guild", "ORG")], [("Brenmouth Writers Guild", "WORK_OF_ART")]),
    ("Quellfa president Tom Vardy praised him. He is tipped for the Quellfa award.",
     [("Quellfa", "ORG"), ("Tom Vardy", "PERSON"), ("Quellfa", "ORG")], [("Quellfa", "ORG")],
     [("Quellfa", "WORK_OF_ART")]),
]

AWARD_NAMES = [
    # a listed award's name of two words or more, missed or in pieces
    ("They were the big winners at the Brit Awards in London.", [("London", "GPE")],
     [("Brit Awards", "WORK_OF_ART")], []),
    ("Brit Award winners Keane will play.", [("Brit", "NORP"), ("Award", "PERSON"), ("Keane", "PERSON")],
     [("Brit Award", "WORK_OF_ART")], [("Award", "PERSON")]),
    ("She lost out in the Booker Prize last year.", [("Booker", "WORK_OF_ART")], [("Booker Prize", "WORK_OF_ART")],
     [("Booker", "WORK_OF_ART")]),
]

EVENT_NAMES = [
    # a listed event's name is an EVENT where the model read a number in it or missed it
    ("Wales will play England in the opening Six Nations match.", [("Wales", "GPE"), ("England", "GPE"), ("Six", "CARDINAL")],
     [("Six Nations", "EVENT")], []),
    ("He will miss the rest of the 2005 RBS Six Nations.", [("RBS Six Nations", "LAW")],
     [("RBS Six Nations", "EVENT")], [("RBS Six Nations", "LAW")]),
    ("He made his debut in the 1998 Six Nations Championship against Ireland.", [("Ireland", "GPE")],
     [("Six Nations Championship", "EVENT")], []),
    # a place or a broadcaster in front is a name of its own
    ("The referee from the France v Scotland Six Nations match spoke.", [("France", "GPE"), ("Scotland Six Nations", "ORG")],
     [("France", "GPE"), ("Scotland", "GPE"), ("Six Nations", "EVENT")], [("Scotland Six Nations", "ORG")]),
    ("Millions watched the CBS Super Bowl halftime show.", [("CBS Super Bowl", "FAC")],
     [("CBS", "ORG"), ("Super Bowl", "EVENT")], []),
    # an EVENT the model found stays as it is
    ("Arsenal reached the Champions League final.", [("Arsenal", "ORG"), ("Champions League", "EVENT")],
     [("Champions League", "EVENT")], []),
]

BARE_EVENT_HEADS = [
    # capitalised words ending in "Cup", "Championship(s)" or "Trophy" that the model missed or misread
    ("They celebrated a 3-0 Tarnish Cup win over Brenmouth.", [("Brenmouth", "GPE")], [("Tarnish Cup", "EVENT")], []),
    ("He hopes to play in the 2008 European Championships.", [("European", "NORP")],
     [("European Championships", "EVENT")], [("European", "NORP")]),
    ("He won the 2000 European Championship with France.", [("European Championship", "WORK_OF_ART"), ("France", "GPE")],
     [("European Championship", "EVENT")], [("European Championship", "WORK_OF_ART")]),
    ("Spain's only other Quarrow Cup title came in 2000.", [("Spain", "GPE"), ("Quarrow Cup", "LAW")],
     [("Quarrow Cup", "EVENT")], []),
    # an owner before a possessive is outside; a longer name and a club are left alone
    ("Boro's Tarnish Cup match was moved.", [("Boro", "ORG")], [("Boro", "ORG"), ("Tarnish Cup", "EVENT")],
     [("Boro's Tarnish Cup", "EVENT")]),
    ("The Quellvale Cup Winners' Cup was scrapped.", [], [], [("Quellvale Cup", "EVENT")]),
    ("Sky Championship Manager sold well.", [("Sky Championship Manager", "PRODUCT")],
     [("Sky Championship Manager", "PRODUCT")], []),
]

MISREAD_LAWS = [
    # a LAW with no word for a law: a scorer and a minute, a name labelled otherwise elsewhere, a body
    ("Goals: Varley 68, Dunne 75 og, Tarr 80.", [("Varley 68", "LAW"), ("Dunne", "PERSON"), ("Tarr", "PERSON")],
     [("Varley", "PERSON")], [("Varley 68", "LAW")]),
    ("Fletcher (Brask 64), Scholes (Orme 70), Hale (Tobb 85).",
     [("Fletcher", "PERSON"), ("Brask 64", "LAW"), ("Scholes", "PERSON"), ("Orme", "PERSON"), ("Hale", "PERSON"),
      ("Tobb", "PERSON")], [("Brask", "PERSON")], [("Brask 64", "LAW")]),
    # a name and a number outside a line-up is no player: the game's LAW is dropped, no PERSON made
    ("Sales of its sci-fi shooter, Quasar 2. It was a hit.", [("Quasar 2", "LAW")], [],
     [("Quasar 2", "LAW"), ("Quasar", "PERSON")]),
    ("Corry backs Tarrow. Tarrow is the right man.", [("Tarrow", "LAW"), ("Tarrow", "PERSON")],
     [("Tarrow", "PERSON")], [("Tarrow", "LAW")]),
    ("She played Emilia for the Royal Tarnby Company.", [("Emilia", "PERSON"), ("Royal Tarnby Company", "LAW")],
     [("Royal Tarnby Company", "ORG")], [("Royal Tarnby Company", "LAW")]),
    ("The single stormed to No 1 this week.", [("No 1", "LAW")], [], [("No 1", "LAW")]),
    # a law's head word or a legal reference keeps the LAW
    ("The firm filed for Chapter 11 protection.", [("Chapter 11", "LAW")], [("Chapter 11", "LAW")], []),
    ("Firms must comply with Section 404 rules.", [("Section 404", "LAW")], [("Section 404", "LAW")], []),
    ("The Brenmouth Act was passed.", [("Brenmouth Act", "LAW")], [("Brenmouth Act", "LAW")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent",
                         AWARDS_BEFORE_NOUNS + AWARD_NAMES + EVENT_NAMES + BARE_EVENT_HEADS + MISREAD_LAWS)
def test_round9_awards_events_laws(labels_hold, text, ents, expected, absent):
    """Awards before a lower-case award noun and by their listed names; events by their listed names
    and bare heads; a LAW of the model's with no word for a law is read again."""
    labels_hold(text, ents, expected, absent)


def test_award_event_words_are_checked():
    """The word file's lists are checked: a lower-case list takes no capitals, a name list no
    lower-case entry, and the error names the place."""
    good = {"award_nouns": ["award"], "award_front_blockers": ["TV"], "award_front_strip": ["The"],
            "award_body_heads": ["Guild"], "event_heads_bare": ["Cup"], "legal_fronts": ["Chapter"],
            "title_cue_nouns": ["show"]}
    assert "award" in validate_award_event_words(good).award_nouns
    with pytest.raises(ResourceError, match=r"award_nouns\[0\]"):
        validate_award_event_words({**good, "award_nouns": ["Award"]})
    with pytest.raises(ResourceError, match=r"event_heads_bare\[0\]"):
        validate_award_event_words({**good, "event_heads_bare": ["cup"]})
    with pytest.raises(ResourceError):
        validate_award_event_words({**good, "legal_fronts": "Chapter"})


TITLES_AFTER_NOUNS = [
    # a title right after "show", "soap", "series", "track", "hit" read as a noun (round 9, works.titles)
    ("It went up against popular ITV soap Tarnby Lane.", [("ITV", "ORG"), ("Tarnby Lane", "FAC")],
     [("Tarnby Lane", "WORK_OF_ART")], [("Tarnby Lane", "FAC")]),
    ("He is a judge on the talent show Star Kettle.", [], [("Star Kettle", "WORK_OF_ART")], []),
    ("The album includes the track Brenmoor, a tirade.", [("Brenmoor", "PERSON")], [("Brenmoor", "WORK_OF_ART")],
     [("Brenmoor", "PERSON")]),
    ("She performed her hit Glass Harbour Lights.", [], [("Glass Harbour Lights", "WORK_OF_ART")], []),
    ("He appeared in BBC series Harbour Lane in 1999.", [("BBC", "ORG")], [("Harbour Lane", "WORK_OF_ART")],
     [("Harbour Lane in 1999", "WORK_OF_ART")]),
    ("Top TV cult hit Little Kettle has triumphed.", [("TV", "ORG"), ("Little Kettle", "GPE")],
     [("Little Kettle", "WORK_OF_ART")], [("Little Kettle", "GPE")]),
    ("He made films including the 1986 hit She's Gotta Have It.", [], [("She's Gotta Have It", "WORK_OF_ART")],
     [("She's Got", "WORK_OF_ART")]),
    # no title after a verb, a title and a name, or "I"
    ("The poll shows Labour ahead.", [("Labour", "ORG")], [("Labour", "ORG")], [("Labour", "WORK_OF_ART")]),
    ("The storm hit Brenmouth last night.", [("Brenmouth", "GPE")], [("Brenmouth", "GPE")],
     [("Brenmouth", "WORK_OF_ART")]),
    ("He wants to show Tarnby the door.", [("Tarnby", "PERSON")], [("Tarnby", "PERSON")], [("Tarnby", "WORK_OF_ART")]),
    ("It was not a patch on the puppet series I grew up with.", [], [], [("I", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", TITLES_AFTER_NOUNS)
def test_round9_titles_after_work_nouns(labels_hold, text, ents, expected, absent):
    """A title after a noun for a work read as a noun is a WORK_OF_ART; a verb, a title and a name,
    "I" and a year after the title are not."""
    labels_hold(text, ents, expected, absent)


BROADCAST_TITLES = [
    # a title between a broadcaster's possessive and a word for a programme, also a date word
    ("Mr Vardy told BBC Radio 4's Today programme he would act.", [("Vardy", "PERSON"), ("BBC Radio 4", "ORG"),
                                                                  ("Today", "DATE")], [("Today", "WORK_OF_ART")], []),
    ("He told ITV's Tonight show he was happy.", [("ITV", "ORG")], [("Tonight", "WORK_OF_ART")], []),
    ("He said on the BBC's PM programme that it was fine.", [("BBC", "ORG")], [("PM", "WORK_OF_ART")], []),
    ("She spoke on Channel 4's Kettle Street programme.", [("Channel 4", "ORG"), ("Kettle Street", "FAC")],
     [("Kettle Street", "WORK_OF_ART")], [("Kettle Street", "FAC")]),
    # not a medium, a place, nor after a person's possessive
    ("She appeared on ITV's US TV show.", [("ITV", "ORG"), ("US", "GPE")], [("US", "GPE")], [("US TV", "WORK_OF_ART")]),
    ("Tom Vardy's Today programme was cut.", [("Tom Vardy", "PERSON"), ("Today", "DATE")], [],
     [("Today", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", BROADCAST_TITLES)
def test_round9_broadcast_titles(labels_hold, text, ents, expected, absent):
    """A title between a broadcaster's possessive and a word for a programme is a WORK_OF_ART."""
    labels_hold(text, ents, expected, absent)

