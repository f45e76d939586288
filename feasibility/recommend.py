"""A picked model as a recommendation: its plan per target, its distinct builds, reasons, risks.

A recommendation serves every target with that target's best option, so one model can ship as
several builds (an MLX build for iPhone and iPad, a llama.cpp build for Android). Everything the
headline shows is one real build's own numbers: ``quantization``, ``runtime`` and ``memory`` are
the build on the tightest target (least headroom); ``decode_tps`` is the slowest target over all
builds and ``download_mb`` the largest build's file, each said so where shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from feasibility import pipeline, scoring
from feasibility.catalog import Catalog
from feasibility.estimator import Estimate
from feasibility.estimator.encoder import build_for, compute_bytes, flops_per_item, weight_bytes
from feasibility.evaluator import Option
from feasibility.ranking import SCORE_DIGITS, Ranked, low_bit, weakest
from feasibility.rules import context_window, languages, license
from feasibility.schema import Constraints, License, ModelEntry, Service, Spec
from feasibility.situation import Candidate
from feasibility.units import fmt_params, limit_mb, need_mb, rate
from feasibility.verdict import (
    Build,
    EncoderPlan,
    EvidenceScore,
    Memory,
    Pipeline,
    Recommendation,
    ResolvedTarget,
    Risk,
    RuleResult,
    ScoreTerms,
    TargetPlan,
    Versus,
)

HEADROOM_RISK_PCT = 15.0
"""Below this share of the budget left free, the plan names a headroom risk."""
CARD_RULES = frozenset({languages.ID, license.ID, context_window.ID})
"""Rules whose passing reasons say why a model suits the service (quoted in its reasons)."""
SLOW_RISK_TPS = 10.0
"""Below this generation speed (tokens/s), the plan names a slow-generation risk."""
SHORTFALL_WORDS = {
    "first-token-late": "a first token later than the service allows",
    "first-token-unknown": "no first-token estimate against the service's limit",
    "backend-experimental": "only an experimental backend",
}
"""English words for the shortfalls behind a lower tier (``ScoreTerms.shortfalls``)."""
SLOW_FIRST_TOKEN_S = 10.0
"""Above this time to first token (seconds, for the service's typical prompt and media), the plan
names a risk: ten seconds is the usual limit for keeping a user's attention on a task (Nielsen
Norman Group, "Response Times: The 3 Important Limits"), so the answer needs a shorter prompt,
fewer or smaller images, or a faster backend."""


def memory(est: Estimate, budget_bytes: int) -> Memory:
    """Whole-MB figures under the rounding policy (needs up, the budget down)."""
    total, budget = need_mb(est.total_bytes), limit_mb(budget_bytes)
    return Memory(
        encoders_mb=need_mb(est.encoder_bytes) if est.encoder_bytes else None,
        weights_mb=need_mb(est.weights_bytes),
        kv_cache_mb=need_mb(est.kv_cache_bytes),
        compute_mb=need_mb(est.compute_bytes),
        overhead_mb=need_mb(est.overhead_bytes),
        total_mb=total,
        budget_mb=budget,
        headroom_mb=budget - total,
        headroom_pct=round(100 * (budget_bytes - est.total_bytes) / budget_bytes, 1),
        file_mb=need_mb(est.file_bytes),
    )


def encoder_plans(c: Candidate, est: Estimate, service: Service) -> tuple[EncoderPlan, ...]:
    """The encoders a build loads for the service's media, with their size and time per item
    (the estimate's encoder time shared out by each encoder's FLOPs)."""
    out = []
    rate = (
        est.encoder_ms / est.encoder_flops
        if est.encoder_ms is not None and est.encoder_flops
        else None
    )
    for modality in service.media:
        enc = c.model.encoder(modality)
        b = build_for(enc, c.runtime.id) if enc is not None else None
        if enc is None or b is None:
            continue
        flops = flops_per_item(enc)
        per_item = (enc.tokens_per_image if modality == "image" else enc.tokens_per_second) or 0
        out.append(
            EncoderPlan(
                modality=modality,
                name=enc.name,
                params=enc.params,
                format=b.format,
                file_type=b.type,
                weights_mb=need_mb(weight_bytes(enc, b.type)),
                compute_mb=need_mb(compute_bytes(enc)),
                tokens_per_item=float(per_item),
                per_item_ms=None if rate is None or flops is None else float(round(rate * flops)),
                loads_text_only=b.loads_text_only,
                file=b.file,
                repo=b.repo,
            )
        )
    return (*out, *_bundled_plans(c, service))


def _bundled_plans(c: Candidate, service: Service) -> tuple[EncoderPlan, ...]:
    """The towers a bundled build loads although the service sends them nothing."""
    out = []
    for enc in c.model.encoders:
        b = build_for(enc, c.runtime.id)
        if enc.modality in service.media or b is None or not b.bundled:
            continue
        out.append(
            EncoderPlan(
                modality=enc.modality,
                name=enc.name,
                params=enc.params,
                format=b.format,
                file_type=b.type,
                weights_mb=need_mb(weight_bytes(enc, b.type)),
                compute_mb=0,
                tokens_per_item=0.0,
                per_item_ms=None,
                loads_text_only=b.loads_text_only,
                used=False,
            )
        )
    return tuple(out)


def plan(
    o: Option, rt: ResolvedTarget, context: int, catalog: Catalog, service: Service | None = None
) -> TargetPlan:
    c = o.candidate
    assert o.terms is not None and o.estimate is not None
    est = o.estimate
    energy = est.energy_mj_per_token
    media = service.media if service is not None else ()
    return TargetPlan(
        encoders=encoder_plans(c, est, service) if service is not None and media else (),
        encoder_ms=(None if not media or est.encoder_ms is None else float(round(est.encoder_ms))),
        media_tokens=est.media_tokens if media else None,
        target=rt.id,
        target_name=rt.name,
        os=rt.os,
        quantization=c.quant.id,
        quantization_name=c.quant.name,
        format=c.quant.format,
        runtime=c.runtime.id,
        runtime_name=c.runtime.name,
        backend=o.backend or "cpu",
        memory=memory(est, o.target.budget_bytes),
        decode_tps=None if est.decode_tps is None else rate(est.decode_tps),
        prefill_tps=None if est.prefill_tps is None else rate(est.prefill_tps),
        ttft_ms=None if est.ttft_ms is None else float(round(est.ttft_ms)),
        prompt_tokens=est.prompt_tokens,
        energy_j_per_1k_tokens=None if energy is None else round(energy, 1),
        energy_uncertainty_pct=est.energy_uncertainty_pct,
        score=o.terms.total,
        rules=tuple(
            RuleResult(rule=v.rule, outcome=v.outcome, reason=v.reason, evidence=dict(v.evidence))
            for v in o.verdicts
        ),
        assumptions=tuple(est.assumptions),
        assumption_codes=tuple(est.assumption_codes),
        pipeline=pipeline.build(
            c.model,
            c.quant,
            c.runtime,
            rt.os,
            context,
            catalog=catalog,
            device=o.target.device,
            backend=o.backend,
            media=media,
        ),
    )


def tightest(plans: Sequence[TargetPlan]) -> TargetPlan:
    return min(plans, key=lambda p: (p.memory.headroom_pct, p.target))


def builds(plans: Sequence[TargetPlan]) -> tuple[Build, ...]:
    """Distinct (quantization, runtime) builds, the tightest target's first, then by id."""
    groups: dict[tuple[str, str], list[TargetPlan]] = {}
    for p in plans:
        groups.setdefault((p.quantization, p.runtime), []).append(p)
    head = tightest(plans)
    keys = sorted(groups, key=lambda k: (k != (head.quantization, head.runtime), k))
    return tuple(_build(groups[k]) for k in keys)


def _build(plans: list[TargetPlan]) -> Build:
    tight = tightest(plans)
    speeds = [p.decode_tps for p in plans]
    ttfts = [p.ttft_ms for p in plans]
    pipes: dict[tuple[tuple[str, str], ...], list[TargetPlan]] = {}
    for p in plans:
        steps = tuple((s.title, s.command) for s in p.pipeline)
        pipes.setdefault(steps, []).append(p)
    return Build(
        quantization=tight.quantization,
        quantization_name=tight.quantization_name,
        format=tight.format,
        runtime=tight.runtime,
        runtime_name=tight.runtime_name,
        backends=tuple(sorted({p.backend for p in plans})),
        targets=tuple(p.target for p in plans),
        memory=tight.memory,
        tightest_target=tight.target,
        decode_tps=None if None in speeds else min(s for s in speeds if s is not None),
        file_mb=max(p.memory.file_mb for p in plans),
        ttft_ms=None if None in ttfts else max(x for x in ttfts if x is not None),
        prompt_tokens=tight.prompt_tokens,
        encoders=tight.encoders,
        encoder_ms=_slowest([p.encoder_ms for p in plans]) if tight.encoders else None,
        pipelines=tuple(
            Pipeline(
                oses=tuple(dict.fromkeys(p.os for p in group)),
                targets=tuple(p.target for p in group),
                steps=group[0].pipeline,
                backends=tuple(sorted({p.backend for p in group})),
            )
            for group in pipes.values()
        ),
    )


def _slowest(values: list[float | None]) -> float | None:
    return None if None in values else max(v for v in values if v is not None)


def recommendation(
    catalog: Catalog,
    spec: Spec,
    rank: int,
    r: Ranked[Option],
    rtargets: Sequence[ResolvedTarget],
    beats: tuple[Versus, ...] = (),
) -> Recommendation:
    model = catalog.models[r.model]
    lic = catalog.license_of(model)
    ctx = spec.service.context_tokens
    plans = [
        plan(b, rt, ctx, catalog, spec.service) for b, rt in zip(r.bests, rtargets, strict=True)
    ]
    low = weakest(r)
    assert low.terms is not None
    head = tightest(plans)
    speeds = [p.decode_tps for p in plans]
    tasks = spec.service.tasks
    matched = tuple(t for t in tasks if t in model.strengths)
    risk_texts, risk_items = risks(
        model, plans, lic, spec.service.languages, tasks, spec.constraints.max_first_token_s
    )
    low_texts, low_items = low_bit_risks(r)
    risk_texts, risk_items = risk_texts + low_texts, risk_items + low_items
    scores, unknown = evidence(model, spec.service)
    if not scores:
        risk_texts += (
            "no published benchmark for this service's tasks and languages: evaluate quality "
            "on your own data before launch",
        )
        risk_items += (Risk(kind="quality-unknown"),)
    return Recommendation(
        rank=rank,
        model=model.id,
        model_name=model.name,
        hf_repo=model.hf_repo,
        family=model.family,
        developer=model.developer,
        params=model.params,
        params_label=fmt_params(model.params),
        quantization=head.quantization,
        runtime=head.runtime,
        memory=head.memory,
        decode_tps=None if None in speeds else min(s for s in speeds if s is not None),
        download_mb=max(p.memory.file_mb for p in plans),
        score=low.terms.total,
        score_terms=low.terms,
        license=lic.id,
        license_name=lic.name,
        license_commercial=lic.commercial,
        license_conditions=lic.conditions,
        license_notice_only=lic.notice_only,
        license_url=lic.url,
        languages=model.languages,
        languages_claim=model.languages_claim,
        strengths=model.strengths,
        matched_tasks=matched,
        missing_tasks=tuple(t for t in tasks if t not in model.strengths),
        context_tokens=model.context_tokens,
        reasoning_mode=model.reasoning_mode,
        reasons=reasons(low, plans, low.terms, matched, evidence_line(scores, unknown))
        + tuple(versus_line(v) for v in beats),
        risks=risk_texts,
        risk_items=risk_items,
        tightest_target=head.target,
        pipeline=head.pipeline,
        builds=builds(plans),
        targets=tuple(plans),
        sources=model.sources,
        evidence=scores,
        evidence_unknown=unknown,
        versus=beats,
    )


def risks(
    model: ModelEntry,
    plans: Sequence[TargetPlan],
    lic: License,
    languages: tuple[str, ...],
    tasks: tuple[str, ...] = (),
    first_token_s: float | None = None,
) -> tuple[tuple[str, ...], tuple[Risk, ...]]:
    """Risks as English sentences (JSON, tools) and as structured items (any language).

    ``first_token_s``: the service's stated ``max_first_token_s``, the limit a slow first token
    is named against instead of the attention limit (``SLOW_FIRST_TOKEN_S``).
    """
    items: list[tuple[str, Risk]] = []
    tight = tightest(plans)
    if tight.memory.headroom_pct < HEADROOM_RISK_PCT:
        m = tight.memory
        items.append(
            (
                f"small memory headroom on {tight.target_name}: {m.headroom_mb:,} MB "
                f"({m.headroom_pct:.1f}% of the budget); the OS limit moves with system state",
                Risk(
                    kind="headroom",
                    target=tight.target,
                    values={"headroom_mb": m.headroom_mb, "headroom_pct": m.headroom_pct},
                ),
            )
        )
    if lic.commercial == "no":
        items.append(
            (
                f"{lic.name} does not allow commercial use"
                + (f": {lic.conditions}" if lic.conditions else ""),
                Risk(kind="license-noncommercial", values={"conditions": lic.conditions}),
            )
        )
    elif lic.commercial == "conditional" or (lic.conditions and not lic.notice_only):
        cond = lic.conditions
        items.append(
            (
                f"licence conditions apply: {cond}" if cond else "licence conditions apply",
                Risk(kind="license-conditions", values={"conditions": cond}),
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
    missing = [t for t in tasks if t not in model.strengths]
    if missing:
        items.append(
            (
                "the card does not name " + ", ".join(missing) + " among its intended uses: "
                "validate these tasks before launch",
                Risk(kind="task-unverified", values={"tasks": missing}),
            )
        )
    items.extend(_speed_risks(plans, first_token_s))
    items.extend(_runtime_risks(plans))
    if model.verification == "C":
        items.append(
            (
                "some catalog facts for this model are incomplete (verification C)",
                Risk(kind="verification"),
            )
        )
    return tuple(t for t, _ in items), tuple(r for _, r in items)


def _runtime_risks(plans: Sequence[TargetPlan]) -> list[tuple[str, Risk]]:
    """Per target: a backend below production maturity, a device sold with several chips (what
    the build does on each), and a speed no one measured for this runtime."""
    items: list[tuple[str, Risk]] = []
    for p in plans:
        ev = next((r.evidence for r in p.rules if r.rule == "accelerator"), {})
        backend = p.backend.upper()
        values = {"runtime": p.runtime_name, "backend": backend, "api": str(ev.get("api", ""))}
        maturity = ev.get("maturity", "production")
        if maturity in ("beta", "experimental"):
            items.append(
                (
                    f"{p.runtime_name} runs on the {backend} of {p.target_name} through "
                    f"{values['api']}, {maturity}: test on the device before launch",
                    Risk(kind=f"backend-{maturity}", target=p.target, values=values),
                )
            )
        chips = "; ".join(f"{v['name']}: {', '.join(v['markets'])}" for v in ev.get("variants", ()))
        if chips:
            items.append(
                (
                    f"{p.target_name} ships with different chips by market ({chips}); this build "
                    f"({p.runtime_name} on the {backend}) runs on every one of them",
                    Risk(
                        kind="variants",
                        target=p.target,
                        values={**values, "chips": chips, "variants": _variant_markets(ev)},
                    ),
                )
            )
        capped = "speed-unmeasured" in p.assumption_codes
        if capped or "speed-uncapped" in p.assumption_codes:
            items.append(
                (
                    f"the speed of {p.runtime_name} on the {backend} of {p.target_name} is not "
                    "measured: "
                    + (
                        "capped at the measured runtime's on the same hardware"
                        if capped
                        else "no measured runtime runs this model there to compare"
                    ),
                    Risk(
                        kind="speed-unmeasured",
                        target=p.target,
                        values={**values, "capped": capped},
                    ),
                )
            )
    return items


def _variant_markets(ev: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Each regional variant's name, chip and markets, for renderers to word in any language."""
    return [
        {"name": v["name"], "soc": v["soc"], "markets": list(v["markets"])}
        for v in ev.get("variants", ())
    ]


def first_token_limit(stated_s: float | None) -> float:
    """Seconds over which a first token is named a risk: the service's stated need, else the
    attention limit."""
    return SLOW_FIRST_TOKEN_S if stated_s is None else stated_s


def _first_token_risks(
    plans: Sequence[TargetPlan], stated_s: float | None
) -> list[tuple[str, Risk]]:
    """One risk per distinct slow first token (targets sharing a build and prompt share it)."""
    limit = first_token_limit(stated_s)
    slow: dict[tuple[float, int, bool], list[TargetPlan]] = {}
    for p in plans:
        if p.ttft_ms is not None and p.ttft_ms > limit * 1000:
            key = (round(p.ttft_ms / 1000, 1), p.prompt_tokens or 0, bool(p.encoders))
            slow.setdefault(key, []).append(p)
    items = []
    for (seconds, prompt, media), group in slow.items():
        names = ", ".join(p.target_name for p in group)
        values = {
            "seconds": seconds,
            "prompt_tokens": prompt,
            "media": media,
            "limit_s": limit,
            "stated": stated_s is not None,
        }
        risk = Risk(
            kind="slow-first-token", values={**values, "targets": [p.target for p in group]}
        )
        items.append((f"slow first token on {names}: about {seconds:g} s", risk))
    return items


def _speed_risks(
    plans: Sequence[TargetPlan], first_token_s: float | None
) -> list[tuple[str, Risk]]:
    items = []
    for p in plans:
        if p.decode_tps is not None and p.decode_tps < SLOW_RISK_TPS:
            items.append(
                (
                    f"slow generation on {p.target_name}: about {p.decode_tps:.1f} tokens/s",
                    Risk(kind="slow", target=p.target, values={"decode_tps": p.decode_tps}),
                )
            )
    items.extend(_first_token_risks(plans, first_token_s))
    unknown = [p for p in plans if p.decode_tps is None]
    if unknown:
        items.append(
            (
                "no speed estimate for "
                + ", ".join(p.target_name for p in unknown)
                + ": measure on the device",
                Risk(kind="no-speed", values={"targets": [p.target for p in unknown]}),
            )
        )
    return items


def low_bit_risks(r: Ranked[Option]) -> tuple[tuple[str, ...], tuple[Risk, ...]]:
    """A build under the quality floor is recommended only when no 4-bit build fits: say so."""
    texts: list[str] = []
    items: list[Risk] = []
    for o in r.bests:
        q = o.candidate.quant
        if not low_bit(o.candidate) or q.id in {i.values.get("quantization") for i in items}:
            continue
        bpw = round(scoring.effective_bpw(q), 2)
        fid = round(scoring.fidelity_of(q, o.candidate.model), 2)
        texts.append(
            f"only a low-bit build fits: {q.id} keeps {bpw:g} bits per weight and an estimated "
            f"{fid:.0%} of the model's quality; validate output quality before launch"
        )
        items.append(
            Risk(
                kind="low-bits",
                target=o.target.id,
                values={"quantization": q.id, "bpw": bpw, "fidelity": fid},
            )
        )
    return tuple(texts), tuple(items)


def evidence(
    model: ModelEntry, service: Service
) -> tuple[tuple[EvidenceScore, ...], tuple[str, ...]]:
    """The published scores the quality term reads for this service, most relevant group first,
    and the relevant groups nobody published a score for."""
    weights = scoring.relevant_groups(service)
    rows = []
    for b in model.benchmarks:
        kind = scoring.kind_of(b.name)
        if kind is None or kind.group not in weights:
            continue
        rows.append(
            EvidenceScore(
                benchmark=b.name, value=b.value, setup=b.setup, source=b.source, group=kind.group
            )
        )
    order = list(weights)
    rows.sort(key=lambda e: (-weights[e.group], order.index(e.group), e.benchmark))
    have = {e.group for e in rows}
    return tuple(rows), tuple(g for g in order if g not in have)


def evidence_line(scores: Sequence[EvidenceScore], unknown: Sequence[str]) -> str:
    """ "KMMLU 45.2, IFEval 71 (model card); unknown: translation" in one line."""
    if not scores:
        return "no published benchmark for this service's tasks and languages (quality unknown)"
    shown = ", ".join(f"{e.benchmark} {e.value:g}" for e in scores[:4])
    tail = f"; unknown: {', '.join(_group_word(g) for g in unknown)}" if unknown else ""
    return f"evidence: {shown} (published){tail}"


def _group_word(group: str) -> str:
    return group.split(":", 1)[-1]


def versus(
    r: Ranked[Option], others: Sequence[Ranked[Option]], constraints: Constraints
) -> tuple[Versus, ...]:
    """Why ``r`` ranked above each of ``others``: weighted term gaps on the weakest targets, and
    the other's shortfalls when they put it a tier lower (the reason then, whatever the scores).
    """
    weights = scoring.term_weights(constraints)
    mine = weakest(r).terms
    assert mine is not None
    out = []
    for other in others:
        theirs = weakest(other).terms
        assert theirs is not None
        gaps = {
            t: round(weights[t] * (getattr(mine, t) - getattr(theirs, t)), 4) for t in scoring.TERMS
        }
        ordered = dict(sorted(gaps.items(), key=lambda kv: (-abs(kv[1]), kv[0])))
        order_gap = _shown_margin(r.score, other.score)
        lower = theirs.tier > mine.tier
        out.append(
            Versus(
                model=other.model,
                margin=_shown_margin(mine.total, theirs.total),
                # a gap the report would print as +0.000 explains nothing: keep the shown ones
                gaps={k: v for k, v in ordered.items() if round(v, SCORE_DIGITS) != 0},
                diversity=order_gap < 0,
                tied=order_gap == 0,
                shortfalls=tuple(s for s in theirs.shortfalls if s not in mine.shortfalls)
                if lower
                else (),
            )
        )
    return tuple(out)


def _shown_margin(mine: float, theirs: float) -> float:
    """The gap between two scores as the report prints them, so a margin never reads "0.000"
    between scores shown as different, nor "ranked above" between scores shown as equal."""
    return round(round(mine, SCORE_DIGITS) - round(theirs, SCORE_DIGITS), SCORE_DIGITS)


def versus_line(v: Versus) -> str:
    """One line: the terms that put this pick ahead (and the one that pulled the other way), or
    the other's shortfalls when they ranked it a tier lower."""
    if v.shortfalls:
        return (
            f"over {v.model}: {v.model} has {', '.join(SHORTFALL_WORDS[s] for s in v.shortfalls)} "
            f"(score {v.margin:+.3f} against it)"
        )
    if v.diversity:
        return (
            f"over {v.model}: picked for a second opinion from another developer or family "
            f"({v.model} scored {-v.margin:+.3f} more)"
        )
    ahead = [f"{t} {g:+.3f}" for t, g in v.gaps.items() if g > 0 and (t == "quality" or not v.tied)]
    behind = [f"{t} {g:+.3f}" for t, g in v.gaps.items() if g < 0][:1]
    lead = f"tied with {v.model}, ahead on" if v.tied else f"over {v.model} by {v.margin:.3f}:"
    text = f"{lead} " + (", ".join(ahead[:2]) or "ties broken by id")
    return text + (f" (behind on {behind[0]})" if behind else "")


def reasons(
    best: Option,
    plans: Sequence[TargetPlan],
    terms: ScoreTerms,
    matched: tuple[str, ...],
    evidence_text: str = "",
) -> tuple[str, ...]:
    tight = tightest(plans)
    n = len(plans)
    where = "the target" if n == 1 else f"all {n} targets"
    out = [
        f"fits {where}: {tight.memory.total_mb:,} MB of {tight.memory.budget_mb:,} MB on the "
        f"tightest ({tight.target_name})",
    ]
    for v in best.verdicts:
        if v.rule in CARD_RULES and v.outcome == "pass":
            out.append(v.reason)
    if evidence_text:
        out.append(evidence_text)
    if matched:
        out.append("card names " + ", ".join(matched) + " among its intended uses")
    speeds = [p.decode_tps for p in plans if p.decode_tps is not None]
    if speeds:
        out.append(f"estimated {min(speeds):.1f} tokens/s or more on the targets with an estimate")
    out.append(
        f"score {terms.total:.3f} (quality {terms.quality:.2f}, fidelity {terms.fidelity:.2f}, "
        f"speed {terms.speed:.2f}, headroom {terms.headroom:.2f}, energy {terms.energy:.2f})"
    )
    return tuple(out)
