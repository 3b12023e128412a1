"""HTML views of a parsed document for notebooks and the static edition.

Every piece of data is escaped with :func:`html.escape` before it enters the
markup, so a data file can never inject script or markup into a page.  The
markup uses semantic elements and plain inline styles (no external CSS), so it
looks the same in JupyterLab, in a static HTML export and on GitHub.
"""

from __future__ import annotations

from html import escape

from kernel_utils.store.documents import DocumentRecord
from kernel_utils.text.parser import FrusDocument, Paragraph

__all__ = ["summary_card", "render_text", "paragraph_card", "document_heading", "basis_notes", "source_line", "example_paragraph", "facts_lines", "page_turns"]

_BOX = "border:1px solid #767676;border-radius:4px;padding:0.6em 0.9em;margin:0.4em 0;max-width:48em;"
_PAGE = "display:inline-block;border:1px solid #0072B2;color:#0072B2;border-radius:3px;padding:0 0.3em;font-size:0.85em;"


def _row(label: str, value: object) -> str:
    shown = "unknown" if value in (None, "") else str(value)
    return f"<tr><th scope='row' style='text-align:left;padding-right:1em'>{escape(label)}</th><td style='text-align:left'>{escape(shown)}</td></tr>"


def summary_card(doc: FrusDocument, record: DocumentRecord) -> str:
    """Who wrote to whom, when, and where it is printed: one table, every value from the data."""
    pages = "–".join(str(p) for p in (record.pages[0], record.pages[-1])) if record.pages else None
    rows = [
        _row("File designation", doc.file_designation),
        _row("Document type", doc.doc_type),
        _row("Telegram number", doc.telegram_number),
        _row("From", doc.sender),
        _row("Signed", doc.signature),
        _row("To", doc.recipient),
        _row("Classification", doc.classification),
        _row("Precedence", doc.precedence),
        _row("Date", record.date),
        _row("Printed in", f"{record.volume_title}, document {record.document_number}, pages {pages}"),
        _row("Web edition", record.url),
    ]
    return (
        f"<section style='{_BOX}' aria-label='Document summary'>"
        f"<table><caption style='text-align:left;font-weight:bold'>{escape(record.title)}</caption>"
        + "".join(rows)
        + "</table></section>"
    )


def _paragraph_body(p: Paragraph) -> str:
    """The paragraph's verbatim text with each page marker shown as a visible badge."""
    out: list[str] = []
    cursor = p.start
    for pb in p.page_breaks:
        out.append(escape(p.text[cursor - p.start : pb.start - p.start]))
        out.append(f"<span style='{_PAGE}' title='printed page {pb.page} begins here' role='note'>[Page {pb.page}]</span>")
        cursor = pb.end
    out.append(escape(p.text[cursor - p.start :]))
    return "".join(out)


def render_text(doc: FrusDocument) -> str:
    """The whole document: heading lines, numbered paragraphs (¶1 …), page breaks visible, signature,
    and the footnotes (if the text prints any) as a list."""
    head = "".join(f"<div style='font-variant:small-caps'>{escape(line.value)}</div>" for line in doc.header_lines)
    paras = "".join(
        f"<p id='{escape(p.id)}'><span style='color:#595959;font-size:0.85em' aria-label='paragraph {p.number}'>¶{p.number}</span> {_paragraph_body(p)}</p>"
        for p in doc.paragraphs
    )
    signature = f"<p style='text-align:right'>{escape(doc.signature)}</p>" if doc.signature else ""
    notes = (
        "<ol aria-label='Footnotes' style='font-size:0.9em;color:#404040'>"
        + "".join(f"<li>{escape(note)}</li>" for note in doc.footnotes)
        + "</ol>"
        if doc.footnotes
        else ""
    )
    return f"<article style='{_BOX}' aria-label='Text of the document'>{head}{paras}{signature}{notes}</article>"


def paragraph_card(doc: FrusDocument, paragraph_id: str) -> str:
    """One paragraph with its facts: number, point, length, pages, offsets."""
    p = doc.paragraph(paragraph_id)
    pages = ", ".join(str(n) for n in p.pages) if p.pages else "unknown"
    facts = (
        f"<table>{_row('Paragraph', p.number)}{_row('Numbered point', p.point if p.point is not None else 'none')}"
        f"{_row('Length', f'{len(p.reading_text)} characters')}{_row('Printed page(s)', pages)}"
        f"{_row('Offsets in the verbatim text', f'{p.start}–{p.end}')}</table>"
    )
    return f"<section style='{_BOX}' aria-label='Paragraph {p.number}'>{facts}<blockquote>{_paragraph_body(p)}</blockquote></section>"


def document_heading(doc: FrusDocument, record: DocumentRecord) -> str:
    """A one-line heading for whichever document a notebook shows: its short title (or title)
    and the address line as printed."""
    title = record.short_title or record.title
    address = " to ".join(part for part in (doc.sender, doc.recipient) if part) or record.title
    return (
        f"<p style='font-size:1.1em;margin:0.3em 0'><strong>{escape(title)}</strong></p>"
        f"<p style='margin:0.2em 0'>{escape(address)}</p>"
    )


def basis_notes(record: DocumentRecord) -> str:
    """How the date and the pages of a document were established (``document.json``)."""
    rows = [_row("How the date is known", record.date_basis), _row("How the pages are known", record.pages_basis)]
    return f"<section style='{_BOX}' aria-label='How the date and pages are known'><table>{''.join(rows)}</table></section>"


def source_line(record: DocumentRecord) -> str:
    """The source of a bundled text, as one sentence of HTML (every value escaped)."""
    return (
        f"<p><em>Source of the text:</em> {escape(record.volume_title)}, document {record.document_number}, "
        f"<a href='{escape(record.url, quote=True)}'>{escape(record.url)}</a></p>"
    )


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
