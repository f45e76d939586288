"""Every English word of the markdown and table reports (``str.format`` templates).

Catalog ids are passed in already wrapped in inline code; templates use inline code for nothing
else. Rule notes, rejection reasons, risks, gaps and budget bases are built from the engine's
structured fields (``_wording``), like the other languages; only the estimate's assumptions are
printed as the engine wrote them.
"""

from __future__ import annotations

from feasibility.report import concepts_en as concepts
from feasibility.report import reasons_en as reasons
from feasibility.report._rows import Texts
from feasibility.report.security_en import SECURITY
from feasibility.schema import OS_LABELS

T: dict[str, str] = {
    "list_sep": ", ",
    "chip_sep": "; ",
    "chip_markets": "{name}: {markets}",
    "none": "none",
    "language_one": "language",
    "language_many": "languages",
    "na": "n/a",
    "unknown": "(version unknown)",
    "target_ref": "{name} ({id})",
    "budget_one": "a memory budget of {budget} per target",
    "budget_many": "the memory budget set for each target",
    "ph_service": "[Service description]",
    # 1. title and verdict
    "title": "# On-device language model plan: {service}",
    "h_verdict": "## 1. Verdict",
    "verdict_ask": (
        "**Question:** which small language model can run {service} ({tasks}; {langs}) fully "
        "on-device on {targets}, with a {ctx}-token context, answers of up to {out} tokens and "
        "{budget}?"
    ),
    "verdict_fit": (
        "**Answer:** {combos} model × format × runtime × target combinations were checked and "
        "**{n} models** fit every target."
    ),
    "verdict_fit_one": (
        "**Answer:** {combos} model × format × runtime × target combinations were checked and "
        "**1 model** fits every target."
    ),
    "verdict_two": (
        "We recommend **{first}** and **{second}**; the first needs **{total} of {budget}** on "
        "the tightest target and generates about **{tps} tokens/s** on the slowest."
    ),
    "verdict_two_nospeed": (
        "We recommend **{first}** and **{second}**; the first needs **{total} of {budget}** on "
        "the tightest target (not every target has a speed estimate; see section 4)."
    ),
    "verdict_one": (
        "Only **{first}** fits every target, so there is no second choice to fall back on; see "
        "sections 9 and 10 for the closest misses and the input changes that would add one."
    ),
    "verdict_none": (
        "**No model fits every target.** Sections 9 and 10 list the closest misses and the input "
        "changes that would make one fit."
    ),
    "verdict_fix_budget": (
        "Raising the memory budget to **{budget}** on every target would admit {model} "
        "(section 10)."
    ),
    "verdict_rejected": (
        "{n} model × format × runtime × target combinations did not fit, by the first rule they "
        "failed: {counts}."
    ),
    "count_rule": "{rule} {n}",
    "source_line": "Input: {source} · catalog {catalog}",
    # 2. executive summary
    "h_summary": "## 2. Executive summary",
    "col_model": "Model",
    "col_params": "Params",
    "col_quant": "Quantization",
    "col_runtime": "Runtime",
    "col_memory_tight": "Memory used / budget",
    "col_headroom": "Headroom",
    "col_decode_slowest": "Decode tok/s",
    "col_license": "License",
    "col_download": "Download",
    "col_targets": "Targets",
    "col_rule": "Rule",
    "col_target": "Target",
    "col_need": "Needs / budget",
    "col_reason": "Reason",
    # 3. recommended models
    "h_recommended": "## 3. Recommended models",
    "recommended_none": "No model passed every rule on every target.",
    "h_rec": "### {rank}. {model} ({params})",
    "rec_identity": (
        "{developer}, {family} family; weights from Hugging Face {repo}; context window {ctx} "
        "tokens."
    ),
    "rec_why": "**Why it was chosen**",
    "why_fits": "- Fits all {n} targets: **{total} of {budget}** on the tightest ({target}).",
    "why_fits_one": "- Fits the target: **{total} of {budget}** ({target}).",
    "why_langs": "- The model card lists the service's languages: {listed}.",
    "why_langs_partial": (
        "- The model card lists {listed}; {missing} rests on the card's broader multilingual claim."
    ),
    "why_tasks": "- The card names {tasks} among its intended uses.",
    "why_strengths": "- Strengths the card claims: {tasks}.",
    "why_context": "- Context: the service needs {ctx} tokens of the model's {max_ctx}.",
    "why_speed": "- About **{tps} tokens/s** on the slowest target with a known memory bandwidth.",
    "why_evidence": "- Published evidence for this service: {scores}.",
    "why_evidence_unknown": "- No published score for: {groups} (unknown, not zero).",
    "why_evidence_none": (
        "- No published benchmark for this service's tasks and languages: quality is unknown "
        "and rests on size alone."
    ),
    "evidence_score": "{benchmark} {value}",
    "evidence_group_knowledge": "general knowledge",
    "evidence_group_instruction": "instruction following",
    "evidence_group_multilingual": "multilingual",
    "evidence_group_lang": "{language}",
    "evidence_group_task": "{task}",
    "why_versus": "- Ranked above {model} by {margin}: {ahead}.",
    "why_versus_behind": "- Ranked above {model} by {margin}: {ahead}; behind on {behind}.",
    "versus_by_id": "the model id (a true tie)",
    "why_versus_tied": "- Ties with {model} on score to three decimals; ranked first on {ahead}.",
    "why_versus_tied_behind": (
        "- Ties with {model} on score to three decimals; ranked first on {ahead}; behind on "
        "{behind}."
    ),
    "why_versus_diversity": (
        "- Picked over {model} (which scored {margin} more) for a second opinion from another "
        "developer or family."
    ),
    "why_versus_tier": (
        "- Ranked above {model}, which has {shortfalls}: a stated need met outranks any score "
        "(scores {margin} apart)."
    ),
    "versus_gap": "{term} {gap}",
    "why_score": (
        "- Score **{total}** = quality {quality}, quantization fidelity {fidelity}, speed {speed}, "
        "memory headroom {headroom}, energy {energy} (plus bonus {bonus})."
    ),
    "rec_license": ("**License:** {name} ({id}), commercial use: **{commercial}**. Terms: <{url}>"),
    "rec_license_conditions": "Conditions: {conditions}",
    "rule_note": "- {rule} ({outcome}) on {targets}: {text}",
    "all_targets": "every target",
    "rec_risks": "**Risks**",
    "risks_none": "- None found by the rules beyond the estimate's limits (see the footer).",
    # 4. memory and speed
    "h_memory": "## 4. Memory and speed per target",
    "memory_none": "No recommended model, so no per-target figures; section 9 has the misses.",
    "memory_intro": (
        "Figures for a {ctx}-token context (KV cache) and answers of up to {out} tokens. "
        "MB = MiB (2^20 bytes). Total = weights + KV cache + compute buffers + runtime overhead."
    ),
    "budget_basis_all": "Every target's memory budget is {basis}.",
    "ttft_partial": "per target below; not estimated on {n} of {total}",
    "q_accel": "Accelerator",
    "q_weights": "Weights",
    "q_compute": "Compute buffers",
    "q_overhead": "Runtime overhead",
    "q_decode": "Decode tokens/s",
    "q_energy": "Energy per 1,000 tokens",
    "assumptions": "**Assumptions behind these figures**",
    "assumption_other": "(see the English report)",
    # 5. architecture
    "h_arch": "## 5. Quantization and runtime architecture",
    "arch_none": "No pipeline: no model fits.",
    "arch_intro": (
        "Per platform: the quantized format, the runtime, the accelerator it uses and the build "
        "pipeline as numbered steps. Commands are the catalog's; run them on a build machine, "
        "not on the device."
    ),
    "h_arch_rec": "### {rank}. {model}",
    "h_platform": "#### {os}: {runtime}, {quant}",
    "platform_facts": (
        "Targets {targets}. Format {quant}: {quant_name}. Runtime {runtime} on "
        "the {accel}. Model file: {artifact}."
    ),
    "quant_label": "{name} ({format} file)",
    "quant_label_detail": "{name} ({detail}; {format} file)",
    "artifact_published": "published build {repo} <{url}>",
    "artifact_published_bundle": "published build <{url}>",
    "artifact_convertible": "converted from {repo} with the {runtime} tooling <{url}>",
    "mm_source": "Pick {rank}: Hugging Face {repo}",
    "mm_target": "{os} app: {targets}",
    # 6. concepts
    "h_concepts": "## 6. Key concepts in one line",
    "c_quant": (
        "- **Quantization:** storing the model's numbers with fewer bits (for example 4 instead "
        "of 16) so it takes about a quarter of the memory, at a small cost in accuracy."
    ),
    "c_format": "- **{format}:** {text}",
    "c_kv": (
        "- **KV cache:** the model's short-term memory of the conversation; it grows with the "
        "context ({ctx} tokens here) and is counted in the memory figures."
    ),
    "c_npu": (
        "- **NPU:** the phone's or laptop's AI chip; it runs the same model at lower power than "
        "the CPU or GPU."
    ),
    "c_runtime": "- **Runtime {id}** ({name}): {text}",
    "c_decode": (
        "- **Tokens per second:** how fast the answer appears; about 4 tokens make 3 English "
        "words, and reading speed is roughly 5 to 10 tokens/s."
    ),
    # 8. trade-offs
    "h_tradeoffs": "## 8. Advantages and limitations",
    "tradeoffs_none": "Advantages and limits depend on the chosen model: none fits yet.",
    "advantages": "**Three advantages of on-device for this service**",
    "adv_privacy": (
        "1. **Privacy by design:** the users' text ({langs}) is processed on the device for "
        "every task ({tasks}), so no prompt reaches a server; this narrows the security review "
        "to the app itself (section 7), it does not remove it."
    ),
    "adv_offline": (
        "2. **Works offline, no server latency:** answers start on the device; estimated "
        "generation speed {items}."
    ),
    "adv_speed_item": "{model} about {tps} tokens/s",
    "adv_speed_item_unknown": "{model}: to measure (some targets have no estimate, section 4)",
    "adv_cost": (
        "3. **No per-request server cost:** inference runs on the {n} target devices the users "
        "already own, so cost does not grow with usage."
    ),
    "limits": "**Three technical limits and risks**",
    "lim_headroom": (
        "1. **Memory headroom:** {items}. The OS can reclaim memory under pressure; test with "
        "other apps open."
    ),
    "lim_headroom_item": "{model} leaves {headroom} ({pct}) on {target}",
    "lim_coverage": "2. **Task and language coverage:** {items}.",
    "lim_coverage_ok": (
        "2. **Small-model quality:** both models list {langs}, but a model of this size makes "
        "more mistakes than a server model; evaluate on your own data."
    ),
    "lim_cover_item": "{model} does not name {tasks} among its uses",
    "lim_claim_item": "{model} covers some requested languages only by a broad claim",
    "lim_energy": (
        "3. **Battery cost of long outputs:** every token reads the whole model from memory, so "
        "an answer of {out} tokens costs energy in proportion; the catalog has no power figures "
        "for these devices, so measure it on the device."
    ),
    "lim_energy_known": (
        "3. **Battery cost of long outputs:** energy grows with every generated token (answers "
        "of up to {out} tokens); see the energy row in section 4."
    ),
    # 9. why not
    "h_why_not": "## 9. Why not the others",
    "why_not_none": "Every evaluated model was either recommended or not applicable.",
    "why_not_intro": (
        "The {n} largest of the {total} models that do not fit every target, with the build that "
        "came closest and the first rule it failed (memory figures are full totals):"
    ),
    "why_not_intro_closest": (
        "The {n} closest of the {total} models that do not fit every target, with the build that "
        "came closest and the first rule it failed (memory figures are full totals):"
    ),
    "below_floor": (
        "Only builds under the quality floor of {floor} bits per weight fit here: the best, "
        "{quant} on {runtime} ({bpw} bits per weight), needs {need} of the {budget} budget."
    ),
    "why_not_intro_floor": (
        "The {n} largest of the {total} models that do not fit every target, those that fit "
        "only under the quality floor first, with the build that came closest and the first rule "
        "it failed (memory figures are full totals):"
    ),
    "why_not_intro_closest_floor": (
        "The {n} closest of the {total} models that do not fit every target, those that fit only "
        "under the quality floor first, with the build that came closest and the first rule it "
        "failed (memory figures are full totals):"
    ),
    "every_build": "every build",
    "also_fits_intro": "Also fits every target but not picked ({n}):",
    "also_fits_line": (
        "- {model} ({params}): best build {quant} on {runtime}, score {score}; ranked below "
        "{other} on {behind}."
    ),
    "also_fits_line_tier": (
        "- {model} ({params}): best build {quant} on {runtime}, score {score}; ranked below "
        "{other}, which meets the service's stated needs, for {behind}."
    ),
    "also_fits_line_diversity": (
        "- {model} ({params}): best build {quant} on {runtime}, score {score}; it outscored "
        "{other}, but the second pick comes from another developer or family when one fits."
    ),
    "term_quality": "quality (published benchmarks, size and task match)",
    "term_fidelity": "quantization fidelity",
    "term_speed": "speed",
    "term_headroom": "memory headroom",
    "term_energy": "energy",
    "term_bonus": (
        "bonuses and penalties (published build, beta or deprecated runtime, NPU, reasoning)"
    ),
    "term_first-token-late": "a first token later than the service allows",
    "term_first-token-unknown": "no first-token estimate against the service's limit",
    "term_backend-experimental": "only an experimental backend",
    "term_diversity": "diversity (the second pick comes from another developer or family)",
    # 10. inputs
    "h_inputs": "## 10. Inputs to complete and what would change the answer",
    "placeholders_intro": "Fill these in; the input left them out:",
    "placeholders_none": "The input described the service and every device; nothing to fill in.",
    "gap_line": "- {targets}: {gap}",
    "gaps_intro": "Device facts the catalog does not have:",
    "sensitivity_intro": "Input changes that would change the answer:",
    "sensitivity_none": "No single input change would admit a stronger model.",
    "fix_budget_one": (
        "**To get two recommendations:** raise the memory budget (constraints.memory_budget_mb) "
        "to **{budget}** on every target; that would admit {model}, a larger model than the "
        "current pick, giving two."
    ),
    "fix_budget_none_two": (
        "**To get two recommendations:** raising the memory budget (constraints.memory_budget_mb) "
        "to **{budget}** on every target would admit {model}, and raising it to **{budget2}** "
        "would admit {model2} as well, giving two."
    ),
    "fix_budget_none_one": (
        "**To get two recommendations:** raising the memory budget (constraints.memory_budget_mb) "
        "to **{budget}** on every target would admit {model}; a second model needs one of the "
        "other input changes above as well."
    ),
    "fix_other": (
        "**To get two recommendations:** a larger memory budget alone admits no further model; "
        "consider the input changes above."
    ),
    "fix_generic": (
        "**To get two recommendations:** no single input change admits a model; shorten "
        "context_tokens, drop a language or a target, or relax the license or npu constraint, "
        "then run the check again."
    ),
    "platform_alt_intro": "Built-in platform models on these devices (not evaluated here):",
    # 11. sources
    "h_sources": "## 11. Sources",
    "footer_limits": (
        "*Estimate limits:* memory covers model weights, the KV cache at the stated context, "
        "compute buffers and the runtime's overhead. It leaves out the app's own UI and data, "
        "the OS's memory pressure and fragmentation, and thermal throttling. Speeds come from "
        "memory bandwidth and are estimates to confirm on the device."
    ),
    "footer_provenance": (
        "*Generated by feasibility from {source} with catalog version {catalog}; the same input "
        "and catalog give the same report.*"
    ),
    # report additions: executive screen, speeds, builds, threat model, sources
    "exec_decision_two": (
        "**Decision:** go for on-device. Build {first} first and keep {second} as the fallback; "
        "both run on every target without a server."
    ),
    "exec_decision_two_one_target": (
        "**Decision:** go for on-device. Build {first} first and keep {second} as the fallback; "
        "both run on the target without a server."
    ),
    "exec_decision_one": (
        "**Decision:** on-device is possible with {first} only, so there is no fallback model; "
        "section 10 says which input change would add one."
    ),
    "exec_decision_none": (
        "**Decision:** not feasible as specified: no model fits every target. Sections 9 and 10 "
        "show the closest misses and what to change."
    ),
    "exec_model": "- **{rank}. {model}** ({developer}, {params}): good at {good}; {where}. "
    "Main risk: {risk}",
    "exec_where_all": "runs on every target ({oses})",
    "exec_where_one": "runs on the target ({oses})",
    "exec_risk_licence": "the {license} licence conditions to meet (section 7).",
    "exec_risk_none": "none found by the rules; confirm speed and quality on a real device.",
    "exec_next_two": (
        "**Next step:** a two-week proof of concept: build both models (section 5), then measure "
        "memory, first-token time, speed and battery on one device per OS with your own data."
    ),
    "exec_next_one": (
        "**Next step:** build this model (section 5) and measure it on a real device, and decide "
        "on the input change in section 10 that would give a fallback."
    ),
    "exec_next_none": (
        "**Next step:** pick one of the input changes in section 10 (for example a larger memory "
        "budget) and run the check again."
    ),
    "rec_rules_all_pass": "**Rules:** all {n} rules pass on every target ({rules}).",
    "rec_rules_except": "**Rules:** {n} rules checked per target ({rules}); all pass except:",
    "need_none": "not estimated (rejected before the memory check)",
    "na_decode_cause": "not estimated (no bandwidth)",
    "na_decode_other": "not estimated (backend)",
    "na_prefill_cause": "not estimated (no compute figure)",
    "na_prefill_other": "not estimated (backend)",
    "na_energy_cause": "not estimated (no backend)",
    "na_energy_other": "not estimated (no power figure)",
    "speed_unknown": "an unestimated speed",
    "ttft_s": "{s} s",
    "energy_value": "{j} J{band}",
    "energy_band": " (±{pct}%)",
    "bw_unknown": "not published",
    "col_os": "OS",
    "col_ram": "RAM",
    "col_bw": "Memory bandwidth",
    "col_npu": "NPU",
    "col_budget": "Memory budget",
    "col_build": "Build",
    "col_kv": "KV cache",
    "col_ttft": "First token",
    "speed_note": (
        "First token = time to process the service's typical prompt (the {ctx}-token context "
        "minus the {out}-token answer) before the answer starts; decode = tokens per second "
        "after that. Not estimated: no bandwidth = the device's memory bandwidth is not "
        "published; no compute figure = no compute throughput is known for the backend, so "
        "neither prompt speed nor first token can be estimated. Build rows show the build's "
        "slowest target; for sustained speed see the assumptions below (measure a 5-minute run "
        "on the device)."
    ),
    "pipeline_same": (
        "Steps 1-{last}: those of {model}'s {os} pipeline above, with {old} replaced by {new} "
        "and {old_repo} by {new_repo} in every command."
    ),
    "steps_shared": "# Steps 1-{last}: the same as the {quant} build above.",
    "step_verify": (
        "After the last step of each pipeline: record the SHA-256 of the model file it produced "
        "(built or downloaded), "
        "ship it with the app, and have the app verify it before loading (section 7)."
    ),
    "mm_build": "{quant} on {runtime}, {accel}",
    "c_ttft": (
        "- **Time to first token (TTFT):** how long the user waits before the answer starts; it "
        "grows with the prompt length."
    ),
    "sources_intro": "Only the sources behind the facts the recommendations use, by fact.",
    "sources_device": "**Target devices** (RAM, memory bandwidth, NPU, OS: budgets and speeds)",
    "sources_model": "**Models** (size, architecture, context, languages, tasks)",
    "sources_license": "**Licences** (commercial use and conditions)",
    "sources_quantization": "**Quantization formats** (bits per weight: memory and file size)",
    "sources_runtime": "**Runtimes** (supported OSes, backends, model architectures)",
    "sources_none": "No model was recommended, so only the target devices' sources are listed.",
    "license_conditions_other": "See the licence text.",
    "html_title": "On-device language model plan: {service}",
    "html_builds": "Builds and the targets they serve",
    "chart_memory": (
        "Memory per build on its tightest target: weights, KV cache, compute buffers and "
        "runtime overhead against the budget (red line)"
    ),
    "chart_speed": (
        "Decode speed (tokens/s) and time to first token per build, on its slowest target"
    ),
    "chart_budget": "Budget",
    "chart_not_estimated": "not estimated (see the table)",
    # terminal table (--format table)
    "tbl_verdict": "{source}: {verdict}; {n} model(s) fit every target",
    "tbl_feasible": "feasible",
    "tbl_not_feasible": "NOT feasible (fewer than two models fit)",
    "tbl_rank": "#",
    "tbl_model": "model",
    "tbl_params": "params",
    "tbl_quant": "quant",
    "tbl_runtime": "runtime",
    "tbl_memory": "memory (tightest)",
    "tbl_tps": "tok/s",
    "tbl_license": "license",
    "tbl_score": "score",
    "tbl_per_target": "{rank}. {model} per target",
    "tbl_target": "target",
    "tbl_os": "os",
    "tbl_backend": "backend",
    "tbl_weights": "weights MB",
    "tbl_kv": "KV MB",
    "tbl_buffers": "buffers MB",
    "tbl_total": "total/budget MB",
    "tbl_decode": "decode tok/s",
    "tbl_ttft": "first token",
    "tbl_why_not": "Why not the others (closest miss per model)",
    "tbl_rule": "rule",
    "tbl_reason": "reason",
}

TEXTS = Texts(
    lang="en",
    t={**T, **SECURITY},
    format_concept=concepts.FORMAT_CONCEPT,
    runtime_concept=concepts.RUNTIME_CONCEPT,
    rule=reasons.RULE,
    outcome=reasons.OUTCOME,
    rule_detail=reasons.RULE_DETAIL,
    risk=reasons.RISK,
    risk_short=reasons.RISK_SHORT,
    gap=reasons.GAP,
    basis=reasons.BASIS,
    sensitivity=reasons.SENSITIVITY,
    language={
        "ar": "Arabic",
        "cs": "Czech",
        "da": "Danish",
        "de": "German",
        "en": "English",
        "es": "Spanish",
        "fi": "Finnish",
        "fr": "French",
        "he": "Hebrew",
        "hi": "Hindi",
        "hu": "Hungarian",
        "it": "Italian",
        "ja": "Japanese",
        "ko": "Korean",
        "nl": "Dutch",
        "no": "Norwegian",
        "pl": "Polish",
        "pt": "Portuguese",
        "ru": "Russian",
        "sv": "Swedish",
        "th": "Thai",
        "tr": "Turkish",
        "uk": "Ukrainian",
        "vi": "Vietnamese",
        "zh": "Chinese",
    },
    task={
        "chat": "chat",
        "classification": "classification",
        "code": "code",
        "extraction": "extraction",
        "function-calling": "function calling",
        "math": "math",
        "qa": "question answering",
        "reasoning": "reasoning",
        "rewriting": "rewriting",
        "summarization": "summarization",
        "translation": "translation",
    },
    os=dict(OS_LABELS),
    backend={"cpu": "CPU", "gpu": "GPU", "npu": "NPU"},
    commercial={"yes": "allowed", "conditional": "allowed with conditions", "no": "not allowed"},
    placeholder={
        "service_description": "**[Service description]**: what the service does, for whom, "
        "and which data it handles.",
        "target_device_specs": "**[Target device specs]**: RAM, memory bandwidth, NPU and OS "
        "version of each target the catalog lacks (listed below).",
    },
)
