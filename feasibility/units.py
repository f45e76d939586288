"""Units and number formatting: the only place conversions and rounding live.

Bytes are ``int`` internally. "MB" in user-facing text is MiB-based (1 MB = 2**20 bytes), the unit
device memory budgets and llama.cpp's buffer logs use; marketed RAM ("8 GB") is binary too. Every
formatter here is deterministic and locale-independent.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

MIB = 1024**2
GIB = 1024**3


def gb_to_bytes(n_gb: float) -> int:
    """Device RAM as marketed (``8 GB``) is binary: 8 GiB of DRAM."""
    return round(n_gb * GIB)


def fmt_int(n: float) -> str:
    """Thousands separators, no locale: ``2431`` -> ``2,431``."""
    return f"{round(n):,}"


def fmt_params(params: int) -> str:
    """Parameters as teams say them: ``1.54B``, ``360M``."""
    if params >= 10**9:
        return f"{params / 1e9:.2f}B"
    return f"{params / 1e6:.0f}M"


def nearest(value: str, choices: Iterable[str], n: int = 1) -> list[str]:
    """Nearest valid spellings, for "did you mean" suggestions (deterministic order)."""
    pool = sorted(set(choices))
    norm = {c.lower().replace("_", "-").replace(" ", "-"): c for c in pool}
    key = value.lower().replace("_", "-").replace(" ", "-")
    if key in norm:
        return [norm[key]]
    squashed = {c.replace("-", "").replace(".", ""): c for c in norm}
    skey = key.replace("-", "").replace(".", "")
    if skey in squashed:
        return [norm[squashed[skey]]]
    hits = difflib.get_close_matches(key, list(norm), n=n, cutoff=0.6)
    return [norm[h] for h in hits]


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    hits = nearest(value, choices)
    return f"; did you mean '{hits[0]}'?" if hits else ""
