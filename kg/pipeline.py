"""The build: corpus -> nlp -> extract -> resolve -> graph -> exports, in bounded memory.

`build_corpus` is what `kg build` runs. Documents stream through `nlp.pipe` in
batches, in this process or in `jobs` worker processes that each load the
pipeline once. Each extraction is written to the per-document cache as soon as
it is made; only its mentions stay in memory, for entity resolution across the
corpus. Each document's named graph is then built from its cached extraction
and streamed to graph.nt and graph.nq through an on-disk sort, so the memory a
build needs does not grow with the number of documents (up to the mentions
kept for resolution). The serialisations that need the whole graph (sorted
Turtle, TriG, JSON-LD) and the views are written for graphs up to
`max_graph_triples`. With `update=True`, documents whose text and extraction
settings are unchanged are taken from the cache instead of being parsed again.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing as mp
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from rdflib import Graph, URIRef

from . import errors, interrupt
from .build import ENTITY_GRAPH, BuiltGraph, add_document, add_entities, build_graph, document_graph_iri, new_graph
from .cache import CACHE_DIR, ExtractionCache, fingerprint
from .corpus import MAX_BYTES, read_corpus
from .export import SORTED_FILES, remove_stale, render_exports, write_files
from .extract import extract_document, mask_dateline
from .gazetteer import load_gazetteer
from .model import DocExtraction, Document, Entity, Mention
from .nlp import load_pipeline, model_name
from .resolve import resolve_entities
from .stream import LineSorter, nq_line, nt_lines
from .views import render_views

VIEW_DIRS = ("entities",)

log = logging.getLogger("kg")

BATCH_SIZE = 16
WORKER_BATCHES = 4  # batches of BATCH_SIZE documents handed to a worker process at a time
KEPT_EXTRACTION_WORDS = 250_000
"""Up to this many words of articles the build keeps their whole extractions in memory for the graph step
(a few megabytes); beyond, it reads each back from the cache on disk, in bounded memory."""
MAX_GRAPH_TRIPLES = 50_000
"""Up to this many triples the build also keeps the graph in memory for the sorted Turtle, TriG and
JSON-LD exports and the views; beyond, it writes graph.nt and graph.nq only, in bounded memory."""


@dataclass
class BuildResult:
    documents: int
    words: int
    statements: int
    entities: dict[str, Entity]
    key_map: dict[str, str]
    triples: int
    files: list[Path]
    graph: BuiltGraph | None = None  # the in-memory graph, kept only up to `max_graph_triples`
    reused: int = 0


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _load_qualifier_parsers() -> None:
    """Load the date and quantity parsers before the first article (and before worker processes fork)."""
    from .qualifiers import _date_parser, _quantity_parser

    _date_parser()
    _quantity_parser()


def _extract_stream(nlp, documents: Iterable[Document]) -> Iterator[DocExtraction]:
    """Parse and extract documents through one `nlp.pipe` stream. (One call per batch instead would make
    spaCy allocate and free its working memory at each call: three times the page faults, 10 % slower.)"""
    gaz = load_gazetteer()
    texts = ((mask_dateline(doc.text), doc) for doc in documents)
    for parsed, doc in nlp.pipe(texts, as_tuples=True, batch_size=BATCH_SIZE):
        yield extract_document(parsed, doc, gaz)


def _extract_batch(nlp, batch: list[Document]) -> list[DocExtraction]:
    return list(_extract_stream(nlp, batch))


_WORKER_NLP = None


def _worker_init(model: str | None) -> None:
    global _WORKER_NLP
    interrupt.ignore_in_child()
    _WORKER_NLP = load_pipeline(model)
    gc.freeze()  # the pipeline lives as long as the worker (see `_frozen_heap`)


def _worker_batch(batch: list[Document]) -> list[DocExtraction]:
    return _extract_batch(_WORKER_NLP, batch)


def extract_documents(documents: Iterable[Document], model: str | None = None, jobs: int = 1,
                      batch_size: int = BATCH_SIZE) -> Iterator[DocExtraction]:
    """Parse and extract documents as they stream in, in input order."""
    _load_qualifier_parsers()
    if jobs <= 1:
        yield from _extract_stream(load_pipeline(model), documents)
        return
    load_pipeline(model)  # fail fast, in this process, on an unknown model
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
    with ctx.Pool(jobs, initializer=_worker_init, initargs=(model,)) as pool:
        for result in pool.imap(_worker_batch, _batches(documents, batch_size * WORKER_BATCHES), chunksize=1):
            yield from result


def assemble(extractions: list[DocExtraction]) -> tuple[dict[str, Entity], dict[str, str], BuiltGraph]:
    entities, key_map = resolve_entities(extractions)
    return entities, key_map, build_graph(extractions, entities, key_map)


def _pipeline_meta(model: str | None) -> dict:
    nlp = load_pipeline(model)
    return {k: nlp.meta.get(k) for k in ("name", "version", "spacy_version")} | {"pipes": nlp.pipe_names}


def _summary(ex: DocExtraction) -> DocExtraction:
    """What entity resolution reads of a document: its mentions, those of its relations included, in the
    order `resolve_entities` reads them, and nothing else (sentences and relations stay on disk)."""
    rel_mentions = tuple(m for rel in ex.relations for m in (rel.subject, rel.object, rel.claimant, rel.place)
                         if isinstance(m, Mention))
    doc = ex.document
    return DocExtraction(document=Document(doc_id=doc.doc_id, file_name=doc.file_name, text="", checksum=doc.checksum),
                         sentences=(), mentions=ex.mentions + rel_mentions, relations=(), words=ex.words)


def _used_keys(ex: DocExtraction) -> set[str]:
    """Mention keys (before resolution) whose entities the graph describes: as `build_graph` picks them."""
    used = set()
    for rel in ex.relations:
        for m in (rel.subject, rel.object, rel.claimant, rel.place):
            if isinstance(m, Mention):
                used.add(m.key)
    for m in ex.mentions:
        if m.name:
            used.add(m.key)
    return used


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Keep the objects alive when the build starts (the loaded pipeline and lexicons, hundreds of thousands)
    out of the cycle collector's full passes while the build runs: the build makes many small objects, and
    each full pass would walk them all again."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def build_corpus(corpus_dir: Path, out_dir: Path, model: str | None = None, max_bytes: int = MAX_BYTES,
                 on_document: Callable[[DocExtraction], None] | None = None, jobs: int = 1,
                 update: bool = False, extra_files: Callable[[BuiltGraph], dict] | None = None,
                 views: bool = True, store: Path | None = None, dask: str | None = None,
                 max_graph_triples: int = MAX_GRAPH_TRIPLES) -> BuildResult:
    """Build the graph of a corpus folder and write its exports into out_dir, in bounded memory.

    1. documents are parsed and extracted as they stream in; each extraction goes to the cache on disk
       at once, and only its mentions stay in memory;
    2. entities are resolved across the corpus from those mentions;
    3. each document's named graph is built from its cached extraction, in document order, and its
       N-Triples and N-Quads lines go to an on-disk sort, which writes graph.nt and graph.nq;
    4. graph.ttl, graph.trig, graph.jsonld and the views need the whole graph in memory: they are
       written while the graph has at most `max_graph_triples` triples, and left out (with a warning
       naming graph.nt and graph.nq) beyond.
    """
    out_dir = Path(out_dir)
    documents = list(read_corpus(Path(corpus_dir), max_bytes=max_bytes))
    cache = ExtractionCache(out_dir, fingerprint(model_name(model), _pipeline_meta(model)))
    _load_qualifier_parsers()
    try:
        with _frozen_heap():
            return _build(documents, out_dir, cache, model, on_document, jobs, update, extra_files, views, store,
                          dask, max_graph_triples)
    except OSError as exc:  # the cache, the on-disk sort or the store (the exports themselves: write_files)
        raise errors.write_failed(exc.filename or f"the build's temporary files in {out_dir}/", exc, out_dir) from None


def _build(documents: list[Document], out_dir: Path, cache: ExtractionCache, model: str | None,
           on_document: Callable[[DocExtraction], None] | None, jobs: int, update: bool,
           extra_files: Callable[[BuiltGraph], dict] | None, views: bool, store: Path | None, dask: str | None,
           max_graph_triples: int) -> BuildResult:
    summaries: dict[str, DocExtraction] = {}
    whole: dict[str, DocExtraction] | None = {}  # the extractions themselves, while they are few
    used_raw: set[str] = set()
    statements = 0
    reused = 0
    kept_words = 0

    def keep(ex: DocExtraction, fresh: bool) -> None:
        nonlocal statements, whole, kept_words
        if fresh:
            cache.put(ex)
        kept_words += ex.words
        if whole is not None:
            whole[ex.document.doc_id] = ex
            if kept_words > KEPT_EXTRACTION_WORDS:
                whole = None
        summaries[ex.document.doc_id] = _summary(ex)
        used_raw.update(_used_keys(ex))
        statements += len(ex.relations)
        interrupt.check()
        if on_document is not None:
            on_document(ex)

    todo = documents
    if update:
        todo = []
        for doc in documents:
            hit = cache.get(doc)
            if hit is None:
                todo.append(doc)
            else:
                reused += 1
                keep(hit, fresh=False)
    if dask is not None:
        from .distributed import extract_on_dask

        shard_dir = out_dir / CACHE_DIR / "shards"
        for ex in extract_on_dask(todo, model, shard_dir, scheduler=dask, workers=max(jobs, 1)):
            keep(ex, fresh=True)
    else:
        for ex in extract_documents(todo, model, jobs=jobs):
            keep(ex, fresh=True)
    ordered = [summaries[doc.doc_id] for doc in documents]
    entities, key_map = resolve_entities(ordered)
    del ordered
    used = {key_map.get(k, k) for k in used_raw}
    entity_graph = new_graph(ENTITY_GRAPH)
    add_entities(entity_graph, (entities[k] for k in sorted(used) if k in entities))

    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".kg-build-", dir=out_dir))
    try:
        nt, nq = LineSorter(tmp), LineSorter(tmp)
        kept: dict[str, Graph] | None = {}
        size = 0
        by_doc = {doc.doc_id: doc for doc in documents}
        parts = [(str(ENTITY_GRAPH), None)] + [(str(document_graph_iri(i)), i) for i in by_doc]
        for graph_iri, doc_id in sorted(parts):
            if doc_id is None:
                g = entity_graph
            else:
                ex = whole.get(doc_id) if whole is not None else None
                if ex is None:
                    ex = cache.get(by_doc[doc_id])
                if ex is None:
                    raise errors.KGError(f"the extraction of {by_doc[doc_id].file_name} is missing from "
                                         f"{cache.dir}; rebuild without --update")
                g = new_graph(URIRef(graph_iri))
                add_document(g, ex, key_map)
            term = f"<{graph_iri}>"
            for line in nt_lines(g):
                nt.add(line)
                nq.add(nq_line(line, term))
            size += len(g)
            if kept is not None and doc_id is not None:
                kept[doc_id] = g
            if kept is not None and size > max_graph_triples:
                kept = None
        triples = nt.write(tmp / "graph.nt")
        nq.write(tmp / "graph.nq")
        built = BuiltGraph(documents=kept, entities=entity_graph) if kept is not None else None
        files: dict[str, str | bytes | Path] = dict(render_exports(built, sorted_formats=built is not None,
                                                                   line_formats=False))  # streamed above
        files["graph.nt"] = tmp / "graph.nt"
        files["graph.nq"] = tmp / "graph.nq"
        if built is None:
            log.warning("the graph has %s triples: graph.ttl, graph.trig, graph.jsonld%s are written only up to "
                        "%s triples; graph.nt and graph.nq hold the whole graph", f"{triples:,}",
                        " and the views" if views else "", f"{max_graph_triples:,}")
        elif views:
            files.update(render_views(built.union()))
        if extra_files is not None and built is not None:
            files.update(extra_files(built))
        if store is not None:
            from .store import write_store

            write_store(Path(store), tmp / "graph.nq", tmp / "graph.nt")
        interrupt.check()
        with interrupt.deferred():  # the exports are replaced as a whole, never half
            written = write_files(out_dir, files)
            remove_stale(out_dir, files, VIEW_DIRS)
            if built is None:
                # what a smaller earlier build wrote and this one does not would describe another graph
                for name in SORTED_FILES:
                    (out_dir / name).unlink(missing_ok=True)
            interrupt.message = f"interrupted after the new exports were written to {out_dir}/"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    cache.prune(set(by_doc))
    return BuildResult(documents=len(documents), words=sum(s.words for s in summaries.values()),
                       statements=statements, entities=entities, key_map=key_map, triples=triples,
                       files=written, graph=built, reused=reused)
