"""Accessible figures for notebooks: an SVG shown inline in HTML, with alt text and a visible caption.

Why: JupyterLab (and nbconvert) draw an ``image/svg+xml`` output as an ``<img>``
without ``alt``, so screen readers get nothing, however good the SVG's own
``<title>``/``<desc>`` are.  Front ends prefer ``text/html`` when a bundle has it,
so a figure's :func:`figure_bundle` gives ``text/html`` (the SVG inline, named by
``aria-label``, inside a ``<figure>`` with a ``<figcaption>``), keeps
``image/svg+xml`` for GitHub's notebook preview (which shows images, not HTML),
and gives the alt text as ``text/plain``.

The inline SVG must not rely on ``id`` attributes for its name: the same figure
may appear twice on a page (a cell's output and a widget's view), and duplicate
ids would make ``aria-labelledby`` ambiguous.  So the name is an ``aria-label``.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from kernel_utils.views.html import macro

__all__ = ["figure_bundle", "figure_html", "labelled_svg"]

_ROOT = re.compile(r"<svg\b[^>]*>")
_ATTRIBUTE = re.compile(r'\s([^\s=/>]+)="([^"]*)"')


def labelled_svg(svg: str, label: str) -> str:
    """``svg`` with ``role="img"`` and ``aria-label`` = ``label`` on its root (replacing any
    ``aria-labelledby``/``aria-label``/``role`` there).  Fails loudly if ``svg`` has no ``<svg>`` element.

    Only the root's start tag is rewritten, from its parsed attributes, so the label is escaped by
    construction and the rest of the SVG stays byte for byte as it was."""
    match = _ROOT.search(svg)
    if match is None:
        raise ValueError(f"expected SVG markup with an <svg> element; found {svg[:60]!r}")
    kept = [(k, v) for k, v in _ATTRIBUTE.findall(match.group(0)) if k not in ("aria-labelledby", "aria-label", "role")]
    attributes = "".join(f' {k}="{v}"' for k, v in kept)  # kept as written: already escaped in the SVG
    head = Markup('<svg role="img" aria-label="{}"').format(label) + Markup(attributes)
    closing = "/>" if match.group(0).endswith("/>") else ">"
    return svg[: match.start()] + str(head) + closing + svg[match.end():]


def figure_html(svg: str, *, label: str, caption: str) -> str:
    """The SVG inline, named ``label`` (short: what the figure is), in a ``<figure>`` whose visible
    ``<figcaption>`` is ``caption`` (what it shows).  Both are escaped (template ``figure.html``)."""
    return str(macro("figure.html", "figure")(Markup(labelled_svg(svg, label)), caption))


def figure_bundle(svg: str, *, label: str, caption: str, alt: str) -> dict[str, str]:
    """A display bundle: ``text/html`` (see :func:`figure_html`), ``image/svg+xml`` (``svg`` as is),
    ``text/plain`` (``alt``)."""
    return {
        "text/html": figure_html(svg, label=label, caption=caption),
        "image/svg+xml": svg,
        "text/plain": alt,
    }
