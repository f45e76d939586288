"""Renderers: one module per format, each exposing ``render(assessment, lang) -> str``.

Renderers format what the engine decided and never decide anything themselves. Modules are
imported on first use so that ``feasibility check --format json`` does not pay for tabulate.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from feasibility.verdict import Assessment

FORMATS: tuple[str, ...] = ("json", "markdown", "table", "html")
LANGS: tuple[str, ...] = ("en", "ko")


class _Renderer(Protocol):
    def render(self, assessment: Assessment, lang: str = "en") -> str: ...


def renderer(fmt: str) -> _Renderer:
    if fmt not in FORMATS:
        raise KeyError(f"no such format: {fmt!r}")
    module: _Renderer = importlib.import_module(f"feasibility.report.{fmt}_report")
    return module


def render(assessment: Assessment, fmt: str = "markdown", lang: str = "en") -> str:
    if lang not in LANGS:
        raise KeyError(f"no such language: {lang!r}")
    return renderer(fmt).render(assessment, lang)
