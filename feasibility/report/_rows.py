"""Shared helpers for the human-readable renderers: wording lookup, number formats, row picking.

Nothing here decides: helpers format numbers the engine computed, look words up in the
per-language text modules (``texts_*``, which merge ``reasons_*`` and ``security_*``) and pick rows
out of the assessment in its own order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from feasibility.units import fmt_params
from feasibility.verdict import Assessment, Recommendation, ResolvedTarget, TargetPlan


@dataclass(frozen=True)
class Texts:
    """All wording of one report language. ``t`` holds ``str.format`` templates by key."""

    lang: str
    t: dict[str, str]
    rule: dict[str, str]
    outcome: dict[str, str]
    language: dict[str, str]
    task: dict[str, str]
    os: dict[str, str]
    backend: dict[str, str]
    commercial: dict[str, str]
    format_concept: dict[str, str]
    runtime_concept: dict[str, str]
    placeholder: dict[str, str]
    sensitivity: dict[str, str]
    rule_detail: dict[str, str]
    """Rule verdict / rejection sentences by ``"rule:variant"`` (see ``_wording._variant``),
    filled from the verdict's evidence; ``"default"`` when a verdict has no evidence."""
    risk: dict[str, str]
    """Risk sentences by ``Risk.kind``, filled from ``Risk.values``."""
    gap: dict[str, str]
    """Device-fact gap sentences by ``ResolvedTarget.gap_codes`` entry."""
    basis: dict[str, str]
    """Budget basis phrases by ``ResolvedTarget.budget_rule``."""
    assumption: dict[str, str] = field(default_factory=dict)
    """Assumption code (``estimator.core.ASSUMPTIONS``) -> localized sentence (empty: print the
    engine's English sentence)."""
    risk_short: dict[str, str] = field(default_factory=dict)
    """A few plain words per ``Risk.kind`` for the executive one-liners."""
    step_title: dict[str, str] = field(default_factory=dict)
    """Pipeline step title templates of the catalog (English, with ``{placeholders}``) ->
    localized template (empty: print the catalog's title); see ``_steps``."""
    license_conditions: dict[str, str] = field(default_factory=dict)
    """License id -> localized summary of its conditions (empty: the catalog's English)."""
    claim: dict[str, str] = field(default_factory=dict)
    """A model card's language claim (catalog English) -> localized wording."""
    quant_detail: dict[str, str] = field(default_factory=dict)
    """The parenthesised detail of a quantization's catalog name ("group 128") -> localized."""
    market: dict[str, str] = field(default_factory=dict)
    """Where a device variant is sold (catalog English) -> localized wording."""
    artifact_why: dict[str, str] = field(default_factory=dict)
    """Why no build of a model can be made for a runtime (catalog English, ``artifacts.yaml``
    ``reason``) -> localized wording (empty: print the catalog's reason)."""

    def __call__(self, key: str, /, **kw: object) -> str:
        return self.t[key].format(**kw)

    def words(self, table: dict[str, str], keys: Iterable[str]) -> str:
        return self.t["list_sep"].join(table.get(k, k) for k in keys)


def texts_for(lang: str) -> Texts:
    if lang == "ko":
        from feasibility.report import texts_media_ko
        from feasibility.report.texts_ko import TEXTS as KO

        return _with_media(KO, texts_media_ko)
    if lang == "en":
        from feasibility.report import texts_media_en
        from feasibility.report.texts_en import TEXTS as EN

        return _with_media(EN, texts_media_en)
    raise KeyError(f"no such language: {lang!r}")


_MERGED: dict[str, Texts] = {}


def _with_media(base: Texts, media: Any) -> Texts:
    """A language's texts with the wording of images and audio added (kept in its own module)."""
    hit = _MERGED.get(base.lang)
    if hit is None:
        hit = _MERGED[base.lang] = replace(
            base,
            t={**base.t, **media.T, **{f"modality_{k}": v for k, v in media.MODALITY.items()}},
            rule={**base.rule, **media.RULE},
            rule_detail={**base.rule_detail, **media.RULE_DETAIL},
            assumption={**base.assumption, **media.ASSUMPTION},
        )
    return hit


def num(n: int | float) -> str:
    """Thousands separators, no locale: ``2431`` -> ``2,431``."""
    return f"{round(n):,}"


def mb(n: int) -> str:
    return f"{n:,} MB"


def tps(v: float | None, na: str) -> str:
    return na if v is None else f"{v:.1f}"


def pct(v: float) -> str:
    return f"{v:.1f}%"


def params(n: int) -> str:
    return fmt_params(n)


def cell(text: str) -> str:
    """A markdown table cell: no pipes or line breaks."""
    return text.replace("|", "\\|").replace("\n", " ")


def md_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], align: Sequence[str] | None = None
) -> list[str]:
    """A GitHub markdown table; ``align`` per column is "l" or "r"."""
    al = list(align) if align is not None else ["l"] * len(headers)
    out = [
        "| " + " | ".join(cell(h) for h in headers) + " |",
        "|" + "|".join("---:" if a == "r" else "---" for a in al) + "|",
    ]
    out.extend("| " + " | ".join(cell(c) for c in row) + " |" for row in rows)
    return out


def target_by_id(a: Assessment, target_id: str) -> ResolvedTarget | None:
    return next((t for t in a.targets if t.id == target_id), None)


def tightest_plan(rec: Recommendation) -> TargetPlan:
    """The plan on ``rec.tightest_target``, whose memory figures ``rec.memory`` shows."""
    return next((p for p in rec.targets if p.target == rec.tightest_target), rec.targets[0])


def plan_groups(rec: Recommendation) -> list[tuple[TargetPlan, list[TargetPlan]]]:
    """Plans sharing format, runtime, backend and pipeline, in the engine's target order."""
    groups: list[tuple[TargetPlan, list[TargetPlan]]] = []
    for p in rec.targets:
        for head, members in groups:
            if (head.quantization, head.runtime, head.backend, head.pipeline) == (
                p.quantization,
                p.runtime,
                p.backend,
                p.pipeline,
            ):
                members.append(p)
                break
        else:
            groups.append((p, [p]))
    return groups


def unique(items: Iterable[str]) -> list[str]:
    """First-appearance order without duplicates."""
    seen: set[str] = set()
    out: list[str] = []
    for i in items:
        if i not in seen:
            seen.add(i)
            out.append(i)
    return out


def accelerator(t: Texts, plan: TargetPlan, target: ResolvedTarget | None) -> str:
    name = t.backend.get(plan.backend, plan.backend)
    if plan.backend == "npu" and target is not None and target.npu:
        return f"{name} ({target.npu})"
    return name
