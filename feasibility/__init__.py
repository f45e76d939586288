"""feasibility: which small language model can we ship on this device, and how do we build it?

Public API (imported lazily so that ``import feasibility`` stays cheap)::

    import feasibility
    result = feasibility.check("device.yaml")          # or a dict, or a Spec
    for rec in result.recommendations:
        print(rec.model, rec.quantization, rec.runtime, rec.memory.total_mb)
    est = feasibility.estimate("qwen2.5-1.5b-instruct", "Q4_K_M", context_tokens=4096)
    catalog = feasibility.load_catalog(extra="my-models.yaml")

Every expected failure raises :class:`FeasibilityError` (``InputError`` for bad input,
``CatalogError`` for a bad catalog overlay); the library never prints or exits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from feasibility.errors import CatalogError, FeasibilityError, InputError, UnknownIdError

__version__ = "0.1.0"

__all__ = [
    "Assessment",
    "CatalogError",
    "Estimate",
    "FeasibilityError",
    "InputError",
    "Spec",
    "UnknownIdError",
    "__version__",
    "check",
    "estimate",
    "load_catalog",
    "render",
]

if TYPE_CHECKING:
    from feasibility.api import check, estimate
    from feasibility.catalog import load_catalog
    from feasibility.estimator import Estimate
    from feasibility.report import render
    from feasibility.schema import Spec
    from feasibility.verdict import Assessment

_LAZY = {
    "check": "feasibility.api",
    "estimate": "feasibility.api",
    "load_catalog": "feasibility.catalog",
    "render": "feasibility.report",
    "Spec": "feasibility.schema",
    "Assessment": "feasibility.verdict",
    "Estimate": "feasibility.estimator",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'feasibility' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
