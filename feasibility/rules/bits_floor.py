"""Bits floor: with ``constraints.min_bits`` a build must keep at least that many bits per weight.

Passes when no floor is given or the build's whole-model bits per weight (published, else from
its group layout; ``scoring.effective_bpw``) reach it. Fails below it: a team that measured its
task collapsing under some precision raises the floor instead of trusting a generic curve.
Example: ``min_bits: 5`` keeps Q4_K_M (4.89 bits per weight) out and admits Q5_K_M (5.70).
"""

from __future__ import annotations

from feasibility.scoring import effective_bpw
from feasibility.situation import Situation
from feasibility.verdict import Verdict

ID = "bits-floor"


def check(s: Situation) -> Verdict:
    floor = s.constraints.min_bits
    quant = s.candidate.quant
    bpw = round(effective_bpw(quant), 2)
    if floor is None:
        return Verdict.passed(ID, "no bits-per-weight floor given", bpw=bpw, quantization=quant.id)
    if bpw >= floor:
        return Verdict.passed(
            ID,
            f"{quant.id} keeps {bpw:g} bits per weight (floor {floor:g})",
            bpw=bpw,
            floor=floor,
            quantization=quant.id,
        )
    return Verdict.failed(
        ID,
        f"{quant.id} keeps {bpw:g} bits per weight, under the floor of {floor:g}",
        bpw=bpw,
        floor=floor,
        quantization=quant.id,
    )
