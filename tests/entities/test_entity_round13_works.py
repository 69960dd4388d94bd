"""Round 13: titles of works (:mod:`extract.entities.works`, word lists in
``resources/entity_work_sequels.json``). Sentences written for these tests; the rules run on
``spacy.blank("en")`` with hand-set entities (``labels_hold``)."""
from __future__ import annotations

import pytest

from extract.entities.works.sequels import validate_sequel_words
from extract.errors import ResourceError

SEQUELS = [
    # a name and a sequel's number in a sentence with a word for a game or a film: the title, at every mention
    ("Tarnquest 2 sold a million copies, the game's maker said. Tarnquest 2 is out on the PC.", [],
     [("Tarnquest 2", "WORK_OF_ART")], []),
    ("Could Brenmoor-Rising 3 live up to the hype of the first game? Brenmoor-Rising 3 is out now.",
     [("Could Brenmoor-Rising 3", "ORG"), ("Brenmoor-Rising 3", "ORG")],
     [("Brenmoor-Rising 3", "WORK_OF_ART")], [("Brenmoor-Rising 3", "ORG"), ("Could Brenmoor-Rising 3", "ORG")]),
    ("The cartoon movie has beaten Glumble 2 to the prizes. Glumble 2 took $80m.", [("Glumble", "PERSON")],
     [("Glumble 2", "WORK_OF_ART")], [("Glumble", "PERSON")]),
    ("He starred in films such as Night Kettle IV and a wartime drama.", [],
     [("Night Kettle IV", "WORK_OF_ART")], []),
    ("The sequel, Knights of the Tarn Republic II, is a game for the PC.", [],
     [("Knights of the Tarn Republic II", "WORK_OF_ART")], []),
    # no word for a game or a film in any sentence naming it: left alone
    ("Tarnquest 2 sold well. Tarnquest 2 was launched in May.", [], [], [("Tarnquest 2", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", SEQUELS)
def test_round13_sequel_titles(labels_hold, text, ents, expected, absent):
    """"Halo 2", "Doom III": a name and a sequel's number, in a sentence with a word for a game or
    a film, is a WORK_OF_ART where the model found nothing, an organisation or a one-word person,
    and so are its other mentions."""
    labels_hold(text, ents, expected, absent)


NOT_SEQUELS = [
    # an abbreviation with its full stop is no word of a title: a date (US style), not a sequel
    ("The game comes out on Oct. 4 and the film on Nov. 8.", [], [], [("Oct. 4", "WORK_OF_ART"), ("Nov. 8", "WORK_OF_ART")]),
    # a channel, a station, a products's version, an acronym, a regnal number, a count, a date, an owner
    ("The film was shown on Channel 4 and Radio 2 discussed it.", [("Channel 4", "ORG"), ("Radio 2", "ORG")],
     [("Channel 4", "ORG")], [("Channel 4", "WORK_OF_ART"), ("Radio 2", "WORK_OF_ART")]),
    ("Games for the Quorbox 2 console sold well.", [("Quorbox 2", "PRODUCT")], [("Quorbox 2", "PRODUCT")],
     [("Quorbox 2", "WORK_OF_ART")]),
    ("Gamers can plug the game into a USB 2 port.", [], [], [("USB 2", "WORK_OF_ART")]),
    ("The film shows Henry V at war.", [("Henry V", "PERSON")], [("Henry V", "PERSON")], [("Henry V", "WORK_OF_ART")]),
    ("Only 7 games sold. Some 6 million films were rented.", [], [],
     [("Only 7", "WORK_OF_ART"), ("Some 6", "WORK_OF_ART")]),
    ("The film opens on Monday 6 December in cinemas.", [], [], [("Monday 6", "WORK_OF_ART")]),
    ("The studio's 2 films and Tarnwick's 3 games did well.", [], [], [("Tarnwick's 3", "WORK_OF_ART")]),
    ("The film is part of Volume 3 of the collection.", [], [], [("Volume 3", "WORK_OF_ART")]),
    # a person's full name elsewhere: its word before a number is no title
    ("Tom Brask said so. Brask 2 was the film's working title.", [("Tom Brask", "PERSON"), ("Brask", "PERSON")],
     [("Brask", "PERSON")], [("Brask 2", "WORK_OF_ART")]),
    # a sports report: a scorer and his goals
    ("The coach saw the striker win the match this season. Varley 2, Dunne 1 was the score of the game.",
     [("Varley", "PERSON"), ("Dunne", "PERSON")], [("Varley", "PERSON")], [("Varley 2", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", NOT_SEQUELS)
def test_round13_no_sequel_titles(labels_hold, text, ents, expected, absent):
    """A channel, a station, a product with a version, an acronym and a number, a king, a count, a
    date, an owner's possessive, a blocking word, a person's surname and a sports report's scorer
    are no sequel's title."""
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("key, entry", [("sequel_context", "Game"), ("sequel_blockers", "channel")])
def test_round13_sequel_words_checked(key, entry):
    """The word lists are checked: the context words lower case, the blockers capitalised."""
    data = {"sequel_context": ["game"], "sequel_blockers": ["Channel"]}
    data[key] = [entry]
    with pytest.raises(ResourceError, match=rf"{key}\[0\]"):
        validate_sequel_words(data)


DATED = [
    # titles listed with their years in brackets, after an actor and "in" too
    ("His credits include Tarn Harbour (1994), The Glass Kettle (1997) and Anna Vosk's Night Orchard (2003).",
     [("Tarn Harbour", "GPE"), ("Anna Vosk", "PERSON"), ("Night Orchard", "ORG")],
     [("Tarn Harbour", "WORK_OF_ART"), ("The Glass Kettle", "WORK_OF_ART"), ("Night Orchard", "WORK_OF_ART"),
      ("Anna Vosk", "PERSON")], [("Tarn Harbour", "GPE"), ("Night Orchard", "ORG")]),
    ("Roles included Tom Vardy in the Kettle Singer (1927) and Ann Brisk in Dancing in the Snow (1952).",
     [("Tom Vardy", "PERSON"), ("Ann Brisk", "PERSON")],
     [("Kettle Singer", "WORK_OF_ART"), ("Dancing in the Snow", "WORK_OF_ART"), ("Tom Vardy", "PERSON")], []),
    ("The film Marrowgate (2001) was a flop.", [("Marrowgate", "ORG")], [("Marrowgate", "WORK_OF_ART")], []),
    ("She starred in films In The Shadow Of Tarn (1994), a war drama.", [("The Shadow Of Tarn", "WORK_OF_ART")],
     [("In The Shadow Of Tarn", "WORK_OF_ART")], [("The Shadow Of Tarn", "WORK_OF_ART")]),
]

NOT_DATED = [
    # a person and a year, a place with one year, a firm, no word for a work and no list
    ("The film was made when Tom Vardy (1997) was in office.", [("Tom Vardy", "PERSON")], [("Tom Vardy", "PERSON")],
     [("Tom Vardy", "WORK_OF_ART")]),
    ("The film festival moved to Brenmouth (2004) last year.", [("Brenmouth", "GPE")], [("Brenmouth", "GPE")],
     [("Brenmouth", "WORK_OF_ART")]),
    ("The film was sold to Quellnet Holdings (1998) at a loss.", [("Quellnet Holdings", "ORG")],
     [("Quellnet Holdings", "ORG")], [("Quellnet Holdings", "WORK_OF_ART")]),
    ("Profits at Tarnby Mills (1999) rose.", [("Tarnby Mills", "ORG")], [("Tarnby Mills", "ORG")],
     [("Tarnby Mills", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", DATED)
def test_round13_dated_titles(labels_hold, text, ents, expected, absent):
    """"The Crucible (1997)": capitalised words before a year in brackets are a WORK_OF_ART where
    two dated titles are listed or a word for a work is in the sentence; an actor before "in" and a
    lower-case "the" stay outside, a capitalised "In" stays inside."""
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, expected, absent", NOT_DATED)
def test_round13_no_dated_titles(labels_hold, text, ents, expected, absent):
    """A person with a year, a place with one year, a firm or a name with no word for a work near
    it keeps its label."""
    labels_hold(text, ents, expected, absent)


JOINED = [
    # after a singular word for a work, "and" and capitalised words are the rest of the title
    ("Their award-winning album Tarnhopes and Fears went back to number one.", [("Tarnhopes", "WORK_OF_ART")],
     [("Tarnhopes and Fears", "WORK_OF_ART")], [("Tarnhopes", "WORK_OF_ART")]),
    ("He starred in the comedy Brask and Tilley as a lawyer.", [("Brask", "WORK_OF_ART"), ("Tilley", "PERSON")],
     [("Brask and Tilley", "WORK_OF_ART")], [("Tilley", "PERSON")]),
    ("The album follows single Glass and Copper, which reached number six.",
     [("Glass", "WORK_OF_ART"), ("Copper", "GPE")], [], [("Glass and Copper", "WORK_OF_ART")]),
    ("He found fame in the comedy Wil and Tod's Tarnby Adventure in 1989.", [("Wil", "WORK_OF_ART"), ("Tod", "PERSON")],
     [("Wil and Tod's Tarnby Adventure", "WORK_OF_ART")], []),
]

NOT_JOINED = [
    # a plural word, a second title with "The", a person's full name, a broadcaster's possessive, a place
    ("The comedy series Kettle Doors and The Tarn Diaries will compete.",
     [("Kettle Doors", "WORK_OF_ART"), ("The Tarn Diaries", "WORK_OF_ART")],
     [("Kettle Doors", "WORK_OF_ART")], [("Kettle Doors and The Tarn Diaries", "WORK_OF_ART")]),
    ("It praised the film Marrowgate and Anna Vosk for her role.", [("Marrowgate", "WORK_OF_ART"), ("Anna Vosk", "PERSON")],
     [("Anna Vosk", "PERSON")], [("Marrowgate and Anna Vosk", "WORK_OF_ART")]),
    ("The soap beat the show Glass Hour and Channel 4's Tarnmoor to the prize.",
     [("Glass Hour", "WORK_OF_ART"), ("Channel 4", "ORG"), ("Tarnmoor", "WORK_OF_ART")],
     [("Glass Hour", "WORK_OF_ART")], [("Glass Hour and Channel 4", "WORK_OF_ART")]),
    ("They shot the film Marrowgate and France was the setting.", [("Marrowgate", "WORK_OF_ART"), ("France", "GPE")],
     [("France", "GPE")], [("Marrowgate and France", "WORK_OF_ART")]),
    ("Huw Tarley hosts the show Bethan and Huw on Thursdays.",
     [("Huw Tarley", "PERSON"), ("Bethan", "WORK_OF_ART"), ("Huw", "PERSON")],
     [("Huw Tarley", "PERSON")], [("Bethan and Huw", "WORK_OF_ART")]),
    # two words or more on either side: a list of two titles (lists.py)
    ("Her new album Quiet Hours and Brenmoor topped the charts.", [("Quiet Hours", "WORK_OF_ART"), ("Brenmoor", "PERSON")],
     [("Brenmoor", "WORK_OF_ART")], [("Quiet Hours and Brenmoor", "WORK_OF_ART")]),
    ("Children loved the drama Thornfield and Glass Harbour.", [("Thornfield", "WORK_OF_ART"), ("Glass Harbour", "ORG")],
     [("Glass Harbour", "WORK_OF_ART")], [("Thornfield and Glass Harbour", "WORK_OF_ART")]),
    ("He starred in the drama Marrowgate and Corrwick. Corrwick was filmed in May.",
     [("Marrowgate", "WORK_OF_ART"), ("Corrwick", "ORG"), ("Corrwick", "ORG")],
     [("Marrowgate", "WORK_OF_ART")], [("Marrowgate and Corrwick", "WORK_OF_ART")]),
    ("The films Marrowgate and Tarnfield were hits.", [("Marrowgate", "WORK_OF_ART"), ("Tarnfield", "WORK_OF_ART")],
     [("Marrowgate", "WORK_OF_ART"), ("Tarnfield", "WORK_OF_ART")], [("Marrowgate and Tarnfield", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", JOINED)
def test_round13_joined_titles(labels_hold, text, ents, expected, absent):
    """"the album Hopes and Fears": after a singular word for a work, "and" and the capitalised
    words after the marked title are the rest of one WORK_OF_ART, with an owner's "'s" inside."""
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents, expected, absent", NOT_JOINED)
def test_round13_not_joined_titles(labels_hold, text, ents, expected, absent):
    """No title is joined after a plural word, to a second title with "The", a person's full name
    or a word of one, a broadcaster's possessive or a place."""
    labels_hold(text, ents, expected, absent)
