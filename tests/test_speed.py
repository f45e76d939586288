"""The speed mechanism: backend families, roofline terms, TTFT, energy (estimator.speed/core)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from feasibility.catalog import load_catalog
from feasibility.estimator import estimate, speed
from feasibility.estimator.core import DEFAULT_OUTPUT_TOKENS
from feasibility.schema import Device

W = speed.Work({"plain": 1e9}, {"plain": 1e9}, 0.0, 20, 0.0)


@pytest.mark.parametrize(
    ("backend", "gpu", "npu", "gguf", "family"),
    [
        ("cpu", None, None, True, "arm-cpu"),
        ("cpu", "intel", None, True, "arm-cpu"),
        ("gpu", "apple", None, True, "apple-metal"),
        ("gpu", "qualcomm", None, True, "adreno-opencl"),
        ("gpu", "arm", None, True, "mali-vulkan"),
        ("gpu", "nvidia", None, False, "cuda"),
        ("gpu", "imagination", None, True, "other-gpu"),
        ("npu", None, "qualcomm", True, "ggml-hexagon"),
        ("npu", None, "qualcomm", False, "qnn-htp"),
        ("npu", None, "apple", False, "ane"),
        ("npu", None, "mediatek", False, "other-npu"),
    ],
)
def test_backend_family(
    backend: str, gpu: str | None, npu: str | None, gguf: bool, family: str
) -> None:
    """Family = memory system x backend, read from the device's GPU/NPU vendor and the format."""
    assert speed.family(backend, gpu, npu, gguf) == family
    assert family in speed.FAMILIES


def test_x86_cpu_family_from_the_chip() -> None:
    """An Intel laptop's CPU is x86 (from its SoC name); a Snapdragon laptop's is Arm."""
    from feasibility.estimator.core import family_of

    cat = load_catalog()
    assert family_of("cpu", cat.device("core-ultra-258v-laptop"), True) == "x86-cpu"
    assert family_of("cpu", cat.device("copilot-pc-x-elite"), True) == "arm-cpu"


def test_every_family_has_constants() -> None:
    """Measured families use their fit; the others borrow a measured family's, and say so."""
    for fam in speed.FAMILIES:
        c, borrowed = speed.constants(fam)
        assert 0 < c.bw_eff <= 1
        assert borrowed == (speed.constants_family(fam) not in speed.FITTED)
    hexagon, borrowed = speed.constants("ggml-hexagon")
    assert not borrowed and hexagon.bw_eff == speed.FITTED["arm-cpu"].bw_eff
    assert hexagon.unmodelled_prefill == frozenset({"plain", "float"})


@pytest.mark.parametrize(
    ("quant", "prefill_known"), [("Q4_0", False), ("Q8_0", False), ("Q4_K_M", True)]
)
def test_ggml_hexagon_prefill_is_unknown_where_the_htp_multiplies(
    quant: str, prefill_known: bool
) -> None:
    """llama.cpp's Hexagon build decodes at the CPU's speed; a file with Q4_0/Q8_0/F16 matrices,
    which it multiplies on the HTP, gets no prefill estimate (measured 0.45-2.8x the CPU's speed
    on the Galaxy S23), and a file whose matrices all stay on the CPU prefills as the CPU."""
    cat = load_catalog()
    m, q, d = cat.model("qwen2.5-1.5b-instruct"), cat.quantization(quant), cat.device("galaxy-s23")
    cpu = estimate(m, q, 2048, device=d, backend="cpu")
    npu = estimate(m, q, 2048, device=d, backend="npu")
    assert npu.speed_family == "ggml-hexagon"
    assert npu.decode_tps == pytest.approx(cpu.decode_tps)
    if prefill_known:
        assert npu.prefill_tps == pytest.approx(cpu.prefill_tps)
    else:
        assert cpu.prefill_tps is not None
        assert npu.prefill_tps is None and npu.ttft_ms is None
        assert "no-prefill" in npu.assumption_codes


def test_roofline_takes_the_longer_term() -> None:
    """Decode is memory-bound until compute is scarce, then compute-bound."""
    c = speed.Constants(bw_eff=0.5, decode_compute_eff=0.5)
    mem_bound = speed.decode_seconds(W, speed.Machine(100.0, 1e6), c)
    assert mem_bound == pytest.approx(1e9 / (0.5 * 100e9))
    compute_bound = speed.decode_seconds(W, speed.Machine(100.0, 100.0), c)
    assert compute_bound == pytest.approx(2e9 / (0.5 * 100e9))
    assert speed.decode_seconds(W, speed.Machine(None, 1e6), c) is None


def test_layer_cost_and_fallbacks_add() -> None:
    """Per-layer cost and the CPU fallback of kernels the backend lacks add to the token time."""
    c = speed.Constants(bw_eff=0.5, layer_us=100.0, split_ms=5.0)
    cpu = speed.Constants(bw_eff=0.25)
    m = speed.Machine(100.0, None)
    base = speed.decode_seconds(W, m, c, cpu)
    assert base == pytest.approx(0.02 + 20 * 100e-6)
    w = W._replace(fallback_bytes_by_class={"plain": 5e8}, fallback_runs=60)
    t = speed.decode_seconds(w, m, c, cpu)
    # half the bytes at the CPU's share, one split per layer (capped at the 20 layers)
    assert t == pytest.approx(5e8 / 50e9 + 5e8 / 25e9 + 20 * 100e-6 + 20 * 5e-3)


def test_npu_ttft_counts_128_token_passes() -> None:
    """Qualcomm NPU builds process the prompt in 128-token passes: 129 tokens cost two passes."""
    c = speed.Constants(bw_eff=0.5, prefill_eff=0.1)
    m = speed.Machine(50.0, 10_000.0)
    one = speed.ttft_seconds(W, m, c, 128, chunked=True)
    two = speed.ttft_seconds(W, m, c, 129, chunked=True)
    assert one is not None and two is not None
    assert two == pytest.approx(2 * one)
    plain = speed.ttft_seconds(W, m, c, 129, chunked=False)
    assert plain == pytest.approx(129 * 2e9 / (0.1 * 10_000e9))


def test_prefill_needs_a_fitted_constant_and_a_compute_fact() -> None:
    """No compute fact or no fitted prefill constant: no prefill figure (never a guess)."""
    assert speed.prefill_seconds(W, speed.Machine(50.0, None), speed.FITTED["apple-metal"]) is None
    assert speed.prefill_seconds(W, speed.Machine(50.0, 1e4), speed.FITTED["qnn-htp"]) is None


def test_estimate_reports_ttft_for_the_service_prompt() -> None:
    """TTFT is the prefill of the prompt (context minus output); a longer prompt takes longer."""
    cat = load_catalog()
    m, q, d = cat.model("qwen2.5-1.5b-instruct"), cat.quantization("Q4_0"), cat.device("galaxy-s23")
    e = estimate(m, q, 4096, device=d, backend="cpu")
    assert e.prompt_tokens == 4096 - DEFAULT_OUTPUT_TOKENS
    assert e.ttft_ms is not None and e.prefill_tps is not None
    assert e.ttft_ms == pytest.approx(e.prompt_tokens / e.prefill_tps * 1e3)
    short = estimate(m, q, 4096, device=d, backend="cpu", prompt_tokens=500)
    assert short.ttft_ms is not None and short.ttft_ms < e.ttft_ms
    assert e.speed_family == "arm-cpu"


def test_energy_is_bytes_and_operations() -> None:
    """Energy per token = DRAM bytes x pJ/byte + operations x pJ/op, with its stated band."""
    cat = load_catalog()
    m, d = cat.model("qwen2.5-1.5b-instruct"), cat.device("galaxy-s23")
    q4 = estimate(m, cat.quantization("Q4_0"), 2048, device=d, backend="cpu")
    q8 = estimate(m, cat.quantization("Q8_0"), 2048, device=d, backend="cpu")
    assert q4.energy_mj_per_token is not None and q8.energy_mj_per_token is not None
    assert q4.energy_mj_per_token < q8.energy_mj_per_token  # fewer bytes moved
    assert q4.energy_uncertainty_pct == speed.ENERGY_UNCERTAINTY_PCT
    assert "energy-model" in q4.assumption_codes
    assert speed.energy_mj_per_token(1e9, 0.0, "cpu") == pytest.approx(20.0)
    none = estimate(m, cat.quantization("Q4_0"), 2048)
    assert none.energy_mj_per_token is None and "no-energy" in none.assumption_codes


def test_moe_reads_active_experts_only() -> None:
    """A MoE model decodes faster than a dense model of its total size on the same device."""
    cat = load_catalog()
    moe = [m for m in cat.models.values() if m.architecture.moe is not None]
    if not moe:
        pytest.skip("no MoE model in the catalog")
    m = moe[0]
    d = cat.device("galaxy-s23")
    e = estimate(m, cat.quantization("Q4_K_M"), 2048, device=d, backend="cpu")
    assert e.decode_tps is not None
    dense_tps = 1 / (e.weights_bytes / (speed.FITTED["arm-cpu"].bw_eff * 67.2e9))
    assert e.decode_tps > dense_tps


def test_fitted_constants_are_finite_and_bounded() -> None:
    """Each fitted family's constants are in range (efficiencies are shares of a peak)."""
    for c in speed.FITTED.values():
        assert 0 < c.bw_eff <= 1 and c.layer_us >= 0 and c.split_ms >= 0
        for v in (c.decode_compute_eff, c.prefill_eff):
            assert v is None or 0 < v <= 1
        assert all(math.isfinite(k) and k > 0 for k in c.class_cost.values())


def _eight_core_phone(prime_ghz: float, **facts: Any) -> Device:
    """A Snapdragon 8 Gen 2-like CPU: one Cortex-X3, four Cortex-A715, three Cortex-A510."""
    from feasibility.schema import CpuCluster
    from tests.factories import make_device

    clusters = (
        CpuCluster(cores=1, core="Cortex-X3", ghz=prime_ghz),
        CpuCluster(cores=4, core="Cortex-A715", ghz=2.8),
        CpuCluster(cores=3, core="Cortex-A510", ghz=2.0, efficiency=True),
    )
    return make_device(cpu_cores=8, cpu_clusters=clusters, **facts)


def test_cpu_compute_from_clusters_skips_efficiency_cores() -> None:
    """Cluster facts give cores x GHz x the ISA's int8 operations per cycle, big cores only."""
    from feasibility.estimator.core import cpu_gops
    from tests.factories import make_device

    d = _eight_core_phone(3.2, cpu_isa=("neon", "dotprod", "i8mm"))
    assert cpu_gops(d) == pytest.approx((3.2 + 4 * 2.8) * speed.ISA_OPS_PER_CYCLE["i8mm"])
    # A generated token is one activation column: SMMLA (i8mm) needs two, so decode runs on SDOT.
    assert cpu_gops(d, decode=True) == pytest.approx(
        (3.2 + 4 * 2.8) * speed.ISA_OPS_PER_CYCLE["dotprod"]
    )
    four = make_device(cpu_cores=4)
    assert cpu_gops(four) == pytest.approx(
        4 * speed.DEFAULT_CORE_GHZ * speed.isa_ops(speed.DEFAULT_ISA)
    )
    assert cpu_gops(make_device()) is None


def test_decode_uses_the_matrix_vector_compute() -> None:
    """An i8mm CPU prefills at twice its decode compute; a dotprod-only CPU at the same."""
    from feasibility.estimator.core import machine
    from tests.factories import make_device

    i8mm = machine(make_device(cpu_cores=4, cpu_isa=("dotprod", "i8mm")), "cpu", 50.0)
    sdot = machine(make_device(cpu_cores=4, cpu_isa=("dotprod",)), "cpu", 50.0)
    assert i8mm.compute_gops == pytest.approx(2 * sdot.compute_gops)
    assert i8mm.decode_gops == pytest.approx(sdot.decode_gops)
    assert i8mm.cpu_gops == pytest.approx(i8mm.decode_gops)


def test_a_thread_on_an_efficiency_core_paces_the_decode_only() -> None:
    """More llama.cpp threads than performance cores slow the decode by the published share and
    leave the prefill alone; up to one thread per performance core, or on a chip without
    efficiency cores, nothing changes."""
    from feasibility.estimator.core import machine, performance_cores
    from feasibility.schema import CpuCluster
    from tests.factories import make_device

    phone = _eight_core_phone(3.36)
    board = make_device(
        cpu_cores=4, cpu_clusters=(CpuCluster(cores=4, core="Cortex-A76", ghz=2.4),)
    )
    assert performance_cores(phone) == 5
    assert performance_cores(board) is None
    c = speed.Constants(bw_eff=0.5, prefill_eff=0.3)
    base = machine(phone, "cpu", 50.0)
    six = machine(phone, "cpu", 50.0, threads=6)
    assert machine(phone, "cpu", 50.0, threads=5).decode_pace == 1.0
    assert machine(board, "cpu", 17.0, threads=4).decode_pace == 1.0
    assert speed.decode_seconds(W, six, c) == pytest.approx(
        speed.decode_seconds(W, base, c) / speed.OVERSUBSCRIBED_DECODE_PACE
    )
    assert speed.prefill_seconds(W, six, c) == speed.prefill_seconds(W, base, c)
    assert 0.55 <= speed.OVERSUBSCRIBED_DECODE_PACE <= 0.7  # the published 30-45 % losses


def test_raspberry_pi_5_cpu_facts_are_its_makers() -> None:
    """Pi 5: 4x Cortex-A76 at 2.4 GHz with dot product and no i8mm (Raspberry Pi's BCM2712
    page; Arm's Cortex-A76 is Armv8.2 with the dot-product extension)."""
    from feasibility.catalog import load_catalog

    for d in (load_catalog().devices[i] for i in ("rpi-5-4gb", "rpi-5-8gb")):
        assert [(c.cores, c.core, c.ghz) for c in d.cpu_clusters] == [(4, "Cortex-A76", 2.4)]
        assert "dotprod" in d.cpu_isa and "i8mm" not in d.cpu_isa


def test_recurrent_state_is_read_every_token() -> None:
    """A hybrid model's fixed recurrent state adds to the bytes read per generated token."""
    w = speed.Work({"plain": 1e9}, {"plain": 1e9}, 5e8, 20, 0.0)
    c = speed.Constants(bw_eff=0.5)
    m = speed.Machine(100.0, None)
    assert speed.decode_seconds(w, m, c) == pytest.approx(1.5e9 / 50e9)
    cat = load_catalog()
    hybrid = [m for m in cat.models.values() if m.architecture.state_bytes]
    if not hybrid:
        pytest.skip("no hybrid model in the catalog")
    from feasibility.estimator.core import layout_for, work

    h = hybrid[0]
    lay = layout_for(h, cat.quantization("Q4_K_M"))
    assert work(lay, h.architecture, 0, 128).kv_bytes == h.architecture.state_bytes


def test_sustained_speed_only_where_published() -> None:
    """Phones get a sustained figure (half the burst, as published); other classes get none."""
    cat = load_catalog()
    m, q = cat.model("qwen2.5-1.5b-instruct"), cat.quantization("Q4_0")
    phone = estimate(m, q, 2048, device=cat.device("galaxy-s23"), backend="cpu")
    assert phone.decode_tps is not None and phone.sustained_decode_tps is not None
    assert phone.sustained_decode_tps == pytest.approx(phone.decode_tps * 0.5)
    assert "sustained-phone" in phone.assumption_codes
    pi = estimate(m, q, 2048, device=cat.device("rpi-5-8gb"), backend="cpu")
    assert pi.sustained_decode_tps is None and "sustained-phone" not in pi.assumption_codes


def test_on_device_completes_a_device_free_estimate() -> None:
    """A memory-only estimate given a phone's speeds equals the estimate on the phone (with its
    sustained speed)."""
    from feasibility.estimator import on_device

    cat = load_catalog()
    m, q, d = cat.model("qwen2.5-1.5b-instruct"), cat.quantization("Q4_0"), cat.device("galaxy-s23")
    base = estimate(m, q, 4096, backend="cpu")
    upd = on_device(base, m, q, device=d, runtime=None, backend="cpu")
    assert upd == estimate(m, q, 4096, device=d, backend="cpu")
    assert upd.sustained_decode_tps is not None


def test_hybrid_layers_split_to_the_cpu_on_adreno_opencl() -> None:
    """Recurrent layers have no OpenCL kernel: each adds a CPU round trip on Adreno, not on the
    CPU backend."""
    from feasibility.estimator.core import layout_for, work

    cat = load_catalog()
    hybrid = [
        m
        for m in cat.models.values()
        if m.architecture.n_attention_layers < m.architecture.layers and m.architecture.moe is None
    ]
    if not hybrid:
        pytest.skip("no hybrid model in the catalog")
    h = hybrid[0]
    lay = layout_for(h, cat.quantization("Q4_0"))
    recurrent = h.architecture.layers - h.architecture.n_attention_layers
    assert work(lay, h.architecture, 0, 1, fallbacks=True).fallback_runs == (
        lay.opencl_fallback_runs + recurrent
    )
    assert work(lay, h.architecture, 0, 1, fallbacks=False).fallback_runs == 0


def test_mlx_metal_speed_matches_the_same_device_comparison() -> None:
    """MLX's Metal backend is estimated with the llama.cpp Metal constants, because one tester
    measured both runtimes on one Mac (benchmarks/measurements/runtime_comparisons.csv): the
    engine's MLX 4-bit / llama.cpp Q4_0 decode ratio must match the measured one within 10%."""
    import csv
    import statistics
    from pathlib import Path

    from feasibility.api import estimate as api_estimate

    path = Path(__file__).parents[1] / "benchmarks/measurements/runtime_comparisons.csv"
    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    by = {(r["quant"], r["prompt_tokens"]): float(r["decode_tps"]) for r in rows}
    measured = statistics.median(
        by[("mlx-4bit", p)] / by[("Q4_0", p)] for q, p in by if q == "mlx-4bit"
    )
    mac = {"context_tokens": 4096, "device": "macbook-air-m2", "backend": "gpu"}
    mlx = api_estimate("llama-3.1-8b-instruct", "mlx-4bit", runtime="mlx", **mac)
    gguf = api_estimate("llama-3.1-8b-instruct", "Q4_0", runtime="llama.cpp", **mac)
    assert mlx.backend == gguf.backend == "gpu"
    assert mlx.decode_tps is not None and gguf.decode_tps is not None
    assert mlx.decode_tps / gguf.decode_tps == pytest.approx(measured, rel=0.10)
