"""The knowledge horizon: which events had happened, and which Washington could know of, by a given day.

The day is a Washington date (a document's date, from its record, or one the reader chooses).
An event's date is the *local* date of its ``local_place``: Korea lies across the date line from
Washington, so a Korean date can be Washington's next day, and that edge day is left open
('possibly').  What Washington knew comes from the event's ``reported_to_washington`` and its
``knowledge`` entries, each naming its kind of evidence (``EVIDENCE_CATEGORIES``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

import pandas as pd

from kernel_utils.store.documents import default_document, document_record

__all__ = [
    "AHEAD_OF_WASHINGTON",
    "EVIDENCE_CATEGORIES",
    "SAME_DATE_AS_WASHINGTON",
    "HorizonStatus",
    "Moment",
    "document_moment",
    "knowledge_evidence",
    "knowledge_horizon",
]

#: Places whose local date is Washington's date (same time zone).
SAME_DATE_AS_WASHINGTON = frozenset({"Washington", "New York", "Lake Success"})
#: Places ahead of Washington (Asia, Europe): their local date D is Washington's D-1 or D.
AHEAD_OF_WASHINGTON = frozenset({"Korea", "Tokyo", "Peking", "New Delhi", "London", "Brussels"})


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


def knowledge_evidence(
    place: str,
    happened: str,
    reported_when: Any,
    reported_basis: Any,
    knowledge: Iterable[dict] | None,
    moment: pd.Timestamp,
) -> tuple[str, str, str]:
    """For one event at ``moment``: (horizon answer, evidence category, detail naming the evidence).

    ``happened`` is the event's answer from :func:`_happened` (its start date is judged there).

    Order of precedence: took place in Washington; a receipt line (or report) dated by then; a
    Washington document dated by then (an explicit ``knowledge`` entry, or a 'known-by' report);
    public by then; not accessible; else unknown (or 'reported later' when the first report is later).
    """
    if happened == HorizonStatus.NOT_YET:
        return HorizonStatus.NOT_APPLICABLE, "not-yet", ""
    items = list(knowledge or ())
    dated = lambda cat: sorted(
        (i for i in items if i["category"] == cat and "date" in i and pd.Timestamp(i["date"]) <= moment),
        key=lambda i: i["date"],
    )
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
        return (
            HorizonStatus.DOCUMENT,
            "washington-document",
            f"{first['document']} ({first['date']}): “{first['quote']}”",
        )
    if has_report and reported_when <= moment:  # a 'known-by' report dated by then is itself such a document
        return HorizonStatus.DOCUMENT, "washington-document", f"known by {reported_when:%Y-%m-%d}"
    public = dated("public")
    if public:
        return HorizonStatus.PUBLIC, "public", f"public by {public[0]['date']}: {public[0]['sources'][0]['evidence']}"
    if any(i["category"] == "not-accessible" for i in items):
        return (
            HorizonStatus.NOT_ACCESSIBLE,
            "not-accessible",
            next(i.get("note", "") for i in items if i["category"] == "not-accessible"),
        )
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


@dataclass(frozen=True)
class Moment:
    """A day marked on the timeline, with the name that titles, legends and alt text give it."""

    day: pd.Timestamp
    name: str  # "Telegram 602" when it is the document's own date, else "the chosen day"
    document: str  # the document's short name ("Telegram 602"), for titles

    @property
    def iso(self) -> str:
        return f"{self.day:%Y-%m-%d}"

    @property
    def legend(self) -> str:
        """The legend's words: the name and the day ("Telegram 602 (20 Dec 1950)")."""
        return f"{self.name} ({self.day:%d %b %Y})"


def document_moment(document: str | None = None, moment: Any = None) -> Moment:
    """The day to mark for a bundled document: ``moment`` if given, else the document's date (its record).

    The mark is named after the document only when it falls on the document's own date, so a
    legend never names one day and draws another.  Raises ``ValueError`` when neither is known.
    """
    record = document_record(document or default_document())
    own = pd.Timestamp(record.date).normalize() if record.date else None
    if moment is None:
        if own is None:
            raise ValueError(f"{record.id} has no date in its record (document.json): give a moment to mark")
        return Moment(own, record.label, record.label)
    day = pd.Timestamp(moment).normalize()
    return Moment(day, record.label if day == own else "the chosen day", record.label)


def knowledge_horizon(frame: pd.DataFrame, moment: Any) -> pd.DataFrame:
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
    moment_ts = pd.Timestamp(moment).normalize()
    out = frame.copy()
    happened = [_happened(s, p, moment_ts) for s, p in zip(out["start"], out["local_place"])]
    knowledge = out["knowledge"] if "knowledge" in out else [()] * len(out)
    answers = [
        knowledge_evidence(p, h, w, b, k, moment_ts)
        for p, h, w, b, k in zip(out["local_place"], happened, out["reported_when"], out["reported_basis"], knowledge)
    ]
    out["happened"] = happened
    out["known_in_washington"] = [a[0] for a in answers]
    out["evidence"] = [a[1] for a in answers]
    out["evidence_detail"] = [a[2] for a in answers]
    out["could_know"] = [
        h != HorizonStatus.NOT_YET and a[1] not in ("later", "not-accessible") for h, a in zip(happened, answers)
    ]
    return out
