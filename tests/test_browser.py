"""The HTML views in headless Chromium: drawing, details on hover and click, filters, search, safe corpus text.

Needs Debian's `chromium` and `chromium-driver` (installed by .ci/run) and
selenium; skipped with the reason when they are missing.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from kg.graph.analysis import read_entities, to_networkx
from kg.graph.export import write_files
from kg.views import render as views
from kg.views.render import page_slugs, render_views
from tests.test_views import IMG, SCRIPT, malicious_graph, meetings_graph, random_graph, sample_graph

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="headless Chromium is not installed (apt-get install chromium chromium-driver)")

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.actions.action_builder import ActionBuilder  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

TIMEOUT = 15.0

PLANNED_CAPTURE = "Russian President Vladimir Putin ordered his troops to capture Kharkiv"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                "--window-size=1500,1000", f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(TIMEOUT)
    yield driver
    driver.quit()


def _site(tmp_path_factory, name, graph) -> Path:
    out = tmp_path_factory.mktemp(name)
    write_files(out, render_views(graph))
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return _site(tmp_path_factory, "views", sample_graph())


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory) -> Path:
    return _site(tmp_path_factory, "evil-views", malicious_graph())


@pytest.fixture(scope="module")
def meetings_site(tmp_path_factory) -> Path:
    return _site(tmp_path_factory, "meetings-views", meetings_graph())


@pytest.fixture(scope="module")
def large_site(tmp_path_factory) -> Path:
    return _site(tmp_path_factory, "large-views", random_graph(300, 450))


def wait_for(driver, script: str, *args, timeout: float = TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script, *args)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for: {script}")


def open_page(driver, path: Path, graph: bool = True) -> None:
    driver.get(path.resolve().as_uri())
    wait_for(driver, "return document.readyState === 'complete'")
    if graph:
        wait_for(driver, "return document.body.getAttribute('data-kg-stable') === 'true'")


def console_errors(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]


def network_point(driver, node_id: str | None = None, edge_id: str | None = None, along: float = 0.5):
    """Viewport coordinates of a node, or of a point along an edge (straight or curved)."""
    return driver.execute_script("""
        const [nodeId, edgeId, along] = arguments;
        const net = kgView.network;
        let p;
        if (nodeId) { p = net.getPositions([nodeId])[nodeId]; }
        else {
          const type = net.body.edges[edgeId].edgeType;
          p = type.getPoint(along, type.getViaNode());
        }
        const dom = net.canvasToDOM(p);
        const rect = document.querySelector('#kg-network canvas').getBoundingClientRect();
        return [rect.left + dom.x, rect.top + dom.y];
    """, node_id, edge_id, along)


def move_mouse(driver, x: float, y: float, click: bool = False) -> None:
    """Move the mouse to viewport coordinates (from the page's corner, so the pointer enters the network)."""
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(1, 1)
    actions.pointer_action.move_to_location(int(x), int(y))
    if click:
        actions.pointer_action.click()
    actions.perform()


def edge_ids(graph) -> list[str]:
    """The ids of the edges the views draw: one per subject, property and object."""
    slugs = page_slugs(read_entities(graph))
    return sorted({f"{slugs[u]}|{d['property']}|{slugs[v]}" for u, v, d in to_networkx(graph).edges(data=True)})


def statement_id(graph, prop: str) -> str:
    [key] = [k for k in edge_ids(graph) if k.split("|")[1] == prop]
    return key


def details_text(driver) -> str:
    return driver.find_element(By.ID, "kg-details").text


def test_graph_page_draws_every_entity_and_statement_offline(browser, site):
    open_page(browser, site / "graph.html")
    g = to_networkx(sample_graph())
    drawn = browser.execute_script("""
        const d = kgView.network.body.data;
        return [d.nodes.length, d.edges.length, d.edges.getIds().sort(), kgView.network.physics.options.enabled,
                Array.from(document.querySelectorAll('script[src], link[href]')).map(e => e.src || e.href)];
    """)
    assert drawn[:3] == [g.number_of_nodes(), g.number_of_edges(), edge_ids(sample_graph())]
    assert drawn[3] is False  # physics is switched off once the layout has settled
    assert sorted(drawn[4]) == [f"{site.resolve().as_uri()}/assets/{name}" for name in (
        "kg-entities.js", "kg-views.css", "kg-views.js", "vis-network.css", "vis-network.min.js")]
    assert browser.find_element(By.ID, "kg-status").text == "Showing 6 of 6 entities and 4 of 4 statements on 4 edges."
    assert console_errors(browser) == []


def test_hovering_an_edge_shows_its_statement_and_source(browser, site):
    open_page(browser, site / "graph.html")
    edge = statement_id(sample_graph(), "captures")
    move_mouse(browser, *network_point(browser, edge_id=edge, along=0.4))
    wait_for(browser, f"return document.getElementById('kg-details').getAttribute('data-showing') === 'edge:{edge}'")
    text = details_text(browser)
    assert text.startswith("Relation\nRussian Armed Forces captures Kharkiv\n1 statement: 1 Planned\n")
    for expected in ("Modality\nPlanned", "Date\n2025-04", "Quantity\n700 km2", PLANNED_CAPTURE,
                     "Document: a1 · Orders · 2025-03-31 · a1.txt"):
        assert expected in text
    tooltip = browser.find_element(By.ID, "kg-tooltip")
    assert tooltip.is_displayed() and tooltip.get_attribute("data-showing") == f"edge:{edge}"
    assert tooltip.text == f"Russian Armed Forces captures Kharkiv\n1 statement: 1 Planned\n{PLANNED_CAPTURE}"
    assert console_errors(browser) == []


def test_clicking_a_node_shows_its_statements(browser, site):
    open_page(browser, site / "graph.html")
    x, y = network_point(browser, node_id="person_vladimir-putin")
    move_mouse(browser, x, y, click=True)
    wait_for(browser, "return kgView.network.getSelectedNodes()[0] === 'person_vladimir-putin'")
    text = details_text(browser)
    assert text.startswith("Vladimir Putin\nType\nPerson\nAlso written\nPutin; Russian President Vladimir Putin")
    assert "Vladimir Putin leader of Russia\n1 statement: 1 Asserted" in text
    assert "Vladimir Putin orders Russian Armed Forces\n1 statement: 1 Asserted" in text
    link = browser.find_element(By.CSS_SELECTOR, "#kg-details a[href$='person_vladimir-putin.html']")
    assert link.text == "Open the page of Vladimir Putin"
    assert console_errors(browser) == []


def test_filters_hide_the_edges_and_entities_they_should(browser, site):
    open_page(browser, site / "graph.html")
    captures = statement_id(sample_graph(), "captures")
    visible = "return kgView.network.body.data.edges.getIds().sort()"
    assert captures in browser.execute_script(visible)
    browser.find_element(By.CSS_SELECTOR, "fieldset[data-filter=modality] input[value=Planned]").click()
    ids = browser.execute_script(visible)
    assert len(ids) == 3 and captures not in ids
    assert browser.find_element(By.ID, "kg-status").text == "Showing 6 of 6 entities and 3 of 4 statements on 3 edges."
    browser.find_element(By.CSS_SELECTOR, "fieldset[data-filter=modality] input[value=Planned]").click()
    assert len(browser.execute_script(visible)) == 4
    browser.find_element(By.CSS_SELECTOR, "fieldset[data-filter=type] input[value=City]").click()
    assert browser.execute_script("return kgView.network.body.data.nodes.getIds()").count("city_ua_kharkiv") == 0
    assert browser.find_element(By.ID, "kg-status").text == "Showing 5 of 6 entities and 3 of 4 statements on 3 edges."
    browser.find_element(By.CSS_SELECTOR, "fieldset[data-filter=document] button[data-set=none]").click()
    assert browser.find_element(By.ID, "kg-status").text == "Showing 5 of 6 entities and 0 of 4 statements on 0 edges."
    assert console_errors(browser) == []


def test_search_box_finds_an_entity_by_another_name(browser, site):
    open_page(browser, site / "graph.html")
    box = browser.find_element(By.ID, "kg-search")
    box.send_keys("putin")
    results = browser.find_element(By.ID, "kg-search-results")
    assert results.is_displayed()
    assert [li.text for li in results.find_elements(By.TAG_NAME, "li")] == ["Vladimir Putin\nPerson · page"]
    box.send_keys(Keys.ENTER)
    wait_for(browser, "return kgView.network.getSelectedNodes()[0] === 'person_vladimir-putin'")
    assert details_text(browser).startswith("Vladimir Putin\n")
    assert console_errors(browser) == []


def test_entity_page_draws_its_neighbourhood_and_filters_its_table(browser, site):
    open_page(browser, site / "entities" / "country_ua.html")
    rows = "return Array.from(document.querySelectorAll('#kg-statements tbody tr')).filter(r => !r.hidden).length"
    assert browser.execute_script(rows) == 3
    counts = "const d = kgView.network.body.data; return [d.nodes.length, d.edges.length];"
    assert browser.execute_script(counts) == [2, 1]
    browser.find_element(By.CSS_SELECTOR, "fieldset[data-filter=modality] input[value=Denied]").click()
    assert browser.execute_script(rows) == 2
    assert browser.execute_script(counts) == [2, 0]
    assert console_errors(browser) == []


def test_index_search_filters_the_entity_table(browser, site):
    open_page(browser, site / "index.html", graph=False)
    browser.find_element(By.ID, "kg-index-search").send_keys("BELG")
    shown = browser.execute_script(
        "return Array.from(document.querySelectorAll('#kg-entities tbody tr')).filter(r => !r.hidden)"
        ".map(r => r.cells[0].textContent)")
    assert [s.strip("●◆⬢■▲★▼") for s in shown] == ["Belgorod Oblast"]
    assert browser.find_element(By.ID, "kg-index-count").text == "1 of 6 entities"
    assert console_errors(browser) == []


MEETS = "person_ana-lind|meets|person_tomas-reyes"
MEETINGS = ["Ana Lind met Tomas Reyes in Port Elm on 1 May.", "Ana Lind will meet Tomas Reyes in June.",
            "Ana Lind met Tomas Reyes again on 5 May.", "Ana Lind did not meet Tomas Reyes in April."]


def test_repeated_statements_are_one_edge_whose_panel_lists_them_all(browser, meetings_site):
    open_page(browser, meetings_site / "graph.html")
    assert browser.execute_script("return kgView.network.body.data.edges.getIds().sort()") == [
        MEETS, "person_tomas-reyes|leaderOf|org_harbour-council"]
    label = f"return kgView.network.body.edges['{MEETS}'].options.label"
    assert browser.execute_script(label) == "meets ×4"
    move_mouse(browser, *network_point(browser, edge_id=MEETS, along=0.4))
    wait_for(browser, f"return document.getElementById('kg-details').getAttribute('data-showing') === 'edge:{MEETS}'")
    text = details_text(browser)
    assert text.startswith("Relation\nAna Lind meets Tomas Reyes\n4 statements: 2 Asserted, 1 Planned, 1 Negated\n")
    items = browser.find_elements(By.CSS_SELECTOR, "#kg-details li.kg-statement")
    assert [item.find_element(By.CSS_SELECTOR, "blockquote").text for item in items] == MEETINGS
    assert [item.find_element(By.CSS_SELECTOR, ".kg-source").text for item in items] == [
        "Document: m1 · Talks m1 · 2025-05-02 · m1.txt"] * 2 + ["Document: m2 · Talks m2 · 2025-05-09 · m2.txt"] * 2
    assert "Modality\nNegated\nDate\n2025-04" in items[3].text
    source = items[3].find_element(By.LINK_TEXT, "In the table of Ana Lind")
    anchor = source.get_attribute("href").rsplit("#", 1)[1]
    assert source.get_attribute("href").startswith(f"{meetings_site.resolve().as_uri()}/entities/person_ana-lind.html#st-")
    assert f'<tr id="{anchor}"' in (meetings_site / "entities" / "person_ana-lind.html").read_text()
    tooltip = browser.find_element(By.ID, "kg-tooltip")
    assert tooltip.get_attribute("data-showing") == f"edge:{MEETS}"
    assert tooltip.text == ("Ana Lind meets Tomas Reyes\n4 statements: 2 Asserted, 1 Planned, 1 Negated\n"
                            f"{MEETINGS[0]}\nAll 4 with their sources in the panel.")
    # a filter takes statements out of the edge: its count, its panel and the status follow
    browser.find_element(By.CSS_SELECTOR, "fieldset[data-filter=modality] input[value=Negated]").click()
    assert browser.execute_script(label) == "meets ×3"
    browser.execute_script(f"kgView.showEdge('{MEETS}')")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#kg-details li.kg-statement")) == 3
    assert "3 statements: 2 Asserted, 1 Planned (1 more hidden by the filters)" in details_text(browser)
    assert browser.find_element(By.ID, "kg-status").text == "Showing 3 of 3 entities and 4 of 5 statements on 2 edges."
    assert console_errors(browser) == []


SHOWN_LABELS = """
    const v = kgView, net = v.network, scale = net.getScale(), hidden = v.hiddenLabels();
    const CLEAR = 'rgba(0,0,0,0)', labels = [];
    for (const id of v.nodeView.getIds()) {
      const n = net.body.nodes[id], drawn = n.options.font.color !== CLEAR;
      if (drawn === hidden.node.has(id)) return 'node ' + id + ' drawn: ' + drawn;
      const b = net.getBoundingBox(id);
      if (drawn) labels.push({id, px: scale * n.options.font.size, box: b, kind: 'node'});
    }
    for (const id of v.edgeView.getIds()) {
      const e = net.body.edges[id], drawn = e.options.font.color !== CLEAR, s = e.labelModule.size;
      if (drawn === hidden.edge.has(id)) return 'edge ' + id + ' drawn: ' + drawn;
      if (drawn) labels.push({id, px: scale * e.options.font.size, kind: 'edge',
                              box: {left: s.left, right: s.left + s.width, top: s.top, bottom: s.top + s.height}});
    }
    const overlapping = [];
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i].box, b = labels[j].box;
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        overlapping.push([labels[i].id, labels[j].id]);
    }
    const px = kind => Math.min(...labels.filter(l => l.kind === kind).map(l => l.px));
    const central = v.nodeView.get().sort((a, b) => a.kg.rank - b.kg.rank)[0].id;
    return {scale, nodePx: px('node'), edgePx: px('edge'), overlapping, centralShown: !hidden.node.has(central),
            nodes: v.nodeView.length, nodeLabels: labels.filter(l => l.kind === 'node').length,
            edges: v.edgeView.length, edgeLabels: labels.filter(l => l.kind === 'edge').length};
"""


@pytest.mark.parametrize("site_name, nodes, edges", [("site", 6, 4), ("meetings_site", 3, 2), ("large_site", 232, 445)])
def test_labels_are_legible_and_apart_at_the_default_zoom(browser, request, site_name, nodes, edges):
    open_page(browser, request.getfixturevalue(site_name) / "graph.html")
    labels = browser.execute_script(SHOWN_LABELS)
    assert isinstance(labels, dict), labels  # a label is drawn exactly when the page means to draw it
    assert (labels["nodes"], labels["edges"]) == (nodes, edges)
    assert labels["nodePx"] >= views.NODE_LABEL_PX - 1e-6 and labels["edgePx"] >= views.EDGE_LABEL_PX - 1e-6
    assert labels["overlapping"] == [] and labels["centralShown"]
    if site_name == "large_site":  # fitted small: the fonts are enlarged, and the labels that would overlap left out
        assert labels["scale"] < 0.5 and labels["nodeLabels"] >= 40 and labels["edgeLabels"] >= 10
        browser.execute_script("const n = kgView.network; n.moveTo({scale: 3 * n.getScale()}); kgView.declutter();")
        closer = browser.execute_script(SHOWN_LABELS)
        assert closer["nodeLabels"] > labels["nodeLabels"] and closer["overlapping"] == []
        assert closer["nodePx"] >= views.NODE_LABEL_PX - 1e-6
    else:
        assert labels["nodeLabels"] == nodes and labels["edgeLabels"] == edges
    assert console_errors(browser) == []


def test_hovering_picks_the_edge_under_the_pointer_for_tooltip_panel_and_highlight(browser, large_site):
    open_page(browser, large_site / "graph.html")
    # the middle of each edge that is not on a node (a node under the pointer is hovered first)
    targets = browser.execute_script("""
        const net = kgView.network, out = [];
        for (const id of kgView.edgeView.getIds().sort()) {
          const type = net.body.edges[id].edgeType, p = type.getPoint(0.5, type.getViaNode());
          if (net.getNodeAt(net.canvasToDOM(p)) === undefined) out.push(id);
        }
        return out;""")
    assert len(targets) > 300
    picked = []
    for edge in targets[::15]:
        x, y = network_point(browser, edge_id=edge)
        move_mouse(browser, x, y)
        state = wait_for(browser, """
            const [x, y] = arguments, net = kgView.network;
            const rect = document.querySelector('#kg-network canvas').getBoundingClientRect();
            const at = net.DOMtoCanvas({x: Math.trunc(x) - rect.left, y: Math.trunc(y) - rect.top});
            let nearest = null, best = Infinity;
            for (const id of kgView.edgeView.getIds()) {
              const e = net.body.edges[id];
              const d = e.edgeType.getDistanceToEdge(e.from.x, e.from.y, e.to.x, e.to.y, at.x, at.y);
              if (d < best) { best = d; nearest = id; }
            }
            const tip = document.getElementById('kg-tooltip');
            const hovered = Object.keys(net.selectionHandler.hoverObj.edges);
            if (tip.hidden || tip.getAttribute('data-showing') !== 'edge:' + nearest) return null;
            return [tip.getAttribute('data-showing'), document.getElementById('kg-details').getAttribute('data-showing'),
                    hovered, nearest, net.body.edges[nearest].hover];""", x, y, timeout=5)
        tip, panel, hovered, nearest, highlighted = state
        assert tip == panel == f"edge:{nearest}" and hovered == [nearest] and highlighted, (edge, state)
        picked.append(nearest == edge)
    assert sum(picked) >= len(picked) // 2  # mostly the edge aimed at; else one crossing it nearer to the pointer
    assert console_errors(browser) == []


def test_timeline_filters_work_offline_and_link_to_the_sources(browser, meetings_site):
    open_page(browser, meetings_site / "timeline.html", graph=False)
    status = browser.find_element(By.ID, "kg-tl-count")
    shown = """return Array.from(document.querySelectorAll('tr[data-modality]')).filter(r => !r.hidden
        && !r.closest('tbody').hidden).map(r => r.cells[0].textContent + ' ' + r.dataset.modality)"""
    assert status.text == "Showing 4 of 4 dated and 1 of 1 undated statements"
    assert browser.execute_script(shown) == ["2025-04 Negated", "2025-05-01 Asserted", "2025-05-05 Asserted",
                                             "2025-06 Planned", " Asserted"]
    Select(browser.find_element(By.ID, "kg-tl-entity")).select_by_value("org_harbour-council")
    assert status.text == "Showing 0 of 4 dated and 1 of 1 undated statements"
    assert browser.execute_script(shown) == [" Asserted"]
    assert browser.execute_script("return Array.from(document.querySelectorAll('#kg-timeline tbody'))"
                                  ".every(b => b.hidden)")
    Select(browser.find_element(By.ID, "kg-tl-entity")).select_by_value("person_ana-lind")
    Select(browser.find_element(By.ID, "kg-tl-property")).select_by_value("meets")
    browser.find_element(By.CSS_SELECTOR, "#kg-tl-modality input[value=Negated]").click()
    assert status.text == "Showing 3 of 4 dated and 0 of 1 undated statements"
    assert browser.execute_script("return document.querySelector('tbody[data-period=\"2025-04\"]').hidden")
    Select(browser.find_element(By.ID, "kg-tl-document")).select_by_value("m2")
    assert browser.execute_script(shown) == ["2025-05-05 Asserted"]
    browser.find_element(By.ID, "kg-tl-reset").click()
    wait_for(browser, "return document.getElementById('kg-tl-count').textContent.startsWith('Showing 4 of 4')")
    # filters set in the page's address, as an entity page links to it
    browser.get((meetings_site / "timeline.html").resolve().as_uri() + "#entity=person_tomas-reyes&modality=Planned")
    wait_for(browser, "return document.getElementById('kg-tl-count').textContent.startsWith('Showing 1 of 4')")
    assert browser.execute_script(shown) == ["2025-06 Planned"]
    row = browser.find_element(By.CSS_SELECTOR, "tbody[data-period='2025-06'] tr[data-modality]")
    anchor = row.get_attribute("id")
    row.find_element(By.CSS_SELECTOR, "a.kg-source-link").click()
    wait_for(browser, "return document.readyState === 'complete' && location.pathname.endsWith('person_ana-lind.html')")
    assert browser.execute_script("return location.hash") == f"#{anchor}"
    target = browser.find_element(By.CSS_SELECTOR, ":target")
    assert target.get_attribute("id") == anchor and MEETINGS[1] in target.text
    for page in ("timeline.html", "entities/person_ana-lind.html"):  # nothing but the site's own files is loaded
        browser.get((meetings_site / page).resolve().as_uri())
        wait_for(browser, "return document.readyState === 'complete'")
        loaded = browser.execute_script("return Array.from(document.querySelectorAll('script[src], link[href], img[src]'))"
                                        ".map(e => e.src || e.href)")
        assert loaded and all(url.startswith(meetings_site.resolve().as_uri() + "/assets/") for url in loaded), loaded
        assert "default-src 'none'" in browser.find_element(
            By.CSS_SELECTOR, "meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert console_errors(browser) == []


PWNED = "return [typeof window.__pwned, document.querySelectorAll('img').length]"


@pytest.mark.parametrize("page", ["graph.html", "index.html", "timeline.html", "entities/person_evil.html",
                                  "entities/city_evil.html"])
def test_markup_from_the_corpus_runs_nothing(browser, evil_site, page):
    graph_page = page not in ("index.html", "timeline.html")
    open_page(browser, evil_site / page, graph=graph_page)
    scripts = browser.execute_script("return document.scripts.length")
    assert scripts == (4 if graph_page else 2)  # entity list, [data block, vis-network,] the page's script
    if graph_page:
        shown = browser.execute_script("""
            const out = [];
            const details = document.getElementById('kg-details');
            for (const id of kgView.edges.getIds()) { kgView.showEdge(id); out.push(details.textContent); }
            for (const id of kgView.nodes.getIds()) { kgView.showEntity(id); out.push(details.textContent); }
            kgView.search('<script');
            out.push(document.getElementById('kg-search-results').textContent);
            return out.join('\\n');
        """)
        assert f"attacked {IMG}" in shown and SCRIPT in shown
        edge = browser.execute_script(
            "return kgView.edges.getIds().find(id => kgView.edges.get(id).kg.subject.includes('<script>'))")
        move_mouse(browser, *network_point(browser, edge_id=edge, along=0.4))
        wait_for(browser, """const t = document.getElementById('kg-tooltip');
            return t && !t.hidden && t.textContent.includes('onerror');""")
    time.sleep(0.3)  # an injected image would have failed to load and fired onerror by now
    assert browser.execute_script(PWNED) == ["undefined", 0]
    assert browser.execute_script("return document.scripts.length") == scripts
    assert console_errors(browser) == []
