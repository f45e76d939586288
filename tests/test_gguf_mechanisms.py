"""Byte-exact checks of the 2025-26 architecture mechanisms against llama.cpp's source rules.

Every expected figure below is computed by hand from tensor shapes × GGML block sizes (padded to
the 32-byte GGUF alignment), following the source named in each test:

* ``quant@0c1e57098``: ggml-org/llama.cpp src/llama-quant.cpp at commit 0c1e57098 (the copy
  vendored in llama-cpp-python 0.3.36): ``tensor_get_category``, ``llama_tensor_get_type_impl``,
  ``tensor_allows_quantization``.
* ``gemma3n@0c1e57098`` / ``gemma4@0c1e57098``: src/models/gemma3n.cpp and gemma4.cpp
  (``load_arch_tensors``, ``load_arch_hparams``); conversion/gemma.py and conversion/base.py for
  what the converter writes.
* ``recurrent@0c1e57098``: src/llama-hparams.cpp ``n_embd_r``/``n_embd_s`` and
  src/llama-memory-recurrent.cpp (one F32 row of each per sequence and recurrent layer,
  src/llama-model.cpp ``create_memory``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from factories import make_arch

from feasibility.catalog import Catalog, load_catalog
from feasibility.estimator import ggml
from feasibility.estimator.core import gguf_architecture, layout_for
from feasibility.estimator.gguf import GgufLayout, build_layout
from feasibility.estimator.memory import kv_cache
from feasibility.schema import Architecture, GgufScheme

E2B = {
    # google/gemma-3n-E2B-it config.json (text_config)
    "type": "gemma3n",
    "layers": 30,
    "hidden_size": 2048,
    "attention_heads": 8,
    "kv_heads": 2,
    "head_dim": 256,
    "intermediate_size": 8192,
    "vocab_size": 262400,
    "tied_embeddings": True,
    "max_context": 32768,
    "kv_layers": 20,
    "sliding_window": 512,
    "sliding_window_layers": 16,
}
PLE = 262144 * 30 * 256


@pytest.fixture(scope="module")
def catalog() -> Iterator[Catalog]:
    yield load_catalog()


def by_name(lay: GgufLayout) -> dict[str, tuple[str, int]]:
    return {t.name: (t.gtype, t.nbytes) for t in lay.tensors}


def gemma3n(**kw: object) -> Architecture:
    return make_arch(**{**E2B, **kw})


def with_ple() -> Architecture:
    return gemma3n(
        extra_params=PLE,
        offloadable_params=PLE,
        per_layer_input_dim=256,
        altup_inputs=4,
        laurel_rank=64,
    )


@pytest.mark.parametrize(
    ("ftype", "gtype", "block_bytes"),
    [
        ("Q2_K", "Q6_K", 210),  # tied: output rule, default Q2_K -> Q6_K
        ("Q3_K_M", "Q6_K", 210),
        ("Q4_K_M", "Q6_K", 210),
        ("Q5_K_S", "Q6_K", 210),
        ("IQ2_M", "Q5_K", 176),  # IQ2/IQ1/IQ3_XXS mixes -> Q5_K
        ("IQ3_XXS", "Q5_K", 176),
        ("Q8_0", "Q8_0", 8 * 34),  # a Q8_0 default stays Q8_0 (8 blocks of 32 per 256)
    ],
)
def test_per_layer_embeddings_take_the_output_rule_when_tied(
    ftype: str, gtype: str, block_bytes: int
) -> None:
    """quant@0c1e57098: per_layer_token_embd is TOKEN_EMBD; no output.weight => output rule.
    gemma3n@0c1e57098: shape {n_embd_altup * n_layer, n_vocab}; conversion/gemma.py pads the
    table from 262,144 to the full 262,400 rows."""
    t = by_name(build_layout(with_ple(), ftype))
    assert t["per_layer_token_embd.weight"] == (gtype, 262400 * (7680 // 256) * block_bytes)


def test_per_layer_embeddings_untied_take_the_embedding_rule() -> None:
    lay = build_layout(with_ple().model_copy(update={"tied_embeddings": False}), "Q4_K_M")
    assert by_name(lay)["per_layer_token_embd.weight"] == ("Q4_K", 262400 * 30 * 144)


def test_gemma3n_blocks_byte_exact_q4_k_m() -> None:
    """Everything the per-layer embeddings, AltUp and LAuReL add to a Q4_K_M file.

    Globals: per_layer_token_embd Q6_K 262400 x 30 x 210; per_layer_model_proj [2048, 7680] and
    altup_proj / altup_unembd_proj [2048, 2048 x 3] stay 16-bit (tensor_allows_quantization skips
    'per_layer_model_proj' and 'altup'); per_layer_proj_norm F32 [256].
    Per layer: inp_gate [2048 -> 256] and proj [256 -> 2048] Q4_K (144 B per 256); laurel_l/r
    [2048, 64]/[64, 2048] and altup_router [2048, 4] 16-bit ('laurel', 'altup' skipped);
    altup_correct_coef [4, 4] and altup_predict_coef [4, 16] F32 (conversion/base.py); four F32
    [2048] vectors (per_layer_post_norm, altup_correct_scale, altup_router_norm,
    laurel_post_norm).
    """
    globals_ = 262400 * 30 * 210 + 2048 * 7680 * 2 + 256 * 4 + 2 * 2048 * 6144 * 2
    layer = (
        256 * 8 * 144
        + 2048 * 1 * 144
        + 2 * 2048 * 64 * 2
        + 2048 * 4 * 2
        + 16 * 4
        + 64 * 4
        + 4 * 2048 * 4
    )
    assert globals_ + 30 * layer == 1_769_817_472
    base = build_layout(gemma3n(), "Q4_K_M")
    lay = build_layout(with_ple(), "Q4_K_M")
    assert lay.tensor_bytes - base.tensor_bytes == 1_769_817_472
    t = by_name(lay)
    assert t["blk.7.inp_gate.weight"] == ("Q4_K", 294_912)
    assert t["blk.7.laurel_l.weight"] == ("F16", 262_144)
    assert t["altup_proj.weight"] == ("F16", 25_165_824)
    # the table is gathered by row, never streamed per token
    assert lay.offloadable_bytes == 262400 * 30 * 210


def test_gemma4_layers_byte_exact(catalog: Catalog) -> None:
    """gemma4.cpp @0c1e57098, E2B in Q4_K_M: per_layer_token_embd {256 x 35, 262144} Q6_K (tied);
    every fifth layer global with 512-wide heads (attn_q {1536, 8 x 512}); the 20 KV-sharing
    layers (15..34) with a double-wide FFN (n_ff 2 x 6144); use_more_bits over 35 layers bumps
    attn_v 34 and ffn_down 18 to Q6_K. Nothing of extra_params is left unlaid."""
    m = catalog.model("gemma-4-e2b-it")
    lay = layout_for(m, catalog.quantization("Q4_K_M"))
    assert isinstance(lay, GgufLayout)
    t = by_name(lay)
    assert t["per_layer_token_embd.weight"] == ("Q6_K", 262144 * 35 * 210)
    assert t["blk.4.attn_q.weight"] == ("Q4_K", 4096 * 6 * 144)
    assert t["blk.3.attn_q.weight"] == ("Q4_K", 2048 * 6 * 144)
    assert t["blk.4.attn_v.weight"] == ("Q4_K", 512 * 6 * 144)
    assert t["blk.34.attn_v.weight"] == ("Q6_K", 512 * 6 * 210)
    assert t["blk.20.ffn_gate.weight"] == ("Q4_K", 12288 * 6 * 144)
    assert t["blk.14.ffn_gate.weight"] == ("Q4_K", 6144 * 6 * 144)
    assert t["blk.18.ffn_down.weight"] == ("Q6_K", 1536 * 48 * 210)
    assert "extra.weight" not in t


@pytest.mark.parametrize("model_id", ["gemma-4-e2b-it", "gemma-4-e4b-it", "gemma-3n-e2b-it"])
def test_gemma_extra_params_are_the_llama_cpp_tensors(catalog: Catalog, model_id: str) -> None:
    from feasibility.estimator.layers import explicit_extra_params

    a = catalog.model(model_id).architecture
    assert explicit_extra_params(a) == a.extra_params


@pytest.mark.parametrize(
    ("model_id", "kv_layers"), [("gemma-3n-e2b-it", 20), ("gemma-3n-e4b-it", 20)]
)
def test_gemma3n_kv_layers_from_start(catalog: Catalog, model_id: str, kv_layers: int) -> None:
    """gemma3n@0c1e57098: ``hparams.n_layer_kv_from_start = 20`` for both sizes; later layers reuse
    the cache of earlier ones (``has_kv(il)`` false)."""
    assert catalog.model(model_id).architecture.n_kv_layers == kv_layers


def test_gemma3n_kv_bytes_at_4096(catalog: Catalog) -> None:
    """20 cache-owning layers, every fifth global (swa period 5): 4 global x 2 (K, V) x 2 heads x
    256 x 4096 cells x 2 B + 16 sliding x 2 x 512 x pad256(512 + 512) x 2 B."""
    kv = kv_cache(catalog.model("gemma-3n-e2b-it").architecture, 4096, llama_cpp=True)
    assert kv.global_bytes == 4 * 2 * 512 * 4096 * 2 == 33_554_432
    assert kv.swa_bytes == 16 * 2 * 512 * 1024 * 2 == 33_554_432


def test_lm_head_stored_gives_the_untied_file(catalog: Catalog) -> None:
    """Qwen3-0.6B's checkpoint holds lm_head although tie_word_embeddings is true; the Qwen
    converter classes write it (conversion/qwen.py has no tie skip), so the file has
    output.weight (quant@0c1e57098: OUTPUT -> Q6_K) and token_embd takes the embedding rule
    (default Q4_K); llama.cpp allocates no duplicate."""
    m = catalog.model("qwen3-0.6b")
    assert m.lm_head_stored and m.architecture.tied_embeddings
    assert not gguf_architecture(m).tied_embeddings
    lay = layout_for(m, catalog.quantization("Q4_K_M"))
    assert isinstance(lay, GgufLayout)
    t = by_name(lay)
    assert t["output.weight"] == ("Q6_K", 151936 * 4 * 210)
    assert t["token_embd.weight"] == ("Q4_K", 151936 * 4 * 144)
    assert lay.resident_weight_bytes == lay.tensor_bytes


def test_ggml_per_layer_embd_type_rules() -> None:
    assert ggml.per_layer_embd_type("Q4_K_M", "Q4_K", 7680, tied=True) == "Q6_K"
    assert ggml.per_layer_embd_type("Q4_K_M", "Q4_K", 7680, tied=False) == "Q4_K"
    assert ggml.per_layer_embd_type("IQ2_XXS", "IQ2_XXS", 7680, tied=False) == "Q2_K"
    assert ggml.per_layer_embd_type("Q4_0", "Q4_0", 1152, tied=True) == "Q8_0"  # 1152 % 256


def test_gguf_scheme_layouts_are_stable(catalog: Catalog) -> None:
    """The catalog's Gemma 3n entry builds with its explicit per-layer tensors."""
    m = catalog.model("gemma-3n-e2b-it")
    q = catalog.quantization("Q4_K_M")
    assert isinstance(q.scheme, GgufScheme)
    lay = layout_for(m, q)
    assert isinstance(lay, GgufLayout)
    names = {t.name for t in lay.tensors}
    assert "per_layer_token_embd.weight" in names and "extra.weight" not in names


@pytest.mark.parametrize(
    ("model_id", "expected"),
    [
        # Mamba-2: 36 x [(4 - 1) x (3072 + 2 x 1 x 128) + 128 x 3072] x 4 B
        ("granite-4.0-h-1b", 36 * (3 * 3328 + 128 * 3072) * 4),
        ("granite-4.0-h-350m", 28 * (3 * 1792 + 128 * 1536) * 4),
        # LFM2 short convolutions: n_embd x (L_cache - 1), no SSM state
        ("lfm2-1.2b", 10 * 2048 * 2 * 4),
        ("lfm2-2.6b", 22 * 2048 * 2 * 4),
        ("lfm2-350m", 10 * 1024 * 2 * 4),
        # Gated DeltaNet: conv over q, k, v (2 x 16 x 128 + 2048) + 16 value heads of 128 x 128
        ("qwen3.5-2b", 18 * (3 * 6144 + 128 * 2048) * 4),
        ("qwen3.5-4b", 24 * (3 * 8192 + 128 * 4096) * 4),
        # Granite 4.0-H-Tiny: the 1B's mixer (48 heads of 64, state 128) in 36 layers
        ("granite-4.0-h-tiny", 36 * (3 * 3328 + 128 * 3072) * 4),
        # Qwen3.5-9B: 16 key heads and 32 value heads of 128 (conv over 2 x 2048 + 4096)
        ("qwen3.5-9b", 24 * (3 * 8192 + 128 * 4096) * 4),
    ],
)
def test_recurrent_state_llama_cpp(catalog: Catalog, model_id: str, expected: int) -> None:
    """recurrent@0c1e57098: one F32 row of n_embd_r and one of n_embd_s per recurrent layer."""
    a = catalog.model(model_id).architecture
    assert kv_cache(a, 4096, llama_cpp=True).state_bytes == expected


def test_recurrent_state_matches_the_earlier_hand_figures(catalog: Catalog) -> None:
    """The Granite and Qwen3.5 figures the catalog carried (fp32, d_conv - 1 columns) agree with
    the llama.cpp formula; LFM2's (3 columns in bf16) did not, and now follow it."""
    assert kv_cache(catalog.model("granite-4.0-h-1b").architecture, 1).state_bytes == 58_060_800
    assert kv_cache(catalog.model("qwen3.5-0.8b").architecture, 1).state_bytes == 20_201_472
    assert kv_cache(catalog.model("lfm2-1.2b").architecture, 1).state_bytes == 163_840


def test_hybrids_cache_kv_only_on_attention_layers(catalog: Catalog) -> None:
    """llama-model.cpp ``create_memory``: hybrid KV cache filtered to ``!is_recr(il)``."""
    for model_id, att in (("lfm2-1.2b", 6), ("granite-4.0-h-1b", 4), ("qwen3.5-2b", 6)):
        a = catalog.model(model_id).architecture
        assert a.n_kv_layers == att
        kv = kv_cache(a, 1024, llama_cpp=True)
        assert kv.global_bytes == att * 2 * a.kv_heads * a.head_dim * 1024 * 2


def test_onnx_genai_shares_a_tied_embedding(catalog: Catalog) -> None:
    """onnxruntime-genai 0.18.0 builder.py: shared_embeddings defaults to tie_word_embeddings and
    adds Gather to the quantized ops, so a tied model stores one int4 matrix (block 32, fp32 scale
    on CPU: 5 bits per weight) used as embedding and head."""
    from feasibility.estimator.group import GroupLayout

    m = catalog.model("qwen2.5-0.5b-instruct")
    assert m.architecture.tied_embeddings
    lay = layout_for(m, catalog.quantization("onnx-int4"))
    assert isinstance(lay, GroupLayout)
    assert lay.embedding_bytes == 151936 * 896 * 5 // 8
    assert lay.head_bytes == lay.embedding_bytes
    assert lay.weights_bytes == lay.embedding_bytes + lay.linear_bytes + lay.other_bytes


def test_awq_keeps_a_stored_lm_head(catalog: Catalog) -> None:
    """An AWQ checkpoint of a model whose source stores lm_head keeps it, in fp16 like the
    embedding; MLX drops it (one quantized matrix)."""
    from feasibility.estimator.group import GroupLayout

    m = catalog.model("qwen3-0.6b")
    awq = layout_for(m, catalog.quantization("awq-int4"))
    assert isinstance(awq, GroupLayout)
    fp16 = 151936 * 1024 * 2
    assert awq.embedding_bytes == fp16 and awq.head_bytes == fp16
    assert awq.weights_bytes == 2 * fp16 + awq.linear_bytes + awq.other_bytes


def test_qwen3_5_deltanet_layers_byte_exact(catalog: Catalog) -> None:
    """qwen35.cpp @0c1e57098: layer il is Gated DeltaNet unless (il + 1) % 4 == 0; its attn_qkv
    {2048, 2 x 16 x 128 + 2048} is attn_v-like for quant@0c1e57098, so every layer holds one and
    use_more_bits runs over all 24 (layer 0: Q6_K, layer 4: Q4_K). attn_gate, ssm_beta/alpha and
    ssm_out take the default type; ssm_conv1d stays F32. Attention layers fuse the output gate
    into attn_q (2 x 8 x 256 rows)."""
    m = catalog.model("qwen3.5-2b")
    lay = layout_for(m, catalog.quantization("Q4_K_M"))
    assert isinstance(lay, GgufLayout)
    t = by_name(lay)
    assert t["blk.0.attn_qkv.weight"] == ("Q6_K", 6144 * 8 * 210)
    assert t["blk.4.attn_qkv.weight"] == ("Q4_K", 6144 * 8 * 144)
    assert t["blk.4.attn_gate.weight"] == ("Q4_K", 2048 * 8 * 144)
    assert t["blk.4.ssm_beta.weight"] == ("Q4_K", 16 * 8 * 144)
    assert t["blk.4.ssm_conv1d.weight"] == ("F32", 4 * 6144 * 4)
    assert t["blk.4.ssm_out.weight"] == ("Q4_K", 2048 * 8 * 144)
    assert t["blk.3.attn_q.weight"] == ("Q4_K", 4096 * 8 * 144)
    assert t["blk.3.attn_v.weight"] == ("Q4_K", 512 * 8 * 144)
    assert t["blk.23.attn_v.weight"] == ("Q6_K", 512 * 8 * 210)
    assert "blk.3.attn_qkv.weight" not in t and "blk.0.attn_v.weight" not in t
    assert "extra.weight" not in t  # extra_params is exactly the DeltaNet mixers and the gates


def test_qwen3_5_9b_untied_deltanet_byte_exact(catalog: Catalog) -> None:
    """qwen35.cpp @0c1e57098 at the 9B's shapes, Q4_K_M: 32 value heads make attn_qkv
    {4096, 2 x 16 x 128 + 4096} and ssm_beta/alpha {4096, 32}; the untied checkpoint gives
    token_embd the embedding rule (Q4_K) and output.weight the output rule (Q6_K). 32 attn_v-like
    tensors (24 attn_qkv + 8 attn_v): use_more_bits bumps index 0 and the last (layer 31)."""
    m = catalog.model("qwen3.5-9b")
    lay = layout_for(m, catalog.quantization("Q4_K_M"))
    assert isinstance(lay, GgufLayout)
    t = by_name(lay)
    assert t["token_embd.weight"] == ("Q4_K", 248320 * 16 * 144)
    assert t["output.weight"] == ("Q6_K", 248320 * 16 * 210)
    assert t["blk.0.attn_qkv.weight"] == ("Q6_K", 8192 * 16 * 210)
    assert t["blk.4.attn_qkv.weight"] == ("Q4_K", 8192 * 16 * 144)
    assert t["blk.4.ssm_beta.weight"] == ("Q4_K", 32 * 16 * 144)
    assert t["blk.4.ssm_conv1d.weight"] == ("F32", 4 * 8192 * 4)
    assert t["blk.4.ssm_a"] == ("F32", 32 * 4)
    assert t["blk.3.attn_q.weight"] == ("Q4_K", 2 * 16 * 256 * 16 * 144)
    assert t["blk.31.attn_v.weight"] == ("Q6_K", 1024 * 16 * 210)
    assert "extra.weight" not in t


def test_granite_hybrid_mamba2_layer_byte_exact(catalog: Catalog) -> None:
    """granite-hybrid.cpp @0c1e57098 ``load_arch_tensors`` for a recurrent layer of
    granite-4.0-h-tiny (n_embd 1536, d_inner 3072, 48 heads, state 128, 1 group, conv 4), Q4_K_M:
    ssm_in {1536, 2 x 3072 + 2 x 128 + 48} and ssm_out {3072, 1536} at the default type (Q4_K,
    144 B per 256); conv1d {4, 3328} F32 (llama-quant skips ``ssm_conv1d``), its bias, dt bias
    F32 (1-D); ssm_a and ssm_d {1, 48} F32 (no ``weight`` suffix, never quantized); ssm_norm
    {3072, 1} F32. Nothing is left in ``extra.weight``."""
    lay = layout_for(catalog.model("granite-4.0-h-tiny"), catalog.quantization("Q4_K_M"))
    assert isinstance(lay, GgufLayout)
    t = by_name(lay)
    mixer = {
        "ssm_in.weight": ("Q4_K", 6448 * 6 * 144),
        "ssm_conv1d.weight": ("F32", 4 * 3328 * 4),
        "ssm_conv1d.bias": ("F32", 3328 * 4),
        "ssm_dt.bias": ("F32", 48 * 4),
        "ssm_a": ("F32", 48 * 4),
        "ssm_d": ("F32", 48 * 4),
        "ssm_norm.weight": ("F32", 3072 * 4),
        "ssm_out.weight": ("Q4_K", 1536 * 12 * 144),
    }
    assert {k: t[f"blk.4.{k}"] for k in mixer} == mixer
    assert sum(b for _, b in mixer.values()) == 8_304_704
    assert "blk.4.attn_q.weight" not in t and "blk.0.ssm_in.weight" not in t
    assert sum(1 for name in t if name.endswith(".ssm_in.weight")) == 36
    assert "extra.weight" not in t and "extra.rest" not in t
    # the MoE block of every layer: 64 experts of 512, top-6, a 1024-wide shared expert
    assert t["blk.4.ffn_gate_exps.weight"] == ("Q4_K", 64 * 512 * 6 * 144)
    assert t["blk.4.ffn_gate_inp.weight"] == ("F32", 1536 * 64 * 4)
    assert t["token_embd.weight"] == ("Q6_K", 100352 * 6 * 210)


def test_mamba2_without_heads_keeps_the_block_in_extra() -> None:
    """An overlay that gives no SSM head count keeps the mixers as one default-typed block, so
    the total still counts them."""
    from feasibility.schema import RecurrentState

    r = RecurrentState(kind="mamba2", layers=3, d_conv=4, d_inner=512, d_state=16, n_groups=1)
    a = make_arch(
        type="granitemoehybrid",
        layers=4,
        hidden_size=256,
        attention_heads=4,
        kv_heads=2,
        head_dim=64,
        intermediate_size=512,
        vocab_size=1024,
        max_context=4096,
        attention_layers=1,
        extra_params=3 * 256 * 1000,
        recurrent=r,
    )
    t = by_name(build_layout(a, "Q8_0"))
    assert "extra.weight" in t and not any(n.endswith("ssm_in.weight") for n in t)


@pytest.mark.parametrize(
    "model_id", ["granite-4.0-h-350m", "granite-4.0-h-1b", "granite-4.0-h-tiny"]
)
def test_granite_extra_params_are_the_mamba2_tensors(catalog: Catalog, model_id: str) -> None:
    from feasibility.estimator.layers import explicit_extra_params

    a = catalog.model(model_id).architecture
    assert explicit_extra_params(a) == a.extra_params


@pytest.mark.parametrize("model_id", ["qwen3.5-0.8b", "qwen3.5-2b", "qwen3.5-4b", "qwen3.5-9b"])
def test_qwen3_5_extra_params_are_the_llama_cpp_tensors(catalog: Catalog, model_id: str) -> None:
    from feasibility.estimator.layers import explicit_extra_params

    a = catalog.model(model_id).architecture
    assert explicit_extra_params(a) == a.extra_params


def _moe(layers: int) -> Architecture:
    from feasibility.schema import MoE

    return make_arch(
        layers=layers,
        hidden_size=256,
        attention_heads=4,
        kv_heads=2,
        head_dim=64,
        intermediate_size=512,
        vocab_size=1024,
        max_context=4096,
        n_merges=1000,
        moe=MoE(
            experts=4,
            active_experts=2,
            expert_intermediate_size=256,
            shared_expert_intermediate_size=256,
        ),
    )


def test_moe_experts_take_the_ffn_down_column() -> None:
    """quant@0c1e57098 matches categories by substring: ffn_down_exps and ffn_down_shexp are
    FFN_DOWN (layer read from the name when n_expert > 1), so Q4_K_M bumps them on use_more_bits
    layers; the expert gate/up stay at the default."""
    t = by_name(build_layout(_moe(2), "Q4_K_M"))
    assert t["blk.0.ffn_down_exps.weight"] == ("Q4_K", 4 * 256 * 144)
    assert t["blk.1.ffn_down_exps.weight"] == ("Q6_K", 4 * 256 * 210)
    assert t["blk.1.ffn_down_shexp.weight"] == ("Q6_K", 256 * 210)
    assert t["blk.1.ffn_gate_exps.weight"] == ("Q4_K", 4 * 256 * 144)


def test_moe_iq2_ffn_down_counts_tensors_not_layers() -> None:
    """IQ2 mixes compare the running ffn_down count with n_layer / 8: with a shared expert each
    layer holds two, so only layer 0 (counts 0 and 1 < 16 / 8) gets Q2_K."""
    t = by_name(build_layout(_moe(16), "IQ2_XXS"))
    assert t["blk.0.ffn_down_exps.weight"][0] == "Q2_K"
    assert t["blk.0.ffn_down_shexp.weight"][0] == "Q2_K"
    assert t["blk.1.ffn_down_exps.weight"][0] == "IQ2_XXS"


def test_mxfp4_moe_types_experts_mxfp4_and_the_rest_q8_0() -> None:
    t = by_name(build_layout(_moe(2), "MXFP4_MOE"))
    assert t["blk.0.ffn_down_exps.weight"] == ("MXFP4", 4 * 256 * 8 * 17)
    assert t["blk.0.ffn_down_shexp.weight"][0] == "Q8_0"
    assert t["blk.0.attn_q.weight"][0] == "Q8_0"
    assert t["token_embd.weight"][0] == "Q8_0"


def test_eight_expert_rules() -> None:
    """quant@0c1e57098 for n_expert == 8: attn_v and attn_k Q8_0, attn_output Q5_K (Q4_K_M), and
    IQ3_M bumps ffn_down to Q4_K on use_more_bits layers as well as the first eighth."""
    assert ggml.ffn_down_type("IQ3_M", "IQ3_S", 4, 16, True, n_expert=8) == "Q4_K"  # umb(4, 16)
    assert ggml.ffn_down_type("IQ3_M", "IQ3_S", 4, 16, True) == "IQ3_S"
    assert ggml.ffn_down_type("IQ3_M", "IQ3_S", 5, 16, True, n_expert=8) == "IQ3_S"
    assert ggml.attn_v_type("Q4_K_M", "Q4_K", 3, 16, 4, 8, True) == "Q8_0"
    assert ggml.attn_k_type("Q4_K_M", "Q4_K", 8) == "Q8_0"
    assert ggml.attn_output_type("Q4_K_M", "Q4_K", 8) == "Q5_K"


def test_qwen3_5_mtp_block_is_in_the_file_not_in_memory(catalog: Catalog) -> None:
    """conversion/qwen.py @0c1e57098 (_QwenMtpMixin): the converter appends mtp.* as blk.32 unless
    --no-mtp; qwen35.cpp ``load_block_mtp`` creates it with TENSOR_SKIP unless MTP drafting is on,
    so llama-model-loader subtracts its bytes from what it loads. Q4_K_M at the 9B's shapes: a
    gated-attention block (attn_v the 33rd attn_v-like tensor: Q6_K), an FFN (ffn_down 32 of 33:
    Q6_K) and nextn.eh_proj {8192, 4096} at the default Q4_K (144 B per 256)."""
    m = catalog.model("qwen3.5-9b")
    assert m.architecture.mtp_layers == 1
    lay = layout_for(m, catalog.quantization("Q4_K_M"))
    assert isinstance(lay, GgufLayout)
    t = by_name(lay)
    assert t["blk.32.attn_q.weight"] == ("Q4_K", 2 * 16 * 256 * 16 * 144)
    assert t["blk.32.attn_v.weight"] == ("Q6_K", 1024 * 16 * 210)
    assert t["blk.32.ffn_down.weight"] == ("Q6_K", 4096 * 48 * 210)
    assert t["blk.32.nextn.eh_proj.weight"] == ("Q4_K", 4096 * 32 * 144)
    assert t["blk.32.nextn.shared_head_norm.weight"] == ("F32", 4096 * 4)
    mtp = sum(b for name, (_, b) in t.items() if name.startswith("blk.32."))
    assert lay.unloaded_bytes == mtp == 150_980_608
    bare = build_layout(m.architecture.model_copy(update={"mtp_layers": 0}), "Q4_K_M")
    # the 15 tensors of the checkpoint's mtp.* block, one for one
    assert lay.n_tensors - bare.n_tensors == 15
    assert lay.tensor_bytes - bare.tensor_bytes == mtp
    assert lay.resident_weight_bytes == bare.resident_weight_bytes
    assert lay.decode_read_bytes == bare.decode_read_bytes


def test_an_mtp_block_counts_in_llama_quantize_tallies() -> None:
    """llama-quant.cpp @0c1e57098 ``init_quantize_state_counters`` counts every attn_v-like tensor
    of the file and sets n_ffn_down to n_layer_all, MTP blocks included: 15 attn_v-like tensors
    give use_more_bits(1, 15) false, 16 make index 1 (< 16 / 8) a Q6_K one."""
    from feasibility.schema import RecurrentState

    r = RecurrentState(
        kind="gated_deltanet", layers=10, d_conv=4, d_inner=512, d_state=128, n_groups=4
    )
    base = dict(
        type="qwen3_5",
        layers=15,
        hidden_size=512,
        attention_heads=4,
        kv_heads=2,
        head_dim=128,
        intermediate_size=1024,
        vocab_size=4096,
        max_context=4096,
        attention_layers=5,
        recurrent=r,
    )
    without = by_name(build_layout(make_arch(**base), "Q4_K_M"))
    with_mtp = by_name(build_layout(make_arch(**base, mtp_layers=1), "Q4_K_M"))
    assert without["blk.1.attn_qkv.weight"][0] == "Q4_K"
    assert with_mtp["blk.1.attn_qkv.weight"][0] == "Q6_K"


def test_mlx_builds_hold_no_mtp_block(catalog: Catalog) -> None:
    """mlx-lm qwen3_5.py (ml-explore/mlx-lm@d78bf58) ``sanitize`` drops every ``mtp.`` weight, so
    an mlx_lm.convert build is the same with or without the block in the checkpoint."""
    from feasibility.estimator.group import GroupLayout

    m = catalog.model("qwen3.5-9b")
    bare = m.model_copy(
        update={"architecture": m.architecture.model_copy(update={"mtp_layers": 0})}
    )
    q = catalog.quantization("mlx-4bit")
    lay, lay0 = layout_for(m, q), layout_for(bare, q)
    assert isinstance(lay, GroupLayout) and isinstance(lay0, GroupLayout)
    assert lay.weights_bytes == lay0.weights_bytes
