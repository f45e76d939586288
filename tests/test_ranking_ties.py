"""Equal scores: the order comes from quality, and the report never says "ranked above by 0.000".

A tie decided by the model id would make the executive summary's "build this one first" an
accident of spelling; the quality term is the product's core question, so it decides first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from feasibility import api
from feasibility.report import render

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_tied_picks_are_ordered_by_quality_and_worded_as_ties(path: Path) -> None:
    a = api.check(path)
    for rec in a.recommendations:
        for v in rec.versus:
            assert v.tied == (round(v.margin, 3) == 0)
            if v.tied and not v.diversity:
                assert v.gaps.get("quality", 0.0) >= 0, (rec.model, v.model)
    for lang in ("en", "ko"):
        text = render(a, "markdown", lang)
        assert "by 0.000" not in text and "0.000점 앞섬" not in text
