"""Pipeline step titles in the report's language.

A step carries the catalog's English title with its values already filled in (model repos,
quantization names, versions). The language's ``step_title`` table maps each catalog title
template to a localized template; this module finds the template a title was filled from by its
literal parts, reads the values back out and fills the localized template with them. A title no
template matches prints as the catalog wrote it. A step that says why no build can be made
carries the catalog's reason, which is looked up like the artifact rule's. Commands are never
translated.
"""

from __future__ import annotations

from functools import cache
from string import Formatter

from feasibility.report._rows import Texts

_Parts = tuple[tuple[str, str | None], ...]


@cache
def _parts(template: str) -> _Parts:
    """(literal text, field name or None) pairs of a ``str.format`` template."""
    return tuple((lit, name) for lit, name, _, _ in Formatter().parse(template))


def _match(parts: _Parts, title: str) -> dict[str, str] | None:
    """The field values that fill ``parts`` into ``title``, or None when it does not match.

    Fields take the shortest text up to the next literal (greedy to the end for the last one).
    """
    values: dict[str, str] = {}
    pos = 0
    for i, (lit, name) in enumerate(parts):
        if not title.startswith(lit, pos):
            return None
        pos += len(lit)
        if name is None:
            continue
        following = parts[i + 1][0] if i + 1 < len(parts) else ""
        if not following:
            end = len(title) if i + 1 == len(parts) else -1
        else:
            end = title.find(following, pos)
        if end < pos:
            return None
        values[name] = title[pos:end]
        pos = end
    return values if pos == len(title) else None


def step_title(t: Texts, title: str) -> str:
    """``title`` in ``t``'s language (the catalog's title when no template matches)."""
    for english, local in t.step_title.items():
        values = _match(_parts(english), title)
        if values is not None:
            if "reason" in values and t.artifact_why:
                values["reason"] = t.artifact_why.get(values["reason"], t.artifact_why["default"])
            return local.format(**values)
    return title
