"""Bounded-memory graph output: N-Triples and N-Quads written line by line,
sorted and deduplicated on disk.

The build adds each document's named graph as soon as it is built; its lines
go into a `LineSorter`, which keeps at most `chunk_lines` lines in memory,
spills sorted runs to temporary files and merges them at the end. The result
is byte-identical to sorting the whole serialisation in memory (`sorted(set(
lines))`, as `kg.graph.export` does for small graphs), whatever the corpus size.
"""

from __future__ import annotations

import heapq
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import Graph
from rdflib.plugins.serializers.nt import _nt_row

CHUNK_LINES = 200_000


class LineSorter:
    """Lines (without their newline) in, sorted unique lines out; memory bounded by `chunk_lines`."""

    def __init__(self, tmp_dir: Path, chunk_lines: int = CHUNK_LINES):
        self.tmp_dir = Path(tmp_dir)
        self.chunk_lines = chunk_lines
        self._lines: set[str] = set()
        self._runs: list[Path] = []

    def add(self, line: str) -> None:
        self._lines.add(line)
        if len(self._lines) >= self.chunk_lines:
            self._spill()

    def extend(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.add(line)

    def _spill(self) -> None:
        fd, name = tempfile.mkstemp(prefix="run-", suffix=".txt", dir=self.tmp_dir)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            for line in sorted(self._lines):
                out.write(line)
                out.write("\n")
        self._runs.append(Path(name))
        self._lines = set()

    @staticmethod
    def _read(path: Path) -> Iterator[str]:
        with open(path, encoding="utf-8", newline="\n") as f:
            for line in f:
                yield line[:-1]

    def sorted_unique(self) -> Iterator[str]:
        """Every distinct line once, in code-point order (consumes the sorter)."""
        streams = [self._read(p) for p in self._runs] + [iter(sorted(self._lines))]
        self._lines = set()
        last = None
        for line in heapq.merge(*streams):
            if line != last:
                yield line
                last = line
        for path in self._runs:
            path.unlink(missing_ok=True)
        self._runs = []

    def write(self, path: Path) -> int:
        """Write the sorted distinct lines to `path`; returns how many."""
        count = 0
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            for line in self.sorted_unique():
                if line.strip():
                    out.write(line)
                    out.write("\n")
                    count += 1
        return count


def nt_lines(graph: Graph) -> list[str]:
    """The N-Triples lines of a graph, as rdflib writes them, without their newline."""
    return [_nt_row(t)[:-1] for t in graph]


def nq_line(nt_line: str, graph_term: str) -> str:
    """An N-Triples line (" ." at its end) as the N-Quads line of the same triple in a named graph."""
    return f"{nt_line[:-2]} {graph_term} ."
