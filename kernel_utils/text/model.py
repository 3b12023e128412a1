"""The parsed FRUS document: immutable elements anchored by span in the verbatim text.

Every element keeps its character span (Python ``str`` offsets, i.e. Unicode code points,
not bytes) in the verbatim text, and :meth:`FrusDocument.rebuild_text` re-assembles the
verbatim text from the parsed elements, which is how the tests prove nothing was lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, overload

from kernel_utils.errors import Problem, TextIntegrityError
from kernel_utils.text.markers import removed_chunk

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FrusDocument", "HeaderLine", "PageBreak", "Paragraph", "page_of"]


@dataclass(frozen=True)
class PageBreak:
    """A ``[Page N]`` marker: page ``page`` begins at ``start`` in the verbatim text."""

    page: int
    start: int
    end: int


@dataclass(frozen=True)
class HeaderLine:
    """One line of the document's furniture, with its span.

    ``kind`` before the body: heading | address | note-number | classification | precedence |
    marking | dateline | received | serial | editorial; in ``furniture_lines``: omission |
    closing | footnote | signature | dateline | chrome.
    """

    kind: str
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: its verbatim span, reading text and place in the document.

    ``point`` is the number printed at its head ("1." ... ) when there is one;
    ``pages`` are the printed pages it spans when the first page is known.
    """

    id: str
    number: int
    start: int
    end: int
    text: str
    reading_text: str
    point: int | None
    pages: tuple[int, ...]
    page_breaks: tuple[PageBreak, ...] = ()


@overload
def page_of(first_page: int, breaks: Sequence[PageBreak], offset: int) -> int: ...
@overload
def page_of(first_page: int | None, breaks: Sequence[PageBreak], offset: int) -> int | None: ...
def page_of(first_page: int | None, breaks: Sequence[PageBreak], offset: int) -> int | None:
    """The printed page on which character ``offset`` stands: the page of the last marker that
    starts at or before it (a character *at* a marker is on the new page), else ``first_page``."""
    page = first_page
    for pb in breaks:
        if pb.start <= offset:
            page = pb.page
    return page


@dataclass(frozen=True)
class FrusDocument:
    """An immutable FRUS document parsed from its verbatim text.

    Header fields are ``None`` where the text does not print them.
    """

    text: str
    source: str
    file_designation: str | None
    doc_type: str | None
    sender: str | None
    recipient: str | None
    classification: str | None
    precedence: str | None
    dateline: str | None
    received: str | None
    telegram_number: str | None
    header_lines: tuple[HeaderLine, ...]
    paragraphs: tuple[Paragraph, ...]
    signature: str | None
    signature_span: tuple[int, int] | None
    page_breaks: tuple[PageBreak, ...]
    first_page: int | None
    first_page_basis: str
    footnotes: tuple[str, ...] = field(default=())
    #: Lines that are neither heading, paragraph nor signature: omission lines, closing formulas,
    #: footnote-list lines, a closing place line, site chrome before the heading.
    furniture_lines: tuple[HeaderLine, ...] = field(default=())

    @property
    def pages(self) -> tuple[int, ...]:
        """Every printed page the document occupies, when the first page is known."""
        if self.first_page is None:
            return tuple(pb.page for pb in self.page_breaks)
        last = max([self.first_page, *(pb.page for pb in self.page_breaks)])
        return tuple(range(self.first_page, last + 1))

    @property
    def points(self) -> dict[int, Paragraph]:
        """The numbered points of the body, by their printed number."""
        return {p.point: p for p in self.paragraphs if p.point is not None}

    @property
    def reading_text(self) -> str:
        """The body as a reader reads it: paragraphs without page markers, the signature last."""
        parts = [p.reading_text for p in self.paragraphs]
        if self.signature:
            parts.append(self.signature)
        return "\n\n".join(parts)

    def paragraph(self, paragraph_id: str) -> Paragraph:
        """Return the paragraph with this id, or raise ``KeyError`` listing the valid ids."""
        for p in self.paragraphs:
            if p.id == paragraph_id:
                return p
        valid = ", ".join(p.id for p in self.paragraphs)
        raise KeyError(f"no paragraph {paragraph_id!r} in {self.source}; valid ids: {valid}")

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph whose span contains character ``offset``, if any."""
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p
        return None

    def page_at(self, offset: int) -> int | None:
        """The printed page on which character ``offset`` stands (``None`` if unknown).

        Raises ``IndexError`` for an offset outside ``0..len(text)``."""
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"offset {offset} is outside the text (0–{len(self.text)}) of {self.source}")
        return page_of(self.first_page, self.page_breaks, offset)

    def paragraph_table(self) -> pd.DataFrame:
        """The paragraphs as a :class:`pandas.DataFrame`, one row each, indexed by id."""
        import pandas as pd  # deferred: parsing must not pay for pandas

        rows = [
            {
                "id": p.id,
                "number": p.number,
                "point": p.point,
                "start": p.start,
                "end": p.end,
                "length": len(p.reading_text),
                "first_page": p.pages[0] if p.pages else None,
                "last_page": p.pages[-1] if p.pages else None,
                "text": p.reading_text,
            }
            for p in self.paragraphs
        ]
        frame = pd.DataFrame(rows).set_index("id")
        for column in ("point", "first_page", "last_page"):
            frame[column] = frame[column].astype("Int64")
        return frame

    def rebuild_text(self) -> str:
        """Re-assemble the verbatim text from the parsed elements (never from ``self.text`` slices
        of the elements themselves): the round-trip proof that the structure holds everything.

        Raises :class:`~kernel_utils.errors.TextIntegrityError` naming the span when some
        non-blank text is covered by no element (a document built by hand, or a parser fault)."""
        out: list[str] = []
        cursor = 0
        for start, end, rendered in self._pieces():
            self._check_gap(cursor, start)
            out.append(self.text[cursor:start])
            out.append(rendered)
            cursor = end
        self._check_gap(cursor, len(self.text))
        out.append(self.text[cursor:])
        return "".join(out)

    def _pieces(self) -> list[tuple[int, int, str]]:
        """Every element as (start, end, rendered text), in text order: header and furniture lines as
        stored, paragraphs with their page markers put back, the signature, lone page markers."""
        pieces = [(line.start, line.end, line.value) for line in self.header_lines]
        pieces += [(p.start, p.end, _render_paragraph(p)) for p in self.paragraphs]
        pieces += [(line.start, line.end, line.value) for line in self.furniture_lines]
        signature_lines = any(line.kind == "signature" for line in self.furniture_lines)
        if self.signature is not None and self.signature_span is not None and not signature_lines:
            pieces.append((*self.signature_span, self.signature))
        inside = [(p.start, p.end) for p in self.paragraphs]
        inside += [(line.start, line.end) for line in (*self.header_lines, *self.furniture_lines)]
        for pb in self.page_breaks:  # markers standing in blocks of their own
            if not any(start <= pb.start < end for start, end in inside):
                pieces.append((pb.start, pb.end, f"[Page {pb.page}]"))
        return sorted(pieces)

    def _check_gap(self, start: int, end: int) -> None:
        """Raise when ``start``–``end`` holds non-blank text that no element covers (naming its span)."""
        gap = self.text[start:end]
        if gap.strip():
            first = start + len(gap) - len(gap.lstrip())
            last = start + len(gap.rstrip())
            found = self.text[first:last]
            raise TextIntegrityError(
                [
                    Problem(
                        self.source,
                        f"characters {first}–{last}",
                        "",
                        "text covered by parsed elements",
                        repr(found[:80]),
                    )
                ]
            )


def _render_paragraph(p: Paragraph) -> str:
    """Put the page markers (and the blank removed with each) back into the reading text."""
    text = p.reading_text
    removed_before = 0
    pieces = []
    cursor = 0
    for pb in sorted(p.page_breaks, key=lambda b: b.start):
        chunk, chunk_start = removed_chunk(p.text, p.start, pb.page, pb.start, pb.end)
        rel = chunk_start - p.start - removed_before
        pieces.append(text[cursor:rel])
        pieces.append(chunk)
        cursor = rel
        removed_before += len(chunk)
    pieces.append(text[cursor:])
    return "".join(pieces)
