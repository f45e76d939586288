"""How fast is `feasibility check`? Prints wall-clock figures; the target is well under 0.5 s.

Two figures: the whole CLI process (what a user or CI waits for: interpreter start, imports,
catalog load, evaluation, rendering), measured with fresh subprocesses, and the in-process
evaluation of an already-loaded catalog (what a library user pays per call).

Usage: python benchmarks/speed.py [DEVICE_YAML ...] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [
    ROOT / "examples" / n for n in ("seed-scenario.yaml", "raspberry-pi-5.yaml", "laptop.yaml")
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    import feasibility
    from feasibility.catalog import load_catalog

    cat = load_catalog()
    for f in args.files:
        cli: list[float] = []
        for _ in range(args.runs):
            t = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "feasibility", "check", str(f), "--format", "json"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
            cli.append(time.perf_counter() - t)
        lib: list[float] = []
        for _ in range(args.runs):
            t = time.perf_counter()
            feasibility.check(f, catalog=cat)
            lib.append(time.perf_counter() - t)
        print(
            f"{f.name:24s} CLI process median {statistics.median(cli):.3f} s "
            f"(min {min(cli):.3f})   library check median {statistics.median(lib):.3f} s"
        )


if __name__ == "__main__":
    main()
