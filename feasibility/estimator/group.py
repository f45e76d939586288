"""Weight bytes of group-wise integer formats (MLX, ONNX/ORT GenAI, Core ML, ExecuTorch, MLC...).

Why: these formats store ``bits`` per weight plus one scale (and maybe a zero point or bias) per
``group_size`` weights, but treat embeddings, the output head and tied weights differently
(quant_internals.md §5): MLX quantizes the embedding and shares it with the head, ORT GenAI keeps a
float embedding *and* an int4 head, GPTQ/AWQ keep both in fp16. Those choices move a 0.5B model's
size by 30-60 %, so they are modelled explicitly from the ``GroupScheme``.

The size is the weights file(s) only: tokenizer.json, configs and the ONNX graph file are separate
files of a few MB and are left out (the published sizes we compare with are per weight file).
"""

from __future__ import annotations

from dataclasses import dataclass

from feasibility.arch import breakdown
from feasibility.schema import Architecture, GroupScheme


@dataclass(frozen=True)
class GroupLayout:
    weights_bytes: int
    embedding_bytes: int
    head_bytes: int
    linear_bytes: int
    other_bytes: int
    offloadable_bytes: int
    inactive_expert_bytes: int

    @property
    def decode_read_bytes(self) -> int:
        """Per token: every linear, the head and the small tensors; one embedding row only."""
        return (
            self.linear_bytes
            + self.head_bytes
            + self.other_bytes
            - self.offloadable_bytes
            - self.inactive_expert_bytes
        )


def linear_bits(s: GroupScheme, in_features: int) -> float:
    """Bits per weight of a quantized linear: codes + scale/zero per group (per channel if None)."""
    group = s.group_size or in_features
    return s.bits + (s.scale_bytes + s.zero_bytes) * 8 / group


def _stored_bits(kind: str, s: GroupScheme, h: int) -> float:
    if kind == "quantized":
        return linear_bits(s, h)
    if kind == "float16":
        return 16.0
    if kind == "float32":
        return 32.0
    if kind == "int8":
        return 8.0 + (s.scale_bytes or 2) * 8 / h  # per-row scale
    raise ValueError(f"unknown storage {kind!r}")


def build_group_layout(a: Architecture, s: GroupScheme) -> GroupLayout:
    p = breakdown(a)
    h = a.hidden_size
    emb_params = a.vocab_size * h
    emb_bits = _stored_bits(s.embeddings, s, h)
    emb = round(emb_params * emb_bits / 8)

    if a.tied_embeddings:
        if s.tied_shares_head:
            # One matrix in the head's storage (ORT GenAI's shared embeddings quantize the Gather
            # with the lm_head's blocks).
            emb_bits = _stored_bits(s.lm_head, s, h)
            emb = round(emb_params * emb_bits / 8)
            head_bits, head_stored = emb_bits, 0
        elif s.lm_head == "tied" or not s.tied_stored_twice:
            head_bits = emb_bits  # the embedding doubles as the head (one copy)
            head_stored = 0
        else:
            head_bits = _stored_bits(s.lm_head, s, h)
            head_stored = round(emb_params * head_bits / 8)
        head_read = head_stored if head_stored else emb
    else:
        head_bits = emb_bits if s.lm_head == "tied" else _stored_bits(s.lm_head, s, h)
        head_stored = round(emb_params * head_bits / 8)
        head_read = head_stored

    # Attention and FFN matrices, and the extra (SSM/conv/PLE) blocks, are quantized linears.
    att_small = 0
    if a.qkv_bias:
        att_small += (a.attention_heads + 2 * a.kv_heads) * a.head_dim
    if a.qk_norm:
        att_small += 2 * a.head_dim
    att_small *= a.n_attention_layers
    lin_params = p.attention - att_small + p.ffn + p.extra
    lbits = linear_bits(s, h)
    linear = round(lin_params * lbits / 8)
    other = round((p.norms + att_small) * s.other_bits / 8)
    offload = round(a.offloadable_params * lbits / 8)
    inactive = round((p.ffn - p.active_ffn) * lbits / 8) if a.moe is not None else 0
    weights = emb + head_stored + linear + other
    return GroupLayout(weights, emb, head_read, linear, other, offload, inactive)
