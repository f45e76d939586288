"""Parameter cap: never a model above 14B, and never above the user's ``max_params_b``.

Passes when the model's published parameter count is within both limits.
Fails otherwise; the reason gives the count and the cap.
Example: with ``max_params_b: 3``, Phi-3.5-mini (3.82B) fails: "3.82B parameters, cap is 3.00B".
"""

from __future__ import annotations

from feasibility.schema import MAX_PARAMS
from feasibility.situation import Situation
from feasibility.units import fmt_params
from feasibility.verdict import Verdict

ID = "param-cap"


def check(s: Situation) -> Verdict:
    params = s.candidate.model.params
    cap = MAX_PARAMS
    if s.constraints.max_params_b is not None:
        cap = min(cap, int(s.constraints.max_params_b * 1e9))
    if params > cap:
        return Verdict.failed(
            ID, f"{fmt_params(params)} parameters, cap is {fmt_params(cap)}", params=params, cap=cap
        )
    return Verdict.passed(
        ID, f"{fmt_params(params)} parameters (cap {fmt_params(cap)})", params=params, cap=cap
    )
