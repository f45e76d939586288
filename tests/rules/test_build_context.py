"""A build made for a shorter context than its model's: Meta's quantized Llama 3.2 builds run at 8k
(the 16-bit models at 128k). The artifact rule judges the build, so a service that needs more
context than the build is made for is not planned on it, whatever the model's own context."""

from __future__ import annotations

import pytest
from factories import make_model, make_quant, make_situation

from feasibility import api
from feasibility.catalog import Catalog
from feasibility.evaluator import Evaluator
from feasibility.report._rows import texts_for
from feasibility.report._wording import verdict_sentence
from feasibility.rules import artifact
from feasibility.schema import ContextCap, Service, Spec
from feasibility.targets import resolve
from feasibility.verdict import Verdict

META = "https://github.com/meta-llama/llama-models/blob/a9c89c47/models/llama3_2/MODEL_CARD.md"
QAT_BUILDS = ("executorch-spinquant-g32", "executorch-qlora-g32")


def _check(context: int, cap: int | None) -> Verdict:
    quant = make_quant(
        id="capped",
        max_context=None if cap is None else ContextCap(tokens=cap, source=META),
    )
    model = make_model(context_tokens=131_072)
    svc = Service(languages=("en",), context_tokens=context, output_tokens=100)
    return artifact.check(make_situation(model=model, quant=quant, service=svc))


@pytest.mark.parametrize(
    ("context", "cap", "outcome"),
    [(16_384, None, "pass"), (8_192, 8_192, "pass"), (8_193, 8_192, "fail")],
    ids=["no-cap", "exactly-at-cap", "one-over"],
)
def test_the_build_cap_binds_where_the_model_context_would_not(
    context: int, cap: int | None, outcome: str
) -> None:
    v = _check(context, cap)
    assert v.outcome == outcome
    if outcome == "fail":
        ev = dict(v.evidence)
        assert (ev["problem"], ev["need"], ev["have"]) == ("build-context", 8_193, 8_192)
        assert ev["source"] == META
        assert v.reason == "capped is made for 8,192 tokens of context; the service needs 8,193"


def test_the_reason_is_worded_in_both_languages() -> None:
    ev = dict(_check(16_384, 8_192).evidence)
    en = verdict_sentence(texts_for("en"), "artifact", "fail", ev, reason="ENGINE REASON")
    ko = verdict_sentence(texts_for("ko"), "artifact", "fail", ev, reason="ENGINE REASON")
    assert en == (
        "`capped` is made for 8,192 tokens of context (its maker's figure); "
        "the service needs 16,384."
    )
    assert "8,192" in ko and "16,384" in ko and "`capped`" in ko and "컨텍스트" in ko


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return api.load_catalog()


def test_meta_states_8k_for_its_quantized_builds(catalog: Catalog) -> None:
    for qid in QAT_BUILDS:
        cap = catalog.quantizations[qid].max_context
        assert cap is not None and cap.tokens == 8_192 and cap.source == META
    assert catalog.models["llama-3.2-1b-instruct"].context_tokens > 8_192


def _feasible_builds(catalog: Catalog, context: int) -> set[str]:
    spec = Spec.model_validate(
        {
            "service": {
                "tasks": ["chat"],
                "languages": ["en"],
                "context_tokens": context,
                "output_tokens": 256,
            },
            "targets": [{"preset": "galaxy-s24"}],
            "constraints": {"runtimes": ["executorch"]},
        }
    )
    (target, _), *_ = resolve(spec, catalog, "ctx")
    options = Evaluator(catalog, spec.service, spec.constraints).options(target)
    return {
        o.candidate.quant.id
        for o in options
        if o.feasible and o.candidate.model.id == "llama-3.2-1b-instruct"
    }


def test_a_16k_service_is_not_planned_on_metas_8k_builds(catalog: Catalog) -> None:
    """Regression: the 16-bit model's 128k context used to let a 16K service onto these builds."""
    at_8k = _feasible_builds(catalog, 8_192)
    at_16k = _feasible_builds(catalog, 16_384)
    assert set(QAT_BUILDS) <= at_8k
    assert not set(QAT_BUILDS) & at_16k
    assert "executorch-8da4w-g32" in at_16k  # the model's own context still serves other builds
