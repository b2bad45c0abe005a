"""The entity graph (kg.graph.analysis) and the HTML views (kg.views.render), without a browser."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from markupsafe import escape
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import PROV
from typer.testing import CliRunner

from kg.build.run import assemble
from kg.cli import app
from kg.extract.resolve import entity_iri
from kg.graph.analysis import centrality, graphml_text, rank_nodes, read_statements, to_networkx
from kg.graph.export import write_files
from kg.graph.rdf import new_graph
from kg.graph.vocab import KG, RESOURCE
from kg.model import Content, DocExtraction, Document, Mention, Relation, Sentence
from kg.views import render as views
from kg.views.render import MAX_GRAPH_NODES, MODALITY_STYLES, page_slugs, render_views, script_json
from tests.graphs import extraction

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'

PUTIN, RUSSIA, UKRAINE = (str(entity_iri(k)) for k in ("person:vladimir-putin", "country:RU", "country:UA"))
FORCES, KHARKIV, BELGOROD = (str(entity_iri(k)) for k in ("forces:RU", "city:ua:kharkiv", "region:RU-BEL"))


def sample_graph() -> Graph:
    return assemble([extraction()])[2].union()


def _meeting_document(doc_id: str, published: str, lines: list[tuple[str, str, str, str | None]]) -> DocExtraction:
    """An invented article: one sentence per line, each 'Ana Lind <verb> Tomas Reyes ...' or 'Tomas Reyes leads
    the Harbour Council.'; a line is (sentence, property, modality, date)."""
    text, sentences, mentions, relations = "", [], [], []
    for i, (sentence, prop, modality, date) in enumerate(lines):
        start = len(text)
        text += sentence + " "

        def mention(surface, type_, key, name):
            at = start + sentence.index(surface)
            return Mention(doc_id=doc_id, start=at, end=at + len(surface), surface=surface, type=type_, key=key,
                           name=name)

        if prop == "leaderOf":
            subject = mention("Tomas Reyes", "Person", "person:tomas-reyes", "Tomas Reyes")
            obj = mention("Harbour Council", "Organization", "org:harbour-council", "Harbour Council")
        else:
            subject = mention("Ana Lind", "Person", "person:ana-lind", "Ana Lind")
            obj = mention("Tomas Reyes", "Person", "person:tomas-reyes", "Tomas Reyes")
        sentences.append(Sentence(doc_id, i, start, start + len(sentence), sentence))
        mentions += [subject, obj]
        relations.append(Relation(doc_id, i, subject, prop, obj, modality=modality, date=date,
                                  evidence=sentence.split(" ")[2]))
    doc = Document(doc_id=doc_id, file_name=f"{doc_id}.txt", text=text, checksum=doc_id, date=published,
                   title=f"Talks {doc_id}", source="Wire")
    return DocExtraction(document=doc, sentences=tuple(sentences), mentions=tuple(mentions),
                         relations=tuple(relations), words=len(text.split()))


def meetings_graph() -> Graph:
    """Ana Lind meets Tomas Reyes in four statements of two articles (two asserted, one planned, one negated),
    and an undated statement that Tomas Reyes leads the Harbour Council."""
    return assemble([
        _meeting_document("m1", "2025-05-02", [
            ("Ana Lind met Tomas Reyes in Port Elm on 1 May.", "meets", "Asserted", "2025-05-01"),
            ("Ana Lind will meet Tomas Reyes in June.", "meets", "Planned", "2025-06"),
            ("Tomas Reyes leads the Harbour Council.", "leaderOf", "Asserted", None)]),
        _meeting_document("m2", "2025-05-09", [
            ("Ana Lind met Tomas Reyes again on 5 May.", "meets", "Asserted", "2025-05-05"),
            ("Ana Lind did not meet Tomas Reyes in April.", "meets", "Negated", "2025-04")]),
    ])[2].union()


def malicious_extraction() -> DocExtraction:
    """An article whose names, title and sentence are markup that runs script if a page renders it as HTML."""
    text = f"{SCRIPT} said his men attacked {IMG} Town. {SCRIPT} claimed {IMG}{SCRIPT}."

    def mention(surface, type_, key, start):
        return Mention(doc_id="x1", start=start, end=start + len(surface), surface=surface, type=type_, key=key,
                       name=surface)

    boss = mention(SCRIPT, "Person", "person:evil", 0)
    town = mention(f"{IMG} Town", "City", "city:evil", 58)
    sentences = (Sentence("x1", 0, 0, 99, text[:99]), Sentence("x1", 1, 100, len(text), text[100:]))
    doc = Document(doc_id="x1", file_name="x1.txt", text=text, checksum="c", date="2025-01-01",
                   title=f"{SCRIPT}{IMG}", source="Wire")
    relations = (
        Relation("x1", 0, boss, "attacks", town, modality="Claimed", claimant=boss, evidence=f"attacked {IMG}"),
        Relation("x1", 1, boss, "claims", Content(f"{IMG}{SCRIPT}"), evidence=SCRIPT),
    )
    return DocExtraction(document=doc, sentences=sentences, mentions=(boss, town), relations=relations, words=9)


def malicious_graph() -> Graph:
    return assemble([malicious_extraction(), extraction()])[2].union()


def synthetic_graph(entities: int, every: int = 3) -> Graph:
    """A hub country with `entities - 1` cities; the hub attacks all but every `every`-th city."""
    g = new_graph()
    doc, sentence, hub = RESOURCE["document/d1"], RESOURCE["sentence/d1/0"], RESOURCE["entity/country/hub"]
    g.add((doc, RDF.type, KG.Document))
    g.add((doc, KG.documentId, Literal("d1")))
    g.add((sentence, RDF.type, KG.Sentence))
    g.add((sentence, KG.text, Literal("The hub attacked the cities.")))
    g.add((sentence, KG.inDocument, doc))
    g.add((hub, RDF.type, KG.Country))
    g.add((hub, RDFS.label, Literal("Hub")))
    for i in range(entities - 1):
        city = RESOURCE[f"entity/city/c{i:04d}"]
        g.add((city, RDF.type, KG.City))
        g.add((city, RDFS.label, Literal(f"City {i:04d}")))
        if i % every:
            st = RESOURCE[f"statement/d1/{i:04d}"]
            for p, o in ((RDF.type, KG.Statement), (RDF.subject, hub), (RDF.predicate, KG.attacks),
                         (RDF.object, city), (KG.modality, KG.Asserted), (PROV.wasDerivedFrom, sentence)):
                g.add((st, p, o))
    return g


_SYLLABLES = ("ka", "lor", "ven", "tis", "mar", "do", "rel", "su", "bran", "ith", "or", "gal", "pe", "nor", "vy")
_KINDS = (("person", KG.Person, ""), ("country", KG.Country, ""), ("city", KG.City, ""),
          ("region", KG.Region, " Province"), ("org", KG.Organization, " Council"),
          ("forces", KG.MilitaryUnit, " Brigade"))
_PROPERTIES = (KG.attacks, KG.meets, KG.supports, KG.leaderOf, KG.locatedIn, KG.captures)
_MODALITIES = (KG.Asserted, KG.Asserted, KG.Asserted, KG.Claimed, KG.Planned, KG.Negated)


def random_graph(entities: int, statements: int, seed: int = 11) -> Graph:
    """An invented graph of `entities` entities with made-up names of varied length and `statements` statements,
    most about a few hubs (subjects and objects drawn in proportion to the statements they already have)."""
    rng = random.Random(seed)
    g = new_graph()
    doc = RESOURCE["document/r1"]
    g.add((doc, RDF.type, KG.Document))
    g.add((doc, KG.documentId, Literal("r1")))
    nodes = []
    for i in range(entities):
        kind, cls, suffix = _KINDS[i % len(_KINDS)]
        words = [("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))).title()
                 for _ in range(rng.randint(1, 2))]
        node = RESOURCE[f"entity/{kind}/e{i:04d}"]
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(" ".join(words) + suffix)))
        nodes.append(node)
    ends = list(nodes)  # each entity once, and once more for each statement it is in
    for i in range(statements):
        subject, obj = rng.choice(ends), rng.choice(ends)
        if subject == obj:
            continue
        sentence, st = RESOURCE[f"sentence/r1/{i}"], RESOURCE[f"statement/r1/{i:04d}"]
        g.add((sentence, RDF.type, KG.Sentence))
        g.add((sentence, KG.text, Literal(f"Sentence {i} of the invented article.")))
        g.add((sentence, KG.inDocument, doc))
        for p, o in ((RDF.type, KG.Statement), (RDF.subject, subject), (RDF.predicate, rng.choice(_PROPERTIES)),
                     (RDF.object, obj), (KG.modality, rng.choice(_MODALITIES)), (PROV.wasDerivedFrom, sentence)):
            g.add((st, p, o))
        ends += [subject, obj]
    return g


def page_data(text: str) -> dict:
    """The JSON data block of a graph page."""
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def graph() -> Graph:
    return sample_graph()


@pytest.fixture(scope="module")
def files(graph) -> dict:
    return render_views(graph)


# --- the networkx graph ------------------------------------------------------

ENTITIES_QUERY = """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a ?t . VALUES ?t { kg:Person kg:Country kg:Region kg:City kg:Organization kg:MilitaryUnit kg:Weapon
                        kg:Agreement kg:Event kg:Place kg:Actor kg:Entity } }"""
BETWEEN_QUERY = """SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a kg:Statement ; rdf:subject ?a ; rdf:object ?b . ?a a ?ta . ?b a ?tb .
  FILTER(?ta IN (kg:Person, kg:Country, kg:Region, kg:City, kg:Organization, kg:MilitaryUnit, kg:Weapon, kg:Agreement,
                 kg:Event, kg:Place, kg:Actor, kg:Entity))
  FILTER(?tb IN (kg:Person, kg:Country, kg:Region, kg:City, kg:Organization, kg:MilitaryUnit, kg:Weapon, kg:Agreement,
                 kg:Event, kg:Place, kg:Actor, kg:Entity)) }"""


def _count(graph: Graph, query: str) -> int:
    return int(next(iter(graph.query(query, initNs={"kg": KG._NS, "rdf": RDF})))[0])


def test_networkx_has_one_node_per_entity_and_one_edge_per_statement_between_entities(graph):
    g = to_networkx(graph)
    assert g.number_of_nodes() == _count(graph, ENTITIES_QUERY) == 6
    assert g.number_of_edges() == _count(graph, BETWEEN_QUERY) == 4
    assert sorted((g.nodes[u]["label"], d["property"], g.nodes[v]["label"], d["modality"])
                  for u, v, d in g.edges(data=True)) == [
        ("Russian Armed Forces", "captures", "Kharkiv", "Planned"),
        ("Ukraine", "attacks", "Belgorod Oblast", "Denied"),
        ("Vladimir Putin", "leaderOf", "Russia", "Asserted"),
        ("Vladimir Putin", "orders", "Russian Armed Forces", "Asserted"),
    ]


def test_edges_carry_the_statement_and_its_source(graph):
    g = to_networkx(graph)
    [(key, captures)] = [(k, d) for _, _, k, d in g.edges(FORCES, keys=True, data=True)]
    assert captures == {
        "statement": key, "property": "captures", "modality": "Planned", "date": "2025-04", "claimant": None,
        "claimant_label": None, "place": None, "place_label": None, "quantity": "700 km2", "role": None,
        "evidence": "to capture Kharkiv",
        "sentence": "Russian President Vladimir Putin ordered his troops to capture Kharkiv",
        "document": "a1", "document_title": "Orders", "published": "2025-03-31",
    }
    [denied] = [d for _, _, d in g.edges(UKRAINE, data=True)]
    assert (denied["claimant"], denied["claimant_label"]) == (UKRAINE, "Ukraine")
    assert g.nodes[PUTIN] == {"label": "Vladimir Putin", "type": "Person", "wikidata": "Q7747", "mentions": 2,
                                   "alt_labels": ("Putin", "Russian President Vladimir Putin")}


def test_statements_whose_object_is_text_or_a_quantity_are_read_but_not_edges(graph):
    kinds = sorted((s.property, s.object_kind, s.object_text) for s in read_statements(graph))
    assert kinds == [("attacks", "entity", "Belgorod Oblast"), ("captures", "entity", "Kharkiv"),
                     ("denies", "text", "it attacked Belgorod"), ("estimates", "quantity", "6–9 month"),
                     ("leaderOf", "entity", "Russia"), ("orders", "entity", "Russian Armed Forces")]


def test_centrality_is_pagerank_over_statements_and_ranks_ties_by_label(graph):
    g = to_networkx(graph)
    scores = centrality(g)
    assert sum(scores.values()) == pytest.approx(1.0, abs=1e-5)
    assert scores[FORCES] == scores[PUTIN] > scores[UKRAINE] == scores[BELGOROD]
    assert [g.nodes[n]["label"] for n in rank_nodes(g, scores)] == [
        "Russian Armed Forces", "Vladimir Putin", "Belgorod Oblast", "Ukraine", "Kharkiv", "Russia"]
    assert centrality(to_networkx(sample_graph())) == scores


def test_graphml_parses_back_with_scalar_attributes(graph, files):
    g = nx.read_graphml(io.BytesIO(files["graph.graphml"].encode("utf-8")), force_multigraph=True)
    assert (g.number_of_nodes(), g.number_of_edges()) == (6, 4)
    [captures] = [d for _, _, d in g.edges(FORCES, data=True)]
    assert (captures["modality"], captures["date"], captures["claimant"]) == ("Planned", "2025-04", "")
    assert g.nodes[PUTIN]["alt_labels"] == "Putin; Russian President Vladimir Putin"
    assert g.nodes[BELGOROD]["wikidata"] == ""
    assert g.nodes[PUTIN]["statements"] == 2
    assert files["graph.graphml"] == graphml_text(to_networkx(graph))


# --- the files ---------------------------------------------------------------


def test_render_gives_every_page_and_asset(files):
    slugs = ["city_ua_kharkiv", "country_ru", "country_ua", "forces_ru", "person_vladimir-putin", "region_ru-bel"]
    assert sorted(files) == sorted(
        ["graph.html", "index.html", "timeline.html", "graph.graphml", "views.json", "assets/kg-entities.js", "assets/kg-views.css",
         "assets/kg-views.js", "assets/vis-network.css", "assets/vis-network.min.js"]
        + [f"entities/{s}.html" for s in slugs])
    assert isinstance(files["assets/vis-network.min.js"], bytes)


def test_render_is_byte_identical_across_processes(graph, files, tmp_path):
    source = tmp_path / "graph.nt"
    source.write_text(graph.serialize(format="nt"), encoding="utf-8")
    script = ("import hashlib, sys; from rdflib import Graph; from kg.views.render import render_views; "
              "g = Graph(); g.parse(sys.argv[1], format='nt'); h = hashlib.sha256(); "
              "[h.update(k.encode() + (v if isinstance(v, bytes) else v.encode())) "
              "for k, v in sorted(render_views(g).items())]; print(h.hexdigest())")
    runs = [subprocess.Popen([sys.executable, "-c", script, str(source)], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}) for seed in ("1", "2")]
    digests = {run.communicate(timeout=120)[0] for run in runs}
    assert [run.returncode for run in runs] == [0, 0]
    expected = hashlib.sha256()
    for name, content in sorted(files.items()):
        expected.update(name.encode() + (content if isinstance(content, bytes) else content.encode()))
    assert digests == {expected.hexdigest() + "\n"}


def test_render_is_deterministic_whatever_the_triple_order(graph, files):
    lines = graph.serialize(format="nt").splitlines()
    random.Random(7).shuffle(lines)
    shuffled = Graph()
    shuffled.parse(data="\n".join(lines), format="nt")
    assert render_views(shuffled) == files
    assert render_views(sample_graph()) == files


def test_pages_load_scripts_and_styles_only_from_their_own_files(files):
    for name, content in files.items():
        if not name.endswith(".html"):
            continue
        refs = re.findall(r"<script[^>]*\ssrc=\"([^\"]*)\"", content) + re.findall(
            r"<link[^>]*\shref=\"([^\"]*)\"", content)
        assert refs, name
        for ref in refs:
            assert not re.match(r"^(https?:)?//", ref), (name, ref)
            target = (Path("/") / name).parent.joinpath(ref).resolve().relative_to("/").as_posix()
            assert target in files, (name, ref)
        assert "cdn" not in content.lower() and "@import" not in content
        assert 'http-equiv="Content-Security-Policy"' in content
    for asset in ("assets/vis-network.min.js", "assets/vis-network.css", "assets/kg-views.js", "assets/kg-views.css"):
        text = files[asset] if isinstance(files[asset], str) else files[asset].decode("utf-8")
        assert not re.search(r"(src|href)\s*=\s*[\"']https?:|url\([\"']?https?:|import\s*\(|importScripts", text)


def test_entity_page_lists_every_statement_about_the_entity(files):
    page = files["entities/country_ua.html"]
    rows = re.findall(r'<tr id="st-[0-9a-f]{12}" data-modality="(\w+)" data-property="(\w+)"', page)
    assert rows == [("Asserted", "denies"), ("Denied", "attacks"), ("Asserted", "estimates")]
    assert "<q>it attacked Belgorod</q>" in page and "6–9 month" in page
    assert "<mark>Ukraine denied</mark> that it attacked Belgorod." in page
    data = page_data(page)
    assert [e["kg"]["property"] for e in data["edges"]] == ["attacks"]
    assert [s["modality"] for s in data["edges"][0]["kg"]["statements"]] == ["Denied"]
    assert data["focus"] == "country_ua"
    assert sorted(n["id"] for n in data["nodes"]) == ["country_ua", "region_ru-bel"]


def test_whole_graph_draws_all_statements_between_entities_with_modality_styles(files):
    data = page_data(files["graph.html"])
    assert len(data["nodes"]) == 6 and len(data["edges"]) == 4
    edges = {e["kg"]["property"]: e for e in data["edges"]}
    assert edges["captures"]["dashes"] == [4, 4] and edges["captures"]["label"] == "captures"
    assert edges["orders"]["dashes"] is False
    assert edges["attacks"]["arrows"]["to"]["type"] == "bar"
    assert edges["leaderOf"]["label"] == "leader of"
    [captures] = edges["captures"]["kg"]["statements"]
    assert captures["sentence"] == "Russian President Vladimir Putin ordered his troops to capture Kharkiv"
    assert edges["attacks"]["kg"]["statements"][0]["claimant"] == "Ukraine"
    assert edges["captures"]["id"] == "forces_ru|captures|city_ua_kharkiv"
    assert not any("title" in item for item in data["nodes"] + data["edges"])  # tooltips are built as DOM text
    styles = list(MODALITY_STYLES.values())
    assert len({s.color for s in styles}) == len({(s.dashes, s.arrow) for s in styles}) == len(styles)
    assert [s.dashes for s in styles].count(()) == 1
    physics = data["options"]["physics"]
    assert physics["stabilization"]["enabled"] and physics["stabilization"]["iterations"] > 0
    assert data["options"]["layout"]["randomSeed"] == views.LAYOUT_SEED


def test_repeated_statements_of_a_relation_are_one_edge_with_their_count_and_every_statement():
    data = page_data(render_views(meetings_graph())["graph.html"])
    assert [(e["id"], e["label"], e["width"]) for e in data["edges"]] == [
        ("person_ana-lind|meets|person_tomas-reyes", "meets ×4", views.edge_width(4)),
        ("person_tomas-reyes|leaderOf|org_harbour-council", "leader of", views.EDGE_WIDTH)]
    meets = data["edges"][0]
    assert views.edge_width(4) == 3 * views.EDGE_WIDTH
    assert [(s["modality"], s["date"], s["document"], s["sentence"]) for s in meets["kg"]["statements"]] == [
        ("Asserted", "2025-05-01", "m1", "Ana Lind met Tomas Reyes in Port Elm on 1 May."),
        ("Planned", "2025-06", "m1", "Ana Lind will meet Tomas Reyes in June."),
        ("Asserted", "2025-05-05", "m2", "Ana Lind met Tomas Reyes again on 5 May."),
        ("Negated", "2025-04", "m2", "Ana Lind did not meet Tomas Reyes in April.")]
    assert meets["dashes"] is False and meets["color"]["color"] == MODALITY_STYLES["Asserted"].color
    assert meets["smooth"] == {"enabled": False}  # no parallel curves for repeated statements


def test_an_edge_is_drawn_in_the_style_of_the_modality_most_of_its_statements_have():
    def st(modality):
        return views.StatementRecord("s", "a", "A", "meets", "b", "B", "entity", modality)

    assert views._dominant_modality([st("Negated"), st("Planned"), st("Planned")]) == "Planned"
    assert views._dominant_modality([st("Negated"), st("Planned")]) == "Planned"  # legend order breaks ties
    assert views._dominant_modality([st("Denied"), st("Asserted")]) == "Asserted"


TIMELINE_ROW = re.compile(
    r'<tr id="(st-[0-9a-f]{12})" data-modality="(\w+)" data-property="(\w+)" data-document="(\w+)" '
    r'data-entities="([^"]*)">\s*<td class="kg-date">([^<]*)</td>.*?<a class="kg-source-link" href="([^"]+)"'
    r'.*?<a href="(index.html#[^"]+)"', re.S)


def test_timeline_lists_dated_statements_by_date_and_undated_ones_apart():
    out = render_views(meetings_graph())
    page = out["timeline.html"]
    dated, undated = page.split("<h2>Undated statements</h2>")
    assert re.findall(r'<tr class="kg-period"><th colspan="7" scope="rowgroup">([^<]+)</th></tr>', dated) == [
        "April 2025", "May 2025", "June 2025"]
    rows = TIMELINE_ROW.findall(dated)
    assert [(r[1], r[2], r[3], r[4], r[5]) for r in rows] == [
        ("Negated", "meets", "m2", "person_ana-lind person_tomas-reyes", "2025-04"),
        ("Asserted", "meets", "m1", "person_ana-lind person_tomas-reyes", "2025-05-01"),
        ("Asserted", "meets", "m2", "person_ana-lind person_tomas-reyes", "2025-05-05"),
        ("Planned", "meets", "m1", "person_ana-lind person_tomas-reyes", "2025-06")]
    assert re.findall(r'<tr class="kg-period"><th colspan="7" scope="rowgroup">([^<]+)</th></tr>', undated) == [
        "Published in May 2025"]
    [leads] = TIMELINE_ROW.findall(undated)
    assert leads[1:6] == ("Asserted", "leaderOf", "m1", "org_harbour-council person_tomas-reyes", "")
    assert "4 dated statements by the date they give, from April 2025 to June 2025; 1 undated statements" in page
    for anchor, *_, source, document in rows + [leads]:
        # each sentence links to the statement's row on its subject's page, each document to its row in the index
        target, _, fragment = source.partition("#")
        assert fragment == anchor and f'<tr id="{anchor}"' in out[target]
        assert f'<tr id="{document.partition("#")[2]}">' in out["index.html"]
    assert rows[0][6] == f"entities/person_ana-lind.html#{rows[0][0]}"
    assert re.findall(r'<option value="([^"]*)">', page) == [
        "", "person_ana-lind", "org_harbour-council", "person_tomas-reyes",  # entities
        "", "leaderOf", "meets",  # relations
        "", "m1", "m2"]  # documents
    assert re.findall(r'<input type="checkbox" value="(\w+)" checked>', page) == ["Asserted", "Planned", "Negated"]
    assert out["entities/person_ana-lind.html"].count('<a href="../timeline.html#entity=person_ana-lind">') == 1


def test_index_lists_entities_with_statement_counts_and_links(files):
    page = files["index.html"]
    rows = re.findall(r'<a href="entities/([^"]+)\.html">([^<]+)</a></td>\s*<td>[^<]*</td>\s*<td>[^<]*</td>\s*'
                      r'<td class="kg-num">(\d+)</td>', page)
    assert rows == [("country_ua", "Ukraine", "3"), ("forces_ru", "Russian Armed Forces", "2"),
                    ("person_vladimir-putin", "Vladimir Putin", "2"), ("region_ru-bel", "Belgorod Oblast", "1"),
                    ("city_ua_kharkiv", "Kharkiv", "1"), ("country_ru", "Russia", "1")]
    assert '<a href="graph.html">' in page


def test_markup_in_the_corpus_is_escaped_everywhere():
    out = render_views(malicious_graph())
    texts = {k: v for k, v in out.items() if k.endswith((".html", ".js")) and isinstance(v, str)}
    assert len(texts) == 3 + 8 + 1  # graph, index and timeline, eight entity pages, the entity list
    for name, text in texts.items():
        assert "window.__pwned=1</script>" not in text and "<img" not in text, name
    index = texts["index.html"]
    assert str(escape(SCRIPT)) in index and str(escape(f"{IMG} Town")) in index
    page = texts["entities/person_evil.html"]
    assert "<mark>attacked &lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;</mark>" in page
    data = page_data(page)
    assert data["edges"][0]["kg"]["subject"] == SCRIPT
    assert data["edges"][0]["kg"]["statements"][0]["documentTitle"] == SCRIPT + IMG
    assert "\\u003cscript\\u003e" in page
    assert "\\u003cscript\\u003e" in texts["assets/kg-entities.js"]


def test_page_script_writes_text_never_markup(files):
    script = files["assets/kg-views.js"].decode("utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function", script)
    assert "textContent" in script


def test_script_json_cannot_close_its_script_element():
    text = script_json({"a": "</script><!-- & \u2028"})
    assert str(text) == '{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}'
    assert json.loads(str(text)) == {"a": "</script><!-- & \u2028"}


def test_large_graph_draws_the_most_central_entities_and_says_how_many_are_hidden():
    out = render_views(synthetic_graph(MAX_GRAPH_NODES + 20, every=1000))
    page = out["graph.html"]
    data = page_data(page)
    assert len(data["nodes"]) == MAX_GRAPH_NODES
    drawn = {n["id"] for n in data["nodes"]}
    assert "country_hub" in drawn and "city_c0000" not in drawn  # the one city in no statement is not drawn
    assert len(data["edges"]) == MAX_GRAPH_NODES - 1
    assert ('<p class="kg-note" id="kg-note">This graph has 319 entities in statements with one another: it shows '
            'the 300 most central. 19 entities and 19 statements are hidden; find them with the search box or in '
            'the index. 1 entity is in no statement with another entity and not drawn; find it with the search box '
            'or in the index.</p>') in page
    assert len(re.findall(r'<tr data-search=', out["index.html"])) == 320
    assert sum(1 for k in out if k.startswith("entities/")) == 320
    hub = out["entities/country_hub.html"]
    assert len(page_data(hub)["nodes"]) == views.MAX_NEIGHBOURS + 1
    assert "Hub has 318 neighbours: the graph shows the 150 most central. 168 neighbours and 168 statements" in hub
    assert len(re.findall(r"<tr id=\"st-[0-9a-f]{12}\" data-modality=", hub)) == 318


def test_entities_in_no_statement_with_another_are_not_drawn():
    page = render_views(synthetic_graph(10))["graph.html"]  # the hub attacks 6 of its 9 cities
    assert sorted(n["id"] for n in page_data(page)["nodes"]) == ["city_c0001", "city_c0002", "city_c0004",
                                                                 "city_c0005", "city_c0007", "city_c0008",
                                                                 "country_hub"]
    assert ("3 entities are in no statement with another entity and not drawn; find them with the search box or "
            "in the index.") in page


def test_small_graph_has_no_note(files):
    assert "kg-note" not in files["graph.html"].replace(".kg-note", "")


def test_large_graph_note_counts_hidden_statements(monkeypatch):
    monkeypatch.setattr(views, "MAX_GRAPH_NODES", 3)
    page = render_views(sample_graph())["graph.html"]
    data = page_data(page)
    assert sorted(n["label"] for n in data["nodes"]) == ["Belgorod Oblast", "Russian Armed Forces", "Vladimir Putin"]
    assert [e["kg"]["property"] for e in data["edges"]] == ["orders"]
    assert ("This graph has 6 entities in statements with one another: it shows the 3 most central. 3 entities "
            "and 3 statements are hidden") in page


def test_page_names_are_unique_and_stable():
    from kg.graph.analysis import EntityRecord

    a, b, c = "urn:x:1", "urn:x:2", str(RESOURCE["entity/city/ua/kyiv"])
    slugs = page_slugs({a: EntityRecord(a, "Same Name", "City"), b: EntityRecord(b, "Same Name", "City"),
                        c: EntityRecord(c, "Kyiv", "City")})
    assert slugs[c] == "city_ua_kyiv"
    assert re.fullmatch(r"same-name-[0-9a-f]{8}", slugs[a]) and slugs[a] != slugs[b]
    assert page_slugs({a: EntityRecord(a, "Same Name", "City")})[a] == slugs[a]


# --- kg view -----------------------------------------------------------------


@pytest.fixture(scope="module")
def exports(tmp_path_factory, files) -> Path:
    out = tmp_path_factory.mktemp("exports")
    write_files(out, files)
    return out


@pytest.mark.parametrize("name, page", [
    ("Vladimir Putin", "person_vladimir-putin"),
    ("vladimir putin", "person_vladimir-putin"),
    ("PUTIN", "person_vladimir-putin"),
    ("russian president vladimir putin", "person_vladimir-putin"),
    ("region_ru-bel", "region_ru-bel"),
    (KHARKIV, "city_ua_kharkiv"),
])
def test_view_prints_the_page_of_an_entity(exports, name, page):
    result = CliRunner().invoke(app, ["view", name, "--exports", str(exports)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{exports / 'entities' / (page + '.html')}\n"


def test_view_opens_the_page_with_open(exports, monkeypatch):
    opened = []
    monkeypatch.setattr(views.webbrowser, "open", lambda url: opened.append(url) or True)
    result = CliRunner().invoke(app, ["view", "Kharkiv", "--exports", str(exports), "--open"])
    assert result.exit_code == 0
    assert opened == [(exports / "entities" / "city_ua_kharkiv.html").resolve().as_uri()]


def test_view_of_an_unknown_entity_is_a_one_line_error(exports):
    result = CliRunner().invoke(app, ["view", "Atlantis", "--exports", str(exports)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"error: no entity named 'Atlantis' in {exports} (see {exports / 'index.html'})\n"


def test_view_without_views_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(app, ["view", "Kharkiv", "--exports", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == f"error: no views in {tmp_path} (run `kg build` first, or pass --exports)\n"


def test_view_of_an_ambiguous_name_lists_the_page_names(tmp_path):
    g = sample_graph()
    g.add((RESOURCE["entity/city/ru/kharkiv"], RDF.type, KG.City))
    g.add((RESOURCE["entity/city/ru/kharkiv"], RDFS.label, Literal("Kharkiv")))
    write_files(tmp_path, render_views(g))
    result = CliRunner().invoke(app, ["view", "kharkiv", "--exports", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == ("error: 'kharkiv' names 2 entities; give one of: city_ru_kharkiv (Kharkiv, City), "
                             "city_ua_kharkiv (Kharkiv, City)\n")
    assert CliRunner().invoke(app, ["view", "city_ru_kharkiv", "--exports", str(tmp_path)]).exit_code == 0
