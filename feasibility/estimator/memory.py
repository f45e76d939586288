"""KV cache and compute (scratch) buffers at a given context.

Why: the KV cache is the part of memory that grows with the service's context, and on phones it
decides whether a 3-4B model fits at 8k. Sliding-window layers, KV sharing, hybrids with a fixed
recurrent state, and llama.cpp's own padding all change it by large factors, so it is computed per
layer class from the architecture (quant_internals.md §4.2, models_notes.md).

Choices (documented in every Estimate's assumptions):
* llama.cpp (GGUF): context padded up to a multiple of 256; sliding layers keep
  ``pad256(min(n_ctx, window + n_ubatch))`` cells, the CLI/app default ``swa_full = false``
  (llama-kv-cache-iswa.cpp; matches PocketPal's 22 MiB for gemma-3-1b-it at 2048).
* Other runtimes: exactly ``context`` cells, ``min(context, window)`` on sliding layers.
* Compute buffer, llama.cpp: the scheduler reserves a worst-case ``n_ubatch`` prompt graph with all
  logits: ``4 · n_ub · (n_vocab + 2 · n_embd)``, or ``4 · n_ub · (n_vocab + 1.75 · n_ff)`` for
  small-vocabulary wide-FFN models (n_vocab < 10 · n_ff) (§4.4, fitted on the PocketPal CPU rows).
* Compute buffer, other runtimes: fp32 activations of one ``n_ubatch`` prompt chunk (residual ×2
  plus the FFN intermediate) and one logits row; they compute logits for the last token only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from feasibility.schema import Architecture

KV_TYPE_BLOCK: Final[dict[str, tuple[int, int]]] = {
    "f32": (1, 4),
    "f16": (1, 2),
    "bf16": (1, 2),
    "q8_0": (32, 34),
    "q5_1": (32, 24),
    "q5_0": (32, 22),
    "q4_1": (32, 20),
    "q4_0": (32, 18),
    "iq4_nl": (32, 18),
}
"""KV element storage (block elements, bytes per block), ggml type table (§1, §4.2)."""

LLAMA_CPP_CTX_PAD: Final = 256
"""llama.cpp rounds n_ctx (and the SWA cache) up to a multiple of 256 (context.cpp, PR #17046)."""

WIDE_FFN_RATIO: Final = 10
WIDE_FFN_FACTOR: Final = 1.75
"""§4.4: below n_vocab < 10·n_ff the FFN phase dominates the graph's scratch (fit on Phi-3.5)."""


def pad(n: int, to: int) -> int:
    return -(-n // to) * to


def kv_row_bytes(kv_type: str, elements: int) -> int:
    try:
        block, size = KV_TYPE_BLOCK[kv_type.lower()]
    except KeyError:
        raise ValueError(f"unknown KV cache type {kv_type!r}") from None
    return -(-elements // block) * size


@dataclass(frozen=True)
class KvBreakdown:
    global_bytes: int
    swa_bytes: int
    state_bytes: int
    global_cells: int
    swa_cells: int

    @property
    def total(self) -> int:
        return self.global_bytes + self.swa_bytes + self.state_bytes


RECURRENT_STATE_BYTES: Final = 4
"""llama.cpp keeps recurrent state in F32 (``recurrent_type_r/s = GGML_TYPE_F32`` in
llama-model.cpp ``create_memory`` @0c1e57098)."""


def recurrent_state_bytes(a: Architecture, n_seq: int = 1) -> int:
    """Fixed state of the recurrent layers, llama.cpp's way (llama-hparams.cpp @0c1e57098).

    Per recurrent layer and sequence, one row of ``n_embd_r = (d_conv - 1) * (d_inner + 2 *
    n_groups * d_state)`` (the convolution window; LFM2: ``n_embd * (L_cache - 1)``) and one of
    ``n_embd_s = d_state * d_inner`` (the SSM / DeltaNet state), in F32
    (llama-memory-recurrent.cpp). Without the shapes, the catalog's ``state_bytes``.
    """
    r = a.recurrent
    if r is None:
        return a.state_bytes * n_seq
    n_embd_r = (r.d_conv - 1) * (r.d_inner + 2 * r.n_groups * r.d_state)
    n_embd_s = r.d_state * r.d_inner
    return r.layers * (n_embd_r + n_embd_s) * RECURRENT_STATE_BYTES * n_seq


def kv_cache(
    a: Architecture,
    context: int,
    kv_type: str = "f16",
    *,
    llama_cpp: bool = False,
    n_ubatch: int = 512,
) -> KvBreakdown:
    """K and V for every KV layer, sliding layers capped, plus the fixed recurrent state once."""
    n_kv = a.n_kv_layers
    n_swa = a.sliding_window_layers
    n_glob = n_kv - n_swa
    if llama_cpp:
        cells = pad(context, LLAMA_CPP_CTX_PAD)
        swa_cells = (
            min(cells, pad(min(cells, (a.sliding_window or 0) + n_ubatch), LLAMA_CPP_CTX_PAD))
            if n_swa
            else 0
        )
    else:
        cells = context
        swa_cells = min(context, a.sliding_window or 0) if n_swa else 0
    gdim = a.global_head_dim or a.head_dim
    g_row = kv_row_bytes(kv_type, a.kv_heads * gdim)
    s_row = kv_row_bytes(kv_type, a.kv_heads * a.head_dim)
    glob = 2 * n_glob * g_row * cells
    swa = 2 * n_swa * s_row * swa_cells
    return KvBreakdown(glob, swa, recurrent_state_bytes(a), cells, swa_cells)


def compute_buffer(
    a: Architecture, context: int, n_ubatch: int = 512, *, llama_cpp: bool = True
) -> int:
    n_ub = max(1, min(n_ubatch, context))
    h, v, ff = a.hidden_size, a.vocab_size, a.intermediate_size
    if a.moe is not None:
        ff = max(ff, a.moe.expert_intermediate_size)
    if llama_cpp:
        if v < WIDE_FFN_RATIO * ff:
            return round(4 * n_ub * (v + WIDE_FFN_FACTOR * ff))
        return 4 * n_ub * (v + 2 * h)
    return 4 * n_ub * (2 * h + ff) + 4 * v
