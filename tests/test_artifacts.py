"""data/artifacts.yaml: published builds, conversion support and chip ids, each with a source."""

from __future__ import annotations

import dataclasses

import pytest
from pydantic import ValidationError

from feasibility.catalog import _check_references, load_catalog
from feasibility.errors import CatalogError
from feasibility.schema import Artifact

# Models with a Genie bundle in quic/ai-hub-models v0.46.1 (qai_hub_models/models/).
AI_HUB_LLMS = {
    "baichuan2_7b",
    "falcon_v3_7b_instruct",
    "ibm_granite_v3_1_8b_instruct",
    "indus_1b",
    "jais_6p7b_chat",
    "llama_v2_7b_chat",
    "llama_v3_1_8b_instruct",
    "llama_v3_1_sea_lion_3_5_8b_r",
    "llama_v3_2_1b_instruct",
    "llama_v3_2_3b_instruct",
    "llama_v3_8b_instruct",
    "llama_v3_elyza_jp_8b",
    "llama_v3_taide_8b_chat",
    "mistral_7b_instruct_v0_3",
    "phi_3_5_mini_instruct",
    "plamo_1b",
    "qwen2_5_1_5b_instruct",
    "qwen2_5_7b_instruct",
    "qwen2_7b_instruct",
}


def test_genie_is_published_only_for_ai_hub_models() -> None:
    """Every Genie entry names an AI Hub model; any other model is unsupported."""
    cat = load_catalog()
    named = {a.model for a in cat.artifacts if a.runtime == "qualcomm-genie"}
    for a in cat.artifacts:
        if a.runtime == "qualcomm-genie":
            assert a.values["aihub_model"] in AI_HUB_LLMS, a.model
    for model in set(cat.models) - named:
        assert cat.artifact(model, "qualcomm-genie", "genie-w4a16").status == "unsupported"


def test_qnn_decoders_load_the_catalog_model() -> None:
    """An ExecuTorch decoder the script downloads is the very repository the catalog names."""
    cat = load_catalog()
    for a in cat.artifacts:
        if "qnn_repo_id" in a.values:
            assert a.values["qnn_repo_id"] == cat.models[a.model].hf_repo, a.model


def test_published_entries_name_a_repository_and_source() -> None:
    """A published entry has a repository (or an AI Hub model) and a source URL."""
    for a in load_catalog().artifacts:
        if a.status == "published":
            assert a.repo or "aihub_model" in a.values, a.model
            assert all(s.startswith("https://") for s in a.sources)


def test_entries_are_unambiguous() -> None:
    """No two entries cover the same (model, runtime, quantization)."""
    cat = load_catalog()
    seen: set[tuple[str, str, str]] = set()
    for a in cat.artifacts:
        quants = a.quants or cat.runtimes[a.runtime].quantizations
        for q in quants:
            key = (a.model, a.runtime, q)
            assert key not in seen, key
            seen.add(key)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": "published", "kind": "convert"}, "means status 'convertible'"),
        ({"status": "published", "kind": "gguf", "repo": "a/b"}, "names its file"),
        ({"status": "published", "kind": "hf-dir"}, "needs repo"),
        ({"status": "unsupported", "kind": "none"}, "says why"),
    ],
    ids=["kind-status", "gguf-file", "hf-dir-repo", "unsupported-reason"],
)
def test_artifact_schema_rejects_inconsistent_entries(fields: dict[str, str], message: str) -> None:
    """Kind and status agree, downloads name what they fetch, refusals say why."""
    with pytest.raises(ValidationError, match=message):
        Artifact.model_validate(
            {"model": "m", "runtime": "r", "sources": ["https://example.org"], **fields}
        )


def test_broken_artifact_references_are_reported() -> None:
    """An entry naming an unknown model or a quantization its runtime does not load is a
    catalog error with the field path."""
    cat = load_catalog()
    bad = Artifact(
        model="no-such-model",
        runtime="llama.cpp",
        quants=("mlx-4bit",),
        status="convertible",
        kind="convert",
        sources=("https://example.org",),
    )
    broken = dataclasses.replace(cat, artifacts=(*cat.artifacts, bad))
    with pytest.raises(CatalogError) as err:
        _check_references(broken, "artifacts.yaml")
    text = str(err.value) + "".join(str(p) for p in err.value.problems)
    assert "no-such-model" in text and "mlx-4bit" in text


@pytest.mark.parametrize(
    ("soc", "chip"),
    [
        ("Snapdragon 8 Elite for Galaxy", "snapdragon-8-elite"),
        ("Snapdragon 8 Elite (SM8750)", "snapdragon-8-elite"),
        ("Snapdragon 8 Elite Gen 5 (SM8850)", "snapdragon-8-elite-gen-5"),
        ("Snapdragon 8 Gen 3 for Galaxy", "snapdragon-8-gen-3"),
        ("Snapdragon 8 Gen 1 (SM8450)", "snapdragon-8-gen-1"),
        ("Google Tensor G4", None),
    ],
)
def test_chip_ids_follow_the_device_soc(soc: str, chip: str | None) -> None:
    """The chip table matches the most specific name first (8 Elite Gen 5 before 8 Elite)."""
    cat = load_catalog()
    device = next(iter(cat.devices.values())).model_copy(update={"soc": soc})
    found = cat.chipset(device)
    assert (found.id if found else None) == chip


def test_mediapipe_entries_give_the_chat_format() -> None:
    """Every model MediaPipe can bundle has its start and stop tokens and turn prefix and suffix."""
    for a in load_catalog().artifacts:
        if a.runtime == "mediapipe-llm" and a.status == "convertible":
            assert {"mp_start", "mp_stops", "mp_prefix", "mp_suffix"} <= set(a.values), a.model
            assert a.values["mp_suffix"].endswith("\n"), a.model
