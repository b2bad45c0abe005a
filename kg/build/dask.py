"""Builds past one machine: extraction and the documents' graphs sharded by document on a Dask cluster.

1. each shard of documents is parsed and extracted on a Dask worker, which writes its extractions
   (JSON lines) into the shard folder;
2. the driver reads them back for its cache and resolves entities over all shards (light: mentions only);
3. each shard builds the named graphs of its documents with the corpus-wide entity keys and writes
   their N-Quads, one document after another, as the build on one machine serialises them;
4. the driver merges the shards' N-Quads with the entity graph (`shard_graphs`), which gives exactly
   the graph a single-machine build gives. Nothing is extracted or built twice.

The shard folder must be reachable by every worker (a shared file system on a real cluster);
`kg build --dask local` starts a local cluster. This module does not import `kg.build.run`, which drives it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..graph.lines import nq_line, nt_lines
from ..graph.rdf import add_document, document_graph_iri, new_graph
from ..model import DocExtraction, Document, from_dict, to_dict
from .options import BuildOptions

SHARDS_PER_WORKER = 4


def _shard_extract(documents: list[Document], model: str | None, path: str) -> str:
    from .parsing import extract_documents

    with open(path, "w", encoding="utf-8") as out:
        for ex in extract_documents(documents, model):
            out.write(json.dumps(to_dict(ex), ensure_ascii=False) + "\n")
    return path


def read_extractions(path: str | Path) -> list[DocExtraction]:
    with open(path, encoding="utf-8") as f:
        return [from_dict(json.loads(line)) for line in f if line.strip()]


def _shard_quads(extraction_path: str, key_map: dict[str, str], path: str) -> str:
    """The N-Quads of the shard's documents' named graphs: each document's N-Triples lines (as
    `kg.graph.lines.nt_lines` gives them) with the graph's name, one document after another."""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for ex in read_extractions(extraction_path):
            iri = document_graph_iri(ex.document.doc_id)
            g = new_graph(iri)
            add_document(g, ex, key_map)
            term = f"<{iri}>"
            for line in nt_lines(g):
                out.write(nq_line(line, term))
                out.write("\n")
    return path


def shard_graphs(path: str | Path) -> Iterator[tuple[str, list[str]]]:
    """(graph IRI, its N-Triples lines) for each named graph of a shard's N-Quads file."""
    current, lines = None, []
    with open(path, encoding="utf-8", newline="\n") as f:
        for raw in f:
            triple, term, _dot = raw.rstrip("\n").rsplit(" ", 2)  # graph names are IRIs: no spaces
            if term != current:
                if current is not None:
                    yield current[1:-1], lines
                current, lines = term, []
            lines.append(f"{triple} .")
    if current is not None:
        yield current[1:-1], lines


class DaskBuild:
    """A build's use of a Dask cluster, open from its extraction to its documents' graphs:

        with DaskBuild(options, shard_dir) as run:
            for ex in run.extract(documents): ...   # in the documents' order
            for path in run.quads(key_map): ...     # shard N-Quads files, see `shard_graphs`
    """

    def __init__(self, options: BuildOptions, shard_dir: Path):
        self.options = options
        self.shard_dir = Path(shard_dir)
        self.workers = max(options.jobs, 1)
        self._client = self._cluster = None
        self._extraction_paths: list[str] = []

    def __enter__(self) -> DaskBuild:
        from dask.distributed import Client, LocalCluster

        self.shard_dir.mkdir(parents=True, exist_ok=True)
        for old in self.shard_dir.glob("shard-*"):  # an earlier build's shards
            old.unlink()
        if self.options.dask == "local":
            self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None)
            self._client = Client(self._cluster)
        else:
            self._client = Client(self.options.dask)
        return self

    def __exit__(self, *exc) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def extract(self, documents: list[Document]) -> Iterator[DocExtraction]:
        """Extract the documents on the cluster, one shard per task; their extractions in input order."""
        if not documents:
            return
        count = max(1, min(len(documents), SHARDS_PER_WORKER * self.workers))
        parts = [p for p in (documents[i::count] for i in range(count)) if p]
        futures = [self._client.submit(_shard_extract, part, self.options.model,
                                       str(self.shard_dir / f"shard-{i:05d}.jsonl"), pure=False)
                   for i, part in enumerate(parts)]
        self._extraction_paths = self._client.gather(futures)
        extractions = [ex for p in self._extraction_paths for ex in read_extractions(p)]
        order = {doc.doc_id: i for i, doc in enumerate(documents)}
        extractions.sort(key=lambda ex: order[ex.document.doc_id])
        yield from extractions

    def quads(self, key_map: dict[str, str]) -> list[Path]:
        """Each shard writes the N-Quads of its documents' graphs; their files."""
        if not self._extraction_paths:
            return []
        keys = self._client.scatter(key_map, broadcast=True)
        futures = [self._client.submit(_shard_quads, p, keys, str(Path(p).with_suffix(".nq")), pure=False)
                   for p in self._extraction_paths]
        return [Path(p) for p in self._client.gather(futures)]
