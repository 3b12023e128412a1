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

from kernel_utils.errors import TeiError
from kernel_utils.text.parser import (
    CLASSIFICATIONS,
    PAGE_MARKER,
    FrusDocument,
    HeaderLine,
    PageBreak,
    Paragraph,
    _is_telegram_number,
    _marking_kind,
    _page_at,
    _parse_address,
    _parse_heading,
    _POINT,
    _RECEIVED,
    _strip_markers,
    _TELEGRAM_NUMBER,
)

__all__ = ["TEI_NS", "FRUS_NS", "FIELD_SOURCES", "TeiImport", "import_tei", "export_tei", "check_frus_tei", "load_tei_list"]

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


def _parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, dtd_validation=False)


def _read(source: str | bytes | Path, label: str):
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


def _text(el, *, keep_pb: bool = False, stop_at_lb: bool = False) -> str:
    """The text of an element with notes left out (and page breaks as ``[Page N]`` if asked)."""
    out: list[str] = []

    def walk(node) -> bool:
        if node.text:
            out.append(node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == _q("note"):
                pass
            elif tag == _q("pb"):
                if keep_pb and child.get("n", "").isdigit():
                    out.append(f"[Page {child.get('n')}]")
            elif tag == _q("lb"):
                if stop_at_lb:
                    return False
                out.append(" ")
            elif isinstance(child.tag, str):
                if walk(child) is False:
                    return False
            if child.tail:
                out.append(child.tail)
        return True

    walk(el)
    return _norm("".join(out))


def _find_div(root, div_id: str | None, label: str):
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
    root = _read(source, label)
    div = _find_div(root, document_id, label)
    div_id = div.get(f"{{{XML_NS}}}id")
    where = f"{label}, document {div_id or '?'}"
    head = div.find(_q("head"))
    if head is None:
        raise TeiError(f"{where}: expected a <head>; found none")
    inline_source = None
    for child in div:
        if child is head:
            break
        if child.tag == _q("note") and child.get("type") == "source":
            inline_source = child
    shape = "older" if inline_source is not None else "newer"

    fields: dict[str, str | None] = dict.fromkeys(
        ("file_designation", "doc_type", "sender", "recipient", "classification", "dateline", "received"), None
    )
    precedences: list[str] = []
    lines: list[tuple[str, str]] = []  # (kind, text) of the header, in order; "" kind = block break

    head_text = _text(head)
    if shape == "older":
        note_text = _text(inline_source)
        if ": " in note_text:
            fields["file_designation"], fields["doc_type"] = note_text.rsplit(": ", 1)
        else:
            fields["file_designation"] = note_text
        lines += [("heading", note_text), ("", "")]
        _, fields["sender"], fields["recipient"] = _parse_address(head_text)
        lines += [("address", head_text), ("", "")]
    else:
        heading = _parse_heading(head_text) or {}
        fields["doc_type"] = heading.get("doc_type")
        fields["sender"], fields["recipient"] = heading.get("sender"), heading.get("recipient")
        lines += [("heading", head_text), ("", "")]

    # Opener: [Paraphrase], markings, dateline, [Received ...]
    opener_lines: list[str] = []
    for opener in div.findall(_q("opener")):
        for part in opener:
            if part.tag == _q("dateline"):
                place_date = _text(part, stop_at_lb=True)
                whole = _text(part)
                received = re.search(r"\[Received[^\]]*\]", whole)
                place_date = place_date.split("[Received")[0].strip()
                if place_date:
                    opener_lines.append(place_date)
                    fields["dateline"] = fields["dateline"] or place_date
                if received:
                    opener_lines.append(received.group(0))
            elif isinstance(part.tag, str) and part.tag != _q("note"):
                text = _text(part)
                if text:
                    opener_lines.append(text)
        if opener.text and opener.text.strip():
            opener_lines.append(_norm(opener.text))
    for text in opener_lines:
        kind = _marking_kind(text) or "marking"
        if kind == "classification" and fields["classification"] is None:
            fields["classification"] = text
        elif kind == "precedence" and text not in precedences:
            precedences.append(text)
        elif kind == "received":
            match = _RECEIVED.match(text)
            fields["received"] = fields["received"] or (match.group("value").strip() if match else None)
        lines.append((kind, text))
    if opener_lines:
        lines.append(("", ""))

    # Footnotes: every note but the older inline source note, in document order.
    notes = [n for n in div.iter(_q("note")) if n is not inline_source]
    footnotes = tuple(_text(n) for n in notes)
    if shape == "newer":
        source_note = head.find(_q("note"))
        if source_note is not None and source_note.get("type") == "source":
            note_text = _text(source_note)
            number = _FILE_NUMBER.search(note_text)
            if number:
                fields["file_designation"] = number.group(0)
                after = note_text[number.end():].lstrip(". ")
                first_sentence = after.split(". ")[0].rstrip(".")
                for part in (p.strip() for p in first_sentence.split(";")):
                    if part.lower() in CLASSIFICATIONS and fields["classification"] is None:
                        fields["classification"] = part
                    elif _marking_kind(part.lower()) == "precedence" and not precedences:
                        precedences.append(part)

    paragraphs_xml = [p for p in div if p.tag == _q("p")]
    if not paragraphs_xml:
        raise TeiError(f"{where}: expected at least one <p> in the document; found none")
    closer = div.find(_q("closer"))
    signed = closer.find(f".//{_q('signed')}") if closer is not None else None
    signature = _text(signed) if signed is not None and _text(signed) else None

    # Render the page-text layout (blocks separated by a blank line, opener lines one block,
    # footnotes "  n. text" after the signature) and anchor every element in it.
    blocks: list[list[tuple[str, str]]] = [[]]
    for kind, value in lines:
        if kind == "":
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append((kind, value))
    blocks = [b for b in blocks if b]
    text_parts: list[str] = []
    pos = 0
    header: list[HeaderLine] = []
    furniture: list[HeaderLine] = []

    def emit(s: str) -> tuple[int, int]:
        nonlocal pos
        text_parts.append(s)
        start = pos
        pos += len(s)
        return start, pos

    for block in blocks:
        for k, (kind, value) in enumerate(block):
            if k:
                emit("\n")
            start, end = emit(value)
            header.append(HeaderLine(kind, value, start, end))
        emit("\n\n")
    spans = []
    for n, p in enumerate(paragraphs_xml):
        if n:
            emit("\n\n")
        spans.append(emit(_text(p, keep_pb=True)))
    signature_span = None
    if signature:
        emit("\n\n")
        signature_span = emit(signature)
    numbers = [note.get("n") or str(i + 1) for i, note in enumerate(notes)]
    for n, note_text in zip(numbers, footnotes):
        emit("\n  ")
        start, end = emit(f"{n}. {note_text}")
        furniture.append(HeaderLine("footnote", f"{n}. {note_text}", start, end))
    text = "".join(text_parts)

    breaks = [PageBreak(int(m.group(1)), m.start(), m.end()) for m in PAGE_MARKER.finditer(text)]
    first_page = breaks[0].page - 1 if breaks else None
    basis = "inferred from the first page break (<pb>)" if breaks else "unknown"
    paragraphs: list[Paragraph] = []
    telegram_number = None
    for n, (start, end) in enumerate(spans, start=1):
        raw = text[start:end]
        reading, marks = _strip_markers(raw, start)
        rest = reading
        number = _TELEGRAM_NUMBER.match(reading) if n == 1 else None
        if number and _is_telegram_number(number.group("number"), fields["doc_type"]):
            telegram_number = number.group("number")
            rest = reading[number.end():]
        point = _POINT.match(rest)
        pages = tuple(range(_page_at(first_page, breaks, start), _page_at(first_page, breaks, end - 1) + 1)) if first_page is not None else ()
        paragraphs.append(Paragraph(f"p{n:02d}", n, start, end, raw, reading, int(point.group("point")) if point else None,
                                    pages, tuple(PageBreak(pg, s, e) for pg, s, e in marks)))
    if shape == "newer" and telegram_number is None:
        heading = _parse_heading(head_text) or {}
        telegram_number = heading.get("heading_number")

    document = FrusDocument(
        text=text, source=where, file_designation=fields["file_designation"], doc_type=fields["doc_type"],
        sender=fields["sender"], recipient=fields["recipient"], classification=fields["classification"],
        precedence=", ".join(precedences) or None, dateline=fields["dateline"], received=fields["received"],
        telegram_number=telegram_number, header_lines=tuple(header), paragraphs=tuple(paragraphs),
        signature=signature, signature_span=signature_span, page_breaks=tuple(breaks), first_page=first_page,
        first_page_basis=basis, footnotes=footnotes, furniture_lines=tuple(furniture),
    )
    date_el = div.find(f".//{_q('dateline')}/{_q('date')}")
    date = date_el.get("when") if date_el is not None and date_el.get("when") else div.get(f"{{{FRUS_NS}}}doc-dateTime-min")
    corresp = []
    for el in div.iter(_q("persName")):
        ref = (el.get("corresp") or "").lstrip("#")
        if ref and ref not in corresp:
            corresp.append(ref)
    terms = []
    for el in div.iter(_q("gloss")):
        ref = (el.get("target") or "").lstrip("#")
        if ref and ref not in terms:
            terms.append(ref)
    known = dict(persons or {})
    return TeiImport(document, div_id, shape, date, {ref: known.get(ref) for ref in corresp}, tuple(terms))


# ---------------------------------------------------------------------------------------- export

def _person_id(name: str) -> str:
    return "p_" + re.sub(r"[^A-Za-z0-9]", "", name)


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
    E = lambda tag, **attrs: etree.Element(_q(tag), {k: v for k, v in attrs.items() if v is not None}, nsmap={None: TEI_NS, "frus": FRUS_NS})  # noqa: E731
    tei = E("TEI")
    header = etree.SubElement(tei, _q("teiHeader"))
    file_desc = etree.SubElement(header, _q("fileDesc"))
    etree.SubElement(etree.SubElement(file_desc, _q("titleStmt")), _q("title")).text = title or " to ".join(filter(None, (doc.sender, doc.recipient))) or "FRUS document"
    etree.SubElement(etree.SubElement(file_desc, _q("publicationStmt")), _q("p")).text = "Exported by kernel_utils.text.tei from the parsed plain text; a work of the United States Government, in the public domain."
    etree.SubElement(etree.SubElement(file_desc, _q("sourceDesc")), _q("p")).text = doc.source
    body = etree.SubElement(etree.SubElement(tei, _q("text")), _q("body"))
    div = etree.SubElement(body, _q("div"), {"type": "document", "subtype": "historical-document"})
    if document_number is not None:
        div.set(f"{{{XML_NS}}}id", f"d{document_number}")
        div.set("n", str(document_number))
    if date:
        div.set(f"{{{FRUS_NS}}}doc-dateTime-min", date)
        div.set(f"{{{FRUS_NS}}}doc-dateTime-max", date)

    names: list[str] = []
    address_names = re.findall(r"\(\s*([^()]+?)\s*\)", f"{doc.sender or ''} {doc.recipient or ''}")
    for name in [*address_names, *([doc.signature] if doc.signature else []), *persons]:
        if name not in names:
            names.append(name)

    def add_marked(parent, text: str, *, with_pb: bool = False, types: Mapping[str, str] | None = None) -> None:
        """Append ``text`` to ``parent``, with page markers as <pb/> and known names as <persName>."""
        tokens = [re.escape(n) for n in sorted(names, key=len, reverse=True)]
        pattern = re.compile("|".join([PAGE_MARKER.pattern] + [rf"\b{t}\b" for t in tokens]))
        last = None
        cursor = 0
        for m in pattern.finditer(text):
            chunk = text[cursor:m.start()]
            if last is None:
                parent.text = (parent.text or "") + chunk
            else:
                last.tail = (last.tail or "") + chunk
            if m.group(0).startswith("[Page"):
                if not with_pb:
                    chunk_el = None
                    if last is None:
                        parent.text += m.group(0)
                    else:
                        last.tail += m.group(0)
                    cursor = m.end()
                    continue
                last = etree.SubElement(parent, _q("pb"), {"n": m.group(1), f"{{{XML_NS}}}id": f"pg_{m.group(1)}"})
            else:
                last = etree.SubElement(parent, _q("persName"), {"corresp": "#" + _person_id(m.group(0))})
                if types and m.group(0) in types:
                    last.set("type", types[m.group(0)])
                last.text = m.group(0)
            cursor = m.end()
        tail = text[cursor:]
        if last is None:
            parent.text = (parent.text or "") + tail
        else:
            last.tail = (last.tail or "") + tail

    head_types = {}
    for name in re.findall(r"\(\s*([^()]+?)\s*\)", doc.sender or ""):
        head_types[name] = "from"
    for name in re.findall(r"\(\s*([^()]+?)\s*\)", doc.recipient or ""):
        head_types.setdefault(name, "to")
    address = " to ".join(filter(None, (doc.sender, doc.recipient)))
    source_text = ": ".join(filter(None, (doc.file_designation, doc.doc_type)))
    if shape == "older":
        if source_text:
            note = etree.SubElement(div, _q("note"), {"rend": "inline", "type": "source"})
            note.text = source_text
        head = etree.SubElement(div, _q("head"))
        add_marked(head, address, types=head_types)
    else:
        head = etree.SubElement(div, _q("head"))
        number = f"{document_number}. " if document_number is not None else ""
        kind = doc.doc_type or "Document"
        if doc.sender:
            add_marked(head, f"{number}{kind} From {doc.sender} to {doc.recipient}" if doc.recipient else f"{number}{kind} From {doc.sender}", types=head_types)
        else:
            add_marked(head, f"{number}{kind}" + (f" to {doc.recipient}" if doc.recipient else ""), types=head_types)
        if doc.file_designation:
            note = etree.SubElement(head, _q("note"), {"n": "1", "type": "source"})
            if document_number is not None:
                note.set(f"{{{XML_NS}}}id", f"d{document_number}fn1")
            note.text = f"Source: {doc.file_designation}."
    opener_lines = [doc.classification, *(doc.precedence.split(", ") if doc.precedence else [])]
    if any(opener_lines) or doc.dateline or doc.received:
        opener = etree.SubElement(div, _q("opener"))
        for value, kind in zip(opener_lines, ["classification"] + ["precedence"] * (len(opener_lines) - 1)):
            if value:
                seg = etree.SubElement(opener, _q("seg"), {"type": kind})
                seg.text = value
        if doc.dateline or doc.received:
            dateline = etree.SubElement(opener, _q("dateline"))
            dateline.text = doc.dateline or ""
            if doc.received:
                lb = etree.SubElement(dateline, _q("lb"))
                lb.tail = f"[Received {doc.received}]"
    for p in doc.paragraphs:
        add_marked(etree.SubElement(div, _q("p")), p.text, with_pb=True)
    if doc.signature:
        signed = etree.SubElement(etree.SubElement(div, _q("closer")), _q("signed"))
        add_marked(signed, doc.signature)
    for n, text in enumerate(doc.footnotes, start=2 if shape == "newer" and doc.file_designation else 1):
        note = etree.SubElement(div, _q("note"), {"n": str(n), "type": "footnote"})
        note.text = text
    used = []
    for el in div.iter(_q("persName")):
        ref = el.get("corresp", "").lstrip("#")
        if ref and ref not in used:
            used.append(ref)
    if used:
        back = etree.SubElement(etree.SubElement(tei, _q("text")), _q("back")) if False else etree.SubElement(tei.find(_q("text")), _q("back"))
        plist = etree.SubElement(etree.SubElement(back, _q("div"), {"type": "section", f"{{{XML_NS}}}id": "persons"}), _q("list"), {"type": "persons"})
        for name in names:
            if _person_id(name) in used:
                item = etree.SubElement(plist, _q("item"))
                etree.SubElement(item, _q("persName"), {f"{{{XML_NS}}}id": _person_id(name)}).text = name
    return etree.tostring(tei, encoding="unicode", pretty_print=False)


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
        if _marking_kind(_text(seg)) not in ("classification", "precedence", "editorial"):
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
