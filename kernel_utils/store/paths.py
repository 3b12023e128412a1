"""Where the edition's data lives, and how paths are shown in messages.

The data travel with the repository (``data/`` beside ``kernel_utils/``); the
package is installed in editable mode by the README's commands and by Binder's
``postBuild``, so this path is always the repository's own.  Set
``KERNEL_UTILS_DATA`` to point the library at another copy (tests do).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["data_dir", "display_path"]

_DEFAULT = Path(__file__).resolve().parents[2] / "data"


def data_dir() -> Path:
    """The folder the data files are read from."""
    override = os.environ.get("KERNEL_UTILS_DATA")
    path = Path(override) if override else _DEFAULT
    if not path.is_dir():
        raise FileNotFoundError(
            f"data folder not found at {path}. kernel_utils reads its data from the repository's "
            "data/ folder: install it with 'pip install -e .' from a clone, or set KERNEL_UTILS_DATA."
        )
    return path


def display_path(path: Path) -> str:
    """A path as messages show it: relative to the data folder's parent ("data/…") when inside it,
    so messages and notebook outputs are the same on every machine."""
    path = Path(path)
    try:
        base = data_dir().resolve().parent
        return path.resolve().relative_to(base).as_posix()
    except (ValueError, FileNotFoundError):
        return path.name if path.is_absolute() else path.as_posix()
