"""Checks on the model catalog data/models.yaml (schema, sourcing, parameter arithmetic)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from feasibility.arch import count_params
from feasibility.schema import LANGUAGES, MAX_PARAMS, TASKS, ModelEntry, ModelsFile

CATALOG = Path(__file__).resolve().parents[1] / "data" / "models.yaml"


@pytest.fixture(scope="module")
def catalog() -> ModelsFile:
    return ModelsFile.model_validate(yaml.safe_load(CATALOG.read_text(encoding="utf-8")))


def test_enough_models(catalog: ModelsFile) -> None:
    assert len(catalog.models) >= 40


def test_ids_unique_and_sorted(catalog: ModelsFile) -> None:
    ids = [m.id for m in catalog.models]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)
    lic_ids = [lic.id for lic in catalog.licenses]
    assert len(lic_ids) == len(set(lic_ids))


def test_id_is_lowercase_repo_name(catalog: ModelsFile) -> None:
    for m in catalog.models:
        assert m.id == m.hf_repo.split("/", 1)[1].lower(), m.id


def test_every_model_has_https_source(catalog: ModelsFile) -> None:
    for m in catalog.models:
        assert any(s.startswith("https://") for s in m.sources), m.id
        for b in m.benchmarks:
            assert b.source.startswith("https://"), (m.id, b.name)


def test_licenses_resolve_and_are_used(catalog: ModelsFile) -> None:
    known = {lic.id for lic in catalog.licenses}
    used = {m.license for m in catalog.models}
    assert used <= known, used - known
    assert known <= used, known - used


def test_computed_params_within_3_percent(catalog: ModelsFile) -> None:
    bad = []
    for m in catalog.models:
        c = count_params(m.architecture)
        if abs(c - m.params) > 0.03 * m.params:
            bad.append((m.id, m.params, c))
    assert not bad, bad


def test_nothing_above_14b(catalog: ModelsFile) -> None:
    for m in catalog.models:
        assert m.params <= MAX_PARAMS, m.id
        assert m.params <= 14e9, m.id


def test_offloadable_and_active_are_consistent(catalog: ModelsFile) -> None:
    for m in catalog.models:
        a = m.architecture
        assert a.offloadable_params < m.params, m.id
        if a.moe is not None and a.moe.active_params is not None:
            assert a.moe.active_params < m.params, m.id


def test_languages_and_tasks_are_known_codes(catalog: ModelsFile) -> None:
    for m in catalog.models:
        assert set(m.languages) <= set(LANGUAGES), m.id
        assert set(m.strengths) <= set(TASKS), m.id
        assert m.languages or m.languages_claim, m.id


@pytest.mark.parametrize(
    "model_id",
    [
        "qwen2.5-1.5b-instruct",
        "exaone-3.5-2.4b-instruct",
        "exaone-3.5-7.8b-instruct",
        "phi-4-mini-instruct",
        "qwen3-0.6b",
        "qwen3-1.7b",
        "qwen3-4b",
        "qwen3-8b",
    ],
)
def test_korean_listed(catalog: ModelsFile, model_id: str) -> None:
    by_id = {m.id: m for m in catalog.models}
    assert "ko" in by_id[model_id].languages


@pytest.mark.parametrize(
    "model_id", ["llama-3.2-1b-instruct", "gemma-2-2b-it", "smollm2-360m-instruct"]
)
def test_korean_not_claimed_where_unsupported(catalog: ModelsFile, model_id: str) -> None:
    by_id = {m.id: m for m in catalog.models}
    assert "ko" not in by_id[model_id].languages


def test_kv_layer_fields_consistent(catalog: ModelsFile) -> None:
    for m in catalog.models:
        a = m.architecture
        assert a.n_kv_layers <= a.n_attention_layers <= a.layers, m.id
        assert a.sliding_window_layers <= a.n_kv_layers, m.id
        assert a.max_context > 0 and m.context_tokens > 0, m.id


def test_qwen3_languages_come_from_the_makers_list(catalog: ModelsFile) -> None:
    """The Qwen3 release blog lists its 119 languages by family; the list is cited apart from the
    count."""
    for m in catalog.models:
        if m.family == "Qwen3":
            assert m.languages_source == "https://qwenlm.github.io/blog/qwen3/", m.id
            assert m.languages_source in m.sources, m.id
            assert {"ko", "ja", "zh", "vi", "th", "id"} <= set(m.languages), m.id


def test_a_languages_source_is_one_of_the_models_sources(catalog: ModelsFile) -> None:
    for m in catalog.models:
        assert not m.languages_source or m.languages_source in m.sources, m.id


@pytest.mark.parametrize(
    "model_id",
    [
        "a.x-4.0-light",
        "deepseek-r1-distill-qwen-1.5b",
        "kanana-1.5-2.1b-instruct-2505",
        "midm-2.0-mini-instruct",
        "granite-4.0-h-tiny",
        "ministral-3-8b-instruct-2512",
        "qwen3-4b-instruct-2507",
        "qwen3.5-2b",
        "qwen3.5-9b",
    ],
)
def test_added_models_match_their_config_within_a_tenth_of_a_percent(
    catalog: ModelsFile, model_id: str
) -> None:
    """Models added from a config read field by field: the count is exact, not approximate."""
    m = next(m for m in catalog.models if m.id == model_id)
    assert abs(count_params(m.architecture) - m.params) <= 0.001 * m.params


KOREAN_MAKERS = ("Kakao", "KT", "NAVER Cloud", "SK Telecom", "LG AI Research")


def test_at_least_two_korean_made_models_allow_commercial_use(catalog: ModelsFile) -> None:
    """A Korean service must not be left with EXAONE's non-commercial licence as the only choice."""
    licences = {lic.id: lic.commercial for lic in catalog.licenses}
    commercial = [
        m.id
        for m in catalog.models
        if m.developer in KOREAN_MAKERS and licences[m.license] != "no" and "ko" in m.languages
    ]
    assert len(commercial) >= 2, commercial


def test_checkpoints_that_store_lm_head_although_tied_are_recorded(catalog: ModelsFile) -> None:
    """Qwen3-0.6B's safetensors hold 751,632,384 parameters against 596,049,920 tied: the upload
    carries its own lm_head. The field is data for the estimator; it never changes params."""
    by_id = {m.id: m for m in catalog.models}
    q = by_id["qwen3-0.6b"]
    assert q.lm_head_stored is True and q.architecture.tied_embeddings
    a = q.architecture
    assert q.params + a.vocab_size * a.hidden_size == 751_632_384
    assert by_id["gemma-3-270m-it"].lm_head_stored is False
    for m in catalog.models:
        if m.lm_head_stored is not None:
            assert m.architecture.tied_embeddings and m.lm_head_source in m.sources, m.id


def test_lm_head_stored_is_refused_for_untied_models(catalog: ModelsFile) -> None:
    base = next(m for m in catalog.models if m.id == "qwen2.5-7b-instruct").model_dump()
    base.update(lm_head_stored=True, lm_head_source=base["sources"][0])
    with pytest.raises(ValueError, match="only for tied embeddings"):
        ModelEntry.model_validate(base)


def test_qwen3_5_9b_count_rebuilds_the_checkpoint_size(catalog: ModelsFile) -> None:
    """The 9B's index.json says total_size 19,306,216,416 B. BF16 text decoder + vision tower +
    the MTP block, plus 2 B more for each F32 value (A_log 24 x 32 and the DeltaNet norms
    24 x 128), rebuild it to the byte, so the text count is the checkpoint's."""
    m = next(m for m in catalog.models if m.id == "qwen3.5-9b")
    a = m.architecture
    h, ff = a.hidden_size, a.intermediate_size
    block = 3 * 1152 * 1152 + 3 * 1152 + 1152 * 1152 + 1152 + 2 * 1152 * 4304 + 4304 + 1152
    patch = 3 * 2 * 16 * 16 * 1152 + 1152  # conv + bias
    position = 2304 * 1152
    blocks = 27 * (block + 2 * 2 * 1152)  # with two LayerNorms each
    merger = 2 * 1152 + 4608 * 4608 + 4608 + 4608 * 4096 + 4096
    vision = patch + position + blocks + merger
    attention = h * 2 * 4096 + 2 * h * 1024 + 4096 * h + 2 * 256
    mtp = 2 * h + 2 * h * h + attention + 3 * h * ff + 3 * h
    f32_values = 24 * 32 + 24 * 128
    assert 2 * (m.params + vision + mtp) + 2 * f32_values == 19_306_216_416


def test_a_x_4_0_light_count_is_the_checkpoint_size(catalog: ModelsFile) -> None:
    """A.X 4.0 Light's model.safetensors.index.json: total_size 14,519,249,920 B, all BF16 (Qwen2
    keeps no F32 tensor), so the computed count is the checkpoint's to the parameter."""
    m = next(m for m in catalog.models if m.id == "a.x-4.0-light")
    assert 2 * count_params(m.architecture) == 2 * m.params == 14_519_249_920
