"""Package data: word lists, patterns and tables, read through one validating loader.

Every rule file is read with :func:`load` (JSON) or :func:`load_jsonl` against a declared
*shape*, and any problem raises :class:`~extract.errors.ResourceError` with a coded message
from :mod:`extract.errors` that names the file, the place in it and what was allowed::

    SHAPE = Record({"reporting_verbs": MapOf(ListOf(str)), "pronouns": MapOf(Choice("m", "f"))})
    data = load("quotes.json", SHAPE)

Shapes: a Python type (``str``, ``int``, ``float`` (ints allowed), ``bool``, ``dict``, ``list``),
:class:`ListOf`, :class:`MapOf`, :class:`Record`, :class:`Choice`, :class:`AnyOf`. Keys that
start with ``_`` are comments in a :class:`Record` and are skipped. Checks a shape cannot
state (a unit named twice, say) raise ``ResourceError(Errors.E207...)`` via :func:`bad`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Mapping

from ..errors import Errors, ResourceError

_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
               dict: "an object", list: "a list"}


@dataclass(frozen=True)
class ListOf:
    """A JSON array whose items all have ``item``'s shape."""

    item: Any
    nonempty: bool = False


@dataclass(frozen=True)
class MapOf:
    """A JSON object with any keys (``key`` checks them) whose values have ``value``'s shape."""

    value: Any
    key: Any = str


@dataclass(frozen=True)
class Record:
    """A JSON object with these keys; every key is required unless listed in ``optional``."""

    fields: Mapping[str, Any]
    optional: frozenset[str] = field(default_factory=frozenset)

    def __init__(self, fields: Mapping[str, Any], optional=()) -> None:
        object.__setattr__(self, "fields", dict(fields))
        object.__setattr__(self, "optional", frozenset(optional))


class Choice:
    """One of a closed set of values."""

    def __init__(self, *values: Any) -> None:
        self.values = tuple(values)


class AnyOf:
    """Any of several shapes (the first that fits)."""

    def __init__(self, *shapes: Any) -> None:
        self.shapes = shapes


def describe(shape: Any) -> str:
    """A shape in words, for messages."""
    if isinstance(shape, type):
        return _TYPE_NAMES.get(shape, shape.__name__)
    if isinstance(shape, ListOf):
        return f"a list of {_plural(describe(shape.item))}"
    if isinstance(shape, MapOf):
        return f"an object of {_plural(describe(shape.value))}"
    if isinstance(shape, Record):
        return "an object with keys " + ", ".join(shape.fields)
    if isinstance(shape, Choice):
        return "one of " + ", ".join(repr(v) for v in shape.values)
    if isinstance(shape, AnyOf):
        return " or ".join(describe(s) for s in shape.shapes)
    if shape is None:
        return "null"
    return repr(shape)


def _plural(words: str) -> str:
    for article in ("a ", "an "):
        if words.startswith(article):
            words = words[len(article):]
            break
    return words if words.endswith("s") else words + "s"


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    for t in (str, int, float, dict, list):
        if isinstance(value, t):
            return _TYPE_NAMES[t]
    return type(value).__name__


def check(value: Any, shape: Any, *, name: str, where: str = "top level") -> Any:
    """``value`` if it has ``shape``; else raise a coded ResourceError naming ``where``."""
    if shape is None:
        if value is not None:
            raise _wrong(name, where, shape, value)
        return value
    if isinstance(shape, type):
        ok = isinstance(value, shape) and not (isinstance(value, bool) and shape is not bool)
        if shape is float:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not ok:
            raise _wrong(name, where, shape, value)
        return value
    if isinstance(shape, Choice):
        if value not in shape.values:
            raise ResourceError(Errors.E205.format(name=name, where=where, value=value,
                                                   allowed=", ".join(map(str, shape.values))))
        return value
    if isinstance(shape, AnyOf):
        for option in shape.shapes:
            try:
                return check(value, option, name=name, where=where)
            except ResourceError:
                continue
        raise _wrong(name, where, shape, value)
    if isinstance(shape, ListOf):
        if not isinstance(value, list):
            raise _wrong(name, where, shape, value)
        if shape.nonempty and not value:
            raise ResourceError(Errors.E207.format(name=name, where=where, problem="the list is empty"))
        for i, item in enumerate(value):
            check(item, shape.item, name=name, where=f"{where}[{i}]")
        return value
    if isinstance(shape, MapOf):
        if not isinstance(value, dict):
            raise _wrong(name, where, shape, value)
        for k, v in value.items():
            if k.startswith("_"):
                continue
            check(k, shape.key, name=name, where=f"{where}: key {k!r}")
            check(v, shape.value, name=name, where=_child(where, k))
        return value
    if isinstance(shape, Record):
        if not isinstance(value, dict):
            raise _wrong(name, where, shape, value)
        for k in value:
            if not k.startswith("_") and k not in shape.fields:
                raise ResourceError(Errors.E202.format(name=name, where=where, key=k,
                                                       allowed=", ".join(shape.fields)))
        for k, sub in shape.fields.items():
            if k not in value:
                if k in shape.optional:
                    continue
                raise ResourceError(Errors.E203.format(name=name, where=where, key=k))
            check(value[k], sub, name=name, where=_child(where, k))
        return value
    raise TypeError(f"not a resource shape: {shape!r}")  # a programming error, not a data error


def _child(where: str, key: str) -> str:
    return key if where == "top level" else f"{where}.{key}"


def _wrong(name: str, where: str, shape: Any, value: Any) -> ResourceError:
    return ResourceError(Errors.E204.format(name=name, where=where, expected=describe(shape),
                                            got=_json_type(value)))


def bad(name: str, where: str, problem: str) -> ResourceError:
    """A coded error for a check that a shape cannot state."""
    return ResourceError(Errors.E207.format(name=name, where=where, problem=problem))


# ---------------------------------------------------------------- reading files

def read_text(name: str) -> str:
    try:
        return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(Errors.E200.format(name=name)) from exc


def read_word_list(name: str) -> frozenset[str]:
    """One entry per line; blank lines and '#' comments ignored."""
    words = set()
    for line in read_text(name).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line)
    if not words:
        raise ResourceError(Errors.E206.format(name=name))
    return frozenset(words)


def read_json(name: str) -> Any:
    text = read_text(name)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ResourceError(Errors.E201.format(name=name, line=exc.lineno, reason=exc.msg)) from exc


def read_jsonl(name: str) -> list[Any]:
    out = []
    for i, line in enumerate(read_text(name).splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ResourceError(Errors.E201.format(name=name, line=i, reason=exc.msg)) from exc
    return out


def load(name: str, shape: Any, data: Any = None) -> Any:
    """Read the JSON resource ``name`` (or check ``data`` given in its place) against ``shape``."""
    value = read_json(name) if data is None else data
    return check(value, shape, name=name)


def load_jsonl(name: str, shape: Any, records: list[Any] | None = None) -> list[Any]:
    """Read the JSON-lines resource ``name``; every record must have ``shape``."""
    rows = read_jsonl(name) if records is None else records
    for i, rec in enumerate(rows, 1):
        check(rec, shape, name=name, where=f"record {i}")
    return rows


__all__ = ["ListOf", "MapOf", "Record", "Choice", "AnyOf", "check", "describe", "bad", "load",
           "load_jsonl", "read_text", "read_word_list", "read_json", "read_jsonl"]
