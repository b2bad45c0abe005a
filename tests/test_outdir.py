"""The export folder: one export set at a time, switched in one step; leftovers of killed builds removed,
work folders of running builds kept."""

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import spacy

from kg.build.outdir import (
    JOURNAL,
    MANIFEST,
    STATE_DIR,
    finish_switch,
    make_work_dir,
    remove_leftovers,
    remove_work_dir,
)
from kg.build.run import build_corpus
from kg.graph.export import write_files
from kg.graph.files import load_graph

ROOT = Path(__file__).resolve().parent.parent
OLD_NT = '<http://example.org/a> <http://example.org/p> "old" .\n'
NEW_NT = '<http://example.org/a> <http://example.org/p> "new" .\n'


def _exports(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*"))
            if p.is_file() and ".kg-cache" not in p.parts}


def _leftover(out: Path, name: str, lock: bool, age: float = 0) -> Path:
    folder = out / name
    folder.mkdir(parents=True)
    (folder / "graph.nt").write_text(OLD_NT, encoding="utf-8")
    if lock:
        (folder / ".lock").write_text("", encoding="utf-8")
    if age:
        then = time.time() - age
        os.utime(folder, (then, then))
    return folder


def test_leftovers_of_killed_builds_go_and_work_folders_of_running_builds_stay(tmp_path):
    out = tmp_path / "out"
    killed_stage = _leftover(out, ".kg-stage-killed", lock=True)
    killed_build = _leftover(out, ".kg-build-killed", lock=True)
    old_version = _leftover(out, ".kg-build-old", lock=False, age=3 * 24 * 3600)
    young = _leftover(out, ".kg-stage-young", lock=False)  # a build that has not yet locked its folder
    running = _leftover(out, ".kg-build-running", lock=True)
    other = _leftover(out, "kg-build-notes", lock=False, age=3 * 24 * 3600)  # not a work folder
    fd = os.open(running / ".lock", os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as the build still running holds it
    try:
        removed = remove_leftovers(out)
        assert sorted(p.name for p in removed) == [".kg-build-killed", ".kg-build-old", ".kg-stage-killed"]
        assert not killed_stage.exists() and not killed_build.exists() and not old_version.exists()
        assert young.exists() and running.exists() and other.exists()
    finally:
        os.close(fd)
    assert remove_leftovers(out) == [running]  # its build has ended


def test_a_work_folder_is_locked_while_its_build_runs(tmp_path):
    folder = make_work_dir(tmp_path, ".kg-build-")
    assert remove_leftovers(tmp_path) == [] and folder.exists()
    remove_work_dir(folder)
    assert not folder.exists()


@pytest.fixture(scope="module")
def blank_model(tmp_path_factory):
    path = tmp_path_factory.mktemp("blank") / "pipeline"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(path)
    return str(path)


def test_a_build_removes_what_killed_builds_left(tmp_path, blank_model):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The ministers met in Geneva on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    killed = _leftover(out, ".kg-stage-x1", lock=True)
    running = _leftover(out, ".kg-build-x2", lock=True)
    fd = os.open(running / ".lock", os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        build_corpus(corpus, out, model=blank_model, views=False)
        assert not killed.exists() and running.exists()
        assert sorted(p.name for p in out.iterdir() if p.name.startswith(".kg-")) == [".kg-build-x2", ".kg-cache"]
    finally:
        os.close(fd)


KILLED_SWITCH = r"""
import os, signal, sys
sys.path.insert(0, sys.argv[2])
import kg.build.outdir
from kg.graph.export import write_files
real = os.replace
def replace(src, dst):
    if str(dst).endswith("graph.nt") and ".kg-stage-" in str(src):
        os.kill(os.getpid(), signal.SIGKILL)  # killed in the middle of the renames
    return real(src, dst)
kg.build.outdir.os.replace = replace
new = '<http://example.org/a> <http://example.org/p> "new" .\n'
write_files(sys.argv[1], {"graph.ttl": new, "graph.nt": new, "entities/b.html": "new\n"}, whole_set=True)
"""


def _killed_switch(out: Path) -> None:
    write_files(out, {"graph.ttl": OLD_NT, "graph.nt": OLD_NT, "graph.html": "old\n", "entities/a.html": "old\n"},
                whole_set=True)
    done = subprocess.run([sys.executable, "-c", KILLED_SWITCH, str(out), str(ROOT)], capture_output=True)
    assert done.returncode == -9, done.stderr
    # the kill left a mixed set: the new Turtle, the old N-Triples; and the journal that decided the switch
    assert (out / "graph.ttl").read_text(encoding="utf-8") == NEW_NT
    assert (out / "graph.nt").read_text(encoding="utf-8") == OLD_NT
    assert (out / STATE_DIR / JOURNAL).is_file()


def test_a_switch_cut_short_by_a_kill_is_completed_by_the_next_command(tmp_path):
    out = tmp_path / "out"
    _killed_switch(out)
    assert finish_switch(out) is True
    assert _exports(out) == {"graph.ttl": NEW_NT, "graph.nt": NEW_NT, "entities/b.html": "new\n"}
    assert not (out / STATE_DIR / JOURNAL).exists()
    assert [p.name for p in out.iterdir() if p.name.startswith(".kg-stage-")] == []
    assert finish_switch(out) is False


def test_reading_a_graph_completes_a_switch_cut_short(tmp_path):
    out = tmp_path / "out"
    _killed_switch(out)
    graph = load_graph(out / "graph.nt")
    assert {str(o) for o in graph.objects()} == {"new"}
    assert _exports(out) == {"graph.ttl": NEW_NT, "graph.nt": NEW_NT, "entities/b.html": "new\n"}


def test_a_build_completes_a_switch_cut_short_before_its_own(tmp_path, blank_model):
    out = tmp_path / "out"
    _killed_switch(out)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The ministers met in Geneva on Monday.\n", encoding="utf-8")
    build_corpus(corpus, out, model=blank_model, views=False)
    fresh = tmp_path / "fresh"
    build_corpus(corpus, fresh, model=blank_model, views=False)
    assert _exports(out) == _exports(fresh)
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".kg-cache"]


def test_a_whole_set_replaces_the_previous_set_and_a_partial_write_adds_to_it(tmp_path):
    write_files(tmp_path, {"graph.ttl": "1\n", "entities/a.html": "1\n"}, whole_set=True)
    write_files(tmp_path, {"graph.nt": "2\n"})
    assert _exports(tmp_path) == {"graph.ttl": "1\n", "graph.nt": "2\n", "entities/a.html": "1\n"}
    write_files(tmp_path, {"graph.ttl": "3\n"}, whole_set=True)
    assert _exports(tmp_path) == {"graph.ttl": "3\n"}
    assert not (tmp_path / "entities").exists()  # emptied by the switch
    assert (tmp_path / STATE_DIR / MANIFEST).is_file()


def test_exports_of_an_earlier_version_without_a_manifest_are_replaced_too(tmp_path):
    (tmp_path / "entities").mkdir()
    for name in ("graph.ttl", "graph.html", "index.html", "graph.graphml", "views.json", "entities/a.html",
                 "notes.txt"):
        (tmp_path / name).write_text("old\n", encoding="utf-8")
    write_files(tmp_path, {"graph.nt": "new\n"}, whole_set=True)
    assert _exports(tmp_path) == {"graph.nt": "new\n", "notes.txt": "old\n"}  # not an export: the user's
