"""The tense of the clause a date sits in, read from the parse: it decides which way a date
written without a year or a week ("in March", "Friday") points."""
from __future__ import annotations

from spacy.tokens import Doc

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "’ll"}
_PAST_AUX = {"was", "were", "had", "did", "'d"}
_PERFECT_AUX = {"has", "have", "'ve", "’ve", "had"}
#: verbs and adjectives whose infinitive complement lies ahead ("planned to leave Friday")
_LOOKING_AHEAD = {"plan", "plans", "planned", "planning", "set", "schedule", "scheduled", "due", "expect",
                  "expects", "expected", "intend", "intends", "intended", "hope", "hopes", "hoped", "aim",
                  "aims", "aimed", "going", "propose", "proposed", "agree", "agreed", "want", "wants",
                  "wanted", "prepare", "prepared", "ready", "likely", "promise", "promised", "vow", "vowed",
                  "threaten", "threatened", "decide", "decided", "try", "tried", "seek", "sought", "about"}
#: verbs whose object or complement is a plan: its time may lie ahead of a past-tense report
_PLANNING = {"plan", "planned", "schedule", "scheduled", "slate", "slated", "intend", "intended",
             "propose", "proposed", "arrange", "arranged", "reschedule", "rescheduled"}


def _tense(doc: Doc, start: int, end: int) -> str | None:
    """Tense of the clause a character span sits in: PAST, PRESENT, FUTURE or None.

    "past" (lower case) is a past tense reached through a noun or adjective, which
    dates with a day do not follow ("declared a dividend payable Dec. 7").
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    if span.end < len(doc) and doc[span.end].tag_ == "POS":
        return None     # "Wednesday's ruling": the clause's tense says nothing about the day
    if span.start > 0 and doc[span.start - 1].lower_ == "since":
        return "PAST"   # "since Jan. 13"
    until = span.start > 0 and doc[span.start - 1].lower_ in ("until", "till")
    tok = span.root
    indirect = False   # the verb is reached through a noun or adjective ("payable Dec. 7")
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            break
        if tok.head is tok:
            return None
        if tok.i not in range(span.start, span.end) and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            indirect = True
        tok = tok.head
    else:
        return None
    if tok.pos_ not in ("VERB", "AUX"):
        return None if not until else "FUTURE"
    if until:   # a deadline ("postponed until Tuesday morning"), unless told in the past perfect
        return "PAST" if _has_aux(tok, "had") else "FUTURE"   # "Until Thursday, they had not ..."
    tense = _verb_tense(tok)
    if tense == "PAST" and (tok.lower_ in _PLANNING or tok.lemma_ in _PLANNING):
        return "PRESENT"   # "planned a rally on Saturday", "was scheduled for March": it may lie ahead
    return "past" if tense == "PAST" and indirect else tense


def _verb_tense(tok) -> str | None:
    for _ in range(3):
        auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if auxes & _FUTURE_AUX or ("going" in auxes and "to" in auxes):
            return "FUTURE"
        if auxes & _PAST_AUX or tok.tag_ == "VBD":
            return "PAST"
        if tok.tag_ == "VBN" and (auxes & _PERFECT_AUX or not auxes):
            return "PAST"   # "has announced", and "announced in March" as a modifier
        if tok.tag_ in ("VBZ", "VBP"):
            if tok.lower_ in ("will", "'ll"):
                return "FUTURE"
            return "PRESENT"
        if tok.tag_ == "MD":
            return "FUTURE" if tok.lower_ in _FUTURE_AUX else "PRESENT"
        if tok.tag_ == "VB" and "to" in auxes and (tok.head.lower_ in _LOOKING_AHEAD
                                                   or tok.head.lemma_ in _LOOKING_AHEAD):
            if _has_aux(tok.head, "had"):
                return None   # "had been due to expire Friday": a plan that has been overtaken
            return "FUTURE"   # "set to resume Monday", "planned to leave on Thursday"
        if tok.tag_ == "VB" and "to" in auxes and tok.head.lower_ in ("is", "are", "am", "'s", "'re"):
            return "FUTURE"   # "is to resume trading Tuesday": an arrangement ahead
        if auxes & {"is", "are", "am", "'s", "'re"}:
            return "PRESENT"
        if auxes & {"would", "could", "might", "may", "should", "must", "can"}:
            return "PRESENT"   # a modal speaks of what may happen: the nearest day, either way
        # an infinitive or participle takes the tense of the verb it depends on
        if tok.head is tok or tok.head.pos_ not in ("VERB", "AUX"):
            return None
        tok = tok.head
    return None


def _has_aux(tok, word: str) -> bool:
    """Whether ``word`` is an auxiliary of ``tok`` or of the verb ``tok`` complements ("had been due")."""
    for t in (tok, tok.head):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ == word for c in t.children):
            return True
        if t.lower_ == "been" and t is not tok and any(c.lower_ == word for c in t.children):
            return True
    return False

