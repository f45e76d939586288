"""evaluate(catalog, spec) -> Assessment: the whole decision for one device file.

Targets are resolved (presets, overrides, budgets), every candidate is evaluated on every target
by the one :class:`~feasibility.evaluator.Evaluator`, models are ranked and two are picked
(``feasibility.ranking``), the picks become recommendations with their builds
(``feasibility.recommend``), and the claims about the other models (why not, also fits, what
would change the answer) are computed on the same evaluator (``feasibility.claims``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from feasibility import claims
from feasibility.catalog import Catalog
from feasibility.evaluator import Evaluator, Option, check_restrictions
from feasibility.ranking import Ranked, feasible_models, floored, pick_two, quality_floor
from feasibility.recommend import recommendation, versus
from feasibility.schema import Device, Spec
from feasibility.targets import resolve
from feasibility.verdict import (
    Assessment,
    PlatformAlternative,
    Recommendation,
    ResolvedTarget,
    Versus,
)


def evaluate(
    catalog: Catalog,
    spec: Spec,
    source: str = "device.yaml",
) -> Assessment:
    """Run the whole decision. Pure: no I/O, no printing, no clock.

    Raises:
        InputError: an unknown preset, runtime or quantization id, or an impossible budget.
    """
    source_name = Path(source).name if source not in ("<dict>", "<spec>") else source
    resolved = resolve(spec, catalog, source_name)
    check_restrictions(spec.constraints, catalog, source_name)
    targets = [t for t, _ in resolved]
    rtargets = [r for _, r in resolved]
    ev = Evaluator(catalog, spec.service, spec.constraints)
    per_target = [ev.options(t) for t in targets]
    floor = quality_floor(per_target)
    ranked = feasible_models(per_target, ev.quality_term, floor)
    picks = pick_two(ranked, catalog.models)
    recs = [
        recommendation(catalog, spec, rank, r, rtargets, _beats(r, picks, ranked, spec))
        for rank, r in enumerate(picks, start=1)
    ]
    ctx = claims.Context(ev, catalog, per_target, targets, rtargets, floor)
    below = frozenset(floored(per_target, ranked))
    feasible = {r.model for r in ranked} | below
    rejected, counts, n_feasible = claims.rejections(ctx)
    return Assessment(
        catalog_version=catalog.version,
        source=source_name,
        feasible=len(recs) >= 2,
        service_description=spec.service.description,
        tasks=spec.service.tasks,
        languages=spec.service.languages,
        context_tokens=spec.service.context_tokens,
        output_tokens=spec.service.output_tokens,
        constraints=spec.constraints.model_dump(mode="json"),
        targets=tuple(rtargets),
        recommendations=tuple(recs),
        rejected=rejected,
        rejection_counts=counts,
        candidates_evaluated=len(ev.candidates) * len(targets),
        feasible_combinations=n_feasible,
        feasible_models=tuple(r.model for r in ranked),
        platform_alternatives=_platform_alternatives(catalog, rtargets),
        placeholders=_placeholders(spec, rtargets),
        sensitivities=claims.thresholds(ctx, picks, feasible),
        why_not=claims.why_not(ctx, feasible, by_closeness=not recs, floored=below),
        quality_floor=ctx.floor,
        also_fits=claims.also_fits(ranked, picks, spec.constraints),
        gaps=tuple(sorted({f"{rt.name}: {g}" for rt in rtargets for g in rt.gaps})),
        inputs=_media_inputs(spec),
        sources=_sources(catalog, recs, rtargets),
    )


def _beats(
    r: Ranked[Option], picks: list[Ranked[Option]], ranked: list[Ranked[Option]], spec: Spec
) -> tuple[Versus, ...]:
    """#1 against #2 and the best model not picked; #2 against the best model not picked."""
    rest = [x for x in ranked if x not in picks]
    others = [p for p in picks if p is not r and r is picks[0]] + rest[:1]
    return versus(r, others, spec.constraints)


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


def _media_inputs(spec: Spec) -> dict[str, Any] | None:
    """The service's images and audio as the assessment records them (None: text only)."""
    svc = spec.service
    if not svc.media:
        return None
    out: dict[str, Any] = {"inputs": list(svc.inputs)}
    if "image" in svc.inputs:
        out["images_per_request"] = svc.images_per_request
    if "audio" in svc.inputs:
        out["audio_seconds_per_request"] = svc.audio_seconds_per_request
    return out
