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

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Final, NamedTuple

from feasibility.estimator import ggml, speed
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

    @cached_property
    def tensors(self) -> tuple[Tensor, ...]:
        """Every tensor in file order, ``blk.N.`` names included (for inspection and tests)."""
        return self.stamp()

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


@lru_cache(maxsize=1024)
def _layer_signatures(
    ftype: str,
    default: str,
    quantized: bool,
    n_layer: int,
    n_att: int,
    n_ffn: int,
    n_gqa: int,
    n_expert: int,
    imatrix: bool,
    fused_qkv: bool,
    moe: bool,
) -> tuple[tuple[bool, bool, str | None, str | None, str | None], ...]:
    """Per layer: which blocks it has and the types of its layer-dependent tensors.

    Depends on the layer counts and the mix only, not on widths, so many models share it.
    """
    out = []
    for il in range(n_layer):
        has_att, has_ffn = il < n_att, il < n_ffn
        dense_ffn = has_ffn and not moe
        if not quantized:
            v = down = gate = default
        else:
            v = ggml.attn_v_type(ftype, default, il, n_att, n_gqa, n_expert, imatrix)
            down = ggml.ffn_down_type(ftype, default, il, n_layer, imatrix)
            gate = ggml.ffn_gate_up_type(ftype, default, il, n_layer)
        out.append(
            (
                has_att,
                has_ffn,
                v if has_att and not fused_qkv else None,
                down if dense_ffn else None,
                gate if dense_ffn else None,
            )
        )
    return tuple(out)


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
        gtype, nbytes = _sized(gtype, ne0, rows)
        out.append(Tensor(name, layer, gtype, ne0, rows, nbytes))

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
    Proto = tuple[str, str, int, int, int]  # name suffix, type, ne0, rows, padded bytes

    def layer_template(il: int) -> tuple[list[Proto], int]:
        """Tensors of layer ``il`` (names without the ``blk.N.`` prefix) and its idle experts."""
        protos: list[Proto] = []

        def q(suffix: str, gtype: str, ne0: int, rows: int) -> None:
            gtype, nbytes = _sized(gtype, ne0, rows)
            protos.append((suffix, gtype, ne0, rows, nbytes))

        def f(suffix: str, n: int) -> None:
            protos.append((suffix, "F32", n, 1, _pad(4 * n)))

        idle = 0
        for k in range(norms):
            f(f"norm{k}.weight", h)
        if il < n_att:
            if a.fused_qkv:
                q("attn_qkv.weight", weight("attn_qkv", il), h, q_out + 2 * kv_out)
            else:
                q("attn_q.weight", weight("attn_q", il), h, q_out)
                q("attn_k.weight", weight("attn_k", il), h, kv_out)
                q("attn_v.weight", weight("attn_v", il), h, kv_out)
            if a.qkv_bias:
                f("attn_q.bias", q_out)
                f("attn_k.bias", kv_out)
                f("attn_v.bias", kv_out)
            if a.qk_norm:
                f("attn_q_norm.weight", hd)
                f("attn_k_norm.weight", hd)
            q("attn_output.weight", weight("attn_output", il), q_out, h)
        if il < n_ffn:
            if a.moe is None:
                if a.gated_ffn:
                    q("ffn_gate.weight", weight("ffn_gate", il), h, ff)
                q("ffn_up.weight", weight("ffn_up", il), h, ff)
                q("ffn_down.weight", weight("ffn_down", il), ff, h)
            else:
                m = a.moe
                eff = m.expert_intermediate_size
                protos.append(("ffn_gate_inp.weight", "F32", h, m.experts, _pad(4 * h * m.experts)))
                before = len(protos)
                mats = ("gate", "up") if a.gated_ffn else ("up",)
                for mat in mats:
                    q(f"ffn_{mat}_exps.weight", default, h, eff * m.experts)
                q("ffn_down_exps.weight", default, eff, h * m.experts)
                exp_bytes = sum(p[4] for p in protos[before:])
                idle = exp_bytes * (m.experts - m.active_experts) // m.experts
                if m.shared_expert_intermediate_size:
                    sff = m.shared_expert_intermediate_size
                    for mat in mats:
                        q(f"ffn_{mat}_shexp.weight", default, h, sff)
                    q("ffn_down_shexp.weight", default, sff, h)
        return protos, idle

    # Layers differ only in the types the layer-dependent rules give attn_v and the FFN
    # matrices (use_more_bits); build each distinct layer once and stamp it per layer.
    Sig = tuple[bool, bool, str | None, str | None, str | None]
    templates: dict[Sig, tuple[list[Proto], int]] = {}
    uses: dict[Sig, int] = {}
    head = list(out)
    out.clear()
    layer_sigs: list[tuple[bool, bool, str | None, str | None, str | None]] = []
    inactive = 0
    sigs = _layer_signatures(
        ftype,
        default,
        quantized,
        n_layer,
        n_att,
        n_ffn,
        n_gqa,
        n_expert,
        imatrix,
        a.fused_qkv,
        a.moe is not None,
    )
    for il, sig in enumerate(sigs):
        tpl = templates.get(sig)
        if tpl is None:
            tpl = templates[sig] = layer_template(il)
        uses[sig] = uses.get(sig, 0) + 1
        layer_sigs.append(sig)
        inactive += tpl[1]

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

    by_type: dict[str, int] = {}
    read: dict[str, int] = {}
    mm: dict[str, int] = {}
    fb: dict[str, int] = {}
    split_runs = 0

    def tally(name: str, gtype: str, ne0: int, rows: int, nbytes: int, times: int) -> set[str]:
        """Add one tensor (``times`` identical copies) to the totals; return its op group."""
        by_type[gtype] = by_type.get(gtype, 0) + nbytes * times
        if rows == 1 and gtype == "F32":
            return set()  # norms, biases: not matmuls
        c = speed.type_class(gtype)
        if name == "token_embd.weight":
            if a.tied_embeddings:
                read[c] = read.get(c, 0) + nbytes * times  # read as the output head
            return set()
        read[c] = read.get(c, 0) + nbytes * times
        if name != "output.weight":
            mm[c] = mm.get(c, 0) + ne0 * rows * times
        if gtype not in speed.OPENCL_NATIVE_TYPES:
            fb[c] = fb.get(c, 0) + nbytes * times
            return {_op_group(name)}
        return set()

    # Non-layer tensors one by one; each distinct layer once, times the layers that share it.
    tail = tuple(out)
    n_layer_tensors = sum(len(templates[sig][0]) * n for sig, n in uses.items())
    layer_bytes = sum(sum(p[4] for p in templates[sig][0]) * n for sig, n in uses.items())
    for t in (*head, *tail):
        split_runs += len(tally(t.name, t.gtype, t.ne0, t.rows, t.nbytes, 1))
    for sig, n in uses.items():
        groups: set[str] = set()
        for proto in templates[sig][0]:
            groups |= tally(*proto, n)
        split_runs += len(groups) * n

    def stamp() -> tuple[Tensor, ...]:
        layers = [
            Tensor(f"blk.{il}.{suffix}", il, gtype, ne0, rows, nbytes)
            for il, sig in enumerate(layer_sigs)
            for suffix, gtype, ne0, rows, nbytes in templates[sig][0]
        ]
        return (*head, *layers, *tail)

    n_tensors = len(head) + n_layer_tensors + len(tail)
    return GgufLayout(
        stamp=stamp,
        n_tensors=n_tensors,
        tensor_bytes=sum(t.nbytes for t in (*head, *tail)) + layer_bytes,
        metadata_bytes=metadata_bytes(a, n_tensors),
        token_embd_bytes=head[0].nbytes,
        tied=a.tied_embeddings,
        inactive_expert_bytes=inactive,
        offloadable_bytes=offloadable,
        bytes_by_type=by_type,
        read_bytes_by_class=read,
        matmul_params_by_class=mm,
        opencl_fallback_runs=split_runs,
        opencl_fallback_bytes_by_class=fb,
    )
