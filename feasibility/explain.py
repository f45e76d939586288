"""``feasibility explain MODEL device.yaml``: every rule's verdict for one model, with numbers.

Why: ``check`` shows the two winners and one closest-miss line per other model; when someone asks
"why not model X on this phone?" they need every rule, on every target, for the build that would
have been chosen. This module runs the engine's own evaluator
(``feasibility.evaluator.Evaluator``, level by level, same rules and scores) for one model only,
then picks per target the best-scoring feasible (quantization, runtime), else the closest miss
(``feasibility.claims.closest_miss``, the same choice the report's "why not" makes), or the one
given with ``--quant``/``--runtime``. A model-level rejection (licence,
languages...) does not stop the explanation: placement and estimate still run so that the
numbers are there, and the build shown is the one that would be chosen but for that rule. When
no build passes placement and estimate either, the closest miss is the one whose first failure
comes latest in rule order, then with the least memory over budget by full total. Memory figures
are always the full estimate, also where the memory rule was decided from the weights alone.
Rules of a level after a rejecting placement level did not run; they are listed as ``skipped``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from feasibility.catalog import Catalog
from feasibility.errors import InputError
from feasibility.estimator import Estimate
from feasibility.evaluator import Option
from feasibility.ranking import LOW_BIT_FLOOR
from feasibility.units import fmt_int, limit_mb, need_mb, rate


@dataclass(frozen=True)
class RuleLine:
    rule: str
    outcome: str
    """pass, fail, unknown, or skipped (an earlier rule level rejected)."""
    blocking: bool
    reason: str
    evidence: dict[str, Any]


@dataclass(frozen=True)
class TargetExplanation:
    target: str
    name: str
    os: str
    budget_mb: int
    quantization: str
    runtime: str
    backend: str | None
    choice: str
    """best (best-scoring feasible), closest-miss (none feasible), or requested."""
    feasible: bool
    score: float | None
    memory: dict[str, int] | None
    decode_tps: float | None
    prefill_tps: float | None
    ttft_ms: float | None
    rules: tuple[RuleLine, ...]
    below_floor: bool = False
    """The build passes every rule, but no build of this model at or above the ranking's quality
    floor does, while the floor is active (``feasibility.ranking.quality_floor``): ``check``
    lists the model in "why not", not among the builds it ranks."""


@dataclass(frozen=True)
class Explanation:
    model: str
    model_name: str
    params: int
    source: str
    options_per_target: int
    targets: tuple[TargetExplanation, ...]

    @property
    def feasible(self) -> bool:
        """The model has a build passing every rule on every target, at or above the quality
        floor where it is active (``check`` would rank it)."""
        return all(t.feasible and not t.below_floor for t in self.targets)


def explain(
    catalog: Catalog,
    model_id: str,
    spec: str | os.PathLike[str] | Any,
    *,
    quant: str | None = None,
    runtime: str | None = None,
) -> Explanation:
    """Explain ``model_id`` on every target of ``spec`` (a device.yaml path, dict or Spec).

    Raises:
        UnknownIdError: the model, quantization or runtime is not in the catalog.
        InputError: the spec is invalid, or no (quantization, runtime) of the model is left.
    """
    from feasibility.api import load_spec
    from feasibility.claims import closest_miss
    from feasibility.evaluator import Evaluator, check_restrictions
    from feasibility.ranking import low_bit, quality_floor
    from feasibility.rules import MEDIA_ONLY, MODEL_LEVEL, RULES
    from feasibility.targets import resolve

    model = catalog.model(model_id)
    q = catalog.quantization(quant).id if quant else None
    r = catalog.runtime(runtime).id if runtime else None
    parsed, source = load_spec(spec)
    name = os.path.basename(source) if source not in ("<dict>", "<spec>") else source
    resolved = resolve(parsed, catalog, name)
    check_restrictions(parsed.constraints, catalog, name)
    ev = Evaluator(catalog, parsed.service, parsed.constraints)
    cands = [
        c
        for c in ev.candidates
        if c.model.id == model.id
        and (q is None or c.quant.id == q)
        and (r is None or c.runtime.id == r)
    ]
    if not cands:
        raise InputError(
            _why_none(catalog, q, r, parsed.constraints.runtimes, parsed.constraints.quantizations)
        )
    requested = q is not None and r is not None
    # The ranking's quality floor reads every model's builds (as ``check`` computes it).
    floor = quality_floor([ev.options(t) for t, _ in resolved])
    out = []
    for target, rt in resolved:
        rejected = any(v.rejects for v in ev.model_verdicts(cands[0], target))
        # Model-level rejections are shown, but the later levels still run so that the
        # explanation has the numbers of the build that would be chosen otherwise.
        opts = [ev.option(c, target, past_model_level=True) for c in cands]
        passing = [o for o in opts if o.passes_except(MODEL_LEVEL)]
        ranked = [o for o in passing if not (floor and low_bit(o.candidate))]
        below = floor and bool(passing) and not ranked
        if passing:
            chosen = min(ranked or passing, key=lambda o: o.rank_key)
            how = "closest-miss" if rejected else "best"
        else:
            chosen, how = closest_miss(ev, opts, ignore=MODEL_LEVEL), "closest-miss"
        if requested:
            how = "requested"
        full = (
            None
            if chosen.estimate is None or chosen.backend is None
            else ev.full_estimate(chosen.candidate, target, chosen.backend)
        )
        ids = [x.ID for x in RULES if parsed.service.media or x.ID not in MEDIA_ONLY]
        out.append(_target(chosen, full, how, rt, ids, rejected, below and not requested))
    return Explanation(model.id, model.name, model.params, name, len(cands), tuple(out))


def _why_none(
    catalog: Catalog,
    q: str | None,
    r: str | None,
    allowed_rt: tuple[str, ...],
    allowed_q: tuple[str, ...],
) -> str:
    if q and r and q not in catalog.runtimes[r].quantizations:
        loads = ", ".join(sorted(catalog.runtimes[r].quantizations))
        return f"runtime '{r}' does not load quantization '{q}' (it loads: {loads})"
    if allowed_rt or allowed_q:
        return (
            "no (quantization, runtime) left for this model: the device file's "
            "constraints.runtimes/quantizations exclude the ones asked for"
        )
    return "no (quantization, runtime) left for this model"


def _target(
    o: Option,
    est: Estimate | None,
    how: str,
    rt: Any,
    rule_ids: list[str],
    model_rejected: bool,
    below_floor: bool,
) -> TargetExplanation:
    by_rule = {v.rule: v for v in o.verdicts}
    lines = []
    for rid in rule_ids:
        v = by_rule.get(rid)
        if v is None:
            lines.append(
                RuleLine(
                    rid,
                    "skipped",
                    False,
                    "not evaluated: an earlier rule level rejected this build",
                    {},
                )
            )
        else:
            lines.append(RuleLine(rid, v.outcome, v.rejects, v.reason, dict(v.evidence)))
    memory = None
    if est is not None:
        memory = {
            "file_mb": need_mb(est.file_bytes),
            "weights_mb": need_mb(est.weights_bytes),
            "kv_cache_mb": need_mb(est.kv_cache_bytes),
            "compute_mb": need_mb(est.compute_bytes),
            "overhead_mb": need_mb(est.overhead_bytes),
            "total_mb": need_mb(est.total_bytes),
            "budget_mb": limit_mb(o.target.budget_bytes),
        }
        if est.encoder_bytes:
            memory["encoders_mb"] = need_mb(est.encoder_bytes)
    return TargetExplanation(
        target=rt.id,
        name=rt.name,
        os=rt.os,
        budget_mb=rt.budget_mb,
        quantization=o.candidate.quant.id,
        runtime=o.candidate.runtime.id,
        backend=o.backend,
        choice=how,
        feasible=o.feasible and not model_rejected,
        score=None if o.terms is None or model_rejected else round(o.terms.total, 3),
        memory=memory,
        decode_tps=None if est is None or est.decode_tps is None else rate(est.decode_tps),
        prefill_tps=None if est is None or est.prefill_tps is None else rate(est.prefill_tps),
        ttft_ms=None if est is None or est.ttft_ms is None else float(round(est.ttft_ms)),
        rules=tuple(lines),
        below_floor=below_floor,
    )


def to_dict(e: Explanation) -> dict[str, Any]:
    return {
        "model": e.model,
        "model_name": e.model_name,
        "params": e.params,
        "source": e.source,
        "options_per_target": e.options_per_target,
        "targets": [
            {
                "target": t.target,
                "name": t.name,
                "os": t.os,
                "budget_mb": t.budget_mb,
                "quantization": t.quantization,
                "runtime": t.runtime,
                "backend": t.backend,
                "choice": t.choice,
                "feasible": t.feasible,
                "below_floor": t.below_floor,
                "score": t.score,
                "memory": t.memory,
                "decode_tps": t.decode_tps,
                "prefill_tps": t.prefill_tps,
                "ttft_ms": t.ttft_ms,
                "rules": [
                    {
                        "rule": x.rule,
                        "outcome": x.outcome,
                        "blocking": x.blocking,
                        "reason": x.reason,
                        "evidence": x.evidence,
                    }
                    for x in t.rules
                ],
            }
            for t in e.targets
        ],
    }


BELOW_FLOOR_EN = (
    f"passes every rule only under the quality floor (below {LOW_BIT_FLOOR:g} bits per weight; "
    "check does not rank such builds while another model has a build of 4 bits or more on "
    "every target)"
)
"""How a target whose only passing builds are under the floor is headed (table and markdown)."""


def render_json(e: Explanation) -> str:
    return json.dumps(to_dict(e), indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"


def render_table(e: Explanation) -> str:
    from tabulate import tabulate

    from feasibility.units import fmt_params

    out = [
        f"{e.model} ({fmt_params(e.params)}) on {e.source}: every rule per target "
        f"({e.options_per_target} quantization/runtime options considered per target)"
    ]
    for t in e.targets:
        head = {
            "best": "feasible; best-scoring build",
            "closest-miss": "NOT feasible; closest miss",
            "requested": "feasible" if t.feasible else "NOT feasible",
        }[t.choice]
        if t.below_floor:
            head = BELOW_FLOOR_EN + "; best such build"
        out += [
            "",
            f"{t.name} [{t.target}, {t.os}]: {head}: {t.quantization} on {t.runtime}"
            + (f" ({t.backend})" if t.backend else "")
            + (f", score {t.score:.3f}" if t.score is not None else ""),
        ]
        if t.memory is not None:
            m = t.memory
            out.append(
                f"  memory {fmt_int(m['total_mb'])}/{fmt_int(m['budget_mb'])} MB "
                f"(weights {fmt_int(m['weights_mb'])} + KV {fmt_int(m['kv_cache_mb'])} + "
                f"buffers {fmt_int(m['compute_mb'])} + runtime {fmt_int(m['overhead_mb'])}"
                + (f" + encoders {fmt_int(m['encoders_mb'])}" if "encoders_mb" in m else "")
                + "); "
                f"download {fmt_int(m['file_mb'])} MB; decode "
                + ("n/a" if t.decode_tps is None else f"{t.decode_tps:.1f} tok/s")
                + "; prefill "
                + ("n/a" if t.prefill_tps is None else f"{t.prefill_tps:.1f} tok/s")
            )
        else:
            out.append(
                f"  memory budget {fmt_int(t.budget_mb)} MB (no estimate: rejected "
                "before the memory level)"
            )
        rows = [
            [
                x.rule,
                x.outcome + (" (blocking)" if x.outcome == "unknown" and x.blocking else ""),
                x.reason,
            ]
            for x in t.rules
        ]
        table = tabulate(rows, headers=["rule", "verdict", "reason"], disable_numparse=True)
        out.append("\n".join("  " + line for line in table.splitlines()))
    return "\n".join(out) + "\n"
