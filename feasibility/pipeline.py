"""Build a recommendation's pipeline: the runtime's steps, filtered for the target and filled in.

Steps and their command templates live in ``data/runtimes.yaml`` (real commands of the real
tools). A template may use only the placeholders in ``PLACEHOLDERS``; the catalog test formats
every template with them, so a typo is caught before a user sees it.
"""

from __future__ import annotations

from feasibility.schema import GroupScheme, ModelEntry, Quantization, Runtime
from feasibility.verdict import Step

PLACEHOLDERS = ("hf_repo", "model_id", "quant", "bits", "group_size", "context_tokens", "runtime")


def values(
    model: ModelEntry, quant: Quantization, runtime: Runtime, context: int
) -> dict[str, str]:
    group = quant.scheme.group_size if isinstance(quant.scheme, GroupScheme) else None
    return {
        "hf_repo": model.hf_repo,
        "model_id": model.id,
        "quant": quant.id,
        "bits": f"{quant.weight_bits:g}",
        "group_size": str(group) if group else "",
        "context_tokens": str(context),
        "runtime": runtime.id,
    }


def build(
    model: ModelEntry, quant: Quantization, runtime: Runtime, os_name: str, context: int
) -> tuple[Step, ...]:
    fill = values(model, quant, runtime, context)
    steps = []
    for step in runtime.pipeline:
        if step.os and os_name not in step.os:
            continue
        if step.formats and quant.format not in step.formats:
            continue
        steps.append(Step(title=step.title, command=step.command.format(**fill)))
    return tuple(steps)
