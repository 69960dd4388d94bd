"""Round 12: programmes, films and other works named with no quote marks
(:mod:`extract.entities.works.programmes`, word lists in ``resources/entity_works.json``).
Sentences written for these tests; the rules run on ``spacy.blank("en")`` with hand-set entities
(``labels_hold``)."""
from __future__ import annotations

import pytest

from extract.entities.rules import load_rules, validate_work_words
from extract.entities.works.programmes import owned_programmes
from extract.errors import ResourceError

BRACKETED = [
    # a name right before a bracket holding only broadcasters is a programme
    ("Viewers also liked Harbour Lane (BBC One) and Kettle Nights (Channel 4).",
     [("Harbour Lane", "PERSON"), ("BBC One", "ORG"), ("Kettle Nights", "ORG"), ("Channel 4", "ORG")],
     [("Harbour Lane", "WORK_OF_ART"), ("Kettle Nights", "WORK_OF_ART"), ("BBC One", "ORG")], []),
    ("Fans of Tarn Street (ITV1/Sky One) were upset.", [("Tarn Street", "PERSON")],
     [("Tarn Street", "WORK_OF_ART")], [("Tarn Street", "PERSON")]),
    ("He starred with Ann Lee from The Glass Kettle (BBC Three), who won.",
     [("Ann Lee", "PERSON"), ("Glass Kettle", "ORG"), ("BBC Three", "ORG")],
     [("The Glass Kettle", "WORK_OF_ART"), ("Ann Lee", "PERSON")], []),
    # not a person the article names by the last word alone, a place, nor before another bracket
    ("Jeremy Vardle (BBC Two) asked the questions. Vardle said little.",
     [("Jeremy Vardle", "PERSON"), ("BBC Two", "ORG"), ("Vardle", "PERSON")],
     [("Jeremy Vardle", "PERSON")], [("Jeremy Vardle", "WORK_OF_ART")]),
    ("Viewers in Leeds (BBC One) complained.", [("Leeds", "GPE"), ("BBC One", "ORG")], [("Leeds", "GPE")],
     [("Leeds", "WORK_OF_ART")]),
    ("Harbour Lane (Tarn Productions) was sold.", [("Harbour Lane", "ORG"), ("Tarn Productions", "ORG")], [],
     [("Harbour Lane", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", BRACKETED)
def test_round12_name_before_bracketed_broadcaster(labels_hold, text, ents, expected, absent):
    """"Jonathan Creek (BBC One)": a name before a broadcaster in brackets is a WORK_OF_ART; not a
    person named by a surname alone elsewhere, a place, nor before a bracket with no broadcaster."""
    labels_hold(text, ents, expected, absent)


BROADCASTER_LISTS = [
    ("It beat ITV1 shows Harbour Lane and Kettle Nights to the prize.",
     [("ITV1", "ORG"), ("Harbour Lane", "PERSON"), ("Kettle Nights", "PERSON")],
     [("Harbour Lane", "WORK_OF_ART"), ("Kettle Nights", "WORK_OF_ART")], []),
    ("It will face the BBC One show Tarn Street on Saturday.", [("BBC One", "ORG"), ("Tarn Street", "ORG"), ("Saturday", "DATE")],
     [("Tarn Street", "WORK_OF_ART")], [("Tarn Street", "ORG")]),
    ("The soap beat fellow ITV1 show Glass Hour and Channel 4's Brenmouth Lane to win.",
     [("ITV1", "ORG"), ("Glass Hour", "PERSON"), ("Channel 4", "ORG"), ("Brenmouth Lane", "FAC")],
     [("Glass Hour", "WORK_OF_ART")], [("Glass Hour", "PERSON")]),
    ("Channel 4 dramas Kettle Road, Night Orchard and Glass Hour were nominated.",
     [("Channel 4", "ORG"), ("Kettle Road", "FAC"), ("Night Orchard", "ORG"), ("Glass Hour", "PERSON")],
     [("Night Orchard", "WORK_OF_ART"), ("Glass Hour", "WORK_OF_ART")], []),
    # a person's full name after "shows" (maybe a verb), a place: none
    ("ITV1 shows Tom Vardy on the sofa.", [("ITV1", "ORG"), ("Tom Vardy", "PERSON")], [("Tom Vardy", "PERSON")],
     [("Tom Vardy", "WORK_OF_ART")]),
    ("Sky shows Leeds in the final.", [("Sky", "ORG"), ("Leeds", "GPE")], [("Leeds", "GPE")],
     [("Leeds", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", BROADCASTER_LISTS)
def test_round12_titles_after_broadcaster_and_programme_noun(labels_hold, text, ents, expected, absent):
    """"ITV1 shows Doc Martin and Life Begins": titles listed after a broadcaster and a word for its
    programmes are WORK_OF_ART; a person's full name after "shows" or a place is not."""
    labels_hold(text, ents, expected, absent)


CREDITS = [
    # "creator of X", "star of X": the title after it, over an organisation too
    ("The award went to Tom Vardy, creator of The Kettles, on Friday.",
     [("Tom Vardy", "PERSON"), ("Kettles", "ORG"), ("Friday", "DATE")], [("The Kettles", "WORK_OF_ART")], []),
    ("She is the star of Glass Harbour, which opens soon.", [("Glass Harbour", "PERSON")],
     [("Glass Harbour", "WORK_OF_ART")], []),
    ("The co-writer of Tarn Street Blues spoke.", [], [("Tarn Street Blues", "WORK_OF_ART")], []),
    # not an owner before a possessive, a place, a club, a person's full name, an author before a work noun
    ("He was the star of Ireland's win.", [("Ireland", "GPE")], [("Ireland", "GPE")], [("Ireland", "WORK_OF_ART")]),
    ("He was the star of Brenmouth Rovers last season.", [("Brenmouth Rovers", "ORG")],
     [("Brenmouth Rovers", "ORG")], [("Brenmouth Rovers", "WORK_OF_ART")]),
    ("She is the co-star of Tom Vardy.", [("Tom Vardy", "PERSON")], [("Tom Vardy", "PERSON")],
     [("Tom Vardy", "WORK_OF_ART")]),
    ("He is the writer of the Quellnet report.", [("Quellnet", "ORG")], [("Quellnet", "ORG")],
     [("Quellnet", "WORK_OF_ART")]),
    # "X creator Y", "X co-writer Y": the title before it, over an organisation too
    ("The prize went to Tarn Street creator Ann Vosk on Friday.",
     [("Tarn Street", "ORG"), ("Ann Vosk", "PERSON"), ("Friday", "DATE")], [("Tarn Street", "WORK_OF_ART")], []),
    ("He thanked the Glass Hour co-writer Tom Vardy.", [("Glass Hour", "ORG"), ("Tom Vardy", "PERSON")],
     [("Glass Hour", "WORK_OF_ART"), ("Tom Vardy", "PERSON")], []),
    ("Kettle Lane, Tarn Street and Glass Hour creator Ann Vosk got an award.", [("Ann Vosk", "PERSON")],
     [("Glass Hour", "WORK_OF_ART")], [("Tarn Street and Glass Hour", "WORK_OF_ART")]),
    # not a person's full name, a medium, a place
    ("He joined Tom Vardy co-writer Ann Vosk.", [("Tom Vardy", "PERSON"), ("Ann Vosk", "PERSON")],
     [("Tom Vardy", "PERSON")], [("Tom Vardy", "WORK_OF_ART")]),
    ("The BBC TV creator Ann Vosk spoke.", [("BBC", "ORG"), ("Ann Vosk", "PERSON")], [("BBC", "ORG")],
     [("BBC TV", "WORK_OF_ART")]),
    ("Then Leeds creator Ann Vosk spoke.", [("Leeds", "GPE"), ("Ann Vosk", "PERSON")], [("Leeds", "GPE")],
     [("Leeds", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", CREDITS)
def test_round12_titles_of_creators_and_stars(labels_hold, text, ents, expected, absent):
    """"creator of The Simpsons", "The Office creator Ricky Gervais": the title is a WORK_OF_ART,
    over an organisation the model found; a place, a club, a person, an owner is not."""
    labels_hold(text, ents, expected, absent)


BEST = [
    ("Glass Hour was named Britain's best new TV comedy.", [("Glass Hour", "ORG"), ("Britain", "GPE")],
     [("Glass Hour", "WORK_OF_ART"), ("Britain", "GPE")], []),
    ("And Tarn Street was voted best comedy film, beating the rest.", [],
     [("Tarn Street", "WORK_OF_ART")], []),
    ("But Harbour Lane won best TV comedy drama over the rest.", [("Harbour Lane", "PERSON")],
     [("Harbour Lane", "WORK_OF_ART")], []),
    ("Kettle Nights has been named best documentary of the year.", [("Kettle Nights", "ORG")],
     [("Kettle Nights", "WORK_OF_ART")], []),
    # a band or singer wins "best album"; a full name; a noun that is no head ("best film award")
    ("Then Brenmouth won best British album.", [("Brenmouth", "PERSON"), ("British", "NORP")],
     [("Brenmouth", "PERSON")], [("Brenmouth", "WORK_OF_ART")]),
    ("Then Tom Vardy won best film.", [("Tom Vardy", "PERSON")], [("Tom Vardy", "PERSON")],
     [("Tom Vardy", "WORK_OF_ART")]),
    ("Then Kettle Lane won the best film award.", [("Kettle Lane", "PERSON")], [("Kettle Lane", "PERSON")],
     [("Kettle Lane", "WORK_OF_ART")]),
    ("Then Kettle Lane was named best actress for her role.", [("Kettle Lane", "PERSON")],
     [("Kettle Lane", "PERSON")], [("Kettle Lane", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", BEST)
def test_round12_names_named_or_winning_best_work(labels_hold, text, ents, expected, absent):
    """"X was named best comedy", "X won best drama": X is a WORK_OF_ART; not after "won best
    album" (a band), not a person's full name, not before "award" or a role."""
    labels_hold(text, ents, expected, absent)


PREDICATES = [
    ("Glass Hour has become one of TV Tarnia's most watched programmes.", [("Glass Hour", "ORG")],
     [("Glass Hour", "WORK_OF_ART")], []),
    ("Tarn Street is a new ITV drama about nurses.", [("Tarn Street", "PERSON"), ("ITV", "ORG")],
     [("Tarn Street", "WORK_OF_ART")], []),
    ("Kettle Nights remains the BBC's best-loved sitcom.", [("Kettle Nights", "ORG"), ("BBC", "ORG")],
     [("Kettle Nights", "WORK_OF_ART")], []),
    # a person, a firm whose noun is no head, a place, no determiner
    ("Tom Vardy is a film director.", [("Tom Vardy", "PERSON")], [("Tom Vardy", "PERSON")],
     [("Tom Vardy", "WORK_OF_ART")]),
    ("Quellnet is one of the biggest film studios.", [("Quellnet", "ORG")], [("Quellnet", "ORG")],
     [("Quellnet", "WORK_OF_ART")]),
    ("Leeds is the show's home.", [("Leeds", "GPE")], [("Leeds", "GPE")], [("Leeds", "WORK_OF_ART")]),
    ("Ann Vosk is a drama teacher.", [("Ann Vosk", "PERSON")], [("Ann Vosk", "PERSON")], []),
    ("It is the ITV drama of the year.", [("ITV", "ORG")], [("ITV", "ORG")], [("It", "WORK_OF_ART")]),
    ("Tarnex is the largest consumer electronics show in the world.", [("Tarnex", "ORG")], [("Tarnex", "ORG")],
     [("Tarnex", "WORK_OF_ART")]),
    ("QXE is the biggest TV show in Tarnia.", [("QXE", "ORG"), ("Tarnia", "GPE")], [("QXE", "ORG")],
     [("QXE", "WORK_OF_ART")]),
    ("Kettle Nights is the biggest TV show in Tarnia.", [("Kettle Nights", "ORG"), ("Tarnia", "GPE")],
     [("Kettle Nights", "WORK_OF_ART")], []),
]


@pytest.mark.parametrize("text, ents, expected, absent", PREDICATES)
def test_round12_names_described_as_programmes(labels_hold, text, ents, expected, absent):
    """"Meeting Point has become one of TV Angola's most watched programmes": the name is a
    WORK_OF_ART; a person, a firm before a noun that is no head, a place, a pronoun is not."""
    labels_hold(text, ents, expected, absent)


def test_round12_mentions_follow(labels_hold):
    """A title these rules mark is a WORK_OF_ART at its other mentions too."""
    labels_hold("Tarn Street creator Ann Vosk spoke. Later Tarn Street won again.",
                [("Tarn Street", "ORG"), ("Ann Vosk", "PERSON"), ("Tarn Street", "ORG")],
                [("Tarn Street", "WORK_OF_ART")], [("Tarn Street", "ORG")])


def test_round12_lists_are_optional_and_checked():
    """The round-12 lists of entity_works.json may be left out (empty) and take lower-case words only."""
    base = {key: ["x"] for key in ("title_cue_in", "title_cue_of", "award_roles", "award_grades", "crew_words",
                                   "not_titles", "known_products", "product_words_before", "version_after",
                                   "title_cue_comma", "crew_words_shared")}
    words = validate_work_words(base)
    assert words.programme_nouns == frozenset() and words.predicate_verbs == frozenset()
    words = validate_work_words({**base, "best_named_verbs": ["named as"], "credit_words_strong": ["creator"]})
    assert ("named", "as") in words.best_named_verbs and "creator" in words.credit_words_strong
    for key in ("programme_nouns", "title_cue_credit_of", "best_work_nouns", "predicate_work_nouns"):
        with pytest.raises(ResourceError, match=rf"{key}\[0\]"):
            validate_work_words({**base, key: ["Show"]})


CALLED = [
    ("I did this track called My Kettle Went And Left Me, he said.", [("Kettle Went And Left Me", "PRODUCT")],
     [("My Kettle Went And Left Me", "WORK_OF_ART")], []),
    ("The song is called Glass Harbour Blues by Tarn.", [("Glass Harbour Blues", "ORG"), ("Tarn", "PERSON")],
     [("Glass Harbour Blues", "WORK_OF_ART")], []),
    ("Her second album was called The Quiet Hours.", [], [("The Quiet Hours", "WORK_OF_ART")], []),
    # no word for a work before the verb, a place, a person's full name
    ("He met a man called Tom Vardy.", [("Tom Vardy", "PERSON")], [("Tom Vardy", "PERSON")],
     [("Tom Vardy", "WORK_OF_ART")]),
    ("The film crew called Leeds home.", [("Leeds", "GPE")], [("Leeds", "GPE")], [("Leeds", "WORK_OF_ART")]),
    ("The show named Ann Vosk as its host.", [("Ann Vosk", "PERSON")], [("Ann Vosk", "PERSON")],
     [("Ann Vosk", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", CALLED)
def test_round12_titles_after_a_work_called(labels_hold, text, ents, expected, absent):
    """"a track called X": the title after a verb of naming that a word for a work precedes is a
    WORK_OF_ART; "a man called X", a place, a person's full name is not."""
    labels_hold(text, ents, expected, absent)


WEAK_CUES_OVER_ORG = [
    # a role phrase, an award category, a work phrase before a title the model read as an organisation
    ("She won praise for her role in Glass Kettle Diaries last year.", [("Glass Kettle Diaries", "ORG")],
     [("Glass Kettle Diaries", "WORK_OF_ART")], [("Glass Kettle Diaries", "ORG")]),
    ("Usher won best album for Tarnfessions on Sunday.", [("Usher", "PERSON"), ("Tarnfessions", "ORG"), ("Sunday", "DATE")],
     [("Tarnfessions", "WORK_OF_ART")], []),
    ("He agreed to direct an episode of QXI, the forensic drama.", [("QXI", "ORG")], [("QXI", "WORK_OF_ART")], []),
    # not a body's, club's or firm's name, a first name and a word, a grade first, two names, an owner inside
    ("He had a role in Tarnby Association events.", [("Tarnby Association", "ORG")],
     [("Tarnby Association", "ORG")], [("Tarnby Association", "WORK_OF_ART")]),
    ("She was nominated for Best British Tarn act.", [("Best British Tarn", "ORG")], [],
     [("Best British Tarn", "WORK_OF_ART")]),
    ("They won best actor and actress for Ray and Glass Hour respectively.", [("Ray and Glass Hour", "ORG")],
     [], [("Ray and Glass Hour", "WORK_OF_ART")]),
    ("She had a role in Anna Brenwick last year.", [("Anna Brenwick", "ORG")], [],
     [("Anna Brenwick", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", WEAK_CUES_OVER_ORG)
def test_round12_weak_cues_take_an_organisation_that_reads_as_no_body(labels_hold, text, ents, expected, absent):
    """"her role in X", "best album for X", "an episode of X": a weak cue takes an ORG of the model's
    that reads as no body (no head word, first name, grade, "and" inside)."""
    labels_hold(text, ents, expected, absent)


OWNED = [
    ("Plans for a remake of the BBC's Tarnenders were drawn up.", [("BBC", "ORG"), ("Tarnenders", "ORG")],
     [("Tarnenders", "WORK_OF_ART"), ("BBC", "ORG")], []),
    ("It is up against Channel 4's Glass Hour this week.", [("Channel 4", "ORG"), ("Glass Hour", "PERSON")],
     [("Glass Hour", "WORK_OF_ART")], []),
    # a person's full name, a body's name, a name before a lower-case noun
    ("The BBC's Tom Vardy reported it.", [("BBC", "ORG"), ("Tom Vardy", "PERSON")], [("Tom Vardy", "PERSON")],
     [("Tom Vardy", "WORK_OF_ART")]),
]


@pytest.mark.parametrize("text, ents, expected, absent", OWNED)
def test_round12_names_after_a_broadcasters_possessive(labels_hold, text, ents, expected, absent):
    """"the BBC's EastEnders": a name the model read as a person or firm after a broadcaster's
    possessive is a WORK_OF_ART; a person's full name, a body, a name before a noun is not."""
    labels_hold(text, ents, expected, absent)


@pytest.mark.parametrize("text, surfaces", [
    ("The BBC's Tarn Service said so.", ["BBC", "Tarn Service"]),
    ("The BBC's Kettle unit said so.", ["BBC", "Kettle"]),
    ("The BBC's Radio Tarn said so.", ["BBC", "Radio Tarn"]),
])
def test_round12_owned_programmes_leave_bodies_alone(blank, text, surfaces):
    """The step alone: a body's name, a name before a lower-case noun, a station after a broadcaster's
    possessive keep the model's ORG."""
    doc = blank.make_doc(text)
    spans = [doc.char_span(text.index(s), text.index(s) + len(s), label="ORG") for s in surfaces]
    out = owned_programmes(doc, spans, load_rules())
    assert [(sp.text, sp.label_) for sp in out] == [(s, "ORG") for s in surfaces]
