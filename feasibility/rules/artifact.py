"""Artifact: a build of this model must exist for this runtime, or its own tooling must make one;
the build must be made for the service's context; and the device must meet the runtime maker's RAM
guidance for a model of this size.

Passes when the catalog names a published build (the reason names the repository or bundle) or
the runtime's own tooling converts the model (``data/artifacts.yaml``), the quantization is made
for the service's context (``Quantization.max_context``, where its maker states a cap shorter than
the model's own), and the device's RAM meets every guidance entry of the runtime that applies to
this model and context.
Fails when no build can be made (the reason says why: for example "Genie bundles are exported only
for the models in qai_hub_models/models/"), when the service needs more context than the build is
made for, or when the device has less RAM than the maker asks.
Example: granite-3.3-8b on Qualcomm Genie fails (not an AI Hub model); Qwen2.5-7B on Genie fails
on a 12 GB phone: "Qualcomm asks 16 GB of RAM for this model; the device has 12 GB"; Meta's
SpinQuant build of Llama 3.2 1B fails a 16,384-token service: its maker made it for 8,192 tokens
(the 16-bit model's 131,072 do not carry over).
"""

from __future__ import annotations

from feasibility.estimator.encoder import media_tokens
from feasibility.schema import RamGuidance
from feasibility.situation import Situation
from feasibility.units import fmt_int
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
    short = _context_short(s)
    if short is not None:
        return short
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


def _context_short(s: Situation) -> Verdict | None:
    """The failure when the quantization's maker made it for less context than the service needs
    (the same need as the context-window rule: the service's context plus its media tokens)."""
    cap = s.candidate.quant.max_context
    if cap is None:
        return None
    need = s.service.context_tokens + media_tokens(s.candidate.model, s.service)
    if need <= cap.tokens:
        return None
    quant = s.candidate.quant
    return Verdict.failed(
        ID,
        f"{quant.id} is made for {fmt_int(cap.tokens)} tokens of context; "
        f"the service needs {fmt_int(need)}",
        runtime=s.candidate.runtime.id,
        quantization=quant.id,
        problem="build-context",
        need=need,
        have=cap.tokens,
        source=cap.source,
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
