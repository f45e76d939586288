"""``feasibility explain --format markdown``: one model's verdicts per target, in en or ko.

A pure function of the :class:`~feasibility.explain.Explanation`: rule names, outcomes and the
verdict sentences are worded from each verdict's evidence by the same templates the report uses,
so the Korean explanation carries no engine English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from feasibility.ranking import LOW_BIT_FLOOR
from feasibility.report._rows import mb, md_table, num, texts_for
from feasibility.report._wording import code, verdict_sentence

if TYPE_CHECKING:
    from feasibility.explain import Explanation, TargetExplanation

HEAD = {
    "en": {
        "title": "# Why {model} ({params}) on {source}",
        "intro": "{n} quantization × runtime options considered per target.",
        "best": "feasible; the best-scoring build",
        "closest-miss": "**not feasible**; the build that came closest",
        "requested": "the requested build",
        "requested-no": "the requested build, **not feasible**",
        "below-floor": "passes every rule **only under the quality floor** (below {floor} bits "
        "per weight; `check` does not rank such builds while another model has a build of 4 "
        "bits or more on every target); the best such build",
        "build": "Build: {quant} on {runtime} ({backend}).",
        "encoders": "The total includes the vision/audio encoders: {encoders}.",
        "memory": "Memory: {total} of {budget} (weights {weights}, KV cache {kv}, buffers "
        "{compute}, runtime {overhead}); download {file}.",
        "no-memory": "Memory budget {budget}; no estimate (a rule before the memory level "
        "rejected this build).",
        "speed": "Decode about {decode} tokens/s; time to first token {ttft}.",
        "no-speed": "No speed estimate: the device's memory bandwidth or this backend's speed "
        "model is not known.",
        "na": "not estimated",
        "col_rule": "Rule",
        "col_verdict": "Verdict",
        "col_reason": "Reason",
        "skipped": "not evaluated (an earlier rule level rejected this build)",
    },
    "ko": {
        "title": "# {source}에서 {model}({params})의 규칙별 판정",
        "intro": "타깃마다 양자화 × 런타임 조합 {n}개를 검토했습니다.",
        "best": "적합, 점수가 가장 높은 빌드",
        "closest-miss": "**부적합**, 가장 근접한 빌드",
        "requested": "요청한 빌드",
        "requested-no": "요청한 빌드, **부적합**",
        "below-floor": "모든 규칙을 통과하지만 **품질 하한 아래에서만** 맞습니다"
        "(가중치당 {floor}비트 미만: 다른 모델에 모든 타깃에 맞는 4비트 이상 빌드가 있으면 "
        "`check`는 이런 빌드를 순위에 넣지 않습니다). 그중 가장 나은 빌드",
        "build": "빌드: {runtime}의 {quant}({backend}).",
        "encoders": "합계에는 비전·오디오 인코더 {encoders}가 포함됩니다.",
        "memory": "메모리: {budget} 중 {total}(가중치 {weights}, KV 캐시 {kv}, 버퍼 {compute}, "
        "런타임 {overhead}), 다운로드 {file}.",
        "no-memory": "메모리 예산 {budget}. 메모리 단계 전에 다른 규칙에서 탈락해 추정치가 "
        "없습니다.",
        "speed": "생성 속도 초당 약 {decode} 토큰, 첫 토큰까지 {ttft}.",
        "no-speed": "속도 추정치 없음: 기기의 메모리 대역폭이나 이 백엔드의 속도 모델을 알 수 "
        "없습니다.",
        "na": "추정 불가",
        "col_rule": "규칙",
        "col_verdict": "판정",
        "col_reason": "근거",
        "skipped": "평가하지 않음(앞 단계 규칙에서 탈락)",
    },
}


def render(e: Explanation, lang: str = "en") -> str:
    h = HEAD[lang]
    from feasibility.units import fmt_params

    out = [
        h["title"].format(model=code(e.model), params=fmt_params(e.params), source=e.source),
        "",
        h["intro"].format(n=num(e.options_per_target)),
    ]
    for t in e.targets:
        out += ["", f"## {t.name} ({code(t.target)})", ""]
        out += _target(t, lang)
    return "\n".join(out) + "\n"


def _target(t: TargetExplanation, lang: str) -> list[str]:
    h, tx = HEAD[lang], texts_for(lang)
    how = h["requested-no"] if t.choice == "requested" and not t.feasible else h[t.choice]
    if t.below_floor:
        how = h["below-floor"].format(floor=f"{LOW_BIT_FLOOR:g}")
    backend = tx.backend.get(t.backend or "", t.backend or h["na"])
    out = [
        f"{how}. "
        + h["build"].format(quant=code(t.quantization), runtime=code(t.runtime), backend=backend)
    ]
    m = t.memory
    if m is None:
        out.append(h["no-memory"].format(budget=mb(t.budget_mb)))
    else:
        out.append(
            h["memory"].format(
                total=mb(m["total_mb"]),
                budget=mb(m["budget_mb"]),
                weights=mb(m["weights_mb"]),
                kv=mb(m["kv_cache_mb"]),
                compute=mb(m["compute_mb"]),
                overhead=mb(m["overhead_mb"]),
                file=mb(m["file_mb"]),
            )
            + (
                " " + h["encoders"].format(encoders=mb(m["encoders_mb"]))
                if "encoders_mb" in m
                else ""
            )
        )
        if t.decode_tps is None:
            out.append(h["no-speed"])
        else:
            ttft = h["na"] if t.ttft_ms is None else f"{num(round(t.ttft_ms))} ms"
            out.append(h["speed"].format(decode=f"{t.decode_tps:.1f}", ttft=ttft))
    out.append("")
    rows = []
    for x in t.rules:
        if x.outcome == "skipped":
            rows.append([tx.rule.get(x.rule, x.rule), "—", h["skipped"]])
            continue
        verdict = tx.outcome.get(x.outcome, x.outcome)
        rows.append(
            [
                tx.rule.get(x.rule, x.rule),
                verdict,
                verdict_sentence(tx, x.rule, x.outcome, x.evidence, x.reason),
            ]
        )
    out += md_table([h["col_rule"], h["col_verdict"], h["col_reason"]], rows, ["l", "l", "l"])
    return out
