"""Per-document extraction cache, so `kg build --update` redoes only new or changed articles.

Each document's extraction is stored as JSON under `OUT/.kg-cache/`, keyed by the
document's checksum and a fingerprint of everything that shapes extraction (the kg
version, the spaCy pipeline, the lexicon and gazetteer tables). Resolution and
graph building always run over all documents, so an update gives exactly the
graph a full rebuild gives.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .. import __version__
from ..lexicon.gazetteer import PATTERNS_DIR
from ..model import DocExtraction, Document, from_dict, to_dict

log = logging.getLogger("kg")

CACHE_DIR = ".kg-cache"


def fingerprint(model_name: str, model_meta: dict | None = None) -> str:
    """A hash of what decides an extraction besides the text."""
    h = hashlib.sha256()
    h.update(__version__.encode())
    h.update(model_name.encode())
    h.update(json.dumps(model_meta or {}, sort_keys=True).encode())
    for path in sorted(PATTERNS_DIR.iterdir()):
        if path.is_file():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    from .. import extract, lexicon, nlp

    for stage in (nlp, lexicon, extract):  # the packages whose code decides an extraction
        for path in sorted(Path(stage.__file__).parent.glob("*.py")):
            h.update(f"{stage.__name__}/{path.name}".encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:20]


class ExtractionCache:
    def __init__(self, out_dir: Path, fingerprint: str):
        self.dir = Path(out_dir) / CACHE_DIR
        self.fingerprint = fingerprint

    def _path(self, doc_id: str) -> Path:
        digest = hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:24]
        return self.dir / f"{digest}.json"

    def get(self, doc: Document) -> DocExtraction | None:
        path = self._path(doc.doc_id)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if data.get("fingerprint") != self.fingerprint or data.get("checksum") != doc.checksum:
            return None
        try:
            ex = from_dict(data["extraction"])
        except (KeyError, TypeError, ValueError):
            return None
        # metadata may change without the text changing: keep the document as read now
        return DocExtraction(document=doc, sentences=ex.sentences, mentions=ex.mentions, relations=ex.relations,
                             words=ex.words)

    def put(self, ex: DocExtraction) -> None:
        """Store an extraction: at once, or, inside `writing()` in the process that opened it, by the writer
        thread (a write that failed there is raised by the next `put` or at the end of `writing()`)."""
        payload = {"fingerprint": self.fingerprint, "checksum": ex.document.checksum, "extraction": to_dict(ex)}
        item = (self._path(ex.document.doc_id), json.dumps(payload, ensure_ascii=False))
        writer = self._writer
        if writer is not None and writer.pid == os.getpid():
            writer.put(item)
        else:
            self._write(*item)

    def _write(self, path: Path, text: str) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        try:
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            if exc.filename is None:  # a failed write() names no file
                exc.filename = str(path)
            raise

    _writer: _Writer | None = None

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Within this block `put` hands the file writes to a thread of their own, so that the build's process
        goes on parsing while the files are written (creating and renaming a file costs about a millisecond,
        with the interpreter lock released); the block ends once every file is written."""
        writer = self._writer = _Writer(self._write)
        try:
            yield
        except BaseException:
            writer.close(raise_error=False)  # the error in flight is the one to report
            raise
        else:
            writer.close()
        finally:
            self._writer = None

    def prune(self, keep_ids: set[str]) -> None:
        """Drop entries of documents no longer in the corpus."""
        if not self.dir.exists():
            return
        keep = {self._path(i).name for i in keep_ids}
        for path in self.dir.glob("*.json"):
            if path.name not in keep:
                path.unlink(missing_ok=True)


class _Writer:
    """A thread that writes the cache's files in the order they come; the first error it meets is raised
    in the build's thread (by the next `put`, or by `close`), and the files after it are not written."""

    def __init__(self, write):
        self.pid = os.getpid()  # a forked worker process has the object but not the thread: it writes itself
        self._write = write
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kg-cache-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._error is None:  # after a failed write, the rest are dropped: the build stops
                try:
                    self._write(*item)
                except BaseException as exc:  # handed to the build's thread
                    self._error = exc

    def put(self, item: tuple[Path, str]) -> None:
        self._raise()
        self._queue.put(item)

    def close(self, raise_error: bool = True) -> None:
        self._queue.put(None)
        self._thread.join()
        if raise_error:
            self._raise()

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error
