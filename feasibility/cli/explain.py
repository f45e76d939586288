"""``feasibility explain``: every rule's verdict for one model, with the numbers."""

from __future__ import annotations

import click

from feasibility.cli.options import Command, catalog_option, guard, load_catalog, write


@click.command("explain", cls=Command)
@click.argument("model")
@click.argument("device_yaml", type=click.Path(dir_okay=False))
@click.option("--quant", "quant_id", help="Explain this quantization (default: best per target).")
@click.option("--runtime", "runtime_id", help="Explain this runtime (default: best per target).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE.")
@catalog_option
@guard
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

    cat = load_catalog(catalogs, estimates=True)
    result = explain(cat, model, device_yaml, quant=quant_id, runtime=runtime_id)
    write(render_json(result) if fmt == "json" else render_table(result), output)
