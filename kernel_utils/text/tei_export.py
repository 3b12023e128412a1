"""Export a parsed FRUS document as TEI in the Office of the Historian's conventions, and check an export."""

from __future__ import annotations

import re
from collections.abc import Mapping

from kernel_utils.text.markers import PAGE_MARKER
from kernel_utils.text.model import FrusDocument
from kernel_utils.text.teixml import (
    FRUS_NS,
    NAMESPACES,
    TEI_NS,
    XML_NS,
    Element,
    element_text,
    qname,
    read_xml,
    unique_refs,
)
from kernel_utils.text.vocabulary import marking_kind

__all__ = ["check_frus_tei", "export_tei"]


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
                last = etree.SubElement(parent, qname("pb"), {"n": m.group(1), f"{{{XML_NS}}}id": f"pg_{m.group(1)}"})
            else:
                last = etree.SubElement(parent, qname("persName"), {"corresp": "#" + _person_id(m.group(0))})
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
            etree.SubElement(div, qname("note"), {"rend": "inline", "type": "source"}).text = source_text
        marker.add(
            etree.SubElement(div, qname("head")),
            " to ".join(filter(None, (doc.sender, doc.recipient))),
            types=head_types,
        )
        return
    head = etree.SubElement(div, qname("head"))
    number = f"{document_number}. " if document_number is not None else ""
    kind = doc.doc_type or "Document"
    if doc.sender:
        title = f"{number}{kind} From {doc.sender}" + (f" to {doc.recipient}" if doc.recipient else "")
    else:
        title = f"{number}{kind}" + (f" to {doc.recipient}" if doc.recipient else "")
    marker.add(head, title, types=head_types)
    if doc.file_designation:
        note = etree.SubElement(head, qname("note"), {"n": "1", "type": "source"})
        if document_number is not None:
            note.set(f"{{{XML_NS}}}id", f"d{document_number}fn1")
        note.text = f"Source: {doc.file_designation}."


def _write_opener(div: Element, doc: FrusDocument) -> None:
    """Classification and precedences as ``<seg>``s, then the dateline with "[Received …]"."""
    from lxml import etree

    segs = [("classification", doc.classification)] + [
        ("precedence", p) for p in (doc.precedence or "").split(", ") if p
    ]
    if not any(value for _, value in segs) and not doc.dateline and not doc.received:
        return
    opener = etree.SubElement(div, qname("opener"))
    for kind, value in segs:
        if value:
            etree.SubElement(opener, qname("seg"), {"type": kind}).text = value
    if doc.dateline or doc.received:
        dateline = etree.SubElement(opener, qname("dateline"))
        dateline.text = doc.dateline or ""
        if doc.received:
            etree.SubElement(dateline, qname("lb")).tail = f"[Received {doc.received}]"


def _write_persons(tei: Element, div: Element, names: list[str]) -> None:
    """A ``<back>`` list of the persons marked in the document (names only)."""
    from lxml import etree

    used = unique_refs(div.iter(qname("persName")), "corresp")
    if not used:
        return
    back = etree.SubElement(tei.find(qname("text")), qname("back"))
    section = etree.SubElement(back, qname("div"), {"type": "section", f"{{{XML_NS}}}id": "persons"})
    plist = etree.SubElement(section, qname("list"), {"type": "persons"})
    for name in names:
        if _person_id(name) in used:
            item = etree.SubElement(plist, qname("item"))
            etree.SubElement(item, qname("persName"), {f"{{{XML_NS}}}id": _person_id(name)}).text = name


def _tei_root(doc: FrusDocument, title: str | None) -> tuple[Element, Element]:
    """A ``<TEI>`` with a minimal teiHeader and an empty body; returns (root, body)."""
    from lxml import etree

    tei = etree.Element(qname("TEI"), nsmap={None: TEI_NS, "frus": FRUS_NS})
    file_desc = etree.SubElement(etree.SubElement(tei, qname("teiHeader")), qname("fileDesc"))
    heading = title or " to ".join(filter(None, (doc.sender, doc.recipient))) or "FRUS document"
    etree.SubElement(etree.SubElement(file_desc, qname("titleStmt")), qname("title")).text = heading
    etree.SubElement(
        etree.SubElement(file_desc, qname("publicationStmt")), qname("p")
    ).text = "Exported by kernel_utils.text.tei from the parsed plain text; a work of the United States Government, in the public domain."
    etree.SubElement(etree.SubElement(file_desc, qname("sourceDesc")), qname("p")).text = doc.source
    return tei, etree.SubElement(etree.SubElement(tei, qname("text")), qname("body"))


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
    div = etree.SubElement(body, qname("div"), {"type": "document", "subtype": "historical-document"})
    if document_number is not None:
        div.set(f"{{{XML_NS}}}id", f"d{document_number}")
        div.set("n", str(document_number))
    if date:
        div.set(f"{{{FRUS_NS}}}doc-dateTime-min", date)
        div.set(f"{{{FRUS_NS}}}doc-dateTime-max", date)
    names: list[str] = []
    for name in [
        *_bracketed_names(doc.sender),
        *_bracketed_names(doc.recipient),
        *([doc.signature] if doc.signature else []),
        *persons,
    ]:
        if name not in names:
            names.append(name)
    marker = _Marker(names)
    _write_head(div, doc, marker, shape, document_number)
    _write_opener(div, doc)
    for p in doc.paragraphs:
        marker.add(etree.SubElement(div, qname("p")), p.text, with_pb=True)
    if doc.signature:
        marker.add(etree.SubElement(etree.SubElement(div, qname("closer")), qname("signed")), doc.signature)
    for n, text in enumerate(doc.footnotes, start=2 if shape == "newer" and doc.file_designation else 1):
        etree.SubElement(div, qname("note"), {"n": str(n), "type": "footnote"}).text = text
    _write_persons(tei, div, names)
    result: str = etree.tostring(tei, encoding="unicode")
    return result


def check_frus_tei(xml: str | bytes) -> list[str]:
    """Problems with an exported document against the FRUS TEI structure (empty list: none).

    Checks by XPath what the volumes' documents share: a TEI root in the TEI namespace with a
    teiHeader title; one ``div[@type='document']``; a non-empty ``head``; the source note
    before the head (older) or inside it (newer); opener ``seg``s that are classifications or
    precedences; ``p``s with text; ``pb/@n`` numbers inside ``p``s; a ``closer/signed`` with text
    when present; every ``persName/@corresp`` pointing at an ``xml:id`` in the file.
    """
    root = read_xml(xml, "<export>")
    problems = []
    if root.tag != qname("TEI"):
        problems.append(f"root element: expected TEI in {TEI_NS}; found {root.tag}")
    if not root.xpath("string(tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)", namespaces=NAMESPACES).strip():
        problems.append("teiHeader/fileDesc/titleStmt/title: expected a title; found none")
    divs = root.xpath("tei:text/tei:body/tei:div[@type='document']", namespaces=NAMESPACES)
    if len(divs) != 1:
        return problems + [f"text/body/div[@type='document']: expected 1; found {len(divs)}"]
    div = divs[0]
    heads = div.xpath("tei:head", namespaces=NAMESPACES)
    if len(heads) != 1 or not element_text(heads[0]):
        problems.append("div/head: expected one non-empty head")
    before = div.xpath("tei:note[@type='source'][following-sibling::tei:head]", namespaces=NAMESPACES)
    inside = div.xpath("tei:head/tei:note[@type='source']", namespaces=NAMESPACES)
    if len(before) + len(inside) > 1:
        problems.append("source note: expected at most one, before or inside the head")
    for seg in div.xpath("tei:opener/tei:seg", namespaces=NAMESPACES):
        if marking_kind(element_text(seg)) not in ("classification", "precedence", "editorial"):
            problems.append(f"opener/seg: expected a classification or precedence; found {element_text(seg)!r}")
    paragraphs = div.xpath("tei:p", namespaces=NAMESPACES)
    if not paragraphs or any(not element_text(p) for p in paragraphs):
        problems.append("div/p: expected paragraphs with text")
    for pb in div.xpath(".//tei:pb", namespaces=NAMESPACES):
        if not (pb.get("n") or "").isdigit() or pb.getparent().tag != qname("p"):
            problems.append(f"pb: expected a numeric @n inside a p; found n={pb.get('n')!r} in {pb.getparent().tag}")
    for signed in div.xpath("tei:closer/tei:signed", namespaces=NAMESPACES):
        if not element_text(signed):
            problems.append("closer/signed: expected the signature text")
    ids = set(root.xpath("//@xml:id"))  # the xml: prefix is bound in every XPath
    for ref in root.xpath("//tei:persName/@corresp", namespaces=NAMESPACES):
        if ref.lstrip("#") not in ids:
            problems.append(f"persName/@corresp: expected a reference to an xml:id in the file; found {ref!r}")
    return problems
