"""What an on-device expert expects of the realistic example services, and why.

Each test names the expectation and the reason an expert would give; the engine must reach it
through its general mechanisms (published evidence, licence, memory, speed, energy), never through
anything keyed on the example.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from feasibility import api, scoring
from feasibility.catalog import Catalog
from feasibility.explain import explain
from feasibility.schema import Benchmark, Service
from tests.factories import make_model

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return api.load_catalog()


def _check(catalog: Catalog, name: str) -> Any:
    return api.check(str(EXAMPLES / f"{name}.yaml"), catalog=catalog)


def _groups(rec: Any) -> set[str]:
    return {e.group for e in rec.evidence}


def test_korean_translation_picks_commercial_models_with_korean_evaluations(
    catalog: Catalog,
) -> None:
    """A Korean service needs evidence in Korean: both picks publish a Korean benchmark (KMMLU,
    HAE-RAE, KoBEST) and allow commercial use; EXAONE, Korean but non-commercial, is not picked."""
    a = _check(catalog, "korean-translation-phones")
    assert len(a.recommendations) == 2
    for rec in a.recommendations:
        assert "lang:ko" in _groups(rec), rec.model
        assert rec.license_commercial != "no", rec.model
        assert not rec.model.startswith("exaone"), rec.model
    assert len({r.developer for r in a.recommendations}) == 2  # a real second opinion


def test_a_score_in_the_service_language_outweighs_the_same_score_in_another() -> None:
    """Spanish translation quality says less about Korean translation than Korean translation
    quality does: the same published figure counts fully only in a language the service uses."""
    service = Service(tasks=("translation",), languages=("ko", "en"))

    def scored(name: str) -> Any:
        return make_model(
            languages=("en", "ko", "es"),
            benchmarks=(Benchmark(name=name, value=76.7, source="https://x.org"),),
        )

    assert scoring.quality(scored("WMT24++ (KO)"), service) > scoring.quality(
        scored("WMT24++ (ES)"), service
    )
    in_spanish = Service(tasks=("translation",), languages=("es", "en"))
    assert scoring.quality(scored("WMT24++ (ES)"), in_spanish) > scoring.quality(
        scored("WMT24++ (ES)"), service
    )


def test_laptop_coding_helper_picks_models_with_published_code_scores(catalog: Catalog) -> None:
    """A coding helper is judged on code benchmarks (HumanEval, MBPP): both picks publish one, and
    both are of the 7B class the 16 GB laptop runs at the 15 tokens/s the service asks (a 2B model
    with a code score would be the wrong call with this much memory). Qwen2.5-Coder-7B leads on
    code scores; Granite-4.0-H-Tiny (7B, 1B active), the second opinion, has similar code scores
    and its few active parameters let it run at 8 bits above 15 tokens/s where a dense 7B needs
    4 bits."""
    a = _check(catalog, "laptop-coding")
    assert len(a.recommendations) == 2
    for rec in a.recommendations:
        assert "task:code" in _groups(rec), rec.model
        assert rec.decode_tps is not None and rec.decode_tps >= 15
        assert rec.params >= 6_000_000_000, rec.model


def test_smart_reply_picks_sub_billion_models_that_leave_room_in_512_mb(catalog: Catalog) -> None:
    """Three short replies inside a keyboard app: a sub-1B model at 4 bits or more that fits the
    512 MB share, and no reasoning model (its thinking tokens cost battery and latency)."""
    a = _check(catalog, "smart-reply")
    assert len(a.recommendations) == 2
    for rec in a.recommendations:
        assert rec.params < 1_000_000_000, rec.model
        assert not rec.reasoning_mode, rec.model
        for plan in rec.targets:
            assert plan.memory.total_mb <= plan.memory.budget_mb
            q = catalog.quantizations[plan.quantization]
            assert scoring.effective_bpw(q) >= 3.5, (rec.model, q.id)


def test_pi_assistant_picks_builds_that_keep_up_with_speech(catalog: Catalog) -> None:
    """A voice assistant must produce at least 5 tokens/s on the Pi 5's CPU. The first pick is
    the most capable build that keeps that pace (with 6 GB to spare, not a tiny model), and the
    second, from another developer, is one no other developer's feasible model beats on both
    quality and speed.

    Why not "both picks of 1.5B or more": from the sourced scores, the 1.5-3B models of other
    developers that keep 5 tokens/s (Gemma-2-2B-it MMLU 56.1 / IFEval 80.4, SmolLM3-3B
    MMLU-Redux 65.0 / IFEval 76.7, Qwen3.5-2B MMLU-Redux 69.2 / IFEval 61.2) are within a
    hundredth of LFM2-1.2B's quality term (MMLU 55.2 / IFEval 74.9) and run at 5.1-6.1 tokens/s,
    a few percent over the pace the speech synthesiser needs, on the same four cores that run
    speech recognition. LFM2-1.2B runs at about twice the pace. An on-device expert takes the
    equally good model with the margin; what they would never sign is a pick another feasible
    model beats on both counts.
    """
    a = _check(catalog, "raspberry-pi-5")
    assert len(a.recommendations) == 2
    for rec in a.recommendations:
        assert rec.decode_tps is not None and rec.decode_tps >= 5
        assert {"knowledge", "instruction"} & _groups(rec), rec.model
    first, second = a.recommendations
    assert first.params >= 1_500_000_000, first.model
    assert all(first.score_terms.quality >= _quality(catalog, a, f) for f in a.also_fits)
    for f in a.also_fits:
        if catalog.models[f.model].developer == first.developer:
            continue
        if _quality(catalog, a, f) > second.score_terms.quality:
            tps = explain(catalog, f.model, EXAMPLES / "raspberry-pi-5.yaml").targets[0].decode_tps
            assert tps is not None and tps <= second.decode_tps, (f.model, tps)


def _quality(catalog: Catalog, a: Any, f: Any) -> float:
    """The quality term of the build a model that also fits was ranked with."""
    service = Service(tasks=tuple(a.tasks), languages=tuple(a.languages))
    return scoring.quality_term(
        catalog.models[f.model], catalog.quantizations[f.quantization], service
    )


def _scores(a: Any) -> dict[str, float]:
    """Every feasible model's best score: the picks' and the ones that also fit."""
    return {r.model: r.score for r in a.recommendations} | {f.model: f.score for f in a.also_fits}


def test_laptop_coding_helper_picks_a_code_model_a_team_may_ship(catalog: Catalog) -> None:
    """An on-device expert picks a code model for a coding helper: one of the two picks has a
    card naming code as an intended use, and its licence allows commercial use."""
    a = _check(catalog, "laptop-coding")
    code_picks = [r for r in a.recommendations if "code" in r.strengths]
    assert code_picks, [r.model for r in a.recommendations]
    assert all(r.license_commercial == "yes" for r in code_picks)
