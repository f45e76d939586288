"""What the report's key-concepts section and build lines say about formats and runtimes in Korean:
one plain line per file format and runtime, and the wording of a quantization name's detail.
"""

from __future__ import annotations

FORMAT_CONCEPT: dict[str, str] = {
    "gguf": "llama.cpp의 단일 파일 모델 포맷입니다. 양자화된 가중치, 토크나이저, 설정이 "
    "파일 하나에 들어 있습니다.",
    "mlx": "Apple 실리콘용 MLX 배열 포맷입니다. 가중치를 통합 메모리에 바로 올립니다.",
    "awq": "활성값 기반 4비트 양자화(AWQ)입니다. 중요한 소수의 가중치는 정밀도를 더 유지합니다.",
    "gptq": "레이어별로 오차를 최소화하며 4비트로 양자화하는 방식(GPTQ)입니다.",
    "pte": "ExecuTorch 프로그램 파일입니다. 모델을 기기용 런타임에 맞게 미리 컴파일한 것입니다.",
    "qnn": "Qualcomm NPU(Hexagon)용으로 컴파일한 모델입니다(QNN, AI Engine Direct SDK).",
    "litertlm": "Google LiteRT-LM 번들입니다. 모델, 토크나이저, 프롬프트 템플릿이 파일 하나에 "
    "들어 있습니다.",
    "mlc": "MLC LLM이 컴파일한 모델 라이브러리와 양자화된 가중치 묶음입니다.",
    "onnx": "개방형 ONNX 그래프 포맷(int4 가중치)으로, ONNX Runtime GenAI가 실행합니다.",
    "openvino": "Intel CPU, GPU, NPU용 OpenVINO IR 포맷(int4 가중치)입니다.",
    "coreml": "Apple Core ML 패키지입니다. Apple Neural Engine(ANE)에서 실행할 수 있습니다.",
    "default": "런타임이 읽어 들이는 모델 파일 포맷입니다.",
}

RUNTIME_CONCEPT: dict[str, str] = {
    "llama.cpp": "거의 모든 기기의 CPU와 GPU에서 GGUF 모델을 실행하는 오픈소스 C/C++ 엔진입니다.",
    "executorch": "PyTorch의 온디바이스 런타임입니다. 앱에 링크해 컴파일된 프로그램을 실행합니다.",
    "mlx": "Apple 실리콘용 Apple의 머신러닝 프레임워크입니다.",
    "mlc-llm": "모델을 기기 GPU(Metal, Vulkan, OpenCL)에 맞게 컴파일해 실행합니다.",
    "litert-lm": "Google의 온디바이스 LLM 런타임입니다(TensorFlow Lite의 후속).",
    "mediapipe-llm": "Google의 이전 LLM 추론 API로, 현재는 LiteRT-LM으로 대체되었습니다.",
    "qualcomm-genie": "Snapdragon NPU에서 모델을 실행하는 Qualcomm 런타임입니다.",
    "onnxruntime-genai": "ONNX Runtime 위의 Microsoft 생성 루프입니다(CPU, DirectML, QNN).",
    "openvino-genai": "OpenVINO 기반 Intel 생성 파이프라인입니다.",
    "coreml": "Apple 기기에 내장된 추론 프레임워크입니다.",
    "default": "앱 안에서 모델을 실행하는 라이브러리입니다.",
}

QUANT_DETAIL: dict[str, str] = {
    "Genie bundle": "Genie 번들",
    "LUT": "LUT",
    "NPU": "NPU",
    "Meta's quantization-aware trained build, 8da4w group 32": (
        "Meta의 양자화 인식 학습(QAT) 빌드, 8da4w 그룹 32"
    ),
    "Meta's rotated + GPTQ build, 8da4w group 32": "Meta의 회전 + GPTQ 빌드, 8da4w 그룹 32",
    "block 32, CPU build": "블록 32, CPU 빌드",
    "block 32, GPU build, fp16 I/O": "블록 32, GPU 빌드, fp16 입출력",
    "block 32, linear_symmetric": "블록 32, linear_symmetric",
    "group 128": "그룹 128",
    "group 32": "그룹 32",
    "group 64": "그룹 64",
    "int3 group 40, fp16": "int3 그룹 40, fp16",
    "int4 group 32, fp16": "int4 그룹 32, fp16",
    "int8 dynamic activations, int4 weights, group 128": "int8 동적 활성값, int4 가중치, 그룹 128",
    "int8 dynamic activations, int4 weights, group 32": "int8 동적 활성값, int4 가중치, 그룹 32",
    "weight-only": "가중치만",
}
