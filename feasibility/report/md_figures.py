"""Markdown section 4: memory and speed, one row per target, per distinct build and per plan.

Where the engine made no estimate, the cell says what is missing and why (from the plan's
assumption codes), never a bare "n/a".
"""

from __future__ import annotations

from feasibility.report import md_media
from feasibility.report._phrases import build_plans, code_id, decode, ttft
from feasibility.report._rows import (
    Texts,
    accelerator,
    mb,
    md_table,
    num,
    pct,
    target_by_id,
    unique,
)
from feasibility.report._wording import assumption_sentence, basis_phrase
from feasibility.verdict import Assessment, Recommendation, TargetPlan

EXPLAINED = ("no-decode", "no-prefill")
"""Assumption codes the speed note under the tables already explains (not listed again)."""


def missing(t: Texts, plans: list[TargetPlan], what: str) -> str:
    """Why ``what`` (decode, prefill, energy) is not estimated, from the plans' assumption codes."""
    codes = {c for p in plans for c in p.assumption_codes}
    cause = {"decode": "no-decode", "prefill": "no-prefill", "energy": "no-energy"}[what]
    return t(f"na_{what}_{'cause' if cause in codes else 'other'}")


def memory(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_memory"), ""]
    recs = a.recommendations
    if not recs:
        return [*out, t("memory_none")]
    out.append(t("memory_intro", ctx=num(a.context_tokens), out=num(a.output_tokens)))
    bases = unique(basis_phrase(t, x) for x in a.targets)
    if len(a.targets) > 1 and len(bases) == 1:
        out[-1] += " " + t("budget_basis_all", basis=bases[0])
    out.extend(["", *_targets(a, t), "", *build_table(a, t), "", *_plans(a, t), ""])
    out.extend(md_media.encoders(a, t))
    out.append(t("speed_note", ctx=num(a.context_tokens), out=num(a.output_tokens)))
    assumptions = unique(
        assumption_sentence(t, c, x)
        for r in recs
        for p in r.targets
        for c, x in zip(p.assumption_codes, p.assumptions, strict=True)
        if c not in EXPLAINED
    )
    out.extend(["", t("assumptions"), ""])
    out.extend(f"- {x}" for x in assumptions)
    return out


def _targets(a: Assessment, t: Texts) -> list[str]:
    shared = len(a.targets) > 1 and len({basis_phrase(t, x) for x in a.targets}) == 1
    rows = [
        [
            f"{x.name} ({code_id(x.id)})",
            f"{t.os.get(x.os, x.os)} {x.os_version or t('unknown')}",
            f"{x.ram_gb:g} GB",
            t("bw_unknown")
            if x.memory_bandwidth_gbs is None
            else f"{x.memory_bandwidth_gbs:.1f} GB/s",
            x.npu or t("none"),
            f"**{mb(x.budget_mb)}**" if shared else f"**{mb(x.budget_mb)}** ({basis_phrase(t, x)})",
        ]
        for x in a.targets
    ]
    heads = ("col_target", "col_os", "col_ram", "col_bw", "col_npu", "col_budget")
    return md_table([t(h) for h in heads], rows, ["l", "l", "r", "r", "l", "l"])


def build_table(a: Assessment, t: Texts) -> list[str]:
    """One row per distinct build; memory on its tightest target, speeds on its slowest."""
    rows = []
    for r in a.recommendations:
        for b in r.builds:
            plans = build_plans(r, b)
            m = b.memory
            rows.append(
                [
                    code_id(r.model),
                    code_id(r.license),
                    f"{code_id(b.quantization)} · {code_id(b.runtime)}",
                    t("list_sep").join(code_id(x) for x in b.targets),
                    mb(m.weights_mb),
                    mb(m.kv_cache_mb),
                    mb(m.compute_mb),
                    mb(m.overhead_mb),
                    *([mb(m.encoders_mb or 0)] if a.inputs else []),
                    f"**{mb(m.total_mb)}** / {mb(m.budget_mb)}",
                    f"{mb(m.headroom_mb)} ({pct(m.headroom_pct)})",
                    decode(t, b.decode_tps, missing(t, plans, "decode")),
                    _build_ttft(t, b.ttft_ms, plans),
                    mb(b.file_mb),
                ]
            )
    heads = (
        "col_model",
        "col_license",
        "col_build",
        "col_targets",
        "q_weights",
        "col_kv",
        "q_compute",
        "q_overhead",
        *(("q_encoders",) if a.inputs else ()),
        "col_memory_tight",
        "col_headroom",
        "col_decode_slowest",
        "col_ttft",
        "col_download",
    )
    return md_table([t(h) for h in heads], rows, ["l", "l", "l", "l"] + ["r"] * (len(heads) - 4))


def _build_ttft(t: Texts, ms: float | None, plans: list[TargetPlan]) -> str:
    """A build's first-token time, or why not: on none of its targets, or only on some (then
    the per-target rows hold the figures)."""
    unknown = [p for p in plans if p.ttft_ms is None]
    if ms is None and 0 < len(unknown) < len(plans):
        return t("ttft_partial", n=num(len(unknown)), total=num(len(plans)))
    return ttft(t, ms, missing(t, plans, "prefill"))


def _plans(a: Assessment, t: Texts) -> list[str]:
    rows = [_plan_row(a, t, r, p) for r in a.recommendations for p in r.targets]
    heads = (
        "col_model",
        "col_target",
        "col_build",
        "q_accel",
        "col_memory_tight",
        "q_decode",
        "col_ttft",
        "q_energy",
    )
    return md_table([t(h) for h in heads], rows, ["l", "l", "l", "l", "r", "r", "r", "r"])


def _plan_row(a: Assessment, t: Texts, r: Recommendation, p: TargetPlan) -> list[str]:
    energy = (
        missing(t, [p], "energy")
        if p.energy_j_per_1k_tokens is None
        else t(
            "energy_value",
            j=f"{p.energy_j_per_1k_tokens:.1f}",
            band=t("energy_band", pct=p.energy_uncertainty_pct)
            if p.energy_uncertainty_pct is not None
            else "",
        )
    )
    return [
        code_id(r.model),
        code_id(p.target),
        f"{code_id(p.quantization)} · {code_id(p.runtime)}",
        accelerator(t, p, target_by_id(a, p.target)),
        f"{mb(p.memory.total_mb)} / {mb(p.memory.budget_mb)}",
        decode(t, p.decode_tps, missing(t, [p], "decode")),
        ttft(t, p.ttft_ms, missing(t, [p], "prefill")),
        energy,
    ]
