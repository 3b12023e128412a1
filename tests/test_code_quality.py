"""ruff (lint and format) and mypy, as configured in pyproject.toml, are clean on the library and
the build tooling (the modules still being written are listed in pyproject.toml's mypy override)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

#: Files formatted with ``ruff format`` (the formatter is applied file by file as modules are rewritten).
FORMATTED = [
    "kernel_utils/__init__.py",
    "kernel_utils/__init__.pyi",
    "kernel_utils/errors.py",
    "kernel_utils/store/__init__.py",
    "kernel_utils/store/paths.py",
    "kernel_utils/layers/__init__.py",
    "kernel_utils/layers/timeline/checks.py",
    "kernel_utils/layers/timeline/horizon.py",
    "kernel_utils/layers/timeline/model.py",
    "kernel_utils/views/absence.py",
    "setup.py",
    "tests/test_architecture.py",
    "tests/test_wheel.py",
    "tests/test_code_quality.py",
    "tests/units",  # the small made-up cases: every file in the folder
]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_ruff_lint_is_clean():
    result = _run("ruff", "check", ".")  # the whole repository, as the standing checks run it
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_ruff_format_leaves_the_formatted_files_unchanged():
    result = _run("ruff", "format", "--check", *FORMATTED)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_is_clean():
    result = _run("mypy")  # files and options: [tool.mypy] in pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr
