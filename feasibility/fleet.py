"""Screen a whole fleet: which models run on how much of it, and which two cover the most.

A fleet file (CSV, JSON Lines or YAML) lists one device model per row: a catalog ``preset`` or
explicit fields (``os``, ``ram_gb``, ``memory_bandwidth_gbs``, ``accelerators``...), with an
optional ``count`` (active users on that device model, 1 when absent). Every row is checked the way
a device.yaml target is, against one service (``service:`` and ``constraints:``).

Why it is fast enough for 100,000 rows: fleets repeat a few hundred device specs at most, so the
file is read once into a :class:`~feasibility.fleet_file.FleetTable` that keeps each distinct spec
as written once and, per row, only its spec index, line, name and count. Each distinct spec is
validated once (rows that differ only in spaces, or in values that validate alike, share one
*effective spec*), each effective spec is evaluated once (in worker processes that are sent the
specs, never the rows), and the per-device output is written from text encoded once per spec.
Every spec is evaluated by the engine's own evaluator (``feasibility.evaluator``), whose caches
are shared across specs: model-level verdicts once per model, placements per placement inputs,
estimates per device speed inputs. The answers are exactly ``feasibility check``'s on each device
alone (``tests/test_evaluator.py`` checks this on random device sequences, serial and parallel).

Why the rows stay in memory rather than being read again for the per-device output: a row costs
about 24 bytes plus its name (fleets repeat names, and repeated names are stored once), a few MB
for 100,000 rows, and one pass over the file is cheaper than two.
"""

from __future__ import annotations

import math
import multiprocessing as mp
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from feasibility.catalog import Catalog
from feasibility.errors import FeasibilityError
from feasibility.evaluator import Evaluator, check_restrictions
from feasibility.fleet_file import (
    FORMATS,
    ROW_FIELDS,
    BadRow,
    FleetRow,
    FleetTable,
    fleet_format,
    freeze,
    read_fleet,
)
from feasibility.loader import load_yaml, problems_from, validate
from feasibility.ranking import FULL_BITS, low_bit, pick_two, rank
from feasibility.schema import Constraints, Service, Spec, Strict, TargetSpec
from feasibility.situation import Target

__all__ = [
    "FORMATS",
    "ROW_FIELDS",
    "BadRow",
    "Coverage",
    "DeviceResult",
    "FleetRow",
    "FleetTable",
    "Group",
    "Pair",
    "Pick",
    "Screener",
    "Screening",
    "ServiceFile",
    "SpecResult",
    "default_jobs",
    "fleet_format",
    "fmt_share",
    "load_service",
    "read_fleet",
    "screen",
]


T = TypeVar("T")


class ServiceFile(Strict):
    """SERVICE.yaml: a device.yaml without targets (the fleet file gives the devices)."""

    service: Service = Service()
    constraints: Constraints = Constraints()


def load_service(path: str | Path) -> ServiceFile:
    """Validate SERVICE.yaml. Raises InputError with the file, field and line."""
    return validate(load_yaml(path), ServiceFile, what="service file")


# ------------------------------------------------------------------------------------------
# Evaluation of one unique spec
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pick:
    """One recommendation for a device: the model's best (quantization, runtime) there."""

    model: str
    quantization: str
    runtime: str
    score: float


@dataclass(frozen=True, slots=True)
class SpecResult:
    picks: tuple[Pick, ...]
    feasible: frozenset[int]
    """Indices into :attr:`Screener.triples` of the triples feasible on this spec."""
    model_scores: Mapping[str, float]
    """Score of each ranked model's best build (for the pair tie-break)."""
    ranked: Mapping[int, float]
    """The feasible triples ``check`` ranks on this spec (the quality floor applied), with their
    scores: what coverage counts."""


class Screener:
    """Evaluates targets against one service with the engine's own evaluator and ranking.

    One :class:`~feasibility.evaluator.Evaluator` serves every spec of the fleet, so its caches
    (model-level verdicts, placements, estimates per device speed inputs) are shared across
    specs; a spec's answer is exactly what ``feasibility check`` gives for that device alone.
    """

    def __init__(
        self,
        catalog: Catalog,
        service: Service,
        constraints: Constraints,
        source: str = "<service>",
    ) -> None:
        check_restrictions(constraints, catalog, source)
        self.catalog = catalog
        self.evaluator = Evaluator(catalog, service, constraints)
        self.triples: list[tuple[str, str, str]] = [c.key for c in self.evaluator.candidates]

    def run(self, target: Target) -> SpecResult:
        """Feasible triples and the top two on one target (engine semantics): ranked by the
        order value (tier, then score) as ``check`` ranks, reported with the score ``check``
        shows (the order value of a build in a lower tier is negative; it is never shown)."""
        ev = self.evaluator
        scored = ev.scores(target)
        cands = ev.candidates
        kept = _above_floor(scored, cands)
        shown = {i: score for i, _, score in kept}
        ranked = rank([[(cands[i], order, i) for i, order, _ in kept]], ev.quality_term)
        picks = tuple(
            Pick(cands[i].model.id, cands[i].quant.id, cands[i].runtime.id, shown[i])
            for r in pick_two(ranked, self.catalog.models)
            for i in r.bests
        )
        feasible = frozenset(i for i, _, _ in scored)
        return SpecResult(picks, feasible, {r.model: shown[r.bests[0]] for r in ranked}, shown)


Scored = tuple[int, float, float]
"""(candidate index, order value, score) of a feasible build (``Evaluator.scores``)."""


def _above_floor(scored: list[Scored], cands: list[Any]) -> list[Scored]:
    """The feasible candidates ``check`` ranks on one target: builds under the quality floor are
    left out while some build of at least ``FULL_BITS`` fits (``ranking.quality_floor`` on a
    single target)."""
    if not any(cands[i].quant.weight_bits >= FULL_BITS for i, _, _ in scored):
        return scored
    return [x for x in scored if not low_bit(cands[x[0]])]


# ------------------------------------------------------------------------------------------
# The screening
# ------------------------------------------------------------------------------------------


@dataclass
class Group:
    """Rows sharing one effective spec."""

    spec: TargetSpec
    target: Target | None = None
    label: str = ""
    rows: int = 0
    weight: int = 0
    result: SpecResult | None = None


@dataclass(frozen=True, slots=True)
class Coverage:
    model: str
    quantization: str
    runtime: str
    weight: int
    share: float
    mean_score: float = 0.0
    """The build's score averaged over the weight it covers (its quality where it runs)."""


@dataclass(frozen=True, slots=True)
class Pair:
    models: tuple[str, ...]
    weight: int
    share: float
    mean_score: float


@dataclass(frozen=True, slots=True)
class DeviceResult:
    row: int
    name: str
    preset: str
    count: int
    picks: tuple[Pick, ...]


@dataclass
class Screening:
    """Everything ``feasibility screen`` reports; per-device rows come from :meth:`devices`."""

    path: str
    catalog_version: str
    rows: int = 0
    valid_rows: int = 0
    total_weight: int = 0
    problems: list[BadRow] = field(default_factory=list)
    """The skipped rows, in file order."""
    groups: list[Group] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    models: list[Coverage] = field(default_factory=list)
    """Per model (any quantization/runtime): share of the fleet it runs on."""
    best_pair: Pair | None = None
    uncovered_weight: int = 0
    """Weight of valid rows on which no model at all is feasible."""
    table: FleetTable = field(default_factory=FleetTable, repr=False)
    spec_groups: list[Group | None] = field(default_factory=list, repr=False)
    """Per distinct spec of :attr:`table`: its group, None when the spec is invalid."""

    @property
    def skipped_rows(self) -> int:
        return len(self.problems)

    def device_rows(self, part: Callable[[Group], T]) -> Iterator[tuple[int, str, int, T]]:
        """Each screened row in file order: its number, name, count and ``part`` of its group.

        Why ``part``: the per-device writers run this once per row; what a row shares with its
        group (preset, picks, their formatting) is computed once per group, here.
        """
        shared: dict[int, tuple[str, T]] = {}
        for g in self.groups:
            shared[id(g)] = (g.label, part(g))
        per_spec = [None if g is None else shared[id(g)] for g in self.spec_groups]
        rows = zip(self.table.spec_of, self.table.names, self.table.weights, strict=True)
        for i, (s, name, weight) in enumerate(rows, start=1):
            if s < 0 or isinstance(weight, str):
                continue
            hit = per_spec[s]
            if hit is not None:
                yield i, name or hit[0], weight, hit[1]

    def devices(self) -> Iterator[DeviceResult]:
        """Each screened row with its top two (file order)."""
        for row, name, count, (preset, picks) in self.device_rows(_preset_picks):
            yield DeviceResult(row, name, preset, count, picks)

    def summary(self) -> dict[str, Any]:
        return {
            "fleet": Path(self.path).name,
            "catalog_version": self.catalog_version,
            "rows": self.rows,
            "valid_rows": self.valid_rows,
            "skipped_rows": self.skipped_rows,
            "unique_specs": len(self.groups),
            "total_weight": self.total_weight,
            "uncovered_weight": self.uncovered_weight,
        }


def _preset_picks(g: Group) -> tuple[str, tuple[Pick, ...]]:
    assert g.result is not None
    return g.spec.preset or "", g.result.picks


def screen(
    catalog: Catalog,
    fleet: str | Path,
    service: ServiceFile,
    *,
    service_source: str = "<service>",
    progress: Callable[[int], Any] | None = None,
    on_groups: Callable[[int, int], None] | None = None,
    jobs: int | None = None,
) -> Screening:
    """Screen every row of ``fleet`` against ``service``; see the module docstring.

    ``on_groups(specs, rows)`` is called once the unique specs are known, then ``progress(1)``
    after each is evaluated (the CLI's progress bar). ``jobs`` worker processes evaluate the
    unique specs when there are many (None: one per available core; 1: in this process).

    Raises:
        InputError: the fleet or service file cannot be used at all (bad rows are not errors:
            they are listed in ``Screening.problems`` and skipped).
    """
    screener = Screener(catalog, service.service, service.constraints, service_source)
    table = read_fleet(fleet)
    out = Screening(path=str(fleet), catalog_version=catalog.version, table=table)
    verdicts = _classify(table.specs, out.groups, catalog, service, Path(fleet).name)
    out.spec_groups = [v if isinstance(v, Group) else None for v in verdicts]
    _tally(out, verdicts)
    if on_groups is not None:
        on_groups(len(out.groups), out.rows)
    for i, res in _run_all(screener, out.groups, jobs):
        out.groups[i].result = res
        if progress is not None:
            progress(1)
    _aggregate(out, screener)
    return out


def _tally(out: Screening, verdicts: list[Group | str]) -> None:
    """Rows and weight per group, and the skipped rows, in one pass over the rows in memory.

    A row is skipped for the first thing wrong with it: unreadable, then its spec, then its own
    name or count.
    """
    t = out.table
    problems = out.problems
    for i, (s, weight) in enumerate(zip(t.spec_of, t.weights, strict=True)):
        if s < 0:
            problems.append(t.bad_row(i, t.unreadable[i]))
            continue
        g = verdicts[s]
        if isinstance(g, str):
            problems.append(t.bad_row(i, g))
        elif isinstance(weight, str):
            problems.append(t.bad_row(i, weight))
        else:
            g.rows += 1
            g.weight += weight
    out.rows = len(t)
    out.valid_rows = sum(g.rows for g in out.groups)
    out.total_weight = sum(g.weight for g in out.groups)


_WORKER: Screener | None = None
PARALLEL_MIN_SPECS = 24
"""Below this many unique specs a process pool costs more than it saves."""


def _work(item: tuple[int, Target]) -> tuple[int, SpecResult]:
    assert _WORKER is not None
    return item[0], _WORKER.run(item[1])


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _run_all(
    screener: Screener, groups: list[Group], jobs: int | None
) -> Iterator[tuple[int, SpecResult]]:
    """Evaluate every group; in forked worker processes when there are many.

    Why fork: the workers inherit the loaded catalog and the warm caches instead of
    rebuilding them (spawn would re-import and re-load everything per worker). Each worker is
    sent the distinct specs only, never rows. Results come back in group order, so the output
    does not depend on scheduling.
    """
    global _WORKER
    items = [(i, g.target) for i, g in enumerate(groups) if g.target is not None]
    n = default_jobs() if jobs is None else jobs
    if n <= 1 or len(items) < PARALLEL_MIN_SPECS or "fork" not in mp.get_all_start_methods():
        for i, t in items:
            yield i, screener.run(t)
        return
    _WORKER = screener
    try:
        with mp.get_context("fork").Pool(min(n, len(items))) as pool:
            yield from pool.imap(_work, items, chunksize=2)
    finally:
        _WORKER = None


def _classify(
    specs: list[dict[str, Any]],
    groups: list[Group],
    catalog: Catalog,
    service: ServiceFile,
    source: str,
) -> list[Group | str]:
    """Validate each distinct spec once: its group (specs that resolve alike share one, in
    order of first use), or what is wrong with it."""
    from feasibility.targets import resolve

    by_spec: dict[Any, Group | str] = {}
    verdicts: list[Group | str] = []
    for data in specs:
        try:
            ts = FleetRow.model_validate(data).target_spec()
        except ValidationError as exc:
            verdicts.append("; ".join(p.format() for p in problems_from(exc, None, FleetRow)))
            continue
        skey = freeze(ts.model_dump(exclude={"name"}))
        hit = by_spec.get(skey)
        if hit is None:
            hit = by_spec[skey] = _group(ts, catalog, service, source, resolve)
            if isinstance(hit, Group):
                groups.append(hit)
        verdicts.append(hit)
    return verdicts


def _group(
    ts: TargetSpec, catalog: Catalog, service: ServiceFile, source: str, resolve: Any
) -> Group | str:
    """A new group for a valid spec, or why its preset or values cannot be used."""
    try:
        spec = Spec(targets=(ts,), service=service.service, constraints=service.constraints)
        target, rt = resolve(spec, catalog, source)[0]
    except ValidationError as exc:
        return "; ".join(p.format() for p in problems_from(exc, None, Spec))
    except FeasibilityError as exc:
        return "; ".join(p.message for p in exc.problems) or exc.summary
    return Group(spec=ts, target=target, label=rt.name if ts.preset else _describe(ts))


def _describe(ts: TargetSpec) -> str:
    parts = [f"{ts.os} {ts.ram_gb:g} GB"]
    if ts.memory_bandwidth_gbs:
        parts.append(f"{ts.memory_bandwidth_gbs:g} GB/s")
    if ts.accelerators:
        parts.append("+".join(ts.accelerators))
    if ts.npu:
        parts.append(f"{ts.npu.vendor} NPU")
    return ", ".join(parts)


def _aggregate(out: Screening, screener: Screener) -> None:
    """Coverage per triple and per model, and the pair of models covering the most weight."""
    total = out.total_weight
    share = (lambda w: w / total) if total else (lambda w: 0.0)
    per_triple: dict[int, int] = {}
    score_sums: dict[int, float] = {}
    per_model: dict[str, int] = {}
    groups = [g for g in out.groups if g.result is not None and g.rows]
    models = screener.catalog.models

    def params(mid: str) -> int:
        return models[mid].params

    for g in groups:
        assert g.result is not None
        for i, s in g.result.ranked.items():
            per_triple[i] = per_triple.get(i, 0) + g.weight
            score_sums[i] = score_sums.get(i, 0.0) + s * g.weight
        for mid in g.result.model_scores:
            per_model[mid] = per_model.get(mid, 0) + g.weight
        if not g.result.model_scores:
            out.uncovered_weight += g.weight
    out.coverage = sorted(
        (
            Coverage(*screener.triples[i], w, share(w), _mean(score_sums[i], w))
            for i, w in per_triple.items()
        ),
        # Equal coverage: the better build where it runs first, then ids.
        key=lambda c: (-c.weight, -c.mean_score, c.model, c.quantization, c.runtime),
    )
    out.models = sorted(
        (Coverage(mid, "", "", weight=w, share=share(w)) for mid, w in per_model.items()),
        key=lambda c: (-c.weight, -params(c.model), c.model),
    )
    out.best_pair = _best_pair(groups, sorted(per_model), share)


def _mean(total: float, weight: int) -> float:
    """A weighted mean score, rounded so that summation order cannot reorder equal builds."""
    return round(total / weight, 6) if weight else 0.0


def _best_pair(
    groups: list[Group], models: list[str], share: Callable[[int], float]
) -> Pair | None:
    """Most weight covered by either model; ties go to the better mean score, then ids.

    Why per-model columns: every pair of models is tried on every group, so each model's score
    per group is looked up once, and a pair whose two models together reach less weight than
    the best pair so far is passed over (it cannot cover more). Scores are summed in group order,
    so the means are the same to the last bit whichever pairs are passed over.
    """
    if not models:
        return None
    weights = [g.weight for g in groups]
    columns = {
        m: [g.result.model_scores.get(m) if g.result else None for g in groups] for m in models
    }
    reach = {
        m: sum(w for w, s in zip(weights, c, strict=True) if s is not None)
        for m, c in columns.items()
    }
    combos: list[tuple[str, ...]] = (
        [tuple(c) for c in combinations(models, 2)] if len(models) > 1 else [tuple(models)]
    )
    best: tuple[tuple[int, float], tuple[str, ...], float] | None = None
    for combo in combos:
        if best is not None and sum(reach[m] for m in combo) < best[0][0]:
            continue
        weight, mean = _covered(weights, columns[combo[0]], columns[combo[-1]])
        rank = (weight, round(mean, 9))
        if best is None or rank > best[0]:
            best = (rank, combo, mean)
    if best is None:
        return None
    (weight, _), combo, mean = best
    return Pair(combo, weight, share(weight), round(mean, 3))


def _covered(
    weights: list[int], first: list[float | None], second: list[float | None]
) -> tuple[int, float]:
    """The weight of the groups where either model runs, and the mean of the better score."""
    weight = 0
    score_sum = 0.0
    for w, a, b in zip(weights, first, second, strict=True):
        if a is None:
            if b is None:
                continue
            a = b
        elif b is not None and b > a:
            a = b
        weight += w
        score_sum += a * w
    return weight, (score_sum / weight if weight else 0.0)


def fmt_share(x: float) -> str:
    """Shares are floored to 0.1% so that '100.0%' means every device."""
    return f"{math.floor(x * 1000) / 10:.1f}%"
