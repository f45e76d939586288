"""What a rule sees: one candidate (model x quantization x runtime) on one target.

Kept apart from ``rules/`` so that the engine, the rules and the tests build it the same way. The
engine fills in the backend and the estimate once per candidate and target; rules only read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from feasibility.estimator import Estimate
from feasibility.schema import (
    MATURITY_ORDER,
    Artifact,
    BackendMaturity,
    BackendSupport,
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
    """How this model is obtained for this runtime and quantization (published, convertible,
    unsupported): the catalog entry that decides it (``Catalog.artifact_entry``; a runtime default
    names no model); None where nobody looked it up (unit tests)."""

    key: tuple[str, str, str] = field(init=False, repr=False, compare=False)
    """(model, quantization, runtime) ids: every cache of the evaluator is keyed by it, so it is
    built once, not per lookup."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", (self.model.id, self.quant.id, self.runtime.id))


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
    "cpu-arch",
    "npu-runtime-vendor",
    "npu-generation",
    "npu-format-vendor",
    "variant",
]
"""Why an accelerator was left out (the accelerator rule words these; see ``place``)."""

RUNTIME_MATURITY: dict[str, BackendMaturity] = {
    "stable": "production",
    "beta": "beta",
    "experimental": "experimental",
    "deprecated": "production",
}
"""A backend the runtime does not describe on its own takes the runtime's maturity (deprecation
is scored and reported apart)."""


@dataclass(frozen=True, slots=True)
class Route:
    """How a runtime reaches one usable accelerator: the API and its maturity (with source)."""

    accelerator: str
    api: str
    maturity: BackendMaturity
    source: str = ""
    measured: bool = False
    """A published measurement of this runtime on this backend fitted the speed model."""


@dataclass(frozen=True, slots=True)
class VariantPlacement:
    """Where the build runs on one regional variant of the device (None: it cannot)."""

    id: str
    name: str
    soc: str
    markets: tuple[str, ...]
    backend: str | None
    route: Route | None
    usable: tuple[str, ...]
    dropped: tuple[tuple[str, PlacementCause], ...]


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a runtime would run a quantization on a device, and why the other accelerators were
    left out (so that a rejection names the missing piece: runtime, format, vendor or chip).

    On a device sold with several chips (``variants``), an accelerator is usable only when it is
    usable on every variant: one build must serve all units the target stands for. ``variants``
    says what each variant does with the chosen accelerator, or why it cannot run the build.
    """

    backend: str | None
    routes: tuple[tuple[str, Route], ...]
    """Every usable accelerator with its route (API and maturity; the least mature over the
    variants), chosen or not: a speed cap compares an unmeasured build with the reference runtime
    on the same accelerator even where the reference would pick another (llama.cpp on a Jetson's
    CUDA GPU, an ONNX build on its CPU)."""
    dropped: tuple[tuple[str, PlacementCause], ...]
    variants: tuple[VariantPlacement, ...] = ()
    route: Route | None = field(init=False, repr=False, compare=False)
    """The chosen backend's route, taken from ``routes`` once: the speed cap and the score read it
    for every build on every target."""

    def __post_init__(self) -> None:
        route = self.route_to(self.backend) if self.backend else None
        object.__setattr__(self, "route", route)

    @property
    def usable(self) -> tuple[str, ...]:
        return tuple(acc for acc, _ in self.routes)

    def route_to(self, acc: str) -> Route | None:
        return next((r for a, r in self.routes if a == acc), None)

    def cause(self, acc: str) -> PlacementCause | None:
        return next((c for a, c in self.dropped if a == acc), None)


def _generation(g: str | None) -> int | None:
    return int(g[1:]) if g else None


def _matches(b: BackendSupport, acc: str, device: Device) -> PlacementCause | None:
    """None when backend entry ``b`` drives this device's ``acc``, else why not."""
    if acc == "cpu":
        if b.cpu_archs and device.cpu_arch is not None and device.cpu_arch not in b.cpu_archs:
            return "cpu-arch"
        if (
            b.cpu_vendors
            and device.cpu_vendor is not None
            and device.cpu_vendor not in b.cpu_vendors
        ):
            return "cpu-arch"
        return None
    if acc == "gpu":
        return "gpu-family" if b.gpu_families and device.gpu_vendor not in b.gpu_families else None
    vendor = device.npu.vendor if device.npu else None
    if b.npu_vendors and vendor not in b.npu_vendors:
        return "npu-runtime-vendor"
    need = _generation(b.min_npu_generation)
    have = _generation(device.npu.generation if device.npu else None)
    if need is not None and (have is None or have < need):
        return "npu-generation"
    return None


def _route(runtime: Runtime, acc: str, device: Device) -> Route | PlacementCause:
    """The runtime's backend for ``acc`` on this device, or why it has none."""
    listed = [
        b for b in runtime.backends if b.accelerator == acc and (not b.os or device.os in b.os)
    ]
    if not listed:
        return Route(acc, acc.upper(), RUNTIME_MATURITY[runtime.maturity])
    causes = []
    for b in listed:
        cause = _matches(b, acc, device)
        if cause is None:
            return Route(acc, b.api, b.maturity, b.source, b.speed_measured)
        causes.append(cause)
    return causes[0]


def _with_path(runtime: Runtime, device: Device, quant: Quantization | None, route: Route) -> Route:
    """The route, lowered to a less mature (quantization, OS) path where the catalog says so."""
    if quant is None:
        return route
    for p in runtime.quant_paths:
        lower = MATURITY_ORDER.index(p.maturity) > MATURITY_ORDER.index(route.maturity)
        if quant.id in p.quants and device.os in p.os and lower:
            return Route(route.accelerator, route.api, p.maturity, p.source, route.measured)
    return route


def _place_one(
    runtime: Runtime, device: Device, quant: Quantization | None
) -> tuple[dict[str, Route], list[tuple[str, PlacementCause]]]:
    """Usable accelerators (with their routes) and dropped ones on one chip."""
    platform = runtime.platform(device.os)
    assert platform is not None
    dropped: list[tuple[str, PlacementCause]] = []
    usable: dict[str, Route] = {}
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
        route: Route | PlacementCause | None = None
        if cause is None:
            route = _route(runtime, acc, device)
            if not isinstance(route, Route):
                cause = route
        if cause is None:
            assert isinstance(route, Route)
            usable[acc] = _with_path(runtime, device, quant, route)
        else:
            dropped.append((acc, cause))
    return usable, dropped


def place(
    runtime: Runtime, device: Device, constraints: Constraints, quant: Quantization | None = None
) -> Placement:
    """The accelerator this runtime would use on this device, with the reason for each one it
    cannot use.

    The quantization can narrow the choice (an XNNPACK encoding runs on the CPU only). An
    accelerator counts only when the runtime supports it on this OS, the encoding targets it and
    one of the runtime's backends drives this chip (CPU architecture and maker, GPU family, NPU
    vendor and generation; see ``BackendSupport``). Among the usable ones a more mature backend
    comes first (an experimental Vulkan GPU path never beats a production CPU path); at equal
    maturity the NPU is chosen first when the constraints ask for it or for low battery use (NPUs
    spend the least energy per operation), otherwise the GPU, then the CPU. On a device sold with
    several chips, every variant must be able to use the accelerator chosen.
    """
    platform = runtime.platform(device.os)
    if platform is None:
        return Placement(None, (), tuple((a, "no-os-backend") for a in device.accelerators))
    if not device.variants:
        usable, dropped = _place_one(runtime, device, quant)
        backend = _pick(usable, constraints)
        return Placement(backend, tuple(usable.items()), tuple(dropped))
    return _place_variants(runtime, device, constraints, quant)


def _place_variants(
    runtime: Runtime, device: Device, constraints: Constraints, quant: Quantization | None
) -> Placement:
    per = [(v, *_place_one(runtime, device.as_variant(v), quant)) for v in device.variants]
    common: dict[str, Route] = {}
    dropped: list[tuple[str, PlacementCause]] = []
    for acc in ("npu", "gpu", "cpu"):
        routes = [u[acc] for _, u, _ in per if acc in u]
        if len(routes) == len(per):
            common[acc] = max(routes, key=lambda r: MATURITY_ORDER.index(r.maturity))
            continue
        own = [c for _, _, d in per for a, c in d if a == acc]
        dropped.append((acc, "variant" if routes else own[0]))
    backend = _pick(common, constraints)
    variants = tuple(
        VariantPlacement(
            v.id,
            v.name,
            v.soc,
            v.markets,
            backend,
            usable.get(backend) if backend else None,
            tuple(usable),
            tuple(d),
        )
        for v, usable, d in per
    )
    return Placement(backend, tuple(common.items()), tuple(dropped), variants)


def _pick(usable: dict[str, Route], constraints: Constraints) -> str | None:
    if constraints.npu == "required":
        return "npu" if "npu" in usable else None
    order = ("npu", "gpu", "cpu")
    if constraints.npu == "ignore" and constraints.battery != "minimize":
        order = ("gpu", "cpu", "npu")
    ranked = sorted(
        (acc for acc in order if acc in usable),
        key=lambda acc: MATURITY_ORDER.index(usable[acc].maturity),
    )
    return ranked[0] if ranked else None


def choose_backend(
    runtime: Runtime, device: Device, constraints: Constraints, quant: Quantization | None = None
) -> str | None:
    """The accelerator this runtime would use on this device, or None (see ``place``)."""
    return place(runtime, device, constraints, quant).backend
