"""Throughput of the kg English pipeline: words per second with nlp.pipe in one process.

Texts are real documents from the UD English EWT and GUM test splits (raw text rebuilt from the
CoNLL-U words and SpaceAfter marks, one text per document). "Words" are the tokens of the
pipeline's output docs.

    python benchmarks/bench_pipeline.py [--model PATH] [--data PATH] [--repeat 3] [--batch-size N]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def load_texts(data_dir: Path):
    from kg.training.convert import group_documents, read_conllu

    texts = []
    for tb in ("en_ewt", "en_gum"):
        for _doc_id, sents in group_documents(read_conllu(data_dir / "ud" / tb / "test.conllu")):
            texts.append(" ".join(s.text for s in sents))
    return texts


def main() -> int:
    from kg.training.paths import default_data_dir, default_model

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=default_model())
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=None, help="default: the pipeline's nlp.batch_size")
    ap.add_argument("--disable", default="", help="comma-separated components to disable")
    args = ap.parse_args()

    import spacy

    data_dir = args.data or default_data_dir()
    texts = load_texts(data_dir)
    disable = [x for x in args.disable.split(",") if x]
    from kg.nlp.blas import apply_blas_ops

    nlp = apply_blas_ops(spacy.load(args.model, disable=disable))
    batch_size = args.batch_size or nlp.batch_size
    print(f"model: {args.model}  components: {', '.join(nlp.pipe_names)}")
    print(f"texts: {len(texts)} documents, {sum(len(t) for t in texts):,} characters; "
          f"cpu count {os.cpu_count()}, one process, batch_size {batch_size}")
    list(nlp.pipe(texts[:20], batch_size=batch_size))  # warm-up
    best = 0.0
    for i in range(args.repeat):
        start = time.perf_counter()
        n_words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
        elapsed = time.perf_counter() - start
        wps = n_words / elapsed
        best = max(best, wps)
        print(f"run {i + 1}: {n_words:,} words in {elapsed:.2f} s = {wps:,.0f} words/s")
    print(f"best: {best:,.0f} words/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
