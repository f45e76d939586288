"""``feasibility estimate``: the numbers behind every verdict, for one model and quantization."""

from __future__ import annotations

import os
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
    output_option,
    write,
)

_SIZES = (
    "file_bytes",
    "weights_bytes",
    "kv_cache_bytes",
    "compute_bytes",
    "overhead_bytes",
    "total_bytes",
)


@click.command(cls=Command, epilog=EXIT_CODES)
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
@click.option(
    "--device",
    help="Device preset id or a device.yaml (first target): adds speed, budget and headroom.",
)
@click.option("--runtime", "runtime_id", help="Runtime id (adds its overhead).")
@click.option(
    "--bandwidth-gbs",
    type=click.FloatRange(0, 10_000, min_open=True),
    help="Memory bandwidth what-if (overrides the device).",
)
@click.option("--backend", type=click.Choice(["cpu", "gpu", "npu"]), help="Backend what-if.")
@click.option("--kv-type", type=click.Choice(["f16", "q8_0"]), default="f16", show_default=True)
@click.option(
    "--inputs",
    "inputs",
    default="text",
    show_default=True,
    help="What a request sends, comma-separated: text, image, audio (adds the encoders).",
)
@click.option(
    "--images",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Images per request (with --inputs image).",
)
@click.option(
    "--audio-seconds",
    type=click.FloatRange(0, 3600, min_open=True),
    help="Seconds of audio per request (required with --inputs audio).",
)
@format_option(["table", "json"], "table")
@output_option
@catalog_option
@guard
def estimate(
    model_id: str,
    quant_id: str,
    context: int,
    device: str | None,
    runtime_id: str | None,
    bandwidth_gbs: float | None,
    backend: str | None,
    kv_type: str,
    inputs: str,
    images: int,
    audio_seconds: float | None,
    fmt: str,
    output: str | None,
    catalogs: tuple[str, ...],
) -> None:
    """The numbers behind every verdict: file size, memory and speed for one model.

    With --device, the table also shows the device's memory budget (the one check would use:
    the device file's, else the planning default for its OS and RAM) and the headroom left.

    \b
    Example:
      feasibility estimate --model llama-3.2-1b-instruct --quant Q4_K_M --context 4096
      feasibility estimate --model qwen2.5-1.5b-instruct --quant Q4_K_M --device iphone-15-pro
      feasibility estimate --model qwen3-4b --quant Q4_K_M --bandwidth-gbs 60 --format json
      feasibility estimate --model gemma-3-4b-it --quant Q4_K_M --inputs text,image --images 2
    """
    from feasibility.api import estimate as run_estimate

    cat = load_catalog(catalogs, estimates=True)
    budget = _budget(device, cat) if device is not None else None
    est = run_estimate(
        model_id,
        quant_id,
        context,
        budget[0] if budget is not None else None,
        bandwidth_gbs,
        backend,
        runtime=runtime_id,
        kv_type=kv_type,
        catalog=cat,
        inputs=tuple(x.strip() for x in inputs.split(",") if x.strip()),
        images=images,
        audio_seconds=audio_seconds,
    )
    data = est.model_dump(mode="json")
    towers = _text_only_towers(cat.model(model_id), est)
    if towers:
        data["text_only_towers"] = towers
    if fmt == "json":
        write(dump_json(data), output)
        return
    write(_table(est, data, budget), output)


def _text_only_towers(model: Any, est: Any) -> list[dict[str, Any]]:
    """For a natively multimodal model used for text only: whether each runtime that runs its
    encoders loads them anyway (they are not in a text-only estimate's total)."""
    if est.encoder_bytes or not model.encoders:
        return []
    return [
        {
            "encoder": e.name,
            "modality": e.modality,
            "runtime": b.runtime,
            "loads": b.loads_text_only,
        }
        for e in model.encoders
        for b in e.builds
    ]


def _budget(value: str, cat: Any) -> tuple[Any, int | None, str]:
    """(device, budget bytes, basis) as ``check`` would resolve them.

    A chip reference preset has no RAM size, hence no budget (None): the other figures are still
    shown, and the basis says why the budget is missing.
    """
    from feasibility.api import load_spec
    from feasibility.schema import Spec
    from feasibility.targets import resolve

    if value in cat.devices or not os.path.exists(value):
        preset = cat.device(value)  # an unknown id: exit 2 with the nearest id
        if preset.ram_gb is None:
            return (
                preset,
                None,
                (
                    f"unknown: {value} is a chip reference platform sold with several RAM sizes "
                    "(give a device.yaml with its ram_gb)"
                ),
            )
        spec, source = Spec.model_validate({"target": {"preset": value}}), value
    else:
        spec, source = load_spec(value)
    target, resolved = resolve(spec, cat, os.path.basename(source))[0]
    return target.device, target.budget_bytes, resolved.budget_basis


def _table(est: Any, data: dict[str, Any], budget: tuple[Any, int | None, str] | None) -> str:
    from tabulate import tabulate

    from feasibility.units import MIB, fmt_int

    def size(n: int) -> list[str]:
        return [f"{fmt_int(n / MIB)} MB", f"{fmt_int(n)} B"]

    keys = (*_SIZES[:-1], "encoder_bytes", _SIZES[-1]) if est.encoder_bytes else _SIZES
    rows = [[key.replace("_bytes", "").replace("_", " "), *size(data[key])] for key in keys]
    budget_bytes = budget[1] if budget is not None else None
    if budget_bytes is not None:
        headroom = budget_bytes - est.total_bytes
        rows.append(["budget", *size(budget_bytes)])
        rows.append(["headroom" if headroom >= 0 else "over budget by", *size(abs(headroom))])
    for key in ("decode_tps", "prefill_tps"):
        v = data[key]
        rows.append([key.replace("_", " "), "n/a" if v is None else f"{v:.1f} tok/s", ""])
    if est.media_tokens:
        rows.append(["image/audio tokens", fmt_int(est.media_tokens), ""])
        ms = est.encoder_ms
        rows.append(["encoder time", "n/a" if ms is None else f"{fmt_int(ms)} ms", ""])
    rows.append(["backend", est.backend or "n/a", ""])
    rows.append(["runtime", est.runtime or "none given", ""])
    head = f"{est.model} {est.quantization}, context {fmt_int(est.context_tokens)} tokens"
    text = (
        head
        + "\n\n"
        + tabulate(rows, headers=["quantity", "value", "exact"], disable_numparse=True)
        + "\n"
    )
    if budget is not None:
        text += f"\nBudget: {budget[2]}.\n"
    if est.assumptions:
        text += "\nAssumptions:\n" + "".join(f"- {a}\n" for a in est.assumptions)
    for tw in data.get("text_only_towers", ()):
        how = "loads it anyway" if tw["loads"] else "does not load it"
        text += (
            f"\nText only: {est.model} also has the {tw['encoder']} {tw['modality']} encoder; "
            f"{tw['runtime']} {how} for text-only requests (not in this total).\n"
        )
    return text
