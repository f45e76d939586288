"""Artifact: a build of this model must exist for this runtime, or its own tooling must make one;
and the device must meet the runtime maker's RAM guidance for a model of this size.

Passes when the catalog names a published build (the reason names the repository or bundle) or
the runtime's own tooling converts the model (``data/artifacts.yaml``), and the device's RAM meets
every guidance entry of the runtime that applies to this model and context.
Fails when no build can be made (the reason says why: for example "Genie bundles are exported only
for the models in qai_hub_models/models/"), or when the device has less RAM than the maker asks.
Example: granite-3.3-8b on Qualcomm Genie fails (not an AI Hub model); Qwen2.5-7B on Genie fails
on a 12 GB phone: "Qualcomm asks 16 GB of RAM for this model; the device has 12 GB".
"""

from __future__ import annotations

from feasibility.schema import RamGuidance
from feasibility.situation import Situation
from feasibility.verdict import Verdict

ID = "artifact"


def check(s: Situation) -> Verdict:
    art = s.candidate.artifact
    rt = s.candidate.runtime
    if art is not None and art.status == "unsupported":
        return Verdict.failed(
            ID,
            f"no {rt.name} build of this model: {art.reason}",
            runtime=rt.id,
            status=art.status,
            why=art.reason,
            source=art.sources[0],
        )
    need = _ram_needed(s)
    ram = s.target.device.ram_gb
    if need is not None and ram is not None and ram < need.min_ram_gb:
        return Verdict.failed(
            ID,
            f"{rt.name}'s maker asks {need.min_ram_gb:g} GB of RAM for this model and context; "
            f"the device has {ram:g} GB",
            runtime=rt.id,
            problem="ram-guidance",
            need_gb=need.min_ram_gb,
            have_gb=ram,
            source=need.source,
        )
    if art is None:
        return Verdict.passed(ID, f"{rt.name} converts this model", runtime=rt.id)
    where = f" ({art.repo})" if art.repo else ""
    said = "published" if art.status == "published" else "converted with the runtime's tooling"
    return Verdict.passed(
        ID,
        f"{said}{where}",
        runtime=rt.id,
        status=art.status,
        kind=art.kind,
        repo=art.repo or "",
        source=art.sources[0],
    )


def _ram_needed(s: Situation) -> RamGuidance | None:
    """The strictest of the runtime's RAM guidance entries that apply to this build."""
    params = s.candidate.model.params
    ctx = s.service.context_tokens
    hits = [
        g
        for g in s.candidate.runtime.ram_guidance
        if (g.min_params is None or params >= g.min_params)
        and (g.min_context_tokens is None or ctx >= g.min_context_tokens)
    ]
    return max(hits, key=lambda g: g.min_ram_gb) if hits else None
