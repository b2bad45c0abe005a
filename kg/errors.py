"""Every error the user can see, in one place.

Each is a `KGError` with a one-line message; the CLI prints it and exits
non-zero, never with a traceback.
"""

from __future__ import annotations


class KGError(Exception):
    """An error with a one-line message meant for the user."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class CorpusError(KGError):
    """The corpus folder or its index cannot be read."""


class ModelError(KGError):
    """The spaCy pipeline cannot be loaded."""


class GraphError(KGError):
    """A graph file cannot be read or written."""


class QueryError(KGError):
    """A SPARQL query cannot be parsed or run."""


class GoldError(KGError):
    """A gold file cannot be read."""


def corpus_missing(path) -> CorpusError:
    return CorpusError(f"corpus folder not found: {path}")


def corpus_not_a_folder(path) -> CorpusError:
    return CorpusError(f"not a folder: {path} (a corpus is a folder of articles: .txt, .md, .html, .jsonl or .csv)")


def corpus_empty(path) -> CorpusError:
    return CorpusError(f"no readable articles in {path} (.txt, .md, .html, or rows of .jsonl and .csv tables)")


def model_not_found(name) -> ModelError:
    return ModelError(
        f"unknown spaCy pipeline {name!r}: give an installed package name or a pipeline folder "
        "(see `kg model info`)"
    )


def graph_missing(path) -> GraphError:
    return GraphError(f"graph file not found: {path} (run `kg build` first, or pass --graph)")


def graph_unparsable(path, detail: str) -> GraphError:
    return GraphError(f"cannot parse {path}: {one_line(detail)}")


def query_unparsable(detail: str) -> QueryError:
    return QueryError(f"bad SPARQL query: {one_line(detail)}")


def write_failed(path, exc: OSError, out_dir=None, intact: bool = True) -> KGError:
    """An OSError while writing `path`, in one line: a full disk said so, and what became of the exports."""
    import errno

    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        what = f"the disk is full: cannot write {path}"
    else:
        what = f"cannot write {path}: {one_line(exc.strerror or str(exc))}"
    if out_dir is None:
        return KGError(what)
    state = "are intact" if intact else "may be partly replaced"
    return KGError(f"{what}; the previous exports in {out_dir}/ {state}")


def one_line(text: str, limit: int = 300) -> str:
    """Fold an exception text into one line of bounded length."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
