"""Short phrases every markdown and HTML section uses: ids, language and task lists, targets.

They only look words up and join them; the values come from the assessment.
"""

from __future__ import annotations

from feasibility.report._rows import Texts, mb, tps, unique
from feasibility.verdict import Assessment, Build, Recommendation, TargetPlan


def code_id(x: str) -> str:
    """Inline code: the report puts catalog ids there and nothing else."""
    return f"`{x}`"


def service(a: Assessment, t: Texts) -> str:
    return a.service_description or t("ph_service")


def langs(t: Texts, codes: tuple[str, ...] | list[str]) -> str:
    return t.words(t.language, codes) if codes else t("none")


def tasks(t: Texts, items: tuple[str, ...] | list[str]) -> str:
    return t.words(t.task, items) if items else t("none")


def target_names(a: Assessment, t: Texts) -> str:
    return t("list_sep").join(t("target_ref", name=x.name, id=code_id(x.id)) for x in a.targets)


def budget_phrase(a: Assessment, t: Texts) -> str:
    budgets = unique(mb(x.budget_mb) for x in a.targets)
    if len(budgets) == 1:
        return t("budget_one", budget=budgets[0])
    return t("budget_many")


def oses(t: Texts, os_ids: tuple[str, ...] | list[str]) -> str:
    return t("list_sep").join(unique(t.os.get(o, o) for o in os_ids))


def rec_oses(t: Texts, r: Recommendation) -> str:
    return oses(t, [p.os for p in r.targets])


def plan_of(r: Recommendation, target: str) -> TargetPlan | None:
    return next((p for p in r.targets if p.target == target), None)


def build_plans(r: Recommendation, b: Build) -> list[TargetPlan]:
    """The plans of ``b``'s targets, in the build's target order."""
    return [p for x in b.targets if (p := plan_of(r, x)) is not None]


def quant_label(t: Texts, name: str, fmt: str) -> str:
    """A quantization's catalog name with its file format; the name's parenthesised detail
    ("AWQ int4 (group 128)") is worded in ``t``'s language and joined with the format."""
    base, sep, rest = name.partition(" (")
    if not sep or not rest.endswith(")"):
        return t("quant_label", name=name, format=fmt)
    detail = rest[:-1]
    return t("quant_label_detail", name=base, detail=t.quant_detail.get(detail, detail), format=fmt)


def artifact(t: Texts, r: Recommendation, b: Build) -> str:
    """Where ``b``'s model file comes from: the published build it downloads (with its link), or
    the runtime's own tooling converting the model's weights (the artifact rule's evidence)."""
    plans = build_plans(r, b)
    ev = next((x.evidence for p in plans[:1] for x in p.rules if x.rule == "artifact"), {})
    url = str(ev.get("source", ""))
    if ev.get("status") == "published":
        repo = str(ev.get("repo", ""))
        if repo:
            return t("artifact_published", repo=repo, url=url)
        return t("artifact_published_bundle", url=url)
    return t("artifact_convertible", repo=r.hf_repo, runtime=code_id(b.runtime), url=url)


def license_conditions(t: Texts, r: Recommendation) -> str:
    """The license's conditions in ``t``'s language ("" when the catalog states none)."""
    if not r.license_conditions:
        return ""
    if not t.license_conditions:
        return r.license_conditions
    return t.license_conditions.get(r.license, t("license_conditions_other"))


def ttft(t: Texts, ms: float | None, why_missing: str) -> str:
    """A time to first token in seconds, or why it is not estimated."""
    if ms is None:
        return why_missing
    return t("ttft_s", s=f"{ms / 1000:.1f}")


def decode(t: Texts, v: float | None, why_missing: str) -> str:
    return why_missing if v is None else tps(v, "")
