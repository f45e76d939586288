"""Languages: every language the service needs must be one the model's maker lists.

Passes when each service language is listed explicitly by the maker (card, release blog or
technical report; the catalog records which in ``languages_source``).
Fails when a language is not listed and the maker makes no broader claim.
Unknown (blocking) when the maker only claims "100+ languages" without listing the language: we do
not promise a language nobody has checked.
Example: Llama 3.2 1B for Korean and English fails: "Korean is not among the 8 languages its maker
lists"; Qwen3 passes for Korean because its release blog lists Korean among its 119 languages.
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
    list_source = model.languages_source or model.sources[0]
    missing = [code for code in s.service.languages if code not in model.languages]
    if not missing:
        return Verdict.passed(
            ID,
            f"its maker lists {_names(list(s.service.languages))}",
            languages=list(s.service.languages),
            list_source=list_source,
        )
    if model.languages_claim:
        return Verdict.unknown(
            ID,
            f"its maker claims {model.languages_claim} but does not list {_names(missing)}",
            blocking=True,
            missing=missing,
            claim=model.languages_claim,
            list_source=list_source,
        )
    listed = len(model.languages)
    return Verdict.failed(
        ID,
        f"{_names(missing)} not among the {listed} language{'s' if listed != 1 else ''} "
        "its maker lists",
        missing=missing,
        listed=list(model.languages),
        list_source=list_source,
    )
