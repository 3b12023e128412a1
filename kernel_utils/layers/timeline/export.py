"""Export the timeline to TimelineJS 3 JSON and to CSV.

TimelineJS (Knight Lab) reads a JSON object of ``events`` (slides with
``start_date``/``end_date`` date objects, a ``text`` with headline and body, a
``group``).  The export escapes every piece of data (``html.escape``), because
TimelineJS renders headline and text as HTML.  Its structure is checked in the
tests against a JSON Schema written from the format's documentation
(``tests/fixtures/timelinejs3.schema.json``).

The CSV is one row per event with ISO dates and ``;``-joined lists, for
spreadsheets; it is written deterministically (sorted, ``\\n`` line ends).
"""

from __future__ import annotations

import csv
import io
import json
from markupsafe import Markup, escape
from typing import Any

from kernel_utils.layers.timeline.model import TELEGRAM_DATE, TELEGRAM_ID, load_timeline

__all__ = ["to_timelinejs", "timelinejs_json", "to_csv", "CSV_COLUMNS"]

_GROUPS = {"war": "The war", "un": "United Nations", "washington": "Washington", "peking": "Peking", "diplomacy": "Other diplomacy"}


def _date_object(value: str) -> dict[str, int]:
    parts = [int(p) for p in value.split("-")]
    return dict(zip(("year", "month", "day"), parts))


def _slide_text(event: dict[str, Any]) -> str:
    """A slide's HTML text; ``Markup.format`` escapes every piece of data by construction."""
    parts = [Markup("<p>{}</p>").format(event["description"]),
             Markup("<p>Local date: {}. Confidence: {}.</p>").format(event["local_place"], event["confidence"])]
    for variant in event.get("date_variants", ()):
        parts.append(Markup("<p>Another source gives {} ({}).</p>").format(variant["date"], variant["source"]))
    for link in event.get("telegram_passages", ()):
        parts.append(Markup("<blockquote>{}</blockquote><p>({})</p>").format(link["quote"], link["relation"]))
    parts.append(Markup("<p>Sources: {}</p>").format(", ".join(r["source"] for r in event["sources"])))
    return str(Markup("").join(parts))


def to_timelinejs(data: dict[str, Any] | None = None, *, group_by: str = "lane") -> dict[str, Any]:
    """The timeline as a TimelineJS 3 data object (a dict ready for ``json.dumps``).

    ``group_by`` is 'lane' (events / correspondence) or 'category'. The telegram's own
    correspondence event is its slide; the title slide names the edition.
    """
    if group_by not in ("lane", "category"):
        raise ValueError(f"group_by must be 'lane' or 'category', not {group_by!r}")
    data = data if data is not None else load_timeline()
    slides = []
    for event in sorted(data["events"], key=lambda e: (e["start"], e["id"])):
        slide: dict[str, Any] = {
            "start_date": _date_object(event["start"]),
            "text": {"headline": str(escape(event["title"])), "text": _slide_text(event)},
            "group": _GROUPS[event["category"]] if group_by == "category" else ("FRUS correspondence" if event["lane"] == "correspondence" else "Events"),
            "unique_id": event["id"],
            "autolink": False,
        }
        if event.get("end"):
            slide["end_date"] = _date_object(event["end"])
        if event.get("frus_document") == TELEGRAM_ID:
            slide["background"] = {"color": "#F0E442"}
        slides.append(slide)
    return {
        "title": {
            "text": {
                "headline": "Telegram 602 in its moment: June 1950 – February 1951",
                "text": str(escape(f"Events and FRUS correspondence around the telegram of {TELEGRAM_DATE} (Webb to USUN). Dates are local dates of the place named on each slide.")),
            },
            "unique_id": "title",
        },
        "events": slides,
        "scale": "human",
    }


def timelinejs_json(data: dict[str, Any] | None = None, **kwargs: Any) -> str:
    """The TimelineJS export as JSON text (sorted keys, UTF-8 characters kept, newline at the end)."""
    return json.dumps(to_timelinejs(data, **kwargs), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


CSV_COLUMNS = (
    "id", "start", "end", "precision", "local_place", "category", "lane", "title", "actors", "sources",
    "source_urls", "frus_document", "confidence", "other_dates", "reported_to_washington", "telegram_passages",
)


def to_csv(data: dict[str, Any] | None = None) -> str:
    """The timeline as CSV text, one event a row (lists joined with '; ')."""
    from kernel_utils.store.sources import load_sources

    data = data if data is not None else load_timeline()
    bib = load_sources()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in sorted(data["events"], key=lambda e: (e["start"], e["id"])):
        source_ids = [r["source"] for r in e["sources"]]
        urls = [bib[s].url or "" for s in source_ids if s in bib]
        reported = e.get("reported_to_washington", {}).get("when", "unknown")
        writer.writerow([
            e["id"], e["start"], e.get("end", ""), e["precision"], e["local_place"], e["category"], e["lane"], e["title"],
            "; ".join(e["actors"]), "; ".join(source_ids), "; ".join(u for u in urls if u), e.get("frus_document", ""),
            e["confidence"], "; ".join(f"{v['date']} ({v['source']})" for v in e.get("date_variants", ())), reported,
            "; ".join(f"{p['start']}-{p['end']} {p['relation']}: {p['quote']}" for p in e.get("telegram_passages", ())),
        ])
    return buffer.getvalue()
