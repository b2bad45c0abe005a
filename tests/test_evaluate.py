"""kg evaluate: scores computed from the graph alone, against gold rows."""

import json

import pytest

from kg.build.run import assemble
from kg.errors import GoldError
from kg.evaluate import read_gold, score
from kg.graph.ontology import load_ontology
from tests.graphs import extraction

GOLD = [
    {"kind": "entity", "id": "putin", "type": "Person", "names": ["Vladimir Putin", "Putin"]},
    {"kind": "entity", "id": "russia", "type": "Country", "names": ["Russia"]},
    {"kind": "entity", "id": "ukraine", "type": "Country", "names": ["Ukraine"]},
    {"kind": "entity", "id": "kharkiv", "type": "City", "names": ["Kharkiv"]},
    {"kind": "entity", "id": "belgorod", "type": "Region", "names": ["Belgorod region", "Belgorod"]},
    {"kind": "entity", "id": "forces", "type": "MilitaryUnit", "names": ["Russian Armed Forces"]},
    {"kind": "relation", "doc": "a1", "s": "putin", "p": "leaderOf", "o": "russia", "modality": "Asserted", "evidence": ""},
    {"kind": "relation", "doc": "a1", "s": "forces", "p": "captures", "o": "kharkiv", "modality": "Claimed", "evidence": ""},
    {"kind": "relation", "doc": "a1", "s": "ukraine", "p": "denies", "o": {"text": "anything"}, "modality": "Asserted", "evidence": ""},
    {"kind": "relation", "doc": "a1", "s": "ukraine", "p": "attacks", "o": "belgorod", "modality": "Denied", "evidence": ""},
    {"kind": "relation", "doc": "a1", "s": "ukraine", "p": "estimates", "o": {"value": 6, "unit": "month"}, "modality": "Asserted", "evidence": ""},
    {"kind": "relation", "doc": "a1", "s": "russia", "p": "meets", "o": "ukraine", "modality": "Asserted", "evidence": ""},
]


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    path = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in GOLD) + "\n", encoding="utf-8")
    entities, relations = read_gold(path)
    graph = assemble([extraction()])[2].union()
    return score(graph, entities, relations, load_ontology())


def test_relation_scores(scores):
    # 6 statements in the graph; 5 of the 6 gold rows match (no meeting was extracted)
    assert (scores.extracted, scores.gold, scores.matched) == (6, 6, 5)
    assert scores.relation_precision == pytest.approx(5 / 6)
    assert scores.relation_recall == pytest.approx(5 / 6)
    assert [m.p for m in scores.missed] == ["meets"]
    assert [r.p for r in scores.extra] == ["orders"]


def test_modality_accuracy_counts_matched_statements(scores):
    # the capture is Planned in the graph but Claimed in the gold
    assert scores.modality_accuracy == pytest.approx(4 / 5)
    [(gold, row)] = scores.wrong_modality
    assert (gold.p, gold.modality, row.modality) == ("captures", "Claimed", "Planned")


def test_entity_scores(scores):
    assert scores.entities_found == 6 and not scores.splits and not scores.merges
    assert scores.type_accuracy == 1.0


def test_bad_gold_file_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"kind": "relation"}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="line 1"):
        read_gold(bad)
    with pytest.raises(GoldError, match="not found"):
        read_gold(tmp_path / "missing.jsonl")


def test_the_lists_of_a_score_follow_the_gold_order(tmp_path):
    # every matched statement with another modality than the gold's: listed in the gold's order, in any process
    gold = [dict(r, modality="Hypothetical") if r["kind"] == "relation" and r["p"] != "meets" else r for r in GOLD]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in gold) + "\n", encoding="utf-8")
    entities, relations = read_gold(path)
    scores = score(assemble([extraction()])[2].union(), entities, relations, load_ontology())
    assert [g.p for g, _row in scores.wrong_modality] == ["leaderOf", "captures", "denies", "attacks", "estimates"]
