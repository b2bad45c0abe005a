"""Parsing and extraction of documents as they stream in: through one `nlp.pipe` stream in this
process, or in worker processes that each load the pipeline once. Used by the build on one machine
(`kg.pipeline`) and by each shard of a build on a Dask cluster (`kg.distributed`)."""

from __future__ import annotations

import gc
import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice

from . import interrupt
from .extract import extract_document, mask_dateline
from .gazetteer import load_gazetteer
from .model import DocExtraction, Document
from .nlp import load_pipeline

BATCH_SIZE = 16
WORKER_BATCHES = 4  # at most this many batches of BATCH_SIZE documents are handed to a worker process at a time
WORKER_SHARES = 12
"""With a known number of documents, each worker gets about this many hand-outs, so that the workers
finish together (one big last hand-out would leave the other workers idle)."""


def batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def load_qualifier_parsers() -> None:
    """Load the date and quantity parsers before the first article (and before worker processes fork)."""
    from .qualifiers import _date_parser, _quantity_parser

    _date_parser()
    _quantity_parser()


def extract_stream(nlp, documents: Iterable[Document]) -> Iterator[DocExtraction]:
    """Parse and extract documents through one `nlp.pipe` stream. (One call per batch instead would make
    spaCy allocate and free its working memory at each call: three times the page faults, 10 % slower.)"""
    gaz = load_gazetteer()
    texts = ((mask_dateline(doc.text), doc) for doc in documents)
    for parsed, doc in nlp.pipe(texts, as_tuples=True, batch_size=BATCH_SIZE):
        yield extract_document(parsed, doc, gaz)


_WORKER_NLP = None


def _worker_init(model: str | None) -> None:
    global _WORKER_NLP
    interrupt.ignore_in_child()
    _WORKER_NLP = load_pipeline(model)
    gc.freeze()  # the pipeline lives as long as the worker (see `kg.pipeline._frozen_heap`)


def _worker_batch(batch: list[Document]) -> list[DocExtraction]:
    return list(extract_stream(_WORKER_NLP, batch))


def hand_out_size(count: int | None, jobs: int) -> int:
    """Documents per hand-out to a worker: up to WORKER_BATCHES batches, fewer for a small corpus."""
    most = BATCH_SIZE * WORKER_BATCHES
    if count is None:
        return most
    return max(1, min(most, -(-count // (jobs * WORKER_SHARES))))


def fork_context():
    return mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")


def extract_documents(documents: Iterable[Document], model: str | None = None, jobs: int = 1) -> Iterator[DocExtraction]:
    """Parse and extract documents as they stream in, in input order."""
    load_qualifier_parsers()
    if jobs <= 1:
        yield from extract_stream(load_pipeline(model), documents)
        return
    load_pipeline(model)  # fail fast, in this process, on an unknown model
    size = hand_out_size(len(documents) if isinstance(documents, (list, tuple)) else None, jobs)
    with fork_context().Pool(jobs, initializer=_worker_init, initargs=(model,)) as pool:
        for result in pool.imap(_worker_batch, batches(documents, size), chunksize=1):
            yield from result
