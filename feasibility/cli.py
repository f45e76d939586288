"""Command line: the only place that knows argv, stdout/stderr and exit codes.

Exit codes: 0 two recommendations found; 3 valid input but fewer than two candidates fit (the
output says why); 2 bad usage or invalid input (message names the file, field and line, no
traceback); 1 an unexpected crash (a bug: rerun with --debug for the traceback).
Reports go to stdout (or ``-o FILE``), diagnostics to stderr. Heavy modules are imported inside the
commands so that start-up stays fast.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import wraps
from typing import IO, Any, TypeVar

import click

from feasibility.errors import FeasibilityError

EXIT_OK = 0
EXIT_CRASH = 1
EXIT_INPUT = 2
EXIT_INFEASIBLE = 3

F = TypeVar("F", bound=Callable[..., Any])


class InputProblem(click.ClickException):
    """A FeasibilityError shown as ``Error: ...`` with exit status 2."""

    exit_code = EXIT_INPUT


def _guard(fn: F) -> F:
    """Turn library errors into exit 2 and crashes into exit 1, tracebacks only with --debug."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        debug = bool(ctx.find_root().params.get("debug"))
        try:
            return fn(*args, **kwargs)
        except FeasibilityError as exc:
            if debug:
                raise
            raise InputProblem(str(exc)) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            raise click.Abort() from None
        except Exception as exc:  # a bug: say so, and how to get details
            if debug:
                raise
            click.echo(
                f"Internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in feasibility; rerun with --debug for the traceback.",
                err=True,
            )
            ctx.exit(EXIT_CRASH)

    return wrapper  # type: ignore[return-value]


@contextlib.contextmanager
def _out(output: str | None) -> Iterator[IO[str]]:
    """``-o FILE`` or stdout, UTF-8 (Korean) whatever the locale says; large reports stream."""
    if output:
        try:
            fh = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise InputProblem(f"cannot write {output}: {exc.strerror or exc}") from None
        with fh:
            yield fh
    else:
        out = sys.stdout
        reconfigure = getattr(out, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # not a real stream
                reconfigure(encoding="utf-8")
        yield out
        out.flush()


def _write(text: str, output: str | None) -> None:
    with _out(output) as fh:
        fh.write(text)


_catalog_option = click.option(
    "--catalog",
    "catalogs",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Catalog overlay YAML adding or replacing models, devices, runtimes (repeatable).",
)


def _load_catalog(catalogs: Sequence[str]) -> Any:
    from feasibility.api import use_layout_store
    from feasibility.catalog import load_catalog
    from feasibility.errors import CatalogError

    try:
        catalog = load_catalog(list(catalogs) or None)
    except CatalogError as exc:  # a broken reference in an overlay: add its line
        if exc.source in catalogs and any(p.line is None and p.path for p in exc.problems):
            from feasibility.loader import locate

            raise locate(exc, exc.source) from None
        raise
    use_layout_store()
    return catalog


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
    """


@cli.command()
@click.argument("device_yaml", type=click.Path(dir_okay=True, allow_dash=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json", "table"]),
    default="markdown",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "ko"]),
    default="en",
    show_default=True,
    help="Report language.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE.")
@_catalog_option
@_guard
def check(
    device_yaml: str, fmt: str, lang: str, output: str | None, catalogs: tuple[str, ...]
) -> None:
    """Recommend two models for the devices and service in DEVICE_YAML.

    \b
    Exit status: 0 two recommendations; 3 fewer than two fit (the output
    says why); 2 invalid input; 1 internal error.
    """
    from feasibility.api import check as run_check
    from feasibility.report import render

    assessment = run_check(device_yaml, catalog=_load_catalog(catalogs))
    _write(render(assessment, fmt, lang), output)
    n = len(assessment.recommendations)
    if n < 2:
        click.echo(
            f"feasibility: only {n} model{'s' if n != 1 else ''} fit{'s' if n == 1 else ''} "
            "every target (see the report for why)",
            err=True,
        )
        sys.exit(EXIT_INFEASIBLE)


@cli.command()
@click.option("--model", "model_id", required=True, help="Model id (feasibility models).")
@click.option("--quant", "quant_id", required=True, help="Quantization id (feasibility quants).")
@click.option(
    "--context",
    "context",
    type=click.IntRange(1, 1_048_576),
    default=2048,
    show_default=True,
    help="Context tokens (KV cache size).",
)
@click.option("--device", help="Device preset id or a device.yaml (first target).")
@click.option("--runtime", "runtime_id", help="Runtime id (adds its overhead).")
@click.option(
    "--bandwidth-gbs",
    type=click.FloatRange(0, 10_000, min_open=True),
    help="Memory bandwidth what-if (overrides the device).",
)
@click.option("--backend", type=click.Choice(["cpu", "gpu", "npu"]), help="Backend what-if.")
@click.option("--kv-type", type=click.Choice(["f16", "q8_0"]), default="f16", show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@_catalog_option
@_guard
def estimate(
    model_id: str,
    quant_id: str,
    context: int,
    device: str | None,
    runtime_id: str | None,
    bandwidth_gbs: float | None,
    backend: str | None,
    kv_type: str,
    fmt: str,
    catalogs: tuple[str, ...],
) -> None:
    """The numbers behind every verdict: file size, memory and speed for one model.

    \b
    Example:
      feasibility estimate --model llama-3.2-1b-instruct --quant Q4_K_M --context 4096
      feasibility estimate --model qwen3-4b --quant Q4_K_M --bandwidth-gbs 60 --format json
    """
    from feasibility.api import estimate as run_estimate

    cat = _load_catalog(catalogs)
    est = run_estimate(
        model_id,
        quant_id,
        context,
        device,
        bandwidth_gbs,
        backend,
        runtime=runtime_id,
        kv_type=kv_type,
        catalog=cat,
    )
    data = est.model_dump(mode="json")
    if fmt == "json":
        _write(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", None)
        return
    from tabulate import tabulate

    from feasibility.units import MIB, fmt_int

    rows = []
    for key in (
        "file_bytes",
        "weights_bytes",
        "kv_cache_bytes",
        "compute_bytes",
        "overhead_bytes",
        "total_bytes",
    ):
        rows.append(
            [
                key.replace("_bytes", "").replace("_", " "),
                f"{fmt_int(data[key] / MIB)} MB",
                f"{fmt_int(data[key])} B",
            ]
        )
    for key in ("decode_tps", "prefill_tps"):
        v = data[key]
        rows.append([key.replace("_", " "), "n/a" if v is None else f"{v:.1f} tok/s", ""])
    head = f"{est.model} {est.quantization}, context {fmt_int(est.context_tokens)} tokens"
    text = (
        head
        + "\n\n"
        + tabulate(rows, headers=["quantity", "value", "exact"], disable_numparse=True)
        + "\n"
    )
    if est.assumptions:
        text += "\nAssumptions:\n" + "".join(f"- {a}\n" for a in est.assumptions)
    _write(text, None)


def _list(rows: list[dict[str, Any]], fmt: str, empty: str) -> None:
    if fmt == "json":
        _write(json.dumps(rows, indent=2, sort_keys=True, ensure_ascii=False) + "\n", None)
        return
    if not rows:
        click.echo(empty, err=True)
        return
    from tabulate import tabulate

    table = [[_cell(v) for v in r.values()] for r in rows]
    _write(tabulate(table, headers=list(rows[0]), disable_numparse=True) + "\n", None)


def _cell(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, (list, tuple)):
        return ",".join(str(x) for x in v) or "-"
    return str(v)


_format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)


@cli.command("models")
@click.option("--os", "os_name", help="Only models some runtime in the catalog runs on this OS.")
@click.option("--max-params", type=float, help="Only models up to this many billion parameters.")
@click.option("--language", help="Only models whose card lists this ISO 639-1 language.")
@click.option(
    "--license",
    "license_filter",
    type=click.Choice(["commercial", "any"]),
    default="any",
    show_default=True,
)
@_format_option
@_catalog_option
@_guard
def models_cmd(
    os_name: str | None,
    max_params: float | None,
    language: str | None,
    license_filter: str,
    fmt: str,
    catalogs: tuple[str, ...],
) -> None:
    """List the models in the catalog."""
    from feasibility.units import fmt_params

    cat = _load_catalog(catalogs)
    rows = []
    for m in cat.models.values():
        lic = cat.license_of(m)
        if max_params is not None and m.params > max_params * 1e9:
            continue
        if language and language not in m.languages:
            continue
        if license_filter == "commercial" and lic.commercial == "no":
            continue
        if os_name and not any(
            r.platform(os_name) and m.architecture.type in r.architectures
            for r in cat.runtimes.values()
        ):
            continue
        rows.append(
            {
                "id": m.id,
                "params": fmt_params(m.params) if fmt == "table" else m.params,
                "family": m.family,
                "license": m.license,
                "commercial": lic.commercial,
                "context": m.context_tokens,
                "languages": list(m.languages) or [m.languages_claim],
                "architecture": m.architecture.type,
            }
        )
    _list(rows, fmt, "no model matches these filters")


@cli.command("devices")
@click.option("--os", "os_name", help="Only devices running this OS.")
@click.option("--kind", help="phone, tablet, laptop, desktop, sbc, devkit.")
@click.option("--min-ram", type=float, help="Only devices with at least this much RAM (GB).")
@_format_option
@_catalog_option
@_guard
def devices_cmd(
    os_name: str | None,
    kind: str | None,
    min_ram: float | None,
    fmt: str,
    catalogs: tuple[str, ...],
) -> None:
    """List the device presets (use their ids as 'preset:' in device.yaml)."""
    cat = _load_catalog(catalogs)
    rows = []
    for d in cat.devices.values():
        if (os_name and d.os != os_name) or (kind and d.kind != kind):
            continue
        if min_ram is not None and (d.ram_gb is None or d.ram_gb < min_ram):
            continue
        rows.append(
            {
                "id": d.id,
                "name": d.name,
                "os": d.os,
                "ram_gb": d.ram_gb,
                "bandwidth_gbs": d.memory_bandwidth_gbs,
                "npu": d.npu.name if d.npu else None,
                "npu_tops": d.npu.tops if d.npu else None,
            }
        )
    _list(rows, fmt, "no device matches these filters")


@cli.command("runtimes")
@click.option("--os", "os_name", help="Only runtimes that run on this OS.")
@_format_option
@_catalog_option
@_guard
def runtimes_cmd(os_name: str | None, fmt: str, catalogs: tuple[str, ...]) -> None:
    """List the runtimes, their OSes, accelerators and formats."""
    cat = _load_catalog(catalogs)
    rows = []
    for r in cat.runtimes.values():
        if os_name and r.platform(os_name) is None:
            continue
        formats = sorted({cat.quantizations[q].format for q in r.quantizations})
        rows.append(
            {
                "id": r.id,
                "name": r.name,
                "os": [
                    f"{p.os}{'>=' + p.min_version if p.min_version else ''}" for p in r.platforms
                ],
                "accelerators": sorted({a for p in r.platforms for a in p.accelerators}),
                "formats": formats,
                "maturity": r.maturity,
            }
        )
    _list(rows, fmt, "no runtime matches these filters")


@cli.command("quants")
@click.option("--format-name", "format_name", help="Only this file format (gguf, mlx, onnx...).")
@_format_option
@_catalog_option
@_guard
def quants_cmd(format_name: str | None, fmt: str, catalogs: tuple[str, ...]) -> None:
    """List the quantization formats with their bits per weight."""
    cat = _load_catalog(catalogs)
    rows = []
    for q in cat.quantizations.values():
        if format_name and q.format != format_name:
            continue
        rows.append(
            {
                "id": q.id,
                "name": q.name,
                "format": q.format,
                "weight_bits": q.weight_bits,
                "bits_per_weight": q.bits_per_weight,
                "runtimes": [r.id for r in cat.runtimes_for(q.id)],
            }
        )
    _list(rows, fmt, "no quantization matches these filters")


@cli.command("rules")
@_format_option
def rules_cmd(fmt: str) -> None:
    """List the rules in evaluation order, with what each checks."""
    from feasibility.rules import RULES

    rows = [{"id": r.ID, "checks": (r.__doc__ or "").strip().splitlines()[0]} for r in RULES]
    _list(rows, fmt, "")


@cli.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of device.yaml (for editor autocompletion)."""
    from feasibility.schema import Spec

    schema = Spec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "feasibility device.yaml"
    _write(json.dumps(schema, indent=2, sort_keys=True) + "\n", None)


from feasibility import cli_more as _more  # noqa: E402

for _cmd in _more.COMMANDS:
    cli.add_command(_cmd)
cli.add_command(__import__("feasibility.cli_calibrate", fromlist=["_"]).calibrate_cmd)


def main(argv: Sequence[str] | None = None) -> None:
    # The CLI uses no pydantic plugins; skipping their entry-point scan saves ~30 ms per run.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    cli.main(args=list(argv) if argv is not None else None, prog_name="feasibility")


if __name__ == "__main__":  # pragma: no cover
    main()
