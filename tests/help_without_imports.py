"""Print a Python tool's own ``--help`` where the tool imports heavy packages it never needs for it.

ONNX Runtime GenAI's model builder imports PyTorch, onnx_ir and transformers at the top of its
module, before it builds its argparse parser; PyPI's Linux PyTorch is a CUDA build of several GB.
Parsing ``--help`` touches none of them, so this runner answers those imports with inert stand-ins
and runs the pinned tool's module as ``__main__``: the help text is the tool's own parser, word for
word. Usage: ``python help_without_imports.py MODULE STUBBED,TOP,LEVEL,NAMES [ARGS...]``.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import runpy
import sys
import types
from collections.abc import Sequence


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


class _InertModule(types.ModuleType):
    def __getattr__(self, name: str) -> type:
        if name.startswith("__"):
            raise AttributeError(name)
        return _Inert(name, (_Anything,), {})


class _StubFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Answers imports of the named top-level packages (and their submodules) with inert modules."""

    def __init__(self, names: frozenset[str]) -> None:
        self.names = names

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname.split(".")[0] not in self.names:
            return None
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return _InertModule(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        module.__path__ = []


def main(argv: Sequence[str]) -> None:
    module, stubbed, *args = argv
    sys.meta_path.insert(0, _StubFinder(frozenset(stubbed.split(","))))
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
