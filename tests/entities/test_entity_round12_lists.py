"""Round 12: titles and products named by their relations to a marked one
(:mod:`extract.entities.works.lists`, word lists in ``resources/entity_work_lists.json``):
a list holding a cue-marked title or product, the rivals a marked title beats, a name's other
mentions after it, and a model's title that joins a person and a title by "and". Sentences
written for these tests; the rules on ``spacy.blank("en")`` with hand-set entities, a few end to
end with the installed model."""
from __future__ import annotations

import pytest

from extract.entities.works.lists import list_words, validate_list_words
from extract.errors import ResourceError

LISTED = [
    # a list holding a title a cue marks ("the drama X") is a list of titles
    ("He appeared in the drama Tarnby Lane, Corrwick and The Glass Kettle.",
     [("Tarnby Lane", "WORK_OF_ART"), ("Corrwick", "ORG"), ("The Glass Kettle", "PERSON")],
     [("Corrwick", "WORK_OF_ART"), ("The Glass Kettle", "WORK_OF_ART")], [("Corrwick", "ORG")]),
    ("Her new album Quiet Hours and Brenmoor topped the charts.",
     [("Quiet Hours", "WORK_OF_ART"), ("Brenmoor", "PERSON")],
     [("Brenmoor", "WORK_OF_ART")], [("Brenmoor", "PERSON")]),
    ("The sitcom Harbour Lights or Kettle Road will return.",
     [("Harbour Lights", "WORK_OF_ART"), ("Kettle Road", "EVENT")],
     [("Kettle Road", "WORK_OF_ART")], [("Kettle Road", "EVENT")]),
    # a one-word title and a title of two words
    ("Children loved the drama Thornfield and Glass Harbour.", [("Thornfield", "WORK_OF_ART"), ("Glass Harbour", "ORG")],
     [("Glass Harbour", "WORK_OF_ART")], [("Glass Harbour", "ORG")]),
    # a name the model missed in the list
    ("He starred in the drama Tarnby Lane, Night Orchard and The Glass Kettle.",
     [("Tarnby Lane", "WORK_OF_ART"), ("The Glass Kettle", "WORK_OF_ART")],
     [("Night Orchard", "WORK_OF_ART")], []),
    # the title's other mentions follow
    ("He starred in the drama Tarnby Lane and Corrwick. Corrwick was filmed in May.",
     [("Tarnby Lane", "WORK_OF_ART"), ("Corrwick", "ORG"), ("Corrwick", "ORG")],
     [("Corrwick", "WORK_OF_ART")], [("Corrwick", "ORG")]),
    # a list of products: a product word marks one member
    ("The game runs on Windows and Zarnix.", [("Windows", "ORG"), ("Zarnix", "PERSON")],
     [("Windows", "PRODUCT"), ("Zarnix", "PRODUCT")], [("Zarnix", "PERSON")]),
    ("The game runs on Windows and Zarnix Net. Zarnix Net is free.",
     [("Windows", "ORG"), ("Zarnix Net", "PERSON"), ("Zarnix Net", "ORG")],
     [("Windows", "PRODUCT"), ("Zarnix Net", "PRODUCT")], [("Zarnix Net", "ORG"), ("Zarnix Net", "PERSON")]),
    ("Anyone with a Windows or Zarnix Messenger account can join.", [("Windows", "PERSON"), ("Zarnix Messenger", "PERSON")],
     [("Zarnix Messenger", "PRODUCT")], [("Zarnix Messenger", "PERSON")]),
    ("It comes with the browser Quillfox, or Zarnix.", [("Quillfox", "ORG"), ("Zarnix", "ORG")],
     [("Quillfox", "PRODUCT"), ("Zarnix", "PRODUCT")], [("Zarnix", "ORG")]),
]

NOT_LISTED = [
    # a person's full name, a title before a name, a word of a person's name: a mixed list
    ("Awards went to the drama Tarnby Lane and Anna Corrwick.",
     [("Tarnby Lane", "WORK_OF_ART"), ("Anna Corrwick", "PERSON")],
     [("Anna Corrwick", "PERSON")], [("Anna Corrwick", "WORK_OF_ART")]),
    ("Awards went to the drama Tarnby Lane and Mr Corrwick.",
     [("Tarnby Lane", "WORK_OF_ART"), ("Corrwick", "PERSON")],
     [("Corrwick", "PERSON")], [("Corrwick", "WORK_OF_ART")]),
    # a building, a place, a broadcaster, an owner before a possessive
    ("The sitcom Harbour Lights or Kettle Road will return.",
     [("Harbour Lights", "WORK_OF_ART"), ("Kettle Road", "FAC")], [("Kettle Road", "FAC")], [("Kettle Road", "WORK_OF_ART")]),
    ("The drama was filmed in the town of Tarnby, with the drama Glass Harbour and London as backdrops.",
     [("Tarnby", "GPE"), ("Glass Harbour", "WORK_OF_ART"), ("London", "GPE")],
     [("London", "GPE")], [("London", "WORK_OF_ART")]),
    ("He liked the drama Glass Harbour and ITV was pleased.",
     [("Glass Harbour", "WORK_OF_ART"), ("ITV", "ORG")], [("ITV", "ORG")], [("ITV", "WORK_OF_ART")]),
    ("He liked the drama Glass Harbour and Corrwick's new show.",
     [("Glass Harbour", "WORK_OF_ART"), ("Corrwick", "ORG")], [("Corrwick", "ORG")], [("Corrwick", "WORK_OF_ART")]),
    # commas alone: an apposition, no list
    ("He liked the drama Glass Harbour, Corrwick said.",
     [("Glass Harbour", "WORK_OF_ART"), ("Corrwick", "PERSON")], [("Corrwick", "PERSON")], [("Corrwick", "WORK_OF_ART")]),
    # a list that names its kind as people
    ("The show honoured the drama Glass Harbour and actors such as Corrwick and Brenmoor.",
     [("Glass Harbour", "WORK_OF_ART"), ("Corrwick", "PERSON"), ("Brenmoor", "PERSON")],
     [("Corrwick", "PERSON")], [("Corrwick", "WORK_OF_ART")]),
    # a list with a title the model alone found (bands are read as titles too)
    ("Tarnby Lane and Corrwick played on Monday.",
     [("Tarnby Lane", "WORK_OF_ART"), ("Corrwick", "ORG")], [("Corrwick", "ORG")], [("Corrwick", "WORK_OF_ART")]),
    # a one-word title joined by "and" may be a title cut short; a one-word name the model missed
    # after "and" may be a title's end; a capitalised "And" after a member: the title goes on
    ("US audiences liked his new thriller Hide and Seek.", [("Hide", "WORK_OF_ART"), ("Seek", "PERSON")],
     [("Hide and Seek", "WORK_OF_ART")], [("Seek", "WORK_OF_ART"), ("Seek", "PERSON")]),  # round 13: joined.py
    ("The finalists were the film A Matter of Life and Death.", [("A Matter of Life", "WORK_OF_ART")],
     [], [("Death", "WORK_OF_ART")]),
    ("Their hit singles Time Runs Out, Hysteria, and Butterflies And Hurricanes sold well.",
     [("Time Runs Out", "WORK_OF_ART"), ("Hysteria", "WORK_OF_ART"), ("Butterflies", "PERSON")],
     [], [("Butterflies", "WORK_OF_ART")]),
    ("The teen comedy Harold and Kumar Get The Munchies flopped.", [("Harold", "WORK_OF_ART"), ("Kumar Get", "PERSON")],
     [], [("Kumar Get", "WORK_OF_ART")]),
    ("The drama Glass Harbour and Kettle Men Of The Moor flopped.", [("Glass Harbour", "WORK_OF_ART"), ("Kettle Men", "ORG")],
     [], [("Kettle Men", "WORK_OF_ART")]),
    # a first name alone: a singer; a place the model found
    ("She sang the hit track Lady Marmalade, Maya and Pink.", [("Lady Marmalade", "WORK_OF_ART"), ("Pink", "PERSON")],
     [("Pink", "PERSON")], [("Pink", "WORK_OF_ART")]),
    ("He liked the drama Glass Harbour and Brenvale in the winter.",
     [("Glass Harbour", "WORK_OF_ART"), ("Brenvale", "GPE")], [("Brenvale", "GPE")], [("Brenvale", "WORK_OF_ART")]),
    # a firm in a list with a product
    ("The game runs on Windows and Sony will sell it.",
     [("Windows", "ORG"), ("Sony", "ORG")], [("Sony", "ORG")], [("Sony", "PRODUCT")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", LISTED + NOT_LISTED)
def test_a_list_with_a_marked_title_or_product(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


RIVALS = [
    ("The sitcom Tarnby Lane was voted best comedy, beating Corrwick and Glass Harbour.",
     [("Tarnby Lane", "WORK_OF_ART"), ("Corrwick", "PERSON"), ("Glass Harbour", "ORG")],
     [("Corrwick", "WORK_OF_ART"), ("Glass Harbour", "WORK_OF_ART")], [("Corrwick", "PERSON")]),
    ("The film Glass Harbour has triumphed over Night Kettle at the awards.",
     [("Glass Harbour", "WORK_OF_ART"), ("Night Kettle", "ORG")], [("Night Kettle", "WORK_OF_ART")], []),
    ("The comedy Glass Harbour finished ahead of the Brenmoor Tapes in the chart.",
     [("Glass Harbour", "WORK_OF_ART"), ("Brenmoor Tapes", "ORG")], [("Brenmoor Tapes", "WORK_OF_ART")], []),
]

NOT_RIVALS = [
    # a date, a person's full name, a place after the rival word
    ("The film Glass Harbour was shown over Christmas.",
     [("Glass Harbour", "WORK_OF_ART"), ("Christmas", "DATE")], [], [("Christmas", "WORK_OF_ART")]),
    ("The film Glass Harbour won best film over Anna Corrwick.",
     [("Glass Harbour", "WORK_OF_ART"), ("Anna Corrwick", "PERSON")], [("Anna Corrwick", "PERSON")], []),
    ("The film Glass Harbour was popular in Leeds, ahead of London.",
     [("Glass Harbour", "WORK_OF_ART"), ("Leeds", "GPE"), ("London", "GPE")], [("London", "GPE")], []),
    # another name between the title and the rival word: the rival is that name's
    ("After the film Glass Harbour, Tarvex beat Corrwick in court.",
     [("Glass Harbour", "WORK_OF_ART"), ("Tarvex", "ORG"), ("Corrwick", "ORG")], [("Corrwick", "ORG")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent", RIVALS + NOT_RIVALS)
def test_the_rivals_a_marked_title_beats_are_titles(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


SPLIT = [
    ("Tom Tarvo won. Tarvo and The Glass Kettle co-writer Sam Dorley won a prize.",
     [("Tom Tarvo", "PERSON"), ("Tarvo and The Glass Kettle co-writer", "WORK_OF_ART"), ("Sam Dorley", "PERSON")],
     [("Tarvo", "PERSON"), ("The Glass Kettle", "WORK_OF_ART"), ("Sam Dorley", "PERSON")],
     [("Tarvo and The Glass Kettle co-writer", "WORK_OF_ART")]),
    ("Anna Vale spoke. Anna Vale and Night Orchard were praised.",
     [("Anna Vale", "PERSON"), ("Anna Vale and Night Orchard", "WORK_OF_ART")],
     [("Night Orchard", "WORK_OF_ART")], [("Anna Vale and Night Orchard", "WORK_OF_ART")]),
    # two titles the model read as one
    ("The comedy was voted best film, beating Glass Harbour Nights and Kettle Road 2.",
     [("Glass Harbour Nights and Kettle Road 2", "WORK_OF_ART")],
     [("Glass Harbour Nights", "WORK_OF_ART"), ("Kettle Road 2", "WORK_OF_ART")], []),
    ("Fans of Tarnwick liked Tarnwick and Brenmoor Lights.",
     [("Tarnwick", "WORK_OF_ART"), ("Tarnwick and Brenmoor Lights", "WORK_OF_ART")],
     [("Brenmoor Lights", "WORK_OF_ART")], [("Tarnwick and Brenmoor Lights", "WORK_OF_ART")]),

    # a side the article names on its own keeps the label it has there
    ("Tarnby Rovers won. Tarnby Rovers and Brenland defender Tom Vale left. Brenland lost.",
     [("Tarnby Rovers", "ORG"), ("Tarnby Rovers and Brenland", "WORK_OF_ART"), ("Tom Vale", "PERSON"), ("Brenland", "GPE")],
     [("Tarnby Rovers", "ORG"), ("Brenland", "GPE")], [("Tarnby Rovers and Brenland", "WORK_OF_ART")]),
]

NOT_SPLIT = [
    # an owner's possessive inside
    ("As MP for Glass Harbour Vale and Brenmoor's Parliamentary Leader, he spoke.",
     [("Glass Harbour Vale and Brenmoor's Parliamentary Leader", "WORK_OF_ART")],
     [("Glass Harbour Vale and Brenmoor's Parliamentary Leader", "WORK_OF_ART")], []),
    # one side of one word the article does not name alone; a lower-case word after "and"
    ("He loved Brenmoor and The Kettle Lights as a child.", [("Brenmoor and The Kettle Lights", "WORK_OF_ART")],
     [("Brenmoor and The Kettle Lights", "WORK_OF_ART")], []),
    ("He loved Glass Harbour and the Kettle Men as a child.", [("Glass Harbour and the Kettle Men", "WORK_OF_ART")],
     [("Glass Harbour and the Kettle Men", "WORK_OF_ART")], []),
    ("His album Glass Harbour Between The Kettle And The Stars sold well.",
     [("Glass Harbour Between The Kettle And The Stars", "WORK_OF_ART")],
     [("Glass Harbour Between The Kettle And The Stars", "WORK_OF_ART")], []),
    # the words before "and" name no person of the article: a title with "and" in it
    ("He loved Beauty and the Beast as a child.", [("Beauty and the Beast", "WORK_OF_ART")],
     [("Beauty and the Beast", "WORK_OF_ART")], []),
    ("Harbour and The Kettle Men is a new play.", [("Harbour and The Kettle Men", "WORK_OF_ART")],
     [("Harbour and The Kettle Men", "WORK_OF_ART")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent", SPLIT + NOT_SPLIT)
def test_a_title_joining_a_person_and_a_title_is_split(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


def test_the_word_lists_load_and_are_checked():
    words = list_words()
    assert ("beating",) in words.rival_words and ("ahead", "of") in words.rival_words
    assert "actors" in words.kind_words and "Microsoft" in words.not_members
    good = {"rival_words": ["beating"], "kind_words": ["actors"], "not_members": ["Apple"]}
    assert validate_list_words(good).not_members == frozenset({"Apple"})
    with pytest.raises(ResourceError, match="Beating"):
        validate_list_words({**good, "rival_words": ["Beating"]})
    with pytest.raises(ResourceError, match="apple"):
        validate_list_words({**good, "not_members": ["apple"]})
    with pytest.raises(ResourceError, match="kind_words"):
        validate_list_words({"rival_words": ["beating"], "not_members": ["Apple"]})


@pytest.fixture(scope="module")
def ent_nlp():
    from extract.pipeline import build_pipeline

    return build_pipeline(extractors=["entities"])


def test_lists_and_rivals_with_the_model(ent_nlp):
    doc = ent_nlp("The actress, who appeared in the soap Brookside, My Family and A Touch of Frost, "
                  "has died. Brookside ran for 21 years.")
    found = [(e.text, e.label_) for e in doc.ents]
    assert found.count(("Brookside", "WORK_OF_ART")) == 2, found
