"""The rules, in evaluation and report order.

Each rule is a module with ``ID``, a docstring (its user documentation: pass, fail, unknown, an
example) and ``check(situation) -> Verdict``. A candidate is feasible on a target when no rule
fails and no rule answers a *blocking* unknown (see ``Verdict.rejects``). Rules are pure: no I/O,
no printing, no clock.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from feasibility.rules import (
    accelerator,
    architecture_support,
    context_window,
    decode_speed,
    languages,
    license,
    memory_fit,
    os_support,
    param_cap,
    task_fit,
)
from feasibility.situation import Situation
from feasibility.verdict import Verdict

RULES: tuple[ModuleType, ...] = (
    param_cap,
    license,
    languages,
    context_window,
    os_support,
    architecture_support,
    accelerator,
    memory_fit,
    decode_speed,
    task_fit,
)

CHECKS: tuple[tuple[str, Callable[[Situation], Verdict]], ...] = tuple(
    (r.ID, r.check) for r in RULES
)

MODEL_LEVEL = frozenset({param_cap.ID, license.ID, languages.ID, context_window.ID})
"""Rules that depend on the model and service only (same verdict on every runtime and target)."""


def get(rule_id: str) -> ModuleType:
    for r in RULES:
        if r.ID == rule_id:
            return r
    raise KeyError(f'no such rule: "{rule_id}"')
