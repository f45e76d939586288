"""Command line: the only place that knows argv, stdout/stderr and exit codes.

One module per command group, all over the shared options in :mod:`feasibility.cli.options`:
``check`` (the report), ``estimate`` (the numbers), ``listing`` (models, devices, runtimes, quants,
licenses, rules, schema), ``screen`` (a fleet), ``import_model`` (an overlay from a config) and
``explain`` (one model). This module only builds the group; the command modules never import it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import click

from feasibility.cli import check, estimate, explain, import_model, listing, screen


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="feasibility")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of short messages.")
def cli(debug: bool) -> None:
    """Which small language model can we ship on this device, in what format, on which runtime?

    \b
    Example:
      feasibility check examples/seed-scenario.yaml
      feasibility check device.yaml --format json -o result.json
      feasibility estimate --model qwen2.5-1.5b-instruct --quant Q4_K_M --device iphone-15-pro

    \b
    Exit status: 0 success; 3 check: fewer than two models fit; 2 bad usage
    or invalid input; 1 internal error (a bug; rerun with --debug).
    """


for _module in (check, estimate, listing, screen, import_model, explain):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def main(argv: Sequence[str] | None = None) -> None:
    # The CLI uses no pydantic plugins; skipping their entry-point scan saves ~30 ms per run.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    cli.main(args=list(argv) if argv is not None else None, prog_name="feasibility")


__all__ = ["cli", "main"]
