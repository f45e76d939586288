"""Same input and catalog -> byte-identical output, whatever the hash seed, locale or cwd."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-scenario.yaml"
OVERLAY_TEXT = """\
licenses:
  - id: zz-test-license
    name: Test licence
    commercial: conditional
    url: https://example.com/license
devices:
  - id: zz-test-phone
    name: Test phone
    vendor: acme
    kind: phone
    os: android
    ram_gb: 6
    memory_bandwidth_gbs: 34
    sources: [https://example.com/phone]
"""

FORMATS = ["json", "table"]
if importlib.util.find_spec("feasibility.report.markdown_report") is not None:
    FORMATS.append("markdown")

# (PYTHONHASHSEED, locale, run from the repository or from an empty directory)
VARIANTS = [
    ("0", "C.UTF-8", "repo"),
    ("1", "C", "tmp"),
    ("random", "de_DE.UTF-8", "tmp"),
]

# One process per variant runs the real CLI for every (input, format), writing with -o.
DRIVER = """
import sys
from feasibility.cli import cli
for spec in sys.argv[1:]:
    name, _, rest = spec.partition("=")
    fmt, _, args = rest.partition("=")
    try:
        code = cli.main(["check", *args.split("|"), "--format", fmt, "-o", name],
                        prog_name="feasibility", standalone_mode=False)
    except SystemExit as exc:
        code = exc.code
    if code not in (None, 0, 3):
        sys.exit(f"exit {code} for {spec}")
"""


def _env(hashseed: str, locale: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(PYTHONHASHSEED=hashseed, LC_ALL=locale, LANG=locale)
    return env


def test_output_is_byte_identical_across_hash_seeds_locales_and_cwd(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(OVERLAY_TEXT, encoding="utf-8")
    inputs = {"seed": [str(SEED)], "overlay": [str(SEED), "--catalog", str(overlay)]}
    procs = []
    for i, (hashseed, locale, where) in enumerate(VARIANTS):
        out = tmp_path / f"v{i}"
        out.mkdir()
        specs = [
            f"{out / f'{name}.{fmt}'}={fmt}={'|'.join(args)}"
            for name, args in inputs.items()
            for fmt in FORMATS
        ]
        cwd = ROOT if where == "repo" else out
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", DRIVER, *specs],
                cwd=cwd,
                env=_env(hashseed, locale),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        )
    for proc in procs:
        _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, stderr.decode("utf-8", "replace")
    for name in inputs:
        for fmt in FORMATS:
            blobs = [
                (tmp_path / f"v{i}" / f"{name}.{fmt}").read_bytes() for i in range(len(VARIANTS))
            ]
            assert blobs[0], f"{name}.{fmt}: empty output"
            for (hashseed, locale, where), blob in zip(VARIANTS, blobs, strict=True):
                assert blob == blobs[0], f"{name}.{fmt} differs under {hashseed}/{locale}/{where}"


def test_stdout_and_error_messages_are_deterministic(tmp_path: Path) -> None:
    """The stdout path (json) and stderr of an input error, under different hash seeds."""
    bad = ROOT / "tests" / "data" / "bad" / "unknown-language.yaml"
    procs = []
    for hashseed, locale, where in VARIANTS:
        cwd = ROOT if where == "repo" else tmp_path
        for args in (["check", str(bad)], ["models", "--format", "json"]):
            procs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "feasibility", *args],
                    cwd=cwd,
                    env=_env(hashseed, locale),
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                )
            )
    results = [(*p.communicate(timeout=60), p.returncode) for p in procs]
    errors, listings = results[0::2], results[1::2]
    assert all(code == 2 and b"did you mean 'ko'" in err for _, err, code in errors)
    assert len({err for _, err, _ in errors}) == 1
    assert all(code == 0 and out for out, _, code in listings)
    assert len({out for out, _, _ in listings}) == 1
