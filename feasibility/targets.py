"""Resolve device.yaml targets: presets, overrides, and the memory budget per target.

The budget is what the app may give the model in total. When the file does not set one, it is a
planning default per OS, derived from ``shared/reference/memory_limits.md`` (community-measured
per-app limits; no vendor publishes one): iOS/iPadOS 45% of RAM (jetsam limit without the
increased-memory entitlement), Android 40% of RAM below 12 GB and 50% from 12 GB (lmkd, foreground
app), macOS 65% (GPU working-set limit), Linux/Windows 75% (no per-app cap; MemAvailable minus
headroom). The report always states which basis applied.
"""

from __future__ import annotations

from dataclasses import dataclass

from feasibility.catalog import Catalog
from feasibility.errors import InputError, Problem, UnknownIdError
from feasibility.schema import Device, DeviceKind, Spec, TargetSpec
from feasibility.situation import Target
from feasibility.units import MIB, fmt_int, gb_to_bytes, nearest
from feasibility.verdict import BudgetRule, GapCode, ResolvedTarget

MEMORY_LIMITS_SOURCE = "shared/reference/memory_limits.md (planning defaults, re-check on device)"


def default_budget_fraction(os_name: str, ram_gb: float) -> tuple[float, BudgetRule, str]:
    """(share of RAM, rule id, why) of the planning default for this OS and RAM."""
    if os_name in ("ios", "ipados"):
        return 0.45, "ios", "iOS per-app (jetsam) limit without the increased-memory entitlement"
    if os_name == "android":
        if ram_gb >= 12:
            return 0.50, "android-large", "Android foreground app on a 12 GB+ device (lmkd)"
        return 0.40, "android-small", "Android foreground app below 12 GB (lmkd)"
    if os_name == "macos":
        return 0.65, "macos", "macOS GPU working-set limit for Metal"
    return 0.75, "other", "no per-app cap; available memory minus headroom"


_OVERRIDABLE = ("name", "kind", "os", "ram_gb", "memory_bandwidth_gbs", "accelerators", "npu")
_DEFAULT_KIND: dict[str, DeviceKind] = {
    "ios": "phone",
    "android": "phone",
    "ipados": "tablet",
    "macos": "laptop",
    "windows": "laptop",
    "linux": "sbc",
}


_PRESET_WORDS = (
    ("raspberry-pi", "rpi"),
    ("raspberrypi", "rpi"),
    ("samsung-", ""),
    ("google-", ""),
    ("apple-", ""),
    ("nvidia-", ""),
    ("_", "-"),
    (" ", "-"),
)


def _preset_hint(value: str, ids: list[str]) -> str:
    """Nearest preset id beyond edit distance: vendor words dropped, 'rpi-5' -> 'rpi-5-4gb'."""
    key = value.strip().lower()
    for old, new in _PRESET_WORDS:
        key = key.replace(old, new)
    hits = nearest(key, ids)
    if not hits:
        hits = sorted(i for i in ids if i.startswith(key + "-") or i.startswith(key))
    if not hits:
        return ""
    if len(hits) > 1:
        return "; did you mean one of " + ", ".join(f"'{h}'" for h in hits[:4]) + "?"
    return f"; did you mean '{hits[0]}'?"


def _renamed_for_ram(device: Device, preset_ram_gb: float | None, ram_gb: float) -> str:
    """The preset's (or chosen variant's) name with the device file's RAM: a preset named for its
    RAM ("MacBook Air (M2, 2022) 8GB") must not be reported with another size, in any report
    language."""
    label = f"{preset_ram_gb:g}GB" if preset_ram_gb else ""
    if label and device.name.count(label) == 1:
        return device.name.replace(label, f"{ram_gb:g}GB")
    return f"{device.name} ({ram_gb:g}GB)"


def _device_for(spec: TargetSpec, index: int, catalog: Catalog, source: str) -> tuple[Device, str]:
    path = f"targets[{index}]"
    if spec.preset is not None:
        try:
            base = catalog.device(spec.preset)
        except UnknownIdError as exc:
            message = exc.summary
            if "did you mean" not in message:
                hint = _preset_hint(spec.preset, list(catalog.devices))
                message = message.replace(f"'{spec.preset}'", f"'{spec.preset}'{hint}", 1)
            raise InputError(
                "is not valid", source=source, problems=(Problem(message, path=f"{path}.preset"),)
            ) from None
        update = {k: getattr(spec, k) for k in _OVERRIDABLE if getattr(spec, k) is not None}
        if update.get("os") not in (None, base.os):
            raise InputError(
                "is not valid",
                source=source,
                problems=(
                    Problem(
                        f"preset '{base.id}' runs {base.os}; a preset's OS cannot be changed "
                        "(describe the device with explicit fields instead)",
                        path=f"{path}.os",
                    ),
                ),
            )
        if "npu" in update and "accelerators" not in update:
            update["accelerators"] = tuple(sorted({*base.accelerators, "npu"}))
        device = _variant(base, spec, path, source)
        if "name" not in update and update.get("ram_gb") not in (None, base.ram_gb):
            update["name"] = _renamed_for_ram(device, base.ram_gb, update["ram_gb"])
        return device.model_copy(update=update), base.id
    assert spec.os is not None and spec.ram_gb is not None  # checked by TargetSpec
    accels = spec.accelerators or (("cpu", "gpu", "npu") if spec.npu else ("cpu", "gpu"))
    device = Device.model_construct(
        id=f"target-{index + 1}",
        name=spec.name or f"[Target device specs] #{index + 1}",
        vendor="",
        year=None,
        kind=spec.kind or _DEFAULT_KIND[spec.os],
        os=spec.os,
        os_version=None,
        os_version_shipped=None,
        soc="",
        ram_gb=spec.ram_gb,
        memory_bandwidth_gbs=spec.memory_bandwidth_gbs,
        accelerators=tuple(accels),
        gpu="",
        gpu_tflops_fp16=None,
        cpu_cores=None,
        npu=spec.npu,
        platform_models=(),
        sources=(),
        notes="described in the device file",
    )
    return device, ""


def _variant(base: Device, spec: TargetSpec, path: str, source: str) -> Device:
    """The preset as one named variant, or as is (then placement must serve every variant).

    A device sold with several chips stays one target: ``situation.place`` runs a build on each
    variant and keeps only accelerators every variant can use, so the plan covers every unit the
    target stands for. Naming a variant narrows the target to that chip.
    """
    if spec.variant is None:
        return base
    ids = [v.id for v in base.variants]
    chosen = next((v for v in base.variants if v.id == spec.variant), None)
    if chosen is None:
        known = ", ".join(f"'{i}'" for i in ids) if ids else "none (it ships with one chip)"
        raise InputError(
            "is not valid",
            source=source,
            problems=(
                Problem(
                    f"preset '{base.id}' has no variant '{spec.variant}'; its variants: {known}",
                    path=f"{path}.variant",
                ),
            ),
        )
    return base.as_variant(chosen)


def resolve(spec: Spec, catalog: Catalog, source: str) -> list[tuple[Target, ResolvedTarget]]:
    """Targets in file order, each with its effective device and budget.

    Raises:
        InputError: unknown preset, or a budget larger than the device's RAM.
    """
    out: list[tuple[Target, ResolvedTarget]] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, ts in enumerate(spec.targets):
        device, preset = _device_for(ts, i, catalog, source)
        if device.ram_gb is None:
            problems.append(
                Problem(
                    f"preset '{preset}' is a chip reference platform sold with several RAM sizes; "
                    "give the device's RAM with 'ram_gb' (e.g. ram_gb: 12)",
                    path=f"targets[{i}].ram_gb",
                )
            )
            continue
        budget = _budget(ts, spec, device, device.ram_gb, i)
        ram_bytes = gb_to_bytes(device.ram_gb)
        if budget.mb * MIB > ram_bytes:
            problems.append(
                Problem(
                    f"memory budget {fmt_int(budget.mb)} MB is more than {device.name}'s RAM "
                    f"({fmt_int(ram_bytes / MIB)} MB)",
                    path=budget.path,
                )
            )
            continue
        tid = preset or device.id
        if tid in seen:
            seen[tid] += 1
            tid = f"{tid}#{seen[tid]}"
        else:
            seen[tid] = 1
        os_version = ts.os_version or device.os_version
        target = Target(i, tid, device, os_version, budget.mb * MIB)
        out.append((target, _resolved(target, ts, preset, budget)))
    if problems:
        raise InputError("is not valid", source=source, problems=tuple(problems))
    return out


@dataclass(frozen=True)
class _Budget:
    """A target's memory budget and where it came from."""

    mb: int
    basis: str
    rule: BudgetRule
    fraction: float | None
    path: str
    """The device-file field that set it (empty: the planning default)."""


def _budget(ts: TargetSpec, spec: Spec, device: Device, ram_gb: float, i: int) -> _Budget:
    """The target's own budget, else the file's, else the planning default for its OS and RAM."""
    if ts.memory_budget_mb is not None:
        return _Budget(
            ts.memory_budget_mb,
            "set for this target in the device file",
            "target",
            None,
            f"targets[{i}].memory_budget_mb",
        )
    if spec.constraints.memory_budget_mb is not None:
        return _Budget(
            spec.constraints.memory_budget_mb,
            "set in the device file",
            "explicit",
            None,
            "constraints.memory_budget_mb",
        )
    frac, rule, why = default_budget_fraction(device.os, ram_gb)
    basis = f"planning default: {frac:.0%} of {ram_gb:g} GB RAM ({why})"
    return _Budget(int(gb_to_bytes(ram_gb) * frac / MIB), basis, rule, frac, "")


def _gaps(device: Device, os_version: str | None) -> tuple[list[str], list[GapCode]]:
    """Facts the catalog does not publish for this device, worded, with their codes."""
    gaps = []
    codes: list[GapCode] = []
    if device.memory_bandwidth_gbs is None:
        gaps.append("memory bandwidth not published: no speed estimate")
        codes.append("bandwidth")
    if device.npu is not None and device.npu.tops is None:
        gaps.append("NPU TOPS not published")
        codes.append("npu-tops")
    if os_version is None:
        gaps.append("OS version unknown: runtime minimum versions cannot be checked")
        codes.append("os-version")
    return gaps, codes


def _resolved(target: Target, ts: TargetSpec, preset: str, budget: _Budget) -> ResolvedTarget:
    """What reports say about a target: its device facts, budget, overrides and gaps."""
    device = target.device
    gaps, codes = _gaps(device, target.os_version)
    overridden = tuple(
        k
        for k in (*_OVERRIDABLE, "os_version", "memory_budget_mb")
        if preset and getattr(ts, k) is not None
    )
    return ResolvedTarget(
        index=target.index,
        id=target.id,
        name=device.name,
        kind=device.kind,
        os=device.os,
        os_version=target.os_version,
        ram_gb=device.ram_gb,
        memory_bandwidth_gbs=device.memory_bandwidth_gbs,
        accelerators=tuple(device.accelerators),
        npu=device.npu.name if device.npu else None,
        npu_vendor=device.npu.vendor if device.npu else None,
        npu_tops=device.npu.tops if device.npu else None,
        budget_mb=budget.mb,
        budget_basis=budget.basis,
        budget_rule=budget.rule,
        budget_fraction=budget.fraction,
        preset=preset or None,
        overridden=overridden,
        platform_models=tuple(device.platform_models),
        gaps=tuple(gaps),
        gap_codes=tuple(codes),
        sources=tuple(device.sources),
    )
