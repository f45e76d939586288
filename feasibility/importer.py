"""Bring your own model: a Hugging Face ``config.json`` (or a GGUF header) -> a catalog entry.

Why: the catalog cannot hold every fine-tune, and an entry written by hand is easy to get wrong
(head_dim, kv heads, tied embeddings all move the memory estimate). The architecture is read from
the config, the parameter count is computed with :func:`feasibility.arch.count_params` (the same
arithmetic the catalog test checks), and the facts a config cannot tell (licence, languages,
sources) are left as clearly marked placeholders, unless given as options. Placeholders are
chosen so that a forgotten one fails loudly (an unknown licence id is a catalog error; no
languages means the language rule answers "unknown" and blocks) rather than passing silently.

The output is a ``--catalog`` overlay (``models: [...]``) in YAML with comments.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from feasibility.arch import count_params
from feasibility.errors import InputError, Problem
from feasibility.schema import LANGUAGES, Architecture, MoE

FILL = "FILL IN"
TIED_BY_DEFAULT = frozenset({"gemma", "gemma2", "gemma3", "gemma3_text", "gemma3n_text"})
"""HF config classes whose ``tie_word_embeddings`` defaults to true (most default to false)."""
QKV_BIAS = frozenset({"qwen2", "qwen2_moe"})
"""Types with q/k/v biases that their configs do not state."""
QK_NORM = frozenset({"qwen3", "qwen3_moe", "gemma3", "gemma3_text", "olmo2"})
FUSED_QKV = frozenset({"phi3"})
PLAIN_MLP = frozenset({"gpt2", "gpt_neox", "phi", "starcoder2", "falcon", "gpt_bigcode"})
"""Types with a two-matrix MLP instead of a gated one."""
GGUF_TO_HF = {"gemma3": "gemma3_text", "qwen2moe": "qwen2_moe", "qwen3moe": "qwen3_moe"}
"""GGUF ``general.architecture`` names that differ from HF ``model_type`` (Mistral is 'llama')."""


def _int(cfg: Mapping[str, Any], *keys: str, default: int | None = None) -> int:
    for k in keys:
        v = cfg.get(k)
        if isinstance(v, bool):
            continue
        if isinstance(v, int):
            return v
        if isinstance(v, float) and v.is_integer():
            return int(v)
    if default is not None:
        return default
    raise InputError(
        f"the config has no '{keys[0]}'",
        problems=(Problem("required to size the model", path=keys[0]),),
    )


def _sliding(cfg: Mapping[str, Any], model_type: str, layers: int) -> tuple[int | None, int]:
    """(window, local layers): only when the config really applies a window."""
    window = cfg.get("sliding_window")
    if not isinstance(window, int) or window <= 0 or cfg.get("use_sliding_window") is False:
        return None, 0
    types = cfg.get("layer_types")
    if isinstance(types, list) and types:
        return window, sum(1 for t in types if t == "sliding_attention")
    if model_type == "gemma2":
        return window, layers // 2  # alternating local/global
    pattern = cfg.get("sliding_window_pattern")
    if model_type.startswith("gemma3") and isinstance(pattern, int) and pattern > 0:
        return window, layers - layers // pattern  # every pattern-th layer is global
    if window >= _int(cfg, "max_position_embeddings", default=0):
        return None, 0  # a window as long as the context changes nothing
    return window, layers


def architecture_from_config(config: Mapping[str, Any]) -> Architecture:
    """An :class:`Architecture` from a HF ``config.json`` dict (text decoder only).

    Multimodal configs are read through their ``text_config``. Defaults follow transformers:
    ``num_key_value_heads`` = heads, ``head_dim`` = hidden / heads.

    Raises:
        InputError: a field needed to size the model is missing or inconsistent.
    """
    cfg: Mapping[str, Any] = config
    text = config.get("text_config")
    if isinstance(text, Mapping):
        cfg = {**{k: v for k, v in config.items() if k != "text_config"}, **text}
    model_type = str(cfg.get("model_type") or config.get("model_type") or "").lower()
    if not model_type:
        raise InputError("the config has no 'model_type' (is this a transformers config.json?)")
    layers = _int(cfg, "num_hidden_layers", "n_layer", "num_layers")
    hidden = _int(cfg, "hidden_size", "n_embd", "d_model")
    heads = _int(cfg, "num_attention_heads", "n_head")
    kv_heads = _int(cfg, "num_key_value_heads", "num_kv_heads", default=heads)
    head_dim = _int(cfg, "head_dim", default=hidden // heads)
    inter = _int(cfg, "intermediate_size", "n_inner", "ffn_hidden_size", default=4 * hidden)
    vocab = _int(cfg, "vocab_size")
    tied = cfg.get("tie_word_embeddings")
    if not isinstance(tied, bool):
        tied = model_type in TIED_BY_DEFAULT
    window, local = _sliding(cfg, model_type, layers)
    moe = None
    experts = _int(cfg, "num_local_experts", "num_experts", "n_routed_experts", default=0)
    if experts > 1:
        moe = MoE(
            experts=experts,
            active_experts=_int(cfg, "num_experts_per_tok", "num_experts_per_token", default=2),
            expert_intermediate_size=_int(cfg, "moe_intermediate_size", default=inter),
            shared_expert_intermediate_size=_int(cfg, "shared_expert_intermediate_size", default=0),
        )
    attention_bias = cfg.get("attention_bias")
    try:
        return Architecture(
            type=model_type,
            layers=layers,
            hidden_size=hidden,
            attention_heads=heads,
            kv_heads=kv_heads,
            head_dim=head_dim,
            intermediate_size=inter,
            vocab_size=vocab,
            tied_embeddings=tied,
            max_context=_int(
                cfg, "max_position_embeddings", "n_positions", "seq_length", default=2048
            ),
            gated_ffn=model_type not in PLAIN_MLP,
            qkv_bias=bool(attention_bias)
            if isinstance(attention_bias, bool)
            else model_type in QKV_BIAS,
            qk_norm=model_type in QK_NORM,
            fused_qkv=model_type in FUSED_QKV,
            sliding_window=window,
            sliding_window_layers=local,
            moe=moe,
        )
    except ValidationError as exc:
        problems = tuple(
            Problem(str(e["msg"]), path=".".join(str(p) for p in e["loc"]))
            for e in exc.errors(include_url=False)
        )
        raise InputError(
            "describes an architecture the catalog cannot hold", problems=problems
        ) from None


# ------------------------------------------------------------------------------------------
# GGUF
# ------------------------------------------------------------------------------------------


def config_from_gguf(path: str | Path) -> dict[str, Any]:
    """A config.json-like dict from a GGUF file's header (needs ``feasibility[gguf]``)."""
    try:
        import gguf
    except ImportError:
        raise InputError(
            "reading .gguf files needs the optional 'gguf' package: "
            "pip install 'feasibility[gguf]' (or pass the model's config.json instead)",
            source=str(path),
        ) from None
    try:
        reader = gguf.GGUFReader(str(path))
    except Exception as exc:  # the reader raises plain ValueError/struct errors on bad files
        raise InputError(f"is not a readable GGUF file: {exc}", source=str(path)) from None

    def value(key: str) -> Any:
        field = reader.fields.get(key)
        if field is None:
            return None
        if hasattr(field, "contents"):
            return field.contents()
        part = field.parts[field.data[0]]  # pragma: no cover - older gguf releases
        return (
            bytes(part).decode("utf-8")
            if field.types and field.types[0].name == "STRING"
            else part[0].item()
        )

    arch = str(value("general.architecture") or "")
    if not arch:
        raise InputError("has no general.architecture in its header", source=str(path))
    tokens = reader.fields.get("tokenizer.ggml.tokens")
    vocab = value(f"{arch}.vocab_size") or (len(tokens.data) if tokens is not None else None)
    names = {t.name for t in reader.tensors}
    cfg: dict[str, Any] = {
        "model_type": GGUF_TO_HF.get(arch, arch),
        "num_hidden_layers": value(f"{arch}.block_count"),
        "hidden_size": value(f"{arch}.embedding_length"),
        "num_attention_heads": value(f"{arch}.attention.head_count"),
        "num_key_value_heads": value(f"{arch}.attention.head_count_kv"),
        "head_dim": value(f"{arch}.attention.key_length"),
        "intermediate_size": value(f"{arch}.feed_forward_length"),
        "max_position_embeddings": value(f"{arch}.context_length"),
        "sliding_window": value(f"{arch}.attention.sliding_window"),
        "vocab_size": vocab,
        "tie_word_embeddings": "output.weight" not in names,
        "num_local_experts": value(f"{arch}.expert_count"),
        "num_experts_per_tok": value(f"{arch}.expert_used_count"),
        "moe_intermediate_size": value(f"{arch}.expert_feed_forward_length"),
        "_name": value("general.name"),
    }
    return {k: v for k, v in cfg.items() if v is not None}


# ------------------------------------------------------------------------------------------
# The overlay entry
# ------------------------------------------------------------------------------------------


def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")
    return s[:80] or "my-model"


def _yaml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def import_model(
    path: str | Path,
    *,
    model_id: str | None = None,
    hf_repo: str | None = None,
    license_id: str | None = None,
    languages: Sequence[str] | None = None,
) -> str:
    """Read ``path`` (config.json, a directory holding one, or a .gguf) -> overlay YAML text.

    Raises:
        InputError: unreadable file, missing architecture fields, or a bad option value.
    """
    p = Path(path)
    if p.is_dir():
        p = p / "config.json"
    if not p.is_file():
        raise InputError("file not found", source=str(p))
    if p.suffix.lower() == ".gguf":
        cfg = config_from_gguf(p)
        default_name = str(cfg.pop("_name", "") or p.stem)
    else:
        try:
            cfg = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"is not a readable JSON config: {exc}", source=str(p)) from None
        if not isinstance(cfg, dict):
            raise InputError("expected a JSON object (a transformers config.json)", source=str(p))
        default_name = str(cfg.get("_name_or_path") or "")
    try:
        arch = architecture_from_config(cfg)
    except InputError as exc:
        exc.source = str(p)
        raise
    if hf_repo is not None and not re.fullmatch(r"[A-Za-z0-9._-]+/[A-Za-z0-9._-]+", hf_repo):
        raise InputError(f"--hf-repo must look like org/name (got {hf_repo!r})")
    if languages is not None:
        bad = [code for code in languages if code not in LANGUAGES]
        if bad:
            raise InputError(
                f"--languages: unknown ISO 639-1 code(s) {', '.join(bad)}; known: "
                + ", ".join(sorted(LANGUAGES))
            )
    name = _model_name(p, hf_repo, default_name, model_id)
    mid = model_id or _slug(name)
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", mid) or len(mid) > 80:
        raise InputError(f"--id must be lowercase letters, digits, '.', '_' or '-' (got {mid!r})")
    params = count_params(arch)
    return _render(mid, name, hf_repo, license_id, languages, arch, params, p.name)


def _model_name(p: Path, hf_repo: str | None, in_file: str, model_id: str | None) -> str:
    """The model's name: the repo, else the name the file records, else the file's own name.

    Never the directory's name: a config.json sits in a folder such as ``configs/`` or a
    snapshot hash that says nothing about the model. A file named ``config.json`` that records
    no name gives no name at all, so the id must then be given.
    """
    if hf_repo:
        return hf_repo.split("/", 1)[1]
    name = in_file.rstrip("/").split("/")[-1]
    if name:
        return name
    if p.stem.lower() != "config":
        return p.stem
    if model_id:
        return model_id
    raise InputError(
        "records no model name (no _name_or_path): give the id with --id (or --hf-repo)",
        source=str(p),
    )


_ARCH_ORDER: tuple[str, ...] = (
    "type",
    "layers",
    "hidden_size",
    "attention_heads",
    "kv_heads",
    "head_dim",
    "intermediate_size",
    "vocab_size",
    "tied_embeddings",
    "max_context",
)
"""Required architecture fields, written first and always (even when equal to a default)."""


def _render(
    mid: str,
    name: str,
    hf_repo: str | None,
    license_id: str | None,
    languages: Sequence[str] | None,
    arch: Architecture,
    params: int,
    source_file: str,
) -> str:
    org = hf_repo.split("/", 1)[0] if hf_repo else None
    a = arch.model_dump(exclude_defaults=True)
    for key in _ARCH_ORDER:
        a.setdefault(key, getattr(arch, key))
    keys = list(_ARCH_ORDER) + sorted(k for k in a if k not in _ARCH_ORDER)

    def scalar(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, dict):
            return "{" + ", ".join(f"{k}: {scalar(x)}" for k, x in v.items()) + "}"
        return str(v)

    fill = f"  # <- {FILL}"
    lines = [
        f"# Catalog overlay generated by 'feasibility import-model {source_file}'.",
        "# The architecture and params come from the config; check every line marked FILL IN",
        "# against the model card, then use it with: feasibility check device.yaml --catalog "
        "THIS_FILE",
        "schema_version: 1",
        "models:",
        f"  - id: {mid}",
        f"    name: {_yaml_str(name)}",
    ]
    if hf_repo:
        lines.append(f"    hf_repo: {hf_repo}")
        lines.append(f"    family: {_yaml_str(name)}                # edit: groups variants")
        lines.append(f"    developer: {_yaml_str(org or '')}")
    else:
        lines.append(f"    hf_repo: fill-in/{mid}{fill}: the Hugging Face repo (org/name)")
        lines.append(f"    family: {_yaml_str(name)}{fill}: the model family")
        lines.append(f"    developer: {_yaml_str(FILL)}{fill}: who publishes it")
    lines.append(
        f"    params: {params}                # computed from the architecture "
        "(feasibility.arch.count_params)"
    )
    lines.append(
        f"    context_tokens: {arch.max_context}            # edit if the card advertises "
        "a different window"
    )
    lines.append("    architecture:")
    for k in keys:
        lines.append(f"      {k}: {scalar(a[k])}")
    if license_id:
        lines.append(f"    license: {license_id}")
    else:
        lines.append(
            f"    license: fill-in{fill}: a licence id (apache-2.0, mit, ...; a new "
            "one needs a 'licenses:' entry)"
        )
    if languages:
        lines.append(f"    languages: [{', '.join(sorted(set(languages)))}]")
    else:
        lines.append(
            f"    languages: []{fill}: ISO 639-1 codes the card lists (empty = only unknown)"
        )
    lines.append(
        f"    strengths: []{fill} (optional): tasks the card names (chat, summarization, ...)"
    )
    lines.append("    verification: C                  # facts not yet checked against the card")
    if hf_repo:
        lines.append(f"    sources: [https://huggingface.co/{hf_repo}]")
    else:
        lines.append(
            f"    sources: [https://huggingface.co/fill-in/{mid}]{fill}: the model card URL"
        )
    lines.append(f"    notes: {_yaml_str('Imported from ' + source_file + '.')}")
    return "\n".join(lines) + "\n"
