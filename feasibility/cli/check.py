"""``feasibility check``: the report for a device.yaml."""

from __future__ import annotations

import sys

import click

from feasibility.cli.options import (
    EXIT_INFEASIBLE,
    Command,
    InputProblem,
    catalog_option,
    format_option,
    guard,
    load_catalog,
    output_option,
    write,
)

SUMMARY_LEAVES_OUT: frozenset[str] = frozenset({"rejected"})
"""Assessment fields ``--detail summary`` leaves out of the JSON: the list of every rejected
candidate with its reason (about 1 MB for two devices). ``rejection_counts`` stays."""


@click.command(cls=Command)
@click.argument("device_yaml", type=click.Path(dir_okay=True, allow_dash=False))
@format_option(["markdown", "json", "table", "html"], "markdown")
@click.option(
    "--lang",
    type=click.Choice(["en", "ko"]),
    default="en",
    show_default=True,
    help="Report language.",
)
@click.option(
    "--detail",
    type=click.Choice(["summary", "full"]),
    help="JSON only. summary (the default): everything but the 'rejected' list of every "
    "rejected candidate ('rejection_counts' stays); full: everything.",
)
@output_option
@catalog_option
@guard
def check(
    device_yaml: str,
    fmt: str,
    lang: str,
    detail: str | None,
    output: str | None,
    catalogs: tuple[str, ...],
) -> None:
    """Recommend two models for the devices and service in DEVICE_YAML.

    \b
    Example:
      feasibility check examples/seed-scenario.yaml
      feasibility check device.yaml --lang ko -o report.md
      feasibility check device.yaml --format json --detail full -o result.json
      feasibility check device.yaml --catalog my-models.yaml --format table
      feasibility check device.yaml --format html -o report.html

    \b
    Exit status: 0 two recommendations; 3 fewer than two fit (the output
    says why); 2 bad usage or invalid input (with --format json: a JSON error
    {"error": ..., "problems": [...]} on stderr); 1 internal error (a bug).
    """
    from feasibility.api import check as run_check

    if detail is not None and fmt != "json":
        raise InputProblem("--detail applies to --format json only")
    assessment = run_check(device_yaml, catalog=load_catalog(catalogs, estimates=True))
    if fmt == "json" and detail != "full":
        write(assessment.model_dump_json(indent=2, exclude=set(SUMMARY_LEAVES_OUT)) + "\n", output)
    else:
        from feasibility.report import render

        write(render(assessment, fmt, lang), output)
    n = len(assessment.recommendations)
    if n < 2:
        click.echo(
            f"feasibility: only {n} model{'s' if n != 1 else ''} fit{'s' if n == 1 else ''} "
            "every target (see the report for why)",
            err=True,
        )
        sys.exit(EXIT_INFEASIBLE)
