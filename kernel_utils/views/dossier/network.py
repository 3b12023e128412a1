"""Figures of the exchange: who wrote to whom (the offices), and the documents on a timeline with
the edges between them (citations the texts make, links of the edition's reading).

Both are SVG drawn from Jinja2 templates (autoescaped) and shown inline as accessible figures
(:func:`kernel_utils.views.figure.figure_bundle`: ``role="img"``, ``aria-label``, a caption), so
they survive a static render.  Colours are the Okabe–Ito palette, always paired with a second cue
(a dash pattern, a label).
"""

from __future__ import annotations

import datetime as _dt

from kernel_utils.layers.dossier.network import Correspondence, correspondence
from kernel_utils.views.dossier.templates import render
from kernel_utils.views.figure import figure_bundle
from kernel_utils.views.palette import OKABE_ITO

__all__ = ["EDGE_STYLES", "Figure", "exchange_timeline_figure", "network_figure"]

_OFFICE_FILLS = [OKABE_ITO["sky_blue"], OKABE_ITO["orange"], OKABE_ITO["bluish_green"], OKABE_ITO["yellow"], OKABE_ITO["reddish_purple"]]
#: How each kind of edge is drawn: colour, dash pattern, and the words of the legend.
EDGE_STYLES: dict[str, tuple[str, str, str]] = {
    "cites": (OKABE_ITO["black"], "none", "cites (the text names it)"),
    "answers": (OKABE_ITO["vermillion"], "8 4", "answers (edition's reading)"),
    "repeats": (OKABE_ITO["blue"], "2 3", "repeats (edition's reading)"),
    "implements": (OKABE_ITO["bluish_green"], "10 3 2 3", "implements (edition's reading)"),
    "defers-to": (OKABE_ITO["reddish_purple"], "4 2", "defers to (edition's reading)"),
    "uses": (OKABE_ITO["orange"], "12 4", "uses (edition's reading)"),
}


class Figure:
    """A displayable accessible SVG figure (inline HTML with label and caption; SVG for previews)."""

    def __init__(self, svg: str, *, label: str, caption: str, alt: str):
        self.svg, self.label, self.caption, self.alt = svg, label, caption, alt

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        return figure_bundle(self.svg, label=self.label, caption=self.caption, alt=self.alt)

    def __repr__(self) -> str:
        return self.alt


def _office_order(net: Correspondence) -> list[str]:
    used = {o for n in net.nodes for o in (n.sender, n.recipient) if o}
    return [o for o in net.offices if o in used]


def network_figure(net: Correspondence | None = None) -> Figure:
    """Who wrote to whom: the offices of the dossier, an arrow per direction with the number of documents."""
    net = net or correspondence()
    offices = _office_order(net)
    if not offices:
        svg = render("offices.svg", width=400, height=60, nodes=[], edges=[])
        caption = "No document's heading names an office of data/dossier/telegrams.json, so no direction of sending can be drawn."
        return Figure(svg, label="Who wrote to whom in the dossier", caption=caption, alt=caption)
    hub = max(offices, key=lambda o: sum(c for (a, b), c in net.channels().items() if o in (a, b)))
    others = [o for o in offices if o != hub]
    width, height = 860, max(220, 120 * len(others) + 40)
    pos = {hub: (110, height / 2)}
    for i, o in enumerate(others):
        pos[o] = (640, 60 + i * (height - 120) / max(1, len(others) - 1) if len(others) > 1 else height / 2)
    nodes = [{"x": x, "y": y, "w": 7 * len(_short_office(net.offices[o])) + 24, "label": _short_office(net.offices[o]), "title": net.offices[o],
              "fill": _OFFICE_FILLS[i % len(_OFFICE_FILLS)]} for i, (o, (x, y)) in enumerate(pos.items())]
    edges, described = [], []
    internal = sum(c for (a, b), c in net.channels().items() if a == b)
    for (a, b), count in sorted(net.channels().items()):
        if a not in pos or b not in pos or a == b:
            continue
        (x1, y1), (x2, y2) = pos[a], pos[b]
        bend = -22 if a == hub else 22
        half = {o: (7 * len(_short_office(net.offices[o])) + 24) / 2 for o in (a, b)}
        x1e, x2e = (x1 + half[a], x2 - half[b]) if x1 < x2 else (x1 - half[a], x2 + half[b])
        mx, my = (x1e + x2e) / 2, (y1 + y2) / 2 + bend
        words = f"{count} document{'s' if count != 1 else ''}"
        edges.append({"path": f"M{x1e},{y1 + bend / 4} Q{mx},{my} {x2e},{y2 + bend / 4}", "width": 1 + min(count, 6),
                      "label": ("→ " if a == hub else "← ") + words,
                      "lx": (x1e if a == hub else x2e) + 0.72 * ((x2e - x1e) if a == hub else (x1e - x2e)),
                      "ly": (y2 if a == hub else y1) * 0.72 + (y1 if a == hub else y2) * 0.28 + (-10 if a == hub else 22), "title": f"{net.offices[a]} → {net.offices[b]}: {words}"})
        described.append(f"{_short_office(net.offices[a])} to {_short_office(net.offices[b])}: {count}")
    svg = render("offices.svg", width=width, height=height, nodes=nodes, edges=edges)
    label = "Who wrote to whom in the dossier"
    caption = ("Each box is an office of the correspondence; each arrow a direction of sending, as thick as the "
               f"number of bundled documents sent that way ({len(net.nodes)} documents). " + "; ".join(described) + "."
               + (f" Not drawn: {internal} memorandum(s) within one office." if internal else "")
               + (f" Not drawn: {len(net.nodes) - sum(net.channels().values())} document(s) whose heading names no sender or recipient office." if len(net.nodes) > sum(net.channels().values()) else ""))
    return Figure(svg, label=label, caption=caption, alt=f"{label}. {caption}")


def _short_office(label: str) -> str:
    """An office's label without its parenthesis, and a long label cut at its first " to "."""
    short = label.split(" (")[0] if len(label) > 30 else label
    return short.split(" to ")[0] if len(short) > 45 else short


def _day(date: str | None) -> _dt.date | None:
    return _dt.date.fromisoformat(date) if date and len(date) == 10 else None


def exchange_timeline_figure(net: Correspondence | None = None, *, focus: str | None = None, kinds: tuple[str, ...] | None = None) -> Figure:
    """The documents on a timeline, one row per sending office, joined by their edges
    (solid: citations the texts make; dashed and coloured: the edition's links)."""
    net = net or correspondence()
    days = {n.id: day for n in net.nodes if (day := _day(n.date)) is not None}
    dated = [n for n in net.nodes if n.id in days]
    first, last = min(days.values()), max(days.values())
    span = max(1, (last - first).days)
    offices = [o for o in _office_order(net) if any(n.sender == o for n in dated)]
    left, width, top = 300, 1120, 50
    lane_y = {o: top + 20 + i * 70 for i, o in enumerate(offices)}
    axis_y = top + 20 + len(offices) * 70
    def x_of(d: _dt.date) -> float:
        return left + 20 + (width - left - 60) * (d - first).days / span

    stack: dict[tuple, int] = {}
    place = {}
    for n in sorted(dated, key=lambda n: (days[n.id], n.id)):
        key = (n.sender, n.date)
        k = stack.get(key, 0)
        stack[key] = k + 1
        place[n.id] = (x_of(days[n.id]), lane_y.get(n.sender or "", axis_y - 20) - 14 * k)
    order = {i: k for k, i in enumerate(sorted(place, key=lambda i: (net.node(i).sender or "", place[i][0])))}
    nodes = [{"x": x, "y": y, "short": net.node(i).short if net.node(i).number else "memo", "below": order[i] % 2 == 1, "title": f"{net.node(i).label} ({i})" + (": partial witness, only the opening was read" if i in net.partial else ""),
              "focus": i == focus, "partial": i in net.partial,
              "fill": _OFFICE_FILLS[offices.index(net.node(i).sender or "") % len(_OFFICE_FILLS)] if net.node(i).sender in offices else "#FFFFFF"}
             for i, (x, y) in place.items()]
    edges = []
    for e in net.edges:
        if e.source not in place or e.target not in place or (kinds and e.kind not in kinds):
            continue
        (x1, y1), (x2, y2) = place[e.source], place[e.target]
        colour, dash, _ = EDGE_STYLES[e.kind]
        lift = 30 + abs(x1 - x2) / 6
        edges.append({"path": f"M{x1},{y1} C{x1},{y1 - lift} {x2},{y2 - lift} {x2},{y2}", "colour": colour, "dash": dash,
                      "title": f"{net.node(e.source).short} {e.kind} {net.node(e.target).short}: “{e.quote}”"})
    ticks, day = [], first
    while day <= last:
        ticks.append({"x": x_of(day), "label": f"{day:%d %b}"})
        day += _dt.timedelta(days=7 if span > 20 else 2)
    legend = [{"x": left + (i % 3) * 250, "y": axis_y + 40 + (i // 3) * 20, "colour": c, "dash": d, "label": words}
              for i, (c, d, words) in enumerate(EDGE_STYLES.values())]
    height = axis_y + 40 + 20 * ((len(legend) + 2) // 3) + 10
    lanes = [{"y": lane_y[o], "label": _short_office(net.offices[o])[:44]} for o in offices]
    svg = render("timeline.svg", width=width, height=height, lanes=lanes, ticks=ticks, edges=edges, nodes=nodes, legend=legend,
                 left=left, top=top, axis_y=axis_y)
    label = "The exchange on a timeline"
    undated = len(net.nodes) - len(dated)
    caption = (f"{len(dated)} bundled documents from {first:%d %B %Y} to {last:%d %B %Y}, one row per sending office, "
               f"labelled by telegram number; {len(edges)} edges: solid black where a text cites another, dashed and coloured "
               "where the edition links passages (its reading, see the links below)."
               + f" A dotted outline marks a partial witness ({len(net.partial & set(place))} of them): only the opening of that document was read."
               + (f" {undated} undated document(s) not drawn." if undated else "")
               + (f" The chosen document ({focus}) is drawn larger." if focus else ""))
    return Figure(svg, label=label, caption=caption, alt=f"{label}. {caption}")
