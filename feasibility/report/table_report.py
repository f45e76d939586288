"""Table: a terminal summary (tabulate) of the recommendations, per-target plans and rejections.

Cells are pre-formatted strings and tabulate runs with ``disable_numparse=True`` so that "1.10"
never becomes "1.1". All wording (headers, labels, rejection reasons) comes from the same text
modules as the markdown report; rejection reasons are built from the structured evidence.
"""

from __future__ import annotations

import tabulate as _tabulate_module
from tabulate import tabulate

from feasibility.report._phrases import decode, ttft
from feasibility.report._rows import Texts, texts_for
from feasibility.report._wording import fix_paragraph, rejection_sentence
from feasibility.report.md_figures import missing
from feasibility.verdict import Assessment, Recommendation

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
    verdict = t("tbl_feasible") if a.feasible else t("tbl_not_feasible")
    out = [t("tbl_verdict", source=a.source, verdict=verdict, n=len(a.feasible_models))]
    if len(a.recommendations) < 2:
        out.append(_plain(fix_paragraph(t, a)))
    out.append("")
    out.append(_picks(a, t))
    for r in a.recommendations:
        out.extend(["", t("tbl_per_target", rank=r.rank, model=r.model), _per_target(t, r)])
    if a.why_not:
        out.extend(["", t("tbl_why_not"), _why_not(a, t)])
    return "\n".join(out) + "\n"


def _table(t: Texts, rows: list[list[str]], headers: tuple[str, ...]) -> str:
    return tabulate(rows, headers=[t(h) for h in headers], disable_numparse=True)


def _picks(a: Assessment, t: Texts) -> str:
    rows = [
        [
            str(r.rank),
            r.model,
            r.params_label,
            r.license,
            r.quantization,
            r.runtime,
            f"{r.memory.total_mb:,}/{r.memory.budget_mb:,} MB",
            decode(t, r.decode_tps, missing(t, list(r.targets), "decode")),
            f"{r.score:.3f}",
        ]
        for r in a.recommendations
    ]
    heads = (
        "tbl_rank",
        "tbl_model",
        "tbl_params",
        "tbl_license",
        "tbl_quant",
        "tbl_runtime",
        "tbl_memory",
    )
    return _table(t, rows, (*heads, "tbl_tps", "tbl_score"))


def _per_target(t: Texts, r: Recommendation) -> str:
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
            *([f"{p.memory.encoders_mb or 0:,}"] if p.encoders else []),
            f"{p.memory.total_mb:,}/{p.memory.budget_mb:,}",
            decode(t, p.decode_tps, missing(t, [p], "decode")),
            ttft(t, p.ttft_ms, missing(t, [p], "prefill")),
        ]
        for p in r.targets
    ]
    heads = ("tbl_target", "tbl_os", "tbl_quant", "tbl_runtime", "tbl_backend", "tbl_weights")
    enc = ("q_encoders",) if any(p.encoders for p in r.targets) else ()
    tail = ("tbl_total", "tbl_decode", "tbl_ttft")
    return _table(t, rows, (*heads, "tbl_kv", "tbl_buffers", *enc, *tail))


def _why_not(a: Assessment, t: Texts) -> str:
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
    heads = ("tbl_model", "tbl_quant", "tbl_runtime", "tbl_target", "tbl_rule", "tbl_reason")
    return _table(t, rows, heads)
