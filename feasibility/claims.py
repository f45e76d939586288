"""The claims a report makes about models it did not pick, computed and re-checkable.

- **Why not**: only models with no feasible build on at least one target. Each row is the build
  that came closest (the latest first-failing rule in rule order; at the memory rule the least
  memory over the budget by *full* total, never a weights-only floor; at any other rule the
  fewest rules failed, then the fastest decode, then the smallest weights floor) with its true
  first failing rule.
  A model that fits every target, but some only with builds under the ranking's quality floor,
  gets a row too, ahead of the others: its closest miss at or above the floor, with the best
  build under it.
- **Also fits**: feasible models that were not picked, with the score term that ranked each lower.
- **Thresholds** ("what would change the answer"): found by exact search over the same
  evaluator. A budget is the smallest whole MB at which the model passes memory on every target
  (with the builds that pass every other rule; when none does, the claim names the rule that would
  still fail); a speed is the highest one-decimal minimum the model still reaches; a model-level
  rule (language, licence, context) is named only when lifting it admits the model on every
  target. A budget above what the device can give (the planning default of its OS, see
  ``feasibility.targets``) is never proposed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from feasibility.catalog import Catalog
from feasibility.estimator import floor_bytes
from feasibility.evaluator import Evaluator, Option
from feasibility.ranking import LOW_BIT_FLOOR, Ranked, low_bit, weakest
from feasibility.rules import (
    MODEL_LEVEL,
    RULES,
    context_window,
    decode_speed,
    languages,
    license,
    memory_fit,
)
from feasibility.schema import Constraints
from feasibility.scoring import TERMS, effective_bpw, term_weights
from feasibility.situation import Target
from feasibility.targets import default_budget_fraction
from feasibility.units import MIB, need_mb, rate_floor
from feasibility.verdict import (
    AlsoFits,
    BelowFloor,
    Rejection,
    ResolvedTarget,
    Sensitivity,
    Verdict,
)

RULE_ORDER = {r.ID: i for i, r in enumerate(RULES)}
MEMORY = frozenset({memory_fit.ID})
SPEED = frozenset({decode_speed.ID})
MODEL_LEVEL_KINDS: dict[str, Literal["language", "license", "context"]] = {
    languages.ID: "language",
    license.ID: "license",
    context_window.ID: "context",
}
LIFT_TRIES = 4
"""Lightest builds per target tried when lifting a model-level rule (a hint may be missed, a
false one never made)."""
PER_KIND = 3
"""Threshold claims kept per kind (the ones that matter most)."""


@dataclass(frozen=True)
class Context:
    """What every claim reads: the evaluator, the options per target, and the targets."""

    ev: Evaluator
    catalog: Catalog
    per_target: Sequence[Sequence[Option]]
    """Options per target, each in the evaluator's candidate order."""
    targets: Sequence[Target]
    resolved: Sequence[ResolvedTarget]
    floor: bool
    """The ranking's quality floor is active (``feasibility.ranking.quality_floor``): builds
    under it cannot admit a model, so the thresholds search ignores them."""
    _by_model: dict[tuple[str, int], list[Option]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for t, opts in enumerate(self.per_target):
            for o in opts:
                self._by_model.setdefault((o.candidate.model.id, t), []).append(o)
        if self.floor:  # the claims ask for a model's options many times: filter them once
            for key, opts in self._by_model.items():
                self._by_model[key] = [o for o in opts if not low_bit(o.candidate)]

    def of_model(self, model: str, t: int) -> list[Option]:
        """The model's options on target ``t`` that the ranking could pick."""
        return self._by_model.get((model, t), [])

    def models(self) -> list[str]:
        return sorted({c.model.id for c in self.ev.candidates})


# -- why not ------------------------------------------------------------------------------------


def _reach(o: Option, ignore: frozenset[str] = frozenset()) -> int:
    """How far through the rules the option got (its first failure's position; later is closer),
    not counting failures of the rules in ``ignore``."""
    if ignore:
        first = next((v for v in o.failures if v.rule not in ignore), None)
    else:  # the common case, asked for every option of every model: no generator
        first = o.first_failure
    return len(RULES) if first is None else RULE_ORDER[first.rule]


def _overshoot(ev: Evaluator, o: Option) -> int:
    est = ev.complete(o)
    return 0 if est is None else max(0, est.total_bytes - o.target.budget_bytes)


def closest_miss(
    ev: Evaluator, options: Sequence[Option], ignore: frozenset[str] = frozenset()
) -> Option:
    """The failing option that came closest: latest first failure, then least full overshoot.

    Overshoots are computed in full (layout, KV cache, buffers) lazily: a weights floor is a
    lower bound of the full total, so options are visited by floor and the search stops once a
    floor is past the best full overshoot found.
    """
    reach = max(_reach(o, ignore) for o in options)
    tied = [o for o in options if _reach(o, ignore) == reach]
    if reach != RULE_ORDER[memory_fit.ID]:
        return min(tied, key=lambda o: _closeness(o, ignore))

    def floor_over(o: Option) -> int:
        assert o.estimate is not None
        return o.estimate.total_bytes - o.target.budget_bytes

    best: tuple[int, tuple[str, str, int]] | None = None
    chosen = tied[0]
    for o in sorted(tied, key=lambda o: (floor_over(o), _id_key(o))):
        if best is not None and floor_over(o) > best[0]:
            break
        key = (_overshoot(ev, o), _id_key(o))
        if best is None or key < best:
            best, chosen = key, o
    return chosen


def _closeness(o: Option, ignore: frozenset[str]) -> tuple[int, float, int, str, str, int]:
    """Order of builds that fail first at the same rule, closest to passing first: fewest rules
    failed in all (one that fails only this rule needs one change), then the fastest decode where
    the rule level gave one (a speed miss by the least), then the least memory over the budget by
    the weights floor (every parameter at the encoding's bits, a lower bound every format
    exceeds; defined for builds no estimate reached), then the ids, for determinism."""
    failed = {v.rule for v in o.failures if v.rule not in ignore}
    tps = o.estimate.decode_tps if o.estimate is not None else None
    over = floor_bytes(o.candidate.model, o.candidate.quant) - o.target.budget_bytes
    return (len(failed), -(tps or 0.0), over, *_id_key(o))


def _id_key(o: Option) -> tuple[str, str, int]:
    return (o.candidate.quant.id, o.candidate.runtime.id, o.target.index)


def why_not(
    ctx: Context, feasible: set[str], by_closeness: bool, floored: frozenset[str] = frozenset()
) -> tuple[Rejection, ...]:
    """One row per model with no feasible build on some target (see the module docstring), and
    per model in ``floored`` (it fits every target, but some only under the quality floor): its
    closest miss at or above the floor, with the best build under it (``Rejection.below_floor``).
    """
    rows: list[tuple[tuple[int, int], Rejection]] = []
    for mid in ctx.models():
        if mid in feasible and mid not in floored:
            continue
        failing = [t for t in range(len(ctx.targets)) if not _any_feasible(ctx.of_model(mid, t))]
        misses = [o for t in failing for o in ctx.of_model(mid, t)]
        if not misses:  # no build at or above the floor at all: nothing closer to name
            continue
        o = closest_miss(ctx.ev, misses)
        row = _rejection(ctx, o, failing)
        if mid in floored:
            row = row.model_copy(update={"below_floor": _below_floor(ctx, mid, o.target)})
        rows.append(((-_reach(o), _overshoot(ctx.ev, o)), row))
    # A model held back only by the floor fits: it leads the list, the closest miss of all.
    if by_closeness:
        rows.sort(key=lambda r: (r[1].below_floor is None, r[0], -r[1].params, r[1].model))
    else:
        rows.sort(key=lambda r: (r[1].below_floor is None, -r[1].params, r[1].model))
    return tuple(r for _, r in rows)


def _below_floor(ctx: Context, mid: str, target: Target) -> BelowFloor:
    """The best-scoring feasible build of ``mid`` on ``target``, which is under the floor."""
    opts = [o for o in ctx.per_target[target.index] if o.candidate.model.id == mid and o.feasible]
    best = min(opts, key=lambda o: o.rank_key)
    assert low_bit(best.candidate), (mid, best.candidate.quant.id)
    est = ctx.ev.complete(best)
    assert est is not None
    return BelowFloor(
        quantization=best.candidate.quant.id,
        runtime=best.candidate.runtime.id,
        bpw=round(effective_bpw(best.candidate.quant), 2),
        floor=LOW_BIT_FLOOR,
        total_mb=need_mb(est.total_bytes),
        budget_mb=ctx.resolved[target.index].budget_mb,
    )


def _any_feasible(options: Sequence[Option]) -> bool:
    return any(o.feasible for o in options)


def _rejection(ctx: Context, o: Option, failing: Sequence[int]) -> Rejection:
    """The why-not row of ``o``: its first failing rule, worded from full figures.

    A memory verdict decided from the weights alone is re-judged on the full estimate, so the
    row's reason and its numbers agree. A model-level rule names no build (every build shares
    it).
    """
    v = o.first_failure
    assert v is not None
    rt = ctx.resolved[o.target.index]
    est = ctx.ev.complete(o)
    if v.rule == memory_fit.ID and est is not None and o.estimate is not est:
        v = ctx.ev.judge_memory(o.candidate, o.target, est)
    row = _row(o, v, rt, None if est is None else need_mb(est.total_bytes))
    failing_ids = tuple(ctx.resolved[t].id for t in failing)
    if v.rule in MODEL_LEVEL:
        return row.model_copy(
            update={"quantization": "", "runtime": "", "failing_targets": failing_ids}
        )
    return row.model_copy(update={"failing_targets": failing_ids})


def _row(o: Option, v: Verdict, rt: ResolvedTarget, total_mb: int | None) -> Rejection:
    """A rejection row: the build, the target and the verdict that stopped it there."""
    return Rejection(
        model=o.candidate.model.id,
        quantization=o.candidate.quant.id,
        runtime=o.candidate.runtime.id,
        target=rt.id,
        rule=v.rule,
        outcome=v.outcome,
        reason=f"{rt.name}: {v.reason}",
        evidence=dict(v.evidence),
        params=o.candidate.model.params,
        total_mb=total_mb,
        budget_mb=rt.budget_mb,
    )


def rejections(ctx: Context) -> tuple[tuple[Rejection, ...], dict[str, int], int]:
    """Every (candidate, target) that failed, by its first failing rule.

    Returns the rejected triples (first failing target each), the count of failed
    model × format × runtime × target combinations per first failing rule, and the number of
    feasible combinations (the two add up to every combination evaluated).
    """
    counts: Counter[str] = Counter()
    feasible = 0
    first: dict[tuple[str, str, str], Option] = {}
    for opts in ctx.per_target:
        for o in opts:
            v = o.first_failure
            if v is None:
                feasible += 1
                continue
            counts[v.rule] += 1
            first.setdefault(o.candidate.key, o)
    out = []
    for o in first.values():
        v = o.first_failure
        assert v is not None
        est = o.estimate
        total = None if est is None or est.lower_bound else need_mb(est.total_bytes)
        out.append(_row(o, v, ctx.resolved[o.target.index], total))
    return tuple(out), dict(sorted(counts.items())), feasible


# -- also fits -----------------------------------------------------------------------------------


def also_fits(
    ranked: Sequence[Ranked[Option]], picks: Sequence[Ranked[Option]], constraints: Constraints
) -> tuple[AlsoFits, ...]:
    """Feasible models not picked, each with why: a model that outscored a pick lost to the
    second pick's diversity rule (another developer or family); any other is compared with the
    lowest pick above it, by its first shortfall when that put it a tier lower, else by the
    weighted score term that differs most."""
    picked = {p.model for p in picks}
    weights = term_weights(constraints)
    out = []
    for r in ranked:
        if r.model in picked:
            continue
        below = [p for p in picks if (-p.score, p.model) > (-r.score, r.model)]
        above = [p for p in picks if p not in below]
        mine = weakest(r)
        assert mine.terms is not None
        if below:
            behind, other = "diversity", below[0]
        else:
            other = above[-1]
            theirs = weakest(other).terms
            assert theirs is not None
            gaps = {t: weights[t] * (getattr(theirs, t) - getattr(mine.terms, t)) for t in TERMS}
            behind = max(TERMS, key=lambda t: (gaps[t], -TERMS.index(t)))
            if mine.terms.tier > theirs.tier:
                behind = next(s for s in mine.terms.shortfalls if s not in theirs.shortfalls)
        out.append(
            AlsoFits(
                model=r.model,
                params=mine.candidate.model.params,
                score=mine.terms.total,
                quantization=mine.candidate.quant.id,
                runtime=mine.candidate.runtime.id,
                behind=behind,
                compared_with=other.model,
            )
        )
    return tuple(out)


# -- thresholds ----------------------------------------------------------------------------------


def device_cap_mb(rt: ResolvedTarget) -> int:
    """The most memory a budget may ask of this device: the planning default of its OS (the
    per-app limit where one is measured), and never less than the budget already given."""
    frac, _, _ = default_budget_fraction(rt.os, rt.ram_gb)
    return max(int(rt.ram_gb * 1024 * frac), rt.budget_mb)


def thresholds(
    ctx: Context, picks: Sequence[Ranked[Option]], feasible: set[str]
) -> tuple[Sensitivity, ...]:
    """Inputs whose change would admit a stronger model than the first pick (every model when
    nothing was picked), re-checked on the evaluator (see the module docstring)."""
    floor = ctx.catalog.models[picks[0].model].params if picks else 0
    found: list[Sensitivity] = []
    for mid in ctx.models():
        model = ctx.catalog.models[mid]
        if mid in feasible or model.params <= floor:
            continue
        rules = _failing_rules(ctx, mid)
        claim = None
        if rules <= MEMORY | SPEED and rules & MEMORY:
            claim = _budget(ctx, mid)
        elif rules == SPEED:
            claim = _speed(ctx, mid)
        elif len(rules) == 1 and next(iter(rules)) in MODEL_LEVEL_KINDS:
            claim = _lifted(ctx, mid, next(iter(rules)))
        if claim is not None:
            found.append(claim)
    return _keep(ctx, found)


def _failing_rules(ctx: Context, mid: str) -> set[str]:
    """Rules that reject the model's best-placed builds on the targets where it fails."""
    out: set[str] = set()
    for t in range(len(ctx.targets)):
        opts = ctx.of_model(mid, t)
        if _any_feasible(opts):
            continue
        reaches = [_reach(o) for o in opts]
        reach = max(reaches)
        for o, r in zip(opts, reaches, strict=True):
            if r == reach:
                out.update(v.rule for v in o.failures)
    return out


def _budget(ctx: Context, mid: str) -> Sensitivity | None:
    """The smallest whole-MB ``memory_budget_mb`` that admits the model on every target."""
    needs: list[int] = []
    mem_only: list[int] = []
    slowest: tuple[float, float] | None = None
    for t, target in enumerate(ctx.targets):
        rt = ctx.resolved[t]
        own = rt.budget_rule == "target"  # memory_budget_mb does not change this budget
        cap = rt.budget_mb if own else device_cap_mb(rt)
        best_all, best_mem, tps = _target_needs(ctx, mid, target, cap)
        if best_mem is None or best_mem > cap:
            return None
        if not own:
            mem_only.append(best_mem)
            if best_all is not None:
                needs.append(best_all)
        if best_all is None and tps is not None:
            slowest = tps if slowest is None or tps[0] < slowest[0] else slowest
    if not mem_only:
        return None
    if slowest is None and len(needs) == len(mem_only):
        return Sensitivity(kind="budget", model=mid, value=str(max(needs)))
    value = max(mem_only)
    if slowest is None:
        return None
    return Sensitivity(
        kind="budget",
        model=mid,
        value=str(value),
        still_fails=decode_speed.ID,
        still_evidence={"tps": slowest[0], "minimum": slowest[1]},
    )


def _target_needs(
    ctx: Context, mid: str, target: Target, cap_mb: int
) -> tuple[int | None, int | None, tuple[float, float] | None]:
    """On one target: the least memory (whole MB) of a build passing every rule, of a build
    passing every rule but speed, and (best speed, minimum) when no build reaches the speed.

    Builds are visited by their current total (a weights floor is a lower bound of the full
    one), so the search stops once a floor passes the best need found or the device's cap.
    """
    best_all: int | None = None
    best_mem: int | None = None
    fastest: float | None = None
    placed = [o for o in ctx.of_model(mid, target.index) if _placed(o)]
    for o in sorted(placed, key=lambda o: (_current_total(o), _id_key(o))):
        floor = need_mb(_current_total(o))
        if floor > cap_mb or (best_all is not None and floor > best_all):
            break
        est = ctx.ev.complete(o)
        assert est is not None
        need = need_mb(est.total_bytes)
        relaxed = ctx.ev.at_budget(o.candidate, target, need * MIB)
        if relaxed.feasible:
            best_all = need if best_all is None else min(best_all, need)
        if relaxed.fits:
            best_mem = need if best_mem is None else min(best_mem, need)
            tps = relaxed.decode_tps
            if tps is not None:
                fastest = tps if fastest is None else max(fastest, tps)
    minimum = ctx.ev.constraints.min_decode_tps
    slow = None
    if best_all is None and fastest is not None and minimum is not None:
        slow = (fastest, minimum)
    return best_all, best_mem, slow


def _current_total(o: Option) -> int:
    assert o.estimate is not None
    return o.estimate.total_bytes


def _placed(o: Option) -> bool:
    """Passed the model level and placement (its failures, if any, are estimate-level)."""
    return o.estimate is not None and all(v.rule in MEMORY | SPEED for v in o.failures)


def _speed(ctx: Context, mid: str) -> Sensitivity | None:
    """The highest one-decimal ``min_decode_tps`` the model reaches on every target."""
    per_target = []
    for t in range(len(ctx.targets)):
        speeds = [
            o.estimate.decode_tps
            for o in ctx.of_model(mid, t)
            if o.passes_except(SPEED) and o.estimate is not None and o.estimate.decode_tps
        ]
        if not speeds:
            return None
        per_target.append(max(speeds))
    value = rate_floor(min(per_target))
    if value <= 0:
        return None
    return Sensitivity(kind="speed", model=mid, value=f"{value:.1f}")


def _lifted(ctx: Context, mid: str, rule: str) -> Sensitivity | None:
    """The model-level rule is its only obstacle: its lightest builds pass all else everywhere."""
    lift = frozenset({rule})
    for target in ctx.targets:
        opts = ctx.of_model(mid, target.index)
        light = sorted(opts, key=lambda o: (o.candidate.quant.weight_bits, _id_key(o)))
        tried = (ctx.ev.option(o.candidate, target, past_model_level=True) for o in light)
        if not any(o.passes_except(lift) for _, o in zip(range(LIFT_TRIES), tried, strict=False)):
            return None
    return Sensitivity(kind=MODEL_LEVEL_KINDS[rule], model=mid, value="")


def _keep(ctx: Context, found: list[Sensitivity]) -> tuple[Sensitivity, ...]:
    def order(s: Sensitivity) -> tuple[str, float, float, str]:
        """The smallest concession first (the least extra memory, the least speed given up),
        then the strongest model; otherwise the strongest model first."""
        params = -ctx.catalog.models[s.model].params
        if s.kind == "budget":
            return (s.kind, float(s.value), params, s.model)
        if s.kind == "speed":
            return (s.kind, -float(s.value), params, s.model)
        return (s.kind, params, 0.0, s.model)

    out: list[Sensitivity] = []
    per_kind: Counter[str] = Counter()
    for s in sorted(found, key=order):
        if per_kind[s.kind] < PER_KIND:
            out.append(s)
            per_kind[s.kind] += 1
    return tuple(out)
