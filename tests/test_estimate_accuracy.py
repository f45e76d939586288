"""The estimates meet their stated accuracy on the published measurements (accuracy script)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
MEASUREMENTS = ROOT / "benchmarks" / "measurements"


def _accuracy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, Any]]:
    if not (MEASUREMENTS / "gguf_sizes.csv").is_file():
        pytest.skip(f"measurements not found at {MEASUREMENTS}")
    if not (ROOT / "data" / "models.yaml").is_file():
        pytest.skip("catalog data/models.yaml not present")
    res: dict[str, dict[str, Any]] = _accuracy().run(MEASUREMENTS)
    return res


def test_file_size(results: dict[str, dict[str, Any]]) -> None:
    s = results["file_size"]
    assert s["rows"] >= 20
    assert s["median_pct"] <= 2.0
    assert s["worst_pct"] <= 6.0


@pytest.mark.parametrize("quantity", ["weights_buffer", "kv_buffer", "compute_buffer"])
def test_buffers(results: dict[str, dict[str, Any]], quantity: str) -> None:
    s = results[quantity]
    assert s["rows"] >= 20
    assert s["median_pct"] <= 5.0


def test_decode(results: dict[str, dict[str, Any]]) -> None:
    s = results["decode_tps"]
    assert s["rows"] >= 20
    assert s["median_pct"] <= 25.0


def test_prefill(results: dict[str, dict[str, Any]]) -> None:
    s = results["prefill_tps"]
    assert s["rows"] >= 10
    assert s["median_pct"] <= 40.0
