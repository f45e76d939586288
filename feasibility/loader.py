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

from feasibility.errors import FeasibilityError, InputError, Problem

MAX_FILE_BYTES = 1024 * 1024
"""Input files above 1 MiB are refused: a device or catalog file is a few KB."""
MAX_NODES = 200_000
"""Nodes visited while converting (aliases count each time they are expanded)."""
MAX_DEPTH = 64

Pos = tuple[int, int]
PathKey = tuple[str | int, ...]
T = TypeVar("T", bound=BaseModel)

try:  # libyaml is much faster; the safe variant has the same semantics.
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[attr-defined,assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class Document:
    """Parsed YAML data with the line/column of every mapping key and sequence item."""

    def __init__(self, data: Any, positions: dict[PathKey, Pos], source: str) -> None:
        self.data = data
        self.positions = positions
        self.source = source

    def position(self, path: PathKey) -> Pos | None:
        """Position of ``path`` or of its nearest ancestor that has one."""
        p = tuple(path)
        while p:
            if p in self.positions:
                return self.positions[p]
            p = p[:-1]
        return None


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
    data = walker.convert(node, (), 0)
    return Document(data, walker.positions, source)


def load_yaml(path: str | os.PathLike[str], error: type[FeasibilityError] = InputError) -> Document:
    return parse_yaml(read_text(path, error), str(path), error)


class _Walker:
    """Node tree -> Python objects, with limits, duplicate-key detection and positions."""

    _constructor = yaml.constructor.SafeConstructor()

    def __init__(self, source: str, error: type[FeasibilityError]) -> None:
        self.source = source
        self.error = error
        self.positions: dict[PathKey, Pos] = {}
        self.count = 0

    def _fail(self, node: yaml.Node, message: str) -> FeasibilityError:
        m = node.start_mark
        return self.error(
            "is not valid",
            source=self.source,
            problems=(Problem(message, line=m.line + 1, column=m.column + 1),),
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
            raise self._fail(node, f"nesting deeper than {MAX_DEPTH} levels")
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            # Resolve YAML merge keys (<<) the way the safe loader does.
            self._constructor.flatten_mapping(node)
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self._fail(key_node, "mapping keys must be plain values")
                key = self._scalar(key_node)
                if isinstance(key, (list, dict)):
                    raise self._fail(key_node, "mapping keys must be plain values")
                if key in out:
                    raise self._fail(key_node, f"duplicate key {key!r}")
                sub = (*path, key if isinstance(key, (str, int)) else str(key))
                self.positions[sub] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                out[key] = self.convert(value_node, sub, depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                sub = (*path, i)
                self.positions[sub] = (item.start_mark.line + 1, item.start_mark.column + 1)
                items.append(self.convert(item, sub, depth + 1))
            return items
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            raise self._fail(node, f"unsupported YAML value: {exc.problem}") from None


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
        raise error(f"the top level is {kind}; expected a mapping of keys (key: value)",
                    source=doc.source)
    try:
        return schema.model_validate(doc.data)
    except ValidationError as exc:
        raise error(
            f"is not a valid {what}", source=doc.source, problems=problems_from(exc, doc, schema)
        ) from None


def problems_from(
    exc: ValidationError, doc: Document | None, schema: type[BaseModel]
) -> tuple[Problem, ...]:
    problems = []
    seen = set()
    for err in exc.errors(include_url=False):
        loc = _clean_loc(err["loc"])
        msg = _message(err, loc, schema)
        path = format_path(loc)
        if (path, msg) in seen:
            continue
        seen.add((path, msg))
        pos = doc.position(loc) if doc is not None else None
        problems.append(
            Problem(msg, path=path, line=pos[0] if pos else None, column=pos[1] if pos else None)
        )
    return tuple(problems)


def _clean_loc(loc: tuple[Any, ...]) -> PathKey:
    """Drop pydantic's union/discriminator tags from locations."""
    out: list[str | int] = []
    for part in loc:
        if isinstance(part, str) and (part.startswith("function-") or part in ("gguf", "group")):
            continue
        out.append(part)
    return tuple(out)


def _message(err: Any, loc: PathKey, schema: type[BaseModel]) -> str:
    etype = err["type"]
    if etype == "extra_forbidden":
        allowed = _fields_at(schema, loc[:-1])
        key = str(loc[-1]) if loc else ""
        hint = ""
        if allowed:
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = (
                f"; did you mean '{close[0]}'?"
                if close
                else f"; allowed keys: {', '.join(sorted(allowed))}"
            )
        return f"unknown key '{key}'{hint}"
    if etype == "missing":
        return "required field is missing"
    if etype == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        got = err.get("input")
        hint = ""
        if isinstance(got, str):
            options = [o.strip().strip("'") for o in str(expected).replace(" or ", ",").split(",")]
            close = difflib.get_close_matches(got.lower(), [o for o in options if o], n=1, cutoff=0.5)
            if close:
                hint = f"; did you mean '{close[0]}'?"
        return f"got {got!r}; expected one of {expected}{hint}"
    msg = str(err["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    if etype in ("greater_than", "greater_than_equal", "less_than", "less_than_equal") or (
        etype.endswith("_type") or etype.endswith("_parsing")
    ):
        msg = f"{msg} (got {err.get('input')!r})"
    return msg


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
