"""SHACL validation of a graph against the contract's shapes (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from .ontology import SHAPES_PATH, load_ontology


@dataclass
class Validation:
    conforms: bool
    report_graph: Graph
    report_text: str


def validate_graph(graph: Graph) -> Validation:
    """(conforms, report graph, readable report) for a graph under ontology/shapes.ttl."""
    from pyshacl import validate

    if not graph.store.context_aware:  # pySHACL reads the data through rdflib's dataset interface
        copy = Graph()
        copy.addN((s, p, o, copy) for s, p, o in graph)
        graph = copy
    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    conforms, report_graph, report_text = validate(
        graph, shacl_graph=shapes, ont_graph=load_ontology(), inference="none", advanced=True,
        allow_warnings=True)
    return Validation(bool(conforms), report_graph, str(report_text))
