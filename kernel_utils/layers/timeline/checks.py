"""The rules of the timeline layer: what makes ``data/timeline/events.json`` valid.

Checked by ``python -m kernel_utils validate`` and on every load (:func:`~kernel_utils.layers.timeline.model.load_timeline`
reads through the same validator).  Beyond the schema: ids unique; every source, entity and
document an event cites exists; an event's dates are real and its end is not before its start;
its actors are named in the evidence it cites; the correspondence lane names a cited FRUS
document; general web pages alone cannot make an event certain; a passage link quotes its
document's exact words and does not claim hindsight (an event after a document's date only
'bears on' it); each ``knowledge`` entry gives what its category needs.  Nothing here names a
document: the date a passage link is judged against is the linked document's own ``date``
(``data/documents/<id>/document.json``).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Iterable, Iterator

from kernel_utils.errors import Problem
from kernel_utils.store.validation import (
    CheckContext,
    check_iso_date,
    check_quote,
    check_reference,
    check_unique_ids,
    record_label,
    register,
)

__all__ = ["TIMELINE_FILE", "WEAK_SOURCE_KINDS", "check_actors_named", "check_knowledge"]

TIMELINE_FILE = "timeline/events.json"

#: Source kinds that alone cannot carry confidence "high" (general web pages).
WEAK_SOURCE_KINDS = frozenset({"web-page"})
_BEFORE_RELATIONS = frozenset({"names", "alludes-to"})
_AFTER_RELATIONS = frozenset({"later-bears-on"})


def _entity_records(ctx: CheckContext) -> Iterator[dict]:
    """Every record with an id in every data/entities/*.json file (whatever layer wrote it).

    A file holds a list of records, or a list under ``entities``; an unreadable file (reported by
    its own rule) or a missing folder gives none.
    """
    for path in sorted((ctx.root / "entities").glob("*.json")):
        data = ctx.raw_json(path.relative_to(ctx.root).as_posix())
        records = data.get("entities") if isinstance(data, dict) else data
        if isinstance(records, list):
            yield from (r for r in records if isinstance(r, dict) and isinstance(r.get("id"), str))


def _entity_ids(ctx: CheckContext) -> set[str]:
    """Every entity id."""
    return {r["id"] for r in _entity_records(ctx)}


_NAME_HEAD = re.compile(r"[^\W\d_][\w .'’-]*")


def _entity_names(ctx: CheckContext) -> dict[str, set[str]]:
    """Entity id → the words that name it in a source: its name, its aliases, a person's surname."""
    names: dict[str, set[str]] = {}
    for r in _entity_records(ctx):
        if isinstance(r.get("name"), str):
            given = [r["name"], *[a for a in r.get("aliases", []) if isinstance(a, str)]]
            # each name's leading words only (no markup or notes: a head starts with a letter), and a person's surname
            heads = [m.group(0).strip() for m in map(_NAME_HEAD.match, given) if m]
            words = set(given) | set(heads)
            if r.get("type") == "person" and heads:
                words.add(heads[0].split()[-1])
            names[r["id"]] = words
    return names


def check_actors_named(
    event: dict, names: dict[str, set[str]], *, file: str, record: str, titles: dict[str, str] | None = None
) -> Iterator[Problem]:
    """Every actor of an event is named (by name, alias or surname) in the evidence the event cites.

    Why: an actor added from memory ("Pearson" at a call USUN made on Riddell) is a claim no
    source makes. The evidence of ``sources`` and of ``reported_to_washington.sources`` counts,
    and so does the heading of a cited FRUS document (its title in data/sources.json, e.g.
    "Delga 460, Austin to the Secretary of State"), which names sender and addressee.
    """
    titles = titles or {}
    refs = list(event.get("sources", [])) + list((event.get("reported_to_washington") or {}).get("sources", []))
    refs = [r for r in refs if isinstance(r, dict)]
    parts = [str(r["evidence"]) for r in refs if "evidence" in r]
    parts += [titles[str(r.get("source"))] for r in refs if str(r.get("source")) in titles]
    evidence = " ".join(" ".join(p.split()) for p in parts).casefold()
    flagged = set(event.get("actors_not_in_evidence", []))
    for i, actor in enumerate(event.get("actors", [])):
        words = names.get(actor)
        named = not words or any(w.casefold() in evidence for w in words)
        if not named and actor not in flagged:
            yield Problem(
                file,
                record,
                f"actors.{i}",
                f"an actor named in the event's evidence (as one of {', '.join(sorted(map(repr, words or ())))}), or listed in actors_not_in_evidence",
                repr(actor),
            )
        if named and actor in flagged:
            yield Problem(
                file,
                record,
                "actors_not_in_evidence",
                f"only actors the evidence does not name ({actor!r} is named in it)",
                repr(actor),
            )
    for actor in sorted(flagged - set(event.get("actors", []))):
        yield Problem(file, record, "actors_not_in_evidence", "ids that are among the event's actors", repr(actor))


def _source_titles(ctx: CheckContext) -> dict[str, str]:
    """Source id → title, for FRUS documents only (their titles give the printed heading)."""
    data = ctx.raw_json("sources.json")
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        return {}
    return {
        s["id"]: s.get("title", "")
        for s in data["sources"]
        if isinstance(s, dict) and s.get("kind") == "frus-document" and isinstance(s.get("id"), str)
    }


def _source_kinds(ctx: CheckContext) -> dict[str, str]:
    data = ctx.raw_json("sources.json")
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        return {}
    return {s["id"]: s.get("kind", "") for s in data["sources"] if isinstance(s, dict) and isinstance(s.get("id"), str)}


def _date(value: str) -> _dt.date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return _dt.date(parts[0], parts[1], parts[2])


def _check_sources(
    refs: Iterable[dict], known: set[str] | None, file: str, record: str, prefix: str
) -> Iterator[Problem]:
    for i, ref in enumerate(refs):
        yield from check_reference(
            ref.get("source"),
            known,
            file=file,
            record=record,
            field=f"{prefix}.{i}.source",
            what="source in data/sources.json",
        )


def _document_day(ctx: CheckContext, document_id: str) -> _dt.date | None:
    """A bundled document's date from its record, or ``None`` when unknown (its own rule reports why)."""
    record = ctx.raw_json(f"documents/{document_id}/document.json")
    value = record.get("date") if isinstance(record, dict) else None
    try:
        return _date(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _check_event(
    event: dict,
    index: int,
    ctx: CheckContext,
    sources: set[str] | None,
    kinds: dict[str, str],
    entities: set[str],
    names: dict[str, set[str]],
) -> Iterator[Problem]:
    """One event's problems. ``sources``, ``kinds``, ``entities`` and ``names`` (entity id → the words
    that name it) are read once per file by :func:`_check_timeline`."""
    file, record = ctx.file, record_label(event, index)
    precision = event["precision"]
    dates_ok = True
    for field in ("start", "end"):
        if field in event:
            found = list(check_iso_date(event[field], precision, file=file, record=record, field=field))
            dates_ok &= not found
            yield from found
    if dates_ok and "end" in event and _date(event["end"]) < _date(event["start"]):
        yield Problem(file, record, "end", f"a date on or after the start ({event['start']})", repr(event["end"]))
    for i, variant in enumerate(event.get("date_variants", [])):
        value = variant["date"]
        shape = "day" if len(value) == 10 else "month" if len(value) == 7 else "year"
        yield from check_iso_date(value, shape, file=file, record=record, field=f"date_variants.{i}.date")
        yield from check_reference(
            variant["source"],
            sources,
            file=file,
            record=record,
            field=f"date_variants.{i}.source",
            what="source in data/sources.json",
        )
    yield from _check_sources(event["sources"], sources, file, record, "sources")
    reported = event.get("reported_to_washington")
    if reported:
        if reported["when"] != "unknown":
            yield from check_iso_date(
                reported["when"], "day", file=file, record=record, field="reported_to_washington.when"
            )
        yield from _check_sources(reported["sources"], sources, file, record, "reported_to_washington.sources")
    for i, actor in enumerate(event["actors"]):
        yield from check_reference(
            actor, entities, file=file, record=record, field=f"actors.{i}", what="entity in data/entities/*.json"
        )
    # the titles of the sources name actors too; unreadable sources.json is reported once, on its own
    if sources is not None:
        yield from check_actors_named(event, names, file=file, record=record, titles=_source_titles(ctx))
    yield from check_knowledge(event, ctx, sources, file=file, record=record)
    # lanes: the correspondence lane names its FRUS document, which must be one of the sources cited
    document = event.get("frus_document")
    if event["lane"] == "correspondence":
        if document is None:
            yield Problem(
                file,
                record,
                "frus_document",
                "a FRUS document id for an event of the 'correspondence' lane",
                "it is missing",
            )
        elif document != "unknown" and document not in {r["source"] for r in event["sources"]}:
            yield Problem(
                file, record, "frus_document", "the id of a FRUS document the event cites in 'sources'", repr(document)
            )
    elif document is not None:
        yield Problem(
            file, record, "frus_document", "no FRUS document id outside the 'correspondence' lane", repr(document)
        )
    # confidence: general web pages alone cannot make an event certain
    if event["confidence"] == "high":
        cited = {kinds.get(r["source"]) for r in event["sources"]}
        if cited and cited <= WEAK_SOURCE_KINDS:
            yield Problem(
                file, record, "confidence", "'medium' or 'low' when every source is a general web page", "'high'"
            )
    # passages: exact words of the linked document; hindsight links only for events after its date
    for i, link in enumerate(event.get("telegram_passages", [])):
        doc = link["document"]
        yield from check_quote(
            ctx.document_text(doc),
            link["start"],
            link["end"],
            link["quote"],
            file=file,
            record=record,
            field=f"telegram_passages.{i}.quote",
            document=doc,
        )
        day = _document_day(ctx, doc)
        if dates_ok and day is not None:
            yield from _check_hindsight(
                link["relation"], _date(event["start"]), day, file, record, f"telegram_passages.{i}.relation"
            )


def _check_hindsight(
    relation: str, event_day: _dt.date, document_day: _dt.date, file: str, record: str, field: str
) -> Iterator[Problem]:
    """A document can name or allude to events up to its own date; later events only 'bear on' it."""
    if relation in _BEFORE_RELATIONS and event_day > document_day:
        yield Problem(
            file,
            record,
            field,
            f"'later-bears-on' for an event after the document's date {document_day.isoformat()} (its authors could not refer to it)",
            repr(relation),
        )
    if relation in _AFTER_RELATIONS and event_day <= document_day:
        yield Problem(
            file,
            record,
            field,
            f"'names' or 'alludes-to' for an event on or before the document's date {document_day.isoformat()}",
            repr(relation),
        )


#: What each kind of knowledge evidence must give besides its category.
_KNOWLEDGE_NEEDS = {
    "washington-document": ("document", "date", "quote"),
    "in-washington": ("sources",),
    "public": ("date", "sources"),
    "not-accessible": ("sources",),
}


def check_knowledge(
    event: dict, ctx: CheckContext, sources: set[str] | None, *, file: str, record: str
) -> Iterator[Problem]:
    """Each ``knowledge`` entry gives what its category needs; a document's quote is its exact words.

    A quote from a bundled document (data/documents/<id>/text.txt) must stand in that text; for a
    document not bundled, the tests check it against the stored page text.
    """
    for i, item in enumerate(event.get("knowledge", [])):
        where = f"knowledge.{i}"
        for needed in _KNOWLEDGE_NEEDS.get(item["category"], ()):
            if needed not in item:
                yield Problem(
                    file,
                    record,
                    f"{where}.{needed}",
                    f"a {needed} for evidence of category {item['category']!r}",
                    "it is missing",
                )
        if "date" in item:
            yield from check_iso_date(item["date"], "day", file=file, record=record, field=f"{where}.date")
        yield from _check_sources(item.get("sources", []), sources, file, record, f"{where}.sources")
        text = ctx.document_text(item["document"]) if "document" in item else None
        if text is not None and "quote" in item and " ".join(item["quote"].split()) not in " ".join(text.split()):
            yield Problem(
                file,
                record,
                f"{where}.quote",
                f"words that stand in {item['document']}'s text",
                repr(item["quote"][:80]),
            )


def _check_timeline(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    events = data["events"]
    yield from check_unique_ids(events, ctx.file, what="event")
    sources = ctx.source_ids()
    kinds = _source_kinds(ctx)
    entities = _entity_ids(ctx)
    yield from _check_sources(data.get("time_note", {}).get("sources", []), sources, ctx.file, "time_note", "sources")
    names = _entity_names(ctx)
    for index, event in enumerate(events):
        yield from _check_event(event, index, ctx, sources, kinds, entities, names)


register(
    TIMELINE_FILE, "timeline.schema.json", _check_timeline, description="the timeline of events and correspondence"
)
