"""Shared pytest options, and a private cache folder for the whole run.

The cache folder is set here, at import, before any test module imports ``feasibility``: a test
run must neither read the user's ``~/.cache/feasibility`` (a warm cache written by other code
could hide a change) nor write to it. Subprocesses started by tests inherit the variable.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest

_CACHE = tempfile.mkdtemp(prefix="feasibility-test-cache-")
os.environ["FEASIBILITY_CACHE_DIR"] = _CACHE
# Registered before the layout store registers its save, so it runs after it (atexit is LIFO).
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/golden/ from the current output.",
    )
