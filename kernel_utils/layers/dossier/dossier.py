"""The dossier's cross-references: every bundled document's references, found and resolved.

:func:`find_references` reads one bundled document (its verbatim text, parsed), finds its
references (:mod:`.references`) and resolves them against the table (:mod:`.resolution`),
marking dates that disagree across the whole dossier.  :func:`references_in_document` does the
same for any parsed text (a page text not bundled, a made-up test).
"""

from __future__ import annotations

from functools import lru_cache

from kernel_utils.layers.dossier.references import Reference, find_references_in_text
from kernel_utils.layers.dossier.resolution import (
    ResolutionTable,
    load_resolution_table,
    mark_date_disagreements,
    office_of,
    resolve_references,
)
from kernel_utils.store.documents import document_record, list_documents, load_document
from kernel_utils.text.parser import FrusDocument

__all__ = ["document_offices", "dossier_references", "find_references", "references_in_document"]


def _own_number_span(doc: FrusDocument) -> tuple[int, int] | None:
    if not doc.telegram_number or not doc.paragraphs:
        return None
    start = doc.paragraphs[0].start
    if doc.text.startswith(doc.telegram_number, start):
        return start, start + len(doc.telegram_number)
    return None


def _body_end(doc: FrusDocument) -> int:
    """Where the body ends: the signature, or else the footnote block, or else the text's end."""
    span = doc.signature_span
    if span:
        return span[0]
    return doc.paragraphs[-1].end if doc.paragraphs else len(doc.text)


def document_offices(doc: FrusDocument, table: ResolutionTable) -> tuple[str | None, str | None]:
    """The offices of a document's sender and recipient, from its heading."""
    return office_of(doc.sender, table), office_of(doc.recipient, table)


def references_in_document(doc: FrusDocument, document_id: str, *, date: str | None,
                           table: ResolutionTable | None = None) -> list[Reference]:
    """The references of one parsed document, found and resolved (dates not compared across documents).

    ``date`` is the document's ISO date (it gives the year of dates written without one); with
    no date, the year is the volume's first year read from the id (``frus1950v07-…`` → 1950).
    """
    table = table or load_resolution_table()
    year = month = None
    if date:
        year, month = int(date[:4]), int(date[5:7])
    elif document_id.startswith("frus") and document_id[4:8].isdigit():
        year = int(document_id[4:8])
    body_start = doc.paragraphs[0].start if doc.paragraphs else 0
    found = find_references_in_text(doc.text, document=document_id, year=year, month=month,
                                    own_number_span=_own_number_span(doc), body_start=body_start, body_end=_body_end(doc))
    sender, recipient = document_offices(doc, table)
    line_end = doc.paragraphs[0].end if doc.paragraphs else None
    return resolve_references(found, sender=sender, recipient=recipient, table=table, reference_line_end=line_end)


@lru_cache(maxsize=4)
def _dossier(ids: tuple[str, ...]) -> dict[str, tuple[Reference, ...]]:
    table = load_resolution_table()
    by_document = {i: references_in_document(load_document(i), i, date=document_record(i).date, table=table) for i in ids}
    return {k: tuple(v) for k, v in mark_date_disagreements(by_document).items()}


def dossier_references() -> dict[str, list[Reference]]:
    """Every bundled document's references, resolved, with dates compared across the dossier."""
    return {k: list(v) for k, v in _dossier(tuple(list_documents())).items()}


def find_references(document_id: str) -> list[Reference]:
    """One bundled document's references to other telegrams, at character offsets, resolved.

    Raises ``KeyError`` (naming the bundled ids) for an unknown id.
    """
    ids = tuple(list_documents())
    if document_id not in ids:
        raise KeyError(f"no bundled document {document_id!r}; bundled: {', '.join(ids)}")
    return list(_dossier(ids)[document_id])
