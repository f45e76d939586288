"""Catalog schema of devices, their speed facts and built-in platform models
(``data/devices.yaml``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from feasibility.schema.fields import (
    Accelerator,
    DeviceKind,
    Id,
    Languages,
    OsName,
    PositiveFloat,
    PositiveInt,
    Sources,
    SourceTier,
    Strict,
    check_tiers_align,
    split_source_tiers,
)
from feasibility.schema.runtimes import CpuArch

GPU_FAMILIES: tuple[tuple[str, str], ...] = (
    ("apple", "apple"),
    ("adreno", "qualcomm"),
    ("mali", "arm"),
    ("immortalis", "arm"),
    ("xclipse", "samsung"),
    ("powervr", "imagination"),
    ("cuda", "nvidia"),
    ("nvidia", "nvidia"),
    ("intel", "intel"),
    ("videocore", "broadcom"),
)
"""GPU name keyword -> GPU family, for runtimes whose GPU backend is family-specific."""


# --------------------------------------------------------------------------------------------
# Device speed facts (read by estimator.speed; every figure sourced in the device's sources)
# --------------------------------------------------------------------------------------------

CpuIsa = Literal["neon", "dotprod", "i8mm", "sve2", "sme2", "avx2", "avx512"]
"""CPU features that change llama.cpp's matrix kernels (int8 dot products, matrix multiply)."""


class CpuCluster(Strict):
    """Cores of one type and clock (a big.LITTLE CPU has two to four clusters)."""

    cores: PositiveInt
    core: str
    """Core design as the maker names it (Cortex-X3, Oryon, Firestorm)."""
    ghz: PositiveFloat
    """Maximum clock of the cluster."""
    efficiency: bool = False
    """Efficiency ("little") cores: llama.cpp's threads run on the other clusters."""


class SpeedCalibration(Strict):
    """Efficiency factors fitted on the user's own benchmark (``feasibility calibrate``): they
    scale the backend family's constants on this device only."""

    backend: Accelerator
    runtime: Id = "llama.cpp"
    bandwidth_factor: PositiveFloat = 1.0
    """How much faster this device decodes than its family's constants say (scales η_bw and η_dc
    up and the fixed per-layer costs down alike)."""
    compute_factor: PositiveFloat = 1.0
    """Multiplies η_pf: measured prefill over the uncalibrated estimate."""
    rows: PositiveInt = 1
    source: str = ""
    """The benchmark file the factors were fitted on (name only)."""


class Npu(Strict):
    name: str
    vendor: str
    """apple, qualcomm, mediatek, google, samsung, intel, nvidia, ..."""
    tops: PositiveFloat | None = None
    """INT8 TOPS as published; None when not published."""
    generation: str | None = Field(default=None, pattern=r"^v\d+$")
    """NPU architecture generation where the vendor's tools gate on it (Hexagon ``v73``)."""


class DeviceVariant(Strict):
    """One chip a device ships with (Galaxy S phones: Snapdragon in some markets, Exynos in
    others). Fields left out are the device's own."""

    id: Id
    name: str
    soc: str
    markets: tuple[str, ...]
    """Where this variant ships, as the maker or a reference states it (regions or countries)."""
    gpu: str = ""
    npu: Npu | None = None
    memory_bandwidth_gbs: PositiveFloat | None = None
    """Peak DRAM bandwidth (GB/s) of this variant; None when not published."""
    cpu_vendor: str | None = None
    """Maker of this variant's chip (what runtimes gate on); None: the device's."""
    cpu_cores: PositiveInt | None = None
    """Core count of this variant's CPU; None: the sum of its clusters, else the device's."""
    cpu_clusters: tuple[CpuCluster, ...] = ()
    """This variant's CPU clusters (the speed estimate's CPU compute); empty: the device's."""
    cpu_isa: tuple[CpuIsa, ...] = ()
    """This variant's CPU features; empty: the device's."""
    sources: Sources
    source_tiers: tuple[SourceTier, ...] = ()
    notes: str = ""

    _tiers = model_validator(mode="before")(split_source_tiers)

    @model_validator(mode="after")
    def _aligned(self) -> DeviceVariant:
        check_tiers_align(self.sources, self.source_tiers)
        if not self.markets:
            raise ValueError("markets: name at least one market where this variant ships")
        check_clusters_count(self.cpu_cores, self.cpu_clusters)
        return self


def check_clusters_count(cores: int | None, clusters: tuple[CpuCluster, ...]) -> None:
    """The clusters are the whole CPU: a core count that disagrees with them is a typo in one."""
    listed = sum(c.cores for c in clusters)
    if clusters and cores is not None and cores != listed:
        raise ValueError(f"cpu_cores: {cores}, but the cpu_clusters list {listed} cores")


class Device(Strict):
    id: Id
    name: str
    vendor: str
    year: int | None = Field(default=None, ge=2010, le=2030)
    kind: DeviceKind
    os: OsName
    os_version: str | None = Field(default=None, pattern=r"^\d+(\.\d+){0,2}$")
    """Newest OS version the device runs (what a current app can rely on)."""
    os_version_shipped: str | None = Field(default=None, pattern=r"^\d+(\.\d+){0,2}$")
    soc: str = ""
    ram_gb: PositiveFloat | None
    """Installed RAM. None only for ``kind: reference`` (a chip platform shipped with several RAM
    sizes): a target using such a preset must give ``ram_gb`` itself."""
    memory_bandwidth_gbs: PositiveFloat | None = None
    """Peak DRAM bandwidth (GB/s); None when not published."""
    accelerators: tuple[Accelerator, ...] = ("cpu", "gpu")
    gpu: str = ""
    gpu_tflops_fp16: PositiveFloat | None = None
    cpu_cores: PositiveInt | None = None
    npu: Npu | None = None
    platform_models: tuple[Id, ...] = ()
    """Built-in system models available on this device (Apple Foundation Models, Gemini Nano)."""
    variants: tuple[DeviceVariant, ...] = ()
    """Chips the device ships with in different markets (empty: one chip, the fields above)."""
    # Availability facts (situation.place): which runtimes' backends can drive this chip.
    cpu_arch: CpuArch | None = None
    """CPU instruction set architecture; None when not known (then it restricts nothing)."""
    cpu_vendor: str | None = None
    """Maker of the chip (intel, amd, apple, qualcomm, mediatek, google, samsung, broadcom,
    nvidia): some runtimes support only one maker's CPUs."""
    # Speed facts (estimator.speed): all optional, unknown stays None/empty.
    cpu_clusters: tuple[CpuCluster, ...] = ()
    cpu_isa: tuple[CpuIsa, ...] = ()
    memory_type: str | None = None
    """DRAM standard and speed as published (``LPDDR5X-8533``)."""
    speed_calibration: tuple[SpeedCalibration, ...] = ()
    """Per-backend factors from ``feasibility calibrate`` (written into a device overlay)."""
    sources: Sources
    source_tiers: tuple[SourceTier, ...] = ()
    notes: str = ""

    _tiers = model_validator(mode="before")(split_source_tiers)

    @property
    def gpu_vendor(self) -> str | None:
        """The GPU's family, read from its catalog name (the first GPU named, where a model ships
        with two chips)."""
        name = self.gpu.lower()
        hits = [(name.find(k), v) for k, v in GPU_FAMILIES if k in name]
        return min(hits)[1] if hits else None

    def as_variant(self, variant: DeviceVariant) -> Device:
        """This device as sold with ``variant``'s chip (fields the variant leaves out stay)."""
        update: dict[str, object] = {
            "name": variant.name,
            "soc": variant.soc,
            "variants": (),
            "npu": variant.npu,
            "memory_bandwidth_gbs": variant.memory_bandwidth_gbs,
        }
        if variant.gpu:
            update["gpu"] = variant.gpu
        if variant.cpu_vendor:
            update["cpu_vendor"] = variant.cpu_vendor
        if variant.cpu_clusters:
            update["cpu_clusters"] = variant.cpu_clusters
            update["cpu_cores"] = sum(c.cores for c in variant.cpu_clusters)
        if variant.cpu_cores is not None:
            update["cpu_cores"] = variant.cpu_cores
        if variant.cpu_isa:
            update["cpu_isa"] = variant.cpu_isa
        if variant.npu is None and "npu" in self.accelerators:
            update["accelerators"] = tuple(a for a in self.accelerators if a != "npu")
        return self.model_copy(update=update)

    @model_validator(mode="after")
    def _ram_known(self) -> Device:
        if self.ram_gb is None and self.kind != "reference":
            raise ValueError("ram_gb is required (only a 'reference' chip platform may omit it)")
        check_tiers_align(self.sources, self.source_tiers)
        check_clusters_count(self.cpu_cores, self.cpu_clusters)
        ids = [v.id for v in self.variants]
        if len(set(ids)) != len(ids):
            raise ValueError(f"variants: duplicate id in {', '.join(ids)}")
        return self


class PlatformModel(Strict):
    """A built-in system model (not open weights; never one of the two recommendations)."""

    id: Id
    name: str
    vendor: str
    os: tuple[OsName, ...]
    min_os_version: str | None = None
    languages: Languages = ()
    notes: str = ""
    sources: Sources
    source_tiers: tuple[SourceTier, ...] = ()

    _tiers = model_validator(mode="before")(split_source_tiers)

    @model_validator(mode="after")
    def _aligned(self) -> PlatformModel:
        check_tiers_align(self.sources, self.source_tiers)
        return self
