"""What each rule's verdict can be shared across, and running a set of rules in rule order.

The evaluator caches a verdict for everything that gives the same verdict: a placement rule that
reads no model is shared by every architecture, one that reads no target by every target.
``tests/test_evaluator.py`` reads each rule's source and fails when a rule listed here reads what
its scope says it does not.
"""

from __future__ import annotations

from collections.abc import Callable

from feasibility.rules import (
    BUDGET_BLIND,
    CHECKS,
    ESTIMATE_LEVEL,
    MEDIA_ONLY,
    PLACEMENT_LEVEL,
    accelerator,
    artifact,
    bits_floor,
    decode_speed,
    memory_fit,
    os_support,
)
from feasibility.situation import Situation
from feasibility.verdict import Verdict

ARCH_PLACEMENT = PLACEMENT_LEVEL - {artifact.ID} - MEDIA_ONLY
"""Placement rules shared by every model of an architecture (the artifact rule is per model)."""
RUNTIME_PLACEMENT = frozenset({os_support.ID, accelerator.ID, bits_floor.ID})
"""Placement rules that read the runtime, the encoding, the constraints and the target's placement
inputs but not the model: shared by every architecture, like ``situation.place``."""
ARCH_ONLY = ARCH_PLACEMENT - RUNTIME_PLACEMENT
"""Placement rules that read the runtime and the model's architecture only, no target
(architecture support): once per runtime and architecture."""
ARTIFACT_AT = sum(
    1 for rid, _ in CHECKS[: [r for r, _ in CHECKS].index(artifact.ID)] if rid in ARCH_PLACEMENT
)
"""Where the artifact rule's verdict goes among the architecture's placement verdicts (those are
in rule order, so inserting it here keeps every placement verdict in rule order)."""
AFTER_MEMORY = ESTIMATE_LEVEL - {memory_fit.ID}
"""Estimate-level rules after the memory rule (screening decides memory by its predicate)."""
AFTER_MEMORY_BLIND = AFTER_MEMORY <= BUDGET_BLIND
"""Whether those rules can be shared across budgets (see ``feasibility.rules.BUDGET_BLIND``)."""

SPEED_PREDICATES: dict[str, Callable[[float | None, float | None], bool]] = {
    decode_speed.ID: decode_speed.rejects,
}
"""Each rule after the memory rule as a predicate on (decode tokens/s, minimum): whether it
rejects. Screening judges thousands of builds per device by these instead of building a verdict;
a rule added to the estimate level without one fails here, at import."""
assert set(SPEED_PREDICATES) == AFTER_MEMORY, "an estimate-level rule without a speed predicate"

_POSITION = {rid: i for i, (rid, _) in enumerate(CHECKS)}


def rule_position(v: Verdict) -> int:
    """A verdict's place in rule order (the inputs rule's verdicts join the placement ones)."""
    return _POSITION[v.rule]


def run(sit: Situation, rules: frozenset[str]) -> tuple[Verdict, ...]:
    """The verdicts of ``rules`` on ``sit``, in rule order."""
    return tuple(check(sit) for rid, check in CHECKS if rid in rules)


def any_rejects(verdicts: tuple[Verdict, ...]) -> bool:
    return any(v.rejects for v in verdicts)


def in_rule_order(*verdicts: Verdict) -> tuple[Verdict, ...]:
    return tuple(sorted(verdicts, key=rule_position))
