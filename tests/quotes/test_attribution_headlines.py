"""Headlines "Name: ... ‘quote’" and "Name On Topic: ‘quote’" (issue 17, a class from PolNeAR
train errors): the name before the colon or before "On" speaks, not the subject of the verb
inside the headline, nor the name right before the colon. Sentences written for these tests."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def first_quote(quote_records):
    return lambda text: quote_records(text)[0]


@pytest.mark.parametrize("text, speaker, mention", [
    ("Ann Ruiz: Tom Hale Is ‘Not Fit To Serve As Mayor Of This City.’\n\n"
     "Mayor Ann Ruiz spoke on Monday about her rival.", "Ann Ruiz", "Ann Ruiz"),
    ("Lena Ortiz On Tom Hale: ‘He Will Not Win This Race.’\n\nMayor Lena Ortiz spoke on Monday.",
     "Lena Ortiz", "Lena Ortiz"),
    ("Dan Kirby On The Budget: ‘We Will Not Raise Taxes This Year.’\n\n"
     "Senator Dan Kirby spoke to reporters on Monday.", "Dan Kirby", "Dan Kirby"),
])
def test_headline_name_speaks(first_quote, text, speaker, mention):
    rec = first_quote(text)
    assert (rec["speaker"], rec["speaker_mention"]) == (speaker, mention)


@pytest.mark.parametrize("text, speaker", [
    # not a headline (not title-cased): the reporting verb or the subject before the quote
    ("In the morning, Ann Ruiz: the crowd heard Tom Hale promise “a brand new stadium for the city.”",
     "Tom Hale"),
    ("Tom Hale thanked the crew on Monday for “a wonderful week of hard work.”", "Tom Hale"),
])
def test_not_a_headline(first_quote, text, speaker):
    assert first_quote(text)["speaker"] == speaker
