// The query page: sends the query to /sparql and renders the answer with textContent only.
"use strict";

const RESULTS_JSON = "application/sparql-results+json";
const ACCEPT = RESULTS_JSON + ", text/turtle;q=0.9";
const XSD = "http://www.w3.org/2001/XMLSchema#";

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function termCell(term) {
  const td = el("td");
  if (!term) {
    td.className = "unbound";
    return td;
  }
  if (term.type === "uri") {
    td.textContent = "<" + term.value + ">";
  } else if (term.type === "bnode") {
    td.textContent = "_:" + term.value;
  } else if (term.type === "triple") {
    const v = term.value;
    td.textContent = "<< " + [v.subject, v.predicate, v.object].map(t => t.value).join(" ") + " >>";
  } else {
    td.appendChild(document.createTextNode(term.value));
    if (term["xml:lang"]) {
      td.appendChild(el("span", "@" + term["xml:lang"], "meta"));
    } else if (term.datatype) {
      const dt = term.datatype.startsWith(XSD) ? "xsd:" + term.datatype.slice(XSD.length) : term.datatype;
      td.appendChild(el("span", " ^^" + dt, "meta"));
    }
  }
  return td;
}

function renderSolutions(data, box) {
  const vars = data.head.vars;
  const rows = data.results.bindings;
  const table = el("table");
  const head = el("tr");
  for (const name of vars) head.appendChild(el("th", "?" + name));
  table.appendChild(el("thead")).appendChild(head);
  const body = el("tbody");
  for (const row of rows) {
    const tr = el("tr");
    for (const name of vars) tr.appendChild(termCell(row[name]));
    body.appendChild(tr);
  }
  table.appendChild(body);
  box.appendChild(table);
  return rows.length;
}

async function run(event) {
  if (event) event.preventDefault();
  const query = document.getElementById("query").value;
  const status = document.getElementById("status");
  const error = document.getElementById("error");
  const box = document.getElementById("results");
  const download = document.getElementById("download-csv");
  const button = document.getElementById("run");
  box.replaceChildren();
  error.hidden = true;
  download.hidden = true;
  status.textContent = "running…";
  button.disabled = true;
  history.replaceState(null, "", "/query?" + new URLSearchParams({query: query}));  // a link to share
  const started = performance.now();
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: {"Content-Type": "application/sparql-query", "Accept": ACCEPT},
      body: query,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!response.ok) {
      error.textContent = response.status + " " + response.statusText + ": " + (await response.text());
      error.hidden = false;
      status.textContent = "";
      return;
    }
    const type = response.headers.get("Content-Type") || "";
    let summary;
    if (type.startsWith(RESULTS_JSON)) {
      const data = await response.json();
      if ("boolean" in data) {
        box.appendChild(el("p", "ASK: " + data.boolean));
        summary = "answered";
      } else {
        const count = renderSolutions(data, box);
        summary = count + (count === 1 ? " row" : " rows");
        download.href = "/sparql?" + new URLSearchParams({query: query, format: "csv"});
        download.hidden = false;
      }
    } else {
      box.appendChild(el("pre", await response.text(), "graph"));
      summary = "graph";
    }
    if (response.headers.get("X-KG-Truncated") === "true") {
      summary += " — cut off at the server's limit of " + response.headers.get("X-KG-Row-Limit");
    }
    status.textContent = summary + " in " + seconds + " s";
  } catch (failure) {
    error.textContent = "the server did not answer: " + failure;
    error.hidden = false;
    status.textContent = "";
  } finally {
    button.disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("query-form").addEventListener("submit", run);
  const shared = new URLSearchParams(window.location.search).get("query");
  if (shared) {  // /query?query=... opens with that query and runs it
    document.getElementById("query").value = shared;
    run();
  }
  document.getElementById("query").addEventListener("keydown", event => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run(event);
  });
});
