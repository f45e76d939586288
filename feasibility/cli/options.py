"""What every command shares: options, output, error handling and exit codes.

Exit codes: 0 success (for ``check``: two recommendations found); 3 ``check``: valid input but
fewer than two candidates fit (the output says why); 2 bad usage or invalid input (the message
names the file, field and line, and suggests the nearest valid value; no traceback); 1 an
unexpected crash (a bug: rerun with ``--debug`` for the traceback). With ``--format json``, an
error is one JSON object on stderr, ``{"error": ..., "problems": [...]}``, so that a tool reading
JSON never has to parse prose. Reports go to stdout (or ``-o FILE``), diagnostics to stderr.

Only click and the small ``errors`` module are imported here; the command modules import what they
need inside each command, so that start-up stays fast.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import wraps
from typing import IO, Any, TypeVar

import click

from feasibility.errors import FeasibilityError

EXIT_OK = 0
EXIT_CRASH = 1
EXIT_INPUT = 2
EXIT_INFEASIBLE = 3

EXIT_CODES = (
    "Exit status: 0 success; 2 bad usage or invalid input (with --format json: a JSON error"
    ' {"error": ..., "problems": [...]} on stderr); 1 internal error (a bug; rerun with'
    " --debug)."
)
"""The epilog of every command but ``check`` (which adds 3)."""

F = TypeVar("F", bound=Callable[..., Any])


class InputProblem(click.ClickException):
    """A FeasibilityError shown as ``Error: ...`` with exit status 2."""

    exit_code = EXIT_INPUT


class JsonError(click.ClickException):
    """An error shown as one JSON object on stderr, for a caller that asked for JSON."""

    exit_code = EXIT_INPUT

    def __init__(self, message: str, problems: Sequence[Mapping[str, Any]] = ()):
        super().__init__(message)
        self.problems = list(problems)

    def show(self, file: IO[Any] | None = None) -> None:
        doc = {"error": self.message, "problems": self.problems}
        click.echo(dump_json(doc), file=file or sys.stderr, nl=False)


def _wants_json(args: Sequence[str]) -> bool:
    """True when the command line asks for ``--format json`` (before click has parsed it)."""
    for i, arg in enumerate(args):
        if arg == "--format" and i + 1 < len(args) and args[i + 1] == "json":
            return True
        if arg == "--format=json":
            return True
    return False


def _as_json(exc: Exception) -> JsonError:
    if isinstance(exc, FeasibilityError):
        head = f"{exc.source}: {exc.summary}" if exc.source else exc.summary
        problems = [
            {"path": p.path, "line": p.line, "column": p.column, "message": p.message}
            for p in exc.problems
        ]
        return JsonError(head, problems)
    if isinstance(exc, click.ClickException):
        return JsonError(exc.format_message())
    return JsonError(f"internal error: {type(exc).__name__}: {exc}")


class Command(click.Command):
    """A click command whose usage errors are JSON too when ``--format json`` was asked for."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        wants_json = _wants_json(args)
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            if wants_json:
                raise _as_json(exc) from None
            raise


def guard(fn: F) -> F:
    """Turn library errors into exit 2 and crashes into exit 1, tracebacks only with --debug."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        debug = bool(ctx.find_root().params.get("debug"))
        # Only when asked for: ``schema`` writes JSON by default, but its errors stay text.
        wants_json = kwargs.get("fmt") == "json" and ctx.get_parameter_source("fmt") not in (
            None,
            click.core.ParameterSource.DEFAULT,
        )
        try:
            return fn(*args, **kwargs)
        except FeasibilityError as exc:
            if debug:
                raise
            if wants_json:
                raise _as_json(exc) from None
            raise InputProblem(str(exc)) from None
        except click.ClickException as exc:
            if wants_json and not isinstance(exc, JsonError):
                raise _as_json(exc) from None
            raise
        except (click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            raise click.Abort() from None
        except Exception as exc:  # a bug: say so, and how to get details
            if debug:
                raise
            if wants_json:
                _as_json(exc).show()
            else:
                click.echo(
                    f"Internal error: {type(exc).__name__}: {exc}\n"
                    "This is a bug in feasibility; rerun with --debug for the traceback.",
                    err=True,
                )
            ctx.exit(EXIT_CRASH)

    return wrapper  # type: ignore[return-value]


@contextlib.contextmanager
def out(output: str | None) -> Iterator[IO[str]]:
    """``-o FILE`` or stdout, UTF-8 (Korean) whatever the locale says; large reports stream."""
    if output:
        try:
            fh = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise InputProblem(f"cannot write {output}: {exc.strerror or exc}") from None
        with fh:
            yield fh
    else:
        stream = sys.stdout
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # not a real stream
                reconfigure(encoding="utf-8")
        yield stream
        stream.flush()


def write(text: str, output: str | None) -> None:
    with out(output) as fh:
        fh.write(text)


def dump_json(data: Any) -> str:
    """The project's JSON style: indented, sorted keys, UTF-8 text, a final newline."""
    import json

    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


catalog_option = click.option(
    "--catalog",
    "catalogs",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Catalog overlay YAML adding or replacing models, devices, runtimes, quantizations or "
    "licences (repeatable).",
)
output_option = click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout."
)


def format_option(
    choices: Sequence[str], default: str, help: str = "Output format."
) -> Callable[[F], F]:
    """``--format`` with these choices, stored as ``fmt`` (the guard reads it for JSON errors)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help=help,
    )


def load_catalog(catalogs: Sequence[str], *, estimates: bool = False) -> Any:
    """The shipped catalog plus the ``--catalog`` overlays; a broken overlay names its line.

    ``estimates``: the command will estimate memory, so the GGUF layout store is read too (the
    listings never estimate and skip that work).
    """
    from feasibility.catalog import load_catalog as _load
    from feasibility.errors import CatalogError

    try:
        catalog = _load(list(catalogs) or None)
    except CatalogError as exc:  # a broken reference in an overlay: add its line
        if exc.source in catalogs and any(p.line is None and p.path for p in exc.problems):
            from feasibility.loader import locate

            raise locate(exc, exc.source) from None
        raise
    if estimates:
        from feasibility.api import use_layout_store

        use_layout_store()
    gc.freeze()  # the catalog and the modules live as long as the process: never rescan them
    return catalog


def pick(
    value: str | None,
    choices: Iterable[str],
    option: str,
    aliases: Mapping[str, str] | None = None,
) -> str | None:
    """A filter value checked against its valid values, case-insensitively.

    ``Android`` means ``android``; an alias (a language's English name) means its code; anything
    else is exit 2 with the nearest valid value and the full list.
    """
    if value is None:
        return None
    pool = sorted(set(choices))
    lowered = {c.lower(): c for c in pool}
    key = value.strip().lower()
    if key in lowered:
        return lowered[key]
    alias = {k.lower(): v for k, v in (aliases or {}).items()}.get(key)
    if alias is not None:
        return alias
    from feasibility.units import nearest

    hits = nearest(value, [*pool, *(aliases or {})])
    hint = ""
    if hits:
        best = (aliases or {}).get(hits[0], hits[0])
        hint = f"; did you mean '{best}'?"
    raise InputProblem(f"unknown value {value!r} for {option}{hint} (valid: {', '.join(pool)})")
