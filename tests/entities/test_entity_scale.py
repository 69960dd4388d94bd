"""The entity rules are linear in the length of one Doc: ``nlp(text)`` on a long article (the
API does not cut it into pieces as ``extract run`` does) must not read the text before every
entity again (``doc.text`` is rebuilt by spaCy on each access)."""
from __future__ import annotations

import time

from extract.entities import fix_entities

SENTENCE = "The 33-year-old Anna Berg, 35, told Acme Holdings in Paris that Berg would join Acme. "


ENTS = (("Anna Berg", "PERSON"), ("Acme Holdings", "ORG"), ("Paris", "GPE"), ("Berg", "PERSON"))


def _doc(blank, repeats: int):
    doc = blank.make_doc(SENTENCE * repeats)
    spans = []
    for k in range(repeats):
        pos = k * len(SENTENCE)
        for surface, label in ENTS:
            i = SENTENCE.rindex(surface)   # the last "Berg" is the bare surname
            spans.append(doc.char_span(pos + i, pos + i + len(surface), label=label))
    doc.ents = spans
    return doc


def test_rules_scale_linearly_on_one_long_doc(blank):
    small, large = _doc(blank, 250), _doc(blank, 2000)    # 22 K and 176 K characters
    assert [e.text for e in _doc(blank, 1).ents] == ["Anna Berg", "Acme Holdings", "Paris", "Berg"]
    t = time.perf_counter()
    fix_entities(small)
    t_small = time.perf_counter() - t
    t = time.perf_counter()
    fix_entities(large)
    t_large = time.perf_counter() - t
    # 8 times the text: linear takes about 8 times as long, quadratic 64 times
    assert t_large < max(30 * t_small, 5.0), (t_small, t_large)
