"""Matrix products through numpy's BLAS for spaCy's CNN models.

thinc's ``NumpyOps`` multiplies matrices with the blis library. On the x86-64 machines kg is built
and measured on, the blis wheel runs single-precision matrix products at about 25 GFLOP/s on one
core, while the OpenBLAS that numpy ships with runs them at about 80 GFLOP/s. ``BlasOps`` is
``NumpyOps`` with ``gemm`` done by ``numpy.matmul``: every other operation (maxout, hash
embeddings, the parser's state machine) is thinc's own. The pipeline's annotations stay the same
(no token of the UD EWT and GUM test documents changes its tag, head, label, lemma or entity)
and the tok2vec runs about twice as fast.

``use_blas_ops()`` makes it thinc's current ops, so models created afterwards (``spacy.load``,
a training's ``init_nlp``) use it; ``apply_blas_ops(nlp)`` switches the models of a pipeline
that is already loaded. ``KG_BLAS=0`` in the environment turns both off.
"""

from __future__ import annotations

import os

import numpy
from thinc.api import NumpyOps, set_current_ops

_OPS: "BlasOps | None" = None


class BlasOps(NumpyOps):
    name = "kg_blas"

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


def enabled() -> bool:
    return os.environ.get("KG_BLAS", "1").strip().lower() not in ("0", "false", "no", "off")


def blas_ops() -> NumpyOps:
    global _OPS
    if _OPS is None:
        _OPS = BlasOps()
    return _OPS


def use_blas_ops() -> bool:
    """Make ``BlasOps`` thinc's current ops (unless ``KG_BLAS=0``); True when it did."""
    if not enabled():
        return False
    set_current_ops(blas_ops())
    return True


def apply_blas_ops(nlp):
    """Switch every thinc model of a loaded pipeline to ``BlasOps`` (unless ``KG_BLAS=0``); returns ``nlp``.
    Models that run on another device (a GPU pipeline) are left alone."""
    if not enabled():
        return nlp
    ops = blas_ops()
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if isinstance(node.ops, NumpyOps):
                node.ops = ops
    return nlp
