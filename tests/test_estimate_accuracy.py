"""The estimates meet their stated accuracy on the published measurements (accuracy script)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from feasibility.estimator.speed import FITTED

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


def test_twins_count_every_development_row(results: dict[str, dict[str, Any]]) -> None:
    """No speed row is skipped for want of a catalog model: the Apple Metal rows count."""
    assert results["decode_tps"]["skipped"] == 0
    assert results["decode_tps"]["rows"] >= 119


def test_cross_validated_targets(results: dict[str, dict[str, Any]]) -> None:
    """Per backend family, on rows the fit did not see: decode median <= 25 % and worst <= 100 %,
    prefill median <= 40 % (issue targets)."""
    cv = results["cross_validation"]
    assert {k.split(" ")[0] for k in cv} >= {"apple-metal", "arm-cpu", "adreno-opencl", "qnn-htp"}
    for name, s in cv.items():
        if name == "arm-cpu prefill":
            continue  # test_arm_cpu_prefill_transfers_between_device_families
        if name.endswith("decode"):
            assert s["median_pct"] <= 25.0, name
            assert s["worst_pct"] <= 100.0, name
        else:
            assert s["median_pct"] <= 40.0, name


def test_arm_cpu_decode_transfers_between_device_families(
    results: dict[str, dict[str, Any]],
) -> None:
    """llama.cpp's Arm CPU decode, each device family predicted from the other only, meets the
    issue targets (median <= 25 %, worst <= 100 %) once each row counts the threads it ran (the
    phone's harness puts one of 6 threads on an efficiency core)."""
    dec = results["cross_validation"]["arm-cpu decode"]
    assert dec["method"] == "leave one device family out"
    assert dec["median_pct"] <= 25.0 and dec["worst_pct"] <= 100.0


@pytest.mark.xfail(
    strict=True,
    reason=(
        "Known gap: with the Galaxy S23's ggml-Hexagon prefill rows of files the HTP multiplies "
        "left out (speed.HTP_PREFILL_CLASSES), the median is 60 % on 11 rows (73 % with them): "
        "the Raspberry Pi 5's five Q8_0 rows come from a 2024 llama.cpp build, before Q8_0 "
        "weights were repacked for Arm CPUs (llama.cpp pull request 18096), and reach 0.19 of "
        "the board's peak against 0.26-0.35 for the phone's Q4_0/Q8_0 rows and 0.70 for the "
        "Pi's own repacked Q4_0 row, so each device family predicts the other's prefill about "
        "1.6x off; strict, so it fails loudly once a row's build kernels are modelled"
    ),
)
def test_arm_cpu_prefill_transfers_between_device_families(
    results: dict[str, dict[str, Any]],
) -> None:
    """llama.cpp's Arm CPU prefill, each device family predicted from the other only: median
    <= 40 % (issue target)."""
    assert results["cross_validation"]["arm-cpu prefill"]["median_pct"] <= 40.0


def test_hexagon_prefill_rows_fit_only_where_the_cpu_multiplies() -> None:
    """A ggml-Hexagon prefill row enters the Arm CPU fit only when its file has no matrix the HTP
    multiplies (Q4_0/Q8_0/F16: measured 0.45-2.8x the CPU's speed on the Galaxy S23); its decode
    rows all count, as the CPU's."""
    acc = _accuracy()
    cat = acc.Catalogs(ROOT / "data")
    rows, skipped = acc.speed_rows(MEASUREMENTS, cat, {})
    hexagon = [r for r in rows if acc.family(r) == "ggml-hexagon"]
    prefill = [acc.observation(r) for r in hexagon if r.phase == "prefill"]
    assert len([r for r in hexagon if r.phase == "decode"]) == 22
    assert len(prefill) == 12
    assert all(o.family == "arm-cpu" for o in prefill)
    assert not acc._classes(prefill) & {"plain", "float"}
    assert skipped["prefill_tps"] >= 10


def test_apple_metal_is_left_out_by_device_family(results: dict[str, dict[str, Any]]) -> None:
    """Metal is measured on two chip generations: each is predicted from the other only."""
    s = results["cross_validation"]["apple-metal decode"]
    assert s["method"] == "leave one device family out"
    assert s["groups"] == ["Apple M1", "Apple M2"]


def test_one_q4_0_run_predicts_the_device_s_other_quantizations(
    results: dict[str, dict[str, Any]],
) -> None:
    """Calibrated on one Q4_0 run, a device's Q8_0 and F16 speeds come within 20 % (issue goal:
    10-20 %), with family constants fitted without the rows predicted."""
    t = results["calibration_transfer"]
    assert t["apple-metal decode"]["rows"] >= 20
    assert t["apple-metal decode"]["worst_pct"] <= 20.0
    assert t["apple-metal prefill"]["worst_pct"] <= 20.0


def test_cross_validation_never_tests_a_row_it_fitted_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fit inside the cross-validation excludes the rows it is then asked to predict."""
    acc = _accuracy()
    calls: list[set[int]] = []
    real_fit = acc.calibrate.fit
    real_errors = acc.calibrate.errors

    def fit(train: Any, *a: Any, **k: Any) -> Any:
        calls.append({id(o) for o in train})
        return real_fit(train, *a, **k)

    def errors(test: Any, table: Any) -> Any:
        assert calls and not ({id(o) for o in test} & calls[-1])
        return real_errors(test, table)

    monkeypatch.setattr(acc.calibrate, "fit", fit)
    monkeypatch.setattr(acc.calibrate, "errors", errors)
    cat = acc.Catalogs(ROOT / "data")
    rows, _ = acc.speed_rows(MEASUREMENTS, cat, {})
    # The chips with the fewest rows keep the test quick; the code path is the same for all.
    rows = [r for r in rows if r.group in ("Apple M1", "Apple M2", "Snapdragon 8 Gen 3")]
    acc.cross_validation(rows)
    acc.calibration_transfer(rows)
    assert len(calls) >= 10


README_FAMILIES = {
    "Apple Metal": "apple-metal",
    "Arm CPU + ggml Hexagon": "arm-cpu",
    "Arm CPU, other runtimes": "arm-cpu-xnnpack",
    "Adreno OpenCL": "adreno-opencl",
    "Qualcomm HTP": "qnn-htp",
}


def test_readme_quotes_the_cross_validated_figures(results: dict[str, dict[str, Any]]) -> None:
    """Every row of the README's speed table is what the accuracy script computes (rows, median
    and worst, at the precision printed)."""
    import re

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(
        r"^\| ([^|]+?) \| (decode|prefill) \| (\d+) \| ([\d.]+)% \| ([\d.]+)% \| ([^|]+) \|$",
        text,
        flags=re.M,
    )
    assert len(rows) == len(results["cross_validation"])
    for name, phase, n, median, worst, _method in rows:
        fam = next(v for k, v in README_FAMILIES.items() if name.startswith(k))
        s = results["cross_validation"][f"{fam} {phase}"]
        assert int(n) == s["rows"], name
        for quoted, value in ((median, s["median_pct"]), (worst, s["worst_pct"])):
            places = len(quoted.split(".")[1]) if "." in quoted else 0
            assert float(quoted) == pytest.approx(round(value, places), abs=1e-9), (name, phase)


def test_arm_cpu_is_left_out_by_device_family(results: dict[str, dict[str, Any]]) -> None:
    """llama.cpp on Arm CPUs is measured on a phone and a board: each predicted from the other."""
    s = results["cross_validation"]["arm-cpu decode"]
    assert s["method"] == "leave one device family out"
    assert s["groups"] == ["Broadcom BCM2712", "Snapdragon 8 Gen 2"]


def test_shipped_constants_match_the_raspberry_pi_5_rows() -> None:
    """The Raspberry Pi 5's llama-bench decode rows (Q8_0, 1.5-3.8B) come within 10 % with the
    shipped constants: the board the Arm CPU fit was once 1.5x off on."""
    acc = _accuracy()
    cat = acc.Catalogs(ROOT / "data")
    rows, _ = acc.speed_rows(MEASUREMENTS, cat, {})
    pi = [r for r in rows if r.group == "Broadcom BCM2712" and r.phase == "decode"]
    assert len(pi) >= 5
    errs = sorted(e[0] for e in acc.calibrate.errors([acc.observation(r) for r in pi], FITTED))
    assert errs[len(errs) // 2] <= 10.0
