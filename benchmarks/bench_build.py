"""How the cost of `kg build` grows, measured on real English text.

The corpus is made of the sentences of the UD English treebanks (../shared/data/ud), grouped
into their documents, cut into article-sized pieces (about 500 words), shuffled with a fixed seed and
repeated to reach the sizes needed. Prints, as ratios:

1. build throughput (words/s) against bare `nlp.pipe` of the same pipeline on the same text,
   with the same number of processes, in the same run;
2. time and peak memory of `kg build` at 1x, 10x and 100x corpus size;
3. SPARQL latency of the saved queries on a graph of at least a million triples, in-memory
   rdflib against the Oxigraph store, and the time to export that graph as Turtle.

    python benchmarks/bench_build.py [--model PATH] [--base-words 10000] [--sizes 1,10,100]
                                     [--jobs 1] [--triples 1000000] [--skip scaling,sparql]
                                     [--max-graph-triples N] [--repeat 6]
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
print = functools.partial(print, flush=True)  # noqa: A001  (progress shows while long runs go on)
sys.path.insert(0, str(ROOT))


ARTICLE_WORDS = 500
"""Treebank documents are cut (at sentence boundaries) into article-sized pieces of about this many words."""


def ud_documents(data_dir: Path) -> list[str]:
    """Article-sized texts from the documents of the UD English treebanks (train, dev and test), in a fixed
    shuffled order, so that every corpus size has the same mix of genres and lengths (a 5,000-word
    weblog thread parsed at once costs spaCy far more memory than ten 500-word articles)."""
    import random

    from kg.training.convert import group_documents, read_conllu

    texts = []
    for tb in ("en_ewt", "en_gum"):
        for split in ("train", "dev", "test"):
            path = data_dir / "ud" / tb / f"{split}.conllu"
            if path.exists():
                for _doc_id, sents in group_documents(read_conllu(path)):
                    chunk: list[str] = []
                    words = 0
                    for s in sents:
                        chunk.append(s.text)
                        words += len(s.text.split())
                        if words >= ARTICLE_WORDS:
                            texts.append(" ".join(chunk))
                            chunk, words = [], 0
                    if chunk:
                        texts.append(" ".join(chunk))
    random.Random(20251201).shuffle(texts)
    return texts


def write_corpus(folder: Path, texts: list[str], words: int) -> int:
    """Write documents (repeating the treebanks as needed) until `words` words; returns the count."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    i = 0
    while total < words:
        text = texts[i % len(texts)]
        rep = i // len(texts)
        (folder / f"ud{i:07d}.txt").write_text(text if rep == 0 else f"{text}\n\n(Copy {rep}.)", encoding="utf-8")
        total += len(text.split())
        i += 1
    return total


CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from kg.build.run import build_corpus
from kg.nlp.language import load_pipeline
from kg.extract.qualifiers import _date_parser, _quantity_parser
load_pipeline({model!r}); _date_parser(); _quantity_parser()  # one-off loading, outside the clock as for nlp.pipe
t, cpu = time.perf_counter(), time.process_time()
kw = {{"max_graph_triples": {max_triples}}} if {max_triples} is not None else {{}}
r = build_corpus(Path({corpus!r}), Path({out!r}), model={model!r}, jobs={jobs}, views=False, **kw)
elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({{"seconds": elapsed, "cpu": cpu, "peak_mb": peak / 1024, "words": r.words, "statements": r.statements,
                  "triples": r.triples}}))
"""

BARE = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from kg.inputs.corpus import read_corpus
from kg.extract import mask_dateline
from kg.nlp.language import load_pipeline
docs = list(read_corpus(Path({corpus!r})))
nlp = load_pipeline({model!r})
t, cpu = time.perf_counter(), time.process_time()
words = 0
for doc in nlp.pipe((mask_dateline(d.text) for d in docs), batch_size=16, n_process={jobs}):
    words += sum(1 for tok in doc if not tok.is_space and not tok.is_punct)
elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
print(json.dumps({{"seconds": elapsed, "cpu": cpu, "words": words}}))
"""


def run_child(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_throughput(corpus: Path, model: str | None, jobs: int, repeat: int = 6) -> None:
    """Bare nlp.pipe and the build, each run `repeat` times in turn so that both see the same spells of a
    shared machine, the order swapped from one pair to the next (bare then build, build then bare, ...) so that
    a machine that speeds up or slows down over the runs favours neither. The best run of each is compared,
    and the median of the pairs' ratios is shown beside it."""
    bares, builds, walls = [], [], []

    def bare() -> None:
        bares.append(run_child(BARE.format(root=str(ROOT), corpus=str(corpus), model=model, jobs=jobs)))

    def build() -> None:
        with tempfile.TemporaryDirectory() as out:
            t = time.perf_counter()
            builds.append(run_child(CHILD.format(root=str(ROOT), corpus=str(corpus), out=out, model=model, jobs=jobs,
                                                 max_triples=None)))
            walls.append(time.perf_counter() - t)

    for k in range(repeat):
        for run in ((bare, build) if k % 2 == 0 else (build, bare)):
            run()
    # the build's seconds include reading, resolution, graph building and export; loading the pipeline and
    # the date and quantity parsers is excluded from both sides (each child loads them before its clock starts)
    bare_runs = [b["words"] / b["seconds"] for b in bares]
    build_runs = [b["words"] / b["seconds"] for b in builds]
    bare_wps, build_wps, build = max(bare_runs), max(build_runs), builds[0]
    print(f"\n## throughput ({jobs} process{'es' if jobs > 1 else ''}, {bares[0]['words']:,} words, best of {repeat} "
          "runs each, taken in turn)")
    print(f"bare nlp.pipe        {bare_wps:10,.0f} words/s   (runs: {', '.join(f'{w:,.0f}' for w in bare_runs)})")
    print(f"kg build end to end  {build_wps:10,.0f} words/s   (runs: {', '.join(f'{w:,.0f}' for w in build_runs)}; "
          f"{build['statements']:,} statements, {build['triples']:,} triples, wall {min(walls):.1f}s)")
    pairs = sorted(b / a for a, b in zip(bare_runs, build_runs))
    median = pairs[len(pairs) // 2] if len(pairs) % 2 else (pairs[len(pairs) // 2 - 1] + pairs[len(pairs) // 2]) / 2
    print(f"ratio build / bare   {build_wps / bare_wps:10.2f}   (wall clock; median of the {repeat} pairs "
          f"{median:.2f}, pairs {', '.join(f'{r:.2f}' for r in pairs)})")
    if jobs == 1:  # CPU time of the process (the parser's thread included): the work, wherever it ran
        bare_cpu = max(b["words"] / b["cpu"] for b in bares)
        build_cpu = max(b["words"] / b["cpu"] for b in builds)
        print(f"ratio build / bare   {build_cpu / bare_cpu:10.2f}   (CPU time: {bare_cpu:,.0f} against "
              f"{build_cpu:,.0f} words per CPU second)")


def bench_scaling(texts: list[str], base: int, sizes: list[int], model: str | None, jobs: int, tmp: Path,
                  max_triples: int | None = None) -> None:
    limit = "" if max_triples is None else f"; --max-graph-triples {max_triples:,}"
    print(f"\n## scaling ({jobs} process{'es' if jobs > 1 else ''}; base {base:,} words{limit})")
    print(f"{'size':>6} {'words':>10} {'triples':>9} {'seconds':>9} {'peak MB':>9} {'time ratio':>11} {'memory ratio':>13}")
    first = None
    for size in sizes:
        corpus = tmp / f"corpus-{size}x"
        words = write_corpus(corpus, texts, base * size)
        result = run_child(CHILD.format(root=str(ROOT), corpus=str(corpus), out=str(tmp / f"out-{size}x"),
                                        model=model, jobs=jobs, max_triples=max_triples))
        first = first or result
        print(f"{size:>5}x {words:>10,} {result['triples']:>9,} {result['seconds']:>9.1f} {result['peak_mb']:>9.0f} "
              f"{result['seconds'] / first['seconds']:>11.2f} {result['peak_mb'] / first['peak_mb']:>13.2f}")
        shutil.rmtree(corpus, ignore_errors=True)


def _replica(base, entities, key_map, c: int):
    """Copy `c` of the sample corpus as other documents about other entities: every document, entity
    key and name gets the copy number, so each copy adds its own IRIs (copy 0 is the corpus itself)."""
    from dataclasses import replace

    from kg.model import Mention

    def key(k):
        return k if c == 0 else f"{k}:c{c}"

    def name(text):
        return text if c == 0 or not text else f"{text} ({c})"

    def mention(m, doc_id):
        if not isinstance(m, Mention):
            return m
        return replace(m, doc_id=doc_id, key=key(m.key), name=name(m.name), surface=name(m.surface))

    extractions = []
    for ex in base:
        doc_id = ex.document.doc_id if c == 0 else f"{ex.document.doc_id}-c{c:05d}"
        relations = tuple(replace(r, doc_id=doc_id, subject=mention(r.subject, doc_id), object=mention(r.object, doc_id),
                                  claimant=mention(r.claimant, doc_id), place=mention(r.place, doc_id))
                          for r in ex.relations)
        extractions.append(replace(ex, document=replace(ex.document, doc_id=doc_id, file_name=f"{doc_id}.txt"),
                                   sentences=tuple(replace(s, doc_id=doc_id) for s in ex.sentences),
                                   mentions=tuple(mention(m, doc_id) for m in ex.mentions), relations=relations))
    ents = {key(k): replace(e, key=key(k), label=name(e.label), alt_labels=tuple(name(a) for a in e.alt_labels))
            for k, e in entities.items()}
    return extractions, ents, {key(k): key(v) for k, v in key_map.items()}


def bench_sparql(model: str | None, triples: int, tmp: Path, with_rdflib: bool = True,
                 rdflib_timeout: float = 600) -> None:
    import statistics

    import pyoxigraph
    from rdflib import Graph

    from kg.build.run import extract_documents
    from kg.extract.resolve import resolve_entities
    from kg.graph.export import serialize_turtle
    from kg.graph.lines import LineSorter, nq_line, nt_lines
    from kg.graph.rdf import ENTITY_GRAPH, build_graph, document_graph_iri
    from kg.inputs.corpus import read_corpus
    from kg.query.sparql import saved_queries
    from kg.query.store import store_query_rows, write_store

    base = list(extract_documents(list(read_corpus(ROOT / "corpus")), model))
    entities, key_map = resolve_entities(base)
    per_copy = len(build_graph(base, entities, key_map).union())
    copies = max(1, -(-int(triples * 1.02) // per_copy))
    t = time.perf_counter()
    nt, nq = LineSorter(tmp), LineSorter(tmp)
    for c in range(copies):
        built = build_graph(*_replica(base, entities, key_map, c))
        parts = [(ENTITY_GRAPH, built.entities)] + [(document_graph_iri(k), g) for k, g in built.documents.items()]
        for iri, g in parts:
            for line in nt_lines(g):
                nt.add(line)
                nq.add(nq_line(line, f"<{iri}>"))
    count = nt.write(tmp / "graph.nt")
    nq.write(tmp / "graph.nq")
    print(f"\n## SPARQL on {count:,} triples ({copies} copies of the sample corpus, {copies * len(base):,} documents, "
          f"each copy with its own entities; written as N-Triples/N-Quads in {time.perf_counter() - t:.0f}s)")
    t = time.perf_counter()
    store = write_store(tmp / "store", tmp / "graph.nq", tmp / "graph.nt")
    print(f"bulk load into Oxigraph: {time.perf_counter() - t:.1f}s")
    ox = pyoxigraph.Store.read_only(str(store))
    graph = None
    if with_rdflib:
        t = time.perf_counter()
        graph = Graph()
        graph.parse(tmp / "graph.nt", format="nt")
        print(f"load into rdflib: {time.perf_counter() - t:.1f}s")
        t = time.perf_counter()
        turtle = serialize_turtle(graph)
        print(f"export to Turtle (rdflib, whole graph in memory): {time.perf_counter() - t:.1f}s "
              f"({len(turtle) / 1e6:.0f} MB)")
        del turtle
    print("query times: to the complete result, rows converted to strings; Oxigraph: median of 3 runs; rdflib: one run "
          f"in a forked process, stopped after {rdflib_timeout:.0f}s")
    print(f"{'query':<22} {'rows':>6} {'rdflib s':>9} {'oxigraph s':>11} {'speed-up':>9}")
    for name, q in saved_queries().items():
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            rows_ox = len(store_query_rows(ox, q.text)[1])
            runs.append(time.perf_counter() - t)
        t_ox = statistics.median(runs)
        rows_rdflib, t_rdflib = (-1, float("nan")) if graph is None else _rdflib_query(graph, q.text, rdflib_timeout)
        rdflib_cell = f">{rdflib_timeout:.0f}" if t_rdflib == float("inf") else f"{t_rdflib:.3f}"
        speedup = f">{rdflib_timeout / max(t_ox, 1e-6):.0f}" if t_rdflib == float("inf") else f"{t_rdflib / max(t_ox, 1e-6):.1f}"
        print(f"{name:<22} {rows_ox:>6} {rdflib_cell:>9} {t_ox:>11.3f} {speedup:>9}"
              + ("" if rows_ox == rows_rdflib or rows_rdflib < 0 else f"  (rdflib {rows_rdflib} rows)"))


def _rdflib_query(graph, text: str, timeout: float) -> tuple[int, float]:
    """(rows, seconds) of a query on the in-memory rdflib graph, run in a forked child (which shares the
    loaded graph) so that a query slower than `timeout` can be stopped: then (-1, inf)."""
    import multiprocessing as mp

    from kg.query.sparql import run_query

    def child(conn):
        t = time.perf_counter()
        rows = len(list(run_query(graph, text)))
        conn.send((rows, time.perf_counter() - t))

    parent, child_end = mp.get_context("fork").Pipe()
    proc = mp.get_context("fork").Process(target=child, args=(child_end,))
    proc.start()
    try:
        if parent.poll(timeout):
            return parent.recv()
        return -1, float("inf")
    finally:
        proc.kill()
        proc.join()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: KG_MODEL or the shipped one)")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--base-words", type=int, default=10_000)
    ap.add_argument("--sizes", default="1,10,100")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--max-graph-triples", type=int, default=None,
                    help="the build's limit for the in-memory sorted exports (default: the build's own)")
    ap.add_argument("--repeat", type=int, default=6, help="runs of bare nlp.pipe and of the build, taken in turn")
    ap.add_argument("--rdflib-timeout", type=float, default=600, help="seconds before an rdflib query is stopped")
    ap.add_argument("--skip", default="", help="comma-separated: throughput, scaling, sparql, rdflib")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    texts = ud_documents(args.data)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmpdir:
        tmp = Path(tmpdir)
        if "throughput" not in skip:
            corpus = tmp / "throughput"
            write_corpus(corpus, texts, args.base_words * 5)
            bench_throughput(corpus, args.model, args.jobs, args.repeat)
        if "scaling" not in skip:
            bench_scaling(texts, args.base_words, [int(s) for s in args.sizes.split(",")], args.model, args.jobs, tmp,
                          args.max_graph_triples)
        if "sparql" not in skip:
            bench_sparql(args.model, args.triples, tmp, with_rdflib="rdflib" not in skip,
                         rdflib_timeout=args.rdflib_timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
