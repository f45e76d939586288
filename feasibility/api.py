"""The library API: the same decisions the CLI renders, as typed results.

``check`` accepts a path, a dict or a :class:`~feasibility.schema.Spec`; ``estimate`` accepts ids
or catalog entries. Nothing here prints or exits; every expected failure raises
:class:`~feasibility.errors.FeasibilityError` (``InputError`` for the caller's input).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from feasibility.catalog import Catalog, load_catalog
from feasibility.errors import InputError
from feasibility.schema import ACCELERATORS, Device, ModelEntry, Quantization, Runtime, Spec
from feasibility.verdict import Assessment

SpecLike = str | os.PathLike[str] | Mapping[str, Any] | Spec


def load_spec(spec: SpecLike) -> tuple[Spec, str]:
    """Validate a device.yaml (path), a dict or a Spec; return it with its display name."""
    from feasibility.loader import Document, load_yaml, validate

    if isinstance(spec, Spec):
        return spec, "<spec>"
    if isinstance(spec, Mapping):
        return validate(Document(dict(spec), {}, "<dict>"), Spec, what="device file"), "<dict>"
    if isinstance(spec, (str, os.PathLike)):
        doc = load_yaml(spec)
        return validate(doc, Spec, what="device file"), str(spec)
    raise InputError(f"expected a path, a dict or a Spec, got {type(spec).__name__}")


def use_layout_store() -> None:
    """Serve GGUF layout figures from the on-disk store (see ``estimator.layout_store``)."""
    from feasibility.estimator import layout_store

    layout_store.load()


def check(
    spec: SpecLike,
    *,
    catalog: Catalog | None = None,
    extra_catalogs: Sequence[str | os.PathLike[str]] = (),
) -> Assessment:
    """Evaluate a device/service spec and return the assessment the CLI renders.

    Raises:
        InputError: the spec is invalid (with file, field path and line where known).
        CatalogError: an overlay catalog is invalid.
    """
    from feasibility.engine import evaluate

    cat = catalog or load_catalog(list(extra_catalogs) or None)
    use_layout_store()
    parsed, name = load_spec(spec)
    try:
        return evaluate(cat, parsed, name)
    except InputError as exc:
        if not isinstance(spec, (str, os.PathLike)):
            raise
        from feasibility.loader import locate

        raise locate(exc, spec) from None  # name the file and give each problem its line


def resolve_device(value: str, catalog: Catalog) -> Device:
    """A preset id, or a device.yaml path whose first target is used."""
    if value in catalog.devices or not os.path.exists(value):
        return catalog.device(value)
    from feasibility.engine import resolve_first_device

    parsed, name = load_spec(value)
    return resolve_first_device(parsed, catalog, name)


def estimate(
    model: str | ModelEntry,
    quantization: str | Quantization,
    context_tokens: int = 2048,
    device: str | Device | None = None,
    bandwidth_gbs: float | None = None,
    backend: str | None = None,
    *,
    runtime: str | Runtime | None = None,
    kv_type: str = "f16",
    catalog: Catalog | None = None,
    inputs: tuple[str, ...] = ("text",),
    images: int = 1,
    audio_seconds: float | None = None,
) -> Any:
    """Memory and speed estimate for one model and quantization (see ``feasibility estimate``).

    ``inputs`` with ``image`` or ``audio`` adds the model's encoders (``encoder_bytes``, in the
    total), their tokens (``images`` per request, ``audio_seconds`` of audio) to the KV cache and
    the prefill, and their time to the time to first token.

    Returns an :class:`feasibility.estimator.Estimate`; ``model_dump()`` gives the JSON keys.

    Raises:
        UnknownIdError: an id is not in the catalog (with the nearest valid id).
        InputError: an argument is out of range.
    """
    from feasibility.estimator import estimate as _estimate

    cat = catalog or load_catalog()
    use_layout_store()
    m = model if isinstance(model, ModelEntry) else cat.model(model)
    q = quantization if isinstance(quantization, Quantization) else cat.quantization(quantization)
    d = device if isinstance(device, Device) or device is None else resolve_device(device, cat)
    r = runtime if isinstance(runtime, Runtime) or runtime is None else cat.runtime(runtime)
    if not 1 <= context_tokens <= 1_048_576:
        raise InputError(f"context_tokens must be between 1 and 1,048,576 (got {context_tokens})")
    if bandwidth_gbs is not None and not 0 < bandwidth_gbs <= 10_000:
        raise InputError(f"bandwidth_gbs must be between 0 and 10,000 GB/s (got {bandwidth_gbs})")
    if backend is not None and backend not in ACCELERATORS:
        raise InputError(f"backend must be cpu, gpu or npu (got {backend!r})")
    return _estimate(
        m,
        q,
        context_tokens,
        device=d,
        runtime=r,
        bandwidth_gbs=bandwidth_gbs,
        backend=backend,
        kv_type=kv_type,
        media=_media(m, q, r, inputs, images, audio_seconds),
    )


def _media(
    model: ModelEntry,
    quant: Quantization,
    runtime: Runtime | None,
    inputs: tuple[str, ...],
    images: int,
    audio_seconds: float | None,
) -> Any:
    """The encoders an estimate with images or audio adds (None for text only).

    Without a runtime, the encoder file is the one of the runtime that loads this quantization's
    format (llama.cpp for GGUF, MLX for MLX), else the first one the catalog records.
    """
    from pydantic import ValidationError

    from feasibility.estimator.encoder import media_cost
    from feasibility.schema import Service

    try:
        service = Service(
            inputs=inputs,
            images_per_request=images,
            audio_seconds_per_request=audio_seconds,
        )
    except ValidationError as e:
        raise InputError(f"inputs: {e.errors()[0]['msg']}") from None
    if not service.media:
        return None
    missing = [x for x in service.media if model.encoder(x) is None]
    if missing:
        raise InputError(
            f"{model.id} reads {' and '.join(model.inputs)} only, not {' or '.join(missing)}: "
            f"choose a model with that encoder (feasibility models --input {missing[0]})"
        )
    rid = runtime.id if runtime is not None else _encoder_runtime(model, quant, service.media)
    cost = media_cost(model, rid, service)
    if cost is None:
        runners = sorted({b.runtime for e in model.encoders for b in e.builds})
        raise InputError(
            f"{rid} does not run {model.id}'s encoders; runtimes that do: {', '.join(runners)}"
        )
    return cost


_FORMAT_RUNTIME = {"gguf": "llama.cpp", "mlx": "mlx"}


def _encoder_runtime(model: ModelEntry, quant: Quantization, media: tuple[str, ...]) -> str:
    enc = model.encoder(media[0])
    assert enc is not None
    ids = [b.runtime for b in enc.builds]
    preferred = _FORMAT_RUNTIME.get(quant.format)
    return preferred if preferred in ids else (ids[0] if ids else "llama.cpp")
