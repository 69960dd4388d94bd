"""Titles of works (WORK_OF_ART) from the words around them: a cue before the title, a credit
word after it, an apposition, its other mentions, a title joined to a marked one, a game's title
before its platform (the steps of :mod:`.works` for titles)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..gazetteer import is_first_name, is_place
from ..names import full_name_words
from ..rules import LABELS, EntityRules
from ..spans import title_before, title_run, with_subtitle
from ..tokens import (HYPHENS, OPENERS, POSSESSIVE, attached, capitalised, line_start, replace_spans, sentence_start,
                      taken_tokens)
from .awards import award_event_words
from .common import (APPOSED, ARTICLES, CREDIT, CUE, MENTION, PLATFORM, capitalised_run_start, phrase_before,
                     span_words, spans_over, title_with_article)

#: labels a weak cue (a role phrase, a credit word, an award category) leaves alone at a title's start
_FIRM = {"GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "LANGUAGE", "ORG"}
#: labels a strong cue (a word for a work, a work phrase) leaves alone
_FIRM_STRONG = {"NORP", "LANGUAGE", "LAW"}
#: labels a title's other mentions may have been given by mistake (a one-word title's: fewer,
#: the film "Chicago" leaves the city "Chicago" alone)
_MISREAD = {"PERSON", "ORG", "PRODUCT", "EVENT", "GPE", "NORP", "LOC", "FAC"}
_MISREAD_ONE_WORD = {"PERSON", "ORG", "PRODUCT", "EVENT"}
#: a small word before a name that ends a title read over it ("at", "in", "on": a venue, a place, a day;
#: "for": a company the part was played for, "Othello for the Royal Shakespeare Company")
_PLACE_WORDS = {"at", "in", "on", "for"}
#: tokens that end a title in apposition ("the album, Quiet Hours, ...")
_APPOSITION_ENDS = {",", ".", ";", "!", "?", ")", "-", "–", "—"}
#: words that open a role ("playing a boxer in X") or a description in apposition (", the new film by Y")
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its"}
#: words of a description in apposition that are stop words but no preposition (", the first film ...")
_ORDINALS = {"first", "last", "next", "only", "latest", "second", "third", "new"}


def _role_as(doc: Doc, i: int, rules: EntityRules) -> bool:
    """"his performance as Ray Charles in X": a role phrase, "as" and a name, then "in" at i - 1."""
    if i < 2 or doc[i - 1].lower_ != "in":
        return False
    k = i - 2
    while k > 0 and i - k <= 5 and (doc[k].is_title or doc[k].text in POSSESSIVE):
        k -= 1
    if k < 1 or k == i - 2 or doc[k].lower_ != "as":
        return False
    return any(phrase[-1] == "in" and phrase_before(doc, k, [phrase[:-1]]) for phrase in rules.works.title_cue_in)


def _played_in(doc: Doc, i: int, rules: EntityRules) -> str | None:
    """"playing a gutsy female boxer in X", "his portrayal of Ray Charles in X": a verb or noun of
    playing a part (``role_openers``), a role of up to seven words opened by a determiner or a
    name, then "in" at i - 1. "named" when the title's first word is a word of that role (a
    biopic: "Ray Charles in Ray"), "weak" otherwise, None for no such cue."""
    if i < 4 or doc[i - 1].lower_ != "in":
        return None
    for j in range(i - 2, max(i - 9, 0), -1):
        tok = doc[j]
        if not (tok.is_alpha or (tok.text in HYPHENS and attached(doc[j - 1], tok) and attached(tok, doc[j + 1]))):
            return None  # punctuation or a number ends the role
        if phrase_before(doc, j, rules.works.role_openers) and doc[j - 1].is_lower:
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


def cue_at(doc: Doc, i: int, rules: EntityRules) -> str | None:
    """"strong", "weak" or "comma" (a word for a work and a comma: an apposition) when a cue for
    a title ends right before token i, else None."""
    prev = _word_before(doc, i)
    if prev.islower() and (prev in rules.work_cue_before or prev in rules.spans.work_cue_extra):
        return "strong"
    if phrase_before(doc, i, rules.works.title_cue_of):
        return "strong"
    if phrase_before(doc, i, rules.works.title_cue_in) or _role_as(doc, i, rules) or _award_before(doc, i, rules):
        return "weak"
    if _cue_verb(doc, i, prev, rules):
        return "weak"  # round 14: "stars in and co-wrote X", "directed X", "tuned into X"
    if _weak_of(doc, i, rules):
        return "weak"  # round 10: "a new version of X", "an episode of X", "a production of X"
    if _cue_noun(doc, i, rules):
        return "strong"  # round 9: "ITV soap Coronation Street", "talent show The X Factor"
    played = _played_in(doc, i, rules)
    if played is not None:
        return played
    if i >= 2 and prev == "," and _word_before(doc, i - 1).islower() and _word_before(doc, i - 1) in (
            rules.work_cue_before | rules.spans.work_cue_extra | rules.works.title_cue_comma):
        return "comma"  # "their new album, Quiet Hours."
    return None


def _cue_verb(doc: Doc, i: int, prev: str, rules: EntityRules) -> bool:
    """Round 14: a verb of ``title_cue_verbs`` ("co-wrote", "directed", "tuned into") ends right before
    token i (a hyphenated word whole), and token i is no courtesy title ("directed Mr Vosk to ...")."""
    verbs = rules.works.title_cue_verbs
    if not verbs or doc[i].text in rules.titles:
        return False
    return prev.lower() in verbs or phrase_before(doc, i, [tuple(v.split()) for v in verbs if " " in v])


def _weak_of(doc: Doc, i: int, rules: EntityRules) -> bool:
    """Round 10: a phrase of ``title_cue_weak_of`` ("version of", "episode of", "production of",
    "rendition of") ends right before token i, and token i starts no product: no PRODUCT label
    from the model, no maker, no first word of a known product ("a version of Windows XP")."""
    phrases = [tuple(p.split()) for p in award_event_words().title_cue_weak_of]
    if not phrase_before(doc, i, phrases):
        return False
    word = doc[i].text
    return (doc[i].ent_type_ != "PRODUCT" and word not in rules.works.makers and word not in rules.works.platforms
            and not any(product[0] == word for product in rules.works.known_products))


#: words before a noun for a work that make it no noun of a title ("to show", "will hit")
_VERB_MARKS = {"to", "will", "would", "can", "could", "may", "might", "must", "should", "did", "does", "do"}


def _cue_noun(doc: Doc, i: int, rules: EntityRules) -> bool:
    """Round 9: a noun for a work (``title_cue_nouns``) ends right before token i, in lower case and
    read as a noun: tagged as one, or after a determiner or an owner ("the show X", "her hit X"), or
    (not "hit" or "shows", which follow a subject as verbs: "sales hit X", "the poll shows X")
    after a singular noun or a broadcaster ("talent show X", "ITV soap X"); "hit" after a lower-case
    singular noun, an adjective or a number ("cult hit X", "his best-known hit X", "1991 hit X"), not
    before a one-word place ("the storm hit Britain"); without tags, not after a word that makes it a
    verb ("to show")."""
    if i < 2 or not (doc[i - 1].is_lower and doc[i - 1].lower_ in award_event_words().title_cue_nouns):
        return False
    noun, prev = doc[i - 1], doc[i - 2]
    if noun.tag_ in {"NN", "NNS"} or prev.lower_ in _DETERMINERS or prev.text in POSSESSIVE:
        return True
    modifier = (prev.tag_ in {"NN", "JJ", "JJS", "CD"} if noun.tag_ else  # without tags: no plural, verb mark or pronoun
                not (prev.lower_.endswith("s") or prev.lower_ in _VERB_MARKS or prev.lower_ in {"who", "which", "that"}))
    if noun.lower_ == "hit" and modifier and (prev.is_lower or prev.like_num):
        one_word = i + 1 >= len(doc) or not capitalised(doc[i + 1])
        return not (one_word and doc[i].ent_type_ in {"GPE", "LOC", "NORP"})  # "the storm hit Britain"
    if noun.lower_ in {"hit", "shows"}:
        return False  # after a subject: a verb
    if not noun.tag_:
        return prev.lower_ not in _VERB_MARKS and not prev.is_punct
    return prev.tag_ in {"NN", "NNP"} or prev.text in rules.broadcasters


def _real_start(doc: Doc, i: int) -> bool:
    """Token i starts a sentence by the text itself (a line, a full stop, an opening quote), not
    only by the parser's guess: a title after a cue word is no sentence ("her song Right To Be Wrong")."""
    return line_start(doc, i) or doc[i - 1].text in OPENERS or doc[i - 1].text in {".", "!", "?"}


def _is_title(doc: Doc, start: int, end: int, old: list[Span], strength: str, rules: EntityRules,
              doc_spans: list[Span], over_org: bool = False) -> bool:
    """Tokens [start, end) after a cue of ``strength`` may be a title: no possessive or word for
    works after them, no firm label on them, no person's full name, no place or known non-title.
    ``over_org`` (round 12: a role phrase, an award category, a work phrase before the title) lets a
    weak cue take an organisation the model found that reads as no body (:func:`org_as_title`)."""
    if _names_author(doc, end, rules):
        return False
    if over_org and strength in {"weak", "named"} and not any(
            sp.label_ == "ORG" and sp.start == start and not org_as_title(doc, sp, rules) for sp in old):
        old = [sp for sp in old if sp.label_ != "ORG"]  # round 12: "her role in Vera Drake" (ORG)
    text = doc[start:end].text
    if text in rules.works.not_titles or text in rules.award_names or text == "I":
        return False  # round 9: "the puppet series I grew up with"
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
    if strength not in {"strong", "named"} and end - start == 1 and doc[start].text in full_name_words(doc_spans):
        return False  # "best actor for Gervais" after "Ricky Gervais"
    return strength == "strong" or end - start > 1 or not is_place(text)


def org_as_title(doc: Doc, sp: Span, rules: EntityRules) -> bool:
    """Round 12: an organisation the model found after a role phrase or an award category ("her
    role in Vera Drake", "best album for Confessions") may be the title: not a broadcaster, a name
    ending in a body's, club's or firm's head word ("Regent Street Association"), a first name and
    a word ("Cate Blanchett"), a grade or medium first ("Best British R & B"), two names joined by
    "and" ("Ray and Million Dollar Baby"), a name with an owner's possessive inside, a name before a
    lower-case word that is no small word ("the production of Quellnet phones"), nor the tail of a longer name ("Country and [Western
    Music]")."""
    last = sp[-1].text
    if (sp.text in rules.broadcasters or last in rules.org_heads or last in rules.club_heads
            or last in rules.company_heads or sp[0].text in award_event_words().award_front_blockers):
        return False
    if len(sp) >= 2 and is_first_name(sp[0].text):
        return False
    if any(t.lower_ in {"and", "&"} or t.text in POSSESSIVE for t in sp):
        return False  # "The Beatles' Across The Universe": an owner inside
    if sp.end < len(doc) and doc[sp.end].is_lower and doc[sp.end].is_alpha and not doc[sp.end].is_stop:
        return False  # "the production of Quellnet phones": a firm before its goods
    return not (sp.start >= 2 and doc[sp.start - 1].is_lower and doc[sp.start - 1].lower_ in {"and", "of", "&"}
                and capitalised(doc[sp.start - 2]))


def _capitalised_run(sp: Span, start: int, end: int) -> bool:
    """The span is the whole title [start, end), of two words or more, each capitalised ("Million
    Dollar Baby" read as a sum): a number label the title's words took, not a number in a title."""
    return (sp.start, sp.end) == (start, end) and len(sp) >= 2 and all(capitalised(t) for t in sp)


def cued_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Titles after a cue ("the epic X", "her performance in X", "won best actor for X", "the
    sequel to X") are WORK_OF_ART; the model's spans there are replaced."""
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for i in range(1, len(doc)):
        if not (capitalised(doc[i]) or doc[i].is_upper) or not doc[i].is_alpha:
            continue
        strength = cue_at(doc, i, rules)
        if strength is not None and (_real_start(doc, i) or (sentence_start(doc, i) and not doc[i - 1].is_lower)
                                     or (sentence_start(doc, i) and doc[i].text in rules.titles)):
            continue  # a sentence's first word; the parser's guess alone after a lower-case cue is none,
            # unless a title opens it ("Radio 4's Today programme Mr Blair had refused")
        if strength is None:
            continue
        run = _whole_words(doc, title_run(doc, i, rules, rules.spans.title_breakers), rules)
        first = by_token.get(i)
        if first is not None and first.start < i:
            continue  # the cue's word is inside a name ("Best Film Award for ...")
        end = max(run or i, first.end if first is not None else i)
        end = cut_at_names(doc, i, with_subtitle(doc, end, rules), spans, rules)
        old = list({(sp.start, sp.end): sp for k in range(i, end) if (sp := by_token.get(k))}.values())
        second = _second_title(doc, i, end, old, rules)
        if second is not None:
            old = [sp for sp in old if sp.end <= end] + [Span(doc, sp.start, end, label=sp.label_) for sp in old
                                                          if sp.end > end]
        if end == i or any(sp.end > end for sp in old) or not _is_title(doc, i, end, old, strength, rules, spans,
                                                                        over_org=True):
            continue
        if all(sp.label_ == "WORK_OF_ART" and (sp.start, sp.end) == (i, end) for sp in old) and old:
            continue
        new.append(Span(doc, i, end, label="WORK_OF_ART", span_id=CUE))
        if second is not None:
            new.append(second)
    return replace_spans(spans, new)


def _second_title(doc: Doc, i: int, end: int, old: list[Span], rules: EntityRules) -> Span | None:
    """Round 14: "her roles in Eternal Sunshine of the [Spotless Mind and Finding Neverland]": a span
    of the model's that starts inside the cued title and runs on over "and" and a second capitalised
    title to its own end holds two titles after one cue; the second, a WORK_OF_ART, or None."""
    over = [sp for sp in old if sp.end > end]
    if len(over) != 1 or over[0].start <= i or end + 1 >= len(doc) or doc[end].lower_ not in {"and", "&"}:
        return None
    sp = over[0]
    if sp.label_ not in _MISREAD or title_run(doc, end + 1, rules, rules.spans.title_breakers) != sp.end:
        return None
    return Span(doc, end + 1, sp.end, label="WORK_OF_ART", span_id=CUE)


def _whole_words(doc: Doc, end: int | None, rules: EntityRules) -> int | None:
    """Round 9: ``end`` of a title run moved past a word the tokenizer split ("Got" "ta" of "Gotta"),
    and on over the capitalised words after it ("She's Gotta Have It")."""
    while end is not None and end < len(doc) and not doc[end - 1].whitespace_ and doc[end].is_alpha and doc[end].is_lower:
        end += 1
        if end < len(doc) and doc[end - 1].whitespace_ and capitalised(doc[end]):
            end = title_run(doc, end, rules, rules.spans.title_breakers) or end
    return end


def cut_at_names(doc: Doc, i: int, end: int, spans: list[Span], rules: EntityRules) -> int:
    """``end`` of the title from token i cut before "at", "in" or "on" (and "the") and a name or
    date the model found ("X at [Grauman]'s Chinese Theatre", "X at the [Brit Awards]", "X in
    [London] on [Friday]"), on a capitalised word."""
    cut = end
    for sp in spans:
        if i + 1 < sp.start < end:
            k = sp.start - 1 if doc[sp.start - 1].lower_ != "the" else sp.start - 2
            if k > i and (doc[k].lower_ in _PLACE_WORDS or (doc[k].lower_ == "with" and sp.label_ == "PERSON")):
                cut = min(cut, k)  # round 14: "co-wrote X with [Ann Vosk]": the co-writer
    for k in range(i + 1, cut - 1):
        if doc[k].lower_ in _PLACE_WORDS and doc[k].is_lower and doc[k + 1].like_num:
            cut = min(cut, k)  # round 9: "Harbour Lane in 1999": a year after the title
            break
        if (doc[k].lower_ == "with" and doc[k].is_lower and k + 2 < cut and is_first_name(doc[k + 1].text)
                and capitalised(doc[k + 2])):
            cut = min(cut, k)  # round 14: "co-wrote X with June Carter Cash": a person's full name after "with"
            break
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
    if doc[start].text in ARTICLES and sentence_start(doc, start) and start + 1 < k:
        start += 1  # "The Titanic star": the article at a sentence start is not the title's
    return start


def credited_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
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
        inside = spans_over(by_token, start, k)
        if any(sp.start < start for sp in inside) or not _is_title(doc, start, k, inside, "weak", rules, spans):
            continue
        if not (len(inside) == 1 and inside[0].label_ == "WORK_OF_ART" and (inside[0].start, inside[0].end) == (start, k)):
            new.append(Span(doc, start, k, label="WORK_OF_ART", span_id=CREDIT))
    return replace_spans(spans, new)


def title_mentions(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A title a cue marked is a WORK_OF_ART at its other mentions: spans with its words (or
    its words without the leading article, which then comes in where the text has it), and
    for a title of two words or more also mentions the model missed (round 14: a one-word title's
    too, after a lower-case word inside a sentence)."""
    titles: set[tuple[str, ...]] = set()
    written: set[tuple[str, ...]] = set()  # as written, with a leading article ("The Aviator")
    for sp in spans:
        if sp.label_ == "WORK_OF_ART" and sp.id_ in {CUE, CREDIT, APPOSED, "fix:work"}:
            words = span_words(sp)
            titles.add(words[1:] if words[0] in ARTICLES and len(words) > 1 else words)
            if len(words) > 1:
                written.add(words)
    people = full_name_words(spans)  # "Ray" of "Ray Charles"
    titles = {t for t in titles if len(t) > 1 or (t[0] not in people and t[0] not in rules.award_names)}
    if not titles:
        return spans
    taken = taken_tokens(spans)
    new = []
    for sp in spans:
        words = span_words(sp)
        core = words[1:] if words[0] in ARTICLES and len(words) > 1 else words
        misread = _MISREAD if len(core) > 1 else _MISREAD_ONE_WORD
        if (core in titles and (sp.label_ in misread or (sp.label_ not in LABELS and len(core) > 1))
                and not _names_author(doc, sp.end, rules)):  # "Million Dollar Baby" read as a sum too
            new.append(title_with_article(doc, sp.start, sp.end, MENTION))
    for tok in doc:
        for words in written | {t for t in titles if len(t) > 1}:
            end = tok.i + len(words)
            if (tok.text == words[0] and span_words(doc[tok.i:end]) == words
                    and not any(k in taken for k in range(tok.i, end)) and _stands_alone(doc, tok.i, end)):
                new.append(title_with_article(doc, tok.i, end, MENTION))
        if ((tok.text,) in titles and tok.i not in taken and tok.i > 0 and doc[tok.i - 1].is_lower
                and len(tok.text) > 1 and tok.is_alpha and not tok.is_upper  # not "I", "HSDPA", "CD"
                and not sentence_start(doc, tok.i) and _stands_alone(doc, tok.i, tok.i + 1)
                and not _names_author(doc, tok.i + 1, rules)):
            new.append(Span(doc, tok.i, tok.i + 1, label="WORK_OF_ART", span_id=MENTION))
            # round 14: a one-word title the model missed, inside a sentence after a lower-case word
            # ("said Sideways producer Michael London")
    return replace_spans(spans, new)


def _names_author(doc: Doc, end: int, rules: EntityRules) -> bool:
    """A possessive or a lower-case word for works follows the name ending at token ``end``
    ("Lemony Snicket novels", "Stone's film"): its author, not the title."""
    nxt = doc[end] if end < len(doc) else None
    return nxt is not None and (nxt.text in POSSESSIVE or (nxt.is_lower and (
        nxt.lower_ in rules.spans.work_words or nxt.lower_ in rules.spans.work_plurals)))


def _stands_alone(doc: Doc, start: int, end: int) -> bool:
    """Tokens [start, end) are not part of a longer capitalised name."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return not ((before is not None and before.is_title and before.text not in ARTICLES
                 and not sentence_start(doc, start - 1) and before.whitespace_)
                or (after is not None and after.is_title and not after.is_punct))


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


def apposed_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
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
    return replace_spans(spans, new + _missed_apposed(doc, spans, rules))


def _missed_apposed(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 14: "Sideways, a wine-tasting comedy starring ...", "were Brother to Brother, a drama
    about ...": a title the model missed (capitalised words, small words inside, no span on them)
    before the same description; it starts a sentence or follows a lower-case word or a comma; not a
    first name and a word (a person), a place, nor a word for works or a courtesy title."""
    taken = {i for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for e in range(1, len(doc) - 2):
        if doc[e].text != "," or e - 1 in taken or not _apposition_head(doc, e, rules):
            continue
        start = title_before(doc, e, rules)
        if start is None or any(j in taken for j in range(start, e)):
            continue
        if not (sentence_start(doc, start) or (start > 0 and (doc[start - 1].is_lower or doc[start - 1].text == ","))):
            continue  # the end of a longer name
        text = doc[start:e].text
        if (doc[start].text in rules.titles or (e - start >= 2 and is_first_name(doc[start].text))
                or text in rules.works.not_titles or is_place(text) or text in rules.broadcasters or text == "I"):
            continue
        new.append(Span(doc, start, e, label="WORK_OF_ART", span_id=APPOSED))
    return new


def coordinated_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
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


def platform_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
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
        while start < k and (doc[start].like_num or doc[start].text in ARTICLES or doc[start].text in rules.titles):
            start += 1
        if start == k or any(t.text in rules.works.makers for t in doc[start:k]):
            continue
        if span_words(doc[start:k + 1]) in rules.works.known_products or (k - start == 1 and sentence_start(doc, start)):
            continue  # "Windows XP"; "Its DS": one word at a sentence start
        new.append(Span(doc, start, k + 1, label="WORK_OF_ART", span_id=PLATFORM))
    return replace_spans(spans, new)


#: lower-case words for a programme after its title ("Radio 4's Today programme")
_PROGRAMME_WORDS = {"programme", "programmes", "show", "series"}
#: words that make the run before a programme word a medium, not a title ("ITV's US TV show")
_MEDIA = {"TV", "Radio", "Television"}


def broadcast_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 9: "BBC Radio 4's Today programme", "ITV's Tonight show": capitalised words between a
    broadcaster's possessive (an organisation the model found, or a listed broadcaster) and a
    lower-case word for a programme are the programme's title, a WORK_OF_ART, also over a date
    label ("Today"); not a host's full name ("the Jeremy Vine show"), a medium, a place or a
    broadcaster."""
    by_end = {sp.end: sp for sp in spans}
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for k in range(3, len(doc)):
        if not (doc[k].is_lower and doc[k].lower_ in _PROGRAMME_WORDS):
            continue
        start = capitalised_run_start(doc, k, 4)
        if start == k or start < 2 or doc[start - 1].text not in POSSESSIVE:
            continue
        owner = by_end.get(start - 1)
        if not ((owner is not None and owner.label_ == "ORG") or doc[start - 2].text in rules.broadcasters):
            continue
        text = doc[start:k].text
        if text in rules.broadcasters or any(t.text in _MEDIA for t in doc[start:k]):
            continue
        old = spans_over(by_token, start, k)
        if any(sp.start < start or sp.end > k or sp.label_ in {"GPE", "LOC", "NORP", "WORK_OF_ART"}
               or (sp.label_ == "PERSON" and len(sp) >= 2) for sp in old):
            continue  # a host's name, a place, a title already found
        new.append(Span(doc, start, k, label="WORK_OF_ART", span_id=CUE))
    return replace_spans(spans, new)



#: the reason headed_titles writes for a name the model read as a person (its mentions are not spread)
HEADED = "fix:headed"


def headed_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 10: "the Matrix trilogy", "the Evil Dead movies", "the Wonder Woman movie": a name the
    model read as a PERSON or ORG between "the" and a lower-case head for films (``title_heads_after``)
    is the work's title, a WORK_OF_ART. Not a person's full name ("the Michael Winterbottom film"),
    a surname of a person the article names ("the Spielberg film" after "Steven Spielberg"), a listed
    non-title ("the Bond franchise"), a broadcaster or maker, nor the tail of a longer title ("the Lord
    of the Rings film": a word before "the")."""
    heads = award_event_words().title_heads_after
    people = {sp[-1].text for sp in spans if sp.label_ == "PERSON" and len(sp) >= 2}
    new = []
    for sp in spans:
        if sp.label_ not in {"PERSON", "ORG"} or sp.start < 1 or sp.end >= len(doc):
            continue
        head, the = doc[sp.end], doc[sp.start - 1]
        if not (head.is_lower and head.lower_ in heads and the.lower_ == "the"):
            continue
        if sp.start >= 3 and doc[sp.start - 2].lower_ in {"of", "and"} and doc[sp.start - 2].is_lower and (
                capitalised(doc[sp.start - 3]) and not sentence_start(doc, sp.start - 3)):
            continue  # "the Lord of the [Rings] film": the end of a longer title ("producer of the X trilogy" is none)
        if sp.label_ == "PERSON" and (is_first_name(sp[0].text) or (len(sp) == 1 and sp.text in people)):
            continue
        if sp.text in rules.works.not_titles or sp.text in rules.broadcasters or sp.text in rules.works.makers:
            continue
        # a firm's name there is the title at its other mentions too; a person's may be a character's
        # name elsewhere ("the Wonder Woman movie" ... "the character of Wonder Woman")
        new.append(Span(doc, sp.start, sp.end, label="WORK_OF_ART", span_id=CUE if sp.label_ == "ORG" else HEADED))
    return replace_spans(spans, new)


def title_fronts(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 14: a capitalised word of ``title_front_words`` ("My", "The", "Your") right before a
    WORK_OF_ART, after a lower-case word inside a sentence, is the title's first word ("for My Summer
    of Love" where the model found "Summer of Love", "forthcoming venture The Rising"); not after "and"
    or "or" (a list's member: "Iggy Pop and The B-52s"), nor where another span ends there."""
    fronts = rules.works.title_front_words
    if not fronts:
        return spans
    ends = {sp.end for sp in spans}
    new = []
    for sp in spans:
        k = sp.start - 1
        if (sp.label_ == "WORK_OF_ART" and k >= 1 and doc[k].text in fronts and doc[k].whitespace_
                and not line_start(doc, k) and doc[k - 1].is_lower
                and doc[k - 1].lower_ not in {"and", "or", "nor"}
                and k not in ends and not any(o.start <= k < o.end for o in spans)):
            new.append(Span(doc, k, sp.end, label="WORK_OF_ART", span_id=sp.id_))
    return replace_spans(spans, new)
