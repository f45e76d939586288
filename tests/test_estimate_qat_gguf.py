"""A quantization-aware-trained (QAT) GGUF build is laid out as a static quant.

llama-quantize bumps the first n/8 ``ffn_down`` tensors of a Q4_0 file to Q4_1 only when it is given
an importance matrix (llama-quant.cpp, ``qs.has_imatrix && i_layer < n_layer/8``), and the estimator
assumes one for post-training files because the community publishers use one. QAT weights were
trained onto the Q4_0 grid, so their GGUFs are static quants that keep every tensor on it:
Gemma 3 1B's QAT Q4_0 file is 720.43 MB (LM Studio's listing of gemma-3-1b-it-qat, the 688 MiB
that the static requants of Google's QAT weights show), where the imatrix layout comes out 0.14%
over it and the static one within 0.1%.
"""

from __future__ import annotations

from factories import make_model, make_quant
from test_estimate import GEMMA_1B, arch

from feasibility.estimator import core
from feasibility.schema import GgufScheme

PUBLISHED_QAT_Q4_0_BYTES = 720_430_000
"""https://lmstudio.ai/model/gemma-3-1b-it-qat: "Size on disk about 720.43 MB"."""

GEMMA_1B_FFN_DOWN = 6912 * 1152
"""Weights of one Gemma 3 1B ffn_down matrix (FFN 6912 x hidden 1152)."""


def _layouts() -> tuple[int, int, int, int]:
    model = make_model(id="gemma-3-1b-it", architecture=arch(GEMMA_1B), params=999_885_952)
    ptq = make_quant(id="Q4_0", name="GGUF Q4_0", scheme=GgufScheme(ftype="Q4_0"))
    qat = make_quant(
        id="qat-q4_0", name="Gemma QAT Q4_0", scheme=GgufScheme(ftype="Q4_0"), qat_of="Q4_0"
    )
    p, q = core.layout_for(model, ptq), core.layout_for(model, qat)
    return p.tensor_bytes, p.file_bytes, q.tensor_bytes, q.file_bytes


def test_a_qat_q4_0_build_matches_the_published_static_file() -> None:
    _, ptq_file, _, qat_file = _layouts()
    assert abs(qat_file - PUBLISHED_QAT_Q4_0_BYTES) / PUBLISHED_QAT_Q4_0_BYTES < 0.001
    assert ptq_file > PUBLISHED_QAT_Q4_0_BYTES * 1.001  # the imatrix layout would overstate it


def test_the_difference_is_the_three_ffn_down_an_imatrix_would_bump_to_q4_1() -> None:
    """26 layers: layers 0-2 (26 // 8) get Q4_1 (20 bytes per 32 weights) instead of Q4_0 (18)."""
    ptq_tensors, _, qat_tensors, _ = _layouts()
    assert ptq_tensors - qat_tensors == 3 * GEMMA_1B_FFN_DOWN * 2 // 32
