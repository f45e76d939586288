"""The catalog: sorted, immutable lookups over models, quantizations, runtimes and devices.

Loaded once per process (cached per data directory and overlay list). Entries are sorted by id on
load so that every enumeration downstream is in a defined order, whatever the file order. A
``--catalog`` overlay adds or replaces entries by id and is validated exactly like the shipped
files; then every cross-reference (model -> licence, runtime -> quantization, device -> platform
model) is checked, so a broken overlay is reported as the user's error, not as a crash later.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TypeVar

from feasibility import disk_cache
from feasibility.errors import CatalogError, Problem, UnknownIdError
from feasibility.loader import load_yaml, validate
from feasibility.schema import (
    Artifact,
    ArtifactDefault,
    ArtifactsFile,
    CatalogOverlay,
    Chipset,
    Device,
    DevicesFile,
    License,
    ModelEntry,
    ModelsFile,
    PlatformModel,
    Quantization,
    QuantizationsFile,
    Runtime,
    RuntimesFile,
)
from feasibility.schema.artifacts import ArtifactStatus
from feasibility.units import did_you_mean

E = TypeVar("E", License, ModelEntry, Quantization, Runtime, Device, PlatformModel)


def data_dir() -> Path:
    """Installed wheels carry ``feasibility/data``; a source checkout has ``data/`` at the top."""
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    if (packaged / "models.yaml").is_file():
        return packaged
    return here.parent / "data"


def _by_id(entries: Iterable[E]) -> dict[str, E]:
    return {e.id: e for e in sorted(entries, key=lambda e: e.id)}


@dataclass(frozen=True)
class Catalog:
    licenses: Mapping[str, License]
    models: Mapping[str, ModelEntry]
    quantizations: Mapping[str, Quantization]
    runtimes: Mapping[str, Runtime]
    devices: Mapping[str, Device]
    platform_models: Mapping[str, PlatformModel]
    version: str = ""
    """Content hash of the catalog files: provenance for reports, stable across machines."""
    overlays: tuple[str, ...] = field(default_factory=tuple)
    # -- published artifacts (data/artifacts.yaml) ------------------------------------------
    artifacts: tuple[Artifact, ...] = ()
    artifact_defaults: tuple[ArtifactDefault, ...] = ()
    chipsets: tuple[Chipset, ...] = ()

    # -- lookups with suggestions ---------------------------------------------------------
    def model(self, model_id: str) -> ModelEntry:
        return self._get(self.models, model_id, "model")

    def quantization(self, quant_id: str) -> Quantization:
        if quant_id not in self.quantizations:
            for q in self.quantizations:  # Q4_K_M vs q4_k_m: accept the case-insensitive match
                if q.lower() == quant_id.lower():
                    return self.quantizations[q]
        return self._get(self.quantizations, quant_id, "quantization")

    def runtime(self, runtime_id: str) -> Runtime:
        return self._get(self.runtimes, runtime_id, "runtime")

    def device(self, device_id: str) -> Device:
        return self._get(self.devices, device_id, "device preset")

    @staticmethod
    def _get(table: Mapping[str, E], key: str, what: str) -> E:
        try:
            return table[key]
        except KeyError:
            raise UnknownIdError(
                f"unknown {what} '{key}'{did_you_mean(key, table)}"
                f" (list them with 'feasibility {_LIST_COMMAND[what]}')"
            ) from None

    def license_of(self, model: ModelEntry) -> License:
        return self.licenses[model.license]

    def runtimes_for(self, quant_id: str) -> list[Runtime]:
        return [r for r in self.runtimes.values() if quant_id in r.quantizations]

    # -- published artifacts ----------------------------------------------------------------
    def artifact(self, model_id: str, runtime_id: str, quant_id: str) -> Artifact:
        """How this model is obtained for this runtime and quantization, with its source.

        The first entry of data/artifacts.yaml naming the model, runtime and quantization (an
        entry without ``quants`` covers them all); otherwise the runtime's default for that
        quantization (for example "unsupported: not an AI Hub model"); otherwise convertible
        with the runtime's own tooling, sourced by the runtime's entry.
        """
        entry = self.artifact_entry(model_id, runtime_id, quant_id)
        if entry.model:
            return entry
        # Copied, not validated again: the default was built from validated entries.
        return entry.model_copy(update={"model": model_id, "quants": (quant_id,)})

    def artifact_entry(self, model_id: str, runtime_id: str, quant_id: str) -> Artifact:
        """The entry that decides :meth:`artifact`: an artifacts.yaml entry, or a runtime
        default shared by every model it covers (its ``model`` and ``quants`` empty). The engine
        asks for every candidate, thousands per check, and reads only what the entry decides
        (status, kind, repository, reason, sources), so it takes the shared default uncopied."""
        for a in self._artifacts_by_pair.get((model_id, runtime_id), ()):
            if not a.quants or quant_id in a.quants:
                return a
        return self._default_artifact(runtime_id, quant_id)

    def _default_artifact(self, runtime_id: str, quant_id: str) -> Artifact:
        """The runtime's default for builds no entry names (the model and quantization are
        filled in by :meth:`artifact`), one object per runtime default."""
        for i, d in enumerate(self.artifact_defaults):
            if d.runtime == runtime_id and (not d.quants or quant_id in d.quants):
                return self._shared_default(i, runtime_id, d.status, d.reason, d.sources)
        reason = "the runtime's own tooling converts this architecture"
        sources = self.runtime(runtime_id).sources
        return self._shared_default(runtime_id, runtime_id, "convertible", reason, sources)

    def _shared_default(
        self,
        key: int | str,
        runtime_id: str,
        status: ArtifactStatus,
        reason: str,
        sources: tuple[str, ...],
    ) -> Artifact:
        """The default artifact stored under ``key``, built once from validated entries (so not
        validated again), naming no model."""
        hit = self._default_protos.get(key)
        if hit is None:
            hit = self._default_protos[key] = Artifact.model_construct(
                model="",
                runtime=runtime_id,
                quants=(),
                status=status,
                kind="convert" if status == "convertible" else "none",
                reason=reason,
                sources=sources,
                values={},  # given: a default factory would be inspected per call
            )
        return hit

    @cached_property
    def _default_protos(self) -> dict[int | str, Artifact]:
        """Default artifacts by the index of their entry, or by runtime id for a runtime's
        fallback."""
        return {}

    @cached_property
    def _artifacts_by_pair(self) -> dict[tuple[str, str], tuple[Artifact, ...]]:
        """Entries per (model, runtime), in file order (the engine asks for every candidate)."""
        index: dict[tuple[str, str], tuple[Artifact, ...]] = {}
        for a in self.artifacts:
            index[(a.model, a.runtime)] = (*index.get((a.model, a.runtime), ()), a)
        return index

    def chipset(self, device: Device) -> Chipset | None:
        """The vendor-tool ids of the device's chip, when the catalog knows them."""
        for c in self.chipsets:
            if any(m in device.soc for m in c.match):
                return c
        return None


_LIST_COMMAND = {
    "model": "models",
    "quantization": "quants",
    "runtime": "runtimes",
    "device preset": "devices",
}


def _check_references(cat: Catalog, source: str) -> None:
    problems: list[Problem] = []
    for m in cat.models.values():
        if m.license not in cat.licenses:
            problems.append(
                Problem(
                    f"unknown license '{m.license}'{did_you_mean(m.license, cat.licenses)}",
                    path=f"models[{m.id}].license",
                )
            )
    for r in cat.runtimes.values():
        for q in r.quantizations:
            if q not in cat.quantizations:
                problems.append(
                    Problem(
                        f"unknown quantization '{q}'{did_you_mean(q, cat.quantizations)}",
                        path=f"runtimes[{r.id}].quantizations",
                    )
                )
    for d in cat.devices.values():
        for pm in d.platform_models:
            if pm not in cat.platform_models:
                problems.append(
                    Problem(
                        f"unknown platform model '{pm}'", path=f"devices[{d.id}].platform_models"
                    )
                )
    problems.extend(_artifact_references(cat))
    if problems:
        raise CatalogError("has broken references", source=source, problems=tuple(problems))


def _artifact_references(cat: Catalog) -> list[Problem]:
    """Artifact entries name catalog models, runtimes and quantizations the runtime loads."""
    problems = []
    for i, a in enumerate(cat.artifacts):
        path = f"artifacts[{i}]"
        if a.model not in cat.models:
            problems.append(Problem(f"unknown model '{a.model}'", path=f"{path}.model"))
        if a.runtime not in cat.runtimes:
            problems.append(Problem(f"unknown runtime '{a.runtime}'", path=f"{path}.runtime"))
            continue
        loaded = cat.runtimes[a.runtime].quantizations
        problems.extend(
            Problem(f"runtime '{a.runtime}' does not load '{q}'", path=f"{path}.quants")
            for q in a.quants
            if q not in loaded
        )
    return problems


def _read(
    path: Path,
    schema: type[ModelsFile]
    | type[DevicesFile]
    | type[RuntimesFile]
    | type[QuantizationsFile]
    | type[ArtifactsFile]
    | type[CatalogOverlay],
) -> tuple[object, bytes]:
    doc = load_yaml(path, error=CatalogError)
    return validate(doc, schema, error=CatalogError, what="catalog file"), path.read_bytes()


def _duplicates(entries: Sequence[E], section: str, source: str) -> None:
    seen: set[str] = set()
    dups = sorted({e.id for e in entries if e.id in seen or seen.add(e.id)})  # type: ignore[func-returns-value]
    if dups:
        raise CatalogError(
            "has duplicate ids",
            source=source,
            problems=tuple(Problem(f"duplicate id '{d}'", path=section) for d in dups),
        )


_SHIPPED: tuple[
    tuple[str, type[ModelsFile | DevicesFile | RuntimesFile | QuantizationsFile | ArtifactsFile]],
    ...,
] = (
    ("models.yaml", ModelsFile),
    ("devices.yaml", DevicesFile),
    ("runtimes.yaml", RuntimesFile),
    ("quantizations.yaml", QuantizationsFile),
    ("artifacts.yaml", ArtifactsFile),
)


def _content(raw: bytes) -> bytes:
    """The file without its whole-line comments and blank lines: the catalog version (printed in
    every report) must not change when only a comment does."""
    lines = raw.splitlines()
    return b"\n".join(x for x in lines if x.strip() and not x.lstrip().startswith(b"#"))


def _read_shipped(base: Path) -> tuple[dict[str, object], bytes]:
    """The five catalog files, validated; the validated objects are cached on disk.

    Parsing ~200 KB of YAML costs about as much as a whole evaluation, and validating it again
    from JSON costs a tenth of a check's start-up; unpickling the validated objects costs a few
    milliseconds. The cache file is keyed by the SHA-256 of the catalog files and by the hash of
    the code that parses and validates them (:data:`feasibility.disk_cache.SOURCES`, which lists
    the schema modules the pickled classes live in), so an edited catalog or schema is re-read,
    and a missing, damaged or unwritable cache only costs time. The result is identical either
    way (the catalog test compares both paths). The file is only ever read from the user's own
    cache folder, which the user alone can write.
    """
    raws = {}
    for name, _ in _SHIPPED:
        try:
            raws[name] = (base / name).read_bytes()
        except OSError as exc:
            raise CatalogError(
                f"cannot read the catalog: {exc.strerror or exc}", source=str(base / name)
            ) from None
    digest = hashlib.sha256()
    for name, _ in _SHIPPED:
        digest.update(_content(raws[name]))
    key = digest.hexdigest()
    cached = disk_cache.cache_file(disk_cache.CATALOG, key[:32], suffix=".pickle")
    if cached is not None and cached.is_file():
        files = _unpickle(cached)
        if files is not None:
            return files, key.encode()
    files = {name: _read(base / name, schema)[0] for name, schema in _SHIPPED}
    if cached is not None:
        blob = pickle.dumps(files, protocol=pickle.HIGHEST_PROTOCOL)
        disk_cache.write_atomically(disk_cache.CATALOG, cached, blob)
    return files, key.encode()


def _unpickle(path: Path) -> dict[str, object] | None:
    """The cached catalog files, or None when the file is damaged or not what this code wrote
    (then it is re-read from YAML and rewritten)."""
    try:
        files = pickle.loads(path.read_bytes())
    except Exception:  # a damaged pickle can raise almost anything; it only costs a re-read
        return None
    if not isinstance(files, dict) or any(
        not isinstance(files.get(name), schema) for name, schema in _SHIPPED
    ):
        return None
    return files


@lru_cache(maxsize=8)
def _load(directory: str, overlays: tuple[str, ...]) -> Catalog:
    base = Path(directory)
    files, key = _read_shipped(base)
    digest = hashlib.sha256(key)
    mf: ModelsFile = files["models.yaml"]  # type: ignore[assignment]
    df: DevicesFile = files["devices.yaml"]  # type: ignore[assignment]
    rf: RuntimesFile = files["runtimes.yaml"]  # type: ignore[assignment]
    qf: QuantizationsFile = files["quantizations.yaml"]  # type: ignore[assignment]
    for entries, section, src in (
        (mf.licenses, "licenses", "models.yaml"),
        (mf.models, "models", "models.yaml"),
        (df.devices, "devices", "devices.yaml"),
        (df.platform_models, "platform_models", "devices.yaml"),
        (rf.runtimes, "runtimes", "runtimes.yaml"),
        (qf.quantizations, "quantizations", "quantizations.yaml"),
    ):
        _duplicates(entries, section, str(base / src))  # type: ignore[type-var]
    tables: dict[str, dict[str, object]] = {
        "licenses": dict(_by_id(mf.licenses)),
        "models": dict(_by_id(mf.models)),
        "quantizations": dict(_by_id(qf.quantizations)),
        "runtimes": dict(_by_id(rf.runtimes)),
        "devices": dict(_by_id(df.devices)),
        "platform_models": dict(_by_id(df.platform_models)),
    }
    for overlay in overlays:
        ov_obj, raw = _read(Path(overlay), CatalogOverlay)
        ov: CatalogOverlay = ov_obj  # type: ignore[assignment]
        digest.update(_content(raw))
        for section in tables:
            entries = getattr(ov, section)
            _duplicates(entries, section, overlay)
            for e in entries:
                tables[section][e.id] = e
    af: ArtifactsFile = files["artifacts.yaml"]  # type: ignore[assignment]
    cat = Catalog(
        **{k: dict(sorted(v.items())) for k, v in tables.items()},  # type: ignore[arg-type]
        version=digest.hexdigest()[:12],
        overlays=overlays,
        artifacts=af.artifacts,
        artifact_defaults=af.defaults,
        chipsets=af.chipsets,
    )
    _check_references(cat, overlays[-1] if overlays else str(base))
    return cat


def load_catalog(
    extra: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    *,
    directory: str | os.PathLike[str] | None = None,
) -> Catalog:
    """Load the shipped catalog, plus overlay files that add or replace entries by id.

    Raises:
        CatalogError: a catalog or overlay file is missing, invalid or has broken references.
    """
    if extra is None:
        overlays: tuple[str, ...] = ()
    elif isinstance(extra, (str, os.PathLike)):
        overlays = (str(extra),)
    else:
        overlays = tuple(str(e) for e in extra)
    return _load(str(directory or data_dir()), overlays)
