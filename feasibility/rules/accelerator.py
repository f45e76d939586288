"""Accelerator: the runtime must have a backend the device has (the NPU, when it is required).

Passes when the runtime can use one of the device's accelerators on this OS; the reason names the
one chosen (NPU first when required/preferred or when battery use is to be minimized).
Fails when there is none in common, or when ``npu: required`` and the NPU cannot be used. The
reason names the missing piece: the runtime has no NPU backend on this OS, the runtime does not
drive this NPU's vendor, the encoding is a CPU/GPU format, or the encoding targets another
vendor's NPU.
Example: Qualcomm Genie on a Pixel (Google Tensor NPU) fails: it only drives Hexagon NPUs.
"""

from __future__ import annotations

from feasibility.situation import Placement, PlacementCause, Situation, place
from feasibility.verdict import Verdict

ID = "accelerator"

LABEL = {"cpu": "CPU", "gpu": "GPU", "npu": "NPU"}

NPU_CAUSE_TEXT: dict[PlacementCause, str] = {
    "no-os-backend": "{rt} has no NPU backend on this OS",
    "encoding": "{q} runs on {backends} only (not the NPU)",
    "npu-runtime-vendor": "{rt} does not drive {vendor} NPUs on this OS",
    "npu-format-vendor": "{q} is built for {vendors} NPUs, not {vendor}",
    "gpu-family": "{rt}'s GPU backend does not drive this GPU",
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
        return Verdict.failed(
            ID,
            f"{rt.name} has no backend for this device's accelerators",
            runtime=rt.id,
            problem="no-common-backend",
        )
    name = LABEL[s.backend]
    if s.backend == "npu" and device.npu is not None:
        name = f"NPU ({device.npu.name})"
    return Verdict.passed(
        ID,
        f"runs on the {name}",
        backend=s.backend,
        npu=device.npu.name if s.backend == "npu" and device.npu else "",
    )


def _cause_text(cause: PlacementCause, s: Situation) -> str:
    rt, q, device = s.candidate.runtime, s.candidate.quant, s.target.device
    return NPU_CAUSE_TEXT[cause].format(
        rt=rt.name,
        q=q.name,
        backends="/".join(b.upper() for b in q.backends),
        vendor=device.npu.vendor if device.npu else "",
        vendors="/".join(q.npu_vendors),
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
