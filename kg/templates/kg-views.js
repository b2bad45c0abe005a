/* Behaviour of the kg HTML views: the network, its filters, details and search.
 *
 * Every text that comes from the corpus is put into the page with
 * textContent or as a text node, never as markup. The page's data is read
 * from a <script type="application/json" id="kg-data"> block; the list of
 * all entities from window.KG_ENTITIES (assets/kg-entities.js).
 * window.kgView exposes the network and a few hooks for tests and for the
 * browser console.
 */
(function () {
  "use strict";

  var SLUG = /^[a-z0-9_-]+$/;
  var ANCHOR = /^st-[0-9a-f]+$/;
  var QID = /^[A-Za-z0-9]+$/;
  var MAX_RESULTS = 12;
  var FOCUS_FONT = 1.3;
  var NODE_FONT_COLOR = "#343434";  // vis-network's  // the entity of an entity page is labelled this much larger

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function pageHref(root, slug) {
    return SLUG.test(slug) ? root + "entities/" + slug + ".html" : null;
  }

  function link(href, text) {
    if (!href) return el("span", null, text);
    var a = el("a", null, text);
    a.setAttribute("href", href);
    return a;
  }

  function entityMatches(query) {
    var key = fold(query);
    if (!key) return [];
    var exact = [], prefix = [], inner = [];
    (window.KG_ENTITIES || []).forEach(function (row) {
      var names = [row[0]].concat(row[1]).map(fold);
      if (names.indexOf(key) >= 0) exact.push(row);
      else if (names.some(function (n) { return n.indexOf(key) === 0; })) prefix.push(row);
      else if (names.some(function (n) { return n.indexOf(key) > 0; })) inner.push(row);
    });
    return exact.concat(prefix, inner);
  }

  /* ---- the index page ---------------------------------------------------- */

  function initIndex() {
    var input = document.getElementById("kg-index-search");
    var table = document.getElementById("kg-entities");
    var status = document.getElementById("kg-index-count");
    if (!input || !table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var keys = rows.map(function (row) { return fold(row.getAttribute("data-search") || ""); });
    input.addEventListener("input", function () {
      var key = fold(input.value);
      var shown = 0;
      rows.forEach(function (row, i) {
        var visible = !key || keys[i].indexOf(key) >= 0;
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = shown === rows.length ? rows.length + " entities" : shown + " of " + rows.length + " entities";
    });
  }

  /* ---- the timeline page ------------------------------------------------ */

  /* Filters the rows of the dated and undated tables by entity, relation, document and modality; the page
     may be opened with filters set in its address: timeline.html#entity=PAGE-NAME&property=...&modality=A,B */
  function initTimeline() {
    var form = document.getElementById("kg-timeline-filters");
    if (!form) return;
    var status = document.getElementById("kg-tl-count");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var boxes = Array.prototype.slice.call(form.querySelectorAll("#kg-tl-modality input[type=checkbox]"));
    var dated = document.getElementById("kg-timeline");
    var undated = document.getElementById("kg-undated");

    function rows(table) {
      return table ? Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-modality]")) : [];
    }

    function apply() {
      var want = {};
      selects.forEach(function (sel) { want[sel.getAttribute("data-filter")] = sel.value; });
      var modalities = new Set(boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }));
      function shown(tr) {
        return modalities.has(tr.getAttribute("data-modality"))
          && (!want.property || tr.getAttribute("data-property") === want.property)
          && (!want.document || tr.getAttribute("data-document") === want.document)
          && (!want.entities || (tr.getAttribute("data-entities") || "").split(" ").indexOf(want.entities) >= 0);
      }
      var counts = [dated, undated].map(function (table) {
        var all = rows(table), visible = 0;
        all.forEach(function (tr) { tr.hidden = !shown(tr); if (!tr.hidden) visible += 1; });
        return [visible, all.length];
      });
      [dated, undated].forEach(function (table) {  // a month with no row shown loses its heading too
        if (!table) return;
        Array.prototype.forEach.call(table.tBodies, function (body) {
          body.hidden = !Array.prototype.some.call(body.rows, function (tr) { return tr.hasAttribute("data-modality") && !tr.hidden; });
        });
      });
      status.textContent = "Showing " + counts[0][0] + " of " + counts[0][1] + " dated and " + counts[1][0] + " of "
        + counts[1][1] + " undated statements";
      return counts;
    }

    function setFilters(values) {
      selects.forEach(function (sel) {
        var key = sel.getAttribute("data-filter") === "entities" ? "entity" : sel.getAttribute("data-filter");
        if (values[key] !== undefined) {
          var ok = Array.prototype.some.call(sel.options, function (o) { return o.value === values[key]; });
          sel.value = ok ? values[key] : "";
        }
      });
      if (values.modality !== undefined) {
        var wanted = values.modality.split(",");
        boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) >= 0; });
      }
      return apply();
    }

    /* Filters given in the address (a row's own anchor, without "=", leaves them as they are). */
    function fromAddress() {
      var hash = window.location.hash.slice(1);
      if (hash.indexOf("=") <= 0) return apply();
      var values = { entity: "", property: "", document: "", modality: boxes.map(function (b) { return b.value; }).join(",") };
      hash.split("&").forEach(function (pair) {
        var at = pair.indexOf("=");
        if (at <= 0) return;
        try { values[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1)); } catch (e) { /* ignored */ }
      });
      return setFilters(values);
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    window.addEventListener("hashchange", fromAddress);
    fromAddress();
    window.kgTimeline = { apply: apply, setFilters: setFilters };
  }

  /* ---- graph pages ------------------------------------------------------- */

  function initGraph(data) {
    var root = data.root;
    var container = document.getElementById("kg-network");
    var details = document.getElementById("kg-details");
    var status = document.getElementById("kg-status");
    var table = document.getElementById("kg-statements");
    var styles = data.styles;
    var look = data.look;
    var state = {};
    var stable = false;

    function styleOf(modality) { return styles[modality] || styles.Asserted; }
    function rank(modality) { return styles[modality] ? styles[modality].rank : 99; }
    function byLegend(a, b) { return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0); }

    /* The modality most of the statements have; ties go to the first in legend order (as kg/views/render.py does). */
    function dominant(statements) {
      var counts = {};
      statements.forEach(function (s) { counts[s.modality] = (counts[s.modality] || 0) + 1; });
      return Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || byLegend(a, b); })[0];
    }

    /* How an edge standing for these statements is drawn: label with its count, width, modality style. */
    function edgeLook(e, statements) {
      var n = statements.length;
      var style = styleOf(dominant(statements.length ? statements : e.kg.statements));
      return {
        id: e.id,
        label: e.kg.propertyLabel + (n > 1 ? " \u00d7" + n : ""),
        width: Math.min(look.width + look.width * Math.log2(Math.max(n, 1)), look.maxWidth),
        dashes: style.dashes,
        arrows: { to: { enabled: true, type: style.arrow, scaleFactor: 0.7 } },
        color: { color: style.color, highlight: style.color, hover: style.color, inherit: false },
        font: { color: style.color }
      };
    }

    function modalityBadge(modality) {
      var badge = el("span", "kg-modality", modality);
      badge.style.color = styleOf(modality).color;
      badge.style.borderColor = styleOf(modality).color;
      return badge;
    }

    function tripleView(k, links) {
      var triple = el("p", "kg-triple");
      triple.appendChild(links ? link(k.subjectPage ? root + k.subjectPage : null, k.subject) : el("span", null, k.subject));
      triple.appendChild(document.createTextNode(" " + k.propertyLabel + " "));
      if (k.objectKind === "text") triple.appendChild(el("q", null, k.object));
      else triple.appendChild(links ? link(k.objectPage ? root + k.objectPage : null, k.object) : el("span", null, k.object));
      return triple;
    }

    function quoteView(s) {
      var quote = el("blockquote", "kg-quote");
      var at = s.evidence ? s.sentence.indexOf(s.evidence) : -1;
      if (at >= 0) {
        quote.appendChild(document.createTextNode(s.sentence.slice(0, at)));
        quote.appendChild(el("mark", null, s.evidence));
        quote.appendChild(document.createTextNode(s.sentence.slice(at + s.evidence.length)));
      } else {
        quote.textContent = s.sentence;
      }
      return quote;
    }

    /* One statement of an edge: modality, qualifiers, source sentence and document, and a link to its row on
       an entity page (that of `pageLabel`). */
    function statementView(s, page, pageLabel) {
      var box = el("li", "kg-statement");
      box.setAttribute("data-statement", s.iri);
      var dl = el("dl");
      function row(term, value) {
        if (value === "" || value === null || value === undefined) return;
        dl.appendChild(el("dt", null, term));
        var dd = el("dd");
        if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
        dl.appendChild(dd);
      }
      row("Modality", modalityBadge(s.modality));
      row("Date", s.date);
      row("Claimant", s.claimant);
      row("Place", s.place);
      row("Quantity", s.quantity);
      row("Role", s.role);
      box.appendChild(dl);
      if (s.sentence) box.appendChild(quoteView(s));
      var source = [s.document];
      if (s.documentTitle) source.push(s.documentTitle);
      if (s.published) source.push(s.published);
      if (s.documentFile) source.push(s.documentFile);
      box.appendChild(el("p", "kg-source", "Document: " + source.join(" \u00b7 ")));
      if (page && ANCHOR.test(s.anchor)) {
        var more = el("p", "kg-source");
        more.appendChild(link(root + page + "#" + s.anchor, "In the table of " + pageLabel));
        box.appendChild(more);
      }
      return box;
    }

    function modalitySummary(statements) {
      var counts = {};
      statements.forEach(function (s) { counts[s.modality] = (counts[s.modality] || 0) + 1; });
      return Object.keys(counts).sort(byLegend).map(function (m) { return counts[m] + " " + m; }).join(", ");
    }

    function countText(n) { return n === 1 ? "1 statement" : n + " statements"; }

    /* The tooltip of an edge: its relation, how many statements and of which modality, the first sentence. */
    function edgeTooltip(e) {
      var shown = shownStatements(e);
      var box = el("div", "kg-tip-edge");
      box.appendChild(tripleView(e.kg, false));
      box.appendChild(el("p", null, countText(shown.length) + ": " + modalitySummary(shown)));
      if (shown.length && shown[0].sentence) box.appendChild(quoteView(shown[0]));
      if (shown.length > 1) box.appendChild(el("p", "kg-hint", "All " + shown.length + " with their sources in the panel."));
      return box;
    }

    function entityTooltip(n) {
      var box = el("div", "kg-entity");
      box.appendChild(el("strong", null, n.label));
      box.appendChild(el("div", null, n.kg.typeLabel + " \u00b7 " + n.kg.statements + " statements \u00b7 " + n.kg.mentions + " mentions"));
      if (n.kg.alt.length) box.appendChild(el("div", null, "Also: " + n.kg.alt.join("; ")));
      return box;
    }

    var nodes = new vis.DataSet(data.nodes);
    var edges = new vis.DataSet(data.edges);

    function readFilters() {
      document.querySelectorAll("fieldset[data-filter]").forEach(function (fs) {
        var values = new Set();
        fs.querySelectorAll("input[type=checkbox]").forEach(function (box) { if (box.checked) values.add(box.value); });
        state[fs.getAttribute("data-filter")] = values;
      });
    }

    function typeShown(type) { return !state.type || state.type.has(type); }
    function nodeShown(n) { return !!n && typeShown(n.kg.type); }
    function statementShown(s) {
      return (!state.modality || state.modality.has(s.modality)) && (!state.document || state.document.has(s.document));
    }
    /* The statements of an edge that the filters let through. */
    function shownStatements(e) {
      if (state.property && !state.property.has(e.kg.property)) return [];
      return e.kg.statements.filter(statementShown);
    }
    function edgeShown(e) {
      return shownStatements(e).length > 0 && nodeShown(nodes.get(e.from)) && nodeShown(nodes.get(e.to));
    }

    readFilters();
    var nodeView = new vis.DataView(nodes, { filter: nodeShown });
    var edgeView = new vis.DataView(edges, { filter: edgeShown });
    var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
    var statementTotal = edges.get().reduce(function (sum, e) { return sum + e.kg.statements.length; }, 0);

    function updateStatus() {
      var shown = edgeView.get().reduce(function (sum, e) { return sum + shownStatements(e).length; }, 0);
      var text = "Showing " + nodeView.length + " of " + nodes.length + " entities and " + shown + " of "
        + statementTotal + " statements on " + edgeView.length + " edges";
      status.textContent = stable ? text + "." : "Laying out the graph\u2026 " + text + ".";
    }

    /* Each edge's count, width and style follow the statements the filters let through. */
    function restyleEdges() {
      var changes = [];
      edges.forEach(function (e) {
        var shown = shownStatements(e);
        var want = edgeLook(e, shown.length ? shown : e.kg.statements);
        if (hiddenLabels.edge.has(e.id)) want.font = labelFont("edge", e, true);
        if (want.label !== e.label || want.width !== e.width || want.color.color !== e.color.color) changes.push(want);
      });
      if (changes.length) edges.update(changes);
    }

    var known = {};
    document.querySelectorAll("fieldset[data-filter]").forEach(function (fs) {
      known[fs.getAttribute("data-filter")] = new Set(Array.prototype.map.call(
        fs.querySelectorAll("input[type=checkbox]"), function (box) { return box.value; }));
    });

    /* A row of the statements table is hidden by a filter only for values that filter offers. */
    function passes(kind, value) {
      return !known[kind] || !known[kind].has(value) || state[kind].has(value);
    }

    function filterTable() {
      if (!table) return;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
        var types = (tr.getAttribute("data-types") || "").split(" ").filter(Boolean);
        tr.hidden = !(passes("modality", tr.getAttribute("data-modality"))
          && passes("property", tr.getAttribute("data-property"))
          && passes("document", tr.getAttribute("data-document"))
          && types.every(function (t) { return passes("type", t); }));
      });
    }

    function applyFilters() {
      readFilters();
      restyleEdges();
      nodeView.refresh();
      edgeView.refresh();
      filterTable();
      updateStatus();
      declutterSoon();
    }

    function setFilter(kind, value, checked) {
      var fs = document.querySelector('fieldset[data-filter="' + kind + '"]');
      if (!fs) return false;
      var found = false;
      fs.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        if (box.value === value) { box.checked = !!checked; found = true; }
      });
      applyFilters();
      return found;
    }

    function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

    /* The panel of an edge: its relation and every statement of it the filters let through, with sources. */
    function showEdge(id) {
      var e = edges.get(id);
      if (!e) return false;
      var shown = shownStatements(e);
      clear(details);
      details.appendChild(el("h2", null, "Relation"));
      details.appendChild(tripleView(e.kg, true));
      var hidden = e.kg.statements.length - shown.length;
      details.appendChild(el("p", "kg-edge-count", countText(shown.length) + ": " + modalitySummary(shown)
        + (hidden ? " (" + hidden + " more hidden by the filters)" : "")));
      var list = el("ol", "kg-edge-statements");
      // the rows are on the page of either end: this page's entity if it is one, else the subject
      var onObject = nodes.get(e.to).kg.focus && !nodes.get(e.from).kg.focus;
      var page = onObject ? e.kg.objectPage : e.kg.subjectPage;
      var pageLabel = onObject ? e.kg.object : e.kg.subject;
      shown.forEach(function (s) { list.appendChild(statementView(s, page, pageLabel)); });
      details.appendChild(list);
      details.setAttribute("data-showing", "edge:" + id);
      return true;
    }

    function showEntity(id) {
      var n = nodes.get(id);
      if (!n) return false;
      clear(details);
      details.appendChild(el("h2", null, n.label));
      var dl = el("dl");
      [["Type", n.kg.typeLabel], ["Also written", n.kg.alt.join("; ")], ["Mentions", n.kg.mentions],
        ["Statements", n.kg.statements]].forEach(function (pair) {
        if (pair[1] === "" || pair[1] === undefined) return;
        dl.appendChild(el("dt", null, pair[0]));
        dl.appendChild(el("dd", null, pair[1]));
      });
      if (n.kg.wikidata && QID.test(n.kg.wikidata)) {
        dl.appendChild(el("dt", null, "Wikidata"));
        var dd = el("dd");
        dd.appendChild(link("https://www.wikidata.org/wiki/" + n.kg.wikidata, n.kg.wikidata));
        dl.appendChild(dd);
      }
      details.appendChild(dl);
      if (!n.kg.focus) {
        var p = el("p");
        p.appendChild(link(pageHref(root, n.id), "Open the page of " + n.label));
        details.appendChild(p);
      }
      var ids = network.getConnectedEdges(id).filter(function (eid) { return edgeShown(edges.get(eid)); });
      if (ids.length) {
        details.appendChild(el("h3", null, "Relations drawn here"));
        var list = el("ul", "kg-edge-list");
        ids.sort().forEach(function (eid) {
          var e = edges.get(eid);
          var shown = shownStatements(e);
          var li = el("li");
          var button = el("button", null, e.kg.subject + " " + e.kg.propertyLabel + " " + e.kg.object);
          button.type = "button";
          button.addEventListener("click", function () { showEdge(eid); network.selectEdges([eid]); });
          li.appendChild(button);
          li.appendChild(el("div", "kg-source", countText(shown.length) + ": " + modalitySummary(shown)));
          list.appendChild(li);
        });
        details.appendChild(list);
      }
      details.setAttribute("data-showing", "node:" + id);
      return true;
    }

    function focusNode(id) {
      if (!nodeView.get(id)) return false;
      network.selectNodes([id]);
      network.focus(id, { scale: 1.2, animation: false });
      declutter();
      showEntity(id);
      return true;
    }

    /* One tooltip, drawn by this script, for whatever vis-network reports hovered: the edge it highlights
       is the edge the tooltip and the panel describe. */
    var tooltip = el("div", "kg-tooltip");
    tooltip.id = "kg-tooltip";
    tooltip.hidden = true;
    tooltip.setAttribute("role", "tooltip");
    container.appendChild(tooltip);

    function showTooltip(kind, id, pointer) {
      var item = kind === "edge" ? edges.get(id) : nodes.get(id);
      if (!item) return;
      clear(tooltip);
      tooltip.appendChild(kind === "edge" ? edgeTooltip(item) : entityTooltip(item));
      tooltip.setAttribute("data-showing", kind + ":" + id);
      tooltip.hidden = false;
      var x = pointer.x + 14, y = pointer.y + 14;
      var width = container.clientWidth, height = container.clientHeight;
      if (x + tooltip.offsetWidth > width) x = Math.max(0, pointer.x - 14 - tooltip.offsetWidth);
      if (y + tooltip.offsetHeight > height) y = Math.max(0, pointer.y - 14 - tooltip.offsetHeight);
      tooltip.style.left = x + "px";
      tooltip.style.top = y + "px";
    }

    function hideTooltip() {
      tooltip.hidden = true;
      tooltip.removeAttribute("data-showing");
    }

    network.on("hoverEdge", function (p) { showEdge(p.edge); showTooltip("edge", p.edge, p.pointer.DOM); });
    network.on("hoverNode", function (p) { showEntity(p.node); showTooltip("node", p.node, p.pointer.DOM); });
    network.on("blurEdge", function (p) { if (tooltip.getAttribute("data-showing") === "edge:" + p.edge) hideTooltip(); });
    network.on("blurNode", function (p) { if (tooltip.getAttribute("data-showing") === "node:" + p.node) hideTooltip(); });
    ["dragStart", "zoom"].forEach(function (name) { network.on(name, hideTooltip); });
    container.addEventListener("mouseleave", hideTooltip);
    network.on("click", function (p) {
      if (p.nodes.length) showEntity(p.nodes[0]);
      else if (p.edges.length) showEdge(p.edges[0]);
    });
    network.on("doubleClick", function (p) {
      if (!p.nodes.length) return;
      var n = nodes.get(p.nodes[0]);
      var href = pageHref(root, n.id);
      if (href && !n.kg.focus) window.location.href = href;
    });
    network.on("stabilizationProgress", function (p) {
      status.textContent = "Laying out the graph… " + Math.round(100 * p.iterations / p.total) + "%";
    });

    /* Legible labels. Fonts are kept at least look.nodePx (entities) and look.edgePx (relations) CSS pixels
       high on screen whatever the zoom (a large graph is fitted at a small scale), and a label that would
       overlap a label already placed is left out, entities from the most central, then relations from the one
       of most statements: zooming in brings them back. A left-out label's name is in the tooltip. */
    var labelSizes = { node: data.options.nodes.font.size, edge: data.options.edges.font.size, scale: 1 };
    var hiddenLabels = { node: new Set(), edge: new Set() };
    var CLEAR = "rgba(0,0,0,0)";

    function labelFont(kind, item, hidden) {
      if (hidden) return { color: CLEAR, strokeColor: CLEAR };
      if (kind === "node" && item.kg.focus) return { color: NODE_FONT_COLOR, strokeColor: "#ffffff", size: labelSizes.node * FOCUS_FONT };
      if (kind === "node") return { color: NODE_FONT_COLOR, strokeColor: "#ffffff" };
      return { color: edgeLook(item, shownStatements(item)).font.color, strokeColor: "#ffffff" };
    }

    function sizeLabels() {
      var scale = network.getScale();
      var node = Math.max(data.options.nodes.font.size, look.nodePx / scale);
      var edge = Math.max(data.options.edges.font.size, look.edgePx / scale);
      if (node === labelSizes.node && edge === labelSizes.edge) return false;
      labelSizes = { node: node, edge: edge, scale: scale };
      network.setOptions({ nodes: { font: { size: node } }, edges: { font: { size: edge } } });
      var focus = data.focus && nodes.get(data.focus);
      if (focus) nodes.update({ id: focus.id, font: { size: node * FOCUS_FONT } });
      return true;
    }

    function overlaps(a, b) {
      return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    }

    /* The canvas boxes of the labels that are drawn, and the ids of the labels left out. */
    function placeLabels() {
      var placed = [], out = { node: new Set(), edge: new Set() }, boxes = { node: {}, edge: {} };
      var pad = 1 / network.getScale();  // one screen pixel between labels
      function fits(box) {
        for (var i = 0; i < placed.length; i++) if (overlaps(box, placed[i])) return false;
        return true;
      }
      var selected = new Set(network.getSelectedNodes());
      function first(id) { return id === data.focus ? 2 : selected.has(id) ? 1 : 0; }
      var nodeIds = nodeView.getIds().sort(function (a, b) {  // the page's entity, a selected one, then by centrality
        return first(b) - first(a) || nodes.get(a).kg.rank - nodes.get(b).kg.rank;
      });
      nodeIds.forEach(function (id) {
        var b = network.getBoundingBox(id);
        var box = { left: b.left - pad, right: b.right + pad, top: b.top - pad, bottom: b.bottom + pad };
        if (fits(box)) { placed.push(box); boxes.node[id] = box; } else out.node.add(id);
      });
      var edgeIds = edgeView.getIds().sort(function (a, b) {
        return shownStatements(edges.get(b)).length - shownStatements(edges.get(a)).length || (a < b ? -1 : 1);
      });
      edgeIds.forEach(function (id) {
        var item = network.body.edges[id];
        var size = item && item.labelModule && item.labelModule.size;
        if (!size || !size.width) return;
        var box = { left: size.left - pad, right: size.left + size.width + pad, top: size.top - pad,
                    bottom: size.top + size.height + pad };
        if (fits(box)) { placed.push(box); boxes.edge[id] = box; } else out.edge.add(id);
      });
      return { hidden: out, boxes: boxes };
    }

    function declutter() {
      if (!stable) return;
      sizeLabels();
      network.redraw();  // measures the labels at their new size
      var hidden = placeLabels().hidden;
      var nodeChanges = [], edgeChanges = [];
      nodes.forEach(function (n) {
        var was = hiddenLabels.node.has(n.id), now = hidden.node.has(n.id);
        if (was !== now) nodeChanges.push({ id: n.id, font: labelFont("node", n, now) });
      });
      edges.forEach(function (e) {
        var was = hiddenLabels.edge.has(e.id), now = hidden.edge.has(e.id);
        if (was !== now) edgeChanges.push({ id: e.id, font: labelFont("edge", e, now) });
      });
      hiddenLabels = hidden;
      if (nodeChanges.length) nodes.update(nodeChanges);
      if (edgeChanges.length) edges.update(edgeChanges);
      container.setAttribute("data-labels-hidden", hidden.node.size + " " + hidden.edge.size);
    }

    var declutterTimer = null;
    function declutterSoon() {
      if (declutterTimer !== null) clearTimeout(declutterTimer);
      declutterTimer = setTimeout(function () { declutterTimer = null; declutter(); }, 120);
    }

    function fitWithLegibleLabels() {
      network.fit({ animation: false });
      declutter();
    }

    function settled() {
      if (stable) return;
      stable = true;
      network.setOptions({ physics: { enabled: false } });
      fitWithLegibleLabels();
      ["zoom", "dragEnd", "stabilized", "selectNode"].forEach(function (name) { network.on(name, declutterSoon); });
      document.body.setAttribute("data-kg-stable", "true");
      updateStatus();
    }
    network.once("stabilizationIterationsDone", settled);
    network.once("stabilized", settled);
    if (nodes.length === 0) settled();

    var physics = document.getElementById("kg-physics");
    physics.addEventListener("click", function () {
      var on = physics.getAttribute("aria-pressed") !== "true";
      physics.setAttribute("aria-pressed", on ? "true" : "false");
      physics.textContent = on ? "Freeze layout" : "Resume layout";
      network.setOptions({ physics: { enabled: on } });
    });
    document.getElementById("kg-fit").addEventListener("click", fitWithLegibleLabels);

    document.querySelectorAll("fieldset[data-filter]").forEach(function (fs) {
      fs.addEventListener("change", applyFilters);
      fs.querySelectorAll("button[data-set]").forEach(function (button) {
        button.addEventListener("click", function () {
          var on = button.getAttribute("data-set") === "all";
          fs.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = on; });
          applyFilters();
        });
      });
    });

    var input = document.getElementById("kg-search");
    var results = document.getElementById("kg-search-results");
    function search(query) {
      var found = entityMatches(query).slice(0, MAX_RESULTS);
      clear(results);
      found.forEach(function (row) {
        var li = el("li");
        var here = !!nodes.get(row[2]);
        if (here) {
          var button = el("button", null, row[0]);
          button.type = "button";
          button.addEventListener("click", function () { focusNode(row[2]); results.hidden = true; });
          li.appendChild(button);
        } else {
          li.appendChild(link(pageHref(root, row[2]), row[0]));
        }
        var side = el("span", "kg-type", row[3] + (here ? "" : " · not drawn here"));
        if (here) {
          side.appendChild(document.createTextNode(" · "));
          side.appendChild(link(pageHref(root, row[2]), "page"));
        }
        li.appendChild(side);
        results.appendChild(li);
      });
      if (!found.length && fold(query)) results.appendChild(el("li", "kg-hint", "No entity by that name."));
      results.hidden = !fold(query);
      return found.map(function (row) { return row[2]; });
    }
    input.addEventListener("input", function () { search(input.value); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { results.hidden = true; return; }
      if (ev.key !== "Enter") return;
      var found = entityMatches(input.value);
      if (!found.length) return;
      results.hidden = true;
      if (!focusNode(found[0][2])) {
        var href = pageHref(root, found[0][2]);
        if (href) window.location.href = href;
      }
    });

    updateStatus();
    window.kgView = {
      network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
      showEdge: showEdge, showEntity: showEntity, focusNode: focusNode, setFilter: setFilter,
      search: search, isStable: function () { return stable; }, labelSizes: function () { return labelSizes; },
      hiddenLabels: function () { return hiddenLabels; }, placeLabels: placeLabels, declutter: declutter
    };
  }

  var dataBlock = document.getElementById("kg-data");
  if (dataBlock && window.vis) initGraph(JSON.parse(dataBlock.textContent));
  initIndex();
  initTimeline();
})();
