"""HTML views of the timeline: a table of events and a card for one event.

Every value from the data passes through :func:`html.escape`; links are only
the ``https://`` addresses recorded in ``data/sources.json``.
"""

from __future__ import annotations

from html import escape
from typing import Any, Mapping

import pandas as pd

from kernel_utils.layers.timeline.model import TELEGRAM_DATE, knowledge_horizon

__all__ = ["events_table_html", "event_card_html", "horizon_summary_html"]

_BOX = "border:1px solid #767676;border-radius:4px;padding:0.6em 0.9em;margin:0.4em 0;max-width:60em;"
_CELL = "text-align:left;padding:0.15em 0.6em;vertical-align:top;border-bottom:1px solid #DDDDDD;"


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
        rows.append("<tr>" + "".join(f"<td style='{_CELL}'>{escape(str(c))}</td>" for c in cells) + "</tr>")
    header = "<tr>" + "".join(f"<th scope='col' style='{_CELL}'>{escape(h)}</th>" for h in head) + "</tr>"
    return (
        f"<table style='border-collapse:collapse;font-size:0.9em'><caption style='text-align:left;font-weight:bold'>"
        f"{escape(caption)} ({len(frame)})</caption><thead>{header}</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def horizon_summary_html(frame: pd.DataFrame, moment: str = TELEGRAM_DATE) -> str:
    """Counts of the horizon statuses for the events of ``frame`` at ``moment``."""
    h = knowledge_horizon(frame, moment)
    counts = h.groupby(["happened", "known_in_washington"], observed=True).size()
    rows = "".join(
        f"<tr><td style='{_CELL}'>{escape(a)}</td><td style='{_CELL}'>{escape(b)}</td><td style='{_CELL}'>{int(n)}</td></tr>"
        for (a, b), n in counts.items()
    )
    return (
        f"<table style='border-collapse:collapse'><caption style='text-align:left;font-weight:bold'>"
        f"What had happened, and what Washington knew, by the end of {escape(moment)}</caption>"
        f"<thead><tr><th scope='col' style='{_CELL}'>Happened?</th><th scope='col' style='{_CELL}'>Known in Washington?</th>"
        f"<th scope='col' style='{_CELL}'>Events</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _link(text: str, url: str | None) -> str:
    if url and url.startswith("https://"):
        return f"<a href='{escape(url, quote=True)}'>{escape(text)}</a>"
    return escape(text)


def event_card_html(event: Mapping[str, Any], *, sources: Mapping[str, Any], entities: Mapping[str, Any], horizon: Mapping[str, str] | None = None) -> str:
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
        rows.append((f"On {TELEGRAM_DATE}", f"happened: {horizon['happened']}; known in Washington: {horizon['known_in_washington']}"))
        if horizon.get("evidence"):
            detail = horizon.get("evidence_detail") or ""
            rows.append(("Kind of evidence", f"{horizon['evidence']}" + (f": {detail}" if detail else "")))
    table = "".join(f"<tr><th scope='row' style='{_CELL}'>{escape(k)}</th><td style='{_CELL}'>{escape(str(v))}</td></tr>" for k, v in rows)

    def source_text(ref: Mapping[str, Any]) -> str:
        src = sources.get(ref["source"])
        title = f"{src.title} [{src.kind}]" if src else ref["source"]
        return f"{_link(title, src.url if src else None)}: “{escape(ref.get('evidence', ''))}”"

    def source_item(ref: Mapping[str, Any]) -> str:
        return f"<li>{source_text(ref)}</li>"

    parts = [f"<section style='{_BOX}' aria-label='Event {escape(event['id'])}'>",
             f"<h4 style='margin:0.2em 0'>{escape(event['title'])}</h4><p>{escape(event['description'])}</p>",
             f"<table>{table}</table>",
             "<p><strong>Sources</strong></p><ul>" + "".join(source_item(r) for r in event["sources"]) + "</ul>"]
    if event.get("date_variants"):
        items = "".join(f"<li>{escape(v['date'])}, according to {source_text(v)}</li>" for v in event["date_variants"])
        parts.append(f"<p><strong>Sources disagree on the date</strong> (kept: {escape(event['start'])})</p><ul>{items}</ul>")
    if reported:
        parts.append("<p><strong>How it reached Washington</strong></p><ul>" + "".join(source_item(r) for r in reported["sources"]) + "</ul>")
    links = event.get("telegram_passages", ())
    if links:
        items = "".join(
            f"<li><q>{escape(l['quote'])}</q> (characters {l['start']}–{l['end']}; {escape(l['relation'])})"
            + (f": {escape(l['note'])}" if l.get("note") else "") + "</li>"
            for l in links
        )
        parts.append(f"<p><strong>Telegram passages</strong></p><ul>{items}</ul>")
    else:
        parts.append("<p><strong>Telegram passages</strong>: none linked.</p>")
    parts.append("</section>")
    return "".join(parts)
