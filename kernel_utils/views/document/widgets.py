"""Interactive views for the notebooks, built on ipywidgets.

Each explorer has a labelled control (keyboard-usable: a native select), an
``HTML`` widget that shows the result, and a ``select`` method that sets the
control from code and returns the same view as static HTML, so a notebook cell
can demonstrate it, nbval can run the callback, and a static render still
shows an example.
"""

from __future__ import annotations

from IPython.display import HTML

from kernel_utils.text.parser import FrusDocument
from kernel_utils.views.document.text import paragraph_card
from kernel_utils.views.static import StaticItem, listed_box, static_listing, with_static_html

__all__ = ["ParagraphExplorer"]


class ParagraphExplorer:
    """Choose a paragraph: see its text, length, page and numbered point."""

    def __init__(self, doc: FrusDocument):
        import ipywidgets as widgets

        self.doc = doc
        options = [(f"¶{p.number}" + (f" (point {p.point})" if p.point is not None else ""), p.id) for p in doc.paragraphs]
        self.control = widgets.Dropdown(
            options=options,
            value=doc.paragraphs[0].id,
            description="Paragraph",
            description_allow_html=False,
            style={"description_width": "initial"},
        )
        self.view = widgets.HTML(value=paragraph_card(doc, self.control.value))
        self.control.observe(self._on_change, names="value")
        self.widget = listed_box(self, [self.control, self.view])

    def _on_change(self, change) -> None:
        self.view.value = paragraph_card(self.doc, change["new"])

    def select(self, paragraph_id: str) -> HTML:
        """Set the control as a reader would; return what the view now shows."""
        self.doc.paragraph(paragraph_id)  # KeyError with the valid ids if unknown
        self.control.value = paragraph_id
        return HTML(self.view.value)

    def static_html(self) -> str:
        """Every paragraph's card at once (collapsed), anchored ``para-p01`` ..., for static pages."""
        items = [StaticItem(label, paragraph_card(self.doc, pid), f"para-{pid}") for label, pid in self.control.options]
        return static_listing("ParagraphExplorer", "Every paragraph's card", items)

    def _repr_mimebundle_(self, **kwargs):
        return with_static_html(self, self.widget._repr_mimebundle_(**kwargs))
