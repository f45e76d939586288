"""Fit the speed constants of ``estimator.speed`` on measurements, and read llama-bench output.

Why: the roofline's efficiencies are the only numbers in the speed estimate that are not device
facts or format mechanics. They are fitted here, in one place, for two callers:
``benchmarks/accuracy.py`` fits ``speed.FITTED`` on the development rows (and refits it without
the device family it predicts, for cross-validation); ``feasibility calibrate`` fits one device's
factors on the user's own llama-bench run and writes them into a device overlay
(``Device.speed_calibration``) that every later ``check``/``estimate``/``screen`` reads.

The fit minimises the squared log error of the predicted tokens/s (a 2x miss counts the same up
or down) with a small Nelder-Mead search: a few constants per family, tens of rows.
"""

from __future__ import annotations

import json
import math
import re
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final, NamedTuple

from feasibility.bench_files import (
    BenchRow,
    PerfRow,
    Phase,
    backend_of,
    read_aihub_perf,
    read_bench,
)
from feasibility.errors import InputError
from feasibility.estimator import speed
from feasibility.schema import Device, ModelEntry, Quantization, SpeedCalibration

__all__ = [
    "BenchRow",
    "Calibration",
    "Compared",
    "Measured",
    "Observation",
    "PerfRow",
    "backend_of",
    "calibrate_device",
    "cross_validate",
    "errors",
    "fit",
    "from_aihub",
    "from_bench",
    "match_model",
    "match_name",
    "nelder_mead",
    "overlay_text",
    "predict",
    "read_aihub_perf",
    "read_bench",
    "scale_factor",
    "summary",
]


@dataclass(frozen=True)
class Observation:
    """One measured speed with everything the roofline needs to predict it."""

    family: str
    phase: Phase
    work: speed.Work
    machine: speed.Machine
    measured_tps: float
    prompt_tokens: int = 512
    chunked: bool = False
    group: str = ""
    """Device family (cross-validation leaves one out)."""
    model: str = ""
    label: str = ""


Table = Mapping[str, speed.Constants]


def predict(o: Observation, table: Table) -> float | None:
    """Tokens/s the roofline gives for ``o`` with the constants in ``table``."""
    c = table[o.family]
    if o.phase == "decode":
        t = speed.decode_seconds(o.work, o.machine, c, table.get("arm-cpu"))
        return None if t is None else 1.0 / t
    ttft = speed.ttft_seconds(o.work, o.machine, c, o.prompt_tokens, o.chunked)
    return None if ttft is None else o.prompt_tokens / ttft


# --------------------------------------------------------------------------------------------
# The fit
# --------------------------------------------------------------------------------------------

_BOUNDS: Final[dict[str, tuple[float, float]]] = {
    "bw_eff": (0.05, 1.0),
    "layer_us": (0.01, 2000.0),
    "split_ms": (0.05, 20.0),
    "decode_compute_eff": (0.005, 1.0),
    "prefill_eff": (0.005, 1.0),
    "float": (0.2, 20.0),
    "legacy": (1.0, 20.0),
    "k": (1.0, 20.0),
    "klow": (1.0, 40.0),
    "iq": (1.0, 60.0),
}


def _free(obs: Sequence[Observation]) -> tuple[str, ...]:
    """The constants the rows can tell apart."""
    names: list[str] = []
    dec = [o for o in obs if o.phase == "decode"]
    if dec:
        names.append("bw_eff")
        if len({o.work.layers for o in dec}) > 1 or any(o.machine.compute_gops for o in dec):
            names.append("layer_us")
        if any(o.work.fallback_runs for o in dec):
            names = [n for n in names if n != "layer_us"] + ["split_ms"]

        if any(o.machine.compute_gops for o in dec) and any(
            c != "plain" for o in dec for c in o.work.bytes_by_class
        ):
            names.append("decode_compute_eff")
    if any(o.phase == "prefill" and o.machine.compute_gops for o in obs):
        names.append("prefill_eff")
    if any(o.machine.compute_gops for o in obs):
        seen = {c for o in obs for c in o.work.params_by_class if o.work.params_by_class[c] > 0}
        names += [c for c in speed.CLASSES[1:] if c in seen]
    return tuple(names)


def _with(c: speed.Constants, names: Sequence[str], x: Sequence[float]) -> speed.Constants:
    vals: dict[str, Any] = {  # float constants only (``_BOUNDS``), as replace() keywords
        n: min(max(math.exp(v), _BOUNDS[n][0]), _BOUNDS[n][1])
        for n, v in zip(names, x, strict=True)
    }
    cost = dict(c.class_cost)
    for k in speed.CLASSES[1:]:
        if k in vals:
            cost[k] = vals.pop(k)
    return replace(c, class_cost=cost, **vals)


_NEUTRAL: Final[dict[str, float]] = {
    "bw_eff": 0.5,
    "layer_us": 50.0,
    "decode_compute_eff": 0.1,
    "prefill_eff": 0.3,
    "split_ms": 2.0,
}
"""Starting points of the search (never used as constants: a constant without rows stays None)."""


def _start(names: Sequence[str]) -> list[float]:
    return [math.log(_NEUTRAL.get(n, 2.0)) for n in names]


def _loss(obs: Sequence[Observation], table: Table) -> float:
    """Squared log error, each device family weighing the same (``_weights``)."""
    total = 0.0
    for o, w in zip(obs, _weights(obs), strict=True):
        p = predict(o, table)
        if p is not None and p > 0:
            total += w * math.log(p / o.measured_tps) ** 2
    return total


def _weights(obs: Sequence[Observation]) -> list[float]:
    """1 / (rows of the observation's device family): a family measured on one phone's long
    benchmark matrix must not outvote a board measured on a few models, or the constants would
    describe that phone's harness rather than the backend (rows without a family count as one)."""
    counts: dict[str, int] = {}
    for o in obs:
        counts[o.group] = counts.get(o.group, 0) + 1
    return [1.0 / counts[o.group] for o in obs]


def nelder_mead(
    f: Callable[[list[float]], float], x0: Sequence[float], step: float = 0.5, iters: int = 600
) -> list[float]:
    """Minimise ``f`` from ``x0`` (deterministic; enough for a handful of parameters)."""
    n = len(x0)
    pts = [list(x0)] + [[x0[j] + (step if j == i else 0.0) for j in range(n)] for i in range(n)]
    vals = [f(p) for p in pts]
    for _ in range(iters * max(1, n)):
        order = sorted(range(n + 1), key=lambda i: (vals[i], i))
        pts = [pts[i] for i in order]
        vals = [vals[i] for i in order]
        if vals[-1] - vals[0] < 1e-10:
            break
        centroid = [sum(p[j] for p in pts[:-1]) / n for j in range(n)]
        refl = [centroid[j] + (centroid[j] - pts[-1][j]) for j in range(n)]
        fr = f(refl)
        if fr < vals[0]:
            exp = [centroid[j] + 2 * (centroid[j] - pts[-1][j]) for j in range(n)]
            fe = f(exp)
            pts[-1], vals[-1] = (exp, fe) if fe < fr else (refl, fr)
        elif fr < vals[-2]:
            pts[-1], vals[-1] = refl, fr
        else:
            con = [centroid[j] + 0.5 * (pts[-1][j] - centroid[j]) for j in range(n)]
            fc = f(con)
            if fc < vals[-1]:
                pts[-1], vals[-1] = con, fc
            else:
                for i in range(1, n + 1):
                    pts[i] = [pts[0][j] + 0.5 * (pts[i][j] - pts[0][j]) for j in range(n)]
                    vals[i] = f(pts[i])
    best = min(range(n + 1), key=lambda i: (vals[i], i))
    return pts[best]


RESTARTS: Final = 4
"""Nelder-Mead restarts from the best point: a simplex over eight or more constants collapses
before the minimum (the Arm CPU's prefill efficiency landed 0.21 or 0.34 depending on the
start), and a fresh simplex around the best point lets it move on."""


START_SHIFTS: Final = (0.0, 1.0, -1.0)
"""Offsets (in log space) of the deterministic starting points tried: the best minimum wins."""


def _minimise(f: Callable[[list[float]], float], x0: Sequence[float]) -> list[float]:
    """Nelder-Mead from a few starts, the best restarted from its best point until a restart no
    longer improves the loss."""
    runs = [nelder_mead(f, [v + d for v in x0]) for d in START_SHIFTS]
    fx, _, x = min((f(r), i, r) for i, r in enumerate(runs))
    for _ in range(RESTARTS):
        y = nelder_mead(f, x)
        fy = f(y)
        if fy >= fx - 1e-12:
            break
        x, fx = y, fy
    return x


FIT_ORDER: Final = ("arm-cpu", "x86-cpu")
"""CPU families first: the OpenCL family's fallbacks run at the fitted CPU speed."""


def fit(
    obs: Iterable[Observation],
    start: Table | None = None,
    families: Iterable[str] | None = None,
) -> dict[str, speed.Constants]:
    """Constants per family that best predict ``obs`` (families without rows keep ``start``;
    ``families`` limits the fit to those)."""
    table = dict(start if start is not None else speed.FITTED)
    rows = list(obs)
    only = None if families is None else set(families)
    fams = sorted(
        {o.family for o in rows if only is None or o.family in only},
        key=lambda f: (f not in FIT_ORDER, f),
    )
    for fam in fams:
        mine = [o for o in rows if o.family == fam]
        names = _free(mine)
        if not names:
            continue
        base = speed.Constants(bw_eff=_NEUTRAL["bw_eff"])

        def f(
            x: list[float],
            fam: str = fam,
            base: speed.Constants = base,
            mine: list[Observation] = mine,
            names: tuple[str, ...] = names,
        ) -> float:
            return _loss(mine, {**table, fam: _with(base, names, x)})

        table[fam] = _with(base, names, _minimise(f, _start(names)))
    return table


def errors(obs: Iterable[Observation], table: Table) -> list[tuple[float, Observation, float]]:
    """(absolute % error, observation, prediction) for every predictable row."""
    out = []
    for o in obs:
        p = predict(o, table)
        if p is not None:
            out.append((abs(p - o.measured_tps) / o.measured_tps * 100, o, p))
    return out


def cross_validate(
    obs: Sequence[Observation], key: Callable[[Observation], str]
) -> list[tuple[float, Observation, float]]:
    """Predict each group of rows (``key``) with constants fitted on the other groups only."""
    out = []
    for g in sorted({key(o) for o in obs}):
        train = [o for o in obs if key(o) != g]
        test = [o for o in obs if key(o) == g]
        out += errors(test, fit(train))
    return out


def summary(errs: Sequence[tuple[float, Observation, float]]) -> dict[str, float | int | None]:
    e = [x[0] for x in errs]
    return {
        "rows": len(e),
        "median_pct": statistics.median(e) if e else None,
        "worst_pct": max(e) if e else None,
    }


def _chip(name: str) -> str:
    """Chip name without board suffixes or part numbers: ``Snapdragon 8 Elite``."""
    name = re.sub(r"\s*\(.*?\)", "", name)
    return _norm(re.sub(r"\b(QRD|ADP|reference platform)\b", "", name, flags=re.I))


def from_aihub(
    rows: Sequence[PerfRow], device: Device, quants: Mapping[str, Quantization]
) -> list[Measured]:
    """The rows measured on ``device``'s chip, as Genie NPU decode and first-pass prefill rows
    (the shortest time to first token is one 128-token prompt-processor pass)."""
    chip = _chip(device.soc or device.name)
    by_id = {q.id.lower(): q for q in quants.values()}
    out: list[Measured] = []
    for r in rows:
        q = by_id.get(f"genie-{r.precision.lower()}")
        if q is None or _chip(r.device) != chip:
            continue
        out.append(Measured("decode", "npu", q.id, 0, 128, r.tokens_per_second, "qualcomm-genie"))
        if r.ttft_min_ms:
            tps = speed.NPU_PROMPT_CHUNK / (r.ttft_min_ms / 1e3)
            out.append(
                Measured(
                    "prefill", "npu", q.id, speed.NPU_PROMPT_CHUNK, 0, tps, "qualcomm-genie", True
                )
            )
    return out


# --------------------------------------------------------------------------------------------
# One device's calibration
# --------------------------------------------------------------------------------------------


class Measured(NamedTuple):
    """One measured speed of a benchmark file, in the terms the calibration needs."""

    phase: Phase
    backend: str
    quant: str
    """Catalog quantization id (``Q4_0``, ``genie-w4a16``)."""
    n_prompt: int
    n_gen: int
    tps: float
    runtime: str = "llama.cpp"
    chunked: bool = False
    """Prompt processed in fixed 128-token passes (Qualcomm NPU builds)."""
    threads: int | None = None
    """llama.cpp's CPU threads of the run (llama-bench's ``n_threads``; None: not given)."""


def from_bench(rows: Sequence[BenchRow], quants: Mapping[str, Quantization]) -> list[Measured]:
    """llama-bench rows whose file type is a catalogued GGUF quantization."""
    out = []
    for r in rows:
        q = quants.get(r.ftype or "")
        if q is not None:
            out.append(
                Measured(
                    r.phase,
                    backend_of(r),
                    q.id,
                    r.n_prompt,
                    r.n_gen,
                    r.avg_ts,
                    "llama.cpp",
                    threads=r.threads,
                )
            )
    return out


@dataclass(frozen=True)
class Compared:
    """One measured row, and the estimate before and after calibration."""

    row: Measured
    measured: float
    before: float | None
    after: float | None


@dataclass(frozen=True)
class Calibration:
    """The fitted factors per backend and the rows they were fitted on."""

    model: str
    device: str
    factors: tuple[SpeedCalibration, ...]
    rows: tuple[Compared, ...]


def match_model(rows: Sequence[BenchRow], models: Sequence[ModelEntry], name: str) -> ModelEntry:
    """The catalog model a benchmark ran: by file name (``Llama-3.2-1B-Instruct-Q4_0.gguf``), else
    by llama-bench's model type (architecture and size label, ``llama 1B``) when one model fits.

    Raises:
        InputError: no catalog model, or several, match; the message asks for ``--model``.
    """
    hit = match_name([Path(r.model_filename).name for r in rows] + [name], models)
    if hit is not None:
        return hit
    types = {r.model_type.split(" ")[0].lower() for r in rows}
    sizes = {m.group(1) for r in rows if (m := re.search(r"\s(\d+(?:\.\d+)?[BM])\s", r.model_type))}
    fits = [
        m
        for m in models
        if m.architecture.type in types and any(_size_label(m.params) == s for s in sizes)
    ]
    if len(fits) == 1:
        return fits[0]
    found = ", ".join(m.id for m in fits[:5]) or "none"
    raise InputError(
        f"{name}: cannot tell which catalog model was benchmarked (matches: {found}); "
        "give it with --model ID (see feasibility models)"
    )


def match_name(names: Iterable[str], models: Sequence[ModelEntry]) -> ModelEntry | None:
    """The catalog model whose (normalised) name appears in one of ``names`` (file or component
    names; ``Llama-v3.2`` reads as ``Llama-3.2``), longest match first."""
    keys = [_norm(re.sub(r"-v(\d)", r"-\1", s)) for s in names]
    hits = [(len(k), m.id, m) for m in models for k in _names(m) if any(k in s for s in keys)]
    return max(hits, key=lambda h: (h[0], h[1]))[2] if hits else None


def _names(m: ModelEntry) -> set[str]:
    """Normalised names a file of ``m`` may carry: id, repo name, either without the
    instruct/chat suffix (``llama-3.2-1b`` for ``llama-3.2-1b-instruct``)."""
    out = set()
    for n in (m.id, m.hf_repo.split("/")[-1]):
        out.add(_norm(n))
        out.add(_norm(re.sub(r"-(instruct|it|chat)(-v[\d.]+)?$", "", n, flags=re.I)))
    return {n for n in out if len(n) >= 6}


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9.]", "", s.lower())


def _size_label(params: int) -> str:
    """llama.cpp's size label: params in billions, rounded as ``llm_type`` names it (1B, 1.5B)."""
    b = params / 1e9
    return f"{round(b)}B" if abs(b - round(b)) < 0.25 else f"{b:.1f}B"


def calibrate_device(
    rows: Sequence[Measured],
    model: ModelEntry,
    quants: Mapping[str, Quantization],
    device: Device,
    source: str,
) -> Calibration:
    """Fit a bandwidth factor (decode rows) and a compute factor (prompt rows) per backend.

    Raises:
        InputError: no row names a quantization the catalog knows.
    """
    from feasibility.estimator import core
    from feasibility.estimator.memory import kv_cache

    plain = device.model_copy(update={"speed_calibration": ()})
    by_id = {q.id: q for q in quants.values()}
    obs: list[tuple[Measured, Observation, speed.Constants]] = []
    for r in rows:
        q = by_id.get(r.quant)
        if q is None:
            continue
        lay = core.layout_for(model, q)
        gguf = q.format == "gguf"
        fam = core.family_of(r.backend, plain, gguf)
        c, _ = core.constants_for(fam, r.backend, None, plain, gguf)
        cfam = speed.constants_family(fam)
        ctx = max(r.n_prompt + r.n_gen, 1)
        kv = kv_cache(model.architecture, ctx, llama_cpp=False).total
        w = core.work(lay, model.architecture, kv, max(r.n_prompt, 1), fam == "adreno-opencl")
        m = core.machine(plain, r.backend, plain.memory_bandwidth_gbs, cfam == "arm-cpu", r.threads)
        o = Observation(
            family=fam,
            phase=r.phase,
            work=w,
            machine=m,
            measured_tps=r.tps,
            prompt_tokens=max(r.n_prompt, 1),
            chunked=r.chunked,
            label=f"{q.id} {r.phase}",
        )
        obs.append((r, o, c))
    if not obs:
        raise InputError(f"{source}: no row names a catalogued quantization")
    cpu_c, _ = core.constants_for(core.family_of("cpu", plain, True), "cpu", None, plain, True)
    factors: list[SpeedCalibration] = []
    compared: list[Compared] = []
    for backend, runtime in sorted({(r.backend, r.runtime) for r, _, _ in obs}):
        mine = [x for x in obs if x[0].backend == backend and x[0].runtime == runtime]
        dec = [(o, c) for _, o, c in mine if o.phase == "decode"]
        pre = [(o, c) for _, o, c in mine if o.phase == "prefill"]
        bw_f = round(scale_factor(dec, cpu_c, "bw"), 4)
        pf_f = round(scale_factor(pre, cpu_c, "compute"), 4)
        factors.append(
            SpeedCalibration(
                backend=backend,
                runtime=runtime,
                bandwidth_factor=bw_f,
                compute_factor=pf_f,
                rows=len(mine),
                source=source,
            )
        )
        for r, o, c in mine:
            after = speed.scaled(c, bw_f, pf_f)
            compared.append(Compared(r, o.measured_tps, _pred(o, c, cpu_c), _pred(o, after, cpu_c)))
    return Calibration(model.id, device.id, tuple(factors), tuple(compared))


def _pred(o: Observation, c: speed.Constants, cpu: speed.Constants) -> float | None:
    return predict(o, {o.family: c, "arm-cpu": cpu if o.family != "arm-cpu" else c})


def scale_factor(
    obs: Sequence[tuple[Observation, speed.Constants]], cpu: speed.Constants, which: str
) -> float:
    """The factor on η_bw and η_dc (``bw``) or on η_pf (``compute``) that best fits ``obs``, each
    predicted with its own constants; 1 when no row can be predicted."""
    usable = [(o, c) for o, c in obs if _pred(o, c, cpu) is not None]
    if not usable:
        return 1.0

    def f(x: list[float]) -> float:
        k = math.exp(x[0])
        total = 0.0
        for o, c in usable:
            sc = speed.scaled(c, k, 1.0) if which == "bw" else speed.scaled(c, 1.0, k)
            p = _pred(o, sc, cpu)
            if p:
                total += math.log(p / o.measured_tps) ** 2
        return total

    return math.exp(nelder_mead(f, [0.0], step=0.3, iters=200)[0])


def overlay_text(device: Device, cal: Calibration) -> str:
    """A ``--catalog`` overlay that replaces the device with its calibrated copy (YAML: JSON is
    YAML, and JSON keeps the output byte-stable without a YAML writer)."""
    calibrated = device.model_copy(update={"speed_calibration": cal.factors})
    body = {
        "schema_version": 1,
        "devices": [calibrated.model_dump(mode="json", exclude_defaults=True)],
    }
    sources = ", ".join(sorted({f.source for f in cal.factors}))
    head = f"# Speed calibration of {device.id} from {sources} ({cal.model}); use with --catalog.\n"
    return head + json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
