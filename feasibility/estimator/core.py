"""``estimate()``: memory and speed of one (model, quantization, context, device/backend).

Why: this is the accuracy core of the engine. Every figure comes from the format's mechanics
(per-tensor GGUF types, group-quantization layouts, KV cache per layer class, llama.cpp's buffer
laws) and the device's bandwidth and compute; only a few efficiencies are fitted (``speed``).
``benchmarks/accuracy.py`` states how close the figures are to published measurements.

Performance: the engine calls this ~5,000 times per check, so the weight/file layout, which is
the only expensive part, is cached per (model, quantization); the rest is a few multiplications.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from pydantic import BaseModel, ConfigDict

from feasibility.arch import breakdown
from feasibility.estimator import layout_store, speed
from feasibility.estimator.gguf import GgufLayout
from feasibility.estimator.group import GroupLayout, build_group_layout
from feasibility.estimator.memory import KvBreakdown, compute_buffer, kv_cache
from feasibility.schema import Architecture, Device, GgufScheme, ModelEntry, Quantization, Runtime

MIB: Final = 1 << 20

DEFAULT_OVERHEAD_MB: Final = 100
"""Runtime + app overhead (MiB) when no runtime is given: library code, tokenizer, graph and
bookkeeping of a llama.cpp-class runtime inside an app (typical of runtimes.yaml's overhead_mb)."""

BACKENDS: Final = ("cpu", "gpu", "npu")


class Estimate(BaseModel):
    """Figures for one combination; sizes in bytes, speeds in tokens/s."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str
    quantization: str
    runtime: str | None
    backend: str | None
    context_tokens: int
    file_bytes: int
    weights_bytes: int
    kv_cache_bytes: int
    compute_bytes: int
    overhead_bytes: int
    total_bytes: int
    decode_tps: float | None
    prefill_tps: float | None
    energy_mj_per_token: float | None
    assumptions: tuple[str, ...]
    assumption_codes: tuple[str, ...] = ()
    """Stable codes of ``assumptions``, same order (keys of ``ASSUMPTIONS``)."""
    lower_bound: bool = False
    """True for a floor (weights alone at the encoding's nominal bits, see ``weights_floor``): the
    engine uses it instead of a full estimate when even the floor exceeds the budget."""


Layout = GgufLayout | GroupLayout

_CACHE: dict[tuple[str, str], tuple[Architecture, Quantization, Layout]] = {}
_CACHE_MAX: Final = 4096


def layout_for(model: ModelEntry, quant: Quantization) -> Layout:
    """Weight/file layout, cached per (model id, quant id); recomputed if either object changed."""
    key = (model.id, quant.id)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is model.architecture and hit[1] is quant:
        return hit[2]
    if hit is not None and hit[0] == model.architecture and hit[1] == quant:
        _CACHE[key] = (model.architecture, quant, hit[2])
        return hit[2]
    s = quant.scheme
    lay: Layout
    if isinstance(s, GgufScheme):
        lay = layout_store.layout(model.architecture, s.ftype.upper())
    else:
        lay = build_group_layout(model.architecture, s)
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[key] = (model.architecture, quant, lay)
    return lay


ASSUMPTIONS: Final[dict[str, str]] = {
    "gguf-types": "GGUF: per-tensor types follow llama-quantize's classic rules with an importance "
    "matrix (as community publishers use); file = tensors padded to 32 B + tokenizer metadata.",
    "gguf-tied-copy": "llama.cpp weights include the second copy of a tied token embedding used "
    "as output head.",
    "gguf-context-pad": "llama.cpp pads the context to a multiple of 256; sliding-window layers "
    "keep pad256(window + n_ubatch) cells (swa_full off, the app/CLI default).",
    "gguf-compute": "Compute buffer: llama.cpp's worst-case prompt graph of n_ubatch tokens with "
    "all logits (CPU figure; GPU backends report 10-60 MiB more).",
    "group-format": "Group format: quantized linears at bits + scale/zero bits per group; "
    "embedding and head as the scheme states; file size counts weight files only (tokenizer and "
    "graph files excluded).",
    "group-kv": "KV cache holds exactly context_tokens (min(context, window) on sliding layers).",
    "group-compute": "Compute buffer: fp32 activations of one n_ubatch prompt chunk plus one "
    "logits row (runtime-specific arenas are not modelled).",
    "default-overhead": "No runtime given: {overhead} MiB runtime/app overhead assumed.",
    "ple-resident": "Per-layer embeddings are counted as resident; a runtime may page them from "
    "flash (they are excluded from the bytes read per token).",
    "moe": "MoE: memory holds every expert; speed reads the active experts only.",
    "decode-model": "Decode speed = fitted bandwidth efficiency x bandwidth / bytes read per token "
    "(active weights without the embedding table, plus the KV cache at the context); no thermal "
    "throttling.",
    "no-decode": "Decode speed not estimated: no memory bandwidth known.",
    "no-prefill": "Prefill speed not estimated: no compute throughput known for this backend.",
    "no-energy": "Energy per token is not estimated: no catalogued device publishes power figures "
    "to calibrate on.",
    "lower-bound": "Lower bound only: {params} parameters at {bits} bits; KV cache, buffers and "
    "overhead not added.",
}
"""What each figure assumes, by stable code (reports word the codes in their own language)."""

_GGUF_CODES: Final = ("gguf-types", "gguf-tied-copy", "gguf-context-pad", "gguf-compute")
_GROUP_CODES: Final = ("group-format", "group-kv", "group-compute")


@lru_cache(maxsize=256)
def _assumption_texts(codes: tuple[str, ...], overhead: int) -> tuple[str, ...]:
    return tuple(ASSUMPTIONS[c].format(overhead=overhead) for c in codes)


def _attention_flops(a: Architecture, context: int) -> float:
    """Scores and values of one prompt token over half the context on average."""
    return 2.0 * 2 * a.n_kv_layers * a.attention_heads * a.head_dim * (context / 2)


def _flops_per_token(a: Architecture, context: int, attention: bool = True) -> float:
    """FLOPs of one prompt token: 2 × active weights without the embedding table and the output
    head (logits are computed for the last prompt token only), plus attention."""
    p = breakdown(a)
    weights = p.active - p.embedding - p.output_head - a.offloadable_params
    return 2.0 * weights + (_attention_flops(a, context) if attention else 0.0)


def floor_bytes(model: ModelEntry, quantization: Quantization) -> int:
    """Every parameter at the encoding's nominal bits: a lower bound on the weights' bytes."""
    return int(model.params * quantization.weight_bits / 8)


def weights_floor(
    model: ModelEntry,
    quantization: Quantization,
    context_tokens: int,
    *,
    runtime: Runtime | None = None,
    backend: str | None = None,
) -> Estimate:
    """A lower bound on the total: every parameter at the encoding's nominal bits, nothing else.

    Every format stores at least ``weight_bits`` per parameter (scales, zero points, unquantized
    norms and embeddings only add), so when this floor exceeds a budget the full estimate does
    too; the engine then skips building the layout. The catalog test checks the bound against the
    full estimate for every model and quantization.
    """
    floor = floor_bytes(model, quantization)
    return Estimate(
        model=model.id,
        quantization=quantization.id,
        runtime=runtime.id if runtime is not None else None,
        backend=backend,
        context_tokens=context_tokens,
        file_bytes=floor,
        weights_bytes=floor,
        kv_cache_bytes=0,
        compute_bytes=0,
        overhead_bytes=0,
        total_bytes=floor,
        decode_tps=None,
        prefill_tps=None,
        energy_mj_per_token=None,
        assumption_codes=("lower-bound",),
        assumptions=(
            ASSUMPTIONS["lower-bound"].format(
                params=f"{model.params:,}", bits=f"{quantization.weight_bits:g}"
            ),
        ),
        lower_bound=True,
    )


_KV: dict[tuple[int, int, str, bool, int], tuple[Architecture, KvBreakdown]] = {}


def _kv(a: Architecture, context: int, kv_type: str, llama_cpp: bool, n_ubatch: int) -> KvBreakdown:
    """kv_cache(), memoized per architecture object (fleets ask the same question 10^5 times)."""
    key = (id(a), context, kv_type, llama_cpp, n_ubatch)
    hit = _KV.get(key)
    if hit is not None and hit[0] is a:
        return hit[1]
    kv = kv_cache(a, context, kv_type, llama_cpp=llama_cpp, n_ubatch=n_ubatch)
    if len(_KV) >= _CACHE_MAX:
        _KV.clear()
    _KV[key] = (a, kv)
    return kv


def estimate(
    model: ModelEntry,
    quantization: Quantization,
    context_tokens: int = 2048,
    *,
    device: Device | None = None,
    runtime: Runtime | None = None,
    bandwidth_gbs: float | None = None,
    backend: str | None = None,
    kv_type: str = "f16",
    n_ubatch: int = 512,
) -> Estimate:
    """Memory (bytes) and speed (tokens/s) of ``model`` in ``quantization`` at ``context_tokens``.

    ``bandwidth_gbs`` and ``backend`` override the device's values (what-if without a device).
    Backend defaults to "cpu" when there is a device or a bandwidth (always available).
    """
    if context_tokens < 1:
        raise ValueError("context_tokens must be positive")
    if backend is not None and backend not in BACKENDS:
        raise ValueError(f"backend must be one of {BACKENDS}, not {backend!r}")
    a = model.architecture
    lay = layout_for(model, quantization)
    gguf = isinstance(lay, GgufLayout)
    codes: list[str] = []

    if isinstance(lay, GgufLayout):
        file_bytes = lay.file_bytes
        weights = lay.resident_weight_bytes
        codes.extend(_GGUF_CODES)
    else:
        file_bytes = lay.weights_bytes
        weights = lay.weights_bytes
        codes.extend(_GROUP_CODES)

    kv = _kv(a, context_tokens, kv_type, gguf, n_ubatch)
    compute = compute_buffer(a, context_tokens, n_ubatch, llama_cpp=gguf)
    if runtime is not None:
        overhead = runtime.overhead_mb * MIB
    else:
        overhead = DEFAULT_OVERHEAD_MB * MIB
        codes.append("default-overhead")
    if a.offloadable_params:
        codes.append("ple-resident")
    if a.moe is not None:
        codes.append("moe")

    bw = (
        bandwidth_gbs
        if bandwidth_gbs is not None
        else (device.memory_bandwidth_gbs if device is not None else None)
    )
    if backend is None and (device is not None or bandwidth_gbs is not None):
        backend = "cpu"

    decode, prefill = _speeds(
        lay, a, backend, bw, runtime, device, context_tokens, kv_type, n_ubatch
    )
    codes.append("decode-model" if decode is not None else "no-decode")
    if prefill is None:
        codes.append("no-prefill")
    codes.append("no-energy")
    assumption_codes = tuple(codes)
    assumptions = _assumption_texts(assumption_codes, DEFAULT_OVERHEAD_MB)

    return Estimate(
        model=model.id,
        quantization=quantization.id,
        runtime=runtime.id if runtime is not None else None,
        backend=backend,
        context_tokens=context_tokens,
        file_bytes=file_bytes,
        weights_bytes=weights,
        kv_cache_bytes=kv.total,
        compute_bytes=compute,
        overhead_bytes=overhead,
        total_bytes=weights + kv.total + compute + overhead,
        decode_tps=decode,
        prefill_tps=prefill,
        energy_mj_per_token=None,
        assumptions=assumptions,
        assumption_codes=assumption_codes,
    )


def _speeds(
    lay: Layout,
    a: Architecture,
    backend: str | None,
    bw: float | None,
    runtime: Runtime | None,
    device: Device | None,
    context: int,
    kv_type: str,
    n_ubatch: int,
) -> tuple[float | None, float | None]:
    """(decode, prefill) tokens/s; None where bandwidth or compute throughput is unknown."""
    decode: float | None = None
    if bw is not None and backend is not None:
        kv_read = _kv(a, context, kv_type, False, n_ubatch).total
        decode = _decode(lay, a, backend, bw, runtime, device, kv_read)
    throughput = _throughput(backend, device)
    prefill: float | None = None
    if throughput is not None and backend is not None:
        prefill = _prefill(lay, a, backend, throughput, context)
    return decode, prefill


def speeds(
    model: ModelEntry,
    quantization: Quantization,
    context_tokens: int,
    *,
    device: Device,
    runtime: Runtime | None,
    backend: str,
    kv_type: str = "f16",
    n_ubatch: int = 512,
) -> tuple[float | None, float | None]:
    """Just the (decode, prefill) speeds of :func:`estimate` on ``device``.

    For callers that already hold the device-independent memory figures and evaluate many
    devices (fleet screening): the same numbers as ``estimate(...).decode_tps/prefill_tps``.
    """
    a = model.architecture
    return _speeds(
        layout_for(model, quantization),
        a,
        backend,
        device.memory_bandwidth_gbs,
        runtime,
        device,
        context_tokens,
        kv_type,
        n_ubatch,
    )


SPEED_CODES: Final = frozenset({"decode-model", "no-decode", "no-prefill", "no-energy"})
"""Assumption codes that depend on the device (what :func:`on_device` recomputes)."""


def on_device(
    est: Estimate,
    model: ModelEntry,
    quantization: Quantization,
    *,
    device: Device,
    runtime: Runtime | None,
    backend: str,
) -> Estimate:
    """``est``, computed without a device, with this device's speeds and speed assumptions.

    Why: memory does not depend on the device, so a caller evaluating many devices (a fleet, or
    several targets) computes it once per build and adds only the speeds per device. The result
    equals ``estimate(..., device=device, backend=backend)`` (a test checks it).
    """
    decode, prefill = speeds(
        model, quantization, est.context_tokens, device=device, runtime=runtime, backend=backend
    )
    codes = [c for c in est.assumption_codes if c not in SPEED_CODES]
    codes.append("decode-model" if decode is not None else "no-decode")
    if prefill is None:
        codes.append("no-prefill")
    codes.append("no-energy")
    assumption_codes = tuple(codes)
    return est.model_copy(
        update={
            "decode_tps": decode,
            "prefill_tps": prefill,
            "assumption_codes": assumption_codes,
            "assumptions": _assumption_texts(assumption_codes, DEFAULT_OVERHEAD_MB),
        }
    )


def _decode_efficiency(backend: str, runtime: Runtime | None, gguf: bool) -> float:
    if runtime is not None:
        own: float | None = getattr(runtime.efficiency, backend)
        if own is not None:
            return own
    return (speed.GGUF_DECODE_EFFICIENCY if gguf else speed.DECODE_EFFICIENCY)[backend]


def _is_adreno(device: Device | None) -> bool:
    return device is not None and "adreno" in device.gpu.lower()


def _decode(
    lay: Layout,
    a: Architecture,
    backend: str,
    bw: float,
    runtime: Runtime | None,
    device: Device | None,
    kv_read: int,
) -> float:
    """Tokens/s: seconds per token = weight streaming (+ fallbacks) + KV streaming."""
    gguf = isinstance(lay, GgufLayout)
    eff = _decode_efficiency(backend, runtime, gguf)
    if isinstance(lay, GgufLayout):
        total = sum(lay.read_bytes_by_class.values()) or 1
        scale = lay.decode_read_bytes / total  # MoE inactive experts, per-layer embeddings
        if backend == "gpu":
            if _is_adreno(device):
                fb = lay.opencl_fallback_bytes_by_class
                native = total - sum(fb.values())
                t = (
                    native / (eff * bw * 1e9)
                    + speed.class_time(fb, bw, speed.GGUF_DECODE_EFFICIENCY["cpu"])
                    + lay.opencl_fallback_runs * speed.OPENCL_SPLIT_S
                ) * scale
            else:
                t = lay.decode_read_bytes / (eff * bw * 1e9)
        else:
            t = speed.class_time(lay.read_bytes_by_class, bw, eff) * scale
    else:
        t = lay.decode_read_bytes / (eff * bw * 1e9)
    t += kv_read / (eff * bw * 1e9)
    return 1.0 / t


def _prefill(lay: Layout, a: Architecture, backend: str, throughput: float, context: int) -> float:
    eff = speed.PREFILL_EFFICIENCY[backend]
    if isinstance(lay, GgufLayout) and backend == "cpu":
        # llama.cpp CPU: each kernel class at its own fitted throughput.
        scale = _flops_per_token(a, context, attention=False) / max(
            1, 2 * sum(lay.matmul_params_by_class.values())
        )
        t = sum(
            2 * p * scale / (throughput * eff * speed.CLASS_PREFILL_FACTOR[c])
            for c, p in lay.matmul_params_by_class.items()
        )
        t += _attention_flops(a, context) / (throughput * eff)
        return 1.0 / t
    return speed.prefill_tps(_flops_per_token(a, context), throughput, eff)


def _throughput(backend: str | None, device: Device | None) -> float | None:
    """Peak FLOP/s (or OP/s) of the backend on the device, None when not published."""
    if device is None or backend is None:
        return None
    if backend == "gpu" and device.gpu_tflops_fp16:
        return device.gpu_tflops_fp16 * 1e12
    if backend == "npu" and device.npu is not None and device.npu.tops:
        return device.npu.tops * 1e12
    if backend == "cpu" and device.cpu_cores:
        return device.cpu_cores * speed.CPU_GFLOPS_PER_CORE * 1e9
    return None
