"""The witness line: what text of a document the edition read, and how much of it.

Shown wherever a bundled text is shown, so that a partial witness (a stored page text that stops
part-way through the document) is never mistaken for the whole document.  Rendered from
``templates/witness.html`` (autoescaped), so every value taken from the data is escaped.
"""

from __future__ import annotations

from kernel_utils.store.documents import DocumentRecord
from kernel_utils.views.html import macro

__all__ = ["witness_line", "witness_line_html"]

_TEMPLATE = "witness.html"


def witness_line(record: DocumentRecord) -> str:
    """One plain line: complete or PARTIAL witness, of what, how many characters, where it stops."""
    if record.witness is None:
        return f"Witness of {record.id}: not recorded."
    return record.witness.label()


def witness_line_html(record: DocumentRecord) -> str:
    """The witness line as an HTML paragraph (a partial witness is marked in words, not colour alone)."""
    w = record.witness
    if w is None:
        return str(macro(_TEMPLATE, "missing")(record.id))
    if w.is_partial:
        return str(macro(_TEMPLATE, "partial")(w.what, f"{w.characters:,}", w.stops_at, w.url))
    return str(macro(_TEMPLATE, "complete")(w.what, f"{w.characters:,}", w.url))
