"""Round 13 (people, places and groups): nationality and party words the model missed or read as a
language. Sentences written for these tests, on ``spacy.blank("en")`` with hand-set entities (the
rules need no model), and a few with the installed model.

* :func:`extract.entities.spans._missed_groups`: a nationality's or a party's word no span holds is
  a NORP ("four Britons", "Tories plan", "as a Scot", "Welsh farmers"); a word that is also a common
  word at a sentence start only before a role ("Conservative health spokesman X"); not inside a
  longer name ("Royal Scots"), after a possessive, joined by a hyphen, nor a language before a word
  for its use ("English lessons");
* :func:`extract.entities.cues._people_not_language`: a nationality's word the model read as a
  LANGUAGE before a lower-case noun that is no word for the language's use, or after "the" with no
  noun after it, is a NORP ("English towns", "than the English.").
"""
from __future__ import annotations

import pytest

GROUPS = [
    # (text, hand-set entities, expected, absent)
    ("Four Britons were freed on Tuesday.", [], [("Britons", "NORP")], []),
    ("The survey says most Britons own a car.", [], [("Britons", "NORP")], []),
    ("Tories plan new checks\n\nThe party said it would act.", [], [("Tories", "NORP")], []),
    ("Welsh farmers say the scheme is unfair.", [], [("Welsh", "NORP")], []),
    ("As a Scot living in Perth, Ann Varley knows the town.", [("Perth", "GPE"), ("Ann Varley", "PERSON")],
     [("Scot", "NORP"), ("Perth", "GPE")], []),
    ("Conservative transport spokesman Tom Vardy said it was late.", [("Tom Vardy", "PERSON")],
     [("Conservative", "NORP"), ("Tom Vardy", "PERSON")], []),
    ("The plan was backed by Conservative leader Tom Vardy.", [("Tom Vardy", "PERSON")],
     [("Conservative", "NORP")], []),
    # a common word at a sentence start, with no role after it
    ("Conservative estimates put the cost higher.", [], [], [("Conservative", "NORP")]),
    ("Polish the glass before use.", [], [], [("Polish", "NORP")]),
    # inside a longer name, after a possessive, in a hyphenated word, the language, the awards
    ("The Royal Scots will merge with two regiments.", [], [], [("Scots", "NORP")]),
    ("He sang in Massenet's Thais last year.", [], [], [("Thais", "NORP")]),
    ("An Anglo-Dutch group bought the site.", [], [], [("Dutch", "NORP")]),
    ("Pupils take English lessons every day.", [], [], [("English", "NORP")]),
    ("The letter was written in Welsh.", [], [], [("Welsh", "NORP")]),
    ("Most people there voted Conservative.", [], [("Conservative", "NORP")], []),
    ("She won two prizes at the Brits on Tuesday.", [], [], [("Brits", "NORP")]),
    ("The Welsh Health Minister spoke first.", [], [], [("Welsh", "NORP")]),
    # a word a span already holds keeps its label
    ("Tom Welsh said the plan would work.", [("Tom Welsh", "PERSON")], [("Tom Welsh", "PERSON")],
     [("Welsh", "NORP")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", GROUPS)
def test_missed_nationality_and_party_words(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


LANGUAGES = [
    ("He grew up in a northern English town.", [("English", "LANGUAGE")], [("English", "NORP")],
     [("English", "LANGUAGE")]),
    ("The visitors played better than the English.", [("English", "LANGUAGE")], [("English", "NORP")],
     [("English", "LANGUAGE")]),
    ("There was real English banter in the stands.", [("English", "LANGUAGE")], [("English", "NORP")], []),
    # the language itself
    ("The songs were recorded in English.", [("English", "LANGUAGE")], [("English", "LANGUAGE")],
     [("English", "NORP")]),
    ("She was studying English at college.", [("English", "LANGUAGE")], [("English", "LANGUAGE")], []),
    ("Most pupils take French lessons.", [("French", "LANGUAGE")], [("French", "LANGUAGE")], []),
    ("The English-language site was closed.", [("English", "LANGUAGE")], [("English", "LANGUAGE")], []),
    # not a nationality's word
    ("They learn Latin verbs at school.", [("Latin", "LANGUAGE")], [("Latin", "LANGUAGE")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent", LANGUAGES)
def test_a_nationality_read_as_a_language(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


def test_with_the_model():
    from extract.pipeline import build_pipeline

    nlp = build_pipeline(extractors=["entities"])
    doc = nlp("Conservative education spokesman Tim Harlow said four Britons had been held. "
              "He grew up in a small northern English town.")
    found = [(e.text, e.label_) for e in doc.ents]
    assert ("Conservative", "NORP") in found, found
    assert ("Britons", "NORP") in found, found
    assert ("English", "LANGUAGE") not in found, found


OFFICES = [
    # (text, expected PERSON spans, absent spans): an office after a peer's or courtesy title is no name
    ("Paying tribute, the Lord Chancellor Lord Penrith said the law was clear.", ["Penrith"],
     ["Chancellor Lord Penrith", "Chancellor"]),
    ("The Lord Chief Justice, Lord Hallam, opened the hearing.", ["Hallam"], ["Chief Justice"]),
    ("She told MPs the Lord Chancellor, Lord Penrith, had agreed.", ["Penrith"], ["Chancellor"]),
    ("The appeal by Lord Justice Varley and Mr Justice Corran was upheld.", ["Varley", "Corran"],
     ["Justice Varley", "Justice Corran"]),
    # titles before names keep working
    ("Mr Tarrow met Dr Anna Pell and Sir Tom Vardy on Monday.", ["Tarrow", "Anna Pell", "Tom Vardy"], []),
]


@pytest.mark.parametrize("text, expected, absent", OFFICES)
def test_an_office_after_a_title_is_no_name(text, expected, absent):
    from extract.pipeline import build_pipeline

    doc = build_pipeline(extractors=["entities"])(text)
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    for name in expected:
        assert name in people, people
    for name in absent:
        assert name not in people, people


FIRST_NAMES = [
    # (text, hand-set entities, expected, absent): a first name alone after the person's full name
    ('Coach Tom Vale praised Jonatan Korrby. "I have faith in Jonatan," he said.',
     [("Tom Vale", "PERSON"), ("Jonatan Korrby", "PERSON"), ("Jonatan", "LOC")], [("Jonatan", "PERSON")],
     [("Jonatan", "LOC")]),
    ('Freddie Tarvo is injured. "Freddie is an option," said Vale.',
     [("Freddie Tarvo", "PERSON"), ("Freddie", "ORG"), ("Vale", "PERSON")], [("Freddie", "PERSON")],
     [("Freddie", "ORG")]),
    ('Greta Brisk spoke first. Her mother said Greta would stay.',
     [("Greta Brisk", "PERSON"), ("Greta", "GPE")], [("Greta", "PERSON")], []),
    # the full name goes on after the word; a place's name; no full name of a person
    ("Charity Christian Aid said so. Christian Aid has called on firms to act.",
     [("Christian Aid", "PERSON"), ("Christian", "NORP")], [], [("Christian", "PERSON")]),
    ("Paris Hilton flew to Paris on Monday.", [("Paris Hilton", "PERSON"), ("Paris", "GPE")],
     [("Paris", "GPE")], [("Paris", "PERSON")]),
    ("Shares in Jordan rose. Jordan said sales were up.", [("Jordan", "ORG"), ("Jordan", "ORG")],
     [("Jordan", "ORG")], [("Jordan", "PERSON")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", FIRST_NAMES)
def test_a_first_name_alone_is_the_person(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


def test_a_first_name_written_alone_often_is_no_persons(labels_hold):
    # "Sun" beside a full name the model read as a person's: a firm named alone three times
    text = "Milo Grid is new. Milo said so. Milo sells it. Analysts like Milo."
    ents = [("Milo Grid", "PERSON"), ("Milo", "ORG"), ("Milo", "ORG"), ("Milo", "ORG")]
    found = labels_hold(text, ents, [("Milo", "ORG")], [("Milo", "PERSON")])
    assert found.count(("Milo", "ORG")) == 3, found


NATIONALITY_NOUNS = [
    # round 13: nouns for a nationality's people ("Dutchman", "Spaniard", "Frenchmen") are demonyms
    ("The Dutchman scored twice on Sunday.", [("Dutchman", "ORG")], [("Dutchman", "NORP")], [("Dutchman", "ORG")]),
    ("Spaniard Rafael Vardo won in three sets.", [("Spaniard Rafael Vardo", "PERSON")],
     [("Rafael Vardo", "PERSON"), ("Spaniard", "NORP")], [("Spaniard Rafael Vardo", "PERSON")]),
    ("Three Spaniards reached the final.", [], [("Spaniards", "NORP")], []),
    ("Two Frenchmen led the race.", [], [("Frenchmen", "NORP")], []),
    ("He grew a swede in the garden.", [], [], [("swede", "NORP")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", NATIONALITY_NOUNS)
def test_nouns_for_a_nationalitys_people(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)
