"""Markdown sections 10 and 11 and the footer: inputs to complete, sources, provenance.

Sources list only the facts the recommendations use (the recommended models and their licences,
the targets, the builds' runtimes and quantizations), grouped by the fact they support.
"""

from __future__ import annotations

from feasibility.report._phrases import code_id
from feasibility.report._rows import Texts
from feasibility.report._wording import fix_paragraph, gap_sentence, sensitivity_sentence
from feasibility.verdict import Assessment

SOURCE_GROUPS = ("device", "model", "license", "quantization", "runtime")
"""Order of the source groups (the kind before the id in ``Assessment.sources`` keys)."""


CONTENT_FARMS = (
    "huface.ru",
    "hf.global-rail.com",
    "aifasthub.com",
    "hff.sound2gd.work",
    "5iter.com",
)
"""Hosts that copy other pages (mirrors, content farms): never cited, even from the catalog."""


def _citable(url: str) -> bool:
    host = url.split("://", 1)[-1].split("/", 1)[0].lower()
    return not any(host == h or host.endswith("." + h) for h in CONTENT_FARMS)


def inputs(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_inputs"), ""]
    if a.placeholders:
        out.extend([t("placeholders_intro"), ""])
        out.extend(f"- {t.placeholder.get(p, p)}" for p in a.placeholders)
    else:
        out.append(t("placeholders_none"))
    if any(x.gap_codes for x in a.targets):
        out.extend(["", t("gaps_intro"), ""])
        codes = dict.fromkeys(g for x in a.targets for g in x.gap_codes)
        out.extend(
            t(
                "gap_line",
                gap=gap_sentence(t, g),
                targets=t("list_sep").join(x.name for x in a.targets if g in x.gap_codes),
            )
            for g in codes
        )
    out.extend(["", t("sensitivity_intro"), ""])
    if a.sensitivities:
        out.extend("- " + sensitivity_sentence(t, a, s) for s in a.sensitivities)
    else:
        out.append(t("sensitivity_none"))
    if len(a.recommendations) < 2:
        out.extend(["", fix_paragraph(t, a)])
    if a.platform_alternatives:
        out.extend(["", t("platform_alt_intro"), ""])
        out.extend(f"- {p.name} ({p.vendor})" for p in a.platform_alternatives)
    return out


def used_facts(a: Assessment) -> dict[str, list[str]]:
    """Source keys (``"kind id"``) behind the recommendations, by kind, in report order."""
    used: dict[str, list[str]] = {k: [] for k in SOURCE_GROUPS}
    used["device"] = [x.id for x in a.targets]
    for r in a.recommendations:
        used["model"].append(r.model)
        used["license"].append(r.license)
        for b in r.builds:
            used["quantization"].append(b.quantization)
            used["runtime"].append(b.runtime)
    return {k: list(dict.fromkeys(v)) for k, v in used.items()}


def sources(a: Assessment, t: Texts) -> list[str]:
    intro = "sources_intro" if a.recommendations else "sources_none"
    out = [t("h_sources"), "", t(intro), ""]
    for kind, ids in used_facts(a).items():
        same: dict[tuple[str, ...], list[str]] = {}
        for ident in ids:
            cited = tuple(u for u in a.sources.get(f"{kind} {ident}", ()) if _citable(u))
            if cited:
                same.setdefault(cited, []).append(code_id(ident))
        if not same:
            continue
        out.append(t(f"sources_{kind}"))
        for cited, idents in same.items():
            out.append(f"- {', '.join(idents)}: " + ", ".join(f"<{u}>" for u in cited))
        out.append("")
    return out[:-1]


def footer(a: Assessment, t: Texts) -> list[str]:
    return [
        "---",
        "",
        t("footer_limits"),
        "",
        t("footer_provenance", catalog=a.catalog_version, source=a.source),
    ]
