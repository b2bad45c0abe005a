"""The build: corpus -> nlp -> extract -> resolve -> graph -> exports, in bounded memory.

`build_corpus` is what `kg build` runs, with its settings in a `BuildOptions` record. Documents
stream through `nlp.pipe` in batches, in this process or in `jobs` worker processes that each load
the pipeline once (`kg.build.parsing`), or in shards on a Dask cluster (`kg.build.dask`). Each extraction
is written to the per-document cache as soon as it is made; only its mentions stay in memory, for
entity resolution across the corpus. Each document's named graph is then built from its extraction
(on Dask, by its shard) and streamed to graph.nt and graph.nq through an on-disk sort, so the memory
a build needs does not grow with the number of documents (up to the mentions kept for resolution).
The serialisations that need the whole graph (sorted Turtle, TriG, JSON-LD) and the views are written
for graphs up to `max_graph_triples`. With `jobs` above 1, processes forked after resolution (which see the
build's memory without copying it) write graph.nt and graph.nq, TriG, and a share of the views' pages, while
this one builds the graphs the other exports need. With
`update`, documents whose text and extraction settings are unchanged are taken from the cache
instead of being parsed again.
"""

from __future__ import annotations

import gc
import json
import logging
import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import PROV

from .. import errors
from ..extract.resolve import entity_iri, resolve_entities
from ..graph.export import SORTED_FILES, render_exports, serialize_jsonld, serialize_trig, serialize_turtle, write_files
from ..graph.lines import LineSorter, nq_line, nt_lines
from ..graph.rdf import ENTITY_GRAPH, BuiltGraph, add_document, add_entities, build_graph, document_graph_iri, new_graph
from ..graph.vocab import KG
from ..inputs.corpus import read_corpus
from ..model import DocExtraction, Document, Entity, Mention
from ..nlp.language import load_pipeline, model_name
from ..views.render import MAX_GRAPH_NODES, Views, render_views
from . import interrupt
from .cache import CACHE_DIR, ExtractionCache, fingerprint
from .options import MAX_GRAPH_TRIPLES, BuildOptions
from .outdir import finish_switch, make_work_dir, remove_leftovers, remove_work_dir
from .parsing import BATCH_SIZE, extract_documents, fork_context, load_qualifier_parsers

__all__ = ["BATCH_SIZE", "MAX_GRAPH_TRIPLES", "BuildOptions", "BuildResult", "assemble", "build_corpus",
           "extract_documents"]

OVERVIEW_TRIPLES = 10_000
"""A graph too big for the views still gets views of its most mentioned entities and the statements between
them, of up to `max_graph_triples` triples, and at least this many."""

log = logging.getLogger("kg")

KEPT_EXTRACTION_WORDS = 250_000
"""Up to this many words of articles the build keeps their whole extractions in memory for the graph step
(a few megabytes); beyond, it reads each back from the cache on disk, in bounded memory."""


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


def build_corpus(corpus_dir: Path | Iterable[Document], out_dir: Path, options: BuildOptions | None = None, *,
                 on_document: Callable[[DocExtraction], None] | None = None,
                 extra_files: Callable[[BuiltGraph], dict] | None = None, **settings) -> BuildResult:
    """Build the graph of a corpus folder (or of documents already read) and write its exports into
    out_dir, in bounded memory.

    `options` holds the settings (`settings`, fields of `BuildOptions` by name, override them:
    `build_corpus(corpus, out, jobs=2)`); `on_document` is called with each extraction as it is made,
    `extra_files` with the in-memory graph for more files to write.

    1. documents are parsed and extracted as they stream in (in `jobs` worker processes, or in shards
       on a Dask cluster); each extraction goes to the cache on disk at once, and only its mentions stay
       in memory;
    2. entities are resolved across the corpus from those mentions;
    3. each document's named graph is built from its extraction (on Dask: by the shard that extracted
       it), and its N-Triples and N-Quads lines go to an on-disk sort, which writes graph.nt and graph.nq;
    4. graph.ttl, graph.trig, graph.jsonld and the views need the whole graph in memory: they are
       written while the graph has at most `max_graph_triples` triples (in up to `jobs` processes at
       once), and left out (with a warning naming graph.nt and graph.nq) beyond.
    """
    options = options or BuildOptions()
    if settings:
        unknown = set(settings) - {f.name for f in fields(BuildOptions)}
        if unknown:
            raise TypeError(f"build_corpus() got unknown settings: {', '.join(sorted(unknown))}")
        options = replace(options, **settings)
    out_dir = Path(out_dir)
    if out_dir.is_dir():  # what killed builds left: a switch of exports half done, their work folders
        try:
            finish_switch(out_dir)
            for folder in remove_leftovers(out_dir):
                log.info("removed %s, left by an interrupted build", folder)
        except OSError as exc:
            raise errors.write_failed(exc.filename or out_dir, exc, out_dir) from None
    if isinstance(corpus_dir, (str, os.PathLike)):
        documents = list(read_corpus(Path(corpus_dir), max_bytes=options.max_bytes, fields=dict(options.fields)))
    else:  # documents already read (`kg.api.build` of texts in memory)
        documents = list(corpus_dir)
    cache = ExtractionCache(out_dir, fingerprint(model_name(options.model), _pipeline_meta(options.model)))
    load_qualifier_parsers()
    try:
        with _frozen_heap():
            return _Build(documents, out_dir, cache, options, on_document, extra_files).run()
    except OSError as exc:  # the cache, the on-disk sort or the store (the exports themselves: write_files)
        raise errors.write_failed(exc.filename or f"the build's temporary files in {out_dir}/", exc, out_dir) from None


class _Build:
    """One run of `build_corpus`: what it keeps of each document between its steps."""

    def __init__(self, documents: list[Document], out_dir: Path, cache: ExtractionCache, options: BuildOptions,
                 on_document: Callable[[DocExtraction], None] | None,
                 extra_files: Callable[[BuiltGraph], dict] | None):
        self.documents, self.out_dir, self.cache, self.options = documents, out_dir, cache, options
        self.on_document, self.extra_files = on_document, extra_files
        self.summaries: dict[str, DocExtraction] = {}
        self.whole: dict[str, DocExtraction] | None = {}  # the extractions themselves, while they are few
        self.used_raw: set[str] = set()
        self.statements = self.reused = self.kept_words = 0

    def keep(self, ex: DocExtraction, fresh: bool, whole: bool = True) -> None:
        if fresh:
            self.cache.put(ex)
        self.kept_words += ex.words
        if self.whole is not None and whole:
            self.whole[ex.document.doc_id] = ex
            if self.kept_words > KEPT_EXTRACTION_WORDS:
                self.whole = None
        self.summaries[ex.document.doc_id] = _summary(ex)
        self.used_raw.update(_used_keys(ex))
        self.statements += len(ex.relations)
        interrupt.check()
        if self.on_document is not None:
            self.on_document(ex)

    def run(self) -> BuildResult:
        todo = self.documents
        if self.options.update:
            todo = []
            for doc in self.documents:
                hit = self.cache.get(doc)
                if hit is None:
                    todo.append(doc)
                else:
                    self.reused += 1
                    self.keep(hit, fresh=False)
        if self.options.dask is None:
            with self.cache.writing():
                for ex in extract_documents(todo, self.options.model, jobs=self.options.jobs, store=self.cache.put):
                    self.keep(ex, fresh=False)  # in the cache already
            key_map = self.resolve()
            return self.write(key_map, [])
        from .dask import DaskBuild

        with DaskBuild(self.options, self.out_dir / CACHE_DIR / "shards") as run:
            with self.cache.writing():
                for ex in run.extract(todo):
                    self.keep(ex, fresh=True, whole=False)  # the shards build these documents' graphs
            key_map = self.resolve()
            shard_files = run.quads(key_map)
        return self.write(key_map, shard_files)

    def resolve(self) -> dict[str, str]:
        ordered = [self.summaries[doc.doc_id] for doc in self.documents]
        self.entities, key_map = resolve_entities(ordered)
        return key_map

    def _document_graph(self, doc: Document, key_map: dict[str, str]) -> Graph:
        ex = self.whole.get(doc.doc_id) if self.whole is not None else None
        if ex is None:
            ex = self.cache.get(doc)
        if ex is None:
            raise errors.KGError(f"the extraction of {doc.file_name} is missing from {self.cache.dir}; "
                                 "rebuild without --update")
        g = new_graph(document_graph_iri(doc.doc_id))
        add_document(g, ex, key_map)
        return g

    def _graph_parts(self, key_map: dict[str, str], shard_files: list[Path]
                     ) -> Iterator[tuple[str, str | None, list[str] | None, Graph | None]]:
        """(graph IRI, document id or None for the entity graph, N-Triples lines, graph) of every named
        graph: the entity graph and the documents' graphs built here (the graph, not yet its lines), and
        those the shards wrote (their lines only)."""
        used = {key_map.get(k, k) for k in self.used_raw}
        entity_graph = new_graph(ENTITY_GRAPH)
        add_entities(entity_graph, (self.entities[k] for k in sorted(used) if k in self.entities))
        self.entity_graph = entity_graph
        yield str(ENTITY_GRAPH), None, None, entity_graph
        by_iri = {str(document_graph_iri(doc.doc_id)): doc for doc in self.documents}
        if shard_files:
            from .dask import shard_graphs

            for path in shard_files:
                for iri, lines in shard_graphs(path):
                    yield iri, by_iri.pop(iri).doc_id, lines, None
        for iri in sorted(by_iri):  # built here: all documents, or on Dask those reused from the cache
            g = self._document_graph(by_iri[iri], key_map)
            yield iri, by_iri[iri].doc_id, None, g

    def write_lines(self, key_map: dict[str, str], folder: Path) -> int:
        """graph.nt and graph.nq of the documents built here and the entity graph, in `folder`; returns the
        count of triples. (With more than one job, a process forked for it does this while the build's
        process builds the graphs the other exports and the views need.)"""
        nt, nq = LineSorter(folder), LineSorter(folder)
        for graph_iri, _doc_id, _lines, g in self._graph_parts(key_map, []):
            _add_lines(nt, nq, graph_iri, nt_lines(g))
        triples = nt.write(folder / "graph.nt")
        nq.write(folder / "graph.nq")
        return triples

    def write(self, key_map: dict[str, str], shard_files: list[Path]) -> BuildResult:
        options, out_dir = self.options, self.out_dir
        out_dir.mkdir(parents=True, exist_ok=True)
        tmp = make_work_dir(out_dir, ".kg-build-")
        lines_child: _Child | None = None
        try:
            nt, nq = LineSorter(tmp), LineSorter(tmp)
            if _forking(options.jobs) and not shard_files:
                # graph.nt and graph.nq are made by a process of their own (`write_lines`), while this one builds
                # the graphs the sorted exports and the views need
                lines_child = _Child.fork(tmp / "lines", lambda folder: self.write_lines(key_map, folder))
            kept: dict[str, Graph] | None = {}
            central: _CentralPart | None = None  # for the views, once the graph is too big for them
            size = 0
            for graph_iri, doc_id, lines, g in self._graph_parts(key_map, shard_files):
                if lines_child is None:
                    _add_lines(nt, nq, graph_iri, nt_lines(g) if lines is None else lines)
                size += len(g) if lines is None else len(lines)
                if doc_id is not None and g is None and (kept is not None or central is not None):
                    g = new_graph(URIRef(graph_iri))  # a shard's graph: its lines parsed back
                    g.parse(data="\n".join(lines), format="nt")
                if kept is not None and size > options.max_graph_triples:
                    if options.views:
                        central = _CentralPart(self.entities, self.entity_graph, key_map, self.used_raw,
                                               max(options.max_graph_triples, OVERVIEW_TRIPLES))
                        for kept_graph in kept.values():
                            central.add(kept_graph)
                    kept = None
                if kept is not None and doc_id is not None:
                    kept[doc_id] = g
                elif central is not None and doc_id is not None:
                    central.add(g)
                elif lines_child is not None and kept is None and central is None:
                    break  # nothing here needs the other graphs: the lines are the other process' work
            built = BuiltGraph(documents=kept, entities=self.entity_graph) if kept is not None else None
            files: dict[str, str | bytes | Path] = dict(render_exports(None))  # the ontology and shapes
            rendered: dict[str, str | bytes | Path] = {}
            if built is not None:
                rendered = render_sorted(built, options.views, options.jobs, tmp)

            def line_files() -> int:
                """graph.nt and graph.nq into `files`; the count of triples."""
                if lines_child is not None:
                    count = lines_child.result()
                    folder = lines_child.folder
                else:
                    count = nt.write(tmp / "graph.nt")
                    nq.write(tmp / "graph.nq")
                    folder = tmp
                files["graph.nt"], files["graph.nq"] = folder / "graph.nt", folder / "graph.nq"
                return count

            if built is None:
                if central is not None:
                    counted: list[int] = []

                    def note() -> str:
                        counted.append(line_files())
                        return central.note(counted[0], options.max_graph_triples)

                    files.update(render_central_views(central.graph(), note, options.jobs, tmp))
                    triples = counted[0]
                else:
                    triples = line_files()
                log.warning("the graph has %s triples: graph.ttl, graph.trig, graph.jsonld%s are written only up "
                            "to %s triples; graph.nt and graph.nq hold the whole graph", f"{triples:,}",
                            " and the whole views" if options.views else "", f"{options.max_graph_triples:,}")
            else:
                triples = line_files()
                # in the order a build in one process writes them: the sorted exports first, the views last
                files = ({k: v for k, v in rendered.items() if k in SORTED_FILES} | files
                         | {k: v for k, v in rendered.items() if k not in SORTED_FILES})
            if self.extra_files is not None and built is not None:
                files.update(self.extra_files(built))
            if options.store is not None:
                from ..query.store import write_store

                write_store(Path(options.store), files["graph.nq"], files["graph.nt"])
            interrupt.check()
            with interrupt.deferred():  # the exports are replaced as a whole, never half
                # the whole set: what an earlier build wrote and this one does not would describe another graph
                written = write_files(out_dir, files, whole_set=True)
                interrupt.message = f"interrupted after the new exports were written to {out_dir}/"
        finally:
            if lines_child is not None:
                lines_child.stop()
            remove_work_dir(tmp)
        self.cache.prune({doc.doc_id for doc in self.documents})
        return BuildResult(documents=len(self.documents), words=sum(s.words for s in self.summaries.values()),
                           statements=self.statements, entities=self.entities, key_map=key_map, triples=triples,
                           files=written, graph=built, reused=self.reused)


def _add_lines(nt: LineSorter, nq: LineSorter, graph_iri: str, lines: list[str]) -> None:
    """A named graph's N-Triples lines into the N-Triples sorter, and as N-Quads into the other."""
    term = f"<{graph_iri}>"
    for line in lines:
        nt.add(line)
        nq.add(nq_line(line, term))


class _CentralPart:
    """The part of a graph too big for the views that they can show: its `MAX_GRAPH_NODES` most mentioned
    entities and the statements between two of them (with their sentences, documents and qualifiers), up to
    `limit` triples, gathered from the documents' graphs as they stream past."""

    def __init__(self, entities: dict[str, Entity], entity_graph: Graph, key_map: dict[str, str],
                 used_raw: set[str], limit: int):
        used = {key_map.get(k, k) for k in used_raw}
        ranked = sorted((e for k, e in entities.items() if k in used), key=lambda e: (-e.mentions, e.key))
        self.total = len(ranked)
        self.nodes = {entity_iri(e.key) for e in ranked[:MAX_GRAPH_NODES]}
        self.entity_graph, self.limit = entity_graph, limit
        self.part = new_graph()
        self.size = 0  # triples in `part` (rdflib counts a graph's triples one by one at each len())
        self.described: set = set()
        self.linked_entities: set = set()  # claimants and places, described from the entity graph at the end
        self.statements = 0

    def _put(self, triple) -> None:
        if triple not in self.part:
            self.part.add(triple)
            self.size += 1

    def add(self, g: Graph) -> None:
        if self.size >= self.limit:
            return
        for node in sorted(g.subjects(RDF.type, KG.Statement)):
            subject, obj = g.value(node, RDF.subject), g.value(node, RDF.object)
            if subject not in self.nodes or obj not in self.nodes:
                continue
            self._describe(g, node)
            sentence = g.value(node, PROV.wasDerivedFrom)
            for linked in (sentence, g.value(sentence, KG.inDocument) if sentence is not None else None,
                           g.value(node, KG.quantity), g.value(node, KG.fromDocument)):
                if linked is not None and linked not in self.described:
                    self._describe(g, linked)
            for linked in (g.value(node, KG.claimant), g.value(node, KG.place)):
                if linked is not None:
                    self.linked_entities.add(linked)
            predicate = g.value(node, RDF.predicate)
            if (subject, predicate, obj) in g:
                self._put((subject, predicate, obj))
            self.statements += 1
            if self.size >= self.limit:
                return

    def _describe(self, g: Graph, node) -> None:
        self.described.add(node)
        for p, o in g.predicate_objects(node):
            self._put((node, p, o))

    def graph(self) -> Graph:
        for node in sorted(self.nodes | self.linked_entities):
            for p, o in self.entity_graph.predicate_objects(node):
                self.part.add((node, p, o))
        return self.part

    def note(self, triples: int, limit: int) -> str:
        shown = len(self.nodes)
        which = f"all its {shown:,}" if shown == self.total else f"its {shown:,} most mentioned (of {self.total:,})"
        return (f"The graph has {triples:,} triples, more than the {limit:,} the views are made for "
                f"(--max-graph-triples): they show {which} entities and the {self.statements:,} statements between "
                "two of them. graph.nt and graph.nq hold the whole graph.")


RENDER_TASKS = ("graph.ttl", "graph.trig", "graph.jsonld", "views")
"""What is written of the in-memory graph, each a task of its own. All but TriG read the union of the
named graphs (which takes about as long to make as the Turtle or TriG takes to write)."""
FORKED_TASKS = (("graph.trig",), ("views",))
"""With more than one job, the tasks that other processes take on (each group in a process of its own; the
first before the union is made, the second after), the rest staying in the build's process: on a corpus of
400 articles the views take as long as Turtle and JSON-LD together, the TriG as long as the union."""


class _Child:
    """A task done by a process forked from the build's (which sees the build's memory without copying it),
    writing its files into a folder of its own and handing back a small JSON result. Should the process fail,
    the build's process does the task itself, and reports what fails."""

    def __init__(self, proc, folder: Path, task: Callable[[Path], object]):
        self.proc, self.folder, self.task = proc, folder, task

    @classmethod
    def fork(cls, folder: Path, task: Callable[[Path], object]) -> _Child:
        folder.mkdir()
        proc = fork_context().Process(target=_run_child, args=(task, folder), daemon=True)
        proc.start()
        return cls(proc, folder, task)

    def result(self):
        self.proc.join()
        if self.proc.exitcode == 0:
            return json.loads((self.folder / _RESULT).read_text(encoding="utf-8"))
        self.folder = self.folder.with_name(f"{self.folder.name}-again")
        self.folder.mkdir()
        return self.task(self.folder)

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()


_RESULT = ".result.json"


def _run_child(task: Callable[[Path], object], folder: Path) -> None:
    interrupt.ignore_in_child()
    gc.freeze()  # what it was forked with stays out of the cycle collector's passes (and unwritten)
    try:
        (folder / _RESULT).write_text(json.dumps(task(folder)), encoding="utf-8")
    except BaseException:
        os._exit(1)
    os._exit(0)


def _render_task(task: str, built: BuiltGraph, union: Graph | None) -> dict[str, str | bytes]:
    if task == "graph.ttl":
        return {task: serialize_turtle(union)}
    if task == "graph.jsonld":
        return {task: serialize_jsonld(union)}
    if task == "graph.trig":
        return {task: serialize_trig(built.named_graphs())}
    return render_views(union)


def _write_rendered(files: dict[str, str | bytes], folder: Path) -> list[str]:
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", newline="\n")
    return list(files)


def _forking(jobs: int) -> bool:
    return jobs > 1 and "fork" in mp.get_all_start_methods()


def render_sorted(built: BuiltGraph, views: bool, jobs: int, tmp: Path) -> dict[str, str | bytes | Path]:
    """The sorted Turtle, TriG and JSON-LD exports and the views of the in-memory graph, as file name ->
    content (or, written by another process, a file in `tmp`), the sorted exports first. With `jobs` above 1,
    processes forked from this one take on `FORKED_TASKS`."""
    tasks = [t for t in RENDER_TASKS if views or t != "views"]
    forked = [[t for t in group if t in tasks] for group in FORKED_TASKS] if _forking(jobs) else []
    children: list[_Child] = []
    rendered: dict[str, str | bytes | Path] = {}

    def fork(group: list[str], union: Graph | None) -> None:
        def task(folder: Path) -> list[str]:
            files: dict[str, str | bytes] = {}
            for name in group:
                files.update(_render_task(name, built, union))
            return _write_rendered(files, folder)

        children.append(_Child.fork(tmp / f"render-{len(children)}", task))

    try:
        if forked and forked[0]:
            fork(forked[0], None)
        union = built.union()
        for group in forked[1:]:
            if group:
                fork(group, union)
        for task in tasks:
            if not any(task in group for group in forked):
                rendered.update(_render_task(task, built, union))
        for child in children:
            rendered.update({name: child.folder / name for name in child.result()})
    finally:
        for child in children:
            child.stop()
    sorted_first = [name for name in SORTED_FILES if name in rendered]
    return {name: rendered[name] for name in sorted_first + [n for n in rendered if n not in sorted_first]}


def render_central_views(graph: Graph, note: Callable[[], str], jobs: int, tmp: Path) -> dict[str, str | bytes | Path]:
    """The views of the part of a graph too big for them (`_CentralPart`), their pages shared out among `jobs`
    processes; `note` is called once the pages that do not carry it are made (it waits for the count of
    triples)."""
    views = Views(graph)
    shares = jobs if _forking(jobs) else 1
    children = []
    try:
        for share in range(1, shares):
            children.append(_Child.fork(tmp / f"views-{share}", lambda folder, share=share: _write_rendered(
                views.pages(share, shares), folder)))
        files: dict[str, str | bytes | Path] = dict(views.pages(0, shares))
        files.update(views.front(note()))
        for child in children:
            files.update({name: child.folder / name for name in child.result()})
    finally:
        for child in children:
            child.stop()
    return dict(sorted(files.items()))
