"""The bibliography: every source the data cite, read from ``data/sources.json``.

Data files never repeat a citation; they point to a source by id, with the
source's own words as evidence.  The validator refuses a pointer to an id that
is not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from kernel_utils.errors import Problem
from kernel_utils.store.validation import check_unique_ids, register, load_validated

__all__ = ["Source", "load_sources"]


@dataclass(frozen=True)
class Source:
    """One source that was actually read."""

    id: str
    kind: str
    title: str
    citation: str
    read_note: str
    url: str | None = None
    symbol: str | None = None


def _check_sources(data: dict[str, Any], ctx) -> Iterator[Problem]:
    yield from check_unique_ids(data["sources"], ctx.file, what="source")


register("sources.json", "sources.schema.json", _check_sources, description="the bibliography")


def load_sources() -> dict[str, Source]:
    """Every source, by id (validated on load)."""
    data = load_validated("sources.json")
    return {
        s["id"]: Source(
            id=s["id"], kind=s["kind"], title=s["title"], citation=s["citation"],
            read_note=s["read_note"], url=s.get("url"), symbol=s.get("symbol"),
        )
        for s in data["sources"]
    }
