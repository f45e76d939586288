"""What a rule sees: one candidate (model x quantization x runtime) on one target.

Kept apart from ``rules/`` so that the engine, the rules and the tests build it the same way. The
engine fills in the backend and the estimate once per candidate and target; rules only read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from feasibility.estimator import Estimate
from feasibility.schema import (
    Artifact,
    Constraints,
    Device,
    License,
    ModelEntry,
    Quantization,
    Runtime,
    Service,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    model: ModelEntry
    quant: Quantization
    runtime: Runtime
    license: License
    artifact: Artifact | None = None
    """How this build is obtained (published, convertible, unsupported); None: convertible."""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.model.id, self.quant.id, self.runtime.id)


@dataclass(frozen=True, slots=True)
class Target:
    """A resolved device: the catalog preset with the device.yaml overrides applied."""

    index: int
    id: str
    device: Device
    os_version: str | None
    budget_bytes: int


@dataclass(frozen=True, slots=True)
class Situation:
    candidate: Candidate
    target: Target
    service: Service
    constraints: Constraints
    backend: str | None
    estimate: Estimate
    placement: Placement | None = None
    """Why each accelerator was or was not usable (placement-level rules read it)."""


def version_tuple(v: str) -> tuple[int, ...]:
    return tuple(int(p) for p in v.split("."))


PlacementCause = Literal[
    "not-on-device",
    "no-os-backend",
    "encoding",
    "gpu-family",
    "npu-runtime-vendor",
    "npu-format-vendor",
]
"""Why an accelerator was left out (the accelerator rule words these; see ``place``)."""


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a runtime would run a quantization on a device, and why the other accelerators were
    left out (so that a rejection names the missing piece: runtime, format or vendor)."""

    backend: str | None
    usable: tuple[str, ...]
    dropped: tuple[tuple[str, PlacementCause], ...]

    def cause(self, acc: str) -> PlacementCause | None:
        return next((c for a, c in self.dropped if a == acc), None)


def place(
    runtime: Runtime, device: Device, constraints: Constraints, quant: Quantization | None = None
) -> Placement:
    """The accelerator this runtime would use on this device, with the reason for each one it
    cannot use.

    The quantization can narrow the choice (an XNNPACK encoding runs on the CPU only). The NPU is
    chosen first when the constraints ask for it or for low battery use (NPUs spend the
    least energy per operation); otherwise the GPU, then the CPU. The NPU counts only when the
    runtime supports that NPU vendor on this OS and the encoding targets it.
    """
    platform = runtime.platform(device.os)
    if platform is None:
        return Placement(None, (), tuple((a, "no-os-backend") for a in device.accelerators))
    dropped: list[tuple[str, PlacementCause]] = []
    usable: list[str] = []
    vendor = device.npu.vendor if device.npu else None
    for acc in ("npu", "gpu", "cpu"):
        cause: PlacementCause | None = None
        if acc not in device.accelerators:
            cause = "not-on-device"
        elif acc not in platform.accelerators:
            cause = "no-os-backend"
        elif quant is not None and quant.backends and acc not in quant.backends:
            cause = "encoding"
        elif (
            acc == "gpu" and platform.gpu_vendors and device.gpu_vendor not in platform.gpu_vendors
        ):
            cause = "gpu-family"
        elif acc == "npu" and platform.npu_vendors and vendor not in platform.npu_vendors:
            cause = "npu-runtime-vendor"
        elif (
            acc == "npu"
            and quant is not None
            and quant.npu_vendors
            and (vendor not in quant.npu_vendors)
        ):
            cause = "npu-format-vendor"
        if cause is None:
            usable.append(acc)
        else:
            dropped.append((acc, cause))
    return Placement(_pick(usable, constraints), tuple(usable), tuple(dropped))


def _pick(usable: list[str], constraints: Constraints) -> str | None:
    if constraints.npu == "required":
        return "npu" if "npu" in usable else None
    order = ("npu", "gpu", "cpu")
    if constraints.npu == "ignore" and constraints.battery != "minimize":
        order = ("gpu", "cpu", "npu")
    return next((acc for acc in order if acc in usable), None)


def choose_backend(
    runtime: Runtime, device: Device, constraints: Constraints, quant: Quantization | None = None
) -> str | None:
    """The accelerator this runtime would use on this device, or None (see ``place``)."""
    return place(runtime, device, constraints, quant).backend
