"""How fast is `feasibility check`, measured against the imports it cannot avoid.

The figure that matters is a ratio: the wall-clock time of a whole `feasibility check` process
(interpreter start, imports, catalog load, evaluation, rendering) divided by that of a bare
``python -c "import pydantic, yaml, click, tabulate"`` on the same machine in the same run. A ratio
is stable on a shared or slow machine where seconds are not. The two commands are run interleaved
(A B A B ...) so that a burst of load elsewhere hits both alike, and the medians are compared.
Target: at most 2.5x with a warm cache.

On a shared machine the wall-clock ratio moves with the load of other processes; the ratio of CPU
time (user + system of the child process, from ``getrusage``) moves much less, so both are
printed, with the load average at the time.

Two cache states: warm (the user's cache folder, filled by a first run: the usual case) and cold
(an empty cache folder per run: the first run on a new machine). The in-process library call with
the catalog already loaded is printed too (what a library user pays per call).

Bytecode: the package's modules are compiled once before timing (``compileall``), as an install
does. Without it, an environment with ``PYTHONDONTWRITEBYTECODE`` set compiles every module of
the package on every run (about 0.25 s here), while the baseline's libraries come compiled.

Usage: python benchmarks/speed.py [DEVICE_YAML ...] [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "examples" / "seed-scenario.yaml"]
BASELINE = [sys.executable, "-c", "import pydantic, yaml, click, tabulate"]
TARGET = 2.5


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _time(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one process."""
    t, c = time.perf_counter(), _cpu()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t, _cpu() - c


def _check(path: Path) -> list[str]:
    return [sys.executable, "-m", "feasibility", "check", str(path)]


def interleaved(path: Path, runs: int, cold: bool) -> tuple[tuple[float, float], ...]:
    """Median (wall, CPU) seconds of the baseline and of check over ``runs`` interleaved pairs."""
    base: list[tuple[float, float]] = []
    check: list[tuple[float, float]] = []
    for _ in range(runs):
        base.append(_time(BASELINE))
        if cold:
            with tempfile.TemporaryDirectory() as empty:
                check.append(_time(_check(path), {**os.environ, "FEASIBILITY_CACHE_DIR": empty}))
        else:
            check.append(_time(_check(path)))
    return tuple(
        (statistics.median(x[0] for x in xs), statistics.median(x[1] for x in xs))
        for xs in (base, check)
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=11)
    args = ap.parse_args()

    import feasibility
    from feasibility.catalog import load_catalog

    compileall.compile_dir(str(ROOT / "feasibility"), quiet=1)

    cat = load_catalog()
    for f in args.files:
        _time(_check(f))  # fill the cache for the warm runs
        for state, cold in (("warm", False), ("cold", True)):
            (base, base_cpu), (check, check_cpu) = interleaved(f, args.runs, cold)
            ratio = check / base
            verdict = "meets" if ratio <= TARGET else "misses"
            print(
                f"{f.name} ({state} cache): check {check * 1000:.0f} ms, bare imports "
                f"{base * 1000:.0f} ms, ratio {ratio:.2f}x ({verdict} the {TARGET}x target; "
                f"medians of {args.runs} interleaved runs); CPU time {check_cpu * 1000:.0f} ms "
                f"vs {base_cpu * 1000:.0f} ms, ratio {check_cpu / base_cpu:.2f}x; "
                f"load average {os.getloadavg()[0]:.1f}"
            )
        lib: list[float] = []
        for _ in range(args.runs):
            t = time.perf_counter()
            feasibility.check(f, catalog=cat)
            lib.append(time.perf_counter() - t)
        lib_ms = statistics.median(lib) * 1000
        print(f"{f.name}: library check with the catalog loaded {lib_ms:.0f} ms")


if __name__ == "__main__":
    main()
