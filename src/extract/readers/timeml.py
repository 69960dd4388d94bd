"""Reader for TimeML documents (TimeBank, AQUAINT; TempEval-3 TBAQ-cleaned).

A document's plain text is the character content of its ``<TEXT>`` element with every
tag removed (XML entities decoded). Gold ``TIMEX3`` spans are character offsets into that
plain text. The document creation time (``<DCT>``) is read as the reference date and is
not one of the gold spans, since it is not part of the text.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..errors import Errors, GoldError


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""
    tid: str = ""


@dataclass
class TimeMLDoc:
    doc_id: str
    path: str
    text: str
    dct: str | None                 # ISO date YYYY-MM-DD of the creation time, or None
    timexes: list[Timex] = field(default_factory=list)


def _walk(elem: ET.Element, parts: list[str], pos: list[int], out: list[Timex]) -> None:
    """Append elem's text to parts, recording TIMEX3 offsets; pos[0] is the running offset."""
    start = pos[0]
    if elem.text:
        parts.append(elem.text)
        pos[0] += len(elem.text)
    for child in elem:
        _walk(child, parts, pos, out)
        if child.tail:
            parts.append(child.tail)
            pos[0] += len(child.tail)
    if elem.tag == "TIMEX3":
        a = elem.attrib
        out.append(Timex(start, pos[0], "", a.get("type", ""), a.get("value", ""),
                         a.get("mod", ""), a.get("tid", "")))


def read_timeml(path: str | Path) -> TimeMLDoc:
    """Read one ``.tml`` file into plain text, DCT and gold TIMEX3 spans."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise GoldError(Errors.E006.format(path=path, line=exc.position[0], problem=str(exc))) from exc
    text_elem = root.find("TEXT")
    if text_elem is None:
        raise GoldError(Errors.E006.format(path=path, line=0, problem="no <TEXT> element"))
    parts: list[str] = []
    spans: list[Timex] = []
    _walk(text_elem, parts, [0], spans)
    text = "".join(parts)
    timexes = [Timex(t.start, t.end, text[t.start:t.end], t.type, t.value, t.mod, t.tid)
               for t in sorted(spans, key=lambda t: (t.start, t.end))]
    dct = None
    dct_timex = root.find("DCT/TIMEX3")
    if dct_timex is not None:
        value = dct_timex.attrib.get("value", "")
        dct = value[:10] if len(value) >= 10 else None
    doc_id_elem = root.find("DOCID")
    doc_id = doc_id_elem.text.strip() if doc_id_elem is not None and doc_id_elem.text else path.stem
    return TimeMLDoc(doc_id=doc_id, path=str(path), text=text, dct=dct, timexes=timexes)


def iter_timeml(root: str | Path, subsets: tuple[str, ...] = ("TimeBank", "AQUAINT")) -> Iterator[TimeMLDoc]:
    """Every ``.tml`` document under ``root/<subset>/``, in sorted order."""
    root = Path(root)
    for subset in subsets:
        for path in sorted((root / subset).glob("*.tml")):
            yield read_timeml(path)
