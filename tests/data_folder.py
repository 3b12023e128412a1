"""Point kernel_utils at a made-up or copied data folder for one test (a module of its own, so test
files can import it by a name no other ``conftest`` shadows)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


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
