"""Each flag a pipeline passes to a pip-installable tool appears in that tool's own --help.

Slow: a check runs only where its tool is installed. The test extra installs mlx-lm (with MLX's
CPU build on Linux), so CI checks the MLX pipelines. The other tools' --help needs PyTorch (the
ONNX Runtime GenAI builder, optimum-executorch and optimum-intel import it; PyPI's Linux PyTorch
brings the CUDA libraries, gigabytes) or Qualcomm's model packages, so they stay out of the extra
and are skipped with the reason; install optimum-executorch==1.1.0,
"optimum-intel[openvino]==1.25.2", onnxruntime-genai==0.15.2 or
"qai-hub-models[llama-v3-2-3b-instruct]==0.46.1" and run ``pytest -m slow`` to check them.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys

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
        "onnxruntime_genai,torch,onnx_ir,transformers",
        [sys.executable, "-m", "onnxruntime_genai.models.builder", "--help"],
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
            f"{tool}: {module} is not importable here (the test extra installs mlx-lm only; the"
            " other tools need PyTorch or Qualcomm's packages and stay out of it)"
        )
    if command[0] != sys.executable and shutil.which(command[0]) is None:
        pytest.skip(f"{tool}: {command[0]} is not on PATH")
    flags, options = _used(pattern)
    assert flags, f"no pipeline calls {tool}"
    out = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    help_text = out.stdout + out.stderr
    assert out.returncode == 0, help_text[-2000:]
    missing = sorted(f for f in flags | options if f not in help_text)
    assert not missing, f"{tool}: not in --help: {missing}"


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_every_checked_tool_is_called_by_a_pipeline(tool: str) -> None:
    """The call patterns above still match the pipelines (so the help checks check something)."""
    flags, _ = _used(TOOLS[tool][2])
    assert flags, tool
