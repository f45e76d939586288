"""YAML -> dict -> pydantic, safely, with errors that point at the file, the field and the line.

The only module that imports ``yaml``. Input files are read with hard limits (size, node count,
nesting depth) before and while parsing, so a hostile file (a billion-laughs alias bomb, a huge or
binary file) fails fast with a clear message instead of hanging or eating memory. Only YAML's safe
subset is accepted: ``!!python/...`` tags are rejected by the safe loader.

Positions: the document is *composed* first (nodes carry line/column), then converted to plain
Python objects by our own walk, which records the position of every key. A pydantic error at
``targets[1].ram_gb`` is then reported with that key's line.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from feasibility.errors import FeasibilityError, InputError, Problem, parse_path

MAX_FILE_BYTES = 1024 * 1024
"""Input files above 1 MiB are refused: a device or catalog file is a few KB."""
MAX_NODES = 200_000
"""Nodes visited while converting (aliases count each time they are expanded)."""
MAX_DEPTH = 64

Pos = tuple[int, int]
PathKey = tuple[str | int, ...]
T = TypeVar("T", bound=BaseModel)

# libyaml is much faster; the safe variant has the same semantics (pure Python when not built).
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Document:
    """Parsed YAML data with the line/column of every mapping key and sequence item."""

    def __init__(self, data: Any, positions: dict[PathKey, Pos], source: str) -> None:
        self.data = data
        self.positions = positions
        self.source = source

    def position(self, path: PathKey | str) -> Pos | None:
        """Position of ``path`` or of its nearest ancestor that has one.

        ``path`` may be a tuple or a formatted path (``targets[1].ram_gb``). A catalog-style
        index by id (``models[qwen3-4b].license``) is resolved to the list item with that id, and
        ``targets[0]`` falls back to the ``target:``/``device:`` shorthand.
        """
        p = self._normalize(parse_path(path) if isinstance(path, str) else tuple(path))
        while p:
            if p in self.positions:
                return self.positions[p]
            p = p[:-1]
        return None

    def _normalize(self, path: PathKey) -> PathKey:
        if (
            len(path) >= 2
            and path[0] == "targets"
            and path[1] == 0
            and ("targets",) not in self.positions
        ):
            for key in ("target", "device"):
                if (key,) in self.positions:
                    return (key, *path[2:])
        out: list[str | int] = []
        node: Any = self.data
        for part in path:
            if isinstance(node, list) and isinstance(part, str):
                index = next(
                    (
                        i
                        for i, item in enumerate(node)
                        if isinstance(item, Mapping) and str(item.get("id")) == part
                    ),
                    None,
                )
                if index is None:
                    out.append(part)
                    node = None
                    continue
                part = index
            out.append(part)
            if isinstance(node, Mapping):
                node = node.get(part)
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
            else:
                node = None
        return tuple(out)


def format_path(path: PathKey) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def read_text(path: str | os.PathLike[str], error: type[FeasibilityError] = InputError) -> str:
    """Read a small UTF-8 text file, with a clear error for every way that can fail."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise error("file not found", source=name)
    if p.is_dir():
        raise error("is a directory, expected a YAML file", source=name)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise error(
                f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes (1 MiB)",
                source=name,
            )
        raw = p.read_bytes()
    except PermissionError:
        raise error("permission denied: the file is not readable", source=name) from None
    except OSError as exc:
        raise error(f"cannot read the file: {exc.strerror or exc}", source=name) from None
    if len(raw) > MAX_FILE_BYTES:
        raise error(f"file is larger than {MAX_FILE_BYTES:,} bytes (1 MiB)", source=name)
    if b"\x00" in raw:
        raise error("binary content (NUL bytes): expected a UTF-8 YAML text file", source=name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            f"not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "save the file as UTF-8",
            source=name,
        ) from None
    return text


def parse_yaml(
    text: str, source: str = "<string>", error: type[FeasibilityError] = InputError
) -> Document:
    """Parse one YAML document safely and record positions."""
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise error(f"document is larger than {MAX_FILE_BYTES:,} bytes (1 MiB)", source=source)
    if not text.strip():
        raise error("the file is empty", source=source)
    try:
        _check_nesting(text, source, error)
        node = yaml.compose(text, Loader=_BaseLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = Problem(
            message=f"invalid YAML: {exc.problem or exc.context or 'syntax error'}",
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        )
        raise error("is not valid YAML", source=source, problems=(problem,)) from None
    except yaml.YAMLError as exc:
        raise error(f"is not valid YAML: {exc}", source=source) from None
    if node is None:
        raise error("the file is empty (only comments or blank lines)", source=source)
    walker = _Walker(source, error)
    walker.check_size(node)
    data = walker.convert(node, (), 0)
    return Document(data, walker.positions, source)


def _check_nesting(text: str, source: str, error: type[FeasibilityError]) -> None:
    """Refuse deep nesting from the event stream, before the (recursive) composer sees it.

    libyaml's composer recurses once per nesting level; ``[[[[...`` a few hundred thousand levels
    deep would overflow the C stack, so the depth is checked on the flat event stream first.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise error(
                    "is not valid",
                    source=source,
                    problems=(
                        Problem(
                            f"nesting deeper than {MAX_DEPTH} levels",
                            line=mark.line + 1 if mark else None,
                            column=mark.column + 1 if mark else None,
                        ),
                    ),
                )
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


def load_yaml(path: str | os.PathLike[str], error: type[FeasibilityError] = InputError) -> Document:
    return parse_yaml(read_text(path, error), str(path), error)


_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    _CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)
_MERGE_TAG = _CORE + "merge"


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


class _Walker:
    """Node tree -> Python objects, with limits, duplicate-key detection and positions.

    Aliases are expanded by walking the shared node again, so every expansion counts against
    :data:`MAX_NODES` and a billion-laughs document stops after a few hundred thousand steps.
    Merge keys (``<<``) are resolved here too (PyYAML's own ``flatten_mapping`` would build the
    exponential key list before any limit could apply).
    """

    def __init__(self, source: str, error: type[FeasibilityError]) -> None:
        self.source = source
        self.error = error
        self.positions: dict[PathKey, Pos] = {}
        self.count = 0
        self._constructor = yaml.constructor.SafeConstructor()

    def check_size(self, root: yaml.Node) -> None:
        """Fail fast when aliases would expand the document beyond the limits.

        The expanded size of every distinct node is computed once (memoized), so an alias bomb
        is measured in microseconds instead of being expanded until the limit trips.
        """
        sizes: dict[int, int] = {}

        def size(node: yaml.Node, depth: int) -> int:
            known = sizes.get(id(node))
            if known is not None:
                return known
            if depth > MAX_DEPTH:
                raise self._fail(
                    node, f"nesting deeper than {MAX_DEPTH} levels (a recursive YAML alias?)"
                )
            total = 1
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    total += size(k, depth + 1) + size(v, depth + 1)
                    if total > MAX_NODES:
                        break
            elif isinstance(node, yaml.SequenceNode):
                for item in node.value:
                    total += size(item, depth + 1)
                    if total > MAX_NODES:
                        break
            if total > MAX_NODES:
                raise self.error(
                    f"the document expands to more than {MAX_NODES:,} values "
                    "(YAML aliases/anchors repeated too often?); refusing to load it",
                    source=self.source,
                )
            sizes[id(node)] = total
            return total

        size(root, 0)

    def _fail(self, node: yaml.Node, message: str, path: PathKey = ()) -> FeasibilityError:
        m = node.start_mark
        return self.error(
            "is not valid YAML for this tool",
            source=self.source,
            problems=(
                Problem(message, path=format_path(path), line=m.line + 1, column=m.column + 1),
            ),
        )

    def convert(self, node: yaml.Node, path: PathKey, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.error(
                f"the document expands to more than {MAX_NODES:,} values "
                "(YAML aliases/anchors repeated too often?); refusing to load it",
                source=self.source,
            )
        if depth > MAX_DEPTH:
            raise self._fail(
                node, f"nesting deeper than {MAX_DEPTH} levels (a recursive YAML alias?)"
            )
        if node.tag not in _ALLOWED_TAGS:
            raise self._fail(
                node,
                f"YAML tag '{_tag_name(node.tag)}' is not allowed; "
                "write plain values (text, numbers, lists, mappings) without tags",
                path,
            )
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                sub = (*path, i)
                self.positions[sub] = (item.start_mark.line + 1, item.start_mark.column + 1)
                items.append(self.convert(item, sub, depth + 1))
            return items
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: PathKey, depth: int) -> dict[Any, Any]:
        merged: dict[Any, Any] = {}
        explicit: list[tuple[yaml.Node, yaml.Node]] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                sources = (
                    value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
                )
                for src in sources:
                    if not isinstance(src, yaml.MappingNode):
                        raise self._fail(
                            src, "a merge key (<<) takes a mapping or a list of mappings"
                        )
                    for k, v in self.convert(src, path, depth + 1).items():
                        merged.setdefault(k, v)  # the first merged mapping wins, as in YAML
            else:
                explicit.append((key_node, value_node))
        out: dict[Any, Any] = {}
        for key_node, value_node in explicit:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _ALLOWED_TAGS:
                raise self._fail(key_node, "mapping keys must be plain values")
            key = self._scalar(key_node)
            sub = (*path, key if isinstance(key, (str, int)) else str(key))
            if key in out:
                first = self.positions.get(sub)
                where = f" (first at line {first[0]})" if first else ""
                raise self._fail(
                    key_node, f"duplicate key {key!r}{where}; each key may appear once", sub
                )
            self.positions[sub] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = self.convert(value_node, sub, depth + 1)
        return {**{k: v for k, v in merged.items() if k not in out}, **out}

    def _scalar(self, node: yaml.Node) -> Any:
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            raise self._fail(node, f"unsupported YAML value: {exc.problem}") from None
        except (ValueError, OverflowError) as exc:  # e.g. a timestamp like 2024-13-45
            raise self._fail(node, f"unreadable YAML value {node.value!r}: {exc}") from None


def validate(
    doc: Document,
    schema: type[T],
    *,
    error: type[FeasibilityError] = InputError,
    what: str = "file",
) -> T:
    """Validate ``doc`` against ``schema``; every problem is reported with its path and line."""
    if not isinstance(doc.data, Mapping):
        kind = type(doc.data).__name__
        kind = {"list": "a list", "str": "a string", "int": "a number", "float": "a number"}.get(
            kind, f"a {kind}"
        )
        raise error(
            f"the top level is {kind}; expected a mapping of keys (key: value)", source=doc.source
        )
    try:
        return schema.model_validate(doc.data)
    except ValidationError as exc:
        raise error(
            f"is not a valid {what}", source=doc.source, problems=problems_from(exc, doc, schema)
        ) from None


def problems_from(
    exc: ValidationError, doc: Document | None, schema: type[BaseModel]
) -> tuple[Problem, ...]:
    """One :class:`Problem` per pydantic error: field path, line, and a message to act on."""
    problems = []
    seen = set()
    for err in exc.errors(include_url=False):
        loc, msg = _message(err, _clean_loc(err["loc"]), schema)
        path = format_path(loc)
        if (path, msg) in seen:
            continue
        seen.add((path, msg))
        pos = doc.position(loc) if doc is not None else None
        problems.append(
            Problem(msg, path=path, line=pos[0] if pos else None, column=pos[1] if pos else None)
        )
    return tuple(problems)


def locate(exc: FeasibilityError, path: str | os.PathLike[str]) -> FeasibilityError:
    """``exc`` naming the file ``path``, with lines filled in for problems that lack one.

    For errors found after validation (an unknown preset, a budget above the device's RAM) by
    code that only saw the validated object. The file was just loaded successfully, so it is read
    again; if that fails now, ``exc`` is returned with the file name only.
    """
    try:
        doc = load_yaml(path, error=type(exc))
    except FeasibilityError:
        return exc.located(str(path), lambda _p: None)
    return exc.located(str(path), doc.position)


def _clean_loc(loc: tuple[Any, ...]) -> PathKey:
    """Drop pydantic's union/discriminator tags from locations."""
    out: list[str | int] = []
    for part in loc:
        if isinstance(part, str) and (part.startswith("function-") or part in ("gguf", "group")):
            continue
        out.append(part)
    return tuple(out)


_VALUE_ALIASES: dict[str, str] = {
    # operating systems
    "iphone": "ios",
    "iphoneos": "ios",
    "ipad": "ipados",
    "osx": "macos",
    "mac": "macos",
    "darwin": "macos",
    "mac-os": "macos",
    "win": "windows",
    "win32": "windows",
    "win64": "windows",
    "win11": "windows",
    "ubuntu": "linux",
    "debian": "linux",
    "raspbian": "linux",
    "fedora": "linux",
    "aosp": "android",
    # licence filter
    "commercial-use": "commercial",
    "all": "any",
    # accelerators
    "ane": "npu",
    "neural-engine": "npu",
    "dsp": "npu",
    "tpu": "npu",
    "metal": "gpu",
}
"""Common misspellings that edit distance would not catch, for "did you mean" hints."""

_PATTERN_HINTS: dict[str, str] = {
    r"^\d+(\.\d+){0,2}$": "a version number like '17' or '17.4' (quote it in YAML)",
    r"^[a-z0-9][a-z0-9._-]*$": "an id in lowercase letters, digits, '.', '_' or '-'",
}

_BOUND_WORDS = {
    "greater_than": ("gt", "must be greater than"),
    "greater_than_equal": ("ge", "must be at least"),
    "less_than": ("lt", "must be less than"),
    "less_than_equal": ("le", "must be at most"),
}


_CATALOG_SECTIONS = frozenset(
    ("models", "devices", "runtimes", "quantizations", "licenses", "platform_models")
)


def suggest(value: object, options: list[str]) -> str:
    """``"; did you mean 'x'?"`` for the nearest option (aliases first), or ``""``."""
    from feasibility.units import nearest

    if not isinstance(value, str) or not options:
        return ""
    alias = _VALUE_ALIASES.get(value.strip().lower().replace(" ", "-").replace("_", "-"))
    if alias in options:
        return f"; did you mean '{alias}'?"
    hits = nearest(value.strip(), options)
    return f"; did you mean '{hits[0]}'?" if hits else ""


def _got(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _message(err: Any, loc: PathKey, schema: type[BaseModel]) -> tuple[PathKey, str]:
    """A person-readable message for one pydantic error, and the path it belongs at."""
    etype: str = err["type"]
    ctx: dict[str, Any] = err.get("ctx") or {}
    got = err.get("input")
    if etype == "extra_forbidden":
        allowed = _fields_at(schema, loc[:-1])
        key = str(loc[-1]) if loc else ""
        hint = ""
        if allowed:
            close = difflib.get_close_matches(key.lower(), allowed, n=1, cutoff=0.6)
            hint = (
                f"; did you mean '{close[0]}'?"
                if close
                else f"; allowed keys: {', '.join(sorted(allowed))}"
            )
        if len(loc) == 1 and key in _CATALOG_SECTIONS and "targets" in allowed:
            hint = "; this looks like a catalog file: pass it with --catalog FILE"
        return loc, f"unknown key '{key}'{hint}"
    if etype == "missing":
        if loc == ("targets",):
            return loc, (
                "required field is missing: add 'targets:' with at least one device "
                "(a 'preset:', or 'os:' and 'ram_gb:')"
            )
        return loc, "required field is missing"
    if etype == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = [o.strip().strip("'") for o in expected.replace(" or ", ",").split(",")]
        options = [o for o in options if o]
        hint = suggest(got, options)
        if isinstance(got, bool) and {"yes", "no"} & set(options):
            word = "yes" if got else "no"
            hint = f"; quote it: '{word}' (YAML reads a bare {word} as {str(got).lower()})"
        return loc, f"got {_got(got)}; expected one of {expected}{hint}"
    if etype in _BOUND_WORDS:
        key, words = _BOUND_WORDS[etype]
        bound = ctx.get(key)
        shown = f"{bound:g}" if isinstance(bound, float) else str(bound)
        return loc, f"{words} {shown} (got {_got(got)})"
    if etype == "finite_number":
        return loc, f"must be a finite number (got {_got(got)})"
    if etype in ("int_parsing", "float_parsing", "int_type", "float_type"):
        return loc, f"expected a number (got {_got(got)})"
    if etype == "int_from_float":
        return loc, f"expected a whole number (got {_got(got)})"
    if etype in ("bool_type", "bool_parsing"):
        return loc, f"expected true or false (got {_got(got)})"
    if etype == "string_type":
        hint = f"; quote it: '{got}'" if isinstance(got, (int, float)) else ""
        return loc, f"expected text (got {_got(got)}){hint}"
    if etype in ("tuple_type", "list_type"):
        hint = f", e.g. [{got}]" if isinstance(got, (str, int, float)) else ""
        return loc, f"expected a list{hint} (got {_got(got)})"
    if etype in ("dict_type", "model_type", "model_attributes_type"):
        return loc, f"expected a mapping of keys (key: value) (got {_got(got)})"
    if etype == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        what = _PATTERN_HINTS.get(pattern, f"text matching {pattern}")
        return loc, f"expected {what} (got {_got(got)})"
    if etype == "invalid_key":
        return loc, f"keys must be text (got {_got(loc[-1] if loc else got)})"
    msg = str(err["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
        # A model-level check naming one field ("tasks: name at least one task") belongs there.
        head, sep, rest = msg.partition(": ")
        if sep and head in _fields_at(schema, loc):
            return (*loc, head), rest
        return loc, msg
    if etype.endswith("_type") or etype.endswith("_parsing"):
        msg = f"{msg} (got {_got(got)})"
    return loc, msg


def _fields_at(schema: type[BaseModel], loc: PathKey) -> list[str]:
    """Field names of the sub-model at ``loc`` (for suggestions); [] when it cannot be told."""
    current: Any = schema
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        current = _model_in(fields[part].annotation)
        if current is None:
            return []
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None
