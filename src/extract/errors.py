"""Exception types and every error and warning text of the package, in one place.

Hard failures raise one of the exception classes below with a message from
:class:`Errors`; soft problems use ``warnings.warn(Warnings.Wxxx.format(...))``.
Messages name the offending value (file, line, setting) and what was allowed.
"""
from __future__ import annotations


class ExtractError(Exception):
    """Base class of the package's own errors."""


class InputError(ExtractError):
    """An input article could not be read (missing, empty, binary, undecodable)."""


class ConfigError(ExtractError, ValueError):
    """A setting or argument has a value that is not allowed."""


class GoldError(ExtractError):
    """A gold annotation file is malformed."""


class ResourceError(ExtractError, ValueError):
    """A package data file (word list, patterns, units) is malformed."""


class Errors:
    E001 = "{path}: no such file or directory"
    E002 = "{path}: the file is empty (0 bytes or only whitespace)"
    E003 = "{path}: looks like a binary file ({reason}), not text"
    E004 = "{path}: is a directory with no .txt files"
    E005 = "Invalid reference date {value!r}: expected YYYY-MM-DD"
    E006 = "{path}: line {line}: {problem}"
    E007 = "Unknown {what} {value!r}; allowed: {allowed}"
    E008 = "Resource {name}: {problem}"


class Warnings:
    W001 = "{path}: not valid UTF-8 (byte {position}); decoded as {encoding} instead"
    W002 = ("{doc_id}: no reference date (none given with --reference-date and none in "
            "metadata.csv); relative dates are left unresolved")
    W003 = "{path}: {n_chars} characters exceeds the model's max_length; processed in {n_pieces} pieces"
