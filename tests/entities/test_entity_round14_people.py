"""Round 14 (people, places, events): sentences written for these tests, on ``spacy.blank("en")``
with hand-set entities (the rules need no model).

* :func:`extract.entities.spans._event_adjectives`, ``_distances``: "Olympic 10,000m champion",
  "World and Commonwealth 100m champion", "Sydney Olympic 100m champion": the games (with a host
  city) are the EVENT, the distance is in no span; "British Olympic relay" is NORP + EVENT;
* :func:`extract.entities.places.joined_countries`: "Trinidad and Tobago", "St Kitts and Nevis";
* :func:`extract.entities.spans._entity_words`: "Jos&#233; Manuel Barroso" one PERSON;
* :func:`extract.entities.voting.people_by_context`: two-word names read as ORG in a list of
  people, before ", who" or before a verb of speech and a colon are PERSON;
* :func:`extract.entities.cues.national_parties`: "Scottish Conservative" NORP, "Scottish Labour
  Party" ORG, "Scottish National Party Holyrood leader" cut after "Party";
* :func:`extract.entities.places.parliament_seats`, ``settlements``: "Holyrood officials" GPE;
  "Cuyo, a 50-family community" GPE at every mention;
* :func:`extract.entities.spans._missed_first_names`: "include Charlize Theron" where the model found
  "Theron" is one PERSON.
"""
from __future__ import annotations

import pytest

EVENTS = [
    # (text, hand-set entities, expected, absent)
    ("Olympic 10,000m champion Ken Bekele won easily.", [("Ken Bekele", "PERSON")],
     [("Olympic", "EVENT"), ("Ken Bekele", "PERSON")], []),
    ("World and Commonwealth 100m champion Kim Collins will run.", [("Commonwealth 100m", "PRODUCT"),
                                                                  ("Kim Collins", "PERSON")],
     [("Commonwealth", "EVENT")], [("Commonwealth 100m", "PRODUCT")]),
    ("Sydney Olympic 100m champion Tom Greene and Athens Olympic 100m silver medallist Ann Obi ran.",
     [("Sydney", "PERSON"), ("Tom Greene", "PERSON"), ("Athens Olympic 100m", "PRODUCT"), ("Ann Obi", "PERSON")],
     [("Sydney Olympic", "EVENT"), ("Athens Olympic", "EVENT")], [("Sydney", "PERSON")]),
    ("He joins British Olympic relay gold medallists Jason Gard and Mark Lew.",
     [("British Olympic", "ORG"), ("Jason Gard", "PERSON"), ("Mark Lew", "PERSON")],
     [("British", "NORP"), ("Olympic", "EVENT")], [("British Olympic", "ORG")]),
    ("Collins will compete in the 60m at the indoor meeting.", [("60m", "PRODUCT")], [], [("60m", "PRODUCT")]),
    # not a distance after it, no result word after a city: left alone
    ("The Commonwealth Secretariat met in London.", [("Commonwealth Secretariat", "ORG"), ("London", "GPE")],
     [("Commonwealth Secretariat", "ORG")], [("Commonwealth", "EVENT")]),
    ("The London Olympic bid was backed by the mayor.", [("London", "GPE")],
     [("London", "GPE"), ("Olympic", "EVENT")], [("London Olympic", "EVENT")]),
    ("Our Commonwealth 2 hotels are full.", [], [], [("Commonwealth", "EVENT")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", EVENTS)
def test_games_before_a_distance(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


COUNTRIES = [
    ("The St Kitts and Nevis star joins the team.", [("St Kitts", "PERSON")], [("St Kitts and Nevis", "GPE")],
     [("St Kitts", "PERSON")]),
    ("Trinidad and Tobago beat Bosnia and Herzegovina.", [("Trinidad", "GPE"), ("Tobago", "GPE")],
     [("Trinidad and Tobago", "GPE"), ("Bosnia and Herzegovina", "GPE")], []),
    ("Antigua and Barbuda lost to São Tomé and Príncipe.", [("Antigua", "PERSON"), ("Barbuda", "PERSON")],
     [("Antigua and Barbuda", "GPE"), ("São Tomé and Príncipe", "GPE")], []),
    # a longer name the model found keeps it; two countries that are no one name stay two
    ("The Trinidad and Tobago Football Federation said no.", [("Trinidad and Tobago Football Federation", "ORG")],
     [("Trinidad and Tobago Football Federation", "ORG")], []),
    ("France and Germany agreed.", [("France", "GPE"), ("Germany", "GPE")], [("France", "GPE"), ("Germany", "GPE")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent", COUNTRIES)
def test_countries_with_and(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


CHAR_REFS = [
    ("EC President Jos&#233; Manuel Barroso wrote to him.", [("Manuel Barroso", "PERSON")],
     [("Jos&#233; Manuel Barroso", "PERSON")], []),
    ("He met Fran&#231;ois Hollande in Paris.", [("Hollande", "PERSON"), ("Paris", "GPE")],
     [("Fran&#231;ois Hollande", "PERSON")], []),
    # a reference that is no word of the name (quotation marks) stays out
    ("It was &#8220; good &#8221; said Anna Berg.", [("Anna Berg", "PERSON")], [("Anna Berg", "PERSON")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent", CHAR_REFS)
def test_character_references_in_names(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


PEOPLE = [
    ("A host of Hollywood stars, including Cate Blanchet, Leon DiCapra, Keanu Reevo and Richard Gero, will come. "
     "She is up against Blanchet this year.",
     [("Cate Blanchet", "ORG"), ("Leon DiCapra", "PERSON"), ("Keanu Reevo", "ORG"), ("Richard Gero", "PERSON"),
      ("Blanchet", "ORG")],
     [("Cate Blanchet", "PERSON"), ("Keanu Reevo", "PERSON"), ("Blanchet", "PERSON")], []),
    ("Compatriots Mulu Wondo, Abiyo Abato and Marko Genet will also run.",
     [("Mulu Wondo", "PERSON"), ("Abiyo Abato", "ORG"), ("Marko Genet", "PERSON")],
     [("Abiyo Abato", "PERSON")], []),
    ("Other winners included Paddy Consido, who was crowned best actor.", [("Paddy Consido", "ORG")],
     [("Paddy Consido", "PERSON")], []),
    ('However, Linford Christo countered: "It is easy to criticise."', [("Linford Christo", "ORG")],
     [("Linford Christo", "PERSON")], []),
    # firms in a list, a club before "who", a body's head word, "said:" stay the model's
    ("Shares in Tarvo Holdings, Quell Mining and Brask Steel rose.",
     [("Tarvo Holdings", "ORG"), ("Quell Mining", "ORG"), ("Brask Steel", "ORG")],
     [("Quell Mining", "ORG")], []),
    ("Kelby Albion, who lost on Saturday, face Tarn Rovers.", [("Kelby Albion", "ORG"), ("Tarn Rovers", "ORG")],
     [("Kelby Albion", "ORG")], []),
    ("Talks with the Tamil Tigers, who want a state, failed.", [("Tamil Tigers", "ORG")], [("Tamil Tigers", "ORG")], []),
    ("It starts with Virgin Radio, who are keen on it.", [("Virgin Radio", "ORG")], [("Virgin Radio", "ORG")], []),
    ('Quellnet Digital said: "We will appeal."', [("Quellnet Digital", "ORG")], [("Quellnet Digital", "ORG")], []),
    ("Tarvo Brask, Anna Vale and Quell Mining signed.", [("Tarvo Brask", "ORG"), ("Anna Vale", "PERSON"),
                                                         ("Quell Mining", "ORG")],
     [("Tarvo Brask", "ORG")], []),
    # a first name alone in a list of people; a one-word firm's name in one is left alone
    ("Den died after being confronted by Zoe, Chrissie and Sam in the pub.",
     [("Zoe", "ORG"), ("Chrissie", "PERSON"), ("Sam", "PERSON")], [("Zoe", "PERSON")], []),
    ("He thanked Quellnet, Anna Vale and Tom Brisk.", [("Quellnet", "ORG"), ("Anna Vale", "PERSON"),
                                                       ("Tom Brisk", "PERSON")], [("Quellnet", "ORG")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent", PEOPLE)
def test_people_by_context(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


PARTIES = [
    ("The Scottish Conservative leader had insisted on it.", [("Scottish", "NORP")], [("Scottish Conservative", "NORP")],
     [("Scottish", "NORP")]),
    ("The Welsh Tories voted against it.", [("Welsh", "NORP")], [("Welsh Tories", "NORP")], []),
    ("A Scottish Labour Party spokesman said no.", [("Scottish", "NORP"), ("Labour Party", "ORG")],
     [("Scottish Labour Party", "ORG")], [("Scottish", "NORP")]),
    ("Scottish National Party Holyrood leader Ann Brisk spoke.",
     [("Scottish National Party Holyrood", "ORG"), ("Ann Brisk", "PERSON")],
     [("Scottish National Party", "ORG"), ("Holyrood", "GPE")], []),
    # a longer name, a nationality before a firm, a party's own name go on as the model had them
    ("The Scottish Conservative Party met.", [("Scottish Conservative Party", "ORG")],
     [("Scottish Conservative Party", "ORG")], []),
    ("The Scottish Power board met.", [("Scottish Power", "ORG")], [("Scottish Power", "ORG")], []),
    ("The Labour Party Conference opens today.", [("Labour Party Conference", "ORG")],
     [], [("Labour Party", "ORG")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", PARTIES)
def test_national_parties(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


PLACES = [
    ("He took advice from Holyrood officials.", [("Holyrood", "ORG")], [("Holyrood", "GPE")], []),
    ("A letter from Holyrood's Chamber Office came.", [("Holyrood", "ORG"), ("Chamber Office", "ORG")],
     [("Holyrood", "GPE"), ("Chamber Office", "ORG")], []),
    ("The Westminster City Council met.", [("Westminster City Council", "ORG")],
     [("Westminster City Council", "ORG")], []),
    ("It happened in Cuyo, a 50-family community with no power. Now Cuyo is no longer isolated.",
     [("Cuyo", "GPE"), ("Cuyo", "ORG")], [("Cuyo", "GPE")], [("Cuyo", "ORG")]),
    ("Tarnvik, a small fishing village, voted no. Tarnvik said so.", [("Tarnvik", "ORG"), ("Tarnvik", "ORG")],
     [("Tarnvik", "GPE")], [("Tarnvik", "ORG")]),
    # a community that is no place
    ("Quellnet, a community website, grew fast.", [("Quellnet", "ORG")], [("Quellnet", "ORG")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent", PLACES)
def test_places(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


FIRST_NAMES = [
    ("Nominees include Charlize Theron for Monster.", [("Theron", "PERSON"), ("Monster", "WORK_OF_ART")],
     [("Charlize Theron", "PERSON")], []),
    ("The award went to Kate Winslow on Sunday.", [("Winslow", "PERSON")], [("Kate Winslow", "PERSON")], []),
    # a common word, a title, a place or a run of capitalised words before the name stays out
    ("He said Sunday Brisk was late.", [("Brisk", "PERSON")], [("Brisk", "PERSON")], [("Sunday Brisk", "PERSON")]),
    ("They met President Vardy in Rome.", [("Vardy", "PERSON"), ("Rome", "GPE")], [("Vardy", "PERSON")],
     [("President Vardy", "PERSON")]),
    ("The London Vardy case ended.", [("Vardy", "PERSON")], [], [("London Vardy", "PERSON")]),
    ("The Tarnby Qxelo Vardy row grew.", [("Vardy", "PERSON")], [], [("Qxelo Vardy", "PERSON")]),
    ("It opens at Theatre Royal, Drury Lane next week.", [("Lane", "PERSON")], [], [("Drury Lane", "PERSON")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", FIRST_NAMES)
def test_missed_first_names(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


def _tagged(blank, text, ents, tags):
    """A blank Doc with hand-set entities (surface, label) and tags ({word: tag}; others NNP/VBD/DT...)."""
    doc = blank.make_doc(text)
    for tok in doc:
        tok.tag_ = tags.get(tok.text, "NNP" if tok.text[:1].isupper() else ("." if tok.is_punct else "NN"))
    spans, pos = [], 0
    for surface, label in ents:
        start = text.index(surface, pos)
        spans.append(doc.char_span(start, start + len(surface), label=label))
        pos = start + len(surface)
    doc.ents = spans
    return doc


SURNAMES_AS_PLURALS = [
    # (text, hand-set entities, tags, expected count of PERSON "Cates")
    ("Producer Gil Cates told reporters. Cates said the covers would go.", [("Gil Cates", "PERSON")],
     {"Cates": "NNS", "said": "VBD", "told": "VBD", "would": "MD", "go": "VB"}, 1),
    # no verb after the plural: a common noun, not the person
    ("Producer Gil Cates told reporters. Cates of the old kind are rare.", [("Gil Cates", "PERSON")],
     {"Cates": "NNS", "of": "IN", "told": "VBD", "are": "VBP"}, 0),
]


@pytest.mark.parametrize("text, ents, tags, count", SURNAMES_AS_PLURALS)
def test_surname_tagged_as_plural(blank, text, ents, tags, count):
    from extract.entities import ENTITY_LABELS, fix_entities

    found = [(s.text, s.label_) for s in fix_entities(_tagged(blank, text, ents, tags)) if s.label_ in ENTITY_LABELS]
    assert found.count(("Cates", "PERSON")) == count, found


def test_a_common_plural_is_no_surname(blank):
    from extract.entities import ENTITY_LABELS, fix_entities

    text = "The director Tom Party People spoke. People have ideas about it."
    doc = _tagged(blank, text, [("Tom Party People", "PERSON")], {"People": "NNS", "have": "VBP", "spoke": "VBD"})
    found = [(s.text, s.label_) for s in fix_entities(doc) if s.label_ in ENTITY_LABELS]
    assert ("People", "PERSON") not in found, found
