"""Placed builds sorted by memory need, per placement: a target takes the prefix its budget admits.

Why: screening a fleet asks, for thousands of devices, which builds are feasible and how they
score. Memory does not depend on the device, and devices share a few placements (the same OS,
accelerators and RAM class), so the builds that pass the model level and placement are sorted
once per placement by their memory total. A device then takes the prefix its budget admits
(``memory_fit.fits``) and judges only those by speed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from feasibility.estimates import Estimates
from feasibility.placements import Placements
from feasibility.situation import Candidate, Placement, Target
from feasibility.target_keys import TargetKeys

Rung = tuple[int, Candidate, Placement]
"""A placed build: its candidate index, the candidate and its placement."""
Member = tuple[int, Candidate, tuple[str, str, str]]
"""A candidate the model level admits: its index, itself and its key."""


@dataclass
class MemoryLadder:
    """Placed builds by memory total, per placement and artifact key."""

    candidates: list[Candidate]
    placements: Placements
    estimates: Estimates
    model_rejects: Callable[[Candidate, Target], bool]
    """Whether a model-level rule rejects the candidate (those rules read no device)."""
    _ladders: dict[tuple[int, int], tuple[list[int], list[Rung]]] = field(default_factory=dict)
    _groups: list[tuple[Candidate, list[Member]]] | None = None

    def rungs(self, target: Target, keys: TargetKeys) -> tuple[list[int], list[Rung]]:
        """(memory totals, placed builds) in ascending memory, then candidate index."""
        key = (keys.placement, keys.artifact)
        hit = self._ladders.get(key)
        if hit is None:
            rows = self._rows(target, keys)
            rows.sort(key=lambda r: (r[0], r[1][0]))
            hit = self._ladders[key] = ([r[0] for r in rows], [r[1] for r in rows])
        return hit

    def _rows(self, target: Target, keys: TargetKeys) -> list[tuple[int, Rung]]:
        """Every build past the model level and placement here, with its memory total.

        One placement for every model of a runtime and encoding, one architecture verdict per
        runtime (the parts of ``Placements.placed``, without merging them)."""
        rows = []
        p, est, akey = self.placements, self.estimates, keys.artifact
        for first, members in self._live_groups(target):
            if p.arch_only(first, target)[1]:
                continue
            where, _, rejects = p.shared(first, target, keys.placement)
            backend = where.backend
            if backend is None or rejects:
                continue
            for i, cand, ckey in members:
                build = p.known_build(ckey, akey) or p.build_verdict(cand, target, akey)
                if build.rejects:
                    continue
                mem = est.known_memory(ckey, backend) or est.memory(cand, backend)
                rows.append((mem.total_bytes, (i, cand, where)))
        return rows

    def _live_groups(self, target: Target) -> list[tuple[Candidate, list[Member]]]:
        """Candidates by runtime, quantization and architecture (what placement reads apart from
        the model's own build), each group with its first candidate, keeping only those the model
        level admits (the same for every target)."""
        if self._groups is None:
            groups: dict[tuple[str, str, str], tuple[Candidate, list[int]]] = {}
            for i, c in enumerate(self.candidates):
                key = (c.runtime.id, c.quant.id, c.model.architecture.type)
                groups.setdefault(key, (c, []))[1].append(i)
            self._groups = [
                (
                    first,
                    [
                        (i, c, c.key)
                        for i in members
                        if not self.model_rejects(c := self.candidates[i], target)
                    ],
                )
                for first, members in groups.values()
            ]
        return self._groups
