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
from feasibility.report._rows import texts_for
from feasibility.report._wording import verdict_sentence
from feasibility.verdict import Assessment

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLES = ("seed-scenario", "raspberry-pi-5", "laptop", "receipt-reader", "voice-notes")
HANGUL = re.compile("[\uac00-\ud7a3]")

CASES = [(ex, "markdown", lang) for ex in EXAMPLES for lang in ("en", "ko")] + [
    ("seed-scenario", "json", "en"),
    ("seed-scenario", "table", "en"),
    ("seed-scenario", "table", "ko"),
]


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
def test_golden(
    example: str,
    fmt: str,
    lang: str,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
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
def test_names_only_catalog_ids(
    assessments: dict[str, Assessment], example: str, lang: str
) -> None:
    cat = load_catalog()
    known = (
        set(cat.models)
        | set(cat.runtimes)
        | set(cat.devices)
        | set(cat.quantizations)
        | set(cat.licenses)
    )
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
    assert len(blocks) == 1, "one diagram of every pick's builds"
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
        assert len([h for h in headings if h.startswith("## ")]) == 11
        for h in headings:
            assert HANGUL.search(h), f"heading without Hangul: {h}"
        assert "개인정보 보호법" in md and "GDPR" in md


def test_english_sections(assessments: dict[str, Assessment]) -> None:
    md = render(assessments["seed-scenario"], "markdown", "en")
    for heading in (
        "## 2. Executive summary",
        "## 3. Recommended models",
        "## 4. Memory and speed per target",
        "## 5. Quantization and runtime",
        "## 6. Key concepts",
        "## 7. Privacy and security",
        "## 8. Advantages and limitations",
        "## 9. Why not the others",
        "## 10. Inputs",
        "## 11. Sources",
    ):
        assert heading in md
    assert "[Target device specs]" in md
    assert "GDPR" in md
    assert a_catalog_footer(md, assessments["seed-scenario"])


def a_catalog_footer(md: str, a: Assessment) -> bool:
    return f"catalog version {a.catalog_version}" in md


def test_placeholders(tmp_path: Path) -> None:
    spec = tmp_path / "device.yaml"
    spec.write_text(
        "service:\n  tasks: [chat]\n  languages: [en]\ntarget:\n  preset: rpi-5-8gb\n",
        encoding="utf-8",
    )
    a = check(spec)
    assert "service_description" in a.placeholders
    assert "[Service description]" in render(a, "markdown", "en")
    assert "[서비스 설명]" in render(a, "markdown", "ko")


def _tiny(tmp_path: Path, budget: int) -> Path:
    spec = tmp_path / "tiny.yaml"
    spec.write_text(
        "service:\n  tasks: [summarization]\n  languages: [ko]\n  context_tokens: 2048\n"
        f"targets:\n  - preset: galaxy-s26\nconstraints:\n  memory_budget_mb: {budget}\n",
        encoding="utf-8",
    )
    return spec


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_infeasible_report_explains(tmp_path: Path, lang: str) -> None:
    spec = _tiny(tmp_path, 300)
    code, out = _cli(["check", str(spec), "--lang", lang])
    assert code == 3
    a = check(spec)
    assert len(a.recommendations) < 2
    if lang == "en":
        assert "No model fits every target" in out
        assert "To get two recommendations" in out
    else:
        assert "모든 타깃에서 구동 가능한 모델이 없습니다" in out
        assert "추천 모델 2개를 확보하려면" in out
    for r in a.why_not[:3]:
        assert f"`{r.model}`" in out
    for s in a.sensitivities:
        if s.kind == "budget":
            assert f"{int(s.value):,} MB" in out
    assert tmp_path.name not in out


# Phrases of the engine's English reasons, risks, gaps and budget bases (feasibility/rules,
# engine._risks, targets.py). The Korean report builds its sentences from structured fields, so
# none of them may appear in it.
ENGINE_ENGLISH = (
    "needs ",
    "budget is",
    "does not run on",
    "card lists",
    "card claims",
    "does not list",
    "not among the",
    "does not allow commercial",
    "allows commercial",
    "tokens/s",
    "minimum is",
    "not published",
    "OS version unknown",
    "planning default",
    "set in the device file",
    "set for this target",
    "licence conditions",
    "small memory headroom",
    "slow generation",
    "no speed estimate",
    "reasons before answering",
    "some catalog facts",
    "runs on the",
    "has no backend",
    "does not support the",
    "supports the",
    "card names",
    "card does not name",
    "parameters, cap",
    "context tokens",
    "would admit",
    "would qualify",
)


def _prose(md: str) -> str:
    """The report without fenced blocks (commands, mermaid), links and inline code."""
    text = re.sub(r"^ *```.*?^ *```", "", md, flags=re.S | re.M)
    text = re.sub(r"<https?://[^>]+>", "", text)
    return re.sub(r"`[^`\n]+`", "", text)


@pytest.mark.parametrize("example", EXAMPLES)
def test_korean_has_no_engine_english(assessments: dict[str, Assessment], example: str) -> None:
    a = assessments[example]
    for fmt in ("markdown", "table"):
        text = _prose(render(a, fmt, "ko"))
        found = [p for p in ENGINE_ENGLISH if p in text]
        assert not found, f"{example} {fmt}: engine English in the Korean report: {found}"
    # Nor the engine's own sentences, verbatim.
    md = render(a, "markdown", "ko")
    for r in a.recommendations:
        for p in r.targets:
            for rr in p.rules:
                assert rr.reason not in md
        for risk in r.risks:
            assert risk not in md
    for w in a.why_not:
        assert w.reason not in md
    for t in a.targets:
        assert t.budget_basis not in md
        for g in t.gaps:
            assert g not in md


def test_korean_seed_no_english_rule_reason(assessments: dict[str, Assessment]) -> None:
    md = render(assessments["seed-scenario"], "markdown", "ko")
    for phrase in ("needs ", "budget is", "does not run on", "card lists"):
        assert phrase not in md


@pytest.mark.parametrize("example", EXAMPLES)
def test_korean_assumptions_all_translated(
    assessments: dict[str, Assessment], example: str
) -> None:
    """Every estimate assumption is worded in Korean by its code."""
    from feasibility.estimator.core import ASSUMPTIONS

    md = render(assessments[example], "markdown", "ko")
    assert texts_for("ko")("assumption_other") not in md
    assert set(texts_for("ko").assumption) == set(ASSUMPTIONS)


def _fix_line(md: str, lang: str) -> str:
    lead = "**To get two recommendations:**" if lang == "en" else "**추천 모델 2개를 확보하려면:**"
    lines = [line for line in md.splitlines() if line.startswith(lead)]
    assert len(lines) == 1
    return lines[0]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_exit3_names_smallest_budget(tmp_path: Path, lang: str) -> None:
    spec = _tiny(tmp_path, 300)
    a = check(spec)
    assert not a.recommendations
    budgets = [s for s in a.sensitivities if s.kind == "budget"]
    assert len(budgets) >= 2
    first, second = budgets[0], budgets[1]
    assert int(first.value) == min(int(s.value) for s in budgets)
    code, out = _cli(["check", str(spec), "--lang", lang])
    assert code == 3
    fix = _fix_line(out, lang)
    assert f"**{int(first.value):,} MB**" in fix and f"`{first.model}`" in fix
    assert f"**{int(second.value):,} MB**" in fix and f"`{second.model}`" in fix
    assert fix.index(f"{int(first.value):,} MB") < fix.index(f"{int(second.value):,} MB")
    # The verdict at the top names the smallest budget too.
    verdict = out.split("\n\n")[2]
    assert f"**{int(first.value):,} MB**" in verdict and f"`{first.model}`" in verdict
    table = render(a, "table", lang)
    assert f"{int(first.value):,} MB" in table.splitlines()[1]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_exit3_one_model_names_budget_for_a_second(tmp_path: Path, lang: str) -> None:
    spec = _tiny(tmp_path, 325)
    a = check(spec)
    assert len(a.recommendations) == 1
    first = next(s for s in a.sensitivities if s.kind == "budget")
    code, out = _cli(["check", str(spec), "--lang", lang])
    assert code == 3
    fix = _fix_line(out, lang)
    assert f"**{int(first.value):,} MB**" in fix and f"`{first.model}`" in fix
    if lang == "en":
        assert "**1 model** fits every target" in out


KO = texts_for("ko")
EN = texts_for("en")

# One verdict per template variant, with the evidence keys the rules give (feasibility/rules).
VERDICTS: list[tuple[str, str, dict[str, object]]] = [
    ("param-cap", "pass", {"params": 1_460_000_000, "cap": 14_000_000_000}),
    ("param-cap", "fail", {"params": 3_820_000_000, "cap": 3_000_000_000}),
    ("license", "pass", {"license": "apache-2.0", "commercial": "yes"}),
    ("license", "pass", {"license": "lfm-open-1.0", "commercial": "conditional"}),
    ("license", "pass", {"license": "exaone-1.1-nc", "commercial": "no"}),
    ("license", "fail", {"license": "exaone-1.1-nc", "commercial": "no"}),
    ("languages", "pass", {"languages": ["ko", "en"]}),
    ("languages", "unknown", {"missing": ["ko"], "claim": "100+ languages"}),
    ("languages", "fail", {"missing": ["ko"], "listed": ["en", "fr"]}),
    ("context-window", "pass", {"need": 4096, "have": 32768}),
    ("context-window", "fail", {"need": 8192, "have": 4096}),
    ("os-support", "pass", {"runtime": "llama.cpp", "os": "android"}),
    ("os-support", "pass", {"runtime": "mlx", "os": "ios", "min_version": "17", "have": "26"}),
    ("os-support", "unknown", {"runtime": "qualcomm-genie", "os": "android", "min_version": "15"}),
    ("os-support", "fail", {"runtime": "mlx", "os": "android"}),
    ("os-support", "fail", {"runtime": "mlx", "os": "ios", "min_version": "17", "have": "16"}),
    ("architecture-support", "pass", {"runtime": "mlx", "architecture": "qwen2"}),
    ("architecture-support", "fail", {"runtime": "mlx", "architecture": "gemma3n"}),
    ("accelerator", "pass", {"backend": "gpu", "npu": ""}),
    ("accelerator", "pass", {"backend": "npu", "npu": "Hexagon"}),
    ("accelerator", "fail", {"runtime": "mlx", "problem": "os"}),
    (
        "accelerator",
        "fail",
        {"runtime": "qualcomm-genie", "problem": "npu-required", "npu": "Google Tensor"},
    ),
    ("accelerator", "fail", {"runtime": "llama.cpp", "problem": "npu-required", "npu": ""}),
    (
        "accelerator",
        "fail",
        {
            "runtime": "executorch",
            "problem": "encoding",
            "quantization": "executorch-qnn-16a4w",
            "backends": ["npu"],
        },
    ),
    ("accelerator", "fail", {"runtime": "mlx", "problem": "no-common-backend"}),
    ("memory-fit", "pass", {"need": 1, "budget": 2, "need_mb": 1448, "budget_mb": 2048}),
    (
        "memory-fit",
        "fail",
        {
            "need": 2,
            "budget": 1,
            "need_mb": 2431,
            "budget_mb": 2048,
            "weights_mb": 1900,
            "kv_cache_mb": 320,
        },
    ),
    ("decode-speed", "pass", {"tps": 26.61}),
    ("decode-speed", "pass", {"tps": 26.61, "minimum": 10.0}),
    ("decode-speed", "fail", {"tps": 7.86, "minimum": 10.0}),
    ("decode-speed", "unknown", {"problem": "no-bandwidth"}),
    ("decode-speed", "unknown", {"problem": "no-bandwidth", "minimum": 5.0}),
    ("task-fit", "pass", {"tasks": ["summarization"]}),
    ("task-fit", "unknown", {"missing": ["translation"]}),
    ("bits-floor", "pass", {"bpw": 5.7, "quantization": "Q5_K_M"}),
    ("bits-floor", "pass", {"bpw": 5.7, "floor": 5.0, "quantization": "Q5_K_M"}),
    ("bits-floor", "fail", {"bpw": 4.89, "floor": 5.0, "quantization": "Q4_K_M"}),
    (
        "artifact",
        "fail",
        {
            "runtime": "mlx",
            "status": "unsupported",
            "why": "mlx-lm loads AutoAWQ / AutoGPTQ checkpoints but does not make them, and no "
            "such checkpoint of this model is catalogued",
        },
    ),
    (
        "accelerator",
        "fail",
        {
            "runtime": "mlc-llm",
            "problem": "variant",
            "variant_name": "Galaxy S26 with Exynos 2600",
            "markets": ["Europe"],
        },
    ),
]


@pytest.mark.parametrize(("rule", "outcome", "evidence"), VERDICTS)
def test_verdict_sentences_use_the_evidence(
    rule: str, outcome: str, evidence: dict[str, object]
) -> None:
    seen = set()
    for t in (KO, EN):
        text = verdict_sentence(t, rule, outcome, evidence, reason="ENGINE REASON")
        assert "ENGINE REASON" not in text, f"{t.lang}: no template for {rule} {evidence}"
        assert "n/a" not in text and "{" not in text
        for k, v in evidence.items():
            if t.lang == "ko" and k in ("claim", "why"):
                continue  # catalog free text in English; the Korean sentence words it in Korean
            if (
                isinstance(v, str)
                and v
                and v
                not in (
                    "yes",
                    "no",
                    "conditional",
                    "npu",
                    "gpu",
                    "android",
                    "ios",
                    "os",
                    "no-bandwidth",
                    "npu-required",
                    "encoding",
                    "no-common-backend",
                    "unsupported",
                    "variant",
                )
            ):
                assert v in text, f"{t.lang}: {v!r} missing from {text!r}"
        seen.add(text)
    assert len(seen) == 2, f"the Korean and English sentences are the same: {seen}"
    ko = verdict_sentence(KO, rule, outcome, evidence, reason="")
    assert HANGUL.search(ko)
    assert ko.endswith(("다.", ").", "시오."))


def test_memory_fit_korean_sentence() -> None:
    ev = {
        "need": 2,
        "budget": 1,
        "need_mb": 2431,
        "budget_mb": 2048,
        "weights_mb": 1900,
        "kv_cache_mb": 320,
    }
    text = verdict_sentence(KO, "memory-fit", "fail", ev, reason="")
    assert text == (
        "**2,431 MB**가 필요해 예산 **2,048 MB**를 초과합니다(가중치 1,900 MB, KV 캐시 320 MB)."
    )


def test_no_template_falls_back() -> None:
    assert verdict_sentence(EN, "new-rule", "fail", {}, reason="engine words") == "engine words"
    assert HANGUL.search(verdict_sentence(KO, "new-rule", "fail", {}, reason="engine words"))


def test_renderers_do_not_read_engine_sentences() -> None:
    """No renderer matches engine English: everything is worded from codes and evidence.

    Two modules parse text on purpose, and not the engine's: ``_steps`` reads catalog step titles
    back against their catalog templates, ``_html`` converts the sections' own markdown."""
    report = ROOT / "feasibility" / "report"
    parsers = {"_steps.py", "_html.py"}
    for name in sorted(p.name for p in report.glob("*.py") if p.name not in parsers):
        src = (report / name).read_text(encoding="utf-8")
        assert "startswith(" not in src, name
        assert not re.search(r"^import re$", src, re.M), name


def _split_row(line: str) -> list[str]:
    """Cells of a GitHub table row: GFM splits on every unescaped pipe, inside code spans too."""
    cells, cur, i = [], "", 0
    body = line.strip()[1:-1]
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            cur += body[i : i + 2]
            i += 2
            continue
        if ch == "|":
            cells.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    cells.append(cur)
    return cells


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_markdown_tables_and_headings_render_on_github(
    assessments: dict[str, Assessment], lang: str
) -> None:
    """Every table row has its header's cell count, a delimiter row follows each header, headings
    are ATX with a space, and code fences are balanced (what GitHub needs to render them)."""
    for name, a in assessments.items():
        md = render(a, "markdown", lang)
        lines = md.splitlines()
        assert md.count("```") % 2 == 0, name
        in_fence = False
        i = 0
        while i < len(lines):
            line = lines[i]
            if line.startswith("```"):
                in_fence = not in_fence
            elif not in_fence and line.startswith("#"):
                assert re.match(r"^#{1,6} \S", line), (name, line)
            elif not in_fence and line.startswith("|"):
                header = _split_row(line)
                delim = _split_row(lines[i + 1])
                assert len(delim) == len(header), (name, line)
                assert all(re.fullmatch(r"\s*:?-{3,}:?\s*", c) for c in delim), (name, lines[i + 1])
                j = i + 2
                while j < len(lines) and lines[j].startswith("|"):
                    assert len(_split_row(lines[j])) == len(header), (name, lines[j])
                    j += 1
                i = j
                continue
            i += 1


def test_pipeline_names_its_own_targets_accelerator() -> None:
    """A build shared by Android (CPU) and iOS (GPU) targets: each platform's pipeline says where
    its own targets run, not the build's union ("on the CPU/GPU" for a CPU-only Android build)."""
    a = check(ROOT / "examples" / "korean-translation-phones.yaml", catalog=load_catalog())
    md = render(a, "markdown", "en")
    checked = 0
    for rec in a.recommendations:
        plans = {p.target: p for p in rec.targets}
        for b in rec.builds:
            for pipe in b.pipelines:
                names = {"cpu": "CPU", "gpu": "GPU", "npu": "NPU"}
                accel = "/".join(names[plans[t].backend] for t in pipe.targets)
                accel = "/".join(dict.fromkeys(sorted(accel.split("/"))))
                targets = ", ".join(f"`{t}`" for t in pipe.targets)
                assert f"Targets {targets}. " in md
                line = next(x for x in md.splitlines() if x.startswith(f"Targets {targets}. "))
                assert f"on the {accel}. " in line, line
                checked += 1
    assert checked >= 4


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_unknown_speed_is_not_worded_as_a_number(lang: str) -> None:
    """Picks with no speed estimate on some target (smart reply: neither phone's bandwidth is
    published) say "to measure", never "about <not estimated> tokens/s"."""
    a = check(ROOT / "examples" / "smart-reply.yaml", catalog=load_catalog())
    assert all(r.decode_tps is None for r in a.recommendations)
    md = render(a, "markdown", lang)
    t = texts_for(lang)
    unknown = t("speed_unknown")
    assert t("adv_speed_item", model="`x`", tps=unknown).split("`x`")[1].strip() not in md
    assert md.count(t("adv_speed_item_unknown", model="`lfm2-350m`")) == 1
