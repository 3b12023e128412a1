"""The exchange links: the edition's reading of how passages of the dossier answer, repeat,
implement, defer to or use each other (``data/dossier/links.json``, schema ``dossier-links.schema.json``).

Each link has exact quotes at character offsets in both documents, checked against the bundled
texts on load; where the other document's text was not read, the link points to the words that
refer to it (``kind: reference``) and says so.  Links are interpretation, labelled as such.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kernel_utils.errors import Problem
from kernel_utils.store.validation import (
    CheckContext,
    check_quote,
    check_unique_ids,
    load_validated,
    register,
)

__all__ = ["LINK_TYPES", "Anchor", "Link", "links_for", "load_links", "passages_table"]

LINKS_FILE = "dossier/links.json"
#: The kinds of link, and how each reads from the first document's side.
LINK_TYPES: dict[str, str] = {
    "answers": "answers", "repeats": "repeats", "implements": "implements",
    "defers-to": "defers to", "uses": "is used by",
}

#: The same, read from the other document's side.
_PASSIVE: dict[str, str] = {
    "answers": "is answered by", "repeats": "is repeated by", "implements": "is implemented by",
    "defers-to": "is deferred to by", "uses": "uses",
}


@dataclass(frozen=True)
class Anchor:
    """Exact words of a bundled document at character offsets (or words referring to an unread one)."""

    document: str
    start: int
    end: int
    quote: str
    kind: str
    refers_to: str | None = None


@dataclass(frozen=True)
class Link:
    """One typed link between two passages, with the edition's rationale."""

    id: str
    type: str
    source: Anchor
    target: Anchor
    rationale: str
    against: str | None
    note: str | None

    @property
    def documents(self) -> tuple[str, str]:
        other = self.target.refers_to if self.target.kind == "reference" and self.target.refers_to else self.target.document
        return self.source.document, other


def _check_links(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    yield from check_unique_ids(data["links"], ctx.file, what="link")
    for link in data["links"]:
        record = f"'{link['id']}'"
        for side in ("from", "to"):
            anchor = link[side]
            yield from check_quote(ctx.document_text(anchor["document"]), anchor["start"], anchor["end"], anchor["quote"],
                                   file=ctx.file, record=record, field=f"{side}.quote", document=anchor["document"])
            if anchor["kind"] == "reference" and not anchor.get("refers_to"):
                yield Problem(ctx.file, record, f"{side}.refers_to", "the FRUS id of the document the quoted words refer to", "none")


register(LINKS_FILE, "dossier-links.schema.json", _check_links, description="the exchange links (the edition's reading)")


def _anchor(raw: dict[str, Any]) -> Anchor:
    return Anchor(raw["document"], raw["start"], raw["end"], raw["quote"], raw["kind"], raw.get("refers_to"))


def load_links() -> list[Link]:
    """Every link of the exchange, validated (quotes equal the texts at their offsets)."""
    data = load_validated(LINKS_FILE)
    return [Link(l["id"], l["type"], _anchor(l["from"]), _anchor(l["to"]), l["rationale"], l.get("against"), l.get("note"))
            for l in data["links"]]


def links_for(document_id: str, links: list[Link] | None = None) -> list[Link]:
    """The links that touch a document, from either side."""
    links = load_links() if links is None else links
    return [l for l in links if document_id in (l.source.document, l.target.document, l.target.refers_to)]


def passages_table(document_id: str, links: list[Link] | None = None) -> list[dict[str, object]]:
    """The document read passage by passage: for each link touching it, in text order, the paragraph
    (and numbered point) of its passage, the passage, what it does, and the other document."""
    from kernel_utils.store.documents import load_document

    doc = load_document(document_id)
    rows = []
    for link in links_for(document_id, links):
        here, there = (link.source, link.target) if link.source.document == document_id else (link.target, link.source)
        paragraph = doc.paragraph_at(here.start)
        verb = LINK_TYPES[link.type] if here is link.source else _PASSIVE[link.type]
        rows.append({
            "start": here.start, "paragraph": f"¶{paragraph.number}" + (f" (point {paragraph.point})" if paragraph and paragraph.point else "") if paragraph else "",
            "passage": here.quote, "link": verb, "other document": there.refers_to or there.document, "link id": link.id,
        })
    return sorted(rows, key=lambda r: (r["start"], r["link id"]))
