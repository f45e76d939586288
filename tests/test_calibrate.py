"""``feasibility calibrate``: llama-bench readers, model matching, the fit and the overlay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from feasibility import calibrate
from feasibility.catalog import load_catalog
from feasibility.cli import cli
from feasibility.errors import InputError
from feasibility.estimator import estimate, speed

BENCH = Path(__file__).parent / "data" / "llama_bench"
S23 = "s23-llama-3.2-1b-q4_0"


@pytest.mark.parametrize("ext", ["json", "jsonl", "md"])
def test_reads_every_llama_bench_format(ext: str) -> None:
    """The three output formats give the same two tests (pp512, tg128) and speeds."""
    rows = calibrate.read_bench(BENCH / f"{S23}.{ext}")
    got = [(r.phase, r.n_prompt, r.n_gen, r.avg_ts, r.ftype, calibrate.backend_of(r)) for r in rows]
    assert got == [
        ("prefill", 512, 0, 118.42, "Q4_0", "cpu"),
        ("decode", 0, 128, 21.37, "Q4_0", "cpu"),
    ]


def test_markdown_skips_mixed_tests_and_reads_gpu_backends() -> None:
    """pp+tg rows mix both phases and are skipped; an OpenCL row with ngl 99 is a GPU row."""
    rows = calibrate.read_bench(BENCH / "llama-3b-mixed.md")
    assert [(r.phase, r.ftype, calibrate.backend_of(r)) for r in rows] == [
        ("prefill", "Q4_K_M", "gpu"),
        ("decode", "Q4_K_M", "gpu"),
    ]


@pytest.mark.parametrize(
    ("model_type", "ftype"),
    [
        ("llama 3B Q4_K - Medium", "Q4_K_M"),
        ("qwen2 1.5B Q5_K - Small", "Q5_K_S"),
        ("llama 7B F16", "F16"),
        ("gemma3 1B IQ2_M - 2.7 bpw", "IQ2_M"),
        ("llama 1B Q8_0", "Q8_0"),
    ],
)
def test_file_type_from_model_type(model_type: str, ftype: str) -> None:
    """llama.cpp's file-type names map to the catalog's GGUF quantization ids."""
    row = calibrate.BenchRow(model_type, "", "CPU", 0, 0, 128, 10.0)
    assert row.ftype == ftype


def test_bad_input_is_an_input_error(tmp_path: Path) -> None:
    """A file without a llama-bench result is the user's error, with the file named."""
    p = tmp_path / "x.json"
    p.write_text('[{"model_type": "llama 1B Q4_0"}]', encoding="utf-8")
    with pytest.raises(InputError, match=r"x.json item 0: not a llama-bench result"):
        calibrate.read_bench(p)
    p.write_text("hello\n", encoding="utf-8")
    with pytest.raises(InputError, match="no llama-bench table"):
        calibrate.read_bench(p)


def test_model_matched_from_file_name() -> None:
    """The file name names the model (instruct suffix optional); the size label alone may not."""
    cat = load_catalog()
    models = list(cat.models.values())
    rows = calibrate.read_bench(BENCH / f"{S23}.md")
    assert calibrate.match_model(rows, models, f"{S23}.md").id == "llama-3.2-1b-instruct"
    mixed = calibrate.read_bench(BENCH / "llama-3b-mixed.md")
    with pytest.raises(InputError, match="--model"):
        calibrate.match_model(mixed, models, "llama-3b-mixed.md")


def test_calibration_fits_the_run_and_carries_to_other_quantizations() -> None:
    """After calibration the run is reproduced; another quantization moves by the same factor."""
    cat = load_catalog()
    dev = cat.device("galaxy-s23")
    model = cat.model("llama-3.2-1b-instruct")
    quants = {q.id.upper(): q for q in cat.quantizations.values() if q.format == "gguf"}
    rows = calibrate.from_bench(calibrate.read_bench(BENCH / f"{S23}.json"), quants)
    res = calibrate.calibrate_device(rows, model, quants, dev, f"{S23}.json")
    for c in res.rows:
        assert c.after == pytest.approx(c.measured, rel=0.01)
        assert c.before is not None and c.before != pytest.approx(c.measured, rel=0.01)
    (cal,) = res.factors
    assert cal.backend == "cpu" and cal.rows == 2
    calibrated = dev.model_copy(update={"speed_calibration": res.factors})
    q8 = cat.quantization("Q8_0")
    before = estimate(model, q8, 128, device=dev, backend="cpu").decode_tps
    after = estimate(model, q8, 128, device=calibrated, backend="cpu")
    assert before is not None and after.decode_tps is not None
    assert "speed-calibrated" in after.assumption_codes
    assert after.decode_tps / before == pytest.approx(cal.bandwidth_factor, rel=0.15)


def test_cli_writes_an_overlay_that_check_and_estimate_read(tmp_path: Path) -> None:
    """The overlay replaces the device by its calibrated copy; estimate --catalog uses it."""
    out = tmp_path / "s23.yaml"
    r = CliRunner().invoke(
        cli, ["calibrate", str(BENCH / f"{S23}.jsonl"), "--device", "galaxy-s23", "-o", str(out)]
    )
    assert r.exit_code == 0, r.output
    assert "before" in r.stderr and "factors: cpu: bandwidth x" in r.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Speed calibration of galaxy-s23 from s23-llama-3.2-1b-q4_0.jsonl")
    body = json.loads(text.split("\n", 1)[1])
    (d,) = body["devices"]
    assert d["id"] == "galaxy-s23" and d["speed_calibration"][0]["backend"] == "cpu"
    cat = load_catalog([str(out)])
    assert cat.device("galaxy-s23").speed_calibration
    base = CliRunner().invoke(
        cli, ["estimate", "--model", "llama-3.2-1b-instruct", "--quant", "Q4_0",
              "--device", "galaxy-s23", "--context", "128"],
    )  # fmt: skip
    cal = CliRunner().invoke(
        cli, ["estimate", "--model", "llama-3.2-1b-instruct", "--quant", "Q4_0",
              "--device", "galaxy-s23", "--context", "128", "--catalog", str(out)],
    )  # fmt: skip
    assert base.exit_code == cal.exit_code == 0
    assert base.stdout != cal.stdout and "feasibility calibrate" in cal.stdout


def test_cli_unknown_model_exits_2() -> None:
    """An ambiguous benchmark file asks for --model, exit status 2, no traceback."""
    r = CliRunner().invoke(
        cli, ["calibrate", str(BENCH / "llama-3b-mixed.md"), "--device", "galaxy-s23"]
    )
    assert r.exit_code == 2
    assert "give it with --model ID" in r.stderr and "Traceback" not in r.stderr


def test_fit_recovers_known_constants() -> None:
    """Rows generated from known constants are fitted back to those constants."""
    truth = speed.Constants(bw_eff=0.6, layer_us=120.0)
    obs = []
    for layers, gb in ((16, 0.8), (28, 1.9), (32, 4.1), (40, 7.5)):
        w = speed.Work({"plain": gb * 1e9}, {"plain": gb * 1e9}, 0.0, layers, 0.0)
        m = speed.Machine(bandwidth_gbs=100.0, compute_gops=None)
        t = speed.decode_seconds(w, m, truth)
        assert t is not None
        obs.append(calibrate.Observation("apple-metal", "decode", w, m, 1 / t))
    got = calibrate.fit(obs)["apple-metal"]
    assert got.bw_eff == pytest.approx(0.6, rel=0.02)
    assert got.layer_us == pytest.approx(120.0, rel=0.05)


def test_reads_an_ai_hub_perf_yaml_and_calibrates_the_npu(tmp_path: Path) -> None:
    """A Genie perf.yaml gives NPU decode rows for the device's chip; the overlay is written for
    the qualcomm-genie runtime."""
    perf = Path(__file__).parent / "data" / "aihub" / "perf.yaml"
    rows = calibrate.read_aihub_perf(perf)
    assert rows == [
        calibrate.PerfRow(
            "w4a16", "Llama-v3.2-1B-Instruct", "Snapdragon 8 Elite QRD", 4096, 40.0, 48.0
        )
    ]
    cat = load_catalog()
    assert calibrate.match_name(["Llama-v3.2-1B-Instruct"], list(cat.models.values())).id == (
        "llama-3.2-1b-instruct"
    )
    out = tmp_path / "elite.yaml"
    r = CliRunner().invoke(
        cli, ["calibrate", str(perf), "--device", "snapdragon-8-elite-ref", "-o", str(out)]
    )
    assert r.exit_code == 0, r.output
    (d,) = json.loads(out.read_text(encoding="utf-8").split("\n", 1)[1])["devices"]
    (cal,) = d["speed_calibration"]
    assert cal["backend"] == "npu" and cal["runtime"] == "qualcomm-genie"
    wrong = CliRunner().invoke(cli, ["calibrate", str(perf), "--device", "galaxy-s23"])
    assert wrong.exit_code == 2 and "no metric for" in wrong.stderr
