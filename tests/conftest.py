"""Shared fixtures: the real data, and throw-away copies of data/ for tests that break things."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED = ROOT.parent / "shared" / "seeds" / "000_b36d7e05e59ec9c6.txt"


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of data/ that kernel_utils reads instead of the real one."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    monkeypatch.setenv("KERNEL_UTILS_DATA", str(copy))
    from kernel_utils.store import validation

    validation._schema_registry.cache_clear()
    validation._LOAD_CACHE.clear()
    yield copy
    validation._schema_registry.cache_clear()
    validation._LOAD_CACHE.clear()
