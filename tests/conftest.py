"""Shared fixtures: the real data, and throw-away copies of data/ for tests that break things."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from data_folder import reading_data_from

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED = ROOT.parent / "shared" / "seeds" / "000_b36d7e05e59ec9c6.txt"


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of data/ that kernel_utils reads instead of the real one."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    with reading_data_from(copy, monkeypatch):
        yield copy
