"""Labels and boundaries from the words around a name and from its own small words (round 2
of the entity rules, issue 14). Each rule reads word lists of ``entity_words.json`` and the
case of words; it runs after :mod:`.boundaries` and before the document-level vote of
:mod:`.consistency`, except :func:`people_by_surname`, which runs after it.

* a title starting with a capitalised article in mid-sentence is a WORK_OF_ART when a
  person's possessive comes before it ("Roth's The Long Road"), it holds a small word or an
  inner possessive ("The Man From Nowhere", "The Sailor's Knot"), or it is joined by
  "and"/"or" to another work ("The Long Road and The Green Door"); names with an
  organisation, place, event or title head are left alone;
* an award or an event does not keep a leading "The", and a country's name before an award is a GPE of its own
  ("the US Poetry Awards" = [US] [Poetry Awards]);
* two countries joined by a hyphen are two GPEs ("the Wales-Ireland match"), and so is a
  country's name run into a region's ("homeless in Peru Cusco's region");
* a nationality alone is a NORP, whatever label the model gave it ("Peruvian farmers"), but
  not before a word for an award ("the Brit awards"); round 13: also one the model read as a
  LANGUAGE, before a lower-case noun that is no word for the language's use ("English towns";
  not "English lessons", ``language_nouns``) or after "the" with no noun after it;
* a lower-case role word right before a name makes a PERSON of an ORG/GPE/FAC/LOC label
  ("supermodel Anna Berg", "champion Okafor"), unless the name has a head word or is a place,
  or is a one-word ORG ("steel producer Ferrostal");
* a bare name before a product word is a PRODUCT ("its GX handheld");
* in a sports report, a name (ORG, FAC or WORK_OF_ART) before a lower-case word for a
  competition is an EVENT ("the Tri Nations series"; a programme's "series" elsewhere is left
  alone);
* a one-word LOC/ORG/PERSON before a lower-case word for a venue is a FAC ("Parkhead stadium");
* a PRODUCT takes in the proper nouns right after it that no span holds ("Zeta Portable");
* round 7: roles and document types are no names ("MPs", "White Paper"; ``not_names``), "Team GB"
  is an ORG and "the Worlds" an EVENT, and a party named by its members in two or more words is
  one NORP ("Liberal Democrat chairman", where the model kept "Democrat"); an ORG ends before a
  capitalised role right before a person's name ("Refugee Council Chief Executive X");
* after the vote, a two- or three-word place or facility name ending in a surname the document
  gives to a PERSON is that PERSON ("Sara Okafor" taken for a place beside "champion Okafor");
  an ORG is left alone (firms named after people);
* round 14: a nation's branch of a party is one name with its nationality: "The Scottish
  Conservative leader" one NORP, "a Scottish Labour Party spokesman" one ORG, and "Scottish National
  Party Holyrood leader" ends at "Party" (:func:`national_parties`).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .consistency import ROLE_TARGETS, is_demonym, is_sport, name_heads, party_word, role_before
from .gazetteer import is_country, is_first_name, is_place, org_words
from .orgs import firm_labels
from .rules import LABELS, EntityRules, LabelCues
from .tokens import HYPHENS_AND_EN_DASH, POSSESSIVE, all_caps_line, proper, replace_spans, sentence_start, taken_tokens

#: labels a nationality alone never has
_NOT_NORP = {"ORG", "PERSON", "GPE", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"}


def apply_cues(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """The spans with the round-2 cue rules applied (before the document-level vote)."""
    spans = party_names(doc, no_names(doc, spans, rules), rules)
    spans = org_role_tails(doc, national_parties(doc, spans, rules), rules)  # round 14: "Scottish Conservative"
    spans = article_titles(doc, spans, rules)
    spans = firm_labels(doc, hyphened_countries(doc, spans, rules), rules)  # round 9: orgs.py
    cues = rules.labels
    spans = award_fronts(doc, [_own_words(doc, _relabelled(doc, sp, rules), rules, cues) for sp in spans], rules)
    return product_tails(doc, bare_products(doc, spans, rules))


def _article_run(doc: Doc, i: int, rules: EntityRules) -> int | None:
    """End of a title from the capitalised article at token i: capitalised words, small words
    and possessives inside, ending on a capitalised word; it stops at "and" and at another
    capitalised article. None when fewer than one capitalised word follows the article."""
    end, j = None, i + 1
    while j < len(doc) and not doc[j].is_space:
        tok = doc[j]
        if tok.text in rules.work_articles or tok.lower_ in {"and", "or", "&"}:
            break
        if tok.is_title or (tok.is_upper and tok.is_alpha) or (tok.like_num and end is not None):
            end = j + 1
        elif not (tok.lower_ in rules.title_small_words or tok.text in POSSESSIVE) or tok.tag_.startswith("VB"):
            break  # "The Wonder of You is the ...": a verb ends the title
        j += 1
    return end


def _owner_inside(doc: Doc, i: int, end: int, spans: list[Span], rules: EntityRules) -> bool:
    """The run from token i holds a person, or a known name or an organisation before an inner
    possessive: a band's or a person's work ("The Clash's London Calling"), not one title."""
    ends = {sp.end: sp for sp in spans}
    for k in range(i + 1, end):
        if doc[k].text in POSSESSIVE and (doc[i + 1:k].text in rules.keep_the
                                          or (k in ends and ends[k].label_ in {"ORG", "PERSON"})):
            return True
    return any(sp.label_ == "PERSON" and sp.start < end and sp.end > i for sp in spans)


def _title_evidence(doc: Doc, i: int, end: int, by_end: dict[int, Span], rules: EntityRules) -> bool:
    """A person's possessive before token i, or a small word or inner possessive in the title."""
    if i >= 2 and doc[i - 1].text in POSSESSIVE:
        owner = by_end.get(i - 1)
        if owner is not None and owner.label_ == "PERSON":
            return True
    return any(t.lower_ in rules.title_small_words or t.text in POSSESSIVE for t in doc[i + 1:end - 1])


def article_titles(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Titles that start with a capitalised "The"/"A"/"An" in mid-sentence (see the module)."""
    by_end = {sp.end: sp for sp in spans}
    heads = name_heads(rules)
    runs = []
    for i in range(1, len(doc) - 1):
        prev = doc[i - 1]
        if (doc[i].text not in rules.work_articles or sentence_start(doc, i) or prev.is_space
                or (prev.is_alpha and not prev.is_lower)):
            continue  # "Across The Universe": an article inside a capitalised run starts nothing
        end = _article_run(doc, i, rules)
        if end is None:
            continue
        words = doc[i + 1:end]
        if (_owner_inside(doc, i, end, spans, rules) or words.text in rules.keep_the
                or any(t.text in heads or t.text in rules.broadcasters for t in words)
                or (words[0].text in rules.titles | rules.royal_titles  # "The Prince of Wales"
                    and not (len(words) > 1 and words[1].text in POSSESSIVE))
                or any(sp.label_ not in LABELS and sp.start < end and sp.end > i for sp in spans)):
            continue
        runs.append((i, end, _title_evidence(doc, i, end, by_end, rules)))
    # a title joined by "and"/"or" to a title with evidence is one too
    sure = {(s, e) for s, e, ok in runs if ok}
    for s, e, ok in runs:
        if not ok and any(_joined(doc, s, e, s2, e2) for s2, e2 in sure):
            sure.add((s, e))
    new = [Span(doc, s, e, label="WORK_OF_ART", span_id="fix:work") for s, e in sorted(sure)]
    return replace_spans(spans, new)


def _joined(doc: Doc, s: int, e: int, s2: int, e2: int) -> bool:
    """Spans (s, e) and (s2, e2) are joined by one "and"/"or" between them."""
    if e2 + 1 == s:
        return doc[e2].lower_ in {"and", "or"}
    return e + 1 == s2 and doc[e].lower_ in {"and", "or"}


def award_fronts(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """An award or an event keeps no leading "The"; a country's name at an award's front is a
    GPE of its own."""
    out = []
    for sp in spans:
        award = sp.label_ == "WORK_OF_ART" and sp[-1].text in rules.award_heads
        if not (len(sp) >= 2 and (award or sp.label_ == "EVENT")) or sp[1:].text in rules.keep_the:
            out.append(sp)
            continue
        s = sp.start + 1 if sp[0].lower_ == "the" else sp.start
        if award and sp.end - s >= 3 and (doc[s].text in rules.gpe_abbreviations or is_country(doc[s].text)):
            out.append(Span(doc, s, s + 1, label="GPE", span_id="fix:split"))
            s += 1
        out.append(sp if s == sp.start else Span(doc, s, sp.end, label=sp.label_, span_id="fix:trim"))
    return out


def _country(text: str, rules: EntityRules) -> bool:
    return text in rules.home_nations or text in rules.gpe_abbreviations or is_country(text)


def hyphened_countries(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"Wales-Ireland": two countries joined by a hyphen are two GPEs, whatever the model said;
    "Peru Cusco's": a two-word GPE that starts with a country and is no place itself is two."""
    new = []
    for sp in spans:
        if (sp.label_ == "GPE" and len(sp) == 2 and is_country(sp[0].text) and sp[1].is_title
                and not is_place(sp.text) and not is_country(sp.text)):
            new += [Span(doc, sp.start, sp.start + 1, label="GPE", span_id="fix:split"),
                    Span(doc, sp.end - 1, sp.end, label="GPE", span_id="fix:split")]
        if (sp.label_ in LABELS and len(sp) == 3 and sp[1].text in HYPHENS_AND_EN_DASH
                and _country(sp[0].text, rules) and _country(sp[2].text, rules)):
            new += [Span(doc, sp.start, sp.start + 1, label="GPE", span_id="fix:split"),
                    Span(doc, sp.end - 1, sp.end, label="GPE", span_id="fix:split")]
    return replace_spans(spans, new)


def _relabelled(doc: Doc, sp: Span, rules: EntityRules) -> Span:
    """One span relabelled by its own word (a nationality) or its neighbours (a role word,
    a word for a competition)."""
    label = sp.label_
    nxt = doc[sp.end] if sp.end < len(doc) else None
    if (label in _NOT_NORP and len(sp) == 1 and is_demonym(sp.text.lower(), rules) and sp[0].is_title
            and not (nxt is not None and nxt.text.title() in rules.award_heads)):  # "the Brit awards"
        return Span(doc, sp.start, sp.end, label="NORP", span_id="fix:relabel")
    if label == "LANGUAGE" and _people_not_language(doc, sp, rules):  # round 13: "English towns", "the English"
        return Span(doc, sp.start, sp.end, label="NORP", span_id="fix:relabel")
    if label in ROLE_TARGETS and role_before(doc, sp, rules):  # "steel producer Ferrostal": a one-word ORG stays
        return Span(doc, sp.start, sp.end, label="PERSON", span_id="fix:relabel")
    if (label in {"ORG", "FAC", "WORK_OF_ART"} and nxt is not None and nxt.is_lower
            and nxt.lower_ in rules.event_cue_after and (len(sp) >= 2 or label != "ORG") and is_sport(doc, rules)
            and sp[-1].text not in rules.org_heads | rules.company_heads):  # "the IAAF Council meeting"
        return Span(doc, sp.start, sp.end, label="EVENT", span_id="fix:relabel")
    if (label in {"LOC", "ORG", "PERSON"} and len(sp) == 1 and nxt is not None and nxt.is_lower
            and nxt.lower_ in rules.fac_cue_after):
        return Span(doc, sp.start, sp.end, label="FAC", span_id="fix:relabel")  # "Parkhead stadium"
    return sp


def _people_not_language(doc: Doc, sp: Span, rules: EntityRules) -> bool:
    """Round 13: a nationality's word the model read as a language names the people or their
    country's things: before a lower-case noun or adjective that is no word for the language's use
    ("northern English towns", "the English game"; not "English lessons", "studying English at"),
    or after "the" with no noun after it ("better than the English.")."""
    if not (len(sp) == 1 and sp[0].is_title and sp[0].lower_ in rules.demonyms):
        return False
    nxt = doc[sp.end] if sp.end < len(doc) else None
    if nxt is not None and nxt.is_lower and nxt.is_alpha and sp[0].whitespace_:
        if nxt.lower_ in rules.spans.language_nouns:
            return False
        return nxt.tag_[:2] in {"NN", "JJ"} if nxt.tag_ else not nxt.is_stop
    before = doc[sp.start - 1].lower_ if sp.start > 0 else ""
    return before == "the" and (nxt is None or (nxt.is_punct and nxt.text not in HYPHENS_AND_EN_DASH))


def _own_words(doc: Doc, sp: Span, rules: EntityRules, cues: LabelCues) -> Span:
    """One span relabelled by its own words: a royal title "of" a place is the person who holds
    it ("the Prince of Wales"), a party named by its members is a NORP ("the Lib Dems"), a name
    ending in a word for malware is a PRODUCT ("the Bankash-A Trojan"), a PERSON ending in an
    event's head word that is no surname and starting with no first name is an EVENT ("the
    Kestrel Championships")."""
    label, first = sp.label_, sp[0].text
    if (label in ROLE_TARGETS and len(sp) >= 3 and first in rules.royal_titles
            and sp[1].lower_ == "of" and all(t.is_title for t in sp[2:])):
        return Span(doc, sp.start, sp.end, label="PERSON", span_id="fix:relabel")
    if label in LABELS - {"NORP"} and sp.text in cues.party_members:
        return Span(doc, sp.start, sp.end, label="NORP", span_id="fix:relabel")
    if (label in LABELS - {"PRODUCT"} and len(sp) >= 2 and sp[-1].text in cues.product_heads
            and not (label == "PERSON" and is_first_name(first))):  # "ambassador Carlo Trojan"
        return Span(doc, sp.start, sp.end, label="PRODUCT", span_id="fix:relabel")
    if (label == "PERSON" and len(sp) >= 2 and sp[-1].text in rules.event_heads - cues.person_surname_event_heads
            and not is_first_name(first)):
        return Span(doc, sp.start, sp.end, label="EVENT", span_id="fix:relabel")  # "the AAA Championships"
    return sp


def bare_products(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """"its GX handheld", "the new Z9 console": a name no span covers, after a determiner or
    a possessive and before a product word, is a PRODUCT."""
    taken = taken_tokens(spans)
    new = []
    for i in range(1, len(doc) - 1):
        tok, prev, nxt = doc[i], doc[i - 1], doc[i + 1]
        if (i not in taken and proper(tok) and not sentence_start(doc, i)
                and nxt.is_lower and nxt.lower_ in rules.product_cue_after
                and (prev.lower_ in rules.product_determiners or prev.text in POSSESSIVE)):
            new.append(Span(doc, i, i + 1, label="PRODUCT", span_id="fix:context"))
    if not new:
        return spans
    return sorted(spans + new, key=lambda sp: (sp.start, sp.end))


def product_tails(doc: Doc, spans: list[Span], limit: int = 2) -> list[Span]:
    """A PRODUCT runs on over up to ``limit`` proper nouns right after it that no span holds
    ("Sony's Zeta Portable", where the model labelled "Zeta" alone)."""
    taken = taken_tokens(spans)
    out = []
    for sp in spans:
        end = sp.end
        while (sp.label_ == "PRODUCT" and end < len(doc) and end - sp.end < limit and end not in taken
               and proper(doc[end]) and doc[end].is_title and not sentence_start(doc, end)):
            end += 1
        out.append(sp if end == sp.end else Span(doc, sp.start, end, label="PRODUCT", span_id="fix:merge"))
    return out


def people_by_surname(doc: Doc, spans: list[Span]) -> list[Span]:
    """A two- or three-word name whose last word the document gives to a PERSON alone (and
    never to another label) is that PERSON ("Sara Okafor" beside "Okafor" PERSON)."""
    labels: dict[str, set[str]] = {}
    for sp in spans:
        if sp.label_ in LABELS and len(sp) == 1:
            labels.setdefault(sp.text, set()).add(sp.label_)
    people = {text for text, ls in labels.items() if ls == {"PERSON"}}
    return [Span(doc, sp.start, sp.end, label="PERSON", span_id="fix:relabel")
            if (sp.label_ in ROLE_TARGETS - {"ORG"} and 2 <= len(sp) <= 3 and sp[-1].text in people
                and all(t.is_title for t in sp)) else sp
            for sp in spans]


def no_names(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 7: words that are never a name on their own lose any label the model gave them
    (``not_names`` of ``entity_orgs.json``: "MPs", "MEPs", a "White Paper", a "Green Paper";
    GUIDELINES section 2 leaves roles and document types unannotated); "Team" and a country's
    name or abbreviation is a team's name, ORG ("Team GB"); a colloquial short form of a
    championship is an EVENT ("the Worlds", ``event_short_forms``)."""
    words = org_words()
    out = []
    for sp in spans:
        if sp.label_ in LABELS and sp.text in words.not_names:
            continue
        if (sp.label_ in LABELS - {"ORG"} and len(sp) == 2 and sp[0].text in words.team_fronts
                and _country(sp[1].text, rules)):
            sp = Span(doc, sp.start, sp.end, label="ORG", span_id="fix:relabel")
        elif sp.label_ in LABELS - {"EVENT"} and sp.text in words.event_short_forms:
            sp = Span(doc, sp.start, sp.end, label="EVENT", span_id="fix:relabel")
        out.append(sp)
    return out


def _party_forms(rules: EntityRules) -> dict[tuple[str, ...], str]:
    """The words of each party named by its members in two or more words, plural and singular
    ("Liberal Democrats", "Liberal Democrat", "Lib Dem")."""
    forms = {}
    for name in rules.labels.party_members:
        words = tuple(name.split())
        if len(words) >= 2:
            forms[words] = name
            if words[-1].endswith("s"):
                forms[words[:-1] + (words[-1][:-1],)] = name
    return forms


def party_names(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 7: a party named by its members in two or more words is one NORP, singular or plural
    ("Liberal Democrat chairman X", "the Liberal Democrats"), where the model cut it ("Democrat")
    or split it ("Liberal" ORG + "Democrat" NORP); not inside a longer name the model found, nor
    before a capitalised word ("Liberal Democrat Party"), nor in an all-capitals line."""
    forms = _party_forms(rules)
    if not forms:
        return spans
    longest = max(len(f) for f in forms)
    new = []
    i = 0
    while i < len(doc):
        match = next((n for n in range(longest, 1, -1) if tuple(t.text for t in doc[i:i + n]) in forms), 0)
        if not match:
            i += 1
            continue
        e = i + match
        inside = [sp for sp in spans if sp.start < e and sp.end > i]
        if (not any(sp.start < i or sp.end > e for sp in inside) and not (e < len(doc) and doc[e].is_title)
                and not all_caps_line(doc, i, e)
                and not any((sp.start, sp.end, sp.label_) == (i, e, "NORP") for sp in inside)):
            new.append(Span(doc, i, e, label="NORP", span_id="fix:party"))
        i = e
    return replace_spans(spans, new)


def national_parties(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 14: a nation's branch of a party is one name with its nationality adjective:
    a nationality before a party named by its members' word is one NORP ("The Scottish Conservative
    leader", "the Welsh Tories"), before a party's name ending in "Party" one ORG ("a Scottish Labour
    Party spokesman"); and a party's name the model ran on over one more capitalised word before a
    lower-case one ends at "Party" when that word is a parliament's seat or a place, a GPE of its own
    ("Scottish National Party Holyrood leader"; ``parliament_seats``, the gazetteer). Not where the
    nationality or the party word is inside a longer span, nor before a capitalised word
    ("Scottish Conservative Party" is the model's)."""
    by_token = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    new = []
    for tok in doc[:-1]:
        i = tok.i
        if not (tok.is_title and tok.lower_ in rules.demonyms) or all_caps_line(doc, i, i + 2):
            continue
        own = by_token.get(i)
        if own is not None and (own.start, own.end) != (i, i + 1):
            continue
        nxt = doc[i + 1]
        after = doc[i + 2] if i + 2 < len(doc) else None
        if (nxt.is_title and party_word(nxt.text, rules) and (after is None or not after.text[:1].isupper())
                and (by_token.get(i + 1) is None or (by_token[i + 1].start, by_token[i + 1].end) == (i + 1, i + 2))):
            new.append(Span(doc, i, i + 2, label="NORP", span_id="fix:party"))
            continue
        org = by_token.get(i + 1)
        if org is not None and org.label_ == "ORG" and org.start == i + 1 and org[-1].text == "Party" and len(org) <= 3:
            new.append(Span(doc, i, org.end, label="ORG", span_id="fix:party"))
    for sp in spans:
        tail = sp[-1].text
        if (sp.label_ == "ORG" and len(sp) >= 3 and sp[-2].text == "Party" and sp[-1].is_title and sp[-1].is_alpha
                and (tail in rules.spans.parliament_seats or is_place(tail) or is_country(tail))
                and sp.end < len(doc) and doc[sp.end].is_lower and doc[sp.end].is_alpha):
            new.append(Span(doc, sp.start, sp.end - 1, label="ORG", span_id="fix:trim"))
            new.append(Span(doc, sp.end - 1, sp.end, label="GPE", span_id="fix:place"))
    return replace_spans(spans, filter_spans(new))


def org_role_tails(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Round 7: an ORG the model ran on over a person's capitalised role, right before that person's
    name, ends before the role ("Refugee Council Chief Executive Maeve Sherlock" -> ORG "Refugee
    Council", PERSON "Maeve Sherlock"): GUIDELINES section 2 keeps roles outside names. The role is
    the capitalised role words at the span's end (``role_words``: "Chief", "Executive", "Chairman");
    what stays is one word or ends in a body's head word ("Council"; not "Jefferson Parish" of
    "Jefferson Parish Sheriff X", whose first word would then read as a first name), and the next
    token starts a PERSON."""
    people = {sp.start for sp in spans if sp.label_ == "PERSON"}
    out = []
    for sp in spans:
        e = sp.end
        while e - sp.start > 1 and doc[e - 1].is_title and doc[e - 1].lower_ in rules.role_words:
            e -= 1
        heads = rules.org_heads | rules.company_heads | rules.club_heads
        if (sp.label_ == "ORG" and e < sp.end and sp.end in people and not doc[e - 1].is_punct
                and (e - sp.start == 1 or doc[e - 1].text in heads)):  # not "Jefferson Parish" Sheriff X
            sp = Span(doc, sp.start, e, label="ORG", span_id="fix:trim")
        out.append(sp)
    return out
