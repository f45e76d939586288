"""Ranking laws: properties every recommendation must keep, checked on the real catalog.

- With equal fit, more published evidence of quality never ranks a model lower.
- A build with fewer nominal weight bits never wins over a build of the same model, runtime and
  backend unless a speed or memory term binds the higher-bit build (or a bonus differs).
- A non-commercial model is never recommended unless the service says ``license: any``.
- A language listed with a published evaluation beats the same language listed without one.
- Nothing under the quality floor is recommended while a 4-bit build fits every target.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

import pytest

from feasibility import api, recommend, scoring
from feasibility.catalog import Catalog
from feasibility.engine import evaluate
from feasibility.evaluator import Evaluator
from feasibility.ranking import LOW_BIT_FLOOR, feasible_models
from feasibility.schema import Benchmark, Service, Spec
from feasibility.targets import resolve
from tests.factories import make_model, make_quant

SERVICES = (
    Service(tasks=("chat",), languages=("en",)),
    Service(tasks=("translation",), languages=("ko", "en")),
    Service(tasks=("code", "chat"), languages=("en",)),
    Service(tasks=("function-calling", "summarization"), languages=("en", "fr", "de")),
)

SPECS: dict[str, dict[str, Any]] = {
    "ko-phones": {
        "service": {"tasks": ["translation"], "languages": ["ko", "en"], "context_tokens": 2048},
        "targets": [{"preset": "galaxy-s24"}, {"preset": "iphone-15-pro"}],
    },
    "pi-assistant": {
        "service": {"tasks": ["chat", "qa"], "languages": ["en"], "context_tokens": 2048},
        "targets": [{"preset": "rpi-5-8gb"}],
        "constraints": {"memory_budget_mb": 6144},
    },
    "laptop-code": {
        "service": {"tasks": ["code", "chat"], "languages": ["en"], "context_tokens": 8192},
        "targets": [{"preset": "macbook-air-m2"}],
    },
    "smart-reply": {
        "service": {
            "tasks": ["chat", "rewriting"],
            "languages": ["en"],
            "context_tokens": 1024,
            "output_tokens": 64,
        },
        "targets": [{"preset": "galaxy-s24"}],
        "constraints": {"memory_budget_mb": 512, "battery": "minimize"},
    },
    "android-8gb-chat": {
        "service": {"tasks": ["chat"], "languages": ["en"]},
        "targets": [
            {
                "name": "8 GB Android",
                "kind": "phone",
                "os": "android",
                "ram_gb": 8,
                "memory_bandwidth_gbs": 60,
            }
        ],
    },
    "pixel-chat": {"service": {"tasks": ["chat"]}, "targets": [{"preset": "pixel-8"}]},
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return api.load_catalog()


@pytest.fixture(scope="module")
def assessments(catalog: Catalog) -> dict[str, Any]:
    return {name: evaluate(catalog, Spec.model_validate(raw)) for name, raw in SPECS.items()}


# -- more evidence never ranks lower ------------------------------------------------------------


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: "+".join(s.tasks + s.languages))
def test_removing_any_published_score_never_raises_quality(
    catalog: Catalog, service: Service
) -> None:
    for model in catalog.models.values():
        full = scoring.quality(model, service)
        for i in range(len(model.benchmarks)):
            fewer = model.model_copy(
                update={"benchmarks": model.benchmarks[:i] + model.benchmarks[i + 1 :]}
            )
            assert scoring.quality(fewer, service) <= full + 1e-12, (model.id, i)


def test_a_published_score_raises_quality_for_a_service_it_concerns() -> None:
    service = Service(tasks=("chat",), languages=("en",))
    bare = make_model()
    scored = make_model(benchmarks=(Benchmark(name="IFEval", value=70.0, source="https://x.org"),))
    assert scoring.quality(scored, service) > scoring.quality(bare, service)


def test_unknown_is_not_zero_in_the_evidence_shown(assessments: dict[str, Any]) -> None:
    """Groups without a score are listed as unknown, never shown as a 0 score."""
    for a in assessments.values():
        for rec in a.recommendations:
            assert all(e.value > 0 for e in rec.evidence)
            shown = {e.group for e in rec.evidence}
            assert not shown & set(rec.evidence_unknown)


# -- lower bits never win unless speed or memory binds --------------------------------------------


@pytest.mark.parametrize("params", [135_000_000, 1_200_000_000, 8_000_000_000])
def test_fidelity_never_rises_as_nominal_bits_fall(catalog: Catalog, params: int) -> None:
    quants = sorted(catalog.quantizations.values(), key=lambda q: q.weight_bits)
    for lo, hi in combinations(quants, 2):
        if lo.weight_bits < hi.weight_bits:
            assert scoring.fidelity(lo, params) <= scoring.fidelity(hi, params), (lo.id, hi.id)


def test_small_models_lose_more_at_the_same_bits() -> None:
    q = make_quant(id="Q3_K_M", weight_bits=3, ppl_delta=0.6569)
    assert scoring.fidelity(q, 350_000_000) < scoring.fidelity(q, 3_000_000_000)


def test_a_lower_bit_build_wins_only_where_the_higher_one_is_bound(catalog: Catalog) -> None:
    for name, raw in SPECS.items():
        spec = Spec.model_validate(raw)
        if spec.constraints.battery == "minimize":
            continue  # the energy term may rightly prefer fewer bytes per token
        targets = [t for t, _ in resolve(spec, catalog, name)]
        ev = Evaluator(catalog, spec.service, spec.constraints)
        per_target = [ev.options(t) for t in targets]
        for ranked in feasible_models(per_target, ev.quality_term)[:3]:
            for chosen, options in zip(ranked.bests, per_target, strict=True):
                assert chosen.terms is not None
                for other in options:
                    t = other.terms
                    if (
                        not other.feasible
                        or t is None
                        or other.candidate.model.id != chosen.candidate.model.id
                        or other.candidate.runtime.id != chosen.candidate.runtime.id
                        or other.backend != chosen.backend
                        or t.bonus != chosen.terms.bonus
                        or other.candidate.quant.weight_bits <= chosen.candidate.quant.weight_bits
                    ):
                        continue
                    bound = t.speed < 1 or t.headroom < 1
                    assert bound, (name, chosen.candidate.key, other.candidate.key)


# -- licence --------------------------------------------------------------------------------------


def test_no_non_commercial_model_is_recommended_by_default(assessments: dict[str, Any]) -> None:
    for name, a in assessments.items():
        for rec in a.recommendations:
            assert rec.license_commercial != "no", (name, rec.model)


def test_license_any_opts_out(catalog: Catalog) -> None:
    raw = dict(SPECS["pixel-chat"], constraints={"license": "any"})
    a = evaluate(catalog, Spec.model_validate(raw))
    models = set(a.feasible_models)
    non_commercial = {
        m.id for m in catalog.models.values() if catalog.license_of(m).commercial == "no"
    }
    assert models & non_commercial


# -- languages ------------------------------------------------------------------------------------


def test_a_language_with_a_published_evaluation_beats_one_without() -> None:
    service = Service(tasks=("chat",), languages=("ko",))
    without = make_model(id="a", languages=("en", "ko"))
    with_eval = make_model(
        id="b",
        languages=("en", "ko"),
        benchmarks=(Benchmark(name="KMMLU", value=40.0, source="https://x.org", setup="5-shot"),),
    )
    assert scoring.quality(with_eval, service) > scoring.quality(without, service)


# -- quality floor ---------------------------------------------------------------------------------


def test_nothing_under_the_floor_while_a_four_bit_build_fits(assessments: dict[str, Any]) -> None:
    for name, a in assessments.items():
        for rec in a.recommendations:
            for plan in rec.targets:
                # every scenario here has 4-bit builds that fit, so the floor applies
                assert not any(r.kind == "low-bits" for r in rec.risk_items), name
                bpw = next(r.evidence.get("bpw") for r in plan.rules if r.rule == "bits-floor")
                assert bpw is not None and bpw >= LOW_BIT_FLOOR, (name, rec.model, plan.target)


def test_only_low_bit_builds_fit_is_a_stated_risk(catalog: Catalog) -> None:
    """With only 2- and 3-bit builds allowed, the floor cannot apply: they are ranked, and every
    pick names the quality risk."""
    raw = dict(SPECS["pi-assistant"], constraints={"quantizations": ["IQ3_XXS", "Q2_K"]})
    a = evaluate(catalog, Spec.model_validate(raw))
    assert a.recommendations
    for rec in a.recommendations:
        risks = [r for r in rec.risk_items if r.kind == "low-bits"]
        assert risks and risks[0].values["bpw"] < LOW_BIT_FLOOR
        assert any("low-bit" in text for text in rec.risks)


def test_min_bits_raises_the_floor(catalog: Catalog) -> None:
    raw = dict(SPECS["pi-assistant"], constraints={"memory_budget_mb": 6144, "min_bits": 6})
    a = evaluate(catalog, Spec.model_validate(raw))
    assert a.recommendations
    for rec in a.recommendations:
        for plan in rec.targets:
            q = catalog.quantizations[plan.quantization]
            assert scoring.effective_bpw(q) >= 6


# -- why #1 beat #2 and the next ----------------------------------------------------------------


def test_first_pick_says_why_it_beat_the_second_and_the_next(
    assessments: dict[str, Any],
) -> None:
    for name, a in assessments.items():
        recs = a.recommendations
        if len(recs) < 2:
            continue
        first = recs[0]
        assert first.versus[0].model == recs[1].model, name
        rest = [m for m in a.feasible_models if m not in {r.model for r in recs}]
        if rest:
            assert first.versus[1].model == rest[0], name
        for v in first.versus:
            weighted = sum(v.gaps.values())
            assert weighted == pytest.approx(v.margin, abs=2e-3), (name, v)
        assert any(line.startswith(f"over {recs[1].model}") for line in first.reasons)


def test_each_pick_states_its_evidence_in_one_line(assessments: dict[str, Any]) -> None:
    for a in assessments.values():
        for rec in a.recommendations:
            lines = [r for r in rec.reasons if r.startswith(("evidence:", "no published"))]
            assert len(lines) == 1
            for e in rec.evidence[:4]:
                assert f"{e.benchmark} {e.value:g}" in lines[0]


def test_a_model_without_published_scores_says_its_quality_is_unknown() -> None:
    service = Service(tasks=("translation",), languages=("ko",))
    scores, unknown = recommend.evidence(make_model(), service)
    assert scores == ()
    assert set(unknown) >= {"knowledge", "instruction", "lang:ko", "task:translation"}
    assert "quality unknown" in recommend.evidence_line(scores, unknown)


def test_evidence_is_ordered_by_relevance_and_names_its_unknowns() -> None:
    service = Service(tasks=("chat",), languages=("ko", "en"))
    model = make_model(
        benchmarks=(
            Benchmark(name="IFEval", value=70.0, source="https://x.org"),
            Benchmark(name="KMMLU", value=45.2, source="https://x.org", setup="5-shot"),
            Benchmark(name="HellaSwag", value=60.0, source="https://x.org"),
        )
    )
    scores, unknown = recommend.evidence(model, service)
    assert [e.benchmark for e in scores] == ["KMMLU", "IFEval"]  # HellaSwag is not weighed
    assert "knowledge" in unknown and "multilingual" in unknown
    assert recommend.evidence_line(scores, unknown).startswith("evidence: KMMLU 45.2, IFEval 70")
