"""Markdown sections 3 and 9: the recommended models, and why the others were not picked."""

from __future__ import annotations

from feasibility.report._phrases import code_id, langs, license_conditions, tasks
from feasibility.report._rows import Texts, mb, md_table, num, params, tightest_plan, tps, unique
from feasibility.report._wording import rejection_sentence, risk_sentence, verdict_sentence
from feasibility.verdict import Assessment, Recommendation

WHY_NOT_ROWS = 8
ALSO_FITS_ROWS = 5


def recommended(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_recommended"), ""]
    if not a.recommendations:
        return [*out, t("recommended_none")]
    for r in a.recommendations:
        out.extend(_one(a, t, r))
        out.append("")
    return out[:-1]


def _one(a: Assessment, t: Texts, r: Recommendation) -> list[str]:
    out = [t("h_rec", rank=r.rank, model=code_id(r.model), params=r.params_label), ""]
    out.append(
        t(
            "rec_identity",
            developer=r.developer,
            family=r.family,
            repo=r.hf_repo,
            ctx=num(r.context_tokens),
        )
    )
    out.extend(["", t("rec_why"), ""])
    out.extend(_why(a, t, r))
    out.extend(["", *_license(t, r), "", *_rule_notes(t, r), "", t("rec_risks"), ""])
    risks = [risk_sentence(t, a, r, x) for x in r.risk_items]
    out.extend(f"- {x}" for x in risks)
    if not risks:
        out.append(t("risks_none"))
    return out


def _why(a: Assessment, t: Texts, r: Recommendation) -> list[str]:
    tight = tightest_plan(r)
    listed = [c for c in a.languages if c in r.languages]
    missing = [c for c in a.languages if c not in r.languages]
    out = [
        t(
            "why_fits" if len(r.targets) > 1 else "why_fits_one",
            n=num(len(r.targets)),
            total=mb(tight.memory.total_mb),
            budget=mb(tight.memory.budget_mb),
            target=tight.target_name,
        ),
        t("why_langs", listed=langs(t, listed))
        if not missing
        else t("why_langs_partial", listed=langs(t, listed), missing=langs(t, missing)),
    ]
    if r.matched_tasks:
        out.append(t("why_tasks", tasks=tasks(t, list(r.matched_tasks))))
    if r.strengths:
        out.append(t("why_strengths", tasks=tasks(t, list(r.strengths))))
    out.append(t("why_context", ctx=num(a.context_tokens), max_ctx=num(r.context_tokens)))
    if r.decode_tps is not None:
        out.append(t("why_speed", tps=tps(r.decode_tps, "")))
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
    return out


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
        return t("evidence_group_lang", language=langs(t, [what]))
    if kind == "task":
        return t("evidence_group_task", task=tasks(t, [what]))
    return t("evidence_group_" + kind)


def _versus(t: Texts, r: Recommendation) -> list[str]:
    """Why this pick ranked above the next ones, from the weighted score terms."""
    out = []
    for v in r.versus:
        if v.shortfalls:
            words = t("list_sep").join(t("term_" + s) for s in v.shortfalls)
            out.append(
                t(
                    "why_versus_tier",
                    model=code_id(v.model),
                    shortfalls=words,
                    margin=f"{v.margin:+.3f}",
                )
            )
            continue
        if v.diversity:
            out.append(t("why_versus_diversity", model=code_id(v.model), margin=f"{-v.margin:.3f}"))
            continue
        ahead = [(k, g) for k, g in v.gaps.items() if g > 0 and (k == "quality" or not v.tied)][:2]
        behind = [(k, g) for k, g in v.gaps.items() if g < 0][:1]
        words = t("list_sep").join(
            t("versus_gap", term=t("term_" + k), gap=f"{g:+.3f}") for k, g in ahead
        ) or t("versus_by_id")
        lag = (
            t("versus_gap", term=t("term_" + behind[0][0]), gap=f"{behind[0][1]:+.3f}")
            if behind
            else ""
        )
        key = ("why_versus_tied" if v.tied else "why_versus") + ("_behind" if behind else "")
        out.append(
            t(key, model=code_id(v.model), margin=f"{v.margin:.3f}", ahead=words, behind=lag)
        )
    return out


def _license(t: Texts, r: Recommendation) -> list[str]:
    out = [
        t(
            "rec_license",
            name=r.license_name,
            id=code_id(r.license),
            commercial=t.commercial.get(r.license_commercial, r.license_commercial),
            url=r.license_url,
        )
    ]
    conditions = license_conditions(t, r)
    if conditions and not r.license_notice_only:  # notice duties are listed once, in section 7
        out.extend(["", t("rec_license_conditions", conditions=conditions)])
    return out


def _rule_notes(t: Texts, r: Recommendation) -> list[str]:
    """The rules checked, and one line per rule answer that is not a pass (with its targets)."""
    rules = unique(rr.rule for p in r.targets for rr in p.rules)
    notes: dict[tuple[str, str, str], list[str]] = {}
    for p in r.targets:
        for rr in p.rules:
            if rr.outcome != "pass":
                text = verdict_sentence(t, rr.rule, rr.outcome, rr.evidence, rr.reason)
                notes.setdefault((rr.rule, rr.outcome, text), []).append(p.target_name)
    head = t(
        "rec_rules_all_pass" if not notes else "rec_rules_except",
        n=num(len(rules)),
        rules=t.words(t.rule, rules),
    )
    out = [head]
    for (rule, outcome, text), names in notes.items():
        every = len(names) > 1 and len(names) == len(r.targets)
        out.append(
            t(
                "rule_note",
                targets=t("all_targets") if every else t("list_sep").join(names),
                rule=t.rule.get(rule, rule),
                outcome=t.outcome.get(outcome, outcome),
                text=text,
            )
        )
    return out


def why_not(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_why_not"), ""]
    if not a.why_not:
        return [*out, t("why_not_none")]
    intro = "why_not_intro" if a.recommendations else "why_not_intro_closest"
    if a.why_not[0].below_floor is not None:
        intro += "_floor"
    out.append(t(intro, n=num(min(len(a.why_not), WHY_NOT_ROWS)), total=num(len(a.why_not))))
    out.append("")
    rows = []
    for r in a.why_not[:WHY_NOT_ROWS]:
        need = t("need_none") if r.total_mb is None else f"{mb(r.total_mb)} / {mb(r.budget_mb)}"
        rows.append(
            [
                code_id(r.model),
                params(r.params),
                code_id(r.quantization) if r.quantization else t("every_build"),
                code_id(r.runtime) if r.runtime else "",
                code_id(r.target),
                t.rule.get(r.rule, r.rule),
                need,
                rejection_sentence(t, r),
            ]
        )
    headers = ["col_model", "col_params", "col_quant", "col_runtime", "col_target", "col_rule"]
    out.extend(
        md_table(
            [t(h) for h in (*headers, "col_need", "col_reason")],
            rows,
            ["l", "r", "l", "l", "l", "l", "r", "l"],
        )
    )
    out.extend(_also_fits(a, t))
    return out


_ALSO_FITS_LINE = {
    "diversity": "also_fits_line_diversity",
    "first-token-late": "also_fits_line_tier",
    "first-token-unknown": "also_fits_line_tier",
    "backend-experimental": "also_fits_line_tier",
}
"""The line an also-fits model gets by what ranked it lower (a score term otherwise)."""


def _also_fits(a: Assessment, t: Texts) -> list[str]:
    if not a.also_fits:
        return []
    out = ["", t("also_fits_intro", n=num(len(a.also_fits))), ""]
    for x in a.also_fits[:ALSO_FITS_ROWS]:
        out.append(
            t(
                _ALSO_FITS_LINE.get(x.behind, "also_fits_line"),
                model=code_id(x.model),
                params=params(x.params),
                quant=code_id(x.quantization),
                runtime=code_id(x.runtime),
                score=f"{x.score:.3f}",
                behind=t("term_" + x.behind),
                other=code_id(x.compared_with),
            )
        )
    return out
