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
(see tests/fixtures/frus/, 122 real pages 1918–1957): "File No." and collection
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

Every element keeps its character span (Python ``str`` offsets, i.e. Unicode
code points, not bytes) in the verbatim text, and :meth:`FrusDocument.rebuild_text`
re-assembles the verbatim text from the parsed elements, which is how the
tests prove nothing was lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from kernel_utils.errors import FrusParseError

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
    "top secret—eyes only",
)
PRECEDENCES = (
    "priority",
    "niact",
    "operational immediate",
    "operational priority",
    "immediate",
    "flash",
    "routine",
    "urgent",
    "us urgent",
    "most urgent",
    "triple priority",
    "emergency",
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec"
#: "Washington, March 12, 1951—7 p. m.", "[Washington,] December 21, 1950.", ", December 19, 1918—5 p.m."
_DATELINE = re.compile(
    rf"^(?:\[?[A-Z][\w .'()’-]{{0,40}}?,?\]?,?\s*|,\s*)?(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}(?:[,.]?\s*(?:[—–-]|\d).{{0,30}})?\.?$"
)
#: The first half of a dateline split over two lines: "Washington, March 12," (the year on the next line).
_DATELINE_HEAD = re.compile(rf"^\[?[A-Z][\w .'’-]{{0,40}}?,?\]?,?\s*(?:{_MONTHS})\s+\d{{1,2}},?$")
_DATELINE_WITH_HOUR_HEAD = re.compile(rf"^.*(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}[—–-]\d{{1,2}}(?::\d\d)?$")
_RECEIVED = re.compile(r"^\[Received\b(?P<value>.*)\]\.?$")
_EDITORIAL_BRACKET = re.compile(
    r"^\[(?:Telegram|Paraphrase|Extracts?|Excerpts?|Translation|Summary|Circular|Airgram|Code|Plain|Gray|Undated)[^\]]{0,40}\]$",
    re.IGNORECASE,
)
_SERIAL = re.compile(r"^No\.\s*\d+[\w–-]*\.?$")
#: "NNN.NN/M–DDYY: Telegram": a designation, a colon and a short type (split at the last ": ").
_HEADING = re.compile(r"^(?P<designation>.{1,150}): (?P<doc_type>[A-Za-z][A-Za-z\-'’]*(?: [A-Za-z][A-Za-z\-'’]*){0,3})$")
#: A designation standing alone: "795.00/12–1350", "860 E.00/18", "File No. 763.72/1234".
_BARE_DESIGNATION = re.compile(r"^(?:File No\.\s*)?\d{3}[\w.]*(?: [\w.]+){0,3}/[\w.–\-]+$")
_FILE_NO = re.compile(r"^File No\.\s*")
#: Later series: "235. Telegram From the Mission ... to the Department of State1", "371. Telegram 1219 to Geneva1".
_SERIES_HEADING = re.compile(
    r"^(?P<docno>\d{1,4})\. (?P<doc_type>(?:Circular |Joint )?(?:Telegram|Airgram|Cable|Message|Letter|Note|Despatch|Instruction"
    r"|Memorandum(?: of (?:a )?(?:[A-Z][a-z]+ )?Conversations?)?|Paper|Report|Minutes|Editorial Note|Aide-Mémoire|Record|Notes))\b(?P<rest>.*)$"
)
#: The type phrase that may open an address line: "Memorandum by ...", "Memorandum of Conversation, by ...".
_TYPE_PREFIX = re.compile(
    r"^(?P<doc_type>(?:Circular )?(?:Memorandum(?: of (?:a )?(?:[A-Z][a-z]+ )?Conversations?)?|Telegram|Letter|Note|Aide-Mémoire|Minutes|Paper|Report|Record of (?:a )?(?:Conversation|Meeting)|Notes))"
    r"(?:,? (?:Prepared )?by| From) (?P<rest>.+)$"
)
#: The telegram number that opens the body: "602. ", "Delga 460. ", "C–60453. ", "Number 76. ", "Unnumbered. ".
_TELEGRAM_NUMBER = re.compile(
    r"^(?P<number>(?:[A-Z][A-Za-z]{1,10}\s)?[A-Z]{0,3}[–-]?\d{1,6}|Unnumbered)\.(?:\s|$)"
)
_POINT = re.compile(r"^(?:- )?[“\"]?(?P<point>\d{1,2})\.(?:\s|$)")
#: A list label standing alone on its line: "(a)", "1.", "- 1.", "- (1)", "- “(a)".
_LABEL_ONLY = re.compile(r"^(?:[-•]\s*)?[“\"]?(?:\(?[0-9]{1,2}[.)]|\([a-zA-Z]{1,4}\)|[a-z]\.|[A-Z]\.)$")
#: An omission line: ". . . . . . ." or "…".
_OMISSION = re.compile(r"^(?:\.\s*){3,}$|^…+$|^(?:\.\s*)+…?$")
_CLOSING_FORMULA = re.compile(
    r"^(?:I (?:have|am) \[etc\.\]|I have the honou?r to be.*|Accept, (?:Sir|Excellency).*|\[etc\.\]|Very truly yours,?|Sincerely(?: yours)?,?|Respectfully(?: yours)?,?|Faithfully yours,?|Yours (?:very )?(?:sincerely|faithfully|truly),?)$"
)
#: Footnote list items as the page text renders them: "  1. text", "- text↩", a lone "-".
_FOOTNOTE_ITEM = re.compile(r"^ {2}\d{1,3}\. \S")
_FOOTNOTE_DASH = re.compile(r"^- \S.*↩$|^-$")
_GLUED_NOTE_END = re.compile(r"(?:[.,;:”’)\]]|[A-Za-z])\d{1,3}$")
#: A footnote number at the end of an address line, glued or after one space.
_ADDRESS_NOTE = re.compile(r"(?<=[A-Za-z)\].’])\s?\d{1,3}$")
_SIGNATURE_MAX_WORDS = 6
_CLOSING_PLACE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, \[undated\.?\]|\.)$")
_ENCLOSURE = re.compile(r"^\[(?:Enclosure|Annex|Attachment|Appendix|Tab [A-Z0-9])\b[^\]]{0,40}\]$")

@dataclass(frozen=True)
class PageBreak:
    """A ``[Page N]`` marker: page ``page`` begins at ``start`` in the verbatim text."""

    page: int
    start: int
    end: int


@dataclass(frozen=True)
class HeaderLine:
    """One line of the document's furniture before the body, with its span."""

    kind: str  # heading | address | classification | precedence | marking | dateline | received | serial | editorial
    # (furniture_lines: omission | closing | footnote | signature | note-number | dateline)
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
    #: Lines that are neither heading, paragraph nor signature: omission lines, closing formulas,
    #: footnote-list lines, a closing place line, a footnote number on a line of its own.
    furniture_lines: tuple[HeaderLine, ...] = field(default=())

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
        for line in self.furniture_lines:
            pieces.append((line.start, line.end, line.value))
        signature_lines = any(line.kind == "signature" for line in self.furniture_lines)
        if self.signature is not None and self.signature_span is not None and not signature_lines:
            pieces.append((*self.signature_span, self.signature))
        inside = [(p.start, p.end) for p in self.paragraphs]
        inside += [(line.start, line.end) for line in (*self.header_lines, *self.furniture_lines)]
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
    """Render a header line from the parsed fields where the fields spell it out whole
    (heading "designation: Type", address "sender to recipient" plus any footnote digits);
    other lines (wrapped, prefixed, later-series headings) are rendered as stored."""
    if line.kind == "heading" and doc.file_designation is not None and doc.doc_type is not None:
        rendered = f"{doc.file_designation}: {doc.doc_type}"
        if line.value == rendered:
            return rendered
    if line.kind == "address" and doc.sender is not None and doc.recipient is not None:
        rendered = f"{doc.sender} to {doc.recipient}"
        if line.value.startswith(rendered) and re.fullmatch(r"\s?\d{0,3}", line.value[len(rendered):]):
            return rendered + line.value[len(rendered):]  # footnote digits glued to the end, if any
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
class _Line:
    """One non-blank line: its trimmed span, its text with indentation, its number."""

    start: int  # first non-blank character
    end: int  # after the last non-blank character
    indent: str  # the blanks before ``start`` on the line (footnote lists are indented)
    number: int  # 1-based line number, for error messages

    def text(self, whole: str) -> str:
        return whole[self.start : self.end]


def _lines(text: str) -> list[_Line]:
    """The non-blank lines of ``text`` (split at ``\\n`` only), with their spans."""
    out = []
    pos = 0
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            out.append(_Line(start, start + len(stripped), line[:lead], number))
        pos += len(line) + 1
    return out


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


def _near(word: str, vocabulary: tuple[str, ...]) -> bool:
    """A single word at most one letter off a vocabulary word of 6+ letters (a misprint such as
    "priorty"): one deletion, insertion or substitution."""
    if " " in word or len(word) < 5:
        return False
    for known in vocabulary:
        if " " in known or len(known) < 6 or abs(len(known) - len(word)) > 1:
            continue
        if len(known) == len(word):
            if sum(a != b for a, b in zip(known, word)) == 1:
                return True
        else:
            short, long_ = sorted((known, word), key=len)
            if any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_))):
                return True
    return False


def _marking_kind(part: str) -> str | None:
    """What a header marking is: classification, precedence, received, editorial, serial, dateline."""
    low = part.lower()
    if low in CLASSIFICATIONS:
        return "classification"
    if low in PRECEDENCES or (part.islower() and _near(low, PRECEDENCES)):
        return "precedence"
    if _RECEIVED.match(part):
        return "received"
    if _EDITORIAL_BRACKET.match(part):
        return "editorial"
    if _SERIAL.match(part):
        return "serial"
    if _DATELINE.match(part):
        return "dateline"
    return None


def _strip_address_note(line: str) -> str:
    return _ADDRESS_NOTE.sub("", line).rstrip()


def _split_address(line: str) -> tuple[str | None, str | None]:
    """Sender and recipient from "X to Y" (footnote digits at the end already removed).

    A sender may itself hold " to " ("... Delegation to the General Assembly (Roosevelt) to
    ..."): when the line has ") to " the split is at the first of those; else at the first
    " to the " when the first " to " is followed by a capitalised word ("The Commission to
    Negotiate Peace to the ..."); else at the first " to ".
    """
    at = line.find(") to ")
    article = line.find(" to the ")
    if at >= 0:
        sender, recipient = line[: at + 1], line[at + 5 :]
    elif article >= 0 and not line[line.find(" to ") + 4 :][:1].islower():
        # "The Commission to Negotiate Peace to the Acting Secretary": FRUS prints the recipient
        # with a lowercase article, so a " to " followed by a capitalised word is inside the sender
        sender, recipient = line[:article], line[article + 4 :]
    elif " to " in line:
        sender, recipient = line.split(" to ", 1)
    else:
        return (line.strip() or None), None
    return sender.strip() or None, recipient.strip() or None


def _looks_like_address(line: str) -> bool:
    if _TYPE_PREFIX.match(line):
        return True
    return (
        " to " in line
        and len(line.split()) <= 40
        and line[:1].isupper()
        and not line.rstrip().endswith((".", ":", ";", "?", "!"))
        and not _TELEGRAM_NUMBER.match(line)
        and not PAGE_MARKER.search(line)
    )


def _parse_address(line: str) -> tuple[str | None, str | None, str | None]:
    """(doc_type, sender, recipient) of an address line; the type only when a phrase opens it."""
    clean = _strip_address_note(line)
    prefixed = _TYPE_PREFIX.match(clean)
    if prefixed:
        sender, recipient = _split_address(prefixed.group("rest"))
        return prefixed.group("doc_type"), sender, recipient
    sender, recipient = _split_address(clean)
    return None, sender, recipient


def _parse_heading(line: str) -> dict[str, str | None] | None:
    """The fields a first line gives, or ``None`` when it is not a heading."""
    series = _SERIES_HEADING.match(line)
    if series:
        rest = _strip_address_note(series.group("rest"))
        fields: dict[str, str | None] = {"file_designation": None, "doc_type": series.group("doc_type")}
        numbered = re.match(r"^ (?P<number>[A-Z]?[\w–-]*\d[\w–-]*)(?: to (?P<recipient>.+))?$", rest)
        if rest.startswith(" From "):
            fields["sender"], fields["recipient"] = _split_address(rest[len(" From ") :])
        elif rest.startswith(" to "):
            fields["recipient"] = rest[len(" to ") :].strip() or None
        elif numbered:
            fields["heading_number"] = numbered.group("number")
            fields["recipient"] = numbered.group("recipient")
        return fields
    heading = _HEADING.match(line)
    if heading and len(heading.group("designation").split()) <= 12 and not _TYPE_PREFIX.match(line):
        return {
            "file_designation": _FILE_NO.sub("", heading.group("designation")),
            "doc_type": heading.group("doc_type"),
        }
    if _BARE_DESIGNATION.match(line):
        return {"file_designation": _FILE_NO.sub("", line), "doc_type": None}
    return None


def _is_hard_wrapped(text: str, lines: list[_Line]) -> bool:
    """Lines broken at a fixed width (one rendering of some pages): many lines, none long,
    most of them 55–90 characters."""
    if len(lines) < 6:
        return False
    lengths = [ln.end - ln.start for ln in lines]
    if max(lengths) > 95:
        return False
    if len(lines) < 12:  # a short text: every line short, and at least two cut near the full width
        return max(lengths) <= 90 and sum(55 <= n <= 90 for n in lengths) >= 2
    return sum(50 <= n <= 95 for n in lengths) >= 0.35 * len(lengths)


def _looks_like_signature(line: str) -> bool:
    words = line.split()
    if not words or len(words) > _SIGNATURE_MAX_WORDS:
        return False
    if line.rstrip().endswith((".", ",", ";", ":", "?", "!")) and not re.search(r"\b[A-Z]\.$", line):
        return False
    if not line[:1].isupper() or PAGE_MARKER.search(line) or _LABEL_ONLY.match(line):
        return False
    if _marking_kind(line) or _CLOSING_FORMULA.match(line) or re.search(r"\d", line):
        return False
    # every word a name: capitalised, an initial, or a short particle ("de", "van")
    return all(w[:1].isupper() or w in ("de", "da", "van", "von", "der", "la", "le", "y") for w in words)


def _footnote_texts(text: str, lines: list[_Line]) -> tuple[str, ...]:
    """The footnote texts of a footnote block, in order, without list numbers, bullets or "↩"."""
    out: list[str] = []
    closed = True
    for ln in lines:
        raw = ln.indent + ln.text(text)
        body = ln.text(text)
        item = re.match(r"^ {1,3}\d{1,3}\. (.*)$", raw)
        if item:
            out.append(item.group(1))
            closed = False
        elif len(ln.indent) >= 4 and out:
            out[-1] += "\n" + body
        elif body == "-":
            out.append("")
            closed = False
        elif body.startswith("- "):
            out.append(body[2:])
            closed = False
        elif out and not closed:
            previous = lines[lines.index(ln) - 1].text(text)
            wrapped_line = body[:1].islower() or body[:1].isdigit() or not re.search(r"[.:;)”\]]$", previous)
            out[-1] = (f"{out[-1]} {body}" if wrapped_line else f"{out[-1]}\n{body}") if out[-1] else body
        else:
            out.append(body)
            closed = False
        if out and out[-1].endswith("↩"):
            out[-1] = out[-1][:-1]
            closed = True
    return tuple(f.strip() for f in out)


def _footnote_block_start(text: str, lines: list[_Line], first: int) -> int:
    """Index of the first line of the footnote list (``len(lines)`` when there is none)."""
    for k in range(first, len(lines)):
        ln = lines[k]
        raw = ln.indent + ln.text(text)
        if re.match(r"^ {2,3}\d{1,3}\. \S", raw) or _FOOTNOTE_DASH.match(ln.text(text)) or ln.text(text).startswith("- Source: "):
            return k
        if ln.text(text).startswith("- ") and k > first and _GLUED_NOTE_END.search(lines[k - 1].text(text)):
            if not any(lines[j].text(text).startswith("- ") for j in range(first, k)):
                return k
    return len(lines)


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
    if not isinstance(text, str):
        raise TypeError(f"parse_frus_text needs a str, got {type(text).__name__}")
    if not text.strip():
        raise FrusParseError("the text is empty", line=1, expected="a FRUS document", source=source)
    bad = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]", text)
    if bad:
        raise FrusParseError(
            "control character in the text",
            line=_line_of(text, bad.start()),
            expected="printable text",
            found=bad.group(0),
            source=source,
        )
    _check_markers(text, source)

    lines = _lines(text)
    wrapped = _is_hard_wrapped(text, lines)
    header: list[HeaderLine] = []
    furniture: list[HeaderLine] = []
    fields: dict[str, str | None] = dict.fromkeys(
        ("file_designation", "doc_type", "sender", "recipient", "classification", "dateline", "received"), None
    )
    precedences: list[str] = []
    heading_number: str | None = None
    i = 0

    def line_text(k: int) -> str:
        return lines[k].text(text)

    # Heading: "designation: Type", a bare designation, or a later-series "NNN. Telegram From X to Y".
    heading = _parse_heading(line_text(0)) if not PAGE_MARKER.search(line_text(0)) else None
    if heading is not None:
        heading_number = heading.pop("heading_number", None)
        fields.update(heading)
        header.append(HeaderLine("heading", line_text(0), lines[0].start, lines[0].end))
        i = 1

    # Address line: "X to Y", "Memorandum by X to Y"; wrapped over several lines in a hard-wrapped text.
    last = i
    if wrapped:
        while last + 1 < len(lines) and last - i < 3:
            nxt = line_text(last + 1)
            if _marking_kind(nxt) or re.fullmatch(r"\d{1,3}", nxt) or _DATELINE_HEAD.match(nxt) or _looks_like_body_start(nxt):
                break
            last += 1
    joined = " ".join(line_text(k) for k in range(i, last + 1)) if i < len(lines) else ""
    if i < len(lines) and (heading is None or "sender" not in heading) and _looks_like_address(joined):
        value = text[lines[i].start : lines[last].end]
        doc_type, sender, recipient = _parse_address(joined)
        if fields["doc_type"] is None and doc_type is not None:
            fields["doc_type"] = doc_type
        fields["sender"], fields["recipient"] = sender, recipient
        header.append(HeaderLine("address", value, lines[i].start, lines[last].end))
        i = last + 1
        if i < len(lines) and re.fullmatch(r"\d{1,3}", line_text(i)):  # the address's footnote number, alone
            header.append(HeaderLine("note-number", line_text(i), lines[i].start, lines[i].end))
            i += 1

    # Markings: classification, precedence, [Received ...], [Paraphrase], No. NNN, dateline.
    while i < len(lines):
        line = line_text(i)
        if i + 1 < len(lines) and (_DATELINE_HEAD.match(line) or _DATELINE_WITH_HOUR_HEAD.match(line)):
            joined = f"{line} {line_text(i + 1)}"
            if len(line_text(i + 1).split()) <= 3 and _DATELINE.match(joined):
                header.append(HeaderLine("dateline", text[lines[i].start : lines[i + 1].end], lines[i].start, lines[i + 1].end))
                fields["dateline"] = fields["dateline"] or joined
                i += 2
                continue
        parts = re.split(r"\s{2,}", line)
        kinds = [_marking_kind(part) for part in parts]
        if not all(kinds):
            break
        for part, kind in zip(parts, kinds):
            if kind == "precedence":
                if part not in precedences:
                    precedences.append(part)
            elif kind == "received":
                received = _RECEIVED.match(part)
                assert received is not None
                fields["received"] = fields["received"] or received.group("value").strip()
            elif kind in ("classification", "dateline") and fields[kind] is None:
                fields[kind] = part
        kind = kinds[0] if len(kinds) == 1 else "marking"
        header.append(HeaderLine(kind or "marking", line, lines[i].start, lines[i].end))
        i += 1

    # Footnote list at the end, then signature and closing formula before it.
    fn_start = _footnote_block_start(text, lines, i)
    footnote_lines = lines[fn_start:]
    footnotes = _footnote_texts(text, footnote_lines)
    for ln in footnote_lines:
        furniture.append(HeaderLine("footnote", ln.text(text), ln.start, ln.end))
    body_lines = []
    for ln in lines[i:fn_start]:  # omission lines (". . . . .") are furniture wherever they stand
        if _OMISSION.match(ln.text(text)):
            furniture.append(HeaderLine("omission", ln.text(text), ln.start, ln.end))
        else:
            body_lines.append(ln)
    while body_lines and PAGE_MARKER.fullmatch(body_lines[-1].text(text)):
        body_lines = body_lines[:-1]  # a page marker after the last line: a page turn, kept in page_breaks
    tail_markers = lines[i + len(body_lines) : fn_start]

    # A closing place line at the end of a note ("Washington.", "Washington, [undated.]").
    content = [ln for ln in body_lines if not _is_page_only(ln.text(text))]
    telegram_like = fields["doc_type"] is not None and _is_telegram_number("0", fields["doc_type"])
    if len(content) >= 2 and not telegram_like and _CLOSING_PLACE.match(content[-1].text(text)):
        place = content[-1]
        furniture.append(HeaderLine("dateline", place.text(text), place.start, place.end))
        fields["dateline"] = fields["dateline"] or place.text(text)
        body_lines = body_lines[: body_lines.index(place)]

    # The signature stands last, or just before an enclosure ("[Enclosure]", "[Annex]").
    enclosure = next((k for k, ln in enumerate(body_lines) if _ENCLOSURE.match(ln.text(text))), None)
    trailing: list[_Line] = []
    if enclosure is not None:
        trailing = body_lines[enclosure:]
        body_lines = body_lines[:enclosure]
        while body_lines and _is_page_only(body_lines[-1].text(text)):
            trailing.insert(0, body_lines.pop())

    signature = None
    signature_span = None
    content = [ln for ln in body_lines if not _is_page_only(ln.text(text)) and not _OMISSION.match(ln.text(text))]
    if len(content) >= 2:
        last = content[-1].text(text)
        before = content[-2].text(text)
        if (
            len(content) >= 3
            and re.fullmatch(r"\((?:for|For) [^()]{1,60}\)", last)
            and _looks_like_signature(before)
        ):  # "R. C. Lindsay" / "(for H. M. Ambassador)"
            signature = f"{before} {last}"
            signature_span = (content[-2].start, content[-1].end)
            furniture += [HeaderLine("signature", before, content[-2].start, content[-2].end), HeaderLine("signature", last, content[-1].start, content[-1].end)]
            body_lines = body_lines[: body_lines.index(content[-2])]
        elif len(content) >= 3 and re.fullmatch(r"For the [^:]{3,80}:", before) and _looks_like_signature(last):
            signature = f"{before} {last}"
            signature_span = (content[-2].start, content[-1].end)
            furniture += [HeaderLine("signature", before, content[-2].start, content[-2].end), HeaderLine("signature", last, content[-1].start, content[-1].end)]
            body_lines = body_lines[: body_lines.index(content[-2])]
        elif _looks_like_signature(last) and not _CLOSING_FORMULA.match(before) or (
            _looks_like_signature(last) and _CLOSING_FORMULA.match(before) and len(content) >= 3
        ):
            signature = last
            signature_span = (content[-1].start, content[-1].end)
            body_lines = body_lines[: body_lines.index(content[-1])]
    # a closing formula ("I have [etc.]") right before the signature or at the end
    content = [ln for ln in body_lines if not _is_page_only(ln.text(text)) and not _OMISSION.match(ln.text(text))]
    if len(content) >= 2 and _CLOSING_FORMULA.match(content[-1].text(text)):
        furniture.append(HeaderLine("closing", content[-1].text(text), content[-1].start, content[-1].end))
        body_lines = body_lines[: body_lines.index(content[-1])]

    body_lines = body_lines + trailing

    # Body paragraphs.  Lines merge into one paragraph only when nothing taken lies between them.
    taken = [(f.start, f.end) for f in furniture] + ([signature_span] if signature_span else [])

    def free(after: int, before: int) -> bool:
        return not any(after <= a < before for a, _ in taken)

    all_breaks = [PageBreak(int(m.group(1)), m.start(), m.end()) for m in PAGE_MARKER.finditer(text)]
    groups: list[tuple[int, int]] = []  # (start, end) spans of paragraphs
    k = 0
    while k < len(body_lines):
        ln = body_lines[k]
        line = ln.text(text)
        if _is_page_only(line):
            k += 1
            continue
        end_k = k
        if _LABEL_ONLY.match(line):
            nxt = k + 1
            while nxt < len(body_lines) and _is_page_only(body_lines[nxt].text(text)):
                nxt += 1
            if nxt < len(body_lines) and not _LABEL_ONLY.match(body_lines[nxt].text(text)) and free(ln.end, body_lines[nxt].start):
                end_k = nxt
        if wrapped:
            while (
                end_k + 1 < len(body_lines)
                and _continues(text, body_lines[end_k], body_lines[end_k + 1])
                and free(body_lines[end_k].end, body_lines[end_k + 1].start)
            ):
                end_k += 1
        groups.append((ln.start, body_lines[end_k].end))
        k = end_k + 1

    if not groups:
        raise FrusParseError(
            "no body after the heading and markings",
            line=_line_of(text, len(text)),
            expected="at least one paragraph of text",
            source=source,
        )

    basis = first_page_basis
    if first_page is None:
        if all_breaks:
            first_page = all_breaks[0].page - 1
            basis = "inferred from the first page marker"
        else:
            basis = "unknown"

    telegram_number = None
    paragraphs: list[Paragraph] = []
    for n, (start, end) in enumerate(groups, start=1):
        raw = text[start:end]
        reading, spans = _strip_markers(raw, start)
        breaks = tuple(PageBreak(page, s, e) for page, s, e in spans)
        point = None
        number_match = _TELEGRAM_NUMBER.match(reading) if n == 1 else None
        rest = reading
        if number_match and _is_telegram_number(number_match.group("number"), fields["doc_type"]):
            telegram_number = number_match.group("number")
            rest = reading[number_match.end() :]
        pm = _POINT.match(rest)
        if pm:
            point = int(pm.group("point"))
        pages: tuple[int, ...] = ()
        if first_page is not None:
            start_page = _page_at(first_page, all_breaks, start)
            end_page = _page_at(first_page, all_breaks, end - 1)
            pages = tuple(range(start_page, end_page + 1))
        paragraphs.append(
            Paragraph(
                id=f"p{n:02d}", number=n, start=start, end=end, text=raw, reading_text=reading,
                point=point, pages=pages, page_breaks=breaks,
            )
        )
    if telegram_number is None and heading_number is not None:
        telegram_number = heading_number
    del tail_markers

    return FrusDocument(
        text=text,
        source=source,
        file_designation=fields["file_designation"],
        doc_type=fields["doc_type"],
        sender=fields["sender"],
        recipient=fields["recipient"],
        classification=fields["classification"],
        precedence=", ".join(precedences) if precedences else None,
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
        footnotes=footnotes,
        furniture_lines=tuple(sorted(furniture, key=lambda h: h.start)),
    )


def _is_page_only(line: str) -> bool:
    return not PAGE_MARKER.sub("", line).strip()


def _looks_like_body_start(line: str) -> bool:
    return bool(_TELEGRAM_NUMBER.match(line) or _LABEL_ONLY.match(line) or re.match(r"^[A-Z][\w ]{0,30}:", line))


def _continues(text: str, line: _Line, nxt: _Line) -> bool:
    """In a hard-wrapped text: does ``nxt`` continue the paragraph that ``line`` is in?"""
    current, following = line.text(text), nxt.text(text)
    if _LABEL_ONLY.match(following) or _is_page_only(following) or _OMISSION.match(following):
        return False
    if _LABEL_ONLY.match(current) or _is_page_only(current) or _marking_kind(following):
        return False
    if following.startswith(("- ", "• ")) or re.match(r"^\(?\d{1,2}[.)] |^\([a-z]\) ", following):
        return False
    return not re.search(r"[.:;?!”\")]\d{0,3}$|\]$", current) or following[:1].islower()


def _is_telegram_number(number: str, doc_type: str | None) -> bool:
    """A number opening the body is a telegram number in telegrams, or when it has a series
    prefix ("Delga 460") or reads "Unnumbered"; in a document of unknown type a bare number
    other than 1 (which opens a numbered list); otherwise it is the first numbered point."""
    if number == "Unnumbered" or not number[:1].isdigit():
        return True
    if doc_type is None:
        return number != "1"
    return any(word in doc_type.lower() for word in ("telegram", "airgram", "cable", "message"))


def _page_at(first_page: int, breaks: list[PageBreak], offset: int) -> int:
    page = first_page
    for pb in breaks:
        if pb.start <= offset:
            page = pb.page
    return page
