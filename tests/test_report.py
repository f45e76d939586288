"""Report renderers: golden files (byte for byte), catalog-only names, mermaid, Korean, exit 3.

Regenerate the golden files after an intended change with ``pytest tests/test_report.py
--update-golden`` and review the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from feasibility.api import check
from feasibility.catalog import load_catalog
from feasibility.cli import cli
from feasibility.report import render
from feasibility.verdict import Assessment

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLES = ("seed-scenario", "raspberry-pi-5", "laptop")
HANGUL = re.compile("[\uac00-\ud7a3]")

CASES = [(ex, "markdown", lang) for ex in EXAMPLES for lang in ("en", "ko")] + [
    ("seed-scenario", "json", "en"), ("seed-scenario", "table", "en")]


def _golden_name(example: str, fmt: str, lang: str) -> str:
    ext = {"markdown": "md", "json": "json", "table": "txt"}[fmt]
    return f"{example}.{lang}.{ext}"


def _cli(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def assessments() -> dict[str, Assessment]:
    return {ex: check(ROOT / "examples" / f"{ex}.yaml") for ex in EXAMPLES}


@pytest.mark.parametrize(("example", "fmt", "lang"), CASES)
def test_golden(example: str, fmt: str, lang: str, request: pytest.FixtureRequest,
                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out = _cli(["check", f"examples/{example}.yaml", "--format", fmt, "--lang", lang])
    assert code == 0
    path = GOLDEN / _golden_name(example, fmt, lang)
    if request.config.getoption("--update-golden"):
        path.write_text(out, encoding="utf-8", newline="\n")
    assert path.exists(), f"missing golden file {path.name}: run pytest --update-golden"
    assert out == path.read_text(encoding="utf-8"), f"{path.name} differs (--update-golden?)"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_deterministic(assessments: dict[str, Assessment], lang: str) -> None:
    a = assessments["seed-scenario"]
    again = check(ROOT / "examples" / "seed-scenario.yaml")
    assert render(a, "markdown", lang) == render(again, "markdown", lang)


def _inline_code(md: str) -> set[str]:
    """Inline code spans outside fenced blocks (the report puts catalog ids there only)."""
    text = re.sub(r"^ *```.*?^ *```", "", md, flags=re.S | re.M)
    return set(re.findall(r"`([^`\n]+)`", text))


@pytest.mark.parametrize("example", EXAMPLES)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_names_only_catalog_ids(assessments: dict[str, Assessment], example: str,
                                lang: str) -> None:
    cat = load_catalog()
    known = (set(cat.models) | set(cat.runtimes) | set(cat.devices) | set(cat.quantizations)
             | set(cat.licenses))
    a = assessments[example]
    md = render(a, "markdown", lang)
    ids = _inline_code(md)
    assert ids, "the report names no catalog ids"
    unknown = sorted(i for i in ids if i not in known)
    assert not unknown, f"ids not in the catalog: {unknown}"
    for i in ids & set(cat.models):
        assert cat.models[i].params <= 14_000_000_000, f"{i} is above 14B"
    for r in a.recommendations:
        assert r.params <= 14_000_000_000
        assert f"`{r.model}`" in md
    # Model names in the text (outside inline code) are catalog names too.
    for t in a.targets:
        assert t.id in cat.devices or t.preset is None


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_mermaid_block(assessments: dict[str, Assessment], lang: str) -> None:
    md = render(assessments["seed-scenario"], "markdown", lang)
    blocks = re.findall(r"^```mermaid\n(.*?)^```$", md, flags=re.S | re.M)
    assert len(blocks) == len(assessments["seed-scenario"].recommendations)
    for block in blocks:
        lines = block.splitlines()
        assert lines[0] == "flowchart LR"
        for line in lines[1:]:
            node = re.fullmatch(r'    (\w+)\["([^"\[\]]*)"\]', line)
            edge = re.fullmatch(r"    \w+ --> \w+", line)
            assert node or edge, f"unexpected mermaid line: {line!r}"


def test_korean_headings(assessments: dict[str, Assessment]) -> None:
    for example in EXAMPLES:
        md = render(assessments[example], "markdown", "ko")
        text = re.sub(r"^ *```.*?^ *```", "", md, flags=re.S | re.M)
        headings = [line for line in text.splitlines() if line.startswith("#")]
        assert len([h for h in headings if h.startswith("## ")]) == 10
        for h in headings:
            assert HANGUL.search(h), f"heading without Hangul: {h}"
        assert "개인정보 보호법" in md and "GDPR" in md


def test_english_sections(assessments: dict[str, Assessment]) -> None:
    md = render(assessments["seed-scenario"], "markdown", "en")
    for heading in ("## 2. Executive summary", "## 3. Recommended models",
                    "## 4. Memory and speed per target", "## 5. Quantization and runtime",
                    "## 6. Key concepts", "## 7. Privacy and security",
                    "## 8. Advantages and limitations", "## 9. Why not the others",
                    "## 10. Inputs", "## 11. Sources"):
        assert heading in md
    assert "[Target device specs]" in md
    assert "GDPR" in md
    assert a_catalog_footer(md, assessments["seed-scenario"])


def a_catalog_footer(md: str, a: Assessment) -> bool:
    return f"catalog version {a.catalog_version}" in md


def test_placeholders(tmp_path: Path) -> None:
    spec = tmp_path / "device.yaml"
    spec.write_text("service:\n  tasks: [chat]\n  languages: [en]\ntarget:\n  preset: rpi-5-8gb\n",
                    encoding="utf-8")
    a = check(spec)
    assert "service_description" in a.placeholders
    assert "[Service description]" in render(a, "markdown", "en")
    assert "[서비스 설명]" in render(a, "markdown", "ko")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_infeasible_report_explains(tmp_path: Path, lang: str) -> None:
    spec = tmp_path / "tiny.yaml"
    spec.write_text(
        "service:\n  tasks: [summarization]\n  languages: [ko]\n  context_tokens: 2048\n"
        "targets:\n  - preset: galaxy-s26\nconstraints:\n  memory_budget_mb: 300\n",
        encoding="utf-8")
    code, out = _cli(["check", str(spec), "--lang", lang])
    assert code == 3
    a = check(spec)
    assert len(a.recommendations) < 2
    if lang == "en":
        assert "No model fits every target" in out
        assert "To get two recommendations" in out
    else:
        assert "모든 타겟에 들어가는 모델이 없습니다" in out
        assert "추천 모델 2개를 확보하려면" in out
    for r in a.why_not[:3]:
        assert f"`{r.model}`" in out
    for s in a.sensitivities:
        if s.kind == "budget":
            assert f"{int(s.value):,} MB" in out
    assert tmp_path.name not in out
