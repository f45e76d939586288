"""One candidate on one target, with everything the evaluator concluded about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from feasibility.estimator import Estimate
from feasibility.situation import Candidate, Target
from feasibility.verdict import ScoreTerms, Verdict


class _NoEstimate:
    """Stands in for the estimate where rules of earlier levels run (they never read it)."""

    def __getattr__(self, name: str) -> Any:  # pragma: no cover - a bug if reached
        raise AttributeError(f"model-level and placement rules must not read the estimate ({name})")


NO_ESTIMATE: Any = _NoEstimate()
"""The estimate of a situation judged by model-level or placement rules (typed ``Any`` because
it stands where an :class:`Estimate` goes and raises on any use)."""


@dataclass(frozen=True, slots=True)
class Option:
    """One candidate on one target, with everything the evaluator concluded about it."""

    candidate: Candidate
    target: Target
    backend: str | None
    estimate: Estimate | None
    """None when a model-level or placement rule rejected the candidate first."""
    verdicts: tuple[Verdict, ...]
    terms: ScoreTerms | None
    """The score, when every rule after the model level passed."""
    judged: bool = False
    """Every rule level ran: the estimate-level rules (memory, then speed) judged a full
    estimate. False where an earlier level rejected, or the build was over its budget (the speed
    rules are not run on a build that cannot load)."""
    _failures: tuple[Verdict, ...] | None = field(default=None, repr=False, compare=False)
    """``failures``, computed on first use (the claims ask for it many times per option)."""

    @property
    def feasible(self) -> bool:
        return self.terms is not None and not self.failures

    @property
    def failures(self) -> tuple[Verdict, ...]:
        hit = self._failures
        if hit is None:
            hit = tuple(v for v in self.verdicts if v.rejects)
            object.__setattr__(self, "_failures", hit)
        return hit

    @property
    def first_failure(self) -> Verdict | None:
        """The first rejecting verdict in rule order (the true reason this build is out)."""
        failures = self.failures
        return failures[0] if failures else None

    def passes_except(self, rules: frozenset[str]) -> bool:
        """Every rule ran and only rules in ``rules`` rejected (what lifting them would admit)."""
        return self.judged and all(v.rule in rules for v in self.failures)

    @property
    def rank_key(self) -> tuple[float, str, str, str]:
        """Best first: highest order (tier, then score), then ids (deterministic ties)."""
        assert self.terms is not None
        c = self.candidate
        return (-self.terms.order, c.model.id, c.quant.id, c.runtime.id)
