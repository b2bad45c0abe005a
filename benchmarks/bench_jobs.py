"""How much faster `kg build --jobs N` is than `--jobs 1`, on a corpus of real articles (on demand, not a test).

The corpus is made of the articles of the given folders (by default the project's sample and development
articles under ../shared), copied with distinct names (and a line "(Copy k.)" so no copy is skipped as a
duplicate) up to `--articles`. Builds with 1 and N jobs run in turn, `--repeat` times each, so that both
see the same spells of a shared machine; each build runs in a fresh process with the pipeline loaded
before its clock starts. Prints every run's wall time and CPU time (this process and its workers) and
the best-of ratio. Also checks that every export is byte for byte the same.

    python benchmarks/bench_jobs.py [--articles 400] [--jobs 2] [--repeat 3] [--max-graph-triples N]
                                    [--code DIR] [FOLDER ...]

`--code` measures the kg package of another checkout (an earlier version, for a before/after).
"""

from __future__ import annotations

import argparse
import filecmp
import functools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "seeds").is_dir()), ROOT.parent / "shared")
print = functools.partial(print, flush=True)  # noqa: A001

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from kg.nlp.language import load_pipeline
from kg.build.run import build_corpus
from kg.extract.qualifiers import _date_parser, _quantity_parser
load_pipeline(None); _date_parser(); _quantity_parser()
def cpu():
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime
t, c = time.perf_counter(), cpu()
r = build_corpus(Path({corpus!r}), Path({out!r}), jobs={jobs}, max_graph_triples={max_triples})
print(json.dumps({{"seconds": time.perf_counter() - t, "cpu": cpu() - c, "documents": r.documents,
                  "triples": r.triples, "in_memory": r.graph is not None}}))
"""


def make_corpus(folders: list[Path], target: Path, articles: int) -> int:
    sources = sorted(p for folder in folders for p in folder.glob("*.txt"))
    if not sources:
        raise SystemExit(f"no .txt articles in {', '.join(map(str, folders))}")
    target.mkdir(parents=True, exist_ok=True)
    for i in range(articles):
        src = sources[i % len(sources)]
        copy = i // len(sources)
        text = src.read_text(encoding="utf-8")
        (target / f"{src.stem}-{copy:03d}.txt").write_text(text if copy == 0 else f"{text}\n\n(Copy {copy}.)\n",
                                                           encoding="utf-8")
    return len(sources)


def same_exports(a: Path, b: Path) -> list[str]:
    """Files that differ between two builds' exports (the cache aside)."""
    names = {str(p.relative_to(a)) for p in a.rglob("*") if p.is_file() and ".kg-cache" not in p.parts}
    names |= {str(p.relative_to(b)) for p in b.rglob("*") if p.is_file() and ".kg-cache" not in p.parts}
    return sorted(n for n in names if not ((a / n).is_file() and (b / n).is_file()
                                           and filecmp.cmp(a / n, b / n, shallow=False)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--max-graph-triples", type=int, default=50_000)
    ap.add_argument("--code", type=Path, default=ROOT, help="the checkout whose kg package is measured")
    args = ap.parse_args()
    folders = args.folders or [SHARED / "seeds", *sorted((SHARED / "dev").glob("*/corpus"))]
    with tempfile.TemporaryDirectory(prefix="kg-bench-jobs-") as tmpdir:
        tmp = Path(tmpdir)
        sources = make_corpus(folders, tmp / "corpus", args.articles)
        runs: dict[int, list[dict]] = {1: [], args.jobs: []}
        for r in range(args.repeat):
            for jobs in (1, args.jobs):
                out = tmp / f"out-{jobs}"
                code = CHILD.format(root=str(args.code.resolve()), corpus=str(tmp / "corpus"), out=str(out), jobs=jobs,
                                    max_triples=args.max_graph_triples)
                proc = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
                result = json.loads(proc.stdout.strip().splitlines()[-1])
                runs[jobs].append(result)
                print(f"run {r + 1}, --jobs {jobs}: {result['seconds']:6.1f} s wall, {result['cpu']:6.1f} s CPU")
        differ = same_exports(tmp / "out-1", tmp / f"out-{args.jobs}")
        first = runs[1][0]
        best1, bestn = min(x["seconds"] for x in runs[1]), min(x["seconds"] for x in runs[args.jobs])
        print(f"\n{first['documents']} articles (copies of {sources}), {first['triples']:,} triples, sorted exports and "
              f"views {'written' if first['in_memory'] else 'left out'} (--max-graph-triples {args.max_graph_triples:,})")
        print(f"best of {args.repeat}: --jobs 1 {best1:.1f} s, --jobs {args.jobs} {bestn:.1f} s: {best1 / bestn:.2f}x")
        print("exports byte for byte the same" if not differ else f"exports DIFFER: {', '.join(differ[:10])}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
