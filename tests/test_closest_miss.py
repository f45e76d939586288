"""The closest miss among builds that fail first at the same rule is the one closest to passing,
not the first by id (issue: under ``npu: required`` every build fails ``accelerator``)."""

from __future__ import annotations

import pytest

from feasibility.catalog import Catalog, load_catalog
from feasibility.claims import closest_miss
from feasibility.estimator import floor_bytes
from feasibility.evaluator import Evaluator, Option
from feasibility.schema import Spec
from feasibility.targets import resolve


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog()


def _options(
    cat: Catalog, model: str, constraints: dict[str, object]
) -> tuple[Evaluator, list[Option]]:
    spec = Spec.model_validate(
        {
            "targets": [{"preset": "rpi-5-8gb"}],
            "service": {"languages": ["en"], "context_tokens": 2048},
            "constraints": constraints,
        }
    )
    target = resolve(spec, cat, "test")[0][0]
    ev = Evaluator(cat, spec.service, spec.constraints)
    opts = [o for o in ev.options(target) if o.candidate.model.id == model]
    return ev, opts


def _first_rule(o: Option) -> str:
    return o.failures[0].rule


def test_all_fail_accelerator_picks_the_build_closest_to_fitting(cat: Catalog) -> None:
    """No NPU on a Pi: every build of the model fails ``accelerator``; the pick fails nothing else
    and has the smallest weights, not the smallest quantization id."""
    ev, every = _options(cat, "qwen2.5-7b-instruct", {"npu": "required", "memory_budget_mb": 3000})
    opts = [o for o in every if _first_rule(o) == "accelerator"]
    assert len(opts) > 1
    pick = closest_miss(ev, opts)
    fewest = min(len({v.rule for v in o.failures}) for o in opts)
    assert len({v.rule for v in pick.failures}) == fewest
    peers = [o for o in opts if len({v.rule for v in o.failures}) == fewest]
    smallest = min(floor_bytes(o.candidate.model, o.candidate.quant) for o in peers)
    assert floor_bytes(pick.candidate.model, pick.candidate.quant) == smallest
    by_id = min(peers, key=lambda o: (o.candidate.quant.id, o.candidate.runtime.id))
    assert floor_bytes(by_id.candidate.model, by_id.candidate.quant) > smallest  # ids would differ


def test_all_too_slow_picks_the_fastest_build(cat: Catalog) -> None:
    ev, opts = _options(cat, "qwen2.5-7b-instruct", {"min_decode_tps": 50})
    slow = [o for o in opts if o.failures and _first_rule(o) == "decode-speed"]
    assert len(slow) > 1
    pick = closest_miss(ev, slow)
    assert pick.estimate is not None and pick.estimate.decode_tps is not None
    fastest = max(o.estimate.decode_tps or 0.0 for o in slow if o.estimate is not None)
    assert pick.estimate.decode_tps == fastest


def test_the_pick_does_not_depend_on_option_order(cat: Catalog) -> None:
    ev, opts = _options(cat, "qwen2.5-7b-instruct", {"npu": "required"})
    assert closest_miss(ev, opts) is closest_miss(ev, list(reversed(opts)))
