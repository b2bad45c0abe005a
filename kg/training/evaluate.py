"""Evaluate a pipeline on the UD English EWT / GUM test splits and the Universal NER EWT test split.

Texts are processed from raw text with the pipeline's own tokenizer (not gold tokens); spaCy's
scorer aligns predicted and gold tokens, so tokenization errors count against the scores.

Two pipelines are measured for entities:

* the **bare model**, as ``spacy.load`` gives it (the tagging, parsing and sentence figures, spaCy's
  ``ents_*`` and the first PER/ORG/LOC table come from it);
* the pipeline **as kg loads it** (``kg.nlp.language.load_pipeline``: the same model plus ``kg_paragraphs``,
  the ``kg_gazetteer`` entity ruler fed by the world-knowledge gazetteer, which overwrites the
  model's entities where a gazetteer name matches, and ``kg_numbers``). This is the pipeline the
  extraction runs; its PER/ORG/LOC figures are reported next to the bare ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional, Tuple

#: predicted label -> UNER label for the UNER comparison (labels not listed are ignored)
UNER_MAPPING = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}
UNER_TYPES = ("PER", "ORG", "LOC")

SYNTAX_KEYS = ("token_acc", "tag_acc", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_p",
               "sents_r", "sents_f", "ents_p", "ents_r", "ents_f")


def load_pipeline(model: str):
    """spacy.load with a clean error: raises ValueError("unknown model ...") when it cannot load."""
    import spacy

    from ..nlp.blas import apply_blas_ops

    try:
        return apply_blas_ops(spacy.load(model))
    except (OSError, IOError) as exc:
        raise ValueError(f"cannot load model {model!r}: {str(exc).splitlines()[0][:200]}") from None


def load_kg_pipeline(model: str):
    """The pipeline exactly as kg loads it for extraction (``kg.nlp.language.load_pipeline``: model + rule
    components); raises ValueError when it cannot load."""
    from kg.nlp.language import load_pipeline as kg_load_pipeline

    try:
        return kg_load_pipeline(str(model))
    except Exception as exc:  # kg.errors.ModelError and friends
        raise ValueError(f"cannot load model {model!r} with the kg rules: {str(exc).splitlines()[0][:200]}") from None


def _examples(nlp, docs):
    from spacy.training import Example

    return [Example(nlp.make_doc(doc.text), doc) for doc in docs]


def score_docs(nlp, docs) -> Dict[str, object]:
    """spaCy scores of ``nlp`` on gold docs, keeping only the figures we report."""
    docs = list(docs)
    scores = nlp.evaluate(_examples(nlp, docs), batch_size=64)
    out: Dict[str, object] = {k: scores.get(k) for k in SYNTAX_KEYS if scores.get(k) is not None}
    if scores.get("ents_per_type"):
        out["ents_per_type"] = scores["ents_per_type"]
    out["docs"] = len(docs)
    out["words"] = sum(len(d) for d in docs)
    return out


def score_docbin(nlp, path: Path) -> Dict[str, object]:
    from spacy.tokens import DocBin

    return score_docs(nlp, DocBin().from_disk(path).get_docs(nlp.vocab))


def _prf(tp: int, fp: int, fn: int) -> Dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "gold": tp + fn, "pred": tp + fp}


def uner_scores(nlp, gold_docs, mapping: Dict[str, str] = UNER_MAPPING) -> Dict[str, object]:
    """PER/ORG/LOC precision/recall/F against UNER gold spans (exact character offsets).

    Gold docs carry UNER labels already renamed (PER->PERSON); sentences without UNER annotation
    (missing IOB) are skipped for both gold and prediction."""
    counts = {t: [0, 0, 0] for t in UNER_TYPES}
    for gold, pred in zip(gold_docs, nlp.pipe((d.text for d in gold_docs), batch_size=64)):
        missing: List[Tuple[int, int]] = []
        for tok in gold:
            if tok.ent_iob == 0:
                missing.append((tok.idx, tok.idx + len(tok)))

        def in_missing(start: int, end: int) -> bool:
            return any(s < end and start < e for s, e in missing)

        gold_spans = {(e.start_char, e.end_char, mapping.get(e.label_)) for e in gold.ents}
        gold_spans = {g for g in gold_spans if g[2] in UNER_TYPES}
        pred_spans = {(e.start_char, e.end_char, mapping.get(e.label_)) for e in pred.ents}
        pred_spans = {p for p in pred_spans if p[2] in UNER_TYPES and not in_missing(p[0], p[1])}
        for t in UNER_TYPES:
            g = {x for x in gold_spans if x[2] == t}
            p = {x for x in pred_spans if x[2] == t}
            counts[t][0] += len(g & p)
            counts[t][1] += len(p - g)
            counts[t][2] += len(g - p)
    out: Dict[str, object] = {t: _prf(*counts[t]) for t in UNER_TYPES}
    tot = [sum(c[i] for c in counts.values()) for i in range(3)]
    out["micro"] = _prf(*tot)
    out["mapping"] = {k: v for k, v in mapping.items()}
    return out


def evaluate_pipeline(model: Optional[str] = None, data_dir: Optional[Path] = None,
                      include_noncommercial: bool = True, rules: bool = True) -> Dict[str, object]:
    """Scores on EWT test, GUM test (licence-filtered; and all GUM test docs when
    ``include_noncommercial``) and UNER EWT test. Raises FileNotFoundError / ValueError.

    Syntax and spaCy's own scores are those of the bare model. The PER/ORG/LOC scores (mapped as in
    :data:`UNER_MAPPING`) on UNER EWT test and GUM test are given for the bare model
    (``uner_ewt_test``, ``gum_test_mapped``) and, with ``rules``, for the pipeline as kg loads it
    (``uner_ewt_test_rules``, ``gum_test_mapped_rules``)."""
    from .convert import build_docbin, check_data_dir, load_ewt, load_gum
    from .paths import default_data_dir, default_model

    model = model or default_model()
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    check_data_dir(data_dir)
    nlp = load_pipeline(str(model))
    sets = {
        "ewt_test": load_ewt(data_dir, "test"),
        "gum_test": load_gum(data_dir, "test"),
    }
    if include_noncommercial:
        sets["gum_test_all"] = load_gum(data_dir, "test", noncommercial=True)
    results: Dict[str, object] = {"model": str(model), "pipeline": nlp.meta.get("name"),
                                  "version": nlp.meta.get("version")}
    gold_by_set = {}
    for name, docs in sets.items():
        gold = list(build_docbin(docs).get_docs(nlp.vocab))
        gold_by_set[name] = gold
        results[name] = score_docs(nlp, gold)
    if "ner" in nlp.pipe_names:
        results["uner_ewt_test"] = uner_scores(nlp, gold_by_set["ewt_test"])
        results["gum_test_mapped"] = uner_scores(nlp, gold_by_set["gum_test"])
    if rules:
        kg_nlp = load_kg_pipeline(str(model))
        results["kg_pipeline"] = list(kg_nlp.pipe_names)
        results["uner_ewt_test_rules"] = uner_scores(kg_nlp, gold_by_set["ewt_test"])
        results["gum_test_mapped_rules"] = uner_scores(kg_nlp, gold_by_set["gum_test"])
    return results


def format_results(res: Dict[str, object]) -> str:
    lines = [f"pipeline: {res.get('pipeline')} {res.get('version')} ({res.get('model')})", ""]
    titles = {
        "ewt_test": "UD English EWT test",
        "gum_test": "UD English GUM test, without GUM_whow_/GUM_fiction_ docs (licence filter)",
        "gum_test_all": "UD English GUM test, all 30 docs",
    }
    cols = [("words", "words"), ("token_acc", "TOK"), ("tag_acc", "TAG"), ("pos_acc", "UPOS"),
            ("morph_acc", "MORPH"), ("lemma_acc", "LEMMA"), ("dep_uas", "UAS"), ("dep_las", "LAS"),
            ("sents_f", "SENT_F"), ("ents_f", "ENTS_F")]
    header = f"{'test set':<14}" + "".join(f"{c[1]:>8}" for c in cols)
    lines.append(header)
    for key in titles:
        if key not in res:
            continue
        row = res[key]
        cells = []
        for k, _ in cols:
            v = row.get(k)
            cells.append(f"{v:>8}" if k == "words" else (f"{v:>8.4f}" if isinstance(v, float) else f"{'-':>8}"))
        lines.append(f"{key:<14}" + "".join(cells))
    lines.append("")
    for key, title in titles.items():
        if key not in res:
            continue
        lines.append(f"{key}: {title}")
    for key in titles:
        per_type = res.get(key, {}).get("ents_per_type") if key in res else None
        if per_type:
            lines.append("")
            gold_note = "UNER gold, PER->PERSON" if key == "ewt_test" else "GUM Entity= gold (named mentions, trimmed)"
            lines.append(f"NER per type on {key} ({gold_note}):")
            for label, s in sorted(per_type.items()):
                lines.append(f"  {label:<8} P {s['p']:.4f}  R {s['r']:.4f}  F {s['f']:.4f}")
    blocks = [
        ("uner_ewt_test", "UNER EWT test, bare model (spacy.load)"),
        ("uner_ewt_test_rules", "UNER EWT test, pipeline as kg loads it (kg.nlp.language.load_pipeline: model + kg rules)"),
        ("gum_test_mapped", "GUM test (licence-filtered), bare model"),
        ("gum_test_mapped_rules", "GUM test (licence-filtered), pipeline as kg loads it"),
    ]
    mapping_note = False
    for key, title in blocks:
        scores = res.get(key)
        if not scores:
            continue
        if not mapping_note:
            mapping = ", ".join(f"{k}->{v}" for k, v in scores["mapping"].items())
            lines.append("")
            lines.append(f"PER/ORG/LOC (exact span match; predicted labels mapped {mapping}; other labels such as "
                         "NORP/DATE ignored; gold OTH ignored):")
            mapping_note = True
        lines.append(f"{title}:")
        for t in (*UNER_TYPES, "micro"):
            s = scores[t]
            lines.append(f"  {t:<6} P {s['p']:.4f}  R {s['r']:.4f}  F {s['f']:.4f}  (gold {s['gold']}, pred {s['pred']})")
    if res.get("kg_pipeline"):
        lines.append(f"kg pipeline components: {', '.join(res['kg_pipeline'])}")
    return "\n".join(lines)
