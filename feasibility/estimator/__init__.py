"""Memory and speed estimates from architecture and format mechanics (see ``core``)."""

from feasibility.estimator.core import (
    Estimate,
    estimate,
    floor_bytes,
    on_device,
    replaced,
    weights_floor,
)

__all__ = ["Estimate", "estimate", "floor_bytes", "on_device", "replaced", "weights_floor"]
