"""The timeline layer: dated events around the edition's documents, as data and as a table.

``data/timeline/events.json`` holds events from June 1950 to February 1951 in two
lanes: ``events`` (the war, the UN, Washington, Peking, other diplomacy) and
``correspondence`` (the FRUS telegrams and memoranda around the telegram, each
by its FRUS document id).  Each date is the *local* date of the event's
``local_place``: Korea lies across the date line from Washington, so a Korean
date can be Washington's next day.  Sources that disagree on a date are kept
side by side (``date_variants``), never reconciled silently.

This module loads the validated events (the rules are in
:mod:`kernel_utils.layers.timeline.checks`, one set used by ``python -m kernel_utils validate``
and on every load), turns them into a pandas DataFrame with real datetime columns, filters it,
and answers queries about one event, the passage links and the dates sources disagree on.  The
*knowledge horizon* (which events had happened, and which had been reported to Washington, by a
given day) is in :mod:`kernel_utils.layers.timeline.horizon`.
"""

from __future__ import annotations

from typing import Any, Sequence

import pandas as pd

from kernel_utils.layers.timeline.checks import TIMELINE_FILE
from kernel_utils.store.validation import load_validated

__all__ = [
    "CATEGORIES",
    "LANES",
    "TIMELINE_FILE",
    "load_timeline",
    "events_frame",
    "filter_events",
    "event_detail",
    "passage_links",
    "date_disagreements",
]

CATEGORIES = ("war", "un", "washington", "peking", "diplomacy")
LANES = ("events", "correspondence")


# --------------------------------------------------------------------------- loading
def load_timeline() -> dict[str, Any]:
    """The validated contents of ``data/timeline/events.json``."""
    return load_validated(TIMELINE_FILE)


_COLUMNS = [
    "id",
    "start",
    "end",
    "precision",
    "local_place",
    "category",
    "lane",
    "title",
    "description",
    "actors",
    "also_named",
    "sources",
    "frus_document",
    "confidence",
    "date_variants",
    "reported_when",
    "reported_basis",
    "reported_how",
    "passages",
    "knowledge",
]


def events_frame(data: dict[str, Any] | None = None) -> pd.DataFrame:
    """The events as a DataFrame sorted by start date.

    ``start`` and ``end`` are ``datetime64`` columns (``end`` equals ``start`` for one-day
    events); ``reported_when`` is a datetime or ``NaT`` when the reporting date is unknown.
    List-valued fields (actors, source ids, date variants) are tuples.
    """
    data = data if data is not None else load_timeline()
    rows = []
    for e in data["events"]:
        reported = e.get("reported_to_washington") or {}
        when = reported.get("when")
        rows.append(
            {
                "id": e["id"],
                "start": e["start"],
                "end": e.get("end", e["start"]),
                "precision": e["precision"],
                "local_place": e["local_place"],
                "category": e["category"],
                "lane": e["lane"],
                "title": e["title"],
                "description": e["description"],
                "actors": tuple(e["actors"]),
                "also_named": tuple(e.get("also_named", ())),
                "sources": tuple(r["source"] for r in e["sources"]),
                "frus_document": e.get("frus_document"),
                "confidence": e["confidence"],
                "date_variants": tuple(v["date"] for v in e.get("date_variants", ())),
                "reported_when": when if when and when != "unknown" else None,
                "reported_basis": reported.get("basis"),
                "reported_how": reported.get("how"),
                "passages": len(e.get("telegram_passages", ())),
                "knowledge": tuple(e.get("knowledge", ())),
            }
        )
    frame = pd.DataFrame(rows, columns=_COLUMNS)
    for column in ("start", "end", "reported_when"):
        frame[column] = pd.to_datetime(frame[column], format="mixed")
    frame["category"] = pd.Categorical(frame["category"], categories=list(CATEGORIES))
    frame["lane"] = pd.Categorical(frame["lane"], categories=list(LANES))
    return frame.sort_values(["start", "id"]).reset_index(drop=True)  # ids are unique: no ties


def _as_timestamp(value: Any) -> pd.Timestamp:
    return pd.Timestamp(value)


def filter_events(
    frame: pd.DataFrame,
    *,
    start: Any = None,
    end: Any = None,
    categories: Sequence[str] | None = None,
    lanes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Events overlapping the date range [start, end] (inclusive), in the given categories and lanes.

    ``None`` means no limit. Unknown category or lane names raise ``ValueError`` naming the valid ones.
    """
    for given, valid, what in ((categories, CATEGORIES, "category"), (lanes, LANES, "lane")):
        unknown = sorted(set(given or ()) - set(valid))
        if unknown:
            raise ValueError(f"unknown {what} {', '.join(map(repr, unknown))}; expected one of {', '.join(valid)}")
    mask = pd.Series(True, index=frame.index)
    if start is not None:
        mask &= frame["end"] >= _as_timestamp(start)
    if end is not None:
        mask &= frame["start"] <= _as_timestamp(end)
    if categories is not None:
        mask &= frame["category"].isin(list(categories))
    if lanes is not None:
        mask &= frame["lane"].isin(list(lanes))
    return frame[mask].reset_index(drop=True)


# --------------------------------------------------------------------------- one event
def event_detail(event_id: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """The full record of one event (raises ``KeyError`` naming a few valid ids if unknown)."""
    data = data if data is not None else load_timeline()
    for event in data["events"]:
        if event["id"] == event_id:
            return event
    sample = ", ".join(e["id"] for e in data["events"][:5])
    raise KeyError(f"no event {event_id!r} in {TIMELINE_FILE} (e.g. {sample} …)")


def passage_links(data: dict[str, Any] | None = None, document: str | None = None) -> pd.DataFrame:
    """Every link from an event to words of a document: event, date, relation, offsets, quote.

    ``document``: only the links into that bundled document (default: every link).
    """
    data = data if data is not None else load_timeline()
    rows = [
        {
            "event": e["id"],
            "start_date": e["start"],
            "relation": link["relation"],
            "start": link["start"],
            "end": link["end"],
            "quote": link["quote"],
        }
        for e in data["events"]
        for link in e.get("telegram_passages", ())
        if document is None or link["document"] == document
    ]
    frame = pd.DataFrame(rows, columns=["event", "start_date", "relation", "start", "end", "quote"])
    frame["start_date"] = pd.to_datetime(frame["start_date"], format="mixed")  # day or month precision
    # a multi-column sort is stable (pandas applies ``kind`` to single-column sorts only)
    return frame.sort_values(["start", "start_date", "event"]).reset_index(drop=True)


def date_disagreements(data: dict[str, Any] | None = None) -> pd.DataFrame:
    """Where sources disagree on a date: the date kept, its first source, and each other date with its source."""
    data = data if data is not None else load_timeline()
    rows = []
    for e in data["events"]:
        for v in e.get("date_variants", ()):
            rows.append(
                {
                    "event": e["id"],
                    "title": e["title"],
                    "date_kept": e["start"],
                    "end_kept": e.get("end"),
                    "kept_source": e["sources"][0]["source"],
                    "other_date": v["date"],
                    "other_source": v["source"],
                    "other_evidence": v["evidence"],
                }
            )
    return pd.DataFrame(
        rows,
        columns=[
            "event",
            "title",
            "date_kept",
            "end_kept",
            "kept_source",
            "other_date",
            "other_source",
            "other_evidence",
        ],
    )
