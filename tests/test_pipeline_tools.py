"""Each flag a pipeline passes to a pip-installable tool appears in that tool's own --help.

Slow: a check runs only where its tool is installed. The test extra installs two tools, so CI
checks their pipelines:
- mlx-lm (with MLX's CPU build on Linux);
- onnxruntime-genai: its model builder imports PyTorch, onnx_ir and transformers before it builds
  its parser, so ``help_without_imports.py`` answers those imports with inert stand-ins and
  prints the pinned builder's own help (about 140 MB and under a minute to install, no PyTorch).
The others need PyTorch itself and take minutes to install, so they stay out of the extra and are
skipped with the reason; measured on a 2-core Linux machine with PyTorch 2.13.0's CPU wheel from
local disk (45 s, 0.9 GB): "optimum-intel[openvino]==1.25.2" with its guide's pins (nncf 2.18.0,
openvino 2025.4, transformers 4.51.3) installs in about 5 minutes and its ``optimum-cli export
openvino --help`` runs; "qai-hub-models[llama-v3-2-3b-instruct]==0.46.1" asks for torch<2.9, so
pip downloads a CUDA build of PyTorch 2.8 (about 13 minutes, the environment grows to 6.6 GB); its
export --help then runs. optimum-executorch==1.1.0 asks for executorch>=1.0, which asks for torch
2.9 (a CUDA build of several GB on Linux x86-64), and for transformers==5.0.0rc1. Install them in a
separate environment and run
``pytest -m slow tests/test_pipeline_tools.py`` to check them.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

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
    "optimum-cli export executorch": (
        "optimum.exporters.executorch",
        ["optimum-cli", "export", "executorch", "--help"],
        r"optimum-cli export executorch ",
    ),
    "optimum-cli export openvino": (
        "optimum.intel",
        ["optimum-cli", "export", "openvino", "--help"],
        r"optimum-cli export openvino ",
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
