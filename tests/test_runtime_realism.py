"""Runtimes as they really ship: CPU makers, GPU families, NPU generations, regional variants.

Each test reproduces one audit finding on the shipped catalog (issue: OpenVINO first on ARM
boards, GPU backends that do not exist, Genie on a v69 Hexagon, the Exynos Galaxy S26).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from feasibility.api import check
from feasibility.catalog import Catalog, load_catalog
from feasibility.errors import InputError
from feasibility.schema import Constraints
from feasibility.situation import place

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog()


def _place(cat: Catalog, runtime: str, device: str, quant: str, **constraints: str):  # type: ignore[no-untyped-def]
    return place(
        cat.runtimes[runtime],
        cat.device(device),
        Constraints(**constraints),  # type: ignore[arg-type]
        cat.quantizations[quant],
    )


def test_no_gpu_backend_drives_the_raspberry_pi_videocore(cat: Catalog) -> None:
    for runtime, quant in (("llama.cpp", "Q4_K_M"), ("litert-lm", "litert-int4")):
        if quant not in cat.quantizations:
            quant = cat.runtimes[runtime].quantizations[0]
        where = _place(cat, runtime, "rpi-5-8gb", quant)
        assert where.backend == "cpu", runtime
        assert where.cause("gpu") == "gpu-family", runtime


def test_openvino_is_beta_on_arm_and_production_on_intel(cat: Catalog) -> None:
    quant = cat.runtimes["openvino-genai"].quantizations[0]
    arm = _place(cat, "openvino-genai", "rpi-5-8gb", quant)
    intel = _place(cat, "openvino-genai", "core-ultra-258v-laptop", quant)
    assert arm.route is not None and arm.route.maturity == "beta"
    assert intel.route is not None and intel.route.maturity == "production"


def test_raspberry_pi_example_does_not_rank_openvino_first() -> None:
    a = check(EXAMPLES / "raspberry-pi-5.yaml")
    first = a.recommendations[0]
    assert first.runtime != "openvino-genai"
    assert all(p.backend == "cpu" for r in a.recommendations for p in r.targets)


def test_jetson_llama_cpp_uses_its_cuda_gpu(cat: Catalog) -> None:
    where = _place(cat, "llama.cpp", "jetson-orin-nano-super", "Q4_K_M")
    assert where.backend == "gpu"
    assert where.route is not None and where.route.api == "CUDA"


def test_mali_phone_gets_llama_cpp_on_the_cpu_not_experimental_vulkan(cat: Catalog) -> None:
    where = _place(cat, "llama.cpp", "galaxy-a54", "Q4_K_M")
    assert where.backend == "cpu"
    assert "gpu" in where.usable  # Vulkan exists, but experimental never beats production


def test_genie_needs_hexagon_v73(cat: Catalog) -> None:
    quant = cat.runtimes["qualcomm-genie"].quantizations[0]
    old = _place(cat, "qualcomm-genie", "snapdragon-8-gen-1-ref", quant)
    new = _place(cat, "qualcomm-genie", "snapdragon-8-gen-2-ref", quant)
    assert old.backend is None and old.cause("npu") == "npu-generation"
    assert new.backend == "npu"


def test_galaxy_s26_build_must_run_on_the_exynos_units(cat: Catalog) -> None:
    quant = cat.runtimes["qualcomm-genie"].quantizations[0]
    where = _place(cat, "qualcomm-genie", "galaxy-s26", quant)
    assert where.backend is None
    stuck = [v.id for v in where.variants if not v.usable]
    assert stuck == ["exynos-2600"]
    llama = _place(cat, "llama.cpp", "galaxy-s26", "Q4_K_M")
    assert llama.backend == "cpu" and {v.id for v in llama.variants} == {
        "snapdragon-8-elite-gen-5-for-galaxy",
        "exynos-2600",
    }


def _s26(tmp_path: Path, variant: str | None) -> Path:
    spec = tmp_path / "s26.yaml"
    line = f"    variant: {variant}\n" if variant else ""
    spec.write_text(
        "service:\n  tasks: [chat]\n  languages: [ko, en]\n  context_tokens: 2048\n"
        f"targets:\n  - preset: galaxy-s26\n{line}constraints:\n  npu: required\n",
        encoding="utf-8",
    )
    return spec


def test_npu_required_on_s26_names_the_exynos_variant(tmp_path: Path) -> None:
    a = check(_s26(tmp_path, None))
    genie = [r for r in a.why_not if r.runtime == "qualcomm-genie"]
    assert not any(p.runtime == "qualcomm-genie" for r in a.recommendations for p in r.targets)
    assert genie == [] or all("Exynos" in r.reason for r in genie)


def test_named_snapdragon_variant_admits_genie(tmp_path: Path) -> None:
    a = check(_s26(tmp_path, "snapdragon-8-elite-gen-5-for-galaxy"))
    runtimes = {p.runtime for r in a.recommendations for p in r.targets}
    assert runtimes <= {"qualcomm-genie", "executorch", "litert-lm", "onnxruntime-genai"}
    assert a.recommendations


def test_unknown_variant_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no variant 'exynos'"):
        check(_s26(tmp_path, "exynos"))


def test_core_ml_prefers_the_gpu_over_the_experimental_neural_engine(cat: Catalog) -> None:
    quant = cat.runtimes["coreml"].quantizations[0]
    where = _place(cat, "coreml", "iphone-16-pro", quant, npu="preferred")
    assert where.backend == "gpu"
    required = _place(cat, "coreml", "iphone-16-pro", quant, npu="required")
    assert required.route is not None and required.route.maturity == "experimental"


# -- artifacts ------------------------------------------------------------------------------------


def _option(cat: Catalog, model: str, quant: str, runtime: str, preset: str, ctx: int = 2048):  # type: ignore[no-untyped-def]
    from feasibility.evaluator import Evaluator
    from feasibility.schema import Service, Spec
    from feasibility.situation import Candidate
    from feasibility.targets import resolve

    spec = Spec.model_validate(
        {"targets": [{"preset": preset}], "service": {"context_tokens": ctx}}
    )
    target = resolve(spec, cat, "test")[0][0]
    ev = Evaluator(cat, Service(context_tokens=ctx), Constraints())
    m, q, r = cat.models[model], cat.quantizations[quant], cat.runtimes[runtime]
    cand = Candidate(m, q, r, cat.license_of(m), cat.artifact(model, runtime, quant))
    return ev.option(cand, target)


def _verdict(option, rule: str):  # type: ignore[no-untyped-def]
    return next(v for v in option.verdicts if v.rule == rule)


def test_genie_rejects_a_model_without_an_ai_hub_bundle(cat: Catalog) -> None:
    o = _option(cat, "granite-3.3-8b-instruct", "genie-w4a16", "qualcomm-genie", "galaxy-s25-ultra")
    v = _verdict(o, "artifact")
    assert v.rejects and "qai_hub_models" in v.reason


def test_executorch_qnn_rejects_a_model_outside_its_decoder_list(cat: Catalog) -> None:
    o = _option(cat, "falcon3-3b-instruct", "executorch-qnn-16a4w", "executorch", "galaxy-s25")
    v = _verdict(o, "artifact")
    assert v.rejects and "decoder_model" in v.reason


def test_genie_7b_needs_16_gb_per_qualcomm(cat: Catalog) -> None:
    o = _option(cat, "qwen2.5-7b-instruct", "genie-w4a16", "qualcomm-genie", "galaxy-s25")
    v = _verdict(o, "artifact")
    assert v.rejects and dict(v.evidence)["need_gb"] == 16 and dict(v.evidence)["have_gb"] == 12


def test_published_build_scores_above_a_converted_one(cat: Catalog) -> None:
    pub = _option(cat, "qwen2.5-1.5b-instruct", "Q4_K_M", "llama.cpp", "rpi-5-8gb")
    assert (
        pub.terms is not None and dict(_verdict(pub, "artifact").evidence)["status"] == "published"
    )
    from dataclasses import replace

    conv = replace(pub.candidate, artifact=None)
    from feasibility.scoring import score
    from feasibility.situation import Situation

    assert pub.estimate is not None
    sit = Situation(conv, pub.target, _svc(), Constraints(), pub.backend, pub.estimate)
    assert score(sit).bonus < pub.terms.bonus


def _svc():  # type: ignore[no-untyped-def]
    from feasibility.schema import Service

    return Service(context_tokens=2048)


# -- risks ----------------------------------------------------------------------------------------


def test_s26_plan_says_what_happens_on_exynos_units(tmp_path: Path) -> None:
    spec = tmp_path / "s26.yaml"
    spec.write_text(
        "service:\n  tasks: [chat]\n  languages: [ko]\n  context_tokens: 2048\n"
        "targets:\n  - preset: galaxy-s26\n",
        encoding="utf-8",
    )
    a = check(spec)
    assert a.recommendations
    for r in a.recommendations:
        kinds = [k.kind for k in r.risk_items]
        assert "variants" in kinds
        assert any("Exynos 2600" in text for text in r.risks)


def test_every_beta_or_experimental_pick_is_a_risk(tmp_path: Path) -> None:
    spec = tmp_path / "ane.yaml"
    spec.write_text(
        "service:\n  tasks: [chat]\n  languages: [en]\n  context_tokens: 2048\n"
        "targets:\n  - preset: iphone-16-pro\n"
        "constraints:\n  npu: required\n  runtimes: [coreml]\n",
        encoding="utf-8",
    )
    a = check(spec)
    assert a.recommendations
    for r in a.recommendations:
        for p in r.targets:
            maturity = next(x for x in p.rules if x.rule == "accelerator").evidence["maturity"]
            assert maturity == "experimental"
        assert "backend-experimental" in [k.kind for k in r.risk_items]


def test_korean_risk_sentences_exist_for_the_new_kinds() -> None:
    from feasibility.report._rows import texts_for

    ko, en = texts_for("ko"), texts_for("en")
    for kind in ("backend-beta", "backend-experimental", "variants", "speed-unmeasured"):
        assert kind in ko.risk and kind in en.risk
        assert any("\uac00" <= ch <= "\ud7a3" for ch in ko.risk[kind])


# -- unmeasured speeds ----------------------------------------------------------------------------


def test_unmeasured_runtime_is_never_faster_than_llama_cpp_on_the_same_cpu(cat: Catalog) -> None:
    ort = _option(cat, "granite-4.0-h-tiny", "onnx-int4", "onnxruntime-genai", "rpi-5-8gb")
    # the reference build: llama.cpp at the nearest weight bits, first id (IQ4_NL for 4 bits)
    ref = _option(cat, "granite-4.0-h-tiny", "IQ4_NL", "llama.cpp", "rpi-5-8gb")
    assert ort.estimate is not None and ref.estimate is not None
    assert ort.backend == ref.backend == "cpu"
    assert "speed-unmeasured" in ort.estimate.assumption_codes
    assert ort.estimate.decode_tps is not None and ref.estimate.decode_tps is not None
    assert ort.estimate.decode_tps <= ref.estimate.decode_tps + 1e-9
    assert "speed-unmeasured" not in ref.estimate.assumption_codes


def test_an_unmeasured_pair_claims_a_cap_only_where_one_applied(cat: Catalog) -> None:
    """llama.cpp is the reference runtime itself: unmeasured on the Jetson's CUDA GPU, nothing
    measured can cap it there, so the estimate says it is unverified, not capped."""
    o = _option(cat, "llama-3.2-3b-instruct", "Q4_K_M", "llama.cpp", "jetson-orin-nano-super")
    assert o.backend == "gpu" and o.estimate is not None
    assert "speed-uncapped" in o.estimate.assumption_codes
    assert "speed-unmeasured" not in o.estimate.assumption_codes


def test_cap_compares_on_the_same_accelerator_where_the_reference_picks_another(
    cat: Catalog,
) -> None:
    """On a Jetson llama.cpp picks the CUDA GPU, yet an ONNX build on the CPU is still held to
    llama.cpp's measured CPU speed there (it used to go uncapped and outrank GPU builds)."""
    from feasibility.evaluator import Evaluator
    from feasibility.schema import Service, Spec
    from feasibility.situation import Candidate
    from feasibility.targets import resolve

    spec = Spec.model_validate({"targets": [{"preset": "jetson-orin-nano-super"}], "service": {}})
    target = resolve(spec, cat, "test")[0][0]
    ev = Evaluator(cat, Service(context_tokens=2048), Constraints())
    model = "llama-3.2-3b-instruct"
    m, lic = cat.models[model], cat.license_of(cat.models[model])

    def cand(q: str, r: str) -> Candidate:
        return Candidate(m, cat.quantizations[q], cat.runtimes[r], lic, cat.artifact(model, r, q))

    ort = ev.option(cand("onnx-int4", "onnxruntime-genai"), target)
    assert ort.backend == "cpu" and ort.estimate is not None
    assert "speed-unmeasured" in ort.estimate.assumption_codes
    gguf = [q for q in cat.quantizations.values() if q.format == "gguf"]
    four_bit = [q.id for q in gguf if q.weight_bits == 4]
    cpu_speeds = [
        ev.estimates.speeds(cand(q, "llama.cpp"), target, "cpu", ev.keys.of(target).speed)
        for q in four_bit
    ]
    assert ev.option(cand("Q4_K_M", "llama.cpp"), target).backend == "gpu"
    slowest = min(s.decode_tps for s in cpu_speeds if s.decode_tps is not None)
    assert ort.estimate.decode_tps is not None and ort.estimate.decode_tps <= slowest + 1e-9


def test_unmeasured_risk_wording_follows_the_cap(tmp_path: Path) -> None:
    spec = tmp_path / "jetson.yaml"
    spec.write_text(
        "service: {tasks: [chat], languages: [en], context_tokens: 2048}\n"
        "targets: [{preset: jetson-orin-nano-super}]\n",
        encoding="utf-8",
    )
    a = check(spec)
    seen = []
    for rec in a.recommendations:
        plans = {p.target: p for p in rec.targets}
        for k in rec.risk_items:
            if k.kind != "speed-unmeasured":
                continue
            codes = plans[k.target].assumption_codes
            assert k.values["capped"] == ("speed-unmeasured" in codes)
            sentence = next(r for r in rec.risks if plans[k.target].runtime_name in r)
            assert ("capped" in sentence) == k.values["capped"]
            seen.append(k.values["capped"])
    assert False in seen, "the Jetson picks run llama.cpp on its unmeasured CUDA GPU"


# -- speed on a device no measurement covers ------------------------------------------------------


def test_raspberry_pi_example_ranks_llama_cpp_first() -> None:
    """A Pi user runs llama.cpp on the CPU; at equal fit the maker's published GGUF outranks a
    self-converted ONNX build of the same model."""
    a = check(EXAMPLES / "raspberry-pi-5.yaml")
    assert a.recommendations[0].runtime == "llama.cpp"


@pytest.mark.parametrize(("preset", "capped"), [("rpi-5-8gb", True), ("galaxy-s24-ultra", False)])
def test_executorch_cpu_speed_is_its_own_only_where_it_was_measured(
    cat: Catalog, preset: str, capped: bool
) -> None:
    """ExecuTorch's XNNPACK constants come from one phone and llama.cpp's CPU constants from
    another; no published measurement compares the two on a Pi, so there ExecuTorch's estimate is
    capped at llama.cpp's and marked unmeasured. On a phone chip it keeps its own fit."""
    et = _option(cat, "llama-3.2-3b-instruct", "executorch-8da4w-g128", "executorch", preset)
    four_bit = [
        q.id for q in cat.quantizations.values() if q.format == "gguf" and q.weight_bits == 4
    ]
    refs = [_option(cat, "llama-3.2-3b-instruct", q, "llama.cpp", preset) for q in four_bit]
    fastest = max(o.estimate.decode_tps for o in refs if o.estimate and o.estimate.decode_tps)
    assert et.estimate is not None and et.estimate.decode_tps is not None
    assert ("speed-unmeasured" in et.estimate.assumption_codes) is capped
    assert (et.estimate.decode_tps <= fastest) is capped


@pytest.mark.parametrize(
    ("preset", "snapdragon", "exynos"),
    [
        ("galaxy-s22", "snapdragon-8-gen-1", "exynos-2200"),
        ("galaxy-s24", "snapdragon-8-gen-3-for-galaxy", "exynos-2400"),
    ],
)
def test_galaxy_s22_and_s24_are_evaluated_on_both_chips(
    cat: Catalog, preset: str, snapdragon: str, exynos: str
) -> None:
    """Snapdragon in some markets, Exynos in others: llama.cpp's CPU build covers both; a
    Qualcomm NPU build cannot run on the Exynos units."""
    device = cat.device(preset)
    assert {v.id for v in device.variants} == {snapdragon, exynos}
    assert all(v.markets and v.sources for v in device.variants)
    llama = _place(cat, "llama.cpp", preset, "Q4_K_M")
    assert llama.backend == "cpu" and {v.id for v in llama.variants} == {snapdragon, exynos}
    genie = _place(cat, "qualcomm-genie", preset, cat.runtimes["qualcomm-genie"].quantizations[0])
    assert genie.backend is None
    assert exynos in [v.id for v in genie.variants if not v.usable]
