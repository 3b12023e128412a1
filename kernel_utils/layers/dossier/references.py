"""Cross-references in FRUS telegrams: where one document names another, found by character offsets.

FRUS telegrams name each other in a handful of conventional forms, which this module knows:

* series words glued to a number: ``Deptel 916``, ``Depcirtel 256``, ``Delga 460``, ``Gadel 153``,
  ``Embtel 12``, ``Circtel 4``, ``urtel 1466`` / ``Reurtel 1466`` / ``ur 1466`` (your telegram),
  ``mytel 88`` (my telegram);
* the Department's telegrams in words: ``Department's 916``, ``Department's No. 590``,
  ``Department's Top Secret 602``, ``Dept's 590``;
* ``telegram 916 to New Delhi`` / ``tel. 78 from London``;
* ``reftel`` (the telegram under reference), which has no number of its own: it designates
  whatever the document's reference line names (see :mod:`.resolution`).

Each may be followed by a date (``of December 15``, ``December 9, 2 p. m.``, ``Dec 15``) and a
post (``to New Delhi``).  Footnote markers glued to numbers in the stored page texts
(``December 171`` is December 17 + note 1; ``Delga 485.2`` is Delga 485 + note 2) are split off.

A document's own number at the head of its body (``Delga 460.``) is not a reference, and nor
are the distribution lines of a telegram (``sent Department 1590, repeated London 78``).

Which document a reference designates is decided in :mod:`.resolution`; this module only reads.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace

__all__ = ["SERIES", "Reference", "find_references_in_text"]

#: Series words, as written (lower case) → the normalised series name and who sent the telegram
#: relative to the citing document: "department" (the State Department), "usun", "circular",
#: "recipient" (the citing document's addressee: your telegram), "sender" (the citing document's
#: own office: my telegram), "embassy" (the post in the exchange that is not the Department).
SERIES: dict[str, tuple[str, str]] = {
    "deptel": ("Deptel", "department"),
    "deptels": ("Deptel", "department"),
    "depcirtel": ("Depcirtel", "circular"),
    "circtel": ("Depcirtel", "circular"),
    "delga": ("Delga", "usun"),
    "gadel": ("Gadel", "department"),
    "embtel": ("Embtel", "embassy"),
    "urtel": ("urtel", "recipient"),
    "reurtel": ("urtel", "recipient"),
    "ur": ("urtel", "recipient"),
    "reur": ("urtel", "recipient"),
    "mytel": ("mytel", "sender"),
    "remytel": ("mytel", "sender"),
}

_MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"], 1)}
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_CLASSIFICATION = r"(?:(?:Top\s+Secret|Secret|Confidential|Restricted)\s+)?"
_NUMBER = r"(?P<number>\d{1,5})(?![\d–-])(?P<more>(?:(?:,\s+\d{2,5}|\s+and\s+\d{1,5})(?![\d–-]))*)"
#: what may follow a number: a date (``of December 15``, ``, December 17``, ``December 9, 2 p. m.``), a post.
_DATE = (rf"(?:,?\s+(?:of\s+)?(?P<month>{_MONTH})\s+(?P<day>\d{{1,3}})\b"
         r"(?:,\s*(?P<year>19\d\d)\b)?(?:,\s*(?P<time>\d{1,2}(?::\d\d)?\s*[ap]\.\s?m\.))?)?")
_POST_REQUIRED = r"\s+(?P<direction>to|from)\s+(?P<post>[A-Z][A-Za-z]+(?:\s[A-Z][a-z]+)?)"
_POST = rf"(?:{_POST_REQUIRED})?"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("word", re.compile(rf"\b(?P<series>(?:Re)?(?:[Dd]eptels?|[Dd]epcirtels?|[Cc]irctels?|[Dd]elgas?|[Gg]adels?|[Ee]mbtels?|[Uu]rtels?|[Mm]ytels?)|[Rr]eur|[Uu]r)\s+(?:No\.\s*)?{_NUMBER}{_DATE}{_POST}")),
    ("glued", re.compile(rf"\b(?P<series>Reurtel|Remytel)\s*{_NUMBER}{_DATE}{_POST}")),
    ("department", re.compile(rf"\b(?P<series>Department(?:’|')s|Dept(?:’|')s)\s+{_CLASSIFICATION}(?:No\.\s*)?{_NUMBER}{_DATE}{_POST}")),
    ("telegram", re.compile(rf"\b(?P<series>[Tt]elegram|[Tt]el\.)\s+(?:No\.\s*)?{_NUMBER}{_DATE}{_POST_REQUIRED}")),
    ("reftel", re.compile(r"\b(?P<series>[Rr]eftels?)\b(?!\s*\d)")),
)
#: distribution lines: "sent Department 1590, repeated London 78" (the document's own numbers)
_DISTRIBUTION = re.compile(r"\b(?:[Ss]ent|[Rr]epeated|[Rr]epeat(?:ed)? to)\b[^.\n]*")


@dataclass(frozen=True)
class Reference:
    """One place where a document names another telegram or document.

    ``start``/``end`` are character offsets into the citing text and ``quote`` the words there.
    ``series`` is the normalised series word (``Deptel``, ``Delga``, ``urtel``, ``reftel`` …);
    ``number`` the number as written (``None`` for ``reftel``); ``date`` an ISO date when the
    reference gives one (the year taken from the citing document), ``date_as_written`` its words.
    ``sender``/``recipient`` are the offices (ids of the resolution table) the series word implies
    for the cited telegram, when it can be told (``None`` otherwise).  ``target``, ``status`` and
    ``reason`` are filled in by resolution; ``notes`` say what was split off or assumed.
    """

    document: str
    start: int
    end: int
    quote: str
    series: str
    number: str | None
    date: str | None = None
    date_as_written: str | None = None
    post: str | None = None
    sender: str | None = None
    recipient: str | None = None
    target: str | None = None
    status: str = "unresolved"
    reason: str = "not resolved yet"
    entry: str | None = None
    via: int | None = None
    other_dates: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict:
        """JSON-ready form (the ``references`` command's output)."""
        return {
            "document": self.document, "start": self.start, "end": self.end, "quote": self.quote,
            "series": self.series, "number": self.number, "date": self.date, "date_as_written": self.date_as_written,
            "post": self.post, "sender": self.sender, "recipient": self.recipient, "target": self.target,
            "status": self.status, "reason": self.reason, "entry": self.entry, "via": self.via,
            "other_dates": list(self.other_dates), "notes": list(self.notes),
        }

    def resolved(self, **changes) -> Reference:
        return replace(self, **changes)


def _split_day(day_text: str) -> tuple[int | None, str]:
    """The day of a written date and any footnote marker glued to it ("171" → 17, "1")."""
    if len(day_text) <= 2 and 1 <= int(day_text) <= 31:
        return int(day_text), ""
    for cut in (2, 1):
        if 1 <= int(day_text[:cut]) <= 31:
            return int(day_text[:cut]), day_text[cut:]
    return None, ""


def _iso_date(month_text: str, day_text: str, year: int | None, citing_month: int | None) -> tuple[str | None, str | None]:
    key = month_text.rstrip(".").lower()
    month = _MONTHS.get(key) or _MONTH_ABBR.get(key)
    if month is None:
        return None, None
    day, tail = _split_day(day_text)
    note = f"the digits '{tail}' after the day {day} are read as a footnote marker glued to the date" if tail else None
    if day is None or year is None:
        return None, note
    if citing_month is not None and month > citing_month + 1:
        year -= 1  # a December telegram cited in January
    try:
        return _dt.date(year, month, day).isoformat(), note
    except ValueError:
        return None, note


def _excluded_spans(text: str, own_number_span: tuple[int, int] | None) -> list[tuple[int, int]]:
    spans = [m.span() for m in _DISTRIBUTION.finditer(text)]
    if own_number_span:
        spans.append(own_number_span)
    return spans


def _inside(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


def find_references_in_text(text: str, *, document: str = "", year: int | None = None, month: int | None = None,
                            own_number_span: tuple[int, int] | None = None, body_start: int = 0,
                            body_end: int | None = None) -> list[Reference]:
    """Every reference to another telegram in ``text`` (between ``body_start`` and ``body_end``), in order.

    ``year``/``month`` are the citing document's (a written date takes its year, or the year
    before when the month is later than the citing month + 1). ``own_number_span`` is where the
    document's own number stands (skipped).  Unresolved: see :func:`.resolution.resolve_references`.
    """
    end_of_body = len(text) if body_end is None else body_end
    skip = _excluded_spans(text, own_number_span)
    found: dict[int, Reference] = {}
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text, body_start, end_of_body):
            if m.start() in found or _inside(m.start(), skip) or any(r.start <= m.start() < r.end for r in found.values()):
                continue
            for reference in _references(kind, m, text, document, year, month):
                found[reference.start] = reference
    return [found[k] for k in sorted(found)]


def _references(kind: str, m: re.Match[str], text: str, document: str, year: int | None, month: int | None) -> list[Reference]:
    """One reference per number of a match ("Urtels 925 and 926 June 25" gives two, sharing the date)."""
    first = _reference(kind, m, text, document, year, month)
    if first is None or not m.groupdict().get("more"):
        return [first] if first is not None else []
    out = [first.resolved(end=m.end("number"), quote=text[m.start():m.end("number")])]
    numbers = list(re.finditer(r"\d{1,5}", text[m.start("more"):m.end("more")]))
    for i, n in enumerate(numbers):
        start = m.start("more") + n.start()
        end = first.end if i == len(numbers) - 1 else start + len(n.group(0))
        out.append(first.resolved(start=start, end=end, quote=text[start:end], number=n.group(0),
                                  notes=first.notes + ("the series word stands before the first number of the list",)))
    return out


def _reference(kind: str, m: re.Match[str], text: str, document: str, year: int | None, month: int | None) -> Reference | None:
    gd = m.groupdict()
    written = gd["series"]
    notes: list[str] = []
    if kind == "reftel":
        return Reference(document, m.start(), m.end(), m.group(0), "reftel", None, reason="reftel: resolved through the document's reference line")
    if kind == "telegram" and not gd.get("post"):
        return None  # "telegram 12" alone is too weak: only "telegram N to/from Post" counts
    sender: str | None
    if kind in ("department",):
        series, sender = "Deptel", "department"
    elif kind == "telegram":
        series, sender = "telegram", "department" if gd.get("direction") == "to" else None
    else:
        key = written.lower()
        if key not in SERIES and key.endswith("s") and key[:-1] in SERIES:
            key = key[:-1]
        if key.startswith("re") and key not in SERIES:
            key = key[2:]
        series, sender = SERIES.get(key, (written, None))
    date: str | None = None
    date_as_written: str | None = None
    if gd.get("month"):
        date, note = _iso_date(gd["month"], gd["day"], int(gd["year"]) if gd.get("year") else year, None if gd.get("year") else month)
        date_as_written = f"{gd['month']} {gd['day'][:len(gd['day']) - len(_split_day(gd['day'])[1])]}" + (f", {gd['year']}" if gd.get("year") else "")
        if note:
            notes.append(note)
    end = m.end()
    if gd.get("day") and not gd.get("year") and not gd.get("time") and not gd.get("post"):
        end = m.end("day") - len(_split_day(gd["day"])[1])  # leave a glued footnote marker out of the quote
    quote = text[m.start():end]
    following = text[end:end + 3]
    if re.match(r"[.,]\d(?!\d)", following) or re.match(r"\d", text[m.end("number"):m.end("number") + 1] or ""):
        notes.append(f"a footnote marker follows: {following[:2]!r}")
    post = gd.get("post")
    return Reference(document, m.start(), end, quote, series, gd["number"], date, date_as_written, post,
                     sender=sender, notes=tuple(notes))
