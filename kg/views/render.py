"""Interactive HTML views of a graph, for exploring it offline in a browser.

`render_views(graph)` returns relative path -> content of every file:

- `graph.html`: the whole entity graph: the entities in a statement with one
  another (the most central when there are many, with a note saying how many
  are left out);
- `index.html`: every entity with its statement count, linking to its page;
- `entities/<slug>.html`: one page per entity: its neighbourhood and a table
  of every statement about it, with modality, qualifiers and source sentence;
- `timeline.html`: the dated statements by date and the undated ones apart,
  filterable by entity, relation, document and modality, each row linked to
  its statement on an entity page and its document in the index;
- `graph.graphml`: the same networkx graph for Gephi, yEd or Cytoscape;
- `views.json`: the entities and their pages, for `kg view`;
- `assets/`: vis-network (from pyvis' own copy), the pages' script and style
  sheet, and the entity search list. No page loads anything from a network.

The network of each page is assembled with pyvis and drawn by vis-network.
Edges are drawn from statement nodes, so planned, claimed, hypothetical,
negated and denied relations show too, each modality with its own colour,
dash pattern and arrow head (see `MODALITY_STYLES`, shown as the legend).
One edge stands for all the statements of a subject–property–object: its
label gives their count, its width grows with it, its style is that of the
modality most of them have, and it carries every statement for the side
panel. The page's script keeps labels legible at any zoom (`NODE_LABEL_PX`,
`EDGE_LABEL_PX`) and draws the tooltips itself, from the edge vis-network
hovers (see docs/VIEWS.md).

Safety: every text from the corpus reaches a page either through Jinja2 with
autoescaping, or as JSON inside a `<script type="application/json">` block
with `<`, `>` and `&` escaped, which the page's script turns into DOM text
nodes (never `innerHTML`). A Content-Security-Policy forbids inline scripts,
so even markup that slipped through could not run.

Determinism: everything is sorted, JSON keys are sorted, the layout has a
fixed random seed and no file holds a timestamp, so the same graph gives
byte-identical files.
"""

from __future__ import annotations

import json
import math
import re
import sys
import webbrowser
from collections import Counter, defaultdict
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

import networkx as nx
import pyvis
import typer
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from pyvis.network import Network
from rdflib import Graph

from .. import errors
from ..graph.analysis import (
    EntityRecord,
    StatementRecord,
    build_networkx,
    centrality,
    graphml_text,
    property_label,
    rank_nodes,
    read_entities,
    read_statements,
    statement_counts,
)
from ..graph.vocab import RESOURCE

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"
VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
"""vis-network 9.1.2 as pyvis 0.3.2 ships it: the pages load this copy, never a CDN's."""

MAX_GRAPH_NODES = 300
"""Above this many entities the whole-graph view draws only the most central ones."""
MAX_NEIGHBOURS = 150
"""An entity page draws at most this many neighbours, the most central first."""

EDGE_WIDTH = 1.5
"""Line width of an edge of one statement; an edge of n statements is 1 + log2(n) times as wide, up to:"""
MAX_EDGE_WIDTH = 7.5
NODE_LABEL_PX = 12
EDGE_LABEL_PX = 10
"""Smallest size on screen, in CSS pixels, of entity and relation labels once the layout has been fitted
to the window: the page's script enlarges the fonts of a large graph that the fit shrinks."""

STABILIZATION_ITERATIONS = 400
LAYOUT_SEED = 20250331

MANIFEST = "views.json"
ASSET_FILES = {
    "assets/vis-network.min.js": VIS_DIR / "vis-network.min.js",
    "assets/vis-network.css": VIS_DIR / "vis-network.css",
    "assets/kg-views.js": TEMPLATES_DIR / "kg-views.js",
    "assets/kg-views.css": TEMPLATES_DIR / "kg-views.css",
}
ENTITY_LIST = "assets/kg-entities.js"

CSP = ("default-src 'none'; script-src 'self' file:; style-src 'self' file: 'unsafe-inline'; "
       "img-src 'self' file: data:; font-src 'self' file: data:; object-src 'none'; base-uri 'none'; "
       "form-action 'none'")


@dataclass(frozen=True)
class ModalityStyle:
    color: str
    dashes: tuple[int, ...]  # () for a solid line
    arrow: str  # vis-network arrow type
    description: str


MODALITY_STYLES = {
    "Asserted": ModalityStyle("#3c3c3c", (), "arrow", "stated as fact"),
    "Claimed": ModalityStyle("#d35400", (10, 5), "arrow", "on someone's word"),
    "Planned": ModalityStyle("#1f6fb4", (4, 4), "arrow", "intended, ordered or threatened"),
    "Hypothetical": ModalityStyle("#7b3fa0", (2, 5), "circle", "conditional or speculative"),
    "Negated": ModalityStyle("#c0392b", (12, 4, 2, 4), "bar", "said not to be so"),
    "Denied": ModalityStyle("#a3006d", (3, 3), "bar", "denied by someone"),
}
"""Modalities in legend order, each with its colour, dash pattern and arrow head."""


@dataclass(frozen=True)
class TypeStyle:
    shape: str  # vis-network shape
    color: str
    glyph: str  # the shape as a character, for the legend


TYPE_STYLES = {
    "Person": TypeStyle("dot", "#e15759", "●"),
    "Country": TypeStyle("diamond", "#f28e2b", "◆"),
    "Region": TypeStyle("hexagon", "#59a14f", "⬢"),
    "City": TypeStyle("square", "#76b7b2", "■"),
    "Place": TypeStyle("hexagon", "#8cd17d", "⬢"),
    "Organization": TypeStyle("square", "#4e79a7", "■"),
    "MilitaryUnit": TypeStyle("triangle", "#9c755f", "▲"),
    "Weapon": TypeStyle("star", "#b07aa1", "★"),
    "Agreement": TypeStyle("triangleDown", "#edc948", "▼"),
    "Event": TypeStyle("star", "#ff9da7", "★"),
    "Actor": TypeStyle("dot", "#bab0ac", "●"),
    "Entity": TypeStyle("dot", "#d3d3d3", "●"),
}

TYPE_LABELS = {"MilitaryUnit": "Military unit"}


# --- errors ------------------------------------------------------------------


def _views_missing(exports: Path) -> errors.KGError:
    return errors.GraphError(f"no views in {exports} (run `kg build` first, or pass --exports)")


def _views_unreadable(path: Path, detail: str) -> errors.KGError:
    return errors.GraphError(f"cannot read {path}: {errors.one_line(detail)}")


def _entity_unknown(name: str, exports: Path) -> errors.KGError:
    return errors.GraphError(f"no entity named {name!r} in {exports} (see {exports / 'index.html'})")


def _entity_ambiguous(name: str, pages: list[dict]) -> errors.KGError:
    choices = ", ".join(f"{p['page'].rsplit('/', 1)[-1][:-5]} ({p['label']}, {p['type']})" for p in pages)
    return errors.GraphError(f"{name!r} names {len(pages)} entities; give one of: {choices}")


def _page_missing(path: Path) -> errors.KGError:
    return errors.GraphError(f"page not found: {path} (rebuild the views with `kg build`)")


# --- names and JSON ----------------------------------------------------------

_ENTITY_PREFIX = str(RESOURCE) + "entity/"
_MAX_SLUG = 80


def _hash(text: str, n: int = 8) -> str:
    return sha256(text.encode("utf-8")).hexdigest()[:n]


def _plain_slug(text: str) -> str:
    text = text.lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "entity"


def page_slugs(entities: dict[str, EntityRecord]) -> dict[str, str]:
    """IRI -> file name stem of each entity page, unique and stable across rebuilds.

    An IRI minted by the build (`.../entity/city/ua/kyiv`) gives `city_ua_kyiv`;
    any other IRI gives its label's slug and a hash of the IRI. Names that
    would clash get a hash of their IRI appended.
    """
    wanted = {}
    for iri, ent in entities.items():
        if iri.startswith(_ENTITY_PREFIX) and len(iri) > len(_ENTITY_PREFIX):
            parts = iri[len(_ENTITY_PREFIX):].split("/")
            stem = "_".join(re.sub(r"[^a-z0-9-]+", "-", p.lower()).strip("-") or "x" for p in parts)
        else:
            stem = f"{_plain_slug(ent.label)[:40]}-{_hash(iri)}"
        if len(stem) > _MAX_SLUG:
            stem = f"{stem[:_MAX_SLUG - 9]}-{_hash(iri)}"
        wanted[iri] = stem
    counts = Counter(wanted.values())
    out = {iri: (stem if counts[stem] == 1 else f"{stem}-{_hash(iri)}") for iri, stem in wanted.items()}
    if len(set(out.values())) != len(out):  # a clash even with the short hash: use a long one
        out = {iri: f"{stem}-{_hash(iri, 20)}" for iri, stem in wanted.items()}
    return out


def script_json(data) -> Markup:
    """JSON that is safe inside a <script> element: no `<`, `>` or `&` left to end or escape it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                          ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return Markup(text)


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True, undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["thousands"] = lambda n: f"{n:,}"
    env.filters["type_label"] = lambda t: TYPE_LABELS.get(t, t)
    env.filters["property_label"] = property_label
    env.filters["document_anchor"] = document_anchor
    return env


# --- the view model ----------------------------------------------------------


@dataclass
class ViewModel:
    """What every page is made from: records, the networkx graph, centrality and page names."""

    entities: dict[str, EntityRecord]
    statements: list[StatementRecord]
    graph: nx.MultiDiGraph
    scores: dict[str, float]
    counts: dict[str, int]  # statements between entities at each entity
    slugs: dict[str, str]
    rank: dict[str, int]  # 0 = most central

    @classmethod
    def from_graph(cls, graph: Graph) -> ViewModel:
        entities = read_entities(graph)
        statements = read_statements(graph, entities)
        g = build_networkx(entities, statements)
        scores = centrality(g)
        order = rank_nodes(g, scores)
        return cls(entities=entities, statements=statements, graph=g, scores=scores, counts=statement_counts(g),
                   slugs=page_slugs(entities), rank={n: i for i, n in enumerate(order)})

    def page(self, iri: str) -> str:
        return f"entities/{self.slugs[iri]}.html"

    def statements_about(self) -> dict[str, list[tuple[str, StatementRecord]]]:
        """Entity IRI -> (role, statement) for every statement naming it as subject, object, claimant or place."""
        about: dict[str, list[tuple[str, StatementRecord]]] = defaultdict(list)
        for st in self.statements:
            roles = {}
            for role, iri in (("subject", st.subject), ("object", st.object), ("claimant", st.claimant),
                              ("place", st.place)):
                if iri in self.entities and iri not in roles:
                    roles[iri] = role
            for iri, role in roles.items():
                about[iri].append((role, st))
        return about


def _network_options() -> dict:
    return {
        "autoResize": True,
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": False},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.012, "springLength": 110,
                                 "springConstant": 0.06, "damping": 0.5, "avoidOverlap": 0.4},
            "maxVelocity": 50,
            "minVelocity": 0.75,
            "stabilization": {"enabled": True, "iterations": STABILIZATION_ITERATIONS, "updateInterval": 20,
                              "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": False, "multiselect": False,
                        "navigationButtons": False, "keyboard": {"enabled": True, "bindToWindow": False}},
        "nodes": {"borderWidth": 1, "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3,
                                             "strokeColor": "#ffffff"},
                  "scaling": {"min": 10, "max": 40, "label": {"enabled": False}}},
        "edges": {"width": 1.5, "selectionWidth": 1.5, "hoverWidth": 1,
                  "font": {"size": 10, "align": "horizontal", "face": "sans-serif", "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  "smooth": {"enabled": False}},
    }


def _node_item(vm: ViewModel, iri: str, focus: bool = False) -> dict:
    ent = vm.entities[iri]
    style = TYPE_STYLES.get(ent.type, TYPE_STYLES["Entity"])
    item = {
        "label": ent.label,
        "shape": style.shape,
        "color": style.color,
        "value": vm.scores.get(iri, 0.0),
        "kg": {"iri": iri, "type": ent.type, "typeLabel": TYPE_LABELS.get(ent.type, ent.type),
               "alt": list(ent.alt_labels), "wikidata": ent.wikidata, "mentions": ent.mentions,
               "statements": vm.counts.get(iri, 0), "page": vm.page(iri), "focus": focus, "rank": vm.rank[iri]},
    }
    if focus:
        item["borderWidth"] = 4
        item["color"] = {"background": style.color, "border": "#111111",
                         "highlight": {"background": style.color, "border": "#111111"}}
        item["font"] = {"size": 18}
    return item


def _statement_data(vm: ViewModel, st: StatementRecord) -> dict:
    return {
        "iri": st.iri, "anchor": statement_anchor(st.iri), "subject": st.subject_label,
        "subjectPage": vm.page(st.subject) if st.subject in vm.entities else "",
        "property": st.property, "propertyLabel": property_label(st.property),
        "object": st.object_text, "objectPage": vm.page(st.object) if st.object in vm.entities else "",
        "objectKind": st.object_kind, "modality": st.modality, "date": st.date,
        "claimant": st.claimant_label, "place": st.place_label, "quantity": st.quantity, "role": st.role,
        "evidence": st.evidence, "sentence": st.sentence.strip(), "document": st.document,
        "documentTitle": st.document_title, "documentFile": st.document_file, "published": st.published,
    }


def _dominant_modality(statements: list[StatementRecord]) -> str:
    """The modality most of the statements have; ties go to the first in legend order."""
    order = {m: i for i, m in enumerate(MODALITY_STYLES)}
    counts = Counter(st.modality for st in statements)
    return min(counts, key=lambda m: (-counts[m], order.get(m, len(order)), m))


def edge_width(count: int) -> float:
    """Line width of an edge standing for `count` statements (the page's script uses the same formula)."""
    return round(min(EDGE_WIDTH + EDGE_WIDTH * math.log2(max(count, 1)), MAX_EDGE_WIDTH), 3)


def edge_label(prop: str, count: int) -> str:
    return property_label(prop) + (f" ×{count}" if count > 1 else "")


def edge_id(vm: ViewModel, subject: str, prop: str, obj: str) -> str:
    """The id of the edge of a subject–property–object: the two page names and the property."""
    return f"{vm.slugs[subject]}|{prop}|{vm.slugs[obj]}"


def _edge_item(vm: ViewModel, group: list[StatementRecord], smooth: dict | bool) -> dict:
    """One edge for every statement of a subject–property–object, styled by the modality most of them have."""
    first = group[0]
    style = MODALITY_STYLES.get(_dominant_modality(group), MODALITY_STYLES["Asserted"])
    return {
        "id": edge_id(vm, first.subject, first.property, first.object),
        "label": edge_label(first.property, len(group)),
        "width": edge_width(len(group)),
        "arrows": {"to": {"enabled": True, "type": style.arrow, "scaleFactor": 0.7}},
        "dashes": list(style.dashes) if style.dashes else False,
        "color": {"color": style.color, "highlight": style.color, "hover": style.color, "inherit": False},
        "font": {"color": style.color},
        "smooth": smooth,
        "kg": {"subject": first.subject_label, "subjectPage": vm.page(first.subject),
               "property": first.property, "propertyLabel": property_label(first.property),
               "object": first.object_text, "objectPage": vm.page(first.object), "objectKind": first.object_kind,
               "statements": [_statement_data(vm, st) for st in group]},
    }


def _edge_groups(vm: ViewModel, statements: list[StatementRecord]) -> list[list[StatementRecord]]:
    """The statements grouped by subject, property and object (each group in reading order), in edge-id order."""
    groups: dict[tuple[str, str, str], list[StatementRecord]] = defaultdict(list)
    for st in statements:
        groups[(st.subject, st.property, st.object)].append(st)
    return [groups[k] for k in sorted(groups, key=lambda k: edge_id(vm, *k))]


def _smoothing(vm: ViewModel, groups: list[list[StatementRecord]]) -> dict[str, dict | bool]:
    """Straight edges where a pair of entities has one edge; fanned-out curves where it has several (different
    relations, or both directions)."""
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    ends = {}
    for group in groups:
        st = group[0]
        eid = edge_id(vm, st.subject, st.property, st.object)
        ends[eid] = (st.subject, st.object)
        pairs[tuple(sorted((st.subject, st.object)))].append(eid)
    out: dict[str, dict | bool] = {}
    for ids in pairs.values():
        if len(ids) == 1:
            out[ids[0]] = {"enabled": False}
            continue
        for i, eid in enumerate(sorted(ids)):
            subject, obj = ends[eid]
            # alternate sides; an edge drawn against the pair's order flips its side back
            side = "curvedCW" if (i % 2 == 0) == (subject <= obj) else "curvedCCW"
            out[eid] = {"enabled": True, "type": side, "roundness": round(0.15 + 0.15 * (i // 2), 2)}
    return out


@dataclass
class NetworkPage:
    """The network of one page: pyvis nodes, edges and options, and its legend and filters."""

    nodes: list[dict]
    edges: list[dict]
    options: dict
    modalities: list[dict]
    types: list[dict]
    properties: list[dict]
    documents: list[dict]
    statements: int  # statements drawn, one edge standing for all of a subject–property–object


def build_network(vm: ViewModel, nodes: list[str], focus: str | None = None) -> NetworkPage:
    """A pyvis network of the given entities and the statements between them."""
    shown = set(nodes)
    net = Network(directed=True, cdn_resources="local", height="100%", width="100%")
    for iri in sorted(nodes, key=lambda n: vm.slugs[n]):
        item = _node_item(vm, iri, focus=iri == focus)
        net.add_node(vm.slugs[iri], **item)
    edges = [st for st in vm.statements if st.between_entities and st.subject in shown and st.object in shown
             and (focus is None or focus in (st.subject, st.object))]
    groups = _edge_groups(vm, edges)
    smooth = _smoothing(vm, groups)
    for group in groups:
        st = group[0]
        item = _edge_item(vm, group, smooth[edge_id(vm, st.subject, st.property, st.object)])
        net.add_edge(vm.slugs[st.subject], vm.slugs[st.object], **item)
    net.set_options(json.dumps(_network_options()))
    node_items, edge_items, _, _, _, options = net.get_network_data()

    modality_counts = Counter(st.modality for st in edges)
    type_counts = Counter(vm.entities[n].type for n in nodes)
    property_counts = Counter(st.property for st in edges)
    doc_counts = Counter(st.document for st in edges)
    titles = {st.document: st.document_title for st in edges}
    return NetworkPage(
        nodes=node_items,
        edges=edge_items,
        options=json.loads(options),
        modalities=[{"name": m, "count": modality_counts.get(m, 0), "color": s.color,
                     "dasharray": " ".join(str(d) for d in s.dashes) or "none", "arrow": s.arrow,
                     "description": s.description}
                    for m, s in MODALITY_STYLES.items()]
        + [{"name": m, "count": c, "color": MODALITY_STYLES["Asserted"].color, "dasharray": "none",
            "arrow": "arrow", "description": ""} for m, c in sorted(modality_counts.items())
           if m not in MODALITY_STYLES],
        types=[{"name": t, "label": TYPE_LABELS.get(t, t), "count": type_counts[t], "color": s.color,
                "glyph": s.glyph} for t, s in TYPE_STYLES.items() if type_counts.get(t)],
        properties=[{"name": p, "label": property_label(p), "count": c}
                    for p, c in sorted(property_counts.items(), key=lambda pc: (property_label(pc[0]), pc[0]))],
        documents=[{"name": d, "title": titles[d], "count": c} for d, c in sorted(doc_counts.items())],
        statements=len(edges),
    )


def _page_data(vm: ViewModel, page: NetworkPage, root: str, focus: str | None) -> Markup:
    return script_json({
        "root": root, "focus": vm.slugs[focus] if focus else None, "nodes": page.nodes, "edges": page.edges,
        "options": page.options,
        "styles": {m: {"color": s.color, "dashes": list(s.dashes) if s.dashes else False, "arrow": s.arrow,
                       "rank": i} for i, (m, s) in enumerate(MODALITY_STYLES.items())},
        "look": {"width": EDGE_WIDTH, "maxWidth": MAX_EDGE_WIDTH, "nodePx": NODE_LABEL_PX, "edgePx": EDGE_LABEL_PX},
    })


def _split_evidence(sentence: str, evidence: str) -> tuple[str, str, str]:
    """The sentence around the first occurrence of its evidence, for highlighting: (before, evidence, after)."""
    sentence = sentence.strip()
    at = sentence.find(evidence) if evidence else -1
    if at < 0:
        return sentence, "", ""
    return sentence[:at], evidence, sentence[at + len(evidence):]


def _overview_nodes(vm: ViewModel) -> tuple[list[str], str]:
    """The entities the whole-graph view draws: those in a statement with another entity, at most
    MAX_GRAPH_NODES of them, the most central first; and the note saying what is left out."""
    order = sorted(vm.entities, key=lambda n: vm.rank[n])
    related = [n for n in order if vm.counts.get(n, 0)]
    shown = related[:MAX_GRAPH_NODES]
    notes = []
    if len(related) > MAX_GRAPH_NODES:
        kept = set(shown)
        hidden_edges = sum(1 for st in vm.statements if st.between_entities
                           and not (st.subject in kept and st.object in kept))
        notes.append(f"This graph has {len(related):,} entities in statements with one another: it shows the "
                     f"{MAX_GRAPH_NODES:,} most central. {len(related) - MAX_GRAPH_NODES:,} entities and "
                     f"{hidden_edges:,} statements are hidden; find them with the search box or in the index.")
    alone = len(order) - len(related)
    if alone:
        notes.append(f"{alone:,} {'entity is' if alone == 1 else 'entities are'} in no statement with another "
                     f"entity and not drawn; find {'it' if alone == 1 else 'them'} with the search box or in the "
                     f"index.")
    return shown, " ".join(notes)


def _neighbourhood(vm: ViewModel, iri: str) -> tuple[list[str], str]:
    neighbours = (set(vm.graph.successors(iri)) | set(vm.graph.predecessors(iri))) - {iri}
    order = sorted(neighbours, key=lambda n: vm.rank[n])
    if len(order) <= MAX_NEIGHBOURS:
        return [iri, *order], ""
    kept = {iri, *order[:MAX_NEIGHBOURS]}
    hidden_edges = sum(1 for _, v in vm.graph.out_edges(iri) if v not in kept) + sum(
        1 for u, _ in vm.graph.in_edges(iri) if u not in kept)
    note = (f"{vm.entities[iri].label} has {len(order):,} neighbours: the graph shows the {MAX_NEIGHBOURS:,} most "
            f"central. {len(order) - MAX_NEIGHBOURS:,} neighbours and {hidden_edges:,} statements are hidden "
            f"from the drawing; the table below lists every statement.")
    return [iri, *order[:MAX_NEIGHBOURS]], note


def statement_anchor(iri: str) -> str:
    """The id of a statement's row on the pages that list it (entity pages, the timeline)."""
    return f"st-{_hash(iri, 12)}"


def document_anchor(doc_id: str) -> str:
    """The id of a document's row in the index's table of documents."""
    return f"doc-{_hash(doc_id, 12)}"


def _home_page(vm: ViewModel, st: StatementRecord) -> str | None:
    """The page name of the entity page that lists a statement with its source: its subject's, else its object's,
    claimant's or place's."""
    for iri in (st.subject, st.object, st.claimant, st.place):
        if iri in vm.entities:
            return vm.slugs[iri]
    return None


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _period(date: str) -> tuple[str, str]:
    """The month (or year) a date falls in, as a key and as a heading: ('2025-04', 'April 2025')."""
    m = re.match(r"(-?\d{4,})(?:-(\d{2}))?", date)
    if not m:
        return date, date
    if m.group(2) and 1 <= int(m.group(2)) <= 12:
        return f"{m.group(1)}-{m.group(2)}", f"{_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    return m.group(1), m.group(1)


def _timeline_row(vm: ViewModel, st: StatementRecord) -> dict:
    row = _statement_row(vm, "", st)
    entities = {vm.slugs[i] for i in (st.subject, st.object, st.claimant, st.place) if i in vm.entities}
    home = _home_page(vm, st)
    row.update(anchor=statement_anchor(st.iri), entities=" ".join(sorted(entities)),
               source=f"entities/{home}.html#{statement_anchor(st.iri)}" if home else "",
               document_anchor=document_anchor(st.document))
    return row


def _timeline(vm: ViewModel) -> dict:
    """What the timeline page lists: dated statements by date, grouped by month, and the undated ones apart
    (by their article's publication date); and the choices of its filters."""
    dated = sorted((st for st in vm.statements if st.date),
                   key=lambda st: (st.date, st.document, st.sentence_start, st.iri))
    undated = sorted((st for st in vm.statements if not st.date),
                     key=lambda st: (st.published or "9999", st.document, st.sentence_start, st.iri))
    periods: list[dict] = []
    for st in dated:
        key, heading = _period(st.date)
        if not periods or periods[-1]["key"] != key:
            periods.append({"key": key, "heading": heading, "rows": []})
        periods[-1]["rows"].append(_timeline_row(vm, st))
    published: list[dict] = []
    for st in undated:
        key, heading = _period(st.published) if st.published else ("", "")
        if not published or published[-1]["key"] != key:
            published.append({"key": key, "heading": f"Published in {heading}" if key else "Publication date unknown",
                              "rows": []})
        published[-1]["rows"].append(_timeline_row(vm, st))
    listed = dated + undated
    named = sorted({i for st in listed for i in (st.subject, st.object, st.claimant, st.place) if i in vm.entities},
                   key=lambda i: (vm.entities[i].label.casefold(), i))
    modality_counts = Counter(st.modality for st in listed)
    return {
        "periods": periods,
        "published": published,
        "undated_count": len(undated),
        "dated_count": len(dated),
        "entities": [{"slug": vm.slugs[i], "label": vm.entities[i].label,
                      "type": TYPE_LABELS.get(vm.entities[i].type, vm.entities[i].type)} for i in named],
        "properties": [{"name": p, "label": property_label(p)}
                       for p in sorted({st.property for st in listed}, key=lambda p: (property_label(p), p))],
        "modalities": [{"name": m, "count": modality_counts[m], "color": MODALITY_STYLES.get(
                        m, MODALITY_STYLES["Asserted"]).color}
                       for m in [*MODALITY_STYLES, *sorted(set(modality_counts) - set(MODALITY_STYLES))]
                       if modality_counts.get(m)],
        "documents": sorted({(st.document, st.document_title) for st in listed}),
    }


def _statement_row(vm: ViewModel, role: str, st: StatementRecord) -> dict:
    before, mark, after = _split_evidence(st.sentence, st.evidence)
    types = {vm.entities[st.subject].type} if st.subject in vm.entities else set()
    if st.object in vm.entities:
        types.add(vm.entities[st.object].type)
    return {"role": role, "st": st, "anchor": statement_anchor(st.iri), "subject_page": vm.slugs.get(st.subject),
            "object_page": vm.slugs.get(st.object), "claimant_page": vm.slugs.get(st.claimant), "place_page": vm.slugs.get(st.place),
            "property_label": property_label(st.property), "before": before, "mark": mark, "after": after,
            "types": " ".join(sorted(types)),
            "style": MODALITY_STYLES.get(st.modality, MODALITY_STYLES["Asserted"])}


def _entity_list(vm: ViewModel, drawn: set[str]) -> str:
    """The search list every page loads: label, other names, page and whether the overview draws it."""
    rows = [[vm.entities[i].label, list(vm.entities[i].alt_labels), vm.slugs[i],
             TYPE_LABELS.get(vm.entities[i].type, vm.entities[i].type), i in drawn]
            for i in sorted(vm.entities, key=lambda n: (vm.entities[n].label.casefold(), n))]
    return "window.KG_ENTITIES = " + str(script_json(rows)) + ";\n"


def render_views(graph: Graph, note: str = "") -> dict[str, str | bytes]:
    """Relative path -> content of every file of the views of a graph (see the module's docstring). A `note`
    (that the graph is a part of a larger one) heads the whole-graph view and the index."""
    views = Views(graph)
    return dict(sorted((views.pages() | views.front(note)).items()))


class Views:
    """The views of one graph, made in parts: `front` (the whole-graph view and the index, which carry the
    note) and `pages` (every other file), which can be shared out among processes (`pages(k, n)`: the k-th
    of n shares); together they are `render_views`."""

    def __init__(self, graph: Graph):
        self.vm = vm = ViewModel.from_graph(graph)
        self.env = _environment()
        self.about = vm.statements_about()
        self.common = {"csp": CSP, "modality_styles": MODALITY_STYLES, "type_styles": TYPE_STYLES}
        self.overview, self.overview_note = _overview_nodes(vm)

    def front(self, note: str = "") -> dict[str, str]:
        vm, env, about, common = self.vm, self.env, self.about, self.common
        files: dict[str, str] = {}
        page = build_network(vm, self.overview)
        drawn_edges = page.statements
        between = sum(1 for st in vm.statements if st.between_entities)
        files["graph.html"] = env.get_template("graph.html.j2").render(
            root="", title="Knowledge graph", page_kind="graph", net=page,
            note=" ".join(filter(None, [note, self.overview_note])), data=_page_data(vm, page, "", None),
            entity_total=len(vm.entities), statement_total=between, drawn_edges=drawn_edges, **common)

        docs: dict[str, dict] = {}
        for st in vm.statements:
            doc = docs.setdefault(st.document, {"id": st.document, "title": st.document_title,
                                                "file": st.document_file, "published": st.published, "statements": 0})
            doc["statements"] += 1
        by_count = sorted(vm.entities, key=lambda n: (-len(about.get(n, [])), vm.entities[n].label.casefold(), n))
        index_rows = [{"ent": vm.entities[i], "page": vm.slugs[i], "statements": len(about.get(i, [])),
                       "edges": vm.counts.get(i, 0), "search": " ".join([vm.entities[i].label, *vm.entities[i].alt_labels])}
                      for i in by_count]
        files["index.html"] = env.get_template("index.html.j2").render(
            root="", title="Entities", page_kind="index", rows=index_rows, documents=[docs[d] for d in sorted(docs)],
            statement_count=len(vm.statements), between=between, note=note, **common)
        return files

    def pages(self, share: int = 0, shares: int = 1) -> dict[str, str | bytes]:
        """The files other than `front` (the whole graph's files, then the entity pages in IRI order), dealt
        out among n shares; share k of them."""
        vm = self.vm
        units = [("graph.graphml", lambda: graphml_text(vm.graph, vm.scores)),
                 ("timeline.html", self._timeline_page),
                 (MANIFEST, self._manifest),
                 (ENTITY_LIST, lambda: _entity_list(vm, set(self.overview)))]
        units += [(name, path.read_bytes) for name, path in ASSET_FILES.items()]
        units += [(vm.page(iri), lambda iri=iri: self._entity_page(iri)) for iri in sorted(vm.entities)]
        # dealt out from the last share, so that share 0 (which makes `front` too) gets the lightest hand
        return {name: make() for j, (name, make) in enumerate(units) if shares - 1 - j % shares == share}

    def _entity_page(self, iri: str) -> str:
        vm = self.vm
        ent = vm.entities[iri]
        nodes, hood_note = _neighbourhood(vm, iri)
        net = build_network(vm, nodes, focus=iri)
        rows = [_statement_row(vm, role, st) for role, st in self.about.get(iri, [])]
        return self.env.get_template("entity.html.j2").render(
            root="../", title=ent.label, page_kind="entity", ent=ent, iri=iri, slug=vm.slugs[iri], net=net,
            note=hood_note, data=_page_data(vm, net, "../", iri), rows=rows, edges=vm.counts.get(iri, 0),
            **self.common)

    def _timeline_page(self) -> str:
        return self.env.get_template("timeline.html.j2").render(
            root="", title="Timeline", page_kind="timeline", tl=_timeline(self.vm), **self.common)

    def _manifest(self) -> str:
        vm = self.vm
        return json.dumps(
            {"entities": [{"iri": i, "label": vm.entities[i].label, "altLabels": list(vm.entities[i].alt_labels),
                           "type": vm.entities[i].type, "page": vm.page(i)} for i in sorted(vm.entities)]},
            ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# --- kg view -----------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def find_entity_page(exports: Path, name: str) -> Path:
    """The page of the entity a name designates: its page name, IRI, label or other name (case-insensitive)."""
    manifest = Path(exports) / MANIFEST
    if not manifest.is_file():
        raise _views_missing(Path(exports))
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8"))["entities"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise _views_unreadable(manifest, str(exc)) from None
    key = _fold(name)
    tiers = (
        [e for e in entries if name in (e["iri"], e["page"].rsplit("/", 1)[-1][:-5])],
        [e for e in entries if _fold(e["label"]) == key],
        [e for e in entries if any(_fold(a) == key for a in e.get("altLabels", []))],
    )
    for found in tiers:
        if len(found) == 1:
            path = Path(exports) / found[0]["page"]
            if not path.is_file():
                raise _page_missing(path)
            return path
        if len(found) > 1:
            raise _entity_ambiguous(name, sorted(found, key=lambda e: e["page"]))
    raise _entity_unknown(name, Path(exports))


def view_command(
    entity: str = typer.Argument(..., help="An entity's name or other name (case-insensitive), page name or IRI."),
    exports: Path = typer.Option(Path("exports"), "--exports", help="Folder the views were built into."),
    open_browser: bool = typer.Option(False, "--open", help="Open the page in the web browser."),
) -> None:
    """Print the path of an entity's page in the HTML views (and open it with --open)."""
    try:
        path = find_entity_page(exports, entity)
    except errors.KGError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(code=1)
    typer.echo(str(path))
    if open_browser and not webbrowser.open(path.resolve().as_uri()):
        print(f"warning: no web browser could be opened; open {path} by hand", file=sys.stderr)
