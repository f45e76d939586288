"""What the report's key-concepts section and build lines say about formats and runtimes in English:
one plain line per file format and runtime, and the wording of a quantization name's detail.
"""

from __future__ import annotations

FORMAT_CONCEPT: dict[str, str] = {
    "gguf": "llama.cpp's single-file model format; one file holds the quantized weights, "
    "tokenizer and settings.",
    "mlx": "Apple's array format for Apple silicon; weights load straight into unified memory.",
    "awq": "activation-aware 4-bit weights: the few weights that matter most keep more precision.",
    "gptq": "4-bit weights quantized layer by layer to minimise the error they add.",
    "pte": "an ExecuTorch program: the model compiled ahead of time for the phone's runtime.",
    "qnn": "a model compiled for Qualcomm's NPU (Hexagon) with its AI Engine Direct SDK.",
    "litertlm": "Google's LiteRT-LM bundle: model, tokenizer and prompt template in one file.",
    "mlc": "MLC LLM's compiled model library plus quantized weight shards.",
    "onnx": "the open ONNX graph format with int4 weights, run by ONNX Runtime GenAI.",
    "openvino": "Intel's OpenVINO IR with int4 weights for Intel CPUs, GPUs and NPUs.",
    "coreml": "Apple's Core ML package, which can run on the Apple Neural Engine.",
    "default": "the file format the runtime loads.",
}

RUNTIME_CONCEPT: dict[str, str] = {
    "llama.cpp": "the open-source C/C++ engine that runs GGUF models on CPU and GPU almost "
    "everywhere.",
    "executorch": "PyTorch's on-device runtime; the app links it and runs the compiled program.",
    "mlx": "Apple's machine-learning framework for Apple silicon.",
    "mlc-llm": "compiles the model for the device's GPU (Metal, Vulkan, OpenCL).",
    "litert-lm": "Google's on-device LLM runtime (formerly TensorFlow Lite).",
    "mediapipe-llm": "Google's earlier LLM inference API, now superseded by LiteRT-LM.",
    "qualcomm-genie": "Qualcomm's runtime that runs the model on the Snapdragon NPU.",
    "onnxruntime-genai": "Microsoft's generation loop on ONNX Runtime (CPU, DirectML, QNN).",
    "openvino-genai": "Intel's generation pipeline on OpenVINO.",
    "coreml": "Apple's built-in inference framework.",
    "default": "the library inside the app that runs the model.",
}
