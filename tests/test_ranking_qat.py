"""Quantization-aware trained (QAT) builds: their quality loss is the maker's published figure.

A QAT build (Meta's Llama 3.2 SpinQuant and QLoRA ExecuTorch programs) has the layout of a
post-training quantization (``qat_of``), so it costs the same memory and speed; what differs is how
much quality it keeps, and that comes from the maker's own comparison with a post-training build
of the same layout. The ranking must prefer the QAT build exactly when those numbers say so.
"""

from __future__ import annotations

import pytest

from feasibility import api, scoring
from feasibility.catalog import Catalog
from feasibility.engine import evaluate
from feasibility.evaluator import Evaluator
from feasibility.schema import QatComparison, QatEvidence, Quantization, Spec
from feasibility.targets import resolve
from tests.factories import make_model, make_quant

META = "https://github.com/meta-llama/llama-models/blob/a9c89c47/models/llama3_2/MODEL_CARD.md"
SMART_REPLY_EXECUTORCH = {
    "service": {
        "tasks": ["chat", "rewriting"],
        "languages": ["en"],
        "context_tokens": 1024,
        "output_tokens": 64,
    },
    "targets": [{"preset": "galaxy-s24"}],
    "constraints": {"runtimes": ["executorch"]},
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return api.load_catalog()


def _qat(*evidence: QatEvidence) -> Quantization:
    return make_quant(id="qat-q4", weight_bits=4, qat_of="Q4_K_M", qat_evidence=evidence)


def test_the_loss_ratio_is_computed_from_the_makers_three_columns() -> None:
    """Two benchmarks where PTQ loses 10% and 20% and QAT 5% and 0%: a quarter of the loss stays."""
    ev = QatEvidence(
        models=("m",),
        source=META,
        comparisons=(
            QatComparison(benchmark="A", bf16=50.0, ptq=45.0, qat=47.5),
            QatComparison(benchmark="B", bf16=40.0, ptq=32.0, qat=40.0),
        ),
    )
    assert scoring.qat_loss_ratio(_qat(ev), "m") == pytest.approx(0.05 / 0.30)


def test_a_stated_share_is_used_as_stated_and_other_models_get_no_credit() -> None:
    """Google states its Gemma QAT 'reduced the perplexity drop by 54%': 0.46 of the loss stays,
    for the models it was measured on; a model nobody measured keeps the post-training loss."""
    quant = _qat(QatEvidence(models=("gemma",), loss_ratio=0.46, source=META))
    assert scoring.qat_loss_ratio(quant, "gemma") == 0.46
    assert scoring.qat_loss_ratio(quant, "other") == 1.0


def test_evidence_needs_exactly_one_basis() -> None:
    with pytest.raises(ValueError, match="either"):
        QatEvidence(models=("m",), source=META)


def test_qat_fidelity_scales_the_post_training_loss(catalog: Catalog) -> None:
    ptq = catalog.quantizations["executorch-8da4w-g32"]
    for qid in ("executorch-spinquant-g32", "executorch-qlora-g32"):
        qat = catalog.quantizations[qid]
        for mid in ("llama-3.2-1b-instruct", "llama-3.2-3b-instruct"):
            model = catalog.models[mid]
            lost_ptq = 1 - scoring.fidelity_of(ptq, model)
            lost_qat = 1 - scoring.fidelity_of(qat, model)
            ratio = scoring.qat_loss_ratio(qat, mid)
            assert 0 < ratio < 1, (qid, mid)  # Meta's table: both lose less than vanilla PTQ
            assert lost_qat == pytest.approx(lost_ptq * ratio), (qid, mid)


def test_meta_qlora_keeps_more_than_spinquant_which_keeps_more_than_ptq(catalog: Catalog) -> None:
    """Meta's Llama 3.2 1B table: QLoRA nearly matches BF16, SpinQuant halves vanilla PTQ's loss."""
    model = catalog.models["llama-3.2-1b-instruct"]
    fid = {
        q: scoring.fidelity_of(catalog.quantizations[q], model)
        for q in ("executorch-8da4w-g32", "executorch-spinquant-g32", "executorch-qlora-g32")
    }
    assert fid["executorch-qlora-g32"] > fid["executorch-spinquant-g32"]
    assert fid["executorch-spinquant-g32"] > fid["executorch-8da4w-g32"]


def test_every_qat_build_has_the_layout_of_its_post_training_twin(catalog: Catalog) -> None:
    """Same layout, same bytes and same base loss: only the published evidence may differ."""
    for q in catalog.quantizations.values():
        if q.qat_of is None:
            continue
        twin = catalog.quantizations[q.qat_of]
        assert (q.format, q.weight_bits, q.scheme) == (twin.format, twin.weight_bits, twin.scheme)
        assert scoring.loss_8b(q) == scoring.loss_8b(twin)
        assert q.qat_evidence, q.id
        for ev in q.qat_evidence:
            assert set(ev.models) <= set(catalog.models), (q.id, ev.models)


def test_a_published_qat_build_ranks_above_the_post_training_build_of_the_same_bits(
    catalog: Catalog,
) -> None:
    """Same model, runtime and backend, same memory and speed: the QAT build wins on quality."""
    spec = Spec.model_validate(SMART_REPLY_EXECUTORCH)
    (target, _), *_ = resolve(spec, catalog, "qat")
    options = Evaluator(catalog, spec.service, spec.constraints).options(target)
    by_quant = {
        o.candidate.quant.id: o
        for o in options
        if o.feasible and o.candidate.model.id == "llama-3.2-1b-instruct"
    }
    ptq = by_quant["executorch-8da4w-g32"].terms
    qlora = by_quant["executorch-qlora-g32"].terms
    spin = by_quant["executorch-spinquant-g32"].terms
    assert ptq is not None and qlora is not None and spin is not None
    assert qlora.total > spin.total > ptq.total
    assert qlora.quality > ptq.quality


def test_no_qat_build_is_offered_for_a_model_its_maker_did_not_train(catalog: Catalog) -> None:
    """A SpinQuant or QLoRA program cannot be made by conversion: only Meta's published 1B."""
    spec = Spec.model_validate(SMART_REPLY_EXECUTORCH)
    (target, _), *_ = resolve(spec, catalog, "qat")
    options = Evaluator(catalog, spec.service, spec.constraints).options(target)
    qat_models = {
        o.candidate.model.id for o in options if o.feasible and o.candidate.quant.qat_of is not None
    }
    assert qat_models == {"llama-3.2-1b-instruct"}


def test_the_published_program_is_downloaded_not_exported(catalog: Catalog) -> None:
    a = evaluate(
        catalog,
        Spec.model_validate(
            dict(SMART_REPLY_EXECUTORCH, constraints={"quantizations": ["executorch-qlora-g32"]})
        ),
    )
    assert [r.model for r in a.recommendations] == ["llama-3.2-1b-instruct"]
    rec = a.recommendations[0]
    commands = " ".join(s.command for b in rec.builds for p in b.pipelines for s in p.steps)
    assert "Llama-3.2-1B-Instruct-QLORA_INT4_EO8.pte" in commands
    assert "optimum-cli export executorch" not in commands


def test_a_model_without_evidence_keeps_the_curve() -> None:
    quant = make_quant(id="Q4_K_M", weight_bits=4, ppl_delta=0.1754)
    model = make_model()
    assert scoring.fidelity_of(quant, model) == scoring.fidelity(quant, model.params)
