"""How fast is `feasibility check`? Prints wall-clock figures; the target is well under 0.5 s.

Three figures per example: the whole CLI process (what a user or CI waits for: interpreter start,
imports, catalog load, evaluation, rendering) once with an empty cache folder (the first run on a
new machine, which then stores the parsed catalog and the GGUF layout figures), then the median of
the runs that follow; and the in-process evaluation with the catalog already loaded (what a
library user pays per call).

Usage: python benchmarks/speed.py [DEVICE_YAML ...] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [
    ROOT / "examples" / n for n in ("seed-scenario.yaml", "raspberry-pi-5.yaml", "laptop.yaml")
]
COMMAND = [sys.executable, "-m", "feasibility", "check", "--format", "json"]


def _time_cli(path: Path, env: dict[str, str] | None = None) -> float:
    t = time.perf_counter()
    subprocess.run(
        [*COMMAND, str(path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    import feasibility
    from feasibility.catalog import load_catalog

    cat = load_catalog()
    for f in args.files:
        with tempfile.TemporaryDirectory() as empty:
            first = _time_cli(f, {**os.environ, "FEASIBILITY_CACHE_DIR": empty})
        _time_cli(f)  # make sure the user's cache holds this example's figures
        cli = [_time_cli(f) for _ in range(args.runs)]
        lib: list[float] = []
        for _ in range(args.runs):
            t = time.perf_counter()
            feasibility.check(f, catalog=cat)
            lib.append(time.perf_counter() - t)
        print(
            f"{f.name:22s} CLI first run {first:.3f} s, then median {statistics.median(cli):.3f} s"
            f" (min {min(cli):.3f});  library check median {statistics.median(lib):.3f} s"
        )


if __name__ == "__main__":
    main()
