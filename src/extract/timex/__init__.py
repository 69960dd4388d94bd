"""TIMEX3 normalization of English date and time expressions: pure functions, no spaCy.

:func:`normalize` turns one expression ("early 2018", "last Friday", "a 15-year") into a
:class:`Timex` (TIMEX3 ``value``, ``type``, ``granularity``, ``mod``) against a reference date.
The same rules find expressions in running text (:func:`scan`), which ``extract.dates``
uses together with the statistical NER.

Each rule is a regular expression built from the word lists in ``resources/dates.json``
plus a handler that computes the value. The package follows those seams:

=================  ==================================================================
``words``          the word lists (checked by :func:`extract.resources.load`), regex fragments
``grammar``        the rules: patterns, trigger words, the windows of text searched
``handlers``       from a match to a value: dates, months, years, quarters, times, ...
``amounts``        from a match to a value: durations, ages, "ago", sets, vague references
``values``         :class:`Timex` and TIMEX3 duration values
``calendrics``     calendar arithmetic (weeks, quarters, seasons, Easter, year picking)
``scanner``        :class:`Grammar`, :func:`scan` and :func:`normalize`
=================  ==================================================================

Values follow TimeML:
``"2016"``, ``"2007-06"``, ``"2016-10-07"``, ``"2016-W41"``, ``"2016-W41-WE"``, ``"197"``
(the 1970s), ``"19"`` (the 20th century), ``"2018-Q1"``, ``"2018-SU"``,
``"2016-10-07TMO"``, ``"2016-10-07T14:30"``, ``"P15Y"``, ``"PT20M"``, ``"PT7.58S"``,
``"PXY"``, ``"XXXX-WXX-WE"``, ``"BC0483"``, ``"PAST_REF"`` / ``"PRESENT_REF"`` / ``"FUTURE_REF"``.
Every value is well formed (:func:`extract.validate.timex3_problem`) or empty: a year TIMEX3
cannot write (before 9999 BC, after AD 9999) is left empty, never guessed.

Relative expressions are resolved against ``reference_date``; without one they keep their
type and granularity and an empty value (nothing is ever guessed from today's date).
``tense`` ("PAST", "PRESENT", "FUTURE" or None) chooses among readings of an expression
that does not say which way to go ("Friday", "in March"), as TimeML annotators do.
"""
from __future__ import annotations

from .scanner import Found, Grammar, as_date, grammar, normalize, rule_names, scan
from .values import Timex, duration_value
from .words import MOD_VALUES, REF_VALUES, RESOURCE, SHAPE, TENSES, Words, load_words

__all__ = ["Found", "Grammar", "MOD_VALUES", "REF_VALUES", "RESOURCE", "SHAPE", "TENSES", "Timex",
           "Words", "as_date", "duration_value", "grammar", "load_words", "normalize", "rule_names",
           "scan"]
