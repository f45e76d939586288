"""``feasibility explain``: every rule's verdict for one model, with the numbers."""

from __future__ import annotations

import click

from feasibility.cli.options import (
    EXIT_INFEASIBLE,
    Command,
    catalog_option,
    guard,
    load_catalog,
    write,
)

EXIT_CODES = (
    "Exit status: 0 the model passes every rule on every target (check would rank it); 3 it "
    "does not on some target, or only with builds under the quality floor (the explanation "
    "says why); 2 bad usage or invalid input (with --format json: a JSON error"
    ' {"error": ..., "problems": [...]} on stderr); 1 internal error (a bug; rerun with --debug).'
)


@click.command("explain", cls=Command, epilog=EXIT_CODES)
@click.argument("model")
@click.argument("device_yaml", type=click.Path(dir_okay=False))
@click.option("--quant", "quant_id", help="Explain this quantization (default: best per target).")
@click.option("--runtime", "runtime_id", help="Explain this runtime (default: best per target).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "markdown"]),
    default="table",
    show_default=True,
)
@click.option(
    "--lang",
    type=click.Choice(["en", "ko"]),
    default="en",
    show_default=True,
    help="Language of the markdown explanation.",
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
    lang: str,
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
      feasibility explain qwen3-4b device.yaml --format markdown --lang ko -o why.md
    """
    import sys

    from feasibility.explain import explain, render_json, render_table

    cat = load_catalog(catalogs, estimates=True)
    result = explain(cat, model, device_yaml, quant=quant_id, runtime=runtime_id)
    if fmt == "markdown":
        from feasibility.report import explain_markdown

        text = explain_markdown.render(result, lang)
    else:
        text = render_json(result) if fmt == "json" else render_table(result)
    write(text, output)
    if not result.feasible:
        sys.exit(EXIT_INFEASIBLE)
