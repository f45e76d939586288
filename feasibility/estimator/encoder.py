"""Vision and audio encoders: their weights, compute buffer, FLOPs and the tokens they add.

Why: a multimodal build loads a second network next to the decoder. Memory estimators most often
go wrong here: the projector file is forgotten, or the image tokens are left out of the KV cache.
This module sizes the encoder from its config's shapes, the way llama.cpp's converter writes an
``mmproj`` GGUF file (1-D tensors and, for some towers, the patch and position embeddings in F32;
every other matrix at the file's type), so the bytes are exact for a ViT tower; a tower that is
not a plain ViT (Gemma 3n's MobileNet-V5 and USM conformer) is sized from its published
parameter count at the file's type.

The compute buffer follows clip's graph with flash attention (llama.cpp's default where the
backend has it): one ``intermediate``-wide and three ``hidden``-wide fp32 activations per patch.
Measured for Gemma 3's SigLIP (4,096 patches): 121 MiB with flash attention, 1,132 MiB without
(the attention scores, heads × patches² × 4 bytes, are then materialized); see
``benchmarks/measurements/encoders.csv``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from feasibility.schema import Encoder, EncoderBuild, ModelEntry, Service, VitTower

TYPE_BYTES: Final[dict[str, float]] = {"F32": 4.0, "F16": 2.0, "BF16": 2.0, "Q8_0": 34 / 32}
"""Bytes per weight of each encoder file type (Q8_0: 32 int8 weights + one F16 scale)."""


Q8_0_BLOCK: Final = 32
"""Q8_0 quantizes rows in blocks of 32; a matrix whose rows are not a multiple of 32 long (SigLIP's
4,304-wide FFN down projection) stays F16 in a Q8_0 file (the converter's fallback)."""


@dataclass(frozen=True, slots=True)
class TowerLayout:
    """Parameters of a ViT tower and projector split by how the converter stores them."""

    matrices: int
    """Weights stored at the file's type (attention, FFN and projector matrices)."""
    vectors: int
    """1-D tensors (norms, biases), always F32."""
    embeddings: int
    """Patch embeddings, and the position table unless ``positions`` holds it apart."""
    odd_rows: int = 0
    """Of ``matrices``, those whose row length does not divide into Q8_0 blocks."""
    positions: int = 0
    """A position table stored at its own type (``position_type``)."""

    @property
    def params(self) -> int:
        return self.matrices + self.vectors + self.embeddings + self.positions


def patches(t: VitTower) -> int:
    """Patches of one image at the tower's input size."""
    return (t.image_size // t.patch_size) ** 2


def resized(t: VitTower, width: int, height: int) -> tuple[int, int]:
    """The size a dynamic-resolution runtime resizes a ``width`` x ``height`` image to.

    llama.cpp's smart resize (``calc_size_preserved_ratio`` in tools/mtmd/mtmd-image.cpp): each
    side rounds to a multiple of ``patch_size`` x ``merge``; above ``image_size``² pixels both
    sides shrink by the same factor and round down. A fixed-size tower sees ``image_size`` square.
    """
    if not t.dynamic:
        return t.image_size, t.image_size
    align = t.patch_size * t.merge
    w = max(align, round(width / align) * align)
    h = max(align, round(height / align) * align)
    if w * h > t.image_size**2:
        beta = math.sqrt(width * height / t.image_size**2)
        w = max(align, math.floor(width / beta / align) * align)
        h = max(align, math.floor(height / beta / align) * align)
    return w, h


def image_tokens(t: VitTower, width: int, height: int) -> int:
    """Decoder tokens one ``width`` x ``height`` image becomes on a dynamic-resolution tower."""
    w, h = resized(t, width, height)
    return (w // t.patch_size) * (h // t.patch_size) // t.merge**2


def tower_layout(t: VitTower) -> TowerLayout:
    d, ff = t.hidden_size, t.intermediate_size
    ffn_mats = (3 if t.gated_ffn else 2) * d * ff
    norm = 2 * d if t.norm_bias else d
    per_layer_mat = 4 * d * d + ffn_mats
    per_layer_vec = 2 * norm
    if t.biases:
        per_layer_vec += 4 * d + (2 * ff if t.gated_ffn else ff) + d
    matrices = t.layers * per_layer_mat + sum(i * o for i, o in t.projector)
    # rows are as long as a matrix's input: d for attention and FFN up, ff for FFN down
    odd = (d % Q8_0_BLOCK != 0) * t.layers * (4 * d * d + ffn_mats - d * ff)
    odd += (ff % Q8_0_BLOCK != 0) * t.layers * d * ff
    odd += sum(i * o for i, o in t.projector if i % Q8_0_BLOCK)
    vectors = t.layers * per_layer_vec + t.projector_vectors
    vectors += norm * (int(t.pre_norm) + int(t.post_norm))
    embeddings = d * t.channels * t.patch_size**2 * t.temporal_patch
    if t.biases if t.patch_bias is None else t.patch_bias:
        vectors += d  # patch embedding bias
    positions = 0
    if t.position_table:
        table = (t.position_rows or patches(t)) * d
        if t.position_type is None:
            embeddings += table
        else:
            positions = table
    return TowerLayout(matrices, vectors, embeddings, odd, positions)


def weight_bytes(enc: Encoder, kind: str) -> int:
    """Bytes of the encoder's tensors in a file of type ``kind``."""
    per = TYPE_BYTES[kind]
    if enc.tower is None:
        return int(enc.params * per)
    t = enc.tower
    lay = tower_layout(t)
    emb = 4.0 if kind == "F32" else TYPE_BYTES[t.embeddings_type]
    pos = 4.0 if kind == "F32" else TYPE_BYTES[t.position_type or t.embeddings_type]
    odd = lay.odd_rows if kind == "Q8_0" else 0
    mats = (lay.matrices - odd) * per + odd * TYPE_BYTES["F16"]
    return int(mats + lay.vectors * 4 + lay.embeddings * emb + lay.positions * pos)


def compute_bytes(enc: Encoder) -> int:
    """clip's compute buffer for one image (flash attention on); 0 when the tower is unknown."""
    t = enc.tower
    if t is None:
        return 0
    return patches(t) * (t.intermediate_size + 3 * t.hidden_size) * 4


def flops_per_item(enc: Encoder) -> float | None:
    """FLOPs of one image (or audio second): 2 × matrix weights × patches plus attention, for
    every tower pass the image takes (``tiles_per_image``)."""
    if enc.gflops_per_item is not None:
        return enc.gflops_per_item * 1e9
    t = enc.tower
    if t is None:
        return None
    n = patches(t)
    lay = tower_layout(t)
    proj = sum(i * o for i, o in t.projector)
    tower = 2.0 * (lay.matrices - proj) * n
    attention = 2.0 * 2 * _attended(t, n) * t.hidden_size
    # The projector runs on the pooled tokens (on every patch when the count is not given).
    passes = enc.tiles_per_image
    return passes * (tower + attention) + 2.0 * proj * (enc.tokens_per_image or n * passes)


def _attended(t: VitTower, n: int) -> int:
    """Query-key pairs over all layers: n² per full-attention layer, n x the window in a
    windowed one (a window never holds more than the image)."""
    if t.window_patches is None:
        return t.layers * n * n
    full = t.full_attention_layers
    return full * n * n + (t.layers - full) * n * min(n, t.window_patches)


def media_tokens(model: ModelEntry, service: Service) -> int:
    """Image and audio tokens one request adds to the context (0: text only, or the model lacks
    the encoder, which the inputs rule reports)."""
    tokens = 0
    for modality in service.media:
        enc = model.encoder(modality)
        if enc is None:
            continue
        if modality == "image":
            tokens += (enc.tokens_per_image or 0) * service.images_per_request
        else:
            seconds = service.audio_seconds_per_request or 0.0
            tokens += math.ceil((enc.tokens_per_second or 0.0) * seconds)
    return tokens


def build_for(enc: Encoder, runtime_id: str) -> EncoderBuild | None:
    return next((b for b in enc.builds if b.runtime == runtime_id), None)


@dataclass(frozen=True, slots=True)
class MediaCost:
    """What a service's images and audio add to one build: memory, tokens and FLOPs."""

    weights_bytes: int
    compute_bytes: int
    tokens: int
    """Image and audio tokens one request adds to the context."""
    flops: float | None
    """Encoder FLOPs of one request; None when any encoder's FLOPs are unknown."""
    per_item_flops: tuple[tuple[str, float | None], ...]
    """(modality, FLOPs of one image or one audio second)."""

    @property
    def bytes(self) -> int:
        return self.weights_bytes + self.compute_bytes


def media_cost(model: ModelEntry, runtime_id: str, service: Service) -> MediaCost | None:
    """The encoders a service needs on this runtime; None when the service is text only, the
    model lacks an encoder it needs or the runtime does not run one (the inputs rule says so)."""
    if not service.media:
        return None
    weights = compute = 0
    flops: float | None = 0.0
    per: list[tuple[str, float | None]] = []
    for modality in service.media:
        enc = model.encoder(modality)
        build = build_for(enc, runtime_id) if enc is not None else None
        if enc is None or build is None:
            return None
        weights += weight_bytes(enc, build.type)
        compute = max(compute, compute_bytes(enc))
        f = flops_per_item(enc)
        per.append((modality, f))
        count: float = (
            service.images_per_request
            if modality == "image"
            else service.audio_seconds_per_request or 0.0
        )
        flops = None if f is None or flops is None else flops + f * count
    weights += _bundled_weights(model, runtime_id, service.media)
    tokens = media_tokens(model, service)
    return MediaCost(weights, compute, tokens, flops, tuple(per))


def _bundled_weights(model: ModelEntry, runtime_id: str, used: tuple[str, ...]) -> int:
    """Weights of the towers the service does not use that a bundled build loads anyway."""
    total = 0
    for enc in model.encoders:
        build = build_for(enc, runtime_id)
        if enc.modality not in used and build is not None and build.bundled:
            total += weight_bytes(enc, build.type)
    return total
