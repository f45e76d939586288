"""GGML tensor types and llama-quantize's per-tensor type rules.

Why: a GGUF "Q4_K_M" file is not 4.5 bits everywhere. llama-quantize picks a type per tensor
(more bits for some attn_v/ffn_down layers, Q6_K or Q8_0 for the output head, fallbacks when a row
length is not a multiple of the 256-element super-block), and those choices move file sizes by
5-25 %. Reproducing the rules makes sizes byte-exact for the models checked in
/work/shared/reference/quant_internals.md §7, and right by construction for models not listed.

Sources (quant_internals.md): §1 type table (ggml/src/ggml-common.h, ggml.c ``type_traits``);
§2.2 default type per ftype, §2.3 output/embedding rules, §2.4 ``use_more_bits``, §2.5 mix rules
(``llama_tensor_get_type`` in src/llama-quant.cpp, classic version @8784689f), §2.6 shape fallback.
Re-read at upstream ggml-org/llama.cpp@0c1e57098 (the copy vendored in llama-cpp-python 0.3.36),
where ``llama_tensor_get_type_impl`` sorts tensors into categories: the per-ftype columns are
unchanged, but (a) ``attn_qkv`` joins ``attn_v``'s column (``category_is_attn_v``) and (b)
``per_layer_token_embd`` is a TOKEN_EMBD tensor, so in a model without ``output.weight`` it takes
the output head's rule like the tied ``token_embd`` (Q6_K in a Q4_K_M file, not Q4_K).
"""

from __future__ import annotations

from typing import Final

# (block elements, bytes per block) per GGML type [quant_internals.md §1].
TYPE_BLOCK: Final[dict[str, tuple[int, int]]] = {
    "F32": (1, 4),
    "F16": (1, 2),
    "BF16": (1, 2),
    "Q4_0": (32, 18),
    "Q4_1": (32, 20),
    "Q5_0": (32, 22),
    "Q5_1": (32, 24),
    "Q8_0": (32, 34),
    "Q8_1": (32, 36),
    "Q2_K": (256, 84),
    "Q3_K": (256, 110),
    "Q4_K": (256, 144),
    "Q5_K": (256, 176),
    "Q6_K": (256, 210),
    "Q8_K": (256, 292),
    "IQ1_S": (256, 50),
    "IQ1_M": (256, 56),
    "IQ2_XXS": (256, 66),
    "IQ2_XS": (256, 74),
    "IQ2_S": (256, 82),
    "IQ3_XXS": (256, 98),
    "IQ3_S": (256, 110),
    "IQ4_NL": (32, 18),
    "IQ4_XS": (256, 136),
    "TQ1_0": (256, 54),
    "TQ2_0": (256, 66),
    "MXFP4": (32, 17),
    "NVFP4": (64, 36),
}

# Default tensor type per file type [§2.2]. Note the shift for IQ2_S/IQ2_M and IQ3_* mixes.
FTYPE_DEFAULT: Final[dict[str, str]] = {
    "F32": "F32",
    "ALL_F32": "F32",
    "F16": "F16",
    "BF16": "BF16",
    "Q4_0": "Q4_0",
    "Q4_1": "Q4_1",
    "Q5_0": "Q5_0",
    "Q5_1": "Q5_1",
    "Q8_0": "Q8_0",
    "Q2_K": "Q2_K",
    "Q2_K_S": "Q2_K",
    "Q3_K_S": "Q3_K",
    "Q3_K_M": "Q3_K",
    "Q3_K_L": "Q3_K",
    "Q4_K_S": "Q4_K",
    "Q4_K_M": "Q4_K",
    "Q5_K_S": "Q5_K",
    "Q5_K_M": "Q5_K",
    "Q6_K": "Q6_K",
    "IQ2_XXS": "IQ2_XXS",
    "IQ2_XS": "IQ2_XS",
    "IQ2_S": "IQ2_XS",
    "IQ2_M": "IQ2_S",
    "IQ3_XXS": "IQ3_XXS",
    "IQ3_XS": "IQ3_S",
    "IQ3_S": "IQ3_S",
    "IQ3_M": "IQ3_S",
    "IQ1_S": "IQ1_S",
    "IQ1_M": "IQ1_M",
    "IQ4_NL": "IQ4_NL",
    "IQ4_XS": "IQ4_XS",
    "TQ1_0": "TQ1_0",
    "TQ2_0": "TQ2_0",
    "MXFP4_MOE": "MXFP4",
}

UNQUANTIZED: Final[frozenset[str]] = frozenset({"F32", "F16", "BF16"})

# §2.6: replacement when ne0 is not a multiple of the target's block.
SHAPE_FALLBACK: Final[dict[str, str]] = {
    "IQ1_S": "IQ4_NL",
    "IQ1_M": "IQ4_NL",
    "IQ2_XXS": "IQ4_NL",
    "IQ2_XS": "IQ4_NL",
    "IQ2_S": "IQ4_NL",
    "IQ3_XXS": "IQ4_NL",
    "IQ3_S": "IQ4_NL",
    "IQ4_XS": "IQ4_NL",
    "Q2_K": "Q4_0",
    "Q3_K": "Q4_0",
    "TQ1_0": "Q4_0",
    "TQ2_0": "Q4_0",
    "Q4_K": "Q5_0",
    "Q5_K": "Q5_1",
    "Q6_K": "Q8_0",
}

CLASSIC_QKV_TYPES: Final = frozenset({"phi3"})
"""Architectures whose published GGUFs predate the category rules and keep the classic fused-QKV
column (Q5_K in Q4_K_M): Phi-3/3.5/4-mini files match it byte for byte (quant_internals.md §7)."""

_IQ2_FAMILY: Final = frozenset({"IQ2_XXS", "IQ2_XS", "IQ2_S", "IQ2_M", "IQ1_S", "IQ1_M"})
_OUTPUT_Q5K: Final = frozenset({"IQ2_XXS", "IQ2_XS", "IQ2_S", "IQ2_M", "IQ3_XXS", "IQ1_S", "IQ1_M"})


def type_bytes(gtype: str, ne0: int, rows: int) -> int:
    """Bytes of a tensor of ``rows`` rows of ``ne0`` elements (ne0 must be a block multiple)."""
    block, size = TYPE_BLOCK[gtype]
    if ne0 % block:
        raise ValueError(f"{gtype}: row length {ne0} is not a multiple of {block}")
    return (ne0 // block) * size * rows


def bits_per_weight(gtype: str) -> float:
    block, size = TYPE_BLOCK[gtype]
    return size * 8 / block


def use_more_bits(i: int, n: int) -> bool:
    """§2.4: the first and last eighth of the layers and every third layer in between."""
    return i < n // 8 or i >= 7 * n // 8 or (i - n // 8) % 3 == 2


def shape_fallback(gtype: str, ne0: int) -> str:
    """§2.6, applied after the mix rule (also to the output head)."""
    block = TYPE_BLOCK[gtype][0]
    if ne0 % block == 0:
        return gtype
    new = SHAPE_FALLBACK.get(gtype, "F16")
    if ne0 % TYPE_BLOCK[new][0]:
        return "F16"
    return new


def output_type(ftype: str, default: str, ne0: int) -> str:
    """§2.3: type of ``output.weight`` (or of the tied ``token_embd.weight``)."""
    if ftype == "MXFP4_MOE" or ne0 % 256 != 0:
        t = "Q8_0"
    elif ftype in _OUTPUT_Q5K:
        t = "Q5_K"
    elif default != "Q8_0":
        t = "Q6_K"
    else:
        t = "Q8_0"
    return shape_fallback(t, ne0)


def token_embd_type(ftype: str, default: str, ne0: int) -> str:
    """§2.3: type of an untied ``token_embd.weight`` (and Gemma-3n per-layer embeddings)."""
    if ftype in ("IQ2_XXS", "IQ2_XS", "IQ1_S", "IQ1_M"):
        t = "Q2_K"
    elif ftype in ("IQ2_S", "IQ2_M", "IQ3_XXS"):
        t = "IQ3_S"
    elif ftype in ("TQ1_0", "TQ2_0"):
        t = "Q4_K"
    else:
        t = default
    return shape_fallback(t, ne0)


def per_layer_embd_type(ftype: str, default: str, ne0: int, tied: bool) -> str:
    """``per_layer_token_embd`` (Gemma 3n/4) at llama.cpp@0c1e57098: a TOKEN_EMBD tensor, typed by
    the output rule when the file has no ``output.weight`` (tied), else by the embedding rule."""
    if tied:
        return output_type(ftype, default, ne0)
    return token_embd_type(ftype, default, ne0)


def attn_v_type(
    ftype: str, default: str, i: int, n: int, n_gqa: int, n_expert: int, imatrix: bool
) -> str:
    """§2.5 attn_v column (``i`` = running index over attn_v tensors, ``n`` = their count)."""
    t = default
    if ftype in _IQ2_FAMILY:
        if n_gqa >= 4 or n_expert >= 4:
            t = "Q4_K"
        else:
            t = "IQ3_S" if ftype in ("IQ2_S", "IQ2_M") else "Q2_K"
        return t
    if ftype == "Q2_K":
        t = "Q4_K" if n_gqa >= 4 else "Q3_K"
    elif ftype == "Q2_K_S" and n_gqa >= 4:
        t = "Q4_K"
    elif ftype == "IQ3_XXS":
        t = "Q4_K" if n_gqa >= 4 else ("IQ3_XXS" if imatrix else "IQ3_S")
    elif (ftype in ("IQ3_XS", "IQ3_S") and n_gqa >= 4) or ftype == "IQ3_M":
        t = "Q4_K"
    elif ftype == "Q3_K_M":
        t = "Q5_K" if i < 2 else "Q4_K"
    elif ftype == "Q3_K_L" or (ftype in ("IQ4_NL", "IQ4_XS") and n_gqa >= 4):
        t = "Q5_K"
    elif ftype in ("Q4_K_M", "Q5_K_M") and use_more_bits(i, n):
        t = "Q6_K"
    elif ftype == "Q4_K_S" and i < 4:
        t = "Q5_K"
    if n_expert == 8:
        t = "Q8_0"
    return t


def attn_k_type(ftype: str, default: str, n_expert: int) -> str:
    if n_expert == 8 and ftype not in _IQ2_FAMILY:
        return "Q8_0"
    if n_expert == 8 and ftype in _IQ2_FAMILY:
        return "Q4_K"
    if ftype == "IQ3_XS":
        return "IQ3_XXS"
    if ftype == "IQ3_XXS":
        return "IQ2_S"
    return default


def attn_q_type(ftype: str, default: str) -> str:
    if ftype == "IQ3_XS":
        return "IQ3_XXS"
    if ftype == "IQ3_XXS":
        return "IQ2_S"
    return default


def ffn_down_type(
    ftype: str,
    default: str,
    i: int,
    n: int,
    imatrix: bool,
    counter: int | None = None,
    n_expert: int = 1,
) -> str:
    """§2.5 ffn_down column (``i`` = layer, ``n`` = n_layer).

    The IQ1/IQ2 branch compares llama-quantize's running count of ffn_down tensors (``counter``)
    rather than the layer: it differs from the layer in MoE files, where experts and shared
    expert each hold one (llama-quant.cpp @0c1e57098, ``qs.i_ffn_down < qs.n_ffn_down/8``).
    """
    if ftype in _IQ2_FAMILY:
        if (i if counter is None else counter) < n // 8:
            return "IQ3_S" if ftype in ("IQ2_S", "IQ2_M") else "Q2_K"
        return default
    if ftype == "Q2_K":
        return "Q3_K"
    if ftype == "Q2_K_S":
        return "Q4_K" if i < n // 8 else default
    if ftype == "IQ3_XXS" and not imatrix:
        return "Q4_K" if i < n // 8 else "Q3_K"
    if ftype == "Q3_K_M":
        return "Q5_K" if i < n // 16 else "Q4_K"
    if ftype == "IQ3_M":
        return "Q4_K" if i < n // 8 or (n_expert == 8 and use_more_bits(i, n)) else default
    if ftype == "Q3_K_L":
        return "Q5_K"
    if ftype == "Q4_K_M":
        return "Q6_K" if use_more_bits(i, n) else default
    if ftype in ("IQ4_NL", "IQ4_XS") and i < n // 8 and not imatrix:
        return "Q5_K"
    if ftype == "Q5_K_M":
        return "Q6_K" if use_more_bits(i, n) else default
    if ftype == "Q4_K_S" and i < n // 8:
        return "Q5_K"
    if ftype in ("Q4_0", "Q5_0") and imatrix and i < n // 8:
        return "Q4_1" if ftype == "Q4_0" else "Q5_1"
    return default


def attn_output_type(ftype: str, default: str, n_expert: int) -> str:
    if ftype in _IQ2_FAMILY:
        if n_expert == 8:
            return "Q5_K"
        if ftype in ("IQ1_S", "IQ1_M"):
            return "IQ2_XXS"
        if ftype in ("IQ2_S", "IQ2_M"):
            return "IQ3_S"
        return default
    if n_expert == 8:
        if ftype in (
            "Q2_K",
            "IQ3_XS",
            "IQ3_XXS",
            "Q3_K_S",
            "Q3_K_M",
            "IQ4_NL",
            "Q4_K_S",
            "Q4_K_M",
            "IQ3_S",
            "IQ3_M",
            "IQ4_XS",
        ):
            return "Q5_K"
        return default
    return {
        "Q2_K": "Q3_K",
        "IQ3_XXS": "IQ3_S",
        "Q3_K_M": "Q4_K",
        "Q3_K_L": "Q5_K",
        "IQ3_M": "Q4_K",
    }.get(ftype, default)


def attn_qkv_type(ftype: str, default: str) -> str:
    """Classic rule for a fused attn_qkv (Phi-3); see §2.5 'Version change'."""
    if ftype in ("Q3_K_M", "Q3_K_L", "IQ3_M"):
        return "Q4_K"
    if ftype == "Q4_K_M":
        return "Q5_K"
    if ftype == "Q5_K_M":
        return "Q6_K"
    return default


def ffn_gate_up_type(ftype: str, default: str, i: int, n: int) -> str:
    if ftype == "IQ3_XS" and n // 8 <= i < 7 * n // 8:
        return "IQ3_XXS"
    return default
