"""Units and number formatting: the only place conversions and rounding live.

Bytes are ``int`` internally. "MB" in user-facing text is MiB-based (1 MB = 2**20 bytes), the unit
device memory budgets and llama.cpp's buffer logs use; marketed RAM ("8 GB") is binary too. Every
formatter here is deterministic and locale-independent.
"""

from __future__ import annotations

import difflib
import math
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
    """Parameters as teams say them: ``1.54B``, ``360M`` (``999.6M`` is ``1.00B``, never
    ``1000M``)."""
    if round(params / 1e6) >= 1000:
        return f"{params / 1e9:.2f}B"
    return f"{params / 1e6:.0f}M"


# -- the rounding policy ---------------------------------------------------------------------
# A shown figure must never contradict the verdict it explains: a need rounds up, a budget or
# limit rounds down, and a rate compared with a minimum rounds away from the minimum on the side
# of the verdict. Budgets are whole MB (MiB) internally, so ``need_mb(n) <= budget_mb`` exactly
# when ``n <= budget_bytes``.


def need_mb(n_bytes: int) -> int:
    """What something needs, in whole MB, rounded up (2,266.2 MB needed is shown as 2,267)."""
    return -(-n_bytes // MIB)


def limit_mb(n_bytes: int) -> int:
    """A budget or limit in whole MB, rounded down."""
    return n_bytes // MIB


def rate(tps: float, minimum: float | None = None) -> float:
    """A speed to one decimal; next to a minimum, on the same side of it as the exact value."""
    shown = round(tps, 1)
    if minimum is None:
        return shown
    if tps < minimum <= shown:
        return math.floor(tps * 10) / 10
    if shown < minimum <= tps:
        return math.ceil(tps * 10) / 10
    return shown


def rate_floor(tps: float) -> float:
    """The largest one-decimal minimum that ``tps`` still reaches (for "a minimum of X would
    admit"): ``tps >= rate_floor(tps)`` always holds."""
    x = math.floor(tps * 10) / 10
    while x > tps:  # float error in tps * 10
        x = round(x - 0.1, 1)
    return x


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
