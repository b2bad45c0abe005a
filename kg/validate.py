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

    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    conforms, report_graph, report_text = validate(
        graph, shacl_graph=shapes, ont_graph=load_ontology(), inference="none", advanced=True,
        allow_warnings=True)
    return Validation(bool(conforms), report_graph, str(report_text))
