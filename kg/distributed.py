"""Builds past one machine: extraction sharded by document on a Dask cluster.

1. each shard of documents is parsed and extracted on a Dask worker, which
   writes its extractions (JSON lines) into the shard folder;
2. the driver resolves entities over all shards (light: mentions only);
3. each shard writes the N-Quads of its documents' named graphs with the
   corpus-wide entity keys;
4. the driver merges the shards' N-Quads with the entity graph, which gives
   exactly the graph a single-machine build gives.

The shard folder must be reachable by every worker (a shared file system on a
real cluster); `kg build --dask local` starts a local cluster.
"""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Dataset, Graph

from .build import BuiltGraph, add_document, add_entities, bind_prefixes, build_graph, document_graph_iri, new_graph
from .model import DocExtraction, Document, from_dict, to_dict


def _shard_extract(documents: list[Document], model: str | None, path: str) -> str:
    from .pipeline import extract_documents

    with open(path, "w", encoding="utf-8") as out:
        for ex in extract_documents(documents, model):
            out.write(json.dumps(to_dict(ex), ensure_ascii=False) + "\n")
    return path


def _read_extractions(path: str) -> list[DocExtraction]:
    with open(path, encoding="utf-8") as f:
        return [from_dict(json.loads(line)) for line in f if line.strip()]


def _shard_quads(extraction_path: str, key_map: dict[str, str], path: str) -> str:
    ds = Dataset()
    for ex in _read_extractions(extraction_path):
        g = ds.graph(document_graph_iri(ex.document.doc_id))
        add_document(g, ex, key_map)
    ds.serialize(destination=path, format="nquads", encoding="utf-8")
    return path


def extract_on_dask(documents: list[Document], model: str | None, shard_dir: Path, scheduler: str = "local",
                    workers: int = 2) -> list[DocExtraction]:
    """The extractions of these documents, in their order, made on a Dask cluster (each shard also
    writes the N-Quads of its documents)."""
    if not documents:
        return []
    return build_on_dask(documents, model, shard_dir, scheduler=scheduler, workers=workers)[0]


def build_on_dask(documents: list[Document], model: str | None, shard_dir: Path, scheduler: str = "local",
                  shards: int | None = None, workers: int = 2) -> tuple[list[DocExtraction], dict, dict, BuiltGraph]:
    """Extract and build on a Dask cluster; returns (extractions, entities, key_map, graph)."""
    from dask.distributed import Client, LocalCluster

    from .resolve import resolve_entities

    shard_dir = Path(shard_dir)
    shard_dir.mkdir(parents=True, exist_ok=True)
    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        cluster = None
        client = Client(scheduler)
    try:
        count = shards or max(1, min(len(documents), 4 * workers))
        parts = [documents[i::count] for i in range(count)]
        parts = [p for p in parts if p]
        futures = [client.submit(_shard_extract, part, model, str(shard_dir / f"shard-{i:05d}.jsonl"), pure=False)
                   for i, part in enumerate(parts)]
        extraction_paths = client.gather(futures)
        extractions = [ex for p in extraction_paths for ex in _read_extractions(p)]
        order = {doc.doc_id: i for i, doc in enumerate(documents)}
        extractions.sort(key=lambda ex: order[ex.document.doc_id])
        entities, key_map = resolve_entities(extractions)
        key_future = client.scatter(key_map, broadcast=True)
        quad_futures = [client.submit(_shard_quads, p, key_future, str(Path(p).with_suffix(".nq")), pure=False)
                        for p in extraction_paths]
        quad_paths = client.gather(quad_futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    # merge: one named graph per document from the shards' N-Quads, plus the entity graph
    merged = Dataset()
    for path in quad_paths:
        merged.parse(path, format="nquads")
    documents_graphs: dict[str, Graph] = {}
    for doc in documents:
        g = new_graph(document_graph_iri(doc.doc_id))
        for triple in merged.graph(document_graph_iri(doc.doc_id)):
            g.add(triple)
        documents_graphs[doc.doc_id] = g
    reference = build_graph(extractions, entities, key_map)  # the entity graph (cheap: labels and types)
    built = BuiltGraph(documents=documents_graphs, entities=reference.entities)
    return extractions, entities, key_map, built
