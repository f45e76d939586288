"""evaluate(catalog, spec) -> Assessment: every rule on every candidate on every target.

Candidates are (model, quantization, runtime) triples where the runtime loads the quantization,
enumerated in id order. On each target every rule runs (all verdicts are kept, so the report can
list every reason). A triple is *feasible on a target* when no verdict rejects it: a ``fail``
always rejects; an ``unknown`` rejects only when its rule marks it blocking (a language the card
does not list does; a missing bandwidth figure for the speed estimate does not, and the report
names the gap).

A *model* is recommendable when it has at least one feasible triple on every target. Its plan on
each target is that target's best-scoring triple (so iOS and Android can get their own runtime),
and its headline quantization/runtime is the best triple feasible on all targets when there is one
(one build for every target), else the first target's. Models rank by their score on the weakest
target; the second recommendation comes from another developer when one is feasible (else another
family, else the runner-up). Ties break by id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from feasibility import pipeline
from feasibility.catalog import Catalog
from feasibility.errors import InputError, Problem
from feasibility.estimator import Estimate, estimate, floor_bytes, weights_floor
from feasibility.rules import CHECKS, ESTIMATE_LEVEL, MODEL_LEVEL, PLACEMENT_LEVEL, memory_fit
from feasibility.schema import Device, ModelEntry, Spec
from feasibility.scoring import score
from feasibility.situation import Candidate, Situation, Target, choose_backend
from feasibility.targets import resolve
from feasibility.units import MIB, did_you_mean, fmt_params
from feasibility.verdict import (
    Assessment,
    Memory,
    PlatformAlternative,
    Recommendation,
    Rejection,
    ResolvedTarget,
    Risk,
    RuleResult,
    ScoreTerms,
    Sensitivity,
    TargetPlan,
    Verdict,
)

EstimateFn = Callable[..., Estimate]


@dataclass(frozen=True, slots=True)
class Option:
    """One triple on one target, with everything the engine concluded about it."""

    candidate: Candidate
    target: Target
    backend: str | None
    estimate: Estimate | None
    """None when an earlier rule level already rejected the candidate."""
    verdicts: tuple[Verdict, ...]
    terms: ScoreTerms | None

    @property
    def feasible(self) -> bool:
        return self.terms is not None

    @property
    def failures(self) -> tuple[Verdict, ...]:
        return tuple(v for v in self.verdicts if v.rejects)


def _memory(est: Estimate, budget_bytes: int) -> Memory:
    r = round
    total = r(est.total_bytes / MIB)
    budget = r(budget_bytes / MIB)
    return Memory(
        weights_mb=r(est.weights_bytes / MIB),
        kv_cache_mb=r(est.kv_cache_bytes / MIB),
        compute_mb=r(est.compute_bytes / MIB),
        overhead_mb=r(est.overhead_bytes / MIB),
        total_mb=total,
        budget_mb=budget,
        headroom_mb=budget - total,
        headroom_pct=round(100 * (budget_bytes - est.total_bytes) / budget_bytes, 1),
        file_mb=r(est.file_bytes / MIB),
    )


def _check_restrictions(spec: Spec, catalog: Catalog, source: str) -> None:
    problems = []
    for field, what, known in (
        ("runtimes", "runtime", catalog.runtimes),
        ("quantizations", "quantization", catalog.quantizations),
    ):
        for i, wanted in enumerate(getattr(spec.constraints, field)):
            if wanted not in known:
                problems.append(
                    Problem(
                        f"unknown {what} '{wanted}'{did_you_mean(wanted, known)}",
                        path=f"constraints.{field}[{i}]",
                    )
                )
    if problems:
        raise InputError("is not valid", source=source, problems=tuple(problems))


def candidates(catalog: Catalog, spec: Spec) -> list[Candidate]:
    """Every (model, quantization, runtime) triple to consider, in id order."""
    allowed_rt = set(spec.constraints.runtimes)
    allowed_q = set(spec.constraints.quantizations)
    out = []
    for model in catalog.models.values():
        lic = catalog.license_of(model)
        for runtime in catalog.runtimes.values():
            if allowed_rt and runtime.id not in allowed_rt:
                continue
            for qid in sorted(runtime.quantizations):
                if allowed_q and qid not in allowed_q:
                    continue
                out.append(Candidate(model, catalog.quantizations[qid], runtime, lic))
    return out


PlacementCache = dict[tuple[str, str, str, int], tuple[str | None, tuple[Verdict, ...]]]


def _evaluate_option(
    cand: Candidate,
    target: Target,
    spec: Spec,
    model_verdicts: tuple[Verdict, ...],
    model_rejected: bool,
    estimate_fn: EstimateFn,
    placement_cache: PlacementCache,
) -> Option:
    """Evaluate level by level; stop after a level that rejects (see ``feasibility.rules``)."""
    if model_rejected:
        return Option(cand, target, None, None, model_verdicts, None)
    # Placement depends on the runtime, the encoding, the architecture and the target only.
    pkey = (cand.runtime.id, cand.quant.id, cand.model.architecture.type, target.index)
    cached = placement_cache.get(pkey)
    if cached is None:
        backend = choose_backend(cand.runtime, target.device, spec.constraints, cand.quant)
        sit = Situation(cand, target, spec.service, spec.constraints, backend, _NO_ESTIMATE)
        cached = (backend, tuple(check(sit) for rid, check in CHECKS if rid in PLACEMENT_LEVEL))
        placement_cache[pkey] = cached
    backend, placement = cached
    if any(v.rejects for v in placement):
        return Option(cand, target, backend, None, model_verdicts + placement, None)
    ctx = spec.service.context_tokens
    if floor_bytes(cand.model, cand.quant) > target.budget_bytes:
        # Even the weights alone do not fit: no need for the full layout.
        est = weights_floor(cand.model, cand.quant, ctx, runtime=cand.runtime, backend=backend)
    else:
        est = estimate_fn(
            cand.model, cand.quant, ctx, device=target.device, runtime=cand.runtime, backend=backend
        )
    sit = Situation(cand, target, spec.service, spec.constraints, backend, est)
    by_estimate = tuple(check(sit) for rid, check in CHECKS if rid in ESTIMATE_LEVEL)
    verdicts = model_verdicts + placement + by_estimate
    terms = None if any(v.rejects for v in by_estimate) else score(sit)
    return Option(cand, target, backend, est, verdicts, terms)


def _key(o: Option) -> tuple[float, str, str, str]:
    assert o.terms is not None
    return (-o.terms.total, o.candidate.model.id, o.candidate.quant.id, o.candidate.runtime.id)


def _plan(o: Option, rt: ResolvedTarget, context: int) -> TargetPlan:
    c = o.candidate
    assert o.terms is not None and o.estimate is not None
    energy = o.estimate.energy_mj_per_token
    return TargetPlan(
        target=rt.id,
        target_name=rt.name,
        os=rt.os,
        quantization=c.quant.id,
        quantization_name=c.quant.name,
        format=c.quant.format,
        runtime=c.runtime.id,
        runtime_name=c.runtime.name,
        backend=o.backend or "cpu",
        memory=_memory(o.estimate, o.target.budget_bytes),
        decode_tps=None if o.estimate.decode_tps is None else round(o.estimate.decode_tps, 1),
        prefill_tps=None if o.estimate.prefill_tps is None else round(o.estimate.prefill_tps, 1),
        energy_j_per_1k_tokens=None if energy is None else round(energy, 1),
        score=o.terms.total,
        rules=tuple(
            RuleResult(rule=v.rule, outcome=v.outcome, reason=v.reason, evidence=dict(v.evidence))
            for v in o.verdicts
        ),
        assumptions=tuple(o.estimate.assumptions),
        assumption_codes=tuple(o.estimate.assumption_codes),
        pipeline=pipeline.build(c.model, c.quant, c.runtime, rt.os, context),
    )


def _risks(
    model: ModelEntry,
    plans: list[TargetPlan],
    lic_commercial: str,
    lic_cond: str,
    languages: tuple[str, ...],
) -> tuple[tuple[str, ...], tuple[Risk, ...]]:
    """Risks as English sentences (JSON, tools) and as structured items (any language)."""
    items: list[tuple[str, Risk]] = []
    tight = min(plans, key=lambda p: (p.memory.headroom_pct, p.target))
    if tight.memory.headroom_pct < 15:
        items.append(
            (
                f"small memory headroom on {tight.target_name}: {tight.memory.headroom_mb:,} MB "
                f"({tight.memory.headroom_pct:.1f}% of the budget); "
                "the OS limit moves with system state",
                Risk(
                    kind="headroom",
                    target=tight.target,
                    values={
                        "headroom_mb": tight.memory.headroom_mb,
                        "headroom_pct": tight.memory.headroom_pct,
                    },
                ),
            )
        )
    if lic_commercial == "conditional":
        items.append(
            (
                f"licence conditions apply: {lic_cond}" if lic_cond else "licence conditions apply",
                Risk(kind="license-conditions", values={"conditions": lic_cond}),
            )
        )
    unlisted = [lang for lang in languages if lang not in model.languages]
    if model.languages_claim and unlisted:
        items.append(
            (
                f"language coverage rests on a broad claim ({model.languages_claim})",
                Risk(
                    kind="language-claim",
                    values={"claim": model.languages_claim, "languages": unlisted},
                ),
            )
        )
    if model.reasoning_mode:
        items.append(
            (
                "reasons before answering by default: long outputs cost time and battery",
                Risk(kind="reasoning"),
            )
        )
    for p in plans:
        if p.decode_tps is not None and p.decode_tps < 10:
            items.append(
                (
                    f"slow generation on {p.target_name}: about {p.decode_tps:.1f} tokens/s",
                    Risk(kind="slow", target=p.target, values={"decode_tps": p.decode_tps}),
                )
            )
    unknown_speed = [p for p in plans if p.decode_tps is None]
    if unknown_speed:
        items.append(
            (
                "no speed estimate for "
                + ", ".join(p.target_name for p in unknown_speed)
                + " (memory bandwidth not published): measure on the device",
                Risk(kind="no-speed", values={"targets": [p.target for p in unknown_speed]}),
            )
        )
    if model.verification == "C":
        items.append(
            (
                "some catalog facts for this model are incomplete (verification C)",
                Risk(kind="verification"),
            )
        )
    return tuple(t for t, _ in items), tuple(r for _, r in items)


def _reasons(
    model: ModelEntry,
    best: Option,
    plans: list[TargetPlan],
    terms: ScoreTerms,
    matched: tuple[str, ...],
) -> tuple[str, ...]:
    tight = min(plans, key=lambda p: (p.memory.headroom_pct, p.target))
    out = [
        f"fits every target: {tight.memory.total_mb:,} MB of {tight.memory.budget_mb:,} MB on the "
        f"tightest ({tight.target_name})",
    ]
    for v in best.verdicts:
        if v.rule in ("languages", "license", "context-window") and v.outcome == "pass":
            out.append(v.reason)
    if matched:
        out.append("card names " + ", ".join(matched) + " among its intended uses")
    speeds = [p.decode_tps for p in plans if p.decode_tps is not None]
    if speeds:
        out.append(
            f"estimated {min(speeds):.1f} tokens/s or more on the targets with known bandwidth"
        )
    out.append(
        f"score {terms.total:.3f} (quality {terms.quality:.2f}, fidelity {terms.fidelity:.2f}, "
        f"speed {terms.speed:.2f}, headroom {terms.headroom:.2f}, energy {terms.energy:.2f})"
    )
    return tuple(out)


def _pick_two(ranked: list[tuple[float, str]], models: dict[str, ModelEntry]) -> list[str]:
    if not ranked:
        return []
    first = models[ranked[0][1]]
    # Prefer another developer (a real second opinion), then another family, then the runner-up.
    for differs in (
        lambda m: m.developer != first.developer,
        lambda m: m.family != first.family,
        lambda m: True,
    ):
        for _, mid in ranked[1:]:
            if differs(models[mid]):
                return [first.id, mid]
    return [first.id]


def evaluate(
    catalog: Catalog,
    spec: Spec,
    source: str = "device.yaml",
    *,
    estimate_fn: EstimateFn = estimate,
) -> Assessment:
    """Run the whole decision. Pure: no I/O, no printing, no clock.

    Raises:
        InputError: an unknown preset, runtime or quantization id, or an impossible budget.
    """
    source_name = Path(source).name if source not in ("<dict>", "<spec>") else source
    resolved = resolve(spec, catalog, source_name)
    _check_restrictions(spec, catalog, source_name)
    targets = [t for t, _ in resolved]
    rtargets = [r for _, r in resolved]
    ctx = spec.service.context_tokens

    cands = candidates(catalog, spec)
    model_cache: dict[str, tuple[tuple[Verdict, ...], bool]] = {}
    placement_cache: PlacementCache = {}
    options: dict[tuple[str, str, str], list[Option]] = {}
    for cand in cands:
        cached = model_cache.get(cand.model.id)
        if cached is None:
            # Model-level rules do not depend on runtime or target: run them once per model.
            probe = Situation(cand, targets[0], spec.service, spec.constraints, None, _NO_ESTIMATE)
            mv = tuple(check(probe) for rid, check in CHECKS if rid in MODEL_LEVEL)
            cached = (mv, any(v.rejects for v in mv))
            model_cache[cand.model.id] = cached
        options[cand.key] = [
            _evaluate_option(cand, t, spec, cached[0], cached[1], estimate_fn, placement_cache)
            for t in targets
        ]

    # Per model and target: feasible options.
    by_model: dict[str, list[list[Option]]] = {}
    for key, opts in options.items():
        per_target = by_model.setdefault(key[0], [[] for _ in targets])
        for i, o in enumerate(opts):
            if o.feasible:
                per_target[i].append(o)
    ranked: list[tuple[float, str]] = []
    best_per_target: dict[str, list[Option]] = {}
    for mid, per_target in sorted(by_model.items()):
        if all(per_target):
            bests = [min(opts, key=_key) for opts in per_target]
            best_per_target[mid] = bests
            weakest_score = min(b.terms.total for b in bests if b.terms is not None)
            ranked.append((weakest_score, mid))
    ranked.sort(key=lambda x: (-x[0], x[1]))
    picks = _pick_two(ranked, dict(catalog.models))

    recommendations = []
    used: set[tuple[str, str, str]] = set()
    for rank, mid in enumerate(picks, start=1):
        model = catalog.models[mid]
        lic = catalog.license_of(model)
        bests = best_per_target[mid]
        plans = [_plan(b, rt, ctx) for b, rt in zip(bests, rtargets, strict=True)]
        used.update(b.candidate.key for b in bests)
        common = [
            opts for key, opts in options.items() if key[0] == mid and all(o.feasible for o in opts)
        ]
        if common:
            head_opts = max(
                common,
                key=lambda os_: (
                    min(o.terms.total for o in os_ if o.terms is not None),
                    # deterministic tie-break: lower ids first
                    tuple(
                        -ord(ch) for ch in os_[0].candidate.quant.id + os_[0].candidate.runtime.id
                    ),
                ),
            )
            head = head_opts[0].candidate
        else:
            head = bests[0].candidate
        weakest = min(bests, key=lambda b: (b.terms.total if b.terms else 0.0, b.target.index))
        assert weakest.terms is not None
        tight = min(plans, key=lambda p: (p.memory.headroom_pct, p.target))
        speeds = [p.decode_tps for p in plans if p.decode_tps is not None]
        matched = tuple(t for t in spec.service.tasks if t in model.strengths)
        risks = _risks(model, plans, lic.commercial, lic.conditions, spec.service.languages)
        missing = tuple(t for t in spec.service.tasks if t not in model.strengths)
        recommendations.append(
            Recommendation(
                rank=rank,
                model=model.id,
                model_name=model.name,
                hf_repo=model.hf_repo,
                family=model.family,
                developer=model.developer,
                params=model.params,
                params_label=fmt_params(model.params),
                quantization=head.quant.id,
                runtime=head.runtime.id,
                memory=tight.memory,
                decode_tps=min(speeds) if speeds else None,
                download_mb=max(p.memory.file_mb for p in plans),
                score=weakest.terms.total,
                score_terms=weakest.terms,
                license=lic.id,
                license_name=lic.name,
                license_commercial=lic.commercial,
                license_conditions=lic.conditions,
                license_url=lic.url,
                languages=model.languages,
                languages_claim=model.languages_claim,
                strengths=model.strengths,
                matched_tasks=matched,
                missing_tasks=missing,
                context_tokens=model.context_tokens,
                reasoning_mode=model.reasoning_mode,
                reasons=_reasons(model, weakest, plans, weakest.terms, matched),
                risks=risks[0],
                risk_items=risks[1],
                tightest_target=tight.target,
                pipeline=plans[0].pipeline,
                targets=tuple(plans),
                sources=model.sources,
            )
        )

    rejected, counts, why_not = _rejections(options, rtargets, used, set(picks), catalog)
    feasible_models = tuple(mid for _, mid in ranked)
    return Assessment(
        catalog_version=catalog.version,
        source=source_name,
        feasible=len(recommendations) >= 2,
        service_description=spec.service.description,
        tasks=spec.service.tasks,
        languages=spec.service.languages,
        context_tokens=ctx,
        output_tokens=spec.service.output_tokens,
        constraints=spec.constraints.model_dump(mode="json"),
        targets=tuple(rtargets),
        recommendations=tuple(recommendations),
        rejected=rejected,
        rejection_counts=counts,
        candidates_evaluated=len(cands) * len(targets),
        feasible_models=feasible_models,
        platform_alternatives=_platform_alternatives(catalog, rtargets),
        placeholders=_placeholders(spec, rtargets),
        sensitivities=_sensitivities(
            options,
            picks,
            catalog,
            ranked,
            lambda o: _evaluate_option(
                o.candidate,
                o.target,
                spec,
                tuple(v for v in o.verdicts if v.rule in MODEL_LEVEL and not v.rejects),
                False,
                estimate_fn,
                placement_cache,
            ),
            lambda o: _full_total(o, ctx, estimate_fn),
        ),
        why_not=why_not,
        gaps=tuple(sorted({f"{rt.name}: {g}" for rt in rtargets for g in rt.gaps})),
        sources=_sources(catalog, recommendations, rtargets),
    )


class _NoEstimate:
    """Stands in for the estimate when model-level rules run (they never read it)."""

    def __getattr__(self, name: str) -> Any:  # pragma: no cover - a bug if reached
        raise AttributeError(f"model-level rules must not read the estimate ({name})")


_NO_ESTIMATE: Any = _NoEstimate()


def _rejections(
    options: dict[tuple[str, str, str], list[Option]],
    rtargets: list[ResolvedTarget],
    used: set[tuple[str, str, str]],
    picks: set[str],
    catalog: Catalog,
) -> tuple[tuple[Rejection, ...], dict[str, int], tuple[Rejection, ...]]:
    rejected: list[Rejection] = []
    closest: dict[str, tuple[tuple[int, int, int, str, str], Rejection]] = {}
    counts: Counter[str] = Counter()
    for key, opts in options.items():
        if all(o.feasible for o in opts) or key in used:
            continue
        first = next(o for o in opts if not o.feasible)
        verdict = next(v for v in first.verdicts if v.rejects)
        counts[verdict.rule] += 1
        rt = rtargets[first.target.index]
        total = first.estimate.total_bytes if first.estimate is not None else None
        over = 0 if total is None else total - first.target.budget_bytes
        rej = Rejection(
            model=key[0],
            quantization=key[1],
            runtime=key[2],
            target=rt.id,
            rule=verdict.rule,
            outcome=verdict.outcome,
            reason=f"{rt.name}: {verdict.reason}",
            evidence=dict(verdict.evidence),
            params=first.candidate.model.params,
            total_mb=None if total is None else round(total / MIB),
            budget_mb=rt.budget_mb,
        )
        rejected.append(rej)
        if key[0] in picks:
            continue
        # Closest miss: got furthest through the rule levels, then fewest failures, then least
        # memory over budget.
        levels = -max(len(o.verdicts) for o in opts)
        n_fail = sum(v.rejects for o in opts for v in o.verdicts)
        rank = (levels, n_fail, max(over, 0), key[1], key[2])
        if key[0] not in closest or rank < closest[key[0]][0]:
            closest[key[0]] = (rank, rej)
    why_not = sorted((r for _, r in closest.values()), key=lambda r: (-r.params, r.model))
    return tuple(rejected), dict(sorted(counts.items())), tuple(why_not)


def _platform_alternatives(
    catalog: Catalog, rtargets: list[ResolvedTarget]
) -> tuple[PlatformAlternative, ...]:
    if not rtargets or not all(rt.platform_models for rt in rtargets):
        return ()
    ids = sorted({pm for rt in rtargets for pm in rt.platform_models})
    out = []
    for pid in ids:
        pm = catalog.platform_models[pid]
        out.append(
            PlatformAlternative(
                id=pm.id, name=pm.name, vendor=pm.vendor, notes=pm.notes, sources=pm.sources
            )
        )
    return tuple(out)


def _placeholders(spec: Spec, rtargets: list[ResolvedTarget]) -> tuple[str, ...]:
    out = []
    if not spec.service.description:
        out.append("service_description")
    if any(rt.preset is None for rt in rtargets) or any(rt.gaps for rt in rtargets):
        out.append("target_device_specs")
    return tuple(out)


def _full_total(o: Option, context: int, estimate_fn: EstimateFn) -> int:
    """The full estimate's total, also where the engine stopped at the weights floor."""
    assert o.estimate is not None
    if not o.estimate.lower_bound:
        return o.estimate.total_bytes
    c = o.candidate
    return estimate_fn(
        c.model, c.quant, context, device=o.target.device, runtime=c.runtime, backend=o.backend
    ).total_bytes


def _surely_too_big(o: Option) -> bool:
    """Weights alone, at the encoding's nominal bits, exceed the budget: no estimate needed."""
    return floor_bytes(o.candidate.model, o.candidate.quant) > o.target.budget_bytes


SENSITIVITY_TRIES = 4
"""Builds tried per model when checking whether lifting one model-level rule would admit it."""

_MODEL_LEVEL_KINDS: dict[str, Literal["language", "license", "context"]] = {
    "languages": "language",
    "license": "license",
    "context-window": "context",
}


def _sensitivities(
    options: dict[tuple[str, str, str], list[Option]],
    picks: list[str],
    catalog: Catalog,
    ranked: list[tuple[float, str]],
    reevaluate: Callable[[Option], Option],
    full_total: Callable[[Option], int],
) -> tuple[Sensitivity, ...]:
    """Stronger (larger) models than the first pick that one changed input would admit.

    With no pick at all, every model counts: the budget entries then say how much memory the
    smallest-footprint models would need. A model kept out by one model-level rule (language,
    licence, context) is named only if it passes every other rule on every target once that rule
    is lifted (``reevaluate`` runs the later rule levels for it).
    """
    floor = catalog.models[picks[0]].params if picks else 0
    found: dict[tuple[str, str], Sensitivity] = {}
    pending: dict[
        tuple[Literal["language", "license", "context"], str],
        list[tuple[float, tuple[str, str, str], list[Option]]],
    ] = {}
    feasible = {mid for _, mid in ranked}
    for key, opts in options.items():
        model = catalog.models[key[0]]
        if model.id in feasible or model.params <= floor:
            continue
        failing = {v.rule for o in opts for v in o.failures}
        if failing == {memory_fit.ID}:
            need = max(round(full_total(o) / MIB) for o in opts)
            k = ("budget", model.id)
            prev = found.get(k)
            if prev is None or need < int(prev.value):
                found[k] = Sensitivity(kind="budget", model=model.id, value=str(need))
        elif failing == {"decode-speed"}:
            found.setdefault(
                ("speed", model.id), Sensitivity(kind="speed", model=model.id, value="")
            )
        elif (
            len(failing) == 1
            and next(iter(failing)) in _MODEL_LEVEL_KINDS
            and not any(_surely_too_big(o) for o in opts)
        ):
            kind = _MODEL_LEVEL_KINDS[next(iter(failing))]
            lightest = max(o.candidate.model.params * o.candidate.quant.weight_bits for o in opts)
            pending.setdefault((kind, model.id), []).append((lightest, key, opts))
    # Lifting a model-level rule: try the lightest few builds of each model (a sensitivity is a
    # hint, so a model whose only fitting build is heavier may go unnamed; never the reverse).
    for (kind, mid), tries in sorted(pending.items()):
        for _, _, opts in sorted(tries, key=lambda t: (t[0], t[1]))[:SENSITIVITY_TRIES]:
            if all(reevaluate(o).feasible for o in opts):
                found[(kind, mid)] = Sensitivity(kind=kind, model=mid, value="")
                break
    items = sorted(
        found.values(),
        key=lambda s: (
            s.kind,
            int(s.value) if s.kind == "budget" else -catalog.models[s.model].params,
            s.model,
        ),
    )
    # Keep the few that matter most: per kind three models; for the budget the three that need
    # the least more memory (the first is the smallest budget that admits a stronger model).
    out: list[Sensitivity] = []
    per_kind: Counter[str] = Counter()
    for s in items:
        if per_kind[s.kind] < 3:
            out.append(s)
            per_kind[s.kind] += 1
    return tuple(out)


def _sources(
    catalog: Catalog, recs: list[Recommendation], rtargets: list[ResolvedTarget]
) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for r in recs:
        out[f"model {r.model}"] = r.sources
        out[f"license {r.license}"] = (r.license_url,)
        for p in r.targets:
            out[f"runtime {p.runtime}"] = catalog.runtimes[p.runtime].sources
            out[f"quantization {p.quantization}"] = catalog.quantizations[p.quantization].sources
    for rt in rtargets:
        if rt.preset:
            out[f"device {rt.preset}"] = rt.sources
    return dict(sorted(out.items()))


def resolve_first_device(spec: Spec, catalog: Catalog, source: str) -> Device:
    """The effective device of a spec's first target (for ``estimate --device FILE``)."""
    target, _ = resolve(spec, catalog, Path(source).name)[0]
    return target.device
