"""On-disk caches: keyed on every source that feeds them, kept out of the user's folder."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from feasibility import disk_cache

CASES = [(cache, rel) for cache, files in sorted(disk_cache.SOURCES.items()) for rel in files]


def _copy_sources(dest: Path) -> Path:
    for files in disk_cache.SOURCES.values():
        for rel in files:
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(disk_cache.PACKAGE_ROOT / rel, dest / rel)
    return dest


@pytest.mark.parametrize(("cache", "rel"), CASES, ids=[f"{c}:{r}" for c, r in CASES])
def test_editing_a_feeding_source_changes_the_key(cache: str, rel: str, tmp_path: Path) -> None:
    """A one-byte edit to any file a cache depends on gives that cache a new key."""
    root = _copy_sources(tmp_path)
    before = disk_cache.source_key(cache, root)
    assert before == disk_cache.source_key(cache)  # the copy hashes like the package
    edited = tmp_path / "edited"
    shutil.copytree(root, edited)
    with (edited / rel).open("a", encoding="utf-8") as fh:
        fh.write("# edited\n")
    assert disk_cache.source_key(cache, edited) != before


def test_the_package_version_is_part_of_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new release never reads an older release's cache, even with identical sources."""
    import feasibility

    root = _copy_sources(tmp_path / "a")
    before = disk_cache.source_key(disk_cache.GGUF_LAYOUTS, root)
    monkeypatch.setattr(feasibility, "__version__", "999.0")
    after = disk_cache.source_key(disk_cache.GGUF_LAYOUTS, _copy_sources(tmp_path / "b"))
    assert after != before


@pytest.mark.parametrize("cache", sorted(disk_cache.SOURCES))
def test_sources_cover_every_module_the_cache_imports(cache: str) -> None:
    """Every feasibility module imported by the cached computation is hashed into its key."""
    code = (
        f"import sys, {disk_cache.MODULES[cache]}\n"
        "print('\\n'.join(sorted(m.__file__ for n, m in sys.modules.items()\n"
        "    if n.split('.')[0] == 'feasibility' and getattr(m, '__file__', None))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    root = disk_cache.PACKAGE_ROOT
    imported = {Path(f).resolve().relative_to(root).as_posix() for f in out.split()}
    assert imported - set(disk_cache.SOURCES[cache]) == set()


def test_tests_never_use_the_users_cache() -> None:
    """The test run has its own temporary cache folder (set in conftest before any import)."""
    folder = disk_cache.cache_dir()
    assert folder is not None
    assert folder != Path.home() / ".cache" / "feasibility"
    assert folder.resolve().is_relative_to(Path(tempfile.gettempdir()).resolve())
    assert os.environ["FEASIBILITY_CACHE_DIR"] == str(folder)


def test_empty_variable_disables_caching(monkeypatch: pytest.MonkeyPatch) -> None:
    """FEASIBILITY_CACHE_DIR= (empty) turns every cache off."""
    monkeypatch.setenv("FEASIBILITY_CACHE_DIR", "")
    assert disk_cache.cache_dir() is None
    assert disk_cache.cache_file(disk_cache.CATALOG, "x") is None


def test_location_without_the_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without the variable: $XDG_CACHE_HOME/feasibility, else ~/.cache/feasibility."""
    monkeypatch.delenv("FEASIBILITY_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert disk_cache.cache_dir() == tmp_path / "feasibility"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert disk_cache.cache_dir() == Path.home() / ".cache" / "feasibility"


def test_catalog_cache_file_carries_the_source_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parsed-catalog cache is written under the code key; week-old other keys are removed."""
    from feasibility import catalog as mod

    monkeypatch.setenv("FEASIBILITY_CACHE_DIR", str(tmp_path))
    stale = tmp_path / "catalog-0000000000000000-abc.pickle"
    recent = tmp_path / "catalog-1111111111111111-abc.pickle"
    other = tmp_path / "gguf-layouts-0000000000000000.json"
    for f in (stale, recent, other):
        f.write_text("{}", encoding="utf-8")
    old = time.time() - disk_cache.STALE_AFTER_S - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    mod._load.cache_clear()
    try:
        mod.load_catalog()
    finally:
        mod._load.cache_clear()
    key = disk_cache.source_key(disk_cache.CATALOG)
    (written,) = tmp_path.glob(f"catalog-{key}-*.pickle")
    assert set(pickle.loads(written.read_bytes())) == {
        "models.yaml",
        "devices.yaml",
        "runtimes.yaml",
        "quantizations.yaml",
        "artifacts.yaml",
    }
    assert not stale.exists()  # another key, unwritten for a week: deleted
    assert recent.exists()  # another key, recent: another version in use may still read it
    assert other.exists()  # another cache's entries are left alone


def test_layout_store_path_carries_the_source_key() -> None:
    """The GGUF layout store lives in the cache folder under the layout code's key."""
    path = disk_cache.cache_file(disk_cache.GGUF_LAYOUTS)
    assert path is not None
    assert path.name == f"gguf-layouts-{disk_cache.source_key(disk_cache.GGUF_LAYOUTS)}.json"
    assert path.parent == disk_cache.cache_dir()
