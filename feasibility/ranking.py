"""From evaluated options to ranked models and the two picks.

A model is recommendable when it has at least one feasible option on every target; its option on
a target is that target's best-scoring one (so iOS and Android can get their own runtime). Models
rank by their score on the weakest target; the second pick comes from another developer when one
is feasible (a real second opinion), else another family, else the runner-up. Ties break by id.
``check`` and ``screen`` both rank through here.

Quality floor: a build under ``LOW_BIT_FLOOR`` bits per weight is not ranked while some model has
a feasible build of 4 bits or more on every target. Below about 3.5 bits per weight llama.cpp's
perplexity increase on Llama-3-8B jumps (Q3_K_S +1.63 and Q2_K +3.52 over 6.23, against Q4_K_M
+0.18; see ``feasibility.scoring``), and small models lose more: a 2-bit build of a 7B model is
not what a team should ship while a 4-bit build of a good model fits. When only low-bit builds
fit, they are ranked and the recommendation names the quality risk. ``constraints.min_bits``
raises the floor for every build (the ``bits-floor`` rule).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from feasibility.evaluator import Option
from feasibility.schema import ModelEntry
from feasibility.scoring import effective_bpw
from feasibility.situation import Candidate

T = TypeVar("T")

LOW_BIT_FLOOR = 3.5
"""Bits per weight under which a build is ranked only when no 4-bit build fits (see above)."""
FULL_BITS = 4.0
"""Nominal weight bits of a build that lifts the floor."""


@dataclass(frozen=True, slots=True)
class Ranked(Generic[T]):
    """A feasible model: its best entry per target (in target order) and its ranking score."""

    model: str
    bests: tuple[T, ...]
    score: float
    """The order value on the weakest target (``ScoreTerms.order``: the tier, then the score);
    a report shows the score itself, from the weakest option's terms."""


Scored = tuple[Candidate, float, T]
"""A feasible candidate on one target, its order value, and what the caller keeps with it."""


SCORE_DIGITS = 3
"""Scores equal to the decimals a report shows are a tie: a difference nobody can see must not
decide which model a team builds first."""


def rank(
    per_target: Sequence[Iterable[Scored[T]]],
    quality: Callable[[Candidate], float] | None = None,
) -> list[Ranked[T]]:
    """Models feasible on every target, best first: the score on the weakest target as a report
    shows it (``SCORE_DIGITS``), then the quality term of the model's build on that target
    (higher first; ``quality`` is the evaluator's one accessor, ``Evaluator.quality_term``),
    then id.

    Per target a model's best entry is the highest score, then the lowest quantization and
    runtime ids (deterministic ties). The weakest target is the one with the lowest score (the
    first such target on ties).
    """
    best: list[dict[str, tuple[tuple[float, str, str], float, T, Candidate]]] = []
    for entries in per_target:
        top: dict[str, tuple[tuple[float, str, str], float, T, Candidate]] = {}
        for cand, score, payload in entries:
            key = (-score, cand.quant.id, cand.runtime.id)
            mid = cand.model.id
            if mid not in top or key < top[mid][0]:
                top[mid] = (key, score, payload, cand)
        best.append(top)
    common = set(best[0]).intersection(*best[1:]) if best else set()
    out = []
    tiebreak: dict[str, float] = {}
    for mid in common:
        picks = [b[mid] for b in best]
        weakest_pick = min(picks, key=lambda p: p[1])
        out.append(Ranked(mid, tuple(p[2] for p in picks), weakest_pick[1]))
        tiebreak[mid] = quality(weakest_pick[3]) if quality is not None else 0.0
    out.sort(key=lambda r: (-round(r.score, SCORE_DIGITS), -tiebreak[r.model], r.model))
    return out


def feasible_models(
    per_target: Sequence[Iterable[Option]],
    quality: Callable[[Candidate], float],
    floor: bool | None = None,
) -> list[Ranked[Option]]:
    """:func:`rank` over evaluated options (the feasible ones), under the quality floor.

    ``quality``: the tie-break accessor (``Evaluator.quality_term``). ``floor``: whether the
    floor is active, when the caller already knows (``quality_floor``).
    """
    ok = [[o for o in opts if o.feasible and o.terms is not None] for opts in per_target]
    if quality_floor(ok) if floor is None else floor:
        ok = [[o for o in opts if not low_bit(o.candidate)] for opts in ok]
    scored = [[(o.candidate, o.terms.order, o) for o in opts if o.terms] for opts in ok]
    return rank(scored, quality)


def floored(per_target: Sequence[Iterable[Option]], ranked: Sequence[Ranked[Option]]) -> set[str]:
    """Models feasible on every target that the quality floor kept out of the ranking."""
    every = rank([[(o.candidate, 0.0, o) for o in opts if o.feasible] for opts in per_target])
    return {r.model for r in every} - {r.model for r in ranked}


def quality_floor(per_target: Sequence[Iterable[Option]]) -> bool:
    """The quality floor is active: some model has a feasible build of at least 4 bits on every
    target."""
    return full_bits_fit([[o for o in opts if o.feasible] for opts in per_target])


def low_bit(cand: Candidate) -> bool:
    """Under the quality floor (see the module docstring)."""
    return effective_bpw(cand.quant) < LOW_BIT_FLOOR


def full_bits_fit(per_target: Sequence[Sequence[Option]]) -> bool:
    """Some model has a feasible build of at least 4 bits on every target."""
    if not per_target:
        return False
    full = [
        {o.candidate.model.id for o in opts if o.candidate.quant.weight_bits >= FULL_BITS}
        for opts in per_target
    ]
    return bool(set.intersection(*full))


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
    return min(r.bests, key=lambda o: (o.terms.order if o.terms else 0.0, o.target.index))
