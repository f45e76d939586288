"""Print a Python tool's own ``--help`` where the tool imports heavy packages it never needs for it.

ONNX Runtime GenAI's model builder imports PyTorch, onnx_ir and transformers at the top of its
module, before it builds its argparse parser; PyPI's Linux PyTorch is a CUDA build of several GB.
Parsing ``--help`` touches none of them, so this runner answers those imports with inert stand-ins
and runs the pinned tool's module as ``__main__``: the help text is the tool's own parser, word for
word. Usage: ``python help_without_imports.py MODULE STUBBED,TOP,LEVEL,NAMES [ARGS...]``.

Some tools build their parser in a function of a command module whose package imports the tool's
whole framework (optimum's ``optimum-cli`` registers every exporter of every installed backend
before parsing). For those, ``--parser FILE PACKAGE FUNCTION PROG`` executes that one file of the
pinned tool (taken from its wheel) with every import outside the standard library answered by
inert stand-ins, calls ``FUNCTION(ArgumentParser(prog=PROG))`` and prints the parser's help: the
options are the tool's own ``add_argument`` calls, word for word.
"""

from __future__ import annotations

import argparse
import importlib.abc
import importlib.machinery
import runpy
import sys
import types
from collections.abc import Iterator, Sequence


class _Inert(type):
    """A class whose attributes are inert classes too (``torch.float16``, ``torch.no_grad``)."""

    def __getattr__(cls, name: str) -> type:
        if name.startswith("__"):
            raise AttributeError(name)
        return _Inert(name, (_Anything,), {})


class _Anything(metaclass=_Inert):
    """Instantiable with any arguments, so decorators and base classes at import time work."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        del args, kwargs

    def __iter__(self) -> Iterator[object]:
        """An empty collection where the tool iterates what a stand-in returned."""
        return iter(())


class _InertModule(types.ModuleType):
    def __getattr__(self, name: str) -> type:
        if name.startswith("__"):
            raise AttributeError(name)
        return _Inert(name, (_Anything,), {})


class _StubFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Answers imports of the named top-level packages (and their submodules) with inert modules;
    with no names, of every package outside the standard library."""

    def __init__(self, names: frozenset[str]) -> None:
        self.names = names

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        top = fullname.split(".")[0]
        if top not in self.names if self.names else top in sys.stdlib_module_names:
            return None
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return _InertModule(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        module.__path__ = []


def parser_help(path: str, package: str, function: str, prog: str) -> str:
    """The help of the parser ``function`` in the tool's file ``path`` builds (see module notes)."""
    sys.meta_path.insert(0, _StubFinder(frozenset()))
    namespace: dict[str, object] = {"__name__": f"{package}._help", "__package__": package}
    with open(path, encoding="utf-8") as f:
        exec(compile(f.read(), path, "exec"), namespace)  # the pinned tool's own file
    parser = argparse.ArgumentParser(prog=prog)
    build = namespace[function]
    assert callable(build)
    build(parser)
    return parser.format_help()


def main(argv: Sequence[str]) -> None:
    if argv[0] == "--parser":
        print(parser_help(*argv[1:5]))
        return
    module, stubbed, *args = argv
    sys.meta_path.insert(0, _StubFinder(frozenset(stubbed.split(","))))
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
