"""Decode speed: with ``min_decode_tps`` set, the estimated generation speed must reach it.

Passes when no minimum is set, or the estimate reaches it.
Fails when the estimate is below the minimum: "about 7.9 tokens/s, minimum is 10".
Unknown (non-blocking) when no speed can be estimated: the reason says why (the device's memory
bandwidth is not published, or there is no speed model for this backend); the report says so.
The shown speed follows the rounding policy in ``feasibility.units`` (a failing speed is never
shown at or above its minimum).
Example: an 8B model at Q4_K_M on a Raspberry Pi 5 fails a 10 tokens/s minimum.
"""

from __future__ import annotations

from feasibility.situation import Situation
from feasibility.units import rate
from feasibility.verdict import Verdict

ID = "decode-speed"


def rejects(tps: float | None, minimum: float | None) -> bool:
    """The rule's whole test: it fails only a known speed under a set minimum (screening judges
    thousands of builds per device with it; ``check`` words the same test)."""
    return tps is not None and minimum is not None and tps < minimum


def check(s: Situation) -> Verdict:
    tps = s.estimate.decode_tps
    minimum = s.constraints.min_decode_tps
    if tps is None:
        if s.target.device.memory_bandwidth_gbs is not None:
            return Verdict.unknown(
                ID,
                f"no speed estimate for the {s.backend or 'selected'} backend on this device",
                blocking=False,
                problem="no-speed-model",
                backend=s.backend or "",
                **({"minimum": minimum} if minimum is not None else {}),
            )
        if minimum is None:
            return Verdict.unknown(
                ID,
                "no speed estimate: the device's memory bandwidth is not published",
                blocking=False,
                problem="no-bandwidth",
            )
        return Verdict.unknown(
            ID,
            f"minimum is {minimum:g} tokens/s but the device's memory bandwidth is not "
            "published, so the speed cannot be estimated",
            blocking=False,
            problem="no-bandwidth",
            minimum=minimum,
        )
    if minimum is None:
        return Verdict.passed(ID, f"about {rate(tps):.1f} tokens/s (no minimum set)", tps=tps)
    shown = rate(tps, minimum)
    if rejects(tps, minimum):
        return Verdict.failed(
            ID, f"about {shown:.1f} tokens/s, minimum is {minimum:g}", tps=tps, minimum=minimum
        )
    return Verdict.passed(
        ID, f"about {shown:.1f} tokens/s, minimum is {minimum:g}", tps=tps, minimum=minimum
    )
