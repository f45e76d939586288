"""On-disk caches: where they live, and the key that keeps a stale entry from being read.

Why a key over sources: a cached value is the output of some code run on some data. If the code
changes and the key does not, a warm cache keeps serving the old answer and every test still
passes (this happened when the GGUF layout store was keyed on three of the files its figures
depend on). So each cache's key hashes the package version and the bytes of every module the
cached computation imports, and :data:`SOURCES` lists those modules in this one place. A test
imports each cache's module in a fresh interpreter and checks that every ``feasibility`` module
it pulls in is listed, so the list cannot silently fall behind the imports.

Location: ``FEASIBILITY_CACHE_DIR`` (an empty value disables every cache), else
``$XDG_CACHE_HOME/feasibility``, else ``~/.cache/feasibility``. Deleting the folder is always
safe: a missing, damaged or unwritable cache only costs time, never changes an answer.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from pathlib import Path

CATALOG = "catalog"
GGUF_LAYOUTS = "gguf-layouts"

_SCHEMA = tuple(sorted(f"schema/{p.name}" for p in (Path(__file__).parent / "schema").glob("*.py")))
"""Every schema module: a module added to the package joins the keys without a list to edit."""
_ESTIMATOR = tuple(
    sorted(f"estimator/{p.name}" for p in (Path(__file__).parent / "estimator").glob("*.py"))
)
"""Every estimator module (the layout cache's values come from them)."""
_CATALOG_SOURCES = (
    "__init__.py",
    "catalog.py",
    "disk_cache.py",
    "errors.py",
    "loader.py",
    *_SCHEMA,
    "units.py",
)
SOURCES: dict[str, tuple[str, ...]] = {
    CATALOG: _CATALOG_SOURCES,
    GGUF_LAYOUTS: (
        "__init__.py",
        "arch.py",
        "disk_cache.py",
        "errors.py",
        *_SCHEMA,
        "units.py",
        *_ESTIMATOR,
    ),
}
"""Per cache, the package files (relative to ``feasibility/``) whose bytes feed its values."""

MODULES: dict[str, str] = {
    CATALOG: "feasibility.catalog",
    GGUF_LAYOUTS: "feasibility.estimator.layout_store",
}
"""Per cache, the module whose import closure :data:`SOURCES` must cover (checked by a test)."""

PACKAGE_ROOT = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """The folder every cache lives in, or None when ``FEASIBILITY_CACHE_DIR`` is empty."""
    env = os.environ.get("FEASIBILITY_CACHE_DIR")
    if env is not None:
        return Path(env) if env else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    root = Path(xdg) if xdg else Path.home() / ".cache"
    return root / "feasibility"


def source_key(cache: str, root: Path = PACKAGE_ROOT) -> str:
    """Hash of the package version and of every source file that feeds ``cache``."""
    return _source_key(cache, str(root))


@functools.cache
def _source_key(cache: str, root: str) -> str:
    from feasibility import __version__

    h = hashlib.sha256(f"{cache}\0{__version__}\0".encode())
    for rel in SOURCES[cache]:
        h.update(f"{rel}\0".encode())
        h.update((Path(root) / rel).read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:16]


def cache_file(cache: str, *parts: str, suffix: str = ".json") -> Path | None:
    """``<cache dir>/<cache>-<source key>[-<part>...]<suffix>``, or None when caching is off."""
    folder = cache_dir()
    if folder is None:
        return None
    name = "-".join((cache, source_key(cache), *parts))
    return folder / f"{name}{suffix}"


STALE_AFTER_S = 7 * 24 * 3600
"""Entries under another key are deleted once they are this old (see :func:`write_atomically`)."""


def write_atomically(cache: str, path: Path, content: str | bytes) -> None:
    """Write ``path`` whole or not at all, and drop this cache's old entries under other keys.

    An entry under another key was written by other code: an older release, an edited checkout,
    or another installed version sharing the folder. Deleting it at once would make two versions
    in use side by side delete each other's entries on every run, so only entries unwritten for
    :data:`STALE_AFTER_S` go. Failures are ignored: a cache only saves time.
    """
    import time

    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        if isinstance(content, bytes):
            tmp.write_bytes(content)
        else:
            tmp.write_text(content, encoding="utf-8")
        os.replace(tmp, path)
        current = f"{cache}-{source_key(cache)}"
        cutoff = time.time() - STALE_AFTER_S
        for old in path.parent.glob(f"{cache}-*{path.suffix}"):
            if not old.name.startswith(current) and old.stat().st_mtime < cutoff:
                old.unlink(missing_ok=True)
