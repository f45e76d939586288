"""Memory fit: weights + KV cache at the service's context + buffers + runtime overhead <= budget.

The figures come from ``feasibility.estimator`` (the same numbers the report and
``feasibility estimate`` show). The KV cache is sized at the service's context, never at the
model's maximum.
Passes when the total is within the target's memory budget; the reason gives the headroom.
Fails when larger: "needs 2,431 MB, budget is 2,048 MB". When the weights alone, at the encoding's
nominal bits, already exceed the budget, the engine skips the full estimate and the reason says
"needs at least ... for the weights alone".
Example: Phi-3.5-mini at Q4_K_M with a 4,096-token context does not fit a 2,048 MB budget.
"""

from __future__ import annotations

from feasibility.situation import Situation
from feasibility.units import MIB, fmt_int
from feasibility.verdict import Verdict

ID = "memory-fit"


def check(s: Situation) -> Verdict:
    need = s.estimate.total_bytes
    budget = s.target.budget_bytes
    need_mb, budget_mb = fmt_int(need / MIB), fmt_int(budget / MIB)
    if need <= budget:
        return Verdict.passed(
            ID,
            f"needs {need_mb} MB of the {budget_mb} MB budget",
            need=need,
            budget=budget,
            need_mb=round(need / MIB),
            budget_mb=round(budget / MIB),
        )
    if s.estimate.lower_bound:
        return Verdict.failed(
            ID,
            f"needs at least {need_mb} MB for the weights alone "
            f"({s.candidate.quant.weight_bits:g}-bit), budget is {budget_mb} MB",
            need=need,
            budget=budget,
            need_mb=round(need / MIB),
            budget_mb=round(budget / MIB),
            lower_bound=True,
        )
    return Verdict.failed(
        ID,
        f"needs {need_mb} MB, budget is {budget_mb} MB "
        f"(weights {fmt_int(s.estimate.weights_bytes / MIB)} MB, "
        f"KV cache {fmt_int(s.estimate.kv_cache_bytes / MIB)} MB)",
        need=need,
        budget=budget,
        need_mb=round(need / MIB),
        budget_mb=round(budget / MIB),
        weights_mb=round(s.estimate.weights_bytes / MIB),
        kv_cache_mb=round(s.estimate.kv_cache_bytes / MIB),
    )
