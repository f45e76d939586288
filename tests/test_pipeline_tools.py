"""Each flag a pipeline passes to a pip-installable tool appears in that tool's own --help.

Slow: a check runs only where its tool is installed, or where its pinned wheel can be downloaded.
- mlx-lm (with MLX's CPU build on Linux) and onnxruntime-genai are in the test extra. ONNX Runtime
  GenAI's model builder imports PyTorch, onnx_ir and transformers before it builds its parser, so
  ``help_without_imports.py`` answers those imports with inert stand-ins and prints the pinned
  builder's own help (about 140 MB and under a minute to install, no PyTorch).
- ``optimum-cli export openvino`` (optimum-intel) and ``optimum-cli export executorch``
  (optimum-executorch) build their options in one function of one command file
  (``parse_args_openvino``, ``parse_args_executorch``); installing either pulls PyTorch, and
  ``optimum-cli`` loads every exporter of every backend before parsing. So the test downloads the
  wheel of the version the pipeline pins (``pip download --no-deps``, well under 1 MB), and
  ``help_without_imports.py --parser`` runs that file's parser function with every import outside
  the standard library stood in: the options checked are the tool's own ``add_argument`` calls.
  Without network access the check is skipped with the reason.
- qai-hub-models builds its export parser from several modules that use PyTorch and NumPy at import
  time; "qai-hub-models[llama-v3-2-3b-instruct]==0.46.1" asks for torch<2.9, so pip downloads a
  CUDA build of PyTorch 2.8 (about 13 minutes on a 2-core Linux machine, the environment grows to
  6.6 GB); its export --help then runs. It stays out of the extra and is skipped with the reason:
  install it in a separate environment and run ``pytest -m slow tests/test_pipeline_tools.py``.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import NamedTuple

import pytest
from pipeline_scripts import all_steps

pytestmark = pytest.mark.slow

# tool id -> (modules its --help needs, command that prints its help, call pattern)
TOOLS: dict[str, tuple[str, list[str], str]] = {
    "mlx_lm.convert": (
        "mlx.core",
        [sys.executable, "-m", "mlx_lm.convert", "--help"],
        r"mlx_lm\.convert ",
    ),
    "mlx_lm.generate": (
        "mlx.core",
        [sys.executable, "-m", "mlx_lm.generate", "--help"],
        r"mlx_lm\.generate ",
    ),
    "onnxruntime_genai.models.builder": (
        "onnxruntime_genai",
        [
            sys.executable,
            str(Path(__file__).with_name("help_without_imports.py")),
            "onnxruntime_genai.models.builder",
            "torch,onnx_ir,builders,transformers",
            "--help",
        ],
        r"onnxruntime_genai\.models\.builder ",
    ),
    "qai_hub_models export": (
        "qai_hub_models.models.llama_v3_2_3b_instruct",
        [sys.executable, "-m", "qai_hub_models.models.llama_v3_2_3b_instruct.export", "--help"],
        r"qai_hub_models\.models\.[a-z0-9_]+\.export ",
    ),
}
_FLAG = re.compile(r"(?:^|\s)(--?[A-Za-z][A-Za-z0-9_-]*)")
_OPTION = re.compile(r"--extra_options\s+((?:[a-z_]+=\S+\s*)+)")


def _used(pattern: str) -> tuple[set[str], set[str]]:
    """Flags (and builder extra options) the rendered pipelines pass to one tool."""
    flags: set[str] = set()
    options: set[str] = set()
    for rendered in all_steps().values():
        for step in rendered:
            for call in re.split(r"&&|\|\||;", step.command):
                match = re.search(pattern + r"(.*)", call)
                if match is None:
                    continue
                args = match.group(1).split("#", 1)[0]
                flags |= set(_FLAG.findall(args))
                for group in _OPTION.findall(args):
                    options |= {kv.split("=", 1)[0] for kv in group.split()}
    return flags, options


def _documented(name: str, help_text: str) -> bool:
    """The flag or option appears as a whole word (``-c`` is not found inside ``--cache_dir``, nor
    ``block_size`` inside ``qmoe_block_size``)."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", help_text) is not None


def test_a_flag_counts_only_as_a_whole_word() -> None:
    text = "-c CACHE_DIR, --cache_dir CACHE_DIR\n qmoe_block_size = 32\n --extra_options KEY=VALUE"
    assert _documented("-c", text) and _documented("--cache_dir", text)
    assert not _documented("block_size", text)
    assert not _documented("--cache", text)
    assert not _documented("-e", "--extra_options")


def _installed(modules: str) -> bool:
    try:
        return all(importlib.util.find_spec(m) is not None for m in modules.split(","))
    except ModuleNotFoundError:
        return False


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_flags_appear_in_the_tools_help(tool: str) -> None:
    """Every flag the pipelines use is one the pinned tool documents."""
    module, command, pattern = TOOLS[tool]
    if not _installed(module):
        pytest.skip(
            f"{tool}: {module} is not importable here (the test extra installs mlx-lm and"
            " onnxruntime-genai; the other tools need PyTorch and stay out of it)"
        )
    if command[0] != sys.executable and shutil.which(command[0]) is None:
        pytest.skip(f"{tool}: {command[0]} is not on PATH")
    flags, options = _used(pattern)
    assert flags, f"no pipeline calls {tool}"
    out = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    help_text = out.stdout + out.stderr
    assert out.returncode == 0, help_text[-2000:]
    missing = sorted(f for f in flags | options if not _documented(f, help_text))
    assert not missing, f"{tool}: not in --help: {missing}"


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_every_checked_tool_is_called_by_a_pipeline(tool: str) -> None:
    """The call patterns above still match the pipelines (so the help checks check something)."""
    flags, _ = _used(TOOLS[tool][2])
    assert flags, tool


class Wheel(NamedTuple):
    """A tool checked from its pinned wheel: the pin in the pipelines, the file and function that
    build its parser, and the call pattern."""

    pin: str
    """Regex of the pipeline's install pin; group 1 is the version."""
    distribution: str
    file: str
    package: str
    function: str
    prog: str


WHEELS: dict[str, Wheel] = {
    "optimum-cli export openvino": Wheel(
        r"optimum-intel\[openvino\]==([\d.]+)",
        "optimum-intel",
        "optimum/commands/export/openvino.py",
        "optimum.commands.export",
        "parse_args_openvino",
        "optimum-cli export openvino",
    ),
    "optimum-cli export executorch": Wheel(
        r"optimum-executorch==([\d.]+)",
        "optimum-executorch",
        "optimum/commands/export/executorch.py",
        "optimum.commands.export",
        "parse_args_executorch",
        "optimum-cli export executorch",
    ),
}


def _pinned(pattern: str) -> str:
    """The one version of a tool the pipelines install."""
    found = {
        m.group(1)
        for rendered in all_steps().values()
        for step in rendered
        for m in re.finditer(pattern, step.command)
    }
    assert len(found) == 1, f"{pattern}: pinned versions {sorted(found)}"
    return found.pop()


@pytest.mark.parametrize("tool", sorted(WHEELS))
def test_flags_appear_in_the_pinned_wheels_parser(tool: str, tmp_path: Path) -> None:
    """Every flag the pipelines pass is one the pinned version's own parser defines."""
    w = WHEELS[tool]
    requirement = f"{w.distribution}=={_pinned(w.pin)}"
    got = subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", requirement, "-d", tmp_path],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    wheels = sorted(tmp_path.glob("*.whl"))
    if got.returncode != 0 or not wheels:
        pytest.skip(f"{requirement} could not be downloaded: {got.stderr.strip()[-300:]}")
    source = tmp_path / "parser.py"
    with zipfile.ZipFile(wheels[0]) as whl:
        source.write_bytes(whl.read(w.file))
    runner = Path(__file__).with_name("help_without_imports.py")
    out = subprocess.run(
        [sys.executable, runner, "--parser", source, w.package, w.function, w.prog],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert f"usage: {w.prog}" in out.stdout
    flags, options = _used(re.escape(w.prog) + " ")
    assert flags, f"no pipeline calls {tool}"
    missing = sorted(f for f in flags | options if not _documented(f, out.stdout))
    assert not missing, f"{tool} {requirement}: not in its parser: {missing}"
