"""Memory fit: weights + KV cache at the service's context + buffers + runtime overhead <= budget.

The figures come from ``feasibility.estimator`` (the same numbers the report and
``feasibility estimate`` show). The KV cache is sized at the service's context, never at the
model's maximum.
Passes when the total is within the target's memory budget; the reason gives the headroom.
Fails when larger: "needs 2,431 MB, budget is 2,048 MB". When the weights alone, at the encoding's
nominal bits, already exceed the budget, the engine skips the full estimate and the reason says
"needs at least ... for the weights alone".
Figures follow the rounding policy in ``feasibility.units``: the need rounds up and the budget
is whole MB, so a failing need is never shown equal to its budget.
Example: Phi-3.5-mini at Q4_K_M with a 4,096-token context does not fit a 2,048 MB budget.
"""

from __future__ import annotations

from feasibility.situation import Situation
from feasibility.units import fmt_int, limit_mb, need_mb
from feasibility.verdict import Verdict

ID = "memory-fit"


def fits(need: int, budget: int) -> bool:
    """The rule's whole test (callers that sort builds by need use it to cut the list)."""
    return need <= budget


def check(s: Situation) -> Verdict:
    est = s.estimate
    need, budget = est.total_bytes, s.target.budget_bytes
    figures = {
        "need": need,
        "budget": budget,
        "need_mb": need_mb(need),
        "budget_mb": limit_mb(budget),
    }
    need_s, budget_s = fmt_int(need_mb(need)), fmt_int(limit_mb(budget))
    if fits(need, budget):
        return Verdict.passed(ID, f"needs {need_s} MB of the {budget_s} MB budget", **figures)
    if est.lower_bound:
        return Verdict.failed(
            ID,
            f"needs at least {need_s} MB for the weights alone "
            f"({s.candidate.quant.weight_bits:g}-bit), budget is {budget_s} MB",
            lower_bound=True,
            **figures,
        )
    return Verdict.failed(
        ID,
        f"needs {need_s} MB, budget is {budget_s} MB "
        f"(weights {fmt_int(need_mb(est.weights_bytes))} MB, "
        f"KV cache {fmt_int(need_mb(est.kv_cache_bytes))} MB)",
        weights_mb=need_mb(est.weights_bytes),
        kv_cache_mb=need_mb(est.kv_cache_bytes),
        **figures,
    )
