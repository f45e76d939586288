"""CLI as a new user meets it: the same options everywhere, validated filters, JSON errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from feasibility.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEED = str(ROOT / "examples" / "seed-scenario.yaml")
ACME = ROOT / "tests" / "data" / "configs" / "acme-tiny-1b.json"
COMMANDS = cli.list_commands(click.Context(cli))


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args))


def _options(command: str) -> set[str]:
    found = cli.get_command(click.Context(cli), command)
    assert found is not None
    return {o for p in found.params for o in getattr(p, "opts", [])}


def test_the_command_set() -> None:
    """The commands the README documents, and no others; each resolves to its command."""
    assert COMMANDS == [
        "calibrate",
        "check",
        "devices",
        "estimate",
        "explain",
        "import-model",
        "licenses",
        "models",
        "quants",
        "rules",
        "runtimes",
        "schema",
        "screen",
    ]
    for name in COMMANDS:
        found = cli.get_command(click.Context(cli), name)
        assert found is not None and found.name == name


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_takes_catalog_output_and_format(command: str) -> None:
    """--catalog, -o/--output and --format exist on every command."""
    assert {"--catalog", "-o", "--output", "--format"} <= _options(command)


@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "explain"])
def test_every_help_has_examples_and_exit_codes(command: str) -> None:
    """Each --help shows an example invocation and the exit codes."""
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:\n" in result.stdout
    assert f"  feasibility {command} " in result.stdout
    assert "Exit status: 0 " in result.stdout
    assert " 2 bad usage or invalid input" in result.stdout


@pytest.mark.parametrize("command", ["rules", "schema", "licenses", "models"])
def test_a_broken_overlay_is_reported_by_every_command(command: str, tmp_path: Path) -> None:
    """--catalog is validated even where the output does not depend on it (exit 2, the line)."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("models:\n  - id: x\n", encoding="utf-8")
    result = run(command, "--catalog", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {bad}: ")
    assert "models[0]" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["models", "--language", "ko"],
        ["devices", "--os", "ios"],
        ["runtimes"],
        ["quants"],
        ["licenses"],
        ["rules"],
        ["schema"],
        ["estimate", "--model", "gemma-3-1b-it", "--quant", "Q8_0"],
        ["check", SEED, "--format", "json"],
        ["import-model", str(ACME)],
    ],
    ids=lambda a: a[0],
)
def test_output_file_holds_what_stdout_would(args: list[str], tmp_path: Path) -> None:
    """-o FILE writes exactly the bytes stdout would get, and nothing goes to stdout."""
    plain = run(*args)
    out = tmp_path / "out.txt"
    to_file = run(*args, "-o", str(out))
    assert plain.exit_code == to_file.exit_code == 0
    assert to_file.stdout == ""
    assert out.read_text(encoding="utf-8") == plain.stdout


# ------------------------------------------------------------------ filters


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["devices", "--os", "andriod"],
            "Error: unknown value 'andriod' for --os; did you mean 'android'? "
            "(valid: android, ios, ipados, linux, macos, windows)\n",
        ),
        (
            ["runtimes", "--os", "mac"],
            "Error: unknown value 'mac' for --os; did you mean 'macos'? "
            "(valid: android, ios, ipados, linux, macos, windows)\n",
        ),
        (
            ["devices", "--kind", "phon"],
            "Error: unknown value 'phon' for --kind; did you mean 'phone'? "
            "(valid: desktop, devkit, laptop, phone, reference, sbc, tablet)\n",
        ),
        (
            ["models", "--language", "koreen"],
            "Error: unknown value 'koreen' for --language; did you mean 'ko'? (valid: ar, bn, "
            "cs, da, de, el, en, es, fa, fi, fr, he, hi, hu, id, it, ja, ko, ms, nl, no, pl, pt, "
            "ro, ru, sv, sw, th, tl, tr, uk, ur, vi, zh)\n",
        ),
        (
            ["quants", "--format-name", "ggfu"],
            "Error: unknown value 'ggfu' for --format-name; did you mean 'gguf'? (valid: awq, "
            "coreml, gguf, gptq, litertlm, mlc, mlx, onnx, openvino, pte, qnn)\n",
        ),
    ],
)
def test_filters_reject_unknown_values_with_a_suggestion(args: list[str], message: str) -> None:
    """A misspelt filter value is exit 2 with the nearest valid value, not an empty list."""
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == message


@pytest.mark.parametrize(
    ("loose", "exact"),
    [
        (["devices", "--os", "Android"], ["devices", "--os", "android"]),
        (["models", "--language", "korean"], ["models", "--language", "ko"]),
        (["models", "--language", "KO"], ["models", "--language", "ko"]),
        (["quants", "--format-name", "GGUF"], ["quants", "--format-name", "gguf"]),
        (["devices", "--kind", "SBC"], ["devices", "--kind", "sbc"]),
    ],
)
def test_filters_accept_any_case_and_language_names(loose: list[str], exact: list[str]) -> None:
    """Filter values match case-insensitively; a language may be given by its English name."""
    a, b = run(*loose, "--format", "json"), run(*exact, "--format", "json")
    assert a.exit_code == b.exit_code == 0
    assert a.stdout == b.stdout
    assert json.loads(a.stdout)


# ------------------------------------------------------------------ JSON errors


def test_json_error_for_a_bad_filter() -> None:
    """With --format json an error is one JSON object on stderr."""
    result = run("devices", "--os", "andriod", "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert json.loads(result.stderr) == {
        "error": "unknown value 'andriod' for --os; did you mean 'android'? "
        "(valid: android, ios, ipados, linux, macos, windows)",
        "problems": [],
    }


def test_json_error_names_every_problem_with_path_and_line(tmp_path: Path) -> None:
    """An invalid device.yaml gives the file, and per problem its field path and line."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("targets:\n  - preset: iphone15pro\n", encoding="utf-8")
    result = run("check", str(bad), "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert json.loads(result.stderr) == {
        "error": f"{bad}: is not valid",
        "problems": [
            {
                "column": 5,
                "line": 2,
                "message": "unknown device preset 'iphone15pro'; did you mean 'iphone-15-pro'? "
                "(list them with 'feasibility devices')",
                "path": "targets[0].preset",
            }
        ],
    }


def test_json_error_for_a_usage_error() -> None:
    """Errors click finds while parsing the command line are JSON too."""
    result = run("models", "--max-params", "abc", "--format", "json")
    assert result.exit_code == 2
    assert json.loads(result.stderr) == {
        "error": "Invalid value for '--max-params': 'abc' is not a valid float.",
        "problems": [],
    }


def test_text_errors_stay_text() -> None:
    """Without --format json, errors keep the 'Error: ...' line."""
    result = run("models", "--max-params", "abc")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Invalid value for '--max-params': 'abc' is not a valid float.\n"
    )


# ------------------------------------------------------------------ check --detail


def test_check_json_detail_summary_is_the_default_and_full_adds_rejected() -> None:
    """summary (default) leaves out only 'rejected'; full is the renderer's whole document."""
    summary = run("check", SEED, "--format", "json")
    explicit = run("check", SEED, "--format", "json", "--detail", "summary")
    full = run("check", SEED, "--format", "json", "--detail", "full")
    assert summary.stdout == explicit.stdout
    doc, whole = json.loads(summary.stdout), json.loads(full.stdout)
    assert set(whole) - set(doc) == {"rejected"}
    counts = sum(whole["rejection_counts"].values()) + whole["feasible_combinations"]
    assert whole["rejected"] and counts == whole["candidates_evaluated"]
    assert {k: v for k, v in whole.items() if k != "rejected"} == doc
    assert len(summary.stdout) * 4 < len(full.stdout)


def test_detail_needs_json() -> None:
    """--detail with another format is a usage error."""
    result = run("check", SEED, "--detail", "full")
    assert result.exit_code == 2
    assert result.stderr == "Error: --detail applies to --format json only\n"


# ------------------------------------------------------------------ licenses, import-model


def test_licenses_lists_the_catalog_ids() -> None:
    """licenses shows every licence id with its commercial status; JSON has every field."""
    from feasibility.catalog import load_catalog

    cat = load_catalog()
    table = run("licenses")
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["id", "name", "commercial", "url"]
    assert [line.split()[0] for line in lines[2:]] == list(cat.licenses)
    doc = json.loads(run("licenses", "--format", "json").stdout)
    assert doc == [lic.model_dump(mode="json") for lic in cat.licenses.values()]


def test_import_model_license_is_checked_with_a_suggestion() -> None:
    """An unknown --license is exit 2 with the nearest catalog id."""
    result = run("import-model", str(ACME), "--license", "apache2")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --license: unknown licence id 'apache2'; did you mean 'apache-2.0'? "
        "(list them with 'feasibility licenses'; a new licence needs a 'licenses:' entry in a "
        "--catalog overlay)\n"
    )


def test_import_model_license_may_come_from_an_overlay(tmp_path: Path) -> None:
    """--catalog adds licences that --license may then name."""
    overlay = tmp_path / "lic.yaml"
    overlay.write_text(
        "licenses:\n  - id: acme-license\n    name: Acme\n    commercial: conditional\n"
        "    url: https://example.com/license\n",
        encoding="utf-8",
    )
    result = run("import-model", str(ACME), "--license", "acme-license", "--catalog", str(overlay))
    assert result.exit_code == 0, result.stderr
    assert "    license: acme-license\n" in result.stdout


def _config_without_name(folder: Path, name: str) -> Path:
    cfg = json.loads(ACME.read_text(encoding="utf-8"))
    del cfg["_name_or_path"]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(cfg), encoding="utf-8")
    return path


def test_import_model_id_comes_from_the_file_not_its_folder(tmp_path: Path) -> None:
    """Without --id: the name the file records, else the file's own name, never the folder's."""
    named = tmp_path / "configs" / "acme.json"
    named.parent.mkdir()
    shutil.copyfile(ACME, named)
    assert "  - id: acme-tiny-1b-instruct\n" in run("import-model", str(named)).stdout
    bare = _config_without_name(tmp_path / "configs", "acme-tiny-1b.json")
    assert "  - id: acme-tiny-1b\n" in run("import-model", str(bare)).stdout


def test_import_model_config_json_without_a_name_needs_an_id(tmp_path: Path) -> None:
    """A config.json that records no name cannot name the model: exit 2 asking for --id."""
    bare = _config_without_name(tmp_path / "Some-Folder", "config.json")
    result = run("import-model", str(bare.parent))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {bare}: records no model name (no _name_or_path): give the id with --id "
        "(or --hf-repo)\n"
    )
    assert "  - id: mine\n" in run("import-model", str(bare), "--id", "mine").stdout


def test_import_model_json_is_the_yaml_entry() -> None:
    """--format json gives the same overlay as YAML, as one JSON object."""
    from feasibility.loader import parse_yaml

    as_yaml = run("import-model", str(ACME), "--license", "apache-2.0").stdout
    as_json = run("import-model", str(ACME), "--license", "apache-2.0", "--format", "json").stdout
    assert json.loads(as_json) == parse_yaml(as_yaml).data


# ------------------------------------------------------------------ schema, estimate


def test_schema_accepts_a_single_target_mapping() -> None:
    """The schema allows 'targets', or a single 'target', exactly one of them."""
    doc = json.loads(run("schema").stdout)
    assert "required" not in doc
    assert doc["oneOf"] == [
        {"required": ["targets"]},
        {"required": ["target"]},
        {"required": ["device"]},
    ]
    assert doc["properties"]["target"]["$ref"] == "#/$defs/TargetSpec"
    assert doc["properties"]["targets"]["items"] == {"$ref": "#/$defs/TargetSpec"}
    assert doc["additionalProperties"] is False


def test_schema_target_keys_are_those_the_loader_accepts() -> None:
    """Every way of naming targets the schema allows loads, and each is a TargetSpec."""
    from feasibility.api import load_spec

    for key in ("targets", "target", "device"):
        value = [{"preset": "iphone-15-pro"}] if key == "targets" else {"preset": "iphone-15-pro"}
        spec, _ = load_spec({key: value})
        assert [t.preset for t in spec.targets] == ["iphone-15-pro"]


def _row(text: str, name: str) -> list[str]:
    (line,) = [ln for ln in text.splitlines() if ln.startswith(name + "  ")]
    return line[len(name) :].split()


def test_estimate_table_shows_backend_budget_and_headroom(tmp_path: Path) -> None:
    """With --device: the budget check would use, the headroom left, and the backend."""
    from feasibility.api import check
    from feasibility.units import MIB, fmt_int

    args = ["estimate", "--model", "gemma-3-1b-it", "--quant", "Q8_0", "--device", "iphone-15-pro"]
    table = run(*args)
    data = json.loads(run(*args, "--format", "json").stdout)
    assert table.exit_code == 0
    budget_mb = check({"target": {"preset": "iphone-15-pro"}}).targets[0].budget_mb
    budget = budget_mb * MIB
    headroom = budget - data["total_bytes"]
    assert headroom > 0
    assert _row(table.stdout, "budget") == [fmt_int(budget / MIB), "MB", fmt_int(budget), "B"]
    assert _row(table.stdout, "headroom") == [
        fmt_int(headroom / MIB),
        "MB",
        fmt_int(headroom),
        "B",
    ]
    assert _row(table.stdout, "backend") == [data["backend"]] == ["cpu"]
    assert "\nBudget: planning default: 45% of 8 GB RAM (" in table.stdout


def test_estimate_over_budget_says_so(tmp_path: Path) -> None:
    """A device file's own budget is used; going over it is shown as such."""
    device = tmp_path / "d.yaml"
    device.write_text(
        "target: {preset: iphone-15-pro}\nconstraints: {memory_budget_mb: 1000}\n", encoding="utf-8"
    )
    table = run("estimate", "--model", "gemma-3-1b-it", "--quant", "Q8_0", "--device", str(device))
    assert table.exit_code == 0, table.stderr
    assert _row(table.stdout, "budget")[:2] == ["1,000", "MB"]
    assert _row(table.stdout, "over budget by")[1] == "MB"
    assert "\nBudget: set in the device file.\n" in table.stdout


def test_estimate_without_device_has_no_budget() -> None:
    """No device: no budget rows, and the backend is not known."""
    table = run("estimate", "--model", "gemma-3-1b-it", "--quant", "Q8_0").stdout
    assert "budget" not in table and "headroom" not in table
    assert _row(table, "backend") == ["n/a"]


def test_estimate_chip_preset_says_why_no_budget() -> None:
    """A chip reference preset has no RAM size, so no budget; the table says why."""
    args = ["estimate", "--model", "gemma-3-1b-it", "--quant", "Q8_0"]
    table = run(*args, "--device", "snapdragon-8-elite-ref").stdout
    assert "\nBudget: unknown: snapdragon-8-elite-ref is a chip reference platform" in table
    assert not [ln for ln in table.splitlines() if ln.startswith("headroom")]


def test_a_crash_is_exit_1_and_json_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug is exit 1 (never 2 or 3), with a JSON error under --format json."""
    import feasibility.api

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(feasibility.api, "check", boom)
    as_json = run("check", SEED, "--format", "json")
    assert as_json.exit_code == 1
    assert json.loads(as_json.stderr) == {
        "error": "internal error: RuntimeError: boom",
        "problems": [],
    }
    as_text = run("check", SEED)
    assert as_text.exit_code == 1
    assert as_text.stderr == (
        "Internal error: RuntimeError: boom\n"
        "This is a bug in feasibility; rerun with --debug for the traceback.\n"
    )
