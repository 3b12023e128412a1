"""The timeline explorer: date range, category and lane toggles, the knowledge-horizon switch, one event's view.

All controls are labelled, native and keyboard-usable (drop-downs and check boxes).
The date range is two drop-downs, "From" and "To", over the days of the timeline's
months: a range slider's handles have no accessible name in ipywidgets 8.1, so a
screen reader could not tell them apart.  The result is written into ``HTML`` widgets (never printed), and
every control has a method that sets it from code and returns what the view now
shows as static HTML, so a notebook cell can demonstrate it, nbval runs the
callbacks, and a static render still shows an example.
"""

from __future__ import annotations

from typing import Any, Iterable

import pandas as pd
from IPython.display import HTML

from kernel_utils.store.sources import load_sources
from kernel_utils.store.entities import load_entities
from kernel_utils.layers.timeline.horizon import document_moment, knowledge_horizon
from kernel_utils.layers.timeline.model import CATEGORIES, LANES, event_detail, events_frame, filter_events, load_timeline
from kernel_utils.views.timeline.chart import timeline_chart
from kernel_utils.views.timeline.cards import event_card_html, events_table_html
from kernel_utils.views.static import StaticItem, listed_box, static_listing, with_static_html

__all__ = ["TimelineExplorer"]

_CATEGORY_LABELS = {"war": "The war", "un": "United Nations", "washington": "Washington", "peking": "Peking", "diplomacy": "Other diplomacy"}
_LANE_LABELS = {"events": "Events", "correspondence": "FRUS correspondence"}


class TimelineExplorer:
    """Filter the timeline and read one event with its sources and telegram passages."""

    def __init__(self, *, document: str | None = None, moment: str | None = None):
        """``moment``: the day of the horizon switch (default: the date of ``document``, default the edition's own)."""
        import ipywidgets as widgets

        self.data = load_timeline()
        self.frame = events_frame(self.data)
        self.document = document
        self.marked = document_moment(document, moment)
        self.moment = moment = self.marked.iso
        self.horizon_frame = knowledge_horizon(self.frame, moment)
        self.sources = load_sources()
        self.entities = load_entities()
        first, last = self.frame["start"].min(), self.frame["end"].max()
        months = pd.date_range(first.to_period("M").to_timestamp(), last.to_period("M").to_timestamp() + pd.offsets.MonthEnd(0), freq="D")
        self._days = list(months)
        style = {"description_width": "initial"}
        days = [(f"{d:%d %b %Y}", d) for d in self._days]
        self.start = widgets.Dropdown(options=days, index=0, description="From", style=style)
        self.end = widgets.Dropdown(options=days, index=len(days) - 1, description="To", style=style)
        self.category_boxes = {c: widgets.Checkbox(value=True, description=_CATEGORY_LABELS[c], indent=False, style=style) for c in CATEGORIES}
        self.lane_boxes = {l: widgets.Checkbox(value=True, description=_LANE_LABELS[l], indent=False, style=style) for l in LANES}
        self.horizon = widgets.Checkbox(value=False, description=f"Only what Washington could know on {pd.Timestamp(moment):%d %B %Y}", indent=False, style=style)
        self.event = widgets.Dropdown(description="Event", options=[], style=style, layout=widgets.Layout(width="40em"))
        self.summary = widgets.HTML()
        self.chart = widgets.HTML()
        self.table = widgets.HTML()
        self.card = widgets.HTML()
        for control in [self.start, self.end, self.horizon, *self.category_boxes.values(), *self.lane_boxes.values()]:
            control.observe(self._on_filter, names="value")
        self.event.observe(self._on_event, names="value")
        self._quiet = False
        self._refresh()
        self.widget = listed_box(self, [
            widgets.HBox([widgets.Label("Dates:"), self.start, self.end]),
            widgets.HBox([widgets.Label("Categories:"), *self.category_boxes.values()]),
            widgets.HBox([widgets.Label("Lanes:"), *self.lane_boxes.values()]),
            self.horizon,
            self.summary,
            self.chart,
            self.event,
            self.card,
            self.table,
        ])

    # ------------------------------------------------------------------ state
    @property
    def dates(self) -> tuple[pd.Timestamp, pd.Timestamp]:
        """The first and last day selected (in order, whichever drop-down holds the earlier one)."""
        return min(self.start.value, self.end.value), max(self.start.value, self.end.value)

    def current(self) -> pd.DataFrame:
        """The events the controls select (with the horizon columns)."""
        start, end = self.dates
        categories = [c for c, box in self.category_boxes.items() if box.value]
        lanes = [l for l, box in self.lane_boxes.items() if box.value]
        selected = filter_events(self.horizon_frame, start=start, end=end, categories=categories, lanes=lanes)
        if self.horizon.value:
            selected = selected[selected["could_know"]].reset_index(drop=True)
        return selected

    def _refresh(self) -> None:
        selected = self.current()
        start, end = self.dates
        what = "only what Washington could know on " + self.moment if self.horizon.value else "everything, with hindsight"
        self.summary.value = (
            f"<p><strong>{len(selected)}</strong> of {len(self.frame)} events between {start:%d %B %Y} and {end:%d %B %Y}; showing {what}. "
            "Hollow markers: events Washington could not yet know on the telegram's day.</p>"
        )
        self.chart.value = timeline_chart(selected, title="Selected events", document=self.document, moment=self.moment).html if len(selected) else "<p>No events in the selection.</p>"
        self.table.value = events_table_html(selected, caption="Selected events")
        options = [(f"{e['start']:%Y-%m-%d} {e['title']}", e["id"]) for _, e in selected.iterrows()]
        keep = self.event.value if self.event.value in {v for _, v in options} else (options[0][1] if options else None)
        self.event.options = options
        self.event.value = keep
        self._show_event(keep)

    def _show_event(self, event_id: str | None) -> None:
        if event_id is None:
            self.card.value = "<p>No event selected.</p>"
            return
        row = self.horizon_frame[self.horizon_frame["id"] == event_id].iloc[0]
        self.card.value = event_card_html(
            event_detail(event_id, self.data), sources=self.sources, entities=self.entities,
            horizon={"happened": row["happened"], "known_in_washington": row["known_in_washington"],
                     "evidence": row.get("evidence", ""), "evidence_detail": row.get("evidence_detail", "")}, moment=self.moment,
        )

    def _on_filter(self, change) -> None:
        if not self._quiet:
            self._refresh()

    def _on_event(self, change) -> None:
        self._show_event(change["new"])

    # ------------------------------------------------------------------ set from code
    def set_range(self, start: Any, end: Any) -> HTML:
        """Set the date range as a reader would (the two drop-downs, to whole days); return the summary and table."""
        start_ts, end_ts = pd.Timestamp(start), pd.Timestamp(end)
        if not (self._days[0] <= start_ts <= end_ts <= self._days[-1]):
            raise ValueError(f"a range within {self._days[0]:%Y-%m-%d} – {self._days[-1]:%Y-%m-%d} with start ≤ end; found {start_ts:%Y-%m-%d} – {end_ts:%Y-%m-%d}")
        self._quiet = True  # one refresh for the pair of drop-downs
        try:
            self.start.value = start_ts.normalize()
            self.end.value = end_ts.normalize()
        finally:
            self._quiet = False
        self._refresh()
        return HTML(self.summary.value + self.table.value)

    def set_filters(self, *, categories: Iterable[str] | None = None, lanes: Iterable[str] | None = None) -> HTML:
        """Tick exactly these categories and lanes (None leaves a group unchanged); return the summary and table."""
        for given, boxes, valid in ((categories, self.category_boxes, CATEGORIES), (lanes, self.lane_boxes, LANES)):
            if given is None:
                continue
            given = set(given)
            unknown = sorted(given - set(valid))
            if unknown:
                raise ValueError(f"unknown {', '.join(map(repr, unknown))}; expected some of {', '.join(valid)}")
            self._quiet = True  # one refresh for the whole group of boxes
            try:
                for name, box in boxes.items():
                    box.value = name in given
            finally:
                self._quiet = False
        self._refresh()
        return HTML(self.summary.value + self.table.value)

    def set_horizon(self, on: bool) -> HTML:
        """Switch 'only what Washington could know' on or off; return the summary, chart and table."""
        self.horizon.value = bool(on)
        return HTML(self.summary.value + self.chart.value + self.table.value)

    def select(self, event_id: str) -> HTML:
        """Show one event (it must be in the current selection); return its card."""
        ids = [v for _, v in self.event.options]
        if event_id not in ids:
            raise KeyError(f"event {event_id!r} is not in the current selection ({len(ids)} events)")
        self.event.value = event_id
        return HTML(self.card.value)

    def static_html(self) -> str:
        """Every event's card at once (collapsed), anchored ``event-ID``, for static pages.

        The items are the event drop-down's options with every date, category and lane selected
        and the knowledge horizon off, i.e. every event of the timeline.
        """
        frame = self.horizon_frame.sort_values(["start", "id"], kind="stable")
        items = []
        for _, e in frame.iterrows():
            card = event_card_html(event_detail(e["id"], self.data), sources=self.sources, entities=self.entities,
                                   horizon={"happened": e["happened"], "known_in_washington": e["known_in_washington"]})
            items.append(StaticItem(f"{e['start']:%Y-%m-%d} {e['title']}", card, f"event-{e['id']}"))
        first, last = self._days[0], self._days[-1]
        note = (f"All {len(items)} events from {first:%d %B %Y} to {last:%d %B %Y}, every category "
                f"({', '.join(_CATEGORY_LABELS[c] for c in CATEGORIES)}) and lane ({', '.join(_LANE_LABELS[l] for l in LANES)}).")
        return static_listing("TimelineExplorer", "Every event's card", items, note=note)

    def _repr_mimebundle_(self, **kwargs):
        return with_static_html(self, self.widget._repr_mimebundle_(**kwargs))
