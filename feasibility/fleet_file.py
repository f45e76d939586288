"""Reading fleet files: the columns a row may have, streaming CSV, JSON Lines and YAML rows, and
the key that makes identical rows one spec.

Kept apart from the screening (``feasibility.fleet``) because reading is where a 100,000-row file
costs per row: everything here runs once per row or once per distinct raw row, and nothing here
evaluates a device.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator

from feasibility.errors import InputError, Problem
from feasibility.loader import load_yaml
from feasibility.schema import Accelerator, DeviceKind, Npu, OsName, Strict, TargetSpec
from feasibility.units import did_you_mean

ROW_FIELDS: tuple[str, ...] = (
    "preset",
    "name",
    "kind",
    "os",
    "os_version",
    "ram_gb",
    "memory_bandwidth_gbs",
    "accelerators",
    "npu_vendor",
    "npu_tops",
    "memory_budget_mb",
    "count",
)
"""Columns a fleet file may have (any subset; ``preset`` or ``os`` + ``ram_gb`` per row)."""

FORMATS = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".yaml": "yaml",
    ".yml": "yaml",
}


class FleetRow(Strict):
    """One fleet row as written; becomes a :class:`TargetSpec` (``count`` and ``name`` aside)."""

    preset: str | None = None
    name: str | None = None
    kind: DeviceKind | None = None
    os: OsName | None = None
    os_version: str | None = Field(default=None, pattern=r"^\d+(\.\d+){0,2}$")
    ram_gb: float | None = Field(default=None, gt=0, le=1024)
    memory_bandwidth_gbs: float | None = Field(default=None, gt=0, le=10_000)
    accelerators: tuple[Accelerator, ...] | None = None
    npu_vendor: str | None = None
    npu_tops: float | None = Field(default=None, gt=0)
    memory_budget_mb: int | None = Field(default=None, gt=0)
    count: int = Field(default=1, ge=0)

    @field_validator("accelerators", mode="before")
    @classmethod
    def _split(cls, v: object) -> object:
        """CSV cells hold lists as ``cpu;gpu;npu`` (``|``, ``,`` or spaces also work)."""
        if isinstance(v, str):
            for sep in (";", "|", ","):
                v = v.replace(sep, " ")
            return tuple(sorted(set(v.split())))
        if isinstance(v, (list, tuple)):
            return tuple(sorted(set(v)))
        return v

    def target_spec(self) -> TargetSpec:
        npu = None
        if self.npu_vendor:
            npu = Npu(name=f"{self.npu_vendor} NPU", vendor=self.npu_vendor, tops=self.npu_tops)
        return TargetSpec(
            preset=self.preset,
            kind=self.kind,
            os=self.os,
            os_version=self.os_version,
            ram_gb=self.ram_gb,
            memory_bandwidth_gbs=self.memory_bandwidth_gbs,
            accelerators=self.accelerators,
            npu=npu,
            memory_budget_mb=self.memory_budget_mb,
        )


@dataclass(frozen=True, slots=True)
class RawRow:
    """A row as read: its 1-based number among the data rows and its line, where known."""

    row: int
    line: int | None
    data: Mapping[str, Any] | None
    error: str = ""
    key: Any = None
    """The row minus name and count (rows with the same key are evaluated identically)."""

    def where(self) -> str:
        return f"row {self.row}" + (f" (line {self.line})" if self.line is not None else "")


def fleet_format(path: str | Path) -> str:
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise InputError(
            "unknown fleet file type: use .csv, .jsonl (JSON Lines) or .yaml", source=str(path)
        )
    return fmt


def iter_rows(path: str | Path) -> Iterator[RawRow]:
    """Stream the rows of a fleet file (YAML is read whole: keep large fleets in CSV/JSONL).

    Raises:
        InputError: the file cannot be read, or its header names an unknown column.
    """
    fmt = fleet_format(path)
    p = Path(path)
    if not p.is_file():
        raise InputError("file not found" if not p.exists() else "is not a file", source=str(path))
    if fmt == "yaml":
        yield from _yaml_rows(p)
        return
    try:
        with p.open(encoding="utf-8-sig", newline="") as fh:
            if fmt == "csv":
                yield from _csv_rows(fh, str(path))
            else:
                yield from _jsonl_rows(fh)
    except UnicodeDecodeError:
        raise InputError("is not UTF-8 text", source=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=str(path)) from None


def _csv_rows(fh: Any, source: str) -> Iterator[RawRow]:
    reader = csv.reader(fh)
    header = next(reader, None)
    if header is None:
        raise InputError("the file is empty (expected a header row)", source=source)
    cols = [h.strip().lower() for h in header]
    bad = [c for c in cols if c not in ROW_FIELDS]
    if bad:
        raise InputError(
            "has unknown columns",
            source=source,
            problems=tuple(
                Problem(f"unknown column '{c}'{did_you_mean(c, ROW_FIELDS)}", path="header", line=1)
                for c in bad
            ),
        )
    if len(set(cols)) != len(cols):
        raise InputError("has a repeated column in its header", source=source)
    keyed = [i for i, c in enumerate(cols) if c not in ("name", "count")]
    # With two or more keyed columns itemgetter builds the key tuple at C speed.
    pick: Callable[[list[str]], tuple[str, ...]] = (
        itemgetter(*keyed) if len(keyed) > 1 else (lambda cells: tuple(cells[i] for i in keyed))
    )
    loose = [(i, c) for i, c in enumerate(cols) if c in ("name", "count")]
    n = 0
    width = len(cols)
    # Fleets repeat a few specs many times: strip and key each distinct spec once, and give each
    # row only its own name and count on top of the shared spec fields.
    specs: dict[tuple[str, ...], tuple[tuple[str, ...], dict[str, str]]] = {}
    for cells in reader:
        line = reader.line_num
        if not cells or not "".join(cells).strip():
            continue
        n += 1
        if len(cells) != width:
            yield RawRow(n, line, None, f"has {len(cells)} cells, the header has {width}")
            continue
        raw_key = pick(cells)
        hit = specs.get(raw_key)
        if hit is None:
            key = tuple(v.strip() for v in raw_key)
            base = {cols[i]: v for i, v in zip(keyed, key, strict=True) if v}
            hit = specs[raw_key] = (key, base)
            if len(specs) > 100_000:  # bounded memory on fleets of all-distinct rows
                specs.clear()
        key, base = hit
        data = base
        if loose:
            data = dict(base)
            for i, c in loose:
                v = cells[i].strip()
                if v:
                    data[c] = v
        yield RawRow(n, line, data, "", key)


def _jsonl_rows(fh: Any) -> Iterator[RawRow]:
    n = 0
    for line, text in enumerate(fh, start=1):
        if not text.strip():
            continue
        n += 1
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield RawRow(n, line, None, f"invalid JSON: {exc.msg}")
            continue
        if not isinstance(obj, dict):
            yield RawRow(n, line, None, "expected a JSON object ({...}) per line")
            continue
        yield RawRow(n, line, obj, "", raw_key(obj))


def _yaml_rows(p: Path) -> Iterator[RawRow]:
    try:
        doc = load_yaml(p)
    except InputError as exc:
        if "larger than" in exc.summary:
            exc.summary += "; write large fleets as CSV or JSON Lines (streamed, no size limit)"
        raise
    data = doc.data
    prefix: tuple[str, ...] = ()
    if isinstance(data, dict) and set(data) == {"devices"}:
        data, prefix = data["devices"], ("devices",)
    if not isinstance(data, list):
        raise InputError("expected a list of devices (or 'devices:' with a list)", source=str(p))
    for i, item in enumerate(data):
        pos = doc.positions.get((*prefix, i))
        line = pos[0] if pos else None
        if not isinstance(item, dict):
            yield RawRow(i + 1, line, None, "expected a mapping of fields")
            continue
        yield RawRow(i + 1, line, item, "", raw_key(item))


def freeze(v: Any) -> Any:
    if isinstance(v, list):
        return tuple(freeze(x) for x in v)
    if isinstance(v, dict):
        return tuple(sorted((str(k), freeze(x)) for k, x in v.items()))
    return v


def raw_key(data: Mapping[str, Any]) -> Any:
    """A row minus name and count: rows with the same key are evaluated identically."""
    return tuple(sorted((str(k), freeze(v)) for k, v in data.items() if k not in ("name", "count")))


def row_count(data: Mapping[str, Any]) -> int | str:
    """The row's weight (a whole number >= 0, 1 when absent), or what is wrong with it.

    Checked per row, not per key: the count is not part of the spec.
    """
    v = data.get("count", 1)
    if isinstance(v, int) and not isinstance(v, bool) and v >= 0:
        return v
    if isinstance(v, str) and v.strip().isdigit():
        return int(v)
    if isinstance(v, float) and v.is_integer() and v >= 0:
        return int(v)
    return f"count: expected a whole number >= 0 (got {v!r})"
