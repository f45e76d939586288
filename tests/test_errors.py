"""Bad input never breaks it: exit 2, a message naming file, field, line and a fix; no traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import feasibility
from feasibility.cli import cli
from feasibility.errors import CatalogError, FeasibilityError, InputError

BAD = Path(__file__).resolve().parent / "data" / "bad"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    text = result.output
    assert "Traceback" not in text
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, text


# (fixture, field path or "", line or None, other fragments the message must contain)
CASES: list[tuple[str, str, int | None, tuple[str, ...]]] = [
    ("empty.yaml", "", None, ("empty",)),
    ("comments-only.yaml", "", None, ("empty",)),
    ("binary.yaml", "", None, ("binary",)),
    ("latin1.yaml", "", None, ("not UTF-8", "0xe9")),
    ("invalid-yaml.yaml", "", 4, ("not valid YAML", "column 8")),
    ("top-level-list.yaml", "", None, ("top level is a list", "mapping")),
    ("top-level-scalar.yaml", "", None, ("top level is a string", "mapping")),
    ("duplicate-key.yaml", "targets[0].preset", 3, ("duplicate key 'preset'", "line 2")),
    ("unknown-key.yaml", "targets[0].ram_g", 3, ("unknown key", "did you mean 'ram_gb'?")),
    ("wrong-type.yaml", "targets[1].ram_gb", 4, ("expected a number", "'lots'")),
    ("negative-size.yaml", "targets[1].ram_gb", 4, ("greater than 0", "-4")),
    ("zero-size.yaml", "targets[0].memory_bandwidth_gbs", 4, ("greater than 0",)),
    ("budget-above-ram.yaml", "constraints.memory_budget_mb", 4, ("more than", "RAM")),
    ("unknown-os.yaml", "targets[0].os", 2, ("did you mean 'android'?",)),
    (
        "unknown-preset.yaml",
        "targets[1].preset",
        3,
        ("unknown device preset 'iphone15pro'", "did you mean 'iphone-15-pro'?"),
    ),
    ("unknown-language.yaml", "service.languages[1]", 4, ("'kr'", "did you mean 'ko'?")),
    ("unknown-task.yaml", "service.tasks[0]", 4, ("did you mean 'summarization'?",)),
    ("unknown-license.yaml", "constraints.license", 4, ("did you mean 'commercial'?",)),
    ("context-out-of-range.yaml", "service.context_tokens", 4, ("at least 128", "64")),
    ("output-out-of-range.yaml", "service.output_tokens", 4, ("at most 32768",)),
    (
        "output-exceeds-context.yaml",
        "service.output_tokens",
        5,
        ("smaller than context_tokens (1024)", "2048"),
    ),
    ("no-targets.yaml", "targets", 1, ("at least one device",)),
    ("missing-targets.yaml", "targets", None, ("required", "preset")),
    ("python-tag.yaml", "targets", 1, ("!!python/object/apply", "not allowed")),
    ("alias-bomb.yaml", "", None, ("aliases", "refusing")),
]


@pytest.mark.parametrize(("name", "path", "line", "fragments"), CASES, ids=[c[0] for c in CASES])
def test_bad_device_file_exits_2_with_an_actionable_message(
    name: str, path: str, line: int | None, fragments: tuple[str, ...]
) -> None:
    code, out = run("check", str(BAD / name))
    assert code == 2, out
    assert out.startswith("Error: ")
    assert name in out
    if path:
        assert re.search(rf"(^|\s){re.escape(path)}( \(line|:)", out), out
    if line is not None:
        assert f"line {line}" in out, out
    for fragment in fragments:
        assert fragment in out, out


def test_debug_shows_the_exception_instead() -> None:
    result = CliRunner().invoke(cli, ["--debug", "check", str(BAD / "unknown-key.yaml")])
    assert isinstance(result.exception, InputError)


def test_missing_file(tmp_path: Path) -> None:
    code, out = run("check", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "nope.yaml" in out and "not found" in out


def test_directory(tmp_path: Path) -> None:
    code, out = run("check", str(tmp_path))
    assert code == 2
    assert str(tmp_path) in out and "directory" in out


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "locked.yaml"
    shutil.copy(EXAMPLES / "seed-scenario.yaml", f)

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    code, out = run("check", str(f))
    assert code == 2
    assert "locked.yaml" in out and "permission denied" in out


def test_file_above_one_mib(tmp_path: Path) -> None:
    f = tmp_path / "huge.yaml"
    f.write_text("# padding\n" * 110_000, encoding="utf-8")
    code, out = run("check", str(f))
    assert code == 2
    assert "huge.yaml" in out and "1 MiB" in out


def test_deep_nesting_fails_cleanly(tmp_path: Path) -> None:
    """libyaml's composer recurses per level: deep nesting must be refused before it."""
    f = tmp_path / "deep.yaml"
    f.write_text("targets: " + "[" * 200_000 + "]" * 200_000 + "\n", encoding="utf-8")
    code, out = run("check", str(f))
    assert code == 2
    assert "nesting" in out and "line 1" in out


def test_npu_required_without_npu_is_valid_input_where_nothing_fits() -> None:
    code, out = run("check", str(BAD / "npu-required-no-npu.yaml"), "--format", "json")
    assert code == 3
    assert "Error" not in out


CATALOG_CASES: list[tuple[str, str, int | None, tuple[str, ...]]] = [
    ("catalog-unknown-key.yaml", "models[0].bogus", 4, ("unknown key 'bogus'",)),
    ("catalog-negative.yaml", "devices[0].ram_gb", 7, ("greater than 0",)),
    (
        "catalog-broken-reference.yaml",
        "models[tiny-1b].license",
        10,
        ("unknown license 'apache2'", "did you mean 'apache-2.0'?"),
    ),
    ("catalog-invalid-yaml.yaml", "", 4, ("not valid YAML",)),
    ("empty.yaml", "", None, ("empty",)),
    ("alias-bomb.yaml", "", None, ("aliases",)),
    ("python-tag.yaml", "", 1, ("not allowed",)),
]


@pytest.mark.parametrize(
    ("name", "path", "line", "fragments"), CATALOG_CASES, ids=[c[0] for c in CATALOG_CASES]
)
def test_bad_catalog_overlay_exits_2(
    name: str, path: str, line: int | None, fragments: tuple[str, ...]
) -> None:
    code, out = run("check", str(EXAMPLES / "laptop.yaml"), "--catalog", str(BAD / name))
    assert code == 2, out
    assert name in out
    if path:
        assert path in out
    if line is not None:
        assert f"line {line}" in out, out
    for fragment in fragments:
        assert fragment in out, out


def test_missing_catalog_overlay(tmp_path: Path) -> None:
    code, out = run("check", str(EXAMPLES / "laptop.yaml"), "--catalog", str(tmp_path / "x.yaml"))
    assert code == 2
    assert "x.yaml" in out and "not found" in out


def test_catalog_device_file_mixup_is_explained() -> None:
    code, out = run("check", str(BAD / "catalog-unknown-key.yaml"))
    assert code == 2
    assert "--catalog" in out


# -- the library: one exception family ---------------------------------------------------


def test_exception_hierarchy() -> None:
    assert issubclass(InputError, FeasibilityError)
    assert issubclass(CatalogError, FeasibilityError)
    assert feasibility.FeasibilityError is FeasibilityError
    assert feasibility.InputError is InputError
    assert feasibility.CatalogError is CatalogError


def test_check_dict_raises_input_error_with_field_paths() -> None:
    spec = {
        "targets": [{"preset": "iphone-17-pro"}, {"os": "andriod", "ram_gb": -1}],
        "service": {"languages": ["kr"], "context_tokens": 1024, "output_tokens": 4096},
    }
    with pytest.raises(InputError) as info:
        feasibility.check(spec)
    err = info.value
    assert err.source == "<dict>"
    assert set(err.field_paths) >= {
        "targets[1].os",
        "targets[1].ram_gb",
        "service.languages[0]",
    }
    assert "did you mean 'ko'?" in str(err)


def test_check_dict_unknown_preset() -> None:
    with pytest.raises(InputError) as info:
        feasibility.check({"targets": [{"preset": "iphone15pro"}]})
    assert info.value.field_paths == ("targets[0].preset",)
    assert "did you mean 'iphone-15-pro'?" in str(info.value)


def test_check_path_raises_input_error_with_paths_and_lines() -> None:
    with pytest.raises(InputError) as info:
        feasibility.check(BAD / "wrong-type.yaml")
    err = info.value
    assert err.field_paths == ("targets[1].ram_gb",)
    assert err.lines == (4,)
    assert err.problems[0].column == 5
    assert err.source.endswith("wrong-type.yaml")


def test_check_path_post_validation_errors_carry_lines() -> None:
    with pytest.raises(InputError) as info:
        feasibility.check(str(BAD / "unknown-preset.yaml"))
    assert info.value.field_paths == ("targets[1].preset",)
    assert info.value.lines == (3,)
    assert info.value.source == str(BAD / "unknown-preset.yaml")


def test_check_missing_path_raises_input_error() -> None:
    with pytest.raises(InputError, match="not found"):
        feasibility.check(str(BAD / "does-not-exist.yaml"))


def test_catalog_overlay_raises_catalog_error() -> None:
    with pytest.raises(CatalogError) as info:
        feasibility.load_catalog(str(BAD / "catalog-negative.yaml"))
    assert info.value.field_paths == ("devices[0].ram_gb",)
    assert info.value.lines == (7,)
