"""Images and audio: encoder files byte for byte, the KV cache and TTFT they add, the estimate
command and the receipt-reader example.

Published sizes: ggml-org/SmolVLM2-2.2B-Instruct-GGUF's mmproj files hold 872,303,680 (F16) and
592,523,200 (Q8_0) bytes by the Hugging Face file listing; ggml-org/gemma-3-4b-it-GGUF lists
``mmproj-model-f16.gguf`` at 851 MB
(https://huggingface.co/ggml-org/gemma-3-4b-it-GGUF/tree/main); the Git LFS pointer of
``Ministral-3-3B-Instruct-2512-mmproj-Q8_0.gguf`` in koboldcpp/mmproj gives 447,080,608 bytes
(https://huggingface.co/koboldcpp/mmproj/commit/4e0f12f03c666e87a2c6ae72e804a78a8a6870aa);
ggml-org/SmolVLM2-256M-Video-Instruct-GGUF's and ggml-org/SmolVLM2-500M-Video-Instruct-GGUF's Q8_0
mmproj files hold 103,771,680 and 108,785,184 bytes as open-source apps' download manifests record
them (the same manifests give the SmolVLM2 2.2B files' sizes above, byte for byte);
ggml-org/Qwen2.5-VL-3B-Instruct-GGUF's mmproj files hold 1,338,428,128 (F16) and 844,757,728
(Q8_0) bytes and its Q4_K_M decoder 1,929,901,056 bytes, as independent apps' download manifests
record them; LiquidAI/LFM2-VL-1.6B-GGUF's mmproj files (revision 6121de26) hold 830,339,008 (F16)
and 564,115,648 (Q8_0) bytes, as an open-source loader pins them with their SHA-256. A GGUF file
is its tensors plus a few tens of KB of header and metadata. Qwen/Qwen3-VL-2B-Instruct-GGUF's
mmproj-Qwen3VL-2B-Instruct-F16.gguf holds 819,394,848 bytes as an app's download manifest
records it, and Qwen/Qwen3-VL-4B-Instruct-GGUF's mmproj-Qwen3VL-4B-Instruct-Q8_0.gguf
453,974,304 bytes as another app pins it with its SHA-256.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from feasibility.api import check, estimate
from feasibility.catalog import load_catalog
from feasibility.cli import cli
from feasibility.estimator.encoder import (
    compute_bytes,
    flops_per_item,
    image_tokens,
    resized,
    tower_layout,
    weight_bytes,
)
from feasibility.estimator.layout_store import layout
from feasibility.estimator.memory import kv_cache
from feasibility.explain import explain
from feasibility.schema import Encoder

ROOT = Path(__file__).resolve().parent.parent
METADATA_MAX = 64 * 1024
"""GGUF header, key/values and tensor infos: above the tensors, never more than this."""


def _encoder(model: str, modality: str = "image") -> Encoder:
    enc = load_catalog().models[model].encoder(modality)
    assert enc is not None
    return enc


def test_gemma3_mmproj_f16_is_byte_exact() -> None:
    """SigLIP-So400m: params are the card total minus the decoder; the F16 file's tensors come to
    851,226,048 bytes, which the listing rounds to 851 MB."""
    cat = load_catalog()
    model = cat.models["gemma-3-4b-it"]
    enc = _encoder("gemma-3-4b-it")
    assert enc.params == tower_layout(enc.tower).params == 4_300_079_472 - model.params  # type: ignore[arg-type]
    tensors = weight_bytes(enc, "F16")
    assert tensors == 851_226_048
    assert tensors >= 850_500_000 and tensors + METADATA_MAX < 851_500_000


def test_ministral3_mmproj_q8_0_is_byte_exact() -> None:
    """Pixtral's Q8_0 file: Q8_0 matrices, F16 patch kernel, F32 norms; the rest is metadata."""
    enc = _encoder("ministral-3-3b-instruct-2512")
    tensors = weight_bytes(enc, "Q8_0")
    assert tensors == 447_053_824
    assert 0 < 447_080_608 - tensors < METADATA_MAX


@pytest.mark.parametrize(("kind", "on_disk"), [("F16", 872_303_680), ("Q8_0", 592_523_200)])
def test_smolvlm2_mmproj_is_byte_exact(kind: str, on_disk: int) -> None:
    """SigLIP-So400m/384 with the pixel-shuffle projection: both published files are the tensors
    plus the same 28,288 bytes of metadata (in Q8_0 the 4,304-long FFN-down rows stay F16)."""
    enc = _encoder("smolvlm2-2.2b-instruct")
    assert on_disk - weight_bytes(enc, kind) == 28_288


@pytest.mark.parametrize(
    ("model", "on_disk"),
    [("smolvlm2-256m-video-instruct", 103_771_680), ("smolvlm2-500m-video-instruct", 108_785_184)],
)
def test_small_smolvlm2_mmproj_q8_0_is_byte_exact(model: str, on_disk: int) -> None:
    """SigLIP-B/16 at 512 px: both Q8_0 files are their tensors plus the same 14,880 bytes of
    metadata (one tensor list; the projections into 576 and 960 differ only in size)."""
    assert on_disk - weight_bytes(_encoder(model), "Q8_0") == 14_880


def test_every_tower_matches_its_parameter_count() -> None:
    for m in load_catalog().models.values():
        for e in m.encoders:
            if e.tower is not None:
                assert tower_layout(e.tower).params == e.params, (m.id, e.name)


def test_gemma3_compute_buffer_matches_the_measured_clip_graph() -> None:
    """clip's compute buffer for Gemma 3 with flash attention: 121 MiB measured (MI300X)."""
    assert round(compute_bytes(_encoder("gemma-3-4b-it")) / 2**20) == 121


@pytest.mark.parametrize("images", [1, 2, 4])
def test_image_tokens_grow_the_kv_cache(images: int) -> None:
    """Each image adds its 256 tokens to the context the KV cache holds, exactly."""
    cat = load_catalog()
    model = cat.models["gemma-3-4b-it"]
    text = estimate("gemma-3-4b-it", "Q4_K_M", 2048, catalog=cat)
    est = estimate(
        "gemma-3-4b-it", "Q4_K_M", 2048, catalog=cat, inputs=("text", "image"), images=images
    )
    assert est.media_tokens == 256 * images
    expected = kv_cache(model.architecture, 2048 + 256 * images, "f16", llama_cpp=True).total
    assert est.kv_cache_bytes == expected > text.kv_cache_bytes


def test_estimate_adds_at_least_the_projector_file() -> None:
    """The issue's floor: the total grows by the encoder (at least the mmproj file's tensors)."""
    text = estimate("gemma-3-4b-it", "Q4_K_M", 2048)
    img = estimate("gemma-3-4b-it", "Q4_K_M", 2048, inputs=("text", "image"))
    assert img.encoder_bytes >= 851_226_048
    grown = (img.kv_cache_bytes - text.kv_cache_bytes) + (img.compute_bytes - text.compute_bytes)
    assert img.total_bytes - text.total_bytes == img.encoder_bytes + grown


def test_encoder_time_is_in_the_time_to_first_token() -> None:
    text = estimate("gemma-3-4b-it", "Q4_K_M", 2048, device="galaxy-s25")
    img = estimate("gemma-3-4b-it", "Q4_K_M", 2048, device="galaxy-s25", inputs=("text", "image"))
    assert text.ttft_ms is not None and img.ttft_ms is not None and img.encoder_ms is not None
    assert img.encoder_ms > 0 and img.ttft_ms > text.ttft_ms + img.encoder_ms
    assert "encoder-time" in img.assumption_codes


def test_text_only_outputs_keep_their_keys() -> None:
    """A text-only estimate and plan serialize without any media field."""
    est = estimate("gemma-3-4b-it", "Q4_K_M", 2048)
    assert "encoder_bytes" not in est.model_dump() and "media_tokens" not in est.model_dump()
    a = check(ROOT / "examples" / "seed-scenario.yaml")
    dumped = a.model_dump(mode="json")
    assert "inputs" not in dumped
    rec = dumped["recommendations"][0]
    assert "encoders_mb" not in rec["memory"] and "encoders" not in rec["targets"][0]


def test_estimate_cli_inputs() -> None:
    r = CliRunner().invoke(
        cli,
        ["estimate", "--model", "gemma-3-4b-it", "--quant", "Q4_K_M", "--inputs", "text,image",
         "--images", "2", "--format", "json"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["media_tokens"] == 512 and data["encoder_bytes"] > 851_226_048
    text = CliRunner().invoke(cli, ["estimate", "--model", "gemma-3-4b-it", "--quant", "Q4_K_M"])
    assert "llama.cpp does not load it for text-only requests" in text.stdout
    bad = CliRunner().invoke(
        cli, ["estimate", "--model", "qwen2.5-1.5b-instruct", "--quant", "Q4_K_M",
              "--inputs", "text,image"],
    )  # fmt: skip
    assert bad.exit_code == 2 and "reads text only, not image" in bad.output


@pytest.mark.parametrize(
    ("service", "message"),
    [
        ("  inputs: [text, imagee]\n", "did you mean 'image'?"),
        ("  inputs: [text, audio]\n", "audio_seconds_per_request"),
        ("  inputs: [text, image, image]\n", "lists an input twice"),
        ("  images_per_request: 0\n", "images_per_request"),
    ],
)
def test_bad_service_inputs_exit_2(tmp_path: Path, service: str, message: str) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text("service:\n" + service + "targets:\n  - preset: iphone-16-pro\n")
    r = CliRunner().invoke(cli, ["check", str(spec)])
    assert r.exit_code == 2 and message in r.output and "bad.yaml" in r.output


def test_receipt_reader_counts_the_encoders() -> None:
    """The receipt reader's picks read images, with encoder memory, tokens and time per image."""
    a = check(ROOT / "examples" / "receipt-reader.yaml")
    assert a.inputs == {"inputs": ["text", "image"], "images_per_request": 1}
    assert a.recommendations
    for r in a.recommendations:
        for p in r.targets:
            assert p.encoders and p.memory.encoders_mb
            enc = p.encoders[0]
            assert p.memory.encoders_mb == pytest.approx(enc.weights_mb + enc.compute_mb, abs=1)
            assert p.media_tokens == int(enc.tokens_per_item)
            assert any("mtmd" in s.command or "mlx_vlm" in s.command for s in p.pipeline)
    assert "inputs" in {w.rule for w in a.why_not}


@pytest.mark.parametrize("model", ["smolvlm2-256m-video-instruct", "smolvlm2-500m-video-instruct"])
def test_small_smolvlm2_image_tokens_grow_the_kv_cache(model: str) -> None:
    """A square photo is 4 x 4 tiles of 512 px plus an overview, 64 tokens each: 1,088 tokens."""
    cat = load_catalog()
    arch = cat.models[model].architecture
    est = estimate(model, "Q8_0", 2048, catalog=cat, inputs=("text", "image"), images=2)
    assert est.media_tokens == 2 * 17 * 64
    expected = kv_cache(arch, 2048 + 2 * 1088, "f16", llama_cpp=True).total
    assert est.kv_cache_bytes == expected


def test_gemma3n_audio_tower_matches_its_config_shapes() -> None:
    """The USM-based conformer of Gemma 3n (audio_config: 12 blocks of 1,536, FFN x4, conv kernel
    5, 8 heads; sub-sampling convolutions of 128 and 32 channels over 128 mel bins) plus the
    multimodal embedder into the 2,048-wide decoder, laid out as MLX-VLM's port loads them."""
    d, ff, heads = 1536, 4 * 1536, 8
    ffw = 2 * d + 2 * d * ff
    attention = 2 * d + 3 * d * d + d * d + d // heads + d * d
    lconv = 2 * d + d * 2 * d + 5 * d + d * d
    block = 2 * ffw + attention + lconv + d
    sscp = 1 * 128 * 9 + 128 + 128 * 32 * 9 + 32 + (32 * 32) * d
    embedder = 128 * d + 2 * d + d * 2048
    for model in ("gemma-3n-e2b-it", "gemma-3n-e4b-it"):
        enc = _encoder(model, "audio")
        assert enc.params == 12 * block + sscp + embedder == 684_694_048
        assert enc.tokens_per_second == 6.25


def test_audio_seconds_grow_the_kv_cache_and_the_first_token() -> None:
    """30 s at 6.25 tokens a second is 188 tokens in the context (rounded up), and the conformer's
    FLOPs for 30 s join the time to first token."""
    cat = load_catalog()
    arch = cat.models["gemma-3n-e2b-it"].architecture
    text = estimate("gemma-3n-e2b-it", "mlx-4bit", 2048, device="macbook-air-m2", catalog=cat)
    est = estimate(
        "gemma-3n-e2b-it", "mlx-4bit", 2048, device="macbook-air-m2", catalog=cat,
        inputs=("text", "audio"), audio_seconds=30,
    )  # fmt: skip
    assert est.media_tokens == 188
    assert est.kv_cache_bytes == kv_cache(arch, 2048 + 188, "f16").total > text.kv_cache_bytes
    assert est.encoder_ms is not None and est.encoder_ms > 0
    assert text.ttft_ms is not None and est.ttft_ms is not None
    assert est.ttft_ms > text.ttft_ms + est.encoder_ms * 0.99


def test_a_bundled_build_loads_the_towers_the_service_does_not_use() -> None:
    """MLX-VLM builds Gemma 3n's vision and audio towers whichever input is sent, so an audio
    service pays for both; llama.cpp's mmproj holds the vision tower only."""
    enc_a, enc_v = _encoder("gemma-3n-e2b-it", "audio"), _encoder("gemma-3n-e2b-it", "image")
    audio = estimate(
        "gemma-3n-e2b-it", "mlx-4bit", 2048, inputs=("text", "audio"), audio_seconds=10
    )
    both = estimate(
        "gemma-3n-e2b-it", "mlx-4bit", 2048, inputs=("text", "image", "audio"), audio_seconds=10
    )
    assert audio.encoder_bytes == both.encoder_bytes
    assert audio.encoder_bytes == weight_bytes(enc_a, "BF16") + weight_bytes(enc_v, "BF16")
    image = estimate("gemma-3n-e2b-it", "Q4_K_M", 2048, inputs=("text", "image"))
    assert image.encoder_bytes == weight_bytes(enc_v, "F16")


def test_voice_notes_plans_audio_end_to_end() -> None:
    """The voice-note example gets two audio models on the Mac, each with its audio tower counted
    and a pipeline that feeds a recording through MLX-VLM."""
    a = check(ROOT / "examples" / "voice-notes.yaml")
    assert a.inputs == {"inputs": ["text", "audio"], "audio_seconds_per_request": 30.0}
    assert len(a.recommendations) == 2
    for r in a.recommendations:
        for p in r.targets:
            assert p.media_tokens == 188 and p.memory.encoders_mb
            assert any("--audio" in s.command for s in p.pipeline)


def test_audio_on_ios_fails_where_mlx_swift_lacks_the_tower(tmp_path: Path) -> None:
    """MLX-VLM runs Gemma 3n's audio tower on macOS only: an iPhone target gets the OS reason."""
    spec = tmp_path / "ios-voice.yaml"
    spec.write_text(
        "service:\n  tasks: [summarization]\n  languages: [en]\n  inputs: [text, audio]\n"
        "  audio_seconds_per_request: 10\n"
        "targets:\n  - preset: iphone-16-pro\nconstraints:\n  memory_budget_mb: 6144\n"
    )
    a = check(spec)
    assert not a.recommendations
    reasons = [w.reason for w in a.why_not if w.model.startswith("gemma-3n")]
    assert reasons and all("no runtime does on iOS" in r for r in reasons), reasons
    on_mlx = explain(load_catalog(), "gemma-3n-e2b-it", spec, runtime="mlx")
    line = next(r for r in on_mlx.targets[0].rules if r.rule == "inputs")
    assert (
        line.reason == "MLX (mlx-lm on macOS, MLX Swift on iOS/iPadOS/macOS) runs its USM-based "
        "conformer encoder on macOS only, not iOS"
    )


@pytest.mark.parametrize(("kind", "on_disk"), [("F16", 1_338_428_128), ("Q8_0", 844_757_728)])
def test_qwen25vl_mmproj_is_byte_exact(kind: str, on_disk: int) -> None:
    """Qwen2.5-VL's tower (Conv3d patch kernel split in two, no position table, biased SwiGLU,
    2 x 2 merger): both ggml-org files are the tensors plus the same 31,456 bytes of metadata (in
    Q8_0 the 3,420-long FFN-down rows and the 14 px patch kernels stay F16)."""
    assert on_disk - weight_bytes(_encoder("qwen2.5-vl-3b-instruct"), kind) == 31_456


def test_qwen25vl_tower_is_the_checkpoint_less_the_decoder() -> None:
    """Tower + decoder = 3,754,622,976, the checkpoint's parameter count; the patch kernel spans
    two frames (2 x 3 x 14 x 14 x 1,280) and has no bias."""
    model = load_catalog().models["qwen2.5-vl-3b-instruct"]
    enc = _encoder("qwen2.5-vl-3b-instruct")
    assert enc.tower is not None
    assert enc.params + model.params == 3_754_622_976
    assert tower_layout(enc.tower).embeddings == 2 * 3 * 14 * 14 * 1280
    unbiased = tower_layout(enc.tower.model_copy(update={"temporal_patch": 1, "patch_bias": True}))
    assert tower_layout(enc.tower).params - unbiased.params == 3 * 14 * 14 * 1280 - 1280


@pytest.mark.parametrize(
    ("width", "height", "tokens"),
    [
        (3024, 3024, 4096),  # a square 9 MP photo: cut to 1,792 px, 128 x 128 patches
        (4032, 3024, 4015),  # a 12 MP 4:3 photo: 2,044 x 1,540 px, 146 x 110 patches
        (1000, 1500, 1944),  # a receipt crop: 1,008 x 1,512 px, 72 x 108 patches
        (100, 100, 16),  # rounded up to 112 px: 8 x 8 patches
    ],
)
def test_qwen25vl_tokens_follow_the_image_size(width: int, height: int, tokens: int) -> None:
    """llama.cpp's smart resize: sides to multiples of 28 px, at most 4,096 tokens' pixels, then
    2 x 2 patches per token."""
    enc = _encoder("qwen2.5-vl-3b-instruct")
    assert enc.tower is not None
    assert image_tokens(enc.tower, width, height) == tokens


def test_every_fixed_tower_sees_its_square_and_catalogues_its_tokens() -> None:
    """A dynamic tower's catalogued tokens are those of a square photo at its largest size."""
    for m in load_catalog().models.values():
        for e in m.encoders:
            t = e.tower
            if t is not None and t.dynamic:
                assert image_tokens(t, 4000, 4000) == e.tokens_per_image, m.id
                assert resized(t, 4000, 4000) == (t.image_size, t.image_size), m.id


def test_qwen25vl_window_attention_counts_in_the_flops() -> None:
    """28 windowed blocks attend within 64 patches, the 4 full ones over all 16,384; the
    projector runs on the 4,096 merged tokens."""
    enc = _encoder("qwen2.5-vl-3b-instruct")
    t = enc.tower
    assert t is not None
    n, d = 16_384, 1280
    tower = 32 * (4 * d * d + 3 * d * 3420)
    proj = 5120 * 5120 + 5120 * 2048
    attention = 2 * 2 * d * (4 * n * n + 28 * n * 64)
    assert flops_per_item(enc) == 2.0 * tower * n + attention + 2.0 * proj * 4096
    full = enc.model_copy(update={"tower": t.model_copy(update={"window_patches": None})})
    assert (flops_per_item(full) or 0) > (flops_per_item(enc) or 0) * 1.5


@pytest.mark.parametrize("images", [1, 2])
def test_qwen25vl_image_tokens_grow_the_kv_cache(images: int) -> None:
    """Each square photo adds 4,096 tokens (36 layers x 2 KV heads x 128 x 2 x 2 bytes each)."""
    cat = load_catalog()
    arch = cat.models["qwen2.5-vl-3b-instruct"].architecture
    model = "qwen2.5-vl-3b-instruct"
    est = estimate(model, "Q4_K_M", 2048, catalog=cat, inputs=("text", "image"), images=images)
    assert est.media_tokens == 4096 * images
    expected = kv_cache(arch, 2048 + 4096 * images, "f16", llama_cpp=True).total
    assert est.kv_cache_bytes == expected
    text = estimate("qwen2.5-vl-3b-instruct", "Q4_K_M", 2048, catalog=cat)
    assert est.kv_cache_bytes - text.kv_cache_bytes == 4096 * images * 36 * 2 * 128 * 2 * 2
    assert est.encoder_bytes == weight_bytes(_encoder("qwen2.5-vl-3b-instruct"), "Q8_0") + (
        16_384 * (3420 + 3 * 1280) * 4
    )


def test_qwen25vl_decoder_gguf_matches_the_published_file() -> None:
    """ggml-org's Qwen2.5-VL-3B-Instruct-Q4_K_M.gguf holds 1,929,901,056 bytes; the layout the
    engine builds for the decoder comes within 0.01% (the tokenizer metadata is estimated)."""
    arch = load_catalog().models["qwen2.5-vl-3b-instruct"].architecture
    assert abs(layout(arch, "Q4_K_M").file_bytes - 1_929_901_056) < 200_000


@pytest.mark.parametrize(("kind", "on_disk"), [("F16", 830_339_008), ("Q8_0", 564_115_648)])
def test_lfm2vl_mmproj_is_byte_exact(kind: str, on_disk: int) -> None:
    """LiquidAI's LFM2-VL-1.6B mmproj files (revision 6121de26): a 26-layer SigLIP2 NaFlex tower,
    an F16 patch kernel and an F32 256-row position table; both are the tensors plus the same
    24,896 bytes of metadata (a 27th layer would add 30 MB to the F16 file)."""
    assert on_disk - weight_bytes(_encoder("lfm2-vl-1.6b"), kind) == 24_896


@pytest.mark.parametrize(
    ("model", "tower", "listing"),
    [("lfm2-vl-450m", 96_338_688, 902_000_000), ("lfm2-vl-1.6b", 414_463_392, 3_170_000_000)],
)
def test_lfm2vl_checkpoints_are_decoder_plus_tower(model: str, tower: int, listing: int) -> None:
    """The LFM2-350M / LFM2-1.2B decoder plus the tower: two bytes a parameter give the
    model.safetensors sizes the listings round to three digits (902 MB, 3.17 GB)."""
    m = load_catalog().models[model]
    enc = _encoder(model)
    assert enc.params == tower
    total = 2 * (m.params + tower)
    assert abs(total - listing) <= listing * 0.0006


def test_lfm2vl_position_table_does_not_follow_the_tile() -> None:
    """The 16 x 16 table is 256 rows of 1,152 whatever the tile's 32 x 32 patch grid."""
    enc = _encoder("lfm2-vl-1.6b")
    assert enc.tower is not None
    lay = tower_layout(enc.tower)
    assert lay.positions == 256 * 1152
    assert lay.embeddings == 3 * 16 * 16 * 1152


@pytest.mark.parametrize("model", ["lfm2-vl-450m", "lfm2-vl-1.6b"])
def test_lfm2vl_tiles_grow_the_kv_cache(model: str) -> None:
    """A square photo is 3 x 3 tiles of 512 px and a 512 px overview, 256 tokens each after the
    2 x 2 pixel unshuffle: 2,560 tokens in the KV cache of the 6 attention layers only."""
    cat = load_catalog()
    arch = cat.models[model].architecture
    enc = _encoder(model)
    assert enc.tower is not None
    per_tile = (enc.tower.image_size // enc.tower.patch_size) ** 2 // enc.tower.merge**2
    assert enc.tokens_per_image == enc.tiles_per_image * per_tile == 10 * 256
    est = estimate(model, "Q8_0", 2048, catalog=cat, inputs=("text", "image"))
    assert est.media_tokens == 2560
    assert est.kv_cache_bytes == kv_cache(arch, 2048 + 2560, "f16", llama_cpp=True).total
    text = estimate(model, "Q8_0", 2048, catalog=cat)
    kv_per_token = 6 * 8 * 64 * 2 * 2
    assert est.kv_cache_bytes - text.kv_cache_bytes == 2560 * kv_per_token


def test_qwen3vl_mmproj_f16_is_byte_exact() -> None:
    """Qwen's mmproj-Qwen3VL-2B-Instruct-F16.gguf (819,394,848 bytes): the tower, the F32 48 x 48
    position table and four mergers (the final one and three DeepStack ones), plus 18,720 bytes of
    metadata."""
    assert 819_394_848 - weight_bytes(_encoder("qwen3-vl-2b-instruct"), "F16") == 18_720


def test_qwen3vl_counts_the_deepstack_mergers() -> None:
    """DeepStack adds a merger per tapped block (5, 11, 17) beside the final one: four 4,096 x
    4,096 and 4,096 x 2,048 pairs; with the 24 blocks they are the checkpoint less the decoder."""
    model = load_catalog().models["qwen3-vl-2b-instruct"]
    enc = _encoder("qwen3-vl-2b-instruct")
    assert enc.tower is not None
    assert enc.tower.projector == ((4096, 4096), (4096, 2048)) * 4
    assert enc.params + model.params == 2_127_532_032
    assert tower_layout(enc.tower).positions == 2304 * 1024


@pytest.mark.parametrize(
    ("width", "height", "tokens"),
    [(4000, 4000, 4096), (1000, 1500, 1457), (500, 500, 256)],
)
def test_qwen3vl_tokens_follow_the_image_size(width: int, height: int, tokens: int) -> None:
    """Sides round to 32 px (16 px patches merged 2 x 2) within 4,096 tokens' pixels."""
    enc = _encoder("qwen3-vl-2b-instruct")
    assert enc.tower is not None
    assert image_tokens(enc.tower, width, height) == tokens


def test_qwen3vl_image_tokens_grow_the_kv_cache() -> None:
    """A square photo adds 4,096 tokens of 28 layers x 8 KV heads x 128 x 2 x 2 bytes."""
    cat = load_catalog()
    arch = cat.models["qwen3-vl-2b-instruct"].architecture
    est = estimate("qwen3-vl-2b-instruct", "Q4_K_M", 2048, catalog=cat, inputs=("text", "image"))
    text = estimate("qwen3-vl-2b-instruct", "Q4_K_M", 2048, catalog=cat)
    assert est.media_tokens == 4096
    assert est.kv_cache_bytes == kv_cache(arch, 2048 + 4096, "f16", llama_cpp=True).total
    assert est.kv_cache_bytes - text.kv_cache_bytes == 4096 * 28 * 8 * 128 * 2 * 2


def test_qwen3vl_4b_mmproj_q8_0_is_byte_exact() -> None:
    """Qwen's mmproj-Qwen3VL-4B-Instruct-Q8_0.gguf (453,974,304 bytes): the 2B's tower with
    mergers into 2,560, Q8_0 matrices, F32 patch kernels and position table, plus the same
    18,720 bytes of metadata as the 2B's F16 file."""
    assert 453_974_304 - weight_bytes(_encoder("qwen3-vl-4b-instruct"), "Q8_0") == 18_720
