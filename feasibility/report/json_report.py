"""JSON: the contract other tools read. Keys are stable (added to, never renamed).

``json.dumps(..., indent=2, sort_keys=True, ensure_ascii=False)`` + newline, so the bytes depend
only on the assessment. Reasons are in English whatever ``lang`` is: tools match on them.
"""

from __future__ import annotations

import json

from feasibility.verdict import Assessment


def render(assessment: Assessment, lang: str = "en") -> str:
    data = assessment.model_dump(mode="json")
    data["schema"] = 1
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
