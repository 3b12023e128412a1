"""Every widget's content as static HTML, so a page without a kernel misses nothing.

A widget shows one choice at a time, and a static page (the reader's edition, nbviewer,
GitHub) can only show the choice saved with the notebook.  Each explorer therefore also
renders *all* its choices at once (``static_html()``): a collapsed ``<details>`` holding one
item per option, each item headed by the option's label as the control shows it and carrying a
permanent anchor (``id="unit-a09"``, ``id="entity-..."``, ``id="event-..."``).

:func:`with_static_html` adds that listing to the widget's display bundle as ``text/html``
beside ``application/vnd.jupyter.widget-view+json``: JupyterLab keeps showing the live widget
(it prefers the widget view), the notebook file keeps the listing in the widget's own output
(so it is written by the same execution as the widget and cannot drift from it), and the
static edition prints it under the frozen widget (``tools.edition``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from markupsafe import Markup

from kernel_utils.views.html import macro

__all__ = ["StaticItem", "listed_box", "static_listing", "with_static_html", "STATIC_CLASS"]

#: The class of the ``<details>`` element that holds a widget's listing (the edition and tests find it by it).
STATIC_CLASS = "widget-static"


@dataclass(frozen=True)
class StaticItem:
    """One option of a widget: its label as the control shows it, a permanent anchor, its view (trusted HTML)."""

    label: str
    html: str
    anchor: str | None = None


def static_listing(widget: str, summary: str, items: Iterable[StaticItem], *, note: str = "") -> str:
    """Every option of a widget as one collapsed ``<details>``; labels and anchors are escaped, views kept.

    ``widget`` names the widget class (``data-widget``), ``summary`` is the visible line of the
    collapsed listing.  The views are HTML the library's view functions made (they escape their
    data), so they are inserted as they are.
    """
    rows = [StaticItem(i.label, Markup(i.html), i.anchor) for i in items]  # noqa: S704 - views escape their own data
    return str(macro("static.html", "listing")(STATIC_CLASS, widget, summary, rows, note)) + "\n"


def with_static_html(explorer: Any, bundle: Any) -> Any:
    """The widget's display bundle with ``text/html`` set to ``explorer.static_html()`` (every option).

    ``bundle`` is what ``ipywidgets.Widget._repr_mimebundle_`` returned: a dict of mimetypes,
    or a (data, metadata) pair.
    """
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    if isinstance(data, dict) and "text/html" not in data:  # a ListedBox's bundle already has it
        data["text/html"] = explorer.static_html()
    return bundle


def listed_box(owner: Any, children: list) -> Any:
    """An ``ipywidgets.VBox`` of ``children`` whose display bundle also carries ``owner.static_html()``.

    For an explorer whose notebook displays ``explorer.widget`` (the box) rather than the explorer:
    the box is an ordinary VBox to the front end (same model), and its output still keeps the listing.
    """
    import ipywidgets as widgets

    class ListedBox(widgets.VBox):
        def _repr_mimebundle_(self, **kwargs):
            return with_static_html(owner, super()._repr_mimebundle_(**kwargs))

    return ListedBox(children)
