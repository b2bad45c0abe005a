"""The build's fast paths give what the general code gives: word lists against spaCy's Token attributes,
one-pass JSON-LD against rdflib's serializer, TriG from the named graphs against TriG from a dataset,
and a build that keeps its extractions in memory against one that reads them back from the cache."""

import json

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace
from rdflib.compare import isomorphic

import kg.build.run
from kg.build.run import assemble, build_corpus
from kg.graph import export
from kg.graph.export import serialize_jsonld, serialize_trig
from kg.graph.rdf import new_graph
from kg.graph.validate import validate_graph
from kg.nlp.syntax import Words
from tests.conftest import parse
from tests.graphs import extraction
from tests.test_streaming import corpus  # noqa: F401  (the fixture)

EX = Namespace("https://example.org/")


def test_word_lists_hold_what_the_tokens_hold():
    doc = parse([("Russian", 1, "amod", "ADJ", "JJ", "russian"), ("forces", 2, "nsubj", "NOUN", "NNS", "force"),
                 ("shelled", 2, "ROOT", "VERB", "VBD", "shell"), ("the", 4, "det", "DET", "DT", "the"),
                 ("city", 2, "dobj", "NOUN", "NN", "city"), (".", 2, "punct", "PUNCT", ".", ".")])
    w = Words(doc)
    assert w.text == [t.text for t in doc] == ["Russian", "forces", "shelled", "the", "city", "."]
    assert w.lower == [t.lower_ for t in doc]
    assert w.lemma == [t.lemma_ for t in doc] == ["russian", "force", "shell", "the", "city", "."]
    assert w.pos == [t.pos_ for t in doc] and w.tag == [t.tag_ for t in doc]
    assert w.head == [t.head.i for t in doc] == [1, 2, 2, 4, 2, 2]
    assert w.heads_of("the") == {4} and w.heads_of("shelled") == set()  # a root is no one's child
    assert w.doc_text() == doc.text == "Russian forces shelled the city."
    assert w.lookup(1, {"force": "unit"}) == ("force", "unit") and w.lookup(1, {}) == (None, None)


def test_word_lists_of_an_empty_document_are_empty():
    w = Words(parse([("x", 0, "ROOT", "X", "XX", "x")])[0:0].as_doc())
    assert w.text == w.lower == w.lemma == w.head == [] and w.doc_text() == ""


def _rdflib_jsonld(graph: Graph, monkeypatch) -> str:
    with monkeypatch.context() as m:
        m.setattr(export, "_jsonld_nodes", lambda g: None)
        return serialize_jsonld(graph)


def test_one_pass_jsonld_is_rdflibs_byte_for_byte(monkeypatch):
    g = new_graph()
    a, b = EX["a"], EX["b"]
    g.add((a, RDF.type, EX.Person))
    g.add((a, RDF.type, EX.Actor))
    g.add((a, EX.name, Literal("Anna")))
    g.add((a, EX.name, Literal("Ганна", lang="uk")))
    g.add((a, EX.knows, b))
    for value in (Literal(3), Literal(True), Literal(2.5), Literal("2.50", datatype=XSD.decimal),
                  Literal("2025-03-31", datatype=XSD.date), Literal("x", datatype=XSD.string),
                  Literal("-0", datatype=XSD.integer), Literal('a "quoted"\nline')):
        g.add((b, EX.value, value))
    fast = serialize_jsonld(g)
    assert export._jsonld_nodes(g) is not None
    assert fast == _rdflib_jsonld(g, monkeypatch)
    nodes = {n["@id"]: n for n in json.loads(fast)}
    assert sorted(nodes["https://example.org/a"]["@type"]) == [str(EX.Actor), str(EX.Person)]
    assert {"@type": str(XSD.integer), "@value": 3} in nodes["https://example.org/b"][str(EX.value)]
    assert isomorphic(Graph().parse(data=fast, format="json-ld"), g)


def test_jsonld_of_the_built_graph_is_rdflibs(monkeypatch):
    union = assemble([extraction()])[2].union()
    assert serialize_jsonld(union) == _rdflib_jsonld(union, monkeypatch)


def test_graphs_with_blank_nodes_go_through_rdflib():
    g = new_graph()
    node = BNode()
    g.add((EX.a, EX.has, node))
    g.add((node, EX.value, Literal(1)))
    assert export._jsonld_nodes(g) is None
    assert isomorphic(Graph().parse(data=serialize_jsonld(g), format="json-ld"), g)


def test_trig_of_the_named_graphs_is_the_trig_of_the_dataset():
    built = assemble([extraction()])[2]
    names = [str(g.identifier) for g in built.named_graphs()]
    assert names == sorted(names) and len(names) == 1 + len(built.documents)
    assert serialize_trig(built.named_graphs()) == serialize_trig(built.dataset())


def test_shapes_validate_the_context_free_graphs():
    union = assemble([extraction()])[2].union()
    assert validate_graph(union).conforms
    broken = new_graph()
    broken.addN((s, p, o, broken) for s, p, o in union if p != RDF.subject)
    assert not validate_graph(broken).conforms


def test_a_build_that_keeps_its_extractions_equals_one_that_reads_the_cache(tmp_path, corpus, monkeypatch):
    kept = build_corpus(corpus, tmp_path / "kept", views=False)
    monkeypatch.setattr(kg.build.run, "KEPT_EXTRACTION_WORDS", 0)
    cached = build_corpus(corpus, tmp_path / "cached", views=False)
    assert kept.statements == cached.statements > 0
    for name in ("graph.ttl", "graph.nt", "graph.trig", "graph.nq", "graph.jsonld"):
        assert (tmp_path / "kept" / name).read_bytes() == (tmp_path / "cached" / name).read_bytes(), name
