"""License: with ``license: commercial`` the model's licence must allow commercial use.

Passes when the licence allows commercial use, or allows it under conditions (the reason names
them, e.g. Llama's 700M monthly-user threshold), or when the constraint is ``any``.
Fails for non-commercial / research-only licences under ``license: commercial``.
Example: EXAONE 3.5 (EXAONE AI Model License 1.1 - NC) fails for a commercial service.
"""

from __future__ import annotations

from feasibility.situation import Situation
from feasibility.verdict import Verdict

ID = "license"


def check(s: Situation) -> Verdict:
    lic = s.candidate.license
    if s.constraints.license == "any":
        return Verdict.passed(
            ID,
            f"{lic.name}: no licence constraint given",
            license=lic.id,
            commercial=lic.commercial,
        )
    if lic.commercial == "yes":
        return Verdict.passed(
            ID, f"{lic.name} allows commercial use", license=lic.id, commercial=lic.commercial
        )
    if lic.commercial == "conditional":
        cond = f" ({lic.conditions})" if lic.conditions else ""
        return Verdict.passed(
            ID,
            f"{lic.name} allows commercial use with conditions{cond}",
            license=lic.id,
            commercial=lic.commercial,
        )
    return Verdict.failed(
        ID, f"{lic.name} does not allow commercial use", license=lic.id, commercial=lic.commercial
    )
