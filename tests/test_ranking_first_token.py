"""A service that states how long its first token may take ranks builds that meet it first.

Laws: with ``max_first_token_s`` set, a build estimated to break the need ranks below every build
known to meet it, and a build without an estimate ranks between the two (an unestimated first
token never wins over a known-good one); without a stated need the first token does not move a
score. The slow-first-token risk is named against the stated need.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from feasibility import api, recommend, scoring
from feasibility.report import render
from feasibility.schema import Constraints
from feasibility.scoring import Scorer
from feasibility.verdict import ScoreTerms
from tests.factories import make_estimate, make_situation

LAPTOP = Path(__file__).resolve().parent.parent / "examples" / "laptop.yaml"
CODING = LAPTOP.with_name("laptop-coding.yaml")


def _terms(
    limit_s: float | None, ttft_ms: float | None, decode_tps: float, total_mb: int
) -> ScoreTerms:
    """The score terms of one build with the given first token, speed and memory need."""
    est = make_estimate(total_mb=total_mb, decode_tps=decode_tps).model_copy(
        update={"ttft_ms": ttft_ms}
    )
    s = make_situation(constraints=Constraints(max_first_token_s=limit_s), estimate=est)
    return Scorer(s.service, s.constraints).score(s)


def _total(limit_s: float | None, ttft_ms: float | None, decode_tps: float, total_mb: int) -> float:
    """The score of one build with the given first token, speed and memory need."""
    return _terms(limit_s, ttft_ms, decode_tps, total_mb).total


def test_a_late_first_token_ranks_below_an_unknown_one_below_a_known_good_one() -> None:
    """The late build has every other advantage (speed, headroom) and still ranks last: its
    tier, not its score, puts it there (the score stays what the build brings)."""
    meets = _terms(5.0, 4_000, decode_tps=1.0, total_mb=2_000)
    unknown = _terms(5.0, None, decode_tps=40.0, total_mb=100)
    late = _terms(5.0, 6_000, decode_tps=40.0, total_mb=100)
    assert meets.order > unknown.order > late.order
    assert late.total == unknown.total > meets.total > 0
    assert (meets.shortfalls, unknown.shortfalls, late.shortfalls) == (
        (),
        ("first-token-unknown",),
        ("first-token-late",),
    )


def test_without_a_stated_need_the_first_token_does_not_move_the_score() -> None:
    assert _total(None, 4_000, 10.0, 500) == _total(None, None, 10.0, 500)
    assert _total(None, 4_000, 10.0, 500) == _total(None, 600_000, 10.0, 500)


@pytest.mark.parametrize(
    ("ttft_ms", "standing"), [(5_000, "meets"), (5_001, "late"), (None, "unknown")]
)
def test_the_need_is_met_up_to_and_including_the_limit(
    ttft_ms: float | None, standing: str
) -> None:
    assert scoring.first_token_standing(ttft_ms, 5.0) == standing


@pytest.fixture(scope="module")
def laptop_30s() -> Any:
    """The writing-assistant laptops (Snapdragon X Elite, MacBook Air M2) with a 30 s need:
    llama.cpp on the X Elite's CPU takes 118 s for Llama-3.2-3B's 8k prompt, and its Genie NPU
    build has no first-token estimate."""
    doc = yaml.safe_load(LAPTOP.read_text(encoding="utf-8"))
    doc["constraints"]["max_first_token_s"] = 30
    return api.check(doc)


def test_picks_meet_a_stated_first_token_need_when_models_do(laptop_30s: Any) -> None:
    """Models whose builds meet 30 s on both laptops exist, so both picks are known to meet it on
    every target, and a model that only reaches the X Elite with a late or unestimated first token
    (Llama-3.2-3B, the pick without the need) ranks below them."""
    a = laptop_30s
    assert len(a.recommendations) == 2
    for rec in a.recommendations:
        for p in rec.targets:
            assert p.ttft_ms is not None and p.ttft_ms <= 30_000, (rec.model, p.target)
    assert "llama-3.2-3b-instruct" not in {r.model for r in a.recommendations}
    plain = api.check(LAPTOP)
    assert plain.recommendations[0].model == "llama-3.2-3b-instruct"


def test_a_slow_first_token_risk_is_named_against_the_stated_need() -> None:
    """With a 3 s need, which no model meets on both laptops, the risk fires exactly on plans
    over 3 s, and says the limit is the service's."""
    doc = yaml.safe_load(LAPTOP.read_text(encoding="utf-8"))
    doc["constraints"]["max_first_token_s"] = 3
    a = api.check(doc)
    assert recommend.first_token_limit(3) == 3
    assert recommend.first_token_limit(None) == recommend.SLOW_FIRST_TOKEN_S
    seen = False
    for rec in a.recommendations:
        flagged = {
            t for k in rec.risk_items if k.kind == "slow-first-token" for t in k.values["targets"]
        }
        slow = {p.target for p in rec.targets if p.ttft_ms is not None and p.ttft_ms > 3_000}
        assert flagged == slow, rec.model
        seen = seen or bool(slow)
        for k in rec.risk_items:
            if k.kind == "slow-first-token":
                assert k.values["stated"] is True and k.values["limit_s"] == 3
    assert seen, "some pick should still be over 3 s"
    assert "over the 3 s the service allows" in render(a, "markdown", "en")
    assert "서비스가 허용하는 3초" in render(a, "markdown", "ko")


def test_a_first_token_need_no_build_meets_leaves_the_scores_honest() -> None:
    """A 1 s need on the coding laptop (8k prompts), which no build meets: the picks are still
    ranked (by score, all in the same tier), every score shown is the non-negative figure of what
    the build brings (a penalty of -2.4 in the score read "Score -1.524"), and the missed need is
    stated as a risk against the service's own limit."""
    doc = yaml.safe_load(CODING.read_text(encoding="utf-8"))
    doc["constraints"]["max_first_token_s"] = 1
    a = api.check(doc)
    plain = api.check(CODING)
    assert [r.model for r in a.recommendations] == [r.model for r in plain.recommendations]
    for rec in a.recommendations:
        assert rec.score == rec.score_terms.total >= 0, rec.model
        assert rec.score_terms.bonus > -0.2, rec.model
        assert rec.score_terms.shortfalls == ("first-token-late",), rec.model
        risks = [k for k in rec.risk_items if k.kind == "slow-first-token"]
        assert risks and all(k.values["stated"] and k.values["limit_s"] == 1 for k in risks)
    assert all(f.score >= 0 for f in a.also_fits)
    for lang in ("en", "ko"):
        text = render(a, "markdown", lang)
        assert "**-" not in text and ", score -" not in text and "점수 -" not in text


def test_a_model_a_tier_lower_says_which_need_it_misses(laptop_30s: Any) -> None:
    """With a 30 s need, Llama-3.2-3B scores above both picks but has no first-token estimate on
    the X Elite's NPU build: it is listed as fitting, with its own score (not one 1.2 lower) and
    the need it misses as the reason it ranks below, never a score term."""
    a = laptop_30s
    picks = {r.model: r.score for r in a.recommendations}
    also = {f.model: f for f in a.also_fits}
    llama = also["llama-3.2-3b-instruct"]
    assert llama.behind == "first-token-unknown"
    assert llama.score > max(picks.values())
    for f in a.also_fits:
        assert 0 <= f.score < 1.2, f
        if f.score > max(picks.values()):
            assert f.behind.startswith("first-token-"), f
    text = render(a.model_copy(update={"also_fits": (llama,)}), "markdown", "en")
    line = next(x for x in text.splitlines() if x.startswith("- `llama-3.2-3b-instruct`"))
    assert f"score {llama.score:.3f}" in line
    assert "no first-token estimate against the service's limit" in line
