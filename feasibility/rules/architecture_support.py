"""Architecture support: the runtime must know the model's architecture.

Passes when the model's HF ``model_type`` is in the runtime's supported list.
Fails otherwise, naming the architecture.
Example: a Gemma 3n model on a runtime whose list lacks ``gemma3n`` fails.
"""

from __future__ import annotations

from feasibility.situation import Situation
from feasibility.verdict import Verdict

ID = "architecture-support"


def check(s: Situation) -> Verdict:
    arch = s.candidate.model.architecture.type
    rt = s.candidate.runtime
    if arch in rt.architectures or "*" in rt.architectures:
        return Verdict.passed(
            ID, f"{rt.name} supports the {arch} architecture", runtime=rt.id, architecture=arch
        )
    return Verdict.failed(
        ID, f"{rt.name} does not support the {arch} architecture", runtime=rt.id, architecture=arch
    )
