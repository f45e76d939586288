"""Markdown sections 7 and 8: the security team's threat model, and advantages and limits.

Section 7 answers a security reviewer's checklist: data flow, model-file integrity (one SHA-256
pin per distinct build), storage, prompt injection and small-model safety, the licence duties the
product inherits, GDPR and PIPA by article, and what on-device processing does not settle.
"""

from __future__ import annotations

from feasibility.report import md_media
from feasibility.report._phrases import artifact, code_id, langs, license_conditions, service, tasks
from feasibility.report._rows import Texts, mb, md_table, num, pct, tightest_plan, tps, unique
from feasibility.verdict import Assessment

FLOWS = ("prompt", "output", "logs", "network", "download", "telemetry", "vendor")
"""Data-flow rows of the threat model (``flow_<row>``, ``_server``, ``_device`` texts)."""


def privacy(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_privacy"), ""]
    recs = a.recommendations
    if not recs:
        return [*out, t("privacy_none")]
    runtimes = t("list_sep").join(
        code_id(x) for x in unique(b.runtime for r in recs for b in r.builds)
    )
    out.append(
        t("privacy_intro", service=service(a, t), runtimes=runtimes, langs=langs(t, a.languages))
    )
    out.extend(["", t("sec_flow"), ""])
    out.extend(
        md_table(
            [t("col_flow"), t("col_server"), t("col_device")],
            [[t(f"flow_{k}"), t(f"flow_{k}_server"), t(f"flow_{k}_device")] for k in FLOWS],
        )
    )
    out.extend(["", *_integrity(a, t), "", t("sec_storage"), "", t("sec_injection"), ""])
    out.extend(md_media.security(a, t))
    out.extend(_licence_duties(a, t))
    out.extend(["", t("sec_regulation"), "", t("sec_gdpr"), t("sec_pipa"), "", t("sec_limits")])
    return out


def _integrity(a: Assessment, t: Texts) -> list[str]:
    rows = [
        [
            code_id(r.model),
            f"{code_id(b.quantization)} · {code_id(b.runtime)}",
            t("list_sep").join(code_id(x) for x in b.targets),
            artifact(t, r, b),
            mb(b.file_mb),
            t("sha_pending"),
        ]
        for r in a.recommendations
        for b in r.builds
    ]
    heads = ("col_model", "col_build", "col_targets", "col_origin", "col_download", "col_sha")
    return [
        t("sec_integrity"),
        "",
        *md_table([t(h) for h in heads], rows, ["l", "l", "l", "l", "r", "l"]),
        "",
        t("privacy_update"),
    ]


def _licence_duties(a: Assessment, t: Texts) -> list[str]:
    out = [t("sec_licence"), ""]
    for r in a.recommendations:
        conditions = license_conditions(t, r) or t("licence_no_conditions")
        out.append(
            t(
                "licence_duty",
                model=code_id(r.model),
                name=r.license_name,
                id=code_id(r.license),
                conditions=conditions,
            )
        )
    return out


def tradeoffs(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_tradeoffs"), ""]
    recs = a.recommendations
    if not recs:
        return [*out, t("tradeoffs_none")]
    items = t("list_sep").join(_speed_item(t, r.model, r.decode_tps) for r in recs)
    out.extend(
        [
            t("advantages"),
            "",
            t("adv_privacy", langs=langs(t, a.languages), tasks=tasks(t, a.tasks)),
            t("adv_offline", items=items),
            t("adv_cost", n=num(len(a.targets))),
            "",
            t("limits"),
            "",
            *_limits(a, t),
        ]
    )
    return out


def _limits(a: Assessment, t: Texts) -> list[str]:
    recs = a.recommendations
    head = "; ".join(
        t(
            "lim_headroom_item",
            model=code_id(r.model),
            target=tightest_plan(r).target_name,
            headroom=mb(r.memory.headroom_mb),
            pct=pct(r.memory.headroom_pct),
        )
        for r in recs
    )
    cover = [
        t("lim_cover_item", model=code_id(r.model), tasks=tasks(t, list(r.missing_tasks)))
        for r in recs
        if r.missing_tasks
    ]
    claims = [
        t("lim_claim_item", model=code_id(r.model))
        for r in recs
        if any(c not in r.languages for c in a.languages)
    ]
    coverage = (
        t("lim_coverage", items="; ".join(cover + claims))
        if cover or claims
        else t("lim_coverage_ok", langs=langs(t, a.languages))
    )
    energy_known = all(p.energy_j_per_1k_tokens is not None for r in recs for p in r.targets)
    energy = t("lim_energy_known" if energy_known else "lim_energy", out=num(a.output_tokens))
    return [t("lim_headroom", items=head), coverage, energy]


def _speed_item(t: Texts, model: str, decode_tps: float | None) -> str:
    """One pick's speed in the advantages list; a pick some target cannot estimate says so
    instead of putting "not estimated" where a number goes."""
    if decode_tps is None:
        return t("adv_speed_item_unknown", model=code_id(model))
    return t("adv_speed_item", model=code_id(model), tps=tps(decode_tps, t("speed_unknown")))
