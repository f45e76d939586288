"""Memory and speed estimates from architecture and format mechanics (see ``core``)."""

from feasibility.estimate.core import Estimate, estimate

__all__ = ["Estimate", "estimate"]
