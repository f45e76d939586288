"""Every pipeline the engine can produce, rendered as bash scripts, for the pipeline tests.

The engine pairs a model with a (quantization, runtime) the runtime loads, on an OS the runtime's
platforms list, for a model type the runtime runs, on an accelerator both the platform and the
quantization allow. Each such plan is rendered once without a device (the user names the chip)
and the Qualcomm ones once more on a catalog device whose chip the catalog knows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from feasibility import pipeline
from feasibility.catalog import Catalog, load_catalog
from feasibility.schema import Artifact, Device, PipelineStep
from feasibility.verdict import Step

CONTEXT = 4096
HEADER = "#!/usr/bin/env bash\nset -euo pipefail\n"


@dataclass(frozen=True)
class Plan:
    model: str
    quant: str
    runtime: str
    os: str
    backend: str
    device: str | None
    media: tuple[str, ...] = ()
    """The images or audio the service sends (the encoder steps of a multimodal model)."""

    @property
    def name(self) -> str:
        parts = (self.runtime, self.os, self.backend, self.quant, self.model, self.device or "any")
        return "_".join((*parts, *self.media))


def plans(cat: Catalog) -> Iterator[Plan]:
    chip_devices = [d for d in cat.devices.values() if cat.chipset(d) is not None]
    for rt in cat.runtimes.values():
        for platform in rt.platforms:
            for qid in rt.quantizations:
                quant = cat.quantizations[qid]
                for backend in platform.accelerators:
                    if quant.backends and backend not in quant.backends:
                        continue
                    devices: list[Device | None] = [None]
                    if backend == "npu":
                        devices += [d for d in chip_devices if d.os == platform.os][:1]
                    for model in cat.models.values():
                        if model.architecture.type not in rt.architectures:
                            continue
                        for dev in devices:
                            yield Plan(
                                model.id, qid, rt.id, platform.os, backend, dev.id if dev else None
                            )
                            media = tuple(
                                e.modality
                                for e in model.encoders
                                if any(b.runtime == rt.id for b in e.builds)
                            )
                            if media:
                                yield Plan(
                                    model.id,
                                    qid,
                                    rt.id,
                                    platform.os,
                                    backend,
                                    dev.id if dev else None,
                                    media,
                                )


def selected(cat: Catalog, plan: Plan) -> tuple[Artifact, tuple[PipelineStep, ...], dict[str, str]]:
    return pipeline.selected(
        cat.models[plan.model],
        cat.quantizations[plan.quant],
        cat.runtimes[plan.runtime],
        plan.os,
        CONTEXT,
        catalog=cat,
        device=cat.devices[plan.device] if plan.device else None,
        backend=plan.backend,
        media=plan.media,
    )


def steps(cat: Catalog, plan: Plan) -> tuple[Step, ...]:
    return pipeline.build(
        cat.models[plan.model],
        cat.quantizations[plan.quant],
        cat.runtimes[plan.runtime],
        plan.os,
        CONTEXT,
        catalog=cat,
        device=cat.devices[plan.device] if plan.device else None,
        backend=plan.backend,
        media=plan.media,
    )


def script(rendered: tuple[Step, ...]) -> str:
    return HEADER + "".join(f"# {s.title}\n{s.command}\n" for s in rendered)


@lru_cache(maxsize=1)
def all_steps() -> dict[Plan, tuple[Step, ...]]:
    cat = load_catalog()
    return {p: steps(cat, p) for p in plans(cat)}


@lru_cache(maxsize=1)
def all_scripts() -> dict[Plan, str]:
    return {p: script(s) for p, s in all_steps().items()}
