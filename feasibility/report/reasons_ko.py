# ruff: noqa: E501
"""Reasons in Korean: rule names, rule verdicts and rejections, risks, device gaps, budget bases,
sensitivities and the catalog's free-text claims, each keyed by the code or evidence variant
the engine gives (``_wording`` picks the key and fills the values).
"""

from __future__ import annotations

RULE: dict[str, str] = {
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
    "bits-floor": "최소 비트 수",
    "decode-speed": "생성 속도",
}

OUTCOME: dict[str, str] = {"pass": "통과", "fail": "탈락", "unknown": "확인 필요"}

RULE_DETAIL: dict[str, str] = {
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
    "artifact:fail-context": "{quantization} 빌드는 제조사 기준 컨텍스트 {have} 토큰용으로 만들어졌지만 서비스에는 {need} 토큰이 필요합니다.",
    "artifact:pass-published": "공개된 빌드가 있습니다: {repo}.",
    "artifact:pass-convertible": "{runtime} 런타임의 자체 도구로 변환할 수 있습니다.",
    "artifact:fail": "이 모델의 {runtime} 빌드를 만들 수 없습니다. {why}",
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
    "accelerator:fail-variant": "{runtime} 런타임은 {variant_name}(판매 지역: {markets})에서 실행할 수 없습니다. 빌드는 기기가 출시되는 모든 칩에서 동작해야 하며, 특정 칩만 대상으로 하려면 디바이스 파일의 variant 항목에 칩을 지정하십시오.",
    "accelerator:fail-no-common-backend": "{runtime} 런타임이 사용할 수 있는 가속기가 이 기기에 없습니다.",
    "bits-floor:pass-none": "{quantization} 포맷은 가중치당 {bpw}비트를 유지합니다(최소 비트 수 미지정).",
    "bits-floor:pass": "{quantization} 포맷은 가중치당 {bpw}비트로 최소 기준 {floor}비트 이상입니다.",
    "bits-floor:fail": "{quantization} 포맷은 가중치당 {bpw}비트로 최소 기준(min_bits) {floor}비트에 못 미칩니다.",
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
}

RISK: dict[str, str] = {
    "headroom": "{target}의 메모리 여유분이 **{headroom}**(예산의 {pct})로 작습니다. OS의 "
    "메모리 한도는 시스템 상태에 따라 달라지므로 다른 앱을 띄운 상태에서 "
    "시험해야 합니다.",
    "license-conditions": "{license} 라이선스의 이용 조건이 적용됩니다(위 이용 조건과 7절 "
    "참고). 출시 전에 법무 검토가 필요합니다.",
    "license-noncommercial": "{license} 라이선스는 상업적 이용을 허용하지 않습니다"
    "({conditions}). 서비스가 `license: any`로 설정되어 표시됩니다.",
    "quality-unknown": "이 서비스의 작업과 언어를 다룬 공개 벤치마크가 없습니다. 출시 전에 "
    "자체 데이터로 출력 품질을 평가해야 합니다.",
    "low-bits": "{target}의 메모리 예산에는 저비트 빌드만 들어갑니다: {quantization}은 가중치당 {bpw}비트로 "
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
    "slow-first-token": "{targets}에서 첫 토큰까지 약 **{seconds}초**가 걸립니다({prompt_tokens} "
    "토큰 프롬프트 기준, 사용자가 집중을 유지하는 10초 초과). 프롬프트를 줄이거나 더 빠른 "
    "백엔드를 쓰십시오.",
    "slow-first-token-media": "{targets}에서 첫 토큰까지 약 **{seconds}초**가 걸립니다"
    "(이미지나 오디오를 포함한 {prompt_tokens} 토큰 프롬프트 기준, 사용자가 집중을 유지하는 10초 "
    "초과). 프롬프트를 줄이거나 이미지 수나 크기를 줄이거나 더 빠른 백엔드를 쓰십시오.",
    "slow-first-token-stated": "{targets}에서 첫 토큰까지 약 **{seconds}초**가 걸립니다"
    "({prompt_tokens} 토큰 프롬프트 기준, 서비스가 허용하는 {limit}초(max_first_token_s) 초과). "
    "프롬프트를 줄이거나 더 빠른 백엔드를 쓰십시오.",
    "slow-first-token-media-stated": "{targets}에서 첫 토큰까지 약 **{seconds}초**가 걸립니다"
    "(이미지나 오디오를 포함한 {prompt_tokens} 토큰 프롬프트 기준, 서비스가 허용하는 {limit}초"
    "(max_first_token_s) 초과). 프롬프트를 줄이거나 이미지 수나 크기를 줄이거나 더 빠른 백엔드를 "
    "쓰십시오.",
    "no-speed": "다음 타깃은 메모리 대역폭이 공개되지 않아 속도 추정치가 없으므로 "
    "실기기에서 측정해야 합니다: {targets}.",
    "task-unverified": "모델 카드에 {tasks} 용도가 명시되어 있지 않습니다. 출시 전에 자체 "
    "데이터로 해당 작업의 품질을 검증해야 합니다.",
    "verification": "이 모델의 카탈로그 정보 일부가 불완전합니다(검증 등급 C). 출시 전에 "
    "모델 카드 원문을 다시 확인해야 합니다.",
    "backend-beta": "{target}에서 {runtime} 런타임은 {api} 경로로 {backend}에서 실행되며, "
    "이 경로는 개발사가 베타로 제공합니다. 출시 전에 실기기에서 시험해야 합니다.",
    "backend-experimental": "{target}에서 {runtime} 런타임은 {api} 경로로 {backend}에서 "
    "실행되며, 이 경로는 실험 단계입니다. 실패하거나 잘못된 출력이 나올 수 있으므로 대체 "
    "빌드를 함께 준비해야 합니다.",
    "variants": "{target} 제품은 판매 지역에 따라 다른 칩을 탑재합니다: {chips}. 이 빌드"
    "({runtime}, {backend})는 모든 칩에서 실행됩니다. 한 칩에서만 실행되는 빌드는 "
    "제외했으므로, 특정 칩 기준으로 계획하려면 디바이스 파일의 variant 항목에 칩을 지정하십시오.",
    "speed-unmeasured": "{target}의 {backend}에서 {runtime}의 속도는 측정된 적이 없어, 같은 "
    "하드웨어에서 측정된 런타임의 속도를 넘지 않도록 추정치를 제한했습니다.",
    "speed-unmeasured-uncapped": "{target}의 {backend}에서 {runtime}의 속도는 측정된 적이 "
    "없고, 그 하드웨어에서 이 모델을 실행하는 측정된 런타임도 없어 비교할 수 없습니다. "
    "추정치는 검증되지 않았으므로 기기에서 측정하십시오.",
    "default": "엔진이 추가 위험을 보고했습니다. 영문 보고서(--lang en)를 참고하십시오.",
}

RISK_SHORT: dict[str, str] = {
    "headroom": "{target}의 메모리 여유분이 작음({pct}). 다른 앱을 띄운 상태로 테스트 필요.",
    "license-conditions": "{license} 라이선스 조건 이행 필요(7절).",
    "license-conditions-unstated": "{license} 라이선스 조건 검토 필요(7절).",
    "language-claim": "{languages}는 카드의 포괄적 주장에만 근거. 품질 검증 필요.",
    "reasoning": "답하기 전에 추론 과정을 출력해 답변이 느림.",
    "slow": "{target}에서 느림(초당 약 {tps} 토큰).",
    "slow-first-token": "{targets}에서 첫 토큰까지 약 {seconds}초.",
    "no-speed": "{targets}의 속도 추정 불가. 실측 필요.",
    "task-unverified": "모델 카드에 {tasks} 용도 미명시. 자사 데이터로 검증 필요.",
    "verification": "카탈로그 정보 일부 미비. 모델 카드 재확인 필요.",
    "default": "3절 참고.",
}

GAP: dict[str, str] = {
    "bandwidth": "메모리 대역폭이 공개되지 않아 생성 속도를 추정할 수 없습니다.",
    "npu-tops": "NPU 성능(TOPS)이 공개되지 않았습니다.",
    "os-version": "OS 버전을 알 수 없어 런타임의 최소 OS 버전 조건을 확인할 수 없습니다.",
    "default": "카탈로그에 없는 정보가 있습니다(영문 보고서 참고).",
}

BASIS: dict[str, str] = {
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
}

SENSITIVITY: dict[str, str] = {
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
}

CLAIM: dict[str, str] = {
    "119 languages and dialects, listed by family in the Qwen3 release blog": "119개 언어와 방언(Qwen3 출시 블로그에 어족별로 나열)",
    "140+ languages (Gemma family claim; not re-read for Gemma 4)": "140개 이상 언어(Gemma 계열 주장, Gemma 4에서는 재확인 안 함)",
    "140+ languages (no list on card)": "140개 이상 언어(카드에 목록 없음)",
    "201 languages and dialects (no enumerated list found for Qwen3.5)": "201개 언어와 방언(Qwen3.5의 목록은 찾지 못함)",
    "201 languages and dialects (third-party restatement; no list read)": "201개 언어와 방언(제3자 인용, 목록 미확인)",
    "29+ languages": "29개 이상 언어",
    "8 official languages": "공식 지원 언어 8개",
    "8 official languages; trained on more": "공식 지원 언어 8개(학습에는 더 많은 언어 사용)",
    "dozens of languages": "수십 개 언어",
    "OCR in 32 languages (README); the text languages are not listed": "이미지 속 글자 인식(OCR) 32개 언어(README), 텍스트 지원 언어는 목록 없음",
    "multilingual (no list on card)": "다국어 지원(카드에 목록 없음)",
    "not stated on card (English-centric)": "카드에 기재 없음(영어 중심, 지원 언어 목록 없음)",
    "trained on 140+ spoken languages (no list on card)": "140개 이상 언어로 학습(카드에 목록 없음)",
}

MARKET: dict[str, str] = {
    "Australia": "호주",
    "Canada": "캐나다",
    "China": "중국",
    "Europe": "유럽",
    "India": "인도",
    "Japan": "일본",
    "North America": "북미",
    "South Africa": "남아프리카공화국",
    "South Korea": "한국",
    "United Arab Emirates": "아랍에미리트",
    "United Kingdom": "영국",
    "United States": "미국",
    "other markets outside North America, China and Japan": "북미·중국·일본 외 지역",
}

ARTIFACT_WHY: dict[str, str] = {
    "default": "사유는 카탈로그의 artifacts.yaml을 참고하십시오.",
    "ExecuTorch's Qualcomm llama.py exports only the models registered as --decoder_model choices (SUPPORTED_LLM_MODELS)": "ExecuTorch의 Qualcomm용 llama.py는 --decoder_model 선택지(SUPPORTED_LLM_MODELS)에 등록된 모델만 내보냅니다.",
    "Genie bundles are exported only for the models in qai_hub_models/models/ (AI Hub); another model needs its own AIMET quantization on a CUDA GPU, which this catalog does not plan": "Genie 번들은 qai_hub_models/models/(AI Hub)에 있는 모델만 내보낼 수 있습니다. 다른 모델은 CUDA GPU에서 AIMET 양자화를 직접 해야 하며, 이 카탈로그는 그 과정을 계획하지 않습니다.",
    "SpinQuant and QLoRA builds come from the model maker's own rotation calibration or quantization-aware training; only the published ones exist, and no conversion makes one": "SpinQuant와 QLoRA 빌드는 모델 제작사의 회전 보정 또는 양자화 인식 학습(QAT)으로 만들어지므로 공개된 빌드만 존재하며, 변환으로는 만들 수 없습니다.",
    "a .task bundle needs a LiteRT Torch script for the model and a SentencePiece tokenizer.model in its repository; this model lacks one or both (BPE tokenizers need a conversion the bundler does not do)": ".task 번들에는 이 모델용 LiteRT Torch 스크립트와 저장소의 SentencePiece tokenizer.model이 필요한데, 이 모델에는 둘 중 하나 이상이 없습니다(BPE 토크나이저는 번들러가 하지 않는 변환이 필요).",
    "mlx-lm loads AutoAWQ / AutoGPTQ checkpoints but does not make them, and no such checkpoint of this model is catalogued": "mlx-lm은 AutoAWQ/AutoGPTQ 체크포인트를 읽기만 하고 만들지는 않으며, 카탈로그에 이 모델의 해당 체크포인트가 없습니다.",
    "no LiteRT Torch example script converts this model (each script covers fixed sizes of one family) and no published .litertlm of it is catalogued": "이 모델을 변환하는 LiteRT Torch 예제 스크립트가 없고(스크립트마다 한 계열의 정해진 크기만 지원), 카탈로그에 공개된 .litertlm 파일도 없습니다.",
    "the script's qwen2_5-0_5b decoder loads the base model Qwen/Qwen2.5-0.5B, not the instruct model": "스크립트의 qwen2_5-0_5b 디코더는 instruct 모델이 아닌 기본 모델 Qwen/Qwen2.5-0.5B를 불러옵니다.",
    "the script's qwen2_5-1_5b decoder loads the base model Qwen/Qwen2.5-1.5B, not the instruct model": "스크립트의 qwen2_5-1_5b 디코더는 instruct 모델이 아닌 기본 모델 Qwen/Qwen2.5-1.5B를 불러옵니다.",
}
