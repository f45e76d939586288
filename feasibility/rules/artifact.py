"""Artifact: a build of this model for this runtime and quantization exists or can be made.

Reads the catalog's artifacts (``data/artifacts.yaml``, ``Catalog.artifact``): *published* (an
exact repository or bundle), *convertible* (the runtime's own tooling converts the model), or
*unsupported* (no build can be made, for example a Genie bundle for a model that is not in
Qualcomm AI Hub's model list, or an ExecuTorch-QNN decoder its script does not define).
Passes when published or convertible; the reason names the repository of a published build.
Fails when unsupported, with the catalog's reason.
Example: Genie for granite-3.3-2b-instruct fails: AI Hub exports no Genie bundle for it.
"""

from __future__ import annotations

from feasibility.situation import Situation
from feasibility.verdict import Verdict

ID = "artifact"


def check(s: Situation) -> Verdict:
    c = s.candidate
    art = c.artifact
    if art is None or art.status == "convertible":
        return Verdict.passed(
            ID,
            f"{c.runtime.name}'s own tooling converts {c.model.id} to {c.quant.id}",
            status="convertible",
            runtime=c.runtime.id,
        )
    if art.status == "published":
        return Verdict.passed(
            ID,
            f"{c.model.id} is published for {c.runtime.name}"
            + (f" at {art.repo}" if art.repo else " by its maker or AI Hub"),
            status="published",
            repo=art.repo or "",
            runtime=c.runtime.id,
        )
    return Verdict.failed(
        ID,
        f"no {c.runtime.name} build of {c.model.id} can be made: {art.reason}",
        status="unsupported",
        runtime=c.runtime.id,
        why=art.reason,
    )
