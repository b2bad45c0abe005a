"""kg: build a conflict knowledge graph from English news articles.

In a notebook: `result = kg.analyze("corpus")` or `kg.analyze([text, ...])` (see kg.api and docs/API.md)."""

import os

# The pipeline's matrix products are small (a batch of tokens times a layer): one BLAS thread per
# process runs them faster than two (8,805 against 7,707 words per second on two cores), leaves the
# other core to a second process (`kg build --jobs 2`), and gives the same numbers whatever the
# machine. A value already in the environment is kept. (Applies when kg is imported before numpy.)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"

__all__ = ["Result", "Statement", "analyze"]


def __getattr__(name: str):
    """The notebook API (`kg.analyze`, `kg.Result`, `kg.Statement`, from kg.api), imported when first used:
    `import kg` and the command line stay as quick to start as before."""
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
