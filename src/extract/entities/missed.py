"""Names the model missed that an organisation's words mark, one-word names it took for a
nationality beside an organisation, and common words it took for names at a sentence start
(round 4, organisations)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .rules import EntityRules, LabelCues
from .gazetteer import is_common_word, is_country, is_first_name, is_place, org_words
from .articles import is_sport
from .labelcues import cue_phrases, is_demonym, org_cue, party_word, word_before
from .tokens import all_caps_line, sentence_start, taken_tokens


def _name_word(tok) -> bool:
    """A word of a name the model may have missed: capitalised or with capitals inside, letters
    only ("Usdaw", "CompTIA", "BT")."""
    return tok.text[:1].isupper() and tok.text.isalpha() and not tok.is_space


def cued_names(doc: Doc, spans: list[Span], rules: EntityRules, longest: int = 4) -> list[Span]:
    """Names the model missed that an organisation's words around them mark as ORG: "Usdaw
    general secretary X", "X, an umbrella organisation for ...", "X's customers", "an analyst
    at X". A run of up to ``longest`` capitalised words no span holds; not a place, a
    nationality, a title or a role, nor a common English word at a sentence start ("Industry
    analysts"), nor in an all-capitals line."""
    taken = taken_tokens(spans)
    cues = rules.labels
    added = []
    i = 0
    while i < len(doc):
        if i in taken or not _name_word(doc[i]):
            i += 1
            continue
        j = i
        while j < len(doc) and j not in taken and _name_word(doc[j]) and j - i < longest:
            j += 1
        while i < j - 1 and sentence_start(doc, i) and doc[i].lower_ in org_words().run_openers:
            i += 1  # "And WMC chief executive ...", "But Quellnet said ..."
        if _missed_org(doc, i, j, rules, cues):
            added.append(Span(doc, i, j, label="ORG", span_id="fix:cue_org"))
        i = j
    return sorted(spans + added, key=lambda sp: sp.start) if added else spans


def _missed_org(doc: Doc, s: int, e: int, rules: EntityRules, cues: LabelCues) -> bool:
    """Capitalised words s..e no span holds name an organisation by a cue around them."""
    text = doc[s:e].text
    words = [t.text for t in doc[s:e]]
    if (any(w in rules.titles or w.lower() in rules.role_words or w in rules.courtesy_titles
            or is_demonym(w.lower(), rules) or w.lower() in rules.leading_determiners for w in words)
            or is_place(text) or is_country(text) or text in rules.home_nations
            or text in rules.gpe_abbreviations or all_caps_line(doc, s, e)):
        return False
    phrases = cue_phrases(doc, s) & rules.org_cue_phrases
    if e - s == 1 and (len(text) < 3 if doc[s].is_upper else is_common_word(text)):
        if not (not doc[s].is_upper and _named_common_word(doc, s) and any(" " in p for p in phrases)):
            return False  # "Budget airline", "Industry analysts", "PC magazine": a common word, not a name
    sp = doc[s:e]
    nxt = doc[e] if e < len(doc) else None
    if nxt is not None and (nxt.text in rules.org_cue_after or doc[e:e + 2].text in rules.org_cue_after):
        return True
    if word_before(doc, s) in rules.org_cue_before:
        return True  # "Norwegian telecoms company X", "search start-up X"
    return bool(phrases) or org_cue(doc, sp, cues)


def _named_common_word(doc: Doc, s: int) -> bool:
    """Round 11: the capitalised word at token s, a common English word ("Hogwarts" on wordfreq's
    scale), is written as a name: in mid-sentence, and never in lower case in the document."""
    if sentence_start(doc, s) or not doc[s].is_title:
        return False
    word = doc[s].lower_
    return not any(t.lower_ == word and t.is_lower for t in doc)


#: words joining the members of a list of names
_JOINERS = {",", "and", "or", "&"}


def coordinated_orgs(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A one-word name the model took for a nationality (no demonym, party or direction word) is
    an ORG when it is joined by "and", "or" or a comma to an ORG ("BT and Zorvex have been
    dissuading customers"): lists join names of one kind. Not in a sports report (team sheets
    list players beside clubs), nor for a plural of another name ("Saabs, Opels": products)."""
    if is_sport(doc, rules):
        return spans
    orgs_by_end = {sp.end: sp for sp in spans if sp.label_ == "ORG"}
    orgs_by_start = {sp.start: sp for sp in spans if sp.label_ == "ORG"}
    names = {sp.text for sp in spans}
    out = []
    for sp in spans:
        s, e = sp.start, sp.end
        odd = (len(sp) == 1 and sp[0].is_alpha and sp.label_ == "NORP" and sp[0].is_title
               and not is_demonym(sp.text.lower(), rules) and not party_word(sp.text, rules)
               and sp.text not in rules.directions and sp.text[:-1] not in names)
        if odd and ((s >= 2 and doc[s - 1].lower_ in _JOINERS and (s - 1) in orgs_by_end)
                    or (e + 1 < len(doc) and doc[e].lower_ in _JOINERS and (e + 1) in orgs_by_start)):
            sp = Span(doc, s, e, label="ORG", span_id="fix:context")
        out.append(sp)
    return out


def common_words(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """A one-word name at a sentence or line start ("Broadband has become ...", "Budget airline
    X") is no name when it is a common English word that the document also writes in lower case
    and never capitalises in mid-sentence; places, nationalities and first names are kept."""
    lower = {t.lower_ for t in doc if t.is_lower and t.is_alpha}
    mid = {t.text for t in doc if t.is_title and not sentence_start(doc, t.i)}
    out = []
    for sp in spans:
        text = sp.text
        if (len(sp) == 1 and sp.label_ in {"ORG", "GPE", "PERSON", "NORP", "LOC"} and sp[0].is_title
                and sentence_start(doc, sp.start) and text.lower() in lower and text not in mid
                and is_common_word(text) and not (is_place(text) or is_country(text) or is_first_name(text)
                                                  or is_demonym(text.lower(), rules))):
            continue
        out.append(sp)
    return out
