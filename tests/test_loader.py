"""The safe loader: limits, tags, positions, alias bombs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from feasibility.errors import CatalogError, InputError, parse_path
from feasibility.loader import MAX_FILE_BYTES, format_path, load_yaml, parse_yaml

BAD = Path(__file__).resolve().parent / "data" / "bad"


def test_alias_bomb_fails_fast() -> None:
    start = time.perf_counter()
    with pytest.raises(InputError, match="aliases"):
        load_yaml(BAD / "alias-bomb.yaml")
    assert time.perf_counter() - start < 1.0


def test_merge_key_bomb_fails_fast() -> None:
    lines = ["a0: &a0 {x: 1}"]
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} {{<<: [{refs}], k{i}: {i}}}")
    start = time.perf_counter()
    with pytest.raises(InputError, match="aliases"):
        parse_yaml("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1.0


def test_recursive_alias_fails_cleanly() -> None:
    with pytest.raises(InputError, match="nesting deeper"):
        parse_yaml("a: &a [*a]\n")


@pytest.mark.parametrize(
    "text",
    [
        "x: !!python/object/apply:os.system ['true']\n",
        "x: !!python/name:os.system\n",
        "x: !custom 3\n",
        "x: !!set {a, b}\n",
        "x: !!binary aGVsbG8=\n",
    ],
)
def test_tags_are_refused(text: str) -> None:
    with pytest.raises(InputError, match=r"not allowed|unsupported"):
        parse_yaml(text)


def test_merge_keys_behave_like_yaml() -> None:
    doc = parse_yaml("base: &b {os: linux, ram_gb: 4}\nt:\n  <<: *b\n  ram_gb: 8\n")
    assert doc.data["t"] == {"os": "linux", "ram_gb": 8}


def test_positions_of_keys_and_items() -> None:
    doc = parse_yaml("targets:\n  - preset: a\n  - os: ios\n    ram_gb: 8\n")
    assert doc.position(("targets", 1, "ram_gb")) == (4, 5)
    assert doc.position("targets[1].ram_gb") == (4, 5)
    assert doc.position("targets[1].missing") == (3, 5)  # nearest ancestor
    assert doc.position(("nothing",)) is None


def test_positions_of_shorthand_target_and_catalog_ids() -> None:
    doc = parse_yaml("target:\n  preset: x\n")
    assert doc.position("targets[0].preset") == (2, 3)
    cat = parse_yaml("models:\n  - id: a\n  - id: b\n    license: zz\n")
    assert cat.position("models[b].license") == (4, 5)


def test_duplicate_keys_name_both_lines() -> None:
    with pytest.raises(InputError) as info:
        parse_yaml("a: 1\nb: 2\na: 3\n")
    assert info.value.lines == (3,)
    assert "first at line 1" in str(info.value)


def test_error_class_follows_the_caller(tmp_path: Path) -> None:
    f = tmp_path / "x.yaml"
    f.write_text("[1, 2\n", encoding="utf-8")
    with pytest.raises(CatalogError):
        load_yaml(f, error=CatalogError)


def test_size_limit_on_strings() -> None:
    with pytest.raises(InputError, match="1 MiB"):
        parse_yaml("x: '" + "a" * MAX_FILE_BYTES + "'\n")


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    f = tmp_path / "bom.yaml"
    f.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert load_yaml(f).data == {"a": 1}


def test_bad_timestamp_is_an_input_error() -> None:
    with pytest.raises(InputError, match="2024-13-45"):
        parse_yaml("x: 2024-13-45\n")


@pytest.mark.parametrize("path", ["targets[1].ram_gb", "service.languages[0]", "a", ""])
def test_path_round_trip(path: str) -> None:
    assert format_path(parse_path(path)) == path
