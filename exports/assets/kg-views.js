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
  var QID = /^[A-Za-z0-9]+$/;
  var MAX_RESULTS = 12;

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

  /* ---- graph pages ------------------------------------------------------- */

  function initGraph(data) {
    var root = data.root;
    var container = document.getElementById("kg-network");
    var details = document.getElementById("kg-details");
    var status = document.getElementById("kg-status");
    var table = document.getElementById("kg-statements");
    var state = {};
    var stable = false;

    function statementView(e, compact) {
      var s = e.kg;
      var box = el("div", "kg-statement");
      var triple = el("p", "kg-triple");
      triple.appendChild(compact ? el("span", null, s.subject) : link(s.subjectPage ? root + s.subjectPage : null, s.subject));
      triple.appendChild(document.createTextNode(" " + s.propertyLabel + " "));
      if (s.objectKind === "text") triple.appendChild(el("q", null, s.object));
      else triple.appendChild(compact ? el("span", null, s.object) : link(s.objectPage ? root + s.objectPage : null, s.object));
      box.appendChild(triple);
      var dl = el("dl");
      function row(term, value) {
        if (value === "" || value === null || value === undefined) return;
        dl.appendChild(el("dt", null, term));
        var dd = el("dd");
        if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
        dl.appendChild(dd);
      }
      var badge = el("span", "kg-modality", s.modality);
      badge.style.color = e.color.color;
      badge.style.borderColor = e.color.color;
      row("Modality", badge);
      row("Date", s.date);
      row("Claimant", s.claimant);
      row("Place", s.place);
      row("Quantity", s.quantity);
      row("Role", s.role);
      box.appendChild(dl);
      if (s.sentence) {
        var quote = el("blockquote", "kg-quote");
        var at = s.evidence ? s.sentence.indexOf(s.evidence) : -1;
        if (at >= 0) {
          quote.appendChild(document.createTextNode(s.sentence.slice(0, at)));
          quote.appendChild(el("mark", null, s.evidence));
          quote.appendChild(document.createTextNode(s.sentence.slice(at + s.evidence.length)));
        } else {
          quote.textContent = s.sentence;
        }
        box.appendChild(quote);
      }
      var source = [s.document];
      if (s.documentTitle) source.push(s.documentTitle);
      if (s.published) source.push(s.published);
      if (!compact && s.documentFile) source.push(s.documentFile);
      box.appendChild(el("p", "kg-source", "Document: " + source.join(" · ")));
      return box;
    }

    function entityTooltip(n) {
      var box = el("div", "kg-entity");
      box.appendChild(el("strong", null, n.label));
      box.appendChild(el("div", null, n.kg.typeLabel + " · " + n.kg.statements + " statements · " + n.kg.mentions + " mentions"));
      if (n.kg.alt.length) box.appendChild(el("div", null, "Also: " + n.kg.alt.join("; ")));
      return box;
    }

    var nodes = new vis.DataSet(data.nodes.map(function (n) {
      return Object.assign({}, n, { title: entityTooltip(n) });
    }));
    var edges = new vis.DataSet(data.edges.map(function (e) {
      return Object.assign({}, e, { title: statementView(e, true) });
    }));

    function readFilters() {
      document.querySelectorAll("fieldset[data-filter]").forEach(function (fs) {
        var values = new Set();
        fs.querySelectorAll("input[type=checkbox]").forEach(function (box) { if (box.checked) values.add(box.value); });
        state[fs.getAttribute("data-filter")] = values;
      });
    }

    function typeShown(type) { return !state.type || state.type.has(type); }
    function nodeShown(n) { return !!n && typeShown(n.kg.type); }
    function edgeShown(e) {
      var s = e.kg;
      return (!state.modality || state.modality.has(s.modality)) && (!state.property || state.property.has(s.property))
        && (!state.document || state.document.has(s.document)) && nodeShown(nodes.get(e.from)) && nodeShown(nodes.get(e.to));
    }

    readFilters();
    var nodeView = new vis.DataView(nodes, { filter: nodeShown });
    var edgeView = new vis.DataView(edges, { filter: edgeShown });
    var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);

    function updateStatus() {
      var text = "Showing " + nodeView.length + " of " + nodes.length + " entities and " + edgeView.length + " of "
        + edges.length + " statements";
      status.textContent = stable ? text + "." : "Laying out the graph… " + text + ".";
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
      nodeView.refresh();
      edgeView.refresh();
      filterTable();
      updateStatus();
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

    function showStatement(id) {
      var e = edges.get(id);
      if (!e) return false;
      clear(details);
      details.appendChild(el("h2", null, "Statement"));
      details.appendChild(statementView(e, false));
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
        details.appendChild(el("h3", null, "Statements drawn here"));
        var list = el("ul", "kg-edge-list");
        ids.sort().forEach(function (eid) {
          var e = edges.get(eid);
          var li = el("li");
          var button = el("button", null, e.kg.subject + " " + e.kg.propertyLabel + " " + e.kg.object + " (" + e.kg.modality + ")");
          button.type = "button";
          button.addEventListener("click", function () { showStatement(eid); network.selectEdges([eid]); });
          li.appendChild(button);
          if (e.kg.sentence) li.appendChild(el("div", "kg-source", e.kg.sentence));
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
      showEntity(id);
      return true;
    }

    network.on("hoverEdge", function (p) { showStatement(p.edge); });
    network.on("hoverNode", function (p) { showEntity(p.node); });
    network.on("click", function (p) {
      if (p.nodes.length) showEntity(p.nodes[0]);
      else if (p.edges.length) showStatement(p.edges[0]);
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

    function settled() {
      if (stable) return;
      stable = true;
      network.setOptions({ physics: { enabled: false } });
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
    document.getElementById("kg-fit").addEventListener("click", function () { network.fit(); });

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
      showStatement: showStatement, showEntity: showEntity, focusNode: focusNode, setFilter: setFilter,
      search: search, isStable: function () { return stable; }
    };
  }

  var dataBlock = document.getElementById("kg-data");
  if (dataBlock && window.vis) initGraph(JSON.parse(dataBlock.textContent));
  initIndex();
})();
