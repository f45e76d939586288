"""Reading fleet files: the columns a row may have, and one pass over a CSV, JSON Lines or YAML
file that groups its rows by the spec they describe.

Kept apart from the screening (``feasibility.fleet``) because reading is where a 100,000-row file
costs per row. Nothing here validates a spec or evaluates a device: a row is reduced to the index
of its distinct spec (the row as written, minus ``name`` and ``count``), its line, its name and its
weight, so that validation and evaluation run once per distinct spec, whatever the row count.
"""

from __future__ import annotations

import csv
import json
from array import array
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator

from feasibility.errors import InputError, Problem
from feasibility.loader import load_yaml, problems_from
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

OWN_FIELDS = ("name", "count")
"""The fields of a row that are not part of its spec: rows differing only in these share one."""

FORMATS = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".yaml": "yaml",
    ".yml": "yaml",
}

INTERNED_MAX = 65_536
"""Distinct names and count cells remembered while reading (repeats share one object); beyond
this the memo starts afresh, so an all-distinct column costs no more than the rows themselves."""


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
class BadRow:
    """A row that is skipped: its 1-based number among the data rows, its line, and why."""

    row: int
    line: int | None
    problem: str

    def where(self) -> str:
        return f"row {self.row}" + (f" (line {self.line})" if self.line is not None else "")


@dataclass
class FleetTable:
    """A fleet file read in one pass: each distinct spec once, and per row only what is its own.

    Row ``i`` (0-based; its row number is ``i + 1``) is ``specs[spec_of[i]]`` with the name
    ``names[i]`` and the weight ``weights[i]``. Per row this costs about 24 bytes (three machine
    words) plus its name, which repeated names share: memory grows with the rows, but slowly.
    """

    specs: list[dict[str, Any]] = field(default_factory=list)
    """The distinct specs as written (the row minus name and count), in order of first use."""
    spec_of: array[int] = field(default_factory=lambda: array("q"))
    """Per row: index into :attr:`specs`, or -1 when the row cannot be read (see ``unreadable``)."""
    lines: array[int] = field(default_factory=lambda: array("q"))
    """Per row: its line in the file, 0 when unknown."""
    names: list[str] = field(default_factory=list)
    """Per row: its name, "" when it has none."""
    weights: list[int | str] = field(default_factory=list)
    """Per row: its count (1 when absent), or what is wrong with its name or count."""
    unreadable: dict[int, str] = field(default_factory=dict)
    """Row index -> why the row cannot be read at all (cell count, invalid JSON...)."""

    def __len__(self) -> int:
        return len(self.spec_of)

    def line(self, i: int) -> int | None:
        return self.lines[i] or None

    def bad_row(self, i: int, problem: str) -> BadRow:
        return BadRow(i + 1, self.line(i), problem)


def fleet_format(path: str | Path) -> str:
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise InputError(
            "unknown fleet file type: use .csv, .jsonl (JSON Lines) or .yaml", source=str(path)
        )
    return fmt


def read_fleet(path: str | Path) -> FleetTable:
    """Read a whole fleet file once (YAML is parsed whole: keep large fleets in CSV/JSONL).

    Raises:
        InputError: the file cannot be read, or its header names an unknown column.
    """
    fmt = fleet_format(path)
    p = Path(path)
    if not p.is_file():
        raise InputError("file not found" if not p.exists() else "is not a file", source=str(path))
    if fmt == "yaml":
        return _yaml_table(p)
    try:
        with p.open(encoding="utf-8-sig", newline="") as fh:
            return _csv_table(fh, str(path)) if fmt == "csv" else _jsonl_table(fh)
    except UnicodeDecodeError:
        raise InputError("is not UTF-8 text", source=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=str(path)) from None


def _csv_columns(header: list[str] | None, source: str) -> list[str]:
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
    return cols


def _cell(cols: list[str], name: str) -> Callable[[list[str]], str]:
    """The getter of one own column's cell; "" for every row when the file has no such column."""
    return itemgetter(cols.index(name)) if name in cols else (lambda _cells: "")


def _csv_table(fh: Any, source: str) -> FleetTable:
    """The CSV reading loop: one dictionary lookup per row finds its spec by its raw cells.

    Why so spare: this loop runs once per row. The spec's cells are compared as written (an
    ``itemgetter`` builds the tuple at C speed); only a new tuple is stripped, turned into a spec
    and given an index, so cells differing in spaces only still share one spec. Names and count
    cells are memoised the same way, since fleets repeat them too.
    """
    reader = csv.reader(fh)
    cols = _csv_columns(next(reader, None), source)
    keyed = [i for i, c in enumerate(cols) if c not in OWN_FIELDS]
    # With two or more spec columns itemgetter builds the tuple at C speed.
    spec_cells: Callable[[list[str]], tuple[str, ...]] = (
        itemgetter(*keyed) if len(keyed) > 1 else (lambda cells: tuple(cells[i] for i in keyed))
    )
    name_cell, count_cell = _cell(cols, "name"), _cell(cols, "count")
    t = FleetTable()
    raw_index: dict[tuple[str, ...], int] = {}
    stripped_index: dict[tuple[str, ...], int] = {}
    names: dict[str, str] = {}
    weights: dict[str, int | str] = {}
    blank = -1  # index of the spec whose cells are all empty (its rows may be blank lines)
    width = len(cols)
    add_spec, add_line = t.spec_of.append, t.lines.append
    add_name, add_weight = t.names.append, t.weights.append
    for cells in reader:
        if len(cells) != width:
            if not cells or not "".join(cells).strip():
                continue
            t.unreadable[len(t.spec_of)] = f"has {len(cells)} cells, the header has {width}"
            add_spec(-1), add_line(reader.line_num), add_name(""), add_weight(0)
            continue
        raw = spec_cells(cells)
        ix = raw_index.get(raw)
        if ix is None:
            key = tuple(v.strip() for v in raw)
            ix = stripped_index.get(key)
            if ix is None:
                ix = stripped_index[key] = len(t.specs)
                t.specs.append({cols[i]: v for i, v in zip(keyed, key, strict=True) if v})
                if not any(key):
                    blank = ix
            raw_index[raw] = ix
        name, count = name_cell(cells), count_cell(cells)
        if ix == blank and not name.strip() and not count.strip():
            continue  # a line of empty cells
        add_spec(ix)
        add_line(reader.line_num)
        n = names.get(name)
        if n is None:
            if len(names) >= INTERNED_MAX:
                names.clear()
            n = names[name] = name.strip()
        add_name(n)
        w = weights.get(count)
        if w is None:
            if len(weights) >= INTERNED_MAX:
                weights.clear()
            w = weights[count] = row_weight(count.strip() or 1)
        add_weight(w)
    return t


class _Rows:
    """Adds parsed rows (JSON Lines, YAML) to a table, keyed by their frozen spec fields."""

    def __init__(self) -> None:
        self.table = FleetTable()
        self.index: dict[Any, int] = {}

    def unreadable(self, line: int | None, problem: str) -> None:
        t = self.table
        t.unreadable[len(t.spec_of)] = problem
        self.add(-1, line, "", 0)

    def row(self, data: Mapping[Any, Any], line: int | None) -> None:
        key = tuple(sorted((str(k), freeze(v)) for k, v in data.items() if k not in OWN_FIELDS))
        ix = self.index.get(key)
        if ix is None:
            ix = self.index[key] = len(self.table.specs)
            self.table.specs.append({k: v for k, v in data.items() if k not in OWN_FIELDS})
        name = data.get("name")
        problem = name_problem(name)
        if problem is None:
            self.add(ix, line, name or "", row_weight(data.get("count", 1)))
        else:
            self.add(ix, line, "", problem)

    def add(self, ix: int, line: int | None, name: str, weight: int | str) -> None:
        t = self.table
        t.spec_of.append(ix)
        t.lines.append(line or 0)
        t.names.append(name)
        t.weights.append(weight)


def _jsonl_table(fh: Iterable[str]) -> FleetTable:
    rows = _Rows()
    for line, text in enumerate(fh, start=1):
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            rows.unreadable(line, f"invalid JSON: {exc.msg}")
            continue
        if not isinstance(obj, dict):
            rows.unreadable(line, "expected a JSON object ({...}) per line")
            continue
        rows.row(obj, line)
    return rows.table


def _yaml_table(p: Path) -> FleetTable:
    try:
        doc = load_yaml(p)
    except InputError as exc:
        if "larger than" in exc.summary:
            exc.summary += (
                "; write large fleets as CSV or JSON Lines (read row by row, no size limit)"
            )
        raise
    data = doc.data
    prefix: tuple[str, ...] = ()
    if isinstance(data, dict) and set(data) == {"devices"}:
        data, prefix = data["devices"], ("devices",)
    if not isinstance(data, list):
        raise InputError("expected a list of devices (or 'devices:' with a list)", source=str(p))
    rows = _Rows()
    for i, item in enumerate(data):
        pos = doc.positions.get((*prefix, i))
        line = pos[0] if pos else None
        if isinstance(item, dict):
            rows.row(item, line)
        else:
            rows.unreadable(line, "expected a mapping of fields")
    return rows.table


def freeze(v: Any) -> Any:
    if isinstance(v, list):
        return tuple(freeze(x) for x in v)
    if isinstance(v, dict):
        return tuple(sorted((str(k), freeze(x)) for k, x in v.items()))
    return v


def name_problem(v: object) -> str | None:
    """What is wrong with a row's name (text or absent), in the words of a validation error."""
    if v is None or isinstance(v, str):
        return None
    try:
        FleetRow.model_validate({"name": v})
    except ValidationError as exc:
        return "; ".join(p.format() for p in problems_from(exc, None, FleetRow))
    return None  # pragma: no cover - a non-text name never validates


def row_weight(v: object) -> int | str:
    """The row's weight (a whole number >= 0; pass 1 when absent), or what is wrong with it.

    Checked per row, not per spec: the count is not part of the spec.
    """
    if isinstance(v, int) and not isinstance(v, bool) and v >= 0:
        return v
    if isinstance(v, str) and v.strip().isdecimal():
        return int(v)
    if isinstance(v, float) and v.is_integer() and v >= 0:
        return int(v)
    return f"count: expected a whole number >= 0 (got {v!r})"
