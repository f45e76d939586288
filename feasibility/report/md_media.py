"""Markdown parts for services that send images or audio: the encoders each build loads (their
file, size, tokens and time per item) and the security notes on photos and recordings.

Both return nothing for a text-only service, so its report is unchanged. Every figure is the
engine's (``Build.encoders``, ``TargetPlan.encoder_ms``); this module only words them.
"""

from __future__ import annotations

from feasibility.report._phrases import code_id
from feasibility.report._rows import Texts, mb, md_table, num
from feasibility.verdict import Assessment, Build, EncoderPlan, Recommendation


def _items(a: Assessment, t: Texts) -> str:
    media = a.inputs or {}
    parts = []
    if "images_per_request" in media:
        parts.append(t("items_images", n=num(int(media["images_per_request"]))))
    if "audio_seconds_per_request" in media:
        parts.append(t("items_audio", s=f"{float(media['audio_seconds_per_request']):g}"))
    return t("list_sep").join(parts)


def _slowest_item_ms(r: Recommendation, b: Build, enc: EncoderPlan) -> float | None:
    """The encoder's time per item on the build's slowest target (None when any is unknown)."""
    times = [
        e.per_item_ms
        for p in r.targets
        if (p.quantization, p.runtime) == (b.quantization, b.runtime)
        for e in p.encoders
        if e.modality == enc.modality and e.used
    ]
    return None if not times or None in times else max(x for x in times if x is not None)


def _row(t: Texts, r: Recommendation, b: Build, e: EncoderPlan) -> list[str]:
    file = (
        t("enc_published", format=e.format, type=e.file_type, file=e.file, repo=e.repo)
        if e.file
        else t("enc_converted", format=e.format, type=e.file_type)
    )
    per = num(e.tokens_per_item) if e.tokens_per_item.is_integer() else f"{e.tokens_per_item:g}"
    tokens = t("tokens_image" if e.modality == "image" else "tokens_audio", n=per)
    ms = _slowest_item_ms(r, b, e)
    time = t("enc_time_unknown") if ms is None else t("enc_time", ms=num(ms))
    return [
        code_id(r.model),
        f"{code_id(b.quantization)} · {code_id(b.runtime)}",
        f"{e.name} ({e.params / 1e6:,.0f}M)",
        t(f"modality_{e.modality}") if e.used else t("enc_bundled"),
        file,
        mb(e.weights_mb),
        mb(e.compute_mb),
        tokens if e.used else "-",
        time if e.used else "-",
        t("text_only_loads" if e.loads_text_only else "text_only_skips"),
    ]


def encoders(a: Assessment, t: Texts) -> list[str]:
    """Section 4's encoder table (nothing for a text-only service)."""
    if a.inputs is None or not a.recommendations:
        return []
    rows = [_row(t, r, b, e) for r in a.recommendations for b in r.builds for e in b.encoders]
    heads = (
        "col_model",
        "col_build",
        "col_encoder",
        "col_input",
        "col_enc_file",
        "col_enc_weights",
        "col_enc_compute",
        "col_enc_tokens",
        "col_enc_time",
        "col_text_only",
    )
    return [
        t("h_encoders"),
        "",
        t("encoders_intro", items=_items(a, t)),
        "",
        *md_table([t(h) for h in heads], rows, ["l"] * 5 + ["r"] * 4 + ["l"]),
        "",
    ]


def security(a: Assessment, t: Texts) -> list[str]:
    """Section 7's notes on photos and recordings (nothing for a text-only service)."""
    if a.inputs is None or not a.recommendations:
        return []
    kinds = [k for k in a.inputs["inputs"] if k != "text"]
    names = sorted(
        {e.name for r in a.recommendations for b in r.builds for e in b.encoders if e.used}
    )
    out = [
        t(
            "sec_media",
            kinds=t("list_sep").join(t(f"modality_{k}") for k in kinds),
            encoders=t("list_sep").join(names),
        ),
        "",
    ]
    if "image" in kinds:
        out.extend([t("sec_media_exif"), t("sec_media_access"), t("sec_media_personal")])
    if "audio" in kinds:
        out.append(t("sec_media_audio"))
    if "image" in kinds:
        out.append(t("sec_media_injection"))
    return [*out, ""]
