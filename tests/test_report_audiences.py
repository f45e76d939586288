"""What each reader of the report needs: executives, engineers, the security team, Korean readers.

These check the seed report's promises: one screen for executives, each build and pipeline once,
a threat model with its checklist, first-token time with no bare "n/a", Korean wording for the
catalog's step titles, licence conditions and language claims, and sources limited to the facts
the recommendations use.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from feasibility.api import check
from feasibility.catalog import load_catalog
from feasibility.report import render
from feasibility.report._rows import texts_for
from feasibility.report._steps import step_title
from feasibility.report.md_inputs import CONTENT_FARMS, used_facts
from feasibility.verdict import Assessment

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("seed-scenario", "raspberry-pi-5", "laptop")
HANGUL = re.compile("[\uac00-\ud7a3]")


@pytest.fixture(scope="module")
def assessments() -> dict[str, Assessment]:
    return {ex: check(ROOT / "examples" / f"{ex}.yaml") for ex in EXAMPLES}


def _section(md: str, number: int) -> list[str]:
    lines = md.splitlines()
    start = next(i for i, x in enumerate(lines) if x.startswith(f"## {number}. "))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return lines[start:end]


@pytest.mark.parametrize("example", EXAMPLES)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_executives_get_one_screen(
    assessments: dict[str, Assessment], example: str, lang: str
) -> None:
    a = assessments[example]
    summary = [x for x in _section(render(a, "markdown", lang), 2) if x.strip()]
    assert len(summary) <= 12, summary
    for r in a.recommendations:
        assert sum(f"`{r.model}`" in x for x in summary[2:-1]) == 1, r.model
    assert not any(x.startswith("|") for x in summary), "numbers belong in the tables"


@pytest.mark.parametrize("example", EXAMPLES)
def test_each_build_and_pipeline_once(assessments: dict[str, Assessment], example: str) -> None:
    a = assessments[example]
    md = render(a, "markdown", "en")
    fences = re.findall(r"^```sh\n(.*?)^```$", md, flags=re.S | re.M)
    assert len(fences) == len(set(fences)), "a pipeline is repeated"
    pipes = sum(len(b.pipelines) for r in a.recommendations for b in r.builds)
    refs = md.count("Steps 1-") - md.count("# Steps 1-")
    assert len(fences) + refs == pipes
    build_rows = [x for x in _section(md, 4) if x.startswith("| `") and " · " in x]
    builds = sum(len(r.builds) for r in a.recommendations)
    plans = sum(len(r.targets) for r in a.recommendations)
    assert len(build_rows) == builds + plans  # the build table, then one row per target plan
    for block in re.findall(r"^```mermaid\n(.*?)^```$", md, flags=re.S | re.M):
        nodes = re.findall(r'^    (\w+)\["', block, flags=re.M)
        assert len(nodes) == len(set(nodes))
        builds = sum(len(r.builds) for r in a.recommendations)
        assert len([n for n in nodes if re.fullmatch(r"m\d+b\d+", n)]) == builds


def test_seed_report_length(assessments: dict[str, Assessment]) -> None:
    """The seed report was 707 lines with the llama.cpp chain repeated; it stays near 350."""
    for lang in ("en", "ko"):
        assert len(render(assessments["seed-scenario"], "markdown", lang).splitlines()) <= 350


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_security_threat_model(assessments: dict[str, Assessment], lang: str) -> None:
    a = assessments["seed-scenario"]
    section = "\n".join(_section(render(a, "markdown", lang), 7))
    for article in ("5(1)(c)" if lang == "en" else "제5조 제1항 (c)호", "25", "32", "35"):
        assert article in section
    assert "GDPR" in section
    assert ("PIPA" in section) and ("28-8" in section or "제28조의8" in section)
    if lang == "ko":
        assert "개인정보 보호법" in section
    builds = [b for r in a.recommendations for b in r.builds]
    sha_rows = [x for x in section.splitlines() if x.startswith("| `")]
    assert len(sha_rows) == len(builds), "one SHA-256 pin per distinct build"
    for k in ("sec_storage", "sec_injection", "sec_licence", "sec_limits"):
        assert texts_for(lang)(k).split(".")[0] in section
    assert "most of the security review" not in section


@pytest.mark.parametrize("example", EXAMPLES)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_bare_na(assessments: dict[str, Assessment], example: str, lang: str) -> None:
    md = render(assessments[example], "markdown", lang)
    assert not re.search(r"\|\s*n/a\s*\|", md), "a cell says n/a without saying why"
    assert " n/a" not in md


def test_ttft_is_shown_when_estimated(assessments: dict[str, Assessment]) -> None:
    """Every build's first-token cell is its figure, or says it is not estimated."""
    for a in assessments.values():
        md = render(a, "markdown", "en")
        for r in a.recommendations:
            for b in r.builds:
                cell = f"{b.ttft_ms / 1000:.1f} s" if b.ttft_ms is not None else "not estimated"
                assert cell in md


def _catalog_step_templates() -> list[str]:
    data = yaml.safe_load((ROOT / "data" / "runtimes.yaml").read_text(encoding="utf-8"))
    titles: list[str] = []

    def walk(x: object) -> None:
        if isinstance(x, dict):
            if isinstance(x.get("title"), str) and "command" in x:
                titles.append(x["title"])
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(data)
    return sorted(set(titles))


def test_every_catalog_step_title_has_korean() -> None:
    ko = texts_for("ko")
    missing = [x for x in _catalog_step_templates() if x not in ko.step_title]
    assert not missing, f"step titles without Korean: {missing}"


@pytest.mark.parametrize("example", EXAMPLES)
def test_korean_step_titles(assessments: dict[str, Assessment], example: str) -> None:
    ko = texts_for("ko")
    for r in assessments[example].recommendations:
        for b in r.builds:
            for p in b.pipelines:
                for s in p.steps:
                    if s.title.startswith("No "):
                        continue  # the engine's "no build" sentence, not a catalog step
                    assert HANGUL.search(step_title(ko, s.title)), s.title


def test_step_title_keeps_values() -> None:
    ko = texts_for("ko")
    title = "Download the published GGUF (model-Q4_K_M.gguf from org/repo)"
    assert step_title(ko, title) == "공개된 GGUF 다운로드(org/repo의 model-Q4_K_M.gguf)"
    assert step_title(texts_for("en"), title) == title
    assert step_title(ko, "An unknown step") == "An unknown step"


def test_korean_licence_conditions_and_claims() -> None:
    ko = texts_for("ko")
    cat = load_catalog()
    for lid, lic in cat.licenses.items():
        if lic.conditions:
            assert HANGUL.search(ko.license_conditions.get(lid, "")), lid
    for m in cat.models.values():
        claim = getattr(m, "languages_claim", None)
        if claim:
            assert HANGUL.search(ko.claim.get(claim, "")), claim
    assert ko.claim["8 official languages"] != ko.claim["not stated on card (English-centric)"]


@pytest.mark.parametrize("example", EXAMPLES)
def test_korean_spelling_and_placeholders(assessments: dict[str, Assessment], example: str) -> None:
    md = render(assessments[example], "markdown", "ko")
    assert "타겟" not in md.replace("[타겟 디바이스 제원]", "")
    a = assessments[example]
    if "target_device_specs" in a.placeholders:
        assert "[타겟 디바이스 제원]" in md
    if "service_description" in a.placeholders:
        assert "[서비스 설명]" in md


@pytest.mark.parametrize("example", EXAMPLES)
def test_sources_only_used_facts(assessments: dict[str, Assessment], example: str) -> None:
    a = assessments[example]
    section = "\n".join(_section(render(a, "markdown", "en"), 11))
    used = {f"{k} {i}" for k, ids in used_facts(a).items() for i in ids}
    for key, urls in a.sources.items():
        for u in urls:
            if key not in used and not any(u in v for k, v in a.sources.items() if k in used):
                assert f"<{u}>" not in section, (key, u)
    for host in CONTENT_FARMS:
        assert host not in section


def test_korean_catalog_reasons_and_markets() -> None:
    """Every free-text reason the catalog gives for an impossible build, and every market a device
    variant is sold in, has Korean wording; every rule has a name in both languages."""
    from feasibility.rules import RULES

    ko = texts_for("ko")
    cat = load_catalog()
    whys = {a.reason for a in cat.artifacts if a.status == "unsupported"}
    whys |= {d.reason for d in cat.artifact_defaults if d.status == "unsupported"}
    assert whys
    for why in whys:
        assert HANGUL.search(ko.artifact_why.get(why, "")), why
    markets = {m for d in cat.devices.values() for v in d.variants for m in v.markets}
    assert markets
    for m in markets:
        assert HANGUL.search(ko.market.get(m, "")), m
    for q in cat.quantizations.values():
        _, sep, rest = q.name.partition(" (")
        if sep:
            assert rest[:-1] in ko.quant_detail, q.name
    for lang in ("en", "ko"):
        for rule in RULES:
            assert rule.ID in texts_for(lang).rule, (lang, rule.ID)


# English function words: any of them left in a Korean prose line is English prose.
_ENGLISH_PROSE = re.compile(
    r"\b(the|and|of|for|with|to|is|are|not|only|this|from|by|be|which|that|other|outside|on|in|"
    r"or|an|its|no|as|at|it|if|was|were|has|have|can|cannot|does|runs|needs|set|see)\b"
)


def _names(a: Assessment) -> list[str]:
    """Proper names the report may print as the catalog or the input spells them."""
    cat = load_catalog()
    names = [a.service_description or ""]
    names += [d.name for d in cat.devices.values()]
    names += [x for d in cat.devices.values() for v in d.variants for x in (v.name, v.soc)]
    names += [r.name for r in cat.runtimes.values()]
    names += [lic.name for lic in cat.licenses.values()]
    names += [q.name for q in cat.quantizations.values()]
    for r in a.recommendations:
        names += [r.model_name, r.developer, r.family, r.hf_repo]
    return sorted((n for n in names if n), key=len, reverse=True)


@pytest.mark.parametrize("example", EXAMPLES)
def test_korean_prose_has_no_english(assessments: dict[str, Assessment], example: str) -> None:
    """Outside commands, inline ids, URLs, quoted attributions and proper names, every line of
    the Korean report is Korean: no English sentence from the catalog or the engine."""
    a = assessments[example]
    md = render(a, "markdown", "ko")
    text = re.sub(r"^ *```.*?^ *```", "", md, flags=re.S | re.M)
    text = re.sub(r"<https?://[^>]+>", "", text)
    text = re.sub(r"`[^`\n]+`", "", text)
    text = re.sub(r"'[^'\n]+'", "", text)
    for name in _names(a):
        text = text.replace(name, "")
    leaks = [x for x in text.splitlines() if _ENGLISH_PROSE.search(x)]
    assert not leaks, leaks


@pytest.mark.parametrize("example", EXAMPLES)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_each_build_links_its_artifact(
    assessments: dict[str, Assessment], example: str, lang: str
) -> None:
    """Each build says whether its model file is published or converted, and links it: the
    published repository or bundle, else the converting runtime (issue 12)."""
    a = assessments[example]
    t = texts_for(lang)
    integrity = "\n".join(_section(render(a, "markdown", lang), 7))
    for r in a.recommendations:
        for b in r.builds:
            plan = next(p for p in r.targets if p.target == b.targets[0])
            ev = next(x.evidence for x in plan.rules if x.rule == "artifact")
            row = next(
                x
                for x in integrity.splitlines()
                if x.startswith(f"| `{r.model}` | `{b.quantization}` · `{b.runtime}`")
            )
            assert f"<{ev['source']}>" in row
            if ev["status"] == "published":
                assert t("artifact_published", repo="", url="").split()[0] in row
                if ev["repo"]:
                    assert ev["repo"] in row
            else:
                assert r.hf_repo in row


def test_pipeline_reference_only_when_the_swap_gives_the_same_commands() -> None:
    """A later model's pipeline refers to an earlier one's only when swapping the model id and
    repository in the earlier commands gives exactly its commands; any other difference prints
    the pipeline in full. Checked on every example; some must exercise the reference."""
    from feasibility.report.md_builds import _same_pipeline, _swap

    referred = 0
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        recs = check(path).recommendations
        if len(recs) < 2:
            continue
        first, second = recs[:2]
        shown = [(first, b, p) for b in first.builds for p in b.pipelines]
        for b2 in second.builds:
            for pipe in b2.pipelines:
                earlier = _same_pipeline(second, b2, pipe, shown)
                if earlier is None:
                    continue
                referred += 1
                assert _swap(earlier[1].steps, first, second) == pipe.steps
                last = pipe.steps[-1].model_copy(update={"command": "echo something else"})
                changed = pipe.model_copy(update={"steps": (*pipe.steps[:-1], last)})
                assert _same_pipeline(second, b2, changed, shown) is None
    assert referred, "no example exercises the pipeline reference"
