"""The ontology files and the Python vocabulary generated from them.

`ontology/kg.ttl` is the single source of the project's vocabulary.
`kg/graph/vocab.py` is generated from it by `python -m kg.graph.ontology` (a test keeps
the two in sync), so code refers to `KG.captures`, never to a typed IRI.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.collection import Collection

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY_PATH = ONTOLOGY_DIR / "kg.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
VOCAB_PATH = Path(__file__).resolve().parent / "vocab.py"

ONTOLOGY_NS = "https://w3id.org/kg-conflict/ontology#"
RESOURCE_NS = "https://w3id.org/kg-conflict/id/"


def load_ontology(path: Path = ONTOLOGY_PATH) -> Graph:
    """Parse the ontology Turtle file."""
    graph = Graph()
    graph.parse(path, format="turtle")
    return graph


def ontology_terms(graph: Graph) -> list[str]:
    """Local names of every term the ontology defines in its namespace."""
    names = set()
    for subject in graph.subjects(RDF.type, None):
        if isinstance(subject, URIRef) and str(subject).startswith(ONTOLOGY_NS):
            names.add(str(subject)[len(ONTOLOGY_NS):])
    return sorted(names)


def relation_properties(graph: Graph) -> list[str]:
    """Local names of every sub-property (transitively) of kg:relation."""
    return [name for name in sub_properties(graph, "relation") if name not in ("action", "standingRelation")]


def _local(term) -> str:
    return str(term)[len(ONTOLOGY_NS):]


def sub_properties(graph: Graph, name: str) -> list[str]:
    """Local names of the direct and indirect sub-properties of one property (kg:standingRelation)."""
    found = {URIRef(ONTOLOGY_NS + name)}
    changed = True
    while changed:
        changed = False
        for sub, _, sup in graph.triples((None, RDFS.subPropertyOf, None)):
            if sup in found and sub not in found:
                found.add(sub)
                changed = True
    return sorted(_local(p) for p in found if str(p).startswith(ONTOLOGY_NS) and _local(p) != name)


def _class_closure(graph: Graph, cls) -> set[str]:
    """The local names of a class and of all its subclasses; for an owl:unionOf class, of each member's."""
    members = list(Collection(graph, next(graph.objects(cls, OWL.unionOf)))) \
        if (cls, OWL.unionOf, None) in graph else [cls]
    found = set(members)
    changed = True
    while changed:
        changed = False
        for sub, _, sup in graph.triples((None, RDFS.subClassOf, None)):
            if sup in found and sub not in found:
                found.add(sub)
                changed = True
    return {_local(c) for c in found if isinstance(c, URIRef) and str(c).startswith(ONTOLOGY_NS)}


def argument_types(graph: Graph, which) -> dict[str, list[str]]:
    """Relation property -> the entity classes its rdfs:domain (or rdfs:range) admits, subclasses included."""
    out = {}
    for name in relation_properties(graph):
        prop = URIRef(ONTOLOGY_NS + name)
        for cls in graph.objects(prop, which):
            out[name] = sorted(_class_closure(graph, cls))
    return out


def refinements(graph: Graph) -> dict[str, str]:
    """Each relation property whose direct parent is another relation property (not one of the categories
    kg:action, kg:standingRelation, kg:relation), by name."""
    names = set(relation_properties(graph))
    out = {}
    for name in sorted(names):
        for parent in graph.objects(URIRef(ONTOLOGY_NS + name), RDFS.subPropertyOf):
            parent_name = str(parent)[len(ONTOLOGY_NS):]
            if str(parent).startswith(ONTOLOGY_NS) and parent_name in names:
                out[name] = parent_name
    return out


def render_vocab(graph: Graph) -> str:
    """Python source of kg/graph/vocab.py for the given ontology graph."""
    terms = ontology_terms(graph)
    lines = [
        '"""Vocabulary of the conflict ontology. Generated from ontology/kg.ttl by',
        "`python -m kg.graph.ontology`; do not edit by hand.\"\"\"",
        "",
        "from rdflib import Namespace, URIRef",
        "from rdflib.namespace import DefinedNamespace",
        "",
        f'RESOURCE = Namespace("{RESOURCE_NS}")',
        "",
        "",
        "class KG(DefinedNamespace):",
        '    """Terms of the conflict ontology; an unknown name raises."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{ONTOLOGY_NS}")',
        "",
    ]
    lines += [f"    {name}: URIRef" for name in terms]
    symmetric = sorted(
        str(s)[len(ONTOLOGY_NS):]
        for s in graph.subjects(RDF.type, OWL.SymmetricProperty)
        if str(s).startswith(ONTOLOGY_NS)
    )
    lines += [
        "",
        "",
        "# Sub-properties of kg:relation: what the extractor may emit.",
        "RELATION_PROPERTIES = (",
        *[f'    "{name}",' for name in relation_properties(graph)],
        ")",
        "",
        "SYMMETRIC_PROPERTIES = (",
        *[f'    "{name}",' for name in symmetric],
        ")",
        "",
        "# Sub-properties of kg:standingRelation: states of affairs, not events.",
        "STANDING_PROPERTIES = (",
        *[f'    "{name}",' for name in sub_properties(graph, "standingRelation")],
        ")",
        "",
        "# The classes of actors (kg:Actor) and of places (kg:Place), subclasses included.",
        f"ACTOR_CLASSES = {tuple(sorted(_class_closure(graph, URIRef(ONTOLOGY_NS + 'Actor'))))!r}",
        f"PLACE_CLASSES = {tuple(sorted(_class_closure(graph, URIRef(ONTOLOGY_NS + 'Place'))))!r}",
        "",
        "# The entity classes a relation's subject (domain) and object (range) may have, subclasses included.",
        "DOMAINS = {",
        *[f'    "{name}": frozenset({tuple(types)!r}),' for name, types in argument_types(graph, RDFS.domain).items()],
        "}",
        "",
        "RANGES = {",
        *[f'    "{name}": frozenset({tuple(types)!r}),' for name, types in argument_types(graph, RDFS.range).items()],
        "}",
        "",
        "# Relation properties that refine another relation property (kg:strikes refines kg:attacks).",
        "REFINES = {",
        *[f'    "{name}": "{parent}",' for name, parent in refinements(graph).items()],
        "}",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    VOCAB_PATH.write_text(render_vocab(load_ontology()), encoding="utf-8")
    print(f"wrote {VOCAB_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
