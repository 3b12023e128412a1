"""HTML views of a parsed document for notebooks and the static edition.

Every piece of data goes through the autoescaping template ``templates/document.html``
(:mod:`kernel_utils.views.html`), so a data file can never inject script or markup into a page.  The
markup uses semantic elements and plain inline styles (no external CSS), so it
looks the same in JupyterLab, in a static HTML export and on GitHub.
"""

from __future__ import annotations

from kernel_utils.store.documents import DocumentRecord
from kernel_utils.text.parser import FrusDocument, Paragraph
from kernel_utils.views.html import macro

__all__ = ["summary_card", "render_text", "paragraph_card", "document_heading", "basis_notes", "source_line", "example_paragraph", "facts_lines", "page_turns"]

_TEMPLATE = "document.html"


def _pieces(p: Paragraph) -> list[tuple[str, str | int]]:
    """The paragraph's verbatim text cut at its page markers: ("text", words) and ("page", number)."""
    pieces: list[tuple[str, str | int]] = []
    cursor = p.start
    for pb in p.page_breaks:
        pieces.append(("text", p.text[cursor - p.start : pb.start - p.start]))
        pieces.append(("page", pb.page))
        cursor = pb.end
    pieces.append(("text", p.text[cursor - p.start :]))
    return pieces


def summary_card(doc: FrusDocument, record: DocumentRecord) -> str:
    """Who wrote to whom, when, and where it is printed: one table, every value from the data."""
    pages = "–".join(str(p) for p in (record.pages[0], record.pages[-1])) if record.pages else None
    pairs = [
        ("File designation", doc.file_designation),
        ("Document type", doc.doc_type),
        ("Telegram number", doc.telegram_number),
        ("From", doc.sender),
        ("Signed", doc.signature),
        ("To", doc.recipient),
        ("Classification", doc.classification),
        ("Precedence", doc.precedence),
        ("Date", record.date),
        ("Printed in", f"{record.volume_title}, document {record.document_number}, pages {pages}"),
        ("Web edition", record.url),
    ]
    return str(macro(_TEMPLATE, "summary_card")(record.title, pairs))


def render_text(doc: FrusDocument) -> str:
    """The whole document: heading lines, numbered paragraphs (¶1 …), page breaks visible, signature,
    and the footnotes (if the text prints any) as a list."""
    paragraphs = [{"id": p.id, "number": p.number, "pieces": _pieces(p)} for p in doc.paragraphs]
    return str(macro(_TEMPLATE, "text")([line.value for line in doc.header_lines], paragraphs, doc.signature, list(doc.footnotes)))


def paragraph_card(doc: FrusDocument, paragraph_id: str) -> str:
    """One paragraph with its facts: number, point, length, pages, offsets."""
    p = doc.paragraph(paragraph_id)
    pairs = [
        ("Paragraph", p.number),
        ("Numbered point", p.point if p.point is not None else "none"),
        ("Length", f"{len(p.reading_text)} characters"),
        ("Printed page(s)", ", ".join(str(n) for n in p.pages) if p.pages else "unknown"),
        ("Offsets in the verbatim text", f"{p.start}–{p.end}"),
    ]
    return str(macro(_TEMPLATE, "paragraph_card")(p.number, pairs, _pieces(p)))


def document_heading(doc: FrusDocument, record: DocumentRecord) -> str:
    """A one-line heading for whichever document a notebook shows: its short title (or title)
    and the address line as printed."""
    title = record.short_title or record.title
    address = " to ".join(part for part in (doc.sender, doc.recipient) if part) or record.title
    return str(macro(_TEMPLATE, "heading")(title, address))


def basis_notes(record: DocumentRecord) -> str:
    """How the date and the pages of a document were established (``document.json``)."""
    pairs = [("How the date is known", record.date_basis), ("How the pages are known", record.pages_basis)]
    return str(macro(_TEMPLATE, "basis_notes")(pairs))


def source_line(record: DocumentRecord) -> str:
    """The source of a bundled text, as one sentence of HTML (every value escaped)."""
    return str(macro(_TEMPLATE, "source_line")(record.volume_title, record.document_number, record.url))


def example_paragraph(doc: FrusDocument) -> Paragraph:
    """The paragraph a notebook shows as an example: the first that runs across a page break,
    else the longest."""
    across = [p for p in doc.paragraphs if len(p.pages) > 1]
    return across[0] if across else max(doc.paragraphs, key=lambda p: len(p.reading_text))


def facts_lines(doc: FrusDocument) -> list[str]:
    """A few facts computed from the parsed document, as plain sentences (for any document)."""
    longest = max(doc.paragraphs, key=lambda p: len(p.reading_text))
    point = f"point {longest.point}" if longest.point is not None else "no numbered point"
    across = [p.id for p in doc.paragraphs if len(p.pages) > 1]
    pages = f"{doc.pages[0]}–{doc.pages[-1]} (first page: {doc.first_page_basis})" if doc.pages else "unknown"
    return [
        f"Telegram number: {doc.telegram_number or 'not printed'}",
        f"Paragraphs: {len(doc.paragraphs)}; numbered points: {', '.join(str(n) for n in doc.points) or 'none'}",
        f"Longest paragraph: {longest.id} ({point}, {len(longest.reading_text)} characters)",
        f"Paragraphs that cross a page break: {', '.join(across) or 'none'}",
        f"Pages: {pages}",
    ]


def page_turns(doc: FrusDocument, context: int = 25) -> list[str]:
    """Where each printed page begins inside a paragraph, with a little text either side."""
    out = []
    for pb in doc.page_breaks:
        p = doc.paragraph_at(pb.start)
        if p is None:
            out.append(f"Page {pb.page} begins between paragraphs")
            continue
        at, after = pb.start - p.start, pb.end - p.start
        out.append(f"Page {pb.page} begins inside {p.id}: …{p.text[max(0, at - context):at]}[Page {pb.page}]{p.text[after:after + context]}…")
    return out
