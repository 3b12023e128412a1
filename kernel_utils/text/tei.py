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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kernel_utils.errors import TeiError
from kernel_utils.text.header import parse_address, parse_heading
from kernel_utils.text.markers import PAGE_MARKER
from kernel_utils.text.model import FrusDocument, HeaderLine, PageBreak
from kernel_utils.text.paragraphs import build_paragraphs
from kernel_utils.text.vocabulary import CLASSIFICATIONS, RECEIVED, marking_kind

__all__ = ["TEI_NS", "FRUS_NS", "FIELD_SOURCES", "TeiImport", "import_tei", "export_tei", "check_frus_tei", "load_tei_list"]

#: An lxml element (lxml ships no type information).
Element = Any

TEI_NS = "http://www.tei-c.org/ns/1.0"
FRUS_NS = "http://history.state.gov/frus/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_NS = {"tei": TEI_NS, "frus": FRUS_NS}

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


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, dtd_validation=False)


def _read(source: str | bytes | Path, label: str) -> Element:
    from lxml import etree

    try:
        if isinstance(source, Path):
            data = source.read_bytes()
        elif isinstance(source, str):
            data = source.encode("utf-8")
        else:
            data = source
        return etree.fromstring(data, parser=_parser())
    except (OSError, etree.XMLSyntaxError, ValueError) as exc:
        raise TeiError(f"{label}: not well-formed XML ({exc})") from None


def _q(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _text(el: Element, *, keep_pb: bool = False, stop_at_lb: bool = False) -> str:
    """The text of an element with notes left out (and page breaks as ``[Page N]`` if asked)."""
    out: list[str] = []

    def walk(node: Element) -> bool:
        """Append the node's text; False once a stopping <lb/> is met."""
        if node.text:
            out.append(node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == _q("pb"):
                if keep_pb and child.get("n", "").isdigit():
                    out.append(f"[Page {child.get('n')}]")
            elif tag == _q("lb"):
                if stop_at_lb:
                    return False
                out.append(" ")
            elif tag and tag != _q("note") and walk(child) is False:
                return False
            if child.tail:
                out.append(child.tail)
        return True

    walk(el)
    return _norm("".join(out))


def _find_div(root: Element, div_id: str | None, label: str) -> Element:
    divs = root.xpath("//tei:div[@type='document']", namespaces=_NS)
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
    root = _read(source, label)
    out = {}
    for el in root.xpath("//tei:persName[@xml:id] | //tei:term[@xml:id]", namespaces=_NS):
        out[el.get(f"{{{XML_NS}}}id")] = _text(el)
    return out


_FILE_NUMBER = re.compile(r"\b\d{3}[\w.]*(?: [A-Z][\w.]*)?/[\w.–-]*\d[\w–-]*")


# ---------------------------------------------------------------------------------------- import


@dataclass
class _Fields:
    """The header fields of a TEI document as they are found."""

    file_designation: str | None = None
    doc_type: str | None = None
    sender: str | None = None
    recipient: str | None = None
    classification: str | None = None
    dateline: str | None = None
    received: str | None = None
    precedences: list[str] = field(default_factory=list)
    heading_number: str | None = None  # newer shape: "371. Telegram 1219 to Geneva"


def _inline_source(div: Element, head: Element) -> Element | None:
    """The older shape's ``note[@type='source']`` standing before the ``<head>`` (the last such)."""
    found = None
    for child in div:
        if child is head:
            break
        if child.tag == _q("note") and child.get("type") == "source":
            found = child
    return found


def _read_head(head: Element, inline_source: Element | None, f: _Fields) -> list[tuple[str, str]]:
    """Designation, type, sender and recipient from the head (and the older inline source note);
    the heading and address lines to render, with "" kinds as block breaks."""
    head_text = _text(head)
    if inline_source is None:
        heading = parse_heading(head_text)
        if heading is not None:
            f.doc_type, f.sender, f.recipient = heading.doc_type, heading.sender, heading.recipient
            f.heading_number = heading.heading_number
        return [("heading", head_text), ("", "")]
    note_text = _text(inline_source)
    if ": " in note_text:
        f.file_designation, f.doc_type = note_text.rsplit(": ", 1)
    else:
        f.file_designation = note_text
    address = parse_address(head_text)
    f.sender, f.recipient = address.sender, address.recipient
    return [("heading", note_text), ("", ""), ("address", head_text), ("", "")]


def _opener_texts(div: Element, f: _Fields) -> list[str]:
    """The lines of every ``<opener>``: [Paraphrase], markings, the dateline up to <lb/> or
    "[Received", the "[Received …]" in it; the first dateline is recorded in ``f``."""
    texts: list[str] = []
    for opener in div.findall(_q("opener")):
        for part in opener:
            if part.tag == _q("dateline"):
                place_date = _text(part, stop_at_lb=True).split("[Received")[0].strip()
                received = re.search(r"\[Received[^\]]*\]", _text(part))
                if place_date:
                    texts.append(place_date)
                    f.dateline = f.dateline or place_date
                if received:
                    texts.append(received.group(0))
            elif isinstance(part.tag, str) and part.tag != _q("note") and _text(part):
                texts.append(_text(part))
        if opener.text and opener.text.strip():
            texts.append(_norm(opener.text))
    return texts


def _read_opener(div: Element, f: _Fields) -> list[tuple[str, str]]:
    """The opener lines, each with its marking kind, recorded into ``f``; then a block break."""
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
    return lines + [("", "")] if lines else lines


def _read_source_note(head: Element, f: _Fields) -> None:
    """Newer shape: the file number in the head's source note, and a classification or
    precedence in the sentence after it ("Secret; Niact.")."""
    note = head.find(_q("note"))
    if note is None or note.get("type") != "source":
        return
    note_text = _text(note)
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
    for n, note_text in notes:
        layout.emit("\n  ")
        start, end = layout.emit(f"{n}. {note_text}")
        furniture.append(HeaderLine("footnote", f"{n}. {note_text}", start, end))
    return _Rendered(layout.text, header, spans, signature_span, furniture)


def _document(where: str, r: _Rendered, f: _Fields, signature: str | None, footnotes: tuple[str, ...]) -> FrusDocument:
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


def _unique_refs(elements: Iterable[Element], attribute: str) -> list[str]:
    """The distinct ``#id`` references an attribute holds across elements, in order."""
    refs: list[str] = []
    for el in elements:
        ref = (el.get(attribute) or "").lstrip("#")
        if ref and ref not in refs:
            refs.append(ref)
    return refs


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
    div = _find_div(_read(source, label), document_id, label)
    div_id = div.get(f"{{{XML_NS}}}id")
    where = f"{label}, document {div_id or '?'}"
    head = div.find(_q("head"))
    if head is None:
        raise TeiError(f"{where}: expected a <head>; found none")
    inline_source = _inline_source(div, head)
    shape = "older" if inline_source is not None else "newer"
    f = _Fields()
    lines = _read_head(head, inline_source, f) + _read_opener(div, f)
    notes = [n for n in div.iter(_q("note")) if n is not inline_source]
    footnotes = tuple(_text(n) for n in notes)
    if shape == "newer":
        _read_source_note(head, f)
    paragraphs_xml = [p for p in div if p.tag == _q("p")]
    if not paragraphs_xml:
        raise TeiError(f"{where}: expected at least one <p> in the document; found none")
    closer = div.find(_q("closer"))
    signed = closer.find(f".//{_q('signed')}") if closer is not None else None
    signature = (_text(signed) or None) if signed is not None else None
    numbered = [(note.get("n") or str(i + 1), text) for i, (note, text) in enumerate(zip(notes, footnotes))]
    rendered = _render(lines, [_text(p, keep_pb=True) for p in paragraphs_xml], signature, numbered)
    document = _document(where, rendered, f, signature, footnotes)
    date_el = div.find(f".//{_q('dateline')}/{_q('date')}")
    date = date_el.get("when") if date_el is not None and date_el.get("when") else div.get(f"{{{FRUS_NS}}}doc-dateTime-min")
    known = dict(persons or {})
    corresp = _unique_refs(div.iter(_q("persName")), "corresp")
    terms = tuple(_unique_refs(div.iter(_q("gloss")), "target"))
    return TeiImport(document, div_id, shape, date, {ref: known.get(ref) for ref in corresp}, terms)


# ---------------------------------------------------------------------------------------- export

def _person_id(name: str) -> str:
    return "p_" + re.sub(r"[^A-Za-z0-9]", "", name)


def _bracketed_names(text: str | None) -> list[str]:
    """The names in parentheses on an address line ("(Austin)", "( Francis )")."""
    return re.findall(r"\(\s*([^()]+?)\s*\)", text or "")


class _Marker:
    """Appends text to a TEI element, turning page markers into ``<pb/>`` (when asked) and the
    known names into ``<persName corresp="#p_…">`` (typed "from"/"to" on the head)."""

    def __init__(self, names: list[str]) -> None:
        tokens = [re.escape(n) for n in sorted(names, key=len, reverse=True)]
        self.pattern = re.compile("|".join([PAGE_MARKER.pattern] + [rf"\b{t}\b" for t in tokens]))

    def add(self, parent: Element, text: str, *, with_pb: bool = False, types: Mapping[str, str] | None = None) -> None:
        from lxml import etree

        last: Element | None = None
        pending = ""  # text waiting to be written after ``last`` (or into ``parent``)
        cursor = 0
        for m in self.pattern.finditer(text):
            pending += text[cursor : m.start()]
            cursor = m.end()
            if m.group(0).startswith("[Page") and not with_pb:
                pending += m.group(0)
                continue
            _append_text(parent, last, pending)
            pending = ""
            if m.group(0).startswith("[Page"):
                last = etree.SubElement(parent, _q("pb"), {"n": m.group(1), f"{{{XML_NS}}}id": f"pg_{m.group(1)}"})
            else:
                last = etree.SubElement(parent, _q("persName"), {"corresp": "#" + _person_id(m.group(0))})
                if types and m.group(0) in types:
                    last.set("type", types[m.group(0)])
                last.text = m.group(0)
        _append_text(parent, last, pending + text[cursor:])


def _append_text(parent: Element, last: Element | None, text: str) -> None:
    """Append ``text`` after the last child written, or into the parent when there is none."""
    if last is None:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _write_head(div: Element, doc: FrusDocument, marker: _Marker, shape: str, document_number: int | None) -> None:
    """The source note and head: note before the head (older) or inside it (newer)."""
    from lxml import etree

    head_types = dict.fromkeys(_bracketed_names(doc.sender), "from")
    for name in _bracketed_names(doc.recipient):
        head_types.setdefault(name, "to")
    if shape == "older":
        source_text = ": ".join(filter(None, (doc.file_designation, doc.doc_type)))
        if source_text:
            etree.SubElement(div, _q("note"), {"rend": "inline", "type": "source"}).text = source_text
        marker.add(etree.SubElement(div, _q("head")), " to ".join(filter(None, (doc.sender, doc.recipient))), types=head_types)
        return
    head = etree.SubElement(div, _q("head"))
    number = f"{document_number}. " if document_number is not None else ""
    kind = doc.doc_type or "Document"
    if doc.sender:
        title = f"{number}{kind} From {doc.sender}" + (f" to {doc.recipient}" if doc.recipient else "")
    else:
        title = f"{number}{kind}" + (f" to {doc.recipient}" if doc.recipient else "")
    marker.add(head, title, types=head_types)
    if doc.file_designation:
        note = etree.SubElement(head, _q("note"), {"n": "1", "type": "source"})
        if document_number is not None:
            note.set(f"{{{XML_NS}}}id", f"d{document_number}fn1")
        note.text = f"Source: {doc.file_designation}."


def _write_opener(div: Element, doc: FrusDocument) -> None:
    """Classification and precedences as ``<seg>``s, then the dateline with "[Received …]"."""
    from lxml import etree

    segs = [("classification", doc.classification)] + [("precedence", p) for p in (doc.precedence or "").split(", ") if p]
    if not any(value for _, value in segs) and not doc.dateline and not doc.received:
        return
    opener = etree.SubElement(div, _q("opener"))
    for kind, value in segs:
        if value:
            etree.SubElement(opener, _q("seg"), {"type": kind}).text = value
    if doc.dateline or doc.received:
        dateline = etree.SubElement(opener, _q("dateline"))
        dateline.text = doc.dateline or ""
        if doc.received:
            etree.SubElement(dateline, _q("lb")).tail = f"[Received {doc.received}]"


def _write_persons(tei: Element, div: Element, names: list[str]) -> None:
    """A ``<back>`` list of the persons marked in the document (names only)."""
    from lxml import etree

    used = _unique_refs(div.iter(_q("persName")), "corresp")
    if not used:
        return
    back = etree.SubElement(tei.find(_q("text")), _q("back"))
    section = etree.SubElement(back, _q("div"), {"type": "section", f"{{{XML_NS}}}id": "persons"})
    plist = etree.SubElement(section, _q("list"), {"type": "persons"})
    for name in names:
        if _person_id(name) in used:
            item = etree.SubElement(plist, _q("item"))
            etree.SubElement(item, _q("persName"), {f"{{{XML_NS}}}id": _person_id(name)}).text = name


def _tei_root(doc: FrusDocument, title: str | None) -> tuple[Element, Element]:
    """A ``<TEI>`` with a minimal teiHeader and an empty body; returns (root, body)."""
    from lxml import etree

    tei = etree.Element(_q("TEI"), nsmap={None: TEI_NS, "frus": FRUS_NS})
    file_desc = etree.SubElement(etree.SubElement(tei, _q("teiHeader")), _q("fileDesc"))
    heading = title or " to ".join(filter(None, (doc.sender, doc.recipient))) or "FRUS document"
    etree.SubElement(etree.SubElement(file_desc, _q("titleStmt")), _q("title")).text = heading
    etree.SubElement(etree.SubElement(file_desc, _q("publicationStmt")), _q("p")).text = (
        "Exported by kernel_utils.text.tei from the parsed plain text; a work of the United States Government, in the public domain."
    )
    etree.SubElement(etree.SubElement(file_desc, _q("sourceDesc")), _q("p")).text = doc.source
    return tei, etree.SubElement(etree.SubElement(tei, _q("text")), _q("body"))


def export_tei(
    doc: FrusDocument,
    *,
    document_number: int | None = None,
    title: str | None = None,
    date: str | None = None,
    shape: str = "older",
    persons: tuple[str, ...] = (),
) -> str:
    """The document as TEI XML in the FRUS conventions (``shape`` "older" or "newer").

    A full ``<TEI>`` with a minimal ``teiHeader``; the document ``<div>`` has the source note
    (before the head in the older shape, inside it in the newer), the head (address), an
    ``<opener>`` with classification and precedence as ``<seg>``s and the dateline, each ``<p>``
    with ``<pb n="…"/>`` where the printed page turns, and a ``<closer><signed>``.  Names in
    parentheses on the address line, the signature and the names in ``persons`` that occur in
    the text are marked ``<persName corresp="#p_…">`` and listed in a ``<list type="persons">``
    (names only: the edition states no fact about a person the text does not print).
    """
    from lxml import etree

    if shape not in ("older", "newer"):
        raise ValueError(f"shape must be 'older' or 'newer'; got {shape!r}")
    tei, body = _tei_root(doc, title)
    div = etree.SubElement(body, _q("div"), {"type": "document", "subtype": "historical-document"})
    if document_number is not None:
        div.set(f"{{{XML_NS}}}id", f"d{document_number}")
        div.set("n", str(document_number))
    if date:
        div.set(f"{{{FRUS_NS}}}doc-dateTime-min", date)
        div.set(f"{{{FRUS_NS}}}doc-dateTime-max", date)
    names: list[str] = []
    for name in [*_bracketed_names(f"{doc.sender or ''} {doc.recipient or ''}"), *([doc.signature] if doc.signature else []), *persons]:
        if name not in names:
            names.append(name)
    marker = _Marker(names)
    _write_head(div, doc, marker, shape, document_number)
    _write_opener(div, doc)
    for p in doc.paragraphs:
        marker.add(etree.SubElement(div, _q("p")), p.text, with_pb=True)
    if doc.signature:
        marker.add(etree.SubElement(etree.SubElement(div, _q("closer")), _q("signed")), doc.signature)
    for n, text in enumerate(doc.footnotes, start=2 if shape == "newer" and doc.file_designation else 1):
        etree.SubElement(div, _q("note"), {"n": str(n), "type": "footnote"}).text = text
    _write_persons(tei, div, names)
    result: str = etree.tostring(tei, encoding="unicode", pretty_print=False)
    return result

def check_frus_tei(xml: str | bytes) -> list[str]:
    """Problems with an exported document against the FRUS TEI structure (empty list: none).

    Checks by XPath what the volumes' documents share: a TEI root in the TEI namespace with a
    teiHeader title; one ``div[@type='document']``; a non-empty ``head``; the source note
    before the head (older) or inside it (newer); opener ``seg``s that are classifications or
    precedences; ``p``s with text; ``pb/@n`` numbers inside ``p``s; a ``closer/signed`` with text
    when present; every ``persName/@corresp`` pointing at an ``xml:id`` in the file.
    """
    root = _read(xml, "<export>")
    problems = []
    if root.tag != _q("TEI"):
        problems.append(f"root element: expected TEI in {TEI_NS}; found {root.tag}")
    if not root.xpath("string(tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)", namespaces=_NS).strip():
        problems.append("teiHeader/fileDesc/titleStmt/title: expected a title; found none")
    divs = root.xpath("tei:text/tei:body/tei:div[@type='document']", namespaces=_NS)
    if len(divs) != 1:
        return problems + [f"text/body/div[@type='document']: expected 1; found {len(divs)}"]
    div = divs[0]
    heads = div.xpath("tei:head", namespaces=_NS)
    if len(heads) != 1 or not _text(heads[0]):
        problems.append("div/head: expected one non-empty head")
    before = div.xpath("tei:note[@type='source'][following-sibling::tei:head]", namespaces=_NS)
    inside = div.xpath("tei:head/tei:note[@type='source']", namespaces=_NS)
    if len(before) + len(inside) > 1:
        problems.append("source note: expected at most one, before or inside the head")
    for seg in div.xpath("tei:opener/tei:seg", namespaces=_NS):
        if marking_kind(_text(seg)) not in ("classification", "precedence", "editorial"):
            problems.append(f"opener/seg: expected a classification or precedence; found {_text(seg)!r}")
    paragraphs = div.xpath("tei:p", namespaces=_NS)
    if not paragraphs or any(not _text(p) for p in paragraphs):
        problems.append("div/p: expected paragraphs with text")
    for pb in div.xpath(".//tei:pb", namespaces=_NS):
        if not (pb.get("n") or "").isdigit() or pb.getparent().tag != _q("p"):
            problems.append(f"pb: expected a numeric @n inside a p; found n={pb.get('n')!r} in {pb.getparent().tag}")
    for signed in div.xpath("tei:closer/tei:signed", namespaces=_NS):
        if not _text(signed):
            problems.append("closer/signed: expected the signature text")
    ids = set(root.xpath("//@xml:id", namespaces=_NS))
    for ref in root.xpath("//tei:persName/@corresp", namespaces=_NS):
        if ref.lstrip("#") not in ids:
            problems.append(f"persName/@corresp: expected a reference to an xml:id in the file; found {ref!r}")
    return problems
