"""Checks on the device catalog data/devices.yaml (validated against feasibility.schema)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from feasibility.schema import DevicesFile

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
