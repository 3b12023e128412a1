"""What witness of a document the edition read, and how much of it.

Every ``document.json`` carries a ``witness`` record: the kind of text read (the text of a
history.state.gov web page, or a document division of a HistoryAtState/frus TEI volume), where it
is, how it was read, how many characters it has, and its **coverage**.  A stored page text often
holds only the opening of a document (the search tool keeps about the first 2,000 characters of a
page, often stopping mid-word): such a text is a *partial* witness.  Its record says where it stops
(``stops_at``: its last words, exactly) and how many characters it has; nothing is claimed about
the part not read.  A *complete* witness is complete as a witness of what it is (the web page's
text, say), not of the printed page, which the web rendering may abridge.

:func:`parse_witness_text` is the tolerant reading of a partial text: it parses it with the
library's parser and says which elements the cut may have damaged (a cut-off last paragraph, a
last line that only looks like a signature), so that no caller mistakes them for the document's end.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kernel_utils.errors import FrusParseError, Problem
from kernel_utils.text.parser import FrusDocument, parse_frus_text

__all__ = [
    "COVERAGES",
    "WITNESS_KINDS",
    "Witness",
    "WitnessReading",
    "parse_witness_text",
    "stop_words",
    "witness_from_record",
    "witness_problems",
]

#: The kinds of witness a bundled text can be.
WITNESS_KINDS = {
    "web-page-text": "the text of the history.state.gov web page",
    "tei-volume": "a document division of a HistoryAtState/frus TEI volume, rendered as text",
}
COVERAGES = ("complete", "partial")
#: How many characters of a partial witness's end are recorded as ``stops_at``.
STOP_WORDS_LENGTH = 60


@dataclass(frozen=True)
class Witness:
    """The witness read for a bundled document (the ``witness`` of its ``document.json``)."""

    kind: str
    url: str
    read_via: str
    characters: int
    coverage: str
    stops_at: str | None = None
    note: str | None = None

    @property
    def is_partial(self) -> bool:
        """True when the text read stops part-way through the document."""
        return self.coverage == "partial"

    @property
    def what(self) -> str:
        """What the witness is a text of, in words."""
        return WITNESS_KINDS.get(self.kind, self.kind)

    def label(self) -> str:
        """One line that says what was read and how much: shown wherever the text is shown."""
        if self.is_partial:
            return (f"PARTIAL witness: the first {self.characters:,} characters of {self.what}, stopping part-way "
                    f"through the document at “…{self.stops_at}”; nothing is claimed about the rest of it.")
        return f"Complete witness of {self.what} ({self.characters:,} characters)."


def witness_from_record(data: dict[str, Any]) -> Witness | None:
    """The :class:`Witness` of a ``document.json`` (already validated), or ``None`` if it has none."""
    w = data.get("witness")
    if not w:
        return None
    return Witness(kind=w["kind"], url=w["url"], read_via=w["read_via"], characters=w["characters"],
                   coverage=w["coverage"], stops_at=w.get("stops_at"), note=w.get("note"))


def stop_words(text: str, length: int = STOP_WORDS_LENGTH) -> str:
    """The last words of a text, at most ``length`` characters, starting at a word boundary when one
    is near (the exact characters, as ``stops_at`` records them)."""
    tail = text[-length:]
    if len(text) > length:
        cut = tail.find(" ")
        if 0 <= cut < length // 2:
            tail = tail[cut + 1:]
    return tail


def witness_problems(data: dict[str, Any], text: str | None, file: str) -> Iterator[Problem]:
    """The witness record agrees with the text: its length, where a partial witness stops."""
    w = data.get("witness")
    if not w or text is None:
        return
    record = repr(data.get("id", ""))
    if w["characters"] != len(text):
        yield Problem(file, record, "witness.characters", f"the number of characters of text.txt ({len(text)})", str(w["characters"]))
    if w["coverage"] == "partial":
        stops_at = w.get("stops_at")
        if not stops_at:
            yield Problem(file, record, "witness.stops_at", "the last words of a partial witness (where it stops)", "nothing")
        elif not text.endswith(stops_at):
            yield Problem(file, record, "witness.stops_at", f"the words the text ends with: {stop_words(text)!r}", repr(stops_at))
    elif w.get("stops_at"):
        yield Problem(file, record, "witness.stops_at", "no stopping point for a complete witness (coverage 'complete')", repr(w["stops_at"]))
    url = data.get("frus", {}).get("url")
    if w["kind"] == "web-page-text" and url and w["url"] != url:
        yield Problem(file, record, "witness.url", f"the web page read, {url} (frus.url)", repr(w["url"]))


@dataclass(frozen=True)
class WitnessReading:
    """A witness's text as the parser reads it, with what the cut of a partial witness may have damaged."""

    document: FrusDocument
    partial: bool
    cut_paragraph: str | None  # id of the paragraph the witness stops inside (partial witnesses)
    caveats: tuple[str, ...]

    @property
    def signature(self) -> str | None:
        """The signature, unless the witness is partial and its last line only looks like one."""
        if self.partial and self.document.signature_span and self.document.signature_span[1] >= len(self.document.text.rstrip()):
            return None
        return self.document.signature


def parse_witness_text(text: str, *, source: str, partial: bool, first_page: int | None = None,
                       first_page_basis: str = "given") -> WitnessReading:
    """Parse a witness's text; for a partial one, say what its cut may have damaged.

    The library's parser reads a text that stops mid-word like any other (its last paragraph simply
    ends there); this wrapper names that paragraph and flags a last line that the parser took for a
    signature or footnote although the witness stops on it.  Raises
    :class:`~kernel_utils.errors.FrusParseError` (with "partial witness" in the message) when the
    parser cannot read the text at all.
    """
    try:
        doc = parse_frus_text(text, source=source, first_page=first_page, first_page_basis=first_page_basis)
    except FrusParseError as exc:
        if not partial:
            raise
        raise FrusParseError(f"{exc.message} (a partial witness: the text stops part-way)", line=exc.line,
                             expected=exc.expected, source=exc.source, found=exc.found) from None
    caveats: list[str] = []
    cut = None
    if partial:
        end = len(text.rstrip())
        last_para = doc.paragraphs[-1] if doc.paragraphs else None
        if last_para is not None and last_para.end >= end:
            cut = last_para.id
            caveats.append(f"the witness stops inside paragraph {last_para.id}: its text is cut off there")
        if doc.signature_span and doc.signature_span[1] >= end:
            caveats.append(f"the last line {doc.signature!r} stands where the witness stops: it may be a cut-off line, "
                           "not a signature, and is not recorded as one")
        if doc.furniture_lines and doc.furniture_lines[-1].end >= end and doc.furniture_lines[-1].kind == "footnote":
            caveats.append("the witness stops inside the footnotes: the last footnote is cut off, later ones are not read")
    return WitnessReading(document=doc, partial=partial, cut_paragraph=cut, caveats=tuple(caveats))
