"""Package data: word lists, patterns and tables, read through validating loaders."""
from __future__ import annotations

import json
from importlib import resources
from typing import Any

from ..errors import Errors, ResourceError


def read_text(name: str) -> str:
    try:
        return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(Errors.E008.format(name=name, problem="no such package data file")) from exc


def read_word_list(name: str) -> frozenset[str]:
    """One entry per line; blank lines and '#' comments ignored."""
    words = set()
    for line in read_text(name).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line)
    if not words:
        raise ResourceError(Errors.E008.format(name=name, problem="the word list is empty"))
    return frozenset(words)


def read_json(name: str) -> Any:
    try:
        return json.loads(read_text(name))
    except json.JSONDecodeError as exc:
        raise ResourceError(Errors.E008.format(name=name, problem=f"invalid JSON ({exc})")) from exc


def read_jsonl(name: str) -> list[Any]:
    out = []
    for i, line in enumerate(read_text(name).splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ResourceError(Errors.E008.format(name=name, problem=f"line {i}: invalid JSON ({exc})")) from exc
    return out
