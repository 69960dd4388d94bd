"""The Doc finder: direct quotations of a Doc with their speakers, as records.

:func:`find_quotes` works in passes over ``doc.text`` and its tokens: the marks
(:func:`~extract.quotes.marks.quote_spans`), cue and speaker mention of each quote
(:func:`~extract.quotes.attribution.attribute`), the parts of a multi-paragraph quote sharing
the cue found on any part (``chain``), speaker names (:mod:`extract.quotes.speakers`), and the
filter (:func:`~extract.quotes.classify.is_quotation`), after which a quote with no cue of its
own takes the speaker of a quote shortly before it (``inherit``: same paragraph, or up to
``NEAR_PARAGRAPHS`` paragraphs back, but not into a sentence of the writer's own in a
later paragraph) or the nearest person who is the subject of a sentence
before it (``nearby``); else its ``method`` is ``none`` (a long quote is still reported).
Offsets are into ``doc.text``.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .. import schema
from .attribution import (attribute, passive_listener as _passive_listener, share_closing_cues,
                          share_sentence_cues)
from .classify import is_quotation, quote_type, title_like
from .lexicon import Lexicon, load_lexicon
from .marks import WORD_RE, Quote, paragraph_index, quote_spans
from .phrases import MAX_WALK, SUBJ_DEPS, ent_of, np_around, sent_start, tok_range
from .speakers import People, name_speaker

#: the record columns, in table order
COLUMNS = list(schema.QUOTE.column_names)
#: a quotation with no cue takes the speaker of a quotation at most this many paragraphs before
NEAR_PARAGRAPHS = 2


def find_quotes(doc: Doc, lex: Lexicon | None = None) -> list[dict]:
    """Direct quotations of ``doc`` with their speakers, as records (see ``COLUMNS``)."""
    lex = load_lexicon() if lex is None else lex
    text = doc.text
    quotes = quote_spans(text)
    quoted = _mark_quoted(doc, quotes, text)
    for q in quotes:
        attribute(doc, q, lex, quoted, text)
    share_sentence_cues(doc, quotes, lex, quoted)
    share_closing_cues(doc, quotes, lex, quoted)
    _share_chain_cues(quotes)
    people = People(doc, lex, text)
    for q in quotes:
        if q.mention is not None:
            q.mention = _in_cue_paragraph(doc, q.mention, q.cue)
            name_speaker(doc, q, people, lex)
    records = _records(doc, quotes, quoted, people, lex)
    ordinal: dict[int, int] = {}
    for rec in records:   # chain ids as 0, 1, 2 ... in order (not offsets, which tables remap)
        rec["chain"] = ordinal.setdefault(rec["chain"], len(ordinal))
    return records


def _in_cue_paragraph(doc: Doc, mention: tuple[int, int], cue: tuple[int, int] | None) -> tuple[int, int]:
    """The part of a speaker mention in the paragraph of its cue (else in the last paragraph it
    spans): a noun phrase found over a paragraph break ("<tweet .../>.¶¶D’Souza told Beck")
    ends, or starts, at the break. A mention within one paragraph, or whose part there has no
    word, is left as it is."""
    s, e = mention
    breaks = [k for k in range(s, e) if "\n" in doc[k].text]
    if not breaks:
        return mention
    at = cue[0] if cue is not None else e - 1
    part = (breaks[-1] + 1, e) if at > breaks[-1] else (s, breaks[0]) if at < breaks[0] else mention
    return part if any(not t.is_punct and not t.is_space for t in doc[part[0]:part[1]]) else mention


def _mark_quoted(doc: Doc, quotes: list[Quote], text: str) -> list[bool]:
    """Tokens inside any quotation (cues are never looked for there); titles and names in
    marks are left out, being part of the sentence around them."""
    quoted = [False] * len(doc)
    for q in quotes:
        q.title = title_like(text, q)
        if q.title:
            continue
        s, e = tok_range(doc, q.start, q.end)
        for k in range(s, e):
            quoted[k] = True
    return quoted


#: methods that find an attribution of the quote's own (a cue next to it)
_OWN_CUE = {"after", "before", "colon"}


def _share_chain_cues(quotes: list[Quote]) -> None:
    """The parts of a chain (a quote over several paragraphs) share one speaker: a part with
    no attribution of its own (no cue, or only the sentence before it) takes the nearest
    part's before it that has one, else the first after it; a part with its own cue keeps it
    (a new attribution interrupts)."""
    by_chain: dict[int, list[Quote]] = {}
    for q in quotes:
        by_chain.setdefault(q.chain, []).append(q)
    for parts in by_chain.values():
        if len(parts) < 2:
            continue
        own = [p for p in parts if p.cue is not None and p.method in _OWN_CUE]
        if not own:
            own = [p for p in parts if p.cue is not None and p.method != "previous"]
        if not own:
            continue
        for n, p in enumerate(parts):
            if p in own or (p.cue is not None and p.method in _OWN_CUE):
                continue
            before = [o for o in own if parts.index(o) < n]
            src = before[-1] if before else own[0]
            p.cue, p.mention, p.method, p.byline = src.cue, src.mention, "chain", src.byline


def _inherit(q: Quote, prev: Quote) -> None:
    q.mention, q.speaker, q.speaker_kind = prev.mention, prev.speaker, prev.speaker_kind
    q.cue, q.method = prev.cue, "inherit"


def _records(doc: Doc, quotes: list[Quote], quoted: list[bool], people: People,
             lex: Lexicon) -> list[dict]:
    """The quotations that pass the filter, as records; quotes without a speaker of their own
    take the one of a quote shortly before or of a person nearby."""
    text = doc.text
    paras, para_of = paragraph_index(text)
    records: list[dict] = []
    prev: Quote | None = None
    for q in quotes:
        n_words = len(WORD_RE.findall(text[q.start:q.end]))
        if q.mention is None and prev is not None and prev.speaker is not None:
            same_para = para_of(prev.start) == para_of(q.start)
            opens_next = para_of(q.start) == para_of(prev.end - 1) + 1 \
                and not text[paras[para_of(q.start)][0]:q.start].strip()
            if same_para or opens_next:
                _inherit(q, prev)
                q.adjacent = same_para
        kind = quote_type(text, q, n_words)
        if kind in {"scare", "title"}:
            _no_speaker(q)   # a term or a name in marks: nobody's words
            records.append(_record(doc, text, q, n_words, lex, kind))
            continue
        if not is_quotation(text, q, n_words):
            # a short phrase with a reporting verb of its own (called it “a sham”): it keeps
            # its speaker, but no later quotation takes the speaker from it
            records.append(_record(doc, text, q, n_words, lex, kind))
            continue
        if q.mention is None and prev is not None and prev.speaker is not None \
                and para_of(q.start) - para_of(prev.end - 1) <= NEAR_PARAGRAPHS \
                and not _other_voice_between(doc, prev, q, quoted, people) \
                and not (para_of(q.start) != para_of(prev.end - 1)
                         and text[paras[para_of(q.start)][0]:q.start].strip()):
            _inherit(q, prev)   # a quotation with no cue at all, shortly after another
        if q.mention is None:
            _nearby_subject(doc, q, quoted, paras, para_of, people, lex)
        records.append(_record(doc, text, q, n_words, lex, kind))
        prev = q
    return records


def _no_speaker(q: Quote) -> None:
    q.cue = q.mention = q.speaker = None
    q.method, q.speaker_kind = "none", "unknown"


def _record(doc: Doc, text: str, q: Quote, n_words: int, lex: Lexicon, quote_type: str) -> dict:
    """One quotation as a record: the table's columns but ``doc_id``."""
    rec = {
        "start_char": q.start, "end_char": q.end, "text": text[q.start:q.end],
        "speaker": q.speaker, "speaker_start_char": None, "speaker_end_char": None,
        "cue": None, "cue_start_char": None, "cue_end_char": None, "speaker_mention": None,
        "speaker_kind": q.speaker_kind if q.speaker is not None else "unknown",
        "label": schema.QUOTE_LABEL, "method": q.method, "chain": q.chain, "n_words": n_words,
        "quote_type": quote_type,
    }
    if q.mention is not None:
        m = doc[q.mention[0]:q.mention[1]]
        rec.update(speaker_start_char=m.start_char, speaker_end_char=m.end_char, speaker_mention=m.text)
    if q.cue is not None:
        c = doc[q.cue[0]:q.cue[1]]
        if c.end < len(doc) and f"{c[0].lower_} {doc[c.end].lower_}" in lex.phrasal:
            c = doc[c.start:c.end + 1]   # "according to", "went on"
        rec.update(cue=c.text, cue_start_char=c.start_char, cue_end_char=c.end_char)
    return rec
def _other_voice_between(doc: Doc, prev: Quote, q: Quote, quoted: list[bool],
                         people: People) -> bool:
    """A person other than ``prev``'s speaker is the subject of a sentence between the two."""
    a, _ = tok_range(doc, prev.end - 1, prev.end)
    b, _ = tok_range(doc, q.start, q.end)
    for k in range(a + 1, b):
        t = doc[k]
        if quoted[k] or t.dep_ not in SUBJ_DEPS or t.ent_type_ != "PERSON":
            continue
        ent = ent_of(t)
        if people.name(ent.text if ent is not None else t.text, t.idx) != prev.speaker:
            return True
    return False


def _nearby_subject(doc: Doc, q: Quote, quoted: list[bool], paras, para_of, people: People,
                    lex: Lexicon) -> None:
    """No cue and no quotation before: the nearest person who is the subject of a sentence
    before the quote, in its paragraph or the one before ("Viguerie is upbeat. “...”")."""
    p = para_of(q.start)
    lo_char = paras[max(p - 1, 0)][0]
    qs, _ = tok_range(doc, q.start, q.end)
    s0 = sent_start(doc[qs]) if qs < len(doc) else qs
    if any(t.is_alpha and not quoted[t.i] for t in doc[s0:qs]):
        # a quote inside the writer's sentence: only a subject of that sentence; one in the
        # sentences before is a guess too far ("A friend called him “...”")
        lo_char = max(lo_char, doc[s0].idx)
    for k in range(qs - 1, max(qs - 1 - MAX_WALK, -1), -1):
        t = doc[k]
        if t.idx < lo_char:
            break
        if quoted[k] or t.dep_ not in SUBJ_DEPS or _passive_listener(t.head, lex):
            continue
        if t.ent_type_ == "PERSON" or t.lower_ in {"he", "she"}:
            q.mention = np_around(doc, t, lex, 0, qs)
            q.method = "nearby"
            name_speaker(doc, q, people, lex)
            return


__all__ = ["COLUMNS", "NEAR_PARAGRAPHS", "find_quotes"]
