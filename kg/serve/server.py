"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a graph file or an Oxigraph store.

Routes:

  /sparql   the SPARQL 1.1 Protocol query operation: GET `?query=`, POST as an
            HTML form (`query=`) or with an `application/sparql-query` body.
            Results are negotiated from `Accept` (or a `format=` parameter):
            SELECT/ASK as SPARQL JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE as
            Turtle, JSON-LD, N-Triples, RDF/XML or N3. Without
            `default-graph-uri`/`named-graph-uri` (which take precedence) or
            the query's own FROM / FROM NAMED clauses, the default graph is
            the union of all graphs (as `kg query` sees a file). SPARQL Update and
            SERVICE (federated) queries are refused with 403.
            Answers carry `Access-Control-Allow-Origin: *` and the CORS
            preflight (OPTIONS) is answered, so web pages of any origin can
            query it (`--no-cors` turns this off).
  /query    a page to type a query and see its results (no CDN, no inline script)
  /         static files of the views folder, never anything outside it

Queries run in worker processes that each hold the graph: parsed once from the
bytes of the graph file read at start, or the store folder opened read-only.
A query still running after 0.5 s is a long one; at most `--workers` long
queries run at once, so the `--light-workers` further processes always answer
short queries (a long query past the limit is stopped and run again when a
long one ends). Queries nested deeper than 128 brackets are refused before
parsing.
A query still running at `--timeout` is stopped by ending its worker, which is
then replaced, so a runaway query never outlives its time limit and never
takes the server down. Results past `--limit` rows (or triples) are cut off
and the response says so in its `X-KG-Truncated` header.

Bound to loopback (the default), the server only answers requests whose Host
header names this machine, so a web page cannot reach it by DNS rebinding.
"""

from __future__ import annotations

import html
import ipaddress
import itertools
import json
import mimetypes
import os
import queue
import re
import shutil
import signal
import socket
import socketserver
import string
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import NamedTuple, Optional
from urllib.parse import parse_qs, quote, unquote

import pyoxigraph as ox
import typer

from .. import __version__, errors

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates" / "serve"
MAX_BODY_BYTES = 1_000_000
TEXT_PLAIN = "text/plain; charset=utf-8"
LIGHT_SECONDS = 0.5
"""A query still running after this long is a long one: at most `--workers` of those run at once."""
MAX_NESTING = 128
"""Deepest nesting of ( [ { in a query; deeper ones are refused before parsing (the parser recurses)."""
UPDATE_FORMS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
TRUNCATED_HEADER = "X-KG-Truncated"
LIMIT_HEADER = "X-KG-Row-Limit"
CORS_HEADERS = (("Access-Control-Allow-Origin", "*"),
                ("Access-Control-Expose-Headers", f"{TRUNCATED_HEADER}, {LIMIT_HEADER}, Retry-After"))
CORS_REQUEST_HEADERS = frozenset({"accept", "content-type", "accept-language", "content-language"})
"""Request headers a cross-origin client may send to /sparql (what a SPARQL client sends)."""

Log = Callable[[str], None]


class ServeError(errors.KGError):
    """The endpoint cannot start: address in use, views folder missing, conflicting options."""


# --- formats and content negotiation -------------------------------------------------------------


@dataclass(frozen=True)
class Format:
    """A result serialization: its media type, other media types it answers to, and `format=` names."""

    name: str
    media_type: str
    aliases: tuple[str, ...] = ()
    names: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset=utf-8"


RESULT_FORMATS = (
    Format("json", "application/sparql-results+json", ("application/json", "text/javascript", "application/javascript"),
           ("json", "srj")),
    Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml"), ("xml", "srx")),
    Format("csv", "text/csv", (), ("csv",)),
    Format("tsv", "text/tab-separated-values", (), ("tsv",)),
)
GRAPH_FORMATS = (
    Format("turtle", "text/turtle", ("application/turtle", "application/x-turtle"), ("turtle", "ttl")),
    Format("jsonld", "application/ld+json", ("application/x-json+ld", "application/json"), ("json-ld", "jsonld", "json")),
    Format("ntriples", "application/n-triples", ("text/plain",), ("nt", "ntriples", "n-triples")),
    Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml"), ("rdf", "rdfxml", "rdf+xml", "xml")),
    Format("n3", "text/n3", ("text/rdf+n3", "application/n3"), ("n3",)),
)

_OX_RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                      "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
_OX_GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD, "ntriples": ox.RdfFormat.N_TRIPLES,
                     "rdfxml": ox.RdfFormat.RDF_XML, "n3": ox.RdfFormat.N3}
GRAPH_FILE_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
                      ".trig": ox.RdfFormat.TRIG, ".n3": ox.RdfFormat.N3, ".jsonld": ox.RdfFormat.JSON_LD,
                      ".json": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML,
                      ".xml": ox.RdfFormat.RDF_XML}


def parse_accept(header: str) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q values, in header order (RFC 9110 §12.5.1)."""
    ranges = []
    for part in header.split(","):
        media, *params = part.split(";")
        media = media.strip().lower()
        if not media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def choose_format(candidates: Sequence[Format], accept: str, requested: Iterable[str] = ()) -> Format | None:
    """The format to answer in: the first `format=` value that names a candidate, else the candidate the
    Accept header ranks highest (q, then specificity, then header order, then our order); None if none fits."""
    requested = [value.strip().lower() for value in requested if value.strip()]
    for value in requested:
        for fmt in candidates:
            if value in fmt.names or value == fmt.media_type or value in fmt.aliases:
                return fmt
    if requested:
        return None
    ranges = parse_accept(accept)
    if not ranges:
        return candidates[0]
    best, best_key = None, None
    for order, fmt in enumerate(candidates):
        match = None  # (specificity, q, index) of the most specific range that covers fmt
        for index, (media, q) in enumerate(ranges):
            if media == fmt.media_type or media in fmt.aliases:
                specificity = 2
            elif media.endswith("/*") and fmt.media_type.startswith(media[:-1]):
                specificity = 1
            elif media == "*/*":
                specificity = 0
            else:
                continue
            if match is None or specificity > match[0]:
                match = (specificity, q, index)
        if match is None or match[1] <= 0:
            continue
        key = (match[1], match[0], -match[2], -order)
        if best_key is None or key > best_key:
            best, best_key = fmt, key
    return best


# --- what a query text is, before it runs --------------------------------------------------------

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_OPAQUE = re.compile(
    r"#[^\n\r]*"                              # comment
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"            # IRI
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'         # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'                 # short strings
    r"|'(?:[^'\\\n\r]|\\.)*'",
    re.S)
_FORM = re.compile(r"\s*(?:(?:BASE\s*<>|PREFIX\s*[^\s:<>]*:\s*<>)\s*)*([A-Za-z]+)", re.I)
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?![\w:-])", re.I)
_FROM = re.compile(r"(?<![\w?$:])FROM(?![\w:-])", re.I)


def _unescape_codepoints(text: str) -> str:
    """SPARQL applies \\u and \\U escapes to the whole query text before parsing (SPARQL 1.1 §19.2)."""
    def char(match: re.Match) -> str:
        try:
            return chr(int(match.group(1) or match.group(2), 16))
        except ValueError:  # beyond U+10FFFF; the parser reports it
            return match.group(0)

    return _CODEPOINT.sub(char, text)


def _mask(text: str) -> str:
    """The query with comments, IRIs and strings blanked, so keywords inside them are not seen."""
    def blank(match: re.Match) -> str:
        token = match.group(0)
        return " " if token.startswith("#") else " <> " if token.startswith("<") else ' "" '

    return _OPAQUE.sub(blank, _unescape_codepoints(text))


def query_form(text: str) -> str | None:
    """The first keyword after the prologue, upper-cased: SELECT, ASK, CONSTRUCT, DESCRIBE, or an update
    operation such as INSERT; None when there is none."""
    match = _FORM.match(_mask(text))
    return match.group(1).upper() if match else None


_OPEN, _CLOSE = frozenset("([{"), frozenset(")]}")


def nesting_depth(text: str) -> int:
    """How deep ( [ and { nest in the query, outside comments, IRIs and strings."""
    depth = deepest = 0
    for char in _mask(text):
        if char in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif char in _CLOSE:
            depth -= 1
    return deepest


def too_deep(text: str) -> str | None:
    """The message refusing a query nested deeper than MAX_NESTING, or None."""
    depth = nesting_depth(text)
    if depth <= MAX_NESTING:
        return None
    return (f"the query nests brackets, parentheses or braces {depth} levels deep; the limit is {MAX_NESTING} "
            "(a deeper query would exhaust the parser's stack)")


def has_dataset_clause(text: str) -> bool:
    """Whether the query names its own dataset (FROM or FROM NAMED), which then replaces the default one."""
    return _FROM.search(_mask(text)) is not None


def uses_service(text: str) -> bool:
    """Whether the query has a SERVICE clause (which would make this server send requests elsewhere)."""
    return _SERVICE.search(_mask(text)) is not None


# --- worker processes: where queries run ----------------------------------------------------------


class Source(NamedTuple):
    """What a worker serves: the bytes of a graph file, or an Oxigraph store folder opened read-only."""

    path: Path
    data: bytes | None = None
    suffix: str = ""

    @property
    def is_store(self) -> bool:
        return self.data is None


class Job(NamedTuple):
    query: str
    accept: str
    formats: tuple[str, ...]
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    limit: int


class Reply(NamedTuple):
    status: int
    content_type: str
    body: bytes
    truncated: bool = False
    headers: tuple[tuple[str, str], ...] = ()


def text_reply(status: int, message: str, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    return Reply(status, TEXT_PLAIN, (message + "\n").encode("utf-8"), False, headers)


_UNION_IN_DEFAULT_GRAPH: set[int] = set()
"""ids of open on-disk stores whose default graph holds the union of their named graphs (as `kg build --store`
writes them): queried on that default graph, each triple once, rather than on Oxigraph's union of all graphs."""


def open_source(source: Source) -> tuple[ox.Store, int | None]:
    """A store holding the source, and its number of triples (None for an on-disk store: counting is a scan)."""
    if source.is_store:
        try:
            store = ox.Store.read_only(str(source.path))
            if any(True for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph())):
                _UNION_IN_DEFAULT_GRAPH.add(id(store))
            return store, None
        except OSError as exc:
            raise errors.GraphError(f"cannot open the Oxigraph store {source.path}: {errors.one_line(str(exc))}") from None
    store = ox.Store()
    try:
        store.load(input=source.data, format=GRAPH_FILE_FORMATS[source.suffix], base_iri=source.path.resolve().as_uri())
    except (SyntaxError, ValueError, OSError) as exc:
        raise errors.graph_unparsable(source.path, str(exc)) from None
    return store, len(store)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def term_json(term) -> dict:
    """A term as in SPARQL 1.1 Query Results JSON (with the RDF 1.2 `triple` type and `its:dir`)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
            if term.direction:
                out["its:dir"] = term.direction.value
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject), "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


def solutions_json(variables: Sequence[str], solutions: Iterable) -> bytes:
    bindings = []
    for solution in solutions:
        row = {}
        for name in variables:
            term = solution[name]
            if term is not None:
                row[name] = term_json(term)
        bindings.append(row)
    doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _not_acceptable(kind: str, candidates: Sequence[Format], job: Job) -> Reply:
    asked = ", ".join(f"format={v}" for v in job.formats) or f"Accept: {job.accept}"
    offered = ", ".join(f"{f.media_type} ({f.names[0]})" for f in candidates)
    return text_reply(406, f"no acceptable format for {kind} results ({errors.one_line(asked, 120)}); "
                           f"this endpoint gives {offered}")


def evaluate(store: ox.Store, job: Job, prefixes: dict[str, str]) -> Reply:
    """Run one query and serialize its results in the negotiated format, cut off after `job.limit` rows."""
    options: dict = {"prefixes": prefixes}
    try:
        if job.default_graphs or job.named_graphs:  # the protocol's dataset: exactly the graphs named
            options["default_graph"] = [ox.NamedNode(iri) for iri in job.default_graphs]
            options["named_graphs"] = [ox.NamedNode(iri) for iri in job.named_graphs]
        elif has_dataset_clause(job.query):  # FROM / FROM NAMED: the query's own dataset (Oxigraph reads it,
            pass                              # unless told to use the union as the default graph)
        elif id(store) not in _UNION_IN_DEFAULT_GRAPH:  # a graph file read as one graph, a store's named
            options["use_default_graph_as_union"] = True  # graphs merged: the `kg query` view
    except ValueError as exc:
        return text_reply(400, f"bad default-graph-uri or named-graph-uri: {errors.one_line(str(exc))}")
    try:
        result = store.query(job.query, **options)
        if isinstance(result, ox.QueryBoolean):
            fmt = choose_format(RESULT_FORMATS, job.accept, job.formats)
            if fmt is None:
                return _not_acceptable("ASK", RESULT_FORMATS, job)
            return Reply(200, fmt.content_type, result.serialize(format=_OX_RESULT_FORMATS[fmt.name]))
        if isinstance(result, ox.QuerySolutions):
            fmt = choose_format(RESULT_FORMATS, job.accept, job.formats)
            if fmt is None:
                return _not_acceptable("SELECT", RESULT_FORMATS, job)
            variables = [v.value for v in result.variables]
            rows = list(itertools.islice(result, job.limit + 1))
            truncated = len(rows) > job.limit
            body = solutions_json(variables, rows[: job.limit])
            if fmt.name != "json":
                parsed = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
                body = parsed.serialize(format=_OX_RESULT_FORMATS[fmt.name])
            return Reply(200, fmt.content_type, body, truncated)
        fmt = choose_format(GRAPH_FORMATS, job.accept, job.formats)
        if fmt is None:
            return _not_acceptable("CONSTRUCT/DESCRIBE", GRAPH_FORMATS, job)
        triples: dict = {}
        truncated = False
        for triple in result:
            if triple not in triples and len(triples) == job.limit:
                truncated = True
                break
            triples[triple] = None
        body = ox.serialize(list(triples), format=_OX_GRAPH_FORMATS[fmt.name], prefixes=prefixes)
        return Reply(200, fmt.content_type, body, truncated)
    except SyntaxError as exc:
        return text_reply(400, errors.query_unparsable(str(exc)).message)
    except (RuntimeError, ValueError, TypeError) as exc:  # evaluation errors of the query itself
        return text_reply(400, f"query failed: {errors.one_line(str(exc))}")
    except OSError as exc:  # reading the store
        return text_reply(500, f"query failed: {errors.one_line(str(exc))}")


def run_worker(fd: int) -> None:
    """Entry point of a worker process: open the source sent on `fd`, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which ends its workers itself
    conn = Connection(fd)
    try:
        source, prefixes = conn.recv()
        try:
            store, count = open_source(source)
        except errors.KGError as exc:
            conn.send(("error", exc.message))
            return
        conn.send(("ready", count))
        while (job := conn.recv()) is not None:
            conn.send(_STARTED)  # the server now knows a death from here on is this query's
            conn.send(evaluate(store, job, prefixes))
    except (EOFError, OSError):  # the server went away (closed or reset the connection)
        return


_STARTED = ("started",)
_WORKER_BOOT = "import sys; from kg.serve.server import run_worker; run_worker(int(sys.argv[1]))"
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


class _Worker:
    def __init__(self, process: subprocess.Popen, conn: Connection):
        self.process = process
        self.conn = conn

    def stop(self, grace: float = 0.0) -> int:
        """End the process (asking first when `grace` > 0) and return its exit code."""
        try:
            if grace > 0:
                try:
                    self.conn.send(None)
                    return self.process.wait(grace)
                except (OSError, subprocess.TimeoutExpired):
                    pass
            self.process.kill()
            return self.process.wait()
        finally:
            self.conn.close()


class QueryPool:
    """Worker processes answering queries; a query past its time limit is stopped by ending its worker."""

    def __init__(self, source: Source, size: int, prefixes: dict[str, str], log: Log | None = None,
                 light_workers: int = 0, light_seconds: float = LIGHT_SECONDS):
        self.source = source
        self.heavy_slots = size
        self.light_workers = light_workers
        self.size = size + light_workers
        self.light_seconds = light_seconds
        self._heavy = threading.BoundedSemaphore(size)
        self.prefixes = prefixes
        self.stopped_queries = 0
        self.requeued_queries = 0
        self._log = log
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def start(self) -> int | None:
        """Start every worker and wait until each holds the graph; the graph's triple count (None for a store)."""
        started: list[_Worker] = []
        try:
            for _ in range(self.size):
                started.append(self._spawn())
            counts = [self._await_ready(worker) for worker in started]
        except BaseException:  # a graph that does not load, or Ctrl-C while loading: no worker is left behind
            for worker in started:
                worker.stop()
            raise
        with self._lock:
            self._workers.update(started)
        for worker in started:
            self._idle.put(worker)
        return counts[0]

    def _spawn(self) -> _Worker:
        ours, theirs = socket.socketpair()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_PACKAGE_ROOT), env.get("PYTHONPATH", "")) if p)
        try:
            process = subprocess.Popen([sys.executable, "-c", _WORKER_BOOT, str(theirs.fileno())],
                                       pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=env)
        finally:
            theirs.close()
        worker = _Worker(process, Connection(ours.detach()))
        worker.conn.send((self.source, self.prefixes))
        return worker

    def _await_ready(self, worker: _Worker) -> int | None:
        try:
            status, detail = worker.conn.recv()
        except (EOFError, OSError):
            code = worker.stop()
            raise errors.GraphError(f"a query worker exited while loading {self.source.path} (exit code {code})") from None
        if status == "error":
            worker.stop()
            raise errors.GraphError(detail)
        return detail

    def _replace(self, worker: _Worker) -> int:
        """End `worker` and start another in the background, so the answer to the client is not delayed;
        the exit code of the one ended."""
        with self._lock:
            self._workers.discard(worker)
            closed = self._closed
        code = worker.stop()
        if closed:
            return code

        def respawn():
            try:
                fresh = self._spawn()
                self._await_ready(fresh)
            except (errors.KGError, OSError) as exc:
                if self._log:
                    self._log(f"warning: could not replace a query worker: {errors.one_line(str(exc))}")
                return
            with self._lock:
                if self._closed:
                    fresh.stop()
                    return
                self._workers.add(fresh)
            self._idle.put(fresh)

        threading.Thread(target=respawn, name="kg-serve-respawn", daemon=True).start()
        return code

    def run(self, job: Job, timeout: float) -> Reply:
        """Answer `job` within `timeout` seconds (waiting for a worker included).

        Every query starts as a light one on any idle worker. One still running after `light_seconds` is
        heavy: it goes on if fewer than `heavy_slots` heavy queries are running; else its worker is ended
        and it is run again once a heavy query ends. So at most `heavy_slots` workers are ever held by
        heavy queries, and the other `light_workers` keep answering light queries at once."""
        if self._closed:
            return text_reply(503, "the server is stopping")
        deadline = time.monotonic() + timeout
        light = min(self.light_seconds, timeout) if self.light_workers else timeout
        worker = self._start(job, deadline, timeout)
        if isinstance(worker, Reply):
            return worker
        done = self._wait(worker, light)
        if done is not None:
            return done
        if self._heavy.acquire(blocking=False):  # a heavy slot is free: the query goes on where it runs
            try:
                return self._finish(worker, deadline, timeout)
            finally:
                self._heavy.release()
        self._replace(worker)  # every heavy slot is taken: stop it here, run it again in the next free slot
        with self._lock:
            self.requeued_queries += 1
        if not self._heavy.acquire(timeout=max(0.0, deadline - time.monotonic())):
            return text_reply(503, f"{self.heavy_slots} long queries were already running and this one ran past "
                                   f"{self.light_seconds:g} s; none ended within the time limit of {timeout:g} s; "
                                   "try again later", (("Retry-After", str(max(1, round(timeout)))),))
        try:
            worker = self._start(job, deadline, timeout)
            if isinstance(worker, Reply):
                return worker
            return self._finish(worker, deadline, timeout)
        finally:
            self._heavy.release()

    def _start(self, job: Job, deadline: float, timeout: float) -> _Worker | Reply:
        """An idle worker that has acknowledged taking `job`, or the reply when none came before `deadline`."""
        while True:  # a worker found dead (killed from outside, out of memory) is replaced; the query goes on
            try:
                worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                return text_reply(503, f"all {self.size} query workers stayed busy for {timeout:g} s; "
                                       "try again later", (("Retry-After", str(max(1, round(timeout)))),))
            if worker.process.poll() is None:
                try:
                    worker.conn.send(job)
                    # a worker killed while idle can still look alive and take the job; only its
                    # acknowledgement shows the query started, else the query goes to another worker
                    if worker.conn.poll(max(0.0, deadline - time.monotonic())) and worker.conn.recv() == _STARTED:
                        return worker
                except (OSError, EOFError):
                    pass
            self._replace(worker)

    def _wait(self, worker: _Worker, seconds: float) -> Reply | None:
        """The worker's reply if it comes within `seconds` (the worker is then idle again); None if not yet."""
        try:
            if not worker.conn.poll(max(0.0, seconds)):
                return None
            reply = worker.conn.recv()
        except (EOFError, OSError):
            code = self._replace(worker)
            return text_reply(500, f"the query worker stopped unexpectedly (exit code {code})")
        self._idle.put(worker)
        return reply

    def _finish(self, worker: _Worker, deadline: float, timeout: float) -> Reply:
        reply = self._wait(worker, deadline - time.monotonic())
        if reply is not None:
            return reply
        with self._lock:
            self.stopped_queries += 1
        self._replace(worker)
        return text_reply(503, f"query stopped: it ran longer than the server's time limit of {timeout:g} s "
                               "(kg serve --timeout)")

    def pids(self) -> list[int]:
        with self._lock:
            return sorted(worker.process.pid for worker in self._workers)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.stop(grace=1.0)


# --- HTTP ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServeSettings:
    graph: Path | None = None
    store: Path | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 10.0
    limit: int = 10_000
    views: Path | None = None
    workers: int = 2
    cors: bool = True
    light_workers: int = 1
    light_seconds: float = 0.5


def default_workers() -> int:
    return max(2, min(8, os.cpu_count() or 1))


def project_prefixes() -> dict[str, str]:
    """The prefixes `kg query` declares for every query (kg:, kgr:, rdf:, rdfs:, skos:, prov: ...)."""
    from ..graph.rdf import PREFIXES
    from ..query.sparql import standard_namespaces

    return {name: str(ns) for name, ns in (dict(PREFIXES) | standard_namespaces()).items()}


def read_source(settings: ServeSettings) -> Source:
    """Check the graph file or store folder exists, and read a graph file's bytes once."""
    if settings.store is not None:
        if settings.graph is not None:
            raise ServeError("give --graph or --store, not both")
        path = Path(settings.store)
        if not path.exists():
            raise errors.GraphError(f"store folder not found: {path}")
        if not path.is_dir():
            raise errors.GraphError(f"{path} is not an Oxigraph store folder; to serve a graph file use --graph")
        return Source(path)
    path = Path(settings.graph) if settings.graph is not None else Path("exports") / "graph.ttl"
    if not path.exists():
        raise errors.graph_missing(path)
    if path.is_dir():
        raise errors.GraphError(f"{path} is a folder; give a graph file such as {path / 'graph.ttl'}, "
                                "or an Oxigraph store with --store")
    suffix = path.suffix.lower()
    if suffix not in GRAPH_FILE_FORMATS:
        raise errors.GraphError(f"unknown graph format {path.suffix!r}: use one of {', '.join(sorted(GRAPH_FILE_FORMATS))}")
    try:
        return Source(path, path.read_bytes(), suffix)
    except OSError as exc:
        raise errors.GraphError(f"cannot read {path}: {exc.strerror or exc}") from None


def _loopback_names(host: str) -> frozenset[str] | None:
    """Host header names accepted when bound to loopback (against DNS rebinding); None: any."""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        return None
    literal = f"[{host}]" if ":" in host else host
    return frozenset({"localhost", "127.0.0.1", "[::1]", literal.lower()})


class SparqlServer(ThreadingHTTPServer):
    """The HTTP side: a thread per connection; queries go to the worker pool."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, settings: ServeSettings, views: Path | None, log: Log | None = None):
        self.settings = settings
        self.views = views.resolve() if views is not None else None
        self.log = log
        self.pool: QueryPool | None = None
        self.triples: int | None = None
        self.allowed_hosts = _loopback_names(settings.host)
        self.page = _render_page(settings)
        try:
            infos = socket.getaddrinfo(settings.host, settings.port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise ServeError(f"cannot listen on {settings.host}:{settings.port}: {exc.strerror}") from None
        family, *_, address = min(infos, key=lambda info: info[0] != socket.AF_INET)  # IPv4 first, as for localhost
        self.address_family = family
        try:
            super().__init__(address[:2], SparqlHandler)
        except OSError as exc:
            raise ServeError(f"cannot listen on {settings.host}:{settings.port}: {exc.strerror or exc}") from None

    def server_bind(self) -> None:
        socketserver.TCPServer.server_bind(self)  # HTTPServer's would look up the host's FQDN: slow, unneeded
        self.server_name, self.server_port = self.server_address[:2]

    @property
    def url(self) -> str:
        host = self.server_name
        return f"http://[{host}]:{self.server_port}/" if ":" in host else f"http://{host}:{self.server_port}/"

    def server_close(self) -> None:
        super().server_close()
        if self.pool is not None:
            self.pool.close()


def make_server(settings: ServeSettings, log: Log | None = None) -> SparqlServer:
    """Bind the address, start the workers (each loads the graph) and return the server, ready to serve."""
    source = read_source(settings)
    views = settings.views
    if views is not None:
        if not Path(views).is_dir():
            raise ServeError(f"views folder not found: {views}")
    else:
        views = source.path.parent
    server = SparqlServer(settings, Path(views), log)
    try:
        server.pool = QueryPool(source, settings.workers, project_prefixes(), log, light_workers=settings.light_workers,
                                light_seconds=settings.light_seconds)
        server.triples = server.pool.start()
    except BaseException:
        server.server_close()
        raise
    return server


def _template(name: str) -> str:
    return (TEMPLATES_DIR / name).read_text(encoding="utf-8")


def _render_page(settings: ServeSettings) -> bytes:
    prefixes = "\n".join(f"PREFIX {name}: <{iri}>" for name, iri in sorted(project_prefixes().items()))
    page = string.Template(_template("query.html")).substitute(
        prefixes=html.escape(prefixes), timeout=html.escape(f"{settings.timeout:g}"),
        limit=html.escape(f"{settings.limit:,}"), version=html.escape(__version__))
    return page.encode("utf-8")


_ASSETS = {"/_kg/query.js": ("query.js", "text/javascript; charset=utf-8"),
           "/_kg/query.css": ("query.css", "text/css; charset=utf-8")}
_PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
                "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
_EXTRA_TYPES = {".ttl": "text/turtle", ".jsonld": "application/ld+json", ".nt": "application/n-triples",
                ".nq": "application/n-quads", ".trig": "application/trig", ".rq": "application/sparql-query"}


class _Abort(Exception):
    """A request refused before it reaches a worker; carries the reply."""

    def __init__(self, reply: Reply, close: bool = False):
        super().__init__(reply.status)
        self.reply = reply
        self.close = close


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = f"kg-serve/{__version__}"
    timeout = 60  # seconds an idle keep-alive connection is kept

    def do_GET(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def _refuse_method(self) -> None:
        self.close_connection = True  # the body, if any, is not read
        allow = "GET, POST" if _split_target(self.path)[0] == "/sparql" else "GET, HEAD"
        self._send(text_reply(405, f"{self.command} is not allowed here: this endpoint is read-only",
                              (("Allow", allow),)))

    do_PUT = do_DELETE = do_PATCH = _refuse_method

    def do_OPTIONS(self) -> None:
        """The CORS preflight of a cross-origin POST (or GET with headers) to /sparql."""
        if not self.server.settings.cors or _split_target(self.path)[0] != "/sparql":
            self._refuse_method()
            return
        started = time.perf_counter()
        try:
            self._check_host()
        except _Abort as abort:
            self.close_connection = True
            self._send(abort.reply)
            self._log_request(started)
            return
        asked = self.headers.get("Access-Control-Request-Headers", "")
        allowed = ", ".join(h for h in (part.strip() for part in asked.split(",")) if h.lower() in CORS_REQUEST_HEADERS)
        headers = (("Allow", "GET, POST, OPTIONS"), ("Access-Control-Allow-Origin", "*"),
                   ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                   ("Access-Control-Allow-Headers", allowed or "Accept, Content-Type"),
                   ("Access-Control-Max-Age", "600"))
        self._send(Reply(200, TEXT_PLAIN, b"", False, headers))  # 200, not 204: no Content-Length rules to break
        self._log_request(started)

    def _dispatch(self) -> None:
        started = time.perf_counter()
        path, query = _split_target(self.path)
        try:
            self._check_host()
            if path == "/sparql":
                reply = self._sparql(query)
            elif self.command == "POST":
                raise _Abort(text_reply(405, "POST is only for /sparql", (("Allow", "GET, HEAD"),)), close=True)
            elif path == "/query":
                reply = Reply(200, "text/html; charset=utf-8", self.server.page, False,
                              (("Content-Security-Policy", _PAGE_POLICY),))
            elif path in _ASSETS:
                name, ctype = _ASSETS[path]
                reply = Reply(200, ctype, (TEMPLATES_DIR / name).read_bytes())
            else:
                self._static(path)
                self._log_request(started)
                return
        except _Abort as abort:
            reply = abort.reply
            if abort.close:
                self.close_connection = True
        if path == "/sparql" and self.server.settings.cors:  # answers, errors included, readable by any web page
            reply = reply._replace(headers=reply.headers + CORS_HEADERS)
        self._send(reply)
        self._log_request(started)

    def _check_host(self) -> None:
        allowed = self.server.allowed_hosts
        host = self.headers.get("Host")
        if allowed is None or host is None:
            return
        host = host.strip().lower()
        name = host[: host.index("]") + 1] if host.startswith("[") and "]" in host else host.rsplit(":", 1)[0]
        if name not in allowed:
            raise _Abort(text_reply(403, f"unexpected Host header {host!r}: this server answers to "
                                         f"{', '.join(sorted(allowed))}"), close=True)

    # SPARQL 1.1 Protocol, §2.1 query operation

    def _sparql(self, url_query: str) -> Reply:
        if self.command == "HEAD":
            raise _Abort(text_reply(405, "use GET or POST for /sparql", (("Allow", "GET, POST"),)))
        params = _parse_params(url_query)
        body_query = None
        if self.command == "POST":
            body, ctype = self._read_body()
            if ctype == "application/x-www-form-urlencoded":
                for name, values in _parse_params(_decode(body, "ascii", "form")).items():
                    params.setdefault(name, []).extend(values)
            elif ctype == "application/sparql-query":
                body_query = _decode(body, self.headers.get_content_charset("utf-8"), "query")
            elif ctype == "application/sparql-update":
                raise _Abort(text_reply(403, "this endpoint is read-only: SPARQL Update is refused"))
            else:
                raise _Abort(text_reply(415, f"POST /sparql takes application/x-www-form-urlencoded or "
                                             f"application/sparql-query, not {ctype}"))
        if "update" in params:
            raise _Abort(text_reply(403, "this endpoint is read-only: SPARQL Update is refused"))
        queries = params.get("query", []) + ([body_query] if body_query is not None else [])
        if not queries:
            raise _Abort(text_reply(400, "no query: give one in the query parameter (or open /query)"))
        if len(queries) > 1:
            raise _Abort(text_reply(400, "more than one query: give exactly one"))
        text = queries[0]
        refusal = too_deep(text)
        if refusal:
            raise _Abort(text_reply(400, refusal))
        form = query_form(text)
        if form in UPDATE_FORMS:
            raise _Abort(text_reply(403, f"this endpoint is read-only: SPARQL Update ({form}) is refused"))
        if uses_service(text):
            raise _Abort(text_reply(403, "SERVICE is refused: this endpoint only queries its own graph"))
        settings = self.server.settings
        job = Job(text, self.headers.get("Accept", ""), tuple(params.get("format", []) + params.get("output", [])),
                  tuple(params.get("default-graph-uri", [])), tuple(params.get("named-graph-uri", [])), settings.limit)
        reply = self.server.pool.run(job, settings.timeout)
        headers = (("Vary", "Accept"),) + reply.headers
        if reply.status == 200:
            headers += ((LIMIT_HEADER, str(settings.limit)),)
            if reply.truncated:
                headers += ((TRUNCATED_HEADER, "true"),)
        return reply._replace(headers=headers)

    def _read_body(self) -> tuple[bytes, str]:
        if self.headers.get("Transfer-Encoding"):
            raise _Abort(text_reply(411, "send the request body with a Content-Length, not chunked"), close=True)
        length = self.headers.get("Content-Length")
        if length is None:
            raise _Abort(text_reply(411, "a POST needs a Content-Length"), close=True)
        try:
            size = int(length)
        except ValueError:
            raise _Abort(text_reply(400, f"bad Content-Length {length!r}"), close=True) from None
        if size < 0:
            raise _Abort(text_reply(400, f"bad Content-Length {length!r}"), close=True)
        if size > MAX_BODY_BYTES:
            raise _Abort(text_reply(413, f"request body over {MAX_BODY_BYTES:,} bytes"), close=True)
        return self.rfile.read(size), self.headers.get_content_type()

    # the views folder

    def _static(self, path: str) -> None:
        root = self.server.views
        if root is None:
            raise _Abort(text_reply(404, "no views folder is served"))
        try:
            relative = unquote(path, errors="strict").lstrip("/")
        except UnicodeDecodeError:
            raise _Abort(text_reply(400, "the path is not UTF-8 once percent-decoded")) from None
        if "\x00" in relative:
            raise _Abort(text_reply(400, "bad path"))
        target = (root / relative).resolve()
        if not target.is_relative_to(root):
            raise _Abort(text_reply(403, "refused: the path is outside the views folder"))
        if any(part.startswith(".") for part in target.relative_to(root).parts):
            raise _Abort(text_reply(404, f"not found: {path}"))
        if target.is_dir():
            if not path.endswith("/"):
                raise _Abort(Reply(301, TEXT_PLAIN, b"moved\n", False, (("Location", path + "/"),)))
            index = target / "index.html"
            if index.is_file():
                target = index
            elif target == root:
                self._send(Reply(200, "text/html; charset=utf-8", _index_page(root)))
                return
            else:
                raise _Abort(text_reply(404, f"not found: {path}"))
        if not target.is_file():
            raise _Abort(text_reply(404, f"not found: {path}"))
        ctype = _EXTRA_TYPES.get(target.suffix.lower()) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/json", "application/ld+json", "application/javascript",
                                                   "application/n-triples", "application/n-quads", "application/trig"):
            ctype += "; charset=utf-8"
        try:
            handle = target.open("rb")
        except OSError:
            raise _Abort(text_reply(403, f"cannot read {path}")) from None
        with handle:
            size = os.fstat(handle.fileno()).st_size
            self._send_head(200, ctype, size, ())
            if self.command != "HEAD":
                shutil.copyfileobj(handle, self.wfile)
        self._status = 200

    # writing

    def _send(self, reply: Reply) -> None:
        self._send_head(reply.status, reply.content_type, len(reply.body), reply.headers)
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def _send_head(self, status: int, ctype: str, length: int, headers: Iterable[tuple[str, str]]) -> None:
        self._status = status
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(length))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in headers:
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()

    def _log_request(self, started: float) -> None:
        if self.server.log:
            elapsed = (time.perf_counter() - started) * 1000
            path = _split_target(self.path)[0]
            self.server.log(f"{self.client_address[0]} {self.command} {path} {getattr(self, '_status', '-')} "
                            f"{elapsed:.1f} ms")

    def log_request(self, code="-", size="-") -> None:  # logged by _log_request, with the time taken
        pass

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        if self.server.log:
            self.server.log(f"{self.client_address[0]} {format % args}")

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):  # the client left, or stalled mid-request
            self.close_connection = True


def _split_target(target: str) -> tuple[str, str]:
    """The path and query string of a request target (origin-form: a `//` path names no host)."""
    path, _, query = target.partition("#")[0].partition("?")
    return path, query


def _parse_params(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, encoding="utf-8", errors="strict", max_num_fields=100)
    except UnicodeDecodeError:
        raise _Abort(text_reply(400, "the parameters are not UTF-8 once percent-decoded")) from None
    except ValueError as exc:
        raise _Abort(text_reply(400, f"bad parameters: {errors.one_line(str(exc))}")) from None


def _decode(body: bytes, charset: str, what: str) -> str:
    try:
        return body.decode(charset)
    except (UnicodeDecodeError, LookupError):
        raise _Abort(text_reply(400, f"the {what} body is not valid {charset}")) from None


def _index_page(root: Path) -> bytes:
    """The page at / when the views folder has no index.html: its files and the query page."""
    files = sorted(p.name for p in root.iterdir() if p.is_file() and not p.name.startswith("."))
    views = [name for name in files if name.endswith(".html")]
    others = [name for name in files if not name.endswith(".html")]

    def links(names):
        return "\n".join(f'<li><a href="{html.escape(quote(name))}">{html.escape(name)}</a></li>' for name in names)

    page = string.Template(_template("folder.html")).substitute(
        folder=html.escape(root.name), views=links(views) or "<li>none</li>", files=links(others) or "<li>none</li>")
    return page.encode("utf-8")


# --- the command -----------------------------------------------------------------------------------


def serve_command(
    graph: Optional[Path] = typer.Option(None, "--graph", "-g", help="Graph file to serve (default: exports/graph.ttl)."),
    store: Optional[Path] = typer.Option(None, "--store", help="An Oxigraph store folder to serve (opened read-only) "
                                                               "instead of a graph file."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; the default is this machine only."),
    port: int = typer.Option(8000, "--port", "-p", min=0, max=65535, help="Port to listen on (0: any free port)."),
    timeout: float = typer.Option(10.0, "--timeout", min=0.1, help="Seconds a query may run before it is stopped."),
    limit: int = typer.Option(10_000, "--limit", min=1, help="Most result rows (or triples) in an answer; the rest "
                                                             "are cut off and the X-KG-Truncated header is set."),
    views: Optional[Path] = typer.Option(None, "--views", help="Folder of HTML views served at / "
                                                               "(default: the folder of the graph file or store)."),
    workers: int = typer.Option(default_workers(), "--workers", min=1, help="Long queries (running past "
                                f"{LIGHT_SECONDS:g} s) that can run at once (one process each)."),
    light_workers: int = typer.Option(1, "--light-workers", min=0, help="More processes kept for short queries, "
                                      "which long ones never hold: short queries are answered while long ones run."),
    cors: bool = typer.Option(True, "--cors/--no-cors", help="Let web pages of any origin query /sparql (CORS: "
                                                             "Access-Control-Allow-Origin: *, preflight answered)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Do not log requests."),
) -> None:
    """Serve a graph read-only over the SPARQL 1.1 Protocol (/sparql), with a query page (/query) and the views (/)."""
    settings = ServeSettings(graph=graph, store=store, host=host, port=port, timeout=timeout, limit=limit,
                             views=views, workers=workers, cors=cors,
                             light_workers=light_workers)

    def log(line: str) -> None:
        typer.echo(line, err=True)

    try:
        server = make_server(settings, log=None if quiet else log)
    except errors.KGError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(code=exc.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("stopped while loading the graph", err=True)
        raise typer.Exit(code=130) from None
    if _loopback_names(host) is None:
        typer.echo(f"warning: listening on {host}: anyone who can reach this machine on port {server.server_port} "
                   "can query the graph", err=True)
    what = f"{server.triples:,} triples from {server.pool.source.path}" if server.triples is not None \
        else f"the store {server.pool.source.path}"
    typer.echo(f"serving {what} at {server.url} — SPARQL endpoint {server.url}sparql, query page {server.url}query, "
               f"views from {server.views}; Ctrl-C stops")
    sys.stdout.flush()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown, daemon=True).start())
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    typer.echo("stopped", err=True)
