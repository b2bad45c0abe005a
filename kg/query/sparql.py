"""SPARQL: saved queries (`kg/queries/*.rq`) and ad-hoc ones, parsed once with
rdflib's `prepareQuery`, run with `initBindings`, and printed as a table, CSV
or JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef, Variable
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result

from .. import errors
from ..graph.rdf import PREFIXES

QUERIES_DIR = Path(__file__).resolve().parents[1] / "queries"
DEFAULT_LINE = re.compile(r"^#\s*default\s+\??(\w+)\s*=\s*(.*?)\s*$")
"""`#default NAME=VALUE` in a query file: the value ?NAME takes when the caller binds none."""


@dataclass(frozen=True)
class SavedQuery:
    name: str
    path: Path
    description: str
    text: str


def saved_queries() -> dict[str, SavedQuery]:
    out = {}
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        desc = " ".join(line.lstrip("# ").strip() for line in text.splitlines()
                        if line.startswith("#") and not DEFAULT_LINE.match(line)).strip()
        out[path.stem] = SavedQuery(path.stem, path, desc, text)
    return out


def query_text(query_or_file: str) -> str:
    """The SPARQL text of a saved query name, a .rq file, or the query itself."""
    saved = saved_queries()
    if query_or_file in saved:
        return saved[query_or_file].text
    path = Path(query_or_file)
    if query_or_file.endswith((".rq", ".sparql")) or (len(query_or_file) < 300 and "\n" not in query_or_file and path.is_file()):
        if not path.is_file():
            raise errors.QueryError(f"query file not found: {path}")
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise errors.QueryError(f"cannot read query file {path}: {errors.one_line(str(exc))}") from None
    refuse_update(query_or_file)
    if not any(word in query_or_file.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        names = ", ".join(sorted(saved))
        raise errors.QueryError(f"{query_or_file!r} is neither a saved query ({names}), a .rq file nor SPARQL")
    return query_or_file


def refuse_update(text: str) -> None:
    """A SPARQL Update (INSERT, DELETE, LOAD, CLEAR ...) is refused: queries only read the graph."""
    from ..serve.server import UPDATE_FORMS, query_form

    form = query_form(text)
    if form in UPDATE_FORMS:
        raise errors.QueryError(f"SPARQL Update ({form}) is not allowed: kg query only reads the graph "
                                "(rebuild it with kg build to change it)")


def prepare(text: str):
    from ..serve.server import too_deep

    refuse_update(text)
    refusal = too_deep(text)
    if refusal:
        raise errors.QueryError(refusal)
    try:
        return prepareQuery(text, initNs={k: v for k, v in PREFIXES.items()} | standard_namespaces())
    except Exception as exc:  # pyparsing and rdflib raise several exception types for bad SPARQL
        raise errors.query_unparsable(str(exc)) from None


def standard_namespaces():
    from rdflib import OWL, RDF, RDFS, SKOS, XSD
    from rdflib.namespace import PROV

    return {"rdf": RDF, "rdfs": RDFS, "owl": OWL, "skos": SKOS, "xsd": XSD, "prov": PROV}


def parse_bindings(pairs: list[str]) -> dict:
    """`NAME=VALUE` strings -> initBindings (values as plain literals)."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not name.isidentifier():
            raise errors.QueryError(f"--bind takes NAME=VALUE, not {pair!r}")
        out[Variable(name)] = Literal(value)
    return out


def query_defaults(text: str) -> dict[str, str]:
    """The `#default NAME=VALUE` lines of a query: parameter name -> default value."""
    out = {}
    for line in text.splitlines():
        m = DEFAULT_LINE.match(line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def with_defaults(text: str, bindings: dict | None) -> dict:
    """The caller's bindings plus the query's defaults for the parameters it left unbound."""
    bindings = dict(bindings or {})
    given = {str(k) for k in bindings}
    for name, value in query_defaults(text).items():
        if name not in given:
            bindings[Variable(name)] = Literal(value)
    return bindings


def run_query(graph: Graph, text: str, bindings: dict | None = None) -> Result:
    query = prepare(text)
    try:
        return graph.query(query, initBindings=with_defaults(text, bindings))
    except Exception as exc:  # evaluation errors (bad function arguments, type errors)
        raise errors.QueryError(f"query failed: {errors.one_line(str(exc))}") from None


def _cell(value, graph: Graph | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, URIRef):
        if graph is not None:
            for prefix, ns in graph.namespaces():
                if prefix and str(value).startswith(str(ns)):
                    return f"{prefix}:{str(value)[len(str(ns)):]}"
        return str(value)
    if isinstance(value, Literal):
        return str(value)
    return str(value)


def result_rows(result: Result, graph: Graph | None = None) -> tuple[list[str], list[list[str]]]:
    if result.type == "ASK":
        return ["ask"], [["true" if result.askAnswer else "false"]]
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        rows = sorted([[_cell(s, graph), _cell(p, graph), _cell(o, graph)] for s, p, o in result.graph])
        return ["subject", "predicate", "object"], rows
    names = [str(v) for v in result.vars]
    rows = [[_cell(row[v], graph) for v in result.vars] for row in result]
    return names, rows


def format_result(result: Result, fmt: str = "table", graph: Graph | None = None) -> str:
    names, rows = result_rows(result, graph)
    return format_rows(names, rows, fmt)


def format_rows(names: list[str], rows: list[list[str]], fmt: str = "table") -> str:
    """Rows of strings as an aligned table, CSV or JSON."""
    if fmt == "json":
        return json.dumps([dict(zip(names, r)) for r in rows], indent=1, ensure_ascii=False)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buf.getvalue().rstrip("\n")
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]

    def clip(text, w):
        text = " ".join(text.split())
        return text if len(text) <= w else text[: w - 1] + "…"

    lines = [" | ".join(n.ljust(w) for n, w in zip(names, widths)), "-+-".join("-" * w for w in widths)]
    for r in rows:
        lines.append(" | ".join(clip(c, w).ljust(w) for c, w in zip(r, widths)))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
