"""``estimate()``: memory and speed of one (model, quantization, context, device/backend).

Why: this is the accuracy core of the engine. Every figure comes from the format's mechanics
(per-tensor GGUF types, group-quantization layouts, KV cache per layer class, llama.cpp's buffer
laws) and the device's bandwidth and compute; only a few efficiencies are fitted (``speed``).
``benchmarks/accuracy.py`` states how close the figures are to published measurements.

Performance: the engine calls this ~5,000 times per check, so the weight/file layout, which is
the only expensive part, is cached per (model, quantization); the rest is a few multiplications.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any, Final, NamedTuple

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, model_serializer

from feasibility.arch import breakdown
from feasibility.estimator import layout_store, speed
from feasibility.estimator.encoder import MediaCost
from feasibility.estimator.gguf import GgufLayout
from feasibility.estimator.group import GroupLayout, build_group_layout
from feasibility.estimator.memory import (
    KvBreakdown,
    compute_buffer,
    kv_cache,
    recurrent_state_bytes,
)
from feasibility.schema import Architecture, Device, GgufScheme, ModelEntry, Quantization, Runtime

MIB: Final = 1 << 20

DEFAULT_OVERHEAD_MB: Final = 100
"""Runtime + app overhead (MiB) when no runtime is given: library code, tokenizer, graph and
bookkeeping of a llama.cpp-class runtime inside an app (typical of runtimes.yaml's overhead_mb)."""

BACKENDS: Final = ("cpu", "gpu", "npu")


class Estimate(BaseModel):
    """Figures for one combination; sizes in bytes, speeds in tokens/s."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

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
    ttft_ms: float | None = None
    """Time to first token for a prompt of ``prompt_tokens`` (prefill of the whole prompt)."""
    prompt_tokens: int | None = None
    """The prompt the prefill and TTFT figures assume (the service's context minus its output)."""
    energy_uncertainty_pct: int | None = None
    """Stated band of ``energy_mj_per_token`` (estimated, ±this %); None when not estimated."""
    speed_family: str | None = None
    """Backend family whose fitted constants gave the speeds (``speed.FAMILIES``)."""
    sustained_decode_tps: float | None = None
    """Decode speed after minutes of continuous generation, where a derating is published for
    the device's class (``speed.SUSTAINED_FACTOR``); ``decode_tps`` is the burst figure."""
    assumption_codes: tuple[str, ...] = ()
    """Stable codes of ``assumptions``, same order (keys of ``ASSUMPTIONS``)."""
    lower_bound: bool = False
    """True for a floor (weights alone at the encoding's nominal bits, see ``weights_floor``): the
    engine uses it instead of a full estimate when even the floor exceeds the budget."""
    encoder_bytes: int = 0
    """Vision/audio encoders: their weights at the encoder file's type plus their compute buffer
    (included in ``total_bytes``); 0 for a text-only service."""
    encoder_weights_bytes: int = 0
    encoder_compute_bytes: int = 0
    media_tokens: int = 0
    """Image and audio tokens one request adds to the context (the KV cache and the prefill
    include them)."""
    encoder_flops: float | None = 0.0
    """Encoder FLOPs of one request; None when not known for some encoder."""
    encoder_ms: float | None = None
    """Encoder time of one request on the estimate's backend (included in ``ttft_ms``)."""

    @model_serializer(mode="wrap")
    def _text_only(self, handler: SerializerFunctionWrapHandler) -> dict[str, object]:
        """A text-only estimate serializes as it always did (its media fields are dropped)."""
        out: dict[str, object] = handler(self)
        if not self.media_tokens and not self.encoder_bytes:
            for key in _MEDIA_FIELDS:
                out.pop(key, None)
        return out


_MEDIA_FIELDS: Final = (
    "encoder_bytes",
    "encoder_weights_bytes",
    "encoder_compute_bytes",
    "media_tokens",
    "encoder_flops",
    "encoder_ms",
)


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
        lay = layout_store.layout(
            gguf_architecture(model), s.ftype.upper(), imatrix=quant.qat_of is None
        )
    elif quant.format in HF_CHECKPOINT_FORMATS:
        lay = build_group_layout(gguf_architecture(model), s)
    else:
        lay = build_group_layout(model.architecture, s)
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[key] = (model.architecture, quant, lay)
    return lay


HF_CHECKPOINT_FORMATS: Final = frozenset({"awq", "gptq"})
"""Formats saved as Hugging Face checkpoints (AutoAWQ, GPTQModel): they keep the source's tensors,
a stored ``lm_head`` included, with embedding and head in fp16."""


def gguf_architecture(model: ModelEntry) -> Architecture:
    """The architecture as the GGUF converter writes it.

    convert_hf_to_gguf.py writes every tensor the checkpoint holds (only a few model classes,
    e.g. DeepSeek and GLM, drop ``lm_head`` when ``tie_word_embeddings`` is set; the Qwen classes
    do not, llama.cpp@0c1e57098 conversion/qwen.py). A tied checkpoint that stores its own
    ``lm_head`` (``lm_head_stored``) therefore gives a file with ``output.weight``: llama-quantize
    then types ``token_embd`` by the embedding rule and the head by the output rule, and llama.cpp
    allocates no duplicate; that is the untied layout.
    """
    a = model.architecture
    if model.lm_head_stored and a.tied_embeddings:
        return a.model_copy(update={"tied_embeddings": False})
    return a


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
    "decode-model": "Speed per token = the longer of bytes read / (fitted share x bandwidth) and "
    "operations / (fitted share x compute), plus a fixed cost per layer, with constants fitted "
    "per backend family (active weights without the embedding table, plus the KV cache at the "
    "context).",
    "no-decode": "Decode speed not estimated: no memory bandwidth known.",
    "no-prefill": "Prefill speed and time to first token not estimated: no compute throughput "
    "known for this backend.",
    "no-energy": "Energy per token not estimated: no backend chosen.",
    "energy-model": "Energy per token is estimated, ±{energy_pct}%: DRAM traffic x 20 pJ/byte "
    "plus operations x published energy per operation (dynamic energy only; static, display and "
    "radio power excluded).",
    "speed-unmeasured": "No published measurement of this runtime on this backend: its speed is "
    "capped at llama.cpp's on the same device where llama.cpp runs the model on that backend.",
    "speed-uncapped": "No published measurement of this runtime on this backend, and no measured "
    "runtime runs the model here to cap it: the speed is the generic estimate, unverified.",
    "speed-borrowed": "No measurement of this backend family ({family}) exists to fit on: its "
    "speed uses the constants of {borrowed}.",
    "cpu-threads": "CPU speed assumes one llama.cpp thread per performance core, the efficiency "
    "cores idle; an app that also puts a thread on an efficiency core (many use every core) "
    "decodes 30-45 % slower (published llama.cpp thread sweeps).",
    "burst-speed": "Speeds are burst figures, as benchmarks measure; minutes-long generation on "
    "a passively cooled device is slower (thermal throttling is not modelled).",
    "sustained-phone": "Sustained speed: a phone keeps about half its burst decode speed under "
    "continuous generation (published iPhone 16 Pro measurement, arXiv 2603.23640).",
    "npu-prompt-chunks": "NPU prompt processing runs in fixed 128-token passes: time to first "
    "token counts one pass per started 128 tokens of the prompt.",
    "speed-calibrated": "Speed constants scaled by this device's own benchmark "
    "(feasibility calibrate).",
    "encoder-memory": "Encoders: tower and projector at the encoder file's type (1-D tensors in "
    "F32, as llama.cpp's converter writes them) plus one image's compute buffer (clip graph, "
    "flash attention on); the image and audio tokens of a request join the KV cache and the "
    "prefill.",
    "encoder-time": "Time to first token includes the encoders: their FLOPs (weights x patches "
    "plus attention) at the backend's fitted matrix-matrix share of its peak compute.",
    "no-encoder-time": "Time to first token not estimated: the encoder's FLOPs or the backend's "
    "compute are not known.",
    "lower-bound": "Lower bound only: {params} parameters at {bits} bits; KV cache, buffers and "
    "overhead not added.",
}
"""What each figure assumes, by stable code (reports word the codes in their own language)."""

_GGUF_CODES: Final = ("gguf-types", "gguf-tied-copy", "gguf-context-pad", "gguf-compute")
_GROUP_CODES: Final = ("group-format", "group-kv", "group-compute")


@lru_cache(maxsize=256)
@lru_cache(maxsize=4096)
def _assumption_texts(
    codes: tuple[str, ...], overhead: int, family: str = "", borrowed: str = ""
) -> tuple[str, ...]:
    return tuple(
        ASSUMPTIONS[c].format(
            overhead=overhead,
            energy_pct=speed.ENERGY_UNCERTAINTY_PCT,
            family=family,
            borrowed=borrowed,
        )
        for c in codes
    )


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
    prompt_tokens: int | None = None,
    media: MediaCost | None = None,
    cpu_threads: int | None = None,
) -> Estimate:
    """Memory (bytes) and speed (tokens/s) of ``model`` in ``quantization`` at ``context_tokens``.

    ``bandwidth_gbs`` and ``backend`` override the device's values (what-if without a device).
    Backend defaults to "cpu" when there is a device or a bandwidth (always available).
    ``prompt_tokens`` is the prompt of the prefill and time-to-first-token figures (default: the
    context minus ``DEFAULT_OUTPUT_TOKENS``, the service's default output). ``media``: the
    encoders a request needs and the tokens they add (the KV cache, the prefill and the time to
    first token include them). ``cpu_threads``: llama.cpp's CPU threads of a measured run
    (default: one per performance core, the estimate's assumption; more threads pace the decode,
    ``speed.decode_pace``).
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
    else:
        file_bytes = lay.weights_bytes
        weights = lay.weights_bytes
    codes.extend(_memory_codes(lay, a, runtime, media))
    extra = media.tokens if media is not None else 0
    enc_flops = media.flops if media is not None else 0.0

    kv = _kv(a, context_tokens + extra, kv_type, gguf, n_ubatch)
    compute = compute_buffer(a, context_tokens + extra, n_ubatch, llama_cpp=gguf)
    enc_bytes = media.bytes if media is not None else 0
    overhead = (runtime.overhead_mb if runtime is not None else DEFAULT_OVERHEAD_MB) * MIB

    bw = (
        bandwidth_gbs
        if bandwidth_gbs is not None
        else (device.memory_bandwidth_gbs if device is not None else None)
    )
    if backend is None and (device is not None or bandwidth_gbs is not None):
        backend = "cpu"
    prompt = _prompt(context_tokens, prompt_tokens) + extra

    sp = _speeds(
        lay,
        a,
        backend,
        bw,
        runtime,
        device,
        context_tokens + extra,
        kv_type,
        n_ubatch,
        prompt,
        enc_flops if media is not None else 0.0,
        cpu_threads,
    )
    speed_codes, sustained = _sustained(sp, device)
    codes.extend(speed_codes)
    assumption_codes = tuple(codes)
    borrowed = speed.BORROWED.get(sp.family or "", "")
    assumptions = _assumption_texts(
        assumption_codes, DEFAULT_OVERHEAD_MB, sp.family or "", borrowed
    )

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
        total_bytes=weights + kv.total + compute + overhead + enc_bytes,
        decode_tps=sp.decode_tps,
        prefill_tps=sp.prefill_tps,
        energy_mj_per_token=sp.energy_mj_per_token,
        assumptions=assumptions,
        assumption_codes=assumption_codes,
        ttft_ms=sp.ttft_ms,
        prompt_tokens=prompt if sp.ttft_ms is not None else None,
        energy_uncertainty_pct=(
            speed.ENERGY_UNCERTAINTY_PCT if sp.energy_mj_per_token is not None else None
        ),
        speed_family=sp.family,
        sustained_decode_tps=sustained,
        encoder_bytes=enc_bytes,
        encoder_weights_bytes=media.weights_bytes if media is not None else 0,
        encoder_compute_bytes=media.compute_bytes if media is not None else 0,
        media_tokens=extra,
        encoder_flops=enc_flops,
        encoder_ms=sp.encoder_ms,
    )


def _sustained(sp: Speeds, device: Device | None) -> tuple[tuple[str, ...], float | None]:
    """The speed assumption codes and the sustained decode speed (a stated derating by device
    class, where one is published)."""
    factor = speed.SUSTAINED_FACTOR.get(device.kind) if device is not None else None
    sustained = None if factor is None or sp.decode_tps is None else sp.decode_tps * factor
    return ((*sp.codes, "sustained-phone") if sustained is not None else sp.codes), sustained


def _memory_codes(
    lay: Layout, a: Architecture, runtime: Runtime | None, media: object = None
) -> tuple[str, ...]:
    """The assumption codes of the memory figures (the speed ones follow them)."""
    codes = list(_GGUF_CODES if isinstance(lay, GgufLayout) else _GROUP_CODES)
    if media:
        codes.append("encoder-memory")
    if runtime is None:
        codes.append("default-overhead")
    if a.offloadable_params:
        codes.append("ple-resident")
    if a.moe is not None:
        codes.append("moe")
    return tuple(codes)


def on_device(
    est: Estimate,
    model: ModelEntry,
    quantization: Quantization,
    *,
    device: Device,
    runtime: Runtime | None,
    backend: str,
    prompt_tokens: int | None = None,
    kv_type: str = "f16",
    n_ubatch: int = 512,
    sp: Speeds | None = None,
) -> Estimate:
    """``est``, computed without a device, with this device's speeds and speed assumptions.

    Why: memory does not depend on the device, so a caller evaluating many devices (a fleet, or
    several targets) computes it once per build and adds only the speeds per device. The result
    equals ``estimate(..., device=device, backend=backend, prompt_tokens=...)`` (a test checks
    it). ``sp``: the :func:`device_speeds` of these arguments, when the caller holds them.
    """
    if sp is None:
        sp = device_speeds(
            est,
            model,
            quantization,
            device=device,
            runtime=runtime,
            backend=backend,
            prompt_tokens=prompt_tokens,
            kv_type=kv_type,
            n_ubatch=n_ubatch,
        )
    lay = layout_for(model, quantization)
    media = est.media_tokens or est.encoder_bytes
    prompt = _prompt(est.context_tokens, prompt_tokens) + est.media_tokens
    speed_codes, sustained = _sustained(sp, device)
    codes = (*_memory_codes(lay, model.architecture, runtime, media), *speed_codes)
    borrowed = speed.BORROWED.get(sp.family or "", "")
    return replaced(
        est,
        {
            "backend": backend,
            "decode_tps": sp.decode_tps,
            "prefill_tps": sp.prefill_tps,
            "energy_mj_per_token": sp.energy_mj_per_token,
            "assumption_codes": codes,
            "assumptions": _assumption_texts(codes, DEFAULT_OVERHEAD_MB, sp.family or "", borrowed),
            "ttft_ms": sp.ttft_ms,
            "prompt_tokens": prompt if sp.ttft_ms is not None else None,
            "energy_uncertainty_pct": (
                speed.ENERGY_UNCERTAINTY_PCT if sp.energy_mj_per_token is not None else None
            ),
            "speed_family": sp.family,
            "sustained_decode_tps": sustained,
            "encoder_ms": sp.encoder_ms,
        },
    )


def device_speeds(
    est: Estimate,
    model: ModelEntry,
    quantization: Quantization,
    *,
    device: Device,
    runtime: Runtime | None,
    backend: str,
    prompt_tokens: int | None = None,
    kv_type: str = "f16",
    n_ubatch: int = 512,
) -> Speeds:
    """The speed figures :func:`on_device` adds to ``est``, without building an estimate.

    Why: screening a fleet judges and scores each build on each device from these few numbers;
    the full estimate (assumption texts, a copy of every memory figure) is built only for output.
    """
    media = est.media_tokens or est.encoder_bytes
    ctx = est.context_tokens + est.media_tokens
    prompt = _prompt(est.context_tokens, prompt_tokens) + est.media_tokens
    bw = device.memory_bandwidth_gbs
    flops = est.encoder_flops if media else 0.0
    lay = layout_for(model, quantization)
    a = model.architecture
    return _speeds(lay, a, backend, bw, runtime, device, ctx, kv_type, n_ubatch, prompt, flops)


def replaced(est: Estimate, update: dict[str, Any]) -> Estimate:
    """``est.model_copy(update=update)``, without pydantic's generic copy machinery.

    Why: a fleet adds speeds to a memory estimate about a hundred thousand times, and the generic
    copy (which handles extras, private attributes and deep copies an estimate never has) was most
    of that cost. Like ``model_copy``, the updated values are not validated and count as set.
    """
    new = Estimate.__new__(Estimate)
    fields = est.__dict__.copy()
    fields.update(update)
    object.__setattr__(new, "__dict__", fields)
    object.__setattr__(new, "__pydantic_extra__", None)
    object.__setattr__(new, "__pydantic_fields_set__", est.__pydantic_fields_set__ | update.keys())
    object.__setattr__(new, "__pydantic_private__", None)
    return new


DEFAULT_OUTPUT_TOKENS: Final = 256
"""Output assumed when the caller gives no prompt length (``Service.output_tokens``' default)."""


def _prompt(context: int, prompt_tokens: int | None) -> int:
    if prompt_tokens is not None:
        return max(1, min(prompt_tokens, context))
    return max(1, context - DEFAULT_OUTPUT_TOKENS) if context > DEFAULT_OUTPUT_TOKENS else context


class Speeds(NamedTuple):
    """The speed figures of one estimate and the assumption codes they rest on."""

    decode_tps: float | None
    prefill_tps: float | None
    ttft_ms: float | None
    energy_mj_per_token: float | None
    family: str | None
    codes: tuple[str, ...]
    encoder_ms: float | None = None


def work(
    lay: Layout,
    a: Architecture,
    kv_read: int,
    prompt: int,
    fallbacks: bool = False,
) -> speed.Work:
    """What one token costs on any device: bytes and weights per kernel class, KV/state read,
    attention of a prompt token. ``fallbacks``: count the types the OpenCL backend lacks."""
    by_class, params, fb, runs = _static_work(lay, a, fallbacks)
    return speed.Work(
        bytes_by_class=by_class,
        params_by_class=params,
        kv_bytes=float(kv_read + recurrent_state_bytes(a)),
        layers=a.layers,
        attention_flops=_attention_flops(a, prompt),
        fallback_bytes_by_class=fb,
        fallback_runs=runs,
    )


_StaticWork = tuple[dict[str, float], dict[str, float], dict[str, float], int]
_WORK: dict[tuple[int, int, bool], tuple[Layout, Architecture, _StaticWork]] = {}


def _static_work(lay: Layout, a: Architecture, fallbacks: bool) -> _StaticWork:
    """The context-independent part of ``work``, memoized per layout object."""
    key = (id(lay), id(a), fallbacks)
    hit = _WORK.get(key)
    if hit is not None and hit[0] is lay and hit[1] is a:
        return hit[2]
    weights = _flops_per_token(a, 1, attention=False) / 2
    if isinstance(lay, GgufLayout):
        total = sum(lay.read_bytes_by_class.values()) or 1
        scale = lay.decode_read_bytes / total  # MoE inactive experts, per-layer embeddings
        pscale = weights / (sum(lay.matmul_params_by_class.values()) or 1)
        by_class = {c: b * scale for c, b in lay.read_bytes_by_class.items()}
        params = {c: p * pscale for c, p in lay.matmul_params_by_class.items()}
        fb = (
            {c: b * scale for c, b in lay.opencl_fallback_bytes_by_class.items()}
            if fallbacks
            else {}
        )
        # The OpenCL backend of the measured era has no kernels for recurrent mixers (see
        # speed's module notes): every hybrid layer without attention splits to the CPU too.
        recurrent = a.layers - a.n_attention_layers
        runs = lay.opencl_fallback_runs + recurrent if fallbacks else 0
    else:
        # Group formats: float weights (bits >= 16) run floating-point kernels, the rest int8.
        p = breakdown(a)
        bits = 8 * lay.linear_bytes / max(1, p.attention + p.ffn)
        cls = "float" if bits >= 15 else "plain"
        by_class = {cls: float(lay.decode_read_bytes)}
        params = {cls: weights}
        fb, runs = {}, 0
    out = (by_class, params, fb, runs)
    if len(_WORK) >= _CACHE_MAX:
        _WORK.clear()
    _WORK[key] = (lay, a, out)
    return out


def cpu_gops(device: Device | None, decode: bool = False) -> float | None:
    """Peak int8 GOP/s of the cores llama.cpp's threads use (all but the efficiency cores);
    ``decode``: with the instructions its matrix-vector kernels use (``speed.MATVEC_ISA``)."""
    if device is None:
        return None
    if device.cpu_clusters:
        big = [c for c in device.cpu_clusters if not c.efficiency] or list(device.cpu_clusters)
        return sum(c.cores * c.ghz for c in big) * speed.isa_ops(device.cpu_isa, decode)
    if device.cpu_cores:
        isa = device.cpu_isa or speed.DEFAULT_ISA
        return device.cpu_cores * speed.DEFAULT_CORE_GHZ * speed.isa_ops(isa, decode)
    return None


def performance_cores(device: Device | None) -> int | None:
    """Cores outside the efficiency clusters; None where the device lists no efficiency cluster
    (no core is slower by design; more threads than cores is not modelled)."""
    if device is None or not any(c.efficiency for c in device.cpu_clusters):
        return None
    return sum(c.cores for c in device.cpu_clusters if not c.efficiency) or None


def machine(
    device: Device | None,
    backend: str,
    bw: float | None,
    fam_runs_on_cpu: bool = False,
    threads: int | None = None,
) -> speed.Machine:
    """The device's bandwidth and the backend's peak compute (GOP/s), None where unpublished;
    ``threads``: llama.cpp's CPU threads, where a run set them (None: one per performance core)."""
    compute: float | None = None
    decode: float | None = None
    pace = 1.0
    if backend == "cpu" or fam_runs_on_cpu:
        compute = cpu_gops(device)
        decode = cpu_gops(device, decode=True)
        pace = speed.decode_pace(threads, performance_cores(device))
    elif backend == "gpu" and device is not None and device.gpu_tflops_fp16:
        compute = device.gpu_tflops_fp16 * 1e3
    elif backend == "npu" and device is not None and device.npu is not None and device.npu.tops:
        compute = device.npu.tops * 1e3
    # The CPU serves other backends' fallbacks only while decoding: its matrix-vector rate.
    fallback = cpu_gops(device, decode=True)
    return speed.Machine(bw, compute, cpu_gops=fallback, decode_gops=decode, decode_pace=pace)


_X86: Final = ("intel", "amd", "ryzen", "core ultra", "xeon", "epyc")


def family_of(backend: str, device: Device | None, gguf: bool) -> str:
    """Backend family of ``backend`` on ``device`` (x86 CPUs by ISA or by the chip's maker)."""
    gpu_vendor = device.gpu_vendor if device is not None else None
    npu_vendor = device.npu.vendor if device is not None and device.npu is not None else None
    x86 = device is not None and (
        any(i in ("avx2", "avx512") for i in device.cpu_isa)
        or any(k in device.soc.lower() for k in _X86)
    )
    return speed.family(backend, gpu_vendor, npu_vendor, gguf, x86)


def constants_for(
    fam: str, backend: str, runtime: Runtime | None, device: Device | None, gguf: bool
) -> tuple[speed.Constants, tuple[str, ...]]:
    """The family's constants, with the runtime's own bandwidth efficiency and the device's
    calibration applied; and the assumption codes that says so."""
    c, borrowed = speed.constants(fam)
    codes: list[str] = ["speed-borrowed"] if borrowed else []
    if runtime is not None:
        own: float | None = getattr(runtime.efficiency, backend)
        if own is not None:
            c = replace(c, bw_eff=own)
    rid = runtime.id if runtime is not None else ("llama.cpp" if gguf else "")
    if device is not None:
        for cal in device.speed_calibration:
            if cal.backend == backend and cal.runtime == rid:
                c = speed.scaled(c, cal.bandwidth_factor, cal.compute_factor)
                codes.append("speed-calibrated")
                break
    return c, tuple(codes)


_TokenWork = tuple[speed.Work, float, float]
_TOKEN_WORK: dict[tuple[object, ...], tuple[Layout, Architecture, _TokenWork]] = {}


def _token_work(
    lay: Layout,
    a: Architecture,
    context: int,
    kv_type: str,
    n_ubatch: int,
    prompt: int,
    fallbacks: bool,
) -> _TokenWork:
    """``work`` at this context and prompt, with the operations and bytes of one token,
    memoized per layout object: none of it depends on the device, and screening a fleet asks
    for the same build on every device (only the machine and constants differ)."""
    key = (id(lay), id(a), context, kv_type, n_ubatch, prompt, fallbacks)
    hit = _TOKEN_WORK.get(key)
    if hit is not None and hit[0] is lay and hit[1] is a:
        return hit[2]
    kv_read = _kv(a, context, kv_type, False, n_ubatch).total
    w = work(lay, a, kv_read, prompt, fallbacks=fallbacks)
    ops = 2.0 * sum(w.params_by_class.values())
    read = sum(w.bytes_by_class.values()) + w.kv_bytes
    if len(_TOKEN_WORK) >= _CACHE_MAX:
        _TOKEN_WORK.clear()
    _TOKEN_WORK[key] = (lay, a, (w, ops, read))
    return w, ops, read


_Setup = tuple[str, speed.Constants, speed.Constants, speed.Machine, tuple[str, ...]]
_SETUP: dict[
    tuple[str, int, int, bool, float | None, int | None], tuple[object, object, _Setup]
] = {}


def _setup(
    backend: str,
    device: Device | None,
    runtime: Runtime | None,
    gguf: bool,
    bw: float | None,
    threads: int | None = None,
) -> _Setup:
    """Family, constants (backend and CPU), machine and codes, memoized per device object."""
    key = (backend, id(device), id(runtime), gguf, bw, threads)
    hit = _SETUP.get(key)
    if hit is not None and hit[0] is device and hit[1] is runtime:
        return hit[2]
    fam = family_of(backend, device, gguf)
    c, codes = constants_for(fam, backend, runtime, device, gguf)
    cpu_c, _ = constants_for(family_of("cpu", device, gguf), "cpu", runtime, device, gguf)
    m = machine(device, backend, bw, speed.constants_family(fam) == "arm-cpu", threads)
    out = (fam, c, cpu_c, m, codes)
    if len(_SETUP) >= _CACHE_MAX:
        _SETUP.clear()
    _SETUP[key] = (device, runtime, out)
    return out


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
    prompt: int,
    encoder_flops: float | None = 0.0,
    threads: int | None = None,
) -> Speeds:
    """Decode, prefill, TTFT and energy; None where bandwidth or compute is unknown.

    ``encoder_flops``: the request's image/audio encoding, added to the time to first token
    (0: a text-only request; None: an encoder whose FLOPs are unknown, so no TTFT)."""
    if backend is None:
        return Speeds(None, None, None, None, None, ("no-decode", "no-prefill", "no-energy"))
    gguf = isinstance(lay, GgufLayout)
    fam, c, cpu_c, m, codes = _setup(backend, device, runtime, gguf, bw, threads)
    w, ops, read = _token_work(lay, a, context, kv_type, n_ubatch, prompt, fam == "adreno-opencl")
    t = speed.decode_seconds(w, m, c, cpu_c)
    chunked = fam == "qnn-htp"
    ttft = speed.ttft_seconds(w, m, c, prompt, chunked)
    decode = None if t is None else 1.0 / t
    prefill = None if ttft is None else prompt / ttft
    energy = speed.energy_mj_per_token(read, ops, backend)
    out = ["decode-model" if decode is not None else "no-decode", *codes]
    if decode is not None and threads is None and _has_efficiency_cores(device, fam):
        out.append("cpu-threads")
    if prefill is None:
        out.append("no-prefill")
    elif chunked:
        out.append("npu-prompt-chunks")
    enc_ms: float | None = None
    if encoder_flops != 0.0:
        enc = None if encoder_flops is None else speed.encoder_seconds(encoder_flops, m, c)
        enc_ms = None if enc is None else enc * 1e3
        ttft = None if ttft is None or enc is None else ttft + enc
        out.append("encoder-time" if enc is not None else "no-encoder-time")
    out += ["energy-model", "burst-speed"]
    ttft_ms = None if ttft is None else ttft * 1e3
    return Speeds(decode, prefill, ttft_ms, energy, fam, tuple(out), enc_ms)


def _has_efficiency_cores(device: Device | None, fam: str) -> bool:
    """Whether llama.cpp runs on a CPU whose efficiency cores the estimate leaves idle (the
    thread-count assumption then matters, ``speed.decode_pace``; the Hexagon build runs as the
    CPU, ``speed.RUNS_AS``)."""
    llama_cpu = speed.constants_family(fam) == "arm-cpu"
    return llama_cpu and device is not None and any(c.efficiency for c in device.cpu_clusters)


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
    prompt_tokens: int | None = None,
) -> tuple[float | None, float | None]:
    """Just the (decode, prefill) speeds of :func:`estimate` on ``device``.

    For callers that already hold the device-independent memory figures and evaluate many
    devices (fleet screening): the same numbers as ``estimate(...).decode_tps/prefill_tps``.
    """
    sp = _speeds(
        layout_for(model, quantization),
        model.architecture,
        backend,
        device.memory_bandwidth_gbs,
        runtime,
        device,
        context_tokens,
        kv_type,
        n_ubatch,
        _prompt(context_tokens, prompt_tokens),
    )
    return sp.decode_tps, sp.prefill_tps
