"""Titles of works and names of products (extract.entities.works): cues around a title, its
other mentions, well-known products, versions and product words.

Docs come from spacy.blank("en") with entities set by hand; every sentence and name is made up.
"""
from __future__ import annotations

import pytest

from extract.entities.rules import WORKS_FILE, validate_work_words
from extract.errors import ResourceError

W, P = "WORK_OF_ART", "PRODUCT"

# text, the model's entities (surface, label) in order, pairs that must be found, pairs that must not
TITLE_CUES = [
    # a word for a work, read again after the vote, and the title's other mentions
    ("The historical epic Marrowgate opened. Marrowgate lost money. Critics said Marrowgate was long.",
     [("Marrowgate", "PERSON"), ("Marrowgate", "PERSON"), ("Marrowgate", "PERSON")],
     [("Marrowgate", W)], [("Marrowgate", "PERSON")]),
    # a role phrase before the title
    ("She was praised for her performance in Tin Harbour Lights last year.", [],
     [("Tin Harbour Lights", W)], []),
    ("He starred in Quillon before he left for Rome.", [("Quillon", "PERSON"), ("Rome", "GPE")],
     [("Quillon", W), ("Rome", "GPE")], [("Quillon", "PERSON")]),
    ("Critics liked his role as Sam Dorley in Fenwick Road.", [("Sam Dorley", "PERSON")],
     [("Sam Dorley", "PERSON"), ("Fenwick Road", W)], []),
    ("She won for her performance in Girls Don't Wait.", [("Wait", "PRODUCT")],
     [("Girls Don't Wait", W)], [("Wait", "PRODUCT")]),
    # an award category before "for"
    ("Jo Marsh is tipped to win best actress for Glassmoor.", [("Jo Marsh", "PERSON"), ("Glassmoor", "PERSON")],
     [("Jo Marsh", "PERSON"), ("Glassmoor", W)], [("Glassmoor", "PERSON")]),
    # a work phrase before the title; a venue after "at" stays outside
    ("Fans queued for the sequel to Night Orchard.", [("Night Orchard", "ORG")], [("Night Orchard", W)], []),
    ("They attended the premiere of Dust Road at Carlow Hall.", [("Dust Road", "PERSON"), ("Carlow Hall", "FAC")],
     [("Dust Road", W), ("Carlow Hall", "FAC")], []),
    # the title keeps its leading article at a sentence start where the text has it
    ("It beat the drama The Lantern Keeper. The Lantern Keeper took $5m.",
     [("The Lantern Keeper", W), ("Lantern Keeper", "ORG")], [("The Lantern Keeper", W)], [("Lantern Keeper", "ORG")]),
    ("Crowds loved the comedy The Pell Sisters. Last week The Pell Sisters came second.",
     [("The Pell Sisters", W)], [("The Pell Sisters", W)], []),
]

APPOSITIONS = [
    # a word for a work, a comma and a title that ends at punctuation
    ("The band's new release, Quiet Hours, went to number one.", [("Quiet Hours", "PERSON")],
     [("Quiet Hours", W)], [("Quiet Hours", "PERSON")]),
    ("She sang their biggest hit, Copper Rain.", [], [("Copper Rain", W)], []),
    ("They played the follow-up, A Gift For Nobody, twice.", [], [("A Gift For Nobody", W)], []),
    # negatives: a clause after the comma, a courtesy title, a pronoun, a place, a plural word
    ("After the song, Kapranos said it was over.", [("Kapranos", "PERSON")], [("Kapranos", "PERSON")],
     [("Kapranos", W)]),
    ("It is a fine film, Mr Dams said.", [("Dams", "PERSON")], [("Dams", "PERSON")], [("Mr Dams", W)]),
    ("I loved the show, I admit.", [], [], [("I", W)]),
    ("They filmed the movie, Leeds.", [("Leeds", "GPE")], [("Leeds", "GPE")], [("Leeds", W)]),
    ("Sales of games, Tara Voss believes, will grow.", [("Tara Voss", "PERSON")], [("Tara Voss", "PERSON")], []),
]

TITLE_CUE_NEGATIVES = [
    # a place, a possessive owner, a person's full name, an author before a word for works
    ("He gave a fine performance in Leeds on Friday.", [("Leeds", "GPE")], [("Leeds", "GPE")], [("Leeds", W)]),
    ("She had a role in Varnell's campaign.", [("Varnell", "PERSON")], [("Varnell", "PERSON")], [("Varnell", W)]),
    ("It earned a best director nomination for Martin Quell.", [("Martin Quell", "PERSON")],
     [("Martin Quell", "PERSON")], [("Martin Quell", W)]),
    ("Ricky Sallow won. He took best actor for Sallow's team.", [("Ricky Sallow", "PERSON"), ("Sallow", "PERSON")],
     [("Sallow", "PERSON")], [("Sallow", W)]),
    ("The film adaptation of Kit Varley novels did well.", [("Kit Varley", "PERSON")],
     [("Kit Varley", "PERSON")], [("Kit Varley", W)]),
    # a surname of a person in the document is not taken for a one-word title after a role phrase
    ("Tom Brannagh spoke. The prize for best actor for Brannagh surprised few.",
     [("Tom Brannagh", "PERSON"), ("Brannagh", "PERSON")], [("Brannagh", "PERSON")], [("Brannagh", W)]),
    # a one-word title does not spread to a place or to a person's name
    ("The film Harlow flopped. Voters in Harlow were angry.", [("Harlow", "PERSON"), ("Harlow", "GPE")],
     [("Harlow", "GPE")], []),
    ("The epic Milo opened. Milo Brant starred. Milo said it was fun.",
     [("Milo", "PERSON"), ("Milo Brant", "PERSON"), ("Milo", "PERSON")], [("Milo Brant", "PERSON"), ("Milo", "PERSON")],
     []),
]

CREDITS = [
    ("Later Copperline director Ann Vosk said it was hard.", [("Copperline", "PERSON"), ("Ann Vosk", "PERSON")],
     [("Copperline", W), ("Ann Vosk", "PERSON")], [("Copperline", "PERSON")]),
    ("He met Dark Water Rising star Lee Carrow at the party.", [("Lee Carrow", "PERSON")],
     [("Dark Water Rising", W), ("Lee Carrow", "PERSON")], []),
    # the last title of a list before the credit word; capitalised words the model left off
    ("Tidewater, Blue Acre and Hollow Hill star Sam Rell won.", [("Sam Rell", "PERSON")],
     [("Hollow Hill", W), ("Sam Rell", "PERSON")], [("Blue Acre and Hollow Hill", W)]),
    ("The panel included Q Vault actress Mia Dunne.", [("Vault", "PERSON"), ("Mia Dunne", "PERSON")],
     [("Q Vault", W)], [("Vault", "PERSON")]),
]

CREDIT_NEGATIVES = [
    # a body the model missed before a word an organisation shares
    ("But Fair Deals Abroad director Sam Jukes disagreed.", [("Sam Jukes", "PERSON")], [("Sam Jukes", "PERSON")],
     [("Fair Deals Abroad", W), ("But Fair Deals Abroad", W)]),
    # a club, a place, a medium or genre word, a pronoun, a number before the title
    ("Then Chelsea star Frank Lampe scored.", [("Chelsea", "ORG"), ("Frank Lampe", "PERSON")],
     [("Chelsea", "ORG")], [("Chelsea", W)]),
    ("Then Hollywood star Dana Ross arrived.", [("Hollywood", "PERSON"), ("Dana Ross", "PERSON")], [],
     [("Hollywood", W)]),
    ("She met TV producer Alan Pike.", [("Alan Pike", "PERSON")], [], [("TV", W)]),
    ("Rap star Kel Oru signed.", [("Kel Oru", "PERSON")], [], [("Rap", W)]),
    ("Its star Anna Bell was tipped.", [("Anna Bell", "PERSON")], [("Anna Bell", "PERSON")], [("Its", W)]),
    ("The 21 Lamps actress Ada Quin spoke.", [("21", "CARDINAL"), ("Ada Quin", "PERSON")], [], [("Lamps", W)]),
]

PRODUCTS = [
    # well-known products, where the model gave another label or missed them
    ("It runs on Windows and Linux only.", [("Windows", "NORP"), ("Linux", "ORG")],
     [("Windows", P), ("Linux", P)], [("Windows", "NORP")]),
    ("Sales of the Walkman and the PlayStation Portable rose.", [], [("Walkman", P), ("PlayStation Portable", P)], []),
    # a version number; the bare name the model read as its maker is then a PRODUCT
    ("Net users can get Gixo 3.5 now. Gixo is free to download.", [("Gixo 3.5", "ORG"), ("Gixo", "ORG")],
     [("Gixo 3.5", P), ("Gixo", P)], [("Gixo", "ORG")]),
    ("They released Fennel 2.1 today.", [("Fennel", "ORG")], [("Fennel 2.1", P)], []),
    ("The Zenbox 2 will arrive in May.", [("Zenbox", P)], [("Zenbox 2", P)], []),
    ("Sony will ship the iPod Mini rival soon.", [("Sony", "ORG")], [("iPod Mini", P), ("Sony", "ORG")], []),
    # a product word before the name
    ("Users of the web browser Quillfox, a rival, agreed.", [("Quillfox", "ORG")], [("Quillfox", P)], []),
    ("It sold the handheld Zubo console for $99.", [("Zubo", "PERSON")], [("Zubo", P)], []),
]

PRODUCT_NEGATIVES = [
    # a count after a product is no version
    ("The Zenbox 2 games sold out.", [("Zenbox", P)], [("Zenbox", P)], [("Zenbox 2", P)]),
    # the firm's spokeswoman: the bare name stays the company
    ("Gixo 3.5 ships today, said Gixo spokeswoman Ann Lee.", [("Gixo 3.5", "ORG"), ("Gixo", "ORG"), ("Ann Lee", "PERSON")],
     [("Gixo 3.5", P), ("Gixo", "ORG")], [("Gixo", P)]),
    # a name followed by a verb after a product word is the subject, not the product's name
    ("It uses the software Microsoft owns.", [("Microsoft", "ORG")], [("Microsoft", "ORG")], [("Microsoft", P)]),
    # lower case is no name
    ("They cleaned the windows and the walkman.", [], [], [("windows", P)]),
]


@pytest.mark.parametrize("text,ents,wanted,unwanted", TITLE_CUES + APPOSITIONS + TITLE_CUE_NEGATIVES)
def test_title_cues(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


@pytest.mark.parametrize("text,ents,wanted,unwanted", CREDITS + CREDIT_NEGATIVES)
def test_credited_titles(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


@pytest.mark.parametrize("text,ents,wanted,unwanted", PRODUCTS + PRODUCT_NEGATIVES)
def test_products(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


def test_work_words_are_validated():
    with pytest.raises(ResourceError, match=WORKS_FILE):
        validate_work_words({"title_cue_in": ["role in"]})
    words = validate_work_words()
    bad = {key: sorted(getattr(words, key)) for key in ("award_roles", "award_grades", "crew_words", "not_titles",
                                                        "version_after", "title_cue_comma", "crew_words_shared")}
    bad = {key: [" ".join(e) if isinstance(e, tuple) else e for e in v] for key, v in bad.items()}
    data = {**bad, "title_cue_in": ["Role In"], "title_cue_of": ["sequel to"], "known_products": ["Windows"],
            "product_words_before": ["browser"]}
    with pytest.raises(ResourceError, match="lower-case"):
        validate_work_words(data)
    assert ("performance", "in") in words.title_cue_in and ("Windows",) in words.known_products
