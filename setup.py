"""Build hook: ship the edition's data inside the wheel.

The metadata live in ``pyproject.toml``; this file only adds one step to ``build_py``: copy the
repository's ``data/`` folder into the built package as ``kernel_utils/_data``, where an installed
(non-editable) ``kernel_utils`` reads it through :mod:`importlib.resources`
(see ``kernel_utils/store/paths.py``).  An editable install skips the copy: a checkout reads ``data/``
itself, so editors edit the files the library reads.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA = Path(__file__).resolve().parent / "data"


class build_py_with_data(build_py):
    """``build_py`` that also copies ``data/`` to ``<build>/kernel_utils/_data``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "kernel_utils" / "_data"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))


setup(cmdclass={"build_py": build_py_with_data})
