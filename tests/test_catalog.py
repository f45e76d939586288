"""The shipped catalog loads, every cross-reference resolves, every template formats."""

from __future__ import annotations

import string

from feasibility.catalog import load_catalog
from feasibility.pipeline import PLACEHOLDERS
from feasibility.schema import OS_NAMES


def test_catalog_loads_with_the_counts_the_product_promises() -> None:
    """30+ models, 35+ devices, 8+ runtimes; every id sorted."""
    cat = load_catalog()
    assert len(cat.models) >= 30
    assert len(cat.devices) >= 35
    assert len(cat.runtimes) >= 8
    for table in (cat.models, cat.devices, cat.runtimes, cat.quantizations, cat.licenses):
        assert list(table) == sorted(table)


def test_references_resolve() -> None:
    """Model -> licence, runtime -> quantization, device -> platform model and OS."""
    cat = load_catalog()
    for m in cat.models.values():
        assert m.license in cat.licenses
    for r in cat.runtimes.values():
        assert set(r.quantizations) <= set(cat.quantizations)
        assert r.platforms
    for d in cat.devices.values():
        assert d.os in OS_NAMES
        assert set(d.platform_models) <= set(cat.platform_models)


def test_every_model_runs_somewhere() -> None:
    """Each model's architecture is supported by at least one runtime."""
    cat = load_catalog()
    archs = {a for r in cat.runtimes.values() for a in r.architectures}
    missing = [m.id for m in cat.models.values() if m.architecture.type not in archs]
    assert not missing, missing


def test_pipeline_templates_use_known_placeholders_only() -> None:
    """Every command template formats with the documented placeholders."""
    cat = load_catalog()
    fmt = string.Formatter()
    for r in cat.runtimes.values():
        for step in r.pipeline:
            names = {f for _, f, _, _ in fmt.parse(step.command) if f}
            assert names <= set(PLACEHOLDERS), (r.id, step.title, names)


def test_catalog_version_is_a_stable_content_hash() -> None:
    """The provenance hash depends on content only."""
    cat = load_catalog()
    assert len(cat.version) == 12
    assert cat.version == load_catalog().version
