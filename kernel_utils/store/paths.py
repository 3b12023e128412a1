"""Where the edition's data lives, and how paths are shown in messages.

The data folder is found in this order:

1. ``KERNEL_UTILS_DATA``, when set (tests point it at a throw-away copy);
2. ``data/`` beside the ``kernel_utils`` folder: a repository checkout (editable install), so
   editors change the files the library reads;
3. ``kernel_utils/_data`` inside an installed wheel, read through :mod:`importlib.resources`
   (the build copies ``data/`` there: see ``setup.py``).

A folder that is not there raises :class:`~kernel_utils.errors.DataFolderError`, one message
naming where the library looked.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from kernel_utils.errors import DataFolderError

__all__ = ["data_dir", "display_path"]

_CHECKOUT = Path(__file__).resolve().parents[2] / "data"
_PACKAGED = "_data"


def _packaged_data() -> Path | None:
    """``kernel_utils/_data`` of an installed wheel, when it is a folder on disk."""
    folder = resources.files("kernel_utils").joinpath(_PACKAGED)
    return folder if isinstance(folder, Path) and folder.is_dir() else None


def data_dir() -> Path:
    """The folder the data files are read from (see the module's docstring for the order)."""
    override = os.environ.get("KERNEL_UTILS_DATA")
    if override:
        path = Path(override)
        if not path.is_dir():
            raise DataFolderError(
                f"data folder not found at {path} (set by KERNEL_UTILS_DATA): "
                "point KERNEL_UTILS_DATA at a copy of the edition's data/ folder, or unset it."
            )
        return path
    if _CHECKOUT.is_dir():
        return _CHECKOUT
    packaged = _packaged_data()
    if packaged is not None:
        return packaged
    raise DataFolderError(
        f"data folder not found: neither {_CHECKOUT} (a repository checkout) nor "
        "kernel_utils/_data (an installed wheel) exists; set KERNEL_UTILS_DATA to a copy of data/."
    )


def display_path(path: Path) -> str:
    """A path as messages show it: relative to the data folder's parent ("data/…") when inside it,
    so messages and notebook outputs are the same on every machine."""
    path = Path(path)
    try:
        root = data_dir().resolve()
    except DataFolderError:
        return path.name if path.is_absolute() else path.as_posix()
    resolved = path.resolve()
    if resolved == root or root in resolved.parents:
        return "/".join(("data", *resolved.relative_to(root).parts))
    if root.parent in resolved.parents:
        return resolved.relative_to(root.parent).as_posix()
    return path.name if path.is_absolute() else path.as_posix()
