"""Extraction quality on every gold set: build each corpus, score its graph against its gold annotations.

The sets are found under the shared folder (default ../shared next to the repository, or --shared PATH):

* `seeds`: the sample gold `gold/seeds.jsonl` on the sample articles `seeds/` (the same five articles as the
  repository's `corpus/`, which is used when the shared copy is absent);
* every folder `dev/NAME/` that holds a `corpus/` folder and a `gold.jsonl` file, named NAME, so any other
  set laid out the same way is picked up.

Each set is built in this process with `kg.build.run.build_corpus` (into a temporary folder, no views, no
cache from an earlier build) and its exported Turtle is scored with `kg.evaluate.score`, as `kg evaluate`
does. Prints per set: relation precision, recall, F1, modality accuracy, entities found / total, splits,
merges and type accuracy; per property across the chosen sets: gold rows, extracted statements, matched,
P, R and F1; and the build's speed, words per second (the words the extraction counted, over the build's
time; loading the pipeline and the date and quantity parsers, and a first call of the pipeline, are done once,
before the first clock starts).

    python benchmarks/bench_quality.py [--shared PATH] [--sets seeds,ru-ua,...] [--model M] [--jobs N]
                                       [--json FILE] [--markdown]
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
print = functools.partial(print, flush=True)  # noqa: A001  (progress shows while long runs go on)
sys.path.insert(0, str(ROOT))


@dataclass
class GoldSet:
    name: str
    corpus: Path
    gold: Path


def find_sets(shared: Path) -> list[GoldSet]:
    """The sample set, then every dev/NAME/ with corpus/ and gold.jsonl, in name order."""
    sets = []
    sample_gold = shared / "gold" / "seeds.jsonl"
    if sample_gold.is_file():
        corpus = shared / "seeds"
        if not any(corpus.glob("*.txt")):
            corpus = ROOT / "corpus"
        sets.append(GoldSet("seeds", corpus, sample_gold))
    dev = shared / "dev"
    if dev.is_dir():
        for folder in sorted(p for p in dev.iterdir() if p.is_dir()):
            if (folder / "corpus").is_dir() and (folder / "gold.jsonl").is_file():
                sets.append(GoldSet(folder.name, folder / "corpus", folder / "gold.jsonl"))
    return sets


def measure(gset: GoldSet, model: str | None, jobs: int, ontology) -> dict:
    """Build one set's corpus and score its exported graph."""
    from kg.build.run import build_corpus
    from kg.evaluate import read_gold, score
    from kg.graph.files import load_graph

    gold_entities, gold_relations = read_gold(gset.gold)
    with tempfile.TemporaryDirectory(prefix="kg-quality-") as out:
        t = time.perf_counter()
        result = build_corpus(gset.corpus, Path(out), model=model, jobs=jobs, views=False)
        seconds = time.perf_counter() - t
        path = Path(out) / "graph.ttl"
        graph = load_graph(path if path.exists() else Path(out) / "graph.nt")
    s = score(graph, gold_entities, gold_relations, ontology)
    return {
        "set": gset.name, "corpus": str(gset.corpus), "gold_file": str(gset.gold),
        "documents": result.documents, "words": result.words, "seconds": seconds,
        "words_per_second": result.words / seconds if seconds else 0.0,
        "statements": result.statements, "triples": result.triples,
        "precision": s.relation_precision, "recall": s.relation_recall, "f1": s.relation_f1,
        "modality_accuracy": s.modality_accuracy,
        "matched": s.matched, "extracted": s.extracted, "gold": s.gold,
        "entities_found": s.entities_found, "entities_total": s.entities_total,
        "splits": len(s.splits), "merges": len(s.merges), "type_accuracy": s.type_accuracy,
        "same_modality": s.matched - len(s.wrong_modality), "right_types": s.entities_found - len(s.wrong_types),
        "per_property": s.per_property,
    }


def _prf(matched: int, extracted: int, gold: int) -> tuple[float, float, float]:
    p = matched / extracted if extracted else 0.0
    r = matched / gold if gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def totals(rows: list[dict]) -> dict:
    """All chosen sets together: relation figures pooled over their rows (micro-averaged), and the build's
    words per second over all their words and seconds."""
    matched = sum(r["matched"] for r in rows)
    extracted = sum(r["extracted"] for r in rows)
    gold = sum(r["gold"] for r in rows)
    p, r, f = _prf(matched, extracted, gold)
    same_modality = sum(x["same_modality"] for x in rows)
    found = sum(x["entities_found"] for x in rows)
    right_type = sum(x["right_types"] for x in rows)
    words = sum(x["words"] for x in rows)
    seconds = sum(x["seconds"] for x in rows)
    return {
        "set": "all", "documents": sum(x["documents"] for x in rows), "words": words, "seconds": seconds,
        "words_per_second": words / seconds if seconds else 0.0,
        "statements": sum(x["statements"] for x in rows), "triples": sum(x["triples"] for x in rows),
        "precision": p, "recall": r, "f1": f,
        "modality_accuracy": same_modality / matched if matched else 0.0,
        "matched": matched, "extracted": extracted, "gold": gold,
        "entities_found": found, "entities_total": sum(x["entities_total"] for x in rows),
        "splits": sum(x["splits"] for x in rows), "merges": sum(x["merges"] for x in rows),
        "type_accuracy": right_type / found if found else 0.0,
        "same_modality": same_modality, "right_types": right_type,
    }


def per_property(rows: list[dict]) -> dict[str, dict]:
    """Gold rows, extracted statements and matches of each property, summed over the sets."""
    out: dict[str, dict] = {}
    for row in rows:
        for prop, d in row["per_property"].items():
            acc = out.setdefault(prop, {"gold": 0, "extracted": 0, "matched": 0})
            for k in acc:
                acc[k] += int(d[k])
    for d in out.values():
        d["precision"], d["recall"], d["f1"] = _prf(d["matched"], d["extracted"], d["gold"])
    return dict(sorted(out.items(), key=lambda kv: (-kv[1]["gold"], kv[0])))


SET_COLUMNS = [("set", "set", "{}"), ("documents", "docs", "{:,}"), ("words", "words", "{:,}"),
               ("precision", "P", "{:.3f}"), ("recall", "R", "{:.3f}"), ("f1", "F1", "{:.3f}"),
               ("modality_accuracy", "modality", "{:.3f}"), ("matched", "matched", "{:,}"),
               ("extracted", "extracted", "{:,}"), ("gold", "gold", "{:,}"), ("entities", "entities", "{}"),
               ("splits", "splits", "{}"), ("merges", "merges", "{}"), ("type_accuracy", "types", "{:.3f}"),
               ("words_per_second", "words/s", "{:,.0f}")]
PROP_COLUMNS = [("property", "property", "{}"), ("gold", "gold", "{:,}"), ("extracted", "extracted", "{:,}"),
                ("matched", "matched", "{:,}"), ("precision", "P", "{:.2f}"), ("recall", "R", "{:.2f}"),
                ("f1", "F1", "{:.2f}")]


def _cells(row: dict, columns) -> list[str]:
    row = dict(row, entities=f"{row.get('entities_found', 0)}/{row.get('entities_total', 0)}")
    return [fmt.format(row[key]) for key, _, fmt in columns]


def text_table(rows: list[dict], columns) -> str:
    head = [title for _, title, _ in columns]
    body = [_cells(r, columns) for r in rows]
    widths = [max(len(x) for x in col) for col in zip(head, *body)]
    line = lambda cells: "  ".join(c.ljust(w) if i == 0 else c.rjust(w)  # noqa: E731
                                   for i, (c, w) in enumerate(zip(cells, widths)))
    return "\n".join([line(head), *(line(b) for b in body)])


def markdown_table(rows: list[dict], columns, bold_last: bool = False) -> str:
    head = [title for _, title, _ in columns]
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|"]
    for n, r in enumerate(rows):
        cells = _cells(r, columns)
        if bold_last and n == len(rows) - 1:
            cells = [f"**{c}**" for c in cells]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="folder with gold/seeds.jsonl, seeds/ and dev/*/ (default: ../shared next to the repository)")
    ap.add_argument("--sets", default="", help="comma-separated set names (default: every set found)")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: KG_MODEL or the shipped one)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes of each build")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables (for the docs) instead of text")
    args = ap.parse_args()

    sets = find_sets(args.shared)
    if not sets:
        ap.error(f"no gold sets under {args.shared} (gold/seeds.jsonl, dev/NAME/corpus + dev/NAME/gold.jsonl); "
                 "give the shared folder with --shared PATH")
    if args.sets:
        wanted = [s.strip() for s in args.sets.split(",") if s.strip()]
        known = {s.name: s for s in sets}
        unknown = [w for w in wanted if w not in known]
        if unknown:
            ap.error(f"unknown set(s) {', '.join(unknown)}; found: {', '.join(known)}")
        sets = [known[w] for w in wanted]

    from kg.extract.qualifiers import _date_parser, _quantity_parser
    from kg.graph.ontology import load_ontology
    from kg.nlp.language import load_pipeline

    nlp = load_pipeline(args.model)  # one-off loading, outside every build's clock
    list(nlp.pipe(["The first call of a pipeline sets up its working memory."]))
    _date_parser()
    _quantity_parser()
    ontology = load_ontology()

    rows = []
    for gset in sets:
        print(f"building {gset.name} ({gset.corpus}) ...", file=sys.stderr)
        rows.append(measure(gset, args.model, args.jobs, ontology))
    summary = rows + ([totals(rows)] if len(rows) > 1 else [])
    props = [dict(d, property=p) for p, d in per_property(rows).items()]

    if args.markdown:
        print(markdown_table(summary, SET_COLUMNS, bold_last=len(rows) > 1))
        print()
        print(markdown_table(props, PROP_COLUMNS))
    else:
        print(f"\n## per set ({args.jobs} process{'es' if args.jobs > 1 else ''}; 'all' pools the sets' rows)")
        print(text_table(summary, SET_COLUMNS))
        print(f"\n## per property, over {', '.join(r['set'] for r in rows)}")
        print(text_table(props, PROP_COLUMNS))
    if args.json is not None:
        args.json.write_text(json.dumps({"sets": rows, "all": totals(rows), "per_property": per_property(rows)},
                                        indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"figures written to {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
