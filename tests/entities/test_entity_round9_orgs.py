"""Round 9 (issue 14): organisations the model labels as something else (:mod:`extract.entities.orgs`):
a firm's word before a name taken for a nationality or a product, "car maker X", and a one-word name
with a capital inside. Sentences written for these tests; the rules run on ``spacy.blank("en")`` with
hand-set entities."""
from __future__ import annotations

import pytest

from extract.entities.orgs import FIRM_LISTS, camel_case, firm_words, validate_firm_words
from extract.errors import ResourceError

FIRM_WORDS = [
    # a firm's word right before a name the model read as a nationality or a product
    ("Shares in security firm Quorvane rose. Quorvane said sales were up.",
     [("Quorvane", "NORP"), ("Quorvane", "NORP")], [("Quorvane", "ORG")], [("Quorvane", "NORP")]),
    ("The virus was found by Finnish security firm Tarvex-Secure on Monday.",
     [("Finnish", "NORP"), ("Tarvex-Secure", "PRODUCT")], [("Tarvex-Secure", "ORG"), ("Finnish", "NORP")],
     [("Tarvex-Secure", "PRODUCT")]),
    ("Pan-European group Marlonext is poised to bid. Marlonext already owns two exchanges.",
     [("Marlonext", "NORP"), ("Marlonext", "NORP")], [("Marlonext", "ORG")], [("Marlonext", "NORP")]),
    ("He told Dutch newspaper Brenvoort Dagblad that he would stay.",
     [("Dutch", "NORP"), ("Brenvoort Dagblad", "PRODUCT")], [("Brenvoort Dagblad", "ORG")],
     [("Brenvoort Dagblad", "PRODUCT")]),
]

NOT_FIRM_WORDS = [
    # a nationality or a party after the firm's word keeps its label
    ("The group Scottish Widows said the British firm British Gas was fined.",
     [("British", "NORP")], [("British", "NORP")], [("British", "ORG")]),
    ("Fans of the group Tories dislike were upset.", [("Tories", "NORP")], [("Tories", "NORP")],
     [("Tories", "ORG")]),
    # no firm's word before the product
    ("Fans bought the Zubo in May.", [("Zubo", "PRODUCT")], [("Zubo", "PRODUCT")], [("Zubo", "ORG")]),
]

MAKERS = [
    ("British car maker Aldwick Marten has gone head-to-head with rivals. This would make Aldwick Marten visible.",
     [("British", "NORP"), ("Aldwick Marten", "PERSON"), ("Aldwick Marten", "PERSON")],
     [("Aldwick Marten", "ORG")], [("Aldwick Marten", "PERSON")]),
    # the maker's cue outweighs the model's person label at every other mention
    ("A study by handset maker Velkarr was published. Velkarr interviewed 14,000 owners. "
     "Velkarr's research found more. Later Velkarr said so.",
     [("Velkarr", "PERSON"), ("Velkarr", "PERSON"), ("Velkarr", "PERSON"), ("Velkarr", "PERSON")],
     [("Velkarr", "ORG")], [("Velkarr", "PERSON")]),
    ("The site was started by former browser maker Quillscape in 1998.", [("Quillscape", "NORP")],
     [("Quillscape", "ORG")], [("Quillscape", "NORP")]),
]

NOT_MAKERS = [
    # film makers, policy makers and people are no firms
    ("The film maker Tavin Orloff said the cut was final.", [("Tavin Orloff", "PERSON")],
     [("Tavin Orloff", "PERSON")], [("Tavin Orloff", "ORG")]),
    ("Policy maker Brenda Cask spoke first.", [("Brenda Cask", "PERSON")], [("Brenda Cask", "PERSON")],
     [("Brenda Cask", "ORG")]),
    ("British computer games maker Peter Tallow has been honoured.", [("British", "NORP"), ("Peter Tallow", "PERSON")],
     [("Peter Tallow", "PERSON")], [("Peter Tallow", "ORG")]),
]

CAMELS = [
    ("Drugs giant GlaxoBrennan saw profits fall. GlaxoBrennan believes sales will recover.",
     [("GlaxoBrennan", "PERSON"), ("GlaxoBrennan", "PERSON")], [("GlaxoBrennan", "ORG")],
     [("GlaxoBrennan", "PERSON")]),
    # the other mentions the model missed are found too
    ("OptInTarvo was sued in December. Lawyers for OptInTarvo said it would fight. OptInTarvo denies it.",
     [("OptInTarvo", "GPE")], [("OptInTarvo", "ORG")], [("OptInTarvo", "GPE")]),
    ("Support came from shareholder DorvikQuell, the carmaker.", [("DorvikQuell", "NORP")],
     [("DorvikQuell", "ORG")], [("DorvikQuell", "NORP")]),
]

NOT_CAMELS = [
    # surnames with a capital inside, and a title before the name
    ("McTavish scored twice and DiBrenno once.", [("McTavish", "PERSON"), ("DiBrenno", "PERSON")],
     [("McTavish", "PERSON"), ("DiBrenno", "PERSON")], [("McTavish", "ORG"), ("DiBrenno", "ORG")]),
    ("FitzWalter said he was pleased.", [("FitzWalter", "PERSON")], [("FitzWalter", "PERSON")],
     [("FitzWalter", "ORG")]),
    ("Mr VanderQuell said he was pleased.", [("VanderQuell", "PERSON")], [("VanderQuell", "PERSON")],
     [("VanderQuell", "ORG")]),
]


# more words for firms before a name (org_cue_before of entity_words.json): plurals before a list,
# a charity, a think-tank, an exchange, a firm's unit, a portal, analysts and consultants
MORE_FIRM_WORDS = [
    ("Research by technology firms Quorbit and Zenroot showed a rise.",
     [("Quorbit", "PERSON"), ("Zenroot", "PERSON")], [("Quorbit", "ORG"), ("Zenroot", "ORG")],
     [("Quorbit", "PERSON"), ("Zenroot", "PERSON")]),
    ("Mobile operators Q4 and Tarvofone are among the backers.", [("Q4", "PERSON"), ("Tarvofone", "ORG")],
     [("Q4", "ORG")], [("Q4", "PERSON")]),
    ("The photos go on sale in aid of the charity Brenmcap next month.", [("Brenmcap", "PERSON")],
     [("Brenmcap", "ORG")], [("Brenmcap", "PERSON")]),
    ("A report by UK think-tank Delvos said so. The Delvos report was read widely.",
     [("UK", "GPE"), ("Delvos", "PERSON"), ("Delvos", "PERSON")], [("Delvos", "ORG")], [("Delvos", "PERSON")]),
    ("Trades go through futures exchange Quiffe in London.", [("Quiffe", "PERSON"), ("London", "GPE")],
     [("Quiffe", "ORG")], [("Quiffe", "PERSON")]),
    ("Yarnco was forced to sell its key oil unit Tarvoneftegas last month.", [("Yarnco", "ORG"),
                                                                             ("Tarvoneftegas", "PERSON")],
     [("Tarvoneftegas", "ORG")], [("Tarvoneftegas", "PERSON")]),
    ("Internet portal Quelcos has made a screensaver. Quelcos hopes it works.",
     [("Quelcos", "PERSON"), ("Quelcos", "PERSON")], [("Quelcos", "ORG")], [("Quelcos", "PERSON")]),
    ("Sales fell, according to oil industry analysts Dorran-Westley and consultants Tarn Analytics.",
     [("Dorran-Westley", "PERSON"), ("Tarn Analytics", "PERSON")],
     [("Dorran-Westley", "ORG"), ("Tarn Analytics", "ORG")], [("Dorran-Westley", "PERSON")]),
    ("Belgium's Tarbrew bought Brazilian brewer Quambev.", [("Belgium", "GPE"), ("Tarbrew", "ORG"),
                                                             ("Brazilian", "NORP"), ("Quambev", "NORP")],
     [("Quambev", "ORG"), ("Brazilian", "NORP")], [("Quambev", "NORP")]),
    # a place after the word keeps its label
    ("Shares in oil firms in London fell; the exchange Paris runs opened late.", [("London", "GPE"), ("Paris", "GPE")],
     [("London", "GPE"), ("Paris", "GPE")], [("Paris", "ORG")]),
]


# a well-known firm's name (known_firms of entity_firms.json) the model took for a person or a place
KNOWN_FIRMS = [
    ("Gazprom had been expected to bid. A judge banned Gazprom from the sale. Gazprom denied it.",
     [("Gazprom", "GPE"), ("Gazprom", "GPE"), ("Gazprom", "PERSON")], [("Gazprom", "ORG")],
     [("Gazprom", "GPE"), ("Gazprom", "PERSON")]),
    # a mention the model missed is found
    ("Napster offers music to rent. Napster claims the price is fair.", [("Napster", "PERSON")],
     [("Napster", "ORG")], [("Napster", "PERSON")]),
    ("Shares in Symantec rose on Monday.", [("Symantec", "NORP")], [("Symantec", "ORG")], [("Symantec", "NORP")]),
]

NOT_KNOWN_FIRMS = [
    # the article marks a person by the name: a title, a full name holding it
    ("Mr Porsche said the car was fast. Porsche added that he was pleased.",
     [("Porsche", "PERSON"), ("Porsche", "PERSON")], [("Porsche", "PERSON")], [("Porsche", "ORG")]),
    ("Ferdinand Porsche designed it. Porsche was proud.", [("Ferdinand Porsche", "PERSON"), ("Porsche", "PERSON")],
     [("Porsche", "PERSON")], [("Porsche", "ORG")]),
    # a name not in the list keeps the model's label
    ("Tarvelle said it would appeal.", [("Tarvelle", "PERSON")], [("Tarvelle", "PERSON")], [("Tarvelle", "ORG")]),
]


# a department's words before a capitalised role are part of the role, no name; the department stays
ROLES = [
    ("Home Secretary Tom Varley told MPs the plan would go ahead.", [("Home", "ORG"), ("Tom Varley", "PERSON")],
     [("Tom Varley", "PERSON")], [("Home", "ORG")]),
    ("It was backed by Trade and Industry Secretary Ann Pell and the Culture Minister.",
     [("Trade and Industry", "ORG"), ("Ann Pell", "PERSON"), ("Culture", "NORP")],
     [("Ann Pell", "PERSON")], [("Trade and Industry", "ORG"), ("Culture", "NORP")]),
    ("The Home Office said the Foreign Office agreed.", [("Home Office", "ORG"), ("Foreign Office", "ORG")],
     [("Home Office", "ORG"), ("Foreign Office", "ORG")], []),
    ("US Treasury Secretary Jon Marsh spoke.", [("US", "GPE"), ("Treasury", "ORG"), ("Jon Marsh", "PERSON")],
     [("Treasury", "ORG")], []),
]

# a chamber's short form standing alone is an ORG
CHAMBERS = [
    ("The bill passes through the Commons next week before going to the Lords.", [],
     [("Commons", "ORG"), ("Lords", "ORG")], []),
    ("A report by the Commons work and pensions committee was read. He told the Commons so.",
     [("Commons", "NORP")], [("Commons", "ORG")], [("Commons", "NORP")]),
    ("The rules were struck down by the Law Lords, with Lords Tarvin and Quell agreeing.",
     [("Law Lords", "ORG")], [("Law Lords", "ORG")], [("Lords", "ORG")]),
    ("She was Speaker of the House of Lords for years.", [], [("House of Lords", "ORG")], [("Lords", "ORG")]),
]

# an ORG ends before "on"/"in" and a day or a known place
TAILS = [
    ("He made a statement to the Commons on Monday.", [("Commons on Monday", "ORG")], [("Commons", "ORG")],
     [("Commons on Monday", "ORG")]),
    ("She teaches at Tarn Hill Infants School in Gosport.", [("Tarn Hill Infants School in Gosport", "ORG")],
     [("Tarn Hill Infants School", "ORG"), ("Gosport", "GPE")], []),
    ("It was sent to the Joint Committee on Human Rights.", [("Joint Committee on Human Rights", "ORG")],
     [("Joint Committee on Human Rights", "ORG")], []),
]

# a band is an ORG (OntoNotes): "band X", "X frontman Y"
BANDS = [
    ("Indie band Tarvessa won two prizes. Tarvessa's singer thanked fans. Tarvessa will tour.",
     [("Tarvessa", "PERSON"), ("Tarvessa", "PERSON"), ("Tarvessa", "PERSON")], [("Tarvessa", "ORG")],
     [("Tarvessa", "PERSON")]),
    ("The widow of Quelvana frontman Kurt Brell spoke. Quelvana sold millions.",
     [("Quelvana", "GPE"), ("Kurt Brell", "PERSON"), ("Quelvana", "GPE")],
     [("Quelvana", "ORG"), ("Kurt Brell", "PERSON")], [("Quelvana", "GPE")]),
]

# "BBC Radio" and a station's name labelled apart are one ORG; the name alone is the station too
STATIONS = [
    ('"We will fight," he told BBC Radio Five Live. Later he told Five Live more.',
     [("BBC Radio", "ORG"), ("Five Live", "WORK_OF_ART"), ("Five Live", "WORK_OF_ART")],
     [("BBC Radio Five Live", "ORG"), ("Five Live", "ORG")], [("Five Live", "WORK_OF_ART")]),
    ("Capital Radio DJ Ann Tarrow will host it.", [("Capital Radio", "ORG"), ("DJ Ann Tarrow", "PERSON")],
     [("Capital Radio", "ORG")], [("Capital Radio DJ Ann Tarrow", "ORG")]),
    ("BBC Radio Scotland presenter Vic Tarn said Scotland's bands were strong.",
     [("BBC Radio", "ORG"), ("Scotland", "GPE"), ("Vic Tarn", "PERSON"), ("Scotland", "GPE")],
     [("BBC Radio Scotland", "ORG"), ("Scotland", "GPE")], [("Scotland", "ORG")]),
]


@pytest.mark.parametrize("text,ents,wanted,unwanted", FIRM_WORDS + NOT_FIRM_WORDS + MAKERS + NOT_MAKERS
                         + CAMELS + NOT_CAMELS + MORE_FIRM_WORDS + KNOWN_FIRMS + NOT_KNOWN_FIRMS + ROLES
                         + CHAMBERS + TAILS + BANDS + STATIONS)
def test_round9_org_cues(labels_hold, text, ents, wanted, unwanted):
    labels_hold(text, ents, wanted, unwanted)


@pytest.mark.parametrize("word,expected", [
    ("GlaxoSmithKline", True), ("DaimlerChrysler", True), ("MessageLabs", True), ("AirAsia", True),
    ("McDonald", False), ("MacArthur", False), ("DiCaprio", False), ("FitzGerald", False), ("LeBron", False),
    ("Smith", False), ("iPod", False), ("OD2", False), ("Opt-In", False),
])
def test_camel_case(word, expected):
    assert camel_case(word) is expected


#: every list of entity_firms.json, empty
_EMPTY = {key: [] for key in FIRM_LISTS}


def test_firm_words_are_checked():
    assert "film" in firm_words().maker_blockers
    with pytest.raises(ResourceError, match="maker_blockers"):
        validate_firm_words({**_EMPTY, "maker_blockers": ["Film"]})
    with pytest.raises(ResourceError, match="person_prefixes"):
        validate_firm_words({key: words for key, words in _EMPTY.items() if key != "person_prefixes"})
    assert "eBay" in firm_words().known_firms  # names as written, no case check
