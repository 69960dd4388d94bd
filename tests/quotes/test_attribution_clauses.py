"""Which clause's cue gives the speaker (issue 17, classes from PolNeAR train errors): a cue
after the quote inside another clause ("... and Y said", "... until Y said") is not the
quote's; in the sentence before a quote the main clause's cue comes before a cue in a clause
inside it. Sentences written for these tests."""
from __future__ import annotations

import pytest


CUE_AFTER_THE_QUOTE_IN_ANOTHER_CLAUSE = [
    # a cue after the quote in a clause joined by "and", "until", "while": the subject before
    # the quote speaks
    ("Governor Ann Ruiz called the plan “a disaster” and Senator Tom Hale said it was fine.",
     "a disaster", "Ann Ruiz"),
    ("Sam Kline said he was “on the fence” until Mayor Ortiz said she backed the bill.",
     "on the fence", "Sam Kline"),
    ("Ann Ruiz described the offer as “generous” while Tom Hale called it an insult.",
     "generous", "Ann Ruiz"),
    # negatives: a conjunction inside the speaker's apposition or inside the quoted sentence
    # leaves the cue after the quote its own
    ("“The plan is dead,” said Tom Hale, an adviser and former director of the fund.",
     "The plan is dead", "Tom Hale"),
    ("“Costs rose sharply” in the years when the mills closed, says Dana Whitfield, an economist.",
     "Costs rose sharply", "Dana Whitfield"),
    # "as X put it" right after the quote attributes it
    ("Ortiz feared the rivals would “walk all over us,” as Ann Ruiz put it in her memoir.",
     "walk all over us", "Ann Ruiz"),
]


PREVIOUS_SENTENCE_MAIN_CLAUSE_FIRST = [
    # the main clause of the sentence before speaks, not a clause inside it
    ("Mayor Lena Ortiz shot back that the reporter had not been called on.\n\n“Sit down, please.”",
     "Sit down, please", "Lena Ortiz"),
    ("“We won,” Hal Brenner said at the rally, two hours after the networks declared him the "
     "winner. “Thank you all.”", "Thank you all", "Hal Brenner"),
    # negative: with one cue only, in a clause inside, that clause's subject speaks
    ("The crowd cheered after Mayor Lena Ortiz announced the result.\n\n“We did it.”",
     "We did it", "Lena Ortiz"),
]


REPORTING_VERB_ABOVE_THE_QUOTE = [
    # a reporting verb above the quote in the parse, beyond an earlier quote: its subject
    # speaks, not the subject of the clause that holds the quote
    ("Mayor Lena Ortiz said Tom Hale was “a total lightweight” while Ann Ruiz is “a basket case.”",
     "a basket case", "Lena Ortiz"),
    ("Dan Kirby said the plan was “dead on arrival” and that Ann Ruiz had made “a serious mistake.”",
     "a serious mistake", "Dan Kirby"),
    # negatives: no reporting verb above the quote, or only in another paragraph
    ("Ann Ruiz thanked the volunteers for “a wonderful week of work.”",
     "a wonderful week of work", "Ann Ruiz"),
    ("Dan Kirby said the plan was “dead on arrival.”\n\nAnn Ruiz had made “a serious mistake.”",
     "a serious mistake", "Ann Ruiz"),
]


INNER_VERB_THAT_REPORTS_NO_SPEECH = [
    # a reporting verb inside another's clause that reports no speech (a modal, "continue
    # to be", an infinitive): the outer verb's subject speaks
    ("Senator Dan Kirby said he expects that voters will say “no” to the plan.", "no", "Dan Kirby"),
    ("Ann Ruiz said she is certain Tom Hale will continue to be “a champion for the city.”",
     "a champion for the city", "Ann Ruiz"),
    ("Ann Ruiz says she expects Tom Hale to announce “a major change” on Monday.",
     "a major change", "Ann Ruiz"),
    # negative: a finite reporting verb inside another's clause reports its subject's words
    ("Ann Ruiz said Tom Hale called the plan “a disaster for the city.”",
     "a disaster for the city", "Tom Hale"),
]


CUE_RIGHT_AFTER_A_CLOSING_MARK = [
    # “...,” said X, <a long apposition naming Y>. “...”: the next quote is X's too
    ("“He is doing the right things,” said Tom Hale, a Boston pollster who worked for her "
     "opponent in the last race, then-senator Ann Ruiz. “So far, it is working.”",
     "So far, it is working", "Tom Hale"),
    # a quote ending with a full stop and a short clause ending the sentence: "Tom Hale said."
    ("The mayor spoke last.\n\n“We will win the next election.” Tom Hale said.",
     "We will win the next election", "Tom Hale"),
    # negative: after a quote's full stop a longer sentence is the next attribution, not this one's
    ("The mayor spoke last.\n\n“We will win the next election.” Tom Hale said the crowd was the "
     "largest he had seen.", "We will win the next election", None),
]


CASES = {
    "cue-after-in-another-clause": CUE_AFTER_THE_QUOTE_IN_ANOTHER_CLAUSE,
    "previous-sentence-main-clause": PREVIOUS_SENTENCE_MAIN_CLAUSE_FIRST,
    "reporting-verb-above": REPORTING_VERB_ABOVE_THE_QUOTE,
    "inner-verb-no-speech": INNER_VERB_THAT_REPORTS_NO_SPEECH,
    "cue-after-closing-mark": CUE_RIGHT_AFTER_A_CLOSING_MARK,
}


@pytest.mark.parametrize("text, quote, speaker", [
    pytest.param(*case, id=f"{name}-{n}") for name, cases in CASES.items() for n, case in enumerate(cases)
])
def test_speaker_of_quote(quote_speakers, text, quote, speaker):
    assert quote_speakers(text)[quote] == speaker
