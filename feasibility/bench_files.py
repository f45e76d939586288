"""Reading benchmark files: llama-bench output (JSON, JSON Lines or its markdown table) and
Qualcomm AI Hub ``perf.yaml`` Genie metrics.

Kept apart from the fitting (``feasibility.calibrate``): parsing a user's file is where input
errors are found and worded, and none of it depends on the speed model.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal, NamedTuple

from feasibility.errors import InputError

Phase = Literal["decode", "prefill"]


# --------------------------------------------------------------------------------------------
# llama-bench output
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchRow:
    """One llama-bench test: a prompt (pp) or generation (tg) run."""

    model_type: str
    """llama-bench's ``model_type`` ("llama 1B Q4_0"): architecture, size label, file type."""
    model_filename: str
    backend: str
    """``backends`` as printed ("CPU", "Metal,BLAS", "OpenCL")."""
    n_gpu_layers: int
    n_prompt: int
    n_gen: int
    avg_ts: float
    threads: int | None = None

    @property
    def phase(self) -> Phase:
        return "decode" if self.n_gen > 0 and self.n_prompt == 0 else "prefill"

    @property
    def ftype(self) -> str | None:
        """GGUF file type (``Q4_K_M``) read from the model type or the file name."""
        t = re.search(
            r"\b(Q\d_K(?: - (?:Small|Medium|Large))?|Q\d_\d|IQ\d_\w+|F16|BF16|F32|MXFP4)",
            self.model_type,
        )
        if t:
            v = t.group(1)
            for long, short in ((" - Small", "_S"), (" - Medium", "_M"), (" - Large", "_L")):
                v = v.replace(long, short)
            return v.upper()
        f = re.search(
            r"((?:I?Q\d_[A-Z0-9_]+?)|F16|BF16|F32)(?:\.gguf|$)", self.model_filename, re.I
        )
        return f.group(1).upper() if f else None


_GPU_BACKENDS: Final = ("metal", "opencl", "vulkan", "cuda", "rocm", "hip", "sycl", "musa")


def backend_of(row: BenchRow) -> str:
    """cpu, gpu or npu: where llama-bench ran the layers."""
    b = row.backend.lower()
    if "hexagon" in b or "htp" in b:
        return "npu"
    if row.n_gpu_layers > 0 and any(g in b for g in _GPU_BACKENDS):
        return "gpu"
    return "cpu"


def _row(d: Mapping[str, object], where: str) -> BenchRow:
    try:
        return BenchRow(
            model_type=str(d["model_type"]),
            model_filename=str(d.get("model_filename", "")),
            backend=str(d.get("backends", d.get("backend", "CPU"))),
            n_gpu_layers=int(str(d.get("n_gpu_layers", 0))),
            n_prompt=int(str(d["n_prompt"])),
            n_gen=int(str(d["n_gen"])),
            avg_ts=float(str(d["avg_ts"])),
            threads=int(str(d["n_threads"])) if "n_threads" in d else None,
        )
    except (KeyError, ValueError) as e:
        raise InputError(f"{where}: not a llama-bench result ({e})") from None


_TEST = re.compile(r"^(?:pp(\d+)|tg(\d+)|pp(\d+)\+tg(\d+))(?:\s*@\s*d\d+)?$")


def _markdown(text: str, name: str) -> list[BenchRow]:
    """The default ``-o md`` table (model, size, params, backend, ngl, threads, test, t/s)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip().startswith("|")]
    if len(lines) < 3:
        raise InputError(f"{name}: no llama-bench table found")
    rows: list[BenchRow] = []
    header: list[str] = []
    for ln in lines:
        cells = [c.strip() for c in ln.strip("|").split("|")]
        if "model" in cells and "test" in cells:
            header = cells
            continue
        if not header or set("".join(cells)) <= set("-: "):
            continue
        d = dict(zip(header, cells, strict=False))
        m = _TEST.match(d.get("test", ""))
        if m is None or "t/s" not in d:
            continue
        if m.group(3):
            continue  # pp+tg mixes both phases
        n_prompt = int(m.group(1) or 0)
        n_gen = int(m.group(2) or 0)
        ngl = d.get("ngl", "99" if "backend" in d and d["backend"] != "CPU" else "0")
        rows.append(
            _row(
                {
                    "model_type": d["model"],
                    "model_filename": name,
                    "backends": d.get("backend", "CPU"),
                    "n_gpu_layers": ngl,
                    "n_prompt": n_prompt,
                    "n_gen": n_gen,
                    "avg_ts": d["t/s"].split("±")[0].strip(),
                    **({"n_threads": d["threads"]} if d.get("threads", "").isdigit() else {}),
                },
                name,
            )
        )
    return rows


def read_bench(path: str | Path) -> list[BenchRow]:
    """llama-bench results from ``-o json``, ``-o jsonl`` or the default markdown table.

    Raises:
        InputError: the file is missing or holds no llama-bench result.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror})") from None
    s = text.lstrip()
    if s.startswith("["):
        try:
            data = json.loads(s)
        except json.JSONDecodeError as e:
            raise InputError(f"{p}: invalid JSON at line {e.lineno}: {e.msg}") from None
        rows = [_row(d, f"{p} item {i}") for i, d in enumerate(data)]
    elif s.startswith("{"):
        rows = []
        for i, ln in enumerate(text.splitlines(), 1):
            if ln.strip():
                try:
                    rows.append(_row(json.loads(ln), f"{p} line {i}"))
                except json.JSONDecodeError as e:
                    raise InputError(f"{p} line {i}: invalid JSON: {e.msg}") from None
    else:
        rows = _markdown(text, p.name)
    if not rows:
        raise InputError(f"{p}: no llama-bench result found")
    return rows


# --------------------------------------------------------------------------------------------
# Qualcomm AI Hub perf.yaml
# --------------------------------------------------------------------------------------------


class PerfRow(NamedTuple):
    """One Genie LLM metric of an AI Hub ``perf.yaml``."""

    precision: str
    component: str
    device: str
    context_length: int
    ttft_min_ms: float | None
    tokens_per_second: float


def read_aihub_perf(path: str | Path) -> list[PerfRow]:
    """The ``precisions.<p>.components.<c>.performance_metrics.<device>.genie.llm_metrics``
    entries of a Qualcomm AI Hub model's ``perf.yaml``.

    Raises:
        InputError: the file is not valid YAML or holds no Genie LLM metric.
    """
    from feasibility.loader import load_yaml

    data = load_yaml(path).data
    out: list[PerfRow] = []
    precisions = data.get("precisions") if isinstance(data, dict) else None
    for prec, body in sorted((precisions or {}).items()):
        for comp, cbody in sorted(((body or {}).get("components") or {}).items()):
            for dev, dbody in sorted(((cbody or {}).get("performance_metrics") or {}).items()):
                for m in ((dbody or {}).get("genie") or {}).get("llm_metrics") or ():
                    ttft = (m.get("time_to_first_token_range_milliseconds") or {}).get("min")
                    tps = m.get("tokens_per_second")
                    if isinstance(tps, (int, float)):
                        out.append(
                            PerfRow(
                                str(prec),
                                str(comp),
                                str(dev),
                                int(m.get("context_length") or 0),
                                float(ttft) if isinstance(ttft, (int, float)) else None,
                                float(tps),
                            )
                        )
    if not out:
        raise InputError(f"{path}: no Qualcomm AI Hub Genie LLM metric found")
    return out
