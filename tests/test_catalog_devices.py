"""Checks on the device catalog data/devices.yaml (validated against feasibility.schema)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from feasibility.schema import Device, DevicesFile

DEVICES_YAML = Path(__file__).resolve().parent.parent / "data" / "devices.yaml"
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def catalog() -> DevicesFile:
    with DEVICES_YAML.open(encoding="utf-8") as fh:
        return DevicesFile.model_validate(yaml.safe_load(fh))


def test_enough_devices(catalog: DevicesFile) -> None:
    assert len(catalog.devices) >= 35


def test_ids_unique_sorted_kebab(catalog: DevicesFile) -> None:
    ids = [d.id for d in catalog.devices]
    assert len(ids) == len(set(ids)), "duplicate device ids"
    assert ids == sorted(ids), "devices must be sorted by id"
    bad = [i for i in ids if not KEBAB.match(i)]
    assert not bad, f"not kebab-case: {bad}"


def test_platform_model_ids_unique_kebab(catalog: DevicesFile) -> None:
    ids = [p.id for p in catalog.platform_models]
    assert len(ids) == len(set(ids))
    assert all(KEBAB.match(i) for i in ids)


def test_every_device_has_http_source(catalog: DevicesFile) -> None:
    for d in catalog.devices:
        assert d.sources, d.id
        assert all(s.startswith(("http://", "https://")) for s in d.sources), d.id


def test_platform_model_references_resolve(catalog: DevicesFile) -> None:
    known = {p.id: p for p in catalog.platform_models}
    for d in catalog.devices:
        for pm in d.platform_models:
            assert pm in known, f"{d.id}: unknown platform model {pm!r}"
            assert d.os in known[pm].os, f"{d.id}: {pm} is not offered on {d.os}"


def test_platform_models_are_sourced(catalog: DevicesFile) -> None:
    assert {"apple-foundation-models", "gemini-nano-aicore"} <= {
        p.id for p in catalog.platform_models
    }
    for p in catalog.platform_models:
        assert p.sources and all(s.startswith(("http://", "https://")) for s in p.sources)


def test_kinds_cover_main_classes(catalog: DevicesFile) -> None:
    kinds = {d.kind for d in catalog.devices}
    assert {"phone", "tablet", "sbc", "laptop"} <= kinds


def test_enough_apple_and_android(catalog: DevicesFile) -> None:
    apple_mobile = [d for d in catalog.devices if d.os in ("ios", "ipados")]
    android = [d for d in catalog.devices if d.os == "android"]
    assert len(apple_mobile) >= 10
    assert len(android) >= 10


def test_npu_implies_npu_accelerator(catalog: DevicesFile) -> None:
    for d in catalog.devices:
        if d.npu is not None:
            assert "npu" in d.accelerators, d.id
        else:
            assert "npu" not in d.accelerators, d.id


def test_apple_foundation_models_only_on_eligible_os(catalog: DevicesFile) -> None:
    # Apple Intelligence devices run the 26 releases; never claim the model below its minimum OS.
    for d in catalog.devices:
        if "apple-foundation-models" in d.platform_models:
            assert d.vendor == "Apple", d.id
            assert d.os_version is not None and int(d.os_version.split(".")[0]) >= 26, d.id


def test_gemini_nano_only_on_android(catalog: DevicesFile) -> None:
    for d in catalog.devices:
        if "gemini-nano-aicore" in d.platform_models:
            assert d.os == "android", d.id


def test_galaxy_s26_ships_two_chips_as_variants(catalog: DevicesFile) -> None:
    """Snapdragon 8 Elite Gen 5 for Galaxy and Exynos 2600, each with its markets and sources."""
    s26 = next(d for d in catalog.devices if d.id == "galaxy-s26")
    socs = {v.soc for v in s26.variants}
    assert socs == {"Snapdragon 8 Elite Gen 5 for Galaxy", "Exynos 2600"}
    for v in s26.variants:
        assert v.markets and v.gpu and v.npu is not None
        assert {"maker", "reference"} & set(v.source_tiers), v.id
    exynos = next(v for v in s26.variants if v.soc == "Exynos 2600")
    assert exynos.npu is not None and exynos.npu.vendor == "samsung"
    assert exynos.memory_bandwidth_gbs is None  # LPDDR5X speed not published


def test_variant_ids_are_unique_within_a_device() -> None:
    base = {
        "id": "x",
        "name": "X",
        "vendor": "V",
        "kind": "phone",
        "os": "android",
        "ram_gb": 8,
        "sources": ["https://example.org"],
    }
    variant = {"id": "a", "name": "A", "soc": "S", "markets": ["EU"], "sources": ["https://e.org"]}
    with pytest.raises(ValueError, match="duplicate id"):
        Device.model_validate({**base, "variants": [variant, variant]})
    with pytest.raises(ValueError, match="markets"):
        Device.model_validate({**base, "variants": [{**variant, "markets": []}]})
