"""The README's python examples run as written (from the repository root)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def python_block(section: str) -> str:
    """The first fenced ```python block of a '## section' of the README."""
    m = re.search(rf"^## {re.escape(section)}\n(.*?)(?=^## |\Z)", README, re.S | re.M)
    assert m, f"README has no '## {section}' section"
    block = re.search(r"^```python\n(.*?)^```", m.group(1), re.S | re.M)
    assert block, f"'## {section}' has no python example"
    return block.group(1)


@pytest.mark.parametrize(
    "section",
    ["Library", "Screening a fleet", "Bring your own model", "Explaining one model"],
)
def test_readme_python_example_runs(
    section: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    code = python_block(section)
    exec(compile(code, f"README.md ## {section}", "exec"), {"__name__": "__readme__"})
    assert capsys.readouterr().out.strip(), "the example should print something"
