"""Train the kg English pipeline: two spaCy trainings in parallel (one per core), then assembly.

* ``syntax``: tok2vec + tagger (PTB) + morphologizer (UPOS + features) + parser (UD labels)
  + senter + trainable lemmatizer  (``configs/syntax.cfg``)
* ``ner``: its own tok2vec (``ner_tok2vec``) + NER with PERSON / ORG / LOC  (``configs/ner.cfg``)
* ``ner_shared``: NER on the frozen tok2vec of the trained syntax pipeline (``configs/ner_shared.cfg``),
  trained after ``syntax``; used when it is about as accurate, as it saves a second tok2vec at run time

With ``source_model`` (``kg model train --from PATH``) the syntax components are not trained from
scratch: ``configs/syntax_continue.cfg`` sources all of them from the given pipeline and trains
them further (lower, linearly decaying learning rate, full-size batches); the NER
(``ner_tok2vec`` + ``ner``) of that pipeline is taken over unchanged.

Each training runs in its own process (spaCy's CNN models use one core per process) and stops
after ``max_minutes`` (or ``max_steps`` / patience); the best checkpoint on the dev sets
(EWT dev + licence-filtered GUM dev) is kept. The assembled pipeline takes the syntax
pipeline's components and sources ``ner_tok2vec`` + ``ner`` next to them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence

CONFIG_DIR = Path(__file__).parent / "configs"
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = REPO_ROOT / "kg" / "resources" / "pipeline"
DEFAULT_WORK = REPO_ROOT / "training"

META = {
    "lang": "en",
    "name": "kg_en_conflict",
    "version": "0.1.0",
    "spacy_version": ">=3.8.18,<3.9.0",
    "description": (
        "English pipeline of the kg project: PTB tagger, UPOS/morphology, trainable lemmatizer, "
        "UD dependency parser with sentence boundaries, NER (PERSON, ORG, LOC). Trained on UD English "
        "EWT + GUM (CC BY part) and Universal NER English EWT."
    ),
    "author": "kg project",
    "license": "CC BY-SA 4.0",
    "sources": [
        {"name": "UD English EWT v2.16", "url": "https://github.com/UniversalDependencies/UD_English-EWT",
         "license": "CC BY-SA 4.0"},
        {"name": "UD English GUM v2.16 (GUM V11), without GUM_whow_* and GUM_fiction_* documents",
         "url": "https://github.com/UniversalDependencies/UD_English-GUM", "license": "CC BY 4.0 (used part)"},
        {"name": "Universal NER English EWT", "url": "https://github.com/UniversalNER/UNER_English-EWT",
         "license": "CC BY-SA 4.0"},
    ],
}



class TrainingTimeUp(Exception):
    """Raised by the ``kg.stop_after.v1`` callback to end a training at its time limit."""


def _register_callbacks() -> None:
    import spacy

    if "kg.stop_after.v1" in spacy.registry.callbacks:
        return

    @spacy.registry.callbacks("kg.stop_after.v1")
    def stop_after(minutes: float):
        deadline = time.monotonic() + minutes * 60.0

        def before_update(nlp, args):
            if time.monotonic() > deadline:
                raise TrainingTimeUp(f"time limit of {minutes} minutes reached at step {args.get('step')}")

        return before_update

    @spacy.registry.callbacks("kg.restore_lemmatizer_labels.v1")
    def restore_lemmatizer_labels():
        return restore_lemmatizer_labels_now


_register_callbacks()


def restore_lemmatizer_labels_now(nlp):
    """Rebuild ``tree2label`` of every trainable lemmatizer from its saved labels.

    spaCy 3.8's ``EditTreeLemmatizer.from_disk`` restores ``cfg["labels"]`` and the edit trees but
    not the tree -> label map that ``get_loss`` uses, so a sourced (or loaded) lemmatizer trained
    further maps every gold tree to label 0 and forgets its lemmas within a few hundred steps
    (dev lemma accuracy 0.964 -> 0.769 when continuing the shipped pipeline). Used as
    ``[initialize.after_init]`` of ``configs/syntax_continue.cfg``."""
    from spacy.pipeline import EditTreeLemmatizer

    for _name, pipe in nlp.components:
        if isinstance(pipe, EditTreeLemmatizer) and not pipe.tree2label:
            for label, tree in enumerate(pipe.labels):
                pipe.tree2label[tree] = label
    return nlp


def train_one(
    config_path: Path,
    corpus_dir: Path,
    output_dir: Path,
    max_minutes: Optional[float] = None,
    overrides: Optional[Dict[str, object]] = None,
) -> Path:
    """Train one spaCy pipeline from ``config_path`` on ``corpus_dir/{train,dev}``; returns model-best."""
    from spacy import util
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as spacy_train

    config_overrides: Dict[str, object] = {
        "paths.train": str(Path(corpus_dir) / "train"),
        "paths.dev": str(Path(corpus_dir) / "dev"),
    }
    if max_minutes:
        config_overrides["training.before_update"] = {"@callbacks": "kg.stop_after.v1", "minutes": max_minutes}
    config_overrides.update(overrides or {})
    config = util.load_config(config_path, overrides=config_overrides, interpolate=False)
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    from ..nlp.blas import use_blas_ops

    use_blas_ops()  # matrix products through numpy's OpenBLAS: about three times faster than blis here
    nlp = init_nlp(config, use_gpu=-1)
    try:
        spacy_train(nlp, output_dir, use_gpu=-1, stdout=sys.stdout, stderr=sys.stderr)
    except TrainingTimeUp as exc:
        print(f"[kg] {exc}; keeping the best checkpoint", flush=True)
    best = output_dir / "model-best"
    if not best.exists() and (output_dir / "model-last").exists():
        # stopped before the first evaluation: the last weights are all there is
        shutil.copytree(output_dir / "model-last", best)
    if not best.exists():
        raise RuntimeError(f"training produced no model-best in {output_dir}")
    return best


def _parse_overrides(items: Sequence[str]) -> Dict[str, object]:
    out: Dict[str, object] = {}
    for item in items:
        key, _, value = item.partition("=")
        try:
            out[key.lstrip("-")] = json.loads(value)
        except json.JSONDecodeError:
            out[key.lstrip("-")] = value
    return out


TRAININGS = ("syntax", "ner", "ner_shared")


def parse_settings(items: Sequence[str]) -> Dict[str, Dict[str, object]]:
    """``kg model train --set TRAINING:SECTION.KEY=VALUE`` values as ``{training: {key: value}}``; VALUE is
    read as JSON when it parses (numbers, true/false, lists), else as a string. Raises ValueError on a
    malformed item or an unknown training."""
    out: Dict[str, Dict[str, object]] = {}
    for item in items:
        name, sep, setting = item.partition(":")
        key, eq, _value = setting.partition("=")
        if not sep or not eq or not key or "." not in key:
            raise ValueError(f"--set {item!r}: expected TRAINING:SECTION.KEY=VALUE, e.g. "
                             "syntax:components.tok2vec.model.encode.depth=6")
        if name not in TRAININGS:
            raise ValueError(f"--set {item!r}: unknown training {name!r} (one of {', '.join(TRAININGS)})")
        out.setdefault(name, {}).update(_parse_overrides([setting]))
    return out


def assemble(
    syntax_model: Path,
    ner_model: Path,
    output_dir: Path,
    sentences: str = "parser",
    meta_extra: Optional[Dict[str, object]] = None,
) -> Path:
    """Build the shipped pipeline: syntax components + sourced ``ner_tok2vec``/``ner``.

    ``sentences``: ``"parser"`` (senter dropped), ``"senter"`` (senter runs before the parser,
    which respects its boundaries) or ``"both-disabled"`` (senter kept but disabled, as in spaCy's
    own pipelines: enable it when the parser is disabled)."""
    import spacy

    nlp = spacy.load(syntax_model)
    ner_nlp = spacy.load(ner_model)
    if sentences == "parser":
        nlp.remove_pipe("senter")
    elif sentences == "senter":
        names = nlp.pipe_names
        if names.index("senter") > names.index("parser"):
            nlp.remove_pipe("senter")
            nlp.add_pipe("senter", source=spacy.load(syntax_model), before="parser")
    if ner_nlp.vocab.vectors.shape[0] and not nlp.vocab.vectors.shape[0]:
        # an NER trained with static word vectors needs them in the assembled pipeline's vocab
        nlp.vocab.vectors = ner_nlp.vocab.vectors
        nlp.meta["vectors"] = dict(ner_nlp.meta.get("vectors") or {})
    if "ner_tok2vec" in ner_nlp.pipe_names:  # standalone NER with its own tok2vec
        nlp.add_pipe("ner_tok2vec", source=ner_nlp)
    # (an NER trained on the frozen syntax tok2vec listens to "tok2vec", which is already there)
    nlp.add_pipe("ner", source=ner_nlp)
    if sentences == "both-disabled":
        nlp.disable_pipe("senter")
    meta = dict(nlp.meta)
    meta.update(META)
    perf = {}
    # syntax last: a whole pipeline used as ner_model (``--from``) carries older syntax scores
    for src in (ner_model, syntax_model):
        perf.update((json.loads((Path(src) / "meta.json").read_text()).get("performance") or {}))
    meta["performance"] = perf
    meta.update(meta_extra or {})
    nlp.meta.update(meta)
    output_dir = Path(output_dir)
    tmp = output_dir.with_name(output_dir.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    _clean_config(tmp / "config.cfg")
    if output_dir.exists():
        shutil.rmtree(output_dir)
    tmp.rename(output_dir)
    return output_dir


def _clean_config(path: Path) -> None:
    """Remove training-time references (corpus paths, the time-limit callback) from config.cfg."""
    from thinc.api import Config

    cfg = Config().from_disk(path, interpolate=False)
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg["training"]["before_update"] = None
    if "initialize" in cfg:
        cfg["initialize"]["after_init"] = None
    cfg.to_disk(path)


def _run_trainings(jobs: Dict[str, List[str]], work_dir: Path, parallel: bool, log=print) -> Dict[str, float]:
    """Run ``python -m kg.training.train ARGS`` per job (in parallel: one process per core);
    returns minutes per job."""
    procs: Dict[str, subprocess.Popen] = {}
    minutes: Dict[str, float] = {}
    starts: Dict[str, float] = {}
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    for name, args in jobs.items():
        cmd = [sys.executable, "-m", "kg.training.train", *args]
        log_path = work_dir / "runs" / f"{name}.log"
        log_path.parent.mkdir(parents=True, exist_ok=True)
        log(f"training {name}: {' '.join(cmd)} (log: {log_path})")
        starts[name] = time.time()
        with open(log_path, "w") as fh:
            proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, cwd=str(REPO_ROOT), env=env)
        procs[name] = proc
        if not parallel:
            if proc.wait() != 0:
                raise RuntimeError(f"training {name} failed, see {log_path}")
            minutes[name] = (time.time() - starts[name]) / 60
            del procs[name]
    while procs:
        for name, proc in list(procs.items()):
            code = proc.poll()
            if code is None:
                continue
            del procs[name]
            if code != 0:
                for other in procs.values():
                    other.terminate()
                raise RuntimeError(f"training {name} failed, see {work_dir / 'runs' / (name + '.log')}")
            minutes[name] = (time.time() - starts[name]) / 60
            log(f"training {name} finished after {minutes[name]:.1f} minutes")
        time.sleep(2)
    return minutes


def _dev_score(model: Path, key: str) -> float:
    perf = json.loads((Path(model) / "meta.json").read_text()).get("performance") or {}
    return float(perf.get(key) or 0.0)


def train_pipeline(
    data_dir: Path,
    output_dir: Path = DEFAULT_OUTPUT,
    work_dir: Path = DEFAULT_WORK,
    max_minutes: float = 95.0,
    parallel: bool = True,
    sentences: str = "auto",
    ner_mode: str = "separate",
    shared_ner_minutes: float = 16.0,
    overrides: Optional[Dict[str, Dict[str, object]]] = None,
    source_model: Optional[Path] = None,
    log=print,
) -> Dict[str, object]:
    """Convert the treebanks, train, assemble, save.

    With ``source_model`` (a trained kg pipeline with its own ``ner_tok2vec``), only the syntax
    components are trained, continuing from that pipeline's weights (``configs/syntax_continue.cfg``),
    and its NER is assembled unchanged; ``ner_mode`` is then ignored.

    Phase 1 trains ``syntax`` and a standalone ``ner`` (own tok2vec) in parallel, one per core.
    Phase 2 (``ner_mode`` auto/shared) trains ``ner_shared``: an NER on the frozen tok2vec of the
    trained syntax pipeline, so that the shipped pipeline runs one tok2vec instead of two. With
    ``auto`` the shared NER is used unless its dev F is more than one point below the standalone one.
    ``sentences``: auto (best dev sentence F of parser vs senter), parser, senter.
    Returns a summary dict (paths, minutes per training, choices made)."""
    from .convert import check_data_dir, convert_all

    if ner_mode not in ("auto", "shared", "separate"):
        raise ValueError(f"ner_mode must be auto, shared or separate, not {ner_mode!r}")
    data_dir, output_dir, work_dir = Path(data_dir), Path(output_dir), Path(work_dir)
    check_data_dir(data_dir)
    if source_model is not None:
        source_model = Path(source_model).resolve()
        check_source_model(source_model)
    t0 = time.time()
    log(f"converting treebanks from {data_dir} into {work_dir / 'corpus'}")
    stats = convert_all(data_dir, work_dir)
    for key, value in stats.items():
        log(f"  {key}: {value}")
    corpus = work_dir / "corpus"
    runs = work_dir / "runs"

    def job(name: str, cfg: str, minutes: float, extra: Optional[Dict[str, object]] = None) -> List[str]:
        args = [str(CONFIG_DIR / cfg), str(corpus), str(runs / name), "--max-minutes", str(minutes)]
        for key, value in {**(extra or {}), **((overrides or {}).get(name) or {})}.items():
            args.append(f"--{key}={json.dumps(value)}")
        return args

    if source_model is not None:
        log(f"continuing the syntax components of {source_model}; its NER is kept")
        phase1 = {"syntax": job("syntax", "syntax_continue.cfg", max_minutes,
                                {"paths.source_model": str(source_model)})}
    else:
        phase1 = {"syntax": job("syntax", "syntax.cfg", max_minutes)}
        if ner_mode in ("auto", "separate"):
            phase1["ner"] = job("ner", "ner.cfg", max_minutes)
    minutes = _run_trainings(phase1, work_dir, parallel, log=log)
    syntax_best = runs / "syntax" / "model-best"
    ner_best = source_model if source_model is not None else runs / "ner" / "model-best"
    if source_model is None and ner_mode in ("auto", "shared"):
        shared = {"ner_shared": job("ner_shared", "ner_shared.cfg", shared_ner_minutes,
                                    {"paths.syntax_model": str(syntax_best.resolve())})}
        minutes.update(_run_trainings(shared, work_dir, parallel, log=log))
        shared_best = runs / "ner_shared" / "model-best"
        if ner_mode == "shared":
            ner_best = shared_best
        else:
            f_sep, f_shared = _dev_score(ner_best, "ents_f"), _dev_score(shared_best, "ents_f")
            log(f"  dev NER F: standalone {f_sep:.4f}, on the syntax tok2vec {f_shared:.4f}")
            if f_shared >= f_sep - 0.01:
                ner_best = shared_best
    log(f"NER from {ner_best}")
    if sentences == "auto":
        sentences = choose_sentence_mode(syntax_best, corpus / "dev", log=log)
    extra = {"kg_training": {"minutes": {k: round(v, 1) for k, v in minutes.items()}, "sentences": sentences,
                             "ner": str(ner_best) if source_model is not None else ner_best.parent.name,
                             "data": stats}}
    if source_model is not None:
        extra["kg_training"]["continued_from"] = _describe_source(source_model)
    assemble(syntax_best, ner_best, output_dir, sentences=sentences, meta_extra=extra)
    log(f"pipeline written to {output_dir} ({(time.time() - t0) / 60:.1f} minutes in total)")
    return {"output": str(output_dir), "minutes": minutes, "sentences": sentences, "ner": str(ner_best)}


SYNTAX_COMPONENTS = ("tok2vec", "tagger", "morphologizer", "senter", "parser", "lemmatizer")


def check_source_model(path: Path) -> None:
    """A pipeline to continue from must have every syntax component and an NER with its own
    ``ner_tok2vec`` (an NER listening to the syntax tok2vec would break once that tok2vec changes)."""
    cfg_path = Path(path) / "config.cfg"
    if not cfg_path.exists():
        raise FileNotFoundError(f"no trained pipeline at {path} (config.cfg missing)")
    from thinc.api import Config

    names = Config().from_disk(cfg_path, interpolate=False)["nlp"]["pipeline"]
    missing = [c for c in SYNTAX_COMPONENTS if c not in names]
    if missing:
        raise ValueError(f"{path} lacks the syntax components {', '.join(missing)}; cannot continue from it")
    if "ner" in names and "ner_tok2vec" not in names:
        raise ValueError(f"the NER of {path} listens to the syntax tok2vec; continue only from a pipeline "
                         "whose NER has its own ner_tok2vec")
    if "ner" not in names:
        raise ValueError(f"{path} has no ner component to keep")


def _describe_source(path: Path) -> Dict[str, object]:
    meta = json.loads((Path(path) / "meta.json").read_text())
    return {"name": meta.get("name"), "version": meta.get("version"), "path": str(path),
            "minutes": (meta.get("kg_training") or {}).get("minutes")}


def choose_sentence_mode(syntax_model: Path, dev_dir: Path, log=print) -> str:
    """Pick parser-based or senter-based sentence boundaries by sentence F on the dev sets."""
    import spacy

    from .evaluate import score_docbin

    results = {}
    for mode in ("parser", "senter"):
        nlp = spacy.load(syntax_model)
        if mode == "parser":
            nlp.remove_pipe("senter")
        else:
            nlp.remove_pipe("senter")
            nlp.add_pipe("senter", source=spacy.load(syntax_model), before="parser")
        f = [score_docbin(nlp, p)["sents_f"] for p in sorted(Path(dev_dir).glob("*.spacy"))]
        results[mode] = sum(f) / len(f)
        log(f"  dev sentence F with {mode}: {results[mode]:.4f}")
    return max(results, key=results.get)


def main(argv: Optional[List[str]] = None) -> int:
    """``python -m kg.training.train CONFIG CORPUS_DIR OUTPUT_DIR [--max-minutes N] [--section.key=value]``"""
    argv = list(sys.argv[1:] if argv is None else argv)
    max_minutes = None
    if "--max-minutes" in argv:
        i = argv.index("--max-minutes")
        max_minutes = float(argv[i + 1])
        del argv[i : i + 2]
    positional = [a for a in argv if not a.startswith("--")]
    if len(positional) != 3:
        print("usage: python -m kg.training.train CONFIG CORPUS_DIR OUTPUT_DIR [--max-minutes N]", file=sys.stderr)
        return 2
    overrides = _parse_overrides([a for a in argv if a.startswith("--")])
    train_one(Path(positional[0]), Path(positional[1]), Path(positional[2]), max_minutes, overrides)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
