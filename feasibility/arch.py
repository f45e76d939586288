"""Parameter counts from an architecture: the shared arithmetic of the catalog check and estimates.

The count is the text decoder only: token embedding (and the output head when untied), per attention
layer q/k/v/o projections (+ biases, + q/k norms), per FFN layer the gated or plain MLP (or the MoE
experts, router and shared expert), the norms, plus ``extra_params`` for blocks the standard shapes
do not describe (SSM or convolution mixers, per-layer embeddings).
"""

from __future__ import annotations

from dataclasses import dataclass

from feasibility.schema import Architecture


@dataclass(frozen=True)
class ParamBreakdown:
    embedding: int
    output_head: int
    attention: int
    ffn: int
    norms: int
    extra: int
    active_ffn: int

    @property
    def total(self) -> int:
        return (
            self.embedding + self.output_head + self.attention + self.ffn + self.norms + self.extra
        )

    @property
    def active(self) -> int:
        """Parameters read per generated token (MoE: only the routed experts)."""
        return self.total - self.ffn + self.active_ffn


def attention_layer_params(a: Architecture) -> int:
    h, hd = a.hidden_size, a.head_dim
    q = a.attention_heads * hd
    kv = a.kv_heads * hd
    n = h * q + 2 * h * kv + q * h
    if a.qkv_bias:
        n += q + 2 * kv
    if a.qk_norm:
        n += 2 * hd
    return n


def ffn_layer_params(a: Architecture) -> tuple[int, int]:
    """(stored, active) parameters of one FFN layer."""
    mats = 3 if a.gated_ffn else 2
    if a.moe is None:
        n = mats * a.hidden_size * a.intermediate_size
        return n, n
    m = a.moe
    expert = mats * a.hidden_size * m.expert_intermediate_size
    shared = mats * a.hidden_size * m.shared_expert_intermediate_size
    router = a.hidden_size * m.experts
    return m.experts * expert + shared + router, m.active_experts * expert + shared + router


def breakdown(a: Architecture) -> ParamBreakdown:
    emb = a.vocab_size * a.hidden_size
    head = 0 if a.tied_embeddings else emb
    att = a.n_attention_layers * attention_layer_params(a)
    ffn_one, ffn_act = ffn_layer_params(a)
    norms = 2 * a.hidden_size * a.layers + a.hidden_size
    ffn = a.n_ffn_layers * ffn_one
    active = a.n_ffn_layers * ffn_act
    if a.moe is not None and a.moe.active_params is not None:
        # The published active count wins over the shape-derived one.
        active = a.moe.active_params - (emb + head + att + norms + a.extra_params)
    return ParamBreakdown(emb, head, att, ffn, norms, a.extra_params, active)


def count_params(a: Architecture) -> int:
    return breakdown(a).total
