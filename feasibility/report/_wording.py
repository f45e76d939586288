"""Sentences built from the engine's structured fields, in any report language.

Rule verdicts and rejections carry ``evidence`` (the deciding values), recommendations carry
``risk_items``, targets carry ``budget_rule`` and ``gap_codes``, and the assessment carries
``sensitivities``. This module picks a template for each by those fields (never by reading the
engine's English sentences) and fills it with the formatted values. The templates live in the
per-language text modules. Nothing here decides: which rule failed, which risk applies and which
budget would admit a model all come from the engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from feasibility.report._rows import Texts, mb, num, params, pct, target_by_id
from feasibility.schema import OS_LABELS
from feasibility.units import rate
from feasibility.verdict import (
    Assessment,
    Recommendation,
    Rejection,
    ResolvedTarget,
    Risk,
    Sensitivity,
)


def code(x: str) -> str:
    """Inline code: the report puts catalog ids there and nothing else."""
    return f"`{x}`"


class _Values(dict[str, str]):
    """Template values; a value the evidence lacks prints as n/a instead of raising."""

    def __init__(self, values: Mapping[str, str], na: str) -> None:
        super().__init__(values)
        self.na = na

    def __missing__(self, key: str) -> str:
        return self.na


def _fill(t: Texts, template: str, values: Mapping[str, str]) -> str:
    return template.format_map(_Values(values, t("na")))


def langs(t: Texts, codes: Any) -> str:
    items = [str(c) for c in codes] if isinstance(codes, (list, tuple)) else []
    return t.words(t.language, items) if items else t("none")


def tasks(t: Texts, items: Any) -> str:
    names = [str(c) for c in items] if isinstance(items, (list, tuple)) else []
    return t.words(t.task, names) if names else t("none")


def markets(t: Texts, names: Any) -> str:
    """Where a device variant is sold, in ``t``'s language (the catalog's words by default)."""
    return t("list_sep").join(t.market.get(str(m), str(m)) for m in names)


def chips(t: Texts, variants: Any) -> str:
    """A device's regional variants and where each is sold."""
    return t("chip_sep").join(
        t("chip_markets", name=str(v.get("soc") or v["name"]), markets=markets(t, v["markets"]))
        for v in variants
    )


def _os(t: Texts, os_id: Any) -> str:
    return t.os.get(str(os_id), str(os_id))


# -- rule verdicts and rejections -----------------------------------------------------------------


_ARTIFACT_FAILS = {"ram-guidance": "fail-ram", "build-context": "fail-context"}
"""The artifact rule's failure kinds and the reason text each one reads."""


def _variant(rule: str, outcome: str, ev: Mapping[str, Any]) -> str:
    """Which template of ``rule`` applies, from the outcome and the evidence's keys and values."""
    if rule == "license":
        return f"pass-{ev.get('commercial', 'yes')}" if outcome == "pass" else "fail"
    if rule == "languages":
        if "claim" in ev:
            return "claim"
        return "fail" if "listed" in ev else "pass"
    if rule == "os-support":
        if outcome == "fail":
            return "fail-version" if "have" in ev else "fail-os"
        if outcome == "pass" and "min_version" in ev:
            return "pass-version"
        return outcome
    if rule == "accelerator":
        if outcome == "pass":
            return "pass-npu" if ev.get("npu") else "pass"
        problem = str(ev.get("problem", ""))
        if problem == "npu-required" and not ev.get("npu"):
            return "fail-npu-required-none"
        if problem == "npu-required" and ev.get("cause"):
            return f"fail-npu-required-{ev['cause']}"
        return f"fail-{problem}" if problem else "fail"
    if rule == "memory-fit" and outcome != "pass":
        if ev.get("lower_bound"):
            return "fail-floor"
        return "fail-detail" if "weights_mb" in ev else "fail"
    if rule == "decode-speed":
        if ev.get("problem") == "no-speed-model":
            return "unknown-model"
        if "problem" in ev:
            return "unknown-min" if "minimum" in ev else "unknown"
        if outcome == "pass":
            return "pass-min" if "minimum" in ev else "pass"
        return "fail"
    if rule == "task-fit":
        return "unknown" if "missing" in ev else "pass"
    if rule == "bits-floor" and outcome == "pass":
        return "pass" if "floor" in ev else "pass-none"
    if rule == "artifact":
        if outcome == "pass":
            return f"pass-{ev.get('status', 'convertible')}"
        return _ARTIFACT_FAILS.get(str(ev.get("problem", "")), "fail")
    if rule == "inputs" and outcome == "fail":
        if "encoder_os" in ev:
            return "fail-os"
        if "runners" in ev:
            return "fail-runtime" if ev["runners"] else "fail-nowhere"
        return "fail"
    return outcome


def _evidence_values(t: Texts, rule: str, ev: Mapping[str, Any]) -> dict[str, str]:
    v: dict[str, str] = {}
    if rule == "param-cap":
        for k in ("params", "cap"):
            if k in ev:
                v[k] = params(int(ev[k]))
    elif rule == "license":
        if "license" in ev:
            v["license"] = code(str(ev["license"]))
        if "commercial" in ev:
            v["commercial"] = t.commercial.get(str(ev["commercial"]), str(ev["commercial"]))
    elif rule == "languages":
        for k in ("languages", "missing", "listed"):
            if k in ev:
                v[k] = langs(t, ev[k])
        if "listed" in ev:
            v["n_listed"] = num(len(ev["listed"]))
            v["languages_word"] = t("language_one" if len(ev["listed"]) == 1 else "language_many")
        if "claim" in ev:
            v["claim"] = t.claim.get(str(ev["claim"]), str(ev["claim"]))
    elif rule == "context-window":
        for k in ("need", "have"):
            if k in ev:
                v[k] = num(int(ev[k]))
    elif rule == "artifact":
        v["runtime"] = code(str(ev.get("runtime", "")))
        if "quantization" in ev:
            v["quantization"] = code(str(ev["quantization"]))
        for k in ("need", "have"):
            if k in ev:
                v[k] = num(int(ev[k]))
        v["repo"] = str(ev.get("repo", ""))
        why = str(ev.get("why", ""))
        v["why"] = t.artifact_why.get(why, t.artifact_why["default"]) if t.artifact_why else why
        for k in ("need_gb", "have_gb"):
            if k in ev:
                v[k] = f"{float(ev[k]):g} GB"
    elif rule in ("os-support", "architecture-support", "accelerator"):
        for k in ("runtime", "quantization"):
            if k in ev:
                v[k] = code(str(ev[k]))
        if "os" in ev:
            v["os"] = _os(t, ev["os"])
        if "markets" in ev:
            v["markets"] = markets(t, ev["markets"])
        for k in ("min_version", "have", "architecture", "npu", "vendor", "variant_name"):
            if k in ev:
                v[k] = str(ev[k])
        if "backend" in ev:
            v["backend"] = t.backend.get(str(ev["backend"]), str(ev["backend"]))
        if "backends" in ev:
            v["backends"] = "/".join(t.backend.get(str(b), str(b)) for b in ev["backends"])
    elif rule == "memory-fit":
        for k, name in (
            ("need_mb", "need"),
            ("budget_mb", "budget"),
            ("weights_mb", "weights"),
            ("kv_cache_mb", "kv_cache"),
        ):
            if k in ev:
                v[name] = mb(int(ev[k]))
    elif rule == "decode-speed":
        minimum = float(ev["minimum"]) if "minimum" in ev else None
        if "tps" in ev:
            v["tps"] = f"{rate(float(ev['tps']), minimum):.1f}"
        if minimum is not None:
            v["minimum"] = f"{minimum:g}"
        if "backend" in ev:
            v["backend"] = t.backend.get(str(ev["backend"]), str(ev["backend"]))
    elif rule == "bits-floor":
        if "quantization" in ev:
            v["quantization"] = code(str(ev["quantization"]))
        for k in ("bpw", "floor"):
            if k in ev:
                v[k] = f"{float(ev[k]):g}"
    elif rule == "task-fit":
        for k in ("tasks", "missing"):
            if k in ev:
                v[k] = tasks(t, ev[k])
    elif rule == "inputs":
        for k in ("inputs", "missing", "reads"):
            if k in ev:
                v[k] = t("list_sep").join(t.t.get(f"modality_{m}", str(m)) for m in ev[k])
        v["encoders"] = t("list_sep").join(str(e) for e in ev.get("encoders", ()))
        v["runtime"] = code(str(ev.get("runtime", "")))
        v["runners"] = t("list_sep").join(code(str(r)) for r in ev.get("runners", ()))
        v["os"] = OS_LABELS.get(str(ev.get("os", "")), str(ev.get("os", "")))
        v["encoder_os"] = t("list_sep").join(OS_LABELS.get(o, o) for o in ev.get("encoder_os", ()))
    return v


def verdict_sentence(
    t: Texts, rule: str, outcome: str, evidence: Mapping[str, Any], reason: str
) -> str:
    """One rule's answer as a sentence of ``t``'s language, from its evidence.

    Without evidence (or without a template for it) the language's ``default`` template is used;
    English's default is the engine's own sentence (``reason``).
    """
    template = t.rule_detail["default"]
    if evidence:
        variant = _variant(rule, outcome, evidence)
        template = (
            t.rule_detail.get(f"{rule}:{variant}")
            or t.rule_detail.get(f"{rule}:{outcome}")
            or template
        )
    values = _evidence_values(t, rule, evidence) if evidence else {}
    values["rule"] = t.rule.get(rule, rule)
    values["reason"] = reason
    return _fill(t, template, values)


def rejection_sentence(t: Texts, r: Rejection) -> str:
    """A rejection's reason (a fail, or a blocking unknown for a language only claimed)."""
    outcome = r.outcome
    sentence = verdict_sentence(t, r.rule, outcome, r.evidence, r.reason)
    b = r.below_floor
    if b is None:
        return sentence
    floor = t(
        "below_floor",
        floor=f"{b.floor:g}",
        quant=code(b.quantization),
        runtime=code(b.runtime),
        bpw=f"{b.bpw:g}",
        need=mb(b.total_mb),
        budget=mb(b.budget_mb),
    )
    return f"{sentence} {floor}"


# -- risks, gaps, budget basis --------------------------------------------------------------------


def _target_name(a: Assessment, target_id: str | None) -> str:
    if target_id is None:
        return ""
    target = target_by_id(a, target_id)
    return target.name if target else target_id


def risk_sentence(
    t: Texts,
    a: Assessment,
    rec: Recommendation,
    risk: Risk,
    templates: Mapping[str, str] | None = None,
) -> str:
    """``risk`` worded by ``templates`` (the language's full sentences unless given)."""
    table = t.risk if templates is None else templates
    v = risk.values
    values: dict[str, str] = {"target": _target_name(a, risk.target), "license": code(rec.license)}
    if "headroom_mb" in v:
        values["headroom"] = mb(int(v["headroom_mb"]))
    if "headroom_pct" in v:
        values["pct"] = pct(float(v["headroom_pct"]))
    if "conditions" in v:
        values["conditions"] = (
            t.license_conditions.get(rec.license, t("license_conditions_other"))
            if t.license_conditions
            else str(v["conditions"])
        )
    if "claim" in v:
        values["claim"] = t.claim.get(str(v["claim"]), str(v["claim"]))
    if "languages" in v:
        values["languages"] = langs(t, v["languages"])
    if "decode_tps" in v:
        values["tps"] = f"{float(v['decode_tps']):.1f}"
    if "seconds" in v:
        values["seconds"] = f"{float(v['seconds']):,.1f}"
    if "prompt_tokens" in v:
        values["prompt_tokens"] = num(int(v["prompt_tokens"]))
    if "targets" in v:
        values["targets"] = t("list_sep").join(_target_name(a, str(x)) for x in v["targets"])
    if "tasks" in v:
        values["tasks"] = tasks(t, v["tasks"])
    if "quantization" in v:
        values["quantization"] = code(str(v["quantization"]))
    if "bpw" in v:
        values["bpw"] = f"{float(v['bpw']):g}"
    if "fidelity" in v:
        values["fidelity"] = f"{float(v['fidelity']):.0%}"
    for key in ("runtime", "api", "backend", "chips"):
        if key in v:
            values[key] = str(v[key])
    plan = next((p for p in rec.targets if p.target == risk.target), None)
    if "runtime" in v and plan is not None:
        values["runtime"] = code(plan.runtime)
    if v.get("variants"):
        values["chips"] = chips(t, v["variants"])
    template = table.get(risk.kind + ("-media" if v.get("media") else ""), None) or table.get(
        risk.kind, table["default"]
    )
    if risk.kind == "slow-first-token" and v.get("stated"):
        template = table.get(risk.kind + ("-media" if v.get("media") else "") + "-stated", template)
    if "limit_s" in v:
        values["limit"] = f"{float(v['limit_s']):g}"
    if risk.kind == "speed-unmeasured" and v.get("capped") is False:
        template = table.get("speed-unmeasured-uncapped", template)
    if risk.kind == "license-conditions" and not v.get("conditions"):
        template = table.get("license-conditions-unstated", template)
    return _fill(t, template, values)


def gap_sentence(t: Texts, gap_code: str) -> str:
    return t.gap.get(gap_code, t.gap["default"])


def basis_phrase(t: Texts, target: ResolvedTarget) -> str:
    """Why a target's budget is what it is, from its budget rule and RAM share."""
    template = t.basis.get(target.budget_rule, t.basis["default"])
    frac = target.budget_fraction
    return _fill(
        t,
        template,
        {
            "ram": f"{target.ram_gb:g}",
            "share": "" if frac is None else f"{frac:.0%}",
            "basis": target.budget_basis,
        },
    )


# -- sensitivities and what to change -------------------------------------------------------------


def _miss(a: Assessment, model: str, rule: str) -> Mapping[str, Any]:
    """Evidence of the rule that kept ``model`` out (its closest miss, or any rejection)."""
    for r in (*a.why_not, *a.rejected):
        if r.model == model and r.rule == rule and r.evidence:
            return r.evidence
    return {}


_SENSITIVITY_RULE = {
    "language": "languages",
    "license": "license",
    "context": "context-window",
    "speed": "decode-speed",
}


def sensitivity_sentence(t: Texts, a: Assessment, s: Sensitivity) -> str:
    values = {"model": code(s.model), "langs": langs(t, a.languages), "ctx": num(a.context_tokens)}
    key: str = s.kind
    if s.kind == "budget" and s.value.isdigit():
        values["value"] = mb(int(s.value))
    else:
        values["value"] = s.value
    if s.kind == "budget" and s.still_fails == "decode-speed":
        minimum = float(s.still_evidence["minimum"])
        values["tps"] = f"{rate(float(s.still_evidence['tps']), minimum):.1f}"
        values["minimum"] = f"{minimum:g}"
        key = "budget-still-slow"
    rule = _SENSITIVITY_RULE.get(s.kind)
    ev = _miss(a, s.model, rule) if rule else {}
    if s.kind == "language" and ev.get("missing"):
        values["missing"] = langs(t, ev["missing"])
        key = "language-missing"
    elif s.kind == "license" and ev.get("license"):
        values["license"] = code(str(ev["license"]))
        key = "license-id"
    elif s.kind == "context" and "have" in ev:
        values["have"] = num(int(ev["have"]))
        key = "context-have"
    template = t.sensitivity.get(key) or t.sensitivity.get(s.kind) or t.sensitivity["default"]
    return _fill(t, template, values)


def budget_steps(a: Assessment) -> list[Sensitivity]:
    """The budget sensitivities, in the engine's order (smallest budget first)."""
    return [
        s
        for s in a.sensitivities
        if s.kind == "budget" and s.value.isdigit() and s.still_fails is None
    ]


def verdict_fix(t: Texts, a: Assessment) -> str:
    """One sentence for the verdict when fewer than two models fit: the smallest budget."""
    steps = budget_steps(a)
    if len(a.recommendations) >= 2 or not steps:
        return ""
    return t("verdict_fix_budget", budget=mb(int(steps[0].value)), model=code(steps[0].model))


def fix_paragraph(t: Texts, a: Assessment) -> str:
    """What input change would give two recommendations (shown when fewer than two fit)."""
    steps = budget_steps(a)
    one = len(a.recommendations) == 1
    if steps and one:
        return t("fix_budget_one", budget=mb(int(steps[0].value)), model=code(steps[0].model))
    if len(steps) >= 2:
        return t(
            "fix_budget_none_two",
            budget=mb(int(steps[0].value)),
            model=code(steps[0].model),
            budget2=mb(int(steps[1].value)),
            model2=code(steps[1].model),
        )
    if steps:
        return t("fix_budget_none_one", budget=mb(int(steps[0].value)), model=code(steps[0].model))
    if a.sensitivities:
        return t("fix_other")
    return t("fix_generic")


# -- estimate assumptions -------------------------------------------------------------------------


def assumption_sentence(t: Texts, code: str, text: str) -> str:
    """An estimate assumption in ``t``'s language, by its stable code (``TargetPlan.
    assumption_codes``); English prints the engine's sentence."""
    if not t.assumption:
        return text
    return t.assumption.get(code, t("assumption_other"))
