"""One table of cases per rule: pass, fail and unknown, with the boundaries."""

from __future__ import annotations

import pytest
from factories import (
    make_device,
    make_estimate,
    make_license,
    make_model,
    make_quant,
    make_runtime,
    make_situation,
)

from feasibility.rules import (
    RULES,
    accelerator,
    architecture_support,
    context_window,
    decode_speed,
    get,
    languages,
    license,
    memory_fit,
    os_support,
    param_cap,
    task_fit,
)
from feasibility.schema import Constraints, Npu, PlatformSupport, Service


def test_every_rule_has_an_id_and_a_docstring_and_is_registered_once() -> None:
    """Rule ids are unique, kebab-case and documented."""
    ids = [r.ID for r in RULES]
    assert len(ids) == len(set(ids))
    for r in RULES:
        assert r.ID.lower() == r.ID and " " not in r.ID
        assert r.__doc__ and "Pass" in r.__doc__ and "Example" in r.__doc__
        assert get(r.ID) is r
    with pytest.raises(KeyError, match="no such rule"):
        get("nope")


@pytest.mark.parametrize(
    ("params", "cap_b", "outcome"),
    [
        (1_000_000_000, None, "pass"),
        (3_000_000_000, 3.0, "pass"),
        (3_000_000_001, 3.0, "fail"),
        (8_000_000_000, 4.0, "fail"),
    ],
    ids=["no-cap", "exactly-at-cap", "one-over", "well-over"],
)
def test_param_cap(params: int, cap_b: float | None, outcome: str) -> None:
    """Rejects models above the user's parameter cap, with both numbers."""
    model = make_model(params=params)
    v = param_cap.check(make_situation(model=model, constraints=Constraints(max_params_b=cap_b)))
    assert v.outcome == outcome
    if outcome == "fail":
        assert "cap is" in v.reason


@pytest.mark.parametrize(
    ("commercial", "constraint", "outcome"),
    [
        ("yes", "commercial", "pass"),
        ("conditional", "commercial", "pass"),
        ("no", "commercial", "fail"),
        ("no", "any", "pass"),
    ],
)
def test_license(commercial: str, constraint: str, outcome: str) -> None:
    """Non-commercial licences fail only when the service is commercial."""
    lic = make_license(commercial=commercial, name="Some License", conditions="700M MAU")
    v = license.check(make_situation(license=lic, constraints=Constraints(license=constraint)))
    assert v.outcome == outcome
    if commercial == "conditional":
        assert "700M MAU" in v.reason
    if outcome == "fail":
        assert v.reason == "Some License does not allow commercial use"


@pytest.mark.parametrize(
    ("listed", "claim", "wanted", "outcome"),
    [
        (("en", "ko"), "", ("ko", "en"), "pass"),
        (("en",), "", ("ko",), "fail"),
        (("en",), "140+ languages", ("ko",), "unknown"),
    ],
    ids=["listed", "not-listed", "broad-claim"],
)
def test_languages(
    listed: tuple[str, ...], claim: str, wanted: tuple[str, ...], outcome: str
) -> None:
    """A language must be on the card's list; a broad claim is a blocking unknown."""
    model = make_model(languages=listed, languages_claim=claim)
    v = languages.check(make_situation(model=model, service=Service(languages=wanted)))
    assert v.outcome == outcome
    if outcome != "pass":
        assert "Korean" in v.reason
        assert v.rejects


@pytest.mark.parametrize(("context", "outcome"), [(4096, "pass"), (8192, "pass"), (8193, "fail")])
def test_context_window(context: int, outcome: str) -> None:
    """The service context must fit the advertised context (8,192 here)."""
    svc = Service(context_tokens=context, output_tokens=100)
    v = context_window.check(make_situation(service=svc))
    assert v.outcome == outcome
    if outcome == "fail":
        assert v.reason == "needs 8,193 tokens of context, model handles 8,192"


def test_os_support_cases() -> None:
    """Unsupported OS fails; too-old version fails; unknown version is a non-blocking unknown."""
    mac = make_device(os="macos")
    assert os_support.check(make_situation(device=mac)).reason == "llama.cpp does not run on macOS"
    android = make_device(os="android")
    old = os_support.check(make_situation(device=android, os_version="14"))
    assert old.outcome == "fail" and "needs Android 15+" in old.reason
    ok = os_support.check(make_situation(device=android, os_version="15"))
    assert ok.outcome == "pass"
    unknown = os_support.check(make_situation(device=android, os_version=None))
    assert unknown.outcome == "unknown" and not unknown.rejects
    assert os_support.check(make_situation()).outcome == "pass"  # iOS: no published minimum


def test_architecture_support() -> None:
    """The runtime must list the model's architecture."""
    assert architecture_support.check(make_situation()).outcome == "pass"
    other = make_model(
        architecture=make_situation().candidate.model.architecture.model_copy(
            update={"type": "gemma3n"}
        )
    )
    v = architecture_support.check(make_situation(model=other))
    assert v.outcome == "fail" and "gemma3n" in v.reason


def test_accelerator_prefers_gpu_then_npu_when_asked() -> None:
    """GPU by default; NPU when preferred and usable; NPU required but absent fails."""
    assert accelerator.check(make_situation()).reason == "runs on the GPU"
    npu_rt = make_runtime(
        platforms=(PlatformSupport(os="ios", accelerators=("cpu", "npu"), npu_vendors=("apple",)),)
    )
    dev = make_device(npu=Npu(name="Neural Engine", vendor="apple", tops=35))
    v = accelerator.check(
        make_situation(runtime=npu_rt, device=dev, constraints=Constraints(npu="preferred"))
    )
    assert v.outcome == "pass" and "NPU (Neural Engine)" in v.reason
    v = accelerator.check(make_situation(constraints=Constraints(npu="required")))
    assert v.outcome == "fail" and "NPU required" in v.reason


def test_accelerator_respects_the_quantization_backends() -> None:
    """An NPU-only encoding on a device without that NPU vendor has no backend."""
    q = make_quant(backends=("npu",), npu_vendors=("qualcomm",))
    rt = make_runtime(platforms=(PlatformSupport(os="ios", accelerators=("cpu", "gpu", "npu")),))
    dev = make_device(npu=Npu(name="Neural Engine", vendor="apple"))
    v = accelerator.check(make_situation(quant=q, runtime=rt, device=dev))
    assert v.outcome == "fail" and "NPU only" in v.reason


@pytest.mark.parametrize(
    ("total_mb", "budget_mb", "outcome"),
    [(2048, 2048, "pass"), (2048.001, 2048, "fail"), (2431, 2048, "fail"), (500, 2048, "pass")],
    ids=["exactly-at-budget", "just-over", "over", "well-under"],
)
def test_memory_fit(total_mb: float, budget_mb: int, outcome: str) -> None:
    """Total vs budget, with the person-readable numbers."""
    v = memory_fit.check(make_situation(estimate=make_estimate(total_mb), budget_mb=budget_mb))
    assert v.outcome == outcome
    if total_mb == 2431:
        assert v.reason.startswith("needs 2,431 MB, budget is 2,048 MB")


@pytest.mark.parametrize(
    ("tps", "minimum", "outcome", "blocks"),
    [
        (20.0, None, "pass", False),
        (20.0, 10.0, "pass", False),
        (7.9, 10.0, "fail", True),
        (None, 10.0, "unknown", False),
        (None, None, "unknown", False),
    ],
)
def test_decode_speed(tps: float | None, minimum: float | None, outcome: str, blocks: bool) -> None:
    """Below the minimum fails; no bandwidth gives a non-blocking unknown."""
    v = decode_speed.check(
        make_situation(
            estimate=make_estimate(decode_tps=tps), constraints=Constraints(min_decode_tps=minimum)
        )
    )
    assert v.outcome == outcome
    assert v.rejects is blocks
    if outcome == "fail":
        assert v.reason == "about 7.9 tokens/s, minimum is 10"


def test_task_fit_never_rejects() -> None:
    """Tasks outside the card's intended uses only lower the score."""
    svc = Service(tasks=("summarization", "code"))
    v = task_fit.check(make_situation(service=svc))
    assert v.outcome == "unknown" and not v.rejects and "code" in v.reason
    assert task_fit.check(make_situation(service=Service(tasks=("chat",)))).outcome == "pass"


def test_memory_fit_says_at_least_for_a_weights_floor() -> None:
    """When the engine stops at the weights floor, the reason says 'at least'."""
    from factories import make_model, make_quant

    from feasibility.estimator import weights_floor

    model = make_model(params=8_000_000_000)
    floor = weights_floor(model, make_quant(), 4096)
    v = memory_fit.check(make_situation(model=model, estimate=floor))
    assert v.outcome == "fail"
    assert v.reason == "needs at least 3,815 MB for the weights alone (4-bit), budget is 2,048 MB"
    assert dict(v.evidence)["lower_bound"] is True


def test_accelerator_respects_the_runtime_gpu_family() -> None:
    """A CUDA-only GPU backend cannot use a Raspberry Pi's VideoCore GPU."""
    rt = make_runtime(
        platforms=(PlatformSupport(os="linux", accelerators=("gpu",), gpu_vendors=("nvidia",)),)
    )
    pi = make_device(os="linux", gpu="VideoCore VII", accelerators=("cpu", "gpu"))
    assert accelerator.check(make_situation(runtime=rt, device=pi)).outcome == "fail"
    jetson = make_device(os="linux", gpu="Ampere 1024 CUDA cores", accelerators=("cpu", "gpu"))
    assert accelerator.check(make_situation(runtime=rt, device=jetson)).reason == "runs on the GPU"
