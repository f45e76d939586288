"""A model that fits only under the quality floor is shown in "why not", with the reason.

Law: while the floor is active, every model that fits every target but that the floor keeps out
of the ranking gets a why-not row naming the best build under the floor on a target where
nothing at or above it fits, with that build's bits and memory against the budget; the report
words it in English and Korean.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from feasibility import api
from feasibility.catalog import Catalog
from feasibility.explain import explain
from feasibility.ranking import LOW_BIT_FLOOR
from feasibility.report import render
from tests.audit.oracle import check_why_not

RECEIPTS = Path(__file__).resolve().parent.parent / "examples" / "receipt-reader.yaml"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return api.load_catalog()


def test_models_fitting_only_under_the_floor_are_in_why_not(catalog: Catalog) -> None:
    """On the receipt reader (4 GB, image input), Gemma 3 4B and Gemma 3n E2B fit only at about
    3.25 bits per weight on some phone: they are neither picked nor "also fits", so "why not"
    says so, with the build explain would choose there."""
    a = api.check(str(RECEIPTS), catalog=catalog)
    assert a.quality_floor
    rows = {r.model: r for r in a.why_not if r.below_floor is not None}
    assert {"gemma-3-4b-it", "gemma-3n-e2b-it"} <= set(rows)
    shown = {r.model for r in a.recommendations} | {f.model for f in a.also_fits}
    for model, r in rows.items():
        b = r.below_floor
        assert b is not None and model not in shown
        assert b.bpw < LOW_BIT_FLOOR and b.total_mb <= b.budget_mb
        best = next(t for t in explain(catalog, model, RECEIPTS).targets if t.target == r.target)
        assert best.feasible and (best.quantization, best.runtime) == (b.quantization, b.runtime)
    spec, _ = api.load_spec(RECEIPTS)
    check_why_not(catalog, spec, a, RECEIPTS.name)


def test_the_floor_reason_is_worded_in_both_languages(catalog: Catalog) -> None:
    a = api.check(str(RECEIPTS), catalog=catalog)
    r = next(r for r in a.why_not if r.model == "gemma-3-4b-it")
    assert r.below_floor is not None
    need = f"{r.below_floor.total_mb:,} MB"
    en = render(a, "markdown", "en")
    assert "Only builds under the quality floor of 3.5 bits per weight fit here" in en
    assert need in en
    ko = render(a, "markdown", "ko")
    assert "품질 하한(가중치당 3.5비트) 미만의 빌드만" in ko
    assert "only builds under" not in render(a, "table", "ko").lower()
