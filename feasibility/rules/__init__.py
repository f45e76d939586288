"""The rules, in evaluation and report order.

Each rule is a module with ``ID``, a docstring (its user documentation: pass, fail, unknown, an
example) and ``check(situation) -> Verdict``. A candidate is feasible on a target when no rule
fails and no rule answers a *blocking* unknown (see ``Verdict.rejects``).

The rules fall in three levels, evaluated in this order by the engine: model-level (the model and
the service alone), placement (can this runtime run this model on this target at all) and
estimate-level (memory and speed). Every rule of a level runs, so a rejection lists all reasons of
that level; the next level runs only when the previous one passed (a runtime that does not run on
Android has no memory figure there worth reporting). Rules are pure: no I/O,
no printing, no clock.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from feasibility.rules import (
    accelerator,
    architecture_support,
    artifact,
    bits_floor,
    context_window,
    decode_speed,
    inputs,
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
    inputs,
    accelerator,
    artifact,
    bits_floor,
    memory_fit,
    decode_speed,
    task_fit,
)

CHECKS: tuple[tuple[str, Callable[[Situation], Verdict]], ...] = tuple(
    (r.ID, r.check) for r in RULES
)

MODEL_LEVEL = frozenset({param_cap.ID, license.ID, languages.ID, context_window.ID, task_fit.ID})
"""Rules that depend on the model and service only (same verdict on every runtime and target)."""
PLACEMENT_LEVEL = frozenset(
    {os_support.ID, architecture_support.ID, inputs.ID, artifact.ID, accelerator.ID, bits_floor.ID}
)
"""Rules that decide whether the runtime can run the model on the target at all (and at what
precision: the bits floor reads only the quantization, which the placement cache keys on)."""
ESTIMATE_LEVEL = frozenset({memory_fit.ID, decode_speed.ID})
"""Rules that read the memory/speed estimate."""
MEDIA_ONLY = frozenset({inputs.ID})
"""Rules that run only when the service sends images or audio (``Service.media``)."""
BUDGET_BLIND = frozenset({decode_speed.ID})
"""Estimate-level rules that do not read the target's memory budget (their verdicts can be shared
by devices that differ only in RAM). A rule left out of this set is keyed by the budget too."""


def get(rule_id: str) -> ModuleType:
    for r in RULES:
        if rule_id == r.ID:
            return r
    raise KeyError(f'no such rule: "{rule_id}"')
