"""Pydantic types for the catalog (models, quantizations, runtimes, devices) and device.yaml.

Every type forbids unknown keys and is frozen: a typo in a catalog or a device file is reported,
never ignored, and nothing downstream can mutate what was validated. Catalog facts carry
``sources`` (URLs); a fact that was not published stays ``None`` ("unknown stays unknown").

This module is named ``schema`` and not ``models`` because in this project "model" means a
language model.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

MAX_PARAMS = 14_000_000_000
"""Nothing above 14B parameters belongs in the catalog or a recommendation."""

OsName = Literal["ios", "ipados", "android", "macos", "linux", "windows"]
OS_NAMES: tuple[str, ...] = ("android", "ios", "ipados", "linux", "macos", "windows")
OS_LABELS: dict[str, str] = {
    "android": "Android",
    "ios": "iOS",
    "ipados": "iPadOS",
    "linux": "Linux",
    "macos": "macOS",
    "windows": "Windows",
}
"""How each OS is written (the same in every report language)."""
Accelerator = Literal["cpu", "gpu", "npu"]
ACCELERATORS: tuple[str, ...] = ("cpu", "gpu", "npu")
DeviceKind = Literal["phone", "tablet", "laptop", "desktop", "sbc", "devkit", "reference"]
Commercial = Literal["yes", "conditional", "no"]
Verification = Literal["A", "B", "C"]

TASKS: tuple[str, ...] = (
    "chat",
    "classification",
    "code",
    "extraction",
    "function-calling",
    "math",
    "qa",
    "reasoning",
    "rewriting",
    "summarization",
    "translation",
)
"""Service tasks a device.yaml may ask for, and model strengths the catalog may claim."""

# ISO 639-1 codes the catalog and device files may use (the languages small models' cards list).
LANGUAGES: dict[str, str] = {
    "ar": "Arabic",
    "bn": "Bengali",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "he": "Hebrew",
    "hi": "Hindi",
    "hu": "Hungarian",
    "id": "Indonesian",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "ms": "Malay",
    "nl": "Dutch",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sv": "Swedish",
    "sw": "Swahili",
    "th": "Thai",
    "tl": "Tagalog",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "vi": "Vietnamese",
    "zh": "Chinese",
}

_ID = r"^[a-z0-9][a-z0-9._-]*$"
_URL = re.compile(r"^https?://\S+$")

Id = Annotated[str, Field(pattern=_ID, min_length=1, max_length=80)]
PositiveInt = Annotated[int, Field(gt=0)]
NonNegInt = Annotated[int, Field(ge=0)]
PositiveFloat = Annotated[float, Field(gt=0)]


class Strict(BaseModel):
    """Base: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


def _check_sources(v: tuple[str, ...]) -> tuple[str, ...]:
    if not v:
        raise ValueError("at least one source URL is required")
    for url in v:
        if not _URL.match(url):
            raise ValueError(f"not a URL: {url!r}")
    return v


# Common mistakes edit distance would not catch (country codes, ISO 639-2, names, verbs).
_LANGUAGE_ALIASES: dict[str, str] = {
    "kr": "ko",
    "kor": "ko",
    "jp": "ja",
    "jpn": "ja",
    "cn": "zh",
    "zho": "zh",
    "chi": "zh",
    "zh-cn": "zh",
    "zh-tw": "zh",
    "zh-hans": "zh",
    "zh-hant": "zh",
    "eng": "en",
    "en-us": "en",
    "en-gb": "en",
    "ger": "de",
    "deu": "de",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
    "es-mx": "es",
    "pt-br": "pt",
    "gr": "el",
    "dk": "da",
    "se": "sv",
    "ua": "uk",
    "cz": "cs",
    "vn": "vi",
    "iw": "he",
    "in": "id",
    "nb": "no",
    "nn": "no",
    "fil": "tl",
    "rus": "ru",
    "ita": "it",
}
_TASK_ALIASES: dict[str, str] = {
    "summarize": "summarization",
    "summary": "summarization",
    "summarisation": "summarization",
    "translate": "translation",
    "classify": "classification",
    "extract": "extraction",
    "tool-calling": "function-calling",
    "tools": "function-calling",
    "tool-use": "function-calling",
    "coding": "code",
    "question-answering": "qa",
    "rewrite": "rewriting",
    "reason": "reasoning",
    "conversation": "chat",
    "assistant": "chat",
}


def _suggest(value: str, choices: tuple[str, ...] | dict[str, str], aliases: dict[str, str]) -> str:
    from feasibility.units import did_you_mean

    key = value.strip().lower().replace("_", "-")
    if key in aliases:
        return f"; did you mean '{aliases[key]}'?"
    if isinstance(choices, dict):
        names = {name.lower(): code for code, name in choices.items()}
        if key in names:
            return f"; did you mean '{names[key]}'?"
    return did_you_mean(value, choices)


def _check_language(code: str) -> str:
    if code not in LANGUAGES:
        raise ValueError(
            f"unknown language code {code!r} (ISO 639-1 expected)"
            f"{_suggest(code, LANGUAGES, _LANGUAGE_ALIASES)}"
        )
    return code


def _check_task(t: str) -> str:
    if t not in TASKS:
        hint = _suggest(t, TASKS, _TASK_ALIASES) or f"; known tasks: {', '.join(TASKS)}"
        raise ValueError(f"unknown task {t!r}{hint}")
    return t


def _sorted_unique(v: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(v)))


Sources = Annotated[tuple[str, ...], AfterValidator(_check_sources)]

SourceTier = Literal["maker", "reference", "other"]
SOURCE_TIERS: tuple[str, ...] = ("maker", "reference", "other")
"""Who published a cited page: the model's or device's maker (its card, config, spec page,
report), a reputable reference (an encyclopedia, an independent reviewer, an established
open-source implementation), or anything else (news, leaks). Reports and tests rank them."""


def _split_source_tiers(data: object) -> object:
    """Accept ``sources`` entries as ``{url, tier}`` mappings or plain URLs.

    The URLs stay in ``sources`` (what reports cite) and the tiers go to ``source_tiers``, index
    for index. A plain URL string counts as tier "other", so an overlay written before tiers
    existed still loads, but never counts as a maker or reference source.
    """
    if not isinstance(data, dict) or "source_tiers" in data:
        return data
    raw = data.get("sources")
    if not isinstance(raw, (list, tuple)):
        return data
    urls: list[object] = []
    tiers: list[str] = []
    for i, item in enumerate(raw):
        if isinstance(item, dict):
            unknown = set(item) - {"url", "tier"}
            if unknown or "url" not in item:
                raise ValueError(
                    f"sources.{i}: a source is a URL or a mapping with 'url' and 'tier' "
                    f"(got keys {', '.join(sorted(map(str, item)))})"
                )
            tier = item.get("tier", "other")
            if tier not in SOURCE_TIERS:
                raise ValueError(
                    f"sources.{i}.tier: unknown tier {tier!r} (one of {', '.join(SOURCE_TIERS)})"
                )
            urls.append(item["url"])
            tiers.append(str(tier))
        else:
            urls.append(item)
            tiers.append("other")
    return {**data, "sources": urls, "source_tiers": tiers}


def _check_tiers_align(sources: tuple[str, ...], tiers: tuple[str, ...]) -> None:
    if len(tiers) != len(sources):
        raise ValueError(
            f"source_tiers: {len(tiers)} tiers for {len(sources)} sources (one tier per source)"
        )


Languages = Annotated[
    tuple[Annotated[str, AfterValidator(_check_language)], ...], AfterValidator(_sorted_unique)
]
Tasks = Annotated[
    tuple[Annotated[str, AfterValidator(_check_task)], ...], AfterValidator(_sorted_unique)
]

# --------------------------------------------------------------------------------------------
# Catalog: licenses and models
# --------------------------------------------------------------------------------------------


class License(Strict):
    id: Id
    name: str
    commercial: Commercial
    conditions: str = ""
    """The commercial terms as the licence states them (thresholds with their exact figures)."""
    url: str
    """The licence text."""
    sources: tuple[str, ...] = ()
    """Where the conditions were read when it is not the licence text itself (a maker's guide)."""

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        _check_sources((v,))
        return v

    @field_validator("sources")
    @classmethod
    def _sources(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return _check_sources(v) if v else v


class MoE(Strict):
    """Mixture of experts: memory follows total parameters, speed follows active ones."""

    experts: PositiveInt
    active_experts: PositiveInt
    expert_intermediate_size: PositiveInt
    shared_expert_intermediate_size: NonNegInt = 0
    active_params: PositiveInt | None = None
    """Active parameters per token as published (None: computed from the expert shapes)."""


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
    ffn_layers: NonNegInt | None = None
    """Layers with a standard FFN (None: all)."""
    extra_params: int = 0
    """Parameters outside the standard blocks (SSM/conv mixers, per-layer embeddings, MTP...)."""
    offloadable_params: NonNegInt = 0
    """Parameters a runtime can keep out of fast memory (Gemma 3n per-layer embeddings)."""
    state_bytes: NonNegInt = 0
    """Fixed recurrent/convolution state per sequence (does not grow with context)."""
    moe: MoE | None = None
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
        _check_sources((v,))
        return v


# --------------------------------------------------------------------------------------------
# Media input: the encoders a model reads images and audio with (kept together on purpose)
# --------------------------------------------------------------------------------------------

InputKind = Literal["text", "image", "audio"]
"""What a service sends the model: text always reaches the decoder; images and audio need an
encoder (a vision or audio tower and its projector into the decoder's embedding space)."""
Modality = Literal["image", "audio"]
EncoderType = Literal["F32", "F16", "BF16", "Q8_0"]
"""Storage type of an encoder file's matrices (mmproj GGUF files are usually F16 or Q8_0)."""


class VitTower(Strict):
    """A ViT-style vision tower and its projector, as the checkpoint's config gives them: the
    encoder file's tensors (and so its bytes and FLOPs) are computed from these shapes."""

    layers: PositiveInt
    hidden_size: PositiveInt
    intermediate_size: PositiveInt
    attention_heads: PositiveInt
    patch_size: PositiveInt
    image_size: PositiveInt
    """Side of the square image the tower sees (the runtime resizes or tiles to it)."""
    channels: PositiveInt = 3
    gated_ffn: bool = False
    biases: bool = True
    """Attention and FFN projections carry biases (SigLIP: yes; Pixtral: no)."""
    norm_bias: bool = True
    """LayerNorm with weight and bias (SigLIP) rather than RMSNorm with a weight only."""
    position_table: bool = True
    """A learned absolute position table of one row per patch (RoPE towers have none)."""
    pre_norm: bool = False
    post_norm: bool = True
    projector: tuple[tuple[PositiveInt, PositiveInt], ...]
    """(inputs, outputs) of each projector matrix, in order."""
    projector_vectors: NonNegInt = 0
    """Parameters of the projector's 1-D tensors (norm weights, biases)."""
    embeddings_type: Literal["F32", "F16"] = "F16"
    """What llama.cpp's converter keeps the patch and position embeddings at in an F16 or Q8_0
    file (Gemma 3: forced to F32; a patch kernel whose rows do not divide into Q8_0 blocks: F16)."""


class EncoderBuild(Strict):
    """How one runtime runs an encoder: the file it loads, its type, where it is published."""

    runtime: Id
    format: str
    """``mmproj GGUF``, ``MLX safetensors``, ``.litertlm``..."""
    type: EncoderType
    file: str = ""
    """The published file (empty: produced by the conversion step)."""
    repo: str = ""
    size_reported: str = ""
    """The file's size as the publisher's listing shows it (``851 MB``)."""
    loads_text_only: bool
    """The runtime loads the towers even when the app sends text only (one file holds them)."""
    source: str = Field(pattern=r"^https?://\S+$")


class Encoder(Strict):
    """A vision or audio encoder of a natively multimodal model (tower + projector)."""

    modality: Modality
    name: str
    params: PositiveInt
    """Tower plus projector, computed from the config's shapes (``tower``) where given."""
    tower: VitTower | None = None
    tokens_per_image: PositiveInt | None = None
    """Decoder tokens one image becomes after pooling or pixel shuffle, at the runtime's default
    resolution for a square photo (all tiles)."""
    tiles_per_image: PositiveInt = 1
    """Tower passes one image takes at that resolution (tiled models: the tiles plus the
    overview; one pass sees ``tower.image_size``)."""
    tokens_per_second: PositiveFloat | None = None
    """Decoder tokens per second of audio."""
    gflops_per_item: PositiveFloat | None = None
    """Published GFLOPs per image or audio second, for towers that are not a plain ViT."""
    builds: tuple[EncoderBuild, ...] = ()
    sources: Sources
    notes: str = ""

    @model_validator(mode="after")
    def _per_item(self) -> Encoder:
        if self.modality == "image" and self.tokens_per_image is None:
            raise ValueError("tokens_per_image: an image encoder must say what an image costs")
        if self.modality == "audio" and self.tokens_per_second is None:
            raise ValueError("tokens_per_second: an audio encoder must say what a second costs")
        return self


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

    _tiers = model_validator(mode="before")(_split_source_tiers)

    @property
    def inputs(self) -> tuple[InputKind, ...]:
        """What the model reads: text, and each modality one of its encoders covers."""
        found = {e.modality for e in self.encoders}
        return ("text", *(m for m in ("image", "audio") if m in found))

    def encoder(self, modality: str) -> Encoder | None:
        return next((e for e in self.encoders if e.modality == modality), None)

    @model_validator(mode="after")
    def _consistent(self) -> ModelEntry:
        _check_tiers_align(self.sources, self.source_tiers)
        if self.languages_source:
            _check_sources((self.languages_source,))
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


# --------------------------------------------------------------------------------------------
# Catalog: quantization formats
# --------------------------------------------------------------------------------------------


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
    """The format writes tied embedding and head separately (ORT GenAI default)."""
    other_bits: float = 16
    """Bits of tensors left unquantized (norms, biases)."""


class GgufScheme(Strict):
    """llama.cpp file type; per-tensor types follow llama-quantize's rules (see estimate.gguf)."""

    kind: Literal["gguf"] = "gguf"
    ftype: str


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
    notes: str = ""
    sources: Sources


# --------------------------------------------------------------------------------------------
# Catalog: runtimes
# --------------------------------------------------------------------------------------------


class PlatformSupport(Strict):
    os: OsName
    min_version: str | None = Field(default=None, pattern=r"^\d+(\.\d+){0,2}$")
    """Minimum OS version; None when the runtime does not publish one."""
    accelerators: tuple[Accelerator, ...]
    npu_vendors: tuple[str, ...] = ()
    """NPU families it can use on this OS (apple, qualcomm, mediatek, google, intel, ...)."""
    gpu_vendors: tuple[str, ...] = ()
    """GPU families it can use on this OS (empty: any); e.g. MLX on Linux is a CUDA backend."""
    integration: str = ""
    """How an app embeds it on this OS (Swift package, AAR, NDK library...)."""


class PipelineStep(Strict):
    """One step of a build pipeline; ``command`` is a template (see feasibility.pipeline)."""

    title: str
    command: str
    os: tuple[OsName, ...] = ()
    """Only for these target OSes (empty: all)."""
    formats: tuple[str, ...] = ()
    """Only for these quantization formats (empty: all)."""
    quants: tuple[str, ...] = ()
    """Only for these quantization ids (empty: all); a flag that differs by quantization is a
    step per quantization, never shell logic in the command."""
    backends: tuple[Accelerator, ...] = ()
    """Only when the plan runs on one of these accelerators (empty: any); a GPU build and a
    CPU build are different steps with honest titles."""
    when: tuple[str, ...] = ()
    """Only when the model's artifact carries one of these tags (empty: always): its kind (see
    ``ArtifactKind``: a published build is downloaded, otherwise the model is converted) or the
    name of a value it sets (``qnn_checkpoint``)."""
    inputs: tuple[str, ...] = ()
    """Files or folders under ``models/`` this step reads (templates); an earlier step makes
    them."""
    outputs: tuple[str, ...] = ()
    """Files or folders under ``models/`` this step writes (templates)."""
    media: tuple[str, ...] = ()
    """Only for a service that sends images or audio: every tag must hold (``image``, ``audio``,
    ``encoder-download`` for a published encoder file, ``encoder-convert`` to make it)."""


class Efficiency(Strict):
    """Share of peak memory bandwidth a backend reaches in decode (fitted, see estimate.speed)."""

    cpu: float | None = Field(default=None, gt=0, le=1)
    gpu: float | None = Field(default=None, gt=0, le=1)
    npu: float | None = Field(default=None, gt=0, le=1)


# -- availability per backend (runtime realism: which chips a compiled-in backend drives) ------

BackendMaturity = Literal["production", "beta", "experimental"]
"""How far a runtime's backend has come, as its maintainers describe it (see ``BackendSupport``)."""
MATURITY_ORDER: tuple[str, ...] = ("production", "beta", "experimental")
"""Best first: placement prefers a production backend, and a lower one is a named risk."""
CpuArch = Literal["arm64", "x86_64"]


class BackendSupport(Strict):
    """One compiled-in backend of a runtime: the accelerator, the API, the chips it drives and
    its maturity, with the maintainers' page that says so.

    When a runtime lists backends for an accelerator on an OS, that accelerator is usable only
    through a matching entry (an empty filter matches anything); with none listed, the platform's
    accelerators decide alone and the runtime's own maturity applies.
    """

    accelerator: Accelerator
    api: str
    """As the runtime names it: CPU, Metal, OpenCL, Vulkan, CUDA, QNN HTP, Neural Engine..."""
    os: tuple[OsName, ...] = ()
    """OSes this entry is for (empty: every OS of the runtime's platforms)."""
    cpu_archs: tuple[CpuArch, ...] = ()
    cpu_vendors: tuple[str, ...] = ()
    """CPU makers it supports (empty: any of ``cpu_archs``)."""
    gpu_families: tuple[str, ...] = ()
    """GPU families (``Device.gpu_vendor``: apple, qualcomm, arm, nvidia, intel...)."""
    npu_vendors: tuple[str, ...] = ()
    min_npu_generation: str | None = Field(default=None, pattern=r"^v\d+$")
    """Oldest NPU generation it drives (Hexagon ``v73``); a device of unknown generation fails."""
    maturity: BackendMaturity
    source: str = Field(pattern=r"^https?://\S+$")
    speed_measured: bool = False
    """Published measurements of this runtime on this backend fitted the speed constants; an
    unmeasured pair is never estimated faster than the measured runtime on the same hardware."""


class RamGuidance(Strict):
    """A maker's minimum device RAM for a class of models on this runtime (Qualcomm: 16 GB for
    7B+ or 4,096-token contexts, 12 GB for 3B+)."""

    min_ram_gb: PositiveFloat
    min_params: PositiveInt | None = None
    """Applies to models of at least this many parameters."""
    min_context_tokens: PositiveInt | None = None
    """Applies to services with at least this context."""
    source: str = Field(pattern=r"^https?://\S+$")


class QuantPath(Strict):
    """A (quantization, OS) path of a runtime whose maturity is below its backend's: the catalog
    knows the runtime loads the format somewhere, not that it works on this OS."""

    quants: tuple[str, ...]
    os: tuple[OsName, ...]
    maturity: BackendMaturity
    reason: str
    source: str = Field(pattern=r"^https?://\S+$")


class Runtime(Strict):
    id: Id
    name: str
    license: str
    platforms: tuple[PlatformSupport, ...]
    quantizations: tuple[str, ...]
    """Quantization ids it loads."""
    architectures: tuple[str, ...]
    """HF model types it runs (``*`` = any decoder the converter knows; avoid where possible)."""
    kv_cache_types: tuple[str, ...] = ("f16",)
    overhead_mb: NonNegInt
    """Runtime library, tokenizer and bookkeeping resident beside the model (MiB)."""
    efficiency: Efficiency = Efficiency()
    maturity: Literal["stable", "beta", "experimental", "deprecated"] = "stable"
    backends: tuple[BackendSupport, ...] = ()
    """Compiled-in backends with the chips they drive and their maturity (see BackendSupport)."""
    ram_guidance: tuple[RamGuidance, ...] = ()
    quant_paths: tuple[QuantPath, ...] = ()
    pipeline: tuple[PipelineStep, ...]
    notes: str = ""
    sources: Sources

    def platform(self, os: str) -> PlatformSupport | None:
        for p in self.platforms:
            if p.os == os:
                return p
        return None


# --------------------------------------------------------------------------------------------
# Catalog: published artifacts and the runtimes' own conversion support (data/artifacts.yaml)
# --------------------------------------------------------------------------------------------

ArtifactStatus = Literal["published", "convertible", "unsupported"]
ARTIFACT_STATUSES: tuple[str, ...] = ("published", "convertible", "unsupported")
"""Ranking order: a published build beats one the runtime's tooling converts at equal fit."""
ArtifactKind = Literal[
    "convert", "gguf", "hf-dir", "hf-file", "aihub-export", "aihub-precompiled", "none"
]
"""How a pipeline obtains the build: ``convert`` with the runtime's tooling; ``gguf`` /
``hf-file`` one published file; ``hf-dir`` a published folder; ``aihub-export`` AI Hub's exporter
compiles the model's bundle; ``aihub-precompiled`` AI Hub's precompiled assets, bundled by hand;
``none`` no build (unsupported)."""
_KIND_STATUS: dict[str, str] = {
    "convert": "convertible",
    "none": "unsupported",
}
_HF_REPO = re.compile(r"^[A-Za-z0-9._-]+/[A-Za-z0-9._-]+$")


class Artifact(Strict):
    """How a model is obtained for one runtime (and some of its quantizations).

    ``published``: an exact repository or bundle exists (``repo``, ``file``). ``convertible``: the
    runtime's own tooling converts the model, with the per-model ids in ``values`` (an AI Hub
    model name, an ExecuTorch decoder name, a conversation template). ``unsupported``: no build
    can be made, and ``reason`` says why.
    """

    model: Id
    runtime: Id
    quants: tuple[str, ...] = ()
    """Quantization ids this covers (empty: every quantization the runtime loads)."""
    status: ArtifactStatus
    kind: ArtifactKind
    repo: str | None = None
    """Hugging Face repository (owner/name) of a published build."""
    file: str = ""
    """File or folder inside ``repo``; ``{quant}`` / ``{quant_lower}`` stand for the id."""
    values: dict[str, str] = Field(default_factory=dict)
    """Per-model ids the runtime's tooling needs (pipeline placeholders of the same name)."""
    reason: str = ""
    sources: Sources

    @model_validator(mode="after")
    def _consistent(self) -> Artifact:
        expected = _KIND_STATUS.get(self.kind, "published")
        if self.status != expected:
            raise ValueError(f"kind {self.kind!r} means status {expected!r}, not {self.status!r}")
        if self.kind in ("gguf", "hf-dir", "hf-file") and (
            self.repo is None or not _HF_REPO.match(self.repo)
        ):
            raise ValueError(f"a {self.kind!r} artifact needs repo: owner/name")
        if self.kind in ("gguf", "hf-file") and not self.file:
            raise ValueError(f"a {self.kind!r} artifact names its file")
        if self.status == "unsupported" and not self.reason:
            raise ValueError("an unsupported artifact says why (reason)")
        return self


class ArtifactDefault(Strict):
    """What holds for a model no ``Artifact`` entry names (default: convertible)."""

    runtime: Id
    quants: tuple[str, ...] = ()
    status: Literal["convertible", "unsupported"]
    reason: str
    sources: Sources


class Chipset(Strict):
    """Ids the vendor tools use for one chip (AI Hub ``--chipset``, ExecuTorch ``--soc_model``)."""

    id: Id
    match: tuple[str, ...]
    """Substrings of a catalog device's ``soc`` naming this chip."""
    aihub_chipset: str | None = None
    qnn_soc_model: str | None = None
    hexagon: str | None = Field(default=None, pattern=r"^v\d+$")
    """Hexagon (HTP) architecture, which names the QAIRT skeleton library folder."""
    htp_soc_id: PositiveInt | None = None
    """QNN's numeric SoC id (``soc_model`` in a Genie HTP backend config)."""
    sources: Sources


class ArtifactsFile(Strict):
    schema_version: Literal[1] = 1
    defaults: tuple[ArtifactDefault, ...] = ()
    artifacts: tuple[Artifact, ...] = ()
    chipsets: tuple[Chipset, ...] = ()


# --------------------------------------------------------------------------------------------
# Catalog: devices and built-in platform models
# --------------------------------------------------------------------------------------------


GPU_FAMILIES: tuple[tuple[str, str], ...] = (
    ("apple", "apple"),
    ("adreno", "qualcomm"),
    ("mali", "arm"),
    ("immortalis", "arm"),
    ("xclipse", "samsung"),
    ("powervr", "imagination"),
    ("cuda", "nvidia"),
    ("nvidia", "nvidia"),
    ("intel", "intel"),
    ("videocore", "broadcom"),
)
"""GPU name keyword -> GPU family, for runtimes whose GPU backend is family-specific."""


# --------------------------------------------------------------------------------------------
# Device speed facts (read by estimator.speed; every figure sourced in the device's sources)
# --------------------------------------------------------------------------------------------

CpuIsa = Literal["neon", "dotprod", "i8mm", "sve2", "sme2", "avx2", "avx512"]
"""CPU features that change llama.cpp's matrix kernels (int8 dot products, matrix multiply)."""


class CpuCluster(Strict):
    """Cores of one type and clock (a big.LITTLE CPU has two to four clusters)."""

    cores: PositiveInt
    core: str
    """Core design as the maker names it (Cortex-X3, Oryon, Firestorm)."""
    ghz: PositiveFloat
    """Maximum clock of the cluster."""
    efficiency: bool = False
    """Efficiency ("little") cores: llama.cpp's threads run on the other clusters."""


class SpeedCalibration(Strict):
    """Efficiency factors fitted on the user's own benchmark (``feasibility calibrate``): they
    scale the backend family's constants on this device only."""

    backend: Accelerator
    runtime: Id = "llama.cpp"
    bandwidth_factor: PositiveFloat = 1.0
    """How much faster this device decodes than its family's constants say (scales η_bw and η_dc
    up and the fixed per-layer costs down alike)."""
    compute_factor: PositiveFloat = 1.0
    """Multiplies η_pf: measured prefill over the uncalibrated estimate."""
    rows: PositiveInt = 1
    source: str = ""
    """The benchmark file the factors were fitted on (name only)."""


class Npu(Strict):
    name: str
    vendor: str
    """apple, qualcomm, mediatek, google, samsung, intel, nvidia, ..."""
    tops: PositiveFloat | None = None
    """INT8 TOPS as published; None when not published."""
    generation: str | None = Field(default=None, pattern=r"^v\d+$")
    """NPU architecture generation where the vendor's tools gate on it (Hexagon ``v73``)."""


class DeviceVariant(Strict):
    """One chip a device ships with (Galaxy S phones: Snapdragon in some markets, Exynos in
    others). Fields left out are the device's own."""

    id: Id
    name: str
    soc: str
    markets: tuple[str, ...]
    """Where this variant ships, as the maker or a reference states it (regions or countries)."""
    gpu: str = ""
    npu: Npu | None = None
    memory_bandwidth_gbs: PositiveFloat | None = None
    """Peak DRAM bandwidth (GB/s) of this variant; None when not published."""
    cpu_vendor: str | None = None
    """Maker of this variant's chip (what runtimes gate on); None: the device's."""
    sources: Sources
    source_tiers: tuple[SourceTier, ...] = ()
    notes: str = ""

    _tiers = model_validator(mode="before")(_split_source_tiers)

    @model_validator(mode="after")
    def _aligned(self) -> DeviceVariant:
        _check_tiers_align(self.sources, self.source_tiers)
        if not self.markets:
            raise ValueError("markets: name at least one market where this variant ships")
        return self


class Device(Strict):
    id: Id
    name: str
    vendor: str
    year: int | None = Field(default=None, ge=2010, le=2030)
    kind: DeviceKind
    os: OsName
    os_version: str | None = Field(default=None, pattern=r"^\d+(\.\d+){0,2}$")
    """Newest OS version the device runs (what a current app can rely on)."""
    os_version_shipped: str | None = Field(default=None, pattern=r"^\d+(\.\d+){0,2}$")
    soc: str = ""
    ram_gb: PositiveFloat | None
    """Installed RAM. None only for ``kind: reference`` (a chip platform shipped with several RAM
    sizes): a target using such a preset must give ``ram_gb`` itself."""
    memory_bandwidth_gbs: PositiveFloat | None = None
    """Peak DRAM bandwidth (GB/s); None when not published."""
    accelerators: tuple[Accelerator, ...] = ("cpu", "gpu")
    gpu: str = ""
    gpu_tflops_fp16: PositiveFloat | None = None
    cpu_cores: PositiveInt | None = None
    npu: Npu | None = None
    platform_models: tuple[Id, ...] = ()
    """Built-in system models available on this device (Apple Foundation Models, Gemini Nano)."""
    variants: tuple[DeviceVariant, ...] = ()
    """Chips the device ships with in different markets (empty: one chip, the fields above)."""
    # Availability facts (situation.place): which runtimes' backends can drive this chip.
    cpu_arch: CpuArch | None = None
    """CPU instruction set architecture; None when not known (then it restricts nothing)."""
    cpu_vendor: str | None = None
    """Maker of the chip (intel, amd, apple, qualcomm, mediatek, google, samsung, broadcom,
    nvidia): some runtimes support only one maker's CPUs."""
    # Speed facts (estimator.speed): all optional, unknown stays None/empty.
    cpu_clusters: tuple[CpuCluster, ...] = ()
    cpu_isa: tuple[CpuIsa, ...] = ()
    memory_type: str | None = None
    """DRAM standard and speed as published (``LPDDR5X-8533``)."""
    speed_calibration: tuple[SpeedCalibration, ...] = ()
    """Per-backend factors from ``feasibility calibrate`` (written into a device overlay)."""
    sources: Sources
    source_tiers: tuple[SourceTier, ...] = ()
    notes: str = ""

    _tiers = model_validator(mode="before")(_split_source_tiers)

    @property
    def gpu_vendor(self) -> str | None:
        """The GPU's family, read from its catalog name (the first GPU named, where a model ships
        with two chips)."""
        name = self.gpu.lower()
        hits = [(name.find(k), v) for k, v in GPU_FAMILIES if k in name]
        return min(hits)[1] if hits else None

    def as_variant(self, variant: DeviceVariant) -> Device:
        """This device as sold with ``variant``'s chip (fields the variant leaves out stay)."""
        update: dict[str, object] = {
            "name": variant.name,
            "soc": variant.soc,
            "variants": (),
            "npu": variant.npu,
            "memory_bandwidth_gbs": variant.memory_bandwidth_gbs,
        }
        if variant.gpu:
            update["gpu"] = variant.gpu
        if variant.cpu_vendor:
            update["cpu_vendor"] = variant.cpu_vendor
        if variant.npu is None and "npu" in self.accelerators:
            update["accelerators"] = tuple(a for a in self.accelerators if a != "npu")
        return self.model_copy(update=update)

    @model_validator(mode="after")
    def _ram_known(self) -> Device:
        if self.ram_gb is None and self.kind != "reference":
            raise ValueError("ram_gb is required (only a 'reference' chip platform may omit it)")
        _check_tiers_align(self.sources, self.source_tiers)
        ids = [v.id for v in self.variants]
        if len(set(ids)) != len(ids):
            raise ValueError(f"variants: duplicate id in {', '.join(ids)}")
        return self


class PlatformModel(Strict):
    """A built-in system model (not open weights; never one of the two recommendations)."""

    id: Id
    name: str
    vendor: str
    os: tuple[OsName, ...]
    min_os_version: str | None = None
    languages: Languages = ()
    notes: str = ""
    sources: Sources
    source_tiers: tuple[SourceTier, ...] = ()

    _tiers = model_validator(mode="before")(_split_source_tiers)

    @model_validator(mode="after")
    def _aligned(self) -> PlatformModel:
        _check_tiers_align(self.sources, self.source_tiers)
        return self


# --------------------------------------------------------------------------------------------
# Catalog files
# --------------------------------------------------------------------------------------------


class ModelsFile(Strict):
    schema_version: Literal[1] = 1
    licenses: tuple[License, ...] = ()
    models: tuple[ModelEntry, ...] = ()


class DevicesFile(Strict):
    schema_version: Literal[1] = 1
    devices: tuple[Device, ...] = ()
    platform_models: tuple[PlatformModel, ...] = ()


class RuntimesFile(Strict):
    schema_version: Literal[1] = 1
    runtimes: tuple[Runtime, ...] = ()


class QuantizationsFile(Strict):
    schema_version: Literal[1] = 1
    quantizations: tuple[Quantization, ...] = ()


class CatalogOverlay(Strict):
    """A user's ``--catalog`` file: any of the four sections; entries add or replace by id."""

    schema_version: Literal[1] = 1
    licenses: tuple[License, ...] = ()
    models: tuple[ModelEntry, ...] = ()
    devices: tuple[Device, ...] = ()
    platform_models: tuple[PlatformModel, ...] = ()
    runtimes: tuple[Runtime, ...] = ()
    quantizations: tuple[Quantization, ...] = ()


# --------------------------------------------------------------------------------------------
# Input: device.yaml
# --------------------------------------------------------------------------------------------


class TargetSpec(Strict):
    """One target: a catalog preset, explicit fields, or a preset with fields overriding it."""

    preset: str | None = None
    name: str | None = None
    kind: DeviceKind | None = None
    os: OsName | None = None
    os_version: str | None = Field(default=None, pattern=r"^\d+(\.\d+){0,2}$")
    """The app's deployment target or the OS version to plan for."""
    ram_gb: PositiveFloat | None = Field(default=None, le=1024)
    memory_bandwidth_gbs: PositiveFloat | None = Field(default=None, le=10_000)
    accelerators: tuple[Accelerator, ...] | None = None
    npu: Npu | None = None
    memory_budget_mb: PositiveInt | None = None
    variant: Id | None = None
    """For a preset sold with several chips: the one variant this target is (else all)."""
    """Per-target override of the memory the app may give the model."""

    @model_validator(mode="after")
    def _enough(self) -> TargetSpec:
        if self.preset is None and (self.os is None or self.ram_gb is None):
            raise ValueError("give a 'preset' or at least 'os' and 'ram_gb'")
        return self


def _check_inputs(service: Service) -> None:
    """``inputs`` is a non-empty set, and audio says how many seconds a request carries."""
    if not service.inputs:
        raise ValueError("inputs: name at least one input (text, image, audio)")
    if len(set(service.inputs)) != len(service.inputs):
        raise ValueError(f"inputs: {', '.join(service.inputs)} lists an input twice")
    if "audio" in service.inputs and service.audio_seconds_per_request is None:
        raise ValueError(
            "audio_seconds_per_request: give the seconds of audio per request (e.g. 30), "
            "since inputs lists audio"
        )


class Service(Strict):
    description: str | None = Field(default=None, max_length=2000)
    tasks: Tasks = ("chat",)
    languages: Languages = ("en",)
    context_tokens: int = Field(default=4096, ge=128, le=262_144)
    """Prompt plus generated tokens the service keeps in context."""
    output_tokens: int = Field(default=256, ge=1, le=32_768)
    """Typical tokens generated per request."""
    inputs: tuple[InputKind, ...] = ("text",)
    """What each request sends the model; images and audio need a model with that encoder."""
    images_per_request: int = Field(default=1, ge=1, le=64)
    """Images per request when ``inputs`` lists ``image`` (their tokens join the context)."""
    audio_seconds_per_request: float | None = Field(default=None, gt=0, le=3600)
    """Seconds of audio per request; required when ``inputs`` lists ``audio``."""

    @property
    def media(self) -> tuple[InputKind, ...]:
        """The inputs that need an encoder (empty for a text-only service)."""
        return tuple(i for i in self.inputs if i != "text")

    @model_validator(mode="after")
    def _fits(self) -> Service:
        if not self.tasks:
            raise ValueError("tasks: name at least one task")
        if not self.languages:
            raise ValueError("languages: name at least one language")
        _check_inputs(self)
        if self.output_tokens >= self.context_tokens:
            raise ValueError(
                f"output_tokens: must be smaller than context_tokens ({self.context_tokens}), "
                f"since the output is part of the context (got {self.output_tokens})"
            )
        return self


class Constraints(Strict):
    memory_budget_mb: PositiveInt | None = Field(default=None, le=1_048_576)
    """What the app may give the model in total (weights + KV + runtime). None: derived per OS."""
    npu: Literal["required", "preferred", "ignore"] = "ignore"
    battery: Literal["minimize", "balanced"] = "balanced"
    license: Literal["commercial", "any"] = "commercial"
    """This tool plans shipped services: commercial use by default; ``any`` opts out."""
    min_bits: PositiveFloat | None = Field(default=None, le=16)
    """Lowest bits per weight a build may have (raises the quality floor of ``ranking``)."""
    min_decode_tps: PositiveFloat | None = Field(default=None, le=10_000)
    max_params_b: PositiveFloat | None = Field(default=None, le=14)
    runtimes: tuple[Id, ...] = ()
    """Restrict to these runtimes (empty: all)."""
    quantizations: tuple[str, ...] = ()
    """Restrict to these quantizations (empty: all)."""


class Spec(Strict):
    """A whole device.yaml: one ``target`` (or top-level device fields) or several ``targets``."""

    targets: tuple[TargetSpec, ...]
    service: Service = Service()
    constraints: Constraints = Constraints()

    @model_validator(mode="before")
    @classmethod
    def _single_target(cls, data: object) -> object:
        """Accept ``target:`` or a ``device:``/top-level preset as shorthand for one target."""
        if isinstance(data, dict):
            data = dict(data)
            for key in ("target", "device"):
                if key in data and "targets" not in data:
                    data["targets"] = [data.pop(key)]
        return data

    @field_validator("targets")
    @classmethod
    def _non_empty(cls, v: tuple[TargetSpec, ...]) -> tuple[TargetSpec, ...]:
        if not v:
            raise ValueError("no targets: add at least one device under 'targets'")
        if len(v) > 50:
            raise ValueError(
                "at most 50 targets per file (screen a fleet with 'feasibility screen')"
            )
        return v
