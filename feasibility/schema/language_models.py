"""Catalog schema of licences and language models (``data/models.yaml``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from feasibility.schema.fields import (
    MAX_PARAMS,
    Commercial,
    Id,
    Languages,
    NonNegInt,
    PositiveFloat,
    PositiveInt,
    Sources,
    SourceTier,
    Strict,
    Tasks,
    Verification,
    check_sources,
    check_tiers_align,
    split_source_tiers,
)
from feasibility.schema.media import Encoder, InputKind


class License(Strict):
    id: Id
    name: str
    commercial: Commercial
    conditions: str = ""
    """The commercial terms as the licence states them (thresholds with their exact figures)."""
    notice_only: bool = False
    """The only duty is to pass on the licence and its notices (MIT, Apache-2.0). Section 7 still
    lists it, but it is not a risk for legal review: naming it beside a user-count or revenue
    clause would make a permissive licence read as a hazard."""
    url: str
    """The licence text."""
    sources: tuple[str, ...] = ()
    """Where the conditions were read when it is not the licence text itself (a maker's guide)."""

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        check_sources((v,))
        return v

    @field_validator("sources")
    @classmethod
    def _sources(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return check_sources(v) if v else v


class MoE(Strict):
    """Mixture of experts: memory follows total parameters, speed follows active ones."""

    experts: PositiveInt
    active_experts: PositiveInt
    expert_intermediate_size: PositiveInt
    shared_expert_intermediate_size: NonNegInt = 0
    active_params: PositiveInt | None = None
    """Active parameters per token as published (None: computed from the expert shapes)."""


class RecurrentState(Strict):
    """Per-sequence state of a hybrid's recurrent layers (llama.cpp ``n_embd_r``, ``n_embd_s``).

    Mamba-2 and Gated DeltaNet keep a convolution window of ``d_conv - 1`` columns over
    ``d_inner + 2 * n_groups * d_state`` channels plus an SSM state of ``d_state * d_inner``; LFM2's
    short convolutions keep ``(L_cache - 1) * hidden_size`` (``d_state = n_groups = 0``).
    """

    kind: Literal["mamba2", "gated_deltanet", "short_conv"]
    """The mixer: Mamba-2 (Granite 4.0-H), Gated DeltaNet (Qwen3.5: its layers hold llama.cpp
    ``attn_qkv``, ``attn_gate``, ``ssm_*`` tensors and interleave with attention as 3:1), or
    LFM2's gated short convolutions."""
    layers: PositiveInt
    """Layers with a recurrent (SSM, DeltaNet or short-convolution) mixer."""
    d_conv: PositiveInt
    """Convolution kernel (``conv_kernel``, ``linear_conv_kernel_dim``, ``conv_L_cache``)."""
    d_inner: PositiveInt
    """Channels of the mixer (Mamba-2 heads x head dim; DeltaNet value dim; LFM2 hidden size)."""
    d_state: NonNegInt = 0
    """SSM state per channel (Mamba-2 ``state_size``; DeltaNet key head dim)."""
    n_groups: NonNegInt = 0
    """B/C groups (Mamba-2 ``n_groups``; DeltaNet key heads)."""
    heads: PositiveInt | None = None
    """Mamba-2 SSM heads (``mamba_n_heads``, llama.cpp ``ssm_dt_rank``): with them the mixers are
    laid out tensor by tensor (``ssm_in`` is ``2 d_inner + 2 n_groups d_state + heads`` wide);
    None leaves them in ``extra_params`` as one block."""


class Architecture(Strict):
    """Decoder shape from config.json; enough to size weights, KV cache and buffers.

    Standard blocks (attention, gated or plain FFN, norms) are computed from the fields. Anything
    else (SSM/Mamba or convolution blocks, per-layer embeddings, vision towers excluded) is
    declared in ``extra_params`` so that the computed count matches the published one.
    """

    type: Id
    """HF ``model_type`` (llama, qwen2, gemma3_text, ...); runtimes list the types they support."""
    layers: PositiveInt
    hidden_size: PositiveInt
    attention_heads: PositiveInt
    kv_heads: PositiveInt
    head_dim: PositiveInt
    intermediate_size: PositiveInt
    vocab_size: PositiveInt
    tied_embeddings: bool
    max_context: PositiveInt
    """``max_position_embeddings`` (or the advertised native window when the config overstates)."""
    gated_ffn: bool = True
    """SwiGLU/GeGLU (gate, up, down) vs a plain two-matrix MLP."""
    qkv_bias: bool = False
    qk_norm: bool = False
    fused_qkv: bool = False
    """Stored as one attn_qkv tensor (Phi-3); changes llama.cpp's per-tensor type choice."""
    attention_layers: PositiveInt | None = None
    """Layers with attention weights (None: all). Hybrids (LFM2, Granite 4.0 H, Qwen3.5) have
    fewer."""
    kv_layers: NonNegInt | None = None
    """Layers that keep a KV cache (None: ``attention_layers``). KV sharing (Gemma 3n/4) lowers
    it."""
    sliding_window: PositiveInt | None = None
    sliding_window_layers: NonNegInt = 0
    """How many of the KV layers are local (cache only ``sliding_window`` tokens)."""
    global_head_dim: PositiveInt | None = None
    """Head dim of global layers when it differs (Gemma 4)."""
    double_wide_ffn: bool = False
    """Gemma 4 ``use_double_wide_mlp``: the KV-sharing layers (from ``kv_layers`` on) have an FFN
    twice ``intermediate_size`` wide (its extra half is counted in ``extra_params``)."""
    ffn_layers: NonNegInt | None = None
    """Layers with a standard FFN (None: all)."""
    extra_params: int = 0
    """Parameters outside the standard blocks (SSM/conv mixers, per-layer embeddings, MTP...)."""
    offloadable_params: NonNegInt = 0
    """Parameters a runtime can keep out of fast memory (Gemma 3n per-layer embeddings)."""
    state_bytes: NonNegInt = 0
    """Fixed recurrent/convolution state per sequence (does not grow with context); ignored when
    ``recurrent`` gives the shapes it follows from."""
    recurrent: RecurrentState | None = None
    per_layer_input_dim: PositiveInt | None = None
    """Gemma 3n/4 ``hidden_size_per_layer_input``: width of each layer's slice of the per-layer
    embedding table (``offloadable_params``)."""
    altup_inputs: PositiveInt | None = None
    """Gemma 3n ``altup_num_inputs`` (AltUp streams; their projections stay 16-bit in GGUF)."""
    laurel_rank: PositiveInt | None = None
    """Gemma 3n ``laurel_rank`` (LAuReL low-rank residual; stays 16-bit in GGUF)."""
    moe: MoE | None = None
    mtp_layers: NonNegInt = 0
    """Multi-token-prediction blocks after the decoder (Qwen3.5 ``mtp_num_hidden_layers``), outside
    ``params``. llama.cpp's converter writes each as one more full-attention block with its NextN
    tensors, and llama.cpp leaves them unloaded unless MTP drafting is on; mlx-lm drops them."""
    n_merges: NonNegInt | None = None
    """BPE merges in tokenizer.json (GGUF metadata size); None: SentencePiece or unknown."""

    @model_validator(mode="after")
    def _consistent(self) -> Architecture:
        att = self.attention_layers or self.layers
        if att > self.layers:
            raise ValueError("attention_layers cannot exceed layers")
        kv = self.kv_layers if self.kv_layers is not None else att
        if kv > att:
            raise ValueError("kv_layers cannot exceed attention_layers")
        if self.sliding_window_layers > kv:
            raise ValueError("sliding_window_layers cannot exceed the KV layers")
        if self.sliding_window_layers and self.sliding_window is None:
            raise ValueError("sliding_window_layers needs sliding_window")
        if self.attention_heads % self.kv_heads:
            raise ValueError("attention_heads must be a multiple of kv_heads")
        return self

    @property
    def n_attention_layers(self) -> int:
        return self.attention_layers or self.layers

    @property
    def n_kv_layers(self) -> int:
        return self.kv_layers if self.kv_layers is not None else self.n_attention_layers

    @property
    def n_ffn_layers(self) -> int:
        return self.ffn_layers if self.ffn_layers is not None else self.layers


class Benchmark(Strict):
    """A published score: the quality evidence ``feasibility.scoring`` combines per service.

    ``name`` is the benchmark as published ("MMLU", "IFEval", "KMMLU"); ``scoring.BENCHMARKS``
    says which of them it reads and how. A benchmark a model has no published score for is simply
    absent: unknown, never zero.
    """

    name: str
    value: float
    """The score in percent (accuracy, pass rate or chrF), as the source prints it."""
    source: str
    setup: str = ""
    """How it was run, as the source says: shots, thinking on or off, metric variant."""


class ContextScaling(Strict):
    """RoPE scaling that stretches a model past its native window (Qwen's YaRN).

    The model then runs the longer context, but its maker warns that static scaling may cost
    quality, so a service that needs it passes with a stated risk instead of silently.
    """

    method: Literal["yarn", "linear", "dynamic", "longrope"]
    factor: PositiveFloat
    context_tokens: PositiveInt
    """The context the scaled model advertises."""
    source: str

    @field_validator("source")
    @classmethod
    def _url(cls, v: str) -> str:
        check_sources((v,))
        return v


class ModelEntry(Strict):
    id: Id
    name: str
    hf_repo: str = Field(pattern=r"^[A-Za-z0-9._-]+/[A-Za-z0-9._-]+$")
    family: str
    developer: str
    release_date: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    params: PositiveInt
    """Published total parameters of the text decoder (exact count where available)."""
    architecture: Architecture
    context_tokens: PositiveInt
    """Native context the developer advertises, without RoPE scaling."""
    context_scaling: ContextScaling | None = None
    """A longer context the developer advertises with RoPE scaling (a quality risk to state)."""
    license: Id
    languages: Languages
    """Languages the maker lists explicitly (ISO 639-1)."""
    languages_source: str = ""
    """Where the list was read (card, release blog, technical report); empty: the first source."""
    languages_claim: str = ""
    """A broad claim without a list ("140+ languages"): languages not listed stay unknown."""
    strengths: Tasks = ()
    """Tasks the card names as intended uses (from TASKS)."""
    reasoning_mode: bool = False
    """Thinking/reasoning output by default (long outputs cost battery and latency)."""
    benchmarks: tuple[Benchmark, ...] = ()
    official_quantizations: tuple[str, ...] = ()
    """Quantization ids the developer publishes itself (first-party GGUF/AWQ/ONNX...)."""
    lm_head_stored: bool | None = None
    """Whether the checkpoint stores its own ``lm_head`` tensor although the embeddings are tied
    (some small Qwen3 uploads do: converters then write an output tensor too, and the file grows
    by a vocabulary-sized matrix). None: not read. Only meaningful for tied models."""
    lm_head_source: str = ""
    """Where ``lm_head_stored`` was read (a file listing or tensor count); one of ``sources``."""
    verification: Verification = "B"
    sources: Sources
    source_tiers: tuple[SourceTier, ...] = ()
    """One tier per source (see SOURCE_TIERS); filled from ``{url, tier}`` source entries."""
    notes: str = ""

    encoders: tuple[Encoder, ...] = ()
    """Vision and audio encoders of a natively multimodal checkpoint (empty: text only)."""

    _tiers = model_validator(mode="before")(split_source_tiers)

    @property
    def inputs(self) -> tuple[InputKind, ...]:
        """What the model reads: text, and each modality one of its encoders covers."""
        found = {e.modality for e in self.encoders}
        return ("text", *(m for m in ("image", "audio") if m in found))

    def encoder(self, modality: str) -> Encoder | None:
        return next((e for e in self.encoders if e.modality == modality), None)

    @model_validator(mode="after")
    def _consistent(self) -> ModelEntry:
        check_tiers_align(self.sources, self.source_tiers)
        if self.languages_source:
            check_sources((self.languages_source,))
        if self.lm_head_stored is not None:
            if not self.architecture.tied_embeddings:
                raise ValueError(
                    "lm_head_stored: only for tied embeddings (untied always store it)"
                )
            if self.lm_head_source not in self.sources:
                raise ValueError(
                    "lm_head_source: name the source (one of sources) it was read from"
                )
        scaled = self.context_scaling
        if scaled is not None and scaled.context_tokens <= self.context_tokens:
            raise ValueError(
                f"context_scaling.context_tokens ({scaled.context_tokens}) must exceed the "
                f"native context_tokens ({self.context_tokens})"
            )
        return self

    @field_validator("params")
    @classmethod
    def _cap(cls, v: int) -> int:
        if v > MAX_PARAMS:
            raise ValueError(f"{v:,} parameters: nothing above 14B belongs in the catalog")
        return v
