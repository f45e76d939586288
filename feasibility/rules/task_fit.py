"""Task fit (advisory): are the service's tasks among the uses the model's card names?

Never rejects a candidate: small models do many tasks their cards do not list. Passes when every
task is named; otherwise unknown (non-blocking), and the scoring gives less credit.
Example: a card naming "chat, code" for a summarization service: "card does not name
summarization".
"""

from __future__ import annotations

from feasibility.situation import Situation
from feasibility.verdict import Verdict

ID = "task-fit"


def check(s: Situation) -> Verdict:
    strengths = s.candidate.model.strengths
    missing = [t for t in s.service.tasks if t not in strengths]
    if not missing:
        return Verdict.passed(
            ID, f"card names {', '.join(s.service.tasks)}", tasks=list(s.service.tasks)
        )
    return Verdict.unknown(
        ID,
        f"card does not name {', '.join(missing)} among its intended uses",
        blocking=False,
        missing=missing,
    )
