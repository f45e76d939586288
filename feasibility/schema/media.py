"""Catalog schema of media input: the encoders a model reads images and audio with.

A natively multimodal checkpoint carries a vision or audio tower and a projector into the
decoder's embedding space; their shapes size the encoder file, its compute and the tokens each
image or audio second adds to the context.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from feasibility.schema.fields import (
    Id,
    NonNegInt,
    OsName,
    PositiveFloat,
    PositiveInt,
    Sources,
    Strict,
)

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
    position_rows: PositiveInt | None = None
    """Rows of the position table when it is not one per patch: SigLIP2 NaFlex (LFM2-VL) and
    Qwen3-VL keep a fixed table (16 x 16 = 256 and 48 x 48 = 2,304 rows) and interpolate it to
    the image's patch grid, so the table's size does not follow ``image_size``."""
    position_type: Literal["F32", "F16"] | None = None
    """What llama.cpp's converter keeps the position table at when it differs from the patch
    kernel (LFM2-VL and Qwen3-VL: an F32 table beside an F16 kernel); None: ``embeddings_type``."""
    pre_norm: bool = False
    post_norm: bool = True
    projector: tuple[tuple[PositiveInt, PositiveInt], ...]
    """(inputs, outputs) of each projector matrix, in order."""
    projector_vectors: NonNegInt = 0
    """Parameters of the projector's 1-D tensors (norm weights, biases)."""
    embeddings_type: Literal["F32", "F16"] = "F16"
    """What llama.cpp's converter keeps the patch and position embeddings at in the encoder's
    published file (Gemma 3: forced to F32; a patch kernel whose rows do not divide into Q8_0
    blocks: F16; converters of late 2025 keep the patch kernel F16 in an F16 file and F32 in any
    other, as Qwen3-VL's Q8_0 file shows)."""
    temporal_patch: PositiveInt = 1
    """Frames one patch embedding spans. Qwen2.5-VL embeds patches with a Conv3d of
    temporal_patch_size 2 (a still image is repeated to fill both frames), so its patch kernel
    holds twice the weights of a 2-D one; llama.cpp's converter splits it into two 2-D kernels."""
    patch_bias: bool | None = None
    """Whether the patch embedding carries a bias; None: as ``biases``. Qwen2.5-VL's Conv3d has
    none although its attention and FFN projections do."""
    merge: PositiveInt = 1
    """Side of the square of neighbouring patches merged into one decoder token before the
    projector (Qwen2.5-VL: 2 x 2 patches of 1,280 become one 5,120-wide input), so an image costs
    patches / merge² tokens."""
    dynamic: bool = False
    """The runtime keeps the image's aspect ratio: each side is resized to a multiple of
    ``patch_size`` x ``merge``, down to at most ``image_size``² pixels (Qwen-VL's smart resize in
    llama.cpp), so a smaller photo costs fewer patches and tokens than the square default."""
    window_patches: PositiveInt | None = None
    """Patches one local attention window holds (Qwen2.5-VL: 112 px windows of 14 px patches =
    8 x 8 = 64); None: every layer attends over the whole image. Windowing makes attention grow
    with the patch count instead of its square, except in ``full_attention_layers``."""
    full_attention_layers: NonNegInt = 0
    """Of ``layers``, those that still attend over the whole image when the tower is windowed
    (Qwen2.5-VL: fullatt_block_indexes 7, 15, 23, 31)."""

    @model_validator(mode="after")
    def _windows(self) -> VitTower:
        if self.full_attention_layers > self.layers:
            raise ValueError("full_attention_layers: more than the tower's layers")
        if self.full_attention_layers and self.window_patches is None:
            raise ValueError("full_attention_layers: only a windowed tower has them")
        return self


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
    bundled: bool = False
    """One file or folder holds every tower of the model, so a request for one input loads them all
    (MLX-VLM builds the vision and the audio tower of Gemma 3n whichever the app sends)."""
    os: tuple[OsName, ...] = ()
    """Operating systems on which the runtime runs this encoder, when fewer than the runtime's own
    (MLX-VLM runs Gemma 3n's audio tower in Python on macOS; MLX Swift does not yet). Empty: every
    OS the runtime supports."""
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
    """GFLOPs per image or audio second for towers that are not a plain ViT, published or computed
    from the config's shapes (the notes say which); unknown leaves the encoding time unestimated."""
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
