"""Score a feasible candidate on a target: one documented, deterministic formula.

score = w_quality * quality + w_fidelity * fidelity + w_speed * speed + w_headroom * headroom
        + w_energy * energy + bonus, rounded to 4 decimals, each term in [0, 1]:

- quality: model capability proxy. 80% from size, log-scaled between 0.1B (0) and 14B (1) -- the
  one capability figure every model in the catalog has from the same kind of source -- and 20% from
  the share of the service's tasks that the card names as intended uses.
- fidelity: how much of the model the quantization keeps, from the nominal weight bits
  (16/8-bit 1.0, 6-bit 0.97, 5-bit 0.93, 4-bit 0.85, 3-bit 0.65, 2-bit 0.35; interpolated). These
  follow the ordering of llama.cpp's published perplexity increases per type; the values are our
  policy, not a measurement.
- speed: estimated decode tokens/s over 20 (capped at 1: beyond 20 tokens/s, faster than people
  read, more speed buys little); 0.5 when no estimate is possible.
- headroom: share of the memory budget left free, over 25% (capped at 1: past a quarter of the
  budget free, more headroom buys little).
- energy: a proxy for battery cost per token: 1 - (bytes read per token / budget), and the NPU
  counts 30% fewer joules per byte than the CPU/GPU (vendor NPUs are built for this; a policy
  choice, not a measurement).
- bonus: +0.03 when the developer publishes this quantization itself, +0.02 when the catalog names
  a published build of it for this runtime (``data/artifacts.yaml``), +0.05 on the NPU when the
  NPU is preferred, -0.05 for reasoning models when battery is to be minimized (long thinking
  outputs), -0.05 for a beta backend and -1.2 for an experimental one (see ``MATURITY_BONUS``:
  experimental never outranks production), -0.10 for deprecated runtimes.

Weights: balanced battery 0.60/0.15/0.10/0.10/0.05; battery minimize 0.50/0.15/0.10/0.10/0.15.
Quality dominates on purpose: among candidates that all fit, the most capable one is what a team
wants to try first; the other terms separate builds of similar capability.
The ranking key is ``(-score, model id, quantization id, runtime id)``.
"""

from __future__ import annotations

import itertools
import math

from feasibility.estimator import Estimate
from feasibility.schema import Constraints
from feasibility.situation import RUNTIME_MATURITY, Situation
from feasibility.verdict import ScoreTerms

TERMS = ("quality", "fidelity", "speed", "headroom", "energy", "bonus")
"""The score's terms, in the order the formula above lists them."""
WEIGHTS_BALANCED = (0.60, 0.15, 0.10, 0.10, 0.05)
WEIGHTS_MIN_BATTERY = (0.50, 0.15, 0.10, 0.10, 0.15)
FIDELITY_BY_BITS = ((2.0, 0.35), (3.0, 0.65), (4.0, 0.85), (5.0, 0.93), (6.0, 0.97), (8.0, 1.0))
SPEED_FULL_TPS = 20.0
HEADROOM_FULL = 0.25
NPU_ENERGY_FACTOR = 0.7
LOG_MIN, LOG_MAX = math.log10(1e8), math.log10(14e9)
PUBLISHED_BONUS = 0.02
"""A published build (an exact repository or bundle) beats one the pipeline converts, at equal
fit: nobody has to run and check the conversion."""
MATURITY_BONUS = {"production": 0.0, "beta": -0.05, "experimental": -1.2}
"""An experimental backend scores below every production build: the weighted terms lie in
[0, 1] and the other bonuses in [-0.05, +0.10], so -1.2 puts its best under a production
build's worst. A beta backend gives way to a production one of similar merit."""


def size_quality(params: int) -> float:
    return _clamp((math.log10(params) - LOG_MIN) / (LOG_MAX - LOG_MIN))


def fidelity(bits: float) -> float:
    table = FIDELITY_BY_BITS
    if bits <= table[0][0]:
        return table[0][1]
    for (b0, f0), (b1, f1) in itertools.pairwise(table):
        if bits <= b1:
            return f0 + (f1 - f0) * (bits - b0) / (b1 - b0)
    return 1.0


def term_weights(constraints: Constraints) -> dict[str, float]:
    """Each term's weight in the total (the bonus is added as is)."""
    w = WEIGHTS_MIN_BATTERY if constraints.battery == "minimize" else WEIGHTS_BALANCED
    return dict(zip(TERMS, (*w, 1.0), strict=True))


def _clamp(x: float) -> float:
    return max(0.0, min(1.0, x))


def bytes_per_token(est: Estimate) -> int:
    """Bytes read per generated token (weights + KV cache), as the speed model uses them."""
    return est.weights_bytes + est.kv_cache_bytes


def _terms(s: Situation) -> tuple[float, float, float, float, float, float, float]:
    """(quality, fidelity, speed, headroom, energy, bonus, total), unrounded."""
    model, quant, runtime = s.candidate.model, s.candidate.quant, s.candidate.runtime
    est = s.estimate
    tasks = s.service.tasks
    task_share = sum(t in model.strengths for t in tasks) / len(tasks)
    quality = 0.8 * size_quality(model.params) + 0.2 * task_share
    fid = fidelity(quant.weight_bits)
    speed = 0.5 if est.decode_tps is None else _clamp(est.decode_tps / SPEED_FULL_TPS)
    budget = s.target.budget_bytes
    headroom = _clamp((budget - est.total_bytes) / budget / HEADROOM_FULL)
    per_token = bytes_per_token(est) * (NPU_ENERGY_FACTOR if s.backend == "npu" else 1.0)
    energy = _clamp(1 - per_token / budget)
    bonus = 0.0
    if quant.id in model.official_quantizations:
        bonus += 0.03
    art = s.candidate.artifact
    if art is not None and art.status == "published":
        bonus += PUBLISHED_BONUS
    if s.backend == "npu" and s.constraints.npu == "preferred":
        bonus += 0.05
    if model.reasoning_mode and s.constraints.battery == "minimize":
        bonus -= 0.05
    bonus += MATURITY_BONUS[_maturity(s)]
    if runtime.maturity == "deprecated":
        bonus -= 0.10
    w = WEIGHTS_MIN_BATTERY if s.constraints.battery == "minimize" else WEIGHTS_BALANCED
    total = w[0] * quality + w[1] * fid + w[2] * speed + w[3] * headroom + w[4] * energy + bonus
    return quality, fid, speed, headroom, energy, bonus, total


def _maturity(s: Situation) -> str:
    """The chosen backend's maturity (the runtime's own where it describes no backends)."""
    route = s.placement.route if s.placement is not None else None
    return route.maturity if route is not None else RUNTIME_MATURITY[s.candidate.runtime.maturity]


def score_total(s: Situation) -> float:
    """The rounded total only (what ranking needs; no object built: fleets call this a lot)."""
    return round(_terms(s)[6], 4)


def score(s: Situation) -> ScoreTerms:
    quality, fid, speed, headroom, energy, bonus, total = _terms(s)
    return ScoreTerms(
        quality=round(quality, 4),
        fidelity=round(fid, 4),
        speed=round(speed, 4),
        headroom=round(headroom, 4),
        energy=round(energy, 4),
        bonus=round(bonus, 4),
        total=round(total, 4),
    )
