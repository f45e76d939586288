"""Catalog schema of runtimes, their backends and build pipelines (``data/runtimes.yaml``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from feasibility.schema.fields import (
    Accelerator,
    Id,
    NonNegInt,
    OsName,
    PositiveFloat,
    PositiveInt,
    Sources,
    Strict,
)


class PlatformSupport(Strict):
    os: OsName
    min_version: str | None = Field(default=None, pattern=r"^\d+(\.\d+){0,2}$")
    """Minimum OS version; None when the runtime does not publish one."""
    accelerators: tuple[Accelerator, ...]
    npu_vendors: tuple[str, ...] = ()
    """NPU families it can use on this OS (apple, qualcomm, mediatek, google, intel, ...)."""
    gpu_vendors: tuple[str, ...] = ()
    """GPU families it can use on this OS (empty: any); e.g. MLX on Linux is a CUDA backend."""
    integration: str = ""
    """How an app embeds it on this OS (Swift package, AAR, NDK library...)."""


class PipelineStep(Strict):
    """One step of a build pipeline; ``command`` is a template (see feasibility.pipeline)."""

    title: str
    command: str
    os: tuple[OsName, ...] = ()
    """Only for these target OSes (empty: all)."""
    formats: tuple[str, ...] = ()
    """Only for these quantization formats (empty: all)."""
    quants: tuple[str, ...] = ()
    """Only for these quantization ids (empty: all); a flag that differs by quantization is a
    step per quantization, never shell logic in the command."""
    backends: tuple[Accelerator, ...] = ()
    """Only when the plan runs on one of these accelerators (empty: any); a GPU build and a
    CPU build are different steps with honest titles."""
    when: tuple[str, ...] = ()
    """Only when the model's artifact carries one of these tags (empty: always): its kind (see
    ``ArtifactKind``: a published build is downloaded, otherwise the model is converted) or the
    name of a value it sets (``qnn_checkpoint``)."""
    inputs: tuple[str, ...] = ()
    """Files or folders under ``models/`` this step reads (templates); an earlier step makes
    them."""
    outputs: tuple[str, ...] = ()
    """Files or folders under ``models/`` this step writes (templates)."""
    media: tuple[str, ...] = ()
    """Only for a service that sends images or audio: every tag must hold (``image``, ``audio``,
    ``encoder-download`` for a published encoder file, ``encoder-convert`` to make it)."""


class Efficiency(Strict):
    """Share of peak memory bandwidth a backend reaches in decode (fitted, see estimate.speed)."""

    cpu: float | None = Field(default=None, gt=0, le=1)
    gpu: float | None = Field(default=None, gt=0, le=1)
    npu: float | None = Field(default=None, gt=0, le=1)


# -- availability per backend (runtime realism: which chips a compiled-in backend drives) ------

BackendMaturity = Literal["production", "beta", "experimental"]
"""How far a runtime's backend has come, as its maintainers describe it (see ``BackendSupport``)."""
MATURITY_ORDER: tuple[str, ...] = ("production", "beta", "experimental")
"""Best first: placement prefers a production backend, and a lower one is a named risk."""
CpuArch = Literal["arm64", "x86_64"]


class BackendSupport(Strict):
    """One compiled-in backend of a runtime: the accelerator, the API, the chips it drives and
    its maturity, with the maintainers' page that says so.

    When a runtime lists backends for an accelerator on an OS, that accelerator is usable only
    through a matching entry (an empty filter matches anything); with none listed, the platform's
    accelerators decide alone and the runtime's own maturity applies.
    """

    accelerator: Accelerator
    api: str
    """As the runtime names it: CPU, Metal, OpenCL, Vulkan, CUDA, QNN HTP, Neural Engine..."""
    os: tuple[OsName, ...] = ()
    """OSes this entry is for (empty: every OS of the runtime's platforms)."""
    cpu_archs: tuple[CpuArch, ...] = ()
    cpu_vendors: tuple[str, ...] = ()
    """CPU makers it supports (empty: any of ``cpu_archs``)."""
    gpu_families: tuple[str, ...] = ()
    """GPU families (``Device.gpu_vendor``: apple, qualcomm, arm, nvidia, intel...)."""
    npu_vendors: tuple[str, ...] = ()
    min_npu_generation: str | None = Field(default=None, pattern=r"^v\d+$")
    """Oldest NPU generation it drives (Hexagon ``v73``); a device of unknown generation fails."""
    maturity: BackendMaturity
    source: str = Field(pattern=r"^https?://\S+$")
    speed_measured: bool = False
    """Published measurements of this runtime on this backend fitted the speed constants; an
    unmeasured pair is never estimated faster than the measured runtime on the same hardware."""


class RamGuidance(Strict):
    """A maker's minimum device RAM for a class of models on this runtime (Qualcomm: 16 GB for
    7B+ or 4,096-token contexts, 12 GB for 3B+)."""

    min_ram_gb: PositiveFloat
    min_params: PositiveInt | None = None
    """Applies to models of at least this many parameters."""
    min_context_tokens: PositiveInt | None = None
    """Applies to services with at least this context."""
    source: str = Field(pattern=r"^https?://\S+$")


class QuantPath(Strict):
    """A (quantization, OS) path of a runtime whose maturity is below its backend's: the catalog
    knows the runtime loads the format somewhere, not that it works on this OS."""

    quants: tuple[str, ...]
    os: tuple[OsName, ...]
    maturity: BackendMaturity
    reason: str
    source: str = Field(pattern=r"^https?://\S+$")


class Runtime(Strict):
    id: Id
    name: str
    license: str
    platforms: tuple[PlatformSupport, ...]
    quantizations: tuple[str, ...]
    """Quantization ids it loads."""
    architectures: tuple[str, ...]
    """HF model types it runs (``*`` = any decoder the converter knows; avoid where possible)."""
    kv_cache_types: tuple[str, ...] = ("f16",)
    overhead_mb: NonNegInt
    """Runtime library, tokenizer and bookkeeping resident beside the model (MiB)."""
    efficiency: Efficiency = Efficiency()
    maturity: Literal["stable", "beta", "experimental", "deprecated"] = "stable"
    backends: tuple[BackendSupport, ...] = ()
    """Compiled-in backends with the chips they drive and their maturity (see BackendSupport)."""
    ram_guidance: tuple[RamGuidance, ...] = ()
    quant_paths: tuple[QuantPath, ...] = ()
    pipeline: tuple[PipelineStep, ...]
    notes: str = ""
    sources: Sources

    def platform(self, os: str) -> PlatformSupport | None:
        for p in self.platforms:
            if p.os == os:
                return p
        return None
