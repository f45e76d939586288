"""The report's claims hold: every example and 200 generated device files, re-checked.

For each file: no why-not model fits, every threshold admits when applied and one step short does
not, every number in a reason equals its evidence, every headline or build row is a real
target's build, and the rejection counts add up. See ``oracle.py``.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from audit.oracle import check_all
from feasibility.api import check, load_spec
from feasibility.catalog import load_catalog

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
GENERATED = 200
SEED = 20261130

PRESETS = (
    "iphone-17-pro",
    "iphone-15-pro",
    "galaxy-s26",
    "galaxy-s24",
    "galaxy-a54",
    "pixel-9",
    "pixel-8",
    "ipad-pro-m5-11",
    "galaxy-tab-s10-plus",
    "rpi-5-8gb",
    "rpi-4-4gb",
    "jetson-orin-nano-super",
    "macbook-air-m2",
    "core-ultra-258v-laptop",
    "copilot-pc-x-elite",
)
LANGUAGES = ("en", "ko", "ja", "de", "es", "zh")
TASKS = ("chat", "summarization", "translation", "qa", "code", "extraction")


def generated(i: int) -> dict[str, Any]:
    """A seeded, realistic device file: presets, budgets, languages, licences, speed floors."""
    rng = random.Random(SEED + i)
    known = load_catalog().devices
    presets = [p for p in PRESETS if p in known]
    targets = [{"preset": p} for p in rng.sample(presets, rng.choice((1, 1, 2, 3)))]
    ctx = rng.choice((1024, 2048, 4096, 8192))
    doc: dict[str, Any] = {
        "service": {
            "tasks": rng.sample(TASKS, rng.choice((1, 2))),
            "languages": ["en", *rng.sample(LANGUAGES[1:], rng.choice((0, 0, 1)))],
            "context_tokens": ctx,
            "output_tokens": min(512, ctx // 4),
        },
        "targets": targets,
        "constraints": {
            "license": rng.choice(("commercial", "any")),
            "battery": rng.choice(("minimize", "balanced")),
            "npu": rng.choice(("ignore", "ignore", "preferred")),
        },
    }
    if rng.random() < 0.7:
        doc["constraints"]["memory_budget_mb"] = rng.choice((300, 600, 1024, 1536, 2048, 3072))
    if rng.random() < 0.4:
        doc["constraints"]["min_decode_tps"] = rng.choice((5, 10, 15, 20))
    return doc


def _audit(doc: Any, name: str) -> None:
    catalog = load_catalog()
    spec, _ = load_spec(doc)
    check_all(catalog, spec, check(spec, catalog=catalog), name)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_claims_hold(path: Path) -> None:
    _audit(str(path), path.name)


@pytest.mark.parametrize("i", range(GENERATED))
def test_generated_claims_hold(i: int) -> None:
    _audit(generated(i), f"generated-{i}")
