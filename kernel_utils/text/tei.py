"""FRUS documents in TEI: import from the Office of the Historian's volumes, export in their conventions.

The Office of the Historian publishes every FRUS volume as TEI XML in the
HistoryAtState/frus repository (``volumes/<volume-id>.xml``).  Two shapes of
document ``<div type="document">`` occur there:

* **older, converted volumes** (e.g. frus1930v01): the file designation and type are a
  ``<note rend="inline" type="source">500.A15a3/671: Telegram</note>`` standing *before* the
  ``<head>``; the head is the address line; ``<opener>`` holds ``[Paraphrase]``, markings and
  the ``<dateline>`` with ``[Received …]``; footnotes are numbered through the volume;
* **newer volumes** (e.g. frus1955-57v23p2): the head reads "23. Telegram From the … to the …"
  with the source note *inside* it (file number, classification, drafting); the dateline's
  ``<date when>`` carries the date; ``persName corresp`` and ``gloss target`` point to the
  volume's persons and terms lists.

:func:`import_tei` reads either shape into the same :class:`~kernel_utils.text.parser.FrusDocument`
the plain-text parser returns (a text rendered in the history.state.gov page-text layout, every
element anchored by span, ``rebuild_text()`` exact).  :data:`FIELD_SOURCES` says which TEI element
each field is taken from.  :func:`export_tei` writes a parsed document back as TEI in either shape,
and :func:`check_frus_tei` checks an export against the structure those volumes use.

XML is read with a safe lxml parser: no entity expansion, no network, no DTD, no huge trees.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kernel_utils.errors import TeiError
from kernel_utils.text.header import parse_address, parse_heading
from kernel_utils.text.markers import PAGE_MARKER
from kernel_utils.text.model import FrusDocument, HeaderLine, PageBreak
from kernel_utils.text.paragraphs import build_paragraphs
from kernel_utils.text.passes import HeaderFields
from kernel_utils.text.tei_export import check_frus_tei, export_tei
from kernel_utils.text.teixml import (
    FRUS_NS,
    NAMESPACES,
    TEI_NS,
    XML_NS,
    Element,
    element_text,
    norm,
    qname,
    read_xml,
    unique_refs,
)
from kernel_utils.text.vocabulary import CLASSIFICATIONS, RECEIVED, marking_kind

__all__ = [
    "FIELD_SOURCES",
    "FRUS_NS",
    "TEI_NS",
    "TeiImport",
    "check_frus_tei",
    "export_tei",
    "import_tei",
    "load_tei_list",
]

#: Which TEI element each field of the imported document is taken from.
FIELD_SOURCES: dict[str, str] = {
    "file_designation": "older: note[@type='source'][@rend='inline'] before <head>, up to its last ': '; "
    "newer: the first decimal file number in <head>'s note[@type='source']",
    "doc_type": "older: the same inline source note, after its last ': '; newer: the type after the number in <head>",
    "sender": "<head> (notes left out): before ' to ' (older) or between 'From ' and ' to ' (newer); "
    "persName[@type='from'] / gloss[@type='from'] are inside it",
    "recipient": "<head>, after ' to ' (gloss[@type='to'] inside it)",
    "classification": "an <opener> line (seg or text) that is a classification; else (newer) the source note's "
    "sentence after the file number, as printed ('Secret')",
    "precedence": "an <opener> line that is a precedence; else (newer) the source note's sentence after the file number",
    "dateline": "<opener>/<dateline>, up to <lb/> or '[Received'",
    "received": "'[Received …]' in <opener> or <dateline> (notes left out)",
    "telegram_number": "the number opening the first <p>",
    "pages": "<pb n='…'/> inside the document",
    "paragraphs": "the <p> children of the document <div> (footnote <note>s left out of their text, <pb> as [Page N])",
    "signature": "<closer>/<signed> (text)",
    "footnotes": "every <note> of the document but the older inline source note, in document order (source note first in newer volumes)",
    "date": "<dateline>/<date @when>, else the div's @frus:doc-dateTime-min",
    "persons": "persName/@corresp ids, resolved against the volume's persons list when given",
}


@dataclass(frozen=True)
class TeiImport:
    """A FRUS document read from TEI: the parsed structure plus what only TEI carries."""

    document: FrusDocument
    div_id: str | None
    shape: str  # "older" | "newer"
    date: str | None
    persons: dict[str, str | None] = field(default_factory=dict)  # corresp id -> name from the persons list
    terms: tuple[str, ...] = ()  # gloss/@target ids


def _find_div(root: Element, div_id: str | None, label: str) -> Element:
    divs = root.xpath("//tei:div[@type='document']", namespaces=NAMESPACES)
    if div_id is not None:
        hits = [d for d in divs if d.get(f"{{{XML_NS}}}id") == div_id]
        if not hits:
            have = ", ".join(filter(None, (d.get(f"{{{XML_NS}}}id") for d in divs[:10]))) or "none"
            raise TeiError(f"{label}: no <div type='document' xml:id='{div_id}'>; documents found: {have}")
        return hits[0]
    if len(divs) != 1:
        raise TeiError(f"{label}: expected one <div type='document'> (or a document id); found {len(divs)}")
    return divs[0]


def load_tei_list(source: str | bytes | Path, *, label: str = "<tei>") -> dict[str, str]:
    """xml:id -> name of every persName or term carrying an xml:id (a volume's persons or terms list)."""
    root = read_xml(source, label)
    out = {}
    for el in root.xpath("//tei:persName[@xml:id] | //tei:term[@xml:id]", namespaces=NAMESPACES):
        out[el.get(f"{{{XML_NS}}}id")] = element_text(el)
    return out


_FILE_NUMBER = re.compile(r"\b\d{3}[\w.]*(?: [A-Z][\w.]*)?/[\w.–-]*\d[\w–-]*")


# ---------------------------------------------------------------------------------------- import


def _inline_source(div: Element, head: Element) -> Element | None:
    """The older shape's ``note[@type='source']`` standing before the ``<head>`` (the last such)."""
    found = None
    for child in div:
        if child is head:
            break
        if child.tag == qname("note") and child.get("type") == "source":
            found = child
    return found


#: A block break between header lines (its kind is empty; its value is never read).
_BREAK = ("", "")


def _read_head(head: Element, inline_source: Element | None, f: HeaderFields) -> list[tuple[str, str]]:
    """Designation, type, sender and recipient from the head (and the older inline source note);
    the heading and address lines to render, with "" kinds as block breaks."""
    head_text = element_text(head)
    if inline_source is None:
        heading = parse_heading(head_text)
        if heading is not None:
            f.doc_type, f.sender, f.recipient = heading.doc_type, heading.sender, heading.recipient
            f.heading_number = heading.heading_number
        return [("heading", head_text), _BREAK]
    note_text = element_text(inline_source)
    if ": " in note_text:
        f.file_designation, f.doc_type = note_text.rsplit(": ", 1)
    else:
        f.file_designation = note_text
    address = parse_address(head_text)
    f.sender, f.recipient = address.sender, address.recipient
    return [("heading", note_text), _BREAK, ("address", head_text), _BREAK]


def _opener_texts(div: Element, f: HeaderFields) -> list[str]:
    """The lines of every ``<opener>``: [Paraphrase], markings, the dateline up to <lb/> or
    "[Received", the "[Received …]" in it; the first dateline is recorded in ``f``."""
    texts: list[str] = []
    for opener in div.findall(qname("opener")):
        for part in opener:
            if part.tag == qname("dateline"):
                place_date = element_text(part, stop_at_lb=True).split("[Received")[0].strip()
                received = re.search(r"\[Received[^\]]*\]", element_text(part))
                if place_date:
                    texts.append(place_date)
                    f.dateline = f.dateline or place_date
                if received:
                    texts.append(received.group(0))
            elif isinstance(part.tag, str) and part.tag != qname("note") and element_text(part):
                texts.append(element_text(part))
        if opener.text and opener.text.strip():
            texts.append(norm(opener.text))
    return texts


def _read_opener(div: Element, f: HeaderFields) -> list[tuple[str, str]]:
    """The opener lines, each with its marking kind, recorded into ``f`` (one block: the last one
    of the header, which :meth:`_Layout.header_blocks` ends like every block)."""
    lines: list[tuple[str, str]] = []
    for text in _opener_texts(div, f):
        kind = marking_kind(text) or "marking"
        if kind == "classification" and f.classification is None:
            f.classification = text
        elif kind == "precedence" and text not in f.precedences:
            f.precedences.append(text)
        elif kind == "received":
            match = RECEIVED.match(text)
            f.received = f.received or (match.group("value").strip() if match else None)
        lines.append((kind, text))
    return lines


def _read_source_note(head: Element, f: HeaderFields) -> None:
    """Newer shape: the file number in the head's source note, and a classification or
    precedence in the sentence after it ("Secret; Niact.")."""
    note = head.find(qname("note"))
    if note is None or note.get("type") != "source":
        return
    note_text = element_text(note)
    number = _FILE_NUMBER.search(note_text)
    if not number:
        return
    f.file_designation = number.group(0)
    first_sentence = note_text[number.end() :].lstrip(". ").split(". ")[0].rstrip(".")
    for part in (p.strip() for p in first_sentence.split(";")):
        if part.lower() in CLASSIFICATIONS and f.classification is None:
            f.classification = part
        elif marking_kind(part.lower()) == "precedence" and not f.precedences:
            f.precedences.append(part)


class _Layout:
    """The page-text layout the import renders (blocks separated by a blank line, footnotes
    "  n. text" after the signature), with the span of everything written."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def emit(self, s: str) -> tuple[int, int]:
        self.parts.append(s)
        start, self.pos = self.pos, self.pos + len(s)
        return start, self.pos

    def header_blocks(self, lines: list[tuple[str, str]]) -> list[HeaderLine]:
        """Header lines one a line, blocks split at "" kinds, each block ended by a blank line."""
        blocks: list[list[tuple[str, str]]] = [[]]
        for kind, value in lines:
            if kind:
                blocks[-1].append((kind, value))
            elif blocks[-1]:
                blocks.append([])
        header = []
        for block in filter(None, blocks):
            for k, (kind, value) in enumerate(block):
                if k:
                    self.emit("\n")
                start, end = self.emit(value)
                header.append(HeaderLine(kind, value, start, end))
            self.emit("\n\n")
        return header

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclass(frozen=True)
class _Rendered:
    """The rendered page text and the span of each element in it."""

    text: str
    header: list[HeaderLine]
    spans: list[tuple[int, int]]
    signature_span: tuple[int, int] | None
    furniture: list[HeaderLine]


def _render(
    header_lines: list[tuple[str, str]], paragraphs: list[str], signature: str | None, notes: list[tuple[str, str]]
) -> _Rendered:
    """Render header, paragraphs, signature and numbered footnotes; return their spans."""
    layout = _Layout()
    header = layout.header_blocks(header_lines)
    spans = []
    for n, paragraph in enumerate(paragraphs):
        if n:
            layout.emit("\n\n")
        spans.append(layout.emit(paragraph))
    signature_span = None
    if signature:
        layout.emit("\n\n")
        signature_span = layout.emit(signature)
    furniture = []
    for label, note_text in notes:
        layout.emit("\n  ")
        start, end = layout.emit(f"{label}. {note_text}")
        furniture.append(HeaderLine("footnote", f"{label}. {note_text}", start, end))
    return _Rendered(layout.text, header, spans, signature_span, furniture)


def _document(
    where: str, r: _Rendered, f: HeaderFields, signature: str | None, footnotes: tuple[str, ...]
) -> FrusDocument:
    """The rendered text and fields as a :class:`FrusDocument`, paragraphs by the shared builder."""
    breaks = tuple(PageBreak(int(m.group(1)), m.start(), m.end()) for m in PAGE_MARKER.finditer(r.text))
    first_page = breaks[0].page - 1 if breaks else None
    built = build_paragraphs(r.text, r.spans, doc_type=f.doc_type, first_page=first_page, breaks=breaks)
    return FrusDocument(
        text=r.text,
        source=where,
        file_designation=f.file_designation,
        doc_type=f.doc_type,
        sender=f.sender,
        recipient=f.recipient,
        classification=f.classification,
        precedence=", ".join(f.precedences) or None,
        dateline=f.dateline,
        received=f.received,
        telegram_number=built.telegram_number or f.heading_number,
        header_lines=tuple(r.header),
        paragraphs=built.paragraphs,
        signature=signature,
        signature_span=r.signature_span,
        page_breaks=breaks,
        first_page=first_page,
        first_page_basis="inferred from the first page break (<pb>)" if breaks else "unknown",
        footnotes=footnotes,
        furniture_lines=tuple(r.furniture),
    )


def import_tei(
    source: str | bytes | Path,
    document_id: str | None = None,
    *,
    persons: Mapping[str, str] | None = None,
    label: str | None = None,
) -> TeiImport:
    """Read one ``<div type="document">`` of a HistoryAtState/frus TEI file (either shape).

    ``document_id`` is the div's ``xml:id`` ("d14"); it may be left out when the file holds one
    document.  ``persons`` (from :func:`load_tei_list`) resolves ``persName/@corresp`` ids.
    Raises :class:`~kernel_utils.errors.TeiError` naming the file and what is missing.
    """
    label = label or (str(source) if isinstance(source, Path) else "<tei>")
    div = _find_div(read_xml(source, label), document_id, label)
    div_id = div.get(f"{{{XML_NS}}}id")
    where = f"{label}, document {div_id or '?'}"
    head = div.find(qname("head"))
    if head is None:
        raise TeiError(f"{where}: expected a <head>; found none")
    inline_source = _inline_source(div, head)
    shape = "older" if inline_source is not None else "newer"
    f = HeaderFields()
    lines = _read_head(head, inline_source, f) + _read_opener(div, f)
    notes = [n for n in div.iter(qname("note")) if n is not inline_source]
    footnotes = tuple(element_text(n) for n in notes)
    if shape == "newer":
        _read_source_note(head, f)
    paragraphs_xml = [p for p in div if p.tag == qname("p")]
    if not paragraphs_xml:
        raise TeiError(f"{where}: expected at least one <p> in the document; found none")
    closer = div.find(qname("closer"))
    signed = closer.find(f".//{qname('signed')}") if closer is not None else None
    signature = (element_text(signed) or None) if signed is not None else None
    numbered = [(note.get("n") or str(i + 1), text) for i, (note, text) in enumerate(zip(notes, footnotes))]
    rendered = _render(lines, [element_text(p, keep_pb=True) for p in paragraphs_xml], signature, numbered)
    document = _document(where, rendered, f, signature, footnotes)
    date_el = div.find(f".//{qname('dateline')}/{qname('date')}")
    date = (
        date_el.get("when")
        if date_el is not None and date_el.get("when")
        else div.get(f"{{{FRUS_NS}}}doc-dateTime-min")
    )
    known = dict(persons or {})
    corresp = unique_refs(div.iter(qname("persName")), "corresp")
    terms = tuple(unique_refs(div.iter(qname("gloss")), "target"))
    return TeiImport(document, div_id, shape, date, {ref: known.get(ref) for ref in corresp}, terms)


# ---------------------------------------------------------------------------------------- export
