"""The Python API for notebooks, thin over what `kg build` and `kg query` run.

    import kg

    result = kg.analyze(["Northland's army attacked Southport on Monday, officials said."])
    result.statements          # records: subject, property, object, modality, claimant, sentence, …
    result.graph               # the rdflib graph
    result.networkx()          # entities as nodes, statements as edges
    result.query("statements_by_modality")   # a saved query, a .rq file or SPARQL text
    result.export("exports")   # graph.ttl, .nt, .jsonld, .trig, .nq and the views

`analyze` takes a corpus folder (what `kg build` reads) or texts in memory: strings, (title, text) pairs,
or mappings with a `text` and optional `title`, `date`, `source`, `url` and `id`. (It is not called
`kg.graph.rdf` because `kg.graph.rdf` is the module that writes the RDF.)
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from rdflib import Graph, Literal, URIRef, Variable
from rdflib.term import Node

from . import errors

__all__ = ["Result", "Statement", "analyze"]


class Statement(NamedTuple):
    """One statement of the graph, as a reader sees it (entities by their labels). Missing values are None.

    `date` is the date the statement is about (a qualifier of the sentence), `published` the date of its
    document; `object_iri` is None when the object is text or a quantity."""

    subject: str
    property: str  # the property's local name, such as "attacks"
    object: str
    modality: str  # Asserted, Claimed, Planned, Hypothetical, Negated or Denied
    claimant: str | None
    sentence: str
    document: str  # the document's id
    date: str | None
    published: str | None
    place: str | None
    subject_iri: str
    object_iri: str | None
    iri: str  # the statement node


def _none(value: str) -> str | None:
    return value if value != "" else None


class Result:
    """A built graph and its exports (in `folder`; a temporary one when `analyze` was given no `out`,
    removed with the result or by `close()`)."""

    def __init__(self, built, folder: Path, temporary: tempfile.TemporaryDirectory | None = None):
        self._built = built
        self.folder = Path(folder)
        self._temporary = temporary

    def __repr__(self) -> str:
        b = self._built
        return (f"<kg.Result: {b.documents} documents, {len(b.entities)} entities, {b.statements} statements, "
                f"{b.triples} triples in {self.folder}>")

    @property
    def documents(self) -> int:
        """How many documents were read."""
        return self._built.documents

    @property
    def files(self) -> list[Path]:
        """The export files, in `folder`."""
        return list(self._built.files)

    @cached_property
    def graph(self) -> Graph:
        """The whole graph (the union of the documents' named graphs and the entity graph)."""
        if self._built.graph is not None:
            return self._built.graph.union()
        from .graph.files import load_graph

        return load_graph(self.folder / "graph.nt")  # a graph too big to be kept in memory by the build

    @cached_property
    def _records(self):
        from .graph.analysis import read_entities, read_statements

        entities = read_entities(self.graph)
        return entities, read_statements(self.graph, entities)

    @property
    def entities(self) -> list:
        """The entities (`kg.graph.analysis.EntityRecord`: iri, label, type, alt_labels, wikidata, mentions), by IRI."""
        return list(self._records[0].values())

    @cached_property
    def statements(self) -> list[Statement]:
        """Every statement, ordered by document, place in the document and IRI."""
        return [Statement(subject=s.subject_label, property=s.property, object=s.object_text, modality=s.modality,
                          claimant=_none(s.claimant_label), sentence=s.sentence, document=s.document,
                          date=_none(s.date), published=_none(s.published), place=_none(s.place_label),
                          subject_iri=s.subject, object_iri=_none(s.object), iri=s.iri)
                for s in self._records[1]]

    def networkx(self):
        """The entity graph as a `networkx.MultiDiGraph`: one node per entity, one edge per statement between
        two entities (see `kg.graph.analysis.to_networkx` for the attributes)."""
        from .graph.analysis import build_networkx

        entities, statements = self._records
        return build_networkx(entities, statements)

    def query(self, query: str, **bindings: Any) -> list[dict] | bool | Graph:
        """Run a saved query (by name, see `kg queries`), a `.rq` file or SPARQL text on the graph.

        Keyword arguments bind query variables (`result.query("about_entity", name="Jane Roe")`). A SELECT
        gives one dict per row (IRIs as strings, literals as Python values, unbound as None), an ASK a bool,
        a CONSTRUCT or DESCRIBE an rdflib graph."""
        from .query.sparql import query_text, run_query

        given = {Variable(name): value if isinstance(value, Node) else Literal(value)
                 for name, value in bindings.items()}
        result = run_query(self.graph, query_text(query), given)
        if result.type == "ASK":
            return bool(result.askAnswer)
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return result.graph
        names = [str(v) for v in result.vars]
        return [{name: _python(row[name]) for name in names} for row in result]

    def validate(self):
        """The SHACL validation of the graph against the contract's shapes (`.conforms`, `.report_text`)."""
        from .graph.validate import validate_graph

        return validate_graph(self.graph)

    def export(self, folder: str | os.PathLike) -> list[Path]:
        """Write the exports (and the views, if built) into `folder`, replacing those of an earlier export;
        returns the files written."""
        from .graph.export import write_files

        folder = Path(folder)
        if folder.resolve() == self.folder.resolve():
            return self.files
        files = {str(path.relative_to(self.folder)): path.read_bytes() for path in self.files}
        # the whole set, in one switch: files of an earlier export that this one lacks go in the same step
        return write_files(folder, files, whole_set=True)

    def close(self) -> None:
        """Remove the temporary folder of the exports, if `analyze` made one."""
        if self._temporary is not None:
            self._temporary.cleanup()
            self._temporary = None

    def __enter__(self) -> Result:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _python(value):
    if value is None:
        return None
    if isinstance(value, URIRef):
        return str(value)
    if isinstance(value, Literal):
        return value.toPython()
    return str(value)


def analyze(corpus: str | os.PathLike | Iterable, out: str | os.PathLike | None = None, *, model: str | None = None,
            jobs: int = 1, views: bool = True, fields: Mapping[str, str] | None = None, update: bool = False,
            **settings: Any) -> Result:
    """Build the graph of a corpus folder or of texts in memory, as `kg build` does, and return it.

    `corpus` is a folder (a str or path) or an iterable of texts: strings, (title, text) pairs, or mappings
    with `text` and optional `title`, `date`, `source`, `url` and `id`. The exports go to `out`, or to a
    temporary folder kept while the result lives (`Result.export` copies them). `fields` maps the fields of
    the folder's JSON Lines and CSV tables to their columns ({"text": "body"}); other settings are those of
    `kg.build.options.BuildOptions` (`max_bytes`, `max_graph_triples`, `store`, …). Unusable articles are skipped
    with a warning (logger "kg"); a corpus with none raises `kg.errors.CorpusError`."""
    from .build.options import BuildOptions
    from .build.run import build_corpus
    from .inputs.corpus import MAX_BYTES, parse_fields, read_texts

    field_pairs = tuple(sorted(parse_fields(f"{k}={v}" for k, v in (fields or {}).items()).items()))
    options = BuildOptions(model=model, jobs=jobs, views=views, update=update, fields=field_pairs, **settings)
    if isinstance(corpus, (str, os.PathLike)):
        source = Path(corpus)
        if not source.exists() and isinstance(corpus, str) and len(corpus.split()) > 3:
            raise errors.CorpusError("a string is read as a corpus folder, and there is none by that name; "
                                     "give texts as a list: kg.analyze([text])")
    elif isinstance(corpus, Mapping) or isinstance(corpus, bytes):
        raise TypeError("kg.analyze takes a corpus folder or an iterable of texts")
    else:
        source = list(read_texts(corpus, max_bytes=settings.get("max_bytes", MAX_BYTES)))
    temporary = None
    if out is None:
        temporary = tempfile.TemporaryDirectory(prefix="kg-")
        out = temporary.name
    try:
        built = build_corpus(source, Path(out), options)
    except BaseException:
        if temporary is not None:
            temporary.cleanup()
        raise
    return Result(built, Path(out), temporary)
