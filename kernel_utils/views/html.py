"""HTML by Jinja2 templates that escape by construction.

Why: the edition renders data written by people (quotes, rationales, names, notes).  Built by
string concatenation, each value needed an ``escape()`` placed by hand, and one forgotten call was
an injection path.  Here every view renders a template from ``kernel_utils/views/templates/`` with
autoescaping on: a value is escaped unless it is a :class:`markupsafe.Markup` (markup that is
already safe, such as another rendered template or an SVG from :mod:`kernel_utils.views.svg`),
which is the only way to bypass escaping.  Undefined template variables fail loudly.

Each template file holds the macros of one view module; :func:`macro` returns one of them as a
Python callable whose result is ``Markup``.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Callable

import jinja2
from markupsafe import Markup

__all__ = ["Markup", "environment", "macro", "render"]


@cache
def environment() -> jinja2.Environment:
    """The one Jinja2 environment of the views: package templates, autoescape on, strict undefined."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("kernel_utils.views", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, **context: Any) -> str:
    """Render a whole template with ``context`` (values escaped unless ``Markup``)."""
    return environment().get_template(template).render(**context)


def macro(template: str, name: str) -> Callable[..., Markup]:
    """The macro ``name`` of ``template``, callable from Python; it returns ``Markup`` without the
    surrounding whitespace the template's layout adds."""
    found = getattr(environment().get_template(template).module, name)

    def call(*args: Any, **kwargs: Any) -> Markup:
        return Markup(found(*args, **kwargs)).strip()

    call.__name__ = name
    return call
