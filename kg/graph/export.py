"""Deterministic, atomic exports: Turtle, N-Triples, JSON-LD, TriG, N-Quads and
the ontology.

Every file is serialised by rdflib, put in a canonical order (sorted lines for
the line-based formats, sorted nodes for JSON-LD) and written to a temporary
file that replaces the previous export only once all files are ready, so a
failed build leaves the previous exports intact.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

from rdflib import RDF, XSD, BNode, Dataset, Graph, URIRef
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.plugins.serializers.turtle import VERB, TurtleSerializer

from .. import errors
from .ontology import ONTOLOGY_PATH, SHAPES_PATH
from .rdf import BuiltGraph

GRAPH_FILES = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.trig", "graph.nq", "ontology.ttl", "shapes.ttl")
SORTED_FILES = ("graph.ttl", "graph.jsonld", "graph.trig")
"""The serialisations that need the whole graph in memory (the build writes them for graphs up to a size)."""


class _Remembered:
    """rdflib's Turtle serializers, with the same output in less time: the prefixed name of an IRI and the
    label of a term are worked out once per export (rdflib works them out twice per triple and term), and
    each subject's predicate-object lists are collected while the triples are first read (rdflib asks the
    store for them again, subject by subject)."""

    def reset(self) -> None:
        super().reset()
        self._kg_pnames: dict = {}
        self._kg_labels: dict = {}
        self._kg_props: dict = {}
        self._kg_seen: set = set()  # terms preprocessed once (predicates as (term, VERB))

    def get_pname(self, uri, gen_prefix: bool = True):
        key = (uri, gen_prefix)
        try:
            return self._kg_pnames[key]
        except KeyError:
            name = self._kg_pnames[key] = super().get_pname(uri, gen_prefix)
            return name

    def label(self, node, position: int) -> str:
        key = (node, position)
        try:
            return self._kg_labels[key]
        except KeyError:
            text = self._kg_labels[key] = super().label(node, position)
            return text

    def preprocessTriple(self, triple) -> None:
        s, p, o = triple
        seen = self._kg_seen
        if s in seen and o in seen and (p, VERB) in seen:
            # rdflib's own steps for a triple whose terms it has read before: the names are worked out already
            self._references[o] += 1
            self._subjects[s] = True
        else:
            super().preprocessTriple(triple)
            seen.update((s, o, (p, VERB)))
        by_subject = self._kg_props.setdefault(self.store.identifier, {})
        props = by_subject.get(s)
        if props is None:
            props = by_subject[s] = {}
        objects = props.get(p)
        if objects is None:
            props[p] = [o]
        else:
            objects.append(o)

    def buildPredicateHash(self, subject):
        props = self._kg_props.get(self.store.identifier, {}).get(subject)
        if props is None:
            return super().buildPredicateHash(subject)
        return {p: list(objects) for p, objects in props.items()}


class FastTurtleSerializer(_Remembered, TurtleSerializer):
    """rdflib's Turtle serializer, remembering names, labels and predicate-object lists."""


class SortedTrigSerializer(_Remembered, TrigSerializer):
    """rdflib's TriG serializer with the named graphs in IRI order, for byte-identical output. It takes a
    dataset, or the named graphs themselves (each with its name as identifier: no copy into a dataset)."""

    def __init__(self, store: Dataset | list[Graph]):
        if isinstance(store, list):
            TurtleSerializer.__init__(self, store[0] if store else Dataset())
            self.contexts, self.default_context = list(store), None
        else:
            super().__init__(store)

    def preprocess(self) -> None:
        self.contexts.sort(key=lambda g: str(g.identifier))
        super().preprocess()


def serialize_trig(dataset: Dataset | list[Graph]) -> str:
    """TriG of a dataset, or of named graphs given as a list."""
    buf = io.BytesIO()
    SortedTrigSerializer(dataset).serialize(buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


def _sorted_lines(text: str) -> str:
    lines = sorted({line for line in text.split("\n") if line.strip()})
    return "\n".join(lines) + "\n"


def serialize_turtle(graph: Graph) -> str:
    buf = io.BytesIO()
    FastTurtleSerializer(graph).serialize(buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


_JSON_NATIVE_TYPES = frozenset({XSD.boolean, XSD.integer, XSD.double, XSD.string})


def _jsonld_value(term) -> dict:
    if isinstance(term, URIRef):
        return {"@id": str(term)}
    if isinstance(term, BNode):
        return {"@id": term.n3()}
    if term.datatype:
        # rdflib writes booleans, integers, doubles and strings as JSON values
        value = term.toPython() if term.datatype in _JSON_NATIVE_TYPES else str(term)
        return {"@type": str(term.datatype), "@value": value}
    if term.language:
        return {"@language": term.language, "@value": str(term)}
    return {"@value": str(term)}


def _jsonld_nodes(graph: Graph) -> list[dict] | None:
    """The graph as expanded, flattened JSON-LD nodes, as rdflib's JSON-LD serializer writes them without a
    context (one node per subject, "@type" for rdf:type, every value in a list, each list in the order of
    `_value_key`), made in one pass over the triples. None when the graph has blank nodes or RDF lists, whose
    layout rdflib decides."""
    nodes: dict = {}
    values: dict = {}  # term -> (sort key, JSON value), worked out once per term
    rdf_type, rdf_first = RDF.type, RDF.first
    for s, p, o in graph:
        if isinstance(s, BNode) or isinstance(o, BNode) or p == rdf_first:
            return None
        node = nodes.get(s)
        if node is None:
            node = nodes[s] = {"@id": str(s)}
        key = "@type" if p == rdf_type else str(p)
        value = values.get((o, key == "@type"))
        if value is None:
            json_value = str(o) if key == "@type" and isinstance(o, URIRef) else _jsonld_value(o)
            value = values[(o, key == "@type")] = (_value_key(json_value), json_value)
        node.setdefault(key, []).append(value)
    for node in nodes.values():
        for key, items in node.items():
            if key != "@id":
                node[key] = [value for _, value in sorted(items, key=lambda item: item[0])]
    return list(nodes.values())


def _value_key(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def serialize_jsonld(graph: Graph) -> str:
    nodes = _jsonld_nodes(graph)
    if nodes is None:
        raw = json.loads(graph.serialize(format="json-ld"))
        nodes = raw if isinstance(raw, list) else raw.get("@graph", [raw])
        for node in nodes:
            for key, value in node.items():
                if isinstance(value, list):
                    node[key] = sorted(value, key=_value_key)
    nodes.sort(key=lambda n: n.get("@id", ""))
    return json.dumps(nodes, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def render_exports(built: BuiltGraph | None, sorted_formats: bool = True, line_formats: bool = True) -> dict[str, str]:
    """File name -> content of every export: the sorted serialisations (Turtle, JSON-LD, TriG), the line
    ones (N-Triples, N-Quads; the build streams those itself) and the ontology and shapes."""
    files = {}
    if built is not None and (sorted_formats or line_formats):
        union = built.union()
        if sorted_formats:
            files["graph.ttl"] = serialize_turtle(union)
            files["graph.jsonld"] = serialize_jsonld(union)
            files["graph.trig"] = serialize_trig(built.named_graphs())
        if line_formats:
            dataset = built.dataset()
            files["graph.nt"] = _sorted_lines(union.serialize(format="nt"))
            files["graph.nq"] = _sorted_lines(dataset.serialize(format="nquads"))
    files["ontology.ttl"] = ONTOLOGY_PATH.read_text(encoding="utf-8")
    files["shapes.ttl"] = SHAPES_PATH.read_text(encoding="utf-8")
    return {name: files[name] for name in GRAPH_FILES if name in files}


def write_files(out_dir: Path, files: dict[str, str | bytes | Path], whole_set: bool = False) -> list[Path]:
    """Write files into out_dir atomically: all are staged first, then they replace the previous ones in one
    switch (`kg.build.outdir`). A Path value is a finished file (on the same file system), moved into place.
    With `whole_set` the files are the folder's new export set: the files of the previous set that are not
    among them are deleted in the same switch."""
    from ..build.outdir import decided, make_work_dir, remove_work_dir, switch

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stage = make_work_dir(out_dir, ".kg-stage-")
    keep = False
    try:
        for name, content in files.items():
            target = stage / name
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(content, Path):
                    os.replace(content, target)
                elif isinstance(content, bytes):
                    target.write_bytes(content)
                else:
                    target.write_text(content, encoding="utf-8", newline="\n")
            except OSError as exc:
                raise errors.write_failed(out_dir / name, exc, out_dir) from None
        try:
            switch(out_dir, stage, list(files), whole_set)
        except OSError as exc:
            # before the journal was written the previous set stands; after, the next build completes the switch
            keep = decided(out_dir, stage)
            raise errors.write_failed(exc.filename or out_dir, exc, out_dir, intact=not keep) from None
    finally:
        remove_work_dir(stage, keep=keep)
    return [out_dir / name for name in files]
