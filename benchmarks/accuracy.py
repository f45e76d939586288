"""How close ``feasibility.estimator`` is to published measurements.

Why: the engine's verdicts are only as good as its memory and speed figures, so this script
states their accuracy against the development set in benchmarks/measurements
(gguf_sizes.csv, device_speed.csv, other_format_sizes.csv). For each quantity it prints the row
count, median and worst absolute percentage error, and the three rows that miss most.

Speed is reported twice. In-sample: the shipped constants (``speed.FITTED``, fitted on these very
rows). Cross-validated, which is the figure to quote: per backend family, every group of rows is
predicted by constants refitted (``feasibility.calibrate.fit``) without it, one device family at a
time where the family was measured on two or more chip generations, else one model at a time.

Run from the repository root: ``python benchmarks/accuracy.py [--measurements DIR] [--fit]``
(``--fit`` also prints the constants fitted on every row, the values to ship in ``speed.FITTED``).
``run(measurements_dir)`` returns the same figures for tests.

Row mapping: measurement model names map to catalog ids by lowercasing (``Llama-3.2-1B-Instruct``
→ ``llama-3.2-1b-instruct``); models the catalog lacks map to an architecture twin of
benchmarks/twins.yaml (same tensors, so same bytes and FLOPs), which also holds the benchmark
chips that are not catalog devices; rows with neither are skipped and counted, and so are the
prefill rows the estimator does not model (``speed.HTP_PREFILL_CLASSES``: the ggml Hexagon
backend's rows of files whose matrices it sends to the HTP, which neither estimate nor fit can
use).
GGUF quant names are llama.cpp file types (the catalog entry is used when it exists, otherwise a
``GgufScheme`` with that ftype, which is all the estimate needs). Other formats map to the
catalog's quantization ids where they exist, else to the group layouts of quant_internals.md §5
written out below (``OTHER_FORMATS``).

Interpretation of the measured buffers (PocketPal / llama.rn, n_ctx 2048): for models with
sliding-window layers llama.cpp prints the SWA cache and the full cache on two lines and the
source copied one line (22 MiB for gemma-3-1b-it = the 22 SWA layers); the comparison uses the
estimate's SWA part for those rows (quant_internals.md §4.2). The compute buffer is compared on
all backends although the law is fitted on CPU (GPU/NPU report 10-60 MiB more).
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from feasibility import calibrate  # noqa: E402
from feasibility.estimator import core, estimate, speed  # noqa: E402
from feasibility.estimator.core import layout_for  # noqa: E402
from feasibility.estimator.gguf import GgufLayout  # noqa: E402
from feasibility.estimator.memory import kv_cache  # noqa: E402
from feasibility.schema import (  # noqa: E402
    Device,
    DevicesFile,
    GgufScheme,
    GroupScheme,
    ModelEntry,
    ModelsFile,
    Quantization,
    QuantizationsFile,
)

DEFAULT_MEASUREMENTS = ROOT / "benchmarks" / "measurements"
"""A copy of the published measurements (each row names its source), kept in the repository so
that the accuracy check runs from any checkout."""
MIB = 1 << 20
_SRC = ("https://github.com/ggml-org/llama.cpp",)

# (format substring, precision) -> (catalog quantization ids to try, fallback GroupScheme).
# Fallbacks follow quant_internals.md §5; "bits" of float formats are the float width.
OTHER_FORMATS: dict[tuple[str, str], tuple[tuple[str, ...], GroupScheme | None]] = {
    ("MLX", "4bit"): (
        ("mlx-4bit",),
        GroupScheme(bits=4, group_size=64, scale_bytes=2, zero_bytes=2, lm_head="tied"),
    ),
    ("Transformers.js", "fp32"): (
        ("onnx-fp32",),
        GroupScheme(
            bits=32,
            group_size=None,
            scale_bytes=0,
            embeddings="float32",
            lm_head="tied",
            other_bits=32,
        ),
    ),
    ("Transformers.js", "fp16"): (
        ("onnx-fp16",),
        GroupScheme(bits=16, group_size=None, scale_bytes=0, embeddings="float16", lm_head="tied"),
    ),
    ("Transformers.js", "int8"): (
        ("onnx-int8",),
        GroupScheme(
            bits=8,
            group_size=None,
            scale_bytes=4,
            zero_bytes=1,
            embeddings="int8",
            lm_head="tied",
            other_bits=32,
        ),
    ),
    ("Transformers.js", "q4"): (
        ("onnx-q4",),
        GroupScheme(
            bits=4,
            group_size=32,
            scale_bytes=4,
            zero_bytes=0.5,
            embeddings="float32",
            lm_head="tied",
            other_bits=32,
        ),
    ),
    ("Transformers.js", "q4f16"): (
        ("onnx-q4f16",),
        GroupScheme(
            bits=4,
            group_size=32,
            scale_bytes=2,
            zero_bytes=0.5,
            embeddings="float16",
            lm_head="tied",
        ),
    ),
    ("Transformers.js", "bnb4"): (
        ("onnx-bnb4",),
        GroupScheme(
            bits=4,
            group_size=64,
            scale_bytes=4,
            embeddings="float32",
            lm_head="tied",
            other_bits=32,
        ),
    ),
    ("ONNX Runtime GenAI", "int4"): (
        ("onnx-int4",),
        GroupScheme(
            bits=4,
            group_size=32,
            scale_bytes=4,
            zero_bytes=0.5,
            embeddings="float32",
            lm_head="quantized",
            tied_stored_twice=True,
            other_bits=32,
        ),
    ),
    ("LiteRT (.tflite)", "fp32"): (
        ("litert-fp32",),
        GroupScheme(
            bits=32,
            group_size=None,
            scale_bytes=0,
            embeddings="float32",
            lm_head="tied",
            other_bits=32,
        ),
    ),
    ("LiteRT (.tflite)", "dynamic_int8"): (
        ("litert-int8", "litert-dynamic-int8"),
        GroupScheme(
            bits=8, group_size=None, scale_bytes=4, embeddings="int8", lm_head="tied", other_bits=32
        ),
    ),
    ("MediaPipe", "q4"): (
        ("litert-int4", "mediapipe-int4"),
        GroupScheme(bits=4, group_size=32, scale_bytes=2, lm_head="tied", other_bits=32),
    ),
    ("MediaPipe", "q8"): (
        ("litert-int8", "mediapipe-int8"),
        GroupScheme(
            bits=8, group_size=None, scale_bytes=4, embeddings="int8", lm_head="tied", other_bits=32
        ),
    ),
    ("MediaPipe", "f32"): (
        ("litert-fp32",),
        GroupScheme(
            bits=32,
            group_size=None,
            scale_bytes=0,
            embeddings="float32",
            lm_head="tied",
            other_bits=32,
        ),
    ),
}

# Vendor NPU stacks (Qualcomm AI Hub / Genie): quant label -> catalog ids, fallback scheme.
NPU_QUANTS: dict[str, tuple[tuple[str, ...], GroupScheme]] = {
    "w4a16": (
        ("qnn-w4a16", "genie-w4a16", "qnn-int4"),
        GroupScheme(
            bits=4, group_size=None, scale_bytes=4, embeddings="float16", lm_head="quantized"
        ),
    ),
    "w4": (
        ("qnn-w4", "qnn-w4a8", "genie-w4"),
        GroupScheme(
            bits=4, group_size=None, scale_bytes=4, embeddings="float16", lm_head="quantized"
        ),
    ),
}

# ExecuTorch model-card labels -> catalog ids, fallback scheme.
EXECUTORCH_QUANTS: dict[str, tuple[tuple[str, ...], GroupScheme]] = {
    "bf16": (
        ("executorch-bf16",),
        GroupScheme(bits=16, group_size=None, scale_bytes=0, embeddings="float16", lm_head="tied"),
    ),
    "spinquant": (
        ("executorch-8da4w-g32",),
        GroupScheme(
            bits=4,
            group_size=32,
            scale_bytes=4,
            embeddings="int8",
            lm_head="quantized",
            tied_stored_twice=True,
            other_bits=32,
        ),
    ),
}
EXECUTORCH_QUANTS["qlora"] = EXECUTORCH_QUANTS["spinquant"]

BINARY_UNIT_REPOS: frozenset[str] = frozenset({"pbatra/TinyLlama-1.1B-Chat-v1.0-GGUF"})
"""Uploader README tables written in GiB although labelled GB (not Hugging Face's decimal file
listing): pbatra's 0.59/0.62/0.84/1.09 "GB" equal TheBloke's decimal 0.64/0.67/0.90/1.17 GB for the
same TinyLlama files divided by 1.0737 (= 2^30 / 10^9)."""

BACKENDS = (("CPU", "cpu"), ("GPU", "gpu"), ("NPU", "npu"))


class Catalogs:
    """The catalog files that exist (others may still be in progress), read with the schema."""

    def __init__(self, data: Path) -> None:
        import yaml

        def read(name: str) -> Any:
            p = data / name
            return yaml.safe_load(p.read_text(encoding="utf-8")) if p.is_file() else None

        m = read("models.yaml")
        d = read("devices.yaml")
        q = read("quantizations.yaml")
        self.models: dict[str, ModelEntry] = (
            {e.id: e for e in ModelsFile.model_validate(m).models} if m else {}
        )
        self.devices: list[Device] = list(DevicesFile.model_validate(d).devices) if d else []
        self.quants: dict[str, Quantization] = (
            {e.id.lower(): e for e in QuantizationsFile.model_validate(q).quantizations}
            if q
            else {}
        )

    def quant(
        self, ids: Iterable[str], scheme: GroupScheme | GgufScheme, name: str
    ) -> Quantization:
        for i in ids:
            if i.lower() in self.quants:
                return self.quants[i.lower()]
        qid = re.sub(r"[^A-Za-z0-9._-]", "-", name)[:40]
        return Quantization(
            id=qid,
            name=name,
            format="gguf" if isinstance(scheme, GgufScheme) else "other",
            weight_bits=4,
            scheme=scheme,
            sources=_SRC,
        )

    def gguf(self, ftype: str) -> Quantization:
        return self.quant((ftype,), GgufScheme(ftype=ftype.upper()), ftype.upper())

    def device(self, name: str, chip: str) -> Device | None:
        low = name.lower()
        for dv in self.devices:
            if dv.name.lower() == low or dv.id == low.replace(" ", "-"):
                return dv
        for dv in self.devices:
            if chip and chip.lower() in (dv.soc or "").lower() and dv.memory_bandwidth_gbs:
                return dv
        return None


TWINS = ROOT / "benchmarks" / "twins.yaml"
"""Benchmark-only overlay: architecture twins of measured models that the catalog lacks, and the
benchmark chips' facts (see the file's header)."""


class Twins:
    """Measurement names -> ModelEntry / Device of the twins overlay, and -> the catalog id of a
    model with the same tensors (``aliases``: a base checkpoint and its instruct tune)."""

    def __init__(self, path: Path = TWINS) -> None:
        import yaml

        raw = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
        self.models = {
            k: ModelEntry.model_validate(v) for k, v in (raw.get("models") or {}).items()
        }
        self.devices = {k: Device.model_validate(v) for k, v in (raw.get("devices") or {}).items()}
        self.aliases: dict[str, str] = dict(raw.get("aliases") or {})


class SpeedRow(NamedTuple):
    """One published speed, resolved to catalog (or twin) objects."""

    label: str
    phase: str
    measured: float
    model: ModelEntry
    quant: Quantization
    device: Device | None
    bandwidth: float | None
    backend: str
    context: int
    prompt: int
    group: str
    """Device family: the chip generation (Apple M1, Apple M2, Snapdragon 8 Gen 2, ...)."""
    threads: int | None = None
    """llama.cpp's CPU threads in the decode run, where the source gives them (``decode_threads``):
    a run with more threads than performance cores is paced (``speed.decode_pace``)."""


def device_group(device: str, chip: str) -> str:
    """Chip generation: tiers of one generation (Pro/Max/Ultra) share a family."""
    name = chip or device
    name = re.sub(r"\s*\(.*\)", "", name)
    name = re.sub(r"\b(Pro|Max|Ultra)\b", "", name)
    name = re.sub(r"\bfor Galaxy\b", "", name)
    return " ".join(name.split())


def speed_rows(
    mdir: Path, cat: Catalogs, bw_csv: dict[str, float]
) -> tuple[list[SpeedRow], dict[str, int]]:
    """Every decode and prefill figure of device_speed.csv, twins included; and how many rows per
    quantity could not be resolved (no model or twin, or no bandwidth for a decode row)."""
    twins = Twins()
    out: list[SpeedRow] = []
    skipped = {"decode_tps": 0, "prefill_tps": 0}
    with (mdir / "device_speed.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            name = r["model"].strip()
            m = (
                cat.models.get(model_id(name))
                or twins.models.get(name)
                or cat.models.get(twins.aliases.get(name, ""))
            )
            for phase in ("decode", "prefill"):
                if not r[f"{phase}_tps"].strip():
                    continue
                row = None if m is None else _speed_row(r, phase, m, cat, twins, bw_csv)
                if row is not None and phase == "prefill" and not _prefill_modelled(row):
                    row = None  # no estimate to compare or constant to fit (ggml Hexagon)
                if row is None:
                    skipped[f"{phase}_tps"] += 1
                else:
                    out.append(row)
    return out, skipped


def _speed_row(
    r: dict[str, str],
    phase: str,
    m: ModelEntry,
    cat: Catalogs,
    twins: Twins,
    bw_csv: dict[str, float],
) -> SpeedRow | None:
    backend = next((b for key, b in BACKENDS if r["backend"].startswith(key)), "cpu")
    quant = r["quant"].strip()
    if quant.lower() in NPU_QUANTS:
        ids, scheme = NPU_QUANTS[quant.lower()]
        qt = cat.quant(ids, scheme, quant)
    elif quant.lower() in EXECUTORCH_QUANTS:
        ids, ex_scheme = EXECUTORCH_QUANTS[quant.lower()]
        qt = cat.quant(ids, ex_scheme, f"ExecuTorch {quant}")
    else:
        qt = cat.gguf(quant)
    dev = twins.devices.get(r["device"].strip()) or cat.device(r["device"], r["chip"])
    bw: float | None = float(r["mem_bandwidth_gbs"]) if r["mem_bandwidth_gbs"] else None
    if bw is None and dev is not None:
        bw = dev.memory_bandwidth_gbs
    if bw is None:
        bw = bw_csv.get(r["device"].lower()) or bw_csv.get(r["chip"].lower())
    label = f"{m.id} {quant} {r['backend'].split(' (')[0]} {r['device']}"
    gen = int(r["gen_tokens"] or 0) or int(r["prompt_tokens"] or 0) or 128
    pp = int(r["prompt_tokens"] or 512)
    measured = float(r[f"{phase}_tps"])
    ctx = gen if phase == "decode" else max(pp, 1)
    if bw is None and phase == "decode":
        return None
    return SpeedRow(
        label,
        phase,
        measured,
        m,
        qt,
        dev,
        bw,
        backend,
        ctx,
        pp,
        device_group(r["device"], r["chip"]),
        int(r["decode_threads"]) if (r.get("decode_threads") or "").strip() else None,
    )


def family(r: SpeedRow) -> str:
    """The row's backend family, as the estimator names it."""
    return core.family_of(r.backend, r.device, isinstance(layout_for(r.model, r.quant), GgufLayout))


def _prefill_modelled(r: SpeedRow) -> bool:
    """Whether the estimator models the row's prefill (``speed.HTP_PREFILL_CLASSES``)."""
    return speed.prefill_modelled(family(r), observation(r).work.params_by_class)


def observation(r: SpeedRow) -> calibrate.Observation:
    """The row as the fit sees it: work, machine and family from the estimator's own functions."""
    lay = layout_for(r.model, r.quant)
    fam = family(r)
    kv = kv_cache(r.model.architecture, r.context, llama_cpp=False).total
    w = core.work(lay, r.model.architecture, kv, r.prompt, fallbacks=fam == "adreno-opencl")
    cfam = speed.constants_family(fam)
    m = core.machine(r.device, r.backend, r.bandwidth, cfam == "arm-cpu", r.threads)
    return calibrate.Observation(
        family=cfam,
        phase="decode" if r.phase == "decode" else "prefill",
        work=w,
        machine=m,
        measured_tps=r.measured,
        prompt_tokens=r.prompt,
        chunked=fam == "qnn-htp",
        group=r.group,
        model=r.model.id,
        label=r.label,
    )


def cross_validation(rows: list[SpeedRow]) -> dict[str, dict[str, Any]]:
    """Per backend family and phase: errors on rows predicted by constants fitted without them.

    Leave one device family out where the backend family was measured on two or more device
    families; otherwise leave one model out (the device family is then seen in training, which
    the method column says).
    """
    obs = [observation(r) for r in rows]
    res: dict[str, dict[str, Any]] = {}
    for fam in sorted({o.family for o in obs}):
        mine = [o for o in obs if o.family == fam]
        groups = {o.group for o in mine}
        if len(groups) > 1:
            method, key = "leave one device family out", (lambda o: o.group)
        else:
            method, key = "leave one model out", (lambda o: o.model)
        # Other families' rows stay in training (the OpenCL fallbacks need the CPU's constants).
        others = [o for o in obs if o.family != fam]
        errs: list[tuple[float, calibrate.Observation, float]] = []
        for g in sorted({key(o) for o in mine}):
            train = others + [o for o in mine if key(o) != g]
            if fam == "adreno-opencl":
                train = [o for o in train if key(o) != g]
            table = calibrate.fit(train)
            seen = _classes([o for o in train if o.family == fam])
            test = [o for o in mine if key(o) == g]
            errs += calibrate.errors([o for o in test if _classes([o]) <= seen], table)
        for phase in ("decode", "prefill"):
            ph = [e for e in errs if e[1].phase == phase]
            if ph:
                s = calibrate.summary(ph)
                worst = sorted(ph, key=lambda e: -e[0])[:3]
                s["method"] = method
                s["groups"] = sorted(groups)
                s["worst_rows"] = [(e[1].label, e[2], e[1].measured_tps, e[0]) for e in worst]
                res[f"{fam} {phase}"] = s
    return res


def _classes(obs: Iterable[calibrate.Observation]) -> set[str]:
    """Kernel classes the rows multiply (a fit learns the cost of these classes only: a row of a
    class its training never saw is not predictable, and cross-validation leaves it out)."""
    return {c for o in obs for c, p in o.work.params_by_class.items() if p > 0}


def calibration_transfer(rows: list[SpeedRow]) -> dict[str, dict[str, Any]]:
    """How well one model's Q4_0 run on a device predicts that device's other rows.

    What ``feasibility calibrate`` promises: per device and backend family, the Q4_0 rows of one
    model fix the device's bandwidth and compute factors; every other row on that device (other
    quantizations, other models) is then predicted. The family constants underneath are refitted
    without those predicted rows, so none of them is seen. Only families measured on two or more
    chip generations qualify: with one chip, removing its rows leaves nothing to fit the family on.
    """
    obs = [(r, observation(r)) for r in rows]
    chips: dict[str, set[str]] = {}
    for r, o in obs:
        chips.setdefault(o.family, set()).add(r.group)
    errs: dict[str, list[tuple[float, calibrate.Observation, float]]] = {}
    seen: set[tuple[str, str, str]] = set()
    for r, o in obs:
        key = (r.label.split(" ", 3)[-1], o.family, r.model.id)
        if r.quant.id.upper() != "Q4_0" or key in seen or len(chips[o.family]) < 2:
            continue
        seen.add(key)
        device = key[0]
        same = [
            (x, y) for x, y in obs if x.label.split(" ", 3)[-1] == device and y.family == o.family
        ]
        anchors = [y for x, y in same if x.model.id == r.model.id and x.quant.id.upper() == "Q4_0"]
        targets = [
            y for x, y in same if not (x.model.id == r.model.id and x.quant.id.upper() == "Q4_0")
        ]
        if not targets:
            continue
        train = [y for _, y in obs if all(y is not t for t in targets)]
        fitted = _classes([y for y in train if y.family == o.family])
        targets = [t for t in targets if _classes([t]) <= fitted]
        table = calibrate.fit(train, families=(o.family,))
        base, _ = speed.constants(o.family, table)
        cpu, _ = speed.constants("arm-cpu", table)
        pairs = [(a, base) for a in anchors]
        bw = calibrate.scale_factor([p for p in pairs if p[0].phase == "decode"], cpu, "bw")
        pf = calibrate.scale_factor([p for p in pairs if p[0].phase == "prefill"], cpu, "compute")
        scaled = {**table, o.family: speed.scaled(base, bw, pf)}
        errs.setdefault(o.family, []).extend(calibrate.errors(targets, scaled))
    out: dict[str, dict[str, Any]] = {}
    for fam, e in sorted(errs.items()):
        for phase in ("decode", "prefill"):
            ph = [x for x in e if x[1].phase == phase]
            if ph:
                out[f"{fam} {phase}"] = calibrate.summary(ph)
    return out


def parse_size(exact: str, reported: str, binary: bool = False) -> float | None:
    if exact.strip():
        return float(exact)
    m = re.match(r"^\s*([\d.,]+)\s*([KMG])B\s*$", reported, re.I)
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    unit = m.group(2).upper()
    if binary:
        return value * {"K": 2**10, "M": 2**20, "G": 2**30}[unit]
    return value * {"K": 1e3, "M": 1e6, "G": 1e9}[unit]


def model_id(name: str) -> str:
    return name.strip().lower()


class Quantity:
    def __init__(self, name: str) -> None:
        self.name = name
        self.rows: list[tuple[float, str, float, float]] = []
        self.skipped = 0

    def add(self, label: str, est: float, meas: float) -> None:
        self.rows.append((abs(est - meas) / meas * 100, label, est, meas))

    def summary(self) -> dict[str, Any]:
        errs = [r[0] for r in self.rows]
        worst = sorted(self.rows, key=lambda r: -r[0])[:3]
        return {
            "rows": len(errs),
            "skipped": self.skipped,
            "median_pct": statistics.median(errs) if errs else None,
            "worst_pct": max(errs) if errs else None,
            "worst_rows": [(lab, est, meas, err) for err, lab, est, meas in worst],
        }


def _bandwidth_from_csv(ref: Path) -> dict[str, float]:
    """devices.csv (reference set): SoC/chip name -> bandwidth, for rows that lack both."""
    out: dict[str, float] = {}
    p = ref / "devices.csv"
    if p.is_file():
        with p.open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                try:
                    out[r["name"].lower()] = float(r["mem_bandwidth_gbs"])
                except (KeyError, ValueError):
                    continue
    return out


def run(
    measurements_dir: str | Path = DEFAULT_MEASUREMENTS, data_dir: str | Path | None = None
) -> dict[str, dict[str, Any]]:
    mdir = Path(measurements_dir)
    cat = Catalogs(Path(data_dir) if data_dir else ROOT / "data")
    bw_csv = _bandwidth_from_csv(mdir.parent)
    q = {
        k: Quantity(k)
        for k in (
            "file_size",
            "weights_buffer",
            "kv_buffer",
            "compute_buffer",
            "decode_tps",
            "prefill_tps",
            "other_format_size",
        )
    }

    with (mdir / "gguf_sizes.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            m = cat.models.get(model_id(r["model"]))
            size = parse_size(
                r["size_bytes"], r["size_reported"], r["hf_repo"] in BINARY_UNIT_REPOS
            )
            if m is None or size is None:
                q["file_size"].skipped += 1
                continue
            qt = cat.gguf(r["quant"])
            e = estimate(m, qt)
            q["file_size"].add(
                f"{m.id} {r['quant']} ({r['hf_repo'].split('/')[0]})", e.file_bytes, size
            )

    with (mdir / "other_format_sizes.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            m = cat.models.get(model_id(r["model"]))
            size = parse_size(r["size_bytes"], r["size_reported"])
            prec = r["precision"].split(" ")[0].split(",")[0]
            spec = next(
                (v for (fmt, p), v in OTHER_FORMATS.items() if fmt in r["format"] and p == prec),
                None,
            )
            if m is None or size is None or spec is None or spec[1] is None:
                q["other_format_size"].skipped += 1
                continue
            qt = cat.quant(spec[0], spec[1], f"{r['format']} {prec}")
            e = estimate(m, qt)
            q["other_format_size"].add(f"{m.id} {r['format']} {prec}", e.file_bytes, size)

    _buffers(mdir, cat, q)
    rows, skipped = speed_rows(mdir, cat, bw_csv)
    for k, n in skipped.items():
        q[k].skipped += n
    for r in rows:
        e = estimate(
            r.model,
            r.quant,
            r.context,
            device=r.device,
            bandwidth_gbs=r.bandwidth,
            backend=r.backend,
            prompt_tokens=r.prompt,
            cpu_threads=r.threads,
        )
        got = e.decode_tps if r.phase == "decode" else e.prefill_tps
        if got is None:
            q[f"{r.phase}_tps"].skipped += 1
        else:
            q[f"{r.phase}_tps"].add(r.label, got, r.measured)
    out = {k: v.summary() for k, v in q.items()}
    out["cross_validation"] = cross_validation(rows)
    out["calibration_transfer"] = calibration_transfer(rows)
    return out


def _buffers(mdir: Path, cat: Catalogs, q: dict[str, Quantity]) -> None:
    """llama.cpp's printed weights, KV and compute buffers against the memory estimate."""
    with (mdir / "device_speed.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if not r["llama_alloc_weights_mib"].strip():
                continue
            m = cat.models.get(model_id(r["model"]))
            if m is None:
                for k in ("weights", "kv", "compute"):
                    q[f"{k}_buffer"].skipped += 1
                continue
            qt = cat.gguf(r["quant"].strip())
            ctx = int(r["context_len"] or 2048)
            label = f"{m.id} {r['quant']} {r['backend'].split(' (')[0]} {r['device']}"
            e = estimate(m, qt, ctx, n_ubatch=512)
            q["weights_buffer"].add(
                label, e.weights_bytes / MIB, float(r["llama_alloc_weights_mib"])
            )
            kv = kv_cache(m.architecture, ctx, llama_cpp=True)
            kv_est = kv.swa_bytes if kv.swa_bytes else kv.total
            q["kv_buffer"].add(label, kv_est / MIB, float(r["llama_alloc_kv_mib"]))
            q["compute_buffer"].add(
                label, e.compute_bytes / MIB, float(r["llama_alloc_compute_mib"])
            )


def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.1f}%"


def main(argv: list[str] | None = None, out: Callable[[str], None] = print) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--measurements",
        default=str(DEFAULT_MEASUREMENTS),
        help="folder with gguf_sizes.csv, device_speed.csv, other_format_sizes.csv",
    )
    ap.add_argument("--data", default=None, help="catalog folder (default: data/ in the repo)")
    ap.add_argument(
        "--fit",
        action="store_true",
        help="also print the constants fitted on every row (the values of speed.FITTED)",
    )
    args = ap.parse_args(argv)
    res = run(args.measurements, args.data)
    cv = res.pop("cross_validation")
    transfer = res.pop("calibration_transfer")
    out("In-sample (the shipped constants, fitted on these rows):")
    for name, s in res.items():
        out(
            f"{name:18s} rows {s['rows']:3d}  skipped {s['skipped']:3d}  "
            f"median {_fmt(s['median_pct']):>7s}  worst {_fmt(s['worst_pct']):>7s}"
        )
        for lab, est, meas, err in s["worst_rows"]:
            out(f"    {err:6.1f}%  est {est:,.2f}  measured {meas:,.2f}  {lab}")
    out("")
    out("Cross-validated (constants refitted without the rows they predict):")
    for name, s in cv.items():
        out(
            f"{name:24s} rows {s['rows']:3d}  median {_fmt(s['median_pct']):>7s}  "
            f"worst {_fmt(s['worst_pct']):>7s}  {s['method']} ({', '.join(s['groups'])})"
        )
        for lab, est, meas, err in s["worst_rows"]:
            out(f"    {err:6.1f}%  est {est:,.2f}  measured {meas:,.2f}  {lab}")
    out("")
    out("One model's Q4_0 run calibrating its device, predicting the device's other rows:")
    for name, s in transfer.items():
        out(
            f"{name:24s} rows {s['rows']:3d}  median {_fmt(s['median_pct']):>7s}  "
            f"worst {_fmt(s['worst_pct']):>7s}"
        )
    if args.fit:
        out("")
        out("Constants fitted on every row:")
        data = Path(args.data) if args.data else ROOT / "data"
        rows, _ = speed_rows(Path(args.measurements), Catalogs(data), {})
        table = calibrate.fit([observation(r) for r in rows])
        for fam in sorted(table):
            out(f"  {fam}: {table[fam]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
