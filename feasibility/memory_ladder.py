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
Row = tuple[int, int, Candidate, Placement]
"""A placed build's memory total, then its rung (sorting rows sorts by total, then index)."""
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
    _members: dict[tuple[int, str, int], list[tuple[int, int, Candidate]]] = field(
        default_factory=dict
    )

    def rungs(self, target: Target, keys: TargetKeys) -> tuple[list[int], list[Rung]]:
        """(memory totals, placed builds) in ascending memory, then candidate index."""
        key = (keys.placement, keys.artifact)
        hit = self._ladders.get(key)
        if hit is None:
            rows = self._rows(target, keys)
            rows.sort()  # by total, then index (unique: the placements are never compared)
            hit = self._ladders[key] = ([r[0] for r in rows], [r[1:] for r in rows])
        return hit

    def _rows(self, target: Target, keys: TargetKeys) -> list[Row]:
        """Every build past the model level and placement here, with its memory total.

        One placement for every model of a runtime and encoding, one architecture verdict per
        runtime (the parts of ``Placements.placed``, without merging them)."""
        rows: list[Row] = []
        p = self.placements
        for g, (first, members) in enumerate(self._live_groups(target)):
            if p.arch_only(first, target)[1]:
                continue
            where, _, rejects = p.shared(first, target, keys.placement)
            backend = where.backend
            if backend is None or rejects:
                continue
            built = self._built(g, members, target, backend, keys.artifact)
            rows.extend((total, i, cand, where) for total, i, cand in built)
        return rows

    def _built(
        self, g: int, members: list[Member], target: Target, backend: str, akey: int
    ) -> list[tuple[int, int, Candidate]]:
        """The group's members whose build passes the artifact rule here, with their memory
        total on ``backend``: once per group, backend and artifact key."""
        key = (g, backend, akey)
        hit = self._members.get(key)
        if hit is None:
            p, est = self.placements, self.estimates
            hit = self._members[key] = [
                (est.memory(cand, backend).total_bytes, i, cand)
                for i, cand, _ in members
                if not p.build_verdict(cand, target, akey).rejects
            ]
        return hit

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
