"""Markdown: the planning report for engineers, executives and the security team.

Every number and decision comes from the :class:`~feasibility.verdict.Assessment`; the section
modules only arrange it, and all wording lives in the per-language text modules (``texts_*`` for
the sections, ``reasons_*`` for rule, risk and gap sentences, ``security_*`` for the threat model,
``concepts_*`` for format and runtime lines, ``step_titles_ko`` for pipeline steps). Catalog ids
are always shown as inline code (and inline code is used for nothing else) so that tests can check
every id the report names against the catalog. Output is byte-identical for the same assessment.
New sections (for example multimodal ones) are functions added to ``SECTIONS``.

Sections: 1-2 verdict and executive screen (``md_verdict``), 3 and 9 models (``md_models``),
4 memory and speed (``md_figures``), 5-6 builds and concepts (``md_builds``), 7-8 security and
trade-offs (``md_security``), 10-11 inputs and sources (``md_inputs``).
"""

from __future__ import annotations

from collections.abc import Callable

from feasibility.report import md_builds, md_figures, md_inputs, md_models, md_security, md_verdict
from feasibility.report._rows import Texts, texts_for
from feasibility.verdict import Assessment

Section = Callable[[Assessment, Texts], list[str]]

SECTIONS: tuple[Section, ...] = (
    md_verdict.title,
    md_verdict.summary,
    md_models.recommended,
    md_figures.memory,
    md_builds.architecture,
    md_builds.concepts,
    md_security.privacy,
    md_security.tradeoffs,
    md_models.why_not,
    md_inputs.inputs,
    md_inputs.sources,
    md_inputs.footer,
)


def render(assessment: Assessment, lang: str = "en") -> str:
    t = texts_for(lang)
    out: list[str] = []
    for section in SECTIONS:
        lines = section(assessment, t)
        if lines:
            out.extend(lines)
            out.append("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
