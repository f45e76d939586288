"""Accelerator: the runtime must have a backend the device has (the NPU, when it is required).

Passes when the runtime can use one of the device's accelerators on this OS; the reason names the
one chosen (NPU first when required/preferred or when battery use is to be minimized).
Fails when there is none in common, or when ``npu: required`` and the runtime cannot use this
device's NPU.
Example: Qualcomm Genie on a Pixel (Google Tensor NPU) fails: it only drives Hexagon NPUs.
"""

from __future__ import annotations

from feasibility.situation import Situation
from feasibility.verdict import Verdict

ID = "accelerator"

LABEL = {"cpu": "CPU", "gpu": "GPU", "npu": "NPU"}


def check(s: Situation) -> Verdict:
    rt = s.candidate.runtime
    device = s.target.device
    platform = rt.platform(device.os)
    if platform is None:
        return Verdict.failed(
            ID, f"{rt.name} has no backend for this OS", runtime=rt.id, problem="os"
        )
    if s.backend is None:
        if s.constraints.npu == "required":
            return Verdict.failed(
                ID,
                f"NPU required, but {rt.name} cannot use this device's NPU"
                + (f" ({device.npu.name})" if device.npu else " (the device has none)"),
                runtime=rt.id,
                problem="npu-required",
                npu=device.npu.name if device.npu else "",
            )
        q = s.candidate.quant
        if q.backends:
            return Verdict.failed(
                ID,
                f"{q.name} runs on {'/'.join(b.upper() for b in q.backends)} only, which "
                f"{rt.name} cannot use on this device",
                runtime=rt.id,
                quantization=q.id,
                problem="encoding",
                backends=list(q.backends),
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
