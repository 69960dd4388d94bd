"""Round 9 of the attribution rules (issue 17), on sentences written for the tests: which cue a
quote attaches to when there is one before it and one after it."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, quote, speaker", [
    # a quote that runs on from the writer's words is said by the cue before it that governs
    # it, not by a main clause after it
    pytest.param("Under what the chairman called “the old pricing model,” the club charged members "
                 "a flat fee every month.", "the old pricing model", "the chairman", id="what-x-called"),
    pytest.param("After Ann Lee said the schools needed “a lot more teachers,” Tom Hale said: "
                 "“We will hire them next year.”", "a lot more teachers", "Ann Lee",
                 id="after-cue-opens-next-quote"),
    pytest.param("After Ann Lee said the schools needed “a lot more teachers,” Tom Hale said: "
                 "“We will hire them next year.”", "We will hire them next year", "Tom Hale",
                 id="next-quote-keeps-its-cue"),
    pytest.param("Even as Mark Jones claimed that “the budget is balanced,” one of the council's own "
                 "auditors said the figures were wrong.", "the budget is balanced", "Mark Jones",
                 id="after-cue-with-a-clause-of-its-own"),
    # the cue after keeps the quote: right after it, or when the cue before reports no speech
    pytest.param("Nobody could say “when the work will end,” the site engineer said.",
                 "when the work will end", "the site engineer", id="cannot-say"),
    pytest.param("Nothing the mayor said “will calm the residents,” the spokesman said.",
                 "will calm the residents", "the spokesman", id="relative-clause-cue"),
    pytest.param("Mr Hale acknowledged the poor polls - his ''negatives,'' he called them - but "
                 "kept smiling.", "negatives", "Hale", id="he-called-them"),
    pytest.param("“The plan is a waste of money,” Ann Lee said.", "The plan is a waste of money",
                 "Ann Lee", id="plain-after"),
])
def test_cue_before_or_after(quote_speakers, text, quote, speaker):
    speakers = quote_speakers(text)
    assert speakers[quote] == speaker


@pytest.mark.parametrize("text, speaker, method", [
    # a dash, a source's name and a colon before the quote (a digest citing its sources): the name
    pytest.param("Early polls missed the surge - Ann Lee: “The samples were too small to catch late deciders.”",
                 "Ann Lee", "colon", id="dash-person-colon"),
    pytest.param("The turnout was higher than expected - Pew Research Center: “Young voters came out in "
                 "record numbers.”", "Pew Research Center", "colon", id="dash-org-colon"),
    # a list after a dash is no source; a name between two dashes leaves the cue after them
    pytest.param("Mr Hale has three demands - better pay, shorter hours and a pension: “We will not back down.”",
                 "Hale", "subject", id="dash-list-colon"),
    pytest.param("The minister - Tom Hale - told the House: “We will not back down.”", "Tom Hale", "before",
                 id="name-between-dashes"),
])
def test_dash_name_colon(quote_records, text, speaker, method):
    (rec,) = quote_records(text)
    assert (rec["speaker"], rec["method"]) == (speaker, method)


@pytest.mark.parametrize("text, quote, speaker", [
    # a quote ending in "?" or "!" ends its sentence: a reporting verb after it that says words of
    # its own (a reported clause, or the next quote) does not attribute it
    pytest.param("Ann Lee emailed her friend: “Why now? That was on my list for next year!” Tom Hale then "
                 "wrote back, “You look great.”", "Why now? That was on my list for next year", "Ann Lee",
                 id="wrote-back-next-quote"),
    pytest.param("Ann Lee emailed her friend: “Why now? That was on my list for next year!” Tom Hale then "
                 "wrote back, “You look great.”", "You look great", "Tom Hale", id="next-quote-keeps-it"),
    pytest.param("The host asked him, “Where is the most dangerous place in the city?” Hale joked that his "
                 "own kitchen was the answer.", "Where is the most dangerous place in the city", "The host",
                 id="joked-that"),
    # a short attribution after it still does
    pytest.param("“Why should we pay more?” asked Ann Lee, a retired teacher.", "Why should we pay more",
                 "Ann Lee", id="asked-name"),
    pytest.param("“Is this the end?” Ann Lee asked. “Not yet.”", "Is this the end", "Ann Lee", id="name-asked"),
])
def test_question_then_a_cue_of_its_own(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


@pytest.mark.parametrize("text, speaker, mention, method", [
    # a surname the tagger reads as a modal ("Will", "May") is the subject of the cue when it ends
    # a person's name elsewhere in the article
    pytest.param("Guitarist Anna May joined the band in 1990. May said: “We will tour again next spring.”",
                 "Anna May", "May", "before", id="may-said"),
    pytest.param("Columnist George Will wrote a scathing op-ed on Monday. “The war should end the hopes of "
                 "outsiders,” Will wrote.", "George Will", "Will", "after", id="will-wrote"),
    # not a word that is nobody's surname in the article
    pytest.param("The band met on Monday. “We will tour again next spring,” Will said.", None, None, "none",
                 id="will-no-person"),
])
def test_surname_read_as_a_modal(quote_records, text, speaker, mention, method):
    rec = quote_records(text)[-1]
    assert (rec["speaker"], rec["speaker_mention"], rec["method"]) == (speaker, mention, method)


@pytest.mark.parametrize("text, quote, speaker", [
    # a participle after a comma whose main clause has no subject in the parse ("Trump" read as
    # a verb): the person who opens the sentence
    pytest.param("Chris Christie and Donald Trump clashed. Christie said it was \"a disgrace\" and left. Trump "
                 "defended eminent domain, calling the expropriation of private property for public use an "
                 "\"absolute necessity\" for the government to build schools, roads and bridges.",
                 "absolute necessity", "Donald Trump", id="surname-read-as-verb"),
    # a thing opening the sentence is no speaker
    pytest.param("Heavy rain fell all day, calling the whole event \"a washout\" for the town.",
                 "a washout", None, id="thing-opens-sentence"),
])
def test_participle_with_no_subject_in_the_parse(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # a cue right after a quote whose subject stands before the quote: the noun phrase after the
    # cue opens a reported clause ("said the candidate could win") and is no speaker
    pytest.param("Mr. Hale, citing “the unique appeal of the campaign,” said the candidate could win in "
                 "states like Ohio.", "the unique appeal of the campaign", "Hale", id="citing-said-np-verb"),
    # "“...,” said X" with no subject before the quote: X
    pytest.param("“We will win in Ohio,” said the candidate on Monday.", "We will win in Ohio", "the candidate",
                 id="said-np"),
])
def test_reported_clause_after_the_cue(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


@pytest.mark.parametrize("text, speaker, method", [
    # a verb form the tagger read as a noun with an owner ("Facebook post:") is no cue: the
    # owner's name before the colon speaks, not the noun phrase before "post"
    pytest.param("Aides say the governor will back the plan. From Ann Lee's Facebook post: “For the sake "
                 "of our party we must unite.”", "Ann Lee", "colon", id="owned-post-colon"),
    pytest.param("Ann Lee notes: “For the sake of our party we must unite.”", "Ann Lee", "before",
                 id="name-notes-colon"),
])
def test_owned_noun_before_a_colon(quote_records, text, speaker, method):
    rec = quote_records(text)[-1]
    assert (rec["speaker"], rec["method"]) == (speaker, method)
