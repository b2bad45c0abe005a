"""The kg command on good and bad input: one-line errors, warnings, nothing lost."""

import json

import pytest
import spacy
from typer.testing import CliRunner

from kg.build.run import assemble
from kg.cli import app
from kg.graph.export import render_exports, write_files
from tests.graphs import extraction

runner = CliRunner()
ENGLISH = "Russian forces attacked the city of Kharkiv on Monday, officials said. The strikes hit a power plant.\n"


@pytest.fixture(scope="module")
def blank_model(tmp_path_factory):
    """A tokenizer-and-sentencizer pipeline: enough for the build to run without the trained model."""
    path = tmp_path_factory.mktemp("blank") / "pipeline"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(path)
    return str(path)


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    out = tmp_path_factory.mktemp("graph")
    write_files(out, render_exports(assemble([extraction()])[2]))
    return out / "graph.ttl"


def test_build_skips_bad_articles_with_warnings(tmp_path, blank_model):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ENGLISH, encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\xff" * 50)
    (corpus / "latin1.txt").write_bytes("Forces attaqu\xe9es".encode("latin-1"))
    (corpus / "copy.txt").write_text(ENGLISH, encoding="utf-8")
    (corpus / "index.jsonl").write_text('{"file": "good.txt", "date": "2025-03-01", "extra": 1}\n{broken\n',
                                        encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "out"), "--model", blank_model, "-q"])
    assert result.exit_code == 0, result.output
    assert "built 1 documents" in result.stdout
    for needle in ("empty.txt is empty", "binary.txt is a binary file", "latin1.txt is not UTF-8",
                   "good.txt has the same text as copy.txt; skipped as a duplicate", "line 2 is not JSON"):
        assert needle in result.stderr
    assert (tmp_path / "out" / "graph.ttl").exists()
    assert "Traceback" not in result.output


def test_build_with_an_impossible_index_date_warns_and_builds(tmp_path, blank_model):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (corpus / "index.jsonl").write_text('{"file": "a.txt", "date": "2025-13-45", "title": "Strikes"}\n',
                                        encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "out"), "--model", blank_model, "-q"])
    assert result.exit_code == 0, result.output
    assert "built 1 documents" in result.stdout
    assert "warning: index.jsonl line 1: date '2025-13-45' is not a calendar date; ignored" in result.stderr
    assert "Strikes" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize("args,message", [
    (["build", "no/such/folder"], "error: corpus folder not found: no/such/folder"),
    (["build", "corpus", "--model", "no_such_pipeline_xyz"], "error: unknown spaCy pipeline 'no_such_pipeline_xyz'"),
    (["query", "who_ordered_what", "--graph", "missing.ttl"], "error: graph file not found: missing.ttl"),
    (["evaluate", "missing.jsonl"], "error: gold file not found: missing.jsonl"),
])
def test_errors_are_one_line_with_non_zero_exit(args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.stderr.strip() == message or result.stderr.strip().startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_broken_turtle_and_bad_sparql(tmp_path, graph_file):
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b \"unterminated .\n", encoding="utf-8")
    result = runner.invoke(app, ["query", "SELECT * WHERE { ?s ?p ?o }", "--graph", str(broken)])
    assert result.exit_code == 1 and result.stderr.startswith(f"error: cannot parse {broken}")
    result = runner.invoke(app, ["query", "SELECT ?s WHERE { ?s ?p }", "--graph", str(graph_file)])
    assert result.exit_code == 1 and result.stderr.startswith("error: bad SPARQL query")
    assert len(result.stderr.strip().splitlines()) == 1


def test_query_formats_and_bindings(graph_file):
    result = runner.invoke(app, ["query", "who_ordered_what", "--graph", str(graph_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["who"], r["ordered"], r["modality"], r["document"]) for r in rows] == [
        ("Vladimir Putin", "Russian Armed Forces", "Asserted", "a1")]
    result = runner.invoke(app, ["query", "about_entity", "--graph", str(graph_file), "--format", "csv",
                                 "--bind", "name=Belgorod"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "name,subject,property,object,modality,claimant,document,sentence"
    assert lines[1].startswith("Belgorod,Ukraine,attacks,Belgorod Oblast,Denied,Ukraine,a1,")
    result = runner.invoke(app, ["query", "about_entity", "--graph", str(graph_file), "--bind", "oops"])
    assert result.exit_code == 1 and "NAME=VALUE" in result.stderr


def test_validate_and_stats(graph_file):
    result = runner.invoke(app, ["validate", "--graph", str(graph_file)])
    assert result.exit_code == 0 and "conforms" in result.stdout
    result = runner.invoke(app, ["stats", "--graph", str(graph_file)])
    assert result.exit_code == 0
    assert "Person" in result.stdout and "captures" in result.stdout and "Planned" in result.stdout


def test_interrupted_build_leaves_previous_exports(tmp_path, blank_model, monkeypatch):
    out = tmp_path / "out"
    write_files(out, {"graph.ttl": "previous\n"})
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ENGLISH, encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.build.run.render_exports", interrupted)
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--model", blank_model, "-q"])
    assert result.exit_code != 0
    assert (out / "graph.ttl").read_text() == "previous\n"


def test_every_command_is_documented_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"kg {name}" in readme, name
    for group in app.registered_groups:
        assert f"kg {group.name}" in readme, group.name


def test_update_gives_the_same_graph_as_a_full_rebuild(tmp_path, blank_model):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Vladimir Putin met Recep Tayyip Erdogan in Istanbul. " * 3, encoding="utf-8")
    (corpus / "b.txt").write_text(ENGLISH, encoding="utf-8")
    (corpus / "c.txt").write_text("NATO and the European Union discussed support for Ukraine in Brussels.\n",
                                  encoding="utf-8")
    inc, full = tmp_path / "inc", tmp_path / "full"
    assert runner.invoke(app, ["build", str(corpus), "--out", str(inc), "--model", blank_model, "-q"]).exit_code == 0
    # one article changes, one is added, one is removed
    (corpus / "b.txt").write_text(ENGLISH.replace("Monday", "Tuesday"), encoding="utf-8")
    (corpus / "d.txt").write_text("Joe Biden spoke with Volodymyr Zelensky about Crimea and Kherson.\n", encoding="utf-8")
    (corpus / "c.txt").unlink()
    result = runner.invoke(app, ["build", str(corpus), "--out", str(inc), "--model", blank_model, "-q", "--update"])
    assert result.exit_code == 0, result.output
    assert "built 3 documents (1 unchanged, reused)" in result.stdout
    assert runner.invoke(app, ["build", str(corpus), "--out", str(full), "--model", blank_model, "-q"]).exit_code == 0
    for name in ("graph.ttl", "graph.nt", "graph.trig", "graph.jsonld", "graph.nq"):
        assert (inc / name).read_bytes() == (full / name).read_bytes(), name
    assert "Istanbul" in (full / "graph.ttl").read_text(encoding="utf-8")


def _exports(folder):
    """Every file a build wrote (relative path -> bytes), its extraction cache aside."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".kg-cache" not in p.parts}


def test_parallel_build_gives_the_same_exports(tmp_path):
    """With two jobs, the documents are extracted by two worker processes and the sorted exports and the
    views are written by forked processes (the shipped model, for statements): every file is byte for byte the one-process build's."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(6):
        (corpus / f"a{i}.txt").write_text(f"Report {i}: " + ENGLISH + " Olaf Scholz visited Kyiv.", encoding="utf-8")
    one, two = tmp_path / "one", tmp_path / "two"
    assert runner.invoke(app, ["build", str(corpus), "--out", str(one), "-q"]).exit_code == 0
    assert runner.invoke(app, ["build", str(corpus), "--out", str(two), "-q", "-j", "2"]).exit_code == 0
    single, parallel = _exports(one), _exports(two)
    for name in ("graph.ttl", "graph.trig", "graph.jsonld", "graph.nt", "graph.nq", "index.html", "graph.graphml"):
        assert name in parallel, name
    assert any(name.startswith("entities/") for name in parallel)
    assert b"#Statement>" in parallel["graph.nt"] and b"Kharkiv" in parallel["graph.nt"]
    assert sorted(single) == sorted(parallel)
    for name in single:
        assert single[name] == parallel[name], name
    assert not list(two.glob(".kg-build-*"))  # the forked processes' files went into place or away


def test_parallel_export_falls_back_to_this_process_when_a_forked_one_fails(tmp_path, blank_model, monkeypatch):
    import kg.build.run

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ENGLISH + " Olaf Scholz visited Kyiv.", encoding="utf-8")
    real = kg.build.run._render_task
    parent = __import__("os").getpid()

    def failing_in_children(task, built, union):
        if __import__("os").getpid() != parent:
            raise RuntimeError("a forked process fails")
        return real(task, built, union)

    monkeypatch.setattr(kg.build.run, "_render_task", failing_in_children)
    one, two = tmp_path / "one", tmp_path / "two"
    assert runner.invoke(app, ["build", str(corpus), "--out", str(one), "--model", blank_model, "-q"]).exit_code == 0
    result = runner.invoke(app, ["build", str(corpus), "--out", str(two), "--model", blank_model, "-q", "-j", "2"])
    assert result.exit_code == 0, result.output
    assert _exports(one) == _exports(two)


def test_store_answers_the_saved_queries_like_the_graph_file(tmp_path, graph_file):
    from kg.query.store import write_store

    write_store(tmp_path / "store", (graph_file.parent / "graph.nq").read_text(encoding="utf-8"))
    for name, binds in (("who_ordered_what", []), ("about_entity", ["--bind", "name=Putin"]),
                        ("claims_and_disputes", []), ("planned_targets", [])):
        from_file = runner.invoke(app, ["query", name, "--graph", str(graph_file), "-f", "csv", *binds])
        from_store = runner.invoke(app, ["query", name, "--store", str(tmp_path / "store"), "-f", "csv", *binds])
        assert from_file.exit_code == 0 and from_store.exit_code == 0, from_store.output
        assert from_file.stdout == from_store.stdout, name
    assert len(from_file.stdout.strip().splitlines()) == 2  # Kharkiv, planned capture
    result = runner.invoke(app, ["query", "who_ordered_what", "--store", str(tmp_path / "nope")])
    assert result.exit_code == 1 and result.stderr.startswith("error: store not found")


def test_dask_build_on_a_local_cluster_gives_the_same_exports(tmp_path, monkeypatch):
    """The shards extract their documents and write their graphs' N-Quads; the driver only resolves
    entities and merges: it neither extracts a document nor builds a document's graph itself."""
    pytest.importorskip("dask.distributed")
    import kg.build.run

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, name in enumerate(["Olaf Scholz", "Emmanuel Macron", "Joe Biden", "Xi Jinping"]):
        (corpus / f"d{i}.txt").write_text(f"{name} visited Kyiv and met Volodymyr Zelensky. " + ENGLISH, encoding="utf-8")
    single, sharded = tmp_path / "single", tmp_path / "sharded"
    assert runner.invoke(app, ["build", str(corpus), "--out", str(single), "-q"]).exit_code == 0

    def not_on_the_driver(*args, **kwargs):
        raise AssertionError("the driver extracted or built a document itself")

    monkeypatch.setattr(kg.build.run, "extract_documents", not_on_the_driver)
    monkeypatch.setattr(kg.build.run, "add_document", not_on_the_driver)
    result = runner.invoke(app, ["build", str(corpus), "--out", str(sharded), "-q",
                                 "--dask", "local", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "built 4 documents" in result.stdout
    one, many = _exports(single), _exports(sharded)
    assert sorted(one) == sorted(many) and "graph.ttl" in many and b"#Statement>" in many["graph.nt"]
    for name in one:
        assert one[name] == many[name], name
    assert len(list((sharded / ".kg-cache" / "shards").glob("shard-*.nq"))) == 4


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_mid_build_says_so_and_exits_130(tmp_path, blank_model, jobs):
    """SIGINT to the process group (as a terminal's Ctrl-C) while a build is extracting documents, in this
    process or in worker processes (which leave Ctrl-C to the parent)."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(2000):
        (corpus / f"a{i:05d}.txt").write_text(f"Article {i}. " + ENGLISH * 20, encoding="utf-8")
    out = tmp_path / "out"
    write_files(out, {"graph.ttl": "previous\n"})
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=str(root))
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "--model",
                             blank_model, "--jobs", jobs], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            start_new_session=True)
    cache = out / ".kg-cache"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:  # wait until documents are being extracted
        if cache.is_dir() and sum(1 for _ in cache.glob("*.json")) >= 20:
            break
        time.sleep(0.05)
    if proc.poll() is not None:
        _, err = proc.communicate()
        pytest.fail(f"the build ended (exit {proc.returncode}) before it could be interrupted: "
                    f"{err.decode('utf-8', errors='replace')[-2000:]}")
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("the build went on for 60 s after Ctrl-C")
    err = err.decode("utf-8", errors="replace")
    assert proc.returncode == 130, err
    assert err.rstrip().splitlines()[-1] == f"interrupted; the previous exports in {out}/ are untouched"
    assert "Traceback" not in err
    assert (out / "graph.ttl").read_text() == "previous\n"


def test_query_nested_too_deep_is_one_line(graph_file):
    result = runner.invoke(app, ["query", "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000,
                                 "--graph", str(graph_file)])
    assert result.exit_code == 1
    assert result.stderr == ("error: the query nests brackets, parentheses or braces 3000 levels deep; the limit is "
                             "128 (a deeper query would exhaust the parser's stack)\n")


def _disk_full(*args, **kwargs):
    import errno

    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("where", ["exports", "cache"])
def test_a_full_disk_names_the_file_and_keeps_the_previous_exports(tmp_path, blank_model, monkeypatch, where):
    out = tmp_path / "out"
    write_files(out, {"graph.ttl": "previous\n"})
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ENGLISH, encoding="utf-8")
    if where == "exports":
        real = type(out).write_text

        def write_text(self, *args, **kwargs):
            if self.name == "graph.ttl" and ".kg-stage-" in str(self):
                _disk_full()
            return real(self, *args, **kwargs)

        monkeypatch.setattr(type(out), "write_text", write_text)
        expected = f"error: the disk is full: cannot write {out / 'graph.ttl'}; the previous exports in {out}/ are intact"
    else:
        real = type(out).write_text

        def write_text(self, *args, **kwargs):
            if self.suffix == ".tmp" and ".kg-cache" in str(self):
                _disk_full()
            return real(self, *args, **kwargs)

        monkeypatch.setattr(type(out), "write_text", write_text)
        expected = f"error: the disk is full: cannot write {out / '.kg-cache'}/"
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--model", blank_model, "-q"])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(expected), result.stderr
    assert result.stderr.rstrip().endswith(f"the previous exports in {out}/ are intact")
    assert len(result.stderr.strip().splitlines()) == 1 and "internal error" not in result.stderr
    assert (out / "graph.ttl").read_text() == "previous\n"


@pytest.mark.parametrize("text, form", [
    ("INSERT DATA { <http://e/a> <http://e/p> <http://e/b> }", "INSERT"),
    ("PREFIX ex: <http://example.org/>\nDELETE WHERE { ?s ex:p ?o }", "DELETE"),
    ("CLEAR ALL", "CLEAR"),
])
def test_query_refuses_sparql_update_by_name(graph_file, tmp_path, text, form):
    message = (f"error: SPARQL Update ({form}) is not allowed: kg query only reads the graph "
               "(rebuild it with kg build to change it)\n")
    result = runner.invoke(app, ["query", text, "--graph", str(graph_file)])
    assert (result.exit_code, result.stderr) == (1, message)
    rq = tmp_path / "update.rq"
    rq.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["query", str(rq), "--graph", str(graph_file)])
    assert (result.exit_code, result.stderr) == (1, message)
