"""Re-check every claim an assessment makes, by running the engine again.

The report's claims are computed objects (``feasibility.claims``); this module is their contract.
Each function raises ``AssertionError`` with the device file's name and the claim when a claim
does not hold. Thresholds are re-checked on the evaluator with the changed input, on the claimed
model's candidates only (the rest of the catalog does not change whether that model fits).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from feasibility.catalog import Catalog
from feasibility.evaluator import Evaluator, Option
from feasibility.ranking import LOW_BIT_FLOOR, low_bit
from feasibility.rules import MODEL_LEVEL
from feasibility.schema import Spec
from feasibility.scoring import effective_bpw
from feasibility.targets import resolve
from feasibility.units import fmt_int, need_mb, rate
from feasibility.verdict import Assessment, Rejection, Sensitivity

STEP_MB = 1
STEP_TPS = 0.1


def options_of(catalog: Catalog, spec: Spec, model: str, floor: bool = False) -> list[list[Option]]:
    """The model's options on every target of ``spec`` (the evaluator ``check`` uses); with the
    quality floor active, only the builds the ranking may pick."""
    targets = [t for t, _ in resolve(spec, catalog, "<audit>")]
    ev = Evaluator(catalog, spec.service, spec.constraints)
    mine = [c for c in ev.candidates if c.model.id == model and not (floor and low_bit(c))]
    return [[ev.option(c, t, past_model_level=True) for c in mine] for t in targets]


def fits_everywhere(
    catalog: Catalog,
    spec: Spec,
    model: str,
    but: frozenset[str] = frozenset(),
    floor: bool = False,
) -> bool:
    """Some build passes every rule (but those in ``but``) on every target."""
    return all(
        any(o.feasible or (but and o.passes_except(but)) for o in opts)
        for opts in options_of(catalog, spec, model, floor)
    )


def _with(spec: Spec, **constraints: Any) -> Spec:
    return spec.model_copy(update={"constraints": spec.constraints.model_copy(update=constraints)})


def check_all(catalog: Catalog, spec: Spec, a: Assessment, name: str) -> None:
    check_counts(a, name)
    check_why_not(catalog, spec, a, name)
    check_headlines(a, name)
    check_reasons(a, name)
    for s in a.sensitivities:
        check_threshold(catalog, spec, a, s, name)


def check_counts(a: Assessment, name: str) -> None:
    total = sum(a.rejection_counts.values()) + a.feasible_combinations
    assert total == a.candidates_evaluated, f"{name}: rejection counts do not add up"
    feasible = set(a.feasible_models)
    assert {r.model for r in a.recommendations} <= feasible, f"{name}: a pick is not feasible"
    assert not {x.model for x in a.also_fits} & {r.model for r in a.recommendations}


def check_why_not(catalog: Catalog, spec: Spec, a: Assessment, name: str) -> None:
    """No why-not model fits; each row's build really fails first on its rule, on its target."""
    feasible = set(a.feasible_models)
    for r in a.why_not:
        assert r.model not in feasible, f"{name}: why-not names {r.model}, which fits"
        assert r.failing_targets and r.target in r.failing_targets, f"{name}: {r.model} targets"
        if r.rule in MODEL_LEVEL:
            assert not r.quantization and not r.runtime
            continue
        _check_row_build(catalog, spec, a, r, name)
        if r.below_floor is not None:
            _check_below_floor(catalog, spec, a, r, name)


def _check_below_floor(
    catalog: Catalog, spec: Spec, a: Assessment, r: Rejection, name: str
) -> None:
    """The model fits the row's target only under the quality floor, with the build named, and
    fits every other target; the build's bits and memory are its own."""
    b = r.below_floor
    assert b is not None and a.quality_floor, f"{name}: {r.model} below the floor, floor off"
    index = next(t.index for t in a.targets if t.id == r.target)
    every = options_of(catalog, spec, r.model)
    assert all(any(o.feasible for o in opts) for opts in every), f"{name}: {r.model} fits"
    fits = [o for o in every[index] if o.feasible]
    assert fits and all(low_bit(o.candidate) for o in fits), f"{name}: {r.model} floor claim"
    o = next(
        o
        for o in fits
        if (o.candidate.quant.id, o.candidate.runtime.id) == (b.quantization, b.runtime)
    )
    assert effective_bpw(o.candidate.quant) < b.floor == LOW_BIT_FLOOR, f"{name}: {r.model} bits"
    est = Evaluator(catalog, spec.service, spec.constraints).complete(o)
    assert est is not None and need_mb(est.total_bytes) == b.total_mb <= b.budget_mb, name


def _check_row_build(catalog: Catalog, spec: Spec, a: Assessment, r: Rejection, name: str) -> None:
    index = next(t.index for t in a.targets if t.id == r.target)
    opts = options_of(catalog, spec, r.model)[index]
    o = next(
        o
        for o in opts
        if (o.candidate.quant.id, o.candidate.runtime.id) == (r.quantization, r.runtime)
    )
    first = o.first_failure
    assert first is not None and first.rule == r.rule, f"{name}: {r.model} fails first on {first}"
    if r.rule == "memory-fit":
        assert not r.evidence.get("lower_bound"), f"{name}: {r.model} shows a weights floor"
        assert r.total_mb == r.evidence["need_mb"] and r.total_mb > r.budget_mb


def check_headlines(a: Assessment, name: str) -> None:
    """Headline figures and build rows are real targets' builds with their own numbers."""
    for rec in a.recommendations:
        plans = {p.target: p for p in rec.targets}
        tight = plans[rec.tightest_target]
        assert (rec.quantization, rec.runtime) == (tight.quantization, tight.runtime), name
        assert rec.memory == tight.memory, f"{name}: {rec.model} headline memory"
        seen: set[str] = set()
        for b in rec.builds:
            mine = [plans[t] for t in b.targets]
            assert all((p.quantization, p.runtime) == (b.quantization, b.runtime) for p in mine)
            assert b.memory == min((p.memory for p in mine), key=lambda m: m.headroom_pct), (
                f"{name}: {rec.model} build memory"
            )
            assert b.file_mb == max(p.memory.file_mb for p in mine)
            for pipe in b.pipelines:  # "Runtime X on the <accelerator>" names its own targets'
                assert set(pipe.backends) == {plans[t].backend for t in pipe.targets}, (
                    f"{name}: {rec.model} {b.quantization} pipeline accelerators"
                )
            seen.update(b.targets)
        assert seen == set(plans), f"{name}: {rec.model} builds do not cover every target"


_NEEDS = re.compile(r"needs (?:at least )?([\d,]+) MB.*budget is ([\d,]+) MB")
_SPEED = re.compile(r"about ([\d.]+) tokens/s, minimum is ([\d.]+)")


def check_reasons(a: Assessment, name: str) -> None:
    """Numbers in reasons equal their evidence, and rounding never contradicts the verdict."""
    rows: list[tuple[str, str, Mapping[str, Any]]] = [
        (r.rule, r.reason, r.evidence) for r in (*a.why_not, *a.rejected)
    ]
    for rec in a.recommendations:
        rows += [(v.rule, v.reason, v.evidence) for p in rec.targets for v in p.rules]
    for rule, reason, ev in rows:
        if rule == "memory-fit" and (m := _NEEDS.search(reason)):
            need, budget = (int(x.replace(",", "")) for x in m.groups())
            assert need == ev["need_mb"] and budget == ev["budget_mb"], f"{name}: {reason}"
            assert need != budget, f"{name}: a failing need shown equal to its budget: {reason}"
            assert fmt_int(need) in reason
        if rule == "decode-speed" and (m := _SPEED.search(reason)):
            shown, minimum = float(m.group(1)), float(m.group(2))
            assert shown == rate(ev["tps"], ev["minimum"]), f"{name}: {reason}"
            if "fail" in reason or ev["tps"] < ev["minimum"]:
                assert shown < minimum, f"{name}: a failing speed shown at its minimum: {reason}"
        if rule == "decode-speed" and "bandwidth is not published" in reason:
            assert ev.get("problem") == "no-bandwidth", f"{name}: {reason}"


def check_threshold(catalog: Catalog, spec: Spec, a: Assessment, s: Sensitivity, name: str) -> None:
    """The claimed value admits the model; one step short does not."""
    claim = f"{name}: {s.kind} {s.value} for {s.model}"
    fl = a.quality_floor
    if s.kind == "budget":
        mb = int(s.value)
        but = frozenset({s.still_fails}) if s.still_fails else frozenset()
        assert fits_everywhere(catalog, _with(spec, memory_budget_mb=mb), s.model, but, fl), claim
        assert not fits_everywhere(
            catalog, _with(spec, memory_budget_mb=mb - STEP_MB), s.model, but, fl
        ), claim + " (1 MB less also admits)"
        for t in a.targets:
            assert mb <= t.ram_gb * 1024, claim + " (more than the device's RAM)"
    elif s.kind == "speed":
        tps = float(s.value)
        assert fits_everywhere(catalog, _with(spec, min_decode_tps=tps), s.model, floor=fl), claim
        assert not fits_everywhere(
            catalog, _with(spec, min_decode_tps=round(tps + STEP_TPS, 1)), s.model, floor=fl
        ), claim + " (0.1 tok/s more also admits)"
    elif s.kind == "license":
        assert fits_everywhere(catalog, _with(spec, license="any"), s.model, floor=fl), claim
    elif s.kind in ("language", "context"):
        rule = "languages" if s.kind == "language" else "context-window"
        assert fits_everywhere(catalog, spec, s.model, frozenset({rule}), fl), claim
