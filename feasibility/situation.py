"""What a rule sees: one candidate (model x quantization x runtime) on one target.

Kept apart from ``rules/`` so that the engine, the rules and the tests build it the same way. The
engine fills in the backend and the estimate once per candidate and target; rules only read them.
"""

from __future__ import annotations

from dataclasses import dataclass

from feasibility.estimator import Estimate
from feasibility.schema import (
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


def version_tuple(v: str) -> tuple[int, ...]:
    return tuple(int(p) for p in v.split("."))


def choose_backend(
    runtime: Runtime, device: Device, constraints: Constraints, quant: Quantization | None = None
) -> str | None:
    """The accelerator this runtime would use on this device, or None if it cannot run there.

    The quantization can narrow the choice (an XNNPACK encoding runs on the CPU only). The NPU is
    chosen first when the constraints ask for it or for low battery use (NPUs spend the
    least energy per operation); otherwise the GPU, then the CPU. The NPU counts only when the
    runtime supports that NPU vendor on this OS.
    """
    platform = runtime.platform(device.os)
    if platform is None:
        return None
    usable = [a for a in platform.accelerators if a in device.accelerators]
    if quant is not None and quant.backends:
        usable = [a for a in usable if a in quant.backends]
    if "gpu" in usable and platform.gpu_vendors and device.gpu_vendor not in platform.gpu_vendors:
        usable.remove("gpu")
    if "npu" in usable:
        vendor = device.npu.vendor if device.npu else None
        for allowed in (platform.npu_vendors, quant.npu_vendors if quant else ()):
            if allowed and vendor not in allowed and "npu" in usable:
                usable.remove("npu")
    if not usable:
        return None
    if constraints.npu == "required":
        return "npu" if "npu" in usable else None
    order = ("npu", "gpu", "cpu")
    if constraints.npu == "ignore" and constraints.battery != "minimize":
        order = ("gpu", "cpu", "npu")
    for acc in order:
        if acc in usable:
            return acc
    return None  # pragma: no cover - usable is non-empty
