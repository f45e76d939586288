"""The context-window rule with RoPE scaling: native passes plainly, the scaled range passes with a
stated quality risk, beyond it fails with the scaled maximum."""

from __future__ import annotations

import pytest
from factories import make_model, make_situation

from feasibility.rules import context_window
from feasibility.schema import ContextScaling, Service
from feasibility.verdict import Verdict

YARN = ContextScaling(
    method="yarn", factor=4.0, context_tokens=131_072, source="https://huggingface.co/Qwen/Qwen3-4B"
)


def _check(context: int) -> Verdict:
    model = make_model(context_tokens=32_768, context_scaling=YARN)
    svc = Service(context_tokens=context, output_tokens=100)
    return context_window.check(make_situation(model=model, service=svc))


def test_native_context_passes_without_a_scaling_flag() -> None:
    v = _check(32_768)
    assert v.outcome == "pass"
    assert "needs_rope_scaling" not in dict(v.evidence)


def test_above_native_passes_only_with_the_rope_scaling_risk_stated() -> None:
    v = _check(32_769)
    ev = dict(v.evidence)
    assert v.outcome == "pass"
    assert ev["needs_rope_scaling"] is True
    assert ev["scaled_context"] == 131_072
    assert ev["scaling_method"] == "yarn"
    assert ev["have"] == 32_768
    assert "yarn RoPE scaling (factor 4)" in v.reason


def test_beyond_the_scaled_context_fails_with_the_scaled_maximum() -> None:
    v = _check(131_073)
    assert v.outcome == "fail"
    assert v.reason == "needs 131,073 tokens of context, model handles 131,072"


def test_a_scaled_context_must_exceed_the_native_one() -> None:
    with pytest.raises(ValueError, match="must exceed the native"):
        make_model(context_tokens=131_072, context_scaling=YARN)
