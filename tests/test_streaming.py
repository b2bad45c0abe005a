"""The bounded-memory build: on-disk sorting, streamed N-Triples/N-Quads equal to the in-memory
serialisation, the size cut-off for the sorted formats, and updates that match a full rebuild."""

import random
import re

import pyoxigraph
import pytest
import spacy

from kg.build.cache import ExtractionCache, fingerprint
from kg.build.run import _pipeline_meta, assemble, build_corpus
from kg.graph.export import render_exports
from kg.graph.lines import LineSorter
from kg.inputs.corpus import read_corpus
from kg.nlp.language import model_name

TEXTS = [
    "Russian forces attacked the city of Kharkiv on Monday, officials said. The strikes hit a power plant.\n",
    "Vladimir Putin met Recep Tayyip Erdogan in Istanbul. Putin said Russia would not withdraw.\n",
    "NATO and the European Union discussed support for Ukraine in Brussels on 3 March 2025.\n",
    "Joe Biden spoke with Volodymyr Zelensky about Crimea and Kherson. Zelensky warned of new attacks.\n",
    "Ukraine denied that it attacked Belgorod. Russia claimed 700 square kilometers in December.\n",
]


@pytest.fixture(scope="module")
def blank_model(tmp_path_factory):
    path = tmp_path_factory.mktemp("blank") / "pipeline"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(path)
    return str(path)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"doc{i}.txt").write_text(text, encoding="utf-8")
    return folder


def _cached_extractions(out, corpus, model):
    cache = ExtractionCache(out, fingerprint(model_name(model), _pipeline_meta(model)))
    return [cache.get(doc) for doc in read_corpus(corpus)]


def test_line_sorter_spills_and_merges_like_an_in_memory_sort(tmp_path):
    rng = random.Random(7)
    values = ["a", "b", "é", "x\ty", ""]  # a tab sorts before the newline that ends a line on disk
    lines = [f'<s{rng.randrange(500)}> <p> "{rng.choice(values)}" .' for _ in range(3000)]
    sorter = LineSorter(tmp_path, chunk_lines=100)
    sorter.extend(lines)
    assert len(list(tmp_path.glob("run-*"))) > 5  # it spilled
    out = tmp_path / "out.nt"
    assert sorter.write(out) == len(set(lines))
    assert out.read_text(encoding="utf-8") == "\n".join(sorted(set(lines))) + "\n"
    assert not list(tmp_path.glob("run-*"))


def test_streamed_exports_equal_the_in_memory_graph(tmp_path, corpus, blank_model):
    out = tmp_path / "out"
    result = build_corpus(corpus, out, model=blank_model, views=False)
    extractions = _cached_extractions(out, corpus, blank_model)
    expected = render_exports(assemble(extractions)[2])
    for name, content in expected.items():
        assert (out / name).read_text(encoding="utf-8") == content, name
    assert result.triples == len(expected["graph.nt"].splitlines())
    assert result.documents == len(TEXTS) and result.statements == sum(len(ex.relations) for ex in extractions)


def test_big_graphs_get_only_the_line_formats_in_bounded_memory(tmp_path, corpus, blank_model, caplog):
    small, big = tmp_path / "small", tmp_path / "big"
    build_corpus(corpus, small, model=blank_model, views=True)
    (big / "entities").mkdir(parents=True)
    (big / "graph.ttl").write_text("from an earlier, smaller build\n", encoding="utf-8")
    (big / "entities" / "old.html").write_text("old\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="kg"):
        result = build_corpus(corpus, big, model=blank_model, views=True, max_graph_triples=10)
    assert result.graph is None
    assert "graph.nt and graph.nq hold the whole graph" in caplog.text
    for name in ("graph.nt", "graph.nq", "ontology.ttl"):
        assert (big / name).read_bytes() == (small / name).read_bytes(), name
    for name in ("graph.ttl", "graph.trig", "graph.jsonld", "entities/old.html"):
        assert not (big / name).exists(), name
    # the views show the most mentioned entities and the statements between them, and say so
    note = ("The graph has 83 triples, more than the 10 the views are made for (--max-graph-triples): they show "
            "all its 14 entities and the 0 statements between two of them. graph.nt and graph.nq hold the whole graph.")
    for name in ("graph.html", "index.html"):
        assert note in (big / name).read_text(encoding="utf-8"), name
    # the streamed N-Quads parse to the same dataset as the in-memory build's TriG
    quads = set(pyoxigraph.parse(path=str(big / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS))
    trig = set(pyoxigraph.parse(path=str(small / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG))
    assert quads == trig and len(quads) > 50


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".kg-cache" not in p.parts}


def test_a_build_over_the_limit_leaves_no_file_of_the_previous_build(tmp_path, corpus, blank_model):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    build_corpus(corpus, out, model=blank_model, views=True)
    first = _files(out)
    assert {"graph.ttl", "graph.trig", "graph.jsonld", "graph.html", "index.html", "graph.graphml",
            "views.json"} <= set(first)
    (corpus / "doc0.txt").unlink()  # the second graph has other entities and statements
    build_corpus(corpus, out, model=blank_model, views=True, max_graph_triples=10)
    build_corpus(corpus, fresh, model=blank_model, views=True, max_graph_triples=10)
    second = _files(out)
    assert second == _files(fresh)  # every file of the folder, and only those, as a build into an empty folder
    assert "graph.ttl" not in second and "graph.html" in second and second["graph.html"] != first["graph.html"]
    gone = sorted(set(first) - set(second))
    assert "entities/city_ua_kharkiv.html" in gone
    links = {m for name in ("index.html", "graph.html") for m in re.findall(r'entities/[^"]+\.html',
                                                                              second[name].decode("utf-8"))}
    assert links and all(link in second for link in links)  # the views link only to pages of this build


def test_update_of_a_streamed_build_matches_a_full_rebuild(tmp_path, corpus, blank_model):
    inc, full = tmp_path / "inc", tmp_path / "full"
    build_corpus(corpus, inc, model=blank_model, views=False)
    (corpus / "doc1.txt").write_text(TEXTS[1].replace("Istanbul", "Ankara"), encoding="utf-8")
    (corpus / "doc2.txt").unlink()
    (corpus / "doc9.txt").write_text("Olaf Scholz visited Kyiv and met Volodymyr Zelensky.\n", encoding="utf-8")
    result = build_corpus(corpus, inc, model=blank_model, views=False, update=True, max_graph_triples=10)
    assert result.reused == 3
    build_corpus(corpus, full, model=blank_model, views=False)
    for name in ("graph.nt", "graph.nq"):
        assert (inc / name).read_bytes() == (full / name).read_bytes(), name
    nt = (inc / "graph.nt").read_text(encoding="utf-8")
    assert "/document/doc9>" in nt and "/document/doc2>" not in nt
    assert len(list((inc / ".kg-cache").glob("*.json"))) == 5


def test_store_holds_the_union_once_in_its_default_graph(tmp_path, corpus, blank_model):
    """Oxigraph's union of named graphs gives a triple once per graph holding it; the store's default
    graph holds each triple once, and `kg query --store` and `kg serve --store` read that."""
    import json

    from kg.graph.files import load_graph
    from kg.query.sparql import result_rows, run_query, saved_queries
    from kg.query.store import open_store, store_query_rows
    from kg.serve import server as serve

    out = tmp_path / "out"
    build_corpus(corpus, out, model=blank_model, views=False, store=tmp_path / "store")
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    triples = len((out / "graph.nt").read_text(encoding="utf-8").splitlines())
    store = open_store(tmp_path / "store")
    assert store_query_rows(store, count) == (["n"], [[str(triples)]])
    graph = load_graph(out / "graph.ttl")
    for query in ("who_ordered_what", "about_entity"):
        text = saved_queries()[query].text
        assert store_query_rows(store, text, {"name": "Kharkiv"}) == result_rows(
            run_query(graph, text, _bind("name", "Kharkiv")), graph)
    del store
    served, _ = serve.open_source(serve.Source(path=tmp_path / "store"))
    job = serve.Job(query=count, accept="application/sparql-results+json", formats=(), default_graphs=(),
                    named_graphs=(), limit=10)
    reply = serve.evaluate(served, job, {})
    assert json.loads(reply.body)["results"]["bindings"][0]["n"]["value"] == str(triples)


def _bind(name, value):
    from rdflib import Literal, Variable

    return {Variable(name): Literal(value)}


def test_build_options_are_one_frozen_record_and_settings_override_it(tmp_path, corpus, blank_model):
    import dataclasses

    from kg.build.options import BuildOptions

    options = BuildOptions(model=blank_model, views=False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.jobs = 2
    with pytest.raises(TypeError, match="unknown settings: colour"):
        build_corpus(corpus, tmp_path / "never", options, colour="red")
    one = build_corpus(corpus, tmp_path / "one", options)
    assert (tmp_path / "one" / "graph.ttl").exists() and not (tmp_path / "one" / "index.html").exists()
    small = build_corpus(corpus, tmp_path / "small", options, max_graph_triples=10)
    assert one.graph is not None and small.graph is None and options.max_graph_triples == 50_000


@pytest.mark.parametrize("max_graph_triples,views", [(10, False), (10, True), (50_000, False), (50_000, True)])
def test_two_jobs_write_the_exports_of_one_job_below_and_beyond_the_in_memory_limit(
        tmp_path, corpus, blank_model, max_graph_triples, views):
    """With two jobs, a process of its own makes and sorts the lines of every graph while the build makes the
    sorted exports (below the limit) or the views' part of the graph (beyond it), and the pages of the views
    are shared out: every file is the one a single process writes."""
    one, two = tmp_path / "one", tmp_path / "two"
    r1 = build_corpus(corpus, one, model=blank_model, views=views, max_graph_triples=max_graph_triples)
    r2 = build_corpus(corpus, two, model=blank_model, views=views, max_graph_triples=max_graph_triples, jobs=2)
    assert r1.triples == r2.triples > 20 and (r1.graph is None) == (r2.graph is None) == (max_graph_triples == 10)
    names = sorted(str(p.relative_to(one)) for p in one.rglob("*") if p.is_file() and ".kg-cache" not in p.parts)
    assert names == sorted(str(p.relative_to(two)) for p in two.rglob("*") if p.is_file() and ".kg-cache" not in p.parts)
    assert ("graph.ttl" in names) == (max_graph_triples > 10) and ("index.html" in names) == views
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    if views and max_graph_triples == 10:
        assert f"The graph has {r2.triples:,} triples" in (two / "index.html").read_text(encoding="utf-8")
    assert not list(two.glob(".kg-build-*"))


@pytest.mark.parametrize("shares", [1, 2, 3])
def test_the_views_shared_out_among_processes_are_the_views_of_one(shares):
    from kg.views.render import Views, render_views
    from tests.graphs import extraction

    _, _, built = assemble([extraction()])
    graph = built.union()
    views = Views(graph)
    parts = [views.pages(k, shares) for k in range(shares)]
    assert sum(len(p) for p in parts) == len({name for p in parts for name in p})  # each file in one share
    whole = {name: content for p in parts for name, content in p.items()} | views.front("A note.")
    assert dict(sorted(whole.items())) == render_views(graph, "A note.")
    assert "A note." in whole["index.html"] and len(parts[0]) <= len(parts[-1])


def test_views_of_a_graph_over_the_limit_show_the_statements_between_its_most_mentioned_entities():
    from kg.build.run import _CentralPart
    from kg.graph.analysis import read_statements
    from kg.views.render import render_views
    from tests.graphs import extraction

    ex = extraction()
    entities, key_map, built = assemble([ex])
    used = {m.key for rel in ex.relations for m in (rel.subject, rel.object, rel.claimant, rel.place)
            if hasattr(m, "key")} | {m.key for m in ex.mentions if m.name}
    part = _CentralPart(entities, built.entities, key_map, used, limit=1_000)
    for g in built.documents.values():
        part.add(g)
    whole = {(st.subject, st.property, st.object, st.modality, st.sentence) for st in read_statements(built.union())}
    shown = {(st.subject, st.property, st.object, st.modality, st.sentence) for st in read_statements(part.graph())}
    # the statements between two entities, with their sentences; not those whose object is a text or an amount
    assert shown == {s for s in whole if s[1] in ("leaderOf", "orders", "captures", "attacks")}
    assert part.statements == 4
    files = render_views(part.graph(), part.note(500, 100))
    assert ("The graph has 500 triples, more than the 100 the views are made for (--max-graph-triples): they show "
            "all its 6 entities and the 4 statements between two of them.") in files["index.html"]


def test_views_of_a_graph_over_the_limit_keep_the_most_mentioned_entities(monkeypatch):
    import kg.build.run
    from kg.graph.analysis import read_statements
    from tests.graphs import extraction

    ex = extraction()
    entities, key_map, built = assemble([ex])
    monkeypatch.setattr(kg.build.run, "MAX_GRAPH_NODES", 2)
    ranked = sorted(entities.values(), key=lambda e: (-e.mentions, e.key))
    part = kg.build.run._CentralPart(entities, built.entities, key_map, set(entities), limit=1_000)
    for g in built.documents.values():
        part.add(g)
    top = {str(kg.build.run.entity_iri(e.key)) for e in ranked[:2]}
    assert {str(n) for n in part.nodes} == top
    assert all(st.subject in top and st.object in top for st in read_statements(part.graph()))
    assert f"its 2 most mentioned (of {len(entities)}) entities" in part.note(500, 100)


def test_the_views_part_of_a_big_graph_counts_each_triple_once_and_stops_at_its_limit():
    from rdflib import RDF, Graph, Literal

    from kg.build.run import _CentralPart
    from kg.extract.resolve import entity_iri
    from kg.graph.vocab import KG
    from kg.model import Entity

    entities = {k: Entity(key=k, label=k, type="Country", mentions=n) for k, n in (("country:CL", 3), ("country:PE", 2))}
    a, b = entity_iri("country:CL"), entity_iri("country:PE")

    def document(n: int) -> Graph:
        g = Graph()
        st = entity_iri(f"statement:{n}")
        for p, o in ((RDF.type, KG.Statement), (RDF.subject, a), (RDF.predicate, KG.attacks), (RDF.object, b),
                     (KG.modality, KG.Asserted), (KG.evidence, Literal(f"Chile attacked Peru ({n})."))):
            g.add((st, p, o))
        g.add((a, KG.attacks, b))
        return g

    part = _CentralPart(entities, Graph(), {}, set(entities), limit=1000)
    part.add(document(1))
    part.add(document(1))  # the same statements again add nothing
    assert part.size == len(part.part) == 7 and part.statements == 2
    part.add(document(2))
    assert part.size == len(part.part) == 13
    small = _CentralPart(entities, Graph(), {}, set(entities), limit=10)
    for n in range(5):
        small.add(document(n))
    assert small.size == len(small.part) == 13 and small.statements == 2  # past the limit, the rest add nothing


@pytest.mark.parametrize("jobs", [1, 2])
def test_each_extraction_is_stored_by_the_process_that_made_it(tmp_path, corpus, blank_model, jobs):
    """The build's cache is written as extractions are made: by the worker processes themselves with more
    than one job (the build's process only gathers them), by the build's process with one."""
    import os

    from kg.build.parsing import extract_documents

    stored = tmp_path / "stored"
    stored.mkdir()

    def store(ex):
        (stored / f"{os.getpid()}-{ex.document.doc_id}").write_text("", encoding="utf-8")

    documents = list(read_corpus(corpus))
    made = [ex.document.doc_id for ex in extract_documents(documents, blank_model, jobs=jobs, store=store)]
    assert made == [doc.doc_id for doc in documents] and len(made) == len(TEXTS)
    pids = {name.split("-", 1)[0] for name in os.listdir(stored)}
    assert sorted(name.split("-", 1)[1] for name in os.listdir(stored)) == sorted(made)
    assert (pids == {str(os.getpid())}) == (jobs == 1)


def _extraction(doc):
    from kg.model import DocExtraction

    return DocExtraction(document=doc, sentences=(), mentions=(), relations=(), words=len(doc.text.split()))


def test_cache_writes_made_by_the_writer_thread_are_all_on_disk_when_the_block_ends(tmp_path, corpus):
    cache = ExtractionCache(tmp_path / "out", "fp")
    docs = list(read_corpus(corpus))
    with cache.writing():
        for doc in docs:
            cache.put(_extraction(doc))
    assert [cache.get(doc).words for doc in docs] == [len(t.split()) for t in TEXTS]
    assert cache._writer is None  # the block's writer is gone: a later put writes at once
    cache.put(_extraction(docs[0]))
    assert cache.get(docs[0]).words == len(TEXTS[0].split())


def test_a_cache_write_that_fails_in_the_writer_thread_is_raised_in_the_build(tmp_path, corpus):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".kg-cache").write_text("a file where the cache folder goes", encoding="utf-8")
    cache = ExtractionCache(out, "fp")
    doc = next(iter(read_corpus(corpus)))
    with pytest.raises(OSError):
        with cache.writing():
            cache.put(_extraction(doc))
    with pytest.raises(FileExistsError):  # and without the thread, at once
        cache.put(_extraction(doc))
