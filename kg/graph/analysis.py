"""rdflib Graph -> networkx: entities as nodes, statements as edges; centrality; GraphML.

The graph is read from its statement nodes, not from the direct triples, so
planned, claimed, hypothetical, negated and denied relations are edges too,
each with its modality. A statement whose object is an entity becomes one
edge of a `networkx.MultiDiGraph` from subject to object, keyed by the
statement's IRI; a statement whose object is text or a quantity has no edge
but is still read (`read_statements`) for the entity tables of the views.

Everything comes out in a fixed order (entities by IRI, statements by
document, sentence offset and IRI), so the same graph always gives the same
networkx graph, the same centrality and byte-identical GraphML.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from .vocab import KG

WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"

ENTITY_TYPES = ("Person", "Country", "Region", "City", "Organization", "MilitaryUnit", "Weapon", "Agreement",
                "Event", "Place", "Actor", "Entity")
"""Local names of the entity classes, most specific first: a node typed with several gets the first."""

_ENTITY_CLASSES = {KG[name]: name for name in ENTITY_TYPES}

DEFAULT_MODALITY = "Asserted"

PAGERANK_DAMPING = 0.85
PAGERANK_TOLERANCE = 1e-10
PAGERANK_MAX_ITERATIONS = 1000
CENTRALITY_DIGITS = 6


@dataclass(frozen=True)
class EntityRecord:
    """One entity node of the graph."""

    iri: str
    label: str
    type: str  # local name of its most specific entity class
    alt_labels: tuple[str, ...] = ()
    wikidata: str = ""  # a Q-id, or "" when the entity has none
    mentions: int = 0


@dataclass(frozen=True)
class StatementRecord:
    """One statement node with everything the views show about it.

    `object` is the object's IRI when the object is an entity and "" otherwise;
    `object_text` is the object as a reader sees it: the entity's label, the
    literal text or the quantity's label. Missing qualifiers are "".
    """

    iri: str
    subject: str
    subject_label: str
    property: str  # local name of rdf:predicate, e.g. "withdrawsFrom"
    object: str
    object_text: str
    object_kind: str  # "entity", "text", "quantity" or "resource"
    modality: str
    date: str = ""
    claimant: str = ""
    claimant_label: str = ""
    place: str = ""
    place_label: str = ""
    quantity: str = ""
    role: str = ""
    evidence: str = ""
    sentence: str = ""
    sentence_start: int = -1
    document: str = ""  # kg:documentId
    document_title: str = ""
    document_file: str = ""
    published: str = ""

    @property
    def between_entities(self) -> bool:
        return self.object_kind == "entity"


def local_name(iri: str) -> str:
    """The part of an IRI after its last '#' or '/'."""
    return re.split(r"[#/]", str(iri).rstrip("/#"))[-1]


def property_label(name: str) -> str:
    """A property's local name as words: 'withdrawsFrom' -> 'withdraws from'."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).lower()


def _values(graph: Graph, subject: Node, predicate: URIRef) -> list[Node]:
    return sorted(graph.objects(subject, predicate), key=lambda n: (type(n).__name__, str(n)))


def _first(graph: Graph, subject: Node, predicate: URIRef) -> Node | None:
    """The smallest value of a property (a fixed choice where a graph has several)."""
    values = _values(graph, subject, predicate)
    return values[0] if values else None


def _text(node: Node | None) -> str:
    return "" if node is None else str(node)


def _int(node: Node | None, default: int) -> int:
    if isinstance(node, Literal):
        try:
            return int(node.toPython())
        except (TypeError, ValueError):
            return default
    return default


def entity_type(graph: Graph, node: Node) -> str | None:
    """The most specific entity class of a node, or None when it is not an entity."""
    found = {_ENTITY_CLASSES[t] for t in graph.objects(node, RDF.type) if t in _ENTITY_CLASSES}
    for name in ENTITY_TYPES:
        if name in found:
            return name
    return None


def _label(graph: Graph, node: Node) -> str:
    label = _first(graph, node, RDFS.label)
    return str(label) if label is not None else local_name(str(node))


def read_entities(graph: Graph) -> dict[str, EntityRecord]:
    """Every entity node of a graph (a node typed with an entity class), keyed and ordered by IRI."""
    nodes = {s for cls in _ENTITY_CLASSES for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)}
    out = {}
    for node in sorted(nodes, key=str):
        label = _label(graph, node)
        alts = sorted({str(a) for a in graph.objects(node, SKOS.altLabel)} - {label})
        wikidata = sorted(local_name(str(o)) for o in graph.objects(node, OWL.sameAs)
                          if str(o).startswith(WIKIDATA_ENTITY))
        out[str(node)] = EntityRecord(
            iri=str(node), label=label, type=entity_type(graph, node) or "Entity", alt_labels=tuple(alts),
            wikidata=wikidata[0] if wikidata else "", mentions=_int(_first(graph, node, KG.mentionCount), 0))
    return out


def _quantity_label(graph: Graph, node: Node) -> str:
    label = _first(graph, node, RDFS.label)
    if label is not None:
        return str(label)
    value, top, unit = (_first(graph, node, p) for p in (KG.value, KG.maxValue, KG.unit))
    text = _text(value) if top is None else f"{_text(value)}–{_text(top)}"
    return f"{text} {_text(unit)}".strip()


def read_statements(graph: Graph, entities: Mapping[str, EntityRecord] | None = None) -> list[StatementRecord]:
    """Every statement node of a graph, ordered by document, sentence offset and IRI.

    A statement without kg:modality is read as asserted.
    """
    if entities is None:
        entities = read_entities(graph)

    def name(node: Node | None) -> str:
        if node is None:
            return ""
        ent = entities.get(str(node))
        return ent.label if ent is not None else _label(graph, node)

    out = []
    for node in set(graph.subjects(RDF.type, KG.Statement)):
        subject = _first(graph, node, RDF.subject)
        predicate = _first(graph, node, RDF.predicate)
        obj = _first(graph, node, RDF.object)
        if subject is None or predicate is None or obj is None:
            continue
        if isinstance(obj, Literal):
            kind, obj_iri, obj_text = "text", "", str(obj)
        elif str(obj) in entities:
            kind, obj_iri, obj_text = "entity", str(obj), entities[str(obj)].label
        elif (obj, RDF.type, KG.Quantity) in graph:
            kind, obj_iri, obj_text = "quantity", "", _quantity_label(graph, obj)
        else:
            kind, obj_iri, obj_text = "resource", "", _label(graph, obj)
        modality = _first(graph, node, KG.modality)
        claimant, place, quantity = (_first(graph, node, p) for p in (KG.claimant, KG.place, KG.quantity))
        sentence = _first(graph, node, PROV.wasDerivedFrom)
        doc = _first(graph, sentence, KG.inDocument) if sentence is not None else None
        out.append(StatementRecord(
            iri=str(node),
            subject=str(subject),
            subject_label=name(subject),
            property=local_name(str(predicate)),
            object=obj_iri,
            object_text=obj_text,
            object_kind=kind,
            modality=local_name(str(modality)) if modality is not None else DEFAULT_MODALITY,
            date=_text(_first(graph, node, KG.date)),
            claimant=_text(claimant),
            claimant_label=name(claimant),
            place=_text(place),
            place_label=name(place),
            quantity=_quantity_label(graph, quantity) if quantity is not None else "",
            role=_text(_first(graph, node, KG.roleTitle)),
            evidence=_text(_first(graph, node, KG.evidence)),
            sentence=_text(_first(graph, sentence, KG.text)) if sentence is not None else "",
            sentence_start=_int(_first(graph, sentence, KG.startOffset), -1) if sentence is not None else -1,
            document=_text(_first(graph, doc, KG.documentId)) if doc is not None else "",
            document_title=_text(_first(graph, doc, KG.title)) if doc is not None else "",
            document_file=_text(_first(graph, doc, KG.fileName)) if doc is not None else "",
            published=_text(_first(graph, doc, KG.published)) if doc is not None else "",
        ))
    out.sort(key=lambda s: (s.document, s.sentence_start, s.iri))
    return out


# --- networkx ----------------------------------------------------------------

_NODE_FIELDS = ("label", "type", "alt_labels", "wikidata", "mentions")
_EDGE_FIELDS = ("property", "modality", "date", "claimant", "claimant_label", "place", "place_label", "quantity",
                "role", "evidence", "sentence", "document", "document_title", "published")


def _node_attributes(ent: EntityRecord) -> dict:
    return {"label": ent.label, "type": ent.type, "alt_labels": ent.alt_labels, "wikidata": ent.wikidata or None,
            "mentions": ent.mentions}


def _edge_attributes(st: StatementRecord) -> dict:
    attrs = {"statement": st.iri}
    for field in _EDGE_FIELDS:
        value = getattr(st, field)
        attrs[field] = value if value != "" else None
    return attrs


def build_networkx(entities: Mapping[str, EntityRecord], statements: Iterable[StatementRecord]) -> nx.MultiDiGraph:
    """The entity graph from read records: one node per entity, one edge per statement between entities."""
    g = nx.MultiDiGraph()
    for iri in sorted(entities):
        g.add_node(iri, **_node_attributes(entities[iri]))
    for st in statements:
        if st.between_entities and st.subject in entities:
            g.add_edge(st.subject, st.object, key=st.iri, **_edge_attributes(st))
    return g


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The entity graph of an RDF graph.

    Nodes are entity IRIs with `label`, `type` (class local name), `alt_labels`
    (a tuple), `wikidata` (Q-id or None) and `mentions`. Each statement whose
    subject and object are entities is one edge from subject to object, keyed
    by the statement's IRI, with `statement`, `property`, `modality`, `date`,
    `claimant` / `claimant_label`, `place` / `place_label`, `quantity`, `role`,
    `evidence`, `sentence` (its text), `document` (its id), `document_title`
    and `published`; a missing qualifier is None.
    """
    entities = read_entities(graph)
    return build_networkx(entities, read_statements(graph, entities))


def centrality(g: nx.MultiDiGraph) -> dict[str, float]:
    """PageRank of every node on the undirected graph weighted by statement counts, rounded to 6 digits.

    Direction is ignored so that an actor who orders and a place that is
    attacked both count as central. Computed by power iteration in node order,
    so the result does not depend on anything but the graph.
    """
    nodes = sorted(g.nodes)
    if not nodes:
        return {}
    weights: dict[str, dict[str, float]] = {n: defaultdict(float) for n in nodes}
    for u, v in g.edges():
        if u == v:
            continue
        weights[u][v] += 1.0
        weights[v][u] += 1.0
    strength = {n: sum(weights[n].values()) for n in nodes}
    size = len(nodes)
    rank = {n: 1.0 / size for n in nodes}
    for _ in range(PAGERANK_MAX_ITERATIONS):
        dangling = sum(rank[n] for n in nodes if strength[n] == 0.0)
        base = (1.0 - PAGERANK_DAMPING) / size + PAGERANK_DAMPING * dangling / size
        new = {n: base for n in nodes}
        for n in nodes:
            if strength[n]:
                share = PAGERANK_DAMPING * rank[n] / strength[n]
                for m in sorted(weights[n]):
                    new[m] += share * weights[n][m]
        delta = sum(abs(new[n] - rank[n]) for n in nodes)
        rank = new
        if delta < PAGERANK_TOLERANCE * size:
            break
    return {n: round(rank[n], CENTRALITY_DIGITS) for n in nodes}


def statement_counts(g: nx.MultiDiGraph) -> dict[str, int]:
    """Edges (statements between entities) at each node, self-loops counted once."""
    counts = {n: 0 for n in g.nodes}
    for u, v in g.edges():
        counts[u] += 1
        if v != u:
            counts[v] += 1
    return counts


def rank_nodes(g: nx.MultiDiGraph, scores: Mapping[str, float] | None = None) -> list[str]:
    """Nodes from most to least central; ties by statement count, then label, then IRI."""
    scores = centrality(g) if scores is None else scores
    counts = statement_counts(g)
    return sorted(g.nodes, key=lambda n: (-scores.get(n, 0.0), -counts[n], g.nodes[n].get("label", ""), n))


# --- GraphML -----------------------------------------------------------------


def _scalar(value):
    if value is None:
        return ""
    if isinstance(value, (tuple, list, set, frozenset)):
        return "; ".join(sorted(str(v) for v in value))
    if isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def graphml_ready(g: nx.MultiDiGraph, scores: Mapping[str, float] | None = None) -> nx.MultiDiGraph:
    """A copy whose attributes are all GraphML scalars: None -> "", tuples -> "a; b".

    Nodes also get `pagerank` (from `centrality`) and `statements` (edge count).
    """
    scores = centrality(g) if scores is None else scores
    counts = statement_counts(g)
    out = nx.MultiDiGraph()
    for n, attrs in g.nodes(data=True):
        data = {k: _scalar(attrs.get(k)) for k in _NODE_FIELDS}
        data["pagerank"] = float(scores.get(n, 0.0))
        data["statements"] = counts[n]
        out.add_node(n, **data)
    for u, v, key, attrs in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **{k: _scalar(attrs[k]) for k in sorted(attrs)})
    return out


def graphml_text(g: nx.MultiDiGraph, scores: Mapping[str, float] | None = None) -> str:
    """The entity graph as GraphML text, byte-identical for the same graph. Always by networkx's ElementTree
    writer: `nx.write_graphml` takes lxml's when lxml is installed, which lays the same graph out otherwise."""
    buf = io.BytesIO()
    nx.write_graphml_xml(graphml_ready(g, scores), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue().decode("utf-8")
