"""Inputs: a model must read every input the service sends, on the runtime that runs it.

Runs only for services whose ``inputs`` list images or audio (a text-only service has nothing to
check, and its reports do not change).
Passes when the model has an encoder for each of them (a vision tower for images, an audio tower
for audio) and the runtime runs that encoder; the reason names the encoder, its file and the
tokens an image or audio second adds to the context.
Fails when the model reads text only, lacks one of the inputs, or the runtime runs the decoder
but not the encoder (the reason names the runtimes that do), or runs it only on other operating
systems than the target's (MLX-VLM runs Gemma 3n's audio tower on macOS, not in MLX Swift on iOS).
Example: gemma-3-4b-it for ``inputs: [text, image]`` on llama.cpp passes ("reads images with its
SigLIP-So400m encoder, mmproj GGUF F16, 256 tokens per image"); Qwen2.5-1.5B fails ("reads
text only"); gemma-3-4b-it for audio fails ("reads text and image, not audio").
"""

from __future__ import annotations

from feasibility.estimator.encoder import build_for
from feasibility.schema import OS_LABELS
from feasibility.situation import Situation
from feasibility.verdict import Verdict

ID = "inputs"


def check(s: Situation) -> Verdict:
    model, rt = s.candidate.model, s.candidate.runtime
    wanted = list(s.service.media)
    reads = list(model.inputs)
    missing = [m for m in wanted if m not in reads]
    if missing:
        has = "text only" if reads == ["text"] else " and ".join(reads)
        return Verdict.failed(
            ID,
            f"reads {has}, not {' or '.join(missing)}",
            missing=missing,
            reads=reads,
        )
    os_name = s.target.device.os
    unrun = [m for m in wanted if build_for(model.encoder(m), rt.id) is None]  # type: ignore[arg-type]
    if unrun:
        encs = [e for m in unrun if (e := model.encoder(m)) is not None]
        builds = [b for e in encs for b in e.builds]
        runners = sorted({b.runtime for b in builds if not b.os or os_name in b.os})
        names = ", ".join(e.name for e in encs)
        reason = f"{rt.name} does not run its {names} encoder"
        if runners:
            reason += f" (runtimes that do: {', '.join(runners)})"
        elif builds:
            reason += f", and no runtime does on {OS_LABELS[os_name]}"
        return Verdict.failed(ID, reason, missing=unrun, runtime=rt.id, runners=runners, os=os_name)
    elsewhere = [
        (m, b)
        for m in wanted
        if (b := build_for(model.encoder(m), rt.id)) is not None  # type: ignore[arg-type]
        and b.os
        and os_name not in b.os
    ]
    if elsewhere:
        m, b = elsewhere[0]
        enc = model.encoder(m)
        assert enc is not None
        return Verdict.failed(
            ID,
            f"{rt.name} runs its {enc.name} encoder on "
            f"{', '.join(OS_LABELS[o] for o in b.os)} only, not {OS_LABELS[os_name]}",
            missing=[m for m, _ in elsewhere],
            runtime=rt.id,
            os=os_name,
            encoder_os=list(b.os),
        )
    parts = []
    for m in wanted:
        enc = model.encoder(m)
        assert enc is not None
        b = build_for(enc, rt.id)
        assert b is not None
        per = (
            f"{enc.tokens_per_image} tokens per image"
            if m == "image"
            else f"{enc.tokens_per_second:g} tokens per audio second"
        )
        parts.append(f"{m} with its {enc.name} encoder ({b.format} {b.type}, {per})")
    return Verdict.passed(
        ID,
        "reads " + "; ".join(parts),
        inputs=wanted,
        encoders=[model.encoder(m).name for m in wanted],  # type: ignore[union-attr]
        runtime=rt.id,
    )
