# ruff: noqa: E501
"""The security section's words (section 7: the threat model) in Korean.

Merged into the language's text table; the keys are the ones ``md_security`` and the HTML
renderer look up. Licence conditions are keyed by licence id.
"""

from __future__ import annotations

SECURITY: dict[str, str] = {
    "col_flow": "데이터",
    "col_server": "서버 API 방식",
    "col_device": "본 계획(온디바이스)",
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
    "col_origin": "모델 파일: 공개 빌드 또는 변환",
    "col_sha": "고정할 SHA-256",
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
        "**모델 파일 무결성.** 아래의 서로 다른 빌드마다 고정할 산출물이 하나씩 있습니다. 공개된 "
        "빌드는 내려받은 그대로, 그 밖에는 빌드 머신이 제조사 가중치에서 변환한 파일입니다. 어느 "
        "쪽이든 고정된 Hugging Face 리비전에서 받고, 배포하는 모든 파일(GGUF는 파일 하나, 모델 폴더나 "
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
}

LICENSE_CONDITIONS: dict[str, str] = {
    "apache-2.0": "라이선스 원문을 함께 배포하고 저작권·특허·저작자 고지(모델에 NOTICE 파일이 있으면 그 파일도)를 유지하며, 수정한 파일에는 변경 사실을 표시해야 합니다.",
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
}
