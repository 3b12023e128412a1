"""Parse the plain text of a FRUS document into a structure anchored to the text.

The Office of the Historian prints each document of *Foreign Relations of the
United States* with the same furniture: a heading line (file designation and
document type), an address line ("X to Y"), marking lines (classification,
precedence, dateline, "[Received ...]"), body paragraphs with "[Page N]"
markers where the printed page turns, and a signature.  This module reads that
furniture from the text alone.  It knows FRUS conventions, not the words of any
one document: whatever it cannot determine it leaves as ``None``, never guessed.

Every element keeps its character span (Python ``str`` offsets, i.e. Unicode
code points, not bytes) in the verbatim text, and :meth:`FrusDocument.rebuild_text`
re-assembles the verbatim text from the parsed elements, which is how the
tests prove nothing was lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from .errors import FrusParseError

__all__ = [
    "PageBreak",
    "HeaderLine",
    "Paragraph",
    "FrusDocument",
    "parse_frus_text",
    "PAGE_MARKER",
]

#: A page marker as history.state.gov prints it: ``[Page 1584]``.
PAGE_MARKER = re.compile(r"\[Page (\d{1,5})\]")
_ANY_PAGE_BRACKET = re.compile(r"\[Page\b[^\]\n]*\]?")

CLASSIFICATIONS = (
    "top secret",
    "secret",
    "confidential",
    "restricted",
    "unclassified",
    "personal and confidential",
    "strictly confidential",
    "official use only",
    "limited official use",
    "eyes only",
)
PRECEDENCES = (
    "priority",
    "niact",
    "operational immediate",
    "immediate",
    "flash",
    "routine",
    "urgent",
    "most urgent",
    "triple priority",
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_DATELINE = re.compile(
    rf"^[A-Z][\w .,'()-]*?,\s+(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}(?:[—–-].*)?$"
)
_RECEIVED = re.compile(r"^\[Received\b.*\]$")
_EDITORIAL_BRACKET = re.compile(r"^\[(?:Telegram|Paraphrase|Extract|Translation|Excerpt|Summary)[^\]]*\]$")
_SERIAL = re.compile(r"^No\.\s*\d+[\w-]*$")
#: "NNN.NN/M–DDYY: Telegram" and the like: a designation, a colon, a short type.
_HEADING = re.compile(r"^(?P<designation>[^:\n]{1,120}?): (?P<doc_type>[A-Za-z][A-Za-z \-'’]{1,60})$")
#: A designation standing alone: "795.00/12–1350" or "File No. 763.72/1234".
_BARE_DESIGNATION = re.compile(r"^(?:File No\.\s*)?\d{3}[\w.]*/[\w.–\-]+$")
#: The telegram number that opens the body: "602. ", "Delga 460. ", "Unnumbered. ".
_TELEGRAM_NUMBER = re.compile(r"^(?P<number>(?:[A-Z][A-Za-z]{1,10}\s)?\d{1,5}|Unnumbered)\.\s")
_POINT = re.compile(r"^(?P<point>\d{1,2})\.\s")
_SIGNATURE_MAX_WORDS = 6
#: "Memorandum by the Planning Staff": an author and no recipient.
_BY_AUTHOR = re.compile(r"^(?:[A-Z][a-z]+ ){1,4}(?:Prepared )?by (?P<author>.+?)$")


@dataclass(frozen=True)
class PageBreak:
    """A ``[Page N]`` marker: page ``page`` begins at ``start`` in the verbatim text."""

    page: int
    start: int
    end: int


@dataclass(frozen=True)
class HeaderLine:
    """One line of the document's furniture before the body, with its span."""

    kind: str  # heading | address | classification | precedence | dateline | received | serial | editorial
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

    # ----------------------------------------------------------------- views
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
        """The printed page on which character ``offset`` stands (``None`` if unknown)."""
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"offset {offset} is outside the text (0–{len(self.text)}) of {self.source}")
        page = self.first_page
        for pb in self.page_breaks:
            if pb.start <= offset:
                page = pb.page
        return page

    def paragraph_table(self):
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
        frame["point"] = frame["point"].astype("Int64")
        frame["first_page"] = frame["first_page"].astype("Int64")
        frame["last_page"] = frame["last_page"].astype("Int64")
        return frame

    def rebuild_text(self) -> str:
        """Re-assemble the verbatim text from the parsed elements (never from ``self.text`` slices
        of the elements themselves): the round-trip proof that the structure holds everything."""
        pieces: list[tuple[int, int, str]] = []
        for line in self.header_lines:
            pieces.append((line.start, line.end, _render_header_line(self, line)))
        for p in self.paragraphs:
            pieces.append((p.start, p.end, _render_paragraph(p)))
        if self.signature is not None and self.signature_span is not None:
            pieces.append((*self.signature_span, self.signature))
        inside = [(p.start, p.end) for p in self.paragraphs]
        for pb in self.page_breaks:  # markers standing in blocks of their own
            if not any(start <= pb.start < end for start, end in inside):
                pieces.append((pb.start, pb.end, f"[Page {pb.page}]"))
        pieces.sort()
        out: list[str] = []
        cursor = 0
        for start, end, rendered in pieces:
            gap = self.text[cursor:start]
            if gap.strip():
                raise AssertionError(f"unparsed text at {cursor}–{start} in {self.source}: {gap!r}")
            out.append(gap)
            out.append(rendered)
            cursor = end
        tail = self.text[cursor:]
        if tail.strip():
            raise AssertionError(f"unparsed text after {cursor} in {self.source}: {tail!r}")
        out.append(tail)
        return "".join(out)


def _render_header_line(doc: FrusDocument, line: HeaderLine) -> str:
    """Render a header line from the parsed fields where the fields determine it."""
    if line.kind == "heading" and doc.file_designation is not None and doc.doc_type is not None:
        return f"{doc.file_designation}: {doc.doc_type}"
    if line.kind == "address" and doc.sender is not None and doc.recipient is None:
        prefix = line.value[: line.value.rfind(" by ") + 4]
        return prefix + doc.sender + line.value[len(prefix) + len(doc.sender):]
    if line.kind == "address" and doc.sender is not None and doc.recipient is not None:
        rendered = f"{doc.sender} to {doc.recipient}"
        footnote_marker = line.value[len(rendered):]  # digits glued to the end, if any
        return rendered + footnote_marker
    return line.value


def _render_paragraph(p: Paragraph) -> str:
    """Put the page markers (and the space removed with each) back into the reading text."""
    text = p.reading_text
    removed_before = 0
    pieces = []
    cursor = 0
    for pb in sorted(p.page_breaks, key=lambda b: b.start):
        chunk, chunk_start = _removed_chunk(p, pb)
        rel = chunk_start - p.start - removed_before
        pieces.append(text[cursor:rel])
        pieces.append(chunk)
        cursor = rel
        removed_before += len(chunk)
    pieces.append(text[cursor:])
    return "".join(pieces)


def _removed_chunk(p: Paragraph, pb: PageBreak) -> tuple[str, int]:
    """The marker plus the whitespace the reading text dropped with it, and where that began.

    Mirrors the rule of :func:`_strip_markers`.
    """
    marker = f"[Page {pb.page}]"
    before = p.text[: pb.start - p.start]
    after = p.text[pb.end - p.start :]
    if before.endswith((" ", "\n")) and after[:1] in (" ", "\n"):
        return before[-1] + marker, pb.start - 1
    if not before and after[:1] in (" ", "\n"):
        return marker + after[0], pb.start
    return marker, pb.start


def _strip_markers(text: str, offset: int) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """Remove page markers from a paragraph; return reading text and (page, start, end) spans.

    When a marker stands between two spaces ("about [Page 1584] by") one space
    goes with it so the reading text reads "about by"; a marker glued to a word
    is removed alone.
    """
    found = []
    out: list[str] = []
    cursor = 0
    for m in PAGE_MARKER.finditer(text):
        found.append((int(m.group(1)), offset + m.start(), offset + m.end()))
        before = text[cursor : m.start()]
        after_char = text[m.end() : m.end() + 1]
        if before.endswith((" ", "\n")) and after_char in (" ", "\n"):
            before = before[:-1]
            cursor_after = m.end()
        elif m.start() == 0 and after_char in (" ", "\n"):
            cursor_after = m.end() + 1
        else:
            cursor_after = m.end()
        out.append(before)
        cursor = cursor_after
    out.append(text[cursor:])
    return "".join(out), tuple(found)


@dataclass(frozen=True)
class _Block:
    start: int
    end: int
    first_line: int  # 1-based line number, for error messages

    def text(self, whole: str) -> str:
        return whole[self.start : self.end]


def _blocks(text: str) -> Iterator[_Block]:
    """Runs of non-blank lines, with their spans (trailing spaces excluded)."""
    line_no = 0
    pos = 0
    block_start = None
    block_line = 0
    block_end = 0
    for line in text.splitlines(keepends=True):
        line_no += 1
        content = line.rstrip("\r\n")
        if content.strip():
            if block_start is None:
                block_start = pos + (len(content) - len(content.lstrip()))
                block_line = line_no
            block_end = pos + len(content.rstrip())
        elif block_start is not None:
            yield _Block(block_start, block_end, block_line)
            block_start = None
        pos += len(line)
    if block_start is not None:
        yield _Block(block_start, block_end, block_line)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _check_markers(text: str, source: str) -> None:
    for m in _ANY_PAGE_BRACKET.finditer(text):
        if not PAGE_MARKER.fullmatch(m.group(0)):
            raise FrusParseError(
                "malformed page marker",
                line=_line_of(text, m.start()),
                expected="a page marker of the form '[Page 123]'",
                found=m.group(0),
                source=source,
            )


def _classify_marking(line: str) -> str | None:
    low = line.strip().lower()
    if low in CLASSIFICATIONS:
        return "classification"
    if low in PRECEDENCES:
        return "precedence"
    if _RECEIVED.match(line):
        return "received"
    if _DATELINE.match(line):
        return "dateline"
    if _EDITORIAL_BRACKET.match(line):
        return "editorial"
    if _SERIAL.match(line):
        return "serial"
    return None


def _split_address(line: str) -> tuple[str | None, str | None]:
    """Sender and recipient from "X to Y"; a trailing footnote number is dropped."""
    clean = re.sub(r"(?<=[A-Za-z)\].])\d{1,3}$", "", line)
    if " to " not in clean:
        return None, None
    sender, recipient = clean.split(" to ", 1)
    return sender.strip() or None, recipient.strip() or None


def _looks_like_address(line: str) -> bool:
    return " to " in line and len(line.split()) <= 40 and not line.rstrip().endswith((".", ":", ";")) and not _TELEGRAM_NUMBER.match(line)


def _looks_like_signature(block_text: str) -> bool:
    if "\n" in block_text:
        return False
    words = block_text.split()
    if not words or len(words) > _SIGNATURE_MAX_WORDS:
        return False
    if block_text.rstrip().endswith((".", ",", ";", ":", "?", "!")) and not re.search(r"\b[A-Z]\.$", block_text):
        return False
    return block_text[:1].isupper() and not PAGE_MARKER.search(block_text)


def parse_frus_text(text: str, *, source: str = "<text>", first_page: int | None = None) -> FrusDocument:
    """Parse the plain text of one FRUS document.

    ``source`` names the text in error messages (a file path, say).
    ``first_page`` is the printed page on which the document begins, when an
    outside source gives it; otherwise it is inferred from the first
    ``[Page N]`` marker (N − 1), and ``first_page_basis`` says which.

    Raises :class:`~kernel_utils.errors.FrusParseError` naming the line when
    the text is empty, holds control characters, has a malformed page marker
    or has no body.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_frus_text needs a str, got {type(text).__name__}")
    if not text.strip():
        raise FrusParseError("the text is empty", line=1, expected="a FRUS document", source=source)
    bad = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    if bad:
        raise FrusParseError(
            "control character in the text",
            line=_line_of(text, bad.start()),
            expected="printable text",
            found=bad.group(0),
            source=source,
        )
    _check_markers(text, source)

    blocks = list(_blocks(text))
    header: list[HeaderLine] = []
    fields: dict[str, str | None] = dict.fromkeys(
        ("file_designation", "doc_type", "sender", "recipient", "classification", "precedence", "dateline", "received"),
        None,
    )
    index = 0

    # Heading: "designation: Type" or a bare designation.
    first = blocks[0]
    first_line_end = text.find("\n", first.start, first.end)
    first_line_end = first.end if first_line_end < 0 else first_line_end
    first_line = text[first.start:first_line_end].rstrip()
    heading = _HEADING.match(first_line)
    if heading and len(heading.group("doc_type").split()) <= 5 and len(heading.group("designation").split()) <= 8:
        fields["file_designation"] = heading.group("designation")
        fields["doc_type"] = heading.group("doc_type")
        header.append(HeaderLine("heading", first_line, first.start, first.start + len(first_line)))
    elif _BARE_DESIGNATION.match(first_line):
        fields["file_designation"] = first_line
        header.append(HeaderLine("heading", first_line, first.start, first.start + len(first_line)))
    if header:
        if first_line_end < first.end:  # more lines in the heading block: treat them as furniture lines
            blocks[0] = _Block(first_line_end + 1, first.end, first.first_line + 1)
        else:
            index = 1

    # Address line: "X to Y".
    if index < len(blocks):
        candidate = blocks[index].text(text)
        by_author = _BY_AUTHOR.match(candidate) if "\n" not in candidate else None
        if "\n" not in candidate and _looks_like_address(candidate):
            sender, recipient = _split_address(candidate)
            fields["sender"], fields["recipient"] = sender, recipient
            header.append(HeaderLine("address", candidate, blocks[index].start, blocks[index].end))
            index += 1
        elif by_author:
            fields["sender"] = re.sub(r"(?<=[A-Za-z)\].])\d{1,3}$", "", by_author.group("author")).strip()
            header.append(HeaderLine("address", candidate, blocks[index].start, blocks[index].end))
            index += 1

    # Marking lines: classification, precedence, dateline, [Received ...] ...
    while index < len(blocks):
        block = blocks[index]
        lines = _lines_with_offsets(text, block)
        kinds = [_classify_marking(line) for line, _ in lines]
        if not all(kinds):
            break
        for (line, start), kind in zip(lines, kinds):
            assert kind is not None
            header.append(HeaderLine(kind, line, start, start + len(line)))
            if kind in fields and fields[kind] is None:
                fields[kind] = line.strip() if kind != "received" else line.strip()[1:-1].removeprefix("Received").strip()
        index += 1

    # A block holding nothing but page markers is a page turn, not a paragraph.
    body = [b for b in blocks[index:] if PAGE_MARKER.sub("", b.text(text)).strip()]
    if not body:
        raise FrusParseError(
            "no body after the heading and markings",
            line=_line_of(text, len(text)),
            expected="at least one paragraph of text",
            source=source,
        )

    signature = None
    signature_span = None
    if len(body) > 1 and _looks_like_signature(body[-1].text(text)):
        signature = body[-1].text(text)
        signature_span = (body[-1].start, body[-1].end)
        body = body[:-1]

    all_breaks: list[PageBreak] = []
    for m in PAGE_MARKER.finditer(text):
        all_breaks.append(PageBreak(int(m.group(1)), m.start(), m.end()))
    basis = "given"
    if first_page is None:
        if all_breaks:
            first_page = all_breaks[0].page - 1
            basis = "inferred from the first page marker"
        else:
            basis = "unknown"

    telegram_number = None
    paragraphs: list[Paragraph] = []
    for n, block in enumerate(body, start=1):
        raw = block.text(text)
        reading, spans = _strip_markers(raw, block.start)
        breaks = tuple(PageBreak(page, s, e) for page, s, e in spans)
        point = None
        number_match = _TELEGRAM_NUMBER.match(reading) if n == 1 else None
        if number_match and _is_telegram_number(number_match.group("number"), fields["doc_type"]):
            telegram_number = number_match.group("number")
        else:
            pm = _POINT.match(reading)
            if pm:
                point = int(pm.group("point"))
        pages: tuple[int, ...] = ()
        if first_page is not None:
            start_page = _page_at(first_page, all_breaks, block.start)
            end_page = _page_at(first_page, all_breaks, block.end - 1)
            pages = tuple(range(start_page, end_page + 1))
        paragraphs.append(
            Paragraph(
                id=f"p{n:02d}",
                number=n,
                start=block.start,
                end=block.end,
                text=raw,
                reading_text=reading,
                point=point,
                pages=pages,
                page_breaks=breaks,
            )
        )

    return FrusDocument(
        text=text,
        source=source,
        file_designation=fields["file_designation"],
        doc_type=fields["doc_type"],
        sender=fields["sender"],
        recipient=fields["recipient"],
        classification=fields["classification"],
        precedence=fields["precedence"],
        dateline=fields["dateline"],
        received=fields["received"],
        telegram_number=telegram_number,
        header_lines=tuple(header),
        paragraphs=tuple(paragraphs),
        signature=signature,
        signature_span=signature_span,
        page_breaks=tuple(all_breaks),
        first_page=first_page,
        first_page_basis=basis,
    )


def _is_telegram_number(number: str, doc_type: str | None) -> bool:
    """A number opening the body is a telegram number in telegrams, or when it has a series
    prefix ("Delga 460") or reads "Unnumbered"; otherwise it is the first numbered point."""
    if number == "Unnumbered" or not number[:1].isdigit():
        return True
    return doc_type is not None and any(word in doc_type.lower() for word in ("telegram", "airgram", "cable"))


def _page_at(first_page: int, breaks: list[PageBreak], offset: int) -> int:
    page = first_page
    for pb in breaks:
        if pb.start <= offset:
            page = pb.page
    return page


def _lines_with_offsets(text: str, block: _Block) -> list[tuple[str, int]]:
    out = []
    pos = block.start
    for line in text[block.start : block.end].split("\n"):
        stripped = line.rstrip("\r")
        lead = len(stripped) - len(stripped.lstrip())
        out.append((stripped.strip(), pos + lead))
        pos += len(line) + 1
    return out
