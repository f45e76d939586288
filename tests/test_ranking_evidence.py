"""Quality evidence in the catalog: how many models carry published scores the ranking reads.

Run with ``-s`` to see the coverage figure. The target is 80% of catalog models; the floor below is
the coverage the catalog has reached, so removing a sourced score without a replacement fails.
"""

from __future__ import annotations

from feasibility import scoring
from feasibility.catalog import load_catalog
from feasibility.schema import Benchmark
from tests.factories import make_model

COVERAGE_FLOOR = 64
"""Models with evidence the quality term reads, as of the last catalog update."""
TARGET = 0.80


def test_evidence_coverage_is_reported_and_never_falls() -> None:
    models = list(load_catalog().models.values())
    with_evidence, total = scoring.evidence_coverage(models)
    missing = sorted(m.id for m in models if not scoring.has_evidence(m))
    print(
        f"\nquality evidence: {with_evidence} of {total} catalog models "
        f"({with_evidence / total:.0%}; target {TARGET:.0%}); without: {', '.join(missing)}"
    )
    assert with_evidence >= COVERAGE_FLOOR


def test_a_score_the_ranking_does_not_read_is_not_evidence() -> None:
    shown_only = make_model(
        benchmarks=(Benchmark(name="HellaSwag", value=60.0, source="https://x.org"),)
    )
    read = make_model(benchmarks=(Benchmark(name="MATH-500", value=80.0, source="https://x.org"),))
    assert not scoring.has_evidence(shown_only)
    assert scoring.has_evidence(read)
    assert scoring.evidence_coverage([shown_only, read]) == (1, 2)
