"""An on-disk Oxigraph store for large graphs (`kg build --store`, `kg query --store`).

The build bulk-loads its N-Quads (one named graph per document) into a new
store folder and swaps it in place of the old one, so a failed build leaves
the previous store intact. Queries run on the union of the named graphs.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph

from . import errors
from .build import PREFIXES


def write_store(path: Path, nquads: str) -> Path:
    """Replace the store at `path` with one holding these N-Quads."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.parent / f".{path.name}.staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        store = pyoxigraph.Store(str(staging))
        store.bulk_load(nquads.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
        store.optimize()
        store.flush()
        del store
        old = path.parent / f".{path.name}.old-{os.getpid()}"
        if path.exists():
            os.replace(path, old)
        os.replace(staging, path)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return path


def open_store(path: Path) -> pyoxigraph.Store:
    path = Path(path)
    if not path.is_dir():
        raise errors.GraphError(f"store not found: {path} (build one with `kg build --store {path}`)")
    try:
        return pyoxigraph.Store.read_only(str(path))
    except OSError as exc:
        raise errors.GraphError(f"cannot open store {path}: {errors.one_line(str(exc))}") from None


def _term(term) -> str:
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        text = term.value
        for prefix, ns in PREFIXES.items():
            if text.startswith(str(ns)):
                return f"{prefix}:{text[len(str(ns)):]}"
        return text
    if isinstance(term, pyoxigraph.Literal):
        return term.value
    return str(term)


def store_query_rows(store: pyoxigraph.Store, text: str, bindings: dict | None = None) -> tuple[list[str], list[list[str]]]:
    """(column names, rows as strings) of a SPARQL query on the store."""
    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    prefixes |= {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
                 "owl": "http://www.w3.org/2002/07/owl#", "skos": "http://www.w3.org/2004/02/skos/core#",
                 "prov": "http://www.w3.org/ns/prov#", "xsd": "http://www.w3.org/2001/XMLSchema#"}
    substitutions = {pyoxigraph.Variable(str(k)): pyoxigraph.Literal(str(v)) for k, v in (bindings or {}).items()}
    try:
        result = store.query(text, prefixes=prefixes, use_default_graph_as_union=True, substitutions=substitutions)
    except SyntaxError as exc:
        raise errors.query_unparsable(str(exc)) from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise errors.QueryError(f"query failed: {errors.one_line(str(exc))}") from None
    if isinstance(result, bool):
        return ["ask"], [["true" if result else "false"]]
    if isinstance(result, pyoxigraph.QuerySolutions):
        names = [v.value for v in result.variables]
        return names, [[_term(sol[n]) for n in names] for sol in result]
    rows = sorted([[_term(t.subject), _term(t.predicate), _term(t.object)] for t in result])
    return ["subject", "predicate", "object"], rows
