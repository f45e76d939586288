"""The one exception family the library raises.

Library code never prints or exits: it raises :class:`FeasibilityError` (or a subclass) and the CLI
turns it into a message and exit status 2. Each problem keeps the file, the field path and, where
the YAML parser knows it, the line, so a person can find what to fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

_PATH_PART = re.compile(r"\[([^\]]*)\]|\.?([^.\[\]]+)")


def parse_path(path: str) -> tuple[str | int, ...]:
    """``targets[1].ram_gb`` -> ``("targets", 1, "ram_gb")`` (inverse of the loader's format)."""
    out: list[str | int] = []
    for index, name in _PATH_PART.findall(path):
        if name:
            out.append(name)
        else:
            out.append(int(index) if index.isdigit() else index)
    return tuple(out)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and what to do about it."""

    message: str
    path: str = ""
    line: int | None = None
    column: int | None = None

    def format(self) -> str:
        where = self.path
        if self.line is not None:
            pos = f"line {self.line}" + (f", column {self.column}" if self.column else "")
            where = f"{where} ({pos})" if where else pos
        return f"{where}: {self.message}" if where else self.message


@dataclass
class FeasibilityError(Exception):
    """Base of every error the library raises on purpose.

    ``source`` names the file (or ``<dict>`` for in-memory input); ``problems`` lists every problem
    found, so that one run reports all of them at once.
    """

    summary: str
    source: str = ""
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        head = f"{self.source}: {self.summary}" if self.source else self.summary
        if not self.problems:
            return head
        lines = [head] + ["  " + p.format() for p in self.problems]
        return "\n".join(lines)

    @property
    def field_paths(self) -> tuple[str, ...]:
        """The field path of every problem (``""`` for a problem with the whole file)."""
        return tuple(p.path for p in self.problems)

    @property
    def lines(self) -> tuple[int | None, ...]:
        """The line of every problem, where the YAML parser knew it."""
        return tuple(p.line for p in self.problems)

    def located(
        self, source: str, position: Callable[[str], tuple[int, int] | None]
    ) -> FeasibilityError:
        """A copy naming ``source`` whose problems without a line get one from ``position(path)``.

        Used when an error is found after validation (an unknown preset, a budget above the RAM)
        by code that only had the validated object, not the YAML positions.
        """
        problems = []
        for p in self.problems:
            pos = position(p.path) if p.line is None and p.path else None
            problems.append(replace(p, line=pos[0], column=pos[1]) if pos else p)
        new = replace(self, source=source, problems=tuple(problems))
        new.__traceback__ = None
        return new


class InputError(FeasibilityError):
    """A device/service file, a fleet row or an argument is invalid (the user's to fix)."""


class CatalogError(FeasibilityError):
    """A catalog file (shipped or an overlay) is invalid."""


class UnknownIdError(InputError):
    """An id (model, device preset, quantization, runtime) is not in the catalog."""
