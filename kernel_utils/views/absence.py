"""A plain statement that a document lacks a layer, shown instead of anything guessed.

Notebooks run on any bundled document; where a layer's files have not been built for one yet,
each view of that layer is replaced by this one note (escaped by construction: ``Markup.format``).
"""

from __future__ import annotations

from markupsafe import Markup

__all__ = ["absent_layer_html"]

_NOTE = Markup(
    "<p style='border:1px solid #767676;border-radius:4px;padding:0.6em 0.9em;margin:0.4em 0;max-width:48em;'>"
    "<strong>Not built yet:</strong> <code>{document}</code> has no {what} (no <code>data/documents/{document}/{where}</code>). "
    "Nothing is shown here rather than anything guessed.</p>"
)


def absent_layer_html(document_id: str, what: str, where: str) -> Markup:
    """The note that ``document_id`` has no ``what`` (e.g. "argument readings"), whose files would be at ``where``."""
    return _NOTE.format(document=document_id, what=what, where=where)
