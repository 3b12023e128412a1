"""Entities and their mentions: who and what telegram 602 names or implies, and where.

Entities live in ``data/entities/*.json`` (several files, one id space: an id
may not be used twice across the files) and are merged by :func:`load_entities`.
Mentions are standoff annotations in ``data/documents/<id>/mentions.json``:
character offsets into the verbatim text plus the exact words, checked on load.
Every occurrence of an entity's aliases in a text is expected to be annotated
(:func:`unannotated_occurrences` lists any that are not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from kernel_utils.store.documents import default_document
from kernel_utils.errors import Problem
from kernel_utils.store.evidence import SourceRef, check_source_refs, check_status_support, source_refs
from kernel_utils.store.paths import data_dir, display_path
from kernel_utils.store.validation import CheckContext, check_quote, check_reference, check_unique_ids, load_validated, record_label, register

__all__ = [
    "Entity", "Mention", "load_entities", "load_mentions", "entity_files", "alias_occurrences",
    "unannotated_occurrences", "mentions_table", "entity_ids_in_files",
]


@dataclass(frozen=True)
class Entity:
    """A person, organisation, state, place or group, with its role in December 1950."""

    id: str
    name: str
    type: str
    role: str
    role_status: str
    role_sources: tuple[SourceRef, ...]
    role_reasoning: str | None
    aliases: tuple[str, ...]
    implied: bool
    note: str | None
    file: str
    modern_spelling: str | None = None          # today's spelling of a period name (Zhou Enlai), if it differs
    modern_spelling_status: str | None = None   # verified (a source read uses it) | inferred (basis: the romanisation)
    modern_spelling_basis: str | None = None
    name_status: str = "verified"               # verified (a source read states the full name) | inferred (see name_basis)
    name_basis: str | None = None


@dataclass(frozen=True)
class Mention:
    """One mention of an entity: ``text[start:end] == quote`` in the document's verbatim text."""

    id: str
    entity: str
    start: int
    end: int
    quote: str
    document: str


# --------------------------------------------------------------------------- rules
def entity_ids_in_files(ctx: CheckContext) -> dict[str, list[str]]:
    """Every entity id in ``data/entities/*.json`` (read raw) → the files that define it."""
    found: dict[str, list[str]] = {}
    folder = ctx.root / "entities"
    for path in sorted(folder.glob("*.json")):  # no folder: no files
        data = ctx.raw_json(f"entities/{path.name}")
        records = data.get("entities") if isinstance(data, dict) else None
        for record in records if isinstance(records, list) else []:
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                found.setdefault(record["id"], []).append(f"data/entities/{path.name}")
    return found


def _normalized(text: str) -> str:
    return " ".join(text.split())


def check_name_expansion(entity: dict[str, Any], ctx: CheckContext, *, record: str) -> Iterator[Problem]:
    """A person's full name counts as verified only if the evidence cited for it contains it.

    Why: "John C. Ross" from a source that says only "Ross" is an inference, and must say so
    (``name_status: "inferred"`` with ``name_basis``).
    """
    if entity.get("type") != "person":
        return
    role_status = entity.get("role_in_dec_1950", {}).get("status")
    status = entity.get("name_status", "verified" if role_status == "verified" else "unclaimed")
    if status == "inferred":
        if not entity.get("name_basis"):
            yield Problem(ctx.file, record, "name_basis", "what the sources give and where the inferred expansion comes from", "none")
        return
    if status != "verified":
        return
    refs = list(entity.get("name_sources", [])) + list(entity.get("role_in_dec_1950", {}).get("sources", []))
    name = _normalized(entity["name"])
    if not any(isinstance(r, dict) and name in _normalized(str(r.get("evidence", ""))) for r in refs):
        yield Problem(ctx.file, record, "name", "a name stated in the evidence of name_sources or role sources (else name_status 'inferred' with name_basis)", repr(entity["name"]))


def _check_entities(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    records = data["entities"]
    yield from check_unique_ids(records, ctx.file, what="entity")
    everywhere = entity_ids_in_files(ctx)
    for index, entity in enumerate(records):
        label = record_label(entity, index)
        others = [f for f in everywhere.get(entity["id"], []) if f != ctx.file]
        if others:
            yield Problem(ctx.file, label, "id", "an entity id used in no other file of data/entities/", f"{entity['id']!r}, also defined in {', '.join(sorted(set(others)))}")
        role = entity["role_in_dec_1950"]
        yield from check_status_support(role["status"], role["sources"], role.get("reasoning"), role["text"], ctx, record=label, field="role_in_dec_1950", value_field="text")
        yield from check_source_refs(role["sources"], ctx, record=label, field="role_in_dec_1950.sources")
        yield from check_name_expansion(entity, ctx, record=label)
        yield from check_source_refs(entity.get("name_sources", []), ctx, record=label, field="name_sources")
        modern = entity.get("modern_spelling")
        if modern:
            if modern["status"] == "verified" and not modern.get("sources"):
                yield Problem(ctx.file, label, "modern_spelling.sources", "a source read that uses the modern spelling (status verified)", "no source")
            yield from check_source_refs(modern.get("sources", []), ctx, record=label, field="modern_spelling.sources")
        if len(set(entity.get("aliases", []))) != len(entity.get("aliases", [])):
            yield Problem(ctx.file, label, "aliases", "each alias once", repr(entity["aliases"]))


def _check_mentions(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    folder = ctx.file.split("/")[-2] if "/" in ctx.file else ""
    if data["document"] != folder:
        yield Problem(ctx.file, "", "document", f"the id of the document folder holding this file ({folder!r})", repr(data["document"]))
        return
    text = ctx.document_text(data["document"])
    known = set(entity_ids_in_files(ctx))
    yield from check_unique_ids(data["mentions"], ctx.file, what="mention")
    for index, mention in enumerate(data["mentions"]):
        label = record_label(mention, index)
        yield from check_reference(mention["entity"], known, file=ctx.file, record=label, field="entity", what="entity in data/entities/*.json")
        yield from check_quote(text, mention["start"], mention["end"], mention["quote"], file=ctx.file, record=label, document=data["document"])


register("entities/*.json", "entities.schema.json", _check_entities, description="people, organisations, places and groups")
register("documents/*/mentions.json", "mentions.schema.json", _check_mentions, description="mentions of entities in a bundled text")


# --------------------------------------------------------------------------- loading
def entity_files() -> list[str]:
    """The entity files, relative to ``data/`` (``entities/*.json``), in name order."""
    folder = data_dir() / "entities"
    return [f"entities/{p.name}" for p in sorted(folder.glob("*.json"))]  # no folder: no files


def load_entities() -> dict[str, Entity]:
    """Every entity from every file in ``data/entities/``, merged, by id (each file validated on load).

    Raises :class:`~kernel_utils.errors.DataValidationError` when a file breaks the rules,
    including an id defined in two files.
    """
    merged: dict[str, Entity] = {}
    for relative in entity_files():
        data = load_validated(relative)
        shown = display_path(data_dir() / relative)
        for e in data["entities"]:
            role = e["role_in_dec_1950"]
            merged[e["id"]] = Entity(
                id=e["id"], name=e["name"], type=e["type"], role=role["text"], role_status=role["status"],
                role_sources=source_refs(role["sources"]), role_reasoning=role.get("reasoning"),
                aliases=tuple(e.get("aliases", ())), implied=bool(e.get("implied", False)), note=e.get("note"), file=shown,
                modern_spelling=(e.get("modern_spelling") or {}).get("value"),
                modern_spelling_status=(e.get("modern_spelling") or {}).get("status"),
                modern_spelling_basis=(e.get("modern_spelling") or {}).get("basis"),
                name_status=e.get("name_status", "verified"), name_basis=e.get("name_basis"),
            )
    return merged


def load_mentions(document_id: str | None = None) -> tuple[Mention, ...]:
    """The mentions annotated in a bundled document, in text order (validated on load)."""
    document_id = document_id or default_document()
    data = load_validated(f"documents/{document_id}/mentions.json")
    mentions = [Mention(m["id"], m["entity"], m["start"], m["end"], m["quote"], data["document"]) for m in data["mentions"]]
    return tuple(sorted(mentions, key=lambda m: (m.start, -m.end, m.id)))


def alias_occurrences(text: str, alias: str) -> list[tuple[int, int]]:
    """Where ``alias`` stands in ``text`` as whole words (case-sensitive): (start, end) pairs.

    'Korea' is found in "Korea’s" (an apostrophe ends a word) but not in "Korean".
    """
    pattern = re.compile(r"(?<!\w)" + re.escape(alias) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def unannotated_occurrences(document_id: str | None = None) -> list[tuple[str, str, int, int]]:
    """Occurrences of an entity's aliases in the text with no mention of that entity at those offsets:
    (entity id, alias, start, end).  Empty when the annotation is complete."""
    document_id = document_id or default_document()
    from kernel_utils.store.documents import load_document

    text = load_document(document_id).text
    annotated = {(m.entity, m.start, m.end) for m in load_mentions(document_id)}
    missing = []
    for entity in load_entities().values():
        for alias in entity.aliases:
            for start, end in alias_occurrences(text, alias):
                if (entity.id, start, end) not in annotated:
                    missing.append((entity.id, alias, start, end))
    return missing


def mentions_table(document_id: str | None = None):
    """The mentions as a pandas DataFrame, one row per mention, with the entity's name and type
    and the paragraph the mention stands in ("head" for the heading lines, "signature")."""
    document_id = document_id or default_document()
    import pandas as pd

    from kernel_utils.store.documents import load_document

    doc = load_document(document_id)
    entities = load_entities()
    rows = []
    for m in load_mentions(document_id):
        paragraph = next((p.id for p in doc.paragraphs if p.start <= m.start < p.end), None)
        if paragraph is None:
            paragraph = "signature" if doc.paragraphs and m.start >= doc.paragraphs[-1].end else "head"
        e = entities[m.entity]
        rows.append({"id": m.id, "entity": m.entity, "name": e.name, "type": e.type, "quote": m.quote, "start": m.start, "end": m.end, "paragraph": paragraph})
    return pd.DataFrame(rows, columns=["id", "entity", "name", "type", "quote", "start", "end", "paragraph"]).set_index("id")
