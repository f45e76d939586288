"""Licence terms in Risks: a condition legal must review is a risk; passing on the licence text and
its notices (MIT, Apache-2.0) is a duty listed in section 7, never a risk.

Oracle over every example: each pick's licence risk is recomputed from the catalog's licence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from feasibility import api
from feasibility.catalog import load_catalog
from feasibility.report import render
from feasibility.report.security_ko import LICENSE_CONDITIONS

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_licence_risk_exactly_when_terms_need_review(path: Path) -> None:
    a = api.check(path)
    licences = load_catalog().licenses
    for rec in a.recommendations:
        lic = licences[rec.license]
        kinds = {k.kind for k in rec.risk_items}
        needs_review = lic.commercial == "conditional" or (
            bool(lic.conditions) and not lic.notice_only
        )
        assert ("license-conditions" in kinds) == needs_review, rec.model
        assert rec.license_notice_only == lic.notice_only


def test_permissive_licences_state_their_notice_duties() -> None:
    """Both permissive licences say what they ask, so neither reads as 'no conditions'."""
    licences = load_catalog().licenses
    for lid in ("mit", "apache-2.0"):
        assert licences[lid].notice_only and licences[lid].conditions


DUTIES_HEADING = {
    "en": "**Licence duties passed on to the product**",
    "ko": "**제품에 넘어오는 라이선스 의무**",
}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_notice_duties_are_in_section_7_not_in_risks(lang: str) -> None:
    seed = Path(__file__).parent.parent / "examples" / "seed-scenario.yaml"
    a = api.check(seed)
    permissive = [r for r in a.recommendations if r.license_notice_only]
    assert permissive, "the seed recommends an Apache-2.0 model"
    lines = render(a, "markdown", lang).splitlines()
    duties = lines[lines.index(DUTIES_HEADING[lang]) :]
    wording = {"en": {}, "ko": LICENSE_CONDITIONS}[lang]
    for rec in permissive:
        line = next(x for x in duties if x.startswith(f"- `{rec.model}`: "))
        assert line.endswith(wording.get(rec.license, rec.license_conditions))
        assert not any(k.kind.startswith("license") for k in rec.risk_items)
