"""Command line: the only place that knows argv, stdout/stderr and exit codes.

One module per command group, all over the shared options in :mod:`feasibility.cli.options`:
``check`` (the report), ``estimate`` (the numbers), ``listing`` (models, devices, runtimes, quants,
licenses, rules, schema), ``screen`` (a fleet), ``import_model`` (an overlay from a config) and
``explain`` (one model). This module only builds the group; the command modules never import it.
A command's module is imported when that command runs (or when help lists them all), so that a
``feasibility check`` does not pay for the definitions of the other commands.
"""

from __future__ import annotations

import gc
import importlib
import os
from collections.abc import Sequence

import click

COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("check", "check"),
    "estimate": ("estimate", "estimate"),
    "models": ("listing", "models_cmd"),
    "devices": ("listing", "devices_cmd"),
    "runtimes": ("listing", "runtimes_cmd"),
    "quants": ("listing", "quants_cmd"),
    "licenses": ("listing", "licenses_cmd"),
    "rules": ("listing", "rules_cmd"),
    "schema": ("listing", "schema_cmd"),
    "screen": ("screen", "screen_cmd"),
    "import-model": ("import_model", "import_model_cmd"),
    "explain": ("explain", "explain_cmd"),
    "calibrate": ("calibrate", "calibrate_cmd"),
}
"""Command name -> (module in ``feasibility.cli``, attribute)."""

GC_THRESHOLDS = (100_000, 50, 1_000)
"""The cyclic collector's thresholds for a CLI run. Python's default (a young collection every
700 allocations) scans the imports' and the catalog's objects hundreds of times in one check (about
350 collections, a tenth of its CPU time), though almost nothing a check allocates is cyclic
garbage. With these a check collects a few times at most; a long ``screen`` still collects, so its
memory stays bounded. The catalog is also frozen once loaded (``options.load_catalog``)."""


class LazyGroup(click.Group):
    """A group that imports a command's module only when the command is looked up."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = COMMANDS.get(cmd_name)
        if where is None:
            return None
        module = importlib.import_module(f"feasibility.cli.{where[0]}")
        command: click.Command = getattr(module, where[1])
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


def main(argv: Sequence[str] | None = None) -> None:
    # The CLI uses no pydantic plugins; skipping their entry-point scan saves ~30 ms per run.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    gc.set_threshold(*GC_THRESHOLDS)
    cli.main(args=list(argv) if argv is not None else None, prog_name="feasibility")


__all__ = ["cli", "main"]
