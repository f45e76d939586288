# ruff: noqa: E501
"""보고서의 한국어 문구 전체 (``str.format`` 템플릿).

어조: 기획서 문어체(~합니다/~입니다), 짧은 평서문, 핵심 수치는 굵게. 용어는
/work/shared/reference/glossary_ko.md 를 따른다 (양자화, KV 캐시, 런타임, 메모리 예산, NPU 등).
엔진이 만든 영어 문장(규칙 사유, 위험, 간극, 예산 근거)은 싣지 않고, 엔진이 준 구조화된 값
(evidence, risk_items, gap_codes, budget_rule)으로 아래 템플릿을 채운다(``_wording``). 가정만은
엔진이 코드를 주지 않아 영어 문장의 첫머리로 찾는다.
"""

from __future__ import annotations

from feasibility.report import concepts_ko as concepts
from feasibility.report import reasons_ko as reasons
from feasibility.report._rows import Texts
from feasibility.report.security_ko import LICENSE_CONDITIONS, SECURITY
from feasibility.report.step_titles_ko import STEP_TITLES
from feasibility.schema import OS_LABELS

T: dict[str, str] = {
    "list_sep": ", ",
    "chip_sep": ", ",
    "chip_markets": "{name}(판매 지역: {markets})",
    "none": "없음",
    "language_one": "언어",
    "language_many": "언어",
    "na": "n/a",
    "unknown": "버전 미상",
    "target_ref": "{name}({id})",
    "budget_one": "타깃별 메모리 예산 {budget}",
    "budget_many": "타깃별로 지정된 메모리 예산",
    "ph_service": "[서비스 설명]",
    # 1. 제목과 결론
    "title": "# 온디바이스 SLM 도입 기획서: {service}",
    "h_verdict": "## 1. 결론",
    "verdict_ask": (
        "**검토 질문:** 아래 서비스를 타깃 디바이스 안에서만 처리할 수 있는 소규모 언어 "
        "모델(SLM)은 무엇입니까? 서비스: {service}({tasks} / {langs}). 타깃: {targets}. "
        "조건: 컨텍스트 길이 {ctx} 토큰, 답변 최대 {out} 토큰, {budget}."
    ),
    "verdict_fit": (
        "**결론:** 모델 × 포맷 × 런타임 × 타깃 조합 {combos}개를 검토했으며, 모든 타깃에서 "
        "구동 가능한 모델은 **{n}개**입니다."
    ),
    "verdict_fit_one": (
        "**결론:** 모델 × 포맷 × 런타임 × 타깃 조합 {combos}개를 검토했으며, 모든 타깃에서 "
        "구동 가능한 모델은 **1개**입니다."
    ),
    "verdict_two": (
        "추천 모델은 **{first}**, **{second}** 두 가지입니다. 1순위 모델은 가장 빠듯한 타깃에서 "
        "**{budget} 중 {total}**를 사용하고, 가장 느린 타깃에서 초당 약 **{tps} 토큰**을 "
        "생성합니다."
    ),
    "verdict_two_nospeed": (
        "추천 모델은 **{first}**, **{second}** 두 가지입니다. 1순위 모델은 가장 빠듯한 타깃에서 "
        "**{budget} 중 {total}**를 사용합니다(일부 타깃은 속도를 추정할 수 없습니다. 4절 참고)."
    ),
    "verdict_one": (
        "모든 타깃에서 구동 가능한 모델은 **{first}** 하나뿐이어서 대안이 없습니다. 가장 근접한 "
        "탈락 후보와 두 번째 모델을 확보하기 위한 입력 변경은 9절과 10절에 정리했습니다."
    ),
    "verdict_none": (
        "**모든 타깃에서 구동 가능한 모델이 없습니다.** 가장 근접한 탈락 후보와 결과를 바꿀 수 있는 "
        "입력 변경은 9절과 10절에 정리했습니다."
    ),
    "verdict_fix_budget": (
        "모든 타깃의 메모리 예산을 **{budget}** 이상으로 늘리면 {model} 모델도 후보가 됩니다(10절)."
    ),
    "verdict_rejected": "모델 × 포맷 × 런타임 × 타깃 조합 {n}개가 탈락했습니다(처음 통과하지 못한 규칙 기준): {counts}.",
    "count_rule": "{rule} {n}개",
    "source_line": "입력 파일: {source} · 카탈로그 {catalog}",
    # 2. 경영진 요약
    "h_summary": "## 2. 경영진 요약",
    "col_model": "모델",
    "col_params": "파라미터",
    "col_quant": "양자화",
    "col_runtime": "런타임",
    "col_memory_tight": "메모리 사용량 / 예산",
    "col_headroom": "여유분",
    "col_decode_slowest": "생성 속도(tok/s)",
    "col_license": "라이선스",
    "col_download": "다운로드",
    "col_targets": "타깃",
    "col_rule": "규칙",
    "col_target": "타깃",
    "col_need": "필요량 / 예산",
    "col_reason": "제외 사유",
    # 3. 추천 모델
    "h_recommended": "## 3. 추천 모델",
    "recommended_none": "모든 타깃에서 모든 규칙을 통과한 모델이 없습니다.",
    "h_rec": "### 추천 {rank}: {model} ({params})",
    "rec_identity": (
        "{developer}의 {family} 계열 모델입니다. 가중치는 Hugging Face {repo}에서 받으며, "
        "최대 컨텍스트는 {ctx} 토큰입니다."
    ),
    "rec_why": "**선정 이유**",
    "why_fits": "- 타깃 {n}종 모두 메모리 예산 안에서 구동됩니다. 가장 빠듯한 {target}에서 **{budget} 중 {total}**를 사용합니다.",
    "why_fits_one": "- 타깃의 메모리 예산 안에서 구동됩니다. {target}에서 **{budget} 중 {total}**를 사용합니다.",
    "why_langs": "- 모델 카드에 서비스 언어({listed})가 명시되어 있습니다.",
    "why_langs_partial": (
        "- 모델 카드에 {listed}는 명시되어 있으나, {missing}는 카드의 포괄적인 다국어 지원 "
        "주장에만 근거합니다."
    ),
    "why_tasks": "- 모델 카드에 명시된 주요 용도: {tasks}.",
    "why_strengths": "- 모델 카드에 명시된 강점: {tasks}.",
    "why_context": "- 컨텍스트: 서비스에 필요한 {ctx} 토큰은 모델 최대치 {max_ctx} 토큰 이내입니다.",
    "why_speed": "- 메모리 대역폭이 알려진 타깃 중 가장 느린 기기에서도 초당 약 **{tps} 토큰**을 생성합니다.",
    "why_evidence": "- 이 서비스와 관련된 공개 평가: {scores}.",
    "why_evidence_unknown": "- 공개된 점수가 없는 항목: {groups} (0점이 아니라 알 수 없음).",
    "why_evidence_none": (
        "- 이 서비스의 작업과 언어에 대한 공개 벤치마크가 없습니다. 품질은 알 수 없으며 모델 "
        "규모로만 판단했습니다."
    ),
    "evidence_score": "{benchmark} {value}",
    "evidence_group_knowledge": "일반 지식",
    "evidence_group_instruction": "지시 이행",
    "evidence_group_multilingual": "다국어",
    "evidence_group_lang": "{language}",
    "evidence_group_task": "{task}",
    "why_versus": "- {model}보다 {margin}점 앞섬: {ahead}.",
    "why_versus_behind": "- {model}보다 {margin}점 앞섬: {ahead}. 뒤진 항목: {behind}.",
    "versus_by_id": "모델 id 순서(완전 동점)",
    "why_versus_tied": "- 동점(소수점 셋째 자리까지): {model}. 앞선 항목 {ahead} 기준으로 먼저 두었습니다.",
    "why_versus_tied_behind": (
        "- 동점(소수점 셋째 자리까지): {model}. 앞선 항목 {ahead} 기준으로 먼저 두었습니다. "
        "뒤진 항목: {behind}."
    ),
    "why_versus_diversity": (
        "- {model}의 점수가 {margin}점 더 높지만, 다른 개발사나 계열의 의견을 듣기 위해 이 모델을 "
        "골랐습니다."
    ),
    "why_versus_tier": (
        "- {model}보다 앞섬: {model}에는 {shortfalls} 문제가 있습니다. 서비스가 정한 조건을 "
        "충족하는 쪽이 점수와 관계없이 앞섭니다(점수 차 {margin})."
    ),
    "versus_gap": "{term} {gap}",
    "why_score": (
        "- 종합 점수 **{total}**: 품질 {quality}, 양자화 충실도 {fidelity}, 속도 {speed}, "
        "메모리 여유분 {headroom}, 에너지 {energy}, 가산점 {bonus}."
    ),
    "rec_license": ("**라이선스:** {name}({id}), 상업적 이용: **{commercial}**. 원문: <{url}>"),
    "rec_license_conditions": "이용 조건(라이선스 원문 요약): {conditions}",
    "rule_note": "- {rule}({outcome}), {targets}: {text}",
    "all_targets": "모든 타깃",
    "rec_risks": "**위험 요소**",
    "risks_none": "- 규칙 검사에서 추가로 발견된 위험은 없습니다. 추정치의 한계는 문서 끝을 참고하십시오.",
    # 4. 메모리와 속도
    "h_memory": "## 4. 타깃별 메모리와 속도",
    "memory_none": "추천 모델이 없어 타깃별 수치가 없습니다. 탈락 후보의 수치는 9절에 있습니다.",
    "memory_intro": (
        "컨텍스트 {ctx} 토큰(KV 캐시 기준), 답변 최대 {out} 토큰 기준 수치입니다. "
        "MB는 MiB(2^20 바이트)입니다. 합계 = 가중치 + KV 캐시 + 연산 버퍼 + 런타임 오버헤드."
    ),
    "budget_basis_all": "모든 타깃의 메모리 예산 근거: {basis}.",
    "ttft_partial": "타깃별 수치 참고({total}개 중 {n}개 추정 불가)",
    "q_accel": "가속기",
    "q_weights": "가중치",
    "q_compute": "연산 버퍼",
    "q_overhead": "런타임 오버헤드",
    "q_decode": "토큰 생성(decode) tok/s",
    "q_energy": "1,000 토큰당 에너지",
    "assumptions": "**추정치의 가정**",
    "assumption_other": "그 밖의 가정은 영문 보고서(--lang en)에 원문으로 실려 있습니다.",
    # 5. 아키텍처
    "h_arch": "## 5. 양자화 및 실행 환경 아키텍처",
    "arch_none": "구동 가능한 모델이 없어 변환 파이프라인을 제시하지 않습니다.",
    "arch_intro": (
        "플랫폼별로 양자화 포맷, 런타임, 사용하는 가속기, 그리고 변환 파이프라인을 단계별로 "
        "정리했습니다. 명령어는 카탈로그에 등록된 것이며, 기기가 아닌 빌드 머신에서 실행합니다."
    ),
    "h_arch_rec": "### 추천 {rank}: {model} 변환 파이프라인",
    "h_platform": "#### {os} 배포: {runtime}, {quant}",
    "platform_facts": (
        "대상 타깃: {targets}. 양자화 포맷 {quant}: {quant_name}. "
        "런타임 {runtime}, 가속기: {accel}. 모델 파일: {artifact}."
    ),
    "quant_label": "{name}({format} 파일)",
    "quant_label_detail": "{name}({detail}, {format} 파일)",
    "artifact_published": "공개된 빌드 {repo} <{url}>",
    "artifact_published_bundle": "공개된 빌드 <{url}>",
    "artifact_convertible": "{repo} 가중치를 {runtime} 자체 도구로 변환 <{url}>",
    "mm_source": "추천 {rank}: Hugging Face 원본 {repo}",
    "mm_target": "{os} 앱: {targets}",
    # 6. 핵심 개념
    "h_concepts": "## 6. 핵심 개념 1줄 요약",
    "c_quant": (
        "- **양자화(Quantization):** 모델의 숫자를 더 적은 비트(예: 16비트 → 4비트)로 저장해 "
        "메모리를 약 4분의 1로 줄이는 기법입니다. 정확도는 조금 낮아집니다."
    ),
    "c_format": "- **{format}:** {text}",
    "c_kv": (
        "- **KV 캐시:** 대화 내용을 기억하는 모델의 단기 메모리입니다. 컨텍스트 길이(여기서는 "
        "{ctx} 토큰)에 비례해 커지며, 위 메모리 수치에 포함되어 있습니다."
    ),
    "c_npu": (
        "- **NPU:** 스마트폰과 노트북에 탑재된 AI 전용 칩입니다(Apple은 Neural Engine). 같은 "
        "모델을 CPU나 GPU보다 적은 전력으로 실행합니다."
    ),
    "c_runtime": "- **런타임 {id}**({name}): {text}",
    "c_decode": (
        "- **초당 토큰 수(tok/s):** 답변이 화면에 나타나는 속도입니다. 한국어는 대략 글자 "
        "1~2개가 1토큰이며, 초당 5~10토큰이면 읽는 속도와 비슷합니다."
    ),
    # 7. 개인정보 보호
    # 8. 장점과 한계
    "h_tradeoffs": "## 8. 도입 효과와 기술적 한계",
    "tradeoffs_none": "장점과 한계는 선정 모델에 따라 달라집니다. 현재 구동 가능한 모델이 없습니다.",
    "advantages": "**온디바이스 도입의 장점 3가지**",
    "adv_privacy": (
        "1. **설계 단계부터의 개인정보 보호:** {langs} 텍스트의 {tasks} 작업이 기기 안에서 이루어져 "
        "프롬프트가 서버로 가지 않습니다. 보안 검토 범위가 앱 자체로 좁혀질 뿐 검토가 없어지지는 "
        "않습니다(7절)."
    ),
    "adv_offline": (
        "2. **오프라인 동작, 서버 지연 없음:** 답변이 기기에서 바로 생성됩니다. 예상 생성 속도는 "
        "{items}입니다."
    ),
    "adv_speed_item": "{model} 초당 약 {tps} 토큰",
    "adv_speed_item_unknown": "{model}: 실측 필요(일부 타깃은 추정값 없음, 4절 참고)",
    "adv_cost": (
        "3. **요청당 서버 비용 없음:** 사용자가 이미 가진 타깃 디바이스 {n}종에서 추론하므로 "
        "사용량이 늘어도 비용이 늘지 않습니다."
    ),
    "limits": "**예상되는 기술적 한계 3가지**",
    "lim_headroom": (
        "1. **메모리 여유분:** {items}. 메모리가 부족하면 OS가 앱 메모리를 회수할 수 있으므로 "
        "다른 앱을 띄운 상태에서 테스트해야 합니다."
    ),
    "lim_headroom_item": "{model}: {target}에서 {headroom}({pct}) 남음",
    "lim_coverage": "2. **작업·언어 지원 범위:** {items}.",
    "lim_coverage_ok": (
        "2. **소규모 모델의 품질:** 두 모델 모두 {langs}를 지원하지만, 이 크기의 모델은 서버 "
        "모델보다 오류가 많습니다. 자사 데이터로 품질을 평가해야 합니다."
    ),
    "lim_cover_item": "{model}: 모델 카드에 {tasks} 용도 미명시",
    "lim_claim_item": "{model}: 일부 요청 언어는 포괄적 주장으로만 지원",
    "lim_energy": (
        "3. **긴 답변의 배터리 소모:** 토큰을 하나 생성할 때마다 모델 전체를 메모리에서 읽으므로 "
        "답변 길이(최대 {out} 토큰)에 비례해 전력을 씁니다. 카탈로그에 이 기기들의 전력 수치가 "
        "없으므로 실기기에서 측정해야 합니다."
    ),
    "lim_energy_known": (
        "3. **긴 답변의 배터리 소모:** 생성 토큰 수(최대 {out} 토큰)에 비례해 에너지를 씁니다. "
        "4절의 에너지 항목을 참고하십시오."
    ),
    # 9. 탈락 후보
    "h_why_not": "## 9. 다른 모델을 제외한 이유",
    "why_not_none": "검토한 모델은 모두 추천되었거나 해당 사항이 없습니다.",
    "why_not_intro": (
        "모든 타깃에서 구동할 수 없는 모델 {total}개 중 규모가 큰 {n}개입니다. 모델별로 가장 근접했던 "
        "빌드와 처음 통과하지 못한 규칙을 정리했습니다(메모리는 전체 합계 기준)."
    ),
    "why_not_intro_closest": (
        "모든 타깃에서 구동할 수 없는 모델 {total}개 중 가장 근접한 {n}개입니다. 모델별로 가장 "
        "근접했던 빌드와 처음 통과하지 못한 규칙을 정리했습니다(메모리는 전체 합계 기준)."
    ),
    "below_floor": (
        "여기서는 품질 하한(가중치당 {floor}비트) 미만의 빌드만 들어갑니다. 그중 가장 나은 "
        "{quant}({runtime}, 가중치당 {bpw}비트)는 예산 {budget} 중 {need}가 필요합니다."
    ),
    "why_not_intro_floor": (
        "모든 타깃에서 구동할 수 없는 모델 {total}개 중 {n}개입니다. 품질 하한 미만으로만 들어가는 "
        "모델을 먼저, 나머지는 규모가 큰 순으로 싣고, 모델별로 가장 근접했던 빌드와 처음 통과하지 "
        "못한 규칙을 정리했습니다(메모리는 전체 합계 기준)."
    ),
    "why_not_intro_closest_floor": (
        "모든 타깃에서 구동할 수 없는 모델 {total}개 중 {n}개입니다. 품질 하한 미만으로만 들어가는 "
        "모델을 먼저, 나머지는 가까운 순으로 싣고, 모델별로 가장 근접했던 빌드와 처음 통과하지 "
        "못한 규칙을 정리했습니다(메모리는 전체 합계 기준)."
    ),
    "every_build": "모든 빌드",
    "also_fits_intro": "모든 타깃에서 구동되지만 추천되지 않은 모델({n}개):",
    "also_fits_line": (
        "- {model} ({params}): 최적 빌드 {runtime}의 {quant}, 점수 {score}. {behind} 항목에서 "
        "{other}보다 낮게 평가되었습니다."
    ),
    "also_fits_line_tier": (
        "- {model} ({params}): 최적 빌드 {runtime}의 {quant}, 점수 {score}. {behind} 때문에 서비스가 "
        "정한 조건을 충족하는 {other}보다 뒤에 두었습니다."
    ),
    "also_fits_line_diversity": (
        "- {model} ({params}): 최적 빌드 {runtime}의 {quant}, 점수 {score}. {other}보다 점수는 "
        "높지만, 두 번째 추천은 가능한 한 다른 개발사나 계열에서 고릅니다."
    ),
    "term_quality": "품질(공개 벤치마크, 모델 규모와 작업 적합도)",
    "term_fidelity": "양자화 정밀도",
    "term_speed": "속도",
    "term_headroom": "메모리 여유분",
    "term_energy": "에너지",
    "term_bonus": "가점·감점(공식 배포 빌드, 베타·지원 종료 런타임, NPU, 추론 모드)",
    "term_first-token-late": "서비스가 허용하는 시간보다 늦은 첫 토큰",
    "term_first-token-unknown": "서비스 한도에 비교할 첫 토큰 추정치 없음",
    "term_backend-experimental": "실험 단계 백엔드뿐",
    "term_diversity": "다양성(두 번째 추천은 다른 개발사나 계열에서 고름)",
    # 10. 입력
    "h_inputs": "## 10. 채워 넣을 항목과 결과를 바꿀 수 있는 입력",
    "placeholders_intro": "입력에서 빠진 항목입니다. 괄호 부분을 채워 주십시오.",
    "placeholders_none": "입력에 서비스와 모든 디바이스 정보가 있어 채울 항목이 없습니다.",
    "gap_line": "- {targets}: {gap}",
    "gaps_intro": "카탈로그에 없는 디바이스 정보:",
    "sensitivity_intro": "다음 입력이 바뀌면 결과가 달라집니다.",
    "sensitivity_none": "입력 하나만 바꿔서 더 강한 모델이 후보가 되는 경우는 없습니다.",
    "fix_budget_one": (
        "**추천 모델 2개를 확보하려면:** 모든 타깃의 메모리 예산(constraints.memory_budget_mb)을 "
        "**{budget}** 이상으로 늘리십시오. 그러면 현재 모델보다 큰 {model} 모델도 후보가 되어 추천 "
        "모델이 2개가 됩니다."
    ),
    "fix_budget_none_two": (
        "**추천 모델 2개를 확보하려면:** 모든 타깃의 메모리 예산(constraints.memory_budget_mb)을 "
        "**{budget}** 이상으로 늘리면 {model} 모델이 후보가 되고, **{budget2}** 이상으로 늘리면 "
        "{model2} 모델도 후보가 되어 추천 모델이 2개가 됩니다."
    ),
    "fix_budget_none_one": (
        "**추천 모델 2개를 확보하려면:** 모든 타깃의 메모리 예산(constraints.memory_budget_mb)을 "
        "**{budget}** 이상으로 늘리면 {model} 모델이 후보가 됩니다. 두 번째 모델을 확보하려면 위 "
        "목록의 다른 입력 변경도 함께 검토해야 합니다."
    ),
    "fix_other": (
        "**추천 모델 2개를 확보하려면:** 메모리 예산만 늘려서는 후보가 되는 모델이 더 없습니다. 위 "
        "목록의 입력 변경을 검토하십시오."
    ),
    "fix_generic": (
        "**추천 모델 2개를 확보하려면:** 입력 하나만 바꿔서 후보가 되는 모델은 없습니다. "
        "context_tokens를 줄이거나, 언어 또는 타깃을 줄이거나, 라이선스·NPU 조건을 완화한 뒤 "
        "다시 검사하십시오."
    ),
    "platform_alt_intro": "이 기기들에 내장된 플랫폼 모델(본 검토 대상 아님):",
    # 11. 출처
    "h_sources": "## 11. 출처",
    "footer_limits": (
        "*추정치의 한계:* 메모리 수치는 모델 가중치, 명시한 컨텍스트의 KV 캐시, 연산 버퍼, "
        "런타임 오버헤드를 포함합니다. 앱 자체의 UI와 데이터, OS의 메모리 압박과 단편화, 발열에 "
        "따른 성능 저하(thermal throttling)는 포함하지 않습니다. 속도는 메모리 대역폭으로 계산한 "
        "추정치이므로 실기기에서 확인해야 합니다."
    ),
    "footer_provenance": (
        "*feasibility가 {source} 파일과 카탈로그 버전 {catalog}로 생성했습니다. 같은 입력과 카탈로그는 "
        "항상 같은 보고서를 만듭니다.*"
    ),
    # 보고서 추가분: 경영진 한 화면, 속도, 빌드, 위협 모델, 출처
    "exec_decision_two": (
        "**결정:** 온디바이스로 진행합니다. {first}를 먼저 빌드하고 {second}를 대안으로 "
        "둡니다. 두 모델 모두 서버 없이 모든 타깃에서 동작합니다."
    ),
    "exec_decision_two_one_target": (
        "**결정:** 온디바이스로 진행합니다. {first}를 먼저 빌드하고 {second}를 대안으로 "
        "둡니다. 두 모델 모두 서버 없이 타깃에서 동작합니다."
    ),
    "exec_decision_one": (
        "**결정:** {first} 하나로만 온디바이스가 가능해 대안 모델이 없습니다. 대안을 얻는 입력 "
        "변경은 10절에 있습니다."
    ),
    "exec_decision_none": (
        "**결정:** 현재 조건으로는 불가능합니다. 모든 타깃에서 구동 가능한 모델이 없으며, 가장 근접한 "
        "후보와 바꿀 입력은 9절과 10절에 있습니다."
    ),
    "exec_model": "- **{rank}. {model}**({developer}, {params}): {good}에 강점. {where}. "
    "주요 리스크: {risk}",
    "exec_where_all": "모든 타깃에서 동작({oses})",
    "exec_where_one": "타깃에서 동작({oses})",
    "exec_risk_licence": "{license} 라이선스 조건 이행 필요(7절).",
    "exec_risk_none": "규칙상 발견된 리스크 없음. 실기기에서 속도와 품질을 확인하십시오.",
    "exec_next_two": (
        "**다음 단계:** 2주 PoC(개념 검증). 두 모델을 빌드하고(5절) OS별 기기 한 대씩에서 자사 "
        "데이터로 메모리, 첫 토큰 지연 시간, 속도, 배터리를 측정합니다."
    ),
    "exec_next_one": (
        "**다음 단계:** 이 모델을 빌드해(5절) 실기기에서 측정하고, 대안을 얻기 위한 10절의 입력 "
        "변경을 결정합니다."
    ),
    "exec_next_none": (
        "**다음 단계:** 10절의 입력 변경(예: 메모리 예산 확대) 중 하나를 골라 다시 검토합니다."
    ),
    "rec_rules_all_pass": "**규칙:** 규칙 {n}개({rules})를 모든 타깃에서 통과합니다.",
    "rec_rules_except": "**규칙:** 타깃별로 규칙 {n}개({rules})를 검토했으며, 다음을 제외하고 모두 통과합니다.",
    "need_none": "추정 안 함(메모리 검사 전에 탈락)",
    "na_decode_cause": "추정 불가(대역폭 미공개)",
    "na_decode_other": "추정 불가(백엔드)",
    "na_prefill_cause": "추정 불가(연산 성능 미상)",
    "na_prefill_other": "추정 불가(백엔드)",
    "na_energy_cause": "추정 불가(백엔드 미정)",
    "na_energy_other": "추정 불가(전력 수치 없음)",
    "speed_unknown": "추정 불가",
    "ttft_s": "{s}초",
    "energy_value": "{j} J{band}",
    "energy_band": "(±{pct}%)",
    "bw_unknown": "미공개",
    "col_os": "OS",
    "col_ram": "RAM",
    "col_bw": "메모리 대역폭",
    "col_npu": "NPU",
    "col_budget": "메모리 예산",
    "col_build": "빌드",
    "col_kv": "KV 캐시",
    "col_ttft": "첫 토큰 지연 시간(TTFT)",
    "speed_note": (
        "첫 토큰 지연 시간(TTFT)은 서비스의 일반적인 프롬프트(컨텍스트 {ctx} 토큰에서 답변 {out} "
        "토큰을 뺀 길이)를 처리하고 답변이 시작되기까지의 시간이며, 생성 속도는 그 뒤의 초당 "
        "토큰 수입니다. 추정 불가 사유: 대역폭 미공개는 기기의 메모리 대역폭이 공개되지 않은 "
        "경우이고, 연산 성능 미상은 해당 백엔드의 연산 처리량을 알 수 없어 프롬프트 처리 속도와 "
        "TTFT를 추정할 수 없는 경우입니다. 빌드 행은 그 빌드의 가장 느린 타깃 기준이며, 지속 "
        "속도는 아래 가정을 참고하십시오(실기기에서 5분간 연속 생성해 확인)."
    ),
    "pipeline_same": (
        "1~{last}단계: 위 {model}의 {os} 파이프라인과 같습니다. 모든 명령어에서 {old} → {new}, "
        "{old_repo} → {new_repo}로 바꿔 실행합니다."
    ),
    "steps_shared": "# 1~{last}단계: 위 {quant} 빌드와 같습니다.",
    "step_verify": (
        "각 파이프라인의 마지막 단계 뒤에는 만들어진(또는 내려받은) 모델 파일의 SHA-256 해시를 "
        "기록해 앱과 함께 "
        "배포하고, 앱이 모델을 로드하기 전에 해시를 검증하게 합니다(7절)."
    ),
    "mm_build": "{runtime}의 {quant}, {accel}",
    "c_ttft": (
        "- **첫 토큰 지연 시간(TTFT):** 답변이 시작되기까지 사용자가 기다리는 시간입니다. "
        "프롬프트가 길수록 길어집니다."
    ),
    "sources_intro": "추천에 쓰인 사실의 출처만, 사실별로 정리했습니다.",
    "sources_device": "**타깃 디바이스**(RAM, 메모리 대역폭, NPU, OS: 예산과 속도의 근거)",
    "sources_model": "**모델**(규모, 구조, 컨텍스트, 언어, 용도)",
    "sources_license": "**라이선스**(상업적 이용 가능 여부와 조건)",
    "sources_quantization": "**양자화 포맷**(가중치당 비트 수: 메모리와 파일 크기)",
    "sources_runtime": "**런타임**(지원 OS, 백엔드, 모델 구조)",
    "sources_none": "추천 모델이 없어 타깃 디바이스의 출처만 정리했습니다.",
    "license_conditions_other": "라이선스 원문의 조건을 확인하십시오.",
    "html_title": "온디바이스 SLM 도입 기획서: {service}",
    "html_builds": "빌드와 해당 타깃",
    "chart_memory": "빌드별 메모리(가장 빠듯한 타깃 기준): 가중치, KV 캐시, 연산 버퍼, 런타임 오버헤드와 예산(빨간 선)",
    "chart_speed": "빌드별 생성 속도(초당 토큰 수)와 첫 토큰 지연 시간(가장 느린 타깃 기준)",
    "chart_budget": "예산",
    "chart_not_estimated": "추정 불가(표 참고)",
    # 터미널 표 (--format table)
    "tbl_verdict": "{source}: {verdict}. 모든 타깃에서 구동 가능한 모델 {n}개",
    "tbl_feasible": "도입 가능",
    "tbl_not_feasible": "도입 불가(모든 타깃에서 구동 가능한 모델이 2개 미만)",
    "tbl_rank": "순위",
    "tbl_model": "모델",
    "tbl_params": "파라미터",
    "tbl_quant": "양자화",
    "tbl_runtime": "런타임",
    "tbl_memory": "메모리(가장 빠듯한 타깃)",
    "tbl_tps": "tok/s",
    "tbl_license": "라이선스",
    "tbl_score": "점수",
    "tbl_per_target": "추천 {rank}. {model} 타깃별 수치",
    "tbl_target": "타깃",
    "tbl_os": "OS",
    "tbl_backend": "가속기",
    "tbl_weights": "가중치 MB",
    "tbl_kv": "KV 캐시 MB",
    "tbl_buffers": "버퍼 MB",
    "tbl_total": "합계/예산 MB",
    "tbl_decode": "생성 tok/s",
    "tbl_ttft": "첫 토큰",
    "tbl_why_not": "다른 모델을 제외한 이유(모델별 가장 근접한 조합)",
    "tbl_rule": "규칙",
    "tbl_reason": "제외 사유",
}

TEXTS = Texts(
    lang="ko",
    t={**T, **SECURITY},
    format_concept=concepts.FORMAT_CONCEPT,
    runtime_concept=concepts.RUNTIME_CONCEPT,
    quant_detail=concepts.QUANT_DETAIL,
    rule=reasons.RULE,
    outcome=reasons.OUTCOME,
    rule_detail=reasons.RULE_DETAIL,
    risk=reasons.RISK,
    risk_short=reasons.RISK_SHORT,
    gap=reasons.GAP,
    basis=reasons.BASIS,
    sensitivity=reasons.SENSITIVITY,
    claim=reasons.CLAIM,
    market=reasons.MARKET,
    artifact_why=reasons.ARTIFACT_WHY,
    license_conditions=LICENSE_CONDITIONS,
    language={
        "ar": "아랍어",
        "cs": "체코어",
        "da": "덴마크어",
        "de": "독일어",
        "en": "영어",
        "es": "스페인어",
        "fi": "핀란드어",
        "fr": "프랑스어",
        "he": "히브리어",
        "hi": "힌디어",
        "hu": "헝가리어",
        "it": "이탈리아어",
        "ja": "일본어",
        "ko": "한국어",
        "nl": "네덜란드어",
        "no": "노르웨이어",
        "pl": "폴란드어",
        "pt": "포르투갈어",
        "ru": "러시아어",
        "sv": "스웨덴어",
        "th": "태국어",
        "tr": "튀르키예어",
        "uk": "우크라이나어",
        "vi": "베트남어",
        "zh": "중국어",
    },
    task={
        "chat": "대화",
        "classification": "분류",
        "code": "코드 생성",
        "extraction": "정보 추출",
        "function-calling": "함수 호출",
        "math": "수학",
        "qa": "질의응답",
        "reasoning": "추론",
        "rewriting": "문장 재작성",
        "summarization": "요약",
        "translation": "번역",
    },
    os=dict(OS_LABELS),
    backend={"cpu": "CPU", "gpu": "GPU", "npu": "NPU"},
    commercial={"yes": "가능", "conditional": "조건부 가능", "no": "불가"},
    placeholder={
        "service_description": "**[서비스 설명]**: 서비스가 하는 일, 대상 사용자, 다루는 데이터.",
        "target_device_specs": "**[타겟 디바이스 제원]**: 카탈로그에 없는 타깃별 RAM, 메모리 "
        "대역폭, NPU, OS 버전(아래 목록 참고).",
    },
    assumption={
        "gguf-types": "GGUF: 텐서별 타입은 중요도 행렬(imatrix)을 쓴 llama-quantize의 "
        "기본 규칙을 따릅니다. 파일 크기 = 32 B 단위로 정렬한 텐서 + "
        "토크나이저 메타데이터.",
        "gguf-tied-copy": "llama.cpp 가중치에는 출력 헤드로 쓰는 공유(tied) 토큰 "
        "임베딩의 두 번째 사본이 포함됩니다.",
        "gguf-context-pad": "llama.cpp는 컨텍스트를 256의 배수로 맞추며, 슬라이딩 윈도우 "
        "레이어는 pad256(window + n_ubatch)개 셀을 유지합니다.",
        "gguf-compute": "연산 버퍼: n_ubatch 토큰 프롬프트 그래프의 최악 값(CPU "
        "기준, GPU 백엔드는 10~60 MiB 더 사용).",
        "group-format": "그룹 양자화 포맷: 선형 레이어는 비트 수 + 그룹별 scale/zero 비트로 "
        "계산합니다. 파일 크기는 가중치 파일만 포함합니다(토크나이저, 그래프 파일 "
        "제외).",
        "group-kv": "KV 캐시는 정확히 context_tokens만큼 잡습니다(슬라이딩 레이어는 "
        "min(컨텍스트, 윈도우)).",
        "group-compute": "연산 버퍼: 프롬프트 한 묶음(n_ubatch)의 fp32 활성값 + 로짓 한 "
        "행(런타임별 메모리 풀은 모델링하지 않음).",
        "decode-model": "토큰당 시간 = max(읽는 바이트 ÷ (보정된 비율 × 대역폭), 연산 수 ÷ "
        "(보정된 비율 × 연산 성능)) + 레이어당 고정 비용이며, 상수는 백엔드 계열별로 "
        "보정했습니다(임베딩 테이블을 뺀 활성 가중치 + 컨텍스트의 KV 캐시).",
        "no-decode": "메모리 대역폭이 알려지지 않은 기기는 생성 속도를 추정하지 않습니다.",
        "no-prefill": "연산 처리량이 알려지지 않은 백엔드는 프롬프트 처리 속도와 첫 토큰까지의 "
        "시간을 추정하지 않습니다.",
        "no-energy": "백엔드가 정해지지 않아 토큰당 에너지는 추정하지 않습니다.",
        "energy-model": "토큰당 에너지는 추정값(±50%)입니다: DRAM 전송량 × 20 pJ/바이트 + "
        "연산 수 × 공개된 연산당 에너지(동적 에너지만, 대기·화면·통신 전력 제외).",
        "speed-borrowed": "이 백엔드 계열의 측정값이 없어 가장 가까운 계열의 상수로 속도를 "
        "계산했습니다.",
        "speed-unmeasured": "이 런타임은 이 백엔드에서 측정된 적이 없어, 같은 기기에서 측정된 "
        "llama.cpp의 속도를 넘지 않도록 추정치를 제한했습니다.",
        "speed-uncapped": "이 런타임은 이 백엔드에서 측정된 적이 없고, 이 기기에서 이 모델을 "
        "실행하는 측정된 런타임도 없어 일반 추정치를 그대로 썼습니다(검증되지 않음).",
        "cpu-threads": "CPU 속도는 성능 코어마다 llama.cpp 스레드 하나를 두고 효율 코어는 쉬는 "
        "것으로 가정합니다. 효율 코어에도 스레드를 두는 앱(모든 코어를 쓰는 앱이 많음)은 생성 "
        "속도가 30-45% 느립니다(공개된 llama.cpp 스레드 측정).",
        "burst-speed": "속도는 벤치마크처럼 순간(버스트) 속도입니다. 수동 냉각 기기에서 몇 분 "
        "이상 생성하면 발열로 느려지며, 이는 반영하지 않았습니다.",
        "sustained-phone": "지속 속도: 휴대폰은 계속 생성하면 순간 생성 속도의 약 절반을 "
        "유지합니다(공개된 iPhone 16 Pro 측정, arXiv 2603.23640).",
        "npu-prompt-chunks": "NPU 프롬프트 처리는 128토큰 단위로 실행됩니다: 첫 토큰까지의 "
        "시간은 프롬프트 128토큰마다 한 번의 처리를 셉니다.",
        "speed-calibrated": "이 기기에서 직접 측정한 벤치마크(feasibility calibrate)로 속도 "
        "상수를 보정했습니다.",
        "default-overhead": "런타임이 지정되지 않아 기본 런타임·앱 오버헤드를 가정했습니다.",
        "ple-resident": "레이어별 임베딩(PLE)은 메모리에 상주한다고 계산했습니다. 런타임에 "
        "따라 플래시에서 불러올 수 있습니다.",
        "moe": "MoE: 메모리에는 모든 전문가(expert)를 올리고, 속도는 활성 전문가만 읽는다고 "
        "계산했습니다.",
        "lower-bound": "하한값입니다: 파라미터 수 × 양자화 비트만 계산했고 KV 캐시, 버퍼, "
        "오버헤드는 더하지 않았습니다.",
    },
    step_title=STEP_TITLES,
)
