"""HTML: the markdown report as one self-contained page, with inline SVG charts.

The page reuses every markdown section's wording (``markdown_report.SECTIONS``, converted by
``_html``) and adds two charts to section 4: a memory bar per build (weights, KV cache, buffers,
runtime overhead, with the budget line) and decode speed and first-token time per build. It loads
no script, font or image from anywhere, so it can be mailed or attached to a review ticket, and
its CSS prints on paper. Mermaid diagrams, which need a script, become a list of builds instead.
"""

from __future__ import annotations

from html import escape

from feasibility.report import md_figures
from feasibility.report._html import to_html
from feasibility.report._phrases import oses, service
from feasibility.report._rows import Texts, texts_for
from feasibility.report._svg import memory_chart, speed_chart
from feasibility.report.markdown_report import SECTIONS
from feasibility.verdict import Assessment, Recommendation

CSS = """
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Apple SD Gothic Neo", "Malgun Gothic",
  "Noto Sans KR", "NanumGothic", sans-serif;
  max-width: 1000px; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
code { font: 13px ui-monospace, "SF Mono", Menlo, Consolas, monospace; background: #f2f2f2;
  padding: 0 .2rem; border-radius: 3px; }
pre { background: #f6f8fa; padding: .8rem; overflow-x: auto; border-radius: 4px; }
pre code { background: none; padding: 0; }
.table { overflow-x: auto; }
table { border-collapse: collapse; margin: .6rem 0; font-size: 13px; }
th, td { border: 1px solid #d0d7de; padding: .25rem .5rem; vertical-align: top; }
th { background: #f6f8fa; } td.num, th.num { text-align: right; }
figure { margin: 1rem 0; } figcaption { font-size: 13px; color: #555; }
svg.chart { max-width: 100%; height: auto; font: 11px system-ui, sans-serif; }
svg .budget { stroke: #c00; stroke-width: 2; stroke-dasharray: 4 2; }
svg .head { font-weight: 600; } svg .na { fill: #777; font-style: italic; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  pre { white-space: pre-wrap; word-break: break-all; }
  h2, h3, h4 { break-after: avoid; } table, figure, pre { break-inside: avoid; }
  .table { overflow: visible; }
}
"""


def render(assessment: Assessment, lang: str = "en") -> str:
    t = texts_for(lang)
    body: list[str] = []
    for section in SECTIONS:
        lines = _without_mermaid(section(assessment, t))
        html = to_html(lines)
        if section is md_figures.memory and assessment.recommendations:
            head, intro, rest = html.split("\n", 2)
            html = "\n".join((head, intro, _charts(assessment, t), rest))
        body.append(html)
        if section.__name__ == "architecture":
            body.append(_build_lists(assessment, t))
    title = escape(t("html_title", service=service(assessment, t)))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(b for b in body if b)
        + "\n</body>\n</html>\n"
    )


def _without_mermaid(lines: list[str]) -> list[str]:
    out: list[str] = []
    skip = False
    for line in lines:
        if line == "```mermaid":
            skip = True
        elif skip and line == "```":
            skip = False
        elif not skip:
            out.append(line)
    return out


def _charts(a: Assessment, t: Texts) -> str:
    return "\n".join(
        (
            f"<figure>{memory_chart(a, t)}<figcaption>{escape(t('chart_memory'))}</figcaption>"
            "</figure>",
            f"<figure>{speed_chart(a, t)}<figcaption>{escape(t('chart_speed'))}</figcaption>"
            "</figure>",
        )
    )


def _build_lists(a: Assessment, t: Texts) -> str:
    """What the markdown's mermaid diagrams show: each model's builds and the targets they serve."""
    items = [_build_list(a, t, r) for r in a.recommendations]
    if not items:
        return ""
    return f"<h3>{escape(t('html_builds'))}</h3>\n" + "\n".join(items)


def _build_list(a: Assessment, t: Texts, r: Recommendation) -> str:
    names = {x.id: x.name for x in a.targets}
    lis = []
    for b in r.builds:
        for p in b.pipelines:
            targets = ", ".join(names.get(x, x) for x in p.targets)
            lis.append(
                f"<li><code>{escape(b.quantization)}</code> · <code>{escape(b.runtime)}</code>"
                f" → {escape(t('mm_target', os=oses(t, list(p.oses)), targets=targets))}</li>"
            )
    return f"<p><code>{escape(r.model)}</code> ({escape(r.hf_repo)})</p><ul>{''.join(lis)}</ul>"
