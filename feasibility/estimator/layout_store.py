"""GGUF layout figures kept between runs, so a fresh process does not rebuild hundreds of layouts.

Why: a ``feasibility check`` builds the llama-quantize tensor layout of every (model, GGUF type)
it considers, a few hundred per run, and that is most of a cold run's time. The figures a layout
yields depend only on the architecture, the file type, whether an importance matrix is assumed and
this package's code, so each entry is keyed on the first three, and the file on the package
version and the bytes of every module the layout computation imports
(:data:`feasibility.disk_cache.SOURCES`: ``ggml.py``, ``gguf.py``, ``speed.py``'s type classes,
``schema``'s properties, ...), so a change to any of them starts a fresh store. The tensor list
itself is not stored; it is rebuilt on demand. Results are identical with or without the store (a
test compares them).

I/O happens only in :func:`load` and :func:`save`, which the catalog loader calls (load at first
use, save at interpreter exit); the estimator itself only reads and fills the in-memory table.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
from pathlib import Path
from typing import Any

from feasibility import disk_cache
from feasibility.estimator.gguf import ASSUME_IMATRIX, GgufLayout, build_layout
from feasibility.schema import Architecture

_FIELDS = (
    "n_tensors",
    "tensor_bytes",
    "metadata_bytes",
    "token_embd_bytes",
    "tied",
    "inactive_expert_bytes",
    "offloadable_bytes",
    "bytes_by_type",
    "read_bytes_by_class",
    "matmul_params_by_class",
    "opencl_fallback_runs",
    "opencl_fallback_bytes_by_class",
    "unloaded_bytes",
)

_table: dict[str, dict[str, Any]] = {}
_added = False
_path: Path | None = None
_keys: dict[int, tuple[Architecture, str]] = {}


def _arch_key(a: Architecture) -> str:
    hit = _keys.get(id(a))
    if hit is not None and hit[0] is a:
        return hit[1]
    digest = hashlib.sha256(a.model_dump_json().encode()).hexdigest()[:24]
    _keys[id(a)] = (a, digest)
    return digest


def layout(a: Architecture, ftype: str, imatrix: bool = ASSUME_IMATRIX) -> GgufLayout:
    """``build_layout(a, ftype, imatrix)``, served from the store when it has the figures."""
    global _added
    key = f"{_arch_key(a)}:{ftype}" + ("" if imatrix else ":static")
    row = _table.get(key)
    if row is not None:
        try:
            return GgufLayout(stamp=lambda: build_layout(a, ftype, imatrix).tensors, **row)
        except TypeError:  # a damaged or foreign entry: rebuild it
            pass
    lay = build_layout(a, ftype, imatrix)
    _table[key] = {f: getattr(lay, f) for f in _FIELDS}
    _added = True
    return lay


def load() -> None:
    """Read the stored figures once per process and save new ones at exit (caching off: no-op)."""
    global _path
    if _path is not None:
        return
    _path = disk_cache.cache_file(disk_cache.GGUF_LAYOUTS)
    if _path is None:
        return
    with contextlib.suppress(OSError, ValueError):
        data = json.loads(_path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            for k, v in data.items():
                if isinstance(v, dict) and set(v) == set(_FIELDS):
                    _table.setdefault(k, v)
    atexit.register(save)


def save() -> None:
    """Write the table if this process added figures (atomically; failures only cost time)."""
    global _added
    if _path is None or not _added:
        return
    disk_cache.write_atomically(disk_cache.GGUF_LAYOUTS, _path, json.dumps(_table, sort_keys=True))
    _added = False
