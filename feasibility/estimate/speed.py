"""Decode and prefill speed from bandwidth and compute throughput, with fitted efficiencies.

Why: on phones, generating a token streams every active weight (and the KV cache) from DRAM once,
so decode speed is ``efficiency × bandwidth / bytes read per token``; prompt processing is
compute-bound, so prefill speed is ``efficiency × throughput / FLOPs per token``. The mechanism
carries to devices and models nobody measured; only the few efficiencies are fitted, on
/work/shared/reference/measurements/device_speed.csv (see each constant).

Not modelled: thermal throttling over long generations, big.LITTLE thread placement, the cost of
dequantizing each GGML type beyond the fitted per-class factor, and energy (no device in the
catalog publishes power figures we could calibrate on, so ``energy_mj_per_token`` stays None).
"""

from __future__ import annotations

from typing import Final

DECODE_EFFICIENCY: Final[dict[str, float]] = {
    "cpu": 0.30,
    "gpu": 0.55,
    "npu": 0.40,
}
"""Share of peak DRAM bandwidth reached in decode, per backend, for runtimes that do not state
their own (``Runtime.efficiency``). Fitted (median ratio) on device_speed.csv: cpu and npu on the
PocketPal Galaxy S23 rows (llama.cpp CPU and ggml-Hexagon, 67.2 GB/s), npu for vendor NPU stacks
on the Qualcomm AI Hub Genie rows (Snapdragon 8 Elite, 84.8 GB/s), gpu on the llama.cpp Metal rows
(Apple M1/M2) and the Adreno OpenCL rows whose tensor types the backend runs natively."""

GGUF_CPU_TYPE_FACTOR: Final[dict[str, float]] = {
    "F32": 1.0, "F16": 1.0, "BF16": 1.0,
    "Q8_0": 1.0, "Q4_0": 1.0, "Q4_1": 1.0, "Q5_0": 1.0, "Q5_1": 1.0, "IQ4_NL": 1.0,
    "MXFP4": 1.0,
}
"""Relative CPU decode throughput per GGML type, placeholder (types not listed use 1.0)."""

PREFILL_EFFICIENCY: Final[dict[str, float]] = {
    "cpu": 1.0,
    "gpu": 0.05,
    "npu": 0.05,
}
"""Share of the published peak throughput reached in prefill (cpu: applied to CPU_GFLOPS_PER_CORE,
which is already an effective figure)."""

CPU_GFLOPS_PER_CORE: Final = 20.0
"""Effective dense-matmul GFLOP/s per CPU core on quantized weights (llama.cpp, int8 dot products).
Fitted on the PocketPal Galaxy S23 CPU prefill rows (6 threads on 8 cores)."""

OPENCL_FALLBACK_S_PER_LAYER: Final = 0.0
"""Placeholder."""


def decode_tps(read_bytes: int, bandwidth_gbs: float, efficiency: float) -> float:
    """Tokens/s when each token streams ``read_bytes`` at ``efficiency × bandwidth``."""
    return efficiency * bandwidth_gbs * 1e9 / read_bytes


def prefill_tps(flops_per_token: float, throughput_flops: float, efficiency: float) -> float:
    return efficiency * throughput_flops / flops_per_token
