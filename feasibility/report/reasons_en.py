"""Reasons in English: rule names, rule verdicts and rejections, risks, device gaps, budget bases,
sensitivities and the catalog's free-text claims, each keyed by the code or evidence variant
the engine gives (``_wording`` picks the key and fills the values).
"""

from __future__ import annotations

RULE: dict[str, str] = {
    "param-cap": "parameter cap",
    "license": "license",
    "languages": "languages",
    "context-window": "context window",
    "task-fit": "task fit",
    "os-support": "OS support",
    "architecture-support": "architecture support",
    "artifact": "artifact",
    "accelerator": "accelerator",
    "memory-fit": "memory fit",
    "bits-floor": "bits floor",
    "decode-speed": "decode speed",
}

OUTCOME: dict[str, str] = {"pass": "pass", "fail": "fail", "unknown": "to check"}

RULE_DETAIL: dict[str, str] = {
    "param-cap:pass": "{params} parameters, within the cap of {cap}.",
    "param-cap:fail": "{params} parameters, above the cap of {cap}.",
    "license:pass-yes": "The {license} license allows commercial use.",
    "license:pass-conditional": "The {license} license allows commercial use with conditions.",
    "license:pass-no": "The {license} license does not allow commercial use; no license "
    "constraint was given (license: any).",
    "license:fail": "The {license} license does not allow commercial use.",
    "languages:pass": "The model card lists {languages}.",
    "languages:claim": 'The model card does not list {missing}; it only claims "{claim}".',
    "languages:fail": "The model card does not list {missing}; it lists {n_listed} "
    "{languages_word} ({listed}).",
    "context-window:pass": "The service needs {need} of the model's {have} context tokens.",
    "context-window:fail": "The service needs {need} tokens of context; the model handles {have}.",
    "os-support:pass": "{runtime} runs on {os}.",
    "os-support:pass-version": "{runtime} needs {os} {min_version} or later; the target has "
    "{os} {have}.",
    "os-support:unknown": "{runtime} needs {os} {min_version} or later, and the target's {os} "
    "version is not known; check it on the device.",
    "os-support:fail-os": "{runtime} does not run on {os}.",
    "os-support:fail-version": "{runtime} needs {os} {min_version} or later; the target runs "
    "{os} {have}.",
    "artifact:fail-ram": "{runtime}'s maker asks {need_gb} of RAM for this model and "
    "context; the device has {have_gb}.",
    "artifact:fail-context": "{quantization} is made for {have} tokens of context (its "
    "maker's figure); the service needs {need}.",
    "artifact:pass-published": "Published build: {repo}.",
    "artifact:pass-convertible": "{runtime}'s own tooling converts the model.",
    "artifact:fail": "No {runtime} build of this model can be made: {why}",
    "architecture-support:pass": "{runtime} supports the {architecture} architecture.",
    "architecture-support:fail": "{runtime} does not support the {architecture} architecture.",
    "accelerator:pass": "Runs on the {backend}.",
    "accelerator:pass-npu": "Runs on the NPU ({npu}).",
    "accelerator:fail-os": "{runtime} has no backend for this OS.",
    "accelerator:fail-npu-required": "The NPU is required (npu: required), but {runtime} "
    "cannot use this device's NPU ({npu}).",
    "accelerator:fail-npu-required-none": "The NPU is required (npu: required), but the "
    "device has none for {runtime} to use.",
    "accelerator:fail-npu-required-no-os-backend": "The NPU is required (npu: required), but "
    "{runtime} has no NPU backend on this OS ({npu}).",
    "accelerator:fail-npu-required-npu-runtime-vendor": "The NPU is required (npu: required), "
    "but {runtime} does not drive {vendor} NPUs on this OS ({npu}).",
    "accelerator:fail-npu-required-encoding": "The NPU is required (npu: required), but "
    "{quantization} is a CPU/GPU format, not an NPU one ({npu}).",
    "accelerator:fail-npu-required-npu-format-vendor": "The NPU is required (npu: required), "
    "but {quantization} is built for another vendor's NPU, not {vendor} ({npu}).",
    "accelerator:fail-encoding": "{quantization} runs on the {backends} only, which "
    "{runtime} cannot use on this device.",
    "accelerator:fail-variant": "{runtime} cannot run on {variant_name} (sold in {markets}); "
    "the build must run on every chip the device ships with, or the device file names one "
    "(variant:).",
    "accelerator:fail-no-common-backend": "{runtime} has no backend for this device's "
    "accelerators.",
    "bits-floor:pass-none": "{quantization} keeps {bpw} bits per weight (no floor set).",
    "bits-floor:pass": "{quantization} keeps {bpw} bits per weight, at or above the floor of "
    "{floor}.",
    "bits-floor:fail": "{quantization} keeps {bpw} bits per weight, under the floor of {floor} "
    "(min_bits).",
    "memory-fit:pass": "Uses **{need}** of the **{budget}** budget.",
    "memory-fit:fail": "Needs **{need}**, over the **{budget}** budget.",
    "memory-fit:fail-floor": "Needs at least **{need}** for the weights alone, over the "
    "**{budget}** budget.",
    "memory-fit:fail-detail": "Needs **{need}**, over the **{budget}** budget (weights "
    "{weights}, KV cache {kv_cache}).",
    "decode-speed:pass": "About {tps} tokens/s (no minimum set).",
    "decode-speed:pass-min": "About {tps} tokens/s, meeting the minimum of {minimum}.",
    "decode-speed:fail": "About {tps} tokens/s, below the minimum of {minimum}.",
    "decode-speed:unknown": "No speed estimate: the device's memory bandwidth is not "
    "published; measure on the device.",
    "decode-speed:unknown-model": "No speed estimate for the {backend} backend on this device; "
    "measure on the device.",
    "decode-speed:unknown-min": "The minimum is {minimum} tokens/s, but the device's memory "
    "bandwidth is not published, so the speed cannot be "
    "estimated; measure on the device.",
    "task-fit:pass": "The model card names {tasks} among its intended uses.",
    "task-fit:unknown": "The model card does not name {missing} among its intended uses; "
    "validate the quality on your own data before launch.",
    "default": "{reason}",
}

RISK: dict[str, str] = {
    "headroom": "Small memory headroom on {target}: **{headroom}** ({pct} of the budget); the "
    "OS limit moves with system state, so test with other apps open.",
    "license-conditions": "{license} licence conditions apply (see Conditions above; section 7 "
    "lists the duties): have them reviewed before launch.",
    "license-noncommercial": "{license} does not allow commercial use ({conditions}); "
    "shown because the service set `license: any`.",
    "quality-unknown": "No published benchmark covers this service's tasks and languages: "
    "evaluate output quality on your own data before launch.",
    "low-bits": "Only a low-bit build fits on {target}: {quantization} keeps {bpw} bits per "
    "weight and an estimated {fidelity} of the model's quality; validate output quality "
    "before launch.",
    "license-conditions-unstated": "{license} license conditions apply; have the license "
    "text reviewed before launch.",
    "language-claim": "Language coverage for {languages} rests on the card's broad claim "
    "({claim}), not on its list; validate quality before launch.",
    "reasoning": "Reasons before answering by default: long outputs cost time and battery.",
    "slow": "Slow generation on {target}: about **{tps} tokens/s**; long answers keep the "
    "user waiting.",
    "slow-first-token": "Slow first token on {targets}: about **{seconds} s** before the answer "
    "starts, for a {prompt_tokens}-token prompt (over the 10 s a user keeps attention); shorten "
    "the prompt or use a faster backend.",
    "slow-first-token-media": "Slow first token on {targets}: about **{seconds} s** before the "
    "answer starts, for a {prompt_tokens}-token prompt with its images or audio (over the 10 s a "
    "user keeps attention); shorten the prompt, send fewer or smaller images, or use a faster "
    "backend.",
    "slow-first-token-stated": "Slow first token on {targets}: about **{seconds} s** before the "
    "answer starts, for a {prompt_tokens}-token prompt, over the {limit} s the service allows "
    "(max_first_token_s); shorten the prompt or use a faster backend.",
    "slow-first-token-media-stated": "Slow first token on {targets}: about **{seconds} s** before "
    "the answer starts, for a {prompt_tokens}-token prompt with its images or audio, over the "
    "{limit} s the service allows (max_first_token_s); shorten the prompt, send fewer or smaller "
    "images, or use a faster backend.",
    "no-speed": "No speed estimate for {targets} (memory bandwidth not published): measure "
    "on the device.",
    "task-unverified": "The card does not name {tasks} among its intended uses: validate the "
    "quality on your own data before launch.",
    "verification": "Some catalog facts for this model are incomplete (verification C); "
    "re-check the model card before launch.",
    "backend-beta": "{runtime} runs on the {backend} of {target} through {api}, which its "
    "maintainers ship as beta: test on the device before launch.",
    "backend-experimental": "{runtime} runs on the {backend} of {target} through {api}, an "
    "experimental path: expect failures or wrong output, and keep a fallback build.",
    "variants": "{target} ships with different chips by market ({chips}); this build "
    "({runtime} on the {backend}) runs on every one of them. Builds only one chip can run "
    "were left out: name the variant in the device file to plan for one chip.",
    "speed-unmeasured": "The speed of {runtime} on the {backend} of {target} is not measured: "
    "the estimate is capped at the measured runtime's on the same hardware.",
    "speed-unmeasured-uncapped": "The speed of {runtime} on the {backend} of {target} is not "
    "measured, and no measured runtime runs this model there to compare: the estimate is "
    "unverified; measure on the device.",
    "default": "The engine reported a further risk.",
}

RISK_SHORT: dict[str, str] = {
    "headroom": "little memory headroom on {target} ({pct}); test with other apps open.",
    "license-conditions": "{license} licence conditions to meet (section 7).",
    "license-conditions-unstated": "{license} licence conditions to review (section 7).",
    "language-claim": "{languages} only claimed broadly by the card; test the quality.",
    "reasoning": "thinks aloud before answering, so answers take longer.",
    "slow": "slow on {target} (about {tps} tokens/s).",
    "slow-first-token": "first token after about {seconds} s on {targets}.",
    "no-speed": "speed not estimated on {targets}; measure it.",
    "task-unverified": "the card does not name {tasks}; test it on your own data.",
    "verification": "some catalog facts incomplete; re-check the model card.",
    "default": "see section 3.",
}

GAP: dict[str, str] = {
    "bandwidth": "Memory bandwidth not published: no speed estimate.",
    "npu-tops": "NPU TOPS not published.",
    "os-version": "OS version unknown: runtime minimum OS versions cannot be checked.",
    "default": "A device fact is missing from the catalog.",
}

BASIS: dict[str, str] = {
    "target": "set for this target in the device file",
    "explicit": "set by constraints.memory_budget_mb in the device file",
    "ios": "planning default: {share} of {ram} GB RAM, the iOS per-app (jetsam) limit without "
    "the increased-memory entitlement",
    "android-small": "planning default: {share} of {ram} GB RAM, an Android foreground app "
    "below 12 GB (lmkd)",
    "android-large": "planning default: {share} of {ram} GB RAM, an Android foreground app on "
    "a 12 GB+ device (lmkd)",
    "macos": "planning default: {share} of {ram} GB RAM, the macOS GPU working-set limit for Metal",
    "other": "planning default: {share} of {ram} GB RAM; no per-app cap, so available memory "
    "minus headroom",
    "default": "{basis}",
}

SENSITIVITY: dict[str, str] = {
    "budget": "A memory budget of **{value}** on every target would admit {model}.",
    "budget-still-slow": "A memory budget of **{value}** on every target would fit {model}, "
    "but it would still be below the minimum speed (about {tps} tokens/s, minimum {minimum}).",
    "language": "{model} would qualify if its card listed every requested language "
    "({langs}), or with fewer languages.",
    "language-missing": "{model} would qualify if {missing} were dropped from the required "
    "languages (for example after validating it yourself); its card "
    "does not list it.",
    "license": "{model} would qualify if non-commercial use were acceptable (license: any).",
    "license-id": "{model} would qualify if non-commercial use under {license} were "
    "acceptable (license: any).",
    "context": "{model} would qualify with a context shorter than {ctx} tokens.",
    "context-have": "{model} would qualify with a context of {have} tokens or less (now {ctx}).",
    "speed": "{model} would qualify with a minimum speed (min_decode_tps) of {value} tokens/s "
    "or less.",
    "npu": "{model} would qualify if the NPU were not required.",
    "default": "{model} would qualify with one changed input.",
}
