"""The RDF graph: entities, statements, direct triples, SHACL, and the exports."""

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal
from rdflib.namespace import PROV

from kg.build.run import assemble
from kg.extract.resolve import entity_iri
from kg.graph.export import GRAPH_FILES, render_exports, write_files
from kg.graph.rdf import document_iri
from kg.graph.validate import validate_graph
from kg.graph.vocab import KG
from kg.model import Content, Relation
from tests.graphs import extraction, mention


@pytest.fixture(scope="module")
def built():
    entities, key_map, graph = assemble([extraction()])
    return entities, key_map, graph, graph.union()


def test_surname_and_full_name_are_one_entity_with_one_label(built):
    entities, key_map, _, g = built
    putin = entity_iri(key_map["person:putin"])
    assert putin == entity_iri(key_map["person:vladimir-putin"])
    assert list(g.objects(putin, RDFS.label)) == [Literal("Vladimir Putin")]
    assert set(g.objects(putin, SKOS.altLabel)) == {Literal("Putin"), Literal("Russian President Vladimir Putin")}
    assert (putin, OWL.sameAs, pytest.importorskip("rdflib").URIRef("http://www.wikidata.org/entity/Q7747")) in g
    assert (putin, RDF.type, KG.Person) in g


def test_statements_carry_modality_provenance_and_qualifiers(built):
    _, key_map, _, g = built
    forces, kharkiv = entity_iri("forces:RU"), entity_iri("city:ua:kharkiv")
    [st] = list(g.subjects(RDF.predicate, KG.captures))
    assert (st, RDF.subject, forces) in g and (st, RDF.object, kharkiv) in g
    assert g.value(st, KG.modality) == KG.Planned
    assert g.value(st, KG.date) == Literal("2025-04", datatype=XSD.gYearMonth)
    q = g.value(st, KG.quantity)
    assert (g.value(q, KG.value), g.value(q, KG.unit)) == (Literal(700), Literal("km2"))
    sentence = g.value(st, PROV.wasDerivedFrom)
    assert g.value(sentence, KG.inDocument) == document_iri("a1")
    assert g.value(st, KG.fromDocument) == document_iri("a1")  # the same document, one step from the statement
    assert g.value(sentence, KG.text).startswith("Russian President")
    assert (g.value(sentence, KG.startOffset), g.value(sentence, KG.endOffset)) == (Literal(0), Literal(70))
    assert g.value(document_iri("a1"), KG.published) == Literal("2025-03-31", datatype=XSD.date)


def test_direct_triples_only_for_asserted_relations(built):
    _, _, _, g = built
    putin = entity_iri("person:vladimir-putin")
    assert (putin, KG.orders, entity_iri("forces:RU")) in g
    assert (putin, KG.leaderOf, entity_iri("country:RU")) in g
    assert not list(g.triples((None, KG.captures, None)))  # planned
    assert not list(g.triples((None, KG.attacks, None)))  # denied
    [denied] = list(g.subjects(RDF.predicate, KG.attacks))
    assert g.value(denied, KG.modality) == KG.Denied and g.value(denied, KG.claimant) == entity_iri("country:UA")


def test_asserted_text_and_quantity_objects_have_their_direct_triple(built):
    _, _, _, g = built
    ukraine = entity_iri("country:UA")
    assert list(g.objects(ukraine, KG.denies)) == [Literal("it attacked Belgorod")]
    [q] = list(g.objects(ukraine, KG.estimates))
    assert (q, RDF.type, KG.Quantity) in g
    assert (g.value(q, KG.value), g.value(q, KG.maxValue), g.value(q, KG.unit)) == (Literal(6), Literal(9), Literal("month"))
    # the planned capture's 700 km2 is a qualifier of its statement, not the object of a direct triple
    [capture] = list(g.subjects(RDF.predicate, KG.captures))
    area = g.value(capture, KG.quantity)
    assert set(g.subject_predicates(area)) == {(capture, KG.quantity)}


def test_a_literal_object_is_a_direct_triple_only_when_asserted():
    ex = extraction()
    ukraine = mention("Ukraine", "Country", "country:UA", "Ukraine", 71, "Q212")
    added = (Relation("a1", 1, ukraine, "demands", Content("an end to the shelling of border villages")),
             Relation("a1", 1, ukraine, "claims", Content("the depot was empty"), modality="Claimed", claimant=ukraine))
    g = assemble([replace(ex, relations=ex.relations + added)])[2].union()
    assert list(g.objects(entity_iri("country:UA"), KG.demands)) == [Literal("an end to the shelling of border villages")]
    assert not list(g.triples((None, KG.claims, None)))
    [claim] = list(g.subjects(RDF.predicate, KG.claims))
    assert g.value(claim, RDF.object) == Literal("the depot was empty")
    assert validate_graph(g).conforms


def test_range_quantity_and_text_objects(built):
    _, _, _, g = built
    [est] = list(g.subjects(RDF.predicate, KG.estimates))
    q = g.value(est, RDF.object)
    assert (g.value(q, KG.value), g.value(q, KG.maxValue), g.value(q, KG.unit)) == (Literal(6), Literal(9), Literal("month"))
    [denial] = list(g.subjects(RDF.predicate, KG.denies))
    assert g.value(denial, RDF.object) == Literal("it attacked Belgorod")


def test_graph_conforms_to_the_shapes_and_a_broken_one_does_not(built):
    _, _, _, g = built
    assert validate_graph(g).conforms
    broken = Graph()
    for t in g:
        broken.add(t)
    putin = entity_iri("person:vladimir-putin")
    broken.add((putin, RDFS.label, Literal("V. Putin")))  # two labels
    broken.add((putin, KG.captures, entity_iri("city:ua:kharkiv")))  # a bare triple with no asserted statement
    [st] = list(broken.subjects(RDF.predicate, KG.captures))
    broken.set((st, KG.fromDocument, document_iri("elsewhere")))  # not the document of its sentence
    broken.add((document_iri("elsewhere"), RDF.type, KG.Document))
    broken.remove((entity_iri("country:UA"), KG.denies, Literal("it attacked Belgorod")))  # an asserted statement's direct triple
    result = validate_graph(broken)
    assert not result.conforms
    assert "exactly one rdfs:label" in result.report_text
    assert "without an asserted statement" in result.report_text
    assert "kg:fromDocument is the document of its source sentence" in result.report_text
    assert "an asserted statement has its direct triple" in result.report_text


def test_exports_parse_in_pyoxigraph_and_agree(built, tmp_path):
    _, _, graph, g = built
    files = render_exports(graph)
    write_files(tmp_path, files)
    formats = {"graph.ttl": pyoxigraph.RdfFormat.TURTLE, "graph.nt": pyoxigraph.RdfFormat.N_TRIPLES,
               "graph.jsonld": pyoxigraph.RdfFormat.JSON_LD, "graph.trig": pyoxigraph.RdfFormat.TRIG,
               "graph.nq": pyoxigraph.RdfFormat.N_QUADS, "ontology.ttl": pyoxigraph.RdfFormat.TURTLE}
    counts = {}
    for name, fmt in formats.items():
        quads = list(pyoxigraph.parse(path=str(tmp_path / name), format=fmt))
        counts[name] = len({(q.subject, q.predicate, q.object) for q in quads})
    assert counts["graph.ttl"] == counts["graph.nt"] == counts["graph.jsonld"] == len(g)
    assert counts["graph.trig"] == counts["graph.nq"] == len(g)
    graphs = {q.graph_name.value for q in pyoxigraph.parse(path=str(tmp_path / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS)}
    assert "https://w3id.org/kg-conflict/id/graph/a1" in graphs


def test_exports_are_byte_identical_across_processes(tmp_path):
    script = ("import sys; sys.path.insert(0, %r)\n"
              "from tests.graphs import extraction\n"
              "from kg.build.run import assemble\n"
              "from kg.graph.export import render_exports, write_files\n"
              "write_files(sys.argv[1], render_exports(assemble([extraction()])[2]))\n") % str(Path(__file__).parent.parent)
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        subprocess.run([sys.executable, "-c", script, str(out)], check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        outs.append(out)
    for name in GRAPH_FILES:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_a_failed_export_leaves_previous_files_intact(tmp_path):
    write_files(tmp_path, {"graph.ttl": "old\n", "graph.nt": "old\n"})

    with pytest.raises(TypeError):
        write_files(tmp_path, {"graph.ttl": "new\n", "graph.nt": object()})
    assert (tmp_path / "graph.ttl").read_text() == "old\n" and (tmp_path / "graph.nt").read_text() == "old\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".kg-stage")]
