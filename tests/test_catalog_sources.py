"""Sources worth citing: no content farm or scraped mirror, and every model and device backed by
its maker or a reputable reference, with each source's tier checked against who published it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from pydantic import ValidationError

from feasibility.catalog import Catalog, load_catalog
from feasibility.schema import Device, ModelEntry

DENYLIST: tuple[str, ...] = (
    # content farms and spec aggregators
    "graphicdesignwala.in",
    "aggregoctt.github.io",
    "partofstyle.com",
    "inews.zoombangla.com",
    "cheatgrid.com",
    "gokawiil.com",
    "technewsmix.com",
    "askgeek.io",
    "etoppc.com",
    "apple.fandom.com",
    "applebuyegypt.com",
    "grokipedia.com",
    "apxml.com",
    "fitmygpu.com",
    # scraped Hugging Face mirrors
    "huface.ru",
    "hf.global-rail.com",
    "aifasthub.com",
    "hff.sound2gd.work",
    # user-uploaded copies of makers' documents (cite the maker's own page instead)
    "scribd.com",
    # personal blogs that stood in for a maker's claim
    "lzwjava.github.io",
    "brojogopalsapui.com",
    "paiml.github.io",
)

REFERENCE_HOSTS: frozenset[str] = frozenset(
    {
        "en.wikipedia.org",
        "www.gsmarena.com",
        "www.notebookcheck.net",
        "notebookcheck.com",
        "www.notebookcheck.com",
        "www.anandtech.com",
        "chipsandcheese.com",
        "www.techinsights.com",
    }
)
"""Reputable references: an encyclopedia and independent reviewers that measure or take apart
(Notebookcheck publishes under .net in English and .com in German)."""

REFERENCE_REPOS: frozenset[str] = frozenset(
    {
        "huggingface/transformers",
        "ggml-org/llama.cpp",
        "mlc-ai/mlc-llm",
        "Lightning-AI/litgpt",
        "vllm-project/vllm",
        "pytorch/executorch",
    }
)
"""Established open-source implementations whose code states a model's shapes."""

REFERENCE_PREFIXES: tuple[str, ...] = (
    "https://docs.nvidia.com/nemo/",
    "https://huggingface.co/blog/",
)
"""Documentation of an established implementation (NVIDIA NeMo's model bridges) and Hugging Face's
release-day model write-ups made with the makers."""

MODEL_MAKER_HOSTS: frozenset[str] = frozenset(
    {
        "ai.meta.com",
        "developers.googleblog.com",
        "ai.google.dev",
        "stability.ai",
        "arxiv.org",
        "qwenlm.github.io",
        "qwen.ai",
        "www.liquid.ai",
        "tech.kakao.com",
    }
)
"""Makers' own blogs and their technical reports (arXiv holds the reports the makers wrote)."""

MODEL_MAKER_GITHUB: frozenset[str] = frozenset(
    {
        "LG-AI-EXAONE",
        "google-deepmind",
        "google-ai-edge",
        "ibm-granite",
        "meta-llama",
        "facebookresearch",
        "apple",
        "QwenLM",
        "huggingface/smollm",
        "kakao",
        "naver-hyperclovax",
        "K-intelligence-Midm",
        "SKT-AI",
        "deepseek-ai",
        "mistralai",
    }
)

DEVICE_MAKER_HOSTS: frozenset[str] = frozenset(
    {
        "developer.apple.com",
        "www.apple.com",
        "support.apple.com",
        "www.samsung.com",
        "semiconductor.samsung.com",
        "news.samsung.com",
        "www.qualcomm.com",
        "www.mediatek.com",
        "store.google.com",
        "blog.google",
        "developers.google.com",
        "support.google.com",
        "www.raspberrypi.com",
        "datasheets.raspberrypi.com",
        "developer.nvidia.com",
        "www.nvidia.com",
        "docs.nvidia.com",
        "www.intel.com",
        "docs.openvino.ai",
        "developer.arm.com",
    }
)
DEVICE_MAKER_GITHUB: frozenset[str] = frozenset({"quic", "raspberrypi", "NVIDIA-AI-IOT"})
"""GitHub organisations of device and chip makers (Qualcomm, Raspberry Pi, NVIDIA's Jetson team)."""


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _all_urls(cat: Catalog) -> Iterator[tuple[str, str]]:
    for m in cat.models.values():
        yield from ((f"model {m.id}", u) for u in m.sources)
        if m.languages_source:
            yield f"model {m.id} languages_source", m.languages_source
        if m.context_scaling is not None:
            yield f"model {m.id} context_scaling", m.context_scaling.source
        yield from ((f"model {m.id} benchmark {b.name}", b.source) for b in m.benchmarks)
    for lic in cat.licenses.values():
        yield f"licence {lic.id}", lic.url
        yield from ((f"licence {lic.id}", u) for u in lic.sources)
    for d in cat.devices.values():
        yield from ((f"device {d.id}", u) for u in d.sources)
        for v in d.variants:
            yield from ((f"device {d.id} variant {v.id}", u) for u in v.sources)
    for p in cat.platform_models.values():
        yield from ((f"platform model {p.id}", u) for u in p.sources)
    for r in cat.runtimes.values():
        yield from ((f"runtime {r.id}", u) for u in r.sources)
    for q in cat.quantizations.values():
        yield from ((f"quantization {q.id}", u) for u in q.sources)


def _denied(url: str) -> bool:
    host = urlparse(url).netloc.lower()
    return any(host == d or host.endswith("." + d) for d in DENYLIST)


def test_no_source_is_a_content_farm_or_a_scraped_mirror(catalog: Catalog) -> None:
    bad = [(what, u) for what, u in _all_urls(catalog) if _denied(u)]
    assert not bad, bad


def test_the_denylist_matches_subdomains_but_not_lookalikes() -> None:
    assert _denied("https://www.cheatgrid.com/other/1")
    assert _denied("https://huface.ru/LiquidAI/LFM2-2.6B")
    assert not _denied("https://notcheatgrid.com/x")
    assert not _denied("https://huggingface.co/LiquidAI/LFM2-2.6B")


def _github_owner(url: str) -> tuple[str, str]:
    parts = urlparse(url).path.strip("/").split("/")
    return parts[0], "/".join(parts[:2])


def _is_reference(url: str) -> bool:
    u = urlparse(url)
    if u.netloc == "github.com":
        return _github_owner(url)[1] in REFERENCE_REPOS
    return u.netloc in REFERENCE_HOSTS or url.startswith(REFERENCE_PREFIXES)


def _is_model_maker(url: str, model: ModelEntry) -> bool:
    u = urlparse(url)
    if u.netloc == "huggingface.co":
        return u.path.strip("/").split("/")[0] == model.hf_repo.split("/")[0]
    if u.netloc == "github.com":
        owner, repo = _github_owner(url)
        return owner in MODEL_MAKER_GITHUB or repo in MODEL_MAKER_GITHUB
    return u.netloc in MODEL_MAKER_HOSTS


def _is_device_maker(url: str) -> bool:
    u = urlparse(url)
    if u.netloc == "github.com":
        return _github_owner(url)[0] in DEVICE_MAKER_GITHUB
    return u.netloc in DEVICE_MAKER_HOSTS


def test_every_model_has_a_maker_or_reference_source(catalog: Catalog) -> None:
    strong = {"maker", "reference"}
    weak = [m.id for m in catalog.models.values() if not strong & set(m.source_tiers)]
    assert not weak, weak


def test_every_device_has_a_maker_or_reference_source(catalog: Catalog) -> None:
    weak = [
        f"{d.id}/{v.id}" if v else d.id
        for d in catalog.devices.values()
        for v in (None, *d.variants)
        if not {"maker", "reference"} & set((v or d).source_tiers)
    ]
    assert not weak, weak


def test_model_source_tiers_match_the_publisher(catalog: Catalog) -> None:
    """A maker source is on the model's own Hugging Face organisation, the maker's GitHub or blog;
    a reference is an established implementation or encyclopedia."""
    wrong = []
    for m in catalog.models.values():
        for url, tier in zip(m.sources, m.source_tiers, strict=True):
            if tier == "maker" and not _is_model_maker(url, m):
                wrong.append((m.id, tier, url))
            if tier == "reference" and not _is_reference(url):
                wrong.append((m.id, tier, url))
    assert not wrong, wrong


def _device_sources(d: Device) -> Iterator[tuple[str, str, str]]:
    yield from ((d.id, u, t) for u, t in zip(d.sources, d.source_tiers, strict=True))
    for v in d.variants:
        pairs = zip(v.sources, v.source_tiers, strict=True)
        yield from ((f"{d.id}/{v.id}", u, t) for u, t in pairs)


def test_device_source_tiers_match_the_publisher(catalog: Catalog) -> None:
    wrong = []
    for d in catalog.devices.values():
        for where, url, tier in _device_sources(d):
            if tier == "maker" and not _is_device_maker(url):
                wrong.append((where, tier, url))
            if tier == "reference" and not _is_reference(url):
                wrong.append((where, tier, url))
    assert not wrong, wrong


_OTHER_MARK = re.compile(r"\[other: (?P<source>[^:\]\s]+): (?P<fact>[^\]]+)\]")
"""Notes name a tier-other source and the fact it backs: ``[other: macrumors.com: RAM 6 GB]``."""


def _source_key(url: str) -> str:
    """A cited page's host (a GitHub page: its owner/repo), as the notes' marks name it."""
    u = urlparse(url)
    host = u.netloc.lower().removeprefix("www.")
    return f"{host}/{_github_owner(url)[1]}" if host == "github.com" else host


def _weak_entries(cat: Catalog) -> Iterator[tuple[str, tuple[str, ...], tuple[str, ...], str]]:
    """Every device, variant and platform model: (where, sources, tiers, notes)."""
    for d in cat.devices.values():
        yield d.id, d.sources, d.source_tiers, d.notes
        for v in d.variants:
            yield f"{d.id}/{v.id}", v.sources, v.source_tiers, v.notes
    for p in cat.platform_models.values():
        yield p.id, p.sources, p.source_tiers, p.notes


def _unmarked_weak_sources(
    sources: tuple[str, ...], tiers: tuple[str, ...], notes: str
) -> tuple[list[str], list[str]]:
    """Tier-other sources the notes do not mark, and marks naming no cited tier-other source."""
    weak = {_source_key(u) for u, t in zip(sources, tiers, strict=True) if t == "other"}
    marked = {m["source"] for m in _OTHER_MARK.finditer(notes)}
    return sorted(weak - marked), sorted(marked - weak)


def test_every_tier_other_device_source_is_marked_with_the_fact_it_backs(catalog: Catalog) -> None:
    """A news or leak page may back a device fact only where no maker or reference page was found,
    and the entry's notes say so: ``[other: host: fact]`` names the page and the value it backs,
    so a reader sees which numbers rest on weak sources (and a mark outlives no dropped source)."""
    bad = []
    for where, sources, tiers, notes in _weak_entries(catalog):
        unmarked, dangling = _unmarked_weak_sources(sources, tiers, notes)
        bad += [(where, "unmarked", k) for k in unmarked]
        bad += [(where, "marks no cited tier-other source", k) for k in dangling]
    assert not bad, bad


def test_the_weak_source_marks_are_checked_both_ways() -> None:
    news = ("https://www.macrumors.com/x", "https://github.com/pigirons/cpufp/pull/30")
    tiers = ("other", "other")
    marked = "RAM. [other: macrumors.com: RAM 6 GB] [other: github.com/pigirons/cpufp: ISA flags]"
    assert _unmarked_weak_sources(news, tiers, marked) == ([], [])
    assert _unmarked_weak_sources(news, tiers, "RAM 6 GB per macrumors.com") == (
        ["github.com/pigirons/cpufp", "macrumors.com"],
        [],
    )
    assert _unmarked_weak_sources((news[0],), ("reference",), marked) == (
        [],
        ["github.com/pigirons/cpufp", "macrumors.com"],
    )
    assert _unmarked_weak_sources(news[:1], tiers[:1], "[other: macrumors.com]") == (
        ["macrumors.com"],
        [],
    )


def test_a_plain_url_still_loads_and_counts_as_other(catalog: Catalog) -> None:
    """Overlays written before tiers existed keep loading; their URLs never count as maker."""
    base = catalog.models["qwen2.5-0.5b-instruct"].model_dump()
    del base["source_tiers"]
    base["sources"] = ["https://example.org/a", {"url": "https://example.org/b", "tier": "maker"}]
    entry = ModelEntry.model_validate(base)
    assert entry.sources == ("https://example.org/a", "https://example.org/b")
    assert entry.source_tiers == ("other", "maker")


def test_an_unknown_tier_is_an_error_naming_the_choices(catalog: Catalog) -> None:
    base = catalog.models["qwen2.5-0.5b-instruct"].model_dump()
    del base["source_tiers"]
    base["sources"] = [{"url": "https://example.org/a", "tier": "official"}]
    with pytest.raises(ValidationError, match="maker, reference, other"):
        ModelEntry.model_validate(base)
