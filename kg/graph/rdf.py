"""Entities and relations -> an RDF graph on the conflict ontology.

Every relation becomes a `kg:Statement` node (rdf:subject/predicate/object,
modality, claimant, date, place, quantity) derived from a sentence node that
keeps its text, document and offsets. Only asserted relations also appear
as direct triples `subject property object`, with the statement's own
object: an entity, a quantity node, or a literal with the text of what was
claimed, demanded or warned of. One named graph per document holds
that document's statements, sentences and direct triples; entity
descriptions are shared.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from ..extract.resolve import entity_iri
from ..lexicon.gazetteer import slug
from ..model import Content, DocExtraction, Entity, Mention, Quantity, Relation
from .vocab import KG, RESOURCE

WD = Namespace("http://www.wikidata.org/entity/")
ENTITY_GRAPH = RESOURCE["graph/entities"]

PREFIXES = {"kg": KG._NS, "kgr": RESOURCE, "skos": SKOS, "prov": PROV, "owl": OWL, "wd": WD, "xsd": XSD}


@dataclass
class BuiltGraph:
    """The graph of a corpus: one graph per document plus the entity graph."""

    documents: dict[str, Graph]
    entities: Graph

    def union(self) -> Graph:
        g = new_graph()
        for part in [self.entities, *(self.documents[k] for k in sorted(self.documents))]:
            g.addN((s, p, o, g) for s, p, o in part)
        return g

    def named_graphs(self) -> list[Graph]:
        """The entity graph and the document graphs, each with its graph name as identifier, in name order."""
        graphs = [self.entities, *self.documents.values()]
        named = [g for g in graphs if isinstance(g.identifier, URIRef)]
        if len(named) < len(graphs):  # graphs made without their names
            return list(self.dataset().contexts())
        return sorted(named, key=lambda g: str(g.identifier))

    def dataset(self) -> Dataset:
        ds = Dataset()
        bind_prefixes(ds)
        eg = ds.graph(ENTITY_GRAPH)
        ds.addN((s, p, o, eg) for s, p, o in self.entities)
        for doc_id in sorted(self.documents):
            g = ds.graph(document_graph_iri(doc_id))
            ds.addN((s, p, o, g) for s, p, o in self.documents[doc_id])
        return ds


def bind_prefixes(graph) -> None:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)


def new_graph(identifier: URIRef | None = None) -> Graph:
    """An empty graph with the project's prefixes; a named graph of the dataset takes its name as identifier.
    The store is rdflib's triple store without contexts, which adds and reads triples faster than the default;
    rdflib binds only its core prefixes (binding its two dozen usual ones took longer than filling a small graph)."""
    g = Graph(store="SimpleMemory", identifier=identifier, bind_namespaces="core")
    bind_prefixes(g)
    return g


def iri_part(text: str) -> str:
    """A document id as an IRI path segment (percent-encoded, so any file name gives a valid IRI)."""
    return quote(text, safe="-_.~")


def document_iri(doc_id: str) -> URIRef:
    return RESOURCE[f"document/{iri_part(doc_id)}"]


def document_graph_iri(doc_id: str) -> URIRef:
    return RESOURCE[f"graph/{iri_part(doc_id)}"]


def sentence_iri(doc_id: str, index: int) -> URIRef:
    return RESOURCE[f"sentence/{iri_part(doc_id)}/{index}"]


def statement_iri(rel: Relation, object_key: str) -> URIRef:
    basis = "\x1f".join([rel.doc_id, str(rel.sentence), rel.subject.key, rel.predicate, object_key, rel.modality])
    digest = hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]
    return RESOURCE[f"statement/{iri_part(rel.doc_id)}/{digest}"]


def quantity_iri(q: Quantity) -> URIRef:
    basis = f"{q.value:g}-{q.max_value:g}" if q.max_value is not None else f"{q.value:g}"
    unit = slug(q.unit)
    if unit != q.unit.lower():
        unit += "-" + hashlib.sha256(q.unit.encode("utf-8")).hexdigest()[:8]
    return RESOURCE[f"quantity/{iri_part(basis)}-{unit}"]


def date_literal(value: str) -> Literal:
    if len(value) == 4:
        return Literal(value, datatype=XSD.gYear)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.date)


def _decimal(value: float) -> Literal:
    return Literal(int(value), datatype=XSD.integer) if float(value).is_integer() else Literal(value, datatype=XSD.decimal)


def add_entities(graph: Graph, entities: Iterable[Entity]) -> None:
    for ent in entities:
        node = entity_iri(ent.key)
        graph.add((node, RDF.type, KG[ent.type]))
        graph.add((node, RDFS.label, Literal(ent.label)))
        for alt in ent.alt_labels:
            graph.add((node, SKOS.altLabel, Literal(alt)))
        if ent.wikidata:
            graph.add((node, OWL.sameAs, WD[ent.wikidata]))
        graph.add((node, KG.mentionCount, Literal(ent.mentions)))


def _quantity(graph: Graph, q: Quantity) -> URIRef:
    node = quantity_iri(q)
    graph.add((node, RDF.type, KG.Quantity))
    graph.add((node, KG.value, _decimal(q.value)))
    if q.max_value is not None:
        graph.add((node, KG.maxValue, _decimal(q.max_value)))
    graph.add((node, KG.unit, Literal(q.unit)))
    label = f"{q.value:g}–{q.max_value:g} {q.unit}" if q.max_value is not None else f"{q.value:g} {q.unit}"
    graph.add((node, RDFS.label, Literal(label)))
    return node


def add_document(graph: Graph, ex: DocExtraction, key_map: dict[str, str]) -> None:
    """The document node, its sentences and its statements."""
    doc = ex.document
    dnode = document_iri(doc.doc_id)
    graph.add((dnode, RDF.type, KG.Document))
    graph.add((dnode, KG.documentId, Literal(doc.doc_id)))
    graph.add((dnode, KG.fileName, Literal(doc.file_name)))
    graph.add((dnode, RDFS.label, Literal(doc.title or doc.doc_id)))
    graph.add((dnode, KG.checksum, Literal(doc.checksum)))
    if doc.title:
        graph.add((dnode, KG.title, Literal(doc.title)))
    if doc.date:
        graph.add((dnode, KG.published, Literal(doc.date, datatype=XSD.date)))
    if doc.source:
        graph.add((dnode, KG.source, Literal(doc.source)))
    if doc.url:
        graph.add((dnode, KG.url, Literal(doc.url, datatype=XSD.anyURI)))
    for k, v in doc.metadata:
        graph.add((dnode, KG.metadata, Literal(f"{k}={v}")))
    used = {rel.sentence for rel in ex.relations}
    for sent in ex.sentences:
        if sent.index not in used:
            continue
        snode = sentence_iri(doc.doc_id, sent.index)
        graph.add((snode, RDF.type, KG.Sentence))
        graph.add((snode, KG.text, Literal(sent.text)))
        graph.add((snode, KG.inDocument, dnode))
        graph.add((snode, KG.startOffset, Literal(sent.start)))
        graph.add((snode, KG.endOffset, Literal(sent.end)))
    nodes = []
    for rel in ex.relations:
        nodes.append(_statement(graph, rel, key_map))
    for rel, node in zip(ex.relations, nodes):
        for i in rel.reports:
            if 0 <= i < len(nodes):
                graph.add((node, KG.reports, nodes[i]))


def _entity_node(m: Mention, key_map: dict[str, str]) -> URIRef:
    return entity_iri(key_map.get(m.key, m.key))


def _statement(graph: Graph, rel: Relation, key_map: dict[str, str]) -> URIRef:
    subject = _entity_node(rel.subject, key_map)
    prop = KG[rel.predicate]
    if isinstance(rel.object, Mention):
        obj = _entity_node(rel.object, key_map)
        object_key = str(obj)
    elif isinstance(rel.object, Quantity):
        obj = _quantity(graph, rel.object)
        object_key = str(obj)
    else:
        obj = Literal(rel.object.text)
        object_key = "text:" + rel.object.text
    node = statement_iri(rel, object_key)
    graph.add((node, RDF.type, KG.Statement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, prop))
    graph.add((node, RDF.object, obj))
    if isinstance(rel.object, Content):
        graph.add((node, KG.content, Literal(rel.object.text)))
    graph.add((node, KG.modality, KG[rel.modality]))
    graph.add((node, PROV.wasDerivedFrom, sentence_iri(rel.doc_id, rel.sentence)))
    graph.add((node, KG.fromDocument, document_iri(rel.doc_id)))
    if rel.evidence:
        graph.add((node, KG.evidence, Literal(rel.evidence)))
    if rel.claimant is not None:
        graph.add((node, KG.claimant, _entity_node(rel.claimant, key_map)))
    if rel.date:
        graph.add((node, KG.date, date_literal(rel.date)))
    if rel.place is not None:
        graph.add((node, KG.place, _entity_node(rel.place, key_map)))
    if rel.quantity is not None:
        graph.add((node, KG.quantity, _quantity(graph, rel.quantity)))
    if rel.role:
        graph.add((node, KG.roleTitle, Literal(rel.role)))
    if rel.modality == "Asserted":
        # the direct triple, whatever the object: an entity, a quantity node or the text of what was said
        graph.add((subject, prop, obj))
    return node


def build_graph(extractions: list[DocExtraction], entities: dict[str, Entity], key_map: dict[str, str]) -> BuiltGraph:
    """The graph of a corpus from its extractions and resolved entities."""
    used: set[str] = set()
    docs = {}
    for ex in sorted(extractions, key=lambda e: e.document.doc_id):
        g = new_graph(document_graph_iri(ex.document.doc_id))
        add_document(g, ex, key_map)
        docs[ex.document.doc_id] = g
        for rel in ex.relations:
            for m in (rel.subject, rel.object, rel.claimant, rel.place):
                if isinstance(m, Mention):
                    used.add(key_map.get(m.key, m.key))
        for m in ex.mentions:
            if m.name:
                used.add(key_map.get(m.key, m.key))
    eg = new_graph(ENTITY_GRAPH)
    add_entities(eg, (entities[k] for k in sorted(used) if k in entities))
    return BuiltGraph(documents=docs, entities=eg)
