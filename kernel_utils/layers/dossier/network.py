"""The correspondence as a network: who wrote to whom, and which document cites, answers or repeats which.

Nodes are the bundled documents (with date, offices and title from their records and headings);
edges are of two kinds: ``cites`` (a resolved cross-reference, a fact of the texts) and the typed
exchange links (the edition's reading, labelled so).  :func:`follow_chain` walks the edges from a
document backwards (what it rests on) or forwards (what rests on it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kernel_utils.layers.dossier.dossier import document_offices, dossier_references
from kernel_utils.layers.dossier.links import load_links
from kernel_utils.layers.dossier.resolution import load_resolution_table
from kernel_utils.store.documents import document_record, list_documents, load_document

__all__ = ["Correspondence", "Edge", "Node", "correspondence", "documents_table", "follow_chain"]


@dataclass(frozen=True)
class Node:
    """A bundled document in the network."""

    id: str
    label: str
    date: str | None
    sender: str | None
    recipient: str | None
    doc_type: str | None
    number: str | None

    @property
    def short(self) -> str:
        """A short name for figures: the telegram's number, or the kind of document."""
        return self.number or (self.doc_type or "document")


@dataclass(frozen=True)
class Edge:
    """``source`` cites / answers / repeats / … ``target``.  ``reading`` is ``"text"`` for a reference
    the text makes, ``"edition"`` for a link of the edition's reading.  ``quote`` is the citing words."""

    source: str
    target: str
    kind: str
    reading: str
    quote: str
    bundled: bool


@dataclass(frozen=True)
class Correspondence:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    offices: dict[str, str]
    #: ids of the documents whose witness is partial (only the opening was read)
    partial: frozenset[str] = frozenset()

    def node(self, document_id: str) -> Node:
        for n in self.nodes:
            if n.id == document_id:
                return n
        raise KeyError(f"no bundled document {document_id!r}; bundled: {', '.join(n.id for n in self.nodes)}")

    def channels(self) -> Counter:
        """How many documents went from each office to each office (who wrote to whom)."""
        return Counter((n.sender, n.recipient) for n in self.nodes if n.sender and n.recipient)


def _label(document_id: str) -> str:
    record = document_record(document_id)
    return record.short_title or record.title


@lru_cache(maxsize=2)
def _build(ids: tuple[str, ...]) -> Correspondence:
    table = load_resolution_table()
    nodes = []
    for i in ids:
        doc = load_document(i)
        sender, recipient = document_offices(doc, table)
        nodes.append(Node(i, _label(i), document_record(i).date, sender, recipient, doc.doc_type, doc.telegram_number))
    edges: list[Edge] = []
    for document, refs in dossier_references().items():
        for r in refs:
            if r.target and r.series != "reftel":
                edges.append(Edge(document, r.target, "cites", "text", r.quote, r.target in ids))
    for link in load_links():
        a, b = link.documents
        # "uses": the later document (b) uses the earlier (a); the others: a answers/repeats/… b
        source, target = (b, a) if link.type == "uses" else (a, b)
        edges.append(Edge(source, target, link.type, "edition", link.source.quote if source == a else link.target.quote, target in ids))
    partial = frozenset(i for i in ids if (w := document_record(i).witness) is not None and w.is_partial)
    return Correspondence(tuple(nodes), tuple(edges), {o.id: o.label for o in table.offices}, partial)


def correspondence() -> Correspondence:
    """The network of the bundled dossier (cached)."""
    return _build(tuple(list_documents()))


def follow_chain(document_id: str, direction: str = "back", *, network: Correspondence | None = None) -> list[tuple[int, Edge]]:
    """The documents reached from ``document_id`` along the edges, breadth first, with their depth.

    ``direction="back"``: what the document cites, answers, repeats, implements or defers to, and
    what those rest on in turn; ``"forward"``: the documents that cite or use it, and so on.
    Each edge is given once; a document not bundled ends its branch.
    """
    if direction not in ("back", "forward"):
        raise ValueError(f"direction must be 'back' or 'forward'; found {direction!r}")
    network = network or correspondence()
    network.node(document_id)  # KeyError naming the bundled ids
    seen, out, frontier, depth = {document_id}, [], [document_id], 1
    while frontier:
        following = []
        for current in frontier:
            for e in network.edges:
                here, there = (e.source, e.target) if direction == "back" else (e.target, e.source)
                if here != current:
                    continue
                out.append((depth, e))
                if there not in seen:
                    seen.add(there)
                    following.append(there)
        frontier, depth = following, depth + 1
    return out


def documents_table(network: Correspondence | None = None) -> list[dict[str, object]]:
    """One row per bundled document, in date order: id, number, date, from, to, and what was read of it."""
    network = network or correspondence()
    rows: list[dict[str, object]] = []
    for n in sorted(network.nodes, key=lambda n: (n.date or "", n.id)):
        witness = document_record(n.id).witness
        rows.append({
            "document": n.id, "number": n.number or "", "title": n.label, "date": n.date or "undated",
            "from": network.offices.get(n.sender or "", "unknown"), "to": network.offices.get(n.recipient or "", "unknown"),
            "witness": (f"partial: first {witness.characters:,} characters" if witness.is_partial else f"complete ({witness.characters:,} characters)")
            if witness is not None else "no witness record",
        })
    return rows
