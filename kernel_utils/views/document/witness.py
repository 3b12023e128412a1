"""The witness line: what text of a document the edition read, and how much of it.

Shown wherever a bundled text is shown, so that a partial witness (a stored page text that stops
part-way through the document) is never mistaken for the whole document.  Built with
:mod:`markupsafe`, which escapes every value taken from the data.
"""

from __future__ import annotations

from markupsafe import Markup

from kernel_utils.store.documents import DocumentRecord

__all__ = ["witness_line", "witness_line_html"]

_PARTIAL = "border-left:4px solid #D55E00;padding:0.3em 0.7em;margin:0.4em 0;max-width:48em;"
_COMPLETE = "border-left:4px solid #009E73;padding:0.3em 0.7em;margin:0.4em 0;max-width:48em;"


def witness_line(record: DocumentRecord) -> str:
    """One plain line: complete or PARTIAL witness, of what, how many characters, where it stops."""
    if record.witness is None:
        return f"Witness of {record.id}: not recorded."
    return record.witness.label()


def witness_line_html(record: DocumentRecord) -> str:
    """The witness line as an HTML paragraph (a partial witness is marked in words, not colour alone)."""
    w = record.witness
    if w is None:
        return str(Markup("<p role='note'><strong>Witness:</strong> not recorded for {}.</p>").format(record.id))
    if w.is_partial:
        return str(Markup(
            "<p role='note' style='{style}'><strong>Partial witness.</strong> The text read is {what}, "
            "and it stops part-way through the document, after {n} characters, at “…{stop}”. "
            "Nothing is claimed about the rest of the document. <a href='{url}'>The page read</a>.</p>"
        ).format(style=_PARTIAL, what=w.what, n=f"{w.characters:,}", stop=w.stops_at, url=w.url))
    return str(Markup(
        "<p role='note' style='{style}'><strong>Complete witness</strong> of {what} ({n} characters): "
        "a witness of that rendering, not of the printed page. <a href='{url}'>The text read</a>.</p>"
    ).format(style=_COMPLETE, what=w.what, n=f"{w.characters:,}", url=w.url))
