"""HTML views of a parsed document for notebooks and the static edition.

Every piece of data is escaped with :func:`html.escape` before it enters the
markup, so a data file can never inject script or markup into a page.  The
markup uses semantic elements and plain inline styles (no external CSS), so it
looks the same in JupyterLab, in a static HTML export and on GitHub.
"""

from __future__ import annotations

from html import escape

from .document import DocumentRecord
from .frus_text import FrusDocument, Paragraph

__all__ = ["summary_card", "render_text", "paragraph_card"]

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
    """The whole document: furniture lines, numbered paragraphs (¶1 …), page breaks visible, signature."""
    head = "".join(f"<div style='font-variant:small-caps'>{escape(line.value)}</div>" for line in doc.header_lines)
    paras = "".join(
        f"<p id='{escape(p.id)}'><span style='color:#595959;font-size:0.85em' aria-label='paragraph {p.number}'>¶{p.number}</span> {_paragraph_body(p)}</p>"
        for p in doc.paragraphs
    )
    signature = f"<p style='text-align:right'>{escape(doc.signature)}</p>" if doc.signature else ""
    return f"<article style='{_BOX}' aria-label='Text of the document'>{head}{paras}{signature}</article>"


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
