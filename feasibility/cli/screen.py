"""``feasibility screen``: a whole fleet against one service, with coverage tables."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from itertools import islice
from typing import IO, Any

import click

from feasibility.cli.options import (
    EXIT_CODES,
    Command,
    InputProblem,
    catalog_option,
    guard,
    load_catalog,
    out,
    output_option,
)

PROGRESS_MIN_ROWS = 10_000
"""Fleets at least this large get a progress bar (when stderr is a terminal)."""
SKIPPED_SHOWN = 50
"""Bad rows listed one by one on stderr; the rest are counted."""


@click.command("screen", cls=Command, epilog=EXIT_CODES)
@click.argument("fleet", type=click.Path(dir_okay=False))
@click.option(
    "--service",
    "service_yaml",
    required=True,
    type=click.Path(dir_okay=False),
    help="YAML with 'service:' and 'constraints:' (a device.yaml without targets).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "csv", "json"]),
    default="table",
    show_default=True,
    help="table/markdown: coverage summary; csv: one row per device; json: both.",
)
@click.option(
    "--top",
    type=click.IntRange(1, 10_000),
    default=15,
    show_default=True,
    help="Coverage rows and device groups shown in table/markdown.",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 256),
    help="Worker processes for the unique specs (default: one per core).",
)
@output_option
@catalog_option
@guard
def screen_cmd(
    fleet: str,
    service_yaml: str,
    fmt: str,
    top: int,
    jobs: int | None,
    output: str | None,
    catalogs: tuple[str, ...],
) -> None:
    """Screen a whole fleet: per-device top two, coverage per model/quantization/runtime.

    FLEET is CSV, JSON Lines (.jsonl) or YAML with one device per row: a 'preset' id or
    explicit os, ram_gb, memory_bandwidth_gbs, accelerators (cpu;gpu;npu), npu_vendor,
    os_version, name; and an optional 'count' (e.g. active users) that weights coverage.
    Bad rows are reported with their row number and skipped: table/markdown list the
    first 50 in the report, csv on stderr, json all of them.

    \b
    Example:
      feasibility screen fleet.csv --service service.yaml
      feasibility screen fleet.csv --service service.yaml --format csv -o per-device.csv
    """
    from feasibility.fleet import fleet_format, load_service, screen

    fleet_format(fleet)  # an unknown extension is a usage error before any work
    cat = load_catalog(catalogs, estimates=True)
    service = load_service(service_yaml)
    err = sys.stderr
    bar: Any = None

    def on_groups(n_specs: int, rows: int) -> None:
        nonlocal bar
        if rows >= PROGRESS_MIN_ROWS and err.isatty():
            bar = click.progressbar(length=n_specs, label=f"{n_specs} unique specs", file=err)
            bar.__enter__()

    def progress(n: int) -> None:
        if bar is not None:
            bar.update(n)

    try:
        result = screen(
            cat,
            fleet,
            service,
            service_source=service_yaml,
            progress=progress,
            on_groups=on_groups,
            jobs=jobs,
        )
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    _tell_skipped(fleet, result, fmt)
    if result.valid_rows == 0:
        raise InputProblem(
            f"{fleet}: no usable rows ({result.rows:,} read, {result.skipped_rows:,} skipped)"
        )
    with out(output) as fh:
        if fmt == "csv":
            _screen_csv(result, fh)
        elif fmt == "json":
            _screen_json(result, fh)
        else:
            fh.write(_screen_text(result, fmt, top))


def _tell_skipped(fleet: str, result: Any, fmt: str) -> None:
    """Bad rows on stderr, where the report itself does not list them all.

    table/markdown list up to ``SKIPPED_SHOWN`` in the report and json lists every one, so stderr
    only speaks of what the output leaves out; csv has no place for them, so stderr lists them.
    """
    n = result.skipped_rows
    if fmt == "csv":
        for bad in result.problems[:SKIPPED_SHOWN]:
            click.echo(f"{fleet}: {bad.where()}: {bad.problem} (skipped)", err=True)
    if fmt == "json" or n <= (0 if fmt == "csv" else SKIPPED_SHOWN):
        return
    where = "are listed above" if fmt == "csv" else "are listed in the report"
    click.echo(
        f"{fleet}: {n:,} bad rows skipped; the first {SKIPPED_SHOWN} {where}, "
        "--format json lists every one",
        err=True,
    )


CSV_COLUMNS = (
    "row",
    "name",
    "preset",
    "count",
    "first_model",
    "first_quantization",
    "first_runtime",
    "first_score",
    "second_model",
    "second_quantization",
    "second_runtime",
    "second_score",
)


def _pick_cells(picks: Any) -> tuple[str, ...]:
    cells: list[str] = []
    for k in range(2):
        if k < len(picks):
            p = picks[k]
            cells += [p.model, p.quantization, p.runtime, f"{p.score:.3f}"]
        else:
            cells += ["", "", "", ""]
    return tuple(cells)


def _screen_csv(result: Any, fh: IO[str]) -> None:
    """One line per device, as ``csv.writer`` writes it: each group's cells are encoded once, and
    a row adds its own number, name and count (numbers never need quoting)."""
    cell = _CsvCells()
    fh.write(cell.line(CSV_COLUMNS))

    def shared(g: Any) -> tuple[str, str]:
        return f",{cell(g.spec.preset or '')},", f",{cell.line(_pick_cells(g.result.picks))}"

    known = cell.encoded.get
    _write(
        fh,
        (
            f"{row},{known(name) or cell(name)}{head}{count}{tail}"
            for row, name, count, (head, tail) in result.device_rows(shared)
        ),
    )


def _write(fh: IO[str], lines: Iterator[str], chunk: int = 4096) -> None:
    """Write ``lines`` a few thousand at a time (one write per line costs as much as making it)."""
    while text := "".join(islice(lines, chunk)):
        fh.write(text)


class _CsvCells:
    """Cells encoded exactly as ``csv.writer(lineterminator="\\n")`` encodes them, fast.

    A cell without a delimiter, quote or line break, and without surrounding spaces, is written
    as it is by every version of the csv module; any other cell is encoded by the module.
    Encoded cells are remembered, as fleets repeat names.
    """

    UNSAFE = re.compile(r'[,"\r\n]|^\s|\s$')
    REMEMBERED = 65_536

    def __init__(self) -> None:
        self.buf = io.StringIO()
        self.writer = csv.writer(self.buf, lineterminator="\n")
        self.encoded: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        hit = self.encoded.get(text)
        if hit is None:
            if len(self.encoded) >= self.REMEMBERED:
                self.encoded.clear()
            # Two cells, so that an empty one is written as in a row of several.
            plain = not self.UNSAFE.search(text)
            hit = self.encoded[text] = text if plain else self.line((text, "x"))[:-3]
        return hit

    def line(self, cells: tuple[str, ...]) -> str:
        self.buf.seek(0)
        self.buf.truncate()
        self.writer.writerow(cells)
        return self.buf.getvalue()


def _pick_json(p: Any) -> dict[str, Any]:
    return {
        "model": p.model,
        "quantization": p.quantization,
        "runtime": p.runtime,
        "score": round(p.score, 3),
    }


def _dump(v: Any) -> str:
    return json.dumps(v, sort_keys=True, ensure_ascii=False)


def _screen_json(result: Any, fh: IO[str]) -> None:
    """One JSON object; ``devices`` is last and streamed row by row."""
    pair = result.best_pair
    head = {
        "summary": result.summary(),
        "best_pair": None
        if pair is None
        else {
            "models": list(pair.models),
            "weight": pair.weight,
            "share": round(pair.share, 4),
            "mean_score": pair.mean_score,
        },
        "models": [
            {"model": c.model, "weight": c.weight, "share": round(c.share, 4)}
            for c in result.models
        ],
        "coverage": [
            {
                "model": c.model,
                "quantization": c.quantization,
                "runtime": c.runtime,
                "weight": c.weight,
                "share": round(c.share, 4),
                "mean_score": round(c.mean_score, 3),
            }
            for c in result.coverage
        ],
        "skipped": [
            {"row": bad.row, "line": bad.line, "problem": bad.problem} for bad in result.problems
        ],
    }
    fh.write("{\n")
    for k in sorted(head):
        fh.write(f"  {_dump(k)}: {_dump(head[k])},\n")
    fh.write('  "devices": [')
    _write(fh, _device_json(result))
    fh.write("\n  ]\n}\n")


def _device_json(result: Any) -> Iterator[str]:
    """Each device as ``_dump`` writes ``{"count", "name", "preset", "row", "top"}`` (keys
    sorted), with the group's part encoded once: a row only encodes its name."""
    text = json.JSONEncoder(ensure_ascii=False).encode

    def shared(g: Any) -> tuple[str, str]:
        top = [_pick_json(p) for p in g.result.picks]
        return f', "preset": {_dump(g.spec.preset or None)}, "row": ', f', "top": {_dump(top)}}}'

    sep = "\n    "
    for row, name, count, (mid, end) in result.device_rows(shared):
        yield f'{sep}{{"count": {count}, "name": {text(name)}{mid}{row}{end}'
        sep = ",\n    "


def _screen_text(result: Any, fmt: str, top: int) -> str:
    from feasibility.fleet import fmt_share

    h = "## " if fmt == "markdown" else ""
    s = result.summary()
    lines = [
        f"{h}Fleet screening: {s['fleet']}",
        "",
        f"{s['rows']:,} rows read, {s['valid_rows']:,} screened, {s['skipped_rows']:,} skipped "
        f"(bad data); {s['unique_specs']:,} unique device specs; total weight (count) "
        f"{s['total_weight']:,}.",
    ]
    if result.uncovered_weight:
        lines.append(
            f"No model runs on {fmt_share(result.uncovered_weight / result.total_weight)}"
            f" of the weight ({result.uncovered_weight:,})."
        )
    pair = result.best_pair
    if pair is not None:
        lines += [
            "",
            f"Best pair: {' + '.join(pair.models)} covers {fmt_share(pair.share)} of "
            f"the weight (mean score {pair.mean_score:.3f} where covered).",
        ]
    lines += _coverage_tables(result, fmt, top)
    lines += _group_table(result, fmt, top)
    if result.problems:
        lines += ["", f"{h}Skipped rows ({result.skipped_rows:,})", ""]
        for bad in result.problems[:SKIPPED_SHOWN]:
            lines.append(f"- {bad.where()}: {bad.problem}")
        if result.skipped_rows > SKIPPED_SHOWN:
            lines.append(f"- ... and {result.skipped_rows - SKIPPED_SHOWN:,} more")
    return "\n".join(lines) + "\n"


def _table(rows: list[list[str]], headers: list[str], fmt: str) -> str:
    from tabulate import tabulate

    tf = "github" if fmt == "markdown" else "simple"
    return tabulate(rows, headers=headers, tablefmt=tf, disable_numparse=True)


def _coverage_tables(result: Any, fmt: str, top: int) -> list[str]:
    """The share of the fleet per model, then per build (model, quantization, runtime)."""
    from feasibility.fleet import fmt_share

    h = "## " if fmt == "markdown" else ""
    lines = ["", f"{h}Models: share of the fleet each runs on (any quantization/runtime)", ""]
    rows = [[c.model, f"{c.weight:,}", fmt_share(c.share)] for c in result.models[:top]]
    lines.append(_table(rows, ["model", "weight", "share"], fmt))
    lines += [
        "",
        f"{h}Coverage per model, quantization and runtime (top {top}; by weight, then mean "
        "score where it runs; under the quality floor only where no 4-bit build fits)",
        "",
    ]
    rows = [
        [
            c.model,
            c.quantization,
            c.runtime,
            f"{c.weight:,}",
            fmt_share(c.share),
            f"{c.mean_score:.3f}",
        ]
        for c in result.coverage[:top]
    ]
    headers = ["model", "quantization", "runtime", "weight", "share", "mean score"]
    lines.append(_table(rows, headers, fmt))
    return lines


def _group_table(result: Any, fmt: str, top: int) -> list[str]:
    """The heaviest device groups with their top two."""
    h = "## " if fmt == "markdown" else ""
    lines = ["", f"{h}Device groups by weight (top {top}; per device: --format csv or json)", ""]
    groups = sorted((g for g in result.groups if g.rows), key=lambda g: (-g.weight, g.label))
    rows = []
    for g in groups[:top]:
        picks = g.result.picks if g.result else ()
        cells = [f"{p.model} ({p.quantization}, {p.runtime})" for p in picks]
        rows.append(
            [
                g.label,
                f"{g.rows:,}",
                f"{g.weight:,}",
                cells[0] if cells else "none fits",
                cells[1] if len(cells) > 1 else "-",
            ]
        )
    lines.append(_table(rows, ["device", "rows", "weight", "first", "second"], fmt))
    return lines
