"""The settings of a build, as one record: what `kg build` reads from its command line and hands to
`kg.build.run.build_corpus` (and, for a build on a Dask cluster, to `kg.build.dask`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..inputs.corpus import MAX_BYTES

MAX_GRAPH_TRIPLES = 50_000
"""Up to this many triples the build also keeps the graph in memory for the sorted Turtle, TriG and
JSON-LD exports and the views; beyond, it writes graph.nt and graph.nq only, in bounded memory."""


@dataclass(frozen=True)
class BuildOptions:
    """How to build: none of these settings changes a byte of the graph except `model`, `max_bytes` and
    `fields` (which articles are read, and how they are parsed)."""

    model: str | None = None
    """spaCy pipeline name or path (None: KG_MODEL or the shipped one)."""
    max_bytes: int = MAX_BYTES
    """Articles larger than this are skipped."""
    jobs: int = 1
    """Processes for parsing and extraction, and for writing the exports (on Dask: the local cluster's workers)."""
    update: bool = False
    """Reuse the cached extractions of unchanged articles."""
    views: bool = True
    """Write the HTML views and GraphML too."""
    store: Path | None = None
    """Also load the graph into an Oxigraph store in this folder."""
    dask: str | None = None
    """Extract and build the documents' graphs on a Dask cluster: a scheduler address, or 'local'."""
    max_graph_triples: int = MAX_GRAPH_TRIPLES
    """Largest graph also written as sorted Turtle, TriG, JSON-LD and views."""
    fields: tuple[tuple[str, str], ...] = ()
    """(field, column) pairs: the columns of the corpus's JSON Lines and CSV tables that hold a row's text,
    title, date, source, url or id, where they have other names (`kg build --field text=body`)."""
