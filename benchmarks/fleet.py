"""Fleet screening speed: generate a seeded 100,000-row fleet and time ``screen`` on it.

    python benchmarks/fleet.py [--rows 100000] [--small 1000] [--jobs N] [--keep DIR] [--digest]

The fleet mixes catalog presets (80% of the rows) with explicit rows drawn from a small, realistic
set of device specs (what an analytics export of device models looks like: many rows, few distinct
specs) and a few bad rows (0.1%), each with a ``count`` of active users. The service is the
heaviest ordinary case: English only and no constraints, so every model stays in play. The target
is the whole fleet in under 5 seconds on a 2-core machine, through the CLI (CSV per-device output
included). Prints rows per second for the library call and for the CLI, and the ratio of the CLI
time to that of a 1,000-row fleet drawn the same way: the cost should grow with the distinct specs,
not with the rows, so the ratio should stay far below the ratio of the row counts.

``--digest`` prints a hash of every unique spec's picks, feasible set and ranked scores, and of the
coverage and best pair, and a hash of the CLI's per-device CSV (the bytes a user gets): a change
meant to make screening faster must leave both unchanged.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, NamedTuple

SERVICE = """\
service:
  tasks: [chat, summarization]
  languages: [en]
  context_tokens: 4096
  output_tokens: 256
constraints: {}
"""

EXPLICIT_SPECS = 40
"""Distinct explicit device specs in the fleet (rows repeat them)."""


def _explicit_specs(rng: random.Random) -> list[dict[str, str]]:
    rams = ["3", "4", "6", "8", "12", "16"]
    bandwidths = ["", "17", "25.6", "34.1", "51.2", "68.3", "77"]
    oses = ["android", "android", "ios", "linux", "windows"]
    accels = ["cpu;gpu", "cpu;gpu;npu", "cpu"]
    seen: set[tuple[str, ...]] = set()
    out = []
    while len(out) < EXPLICIT_SPECS:
        os_name = rng.choice(oses)
        acc = rng.choice(accels)
        npu = "npu" in acc and os_name == "android"
        vendor = rng.choice(["qualcomm", "mediatek"]) if npu else ""
        spec = (os_name, rng.choice(rams), rng.choice(bandwidths), acc, vendor)
        if spec in seen:
            continue
        seen.add(spec)
        out.append(
            dict(
                zip(
                    ("os", "ram_gb", "memory_bandwidth_gbs", "accelerators", "npu_vendor"),
                    spec,
                    strict=True,
                )
            )
        )
    return out


def generate(path: Path, rows: int, seed: int = 7) -> None:
    from feasibility.catalog import load_catalog

    rng = random.Random(seed)
    devices = load_catalog().devices
    presets = sorted(d for d in devices if devices[d].ram_gb is not None)
    # Chip reference presets need a RAM size: rows use them with the RAM of a typical phone.
    chips = sorted(d for d in devices if devices[d].ram_gb is None)
    explicit = _explicit_specs(rng)
    cols = [
        "name",
        "preset",
        "os",
        "ram_gb",
        "memory_bandwidth_gbs",
        "accelerators",
        "npu_vendor",
        "count",
    ]
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols)
        w.writeheader()
        for i in range(rows):
            r = rng.random()
            count = str(rng.randint(1, 5000))
            if r < 0.001:
                w.writerow({"name": f"bad-{i}", "os": "android", "ram_gb": "-1", "count": count})
            elif r < 0.8:
                p = rng.choice(presets)
                w.writerow({"name": f"{p}-{i % 97}", "preset": p, "count": count})
            elif r < 0.82 and chips:
                p = rng.choice(chips)
                ram = rng.choice(["8", "12", "16"])
                w.writerow({"name": f"{p}-{ram}", "preset": p, "ram_gb": ram, "count": count})
            else:
                spec = rng.choice(explicit)
                w.writerow({"name": f"model-{i % 1013}", **spec, "count": count})


def digest(result: Any) -> str:
    """A hash of the screening's answers (see the module docstring)."""
    h = hashlib.sha256()
    for g in result.groups:
        r = g.result
        if r is None:
            h.update(repr((g.label, None)).encode())
            continue
        answers = (r.picks, sorted(r.feasible), sorted(r.ranked.items()))
        h.update(repr((g.label, *answers, sorted(r.model_scores.items()))).encode())
    h.update(repr((result.coverage, result.models, result.best_pair)).encode())
    h.update(repr(result.uncovered_weight).encode())
    return h.hexdigest()


class Run(NamedTuple):
    """One ``feasibility screen`` process."""

    wall_s: float
    cpu_s: float
    """User + system seconds of the process and its workers (``getrusage`` of the children):
    on a machine shared with other work the wall clock measures the others too; the CPU time
    over the cores is what the run would take on an idle machine, if its work spread evenly."""
    status: str


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _cli(fleet: Path, service: Path, out: Path, jobs: int | None) -> Run:
    """One ``feasibility screen`` process (CSV per device): its times and status."""
    cmd = [
        sys.executable,
        "-m",
        "feasibility",
        "screen",
        str(fleet),
        "--service",
        str(service),
        "--format",
        "csv",
        "-o",
        str(out),
    ]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    t0, c0 = time.perf_counter(), _children_cpu()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    dt, cpu = time.perf_counter() - t0, _children_cpu() - c0
    status = "ok" if proc.returncode == 0 else f"exit {proc.returncode}: {proc.stderr[-500:]}"
    return Run(dt, cpu, status)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--small", type=int, default=1_000, help="rows of the comparison run")
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    ap.add_argument("--keep", help="write the fleet and service files to this directory")
    ap.add_argument("--digest", action="store_true", help="print a hash of the answers")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(args.keep or tmp)
        d.mkdir(parents=True, exist_ok=True)
        service = d / "service.yaml"
        service.write_text(SERVICE, encoding="utf-8")
        fleets = {}
        for n in (args.small, args.rows):
            fleets[n] = d / f"fleet-{n}.csv"
            t0 = time.perf_counter()
            generate(fleets[n], n)
            print(f"generated {n:,} rows in {time.perf_counter() - t0:.2f} s")

        from feasibility.catalog import load_catalog
        from feasibility.fleet import load_service, screen

        t0 = time.perf_counter()
        result = screen(load_catalog(), fleets[args.rows], load_service(service), jobs=args.jobs)
        n_dev = sum(1 for _ in result.devices())
        dt = time.perf_counter() - t0
        print(
            f"library: {result.rows:,} rows ({len(result.groups)} unique specs, "
            f"{result.skipped_rows} skipped, {n_dev:,} device results) in {dt:.2f} s "
            f"= {result.rows / dt:,.0f} rows/s"
        )
        if args.digest:
            print(f"digest of the answers: {digest(result)}")
        pair = result.best_pair
        if pair is not None:
            print(f"best pair: {' + '.join(pair.models)} covers {pair.share:.1%} of the weight")

        # Each CLI run is a fresh process (the same warm disk cache), so neither run inherits the
        # other's in-memory caches; the ratio shows how cost grows with rows at similar specs.
        _cli(fleets[args.small], service, d / "warm.csv", args.jobs)  # fill the disk cache
        small = _cli(fleets[args.small], service, d / "small.csv", args.jobs)
        big = _cli(fleets[args.rows], service, d / "out.csv", args.jobs)
        cores = os.cpu_count() or 1
        for n, run in ((args.small, small), (args.rows, big)):
            print(
                f"cli (csv per device): {n:,} rows in {run.wall_s:.2f} s = "
                f"{n / run.wall_s:,.0f} rows/s; CPU time {run.cpu_s:.2f} s "
                f"({run.cpu_s / cores:.2f} s per core on {cores}) ({run.status})"
            )
        if args.digest:
            out_hash = hashlib.sha256((d / "out.csv").read_bytes()).hexdigest()
            print(f"digest of the per-device CSV: {out_hash}")
        verdict = "met" if big.wall_s < 5 else "missed"
        print(
            f"ratio: {args.rows:,} rows take {big.wall_s / small.wall_s:.2f}x the time of "
            f"{args.small:,} rows ({big.cpu_s / small.cpu_s:.2f}x the CPU time; "
            f"{args.rows // args.small}x the rows); target: {args.rows:,} "
            f"rows under 5 s on 2 cores ({verdict} on the wall clock; CPU time per core "
            f"{big.cpu_s / cores:.2f} s); load average {os.getloadavg()[0]:.1f} on {cores} cores"
        )


if __name__ == "__main__":
    main()
