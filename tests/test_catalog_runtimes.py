"""Catalog checks for data/runtimes.yaml and data/quantizations.yaml."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
import yaml

from feasibility.pipeline import PLACEHOLDERS as PIPELINE_PLACEHOLDERS
from feasibility.schema import QuantizationsFile, RuntimesFile

DATA = Path(__file__).resolve().parent.parent / "data"
PLACEHOLDERS = set(PIPELINE_PLACEHOLDERS)
SAMPLE = {name: f"<{name}>" for name in PLACEHOLDERS - {"runtime"}}


@pytest.fixture(scope="module")
def runtimes() -> RuntimesFile:
    return RuntimesFile.model_validate(yaml.safe_load((DATA / "runtimes.yaml").read_text()))


@pytest.fixture(scope="module")
def quantizations() -> QuantizationsFile:
    return QuantizationsFile.model_validate(
        yaml.safe_load((DATA / "quantizations.yaml").read_text())
    )


def test_files_validate_and_are_large_enough(
    runtimes: RuntimesFile, quantizations: QuantizationsFile
) -> None:
    assert len(runtimes.runtimes) >= 8
    assert len(quantizations.quantizations) >= 20


def test_ids_unique(runtimes: RuntimesFile, quantizations: QuantizationsFile) -> None:
    rids = [r.id for r in runtimes.runtimes]
    qids = [q.id for q in quantizations.quantizations]
    assert len(rids) == len(set(rids))
    assert len(qids) == len(set(qids))


def test_runtime_quantizations_resolve(
    runtimes: RuntimesFile, quantizations: QuantizationsFile
) -> None:
    known = {q.id for q in quantizations.quantizations}
    for rt in runtimes.runtimes:
        assert rt.quantizations, rt.id
        missing = set(rt.quantizations) - known
        assert not missing, (rt.id, missing)


def test_every_quantization_is_loaded_by_a_runtime(
    runtimes: RuntimesFile, quantizations: QuantizationsFile
) -> None:
    loaded = {q for rt in runtimes.runtimes for q in rt.quantizations}
    orphans = {q.id for q in quantizations.quantizations} - loaded
    assert not orphans


def test_step_formats_match_a_loaded_quantization(
    runtimes: RuntimesFile, quantizations: QuantizationsFile
) -> None:
    fmt = {q.id: q.format for q in quantizations.quantizations}
    for rt in runtimes.runtimes:
        formats = {fmt[q] for q in rt.quantizations}
        oses = {p.os for p in rt.platforms}
        for step in rt.pipeline:
            assert set(step.formats) <= formats, (rt.id, step.title)
            assert set(step.os) <= oses, (rt.id, step.title)
            assert set(step.quants) <= set(rt.quantizations), (rt.id, step.title)


def test_commands_use_only_known_placeholders(runtimes: RuntimesFile) -> None:
    for rt in runtimes.runtimes:
        assert rt.pipeline, rt.id
        for step in rt.pipeline:
            fields = {
                name for _, name, _, _ in string.Formatter().parse(step.command) if name is not None
            }
            assert fields <= PLACEHOLDERS, (rt.id, step.title, fields - PLACEHOLDERS)
            rendered = step.command.format(**SAMPLE, runtime=rt.id)
            assert "{model_id}" not in rendered


def test_sources_are_urls(runtimes: RuntimesFile, quantizations: QuantizationsFile) -> None:
    for item in (*runtimes.runtimes, *quantizations.quantizations):
        assert item.sources, item.id
        for url in item.sources:
            assert url.startswith(("http://", "https://")), (item.id, url)


def test_llama_cpp_runs_on_phones(runtimes: RuntimesFile) -> None:
    rt = next(r for r in runtimes.runtimes if r.id == "llama.cpp")
    assert rt.platform("ios") is not None
    assert rt.platform("android") is not None


def test_coreml_uses_the_neural_engine_on_ios(runtimes: RuntimesFile) -> None:
    rt = next(r for r in runtimes.runtimes if r.id == "coreml")
    ios = rt.platform("ios")
    assert ios is not None
    assert "npu" in ios.accelerators
    assert "apple" in ios.npu_vendors


def test_efficiency_left_for_calibration(runtimes: RuntimesFile) -> None:
    for rt in runtimes.runtimes:
        assert rt.efficiency.cpu is None and rt.efficiency.gpu is None and rt.efficiency.npu is None
