"""The Oxigraph store: a final ORDER BY is done by kg, in the order Oxigraph itself gives."""

import pyoxigraph
import pytest

from kg.query.store import _split_order_by, store_query_rows

EX = "http://example.org/"


@pytest.fixture()
def store():
    s = pyoxigraph.Store()
    rows = [("a", pyoxigraph.Literal("10", datatype=pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), "x"),
            ("b", pyoxigraph.Literal("9", datatype=pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), "x"),
            ("c", pyoxigraph.Literal("2.5", datatype=pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")), "y"),
            ("d", pyoxigraph.Literal("Zaporizhzhia"), "y"),
            ("e", pyoxigraph.Literal("Avdiivka"), None),
            ("f", pyoxigraph.NamedNode(EX + "thing"), "x"),
            ("g", None, "z")]
    for name, value, group in rows:
        node = pyoxigraph.NamedNode(EX + name)
        s.add(pyoxigraph.Quad(node, pyoxigraph.NamedNode(EX + "name"), pyoxigraph.Literal(name)))
        if value is not None:
            s.add(pyoxigraph.Quad(node, pyoxigraph.NamedNode(EX + "value"), value))
        if group is not None:
            s.add(pyoxigraph.Quad(node, pyoxigraph.NamedNode(EX + "group"), pyoxigraph.Literal(group)))
    return s


QUERY = """PREFIX ex: <http://example.org/>
SELECT ?name ?value ?group WHERE {
    ?n ex:name ?name .
    OPTIONAL { ?n ex:value ?value }
    OPTIONAL { ?n ex:group ?group }
}
ORDER BY %s"""


@pytest.mark.parametrize("order", ["?value ?name", "?group DESC(?value)", "DESC(?group) ?name", "ASC(?value)"])
def test_sorting_in_kg_gives_oxigraphs_order(store, order):
    text = QUERY % order
    assert _split_order_by(text)[1]  # kg sorts this one itself
    by_oxigraph = text + "\nLIMIT 100"  # with a LIMIT the ORDER BY stays in the query
    assert _split_order_by(by_oxigraph)[1] == []
    mine = store_query_rows(store, text)
    assert mine == store_query_rows(store, by_oxigraph)
    assert len(mine[1]) == 7


def test_numbers_sort_by_value_and_unbound_first(store):
    _, rows = store_query_rows(store, QUERY % "?value ?name")
    assert [r[0] for r in rows] == ["g", "f", "c", "b", "a", "e", "d"]


def test_what_kg_leaves_to_oxigraph():
    assert _split_order_by("SELECT ?a WHERE { ?a ?b ?c } ORDER BY ?a # last\n") == (
        "SELECT ?a WHERE { ?a ?b ?c } ", [("a", False)])
    for text in ("SELECT ?a WHERE { ?a ?b ?c } ORDER BY STR(?a)",  # an expression
                 "SELECT ?a WHERE { ?a ?b ?c } ORDER BY ?a OFFSET 2",
                 "SELECT ?a WHERE { { SELECT ?a WHERE { ?a ?b ?c } ORDER BY ?a } }",  # not the outer query
                 "SELECT ?a WHERE { ?a ?b ?c }"):
        assert _split_order_by(text) == (text, [])


def test_an_order_by_variable_that_is_not_projected_is_left_to_oxigraph(store):
    text = QUERY.replace("SELECT ?name ?value ?group", "SELECT ?name") % "DESC(?value) ?name"
    assert store_query_rows(store, text) == store_query_rows(store, text + " LIMIT 100")
