"""The shipped catalog loads, every cross-reference resolves, every template formats."""

from __future__ import annotations

import string
from pathlib import Path

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


def test_catalog_version_is_a_stable_content_hash(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The provenance hash depends on the catalog's content only: not on where the files are or
    on the cache, and it changes when an entry changes."""
    import shutil

    from feasibility import catalog as mod

    shipped = mod.data_dir()
    version = load_catalog().version
    assert len(version) == 12
    copy = tmp_path / "data"
    shutil.copytree(shipped, copy)
    monkeypatch.setenv("FEASIBILITY_CACHE_DIR", "")
    assert load_catalog(directory=copy) is not load_catalog()
    assert load_catalog(directory=copy).version == version
    models = copy / "models.yaml"
    text = models.read_text(encoding="utf-8")
    models.write_text(text.replace("name: MIT License", "name: MIT"), encoding="utf-8")
    mod._load.cache_clear()
    try:
        assert load_catalog(directory=copy).version != version
    finally:
        mod._load.cache_clear()


def test_cached_and_parsed_catalog_are_identical(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The cache of the validated YAML gives exactly the catalog the YAML gives."""
    from feasibility import catalog as mod

    monkeypatch.setenv("FEASIBILITY_CACHE_DIR", str(tmp_path))
    mod._load.cache_clear()
    first = mod.load_catalog()  # parses YAML, writes the cache
    assert list(tmp_path.glob("catalog-*.pickle"))
    mod._load.cache_clear()
    second = mod.load_catalog()  # reads the cache
    monkeypatch.setenv("FEASIBILITY_CACHE_DIR", "")
    mod._load.cache_clear()
    uncached = mod.load_catalog()
    mod._load.cache_clear()
    assert first == second == uncached
    assert first.version == second.version == uncached.version


def test_damaged_cache_is_ignored(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A corrupt cache file is re-parsed from YAML, never an error."""
    from feasibility import catalog as mod

    monkeypatch.setenv("FEASIBILITY_CACHE_DIR", str(tmp_path))
    mod._load.cache_clear()
    mod.load_catalog()
    damaged = list(tmp_path.glob("catalog-*.pickle"))
    assert damaged
    for f in damaged:
        f.write_bytes(b"\x80\x05not a pickle")
    mod._load.cache_clear()
    assert len(mod.load_catalog().models) >= 30
    mod._load.cache_clear()


def test_weights_floor_is_a_lower_bound_for_every_model_and_quantization() -> None:
    """The engine may skip a full estimate only because the floor never exceeds it."""
    from feasibility.estimator import estimate, weights_floor

    cat = load_catalog()
    for m in cat.models.values():
        for q in cat.quantizations.values():
            full = estimate(m, q, 2048)
            floor = weights_floor(m, q, 2048)
            assert floor.total_bytes <= full.weights_bytes, (m.id, q.id)


def test_stored_gguf_layouts_equal_built_ones() -> None:
    """Figures served from the layout store are exactly those a fresh build gives."""
    from dataclasses import fields

    from feasibility.estimator import layout_store
    from feasibility.estimator.gguf import build_layout

    cat = load_catalog()
    for m in list(cat.models.values())[:12]:
        for q in ("Q4_K_M", "Q8_0", "IQ2_M"):
            first = layout_store.layout(m.architecture, q)  # builds or serves
            again = layout_store.layout(m.architecture, q)  # served from the table
            built = build_layout(m.architecture, q)
            for f in fields(built):
                if f.name != "stamp":
                    assert getattr(again, f.name) == getattr(built, f.name), (m.id, q, f.name)
                    assert getattr(first, f.name) == getattr(built, f.name)
            assert again.tensors == built.tensors


def test_a_comment_does_not_change_the_catalog_version(tmp_path: Path) -> None:
    """Reports print the catalog version: editing a comment must not change golden reports."""
    import shutil

    from feasibility import catalog as mod

    copy = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[1] / "data", copy)

    def version() -> str:
        mod._load.cache_clear()
        try:
            return mod.load_catalog(directory=copy).version
        finally:
            mod._load.cache_clear()

    before = version()
    models = copy / "models.yaml"
    text = models.read_text(encoding="utf-8")
    models.write_text("# a new comment\n\n" + text, encoding="utf-8")
    assert version() == before
    models.write_text(text.replace("name: Apache License 2.0", "name: Apache 2"), encoding="utf-8")
    assert version() != before
