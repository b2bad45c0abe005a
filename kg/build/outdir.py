"""The export folder: one build's set of files at a time, switched in one step, and no leftovers.

A build writes its files into a work folder inside the export folder (`.kg-build-*` for its temporary
files, `.kg-stage-*` for the finished exports), each holding a lock (`flock` on its `.lock` file) for as
long as the build runs. The switch from the previous set of exports to the new one:

1. every new file is complete in the stage folder;
2. a journal, `.kg-cache/exports/switch.json`, is written (to a temporary name, then renamed): it names
   the stage folder, the files it brings and the files of the previous set that the new one does not
   have. Writing it is the single step that decides the switch: before, the previous set stands;
   after, the new one does;
3. the new files are renamed into place and the others deleted; the list of the set's files is kept in
   `.kg-cache/exports/manifest.json` (so that the next build knows what to delete); the journal goes.

A build killed during step 3 leaves the journal: the next build, and every `kg` command that reads a
graph file from the folder, completes the switch first (what is already in place stays, the rest is
moved). Work folders whose lock no process holds (their build was killed) are deleted at the start of
each build; those of a build still running are left alone. Switches into one folder take turns
(`.kg-cache/exports/lock`).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on Windows: work folders are then never taken for leftovers while young
    fcntl = None

STATE_DIR = Path(".kg-cache") / "exports"
JOURNAL = "switch.json"
MANIFEST = "manifest.json"
LOCK = ".lock"
WORK_PREFIXES = (".kg-build-", ".kg-stage-")
UNLOCKED_AGE = 24 * 3600
"""A work folder without a lock file (made by an earlier version of kg) is a leftover once this many
seconds old."""
KNOWN_FOLDERS = ("entities", "assets")
"""Folders whose every file is an export (the views' pages and assets)."""


def _state(out_dir: Path) -> Path:
    return Path(out_dir) / STATE_DIR


def _write_json(path: Path, data: dict) -> None:
    """Write JSON to a temporary name, flush it to disk, then rename it: the file is whole or absent."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _read_json(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


# --- work folders --------------------------------------------------------------

_HELD: dict[Path, int] = {}


def make_work_dir(out_dir: Path, prefix: str) -> Path:
    """A new work folder in out_dir, locked by this process until `remove_work_dir`. The lock file is
    locked under a temporary name and then renamed: a `.lock` that exists is locked while its build runs."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=out_dir))
    if fcntl is not None:
        fd = os.open(folder / ".lock.new", os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.replace(folder / ".lock.new", folder / LOCK)
        _HELD[folder] = fd
    return folder


def remove_work_dir(folder: Path, keep: bool = False) -> None:
    """Delete a work folder and release its lock (with `keep`, only release it: the folder holds the files
    of a decided switch that failed half-way, which the next build moves into place)."""
    if not keep:
        shutil.rmtree(folder, ignore_errors=True)
    fd = _HELD.pop(Path(folder), None)
    if fd is not None:
        os.close(fd)


def _is_leftover(folder: Path) -> bool:
    """Whether a work folder belongs to no running build: its lock is free, or it has none and is old."""
    try:
        fd = os.open(folder / LOCK, os.O_RDWR)
    except FileNotFoundError:
        try:
            return time.time() - folder.stat().st_mtime > UNLOCKED_AGE
        except OSError:
            return False
    except OSError:
        return False
    try:
        if fcntl is None:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # held: a build is running
        return True
    finally:
        os.close(fd)  # releases the lock taken for the test


def remove_leftovers(out_dir: Path) -> list[Path]:
    """Delete the work folders of builds that no longer run (killed); returns them."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        return []
    journal = _read_json(_state(out_dir) / JOURNAL)
    pending = journal.get("stage") if journal else None
    removed = []
    for folder in sorted(out_dir.iterdir()):
        if not folder.name.startswith(WORK_PREFIXES) or folder.name == pending or folder in _HELD:
            continue
        if folder.is_dir() and not folder.is_symlink() and _is_leftover(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


# --- the switch ---------------------------------------------------------------

@contextmanager
def _turn(out_dir: Path) -> Iterator[None]:
    """One switch into out_dir at a time."""
    state = _state(out_dir)
    state.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield
        return
    fd = os.open(state / "lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def current_files(out_dir: Path) -> list[str]:
    """The files of the export set in out_dir: as its manifest lists them, or (written by an earlier
    version of kg, without a manifest) every file of a known export name or in a views folder."""
    from ..graph.export import GRAPH_FILES

    out_dir = Path(out_dir)
    manifest = _read_json(_state(out_dir) / MANIFEST)
    if manifest is not None and isinstance(manifest.get("files"), list):
        return [str(n) for n in manifest["files"]]
    names = [n for n in (*GRAPH_FILES, *VIEW_FILES) if (out_dir / n).is_file()]
    for folder in KNOWN_FOLDERS:
        base = out_dir / folder
        if base.is_dir() and not base.is_symlink():
            names += [p.relative_to(out_dir).as_posix() for p in sorted(base.rglob("*")) if p.is_file()]
    return names


VIEW_FILES = ("graph.html", "index.html", "graph.graphml", "views.json")


def _apply(out_dir: Path, journal: dict) -> None:
    """Carry out a decided switch (again, after an interruption: what is in place already stays)."""
    stage = out_dir / journal["stage"]
    for name in journal["files"]:
        source = stage / name
        if source.exists():
            final = out_dir / name
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, final)
    for name in journal["remove"]:
        path = out_dir / name
        if path.is_file() or path.is_symlink():
            path.unlink()
            _prune_empty(out_dir, path.parent)
    _write_json(_state(out_dir) / MANIFEST, {"files": sorted(journal["manifest"])})
    (_state(out_dir) / JOURNAL).unlink(missing_ok=True)
    shutil.rmtree(stage, ignore_errors=True)


def _prune_empty(out_dir: Path, folder: Path) -> None:
    while folder != out_dir and out_dir in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def finish_switch(out_dir: Path) -> bool:
    """Complete a switch that an interrupted build decided but did not finish; whether there was one."""
    out_dir = Path(out_dir)
    if not (_state(out_dir) / JOURNAL).exists():
        return False
    with _turn(out_dir):
        journal = _read_json(_state(out_dir) / JOURNAL)
        if journal is None:
            return False
        _apply(out_dir, journal)
    return True


def decided(out_dir: Path, stage: Path) -> bool:
    """Whether a journal names this stage folder: its switch is decided, to be completed."""
    journal = _read_json(_state(out_dir) / JOURNAL)
    return journal is not None and journal.get("stage") == Path(stage).name


def switch(out_dir: Path, stage: Path, names: Iterable[str], whole_set: bool) -> None:
    """Replace the export set of out_dir with the files `names` staged in `stage`, as one step (see the
    module's docstring). With `whole_set`, the files of the previous set that are not among them are
    deleted; without, they stay and join the set."""
    out_dir = Path(out_dir)
    names = list(names)
    with _turn(out_dir):
        journal = _read_json(_state(out_dir) / JOURNAL)
        if journal is not None:
            _apply(out_dir, journal)
        previous = current_files(out_dir)
        new = set(names)
        remove = sorted(n for n in previous if n not in new) if whole_set else []
        manifest = new if whole_set else new | set(previous)
        journal = {"stage": Path(stage).name, "files": names, "remove": remove, "manifest": sorted(manifest)}
        _write_json(_state(out_dir) / JOURNAL, journal)  # the switch is decided
        _apply(out_dir, journal)
