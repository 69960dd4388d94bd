"""Round 14: works and awards (:mod:`extract.entities.works`).

* capitalised words ending in a capitalised award head are an award's name, a WORK_OF_ART
  (:func:`extract.entities.works.awards.headed_awards`);
* a title after a person and "for" in a sentence about awards is a WORK_OF_ART
  (:mod:`extract.entities.works.awarded`);
* one sentence window for the rules that look for a word around a title
  (:func:`extract.entities.works.common.sentence_window`).

Sentences written for these tests; the rules run on ``spacy.blank("en")`` with hand-set entities
(``labels_hold``).
"""
from __future__ import annotations

import pytest
import spacy

from extract.entities.rules import validate_work_words
from extract.entities.works.awards import validate_award_event_words
from extract.entities.works.common import sentence_window
from extract.entities.works.dated import _same_sentence

from .conftest import _doc_with_ents

HEADED_AWARDS = [
    # a missed award's name with a year and a count in front
    ("She was among the winners at the 2003 Tarnby Evening Gazette Film Awards in May.", [("2003", "DATE")],
     [("Tarnby Evening Gazette Film Awards", "WORK_OF_ART")], [("2003 Tarnby Evening Gazette Film Awards", "WORK_OF_ART")]),
    ("The film is up for five Quellmark Spirit Awards this year.", [("five", "CARDINAL")],
     [("Quellmark Spirit Awards", "WORK_OF_ART")], []),
    # a capitalised "For" and the words after it stay inside; a person's name in front is the award's
    ("Ann Vosk won the Harold Brenner Award For Drama on Sunday.", [("Ann Vosk", "PERSON"), ("Harold Brenner", "PERSON"),
                                                                   ("Sunday", "DATE")],
     [("Harold Brenner Award For Drama", "WORK_OF_ART"), ("Ann Vosk", "PERSON")], [("Harold Brenner", "PERSON")]),
    ("He took the Kettlewell Prize last night.", [], [("Kettlewell Prize", "WORK_OF_ART")], []),
    # not a grade first, a head alone, a head inside a longer name, nor a lower-case "for" tail
    ("He won the Best Film Award at the gala.", [], [], [("Best Film Award", "WORK_OF_ART")]),
    ("Awards were handed out late.", [], [], [("Awards", "WORK_OF_ART")]),
    ("The Tarnby Prize Committee met in June.", [("Tarnby Prize Committee", "ORG"), ("June", "DATE")],
     [("Tarnby Prize Committee", "ORG")], [("Tarnby Prize", "WORK_OF_ART")]),
    ("She won the Marlow Award for her role.", [], [("Marlow Award", "WORK_OF_ART")],
     [("Marlow Award for her role", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", HEADED_AWARDS)
def test_round14_headed_awards(labels_hold, text, ents, expected, absent):
    """"six Independent Spirit Awards": capitalised words ending in "Award(s)" or "Prize(s)" are a
    WORK_OF_ART where the model found nothing or pieces; not a grade first, a head alone, a longer name."""
    labels_hold(text, ents, expected, absent)


AWARDED = [
    # nominees in a category, each with the film they are up for (small words inside a title)
    ("Nominees in the best actress category include Ann Vosk for Glassmoor, Lee Carrow for Tower of Silver Kettles "
     "and Kit Varley for Night of the Quiet Orchard.",
     [("Ann Vosk", "PERSON"), ("Lee Carrow", "PERSON"), ("Kit Varley", "PERSON"), ("Night", "ORG"),
      ("Quiet Orchard", "FAC")],
     [("Glassmoor", "WORK_OF_ART"), ("Tower of Silver Kettles", "WORK_OF_ART"),
      ("Night of the Quiet Orchard", "WORK_OF_ART"), ("Ann Vosk", "PERSON")], [("Quiet Orchard", "FAC")]),
    ("Dan Pike is up for the best director award, alongside Sara Lund for The Tarn Walker.",
     [("Dan Pike", "PERSON"), ("Sara Lund", "PERSON"), ("Tarn Walker", "ORG")],
     [("The Tarn Walker", "WORK_OF_ART")], [("Tarn Walker", "ORG")]),
    ("The shortlist has Tom Brack for Kettle Days.", [("Tom Brack", "PERSON"), ("Kettle Days", "PERSON")],
     [("Kettle Days", "WORK_OF_ART")], []),
    # a subtitle after a colon, with "and" inside it
    ("The winner in the poetry category was Ann Vosk for Glass Road: Old and New Poems, 1960-2000.",
     [("Ann Vosk", "PERSON"), ("New Poems", "ORG")],
     [("Glass Road: Old and New Poems", "WORK_OF_ART")], [("New Poems", "ORG")]),
    # no award word in the sentence, a category, a place, a sports report: left alone
    ("Ann Vosk thanked Lee Carrow for Sunday Lunch.", [("Ann Vosk", "PERSON"), ("Lee Carrow", "PERSON")], [],
     [("Sunday Lunch", "WORK_OF_ART")]),
    ("The nominees are Ann Vosk for Best Actress and Lee Carrow.", [("Ann Vosk", "PERSON"), ("Lee Carrow", "PERSON")], [],
     [("Best Actress", "WORK_OF_ART")]),
    ("The best player award went to Tom Brack for England.", [("Tom Brack", "PERSON"), ("England", "GPE")],
     [("England", "GPE")], [("England", "WORK_OF_ART")]),
    ("The best goal of the match was scored by Tom Brack for Tarnby Rovers, and the striker and the coach "
     "praised the league and the season.", [("Tom Brack", "PERSON"), ("Tarnby Rovers", "ORG")],
     [("Tarnby Rovers", "ORG")], [("Tarnby Rovers", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", AWARDED)
def test_round14_awarded_titles(labels_hold, text, ents, expected, absent):
    """"Charlize Theron for Monster" in a sentence about awards: the title after the person is a
    WORK_OF_ART; not without an award word, a category, a place or a club."""
    labels_hold(text, ents, expected, absent)


def test_round14_sentence_window_bounds():
    """One window: full stops (and line starts where asked) bound it, and its reach."""
    doc = spacy.blank("en")("One two. Three four five six. Seven\nEight nine.")
    three = [t.text for t in doc].index("Three")
    assert sentence_window(doc, three, three + 1, 40) == (three, three + 4)
    seven = [t.text for t in doc].index("Seven")
    k, e = sentence_window(doc, seven, seven + 1, 40)
    assert doc[k:e].text.strip() == "Seven"
    k, e = sentence_window(doc, seven, seven + 1, 40, line_starts=False)
    assert doc[k:e].text.split() == ["Seven", "Eight", "nine"]
    assert sentence_window(doc, three, three + 1, 1) == (three, three + 2)


def test_round14_same_sentence_as_before():
    """dated._same_sentence keeps its bounds: no sentence mark between, fewer than 80 tokens apart."""
    doc = spacy.blank("en")(" ".join(["word"] * 100) + ". next")
    assert _same_sentence(doc, 0, 79) and not _same_sentence(doc, 0, 80)
    assert not _same_sentence(doc, 95, 101)
    assert _same_sentence(doc, 95, 100)


def test_round14_optional_word_lists():
    """The round-14 lists are optional: a word file without them loads, with empty lists."""
    import json
    from importlib.resources import files
    data = json.loads(files("extract.resources").joinpath("entity_works.json").read_text(encoding="utf-8"))
    data.pop("award_sentence_words")
    assert validate_work_words(data).award_sentence_words == frozenset()
    assert "For" in validate_award_event_words().award_title_joiners


APPOSED_MISSED = [
    # a title the model missed, before a comma and a description headed by a word for a work
    ("Glassmoor, a wine-tasting comedy starring Ann Vosk, is up for six awards.", [("Ann Vosk", "PERSON")],
     [("Glassmoor", "WORK_OF_ART"), ("Ann Vosk", "PERSON")], []),
    ("The other films were Kettle to Kettle, a drama about a young painter, and two more.", [],
     [("Kettle to Kettle", "WORK_OF_ART")], []),
    # not a description of a person, a place, nor a first name and a surname
    ("Tarnby, a town with a famous comedy club, is quiet.", [], [], [("Tarnby", "WORK_OF_ART")]),
    ("Ann Vosk, a comedy writer, said it was fun.", [], [], [("Ann Vosk", "WORK_OF_ART")]),
    ("Leeds, a city in the north, is big.", [], [], [("Leeds", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", APPOSED_MISSED)
def test_round14_apposed_missed_titles(labels_hold, text, ents, expected, absent):
    """"Sideways, a wine-tasting comedy starring ...": a title the model missed before an apposition
    headed by a word for a work is a WORK_OF_ART; not a place, a person, a description of another kind."""
    labels_hold(text, ents, expected, absent)


NAMED_KIND_LISTS = [
    # a list after "films such as": members with a first name at the front are titles too
    ("The studio is behind films such as Glass Kettle Road, Billy Tarn, Night Orchard and Maria Vosk.",
     [("Glass Kettle Road", "WORK_OF_ART"), ("Billy Tarn", "PERSON"), ("Night Orchard", "WORK_OF_ART"),
      ("Maria Vosk", "PERSON")],
     [("Billy Tarn", "WORK_OF_ART"), ("Maria Vosk", "WORK_OF_ART")], []),
    # without the plural word for works, a first name still marks a person (a list of mixed kinds)
    ("The drama Glass Kettle Road, Billy Tarn and Night Orchard were praised.",
     [("Glass Kettle Road", "WORK_OF_ART"), ("Billy Tarn", "PERSON"), ("Night Orchard", "ORG")],
     [("Billy Tarn", "PERSON")], [("Billy Tarn", "WORK_OF_ART")]),
    # a word of another person's full name is not taken even after "films such as"
    ("Ann Vosk starred. She made films such as Glass Kettle Road and Vosk Lane.",
     [("Ann Vosk", "PERSON"), ("Glass Kettle Road", "WORK_OF_ART"), ("Vosk Lane", "PERSON")],
     [("Vosk Lane", "PERSON")], [("Vosk Lane", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", NAMED_KIND_LISTS)
def test_round14_lists_after_plural_work_word(text, ents, expected, absent):
    """"films such as A, Billy Elliot and C": after a plural word for works, members with a first name
    at the front take the list's WORK_OF_ART label (the model's or the vote's person)."""
    from extract.entities.rules import load_rules
    from extract.entities.works.lists import listed_works
    doc = _doc(text, ents, {"Glass Kettle Road": "fix:work_cue"})
    found = [(sp.text, sp.label_) for sp in listed_works(doc, list(doc.ents), load_rules())]
    for item in expected:
        assert item in found, (item, found)
    for item in absent:
        assert item not in found, (item, found)


def _doc(text, ents, ids=None):
    """A blank Doc with hand-set entities; ``ids`` gives some of them a rule's reason."""
    from spacy.tokens import Span
    doc = _doc_with_ents(spacy.blank("en"), text, ents)
    doc.ents = [Span(doc, sp.start, sp.end, label=sp.label_, span_id=(ids or {}).get(sp.text, "")) for sp in doc.ents]
    return doc


CUE_VERBS = [
    # "co-wrote", "directed", "tuned into" before a title
    ("Dan Pike, who stars in and co-wrote Night of the Kettles, won.", [("Dan Pike", "PERSON")],
     [("Night of the Kettles", "WORK_OF_ART")], []),
    ("Sara Lund directed The Glass Orchard last year.", [("Sara Lund", "PERSON"), ("Glass Orchard", "ORG")],
     [("The Glass Orchard", "WORK_OF_ART")], [("Glass Orchard", "ORG")]),
    ("Almost half of the viewers tuned into Tarnenders on Friday.", [("Tarnenders", "ORG"), ("Friday", "DATE")],
     [("Tarnenders", "WORK_OF_ART")], [("Tarnenders", "ORG")]),
    # not "directed by" a person, a person's full name, a broadcaster, a place
    ("The film was directed by Dan Pike.", [("Dan Pike", "PERSON")], [("Dan Pike", "PERSON")], []),
    ("He directed Kevin Varley in the play.", [("Kevin Varley", "PERSON")], [("Kevin Varley", "PERSON")], []),
    ("Millions tuned in to Radio 1 to hear it.", [("Radio 1", "ORG")], [], [("Radio 1", "WORK_OF_ART")]),
    ("She wrote Leeds off as a lost cause.", [("Leeds", "GPE")], [("Leeds", "GPE")], [("Leeds", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", CUE_VERBS)
def test_round14_cue_verbs(labels_hold, text, ents, expected, absent):
    """"stars in and co-wrote X", "directed X", "tuned into X": a title cue like a role phrase."""
    labels_hold(text, ents, expected, absent)


FRONTS = [
    ("They won for My Glass Summer at the gala.", [("Glass Summer", "WORK_OF_ART")], [("My Glass Summer", "WORK_OF_ART")], []),
    ("Critics liked the drama The Kettle Keeper most.", [("Kettle Keeper", "WORK_OF_ART")],
     [("The Kettle Keeper", "WORK_OF_ART")], []),
    # a sentence's first word, a lower-case word, another span's end: left out
    ("My Kettle Keeper is good, she said.", [("Kettle Keeper", "WORK_OF_ART")], [("Kettle Keeper", "WORK_OF_ART")],
     [("My Kettle Keeper", "WORK_OF_ART")]),
    ("He loved my Kettle Keeper role.", [("Kettle Keeper", "WORK_OF_ART")], [("Kettle Keeper", "WORK_OF_ART")],
     [("my Kettle Keeper", "WORK_OF_ART")]),
    ("Bands such as Tom Vosk and The Kettles played.", [("Tom Vosk", "PERSON"), ("Kettles", "WORK_OF_ART")],
     [("Kettles", "WORK_OF_ART")], [("The Kettles", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", FRONTS)
def test_round14_title_fronts(text, ents, expected, absent):
    """"for My Summer of Love": a capitalised "My"/"The" right before a WORK_OF_ART inside a sentence is its first word."""
    from extract.entities.rules import load_rules
    from extract.entities.works.titles import title_fronts
    doc = _doc(text, ents)
    found = [(sp.text, sp.label_) for sp in title_fronts(doc, list(doc.ents), load_rules())]
    for item in expected:
        assert item in found, (item, found)
    for item in absent:
        assert item not in found, (item, found)


CATEGORY_PLACES = [
    # a name the model read as a place after an award category and "for", unknown to the gazetteer
    ("He hopes to win a best supporting actor award for Nearer this year.", [("Nearer", "GPE")],
     [("Nearer", "WORK_OF_ART")], [("Nearer", "GPE")]),
    ("She won best actress for Glassmoor.", [("Glassmoor", "LOC")], [("Glassmoor", "WORK_OF_ART")], []),
    # a place the gazetteer knows, a place elsewhere in the article, no category: left alone
    ("She won best actress for Paris.", [("Paris", "GPE")], [("Paris", "GPE")], [("Paris", "WORK_OF_ART")]),
    ("He lives in Glassmoor. He won best actor for Glassmoor.", [("Glassmoor", "GPE"), ("Glassmoor", "GPE")],
     [("Glassmoor", "GPE")], [("Glassmoor", "WORK_OF_ART")]),
    ("He left the team for Glassmoor.", [("Glassmoor", "GPE")], [("Glassmoor", "GPE")], [("Glassmoor", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", CATEGORY_PLACES)
def test_round14_category_places(labels_hold, text, ents, expected, absent):
    """"a best supporting actor award for Closer" (GPE): after an award category, a name the gazetteer
    knows as no place and the article names as none elsewhere is a WORK_OF_ART."""
    labels_hold(text, ents, expected, absent)


SECOND_TITLES = [
    # one cue, two titles the model read as one span over "and"
    ("She has two nods for her roles in Night of the Glass Kettle and Tarn Lights this year.",
     [("Night", "ORG"), ("Glass Kettle and Tarn Lights", "FAC")],
     [("Night of the Glass Kettle", "WORK_OF_ART"), ("Tarn Lights", "WORK_OF_ART")],
     [("Glass Kettle and Tarn Lights", "FAC")]),
    # a span that starts with the title and runs on is left alone; a place is no second title
    ("He had a role in Tarn Lights and Glassmoor Council plans.", [("Tarn Lights and Glassmoor Council", "ORG")],
     [], [("Glassmoor Council", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", SECOND_TITLES)
def test_round14_second_title_after_one_cue(labels_hold, text, ents, expected, absent):
    """"her roles in A of the [B and C]": the model's span over "and" holds the cued title's end and a
    second title; both are WORK_OF_ART."""
    labels_hold(text, ents, expected, absent)


def test_round14_title_front_after_parser_sentence_start():
    """"for My Summer of Love": a lower-case word before the front, so a parser's guess of a sentence
    start there does not keep it out."""
    from extract.entities.rules import load_rules
    from extract.entities.works.titles import title_fronts
    doc = _doc("They were named best newcomer for My Glass Summer at the gala.", [("Glass Summer", "WORK_OF_ART")])
    doc[6].is_sent_start = True
    found = [(sp.text, sp.label_) for sp in title_fronts(doc, list(doc.ents), load_rules())]
    assert ("My Glass Summer", "WORK_OF_ART") in found


ONE_WORD_MENTIONS = [
    # a one-word title a cue marked, missed by the model inside a later sentence
    ("Glassmoor, a wine-tasting comedy, is up for six awards. It was said by Glassmoor producer Ann Vosk.",
     [("Ann Vosk", "PERSON")], [("Glassmoor", "WORK_OF_ART")], []),
    # not at a sentence's start, not after a capitalised word, not before a word for works
    ("Glassmoor, a wine-tasting comedy, is up for six awards. Glassmoor is long.", [], [], []),
    ("Glassmoor, a wine-tasting comedy, won. She met Dr Glassmoor there.", [], [], []),
]


@pytest.mark.parametrize("text, ents, expected, absent", ONE_WORD_MENTIONS)
def test_round14_one_word_title_missed_mentions(labels_hold, text, ents, expected, absent):
    """A one-word title's mention the model missed is a WORK_OF_ART inside a sentence after a lower-case word."""
    found = labels_hold(text, ents, expected, absent)
    assert sum(1 for t, label in found if t == "Glassmoor" and label == "WORK_OF_ART") == (2 if expected else 1)


PLACE_MEMBERS = [
    # a member the model read as a place the gazetteer does not know, in a list with a marked title
    ("Also nominated are the comedy Tarn Lights, Night Orchard and Kettle State.",
     [("Tarn Lights", "ORG"), ("Night Orchard", "PERSON"), ("Kettle State", "GPE")],
     [("Kettle State", "WORK_OF_ART"), ("Night Orchard", "WORK_OF_ART")], [("Kettle State", "GPE")]),
    # a place the gazetteer knows keeps the list mixed: left alone
    ("Also nominated are the comedy Tarn Lights, Night Orchard and Chicago.",
     [("Tarn Lights", "ORG"), ("Night Orchard", "PERSON"), ("Chicago", "GPE")],
     [("Chicago", "GPE")], [("Chicago", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", PLACE_MEMBERS)
def test_round14_list_members_read_as_places(labels_hold, text, ents, expected, absent):
    """"comedy Napoleon Dynamite, The Door in the Floor and Garden State" (GPE): a list member read as a
    place the gazetteer does not know takes the list's WORK_OF_ART."""
    labels_hold(text, ents, expected, absent)


def test_round14_place_member_needs_a_list_with_commas(labels_hold):
    """"single Black and White Town": a one-word title and a place-labelled name joined by "and" alone is
    one title cut short, no list: the place label is not changed."""
    labels_hold("The album follows single Kettle and White Tarn, which reached number six.",
                [("Kettle", "WORK_OF_ART"), ("White Tarn", "LOC")], [], [("White Tarn", "WORK_OF_ART")])


def test_round14_one_word_mention_not_a_pronoun_or_acronym(labels_hold):
    """A one-word title's missed mentions: not "I", not a word in capitals."""
    found = labels_hold("The game I, a thriller about QXT, sold well. Fans said I liked it and QXT rose.", [], [], [])
    assert ("I", "WORK_OF_ART") not in found and ("QXT", "WORK_OF_ART") not in found
