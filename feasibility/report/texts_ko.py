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
from feasibility.schema import OS_LABELS

T: dict[str, str] = {
    "list_sep": ", ",
    "none": "없음",
    "na": "n/a",
    "unknown": "버전 미상",
    "target_ref": "{name}({id})",
    "budget_one": "타겟별 메모리 예산 {budget}",
    "budget_many": "타겟별로 지정된 메모리 예산",
    "ph_service": "[서비스 설명]",
    # 1. 제목과 결론
    "title": "# 온디바이스 SLM 도입 기획서: {service}",
    "h_verdict": "## 1. 결론",
    "verdict_ask": (
        "**검토 질문:** 아래 서비스를 타겟 디바이스 안에서만 처리할 수 있는 소규모 언어 "
        "모델(SLM)은 무엇입니까? 서비스: {service}({tasks} / {langs}). 타겟: {targets}. "
        "조건: 컨텍스트 길이 {ctx} 토큰, 답변 최대 {out} 토큰, {budget}."
    ),
    "verdict_fit": (
        "**결론:** 모델 × 포맷 × 런타임 × 타겟 조합 {combos}개를 검토했으며, 모든 타겟에 "
        "들어가는 모델은 **{n}개**입니다."
    ),
    "verdict_fit_one": (
        "**결론:** 모델 × 포맷 × 런타임 × 타겟 조합 {combos}개를 검토했으며, 모든 타겟에 "
        "들어가는 모델은 **1개**입니다."
    ),
    "verdict_two": (
        "추천 모델은 **{first}**, **{second}** 두 가지입니다. 1순위 모델은 가장 빠듯한 타겟에서 "
        "**{budget} 중 {total}**를 사용하고, 가장 느린 타겟에서 초당 약 **{tps} 토큰**을 "
        "생성합니다."
    ),
    "verdict_two_nospeed": (
        "추천 모델은 **{first}**, **{second}** 두 가지입니다. 1순위 모델은 가장 빠듯한 타겟에서 "
        "**{budget} 중 {total}**를 사용합니다(일부 타겟은 속도를 추정할 수 없습니다. 4절 참고)."
    ),
    "verdict_one": (
        "모든 타겟에 들어가는 모델은 **{first}** 하나뿐이어서 대안이 없습니다. 가장 근접한 "
        "탈락 후보와 두 번째 모델을 확보하기 위한 입력 변경은 9절과 10절에 정리했습니다."
    ),
    "verdict_none": (
        "**모든 타겟에 들어가는 모델이 없습니다.** 가장 근접한 탈락 후보와 결과를 바꿀 수 있는 "
        "입력 변경은 9절과 10절에 정리했습니다."
    ),
    "verdict_fix_budget": (
        "모든 타겟의 메모리 예산을 **{budget}** 이상으로 늘리면 {model} 모델이 들어갑니다(10절)."
    ),
    "verdict_rejected": "모델 × 포맷 × 런타임 × 타겟 조합 {n}개가 탈락했습니다(처음 걸린 규칙 기준): {counts}.",
    "count_rule": "{rule} {n}개",
    "source_line": "입력 파일: {source} · 카탈로그 {catalog}",
    # 2. 경영진 요약
    "h_summary": "## 2. 경영진 요약",
    "summary_none": (
        "현재 입력으로는 추천할 모델이 없습니다. 가장 근접한 탈락 후보와 결과를 바꿀 수 있는 "
        "입력은 9절과 10절을 참고하십시오."
    ),
    "summary_line": (
        "- **{rank}. {model}** ({developer}, 파라미터 {params}): {where} 인터넷 연결 없이 "
        "동작합니다. 가장 빠듯한 타겟에서 메모리 **{budget} 중 {total}**를 사용하고{speed}, "
        "가장 큰 모델 다운로드 크기는 **{download}**입니다."
    ),
    "where_one": "타겟 디바이스에서",
    "where_all": "타겟 디바이스 {n}종 모두에서",
    "speed_clause": ", 가장 느린 타겟에서 초당 약 **{tps} 토큰**을 생성하며",
    "speed_clause_na": ", 일부 타겟은 속도를 추정할 수 없으며",
    "summary_note": (
        "빌드(양자화와 런타임)마다 한 행이며 해당 빌드가 쓰이는 타겟을 함께 적었습니다. 메모리는 그 "
        "빌드의 가장 빠듯한 타겟 기준, 속도는 가장 느린 타겟의 추정치(추정할 수 없으면 n/a), "
        "다운로드는 그 빌드의 파일 크기입니다."
    ),
    "summary_only_one": (
        "모든 타겟에 들어가는 모델이 하나뿐입니다. 두 번째 후보를 확보하려면 10절의 입력 변경 중 "
        "하나가 필요합니다."
    ),
    "col_rank": "순위",
    "col_model": "모델",
    "col_params": "파라미터",
    "col_quant": "양자화",
    "col_runtime": "런타임",
    "col_memory_tight": "메모리 사용량 / 예산",
    "col_headroom": "여유분",
    "col_decode_slowest": "생성 속도(tok/s)",
    "col_download": "다운로드",
    "col_targets": "타겟",
    "col_rule": "규칙",
    "col_quantity": "항목",
    "col_target": "타겟",
    "col_need": "필요량 / 예산",
    "col_reason": "제외 사유",
    "col_flow": "데이터",
    "col_server": "서버 API 방식",
    "col_device": "본 계획(온디바이스)",
    # 3. 추천 모델
    "h_recommended": "## 3. 추천 모델",
    "recommended_none": "모든 타겟에서 모든 규칙을 통과한 모델이 없습니다.",
    "h_rec": "### 추천 {rank}: {model} ({params})",
    "rec_identity": (
        "{developer}의 {family} 계열 모델입니다. 가중치는 Hugging Face {repo}에서 받으며, "
        "최대 컨텍스트는 {ctx} 토큰입니다."
    ),
    "rec_why": "**선정 이유**",
    "why_fits": "- 타겟 {n}종 모두에 들어갑니다. 가장 빠듯한 {target}에서 **{budget} 중 {total}**를 사용합니다.",
    "why_fits_one": "- 타겟에 들어갑니다. {target}에서 **{budget} 중 {total}**를 사용합니다.",
    "why_langs": "- 모델 카드에 서비스 언어({listed})가 명시되어 있습니다.",
    "why_langs_partial": (
        "- 모델 카드에 {listed}는 명시되어 있으나, {missing}는 카드의 포괄적인 다국어 지원 "
        "주장에만 근거합니다."
    ),
    "why_tasks": "- 모델 카드에 명시된 주요 용도: {tasks}.",
    "why_tasks_missing": "- 모델 카드에 {tasks} 용도는 명시되어 있지 않습니다. 출시 전 이 작업의 품질을 검증해야 합니다.",
    "why_strengths": "- 모델 카드가 내세우는 강점: {tasks}.",
    "why_context": "- 컨텍스트: 서비스에 필요한 {ctx} 토큰은 모델 최대치 {max_ctx} 토큰 이내입니다.",
    "why_speed": "- 메모리 대역폭이 알려진 타겟 중 가장 느린 기기에서도 초당 약 **{tps} 토큰**을 생성합니다.",
    "why_score": (
        "- 종합 점수 **{total}**: 품질 {quality}, 양자화 충실도 {fidelity}, 속도 {speed}, "
        "메모리 여유분 {headroom}, 에너지 {energy}, 가산점 {bonus}."
    ),
    "rec_license": ("**라이선스:** {name}({id}), 상업적 이용: **{commercial}**. 원문: <{url}>"),
    "rec_license_conditions": "이용 조건(라이선스 원문 요약): {conditions}",
    "rec_rules": "**타겟별 규칙 검사 결과**",
    "rule_note": "- {rule}({outcome}), {targets}: {text}",
    "rec_risks": "**위험 요소**",
    "risks_none": "- 규칙 검사에서 추가로 발견된 위험은 없습니다. 추정치의 한계는 문서 끝을 참고하십시오.",
    # 4. 메모리와 속도
    "h_memory": "## 4. 타겟별 메모리와 속도",
    "memory_none": "추천 모델이 없어 타겟별 수치가 없습니다. 탈락 후보의 수치는 9절에 있습니다.",
    "memory_intro": (
        "컨텍스트 {ctx} 토큰(KV 캐시 기준), 답변 최대 {out} 토큰 기준 수치입니다. "
        "MB는 MiB(2^20 바이트)입니다. 합계 = 가중치 + KV 캐시 + 연산 버퍼 + 런타임 오버헤드."
    ),
    "h_target": "### 타겟: {name} ({id})",
    "target_facts": (
        "{os} {os_version}, RAM {ram} GB, 메모리 대역폭 {bw}, NPU: {npu}. "
        "메모리 예산 **{budget}**({basis})."
    ),
    "q_format": "포맷",
    "q_runtime": "런타임",
    "q_accel": "가속기",
    "q_weights": "가중치",
    "q_kv": "KV 캐시({ctx} 토큰)",
    "q_compute": "연산 버퍼",
    "q_overhead": "런타임 오버헤드",
    "q_total": "합계 / 예산",
    "q_headroom": "메모리 여유분",
    "q_file": "모델 파일",
    "q_decode": "토큰 생성(decode) tok/s",
    "q_prefill": "프롬프트 처리(prefill) tok/s",
    "q_energy": "1,000 토큰당 에너지",
    "target_gaps": "카탈로그에 없는 기기 정보 {n}건: 10절을 참고하십시오.",
    "assumptions": "**추정치의 가정**",
    "assumption_other": "그 밖의 가정은 영문 보고서(--lang en)에 원문으로 실려 있습니다.",
    # 5. 아키텍처
    "h_arch": "## 5. 양자화 및 실행 환경 아키텍처",
    "arch_none": "들어가는 모델이 없어 변환 파이프라인을 제시하지 않습니다.",
    "arch_intro": (
        "플랫폼별로 양자화 포맷, 런타임, 사용하는 가속기, 그리고 변환 파이프라인을 단계별로 "
        "정리했습니다. 명령어는 카탈로그에 등록된 것이며, 기기가 아닌 빌드 머신에서 실행합니다. "
        "각 단계 제목은 도구 문서와 맞추기 위해 원문(영어)을 유지했습니다."
    ),
    "h_arch_rec": "### 추천 {rank}: {model} 변환 파이프라인",
    "h_platform": "#### {os} 배포: {runtime}, {quant}",
    "platform_facts": (
        "대상 타겟: {targets}. 양자화 포맷 {quant}: {quant_name}({format} 파일). "
        "런타임 {runtime}, 가속기: {accel}."
    ),
    "step": "{i}. **{title}**",
    "step_verify": (
        "{i}. **빌드한 모델 파일의 SHA-256 해시를 기록**하고 앱과 함께 배포합니다. 앱은 모델을 "
        "로드하기 전에 해시를 검증합니다(7절)."
    ),
    "mm_source": "Hugging Face 원본: {repo}",
    "mm_target": "{os} 앱: {targets}, {runtime} - {accel}",
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
        "기기 메모리 안에서 읽히고, 처리되고, 답변됩니다(기기 내부 처리, On-device Processing)."
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
    "privacy_compliance": (
        "**컴플라이언스:** 프롬프트가 기기를 떠나지 않으므로 추론을 위해 사용자 텍스트를 수집하지 "
        "않습니다. 이는 개인정보 보호법(PIPA) 제3조의 최소 수집 원칙과 GDPR 제5조 제1항 (c)호의 "
        "데이터 최소화, 제25조의 설계 단계부터의 개인정보 보호(Privacy by Design)를 구조적으로 "
        "충족합니다. 또한 개인정보 보호법 제28조의8과 GDPR 제5장의 국외 이전 검토 대상이 "
        "생기지 않습니다. 개인정보 영향평가는 모델 사업자가 아닌 자사 앱만 다루면 됩니다."
    ),
    "privacy_integrity": (
        "**모델 파일 무결성:** 모델은 정적 파일입니다. 고정된 Hugging Face 리비전에서 한 번 "
        "빌드하고 SHA-256 해시를 기록합니다. 앱은 해시가 다른 파일은 로드하지 않습니다. 기대 "
        "해시 값은 [배포 모델 파일의 SHA-256]입니다. 고정할 파일은 다음과 같습니다."
    ),
    "privacy_file": "- {model}: {repo}에서 빌드, {runtime}용 포맷 {quant}, 다운로드 {size}.",
    "privacy_update": (
        "**업데이트 경로:** 새 모델은 새 해시를 가진 새 파일로 배포합니다. 앱 업데이트에 포함하거나 "
        "자사 서버에서 HTTPS로 내려받은 뒤 해시를 검증하고 교체합니다. 새 파일 검증이 끝날 때까지 "
        "기존 파일을 유지하므로 업데이트가 실패해도 기능이 중단되지 않습니다."
    ),
    "privacy_residual": (
        "**남은 보안 과제:** 기기 자체의 보안(화면 잠금, OS 업데이트), 앱이 저장하는 대화 기록, "
        "그리고 디스크의 모델 파일입니다. 모델 파일은 앱 패키지를 가진 누구나 읽을 수 있지만 "
        "사용자 데이터는 들어 있지 않습니다."
    ),
    # 8. 장점과 한계
    "h_tradeoffs": "## 8. 도입 효과와 기술적 한계",
    "tradeoffs_none": "장점과 한계는 선정 모델에 따라 달라집니다. 현재 들어가는 모델이 없습니다.",
    "advantages": "**온디바이스 도입의 장점 3가지**",
    "adv_privacy": (
        "1. **구조적인 개인정보 보호:** 사용자가 입력한 {langs} 텍스트와 {tasks} 결과가 기기를 "
        "떠나지 않습니다. 데이터 유출 리스크가 사라지고 보안 검토 범위가 크게 줄어듭니다."
    ),
    "adv_offline": (
        "2. **오프라인 동작, 서버 지연 없음:** 답변이 기기에서 바로 생성됩니다. 예상 생성 속도는 "
        "{items}입니다."
    ),
    "adv_speed_item": "{model} 초당 약 {tps} 토큰",
    "adv_cost": (
        "3. **요청당 서버 비용 없음:** 사용자가 이미 가진 타겟 디바이스 {n}종에서 추론하므로 "
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
        "모든 타겟에 들어가지 못한 모델 {total}개 중 규모가 큰 {n}개입니다. 모델별로 가장 근접했던 "
        "빌드와 처음 걸린 규칙을 정리했습니다(메모리는 전체 합계 기준)."
    ),
    "why_not_intro_closest": (
        "모든 타겟에 들어가지 못한 모델 {total}개 중 가장 근접한 {n}개입니다. 모델별로 가장 "
        "근접했던 빌드와 처음 걸린 규칙을 정리했습니다(메모리는 전체 합계 기준)."
    ),
    "every_build": "모든 빌드",
    "also_fits_intro": "모든 타겟에 들어가지만 추천되지 않은 모델({n}개):",
    "also_fits_line": (
        "- {model} ({params}): 최적 빌드 {runtime}의 {quant}, 점수 {score}. {behind} 항목에서 "
        "{other}보다 낮게 평가되었습니다."
    ),
    "also_fits_line_diversity": (
        "- {model} ({params}): 최적 빌드 {runtime}의 {quant}, 점수 {score}. {other}보다 점수는 "
        "높지만, 두 번째 추천은 가능한 한 다른 개발사나 계열에서 고릅니다."
    ),
    "term_quality": "품질(모델 규모와 작업 적합도)",
    "term_fidelity": "양자화 정밀도",
    "term_speed": "속도",
    "term_headroom": "메모리 여유",
    "term_energy": "에너지",
    "term_bonus": "배포처·런타임 가점",
    "term_diversity": "다양성(두 번째 추천은 다른 개발사나 계열에서 고름)",
    # 10. 입력
    "h_inputs": "## 10. 채워 넣을 항목과 결과를 바꿀 수 있는 입력",
    "placeholders_intro": "입력에서 빠진 항목입니다. 괄호 부분을 채워 주십시오.",
    "placeholders_none": "입력에 서비스와 모든 디바이스 정보가 있어 채울 항목이 없습니다.",
    "gaps_intro": "카탈로그에 없는 디바이스 정보:",
    "sensitivity_intro": "다음 입력이 바뀌면 결과가 달라집니다.",
    "sensitivity_none": "입력 하나만 바꿔서 더 강한 모델이 들어가는 경우는 없습니다.",
    "fix_budget_one": (
        "**추천 모델 2개를 확보하려면:** 모든 타겟의 메모리 예산(constraints.memory_budget_mb)을 "
        "**{budget}** 이상으로 늘리십시오. 그러면 현재 모델보다 큰 {model} 모델도 들어가 추천 "
        "모델이 2개가 됩니다."
    ),
    "fix_budget_none_two": (
        "**추천 모델 2개를 확보하려면:** 모든 타겟의 메모리 예산(constraints.memory_budget_mb)을 "
        "**{budget}** 이상으로 늘리면 {model} 모델이 들어가고, **{budget2}** 이상으로 늘리면 "
        "{model2} 모델도 들어가 추천 모델이 2개가 됩니다."
    ),
    "fix_budget_none_one": (
        "**추천 모델 2개를 확보하려면:** 모든 타겟의 메모리 예산(constraints.memory_budget_mb)을 "
        "**{budget}** 이상으로 늘리면 {model} 모델이 들어갑니다. 두 번째 모델을 확보하려면 위 "
        "목록의 다른 입력 변경도 함께 검토해야 합니다."
    ),
    "fix_other": (
        "**추천 모델 2개를 확보하려면:** 메모리 예산만 늘려서는 더 들어가는 모델이 없습니다. 위 "
        "목록의 입력 변경을 검토하십시오."
    ),
    "fix_generic": (
        "**추천 모델 2개를 확보하려면:** 입력 하나만 바꿔서 들어가는 모델은 없습니다. "
        "context_tokens를 줄이거나, 언어 또는 타겟을 줄이거나, 라이선스·NPU 조건을 완화한 뒤 "
        "다시 검사하십시오."
    ),
    "platform_alt_intro": "이 기기들에 내장된 플랫폼 모델(본 검토 대상 아님):",
    # 11. 출처
    "h_sources": "## 11. 출처",
    "source_kind_model": "모델",
    "source_kind_device": "디바이스",
    "source_kind_runtime": "런타임",
    "source_kind_quantization": "양자화",
    "source_kind_license": "라이선스",
    "footer_limits": (
        "*추정치의 한계:* 메모리 수치는 모델 가중치, 명시한 컨텍스트의 KV 캐시, 연산 버퍼, "
        "런타임 오버헤드를 포함합니다. 앱 자체의 UI와 데이터, OS의 메모리 압박과 단편화, 발열에 "
        "따른 성능 저하(thermal throttling)는 포함하지 않습니다. 속도는 메모리 대역폭으로 계산한 "
        "추정치이므로 실기기에서 확인해야 합니다."
    ),
    "footer_provenance": (
        "*feasibility가 {source}와 카탈로그 버전 {catalog}로 생성했습니다. 같은 입력과 카탈로그는 "
        "항상 같은 보고서를 만듭니다.*"
    ),
    # 터미널 표 (--format table)
    "tbl_verdict": "{source}: {verdict}. 모든 타겟에 들어가는 모델 {n}개",
    "tbl_feasible": "도입 가능",
    "tbl_not_feasible": "도입 불가(모든 타겟에 들어가는 모델이 2개 미만)",
    "tbl_rank": "순위",
    "tbl_model": "모델",
    "tbl_params": "파라미터",
    "tbl_quant": "양자화",
    "tbl_runtime": "런타임",
    "tbl_memory": "메모리(가장 빠듯한 타겟)",
    "tbl_tps": "tok/s",
    "tbl_score": "점수",
    "tbl_per_target": "추천 {rank}. {model} 타겟별 수치",
    "tbl_target": "타겟",
    "tbl_os": "OS",
    "tbl_backend": "가속기",
    "tbl_weights": "가중치 MB",
    "tbl_kv": "KV 캐시 MB",
    "tbl_buffers": "버퍼 MB",
    "tbl_total": "합계/예산 MB",
    "tbl_decode": "생성 tok/s",
    "tbl_prefill": "프롬프트 처리 tok/s",
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
        "target_device_specs": "**[타겟 디바이스 제원]**: 카탈로그에 없는 타겟별 RAM, 메모리 "
        "대역폭, NPU, OS 버전(아래 목록 참고).",
    },
    sensitivity={
        "budget": "모든 타겟의 메모리 예산을 **{value}** 이상으로 늘리면 {model}도 후보가 됩니다.",
        "budget-still-slow": "모든 타겟의 메모리 예산을 **{value}**로 늘리면 {model}이 메모리에는 "
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
        "languages:claim": "모델 카드에 {missing}가 명시되어 있지 않고, 포괄적인 다국어 지원 주장만 있습니다.",
        "languages:fail": "모델 카드에 명시된 언어 {n_listed}개({listed})에 {missing}가 없습니다.",
        "context-window:pass": "필요한 컨텍스트 {need} 토큰은 모델 최대치 {have} 토큰 이내입니다.",
        "context-window:fail": "필요한 컨텍스트 {need} 토큰이 모델 최대치 {have} 토큰보다 깁니다.",
        "os-support:pass": "{runtime} 런타임은 {os}를 지원합니다.",
        "os-support:pass-version": "{runtime} 런타임은 {os} {min_version} 이상을 요구하며, 타겟은 {os} {have}입니다.",
        "os-support:unknown": "{runtime} 런타임은 {os} {min_version} 이상을 요구하지만 타겟의 {os} 버전을 알 수 없습니다. 실기기의 OS 버전을 확인해야 합니다.",
        "os-support:fail-os": "{runtime} 런타임은 {os}에서 동작하지 않습니다.",
        "os-support:fail-version": "{runtime} 런타임은 {os} {min_version} 이상을 요구하지만 타겟은 {os} {have}입니다.",
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
        "license-conditions": "{license} 라이선스의 이용 조건이 적용됩니다(위 라이선스 항목 "
        "참고). 출시 전에 법무 검토가 필요합니다.",
        "license-conditions-unstated": "{license} 라이선스의 이용 조건이 적용됩니다. 출시 전에 "
        "라이선스 원문으로 법무 검토를 받아야 합니다.",
        "language-claim": "{languages}는 모델 카드에 명시되어 있지 않고 포괄적인 다국어 지원 "
        "주장에만 근거합니다. 출시 전에 해당 언어의 품질을 검증해야 합니다.",
        "reasoning": "기본 설정에서 답하기 전에 추론 과정을 출력하므로 답변이 길어지고 시간과 "
        "배터리를 더 씁니다.",
        "slow": "{target}에서 생성 속도가 초당 약 **{tps} 토큰**으로 느립니다. 긴 답변은 "
        "사용자가 기다리는 시간이 깁니다.",
        "no-speed": "다음 타겟은 메모리 대역폭이 공개되지 않아 속도 추정치가 없으므로 "
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
        "target": "입력 파일에서 이 타겟에 지정",
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
)
