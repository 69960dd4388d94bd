"""Entity rules: the fix-ups and patterns of extract.entities on sentences written for them.

Texts are given as the cleaner leaves them (no line-break hyphens, single spaces,
paragraphs separated by a blank line, letter-spaced runs read as words).
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extract.entities import COLUMNS, ENTITY_LABELS, build_matcher, find_entities, fix_entities, load_rules
from extract.entities.rules import validate_patterns, validate_words
from extract.errors import ResourceError
from extract.resources import read_json


@pytest.fixture(scope="session")
def ent_nlp():
    """The model and the entity component only (no dates, quantities, quotes)."""
    from extract.pipeline import build_pipeline

    return build_pipeline(extractors=["entities"])


def ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents if e.label_ in ENTITY_LABELS]


# text -> entities that must be found (text, label), and surface strings that must not be an entity
CASES = [
    # possessive outside, curly and straight apostrophes
    ("Zhejiang’s government leaders want growth.", [("Zhejiang", "GPE")], ["Zhejiang’s"]),
    ("Krein’s team is also developing a platform.", [("Krein", "PERSON")], ["Krein’s"]),
    ("He criticised Michael Howard's record on crime.", [("Michael Howard", "PERSON")], ["Michael Howard's"]),
    ("It was Wesley Snipes' film that came third.", [("Wesley Snipes", "PERSON")], ["Wesley Snipes'"]),
    ("Tan-Mullins’s students come from China.", [("Tan-Mullins", "PERSON")], ["Tan-Mullins’s"]),
    # leading "the" outside unless part of the name
    ("Krein moved there from the United States in 2016.", [("United States", "GPE")], ["the United States"]),
    ("It includes the University of Edinburgh, UK.", [("University of Edinburgh", "ORG")],
     ["the University of Edinburgh"]),
    ("The European Commission is being pragmatic.", [("European Commission", "ORG")],
     ["The European Commission"]),
    ("The court sits in The Hague.", [("The Hague", "GPE")], ["Hague"]),
    ("Reports in the Wall Street Journal and the Financial Times suggested a deal.",
     [("Wall Street Journal", "ORG"), ("Financial Times", "ORG")], ["the Financial Times"]),
    ("Hangzhou hosted the first Group of 20 (G20) meeting.", [("Group of 20", "ORG"), ("G20", "ORG")],
     ["the first Group of 20", "first Group of 20"]),
    # "X province" -> the place
    ("The caption shows Yiwu, in Zhejiang province.", [("Zhejiang", "GPE")], ["Zhejiang province"]),
    # titles and roles outside
    ("After the meeting, Mr Fox said he was pleased.", [("Fox", "PERSON")], ["Mr Fox"]),
    ("But Ms Kelly said she would not trust him.", [("Kelly", "PERSON")], ["Ms Kelly"]),
    ("The research director Dr Alastair Sibbald spoke.", [("Alastair Sibbald", "PERSON")],
     ["Dr Alastair Sibbald"]),
    ("Scientist Yong Wang returned to China in 2012.", [("Yong Wang", "PERSON")], ["Scientist Yong Wang"]),
    ("Lib Dem MP Lembit Opik said ministers had invented a new crime.", [("Lembit Opik", "PERSON")],
     ["Lib Dem MP Lembit Opik"]),
    ("Masai's fellow Kenyan Alice Timbilil finished third.", [("Alice Timbilil", "PERSON"), ("Kenyan", "NORP")],
     ["Kenyan Alice Timbilil"]),
    ("The arson attacks were blamed on Welsh extremists.", [], [("Welsh", "PERSON")]),
    ("Singer Gary Player met Luca di Montezemolo.", [("Gary Player", "PERSON"), ("Luca di Montezemolo", "PERSON")], []),
    # a lower-case word inside a person splits it
    ("Anthony became Lopez's third husband in June.", [("Anthony", "PERSON"), ("Lopez", "PERSON")],
     ["Anthony became Lopez"]),
    ("The Bishop of Durham, the Rt Rev Dr Tom Wright, described it.", [("Tom Wright", "PERSON")],
     ["Rt Rev Dr", "Dr", "the Rt Rev Dr"]),
    ("Archbishop Desmond Tutu spoke.", [("Desmond Tutu", "PERSON")], ["Archbishop Desmond Tutu"]),
    # a function word is not the first name
    ("Both Hu and Xu see a bright future.", [("Hu", "PERSON"), ("Xu", "PERSON")], ["Both Hu"]),
    # apostrophe surnames and particles
    ("Sarah O’Meara is a writer in Shanghai.", [("Sarah O’Meara", "PERSON"), ("Shanghai", "GPE")], ["Sarah"]),
    ("The talk was given by Jan van der Berg last week.", [("Jan van der Berg", "PERSON")], []),
    # bylines alone on their line, mixed case and capitals
    ("By Sarah O’Meara\n\nEvery weekend, busloads of tourists arrive.", [("Sarah O’Meara", "PERSON")],
     ["By Sarah O’Meara"]),
    ("BY SARAH O’MEARA\n\nEvery weekend, busloads of tourists arrive.", [("SARAH O’MEARA", "PERSON")],
     ["BY SARAH O’MEARA"]),
    ("BY JOHN SMITH\n\nThe market fell sharply on Monday.", [("JOHN SMITH", "PERSON")], []),
    # initials belong to the name
    ("The squad: R Lamont (Glasgow), D Parks (Glasgow).", [("R Lamont", "PERSON"), ("D Parks", "PERSON")], []),
    # organisation names split by the model are merged; events named as such
    ("Visitors watch a robot during the 2015 China Yiwu International Manufacturing Equipment Expo "
     "& China Intelligent Expo in Yiwu.",
     [("China Yiwu International Manufacturing Equipment Expo & China Intelligent Expo", "EVENT")], []),
    # a surname of a person named in full is that person later in the document
    ("Materials scientist Yong Wang returned in 2012. Wang remains optimistic.",
     [("Yong Wang", "PERSON"), ("Wang", "PERSON")], []),
    # a place named alone elsewhere keeps its label where the model missed it
    ("Shipping made the region rich. Zhejiang’s leaders want more. Investment in Zhejiang grew.",
     [("Zhejiang", "GPE")], []),
    # scores and unclosed brackets are not part of a name
    ("Jan Hernych of the Czech Republic lost 7-5 6-3 to Kim.", [("Czech Republic", "GPE")], []),
    ("The move by the Transport and General Workers Union (TGWU) was welcomed by the TGWU. "
     "The TGWU said so.", [("Transport and General Workers Union", "ORG")],
     ["Transport and General Workers Union (TGWU"]),
    # particles and initials before a surname named twice elsewhere
    ("The side: R de Marigny, A Jones, M Owen. Later Marigny and Jones scored. Marigny said so.",
     [("R de Marigny", "PERSON")], []),
    # a legislature is not an event
    ("The budget was presented to the US Congress on Monday.", [("US Congress", "ORG")], []),
    # coordinated names are separate spans
    ("What about Britpop? Blur, Oasis, Suede, Pulp... not only that.", [], ["Blur, Oasis"]),
    # a name cut after "and" is joined to the rest; no name ends with "and"
    ("An independent tribunal of the Greek Track and Field Federation met.",
     [("Greek Track and Field Federation", "ORG")], ["Greek Track and", "Greek Track"]),
    ("Trade between China and Japan grew.", [("China", "GPE"), ("Japan", "GPE")], ["China and Japan"]),
    # names of laws and events by their last word
    ("Under the US Foreign Corrupt Practices Act, the firm paid.",
     [("US Foreign Corrupt Practices Act", "LAW")], []),
    ("According to figures from the Ministry of Economy, Trade and Industry, output rose.",
     [("Ministry of Economy, Trade and Industry", "ORG")], ["Ministry of Economy"]),
    # regions are LOC
    ("It trades with Asia, Europe and East Africa.", [("East Africa", "LOC")], []),
    # no name without a capital letter, nothing across a paragraph break
    ("Weak end-of-year sales hit Next\n\nNext has said its profit will fall.", [("Next", "ORG")], ["Next\n\nNext"]),
]


@pytest.mark.parametrize("text, expected, absent", CASES, ids=[c[0][:40] for c in CASES])
def test_entity_rules(ent_nlp, text, expected, absent):
    found = ents(ent_nlp, text)
    for item in expected:
        assert item in found, f"{item} not in {found}"
    texts = {t for t, _ in found}
    for bad in absent:  # a surface string, or a (text, label) pair
        assert (bad not in found) if isinstance(bad, tuple) else (bad not in texts), f"{bad!r} in {found}"


# negatives: text -> surface strings that must NOT be entities (rules must not fire)
NEGATIVES = [
    # a one-word organisation label is not spread (song titles, worms): "Angels" stays as the model had it
    ("Robbie Williams' Angels won. Angels is a great song. I like Angels by Robbie Williams.", []),
    ("By 2049 the country plans to be a world-leading power.", ["2049"]),
    ("By Friday, the deal was done.", ["Friday"]),
    ("He went by train to Hangzhou.", ["train"]),
    ("BIG PICTURE\n\nKrein says that the clear focus is on research.", ["BIG PICTURE"]),
    ("The sound of a buzzing bee jumps from left to right.", ["bee"]),
]


@pytest.mark.parametrize("text, absent", NEGATIVES, ids=[c[0][:40] for c in NEGATIVES])
def test_rules_do_not_fire(ent_nlp, text, absent):
    people = [e for e in ent_nlp(text).ents if e.label_ == "PERSON"]
    texts = {t for t, _ in ents(ent_nlp, text)}
    for bad in absent:
        assert bad not in texts
    if text.startswith("By "):
        assert not people


def test_spans_are_clean_and_other_labels_kept(ent_nlp):
    text = ("“Academic institutions are extremely important and valued in China,” he says. "
            "Krein moved there from the United States in 2016, and the Zhejiang University’s "
            "campus opened in 2017 (with 20,000 researchers).\n\nThe caption: Zhejiang province.")
    doc = ent_nlp(text)
    labels = {e.label_ for e in doc.ents}
    assert "DATE" in labels  # the dates component reads the model's DATE spans from doc.ents
    for e in doc.ents:
        assert e.text == e.text.strip()
        assert "\n" not in e.text
        if e.label_ in ENTITY_LABELS:
            assert not e[-1].is_punct and e[-1].text not in {"’s", "'s", "’", "'"}
            assert e[0].lower_ != "the"


def _handmade(words, tags, ents, spaces=None):
    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, ents=ents)


def test_fix_entities_without_a_model():
    # the pure function works on any Doc with tags and entities
    words = ["He", "met", "the", "first", "Group", "of", "20", "’s", "chair", "in", "Zhejiang", "province", "."]
    tags = ["PRP", "VBD", "DT", "JJ", "NNP", "IN", "CD", "POS", "NN", "IN", "NNP", "NN", "."]
    ents_iob = ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "B-GPE", "I-GPE", "O"]
    doc = _handmade(words, tags, ents_iob)
    spans = fix_entities(doc)
    assert [(s.text, s.label_, s.id_) for s in spans] == [
        ("Group of 20", "ORG", "fix:trim"), ("Zhejiang", "GPE", "fix:trim")]


def test_find_entities_records(ent_nlp):
    doc = ent_nlp("Zhejiang’s leaders met. Then Philip Krein spoke in Hangzhou.")
    records = find_entities(doc)
    assert set(COLUMNS) - {"doc_id"} == set(records[0])
    assert [(r["text"], r["label"], r["sentence_id"]) for r in records] == [
        ("Zhejiang", "GPE", 0), ("Philip Krein", "PERSON", 1), ("Hangzhou", "GPE", 1)]
    for r in records:
        assert doc.text[r["start_char"]:r["end_char"]] == r["text"]


def test_package_data_is_valid():
    rules = load_rules()
    assert rules.patterns and "Mr" in rules.titles


def test_bad_pattern_key_is_named():
    with pytest.raises(ResourceError, match="record 1: unknown key 'lable'"):
        validate_patterns([{"id": "x", "lable": "PERSON", "pattern": [{"TEXT": "A"}]}])
    with pytest.raises(ResourceError, match="record 1.label: 'PERSONS' is not allowed; allowed: PERSON, NORP"):
        validate_patterns([{"id": "x", "label": "PERSONS", "pattern": [{"TEXT": "A"}]}])
    with pytest.raises(ResourceError, match="'line_middle' is not allowed; allowed: line_start, line_end"):
        validate_patterns([{"id": "x", "label": "PERSON", "pattern": [{"TEXT": "A"}],
                             "require": ["line_middle"]}])


def test_bad_word_list_is_named():
    data = dict(read_json("entity_words.json"))
    data["titels"] = ["Mr"]
    with pytest.raises(ResourceError, match="unknown key 'titels'"):
        validate_words(data)
    data = dict(read_json("entity_words.json"))
    data["titles"] = "Mr"
    with pytest.raises(ResourceError, match="titles: expected a list of strings, got a string"):
        validate_words(data)


def test_byline_keeps_the_date_of_the_next_paragraph(ent_nlp):
    doc = ent_nlp("By Sarah O’Meara\n\nEvery weekend, busloads of tourists arrive.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Sarah O’Meara", "PERSON"), ("Every weekend", "DATE")]


def test_no_surname_from_a_name_also_labelled_otherwise():
    # the model labels "Gordon Brown" PERSON once and GPE once: "Brown" is no surname
    words = ["Gordon", "Brown", "won", ".", "Gordon", "Brown", "lost", ".", "Brown", "wept", "."]
    tags = ["NNP", "NNP", "VBD", ".", "NNP", "NNP", "VBD", ".", "NNP", "VBD", "."]
    iob = ["B-PERSON", "I-PERSON", "O", "O", "B-GPE", "I-GPE", "O", "O", "B-ORG", "O", "O"]
    spans = fix_entities(_handmade(words, tags, iob))
    assert ("Brown", "PERSON") not in [(s.text, s.label_) for s in spans]
    # and with one label, the lone surname becomes the person
    iob = ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O"]
    spans = fix_entities(_handmade(words, tags, iob))
    assert ("Brown", "PERSON") in [(s.text, s.label_) for s in spans]


def test_a_club_is_no_person():
    # "Manchester United" as PERSON: the club head makes an ORG, and "United" alone follows
    words = ["Manchester", "United", "won", ".", "Manchester", "United", "lost", ".", "United", "wept", "."]
    tags = ["NNP", "NNP", "VBD", ".", "NNP", "NNP", "VBD", ".", "NNP", "VBD", "."]
    iob = ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O"]
    spans = fix_entities(_handmade(words, tags, iob))
    assert [(s.text, s.label_) for s in spans] == [("Manchester United", "ORG")] * 2 + [("United", "ORG")]


def test_bad_matcher_pattern_is_named():
    from dataclasses import replace

    from spacy.vocab import Vocab

    rules = replace(load_rules(), patterns=({"id": "broken", "label": "PERSON", "pattern": [{"BOGUS": 1}],
                                             "keep": (0, None), "require": ()},))
    with pytest.raises(ResourceError, match="pattern 'broken' is not a valid spaCy Matcher pattern"):
        build_matcher(Vocab(), rules)


def test_rules_in_the_full_pipeline(nlp):
    # the conftest pipeline (all components): the entity rules reach doc.ents and the dates
    # component still finds the date the model put next to the byline
    doc = nlp("By Sarah O’Meara\n\nEvery weekend, Zhejiang’s tourists arrive.")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ in ENTITY_LABELS] == [
        ("Sarah O’Meara", "PERSON"), ("Zhejiang", "GPE")]
    assert "extract_entities" in nlp.pipe_names
    assert nlp.pipe_names.index("extract_entities") == nlp.pipe_names.index("ner") + 1


# context cues overrule the model's label, and the name takes the new label at its other mentions
def _cue_doc(words, tags, ents_iob, spaces=None):
    return [(s.text, s.label_, s.id_) for s in fix_entities(_handmade(words, tags, ents_iob, spaces))
            if s.label_ in ENTITY_LABELS]


def test_cue_town_of_makes_a_place():
    words = ["Jobs", "go", "in", "the", "town", "of", "Widnes", ".", "Widnes", "lost", "."]
    tags = ["NNS", "VBP", "IN", "DT", "NN", "IN", "NNP", ".", "NNP", "VBD", "."]
    iob = ["O", "O", "O", "O", "O", "O", "B-ORG", "O", "B-ORG", "O", "O"]
    assert _cue_doc(words, tags, iob) == [("Widnes", "GPE", "fix:context"), ("Widnes", "GPE", "fix:context")]
    # "the head of X" is no place cue; "in the town of" leaves a GPE or a NORP alone
    words[4] = "head"
    assert _cue_doc(words, tags, iob) == [("Widnes", "ORG", ""), ("Widnes", "ORG", "")]


def test_cue_x_based_makes_a_place():
    words = ["A", "Widnes", "-", "based", "firm", "hired", "Widnes", "staff", "."]
    tags = ["DT", "NNP", "HYPH", "VBN", "NN", "VBD", "NNP", "NNS", "."]
    spaces = [True, False, False, True, True, True, True, False, False]
    iob = ["O", "B-PERSON", "O", "O", "O", "O", "B-ORG", "O", "O"]
    assert _cue_doc(words, tags, iob, spaces) == [("Widnes", "GPE", "fix:context"), ("Widnes", "GPE", "fix:context")]
    # a hyphen with spaces around it is a dash, not "X-based"
    spaces = [True, True, True, True, True, True, True, False, False]
    assert _cue_doc(words, tags, iob, spaces) == [("Widnes", "PERSON", ""), ("Widnes", "ORG", "")]


@pytest.mark.parametrize("words, tags, iob", [
    (["He", "sold", "shares", "in", "Bosch", "."], ["PRP", "VBD", "NNS", "IN", "NNP", "."],
     ["O", "O", "O", "O", "B-PERSON", "O"]),
    (["Bosch", "shares", "fell", "."], ["NNP", "NNS", "VBD", "."], ["B-PERSON", "O", "O", "O"]),
    (["The", "engineering", "firm", "Bosch", "grew", "."], ["DT", "NN", "NN", "NNP", "VBD", "."],
     ["O", "O", "O", "B-PERSON", "O", "O"]),
    (["Bosch", "Ltd", "grew", "."], ["NNP", "NNP", "VBD", "."], ["B-PERSON", "O", "O", "O"]),
], ids=["shares in X", "X shares", "firm X", "X Ltd"])
def test_cue_makes_an_org_and_spreads(words, tags, iob):
    # the other mention, labelled PERSON by the model, follows; an unlabelled one is found
    words = words + ["Bosch", "said", "so", ".", "Later", "Bosch", "agreed", "."]
    tags = tags + ["NNP", "VBD", "RB", ".", "RB", "NNP", "VBD", "."]
    iob = iob + ["B-PERSON", "O", "O", "O", "O", "O", "O", "O"]
    found = _cue_doc(words, tags, iob)
    assert [(t, l) for t, l, _ in found] == [("Bosch", "ORG")] * 3
    assert found[-1][2] == "fix:propagate"


@pytest.mark.parametrize("words, tags, iob", [
    # a person saying "it", a person who makes games: no ORG cue
    (["Tony", "Blair", "said", "it", "was", "time", "."], ["NNP", "NNP", "VBD", "PRP", "VBD", "NN", "."],
     ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"]),
    (["Games", "maker", "Peter", "Molyneux", "won", "."], ["NNS", "NN", "NNP", "NNP", "VBD", "."],
     ["O", "O", "B-PERSON", "I-PERSON", "O", "O"]),
    # "UK shares": a place's shares; the cue never overrules a GPE
    (["UK", "shares", "rose", "."], ["NNP", "NNS", "VBD", "."], ["B-GPE", "O", "O", "O"]),
    # a console maker is a company, a nationality stays a NORP
    (["The", "Sony", "console", "and", "Japanese", "console", "makers", "."],
     ["DT", "NNP", "NN", "CC", "JJ", "NN", "NNS", "."], ["O", "B-ORG", "O", "O", "B-NORP", "O", "O", "O"]),
], ids=["said it", "maker X", "UK shares", "Sony console"])
def test_cue_does_not_fire(words, tags, iob):
    found = _cue_doc(words, tags, iob)
    assert all(reason != "fix:context" for _, _, reason in found), found


def test_cue_makes_a_product_and_spreads():
    words = ["The", "Xbox", "console", "sold", ".", "Xbox", "games", "and", "Windows", "viruses", "."]
    tags = ["DT", "NNP", "NN", "VBD", ".", "NNP", "NNS", "CC", "NNP", "NNS", "."]
    iob = ["O", "B-PERSON", "O", "O", "O", "B-LOC", "O", "O", "B-NORP", "O", "O"]
    assert [(t, l) for t, l, _ in _cue_doc(words, tags, iob)] == [
        ("Xbox", "PRODUCT"), ("Xbox", "PRODUCT"), ("Windows", "PRODUCT")]


def test_cues_that_disagree_change_nothing():
    words = ["He", "has", "shares", "in", "Widnes", "and", "lives", "in", "the", "town", "of", "Widnes", "."]
    tags = ["PRP", "VBZ", "NNS", "IN", "NNP", "CC", "VBZ", "IN", "DT", "NN", "IN", "NNP", "."]
    iob = ["O", "O", "O", "O", "B-PERSON", "O", "O", "O", "O", "O", "O", "B-ORG", "O"]
    assert _cue_doc(words, tags, iob) == [("Widnes", "PERSON", ""), ("Widnes", "ORG", "")]


def test_cue_in_the_full_model(ent_nlp):
    found = ents(ent_nlp, "Telecoms equipment supplier Ericsson has posted a rise in profits. "
                          "Ericsson said sales of its networks were strong.")
    assert ("Ericsson", "PERSON") not in found
    assert ("Ericsson", "ORG") in found


@pytest.mark.parametrize("row, message", [
    ({"id": "x", "label": "PERSON", "pattern": [{"TEXT": "A"}], "keep": [1]}, r"record 1.keep: 'keep' must be \[start, end\]"),
    ({"id": "x", "label": "PERSON", "pattern": [{"TEXT": "A"}], "keep": [1, "end"]}, r"record 1.keep\[1\]: expected"),
    ({"id": "x", "label": "PERSON", "pattern": []}, "record 1.pattern: the list is empty"),
    ({"label": "PERSON", "pattern": [{"TEXT": "A"}]}, "record 1: missing key 'id'"),
], ids=["keep length", "keep type", "empty pattern", "no id"])
def test_bad_pattern_shape_is_named(row, message):
    with pytest.raises(ResourceError, match=message):
        validate_patterns([row])
