"""The build: corpus -> nlp -> extract -> resolve -> graph -> exports.

`build_corpus` is what `kg build` runs. Documents stream through `nlp.pipe` in
batches, in this process or in `jobs` worker processes that each load the
pipeline once; each document's extraction is independent and small, so
resolution and graph building see only the light per-document results. With
`update=True`, documents whose text and extraction settings are unchanged are
taken from the cache instead of being parsed again.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from .build import BuiltGraph, build_graph
from .cache import CACHE_DIR, ExtractionCache, fingerprint
from .corpus import MAX_BYTES, read_corpus
from .export import remove_stale, render_exports, write_files
from .extract import extract_document, mask_dateline
from .gazetteer import load_gazetteer
from .model import DocExtraction, Document, Entity
from .nlp import load_pipeline, model_name
from .resolve import resolve_entities
from .views import render_views

VIEW_DIRS = ("entities",)

log = logging.getLogger("kg")

BATCH_SIZE = 16


@dataclass
class BuildResult:
    extractions: list[DocExtraction]
    entities: dict[str, Entity]
    key_map: dict[str, str]
    graph: BuiltGraph
    files: list[Path]
    reused: int = 0

    @property
    def statements(self) -> int:
        return sum(len(ex.relations) for ex in self.extractions)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _extract_batch(nlp, batch: list[Document]) -> list[DocExtraction]:
    gaz = load_gazetteer()
    texts = ((mask_dateline(doc.text), doc) for doc in batch)
    return [extract_document(parsed, doc, gaz) for parsed, doc in nlp.pipe(texts, as_tuples=True, batch_size=BATCH_SIZE)]


_WORKER_NLP = None


def _worker_init(model: str | None) -> None:
    global _WORKER_NLP
    _WORKER_NLP = load_pipeline(model)


def _worker_batch(batch: list[Document]) -> list[DocExtraction]:
    return _extract_batch(_WORKER_NLP, batch)


def extract_documents(documents: Iterable[Document], model: str | None = None, jobs: int = 1,
                      batch_size: int = BATCH_SIZE) -> Iterator[DocExtraction]:
    """Parse and extract documents as they stream in, in input order."""
    if jobs <= 1:
        nlp = load_pipeline(model)
        for batch in _batches(documents, batch_size):
            yield from _extract_batch(nlp, batch)
        return
    load_pipeline(model)  # fail fast, in this process, on an unknown model
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
    with ctx.Pool(jobs, initializer=_worker_init, initargs=(model,)) as pool:
        for result in pool.imap(_worker_batch, _batches(documents, batch_size), chunksize=1):
            yield from result


def assemble(extractions: list[DocExtraction]) -> tuple[dict[str, Entity], dict[str, str], BuiltGraph]:
    entities, key_map = resolve_entities(extractions)
    return entities, key_map, build_graph(extractions, entities, key_map)


def _pipeline_meta(model: str | None) -> dict:
    nlp = load_pipeline(model)
    return {k: nlp.meta.get(k) for k in ("name", "version", "spacy_version")} | {"pipes": nlp.pipe_names}


def build_corpus(corpus_dir: Path, out_dir: Path, model: str | None = None, max_bytes: int = MAX_BYTES,
                 on_document: Callable[[DocExtraction], None] | None = None, jobs: int = 1,
                 update: bool = False, extra_files: Callable[[BuiltGraph], dict] | None = None,
                 views: bool = True, store: Path | None = None, dask: str | None = None) -> BuildResult:
    """Build the graph of a corpus folder and write its exports into out_dir."""
    documents = list(read_corpus(Path(corpus_dir), max_bytes=max_bytes))
    cache = ExtractionCache(Path(out_dir), fingerprint(model_name(model), _pipeline_meta(model)))
    cached: dict[str, DocExtraction] = {}
    if update:
        for doc in documents:
            hit = cache.get(doc)
            if hit is not None:
                cached[doc.doc_id] = hit
    todo = [doc for doc in documents if doc.doc_id not in cached]
    fresh: dict[str, DocExtraction] = {}
    if dask is not None:
        from .distributed import build_on_dask

        shard_dir = Path(out_dir) / CACHE_DIR / "shards"
        extracted, entities, key_map, graph = build_on_dask(documents, model, shard_dir, scheduler=dask,
                                                            workers=max(jobs, 1))
        fresh = {ex.document.doc_id: ex for ex in extracted}
        extractions = extracted
        if on_document is not None:
            for ex in extractions:
                on_document(ex)
    else:
        for ex in extract_documents(todo, model, jobs=jobs):
            fresh[ex.document.doc_id] = ex
            if on_document is not None:
                on_document(ex)
        for ex in cached.values():
            if on_document is not None:
                on_document(ex)
        extractions = [cached.get(doc.doc_id) or fresh[doc.doc_id] for doc in documents]
        entities, key_map, graph = assemble(extractions)
    files = render_exports(graph)
    if views:
        files.update(render_views(graph.union()))
    if extra_files is not None:
        files.update(extra_files(graph))
    if store is not None:
        from .store import write_store

        write_store(Path(store), files["graph.nq"], files["graph.nt"])
    written = write_files(Path(out_dir), files)
    remove_stale(Path(out_dir), files, VIEW_DIRS)
    for ex in fresh.values():
        cache.put(ex)
    cache.prune({doc.doc_id for doc in documents})
    return BuildResult(extractions=extractions, entities=entities, key_map=key_map, graph=graph, files=written,
                       reused=len(cached))
