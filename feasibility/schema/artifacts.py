"""Catalog schema of published artifacts and the runtimes' conversion support
(``data/artifacts.yaml``)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, model_validator

from feasibility.schema.fields import (
    Id,
    PositiveInt,
    Sources,
    Strict,
)

ArtifactStatus = Literal["published", "convertible", "unsupported"]
ARTIFACT_STATUSES: tuple[str, ...] = ("published", "convertible", "unsupported")
"""Ranking order: a published build beats one the runtime's tooling converts at equal fit."""
ArtifactKind = Literal[
    "convert", "gguf", "hf-dir", "hf-file", "aihub-export", "aihub-precompiled", "none"
]
"""How a pipeline obtains the build: ``convert`` with the runtime's tooling; ``gguf`` /
``hf-file`` one published file; ``hf-dir`` a published folder; ``aihub-export`` AI Hub's exporter
compiles the model's bundle; ``aihub-precompiled`` AI Hub's precompiled assets, bundled by hand;
``none`` no build (unsupported)."""
_KIND_STATUS: dict[str, str] = {
    "convert": "convertible",
    "none": "unsupported",
}
_HF_REPO = re.compile(r"^[A-Za-z0-9._-]+/[A-Za-z0-9._-]+$")


class Artifact(Strict):
    """How a model is obtained for one runtime (and some of its quantizations).

    ``published``: an exact repository or bundle exists (``repo``, ``file``). ``convertible``: the
    runtime's own tooling converts the model, with the per-model ids in ``values`` (an AI Hub
    model name, an ExecuTorch decoder name, a conversation template). ``unsupported``: no build
    can be made, and ``reason`` says why.
    """

    model: Id
    runtime: Id
    quants: tuple[str, ...] = ()
    """Quantization ids this covers (empty: every quantization the runtime loads)."""
    status: ArtifactStatus
    kind: ArtifactKind
    repo: str | None = None
    """Hugging Face repository (owner/name) of a published build."""
    file: str = ""
    """File or folder inside ``repo``; ``{quant}`` / ``{quant_lower}`` stand for the id."""
    values: dict[str, str] = Field(default_factory=dict)
    """Per-model ids the runtime's tooling needs (pipeline placeholders of the same name)."""
    reason: str = ""
    sources: Sources

    @model_validator(mode="after")
    def _consistent(self) -> Artifact:
        expected = _KIND_STATUS.get(self.kind, "published")
        if self.status != expected:
            raise ValueError(f"kind {self.kind!r} means status {expected!r}, not {self.status!r}")
        if self.kind in ("gguf", "hf-dir", "hf-file") and (
            self.repo is None or not _HF_REPO.match(self.repo)
        ):
            raise ValueError(f"a {self.kind!r} artifact needs repo: owner/name")
        if self.kind in ("gguf", "hf-file") and not self.file:
            raise ValueError(f"a {self.kind!r} artifact names its file")
        if self.status == "unsupported" and not self.reason:
            raise ValueError("an unsupported artifact says why (reason)")
        return self


class ArtifactDefault(Strict):
    """What holds for a model no ``Artifact`` entry names (default: convertible)."""

    runtime: Id
    quants: tuple[str, ...] = ()
    status: Literal["convertible", "unsupported"]
    reason: str
    sources: Sources


class Chipset(Strict):
    """Ids the vendor tools use for one chip (AI Hub ``--chipset``, ExecuTorch ``--soc_model``)."""

    id: Id
    match: tuple[str, ...]
    """Substrings of a catalog device's ``soc`` naming this chip."""
    aihub_chipset: str | None = None
    qnn_soc_model: str | None = None
    hexagon: str | None = Field(default=None, pattern=r"^v\d+$")
    """Hexagon (HTP) architecture, which names the QAIRT skeleton library folder."""
    htp_soc_id: PositiveInt | None = None
    """QNN's numeric SoC id (``soc_model`` in a Genie HTP backend config)."""
    sources: Sources


class ArtifactsFile(Strict):
    schema_version: Literal[1] = 1
    defaults: tuple[ArtifactDefault, ...] = ()
    artifacts: tuple[Artifact, ...] = ()
    chipsets: tuple[Chipset, ...] = ()
