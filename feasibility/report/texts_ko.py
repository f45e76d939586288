# ruff: noqa: E501
"""보고서의 한국어 문구 전체 (``str.format`` 템플릿).

어조: 기획서 문어체(~합니다/~입니다), 짧은 평서문, 핵심 수치는 굵게. 용어는
/work/shared/reference/glossary_ko.md 를 따른다 (양자화, KV 캐시, 런타임, 메모리 예산, NPU 등).
엔진이 만든 영어 문장(규칙 사유, 위험, 간극, 예산 근거)은 싣지 않고, 엔진이 준 구조화된 값
(evidence, risk_items, gap_codes, budget_rule)으로 아래 템플릿을 채운다(``_wording``). 가정만은
엔진이 코드를 주지 않아 영어 문장의 첫머리로 찾는다.
"""

from __future__ import annotations

from feasibility.report._rows import Texts
from feasibility.report.step_titles_ko import STEP_TITLES
from feasibility.schema import OS_LABELS

T: dict[str, str] = {
    "list_sep": ", ",
    "none": "없음",
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
        "**결론:** 모델 × 포맷 × 런타임 × 타깃 조합 {combos}개를 검토했으며, 모든 타깃에 "
        "들어가는 모델은 **{n}개**입니다."
    ),
    "verdict_fit_one": (
        "**결론:** 모델 × 포맷 × 런타임 × 타깃 조합 {combos}개를 검토했으며, 모든 타깃에 "
        "들어가는 모델은 **1개**입니다."
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
        "모든 타깃에 들어가는 모델은 **{first}** 하나뿐이어서 대안이 없습니다. 가장 근접한 "
        "탈락 후보와 두 번째 모델을 확보하기 위한 입력 변경은 9절과 10절에 정리했습니다."
    ),
    "verdict_none": (
        "**모든 타깃에 들어가는 모델이 없습니다.** 가장 근접한 탈락 후보와 결과를 바꿀 수 있는 "
        "입력 변경은 9절과 10절에 정리했습니다."
    ),
    "verdict_fix_budget": (
        "모든 타깃의 메모리 예산을 **{budget}** 이상으로 늘리면 {model} 모델이 들어갑니다(10절)."
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
    "col_flow": "데이터",
    "col_server": "서버 API 방식",
    "col_device": "본 계획(온디바이스)",
    # 3. 추천 모델
    "h_recommended": "## 3. 추천 모델",
    "recommended_none": "모든 타깃에서 모든 규칙을 통과한 모델이 없습니다.",
    "h_rec": "### 추천 {rank}: {model} ({params})",
    "rec_identity": (
        "{developer}의 {family} 계열 모델입니다. 가중치는 Hugging Face {repo}에서 받으며, "
        "최대 컨텍스트는 {ctx} 토큰입니다."
    ),
    "rec_why": "**선정 이유**",
    "why_fits": "- 타깃 {n}종 모두에 들어갑니다. 가장 빠듯한 {target}에서 **{budget} 중 {total}**를 사용합니다.",
    "why_fits_one": "- 타깃에 들어갑니다. {target}에서 **{budget} 중 {total}**를 사용합니다.",
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
    "why_versus_diversity": (
        "- {model}의 점수가 {margin}점 더 높지만, 다른 개발사나 계열의 의견을 듣기 위해 이 모델을 "
        "골랐습니다."
    ),
    "versus_gap": "{term} {gap}",
    "why_score": (
        "- 종합 점수 **{total}**: 품질 {quality}, 양자화 충실도 {fidelity}, 속도 {speed}, "
        "메모리 여유분 {headroom}, 에너지 {energy}, 가산점 {bonus}."
    ),
    "rec_license": ("**라이선스:** {name}({id}), 상업적 이용: **{commercial}**. 원문: <{url}>"),
    "rec_license_conditions": "이용 조건(라이선스 원문 요약): {conditions}",
    "rule_note": "- {rule}({outcome}), {targets}: {text}",
    "rec_risks": "**위험 요소**",
    "risks_none": "- 규칙 검사에서 추가로 발견된 위험은 없습니다. 추정치의 한계는 문서 끝을 참고하십시오.",
    # 4. 메모리와 속도
    "h_memory": "## 4. 타깃별 메모리와 속도",
    "memory_none": "추천 모델이 없어 타깃별 수치가 없습니다. 탈락 후보의 수치는 9절에 있습니다.",
    "memory_intro": (
        "컨텍스트 {ctx} 토큰(KV 캐시 기준), 답변 최대 {out} 토큰 기준 수치입니다. "
        "MB는 MiB(2^20 바이트)입니다. 합계 = 가중치 + KV 캐시 + 연산 버퍼 + 런타임 오버헤드."
    ),
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
    "arch_none": "들어가는 모델이 없어 변환 파이프라인을 제시하지 않습니다.",
    "arch_intro": (
        "플랫폼별로 양자화 포맷, 런타임, 사용하는 가속기, 그리고 변환 파이프라인을 단계별로 "
        "정리했습니다. 명령어는 카탈로그에 등록된 것이며, 기기가 아닌 빌드 머신에서 실행합니다."
    ),
    "h_arch_rec": "### 추천 {rank}: {model} 변환 파이프라인",
    "h_platform": "#### {os} 배포: {runtime}, {quant}",
    "platform_facts": (
        "대상 타깃: {targets}. 양자화 포맷 {quant}: {quant_name}, {format} 파일. "
        "런타임 {runtime}, 가속기: {accel}."
    ),
    "mm_source": "Hugging Face 원본: {repo}",
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
    "h_privacy": "## 7. 개인정보 보호 및 보안 관점",
    "privacy_none": (
        "선정된 런타임이 없어 데이터 흐름 논거를 아직 제시할 수 없습니다. 모델이 선정되면 해당 "
        "런타임 기준으로 작성됩니다."
    ),
    "privacy_intro": (
        "이 서비스({service})는 {runtimes} 런타임으로 앱 안에서 모델을 실행합니다. 이 런타임은 앱 프로세스 "
        "안에서 동작하는 라이브러리이며 네트워크 서비스가 아닙니다. 사용자의 텍스트({langs})는 "
        "기기 메모리 안에서만 처리되며 답변도 기기에서 생성됩니다(기기 내부 처리, On-device Processing)."
    ),
    "flow_prompt": "사용자 입력(프롬프트)",
    "flow_prompt_server": "TLS로 외부 사업자에게 전송되어 서버에서 처리",
    "flow_prompt_device": "앱 메모리에만 존재하며 외부로 전송되지 않음",
    "flow_output": "생성된 답변",
    "flow_output_server": "서버에서 생성되어 기기로 회신",
    "flow_output_device": "기기에서 생성되며 앱이 저장하는 곳에만 남음",
    "flow_logs": "로그와 보관",
    "flow_logs_server": "사업자의 로그 수집·보관·오남용 검토 정책을 따름",
    "flow_logs_device": "제3자 로그 없음. 보관 기간은 자사 앱 정책으로 결정",
    "flow_network": "네트워크 권한",
    "flow_network_server": "모든 요청에 필요",
    "flow_network_device": "추론에는 불필요하며 모델 최초 다운로드에만 필요",
    "flow_vendor": "처리 위탁 / 국외 이전",
    "flow_vendor_server": "처리 위탁 계약이 필요하고 국외 이전이 발생할 수 있음",
    "flow_vendor_device": "추론 단계의 처리 위탁 없음, 국외 이전 없음",
    # 8. 장점과 한계
    "h_tradeoffs": "## 8. 도입 효과와 기술적 한계",
    "tradeoffs_none": "장점과 한계는 선정 모델에 따라 달라집니다. 현재 들어가는 모델이 없습니다.",
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
        "모든 타깃에 들어가지 못한 모델 {total}개 중 규모가 큰 {n}개입니다. 모델별로 가장 근접했던 "
        "빌드와 처음 통과하지 못한 규칙을 정리했습니다(메모리는 전체 합계 기준)."
    ),
    "why_not_intro_closest": (
        "모든 타깃에 들어가지 못한 모델 {total}개 중 가장 근접한 {n}개입니다. 모델별로 가장 "
        "근접했던 빌드와 처음 통과하지 못한 규칙을 정리했습니다(메모리는 전체 합계 기준)."
    ),
    "every_build": "모든 빌드",
    "also_fits_intro": "모든 타깃에 들어가지만 추천되지 않은 모델({n}개):",
    "also_fits_line": (
        "- {model} ({params}): 최적 빌드 {runtime}의 {quant}, 점수 {score}. {behind} 항목에서 "
        "{other}보다 낮게 평가되었습니다."
    ),
    "also_fits_line_diversity": (
        "- {model} ({params}): 최적 빌드 {runtime}의 {quant}, 점수 {score}. {other}보다 점수는 "
        "높지만, 두 번째 추천은 가능한 한 다른 개발사나 계열에서 고릅니다."
    ),
    "term_quality": "품질(공개 벤치마크, 모델 규모와 작업 적합도)",
    "term_fidelity": "양자화 정밀도",
    "term_speed": "속도",
    "term_headroom": "메모리 여유",
    "term_energy": "에너지",
    "term_bonus": "가점·감점(공식 배포 빌드, 런타임 성숙도, NPU, 추론 모드)",
    "term_diversity": "다양성(두 번째 추천은 다른 개발사나 계열에서 고름)",
    # 10. 입력
    "h_inputs": "## 10. 채워 넣을 항목과 결과를 바꿀 수 있는 입력",
    "placeholders_intro": "입력에서 빠진 항목입니다. 괄호 부분을 채워 주십시오.",
    "placeholders_none": "입력에 서비스와 모든 디바이스 정보가 있어 채울 항목이 없습니다.",
    "gap_line": "- {targets}: {gap}",
    "gaps_intro": "카탈로그에 없는 디바이스 정보:",
    "sensitivity_intro": "다음 입력이 바뀌면 결과가 달라집니다.",
    "sensitivity_none": "입력 하나만 바꿔서 더 강한 모델이 들어가는 경우는 없습니다.",
    "fix_budget_one": (
        "**추천 모델 2개를 확보하려면:** 모든 타깃의 메모리 예산(constraints.memory_budget_mb)을 "
        "**{budget}** 이상으로 늘리십시오. 그러면 현재 모델보다 큰 {model} 모델도 들어가 추천 "
        "모델이 2개가 됩니다."
    ),
    "fix_budget_none_two": (
        "**추천 모델 2개를 확보하려면:** 모든 타깃의 메모리 예산(constraints.memory_budget_mb)을 "
        "**{budget}** 이상으로 늘리면 {model} 모델이 들어가고, **{budget2}** 이상으로 늘리면 "
        "{model2} 모델도 들어가 추천 모델이 2개가 됩니다."
    ),
    "fix_budget_none_one": (
        "**추천 모델 2개를 확보하려면:** 모든 타깃의 메모리 예산(constraints.memory_budget_mb)을 "
        "**{budget}** 이상으로 늘리면 {model} 모델이 들어갑니다. 두 번째 모델을 확보하려면 위 "
        "목록의 다른 입력 변경도 함께 검토해야 합니다."
    ),
    "fix_other": (
        "**추천 모델 2개를 확보하려면:** 메모리 예산만 늘려서는 더 들어가는 모델이 없습니다. 위 "
        "목록의 입력 변경을 검토하십시오."
    ),
    "fix_generic": (
        "**추천 모델 2개를 확보하려면:** 입력 하나만 바꿔서 들어가는 모델은 없습니다. "
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
        "**결정:** 현재 조건으로는 불가능합니다. 모든 타깃에 들어가는 모델이 없으며, 가장 근접한 "
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
    "col_origin": "원본(Hugging Face)",
    "col_sha": "고정할 SHA-256",
    "speed_note": (
        "첫 토큰 지연 시간(TTFT)은 서비스의 일반적인 프롬프트(컨텍스트 {ctx} 토큰에서 답변 {out} "
        "토큰을 뺀 길이)를 처리하고 답변이 시작되기까지의 시간이며, 생성 속도는 그 뒤의 초당 "
        "토큰 수입니다. 추정 불가 사유: 대역폭 미공개는 기기의 메모리 대역폭이 공개되지 않은 "
        "경우이고, 연산 성능 미상은 해당 백엔드의 연산 처리량을 알 수 없어 프롬프트 처리 속도와 "
        "TTFT를 추정할 수 없는 경우입니다. 지속 속도 가정: 수치는 벤치마크처럼 식은 기기의 "
        "순간 속도이며, 장시간 사용 시 발열로 인한 성능 저하(스로틀링)는 반영하지 않았으므로 "
        "실기기에서 5분간 연속 생성해 측정해야 합니다. 빌드 행은 그 빌드의 가장 느린 타깃 "
        "기준입니다."
    ),
    "steps_shared": "# 1~{last}단계: 위 {quant} 빌드와 같습니다.",
    "step_verify": (
        "각 파이프라인의 마지막 단계 뒤에는 빌드한 모델 파일의 SHA-256 해시를 기록해 앱과 함께 "
        "배포하고, 앱이 모델을 로드하기 전에 해시를 검증하게 합니다(7절)."
    ),
    "mm_build": "{runtime}의 {quant}, {accel}",
    "c_ttft": (
        "- **첫 토큰 지연 시간(TTFT):** 답변이 시작되기까지 사용자가 기다리는 시간입니다. "
        "프롬프트가 길수록 길어집니다."
    ),
    "sec_flow": (
        "**데이터 흐름.** 무엇이 기기에 남고 무엇이 기기를 떠나는지 정리했습니다. 모델은 앱 "
        "프로세스 안에서 실행되며, 네트워크는 최초 모델 다운로드에만 필요합니다."
    ),
    "flow_download": "모델 다운로드",
    "flow_download_server": "불필요(모델이 사업자 서버에 있음)",
    "flow_download_device": "최초 1회, 스토어 또는 자사 서버에서 HTTPS로 받고 SHA-256으로 검증",
    "flow_telemetry": "크래시 리포트, 텔레메트리, 분석",
    "flow_telemetry_server": "앱과 사업자가 수집하는 모든 것",
    "flow_telemetry_device": "앱의 SDK가 보내는 것. 프롬프트와 답변은 크래시 리포트와 분석 이벤트에서 제외",
    "sec_integrity": (
        "**모델 파일 무결성.** 아래의 서로 다른 빌드마다 고정할 산출물이 하나씩 있습니다. 고정된 "
        "Hugging Face 리비전에서 빌드하고, 배포하는 모든 파일(GGUF는 파일 하나, 모델 폴더나 "
        "번들은 그 안의 각 파일)의 SHA-256 해시를 앱에 기록하며, 서명된 앱 패키지나 자사 서버의 "
        "HTTPS로 전달합니다. 앱은 해시가 다른 파일을 로드하지 않습니다."
    ),
    "sha_pending": "[빌드 시 기록]",
    "privacy_update": (
        "**업데이트 경로:** 새 모델은 새 해시를 가진 새 파일로, 앱 업데이트나 검증된 다운로드로 "
        "배포합니다. 새 파일 검증이 끝날 때까지 기존 파일을 유지하므로 업데이트가 실패해도 "
        "기능이 중단되지 않습니다."
    ),
    "sec_storage": (
        "**저장.** 대화 기록과 모델 파일은 앱 샌드박스에 둡니다. iOS에서는 대화 기록을 데이터 "
        "보호(Data Protection, NSFileProtectionComplete, 백그라운드 작업이 있으면 "
        "CompleteUntilFirstUserAuthentication)로 저장하고, Android에서는 공용 저장소가 아닌 "
        "앱 전용 내부 저장소를 쓰고 Jetpack Security 또는 Keystore 키로 암호화합니다. 모델 "
        "파일에는 사용자 데이터가 없지만 앱 패키지를 가진 누구나 읽을 수 있습니다."
    ),
    "sec_injection": (
        "**프롬프트 인젝션과 소규모 모델의 안전성.** 이 크기의 모델은 호스팅 모델보다 안전 "
        "튜닝이 약하고, 처리하는 텍스트에 숨은 지시를 따릅니다. 입력 길이를 계획한 컨텍스트로 "
        "제한하고, 생성 결과를 표시·저장하기 전에 필터링하거나 표시를 붙이며, 결과를 코드나 "
        "명령이 아닌 신뢰할 수 없는 텍스트로 다루고, 사용자 확인 없이 모델이 도구나 기능을 "
        "호출하지 않게 합니다."
    ),
    "sec_licence": "**제품에 넘어오는 라이선스 의무**",
    "licence_duty": "- {model}: {name}({id}). {conditions}",
    "licence_no_conditions": "라이선스 본문 외의 조건은 없습니다. 라이선스 고지문을 앱에 포함합니다.",
    "sec_regulation": (
        "**법규.** 온디바이스 추론은 법이 묻는 범위를 줄이지만, 앱은 여전히 개인정보(사용자가 "
        "입력한 텍스트와 저장하는 대화 기록)를 처리합니다."
    ),
    "sec_gdpr": (
        "- **GDPR(EU 일반 개인정보 보호법):** 데이터 최소화(제5조 제1항 (c)호), 설계 및 기본 "
        "설정에 의한 개인정보 보호(제25조), 처리의 보안(제32조). 추론 단계에는 수탁자(제28조)와 "
        "국외 이전(제5장, 제44~50조) 검토 대상이 없습니다. 제35조의 개인정보 영향평가(DPIA)는 "
        "앱을 대상으로 여전히 필요하며, 무엇을 어디서 처리하는지 이용자에게 알려야 합니다(제13조)."
    ),
    "sec_pipa": (
        "- **개인정보 보호법(PIPA):** 최소 수집 원칙(제3조, 제16조), 수집·이용 동의(제15조), "
        "안전조치의무(제29조). 추론 단계에는 처리 위탁(제26조)과 국외 이전(제28조의8)이 "
        "없으며, 제30조의 개인정보 처리방침에 텍스트가 기기에서 처리된다고 밝힙니다."
    ),
    "sec_limits": (
        "**온디바이스로 해결되지 않는 것.** 컴플라이언스 작업을 줄일 뿐 없애지는 않습니다. 앱의 "
        "저장소, 백업, 크래시 리포트, 분석, 클라우드 동기화는 여전히 검토 대상이고, 분실되거나 "
        "루팅된 기기에서는 앱이 저장한 내용이 노출되며, 모델의 출력은 틀리거나 해로울 수 있으므로 "
        "그 검토 책임은 제품에 있습니다."
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
    "tbl_verdict": "{source}: {verdict}. 모든 타깃에 들어가는 모델 {n}개",
    "tbl_feasible": "도입 가능",
    "tbl_not_feasible": "도입 불가(모든 타깃에 들어가는 모델이 2개 미만)",
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
    t=T,
    rule={
        "param-cap": "파라미터 상한",
        "license": "라이선스",
        "languages": "언어 지원",
        "context-window": "컨텍스트 길이",
        "task-fit": "작업 적합성",
        "os-support": "OS 지원",
        "architecture-support": "아키텍처 지원",
        "artifact": "빌드 가능 여부",
        "accelerator": "가속기",
        "memory-fit": "메모리 적합성",
        "decode-speed": "생성 속도",
    },
    outcome={"pass": "통과", "fail": "탈락", "unknown": "확인 필요"},
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
    format_concept={
        "gguf": "llama.cpp의 단일 파일 모델 포맷입니다. 양자화된 가중치, 토크나이저, 설정이 "
        "파일 하나에 들어 있습니다.",
        "mlx": "Apple 실리콘용 MLX 배열 포맷입니다. 가중치를 통합 메모리에 바로 올립니다.",
        "awq": "활성값 기반 4비트 양자화(AWQ)입니다. 중요한 소수의 가중치는 정밀도를 더 "
        "유지합니다.",
        "gptq": "레이어별로 오차를 최소화하며 4비트로 양자화하는 방식(GPTQ)입니다.",
        "pte": "ExecuTorch 프로그램 파일입니다. 모델을 기기용 런타임에 맞게 미리 컴파일한 "
        "것입니다.",
        "qnn": "Qualcomm NPU(Hexagon)용으로 컴파일한 모델입니다(QNN, AI Engine Direct SDK).",
        "litertlm": "Google LiteRT-LM 번들입니다. 모델, 토크나이저, 프롬프트 템플릿이 파일 하나에 "
        "들어 있습니다.",
        "mlc": "MLC LLM이 컴파일한 모델 라이브러리와 양자화된 가중치 묶음입니다.",
        "onnx": "개방형 ONNX 그래프 포맷(int4 가중치)으로, ONNX Runtime GenAI가 실행합니다.",
        "openvino": "Intel CPU, GPU, NPU용 OpenVINO IR 포맷(int4 가중치)입니다.",
        "coreml": "Apple Core ML 패키지입니다. Apple Neural Engine(ANE)에서 실행할 수 있습니다.",
        "default": "런타임이 읽어 들이는 모델 파일 포맷입니다.",
    },
    runtime_concept={
        "llama.cpp": "거의 모든 기기의 CPU와 GPU에서 GGUF 모델을 실행하는 오픈소스 C/C++ "
        "엔진입니다.",
        "executorch": "PyTorch의 온디바이스 런타임입니다. 앱에 링크해 컴파일된 프로그램을 "
        "실행합니다.",
        "mlx": "Apple 실리콘용 Apple의 머신러닝 프레임워크입니다.",
        "mlc-llm": "모델을 기기 GPU(Metal, Vulkan, OpenCL)에 맞게 컴파일해 실행합니다.",
        "litert-lm": "Google의 온디바이스 LLM 런타임입니다(TensorFlow Lite의 후속).",
        "mediapipe-llm": "Google의 이전 LLM 추론 API로, 현재는 LiteRT-LM으로 대체되었습니다.",
        "qualcomm-genie": "Snapdragon NPU에서 모델을 실행하는 Qualcomm 런타임입니다.",
        "onnxruntime-genai": "ONNX Runtime 위의 Microsoft 생성 루프입니다(CPU, DirectML, QNN).",
        "openvino-genai": "OpenVINO 기반 Intel 생성 파이프라인입니다.",
        "coreml": "Apple 기기에 내장된 추론 프레임워크입니다.",
        "default": "앱 안에서 모델을 실행하는 라이브러리입니다.",
    },
    placeholder={
        "service_description": "**[서비스 설명]**: 서비스가 하는 일, 대상 사용자, 다루는 데이터.",
        "target_device_specs": "**[타겟 디바이스 제원]**: 카탈로그에 없는 타깃별 RAM, 메모리 "
        "대역폭, NPU, OS 버전(아래 목록 참고).",
    },
    sensitivity={
        "budget": "모든 타깃의 메모리 예산을 **{value}** 이상으로 늘리면 {model}도 후보가 됩니다.",
        "budget-still-slow": "모든 타깃의 메모리 예산을 **{value}**로 늘리면 {model}이 메모리에는 "
        "들어가지만, 여전히 최소 속도에 못 미칩니다(초당 약 {tps} 토큰, 최소 {minimum}).",
        "language": "요청 언어({langs})를 줄이면 {model}도 후보가 됩니다. 현재 모델 카드에 일부 "
        "언어가 명시되어 있지 않습니다.",
        "language-missing": "{missing} 지원을 자체 검증해 언어 조건에서 빼면 {model}도 후보가 "
        "됩니다. 현재 모델 카드에는 {missing}가 명시되어 있지 않습니다.",
        "license": "비상업적 라이선스를 허용하면(license: any) {model}도 후보가 됩니다. 상업적 "
        "서비스에는 쓸 수 없습니다.",
        "license-id": "비상업적 라이선스({license})를 허용하면(license: any) {model}도 후보가 "
        "됩니다. 상업적 서비스에는 쓸 수 없습니다.",
        "context": "컨텍스트를 {ctx} 토큰보다 줄이면 {model}도 후보가 됩니다.",
        "context-have": "컨텍스트를 현재 {ctx} 토큰에서 {have} 토큰 이하로 줄이면 {model}도 "
        "후보가 됩니다.",
        "speed": "최소 생성 속도(min_decode_tps)를 초당 {value} 토큰 이하로 낮추면 {model}도 후보가 "
        "됩니다.",
        "npu": "NPU 필수 조건을 없애면 {model}도 후보가 됩니다.",
        "default": "입력 하나를 바꾸면 {model}도 후보가 됩니다.",
    },
    rule_detail={
        "param-cap:pass": "파라미터 수 {params}로 상한 {cap} 이내입니다.",
        "param-cap:fail": "파라미터 수({params})가 상한({cap})보다 큽니다.",
        "license:pass-yes": "{license} 라이선스는 상업적 이용을 허용합니다.",
        "license:pass-conditional": "{license} 라이선스는 조건부로 상업적 이용을 허용합니다.",
        "license:pass-no": "{license} 라이선스는 상업적 이용을 허용하지 않지만, 라이선스 조건을 지정하지 않아(license: any) 통과했습니다.",
        "license:fail": "{license} 라이선스는 상업적 이용을 허용하지 않습니다.",
        "languages:pass": "모델 카드에 {languages}가 명시되어 있습니다.",
        "languages:claim": "모델 카드에 {missing}가 명시되어 있지 않습니다. 카드의 언어 관련 기술은 '{claim}'뿐입니다.",
        "languages:fail": "모델 카드에 명시된 언어 {n_listed}개({listed})에 {missing}가 없습니다.",
        "context-window:pass": "필요한 컨텍스트 {need} 토큰은 모델 최대치 {have} 토큰 이내입니다.",
        "context-window:fail": "필요한 컨텍스트 {need} 토큰이 모델 최대치 {have} 토큰보다 깁니다.",
        "os-support:pass": "{runtime} 런타임은 {os}를 지원합니다.",
        "os-support:pass-version": "{runtime} 런타임은 {os} {min_version} 이상을 요구하며, 타깃은 {os} {have}입니다.",
        "os-support:unknown": "{runtime} 런타임은 {os} {min_version} 이상을 요구하지만 타깃의 {os} 버전을 알 수 없습니다. 실기기의 OS 버전을 확인해야 합니다.",
        "os-support:fail-os": "{runtime} 런타임은 {os}에서 동작하지 않습니다.",
        "os-support:fail-version": "{runtime} 런타임은 {os} {min_version} 이상을 요구하지만 타깃은 {os} {have}입니다.",
        "artifact:fail-ram": "{runtime} 제조사는 이 모델과 컨텍스트에 RAM {need_gb} 이상을 권장하지만 기기의 RAM은 {have_gb}입니다.",
        "artifact:pass-published": "공개된 빌드가 있습니다: {repo}.",
        "artifact:pass-convertible": "{runtime} 런타임의 자체 도구로 변환할 수 있습니다.",
        "artifact:fail": "이 모델의 {runtime} 빌드를 만들 수 없습니다(사유는 카탈로그의 artifacts.yaml 참고).",
        "architecture-support:pass": "{runtime} 런타임이 {architecture} 아키텍처를 지원합니다.",
        "architecture-support:fail": "{runtime} 런타임은 {architecture} 아키텍처를 지원하지 않습니다.",
        "accelerator:pass": "{backend}에서 실행합니다.",
        "accelerator:pass-npu": "NPU({npu})에서 실행합니다.",
        "accelerator:fail-os": "{runtime} 런타임에는 이 OS용 백엔드가 없습니다.",
        "accelerator:fail-npu-required": "NPU 사용이 필수(npu: required)이지만 {runtime} 런타임은 이 기기의 NPU({npu})를 사용할 수 없습니다.",
        "accelerator:fail-npu-required-none": "NPU 사용이 필수(npu: required)이지만 이 기기에는 NPU가 없어 {runtime} 런타임을 NPU로 실행할 수 없습니다.",
        "accelerator:fail-npu-required-no-os-backend": "NPU 사용이 필수(npu: required)이지만 {runtime} 런타임은 이 OS에서 NPU 백엔드가 없습니다({npu}).",
        "accelerator:fail-npu-required-npu-runtime-vendor": "NPU 사용이 필수(npu: required)이지만 {runtime} 런타임은 이 OS에서 {vendor} NPU를 지원하지 않습니다({npu}).",
        "accelerator:fail-npu-required-encoding": "NPU 사용이 필수(npu: required)이지만 {quantization} 포맷은 NPU용이 아니라 CPU/GPU용입니다({npu}).",
        "accelerator:fail-npu-required-npu-format-vendor": "NPU 사용이 필수(npu: required)이지만 {quantization} 포맷은 {vendor}가 아닌 다른 제조사의 NPU용입니다({npu}).",
        "accelerator:fail-encoding": "{quantization} 포맷은 {backends} 전용이지만 {runtime} 런타임은 이 기기에서 {backends}를 사용할 수 없습니다.",
        "accelerator:fail-variant": "{runtime} 런타임은 {variant_name}(판매 지역: {markets})에서 실행할 수 없습니다. 빌드는 기기가 출시되는 모든 칩에서 동작해야 하며, 특정 칩만 대상으로 하려면 device 파일에 variant:를 지정하십시오.",
        "accelerator:fail-no-common-backend": "{runtime} 런타임이 사용할 수 있는 가속기가 이 기기에 없습니다.",
        "memory-fit:pass": "예산 **{budget}** 중 **{need}**를 사용합니다.",
        "memory-fit:fail": "**{need}**가 필요해 예산 **{budget}**를 초과합니다.",
        "memory-fit:fail-floor": "가중치만으로도 최소 **{need}**가 필요해 예산 **{budget}**를 초과합니다.",
        "memory-fit:fail-detail": "**{need}**가 필요해 예산 **{budget}**를 초과합니다(가중치 {weights}, KV 캐시 {kv_cache}).",
        "decode-speed:pass": "초당 약 {tps} 토큰을 생성합니다(최소 기준 없음).",
        "decode-speed:pass-min": "초당 약 {tps} 토큰으로 최소 기준인 초당 {minimum} 토큰을 충족합니다.",
        "decode-speed:fail": "초당 약 {tps} 토큰으로 최소 기준인 초당 {minimum} 토큰에 못 미칩니다.",
        "decode-speed:unknown": "기기의 메모리 대역폭이 공개되지 않아 생성 속도를 추정할 수 없습니다. 실기기에서 측정해야 합니다.",
        "decode-speed:unknown-model": "이 기기의 {backend} 백엔드에 대한 속도 추정 모델이 없습니다. 실기기에서 측정해야 합니다.",
        "decode-speed:unknown-min": "기기의 메모리 대역폭이 공개되지 않아 최소 기준(초당 {minimum} 토큰) 충족 여부를 추정할 수 없습니다. 실기기에서 측정해야 합니다.",
        "task-fit:pass": "모델 카드에 {tasks} 용도가 명시되어 있습니다.",
        "task-fit:unknown": "모델 카드에 {missing} 용도가 명시되어 있지 않습니다. 출시 전에 해당 작업의 품질을 검증해야 합니다.",
        "default": "{rule} 규칙의 상세 근거는 영문 보고서(--lang en)를 참고하십시오.",
    },
    risk={
        "headroom": "{target}의 메모리 여유분이 **{headroom}**(예산의 {pct})로 작습니다. OS의 "
        "메모리 한도는 시스템 상태에 따라 달라지므로 다른 앱을 띄운 상태에서 "
        "시험해야 합니다.",
        "license-conditions": "{license} 라이선스의 이용 조건이 적용됩니다: {conditions} 출시 "
        "전에 법무 검토가 필요합니다.",
        "license-noncommercial": "{license} 라이선스는 상업적 이용을 허용하지 않습니다"
        "({conditions}). 서비스가 `license: any`로 설정되어 표시됩니다.",
        "quality-unknown": "이 서비스의 작업과 언어를 다룬 공개 벤치마크가 없습니다. 출시 전에 "
        "자체 데이터로 출력 품질을 평가해야 합니다.",
        "low-bits": "{target}에는 저비트 빌드만 들어갑니다: {quantization}은 가중치당 {bpw}비트로 "
        "모델 품질의 약 {fidelity}를 유지하는 것으로 추정됩니다. 출시 전에 출력 품질을 "
        "검증해야 합니다.",
        "license-conditions-unstated": "{license} 라이선스의 이용 조건이 적용됩니다. 출시 전에 "
        "라이선스 원문으로 법무 검토를 받아야 합니다.",
        "language-claim": "{languages}는 모델 카드에 명시되어 있지 않고 포괄적인 다국어 지원 "
        "주장에만 근거합니다. 출시 전에 해당 언어의 품질을 검증해야 합니다.",
        "reasoning": "기본 설정에서 답하기 전에 추론 과정을 출력하므로 답변이 길어지고 시간과 "
        "배터리를 더 씁니다.",
        "slow": "{target}에서 생성 속도가 초당 약 **{tps} 토큰**으로 느립니다. 긴 답변은 "
        "사용자가 기다리는 시간이 깁니다.",
        "no-speed": "다음 타깃은 메모리 대역폭이 공개되지 않아 속도 추정치가 없으므로 "
        "실기기에서 측정해야 합니다: {targets}.",
        "task-unverified": "모델 카드에 {tasks} 용도가 명시되어 있지 않습니다. 출시 전에 자체 "
        "데이터로 해당 작업의 품질을 검증해야 합니다.",
        "verification": "이 모델의 카탈로그 정보 일부가 불완전합니다(검증 등급 C). 출시 전에 "
        "모델 카드 원문을 다시 확인해야 합니다.",
        "backend-beta": "{target}에서 {runtime}은(는) {api}를 통해 {backend}에서 실행되며, "
        "이 경로는 개발사가 베타로 제공합니다. 출시 전에 실기기에서 시험해야 합니다.",
        "backend-experimental": "{target}에서 {runtime}은(는) {api}를 통해 {backend}에서 "
        "실행되며, 이 경로는 실험 단계입니다. 실패하거나 잘못된 출력이 나올 수 있으므로 대체 "
        "빌드를 함께 준비해야 합니다.",
        "variants": "{target}은(는) 판매 지역에 따라 다른 칩을 탑재합니다({chips}). 이 빌드"
        "({runtime}, {backend})는 모든 칩에서 실행됩니다. 한 칩에서만 실행되는 빌드는 "
        "제외했으므로, 특정 칩 기준으로 계획하려면 디바이스 파일에 variant를 지정하십시오.",
        "speed-unmeasured": "{target}의 {backend}에서 {runtime}의 속도는 측정된 적이 없어, 같은 "
        "하드웨어에서 측정된 런타임의 속도를 넘지 않도록 추정치를 제한했습니다.",
        "default": "엔진이 추가 위험을 보고했습니다. 영문 보고서(--lang en)를 참고하십시오.",
    },
    gap={
        "bandwidth": "메모리 대역폭이 공개되지 않아 생성 속도를 추정할 수 없습니다.",
        "npu-tops": "NPU 성능(TOPS)이 공개되지 않았습니다.",
        "os-version": "OS 버전을 알 수 없어 런타임의 최소 OS 버전 조건을 확인할 수 없습니다.",
        "default": "카탈로그에 없는 정보가 있습니다(영문 보고서 참고).",
    },
    basis={
        "target": "입력 파일에서 이 타깃에 지정",
        "explicit": "입력 파일의 constraints.memory_budget_mb로 지정",
        "ios": "계획용 기본값: RAM {ram} GB의 {share}, 확장 메모리 권한(increased-memory "
        "entitlement)이 없는 iOS 앱의 메모리 한도(jetsam) 기준",
        "android-small": "계획용 기본값: RAM {ram} GB의 {share}, RAM 12 GB 미만 Android 기기의 "
        "포그라운드 앱 기준(lmkd)",
        "android-large": "계획용 기본값: RAM {ram} GB의 {share}, RAM 12 GB 이상 Android 기기의 "
        "포그라운드 앱 기준(lmkd)",
        "macos": "계획용 기본값: RAM {ram} GB의 {share}, macOS의 Metal GPU 작업 메모리 한도 기준",
        "other": "계획용 기본값: RAM {ram} GB의 {share}, 앱별 한도가 없어 가용 메모리에서 여유분을 "
        "남긴 값",
        "default": "근거는 영문 보고서 참고",
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
    risk_short={
        "headroom": "{target}의 메모리 여유분이 작음({pct}). 다른 앱을 띄운 상태로 테스트 필요.",
        "license-conditions": "{license} 라이선스 조건 이행 필요(7절).",
        "license-conditions-unstated": "{license} 라이선스 조건 검토 필요(7절).",
        "language-claim": "{languages}는 카드의 포괄적 주장에만 근거. 품질 검증 필요.",
        "reasoning": "답하기 전에 추론 과정을 출력해 답변이 느림.",
        "slow": "{target}에서 느림(초당 약 {tps} 토큰).",
        "no-speed": "{targets}의 속도 추정 불가. 실측 필요.",
        "task-unverified": "모델 카드에 {tasks} 용도 미명시. 자사 데이터로 검증 필요.",
        "verification": "카탈로그 정보 일부 미비. 모델 카드 재확인 필요.",
        "default": "3절 참고.",
    },
    license_conditions={
        "apple-ml-research": "비상업적 연구 용도로만 사용할 수 있습니다(제3자 감사 기준이며 카드의 YAML은 아직 apple-sample-code-license로 표기). 사용 전에 확인하십시오.",
        "exaone-1.1-nc": "비상업적(연구) 용도만 허용됩니다. 상업적 이용은 LG AI연구원과 협의해야 합니다.",
        "exaone-1.2-nc": "비상업적(연구·교육) 용도만 허용되며, 경쟁 모델 개발에 쓰는 것을 금지합니다.",
        "fair-noncommercial": "비상업적 연구 용도만 허용되며 FAIR 허용 사용 정책이 적용됩니다.",
        "gemma-terms": "사용자 수 제한은 없습니다. Gemma 금지 사용 정책이 적용되며 이를 최종 사용자에게도 고지해야 합니다. 저장소는 약관 동의 후 받을 수 있습니다.",
        "lfm-open-1.0": "회사의 연간 매출이 1,000만 달러 미만일 때만 상업적 이용이 무료입니다. 이를 넘으면 Liquid AI의 유료 라이선스가 필요합니다(sales@liquid.ai). 연구와 적격 비영리 이용은 매출과 무관하게 무료이며, 그 밖에는 Apache-2.0 기반입니다(저작자 표시, 파생 모델은 같은 라이선스와 매출 기준을 따름).",
        "llama-3.1-community": "출시일 기준 월간 활성 사용자가 7억 명을 넘는 제품은 Meta의 별도 라이선스가 필요합니다. 'Built with Llama' 표시, 파생 모델 이름은 'Llama'로 시작, 허용 사용 정책(Acceptable Use Policy)을 최종 사용자에게 전달해야 합니다.",
        "llama-3.2-community": "출시일 기준 월간 활성 사용자가 7억 명을 넘는 제품은 Meta의 별도 라이선스가 필요합니다. 'Built with Llama' 표시, 파생 모델 이름은 'Llama'로 시작, 허용 사용 정책(Acceptable Use Policy)을 최종 사용자에게 전달해야 합니다(EU 제한은 멀티모달 모델에만 적용).",
        "mistral-research": "연구 용도만 허용됩니다. 상업적 라이선스는 Mistral AI에 요청해야 합니다.",
        "mit": "저작권 및 라이선스 고지를 유지해야 합니다.",
        "qwen-research": "비상업적 연구 라이선스입니다. 상업적 이용은 Qwen 팀과 협의해야 합니다.",
        "stability-community": "연간 매출 기준(수치 미확인) 미만에서만 상업적 이용이 무료이며, 넘으면 엔터프라이즈 라이선스가 필요합니다.",
        "tii-falcon-2.0": "허용 사용 정책이 붙은 Apache-2.0 기반 자체 라이선스이며 OSI 승인 라이선스가 아닙니다.",
    },
    claim={
        "119 languages and dialects, listed by family in the Qwen3 release blog": "119개 언어와 방언(Qwen3 출시 블로그에 어족별로 나열)",
        "140+ languages (Gemma family claim; not re-read for Gemma 4)": "140개 이상 언어(Gemma 계열 주장, Gemma 4에서는 재확인 안 함)",
        "140+ languages (no list on card)": "140개 이상 언어(카드에 목록 없음)",
        "201 languages and dialects (no enumerated list found for Qwen3.5)": "201개 언어와 방언(Qwen3.5의 목록은 찾지 못함)",
        "201 languages and dialects (third-party restatement; no list read)": "201개 언어와 방언(제3자 인용, 목록 미확인)",
        "29+ languages": "29개 이상 언어",
        "8 official languages": "공식 지원 언어 8개",
        "8 official languages; trained on more": "공식 지원 언어 8개(학습에는 더 많은 언어 사용)",
        "dozens of languages": "수십 개 언어",
        "multilingual (no list on card)": "다국어 지원(카드에 목록 없음)",
        "not stated on card (English-centric)": "카드에 기재 없음(영어 중심, 지원 언어 목록 없음)",
        "trained on 140+ spoken languages (no list on card)": "140개 이상 언어로 학습(카드에 목록 없음)",
    },
    step_title=STEP_TITLES,
)
