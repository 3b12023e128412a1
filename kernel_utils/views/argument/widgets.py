"""Views and widgets of the argument notebook: see a unit in the text and in the map, filter by type,
withdraw a premise, switch readings.

The HTML views are plain functions (testable, usable without a kernel); each
explorer wraps one in a labelled, keyboard-usable control (a native select or
toggle buttons) and an ``HTML`` widget, and has a ``select`` method that sets
the control as a reader would and returns the view as static HTML, so a
notebook cell can demonstrate it and nbval runs the callback.  All data go through the
autoescaping template ``templates/argument.html``.
"""

from __future__ import annotations

from typing import Any, Sequence

from IPython.display import HTML

from kernel_utils.layers.argument.model import Reading, compare_readings
from kernel_utils.views.argument.diagram import argument_svg
from kernel_utils.views.html import Markup, macro
from kernel_utils.views.static import StaticItem, listed_box, static_listing, with_static_html

__all__ = [
    "unit_card",
    "type_view",
    "withdrawal_view",
    "reading_view",
    "UnitExplorer",
    "TypeFilter",
    "WithdrawalExplorer",
    "ReadingSwitcher",
]

_TEMPLATE = "argument.html"


def _unit(reading: Reading, uid: str) -> dict[str, Any]:
    """A unit's fields for the templates, with its type's label as ``kind``."""
    u = reading.unit(uid)
    return {**u.__dict__, "number": u.number, "statement": u.statement, "kind": reading.vocabulary.unit_types[u.type].label}


def _marked_chunks(reading: Reading, uid: str) -> list[tuple[str, str]]:
    """The paragraph holding ``uid`` cut into runs: its own span ("sel"), its neighbours' ("near"), the rest ("")."""
    unit = reading.unit(uid)
    near = [reading.unit(n) for n in reading.neighbours(uid) if reading.unit(n).document == unit.document]
    text = reading.text_of(unit)
    # the whole paragraph: from the blank line before the unit to the next one (paragraphs never hold one)
    before = text.rfind("\n\n", 0, unit.start)
    para_start = before + 2 if before >= 0 else 0
    found = text.find("\n\n", unit.end)
    para_end = found if found >= 0 else len(text)

    def state(i: int) -> str:
        if unit.start <= i < unit.end:
            return "sel"
        if any(n.start <= i < n.end for n in near):
            return "near"
        return ""

    out: list[tuple[str, str]] = []
    run: list[str] = []
    current = state(para_start)
    for i in range(para_start, para_end):
        s = state(i)
        if s != current:
            out.append((current, "".join(run)))
            run, current = [], s
        run.append(text[i])
    out.append((current, "".join(run)))
    return out


def _svg(svg: str) -> Markup:
    """An SVG made by :func:`argument_svg` (its builder escapes every value) as safe markup."""
    return Markup(svg)


def unit_card(reading: Reading, uid: str, *, with_map: bool = True) -> str:
    """One unit: its span highlighted in its paragraph, its rationale, its relations, and (optionally) its place in the map."""
    out_of = [{**r.__dict__, "others": [s for s in r.sources if s != uid] if len(r.sources) > 1 else []}
              for r in reading.relations_from(uid)]
    svg = _svg(argument_svg(reading, selected=uid, emphasis=[uid, *reading.neighbours(uid)],
                            caption=f"Argument map · {reading.id}: {uid} and its neighbours")) if with_map else None
    return str(macro(_TEMPLATE, "unit_card")(_unit(reading, uid), _marked_chunks(reading, uid),
                                             list(reading.relations_into(uid)), out_of, svg))


def type_view(reading: Reading, unit_type: str = "", *, with_map: bool = True) -> str:
    """The units of one type (all units for ``""``) as a table, and the map with the others faded."""
    units = list(reading.units.values()) if not unit_type else reading.units_of_type(unit_type)
    label = "all types" if not unit_type else reading.vocabulary.unit_types[unit_type].label
    definition = "" if not unit_type else reading.vocabulary.unit_types[unit_type].definition
    svg = _svg(argument_svg(reading, emphasis=None if not unit_type else [u.id for u in units],
                            caption=f"Argument map · {reading.id}: {label}")) if with_map else None
    return str(macro(_TEMPLATE, "type_view")(reading.id, label, definition, [_unit(reading, u.id) for u in units], svg))


def withdrawal_view(reading: Reading, uid: str = "", *, with_map: bool = True) -> str:
    """What falls when one unit is withdrawn: the units that lose support, objections left unanswered, the map."""
    if not uid:
        svg = _svg(argument_svg(reading, caption=f"Argument map · {reading.id}")) if with_map else None
        return str(macro(_TEMPLATE, "nothing_withdrawn")(reading.id, len(reading.units), svg))
    w = reading.withdraw(uid)
    svg = (_svg(argument_svg(reading, withdrawn=[uid], fallen=w.fallen, caption=f"Argument map · {reading.id} without {uid}"))
           if with_map else None)
    return str(macro(_TEMPLATE, "withdrawal_view")(
        _unit(reading, uid), reading.main_conclusion, w.main_conclusion_falls,
        [_unit(reading, f) for f in w.fallen], [_unit(reading, f) for f in w.unanswered], svg))


def reading_view(readings: Sequence[Reading], reading_id: str, *, with_map: bool = True) -> str:
    """One reading with what distinguishes it from the other(s): main conclusion, changed units and relations, its map."""
    by_id = {r.id: r for r in readings}
    if reading_id not in by_id:
        raise KeyError(f"no reading {reading_id!r}; readings: {', '.join(by_id)}")
    shown = by_id[reading_id]
    changed: set[str] = set()
    comparisons = []
    for other in readings:
        if other.id == reading_id:
            continue
        comparison = compare_readings(other, shown)
        changed |= {u for u in comparison.changed_unit_ids if u in shown.units}
        for rel in comparison.changed_relation_ids:
            if rel in shown.relations:
                changed |= {*shown.relations[rel].sources, shown.relations[rel].target}
        # pandas escapes every cell (escape=True): its table is safe markup
        comparisons.append((other.id, Markup(comparison.units.to_html(escape=True, border=0)),
                            Markup(comparison.relations.to_html(escape=True, border=0))))
    svg = _svg(argument_svg(shown, selected=shown.main_conclusion, emphasis=sorted(changed) or None,
                            caption=f"Argument map · {shown.id}: what differs stands out")) if with_map else None
    return str(macro(_TEMPLATE, "reading_view")(shown.title, shown.description, _unit(shown, shown.main_conclusion),
                                                comparisons, svg))


# --------------------------------------------------------------------------- widgets
class _Explorer:
    """Shared plumbing: a labelled control, an HTML view, a ``select`` for code and nbval."""

    def _build(self, control) -> None:
        import ipywidgets as widgets

        self.control = control
        self.view = widgets.HTML(value=self._render(control.value))
        control.observe(self._on_change, names="value")
        self.widget = listed_box(self, [control, self.view])

    def _on_change(self, change) -> None:
        self.view.value = self._render(change["new"])

    def _render(self, value) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _set(self, value) -> HTML:
        valid = [v for _, v in self.control.options] if isinstance(self.control.options[0], tuple) else list(self.control.options)
        if value not in valid:
            raise KeyError(f"{value!r} is not one of the choices: {', '.join(map(str, valid))}")
        self.control.value = value
        return HTML(self.view.value)

    def _static(self, widget: str, summary: str, anchor: str) -> str:
        """Every option's view without its map (the map is drawn once, above), anchored ``ANCHOR-VALUE``."""
        items = [StaticItem(label, self._render_static(value), f"{anchor}-{value or 'none'}") for label, value in self.control.options]
        return static_listing(widget, summary, items)

    def _render_static(self, value) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def static_html(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        return with_static_html(self, self.widget._repr_mimebundle_(**kwargs))


class UnitExplorer(_Explorer):
    """Choose a unit: see its span highlighted in the text, its rationale and relations, and its neighbours in the map."""

    def __init__(self, reading: Reading, unit_id: str | None = None):
        import ipywidgets as widgets

        self.reading = reading
        options = [(f"¶{u.number} {u.id} · {reading.vocabulary.unit_types[u.type].label}: {u.label}", u.id) for u in reading.units.values()]
        self._build(widgets.Dropdown(options=options, value=unit_id or reading.main_conclusion, description="Unit",
                                     style={"description_width": "initial"}, layout={"width": "min(100%, 42em)"}))

    def _render(self, value: str) -> str:
        return unit_card(self.reading, value)

    def _render_static(self, value: str) -> str:
        return unit_card(self.reading, value, with_map=False)

    def static_html(self) -> str:
        """Every unit's explanation at once (collapsed), anchored ``unit-a01`` ..., for static pages."""
        return self._static("UnitExplorer", "Every argument unit explained", "unit")

    def select(self, unit_id: str) -> HTML:
        """Choose a unit as a reader would; return what the view now shows."""
        return self._set(unit_id)


class TypeFilter(_Explorer):
    """Choose a unit type: list its units and fade the rest of the map."""

    def __init__(self, reading: Reading):
        import ipywidgets as widgets

        self.reading = reading
        present = {u.type for u in reading.units.values()}
        options = [("all types", "")] + [(t.label, t.id) for t in reading.vocabulary.unit_types.values() if t.id in present]
        self._build(widgets.Dropdown(options=options, value="", description="Unit type", style={"description_width": "initial"}))

    def _render(self, value: str) -> str:
        return type_view(self.reading, value)

    def _render_static(self, value: str) -> str:
        return type_view(self.reading, value, with_map=False)

    def static_html(self) -> str:
        """The units of every type at once (collapsed), anchored ``type-TYPE``, for static pages."""
        return self._static("TypeFilter", "The units of every type", "type")

    def select(self, unit_type: str) -> HTML:
        """Choose a type ("" for all) as a reader would; return what the view now shows."""
        return self._set(unit_type)


class WithdrawalExplorer(_Explorer):
    """Withdraw one unit (a premise, a red line ...) and see which units lose their support."""

    def __init__(self, reading: Reading):
        import ipywidgets as widgets

        self.reading = reading
        starting = set(reading.unsupported())
        options = [("nothing withdrawn", "")]
        options += [(f"¶{u.number} {u.id} · {reading.vocabulary.unit_types[u.type].label}: {u.label}" + (" (starting point)" if u.id in starting else ""), u.id)
                    for u in reading.units.values()]
        self._build(widgets.Dropdown(options=options, value="", description="Withdraw", style={"description_width": "initial"},
                                     layout={"width": "min(100%, 42em)"}))

    def _render(self, value: str) -> str:
        return withdrawal_view(self.reading, value)

    def _render_static(self, value: str) -> str:
        return withdrawal_view(self.reading, value, with_map=False)

    def static_html(self) -> str:
        """What falls for every unit withdrawn (collapsed), anchored ``withdraw-a01`` ..., for static pages."""
        return self._static("WithdrawalExplorer", "What falls when each unit is withdrawn", "withdraw")

    def select(self, unit_id: str) -> HTML:
        """Withdraw a unit ("" for none) as a reader would; return what the view now shows."""
        return self._set(unit_id)


class ReadingSwitcher(_Explorer):
    """Switch between readings and see what changes: main conclusion, units, relations, the map."""

    def __init__(self, readings: Sequence[Reading]):
        import ipywidgets as widgets

        self.readings = list(readings)
        options = [(r.title.partition(":")[0], r.id) for r in self.readings]
        self._build(widgets.ToggleButtons(options=options, value=self.readings[0].id, description="Reading",
                                          style={"description_width": "initial"}))

    def _render(self, value: str) -> str:
        return reading_view(self.readings, value)

    def _render_static(self, value: str) -> str:
        return reading_view(self.readings, value, with_map=False)

    def static_html(self) -> str:
        """Every reading with what distinguishes it (collapsed), anchored ``reading-ID``, for static pages."""
        return self._static("ReadingSwitcher", "Every reading and how it differs", "reading")

    def select(self, reading_id: str) -> HTML:
        """Switch to a reading as a reader would; return what the view now shows."""
        return self._set(reading_id)
