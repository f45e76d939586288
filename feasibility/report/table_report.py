"""Table: a terminal summary (tabulate) of the recommendations, per-target plans and rejections.

Cells are pre-formatted strings and tabulate runs with ``disable_numparse=True`` so that "1.10"
never becomes "1.1".
"""

from __future__ import annotations

from tabulate import tabulate

from feasibility.verdict import Assessment


def _tps(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.1f}"


def render(assessment: Assessment, lang: str = "en") -> str:
    a = assessment
    out = []
    verdict = "feasible" if a.feasible else "NOT feasible (fewer than two models fit)"
    out.append(f"{a.source}: {verdict}; {len(a.feasible_models)} model(s) fit every target")
    out.append("")
    rows = [
        [
            str(r.rank), r.model, r.params_label, r.quantization, r.runtime,
            f"{r.memory.total_mb:,}/{r.memory.budget_mb:,} MB", _tps(r.decode_tps),
            f"{r.score:.3f}",
        ]
        for r in a.recommendations
    ]
    out.append(tabulate(rows, headers=["#", "model", "params", "quant", "runtime",
                                       "memory (tightest)", "tok/s", "score"],
                        disable_numparse=True))
    for r in a.recommendations:
        out.append("")
        out.append(f"{r.rank}. {r.model} per target")
        rows = [
            [p.target, p.os, p.quantization, p.runtime, p.backend,
             f"{p.memory.weights_mb:,}", f"{p.memory.kv_cache_mb:,}",
             f"{p.memory.compute_mb + p.memory.overhead_mb:,}",
             f"{p.memory.total_mb:,}/{p.memory.budget_mb:,}", _tps(p.decode_tps),
             _tps(p.prefill_tps)]
            for p in r.targets
        ]
        out.append(tabulate(rows, headers=["target", "os", "quant", "runtime", "backend",
                                           "weights MB", "KV MB", "buffers MB", "total/budget MB",
                                           "decode tok/s", "prefill tok/s"],
                            disable_numparse=True))
    if a.why_not:
        out.append("")
        out.append("Why not the others (closest miss per model)")
        rows = [[w.model, w.quantization, w.runtime, w.rule, w.reason] for w in a.why_not[:15]]
        out.append(tabulate(rows, headers=["model", "quant", "runtime", "rule", "reason"],
                            disable_numparse=True))
    return "\n".join(out) + "\n"
