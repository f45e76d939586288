"""Decode and prefill speed from bandwidth and compute throughput, with fitted efficiencies.

Why: generating a token streams every active weight (and the KV cache) from DRAM once, so decode
speed is ``efficiency × bandwidth / bytes read per token``; prompt processing is compute-bound, so
prefill speed is ``throughput / FLOPs per token``. On phone CPUs the GGML kernel matters too:
K-quants and i-quants unpack super-block scales or codebooks and become compute-bound below the
bus speed, so llama.cpp efficiencies are given per kernel class. On Adreno GPUs the OpenCL backend
lacks some types; those matmuls fall back to the CPU with a graph split each.

Only the constants below are fitted, on /work/shared/reference/measurements/device_speed.csv (each
says on which rows). Not modelled: thermal throttling, thread placement on big.LITTLE cores,
memory contention with the app, and energy (no catalogued device publishes power figures to
calibrate on, so ``energy_mj_per_token`` stays None).
"""

from __future__ import annotations

from typing import Final

DECODE_EFFICIENCY: Final[dict[str, float]] = {
    "cpu": 0.30,
    "gpu": 0.35,
    "npu": 0.44,
}
"""Share of peak DRAM bandwidth reached in decode by non-llama.cpp runtimes that do not state their
own (``Runtime.efficiency``). npu: median of the 8 Qualcomm AI Hub Genie rows of device_speed.csv
(Snapdragon 8 Elite, 84.8 GB/s; range 0.31-0.69); cpu and gpu: the llama.cpp figures below for
simple types (no other runtime's CPU/GPU decode is in the measurements)."""

GGUF_DECODE_EFFICIENCY: Final[dict[str, float]] = {
    "cpu": 0.318,
    "npu": 0.318,
    "gpu": 0.35,
}
"""llama.cpp, for weights in simple types (Q4_0/Q8_0/Q5_x/F16). cpu: least-squares fit on the 44
PocketPal Galaxy S23 CPU and ggml-Hexagon rows (67.2 GB/s) together with CLASS_DECODE_FACTOR; the
ggml Hexagon backend decodes at CPU speed in those rows, so npu uses the same figure. gpu: median
of the 8 Adreno OpenCL rows whose types all run natively (0.27-0.53)."""

CLASS_DECODE_FACTOR: Final[dict[str, float]] = {
    "plain": 1.0,
    "k": 0.768,
    "klow": 0.443,
    "iq": 0.201,
}
"""Relative llama.cpp CPU decode throughput per kernel class (``type_class``). Fitted with
GGUF_DECODE_EFFICIENCY on the same 44 rows (median error 11 %)."""

OPENCL_SPLIT_S: Final = 0.002
"""Seconds per generated token for each group of back-to-back matmuls whose type the Adreno
OpenCL backend lacks: the graph splits, activations go to the CPU and back. Median over the 14
PocketPal Adreno rows with such types (0.8-6 ms)."""

OPENCL_NATIVE_TYPES: Final = frozenset(
    {"F32", "F16", "Q4_0", "Q8_0", "Q4_K", "Q5_K", "Q6_K", "MXFP4"}
)
"""Types the Adreno OpenCL rows decode at GPU speed (inferred from the S23 rows: files of
Q4_K/Q5_K/Q6_K/Q8_0/Q4_0 are fast, files with Q2_K/Q3_K/Q5_0/Q5_1/IQ* matmuls 4-6x slower than
the CPU)."""

PREFILL_EFFICIENCY: Final[dict[str, float]] = {
    "cpu": 1.0,
    "gpu": 0.25,
    "npu": 0.10,
}
"""Share of the published peak reached in prefill. cpu: 1.0 because CPU_GFLOPS_PER_CORE is already
an effective figure. gpu/npu: NOT fitted (no measured row has both a prefill figure and the
device's published TFLOPS/TOPS); conservative typical values, to be re-fitted when such rows
exist."""

CPU_GFLOPS_PER_CORE: Final = 34.0
"""Effective prompt-processing GFLOP/s per CPU core for simple types (llama.cpp int8 dot products,
repacked Q4_0). Least-squares fit with CLASS_PREFILL_FACTOR on the 22 PocketPal Galaxy S23 CPU
prefill rows (272 GFLOP/s on 8 cores, 6 threads)."""

CLASS_PREFILL_FACTOR: Final[dict[str, float]] = {
    "plain": 1.0,
    "k": 0.643,
    "klow": 0.289,
    "iq": 0.143,
}
"""Relative llama.cpp CPU prompt throughput per kernel class (same fit as CPU_GFLOPS_PER_CORE)."""


def type_class(gtype: str) -> str:
    """Kernel class of a GGML type: plain (block-32 and float), k (4-6 bit K and IQ4), klow
    (Q2_K/Q3_K), iq (2-3 bit codebook and ternary types)."""
    if gtype in ("Q2_K", "Q3_K"):
        return "klow"
    if gtype in ("Q4_K", "Q5_K", "Q6_K", "IQ4_XS", "IQ4_NL"):
        return "k"
    if gtype.startswith(("IQ", "TQ")):
        return "iq"
    return "plain"


def decode_tps(read_bytes: int, bandwidth_gbs: float, efficiency: float) -> float:
    """Tokens/s when each token streams ``read_bytes`` at ``efficiency × bandwidth``."""
    return efficiency * bandwidth_gbs * 1e9 / read_bytes


def class_time(bytes_by_class: dict[str, int], bandwidth_gbs: float, efficiency: float) -> float:
    """Seconds to stream the given bytes, each class at its own share of the bandwidth."""
    bw = bandwidth_gbs * 1e9
    return sum(b / (efficiency * CLASS_DECODE_FACTOR[c] * bw) for c, b in bytes_by_class.items())


def prefill_tps(flops_per_token: float, throughput_flops: float, efficiency: float) -> float:
    return efficiency * throughput_flops / flops_per_token
