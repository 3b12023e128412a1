"""A small SVG builder that escapes every text and attribute by construction.

Why: the edition's figures (argument maps, timeline charts, the correspondence network) are
SVG drawn in Python.  Built by string concatenation, each ``escape()`` call had to be placed by
hand, and a forgotten one was an injection path that no test would notice.  Here an element is
a tree of :class:`Element` values; :func:`render` escapes every text node and every attribute
value on the way out, so data can never become markup.  The one way to insert markup as it is
is a :class:`markupsafe.Markup` value (already-safe markup, e.g. another rendered element).

>>> render(el("text", "a < b", x=1.5, font_size=11))
'<text x="1.5" font-size="11">a &lt; b</text>'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Union

from markupsafe import Markup, escape

__all__ = ["AttrValue", "Element", "el", "group", "number", "points", "render"]

Child = Union["Element", str, Markup]
AttrValue = Union[str, int, float, None]


def number(value: float) -> str:
    """A coordinate as short text: at most one decimal, no trailing ``.0`` (stable output)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def points(pairs: Iterable[tuple[float, float]]) -> str:
    """The ``points`` attribute of a polygon or polyline."""
    return " ".join(f"{number(x)},{number(y)}" for x, y in pairs)


def _attribute_name(name: str) -> str:
    """``stroke_width`` → ``stroke-width``, ``class_`` → ``class``, ``aria_label`` → ``aria-label``."""
    return name.rstrip("_").replace("_", "-")


def _attribute_value(value: AttrValue) -> str:
    if isinstance(value, bool):
        raise TypeError("an SVG attribute value cannot be a bool; pass the text it should have")
    if isinstance(value, float):
        return number(value)
    return str(value)


@dataclass(frozen=True)
class Element:
    """One SVG element: its tag, its attributes (in order) and its children."""

    tag: str
    attributes: tuple[tuple[str, str], ...]
    children: tuple[Child, ...]


def el(tag: str, *children: Child | None, **attributes: AttrValue) -> Element:
    """An element.  Keyword names become attribute names (see :func:`_attribute_name`);
    attributes whose value is ``None`` and children that are ``None`` are left out."""
    attrs = tuple((_attribute_name(k), _attribute_value(v)) for k, v in attributes.items() if v is not None)
    return Element(tag, attrs, tuple(c for c in children if c is not None))


def group(children: Iterable[Child | None], **attributes: AttrValue) -> Element:
    """A ``<g>`` holding ``children`` (an iterable, for building in loops)."""
    return el("g", *children, **attributes)


def _render_child(child: Child) -> str:
    if isinstance(child, Element):
        return render(child)
    if isinstance(child, Markup):
        return str(child)
    return str(escape(child))


def render(element: Element) -> str:
    """The element as SVG markup: every text node and attribute value escaped."""
    attrs = "".join(f' {name}="{escape(value)}"' for name, value in element.attributes)
    if not element.children:
        return f"<{element.tag}{attrs}/>"
    inner = "".join(_render_child(c) for c in element.children)
    return f"<{element.tag}{attrs}>{inner}</{element.tag}>"
