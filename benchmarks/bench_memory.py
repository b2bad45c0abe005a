"""Peak memory of `kg build` on one long article, by the article's size.

Each article is real English text: the documents of the UD English treebanks (../shared/data/ud), cut
into article-sized pieces as in `bench_build.py`, joined into one file with a blank line between pieces
(paragraphs) until it reaches the size asked for. With `--one-paragraph` the pieces are joined with a
space instead: one paragraph, no line breaks, the worst case for sentence splitting. Each article is built
alone in a fresh process (`kg build`, one job, no views), and the peak resident memory of that process and
its children is reported (`getrusage`, the same figure as `/usr/bin/time -v`), with the time taken.

    python benchmarks/bench_memory.py [--sizes 0.5,1,5] [--one-paragraph] [--model PATH] [--data ../shared/data]

Run on demand, not in CI: the 5 MB article takes about a quarter of an hour on a 2-core machine.
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
print = functools.partial(print, flush=True)  # noqa: A001
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_build import ud_documents  # noqa: E402

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from kg.build.run import build_corpus
t = time.perf_counter()
r = build_corpus(Path({corpus!r}), Path({out!r}), model={model!r}, jobs=1, views=False)
elapsed = time.perf_counter() - t
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({{"seconds": elapsed, "peak_mb": peak / 1024, "words": r.words, "documents": r.documents,
                  "statements": r.statements, "triples": r.triples}}))
"""


def long_article(texts: list[str], size: int, separator: str) -> str:
    """One article of at most `size` bytes (UTF-8), and within a piece of it, made of the pieces `texts`,
    repeated as needed (the last one cut at a space)."""
    parts: list[str] = []
    total = 0
    i = 0
    while True:
        piece = texts[i % len(texts)]
        room = size - total - (len(separator) if parts else 0)
        if len(piece.encode("utf-8")) > room:
            cut = piece.encode("utf-8")[:max(room, 0)].decode("utf-8", errors="ignore").rsplit(" ", 1)[0]
            if cut:
                parts.append(cut)
            return separator.join(parts)
        parts.append(piece)
        total += len(piece.encode("utf-8")) + (len(separator) if len(parts) > 1 else 0)
        i += 1


def measure(text: str, model: str | None, tmp: Path) -> dict:
    corpus = tmp / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for old in corpus.iterdir():
        old.unlink()
    (corpus / "long.txt").write_text(text, encoding="utf-8")
    code = CHILD.format(root=str(ROOT), corpus=str(corpus), out=str(tmp / "out"), model=model)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["exit %d" % done.returncode])[-1],
                "exit": done.returncode}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="0.5,1,5", help="article sizes in MB (10^6 bytes), comma-separated")
    parser.add_argument("--one-paragraph", action="store_true", help="no line breaks in the article")
    parser.add_argument("--model", default=None)
    parser.add_argument("--data", type=Path, default=ROOT.parent.parent / "shared" / "data")
    args = parser.parse_args()
    texts = ud_documents(args.data)
    if not texts:
        print(f"no UD treebank documents under {args.data}/ud")
        return 1
    separator = " " if args.one_paragraph else "\n\n"
    print(f"{'size':>8} {'words':>10} {'seconds':>9} {'peak MB':>9} {'statements':>11} {'triples':>9}")
    with tempfile.TemporaryDirectory(prefix="kg-bench-memory-") as tmp:
        for mb in (float(s) for s in args.sizes.split(",")):
            text = long_article(texts, int(mb * 1_000_000), separator)
            r = measure(text, args.model, Path(tmp))
            if "error" in r:
                print(f"{mb:>6} MB  failed: {r['error']}")
                continue
            print(f"{mb:>6} MB {r['words']:>10,} {r['seconds']:>9.1f} {r['peak_mb']:>9,.0f} {r['statements']:>11,} "
                  f"{r['triples']:>9,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
