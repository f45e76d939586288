"""Pydantic types for the catalog (models, quantizations, runtimes, devices) and device.yaml.

Every type forbids unknown keys and is frozen: a typo in a catalog or a device file is reported,
never ignored, and nothing downstream can mutate what was validated. Catalog facts carry
``sources`` (URLs); a fact that was not published stays ``None`` ("unknown stays unknown").

This package is named ``schema`` and not ``models`` because in this project "model" means a
language model.

The types live in modules named for what they hold: ``fields`` (shared vocabulary and field
types), ``language_models``, ``quantizations``, ``runtimes``, ``artifacts``, ``devices``,
``catalog_files`` (the catalog files' shapes and overlays) and ``spec`` (device.yaml input).
Every public name is re-exported here, so ``from feasibility.schema import Device`` keeps working.
"""

from __future__ import annotations

from feasibility.schema.artifacts import (
    ARTIFACT_STATUSES,
    Artifact,
    ArtifactDefault,
    ArtifactKind,
    ArtifactsFile,
    ArtifactStatus,
    Chipset,
)
from feasibility.schema.catalog_files import (
    CatalogOverlay,
    DevicesFile,
    ModelsFile,
    QuantizationsFile,
    RuntimesFile,
)
from feasibility.schema.devices import (
    GPU_FAMILIES,
    CpuCluster,
    CpuIsa,
    Device,
    DeviceVariant,
    Npu,
    PlatformModel,
    SpeedCalibration,
)
from feasibility.schema.fields import (
    ACCELERATORS,
    LANGUAGES,
    MAX_PARAMS,
    OS_LABELS,
    OS_NAMES,
    SOURCE_TIERS,
    TASKS,
    Accelerator,
    Commercial,
    DeviceKind,
    Id,
    Languages,
    NonNegInt,
    OsName,
    PositiveFloat,
    PositiveInt,
    Sources,
    SourceTier,
    Strict,
    Tasks,
    Verification,
)
from feasibility.schema.language_models import (
    Architecture,
    Benchmark,
    ContextScaling,
    License,
    ModelEntry,
    MoE,
    RecurrentState,
)
from feasibility.schema.media import (
    Encoder,
    EncoderBuild,
    EncoderType,
    InputKind,
    Modality,
    VitTower,
)
from feasibility.schema.quantizations import (
    GgufScheme,
    GroupScheme,
    QatComparison,
    QatEvidence,
    Quantization,
)
from feasibility.schema.runtimes import (
    MATURITY_ORDER,
    BackendMaturity,
    BackendSupport,
    CpuArch,
    Efficiency,
    PipelineStep,
    PlatformSupport,
    QuantPath,
    RamGuidance,
    Runtime,
)
from feasibility.schema.spec import (
    Constraints,
    Service,
    Spec,
    TargetSpec,
)

__all__ = [
    "ACCELERATORS",
    "ARTIFACT_STATUSES",
    "GPU_FAMILIES",
    "LANGUAGES",
    "MATURITY_ORDER",
    "MAX_PARAMS",
    "OS_LABELS",
    "OS_NAMES",
    "SOURCE_TIERS",
    "TASKS",
    "Accelerator",
    "Architecture",
    "Artifact",
    "ArtifactDefault",
    "ArtifactKind",
    "ArtifactStatus",
    "ArtifactsFile",
    "BackendMaturity",
    "BackendSupport",
    "Benchmark",
    "CatalogOverlay",
    "Chipset",
    "Commercial",
    "Constraints",
    "ContextScaling",
    "CpuArch",
    "CpuCluster",
    "CpuIsa",
    "Device",
    "DeviceKind",
    "DeviceVariant",
    "DevicesFile",
    "Efficiency",
    "Encoder",
    "EncoderBuild",
    "EncoderType",
    "GgufScheme",
    "GroupScheme",
    "Id",
    "InputKind",
    "Languages",
    "License",
    "MoE",
    "Modality",
    "ModelEntry",
    "ModelsFile",
    "NonNegInt",
    "Npu",
    "OsName",
    "PipelineStep",
    "PlatformModel",
    "PlatformSupport",
    "PositiveFloat",
    "PositiveInt",
    "QatComparison",
    "QatEvidence",
    "QuantPath",
    "Quantization",
    "QuantizationsFile",
    "RamGuidance",
    "RecurrentState",
    "Runtime",
    "RuntimesFile",
    "Service",
    "SourceTier",
    "Sources",
    "Spec",
    "SpeedCalibration",
    "Strict",
    "TargetSpec",
    "Tasks",
    "Verification",
    "VitTower",
]
