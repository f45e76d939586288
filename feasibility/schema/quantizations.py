"""Catalog schema of quantization formats (``data/quantizations.yaml``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from feasibility.schema.fields import (
    Accelerator,
    Id,
    PositiveInt,
    Sources,
    Strict,
    check_sources,
)


class GroupScheme(Strict):
    """Group-wise integer quantization (MLX, ONNX int4, Core ML, ExecuTorch, LiteRT, MLC, AWQ...).

    ``bits`` per code, one ``scale_bytes`` scale (and a ``zero_bytes`` zero point or bias) per
    ``group_size`` weights. ``group_size`` None means per output channel.
    """

    kind: Literal["group"] = "group"
    bits: float = Field(gt=0, le=32)
    group_size: PositiveInt | None
    scale_bytes: float = Field(ge=0)
    zero_bytes: float = Field(default=0, ge=0)
    embeddings: Literal["quantized", "float16", "float32", "int8"] = "quantized"
    """How the token embedding is stored."""
    lm_head: Literal["quantized", "float16", "float32", "int8", "tied"] = "quantized"
    """How the output head is stored; "tied" = shares the embedding when the model ties them."""
    tied_stored_twice: bool = False
    """The format writes tied embedding and head separately."""
    tied_shares_head: bool = False
    """A tied model keeps one matrix stored as ``lm_head`` says, used as embedding too (ORT GenAI's
    ``shared_embeddings``, on by default for tied models): ``embeddings`` then applies to untied
    models only."""
    other_bits: float = 16
    """Bits of tensors left unquantized (norms, biases)."""


class GgufScheme(Strict):
    """llama.cpp file type; per-tensor types follow llama-quantize's rules (see estimate.gguf)."""

    kind: Literal["gguf"] = "gguf"
    ftype: str


class QatComparison(Strict):
    """One benchmark of a maker's table comparing a quantization-aware-trained (QAT) build with a
    post-training (PTQ) build of the same layout and with the 16-bit model."""

    benchmark: str
    bf16: float = Field(gt=0)
    ptq: float = Field(ge=0)
    qat: float = Field(ge=0)


class QatEvidence(Strict):
    """How much of a post-training quantization's loss a QAT build avoids, as published.

    Either the maker states the share directly (``loss_ratio``: Google's Gemma 3 QAT "reduced the
    perplexity drop by 54%" is 0.46) or its table gives the three scores (``comparisons``: Meta's
    Llama 3.2 SpinQuant and QLoRA against vanilla PTQ and BF16), from which the share is computed.
    """

    models: tuple[Id, ...]
    """Models the figure was measured on; another model gets no credit from it."""
    loss_ratio: float | None = Field(default=None, ge=0, le=1)
    comparisons: tuple[QatComparison, ...] = ()
    source: str
    setup: str = ""

    @field_validator("source")
    @classmethod
    def _url(cls, v: str) -> str:
        check_sources((v,))
        return v

    @model_validator(mode="after")
    def _one_basis(self) -> QatEvidence:
        if (self.loss_ratio is None) == (not self.comparisons):
            raise ValueError("give either loss_ratio or comparisons")
        return self


class ContextCap(Strict):
    """The longest context a build is made for, where its maker states one shorter than the
    model's own (Meta's quantized Llama 3.2 builds: 8k, against the 128k of the 16-bit model)."""

    tokens: PositiveInt
    source: str
    said: str = ""
    """The maker's words or table cell, as printed ("Context Length 8k")."""

    @field_validator("source")
    @classmethod
    def _url(cls, v: str) -> str:
        check_sources((v,))
        return v


class Quantization(Strict):
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=40)
    name: str
    format: Id
    """File format: gguf, mlx, onnx, coreml, pte, litertlm, mlc, awq, gptq, openvino, qnn."""
    bits_per_weight: float | None = Field(default=None, gt=0, le=32)
    """Published whole-model bits per weight, where a source gives one (for reference)."""
    weight_bits: float = Field(gt=0, le=32)
    """Nominal bits of the bulk of the weights (4 for Q4_K_M); drives the quality term."""
    scheme: GgufScheme | GroupScheme = Field(discriminator="kind")
    backends: tuple[Accelerator, ...] = ()
    """Accelerators this encoding runs on (empty: whatever the runtime offers). ExecuTorch 8da4w
    is an XNNPACK (CPU) encoding; Genie w4a16 exists only for the Hexagon NPU."""
    npu_vendors: tuple[str, ...] = ()
    """NPU families this encoding is compiled for (empty: any the runtime supports)."""
    needs_imatrix: bool = False
    ppl_delta: float | None = None
    """Published perplexity increase vs F16 on the reference model, where given."""
    qat_of: str | None = None
    """For a quantization-aware-trained (or rotation-calibrated) build: the post-training
    quantization with the same layout. Its quality loss is that one's, scaled by ``qat_evidence``
    for the models the evidence covers (``feasibility.scoring.qat_loss_ratio``)."""
    qat_evidence: tuple[QatEvidence, ...] = ()
    max_context: ContextCap | None = None
    """A shorter context than the model's that this build is made for (the artifact rule rejects
    a service that needs more); None: the model's own context applies."""
    notes: str = ""
    sources: Sources
