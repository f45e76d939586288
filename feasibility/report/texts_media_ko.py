"""보고서의 이미지·오디오 부분(인코더, 그 메모리와 시간, 사진·녹음에 관한 보안 항목)의 한국어 문구.
``texts_for``가 ``texts_ko``에 합칩니다."""

from __future__ import annotations

T: dict[str, str] = {
    "h_encoders": "### 인코더: 이미지와 오디오",
    "encoders_intro": (
        "요청마다 보내는 입력은 {items}입니다. 모델은 이를 인코더로 읽으며, 아래의 모든 빌드가 "
        "디코더와 함께 인코더를 불러옵니다. 인코더의 가중치와 연산 버퍼는 위 메모리 "
        "수치(인코더 열)에 들어 있고, 인코더가 만드는 "
        "토큰(토큰 열의 수에 요청의 이미지 수나 오디오 초를 곱한 값)은 KV 캐시와 "
        "프리필에 더해지며, 인코딩 시간은 첫 토큰까지의 시간에 포함됩니다."
    ),
    "items_images": "이미지 {n}장",
    "items_audio": "오디오 {s}초",
    "col_encoder": "인코더",
    "col_input": "입력",
    "col_enc_file": "파일(형식)",
    "col_enc_weights": "가중치",
    "col_enc_compute": "연산 버퍼",
    "col_enc_tokens": "토큰",
    "col_enc_time": "항목당 시간(가장 느린 타깃)",
    "col_text_only": "텍스트만 쓸 때",
    "q_encoders": "인코더",
    "tokens_image": "이미지당 {n}",
    "tokens_audio": "초당 {n}",
    "enc_time": "{ms} ms",
    "enc_bundled": "보내지 않음(빌드와 함께 로드됨)",
    "enc_time_unknown": "추정하지 않음(FLOPs 또는 연산 성능 미상)",
    "text_only_loads": "인코더도 불러옴",
    "text_only_skips": "인코더를 불러오지 않음",
    "enc_published": "{format} {type}: {file} ({repo})",
    "enc_converted": "{format} {type}, 변환 단계에서 생성",
    "sec_media": (
        "**사진과 녹음.** {kinds} 입력은 기기에서 {encoders}로 디코딩·인코딩됩니다. 런타임은 "
        "픽셀이나 샘플과 인코더 출력을 요청 동안 앱 메모리에만 두며 디스크에 쓰지 않습니다. "
        "위험은 앱이 그 앞뒤에서 하는 일로 정해집니다."
    ),
    "sec_media_exif": (
        "- **EXIF와 위치 정보.** 휴대전화 사진에는 GPS 좌표, 촬영 시각, 기기 제조사와 모델, "
        "때로는 소유자 이름이 메타데이터로 들어 있습니다. 모델에는 필요 없으므로, 이미지가 "
        "모델·로그·크래시 보고서에 닿기 전에 메타데이터 없이 픽셀만 다시 인코딩하고, "
        "사용자가 원하지 않는 한 요청이 끝난 뒤 원본을 보관하지 마십시오."
    ),
    "sec_media_access": (
        "- **사진 접근 권한.** 사진 보관함 전체 권한 대신 권한이 필요 없는 시스템 "
        "선택기(iOS PHPickerViewController, Android 사진 선택 도구)를 쓰십시오. 카메라 "
        "촬영에는 카메라 권한만 필요합니다."
    ),
    "sec_media_personal": (
        "- **이미지 속 개인정보.** 영수증·문서·화면에는 이름, 카드 번호 일부, 주소가 "
        "보입니다(개인정보: GDPR 제4조 제1호, 개인정보 보호법 제2조). 사람을 식별하는 데 "
        "쓰는 얼굴은 생체정보입니다(GDPR 제9조, 개인정보 보호법 제23조). 기기 내 처리는 "
        "국외 이전을 피할 뿐 이 의무를 없애지 않습니다."
    ),
    "sec_media_audio": (
        "- **녹음.** 오디오에는 주변 사람의 목소리가 담길 수 있고, 화자를 식별하는 데 쓰는 "
        "목소리는 생체정보입니다(GDPR 제9조, 개인정보 보호법 제23조). 사용자가 버튼을 "
        "누르고 있는 동안만 녹음하고 요청이 끝나면 샘플을 버리십시오."
    ),
    "sec_media_injection": (
        "- **이미지 속 지시문.** 사진이나 스크린샷에 인쇄된 글자는 프롬프트처럼 모델에 "
        "전달됩니다. 모델이 이미지에서 읽은 내용은 신뢰할 수 없는 입력으로 "
        "다루십시오(프롬프트 인젝션)."
    ),
}

RULE: dict[str, str] = {
    "inputs": "입력 형식",
}

MODALITY: dict[str, str] = {
    "text": "텍스트",
    "image": "이미지",
    "audio": "오디오",
}

RULE_DETAIL: dict[str, str] = {
    "inputs:pass": "모델이 {encoders} 인코더로 읽는 입력: {inputs}.",
    "inputs:fail": "모델은 {reads}만 읽는데, 서비스는 {missing}도 보냅니다.",
    "inputs:fail-runtime": (
        "{runtime}에서는 모델의 {missing} 인코더가 실행되지 않습니다(실행하는 런타임: {runners})."
    ),
    "inputs:fail-nowhere": (
        "{runtime}에서는 모델의 {missing} 인코더가 실행되지 않으며, {os}에서 이를 실행하는 "
        "런타임도 없습니다."
    ),
    "inputs:fail-os": (
        "{runtime}은(는) 모델의 {missing} 인코더를 {encoder_os}에서만 실행하며 {os}에서는 "
        "실행하지 않습니다."
    ),
}

ASSUMPTION: dict[str, str] = {
    "encoder-memory": (
        "인코더: 타워와 프로젝터를 인코더 파일의 형식으로(1차원 텐서는 llama.cpp 변환기처럼 "
        "F32) 세고, 이미지 한 장의 연산 버퍼(clip 그래프, flash attention 사용)를 "
        "더했습니다. 요청의 이미지·오디오 토큰은 KV 캐시와 프리필에 포함됩니다."
    ),
    "encoder-time": (
        "첫 토큰까지의 시간에 인코더가 포함됩니다: 인코더 FLOPs(가중치 × 패치 수 + "
        "어텐션)를 백엔드 최대 연산 성능 중 행렬-행렬 연산에 맞춘 비율로 나눈 값입니다."
    ),
    "no-encoder-time": (
        "첫 토큰까지의 시간은 추정하지 않음: 인코더의 FLOPs 또는 백엔드의 연산 성능을 알 수 "
        "없습니다."
    ),
}
