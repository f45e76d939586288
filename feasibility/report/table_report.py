"""Table: a terminal summary (tabulate) of the recommendations, per-target plans and rejections.

Cells are pre-formatted strings and tabulate runs with ``disable_numparse=True`` so that "1.10"
never becomes "1.1". All wording (headers, labels, rejection reasons) comes from the same text
modules as the markdown report; rejection reasons are built from the structured evidence.
"""

from __future__ import annotations

import tabulate as _tabulate_module
from tabulate import tabulate

from feasibility.report._rows import texts_for, tps
from feasibility.report._wording import fix_paragraph, rejection_sentence
from feasibility.verdict import Assessment

# Korean cells are two columns wide in a terminal. tabulate measures them with wcwidth only when
# that package is importable, which would make the bytes depend on what else is installed: it is a
# declared dependency, and wide-character mode is switched on explicitly.
_tabulate_module.WIDE_CHARS_MODE = True

WHY_NOT_ROWS = 15


def _plain(text: str) -> str:
    """Markdown emphasis and inline code markers have no place in a terminal table."""
    return text.replace("**", "").replace("`", "")


def render(assessment: Assessment, lang: str = "en") -> str:
    t = texts_for(lang)
    a = assessment
    na = t("na")
    out = []
    verdict = t("tbl_feasible") if a.feasible else t("tbl_not_feasible")
    out.append(t("tbl_verdict", source=a.source, verdict=verdict, n=len(a.feasible_models)))
    if len(a.recommendations) < 2:
        out.append(_plain(fix_paragraph(t, a)))
    out.append("")
    rows = [
        [
            str(r.rank),
            r.model,
            r.params_label,
            r.license,
            r.quantization,
            r.runtime,
            f"{r.memory.total_mb:,}/{r.memory.budget_mb:,} MB",
            tps(r.decode_tps, na),
            f"{r.score:.3f}",
        ]
        for r in a.recommendations
    ]
    out.append(
        tabulate(
            rows,
            headers=[
                t("tbl_rank"),
                t("tbl_model"),
                t("tbl_params"),
                t("tbl_license"),
                t("tbl_quant"),
                t("tbl_runtime"),
                t("tbl_memory"),
                t("tbl_tps"),
                t("tbl_score"),
            ],
            disable_numparse=True,
        )
    )
    for r in a.recommendations:
        out.append("")
        out.append(t("tbl_per_target", rank=r.rank, model=r.model))
        rows = [
            [
                p.target,
                t.os.get(p.os, p.os),
                p.quantization,
                p.runtime,
                t.backend.get(p.backend, p.backend),
                f"{p.memory.weights_mb:,}",
                f"{p.memory.kv_cache_mb:,}",
                f"{p.memory.compute_mb + p.memory.overhead_mb:,}",
                f"{p.memory.total_mb:,}/{p.memory.budget_mb:,}",
                tps(p.decode_tps, na),
                tps(p.prefill_tps, na),
            ]
            for p in r.targets
        ]
        out.append(
            tabulate(
                rows,
                headers=[
                    t("tbl_target"),
                    t("tbl_os"),
                    t("tbl_quant"),
                    t("tbl_runtime"),
                    t("tbl_backend"),
                    t("tbl_weights"),
                    t("tbl_kv"),
                    t("tbl_buffers"),
                    t("tbl_total"),
                    t("tbl_decode"),
                    t("tbl_prefill"),
                ],
                disable_numparse=True,
            )
        )
    if a.why_not:
        out.append("")
        out.append(t("tbl_why_not"))
        rows = [
            [
                w.model,
                w.quantization,
                w.runtime,
                w.target,
                t.rule.get(w.rule, w.rule),
                _plain(rejection_sentence(t, w)),
            ]
            for w in a.why_not[:WHY_NOT_ROWS]
        ]
        out.append(
            tabulate(
                rows,
                headers=[
                    t("tbl_model"),
                    t("tbl_quant"),
                    t("tbl_runtime"),
                    t("tbl_target"),
                    t("tbl_rule"),
                    t("tbl_reason"),
                ],
                disable_numparse=True,
            )
        )
    return "\n".join(out) + "\n"
