"""How the cost of `kg build` grows, measured on real English text.

The corpus is made of the sentences of the UD English treebanks (../shared/data/ud), grouped
into their documents and repeated to reach the sizes needed. Prints, as ratios:

1. build throughput (words/s) against bare `nlp.pipe` of the same pipeline on the same text,
   with the same number of processes, in the same run;
2. time and peak memory of `kg build` at 1x, 10x and 100x corpus size;
3. SPARQL latency of the saved queries on a graph of at least a million triples, in-memory
   rdflib against the Oxigraph store, and the time to export that graph as Turtle.

    python benchmarks/bench_build.py [--model PATH] [--base-words 10000] [--sizes 1,10,100]
                                     [--jobs 1] [--triples 1000000] [--skip scaling,sparql]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
print = functools.partial(print, flush=True)  # noqa: A001  (progress shows while long runs go on)
sys.path.insert(0, str(ROOT))


def ud_documents(data_dir: Path) -> list[str]:
    """The raw text of every document of the UD English treebanks (train, dev and test)."""
    from kg.training.convert import group_documents, read_conllu

    texts = []
    for tb in ("en_ewt", "en_gum"):
        for split in ("train", "dev", "test"):
            path = data_dir / "ud" / tb / f"{split}.conllu"
            if path.exists():
                for _doc_id, sents in group_documents(read_conllu(path)):
                    texts.append(" ".join(s.text for s in sents))
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
from kg.pipeline import build_corpus
from kg.nlp import load_pipeline
from kg.qualifiers import _date_parser, _quantity_parser
load_pipeline({model!r}); _date_parser(); _quantity_parser()  # one-off loading, outside the clock as for nlp.pipe
t = time.perf_counter()
r = build_corpus(Path({corpus!r}), Path({out!r}), model={model!r}, jobs={jobs}, views=False)
elapsed = time.perf_counter() - t
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({{"seconds": elapsed, "peak_mb": peak / 1024, "words": sum(x.words for x in r.extractions),
                  "statements": r.statements}}))
"""

BARE = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from kg.corpus import read_corpus
from kg.extract import mask_dateline
from kg.nlp import load_pipeline
docs = list(read_corpus(Path({corpus!r})))
nlp = load_pipeline({model!r})
t = time.perf_counter()
words = 0
for doc in nlp.pipe((mask_dateline(d.text) for d in docs), batch_size=16, n_process={jobs}):
    words += sum(1 for tok in doc if not tok.is_space and not tok.is_punct)
elapsed = time.perf_counter() - t
print(json.dumps({{"seconds": elapsed, "words": words}}))
"""


def run_child(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_throughput(corpus: Path, model: str | None, jobs: int) -> None:
    bare = run_child(BARE.format(root=str(ROOT), corpus=str(corpus), model=model, jobs=jobs))
    with tempfile.TemporaryDirectory() as out:
        t = time.perf_counter()
        build = run_child(CHILD.format(root=str(ROOT), corpus=str(corpus), out=out, model=model, jobs=jobs))
        wall = time.perf_counter() - t
    # the build's seconds include reading, resolution, graph building and export; loading the pipeline and
    # the date and quantity parsers is excluded from both sides (each child loads them before its clock starts)
    bare_wps = bare["words"] / bare["seconds"]
    build_wps = build["words"] / build["seconds"]
    print(f"\n## throughput ({jobs} process{'es' if jobs > 1 else ''}, {bare['words']:,} words)")
    print(f"bare nlp.pipe        {bare_wps:10,.0f} words/s")
    print(f"kg build end to end  {build_wps:10,.0f} words/s   ({build['statements']:,} statements, wall {wall:.1f}s)")
    print(f"ratio build / bare   {build_wps / bare_wps:10.2f}")


def bench_scaling(texts: list[str], base: int, sizes: list[int], model: str | None, jobs: int, tmp: Path) -> None:
    print(f"\n## scaling ({jobs} process{'es' if jobs > 1 else ''}; base {base:,} words)")
    print(f"{'size':>6} {'words':>10} {'seconds':>9} {'peak MB':>9} {'time ratio':>11} {'memory ratio':>13}")
    first = None
    for size in sizes:
        corpus = tmp / f"corpus-{size}x"
        words = write_corpus(corpus, texts, base * size)
        result = run_child(CHILD.format(root=str(ROOT), corpus=str(corpus), out=str(tmp / f"out-{size}x"),
                                        model=model, jobs=jobs))
        first = first or result
        print(f"{size:>5}x {words:>10,} {result['seconds']:>9.1f} {result['peak_mb']:>9.0f} "
              f"{result['seconds'] / first['seconds']:>11.2f} {result['peak_mb'] / first['peak_mb']:>13.2f}")
        shutil.rmtree(corpus, ignore_errors=True)


def bench_sparql(model: str | None, triples: int, tmp: Path, with_rdflib: bool = True) -> None:
    from dataclasses import replace

    import pyoxigraph
    from rdflib import Graph

    from kg.corpus import read_corpus
    from kg.pipeline import assemble, extract_documents
    from kg.query import prepare, saved_queries
    from kg.store import store_query_rows, write_store

    base = list(extract_documents(list(read_corpus(ROOT / "corpus")), model))
    per_copy = len(assemble(base)[2].union())
    copies = max(1, -(-triples // per_copy))
    extractions = []
    for c in range(copies):
        for ex in base:
            doc_id = f"{ex.document.doc_id}-copy{c:05d}"
            doc = replace(ex.document, doc_id=doc_id, file_name=f"{doc_id}.txt")
            extractions.append(replace(ex, document=doc,
                                       sentences=tuple(replace(s, doc_id=doc_id) for s in ex.sentences),
                                       mentions=tuple(replace(m, doc_id=doc_id) for m in ex.mentions),
                                       relations=tuple(replace(r, doc_id=doc_id) for r in ex.relations)))
    _, _, built = assemble(extractions)
    graph = built.union()
    print(f"\n## SPARQL on {len(graph):,} triples ({copies} copies of the sample corpus)")
    t = time.perf_counter()
    turtle = graph.serialize(format="turtle")
    print(f"export to Turtle: {time.perf_counter() - t:.1f}s ({len(turtle) / 1e6:.0f} MB)")
    del turtle
    nquads = built.dataset().serialize(format="nquads")
    t = time.perf_counter()
    store = write_store(tmp / "store", nquads)
    print(f"bulk load into Oxigraph: {time.perf_counter() - t:.1f}s")
    ox = pyoxigraph.Store.read_only(str(store))
    print(f"{'query':<22} {'rows':>6} {'rdflib s':>9} {'oxigraph s':>11} {'speed-up':>9}")
    for name, q in saved_queries().items():
        prepared = prepare(q.text)
        t = time.perf_counter()
        rows_rdflib = len(list(graph.query(prepared))) if with_rdflib else -1
        t_rdflib = time.perf_counter() - t if with_rdflib else float("nan")
        t = time.perf_counter()
        rows_ox = len(store_query_rows(ox, q.text)[1])
        t_ox = time.perf_counter() - t
        print(f"{name:<22} {rows_ox:>6} {t_rdflib:>9.3f} {t_ox:>11.3f} {t_rdflib / max(t_ox, 1e-6):>9.1f}"
              + ("" if rows_ox == rows_rdflib or not with_rdflib else f"  (rdflib {rows_rdflib} rows)"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: KG_MODEL or the shipped one)")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--base-words", type=int, default=10_000)
    ap.add_argument("--sizes", default="1,10,100")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--skip", default="", help="comma-separated: throughput, scaling, sparql, rdflib")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    texts = ud_documents(args.data)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmpdir:
        tmp = Path(tmpdir)
        if "throughput" not in skip:
            corpus = tmp / "throughput"
            write_corpus(corpus, texts, args.base_words * 5)
            bench_throughput(corpus, args.model, args.jobs)
        if "scaling" not in skip:
            bench_scaling(texts, args.base_words, [int(s) for s in args.sizes.split(",")], args.model, args.jobs, tmp)
        if "sparql" not in skip:
            bench_sparql(args.model, args.triples, tmp, with_rdflib="rdflib" not in skip)
    return 0


if __name__ == "__main__":
    sys.exit(main())
