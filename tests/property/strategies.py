"""Hypothesis strategies: arbitrary YAML documents and mutated valid device files."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import strategies as st

# Restricting quantizations keeps the engine fast (~30 ms) when a mutation stays valid.
VALID_BASES: list[dict[str, Any]] = [
    {
        "service": {
            "tasks": ["chat"],
            "languages": ["en"],
            "context_tokens": 2048,
            "output_tokens": 256,
        },
        "targets": [{"preset": "iphone-15-pro"}],
        "constraints": {"quantizations": ["Q4_K_M"]},
    },
    {
        "service": {"tasks": ["summarization", "translation"], "languages": ["ko", "en"]},
        "targets": [
            {"os": "linux", "ram_gb": 4, "memory_bandwidth_gbs": 17},
            {"preset": "pixel-8", "memory_budget_mb": 3000},
        ],
        "constraints": {
            "quantizations": ["Q4_K_M"],
            "memory_budget_mb": 2048,
            "npu": "preferred",
            "license": "commercial",
            "battery": "minimize",
        },
    },
    {
        "target": {
            "os": "android",
            "ram_gb": 8,
            "accelerators": ["cpu", "gpu", "npu"],
            "npu": {"name": "Hexagon", "vendor": "qualcomm", "tops": 45},
        },
        "constraints": {"quantizations": ["Q4_K_M"], "min_decode_tps": 5, "max_params_b": 4},
    },
]

FIELD_NAMES = [
    "targets",
    "target",
    "device",
    "service",
    "constraints",
    "preset",
    "os",
    "ram_gb",
    "memory_bandwidth_gbs",
    "accelerators",
    "npu",
    "memory_budget_mb",
    "tasks",
    "languages",
    "context_tokens",
    "output_tokens",
    "license",
    "quantizations",
    "runtimes",
    "name",
    "kind",
    "os_version",
    "tops",
    "vendor",
    "battery",
    "min_decode_tps",
    "max_params_b",
    "description",
]
WORDS = [
    "ios",
    "android",
    "linux",
    "iso",
    "iphone-15-pro",
    "iphone15pro",
    "pixel-8",
    "ko",
    "kr",
    "en",
    "chat",
    "summarize",
    "Q4_K_M",
    "llama.cpp",
    "required",
    "commercial",
    "yes",
    "no",
    "",
    "-1",
    "1e309",
    "null",
    "~",
    "&a",
    "*a",
    "!!python/none",
    "<<",
    "\u00e9\u00e8",
    "\U0001f600",
]

leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(WORDS),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(min_size=1, max_size=8), st.integers(0, 3))


def structures(max_leaves: int = 15) -> st.SearchStrategy[Any]:
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(keys, children, max_size=4),
        ),
        max_leaves=max_leaves,
    )


def dump(doc: Any) -> str:
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out.extend(_paths(v, (*prefix, k)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.extend(_paths(v, (*prefix, i)))
    return out


def _parent(doc: Any, path: tuple[Any, ...]) -> Any:
    node = doc
    for part in path[:-1]:
        node = node[part]
    return node


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """A valid device file with one to three structural mutations."""
    doc: Any = copy.deepcopy(draw(st.sampled_from(VALID_BASES)))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(doc)
        path = paths[draw(st.integers(0, len(paths) - 1))]
        op = draw(st.sampled_from(["replace", "delete", "add", "wrap", "duplicate"]))
        if not path:
            if op == "replace":
                doc = draw(structures(5))
            continue
        parent, last = _parent(doc, path), path[-1]
        if op == "replace":
            parent[last] = draw(structures(6))
        elif op == "delete":
            del parent[last]
        elif op == "add" and isinstance(parent[last], dict):
            parent[last][draw(keys)] = draw(leaves)
        elif op == "wrap":
            parent[last] = [parent[last]]
        elif op == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
    return doc


@st.composite
def corrupted_text(draw: st.DrawFn) -> str:
    """The YAML text of a valid file with characters inserted, deleted or truncated."""
    text = dump(draw(st.sampled_from(VALID_BASES)))
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "truncate"]))
        if op == "insert":
            piece = draw(st.sampled_from(list("[]{}:,-&*!|>#'\"\t\n ") + WORDS))
            text = text[:i] + piece + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 8)) :]
        else:
            text = text[:i]
    return text


raw_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("[]{}:,-&*!|>#'\"%@`?\t\n ab01")),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=80,
)
