"""Score a feasible candidate on a target: one documented, deterministic formula.

score = w_quality * quality + w_fidelity * fidelity + w_speed * speed + w_headroom * headroom
        + w_energy * energy + bonus, rounded to 4 decimals, each term in [0, 1]:

- quality: what this build can do for *this* service: the model's quality times the share of it
  the quantization keeps (``fidelity`` below), so a 3-bit build of a bigger model must be that
  much better to beat a 4-bit build of a smaller one. The model's quality is 35% size (log-scaled
  between 0.1B and 14B: the one capability figure every model has), 55% published benchmark
  evidence and 10% the share of the service's tasks the card names as intended uses.

  Evidence. Each score in ``ModelEntry.benchmarks`` that ``BENCHMARKS`` knows is normalised
  within its benchmark: (value - chance) / (100 - chance), so 25% on four-choice MMLU is 0 and a
  perfect score 1. The benchmarks fall into groups; a group's value is its best normalised
  score (so publishing one more benchmark never lowers a model). Groups are weighted by
  relevance to the service (``group_weights``):
  general knowledge and instruction following 1 each, multilingual 1 when the service has a
  language other than English, a language's own benchmarks (KMMLU, HAE-RAE, KoBEST for Korean)
  2 per service language, and a task's benchmark (BFCL for function calling, WMT24++/FLORES for
  translation, TLDR9+ for summarization, HumanEval/MBPP for code, GSM8K/MATH for math) 3 when
  the service lists the task (``TASK_WEIGHT``). The service's own task weighs more than knowledge
  and instruction following together: a coding helper is judged first on code, and a model with
  better code scores beats one with better general scores only (HumanEval 88.4 against 83 outweighs
  IFEval 78 against 59). evidence = sum(weight * group value) / sum(weight). A group without a
  published score is *unknown*: the report says so, and it earns no credit (an unpublished
  evaluation is not evidence), except that a task group stands in at half the model's general
  evidence (``STAND_IN_SHARE``: the weighted mean of its knowledge, instruction, multilingual and
  language groups): general ability carries over to a task in part, and without the stand-in a
  task nobody publishes would shrink every model's evidence alike and hand the ranking to size.
  A published task score counts where it says more than the stand-in, so publishing a score can
  only raise a model, never lower it.
  Scores are compared as published; setups (shots, thinking on or off) are shown, not adjusted.
  A score measured in one named language the service does not use ("WMT24++ (ES)" for a Korean
  translation service) counts half (``OFF_LANGUAGE_SHARE``): evidence of the skill, not of the
  skill in the service's languages.

- fidelity: how much quality the quantization keeps, as a function of effective bits per weight
  and model size: fidelity = 1 - loss_8B(quant) * (8B / params) ** 0.4, at most 1 lost.
  loss_8B is the relative perplexity increase over 16-bit on Llama-3-8B that llama.cpp publishes
  per quantization type (``Quantization.ppl_delta`` over the F16 perplexity 6.2332, llama.cpp
  pull request 6936, also printed by ``llama-quantize``); a type without a published delta reads
  the same table as a curve over effective bits per weight (``LOSS_BY_BPW``, log-interpolated;
  k-quants, so i-quants and AWQ/GPTQ, which do better per bit, are judged conservatively), read
  at no less than the nominal bits plus 0.5 (the Q4_0 layout), so fidelity never rises as the
  nominal bits fall.
  Small models lose more: Qwen's published 4-bit results (qwen.readthedocs.io, "Performance of
  Quantized Models", Qwen2-Instruct, MMLU/C-Eval/IFEval average, GPTQ-Int4 and AWQ) lose about
  11.6% of the 16-bit score at 0.5B, 5.5% at 1.5B and 4.2% at 7B: a loss proportional to
  params ** -0.4 (fitted on the 0.5B and 7B points).
  A quantization-aware-trained build (``Quantization.qat_of``: Meta's Llama 3.2 SpinQuant and
  QLoRA programs) has the layout of a post-training quantization and loses that one's share
  times the maker's published ratio of the two losses (``qat_loss_ratio``: from the maker's
  BF16 / post-training / QAT table, or a stated share such as Google's "54% less perplexity
  drop"), for the models the maker measured; any other model gets no credit.
- speed: estimated decode tokens/s over 20 (capped at 1: beyond 20 tokens/s, faster than people
  read, more speed buys little); 0.5 when no estimate is possible.
- headroom: share of the memory budget left free, over 25% (capped at 1: past a quarter of the
  budget free, more headroom buys little).
- energy: the estimated energy per generated token (``Estimate.energy_mj_per_token``), on a log
  scale from 500 mJ (0) to 5 mJ (1); 0.5 when not estimated. Weighed only under
  ``battery: minimize`` (a balanced service does not trade quality for joules).
- bonus: +0.03 when the developer publishes this quantization itself, +0.02 when the catalog names
  a published build of it for this runtime (``data/artifacts.yaml``), +0.05 on the NPU when the
  NPU is preferred, -0.05 for reasoning models when battery is to be minimized (long thinking
  outputs), -0.05 for a beta backend (see ``MATURITY_BONUS``), -0.10 for deprecated runtimes.

The score is what a build brings when it meets the service's stated needs. Two shortfalls are not
a matter of degree, so they are not folded into it (a score of -1.5 would tell a reader nothing):
they put the build in a lower *tier* (``ScoreTerms.tier``), and a build ranks below every build of
a higher tier whatever the two scores. An experimental backend is one tier down
(``MATURITY_TIER``: experimental never outranks production at equal first-token standing). When
the service states ``max_first_token_s``, the build's first-token standing is another
(``FIRST_TOKEN_TIER``): none when its estimated time to first token for the service's typical
prompt meets the need, one when it has no estimate (an unproven build, weighed like an
experimental backend: it never beats a build known to meet the need), two when the estimate
breaks the need (below every build that meets it or may). Without a stated need the first token
is not scored (a long prompt on a CPU is then a named risk, not a rank). The ranking orders by
``order_value`` = score - ``TIER_STEP`` * tier (``feasibility.verdict``): each step of 1.2 is
wider than any score's range, so the tier decides first and the score within a tier. The report
shows the score, and the shortfalls behind the tier (``ScoreTerms.shortfalls``) as reasons and
risks.

Weights: balanced battery 0.65/0.15/0.10/0.10/0; battery minimize 0.55/0.10/0.10/0.10/0.15.
Quality dominates on purpose: among candidates that all fit, the most capable one is what a team
wants to try first; fidelity also counts on its own (among near-lossless builds of one model, the
more faithful one) and the other terms separate builds of similar capability. With the speed and
headroom terms capped, a lower-bit build of the same model wins only where speed or memory is
short (or battery is to be minimized).
The ranking key is ``(-score, model id, quantization id, runtime id)``.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from feasibility.schema import Constraints, GroupScheme, ModelEntry, Quantization, Runtime, Service
from feasibility.situation import RUNTIME_MATURITY, Candidate, Placement, Situation
from feasibility.verdict import ScoreTerms, order_value

TERMS = ("quality", "fidelity", "speed", "headroom", "energy", "bonus")
"""The score's terms, in the order the formula above lists them."""
WEIGHTS_BALANCED = (0.65, 0.15, 0.10, 0.10, 0.0)
WEIGHTS_MIN_BATTERY = (0.55, 0.10, 0.10, 0.10, 0.15)
SPEED_FULL_TPS = 20.0
HEADROOM_FULL = 0.25
ENERGY_BEST_MJ, ENERGY_WORST_MJ = 5.0, 500.0
LOG_MIN, LOG_MAX = math.log10(1e8), math.log10(14e9)
QUALITY_MIX = (0.35, 0.55, 0.10)
"""Shares of size, benchmark evidence and card-named tasks in the quality term."""

F16_PPL_LLAMA3_8B = 6.2332
"""Llama-3-8B F16 wikitext perplexity behind the catalog's ``ppl_delta`` (llama.cpp PR 6936)."""
LOSS_BY_BPW = (
    (3.1593, 3.5199),
    (3.6429, 1.6321),
    (4.2979, 0.5562),
    (4.6672, 0.2689),
    (4.8944, 0.1754),
    (5.5704, 0.1049),
    (5.7036, 0.0569),
    (6.5633, 0.0217),
    (8.5008, 0.0026),
    (16.0, 0.0),
)
"""(whole-model bits per weight, perplexity increase) of llama.cpp's k-quants on Llama-3-8B
(Q2_K, Q3_K_S, Q3_K_L, Q4_K_S, Q4_K_M, Q5_K_S, Q5_K_M, Q6_K, Q8_0, F16): the catalog's
``bits_per_weight`` and ``ppl_delta`` of those types."""
SIZE_REF_PARAMS = 8e9
SIZE_EXPONENT = 0.4
"""Quantization loss scales as (8B / params) ** 0.4 (Qwen2-Instruct 4-bit losses, see above)."""
GGUF_SCALE_BITS = 0.5
"""Scale overhead assumed for a GGUF type without a published whole-model figure (Q4_0: 4.5)."""


@dataclass(frozen=True, slots=True)
class BenchmarkKind:
    """How the scoring reads one benchmark: its group and its chance level (percent)."""

    group: str
    chance: float


BENCHMARKS: dict[str, BenchmarkKind] = {
    "MMLU": BenchmarkKind("knowledge", 25.0),
    "MMLU-Redux": BenchmarkKind("knowledge", 25.0),
    "MMLU-Pro": BenchmarkKind("knowledge", 10.0),
    "IFEval": BenchmarkKind("instruction", 0.0),
    "MGSM": BenchmarkKind("multilingual", 0.0),
    "MMMLU": BenchmarkKind("multilingual", 25.0),
    "Global-MMLU": BenchmarkKind("multilingual", 25.0),
    "Global-MMLU-Lite": BenchmarkKind("multilingual", 25.0),
    "MMLU-ProX": BenchmarkKind("multilingual", 10.0),  # MMLU-Pro's ten options, 29 languages
    "INCLUDE": BenchmarkKind("multilingual", 25.0),  # four-option regional exams, 44 languages
    "KMMLU": BenchmarkKind("lang:ko", 25.0),
    "KMMLU-Redux": BenchmarkKind("lang:ko", 25.0),
    "HAE-RAE": BenchmarkKind("lang:ko", 25.0),
    "KoBEST": BenchmarkKind("lang:ko", 50.0),
    "BFCL": BenchmarkKind("task:function-calling", 0.0),
    "WMT24++": BenchmarkKind("task:translation", 0.0),
    "FLORES": BenchmarkKind("task:translation", 0.0),
    "TLDR9+": BenchmarkKind("task:summarization", 0.0),
    "HumanEval": BenchmarkKind("task:code", 0.0),
    "MBPP": BenchmarkKind("task:code", 0.0),
    "GSM8K": BenchmarkKind("task:math", 0.0),
    "MATH": BenchmarkKind("task:math", 0.0),
    "MATH-500": BenchmarkKind("task:math", 0.0),
}
"""Benchmarks the quality term reads, by published name (a name followed by a variant, such as
"BFCL v2" or "WMT24++ ChrF", reads as its first word). Others are shown but not weighed."""
GROUP_WEIGHT = {"knowledge": 1.0, "instruction": 1.0, "multilingual": 1.0}
LANGUAGE_WEIGHT = 2.0
TASK_WEIGHT = 3.0
"""A task group outweighs knowledge and instruction following together (see the module
docstring)."""
STAND_IN_SHARE = 0.5
"""Share of a model's general evidence a task group without a published score stands in at."""
OFF_LANGUAGE_SHARE = 0.5
"""A score measured in one named language ("MMMLU (ES)", "WMT24++ (ES)") is evidence of the skill,
but not of the skill in the service's languages: it counts half when the service does not use
that language (Spanish translation quality says less about Korean translation)."""
_LANGUAGE_TAG = re.compile(r"\(([A-Za-z]{2})\)$")


def kind_of(name: str) -> BenchmarkKind | None:
    """The benchmark's kind by its published name, or None when the scoring does not read it."""
    return BENCHMARKS.get(name) or BENCHMARKS.get(name.split(" ")[0])


def has_evidence(model: ModelEntry) -> bool:
    """The model carries at least one published score the quality term reads (a score of a
    benchmark outside ``BENCHMARKS`` is shown but is not evidence the ranking can use)."""
    return any(kind_of(b.name) is not None for b in model.benchmarks)


def evidence_coverage(models: Iterable[ModelEntry]) -> tuple[int, int]:
    """(models with evidence the quality term reads, all models): the catalog's coverage."""
    flags = [has_evidence(m) for m in models]
    return sum(flags), len(flags)


def group_weights(service: Service) -> dict[str, float]:
    """Relevance of each benchmark group to the service (groups absent here weigh nothing)."""
    w = {"knowledge": GROUP_WEIGHT["knowledge"], "instruction": GROUP_WEIGHT["instruction"]}
    if any(lang != "en" for lang in service.languages):
        w["multilingual"] = GROUP_WEIGHT["multilingual"]
    for lang in service.languages:
        w[f"lang:{lang}"] = LANGUAGE_WEIGHT
    for task in service.tasks:
        w[f"task:{task}"] = TASK_WEIGHT
    return w


def _known_groups() -> frozenset[str]:
    return frozenset(k.group for k in BENCHMARKS.values())


def relevant_groups(service: Service) -> dict[str, float]:
    """The weighted groups that some benchmark could fill (a language or task without any
    standard benchmark in ``BENCHMARKS`` is neither credit nor an unknown)."""
    known = _known_groups()
    return {g: w for g, w in group_weights(service).items() if g in known}


def score_language(name: str) -> str | None:
    """The language a score was measured in, where its name says so ("WMT24++ (ES)" is es)."""
    m = _LANGUAGE_TAG.search(name)
    return m.group(1).lower() if m else None


def group_values(model: ModelEntry, service: Service | None = None) -> dict[str, float]:
    """Best normalised score per group, over the model's published scores (a best rather than
    a mean: one more published benchmark can add evidence, never take it away). For a service,
    a score measured in a language the service does not use counts ``OFF_LANGUAGE_SHARE``."""
    acc: dict[str, list[float]] = {}
    for b in model.benchmarks:
        k = kind_of(b.name)
        if k is None:
            continue
        value = _clamp((b.value - k.chance) / (100.0 - k.chance))
        lang = score_language(b.name)
        if service is not None and lang is not None and lang not in service.languages:
            value *= OFF_LANGUAGE_SHARE
        acc.setdefault(k.group, []).append(value)
    return {g: max(v) for g, v in sorted(acc.items())}


def is_task(group: str) -> bool:
    return group.startswith("task:")


def evidence(model: ModelEntry, service: Service) -> float:
    """Relevance-weighted share of the service's benchmark groups: unknown general groups earn
    0, a task group at least ``STAND_IN_SHARE`` of the model's general evidence."""
    weights = relevant_groups(service)
    values = group_values(model, service)
    general = {g: w for g, w in weights.items() if not is_task(g)}
    stand_in = STAND_IN_SHARE * sum(w * values.get(g, 0.0) for g, w in general.items())
    stand_in /= sum(general.values())
    total = sum(weights.values())
    return (
        sum(
            w * (max(values.get(g, 0.0), stand_in) if is_task(g) else values.get(g, 0.0))
            for g, w in weights.items()
        )
        / total
    )


def quality(model: ModelEntry, service: Service) -> float:
    """The model's quality for this service (before the build's fidelity; see the module
    docstring). Not cached here: a :class:`Scorer` keeps it per model for its own lifetime."""
    tasks = service.tasks
    task_share = sum(t in model.strengths for t in tasks) / len(tasks)
    size_w, evidence_w, task_w = QUALITY_MIX
    return (
        size_w * size_quality(model.params)
        + evidence_w * evidence(model, service)
        + task_w * task_share
    )


OFFICIAL_BONUS = 0.03
"""The developer publishes this quantization itself."""
NPU_PREFERRED_BONUS = 0.05
"""The build runs on the NPU and the service prefers it."""
REASONING_PENALTY = 0.05
"""A model that reasons before answering, when battery use is to be minimized."""
DEPRECATED_PENALTY = 0.10
"""A runtime its maker has deprecated."""
PUBLISHED_BONUS = 0.02
"""A published build (an exact repository or bundle) beats one the pipeline converts, at equal
fit: nobody has to run and check the conversion."""
MATURITY_BONUS = {"production": 0.0, "beta": -0.05, "experimental": 0.0}
"""A beta backend gives way to a production one of similar merit. An experimental one is a tier
down instead (``MATURITY_TIER``), not a lower score."""
MATURITY_TIER = {"production": 0, "beta": 0, "experimental": 1}
"""Tiers a backend's maturity costs: an experimental backend ranks below every production build
at equal first-token standing."""
FIRST_TOKEN_TIER = {"meets": 0, "unknown": 1, "late": 2}
"""Tiers a build's first-token standing against the service's ``max_first_token_s`` costs: a
known-late first token never outranks an unknown one, and an unknown one never outranks one
known to meet the need."""


def size_quality(params: int) -> float:
    return _clamp((math.log10(params) - LOG_MIN) / (LOG_MAX - LOG_MIN))


def effective_bpw(quant: Quantization) -> float:
    """Whole-model bits per weight: published, else computed from the group layout, else the
    nominal bits plus a typical scale overhead."""
    if quant.bits_per_weight is not None:
        return quant.bits_per_weight
    sch = quant.scheme
    if isinstance(sch, GroupScheme):
        per_group = 8 * (sch.scale_bytes + sch.zero_bytes) / sch.group_size if sch.group_size else 0
        return sch.bits + per_group
    return quant.weight_bits + GGUF_SCALE_BITS


def loss_8b(quant: Quantization) -> float:
    """Relative perplexity increase on Llama-3-8B: published for the type, else from the curve.

    A type without a published delta is read at its bits per weight, but never below its
    nominal bits plus the Q4_0 scale overhead: calibrated group-wise schemes (AWQ, GPTQ,
    palettization) keep at least what round-to-nearest block quantization keeps at the same bits
    (the AWQ paper, arXiv 2306.00978, against round-to-nearest), even where their per-channel
    scales cost fewer bits.
    """
    if quant.ppl_delta is not None:
        return max(0.0, quant.ppl_delta) / F16_PPL_LLAMA3_8B
    bpw = max(effective_bpw(quant), quant.weight_bits + GGUF_SCALE_BITS)
    xs = [b for b, _ in LOSS_BY_BPW]
    i = bisect.bisect_left(xs, bpw)
    if i == 0:
        return LOSS_BY_BPW[0][1] / F16_PPL_LLAMA3_8B
    if i == len(xs):
        return 0.0
    (b0, d0), (b1, d1) = LOSS_BY_BPW[i - 1], LOSS_BY_BPW[i]
    t = (bpw - b0) / (b1 - b0)
    lo, hi = math.log(d0 + 1e-4), math.log(d1 + 1e-4)
    return max(0.0, math.exp(lo + (hi - lo) * t) - 1e-4) / F16_PPL_LLAMA3_8B


def fidelity(quant: Quantization, params: int) -> float:
    """Share of quality the build keeps (see the module docstring)."""
    return _clamp(1 - loss_8b(quant) * (SIZE_REF_PARAMS / params) ** SIZE_EXPONENT)


def qat_loss_ratio(quant: Quantization, model_id: str) -> float:
    """Share of the post-training loss a quantization-aware-trained build still loses on this
    model, from the published evidence: 1 (no credit) when no evidence covers the model.

    A maker's table with BF16, post-training and QAT scores gives sum of the QAT's relative
    losses over the post-training build's (Meta's Llama 3.2 1B: SpinQuant keeps about half of
    vanilla PTQ's loss, QLoRA under a tenth); a stated share is used as stated.
    """
    for ev in quant.qat_evidence:
        if model_id not in ev.models:
            continue
        if ev.loss_ratio is not None:
            return ev.loss_ratio
        qat = sum(1 - c.qat / c.bf16 for c in ev.comparisons)
        ptq = sum(1 - c.ptq / c.bf16 for c in ev.comparisons)
        return _clamp(qat / ptq) if ptq > 0 else 1.0
    return 1.0


def fidelity_of(quant: Quantization, model: ModelEntry) -> float:
    """Share of this model's quality the build keeps: :func:`fidelity`, with a QAT build's loss
    scaled by its published evidence (so a QAT build ranks above the post-training build of the
    same layout exactly when the maker's numbers say it loses less)."""
    value = fidelity(quant, model.params)
    if quant.qat_of is not None:
        value = _clamp(1 - (1 - value) * qat_loss_ratio(quant, model.id))
    return value


def energy_term(mj_per_token: float | None) -> float:
    if mj_per_token is None:
        return 0.5
    span = math.log10(ENERGY_WORST_MJ / ENERGY_BEST_MJ)
    return _clamp(math.log10(ENERGY_WORST_MJ / max(mj_per_token, 1e-9)) / span)


def term_weights(constraints: Constraints) -> dict[str, float]:
    """Each term's weight in the total (the bonus is added as is)."""
    w = WEIGHTS_MIN_BATTERY if constraints.battery == "minimize" else WEIGHTS_BALANCED
    return dict(zip(TERMS, (*w, 1.0), strict=True))


def _clamp(x: float) -> float:
    return max(0.0, min(1.0, x))


@dataclass(frozen=True, slots=True)
class Merit:
    """What a build brings wherever it runs: its quality term (the model's quality for the
    service times the build's fidelity, unrounded) and its fidelity."""

    quality: float
    fidelity: float

    @property
    def quality_term(self) -> float:
        """The quality term as the score reports it, and the ranking's tie-break."""
        return round(self.quality, 4)


def merit(model: ModelEntry, quant: Quantization, service: Service) -> Merit:
    fid = fidelity_of(quant, model)
    return Merit(quality(model, service) * fid, fid)


def quality_term(model: ModelEntry, quant: Quantization, service: Service) -> float:
    """The score's quality term of a build (:attr:`Merit.quality_term`), uncached."""
    return merit(model, quant, service).quality_term


def speed_term(decode_tps: float | None) -> float:
    return 0.5 if decode_tps is None else _clamp(decode_tps / SPEED_FULL_TPS)


def headroom_term(total_bytes: int, budget: int) -> float:
    return _clamp((budget - total_bytes) / budget / HEADROOM_FULL)


def maturity(placement: Placement | None, runtime: Runtime) -> str:
    """The chosen backend's maturity (the runtime's own where it describes no backends)."""
    route = placement.route if placement is not None else None
    return route.maturity if route is not None else RUNTIME_MATURITY[runtime.maturity]


def first_token_standing(ttft_ms: float | None, limit_s: float | None) -> str | None:
    """meets, unknown or late against the stated need; None when the service states none."""
    if limit_s is None:
        return None
    if ttft_ms is None:
        return "unknown"
    return "meets" if ttft_ms <= limit_s * 1000 else "late"


def tier_of(level: str, ttft_ms: float | None, limit_s: float | None) -> int:
    """Tiers below the top a build on a backend of maturity ``level`` stands (see the module
    docstring): its backend's and its first token's, added."""
    standing = first_token_standing(ttft_ms, limit_s)
    return MATURITY_TIER[level] + (0 if standing is None else FIRST_TOKEN_TIER[standing])


def shortfalls(level: str, ttft_ms: float | None, limit_s: float | None) -> tuple[str, ...]:
    """The shortfalls behind a build's tier, worst first: ``first-token-late``,
    ``first-token-unknown``, ``backend-experimental``."""
    standing = first_token_standing(ttft_ms, limit_s)
    out = [f"first-token-{standing}"] if standing in ("late", "unknown") else []
    if MATURITY_TIER[level]:
        out.append("backend-experimental")
    return tuple(out)


def bonus(cand: Candidate, constraints: Constraints, backend: str | None, level: str) -> float:
    """The bonus term of a build on a backend of maturity ``level`` (see the module docstring)."""
    model, quant, runtime = cand.model, cand.quant, cand.runtime
    out = 0.0
    if quant.id in model.official_quantizations:
        out += OFFICIAL_BONUS
    art = cand.artifact
    if art is not None and art.status == "published":
        out += PUBLISHED_BONUS
    if backend == "npu" and constraints.npu == "preferred":
        out += NPU_PREFERRED_BONUS
    if model.reasoning_mode and constraints.battery == "minimize":
        out -= REASONING_PENALTY
    out += MATURITY_BONUS[level]
    if runtime.maturity == "deprecated":
        out -= DEPRECATED_PENALTY
    return out


Pace = tuple[float | None, float | None, float | None]
"""(decode tokens/s, mJ per token, time to first token in ms) of a build on a target."""
Terms = tuple[float, float, float, float, float, float, float, int]
"""(quality, fidelity, speed, headroom, energy, bonus, total, tier), unrounded."""


class Scorer:
    """Scores builds of one service under one set of constraints from a few numbers.

    Why an object: a build's merit (quality and fidelity) and its bonus per backend do not depend
    on the device, and a fleet scores the same build on thousands of devices. The scorer keeps
    them per candidate key for its own lifetime (an evaluator's: one catalog, one service), so
    nothing outlives the objects it was computed from.
    """

    def __init__(self, service: Service, constraints: Constraints) -> None:
        self.service = service
        self.constraints = constraints
        self.weights = (
            WEIGHTS_MIN_BATTERY if constraints.battery == "minimize" else WEIGHTS_BALANCED
        )
        self._quality: dict[str, float] = {}
        self._merit: dict[tuple[str, str, str], tuple[Merit, float]] = {}
        self._bonus: dict[tuple[tuple[str, str, str], str | None, str], float] = {}

    def merit(self, cand: Candidate) -> Merit:
        return self._merit_and_base(cand)[0]

    def quality_term(self, cand: Candidate) -> float:
        """The one quality accessor: what the score reports and the ranking breaks ties on."""
        return self._merit_and_base(cand)[0].quality_term

    def _merit_and_base(self, cand: Candidate) -> tuple[Merit, float]:
        """The merit and the weighted quality and fidelity (the total's first partial sum)."""
        hit = self._merit.get(cand.key)
        if hit is None:
            model = cand.model
            q = self._quality.get(model.id)
            if q is None:
                q = self._quality[model.id] = quality(model, self.service)
            fid = fidelity_of(cand.quant, model)
            m = Merit(q * fid, fid)
            w = self.weights
            hit = self._merit[cand.key] = (m, w[0] * m.quality + w[1] * m.fidelity)
        return hit

    def _bonus_of(self, cand: Candidate, backend: str | None, level: str) -> float:
        key = (cand.key, backend, level)
        hit = self._bonus.get(key)
        if hit is None:
            hit = self._bonus[key] = bonus(cand, self.constraints, backend, level)
        return hit

    def terms(
        self,
        cand: Candidate,
        backend: str | None,
        where: Placement | None,
        speed: Pace,
        total_bytes: int,
        budget: int,
    ) -> Terms:
        """Every term of a build on a target: ``speed`` is (decode tokens/s, mJ per token, time
        to first token in ms)."""
        m, base = self._merit_and_base(cand)
        w = self.weights
        sp = speed_term(speed[0])
        head = headroom_term(total_bytes, budget)
        energy = energy_term(speed[1])
        level = maturity(where, cand.runtime)
        b = self._bonus_of(cand, backend, level)
        tier = tier_of(level, speed[2], self.constraints.max_first_token_s)
        total = base + w[2] * sp + w[3] * head + w[4] * energy + b
        return m.quality, m.fidelity, sp, head, energy, b, total, tier

    def order(
        self,
        cand: Candidate,
        backend: str | None,
        where: Placement | None,
        speed: Pace,
        total_bytes: int,
        budget: int,
    ) -> tuple[float, float]:
        """The order value (what ranking sorts by) and the score a report shows, with no object
        built: fleets call this a lot."""
        t = self.terms(cand, backend, where, speed, total_bytes, budget)
        total = round(t[6], 4)
        return order_value(total, t[7]), total

    def score(self, s: Situation) -> ScoreTerms:
        """The score of the situation's build, from its estimate, with its tier and the
        shortfalls behind it."""
        est = s.estimate
        speed = (est.decode_tps, est.energy_mj_per_token, est.ttft_ms)
        budget = s.target.budget_bytes
        t = self.terms(s.candidate, s.backend, s.placement, speed, est.total_bytes, budget)
        rounded = {k: round(v, 4) for k, v in zip((*TERMS, "total"), t[:7], strict=True)}
        level = maturity(s.placement, s.candidate.runtime)
        why = shortfalls(level, est.ttft_ms, self.constraints.max_first_token_s)
        return ScoreTerms(**rounded, tier=t[7], shortfalls=why)


def score(s: Situation) -> ScoreTerms:
    """The score of one situation (a one-off; the evaluator keeps a :class:`Scorer`)."""
    return Scorer(s.service, s.constraints).score(s)
