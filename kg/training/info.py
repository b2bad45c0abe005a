"""Describe a pipeline: name, path, version, components and their labels."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional

#: components whose label lists are long or not human-readable: only counts are shown by default
_COUNT_ONLY = {"lemmatizer", "morphologizer"}


def pipeline_info(model: Optional[str] = None) -> Dict[str, object]:
    """Metadata of a pipeline (raises ValueError if it cannot be loaded)."""
    from .evaluate import load_pipeline
    from .paths import default_model

    model = model or default_model()
    nlp = load_pipeline(str(model))
    meta = nlp.meta
    path = getattr(nlp, "_path", None)
    if path is None and Path(model).exists():
        path = Path(model).resolve()
    labels: Dict[str, List[str]] = {}
    for name in nlp.component_names:
        proc = nlp.get_pipe(name)
        try:
            labs = list(getattr(proc, "labels", ()) or ())
        except Exception:  # some components have no labels
            labs = []
        if labs:
            labels[name] = [str(x) for x in labs]
    return {
        "name": f"{meta.get('name')}",
        "lang": meta.get("lang"),
        "path": str(path) if path else None,
        "version": meta.get("version"),
        "spacy_version": meta.get("spacy_version"),
        "components": list(nlp.pipe_names),
        "disabled": list(nlp.disabled),
        "labels": labels,
        "performance": meta.get("performance", {}),
        "kg_training": meta.get("kg_training", {}),
    }


def format_info(info: Dict[str, object], full: bool = False) -> str:
    lines = [
        f"name:       {info['name']}",
        f"path:       {info['path']}",
        f"version:    {info['version']} (spaCy {info['spacy_version']})",
        f"components: {', '.join(info['components'])}",
    ]
    if info.get("disabled"):
        lines.append(f"disabled:   {', '.join(info['disabled'])}")
    lines.append("labels:")
    for name, labs in info["labels"].items():
        if name in _COUNT_ONLY and not full:
            lines.append(f"  {name} ({len(labs)}): {', '.join(labs[:8])}, ...")
        else:
            lines.append(f"  {name} ({len(labs)}): {', '.join(labs)}")
    return "\n".join(lines)
