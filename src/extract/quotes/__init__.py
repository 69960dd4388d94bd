"""Direct quotations and who said them.

``find_quotes(doc)`` returns one record per quotation (the columns of
:data:`extract.schema.QUOTE`); the ``extract_quotes`` component stores them on the Doc. The
package follows the seams of the work:

=================  ===========================================================================
``marks``          quotation marks paired per paragraph (pure text, no spaCy)
``classify``       which quoted spans are quotations (pure text)
``lexicon``        the word lists of ``resources/quotes.json``, checked by the resource loader
``phrases``        noun phrases, cue verbs and entities around a quote (tokens)
``attribution``    the cue and speaker mention of each quote, step by step
``subjects``       who speaks through a cue verb (its subject, a passive's "by" phrase)
``speakers``       who a mention names (full names, pronouns, "who"), over its parts:
``names``          a name's words, first-name genders, quotation interiors (no parse)
``people``         a document's named people, mentions, subjects and genders
``pronouns``       what "he"/"she", "it"/"they" and "I"/"we" name
``documents``      a document's author ("a Pentagon report said")
``roles``          common nouns naming a speaker ("the spokesman"), a role's person
``finder``         ``find_quotes``: the passes over a Doc, and the records
``component``      the ``extract_quotes`` spaCy factory
=================  ===========================================================================

Importing the package registers the factory.
"""
from __future__ import annotations

from .component import QuotesComponent, make_quotes
from .finder import COLUMNS, NEAR_PARAGRAPHS, find_quotes
from .lexicon import RESOURCE, Lexicon, build_lexicon, load_lexicon
from .marks import MAX_PARAGRAPHS, Quote, quote_spans
from .speakers import SUBJECT_WEIGHT, resolve_mention

__all__ = ["COLUMNS", "find_quotes", "quote_spans", "Quote", "resolve_mention", "load_lexicon",
           "build_lexicon", "Lexicon", "RESOURCE", "QuotesComponent", "make_quotes",
           "NEAR_PARAGRAPHS", "MAX_PARAGRAPHS", "SUBJECT_WEIGHT"]
