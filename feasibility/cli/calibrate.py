"""CLI command ``calibrate``: fit a device's speed factors on
the user's own llama-bench run and write them as a ``--catalog`` overlay.

Kept in its own module so that the core CLI stays small; the fitting itself is
``feasibility.calibrate`` (pure, tested without click).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from feasibility.cli.options import (
    EXIT_CODES,
    Command,
    catalog_option,
    dump_json,
    format_option,
    guard,
    load_catalog,
    write,
)


@click.command("calibrate", cls=Command, epilog=EXIT_CODES)
@click.argument("bench", type=click.Path(dir_okay=False))
@click.option(
    "--device", "device_id", required=True, help="Device preset id (feasibility devices)."
)
@click.option("--model", "model_id", help="Catalog model benchmarked (default: from the file).")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the device overlay to FILE."
)
@format_option(("yaml", "json"), "yaml", "Format of the device overlay (JSON is valid YAML too).")
@catalog_option
@guard
def calibrate_cmd(
    bench: str,
    device_id: str,
    model_id: str | None,
    output: str | None,
    fmt: str,
    catalogs: tuple[str, ...],
) -> None:
    """Fit DEVICE's speed factors on a llama-bench result (-o json, -o jsonl or its table) or a
    Qualcomm AI Hub perf.yaml (Genie NPU builds).

    Prints the estimate before and after calibration for every row on stderr, and writes a
    catalog overlay that later check, estimate and screen runs read with --catalog.

    \b
    Example:
      llama-bench -m Llama-3.2-1B-Instruct-Q4_0.gguf -o json > bench.json
      feasibility calibrate bench.json --device galaxy-s23 -o s23.yaml
      feasibility check device.yaml --catalog s23.yaml
    """
    from feasibility import calibrate as cal
    from feasibility.errors import InputError

    catalog = load_catalog(catalogs, estimates=True)
    device = catalog.device(device_id)
    name = Path(bench).name
    models = list(catalog.models.values())
    quants = {q.id.upper(): q for q in catalog.quantizations.values()}
    if Path(bench).suffix.lower() in (".yaml", ".yml"):
        perf = cal.read_aihub_perf(bench)
        measured = cal.from_aihub(perf, device, quants)
        found = cal.match_name([r.component for r in perf], models)
        if not measured:
            raise InputError(f"{name}: no metric for {device.name}'s chip")
        if found is None and not model_id:
            raise InputError(f"{name}: give the model with --model ID (see feasibility models)")
    else:
        rows = cal.read_bench(bench)
        measured = cal.from_bench(rows, quants)
        found = None if model_id else cal.match_model(rows, models, name)
    model = catalog.model(model_id) if model_id else found
    assert model is not None
    result = cal.calibrate_device(measured, model, quants, device, name)
    click.echo(_table(result), err=True)
    text = cal.overlay_text(device, result)
    if fmt == "json":
        import yaml

        text = dump_json(yaml.safe_load(text))
    write(text, output)


def _table(result: Any) -> str:
    from tabulate import tabulate

    def f(v: float | None) -> str:
        return "n/a" if v is None else f"{v:.1f}"

    body = [
        [c.row.quant, c.row.backend, c.row.phase, f(c.measured), f(c.before), f(c.after)]
        for c in result.rows
    ]
    head = ["quant", "backend", "phase", "measured t/s", "before", "after"]
    factors = "; ".join(
        f"{x.backend}: bandwidth x{x.bandwidth_factor:.3f}, compute x{x.compute_factor:.3f}"
        for x in result.factors
    )
    table = tabulate(body, head, tablefmt="github", disable_numparse=True)
    return f"{result.model} on {result.device}\n{table}\nfactors: {factors}"
