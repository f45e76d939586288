"""Markdown sections 5 and 6: each distinct build's pipeline once, the build diagram, concepts.

A recommendation's builds carry one pipeline per OS group (``Build.pipelines``); each is shown
once with the targets it serves. Steps a pipeline shares with an earlier one of the same runtime
are referred to, not repeated.
"""

from __future__ import annotations

from feasibility.report._phrases import artifact, code_id, oses
from feasibility.report._rows import Texts, num, unique
from feasibility.report._steps import step_title
from feasibility.verdict import Assessment, Build, Pipeline, Recommendation, Step


def architecture(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_arch"), ""]
    if not a.recommendations:
        return [*out, t("arch_none")]
    out.extend([t("arch_intro"), "", t("step_verify")])
    for r in a.recommendations:
        out.extend(["", t("h_arch_rec", rank=r.rank, model=code_id(r.model)), ""])
        out.extend(mermaid(a, t, r))
        seen: list[tuple[Build, tuple[Step, ...]]] = []
        for b in r.builds:
            for pipe in b.pipelines:
                out.append("")
                out.extend(_pipeline(t, r, b, pipe, seen))
                seen.append((b, pipe.steps))
    return out


def _pipeline(
    t: Texts,
    r: Recommendation,
    b: Build,
    pipe: Pipeline,
    seen: list[tuple[Build, tuple[Step, ...]]],
) -> list[str]:
    out = [
        t(
            "h_platform",
            os=oses(t, list(pipe.oses)),
            runtime=b.runtime_name,
            quant=code_id(b.quantization),
        ),
        t(
            "platform_facts",
            targets=t("list_sep").join(code_id(x) for x in pipe.targets),
            quant=code_id(b.quantization),
            quant_name=b.quantization_name,
            format=b.format,
            runtime=code_id(b.runtime),
            accel="/".join(t.backend.get(x, x) for x in b.backends),
            artifact=artifact(t, r, b),
        ),
        "```sh",
    ]
    shared, other = _shared_prefix(b, pipe.steps, seen)
    if shared >= 2 and other is not None:
        out.append(t("steps_shared", last=num(shared), quant=other.quantization))
    for i, step in enumerate(
        pipe.steps[shared if other else 0 :], start=(shared if other else 0) + 1
    ):
        out.append(f"# {i}. {step_title(t, step.title)}")
        out.extend(step.command.splitlines())
    out.append("```")
    return out


def _shared_prefix(
    b: Build, steps: tuple[Step, ...], seen: list[tuple[Build, tuple[Step, ...]]]
) -> tuple[int, Build | None]:
    """The longest run of leading steps equal to an earlier pipeline of the same runtime."""
    best, other = 0, None
    for ob, osteps in seen:
        if ob.runtime != b.runtime:
            continue
        n = 0
        while n < min(len(steps), len(osteps)) and steps[n] == osteps[n]:
            n += 1
        if n > best:
            best, other = n, ob
    return best, other


def _label(text: str) -> str:
    """A mermaid node label without the characters mermaid parses."""
    for ch in '"#<>[]{}`':
        text = text.replace(ch, "")
    return text.strip()


def mermaid(a: Assessment, t: Texts, r: Recommendation) -> list[str]:
    """Source -> one node per distinct build -> one node per OS group it serves."""
    out = ["```mermaid", "flowchart LR", f'    src["{_label(t("mm_source", repo=r.hf_repo))}"]']
    names = {x.id: x.name for x in a.targets}
    for bi, b in enumerate(r.builds, start=1):
        accel = "/".join(t.backend.get(x, x) for x in b.backends)
        label = t("mm_build", quant=b.quantization, runtime=b.runtime, accel=accel)
        out.append(f'    b{bi}["{_label(label)}"]')
        out.append(f"    src --> b{bi}")
        for pi, pipe in enumerate(b.pipelines, start=1):
            targets = ", ".join(names.get(x, x) for x in pipe.targets)
            label = t("mm_target", os=oses(t, list(pipe.oses)), targets=targets)
            out.append(f'    b{bi}t{pi}["{_label(label)}"]')
            out.append(f"    b{bi} --> b{bi}t{pi}")
    out.append("```")
    return out


def concepts(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_concepts"), "", t("c_quant")]
    builds = [b for r in a.recommendations for b in r.builds]
    for fmt in unique(b.format for b in builds):
        text = t.format_concept.get(fmt, t.format_concept["default"])
        out.append(t("c_format", format=fmt, text=text))
    out.extend([t("c_kv", ctx=num(a.context_tokens)), t("c_npu")])
    for rid in unique(b.runtime for b in builds):
        name = next(b.runtime_name for b in builds if b.runtime == rid)
        text = t.runtime_concept.get(rid, t.runtime_concept["default"])
        out.append(t("c_runtime", id=code_id(rid), name=name, text=text))
    out.extend([t("c_decode"), t("c_ttft")])
    return out
