"""Which layer of an architecture holds what: attention (local or global), Gated DeltaNet,
Mamba-2 or another mixer, a double-wide FFN, and the per-layer embedding table's width.

Why a module of its own: the GGUF layout (``gguf``) and the parameter count laid out tensor by
tensor (``explicit_extra_params``) both follow from these layer maps, read in llama.cpp@0c1e57098
(qwen35.cpp, gemma4.cpp, llama-model.cpp); keeping them apart from the tensor typing keeps each
module readable at once.
"""

from __future__ import annotations

from feasibility.schema import Architecture


def deltanet_layers(a: Architecture) -> tuple[int, ...]:
    """Qwen3.5's Gated DeltaNet layers: every layer but each ``layers / attention_layers``-th
    (llama.cpp qwen35.cpp ``is_recr_impl[i] = (i + 1) % full_attn_interval != 0``)."""
    r = a.recurrent
    if r is None or r.kind != "gated_deltanet":
        return ()
    interval = a.layers // a.n_attention_layers
    return tuple(il for il in range(a.layers) if (il + 1) % interval)


def has_attention(a: Architecture, il: int) -> bool:
    """Attention weights in layer ``il``. Other hybrids are laid out with their attention layers
    first: their types depend on the order of the attn_v tensors, not on where they sit. An MTP
    block (``il >= layers``) is a full-attention block (qwen35.cpp ``load_block_mtp``)."""
    if il >= a.layers:
        return True
    if a.recurrent is not None and a.recurrent.kind == "gated_deltanet":
        return (il + 1) % (a.layers // a.n_attention_layers) == 0
    return il < a.n_attention_layers


def layer_kinds(a: Architecture) -> tuple[str, ...]:
    """Per block of the GGUF file: "attention" ("global" when its heads are wider), "deltanet" or
    "mixer" (an SSM or convolution layer), then "mtp" for each multi-token-prediction block the
    converter appends; "+wide" marks a double-wide FFN."""
    deltanet, wide = set(deltanet_layers(a)), set(double_wide_layers(a))
    globals_ = set(global_layers(a))
    kinds = []
    for il in range(a.layers):
        if has_attention(a, il):
            kind = "global" if il in globals_ else "attention"
        else:
            kind = "deltanet" if il in deltanet else "mixer"
        kinds.append(kind + ("+wide" if il in wide else ""))
    return (*kinds, *("mtp",) * a.mtp_layers)


def has_ffn(a: Architecture, il: int) -> bool:
    """A standard FFN in block ``il``: the first ``n_ffn_layers`` layers and every MTP block."""
    return il < a.n_ffn_layers or il >= a.layers


def global_layers(a: Architecture) -> tuple[int, ...]:
    """Gemma 4 layers whose heads are ``global_head_dim`` wide: every ``period``-th, the period
    read from the cache-owning layers (gemma4.cpp ``is_swa(il)``; E2B: 3 global of 15 -> 5)."""
    n_global = a.n_kv_layers - a.sliding_window_layers
    if a.global_head_dim is None or a.global_head_dim == a.head_dim or n_global <= 0:
        return ()
    period = a.n_kv_layers // n_global
    return tuple(il for il in range(a.layers) if il % period == period - 1)


def double_wide_layers(a: Architecture) -> tuple[int, ...]:
    """gemma4.cpp ``n_ff(il)``: the converter doubles n_ff from the first KV-sharing layer on when
    ``use_double_wide_mlp`` (conversion/gemma.py)."""
    return tuple(range(a.n_kv_layers, a.layers)) if a.double_wide_ffn else ()


def mamba2_layers(a: Architecture) -> tuple[int, ...]:
    """Granite 4.0-H's Mamba-2 layers when their head count is known: every layer without
    attention (granite-hybrid.cpp ``is_recr(i)``: ``n_head_kv(i) == 0``)."""
    r = a.recurrent
    if r is None or r.kind != "mamba2" or r.heads is None:
        return ()
    return tuple(il for il in range(a.layers) if not has_attention(a, il))


def mamba2_shapes(a: Architecture) -> tuple[int, int, int]:
    """(conv channels, ssm_in width, heads) of a Mamba-2 mixer (granite-hybrid.cpp
    ``load_arch_tensors``: ``d_in_proj = 2 d_inner + 2 n_group d_state + n_ssm_head``)."""
    r = a.recurrent
    assert r is not None and r.heads is not None
    conv = r.d_inner + 2 * r.n_groups * r.d_state
    return conv, r.d_inner + conv + r.heads, r.heads


def mamba2_layer_params(a: Architecture) -> int:
    """ssm_in, conv1d weight and bias, dt bias, A, D, the grouped norm and ssm_out."""
    r = a.recurrent
    assert r is not None
    conv, in_proj, heads = mamba2_shapes(a)
    h = a.hidden_size
    return h * in_proj + (r.d_conv + 1) * conv + 3 * heads + r.d_inner + r.d_inner * h


def deltanet_shapes(a: Architecture) -> tuple[int, int, int, int]:
    """(conv channels, value dim, value heads, head dim) of a Gated DeltaNet layer."""
    r = a.recurrent
    assert r is not None
    conv = r.d_inner + 2 * r.n_groups * r.d_state
    return conv, r.d_inner, r.d_inner // r.d_state, r.d_state


def explicit_extra_params(a: Architecture) -> int:
    """The part of ``extra_params`` the layout lays out tensor by tensor: the per-layer embedding
    table, Gated DeltaNet and Mamba-2 mixers and the output gates fused into Qwen3.5's attn_q."""
    n = a.offloadable_params if ple_width(a) else 0
    if mamba2_layers(a):
        n += len(mamba2_layers(a)) * mamba2_layer_params(a)
    if deltanet_layers(a):
        assert a.recurrent is not None
        h, d_conv = a.hidden_size, a.recurrent.d_conv
        conv, value, heads, head_dim = deltanet_shapes(a)
        layer = h * conv + h * value + d_conv * conv + 2 * heads + 2 * h * heads
        layer += head_dim + value * h
        n += len(deltanet_layers(a)) * layer
        n += a.n_attention_layers * h * a.attention_heads * a.head_dim
    if a.global_head_dim:
        extra_dim = a.global_head_dim - a.head_dim
        heads = 2 * a.attention_heads + 2 * a.kv_heads  # q, o; k, v
        n += len(global_layers(a)) * extra_dim * a.hidden_size * heads
    mats = 3 if a.gated_ffn else 2
    n += len(double_wide_layers(a)) * mats * a.hidden_size * a.intermediate_size
    return n


def ple_width(a: Architecture) -> int:
    """Columns of ``per_layer_token_embd``: every layer's slice side by side (llama-model.cpp
    Gemma 3n/4: ``{n_embd_altup * n_layer, n_vocab}``)."""
    return (a.per_layer_input_dim or 0) * a.layers
