"""The timeline layer: dated events around telegram 602 and what Washington could know when.

``data/timeline/events.json`` holds events from June 1950 to February 1951 in two
lanes: ``events`` (the war, the UN, Washington, Peking, other diplomacy) and
``correspondence`` (the FRUS telegrams and memoranda around the telegram, each
by its FRUS document id).  Each date is the *local* date of the event's
``local_place``: Korea lies across the date line from Washington, so a Korean
date can be Washington's next day.  Sources that disagree on a date are kept
side by side (``date_variants``), never reconciled silently.

This module registers the layer's validation rules (one set of rules, used by
``python -m kernel_utils validate`` and on every load), turns the events into a
pandas DataFrame with real datetime columns, filters it, and computes the
*knowledge horizon*: which events had happened, and which had been reported to
Washington, by a given day (by default the telegram's date).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Sequence

import pandas as pd

from kernel_utils.errors import Problem
from kernel_utils.store.validation import (
    CheckContext,
    check_iso_date,
    check_quote,
    check_reference,
    check_unique_ids,
    load_validated,
    record_label,
    register,
)

__all__ = [
    "CATEGORIES",
    "LANES",
    "TELEGRAM_DATE",
    "TIMELINE_FILE",
    "HorizonStatus",
    "EVIDENCE_CATEGORIES",
    "knowledge_evidence",
    "load_timeline",
    "events_frame",
    "filter_events",
    "knowledge_horizon",
    "event_detail",
    "passage_links",
    "date_disagreements",
]

TIMELINE_FILE = "timeline/events.json"
#: The telegram's date (from the date suffix of its file designation 320.2/12–2050; see its document.json).
TELEGRAM_DATE = "1950-12-20"
TELEGRAM_ID = "frus1950v07-d1077"

CATEGORIES = ("war", "un", "washington", "peking", "diplomacy")
LANES = ("events", "correspondence")

#: Places whose local date is Washington's date (same time zone).
SAME_DATE_AS_WASHINGTON = frozenset({"Washington", "New York", "Lake Success"})
#: Places ahead of Washington (Asia, Europe): their local date D is Washington's D-1 or D.
AHEAD_OF_WASHINGTON = frozenset({"Korea", "Tokyo", "Peking", "New Delhi", "London", "Brussels"})

#: Source kinds that alone cannot carry confidence "high" (general web pages).
WEAK_SOURCE_KINDS = frozenset({"web-page"})
_BEFORE_RELATIONS = frozenset({"names", "alludes-to"})
_AFTER_RELATIONS = frozenset({"later-bears-on"})


# --------------------------------------------------------------------------- validation
def _entity_ids(ctx: CheckContext) -> set[str]:
    """Every entity id in every data/entities/*.json file (whatever layer wrote it)."""
    ids: set[str] = set()
    folder = ctx.root / "entities"
    if not folder.is_dir():
        return ids
    for path in sorted(folder.glob("*.json")):
        data = ctx.raw_json(path.relative_to(ctx.root).as_posix())
        records = data.get("entities") if isinstance(data, dict) else data
        if isinstance(records, list):
            ids.update(r["id"] for r in records if isinstance(r, dict) and isinstance(r.get("id"), str))
    return ids


_NAME_HEAD = re.compile(r"[^\W\d_][\w .'’-]*")


def _entity_names(ctx: CheckContext) -> dict[str, set[str]]:
    """Entity id → the words that name it in a source: its name, its aliases, a person's surname."""
    names: dict[str, set[str]] = {}
    folder = ctx.root / "entities"
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        data = ctx.raw_json(path.relative_to(ctx.root).as_posix())
        records = data.get("entities") if isinstance(data, dict) else data
        for r in records if isinstance(records, list) else []:
            if isinstance(r, dict) and isinstance(r.get("id"), str) and isinstance(r.get("name"), str):
                given = [r["name"], *[a for a in r.get("aliases", []) if isinstance(a, str)]]
                # each name's leading words only (no markup or notes), and a person's surname
                heads = [m.group(0).strip() for m in map(_NAME_HEAD.match, given) if m and m.group(0).strip()]
                words = set(given) | set(heads)
                if r.get("type") == "person" and heads:
                    words.add(heads[0].split()[-1])
                names[r["id"]] = words
    return names


def check_actors_named(event: dict, names: dict[str, set[str]], *, file: str, record: str, titles: dict[str, str] | None = None) -> Iterator[Problem]:
    """Every actor of an event is named (by name, alias or surname) in the evidence the event cites.

    Why: an actor added from memory ("Pearson" at a call USUN made on Riddell) is a claim no
    source makes. The evidence of ``sources`` and of ``reported_to_washington.sources`` counts,
    and so does the heading of a cited FRUS document (its title in data/sources.json, e.g.
    "Delga 460, Austin to the Secretary of State"), which names sender and addressee.
    """
    titles = titles or {}
    refs = list(event.get("sources", [])) + list((event.get("reported_to_washington") or {}).get("sources", []))
    parts = [str(r.get("evidence", "")) for r in refs if isinstance(r, dict)]
    parts += [titles.get(r.get("source"), "") for r in refs if isinstance(r, dict)]
    evidence = " ".join(" ".join(p.split()) for p in parts).casefold()
    flagged = set(event.get("actors_not_in_evidence", []))
    for i, actor in enumerate(event.get("actors", [])):
        words = names.get(actor)
        named = not words or any(w.casefold() in evidence for w in words)
        if not named and actor not in flagged:
            yield Problem(file, record, f"actors.{i}", f"an actor named in the event's evidence (as one of {', '.join(sorted(map(repr, words)))}), or listed in actors_not_in_evidence", repr(actor))
        if named and actor in flagged:
            yield Problem(file, record, "actors_not_in_evidence", f"only actors the evidence does not name ({actor!r} is named in it)", repr(actor))
    for actor in sorted(flagged - set(event.get("actors", []))):
        yield Problem(file, record, "actors_not_in_evidence", "ids that are among the event's actors", repr(actor))


def _source_titles(ctx: CheckContext) -> dict[str, str]:
    """Source id → title, for FRUS documents only (their titles give the printed heading)."""
    data = ctx.raw_json("sources.json")
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        return {}
    return {s["id"]: s.get("title", "") for s in data["sources"] if isinstance(s, dict) and s.get("kind") == "frus-document" and isinstance(s.get("id"), str)}


def _source_kinds(ctx: CheckContext) -> dict[str, str]:
    data = ctx.raw_json("sources.json")
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        return {}
    return {s["id"]: s.get("kind", "") for s in data["sources"] if isinstance(s, dict) and isinstance(s.get("id"), str)}


def _date(value: str) -> _dt.date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return _dt.date(parts[0], parts[1], parts[2])


def _check_sources(refs: Iterable[dict], known: set[str], file: str, record: str, prefix: str) -> Iterator[Problem]:
    for i, ref in enumerate(refs):
        yield from check_reference(ref.get("source"), known, file=file, record=record, field=f"{prefix}.{i}.source", what="source in data/sources.json")


def _check_event(event: dict, index: int, ctx: CheckContext, sources: set[str], kinds: dict[str, str], entities: set[str], telegram_day: _dt.date, names: dict[str, set[str]] | None = None) -> Iterator[Problem]:
    file, record = ctx.file, record_label(event, index)
    names = names if names is not None else _entity_names(ctx)
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
        yield from check_reference(variant["source"], sources, file=file, record=record, field=f"date_variants.{i}.source", what="source in data/sources.json")
    yield from _check_sources(event["sources"], sources, file, record, "sources")
    reported = event.get("reported_to_washington")
    if reported:
        if reported["when"] != "unknown":
            yield from check_iso_date(reported["when"], "day", file=file, record=record, field="reported_to_washington.when")
        yield from _check_sources(reported["sources"], sources, file, record, "reported_to_washington.sources")
    for i, actor in enumerate(event["actors"]):
        yield from check_reference(actor, entities, file=file, record=record, field=f"actors.{i}", what="entity in data/entities/*.json")
    yield from check_actors_named(event, names, file=file, record=record, titles=_source_titles(ctx))
    yield from check_knowledge(event, ctx, sources, file=file, record=record)
    # lanes: the correspondence lane names its FRUS document, which must be one of the sources cited
    document = event.get("frus_document")
    if event["lane"] == "correspondence":
        if document is None:
            yield Problem(file, record, "frus_document", "a FRUS document id for an event of the 'correspondence' lane", "it is missing")
        elif document != "unknown" and document not in {r["source"] for r in event["sources"]}:
            yield Problem(file, record, "frus_document", "the id of a FRUS document the event cites in 'sources'", repr(document))
    elif document is not None:
        yield Problem(file, record, "frus_document", "no FRUS document id outside the 'correspondence' lane", repr(document))
    # confidence: general web pages alone cannot make an event certain
    if event["confidence"] == "high":
        cited = {kinds.get(r["source"]) for r in event["sources"]}
        if cited and cited <= WEAK_SOURCE_KINDS:
            yield Problem(file, record, "confidence", "'medium' or 'low' when every source is a general web page", "'high'")
    # passages: exact words of the telegram; hindsight links only for later events
    for i, link in enumerate(event.get("telegram_passages", [])):
        doc = link["document"]
        yield from check_quote(ctx.document_text(doc), link["start"], link["end"], link["quote"], file=file, record=record, field=f"telegram_passages.{i}.quote", document=doc)
        if not dates_ok:
            continue
        first_day = _date(event["start"])
        if link["relation"] in _BEFORE_RELATIONS and first_day > telegram_day:
            yield Problem(file, record, f"telegram_passages.{i}.relation", f"'later-bears-on' for an event after the telegram's date {telegram_day.isoformat()} (its authors could not refer to it)", repr(link["relation"]))
        if link["relation"] in _AFTER_RELATIONS and first_day <= telegram_day:
            yield Problem(file, record, f"telegram_passages.{i}.relation", f"'names' or 'alludes-to' for an event on or before the telegram's date {telegram_day.isoformat()}", repr(link["relation"]))


#: What each kind of knowledge evidence must give besides its category.
_KNOWLEDGE_NEEDS = {
    "washington-document": ("document", "date", "quote"),
    "in-washington": ("sources",),
    "public": ("date", "sources"),
    "not-accessible": ("sources",),
}


def check_knowledge(event: dict, ctx: CheckContext, sources: set[str], *, file: str, record: str) -> Iterator[Problem]:
    """Each ``knowledge`` entry gives what its category needs; a document's quote is its exact words.

    A quote from a bundled document (data/documents/<id>/text.txt) must stand in that text; for a
    document not bundled, the tests check it against the stored page text.
    """
    for i, item in enumerate(event.get("knowledge", [])):
        where = f"knowledge.{i}"
        for needed in _KNOWLEDGE_NEEDS.get(item["category"], ()):
            if needed not in item:
                yield Problem(file, record, f"{where}.{needed}", f"a {needed} for evidence of category {item['category']!r}", "it is missing")
        if "date" in item:
            yield from check_iso_date(item["date"], "day", file=file, record=record, field=f"{where}.date")
        yield from _check_sources(item.get("sources", []), sources, file, record, f"{where}.sources")
        text = ctx.document_text(item["document"]) if "document" in item else None
        if text is not None and "quote" in item and " ".join(item["quote"].split()) not in " ".join(text.split()):
            yield Problem(file, record, f"{where}.quote", f"words that stand in {item['document']}'s text", repr(item["quote"][:80]))


def _check_timeline(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    events = data["events"]
    yield from check_unique_ids(events, ctx.file, what="event")
    sources = ctx.source_ids()
    kinds = _source_kinds(ctx)
    entities = _entity_ids(ctx)
    yield from _check_sources(data.get("time_note", {}).get("sources", []), sources, ctx.file, "time_note", "sources")
    telegram_day = _date(TELEGRAM_DATE)
    names = _entity_names(ctx)
    for index, event in enumerate(events):
        yield from _check_event(event, index, ctx, sources, kinds, entities, telegram_day, names)


register(TIMELINE_FILE, "timeline.schema.json", _check_timeline, description="the timeline of events and correspondence")


# --------------------------------------------------------------------------- loading
def load_timeline() -> dict[str, Any]:
    """The validated contents of ``data/timeline/events.json``."""
    return load_validated(TIMELINE_FILE)


_COLUMNS = [
    "id", "start", "end", "precision", "local_place", "category", "lane", "title", "description",
    "actors", "also_named", "sources", "frus_document", "confidence", "date_variants", "reported_when",
    "reported_basis", "reported_how", "passages", "knowledge",
]


def events_frame(data: dict[str, Any] | None = None) -> pd.DataFrame:
    """The events as a DataFrame sorted by start date.

    ``start`` and ``end`` are ``datetime64`` columns (``end`` equals ``start`` for one-day
    events); ``reported_when`` is a datetime or ``NaT`` when the reporting date is unknown.
    List-valued fields (actors, source ids, date variants) are tuples.
    """
    data = data if data is not None else load_timeline()
    rows = []
    for e in data["events"]:
        reported = e.get("reported_to_washington") or {}
        when = reported.get("when")
        rows.append({
            "id": e["id"],
            "start": e["start"],
            "end": e.get("end", e["start"]),
            "precision": e["precision"],
            "local_place": e["local_place"],
            "category": e["category"],
            "lane": e["lane"],
            "title": e["title"],
            "description": e["description"],
            "actors": tuple(e["actors"]),
            "also_named": tuple(e.get("also_named", ())),
            "sources": tuple(r["source"] for r in e["sources"]),
            "frus_document": e.get("frus_document"),
            "confidence": e["confidence"],
            "date_variants": tuple(v["date"] for v in e.get("date_variants", ())),
            "reported_when": when if when and when != "unknown" else None,
            "reported_basis": reported.get("basis"),
            "reported_how": reported.get("how"),
            "passages": len(e.get("telegram_passages", ())),
            "knowledge": tuple(e.get("knowledge", ())),
        })
    frame = pd.DataFrame(rows, columns=_COLUMNS)
    for column in ("start", "end", "reported_when"):
        frame[column] = pd.to_datetime(frame[column], format="mixed")
    frame["category"] = pd.Categorical(frame["category"], categories=list(CATEGORIES))
    frame["lane"] = pd.Categorical(frame["lane"], categories=list(LANES))
    return frame.sort_values(["start", "id"], kind="stable").reset_index(drop=True)


def _as_timestamp(value: Any) -> pd.Timestamp:
    return pd.Timestamp(value)


def filter_events(
    frame: pd.DataFrame,
    *,
    start: Any = None,
    end: Any = None,
    categories: Sequence[str] | None = None,
    lanes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Events overlapping the date range [start, end] (inclusive), in the given categories and lanes.

    ``None`` means no limit. Unknown category or lane names raise ``ValueError`` naming the valid ones.
    """
    for given, valid, what in ((categories, CATEGORIES, "category"), (lanes, LANES, "lane")):
        unknown = sorted(set(given or ()) - set(valid))
        if unknown:
            raise ValueError(f"unknown {what} {', '.join(map(repr, unknown))}; expected one of {', '.join(valid)}")
    mask = pd.Series(True, index=frame.index)
    if start is not None:
        mask &= frame["end"] >= _as_timestamp(start)
    if end is not None:
        mask &= frame["start"] <= _as_timestamp(end)
    if categories is not None:
        mask &= frame["category"].isin(list(categories))
    if lanes is not None:
        mask &= frame["lane"].isin(list(lanes))
    return frame[mask].reset_index(drop=True)


# --------------------------------------------------------------------------- knowledge horizon
@dataclass(frozen=True)
class HorizonStatus:
    """The words the horizon uses (kept in one place so notebooks and tests agree)."""

    HAPPENED = "yes"
    POSSIBLY = "possibly (date line)"
    NOT_YET = "no"
    IN_WASHINGTON = "took place in Washington"
    REPORTED = "reported by then"
    LATER = "reported later"
    UNKNOWN = "reporting time unknown"
    NOT_APPLICABLE = "not yet happened"
    DOCUMENT = "shown known by a Washington document"
    PUBLIC = "public at the time"
    NOT_ACCESSIBLE = "not accessible to Washington"


#: The kind of evidence behind each answer of the horizon (column ``evidence``).
EVIDENCE_CATEGORIES = {
    "receipt-line": "a receipt line or the dated report that brought the news to Washington",
    "washington-document": "a document sent by or to the Department, dated on or before the moment, that shows the event known",
    "in-washington": "took place in Washington, or with Washington participants, as the evidence says",
    "public": "public at the time (sourced)",
    "not-accessible": "the other side's internal communications: Washington could not read them",
    "unknown": "the sources read do not show whether Washington knew",
    "not-yet": "had not happened by then",
    "later": "reached Washington only after the moment",
}


def knowledge_evidence(start: pd.Timestamp, place: str, happened: str, reported_when: Any, reported_basis: Any, knowledge: Iterable[dict] | None, moment: pd.Timestamp) -> tuple[str, str, str]:
    """For one event at ``moment``: (horizon answer, evidence category, detail naming the evidence).

    Order of precedence: took place in Washington; a receipt line (or report) dated by then; a
    Washington document dated by then (an explicit ``knowledge`` entry, or a 'known-by' report);
    public by then; not accessible; else unknown (or 'reported later' when the first report is later).
    """
    if happened == HorizonStatus.NOT_YET:
        return HorizonStatus.NOT_APPLICABLE, "not-yet", ""
    items = list(knowledge or ())
    dated = lambda cat: sorted((i for i in items if i["category"] == cat and "date" in i and pd.Timestamp(i["date"]) <= moment), key=lambda i: i["date"])  # noqa: E731
    inside = [i for i in items if i["category"] == "in-washington"]
    if place == "Washington" or inside:
        detail = "; ".join(r["evidence"] for i in inside for r in i.get("sources", ())[:1])
        return HorizonStatus.IN_WASHINGTON, "in-washington", detail
    has_report = reported_when is not None and not pd.isna(reported_when)
    if has_report and reported_when <= moment and reported_basis == "report":
        return HorizonStatus.REPORTED, "receipt-line", f"reported {reported_when:%Y-%m-%d}"
    documents = dated("washington-document")
    if documents:
        first = documents[0]
        return HorizonStatus.DOCUMENT, "washington-document", f"{first['document']} ({first['date']}): “{first['quote']}”"
    if has_report and reported_when <= moment:  # a 'known-by' report dated by then is itself such a document
        return HorizonStatus.DOCUMENT, "washington-document", f"known by {reported_when:%Y-%m-%d}"
    public = dated("public")
    if public:
        return HorizonStatus.PUBLIC, "public", f"public by {public[0]['date']}: {public[0]['sources'][0]['evidence']}"
    if any(i["category"] == "not-accessible" for i in items):
        return HorizonStatus.NOT_ACCESSIBLE, "not-accessible", next(i.get("note", "") for i in items if i["category"] == "not-accessible")
    if has_report and reported_basis == "report":
        return HorizonStatus.LATER, "later", f"reported {reported_when:%Y-%m-%d}"
    return HorizonStatus.UNKNOWN, "unknown", ""


def _happened(start: pd.Timestamp, place: str, moment: pd.Timestamp) -> str:
    """Had an event with this local start date happened by the end of ``moment`` (a Washington date)?

    A local date D in Asia or Europe is Washington's D-1 or D; the sources give Korea's lead
    on daylight time (13 hours), the winter lead (14 hours) only by inference, and an event's
    hour is rarely known, so the edge day is left open: 'possibly'.
    """
    if start <= moment:
        return HorizonStatus.HAPPENED
    if place in AHEAD_OF_WASHINGTON and start == moment + pd.Timedelta(days=1):
        return HorizonStatus.POSSIBLY
    return HorizonStatus.NOT_YET


def knowledge_horizon(frame: pd.DataFrame, moment: Any = TELEGRAM_DATE) -> pd.DataFrame:
    """Add two columns to the events: ``happened`` and ``known_in_washington`` by the end of ``moment``.

    ``happened``: 'yes', 'no', or 'possibly (date line)' for an event dated the next local day
    in Asia or Europe.  ``known_in_washington``: 'took place in Washington' (events whose place
    is Washington), 'reported by then' / 'reported later' (from ``reported_to_washington``; a
    'known-by' date after the moment proves nothing about the moment, so it counts as unknown),
    'reporting time unknown' where the sources do not say, or 'not yet happened'; and, from the
    event's ``knowledge`` entries, 'shown known by a Washington document' (a document dated on
    or before the moment), 'public at the time', 'not accessible to Washington'.
    ``evidence`` names the kind of evidence (see ``EVIDENCE_CATEGORIES``) and ``evidence_detail``
    the document and its words.  Also ``could_know``: True when Washington could have known of
    the event by then (happened, not reported only later, not the other side's internal
    communications) — the filter of the notebook's horizon switch.
    """
    moment_ts = _as_timestamp(moment).normalize()
    out = frame.copy()
    happened = [_happened(s, p, moment_ts) for s, p in zip(out["start"], out["local_place"])]
    knowledge = out["knowledge"] if "knowledge" in out else [()] * len(out)
    answers = [
        knowledge_evidence(s, p, h, w, b, k, moment_ts)
        for s, p, h, w, b, k in zip(out["start"], out["local_place"], happened, out["reported_when"], out["reported_basis"], knowledge)
    ]
    out["happened"] = happened
    out["known_in_washington"] = [a[0] for a in answers]
    out["evidence"] = [a[1] for a in answers]
    out["evidence_detail"] = [a[2] for a in answers]
    out["could_know"] = [
        h != HorizonStatus.NOT_YET and a[1] not in ("later", "not-accessible") for h, a in zip(happened, answers)
    ]
    return out


# --------------------------------------------------------------------------- one event
def event_detail(event_id: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """The full record of one event (raises ``KeyError`` naming a few valid ids if unknown)."""
    data = data if data is not None else load_timeline()
    for event in data["events"]:
        if event["id"] == event_id:
            return event
    sample = ", ".join(e["id"] for e in data["events"][:5])
    raise KeyError(f"no event {event_id!r} in {TIMELINE_FILE} (e.g. {sample} …)")


def passage_links(data: dict[str, Any] | None = None) -> pd.DataFrame:
    """Every link from an event to words of the telegram: event, date, relation, offsets, quote."""
    data = data if data is not None else load_timeline()
    rows = [
        {"event": e["id"], "start_date": e["start"], "relation": link["relation"],
         "start": link["start"], "end": link["end"], "quote": link["quote"]}
        for e in data["events"] for link in e.get("telegram_passages", ())
    ]
    frame = pd.DataFrame(rows, columns=["event", "start_date", "relation", "start", "end", "quote"])
    frame["start_date"] = pd.to_datetime(frame["start_date"])
    return frame.sort_values(["start", "start_date", "event"], kind="stable").reset_index(drop=True)


def date_disagreements(data: dict[str, Any] | None = None) -> pd.DataFrame:
    """Where sources disagree on a date: the date kept, its first source, and each other date with its source."""
    data = data if data is not None else load_timeline()
    rows = []
    for e in data["events"]:
        for v in e.get("date_variants", ()):
            rows.append({
                "event": e["id"], "title": e["title"], "date_kept": e["start"], "end_kept": e.get("end"),
                "kept_source": e["sources"][0]["source"], "other_date": v["date"], "other_source": v["source"],
                "other_evidence": v["evidence"],
            })
    return pd.DataFrame(rows, columns=["event", "title", "date_kept", "end_kept", "kept_source", "other_date", "other_source", "other_evidence"])
