"""GGUF tensor list, per-tensor types and file layout, built from an ``Architecture``.

Why: the file size and the llama.cpp weight buffers follow from the list of tensors, each typed by
llama-quantize's rules (see ``ggml``). We rebuild that list from config.json-level fields
(quant_internals.md §6) instead of interpolating published sizes, so a model nobody measured gets
the same treatment as one that was.

Layout (§3): ``file = header + metadata + tensor infos + Σ pad32(tensor bytes)``. The metadata is
almost all tokenizer: ``19.3 B × (n_vocab + n_merges)`` for byte-level BPE (fitted on Llama-3 and
Qwen2.5, §7) and ``23 B × n_vocab`` for SentencePiece vocabularies (tokens, scores, types), plus
about 70 B of tensor info per tensor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from feasibility.estimate import ggml, speed
from feasibility.schema import Architecture

ALIGNMENT: Final = 32
"""GGUF default ``general.alignment`` (gguf.cpp); every tensor is padded to it."""

HEADER_BYTES: Final = 24
"""magic + version + n_tensors + n_kv (gguf.cpp ``gguf_write_out``)."""

BPE_BYTES_PER_ENTRY: Final = 19.3
"""Metadata bytes per (vocab entry + merge) for byte-level BPE; fitted on Llama-3 (19.1) and
Qwen2.5 (19.6) in quant_internals.md §3/§7."""

SPM_BYTES_PER_TOKEN: Final = 23.0
"""SentencePiece vocabularies: 8 B length + ~7 B text + 4 B score + 4 B type per token (§3, [I])."""

TENSOR_INFO_BYTES: Final = 70
"""Tensor info record (name, dims, type, offset): 60-75 B each (§3)."""

SPM_MAX_VOCAB: Final = 32_768
"""Vocabularies up to this size without known merges are taken as SentencePiece (Llama-2,
TinyLlama, Mistral v0.3, Phi-3); Gemma families always are. Everything else is treated as
byte-level BPE with n_merges ≈ n_vocab when merges are unknown (§3)."""

ASSUME_IMATRIX: Final = True
"""Published community GGUFs (bartowski, lmstudio-community, unsloth) are made with an importance
matrix; it changes Q4_0/Q5_0 ffn_down (first n/8 layers → Q4_1/Q5_1) and some IQ rules (§2.5).
Verified on gemma-3-1b-it Q4_0 (§7)."""

NORMS_PER_LAYER: Final[dict[str, int]] = {
    "gemma2": 4,
    "gemma3": 4,
    "gemma3_text": 4,
    "gemma3n": 4,
    "gemma3n_text": 4,
    "gemma4": 4,
    "gemma4_text": 4,
}
"""1-D norm vectors per layer (Gemma 2/3 add post-attention and post-FFN norms); default 2."""

ROPE_FREQS_TYPES: Final = frozenset({"llama"})
"""Llama-3.x checkpoints with ``rope_scaling: llama3`` get a ``rope_freqs`` F32 tensor [hd/2]."""


@dataclass(frozen=True)
class Tensor:
    name: str
    layer: int  # -1 for non-layer tensors
    gtype: str
    ne0: int
    rows: int
    nbytes: int  # padded to ALIGNMENT


@dataclass(frozen=True)
class GgufLayout:
    """What a GGUF file holds, and what llama.cpp reads of it per generated token."""

    tensors: tuple[Tensor, ...]
    tensor_bytes: int
    metadata_bytes: int
    token_embd_bytes: int
    tied: bool
    inactive_expert_bytes: int
    offloadable_bytes: int
    bytes_by_type: dict[str, int] = field(default_factory=dict)
    read_bytes_by_class: dict[str, int] = field(default_factory=dict)
    """Streamed bytes per token by kernel class (see ``speed.type_class``), before MoE/PLE cuts."""
    matmul_params_by_class: dict[str, int] = field(default_factory=dict)
    """Weights multiplied per prompt token by class (no embedding table, no output head)."""
    opencl_fallback_runs: int = 0
    """Groups of back-to-back matmuls with a type the Adreno OpenCL backend lacks: each is a graph
    split that runs on the CPU (see ``speed.OPENCL_SPLIT_S``)."""
    opencl_fallback_bytes_by_class: dict[str, int] = field(default_factory=dict)

    @property
    def file_bytes(self) -> int:
        return self.tensor_bytes + self.metadata_bytes

    @property
    def resident_weight_bytes(self) -> int:
        """llama.cpp model buffers: tensors + a second token_embd for tied models (§4.1)."""
        return self.tensor_bytes + (self.token_embd_bytes if self.tied else 0)

    @property
    def decode_read_bytes(self) -> int:
        """Weight bytes streamed per generated token.

        Every matrix except the embedding table (one row is gathered); a tied model reads the
        token_embd copy as its output head. MoE: only active experts; Gemma-3n per-layer
        embeddings are fetched by row, not streamed.
        """
        read = self.tensor_bytes - (0 if self.tied else self.token_embd_bytes)
        return read - self.inactive_expert_bytes - self.offloadable_bytes


def _pad(n: int) -> int:
    return -(-n // ALIGNMENT) * ALIGNMENT


def is_sentencepiece(a: Architecture) -> bool:
    if a.n_merges is not None:
        return False
    return a.type.startswith("gemma") or a.vocab_size <= SPM_MAX_VOCAB


def metadata_bytes(a: Architecture, n_tensors: int) -> int:
    if is_sentencepiece(a):
        vocab = SPM_BYTES_PER_TOKEN * a.vocab_size
    else:
        merges = a.n_merges if a.n_merges is not None else a.vocab_size
        vocab = BPE_BYTES_PER_ENTRY * (a.vocab_size + merges)
    return _pad(HEADER_BYTES + round(vocab) + TENSOR_INFO_BYTES * n_tensors)


def _op_group(name: str) -> str:
    """Matmuls that run back to back in the graph (no other op between them)."""
    for key, group in (("attn_q", "qkv"), ("attn_k", "qkv"), ("attn_v", "qkv"),
                       ("attn_output", "o"), ("ffn_gate", "gu"), ("ffn_up", "gu"),
                       ("ffn_down", "d")):
        if key in name:
            return group
    return name


def build_layout(a: Architecture, ftype: str, imatrix: bool = ASSUME_IMATRIX) -> GgufLayout:
    """Tensor list with llama-quantize's types (classic rules, §2) and padded sizes."""
    if ftype not in ggml.FTYPE_DEFAULT:
        raise ValueError(f"unknown GGUF file type {ftype!r}")
    default = ggml.FTYPE_DEFAULT[ftype]
    quantized = default not in ggml.UNQUANTIZED
    h, hd, ff = a.hidden_size, a.head_dim, a.intermediate_size
    q_out, kv_out = a.attention_heads * hd, a.kv_heads * hd
    n_gqa = a.attention_heads // a.kv_heads
    n_expert = a.moe.experts if a.moe else 1
    n_layer = a.layers
    n_att = a.n_attention_layers
    n_ffn = a.n_ffn_layers
    out: list[Tensor] = []

    def add(name: str, layer: int, gtype: str, ne0: int, rows: int) -> None:
        gtype = ggml.shape_fallback(gtype, ne0)
        out.append(Tensor(name, layer, gtype, ne0, rows, _pad(ggml.type_bytes(gtype, ne0, rows))))

    def f32(name: str, layer: int, n: int) -> None:
        out.append(Tensor(name, layer, "F32", n, 1, _pad(4 * n)))

    def weight(kind: str, i: int) -> str:
        """Type of a 2-D weight by role (``kind``) at running index ``i``."""
        if not quantized:
            return default
        if kind == "attn_v":
            return ggml.attn_v_type(ftype, default, i, n_att, n_gqa, n_expert, imatrix)
        if kind == "attn_k":
            return ggml.attn_k_type(ftype, default, n_expert)
        if kind == "attn_q":
            return ggml.attn_q_type(ftype, default)
        if kind == "attn_qkv":
            return ggml.attn_qkv_type(ftype, default)
        if kind == "attn_output":
            return ggml.attn_output_type(ftype, default, n_expert)
        if kind == "ffn_down":
            return ggml.ffn_down_type(ftype, default, i, n_layer, imatrix)
        if kind in ("ffn_gate", "ffn_up"):
            return ggml.ffn_gate_up_type(ftype, default, i, n_layer)
        return default

    # Token embedding, output head.
    if a.tied_embeddings:
        emb_t = ggml.output_type(ftype, default, h) if quantized else default
    else:
        emb_t = ggml.token_embd_type(ftype, default, h) if quantized else default
    add("token_embd.weight", -1, emb_t, h, a.vocab_size)
    f32("output_norm.weight", -1, h)
    if not a.tied_embeddings:
        head_t = ggml.output_type(ftype, default, h) if quantized else default
        add("output.weight", -1, head_t, h, a.vocab_size)
    if a.type in ROPE_FREQS_TYPES and a.max_context > 8192:
        f32("rope_freqs.weight", -1, hd // 2)

    norms = NORMS_PER_LAYER.get(a.type, 2)
    inactive = 0
    for il in range(n_layer):
        for k in range(norms):
            f32(f"blk.{il}.norm{k}.weight", il, h)
        if il < n_att:
            if a.fused_qkv:
                add(f"blk.{il}.attn_qkv.weight", il, weight("attn_qkv", il), h, q_out + 2 * kv_out)
            else:
                add(f"blk.{il}.attn_q.weight", il, weight("attn_q", il), h, q_out)
                add(f"blk.{il}.attn_k.weight", il, weight("attn_k", il), h, kv_out)
                add(f"blk.{il}.attn_v.weight", il, weight("attn_v", il), h, kv_out)
            if a.qkv_bias:
                f32(f"blk.{il}.attn_q.bias", il, q_out)
                f32(f"blk.{il}.attn_k.bias", il, kv_out)
                f32(f"blk.{il}.attn_v.bias", il, kv_out)
            if a.qk_norm:
                f32(f"blk.{il}.attn_q_norm.weight", il, hd)
                f32(f"blk.{il}.attn_k_norm.weight", il, hd)
            add(f"blk.{il}.attn_output.weight", il, weight("attn_output", il), q_out, h)
        if il < n_ffn:
            if a.moe is None:
                if a.gated_ffn:
                    add(f"blk.{il}.ffn_gate.weight", il, weight("ffn_gate", il), h, ff)
                add(f"blk.{il}.ffn_up.weight", il, weight("ffn_up", il), h, ff)
                add(f"blk.{il}.ffn_down.weight", il, weight("ffn_down", il), ff, h)
            else:
                m = a.moe
                eff = m.expert_intermediate_size
                out.append(Tensor(f"blk.{il}.ffn_gate_inp.weight", il, "F32", h, m.experts,
                                  _pad(4 * h * m.experts)))
                before = len(out)
                mats = ("gate", "up") if a.gated_ffn else ("up",)
                for mat in mats:
                    add(f"blk.{il}.ffn_{mat}_exps.weight", il, default, h, eff * m.experts)
                add(f"blk.{il}.ffn_down_exps.weight", il, default, eff, h * m.experts)
                exp_bytes = sum(t.nbytes for t in out[before:])
                inactive += exp_bytes * (m.experts - m.active_experts) // m.experts
                if m.shared_expert_intermediate_size:
                    sff = m.shared_expert_intermediate_size
                    for mat in mats:
                        add(f"blk.{il}.ffn_{mat}_shexp.weight", il, default, h, sff)
                    add(f"blk.{il}.ffn_down_shexp.weight", il, default, sff, h)

    # Blocks outside the standard shapes (SSM/conv mixers, per-layer embeddings) at the default
    # type, with rows of hidden_size (their input width in every case we know).
    offloadable = 0
    if a.extra_params > 0:
        rows, rest = divmod(a.extra_params, h)
        if rows:
            add("extra.weight", -1, default, h, rows)
        if rest:
            f32("extra.rest", -1, rest)
        if a.offloadable_params:
            ple_t = ggml.shape_fallback(default, h)
            offloadable = round(a.offloadable_params * ggml.bits_per_weight(ple_t) / 8)

    tensors = tuple(out)
    by_type: dict[str, int] = {}
    read: dict[str, int] = {}
    mm: dict[str, int] = {}
    fb: dict[str, int] = {}
    split_groups: set[tuple[int, str]] = set()
    for t in tensors:
        by_type[t.gtype] = by_type.get(t.gtype, 0) + t.nbytes
        if t.rows == 1 and t.gtype == "F32":
            continue  # norms, biases: not matmuls
        c = speed.type_class(t.gtype)
        if t.name == "token_embd.weight":
            if a.tied_embeddings:
                read[c] = read.get(c, 0) + t.nbytes  # read as the output head
            continue
        read[c] = read.get(c, 0) + t.nbytes
        if t.name != "output.weight":
            mm[c] = mm.get(c, 0) + t.ne0 * t.rows
        if t.gtype not in speed.OPENCL_NATIVE_TYPES:
            fb[c] = fb.get(c, 0) + t.nbytes
            split_groups.add((t.layer, _op_group(t.name)))
    return GgufLayout(
        tensors=tensors,
        tensor_bytes=sum(t.nbytes for t in tensors),
        metadata_bytes=metadata_bytes(a, len(tensors)),
        token_embd_bytes=tensors[0].nbytes,
        tied=a.tied_embeddings,
        inactive_expert_bytes=inactive,
        offloadable_bytes=offloadable,
        bytes_by_type=by_type,
        read_bytes_by_class=read,
        matmul_params_by_class=mm,
        opencl_fallback_runs=len(split_groups),
        opencl_fallback_bytes_by_class=fb,
    )
