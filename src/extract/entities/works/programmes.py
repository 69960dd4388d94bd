"""Round 12: programmes, films and other works named with no quote marks, marked by what the
sentence says about them (word lists in ``resources/entity_works.json``, keys named below). The
model reads such a title as an organisation or a person ("The Office" ORG, "Doc Martin" PERSON);
each rule reads only words, their case and the spans found so far, so it works on
``spacy.blank("en")`` with hand-set entities:

* a broadcaster in brackets right after a name ("Jonathan Creek (BBC One)", "Shameless (Channel
  4)", several joined by "/" or ","): the name is a programme (not a person the article also names
  by the last word alone, a place, a nationality, a broadcaster);
* a name the model read as a person (no first name) or an organisation right after a broadcaster's
  possessive ("the BBC's EastEnders"; not a body's name, a station, a name before a lower-case noun);
* a broadcaster and a lower-case word for its programmes (``programme_nouns``: "ITV1 shows Doc
  Martin and Life Begins", "BBC One show My Family") opens a list of titles, an item owned by
  another broadcaster's possessive too ("and Channel 4's Shameless");
* a word for a work's maker or star and "of" (``title_cue_credit_of``: "creator of The Simpsons",
  "star of Rain Man") marks the title after it, also over an organisation the model found; and a
  title before a word for a work's maker that no firm or paper has (``credit_words_strong``:
  "The Office creator Ricky Gervais", "X co-writer Y") and a person, also over an organisation;
* a name that "was named/voted best <...> comedy" (``best_named_verbs`` and ``best_work_nouns``),
  or "won best <...> drama" (``best_won_verbs`` and the screen's nouns ``best_screen_nouns``: a band
  or a singer wins "best album"), is a work; the noun must end the phrase ("best film award" no);
* capitalised words after a verb of naming (``title_naming_verbs``) with a word for a work before it
  ("a track called My Masochistic Baby Went And Left Me");
* a name that "has become one of TV Angola's most watched programmes" or "is a new ITV drama" (a
  linking verb of ``predicate_verbs``, a determiner or an owner, modifiers and a noun of
  ``predicate_work_nouns`` that ends the phrase; "show" only after a medium: "the largest consumer
  electronics show" is a fair) is a work, not an acronym.

A title these rules mark is written with the reasons of :mod:`.titles` (a cue, a credit), so
:func:`.titles.title_mentions` carries it to its other mentions.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..gazetteer import is_first_name
from ..rules import LABELS, EntityRules
from ..spans import title_before, title_run, with_subtitle
from ..tokens import HYPHENS, POSSESSIVE, attached, capitalised, replace_spans, sentence_start
from .common import CREDIT, CUE, spans_over, title_with_article
from .titles import cut_at_names

#: labels a title may have been given by the model where these cues overrule it
_MISREAD = {"PERSON", "ORG"}
#: labels that stop a title at its start (a place, a people, an event ... keeps its label)
_KEEP = {"GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "LANGUAGE", "PRODUCT"}
#: words after a noun that end the noun's phrase (a preposition, a conjunction: "best comedy over X")
_PHRASE_ENDS = {"and", "but", "or", "on", "in", "at", "of", "for", "with", "since", "after", "before", "that",
                "which", "who", "to", "by", "this", "last", "ever", "while", "from", "than", "when", "as", "so",
                "over", "beating", "ahead", "about", "starring", "featuring", "based", "made", "written", "directed",
                "produced", "shown", "set", "broadcast", "screened", "aired", "presented", "hosted", "created", "is",
                "was", "has", "had", "will", "would", "where", "whose", "called", "titled", "now", "yet", "too",
                "category", "categories", "prize", "award", "title", "honour", "honours"}
#: of these, the nouns of an award's name: the noun before them is no head ("the best film award")
_AWARD_AFTER = {"category", "categories", "prize", "award", "title", "honour", "honours"}
#: determiners before a predicate's noun ("is a new drama", "one of the most watched shows")
_DETERMINERS = {"a", "an", "the", "its", "their", "his", "her"}
#: stop words that may open a title at a sentence's start ("My Family", "The Office")
_TITLE_OPENERS = {"a", "an", "the", "my", "your", "our", "his", "her", "their", "no", "its"}
#: auxiliaries before a passive "named" or an active "won" ("was named best comedy", "has won best film")
_AUXILIARIES = {"was", "were", "is", "are", "has", "have", "had", "been", "be", "being", "also", "again", "just",
                "then", "later", "now", "duly", "finally"}


def _phrases(words) -> list[tuple[str, ...]]:
    """Phrases (tuples of words), longest first."""
    return sorted(words, key=len, reverse=True)


def _broadcaster_at(doc: Doc, i: int, names: list[tuple[str, ...]]) -> int | None:
    """End of the longest broadcaster's name (tuple of words) starting at token i, else None."""
    best = None
    for words in names:
        end = i + len(words)
        if end <= len(doc) and tuple(t.text for t in doc[i:end]) == words and (best is None or end > best):
            best = end
    return best


def _broadcaster_before(doc: Doc, end: int, names: list[tuple[str, ...]]) -> int | None:
    """Start of the longest broadcaster's name ending right before token ``end``, else None."""
    best = None
    for words in names:
        start = end - len(words)
        if start >= 0 and tuple(t.text for t in doc[start:end]) == words and (best is None or start < best):
            best = start
    return best


def _broadcasters(rules: EntityRules) -> list[tuple[str, ...]]:
    return [tuple(b.split()) for b in rules.broadcasters]


def _people_surnames(spans: list[Span]) -> set[str]:
    """Last words of persons' full names that the article also writes alone as a person."""
    alone = {sp.text for sp in spans if sp.label_ == "PERSON" and len(sp) == 1}
    return {sp[-1].text for sp in spans if sp.label_ == "PERSON" and len(sp) >= 2} & alone


def _full_name(sp: Span) -> bool:
    """A person's full name the model found: a first name at its front."""
    return sp.label_ == "PERSON" and len(sp) >= 2 and is_first_name(sp[0].text)


def _takes(doc: Doc, start: int, end: int, spans: list[Span], by_token: dict[int, Span], rules: EntityRules,
           labels=_MISREAD, full_names: bool = False, keep=_KEEP) -> bool:
    """Tokens [start, end) may be made a title: each span on them lies inside them and has one of
    ``labels`` (or a label that is no entity's, over a capitalised run of two words or more: a
    title read as a sum or a date), a person's full name only with ``full_names``; no broadcaster,
    courtesy title, listed non-title or award; not a title already."""
    if end <= start or not doc[start].text[:1].isupper():
        return False
    text = doc[start:end].text
    if (text in rules.broadcasters or text in rules.works.not_titles or text in rules.award_names
            or doc[start].text in rules.titles or (end - start == 1 and doc[start].is_stop)
            or doc[end - 1].text in rules.club_heads or doc[end - 1].text in rules.company_heads):
        return False  # a club ("Brenmouth Rovers") or a firm ("Tarn Ltd") is no title
    old = spans_over(by_token, start, end)
    for sp in old:
        if sp.start < start or sp.end > end or sp.label_ == "WORK_OF_ART" or sp.label_ in keep:
            return False
        if sp.label_ in LABELS and sp.label_ not in labels:
            return False
        if sp.label_ not in LABELS and not (end - start >= 2 and all(capitalised(t) or t.like_num for t in sp)):
            return False
        if not full_names and _full_name(sp):
            return False
    return True


def _word_start(doc: Doc, k: int) -> int:
    """Start of the word ending at token k, a hyphenated one whole ("co" "-" "writer")."""
    s = k
    while s >= 2 and doc[s - 1].text in HYPHENS and attached(doc[s - 2], doc[s - 1]) and attached(doc[s - 1], doc[s]):
        s -= 2
    return s


def _phrase_start(doc: Doc, i: int, phrases: list[tuple[str, ...]]) -> int | None:
    """Start of a phrase of ``phrases`` (words in lower case, hyphenated words whole) that ends right
    before token i, written in lower case; None for none."""
    for phrase in phrases:
        k = i
        for word in reversed(phrase):
            if k < 1:
                break
            s = _word_start(doc, k - 1)
            if doc[s:k].text != word:
                break
            k = s
        else:
            return k
    return None


def _name_before(doc: Doc, end: int, spans_by_end: dict[int, Span], rules: EntityRules) -> int | None:
    """Start of the name ending right before token ``end``: the model's span there, else a run of
    capitalised words (small words inside)."""
    old = spans_by_end.get(end)
    if old is not None:
        return old.start
    start = title_before(doc, end, rules)
    if start is not None and start >= 2 and not doc[start - 2].whitespace_ and doc[start - 1].text[:1].isalpha():
        return None  # "A Grand Don't Come for Free": the run starts inside a longer title ("Do" "n't")
    while (start is not None and start < end - 1 and sentence_start(doc, start) and doc[start].is_stop
           and doc[start].lower_ not in _TITLE_OPENERS):
        start += 1  # "And Tarn Street was voted ...": a sentence's first word ("My Family" keeps "My")
    if start is not None and start > 0 and doc[start - 1].text == ",":
        start = max([j + 1 for j in range(start, end) if doc[j].lower_ in {"and", "or"}], default=start)
    return start  # the last item of a list: "Shameless, State Of Play and Clocking Off creator"


def bracketed_programmes(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Jonathan Creek (BBC One)", "Shameless (Channel 4)": a name right before a bracket holding
    only broadcasters (joined by "/" or ",") is a programme, a WORK_OF_ART; not a person the
    article also names by the last word alone, nor a place, a people, an event, a broadcaster."""
    names = _broadcasters(rules)
    by_end = {sp.end: sp for sp in spans}
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    surnames = _people_surnames(spans)
    new = []
    for k in range(1, len(doc) - 2):
        if doc[k].text != "(" or not doc[k - 1].whitespace_ and doc[k - 1].is_alpha:
            continue
        j = _broadcaster_at(doc, k + 1, names)
        while j is not None and j < len(doc) and doc[j].text in {"/", ","}:
            j = _broadcaster_at(doc, j + 1, names)
        if j is None or j >= len(doc) or doc[j].text != ")":
            continue
        start = _name_before(doc, k, by_end, rules)
        if start is None or (k - start == 1 and sentence_start(doc, start) and start not in by_token):
            continue
        if doc[k - 1].text in surnames or not _takes(doc, start, k, spans, by_token, rules, full_names=True):
            continue
        new.append(title_with_article(doc, start, k, CUE))
    return replace_spans(spans, new)


def _list_items(doc: Doc, k: int, names: list[tuple[str, ...]], spans: list[Span],
                rules: EntityRules) -> list[tuple[int, int]]:
    """The titles of a list starting at token k ("Doc Martin and Life Begins", "X, Y and Z"): each a
    run of capitalised words (small words inside, "and"/"or" ending it), maybe after another
    broadcaster's possessive ("Channel 4's Shameless"), cut before "on", "in", "at" and a name or date
    the model found ("X on Saturday"); the list ends at anything else."""
    items = []
    while k < len(doc):
        owner_end = _broadcaster_at(doc, k, names)
        if owner_end is not None and owner_end < len(doc) and doc[owner_end].text in POSSESSIVE:
            k = owner_end + 1
        end = title_run(doc, k, rules, rules.spans.title_breakers) if k < len(doc) else None
        if end is None:
            break
        end = cut_at_names(doc, k, with_subtitle(doc, end, rules), spans, rules)
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and not (nxt.is_punct and nxt.text not in POSSESSIVE or nxt.is_space or nxt.is_lower):
            break  # "Doc Martin's star": an owner, no title on its own
        items.append((k, end))
        if nxt is None or nxt.text not in {",", "and", "or"}:
            break
        k = end + 1
        if doc[end].text == "," and k < len(doc) and doc[k].lower_ in {"and", "or"}:
            k += 1
    return items


def broadcaster_lists(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"ITV1 shows Doc Martin and Life Begins", "BBC One show My Family": a broadcaster's name and
    a lower-case word for its programmes (``programme_nouns``) open a list of titles, each a
    WORK_OF_ART; a person's full name only after a singular noun ("shows" may be a verb)."""
    names = _broadcasters(rules)
    nouns = set(rules.works.programme_nouns)
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for i in range(1, len(doc) - 1):
        if not (doc[i].is_lower and doc[i].lower_ in nouns):
            continue
        owner = _broadcaster_before(doc, i, names)
        if owner is None or (owner > 0 and doc[owner - 1].text[:1].isupper() and not sentence_start(doc, owner)
                             and doc[owner - 1].text not in rules.broadcasters):
            continue  # "Tom ITV show": the broadcaster's word inside a longer name
        plural = doc[i].lower_.endswith("s") and doc[i].lower_ != "series"
        for start, end in _list_items(doc, i + 1, names, spans, rules):
            if _takes(doc, start, end, spans, by_token, rules, full_names=not plural):
                new.append(title_with_article(doc, start, end, CUE))
    return replace_spans(spans, new)


def credit_of_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"the creator of The Simpsons", "star of Rain Man and Tootsie": a title right after a word for
    a work's maker or star and "of" (``title_cue_credit_of``) is a WORK_OF_ART, over an organisation
    the model found too; not an owner before a possessive ("star of Ireland's win"), an author
    before a word for works, a place, a people, a broadcaster, a person's full name."""
    phrases = _phrases(rules.works.title_cue_credit_of)
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for i in range(2, len(doc)):
        if not capitalised(doc[i]) or _phrase_start(doc, i, phrases) is None:
            continue
        first = by_token.get(i)
        end = title_run(doc, i, rules, rules.spans.title_breakers)
        if end is None:
            continue
        end = with_subtitle(doc, max(end, first.end if first is not None else end), rules)
        if _owner_or_author(doc, end, rules) or not _takes(doc, i, end, spans, by_token, rules):
            continue
        new.append(title_with_article(doc, i, end, CUE))
    return replace_spans(spans, new)


def _owner_or_author(doc: Doc, end: int, rules: EntityRules) -> bool:
    """A possessive or a lower-case noun follows the name ending at ``end``: it owns or modifies
    something ("Ireland's win", "the Demos report"), it is no title on its own."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    return nxt.text in POSSESSIVE or (nxt.is_lower and (nxt.lower_ in rules.spans.work_words
                                                        or nxt.lower_ in rules.spans.work_plurals))


def strong_credit_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"The Office creator Ricky Gervais", "Phoenix Nights co-writer Neil Fitzmaurice": a title right
    before a word for a work's maker that no firm, paper or station has (``credit_words_strong``) and a
    person is a WORK_OF_ART, over an organisation the model found too; not a person's full name, a
    place, a broadcaster, a medium, one capitalised word opening a sentence."""
    words = set(rules.works.credit_words_strong)
    persons = {sp.start for sp in spans if sp.label_ == "PERSON"}
    by_end = {sp.end: sp for sp in spans}
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for e in range(1, len(doc) - 1):
        k = _word_start(doc, e)  # the credit word is doc[k:e + 1], hyphenated or not
        if not (e + 1 in persons and doc[k:e + 1].text in words) or any(j in by_token for j in range(k, e + 1)):
            continue
        start = _name_before(doc, k, by_end, rules)
        if start is None or (k - start == 1 and sentence_start(doc, start) and start not in by_token):
            continue
        if start > 0 and doc[start - 1].text in POSSESSIVE:
            continue  # "Channel 4's X creator": left to the broadcaster's rules
        if any(t.text in {"TV", "Radio", "Television"} for t in doc[start:k]):
            continue
        if _takes(doc, start, k, spans, by_token, rules):
            new.append(title_with_article(doc, start, k, CREDIT))
    return replace_spans(spans, new)


def _noun_ends_phrase(doc: Doc, j: int) -> bool:
    """Token j is the head of its phrase: the end of the text or a line, punctuation (no possessive
    or hyphen), or a word of ``_PHRASE_ENDS`` (not a noun of an award's name: "best film award")."""
    if j + 1 >= len(doc):
        return True
    nxt = doc[j + 1]
    if nxt.is_space or (nxt.is_punct and nxt.text not in POSSESSIVE and nxt.text not in HYPHENS):
        return True
    return nxt.is_lower and nxt.lower_ in _PHRASE_ENDS and nxt.lower_ not in _AWARD_AFTER


def _best_noun(doc: Doc, i: int, nouns: set[str]) -> bool:
    """"best (new) (TV) comedy" starts at token i ("best" or "the best" or "Britain's best"): up to
    four modifiers, then a noun of ``nouns`` that ends the phrase."""
    k = i
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    elif k + 1 < len(doc) and doc[k + 1].text in POSSESSIVE and capitalised(doc[k]):
        k += 2  # "named Britain's best new TV comedy"
    if k >= len(doc) or doc[k].lower_ != "best" or not doc[k].is_lower:
        return False
    for j in range(k + 1, min(k + 6, len(doc))):
        tok = doc[j]
        if tok.is_lower and tok.lower_ in nouns and _noun_ends_phrase(doc, j):
            return True
        if not (tok.is_alpha or tok.text in HYPHENS) or tok.lower_ in {"and", "or", "for", "of", "in"}:
            return False  # "best actor for X", "best male and best album"
    return False


def _verb_start(doc: Doc, i: int, verbs: list[tuple[str, ...]]) -> int | None:
    """Start of the auxiliaries before a verb phrase of ``verbs`` that ends right before token i
    ("has been named"), else None."""
    for p in verbs:
        s = i - len(p)
        if s >= 1 and all(doc[s + n].lower_ == w and doc[s + n].is_lower for n, w in enumerate(p)):
            while s >= 1 and doc[s - 1].is_lower and doc[s - 1].lower_ in _AUXILIARIES:
                s -= 1
            return s
    return None


def best_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Nighty Night was named Britain's best new TV comedy", "School of Rock was voted best comedy
    film", "Doc Martin won best TV comedy drama": the name before a verb of naming
    (``best_named_verbs``) and "best" with a noun for a work (``best_work_nouns``), or before a verb of
    winning (``best_won_verbs``) and "best" with a noun of the screen (``best_screen_nouns``), is a
    WORK_OF_ART; not a person's full name, a place, a people, a broadcaster."""
    named, won = _phrases(rules.works.best_named_verbs), _phrases(rules.works.best_won_verbs)
    work_nouns, screen_nouns = set(rules.works.best_work_nouns), set(rules.works.best_screen_nouns)
    by_end = {sp.end: sp for sp in spans}
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for i in range(2, len(doc)):
        if doc[i].lower_ not in {"best", "the"} and not (i + 1 < len(doc) and doc[i + 1].text in POSSESSIVE):
            continue
        if (s := _verb_start(doc, i, named)) is not None and _best_noun(doc, i, work_nouns):
            pass
        elif (s := _verb_start(doc, i, won)) is not None and _best_noun(doc, i, screen_nouns):
            pass
        else:
            continue
        start = _name_before(doc, s, by_end, rules)
        if start is not None and _takes(doc, start, s, spans, by_token, rules):
            new.append(title_with_article(doc, start, s, CUE))
    return replace_spans(spans, new)


def predicate_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Meeting Point has become one of TV Angola's most watched programmes", "Tarn Lane is a new ITV
    drama": the name before a linking verb (``predicate_verbs``), "one of" or not, a determiner or an
    owner's possessive, up to four modifiers and a noun for a work (``predicate_work_nouns``) that ends
    the phrase is a WORK_OF_ART; not a person's full name, a place, a broadcaster."""
    verbs = _phrases(rules.works.predicate_verbs)
    nouns = set(rules.works.predicate_work_nouns)
    media = rules.spans.list_media | rules.broadcasters | {"talk", "chat", "quiz", "game", "comedy", "sketch"}
    by_end = {sp.end: sp for sp in spans}
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    lasts = {p[-1] for p in verbs}  # the word before i must end a verb phrase: a quick test first
    new = []
    for i in range(2, len(doc) - 1):
        if doc[i - 1].lower_ not in lasts:
            continue
        s = _verb_start(doc, i, verbs)
        if s is None or not _predicate_noun(doc, i, nouns, media):
            continue
        start = _name_before(doc, s, by_end, rules)
        if start is not None and not (s - start == 1 and doc[start].is_upper) and _takes(
                doc, start, s, spans, by_token, rules):
            new.append(title_with_article(doc, start, s, CUE))  # an acronym ("CES") names a body or a fair
    return replace_spans(spans, new)


def _predicate_noun(doc: Doc, i: int, nouns: set[str], media: frozenset[str]) -> bool:
    """From token i: ("one of") a determiner or an owner (capitalised words and a possessive, "the
    BBC's"), up to four modifiers, then a noun of ``nouns`` that ends the phrase; "show(s)" only
    right after a medium or a broadcaster ("TV show"; "the largest consumer electronics show" is a
    fair)."""
    k = i
    if k + 1 < len(doc) and doc[k].lower_ == "one" and doc[k + 1].lower_ == "of":
        k += 2
    if k < len(doc) and doc[k].lower_ in _DETERMINERS and doc[k].is_lower:
        k += 1
    owner = k
    while owner < len(doc) and owner - k < 4 and (capitalised(doc[owner]) or doc[owner].is_upper):
        owner += 1
    if owner > k and owner < len(doc) and doc[owner].text in POSSESSIVE:
        k = owner + 1  # "TV Angola's", "the BBC's"
    elif k == i:
        return False  # no determiner, no owner: "X is popular", "X was shows"
    for j in range(k, min(k + 5, len(doc))):
        tok = doc[j]
        if tok.is_lower and tok.lower_ in nouns and _noun_ends_phrase(doc, j):
            return tok.lower_ not in {"show", "shows"} or (j > k and (doc[j - 1].text in media))
        if not (tok.is_alpha or tok.text in HYPHENS) or tok.lower_ in {"and", "or", "of", "for", "in", "to"}:
            return False
    return False


def called_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"a track called My Masochistic Baby Went And Left Me", "the song is called Gonna Have a No 1":
    capitalised words right after a verb of naming (``title_naming_verbs``) that a word for a work
    comes before (up to three words before it, "is", "was", "to be" between) are a title, a
    WORK_OF_ART ("a man called Peter" is no title); not a place, a people, a person's full name."""
    verbs = set(rules.works.title_naming_verbs)
    nouns = rules.spans.work_words | rules.spans.work_plurals
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for i in range(2, len(doc) - 1):
        if not (doc[i].is_lower and doc[i].lower_ in verbs and capitalised(doc[i + 1])):
            continue
        if not any(doc[j].is_lower and doc[j].lower_ in nouns for j in range(max(i - 4, 0), i)):
            continue
        if any(doc[j].is_punct for j in range(max(i - 4, 0), i)) and not doc[i - 1].text == ",":
            continue  # a clause between ("the film. He called ...")
        end = title_run(doc, i + 1, rules, rules.spans.title_breakers)
        if end is None:
            continue
        end = max([end] + [sp.end for sp in spans_over(by_token, i + 1, end)])  # the model's span, whole
        end = cut_at_names(doc, i + 1, with_subtitle(doc, end, rules), spans, rules)
        if _takes(doc, i + 1, end, spans, by_token, rules, labels=_MISREAD | {"PRODUCT"}, keep=_KEEP - {"PRODUCT"}):
            new.append(title_with_article(doc, i + 1, end, CUE))
    return replace_spans(spans, new)


def owned_programmes(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Channel 4's Shameless", "BBC One's Strictly Come Dancing": a name the model read as a person
    (no first name at its front, no role before it) or an organisation, right after a broadcaster's
    possessive, is the broadcaster's programme, a WORK_OF_ART; not a body's name (a head word last),
    a station ("Radio"), a person's full name ("the BBC's John Simpson")."""
    names = _broadcasters(rules)
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for sp in spans:
        if sp.label_ not in _MISREAD or sp.start < 2 or doc[sp.start - 1].text not in POSSESSIVE:
            continue
        if _broadcaster_before(doc, sp.start - 1, names) is None:
            continue
        if (sp[-1].text in rules.org_heads or any(t.text in {"Radio", "TV", "Television", "News"} for t in sp)
                or (sp.end < len(doc) and doc[sp.end].is_lower and doc[sp.end].is_alpha and not doc[sp.end].is_stop)):
            continue  # "the BBC's World Service"; "ITV's Tarn programme" is left to broadcast_titles
        if _takes(doc, sp.start, sp.end, spans, by_token, rules):
            new.append(title_with_article(doc, sp.start, sp.end, CUE))
    return replace_spans(spans, new)
