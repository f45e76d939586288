"""feasibility explain: every rule, every target, the engine's own verdicts and numbers."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from feasibility.api import check
from feasibility.cli import cli
from feasibility.rules import MEDIA_ONLY, RULES

SEED = str(Path(__file__).resolve().parents[1] / "examples" / "seed-scenario.yaml")


def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, list(args))
    return res.exit_code, res.stdout, res.stderr


def test_json_matches_check_for_a_recommended_model() -> None:
    a = check(SEED)
    rec = a.recommendations[0]
    code, out, err = run("explain", rec.model, SEED, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["model"] == rec.model
    assert [t["target"] for t in doc["targets"]] == [p.target for p in rec.targets]
    for t, plan in zip(doc["targets"], rec.targets, strict=True):
        assert t["feasible"] and t["choice"] == "best"
        assert (t["quantization"], t["runtime"]) == (plan.quantization, plan.runtime)
        assert t["memory"]["total_mb"] == plan.memory.total_mb
        assert t["score"] == round(plan.score, 3)
        # a text-only service: the inputs rule runs only for images or audio
        assert [r["rule"] for r in t["rules"]] == [r.ID for r in RULES if r.ID not in MEDIA_ONLY]
        assert all(r["outcome"] in ("pass", "unknown") for r in t["rules"])


def test_table_shows_the_failing_rule_with_numbers() -> None:
    code, out, _ = run("explain", "qwen2.5-7b-instruct", SEED)
    assert code == 3  # not feasible: the documented exit status
    assert "NOT feasible; closest miss" in out
    assert "memory-fit" in out and "fail" in out and "budget is 2,048 MB" in out
    for r in RULES:
        assert r.ID in out or r.ID in MEDIA_ONLY  # a text-only service


def test_model_level_rejection_still_has_numbers() -> None:
    code, out, _ = run("explain", "gemma-3-4b-it", SEED, "--format", "json")
    assert code == 3
    t = json.loads(out)["targets"][0]
    assert not t["feasible"] and t["score"] is None
    langs = next(r for r in t["rules"] if r["rule"] == "languages")
    assert langs["outcome"] == "unknown" and langs["blocking"]
    assert t["memory"] is not None


def test_requested_build_and_errors() -> None:
    code, out, _ = run(
        "explain",
        "qwen2.5-1.5b-instruct",
        SEED,
        "--quant",
        "q4_k_m",
        "--runtime",
        "llama.cpp",
        "--format",
        "json",
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["options_per_target"] == 1
    assert {(t["quantization"], t["runtime"], t["choice"]) for t in doc["targets"]} == {
        ("Q4_K_M", "llama.cpp", "requested")
    }
    code, _, err = run(
        "explain", "qwen2.5-1.5b-instruct", SEED, "--quant", "Q4_K_M", "--runtime", "mlx"
    )
    assert code == 2 and "does not load quantization 'Q4_K_M'" in err
    code, _, err = run("explain", "qwen2.5-1.5b", SEED)
    assert code == 2 and "did you mean" in err
    code, _, err = run("explain", "qwen2.5-1.5b-instruct", "missing.yaml")
    assert code == 2 and "Traceback" not in err


def test_explain_markdown_in_both_languages_and_exit_codes() -> None:
    """Markdown worded from evidence (Korean without engine English); exit 3 when infeasible."""
    from click.testing import CliRunner

    from feasibility.cli import cli

    seed = str(Path(__file__).resolve().parents[1] / "examples" / "seed-scenario.yaml")
    ok = CliRunner().invoke(cli, ["explain", "qwen2.5-1.5b-instruct", seed, "--format", "markdown"])
    assert ok.exit_code == 0, ok.output
    assert ok.stdout.startswith("# Why `qwen2.5-1.5b-instruct` (1.54B) on seed-scenario.yaml")
    assert "| Rule | Verdict | Reason |" in ok.stdout
    miss = CliRunner().invoke(
        cli, ["explain", "qwen3-4b", seed, "--format", "markdown", "--lang", "ko"]
    )
    assert miss.exit_code == 3
    assert "**부적합**, 가장 근접한 빌드" in miss.stdout and "| 규칙 | 판정 | 근거 |" in miss.stdout
    assert "needs" not in miss.stdout and "budget is" not in miss.stdout
    assert "Exit status: 0" in CliRunner().invoke(cli, ["explain", "--help"]).stdout


def test_explain_agrees_with_check_on_builds_under_the_quality_floor() -> None:
    """A model whose only passing builds are under the quality floor was explained as
    "feasible", while ``check`` lists it under "why not". Explain now says it passes every rule
    only under the floor, and agrees with check on whether the model is ranked."""
    from feasibility.catalog import load_catalog
    from feasibility.explain import explain, render_table

    path = Path(__file__).resolve().parents[1] / "examples" / "receipt-reader.yaml"
    a = check(str(path))
    floored = [r.model for r in a.why_not if r.below_floor]
    assert floored, "the receipt reader has models that fit only under the floor"
    catalog = load_catalog()
    for model in [*floored[:2], *(r.model for r in a.recommendations)]:
        e = explain(catalog, model, path)
        assert e.feasible == (model in a.feasible_models), model
        if model in floored:
            assert any(t.below_floor for t in e.targets), model
            assert "only under the quality floor" in render_table(e)
