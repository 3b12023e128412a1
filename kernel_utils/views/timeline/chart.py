"""A chart of the timeline: deterministic SVG with a title, a description and the telegram marked.

Two layouts, chosen by the number of events so that every label stays readable:
up to ``MAX_LABELLED`` events get one row each, labelled with the event's date and
title; more events are drawn on one row per category (and one for the FRUS
correspondence lane) without labels.  Colours are the Okabe–Ito palette, and
each category also has its own marker shape, so nothing depends on colour alone.
Events Washington could not yet know on the horizon date are drawn hollow.

The SVG is made reproducible (``svg.hashsalt``, no date in the metadata, text kept
as text) and carries ``role="img"``, an ``aria-label``, ``<title>`` and ``<desc>``
so that screen readers and static renders have the alt text.  It is responsive
(``width="100%"`` with its ``viewBox``, never wider than drawn), so it never makes
an output scroll sideways, and keeps only the ids it refers to (clip paths, named
from their content), so the same chart can appear twice on a page.  In a notebook
it shows inline in HTML with a caption (see :mod:`kernel_utils.views.figure`).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
import pandas as pd
from lxml import etree

from typing import Any

from kernel_utils.layers.timeline.horizon import Moment, document_moment
from kernel_utils.layers.timeline.model import CATEGORIES
from kernel_utils.views.palette import OKABE_ITO
from kernel_utils.views.figure import figure_bundle, figure_html

__all__ = ["CATEGORY_STYLE", "MAX_LABELLED", "TimelineChart", "timeline_chart"]

#: Okabe–Ito colour and a marker per category (colour-blind safe, and redundant with shape).
CATEGORY_STYLE = {
    "war": (OKABE_ITO["vermillion"], "o", "The war"),
    "un": (OKABE_ITO["blue"], "s", "United Nations"),
    "washington": (OKABE_ITO["bluish_green"], "D", "Washington"),
    "peking": (OKABE_ITO["reddish_purple"], "^", "Peking"),
    "diplomacy": (OKABE_ITO["orange"], "v", "Other diplomacy"),
}
TELEGRAM_COLOUR = OKABE_ITO["black"]
MAX_LABELLED = 45


@dataclass(frozen=True)
class TimelineChart:
    """An SVG chart, its title and its alt text.

    Shows in Jupyter as ``text/html`` (the SVG inline, named by its title, in a ``<figure>`` whose
    caption is the alt text) with the ``image/svg+xml`` kept for GitHub's preview.
    """

    svg: str
    alt: str
    title: str = ""

    @property
    def html(self) -> str:
        """The chart as an accessible HTML figure (for HTML widgets and static views)."""
        return figure_html(self.svg, label=self.title or self.alt, caption=self.alt)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        return figure_bundle(self.svg, label=self.title or self.alt, caption=self.alt, alt=self.alt)

    def _repr_svg_(self) -> str:
        return self.svg

    def __repr__(self) -> str:  # the plain-text fallback of the figure is its alt text
        return self.alt


def _short(text: str, limit: int = 58) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _alt_text(frame: pd.DataFrame, title: str, moment: Moment, hollow: int) -> str:
    if frame.empty:
        return f"{title}: no events in the selection."
    first, last = frame["start"].min(), frame["end"].max()
    counts = frame["category"].value_counts()
    parts = ", ".join(f"{int(counts.get(c, 0))} {CATEGORY_STYLE[c][2]}" for c in CATEGORIES if counts.get(c, 0))
    text = (
        f"{title}. {len(frame)} events from {first:%d %B %Y} to {last:%d %B %Y} ({parts}); "
        f"a vertical dashed line marks {moment.name} on {moment.day:%d %B %Y}."
    )
    if hollow:
        text += f" {hollow} events that Washington could not yet know on that day are drawn hollow."
    return text


def timeline_chart(frame: pd.DataFrame, *, document: str | None = None, moment: Any = None, title: str | None = None,
                   width: float = 10.0) -> TimelineChart:
    """Draw the events of ``frame`` (from :func:`~kernel_utils.layers.timeline.model.events_frame`, optionally filtered).

    A dashed line marks ``moment`` (default: the date of ``document``, default the edition's own);
    its label, the legend and the alt text name the same day
    (:func:`~kernel_utils.layers.timeline.horizon.document_moment`).  ``title`` defaults to
    "<document> in its moment".

    If ``frame`` has the horizon columns (:func:`~kernel_utils.layers.timeline.horizon.knowledge_horizon`), events
    with ``could_know`` False are drawn hollow.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    marked = document_moment(document, moment)
    title = title or f"{marked.document} in its moment"
    moment_ts = marked.day
    frame = frame.sort_values(["start", "id"], kind="stable").reset_index(drop=True)
    known = frame["could_know"] if "could_know" in frame else pd.Series(True, index=frame.index)
    labelled = len(frame) <= MAX_LABELLED
    with matplotlib.rc_context({"svg.hashsalt": "edition", "svg.fonttype": "none", "font.size": 9}):
        if labelled:
            rows = list(range(len(frame)))
            height = max(2.5, 0.24 * len(frame) + 1.4)
        else:
            row_names = [c for c in CATEGORIES] + ["correspondence"]
            row_of = {name: i for i, name in enumerate(row_names)}
            rows = [row_of["correspondence"] if lane == "correspondence" else row_of[cat] for lane, cat in zip(frame["lane"], frame["category"])]
            height = 3.6
        fig, ax = plt.subplots(figsize=(width, height))
        for i, event in frame.iterrows():
            colour, marker, _ = CATEGORY_STYLE[event["category"]]
            y = rows[i]
            face = colour if bool(known.iloc[i]) else "white"
            if event["end"] > event["start"]:
                ax.plot([event["start"], event["end"]], [y, y], color=colour, linewidth=3, solid_capstyle="butt", zorder=2)
            ax.plot([event["start"]], [y], marker=marker, markersize=6, markerfacecolor=face, markeredgecolor=colour, markeredgewidth=1.4, linestyle="none", zorder=3)
        ax.axvline(moment_ts, color=TELEGRAM_COLOUR, linestyle="--", linewidth=1.2, zorder=1)
        ax.annotate(marked.name, xy=(moment_ts, 0.0), xycoords=("data", "axes fraction"), xytext=(3, 3), textcoords="offset points", fontsize=8, va="bottom", ha="left",
                    bbox={"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none"})
        if labelled:
            ax.set_yticks(rows)
            ax.set_yticklabels([f"{e['start']:%d %b %Y}  {_short(e['title'])}" for _, e in frame.iterrows()], fontsize=7.5)
            ax.invert_yaxis()
            ax.set_ylabel("Event (local date)")
        else:
            ax.set_yticks(range(len(row_names)))
            ax.set_yticklabels([CATEGORY_STYLE[c][2] for c in CATEGORIES] + ["FRUS correspondence"])
            ax.invert_yaxis()
            ax.set_ylabel("Category / lane")
        ax.set_xlabel("Date (local date of each event)")
        ax.set_title(title)
        locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
        handles = [
            plt.Line2D([], [], marker=m, color=c, linestyle="none", markersize=6, label=label)
            for c, m, label in CATEGORY_STYLE.values()
        ]
        handles.append(plt.Line2D([], [], color=TELEGRAM_COLOUR, linestyle="--", label=marked.legend))
        hollow = int((~known.astype(bool)).sum())
        if hollow:
            handles.append(plt.Line2D([], [], marker="o", color="#595959", markerfacecolor="white", linestyle="none", label="not yet known in Washington"))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7.5, frameon=False)
        fig.tight_layout()
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
    alt = _alt_text(frame, title, marked, hollow)
    return TimelineChart(svg=_accessible_svg(buffer.getvalue(), title, alt), alt=alt, title=title)


def _accessible_svg(svg: str, title: str, alt: str) -> str:
    """Give the <svg> element role="img", an aria-label, and a <title>/<desc> first child; make it
    responsive (width 100%, at most its drawn width); drop the XML prologue and the ids nothing refers to.

    The SVG is edited as an XML tree (lxml), so the title and alt text are escaped by construction."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(svg.encode("utf-8"), parser=parser)
    drawn = root.get("width", "100%")
    referred = set(re.findall(r"url\(#([^)]+)\)", svg)) | set(re.findall(r'href="#([^"]+)"', svg))
    for element in root.iter():
        if element.get("id") is not None and element.get("id") not in referred and element is not root:
            del element.attrib["id"]
    attributes = {k: v for k, v in root.attrib.items() if k not in ("width", "height")}
    root.attrib.clear()
    root.attrib.update({"role": "img", "aria-label": alt, "width": "100%", "style": f"max-width:{drawn};height:auto",
                        **attributes})
    description = etree.Element(f"{{{_SVG_NS}}}desc")
    description.text = alt
    heading = etree.Element(f"{{{_SVG_NS}}}title")
    heading.text = title
    root.insert(0, description)
    root.insert(0, heading)
    return etree.tostring(root, encoding="unicode")


_SVG_NS = "http://www.w3.org/2000/svg"
