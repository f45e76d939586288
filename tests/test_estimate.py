"""Hand-computed checks of feasibility.estimator and the byte-exact checks of quant_internals §7."""

from __future__ import annotations

from typing import Any

import pytest
from factories import make_arch, make_model

from feasibility.estimator import Estimate, estimate, ggml, speed
from feasibility.estimator.core import layout_for
from feasibility.estimator.gguf import GgufLayout, build_layout
from feasibility.estimator.group import build_group_layout
from feasibility.estimator.memory import compute_buffer, kv_cache
from feasibility.schema import (
    Architecture,
    Device,
    GgufScheme,
    GroupScheme,
    ModelEntry,
    MoE,
    Quantization,
)

MiB = 1 << 20
SRC = ("https://example.org/source",)


def tiny(**kw: Any) -> Architecture:
    """A 2-layer model small enough to compute by hand."""
    base: dict[str, Any] = dict(
        layers=2,
        hidden_size=256,
        attention_heads=4,
        kv_heads=2,
        head_dim=64,
        intermediate_size=512,
        vocab_size=1024,
        max_context=4096,
        n_merges=1000,
    )
    return make_arch(**{**base, **kw})


def entry(a: Architecture, mid: str = "tiny") -> ModelEntry:
    from feasibility.arch import count_params

    return make_model(
        id=mid,
        name=mid,
        hf_repo="org/" + mid,
        params=count_params(a),
        architecture=a,
        context_tokens=a.max_context,
        license="mit",
        languages=("en",),
    )


def gguf_q(ftype: str) -> Quantization:
    return Quantization(
        id=ftype,
        name=ftype,
        format="gguf",
        weight_bits=4,
        scheme=GgufScheme(ftype=ftype),
        sources=SRC,
    )


def types(layout: GgufLayout) -> dict[str, str]:
    return {t.name: t.gtype for t in layout.tensors}


# ---------------------------------------------------------------- GGML types


@pytest.mark.parametrize(
    ("gtype", "expected"),
    [
        ("F32", 4 * 256),
        ("F16", 2 * 256),
        ("BF16", 2 * 256),
        ("Q4_0", 8 * 18),
        ("Q4_1", 8 * 20),
        ("Q5_0", 8 * 22),
        ("Q5_1", 8 * 24),
        ("Q8_0", 8 * 34),
        ("Q2_K", 84),
        ("Q3_K", 110),
        ("Q4_K", 144),
        ("Q5_K", 176),
        ("Q6_K", 210),
        ("IQ2_XXS", 66),
        ("IQ2_XS", 74),
        ("IQ2_S", 82),
        ("IQ3_XXS", 98),
        ("IQ3_S", 110),
        ("IQ4_NL", 8 * 18),
        ("IQ4_XS", 136),
        ("IQ1_S", 50),
        ("IQ1_M", 56),
        ("TQ1_0", 54),
        ("TQ2_0", 66),
        ("MXFP4", 8 * 17),
    ],
)
def test_type_bytes_per_256_row(gtype: str, expected: int) -> None:
    assert ggml.type_bytes(gtype, 256, 1) == expected
    assert ggml.type_bytes(gtype, 256, 3) == 3 * expected


def test_type_bytes_rejects_partial_block() -> None:
    with pytest.raises(ValueError):
        ggml.type_bytes("Q4_K", 320, 1)


def test_use_more_bits_table() -> None:
    assert [i for i in range(16) if ggml.use_more_bits(i, 16)] == [0, 1, 4, 7, 10, 13, 14, 15]
    assert sum(ggml.use_more_bits(i, 28) for i in range(28)) == 14
    assert [i for i in range(2) if ggml.use_more_bits(i, 2)] == [1]


# ---------------------------------------------------------------- Q4_K_M choices


def test_q4_k_m_types_tiny() -> None:
    lay = build_layout(tiny(), "Q4_K_M")
    t = types(lay)
    assert t["token_embd.weight"] == "Q6_K"  # tied -> output rule
    assert "output.weight" not in t
    assert t["blk.0.attn_v.weight"] == "Q4_K" and t["blk.1.attn_v.weight"] == "Q6_K"  # umb(1, 2)
    assert t["blk.0.ffn_down.weight"] == "Q4_K" and t["blk.1.ffn_down.weight"] == "Q6_K"
    assert t["blk.0.attn_q.weight"] == "Q4_K" and t["blk.0.ffn_gate.weight"] == "Q4_K"
    assert t["output_norm.weight"] == "F32"
    # attn_v layer 0: [256 -> 128] Q4_K = 1 block x 144 B x 128 rows
    v0 = next(x for x in lay.tensors if x.name == "blk.0.attn_v.weight")
    assert v0.nbytes == 144 * 128
    # token_embd: 1024 rows x 210 B
    assert lay.token_embd_bytes == 1024 * 210
    assert lay.resident_weight_bytes == lay.tensor_bytes + 1024 * 210


def test_untied_output_and_embedding_types() -> None:
    t = types(build_layout(tiny(tied_embeddings=False), "Q4_K_M"))
    assert t["token_embd.weight"] == "Q4_K"
    assert t["output.weight"] == "Q6_K"
    assert types(build_layout(tiny(tied_embeddings=False), "Q8_0"))["output.weight"] == "Q8_0"


def test_shape_fallback_when_hidden_not_multiple_of_256() -> None:
    lay = build_layout(tiny(hidden_size=320, attention_heads=5, kv_heads=1), "Q4_K_M")
    t = types(lay)
    assert t["blk.0.attn_q.weight"] == "Q5_0"  # Q4_K on ne0 = 320 -> Q5_0
    assert t["blk.1.attn_v.weight"] == "Q8_0"  # Q6_K (umb) -> Q8_0
    assert t["blk.0.ffn_up.weight"] == "Q5_0"
    assert t["blk.0.ffn_down.weight"] == "Q4_K"  # ne0 = 512 is fine
    assert t["token_embd.weight"] == "Q8_0"  # output rule: ne0 % 256 != 0
    q = next(x for x in lay.tensors if x.name == "blk.0.attn_q.weight")
    assert q.nbytes == 10 * 22 * 320


def test_fused_qkv_classic_rule() -> None:
    """Phi-3 files keep the classic attn_qkv column (llama-quant.cpp @8784689f)."""
    t = types(build_layout(tiny(fused_qkv=True, type="phi3"), "Q4_K_M"))
    assert t["blk.0.attn_qkv.weight"] == "Q5_K" and t["blk.1.attn_qkv.weight"] == "Q5_K"
    assert "blk.0.attn_v.weight" not in t


def test_fused_qkv_current_rule_follows_attn_v() -> None:
    """llama.cpp@0c1e57098 ``category_is_attn_v``: attn_qkv takes attn_v's column, use_more_bits
    over the attn_v-like tensors (n = 2: only layer 1)."""
    t = types(build_layout(tiny(fused_qkv=True), "Q4_K_M"))
    assert t["blk.0.attn_qkv.weight"] == "Q4_K" and t["blk.1.attn_qkv.weight"] == "Q6_K"
    assert types(build_layout(tiny(fused_qkv=True), "Q3_K_M"))["blk.1.attn_qkv.weight"] == "Q5_K"


def test_f16_file_keeps_everything_f16() -> None:
    t = types(build_layout(tiny(), "F16"))
    assert {v for k, v in t.items() if k.endswith("weight") and "norm" not in k} == {"F16"}


# ---------------------------------------------------------------- KV cache


def test_kv_gqa_plain_and_llama_cpp_padding() -> None:
    a = tiny()
    assert kv_cache(a, 1000).total == 2 * 2 * 2 * 64 * 1000 * 2
    assert kv_cache(a, 1000, llama_cpp=True).total == 2 * 2 * 2 * 64 * 1024 * 2


def test_kv_sliding_window() -> None:
    a = tiny(sliding_window=128, sliding_window_layers=1)
    kv = kv_cache(a, 1000)
    assert kv.global_bytes == 2 * 128 * 1000 * 2
    assert kv.swa_bytes == 2 * 128 * 128 * 2
    kv = kv_cache(a, 1000, llama_cpp=True, n_ubatch=512)  # pad256(min(1024, 128 + 512)) = 768
    assert kv.swa_bytes == 2 * 128 * 768 * 2
    assert kv.global_bytes == 2 * 128 * 1024 * 2


def test_kv_layers_state_and_q8_0() -> None:
    a = tiny(kv_layers=1, state_bytes=12345)
    assert kv_cache(a, 100).total == 2 * 128 * 100 * 2 + 12345
    assert kv_cache(tiny(), 100, "q8_0").total == 2 * 2 * (128 // 32 * 34) * 100
    assert kv_cache(tiny(), 100, "f32").total == 2 * 2 * 128 * 100 * 4


def test_kv_global_head_dim() -> None:
    a = tiny(sliding_window=64, sliding_window_layers=1, global_head_dim=128)
    kv = kv_cache(a, 100)
    assert kv.global_bytes == 2 * 2 * 128 * 100 * 2
    assert kv.swa_bytes == 2 * 2 * 64 * 64 * 2


def test_compute_buffer_laws() -> None:
    assert compute_buffer(tiny(vocab_size=10_000), 2048) == 4 * 512 * (10_000 + 2 * 256)
    # small vocabulary, wide FFN: 1024 < 10 * 512
    assert compute_buffer(tiny(), 2048) == round(4 * 512 * (1024 + 1.75 * 512))
    assert compute_buffer(tiny(vocab_size=10_000), 100) == 4 * 100 * (10_000 + 2 * 256)


# ---------------------------------------------------------------- group formats


def test_group_format_bytes() -> None:
    s = GroupScheme(bits=4, group_size=64, scale_bytes=2, zero_bytes=2, lm_head="tied")
    lay = build_group_layout(tiny(), s)
    linears = 2 * (256 * 256 * 2 + 2 * 256 * 128 + 3 * 256 * 512)
    assert lay.linear_bytes == linears * 4.5 / 8
    assert lay.embedding_bytes == 1024 * 256 * 4.5 / 8
    assert lay.other_bytes == (2 * 256 * 2 + 256) * 2
    assert lay.weights_bytes == lay.linear_bytes + lay.embedding_bytes + lay.other_bytes


def test_group_tied_stored_twice() -> None:
    s = GroupScheme(
        bits=4,
        group_size=32,
        scale_bytes=2,
        embeddings="float16",
        lm_head="quantized",
        tied_stored_twice=True,
    )
    lay = build_group_layout(tiny(), s)
    assert lay.embedding_bytes == 1024 * 256 * 2
    assert lay.head_bytes == 1024 * 256 * 4.5 / 8
    assert (
        lay.weights_bytes
        == lay.embedding_bytes + lay.head_bytes + lay.linear_bytes + lay.other_bytes
    )


# ---------------------------------------------------------------- speed


def test_decode_formula() -> None:
    """Decode on a CPU with no compute fact is bytes / (η_bw × bandwidth) plus the layer cost."""
    m = entry(tiny())
    q = gguf_q("Q8_0")
    e = estimate(m, q, 100, bandwidth_gbs=10.0, backend="cpu")
    lay = layout_for(m, q)
    read = lay.decode_read_bytes + kv_cache(m.architecture, 100).total
    c = speed.FITTED["arm-cpu"]
    t = read / (c.bw_eff * 10e9) + m.architecture.layers * c.layer_us * 1e-6
    assert e.decode_tps == pytest.approx(1 / t)
    assert estimate(m, q, 100).decode_tps is None
    # group format on an unknown GPU: bandwidth formula with the borrowed family's constants
    g = Quantization(
        id="g4",
        name="g4",
        format="mlx",
        weight_bits=4,
        sources=SRC,
        scheme=GroupScheme(bits=4, group_size=64, scale_bytes=2, zero_bytes=2, lm_head="tied"),
    )
    eg = estimate(m, g, 100, bandwidth_gbs=10.0, backend="gpu")
    lg = layout_for(m, g)
    cg, borrowed = speed.constants("other-gpu")
    assert borrowed and "speed-borrowed" in eg.assumption_codes
    tg = (lg.decode_read_bytes + kv_cache(m.architecture, 100).total) / (
        cg.bw_eff * 10e9
    ) + m.architecture.layers * cg.layer_us * 1e-6
    assert eg.decode_tps == pytest.approx(1 / tg)


def test_k_quants_slower_than_plain_on_a_cpu_with_compute() -> None:
    """With a compute fact, K-quant kernels cost more operations per weight than Q8_0's."""
    m = entry(tiny())
    dev = Device(
        id="d", name="d", vendor="v", kind="phone", os="android", ram_gb=8,
        memory_bandwidth_gbs=50, cpu_cores=1, sources=SRC,
    )  # fmt: skip
    q8 = estimate(m, gguf_q("Q8_0"), 100, device=dev).prefill_tps
    q6 = estimate(m, gguf_q("Q6_K"), 100, device=dev).prefill_tps
    assert q8 is not None and q6 is not None and q6 < q8


def test_moe_memory_total_speed_active() -> None:
    dense = tiny()
    moe = tiny(moe=MoE(experts=4, active_experts=1, expert_intermediate_size=512))
    ld, lm = build_layout(dense, "Q8_0"), build_layout(moe, "Q8_0")
    assert lm.tensor_bytes > 3 * (ld.tensor_bytes - ld.token_embd_bytes) // 2
    assert lm.decode_read_bytes < lm.tensor_bytes - lm.inactive_expert_bytes + 1
    assert lm.inactive_expert_bytes > 0


def test_estimate_shape_and_speed_of_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    m = entry(tiny())
    q = gguf_q("Q4_K_M")
    dev = Device(
        id="d",
        name="d",
        vendor="v",
        kind="phone",
        os="android",
        ram_gb=8,
        memory_bandwidth_gbs=50,
        cpu_cores=8,
        sources=SRC,
    )
    e = estimate(m, q, 2048, device=dev)
    assert isinstance(e, Estimate)
    assert e.backend == "cpu" and e.decode_tps and e.prefill_tps
    assert e.total_bytes == e.weights_bytes + e.kv_cache_bytes + e.compute_bytes + e.overhead_bytes
    assert e.energy_mj_per_token is not None and e.energy_mj_per_token > 0 and e.assumptions
    assert e.ttft_ms is not None and e.prompt_tokens == 2048 - 256
    # Calls stay cheap because the weight layout (the costly part) is built once per (model,
    # quantization), whatever the context: count the layout requests behind 2,000 estimates.
    from feasibility.estimator import core

    calls: list[str] = []
    real = core.layout_store.layout

    def counting(a: object, ftype: str, imatrix: bool = True) -> object:
        calls.append(ftype)
        return real(a, ftype, imatrix)  # type: ignore[arg-type]

    core._CACHE.pop((m.id, q.id), None)
    monkeypatch.setattr(core.layout_store, "layout", counting)
    for i in range(2000):
        estimate(m, q, 1024 + i, device=dev)
    assert calls == ["Q4_K_M"]


# ---------------------------------------------------------------- §7 byte-exact checks

LLAMA_1B = dict(
    type="llama",
    layers=16,
    hidden_size=2048,
    attention_heads=32,
    kv_heads=8,
    head_dim=64,
    intermediate_size=8192,
    vocab_size=128256,
    tied_embeddings=True,
    max_context=131072,
    n_merges=280147,
)
QWEN_05B = dict(
    type="qwen2",
    layers=24,
    hidden_size=896,
    attention_heads=14,
    kv_heads=2,
    head_dim=64,
    intermediate_size=4864,
    vocab_size=151936,
    tied_embeddings=True,
    max_context=32768,
    qkv_bias=True,
    n_merges=151387,
)
GEMMA_1B = dict(
    type="gemma3_text",
    layers=26,
    hidden_size=1152,
    attention_heads=4,
    kv_heads=1,
    head_dim=256,
    intermediate_size=6912,
    vocab_size=262144,
    tied_embeddings=True,
    max_context=32768,
    qk_norm=True,
    sliding_window=512,
    sliding_window_layers=22,
)
PHI_35 = dict(
    type="phi3",
    layers=32,
    hidden_size=3072,
    attention_heads=32,
    kv_heads=32,
    head_dim=96,
    intermediate_size=8192,
    vocab_size=32064,
    tied_embeddings=False,
    max_context=131072,
    fused_qkv=True,
)
QWEN_15B = dict(
    type="qwen2",
    layers=28,
    hidden_size=1536,
    attention_heads=12,
    kv_heads=2,
    head_dim=128,
    intermediate_size=8960,
    vocab_size=151936,
    tied_embeddings=True,
    max_context=32768,
    qkv_bias=True,
    n_merges=151387,
)


def arch(d: dict[str, object]) -> Architecture:
    return Architecture.model_validate(d)


@pytest.mark.parametrize(
    ("ftype", "tensors", "file"),
    [
        ("Q4_K_M", 799_862_912, 807_690_688),
        ("Q6_K", 1_013_969_024, 1_021_796_800),
        ("Q3_K_L", 724_693_120, 732_520_896),
    ],
)
def test_llama_3_2_1b_exact(ftype: str, tensors: int, file: int) -> None:
    lay = build_layout(arch(LLAMA_1B), ftype)
    assert lay.tensor_bytes == tensors
    assert abs(lay.file_bytes - file) / file < 0.001  # metadata is a fitted law


def test_qwen_0_5b_q5_k_m_exact() -> None:
    assert build_layout(arch(QWEN_05B), "Q5_K_M").tensor_bytes == 414_137_856


@pytest.mark.parametrize(
    ("ftype", "mib"),
    [
        ("Q4_K_M", 762.49),
        ("Q5_K_M", 805.68),
        ("Q6_K", 958.64),
        ("Q8_0", 1013.54),
        ("Q4_0", 682.24),
    ],
)
def test_gemma_3_1b_exact(ftype: str, mib: float) -> None:
    lay = build_layout(arch(GEMMA_1B), ftype)
    assert round(lay.tensor_bytes / MiB, 2) == mib
    assert round(lay.token_embd_bytes / MiB, 2) == 306.00
    assert abs(lay.resident_weight_bytes / MiB - (mib + 306.0)) < 0.011


@pytest.mark.parametrize(("ftype", "mib"), [("Q4_K_M", 2281.66), ("Q5_K_M", 2684.15)])
def test_phi_3_5_mini_exact(ftype: str, mib: float) -> None:
    assert round(build_layout(arch(PHI_35), ftype).tensor_bytes / MiB, 2) == mib


@pytest.mark.parametrize(
    ("ftype", "mib"),
    [("Q4_K_M", 1117.26), ("Q5_K_M", 1249.82), ("Q6_K", 1390.67), ("Q8_0", 1801.10)],
)
def test_qwen_1_5b_weights_buffer(ftype: str, mib: float) -> None:
    assert abs(build_layout(arch(QWEN_15B), ftype).resident_weight_bytes / MiB - mib) < 0.015


def test_pocketpal_buffers_gemma_phi() -> None:
    g = kv_cache(arch(GEMMA_1B), 2048, llama_cpp=True)
    assert g.swa_bytes == 22 * MiB and g.global_bytes == 8 * MiB
    assert kv_cache(arch(PHI_35), 2048, llama_cpp=True).total == 768 * MiB
    assert kv_cache(arch(QWEN_15B), 2048, llama_cpp=True).total == 56 * MiB
    assert abs(compute_buffer(arch(GEMMA_1B), 2048) / MiB - 516.5) < 0.05
    assert abs(compute_buffer(arch(QWEN_15B), 2048) / MiB - 302.75) < 0.05
    assert abs(compute_buffer(arch(PHI_35), 2048) / MiB - 90.64) < 0.05
