"""JSON: the contract other tools read. Keys are stable (added to, never renamed).

Serialized by pydantic in field-declaration order (dict fields are built sorted by the engine), so
the bytes depend only on the assessment; ``schema_version`` changes when the shape does. Reasons
are in English whatever ``lang`` is: tools match on them, and ``evidence`` carries the values.
"""

from __future__ import annotations

from feasibility.verdict import Assessment


def render(assessment: Assessment, lang: str = "en") -> str:
    return assessment.model_dump_json(indent=2) + "\n"
