"""A first token later than the attention limit is a named risk, and only then.

Oracle over every example: the risk list is recomputed from the plans' own time to first token,
so the risk can neither go missing on a slow build nor appear on a fast one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from feasibility import api, recommend
from feasibility.report import render

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_slow_first_token_is_a_risk_exactly_when_over_the_limit(path: Path) -> None:
    a = api.check(path)
    limit_ms = recommend.first_token_limit(a.constraints.get("max_first_token_s")) * 1000
    for rec in a.recommendations:
        flagged = {
            t for k in rec.risk_items if k.kind == "slow-first-token" for t in k.values["targets"]
        }
        slow = {p.target for p in rec.targets if p.ttft_ms is not None and p.ttft_ms > limit_ms}
        assert flagged == slow, rec.model
        for k in rec.risk_items:
            if k.kind == "slow-first-token":
                for t in k.values["targets"]:
                    plan = next(p for p in rec.targets if p.target == t)
                    assert k.values["media"] == bool(plan.encoders)
                    assert round(plan.ttft_ms / 1000, 1) == k.values["seconds"]


def test_text_only_advice_never_mentions_images() -> None:
    seed = Path(__file__).parent.parent / "examples" / "seed-scenario.yaml"
    a = api.check(seed)
    text = render(a, "markdown", "en")
    lines = [x for x in text.splitlines() if x.startswith("- Slow first token")]
    assert lines, "the seed's CPU builds are over the limit"
    assert not any("images" in x for x in lines)
