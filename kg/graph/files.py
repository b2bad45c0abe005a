"""Reading graph files given on the command line, with one-line errors."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from .. import errors

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".trig": "trig", ".nq": "nquads",
           ".rdf": "xml", ".owl": "xml", ".xml": "xml", ".n3": "n3"}


def _finish_interrupted_build(folder: Path) -> None:
    """A build killed while it switched the exports of this folder left a journal: complete its switch, so
    that the graph read is the new one (`kg.build.outdir`). A folder this process may not write is read as is."""
    from ..build.outdir import finish_switch

    try:
        finish_switch(folder)
    except OSError:
        pass


def load_graph(path: Path) -> Graph:
    """Parse an RDF file (format from its extension) into one graph."""
    path = Path(path)
    _finish_interrupted_build(path.parent)
    if not path.exists():
        raise errors.graph_missing(path)
    if path.is_dir():
        raise errors.GraphError(f"{path} is a folder; give a graph file such as {path / 'graph.ttl'}")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise errors.GraphError(f"unknown graph format {path.suffix!r}: use one of {', '.join(sorted(FORMATS))}")
    try:
        if fmt in ("trig", "nquads"):
            ds = Dataset()
            ds.parse(path, format=fmt)
            graph = Graph()
            for s, p, o, _ in ds.quads((None, None, None, None)):
                graph.add((s, p, o))
            return graph
        graph = Graph()
        graph.parse(path, format=fmt)
        return graph
    except UnicodeDecodeError:
        raise errors.graph_unparsable(path, "not UTF-8 text") from None
    except Exception as exc:  # rdflib raises many parser-specific exception types
        raise errors.graph_unparsable(path, str(exc)) from None
