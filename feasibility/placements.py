"""Placement of candidates on targets: the backend and the placement-level verdicts, cached.

Placement reads the runtime, the encoding, the model's architecture and build, and the target's
placement inputs (``feasibility.target_keys``). Its parts are cached by exactly what they read
(``feasibility.rule_scopes``):

- ``situation.place`` and the rules that read no model, per runtime, encoding and placement key
  (shared by every architecture);
- the architecture rules, per runtime and architecture (no target);
- the artifact rule, per build and the target's artifact key (the RAM it has);
- the inputs rule, for a service that sends images or audio, per build.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from feasibility.option import NO_ESTIMATE
from feasibility.rule_scopes import (
    ARCH_ONLY,
    ARTIFACT_AT,
    RUNTIME_PLACEMENT,
    any_rejects,
    in_rule_order,
    run,
)
from feasibility.rules import MEDIA_ONLY, artifact
from feasibility.schema import Constraints, Service
from feasibility.situation import Candidate, Placement, Situation, Target, place
from feasibility.target_keys import TargetKeys
from feasibility.verdict import Verdict

Placed = tuple[Placement, tuple[Verdict, ...], bool]
"""Where the build runs, its placement verdicts in rule order, and whether one rejects."""


@dataclass
class Placements:
    """Placements of one service's candidates on any number of targets."""

    service: Service
    constraints: Constraints
    _placed: dict[tuple[object, ...], Placed] = field(default_factory=dict)
    _by_arch: dict[tuple[object, ...], tuple[Placement, tuple[Verdict, ...]]] = field(
        default_factory=dict
    )
    _arch_only: dict[tuple[str, str], tuple[tuple[Verdict, ...], bool]] = field(
        default_factory=dict
    )
    _shared: dict[tuple[str, str, int], Placed] = field(default_factory=dict)
    _builds: dict[tuple[object, ...], Verdict] = field(default_factory=dict)
    _media: bool = field(init=False)

    def __post_init__(self) -> None:
        self._media = bool(self.service.media)

    def situation(
        self,
        cand: Candidate,
        target: Target,
        where: Placement | None = None,
    ) -> Situation:
        """What a placement rule judges (no estimate yet)."""
        backend = where.backend if where is not None else None
        return Situation(cand, target, self.service, self.constraints, backend, NO_ESTIMATE, where)

    def placed(self, cand: Candidate, target: Target, keys: TargetKeys) -> Placed:
        """The candidate's placement and every placement-level verdict on this target."""
        key = (cand.key, keys.placement, keys.artifact)
        hit = self._placed.get(key)
        if hit is None:
            where, by_arch = self._by_architecture(cand, target, keys.placement)
            build = self.build_verdict(cand, target, keys.artifact)
            verdicts = (*by_arch[:ARTIFACT_AT], build, *by_arch[ARTIFACT_AT:])
            media = self._media_verdicts(cand, target)
            if media:
                verdicts = in_rule_order(*verdicts, *media)
            rejects = where.backend is None or any_rejects(verdicts)
            hit = self._placed[key] = (where, verdicts, rejects)
        return hit

    def _by_architecture(
        self, cand: Candidate, target: Target, pkey: int
    ) -> tuple[Placement, tuple[Verdict, ...]]:
        """Placement rules that read the runtime, encoding and architecture (not the model's own
        artifact), shared by every model of that architecture."""
        key = (cand.runtime.id, cand.quant.id, cand.model.architecture.type, pkey)
        hit = self._by_arch.get(key)
        if hit is None:
            where, shared, _ = self.shared(cand, target, pkey)
            own = self.arch_only(cand, target)[0]
            hit = self._by_arch[key] = (where, in_rule_order(*shared, *own))
        return hit

    def arch_only(self, cand: Candidate, target: Target) -> tuple[tuple[Verdict, ...], bool]:
        """The ``ARCH_ONLY`` verdicts and whether one rejects, per runtime and architecture."""
        key = (cand.runtime.id, cand.model.architecture.type)
        hit = self._arch_only.get(key)
        if hit is None:
            own = run(self.situation(cand, target), ARCH_ONLY)
            hit = self._arch_only[key] = (own, any_rejects(own))
        return hit

    def shared(self, cand: Candidate, target: Target, pkey: int) -> Placed:
        """``situation.place`` and the placement rules that do not read the model
        (``RUNTIME_PLACEMENT``): they read the runtime, the encoding and the target's placement
        inputs, so every architecture shares them."""
        key = (cand.runtime.id, cand.quant.id, pkey)
        hit = self._shared.get(key)
        if hit is None:
            where = place(cand.runtime, target.device, self.constraints, cand.quant)
            verdicts = run(self.situation(cand, target, where), RUNTIME_PLACEMENT)
            rejects = where.backend is None or any_rejects(verdicts)
            hit = self._shared[key] = (where, verdicts, rejects)
        return hit

    def build_verdict(self, cand: Candidate, target: Target, akey: int) -> Verdict:
        """The artifact rule: whether this model's build exists, and the runtime maker's RAM
        guidance (it reads the build and the device's RAM only)."""
        key = (cand.key, akey)
        hit = self._builds.get(key)
        if hit is None:
            hit = self._builds[key] = artifact.check(self.situation(cand, target))
        return hit

    def known_build(self, ckey: tuple[str, str, str], akey: int) -> Verdict | None:
        """The artifact verdict already cached for a build key and artifact key (screening's
        inner loop asks before it builds a situation)."""
        return self._builds.get((ckey, akey))

    def _media_verdicts(self, cand: Candidate, target: Target) -> tuple[Verdict, ...]:
        """The inputs rule, for a service that sends images or audio (it reads the model, the
        runtime, the service and the target's OS, a placement input)."""
        if not self._media:
            return ()
        return run(self.situation(cand, target), MEDIA_ONLY)
