"""kg: build a conflict knowledge graph from English news articles."""

import os

# The pipeline's matrix products are small (a batch of tokens times a layer): one BLAS thread per
# process runs them faster than two (8,805 against 7,707 words per second on two cores), leaves the
# other core to a second process (`kg build --jobs 2`), and gives the same numbers whatever the
# machine. A value already in the environment is kept. (Applies when kg is imported before numpy.)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
