"""Decode, prefill and energy per token: a roofline per backend family, with a few fitted constants.

Why: generating a token streams every active weight (and the KV cache or recurrent state) from
DRAM once and multiplies each weight once, so a token takes the longer of the two:

    t_token = Σ_class max(bytes_c / (η_bw · BW), 2 · params_c · k_c / (η_dc · C))
              + KV bytes / (η_bw · BW) + layers · τ_layer  (+ CPU fallbacks)

with BW the device's peak DRAM bandwidth and C its peak compute (CPU: cores × GHz × operations per
cycle of its ISA; GPU: FP16 throughput; NPU: TOPS). A prompt token does the same work but every
weight is reused across the batch, so prefill is compute-bound: ``Σ 2 · params_c · k_c / (η_pf ·
C)``. ``k_c`` is the kernel class's operations per multiply-add (K-quants and codebook types
unpack scales or look up codebooks). The efficiencies η and the per-layer cost τ are per *backend
family* (memory system × runtime backend, ``Family``), never per phone, and are fitted on the
development rows of ``benchmarks/measurements`` with ``feasibility.calibrate.fit``; the
benchmark's cross-validation fits them without the device family it predicts.

Kernel coverage: llama.cpp's OpenCL backend has matrix-vector kernels for F32, F16, Q4_0, Q8_0,
Q6_K, MXFP4 (ggml-opencl.cpp, ``program_mul_mv_*``); the development rows also decode Q4_K/Q5_K at
GPU speed. Other types fall back to the CPU, with a graph split in each layer that has one; so
do the recurrent mixers of hybrid models (ggml-opencl.cpp at commit 002e0eb has no SSM,
short-convolution or delta-net program; later versions add an ssm_conv kernel, so newer builds may
be faster on hybrids than estimated).
The ggml Hexagon backend multiplies Q4_0, Q8_0, MXFP4 and F16 matrices on the HTP and leaves every
other type to the CPU (ggml-hexagon.cpp, ``ggml_hexagon_supported_mul_mat``: rows a multiple of 32,
weights repacked for the HTP, output heads above 16k rows left to the CPU). On the development rows
(Galaxy S23, PocketPal's build) it decodes at the CPU's speed type for type, so its decode runs as
the CPU's (``RUNS_AS``); so does its prefill of files whose matrices all stay on the CPU, and the
prefill of the others is not estimated (``HTP_PREFILL_CLASSES``).

Threads: the estimate is for llama.cpp run with one thread per performance core. A run with more
threads than that puts a thread on an efficiency core, which paces the decode (``decode_pace``);
measured runs that did so (PocketPal's 6 threads on the Galaxy S23's five performance cores) are
predicted with their thread count. Not modelled: memory contention with the app and thermal
throttling (the figures are burst speeds, as benchmarks measure; assumption ``burst-speed``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Final, NamedTuple

_NONE: Final[Mapping[str, float]] = MappingProxyType({})

CLASSES: Final = ("plain", "float", "legacy", "k", "klow", "iq")


def type_class(gtype: str) -> str:
    """Kernel class of a GGML type: plain (Q4_0, Q8_0: llama.cpp repacks them for int8 matrix
    instructions), float (F32/F16/BF16: floating-point multiply-adds), legacy (Q4_1/Q5_0/Q5_1:
    generic dot products), k (4-6 bit K and IQ4), klow (Q2_K/Q3_K), iq (2-3 bit codebook and ternary
    types). K-quant files of models whose rows are not a multiple of 256 (Gemma 3 1B: 1152) fall
    back to legacy and Q8_0 types, which is why their speed differs from other models' at the same
    nominal quantization."""
    if gtype in ("Q4_1", "Q5_0", "Q5_1"):
        return "legacy"
    if gtype in ("F32", "F16", "BF16"):
        return "float"
    if gtype in ("Q2_K", "Q3_K"):
        return "klow"
    if gtype in ("Q4_K", "Q5_K", "Q6_K", "IQ4_XS", "IQ4_NL"):
        return "k"
    if gtype.startswith(("IQ", "TQ")):
        return "iq"
    return "plain"


OPENCL_NATIVE_TYPES: Final = frozenset(
    {"F32", "F16", "Q4_0", "Q8_0", "Q4_K", "Q5_K", "Q6_K", "MXFP4"}
)
"""Types the Adreno OpenCL backend multiplies on the GPU: the ``program_mul_mv_*`` kernels of
ggml-opencl.cpp (F32, F16, Q4_0, Q8_0, Q6_K, MXFP4) plus Q4_K/Q5_K, which the Galaxy S23 rows
decode at GPU speed. Files with Q2_K/Q3_K/Q5_0/Q5_1/IQ* matmuls decode 4-6x slower (CPU
fallback)."""


# --------------------------------------------------------------------------------------------
# Backend families
# --------------------------------------------------------------------------------------------

FAMILIES: Final = (
    "apple-metal",
    "arm-cpu",
    "arm-cpu-xnnpack",
    "x86-cpu",
    "adreno-opencl",
    "mali-vulkan",
    "other-gpu",
    "cuda",
    "ggml-hexagon",
    "qnn-htp",
    "ane",
    "other-npu",
)
"""Memory system × backend: each has its own efficiencies (see ``FITTED``)."""


def family(
    backend: str, gpu_vendor: str | None, npu_vendor: str | None, gguf: bool, x86: bool = False
) -> str:
    """Backend family of a (backend, device, format) combination.

    On Arm CPUs llama.cpp (GGUF) runs its own kernels; the other runtimes run theirs (measured:
    ExecuTorch's XNNPACK, whose constants serve every non-GGUF CPU runtime), which reach a
    different share of the bus. llama.cpp drives Apple GPUs through Metal, Adreno through OpenCL,
    NVIDIA through CUDA and other GPUs through Vulkan; its NPU path is the ggml Hexagon backend.
    Other runtimes reach Qualcomm NPUs through QNN/HTP and Apple's through the Neural Engine.
    """
    if backend == "cpu":
        if x86:
            return "x86-cpu"
        return "arm-cpu" if gguf else "arm-cpu-xnnpack"
    if backend == "gpu":
        return {
            "apple": "apple-metal",
            "qualcomm": "adreno-opencl",
            "arm": "mali-vulkan",
            "nvidia": "cuda",
        }.get(gpu_vendor or "", "other-gpu")
    if npu_vendor == "qualcomm":
        return "ggml-hexagon" if gguf else "qnn-htp"
    if npu_vendor == "apple":
        return "ane"
    return "other-npu"


@dataclass(frozen=True)
class Constants:
    """The fitted figures of one backend family (None: no row to fit it on, term not used)."""

    bw_eff: float
    """η_bw: share of peak DRAM bandwidth reached while streaming weights."""
    layer_us: float = 0.0
    """τ: fixed cost per layer per generated token (kernel launches, synchronisation), µs."""
    decode_compute_eff: float | None = None
    """η_dc: share of peak compute reached by matrix-vector kernels (decode)."""
    prefill_eff: float | None = None
    """η_pf: share of peak compute reached by matrix-matrix kernels (prefill)."""
    split_ms: float = 0.0
    """Cost of a layer whose matmuls partly fall back to the CPU (graph split, copies out and
    back, synchronisation), ms per token."""
    class_cost: Mapping[str, float] = field(default_factory=dict)
    """k_c: operations per multiply-add of each kernel class (missing: 1, as plain)."""
    unmodelled_prefill: frozenset[str] = frozenset()
    """Kernel classes whose prompt products run on a unit without a constant here: a prompt that
    multiplies any of them has no prefill estimate (``HTP_PREFILL_CLASSES``)."""


FITTED: Final[dict[str, Constants]] = {
    "apple-metal": Constants(
        bw_eff=0.914,
        layer_us=195.6,
        decode_compute_eff=0.133,
        prefill_eff=0.643,
        class_cost={"float": 0.886, "legacy": 1.00},
    ),
    "arm-cpu": Constants(
        bw_eff=0.599,
        layer_us=362.6,
        decode_compute_eff=0.546,
        prefill_eff=0.242,
        class_cost={"legacy": 2.13, "k": 1.32, "klow": 2.84, "iq": 6.15},
    ),
    "arm-cpu-xnnpack": Constants(
        bw_eff=0.692,
        layer_us=430.3,
        decode_compute_eff=1.0,
        prefill_eff=0.415,
        class_cost={"float": 4.24},
    ),
    "adreno-opencl": Constants(bw_eff=0.380, split_ms=5.85),
    "qnn-htp": Constants(bw_eff=0.880, layer_us=906.8),
}
"""Fitted on every development row by ``feasibility.calibrate.fit`` (``python benchmarks/accuracy.py
--fit`` prints them; the cross-validated accuracy it reports refits them without the device family
or model it predicts). apple-metal: 45 llama.cpp Metal rows of Apple M1/M2 chips (LLaMA 7B
F16/Q8_0/Q4_0, pp512/tg128); arm-cpu: the 78 PocketPal Galaxy S23 CPU and ggml-Hexagon rows
(``RUNS_AS``; the Hexagon prefill rows of files with HTP-type matrices left out,
``HTP_PREFILL_CLASSES``) and 12 Raspberry Pi 5 rows (Nyun AI's llama-bench leaderboard, a
llama.cpp discussion), each device family weighing the same in the fit (``calibrate._weights``),
each row with the threads it ran (the phone's 6 threads on 5 performance cores paced by
``OVERSUBSCRIBED_DECODE_PACE``): so counted, the two stream about the same share of their buses
and each predicts the other's decode within a median 7 %, but not its prefill (60 %: the Pi's
Q8_0 rows come from a build of 2024, which still had Q4_0_4_4 files, before llama.cpp repacked
Q8_0 weights for Arm CPUs (pull request 18096, December 2025: prompt processing 3.5-3.7x faster
on an Apple M4 Max), and reach 0.19 of the board's peak against 0.26-0.35 for the phone's Q4_0
and Q8_0 and 0.70 for the Pi's own repacked Q4_0; README);
arm-cpu-xnnpack: the 12 ExecuTorch rows of Meta's Llama 3.2 model card (OnePlus 12,
Snapdragon 8 Gen 3; BF16, SpinQuant, QLoRA). The CPU compute efficiencies are shares of the
measured phones' cluster facts (big cores x GHz x int8 operations per cycle of one vector pipe,
SDOT for decode and SMMLA for prefill), so they transfer to any device with cluster facts;
adreno-opencl: the 22 Galaxy S23 OpenCL decode rows (no GPU throughput is catalogued for
Adreno, so no prefill constant); qnn-htp: the 8 Qualcomm AI Hub Genie decode rows (Snapdragon 8
Elite QRD; no NPU TOPS published for it, so no prefill constant).
"""

BORROWED: Final[dict[str, str]] = {
    "x86-cpu": "arm-cpu",
    "mali-vulkan": "adreno-opencl",
    "other-gpu": "adreno-opencl",
    "cuda": "apple-metal",
    "ane": "qnn-htp",
    "other-npu": "qnn-htp",
}
"""Families without a development row use the nearest measured family's constants (a stated
assumption, ``speed-borrowed``): x86 CPUs the Arm CPU's; Mali/other GPUs the mobile OpenCL GPU's;
CUDA the large-bus unified-memory GPU's; other NPUs the Hexagon HTP's."""

MEASURED_KINDS: Final[dict[str, frozenset[str]]] = {
    "arm-cpu-xnnpack": frozenset({"phone", "tablet", "reference"}),
}
"""Device kinds whose chips the development rows of a non-reference runtime's family cover
(families not listed: every kind). ExecuTorch's XNNPACK rows are one phone's (OnePlus 12,
Snapdragon 8 Gen 3) and llama.cpp's Arm CPU rows another's (Galaxy S23): on a phone chip the two
fits compare like with like, but on a single-board computer or a laptop no published measurement
compares them, and carrying the OnePlus 12's share of its bus to a Raspberry Pi would make
ExecuTorch twice as fast as llama.cpp there on the strength of the phones' difference alone. On
other kinds the runtime counts as unmeasured, capped at the reference runtime's speed."""


def measured_on(fam: str | None, kind: str) -> bool:
    """Whether ``fam``'s constants were measured on a chip of this device kind."""
    kinds = MEASURED_KINDS.get(fam or "")
    return kinds is None or kind in kinds


NPU_PROMPT_CHUNK: Final = 128
"""Qualcomm Genie/QNN builds run the prompt processor on fixed 128-token chunks: the time to first
token is one pass per started 128 tokens (Qualcomm AI Hub info.yaml: "TTFT for a prompt of up to
128 tokens"; the published full-context TTFT is exactly 32 passes for 4,096 tokens)."""


RUNS_AS: Final[dict[str, str]] = {"ggml-hexagon": "arm-cpu"}
"""Families measured to decode at another family's speed: the 22 PocketPal Galaxy S23 decode rows
on the ggml Hexagon backend come within a median 4 % of the same files on the CPU (0.92-1.26x: a
generated token streams the same bytes over the same bus), so its constants and compute are the
CPU's."""

HTP_PREFILL_CLASSES: Final[dict[str, frozenset[str]]] = {
    "ggml-hexagon": frozenset({"plain", "float"})
}
"""Kernel classes whose prompt matrix products a family sends to a unit it has no prefill constant
for; a prompt that multiplies any of them gets no prefill estimate (None, ``no-prefill``).
The ggml Hexagon backend moves Q4_0/Q8_0/MXFP4 and F16 matrix products (the plain and float classes;
F32/BF16 counted in, so never estimated) to the HTP and leaves every other type on the CPU
(``ggml_hexagon_supported_mul_mat``). On the Galaxy S23 (PocketPal's benchmark file) files with
such matrices prefill at 2.5x (Qwen2.5 1.5B Q4_0/Q8_0: 299 and 325 against 120 and 125 tokens/s)
and 2.8x (Phi-3.5 mini Q4_0: 119 against 43) the CPU's speed, but Gemma 3 1B's at 0.45-0.65x
(Q4_0 85 against 189; its Q2_K, Q3_K_M and Q6_K files keep Q8_0 tensors, as its 1,152-wide rows
are no multiple of 256) and its Q4_K_M/Q5_K_M files, with a few Q8_0 tensors, at 0.96-0.98x: no
TOPS figure is published for that HTP and three models cannot tell the offload's gain from its
per-model cost, so the estimate says it does not know, and the fit leaves these rows out of the
CPU's prefill (fitted as CPU rows, they made the phone's prefill efficiency 1.8x the Pi 5's).
Files with none of these classes prefill on the CPU: Qwen2.5's and Phi-3.5's K-quant and IQ files
at 0.87-1.09x the CPU's speed (Gemma 3 1B's IQ2_M at 0.75x), so they run as the CPU's."""


def prefill_modelled(fam: str, params_by_class: Mapping[str, float]) -> bool:
    """Whether ``fam`` runs every prompt matrix product of this work on a unit the roofline has
    constants for (``HTP_PREFILL_CLASSES``)."""
    return not _multiplies(params_by_class, HTP_PREFILL_CLASSES.get(fam, frozenset()))


def _multiplies(params_by_class: Mapping[str, float], classes: frozenset[str]) -> bool:
    """Whether the work has weights in any of the kernel ``classes``."""
    return any(params_by_class.get(c, 0.0) > 0 for c in classes)


def constants_family(fam: str) -> str:
    """The family whose constants and compute apply to ``fam``."""
    return RUNS_AS.get(fam, fam)


def constants(fam: str, table: Mapping[str, Constants] | None = None) -> tuple[Constants, bool]:
    """(constants of the family, True when borrowed from another family)."""
    t = FITTED if table is None else table
    c, borrowed = _table_constants(constants_family(fam), t)
    off = HTP_PREFILL_CLASSES.get(fam)
    return (c if off is None else replace(c, unmodelled_prefill=off)), borrowed


def _table_constants(fam: str, t: Mapping[str, Constants]) -> tuple[Constants, bool]:
    if fam in t:
        return t[fam], False
    return t.get(BORROWED.get(fam, "arm-cpu"), FITTED["arm-cpu"]), True


# --------------------------------------------------------------------------------------------
# Device compute
# --------------------------------------------------------------------------------------------

ISA_OPS_PER_CYCLE: Final[dict[str, float]] = {
    "neon": 16.0,
    "dotprod": 32.0,
    "i8mm": 64.0,
    "sme2": 128.0,
    "avx2": 32.0,
    "avx512": 128.0,
}
"""Int8 operations per cycle per core of one 128-bit (NEON) or 256/512-bit (AVX) pipe, from the
instructions' shapes in the Arm and Intel architecture manuals: NEON 8 fp16 FMAs; SDOT (dotprod)
16 int8 multiply-adds; SMMLA (i8mm) a 2x8 by 8x2 int8 block, 32 multiply-adds, twice SDOT;
AVX2 two instructions (vpmaddubsw, vpmaddwd) per 32 int8 multiply-adds; AVX-512 VNNI 64 per
instruction.
SME2 counted as twice i8mm is an assumption (its outer-product unit is shared between cores).
Only ratios matter: η_dc and η_pf absorb the pipe count."""

DEFAULT_CORE_GHZ: Final = 1.82
"""Clock per core (GHz) counted for a device that lists its core count but not its clusters: the
Galaxy S23's, whose llama.cpp rows fit the Arm CPU constants (big cores 3.36 + 4 x 2.8 GHz = 14.56
GHz over its 8 cores; the efficiency cores count as none). An assumption, so that such a device is
on the same scale as the fitted constants: give ``cpu_clusters`` to replace it."""

DEFAULT_ISA: Final = ("neon", "dotprod", "i8mm")
"""ISA features counted for a device that lists none (the Galaxy S23's, for the same reason)."""


MATVEC_ISA: Final = frozenset({"neon", "dotprod", "sme2", "avx2", "avx512"})
"""Features llama.cpp's matrix-vector (decode) kernels use. The int8 matrix-multiply instruction
(i8mm, SMMLA) multiplies two activation columns at once, so ggml's CPU backend takes that path only
when the right-hand matrix has two or more columns (``ggml_vec_dot_*`` with ``nrc == 2``, chosen
by ``vec_dot_num_rows`` in ggml-cpu.c): a prompt batch, never the single column of a generated
token, which runs on SDOT (dotprod)."""


def isa_ops(isa: tuple[str, ...], decode: bool = False) -> float:
    """Best int8 operations per cycle per core among the ISA features listed (``decode``: among
    those the matrix-vector kernels use, ``MATVEC_ISA``)."""
    usable = [i for i in isa if i in ISA_OPS_PER_CYCLE and (not decode or i in MATVEC_ISA)]
    return max((ISA_OPS_PER_CYCLE[i] for i in usable), default=16.0)


OVERSUBSCRIBED_DECODE_PACE: Final = 0.65
"""Share of the decode speed llama.cpp keeps when its threads outnumber the performance cores, so
that one or more run on efficiency cores: the middle of the 30-40 % decode loss measured on the
Snapdragon 8 Gen 2 (1+2+2 performance and 3 Cortex-A510 cores) going from 5 to 6 or more threads
(llama.cpp thread sweep 2-8 of omnimind-ai/OmniInfer pull request 66); on the RK3588S (4 Cortex-A76
and 4 Cortex-A55) 8 threads instead of 4 lost 45 % (6.92 to 3.81 tokens/s, llama.cpp issue 7176).
Why the decode: ggml's CPU backend ends every graph node with a barrier, and a generated token is
hundreds of short nodes (norms, RoPE, additions split evenly by thread; matrix-vector products cut
into only about four chunks per thread, ggml-cpu.c ``ggml_compute_forward_mul_mat`` and the repack
path), so the thread on the slow core sets each node's end. A prompt batch cuts its matrix products
into thousands of chunks that the fast cores take over; no published sweep on these chips measures
its loss, so prefill is not paced (stated in ``decode_pace``)."""


def decode_pace(threads: int | None, performance_cores: int | None) -> float:
    """Share of the decode speed kept by ``threads`` llama.cpp threads on a chip with
    ``performance_cores`` non-efficiency cores: 1 up to one thread per performance core (the
    estimate's own assumption, ``threads`` None), ``OVERSUBSCRIBED_DECODE_PACE`` beyond."""
    if threads is None or performance_cores is None or threads <= performance_cores:
        return 1.0
    return OVERSUBSCRIBED_DECODE_PACE


# --------------------------------------------------------------------------------------------
# Work per token and the roofline
# --------------------------------------------------------------------------------------------


class Work(NamedTuple):
    """What one token costs, independent of the device."""

    bytes_by_class: Mapping[str, float]
    """Weight bytes streamed per generated token, by kernel class (MoE: active experts only)."""
    params_by_class: Mapping[str, float]
    """Weights multiplied per token, by kernel class (MoE: active experts only)."""
    kv_bytes: float
    """KV cache (at the context) plus recurrent state read per generated token."""
    layers: int
    attention_flops: float
    """Attention FLOPs of one prompt token (scores and values over half the prompt)."""
    fallback_bytes_by_class: Mapping[str, float] = _NONE
    """Of ``bytes_by_class``, what the backend has no kernel for (runs on the CPU)."""
    fallback_runs: int = 0


class Machine(NamedTuple):
    """What the device offers to one backend."""

    bandwidth_gbs: float | None
    compute_gops: float | None
    """Peak compute of the backend (GOP/s; int8 on CPU/NPU, FP16 on GPU); None: unknown."""
    cpu_gops: float | None = None
    """Peak compute of the CPU, for kernels that fall back to it."""
    decode_gops: float | None = None
    """Peak compute of the backend's matrix-vector kernels where it differs from
    ``compute_gops`` (CPUs whose int8 matrix-multiply instructions only serve prompt batches);
    None: ``compute_gops``."""
    decode_pace: float = 1.0
    """Share of its decode speed the run keeps with the threads it was given (``decode_pace``)."""


def _weights_s(
    bytes_c: float, params_c: float, cls: str, bw: float, gops: float | None, c: Constants
) -> float:
    mem = bytes_c / (c.bw_eff * bw * 1e9)
    if gops is None or c.decode_compute_eff is None:
        return mem
    ops = 2.0 * params_c * c.class_cost.get(cls, 1.0) / (c.decode_compute_eff * gops * 1e9)
    return max(mem, ops)


def decode_seconds(w: Work, m: Machine, c: Constants, cpu: Constants | None = None) -> float | None:
    """Seconds per generated token; None when the bandwidth is unknown."""
    if m.bandwidth_gbs is None:
        return None
    bw = m.bandwidth_gbs
    t = 0.0
    for cls, b in w.bytes_by_class.items():
        fb = w.fallback_bytes_by_class.get(cls, 0.0)
        share = (b - fb) / b if b else 0.0
        gops = m.compute_gops if m.decode_gops is None else m.decode_gops
        t += _weights_s(b - fb, w.params_by_class.get(cls, 0.0) * share, cls, bw, gops, c)
        if fb and cpu is not None:
            p = w.params_by_class.get(cls, 0.0) * (1.0 - share)
            t += _weights_s(fb, p, cls, bw, m.cpu_gops, cpu)
    if w.fallback_runs and cpu is not None:
        # One synchronisation per layer that has any fallback: the measured cost tracks layers
        # (26-32 layers: 180-250 ms) far better than the number of split matmul groups.
        t += min(w.fallback_runs, w.layers) * c.split_ms * 1e-3
    t += w.kv_bytes / (c.bw_eff * bw * 1e9)
    t += w.layers * c.layer_us * 1e-6
    return t / m.decode_pace


def prefill_seconds(w: Work, m: Machine, c: Constants) -> float | None:
    """Seconds per prompt token (compute-bound); None when the compute is unknown."""
    if m.compute_gops is None or c.prefill_eff is None:
        return None
    if _multiplies(w.params_by_class, c.unmodelled_prefill):
        return None
    ops = sum(2.0 * p * c.class_cost.get(cls, 1.0) for cls, p in w.params_by_class.items())
    return (ops + w.attention_flops) / (c.prefill_eff * m.compute_gops * 1e9)


def ttft_seconds(
    w: Work, m: Machine, c: Constants, prompt_tokens: int, chunked: bool
) -> float | None:
    """Time to first token for a prompt: the prompt's prefill, in fixed 128-token passes on
    Qualcomm NPU builds (``NPU_PROMPT_CHUNK``)."""
    per_token = prefill_seconds(w, m, c)
    if per_token is None:
        return None
    tokens = (
        math.ceil(prompt_tokens / NPU_PROMPT_CHUNK) * NPU_PROMPT_CHUNK
        if chunked
        else (prompt_tokens)
    )
    return per_token * tokens


def encoder_seconds(flops: float, m: Machine, c: Constants) -> float | None:
    """A vision or audio encoder's FLOPs at the backend's matrix-matrix rate: its F16 tensors run
    the float kernels, batched over every patch as prefill is (None when the compute is
    unknown)."""
    if m.compute_gops is None or c.prefill_eff is None:
        return None
    return flops * c.class_cost.get("float", 1.0) / (c.prefill_eff * m.compute_gops * 1e9)


# --------------------------------------------------------------------------------------------
# Energy
# --------------------------------------------------------------------------------------------

DRAM_PJ_PER_BYTE: Final = 20.0
"""DRAM access energy: 1.3-2.6 nJ per 64-bit access, i.e. 20-40 pJ per byte (Horowitz,
"Computing's energy problem (and what we can do about it)", ISSCC 2014, table of 45 nm energies);
the low end, as LPDDR4X/5 interfaces are lower-energy than the DDR3 of that table."""

OP_PJ: Final[dict[str, float]] = {"cpu": 2.3, "gpu": 0.75, "npu": 0.12}
"""Energy per operation (pJ), from the same table: an int8 multiply-add is 0.2 + 0.03 pJ (0.12
pJ per operation, npu); an FP16 multiply-add 1.1 + 0.4 pJ (0.75 pJ per operation, gpu); a CPU
adds ~70 pJ of instruction overhead per instruction, spread over the 32 operations of a 128-bit
int8 dot-product instruction (+2.2 pJ per operation)."""

ENERGY_UNCERTAINTY_PCT: Final = 50
"""Stated band of the energy estimate: process nodes differ from the 45 nm table and no catalogued
device publishes a per-token energy to fit on. Dynamic energy only: static, display and radio
power are excluded, so the figure is a floor on the battery drain."""


def energy_mj_per_token(read_bytes: float, ops: float, backend: str) -> float:
    """mJ per generated token: DRAM traffic plus arithmetic (dynamic energy only)."""
    return (read_bytes * DRAM_PJ_PER_BYTE + ops * OP_PJ.get(backend, OP_PJ["cpu"])) * 1e-9


SUSTAINED_FACTOR: Final[dict[str, float]] = {"phone": 0.5}
"""Share of the burst decode speed a device class keeps under minutes of continuous generation,
where published: a phone keeps about half (Tummalapalli et al., "LLM Inference at the Edge:
Mobile, NPU, and GPU Performance Efficiency Trade-offs Under Sustained Load", arXiv 2603.23640:
the iPhone 16 Pro lost nearly half its Qwen 2.5 1.5B throughput within two 258-token
iterations). Other classes have no published figure here and get none (the laptop GPU of the same
paper was bounded by its power ceiling, not by heat)."""


def scaled(c: Constants, bw: float = 1.0, compute: float = 1.0) -> Constants:
    """Constants of a device that decodes ``bw`` times and prefills ``compute`` times as fast as
    its family (a calibration): every decode term speeds up alike, fixed costs included, so a
    factor never pushes the bandwidth share alone past what the bus allows."""
    return replace(
        c,
        bw_eff=c.bw_eff * bw,
        layer_us=c.layer_us / bw,
        split_ms=c.split_ms / bw,
        decode_compute_eff=None if c.decode_compute_eff is None else c.decode_compute_eff * bw,
        prefill_eff=None if c.prefill_eff is None else c.prefill_eff * compute,
    )
