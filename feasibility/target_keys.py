"""What the evaluator's caches may read of a target, and the small numbers their keys hash.

Every cache of :class:`feasibility.evaluator.Evaluator` that depends on the target is keyed by
one of three lists of device facts, kept here and nowhere else: the placement inputs, the
artifact inputs and the speed inputs. ``tests/test_evaluator.py`` reads the rules', the
placement's and the estimator's source for every device field they touch and fails when one is
missing from these lists: adding a rule input cannot silently make a cache answer for the wrong
device.

Why interning: a fleet asks for the keys of the same target for every candidate, and a tuple of
facts (some of them nested catalog objects) is slow to hash. Equal facts get an equal small
number once per device object, and cache lookups hash that number.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pydantic import BaseModel

from feasibility.schema import Device
from feasibility.situation import Target

PLACEMENT_INPUTS = (
    "os",
    "accelerators",
    "gpu",
    "gpu_vendor",
    "npu",
    "cpu_arch",
    "cpu_vendor",
    "variants",
)
"""Device facts the placement rules and ``situation.place`` read (with the target's OS version).
Placement is cached per runtime, quantization and model (the artifact rule reads the model's
artifact and size), and these facts."""

ARTIFACT_INPUTS = ("ram_gb",)
"""Device facts the artifact rule reads (the runtime maker's RAM guidance); it is cached per build
and these, apart from placement, so devices that differ in RAM still share their placement."""

SPEED_INPUTS = (
    "memory_bandwidth_gbs",
    "gpu",
    "gpu_tflops_fp16",
    "npu",
    "soc",
    "cpu_cores",
    "cpu_clusters",
    "cpu_isa",
    "speed_calibration",
    "kind",
)
"""Device facts the estimator and the estimate-level rules read."""


def facts(device: Device, names: tuple[str, ...]) -> tuple[Any, ...]:
    """The named fields as a hashable key (nested catalog objects as canonical JSON)."""
    return tuple(_hashable(getattr(device, n)) for n in names)


def _hashable(v: Any) -> Any:
    if isinstance(v, BaseModel):
        return json.dumps(v.model_dump(mode="json"), sort_keys=True)
    if isinstance(v, tuple):
        return tuple(_hashable(x) for x in v)
    return v


def placement_inputs(target: Target) -> tuple[Any, ...]:
    """What placement-level rules may read of a target: its OS version and device facts."""
    return (target.os_version, *facts(target.device, PLACEMENT_INPUTS))


def speed_inputs(device: Device) -> tuple[Any, ...]:
    """What the estimate and estimate-level rules may read of a device."""
    return facts(device, SPEED_INPUTS)


class TargetKeys(NamedTuple):
    """A target's cache keys: its placement, speed and artifact inputs, each interned (equal
    facts, equal number). A tuple, so that cache keys holding it hash without Python code."""

    placement: int
    speed: int
    artifact: int


@dataclass
class KeyRing:
    """Computes and interns targets' keys, once per device object and OS version."""

    _interned: dict[tuple[Any, ...], int] = field(default_factory=dict)
    _by_device: dict[tuple[int, str | None], tuple[Device, TargetKeys]] = field(
        default_factory=dict
    )
    _last: tuple[Target, TargetKeys] | None = None

    def of(self, target: Target) -> TargetKeys:
        """The target's keys (targets that differ only in budget share them). The device is kept
        with them, so its id cannot be reused while they are cached."""
        last = self._last
        if last is not None and last[0] is target:
            return last[1]
        device = target.device
        slot = (id(device), target.os_version)
        hit = self._by_device.get(slot)
        if hit is None or hit[0] is not device:
            keys = TargetKeys(
                self._intern(("placement", *placement_inputs(target))),
                self._intern(("speed", *speed_inputs(device))),
                self._intern(("artifact", *facts(device, ARTIFACT_INPUTS))),
            )
            hit = self._by_device[slot] = (device, keys)
        self._last = (target, hit[1])
        return hit[1]

    def _intern(self, key: tuple[Any, ...]) -> int:
        """A small number per distinct fact tuple: cache keys hash it instead of the facts."""
        return self._interned.setdefault(key, len(self._interned))
