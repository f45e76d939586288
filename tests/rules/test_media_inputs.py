"""The inputs rule: one table of cases (text only, image, audio, runtime without the encoder)."""

from __future__ import annotations

from typing import Any

import pytest
from factories import make_model, make_runtime, make_situation

from feasibility.schema import Encoder, EncoderBuild, Service

SRC = ("https://example.org/source",)


def _encoder(modality: str, runtimes: tuple[str, ...] = ("llama.cpp",), **kw: Any) -> Encoder:
    builds = tuple(
        EncoderBuild(
            runtime=r,
            format="mmproj GGUF",
            type="F16",
            loads_text_only=False,
            source=SRC[0],
        )
        for r in runtimes
    )
    per = {"tokens_per_image": 256} if modality == "image" else {"tokens_per_second": 6.25}
    return Encoder(
        modality=modality,  # type: ignore[arg-type]
        name=f"{modality.title()}Tower",
        params=400_000_000,
        builds=builds,
        sources=SRC,
        **{**per, **kw},
    )


VISION = (_encoder("image"),)
VISION_AUDIO = (_encoder("image"), _encoder("audio"))
VISION_MLX_ONLY = (_encoder("image", runtimes=("mlx",)),)


@pytest.mark.parametrize(
    ("encoders", "inputs", "outcome", "reason"),
    [
        ((), ("text", "image"), "fail", "reads text only, not image"),
        (VISION, ("text", "image"), "pass", "reads image with its ImageTower encoder"),
        (VISION, ("text", "audio"), "fail", "reads text and image, not audio"),
        (VISION, ("text", "image", "audio"), "fail", "not audio"),
        (VISION_AUDIO, ("text", "image", "audio"), "pass", "6.25 tokens per audio second"),
        (VISION_AUDIO, ("image",), "pass", "256 tokens per image"),
        (VISION_MLX_ONLY, ("text", "image"), "fail", "(runtimes that do: mlx)"),
    ],
    ids=[
        "text-model-image-service",
        "vision-model",
        "vision-model-audio-service",
        "vision-model-both",
        "vision-audio-model-both",
        "image-only-service",
        "runtime-without-the-encoder",
    ],
)
def test_inputs_rule(
    encoders: tuple[Encoder, ...], inputs: tuple[str, ...], outcome: str, reason: str
) -> None:
    """Passes only models whose encoders cover the service's media on this runtime."""
    from feasibility.rules import inputs as rule

    service = Service(
        inputs=inputs,  # type: ignore[arg-type]
        audio_seconds_per_request=30 if "audio" in inputs else None,
    )
    s = make_situation(model=make_model(encoders=encoders), runtime=make_runtime(), service=service)
    v = rule.check(s)
    assert v.outcome == outcome
    assert reason in v.reason


def test_a_text_only_service_never_runs_the_rule() -> None:
    """Text-only reports stay as they were: the rule is evaluated only for images or audio."""
    from feasibility.catalog import load_catalog
    from feasibility.engine import evaluate  # noqa: F401  (the engine builds the evaluator)
    from feasibility.evaluator import Evaluator
    from feasibility.schema import Constraints
    from feasibility.targets import resolve

    cat = load_catalog()
    for service, expected in ((Service(), False), (Service(inputs=("text", "image")), True)):
        ev = Evaluator(cat, service, Constraints())
        spec = {"targets": [{"preset": "iphone-16-pro"}]}
        from feasibility.api import load_spec

        parsed, _ = load_spec(spec)
        target = resolve(parsed, cat, "<dict>")[0][0]
        o = ev.option(ev.candidates[0], target, past_model_level=True)
        assert any(v.rule == "inputs" for v in o.verdicts) is expected


@pytest.mark.parametrize(
    ("images", "outcome"), [(1, "pass"), (2, "pass"), (3, "fail")], ids=["one", "two", "three"]
)
def test_image_tokens_count_in_the_context_window(images: int, outcome: str) -> None:
    """7,680 text tokens plus 256 per image against an 8,192-token model."""
    from feasibility.rules import context_window

    service = Service(inputs=("text", "image"), images_per_request=images, context_tokens=7680)
    s = make_situation(model=make_model(encoders=VISION), service=service)
    v = context_window.check(s)
    assert v.outcome == outcome
    assert dict(v.evidence)["need"] == 7680 + 256 * images
    assert dict(v.evidence)["media_tokens"] == 256 * images
