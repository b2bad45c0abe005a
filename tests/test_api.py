"""The notebook API (`kg.analyze`): texts or a folder in, the graph, statements, networkx, queries and exports
out (invented texts, the shipped pipeline)."""

from __future__ import annotations

import json

import pytest
from rdflib import Literal, URIRef

import kg
from kg.errors import CorpusError
from kg.graph.vocab import KG, RESOURCE

TEXTS = [
    "Chad accused Sudan of shelling the border town of Adre on Monday.",
    {"id": "fr", "title": "Troops", "date": "2024-05-02",
     "text": "France will withdraw its troops from Niger next month, the ministry said."},
    ("Talks", "Peru and Chile signed a trade agreement in Lima on Tuesday."),
]
TD, SD, FR, NE = (RESOURCE[f"entity/country/{c}"] for c in ("td", "sd", "fr", "ne"))


@pytest.fixture(scope="module")
def result():
    with kg.analyze(TEXTS, views=False) as res:
        yield res


def test_the_statements_are_records_with_labels(result):
    assert {(s.subject, s.property, s.object, s.modality, s.claimant, s.document, s.published)
            for s in result.statements} == {
        ("Chad", "accuses", "Sudan", "Asserted", None, "text-1", None),
        ("Sudan", "strikes", "Adre", "Claimed", "Chad", "text-1", None),
        ("France", "withdrawsFrom", "Niger", "Planned", None, "fr", "2024-05-02"),
        ("Peru", "agreesTo", "trade agreement", "Asserted", None, "text-3", None),
        ("Chile", "agreesTo", "trade agreement", "Asserted", None, "text-3", None)}
    [withdraw] = [s for s in result.statements if s.property == "withdrawsFrom"]
    assert withdraw.sentence == "France will withdraw its troops from Niger next month, the ministry said."
    assert (withdraw.subject_iri, withdraw.object_iri) == (str(FR), str(NE))
    assert withdraw._asdict()["modality"] == "Planned"  # records go into a DataFrame as they are


def test_the_graph_has_the_direct_triples_of_asserted_statements_only(result):
    g = result.graph
    assert (TD, KG.accuses, SD) in g
    assert (FR, KG.withdrawsFrom, NE) not in g  # planned: a statement node only
    assert (RESOURCE["document/fr"], KG.title, Literal("Troops")) in g
    assert (RESOURCE["document/text-3"], KG.title, Literal("Talks")) in g
    assert result.validate().conforms
    assert result.documents == 3


def test_networkx_has_one_edge_per_statement_between_entities(result):
    g = result.networkx()
    assert g.nodes[str(FR)]["label"] == "France" and g.nodes[str(FR)]["type"] == "Country"
    edges = {(g.nodes[u]["label"], d["property"], g.nodes[v]["label"], d["modality"])
             for u, v, d in g.edges(data=True)}
    assert ("France", "withdrawsFrom", "Niger", "Planned") in edges and ("Chad", "accuses", "Sudan", "Asserted") in edges
    assert ("Sudan", "strikes", "Adre", "Claimed") in edges  # the town named after its settlement noun is a node


def test_saved_queries_and_sparql_with_bindings(result):
    rows = result.query("claims_and_disputes")
    assert [(r["subject"], r["property"], r["claimedBy"], r["document"]) for r in rows] == [
        ("Sudan", "strikes", "Chad", "text-1")]
    rows = result.query("SELECT ?o WHERE { ?s rdfs:label ?name . ?s kg:withdrawsFrom|^kg:accuses ?o }", name="Chad")
    assert rows == []  # the direct triples of asserted statements only: Chad accuses, nobody accuses Chad
    rows = result.query("SELECT ?o WHERE { ?s rdfs:label ?name ; kg:accuses ?o }", name="Chad")
    assert rows == [{"o": str(SD)}]
    assert result.query("ASK { ?s kg:withdrawsFrom ?o }") is False
    assert result.query("SELECT ?d WHERE { ?doc kg:published ?d }")[0]["d"].isoformat() == "2024-05-02"


def test_export_writes_the_same_files_as_the_build(result, tmp_path):
    written = result.export(tmp_path / "out")
    names = sorted(p.name for p in written)
    assert names == ["graph.jsonld", "graph.nq", "graph.nt", "graph.trig", "graph.ttl", "ontology.ttl", "shapes.ttl"]
    assert (tmp_path / "out" / "graph.nt").read_bytes() == (result.folder / "graph.nt").read_bytes()


def test_a_folder_is_built_like_kg_build_and_its_temporary_exports_are_removed(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notes.md").write_text("# Chad and Sudan\n\nChad accused Sudan of shelling the border town of Adre "
                                     "on *Monday*.\n", encoding="utf-8")
    (corpus / "feed.jsonl").write_text(json.dumps({"body": "France will withdraw its troops from Niger next month.",
                                                   "when": "2024-05-02"}) + "\n", encoding="utf-8")
    res = kg.analyze(str(corpus), views=False, fields={"text": "body", "date": "when"})
    folder = res.folder
    assert {(s.subject, s.property, s.object, s.modality, s.document) for s in res.statements} >= {
        ("Chad", "accuses", "Sudan", "Asserted", "notes"), ("France", "withdrawsFrom", "Niger", "Planned", "feed-1")}
    assert (URIRef(RESOURCE["document/notes"]), KG.title, Literal("Chad and Sudan")) in res.graph
    res.close()
    assert not folder.exists()


def test_bad_input_is_a_one_line_error():
    with pytest.raises(CorpusError, match="give texts as a list"):
        kg.analyze("Chad accused Sudan of shelling the border town.")
    with pytest.raises(CorpusError, match="none of the texts given is a usable English article"):
        kg.analyze(["", "   "])


def test_the_readme_shows_the_api_and_stays_short():
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_bytes()
    assert len(readme) < 12 * 1024
    assert b"kg.analyze(" in readme and b"docs/API.md" in readme and b"docs/INPUTS.md" in readme
