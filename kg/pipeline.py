"""The build: corpus -> nlp -> extract -> resolve -> graph -> exports.

`build_corpus` is what `kg build` runs. Documents stream through
`nlp.pipe` in batches; each document's extraction is independent, so
resolution and graph building see only the light per-document results.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .build import BuiltGraph, build_graph
from .corpus import MAX_BYTES, read_corpus
from .extract import extract_document, mask_dateline
from .export import render_exports, write_files
from .gazetteer import load_gazetteer
from .model import DocExtraction, Document, Entity
from .nlp import load_pipeline
from .resolve import resolve_entities

log = logging.getLogger("kg")

BATCH_SIZE = 16


@dataclass
class BuildResult:
    extractions: list[DocExtraction]
    entities: dict[str, Entity]
    key_map: dict[str, str]
    graph: BuiltGraph
    files: list[Path]

    @property
    def statements(self) -> int:
        return sum(len(ex.relations) for ex in self.extractions)


def extract_documents(documents: Iterable[Document], model: str | None = None,
                      on_document: Callable[[DocExtraction], None] | None = None) -> Iterator[DocExtraction]:
    """Parse and extract documents as they stream in."""
    nlp = load_pipeline(model)
    gaz = load_gazetteer()
    pairs = ((mask_dateline(doc.text), doc) for doc in documents)
    for parsed, doc in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
        ex = extract_document(parsed, doc, gaz)
        if on_document is not None:
            on_document(ex)
        yield ex


def assemble(extractions: list[DocExtraction]) -> tuple[dict[str, Entity], dict[str, str], BuiltGraph]:
    entities, key_map = resolve_entities(extractions)
    return entities, key_map, build_graph(extractions, entities, key_map)


def build_corpus(corpus_dir: Path, out_dir: Path, model: str | None = None, max_bytes: int = MAX_BYTES,
                 on_document: Callable[[DocExtraction], None] | None = None) -> BuildResult:
    """Build the graph of a corpus folder and write its exports into out_dir."""
    documents = list(read_corpus(Path(corpus_dir), max_bytes=max_bytes))
    extractions = list(extract_documents(documents, model, on_document))
    entities, key_map, graph = assemble(extractions)
    files = write_files(Path(out_dir), render_exports(graph))
    return BuildResult(extractions=extractions, entities=entities, key_map=key_map, graph=graph, files=files)
