"""The HTML views in headless Chromium: drawing, details on hover and click, filters, search, safe corpus text.

Needs Debian's `chromium` and `chromium-driver` (installed by .ci/run) and
selenium; skipped with the reason when they are missing.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from kg.analysis import to_networkx
from kg.export import write_files
from kg.views import render_views

from .test_views import IMG, SCRIPT, malicious_graph, sample_graph

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


def wait_for(driver, script: str, timeout: float = TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
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
    """Viewport coordinates of a node, or of a point along a (straight) edge."""
    return driver.execute_script("""
        const [nodeId, edgeId, along] = arguments;
        const net = kgView.network;
        let p;
        if (nodeId) { p = net.getPositions([nodeId])[nodeId]; }
        else {
          const e = kgView.edges.get(edgeId);
          const pos = net.getPositions([e.from, e.to]);
          p = {x: pos[e.from].x + along * (pos[e.to].x - pos[e.from].x),
               y: pos[e.from].y + along * (pos[e.to].y - pos[e.from].y)};
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


def statement_id(graph, prop: str) -> str:
    [key] = [k for _, _, k, d in to_networkx(graph).edges(keys=True, data=True) if d["property"] == prop]
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
    assert drawn[:3] == [g.number_of_nodes(), g.number_of_edges(), sorted(k for _, _, k in g.edges(keys=True))]
    assert drawn[3] is False  # physics is switched off once the layout has settled
    assert sorted(drawn[4]) == [f"{site.resolve().as_uri()}/assets/{name}" for name in (
        "kg-entities.js", "kg-views.css", "kg-views.js", "vis-network.css", "vis-network.min.js")]
    assert browser.find_element(By.ID, "kg-status").text == "Showing 6 of 6 entities and 4 of 4 statements."
    assert console_errors(browser) == []


def test_hovering_an_edge_shows_its_statement_and_source(browser, site):
    open_page(browser, site / "graph.html")
    edge = statement_id(sample_graph(), "captures")
    move_mouse(browser, *network_point(browser, edge_id=edge, along=0.4))
    wait_for(browser, f"return document.getElementById('kg-details').getAttribute('data-showing') === 'edge:{edge}'")
    text = details_text(browser)
    assert "Russian Armed Forces captures Kharkiv" in text
    for expected in ("Modality\nPlanned", "Date\n2025-04", "Quantity\n700 km2", PLANNED_CAPTURE,
                     "Document: a1 · Orders · 2025-03-31 · a1.txt"):
        assert expected in text
    tooltip = wait_for(browser, """const t = document.querySelector('.vis-tooltip');
        return t && t.style.visibility !== 'hidden' && t.textContent.includes('capture') && t.textContent;""")
    assert PLANNED_CAPTURE in tooltip and "Planned" in tooltip
    assert console_errors(browser) == []


def test_clicking_a_node_shows_its_statements(browser, site):
    open_page(browser, site / "graph.html")
    x, y = network_point(browser, node_id="person_vladimir-putin")
    move_mouse(browser, x, y, click=True)
    wait_for(browser, "return kgView.network.getSelectedNodes()[0] === 'person_vladimir-putin'")
    text = details_text(browser)
    assert text.startswith("Vladimir Putin\nType\nPerson\nAlso written\nPutin; Russian President Vladimir Putin")
    assert "Vladimir Putin leader of Russia (Asserted)" in text
    assert "Vladimir Putin orders Russian Armed Forces (Asserted)" in text
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
    assert browser.find_element(By.ID, "kg-status").text == "Showing 6 of 6 entities and 3 of 4 statements."
    browser.find_element(By.CSS_SELECTOR, "fieldset[data-filter=modality] input[value=Planned]").click()
    assert len(browser.execute_script(visible)) == 4
    browser.find_element(By.CSS_SELECTOR, "fieldset[data-filter=type] input[value=City]").click()
    assert browser.execute_script("return kgView.network.body.data.nodes.getIds()").count("city_ua_kharkiv") == 0
    assert browser.find_element(By.ID, "kg-status").text == "Showing 5 of 6 entities and 3 of 4 statements."
    browser.find_element(By.CSS_SELECTOR, "fieldset[data-filter=document] button[data-set=none]").click()
    assert browser.find_element(By.ID, "kg-status").text == "Showing 5 of 6 entities and 0 of 4 statements."
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


PWNED = "return [typeof window.__pwned, document.querySelectorAll('img').length]"


@pytest.mark.parametrize("page", ["graph.html", "index.html", "entities/person_evil.html", "entities/city_evil.html"])
def test_markup_from_the_corpus_runs_nothing(browser, evil_site, page):
    graph_page = page != "index.html"
    open_page(browser, evil_site / page, graph=graph_page)
    scripts = browser.execute_script("return document.scripts.length")
    assert scripts == (4 if graph_page else 2)  # entity list, [data block, vis-network,] the page's script
    if graph_page:
        shown = browser.execute_script("""
            const out = [];
            const details = document.getElementById('kg-details');
            for (const id of kgView.edges.getIds()) { kgView.showStatement(id); out.push(details.textContent); }
            for (const id of kgView.nodes.getIds()) { kgView.showEntity(id); out.push(details.textContent); }
            kgView.search('<script');
            out.push(document.getElementById('kg-search-results').textContent);
            return out.join('\\n');
        """)
        assert f"attacked {IMG}" in shown and SCRIPT in shown
        edge = browser.execute_script(
            "return kgView.edges.getIds().find(id => kgView.edges.get(id).kg.subject.includes('<script>'))")
        move_mouse(browser, *network_point(browser, edge_id=edge, along=0.4))
        wait_for(browser, """const t = document.querySelector('.vis-tooltip');
            return t && t.style.visibility !== 'hidden' && t.textContent.includes('onerror');""")
    time.sleep(0.3)  # an injected image would have failed to load and fired onerror by now
    assert browser.execute_script(PWNED) == ["undefined", 0]
    assert browser.execute_script("return document.scripts.length") == scripts
    assert console_errors(browser) == []
