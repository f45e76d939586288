"""CPU clusters: the estimate's CPU compute comes from a device's sourced clusters, a regional
variant carries its own chip's CPU, and a phone with a faster sourced CPU is never estimated to
reach its first token later than a slower one."""

from __future__ import annotations

import pytest

from feasibility.catalog import Catalog, load_catalog
from feasibility.estimator import estimate, speed
from feasibility.estimator.core import cpu_gops, performance_cores
from feasibility.schema import Device, DeviceVariant

FALLBACK_NOTE = "CPU clusters not sourced here"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _variant(device: Device, variant_id: str) -> Device:
    return device.as_variant(next(v for v in device.variants if v.id == variant_id))


def test_a_device_with_clusters_computes_from_them_not_from_the_core_count(
    catalog: Catalog,
) -> None:
    """Galaxy S25 (Snapdragon 8 Elite: 2 Oryon prime + 6 Oryon performance, no efficiency
    cores): every core counts at its own clock; the generic per-core clock is not used."""
    s25 = catalog.device("galaxy-s25")
    assert [(c.cores, c.ghz, c.efficiency) for c in s25.cpu_clusters] == [
        (2, 4.32, False),
        (6, 3.53, False),
    ]
    expected = (2 * 4.32 + 6 * 3.53) * speed.ISA_OPS_PER_CYCLE["i8mm"]
    assert cpu_gops(s25) == pytest.approx(expected)
    fallback = s25.cpu_cores * speed.DEFAULT_CORE_GHZ * speed.isa_ops(speed.DEFAULT_ISA)
    assert cpu_gops(s25) != pytest.approx(fallback)
    assert performance_cores(s25) is None  # no efficiency cluster: thread pacing never applies


def test_efficiency_cores_neither_count_nor_hide_the_thread_assumption(catalog: Catalog) -> None:
    """Galaxy S24 (Exynos 2400): 1 + 2 + 3 big cores count, the four Cortex-A520 do not, and
    llama.cpp's thread pacing knows there are six performance cores."""
    s24 = catalog.device("galaxy-s24")
    assert performance_cores(s24) == 6
    big = 3.2 + 2 * 2.9 + 3 * 2.6
    assert cpu_gops(s24) == pytest.approx(big * speed.ISA_OPS_PER_CYCLE["i8mm"])


def test_a_variant_carries_its_own_cpu(catalog: Catalog) -> None:
    """The Galaxy S24 sold with a Snapdragon 8 Gen 3 has 8 cores and that chip's clusters; the
    Exynos 2400 unit keeps 10; the preset itself follows the Exynos variant, as its notes say."""
    s24 = catalog.device("galaxy-s24")
    exynos = _variant(s24, "exynos-2400")
    snapdragon = _variant(s24, "snapdragon-8-gen-3-for-galaxy")
    assert exynos.cpu_cores == 10 and snapdragon.cpu_cores == 8
    assert exynos.cpu_clusters == s24.cpu_clusters
    assert snapdragon.cpu_clusters != s24.cpu_clusters
    assert [c.core for c in snapdragon.cpu_clusters] == ["Cortex-X4", "Cortex-A720", "Cortex-A520"]
    assert cpu_gops(snapdragon) != cpu_gops(exynos)
    s26 = catalog.device("galaxy-s26")
    assert _variant(s26, "exynos-2600").cpu_cores == 10
    assert _variant(s26, "snapdragon-8-elite-gen-5-for-galaxy").cpu_cores == 8


def test_a_variant_without_cpu_facts_keeps_the_devices(catalog: Catalog) -> None:
    s24 = catalog.device("galaxy-s24")
    bare = DeviceVariant(
        id="x", name="X", soc="X", markets=("EU",), sources=("https://example.org",)
    )
    same = s24.as_variant(bare)
    assert same.cpu_clusters == s24.cpu_clusters
    assert same.cpu_isa == s24.cpu_isa
    assert same.cpu_cores == s24.cpu_cores


def test_a_core_count_that_disagrees_with_the_clusters_is_an_error(catalog: Catalog) -> None:
    data = catalog.device("galaxy-s25").model_dump()
    data["cpu_cores"] = 10
    with pytest.raises(ValueError, match="cpu_clusters list 8 cores"):
        Device.model_validate(data)
    variant = catalog.device("galaxy-s24").variants[0].model_dump()
    variant["cpu_cores"] = 8
    with pytest.raises(ValueError, match="cpu_clusters list 10 cores"):
        DeviceVariant.model_validate(variant)


FASTER_CPU_PAIRS = [
    ("galaxy-s25", "galaxy-s24"),  # Snapdragon 8 Elite vs Exynos 2400
    ("galaxy-s26", "galaxy-s25"),  # Snapdragon 8 Elite Gen 5 vs 8 Elite
    ("snapdragon-8-gen-3-ref", "snapdragon-8-gen-2-ref"),
    ("pixel-9", "pixel-7"),  # Tensor G4 (Armv9, i8mm) vs Tensor G2 (Armv8.2)
    ("galaxy-a55", "galaxy-a54"),  # Exynos 1480 vs 1380: same cores, higher clock
]


@pytest.mark.parametrize(("fast", "slow"), FASTER_CPU_PAIRS)
def test_a_faster_sourced_cpu_is_not_estimated_slower_at_prefill(
    catalog: Catalog, fast: str, slow: str
) -> None:
    """Same model, quantization, context and prompt on llama.cpp's CPU backend: the phone whose
    sourced CPU computes more reaches its first token no later."""
    a, b = catalog.device(fast), catalog.device(slow)
    assert a.cpu_clusters and b.cpu_clusters
    assert (cpu_gops(a) or 0) > (cpu_gops(b) or 0)
    m, q = catalog.model("qwen2.5-1.5b-instruct"), catalog.quantization("Q4_0")
    ea = estimate(m, q, 2048, device=a, backend="cpu", prompt_tokens=1024)
    eb = estimate(m, q, 2048, device=b, backend="cpu", prompt_tokens=1024)
    assert ea.ttft_ms is not None and eb.ttft_ms is not None
    assert ea.ttft_ms <= eb.ttft_ms


def test_a_device_without_clusters_says_it_keeps_the_fallback(catalog: Catalog) -> None:
    """Where no source gave the clusters, the speed estimate falls back to the core count at a
    generic clock, and the device's notes tell the reader so."""
    silent = [
        d.id
        for d in catalog.devices.values()
        if not d.cpu_clusters and d.cpu_cores and FALLBACK_NOTE not in d.notes
    ]
    assert not silent, silent
    claimed = [
        d.id for d in catalog.devices.values() if d.cpu_clusters and FALLBACK_NOTE in d.notes
    ]
    assert not claimed, claimed
