"""Policy constants, pinned: a change to one of these changes what users are told, so it must be
a deliberate edit of this table (with the README and the report wording checked alongside)."""

from __future__ import annotations

import pytest

from feasibility import claims, recommend
from feasibility.targets import default_budget_fraction


@pytest.mark.parametrize(
    ("os_name", "ram_gb", "share", "rule"),
    [
        ("ios", 8, 0.45, "ios"),
        ("ipados", 16, 0.45, "ios"),
        ("android", 8, 0.40, "android-small"),
        ("android", 12, 0.50, "android-large"),
        ("macos", 16, 0.65, "macos"),
        ("linux", 8, 0.75, "other"),
        ("windows", 32, 0.75, "other"),
    ],
)
def test_default_budget_shares(os_name: str, ram_gb: float, share: float, rule: str) -> None:
    got_share, got_rule, why = default_budget_fraction(os_name, ram_gb)
    assert (got_share, got_rule) == (share, rule) and why


def test_risk_and_claim_thresholds() -> None:
    assert recommend.HEADROOM_RISK_PCT == 15.0
    assert recommend.SLOW_RISK_TPS == 10.0
    assert recommend.SLOW_FIRST_TOKEN_S == 10.0
    assert claims.PER_KIND == 3
    assert claims.LIFT_TRIES == 4


def test_score_weights_bonuses_and_penalties() -> None:
    from feasibility import scoring, verdict

    assert scoring.WEIGHTS_BALANCED == (0.65, 0.15, 0.10, 0.10, 0.0)
    assert scoring.WEIGHTS_MIN_BATTERY == (0.55, 0.10, 0.10, 0.10, 0.15)
    assert (scoring.OFFICIAL_BONUS, scoring.PUBLISHED_BONUS, scoring.NPU_PREFERRED_BONUS) == (
        0.03,
        0.02,
        0.05,
    )
    assert (scoring.REASONING_PENALTY, scoring.DEPRECATED_PENALTY) == (0.05, 0.10)
    assert scoring.MATURITY_BONUS == {"production": 0.0, "beta": -0.05, "experimental": 0.0}
    assert scoring.MATURITY_TIER == {"production": 0, "beta": 0, "experimental": 1}
    assert scoring.FIRST_TOKEN_TIER == {"meets": 0, "unknown": 1, "late": 2}
    assert verdict.TIER_STEP == 1.2
