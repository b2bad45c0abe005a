"""`kg serve`: the SPARQL 1.1 Protocol endpoint, started in-process on a free loopback port and queried over
HTTP with a real SPARQL client (SPARQLWrapper) and plain urllib / http.client."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from itertools import chain
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.compare import graph_diff, isomorphic
from SPARQLWrapper import JSON, JSONLD, POST, POSTDIRECTLY, TURTLE, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed
from typer.testing import CliRunner

from kg.build.run import assemble
from kg.cli import app
from kg.query.sparql import run_query
from kg.serve import server as serve
from kg.serve.server import GRAPH_FORMATS, RESULT_FORMATS, ServeSettings, make_server
from tests.graphs import extraction

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # SPARQLWrapper

EX = Namespace("http://example.org/")
GEN = Namespace("http://example.org/gen/")
GENERATED = 3000  # triples of GEN:v; a three-way join over them never ends within the time limit
TIMEOUT = 1.0
LIMIT = 1000
WORKERS = 3

KNOWN = """\
@prefix ex: <http://example.org/> .
ex:alpha ex:name "Alpha" ; ex:rank 1 ; ex:knows ex:beta .
ex:beta ex:name "Beta"@en ; ex:rank 2 .
ex:gamma ex:name "Gam,ma \\"3\\"" ; ex:rank 3 ; ex:knows ex:alpha .
"""
NAMES = "PREFIX ex: <http://example.org/> SELECT ?name ?rank WHERE { ?s ex:name ?name ; ex:rank ?rank } ORDER BY ?rank"
INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
NAMES_BINDINGS = [
    {"name": {"type": "literal", "value": "Alpha"}, "rank": {"type": "literal", "value": "1", "datatype": INTEGER}},
    {"name": {"type": "literal", "value": "Beta", "xml:lang": "en"},
     "rank": {"type": "literal", "value": "2", "datatype": INTEGER}},
    {"name": {"type": "literal", "value": 'Gam,ma "3"'}, "rank": {"type": "literal", "value": "3", "datatype": INTEGER}},
]
KNOWS = "PREFIX ex: <http://example.org/> CONSTRUCT { ?a ex:knownBy ?b } WHERE { ?b ex:knows ?a }"
KNOWS_TTL = """\
@prefix ex: <http://example.org/> .
ex:beta ex:knownBy ex:alpha .
ex:alpha ex:knownBy ex:gamma .
"""
CROSS_JOIN = ("PREFIX gen: <http://example.org/gen/> "
              "SELECT (COUNT(*) AS ?n) WHERE { ?a gen:v ?x . ?b gen:v ?y . ?c gen:v ?z }")
SECRET = "the secret next to the views folder"


def kg_graph() -> Graph:
    return assemble([extraction()])[2].union()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A graph file (known triples, the tests/graphs.py extraction, generated triples) and a views folder."""
    root = tmp_path_factory.mktemp("site")
    graph = Graph()
    graph.parse(data=KNOWN, format="turtle")
    for triple in kg_graph():
        graph.add(triple)
    for i in range(GENERATED):
        graph.add((GEN[f"n{i}"], GEN.v, Literal(i)))
    graph.serialize(root / "graph.ttl", format="turtle")
    views = root / "views"
    (views / "sub").mkdir(parents=True)
    (views / "index.html").write_text("<h1>views</h1>\n", encoding="utf-8")
    (views / "sub" / "page.html").write_text("<p>sub page</p>\n", encoding="utf-8")
    (views / ".hidden").write_text("dotfile\n", encoding="utf-8")
    (root / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    (views / "leak.txt").symlink_to(root / "secret.txt")
    return root


@pytest.fixture(scope="module")
def server(site):
    srv = make_server(ServeSettings(graph=site / "graph.ttl", host="127.0.0.1", port=0, timeout=TIMEOUT, limit=LIMIT,
                                    views=site / "views", workers=WORKERS))
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    thread.join(timeout=5)
    pids = srv.pool.pids()
    srv.server_close()
    assert not thread.is_alive()
    for pid in pids:
        assert not _alive(pid)


@pytest.fixture
def endpoint(server) -> str:
    return server.url + "sparql"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def request(server, method: str, target: str, body: bytes | None = None, headers: dict | None = None):
    """(status, headers, body) of one raw HTTP request: the target is sent exactly as given."""
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.request(method, target, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def get(server, query: str, accept: str | None = None, **params):
    headers = {"Accept": accept} if accept else {}
    return request(server, "GET", "/sparql?" + urlencode({"query": query, **params}), headers=headers)


def client(endpoint: str, query: str, fmt=JSON, method: str | None = None, request_method: str = URLENCODED):
    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if method:
        sparql.setMethod(method)
        sparql.setRequestMethod(request_method)
    return sparql


# --- SPARQL 1.1 Protocol with a real client ------------------------------------------------------


@pytest.mark.parametrize("method, request_method", [(None, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)],
                         ids=["GET", "POST-form", "POST-direct"])
def test_select_answers_exact_rows(endpoint, method, request_method):
    result = client(endpoint, NAMES, JSON, method, request_method).query()
    assert result.response.status == 200
    assert result.response.headers["Content-Type"] == "application/sparql-results+json; charset=utf-8"
    assert result.response.headers[serve.LIMIT_HEADER] == str(LIMIT)
    assert serve.TRUNCATED_HEADER not in result.response.headers
    data = result.convert()
    assert data == {"head": {"vars": ["name", "rank"]}, "results": {"bindings": NAMES_BINDINGS}}


def test_select_declares_the_project_prefixes_like_kg_query(endpoint):
    text = "SELECT ?e ?label WHERE { ?e a kg:Country ; rdfs:label ?label } ORDER BY ?label"
    expected = [(str(row.e), str(row.label)) for row in run_query(kg_graph(), text)]
    data = client(endpoint, text).query().convert()
    rows = [(b["e"]["value"], b["label"]["value"]) for b in data["results"]["bindings"]]
    assert rows == expected
    assert [label for _, label in rows] == ["Russia", "Ukraine"]


@pytest.mark.parametrize("fmt", [JSON, XML])
@pytest.mark.parametrize("text, answer", [
    ("PREFIX ex: <http://example.org/> ASK { ex:gamma ex:knows ex:alpha }", True),
    ("PREFIX ex: <http://example.org/> ASK { ex:alpha ex:knows ex:gamma }", False),
])
def test_ask(endpoint, text, answer, fmt):
    result = client(endpoint, text, fmt).query()
    if fmt == JSON:
        assert result.convert() == {"head": {}, "boolean": answer}
    else:
        root = result.convert().documentElement
        assert root.getElementsByTagName("boolean")[0].firstChild.data == str(answer).lower()


def test_construct_as_turtle(endpoint):
    result = client(endpoint, KNOWS, TURTLE).query()
    assert result.response.headers["Content-Type"] == "text/turtle; charset=utf-8"
    got = Graph().parse(data=result.convert(), format="turtle")
    expected = Graph().parse(data=KNOWS_TTL, format="turtle")
    in_both, only_got, only_expected = graph_diff(got, expected)
    assert isomorphic(got, expected), (sorted(only_got), sorted(only_expected))


@pytest.mark.parametrize("fmt, content_type", [(JSONLD, "application/ld+json; charset=utf-8"),
                                               (XML, "application/rdf+xml; charset=utf-8")])
def test_construct_as_jsonld_and_rdfxml(endpoint, fmt, content_type):
    result = client(endpoint, KNOWS, fmt).query()
    assert result.response.headers["Content-Type"] == content_type
    got = Graph()
    for triple in result.convert():
        got.add(triple)
    assert isomorphic(got, Graph().parse(data=KNOWS_TTL, format="turtle"))


def test_construct_of_kg_data_keeps_iris_with_slashes(endpoint):
    text = "CONSTRUCT { ?e rdfs:label ?label } WHERE { ?e a kg:Country ; rdfs:label ?label }"
    body = client(endpoint, text, TURTLE).query().convert()
    expected = Graph()
    for row in run_query(kg_graph(), "SELECT ?e ?label WHERE { ?e a kg:Country ; rdfs:label ?label }"):
        expected.add((row.e, Namespace("http://www.w3.org/2000/01/rdf-schema#").label, row.label))
    assert len(expected) == 2
    assert isomorphic(Graph().parse(data=body, format="turtle"), expected)


# --- content negotiation -------------------------------------------------------------------------


def test_csv_and_tsv_by_accept(server):
    status, headers, body = get(server, NAMES, "text/csv")
    assert (status, headers["Content-Type"]) == (200, "text/csv; charset=utf-8")
    assert body.decode() == 'name,rank\r\nAlpha,1\r\nBeta,2\r\n"Gam,ma ""3""",3\r\n'
    status, headers, body = get(server, NAMES, "text/tab-separated-values")
    assert (status, headers["Content-Type"]) == (200, "text/tab-separated-values; charset=utf-8")
    assert body.decode() == '?name\t?rank\n"Alpha"\t1\n"Beta"@en\t2\n"Gam,ma \\"3\\""\t3\n'


def test_xml_by_accept(server):
    status, headers, body = get(server, NAMES, "application/sparql-results+xml")
    assert (status, headers["Content-Type"]) == (200, "application/sparql-results+xml; charset=utf-8")
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(body)
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == ["name", "rank"]
    rows = []
    for result in root.findall("r:results/r:result", ns):
        row = {}
        for binding in result.findall("r:binding", ns):
            literal = binding.find("r:literal", ns)
            row[binding.get("name")] = (literal.text, literal.get("{http://www.w3.org/XML/1998/namespace}lang"),
                                        literal.get("datatype"))
        rows.append(row)
    assert rows == [
        {"name": ("Alpha", None, None), "rank": ("1", None, INTEGER)},
        {"name": ("Beta", "en", None), "rank": ("2", None, INTEGER)},
        {"name": ('Gam,ma "3"', None, None), "rank": ("3", None, INTEGER)},
    ]


def test_urllib_default_is_json_and_format_parameter_overrides_accept(server, endpoint):
    with urllib.request.urlopen(endpoint + "?" + urlencode({"query": NAMES})) as response:
        assert response.headers["Content-Type"] == "application/sparql-results+json; charset=utf-8"
        assert json.loads(response.read())["results"]["bindings"] == NAMES_BINDINGS
    status, headers, body = get(server, NAMES, "application/sparql-results+json", format="csv")
    assert (status, headers["Content-Type"]) == (200, "text/csv; charset=utf-8")
    assert body.decode().startswith("name,rank\r\n")


def test_accept_with_q_values_picks_the_preferred_format(server):
    status, headers, _ = get(server, NAMES, "application/sparql-results+json;q=0.5, text/csv;q=0.9, */*;q=0.1")
    assert (status, headers["Content-Type"]) == (200, "text/csv; charset=utf-8")
    status, headers, _ = get(server, KNOWS, "application/ld+json;q=0.4, text/*;q=0.8")
    assert (status, headers["Content-Type"]) == (200, "text/turtle; charset=utf-8")


def test_unacceptable_format_is_406(server):
    status, headers, body = get(server, NAMES, "image/png")
    assert status == 406
    assert body.decode() == (
        "no acceptable format for SELECT results (Accept: image/png); this endpoint gives "
        "application/sparql-results+json (json), application/sparql-results+xml (xml), text/csv (csv), "
        "text/tab-separated-values (tsv)\n")
    status, _, body = get(server, KNOWS, format="csv")
    assert status == 406
    assert body.decode().startswith("no acceptable format for CONSTRUCT/DESCRIBE results (format=csv)")


@pytest.mark.parametrize("accept, formats, expected", [
    ("", (), "json"),
    ("*/*", (), "json"),
    ("text/csv", (), "csv"),
    ("application/json", (), "json"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", (), "xml"),
    ("text/csv;q=0, */*", (), "json"),
    ("text/*;q=0.9, text/tab-separated-values", (), "tsv"),
    ("text/csv, text/tab-separated-values", (), "csv"),
    ("text/tab-separated-values, text/csv", (), "tsv"),
    ("image/png", (), None),
    ("text/csv", ("json",), "json"),
    ("text/csv", ("tsv", "text/tab-separated-values"), "tsv"),
    ("", ("turtle",), None),
])
def test_choose_result_format(accept, formats, expected):
    chosen = serve.choose_format(RESULT_FORMATS, accept, formats)
    assert (chosen.name if chosen else None) == expected


@pytest.mark.parametrize("accept, formats, expected", [
    ("", (), "turtle"),
    ("application/rdf+xml", (), "rdfxml"),
    ("application/turtle,text/turtle", (), "turtle"),
    ("application/ld+json,application/x-json+ld", (), "jsonld"),
    ("*/*", ("json",), "jsonld"),
    ("*/*", ("xml",), "rdfxml"),
    ("application/n-triples", (), "ntriples"),
    ("text/csv", (), None),
])
def test_choose_graph_format(accept, formats, expected):
    chosen = serve.choose_format(GRAPH_FORMATS, accept, formats)
    assert (chosen.name if chosen else None) == expected


def test_results_json_matches_oxigraph_serializer():
    store = ox.Store()
    store.load(input='PREFIX e: <http://e/>\n e:a e:p "x"@en--rtl , "y"@de , 1.5 , "z" , _:b , <<( e:a e:p e:b )>> .',
               format=ox.RdfFormat.TURTLE)
    text = "SELECT ?o ?unbound WHERE { ?s ?p ?o OPTIONAL { ?s <http://e/none> ?unbound } } ORDER BY STR(?o)"
    ours = serve.solutions_json(["o", "unbound"], store.query(text))
    theirs = store.query(text).serialize(format=ox.QueryResultsFormat.JSON)
    assert json.loads(ours) == json.loads(theirs)
    assert len(json.loads(ours)["results"]["bindings"]) == 6


# --- limits ---------------------------------------------------------------------------------------


def test_rows_past_the_limit_are_cut_off_and_flagged(server):
    text = "PREFIX gen: <http://example.org/gen/> SELECT ?s WHERE { ?s gen:v ?o }"
    status, headers, body = get(server, text)
    assert status == 200
    assert headers[serve.TRUNCATED_HEADER] == "true"
    assert headers[serve.LIMIT_HEADER] == str(LIMIT)
    assert len(json.loads(body)["results"]["bindings"]) == LIMIT
    status, headers, body = get(server, "PREFIX gen: <http://example.org/gen/> CONSTRUCT WHERE { ?s gen:v ?o }",
                                "application/n-triples")
    assert status == 200
    assert headers[serve.TRUNCATED_HEADER] == "true"
    assert len(body.decode().splitlines()) == LIMIT
    status, headers, body = get(server, text + " LIMIT 1000")
    assert status == 200 and serve.TRUNCATED_HEADER not in headers


def test_query_past_the_time_limit_is_stopped_and_the_server_keeps_answering(server):
    before = set(server.pool.pids())
    stopped = server.pool.stopped_queries
    started = time.monotonic()
    status, headers, body = get(server, CROSS_JOIN)
    elapsed = time.monotonic() - started
    assert status == 503
    assert body.decode() == ("query stopped: it ran longer than the server's time limit of 1 s "
                             "(kg serve --timeout)\n")
    assert TIMEOUT <= elapsed < TIMEOUT + 2
    assert server.pool.stopped_queries == stopped + 1
    gone = before - set(server.pool.pids())
    assert len(gone) == 1 and not _alive(gone.pop())  # the worker running it was ended, not left to run
    status, _, body = get(server, "PREFIX ex: <http://example.org/> ASK { ex:alpha ex:knows ex:beta }")
    assert (status, json.loads(body)) == (200, {"head": {}, "boolean": True})
    wait_for_workers(server, server.pool.size)


def wait_for_workers(server, count: int, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while len(server.pool.pids()) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(server.pool.pids()) == count


def test_a_worker_killed_while_idle_is_replaced_without_failing_a_query(server):
    wait_for_workers(server, server.pool.size)
    before = server.pool.pids()
    os.kill(before[0], signal.SIGKILL)
    for _ in range(server.pool.size + 1):  # the idle queue is FIFO: one of these finds the dead worker first
        status, _, body = get(server, NAMES)
        assert (status, json.loads(body)["results"]["bindings"]) == (200, NAMES_BINDINGS)
    wait_for_workers(server, server.pool.size)
    assert before[0] not in server.pool.pids()


def test_workers_killed_mid_query_answer_500_and_are_replaced(server):
    wait_for_workers(server, server.pool.size)
    before = set(server.pool.pids())
    answers = []
    running = threading.Thread(target=lambda: answers.append(get(server, CROSS_JOIN)))
    running.start()
    time.sleep(0.3)  # the cross join is now running in one of the workers
    for pid in before:
        os.kill(pid, signal.SIGKILL)
    running.join(timeout=10)
    status, _, body = answers[0]
    assert (status, body.decode()) == (500, "the query worker stopped unexpectedly (exit code -9)\n")
    get(server, NAMES)  # finds the two idle ones dead: they are replaced too
    wait_for_workers(server, server.pool.size)
    assert not before & set(server.pool.pids())
    status, _, body = get(server, NAMES)
    assert (status, json.loads(body)["results"]["bindings"]) == (200, NAMES_BINDINGS)


# --- read-only and bad requests --------------------------------------------------------------------


def test_update_through_sparqlwrapper_is_refused(endpoint):
    sparql = client(endpoint, "PREFIX ex: <http://example.org/> INSERT DATA { ex:alpha ex:knows ex:gamma }",
                    JSON, POST)
    with pytest.raises(urllib.error.HTTPError) as caught:
        sparql.query()
    assert caught.value.code == 403


@pytest.mark.parametrize("how", ["update-param", "sparql-update-body", "insert-as-query", "delete-where-as-query"])
def test_updates_are_refused_with_403(server, how):
    insert = "PREFIX ex: <http://example.org/>\n# comment\nINSERT DATA { ex:alpha ex:knows ex:gamma }"
    if how == "update-param":
        status, _, body = request(server, "POST", "/sparql", urlencode({"update": insert}).encode(),
                                  {"Content-Type": "application/x-www-form-urlencoded"})
        message = "this endpoint is read-only: SPARQL Update is refused\n"
    elif how == "sparql-update-body":
        status, _, body = request(server, "POST", "/sparql", insert.encode(),
                                  {"Content-Type": "application/sparql-update"})
        message = "this endpoint is read-only: SPARQL Update is refused\n"
    elif how == "insert-as-query":
        status, _, body = get(server, insert)
        message = "this endpoint is read-only: SPARQL Update (INSERT) is refused\n"
    else:
        status, _, body = request(server, "POST", "/sparql", b"DELETE WHERE { ?s ?p ?o }",
                                  {"Content-Type": "application/sparql-query"})
        message = "this endpoint is read-only: SPARQL Update (DELETE) is refused\n"
    assert (status, body.decode()) == (403, message)
    status, _, body = get(server, "PREFIX ex: <http://example.org/> ASK { ex:alpha ex:knows ex:gamma }")
    assert json.loads(body)["boolean"] is False


def test_other_methods_are_405(server):
    status, headers, _ = request(server, "PUT", "/sparql", b"x", {"Content-Type": "text/turtle"})
    assert (status, headers["Allow"]) == (405, "GET, POST")
    status, headers, _ = request(server, "DELETE", "/index.html")
    assert (status, headers["Allow"]) == (405, "GET, HEAD")


def test_cross_origin_get_and_post_and_preflight_are_allowed(server):
    origin = {"Origin": "https://analyst.example"}
    status, headers, body = request(server, "GET", "/sparql?" + urlencode({"query": NAMES}), headers=origin)
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
    assert "X-KG-Truncated" in headers["Access-Control-Expose-Headers"]
    assert json.loads(body)["results"]["bindings"] == NAMES_BINDINGS
    status, headers, body = request(server, "POST", "/sparql", NAMES.encode(),
                                    origin | {"Content-Type": "application/sparql-query"})
    assert (status, headers["Access-Control-Allow-Origin"]) == (200, "*")
    assert json.loads(body)["results"]["bindings"] == NAMES_BINDINGS
    status, headers, body = request(server, "OPTIONS", "/sparql", headers=origin | {
        "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type, x-other"})
    assert (status, body) == (200, b"")
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert headers["Access-Control-Allow-Methods"] == "GET, POST, OPTIONS"
    assert headers["Access-Control-Allow-Headers"] == "content-type"
    status, headers, _ = request(server, "GET", "/sparql?" + urlencode({"query": "SELECT ?s WHERE { ?s ?p }"}),
                                 headers=origin)
    assert (status, headers["Access-Control-Allow-Origin"]) == (400, "*")  # errors are readable too
    status, headers, _ = request(server, "OPTIONS", "/index.html", headers=origin)
    assert status == 405 and "Access-Control-Allow-Origin" not in headers


def test_no_cors_leaves_cross_origin_headers_out(site):
    srv = make_server(ServeSettings(graph=site / "graph.ttl", port=0, workers=1, cors=False))
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        status, headers, _ = request(srv, "GET", "/sparql?" + urlencode({"query": NAMES}),
                                     headers={"Origin": "https://analyst.example"})
        assert status == 200 and "Access-Control-Allow-Origin" not in headers
        status, headers, _ = request(srv, "OPTIONS", "/sparql", headers={"Origin": "https://analyst.example",
                                                                        "Access-Control-Request-Method": "POST"})
        assert status == 405 and "Access-Control-Allow-Origin" not in headers
    finally:
        srv.shutdown()
        thread.join(timeout=5)
        srv.server_close()


def test_cli_has_a_no_cors_flag():
    result = runner.invoke(app, ["serve", "--help"])
    assert "--no-cors" in result.stdout


def test_malformed_query_is_400_with_the_parser_message(server, endpoint):
    bad = "SELECT ?s WHERE { ?s ?p }"
    with pytest.raises(SyntaxError) as parser:
        ox.Store().query(bad)
    expected = f"bad SPARQL query: {parser.value}"
    status, headers, body = get(server, bad)
    assert (status, headers["Content-Type"], body.decode()) == (400, "text/plain; charset=utf-8", expected + "\n")
    with pytest.raises(QueryBadFormed) as caught:
        client(endpoint, bad, JSON, POST).query()
    assert expected in str(caught.value)


@pytest.mark.parametrize("target, body, headers, status, message", [
    ("/sparql", None, {}, 400, "no query: give one in the query parameter (or open /query)"),
    ("/sparql?query=ASK%7B%7D&query=ASK%7B%7D", None, {}, 400, "more than one query: give exactly one"),
    ("/sparql", b"ASK {}", {"Content-Type": "text/plain"}, 415,
     "POST /sparql takes application/x-www-form-urlencoded or application/sparql-query, not text/plain"),
    ("/sparql?query=%FF", None, {}, 400, "the parameters are not UTF-8 once percent-decoded"),
    ("/sparql?query=ASK%7B%7D&default-graph-uri=not%20an%20iri", None, {}, 400,
     "bad default-graph-uri or named-graph-uri: Invalid IRI code point ' '"),
])
def test_bad_requests(server, target, body, headers, status, message):
    method = "GET" if body is None else "POST"
    got_status, _, got_body = request(server, method, target, body, headers)
    assert (got_status, got_body.decode()) == (status, message + "\n")


def test_service_is_refused(server):
    status, _, body = get(server, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert (status, body.decode()) == (403, "SERVICE is refused: this endpoint only queries its own graph\n")


@pytest.mark.parametrize("text, form, service", [
    ("SELECT * {}", "SELECT", False),
    ("PREFIX ex: <http://example.org/#> BASE <http://x/> prefix : <urn:a#>\n# INSERT\nask {}", "ASK", False),
    ("  # comment with <iri> and 'quote\nCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT", False),
    ("PREFIX ex: <http://e/> INSERT DATA { ex:a ex:b 'SERVICE' }", "INSERT", False),
    ("\\u0049NSERT DATA { <a> <b> <c> }", "INSERT", False),
    ("with <g> delete { ?s ?p ?o } where { ?s ?p ?o }", "WITH", False),
    ("SELECT ?service WHERE { ?service ex:SERVICE <http://e/SERVICE> . FILTER(?service != 'SERVICE') }", "SELECT",
     False),
    ("SELECT * WHERE { SERVICE SILENT <http://e/> { ?s ?p ?o } }", "SELECT", True),
    ("SELECT * WHERE { ?s ?p ?o .SERVICE ?x { } }", "SELECT", True),
    ("SELECT * WHERE { \\u0053ERVICE <http://e/> { } }", "SELECT", True),
    ("", None, False),
])
def test_query_form_and_service(text, form, service):
    assert serve.query_form(text) == form
    assert serve.uses_service(text) is service


def test_host_header_of_another_site_is_refused(server):
    host, port = server.server_address[:2]
    status, _, body = request(server, "GET", "/index.html", headers={"Host": f"attacker.example:{port}"})
    assert status == 403
    assert body.decode().startswith(f"unexpected Host header 'attacker.example:{port}'")
    status, _, _ = request(server, "GET", "/index.html", headers={"Host": f"localhost:{port}"})
    assert status == 200


# --- views and the query page ----------------------------------------------------------------------


@pytest.mark.parametrize("target, status, body", [
    ("/", 200, "<h1>views</h1>\n"),
    ("/index.html", 200, "<h1>views</h1>\n"),
    ("/sub/", 404, "not found: /sub/\n"),  # a subfolder without index.html is not listed
    ("/sub/page.html", 200, "<p>sub page</p>\n"),
    ("/sub/../index.html", 200, "<h1>views</h1>\n"),
    ("/sub", 301, "moved\n"),
    ("/missing.html", 404, "not found: /missing.html\n"),
    ("/.hidden", 404, "not found: /.hidden\n"),
])
def test_views_are_served(server, target, status, body):
    got_status, headers, got_body = request(server, "GET", target)
    assert got_status == status
    if body is not None:
        assert got_body.decode() == body
    if target == "/sub":
        assert headers["Location"] == "/sub/"
    if target == "/index.html":
        assert headers["Content-Type"] == "text/html; charset=utf-8"


@pytest.mark.parametrize("target, status", [
    ("/../secret.txt", 403),
    ("/%2e%2e/secret.txt", 403),
    ("/..%2fsecret.txt", 403),
    ("/sub/../../secret.txt", 403),
    ("/sub/%2E%2E/%2E%2E/secret.txt", 403),
    ("/leak.txt", 403),  # a symlink out of the folder
    ("/../../../../../../etc/passwd", 403),
    ("//etc/passwd", 404),  # read as etc/passwd inside the folder
    ("/%2Fetc%2Fpasswd", 404),
])
def test_path_traversal_is_refused(server, target, status):
    got_status, _, body = request(server, "GET", target)
    assert got_status == status
    assert SECRET.encode() not in body and b"root:" not in body


def test_query_page(server):
    status, headers, body = request(server, "GET", "/query")
    assert (status, headers["Content-Type"]) == (200, "text/html; charset=utf-8")
    assert headers["Content-Security-Policy"].startswith("default-src 'none'; script-src 'self';")
    page = body.decode()
    assert '<textarea id="query"' in page and '<script src="/_kg/query.js" defer></script>' in page
    assert "PREFIX kg: &lt;https://w3id.org/kg-conflict/ontology#&gt;" in page
    assert "queries stop after 1 s · answers hold at most 1,000 rows" in page
    assert "<script>" not in page and "http://" not in page.split("<pre")[0]  # no inline script, no CDN
    status, headers, script = request(server, "GET", "/_kg/query.js")
    assert (status, headers["Content-Type"]) == (200, "text/javascript; charset=utf-8")
    assert b"innerHTML" not in script and b"textContent" in script
    assert request(server, "GET", "/_kg/query.css")[0] == 200


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs a headless chromium")
def test_query_page_renders_results_as_text_in_a_browser(server):
    text = ('PREFIX ex: <http://example.org/> SELECT ?name ?html WHERE { ex:alpha ex:name ?name '
            'BIND("<img src=x onerror=alert(1)>"@en AS ?html) }')
    url = server.url + "query?" + urlencode({"query": text})
    dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
                          "--dump-dom", url], capture_output=True, text=True, timeout=60).stdout
    assert '<span id="status" role="status" aria-live="polite">1 row in ' in dom
    assert ("<tr><th>?name</th><th>?html</th></tr></thead><tbody><tr><td>Alpha</td>"
            '<td>&lt;img src=x onerror=alert(1)&gt;<span class="meta">@en</span></td></tr>') in dom
    assert "<img" not in dom


def test_folder_index_lists_files_when_there_is_no_index_html(tmp_path):
    (tmp_path / "graph.ttl").write_text('<http://e/a> <http://e/p> "<b>" .\n', encoding="utf-8")
    (tmp_path / "map <1>.html").write_text("<p>map</p>", encoding="utf-8")
    page = serve._index_page(tmp_path).decode()
    assert '<li><a href="map%20%3C1%3E.html">map &lt;1&gt;.html</a></li>' in page
    assert '<li><a href="graph.ttl">graph.ttl</a></li>' in page


# --- load ------------------------------------------------------------------------------------------


def test_fifty_concurrent_clients_for_twenty_seconds(server, capsys):
    clients, seconds = 50, 20.0
    text = "PREFIX ex: <http://example.org/> SELECT ?name WHERE { ex:alpha ex:name ?name }"
    target = "/sparql?" + urlencode({"query": text})
    expected = [{"name": {"type": "literal", "value": "Alpha"}}]
    host, port = server.server_address[:2]
    latencies: list[list[float]] = [[] for _ in range(clients)]
    failures: list[str] = []
    go = threading.Event()
    stop_at = [0.0]

    def run(index: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=30)
        go.wait()
        try:
            while time.monotonic() < stop_at[0]:
                started = time.perf_counter()
                conn.request("GET", target, headers={"Accept": "application/sparql-results+json"})
                response = conn.getresponse()
                body = response.read()
                latencies[index].append(time.perf_counter() - started)
                if response.status != 200 or json.loads(body)["results"]["bindings"] != expected:
                    failures.append(f"client {index}: {response.status} {body[:200]!r}")
                    return
        except (OSError, http.client.HTTPException, ValueError) as exc:
            failures.append(f"client {index}: {exc!r}")
        finally:
            conn.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    stop_at[0] = time.monotonic() + seconds
    go.set()
    for thread in threads:
        thread.join(timeout=seconds + 30)
    answered = sorted(chain.from_iterable(latencies))
    p95 = answered[int(0.95 * (len(answered) - 1))] if answered else float("nan")
    with capsys.disabled():
        print(f"\nload: {clients} clients for {seconds:g} s: {len(answered)} queries "
              f"({len(answered) / seconds:.0f}/s), p50 {answered[len(answered) // 2] * 1000:.1f} ms, "
              f"p95 {p95 * 1000:.1f} ms, max {answered[-1] * 1000:.1f} ms")
    assert failures == []
    assert all(not thread.is_alive() for thread in threads)
    assert all(latencies), "a client got no answer"


# --- the command -----------------------------------------------------------------------------------


runner = CliRunner()


def test_cli_missing_graph_is_one_line(tmp_path):
    missing = tmp_path / "nope.ttl"
    result = runner.invoke(app, ["serve", "--graph", str(missing), "--port", "0"])
    assert result.exit_code == 1
    assert result.stderr == f"error: graph file not found: {missing} (run `kg build` first, or pass --graph)\n"
    assert result.stdout == ""


def test_cli_broken_turtle_is_one_line(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://e/a> <http://e/p> .\n", encoding="utf-8")
    result = runner.invoke(app, ["serve", "--graph", str(broken), "--port", "0", "--workers", "1"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: cannot parse {broken}: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_cli_port_in_use_is_one_line(site):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--graph", str(site / "graph.ttl"), "--port", str(port)])
    assert result.exit_code == 1
    assert result.stderr == f"error: cannot listen on 127.0.0.1:{port}: Address already in use\n"


def test_cli_missing_store_is_one_line(tmp_path):
    result = runner.invoke(app, ["serve", "--store", str(tmp_path / "store"), "--port", "0"])
    assert (result.exit_code, result.stderr) == (1, f"error: store folder not found: {tmp_path / 'store'}\n")


def test_store_folder_is_served_read_only(tmp_path):
    store = ox.Store(str(tmp_path / "store"))
    store.load(input=KNOWN, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("http://example.org/graph/known"))
    store.flush()
    del store
    srv = make_server(ServeSettings(store=tmp_path / "store", port=0, workers=1))
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        assert srv.triples is None
        data = client(srv.url + "sparql", NAMES).query().convert()
        assert data["results"]["bindings"] == NAMES_BINDINGS  # named graphs read as one, like `kg query`
        status, _, body = get(srv, NAMES, **{"default-graph-uri": "http://example.org/graph/none"})
        assert status == 200 and json.loads(body)["results"]["bindings"] == []
    finally:
        srv.shutdown()
        thread.join(timeout=5)
        srv.server_close()


DATASET_TRIG = """\
@prefix ex: <http://example.org/> .
ex:g1 { ex:alpha ex:name "Alpha" . }
ex:g2 { ex:beta ex:name "Beta" . }
"""


def _names(srv, text, **params):
    status, _, body = get(srv, text, **params)
    assert status == 200, body
    return sorted(b[k]["value"] for b in json.loads(body)["results"]["bindings"] for k in b)


@pytest.mark.parametrize("kind", ["trig-file", "store"])
def test_from_and_from_named_choose_the_dataset(tmp_path, kind):
    if kind == "store":
        store = ox.Store(str(tmp_path / "store"))
        store.load(input=DATASET_TRIG, format=ox.RdfFormat.TRIG)
        store.load(input='@prefix ex: <http://example.org/> . ex:alpha ex:name "Alpha" . ex:beta ex:name "Beta" .',
                   format=ox.RdfFormat.TURTLE)  # the union in the default graph, as kg build --store writes it
        assert len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))) == 2
        store.flush()
        del store
        settings = ServeSettings(store=tmp_path / "store", port=0, workers=1)
    else:
        (tmp_path / "graph.trig").write_text(DATASET_TRIG, encoding="utf-8")
        settings = ServeSettings(graph=tmp_path / "graph.trig", port=0, workers=1)
    srv = make_server(settings)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    prefix = "PREFIX ex: <http://example.org/> "
    try:
        assert _names(srv, prefix + "SELECT ?n WHERE { ?s ex:name ?n }") == ["Alpha", "Beta"]  # the union
        assert _names(srv, prefix + "SELECT ?n FROM ex:g1 WHERE { ?s ex:name ?n }") == ["Alpha"]
        assert _names(srv, prefix + "SELECT ?n FROM <http://example.org/g2> WHERE { ?s ex:name ?n }") == ["Beta"]
        assert _names(srv, prefix + "SELECT ?n from ex:g1 FROM ex:g2 WHERE { ?s ex:name ?n }") == ["Alpha", "Beta"]
        assert _names(srv, prefix + "SELECT ?g FROM NAMED ex:g2 WHERE { GRAPH ?g { ?s ex:name ?n } }") == [
            "http://example.org/g2"]
        assert _names(srv, prefix + "SELECT ?n FROM NAMED ex:g2 WHERE { ?s ex:name ?n }") == []  # no default graph
        # the protocol's default-graph-uri takes precedence over FROM (SPARQL 1.1 Protocol §2.1.4)
        assert _names(srv, prefix + "SELECT ?n FROM ex:g1 WHERE { ?s ex:name ?n }",
                      **{"default-graph-uri": "http://example.org/g2"}) == ["Beta"]
    finally:
        srv.shutdown()
        thread.join(timeout=5)
        srv.server_close()


@pytest.mark.parametrize("text, expected", [
    ("SELECT * FROM <http://e/g> WHERE { ?s ?p ?o }", True),
    ("SELECT * FROM NAMED <http://e/g> WHERE { GRAPH ?g { ?s ?p ?o } }", True),
    ("PREFIX from: <http://e/> SELECT ?from WHERE { ?from from:x 'FROM' } # FROM", False),
    ("SELECT * WHERE { ?s <http://e/from> ?o ; ex:from ?x }", False),
])
def test_has_dataset_clause(text, expected):
    assert serve.has_dataset_clause(text) is expected


@pytest.mark.parametrize("text, depth", [
    ("SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }", 5002),
    ("SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000, 5000),
    ("SELECT * WHERE { ?s ?p ?o " + "[" * 5000, 5001),
], ids=["parentheses", "braces", "unclosed-brackets"])
def test_over_deep_queries_are_refused_before_parsing(server, text, depth):
    before = set(server.pool.pids())
    status, _, body = request(server, "POST", "/sparql", text.encode(), {"Content-Type": "application/sparql-query"})
    assert (status, body.decode()) == (400, (
        f"the query nests brackets, parentheses or braces {depth} levels deep; the limit is 128 "
        "(a deeper query would exhaust the parser's stack)\n"))
    assert set(server.pool.pids()) == before  # no worker was involved, none crashed
    deep_but_fine = "ASK { FILTER(" + "(" * 100 + "true" + ")" * 100 + ") }"
    status, _, body = get(server, deep_but_fine)
    assert (status, json.loads(body)["boolean"]) == (200, True)


def test_nesting_depth_ignores_brackets_in_strings_iris_and_comments():
    assert serve.nesting_depth("SELECT * WHERE { ?s ?p '(((' . ?s ?p <http://e/(> } # {{{{") == 1
    assert serve.nesting_depth("ASK { { ?s ?p [ ?q (1 2) ] } }") == 4


def test_light_queries_stay_fast_while_two_heavy_queries_run(site, capsys):
    """Load test on loopback, bounded in time (about 6 s) and count (at most 4 x 150 light queries)."""
    timeout, light_clients, seconds, most = 6.0, 4, 3.0, 150
    srv = make_server(ServeSettings(graph=site / "graph.ttl", port=0, timeout=timeout, workers=2, light_workers=1))
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    heavy_replies: list = []
    heavies = [threading.Thread(target=lambda: heavy_replies.append(get(srv, CROSS_JOIN))) for _ in range(2)]
    latencies: list[float] = []
    failures: list[str] = []
    try:
        for heavy in heavies:
            heavy.start()
        time.sleep(1.0)  # both cross joins are now past the light budget, each holding a long-query worker
        stop_at = time.monotonic() + seconds

        def light() -> None:
            for _ in range(most):
                if time.monotonic() >= stop_at:
                    return
                started = time.perf_counter()
                status, _, body = get(srv, NAMES)
                latencies.append(time.perf_counter() - started)
                if status != 200 or json.loads(body)["results"]["bindings"] != NAMES_BINDINGS:
                    failures.append(f"{status} {body[:200]!r}")

        lights = [threading.Thread(target=light) for _ in range(light_clients)]
        for t in lights:
            t.start()
        for t in lights:
            t.join(timeout=seconds + 30)
        still_running = sum(h.is_alive() for h in heavies)
        for heavy in heavies:
            heavy.join(timeout=timeout + 10)
    finally:
        srv.shutdown()
        thread.join(timeout=5)
        srv.server_close()
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    with capsys.disabled():
        print(f"\nlight queries while two heavy ones run: {len(latencies)} answered, "
              f"p50 {latencies[len(latencies) // 2] * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
              f"max {latencies[-1] * 1000:.1f} ms")
    assert failures == []
    assert still_running == 2  # the light queries were measured while both heavy ones ran
    assert [r[0] for r in heavy_replies] == [503, 503] and all(b"time limit" in r[2] for r in heavy_replies)
    assert len(latencies) >= 20
    assert p95 < 0.5 * 3  # the real p95 is printed; the bound leaves room for a loaded machine


def test_a_long_query_past_the_long_query_slots_is_run_again_when_one_ends(site):
    srv = make_server(ServeSettings(graph=site / "graph.ttl", port=0, timeout=2.0, workers=1, light_workers=1))
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    replies: list = []
    try:
        first = threading.Thread(target=lambda: replies.append(get(srv, CROSS_JOIN)))
        first.start()
        time.sleep(0.8)  # the first holds the one long-query slot
        second = get(srv, CROSS_JOIN)
        first.join(timeout=10)
        assert srv.pool.requeued_queries == 1
        status, _, body = get(srv, NAMES)  # the light lane still answers
        assert (status, json.loads(body)["results"]["bindings"]) == (200, NAMES_BINDINGS)
    finally:
        srv.shutdown()
        thread.join(timeout=5)
        srv.server_close()
    assert replies[0][0] == 503 and b"time limit of 2 s" in replies[0][2]
    # the second was stopped at 0.5 s, run again when the first ended (at 2 s), and stopped at its own limit
    assert second[0] == 503 and b"time limit of 2 s" in second[2]
