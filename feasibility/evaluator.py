"""The one evaluator: every rule on one (model, quantization, runtime) candidate on one target.

``check``, ``explain`` and ``screen`` all call :class:`Evaluator`; nothing else runs the rules.

Why one object: the same candidate is evaluated on many targets (a fleet has thousands of rows),
and most of the work does not depend on the whole target. The evaluator owns the caches, each
keyed by exactly what its computation reads (the keys come from ``feasibility.target_keys``):

- model-level verdicts, per model (those rules read the model, its licence, the service and the
  constraints; the last two are fixed for an evaluator);
- placement (backend and placement-level verdicts, ``feasibility.placements``);
- estimates (``feasibility.estimates``): memory once per build and backend, speeds per build,
  backend and the device's speed inputs; estimate-level verdicts and the score per build,
  backend, target keys and budget;
- merits and bonuses of builds (``feasibility.scoring.Scorer``).

Rules run level by level (see ``feasibility.rules``): model level, placement, estimate. A level
runs only when the previous one passed, except that :meth:`Evaluator.option` can be asked to go
on past a model-level rejection (``explain`` and the "what would change the answer" search need
the numbers of a build that a licence or language kept out). When the weights alone exceed the
budget, the memory rule is decided from a lower bound and the speed rules are not run (there is
no speed to speak of for a build that cannot load).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from feasibility.catalog import Catalog
from feasibility.errors import InputError, Problem
from feasibility.estimates import Estimates
from feasibility.estimator import Estimate
from feasibility.memory_ladder import MemoryLadder
from feasibility.option import Option
from feasibility.placements import Placements
from feasibility.rule_scopes import (
    AFTER_MEMORY,
    AFTER_MEMORY_BLIND,
    ARCH_ONLY,
    RUNTIME_PLACEMENT,
    SPEED_PREDICATES,
    any_rejects,
    run,
)
from feasibility.rules import ESTIMATE_LEVEL, MODEL_LEVEL, memory_fit
from feasibility.schema import Constraints, Service
from feasibility.scoring import Scorer
from feasibility.situation import Candidate, Placement, Situation, Target
from feasibility.target_keys import (
    ARTIFACT_INPUTS,
    PLACEMENT_INPUTS,
    SPEED_INPUTS,
    KeyRing,
    TargetKeys,
)
from feasibility.units import did_you_mean
from feasibility.verdict import ScoreTerms, Verdict

__all__ = [
    "ARCH_ONLY",
    "ARTIFACT_INPUTS",
    "PLACEMENT_INPUTS",
    "RUNTIME_PLACEMENT",
    "SPEED_INPUTS",
    "AtBudget",
    "Evaluator",
    "Option",
    "candidates",
    "check_restrictions",
]


def check_restrictions(constraints: Constraints, catalog: Catalog, source: str) -> None:
    """Unknown runtime or quantization ids in ``constraints`` are input errors."""
    problems = []
    for name, what, known in (
        ("runtimes", "runtime", catalog.runtimes),
        ("quantizations", "quantization", catalog.quantizations),
    ):
        for i, wanted in enumerate(getattr(constraints, name)):
            if wanted not in known:
                problems.append(
                    Problem(
                        f"unknown {what} '{wanted}'{did_you_mean(wanted, known)}",
                        path=f"constraints.{name}[{i}]",
                    )
                )
    if problems:
        raise InputError("is not valid", source=source, problems=tuple(problems))


def candidates(catalog: Catalog, constraints: Constraints) -> list[Candidate]:
    """Every (model, quantization, runtime) triple to consider, in id order."""
    allowed_rt = set(constraints.runtimes)
    allowed_q = set(constraints.quantizations)
    out = []
    for model in catalog.models.values():
        lic = catalog.license_of(model)
        for runtime in catalog.runtimes.values():
            if allowed_rt and runtime.id not in allowed_rt:
                continue
            for qid in sorted(runtime.quantizations):
                if allowed_q and qid not in allowed_q:
                    continue
                art = catalog.artifact_entry(model.id, runtime.id, qid)
                out.append(Candidate(model, catalog.quantizations[qid], runtime, lic, art))
    return out


def _too_slow(decode_tps: float | None, minimum: float | None) -> bool:
    """Whether a rule after the memory rule rejects a build of this speed."""
    return any(rejects(decode_tps, minimum) for rejects in _SPEED_RULES)


_SPEED_RULES = tuple(SPEED_PREDICATES.values())


class AtBudget(NamedTuple):
    """A build's standing at another budget (:meth:`Evaluator.at_budget`)."""

    feasible: bool
    """Every rule passes."""
    fits: bool
    """Every rule up to and including the memory rule passes (the speed rules may not)."""
    decode_tps: float | None
    """Its decode speed where it fits (None where it does not, or no estimate gives one)."""


_NOT_AT_BUDGET = AtBudget(False, False, None)

Judged = tuple[tuple[Verdict, ...], ScoreTerms | None]
"""Estimate-level verdicts and the score when none rejects."""


@dataclass
class Evaluator:
    """Evaluates candidates of one service on any number of targets, caching what it can."""

    catalog: Catalog
    service: Service
    constraints: Constraints
    candidates: list[Candidate] = field(init=False)
    keys: KeyRing = field(init=False, default_factory=KeyRing)
    placements: Placements = field(init=False)
    estimates: Estimates = field(init=False)
    scorer: Scorer = field(init=False)
    ladder: MemoryLadder = field(init=False)
    _model: dict[str, tuple[tuple[Verdict, ...], bool]] = field(init=False, default_factory=dict)
    _judged: dict[tuple[object, ...], Judged] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.candidates = candidates(self.catalog, self.constraints)
        self.placements = Placements(self.service, self.constraints)
        by_key = {c.key: c for c in self.candidates}
        self.estimates = Estimates(self.catalog, self.service, self.placements, by_key)
        self.scorer = Scorer(self.service, self.constraints)
        self.ladder = MemoryLadder(
            self.candidates, self.placements, self.estimates, self.model_rejects
        )

    # -- the three levels ------------------------------------------------------------------

    def model_verdicts(self, cand: Candidate, target: Target) -> tuple[Verdict, ...]:
        return self._model_level(cand, target)[0]

    def model_rejects(self, cand: Candidate, target: Target) -> bool:
        """Whether a model-level rule rejects the candidate (the same on every target)."""
        return self._model_level(cand, target)[1]

    def _model_level(self, cand: Candidate, target: Target) -> tuple[tuple[Verdict, ...], bool]:
        hit = self._model.get(cand.model.id)
        if hit is None:
            verdicts = run(self.placements.situation(cand, target), MODEL_LEVEL)
            hit = self._model[cand.model.id] = (verdicts, any_rejects(verdicts))
        return hit

    def placement(self, cand: Candidate, target: Target) -> tuple[Placement, tuple[Verdict, ...]]:
        where, verdicts, _ = self.placements.placed(cand, target, self.keys.of(target))
        return where, verdicts

    def memory_estimate(self, cand: Candidate, backend: str | None) -> Estimate:
        """The device-independent estimate (memory; no speeds), once per build and backend."""
        return self.estimates.memory(cand, backend)

    def full_estimate(
        self, cand: Candidate, target: Target, backend: str, where: Placement | None = None
    ) -> Estimate:
        """The complete estimate (memory and this device's speeds) of a placed candidate.

        ``where``: the candidate's placement on this target, when the caller holds it already.
        """
        keys = self.keys.of(target)
        if where is None:
            where = self.placements.placed(cand, target, keys)[0]
        return self.estimates.full(cand, target, backend, where, keys)

    def quality_term(self, cand: Candidate) -> float:
        """The build's quality term: what its score reports and the ranking breaks ties on."""
        return self.scorer.quality_term(cand)

    def option(self, cand: Candidate, target: Target, *, past_model_level: bool = False) -> Option:
        """Evaluate ``cand`` on ``target`` level by level.

        With ``past_model_level`` the placement and estimate levels run even when a model-level
        rule rejected the candidate (the option stays infeasible, but carries its numbers). A
        build over the budget gets only the memory verdict: its speed is not worth a rule.
        """
        return self._option(cand, target, self.keys.of(target), past_model_level)

    def _option(
        self, cand: Candidate, target: Target, keys: TargetKeys, past_model_level: bool
    ) -> Option:
        mv, model_rejects = self._model_level(cand, target)
        if model_rejects and not past_model_level:
            return Option(cand, target, None, None, mv, None)
        where, pv, placement_rejects = self.placements.placed(cand, target, keys)
        backend = where.backend
        if backend is None or placement_rejects:
            return Option(cand, target, backend, None, mv + pv, None)
        est, over = self.estimates.sized(cand, target, where)
        if over is not None:
            return Option(cand, target, backend, est, (*mv, *pv, over), None)
        est = self.estimates.full(cand, target, backend, where, keys)
        ev, terms = self._judge(cand, target, where, est, keys)
        return Option(cand, target, backend, est, (*mv, *pv, *ev), terms, judged=True)

    def _judge(
        self, cand: Candidate, target: Target, where: Placement, est: Estimate, keys: TargetKeys
    ) -> Judged:
        """The estimate-level verdicts and, when none rejects, the score."""
        key = (cand.key, where.backend, keys, target.budget_bytes)
        hit = self._judged.get(key)
        if hit is None:
            sit = Situation(cand, target, self.service, self.constraints, where.backend, est, where)
            ev = run(sit, ESTIMATE_LEVEL)
            hit = self._judged[key] = (ev, None if any_rejects(ev) else self.scorer.score(sit))
        return hit

    def options(self, target: Target, cands: Iterable[Candidate] | None = None) -> list[Option]:
        """Every candidate (or the ones given) on one target, in candidate order."""
        keys = self.keys.of(target)
        pool = self.candidates if cands is None else cands
        return [self._option(c, target, keys, False) for c in pool]

    def scores(self, target: Target) -> list[tuple[int, float, float]]:
        """(candidate index, order value, score) of every feasible candidate on ``target``, in
        index order. The order value (``ScoreTerms.order``: the tier, then the score) is what
        ranking sorts by; the score is what a report shows (never the order value, which a
        lower tier makes negative).

        The same rules and caches as :meth:`options`, without building an :class:`Option` or an
        estimate per candidate: what screening thousands of devices needs. The placed builds
        come sorted by memory (``feasibility.memory_ladder``), so a target takes the prefix its
        budget admits; the rules after the memory rule judge the build's speeds by their
        predicates, and the score is computed from the same few numbers.
        """
        keys = self.keys.of(target)
        totals, rungs = self.ladder.rungs(target, keys)
        budget = target.budget_bytes
        minimum = self.constraints.min_decode_tps
        pace_of, order_of = self.estimates.pace, self.scorer.order
        out = []
        admitted = bisect_right(totals, budget)
        for (i, cand, where), need in zip(rungs[:admitted], totals[:admitted], strict=True):
            backend = where.backend
            assert backend is not None
            pace = pace_of(cand, target, backend, where, keys)
            if _too_slow(pace.decode_tps, minimum):
                continue
            if memory_fit.fits(need, budget):
                speed = (pace.decode_tps, pace.energy_mj_per_token, pace.ttft_ms)
                out.append((i, *order_of(cand, backend, where, speed, need, budget)))
        out.sort()
        return out

    def at_budget(self, cand: Candidate, target: Target, budget_bytes: int) -> AtBudget:
        """Whether ``cand`` would pass on ``target`` were its budget ``budget_bytes``: every
        rule, every rule but those after the memory rule (speed), and its decode speed there.

        What "which budget would admit this model" asks of many builds at many budgets. A budget
        changes the memory rule's verdict only (placement keys ignore it, and the rules after
        the memory rule are budget-blind), so the answer comes from the same caches as
        :meth:`scores`, without an estimate-level verdict or a score per budget. Were a rule
        after the memory rule to read the budget, the full option is evaluated instead.
        """
        if self.model_rejects(cand, target):
            return _NOT_AT_BUDGET
        keys = self.keys.of(target)
        where, _, rejects = self.placements.placed(cand, target, keys)
        backend = where.backend
        if backend is None or rejects:
            return _NOT_AT_BUDGET
        if not memory_fit.fits(self.estimates.memory(cand, backend).total_bytes, budget_bytes):
            return _NOT_AT_BUDGET
        if not AFTER_MEMORY_BLIND:
            o = self.option(cand, replace(target, budget_bytes=budget_bytes))
            tps = o.estimate.decode_tps if o.estimate is not None else None
            return AtBudget(o.feasible, o.passes_except(AFTER_MEMORY), tps)
        tps = self.estimates.pace(cand, target, backend, where, keys).decode_tps
        return AtBudget(not _too_slow(tps, self.constraints.min_decode_tps), True, tps)

    def judge_memory(self, cand: Candidate, target: Target, est: Estimate) -> Verdict:
        """The memory rule's verdict on a given estimate (a full one where a floor decided)."""
        return self.estimates.judge_memory(cand, target, est)

    def complete(self, o: Option) -> Estimate | None:
        """The option's full memory estimate, also where the evaluator stopped at the weights
        floor (None when no rule level reached the estimate)."""
        if o.estimate is None or o.backend is None:
            return None
        if not o.estimate.lower_bound:
            return o.estimate
        return self.memory_estimate(o.candidate, o.backend)
