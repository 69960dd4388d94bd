"""Round 12: lists of people in sports reports (team announcements, line-ups, results), read by
:mod:`extract.entities.lineups` with the word lists of ``entity_lineups.json``. In a list of
people each item's name is a PERSON, a bracketed club ORG, a bracketed country or country code
GPE, a bracketed substitute with a minute PERSON; a heading of people ("Replacements:", "60m:")
and lower-case words in brackets ("capt") are no entity; a list of clubs, a fixture, a date and
ordinary prose are left alone. Lines written for these tests (names invented); the rules on
``spacy.blank("en")`` with hand-set entities, and end to end with the installed model."""
from __future__ import annotations

import pytest
import spacy

from extract.entities.lineups import lineup_spans, lineup_words, list_lines, validate_lineup_words
from extract.entities.rules import load_rules
from extract.errors import ResourceError

#: a sentence that makes the text a sports report (three words of ``sport_words``)
SPORT = "The coach named his squad for the match.\n\n"

CASES = [
    # athletics team: initials and a surname, the club in brackets (a town standing for a club)
    ("60m: J Gardell (Bath), M Lewin-Franks (Birchfield), D Chalmer (Belgrave)",
     [("J Gardell", "ORG"), ("Bath", "GPE"), ("Birchfield", "PERSON")],
     [("J Gardell", "PERSON"), ("Bath", "ORG"), ("M Lewin-Franks", "PERSON"), ("Birchfield", "ORG"),
      ("D Chalmer", "PERSON"), ("Belgrave", "ORG")],
     [("60m", "ORG"), ("Bath", "GPE")]),
    # an event's heading with no entity in it; a country named in full in brackets
    ("Pole vault: K Tarrow (Sheffield), N Buckley (USA)\n60m hurdles: J Lemm (Harrow), T Oyo (Nigeria)",
     [("Pole", "PERSON"), ("Sheffield", "GPE"), ("Nigeria", "GPE")],
     [("K Tarrow", "PERSON"), ("Sheffield", "ORG"), ("USA", "GPE"), ("J Lemm", "PERSON"), ("Harrow", "ORG"),
      ("Nigeria", "GPE")],
     [("Pole", "PERSON"), ("Sheffield", "GPE")]),
    # a results line: rank, name, country code, time
    ("1. Tarik Belaye (Eth) 12:37.35\n2. Sam Orrin (GB) 12:40.11",
     [("Eth", "ORG"), ("Sam Orrin", "ORG")],
     [("Tarik Belaye", "PERSON"), ("Eth", "GPE"), ("Sam Orrin", "PERSON"), ("GB", "GPE")], [("Eth", "ORG")]),
    # a squad with clubs in brackets, one named by its short form
    (SPORT + "Coyne (Burnley), Varley (Wolves), Dunmore (Man Utd), Tarrant (West Brom)",
     [("Burnley", "PERSON"), ("Dunmore", "GPE"), ("West Brom", "GPE")],
     [("Coyne", "PERSON"), ("Burnley", "ORG"), ("Varley", "PERSON"), ("Wolves", "ORG"), ("Dunmore", "PERSON"),
      ("Man Utd", "ORG"), ("Tarrant", "PERSON"), ("West Brom", "ORG")],
     [("Burnley", "PERSON"), ("West Brom", "GPE")]),
    # a football line-up with substitutes and their minutes
    ("Dorran, Fennick, Tarley (Brisco 67), Holm, Vance (Pell 56), Garvey, Ashby.",
     [("Fennick", "GPE"), ("Tarley", "ORG"), ("Garvey", "GPE")],
     [("Dorran", "PERSON"), ("Fennick", "PERSON"), ("Tarley", "PERSON"), ("Brisco", "PERSON"), ("Pell", "PERSON"),
      ("Garvey", "PERSON")],
     [("Fennick", "GPE"), ("Garvey", "GPE")]),
    # a player whose surname is a country's name, taken off for a substitute
    ("Dorran, Wilsey, Scotland (Samwell 63), Brebb, Kerrin (Camm 87).", [("Scotland", "GPE"), ("Brebb", "GPE")],
     [("Scotland", "PERSON"), ("Samwell", "PERSON"), ("Brebb", "PERSON")], [("Scotland", "GPE")]),
    # goal scorers with minutes, an own goal and a penalty
    ("Varley 68, Dunne 75 og, Tarr 80 pen.", [("Dunne 75", "ORG")],
     [("Varley", "PERSON"), ("Dunne", "PERSON"), ("Tarr", "PERSON")], [("Dunne 75", "ORG")]),
    # a rugby line-up: a team's heading keeps its label, "(capt)" is nothing, a mid-line heading
    ("Ireland: G Murran; G Dempton, B O'Dowd (capt), K Maggin, D Hickton; R O'Garrin, P Stringle; "
     "Replacements: F Sheahy, M Horran",
     [("Ireland", "GPE"), ("B O'Dowd", "ORG"), ("capt", "ORG")],
     [("Ireland", "GPE"), ("G Murran", "PERSON"), ("B O'Dowd", "PERSON"), ("R O'Garrin", "PERSON"),
      ("F Sheahy", "PERSON"), ("M Horran", "PERSON")],
     [("capt", "ORG"), ("B O'Dowd", "ORG"), ("Replacements", "ORG")]),
    # surnames alone in a rugby line-up (two semicolons or more), common words among them
    ("Walder; May, Tait, Stephenson; Wilkinson, Grindal; Long, Ward.",
     [("Tait", "GPE"), ("Long", "ORG")],
     [("Walder", "PERSON"), ("May", "PERSON"), ("Tait", "PERSON"), ("Long", "PERSON"), ("Ward", "PERSON")], []),
    # substitutions "X for Y (minute)" and a heading after a full stop
    ("Replacements: Everton for Maplet (53), Hodge for Edwin (77). Not used: Fury, Brookes",
     [("Hodge for Edwin", "ORG"), ("Brookes", "ORG")],
     [("Everton", "PERSON"), ("Maplet", "PERSON"), ("Hodge", "PERSON"), ("Edwin", "PERSON"), ("Fury", "PERSON"),
      ("Brookes", "PERSON")],
     [("Hodge for Edwin", "ORG"), ("Brookes", "ORG")]),
    # a club in brackets with a leading "The" and a role after a comma
    ("Backs: Mike Blane (The Borders), Andy Crail (Glasgow Rugby, capt), Chris Cusk (London Irish)",
     [("Glasgow Rugby", "PERSON"), ("London", "GPE"), ("Irish", "NORP")],
     [("Mike Blane", "PERSON"), ("Borders", "ORG"), ("Glasgow Rugby", "ORG"), ("London Irish", "ORG")],
     [("The Borders", "ORG"), ("Glasgow Rugby", "PERSON"), ("London", "GPE")]),
    # a referee's line: the country in brackets stays GPE; a capital "C" is an initial, no role
    (SPORT + "P O'Brenna (New Zealand)", [("New Zealand", "GPE")], [("P O'Brenna", "PERSON"), ("New Zealand", "GPE")],
     [("New Zealand", "ORG")]),
    (SPORT + "C Jonter, K Vall, T Brennick (capt).", [("C Jonter", "ORG")],
     [("C Jonter", "PERSON"), ("K Vall", "PERSON"), ("T Brennick", "PERSON")], [("C Jonter", "ORG")]),
    # a placeholder for a player not yet named is nothing; a bracket with "and" keeps its labels
    (SPORT + "Murran, Horgle, TBC, Darcey, Hickton, Stringle.", [("Murran", "PERSON"), ("Horgle", "PERSON"), ("TBC", "ORG"), ("Darcey", "GPE"), ("Hickton", "PERSON")],
     [("Murran", "PERSON"), ("Darcey", "PERSON"), ("Stringle", "PERSON")], [("TBC", "ORG"), ("TBC", "PERSON")]),
    # (round 14: "Serbia and Montenegro", a country's name with "and", is one GPE: places.joined_countries)
    ("23 Jelena Jankov (Tarnia and Brenmoor)", [("Tarnia", "GPE"), ("Brenmoor", "GPE")],
     [("Jelena Jankov", "PERSON"), ("Tarnia", "GPE"), ("Brenmoor", "GPE")], []),
    ("23 Jelena Jankov (Serbia and Montenegro)", [("Serbia", "GPE"), ("Montenegro", "GPE")],
     [("Jelena Jankov", "PERSON"), ("Serbia and Montenegro", "GPE")], []),
]

UNTOUCHED = [
    # a results line of countries: the countries keep their label
    ("France 2, Italy 1, Spain 3.", [("France", "GPE"), ("Italy", "GPE"), ("Spain", "GPE")]),
    # outside a sports report, a bracket after a name is left alone (a programme, a channel)
    ("Caroline Quint (Life Goes On, ITV1)\n\nCathy Tarn (The Cathy Tarn Show, BBC Two)",
     [("Caroline Quint", "PERSON"), ("ITV1", "ORG"), ("Cathy Tarn", "PERSON"), ("The Cathy Tarn Show", "WORK_OF_ART"),
      ("BBC Two", "ORG")]),
    # a list of clubs: no people
    ("AC Milan, Bayer Leverkusen, Juventus, Lyon.",
     [("AC Milan", "ORG"), ("Bayer Leverkusen", "ORG"), ("Juventus", "ORG"), ("Lyon", "GPE")]),
    # a fixture list
    ("France v Israel; Cyprus v Malta; Spain v Wales.",
     [("France", "GPE"), ("Israel", "GPE"), ("Cyprus", "GPE"), ("Malta", "GPE"), ("Spain", "GPE"), ("Wales", "GPE")]),
    # ordinary prose with a list of names
    ("Hayley Tarn, Jo Pell and Karl Vesk will represent the team in France.",
     [("Hayley Tarn", "PERSON"), ("Jo Pell", "PERSON"), ("Karl Vesk", "PERSON"), ("France", "GPE")]),
    ("The club signed Bramley (Leeds) on Friday, the manager said.", [("Bramley", "ORG"), ("Leeds", "GPE")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", CASES)
def test_list_of_people(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, ents", UNTOUCHED)
def test_no_list_of_people_is_left_alone(fixed, text, ents):
    assert sorted(fixed(text, ents)) == sorted(ents)


def test_a_name_and_a_channel_outside_sport_is_left_alone():
    from spacy.tokens import Span

    doc = spacy.blank("en")("Best comedy drama:\n\nMartin Harrow (BBC One)\n\nJonathan Crane (ITV1)")
    spans = [Span(doc, 5, 7, label="WORK_OF_ART"), Span(doc, 8, 10, label="ORG"),
             Span(doc, 12, 14, label="WORK_OF_ART"), Span(doc, 15, 16, label="ORG")]
    assert [sp.text for sp in spans] == ["Martin Harrow", "BBC One", "Jonathan Crane", "ITV1"]
    assert lineup_spans(doc, spans, load_rules()) == spans


def test_a_date_line_is_no_list():
    doc = spacy.blank("en")("Ewood Park\n\nTuesday, 1 March\n\n2000 GMT")
    assert list_lines(doc, load_rules()) == []


def test_pure_function_on_spans():
    doc = spacy.blank("en")("Subs Not Used: Pellam, Carsey, Dunfield.")
    spans = lineup_spans(doc, [], load_rules())
    assert [(s.text, s.label_) for s in spans] == [("Pellam", "PERSON"), ("Carsey", "PERSON"), ("Dunfield", "PERSON")]
    line, = list_lines(doc, load_rules())
    assert [doc[a:b].text for a, b in line.headings] == ["Subs Not Used"]


def test_word_lists_are_validated():
    words = lineup_words()
    assert "replacements" in words.people_headings and "Eth" in words.country_codes
    good = {"people_headings": ["subs"], "role_words": ["capt"], "not_names": ["Monday"], "placeholders": ["TBC"], "regions": ["Kent"], "distance_units": ["m"],
            "months": ["May"],
            "country_codes": ["GB"]}
    assert validate_lineup_words(good).role_words == frozenset({"capt"})
    with pytest.raises(ResourceError, match="lower case"):
        validate_lineup_words({**good, "people_headings": ["Subs"]})
    with pytest.raises(ResourceError, match="country code"):
        validate_lineup_words({**good, "country_codes": ["gb"]})
    with pytest.raises(ResourceError):
        validate_lineup_words({**good, "extra": []})


def test_end_to_end_with_the_model():
    from extract.pipeline import build_pipeline

    text = ("Wales boss Tom Vardy has named his squad for the game. The coach said the match would be hard.\n\n"
            "Coyne (Burnley), Jennet (Wolves), Rellick (Wrexham), Gabbin (Cardiff), Tarr (West Ham), "
            "Dunnell (Sunderland), Harkin (Celtic).\n\n"
            "60m: J Gardell (Bath), M Lewin-Franks (Birchfield)\n")
    found = [(e.text, e.label_) for e in build_pipeline(extractors=["entities"])(text).ents]
    for item in [("Coyne", "PERSON"), ("Burnley", "ORG"), ("Cardiff", "ORG"), ("West Ham", "ORG"),
                 ("Harkin", "PERSON"), ("J Gardell", "PERSON"), ("Bath", "ORG"), ("Tom Vardy", "PERSON")]:
        assert item in found, (item, found)
    assert not any(t == "60m" and lab not in {"QUANTITY", "CARDINAL"} for t, lab in found), found


def test_a_referees_county_is_a_place():
    from extract.entities import fix_entities

    nlp = spacy.blank("en")
    for text, county in [("The match was a derby in the league.\n\nS Benning (Kent).", "Kent"),
                         ("The match was a derby in the league.\n\nT Parkin (W Midlands).", "W Midlands"),
                         ("The match was a derby in the league.\n\nG Polley (Hertfordshire).", "Hertfordshire")]:
        found = [(s.text, s.label_) for s in fix_entities(nlp(text))]
        assert (county, "GPE") in found and (text.split("\n")[-1].split(" (")[0], "PERSON") in found, found
