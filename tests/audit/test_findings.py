"""One regression test per audit finding on the report's claims (issue: every claim is true)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from feasibility import render
from feasibility.api import check
from feasibility.units import fmt_params, limit_mb, need_mb, rate, rate_floor

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "seed-scenario.yaml"


def _doc(targets: list[dict[str, Any]], **constraints: Any) -> dict[str, Any]:
    return {
        "service": {"tasks": ["chat"], "languages": ["en"], "context_tokens": 4096},
        "targets": targets,
        "constraints": constraints,
    }


def test_why_not_lists_only_models_that_do_not_fit() -> None:
    """A Lunar Lake laptop with a commercial licence: 'why not' named models that fit."""
    a = check(_doc([{"preset": "core-ultra-258v-laptop"}], license="commercial"))
    assert a.why_not and not {r.model for r in a.why_not} & set(a.feasible_models)
    seed = check(str(SEED))
    assert "lfm2-2.6b" in seed.feasible_models
    assert "lfm2-2.6b" not in {r.model for r in seed.why_not}


def test_budget_threshold_admits_and_one_mb_less_does_not() -> None:
    seed = check(str(SEED))
    s = next(s for s in seed.sensitivities if s.kind == "budget" and s.still_fails is None)
    doc = {**_load(SEED)}
    doc["constraints"] = {**doc["constraints"], "memory_budget_mb": int(s.value)}
    assert s.model in check(doc).feasible_models
    doc["constraints"]["memory_budget_mb"] = int(s.value) - 1
    assert s.model not in check(doc).feasible_models


def test_no_budget_proposed_beyond_what_the_device_gives() -> None:
    """A Pi with a speed floor: no 8 GB proposal, and a too-slow model is said to stay too slow."""
    a = check(_doc([{"preset": "rpi-5-8gb"}], memory_budget_mb=2048, min_decode_tps=10))
    cap = 8 * 1024 * 0.75
    for s in a.sensitivities:
        if s.kind == "budget":
            assert int(s.value) <= cap
            if s.still_fails:
                assert "still be below the minimum speed" in render(a, "markdown", "en")
    assert any(s.still_fails for s in a.sensitivities if s.kind == "budget")


def test_speed_unknown_only_when_the_bandwidth_is() -> None:
    """'bandwidth is not published' was said of devices whose bandwidth is known."""
    a = check(_doc([{"preset": "iphone-17-pro"}], memory_budget_mb=1024))
    own = {"os": "linux", "ram_gb": 8, "memory_bandwidth_gbs": 34}
    b = check(_doc([own], memory_budget_mb=1024))
    for x in (a, b):
        verdicts = [(r.rule, r.reason, r.evidence) for r in (*x.rejected, *x.why_not)]
        verdicts += [
            (v.rule, v.reason, v.evidence)
            for r in x.recommendations
            for p in r.targets
            for v in p.rules
        ]
        for rule, reason, ev in verdicts:
            assert "bandwidth is not published" not in reason
            assert ev.get("problem") != "no-bandwidth", (rule, reason)
        md = render(x, "markdown", "en")
        assert "No speed estimate: the device's memory bandwidth is not published" not in md


def test_npu_reasons_name_the_missing_piece() -> None:
    a = check(_doc([{"preset": "galaxy-tab-s10-plus"}], npu="required", runtimes=["litert-lm"]))
    reasons = [r.reason for r in a.rejected if r.rule == "accelerator"]
    assert reasons and not any("cannot use this device's NPU" in r for r in reasons)
    b = check(_doc([{"preset": "iphone-17-pro"}], npu="required", runtimes=["executorch"]))
    et = [
        r.reason
        for r in b.rejected
        if r.rule == "accelerator" and r.quantization.startswith("executorch-8da4w")
    ]
    assert et and all("CPU" in r or "not the NPU" in r for r in et)


def test_rounding_never_contradicts_a_verdict() -> None:
    mib = 1024**2
    assert need_mb(2267 * mib + 1) == 2268 and limit_mb(2267 * mib + 1) == 2267
    assert rate(4.97, 5) == 4.9 and rate(5.0, 5) == 5.0 and rate(5.04, 5.05) < 5.05
    assert rate(5.06, 5.05) >= 5.05
    assert rate_floor(5.0) == 5.0 and rate_floor(0.3) == 0.3 and rate_floor(7.89) == 7.8


def test_headline_is_one_real_build() -> None:
    seed = check(str(SEED))
    for rec in seed.recommendations:
        tight = next(p for p in rec.targets if p.target == rec.tightest_target)
        assert (rec.quantization, rec.runtime, rec.memory) == (
            tight.quantization,
            tight.runtime,
            tight.memory,
        )
        # Each distinct build once, and every target's plan under exactly one of them.
        assert len({(b.quantization, b.runtime) for b in rec.builds}) == len(rec.builds)
        assert sorted(t for b in rec.builds for t in b.targets) == sorted(
            p.target for p in rec.targets
        )


def test_closest_misses_are_full_totals_and_exit_3_lists_the_closest() -> None:
    a = check(_doc([{"preset": "iphone-17-pro"}], memory_budget_mb=150))
    assert not a.recommendations
    mem = [r for r in a.why_not if r.rule == "memory-fit"]
    assert mem and all(
        not r.evidence.get("lower_bound") and "kv_cache_mb" in r.evidence for r in mem
    )
    overs = [r.total_mb - r.budget_mb for r in mem if r.total_mb is not None]
    assert overs[:5] == sorted(overs[:5])  # closest first when nothing fits
    md = render(a, "markdown", "en")
    assert "closest of the" in md


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_template_slips(lang: str) -> None:
    a = check(_doc([{"preset": "rpi-5-8gb"}], memory_budget_mb=2048))
    md = render(a, "markdown", lang)
    assert "all 1 target" not in md and "1종 모두" not in md
    assert "n/a tokens/s" not in md and "about n/a" not in md
    assert md.splitlines()[2].startswith("## 1.")
    assert fmt_params(999_600_000) == "1.00B"
    for rec in a.recommendations:
        if rec.missing_tasks:
            assert any(r.kind == "task-unverified" for r in rec.risk_items)


def _load(path: Path) -> dict[str, Any]:
    import yaml

    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def test_a_model_held_back_by_speed_alone_gets_a_speed_threshold() -> None:
    """A Pi voice assistant at 5 tokens/s: models larger than the first pick that fit the memory
    but decode too slowly were never offered as "would qualify at N tokens/s" (a build the speed
    rule rejected counted as not judged at all). The threshold admits the model and 0.1 tokens/s
    more does not (``test_claims`` re-checks every example's claims on the engine)."""
    a = check(str(ROOT / "examples" / "raspberry-pi-5.yaml"))
    speed = [s for s in a.sensitivities if s.kind == "speed"]
    assert speed, a.sensitivities
    values = [float(s.value) for s in speed]
    assert values == sorted(values, reverse=True)  # the smallest concession first
    assert all(v < 5.0 for v in values)
