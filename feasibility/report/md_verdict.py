"""Markdown sections 1 and 2: the verdict and the executive one-screen summary.

Executives read section 2 only: the decision, one plain line per model (what it is good at, where
it runs, its main risk) and the next step, in at most twelve lines. Numbers stay in the tables of
sections 3 and 4.
"""

from __future__ import annotations

from feasibility.report._phrases import (
    budget_phrase,
    code_id,
    langs,
    rec_oses,
    service,
    target_names,
    tasks,
)
from feasibility.report._rows import Texts, mb, num, tps
from feasibility.report._wording import risk_sentence, verdict_fix
from feasibility.verdict import Assessment, Recommendation


def title(a: Assessment, t: Texts) -> list[str]:
    out = [t("title", service=service(a, t)), "", t("h_verdict"), ""]
    ask = t(
        "verdict_ask",
        service=service(a, t),
        targets=target_names(a, t),
        tasks=tasks(t, a.tasks),
        langs=langs(t, a.languages),
        ctx=num(a.context_tokens),
        out=num(a.output_tokens),
        budget=budget_phrase(a, t),
    )
    fit = t(
        "verdict_fit_one" if len(a.feasible_models) == 1 else "verdict_fit",
        n=num(len(a.feasible_models)),
        combos=num(a.candidates_evaluated),
    )
    out.append(
        " ".join(x for x in (ask, fit, _pick(a, t), verdict_fix(t, a), _rejected(a, t)) if x)
    )
    out.append("")
    out.append(t("source_line", source=a.source, catalog=a.catalog_version))
    return out


def _pick(a: Assessment, t: Texts) -> str:
    recs = a.recommendations
    if len(recs) >= 2:
        return t(
            "verdict_two" if recs[0].decode_tps is not None else "verdict_two_nospeed",
            first=code_id(recs[0].model),
            second=code_id(recs[1].model),
            total=mb(recs[0].memory.total_mb),
            budget=mb(recs[0].memory.budget_mb),
            tps=tps(recs[0].decode_tps, ""),
        )
    if len(recs) == 1:
        return t("verdict_one", first=code_id(recs[0].model))
    return t("verdict_none")


def _rejected(a: Assessment, t: Texts) -> str:
    counts = sorted(a.rejection_counts.items())
    if not counts:
        return ""
    return t(
        "verdict_rejected",
        n=num(sum(v for _, v in counts)),
        counts=t("list_sep").join(
            t("count_rule", rule=t.rule.get(k, k), n=num(v)) for k, v in counts
        ),
    )


def summary(a: Assessment, t: Texts) -> list[str]:
    """The executive screen: decision, one line per model, next step."""
    out = [t("h_summary"), ""]
    recs = a.recommendations
    if not recs:
        return [*out, t("exec_decision_none"), "", t("exec_next_none")]
    key = "exec_decision_one"
    if len(recs) >= 2:
        key = "exec_decision_two" if len(a.targets) > 1 else "exec_decision_two_one_target"
    out.append(
        t(
            key,
            first=code_id(recs[0].model),
            second=code_id(recs[-1].model),
            n=num(len(a.targets)),
        )
    )
    out.append("")
    out.extend(_model_line(a, t, r) for r in recs)
    out.append("")
    out.append(t("exec_next_two" if len(recs) >= 2 else "exec_next_one"))
    return out


def _model_line(a: Assessment, t: Texts, r: Recommendation) -> str:
    good = [x for x in r.strengths if x in a.tasks] or list(r.matched_tasks) or list(r.strengths)
    where = (
        t("exec_where_all", n=num(len(r.targets)), oses=rec_oses(t, r))
        if len(a.targets) > 1
        else t("exec_where_one", oses=rec_oses(t, r))
    )
    if r.risk_items:
        main_risk = risk_sentence(t, a, r, r.risk_items[0], t.risk_short)
    elif r.license_conditions and not r.license_notice_only:
        main_risk = t("exec_risk_licence", license=code_id(r.license))
    else:
        main_risk = t("exec_risk_none")
    return t(
        "exec_model",
        rank=r.rank,
        model=code_id(r.model),
        developer=r.developer,
        params=r.params_label,
        good=tasks(t, good[:3]),
        where=where,
        risk=main_risk,
    )
