"""The one evaluator: its cache keys cover what the rules read, and screen agrees with check.

`check`, `explain` and `screen` share :class:`feasibility.evaluator.Evaluator`. These tests make
its caches safe: every device field a rule, the placement or the estimator reads must be in the
key of the cache that stores its result, and a fleet screened in any order (serially or in
worker processes) gives each device exactly the answer `check` gives for it alone.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feasibility import fleet as fleet_mod
from feasibility.catalog import load_catalog
from feasibility.engine import evaluate
from feasibility.estimator import estimate, on_device
from feasibility.evaluator import (
    ARCH_ONLY,
    ARTIFACT_INPUTS,
    PLACEMENT_INPUTS,
    RUNTIME_PLACEMENT,
    SPEED_INPUTS,
)
from feasibility.fleet import load_service, screen
from feasibility.rules import ESTIMATE_LEVEL, MODEL_LEVEL, PLACEMENT_LEVEL, RULES, artifact
from feasibility.schema import Spec, TargetSpec
from feasibility.targets import resolve

PKG = Path(__file__).resolve().parents[1] / "feasibility"
SERVICE = Path(__file__).parent / "data" / "fleet" / "service.yaml"
DERIVED = {"gpu_vendor": "gpu", "as_variant": "variants"}
"""Device properties computed from a stored field (keyed through that field)."""


def _device_fields(*paths: Path) -> set[str]:
    found: set[str] = set()
    for p in paths:
        found |= set(re.findall(r"\bdevice\.([a-z_][a-z0-9_]*)", p.read_text(encoding="utf-8")))
    return found - {"yaml"}  # "device.yaml" in docstrings


def _rule_file(rule_id: str) -> Path:
    module = next(r for r in RULES if rule_id == r.ID)
    assert module.__file__ is not None
    return Path(module.__file__)


def _covered(fields: set[str], listed: tuple[str, ...]) -> set[str]:
    return {f for f in fields if f not in listed and DERIVED.get(f) not in listed}


def test_placement_key_covers_what_placement_reads() -> None:
    rules = [_rule_file(r) for r in PLACEMENT_LEVEL if r != artifact.ID]
    assert not _covered(_device_fields(PKG / "situation.py", *rules), PLACEMENT_INPUTS)
    assert not _covered(_device_fields(_rule_file(artifact.ID)), ARTIFACT_INPUTS)


def test_estimate_key_covers_what_the_estimator_and_its_rules_read() -> None:
    files = [*sorted((PKG / "estimator").glob("*.py")), *(_rule_file(r) for r in ESTIMATE_LEVEL)]
    files.append(PKG / "scoring.py")
    assert not _covered(_device_fields(*files), SPEED_INPUTS)


def test_rules_shared_across_architectures_read_no_model() -> None:
    """The evaluator caches these per runtime, encoding and placement inputs, for every model."""
    reads = re.compile(r"candidate\.(model|license|artifact|key)\b|\bs\.service\b|\.architecture\b")
    for rid in RUNTIME_PLACEMENT:
        source = _rule_file(rid).read_text(encoding="utf-8")
        assert not reads.findall(source), rid
    assert RUNTIME_PLACEMENT <= PLACEMENT_LEVEL


def test_architecture_rules_read_no_target() -> None:
    """The evaluator caches these per runtime and architecture, for every target."""
    for rid in ARCH_ONLY:
        source = _rule_file(rid).read_text(encoding="utf-8")
        assert not _device_fields(_rule_file(rid)), rid
        assert not re.findall(r"\bs\.(target|service|constraints|backend|placement)\b", source)
    assert ARCH_ONLY <= PLACEMENT_LEVEL


def test_model_level_rules_read_no_device() -> None:
    assert not _device_fields(*(_rule_file(r) for r in MODEL_LEVEL))


def test_on_device_equals_a_full_estimate() -> None:
    """Memory once per build, speeds per device: the same estimate as computing it whole."""
    cat = load_catalog()
    models = [cat.models[m] for m in ("qwen2.5-1.5b-instruct", "granite-4.0-h-1b", "lfm2-1.2b")]
    quants = [cat.quantizations[q] for q in ("Q4_K_M", "IQ2_M", "mlx-4bit", "Q8_0")]
    devices = [cat.devices[d] for d in ("iphone-17-pro", "galaxy-s24", "rpi-5-8gb")]
    runtime = cat.runtimes["llama.cpp"]
    for m in models:
        for q in quants:
            base = estimate(m, q, 4096, runtime=runtime, backend="cpu", prompt_tokens=3584)
            for d in devices:
                for backend in ("cpu", "gpu"):
                    whole = estimate(
                        m, q, 4096, device=d, runtime=runtime, backend=backend, prompt_tokens=3584
                    )
                    split = on_device(
                        base.model_copy(update={"backend": backend}),
                        m,
                        q,
                        device=d,
                        runtime=runtime,
                        backend=backend,
                        prompt_tokens=3584,
                    )
                    assert split == whole, (m.id, q.id, d.id, backend)


# -- screen agrees with check --------------------------------------------------------------------

PRESETS = (
    "iphone-17-pro",
    "galaxy-s24",
    "galaxy-a54",
    "pixel-9",
    "rpi-5-8gb",
    "jetson-orin-nano-super",
    "macbook-air-m3",
)
RAMS = (None, 4, 6, 8, 12, 16)


@cache
def _alone(preset: str, ram: float | None) -> tuple[tuple[str, str, str], ...]:
    """What ``check`` recommends for this one device (model, quantization, runtime)."""
    svc = load_service(SERVICE)
    cat = load_catalog()
    ts = TargetSpec(preset=preset, ram_gb=ram) if ram else TargetSpec(preset=preset)
    a = evaluate(cat, Spec(targets=(ts,), service=svc.service, constraints=svc.constraints))
    return tuple(
        (r.model, r.targets[0].quantization, r.targets[0].runtime) for r in a.recommendations
    )


def _write_fleet(path: Path, rows: list[tuple[str, float | None]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "preset", "ram_gb"])
        for i, (preset, ram) in enumerate(rows):
            w.writerow([f"row-{i}", preset, "" if ram is None else ram])


def _screened(
    path: Path, jobs: int
) -> dict[tuple[str, float | None], tuple[tuple[str, str, str], ...]]:
    cat = load_catalog()
    out = screen(cat, path, load_service(SERVICE), jobs=jobs)
    got = {}
    for g in out.groups:
        assert g.result is not None
        key = (g.spec.preset or "", g.spec.ram_gb)
        got[key] = tuple((p.model, p.quantization, p.runtime) for p in g.result.picks)
    return got


def _known(presets: tuple[str, ...]) -> tuple[str, ...]:
    devices = load_catalog().devices
    return tuple(p for p in presets if p in devices)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(
        st.tuples(st.sampled_from(_known(PRESETS)), st.sampled_from(RAMS)), min_size=2, max_size=6
    )
)
def test_screen_gives_each_device_what_check_gives_it_alone(
    rows: list[tuple[str, float | None]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the row order, serially and in worker processes."""
    monkeypatch.setattr(fleet_mod, "PARALLEL_MIN_SPECS", 2)
    path = tmp_path / "fleet.csv"
    _write_fleet(path, rows)
    for jobs in (1, 2):
        got = _screened(path, jobs)
        for (preset, ram), picks in got.items():
            assert picks == _alone(preset, ram), (preset, ram, jobs)


def test_jetson_then_pi_gets_no_cuda_runtime_on_the_pi(tmp_path: Path) -> None:
    """A cache keyed without the GPU family once gave the Pi the Jetson's CUDA-only MLX."""
    path = tmp_path / "fleet.csv"
    _write_fleet(path, [("jetson-orin-nano-super", None), ("rpi-5-8gb", None)])
    cat = load_catalog()
    out = screen(cat, path, load_service(SERVICE), jobs=1)
    pi = next(g for g in out.groups if g.spec.preset == "rpi-5-8gb")
    assert pi.result is not None
    runtimes = {triple[2] for triple in _triples(pi.result.feasible)}
    assert runtimes and "mlx" not in runtimes
    assert tuple((p.model, p.quantization, p.runtime) for p in pi.result.picks) == _alone(
        "rpi-5-8gb", None
    )


def _triples(feasible: frozenset[int]) -> list[tuple[str, str, str]]:
    from feasibility.fleet import Screener

    svc = load_service(SERVICE)
    triples = Screener(load_catalog(), svc.service, svc.constraints).triples
    return [triples[i] for i in sorted(feasible)]


def test_a_reference_build_looked_up_first_keeps_its_own_artifact() -> None:
    """An unmeasured runtime's speed cap looks up llama.cpp's build of the same model; that
    lookup once cached the llama.cpp placement of a build without its artifact, so the published
    build was later reported as merely converted (and a report linked nothing: ``<>``)."""
    from feasibility.evaluator import Evaluator

    cat = load_catalog()
    spec = Spec.model_validate(
        {"targets": [{"preset": "iphone-17-pro"}], "service": {"tasks": ["chat"]}}
    )
    ((target, _),) = resolve(spec, cat, "t")
    shared = Evaluator(cat, spec.service, spec.constraints)
    shared.options(target)  # every runtime, in candidate order: the caps come first
    llama = [c for c in shared.candidates if c.runtime.id == "llama.cpp" and c.artifact]
    assert any(c.artifact.status == "published" for c in llama if c.artifact)
    for c in llama:
        fresh = Evaluator(cat, spec.service, spec.constraints)
        assert shared.placement(c, target) == fresh.placement(c, target), c.key


def test_one_quality_accessor_serves_the_score_and_the_tie_break() -> None:
    """The score's quality term, the ranking's tie-break (check and screen) and the uncached
    formula are one value; each evaluator keeps its own, so services never share one."""
    from feasibility import scoring
    from feasibility.evaluator import Evaluator

    cat = load_catalog()
    for languages in (["en"], ["ko"]):
        spec = Spec.model_validate(
            {"targets": [{"preset": "galaxy-s24"}], "service": {"languages": languages}}
        )
        ((target, _),) = resolve(spec, cat, "t")
        ev = Evaluator(cat, spec.service, spec.constraints)
        scored = [o for o in ev.options(target) if o.terms is not None]
        assert scored
        for o in scored:
            c = o.candidate
            assert o.terms is not None
            assert o.terms.quality == ev.quality_term(c), c.key
            assert ev.quality_term(c) == scoring.quality_term(c.model, c.quant, spec.service)


def test_a_build_rejected_only_by_speed_passes_except_speed() -> None:
    """``passes_except`` asks whether every rule ran and only the given ones rejected: a build
    that fits the memory and is too slow has run every rule (the claims' speed thresholds read
    it), while one over its budget has not run the speed rules."""
    from feasibility.api import load_spec
    from feasibility.evaluator import Evaluator
    from feasibility.rules import decode_speed, memory_fit

    catalog = load_catalog()
    spec, name = load_spec(str(PKG.parent / "examples" / "raspberry-pi-5.yaml"))
    ev = Evaluator(catalog, spec.service, spec.constraints)
    target = resolve(spec, catalog, name)[0][0]
    options = ev.options(target)
    slow = [o for o in options if {v.rule for v in o.failures} == {decode_speed.ID}]
    assert slow
    assert all(o.passes_except(frozenset({decode_speed.ID})) for o in slow)
    assert not any(o.feasible for o in slow)
    over = [o for o in options if {v.rule for v in o.failures} == {memory_fit.ID}]
    assert over
    assert not any(o.passes_except(frozenset({decode_speed.ID})) for o in over)
    assert all(o.passes_except(frozenset({memory_fit.ID})) is o.judged for o in over)


@pytest.mark.parametrize("example", ["raspberry-pi-5", "seed-scenario", "laptop-coding"])
def test_at_budget_agrees_with_the_option_at_that_budget(example: str) -> None:
    """``at_budget`` answers from the caches what evaluating the option on a target with that
    budget answers: for every build at its own need, one MB under it and the device's RAM."""
    from dataclasses import replace

    from feasibility.api import load_spec
    from feasibility.evaluator import Evaluator
    from feasibility.rule_scopes import AFTER_MEMORY

    catalog = load_catalog()
    spec, name = load_spec(str(PKG.parent / "examples" / f"{example}.yaml"))
    ev = Evaluator(catalog, spec.service, spec.constraints)
    checked = 0
    for target, _ in resolve(spec, catalog, name):
        for o in ev.options(target):
            est = ev.complete(o)
            if est is None:
                continue
            for budget in (est.total_bytes, est.total_bytes - 2**20, target.budget_bytes * 2):
                got = ev.at_budget(o.candidate, target, budget)
                want = ev.option(o.candidate, replace(target, budget_bytes=budget))
                assert got.feasible == want.feasible, (o.candidate.key, budget)
                assert got.fits == want.passes_except(AFTER_MEMORY), (o.candidate.key, budget)
                if got.fits and want.estimate is not None:
                    assert got.decode_tps == want.estimate.decode_tps
                checked += 1
    assert checked > 100
