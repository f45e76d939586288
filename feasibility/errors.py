"""The one exception family the library raises.

Library code never prints or exits: it raises :class:`FeasibilityError` (or a subclass) and the CLI
turns it into a message and exit status 2. Each problem keeps the file, the field path and, where
the YAML parser knows it, the line, so a person can find what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
        return tuple(p.path for p in self.problems)


class InputError(FeasibilityError):
    """A device/service file, a fleet row or an argument is invalid (the user's to fix)."""


class CatalogError(FeasibilityError):
    """A catalog file (shipped or an overlay) is invalid."""


class UnknownIdError(InputError):
    """An id (model, device preset, quantization, runtime) is not in the catalog."""
