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
    E009 = "Unknown output format {value!r}; allowed: {allowed}"
    E010 = "Unknown matching scheme {value!r}; allowed: {allowed}"
    E011 = "Column {column!r}: unknown dtype {value!r}; allowed: {allowed}"
    E012 = "Table {table!r} has no column {column!r}; columns: {allowed}"
    E013 = "Unknown table {value!r}; allowed: {allowed}"
    E014 = "expected a number, got {value!r}"
    E015 = "expected a whole number, got {value!r}"
    # package data files, checked by extract.resources.load against a declared shape
    E200 = "Resource {name}: no such package data file"
    E201 = "Resource {name}: line {line}: invalid JSON ({reason})"
    E202 = "Resource {name}: {where}: unknown key {key!r}; allowed: {allowed}"
    E203 = "Resource {name}: {where}: missing key {key!r}"
    E204 = "Resource {name}: {where}: expected {expected}, got {got}"
    E205 = "Resource {name}: {where}: {value!r} is not allowed; allowed: {allowed}"
    E206 = "Resource {name}: the word list is empty"
    E207 = "Resource {name}: {where}: {problem}"
    # entity rules (entities/, resources/entity_words.json and entity_patterns.jsonl); their shapes
    # are checked by extract.resources.load (E200-E207), these are the checks a shape cannot state
    E254 = "Resource {name}: {where}: 'keep' must be [start, end] token offsets (int or null), got {value!r}"
    E257 = "Resource {name}: pattern {pattern_id!r} is not a valid spaCy Matcher pattern ({reason})"
    # gold files and evaluation (gold.py, evaluate.py); E006 wraps these as "path: line N: ..."
    E300 = "{path}: no such gold file or directory"
    E301 = "unknown kind {value!r}; allowed: {allowed}"
    E302 = "missing column {column!r} (required for kind {kind!r})"
    E303 = "{column} must be an integer, got {value!r}"
    E304 = "span {start}:{end} lies outside the text of {doc_id!r} ({n_chars} characters)"
    E305 = "text {text!r} does not match raw[{start}:{end}] = {raw!r}"
    E306 = "unknown {kind} label {value!r}; allowed: {allowed}"
    E307 = "duplicate of line {other}"
    E308 = "no raw text for doc_id {doc_id!r} (not in the corpus given)"
    E309 = "not valid JSON: {reason}"
    E310 = "{column} must be a number, got {value!r}"
    E311 = "unknown {column} {value!r}; allowed: {allowed}"
    E312 = "speaker_text {text!r} does not match raw[{start}:{end}] = {raw!r}"
    E313 = "start_char {start} must be smaller than end_char {end}"
    E314 = "the file contains no gold records"
    E315 = "{path}: is not a .jsonl or .csv gold file"
    E316 = "Prediction table {path}: missing column {column!r}"
    E317 = "{path}: is not a directory of prediction tables"
    E318 = "Prediction table {path}: line {line}: {column} must be an integer, got {value!r}"
    # typed tables (io.py, writers.py) and evaluation inputs
    E319 = "{path}: row {row}: column {column!r}: {problem}"
    E320 = "{path}: cannot be read: {problem}"
    E321 = "{path}: no {table} table (looked for {table}.parquet, {table}.jsonl, {table}.csv and tables.xlsx)"
    E322 = "{path}: no tables found (looked for {tables} as .parquet, .jsonl, .csv or tables.xlsx)"
    E323 = ("{path}: no predictions for {n} gold document(s): {doc_ids}; the run did not process them "
            "(not in its documents table, or status error there): was it given these articles?")
    E324 = "no gold files here: a gold folder holds .jsonl files, or .csv files with a kind column"
    E325 = "gold is invalid ({n} problem(s); `extract validate-gold` lists them all): {problems}"
    E326 = "cannot be read as gold: {problem}"
    E327 = "{value} must be a finite number, got {raw!r}"
    E328 = "{column} {value} is negative; offsets count characters from 0"
    E329 = ("no raw text for {n} gold document(s): {doc_ids}; give --texts DIR (the articles' folder) so the "
            "gold can be checked against the texts")
    E330 = "Unknown {what} {value!r}; allowed: {allowed}"
    E331 = "normalized {value!r} is not a well-formed TIMEX3 value: {problem}"
    # quantity test sets (readers/quantity_sets.py); E006 wraps these as "path: line N: ..."
    E400 = "expected a JSON list of sentences, got {kind}"
    E401 = "expected the keys {keys} (the line is the sentence's index in the list)"
    # quantities rule file (quantities/units.py, resources/units.json); E207 wraps these
    E410 = "minor unit {unit!r} has no entry of its own under 'currencies' (its written forms)"
    E411 = "default currency {code!r} is not a key of 'currencies'"
    E412 = "factor must be a positive number, got {factor!r}"
    E413 = "minor unit {unit!r} is not listed under 'minor_units'; listed: {allowed}"
    # the HTML report (report/)
    E900 = "{path}: is not a directory of tables written by `extract run`"
    E902 = "{path}: holds none of the tables written by `extract run` (documents, entities, quantities, dates, quotes in any of its formats)"
    E903 = "Report folder {path} is a file, not a folder"
    # runs (runner.py, stream.py, pool.py, dask_engine.py, state.py, documents.py, text.py)
    E500 = "The dask engine builds the pipeline on each worker: give model= and extractors=, not nlp="
    E501 = "The dask engine needs dask[distributed]: pip install 'extract[dask]'"
    E502 = "Span ({start}, {end}) is outside the cleaned text of length {n}"
    E503 = ("{path}: another extract run (process {pid}{host}) is writing to this folder; "
            "wait for it to finish or give another --out")
    E504 = "{path}: --out is a file, not a folder"
    E505 = "{path}: cannot write the tables here ({reason})"
    E506 = "{path}: cannot be written ({reason})"
    E507 = "no document could be read from {paths}; the tables in {out} were not touched"
    E508 = "{path}: {n_chars} characters is more than --max-chars {max_chars}; not processed"
    E509 = ("{path}: not finished within its time budget of {seconds:g}s (--doc-timeout {per:g}s per "
            "{piece_chars} characters); stopped and skipped")
    E510 = "{path}: the worker process died while processing it ({reason}); not processed"
    E511 = "{path}: processing failed in {where}: {exc}"
    E512 = "{path}: tokenization failed: {exc}"
    E513 = "{path}: cannot be read ({reason})"
    E514 = "{path}: the tables are not those of one finished run: {problem}"
    E515 = "{value!r} for {what}: expected a number greater than 0"
    # models, components, the API and the ways in (pipeline.py, component.py, api.py, cli.py)
    E800 = "Cannot load the spaCy model {model!r}: is the package installed? ({reason})"
    E801 = "The spaCy pipeline {model!r} is for language {lang!r}; extract needs an English pipeline"
    E802 = ("The spaCy pipeline {model!r} has no {what}, which {needed_by} needs; "
            "its components: {components}")
    E803 = "Standard input ('-') can be read once per run; it was given {n} times"
    E804 = "Standard input is empty: nothing to extract"
    E805 = "No column {column!r} in the DataFrame ({what}); its columns: {columns}"
    E806 = "Ids must be unique: {doc_id!r} is given {n} times"
    E807 = "{name}: {path} is missing; is this a folder saved by nlp.to_disk?"
    E808 = ("Expected a string, a list of strings, a pandas Series or a DataFrame, got {type}")
    E809 = "{n} texts but {n_ids} ids"
    E810 = "{doc_id}: the text is empty or missing"
    # quotation rules (quotes/lexicon.py, resources/quotes.json)
    E700 = "Resource {name}: {where}: {lemma!r} is not a key of reporting_verbs"


class Warnings:
    W001 = "{path}: not valid UTF-8 (byte {position}); decoded as {encoding} instead"
    W002 = ("{doc_id}: no reference date (none given with --reference-date and none in "
            "metadata.csv); relative dates are left unresolved")
    W800 = ("{n} of {total} documents had no reference date (none given with --reference-date "
            "and none in metadata.csv); their relative dates are left unresolved")
    W801 = ("no reference date (none given with --reference-date and none in metadata.csv); "
            "relative dates are left unresolved")
    W003 = ("{path}: {n_chars} characters; processed in {n_pieces} pieces cut at paragraph or "
            "sentence ends (a quotation or date across a cut may be missed)")
    W500 = ("{path}: not valid UTF-8 at byte offset(s) {positions}; each invalid sequence was "
            "replaced by one U+FFFD character")
    W501 = "{path}: line {line}: {problem}; row skipped"
    W502 = "{path}: line {line}: doc_id {doc_id!r} is also on line {other}; line {other} is used"
    W503 = "{path}: not valid UTF-8; read as {encoding}"
    W504 = "{path}: cannot be read ({reason}); skipped"
    W505 = "{path}: symbolic link to nothing ({reason}); skipped"
    W506 = "{path}: cannot be read ({reason}); no metadata used for the articles beside it"
    W507 = ("{n} file name(s) are shared by files in different folders (e.g. {name}); those "
            "files' doc_ids name as many of their folders as tell them apart (e.g. {example!r})")
    W508 = "{path}: line {line}: doc_id {doc_id!r} ends in .txt; read as {stem!r}"
    W509 = "{path}: the extractor {extractor} failed ({exc}); its rows are missing, the other tables are kept"
    W510 = "{path}: removed {n} leftover temporary file(s) of an interrupted run"
    W300 = "{kind} span {start}:{end} overlaps line {other} ({other_start}:{other_end}); the guidelines allow no nesting within a kind"
    W301 = "{path}: no {kind} table; every gold {kind} counts as a miss"
    W302 = ("{doc_id}: {table} row rejected ({origin}): {problems}; the row is left out of the table "
            "(a bug in the rule that made it)")
    W303 = ("{doc_id}: {table} span {start}:{end} straddles a block the cleaner moved (a caption); "
            "raw[{start}:{end}] holds {n_extra} characters of the moved block too")
    W900 = "{path}: no {table} table in any format; the report shows none of its rows"
    W901 = "{doc_id}: raw text not found; its page lists the items without the text"
    W902 = "{path}: the text differs from the one the run read (text_sha1); its offsets would be wrong, so it is not shown"
    W903 = "{doc_id}: {n} {table} row(s) with offsets outside the text (or start >= end) are listed but not marked"
