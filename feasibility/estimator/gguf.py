"""GGUF tensor list, per-tensor types and file layout, built from an ``Architecture``.

Why: the file size and the llama.cpp weight buffers follow from the list of tensors, each typed by
llama-quantize's rules (see ``ggml``). We rebuild that list from config.json-level fields
(quant_internals.md §6) instead of interpolating published sizes, so a model nobody measured gets
the same treatment as one that was.

Layout (§3): ``file = header + metadata + tensor infos + Σ pad32(tensor bytes)``. The metadata is
almost all tokenizer: ``19.3 B × (n_vocab + n_merges)`` for byte-level BPE (fitted on Llama-3 and
Qwen2.5, §7) and ``23 B × n_vocab`` for SentencePiece vocabularies (tokens, scores, types), plus
about 70 B of tensor info per tensor.

Architectures of 2025-26 (tensor lists read in llama.cpp@0c1e57098, src/models/*.cpp):
* Gemma 3n/4 per-layer embeddings: one ``per_layer_token_embd`` table ``{dim x n_layer, n_vocab}``
  (typed like the tied output head, see ``ggml.per_layer_embd_type``), a 16-bit
  ``per_layer_model_proj``, and per layer ``inp_gate``/``proj``; Gemma 3n adds AltUp and LAuReL
  blocks that llama-quantize never touches. llama.cpp creates the table in the input layer's CPU
  buffer (memory-mapped by default, so only the gathered rows become resident; Gemma 4 also marks
  it ``TENSOR_READ_LAZY`` for the opt-in lazy mode): it is counted in the weights as llama.cpp
  allocates it and left out of the bytes read per token (``offloadable_bytes``).
* Qwen3.5: Gated DeltaNet layers (``attn_qkv``, ``attn_gate``, ``ssm_*``) interleaved 3:1 with
  gated attention whose ``attn_q`` holds the output gate too; the converter appends each MTP
  block as one more gated-attention block with NextN tensors (``--no-mtp`` leaves it out). It
  counts in llama-quantize's attn_v and ffn_down tallies, so it shifts use_more_bits, and it is
  in the file but skipped at load (``unloaded_bytes``).
* Granite 4.0-H: Mamba-2 layers (``ssm_in``/``ssm_out`` at the default type in every mix, the
  convolution, dt, A, D and grouped norm in F32) when the catalog gives the SSM head count.
* LFM2 mixers stay in ``extra.weight`` at the default type: their tensors
  (``shortconv.in_proj``/``out_proj``) take the default type in every mix, and the F32
  convolution kernels they keep are a few thousand parameters per layer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Final, NamedTuple

from feasibility.estimator import ggml, speed
from feasibility.estimator.layers import (
    deltanet_layers,
    deltanet_shapes,
    double_wide_layers,
    explicit_extra_params,
    global_layers,
    has_attention,
    has_ffn,
    layer_kinds,
    mamba2_layers,
    mamba2_shapes,
    ple_width,
)
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
Verified on gemma-3-1b-it Q4_0 (§7). A quantization-aware-trained build (``Quantization.qat_of``)
is laid out without one: its weights were trained onto the Q4_0 grid, and the QAT GGUFs are static
quants so that no tensor leaves it (gemma-3-1b-it QAT Q4_0 requants: 720.43 MB, all ffn_down Q4_0;
the imatrix layout, with three Q4_1 ffn_down, comes out 0.14% over that file)."""

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


class Tensor(NamedTuple):
    """One tensor of the file (a NamedTuple: layouts build tens of thousands of these)."""

    name: str
    layer: int  # -1 for non-layer tensors
    gtype: str
    ne0: int
    rows: int
    nbytes: int  # padded to ALIGNMENT


@dataclass(frozen=True)
class GgufLayout:
    """What a GGUF file holds, and what llama.cpp reads of it per generated token."""

    stamp: Callable[[], tuple[Tensor, ...]] = field(repr=False, compare=False)
    """Builds the full tensor list on demand (the totals below never need it)."""
    n_tensors: int
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
    split that runs on the CPU (see ``speed.Constants.split_ms``)."""
    opencl_fallback_bytes_by_class: dict[str, int] = field(default_factory=dict)
    unloaded_bytes: int = 0
    """Tensors the file holds that llama.cpp does not load by default: Qwen3.5's MTP blocks
    (``TENSOR_SKIP`` unless MTP drafting is on). In ``file_bytes``, not in the memory."""

    @cached_property
    def tensors(self) -> tuple[Tensor, ...]:
        """Every tensor in file order, ``blk.N.`` names included (for inspection and tests)."""
        return self.stamp()

    @property
    def file_bytes(self) -> int:
        return self.tensor_bytes + self.metadata_bytes

    @property
    def resident_weight_bytes(self) -> int:
        """llama.cpp model buffers: tensors + a second token_embd for tied models (§4.1), less
        the tensors it skips at load."""
        dup = self.token_embd_bytes if self.tied else 0
        return self.tensor_bytes - self.unloaded_bytes + dup

    @property
    def decode_read_bytes(self) -> int:
        """Weight bytes streamed per generated token.

        Every matrix except the embedding table (one row is gathered); a tied model reads the
        token_embd copy as its output head. MoE: only active experts; Gemma-3n per-layer
        embeddings are fetched by row, not streamed.
        """
        read = self.tensor_bytes - self.unloaded_bytes - (0 if self.tied else self.token_embd_bytes)
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
    for key, group in (
        ("attn_q", "qkv"),
        ("attn_k", "qkv"),
        ("attn_v", "qkv"),
        ("attn_output", "o"),
        ("ffn_gate", "gu"),
        ("ffn_up", "gu"),
        ("ffn_down", "d"),
    ):
        if key in name:
            return group
    return name


@lru_cache(maxsize=4096)
def _sized(gtype: str, ne0: int, rows: int) -> tuple[str, int]:
    """Type after the shape fallback, and padded bytes (memoized: layers repeat shapes)."""
    gtype = ggml.shape_fallback(gtype, ne0)
    return gtype, _pad(ggml.type_bytes(gtype, ne0, rows))


Proto = tuple[str, str, int, int, int]
"""A layer tensor before its ``blk.N.`` prefix: name suffix, type, ne0, rows, padded bytes."""

Sig = tuple[str, bool, str | None, str | None, str | None]
"""What varies between layers: its kind (``layer_kinds``), has FFN, attn_v (or attn_qkv), ffn_down
and ffn_gate/up types."""


@dataclass(frozen=True)
class _Mix:
    """One file type's per-tensor rules as they apply to one architecture."""

    ftype: str
    default: str
    quantized: bool
    imatrix: bool
    n_layer: int
    n_wv: int
    """attn_v-like tensors (attn_v, attn_qkv): the ``n`` of attn_v's use_more_bits."""
    n_gqa: int
    n_expert: int
    qkv_like_v: bool
    """``attn_qkv`` takes attn_v's column (llama.cpp@0c1e57098) instead of its classic own."""

    @property
    def float16(self) -> str:
        """Type of 2-D tensors llama-quantize never touches (AltUp, LAuReL, per-layer projection):
        the 16-bit type of the converted file (BF16 and F16 weigh the same)."""
        return self.default if self.default in ggml.UNQUANTIZED else "F16"

    def weight(self, kind: str, i: int, *, counter: int | None = None, expert: bool = False) -> str:
        """Type of a weight by role (``kind``) at layer / running index ``i``.

        ``counter``: llama-quantize's running count of ffn_down tensors where it differs from the
        layer (MoE). ``expert``: a 3-D expert tensor (MXFP4_MOE types only those MXFP4, every
        other weight Q8_0).
        """
        if not self.quantized:
            return self.default
        if self.ftype == "MXFP4_MOE":
            return "MXFP4" if expert else "Q8_0"
        f, d = self.ftype, self.default
        if kind == "attn_v" or (kind == "attn_qkv" and self.qkv_like_v):
            return ggml.attn_v_type(f, d, i, self.n_wv, self.n_gqa, self.n_expert, self.imatrix)
        if kind == "attn_qkv":
            return ggml.attn_qkv_type(f, d)
        if kind == "attn_k":
            return ggml.attn_k_type(f, d, self.n_expert)
        if kind == "attn_q":
            return ggml.attn_q_type(f, d)
        if kind == "attn_output":
            return ggml.attn_output_type(f, d, self.n_expert)
        if kind == "ffn_down":
            return ggml.ffn_down_type(f, d, i, self.n_layer, self.imatrix, counter, self.n_expert)
        if kind in ("ffn_gate", "ffn_up"):
            return ggml.ffn_gate_up_type(f, d, i, self.n_layer)
        return d


def _mix(a: Architecture, ftype: str, imatrix: bool) -> _Mix:
    if ftype not in ggml.FTYPE_DEFAULT:
        raise ValueError(f"unknown GGUF file type {ftype!r}")
    default = ggml.FTYPE_DEFAULT[ftype]
    return _Mix(
        ftype=ftype,
        default=default,
        quantized=default not in ggml.UNQUANTIZED,
        imatrix=imatrix,
        n_layer=a.layers + a.mtp_layers,
        n_wv=a.n_attention_layers + len(deltanet_layers(a)) + a.mtp_layers,
        n_gqa=a.attention_heads // a.kv_heads,
        n_expert=a.moe.experts if a.moe else 1,
        qkv_like_v=a.type not in ggml.CLASSIC_QKV_TYPES,
    )


def _deltanet_protos(a: Architecture, m: _Mix, il: int) -> list[Proto]:
    """qwen35.cpp @0c1e57098: attn_qkv {n_embd, 2 key_dim + value_dim} (an attn_v-like tensor for
    llama-quantize), attn_gate, ssm_beta/alpha {n_embd, n_v_heads} and ssm_out at the default type;
    ssm_conv1d F32 (converter), ssm_dt bias, ssm_a and ssm_norm F32."""
    assert a.recurrent is not None
    h, d_conv = a.hidden_size, a.recurrent.d_conv
    conv, value, heads, head_dim = deltanet_shapes(a)
    return [
        _proto("attn_qkv.weight", m.weight("attn_qkv", il), h, conv),
        _proto("attn_gate.weight", m.weight("other", il), h, value),
        ("ssm_conv1d.weight", "F32", d_conv, conv, _pad(4 * d_conv * conv)),
        _f32_proto("ssm_dt.bias", heads),
        _f32_proto("ssm_a", heads),
        _proto("ssm_beta.weight", m.weight("other", il), h, heads),
        _proto("ssm_alpha.weight", m.weight("other", il), h, heads),
        _f32_proto("ssm_norm.weight", head_dim),
        _proto("ssm_out.weight", m.weight("other", il), value, h),
    ]


def _mamba2_protos(a: Architecture, m: _Mix, il: int) -> list[Proto]:
    """granite-hybrid.cpp @0c1e57098: ssm_in {n_embd, d_in_proj} and ssm_out {d_inner, n_embd} at
    the default type; ssm_conv1d {d_conv, channels} F32 (converter and llama-quantize both skip
    it), its bias and ssm_dt.bias F32 (1-D), ssm_a and ssm_d {1, heads} F32 (no ``weight``
    suffix: never quantized), ssm_norm {d_inner / n_group, n_group} F32 (a ``_norm.weight``)."""
    r = a.recurrent
    assert r is not None
    conv, in_proj, heads = mamba2_shapes(a)
    h, groups = a.hidden_size, max(r.n_groups, 1)
    return [
        _proto("ssm_in.weight", m.weight("other", il), h, in_proj),
        ("ssm_conv1d.weight", "F32", r.d_conv, conv, _pad(4 * r.d_conv * conv)),
        _f32_proto("ssm_conv1d.bias", conv),
        _f32_proto("ssm_dt.bias", heads),
        ("ssm_a", "F32", 1, heads, _pad(4 * heads)),
        ("ssm_d", "F32", 1, heads, _pad(4 * heads)),
        ("ssm_norm.weight", "F32", r.d_inner // groups, groups, _pad(4 * r.d_inner)),
        _proto("ssm_out.weight", m.weight("other", il), r.d_inner, h),
    ]


def _nextn_protos(a: Architecture, m: _Mix, il: int) -> list[Proto]:
    """qwen35.cpp @0c1e57098 ``load_block_mtp``: eh_proj {2 n_embd, n_embd} (an OTHER tensor for
    llama-quantize: the default type) and the enorm, hnorm and shared_head.norm vectors the
    converter maps from mtp.pre_fc_norm_embedding/hidden and mtp.norm (conversion/qwen.py)."""
    h = a.hidden_size
    return [
        _proto("nextn.eh_proj.weight", m.weight("other", il), 2 * h, h),
        _f32_proto("nextn.enorm.weight", h),
        _f32_proto("nextn.hnorm.weight", h),
        _f32_proto("nextn.shared_head_norm.weight", h),
    ]


def _tensor(name: str, layer: int, gtype: str, ne0: int, rows: int) -> Tensor:
    gtype, nbytes = _sized(gtype, ne0, rows)
    return Tensor(name, layer, gtype, ne0, rows, nbytes)


def _f32(name: str, layer: int, n: int, rows: int = 1) -> Tensor:
    return Tensor(name, layer, "F32", n, rows, _pad(4 * n * rows))


def _embedding_tensors(a: Architecture, m: _Mix) -> list[Tensor]:
    """token_embd, output_norm, the output head when the file stores one, rope_freqs."""
    h = a.hidden_size
    if not m.quantized:
        emb_t = m.default
    elif a.tied_embeddings:
        emb_t = ggml.output_type(m.ftype, m.default, h)
    else:
        emb_t = ggml.token_embd_type(m.ftype, m.default, h)
    out = [_tensor("token_embd.weight", -1, emb_t, h, a.vocab_size)]
    out.append(_f32("output_norm.weight", -1, h))
    if not a.tied_embeddings:
        head_t = ggml.output_type(m.ftype, m.default, h) if m.quantized else m.default
        out.append(_tensor("output.weight", -1, head_t, h, a.vocab_size))
    if a.type in ROPE_FREQS_TYPES and a.max_context > 8192:
        out.append(_f32("rope_freqs.weight", -1, a.head_dim // 2))
    return out


def _per_layer_embedding_tensors(a: Architecture, m: _Mix) -> list[Tensor]:
    """Gemma 3n/4 per-layer embeddings (llama-model.cpp, gemma3n.cpp/gemma4.cpp @0c1e57098).

    The table has ``vocab_size`` rows: the Gemma 3n converter pads it, like token_embd, to the
    full vocabulary (conversion/gemma.py). Its type follows the output rule in a tied file
    (``ggml.per_layer_embd_type``); ``per_layer_model_proj`` is never quantized (llama-quant.cpp
    ``tensor_allows_quantization``), so it keeps the converted file's 16-bit type.
    """
    width = ple_width(a)
    if not width:
        return []
    h = a.hidden_size
    ple_t = (
        ggml.per_layer_embd_type(m.ftype, m.default, width, a.tied_embeddings)
        if m.quantized
        else m.default
    )
    out = [
        _tensor("per_layer_token_embd.weight", -1, ple_t, width, a.vocab_size),
        _tensor("per_layer_model_proj.weight", -1, m.float16, h, width),
        _f32("per_layer_proj_norm.weight", -1, a.per_layer_input_dim or 0),
    ]
    if a.altup_inputs:
        n = a.altup_inputs - 1
        out.append(_tensor("altup_proj.weight", -1, m.float16, h, h * n))
        out.append(_tensor("altup_unembd_proj.weight", -1, m.float16, h, h * n))
    return out


def _attention_protos(a: Architecture, m: _Mix, il: int) -> list[Proto]:
    h = a.hidden_size
    hd = a.global_head_dim if il in global_layers(a) and a.global_head_dim else a.head_dim
    q_out, kv_out = a.attention_heads * hd, a.kv_heads * hd
    out: list[Proto] = []
    if a.fused_qkv:
        out.append(_proto("attn_qkv.weight", m.weight("attn_qkv", il), h, q_out + 2 * kv_out))
    else:
        gated = a.recurrent is not None and a.recurrent.kind == "gated_deltanet"
        q_rows = 2 * q_out if gated else q_out  # Qwen3.5 gated attention: q and its gate
        out.append(_proto("attn_q.weight", m.weight("attn_q", il), h, q_rows))
        out.append(_proto("attn_k.weight", m.weight("attn_k", il), h, kv_out))
        out.append(_proto("attn_v.weight", m.weight("attn_v", il), h, kv_out))
    if a.qkv_bias:
        out += [_f32_proto("attn_q.bias", q_out), _f32_proto("attn_k.bias", kv_out)]
        out.append(_f32_proto("attn_v.bias", kv_out))
    if a.qk_norm:
        out += [_f32_proto("attn_q_norm.weight", hd), _f32_proto("attn_k_norm.weight", hd)]
    out.append(_proto("attn_output.weight", m.weight("attn_output", il), q_out, h))
    return out


def _ffn_protos(a: Architecture, m: _Mix, il: int) -> tuple[list[Proto], int]:
    """The layer's FFN tensors and the bytes of its idle experts (MoE)."""
    h = a.hidden_size
    ff = a.intermediate_size * (2 if il in double_wide_layers(a) else 1)
    if a.moe is None:
        out = [_proto("ffn_gate.weight", m.weight("ffn_gate", il), h, ff)] if a.gated_ffn else []
        out.append(_proto("ffn_up.weight", m.weight("ffn_up", il), h, ff))
        out.append(_proto("ffn_down.weight", m.weight("ffn_down", il), ff, h))
        return out, 0
    e = a.moe
    eff, k = e.expert_intermediate_size, _downs_per_layer(a)
    out = [("ffn_gate_inp.weight", "F32", h, e.experts, _pad(4 * h * e.experts))]
    mats = ("gate", "up") if a.gated_ffn else ("up",)
    experts = [
        _proto(
            f"ffn_{mat}_exps.weight", m.weight(f"ffn_{mat}", il, expert=True), h, eff * e.experts
        )
        for mat in mats
    ]
    down = m.weight("ffn_down", il, counter=k * il, expert=True)
    experts.append(_proto("ffn_down_exps.weight", down, eff, h * e.experts))
    idle = sum(p[4] for p in experts) * (e.experts - e.active_experts) // e.experts
    out += experts
    if e.shared_expert_intermediate_size:
        sff = e.shared_expert_intermediate_size
        out += [
            _proto(f"ffn_{mat}_shexp.weight", m.weight(f"ffn_{mat}", il), h, sff) for mat in mats
        ]
        down = m.weight("ffn_down", il, counter=k * il + 1)
        out.append(_proto("ffn_down_shexp.weight", down, sff, h))
    return out, idle


def _downs_per_layer(a: Architecture) -> int:
    """ffn_down tensors per layer: 1 (dense), 1 or 2 for MoE (experts, shared expert).

    llama-quant.cpp @0c1e57098 matches categories by substring, so ``ffn_down_exps`` and
    ``ffn_down_shexp`` both take the ffn_down column (layer read from the name for MoE), and the
    expert gate/up tensors the ffn_gate/ffn_up ones.
    """
    if a.moe is None or not a.moe.shared_expert_intermediate_size:
        return 1
    return 2


def _per_layer_input_protos(a: Architecture, m: _Mix) -> list[Proto]:
    """Gemma 3n/4 per layer: the gate into and projection out of the layer's embedding slice
    (quantized like any OTHER tensor), and Gemma 3n's AltUp and LAuReL blocks (never quantized;
    the converter writes the AltUp coefficient matrices in F32)."""
    dim = a.per_layer_input_dim
    if not dim:
        return []
    h = a.hidden_size
    out = [
        _proto("inp_gate.weight", m.weight("other", 0), h, dim),
        _proto("proj.weight", m.weight("other", 0), dim, h),
        _f32_proto("post_norm.weight", h),
    ]
    if a.altup_inputs:
        n = a.altup_inputs
        out += [
            ("altup_correct_coef.weight", "F32", n, n, _pad(4 * n * n)),
            _f32_proto("altup_correct_scale.weight", h),
            ("altup_predict_coef.weight", "F32", n, n * n, _pad(4 * n * n * n)),
            _proto("altup_router.weight", m.float16, h, n),
            _f32_proto("altup_router_norm.weight", h),
        ]
    if a.laurel_rank:
        r = a.laurel_rank
        out.append(_proto("laurel_l.weight", m.float16, h, r))
        out.append(_proto("laurel_r.weight", m.float16, r, h))
        out.append(_f32_proto("laurel_post_norm.weight", h))
    return out


def _proto(suffix: str, gtype: str, ne0: int, rows: int) -> Proto:
    gtype, nbytes = _sized(gtype, ne0, rows)
    return (suffix, gtype, ne0, rows, nbytes)


def _f32_proto(suffix: str, n: int) -> Proto:
    return (suffix, "F32", n, 1, _pad(4 * n))


def _layer_template(a: Architecture, m: _Mix, il: int) -> tuple[list[Proto], int]:
    """Tensors of layer ``il`` (names without the ``blk.N.`` prefix) and its idle expert bytes."""
    protos = [_f32_proto(f"norm{k}.weight", a.hidden_size) for k in range(_norms(a))]
    idle = 0
    if has_attention(a, il):
        protos += _attention_protos(a, m, il)
    elif il in deltanet_layers(a):
        protos += _deltanet_protos(a, m, il)
    elif il in mamba2_layers(a):
        protos += _mamba2_protos(a, m, il)
    if has_ffn(a, il):
        ffn, idle = _ffn_protos(a, m, il)
        protos += ffn
    if il >= a.layers:
        return protos + _nextn_protos(a, m, il), idle
    protos += _per_layer_input_protos(a, m)
    return protos, idle


def _norms(a: Architecture) -> int:
    return NORMS_PER_LAYER.get(a.type, 2)


@lru_cache(maxsize=1024)
def _layer_signatures(
    m: _Mix, kinds: tuple[str, ...], n_ffn: int, fused_qkv: bool, downs: int
) -> tuple[Sig, ...]:
    """Per layer: which blocks it has and the types of its layer-dependent tensors.

    Depends on the layer counts and the mix only, not on widths, so many models share it.
    ``kinds[il]``: "attention", "deltanet" (its attn_qkv takes the attn_v-like type of its index)
    or "mixer" (no attn_v-like tensor).
    """
    out = []
    for il in range(m.n_layer):
        mixer = kinds[il].split("+")[0]
        ffn = il < n_ffn or mixer == "mtp"
        qkv = fused_qkv or mixer == "deltanet"
        v = m.weight("attn_qkv" if qkv else "attn_v", il) if mixer != "mixer" else None
        out.append(
            (
                kinds[il],
                ffn,
                v,
                "/".join(m.weight("ffn_down", il, counter=downs * il + j) for j in range(downs))
                if ffn
                else None,
                m.weight("ffn_gate", il) if ffn else None,
            )
        )
    return tuple(out)


def _extra_tensors(a: Architecture, m: _Mix) -> tuple[list[Tensor], int]:
    """Blocks outside the standard shapes (SSM/conv mixers, wider layers) at the default type,
    with rows of hidden_size (their input width in every case we know), and the bytes a runtime
    can keep out of fast memory (the per-layer embeddings)."""
    h = a.hidden_size
    rows, rest = divmod(a.extra_params - explicit_extra_params(a), h)
    out = [_tensor("extra.weight", -1, m.default, h, rows)] if rows > 0 else []
    if rows >= 0 and rest:
        out.append(_f32("extra.rest", -1, rest))
    if not a.offloadable_params or ple_width(a):
        return out, 0
    ple_t = ggml.shape_fallback(m.default, h)
    return out, round(a.offloadable_params * ggml.bits_per_weight(ple_t) / 8)


@dataclass
class _Totals:
    """Per-type bytes, streamed bytes and matmul weights per kernel class, OpenCL fallbacks."""

    tied: bool
    by_type: dict[str, int] = field(default_factory=dict)
    read: dict[str, int] = field(default_factory=dict)
    mm: dict[str, int] = field(default_factory=dict)
    fb: dict[str, int] = field(default_factory=dict)
    split_runs: int = 0

    def add(self, name: str, gtype: str, ne0: int, rows: int, nbytes: int, times: int) -> set[str]:
        """Add one tensor (``times`` identical copies); return its op group if it falls back."""
        self.by_type[gtype] = self.by_type.get(gtype, 0) + nbytes * times
        if rows == 1 and gtype == "F32":
            return set()  # norms, biases: not matmuls
        c = speed.type_class(gtype)
        if name in ("token_embd.weight", "per_layer_token_embd.weight"):
            if self.tied and name == "token_embd.weight":
                self.read[c] = self.read.get(c, 0) + nbytes * times  # read as the output head
            return set()
        self.read[c] = self.read.get(c, 0) + nbytes * times
        if name != "output.weight":
            self.mm[c] = self.mm.get(c, 0) + ne0 * rows * times
        if gtype not in speed.OPENCL_NATIVE_TYPES:
            self.fb[c] = self.fb.get(c, 0) + nbytes * times
            return {_op_group(name)}
        return set()

    def add_globals(self, tensors: tuple[Tensor, ...]) -> None:
        for t in tensors:
            self.split_runs += len(self.add(t.name, t.gtype, t.ne0, t.rows, t.nbytes, 1))

    def add_unloaded(self, protos: list[Proto], times: int) -> None:
        """Bytes in the file only: never streamed nor multiplied."""
        for _, gtype, _, _, nbytes in protos:
            self.by_type[gtype] = self.by_type.get(gtype, 0) + nbytes * times

    def add_layer(self, protos: list[Proto], times: int) -> None:
        groups: set[str] = set()
        for proto in protos:
            groups |= self.add(*proto, times)
        self.split_runs += len(groups) * times


def build_layout(a: Architecture, ftype: str, imatrix: bool = ASSUME_IMATRIX) -> GgufLayout:
    """Tensor list with llama-quantize's types (§2, see ``ggml``) and padded sizes.

    Layers differ only in the types the layer-dependent rules give attn_v and the FFN matrices
    (use_more_bits), so each distinct layer is built once and stamped per layer.
    """
    m = _mix(a, ftype, imatrix)
    head = (*_embedding_tensors(a, m), *_per_layer_embedding_tensors(a, m))
    extra, offloadable = _extra_tensors(a, m)
    tail = tuple(extra)
    downs = _downs_per_layer(a)
    sigs = _layer_signatures(m, layer_kinds(a), a.n_ffn_layers, a.fused_qkv, downs)
    templates: dict[Sig, tuple[list[Proto], int]] = {}
    uses: dict[Sig, int] = {}
    for il, sig in enumerate(sigs):
        if sig not in templates:
            templates[sig] = _layer_template(a, m, il)
        uses[sig] = uses.get(sig, 0) + 1
    totals = _Totals(tied=a.tied_embeddings)
    totals.add_globals((*head, *tail))
    unloaded = 0
    for sig, n in uses.items():
        if sig[0] == "mtp":
            totals.add_unloaded(templates[sig][0], n)
            unloaded += sum(p[4] for p in templates[sig][0]) * n
        else:
            totals.add_layer(templates[sig][0], n)
    ple = next((t.nbytes for t in head if t.name == "per_layer_token_embd.weight"), 0)
    layer_bytes = sum(sum(p[4] for p in templates[sig][0]) * n for sig, n in uses.items())
    n_tensors = len(head) + len(tail) + sum(len(templates[s][0]) * n for s, n in uses.items())

    def stamp() -> tuple[Tensor, ...]:
        layers = [
            Tensor(f"blk.{il}.{suffix}", il, gtype, ne0, rows, nbytes)
            for il, sig in enumerate(sigs)
            for suffix, gtype, ne0, rows, nbytes in templates[sig][0]
        ]
        return (*head, *layers, *tail)

    return GgufLayout(
        stamp=stamp,
        n_tensors=n_tensors,
        tensor_bytes=sum(t.nbytes for t in (*head, *tail)) + layer_bytes,
        metadata_bytes=metadata_bytes(a, n_tensors),
        token_embd_bytes=head[0].nbytes,
        tied=a.tied_embeddings,
        inactive_expert_bytes=sum(templates[sig][1] for sig in sigs),
        offloadable_bytes=offloadable + ple,
        bytes_by_type=totals.by_type,
        read_bytes_by_class=totals.read,
        matmul_params_by_class=totals.mm,
        opencl_fallback_runs=totals.split_runs,
        opencl_fallback_bytes_by_class=totals.fb,
        unloaded_bytes=unloaded,
    )
