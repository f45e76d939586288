"""Memory and speed of placed candidates, cached by what they read.

- Memory does not depend on the device: once per build and backend (``memory``), and per budget
  the memory rule's verdict where it does not fit (``sized``; a build whose weights alone exceed
  the budget is judged from that lower bound, without a layout).
- Speeds depend on the build, the backend and the device's speed inputs: once per those
  (``speeds``, a few numbers from the estimator, no estimate object).
- An unmeasured runtime/backend pair is never faster than the measured reference runtime
  (llama.cpp's slowest build at the nearest weight bits) where that runs the model on the same
  backend (``pace``): this reads the target's placement too, so it is cached per build, backend
  and all of the target's keys.
- The full :class:`~feasibility.estimator.Estimate` (assumption texts, every figure) is built only
  for output (``full``): screening a fleet judges and scores from the numbers alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from feasibility.catalog import Catalog
from feasibility.estimator import (
    Estimate,
    estimate,
    floor_bytes,
    on_device,
    replaced,
    weights_floor,
)
from feasibility.estimator.core import ASSUMPTIONS, Speeds, device_speeds
from feasibility.estimator.encoder import media_cost
from feasibility.estimator.speed import measured_on
from feasibility.placements import Placements
from feasibility.rules import memory_fit
from feasibility.schema import Service
from feasibility.situation import Candidate, Placement, Situation, Target
from feasibility.target_keys import TargetKeys
from feasibility.verdict import Verdict

REFERENCE_RUNTIME = "llama.cpp"
"""The runtime whose speed on a backend is measured most widely (the cap for unmeasured pairs)."""


class Pace(NamedTuple):
    """A placed build's speeds on a device after the cap for unmeasured runtimes."""

    decode_tps: float | None
    prefill_tps: float | None
    ttft_ms: float | None
    energy_mj_per_token: float | None
    unmeasured: bool
    """The runtime/backend pair has no measurement here (the estimate says so)."""
    capped: bool = False
    """An unmeasured pair's speeds were held to a measured reference build's here. False when no
    measured runtime runs the model on this backend (or neither has a speed to compare), so the
    report does not claim a cap that never applied."""


@dataclass
class Estimates:
    """Memory and speeds of one service's builds on any number of targets."""

    catalog: Catalog
    service: Service
    placements: Placements
    by_key: Mapping[tuple[str, str, str], Candidate]
    """The evaluator's candidates by key (the reference builds are looked up here)."""
    _memory: dict[tuple[object, ...], Estimate] = field(default_factory=dict)
    _sized: dict[tuple[object, ...], tuple[Estimate, Verdict | None]] = field(default_factory=dict)
    _speeds: dict[tuple[object, ...], Speeds] = field(default_factory=dict)
    _paces: dict[tuple[object, ...], Pace] = field(default_factory=dict)
    _references: dict[tuple[object, ...], Speeds | None] = field(default_factory=dict)
    _full: dict[tuple[object, ...], Estimate] = field(default_factory=dict)
    _nearest: dict[tuple[str, float, bool], list[Candidate]] = field(default_factory=dict)

    @property
    def prompt_tokens(self) -> int:
        """The service's typical prompt: its context minus its output (what TTFT is for)."""
        return max(1, self.service.context_tokens - self.service.output_tokens)

    def memory(self, cand: Candidate, backend: str | None) -> Estimate:
        """The device-independent estimate (memory; no speeds), once per build and backend."""
        key = (cand.key, backend)
        hit = self._memory.get(key)
        if hit is None:
            hit = self._memory[key] = estimate(
                cand.model,
                cand.quant,
                self.service.context_tokens,
                runtime=cand.runtime,
                backend=backend,
                prompt_tokens=self.prompt_tokens,
                media=media_cost(cand.model, cand.runtime.id, self.service),
            )
        return hit

    def known_memory(self, ckey: tuple[str, str, str], backend: str) -> Estimate | None:
        """The memory estimate already cached for a build key (screening's inner loop)."""
        return self._memory.get((ckey, backend))

    def sized(
        self, cand: Candidate, target: Target, where: Placement
    ) -> tuple[Estimate, Verdict | None]:
        """The memory estimate on this budget, and the memory verdict when it does not fit.

        When the weights alone exceed the budget, the estimate is that lower bound (no layout).
        """
        backend, budget = where.backend, target.budget_bytes
        key = (cand.key, backend, budget)
        hit = self._sized.get(key)
        if hit is None:
            est: Estimate
            if floor_bytes(cand.model, cand.quant) > budget:
                ctx = self.service.context_tokens
                est = weights_floor(
                    cand.model, cand.quant, ctx, runtime=cand.runtime, backend=backend
                )
            else:
                est = self.memory(cand, backend)
            over = None
            if est.total_bytes > budget:
                over = self.judge_memory(cand, target, est, where)
            hit = self._sized[key] = (est, over)
        return hit

    def judge_memory(
        self, cand: Candidate, target: Target, est: Estimate, where: Placement | None = None
    ) -> Verdict:
        """The memory rule's verdict on a given estimate."""
        p = self.placements
        sit = Situation(cand, target, self.service, p.constraints, est.backend, est, where)
        return memory_fit.check(sit)

    def speeds(self, cand: Candidate, target: Target, backend: str, skey: int) -> Speeds:
        """The build's own speeds on this device (before any cap), once per build, backend and
        speed key (``skey``): reference builds are asked for again and again."""
        key = (cand.key, backend, skey)
        hit = self._speeds.get(key)
        if hit is None:
            hit = self._speeds[key] = device_speeds(
                self.memory(cand, backend),
                cand.model,
                cand.quant,
                device=target.device,
                runtime=cand.runtime,
                backend=backend,
                prompt_tokens=self.prompt_tokens,
            )
        return hit

    def pace(
        self, cand: Candidate, target: Target, backend: str, where: Placement, keys: TargetKeys
    ) -> Pace:
        """The placed build's speeds here, capped where its runtime/backend pair is unmeasured."""
        key = (cand.key, backend, keys)
        hit = self._paces.get(key)
        if hit is None:
            sp = self.speeds(cand, target, backend, keys.speed)
            decode, prefill, ttft = sp.decode_tps, sp.prefill_tps, sp.ttft_ms
            route = where.route
            kind = target.device.kind
            unmeasured = route is not None and not (route.measured and measured_on(sp.family, kind))
            capped = False
            if unmeasured:
                ref = self._reference(cand, target, backend, keys)
                if ref is not None and decode is not None and ref.decode_tps is not None:
                    decode, capped = min(decode, ref.decode_tps), True
                if ref is not None and prefill is not None and ref.prefill_tps is not None:
                    prefill, capped = min(prefill, ref.prefill_tps), True
                    if ttft is not None and ref.ttft_ms is not None:
                        ttft = max(ttft, ref.ttft_ms)
            hit = Pace(decode, prefill, ttft, sp.energy_mj_per_token, unmeasured, capped)
            self._paces[key] = hit
        return hit

    def full(
        self, cand: Candidate, target: Target, backend: str, where: Placement, keys: TargetKeys
    ) -> Estimate:
        """The complete estimate (memory and this device's speeds, capped) of a placed build."""
        key = (cand.key, backend, keys)
        hit = self._full.get(key)
        if hit is None:
            sp = self.speeds(cand, target, backend, keys.speed)
            hit = on_device(
                self.memory(cand, backend),
                cand.model,
                cand.quant,
                device=target.device,
                runtime=cand.runtime,
                backend=backend,
                prompt_tokens=self.prompt_tokens,
                sp=sp,
            )
            pace = self.pace(cand, target, backend, where, keys)
            if pace.unmeasured:
                hit = _marked_unmeasured(hit, pace)
            self._full[key] = hit
        return hit

    def _reference(
        self, cand: Candidate, target: Target, backend: str, keys: TargetKeys
    ) -> Speeds | None:
        """The reference runtime's slowest measured build at the nearest weight bits, once per
        model, bits, backend and target keys (every unmeasured runtime of a model asks for it)."""
        is_ref = cand.runtime.id == REFERENCE_RUNTIME
        key = (cand.model.id, cand.quant.weight_bits, is_ref, backend, keys)
        if key not in self._references:
            self._references[key] = self._find_reference(cand, target, backend, keys)
        return self._references[key]

    def _find_reference(
        self, cand: Candidate, target: Target, backend: str, keys: TargetKeys
    ) -> Speeds | None:
        refs = []
        for ref in self._nearest_builds(cand):
            # the reference on this accelerator, even where it would pick another
            route = self.placements.placed(ref, target, keys)[0].route_to(backend)
            if route is not None and route.measured:
                refs.append(self.speeds(ref, target, backend, keys.speed))
        # the slowest measured build at the nearest bits: an unmeasured runtime earns no more
        return min(refs, key=lambda s: s.decode_tps or 0.0, default=None)

    def _nearest_builds(self, cand: Candidate) -> list[Candidate]:
        """The reference runtime's builds of the model at the weight bits nearest the
        candidate's, in quantization id order (none for the reference runtime itself or an
        architecture it does not run): once per model and bits."""
        key = (cand.model.id, cand.quant.weight_bits, cand.runtime.id == REFERENCE_RUNTIME)
        hit = self._nearest.get(key)
        if hit is None:
            hit = self._nearest[key] = []
            ref_rt = self.catalog.runtimes.get(REFERENCE_RUNTIME)
            if ref_rt is None or ref_rt.id == cand.runtime.id:
                return hit
            if cand.model.architecture.type not in ref_rt.architectures:
                return hit
            quants = self.catalog.quantizations
            bits = cand.quant.weight_bits
            gap = min(abs(quants[q].weight_bits - bits) for q in ref_rt.quantizations)
            hit.extend(
                self._reference_build(cand, qid)
                for qid in sorted(ref_rt.quantizations)
                if abs(quants[qid].weight_bits - bits) == gap
            )
        return hit

    def _reference_build(self, cand: Candidate, qid: str) -> Candidate:
        """The reference runtime's build of the model in ``qid``: the evaluator's own candidate
        (so its placement is cached with its artifact), else made here."""
        hit = self.by_key.get((cand.model.id, qid, REFERENCE_RUNTIME))
        if hit is not None:
            return hit
        ref_rt = self.catalog.runtimes[REFERENCE_RUNTIME]
        art = self.catalog.artifact_entry(cand.model.id, ref_rt.id, qid)
        return Candidate(cand.model, self.catalog.quantizations[qid], ref_rt, cand.license, art)


def _marked_unmeasured(est: Estimate, pace: Pace) -> Estimate:
    """The estimate with the capped speeds and the ``speed-unmeasured`` assumption, or
    ``speed-uncapped`` when no measured reference held it."""
    code = "speed-unmeasured" if pace.capped else "speed-uncapped"
    return replaced(
        est,
        {
            "assumption_codes": (*est.assumption_codes, code),
            "assumptions": (*est.assumptions, ASSUMPTIONS[code]),
            "decode_tps": pace.decode_tps,
            "prefill_tps": pace.prefill_tps,
            "ttft_ms": pace.ttft_ms,
        },
    )
