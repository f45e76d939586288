"""The engine's choices on the shipped examples, and its invariants."""

from __future__ import annotations

from pathlib import Path

import pytest

import feasibility
from feasibility.catalog import load_catalog
from feasibility.engine import evaluate
from feasibility.evaluator import candidates
from feasibility.schema import MAX_PARAMS, Spec

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def seed() -> feasibility.Assessment:
    return feasibility.check(EXAMPLES / "seed-scenario.yaml")


def test_seed_gives_two_models_that_fit_2gb_on_every_target_in_korean_and_english(
    seed: feasibility.Assessment,
) -> None:
    """The seed scenario: two recommendations, both within 2,048 MB everywhere, ko+en listed."""
    cat = load_catalog()
    assert seed.feasible
    assert len(seed.recommendations) == 2
    assert len(seed.targets) == 4
    for rec in seed.recommendations:
        model = cat.models[rec.model]
        assert {"ko", "en"} <= set(model.languages)
        assert cat.licenses[model.license].commercial != "no"
        assert model.params <= MAX_PARAMS
        assert len(rec.targets) == 4
        for plan in rec.targets:
            assert plan.memory.budget_mb == 2048
            assert plan.memory.total_mb <= 2048
            assert all(r.outcome != "fail" for r in plan.rules)
            assert plan.pipeline, "every target gets pipeline steps"
    oses = {p.os for rec in seed.recommendations for p in rec.targets}
    assert {"ios", "android", "ipados"} <= oses


def test_seed_pipelines_differ_per_platform_where_the_runtime_does(
    seed: feasibility.Assessment,
) -> None:
    """iOS and Android plans carry the steps of their own runtime."""
    cat = load_catalog()
    for rec in seed.recommendations:
        for plan in rec.targets:
            runtime = cat.runtimes[plan.runtime]
            assert runtime.platform(plan.os) is not None
            titles = [s.title for s in plan.pipeline]
            assert len(titles) >= 2


def test_rejections_are_explained(seed: feasibility.Assessment) -> None:
    """Every rejected candidate names the rule and a reason with the target."""
    assert seed.rejected
    from feasibility.rules import RULES

    rules = {r.ID for r in RULES}
    for rej in seed.rejected:
        assert rej.rule in rules
        assert rej.reason and ":" in rej.reason
    memory = [r for r in seed.rejected if r.rule == "memory-fit"]
    assert memory and all("budget is 2,048 MB" in r.reason for r in memory)
    # Counts are per model × format × runtime × target combination; with the feasible ones they
    # add up to every combination evaluated.
    total = sum(seed.rejection_counts.values()) + seed.feasible_combinations
    assert total == seed.candidates_evaluated


def test_recommended_are_different_developers(seed: feasibility.Assessment) -> None:
    """The second pick is a second opinion: another developer when one is feasible."""
    a, b = seed.recommendations
    assert a.developer != b.developer


def test_candidates_are_in_id_order() -> None:
    """Enumeration order is sorted by model, runtime, quantization ids."""
    cat = load_catalog()
    spec = Spec.model_validate({"targets": [{"preset": "pixel-9"}]})
    keys = [(c.model.id, c.runtime.id, c.quant.id) for c in candidates(cat, spec.constraints)]
    assert keys == sorted(keys)


def test_more_budget_never_removes_a_feasible_model() -> None:
    """Monotonicity: raising the budget keeps every model that fitted."""
    cat = load_catalog()
    base = {
        "service": {"languages": ["en"], "context_tokens": 2048},
        "targets": [{"preset": "pixel-8"}],
    }
    small = evaluate(cat, Spec.model_validate({**base, "constraints": {"memory_budget_mb": 1500}}))
    large = evaluate(cat, Spec.model_validate({**base, "constraints": {"memory_budget_mb": 3000}}))
    assert set(small.feasible_models) <= set(large.feasible_models)
    assert len(large.feasible_models) > len(small.feasible_models)


def test_a_required_language_never_adds_a_model() -> None:
    """Adding Korean can only narrow the feasible set."""
    cat = load_catalog()
    base = {"targets": [{"preset": "galaxy-s24"}], "constraints": {"memory_budget_mb": 3000}}
    en = evaluate(cat, Spec.model_validate({**base, "service": {"languages": ["en"]}}))
    enko = evaluate(cat, Spec.model_validate({**base, "service": {"languages": ["en", "ko"]}}))
    assert set(enko.feasible_models) < set(en.feasible_models)


def test_nothing_fits_a_tiny_budget_and_the_closest_misses_say_why() -> None:
    """A 200 MB budget: not feasible, and the why-not list explains each model."""
    cat = load_catalog()
    spec = Spec.model_validate(
        {"targets": [{"preset": "iphone-15"}], "constraints": {"memory_budget_mb": 200}}
    )
    a = evaluate(cat, spec)
    assert not a.feasible
    assert len(a.recommendations) < 2
    assert a.why_not
    assert any(w.rule == "memory-fit" for w in a.why_not)


def test_npu_required_uses_only_npu_backends() -> None:
    """With npu: required every plan runs on the NPU."""
    cat = load_catalog()
    spec = Spec.model_validate(
        {"targets": [{"preset": "galaxy-s25"}], "constraints": {"npu": "required"}}
    )
    a = evaluate(cat, spec)
    for rec in a.recommendations:
        assert all(p.backend == "npu" for p in rec.targets)


def test_raspberry_pi_example_runs_on_cpu_with_llama_cpp_family_runtimes() -> None:
    """The Pi has no GPU runtime in common with MLX/Core ML: plans are CPU and Linux-capable."""
    a = feasibility.check(EXAMPLES / "raspberry-pi-5.yaml")
    assert a.recommendations
    for rec in a.recommendations:
        for p in rec.targets:
            assert p.os == "linux"
            assert p.decode_tps is not None and p.decode_tps >= 5


def test_laptop_example_is_feasible() -> None:
    """Two laptops (Windows on Snapdragon, macOS): two models, 10+ tokens/s."""
    a = feasibility.check(EXAMPLES / "laptop.yaml")
    assert a.feasible
    for rec in a.recommendations:
        for p in rec.targets:
            assert p.decode_tps is None or p.decode_tps >= 10


def test_library_accepts_dict_and_spec() -> None:
    """check() takes a path, a dict or a Spec and gives the same answer."""
    data = {"targets": [{"preset": "iphone-16"}], "service": {"languages": ["en"]}}
    a = feasibility.check(data)
    b = feasibility.check(Spec.model_validate(data))
    assert a.recommendations == b.recommendations
