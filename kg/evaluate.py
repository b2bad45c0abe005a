"""Score a graph against gold annotations (docs/GOLD.md).

Everything is read from the exported graph, so the score measures what a
user of the graph gets: statements of the gold documents are matched to gold
relation rows (document, subject, predicate with sub-properties, object;
symmetric properties in either direction), one to one, by maximum bipartite
matching.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import PROV

from . import errors
from .graph.vocab import KG, SYMMETRIC_PROPERTIES
from .lexicon.gazetteer import fold

GOLD_CLASSES = {"Actor", "Person", "Organization", "Country", "Place", "Region", "City", "MilitaryUnit", "Weapon",
                "Event", "Agreement"}


@dataclass
class GoldEntity:
    id: str
    type: str
    names: list[str]
    wikidata: str | None = None


@dataclass
class GoldRelation:
    doc: str
    s: list[str]
    p: str
    o: object
    modality: str
    evidence: str
    line: int


@dataclass
class StatementRow:
    node: URIRef
    doc: str
    s: URIRef
    p: str
    o: object
    modality: str
    sentence: str


@dataclass
class Scores:
    relation_precision: float
    relation_recall: float
    relation_f1: float
    modality_accuracy: float
    matched: int
    extracted: int
    gold: int
    entities_found: int
    entities_total: int
    splits: list[str]
    merges: list[str]
    missing: list[str]
    type_accuracy: float
    wrong_types: list[str]
    per_property: dict[str, dict[str, float]]
    missed: list[GoldRelation] = field(default_factory=list)
    extra: list[StatementRow] = field(default_factory=list)
    wrong_modality: list[tuple[GoldRelation, StatementRow]] = field(default_factory=list)


def read_gold(path: Path) -> tuple[dict[str, GoldEntity], list[GoldRelation]]:
    path = Path(path)
    if not path.exists():
        raise errors.GoldError(f"gold file not found: {path}")
    entities: dict[str, GoldEntity] = {}
    relations: list[GoldRelation] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if row["kind"] == "entity":
                entities[row["id"]] = GoldEntity(row["id"], row["type"], list(row["names"]), row.get("wikidata"))
            elif row["kind"] == "relation":
                s = row["s"] if isinstance(row["s"], list) else [row["s"]]
                relations.append(GoldRelation(row["doc"], s, row["p"], row["o"], row["modality"],
                                              row.get("evidence", ""), n))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise errors.GoldError(f"{path} line {n}: not a gold row ({errors.one_line(str(exc))})") from None
    return entities, relations


def _subproperties(onto: Graph) -> dict[str, set[str]]:
    """property local name -> itself and every sub-property's local name."""
    ns = str(KG._NS)
    subs: dict[str, set[str]] = defaultdict(set)
    for s, _, o in onto.triples((None, RDFS.subPropertyOf, None)):
        if str(s).startswith(ns) and str(o).startswith(ns):
            subs[str(o)[len(ns):]].add(str(s)[len(ns):])
    closure: dict[str, set[str]] = {}

    def walk(p):
        if p in closure:
            return closure[p]
        out = {p}
        for c in subs.get(p, ()):
            out |= walk(c)
        closure[p] = out
        return out

    for p in list(subs) + [p for v in subs.values() for p in v]:
        walk(p)
    return closure


def _local(iri) -> str:
    text = str(iri)
    return text.split("#")[-1].split("/")[-1]


def read_statements(graph: Graph) -> list[StatementRow]:
    rows = []
    for st in sorted(set(graph.subjects(RDF.type, KG.Statement))):
        s = graph.value(st, RDF.subject)
        p = graph.value(st, RDF.predicate)
        o = graph.value(st, RDF.object)
        mod = graph.value(st, KG.modality)
        sent = graph.value(st, PROV.wasDerivedFrom)
        doc = graph.value(sent, KG.inDocument) if sent is not None else None
        doc_id = graph.value(doc, KG.documentId) if doc is not None else None
        text = graph.value(sent, KG.text) if sent is not None else None
        rows.append(StatementRow(st, str(doc_id) if doc_id else "", s, _local(p), o, _local(mod) if mod else "",
                                 str(text or "")))
    return rows


def score(graph: Graph, gold_entities: dict[str, GoldEntity], gold_relations: list[GoldRelation],
          ontology: Graph) -> Scores:
    subprops = _subproperties(ontology)
    # entity matching by label
    label_index: dict[str, set[URIRef]] = defaultdict(set)
    for prop in (RDFS.label, SKOS.altLabel):
        for node, label in graph.subject_objects(prop):
            if isinstance(label, Literal) and (node, RDF.type, KG.Statement) not in graph:
                label_index[fold(str(label))].add(node)
    gold_nodes: dict[str, set[URIRef]] = {}
    for gid, ent in gold_entities.items():
        nodes = set()
        for name in ent.names:
            nodes |= label_index.get(fold(name), set())
        nodes = {n for n in nodes if any(_local(t) in GOLD_CLASSES for t in graph.objects(n, RDF.type))}
        gold_nodes[gid] = nodes
    node_gold: dict[URIRef, set[str]] = defaultdict(set)
    for gid, nodes in gold_nodes.items():
        for n in nodes:
            node_gold[n].add(gid)
    splits = sorted(g for g, n in gold_nodes.items() if len(n) > 1)
    missing = sorted(g for g, n in gold_nodes.items() if not n)
    merges = sorted({" + ".join(sorted(gs)) for n, gs in node_gold.items() if len(gs) > 1})
    found = [g for g, n in gold_nodes.items() if len(n) == 1]
    superclasses = _superclasses(ontology)
    wrong_types = []
    for g in found:
        node = next(iter(gold_nodes[g]))
        types = {_local(t) for t in graph.objects(node, RDF.type)}
        closure = set()
        for t in types:
            closure |= superclasses.get(t, {t})
        if gold_entities[g].type not in closure:
            wrong_types.append(f"{g}: {gold_entities[g].type} != {', '.join(sorted(types))}")
    type_acc = (len(found) - len(wrong_types)) / len(found) if found else 0.0

    gold_docs = {r.doc for r in gold_relations}
    rows = [r for r in read_statements(graph) if r.doc in gold_docs]

    def ent_match(node, ids) -> bool:
        return any(node in gold_nodes.get(i, ()) for i in ids)

    def obj_match(row: StatementRow, o) -> bool:
        if isinstance(o, dict) and "text" in o:
            return True
        if isinstance(o, dict) and "value" in o:
            if not isinstance(row.o, URIRef):
                return False
            value = graph.value(row.o, KG.value)
            unit = graph.value(row.o, KG.unit)
            return value is not None and abs(float(value) - float(o["value"])) < 1e-6 and str(unit) == o.get("unit")
        ids = o if isinstance(o, list) else [o]
        return ent_match(row.o, ids)

    def matches(row: StatementRow, g: GoldRelation) -> bool:
        if row.doc != g.doc or row.p not in subprops.get(g.p, {g.p}):
            return False
        if ent_match(row.s, g.s) and obj_match(row, g.o):
            return True
        if g.p in SYMMETRIC_PROPERTIES and not isinstance(g.o, dict):
            ids = g.o if isinstance(g.o, list) else [g.o]
            return ent_match(row.s, ids) and ent_match(row.o, g.s)
        return False

    bip = nx.Graph()
    gold_ids = [("g", i) for i in range(len(gold_relations))]
    row_ids = [("r", j) for j in range(len(rows))]
    bip.add_nodes_from(gold_ids, bipartite=0)
    bip.add_nodes_from(row_ids, bipartite=1)
    for i, g in enumerate(gold_relations):
        for j, r in enumerate(rows):
            if matches(r, g):
                # prefer pairs that agree on modality
                bip.add_edge(("g", i), ("r", j), weight=2 if r.modality == g.modality else 1)
    matching = nx.max_weight_matching(bip, maxcardinality=True)
    pairs = {}
    for a, b in sorted(tuple(sorted(edge)) for edge in matching):  # in gold order, whatever the hash seed
        g, r = (a, b) if a[0] == "g" else (b, a)
        pairs[g[1]] = r[1]
    pairs = dict(sorted(pairs.items()))
    matched = len(pairs)
    precision = matched / len(rows) if rows else 0.0
    recall = matched / len(gold_relations) if gold_relations else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    same_mod = [(gold_relations[g], rows[r]) for g, r in pairs.items() if rows[r].modality == gold_relations[g].modality]
    wrong_mod = [(gold_relations[g], rows[r]) for g, r in pairs.items() if rows[r].modality != gold_relations[g].modality]
    mod_acc = len(same_mod) / matched if matched else 0.0
    per_prop: dict[str, dict[str, float]] = {}
    gold_count = Counter(g.p for g in gold_relations)
    matched_count = Counter(gold_relations[g].p for g in pairs)
    extracted_count = Counter()
    for r in rows:
        base = next((p for p in gold_count if r.p in subprops.get(p, {p})), r.p)
        extracted_count[base] += 1
    for p in sorted(set(gold_count) | set(extracted_count)):
        m, gc, ec = matched_count[p], gold_count[p], extracted_count[p]
        pr = m / ec if ec else 0.0
        rc = m / gc if gc else 0.0
        per_prop[p] = {"gold": gc, "extracted": ec, "matched": m, "precision": pr, "recall": rc,
                       "f1": 2 * pr * rc / (pr + rc) if pr + rc else 0.0}
    used_rows = set(pairs.values())
    return Scores(
        relation_precision=precision, relation_recall=recall, relation_f1=f1, modality_accuracy=mod_acc,
        matched=matched, extracted=len(rows), gold=len(gold_relations),
        entities_found=len(found), entities_total=len(gold_entities), splits=splits, merges=merges,
        missing=missing, type_accuracy=type_acc, wrong_types=wrong_types, per_property=per_prop,
        missed=[g for i, g in enumerate(gold_relations) if i not in pairs],
        extra=[r for j, r in enumerate(rows) if j not in used_rows],
        wrong_modality=wrong_mod,
    )


def _superclasses(onto: Graph) -> dict[str, set[str]]:
    ns = str(KG._NS)
    parents: dict[str, set[str]] = defaultdict(set)
    for s, o in onto.subject_objects(RDFS.subClassOf):
        if str(s).startswith(ns) and str(o).startswith(ns):
            parents[str(s)[len(ns):]].add(str(o)[len(ns):])
    out = {}
    for c in list(parents) + list(GOLD_CLASSES):
        seen, stack = set(), [c]
        while stack:
            x = stack.pop()
            if x in seen:
                continue
            seen.add(x)
            stack.extend(parents.get(x, ()))
        out[c] = seen
    return out


def format_scores(s: Scores, graph: Graph, details: bool = True) -> str:
    def label(node):
        lab = graph.value(node, RDFS.label) if isinstance(node, URIRef) else None
        return str(lab) if lab is not None else (str(node) if not isinstance(node, URIRef) else _local(node))

    lines = []
    if details:
        lines.append(f"per property ({'gold':>4} {'extr':>4} {'match':>5}   P     R     F1)")
        for p, d in s.per_property.items():
            lines.append(f"  {p:<15} {d['gold']:>4} {d['extracted']:>4} {d['matched']:>5}  "
                         f"{d['precision']:.2f}  {d['recall']:.2f}  {d['f1']:.2f}")
        lines.append(f"missed gold relations ({len(s.missed)}):")
        for g in s.missed:
            o = g.o if isinstance(g.o, str) else json.dumps(g.o, ensure_ascii=False)[:60]
            lines.append(f"  - {g.doc[:3]} {'/'.join(g.s)} {g.p} {o} [{g.modality}]  «{g.evidence[:70]}»")
        lines.append(f"extra statements ({len(s.extra)}):")
        for r in s.extra:
            o = label(r.o) if isinstance(r.o, URIRef) else str(r.o)[:60]
            lines.append(f"  + {r.doc[:3]} {label(r.s)} {r.p} {o} [{r.modality}]")
        lines.append(f"wrong modality ({len(s.wrong_modality)}):")
        for g, r in s.wrong_modality:
            lines.append(f"  ~ {g.doc[:3]} {'/'.join(g.s)} {g.p}: gold {g.modality}, graph {r.modality}  «{g.evidence[:60]}»")
        if s.splits:
            lines.append("split entities: " + ", ".join(s.splits))
        if s.merges:
            lines.append("merged entities: " + ", ".join(s.merges))
        if s.missing:
            lines.append("entities not found: " + ", ".join(s.missing))
        if s.wrong_types:
            lines.append("wrong types: " + "; ".join(s.wrong_types))
    lines += [
        f"entities: {s.entities_found}/{s.entities_total} found, {len(s.splits)} split, {len(s.merges)} merged, "
        f"type accuracy {s.type_accuracy:.3f}",
        f"relations: {s.matched} matched of {s.gold} gold, {s.extracted} extracted",
        f"relation precision {s.relation_precision:.3f}",
        f"relation recall    {s.relation_recall:.3f}",
        f"relation F1        {s.relation_f1:.3f}",
        f"modality accuracy  {s.modality_accuracy:.3f}",
    ]
    return "\n".join(lines)
