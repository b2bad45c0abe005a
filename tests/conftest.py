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


def extract_text(nlp, text: str, **meta):
    """The extraction of one invented article parsed by `nlp` (document date 2024-05-01)."""
    from kg.extract import extract_document

    document = Document(doc_id="t1", file_name="t1.txt", text=text, checksum="x", date="2024-05-01", **meta)
    return extract_document(nlp(text), document)


def relation_rows(extraction, prop: str | None = None) -> set[tuple]:
    """(subject key, predicate, object key or text, modality) of the relations, those of `prop` only when
    given; an object that is neither an entity nor a text (a quantity) is None."""
    return {(r.subject.key, r.predicate, getattr(r.object, "key", None) or getattr(r.object, "text", None),
             r.modality) for r in extraction.relations if prop is None or r.predicate == prop}


def text_triples(nlp, text: str, prop: str | None = None, **meta) -> set[tuple]:
    """`relation_rows` of one invented article parsed by `nlp`."""
    return relation_rows(extract_text(nlp, text, **meta), prop)


@pytest.fixture
def ud():
    return parse
