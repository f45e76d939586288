"""Shared vocabulary and field types of every schema: OS names, tasks, languages, ids, sources.

Why one module: the catalog schema and the device.yaml schema validate the same vocabulary
(a task a service asks for is a task a model claims), so both import it from here.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

MAX_PARAMS = 14_000_000_000
"""Nothing above 14B parameters belongs in the catalog or a recommendation."""

OsName = Literal["ios", "ipados", "android", "macos", "linux", "windows"]
OS_NAMES: tuple[str, ...] = ("android", "ios", "ipados", "linux", "macos", "windows")
OS_LABELS: dict[str, str] = {
    "android": "Android",
    "ios": "iOS",
    "ipados": "iPadOS",
    "linux": "Linux",
    "macos": "macOS",
    "windows": "Windows",
}
"""How each OS is written (the same in every report language)."""
Accelerator = Literal["cpu", "gpu", "npu"]
ACCELERATORS: tuple[str, ...] = ("cpu", "gpu", "npu")
DeviceKind = Literal["phone", "tablet", "laptop", "desktop", "sbc", "devkit", "reference"]
Commercial = Literal["yes", "conditional", "no"]
Verification = Literal["A", "B", "C"]

TASKS: tuple[str, ...] = (
    "chat",
    "classification",
    "code",
    "extraction",
    "function-calling",
    "math",
    "qa",
    "reasoning",
    "rewriting",
    "summarization",
    "translation",
)
"""Service tasks a device.yaml may ask for, and model strengths the catalog may claim."""

# ISO 639-1 codes the catalog and device files may use (the languages small models' cards list).
LANGUAGES: dict[str, str] = {
    "ar": "Arabic",
    "bn": "Bengali",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "he": "Hebrew",
    "hi": "Hindi",
    "hu": "Hungarian",
    "id": "Indonesian",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "ms": "Malay",
    "nl": "Dutch",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sv": "Swedish",
    "sw": "Swahili",
    "th": "Thai",
    "tl": "Tagalog",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "vi": "Vietnamese",
    "zh": "Chinese",
}

_ID = r"^[a-z0-9][a-z0-9._-]*$"
_URL = re.compile(r"^https?://\S+$")

Id = Annotated[str, Field(pattern=_ID, min_length=1, max_length=80)]
PositiveInt = Annotated[int, Field(gt=0)]
NonNegInt = Annotated[int, Field(ge=0)]
PositiveFloat = Annotated[float, Field(gt=0)]


class Strict(BaseModel):
    """Base: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)


def check_sources(v: tuple[str, ...]) -> tuple[str, ...]:
    if not v:
        raise ValueError("at least one source URL is required")
    for url in v:
        if not _URL.match(url):
            raise ValueError(f"not a URL: {url!r}")
    return v


# Common mistakes edit distance would not catch (country codes, ISO 639-2, names, verbs).
_LANGUAGE_ALIASES: dict[str, str] = {
    "kr": "ko",
    "kor": "ko",
    "jp": "ja",
    "jpn": "ja",
    "cn": "zh",
    "zho": "zh",
    "chi": "zh",
    "zh-cn": "zh",
    "zh-tw": "zh",
    "zh-hans": "zh",
    "zh-hant": "zh",
    "eng": "en",
    "en-us": "en",
    "en-gb": "en",
    "ger": "de",
    "deu": "de",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
    "es-mx": "es",
    "pt-br": "pt",
    "gr": "el",
    "dk": "da",
    "se": "sv",
    "ua": "uk",
    "cz": "cs",
    "vn": "vi",
    "iw": "he",
    "in": "id",
    "nb": "no",
    "nn": "no",
    "fil": "tl",
    "rus": "ru",
    "ita": "it",
}
_TASK_ALIASES: dict[str, str] = {
    "summarize": "summarization",
    "summary": "summarization",
    "summarisation": "summarization",
    "translate": "translation",
    "classify": "classification",
    "extract": "extraction",
    "tool-calling": "function-calling",
    "tools": "function-calling",
    "tool-use": "function-calling",
    "coding": "code",
    "question-answering": "qa",
    "rewrite": "rewriting",
    "reason": "reasoning",
    "conversation": "chat",
    "assistant": "chat",
}


def _suggest(value: str, choices: tuple[str, ...] | dict[str, str], aliases: dict[str, str]) -> str:
    from feasibility.units import did_you_mean

    key = value.strip().lower().replace("_", "-")
    if key in aliases:
        return f"; did you mean '{aliases[key]}'?"
    if isinstance(choices, dict):
        names = {name.lower(): code for code, name in choices.items()}
        if key in names:
            return f"; did you mean '{names[key]}'?"
    return did_you_mean(value, choices)


def _check_language(code: str) -> str:
    if code not in LANGUAGES:
        raise ValueError(
            f"unknown language code {code!r} (ISO 639-1 expected)"
            f"{_suggest(code, LANGUAGES, _LANGUAGE_ALIASES)}"
        )
    return code


def _check_task(t: str) -> str:
    if t not in TASKS:
        hint = _suggest(t, TASKS, _TASK_ALIASES) or f"; known tasks: {', '.join(TASKS)}"
        raise ValueError(f"unknown task {t!r}{hint}")
    return t


def _sorted_unique(v: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(v)))


Sources = Annotated[tuple[str, ...], AfterValidator(check_sources)]

SourceTier = Literal["maker", "reference", "other"]
SOURCE_TIERS: tuple[str, ...] = ("maker", "reference", "other")
"""Who published a cited page: the model's or device's maker (its card, config, spec page,
report), a reputable reference (an encyclopedia, an independent reviewer, an established
open-source implementation), or anything else (news, leaks). Reports and tests rank them."""


def split_source_tiers(data: object) -> object:
    """Accept ``sources`` entries as ``{url, tier}`` mappings or plain URLs.

    The URLs stay in ``sources`` (what reports cite) and the tiers go to ``source_tiers``, index
    for index. A plain URL string counts as tier "other", so an overlay written before tiers
    existed still loads, but never counts as a maker or reference source.
    """
    if not isinstance(data, dict) or "source_tiers" in data:
        return data
    raw = data.get("sources")
    if not isinstance(raw, (list, tuple)):
        return data
    urls: list[object] = []
    tiers: list[str] = []
    for i, item in enumerate(raw):
        if isinstance(item, dict):
            unknown = set(item) - {"url", "tier"}
            if unknown or "url" not in item:
                raise ValueError(
                    f"sources.{i}: a source is a URL or a mapping with 'url' and 'tier' "
                    f"(got keys {', '.join(sorted(map(str, item)))})"
                )
            tier = item.get("tier", "other")
            if tier not in SOURCE_TIERS:
                raise ValueError(
                    f"sources.{i}.tier: unknown tier {tier!r} (one of {', '.join(SOURCE_TIERS)})"
                )
            urls.append(item["url"])
            tiers.append(str(tier))
        else:
            urls.append(item)
            tiers.append("other")
    return {**data, "sources": urls, "source_tiers": tiers}


def check_tiers_align(sources: tuple[str, ...], tiers: tuple[str, ...]) -> None:
    if len(tiers) != len(sources):
        raise ValueError(
            f"source_tiers: {len(tiers)} tiers for {len(sources)} sources (one tier per source)"
        )


Languages = Annotated[
    tuple[Annotated[str, AfterValidator(_check_language)], ...], AfterValidator(_sorted_unique)
]
Tasks = Annotated[
    tuple[Annotated[str, AfterValidator(_check_task)], ...], AfterValidator(_sorted_unique)
]
