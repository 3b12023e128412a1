"""The one paragraph builder: spans of a text into :class:`Paragraph` objects.

Used by the plain-text parser and by the TEI import alike, so a paragraph means the same
thing whichever way a document came in: its verbatim span, its reading text without page
markers, the numbered point at its head, the printed pages it spans, and (for the first
paragraph only) the telegram number that opens the body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kernel_utils.text.markers import strip_markers
from kernel_utils.text.model import PageBreak, Paragraph, page_of
from kernel_utils.text.vocabulary import POINT, TELEGRAM_NUMBER, is_telegram_number

__all__ = ["BuiltParagraphs", "build_paragraphs", "paragraph_pages"]


@dataclass(frozen=True)
class BuiltParagraphs:
    """The paragraphs of a body and the telegram number its first paragraph opens with (if any)."""

    paragraphs: tuple[Paragraph, ...]
    telegram_number: str | None


def paragraph_pages(first_page: int | None, breaks: Sequence[PageBreak], start: int, end: int) -> tuple[int, ...]:
    """The printed pages a span ``start``–``end`` covers (empty when the first page is unknown)."""
    if first_page is None:
        return ()
    return tuple(range(page_of(first_page, breaks, start), page_of(first_page, breaks, end - 1) + 1))


def build_paragraphs(
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    doc_type: str | None,
    first_page: int | None,
    breaks: Sequence[PageBreak],
) -> BuiltParagraphs:
    """One :class:`Paragraph` per ``(start, end)`` span of ``text``, numbered from 1 (ids p01, p02 …).

    The first paragraph's opening number ("602. ", "Delga 460. ") is the telegram number when
    :func:`~kernel_utils.text.vocabulary.is_telegram_number` says so for ``doc_type``; a point
    number ("1. ") is read after it.
    """
    telegram_number = None
    paragraphs: list[Paragraph] = []
    for n, (start, end) in enumerate(spans, start=1):
        raw = text[start:end]
        reading, marks = strip_markers(raw, start)
        rest = reading
        number = TELEGRAM_NUMBER.match(reading) if n == 1 else None
        if number and is_telegram_number(number.group("number"), doc_type):
            telegram_number = number.group("number")
            rest = reading[number.end() :]
        point = POINT.match(rest)
        paragraphs.append(
            Paragraph(
                id=f"p{n:02d}",
                number=n,
                start=start,
                end=end,
                text=raw,
                reading_text=reading,
                point=int(point.group("point")) if point else None,
                pages=paragraph_pages(first_page, breaks, start, end),
                page_breaks=tuple(PageBreak(page, s, e) for page, s, e in marks),
            )
        )
    return BuiltParagraphs(tuple(paragraphs), telegram_number)
