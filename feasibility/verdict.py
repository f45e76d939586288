"""The engine's output types: verdicts, per-target results, recommendations, the assessment.

Renderers see only these types. Everything a report shows is computed by the engine and stored
here (numbers already rounded, lists already sorted), so renderers format and never decide.
Collections are tuples in a defined order; the models are frozen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, model_serializer

Outcome = Literal["pass", "fail", "unknown"]


@dataclass(frozen=True, slots=True)
class Verdict:
    """One rule's answer for one candidate on one target.

    ``blocking`` says whether an ``unknown`` outcome keeps the candidate out of the
    recommendations (a fail always does).
    """

    rule: str
    outcome: Outcome
    reason: str
    blocking: bool
    evidence: tuple[tuple[str, Any], ...]
    rejects: bool
    """Keeps the candidate out: a fail, or a blocking unknown (stored: read ~10^5 times a run)."""

    @classmethod
    def passed(cls, rule: str, reason: str, **evidence: Any) -> Verdict:
        return cls(rule, "pass", reason, True, tuple(sorted(evidence.items())), False)

    @classmethod
    def failed(cls, rule: str, reason: str, **evidence: Any) -> Verdict:
        return cls(rule, "fail", reason, True, tuple(sorted(evidence.items())), True)

    @classmethod
    def unknown(cls, rule: str, reason: str, *, blocking: bool, **evidence: Any) -> Verdict:
        return cls(rule, "unknown", reason, blocking, tuple(sorted(evidence.items())), blocking)


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class MediaFields(Frozen):
    """A model whose media fields (images and audio) are left out of its JSON when empty, so the
    output of a text-only service stays byte for byte what it was."""

    @model_serializer(mode="wrap")
    def _omit_empty_media(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        out: dict[str, Any] = handler(self)
        for key in MEDIA_KEYS:
            if key in out and out[key] in (None, (), []):
                del out[key]
        return out


class EncoderPlan(Frozen):
    """One encoder a build loads for the service's images or audio, on one target."""

    modality: str
    name: str
    params: int
    format: str
    file_type: str
    weights_mb: int
    compute_mb: int
    tokens_per_item: float
    """Decoder tokens per image, or per audio second."""
    per_item_ms: float | None
    """Encoder time per image (or audio second) on the build's backend; None: not estimated."""
    loads_text_only: bool
    file: str = ""
    repo: str = ""
    used: bool = True
    """False: a tower the service sends nothing to that the build loads anyway (one folder holds
    every tower, as MLX-VLM's does); its weights are in the memory figures."""


MEDIA_KEYS = ("encoders_mb", "encoders", "encoder_ms", "media_tokens", "inputs")
"""Fields dropped from the JSON when empty (see ``MediaFields``)."""


class RuleResult(Frozen):
    rule: str
    outcome: Outcome
    reason: str
    evidence: dict[str, Any] = {}
    """The deciding values (ids, numbers, language codes) for renderers in any language."""


class Memory(MediaFields):
    """Whole MB (MiB) figures, rounded once in the engine."""

    weights_mb: int
    kv_cache_mb: int
    compute_mb: int
    overhead_mb: int
    total_mb: int
    budget_mb: int
    headroom_mb: int
    headroom_pct: float
    file_mb: int
    encoders_mb: int | None = None
    """Vision/audio encoders (weights + compute buffer), in ``total_mb``; None: text only."""


class Step(Frozen):
    title: str
    command: str


BudgetRule = Literal[
    "target", "explicit", "ios", "android-small", "android-large", "macos", "other"
]
GapCode = Literal["bandwidth", "npu-tops", "os-version"]


class ResolvedTarget(Frozen):
    """A device.yaml target after presets and overrides are applied."""

    index: int
    id: str
    name: str
    kind: str
    os: str
    os_version: str | None
    ram_gb: float
    memory_bandwidth_gbs: float | None
    accelerators: tuple[str, ...]
    npu: str | None
    npu_vendor: str | None
    npu_tops: float | None
    budget_mb: int
    budget_basis: str
    """Why the budget is what it is (explicit, or the planning default and its source)."""
    budget_rule: BudgetRule
    budget_fraction: float | None
    """Share of RAM used by the planning default (None when the budget was given)."""
    preset: str | None
    overridden: tuple[str, ...]
    """Fields the device.yaml set over the preset."""
    platform_models: tuple[str, ...]
    gaps: tuple[str, ...]
    """Facts the catalog lacks for this device (bandwidth, TOPS, OS version)."""
    gap_codes: tuple[GapCode, ...]
    sources: tuple[str, ...]


class TargetPlan(MediaFields):
    """What one recommended model looks like on one target."""

    target: str
    target_name: str
    os: str
    quantization: str
    quantization_name: str
    format: str
    runtime: str
    runtime_name: str
    backend: str
    memory: Memory
    decode_tps: float | None
    prefill_tps: float | None
    ttft_ms: float | None = None
    """Time to first token for the service's typical prompt (context minus output), in ms."""
    prompt_tokens: int | None = None
    """The prompt ``ttft_ms`` is for."""
    energy_j_per_1k_tokens: float | None
    energy_uncertainty_pct: int | None = None
    """The stated band of the energy estimate (estimated, ±this %)."""
    score: float
    rules: tuple[RuleResult, ...]
    assumptions: tuple[str, ...]
    assumption_codes: tuple[str, ...]
    """Stable codes of ``assumptions`` (see ``feasibility.estimator.core.ASSUMPTIONS``)."""
    pipeline: tuple[Step, ...]
    encoders: tuple[EncoderPlan, ...] = ()
    """The encoders the service's images or audio need (empty: text only)."""
    encoder_ms: float | None = None
    """Encoder time of one request, included in ``ttft_ms``."""
    media_tokens: int | None = None
    """Image and audio tokens of one request (in the KV cache and the prefill)."""


class Pipeline(Frozen):
    """One build's conversion and integration steps for the OSes (and targets) it serves."""

    oses: tuple[str, ...]
    targets: tuple[str, ...]
    steps: tuple[Step, ...]
    backends: tuple[str, ...]
    """The accelerators its own targets use (a build's iOS pipeline may run on the GPU while its
    Android one runs on the CPU; the build's ``backends`` are their union)."""


class Build(MediaFields):
    """One distinct (quantization, runtime) of a recommendation, with the targets it serves.

    ``memory`` is the figures on its tightest target (least headroom), ``decode_tps`` its slowest
    target's estimate (None when any of its targets has no estimate); per-target figures are in
    the recommendation's ``targets`` plans.
    """

    quantization: str
    quantization_name: str
    format: str
    runtime: str
    runtime_name: str
    backends: tuple[str, ...]
    targets: tuple[str, ...]
    memory: Memory
    tightest_target: str
    decode_tps: float | None
    file_mb: int
    pipelines: tuple[Pipeline, ...]
    ttft_ms: float | None = None
    """Its slowest target's time to first token for ``prompt_tokens`` (None when any of its
    targets has no estimate)."""
    prompt_tokens: int | None = None
    """The service's typical prompt that ``ttft_ms`` is for."""
    encoders: tuple[EncoderPlan, ...] = ()
    """Its tightest target's encoders (empty: text only)."""
    encoder_ms: float | None = None
    """Its slowest target's encoder time of one request (None: text only or not estimated)."""


RiskKind = Literal[
    "headroom",
    "license-conditions",
    "language-claim",
    "reasoning",
    "slow",
    "slow-first-token",
    "no-speed",
    "verification",
    "task-unverified",
    "low-bits",
    "license-noncommercial",
    "quality-unknown",
    "backend-beta",
    "backend-experimental",
    "variants",
    "speed-unmeasured",
]


class Risk(Frozen):
    """A structured risk; ``Recommendation.risks`` holds the same in English sentences."""

    kind: RiskKind
    target: str | None = None
    """Target id the risk is about, if any."""
    values: dict[str, Any] = {}


TIER_STEP = 1.2
"""The order's distance between tiers. The weighted score terms lie in [0, 1] and the bonus in
[-0.15, +0.10], so 1.2 puts the best score of a tier under the worst of the tier above."""


def order_value(total: float, tier: int) -> float:
    """The ranking's order value of a rounded score in a tier: the tier first, then the score
    (see ``feasibility.scoring``)."""
    return round(total - TIER_STEP * tier, 4)


class ScoreTerms(Frozen):
    """A build's score terms and total (the score a report shows: what the build brings), and
    its tier: the unmet needs that rank it below every build of a higher tier whatever the
    scores (see ``feasibility.scoring``)."""

    quality: float
    fidelity: float
    speed: float
    headroom: float
    energy: float
    bonus: float
    total: float
    tier: int = 0
    """Tiers below the top (0: every stated need met on a production-grade backend)."""
    shortfalls: tuple[str, ...] = ()
    """What put the build in its tier: ``first-token-late``, ``first-token-unknown`` (against
    the service's ``max_first_token_s``), ``backend-experimental``."""

    @property
    def order(self) -> float:
        """The ranking's order value: the tier first, then the score (``order_value``)."""
        return order_value(self.total, self.tier)


class EvidenceScore(Frozen):
    """One published score behind a pick's quality term."""

    benchmark: str
    value: float
    setup: str
    source: str
    group: str
    """The scoring group it counts in (``knowledge``, ``lang:ko``, ``task:translation``...)."""


class Versus(Frozen):
    """Why this pick ranked above another feasible model, from the weighted score terms."""

    model: str
    margin: float
    """This pick's score minus the other's (on each model's weakest target)."""
    gaps: dict[str, float]
    """Weighted term differences (this pick minus the other), largest in magnitude first."""
    diversity: bool = False
    """The other model scored higher but shares this pick's developer or family."""
    tied: bool = False
    """The margin rounds to 0.000, as a report shows it: the order then comes from the
    quality term (see ``ranking.feasible_models``), and the report must not say "by 0.000"."""
    shortfalls: tuple[str, ...] = ()
    """The other model's shortfalls this pick does not have, when they put it a tier lower
    (``ScoreTerms.shortfalls``): the reason for the order, whatever the margin."""


class Recommendation(Frozen):
    rank: int
    model: str
    model_name: str
    hf_repo: str
    family: str
    developer: str
    params: int
    params_label: str
    quantization: str
    """The quantization of the build on the tightest target (``tightest_target``)."""
    runtime: str
    """The runtime of that same build."""
    memory: Memory
    """That same build's figures on the tightest target (least headroom)."""
    decode_tps: float | None
    """Slowest target's estimate over all builds (None when any target has no estimate)."""
    download_mb: int
    """The largest download among the builds."""
    score: float
    score_terms: ScoreTerms
    license: str
    license_name: str
    license_commercial: str
    license_conditions: str
    license_notice_only: bool
    """The conditions are only to pass on the licence and its notices: a duty, not a risk."""
    license_url: str
    languages: tuple[str, ...]
    languages_claim: str
    strengths: tuple[str, ...]
    matched_tasks: tuple[str, ...]
    missing_tasks: tuple[str, ...]
    context_tokens: int
    reasoning_mode: bool
    reasons: tuple[str, ...]
    risks: tuple[str, ...]
    risk_items: tuple[Risk, ...]
    tightest_target: str
    """Target id whose figures ``memory`` shows (least headroom)."""
    pipeline: tuple[Step, ...]
    """The tightest target's pipeline (every build's pipelines are in ``builds``)."""
    builds: tuple[Build, ...]
    """Distinct (quantization, runtime) builds, the tightest target's first."""
    targets: tuple[TargetPlan, ...]
    sources: tuple[str, ...]
    evidence: tuple[EvidenceScore, ...] = ()
    """Published scores the quality term read for this service, by group weight then name."""
    evidence_unknown: tuple[str, ...] = ()
    """Groups relevant to the service with no published score (unknown, not zero)."""
    versus: tuple[Versus, ...] = ()
    """#1 against #2 and the next feasible model; #2 against the next one."""


class BelowFloor(Frozen):
    """The best-scoring build of a model on a target where only builds under the ranking's
    quality floor fit (``feasibility.ranking``): the evidence that the model is left out for
    quality, not for lack of room."""

    quantization: str
    runtime: str
    bpw: float
    """Whole-model bits per weight (``scoring.effective_bpw``, two decimals), under ``floor``."""
    floor: float
    """The floor (``ranking.LOW_BIT_FLOOR``)."""
    total_mb: int
    """The build's full memory need on that target (rounded up)."""
    budget_mb: int


class Rejection(Frozen):
    """A model's build that failed on a target, with its first failing rule in rule order."""

    model: str
    quantization: str
    runtime: str
    target: str
    rule: str
    outcome: Outcome
    """``fail``, or ``unknown`` for a blocking unknown (e.g. a language the card does not list)."""
    reason: str
    evidence: dict[str, Any] = {}
    params: int
    total_mb: int | None
    """The build's full memory need on that target (rounded up), None when no estimate was
    made (a rule before the memory level rejected it)."""
    budget_mb: int
    failing_targets: tuple[str, ...] = ()
    """Every target where this model has no feasible build (why-not rows only)."""
    below_floor: BelowFloor | None = None
    """Why-not rows of a model that fits every target but some only under the quality floor:
    the best such build on this row's target (the row's own build is the closest miss at or
    above the floor). Left out of the JSON when None."""

    @model_serializer(mode="wrap")
    def _omit_no_floor(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        out: dict[str, Any] = handler(self)
        if out.get("below_floor") is None:
            out.pop("below_floor", None)
        return out


class AlsoFits(Frozen):
    """A feasible model that was not picked, and the score term that ranked it lower."""

    model: str
    params: int
    score: float
    quantization: str
    runtime: str
    behind: str
    """The score term (quality, fidelity, speed, headroom, energy, bonus) that differs most in
    favour of the pick it is compared with; "diversity" when it scored higher but the second
    pick comes from another developer or family; a shortfall (``ScoreTerms.shortfalls``, such
    as ``first-token-late``) when that put it a tier below the pick."""
    compared_with: str
    """The recommended model it is compared with."""


class Sensitivity(Frozen):
    """An input whose change would change the answer (structured; renderers word it).

    Each claim was re-checked by the engine: a ``budget`` value admits the model's builds on
    every target (memory) and 1 MB less does not; a ``speed`` value is the highest one-decimal
    ``min_decode_tps`` the model still reaches.
    """

    kind: Literal["budget", "language", "license", "context", "speed", "npu"]
    model: str
    value: str
    """The deciding number or name (e.g. the budget in MB that would admit the model)."""
    still_fails: str | None = None
    """A rule that would still reject the model at that value (e.g. decode-speed)."""
    still_evidence: dict[str, Any] = {}
    """The deciding figures of ``still_fails`` (e.g. the best speed and the minimum)."""


class PlatformAlternative(Frozen):
    id: str
    name: str
    vendor: str
    notes: str
    sources: tuple[str, ...]


class Assessment(MediaFields):
    schema_version: int = 1
    catalog_version: str
    source: str
    """The input's file name (no directories: reports must not depend on where they ran)."""
    feasible: bool
    service_description: str | None
    tasks: tuple[str, ...]
    languages: tuple[str, ...]
    context_tokens: int
    output_tokens: int
    constraints: dict[str, Any]
    targets: tuple[ResolvedTarget, ...]
    recommendations: tuple[Recommendation, ...]
    rejected: tuple[Rejection, ...]
    rejection_counts: dict[str, int]
    """How many model × format × runtime × target combinations each rule rejected first."""
    candidates_evaluated: int
    """Model × format × runtime × target combinations evaluated."""
    feasible_combinations: int = 0
    """Combinations that passed every rule (with the rejection counts, they add up to
    ``candidates_evaluated``)."""
    feasible_models: tuple[str, ...]
    platform_alternatives: tuple[PlatformAlternative, ...]
    placeholders: tuple[str, ...]
    """Inputs the user left out that the report keeps as bracketed placeholders."""
    sensitivities: tuple[Sensitivity, ...]
    why_not: tuple[Rejection, ...]
    """One row per model that is not feasible on every target: its closest miss (the build that
    got furthest through the rules, then least memory over budget by full total), with its first
    failing rule; strongest models first."""
    inputs: dict[str, Any] | None = None
    """The service's images and audio (``inputs``, ``images_per_request``,
    ``audio_seconds_per_request``); None for a text-only service."""
    also_fits: tuple[AlsoFits, ...] = ()
    """Feasible models that were not picked, best first."""
    quality_floor: bool = False
    """Builds under the quality floor (``feasibility.ranking.LOW_BIT_FLOOR`` bits per weight) were
    not ranked, because some model has a build of 4 bits or more that fits every target."""
    gaps: tuple[str, ...]
    sources: dict[str, tuple[str, ...]]
    """what -> urls, for every model, device, runtime and quantization the report uses."""
