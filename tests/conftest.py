"""Shared fixtures: the real data, and throw-away copies of data/ for tests that break things."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED = ROOT.parent / "shared" / "seeds" / "000_b36d7e05e59ec9c6.txt"


@contextmanager
def reading_data_from(folder: Path, monkeypatch) -> Iterator[Path]:
    """kernel_utils reads ``folder`` instead of data/, with the validator's caches empty before and after."""
    from kernel_utils.store import validation

    monkeypatch.setenv("KERNEL_UTILS_DATA", str(folder))
    validation._schema_registry.cache_clear()
    validation._LOAD_CACHE.clear()
    try:
        yield folder
    finally:
        validation._schema_registry.cache_clear()
        validation._LOAD_CACHE.clear()


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of data/ that kernel_utils reads instead of the real one."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    with reading_data_from(copy, monkeypatch):
        yield copy
