"""The standoff layers of a document as W3C Web Annotations (JSON-LD).

Every argument unit of every reading, every mention of an entity and every dossier link
touching the document (when ``data/dossier/links.json`` exists) becomes one annotation whose target is the document's verbatim text (``data/documents/<id>/text.txt``,
named by its path in this repository) with two selectors that must agree: a
``TextPositionSelector`` (Unicode code points, end exclusive, as in the data) and a
``TextQuoteSelector`` (``exact`` with up to 32 characters of ``prefix`` and ``suffix``), so
a tool that reflows the text can still re-anchor it.  The ``scope`` is the FRUS web page the
text was taken from.  See https://www.w3.org/TR/annotation-model/.

A dossier link is a ``linking`` annotation: its target is the passage in this document, its
body the linked passage of the other document (a SpecificResource on that document's text, with
the same two selectors) and the link's type and rationale.  Relations between argument units are
not spans of the text and are not exported here (the AIF and Argdown exports carry them).
"""

from __future__ import annotations

from typing import Any

from kernel_utils.layers.argument.model import list_readings, load_reading
from kernel_utils.store.documents import document_record, load_document
from kernel_utils.store.entities import load_entities, load_mentions

__all__ = ["ANNO_CONTEXT", "web_annotations", "text_target", "CONTEXT_CHARS"]

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32


def text_target(document_id: str, text: str, start: int, end: int, scope: str | None) -> dict[str, Any]:
    """A SpecificResource on the verbatim text: position and quote selectors for ``text[start:end]``."""
    target: dict[str, Any] = {
        "type": "SpecificResource",
        "source": {"id": f"data/documents/{document_id}/text.txt", "type": "Text", "format": "text/plain", "language": "en"},
        "selector": [
            {"type": "TextPositionSelector", "start": start, "end": end},
            {"type": "TextQuoteSelector", "exact": text[start:end],
             "prefix": text[max(0, start - CONTEXT_CHARS):start], "suffix": text[end:end + CONTEXT_CHARS]},
        ],
    }
    if scope:
        target["scope"] = scope
    return target


def _link_annotations(document_id: str, scope: str | None) -> list[dict[str, Any]]:
    from kernel_utils.layers.dossier.links import LINKS_FILE, links_for
    from kernel_utils.store.paths import data_dir

    if not (data_dir() / LINKS_FILE).is_file():
        return []
    out = []
    for link in links_for(document_id):
        if document_id == link.source.document:
            here, there = link.source, link.target
        elif document_id == link.target.document:
            here, there = link.target, link.source
        else:
            continue  # the link only refers to this document by words elsewhere
        body: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": "describing", "value": f"{link.type}: {link.rationale}"}]
        other_text = load_document(there.document).text
        body.append(text_target(there.document, other_text, there.start, there.end, None))
        out.append({"id": f"#dossier/{link.id}", "type": "Annotation", "motivation": "linking", "body": body,
                    "target": text_target(document_id, load_document(document_id).text, here.start, here.end, scope)})
    return out


def _unit_annotations(document_id: str, text: str, scope: str | None) -> list[dict[str, Any]]:
    out = []
    for reading_id in list_readings(document_id):
        reading = load_reading(reading_id, document_id)
        for u in reading.units.values():
            if u.document not in ("", document_id):
                continue  # a unit of another document (a reading grounded in the exchange): not an annotation of this text
            body = [
                {"type": "TextualBody", "purpose": "classifying", "value": reading.vocabulary.unit_types[u.type].label},
                {"type": "TextualBody", "purpose": "describing", "value": u.rationale},
                {"type": "TextualBody", "purpose": "tagging", "value": reading.id},
            ]
            if u.implicit and u.reconstruction:
                body.append({"type": "TextualBody", "purpose": "commenting", "value": f"Implicit unit, reconstructed as: {u.reconstruction}"})
            out.append({"id": f"#{reading.id}/{u.id}", "type": "Annotation", "motivation": "classifying",
                        "creator": {"type": "Organization", "name": reading.annotator}, "label": u.label,
                        "body": body, "target": text_target(document_id, text, u.start, u.end, scope)})
    return out


def _mention_annotations(document_id: str, text: str, scope: str | None) -> list[dict[str, Any]]:
    entities = load_entities()
    out = []
    for m in load_mentions(document_id):
        entity = entities.get(m.entity)
        name = entity.name if entity else m.entity
        out.append({"id": f"#mentions/{m.id}", "type": "Annotation", "motivation": "identifying",
                    "body": [{"type": "TextualBody", "purpose": "identifying", "value": name},
                             {"type": "TextualBody", "purpose": "tagging", "value": f"entity:{m.entity}"}],
                    "target": text_target(document_id, text, m.start, m.end, scope)})
    return out


def web_annotations(document_id: str) -> dict[str, Any]:
    """An ``AnnotationCollection`` (one page) of every argument unit and mention of a bundled document."""
    text = load_document(document_id).text
    record = document_record(document_id)
    scope = getattr(record, "url", None)
    items = (_unit_annotations(document_id, text, scope) + _mention_annotations(document_id, text, scope)
             + _link_annotations(document_id, scope))
    return {"@context": ANNO_CONTEXT, "id": f"#{document_id}/annotations", "type": "AnnotationCollection",
            "label": f"Standoff annotations of {record.title} ({document_id}): argument units of each reading, entity mentions, dossier links",
            "total": len(items), "first": {"type": "AnnotationPage", "startIndex": 0, "items": items}}
