"""Languages: every language the service needs must be one the model's card lists.

Passes when each service language is listed explicitly.
Fails when a language is not listed and the card makes no broader claim.
Unknown (blocking) when the card only claims "100+ languages" without listing the language: we do
not promise a language nobody has checked.
Example: Llama 3.2 1B for Korean and English fails: "Korean is not among the 8 languages its card
lists".
"""

from __future__ import annotations

from feasibility.schema import LANGUAGES
from feasibility.situation import Situation
from feasibility.verdict import Verdict

ID = "languages"


def _names(codes: list[str]) -> str:
    return ", ".join(LANGUAGES.get(c, c) for c in codes)


def check(s: Situation) -> Verdict:
    model = s.candidate.model
    missing = [code for code in s.service.languages if code not in model.languages]
    if not missing:
        return Verdict.passed(
            ID,
            f"card lists {_names(list(s.service.languages))}",
            languages=list(s.service.languages),
        )
    if model.languages_claim:
        return Verdict.unknown(
            ID,
            f"card claims {model.languages_claim} but does not list {_names(missing)}",
            blocking=True,
            missing=missing,
            claim=model.languages_claim,
        )
    listed = len(model.languages)
    return Verdict.failed(
        ID,
        f"{_names(missing)} not among the {listed} language{'s' if listed != 1 else ''} "
        "its card lists",
        missing=missing,
        listed=list(model.languages),
    )
