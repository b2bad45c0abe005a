"""Command line for the project's English pipeline: ``train``, ``evaluate``, ``info``.

Mounted as ``kg model`` by the main CLI; standalone: ``python -m kg.training.cli COMMAND``.
Each command is a thin wrapper over a plain function (``train_pipeline``, ``evaluate_pipeline``,
``pipeline_info``). Errors print one line to stderr and exit with code 1.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(help="Train, evaluate and describe the kg English spaCy pipeline.", no_args_is_help=True)


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=1)


def _data_dir(data: Optional[Path]) -> Path:
    from .paths import default_data_dir

    path = Path(data).expanduser().resolve() if data else default_data_dir()
    if not path.is_dir():
        _fail(f"data folder not found: {path} (pass --data or set KG_DATA)")
    return path


@app.command()
def train(
    data: Optional[Path] = typer.Option(None, "--data", help="Folder with ud/en_ewt, ud/en_gum, ner/uner_en_ewt "
                                        "(default: $KG_DATA or ../shared/data from the repository root)."),
    output: Optional[Path] = typer.Option(None, "--output", help="Where to write the pipeline "
                                          "(default: kg/resources/pipeline)."),
    work: Optional[Path] = typer.Option(None, "--work", help="Work folder for corpora and checkpoints "
                                        "(default: training/ at the repository root)."),
    max_minutes: float = typer.Option(95.0, "--max-minutes", help="Time limit of the syntax and NER trainings (run in parallel)."),
    sequential: bool = typer.Option(False, "--sequential", help="Run the two trainings one after the other."),
    sentences: str = typer.Option("auto", "--sentences", help="Sentence boundaries: auto (best dev sentence F), "
                                  "parser or senter."),
    ner: str = typer.Option("separate", "--ner", help="NER: shared (on the frozen syntax tok2vec, faster), separate "
                            "(own tok2vec) or auto (shared unless more than 1 point worse on dev)."),
    shared_ner_minutes: float = typer.Option(16.0, "--shared-ner-minutes", help="Time limit of the shared NER "
                                             "training (runs after the syntax training)."),
    source: Optional[Path] = typer.Option(None, "--from", help="Continue from this trained kg pipeline: its syntax "
                                          "components (tok2vec, tagger, morphologizer, senter, parser, lemmatizer) "
                                          "are trained further with configs/syntax_continue.cfg and its NER is kept "
                                          "as it is (--ner is then ignored). Give --output too, to keep the source."),
    settings: Optional[list[str]] = typer.Option(None, "--set", help="Change one config setting of one training: "
                                                 "TRAINING:SECTION.KEY=VALUE, TRAINING being syntax, ner or "
                                                 "ner_shared (repeatable), e.g. "
                                                 "--set syntax:components.tok2vec.model.encode.depth=6"),
) -> None:
    """Convert the treebanks, train tagger/parser/lemmatizer and NER (two cores), assemble the pipeline."""
    from .paths import PIPELINE_DIR, WORK_DIR
    from .train import train_pipeline

    data_dir = _data_dir(data)
    if sentences not in ("auto", "parser", "senter"):
        _fail(f"--sentences must be auto, parser or senter, not {sentences!r}")
    if ner not in ("auto", "shared", "separate"):
        _fail(f"--ner must be auto, shared or separate, not {ner!r}")
    from .train import parse_settings

    try:
        overrides = parse_settings(settings or [])
    except ValueError as exc:
        _fail(str(exc))
    try:
        summary = train_pipeline(data_dir, Path(output or PIPELINE_DIR), Path(work or WORK_DIR),
                                 max_minutes=max_minutes, parallel=not sequential, sentences=sentences,
                                 ner_mode=ner, shared_ner_minutes=shared_ner_minutes, overrides=overrides,
                                 source_model=Path(source).expanduser() if source else None, log=typer.echo)
    except (FileNotFoundError, RuntimeError, ValueError) as exc:
        _fail(str(exc))
    else:
        typer.echo(json.dumps(summary, indent=2, default=str))


@app.command()
def evaluate(
    model: Optional[str] = typer.Option(None, "--model", help="Pipeline name or path (default: the shipped one)."),
    data: Optional[Path] = typer.Option(None, "--data", help="Treebank folder (default: $KG_DATA or ../shared/data)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    rules: bool = typer.Option(True, "--rules/--no-rules", help="Also score PER/ORG/LOC with the pipeline as kg "
                               "loads it (model + gazetteer entity ruler and the other kg rules), next to the "
                               "bare model's scores."),
) -> None:
    """Accuracy on EWT test, GUM test and UNER EWT test (never used in training).

    Tagging, parsing and sentence scores are the bare model's; PER/ORG/LOC scores are given for the
    bare model and (unless --no-rules) for the pipeline as kg loads it."""
    from .evaluate import evaluate_pipeline, format_results

    data_dir = _data_dir(data)
    try:
        res = evaluate_pipeline(model, data_dir, rules=rules)
    except (FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
    else:
        typer.echo(json.dumps(res, indent=2) if as_json else format_results(res))


@app.command()
def info(
    model: Optional[str] = typer.Option(None, "--model", help="Pipeline name or path (default: the shipped one)."),
    full: bool = typer.Option(False, "--full", help="List every label, also of lemmatizer and morphologizer."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """Name, path, version, components and labels of a pipeline."""
    from .info import format_info, pipeline_info

    try:
        data = pipeline_info(model)
    except ValueError as exc:
        _fail(str(exc))
    else:
        typer.echo(json.dumps(data, indent=2) if as_json else format_info(data, full=full))


if __name__ == "__main__":
    app()
