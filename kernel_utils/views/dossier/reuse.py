"""Text reuse side by side (HTML, autoescaped): the aligned passages of two documents with their offsets."""

from __future__ import annotations

from IPython.display import HTML

from kernel_utils.layers.dossier.reuse import DEFAULT_THRESHOLD, document_reuse
from kernel_utils.store.documents import document_record
from kernel_utils.views.dossier.templates import render

__all__ = ["reuse_html"]


def _title(document_id: str) -> str:
    record = document_record(document_id)
    return f"{record.short_title or record.title} ({document_id})"


def reuse_html(a_document: str, b_document: str, *, threshold: float = DEFAULT_THRESHOLD) -> HTML:
    """Passages of ``a_document`` that repeat or paraphrase ``b_document``, side by side, with offsets and
    RapidFuzz scores (token-sort ratio, 0–100; a likeness of words, not proof of copying)."""
    rows = document_reuse(a_document, b_document, threshold=threshold)
    caption = f"Text reuse: {len(rows)} aligned passage(s), score ≥ {threshold:g}"
    return HTML(render("reuse.html", rows=rows, caption=caption, a_title=_title(a_document), b_title=_title(b_document),
                       empty="No passage of the first document scores above the threshold against the second."))
