"""The exchange links as cards (HTML, autoescaped): both quotes with their offsets, the type, the
rationale and what speaks against it, headed as the edition's reading."""

from __future__ import annotations

from IPython.display import HTML

from kernel_utils.layers.dossier.links import LINK_TYPES, Link, links_for, load_links
from kernel_utils.store.documents import document_record, list_documents
from kernel_utils.views.dossier.network import EDGE_STYLES
from kernel_utils.views.dossier.templates import render

__all__ = ["link_rows", "links_html", "witness_label"]


def _title(document_id: str) -> str:
    if document_id in list_documents():
        record = document_record(document_id)
        return record.short_title or record.title
    return f"{document_id} (not bundled)"


def witness_label(document_id: str) -> str:
    """What was read of a bundled document, and how much (empty for a document not bundled)."""
    if document_id not in list_documents():
        return ""
    witness = document_record(document_id).witness
    return witness.label() if witness is not None else ""


def link_rows(links: list[Link]) -> list[dict]:
    """The template's rows for some links."""
    rows = []
    for l in links:
        rows.append({
            "colour": EDGE_STYLES[l.type][0], "verb": LINK_TYPES[l.type],
            "from_label": _title(l.source.document), "to_label": _title(l.target.refers_to or l.target.document),
            "from_quote": l.source.quote, "from_doc": l.source.document, "from_start": l.source.start, "from_end": l.source.end,
            "to_quote": l.target.quote, "to_doc": l.target.document, "to_start": l.target.start, "to_end": l.target.end,
            "reference": l.target.kind == "reference", "refers_to": l.target.refers_to,
            "from_witness": witness_label(l.source.document), "to_witness": witness_label(l.target.document),
            "rationale": l.rationale, "against": l.against, "note": l.note,
        })
    return rows


def links_html(document_id: str | None = None, *, link_type: str | None = None) -> HTML:
    """The links touching ``document_id`` (all links when None), optionally of one type, as cards."""
    links = load_links() if document_id is None else links_for(document_id)
    if link_type:
        links = [l for l in links if l.type == link_type]
    heading = f"{len(links)} link(s)" + (f" touching {_title(document_id)}" if document_id else "")
    empty = "The edition links no passage of this document to another." if document_id else "No links."
    return HTML(render("links.html", links=link_rows(links), heading=heading, empty=empty))
