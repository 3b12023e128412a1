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
from html import escape
from typing import Iterable

from kernel_utils.layers.argument.model import Reading
from kernel_utils.views.figure import figure_bundle
from kernel_utils.views.palette import OKABE_ITO

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


def _f(x: float) -> str:
    """Coordinates with at most one decimal, no trailing zeros (stable text)."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


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


def _shape(kind: str, x: float, y: float, w: float, h: float, fill: str, stroke: str, extra: str) -> str:
    """The outline of a unit of one type: each type has its own shape as well as its colour."""
    sw = 'stroke-width="2.2"'
    common = f'fill="{fill}" stroke="{stroke}" {sw}{extra}'
    def poly(points: list[tuple[float, float]], more: str = "") -> str:
        return f'<polygon points="{" ".join(f"{_f(px)},{_f(py)}" for px, py in points)}" {common}{more}/>'
    r, b = x + w, y + h
    if kind == "round":
        return f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" rx="16" {common}/>'
    if kind == "hexagon":
        return poly([(x + 12, y), (r - 12, y), (r, y + h / 2), (r - 12, b), (x + 12, b), (x, y + h / 2)])
    if kind == "octagon":
        c = 11
        return poly([(x + c, y), (r - c, y), (r, y + c), (r, b - c), (r - c, b), (x + c, b), (x, b - c), (x, y + c)])
    if kind == "parallelogram":
        return poly([(x + 12, y), (r, y), (r - 12, b), (x, b)])
    if kind == "trapezoid":
        return poly([(x + 14, y), (r - 14, y), (r, b), (x, b)])
    if kind == "dashed":
        return f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" {common} stroke-dasharray="7 4"/>'
    if kind == "notched":
        return poly([(x, y), (r, y), (r, b), (x, b), (x + 12, y + h / 2)])
    if kind == "tag":
        return poly([(x, y), (r - 14, y), (r, y + h / 2), (r - 14, b), (x, b)])
    if kind == "arrow":
        return poly([(x, y), (r - 14, y), (r, y + h / 2), (r - 14, b), (x, b), (x + 12, y + h / 2)])
    if kind == "double":
        return (f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" {common}/>'
                f'<rect x="{_f(x + 4)}" y="{_f(y + 4)}" width="{_f(w - 8)}" height="{_f(h - 8)}" fill="none" stroke="{stroke}" stroke-width="1.2"/>')
    return f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" {common}/>'


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
    vocab = reading.vocabulary
    per_row = 4
    legend_rows = -(-len(vocab.unit_types) // per_row) + 1
    legend_h = 34 + legend_rows * 30
    total_h = height + legend_h
    desc = desc.rstrip()
    out = [
        # width 100% and no height: wherever the SVG is shown as an <img> (JupyterLab, nbconvert HTML, GitHub)
        # it takes the width of its container and keeps its proportions, never clipped
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(width)} {_f(total_h)}" width="100%" preserveAspectRatio="xMidYMin meet" '
        f'role="img" aria-label="{escape(title, quote=True)}. {escape(desc, quote=True)}" font-family="DejaVu Sans, Verdana, Arial, sans-serif" '
        f'style="max-width:100%;height:auto;background:#FFFFFF">',
        f'<title>{escape(title)}</title>',
        f'<desc>{escape(desc)}</desc>',
        f'<rect x="0" y="0" width="{_f(width)}" height="{_f(total_h)}" fill="#FFFFFF"/>',
    ]
    head, _, rest = title.partition(": ")
    out.append(f'<text x="{MARGIN}" y="{MARGIN + 14}" font-size="18" font-weight="bold" fill="#000000">{escape(head)}</text>')
    if rest:
        out.append(f'<text x="{MARGIN}" y="{MARGIN + 36}" font-size="13" fill="#000000">{escape(_wrap(rest, 160, 1)[0])}</text>')

    def faded(uid: str) -> bool:
        return emphasis is not None and uid not in emphasis and uid != selected

    row_geometry = _rows(placements)

    # relations first (drawn under the nodes)
    into: dict[str, list[str]] = {}
    out_of: dict[str, list[str]] = {}
    for r in reading.relations.values():
        into.setdefault(r.target, []).append(r.id)
        for s in r.sources:
            out_of.setdefault(s, []).append(r.id)
    for r in reading.relations.values():
        symbol, colour, dash = RELATION_STYLE.get(r.type, _FALLBACK_STYLE)
        t = placements[r.target]
        siblings = into[r.target]
        jx = t.x + NODE_W * (siblings.index(r.id) + 1) / (len(siblings) + 1)
        jy = t.y - 16
        dim = faded(r.target) or any(faded(s) for s in r.sources)
        opacity = ' opacity="0.25"' if dim else ""
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        tip = f"{r.id} {r.type}: {' + '.join(r.sources)} → {r.target}. {r.rationale}"
        parts = [f'<g class="relation" data-relation="{escape(r.id)}"{opacity}><title>{escape(tip)}</title>']
        for s in r.sources:
            p = placements[s]
            outs = out_of[s]
            sx = p.x + NODE_W * (outs.index(r.id) + 1) / (len(outs) + 1)
            sy = p.y + NODE_H
            if p.y >= t.y:  # drawn below or beside its target: leave from the side
                sx, sy = (p.x + NODE_W, p.y + NODE_H / 2) if p.x < t.x else (p.x, p.y + NODE_H / 2)
            points = _route((sx, sy), (jx, jy), row_geometry)
            parts.append(f'<polyline points="{" ".join(f"{_f(px)},{_f(py)}" for px, py in points)}" fill="none" stroke="{colour}" '
                         f'stroke-width="1.6" stroke-linejoin="round"{dash_attr}/>')
        parts.append(f'<line x1="{_f(jx)}" y1="{_f(jy + 8)}" x2="{_f(jx)}" y2="{_f(t.y - 6)}" stroke="{colour}" stroke-width="1.6"/>'
                     f'<polygon points="{_f(jx - 4)},{_f(t.y - 7)} {_f(jx + 4)},{_f(t.y - 7)} {_f(jx)},{_f(t.y - 1)}" fill="#000000"/>')
        parts.append(f'<circle cx="{_f(jx)}" cy="{_f(jy)}" r="8" fill="#FFFFFF" stroke="{colour}" stroke-width="1.6"/>')
        parts.append(f'<text x="{_f(jx)}" y="{_f(jy + 4)}" font-size="11" font-weight="bold" text-anchor="middle" fill="{colour}">{escape(symbol)}</text></g>')
        out.append("".join(parts))

    # units
    for u in reading.units.values():
        p = placements[u.id]
        kind = vocab.unit_types[u.type]
        stroke = kind.colour
        fill = _tint(kind.colour)
        extra = ""
        if u.id in fallen:
            fill, stroke, extra = "#F2F2F2", "#767676", ' stroke-dasharray="4 3"'
        if u.id in withdrawn:
            fill, stroke = "#FFFFFF", "#767676"
        group_opacity = ' opacity="0.28"' if faded(u.id) else ""
        tip = f"¶{u.number} {u.id} ({kind.label}{', implicit' if u.implicit else ''}): {u.statement}"
        g = [f'<g class="unit" data-unit="{escape(u.id)}" data-type="{escape(u.type)}"{group_opacity}><title>{escape(tip)}</title>']
        if u.id == selected:
            g.append(f'<rect x="{_f(p.x - 6)}" y="{_f(p.y - 6)}" width="{_f(NODE_W + 12)}" height="{_f(NODE_H + 12)}" rx="6" fill="none" stroke="#000000" stroke-width="3"/>')
        g.append(_shape(kind.shape, p.x, p.y, NODE_W, NODE_H, fill, stroke, extra))
        g.append(f'<text x="{_f(p.x + 15)}" y="{_f(p.y + 18)}" font-size="12.5" font-weight="bold" fill="#000000">¶{u.number} · {escape(u.id)}</text>')
        g.append(f'<text x="{_f(p.x + NODE_W - 15)}" y="{_f(p.y + 17)}" font-size="9.5" font-style="italic" text-anchor="end" fill="#000000">{escape(kind.label)}</text>')
        for i, line in enumerate(_wrap(u.label, 30, 3)):
            g.append(f'<text x="{_f(p.x + 15)}" y="{_f(p.y + 35 + i * 14)}" font-size="11.5" fill="#000000">{escape(line)}</text>')
        if u.id in withdrawn:
            g.append(f'<line x1="{_f(p.x)}" y1="{_f(p.y)}" x2="{_f(p.x + NODE_W)}" y2="{_f(p.y + NODE_H)}" stroke="#D55E00" stroke-width="2.5"/>'
                     f'<line x1="{_f(p.x)}" y1="{_f(p.y + NODE_H)}" x2="{_f(p.x + NODE_W)}" y2="{_f(p.y)}" stroke="#D55E00" stroke-width="2.5"/>')
        if u.id == reading.main_conclusion:
            g.append(f'<text x="{_f(p.x + NODE_W / 2)}" y="{_f(p.y + NODE_H + 13)}" font-size="10" font-weight="bold" text-anchor="middle" fill="#000000">main conclusion</text>')
        g.append("</g>")
        out.append("".join(g))

    # legend: every unit type (shape and colour), then the relation markers
    ly = height + 6
    out.append(f'<text x="{MARGIN}" y="{_f(ly + 12)}" font-size="12" font-weight="bold" fill="#000000">Unit types</text>')
    types = list(vocab.unit_types.values())
    cell = (width - 2 * MARGIN) / per_row
    for i, kind in enumerate(types):
        x = MARGIN + (i % per_row) * cell
        y = ly + 20 + (i // per_row) * 30
        out.append(_shape(kind.shape, x, y, 40, 22, _tint(kind.colour), kind.colour, ""))
        out.append(f'<text x="{_f(x + 48)}" y="{_f(y + 15)}" font-size="11" fill="#000000">{escape(kind.label)}</text>')
    y = ly + 20 + (legend_rows - 1) * 30 + 15
    x = MARGIN
    out.append(f'<text x="{_f(x)}" y="{_f(y + 4)}" font-size="12" font-weight="bold" fill="#000000">Relations</text>')
    x += 74
    for rtype, (symbol, colour, dash) in RELATION_STYLE.items():
        if rtype not in vocab.relation_types:
            continue
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<line x1="{_f(x)}" y1="{_f(y)}" x2="{_f(x + 30)}" y2="{_f(y)}" stroke="{colour}" stroke-width="1.6"{dash_attr}/>'
                   f'<circle cx="{_f(x + 15)}" cy="{_f(y)}" r="8" fill="#FFFFFF" stroke="{colour}" stroke-width="1.6"/>'
                   f'<text x="{_f(x + 15)}" y="{_f(y + 4)}" font-size="11" font-weight="bold" text-anchor="middle" fill="{colour}">{escape(symbol)}</text>'
                   f'<text x="{_f(x + 38)}" y="{_f(y + 4)}" font-size="11" fill="#000000">{escape(vocab.relation_types[rtype].label)}</text>')
        x += 132
    out.append("</svg>")
    return "\n".join(out)


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
