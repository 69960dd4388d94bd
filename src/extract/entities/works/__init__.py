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
* round 9 (:mod:`.events`, :mod:`.awards`; word lists in ``resources/entity_awards_events.json``),
  run first: a LAW of the model's with no word for a law is read again (a scorer and a minute is the
  person: "Rooney 87"); an event's listed name is an EVENT at every mention, with a sponsor before it
  ("the RBS Six Nations"), and capitalised words ending in "Cup", "Championship(s)" or "Trophy" that the
  model missed are one ("a 3-0 Scottish Cup win"); a name before a lower-case award noun is an
  award, a WORK_OF_ART without the noun ("the Brit awards", "five Mobo nominations"), and a listed
  award's name of two words or more is one where the model missed it ("the Brit Awards"); in
  :mod:`.titles`, a title after "show", "soap", "series", "track" or "hit" read as a noun ("ITV soap
  Coronation Street", "cult hit Little Britain"), and between a broadcaster's possessive and a word
  for a programme ("BBC Radio 4's Today programme", also over a date label).
* round 10 (:mod:`.titles`, lists ``title_cue_weak_of`` and ``title_heads_after`` of
  ``resources/entity_awards_events.json``): a title after "version of", "episode of", "production
  of", "rendition of" ... like one after a role phrase ("a rousing version of Hey Jude"), and a
  person or firm the model found between "the" and "film(s)", "movie(s)", "trilogy", "franchise"
  or "sequel" is the title ("the Matrix trilogy", "the Evil Dead movies"), not a person's full
  name or a named person's surname.

* round 12 (:mod:`.programmes`, lists ``programme_nouns`` ... ``predicate_work_nouns`` of
  ``resources/entity_works.json``), before the mentions: a name before a broadcaster in brackets
  ("Jonathan Creek (BBC One)"), titles after a broadcaster and a word for its programmes ("ITV1 shows
  Doc Martin and Life Begins"), a title after "creator of", "star of", before "creator" or
  "co-writer" and a person (over an organisation too), a name "named best comedy" or that "won best
  drama", a name that "has become one of TV Angola's most watched programmes", a title after "a track
  called", a name the model read as a person or firm after a broadcaster's possessive ("BBC Three's
  Flashmob - The Opera").

* round 13 (:mod:`.sequels`, lists of ``resources/entity_work_sequels.json``), before the mentions: a
  name and a sequel's number ("Halo 2", "Doom III") in a sentence with a word for a game or a film is a
  title where the model found nothing, an organisation or a one-word person ("Shrek" of "Shrek 2");
  (:mod:`.dated`) capitalised words right before a year in brackets ("The Crucible (1997)") are a title
  where two dated titles are listed or a word for a screen work is in the sentence; (:mod:`.joined`) after a
  singular word for a work, "and" and capitalised words after the marked title are the rest of it ("the
  album Hopes and Fears", "the comedy Will and Grace").

* round 14 (:mod:`.awarded`; lists ``award_sentence_words``, ``title_cue_verbs``, ``title_front_words``
  of ``resources/entity_works.json``, ``award_title_joiners`` of ``resources/entity_awards_events.json``):
  capitalised words ending in "Award(s)"/"Prize(s)" the model missed are an award ("six Independent Spirit
  Awards", "the Peter Sellers Award For Comedy"); a title after a person and "for" in a sentence about
  awards ("Charlize Theron for Monster"), and a place-labelled name after an award category that the
  gazetteer does not know ("award for Closer"); a title the model missed before an apposition headed by
  a word for a work ("Sideways, a wine-tasting comedy"); a list after a plural word for works takes
  members with a first name ("films such as Billy Elliot"); "co-wrote", "directed", "tuned into" before a
  title; a capitalised "My"/"The" right before a title is its first word ("for My Summer of Love").

The steps live by concern: :mod:`.titles` (WORK_OF_ART), :mod:`.products` (known names, versions,
makers and model numbers), :mod:`.codes` (models named by a code, roads), :mod:`.events` and :mod:`.awards`
(round 9), :mod:`.programmes` (round 12), :mod:`.sequels`, :mod:`.dated` and :mod:`.joined` (round 13), :mod:`.common` (what they share); :data:`STEPS` orders them.
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Span

from ..rules import EntityRules
from .awards import award_names, awards_before_nouns, headed_awards
from .codes import coded_models, coded_name, cued_codes, launch_before, launched_code, no_model, roads
from .events import bare_event_heads, event_name_mentions, misread_laws
from .products import after_product_words, known_products, maker_numbers, models, versions
from .programmes import (best_titles, bracketed_programmes, broadcaster_lists, called_titles, credit_of_titles,
                         owned_programmes, predicate_titles, strong_credit_titles)
from .sequels import sequel_titles  # round 13: "Halo 2", "Shrek 2"
from .dated import dated_titles  # round 13: "The Crucible (1997)"
from .joined import joined_titles  # round 13: "the album Hopes and Fears"
from .awarded import awarded_titles, category_places  # round 14: "Charlize Theron for Monster", "award for Closer"
from .lists import listed_works, rival_works, split_joined_names  # round 12: relations (lists, rivals)
from .titles import title_fronts, apposed_titles, broadcast_titles, coordinated_titles, credited_titles, cued_titles, headed_titles, platform_titles, title_mentions

__all__ = ["fix_works", "STEPS", "no_model", "coded_name", "cued_codes", "launch_before", "launched_code"]


def fix_works(doc: Doc, spans: list[Span], rules: EntityRules) -> list[Span]:
    """The spans with the rules of this module applied, in order."""
    for step in STEPS:
        spans = step(doc, spans, rules)
    return spans


#: the rules in the order they run (round 9: laws the model misread, events and awards; then titles,
#: their mentions, then products)
STEPS: tuple[Callable[[Doc, list[Span], EntityRules], list[Span]], ...] = (
    split_joined_names, misread_laws, event_name_mentions, bare_event_heads, awards_before_nouns, award_names, headed_awards,
    cued_titles, broadcast_titles, headed_titles, credited_titles, apposed_titles,
    owned_programmes, bracketed_programmes, broadcaster_lists, credit_of_titles, strong_credit_titles, best_titles, predicate_titles,
    called_titles, sequel_titles, dated_titles, joined_titles, awarded_titles, category_places, title_mentions, coordinated_titles, known_products, after_product_words, versions,
    platform_titles, models, maker_numbers, coded_models, roads,
    listed_works, rival_works,  # round 12: lists.py
    title_fronts,  # round 14: "for My Summer of Love"
)
