"""The catalog files as wholes: each shipped file's top-level shape and a user's ``--catalog``
overlay."""

from __future__ import annotations

from typing import Literal

from feasibility.schema.devices import Device, PlatformModel
from feasibility.schema.fields import (
    Strict,
)
from feasibility.schema.language_models import License, ModelEntry
from feasibility.schema.quantizations import Quantization
from feasibility.schema.runtimes import Runtime


class ModelsFile(Strict):
    schema_version: Literal[1] = 1
    licenses: tuple[License, ...] = ()
    models: tuple[ModelEntry, ...] = ()


class DevicesFile(Strict):
    schema_version: Literal[1] = 1
    devices: tuple[Device, ...] = ()
    platform_models: tuple[PlatformModel, ...] = ()


class RuntimesFile(Strict):
    schema_version: Literal[1] = 1
    runtimes: tuple[Runtime, ...] = ()


class QuantizationsFile(Strict):
    schema_version: Literal[1] = 1
    quantizations: tuple[Quantization, ...] = ()


class CatalogOverlay(Strict):
    """A user's ``--catalog`` file: any of the four sections; entries add or replace by id."""

    schema_version: Literal[1] = 1
    licenses: tuple[License, ...] = ()
    models: tuple[ModelEntry, ...] = ()
    devices: tuple[Device, ...] = ()
    platform_models: tuple[PlatformModel, ...] = ()
    runtimes: tuple[Runtime, ...] = ()
    quantizations: tuple[Quantization, ...] = ()
