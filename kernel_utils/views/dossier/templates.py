"""The dossier's templates: macros of ``kernel_utils/views/templates/dossier.html``, rendered with the
views' one Jinja2 environment (:mod:`kernel_utils.views.html`: autoescape on, strict undefined)."""

from __future__ import annotations

from kernel_utils.views.html import macro

__all__ = ["render"]

#: Template names the dossier's views use → the macro of dossier.html that renders each.
_MACROS = {
    "offices.svg": "offices_svg", "timeline.svg": "timeline_svg", "reuse.html": "reuse",
    "links.html": "links", "chain.html": "chain",
}


def render(name: str, **context) -> str:
    """Render one of the dossier's templates (autoescaped); ``name`` as listed in ``_MACROS``."""
    return str(macro("dossier.html", _MACROS[name])(**context))
