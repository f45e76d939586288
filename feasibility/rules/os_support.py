"""OS support: the runtime must run on the target's OS, at the target's OS version.

Passes when the runtime lists the OS and either publishes no minimum version or the target's OS
version is at least that minimum.
Fails when the runtime does not run on the OS, or the target's OS version is too old.
Unknown (non-blocking) when the runtime has a minimum but the target's OS version is not known.
Example: MLX on Android fails: "MLX does not run on Android".
"""

from __future__ import annotations

from feasibility.schema import OS_LABELS
from feasibility.situation import Situation, version_tuple
from feasibility.verdict import Verdict

ID = "os-support"


def check(s: Situation) -> Verdict:
    rt = s.candidate.runtime
    os_name = s.target.device.os
    label = OS_LABELS[os_name]
    platform = rt.platform(os_name)
    if platform is None:
        return Verdict.failed(ID, f"{rt.name} does not run on {label}", runtime=rt.id, os=os_name)
    if platform.min_version is None:
        return Verdict.passed(ID, f"{rt.name} runs on {label}", runtime=rt.id, os=os_name)
    have = s.target.os_version
    if have is None:
        return Verdict.unknown(
            ID,
            f"{rt.name} needs {label} {platform.min_version}+; the target's {label} version is "
            "not known",
            blocking=False,
            runtime=rt.id,
            os=os_name,
            min_version=platform.min_version,
        )
    if version_tuple(have) < version_tuple(platform.min_version):
        return Verdict.failed(
            ID,
            f"{rt.name} needs {label} {platform.min_version}+, target runs {label} {have}",
            runtime=rt.id,
            os=os_name,
            min_version=platform.min_version,
            have=have,
        )
    return Verdict.passed(
        ID,
        f"{rt.name} needs {label} {platform.min_version}+, target has {have}",
        runtime=rt.id,
        os=os_name,
        min_version=platform.min_version,
        have=have,
    )
