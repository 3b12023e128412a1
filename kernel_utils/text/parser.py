"""Parse the plain text of a FRUS document into a structure anchored to the text.

The Office of the Historian prints each document of *Foreign Relations of the
United States* with the same furniture: a heading line (file designation and
document type), an address line ("X to Y"), marking lines (classification,
precedence, dateline, "[Received ...]"), body paragraphs with "[Page N]"
markers where the printed page turns, and a signature.  This module reads that
furniture from the text alone.  It knows FRUS conventions, not the words of any
one document: whatever it cannot determine it leaves as ``None``, never guessed.

The pages of history.state.gov come in three layouts, and all three are read:
paragraphs separated by blank lines (like the seed text of telegram 602), one
paragraph a line, and lines broken at a fixed width.  Among the variants read
(see tests/fixtures/frus/, real pages 1900–1968): "File No." and collection
designations, lowercase and two-word types, later-series headings
("235. Telegram From X to Y", "371. Telegram 1219 to Geneva"), "[Paraphrase]",
"No. 360", classification and precedence lines (also on one line), repeated
"[Received ...]" lines, datelines split over two lines, footnote digits glued to
address lines, " to " inside a sender, memoranda "by ..." with no recipient,
series numbers (Delga, Gadel, Secto, Tosec, C–60453, Unnumbered), label-only
list lines, omission lines, "[Page N]" on its own line or glued, closing
formulas, one- and two-line signatures (also before an enclosure), footnote
lists ("  1. ..." or "- ...↩").  Lines that are neither heading, paragraph nor
signature (omissions, closing formula, footnote list) are ``furniture_lines``.

The work is done by small passes over a shared state (:mod:`kernel_utils.text.passes`);
paragraphs are built by the builder the TEI import shares
(:mod:`kernel_utils.text.paragraphs`); the document model is :mod:`kernel_utils.text.model`.
"""

from __future__ import annotations

import re

from kernel_utils.errors import FrusParseError
from kernel_utils.text.lines import line_of, split_lines
from kernel_utils.text.markers import ANY_PAGE_BRACKET, PAGE_MARKER
from kernel_utils.text.model import FrusDocument, HeaderLine, PageBreak, Paragraph
from kernel_utils.text.paragraphs import build_paragraphs
from kernel_utils.text.passes import PASSES, ParseState, is_hard_wrapped
from kernel_utils.text.vocabulary import CLASSIFICATIONS, PRECEDENCES

__all__ = [
    "CLASSIFICATIONS",
    "PAGE_MARKER",
    "PRECEDENCES",
    "FrusDocument",
    "HeaderLine",
    "PageBreak",
    "Paragraph",
    "parse_frus_text",
]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]")


def check_text(text: str, source: str) -> None:
    """Refuse a text the passes cannot read: not a str, empty, with control characters or a
    malformed page marker (:class:`~kernel_utils.errors.FrusParseError` naming the line)."""
    if not isinstance(text, str):
        raise TypeError(f"parse_frus_text needs a str, got {type(text).__name__}")
    if not text.strip():
        raise FrusParseError("the text is empty", line=1, expected="a FRUS document", source=source)
    bad = _CONTROL.search(text)
    if bad:
        raise FrusParseError(
            "control character in the text",
            line=line_of(text, bad.start()),
            expected="printable text",
            found=bad.group(0),
            source=source,
        )
    for m in ANY_PAGE_BRACKET.finditer(text):
        if not PAGE_MARKER.fullmatch(m.group(0)):
            raise FrusParseError(
                "malformed page marker",
                line=line_of(text, m.start()),
                expected="a page marker of the form '[Page 123]'",
                found=m.group(0),
                source=source,
            )


def parse_frus_text(
    text: str, *, source: str = "<text>", first_page: int | None = None, first_page_basis: str = "given"
) -> FrusDocument:
    """Parse the plain text of one FRUS document.

    ``source`` names the text in error messages (a file path, say).
    ``first_page`` is the printed page on which the document begins, when an
    outside source gives it; otherwise it is inferred from the first
    ``[Page N]`` marker (N − 1), and ``first_page_basis`` says which (a given
    ``first_page`` is described by the ``first_page_basis`` argument).

    The text may come in any of the renderings history.state.gov pages have:
    paragraphs separated by blank lines, one paragraph a line, or lines broken
    at a fixed width.  Raises :class:`~kernel_utils.errors.FrusParseError`
    naming the line when the text is empty, holds control characters, has a
    malformed page marker or has no body; never any other exception for a str.
    """
    check_text(text, source)
    lines = split_lines(text)
    state = ParseState(text, lines, is_hard_wrapped(lines))
    for run in PASSES:
        run(state)
    if not state.spans:
        raise FrusParseError(
            "no body after the heading and markings",
            line=line_of(text, len(text)),
            expected="at least one paragraph of text",
            source=source,
        )
    return _document(state, source, first_page, first_page_basis)


def _document(state: ParseState, source: str, first_page: int | None, first_page_basis: str) -> FrusDocument:
    """The document the passes found: page breaks, first page (given or inferred from the first
    marker), paragraphs from the shared builder, header and furniture lines."""
    text = state.text
    breaks = tuple(PageBreak(int(m.group(1)), m.start(), m.end()) for m in PAGE_MARKER.finditer(text))
    basis = first_page_basis
    if first_page is None:
        first_page = breaks[0].page - 1 if breaks else None
        basis = "inferred from the first page marker" if breaks else "unknown"
    f = state.fields
    built = build_paragraphs(text, state.spans, doc_type=f.doc_type, first_page=first_page, breaks=breaks)
    return FrusDocument(
        text=text,
        source=source,
        file_designation=f.file_designation,
        doc_type=f.doc_type,
        sender=f.sender,
        recipient=f.recipient,
        classification=f.classification,
        precedence=f.precedence,
        dateline=f.dateline,
        received=f.received,
        telegram_number=built.telegram_number or f.heading_number,
        header_lines=tuple(state.header),
        paragraphs=built.paragraphs,
        signature=state.signature,
        signature_span=state.signature_span,
        page_breaks=breaks,
        first_page=first_page,
        first_page_basis=basis,
        footnotes=state.footnotes,
        furniture_lines=tuple(sorted(state.furniture, key=lambda h: h.start)),
    )
