"""CLI: formats, exit codes, stdout vs stderr, listing and estimate commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from feasibility.cli import cli

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEED = str(EXAMPLES / "seed-scenario.yaml")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("fmt", ["markdown", "json", "table"])
def test_check_formats_exit_0(runner: CliRunner, fmt: str) -> None:
    """Each format renders the seed scenario and exits 0 (two recommendations)."""
    result = runner.invoke(cli, ["check", SEED, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stdout
    assert "Traceback" not in result.output


def test_check_json_contract(runner: CliRunner) -> None:
    """The JSON keys other tools read are present with the documented shapes."""
    result = runner.invoke(cli, ["check", SEED, "--format", "json"])
    data = json.loads(result.stdout)
    assert data["feasible"] is True
    assert len(data["recommendations"]) == 2
    rec = data["recommendations"][0]
    for key in (
        "model",
        "quantization",
        "runtime",
        "memory",
        "decode_tps",
        "reasons",
        "pipeline",
        "targets",
    ):
        assert key in rec
    for key in ("weights_mb", "kv_cache_mb", "overhead_mb", "total_mb", "budget_mb"):
        assert isinstance(rec["memory"][key], int)
    assert all({"title", "command"} <= set(s) for s in rec["pipeline"])
    assert len(rec["targets"]) == 4
    assert all({"runtime", "memory", "pipeline"} <= set(t) for t in rec["targets"])
    assert "rejected" not in data and data["rejection_counts"]  # --detail summary, the default
    full = json.loads(
        runner.invoke(cli, ["check", SEED, "--format", "json", "--detail", "full"]).stdout
    )
    assert {k: v for k, v in full.items() if k != "rejected"} == data
    rej = full["rejected"][0]
    assert {"model", "quantization", "runtime", "rule", "reason"} <= set(rej)


def test_output_file(runner: CliRunner, tmp_path: Path) -> None:
    """-o writes the report to a file and nothing to stdout."""
    out = tmp_path / "r.json"
    result = runner.invoke(cli, ["check", SEED, "--format", "json", "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["feasible"] is True


def test_exit_3_when_fewer_than_two_fit(runner: CliRunner, tmp_path: Path) -> None:
    """Valid input where nothing fits: exit 3, report on stdout, summary on stderr."""
    f = tmp_path / "tiny.yaml"
    f.write_text("target: {preset: iphone-13}\nconstraints: {memory_budget_mb: 150}\n")
    result = runner.invoke(cli, ["check", str(f), "--format", "json"])
    assert result.exit_code == 3
    assert json.loads(result.stdout)["feasible"] is False
    assert "fit" in result.stderr


def test_exit_2_on_bad_input_without_traceback(runner: CliRunner, tmp_path: Path) -> None:
    """An unknown preset: exit 2, the field path and a suggestion, no traceback."""
    f = tmp_path / "bad.yaml"
    f.write_text("targets:\n  - preset: iphone15pro\n")
    result = runner.invoke(cli, ["check", str(f)])
    assert result.exit_code == 2
    assert "targets[0].preset" in result.stderr
    assert "did you mean 'iphone-15-pro'?" in result.stderr
    assert "Traceback" not in result.output


def test_missing_file_exit_2(runner: CliRunner) -> None:
    """A missing file is bad input (exit 2), not a crash."""
    result = runner.invoke(cli, ["check", "does-not-exist.yaml"])
    assert result.exit_code == 2
    assert "file not found" in result.stderr


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (["models", "--language", "ko"], "qwen2.5-1.5b-instruct"),
        (["models", "--max-params", "1", "--format", "json"], "smollm2-135m-instruct"),
        (["devices", "--os", "android"], "galaxy-s24"),
        (["runtimes", "--os", "ios"], "coreml"),
        (["quants"], "Q4_K_M"),
        (["rules"], "memory-fit"),
        (["schema"], '"targets"'),
    ],
)
def test_listing_commands(runner: CliRunner, args: list[str], expect: str) -> None:
    """Listing commands show catalog entries and honour their filters."""
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert expect in result.stdout


def test_models_language_filter_excludes(runner: CliRunner) -> None:
    """--language ko leaves out models whose card does not list Korean."""
    result = runner.invoke(cli, ["models", "--language", "ko", "--format", "json"])
    ids = {m["id"] for m in json.loads(result.stdout)}
    assert "llama-3.2-1b-instruct" not in ids
    assert "exaone-3.5-2.4b-instruct" in ids


def test_estimate_json_keys(runner: CliRunner) -> None:
    """estimate --format json has the documented keys and speed with a device."""
    result = runner.invoke(
        cli,
        [
            "estimate",
            "--model",
            "qwen2.5-1.5b-instruct",
            "--quant",
            "Q4_K_M",
            "--context",
            "4096",
            "--device",
            "iphone-15-pro",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in (
        "model",
        "quantization",
        "context_tokens",
        "file_bytes",
        "weights_bytes",
        "kv_cache_bytes",
        "compute_bytes",
        "overhead_bytes",
        "total_bytes",
        "decode_tps",
        "prefill_tps",
        "assumptions",
    ):
        assert key in data
    assert data["total_bytes"] == (
        data["weights_bytes"]
        + data["kv_cache_bytes"]
        + data["compute_bytes"]
        + data["overhead_bytes"]
    )
    assert data["decode_tps"] > 0


def test_estimate_without_device_has_no_speed(runner: CliRunner) -> None:
    """No device and no bandwidth: speeds are null, memory still computed."""
    result = runner.invoke(
        cli, ["estimate", "--model", "gemma-3-1b-it", "--quant", "Q8_0", "--format", "json"]
    )
    data = json.loads(result.stdout)
    assert data["decode_tps"] is None and data["total_bytes"] > 0


def test_estimate_unknown_model_suggests(runner: CliRunner) -> None:
    """A typo in the model id gets the nearest id, exit 2."""
    result = runner.invoke(cli, ["estimate", "--model", "qwen2.5-1.5b", "--quant", "Q4_K_M"])
    assert result.exit_code == 2
    assert "did you mean" in result.stderr


def test_every_catalog_model_and_quant_estimates(runner: CliRunner) -> None:
    """estimate works for every model with every quantization a runtime loads for it."""
    from feasibility.api import estimate
    from feasibility.catalog import load_catalog

    cat = load_catalog()
    for m in cat.models.values():
        for q in cat.quantizations.values():
            est = estimate(m, q, 4096, catalog=cat)
            assert est.total_bytes > est.weights_bytes > 0


def test_reference_chip_preset_needs_ram(runner: CliRunner, tmp_path: Path) -> None:
    """A chip reference preset has no RAM size: the file must give one (exit 2 otherwise)."""
    bad = tmp_path / "ref.yaml"
    bad.write_text("target: {preset: snapdragon-8-elite-ref}\n")
    result = runner.invoke(cli, ["check", str(bad)])
    assert result.exit_code == 2
    assert "targets[0].ram_gb" in result.stderr and "reference platform" in result.stderr
    good = tmp_path / "ref-ram.yaml"
    good.write_text("target: {preset: snapdragon-8-elite-ref, ram_gb: 12}\n")
    result = runner.invoke(cli, ["check", str(good), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["targets"][0]["ram_gb"] == 12
    assert data["targets"][0]["memory_bandwidth_gbs"] == 84.8
