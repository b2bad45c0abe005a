"""The `kg` command: thin Typer commands over the package's functions."""

from __future__ import annotations

import logging
import os
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import errors
from .build import interrupt

app = typer.Typer(help="Build, query and check knowledge graphs of conflict reporting.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)

DEFAULT_CORPUS = Path("corpus")
DEFAULT_OUT = Path("exports")
DEFAULT_GRAPH = DEFAULT_OUT / "graph.ttl"

log = logging.getLogger("kg")


class _Handler(logging.Handler):
    def emit(self, record):
        prefix = "warning: " if record.levelno >= logging.WARNING else ""
        typer.echo(prefix + record.getMessage(), err=True)


def _setup_logging(verbose: bool = False) -> None:
    if not any(isinstance(h, _Handler) for h in log.handlers):
        log.addHandler(_Handler())
    log.setLevel(logging.DEBUG if verbose else logging.INFO)
    log.propagate = False


def _graph_or_exit(path: Path):
    """The graph file parsed, or a one-line error and exit 1."""
    from .graph.files import load_graph

    try:
        return load_graph(path)
    except errors.KGError as exc:
        _fail(exc)


def _fail(exc: errors.KGError) -> None:
    typer.echo(f"error: {exc.message}", err=True)
    raise typer.Exit(code=exc.exit_code)


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def build(
    corpus: Path = typer.Argument(DEFAULT_CORPUS, help="Corpus folder of .txt, .md and .html articles and .jsonl/.csv "
                                                       "tables of articles (with an optional index.jsonl)."),
    out: Path = typer.Option(DEFAULT_OUT, "--out", "-o", help="Folder for the exports."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline name or path (default: KG_MODEL or the shipped one)."),
    max_bytes: int = typer.Option(5_000_000, "--max-bytes", help="Skip articles larger than this many bytes."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for parsing and extraction, and for writing the exports."),
    update: bool = typer.Option(False, "--update", "-u", help="Reuse the extractions of unchanged articles from the last build."),
    store: Optional[Path] = typer.Option(None, "--store", "-s", help="Also load the graph into an Oxigraph store folder."),
    dask: Optional[str] = typer.Option(None, "--dask", help="Extract and build the documents' graphs on a Dask cluster: a scheduler address, or 'local'."),
    views: bool = typer.Option(True, "--views/--no-views", help="Write the HTML views and GraphML too."),
    max_graph_triples: int = typer.Option(50_000, "--max-graph-triples", min=0,
                                          help="Largest graph also written as sorted Turtle, TriG, JSON-LD and views "
                                               "(these need it in memory); bigger graphs get N-Triples and N-Quads only."),
    field: list[str] = typer.Option([], "--field", help="FIELD=COLUMN: the column of the .jsonl/.csv tables holding a "
                                                        "row's text, title, date, source, url or id (repeatable)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Build the graph of a corpus and write its exports (Turtle, N-Triples, JSON-LD, TriG, N-Quads)."""
    _setup_logging()
    from tqdm import tqdm

    from .build.options import BuildOptions
    from .build.run import build_corpus
    from .inputs.corpus import parse_fields

    try:
        fields = tuple(sorted(parse_fields(field).items()))
    except errors.KGError as exc:
        _fail(exc)
    interrupt.message = f"interrupted; the previous exports in {out}/ are untouched"
    started = time.perf_counter()
    bar = tqdm(unit="doc", desc="extracting", disable=quiet or None, file=sys.stderr, dynamic_ncols=True)
    words = 0

    def progress(ex):
        nonlocal words
        interrupt.check()
        words += ex.words
        bar.update(1)
        elapsed = max(time.perf_counter() - started, 1e-6)
        bar.set_postfix(words=words, wps=f"{words / elapsed:,.0f}", refresh=False)

    try:
        options = BuildOptions(model=model, max_bytes=max_bytes, jobs=jobs, update=update, views=views, store=store,
                               dask=dask, max_graph_triples=max_graph_triples, fields=fields)
        result = build_corpus(corpus, out, options, on_document=progress)
    except errors.KGError as exc:
        bar.close()
        _fail(exc)
    bar.close()
    elapsed = time.perf_counter() - started
    reused = f" ({result.reused} unchanged, reused)" if update else ""
    typer.echo(f"built {result.documents} documents{reused}, {len(result.entities)} entities, "
               f"{result.statements} statements, {result.triples} triples in {elapsed:.1f}s -> {out}/")


@app.command()
def fetch(
    urls: Path = typer.Argument(..., help="A text file of URLs, one a line (blank lines and # comments ignored)."),
    out: Path = typer.Option(..., "--out", "-o", help="Corpus folder to write the articles and index.jsonl into."),
    delay: float = typer.Option(2.0, "--delay", min=0, help="Seconds between two requests to the same host "
                                                           "(a robots.txt Crawl-delay may ask for more)."),
    timeout: float = typer.Option(20.0, "--timeout", min=0.1, help="Seconds to wait for a server."),
    max_bytes: int = typer.Option(5_000_000, "--max-bytes", min=1, help="Skip pages larger than this many bytes."),
    html: bool = typer.Option(False, "--html", help="Keep each page as .html (kg build extracts its text) "
                                                     "instead of writing its text as .txt."),
    user_agent: Optional[str] = typer.Option(None, "--user-agent", help="The User-Agent header (default: kg's own; "
                                                                        "robots.txt rules for 'kg' apply)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only warnings and the summary."),
) -> None:
    """Download web pages politely (robots.txt, a delay per host) into a corpus folder with its index.jsonl."""
    _setup_logging()
    from .inputs.fetch import USER_AGENT, Fetcher, fetch_urls, read_url_list

    if quiet:
        log.setLevel(logging.WARNING)
    interrupt.message = f"interrupted; the pages fetched so far are in {out}/ with their index.jsonl"
    try:
        listed = read_url_list(urls)
        if not listed:
            raise errors.KGError(f"no URLs in {urls}")
        fetcher = Fetcher(delay=delay, timeout=timeout, max_bytes=max_bytes, user_agent=user_agent or USER_AGENT)
        report = fetch_urls(listed, out, keep_html=html, fetcher=fetcher)
    except errors.KGError as exc:
        _fail(exc)
    present = f", {report.present} already there" if report.present else ""
    typer.echo(f"fetched {len(report.fetched)} of {len(listed)} pages{present}, {report.skipped} skipped -> {out}/")
    if not report.fetched and not report.present:
        typer.echo(f"error: none of the {len(listed)} pages could be fetched", err=True)
        raise typer.Exit(code=1)


@app.command()
def query(
    query_or_file: str = typer.Argument(..., help="A saved query name (`kg queries` lists them), a .rq file, or SPARQL text."),
    graph: Path = typer.Option(DEFAULT_GRAPH, "--graph", "-g", help="Graph file to query."),
    store: Optional[Path] = typer.Option(None, "--store", "-s", help="Query an Oxigraph store folder instead of a graph file."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="Output format."),
    bind: list[str] = typer.Option([], "--bind", "-b", help="NAME=VALUE: bind a query variable to a string (repeatable)."),
) -> None:
    """Run a SPARQL query on a graph file or an Oxigraph store."""
    from .graph.files import load_graph
    from .query.sparql import format_result, format_rows, parse_bindings, prepare, query_text, run_query

    try:
        text = query_text(query_or_file)
        bindings = parse_bindings(bind)
        if store is not None:
            from .query.store import open_store, store_query_rows

            prepare(text)  # the same parser messages as for graph files
            names, rows = store_query_rows(open_store(store), text, {str(k): str(v) for k, v in bindings.items()})
            typer.echo(format_rows(names, rows, fmt.value))
            return
        g = load_graph(graph)
        result = run_query(g, text, bindings)
        typer.echo(format_result(result, fmt.value, g))
    except errors.KGError as exc:
        _fail(exc)


@app.command("queries")
def list_queries() -> None:
    """List the saved queries."""
    from .query.sparql import saved_queries

    for q in saved_queries().values():
        typer.echo(f"{q.name:<22} {q.description}")


@app.command()
def validate(graph: Path = typer.Option(DEFAULT_GRAPH, "--graph", "-g", help="Graph file to validate.")) -> None:
    """Check a graph against the contract's SHACL shapes."""
    from .graph.validate import validate_graph

    g = _graph_or_exit(graph)
    result = validate_graph(g)
    if result.conforms:
        typer.echo(f"{graph}: conforms to the contract's shapes ({len(g)} triples)")
        return
    typer.echo(result.report_text)
    typer.echo(f"error: {graph} does not conform to the contract's shapes", err=True)
    raise typer.Exit(code=1)


@app.command()
def evaluate(
    gold: Path = typer.Argument(..., help="Gold annotations (JSON Lines, see docs/GOLD.md)."),
    graph: Path = typer.Option(DEFAULT_GRAPH, "--graph", "-g", help="Graph file to score."),
    brief: bool = typer.Option(False, "--brief", help="Only the summary figures."),
) -> None:
    """Score a graph against gold annotations: relation P/R/F1, modality accuracy, entity resolution."""
    from .evaluate import format_scores, read_gold, score
    from .graph.files import load_graph
    from .graph.ontology import load_ontology

    try:
        entities, relations = read_gold(gold)
        g = load_graph(graph)
    except errors.KGError as exc:
        _fail(exc)
    scores = score(g, entities, relations, load_ontology())
    typer.echo(format_scores(scores, g, details=not brief))


@app.command()
def stats(graph: Path = typer.Option(DEFAULT_GRAPH, "--graph", "-g", help="Graph file.")) -> None:
    """Counts of a graph: triples, entities by type, statements by property and modality."""
    from .query.sparql import format_result, run_query

    g = _graph_or_exit(graph)
    typer.echo(f"triples: {len(g)}")
    for title, text in (
        ("entities by type", "SELECT ?type (COUNT(DISTINCT ?e) AS ?count) WHERE { ?e a ?t ; rdfs:label ?l . "
         "?t rdfs:isDefinedBy? ?x . FILTER(STRSTARTS(STR(?t), STR(kg:)) && ?t NOT IN (kg:Statement, kg:Document, kg:Sentence, kg:Quantity)) "
         "BIND(STRAFTER(STR(?t), '#') AS ?type) } GROUP BY ?type ORDER BY DESC(?count) ?type"),
        ("statements by property", "SELECT ?property (COUNT(?s) AS ?count) WHERE { ?s a kg:Statement ; rdf:predicate ?p . "
         "BIND(STRAFTER(STR(?p), '#') AS ?property) } GROUP BY ?property ORDER BY DESC(?count) ?property"),
        ("statements by modality", "SELECT ?modality (COUNT(?s) AS ?count) WHERE { ?s a kg:Statement ; kg:modality ?m . "
         "BIND(STRAFTER(STR(?m), '#') AS ?modality) } GROUP BY ?modality ORDER BY DESC(?count) ?modality"),
    ):
        typer.echo(f"\n{title}:")
        typer.echo(format_result(run_query(g, text), "table", g))


def _mount_optional_commands() -> None:
    """Commands defined next to the code they drive: `kg view` (kg/views/render.py), `kg serve` (kg/serve/server.py)."""
    try:
        from .views.render import view_command
    except ImportError:
        pass
    else:
        app.command("view")(view_command)
    try:
        from .serve.server import serve_command
    except ImportError:
        pass
    else:
        app.command("serve")(serve_command)


def _mount_model_commands() -> None:
    try:
        from .training.cli import app as model_app
    except ImportError:  # the training package is optional in a stripped install
        return
    app.add_typer(model_app, name="model", help="Train, evaluate and describe the spaCy pipeline.")


_mount_model_commands()
_mount_optional_commands()


def _interrupted() -> None:
    typer.echo(interrupt.message, err=True)
    sys.exit(interrupt.EXIT_CODE)


def main() -> None:
    interrupt.install()
    try:
        app()
    except SystemExit as exc:  # Typer turns KeyboardInterrupt into exit code 130, silently
        if interrupt.pending() or exc.code == interrupt.EXIT_CODE:
            _interrupted()
        raise
    except errors.KGError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _interrupted()
    except Exception as exc:  # the last resort: one line, not a traceback (KG_DEBUG=1 shows it)
        if os.environ.get("KG_DEBUG"):
            raise
        typer.echo(f"error: internal error: {type(exc).__name__}: {errors.one_line(str(exc))} "
                   "(run with KG_DEBUG=1 for details)", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
