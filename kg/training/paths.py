"""Default locations: treebank data, shipped pipeline, training work folder."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
PIPELINE_DIR = REPO_ROOT / "kg" / "resources" / "pipeline"
WORK_DIR = REPO_ROOT / "training"


def default_data_dir() -> Path:
    """``$KG_DATA`` if set, else ``../shared/data`` relative to the repository root."""
    env = os.environ.get("KG_DATA")
    if env:
        return Path(env).expanduser().resolve()
    return (REPO_ROOT.parent / "shared" / "data").resolve()


def default_model() -> str:
    return str(PIPELINE_DIR)
