"""Inline SVG charts for the HTML report: memory bars per build, speed and first-token bars.

Each chart draws figures the engine computed (``Build.memory``, ``Build.decode_tps``,
``Build.ttft_ms``) to scale; nothing is estimated here. Coordinates are rounded to one decimal so
the output is byte-identical for the same assessment.
"""

from __future__ import annotations

from html import escape

from feasibility.report._rows import Texts, mb
from feasibility.verdict import Assessment, Build, Recommendation

WIDTH = 920
LABEL = 330
"""Width of the row labels left of the bars."""
BAR_W = WIDTH - LABEL - 150
ROW = 26
PARTS = (
    ("weights_mb", "#3b6ea8", "q_weights"),
    ("kv_cache_mb", "#6aa84f", "col_kv"),
    ("compute_mb", "#e69138", "q_compute"),
    ("overhead_mb", "#a64d79", "q_overhead"),
)


def _f(x: float) -> str:
    return f"{x:.1f}"


def _builds(a: Assessment) -> list[tuple[Recommendation, Build]]:
    return [(r, b) for r in a.recommendations for b in r.builds]


def _name(r: Recommendation, b: Build) -> str:
    return f"{r.model} · {b.quantization} · {b.runtime}"


def _text(x: float, y: float, s: str, anchor: str = "start", cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return f'<text x="{_f(x)}" y="{_f(y)}" text-anchor="{anchor}"{c}>{escape(s)}</text>'


def _legend(t: Texts, y: float) -> list[str]:
    out = []
    x = float(LABEL)
    for _, colour, key in PARTS:
        out.append(f'<rect x="{_f(x)}" y="{_f(y - 9)}" width="10" height="10" fill="{colour}"/>')
        out.append(_text(x + 14, y, t(key, ctx="")))
        x += 130
    out.append(
        f'<line x1="{_f(x)}" y1="{_f(y - 10)}" x2="{_f(x)}" y2="{_f(y + 2)}" class="budget"/>'
    )
    out.append(_text(x + 6, y, t("chart_budget")))
    return out


def memory_chart(a: Assessment, t: Texts) -> str:
    """One stacked bar per build (weights, KV cache, buffers, runtime) with its budget line."""
    rows = _builds(a)
    if not rows:
        return ""
    top = max(max(b.memory.total_mb, b.memory.budget_mb) for _, b in rows)
    scale = BAR_W / top
    height = 40 + ROW * len(rows) + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-label="{escape(t("chart_memory"))}">',
        f"<title>{escape(t('chart_memory'))}</title>",
        *_legend(t, 16),
    ]
    for i, (r, b) in enumerate(rows):
        y = 32 + i * ROW
        out.append(_text(LABEL - 8, y + 14, _name(r, b), "end"))
        x = float(LABEL)
        for field, colour, key in PARTS:
            w = getattr(b.memory, field) * scale
            out.append(
                f'<rect x="{_f(x)}" y="{y}" width="{_f(w)}" height="18" fill="{colour}">'
                f"<title>{escape(t(key, ctx=''))}: {mb(getattr(b.memory, field))}</title></rect>"
            )
            x += w
        bx = LABEL + b.memory.budget_mb * scale
        out.append(f'<line x1="{_f(bx)}" y1="{y - 3}" x2="{_f(bx)}" y2="{y + 21}" class="budget"/>')
        label = f"{mb(b.memory.total_mb)} / {mb(b.memory.budget_mb)}"
        out.append(_text(max(x, bx) + 6, y + 14, label))
    out.append("</svg>")
    return "\n".join(out)


def speed_chart(a: Assessment, t: Texts) -> str:
    """Decode tokens/s and first-token time per build (slowest target), or why not estimated."""
    rows = _builds(a)
    if not rows:
        return ""
    speeds = [b.decode_tps for _, b in rows if b.decode_tps is not None]
    ttfts = [b.ttft_ms for _, b in rows if b.ttft_ms is not None]
    half = (BAR_W + 100) / 2
    s_scale = half * 0.8 / max(speeds) if speeds else 0.0
    t_scale = half * 0.8 / max(ttfts) if ttfts else 0.0
    height = 40 + ROW * len(rows) + 10
    x2 = LABEL + half + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-label="{escape(t("chart_speed"))}">',
        f"<title>{escape(t('chart_speed'))}</title>",
        _text(LABEL, 16, t("col_decode_slowest"), cls="head"),
        _text(x2, 16, t("col_ttft"), cls="head"),
    ]
    for i, (r, b) in enumerate(rows):
        y = 32 + i * ROW
        out.append(_text(LABEL - 8, y + 14, _name(r, b), "end"))
        out.append(_bar(LABEL, y, b.decode_tps, s_scale, "#3b6ea8", "{:.1f}", t))
        ms = None if b.ttft_ms is None else b.ttft_ms / 1000
        out.append(_bar(x2, y, ms, t_scale * 1000, "#e69138", "{:.1f} s", t))
    out.append("</svg>")
    return "\n".join(out)


def _bar(x: float, y: int, v: float | None, scale: float, colour: str, fmt: str, t: Texts) -> str:
    if v is None:
        return _text(x, y + 14, t("chart_not_estimated"), cls="na")
    w = v * scale
    return f'<rect x="{_f(x)}" y="{y}" width="{_f(w)}" height="18" fill="{colour}"/>' + _text(
        x + w + 6, y + 14, fmt.format(v)
    )
