"""Context window: the service's context must fit the model's advertised context.

Passes when ``service.context_tokens`` <= the context the developer advertises.
Fails otherwise, with both numbers.
Example: Phi-3-mini-4k with an 8,192-token context fails: "needs 8,192 tokens, model handles 4,096".
"""

from __future__ import annotations

from feasibility.situation import Situation
from feasibility.units import fmt_int
from feasibility.verdict import Verdict

ID = "context-window"


def check(s: Situation) -> Verdict:
    need = s.service.context_tokens
    have = s.candidate.model.context_tokens
    if need > have:
        return Verdict.failed(
            ID,
            f"needs {fmt_int(need)} tokens of context, model handles {fmt_int(have)}",
            need=need,
            have=have,
        )
    return Verdict.passed(
        ID, f"{fmt_int(need)} of {fmt_int(have)} context tokens", need=need, have=have
    )
