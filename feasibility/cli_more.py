"""CLI commands ``screen``, ``import-model`` and ``explain`` (registered by ``feasibility.cli``).

Kept in their own module so that they can grow without touching the core commands. Only click is
imported at the top: every other module is imported inside the command that needs it, because
start-up time matters for a CLI run in loops and CI. Errors go through ``cli._guard`` like the
other commands (exit 2 with file, row and field for bad input; no traceback).
"""

from __future__ import annotations

import json
import sys
from typing import IO, Any

import click

from feasibility.cli import InputProblem, _catalog_option, _guard, _load_catalog, _out, _write

PROGRESS_MIN_ROWS = 10_000
"""Fleets at least this large get a progress bar (when stderr is a terminal)."""
SKIPPED_SHOWN = 50
"""Bad rows listed one by one on stderr; the rest are counted."""


# ------------------------------------------------------------------------------------------
# screen
# ------------------------------------------------------------------------------------------


@click.command("screen")
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
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE.")
@_catalog_option
@_guard
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
    Bad rows are reported with their row number and skipped.

    \b
    Example:
      feasibility screen fleet.csv --service service.yaml
      feasibility screen fleet.csv --service service.yaml --format csv -o per-device.csv
    """
    from feasibility.fleet import fleet_format, load_service, screen

    fleet_format(fleet)  # an unknown extension is a usage error before any work
    cat = _load_catalog(catalogs)
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
    if fmt in ("csv", "json"):  # table/markdown list them in the report itself
        for raw, msg in result.problems[:SKIPPED_SHOWN]:
            click.echo(f"{fleet}: {raw.where()}: {msg} (skipped)", err=True)
    if result.skipped_rows > (0 if fmt in ("table", "markdown") else SKIPPED_SHOWN):
        click.echo(
            f"{fleet}: {result.skipped_rows:,} bad rows skipped "
            "(every one is listed with --format json)",
            err=True,
        )
    if result.valid_rows == 0:
        raise InputProblem(
            f"{fleet}: no usable rows ({result.rows:,} read, {result.skipped_rows:,} skipped)"
        )
    with _out(output) as fh:
        if fmt == "csv":
            _screen_csv(result, fh)
        elif fmt == "json":
            _screen_json(result, fh)
        else:
            fh.write(_screen_text(result, fmt, top))


def _pick_cells(picks: Any) -> list[str]:
    cells: list[str] = []
    for k in range(2):
        if k < len(picks):
            p = picks[k]
            cells += [p.model, p.quantization, p.runtime, f"{p.score:.3f}"]
        else:
            cells += ["", "", "", ""]
    return cells


def _screen_csv(result: Any, fh: IO[str]) -> None:
    import csv

    w = csv.writer(fh, lineterminator="\n")
    w.writerow(
        [
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
        ]
    )
    for d in result.devices():
        w.writerow([d.row, d.name, d.preset, d.count, *_pick_cells(d.picks)])


def _pick_json(p: Any) -> dict[str, Any]:
    return {
        "model": p.model,
        "quantization": p.quantization,
        "runtime": p.runtime,
        "score": round(p.score, 3),
    }


def _screen_json(result: Any, fh: IO[str]) -> None:
    """One JSON object; ``devices`` is last and streamed row by row."""

    def dump(v: Any) -> str:
        return json.dumps(v, sort_keys=True, ensure_ascii=False)

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
            }
            for c in result.coverage
        ],
        "skipped": [
            {"row": raw.row, "line": raw.line, "problem": msg} for raw, msg in result.problems
        ],
    }
    fh.write("{\n")
    for k in sorted(head):
        fh.write(f"  {dump(k)}: {dump(head[k])},\n")
    fh.write('  "devices": [')
    first = True
    for d in result.devices():
        row = {
            "row": d.row,
            "name": d.name,
            "preset": d.preset or None,
            "count": d.count,
            "top": [_pick_json(p) for p in d.picks],
        }
        fh.write(("\n    " if first else ",\n    ") + dump(row))
        first = False
    fh.write("\n  ]\n}\n")


def _screen_text(result: Any, fmt: str, top: int) -> str:
    from tabulate import tabulate

    from feasibility.fleet import fmt_share

    tf = "github" if fmt == "markdown" else "simple"
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
    lines += ["", f"{h}Models: share of the fleet each runs on (any quantization/runtime)", ""]
    rows = [[c.model, f"{c.weight:,}", fmt_share(c.share)] for c in result.models[:top]]
    lines.append(
        tabulate(rows, headers=["model", "weight", "share"], tablefmt=tf, disable_numparse=True)
    )
    lines += ["", f"{h}Coverage per model, quantization and runtime (top {top})", ""]
    rows = [
        [c.model, c.quantization, c.runtime, f"{c.weight:,}", fmt_share(c.share)]
        for c in result.coverage[:top]
    ]
    lines.append(
        tabulate(
            rows,
            headers=["model", "quantization", "runtime", "weight", "share"],
            tablefmt=tf,
            disable_numparse=True,
        )
    )
    lines += ["", f"{h}Device groups by weight (top {top}; per device: --format csv or json)", ""]
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
    lines.append(
        tabulate(
            rows,
            headers=["device", "rows", "weight", "first", "second"],
            tablefmt=tf,
            disable_numparse=True,
        )
    )
    if result.problems:
        lines += ["", f"{h}Skipped rows ({result.skipped_rows:,})", ""]
        for raw, msg in result.problems[:SKIPPED_SHOWN]:
            lines.append(f"- {raw.where()}: {msg}")
        if result.skipped_rows > SKIPPED_SHOWN:
            lines.append(f"- ... and {result.skipped_rows - SKIPPED_SHOWN:,} more")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------------
# import-model
# ------------------------------------------------------------------------------------------


@click.command("import-model")
@click.argument("path", type=click.Path(dir_okay=True))
@click.option("--id", "model_id", help="Catalog id (default: from the repo or file name).")
@click.option("--hf-repo", help="Hugging Face repo, org/name (fills hf_repo and the source).")
@click.option(
    "--license", "license_id", help="Licence id from the catalog (apache-2.0, mit, llama3.2, ...)."
)
@click.option("--languages", help="Comma-separated ISO 639-1 codes the card lists (en,ko).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE.")
@_guard
def import_model_cmd(
    path: str,
    model_id: str | None,
    hf_repo: str | None,
    license_id: str | None,
    languages: str | None,
    output: str | None,
) -> None:
    """Turn a Hugging Face config.json (or a .gguf file) into a catalog overlay entry.

    Prints YAML to add with '--catalog FILE' to any command. Fields the config cannot tell
    (licence, languages, sources) are marked 'FILL IN' unless given as options.

    \b
    Example:
      feasibility import-model config.json --id my-model-1b --hf-repo my-org/My-Model-1B \\
          --license apache-2.0 --languages en,ko -o my-models.yaml
      feasibility check device.yaml --catalog my-models.yaml
    """
    from feasibility.importer import import_model

    langs = tuple(x.strip() for x in languages.split(",") if x.strip()) if languages else None
    text = import_model(
        path, model_id=model_id, hf_repo=hf_repo, license_id=license_id, languages=langs
    )
    _write(text, output)
    if output:
        click.echo(f"wrote {output}; check the entry, then use --catalog {output}", err=True)


# ------------------------------------------------------------------------------------------
# explain
# ------------------------------------------------------------------------------------------


@click.command("explain")
@click.argument("model")
@click.argument("device_yaml", type=click.Path(dir_okay=False))
@click.option("--quant", "quant_id", help="Explain this quantization (default: best per target).")
@click.option("--runtime", "runtime_id", help="Explain this runtime (default: best per target).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE.")
@_catalog_option
@_guard
def explain_cmd(
    model: str,
    device_yaml: str,
    quant_id: str | None,
    runtime_id: str | None,
    fmt: str,
    output: str | None,
    catalogs: tuple[str, ...],
) -> None:
    """Every rule's verdict for MODEL on every target in DEVICE_YAML, with the numbers.

    Per target it explains the best-scoring feasible (quantization, runtime), or the closest
    miss when none is feasible; --quant/--runtime pick one instead.

    \b
    Example:
      feasibility explain qwen2.5-1.5b-instruct examples/seed-scenario.yaml
      feasibility explain llama-3.2-1b-instruct device.yaml --quant Q4_K_M --runtime llama.cpp
    """
    from feasibility.explain import explain, render_json, render_table

    cat = _load_catalog(catalogs)
    result = explain(cat, model, device_yaml, quant=quant_id, runtime=runtime_id)
    _write(render_json(result) if fmt == "json" else render_table(result), output)


COMMANDS: tuple[click.Command, ...] = (screen_cmd, import_model_cmd, explain_cmd)
