"""BlasOps: thinc's NumpyOps with matrix products by numpy; same products, same annotations."""

import numpy
import pytest
from thinc.api import NumpyOps

from kg.nlp.blas import BlasOps, apply_blas_ops

TEXT = ("Russian President Vladimir Putin ordered the army to seize Kharkiv, the Kremlin said on Monday. "
        "Ukraine's foreign ministry rejected the demand and called on NATO to send more air defence systems.")


@pytest.mark.parametrize("trans1,trans2", [(False, False), (True, False), (False, True), (True, True)])
def test_gemm_matches_thincs(trans1, trans2):
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((7, 5) if not trans1 else (5, 7)).astype("float32")
    y = rng.standard_normal((5, 3) if not trans2 else (3, 5)).astype("float32")
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = BlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.shape == (7, 3) and numpy.allclose(got, expected, atol=1e-5)
    out = numpy.zeros((7, 3), dtype="float32")
    assert BlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    assert numpy.allclose(out, expected, atol=1e-5)


def _annotations(nlp):
    doc = nlp(TEXT)
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_type_, t.is_sent_start) for t in doc]


def test_the_shipped_pipeline_runs_on_blas_ops_with_the_same_annotations(monkeypatch):
    spacy = pytest.importorskip("spacy")
    from kg.nlp.language import DEFAULT_MODEL, load_pipeline

    if not DEFAULT_MODEL.exists():
        pytest.skip("no shipped pipeline")
    nlp = load_pipeline(None)
    assert isinstance(nlp.get_pipe("tok2vec").model.ops, BlasOps)
    assert all(isinstance(node.ops, BlasOps) for node in nlp.get_pipe("parser").model.walk())
    fast = apply_blas_ops(spacy.load(DEFAULT_MODEL))
    monkeypatch.setenv("KG_BLAS", "0")
    plain = apply_blas_ops(spacy.load(DEFAULT_MODEL))
    assert type(plain.get_pipe("tok2vec").model.ops) is NumpyOps
    assert _annotations(fast) == _annotations(plain)
    assert [a[:6] for a in _annotations(nlp)] == [a[:6] for a in _annotations(plain)]  # kg's rules add entities
