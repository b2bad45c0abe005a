"""Parsing and extraction of documents as they stream in: through one `nlp.pipe` stream in this
process, or in worker processes that each load the pipeline once. Used by the build on one machine
(`kg.build.run`) and by each shard of a build on a Dask cluster (`kg.build.dask`).

spaCy's memory grows with the text it parses at once (about 4 KB per character: the tok2vec layers and the
parser's precomputed features of every token of a batch), so the text a batch holds is bounded: an article
longer than `PART_CHARS` is parsed in parts cut at paragraph breaks (else after a sentence's end, else at a
space), which are joined again into one `Doc` (the same text and character offsets) before extraction; and
a batch is closed early, by empty texts that cost nothing to parse, before its texts pass `BATCH_CHARS`.
Articles up to `PART_CHARS` are parsed whole, as before.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from spacy.tokens import Doc

from ..extract import extract_document, mask_dateline
from ..lexicon.gazetteer import load_gazetteer
from ..model import DocExtraction, Document
from ..nlp.language import load_pipeline
from . import interrupt

BATCH_SIZE = 16
PART_CHARS = 20_000
"""Articles longer than this many characters are parsed in parts of at most this size."""
BATCH_CHARS = 100_000
"""A batch of `nlp.pipe` holds at most this many characters of text (or one part, or one article up to
`PART_CHARS`): about 400 MB of spaCy's working memory."""
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
    from ..extract.qualifiers import _date_parser, _quantity_parser

    _date_parser()
    _quantity_parser()


_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)\]]*\s+")
_SPACE = re.compile(r"\s+")


def _cut(text: str, start: int, size: int) -> int:
    """Where the part of `text` that begins at `start` ends: after the last line break (and the blank that
    follows it) of its second half, else after the last sentence end there, else after its last space,
    else at `size` characters."""
    end = start + size
    half = start + size // 2
    newline = text.rfind("\n", half, end)
    if newline >= 0:
        return min(_SPACE.match(text, newline).end(), end)
    for pattern, lowest in ((_SENTENCE_END, half), (_SPACE, start + 1)):
        last = None
        for last in pattern.finditer(text, lowest, end):
            pass
        if last is not None:
            return last.end()
    return end


def split_text(text: str, size: int | None = None) -> list[str]:
    """The text in parts of at most `size` (default `PART_CHARS`) characters whose concatenation is the text,
    cut at paragraph breaks where there are (see `_cut`); a text up to `size` characters is one part."""
    size = size or PART_CHARS
    parts = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, size)
        parts.append(text[start:end])
        start = end
    parts.append(text[start:])
    return parts


def _texts(documents: Iterable[Document]) -> Iterator[tuple[str, tuple[Document, int, int] | None]]:
    """(text, (document, part number, parts)) of every part of every document, in order, for one `nlp.pipe`
    stream in batches of `BATCH_SIZE`; (empty text, None) where a batch is closed early to keep its text
    within `BATCH_CHARS`."""
    position = chars = 0  # of the batch being filled
    for doc in documents:
        parts = split_text(mask_dateline(doc.text))
        for number, part in enumerate(parts):
            if position and chars + len(part) > BATCH_CHARS:
                for _ in range(BATCH_SIZE - position):
                    yield "", None
                position = chars = 0
            yield part, (doc, number, len(parts))
            position, chars = position + 1, chars + len(part)
            if position == BATCH_SIZE:
                position = chars = 0


def extract_stream(nlp, documents: Iterable[Document]) -> Iterator[DocExtraction]:
    """Parse and extract documents through one `nlp.pipe` stream. (One call per batch instead would make
    spaCy allocate and free its working memory at each call: three times the page faults, 10 % slower.)
    The parts of a long article are joined into one `Doc` without their tensors (which extraction does
    not read: 256 bytes a token)."""
    gaz = load_gazetteer()
    parts: list[Doc] = []
    for parsed, where in nlp.pipe(_texts(documents), as_tuples=True, batch_size=BATCH_SIZE):
        if where is None:
            continue
        doc, number, count = where
        if count == 1:
            yield extract_document(parsed, doc, gaz)
            continue
        parsed.tensor = parsed.tensor[:0]  # freed now rather than when the whole article is parsed
        parts.append(parsed)
        if number == count - 1:
            whole = Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor", "user_data"])
            parts = []
            yield extract_document(whole, doc, gaz)


_WORKER_NLP = None
_WORKER_STORE: Callable[[DocExtraction], None] | None = None


def _worker_init(model: str | None, store: Callable[[DocExtraction], None] | None) -> None:
    global _WORKER_NLP, _WORKER_STORE
    interrupt.ignore_in_child()
    _WORKER_NLP, _WORKER_STORE = load_pipeline(model), store
    gc.freeze()  # the pipeline lives as long as the worker (see `kg.build.run._frozen_heap`)


def _worker_batch(batch: list[Document]) -> list[DocExtraction]:
    out = list(extract_stream(_WORKER_NLP, batch))
    if _WORKER_STORE is not None:
        for ex in out:
            _WORKER_STORE(ex)
    return out


def hand_out_size(count: int | None, jobs: int) -> int:
    """Documents per hand-out to a worker: up to WORKER_BATCHES batches, fewer for a small corpus."""
    most = BATCH_SIZE * WORKER_BATCHES
    if count is None:
        return most
    return max(1, min(most, -(-count // (jobs * WORKER_SHARES))))


def fork_context():
    return mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")


def extract_documents(documents: Iterable[Document], model: str | None = None, jobs: int = 1,
                      store: Callable[[DocExtraction], None] | None = None) -> Iterator[DocExtraction]:
    """Parse and extract documents as they stream in, in input order. `store` is called with each extraction
    as soon as it is made, in the process that made it (the build's cache: with `jobs` above 1, the worker
    processes write their extractions to it themselves)."""
    load_qualifier_parsers()
    if jobs <= 1:
        for ex in extract_stream(load_pipeline(model), documents):
            if store is not None:
                store(ex)
            yield ex
        return
    load_pipeline(model)  # fail fast, in this process, on an unknown model
    size = hand_out_size(len(documents) if isinstance(documents, (list, tuple)) else None, jobs)
    with fork_context().Pool(jobs, initializer=_worker_init, initargs=(model, store)) as pool:
        for result in pool.imap(_worker_batch, batches(documents, size), chunksize=1):
            yield from result
