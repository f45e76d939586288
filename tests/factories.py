"""Minimal valid catalog objects and situations for rule and engine tests."""

from __future__ import annotations

from typing import Any

from feasibility.estimator import Estimate
from feasibility.schema import (
    Architecture,
    Constraints,
    Device,
    GgufScheme,
    License,
    ModelEntry,
    PipelineStep,
    PlatformSupport,
    Quantization,
    Runtime,
    Service,
)
from feasibility.situation import Candidate, Situation, Target, choose_backend
from feasibility.units import MIB

URL = ("https://example.org/source",)


def make_arch(**kw: Any) -> Architecture:
    base: dict[str, Any] = dict(
        type="llama",
        layers=16,
        hidden_size=2048,
        attention_heads=32,
        kv_heads=8,
        head_dim=64,
        intermediate_size=8192,
        vocab_size=128256,
        tied_embeddings=True,
        max_context=131072,
    )
    base.update(kw)
    return Architecture(**base)


def make_model(**kw: Any) -> ModelEntry:
    base: dict[str, Any] = dict(
        id="tiny-1b",
        name="Tiny-1B",
        hf_repo="org/Tiny-1B",
        family="Tiny",
        developer="Org",
        params=1_235_814_400,
        architecture=make_arch(),
        context_tokens=8192,
        license="apache-2.0",
        languages=("en", "ko"),
        strengths=("chat", "summarization"),
        sources=URL,
    )
    base.update(kw)
    return ModelEntry(**base)


def make_license(commercial: str = "yes", **kw: Any) -> License:
    base: dict[str, Any] = dict(
        id="apache-2.0",
        name="Apache 2.0",
        commercial=commercial,
        url="https://www.apache.org/licenses/LICENSE-2.0",
    )
    base.update(kw)
    return License(**base)


def make_quant(**kw: Any) -> Quantization:
    base: dict[str, Any] = dict(
        id="Q4_K_M",
        name="GGUF Q4_K_M",
        format="gguf",
        weight_bits=4,
        scheme=GgufScheme(ftype="Q4_K_M"),
        sources=URL,
    )
    base.update(kw)
    return Quantization(**base)


def make_runtime(**kw: Any) -> Runtime:
    base: dict[str, Any] = dict(
        id="llama.cpp",
        name="llama.cpp",
        license="MIT",
        platforms=(
            PlatformSupport(os="ios", accelerators=("cpu", "gpu")),
            PlatformSupport(os="android", min_version="15", accelerators=("cpu", "gpu")),
        ),
        quantizations=("Q4_K_M",),
        architectures=("llama",),
        overhead_mb=50,
        pipeline=(PipelineStep(title="Quantize", command="llama-quantize {model_id} {quant}"),),
        sources=URL,
    )
    base.update(kw)
    return Runtime(**base)


def make_device(**kw: Any) -> Device:
    base: dict[str, Any] = dict(
        id="phone",
        name="Phone",
        vendor="V",
        kind="phone",
        os="ios",
        os_version="18",
        ram_gb=8,
        memory_bandwidth_gbs=60.0,
        accelerators=("cpu", "gpu", "npu"),
        sources=URL,
    )
    base.update(kw)
    return Device(**base)


def make_estimate(total_mb: float = 1000, decode_tps: float | None = 20.0) -> Estimate:
    total = int(total_mb * MIB)
    return Estimate(
        model="tiny-1b",
        quantization="Q4_K_M",
        runtime="llama.cpp",
        backend="gpu",
        context_tokens=4096,
        file_bytes=total // 2,
        weights_bytes=total // 2,
        kv_cache_bytes=total // 4,
        compute_bytes=total // 8,
        overhead_bytes=total - total // 2 - total // 4 - total // 8,
        total_bytes=total,
        decode_tps=decode_tps,
        prefill_tps=None,
        energy_mj_per_token=None,
        assumptions=(),
    )


def make_situation(
    *,
    model: ModelEntry | None = None,
    quant: Quantization | None = None,
    runtime: Runtime | None = None,
    license: License | None = None,
    device: Device | None = None,
    os_version: str | None = "18",
    budget_mb: int = 2048,
    service: Service | None = None,
    constraints: Constraints | None = None,
    estimate: Estimate | None = None,
) -> Situation:
    device = device or make_device()
    runtime = runtime or make_runtime()
    quant = quant or make_quant()
    constraints = constraints or Constraints()
    cand = Candidate(model or make_model(), quant, runtime, license or make_license())
    target = Target(0, device.id, device, os_version, budget_mb * MIB)
    backend = choose_backend(runtime, device, constraints, quant)
    return Situation(
        cand,
        target,
        service or Service(languages=("en",)),
        constraints,
        backend,
        estimate or make_estimate(),
    )
