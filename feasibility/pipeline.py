"""Build a recommendation's pipeline: the runtime's steps, selected for the plan and filled in.

Steps and their command templates live in ``data/runtimes.yaml`` (real commands of the real tools,
pinned to the versions they were checked against). A step is selected by the target OS, the
quantization's format and id, the accelerator the plan runs on, and how the model is obtained
for this runtime (``Catalog.artifact``: a published build is downloaded, otherwise the runtime's
own tooling converts it). Every value a command needs is computed here, never in shell: a flag
that differs by quantization is a separate step, and ids such as the AI Hub model name or the
ExecuTorch decoder name come from ``data/artifacts.yaml``. A value only the user can know (a
device serial, an SDK path, a chip the catalog does not know) is an ``export`` step whose shell
expansion stops with the instruction when the variable is unset.

A template may use only the placeholders in ``PLACEHOLDERS``; the catalog test formats every
template, so a typo is caught before a user sees it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from feasibility.schema import (
    Artifact,
    Chipset,
    Device,
    GroupScheme,
    ModelEntry,
    PipelineStep,
    Quantization,
    Runtime,
)
from feasibility.verdict import Step

if TYPE_CHECKING:
    from feasibility.catalog import Catalog

CHIP_VALUES: dict[str, tuple[str, str]] = {
    "aihub_chipset": (
        "CHIPSET",
        "set CHIPSET to the AI Hub chipset id of the target (qai-hub list-devices), "
        "e.g. qualcomm-snapdragon-8-elite",
    ),
    "qnn_soc_model": (
        "SOC_MODEL",
        "set SOC_MODEL to the Snapdragon part number of the target, e.g. SM8750 "
        "(executorch backends/qualcomm/serialization/qc_schema.py)",
    ),
    "htp_soc_id": (
        "HTP_SOC_ID",
        "set HTP_SOC_ID to the QNN SoC id of the target, e.g. 69 for Snapdragon 8 Elite "
        "(ai-hub-apps tutorials/llm_on_genie/manual_bundle.md)",
    ),
    "hexagon": (
        "HEXAGON_ARCH",
        "set HEXAGON_ARCH to the Hexagon version of the target, e.g. v79 "
        "(https://app.aihub.qualcomm.com/devices)",
    ),
}
"""Per-chip ids filled from the catalog's chip table, else left to the user with instructions."""

MODEL_VALUES: dict[str, tuple[str, str]] = {
    "conv_template": (
        "CONV_TEMPLATE",
        "set CONV_TEMPLATE to the template name of the model in "
        "python/mlc_llm/conversation_template",
    ),
}
"""Per-model ids the catalog may not know yet: filled from the artifact, else left to the user."""

ARTIFACT_VALUES = (
    "aihub_model",
    "qnn_decoder",
    "qnn_repo_id",
    "litert_script",
    "model_size",
)
"""Per-model ids an artifact entry may give its runtime's tooling (data/artifacts.yaml)."""

PLACEHOLDERS = (
    "hf_repo",
    "model_id",
    "quant",
    "quant_lower",
    "bits",
    "group_size",
    "context_tokens",
    "runtime",
    "repo",
    "file",
    "mlc_quant",
    "coreml_family",
    "coreml_module",
    "coreml_upper",
    "aihub_package",
    "model_size_flag",
    "mp_tokens",
    "encoder_repo",
    "encoder_file",
    "encoder_type",
    *ARTIFACT_VALUES,
    *MODEL_VALUES,
    *CHIP_VALUES,
)


def _known_or_asked(known: str | None, var: str, how: str) -> str:
    """The catalog's value, or a shell expansion that stops with the instruction when unset."""
    return known if known else f'"${{{var}:?{how}}}"'


def values(
    model: ModelEntry,
    quant: Quantization,
    runtime: Runtime,
    context: int,
    artifact: Artifact | None = None,
    chip: Chipset | None = None,
) -> dict[str, str]:
    """Every placeholder's value for this plan (computed here so no shell logic is needed)."""
    group = quant.scheme.group_size if isinstance(quant.scheme, GroupScheme) else None
    given: Mapping[str, str] = artifact.values if artifact is not None else {}
    family = "Llama" if model.architecture.type == "llama" else "Mistral"
    fill = {
        "hf_repo": model.hf_repo,
        "model_id": model.id,
        "quant": quant.id,
        "quant_lower": quant.id.lower(),
        "bits": f"{quant.weight_bits:g}",
        "group_size": str(group) if group else "",
        "context_tokens": str(context),
        "runtime": runtime.id,
        "repo": (artifact.repo if artifact and artifact.repo else model.hf_repo),
        "file": (artifact.file if artifact else "").format(
            quant=quant.id, quant_lower=quant.id.lower()
        ),
        "mlc_quant": quant.id.removeprefix("mlc-"),
        "coreml_family": family,
        "coreml_module": family.lower(),
        "coreml_upper": family.upper(),
        "aihub_package": given.get("aihub_model", "").replace("_", "-"),
        "model_size_flag": f"--model_size={given['model_size']}" if "model_size" in given else "",
    }
    fill["mp_tokens"] = _mediapipe_tokens(given)
    fill.update(_encoder_values(model, runtime))
    fill.update({name: given.get(name, "") for name in ARTIFACT_VALUES})
    fill.update(
        {name: _known_or_asked(given.get(name), *ask) for name, ask in MODEL_VALUES.items()}
    )
    fill.update(
        {name: _known_or_asked(_chip_id(chip, name), *ask) for name, ask in CHIP_VALUES.items()}
    )
    return fill


def _encoder_values(model: ModelEntry, runtime: Runtime) -> dict[str, str]:
    """The published encoder file of this runtime (vision first), or the type to convert to."""
    for enc in sorted(model.encoders, key=lambda e: e.modality != "image"):
        b = next((b for b in enc.builds if b.runtime == runtime.id), None)
        if b is not None:
            return {"encoder_repo": b.repo, "encoder_file": b.file, "encoder_type": b.type.lower()}
    return {"encoder_repo": "", "encoder_file": "", "encoder_type": "f16"}


def media_tags(model: ModelEntry, runtime: Runtime, media: tuple[str, ...]) -> set[str]:
    """The plan's media tags: the service's images/audio this build reads, and whether its encoder
    is a published file (``encoder-download``) or made by the conversion (``encoder-convert``)."""
    tags: set[str] = set()
    for modality in media:
        enc = model.encoder(modality)
        b = next((b for b in enc.builds if b.runtime == runtime.id), None) if enc else None
        if b is None:
            continue
        tags.add(modality)
        tags.add("encoder-download" if b.file and b.repo else "encoder-convert")
    return tags


def _chip_id(chip: Chipset | None, name: str) -> str | None:
    value = getattr(chip, name) if chip is not None else None
    return None if value is None else str(value)


def _mediapipe_tokens(given: Mapping[str, str]) -> str:
    """The bundler's chat-format arguments as Python literals (the values hold newlines)."""
    if "mp_start" not in given:
        return ""
    return (
        f"start_token={given['mp_start']!r}, stop_tokens={given['mp_stops'].split()!r}, "
        f"prompt_prefix={given['mp_prefix']!r}, prompt_suffix={given['mp_suffix']!r}"
    )


def _tags(artifact: Artifact) -> set[str]:
    return {artifact.kind, *artifact.values}


def applies(
    step: PipelineStep,
    os_name: str,
    quant: Quantization,
    artifact: Artifact,
    backend: str | None,
    media: set[str] | None = None,
) -> bool:
    """Whether a step belongs to this plan (OS, format, quantization, accelerator, artifact, and
    the images or audio it must read: a ``media`` step needs every tag it lists)."""
    return (
        set(step.media) <= (media or set())
        and (not step.os or os_name in step.os)
        and (not step.formats or quant.format in step.formats)
        and (not step.quants or quant.id in step.quants)
        and (not step.backends or (backend or "cpu") in step.backends)
        and (not step.when or bool(_tags(artifact) & set(step.when)))
    )


def _catalog(catalog: Catalog | None) -> Catalog:
    if catalog is not None:
        return catalog
    from feasibility.catalog import load_catalog

    return load_catalog()


def selected(
    model: ModelEntry,
    quant: Quantization,
    runtime: Runtime,
    os_name: str,
    context: int,
    *,
    catalog: Catalog | None = None,
    device: Device | None = None,
    backend: str | None = None,
    media: tuple[str, ...] = (),
) -> tuple[Artifact, tuple[PipelineStep, ...], dict[str, str]]:
    """The artifact, the steps that apply and the placeholder values (tests check dataflow)."""
    cat = _catalog(catalog)
    artifact = cat.artifact(model.id, runtime.id, quant.id)
    chip = cat.chipset(device) if device is not None else None
    fill = values(model, quant, runtime, context, artifact, chip)
    tags = media_tags(model, runtime, media)
    steps = tuple(
        s for s in runtime.pipeline if applies(s, os_name, quant, artifact, backend, tags)
    )
    return artifact, steps, fill


def build(
    model: ModelEntry,
    quant: Quantization,
    runtime: Runtime,
    os_name: str,
    context: int,
    *,
    catalog: Catalog | None = None,
    device: Device | None = None,
    backend: str | None = None,
    media: tuple[str, ...] = (),
) -> tuple[Step, ...]:
    """The plan's steps with every value filled in.

    ``catalog`` supplies the artifacts and chip table (the shipped catalog when omitted),
    ``device`` names the chip for vendor tools (otherwise the user sets it), ``backend`` picks a
    GPU or CPU build (None: CPU). An unsupported combination gets one step saying why, so a plan
    never shows commands that cannot work.
    """
    artifact, steps, fill = selected(
        model,
        quant,
        runtime,
        os_name,
        context,
        catalog=catalog,
        device=device,
        backend=backend,
        media=media,
    )
    if artifact.status == "unsupported":
        return (
            Step(
                title=f"No {runtime.name} build for {model.name}: {artifact.reason}",
                command=f"# {artifact.sources[0]}",
            ),
        )
    return tuple(
        Step(title=s.title.format(**fill), command=s.command.format(**fill)) for s in steps
    )
