"""Shared test helpers: hand-built parsed Docs, so rule tests do not depend on a statistical model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.model import Document

_NLP = spacy.blank("en")


def parse(rows: list[tuple], ents: list[tuple[int, int, str]] = (), text_date: str | None = "2025-03-31") -> Doc:
    """A Doc from rows of (word, head index, dep, POS, tag, lemma); ents as (start, end, label) token spans.

    Head indices are absolute (a root points to itself).
    """
    words = [r[0] for r in rows]
    spaces = [not (i + 1 < len(rows) and rows[i + 1][0] in (".", ",", "'s", "’s", "n't")) for i in range(len(rows))]
    spaces[-1] = False
    iob = ["O"] * len(rows)
    for start, end, label in ents:
        iob[start] = f"B-{label}"
        for i in range(start + 1, end):
            iob[i] = f"I-{label}"
    return Doc(_NLP.vocab, words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
               pos=[r[3] for r in rows], tags=[r[4] for r in rows], lemmas=[r[5] for r in rows], ents=iob)


def document(doc: Doc, doc_id: str = "d1", date: str | None = "2025-03-31") -> Document:
    return Document(doc_id=doc_id, file_name=f"{doc_id}.txt", text=doc.text, checksum="x", date=date)


def triples(extraction) -> set[tuple]:
    """(subject key, predicate, object key or text, modality) of every relation."""
    out = set()
    for r in extraction.relations:
        obj = getattr(r.object, "key", None) or getattr(r.object, "text", None) or (r.object.value, r.object.unit)
        out.add((r.subject.key, r.predicate, obj, r.modality))
    return out


@pytest.fixture
def ud():
    return parse
