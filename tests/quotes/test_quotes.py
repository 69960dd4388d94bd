"""Direct quotations: marks, filtering, cues and speakers (extract.quotes)."""
from __future__ import annotations

import json

import pytest

from extract import quotes as Q
from extract import schema
from extract.errors import ResourceError
from extract.resources import read_text
from extract.text import clean


#: the quote types that are someone's words
SAID = ("full", "partial")


def said(records: list[dict]) -> list[dict]:
    return [r for r in records if r["quote_type"] in SAID]


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text: str) -> list[dict]:
        return nlp(clean(text).text)._.get(schema.QUOTE.extension)

    return _run


# text -> [(quote text, speaker, speaker mention)] in order
CASES = [
    pytest.param(
        "Philip Krein runs the institute. “We’re not a satellite organization,” he says. "
        "“This is a genuine collaboration.”",
        [("“We’re not a satellite organization,”", "Philip Krein", "he"),
         ("“This is a genuine collaboration.”", "Philip Krein", "he")],
        id="split-quote-same-speaker"),
    pytest.param(
        "Anna Wang Roe leads the lab. “We hire widely from abroad,” she says.",
        [("“We hire widely from abroad,”", "Anna Wang Roe", "she")],
        id="pronoun-she"),
    pytest.param(
        "Philip Krein moved there in 2016. Later he met Mary Smith. Krein was surprised. "
        "“People want to see how the country is developing,” he says.",
        [("“People want to see how the country is developing,”", "Philip Krein", "he")],
        id="pronoun-he-skips-female-name"),
    pytest.param(
        "Jiaming Hu is a neuroscientist. “Some of my friends went to foreign labs,” Hu says.",
        [("“Some of my friends went to foreign labs,”", "Jiaming Hu", "Hu")],
        id="surname-to-full-name"),
    pytest.param(
        "“We have staff from over 50 countries,” says May Tan-Mullins, who studies politics.",
        [("“We have staff from over 50 countries,”", "May Tan-Mullins", "May Tan-Mullins")],
        id="inverted-says-name"),
    pytest.param(
        "“The funding is vital for our work,” Guohua Xu, an evolutionary geneticist at the "
        "university, said.",
        [("“The funding is vital for our work,”", "Guohua Xu", "Guohua Xu")],
        id="apposition-before-verb"),
    pytest.param(
        "Senator Tom Brown called the new plan “a disaster for working families” on Monday.",
        [("“a disaster for working families”", "Tom Brown", "Tom Brown")],
        id="partial-quote"),
    pytest.param(
        "Mayor Jane Park said: “We will rebuild the bridge before the winter.”",
        [("“We will rebuild the bridge before the winter.”", "Jane Park", "Jane Park")],
        id="colon-cue"),
    pytest.param(
        "“Prices will rise again next year,” according to Maria Lopez, an economist.",
        [("“Prices will rise again next year,”", "Maria Lopez", "Maria Lopez")],
        id="according-to"),
    pytest.param(
        "“We will review the decision carefully,” the ministry said in a statement.",
        [("“We will review the decision carefully,”", "the ministry", "the ministry")],
        id="organisation-speaker"),
    pytest.param(
        "\"We will win this race in November,\" Smith said.",
        [("\"We will win this race in November,\"", "Smith", "Smith")],
        id="straight-double-marks"),
    pytest.param(
        "''We will win this race in November,'' Mr. Smith said.",
        [("''We will win this race in November,''", "Smith", "Smith")],
        id="two-apostrophes-as-marks"),
    pytest.param(
        "Mary Jones, a teacher, said: ‘It’s the students’ choice, and we respect it.’ Then she left.",
        [("‘It’s the students’ choice, and we respect it.’", "Mary Jones", "Mary Jones")],
        id="british-single-quotes-with-apostrophes"),
    pytest.param(
        "Kate Lee spoke at length.\n\n“The first part of the answer runs on for a while.\n\n"
        "“The second part ends the quotation here,” she said.",
        [("“The first part of the answer runs on for a while.", "Kate Lee", "she"),
         ("“The second part ends the quotation here,”", "Kate Lee", "she")],
        id="multi-paragraph-one-row-per-paragraph"),
    pytest.param(
        "B Y  S A R A H  O ’ M E A R A\n\nThe ’90s were good for Krein’s team. "
        "“It was the right choice for all of us,” said Bob Lee.",
        [("“It was the right choice for all of us,”", "Bob Lee", "Bob Lee")],
        id="stray-mark-does-not-stop-the-rest"),
    pytest.param(
        "Dan Roe shook his head. “It is the worst idea I have heard this year.”",
        [("“It is the worst idea I have heard this year.”", "Dan Roe", "Dan Roe")],
        id="no-cue-subject-of-sentence-before"),
    pytest.param(
        "The plan was attacked by Glenn Beck, who called it “a narcissistic fantasy of the rich.”",
        [("“a narcissistic fantasy of the rich.”", "Glenn Beck", "who")],
        id="relative-pronoun-mention"),
    pytest.param(
        "“Delegates should be able to vote the way they see fit,” Scott Walker said, "
        "according to an Associated Press account.",
        [("“Delegates should be able to vote the way they see fit,”", "Scott Walker", "Scott Walker")],
        id="said-according-to-keeps-the-speaker"),
    pytest.param(
        "Trump attacked Macron in Normandy. “France will always be France,” an angry Hollande "
        "retaliated.",
        [("“France will always be France,”", "Hollande", "Hollande")],
        id="unlisted-verb-after-comma-quote"),
    pytest.param(
        "Jeb Bush spoke to voters on Monday.\n\n“We need someone who will cut through the noise.”",
        [("“We need someone who will cut through the noise.”", "Jeb Bush", "Jeb Bush")],
        id="cue-less-paragraph-after-speaker-sentence"),
    pytest.param(
        "Michael Jackson's mother said she was “100% certain” of his innocence.",
        [("“100% certain”", "Michael Jackson's mother", "Michael Jackson's mother")],
        id="possessive-is-not-the-owner"),
    pytest.param(
        "The weather was bad.\n\n“It is the worst idea I have heard this year.”",
        [("“It is the worst idea I have heard this year.”", None, None)],
        id="long-quote-without-cue-or-speaker-kept"),
    pytest.param(
        "Microsoft hosted the Iranian delegation on Monday. “We will not sign anything before the "
        "end of this year,” it said.",
        [("“We will not sign anything before the end of this year,”", "Microsoft", "it")],
        id="it-skips-nationality-adjective"),
    pytest.param(
        "The mayor, Bill de Blasio, said the decision was taken by the police department and said, "
        "“Nobody in this city will be left without protection this winter.”",
        [("“Nobody in this city will be left without protection this winter.”", "Bill de Blasio",
          "Bill de Blasio")],
        id="second-said-joined-to-reported-clause"),
    pytest.param(
        "In an interview on Monday, Sanders said the process of writing the platform could be "
        "“messy,” adding, “Democracy is messy and it always has been.”",
        [("“messy,”", "Sanders", "Sanders"),   # a partial quote: kept, with its speaker
         ("“Democracy is messy and it always has been.”", "Sanders", "Sanders")],
        id="adding-after-comma-inside-marks"),
    pytest.param(
        "Speaking at a town hall event in Salem, New Hampshire, Christie went after Rubio, calling "
        "him “a boy in a bubble who can only read his script.”",
        [("“a boy in a bubble who can only read his script.”", "Christie", "Christie")],
        id="two-subjects-in-parse-nearest-to-verb"),
]

# text -> the quote types of its rows: quoted phrases that are nobody's words
NEGATIVES = [
    pytest.param("Krein’s team is developing a large-scale ‘intelligent’ infrastructure project.",
                 ["scare"], id="scare-quote-single-word"),
    pytest.param("Products are no longer just made, but “created”, in China.", ["scare"],
                 id="scare-quote-created"),
    pytest.param("The change reflects the country’s wider ambitions (see ‘On the map’).", ["title"],
                 id="box-title"),
    pytest.param("It is part of its ‘One Belt, One Road’ foreign-policy programme.", ["title"],
                 id="programme-name"),
    pytest.param("Dwayne “The Rock” Johnson arrived late.", ["title"], id="nickname"),
    pytest.param("She read “The Art of the Deal” on the plane.", ["title"], id="book-title"),
    pytest.param("It’s Krein’s lab, in the Joneses’ old house from the ’90s.", [], id="apostrophes-only"),
    pytest.param("Sunday on CNN’s “State of the Union,” Senator Tom Brown said the plan was dead.",
                 ["title"], id="tv-show-title-with-comma"),
    pytest.param("He is now host of “The Nightly Show with Larry Wilmore.”", ["title"],
                 id="show-title-with-period"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_quotes_and_speakers(run, text, expected):
    got = [(r["text"], r["speaker"], r["speaker_mention"]) for r in said(run(text))]
    assert got == expected


@pytest.mark.parametrize("text, types", NEGATIVES)
def test_not_quotations(run, text, types):
    recs = run(text)
    assert [r["quote_type"] for r in recs] == types
    assert all(r["speaker"] is None and r["speaker_kind"] == "unknown" and r["cue"] is None for r in recs)


def test_record_offsets_and_columns(run):
    text = "Philip Krein is dean. “We’re not a satellite organization,” explains Krein."
    ct = clean(text)
    recs = run(text)
    assert len(recs) == 1
    r = recs[0]
    assert list(r) == [c for c in Q.COLUMNS if c != "doc_id"]
    assert ct.text[r["start_char"]:r["end_char"]] == r["text"]
    assert ct.text[r["speaker_start_char"]:r["speaker_end_char"]] == r["speaker_mention"] == "Krein"
    assert ct.text[r["cue_start_char"]:r["cue_end_char"]] == r["cue"] == "explains"
    assert r["speaker"] == "Philip Krein" and r["label"] == "QUOTE"
    json.dumps(recs)   # plain JSON-serialisable values


def test_multi_paragraph_parts_share_a_chain(run):
    text = ("“First part of a long answer that goes on.\n\n“Second part of it,\n\n"
            "“and the end of it,” said Ann Bell.")
    recs = run(text)
    assert len(recs) == 3
    assert [r["quote_type"] for r in recs] == ["full"] * 3
    assert len({r["chain"] for r in recs}) == 1
    assert {r["speaker"] for r in recs} == {"Ann Bell"}


@pytest.mark.parametrize("text, spans", [
    ("“A b c d,” he said.", ["“A b c d,”"]),
    ("He said “a b c” and “d e f”.", ["“a b c”", "“d e f”"]),
    ("“Outer ‘inner’ text,” she said.", ["“Outer ‘inner’ text,”"]),
    ("‘Outer “inner” text,’ she said.", ["‘Outer “inner” text,’"]),
    ("“Unclosed at the end", ["“Unclosed at the end"]),
    ("Rock ’n’ roll and the ’80s.", []),
    ("“No close here.\n\nNew paragraph “closed one” here.", ["“No close here.", "“closed one”"]),
])
def test_mark_pairing(text, spans):
    assert [text[q.start:q.end] for q in Q.quote_spans(text)] == spans


def test_lexicon_loads_and_validates():
    lex = Q.load_lexicon()
    assert {"says", "said", "explains", "told"} <= lex.verb_forms
    assert lex.pronouns["she"] == "female"


@pytest.mark.parametrize("change, message", [
    ({"bogus": 1}, r"E202|quotes.json: top level: unknown key 'bogus'"),
    ({"pronouns": {"he": "manly"}}, r"quotes.json: pronouns.he: 'manly' is not allowed"),
    ({"weak_verbs": ["mumble"]}, r"quotes.json: weak_verbs\[0\]: 'mumble' is not a key of reporting_verbs"),
    ({"first_names": {"other": ["Sam"]}}, r"quotes.json: first_names: unknown key 'other'"),
    ({"reporting_verbs": {"say": "says"}}, r"quotes.json: reporting_verbs.say: expected a list"),
])
def test_lexicon_errors_name_the_file_and_key(change, message):
    data = json.loads(read_text(Q.RESOURCE))
    data.update(change)
    with pytest.raises(ResourceError, match=message):
        Q.build_lexicon(data)
    assert Q.load_lexicon().verb_forms   # the package's own file is untouched


# ----------------------------------------------------------------- the seed article

SEED_SPEAKERS = [
    ("“Academic institutions are extremely", "Philip Krein"),
    ("“People want to see how the country", "Philip Krein"),
    ("“We’re not a satellite organization.", "Philip Krein"),
    ("“Some of my friends went to foreign labs", "Jiaming Hu"),
    ("“The advantage is that we often have", "Guohua Xu"),
    ("“The disadvantage is that we are not yet", "Guohua Xu"),
    ("“I think it’s possible to do both.", "Yong Wang"),
    ("“The local government here has always", "May Tan-Mullins"),
    ("“Fifteen years ago, as the city was growing", "May Tan-Mullins"),
    ("“We have staff from over 50 countries", "May Tan-Mullins"),
    ("“We joke that on our 144 acres of land", "May Tan-Mullins"),
    ("“It’s brought Ningbo on to the global stage,”", "May Tan-Mullins"),
    ("“And also onto the China stage.”", "May Tan-Mullins"),
]


@pytest.fixture(scope="module")
def seed_quotes(nlp, seed_text):
    return nlp(clean(seed_text).text)._.get(schema.QUOTE.extension)


def test_seed_every_quotation_with_its_speaker(seed_quotes):
    got = [(r["text"], r["speaker"]) for r in said(seed_quotes)]
    assert len(got) == len(SEED_SPEAKERS)
    for (text, speaker), (prefix, want) in zip(got, SEED_SPEAKERS):
        assert text.startswith(prefix)
        assert speaker == want


def test_seed_no_pronoun_speakers_and_scare_quotes_typed(seed_quotes):
    pronouns = set(Q.load_lexicon().pronouns)
    assert all(r["speaker"] and r["speaker"].lower() not in pronouns for r in said(seed_quotes))
    others = {r["text"].strip("‘’“”,"): r["quote_type"] for r in seed_quotes if r["quote_type"] not in SAID}
    assert others == {"intelligent": "scare", "created": "scare", "On the map": "title",
                      "One Belt, One Road": "title"}


def test_seed_rows_map_to_raw_text(seed_text, seed_quotes, nlp):
    ct = clean(seed_text)
    for r in seed_quotes:
        s, e = ct.to_raw(r["start_char"], r["end_char"])
        raw = seed_text[s:e]
        assert raw[0] in "“‘\"" and raw[-1] in "”’\".,"


def test_polnear_reader_cuts_quoted_parts(shared_data):
    from extract.readers.polnear import read_split

    docs = read_split(shared_data / "quotes" / "polnear", "dev")
    assert len(docs) == 84
    quotes = [q for d in docs for q in d.quotes]
    assert len(quotes) > 700
    for d in docs:
        for q in d.quotes:
            assert d.text[q.start:q.end] == q.text
            assert q.text[0] in "“\"'‘" or q.text[-1] in "”\"'’"


def test_quotes_without_any_model(seed_text):
    """PDF text can defeat the parser and NER: with a bare tokenizer (no tags, parse or
    entities) every quotation of the seed is still found, and named speakers still named."""
    import spacy

    doc = spacy.blank("en")(clean(seed_text).text)
    recs = said(Q.find_quotes(doc))
    assert len(recs) == len(SEED_SPEAKERS)
    by_mention = {r["speaker_mention"]: r["speaker"] for r in recs}
    assert by_mention["Tan-Mullins"] == "May Tan-Mullins"
    assert by_mention["Krein"] == "Krein"
