"""Passive reporting verbs and the nearby-person guess (issue 17, classes from PolNeAR train
errors): "X was asked by Y" -- Y speaks, X listens ("X was quoted as saying" -- X speaks); a
quote inside the writer's sentence with no cue takes no person from the sentences before it.
Sentences written for these tests."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, quote, speaker", [
    # the "by" phrase speaks, before or after the quote
    ("Mayor Ann Ruiz was asked by the moderator, Tom Hale, whether the plan would "
     "“raise taxes for every family.”", "raise taxes for every family", "Tom Hale"),
    ("Ann Ruiz was called “a liar and a fraud” by Senator Tom Hale.", "a liar and a fraud", "Tom Hale"),
    ("Ann Ruiz was asked by Tom Hale, “Will you run again next year?”", "Will you run again next year",
     "Tom Hale"),
    # the one asked does not speak: no speaker rather than a wrong one
    ("Ann Ruiz was asked on Monday, “Will you run again next year?”", "Will you run again next year",
     None),
    # negatives: "was quoted as saying" -- the subject speaks; an active "asked"
    ("Ann Ruiz was quoted as saying “the plan is dead.”", "the plan is dead", "Ann Ruiz"),
    ("Ann Ruiz asked Tom Hale, “Will you run again next year?”", "Will you run again next year",
     "Ann Ruiz"),
])
def test_passive_reporting_verb(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # a phrase in the writer's sentence with no cue: no person from an earlier sentence
    ("Tom Hale left the hall early. The new plan was “a total waste of money.”",
     "a total waste of money", None),
    # negative: a quotation standing as its own paragraph after a sentence about a person
    ("Tom Hale left the hall early.\n\n“We will be back next year with a better plan.”",
     "We will be back next year with a better plan", "Tom Hale"),
])
def test_nearby_person(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker
