"""Markdown sections 5 and 6: each distinct build's pipeline once, the build diagram, concepts.

A recommendation's builds carry one pipeline per OS group (``Build.pipelines``); each is shown
once with the targets it serves. Steps a pipeline shares with an earlier one of the same runtime
are referred to, not repeated; a later model's pipeline that is an earlier model's with the model
id and repository swapped says so instead of repeating the commands.
"""

from __future__ import annotations

from feasibility.report._phrases import artifact, code_id, oses, quant_label
from feasibility.report._rows import Texts, num, unique
from feasibility.report._steps import step_title
from feasibility.verdict import Assessment, Build, Pipeline, Recommendation, Step


def architecture(a: Assessment, t: Texts) -> list[str]:
    out = [t("h_arch"), ""]
    if not a.recommendations:
        return [*out, t("arch_none")]
    out.extend([t("arch_intro"), "", t("step_verify"), "", *mermaid(a, t)])
    shown: list[tuple[Recommendation, Build, Pipeline]] = []
    for r in a.recommendations:
        out.extend(["", t("h_arch_rec", rank=r.rank, model=code_id(r.model))])
        seen: list[tuple[Build, tuple[Step, ...]]] = []
        for b in r.builds:
            for pipe in b.pipelines:
                out.append("")
                earlier = _same_pipeline(r, b, pipe, shown)
                if earlier is None:
                    out.extend(_pipeline(t, r, b, pipe, seen))
                    seen.append((b, pipe.steps))
                else:
                    out.extend(_pipeline_ref(t, r, b, pipe, earlier))
                shown.append((r, b, pipe))
    return out


def _replace_all(text: str, names: dict[str, str]) -> str:
    """Every occurrence of a key of ``names`` replaced by its value, all at once (longest key
    first at each position), so no replacement is itself replaced again."""
    keys = sorted(names, key=len, reverse=True)
    out, i = [], 0
    while i < len(text):
        key = next((k for k in keys if text[i : i + len(k)] == k), None)
        if key is None:
            out.append(text[i])
            i += 1
        else:
            out.append(names[key])
            i += len(key)
    return "".join(out)


def _swap(steps: tuple[Step, ...], old: Recommendation, new: Recommendation) -> tuple[Step, ...]:
    """``steps`` of ``old``'s model with its id and Hugging Face repository replaced by
    ``new``'s, both at once (as a reader would do it by hand)."""
    names = {old.hf_repo: new.hf_repo, old.model: new.model}
    return tuple(
        Step(title=_replace_all(s.title, names), command=_replace_all(s.command, names))
        for s in steps
    )


def _same_pipeline(
    r: Recommendation, b: Build, pipe: Pipeline, shown: list[tuple[Recommendation, Build, Pipeline]]
) -> tuple[Recommendation, Pipeline] | None:
    """An earlier model's pipeline for the same build and OSes whose steps, with that model's id
    and repository swapped for this one's, are exactly this pipeline's steps (so the report can
    refer to it instead of repeating it)."""
    for orr, ob, op in shown:
        if orr.model == r.model or (ob.quantization, ob.runtime, op.oses) != (
            b.quantization,
            b.runtime,
            pipe.oses,
        ):
            continue
        if _swap(op.steps, orr, r) == pipe.steps:
            return orr, op
    return None


def _pipeline_ref(
    t: Texts,
    r: Recommendation,
    b: Build,
    pipe: Pipeline,
    earlier: tuple[Recommendation, Pipeline],
) -> list[str]:
    orr, op = earlier
    return [
        *_pipeline_head(t, r, b, pipe),
        "",
        t(
            "pipeline_same",
            last=num(len(pipe.steps)),
            model=code_id(orr.model),
            os=oses(t, list(op.oses)),
            old=code_id(orr.model),
            new=code_id(r.model),
            old_repo=orr.hf_repo,
            new_repo=r.hf_repo,
        ),
    ]


def _pipeline_head(t: Texts, r: Recommendation, b: Build, pipe: Pipeline) -> list[str]:
    return [
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
            quant_name=quant_label(t, b.quantization_name, b.format),
            runtime=code_id(b.runtime),
            accel="/".join(t.backend.get(x, x) for x in pipe.backends),
            artifact=artifact(t, r, b),
        ),
    ]


def _pipeline(
    t: Texts,
    r: Recommendation,
    b: Build,
    pipe: Pipeline,
    seen: list[tuple[Build, tuple[Step, ...]]],
) -> list[str]:
    out = [*_pipeline_head(t, r, b, pipe), "```sh"]
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


def mermaid(a: Assessment, t: Texts) -> list[str]:
    """One diagram for all picks: each model's source -> one node per distinct build -> one node
    per OS group it serves."""
    out = ["```mermaid", "flowchart LR"]
    names = {x.id: x.name for x in a.targets}
    for r in a.recommendations:
        m = f"m{r.rank}"
        out.append(f'    {m}["{_label(t("mm_source", rank=r.rank, repo=r.hf_repo))}"]')
        for bi, b in enumerate(r.builds, start=1):
            accel = "/".join(t.backend.get(x, x) for x in b.backends)
            label = t("mm_build", quant=b.quantization, runtime=b.runtime, accel=accel)
            out.append(f'    {m}b{bi}["{_label(label)}"]')
            out.append(f"    {m} --> {m}b{bi}")
            for pi, pipe in enumerate(b.pipelines, start=1):
                targets = ", ".join(names.get(x, x) for x in pipe.targets)
                label = t("mm_target", os=oses(t, list(pipe.oses)), targets=targets)
                out.append(f'    {m}b{bi}t{pi}["{_label(label)}"]')
                out.append(f"    {m}b{bi} --> {m}b{bi}t{pi}")
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
