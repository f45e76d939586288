"""GGUF layout figures kept between runs, so a fresh process does not rebuild hundreds of layouts.

Why: a ``feasibility check`` builds the llama-quantize tensor layout of every (model, GGUF type)
it considers, a few hundred per run, and that is most of a cold run's time. The figures a layout
yields depend only on the architecture, the file type and this package's layout code, so they are
stored under a key hashing exactly those (the code hash covers ``ggml.py``, ``gguf.py`` and
``speed.py``, whose kernel classes and OpenCL type list the layout tallies: a change to the rules
invalidates every entry). The tensor list itself is not stored; it is rebuilt on
demand. Results are identical with or without the store (a test compares them).

I/O happens only in :func:`load` and :func:`save`, which the catalog loader calls (load at first
use, save at interpreter exit); the estimator itself only reads and fills the in-memory table.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from feasibility.estimator.gguf import GgufLayout, build_layout
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
)

_table: dict[str, dict[str, Any]] = {}
_added = False
_path: Path | None = None
_keys: dict[int, tuple[Architecture, str]] = {}


def code_hash() -> str:
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in ("ggml.py", "gguf.py", "speed.py", "layout_store.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()[:16]


def store_path(folder: Path) -> Path:
    return folder / f"gguf-layouts-{code_hash()}.json"


def _arch_key(a: Architecture) -> str:
    hit = _keys.get(id(a))
    if hit is not None and hit[0] is a:
        return hit[1]
    digest = hashlib.sha256(a.model_dump_json().encode()).hexdigest()[:24]
    _keys[id(a)] = (a, digest)
    return digest


def layout(a: Architecture, ftype: str) -> GgufLayout:
    """``build_layout(a, ftype)``, served from the store when it has the figures."""
    global _added
    key = f"{_arch_key(a)}:{ftype}"
    row = _table.get(key)
    if row is not None:
        try:
            return GgufLayout(stamp=lambda: build_layout(a, ftype).tensors, **row)
        except TypeError:  # a damaged or foreign entry: rebuild it
            pass
    lay = build_layout(a, ftype)
    _table[key] = {f: getattr(lay, f) for f in _FIELDS}
    _added = True
    return lay


def load(folder: Path | None) -> None:
    """Read the stored figures once per process and save new ones at exit (no folder: no-op)."""
    global _path
    if folder is None or _path is not None:
        return
    _path = store_path(folder)
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
    with contextlib.suppress(OSError):
        _path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(_table, sort_keys=True), encoding="utf-8")
        os.replace(tmp, _path)
        _added = False
