"""Reader for PolNeAR (Newell et al. 2018) brat standoff -> gold direct quotations.

Layout: ``<root>/<split>/text/<name>.txt`` and ``<root>/<split>/attributions/<name>_<annotator>.ann``.
An ``.ann`` file holds ``T`` lines (``Tn<TAB>Type start end[;start end...]<TAB>text``) of type
Source, Cue, Content (and Attribution / Discard / Discuss, ignored) and ``E`` lines
``En<TAB>Attribution:Tk Content:Tx Cue:Ty Source:Tz`` tying them together.

PolNeAR annotates *all* attributions (indirect speech included). A direct quotation is the part
of a Content span that sits inside quotation marks. How that part is cut out:

1. A Content span may be discontinuous (``a b;c d``). It is cut at paragraph breaks (a newline),
   so a quote that runs over several paragraphs gives one gold span per paragraph part; the
   fragments within one paragraph are read together, so "A," he said, "B." gives two spans
   while one quotation that the annotator cut around an inserted phrase stays one span.
2. Within a piece, double quotation marks (“ ” and straight ", or two apostrophes '' as the
   New York Times text writes them) are paired outermost-first:
   “ opens and ” closes; a straight " opens when it follows the start, a space or an opening
   bracket/dash, else it closes. A quoted part runs from its opening mark to its closing mark,
   both included. An opening mark never closed in the piece runs to the end of the piece (a
   paragraph part of a multi-paragraph quote); a closing mark with no opening mark starts the
   part at the beginning of the piece.
3. Only when a piece has no double marks are single marks used (headline style ‘...’): ‘ opens
   at the start of a word, ’ closes when no letter follows it (so "it’s" is not a mark).
4. Leading/trailing whitespace is trimmed. ``n_words`` is recorded so that a scorer can apply
   the project's rule that one- or two-word terms in quotes (“rant,”) are not quotations.

When several annotators annotated the same article, the file of the first annotator in
alphabetical order is used, so that every article counts once.

When several attributions contain the same quoted part (nested attribution: "“...,” Walker
said, according to an AP account" has one attribution to Walker and one to the AP), the quote
takes the Source of the attribution with the smallest Content span: the one that directly
holds the quote.

The Source span (who is quoted; may be a pronoun) and Cue span of the attribution are attached
to each gold quote; they are ``None`` for ``Attribution-no-source`` events.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Errors, GoldError

SPLITS = ("train", "dev")

_OPEN_CONTEXT = set(" \t\n([{—–-‘'/")  # a straight " after one of these opens a quote
_DOUBLE = re.compile(r"''|“|”|\"")  # '' is a double mark in some newspapers' text
_ANN_LINE = re.compile(r"^[A-Z#]\d+\t")
_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    text: str
    n_words: int
    source_start: int | None = None
    source_end: int | None = None
    source_text: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    cue_text: str | None = None
    source_spans: tuple = ()   # every fragment of the Source span


@dataclass
class PolnearDoc:
    doc_id: str
    text: str
    annotator: str
    quotes: list[GoldQuote] = field(default_factory=list)


@dataclass
class _TextBound:
    kind: str
    fragments: list[tuple[int, int]]
    text: str


def _parse_ann(path: Path) -> tuple[dict[str, _TextBound], list[dict[str, str]]]:
    bounds: dict[str, _TextBound] = {}
    events: list[dict[str, str]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not _ANN_LINE.match(line):
            continue   # blank, or the rest of a span text that contained a newline
        parts = line.split("\t")
        try:
            if line.startswith("T"):
                kind, _, spans = parts[1].partition(" ")
                fragments = []
                for frag in spans.split(";"):
                    s, e = frag.split()
                    fragments.append((int(s), int(e)))
                bounds[parts[0]] = _TextBound(kind, fragments, parts[2] if len(parts) > 2 else "")
            elif line.startswith("E"):
                args = {}
                for arg in parts[1].split():
                    role, _, ref = arg.partition(":")
                    args[role] = ref
                events.append(args)
        except (IndexError, ValueError) as exc:
            raise GoldError(Errors.E006.format(path=path, line=lineno,
                                               problem=f"malformed brat line ({exc})")) from exc
    return bounds, events


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split [start, end) at newlines."""
    out, s = [], start
    for i in range(start, end):
        if text[i] == "\n":
            if i > s:
                out.append((s, i))
            s = i + 1
    if end > s:
        out.append((s, end))
    return out


def quoted_parts(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quoted parts (marks included) of the pieces of one Content span within one paragraph.

    The pieces are read as one stream, so a quotation that the annotator cut into several
    fragments (around an inserted "he said", say) is one part when its marks enclose them all.
    """
    if isinstance(pieces, tuple):   # quoted_parts(text, (start, end))
        pieces = [pieces]
    piece_of = {}
    marks: list[tuple[int, int]] = []
    for n, (s, e) in enumerate(pieces):
        for m in _DOUBLE.finditer(text, s, e):
            marks.append((m.start(), m.end()))
            piece_of[m.start()] = n
    first, last = pieces[0][0], pieces[-1][1]
    parts: list[tuple[int, int]] = []
    if marks:
        stack: list[str] = []
        open_at = None
        for i, j in marks:
            ch = text[i]
            if ch == "“":
                opening = True
            elif ch == "”":
                opening = False
            elif not stack:
                opening = True
            elif stack[-1] == "\"":
                opening = False
            else:   # a straight mark inside a curly quote: nested if it starts a word
                prev = text[i - 1] if i > first else " "
                opening = prev in _OPEN_CONTEXT
            if opening:
                if not stack:
                    open_at = i
                stack.append("“" if ch == "“" else "\"")
            else:
                if not stack:   # closing mark with no opening: the part starts with its piece
                    parts.append((pieces[piece_of[i]][0], j))
                    continue
                stack.pop()
                if not stack:
                    parts.append((open_at, j))
                    open_at = None
        if stack and open_at is not None:
            parts.append((open_at, last))
    else:
        open_at = None
        for s, e in pieces:
            for i in range(s, e):
                ch = text[i]
                if ch == "‘" and open_at is None:
                    prev = text[i - 1] if i > s else " "
                    if not prev.isalnum():
                        open_at = i
                elif ch == "’" and open_at is not None:
                    nxt = text[i + 1] if i + 1 < e else " "
                    if not nxt.isalpha():
                        parts.append((open_at, i + 1))
                        open_at = None
    trimmed = []
    for s, e in parts:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _first_fragment(tb: _TextBound | None) -> tuple[int | None, int | None]:
    if tb is None:
        return None, None
    s, e = tb.fragments[0]
    return s, e


def read_document(text_path: Path, ann_path: Path) -> PolnearDoc:
    text = text_path.read_text(encoding="utf-8")
    bounds, events = _parse_ann(ann_path)
    annotator = ann_path.stem.rsplit("_", 1)[-1]
    doc = PolnearDoc(doc_id=text_path.stem, text=text, annotator=annotator)
    linked: set[str] = set()
    items: list[tuple[_TextBound, _TextBound | None, _TextBound | None]] = []
    for ev in events:
        content = bounds.get(ev.get("Content", ""))
        if content is None:
            continue
        linked.add(ev["Content"])
        items.append((content, bounds.get(ev.get("Source", "")), bounds.get(ev.get("Cue", ""))))
    for tid, tb in bounds.items():   # Content spans that no event links to still hold quotes
        if tb.kind == "Content" and tid not in linked:
            items.append((tb, None, None))
    best: dict[tuple[int, int], tuple[int, GoldQuote]] = {}
    for content, source, cue in items:
        ss, se = _first_fragment(source)
        cs, ce = _first_fragment(cue)
        size = sum(e - s for s, e in content.fragments) + (0 if source is not None else 10**9)
        by_para: dict[int, list[tuple[int, int]]] = {}
        for fs, fe in content.fragments:
            for ps, pe in _pieces(text, fs, fe):
                by_para.setdefault(text.rfind("\n", 0, ps), []).append((ps, pe))
        for pieces in by_para.values():
            for qs, qe in quoted_parts(text, sorted(pieces)):
                if (qs, qe) in best and best[(qs, qe)][0] <= size:
                    continue
                q = text[qs:qe]
                best[(qs, qe)] = (size, GoldQuote(
                    qs, qe, q, len(_WORD.findall(q)),
                    ss, se, " ".join(text[a:b] for a, b in source.fragments) if source else None,
                    cs, ce, text[cs:ce] if cs is not None else None,
                    tuple(source.fragments) if source else ()))
    doc.quotes = [g for _, g in best.values()]
    doc.quotes.sort(key=lambda g: (g.start, g.end))
    return doc


def read_split(root: str | Path, split: str = "dev") -> list[PolnearDoc]:
    """Every article of ``split`` with its gold direct quotations, sorted by doc_id."""
    if split not in SPLITS:
        raise ValueError(Errors.E007.format(what="PolNeAR split", value=split,
                                            allowed=", ".join(SPLITS)))
    root = Path(root)
    text_dir, ann_dir = root / split / "text", root / split / "attributions"
    if not text_dir.is_dir():
        raise GoldError(Errors.E001.format(path=text_dir))
    anns: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, ann)   # first annotator alphabetically
    docs = []
    for txt in sorted(text_dir.glob("*.txt")):
        ann = anns.get(txt.stem)
        if ann is None:
            continue
        docs.append(read_document(txt, ann))
    return docs
