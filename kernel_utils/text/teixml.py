"""Reading TEI XML safely, and the element helpers the FRUS TEI import and export share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kernel_utils.errors import TeiError

__all__ = [
    "FRUS_NS",
    "NAMESPACES",
    "TEI_NS",
    "XML_NS",
    "Element",
    "element_text",
    "norm",
    "qname",
    "read_xml",
    "unique_refs",
]

#: An lxml element (lxml ships no type information).
Element = Any

TEI_NS = "http://www.tei-c.org/ns/1.0"
FRUS_NS = "http://history.state.gov/frus/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NAMESPACES = {"tei": TEI_NS, "frus": FRUS_NS}


def xml_parser() -> Any:
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, dtd_validation=False
    )


def read_xml(source: str | bytes | Path, label: str) -> Element:
    from lxml import etree

    try:
        if isinstance(source, Path):
            data = source.read_bytes()
        elif isinstance(source, str):
            data = source.encode("utf-8")
        else:
            data = source
        return etree.fromstring(data, parser=xml_parser())
    except (OSError, etree.XMLSyntaxError, ValueError) as exc:
        raise TeiError(f"{label}: not well-formed XML ({exc})") from None


def qname(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def element_text(el: Element, *, keep_pb: bool = False, stop_at_lb: bool = False) -> str:
    """The text of an element with notes left out (and page breaks as ``[Page N]`` if asked)."""
    out: list[str] = []

    def walk(node: Element) -> bool:
        """Append the node's text; False once a stopping <lb/> is met."""
        if node.text:
            out.append(node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == qname("pb"):
                if keep_pb and child.get("n", "").isdigit():
                    out.append(f"[Page {child.get('n')}]")
            elif tag == qname("lb"):
                if stop_at_lb:
                    return False
                out.append(" ")
            elif tag and tag != qname("note") and walk(child) is False:
                return False
            if child.tail:
                out.append(child.tail)
        return True

    walk(el)
    return norm("".join(out))


def unique_refs(elements: Iterable[Element], attribute: str) -> list[str]:
    """The distinct ``#id`` references an attribute holds across elements, in order."""
    refs: list[str] = []
    for el in elements:
        ref = (el.get(attribute) or "").lstrip("#")
        if ref and ref not in refs:
            refs.append(ref)
    return refs
