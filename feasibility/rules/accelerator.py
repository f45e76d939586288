"""Accelerator: the runtime must have a backend the device has (the NPU, when it is required).

Passes when the runtime can use one of the device's accelerators on this OS; the reason names the
one chosen (NPU first when required/preferred or when battery use is to be minimized).
Fails when there is none in common, or when ``npu: required`` and the NPU cannot be used. The
reason names the missing piece: the runtime has no NPU backend on this OS, the runtime does not
drive this NPU's vendor, the encoding is a CPU/GPU format, or the encoding targets another
vendor's NPU.
The runtime's listed backends decide which chips an accelerator serves (CPU architecture and
maker, GPU family, NPU generation); the reason names the API and, below production, its maturity.
On a device sold with several chips the accelerator must serve every variant; a build that one
variant cannot run fails naming that variant and its markets.
Example: Qualcomm Genie on a Pixel (Google Tensor NPU) fails: it only drives Hexagon NPUs; on a
Galaxy S26 it fails because the Exynos 2600 units cannot run it.
"""

from __future__ import annotations

from feasibility.schema import Device
from feasibility.situation import Placement, PlacementCause, Situation, place
from feasibility.verdict import Verdict

ID = "accelerator"

LABEL = {"cpu": "CPU", "gpu": "GPU", "npu": "NPU"}

NPU_CAUSE_TEXT: dict[PlacementCause, str] = {
    "no-os-backend": "{rt} has no NPU backend on this OS",
    "encoding": "{q} runs on {backends} only (not the NPU)",
    "npu-runtime-vendor": "{rt} does not drive {vendor} NPUs on this OS",
    "npu-format-vendor": "{q} is built for {vendors} NPUs, not {vendor}",
    "gpu-family": "{rt}'s GPU backend does not drive this GPU ({gpu})",
    "cpu-arch": "{rt}'s CPU backend does not support {arch} CPUs",
    "npu-generation": "{rt} needs a {min_gen}+ NPU, this one is {gen}",
    "variant": "not every chip this device ships with can use it",
    "not-on-device": "the device has none",
}


def check(s: Situation) -> Verdict:
    rt = s.candidate.runtime
    device = s.target.device
    if rt.platform(device.os) is None:
        return Verdict.failed(
            ID, f"{rt.name} has no backend for this OS", runtime=rt.id, problem="os"
        )
    q = s.candidate.quant
    placement = s.placement or place(rt, device, s.constraints, q)
    if s.backend is None:
        if s.constraints.npu == "required":
            return _npu_required(s, placement)
        if q.backends and any(c == "encoding" for _, c in placement.dropped):
            causes = [c for a, c in placement.dropped if a in q.backends]
            return Verdict.failed(
                ID,
                f"{q.name} runs on {'/'.join(b.upper() for b in q.backends)} only, which "
                f"{rt.name} cannot use on this device ({_cause_text(causes[0], s)})",
                runtime=rt.id,
                quantization=q.id,
                problem="encoding",
                backends=list(q.backends),
                cause=causes[0],
            )
        return _no_backend(s, placement)
    name = LABEL[s.backend]
    if s.backend == "npu" and device.npu is not None:
        name = f"NPU ({device.npu.name})"
    route = placement.route
    api = f" via {route.api}" if route and route.api.upper() != s.backend.upper() else ""
    maturity = route.maturity if route else "production"
    note = f" ({maturity})" if maturity != "production" else ""
    cover = ""
    if placement.variants:
        cover = f"; on every variant ({', '.join(v.name for v in placement.variants)})"
    return Verdict.passed(
        ID,
        f"runs on the {name}{api}{note}{cover}",
        backend=s.backend,
        npu=device.npu.name if s.backend == "npu" and device.npu else "",
        api=route.api if route else s.backend.upper(),
        maturity=maturity,
        maturity_source=route.source if route else "",
        variants=[
            {
                "id": v.id,
                "name": v.name,
                "soc": v.soc,
                "markets": list(v.markets),
                "backend": s.backend,
            }
            for v in placement.variants
        ],
    )


def _no_backend(s: Situation, placement: Placement) -> Verdict:
    """No accelerator in common: name the variant that cannot run it, else each cause."""
    rt = s.candidate.runtime
    stuck = [v for v in placement.variants if not v.usable]
    if stuck:
        v = stuck[0]
        causes = [c for _, c in v.dropped if c not in ("not-on-device", "no-os-backend")]
        chip = next(d for d in s.target.device.variants if d.id == v.id)
        why = f": {_cause_text(causes[0], s, s.target.device.as_variant(chip))}" if causes else ""
        return Verdict.failed(
            ID,
            f"{rt.name} cannot run on {v.name} (sold in {', '.join(v.markets)}){why}",
            runtime=rt.id,
            problem="variant",
            variant=v.id,
            variant_name=v.name,
            markets=list(v.markets),
        )
    causes = [c for _, c in placement.dropped if c not in ("not-on-device", "no-os-backend")]
    why = f" ({'; '.join(_cause_text(c, s) for c in dict.fromkeys(causes))})" if causes else ""
    return Verdict.failed(
        ID,
        f"{rt.name} has no backend for this device's accelerators{why}",
        runtime=rt.id,
        problem="no-common-backend",
        causes=list(dict.fromkeys(causes)),
    )


def _cause_text(cause: PlacementCause, s: Situation, device: Device | None = None) -> str:
    rt, q = s.candidate.runtime, s.candidate.quant
    device = device or s.target.device
    need = [b.min_npu_generation for b in rt.backends if b.min_npu_generation]
    return NPU_CAUSE_TEXT[cause].format(
        rt=rt.name,
        q=q.name,
        backends="/".join(b.upper() for b in q.backends),
        vendor=device.npu.vendor if device.npu else "",
        vendors="/".join(q.npu_vendors),
        gpu=device.gpu or "unknown GPU",
        arch=f"{device.cpu_vendor or ''} {device.cpu_arch or ''}".strip() or "this device's",
        min_gen=need[0] if need else "newer",
        gen=(device.npu.generation if device.npu else None) or "of unknown generation",
    )


def _npu_required(s: Situation, placement: Placement) -> Verdict:
    rt, q, device = s.candidate.runtime, s.candidate.quant, s.target.device
    if device.npu is None or "npu" not in device.accelerators:
        return Verdict.failed(
            ID,
            "NPU required, but the device has none",
            runtime=rt.id,
            problem="npu-required",
            cause="no-npu",
            npu="",
        )
    cause = placement.cause("npu")
    if cause is None:  # pragma: no cover - a usable NPU is always chosen when required
        cause = "no-os-backend"
    text = _cause_text(cause, s)
    return Verdict.failed(
        ID,
        f"NPU required, but {text} ({device.npu.name})",
        runtime=rt.id,
        quantization=q.id,
        problem="npu-required",
        cause=cause,
        npu=device.npu.name,
        vendor=device.npu.vendor,
    )
