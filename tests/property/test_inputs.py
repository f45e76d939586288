"""Property: whatever the file says, the CLI ends with 0, 2 or 3 and never a traceback."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import corrupted_text, dump, mutated_documents, raw_text, structures

from feasibility.cli import cli

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
FORMATS = st.sampled_from(["json", "table", "markdown"])


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as d:
        yield Path(d)


def _run(workdir: Path, content: str | bytes, fmt: str = "json") -> None:
    f = workdir / "device.yaml"
    if isinstance(content, str):
        f.write_text(content, encoding="utf-8")
    else:
        f.write_bytes(content)
    result = CliRunner().invoke(cli, ["check", str(f), "--format", fmt])
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 2, 3), (result.exit_code, result.output, content)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    if result.exit_code == 2:
        assert "device.yaml" in result.output


@settings(SETTINGS, max_examples=40)
@given(doc=structures())
def test_generated_yaml_documents(workdir: Path, doc: Any) -> None:
    _run(workdir, dump(doc))


@SETTINGS
@given(doc=mutated_documents(), fmt=FORMATS)
def test_mutated_device_files(workdir: Path, doc: Any, fmt: str) -> None:
    _run(workdir, dump(doc), fmt)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.one_of(corrupted_text(), raw_text))
def test_corrupted_and_random_text(workdir: Path, text: str) -> None:
    _run(workdir, text)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=64))
def test_random_bytes(workdir: Path, data: bytes) -> None:
    _run(workdir, data)
