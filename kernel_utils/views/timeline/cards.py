"""HTML views of the timeline: a table of events and a card for one event.

Every value from the data goes through the autoescaping template ``templates/timeline.html``
(:mod:`kernel_utils.views.html`); links are only the ``https://`` addresses recorded in
``data/sources.json``.
"""

from __future__ import annotations

from typing import Any, Mapping

import pandas as pd

from kernel_utils.layers.timeline.horizon import knowledge_horizon
from kernel_utils.views.html import macro

__all__ = ["events_table_html", "event_card_html", "horizon_summary_html"]

_TEMPLATE = "timeline.html"


def _dates(start: pd.Timestamp, end: pd.Timestamp) -> str:
    if end > start:
        return f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"
    return f"{start:%Y-%m-%d}"


def events_table_html(frame: pd.DataFrame, *, caption: str = "Events") -> str:
    """A table of events: date, place of the local date, category, lane, title (and horizon columns if present)."""
    horizon = "known_in_washington" in frame
    evidence = "evidence" in frame
    head = ["Date", "Local date of", "Category", "Lane", "Event"] + (["Happened by then?", "Known in Washington?"] if horizon else []) + (["Kind of evidence"] if evidence else [])
    rows = []
    for _, e in frame.iterrows():
        cells = [_dates(e["start"], e["end"]), e["local_place"], e["category"], e["lane"], e["title"]]
        if e["frus_document"] and e["lane"] == "correspondence":
            cells[-1] = f"{e['title']} [{e['frus_document']}]"
        if horizon:
            cells += [e["happened"], e["known_in_washington"]]
        if evidence:
            cells.append(e["evidence"])
        rows.append([str(c) for c in cells])
    return str(macro(_TEMPLATE, "events_table")(caption, head, rows))


def horizon_summary_html(frame: pd.DataFrame, moment: str) -> str:
    """Counts of the horizon statuses for the events of ``frame`` at ``moment``."""
    h = knowledge_horizon(frame, moment)
    counts = h.groupby(["happened", "known_in_washington"], observed=True).size()
    return str(macro(_TEMPLATE, "horizon_summary")(moment, [(a, b, int(n)) for (a, b), n in counts.items()]))


def _source(ref: Mapping[str, Any], sources: Mapping[str, Any]) -> dict[str, Any]:
    """A source reference for the template: title (with kind), its https address if any, the words quoted."""
    src = sources.get(ref["source"])
    url = src.url if src and src.url and src.url.startswith("https://") else None
    return {"title": f"{src.title} [{src.kind}]" if src else ref["source"], "url": url, "evidence": ref.get("evidence", "")}


def event_card_html(event: Mapping[str, Any], *, sources: Mapping[str, Any], entities: Mapping[str, Any], horizon: Mapping[str, str] | None = None, moment: str = "the chosen day") -> str:
    """One event with its dates, actors, every source (with its words), date disagreements,
    how it reached Washington, and the telegram passages it bears on."""
    rows = [("Date", event["start"] + (f" – {event['end']}" if event.get("end") else "") + f" (precision: {event['precision']})"),
            ("Local date of", event["local_place"]), ("Category", event["category"]), ("Lane", event["lane"]),
            ("Confidence", event["confidence"])]
    if event.get("frus_document"):
        rows.append(("FRUS document", event["frus_document"]))
    actors = [entities[a].name if a in entities else a for a in event["actors"]]
    rows.append(("Actors", ", ".join(actors) or "none linked"))
    if event.get("actors_not_in_evidence"):
        unnamed = [entities[a].name if a in entities else a for a in event["actors_not_in_evidence"]]
        rows.append(("Actors not named in the evidence cited", ", ".join(unnamed) + " (the compiler's attribution, to be checked)"))
    if event.get("also_named"):
        rows.append(("Also named (not linked)", ", ".join(event["also_named"])))
    reported = event.get("reported_to_washington")
    for item in event.get("knowledge", ()):
        where = f"{item['document']} ({item['date']}): “{item['quote']}”" if item.get("document") else "; ".join(r["evidence"] for r in item.get("sources", ()))
        rows.append((f"Evidence of knowledge: {item['category']}", where + (f" — {item['note']}" if item.get("note") else "")))
    if reported:
        rows.append(("Reached Washington", f"{reported['when']} ({reported['basis']}): {reported['how']}"))
    else:
        rows.append(("Reached Washington", "unknown (the sources read do not say)"))
    if horizon:
        rows.append((f"On {moment}", f"happened: {horizon['happened']}; known in Washington: {horizon['known_in_washington']}"))
        if horizon.get("evidence"):
            detail = horizon.get("evidence_detail") or ""
            rows.append(("Kind of evidence", f"{horizon['evidence']}" + (f": {detail}" if detail else "")))
    return str(macro(_TEMPLATE, "event_card")(
        event, rows, [_source(r, sources) for r in event["sources"]],
        [(v["date"], _source(v, sources)) for v in event.get("date_variants", ())],
        [_source(r, sources) for r in reported["sources"]] if reported else [],
        list(event.get("telegram_passages", ()))))
