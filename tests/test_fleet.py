"""feasibility screen: fleet files, bad rows, coverage, and agreement with the engine."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from feasibility import fleet as fleet_mod
from feasibility.catalog import load_catalog
from feasibility.cli import cli
from feasibility.engine import evaluate
from feasibility.fleet import Screener, load_service, screen
from feasibility.schema import Spec, TargetSpec
from feasibility.targets import resolve

DATA = Path(__file__).parent / "data" / "fleet"
SERVICE = str(DATA / "service.yaml")


def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, list(args))
    return res.exit_code, res.stdout, res.stderr


def test_csv_table_reports_bad_rows_and_groups() -> None:
    code, out, err = run("screen", str(DATA / "fleet.csv"), "--service", SERVICE)
    assert code == 0, out + err
    assert "8 rows read, 5 screened, 3 skipped" in out
    assert "4 unique device specs" in out  # the two identical budget Android rows share one
    assert (
        "row 5 (line 6): unknown device preset 'iphone-17-prp'; did you mean 'iphone-17-pro'"
    ) in out
    assert "row 7 (line 8): ram_gb" in out
    assert "row 8 (line 9): count" in out
    assert "Best pair:" in out
    assert err == ""  # the report lists every bad row: nothing to add on stderr


def test_csv_per_device_output() -> None:
    code, out, _ = run("screen", str(DATA / "fleet.csv"), "--service", SERVICE, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["row"] for r in rows] == ["1", "2", "3", "4", "6"]
    assert rows[0]["preset"] == "iphone-17-pro" and rows[0]["count"] == "500"
    assert rows[3]["name"] == "Budget Android (same spec)"
    assert rows[4]["count"] == "1"  # no count: weight 1
    for r in rows:
        assert r["first_model"] and r["second_model"]
        assert r["first_model"] != r["second_model"]
        assert float(r["first_score"]) >= float(r["second_score"])
    # identical specs get identical answers
    assert rows[2]["first_model"] == rows[3]["first_model"]


def test_json_output_is_one_document() -> None:
    code, out, _ = run(
        "screen", str(DATA / "fleet.jsonl"), "--service", SERVICE, "--format", "json"
    )
    assert code == 0
    doc = json.loads(out)
    s = doc["summary"]
    assert (s["rows"], s["valid_rows"], s["skipped_rows"]) == (6, 4, 2)
    assert s["total_weight"] == 500 + 300 + 200 + 1
    assert {d["row"] for d in doc["skipped"]} == {4, 6}
    assert any("colour" in d["problem"] for d in doc["skipped"])
    assert [d["row"] for d in doc["devices"]] == [1, 2, 3, 5]
    pair = doc["best_pair"]
    assert len(pair["models"]) == 2 and 0 < pair["share"] <= 1
    # Coverage is weighted by count and sorted by weight.
    weights = [c["weight"] for c in doc["coverage"]]
    assert weights == sorted(weights, reverse=True)
    assert max(weights) <= s["total_weight"]


def test_yaml_fleet_and_markdown() -> None:
    code, out, err = run(
        "screen", str(DATA / "fleet.yaml"), "--service", SERVICE, "--format", "markdown"
    )
    assert code == 0, err
    assert out.startswith("## Fleet screening: fleet.yaml")
    assert "| model" in out
    assert "row 4 (line 5): give a 'preset' or at least 'os' and 'ram_gb'" in out


def test_coverage_matches_per_group_results() -> None:
    cat = load_catalog()
    res = screen(cat, DATA / "fleet.csv", load_service(SERVICE), jobs=1)
    total = sum(g.weight for g in res.groups)
    assert total == res.total_weight == 500 + 300 + 150 + 50 + 1
    by_model = {c.model: c.weight for c in res.models}
    for mid, w in by_model.items():
        assert w == sum(
            g.weight for g in res.groups if g.result is not None and mid in g.result.model_scores
        )
    pair = res.best_pair
    assert pair is not None
    # No other pair covers more.
    assert pair.weight >= max(by_model.values())


def test_parallel_equals_sequential(monkeypatch: pytest.MonkeyPatch) -> None:
    cat = load_catalog()
    svc = load_service(SERVICE)
    seq = screen(cat, DATA / "fleet.csv", svc, jobs=1)
    monkeypatch.setattr(fleet_mod, "PARALLEL_MIN_SPECS", 2)
    par = screen(cat, DATA / "fleet.csv", svc, jobs=2)
    assert [g.result for g in seq.groups] == [g.result for g in par.groups]
    assert list(seq.devices()) == list(par.devices())


@pytest.mark.parametrize(
    "target",
    [
        {"preset": "iphone-17-pro"},
        {"preset": "galaxy-s26"},
        {"preset": "rpi-5-8gb"},
        {
            "os": "android",
            "ram_gb": 6,
            "memory_bandwidth_gbs": 34.1,
            "accelerators": ["cpu", "gpu", "npu"],
            "npu": {"name": "Hexagon", "vendor": "qualcomm"},
        },
        {"os": "windows", "ram_gb": 16},
    ],
)
def test_screener_agrees_with_engine(target: dict[str, object]) -> None:
    """The fleet's cached evaluation gives the engine's top two and feasible triples."""
    cat = load_catalog()
    svc = load_service(SERVICE)
    spec = Spec(
        targets=(TargetSpec.model_validate(target),),
        service=svc.service,
        constraints=svc.constraints,
    )
    a = evaluate(cat, spec)
    sc = Screener(cat, svc.service, svc.constraints)
    got = sc.run(resolve(spec, cat, "x")[0][0])
    want = [(r.model, r.targets[0].quantization, r.targets[0].runtime) for r in a.recommendations]
    assert [(p.model, p.quantization, p.runtime) for p in got.picks] == want
    rejected = {(r.model, r.quantization, r.runtime) for r in a.rejected}
    assert {sc.triples[i] for i in got.feasible} == {k for k in sc.triples if k not in rejected}


def test_bad_inputs_exit_2(tmp_path: Path) -> None:
    code, _, err = run("screen", str(DATA / "fleet.csv"), "--service", str(tmp_path / "no.yaml"))
    assert code == 2 and "file not found" in err
    bad = tmp_path / "fleet.csv"
    bad.write_text("preset,ramgb\niphone-17-pro,8\n", encoding="utf-8")
    code, _, err = run("screen", str(bad), "--service", SERVICE)
    assert code == 2 and "unknown column 'ramgb'; did you mean 'ram_gb'" in err
    txt = tmp_path / "fleet.txt"
    txt.write_text("x", encoding="utf-8")
    code, _, err = run("screen", str(txt), "--service", SERVICE)
    assert code == 2 and ".csv" in err
    svc = tmp_path / "svc.yaml"
    svc.write_text("targets: [{preset: galaxy-s26}]\n", encoding="utf-8")
    code, _, err = run("screen", str(DATA / "fleet.csv"), "--service", str(svc))
    assert code == 2 and "targets" in err
    allbad = tmp_path / "allbad.csv"
    allbad.write_text("os,ram_gb\nandroid,-1\n", encoding="utf-8")
    code, _, err = run("screen", str(allbad), "--service", SERVICE)
    assert code == 2 and "no usable rows" in err
    assert "Traceback" not in err


COVERAGE_TOP_6 = """\
Coverage per model, quantization and runtime (top 6; by weight, then mean score where it runs; \
under the quality floor only where no 4-bit build fits)

model             quantization    runtime    weight    share    mean score
----------------  --------------  ---------  --------  -------  ------------
granite-4.0-h-1b  Q4_K_M          llama.cpp  1,001     100.0%   0.584
granite-4.0-h-1b  Q5_K_M          llama.cpp  1,001     100.0%   0.564
granite-4.0-h-1b  Q5_K_S          llama.cpp  1,001     100.0%   0.561
lfm2-1.2b         Q5_K_M          llama.cpp  1,001     100.0%   0.560
granite-4.0-h-1b  IQ4_NL          llama.cpp  1,001     100.0%   0.559
granite-4.0-h-1b  Q4_K_S          llama.cpp  1,001     100.0%   0.558
"""


def test_coverage_table_ranks_by_weight_then_score() -> None:
    """Builds that cover the same weight are ordered by their score where they run, never by
    quantization id (which put IQ2 builds first)."""
    code, out, err = run("screen", str(DATA / "fleet.csv"), "--service", SERVICE, "--top", "6")
    assert code == 0, err
    start = out.index("Coverage per model")
    section = out[start : out.index("\n\n", out.index("----", start)) + 1]
    assert section == COVERAGE_TOP_6


def test_coverage_applies_the_quality_floor() -> None:
    """A build under the floor counts on a device only where no 4-bit build fits (as in check),
    and the coverage order is weight, then mean score."""
    from feasibility.ranking import FULL_BITS, low_bit

    cat = load_catalog()
    res = screen(cat, DATA / "fleet.csv", load_service(SERVICE), jobs=1)
    sc = Screener(cat, load_service(SERVICE).service, load_service(SERVICE).constraints)
    cands = {c.key: c for c in sc.evaluator.candidates}
    groups = [g for g in res.groups if g.result is not None and g.rows]
    for g in groups:
        assert g.result is not None
        full = any(cands[sc.triples[i]].quant.weight_bits >= FULL_BITS for i in g.result.ranked)
        assert full  # every device of this fleet fits a 4-bit build: the floor is active
        assert set(g.result.ranked) <= g.result.feasible
        assert not any(low_bit(cands[sc.triples[i]]) for i in g.result.ranked)
        assert any(low_bit(cands[sc.triples[i]]) for i in g.result.feasible)  # some were dropped
    assert not any(low_bit(cands[(c.model, c.quantization, c.runtime)]) for c in res.coverage)
    keys = [(-c.weight, -c.mean_score) for c in res.coverage]
    assert keys == sorted(keys)


# -- one pass over the file; per-row errors; writers ---------------------------------------------

TRICKY_CSV = (
    "name,preset,os,ram_gb,count\n"
    "Plain,galaxy-s26,,,3\n"
    '"Comma, name",galaxy-s26,,,2\n'
    '"Quote ""q""",iphone-17-pro,,,1\n'
    '"Two\nlines",iphone-17-pro,,,4\n'
    "\n"
    ",,,,\n"
    "  padded  , galaxy-s26 ,,,5\n"
    "Ünïcode ☃,,android,6,7\n"
    ",,android,6,\n"
    "Short row,galaxy-s26\n"
    "Zero,galaxy-s26,,,0\n"
)


def _reference_csv(res: fleet_mod.Screening) -> str:
    """The per-device CSV written cell by cell by the csv module."""
    from feasibility.cli.screen import CSV_COLUMNS, _pick_cells

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for d in res.devices():
        w.writerow([d.row, d.name, d.preset, d.count, *_pick_cells(d.picks)])
    return buf.getvalue()


def _reference_json_devices(res: fleet_mod.Screening) -> list[str]:
    from feasibility.cli.screen import _pick_json

    return [
        json.dumps(
            {
                "row": d.row,
                "name": d.name,
                "preset": d.preset or None,
                "count": d.count,
                "top": [_pick_json(p) for p in d.picks],
            },
            sort_keys=True,
            ensure_ascii=False,
        )
        for d in res.devices()
    ]


def test_writers_match_the_csv_and_json_modules(tmp_path: Path) -> None:
    """The per-device writers encode a group's cells once and a row's own cells fast: the bytes
    are those of csv.writer and json.dumps, row by row, for names that need quoting too."""
    from feasibility.cli.screen import _screen_csv, _screen_json

    path = tmp_path / "fleet.csv"
    path.write_text(TRICKY_CSV, encoding="utf-8")
    res = screen(load_catalog(), path, load_service(SERVICE), jobs=1)
    out = io.StringIO()
    _screen_csv(res, out)
    assert out.getvalue() == _reference_csv(res)
    assert '"Comma, name"' in out.getvalue() and '"Two\nlines"' in out.getvalue()
    out = io.StringIO()
    _screen_json(res, out)
    lines = out.getvalue().splitlines()
    start = lines.index('  "devices": [') + 1
    got = [line.strip().rstrip(",") for line in lines[start:-2]]
    assert got == _reference_json_devices(res)
    json.loads(out.getvalue())


def test_rows_are_numbered_and_located_in_one_pass(tmp_path: Path) -> None:
    """Blank lines are not rows; a quoted line break moves the lines, not the row numbers; an
    unnamed row takes its group's label; a bad row is located by row and line."""
    path = tmp_path / "fleet.csv"
    path.write_text(TRICKY_CSV, encoding="utf-8")
    res = screen(load_catalog(), path, load_service(SERVICE), jobs=1)
    assert (res.rows, res.valid_rows, res.skipped_rows) == (9, 8, 1)
    assert [(p.row, p.line, p.problem) for p in res.problems] == [
        (8, 12, "has 2 cells, the header has 5")
    ]
    devices = {d.row: d for d in res.devices()}
    assert devices[5].name == "padded" and devices[5].preset == "galaxy-s26"
    assert (devices[6].name, devices[7].name) == ("Ünïcode ☃", "android 6 GB")
    assert devices[7].count == 1 and devices[9].count == 0
    assert res.total_weight == 3 + 2 + 1 + 4 + 5 + 7 + 1 + 0
    assert len(res.groups) == 3  # galaxy-s26 (with or without spaces), iphone-17-pro, android 6 GB


def test_per_device_output_needs_no_second_read(tmp_path: Path) -> None:
    path = tmp_path / "fleet.csv"
    path.write_text(TRICKY_CSV, encoding="utf-8")
    res = screen(load_catalog(), path, load_service(SERVICE), jobs=1)
    before = _reference_csv(res)
    path.unlink()
    assert len(list(res.devices())) == res.valid_rows
    assert _reference_csv(res) == before


def test_each_distinct_spec_is_validated_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cost follows the distinct specs: 3,000 rows over three specs validate three rows."""
    from feasibility.fleet_file import FleetRow

    seen: list[object] = []
    validate = FleetRow.model_validate

    def counted(data: object) -> FleetRow:
        seen.append(data)
        return validate(data)

    monkeypatch.setattr(FleetRow, "model_validate", counted)
    path = tmp_path / "fleet.csv"
    specs = ["galaxy-s26,,", "iphone-17-pro,,", ",android,6"]
    rows = [f"d{i},{specs[i % 3]},{i % 7}" for i in range(3000)]
    path.write_text("name,preset,os,ram_gb,count\n" + "\n".join(rows) + "\n", encoding="utf-8")
    res = screen(load_catalog(), path, load_service(SERVICE), jobs=1)
    assert res.valid_rows == 3000 and len(res.groups) == 3
    assert seen == [
        {"preset": "galaxy-s26"},
        {"preset": "iphone-17-pro"},
        {"os": "android", "ram_gb": "6"},
    ]


def test_a_row_is_judged_on_its_own_name_and_count(tmp_path: Path) -> None:
    """A bad count or name skips its row only, whichever row of the spec comes first."""
    path = tmp_path / "fleet.jsonl"
    path.write_text(
        '{"preset": "galaxy-s26", "count": "many"}\n'
        '{"preset": "galaxy-s26", "count": 300}\n'
        '{"preset": "galaxy-s26", "name": 5}\n'
        '{"preset": "galaxy-s26", "name": "S26", "count": null}\n'
        '{"preset": "galaxy-s26", "name": "S26 \\"ultra\\" ☃"}\n',
        encoding="utf-8",
    )
    res = screen(load_catalog(), path, load_service(SERVICE), jobs=1)
    assert [(p.row, p.line, p.problem) for p in res.problems] == [
        (1, 1, "count: expected a whole number >= 0 (got 'many')"),
        (3, 3, "name: expected text (got 5); quote it: '5'"),
        (4, 4, "count: expected a whole number >= 0 (got None)"),
    ]
    assert [(d.row, d.name, d.count) for d in res.devices()] == [
        (2, "Samsung Galaxy S26", 300),
        (5, 'S26 "ultra" ☃', 1),
    ]


def test_a_missed_first_token_need_never_shows_a_negative_score(tmp_path: Path) -> None:
    """With a first-token need no build meets, every build is a tier down: screening ranks by
    the order value as ``check`` does, but shows the score ``check`` shows (never the negative
    order value) for the picks, the coverage table and the best pair."""
    service = tmp_path / "service.yaml"
    service.write_text(
        (DATA / "service.yaml").read_text(encoding="utf-8") + "  max_first_token_s: 0.001\n",
        encoding="utf-8",
    )
    res = screen(load_catalog(), str(DATA / "fleet.csv"), load_service(str(service)), jobs=1)
    picks = [p for d in res.devices() for p in d.picks]
    assert picks and all(p.score >= 0 for p in picks)
    assert res.coverage and all(c.mean_score >= 0 for c in res.coverage)
    assert res.best_pair is not None and res.best_pair.mean_score >= 0
    # the picks are check's, with check's shown scores
    cat = load_catalog()
    doc = {"service": load_service(str(service)).service.model_dump(mode="json")}
    doc["constraints"] = load_service(str(service)).constraints.model_dump(mode="json")
    doc["targets"] = [{"preset": "iphone-17-pro"}]
    a = evaluate(cat, Spec.model_validate(doc))
    first = next(d for d in res.devices() if d.preset == "iphone-17-pro").picks
    assert [p.model for p in first] == [r.model for r in a.recommendations]
    assert [round(p.score, 3) for p in first] == [round(r.score, 3) for r in a.recommendations]
