"""Which FRUS document a reference designates: the resolution table (data) and the rules that use it.

The table, ``data/dossier/telegrams.json`` (schema ``dossier-telegrams.schema.json``), says which
telegram (sender office → recipient office, series, number) is which FRUS document, each entry
sourced: the target's own number and date as read in its text, or a FRUS footnote, or the
project's source register.  Nothing about any one telegram is written in this code.

A reference is resolved by the offices its series word implies (``Deptel`` in a telegram from New
Delhi is a Department telegram to New Delhi; ``urtel`` is the addressee's telegram) and its number.
Where the date a reference gives differs from the target's own date, or from the date another
reference gives the same telegram, both are kept and the status says ``date-disagrees``.
``reftel`` takes the target of the document's reference line (its first reference).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from kernel_utils.errors import Problem
from kernel_utils.layers.dossier.references import Reference
from kernel_utils.store.validation import (
    CheckContext,
    check_iso_date,
    check_unique_ids,
    load_validated,
    register,
)

__all__ = [
    "STATUSES",
    "Office",
    "ResolutionTable",
    "TelegramEntry",
    "load_resolution_table",
    "mark_date_disagreements",
    "office_of",
    "resolve_references",
    "table_from_json",
]

TABLE_FILE = "dossier/telegrams.json"
#: Every status a resolved reference can have.
STATUSES = ("resolved", "date-disagrees", "unresolved")


@dataclass(frozen=True)
class Office:
    """A party to the correspondence: the Department, a mission, an embassy, the circular series."""

    id: str
    label: str
    names: tuple[str, ...]
    places: tuple[str, ...]


@dataclass(frozen=True)
class TelegramEntry:
    """One telegram of the table: who sent it to whom, its number, date, and the FRUS document it is."""

    id: str
    sender: str
    recipient: str
    series: str
    number: str
    date: str | None
    date_basis: str
    target: str | None
    identification: str
    reason: str | None
    sources: tuple[tuple[str, str], ...]

    @property
    def label(self) -> str:
        return f"{self.series} {self.number}".strip()


@dataclass(frozen=True)
class ResolutionTable:
    offices: tuple[Office, ...]
    telegrams: tuple[TelegramEntry, ...]

    def office(self, office_id: str) -> Office:
        return next(o for o in self.offices if o.id == office_id)

    def office_for_place(self, place: str | None) -> str | None:
        if not place:
            return None
        return next((o.id for o in self.offices if place in o.places), None)


def office_of(party: str | None, table: ResolutionTable) -> str | None:
    """The office a heading's sender or recipient ("The Ambassador in India (Henderson)") belongs to."""
    if not party:
        return None
    low = party.lower()
    return next((o.id for o in table.offices if any(n.lower() in low for n in o.names)), None)


# --------------------------------------------------------------------------- validation
def _check_table(data: dict[str, Any], ctx: CheckContext) -> Iterator[Problem]:
    yield from check_unique_ids(data["offices"], ctx.file, what="office")
    yield from check_unique_ids(data["telegrams"], ctx.file, what="telegram")
    offices = {o["id"] for o in data["offices"]}
    documents = ctx.document_ids()
    sources = ctx.source_ids()
    keys: dict[tuple, str] = {}
    for entry in data["telegrams"]:
        record = f"'{entry['id']}'"
        for side in ("sender", "recipient"):
            if entry[side] not in offices:
                yield Problem(ctx.file, record, side, "the id of an office in 'offices' (" + ", ".join(sorted(offices)) + ")", repr(entry[side]))
        key = (entry["sender"], entry["recipient"], entry["series"], entry["number"])
        if key in keys:
            yield Problem(ctx.file, record, "number", "one entry per sender, recipient, series and number", f"the same as {keys[key]}")
        keys[key] = record
        if entry.get("date"):
            yield from check_iso_date(entry["date"], "day", file=ctx.file, record=record, field="date")
        if entry["target"] is None and not entry.get("reason"):
            yield Problem(ctx.file, record, "reason", "a reason why the telegram is not identified (target is null)", "none")
        for i, src in enumerate(entry["sources"]):
            yield from _check_source(src, i, record, documents, sources, ctx)


def _check_source(src: dict[str, str], index: int, record: str, documents: set[str], sources: set[str], ctx: CheckContext) -> Iterator[Problem]:
    name = src["source"]
    if name in documents:
        text = ctx.document_text(name) or ""
        if src["evidence"] not in text:
            yield Problem(ctx.file, record, f"sources.{index}.evidence", f"words that stand in the text of {name}", repr(src["evidence"][:80]))
    elif name not in sources:
        yield Problem(ctx.file, record, f"sources.{index}.source", "a bundled document or a source in data/sources.json", repr(name))


register(TABLE_FILE, "dossier-telegrams.schema.json", _check_table, description="the resolution table of telegram references")


def load_resolution_table() -> ResolutionTable:
    """The validated resolution table (``data/dossier/telegrams.json``)."""
    return table_from_json(load_validated(TABLE_FILE))


def table_from_json(data: dict[str, Any]) -> ResolutionTable:
    """A resolution table from JSON of the table's shape (already validated: tests pass made-up tables)."""
    offices = tuple(Office(o["id"], o["label"], tuple(o["names"]), tuple(o["places"])) for o in data["offices"])
    telegrams = tuple(
        TelegramEntry(t["id"], t["sender"], t["recipient"], t["series"], t["number"], t.get("date"), t["date_basis"],
                      t["target"], t["identification"], t.get("reason"),
                      tuple((s["source"], s["evidence"]) for s in t["sources"]))
        for t in data["telegrams"])
    return ResolutionTable(offices, telegrams)


# --------------------------------------------------------------------------- resolution
def _channel(ref: Reference, sender: str | None, recipient: str | None, table: ResolutionTable) -> tuple[str | None, str | None]:
    """Sender and recipient offices of the cited telegram, from its series word and the citing document."""
    post = table.office_for_place(ref.post)
    kind = ref.sender
    if ref.series == "telegram":
        if post is None:
            return None, None
        return ("department", post) if kind == "department" else (post, "department")
    if kind == "department":
        if post:
            return "department", post
        if ref.series == "Gadel":
            return "department", "usun"
        here = sender if sender not in (None, "department") else recipient
        return "department", (here if here != "department" else None)
    if kind == "circular":
        return "department", "circular"
    if kind == "usun":
        return "usun", "department"
    if kind == "recipient":
        return recipient, sender
    if kind == "sender":
        return sender, recipient
    if kind == "embassy":
        other = sender if sender != "department" else recipient
        return other, "department"
    return None, None


def _candidates(ref: Reference, channel: tuple[str | None, str | None], table: ResolutionTable) -> list[TelegramEntry]:
    wanted_series = {"Delga": "Delga", "Gadel": "Gadel"}.get(ref.series)
    out = []
    for entry in table.telegrams:
        if entry.number != ref.number:
            continue
        if channel[0] and entry.sender != channel[0] or channel[1] and entry.recipient != channel[1]:
            continue
        if wanted_series is not None and entry.series != wanted_series:
            continue
        if ref.series in ("Deptel", "Depcirtel", "telegram") and entry.series not in ("", "circular"):
            continue
        out.append(entry)
    return out


def _resolve_one(ref: Reference, sender: str | None, recipient: str | None, table: ResolutionTable) -> Reference:
    channel = _channel(ref, sender, recipient, table)
    ref = ref.resolved(sender=channel[0], recipient=channel[1])
    if channel == (None, None):
        return ref.resolved(status="unresolved", reason=f"who sent {ref.series} {ref.number} cannot be told from the series word and the citing document's heading")
    found = _candidates(ref, channel, table)
    described = f"{ref.series} {ref.number} ({channel[0] or '?'} → {channel[1] or '?'})"
    if not found:
        return ref.resolved(status="unresolved", reason=f"no telegram {described} in data/{TABLE_FILE}")
    if len(found) > 1:
        return ref.resolved(status="unresolved", reason=f"{described} matches several entries: " + ", ".join(e.id for e in found))
    entry = found[0]
    if entry.target is None:
        return ref.resolved(status="unresolved", entry=entry.id, reason=entry.reason or "not identified")
    if ref.date and entry.date and ref.date != entry.date:
        return ref.resolved(target=entry.target, entry=entry.id, status="date-disagrees", other_dates=(f"{entry.date} (the target's own date)",),
                            reason=f"the reference dates it {ref.date}; the target is dated {entry.date} ({entry.date_basis})")
    return ref.resolved(target=entry.target, entry=entry.id, status="resolved", reason=f"{entry.label} in the resolution table ({entry.identification})")


def _resolve_reftels(refs: list[Reference], reference_line_end: int | None) -> list[Reference]:
    """``reftel`` takes the target of the document's reference line: its first numbered reference,
    when that stands in the first body paragraph (ending at ``reference_line_end``)."""
    line = next((i for i, r in enumerate(refs) if r.series != "reftel"), None)
    out = []
    for ref in refs:
        if ref.series != "reftel":
            out.append(ref)
            continue
        if line is None or reference_line_end is None or refs[line].start >= reference_line_end:
            out.append(ref.resolved(status="unresolved", reason="reftel: the document has no reference line naming a telegram in its first paragraph"))
            continue
        head = refs[line]
        out.append(ref.resolved(target=head.target, entry=head.entry, via=line, sender=head.sender, recipient=head.recipient,
                                number=head.number, status="resolved" if head.target else "unresolved",
                                reason=f"reftel: the document's reference line designates {head.quote!r}" + ("" if head.target else f", itself unresolved ({head.reason})")))
    return out


def resolve_references(refs: Sequence[Reference], *, sender: str | None, recipient: str | None, table: ResolutionTable,
                       reference_line_end: int | None = None) -> list[Reference]:
    """Resolve one document's references (``sender``/``recipient``: its offices, see :func:`office_of`)."""
    resolved = [r if r.series == "reftel" else _resolve_one(r, sender, recipient, table) for r in refs]
    return _resolve_reftels(resolved, reference_line_end)


def mark_date_disagreements(by_document: dict[str, list[Reference]]) -> dict[str, list[Reference]]:
    """Across documents: references that give the same target different dates are each marked
    ``date-disagrees``, with the other dates and the documents that give them."""
    dates: dict[str, set[tuple[str, str]]] = {}
    for document, refs in by_document.items():
        for r in refs:
            if r.target and r.date:
                dates.setdefault(r.target, set()).add((r.date, document))
    out: dict[str, list[Reference]] = {}
    for document, refs in by_document.items():
        marked = []
        for r in refs:
            others = sorted((d, doc) for d, doc in dates.get(r.target or "", ()) if r.date and d != r.date)
            if others:
                extra = tuple(f"{d} (in {doc})" for d, doc in others)
                r = r.resolved(status="date-disagrees", other_dates=tuple(dict.fromkeys(r.other_dates + extra)),
                               reason=r.reason + "; other references date it " + ", ".join(extra))
            marked.append(r)
        out[document] = marked
    return out


def iter_entries(table: ResolutionTable, target: str) -> Iterable[TelegramEntry]:
    return (e for e in table.telegrams if e.target == target)
