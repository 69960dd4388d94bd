"""Titles of works and names of products (round 4), run last, after the document-level vote
and the word lists of :mod:`.known` (word lists in ``resources/entity_works.json``). The
model reads a one-word film as a person ("Alexander") and a browser as its maker ("Opera");
the words around the name say what it is. Each rule reads only words and their case (and the
optional gazetteer), so it works on ``spacy.blank("en")`` with hand-set entities:

* cues (WORK_OF_ART): a title right after a word for a work, read again after the vote ("the
  historical epic X"); after a role phrase ("her performance in X", "starred in X", "his role
  as Y in X"); after an award category ("won best actress for X"); after a work phrase ("the
  sequel to X", "the premiere of X"); in apposition after a word for a work ("their new
  release, X."); before a credit word and a person ("X star Y"; "X director Y" only where the
  model found X: bodies have directors too). A role phrase, an award category or a credit
  word does not overrule a place, a nationality, an organisation or an event the model found
  at the title's start (an apposition overrules an organisation), nor a person's full name or
  a surname of a person in the document; no title is taken where a possessive or a lower-case
  word for works follows it ("Lemony Snicket novels");
* mentions: a title a cue marks (here or in :mod:`.boundaries` / :mod:`.spans`) is a
  WORK_OF_ART at its other mentions, with its leading "The" where the text has it ("The
  Aviator" at a sentence start); a one-word title only where the model found a person,
  organisation, product or event, and not when the word is part of a person's name in the
  document;
* products: a well-known product name is a PRODUCT ("Windows", "PlayStation Portable"); a
  product, or a name with a dotted version number, takes the version in ("Opera 8.0", "Xbox 2",
  "iPod Mini") and the bare name that the model read as its maker is then a PRODUCT at every
  mention; a name right after a product word is a PRODUCT ("the browser Opera");
* round 5: capitalised words right before a platform's name are a game's title, a WORK_OF_ART
  with the platform ("Rayman DS"; not after a maker: "Nintendo DS"); a maker the model found,
  followed by a model's code ("C180", "116i", "1 Series") and trim words ("SE"), is a PRODUCT; a
  name the model found, followed by a comma and a description headed by a word for a work ("X,
  the new film by Y"), is a WORK_OF_ART (with a title's front the model cut off: "The Squid and
  the Whale");
* round 6: a three-digit number right after an organisation's possessive names a model
  ("Boeing's 777 line"), a PRODUCT at its other mentions too, with a variant ("the 777",
  "the 777-200LR"); not when a count follows (a plural noun, maybe after one word, a number
  word or a unit: "the WTO's 148 current members", "Samsung's 102-inch");
* round 7: a model's code of letters and digits ("DB9", "X5", "RX-8") after a maker's possessive
  ("Aston's DB9"), after "the new" or before a word for a made thing ("the PS2 console") is a
  PRODUCT at every mention, with capitalised words right before the cued code ("Epson R800
  printer"); a code and a name the model took as one span ("the V8 Vantage") is a PRODUCT, and so
  is the name at its other mentions, as is a name between "the" and a word for a vehicle ("the
  Vantage sports car") that is no maker; not a road ("the M6 toll road"), a group of states, a
  broadcaster's channel, an age group or a format ("MP3"), and a road's number with a capitalised
  word for a road is a FAC ("the M6 Toll"); a title after a part played in it
  ("playing a gutsy boxer in X", "his portrayal of Ray Charles in X"; ``role_openers``) is a
  WORK_OF_ART like one after a role phrase (a one-word title that is a word of the part too: the
  biopic "Ray"), and a title's mention the model read as a sum ("Million Dollar Baby" MONEY) is one;
  a title joined by "and"/"or" to a marked title of two words or more is one ("finalists Citizen
  Kane and A Matter of Life and Death"), not a person's name, a place or a firm;
* round 8: a launch verb and a determiner before a code ("unveiled the DB9", "launched its new X5";
  ``launch_verbs``) mark it as a model like "the new", unless a lower-case word that is no small
  word follows ("released the SP2 upgrade"); :func:`cued_codes` and :func:`launched_code` give the
  vote of :mod:`.consistency` its maker cue (:func:`.firms.maker_cue`); :func:`no_model` keeps "the
  new X" of :mod:`.consistency` off a road's number and a broadcaster's channel ("the new M9 toll
  road", "the BBC's new BBC3 channel"), and a road's number before a lower-case word for a road is a
  FAC.
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Doc, Span

from .gazetteer import is_first_name, is_place
from .rules import LABELS, EntityRules
from .spans import title_before, title_run, with_subtitle
from .tokens import POSSESSIVE, attached, capitalised, line_start, replace_spans, sentence_start, taken_tokens

#: labels a weak cue (a role phrase, a credit word, an award category) leaves alone at a title's start
_FIRM = {"GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "LANGUAGE", "ORG"}
#: labels a strong cue (a word for a work, a work phrase) leaves alone
_FIRM_STRONG = {"NORP", "LANGUAGE", "LAW"}
#: labels a title's other mentions may have been given by mistake (a one-word title's: fewer,
#: the film "Chicago" leaves the city "Chicago" alone)
_MISREAD = {"PERSON", "ORG", "PRODUCT", "EVENT", "GPE", "NORP", "LOC", "FAC"}
_MISREAD_ONE_WORD = {"PERSON", "ORG", "PRODUCT", "EVENT"}
_VERSION = re.compile(r"^\d{1,2}(\.\d{1,2}){1,2}$")
_DIGIT = re.compile(r"^[2-9]$")
_ARTICLES = {"The", "A", "An"}
#: a small word before a name that ends a title read over it ("at", "in", "on": a venue, a place, a day;
#: "for": a company the part was played for, "Othello for the Royal Shakespeare Company")
_PLACE_WORDS = {"at", "in", "on", "for"}
#: tokens that end a title in apposition ("the album, Quiet Hours, ...")
_APPOSITION_ENDS = {",", ".", ";", "!", "?", ")", "-", "–", "—"}
#: the reason each rule writes in ``span.id_`` (the ``source`` column)
CUE, CREDIT, MENTION = "fix:work_cue", "fix:work_credit", "fix:work_mention"
KNOWN, VERSION, PRODUCT_WORD = "fix:product_known", "fix:product_version", "fix:product_word"
PLATFORM, MODEL, APPOSED = "fix:work_platform", "fix:product_model", "fix:work_apposition"
CODED, ROAD = "fix:product_code", "fix:road"


def fix_works(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """The spans with the rules of this module applied, in order."""
    for step in STEPS:
        spans = step(doc, spans, rules)
    return spans


def _phrase_before(doc: Doc, i: int, phrases) -> bool:
    """One of ``phrases`` (tuples of lower-case words) ends right before token i."""
    for phrase in phrases:
        n = len(phrase)
        if i >= n and all(doc[i - n + k].lower_ == w for k, w in enumerate(phrase)):
            return True
    return False


def _role_as(doc: Doc, i: int, rules: EntityRules) -> bool:
    """"his performance as Ray Charles in X": a role phrase, "as" and a name, then "in" at i - 1."""
    if i < 2 or doc[i - 1].lower_ != "in":
        return False
    k = i - 2
    while k > 0 and i - k <= 5 and (doc[k].is_title or doc[k].text in POSSESSIVE):
        k -= 1
    if k < 1 or k == i - 2 or doc[k].lower_ != "as":
        return False
    return any(phrase[-1] == "in" and _phrase_before(doc, k, [phrase[:-1]]) for phrase in rules.works.title_cue_in)


def _played_in(doc: Doc, i: int, rules: EntityRules) -> str | None:
    """"playing a gutsy female boxer in X", "his portrayal of Ray Charles in X": a verb or noun of
    playing a part (``role_openers``), a role of up to seven words opened by a determiner or a
    name, then "in" at i - 1. "named" when the title's first word is a word of that role (a
    biopic: "Ray Charles in Ray"), "weak" otherwise, None for no such cue."""
    if i < 4 or doc[i - 1].lower_ != "in":
        return None
    for j in range(i - 2, max(i - 9, 0), -1):
        tok = doc[j]
        if not (tok.is_alpha or (tok.text in {"-", "‐"} and attached(doc[j - 1], tok) and attached(tok, doc[j + 1]))):
            return None  # punctuation or a number ends the role
        if _phrase_before(doc, j, rules.works.role_openers) and doc[j - 1].is_lower:
            if doc[j - 1].lower_ != "of" and not (tok.lower_ in _DETERMINERS or capitalised(tok)):
                return None  # "playing well in X", "played down in X" (a noun's "portrayal of" takes a role)
            role = {t.text for t in doc[j:i - 1]}
            return "named" if doc[i].text in role else "weak"
    return None


def _award_before(doc: Doc, i: int, rules: EntityRules) -> bool:
    """"won best actress for X", "a best film Bafta for X": an award category ends before "for" at i - 1."""
    if i < 3 or doc[i - 1].lower_ != "for":
        return False
    k = i - 1
    while k > 0 and i - k < 6 and not sentence_start(doc, k):
        k -= 1
    window = [t.lower_ for t in doc[k:i - 1]]
    return (any(w in rules.works.award_roles for w in window[-3:])
            and any(w in rules.works.award_grades for w in window))


def _word_before(doc: Doc, i: int) -> str:
    """The word ending right before token i, a hyphenated one whole ("re-make", "follow-up")."""
    k = i - 1
    while k >= 2 and doc[k - 1].text == "-" and attached(doc[k - 2], doc[k - 1]) and attached(doc[k - 1], doc[k]):
        k -= 2
    return doc[k:i].text


def _cue_at(doc: Doc, i: int, rules: EntityRules) -> str | None:
    """"strong", "weak" or "comma" (a word for a work and a comma: an apposition) when a cue for
    a title ends right before token i, else None."""
    prev = _word_before(doc, i)
    if prev.islower() and (prev in rules.work_cue_before or prev in rules.spans.work_cue_extra):
        return "strong"
    if _phrase_before(doc, i, rules.works.title_cue_of):
        return "strong"
    if _phrase_before(doc, i, rules.works.title_cue_in) or _role_as(doc, i, rules) or _award_before(doc, i, rules):
        return "weak"
    played = _played_in(doc, i, rules)
    if played is not None:
        return played
    if i >= 2 and prev == "," and _word_before(doc, i - 1).islower() and _word_before(doc, i - 1) in (
            rules.work_cue_before | rules.spans.work_cue_extra | rules.works.title_cue_comma):
        return "comma"  # "their new album, Quiet Hours."
    return None


def _is_title(doc: Doc, start: int, end: int, old: list[Span], strength: str, rules: EntityRules,
              doc_spans: list[Span]) -> bool:
    """Tokens [start, end) after a cue of ``strength`` may be a title: no possessive or word for
    works after them, no firm label on them, no person's full name, no place or known non-title."""
    if _names_author(doc, end, rules):
        return False
    text = doc[start:end].text
    if text in rules.works.not_titles or text in rules.award_names:
        return False
    firm = {"weak": _FIRM, "named": _FIRM, "comma": _FIRM - {"ORG"}}.get(strength, _FIRM_STRONG)
    if strength == "comma" and not (end >= len(doc) or doc[end].text in _APPOSITION_ENDS or doc[end].is_space):
        return False  # "the song, Kapranos said": the name starts a clause, it is no apposition
    if strength == "comma" and (doc[start].text in rules.titles or doc[start].text == "I"):
        return False  # "the film, Mr Dams said", "the show, I quit"
    if any((sp.label_ in firm and sp.start == start) or (sp.label_ not in LABELS and not _capitalised_run(sp, start, end))
           for sp in old):
        return False  # a place or a firm the title starts with; a date or number inside
    if any(sp.start == start and sp.text in rules.broadcasters for sp in old):
        return False  # "the cast of Channel 4's X": the channel, whose programme boundaries.py finds
    if any(sp.label_ == "PERSON" and len(sp) >= 2 and is_first_name(sp[0].text) for sp in old):
        return False  # "a best director nomination for Martin Scorsese"
    if strength not in {"strong", "named"} and end - start == 1 and doc[start].text in _people_words(doc_spans):
        return False  # "best actor for Gervais" after "Ricky Gervais"
    return strength == "strong" or end - start > 1 or not is_place(text)


def _capitalised_run(sp: Span, start: int, end: int) -> bool:
    """The span is the whole title [start, end), of two words or more, each capitalised ("Million
    Dollar Baby" read as a sum): a number label the title's words took, not a number in a title."""
    return (sp.start, sp.end) == (start, end) and len(sp) >= 2 and all(capitalised(t) for t in sp)


def _cued_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Titles after a cue ("the epic X", "her performance in X", "won best actor for X", "the
    sequel to X") are WORK_OF_ART; the model's spans there are replaced."""
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for i in range(1, len(doc)):
        if sentence_start(doc, i) or not (capitalised(doc[i]) or doc[i].is_upper) or not doc[i].is_alpha:
            continue
        strength = _cue_at(doc, i, rules)
        if strength is None:
            continue
        run = title_run(doc, i, rules, rules.spans.title_breakers)
        first = by_token.get(i)
        if first is not None and first.start < i:
            continue  # the cue's word is inside a name ("Best Film Award for ...")
        end = max(run or i, first.end if first is not None else i)
        end = _cut_at_names(doc, i, with_subtitle(doc, end, rules), spans, rules)
        old = list({(sp.start, sp.end): sp for k in range(i, end) if (sp := by_token.get(k))}.values())
        if end == i or any(sp.end > end for sp in old) or not _is_title(doc, i, end, old, strength, rules, spans):
            continue
        if all(sp.label_ == "WORK_OF_ART" and (sp.start, sp.end) == (i, end) for sp in old) and old:
            continue
        new.append(Span(doc, i, end, label="WORK_OF_ART", span_id=CUE))
    return replace_spans(spans, new)


def _cut_at_names(doc: Doc, i: int, end: int, spans: list[Span], rules: EntityRules) -> int:
    """``end`` of the title from token i cut before "at", "in" or "on" (and "the") and a name or
    date the model found ("X at [Grauman]'s Chinese Theatre", "X at the [Brit Awards]", "X in
    [London] on [Friday]"), on a capitalised word."""
    cut = end
    for sp in spans:
        if i + 1 < sp.start < end:
            k = sp.start - 1 if doc[sp.start - 1].lower_ != "the" else sp.start - 2
            if k > i and doc[k].lower_ in _PLACE_WORDS:
                cut = min(cut, k)
    while cut > i + 1 and not (doc[cut - 1].is_title or doc[cut - 1].is_upper or doc[cut - 1].like_num):
        cut -= 1
    return cut


def _credit_start(doc: Doc, k: int, old: Span | None, taken: set[int], rules: EntityRules) -> int | None:
    """Start of the title ending before the credit word at token k: the model's span there,
    with capitalised words it left off its front ("X Files"), or the capitalised run; the last
    item of a list ("Shameless, State Of Play and Clocking Off"). None for no title."""
    if old is None:
        start = title_before(doc, k, rules)
        if start is None or (k - start == 1 and sentence_start(doc, start)):
            return None  # "And star ...": one capitalised word at a sentence start is no title
        if start > 0 and doc[start - 1].text == ",":
            start = max([j + 1 for j in range(start, k) if doc[j].lower_ == "and"], default=start)
    else:
        start = old.start
        while (start > 0 and start - 1 not in taken and (doc[start - 1].is_title or doc[start - 1].is_upper)
               and doc[start - 1].is_alpha and doc[start - 1].whitespace_ and not sentence_start(doc, start - 1)):
            start -= 1
    if doc[start].text in rules.spans.not_name_starts or (start > 0 and doc[start - 1].like_num):
        return None  # "Its star"; "21 Grams star": the number is the title's, a number span holds it
    if doc[start].text in _ARTICLES and sentence_start(doc, start) and start + 1 < k:
        start += 1  # "The Titanic star": the article at a sentence start is not the title's
    return start


def _credited_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Titanic star Kate Winslet", "Titanic director James Cameron": a title before a credit
    word and a person is a WORK_OF_ART; before a word an organisation shares ("director") only
    where the model found the title."""
    by_end = {sp.end: sp for sp in spans}
    persons = {sp.start for sp in spans if sp.label_ == "PERSON"}
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for k in range(1, len(doc) - 1):
        credit = doc[k].lower_ in rules.works.crew_words or doc[k].lower_ in rules.works.crew_words_shared
        if not (doc[k].is_lower and credit and k + 1 in persons) or (k in by_token and by_token[k].start < k):
            continue
        old = by_end.get(k)
        if old is None and doc[k].lower_ in rules.works.crew_words_shared:
            continue  # "Fair Trials Abroad director X": a body the model missed may have a director too
        start = _credit_start(doc, k, old, set(by_token), rules)
        if start is None:
            continue
        inside = list({(sp.start, sp.end): sp for j in range(start, k) if (sp := by_token.get(j))}.values())
        if any(sp.start < start for sp in inside) or not _is_title(doc, start, k, inside, "weak", rules, spans):
            continue
        if not (len(inside) == 1 and inside[0].label_ == "WORK_OF_ART" and (inside[0].start, inside[0].end) == (start, k)):
            new.append(Span(doc, start, k, label="WORK_OF_ART", span_id=CREDIT))
    return replace_spans(spans, new)


def _words(sp: Span) -> tuple[str, ...]:
    return tuple(t.text for t in sp)


def _people_words(spans: list[Span]) -> set[str]:
    """Words of the persons' names of two words or more ("Ray" of "Ray Charles")."""
    return {t.text for sp in spans if sp.label_ == "PERSON" and len(sp) >= 2 for t in sp}


def _title_mentions(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A title a cue marked is a WORK_OF_ART at its other mentions: spans with its words (or
    its words without the leading article, which then comes in where the text has it), and
    for a title of two words or more also mentions the model missed."""
    titles: set[tuple[str, ...]] = set()
    written: set[tuple[str, ...]] = set()  # as written, with a leading article ("The Aviator")
    for sp in spans:
        if sp.label_ == "WORK_OF_ART" and sp.id_ in {CUE, CREDIT, APPOSED, "fix:work"}:
            words = _words(sp)
            titles.add(words[1:] if words[0] in _ARTICLES and len(words) > 1 else words)
            if len(words) > 1:
                written.add(words)
    people = _people_words(spans)
    titles = {t for t in titles if len(t) > 1 or (t[0] not in people and t[0] not in rules.award_names)}
    if not titles:
        return spans
    taken = taken_tokens(spans)
    new = []
    for sp in spans:
        words = _words(sp)
        core = words[1:] if words[0] in _ARTICLES and len(words) > 1 else words
        misread = _MISREAD if len(core) > 1 else _MISREAD_ONE_WORD
        if (core in titles and (sp.label_ in misread or (sp.label_ not in LABELS and len(core) > 1))
                and not _names_author(doc, sp.end, rules)):  # "Million Dollar Baby" read as a sum too
            new.append(_with_article(doc, sp.start, sp.end))
    for tok in doc:
        for words in written | {t for t in titles if len(t) > 1}:
            end = tok.i + len(words)
            if (tok.text == words[0] and _words(doc[tok.i:end]) == words
                    and not any(k in taken for k in range(tok.i, end)) and _stands_alone(doc, tok.i, end)):
                new.append(_with_article(doc, tok.i, end))
    return replace_spans(spans, new)


def _names_author(doc: Doc, end: int, rules: EntityRules) -> bool:
    """A possessive or a lower-case word for works follows the name ending at token ``end``
    ("Lemony Snicket novels", "Stone's film"): its author, not the title."""
    nxt = doc[end] if end < len(doc) else None
    return nxt is not None and (nxt.text in POSSESSIVE or (nxt.is_lower and (
        nxt.lower_ in rules.spans.work_words or nxt.lower_ in rules.spans.work_plurals)))


def _with_article(doc: Doc, start: int, end: int) -> Span:
    """The title [start, end) as a WORK_OF_ART, with a capitalised article right before it."""
    if start > 0 and doc[start - 1].text in _ARTICLES and doc[start - 1].whitespace_:
        start -= 1
    return Span(doc, start, end, label="WORK_OF_ART", span_id=MENTION)


def _stands_alone(doc: Doc, start: int, end: int) -> bool:
    """Tokens [start, end) are not part of a longer capitalised name."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return not ((before is not None and before.is_title and before.text not in _ARTICLES
                 and not sentence_start(doc, start - 1) and before.whitespace_)
                or (after is not None and after.is_title and not after.is_punct))


def _known_products(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A well-known product name is a PRODUCT, where the model gave it another label or missed it."""
    known = rules.works.known_products
    taken = taken_tokens(spans)
    new = [Span(doc, sp.start, sp.end, label="PRODUCT", span_id=KNOWN)
           for sp in spans if sp.label_ in LABELS - {"PRODUCT"} and _words(sp) in known]
    for tok in doc:
        for words in known:
            end = tok.i + len(words)
            if (tok.text == words[0] and _words(doc[tok.i:end]) == words and not any(k in taken for k in range(tok.i, end))
                    and not (end < len(doc) and attached(doc[end - 1], doc[end]) and doc[end].is_alpha)):
                new.append(Span(doc, tok.i, end, label="PRODUCT", span_id=KNOWN))
    return replace_spans(spans, new)


def _version_end(doc: Doc, e: int, sp: Span, rules: EntityRules) -> int | None:
    """End of a version right after span ``sp`` ending at token e ("8.0", "2", "Mini"), or None."""
    if e >= len(doc) or not doc[e - 1].whitespace_:
        return None
    tok = doc[e]
    if _VERSION.match(tok.text) and sp.label_ in {"ORG", "PRODUCT", "PERSON"}:
        return e + 1
    product = sp.label_ == "PRODUCT"
    if product and tok.text in rules.works.version_after:
        return e + 1
    if product and _DIGIT.match(tok.text) and not (e + 1 < len(doc) and _plural_noun(doc[e + 1])):
        return e + 1  # "Xbox 2", not "Xbox 2 games" (a count)
    return None


def _plural_noun(tok) -> bool:
    """A lower-case word that reads as a plural noun ("games", "consoles"; not "is", "has")."""
    return tok.is_alpha and tok.is_lower and len(tok) > 3 and tok.lower_.endswith("s")


def _versions(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Opera 8.0", "Xbox 2", "iPod Mini": a product (or a name with a dotted version number)
    takes its version in; the bare name the model read as its maker is then a PRODUCT too."""
    taken = taken_tokens(spans)
    new, names = [], set()
    for sp in spans:
        if sp.label_ in {"ORG", "PRODUCT"} and len(sp) >= 2 and _VERSION.match(sp[-1].text):
            new.append(Span(doc, sp.start, sp.end, label="PRODUCT", span_id=VERSION))  # the model's "Opera 8.0"
            names.add(_words(sp)[:-1])
            continue
        end = _version_end(doc, sp.end, sp, rules)
        if end is None or sp.end in taken:
            continue
        new.append(Span(doc, sp.start, end, label="PRODUCT", span_id=VERSION))
        names.add(_words(sp))
    spans = replace_spans(spans, new)
    return [Span(doc, sp.start, sp.end, label="PRODUCT", span_id=VERSION)
            if sp.label_ == "ORG" and _words(sp) in names and not _org_word_after(doc, sp.end, rules) else sp
            for sp in spans]


def _org_word_after(doc: Doc, end: int, rules: EntityRules) -> bool:
    """A word for a firm's people or shares follows ("Opera spokeswoman", "Opera's shares")."""
    nxt = doc[end] if end < len(doc) else None
    return nxt is not None and (nxt.text in POSSESSIVE or nxt.lower_ in rules.org_cue_after
                                or (nxt.is_lower and nxt.lower_ in rules.role_words))


def _after_product_words(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"the browser Opera", "Net browser Opera": a name right after a product word is a PRODUCT."""
    new = []
    for sp in spans:
        if (sp.label_ in {"ORG", "PERSON", "GPE", "NORP", "LOC", "FAC"} and sp.start > 0
                and _phrase_before(doc, sp.start, rules.works.product_words_before)
                and doc[sp.start - 1].is_lower and not sentence_start(doc, sp.start)
                and not (sp.label_ == "PERSON" and len(sp) >= 2)
                and not _modifies(doc, sp.end, rules)):
            new.append(Span(doc, sp.start, sp.end, label="PRODUCT", span_id=PRODUCT_WORD))
    return replace_spans(spans, new)


def _modifies(doc: Doc, end: int, rules: EntityRules) -> bool:
    """A possessive or a lower-case word that is no product word follows the name ending at
    ``end`` ("the software Microsoft owns"): the name is no product named after its kind."""
    nxt = doc[end] if end < len(doc) else None
    return nxt is not None and (nxt.text in POSSESSIVE or (nxt.is_alpha and nxt.is_lower
                                                           and nxt.lower_ not in rules.product_cue_after))


def _platform_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Rayman DS", "Super Mario 64 DS": capitalised words right before a platform's name are a
    game's title, a WORK_OF_ART with the platform; not after a maker ("Nintendo DS", "Sony PSP")."""
    new = []
    for k in range(1, len(doc)):
        if doc[k].text not in rules.works.platforms or not doc[k - 1].whitespace_:
            continue
        if k + 1 < len(doc) and attached(doc[k], doc[k + 1]) and doc[k + 1].is_alpha:
            continue
        start = k
        while (start > 0 and doc[start - 1].whitespace_ and not doc[start - 1].is_space
               and (doc[start - 1].is_title or doc[start - 1].is_upper or doc[start - 1].like_num)
               and doc[start - 1].text not in rules.works.platforms and k - start < 6):
            start -= 1
            if sentence_start(doc, start):
                break
        while start < k and (doc[start].like_num or doc[start].text in _ARTICLES or doc[start].text in rules.titles):
            start += 1
        if start == k or any(t.text in rules.works.makers for t in doc[start:k]):
            continue
        if _words(doc[start:k + 1]) in rules.works.known_products or (k - start == 1 and sentence_start(doc, start)):
            continue  # "Windows XP"; "Its DS": one word at a sentence start
        new.append(Span(doc, start, k + 1, label="WORK_OF_ART", span_id=PLATFORM))
    return replace_spans(spans, new)


#: a model's code ("C180", "A380", "116i"); not an age group ("U21": "Iceland U21 star")
_MODEL_CODE = re.compile(r"^(?!U\d{2}$)(?:[A-Z]{1,2}\d{2,4}[a-z]?|\d{3}[a-z]{1,2})$")


def _model_end(doc: Doc, e: int, rules: EntityRules, coded: bool) -> int:
    """End of a model's name from token e: a code ("C180", "116i") or a number and a model word
    ("1 Series"), then more codes and trim words ("SE"; right at e when the name is ``coded``); e when
    none is there."""
    j = e
    while j < len(doc) and doc[j - 1].whitespace_:
        tok = doc[j]
        if _MODEL_CODE.match(tok.text):
            j += 1
        elif tok.is_digit and len(tok) == 1 and j + 1 < len(doc) and doc[j + 1].text in rules.works.model_words:
            j += 2
        elif (j > e or coded) and tok.text in rules.works.model_trims:
            j += 1
        else:
            break
    return j


def _models(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"BMW 1 Series 116i SE", "Mercedes Benz C180 SE": a maker the model found, followed by a
    model's code, is a PRODUCT with the code and trim words; so is the model's own span ending on a code."""
    taken = taken_tokens(spans)
    new = []
    for sp in spans:
        if sp.label_ not in {"ORG", "PRODUCT"}:
            continue
        code_inside = len(sp) >= 2 and _MODEL_CODE.match(sp[-1].text) is not None
        end = _model_end(doc, sp.end, rules, code_inside)
        if any(k in taken for k in range(sp.end, end)):
            continue
        if end == sp.end and not code_inside:
            continue
        if end < len(doc) and doc[end].lower_ in rules.org_cue_after:
            continue  # "Airbus A380 shares"? the firm's words follow
        new.append(Span(doc, sp.start, end, label="PRODUCT", span_id=MODEL))
    return replace_spans(spans, new)


_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its"}
_ORDINALS = {"first", "last", "next", "only", "latest", "second", "third", "new"}


def _apposition_head(doc: Doc, e: int, rules: EntityRules) -> bool:
    """", the (new, French) film by ..." starts at token e: a determiner, up to four modifiers,
    a word for a work, then punctuation or a word of ``apposition_next`` (not "the film's", "the
    film studio")."""
    if e + 2 >= len(doc) or doc[e].text != "," or doc[e + 1].lower_ not in _DETERMINERS:
        return False
    j = e + 2
    while j < len(doc) and j - e < 7 and doc[j].lower_ not in rules.works.apposition_heads:
        modifier = doc[j].is_alpha and (doc[j].is_lower or doc[j].is_title) and not doc[j].is_sent_start
        if doc[j].text != "-" and (not modifier or (doc[j].is_stop and doc[j].lower_ not in _ORDINALS)):
            return False  # "the studio behind the film": a preposition ends the description
        j += 1
    if j >= len(doc) or doc[j].lower_ not in rules.works.apposition_heads or not doc[j].is_lower:
        return False
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    return nxt is None or nxt.is_space or (nxt.is_punct and nxt.text not in POSSESSIVE and nxt.text != "-") or (
        nxt.lower_ in rules.works.apposition_next)


def _apposed_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Zubo, the new film by Ann Vosk": a name the model found, followed by a comma and a
    description headed by a word for a work, is a WORK_OF_ART (not a person's full name)."""
    new = []
    for sp in spans:
        if sp.label_ not in _MISREAD or not _apposition_head(doc, sp.end, rules):
            continue
        if sp.label_ == "PERSON" and len(sp) >= 2 and is_first_name(sp[0].text):
            continue
        start = sp.start
        if start > 1 and doc[start - 1].lower_ in rules.title_small_words:
            start = min(start, title_before(doc, sp.end, rules) or start)  # "The Squid and the [Whale]"
        new.append(Span(doc, start, sp.end, label="WORK_OF_ART", span_id=APPOSED))
    return replace_spans(spans, new)


#: a model known by its number: three digits, maybe a variant ("777", "777-200LR"); not a year
_MODEL_NUMBER = re.compile(r"^\d{3}$")
_VARIANT = re.compile(r"^\d{1,3}[A-Z]{0,3}$")
_NUMBER_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PRODUCT"}


def _number_end(doc: Doc, i: int) -> int:
    """End of the model number at token i with its variant ("777" "-" "200LR"), else i."""
    if not _MODEL_NUMBER.match(doc[i].text) or (i > 0 and attached(doc[i - 1], doc[i])):
        return i
    j = i + 1
    if j + 1 < len(doc) and doc[j].text == "-" and attached(doc[i], doc[j]) and attached(doc[j], doc[j + 1]) \
            and _VARIANT.match(doc[j + 1].text):
        j += 2
    return j


def _counts(doc: Doc, end: int) -> bool:
    """The number before token ``end`` counts or measures: a plural noun, a number word or a unit
    follows, maybe after one lower-case word ("100 jets", "148 current members", "150 million", "300m",
    "102-inch")."""
    if end >= len(doc):
        return False
    tok = doc[end]
    if attached(doc[end - 1], tok) and tok.text not in POSSESSIVE:
        return True  # "102-inch", "300m"
    after = doc[end + 1] if end + 1 < len(doc) and tok.is_lower and tok.is_alpha else None
    return _plural_noun(tok) or tok.like_num or tok.lower_ in _UNITS or (after is not None and _plural_noun(after))


_UNITS = {"m", "bn", "k", "%", "per", "km", "miles", "mph", "kg", "tonnes", "people", "staff", "jobs", "of"}


def _maker_numbers(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Boeing's 777 line": a number right after the possessive of an organisation the model found
    is a model (PRODUCT), not before a plural noun ("Boeing's 100 jets" counts); the number is then
    a PRODUCT at every mention, with or without a variant ("the 777", "the 777-200LR")."""
    numbers = set()
    for sp in spans:
        k = sp.end + 1
        if sp.label_ != "ORG" or k >= len(doc) or doc[sp.end].text not in POSSESSIVE:
            continue
        end = _number_end(doc, k)
        if end > k and not _counts(doc, end):
            numbers.add(doc[k].text)
    if not numbers:
        return spans
    firm = {i for sp in spans if sp.label_ not in _NUMBER_LABELS for i in range(sp.start, sp.end)}
    new = []
    for t in doc:
        end = _number_end(doc, t.i) if t.text in numbers else t.i
        if end > t.i and not _counts(doc, end) and not any(i in firm for i in range(t.i, end)):
            new.append(Span(doc, t.i, end, label="PRODUCT", span_id=MODEL))
    return replace_spans(spans, new)


#: a model's code of capitals and digits, maybe a hyphen and a letter ("DB9", "X5", "A380", "RX-8")
_LETTER_CODE = re.compile(r"^[A-Z]{1,3}-?\d{1,4}[A-Za-z]?$")
#: an age group ("U21", "U-19"), no model
_AGE_GROUP = re.compile(r"^U-?\d{2}$")
#: labels a model's code may have been given by mistake (a number label only where it is the code alone)
_CODE_MISREAD = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT"}


def _code_end(doc: Doc, i: int, rules: EntityRules) -> int | None:
    """End of a model's code of letters and digits starting at token i ("DB9", "RX" "-" "8",
    "A380s"), not part of a longer word, not a group of states, a broadcaster, an age group or a
    listed non-model ("MP3", "G8", "BBC1", "U21"); else None."""
    if i > 0 and attached(doc[i - 1], doc[i]) and (doc[i - 1].is_alpha or doc[i - 1].like_num or doc[i - 1].text == "-"):
        return None
    j = i + 1
    while j < len(doc) and attached(doc[j - 1], doc[j]) and (doc[j].is_alpha or doc[j].like_num or doc[j].text == "-"):
        j += 1
    code = _code_text(doc[i:j].text)
    if code is not None and code[-1].isalpha() and code[:-1] in rules.works.not_model_codes:
        return None  # "MP3G": a format's name and a letter
    if (code is None or code in rules.works.not_model_codes or code in rules.country_groups
            or code in rules.broadcasters or _AGE_GROUP.match(code) or re.match(r"[A-Z]+", code).group() in rules.broadcasters):
        return None
    return j


def _code_text(text: str) -> str | None:
    """The code of ``text`` without a plural "s" ("A380s" -> "A380"), or None for no code."""
    for code in (text[:-1] if text.endswith("s") else None, text):
        if code and _LETTER_CODE.match(code):
            return code
    return None


def _road_after(doc: Doc, end: int, rules: EntityRules) -> bool:
    """A word for a road follows ("the M6 toll road", "the new M6 Toll"): a road's number, no model."""
    return end < len(doc) and doc[end].lower_ in rules.works.road_words


def no_model(doc: Doc, start: int, end: int, rules: EntityRules) -> bool:
    """The name at tokens [start, end) is no model's, whatever comes before it ("the new ..."): a
    road's number or name before a word for a road ("the new M9 toll road") or a code that names no
    model (a broadcaster's channel "BBC3", a group of states, an age group, a format: ``_code_end``)."""
    if _road_after(doc, end, rules):
        return True
    return _code_text(doc[start:end].text) is not None and _code_end(doc, start, rules) is None


def _phrase_at(doc: Doc, i: int, phrases) -> bool:
    """One of ``phrases`` (tuples of lower-case words) starts at token i, written in lower case."""
    return any(all(i + k < len(doc) and doc[i + k].lower_ == w and doc[i + k].is_lower for k, w in enumerate(phrase))
               for phrase in phrases)


def _code_cued(doc: Doc, i: int, end: int, by_end: dict[int, Span], rules: EntityRules) -> bool:
    """The code at tokens [i, end) names a model: a maker's possessive before it ("Aston's DB9",
    "BMW's new X5"), "the new"/"its latest" before it ("the new DB9"), or a word for a made thing
    after it ("the DB9 sports car", "the PS2 console"); not before a road's word nor, after a
    possessive or "new", before another noun ("Sony's E3 presentation")."""
    if _road_after(doc, end, rules):
        return False
    if _phrase_at(doc, end, rules.works.model_nouns):
        return True
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.is_lower and nxt.tag_.startswith("NN"):
        return False  # "the new G4 presidency": the code modifies another noun
    k = i - 1 if i > 0 and doc[i - 1].lower_ in rules.labels.product_cue_new and doc[i - 1].is_lower else i
    if k > 1 and doc[k - 1].text in POSSESSIVE and attached(doc[k - 2], doc[k - 1]):
        owner = by_end.get(k - 1)
        return owner is not None and (owner.label_ in {"ORG", "PERSON", "PRODUCT"} or owner.text in rules.works.makers)
    if launch_before(doc, k, rules) is not None:
        # round 8: "unveiled the DB9", "launched its new X5"; not before a lower-case word that is no
        # small word ("released the SP2 upgrade", whatever its tag)
        return nxt is None or not (nxt.is_lower and nxt.is_alpha) or nxt.is_stop
    return k < i and k > 0 and doc[k - 1].lower_ in rules.product_determiners and doc[k - 1].is_lower


def launch_before(doc: Doc, k: int, rules: EntityRules) -> int | None:
    """Start of a launch verb (``launch_verbs``: "unveiled", "showed off") and a determiner that end
    right before token k ("unveiled the", "launched its"), all in lower case; else None."""
    if k < 2 or not (doc[k - 1].is_lower and doc[k - 1].lower_ in rules.product_determiners):
        return None
    for phrase in rules.works.launch_verbs:
        start = k - 1 - len(phrase)
        if start >= 0 and _phrase_at(doc, start, (phrase,)):
            return start
    return None


def launched_code(doc: Doc, j: int, spans: list[Span], rules: EntityRules) -> bool:
    """A launch verb at token j has a model's code for its object ("unveiled the DB9", "launched
    its new X5"): the code, after a determiner and maybe "new", is one the verb marks as a model."""
    by_end = {sp.end: sp for sp in spans}
    for phrase in rules.works.launch_verbs:
        if not _phrase_at(doc, j, (phrase,)):
            continue
        i = j + len(phrase) + 1
        if i < len(doc) and doc[i].lower_ in rules.labels.product_cue_new and doc[i].is_lower:
            i += 1
        end = _code_end(doc, i, rules) if i < len(doc) and doc[i].text[:1].isupper() else None
        if end is not None and _code_cued(doc, i, end, by_end, rules):
            return True
    return False


def cued_codes(doc: Doc, spans: list[Span], rules: EntityRules) -> list[tuple[int, int]]:
    """(start, end) of the model codes the document marks as models (``_code_cued``: "Aston
    Martin's DB9", "the new X5", "unveiled the DB9", "the PS2 console")."""
    by_end = {sp.end: sp for sp in spans}
    out = []
    for i in range(1, len(doc)):
        end = _code_end(doc, i, rules) if doc[i].text[:1].isupper() else None
        if end is not None and _code_cued(doc, i, end, by_end, rules):
            out.append((i, end))
    return out


def _coded_models(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Aston Martin's new DB9 ... sales of the DB9": a code of letters and digits that a maker's
    possessive, "the new" or a word for a made thing after it marks as a model is a PRODUCT at
    every mention the model read as a name or missed; a code and a name the model took as one
    span ("the V8 Vantage") is a PRODUCT, and so is that name at its other mentions, as is a
    name before a word for a vehicle ("the Vantage sports car") that the document never writes
    as an owner ("Porsche's": a maker). Not a road's number, a group of states, a format ("MP3")."""
    by_end = {sp.end: sp for sp in spans}
    taken = taken_tokens(spans)
    codes: set[str] = set()
    names: set[str] = set()
    fronted = []
    for i, end in cued_codes(doc, spans, rules):
        codes.add(_code_text(doc[i:end].text))
        start = _model_front(doc, i, by_end, taken, rules)
        if start < i:
            fronted.append(Span(doc, start, end, label="PRODUCT", span_id=CODED))
    named = []
    for sp in spans:
        end = _code_end(doc, sp.start, rules) if sp.label_ in _CODE_MISREAD else None
        rest = doc[end:sp.end] if end is not None else None
        if (rest is not None and 1 <= len(rest) <= 2 and all(t.is_title for t in rest) and not _road_after(doc, end, rules)
                and not any(t.text in rules.company_heads or t.text in rules.org_heads for t in rest)):
            names.add(rest.text)  # "V8 Vantage": the model's name after its code
            named.append(sp)
    owners = {sp.text for sp in spans if sp.end < len(doc) and doc[sp.end].text in POSSESSIVE}
    for sp in spans:
        if (len(sp) == 1 and sp.label_ in _CODE_MISREAD and sp.text not in owners and sp.text not in rules.works.makers
                and sp[0].is_title and sp.start > 0 and doc[sp.start - 1].lower_ == "the"
                and _phrase_at(doc, sp.end, rules.works.vehicle_nouns)):
            names.add(sp.text)  # "the Vantage sports car"
    names -= owners
    if not codes and not names:
        return spans
    spans = replace_spans(spans, fronted + [Span(doc, sp.start, sp.end, label="PRODUCT", span_id=CODED) for sp in named
                                            if sp[-1].text not in owners and sp.label_ != "PRODUCT"])
    return replace_spans(spans, _model_mentions(doc, spans, codes, names, rules))


def _model_front(doc: Doc, i: int, by_end: dict[int, Span], taken: set[int], rules: EntityRules) -> int:
    """Start of a model's name ending in the code at token i: up to two capitalised words no span
    covers right before it ("Epson R800", "Radeon X800"), and a maker's or product's span before
    those ("Motorola Razr V3"); i when there are none."""
    start = i
    while (start > 0 and i - start < 2 and start - 1 not in taken and doc[start - 1].whitespace_
           and capitalised(doc[start - 1]) and not sentence_start(doc, start - 1)
           and doc[start - 1].text not in _ARTICLES and doc[start - 1].text not in rules.titles):
        start -= 1
    maker = by_end.get(start)
    if start < i and maker is not None and maker.label_ in {"ORG", "PRODUCT"} and doc[start - 1].whitespace_:
        start = maker.start
    return start


#: a road's number ("M6", "A1", "B4009")
_ROAD_NUMBER = re.compile(r"^[AMB]\d{1,4}$")


def _roads(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"the M6 Toll": a road's number and a capitalised word for a road, which the model read as a
    product or a name, is a road, a FAC; so is a road's number alone before a lower-case word for a
    road (round 8: "the new M6 toll road")."""
    return [Span(doc, sp.start, sp.end, label="FAC", span_id=ROAD)
            if (sp.label_ in _CODE_MISREAD - {"FAC"} and _ROAD_NUMBER.match(sp[0].text)
                and ((len(sp) == 2 and sp[1].is_title and sp[1].lower_ in rules.works.road_words)
                     or (len(sp) == 1 and _road_after(doc, sp.end, rules) and doc[sp.end].is_lower))) else sp
            for sp in spans]


def _model_mentions(doc: Doc, spans: list[Span], codes: set[str], names: set[str], rules: EntityRules) -> list[Span]:
    """PRODUCT spans at the mentions of ``codes`` (alone, or with a name after: "V8 Vantage") and of
    ``names`` (one word), where the model gave no span, a span of its own extent with a name's label, or
    a number label on the code alone; a longer name around a mention is left alone."""
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for tok in doc:
        end = _code_end(doc, tok.i, rules) if tok.text[:1].isupper() else None
        if end is not None and _code_text(doc[tok.i:end].text) in codes and not _road_after(doc, end, rules):
            old = by_token.get(tok.i)
            if old is not None and old.start == tok.i and old.end > end and doc[end:old.end].text in names:
                end = old.end  # "V8 Vantage"
        elif tok.text in names and not (tok.i + 1 < len(doc) and attached(tok, doc[tok.i + 1]) and doc[tok.i + 1].is_alpha):
            end = tok.i + 1
        else:
            continue
        inside = list({(sp.start, sp.end): sp for k in range(tok.i, end) if (sp := by_token.get(k))}.values())
        if any(sp.start < tok.i or sp.end > end for sp in inside):
            continue  # a longer name the model found ("Airbus A380"): its own rules decide
        if any(sp.label_ not in _CODE_MISREAD and (sp.label_ in LABELS or (sp.start, sp.end) != (tok.i, end))
               for sp in inside):
            continue
        if not (len(inside) == 1 and inside[0].label_ == "PRODUCT" and (inside[0].start, inside[0].end) == (tok.i, end)):
            new.append(Span(doc, tok.i, end, label="PRODUCT", span_id=CODED))
    return new


def _coordinated_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"favourites Million Dollar Baby and The Aviator": capitalised words joined by "and"/"or" to a
    title a cue marked are a title too, a WORK_OF_ART: two words or more, no person's full name, no
    place, nationality, firm or event the model found at their start, not at a sentence's start."""
    cued = {CUE, CREDIT, APPOSED, MENTION, "fix:work", "fix:mention"}
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for sp in spans:
        if sp.label_ != "WORK_OF_ART" or sp.id_ not in cued or len(sp) < 2:
            continue  # a one-word title before "and" may be a title cut short ("Bill and Ted's ...")
        for start, end in _conjuncts(doc, sp, rules):
            old = list({(o.start, o.end): o for k in range(start, end) if (o := by_token.get(k))}.values())
            if (end - start < 2 or sentence_start(doc, start) or doc[start].text in rules.titles
                    or any(o.start < start or o.end > end or o.label_ == "WORK_OF_ART"
                           or (o.label_ == "PERSON" and (o.start, o.end) != (start, end)) for o in old)
                    or not _is_title(doc, start, end, old, "weak", rules, spans)):
                continue  # "Edward and Mrs Simpson"; "worked with Carpenter on X and Y": a person inside
            new.append(Span(doc, start, end, label="WORK_OF_ART", span_id=CUE))
    return replace_spans(spans, new)


def _conjuncts(doc: Doc, sp: Span, rules: EntityRules) -> list[tuple[int, int]]:
    """The capitalised runs joined to the span by "and"/"or" right before or after it."""
    out = []
    if sp.start >= 2 and doc[sp.start - 1].lower_ in {"and", "or"} and doc[sp.start - 1].is_lower:
        start = title_before(doc, sp.start - 1, rules)
        if start is not None:
            out.append((start, sp.start - 1))
    if sp.end + 1 < len(doc) and doc[sp.end].lower_ in {"and", "or"} and doc[sp.end].is_lower:
        end = title_run(doc, sp.end + 1, rules, rules.spans.title_breakers)
        if end is not None and not (end < len(doc) and (doc[end].is_title or doc[end].text in POSSESSIVE)):
            out.append((sp.end + 1, end))
    return out


#: the rules in the order they run (titles, then their mentions, then products)
STEPS: tuple[Callable[[Doc, list[Span], EntityRules], list[Span]], ...] = (
    _cued_titles, _credited_titles, _apposed_titles, _title_mentions, _coordinated_titles, _known_products, _after_product_words, _versions,
    _platform_titles, _models, _maker_numbers, _coded_models, _roads,
)
