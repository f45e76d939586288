"""The security section's words (section 7: the threat model) in English.

Merged into the language's text table; the keys are the ones ``md_security`` and the HTML
renderer look up. Licence conditions are keyed by licence id.
"""

from __future__ import annotations

SECURITY: dict[str, str] = {
    "col_flow": "Data",
    "col_server": "Server API",
    "col_device": "This plan (on-device)",
    "h_privacy": "## 7. Privacy and security",
    "privacy_none": (
        "No runtime was chosen, so there is no data-flow argument yet; it follows from the "
        "runtime once a model fits."
    ),
    "privacy_intro": (
        "{service} runs the model inside the app with {runtimes}: an in-process library, not a "
        "network service. The user's text ({langs}) is read, processed and answered in the "
        "device's memory."
    ),
    "flow_prompt": "User text (prompt)",
    "flow_prompt_server": "Sent over TLS to the provider and processed on its servers",
    "flow_prompt_device": "Stays in app memory; never transmitted",
    "flow_output": "Generated answer",
    "flow_output_server": "Produced on the server and sent back",
    "flow_output_device": "Produced on the device; stored only where the app stores it",
    "flow_logs": "Logs and retention",
    "flow_logs_server": "Subject to the provider's logging, retention and abuse review",
    "flow_logs_device": "No third-party logs; retention is the app's own policy",
    "flow_network": "Network permission",
    "flow_network_server": "Required for every request",
    "flow_network_device": "Not needed for inference; only to download the model once",
    "flow_vendor": "Processor / transfers",
    "flow_vendor_server": "A processor agreement and possibly a cross-border transfer",
    "flow_vendor_device": "No processor for inference; no transfer",
    "col_origin": "Model file: published or converted",
    "col_sha": "SHA-256 to pin",
    "sec_flow": (
        "**Data flow.** What stays on the device and what leaves it. The model runs in the app's "
        "process; only the one-time model download needs the network."
    ),
    "flow_download": "Model download",
    "flow_download_server": "Not needed (the model stays with the provider)",
    "flow_download_device": "Once, over HTTPS from a store or your server; verified by SHA-256",
    "flow_telemetry": "Crash reports, telemetry, analytics",
    "flow_telemetry_server": "Whatever the app and the provider collect",
    "flow_telemetry_device": (
        "Whatever the app's SDKs send: keep prompts and answers out of crash reports and "
        "analytics events"
    ),
    "sec_integrity": (
        "**Model-file integrity.** Each distinct build below is one artifact to pin: a published "
        "build as downloaded, or the file the build machine converts from the maker's weights. "
        "Take either from a pinned Hugging Face revision; record the SHA-256 of every file it "
        "ships (one file for a GGUF, each file of a model folder or bundle) in the app; deliver "
        "it in the signed app package or over HTTPS from your own server; and have the app "
        "refuse any file whose hash differs."
    ),
    "sha_pending": "[record at build]",
    "privacy_update": (
        "**Update path:** a new model ships as a new file with a new hash, in an app update or a "
        "verified download; the old file stays until the new one is verified, so a failed update "
        "cannot leave the feature broken."
    ),
    "sec_storage": (
        "**Storage.** Conversations and the model file live in the app's sandbox. On iOS, store "
        "history with Data Protection (NSFileProtectionComplete, or "
        "CompleteUntilFirstUserAuthentication for background work); on Android, use app-private "
        "internal storage (not shared storage) and encrypt history with Jetpack Security or a "
        "Keystore-held key. The model file holds no user data but anyone with the app package "
        "can read it."
    ),
    "sec_injection": (
        "**Prompt injection and small-model safety.** Models of this size are less safety-tuned "
        "than hosted ones and follow instructions hidden in the text they process. Limit input "
        "length to the planned context, filter or label generated output before it is shown or "
        "stored, treat the output as untrusted text (never as code or commands), and let the "
        "model call no tool or action without the user's confirmation."
    ),
    "sec_licence": "**Licence duties passed on to the product**",
    "licence_duty": "- {model}: {name} ({id}). {conditions}",
    "licence_no_conditions": (
        "No conditions beyond the licence text: ship its notice with the app."
    ),
    "sec_regulation": (
        "**Regulations.** On-device inference narrows what the law asks about, but the app still "
        "processes personal data (the text users type and the history it keeps)."
    ),
    "sec_gdpr": (
        "- **GDPR (EU):** data minimisation, Art. 5(1)(c); data protection by design and by "
        "default, Art. 25; security of processing, Art. 32; no processor for inference "
        "(Art. 28) and no international transfer to assess (Chapter V, Art. 44-50); a DPIA under "
        "Art. 35 still covers the app; tell users what is processed where (Art. 13)."
    ),
    "sec_pipa": (
        "- **PIPA (Korea's Personal Information Protection Act):** minimum collection, Art. 3 "
        "and Art. 16; consent for collection and use, Art. 15; safety measures, Art. 29; no "
        "outsourcing of processing (Art. 26) and no overseas transfer (Art. 28-8) for "
        "inference; the privacy policy under Art. 30 says that text is processed on the device."
    ),
    "sec_limits": (
        "**What on-device does not settle.** It reduces but does not remove compliance work: the "
        "app's own storage, backups, crash reports, analytics and any cloud sync are still in "
        "scope; a lost or rooted device exposes what the app stores; and the model's output can "
        "still be wrong or harmful, so the product owns its review."
    ),
}
