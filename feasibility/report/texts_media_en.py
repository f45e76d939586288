"""English wording of the image and audio parts of the reports (encoders, their memory and time,
and the security notes on photos and recordings). Merged into ``texts_en`` by ``texts_for``."""

from __future__ import annotations

T: dict[str, str] = {
    "h_encoders": "### Encoders: images and audio",
    "encoders_intro": (
        "Each request sends {items}. The model reads them with its encoders, which every build "
        "below loads next to the decoder: their weights and compute buffer are in the memory "
        "figures above (the encoders column), their tokens (the tokens column, for every image "
        "or second of a request) join the KV cache and the prefill, and their encoding time is "
        "part of the time to first token."
    ),
    "items_images": "{n} image(s)",
    "items_audio": "{s} s of audio",
    "col_encoder": "encoder",
    "col_input": "input",
    "col_enc_file": "file (type)",
    "col_enc_weights": "weights",
    "col_enc_compute": "compute buffer",
    "col_enc_tokens": "tokens",
    "col_enc_time": "time per item (slowest target)",
    "col_text_only": "text-only use",
    "q_encoders": "encoders",
    "tokens_image": "{n} per image",
    "tokens_audio": "{n} per second",
    "enc_time": "{ms} ms",
    "enc_bundled": "none sent (loaded with the build)",
    "enc_time_unknown": "not estimated (FLOPs or compute unknown)",
    "text_only_loads": "loads the towers too",
    "text_only_skips": "towers not loaded",
    "enc_published": "{format} {type}: {file} ({repo})",
    "enc_converted": "{format} {type}, made by the conversion",
    "sec_media": (
        "**Photos and recordings.** What a request sends ({kinds}) is decoded and encoded on "
        "the device by {encoders}; the runtime keeps the pixels or samples and the encoder's "
        "output in app memory for the request and writes none of it to disk. What the app "
        "does around it decides the risk:"
    ),
    "sec_media_exif": (
        "- **EXIF and location.** A phone photo carries metadata: GPS coordinates, capture "
        "time, device make and model, sometimes the owner's name. The model does not need it: "
        "re-encode the pixels without metadata before the image reaches the model, a log or a "
        "crash report, and keep no original after the request unless the user asks."
    ),
    "sec_media_access": (
        "- **Photo access.** Use the system pickers, which need no library permission (iOS "
        "PHPickerViewController, Android Photo Picker), rather than full photo-library access; "
        "camera capture needs only the camera permission."
    ),
    "sec_media_personal": (
        "- **Personal data in images.** Receipts, documents and screens show names, card "
        "digits and addresses (personal data: GDPR Art. 4(1), PIPA Art. 2); a face used to "
        "identify a person is biometric data (GDPR Art. 9, PIPA Art. 23). On-device processing "
        "avoids a transfer, not these duties."
    ),
    "sec_media_audio": (
        "- **Recordings.** Audio can hold bystanders' voices; a voice used to identify its "
        "speaker is biometric data (GDPR Art. 9, PIPA Art. 23). Record only while the user "
        "holds the control, and discard the samples after the request."
    ),
    "sec_media_injection": (
        "- **Instructions in images.** Text printed in a photo or a screenshot reaches the model "
        "like a prompt: treat what it reads from an image as untrusted input (prompt injection)."
    ),
}

RULE: dict[str, str] = {"inputs": "inputs"}

MODALITY: dict[str, str] = {"text": "text", "image": "images", "audio": "audio"}

RULE_DETAIL: dict[str, str] = {
    "inputs:pass": "The model reads {inputs} with its {encoders} encoder.",
    "inputs:fail": "The model reads {reads} only; the service also sends {missing}.",
    "inputs:fail-runtime": "{runtime} does not run the model's {missing} encoder (runtimes that "
    "do: {runners}).",
    "inputs:fail-nowhere": "{runtime} does not run the model's {missing} encoder, and no runtime "
    "does on {os}.",
    "inputs:fail-os": "{runtime} runs the model's {missing} encoder on {encoder_os} only, not on "
    "{os}.",
}

ASSUMPTION: dict[str, str] = {}
"""English prints the engine's own assumption sentences."""
