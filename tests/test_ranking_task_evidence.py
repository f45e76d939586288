"""The service's own task weighs more than general ability: the law, and the coding helper.

Law: with equal fit, a model better on a benchmark of the service's task outranks one better by as
much (normalised) on knowledge and instruction following together. A task group weighs
``TASK_WEIGHT`` (3) against ``GROUP_WEIGHT`` (1) for each general one: what the service does is
the better evidence of how well a model will do it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from feasibility import api, scoring
from feasibility.catalog import Catalog
from feasibility.schema import Benchmark, ModelEntry, Service
from tests.factories import make_model

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
URL = "https://example.org/card"
TASK_BENCHMARKS = sorted(
    {k.group: name for name, k in scoring.BENCHMARKS.items() if k.group.startswith("task:")}.items()
)
"""One benchmark per task group the scoring reads (task group, benchmark name)."""
GENERAL = (("knowledge", "MMLU"), ("instruction", "IFEval"))
BASE = {"MMLU": 0.6, "IFEval": 0.7}
"""Both models' normalised general scores before one of them gets better."""


def _model(mid: str, scores: dict[str, float], task: str) -> ModelEntry:
    return make_model(
        id=mid,
        strengths=("chat", task),
        benchmarks=tuple(Benchmark(name=n, value=v, source=URL) for n, v in scores.items()),
    )


def _value(name: str, normalised: float) -> float:
    """The published value of ``name`` whose normalised score is ``normalised``."""
    chance = scoring.BENCHMARKS[name].chance
    return chance + normalised * (100.0 - chance)


@pytest.mark.parametrize(("group", "bench"), TASK_BENCHMARKS)
@pytest.mark.parametrize(("general", "gbench"), GENERAL)
def test_better_task_evidence_outranks_better_general_evidence_at_equal_fit(
    group: str, bench: str, general: str, gbench: str
) -> None:
    task = group.split(":", 1)[1]
    service = Service(tasks=(task, "chat"), languages=("en",))
    base = {n: _value(n, v) for n, v in BASE.items()}
    d = 0.05
    specialist = _model("specialist", {**base, bench: _value(bench, 0.8 + d)}, task)
    better = {n: _value(n, v + d) for n, v in BASE.items()} | {bench: _value(bench, 0.8)}
    generalist = _model("generalist", better, task)
    one_better = _model(
        "one", {**base, gbench: _value(gbench, BASE[gbench] + d), bench: _value(bench, 0.8)}, task
    )
    assert scoring.quality(specialist, service) > scoring.quality(one_better, service)
    assert scoring.quality(specialist, service) > scoring.quality(generalist, service)
    # without the task in the service, the same generalist is the better model
    plain = Service(tasks=("chat",), languages=("en",))
    assert scoring.quality(generalist, plain) > scoring.quality(specialist, plain)


def test_the_task_weight_exceeds_knowledge_and_instruction_together() -> None:
    """The reason the law holds, pinned."""
    assert (
        scoring.GROUP_WEIGHT["knowledge"] + scoring.GROUP_WEIGHT["instruction"]
        < scoring.TASK_WEIGHT
    )


def test_a_task_nobody_publishes_does_not_hand_the_ranking_to_size() -> None:
    """Without a published task score, a task group stands in at half the model's general
    evidence: the model with the better general evidence keeps its lead, and a published task
    score above the stand-in raises a model, one below it does not lower it."""
    service = Service(tasks=("translation",), languages=("en",))
    strong = make_model(id="strong", benchmarks=(Benchmark(name="IFEval", value=80, source=URL),))
    weak = make_model(id="weak", benchmarks=(Benchmark(name="IFEval", value=40, source=URL),))
    assert scoring.evidence(strong, service) > scoring.evidence(weak, service) > 0
    stand_in = scoring.STAND_IN_SHARE * 0.8 / 2  # IFEval 0.8 over knowledge and instruction
    translated = strong.model_copy(
        update={"benchmarks": (*strong.benchmarks, Benchmark(name="FLORES", value=60, source=URL))}
    )
    poor = strong.model_copy(
        update={"benchmarks": (*strong.benchmarks, Benchmark(name="FLORES", value=5, source=URL))}
    )
    assert stand_in * 100 > 5
    assert scoring.evidence(translated, service) > scoring.evidence(strong, service)
    assert scoring.evidence(poor, service) == scoring.evidence(strong, service)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return api.load_catalog()


def test_laptop_coding_helper_picks_the_code_model_with_the_best_code_evidence(
    catalog: Catalog,
) -> None:
    """A coding helper on a 16 GB MacBook Air: the first pick is Qwen2.5-Coder-7B-Instruct, a code
    model with better published code scores (HumanEval 88.4, MBPP 83.5) than Granite-4.0-H-Tiny
    (83, 80) and Qwen2.5-7B-Instruct (84.8, 79.2), and knowledge (MMLU 68.7) on a par with
    theirs. It leads Qwen2.5-7B-Instruct, the general model of the same size and maker, on
    quality. Against Granite-4.0-H-Tiny, from another developer, the qualities are even: the
    code scores and the maker's own Q4_K_M build on one side, better instruction following
    (IFEval 78.1 against 58.6) and an 8-bit build at three times the speed on the other; the
    maker's published build decides, as the report says."""
    a = api.check(str(EXAMPLES / "laptop-coding.yaml"), catalog=catalog)
    picks = [r.model for r in a.recommendations]
    assert picks == ["qwen2.5-coder-7b-instruct", "granite-4.0-h-tiny"]
    service = Service(tasks=tuple(a.tasks), languages=tuple(a.languages))
    code = {
        m: scoring.group_values(catalog.models[m], service).get("task:code", 0.0)
        for m in a.feasible_models
    }
    assert code[picks[0]] > max(code[picks[1]], code["qwen2.5-7b-instruct"])
    first = a.recommendations[0]
    assert any("HumanEval 88.4" in line for line in first.reasons)
    assert [v.model for v in first.versus] == [picks[1], "qwen2.5-7b-instruct"]
    assert first.versus[1].gaps["quality"] > 0
    assert first.versus[0].gaps["bonus"] > 0 and abs(first.versus[0].gaps.get("quality", 0)) < 0.03
