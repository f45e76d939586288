"""Input schema of a device.yaml: targets, the service and its constraints."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from feasibility.schema.devices import Npu
from feasibility.schema.fields import (
    Accelerator,
    DeviceKind,
    Id,
    Languages,
    OsName,
    PositiveFloat,
    PositiveInt,
    Strict,
    Tasks,
)
from feasibility.schema.media import InputKind


class TargetSpec(Strict):
    """One target: a catalog preset, explicit fields, or a preset with fields overriding it."""

    preset: str | None = None
    name: str | None = None
    kind: DeviceKind | None = None
    os: OsName | None = None
    os_version: str | None = Field(default=None, pattern=r"^\d+(\.\d+){0,2}$")
    """The app's deployment target or the OS version to plan for."""
    ram_gb: PositiveFloat | None = Field(default=None, le=1024)
    memory_bandwidth_gbs: PositiveFloat | None = Field(default=None, le=10_000)
    accelerators: tuple[Accelerator, ...] | None = None
    npu: Npu | None = None
    memory_budget_mb: PositiveInt | None = None
    variant: Id | None = None
    """For a preset sold with several chips: the one variant this target is (else all)."""
    """Per-target override of the memory the app may give the model."""

    @model_validator(mode="after")
    def _enough(self) -> TargetSpec:
        if self.preset is None and (self.os is None or self.ram_gb is None):
            raise ValueError("give a 'preset' or at least 'os' and 'ram_gb'")
        return self


def _check_inputs(service: Service) -> None:
    """``inputs`` is a non-empty set, and audio says how many seconds a request carries."""
    if not service.inputs:
        raise ValueError("inputs: name at least one input (text, image, audio)")
    if len(set(service.inputs)) != len(service.inputs):
        raise ValueError(f"inputs: {', '.join(service.inputs)} lists an input twice")
    if "audio" in service.inputs and service.audio_seconds_per_request is None:
        raise ValueError(
            "audio_seconds_per_request: give the seconds of audio per request (e.g. 30), "
            "since inputs lists audio"
        )


class Service(Strict):
    description: str | None = Field(default=None, max_length=2000)
    tasks: Tasks = ("chat",)
    languages: Languages = ("en",)
    context_tokens: int = Field(default=4096, ge=128, le=262_144)
    """Prompt plus generated tokens the service keeps in context."""
    output_tokens: int = Field(default=256, ge=1, le=32_768)
    """Typical tokens generated per request."""
    inputs: tuple[InputKind, ...] = ("text",)
    """What each request sends the model; images and audio need a model with that encoder."""
    images_per_request: int = Field(default=1, ge=1, le=64)
    """Images per request when ``inputs`` lists ``image`` (their tokens join the context)."""
    audio_seconds_per_request: float | None = Field(default=None, gt=0, le=3600)
    """Seconds of audio per request; required when ``inputs`` lists ``audio``."""

    @property
    def media(self) -> tuple[InputKind, ...]:
        """The inputs that need an encoder (empty for a text-only service)."""
        return tuple(i for i in self.inputs if i != "text")

    @model_validator(mode="after")
    def _fits(self) -> Service:
        if not self.tasks:
            raise ValueError("tasks: name at least one task")
        if not self.languages:
            raise ValueError("languages: name at least one language")
        _check_inputs(self)
        if self.output_tokens >= self.context_tokens:
            raise ValueError(
                f"output_tokens: must be smaller than context_tokens ({self.context_tokens}), "
                f"since the output is part of the context (got {self.output_tokens})"
            )
        return self


class Constraints(Strict):
    memory_budget_mb: PositiveInt | None = Field(default=None, le=1_048_576)
    """What the app may give the model in total (weights + KV + runtime). None: derived per OS."""
    npu: Literal["required", "preferred", "ignore"] = "ignore"
    battery: Literal["minimize", "balanced"] = "balanced"
    license: Literal["commercial", "any"] = "commercial"
    """This tool plans shipped services: commercial use by default; ``any`` opts out."""
    min_bits: PositiveFloat | None = Field(default=None, le=16)
    """Lowest bits per weight a build may have (raises the quality floor of ``ranking``)."""
    min_decode_tps: PositiveFloat | None = Field(default=None, le=10_000)
    max_first_token_s: PositiveFloat | None = Field(default=None, le=3600)
    """Longest time to first token the service accepts for its typical prompt (seconds): a
    build estimated later ranks below every build that meets it, and one without an estimate
    below every build known to meet it (``feasibility.scoring``). None: no stated need (the
    report still names a first token over 10 s as a risk)."""
    max_params_b: PositiveFloat | None = Field(default=None, le=14)
    runtimes: tuple[Id, ...] = ()
    """Restrict to these runtimes (empty: all)."""
    quantizations: tuple[str, ...] = ()
    """Restrict to these quantizations (empty: all)."""


class Spec(Strict):
    """A whole device.yaml: one ``target`` (or top-level device fields) or several ``targets``."""

    targets: tuple[TargetSpec, ...]
    service: Service = Service()
    constraints: Constraints = Constraints()

    @model_validator(mode="before")
    @classmethod
    def _single_target(cls, data: object) -> object:
        """Accept ``target:`` or a ``device:``/top-level preset as shorthand for one target."""
        if isinstance(data, dict):
            data = dict(data)
            for key in ("target", "device"):
                if key in data and "targets" not in data:
                    data["targets"] = [data.pop(key)]
        return data

    @field_validator("targets")
    @classmethod
    def _non_empty(cls, v: tuple[TargetSpec, ...]) -> tuple[TargetSpec, ...]:
        if not v:
            raise ValueError("no targets: add at least one device under 'targets'")
        if len(v) > 50:
            raise ValueError(
                "at most 50 targets per file (screen a fleet with 'feasibility screen')"
            )
        return v
