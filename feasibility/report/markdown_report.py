"""Markdown: the planning report for engineers, executives and the security team.

Every number and decision comes from the :class:`~feasibility.verdict.Assessment`; this module
only arranges it. All wording lives in ``texts_en`` / ``texts_ko``. Catalog ids are always shown
as inline code (and inline code is used for nothing else) so that tests can check every id the
report names against the catalog. Output is byte-identical for the same assessment.
"""

from __future__ import annotations

from collections.abc import Callable

from feasibility.report._rows import (
    Texts,
    accelerator,
    mb,
    md_table,
    num,
    params,
    pct,
    plan_groups,
    target_by_id,
    texts_for,
    tightest_plan,
    tps,
    unique,
)
from feasibility.report._wording import (
    assumption_sentence,
    basis_phrase,
    fix_paragraph,
    gap_sentence,
    rejection_sentence,
    risk_sentence,
    sensitivity_sentence,
    verdict_fix,
    verdict_sentence,
)
from feasibility.verdict import (
    Assessment,
    Recommendation,
    ResolvedTarget,
    TargetPlan,
)

WHY_NOT_ROWS = 12


def render(assessment: Assessment, lang: str = "en") -> str:
    t = texts_for(lang)
    a = assessment
    out: list[str] = []
    for section in (
        _title,
        _summary,
        _recommended,
        _memory,
        _architecture,
        _concepts,
        _privacy,
        _tradeoffs,
        _why_not,
        _inputs,
        _sources,
        _footer,
    ):
        lines = section(a, t)
        if lines:
            out.extend(lines)
            out.append("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


# -- small wording helpers ------------------------------------------------------------------------


def _id(x: str) -> str:
    return f"`{x}`"


def _service(a: Assessment, t: Texts) -> str:
    return a.service_description or t("ph_service")


def _langs(t: Texts, codes: tuple[str, ...] | list[str]) -> str:
    return t.words(t.language, codes) if codes else t("none")


def _tasks(t: Texts, tasks: tuple[str, ...] | list[str]) -> str:
    return t.words(t.task, tasks) if tasks else t("none")


def _target_names(a: Assessment, t: Texts) -> str:
    return t("list_sep").join(t("target_ref", name=x.name, id=_id(x.id)) for x in a.targets)


def _budget_phrase(a: Assessment, t: Texts) -> str:
    budgets = unique(mb(x.budget_mb) for x in a.targets)
    if len(budgets) == 1:
        return t("budget_one", budget=budgets[0])
    return t("budget_many")


def _risks(t: Texts, a: Assessment, rec: Recommendation) -> list[str]:
    return [risk_sentence(t, a, rec, r) for r in rec.risk_items]


# -- sections -------------------------------------------------------------------------------------


def _title(a: Assessment, t: Texts) -> list[str]:
    recs = a.recommendations
    out = [t("title", service=_service(a, t)), "", t("h_verdict"), ""]
    ask = t(
        "verdict_ask",
        service=_service(a, t),
        targets=_target_names(a, t),
        tasks=_tasks(t, a.tasks),
        langs=_langs(t, a.languages),
        ctx=num(a.context_tokens),
        out=num(a.output_tokens),
        budget=_budget_phrase(a, t),
    )
    fit = t(
        "verdict_fit_one" if len(a.feasible_models) == 1 else "verdict_fit",
        n=num(len(a.feasible_models)),
        combos=num(a.candidates_evaluated),
    )
    if len(recs) >= 2:
        pick = t(
            "verdict_two" if recs[0].decode_tps is not None else "verdict_two_nospeed",
            first=_id(recs[0].model),
            second=_id(recs[1].model),
            total=mb(recs[0].memory.total_mb),
            budget=mb(recs[0].memory.budget_mb),
            tps=tps(recs[0].decode_tps, t("na")),
        )
    elif len(recs) == 1:
        pick = t("verdict_one", first=_id(recs[0].model))
    else:
        pick = t("verdict_none")
    counts = sorted(a.rejection_counts.items())
    rej = (
        t(
            "verdict_rejected",
            n=num(sum(v for _, v in counts)),
            counts=t("list_sep").join(
                t("count_rule", rule=t.rule.get(k, k), n=num(v)) for k, v in counts
            ),
        )
        if counts
        else ""
    )
    out.append(" ".join(x for x in (ask, fit, pick, verdict_fix(t, a), rej) if x))
    out.append("")
    out.append(t("source_line", source=a.source, catalog=a.catalog_version))
    return out


def _summary(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_summary"), ""]
    recs = a.recommendations
    if not recs:
        out.append(t("summary_none"))
        return out
    for r in recs:
        out.append(
            t(
                "summary_line",
                rank=r.rank,
                model=_id(r.model),
                params=r.params_label,
                developer=r.developer,
                where=t("where_one")
                if len(r.targets) == 1
                else t("where_all", n=num(len(r.targets))),
                total=mb(r.memory.total_mb),
                budget=mb(r.memory.budget_mb),
                speed=(
                    t("speed_clause", tps=tps(r.decode_tps, ""))
                    if r.decode_tps is not None
                    else t("speed_clause_na")
                ),
                download=mb(r.download_mb),
            )
        )
    out.append("")
    out.extend(_build_table(t, recs))
    out.append("")
    out.append(t("summary_note"))
    if len(recs) == 1:
        out.append("")
        out.append(t("summary_only_one"))
    return out


def _build_table(t: Texts, recs: tuple[Recommendation, ...]) -> list[str]:
    """One row per distinct build of each recommendation, with the targets it serves."""
    rows = []
    for r in recs:
        for i, b in enumerate(r.builds):
            rows.append(
                [
                    str(r.rank) if i == 0 else "",
                    _id(r.model) if i == 0 else "",
                    r.params_label if i == 0 else "",
                    _id(r.license) if i == 0 else "",
                    _id(b.quantization),
                    _id(b.runtime),
                    t("list_sep").join(_id(x) for x in b.targets),
                    f"{mb(b.memory.total_mb)} / {mb(b.memory.budget_mb)}",
                    f"{mb(b.memory.headroom_mb)} ({pct(b.memory.headroom_pct)})",
                    tps(b.decode_tps, t("na")),
                    mb(b.file_mb),
                ]
            )
    return md_table(
        [
            t("col_rank"),
            t("col_model"),
            t("col_params"),
            t("col_license"),
            t("col_quant"),
            t("col_runtime"),
            t("col_targets"),
            t("col_memory_tight"),
            t("col_headroom"),
            t("col_decode_slowest"),
            t("col_download"),
        ],
        rows,
        ["r", "l", "r", "l", "l", "l", "l", "r", "r", "r", "r"],
    )


def _evidence(t: Texts, r: Recommendation) -> list[str]:
    """The published scores behind the quality term, and the relevant ones nobody published."""
    if not r.evidence:
        return [t("why_evidence_none")]
    scores = t("list_sep").join(
        t("evidence_score", benchmark=e.benchmark, value=f"{e.value:g}") for e in r.evidence[:6]
    )
    out = [t("why_evidence", scores=scores)]
    if r.evidence_unknown:
        groups = t("list_sep").join(_group(t, g) for g in r.evidence_unknown)
        out.append(t("why_evidence_unknown", groups=groups))
    return out


def _group(t: Texts, group: str) -> str:
    kind, _, what = group.partition(":")
    if kind == "lang":
        return t("evidence_group_lang", language=_langs(t, [what]))
    if kind == "task":
        return t("evidence_group_task", task=_tasks(t, [what]))
    return t("evidence_group_" + kind)


def _versus(t: Texts, r: Recommendation) -> list[str]:
    """Why this pick ranked above the next ones, from the weighted score terms."""
    out = []
    for v in r.versus:
        if v.diversity:
            out.append(t("why_versus_diversity", model=_id(v.model), margin=f"{-v.margin:.3f}"))
            continue
        ahead = [(k, g) for k, g in v.gaps.items() if g > 0][:2]
        behind = [(k, g) for k, g in v.gaps.items() if g < 0][:1]
        words = t("list_sep").join(
            t("versus_gap", term=t("term_" + k), gap=f"{g:+.3f}") for k, g in ahead
        )
        key = "why_versus_behind" if behind else "why_versus"
        lag = (
            t("versus_gap", term=t("term_" + behind[0][0]), gap=f"{behind[0][1]:+.3f}")
            if behind
            else ""
        )
        out.append(t(key, model=_id(v.model), margin=f"{v.margin:.3f}", ahead=words, behind=lag))
    return out


def _recommended(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_recommended"), ""]
    if not a.recommendations:
        out.append(t("recommended_none"))
        return out
    for r in a.recommendations:
        tight = tightest_plan(r)
        out.append(t("h_rec", rank=r.rank, model=_id(r.model), params=r.params_label))
        out.append("")
        out.append(
            t(
                "rec_identity",
                developer=r.developer,
                family=r.family,
                repo=r.hf_repo,
                ctx=num(r.context_tokens),
            )
        )
        out.append("")
        out.append(t("rec_why"))
        out.append("")
        listed = [c for c in a.languages if c in r.languages]
        missing = [c for c in a.languages if c not in r.languages]
        out.append(
            t(
                "why_fits" if len(r.targets) > 1 else "why_fits_one",
                n=num(len(r.targets)),
                total=mb(tight.memory.total_mb),
                budget=mb(tight.memory.budget_mb),
                target=tight.target_name,
            )
        )
        out.append(
            t("why_langs", listed=_langs(t, listed))
            if not missing
            else t("why_langs_partial", listed=_langs(t, listed), missing=_langs(t, missing))
        )
        if r.matched_tasks:
            out.append(t("why_tasks", tasks=_tasks(t, list(r.matched_tasks))))
        if r.missing_tasks:
            out.append(t("why_tasks_missing", tasks=_tasks(t, list(r.missing_tasks))))
        if r.strengths:
            out.append(t("why_strengths", tasks=_tasks(t, list(r.strengths))))
        out.append(t("why_context", ctx=num(a.context_tokens), max_ctx=num(r.context_tokens)))
        if r.decode_tps is not None:
            out.append(t("why_speed", tps=tps(r.decode_tps, t("na"))))
        out.extend(_evidence(t, r))
        out.extend(_versus(t, r))
        s = r.score_terms
        out.append(
            t(
                "why_score",
                total=f"{s.total:.3f}",
                quality=f"{s.quality:.2f}",
                fidelity=f"{s.fidelity:.2f}",
                speed=f"{s.speed:.2f}",
                headroom=f"{s.headroom:.2f}",
                energy=f"{s.energy:.2f}",
                bonus=f"{s.bonus:.2f}",
            )
        )
        out.append("")
        out.append(
            t(
                "rec_license",
                name=r.license_name,
                id=_id(r.license),
                commercial=t.commercial.get(r.license_commercial, r.license_commercial),
                url=r.license_url,
            )
        )
        if r.license_conditions:
            out.append("")
            out.append(t("rec_license_conditions", conditions=r.license_conditions))
        out.append("")
        out.append(t("rec_rules"))
        out.append("")
        headers = [t("col_rule")] + [p.target_name for p in r.targets]
        rules = unique(rr.rule for p in r.targets for rr in p.rules)
        rows = []
        for rule in rules:
            row = [t.rule.get(rule, rule)]
            for p in r.targets:
                rr = next((x for x in p.rules if x.rule == rule), None)
                row.append(t("na") if rr is None else t.outcome.get(rr.outcome, rr.outcome))
            rows.append(row)
        out.extend(md_table(headers, rows))
        notes: dict[tuple[str, str, str], list[str]] = {}
        for p in r.targets:
            for rr in p.rules:
                if rr.outcome != "pass":
                    key = (
                        rr.rule,
                        rr.outcome,
                        verdict_sentence(t, rr.rule, rr.outcome, rr.evidence, rr.reason),
                    )
                    notes.setdefault(key, []).append(p.target_name)
        if notes:
            out.append("")
        for (rule, outcome, text), names in notes.items():
            out.append(
                t(
                    "rule_note",
                    targets=t("list_sep").join(names),
                    rule=t.rule.get(rule, rule),
                    outcome=t.outcome.get(outcome, outcome),
                    text=text,
                )
            )
        out.append("")
        out.append(t("rec_risks"))
        out.append("")
        risks = _risks(t, a, r)
        out.extend(f"- {x}" for x in risks)
        if not risks:
            out.append(t("risks_none"))
        out.append("")
    return out[:-1]


def _memory(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_memory"), ""]
    recs = a.recommendations
    if not recs:
        out.append(t("memory_none"))
        return out
    out.append(t("memory_intro", ctx=num(a.context_tokens), out=num(a.output_tokens)))
    for target in a.targets:
        plans = [next((p for p in r.targets if p.target == target.id), None) for r in recs]
        out.append("")
        out.append(t("h_target", name=target.name, id=_id(target.id)))
        out.append("")
        bw = (
            t("na")
            if target.memory_bandwidth_gbs is None
            else f"{target.memory_bandwidth_gbs:.1f} GB/s"
        )
        out.append(
            t(
                "target_facts",
                os=t.os.get(target.os, target.os),
                os_version=target.os_version or t("unknown"),
                ram=f"{target.ram_gb:g}",
                bw=bw,
                npu=target.npu or t("none"),
                budget=mb(target.budget_mb),
                basis=basis_phrase(t, target),
            )
        )
        out.append("")
        headers = [t("col_quantity")] + [_id(r.model) for r in recs]
        rows = _memory_rows(a, t, target, plans)
        out.extend(md_table(headers, rows, ["l"] + ["r"] * len(recs)))
        if target.gap_codes:
            out.append("")
            out.append(t("target_gaps", n=num(len(target.gap_codes))))
    assumptions = unique(
        assumption_sentence(t, code, x)
        for r in recs
        for p in r.targets
        for code, x in zip(p.assumption_codes, p.assumptions, strict=True)
    )
    out.append("")
    out.append(t("assumptions"))
    out.append("")
    out.extend(f"- {x}" for x in assumptions)
    return out


def _memory_rows(
    a: Assessment, t: Texts, target: ResolvedTarget, plans: list[TargetPlan | None]
) -> list[list[str]]:
    na = t("na")
    cols: list[tuple[str, Callable[[TargetPlan], str]]] = [
        (t("q_format"), lambda p: f"{_id(p.quantization)} ({p.format})"),
        (t("q_runtime"), lambda p: _id(p.runtime)),
        (t("q_accel"), lambda p: accelerator(t, p, target)),
        (t("q_weights"), lambda p: mb(p.memory.weights_mb)),
        (t("q_kv", ctx=num(a.context_tokens)), lambda p: mb(p.memory.kv_cache_mb)),
        (t("q_compute"), lambda p: mb(p.memory.compute_mb)),
        (t("q_overhead"), lambda p: mb(p.memory.overhead_mb)),
        (t("q_total"), lambda p: f"**{mb(p.memory.total_mb)}** / {mb(p.memory.budget_mb)}"),
        (t("q_headroom"), lambda p: f"{mb(p.memory.headroom_mb)} ({pct(p.memory.headroom_pct)})"),
        (t("q_file"), lambda p: mb(p.memory.file_mb)),
        (t("q_decode"), lambda p: tps(p.decode_tps, na)),
        (t("q_prefill"), lambda p: tps(p.prefill_tps, na)),
        (
            t("q_energy"),
            lambda p: (
                na if p.energy_j_per_1k_tokens is None else f"{p.energy_j_per_1k_tokens:.1f} J"
            ),
        ),
    ]
    return [[label] + [na if p is None else fn(p) for p in plans] for label, fn in cols]


def _label(text: str, short: bool = True) -> str:
    """A mermaid node label: without characters mermaid parses (and the parenthetical detail of
    step titles)."""
    out = text.split(" (")[0] if short else text
    for ch in '"#<>[]{}`':
        out = out.replace(ch, "")
    if short:
        out = out.replace("(", "").replace(")", "")
    return out.strip()


def _architecture(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_arch"), ""]
    if not a.recommendations:
        out.append(t("arch_none"))
        return out
    out.append(t("arch_intro"))
    for r in a.recommendations:
        out.append("")
        out.append(t("h_arch_rec", rank=r.rank, model=_id(r.model)))
        groups = plan_groups(r)
        for head, members in groups:
            target = target_by_id(a, head.target)
            out.append("")
            out.append(
                t(
                    "h_platform",
                    os=_oses(t, members),
                    runtime=head.runtime_name,
                    quant=_id(head.quantization),
                )
            )
            out.append("")
            out.append(
                t(
                    "platform_facts",
                    targets=t("list_sep").join(_id(p.target) for p in members),
                    quant=_id(head.quantization),
                    quant_name=head.quantization_name,
                    format=head.format,
                    runtime=_id(head.runtime),
                    accel=accelerator(t, head, target),
                )
            )
            out.append("")
            for i, step in enumerate(head.pipeline, start=1):
                out.append(t("step", i=i, title=step.title))
                out.append("")
                out.append("   ```sh")
                out.extend(f"   {line}" for line in step.command.splitlines())
                out.append("   ```")
                out.append("")
            out.append(t("step_verify", i=len(head.pipeline) + 1))
        out.append("")
        out.extend(_mermaid(a, t, r))
    return out


def _oses(t: Texts, plans: list[TargetPlan]) -> str:
    return t("list_sep").join(unique(t.os.get(p.os, p.os) for p in plans))


def _mermaid(a: Assessment, t: Texts, r: Recommendation) -> list[str]:
    out = ["```mermaid", "flowchart LR", f'    src["{_label(t("mm_source", repo=r.hf_repo))}"]']
    for gi, (head, members) in enumerate(plan_groups(r), start=1):
        prev = "src"
        for si, step in enumerate(head.pipeline, start=1):
            node = f"g{gi}s{si}"
            out.append(f'    {node}["{si}. {_label(step.title)}"]')
            out.append(f"    {prev} --> {node}")
            prev = node
        names = ", ".join(p.target_name for p in members)
        label = _label(
            t(
                "mm_target",
                os=_oses(t, members),
                targets=names,
                runtime=head.runtime,
                accel=t.backend.get(head.backend, head.backend),
            ),
            short=False,
        )
        out.append(f'    g{gi}t["{label}"]')
        out.append(f"    {prev} --> g{gi}t")
    out.append("```")
    return out


def _concepts(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_concepts"), ""]
    plans = [p for r in a.recommendations for p in r.targets]
    out.append(t("c_quant"))
    for fmt in unique(p.format for p in plans):
        out.append(
            t("c_format", format=fmt, text=t.format_concept.get(fmt, t.format_concept["default"]))
        )
    out.append(t("c_kv", ctx=num(a.context_tokens)))
    out.append(t("c_npu"))
    for rid in unique(p.runtime for p in plans):
        name = next(p.runtime_name for p in plans if p.runtime == rid)
        out.append(
            t(
                "c_runtime",
                id=_id(rid),
                name=name,
                text=t.runtime_concept.get(rid, t.runtime_concept["default"]),
            )
        )
    out.append(t("c_decode"))
    return out


def _privacy(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_privacy"), ""]
    recs = a.recommendations
    runtimes = t("list_sep").join(
        _id(x) for x in unique(p.runtime for r in recs for p in r.targets)
    )
    if not recs:
        out.append(t("privacy_none"))
        return out
    out.append(
        t("privacy_intro", service=_service(a, t), runtimes=runtimes, langs=_langs(t, a.languages))
    )
    out.append("")
    out.extend(
        md_table(
            [t("col_flow"), t("col_server"), t("col_device")],
            [
                [t(f"flow_{k}"), t(f"flow_{k}_server"), t(f"flow_{k}_device")]
                for k in ("prompt", "output", "logs", "network", "vendor")
            ],
        )
    )
    out.append("")
    out.append(t("privacy_compliance"))
    out.append("")
    out.append(t("privacy_integrity"))
    out.append("")
    for r in recs:
        for b in r.builds:
            out.append(
                t(
                    "privacy_file",
                    model=_id(r.model),
                    repo=r.hf_repo,
                    quant=_id(b.quantization),
                    runtime=_id(b.runtime),
                    size=mb(b.file_mb),
                )
            )
    out.append("")
    out.append(t("privacy_update"))
    out.append("")
    out.append(t("privacy_residual"))
    return out


def _tradeoffs(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_tradeoffs"), ""]
    recs = a.recommendations
    if not recs:
        out.append(t("tradeoffs_none"))
        return out
    out.append(t("advantages"))
    out.append("")
    out.append(t("adv_privacy", langs=_langs(t, a.languages), tasks=_tasks(t, a.tasks)))
    out.append(
        t(
            "adv_offline",
            items=t("list_sep").join(
                t("adv_speed_item", model=_id(r.model), tps=tps(r.decode_tps, t("na")))
                for r in recs
            ),
        )
    )
    out.append(t("adv_cost", n=num(len(a.targets))))
    out.append("")
    out.append(t("limits"))
    out.append("")
    head = "; ".join(
        t(
            "lim_headroom_item",
            model=_id(r.model),
            target=tightest_plan(r).target_name,
            headroom=mb(r.memory.headroom_mb),
            pct=pct(r.memory.headroom_pct),
        )
        for r in recs
    )
    out.append(t("lim_headroom", items=head))
    cover = [
        t("lim_cover_item", model=_id(r.model), tasks=_tasks(t, list(r.missing_tasks)))
        for r in recs
        if r.missing_tasks
    ]
    claims = [
        t("lim_claim_item", model=_id(r.model))
        for r in recs
        if any(c not in r.languages for c in a.languages)
    ]
    if cover or claims:
        out.append(t("lim_coverage", items="; ".join(cover + claims)))
    else:
        out.append(t("lim_coverage_ok", langs=_langs(t, a.languages)))
    energy_known = all(p.energy_j_per_1k_tokens is not None for r in recs for p in r.targets)
    out.append(t("lim_energy_known" if energy_known else "lim_energy", out=num(a.output_tokens)))
    return out


def _why_not(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_why_not"), ""]
    if not a.why_not:
        out.append(t("why_not_none"))
        return out
    intro = "why_not_intro" if a.recommendations else "why_not_intro_closest"
    out.append(t(intro, n=num(min(len(a.why_not), WHY_NOT_ROWS)), total=num(len(a.why_not))))
    out.append("")
    rows = []
    for r in a.why_not[:WHY_NOT_ROWS]:
        need = t("na") if r.total_mb is None else f"{mb(r.total_mb)} / {mb(r.budget_mb)}"
        rows.append(
            [
                _id(r.model),
                params(r.params),
                _id(r.quantization) if r.quantization else t("every_build"),
                _id(r.runtime) if r.runtime else "",
                _id(r.target),
                t.rule.get(r.rule, r.rule),
                need,
                rejection_sentence(t, r),
            ]
        )
    out.extend(
        md_table(
            [
                t("col_model"),
                t("col_params"),
                t("col_quant"),
                t("col_runtime"),
                t("col_target"),
                t("col_rule"),
                t("col_need"),
                t("col_reason"),
            ],
            rows,
            ["l", "r", "l", "l", "l", "l", "r", "l"],
        )
    )
    out.extend(_also_fits(a, t))
    return out


def _also_fits(a: Assessment, t: Texts) -> list[str]:
    if not a.also_fits:
        return []
    out = ["", t("also_fits_intro", n=num(len(a.also_fits))), ""]
    for x in a.also_fits[:WHY_NOT_ROWS]:
        out.append(
            t(
                "also_fits_line_diversity" if x.behind == "diversity" else "also_fits_line",
                model=_id(x.model),
                params=params(x.params),
                quant=_id(x.quantization),
                runtime=_id(x.runtime),
                score=f"{x.score:.3f}",
                behind=t("term_" + x.behind),
                other=_id(x.compared_with),
            )
        )
    return out


def _inputs(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_inputs"), ""]
    if a.placeholders:
        out.append(t("placeholders_intro"))
        out.append("")
        out.extend(f"- {t.placeholder.get(p, p)}" for p in a.placeholders)
    else:
        out.append(t("placeholders_none"))
    if any(x.gap_codes for x in a.targets):
        out.append("")
        out.append(t("gaps_intro"))
        out.append("")
        out.extend(f"- {x.name}: {gap_sentence(t, g)}" for x in a.targets for g in x.gap_codes)
    out.append("")
    out.append(t("sensitivity_intro"))
    out.append("")
    if a.sensitivities:
        out.extend("- " + sensitivity_sentence(t, a, s) for s in a.sensitivities)
    else:
        out.append(t("sensitivity_none"))
    if len(a.recommendations) < 2:
        out.append("")
        out.append(fix_paragraph(t, a))
    if a.platform_alternatives:
        out.append("")
        out.append(t("platform_alt_intro"))
        out.append("")
        out.extend(f"- {p.name} ({p.vendor})" for p in a.platform_alternatives)
    return out


def _sources(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_sources"), ""]
    for what in sorted(a.sources):
        kind, _, ident = what.partition(" ")
        out.append(
            f"- {t('source_kind_' + kind) if ('source_kind_' + kind) in t.t else kind} {_id(ident)}"
        )
        out.extend(f"  - <{u}>" for u in a.sources[what])
    for p in a.platform_alternatives:
        out.append(f"- {p.name}")
        out.extend(f"  - <{u}>" for u in p.sources)
    return out


def _footer(a: Assessment, t: Texts) -> list[str]:
    return [
        "---",
        "",
        t("footer_limits"),
        "",
        t("footer_provenance", catalog=a.catalog_version, source=a.source),
    ]
