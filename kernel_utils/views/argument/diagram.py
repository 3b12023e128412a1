"""The argument map of a reading, drawn as a self-contained SVG (no Graphviz, no JavaScript).

Why SVG written by hand: the map must render in JupyterLab, in a static HTML
export and in GitHub's notebook preview, and install with pip alone.  An
``image/svg+xml`` output does all three; Graphviz would need a system binary.

Layout (deterministic): units are placed in layers by the longest chain of
relations above them (grounds on top, what rests on them below: premises,
then claims, the conclusion, the instructions), ordered inside a layer by
text position and then by a few barycentre sweeps to reduce crossings.  Each
relation is a small marker just above its target, with lines from its source
units: ``+`` supports, ``i`` implements, ``q`` qualifies, ``−`` attacks,
``×`` rebuts, ``c`` concedes.  Unit types are shown by shape *and* by an
Okabe–Ito colour (both from ``vocabulary.json``), with the telegram's
paragraph number (¶n) on every node and a legend.  The SVG has ``role="img"``,
an ``aria-label``, a ``<title>`` and a ``<desc>`` (alt text), and a ``<title>`` per
node (tooltip with the unit's words).  It has no ``id`` attributes (arrowheads
are drawn, not markers), so the same map can appear twice on a page.  In a
notebook, :class:`ArgumentDiagram` shows it inline in HTML with a caption (see
:mod:`kernel_utils.views.figure`) and keeps the ``image/svg+xml`` for GitHub.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from kernel_utils.layers.argument.model import Reading
from kernel_utils.views.figure import figure_bundle
from kernel_utils.views.palette import OKABE_ITO
from kernel_utils.views.svg import AttrValue, Element, el, group, number, points, render

__all__ = ["ArgumentDiagram", "argument_diagram", "argument_svg", "layout"]

NODE_W, NODE_H = 200, 74
GAP_X, GAP_Y = 22, 64
MARGIN = 24
MAX_PER_ROW = 4
RELATION_STYLE = {
    # type: (symbol, stroke colour, dash pattern)
    "supports": ("+", OKABE_ITO["black"], ""),
    "implements": ("i", OKABE_ITO["blue"], ""),
    "qualifies": ("q", OKABE_ITO["orange"], "7 3"),
    "attacks": ("−", OKABE_ITO["vermillion"], "5 3"),
    "rebuts": ("×", OKABE_ITO["vermillion"], "5 3"),
    "concedes": ("c", OKABE_ITO["reddish_purple"], "2 3"),
}
_FALLBACK_STYLE = ("?", OKABE_ITO["black"], "")


def _tint(colour: str, share: float = 0.22) -> str:
    """``colour`` mixed with white (an opaque light fill that keeps black text legible)."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * share) for c in (r, g, b)]
    return "#" + "".join(f"{c:02X}" for c in mix)


@dataclass(frozen=True)
class Placement:
    """Where a unit is drawn (top-left corner) and in which layer and row."""

    x: float
    y: float
    layer: int


def _layers(reading: Reading) -> dict[str, int]:
    """Longest-path layering over every relation (source above target); back edges of a cycle are ignored."""
    edges: dict[str, list[str]] = {u: [] for u in reading.units}
    for r in reading.relations.values():
        for s in r.sources:
            edges[s].append(r.target)
    order: list[str] = []
    state: dict[str, int] = {}
    kept: dict[str, list[str]] = {u: [] for u in reading.units}

    def visit(u: str) -> None:
        state[u] = 1
        for v in edges[u]:
            if state.get(v) == 1:
                continue  # a back edge: not used for layering
            kept[u].append(v)
            if v not in state:
                visit(v)
        state[u] = 2
        order.append(u)

    for u in reading.units:
        if u not in state:
            visit(u)
    layer = {u: 0 for u in reading.units}
    for u in reversed(order):  # topological order of the kept edges
        for v in kept[u]:
            layer[v] = max(layer[v], layer[u] + 1)
    # starting points sit just above the highest unit they lead to, not all in the top row:
    # their lines stay short and do not cross the rows between
    has_incoming = {v for u in reading.units for v in kept[u]}
    for u in reading.units:
        if u not in has_incoming and kept[u]:
            layer[u] = min(layer[v] for v in kept[u]) - 1
    return layer


def layout(reading: Reading) -> tuple[dict[str, Placement], float, float]:
    """Positions of every unit and the drawing's width and height (before the legend)."""
    layer = _layers(reading)
    position = {u.id: i for i, u in enumerate(reading.units.values())}  # text order
    rows: list[list[str]] = []
    for n in range(max(layer.values()) + 1 if layer else 0):
        members = sorted((u for u in reading.units if layer[u] == n), key=lambda u: position[u])
        for k in range(0, len(members), MAX_PER_ROW):
            rows.append(members[k : k + MAX_PER_ROW])
    neighbours: dict[str, set[str]] = {u: set() for u in reading.units}
    for r in reading.relations.values():
        for s in r.sources:
            neighbours[s].add(r.target)
            neighbours[r.target].add(s)
    # barycentre sweeps: order each row by the mean slot of its neighbours in the rows placed so far
    slot = {u: float(i) for row in rows for i, u in enumerate(row)}
    for sweep in range(4):
        sequence = rows if sweep % 2 == 0 else list(reversed(rows))
        for row in sequence:
            def key(u: str) -> tuple[float, int]:
                near = [slot[v] for v in neighbours[u] if v not in row]  # noqa: B023 (used in this iteration only)
                return (sum(near) / len(near) if near else slot[u], position[u])

            row.sort(key=key)
            for i, u in enumerate(row):
                slot[u] = i + (MAX_PER_ROW - len(row)) / 2
    width = MAX_PER_ROW * NODE_W + (MAX_PER_ROW - 1) * GAP_X + 2 * MARGIN
    placements: dict[str, Placement] = {}
    y = MARGIN + 62
    for row in rows:
        row_w = len(row) * NODE_W + (len(row) - 1) * GAP_X
        x0 = (width - row_w) / 2
        for i, u in enumerate(row):
            placements[u] = Placement(x0 + i * (NODE_W + GAP_X), y, layer[u])
        y += NODE_H + GAP_Y
    return placements, width, y - GAP_Y + MARGIN


def _shape(kind: str, x: float, y: float, w: float, h: float, fill: str, stroke: str, dashed: bool = False) -> Element:
    """The outline of a unit of one type: each type has its own shape as well as its colour."""
    common: dict[str, AttrValue] = {"fill": fill, "stroke": stroke, "stroke_width": "2.2",
                                    "stroke_dasharray": "4 3" if dashed else None}
    r, b = x + w, y + h
    outlines = {
        "hexagon": [(x + 12, y), (r - 12, y), (r, y + h / 2), (r - 12, b), (x + 12, b), (x, y + h / 2)],
        "octagon": [(x + 11, y), (r - 11, y), (r, y + 11), (r, b - 11), (r - 11, b), (x + 11, b), (x, b - 11), (x, y + 11)],
        "parallelogram": [(x + 12, y), (r, y), (r - 12, b), (x, b)],
        "trapezoid": [(x + 14, y), (r - 14, y), (r, b), (x, b)],
        "notched": [(x, y), (r, y), (r, b), (x, b), (x + 12, y + h / 2)],
        "tag": [(x, y), (r - 14, y), (r, y + h / 2), (r - 14, b), (x, b)],
        "arrow": [(x, y), (r - 14, y), (r, y + h / 2), (r - 14, b), (x, b), (x + 12, y + h / 2)],
    }
    if kind in outlines:
        return el("polygon", points=points(outlines[kind]), **common)
    box = {"x": x, "y": y, "width": w, "height": h}
    if kind == "round":
        return el("rect", **box, rx=16, **common)
    if kind == "dashed":
        return el("rect", **box, **{**common, "stroke_dasharray": "7 4"})
    if kind == "double":
        inner = el("rect", x=x + 4, y=y + 4, width=w - 8, height=h - 8, fill="none", stroke=stroke, stroke_width="1.2")
        return group([el("rect", **box, **common), inner])
    return el("rect", **box, **common)


def _rows(placements: dict[str, Placement]) -> list[tuple[float, list[tuple[float, float]]]]:
    """Each row of the drawing: its top y and the x-intervals its units occupy (left to right)."""
    by_y: dict[float, list[tuple[float, float]]] = {}
    for p in placements.values():
        by_y.setdefault(p.y, []).append((p.x, p.x + NODE_W))
    return [(y, sorted(spans)) for y, spans in sorted(by_y.items())]


def _route(start: tuple[float, float], end: tuple[float, float], rows) -> list[tuple[float, float]]:
    """A line from ``start`` down to ``end`` that passes the rows in between through the gaps between units.

    Where the straight line would cross a unit, the route steps aside to the nearer
    side of it, 9 px clear, and passes the row vertically there.
    """
    (x0, y0), (x1, y1) = start, end
    points = [start]
    if y1 <= y0:
        return [start, end]
    for top, spans in rows:
        bottom = top + NODE_H
        if top <= y0 or bottom >= y1:
            continue  # not a row strictly between the two ends
        middle = (top + bottom) / 2
        x = x0 + (x1 - x0) * (middle - y0) / (y1 - y0)
        for left, right in spans:
            if left - 6 < x < right + 6:
                x = left - 9 if x - left < right - x else right + 9
                break
        points += [(x, top - 5), (x, bottom + 5)]
    points.append(end)
    return points


def _wrap(text: str, width: int, lines: int) -> list[str]:
    words, out, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if len(candidate) <= width:
            line = candidate
        else:
            out.append(line)
            line = word
    out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return out


def argument_svg(
    reading: Reading,
    *,
    selected: str | None = None,
    emphasis: Iterable[str] | None = None,
    withdrawn: Iterable[str] = (),
    fallen: Iterable[str] = (),
    caption: str | None = None,
) -> str:
    """The argument map as SVG text.

    ``selected`` outlines one unit; ``emphasis`` (a set of unit ids) fades every
    other unit; ``withdrawn`` units are struck through and ``fallen`` ones drawn
    grey and dashed (see :meth:`Reading.withdraw`).  ``caption`` replaces the default title.
    """
    placements, width, height = layout(reading)
    emphasis = set(emphasis) if emphasis is not None else None
    withdrawn, fallen = set(withdrawn), set(fallen)
    for name in [selected, *(emphasis or ()), *withdrawn, *fallen]:
        if name is not None:
            reading.unit(name)  # KeyError naming the valid ids
    title = argument_title(reading, caption)
    desc = (
        f"{len(reading.units)} units and {len(reading.relations)} relations of {reading.id}. Grounds stand above what rests on them. "
        f"Main conclusion: {reading.main_conclusion}, ¶{reading.unit(reading.main_conclusion).number}, "
        f"“{reading.unit(reading.main_conclusion).label}”. Node shapes and colours show unit types (legend below); "
        f"markers above each target show relation types. "
        + (f"Withdrawn: {', '.join(sorted(withdrawn))}. " if withdrawn else "")
        + (f"Losing support: {', '.join(sorted(fallen))}. " if fallen else "")
    )
    legend_rows = -(-len(reading.vocabulary.unit_types) // _LEGEND_PER_ROW) + 1
    total_h = height + 34 + legend_rows * 30
    desc = desc.rstrip()
    head, _, rest = title.partition(": ")

    def faded(uid: str) -> bool:
        return emphasis is not None and uid not in emphasis and uid != selected

    root = el(
        # width 100% and no height: wherever the SVG is shown as an <img> (JupyterLab, nbconvert HTML, GitHub)
        # it takes the width of its container and keeps its proportions, never clipped
        "svg",
        el("title", title),
        el("desc", desc),
        el("rect", x=0, y=0, width=width, height=total_h, fill="#FFFFFF"),
        el("text", head, x=MARGIN, y=MARGIN + 14, font_size=18, font_weight="bold", fill="#000000"),
        el("text", _wrap(rest, 160, 1)[0], x=MARGIN, y=MARGIN + 36, font_size=13, fill="#000000") if rest else None,
        *_relation_marks(reading, placements, faded),
        *_unit_nodes(reading, placements, faded, selected, withdrawn, fallen),
        *_legend(reading, width, height + 6, legend_rows),
        xmlns="http://www.w3.org/2000/svg", viewBox=f"0 0 {number(width)} {number(total_h)}", width="100%",
        preserveAspectRatio="xMidYMin meet", role="img", aria_label=f"{title}. {desc}",
        font_family="DejaVu Sans, Verdana, Arial, sans-serif", style="max-width:100%;height:auto;background:#FFFFFF",
    )
    return render(root)


_LEGEND_PER_ROW = 4


def _relation_marks(reading: Reading, placements: dict[str, Placement], faded: Callable[[str], bool]) -> list[Element]:
    """One group per relation: lines from its sources to a marker just above its target."""
    row_geometry = _rows(placements)
    into: dict[str, list[str]] = {}
    out_of: dict[str, list[str]] = {}
    for r in reading.relations.values():
        into.setdefault(r.target, []).append(r.id)
        for s in r.sources:
            out_of.setdefault(s, []).append(r.id)
    groups = []
    for r in reading.relations.values():
        symbol, colour, dash = RELATION_STYLE.get(r.type, _FALLBACK_STYLE)
        t = placements[r.target]
        siblings = into[r.target]
        jx = t.x + NODE_W * (siblings.index(r.id) + 1) / (len(siblings) + 1)
        jy = t.y - 16
        dim = faded(r.target) or any(faded(s) for s in r.sources)
        lines = []
        for s in r.sources:
            p = placements[s]
            outs = out_of[s]
            sx, sy = p.x + NODE_W * (outs.index(r.id) + 1) / (len(outs) + 1), p.y + NODE_H
            if p.y >= t.y:  # drawn below or beside its target: leave from the side
                sx, sy = (p.x + NODE_W, p.y + NODE_H / 2) if p.x < t.x else (p.x, p.y + NODE_H / 2)
            lines.append(el("polyline", points=points(_route((sx, sy), (jx, jy), row_geometry)), fill="none",
                            stroke=colour, stroke_width="1.6", stroke_linejoin="round", stroke_dasharray=dash or None))
        tip = f"{r.id} {r.type}: {' + '.join(r.sources)} → {r.target}. {r.rationale}"
        groups.append(group([
            el("title", tip),
            *lines,
            el("line", x1=jx, y1=jy + 8, x2=jx, y2=t.y - 6, stroke=colour, stroke_width="1.6"),
            el("polygon", points=points([(jx - 4, t.y - 7), (jx + 4, t.y - 7), (jx, t.y - 1)]), fill="#000000"),
            el("circle", cx=jx, cy=jy, r=8, fill="#FFFFFF", stroke=colour, stroke_width="1.6"),
            el("text", symbol, x=jx, y=jy + 4, font_size=11, font_weight="bold", text_anchor="middle", fill=colour),
        ], class_="relation", data_relation=r.id, opacity="0.25" if dim else None))
    return groups


def _unit_nodes(reading: Reading, placements: dict[str, Placement], faded: Callable[[str], bool],
                selected: str | None, withdrawn: set[str], fallen: set[str]) -> list[Element]:
    """One group per unit: its shape, paragraph number, id, type and wrapped label."""
    nodes = []
    for u in reading.units.values():
        p = placements[u.id]
        kind = reading.vocabulary.unit_types[u.type]
        fill, stroke = _tint(kind.colour), kind.colour
        if u.id in fallen:
            fill, stroke = "#F2F2F2", "#767676"
        if u.id in withdrawn:
            fill, stroke = "#FFFFFF", "#767676"
        tip = f"¶{u.number} {u.id} ({kind.label}{', implicit' if u.implicit else ''}): {u.statement}"
        children: list[Element | None] = [
            el("title", tip),
            el("rect", x=p.x - 6, y=p.y - 6, width=NODE_W + 12, height=NODE_H + 12, rx=6, fill="none",
               stroke="#000000", stroke_width=3) if u.id == selected else None,
            _shape(kind.shape, p.x, p.y, NODE_W, NODE_H, fill, stroke, dashed=u.id in fallen),
            el("text", f"¶{u.number} · {u.id}", x=p.x + 15, y=p.y + 18, font_size=12.5, font_weight="bold", fill="#000000"),
            el("text", kind.label, x=p.x + NODE_W - 15, y=p.y + 17, font_size=9.5, font_style="italic",
               text_anchor="end", fill="#000000"),
            *(el("text", line, x=p.x + 15, y=p.y + 35 + i * 14, font_size=11.5, fill="#000000")
              for i, line in enumerate(_wrap(u.label, 30, 3))),
        ]
        if u.id in withdrawn:
            children += [el("line", x1=p.x, y1=p.y, x2=p.x + NODE_W, y2=p.y + NODE_H, stroke="#D55E00", stroke_width="2.5"),
                         el("line", x1=p.x, y1=p.y + NODE_H, x2=p.x + NODE_W, y2=p.y, stroke="#D55E00", stroke_width="2.5")]
        if u.id == reading.main_conclusion:
            children.append(el("text", "main conclusion", x=p.x + NODE_W / 2, y=p.y + NODE_H + 13, font_size=10,
                               font_weight="bold", text_anchor="middle", fill="#000000"))
        nodes.append(group(children, class_="unit", data_unit=u.id, data_type=u.type,
                           opacity="0.28" if faded(u.id) else None))
    return nodes


def _legend(reading: Reading, width: float, top: float, legend_rows: int) -> list[Element]:
    """Every unit type (shape and colour), then the relation markers."""
    vocab = reading.vocabulary
    out = [el("text", "Unit types", x=MARGIN, y=top + 12, font_size=12, font_weight="bold", fill="#000000")]
    cell = (width - 2 * MARGIN) / _LEGEND_PER_ROW
    for i, kind in enumerate(vocab.unit_types.values()):
        kx = MARGIN + (i % _LEGEND_PER_ROW) * cell
        ky = top + 20 + (i // _LEGEND_PER_ROW) * 30
        out.append(_shape(kind.shape, kx, ky, 40, 22, _tint(kind.colour), kind.colour))
        out.append(el("text", kind.label, x=kx + 48, y=ky + 15, font_size=11, fill="#000000"))
    y = top + 20 + (legend_rows - 1) * 30 + 15
    x: float = MARGIN
    out.append(el("text", "Relations", x=x, y=y + 4, font_size=12, font_weight="bold", fill="#000000"))
    x += 74
    for rtype, (symbol, colour, dash) in RELATION_STYLE.items():
        if rtype not in vocab.relation_types:
            continue
        out += [
            el("line", x1=x, y1=y, x2=x + 30, y2=y, stroke=colour, stroke_width="1.6", stroke_dasharray=dash or None),
            el("circle", cx=x + 15, cy=y, r=8, fill="#FFFFFF", stroke=colour, stroke_width="1.6"),
            el("text", symbol, x=x + 15, y=y + 4, font_size=11, font_weight="bold", text_anchor="middle", fill=colour),
            el("text", vocab.relation_types[rtype].label, x=x + 38, y=y + 4, font_size=11, fill="#000000"),
        ]
        x += 132
    return out


def argument_title(reading: Reading, caption: str | None = None) -> str:
    """The title of a map: ``caption`` if given, else 'Argument map of <document> · <reading title>'
    (the document's short name from its record, e.g. 'Telegram 602')."""
    if caption:
        return caption
    from kernel_utils.store.documents import document_record

    return f"Argument map of {document_record(reading.document).label} · {reading.title}"


def argument_caption(reading: Reading) -> str:
    """A visible caption saying how to read a map (the alt text's description, in short)."""
    main = reading.unit(reading.main_conclusion)
    return (f"{len(reading.units)} units and {len(reading.relations)} relations of {reading.id}; grounds stand above what "
            f"rests on them. Main conclusion: {main.id}, ¶{main.number}, “{main.label}”. Shapes and colours show unit types, "
            f"markers above each target show relation types (legend below the map); hover a unit for its words.")


class ArgumentDiagram:
    """A displayable argument map.

    In JupyterLab and nbconvert HTML it shows as ``text/html``: the SVG inline, named by its
    ``aria-label``, in a ``<figure>`` with a caption (an ``image/svg+xml`` output would become an
    ``<img>`` without alt text).  GitHub's preview shows the ``image/svg+xml`` kept in the bundle.
    """

    def __init__(self, reading: Reading, **options):
        self.reading = reading
        self.options = options
        self.svg = argument_svg(reading, **options)

    @property
    def alt(self) -> str:
        """The alt text: what the map is and what it shows."""
        return f"{argument_title(self.reading, self.options.get('caption'))}. {argument_caption(self.reading)}"

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        return figure_bundle(self.svg, label=argument_title(self.reading, self.options.get("caption")),
                             caption=argument_caption(self.reading), alt=self.alt)

    def _repr_svg_(self) -> str:
        return self.svg

    def __repr__(self) -> str:  # the text/plain fallback: the alt text, no memory address
        return self.alt


def argument_diagram(reading: Reading, **options) -> ArgumentDiagram:
    """The argument map of a reading, ready to display in a notebook (see :func:`argument_svg` for the options)."""
    return ArgumentDiagram(reading, **options)
