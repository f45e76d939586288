"""Catalog listings (models, devices, runtimes, quants, licenses), the rules, and the schema.

Filters take the catalog's own spellings, case-insensitively (``--os Android`` is ``android``,
``--format-name GGUF`` is ``gguf``); ``--language`` also takes a language's English name
(``korean`` is ``ko``). Any other value is exit 2 with the nearest valid value.
"""

from __future__ import annotations

from typing import Any, get_args

import click

from feasibility.cli.options import (
    EXIT_CODES,
    Command,
    catalog_option,
    dump_json,
    format_option,
    guard,
    load_catalog,
    output_option,
    pick,
    write,
)

_table_or_json = format_option(["table", "json"], "table")


def _list(rows: list[dict[str, Any]], fmt: str, empty: str, output: str | None) -> None:
    if fmt == "json":
        write(dump_json(rows), output)
        return
    if not rows:
        click.echo(empty, err=True)
        return
    from tabulate import tabulate

    table = [[_cell(v) for v in r.values()] for r in rows]
    write(tabulate(table, headers=list(rows[0]), disable_numparse=True) + "\n", output)


def _cell(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, (list, tuple)):
        return ",".join(str(x) for x in v) or "-"
    return str(v)


def _os_names() -> tuple[str, ...]:
    from feasibility.schema import OS_NAMES

    return OS_NAMES


@click.command("models", cls=Command, epilog=EXIT_CODES)
@click.option("--os", "os_name", help="Only models some runtime in the catalog runs on this OS.")
@click.option("--max-params", type=float, help="Only models up to this many billion parameters.")
@click.option(
    "--language", help="Only models whose card lists this language (ISO 639-1 code or name)."
)
@click.option(
    "--license",
    "license_filter",
    type=click.Choice(["commercial", "any"]),
    default="any",
    show_default=True,
    help="commercial: leave out models whose licence forbids commercial use.",
)
@click.option(
    "--input",
    "input_kind",
    type=click.Choice(["text", "image", "audio"]),
    help="Only models that read this input (image, audio: a vision or audio encoder).",
)
@_table_or_json
@output_option
@catalog_option
@guard
def models_cmd(
    os_name: str | None,
    max_params: float | None,
    language: str | None,
    license_filter: str,
    input_kind: str | None,
    fmt: str,
    output: str | None,
    catalogs: tuple[str, ...],
) -> None:
    """List the models in the catalog.

    \b
    Example:
      feasibility models --language ko --max-params 4
      feasibility models --os ios --license commercial --format json -o models.json
      feasibility models --input image
    """
    from feasibility.schema import LANGUAGES
    from feasibility.units import fmt_params

    os_name = pick(os_name, _os_names(), "--os")
    names = {name: code for code, name in LANGUAGES.items()}
    language = pick(language, LANGUAGES, "--language", aliases=names)
    cat = load_catalog(catalogs)
    rows = []
    for m in cat.models.values():
        lic = cat.license_of(m)
        if max_params is not None and m.params > max_params * 1e9:
            continue
        if language and language not in m.languages:
            continue
        if license_filter == "commercial" and lic.commercial == "no":
            continue
        if input_kind and input_kind not in m.inputs:
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
    _list(rows, fmt, "no model matches these filters", output)


@click.command("devices", cls=Command, epilog=EXIT_CODES)
@click.option("--os", "os_name", help="Only devices running this OS (android, ios, ...).")
@click.option("--kind", help="Only this kind: phone, tablet, laptop, desktop, sbc, devkit, ...")
@click.option("--min-ram", type=float, help="Only devices with at least this much RAM (GB).")
@_table_or_json
@output_option
@catalog_option
@guard
def devices_cmd(
    os_name: str | None,
    kind: str | None,
    min_ram: float | None,
    fmt: str,
    output: str | None,
    catalogs: tuple[str, ...],
) -> None:
    """List the device presets (use their ids as 'preset:' in device.yaml).

    \b
    Example:
      feasibility devices --os android --min-ram 8
      feasibility devices --kind sbc --format json
    """
    from feasibility.schema import DeviceKind

    os_name = pick(os_name, _os_names(), "--os")
    kind = pick(kind, get_args(DeviceKind), "--kind")
    cat = load_catalog(catalogs)
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
    _list(rows, fmt, "no device matches these filters", output)


@click.command("runtimes", cls=Command, epilog=EXIT_CODES)
@click.option("--os", "os_name", help="Only runtimes that run on this OS.")
@_table_or_json
@output_option
@catalog_option
@guard
def runtimes_cmd(
    os_name: str | None, fmt: str, output: str | None, catalogs: tuple[str, ...]
) -> None:
    """List the runtimes, their OSes, accelerators and formats.

    \b
    Example:
      feasibility runtimes --os ios
      feasibility runtimes --format json -o runtimes.json
    """
    os_name = pick(os_name, _os_names(), "--os")
    cat = load_catalog(catalogs)
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
    _list(rows, fmt, "no runtime matches these filters", output)


@click.command("quants", cls=Command, epilog=EXIT_CODES)
@click.option("--format-name", "format_name", help="Only this file format (gguf, mlx, onnx...).")
@_table_or_json
@output_option
@catalog_option
@guard
def quants_cmd(
    format_name: str | None, fmt: str, output: str | None, catalogs: tuple[str, ...]
) -> None:
    """List the quantization formats with their bits per weight.

    \b
    Example:
      feasibility quants
      feasibility quants --format-name gguf --format json
    """
    cat = load_catalog(catalogs)
    formats = {q.format for q in cat.quantizations.values()}
    format_name = pick(format_name, formats, "--format-name")
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
    _list(rows, fmt, "no quantization matches these filters", output)


@click.command("licenses", cls=Command, epilog=EXIT_CODES)
@_table_or_json
@output_option
@catalog_option
@guard
def licenses_cmd(fmt: str, output: str | None, catalogs: tuple[str, ...]) -> None:
    """List the licence ids (what a model's 'license:' and import-model --license take).

    \b
    Example:
      feasibility licenses
      feasibility licenses --format json --catalog my-models.yaml
    """
    cat = load_catalog(catalogs)
    if fmt == "json":
        write(dump_json([lic.model_dump(mode="json") for lic in cat.licenses.values()]), output)
        return
    rows = [
        {"id": lic.id, "name": lic.name, "commercial": lic.commercial, "url": lic.url}
        for lic in cat.licenses.values()
    ]
    _list(rows, fmt, "the catalog has no licences", output)


@click.command("rules", cls=Command, epilog=EXIT_CODES)
@_table_or_json
@output_option
@catalog_option
@guard
def rules_cmd(fmt: str, output: str | None, catalogs: tuple[str, ...]) -> None:
    """List the rules in evaluation order, with what each checks.

    The rules are code, the same whatever the catalog; --catalog is accepted like everywhere
    and its overlays are validated.

    \b
    Example:
      feasibility rules
      feasibility rules --format json -o rules.json
    """
    from feasibility.rules import RULES

    if catalogs:
        load_catalog(catalogs)
    rows = [{"id": r.ID, "checks": (r.__doc__ or "").strip().splitlines()[0]} for r in RULES]
    _list(rows, fmt, "", output)


def device_schema() -> dict[str, Any]:
    """JSON Schema of device.yaml, as the loader reads it: ``targets:`` or a single ``target:``."""
    from feasibility.schema import Spec

    schema = Spec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "feasibility device.yaml"
    props = schema["properties"]
    props["target"] = {
        "$ref": "#/$defs/TargetSpec",
        "description": "A single target, instead of a 'targets' list of one.",
    }
    props["device"] = {
        "$ref": "#/$defs/TargetSpec",
        "description": "Same as 'target' (older spelling).",
    }
    schema.pop("required", None)
    schema["oneOf"] = [{"required": [key]} for key in ("targets", "target", "device")]
    return schema


@click.command("schema", cls=Command, epilog=EXIT_CODES)
@format_option(["json"], "json", "Output format (JSON Schema is JSON).")
@output_option
@catalog_option
@guard
def schema_cmd(fmt: str, output: str | None, catalogs: tuple[str, ...]) -> None:
    """Print the JSON Schema of device.yaml (for editor autocompletion).

    It accepts a 'targets:' list or a single 'target:' mapping. The schema is the same whatever
    the catalog; --catalog is accepted like everywhere and its overlays are validated.

    \b
    Example:
      feasibility schema -o device.schema.json
      # in device.yaml, for the YAML language server:
      # yaml-language-server: $schema=device.schema.json
    """
    if catalogs:
        load_catalog(catalogs)
    write(dump_json(device_schema()), output)
