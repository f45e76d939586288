"""Facts an audit found wrong stay fixed: each check names the source the value was read from."""

from __future__ import annotations

import pytest

from feasibility.catalog import Catalog, load_catalog


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_gemma_3_1b_is_english_only_and_makes_no_140_language_claim(catalog: Catalog) -> None:
    """The 140+ languages cover Gemma 3 4B and up; the 1B launch row says English."""
    m = catalog.models["gemma-3-1b-it"]
    assert m.languages == ("en",)
    assert not m.languages_claim
    assert m.languages_source == "https://huggingface.co/blog/gemma3"
    assert catalog.models["gemma-3-4b-it"].languages_claim.startswith("140+")


def test_ministral_8b_ships_a_32k_window(catalog: Catalog) -> None:
    """config.json: max_position_embeddings 32768 and sliding_window 32768."""
    m = catalog.models["ministral-8b-instruct-2410"]
    assert m.context_tokens == m.architecture.max_context == 32_768
    assert m.context_scaling is None


@pytest.mark.parametrize(
    ("model_id", "native", "scaled"),
    [
        ("qwen3-4b", 32_768, 131_072),
        ("qwen3-8b", 32_768, 131_072),
        ("qwen2.5-7b-instruct", 32_768, 131_072),
        ("smollm3-3b", 65_536, 131_072),
    ],
)
def test_long_contexts_that_need_yarn_are_data(
    catalog: Catalog, model_id: str, native: int, scaled: int
) -> None:
    m = catalog.models[model_id]
    assert m.context_tokens == native
    assert m.context_scaling is not None
    assert (m.context_scaling.method, m.context_scaling.context_tokens) == ("yarn", scaled)
    assert m.context_scaling.source in m.sources


def test_lfm_licence_states_its_revenue_threshold(catalog: Catalog) -> None:
    lic = catalog.licenses["lfm-open-1.0"]
    assert lic.commercial == "conditional"
    assert "US$10 million" in lic.conditions
    assert "https://docs.liquid.ai/lfm/getting-started/model-license" in lic.sources


@pytest.mark.parametrize("device_id", ["rpi-4-4gb", "rpi-4-8gb"])
def test_raspberry_pi_4_bandwidth_follows_raspberry_pis_sdram_clock(
    catalog: Catalog, device_id: str
) -> None:
    """sdram_freq 3200 (config.txt documentation) x 4 bytes = 12.8 GB/s, not 2,000 MT/s."""
    d = catalog.devices[device_id]
    assert d.memory_bandwidth_gbs == pytest.approx(3200e6 * 4 / 1e9)
    assert any(u.startswith("https://www.raspberrypi.com/documentation/") for u in d.sources)
    assert "sdram_freq 3200" in d.notes
