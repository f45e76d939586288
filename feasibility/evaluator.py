"""The one evaluator: every rule on one (model, quantization, runtime) candidate on one target.

``check``, ``explain`` and ``screen`` all call :class:`Evaluator`; nothing else runs the rules.

Why one object: the same candidate is evaluated on many targets (a fleet has thousands of rows),
and most of the work does not depend on the whole target. The evaluator owns three caches, each
keyed by exactly what its computation reads:

- model-level verdicts, per model (those rules read the model, its licence, the service and the
  constraints; the last two are fixed for an evaluator);
- placement (backend and placement-level verdicts), per runtime, quantization, architecture and
  the target's *placement inputs*, plus the artifact rule per build and device RAM (it reads the
  model, runtime, quantization and the maker's RAM guidance);
- estimates: memory once per candidate and backend (it does not depend on the device), speeds
  per candidate, backend and the device's *speed inputs*; estimate-level verdicts and the score
  per estimate and budget.

The placement and speed inputs are listed in one place (``PLACEMENT_INPUTS``, ``SPEED_INPUTS``),
and a test reads the rules', the placement's and the estimator's source for every device field
they touch and fails when one is missing from those lists: adding a rule input cannot silently
make a cache answer for the wrong device.

Rules run level by level (see ``feasibility.rules``): model level, placement, estimate. A level
runs only when the previous one passed, except that :meth:`Evaluator.option` can be asked to go
on past a model-level rejection (``explain`` and the "what would change the answer" search need
the numbers of a build that a licence or language kept out). When the weights alone exceed the
budget, the memory rule is decided from a lower bound and the speed rules are not run (there is
no speed to speak of for a build that cannot load).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from feasibility.catalog import Catalog
from feasibility.errors import InputError, Problem
from feasibility.estimator import (
    Estimate,
    estimate,
    floor_bytes,
    on_device,
    replaced,
    weights_floor,
)
from feasibility.estimator.core import ASSUMPTIONS
from feasibility.estimator.encoder import media_cost
from feasibility.estimator.speed import measured_on
from feasibility.rules import (
    BUDGET_BLIND,
    CHECKS,
    ESTIMATE_LEVEL,
    MEDIA_ONLY,
    MODEL_LEVEL,
    PLACEMENT_LEVEL,
    accelerator,
    artifact,
    bits_floor,
    memory_fit,
    os_support,
)
from feasibility.schema import Constraints, Device, Service
from feasibility.scoring import score, score_total
from feasibility.situation import Candidate, Placement, Situation, Target, place
from feasibility.units import did_you_mean
from feasibility.verdict import ScoreTerms, Verdict

_ARCH_PLACEMENT = PLACEMENT_LEVEL - {artifact.ID} - MEDIA_ONLY
"""Placement rules shared by every model of an architecture (the artifact rule is per model)."""
RUNTIME_PLACEMENT = frozenset({os_support.ID, accelerator.ID, bits_floor.ID})
"""Placement rules that read the runtime, the encoding, the constraints and the target's placement
inputs but not the model (``tests/test_evaluator.py`` checks their source): shared by every
architecture, like ``situation.place``."""
ARCH_ONLY = _ARCH_PLACEMENT - RUNTIME_PLACEMENT
"""Placement rules that read the runtime and the model's architecture only, no target
(architecture support; a test checks their source): once per runtime and architecture."""
_ARTIFACT_AT = sum(
    1 for rid, _ in CHECKS[: [r for r, _ in CHECKS].index(artifact.ID)] if rid in _ARCH_PLACEMENT
)
"""Where the artifact rule's verdict goes among the architecture's placement verdicts (those are
in rule order, so inserting it here keeps every placement verdict in rule order)."""
_POSITION = {rid: i for i, (rid, _) in enumerate(CHECKS)}


def _rule_position(v: Verdict) -> int:
    """A verdict's place in rule order (the inputs rule's verdicts join the placement ones)."""
    return _POSITION[v.rule]


_LATER = ESTIMATE_LEVEL - {memory_fit.ID}
"""Estimate-level rules after the memory rule (``scores`` decides memory by its predicate)."""
_BLIND = _LATER <= BUDGET_BLIND
"""Whether those rules can be shared across budgets (see ``feasibility.rules.BUDGET_BLIND``)."""

PLACEMENT_INPUTS = (
    "os",
    "accelerators",
    "gpu",
    "gpu_vendor",
    "npu",
    "cpu_arch",
    "cpu_vendor",
    "variants",
)
"""Device facts the placement rules and ``situation.place`` read (with the target's OS version).
Placement is cached per runtime, quantization and model (the artifact rule reads the model's
artifact and size), and these facts.
``tests/test_evaluator.py`` scans those modules and fails when they read a device field missing
here, so a new rule input cannot silently make a cache answer for the wrong device."""

ARTIFACT_INPUTS = ("ram_gb",)
"""Device facts the artifact rule reads (the runtime maker's RAM guidance); it is cached per build
and these, apart from placement, so devices that differ in RAM still share their placement."""

SPEED_INPUTS = (
    "memory_bandwidth_gbs",
    "gpu",
    "gpu_tflops_fp16",
    "npu",
    "soc",
    "cpu_cores",
    "cpu_clusters",
    "cpu_isa",
    "speed_calibration",
    "kind",
)
"""Device facts the estimator and the estimate-level rules read (checked the same way)."""


REFERENCE_RUNTIME = "llama.cpp"
"""The runtime whose speed on a backend is measured most widely (the cap for unmeasured pairs)."""


def _facts(device: Device, names: tuple[str, ...]) -> tuple[Any, ...]:
    """The named fields as a hashable key (nested catalog objects as canonical JSON)."""
    return tuple(_hashable(getattr(device, n)) for n in names)


def _hashable(v: Any) -> Any:
    if isinstance(v, BaseModel):
        return json.dumps(v.model_dump(mode="json"), sort_keys=True)
    if isinstance(v, tuple):
        return tuple(_hashable(x) for x in v)
    return v


def placement_inputs(target: Target) -> tuple[Any, ...]:
    """What placement-level rules may read of a target: its OS version and device facts."""
    return (target.os_version, *_facts(target.device, PLACEMENT_INPUTS))


def speed_inputs(device: Device) -> tuple[Any, ...]:
    """What the estimate and estimate-level rules may read of a device."""
    return _facts(device, SPEED_INPUTS)


class _NoEstimate:
    """Stands in for the estimate where rules of earlier levels run (they never read it)."""

    def __getattr__(self, name: str) -> Any:  # pragma: no cover - a bug if reached
        raise AttributeError(f"model-level and placement rules must not read the estimate ({name})")


NO_ESTIMATE: Any = _NoEstimate()


@dataclass(frozen=True, slots=True)
class _Keys:
    """A target's cache keys: its placement, speed and artifact inputs, each interned (equal
    facts, equal number) so that cache lookups hash three small ints, not the facts."""

    placement: int
    speed: int
    artifact: int


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
        return self.terms is not None and all(v.rule in rules for v in self.failures)

    @property
    def rank_key(self) -> tuple[float, str, str, str]:
        """Best first: highest score, then ids (deterministic ties)."""
        assert self.terms is not None
        c = self.candidate
        return (-self.terms.total, c.model.id, c.quant.id, c.runtime.id)


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
                art = catalog.artifact(model.id, runtime.id, qid)
                out.append(Candidate(model, catalog.quantizations[qid], runtime, lic, art))
    return out


@dataclass
class Evaluator:
    """Evaluates candidates of one service on any number of targets, caching what it can."""

    catalog: Catalog
    service: Service
    constraints: Constraints
    candidates: list[Candidate] = field(init=False)
    _model: dict[str, tuple[tuple[Verdict, ...], bool]] = field(init=False, default_factory=dict)
    _placement: dict[Any, tuple[Placement, tuple[Verdict, ...], bool]] = field(
        init=False, default_factory=dict
    )
    _sizes: dict[Any, tuple[Estimate, Verdict | None]] = field(init=False, default_factory=dict)
    _arch_placement: dict[Any, tuple[Placement, tuple[Verdict, ...]]] = field(
        init=False, default_factory=dict
    )
    _builds: dict[Any, Verdict] = field(init=False, default_factory=dict)
    _places: dict[Any, tuple[Placement, tuple[Verdict, ...], bool]] = field(
        init=False, default_factory=dict
    )
    _arch_verdicts: dict[Any, tuple[tuple[Verdict, ...], bool]] = field(
        init=False, default_factory=dict
    )
    _speeds: dict[Any, Estimate] = field(init=False, default_factory=dict)
    _references: dict[Any, Estimate | None] = field(init=False, default_factory=dict)
    _last_keys: tuple[Target, _Keys] | None = field(init=False, default=None)
    _memory: dict[Any, Estimate] = field(init=False, default_factory=dict)
    _estimates: dict[Any, Estimate] = field(init=False, default_factory=dict)
    _judged: dict[Any, tuple[tuple[Verdict, ...], ScoreTerms | None]] = field(
        init=False, default_factory=dict
    )
    _speed_ok: dict[Any, bool] = field(init=False, default_factory=dict)
    _sorted: dict[Any, tuple[list[int], list[tuple[int, Candidate, Placement]]]] = field(
        init=False, default_factory=dict
    )
    _target_keys: dict[tuple[int, str | None], tuple[Device, _Keys]] = field(
        init=False, default_factory=dict
    )
    _interned: dict[tuple[Any, ...], int] = field(init=False, default_factory=dict)
    _groups: list[tuple[Candidate, list[int]]] | None = field(init=False, default=None)
    _live: list[tuple[Candidate, list[tuple[int, Candidate, tuple[str, str, str]]]]] | None = field(
        init=False, default=None
    )

    def __post_init__(self) -> None:
        self.candidates = candidates(self.catalog, self.constraints)

    @property
    def prompt_tokens(self) -> int:
        """The service's typical prompt: its context minus its output (what TTFT is for)."""
        return max(1, self.service.context_tokens - self.service.output_tokens)

    # -- the three levels ------------------------------------------------------------------

    def model_verdicts(self, cand: Candidate, target: Target) -> tuple[Verdict, ...]:
        return self._model_level(cand, target)[0]

    def _model_level(self, cand: Candidate, target: Target) -> tuple[tuple[Verdict, ...], bool]:
        hit = self._model.get(cand.model.id)
        if hit is None:
            sit = self._situation(cand, target, None, NO_ESTIMATE)
            verdicts = tuple(check(sit) for rid, check in CHECKS if rid in MODEL_LEVEL)
            hit = self._model[cand.model.id] = (verdicts, any(v.rejects for v in verdicts))
        return hit

    def placement(self, cand: Candidate, target: Target) -> tuple[Placement, tuple[Verdict, ...]]:
        where, verdicts, _ = self._placed(cand, target, self._keys(target))
        return where, verdicts

    def _placed(
        self, cand: Candidate, target: Target, keys: _Keys
    ) -> tuple[Placement, tuple[Verdict, ...], bool]:
        key = (cand.key, keys.placement, keys.artifact)
        hit = self._placement.get(key)
        if hit is None:
            where, by_arch = self._by_architecture(cand, target, keys.placement)
            build = self._build_verdict(cand, target, keys.artifact)
            verdicts = (*by_arch[:_ARTIFACT_AT], build, *by_arch[_ARTIFACT_AT:])
            media = self._media_verdicts(cand, target)
            if media:
                verdicts = tuple(sorted((*verdicts, *media), key=_rule_position))
            rejects = where.backend is None or any(v.rejects for v in verdicts)
            hit = self._placement[key] = (where, verdicts, rejects)
        return hit

    def _by_architecture(
        self, cand: Candidate, target: Target, pkey: int
    ) -> tuple[Placement, tuple[Verdict, ...]]:
        """Placement rules that read the runtime, encoding and architecture (not the model's own
        artifact), shared by every model of that architecture."""
        key = (cand.runtime.id, cand.quant.id, cand.model.architecture.type, pkey)
        hit = self._arch_placement.get(key)
        if hit is None:
            where, shared, _ = self._place(cand, target, pkey)
            own = self._arch_only(cand, target)[0]
            verdicts = tuple(sorted((*shared, *own), key=_rule_position))
            hit = self._arch_placement[key] = (where, verdicts)
        return hit

    def _arch_only(self, cand: Candidate, target: Target) -> tuple[tuple[Verdict, ...], bool]:
        """The ``ARCH_ONLY`` verdicts and whether one rejects, per runtime and architecture."""
        key = (cand.runtime.id, cand.model.architecture.type)
        hit = self._arch_verdicts.get(key)
        if hit is None:
            sit = self._situation(cand, target, None, NO_ESTIMATE)
            own = tuple(check(sit) for rid, check in CHECKS if rid in ARCH_ONLY)
            hit = self._arch_verdicts[key] = (own, any(v.rejects for v in own))
        return hit

    def _place(
        self, cand: Candidate, target: Target, pkey: int
    ) -> tuple[Placement, tuple[Verdict, ...], bool]:
        """``situation.place`` and the placement rules that do not read the model
        (``RUNTIME_PLACEMENT``): they read the runtime, the encoding and the target's placement
        inputs, so every architecture shares them."""
        key = (cand.runtime.id, cand.quant.id, pkey)
        hit = self._places.get(key)
        if hit is None:
            where = place(cand.runtime, target.device, self.constraints, cand.quant)
            sit = self._situation(cand, target, where.backend, NO_ESTIMATE, where)
            shared = tuple(check(sit) for rid, check in CHECKS if rid in RUNTIME_PLACEMENT)
            rejects = where.backend is None or any(v.rejects for v in shared)
            hit = self._places[key] = (where, shared, rejects)
        return hit

    def _build_verdict(self, cand: Candidate, target: Target, akey: int) -> Verdict:
        """The artifact rule: whether this model's build exists, and the runtime maker's RAM
        guidance (it reads the build and the device's RAM only)."""
        key = (cand.key, akey)
        hit = self._builds.get(key)
        if hit is None:
            hit = self._builds[key] = artifact.check(
                Situation(cand, target, self.service, self.constraints, None, NO_ESTIMATE)
            )
        return hit

    def _media_verdicts(self, cand: Candidate, target: Target) -> tuple[Verdict, ...]:
        """The inputs rule, for a service that sends images or audio (it reads the model, the
        runtime, the service and the target's OS, a placement input)."""
        if not self.service.media:
            return ()
        sit = Situation(cand, target, self.service, self.constraints, None, NO_ESTIMATE)
        return tuple(check(sit) for rid, check in CHECKS if rid in MEDIA_ONLY)

    def _sized(
        self, cand: Candidate, target: Target, where: Placement
    ) -> tuple[Estimate, Verdict | None]:
        """The memory estimate on this budget, and the memory verdict when it does not fit.

        When the weights alone exceed the budget, the estimate is that lower bound (no layout).
        """
        backend, budget = where.backend, target.budget_bytes
        key = (cand.key, backend, budget)
        hit = self._sizes.get(key)
        if hit is None:
            est: Estimate
            if floor_bytes(cand.model, cand.quant) > budget:
                ctx = self.service.context_tokens
                est = weights_floor(
                    cand.model, cand.quant, ctx, runtime=cand.runtime, backend=backend
                )
            else:
                est = self.memory_estimate(cand, backend)
            over = None
            if est.total_bytes > budget:
                over = memory_fit.check(self._situation(cand, target, backend, est, where))
            hit = self._sizes[key] = (est, over)
        return hit

    def memory_estimate(self, cand: Candidate, backend: str | None) -> Estimate:
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

    def full_estimate(
        self, cand: Candidate, target: Target, backend: str, where: Placement | None = None
    ) -> Estimate:
        """The complete estimate (memory and this device's speeds) of a placed candidate.

        ``where``: the candidate's placement on this target, when the caller holds it already.
        """
        key = (cand.key, backend, self._keys(target).speed)
        hit = self._estimates.get(key)
        if hit is None:
            hit = self._on_device(cand, target, backend)
            if where is None:
                where = self.placement(cand, target)[0]
            route = where.route
            kind = target.device.kind
            if route is not None and not (route.measured and measured_on(hit.speed_family, kind)):
                hit = self._capped(hit, cand, target, backend)
            self._estimates[key] = hit
        return hit

    def _on_device(self, cand: Candidate, target: Target, backend: str) -> Estimate:
        """The build's own speeds on this device (before any cap), once per build, backend and
        speed inputs: the reference builds that cap unmeasured runtimes are asked for again and
        again."""
        key = (cand.key, backend, self._keys(target).speed)
        hit = self._speeds.get(key)
        if hit is None:
            hit = self._speeds[key] = on_device(
                self.memory_estimate(cand, backend),
                cand.model,
                cand.quant,
                device=target.device,
                runtime=cand.runtime,
                backend=backend,
                prompt_tokens=self.prompt_tokens,
            )
        return hit

    def _capped(self, est: Estimate, cand: Candidate, target: Target, backend: str) -> Estimate:
        """An unmeasured runtime/backend pair, never faster than the measured reference runtime
        (llama.cpp's slowest build at the nearest weight bits) where that runs the model on the
        same backend;
        marked ``speed-unmeasured`` either way."""
        codes = (*est.assumption_codes, "speed-unmeasured")
        note = ASSUMPTIONS["speed-unmeasured"]
        update: dict[str, Any] = {
            "assumption_codes": codes,
            "assumptions": (*est.assumptions, note),
        }
        ref = self._reference(cand, target, backend)
        if ref is not None and est.decode_tps is not None and ref.decode_tps is not None:
            update["decode_tps"] = min(est.decode_tps, ref.decode_tps)
        if ref is not None and est.prefill_tps is not None and ref.prefill_tps is not None:
            update["prefill_tps"] = min(est.prefill_tps, ref.prefill_tps)
            if est.ttft_ms is not None and ref.ttft_ms is not None:
                update["ttft_ms"] = max(est.ttft_ms, ref.ttft_ms)
        return replaced(est, update)

    def _reference(self, cand: Candidate, target: Target, backend: str) -> Estimate | None:
        """The reference runtime's slowest measured build at the nearest weight bits, once per
        model, bits, backend and target keys (every unmeasured runtime of a model asks for it)."""
        is_ref = cand.runtime.id == REFERENCE_RUNTIME
        key = (cand.model.id, cand.quant.weight_bits, is_ref, backend, self._keys(target))
        if key not in self._references:
            self._references[key] = self._find_reference(cand, target, backend)
        return self._references[key]

    def _find_reference(self, cand: Candidate, target: Target, backend: str) -> Estimate | None:
        ref_rt = self.catalog.runtimes.get(REFERENCE_RUNTIME)
        if ref_rt is None or ref_rt.id == cand.runtime.id:
            return None
        if cand.model.architecture.type not in ref_rt.architectures:
            return None
        bits = cand.quant.weight_bits
        gap = min(
            abs(self.catalog.quantizations[q].weight_bits - bits) for q in ref_rt.quantizations
        )
        refs = []
        for qid in sorted(ref_rt.quantizations):
            if abs(self.catalog.quantizations[qid].weight_bits - bits) != gap:
                continue
            ref = Candidate(cand.model, self.catalog.quantizations[qid], ref_rt, cand.license)
            where = self.placement(ref, target)[0]
            if where.backend == backend and where.route is not None and where.route.measured:
                refs.append(self._on_device(ref, target, backend))
        # the slowest measured build at the nearest bits: an unmeasured runtime earns no more
        return min(refs, key=lambda e: e.decode_tps or 0.0, default=None)

    def option(self, cand: Candidate, target: Target, *, past_model_level: bool = False) -> Option:
        """Evaluate ``cand`` on ``target`` level by level.

        With ``past_model_level`` the placement and estimate levels run even when a model-level
        rule rejected the candidate (the option stays infeasible, but carries its numbers). A
        build over the budget gets only the memory verdict: its speed is not worth a rule.
        """
        return self._option(cand, target, self._keys(target), past_model_level)

    def _option(
        self, cand: Candidate, target: Target, keys: _Keys, past_model_level: bool
    ) -> Option:
        mv, model_rejects = self._model_level(cand, target)
        if model_rejects and not past_model_level:
            return Option(cand, target, None, None, mv, None)
        where, pv, placement_rejects = self._placed(cand, target, keys)
        backend = where.backend
        if backend is None or placement_rejects:
            return Option(cand, target, backend, None, mv + pv, None)
        est, over = self._sized(cand, target, where)
        if over is not None:
            return Option(cand, target, backend, est, (*mv, *pv, over), None)
        est = self.full_estimate(cand, target, backend, where)
        key = (cand.key, backend, keys.speed, target.budget_bytes)
        hit = self._judged.get(key)
        if hit is None:
            sit = self._situation(cand, target, backend, est, where)
            ev = tuple(check(sit) for rid, check in CHECKS if rid in ESTIMATE_LEVEL)
            hit = self._judged[key] = (ev, None if any(v.rejects for v in ev) else score(sit))
        return Option(cand, target, backend, est, (*mv, *pv, *hit[0]), hit[1])

    def options(self, target: Target, cands: Iterable[Candidate] | None = None) -> list[Option]:
        """Every candidate (or the ones given) on one target, in candidate order."""
        keys = self._keys(target)
        pool = self.candidates if cands is None else cands
        return [self._option(c, target, keys, False) for c in pool]

    def scores(self, target: Target) -> list[tuple[int, float]]:
        """(candidate index, score) of every feasible candidate on ``target``, in index order.

        The same rules and caches as :meth:`options`, without building an :class:`Option` per
        candidate: what screening thousands of devices needs. Placed builds are kept sorted by
        their device-independent memory total per placement, so a target takes the prefix its
        budget admits (``memory_fit.fits``); the other estimate-level rules are shared across
        budgets only when they are ``BUDGET_BLIND``.
        """
        keys = self._keys(target)
        totals, placed = self._by_memory(target, keys)
        budget = target.budget_bytes
        out = []
        for i, cand, where in placed[: bisect_right(totals, budget)]:
            backend = where.backend
            assert backend is not None
            est = self.full_estimate(cand, target, backend, where)
            sit = self._situation(cand, target, backend, est, where)
            key = (cand.key, backend, keys.speed, None if _BLIND else budget)
            ok = self._speed_ok.get(key)
            if ok is None:
                ok = self._speed_ok[key] = not any(
                    check(sit).rejects for rid, check in CHECKS if rid in _LATER
                )
            if ok and memory_fit.fits(est.total_bytes, budget):
                out.append((i, score_total(sit)))
        out.sort()
        return out

    def _by_memory(
        self, target: Target, keys: _Keys
    ) -> tuple[list[int], list[tuple[int, Candidate, Placement]]]:
        """Candidates past the model level and placement on this placement, by memory total."""
        key = (keys.placement, keys.artifact)
        hit = self._sorted.get(key)
        if hit is None:
            rows = []
            akey, builds, memory = keys.artifact, self._builds, self._memory
            for first, live in self._live_groups(target):
                # One placement for every model of the runtime and encoding, one architecture
                # verdict per runtime (the parts of _by_architecture, without merging them).
                if self._arch_only(first, target)[1]:
                    continue
                where, _, rejects = self._place(first, target, keys.placement)
                backend = where.backend
                if backend is None or rejects:
                    continue
                for i, cand, ckey in live:
                    build = builds.get((ckey, akey)) or self._build_verdict(cand, target, akey)
                    if build.rejects:
                        continue
                    mem = memory.get((ckey, backend)) or self.memory_estimate(cand, backend)
                    rows.append((mem.total_bytes, i, cand, where))
            rows.sort(key=lambda r: (r[0], r[1]))
            hit = self._sorted[key] = ([r[0] for r in rows], [r[1:] for r in rows])
        return hit

    def _live_groups(
        self, target: Target
    ) -> list[tuple[Candidate, list[tuple[int, Candidate, tuple[str, str, str]]]]]:
        """``_placement_groups`` with only the candidates the model level admits (those rules
        read no device, so this holds for every target), each with its index and cache key."""
        if self._live is None:
            self._live = [
                (
                    first,
                    [
                        (i, c, c.key)
                        for i in members
                        if not self._model_level(c := self.candidates[i], target)[1]
                    ],
                )
                for first, members in self._placement_groups()
            ]
        return self._live

    def _placement_groups(self) -> list[tuple[Candidate, list[int]]]:
        """Candidate indices by runtime, quantization and architecture (what placement reads
        apart from the model's own build), each with its first candidate."""
        if self._groups is None:
            groups: dict[tuple[str, str, str], tuple[Candidate, list[int]]] = {}
            for i, c in enumerate(self.candidates):
                key = (c.runtime.id, c.quant.id, c.model.architecture.type)
                groups.setdefault(key, (c, []))[1].append(i)
            self._groups = list(groups.values())
        return self._groups

    def judge_memory(self, cand: Candidate, target: Target, est: Estimate) -> Verdict:
        """The memory rule's verdict on a given estimate (a full one where a floor decided)."""
        return memory_fit.check(self._situation(cand, target, est.backend, est))

    def complete(self, o: Option) -> Estimate | None:
        """The option's full memory estimate, also where the evaluator stopped at the weights
        floor (None when no rule level reached the estimate)."""
        if o.estimate is None or o.backend is None:
            return None
        if not o.estimate.lower_bound:
            return o.estimate
        return self.memory_estimate(o.candidate, o.backend)

    # -- helpers ---------------------------------------------------------------------------

    def _situation(
        self,
        cand: Candidate,
        target: Target,
        backend: str | None,
        est: Any,
        where: Placement | None = None,
    ) -> Situation:
        return Situation(cand, target, self.service, self.constraints, backend, est, where)

    def _keys(self, target: Target) -> _Keys:
        """The target's cache keys, computed once per device object and OS version (what they
        read; targets that differ only in budget share them). The device is kept with them, so
        its id cannot be reused while they are cached."""
        last = self._last_keys
        if last is not None and last[0] is target:
            return last[1]
        device = target.device
        slot = (id(device), target.os_version)
        hit = self._target_keys.get(slot)
        if hit is None or hit[0] is not device:
            keys = _Keys(
                self._intern(("placement", *placement_inputs(target))),
                self._intern(("speed", *speed_inputs(device))),
                self._intern(("artifact", *_facts(device, ARTIFACT_INPUTS))),
            )
            hit = self._target_keys[slot] = (device, keys)
        self._last_keys = (target, hit[1])
        return hit[1]

    def _intern(self, facts: tuple[Any, ...]) -> int:
        """A small number per distinct fact tuple: cache keys hash it instead of the facts."""
        return self._interned.setdefault(facts, len(self._interned))
