"""From evaluated options to ranked models and the two picks.

A model is recommendable when it has at least one feasible option on every target; its option on
a target is that target's best-scoring one (so iOS and Android can get their own runtime). Models
rank by their score on the weakest target; the second pick comes from another developer when one
is feasible (a real second opinion), else another family, else the runner-up. Ties break by id.
``check`` and ``screen`` both rank through here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from feasibility.evaluator import Option
from feasibility.schema import ModelEntry
from feasibility.situation import Candidate

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Ranked(Generic[T]):
    """A feasible model: its best entry per target (in target order) and its ranking score."""

    model: str
    bests: tuple[T, ...]
    score: float
    """The score on the weakest target."""


Scored = tuple[Candidate, float, T]
"""A feasible candidate on one target, its score, and what the caller keeps with it."""


def rank(per_target: Sequence[Iterable[Scored[T]]]) -> list[Ranked[T]]:
    """Models feasible on every target, best first (score on the weakest target, then id).

    Per target a model's best entry is the highest score, then the lowest quantization and
    runtime ids (deterministic ties).
    """
    best: list[dict[str, tuple[tuple[float, str, str], float, T]]] = []
    for entries in per_target:
        top: dict[str, tuple[tuple[float, str, str], float, T]] = {}
        for cand, score, payload in entries:
            key = (-score, cand.quant.id, cand.runtime.id)
            mid = cand.model.id
            if mid not in top or key < top[mid][0]:
                top[mid] = (key, score, payload)
        best.append(top)
    common = set(best[0]).intersection(*best[1:]) if best else set()
    out = []
    for mid in common:
        picks = [b[mid] for b in best]
        out.append(Ranked(mid, tuple(p[2] for p in picks), min(p[1] for p in picks)))
    out.sort(key=lambda r: (-r.score, r.model))
    return out


def feasible_models(per_target: Sequence[Iterable[Option]]) -> list[Ranked[Option]]:
    """:func:`rank` over evaluated options (the feasible ones)."""
    return rank(
        [
            [(o.candidate, o.terms.total, o) for o in opts if o.feasible and o.terms is not None]
            for opts in per_target
        ]
    )


def pick_two(ranked: Sequence[Ranked[T]], models: Mapping[str, ModelEntry]) -> list[Ranked[T]]:
    if not ranked:
        return []
    first = models[ranked[0].model]
    for differs in (
        lambda m: m.developer != first.developer,
        lambda m: m.family != first.family,
        lambda m: True,
    ):
        for r in ranked[1:]:
            if differs(models[r.model]):
                return [ranked[0], r]
    return [ranked[0]]


def weakest(r: Ranked[Option]) -> Option:
    """The option on the target where the model scores lowest (first such target on ties)."""
    return min(r.bests, key=lambda o: (o.terms.total if o.terms else 0.0, o.target.index))
